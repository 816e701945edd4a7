#pragma once
// Journal entries (SPEC 3, pumplog(5)): one JSON object per line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pumplog/names.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"  // plausible_volume

namespace pumplog {

// `skip`: a planned pump the parent skipped (`plan skip`); `timer`: the pump
// timer's start, pause, resume and cancel (`pump`).
enum class EntryType : std::uint8_t { pump, feed, store, move, use, discard, void_, amend, skip, timer, unknown };

std::string_view type_name(EntryType type);
// A set of entry types, a bit per type.
using TypeMask = std::uint16_t;
constexpr TypeMask type_bit(EntryType type) { return static_cast<TypeMask>(1u << static_cast<unsigned>(type)); }
constexpr TypeMask all_types = 0xffff;
// The lines a reader may pass over after their header (v, id, type, at):
// those of `types`, and those of `old_types` whose written `at` is before
// `before` (a command that needs the whole stash but only last week's feeds).
// Void and amend lines are never passed over.
struct PassOver {
    TypeMask types = 0;
    TypeMask old_types = 0;
    Seconds before{};
    PassOver() = default;
    PassOver(TypeMask t) : types(t) {}  // a mask alone: as before this struct
    bool any() const { return types != 0 || old_types != 0; }
    bool passes(EntryType type, Seconds at) const {
        const TypeMask bit = type_bit(type);
        return (types & bit) != 0 || ((old_types & bit) != 0 && at < before);
    }
};
// `unknown` for a type this version does not know (kept, ignored by computations).
EntryType parse_type(std::string_view name);

// Fields an amendment may set (a bit each in Entry::set_fields).
enum Field : std::uint32_t {
    field_ml = 1u << 0,
    field_left_ml = 1u << 1,
    field_right_ml = 1u << 2,
    field_dur_s = 1u << 3,
    field_left_s = 1u << 4,
    field_right_s = 1u << 5,
    field_method = 1u << 6,
    field_milk = 1u << 7,
    field_place = 1u << 8,
    field_label = 1u << 9,
    field_note = 1u << 10,
    field_at = 1u << 11,
    field_pumped = 1u << 12,
    field_reason = 1u << 13,
    field_baby = 1u << 14,
};

// One line of the journal, parsed. The reader reuses one Entry per line (its
// strings keep their capacity), so reading allocates little. For an `amend`
// line the corrected fields are held in the same members (an amend has no
// volume of its own), `set_fields` says which, and `set_at` is the corrected time.
struct Entry {
    EntryType type = EntryType::unknown;
    std::string type_text;  // as written (for unknown types)
    std::string id;
    Stamp at;               // parsed `at`
    std::string at_text;    // as written: its first 10 characters are the local date
    std::optional<double> ml, left_ml, right_ml;
    std::optional<std::int64_t> dur_s, left_s, right_s;
    Named<FeedMethod> method;
    Named<Milk> milk;
    Named<Place> place;
    Named<TimerAction> action;  // timer lines
    Named<Side> side;           // a timer's start: the side pumped
    std::string timer;          // the timer start's id (timer lines but the start; a pump that stops it)
    std::string label, target, reason, note, from;
    // A feed's baby, by name (SPEC 12), or a leftover's (a store): the baby who left it; "" for one baby alone.
    std::string baby;
    // The lines one command writes together share `group` (the id of its first
    // line): undo and rm take them back together (pumplog(5)).
    std::string group;
    // store only: milk already thawed at `thawed`; used by `until` at the latest;
    // best quality before `best_by` while frozen (a combined container: its parts' earliest).
    std::optional<Stamp> pumped, thawed, until, best_by;
    // amend only
    std::uint32_t set_fields = 0;
    Stamp set_at;
    std::string set_at_text;

    std::string raw;           // the line as read (without its newline)
    std::uint64_t offset = 0;  // byte offset of the line in the file
    // Only v, id, type and at were read (and raw), without their texts
    // (type_text and at_text may be empty): a line of a type the reader was
    // told to pass over (LineParser::pass_over). Never delivered by a replay.
    bool header_only = false;

    void clear();
    bool operator==(const Entry&) const = default;
    bool is_event() const { return type != EntryType::void_ && type != EntryType::amend; }
    // Applies an amendment's fields to this entry (amend.type must be amend).
    void apply(const Entry& amend);
};

// A duration a line may hold (`dur_s`, `left_s`, `right_s`): none to a day.
// `log check` flags any other, and computations count it as none (a report
// never prints 150 quadrillion minutes at the breast).
inline constexpr std::int64_t most_plausible_seconds = 24 * 60 * 60;
inline bool plausible_seconds(std::int64_t s) { return s >= 0 && s <= most_plausible_seconds; }
inline std::optional<std::int64_t> counted_seconds(const std::optional<std::int64_t>& s) {
    return s && plausible_seconds(*s) ? s : std::nullopt;
}

// Parses one journal line; nullopt with `error` set when it is not a valid entry
// (not JSON, not an object, missing or mistyped v/id/type/at). Slow path: the
// journal reader has its own streaming parser that must agree with this one.
bool parse_entry_line(std::string_view line, Entry& out, std::string& error);

// ULID: 26 Crockford base32 characters, 48-bit millisecond time then 80 random bits.
std::string make_ulid(std::chrono::system_clock::time_point when);
// The creation time of a ULID id, or nullopt when the id is not one.
std::optional<std::chrono::system_clock::time_point> ulid_time(std::string_view id);

// Writes a line for the journal: fields in a stable order (ordered_json).
using Line = nlohmann::ordered_json;
Line new_line(EntryType type, std::string_view id, Seconds at, const date::time_zone* zone);
std::string serialize(const Line& line);
// A JSON number: an integer when the value is whole ("90", not "90.0").
nlohmann::ordered_json json_number(double value);  // no newline; invalid UTF-8 replaced

}  // namespace pumplog
