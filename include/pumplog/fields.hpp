#pragma once
// The journal's schema, written once (SPEC 3, pumplog(5)): every field an
// entry line may carry beyond `v`, `id`, `type`, `at` and an amendment's
// `set`, with its JSON kind, the entry types that carry it, whether `log edit`
// may correct it, and its place in Entry. The fast scanner's key set, the
// simdjson parser, the checker's rules, the writer (entry_line), the
// amendments `log edit` builds and the JSON/CSV renderers all walk this
// table; tests/unit/fields.cpp round-trips every row through all of them.
// Adding a field: one row here (and its member in Entry), see ARCHITECTURE.md.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"

namespace pumplog {

// What a field holds: a volume in ml (a JSON number), a count of seconds (a
// whole JSON number), text (a JSON string), a named value (a JSON string, one
// of an enum's names: names.hpp) or a time (an RFC 3339 string). JSON null
// stands for "absent" in each.
enum class FieldKind : std::uint8_t { volume, seconds, text, named, time };

constexpr TypeMask stock_types = type_bit(EntryType::store) | type_bit(EntryType::move) |
                                 type_bit(EntryType::use) | type_bit(EntryType::discard);

struct FieldSpec {
    std::string_view name;  // its JSON key
    FieldKind kind;
    std::uint32_t amend_bit;  // its Field bit when an amendment's `set` may correct it, else 0
    TypeMask carried_by;      // the types whose lines pumplog writes it in
    // Its place in Entry: the one member pointer of its kind.
    std::optional<double> Entry::*volume = nullptr;
    std::optional<std::int64_t> Entry::*seconds = nullptr;
    std::string Entry::*text = nullptr;
    std::optional<Stamp> Entry::*time = nullptr;
    NamedText& (*named)(Entry&) = nullptr;     // a named value's member
    std::span<const std::string_view> names;  // and its names

    const NamedText& named_in(const Entry& e) const { return named(const_cast<Entry&>(e)); }
    bool amendable() const { return amend_bit != 0; }
    bool carried_by_type(EntryType type) const { return (carried_by & type_bit(type)) != 0; }
    // Whether the entry holds a value (an empty text is none).
    bool present(const Entry& e) const;
    void clear(Entry& e) const;
    // Copies the field's value from one entry to another.
    void copy(const Entry& from, Entry& to) const;
};

namespace detail {
constexpr FieldSpec volume_field(std::string_view name, std::uint32_t bit, TypeMask types,
                                 std::optional<double> Entry::*member) {
    return {name, FieldKind::volume, bit, types, member, nullptr, nullptr, nullptr, nullptr, {}};
}
constexpr FieldSpec seconds_field(std::string_view name, std::uint32_t bit, TypeMask types,
                                  std::optional<std::int64_t> Entry::*member) {
    return {name, FieldKind::seconds, bit, types, nullptr, member, nullptr, nullptr, nullptr, {}};
}
constexpr FieldSpec text_field(std::string_view name, std::uint32_t bit, TypeMask types, std::string Entry::*member) {
    return {name, FieldKind::text, bit, types, nullptr, nullptr, member, nullptr, nullptr, {}};
}
template <class E>
constexpr FieldSpec named_field(std::string_view name, std::uint32_t bit, TypeMask types, NamedText& (*member)(Entry&)) {
    return {name, FieldKind::named, bit, types, nullptr, nullptr, nullptr, nullptr, member, Names<E>::list};
}
constexpr FieldSpec time_field(std::string_view name, std::uint32_t bit, TypeMask types,
                               std::optional<Stamp> Entry::*member) {
    return {name, FieldKind::time, bit, types, nullptr, nullptr, nullptr, member, nullptr, {}};
}
constexpr TypeMask pump = type_bit(EntryType::pump), feed = type_bit(EntryType::feed),
                   store = type_bit(EntryType::store), move = type_bit(EntryType::move),
                   use = type_bit(EntryType::use), discard = type_bit(EntryType::discard),
                   void_ = type_bit(EntryType::void_), amend = type_bit(EntryType::amend),
                   skip = type_bit(EntryType::skip), timer = type_bit(EntryType::timer);
}  // namespace detail

// In the order pumplog writes them in a line (after v, id, type and at).
inline constexpr std::array<FieldSpec, 23> fields = {{
    detail::text_field("target", 0, detail::move | detail::use | detail::discard | detail::void_ | detail::amend,
                       &Entry::target),
    detail::named_field<FeedMethod>("method", field_method, detail::feed,
                                    [](Entry& e) -> NamedText& { return e.method; }),
    detail::volume_field("ml", field_ml, detail::pump | detail::feed | detail::store | detail::use, &Entry::ml),
    detail::volume_field("left_ml", field_left_ml, detail::pump, &Entry::left_ml),
    detail::volume_field("right_ml", field_right_ml, detail::pump, &Entry::right_ml),
    detail::seconds_field("left_s", field_left_s, detail::feed, &Entry::left_s),
    detail::seconds_field("right_s", field_right_s, detail::feed, &Entry::right_s),
    detail::seconds_field("dur_s", field_dur_s, detail::pump | detail::feed, &Entry::dur_s),
    detail::named_field<Milk>("milk", field_milk, detail::feed, [](Entry& e) -> NamedText& { return e.milk; }),
    detail::text_field("baby", field_baby, detail::feed | detail::store, &Entry::baby),
    detail::named_field<Place>("place", field_place, detail::store | detail::move,
                               [](Entry& e) -> NamedText& { return e.place; }),
    detail::time_field("pumped", field_pumped, detail::store, &Entry::pumped),
    detail::time_field("thawed", 0, detail::store, &Entry::thawed),
    detail::time_field("until", 0, detail::store, &Entry::until),
    detail::time_field("best_by", 0, detail::store, &Entry::best_by),
    detail::text_field("label", field_label, detail::store, &Entry::label),
    detail::text_field("from", 0, detail::store | detail::use, &Entry::from),
    detail::text_field("reason", field_reason, detail::discard, &Entry::reason),
    detail::named_field<TimerAction>("action", 0, detail::timer, [](Entry& e) -> NamedText& { return e.action; }),
    detail::named_field<Side>("side", 0, detail::timer, [](Entry& e) -> NamedText& { return e.side; }),
    detail::text_field("timer", 0, detail::pump | detail::timer, &Entry::timer),
    detail::text_field("note", field_note, detail::pump | detail::feed | detail::store | detail::skip, &Entry::note),
    detail::text_field("group", 0,
                       detail::pump | detail::feed | detail::store | detail::move | detail::use | detail::discard |
                           detail::amend,
                       &Entry::group),
}};

// The row of a key, or nullptr when the key is none of the table's.
const FieldSpec* field_named(std::string_view name);
// The row of an amendment's field bit (field_at has none: `set.at` is the entry's time).
const FieldSpec* field_of_bit(std::uint32_t bit);

// SPEC 3's rules per type: a field the type must carry (`why` words the
// finding when it is missing). A named field's value must be one of its
// names (any other is kept, with a note, and ignored by computations).
struct Requirement {
    EntryType type;
    std::string_view field;
    std::string_view why;
};
inline constexpr std::array<Requirement, 11> requirements = {{
    {EntryType::feed, "method", "bottle or breast"},
    {EntryType::store, "ml", "a stored container holds a volume"},
    {EntryType::store, "place", "where it is stored"},
    {EntryType::move, "place", "where it moved to"},
    {EntryType::use, "ml", "how much was used"},
    {EntryType::void_, "target", "the id of the entry it refers to"},
    {EntryType::amend, "target", "the id of the entry it refers to"},
    {EntryType::use, "target", "the id of the entry it refers to"},
    {EntryType::move, "target", "the id of the entry it refers to"},
    {EntryType::discard, "target", "the id of the entry it refers to"},
    {EntryType::timer, "action", "start, pause, resume or cancel"},
}};
// A bottle feed must carry its volume too, or, when the volume was not recorded
// (an app's export of a bottle given without an amount), its milk.
inline constexpr Requirement bottle_requirement = {
    EntryType::feed, "ml", "a bottle feed records a volume, or milk when its volume is unknown"};
// A pump carries its volume, or, when the volume was not recorded (an app's
// export of a timed session), its length.
inline constexpr Requirement pump_requirement = {EntryType::pump, "ml",
                                                 "a pump records a volume, or dur_s when its volume is unknown"};

// What the rules of an amendment look at in an entry: the Field bits of the
// amendable fields it holds, and whether it is a bottle feed.
struct HeldFields {
    std::uint32_t held = 0;
    bool bottle = false;
};
HeldFields held_fields(const Entry& entry);
// What an amendment does, in Field bits (`at` aside): the fields its `set`
// names, those of them it removes (null), and whether it sets method bottle.
struct AmendmentShape {
    std::uint32_t set = 0, removed = 0;
    bool sets_bottle = false;
};
AmendmentShape amendment_shape(const Entry& amend);
// Why an amendment may not correct an entry of `type` holding `target` (the
// entry as written), as log check words it: it sets a field the type does not
// carry, or leaves the entry without one SPEC 3 requires; "" when it may.
std::string amendment_error(EntryType type, HeldFields target, const AmendmentShape& amendment);

// Writes an entry as a journal line: v, id, type, at, then every table field
// the entry holds, in the table's order (volumes as written: round them
// first; text made valid UTF-8).
Line entry_line(const Entry& entry, const date::time_zone* zone);
// A field's value as JSON (null when the entry holds none).
nlohmann::ordered_json field_json(const FieldSpec& field, const Entry& entry, const date::time_zone* zone);

}  // namespace pumplog
