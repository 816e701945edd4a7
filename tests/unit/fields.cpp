// The field table (fields.hpp): every row, for every entry type that carries
// it, makes the round trip through the writer, the fast scanner, simdjson's
// parser, the checker, an amendment (the lines `log edit` writes) and the
// JSON of `log`. A new row that some part of pumplog does not support fails here.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/line_parser.hpp"
#include "helpers.hpp"
#include "pumplog/amend.hpp"
#include "pumplog/check.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/record.hpp"
#include "pumplog/render/entries.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::instant;

namespace {

const date::time_zone* berlin() { return testing::zone("Europe/Berlin"); }

constexpr EntryType all_types[] = {EntryType::pump, EntryType::feed, EntryType::store, EntryType::move,
                                   EntryType::use,  EntryType::discard, EntryType::void_, EntryType::amend,
                                   EntryType::skip, EntryType::timer};

// A value of the field's kind: `which` 0 for a base entry, 1 and 2 for two others.
void put_sample(const FieldSpec& field, Entry& e, int which) {
    switch (field.kind) {
        case FieldKind::volume: e.*field.volume = std::array{90.0, 42.5, 61.0}[which]; break;
        case FieldKind::seconds: e.*field.seconds = std::array{600, 905, 1200}[which]; break;
        case FieldKind::text:
            e.*field.text = std::array{"01KAQ5Y3M9A6Z5W3X2V1T0S9R8", "some text", "other text"}[which];
            break;
        case FieldKind::named:
            field.named(e).assign(field.names[static_cast<std::size_t>(which) % field.names.size()], field.names);
            break;
        case FieldKind::time: {
            const Seconds t = instant(std::array{"2026-11-21T09:00:00Z", "2026-11-21T08:30:00Z",
                                                 "2026-11-20T22:15:00Z"}[which]);
            e.*field.time = Stamp{t, date::make_zoned(berlin(), t).get_info().offset};
            break;
        }
    }
}

bool same_value(const FieldSpec& field, const Entry& a, const Entry& b) {
    switch (field.kind) {
        case FieldKind::volume: return a.*field.volume == b.*field.volume;
        case FieldKind::seconds: return a.*field.seconds == b.*field.seconds;
        case FieldKind::text: return a.*field.text == b.*field.text;
        case FieldKind::named: return field.named_in(a) == field.named_in(b);
        case FieldKind::time: return a.*field.time == b.*field.time;
    }
    return false;
}

// A valid entry of the type: what it requires, with base values.
Entry base_entry(EntryType type) {
    Entry e;
    e.type = type;
    e.type_text = type_name(type);
    e.id = "01KAQ5Y3M9A6Z5W3X2V1T0S9RZ";
    e.at = *parse_rfc3339("2026-11-21T14:05:00+01:00");
    e.at_text = "2026-11-21T14:05:00+01:00";
    for (const auto& r : requirements)
        if (r.type == type) put_sample(*field_named(r.field), e, 0);
    if (type == EntryType::feed && e.method == FeedMethod::bottle) put_sample(*field_named("ml"), e, 0);
    if (type == EntryType::pump) put_sample(*field_named(pump_requirement.field), e, 0);
    return e;
}

// The line pumplog writes for the entry (an amendment with an empty `set`).
nlohmann::ordered_json write(const Entry& e) {
    nlohmann::ordered_json line = entry_line(e, berlin());
    if (e.type == EntryType::amend) line["set"] = nlohmann::ordered_json::object();
    return line;
}

struct Parsed {
    bool fast_ok = false, slow_ok = false;
    Entry fast, slow;
    std::string error;
};

Parsed parse_both(const std::string& line) {
    Parsed p;
    std::string padded(line);
    padded.resize(line.size() + line_padding, ' ');
    p.fast_ok = parse_canonical_line(padded.data(), line.size(), p.fast);
    LineParser parser;
    p.slow_ok = parser.parse_with_simdjson(padded.data(), line.size(), padded.size(), p.slow, p.error);
    return p;
}

// The findings of both of the checker's paths, which must agree.
std::vector<std::string> findings(const std::string& line) {
    LineValidator validator;
    std::vector<std::string> fast, dom;
    for (const auto& f : validator.check(line).findings) fast.push_back(f.message);
    for (const auto& f : validator.check_with_dom(line).findings) dom.push_back(f.message);
    CHECK(fast == dom);
    return dom;
}

// The field's value in an entry's JSON (`log --format json`).
nlohmann::ordered_json json_value(const Entry& e, std::string_view name) {
    const render::ListedEntry listed{&e, "r9z", false, {}};
    const auto j = render::entry_json(listed, Unit::ml);
    const auto it = j.find(std::string(name));
    return it == j.end() ? nlohmann::ordered_json() : *it;
}

}  // namespace

TEST_CASE("the field table is consistent", "[fields]") {
    std::set<std::string_view> names;
    std::uint32_t bits = 0;
    for (const auto& field : fields) {
        INFO(field.name);
        CHECK(names.insert(field.name).second);
        CHECK(field.carried_by != 0);
        CHECK((bits & field.amend_bit) == 0);
        bits |= field.amend_bit;
        if (field.amendable()) CHECK(field_of_bit(field.amend_bit) == &field);
        const int members = (field.volume != nullptr) + (field.seconds != nullptr) + (field.text != nullptr) +
                            (field.time != nullptr) + (field.named != nullptr);
        CHECK(members == 1);
        CHECK((field.kind == FieldKind::named) == !field.names.empty());
    }
    for (const auto& r : requirements) {
        INFO(r.field);
        REQUIRE(field_named(r.field));
        CHECK(field_named(r.field)->carried_by_type(r.type));
    }
    CHECK(field_named("v") == nullptr);
    CHECK(field_named("set") == nullptr);
}

TEST_CASE("every field of every type goes through write, both parsers, check, amend and JSON", "[fields]") {
    const Seconds now = instant("2026-11-22T10:00:00Z");
    int trips = 0;
    for (const auto& field : fields) {
        for (const EntryType type : all_types) {
            if (!field.carried_by_type(type)) continue;
            INFO(field.name << " in a " << type_name(type));
            ++trips;
            Entry e = base_entry(type);
            put_sample(field, e, 1);

            // The writer writes it (in the table's order, after v, id, type, at).
            const std::string line = serialize(write(e));
            INFO(line);
            CHECK(line.find("\"" + std::string(field.name) + "\":") != std::string::npos);

            // Both parsers read it back, alike.
            Parsed p = parse_both(line);
            REQUIRE(p.slow_ok);
            CHECK(p.fast_ok);
            CHECK(p.fast == p.slow);
            CHECK(same_value(field, p.slow, e));
            CHECK(p.slow.raw == line);

            // The checker calls the line clean on both of its paths.
            CHECK(findings(line).empty());

            // A value of another kind is refused by both parsers and named by the checker.
            nlohmann::ordered_json wrong = write(e);
            wrong[std::string(field.name)] = field.kind == FieldKind::text || field.kind == FieldKind::named ||
                                                     field.kind == FieldKind::time
                                                 ? nlohmann::ordered_json(5)
                                                 : nlohmann::ordered_json("five");
            const Parsed bad = parse_both(serialize(wrong));
            CHECK_FALSE(bad.fast_ok);
            CHECK_FALSE(bad.slow_ok);
            const auto bad_findings = findings(serialize(wrong));
            REQUIRE(bad_findings.size() >= 1);
            CHECK(bad_findings.front().find("\"" + std::string(field.name) + "\" is not") == 0);

            // `log --format json` shows it as the journal holds it.
            CHECK(json_value(p.slow, field.name) == entry_line(e, berlin())[std::string(field.name)]);

            if (type == EntryType::amend || type == EntryType::void_) continue;  // no correction of a correction
            if (!field.amendable()) continue;
            // An amendment sets it: written, read by both parsers, clean, applied.
            Amendment amendment;
            put_sample(field, amendment.values(), 2);
            amendment.set(field.amend_bit);
            const std::string amend = serialize(amend_line(e.id, amendment, now, "01KAQ5Y3M9A6Z5W3X2V1T0S9S0", berlin()));
            INFO(amend);
            CHECK(amend.find("\"set\":{\"" + std::string(field.name) + "\":") != std::string::npos);
            const Parsed a = parse_both(amend);
            REQUIRE(a.slow_ok);
            CHECK(a.fast_ok);
            CHECK(a.fast == a.slow);
            CHECK(a.slow.set_fields == field.amend_bit);
            CHECK(findings(amend).empty());
            Entry amended = p.slow;
            amended.apply(a.slow);
            CHECK(same_value(field, amended, amendment.values()));
            CHECK_FALSE(same_value(field, amended, e));
            // Its JSON shows the corrected value (a time is shown as written).
            if (field.kind != FieldKind::time)
                CHECK(json_value(amended, field.name) == field_json(field, amendment.values(), berlin()));

            // An amendment that clears it: null in `set`, absent after.
            Amendment clear;
            clear.set(field.amend_bit);
            const std::string cleared = serialize(amend_line(e.id, clear, now, "01KAQ5Y3M9A6Z5W3X2V1T0S9S1", berlin()));
            CHECK(cleared.find("\"set\":{\"" + std::string(field.name) + "\":null}") != std::string::npos);
            const Parsed c = parse_both(cleared);
            REQUIRE(c.slow_ok);
            CHECK(c.fast == c.slow);
            Entry without = p.slow;
            without.apply(c.slow);
            CHECK_FALSE(field.present(without));
        }
    }
    CHECK(trips >= static_cast<int>(fields.size()));
}

TEST_CASE("a type's required fields are named by the checker when missing", "[fields]") {
    for (const auto& r : requirements) {
        INFO(r.field << " in a " << type_name(r.type));
        Entry e = base_entry(r.type);
        field_named(r.field)->clear(e);
        const auto found = findings(serialize(write(e)));
        const std::string expected = "no \"" + std::string(r.field) + "\" (" + std::string(r.why) + ")";
        CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    }
}

TEST_CASE("a named field with an unknown value is a note on both of the checker's paths, and kept", "[fields]") {
    for (const auto& field : fields) {
        if (field.kind != FieldKind::named) continue;
        for (const EntryType type : all_types) {
            if (!field.carried_by_type(type)) continue;
            INFO(field.name << " in a " << type_name(type));
            Entry e = base_entry(type);
            field.named(e).assign("unheard-of", field.names);
            CHECK_FALSE(field.named_in(e).known());
            const std::string line = serialize(entry_line(e, berlin()));
            const auto found = findings(line);
            REQUIRE(found.size() == 1);
            CHECK(found.front().find("unknown " + std::string(field.name) + " \"unheard-of\"") == 0);
            const Parsed p = parse_both(line);
            CHECK(p.fast == p.slow);
            CHECK(field.named_in(p.slow).text() == "unheard-of");
            CHECK_FALSE(field.named_in(p.slow).known());
            CHECK(json_value(p.slow, field.name) == "unheard-of");
        }
    }
}

TEST_CASE("each named value reads back as its enum", "[fields]") {
    const Entry bottle = testing::entry_of(
        R"({"v":1,"id":"B","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":120,"milk":"formula"})");
    CHECK(bottle.method == FeedMethod::bottle);
    CHECK(bottle.method.value() == FeedMethod::bottle);
    CHECK(bottle.milk == Milk::formula);
    const Entry moved = testing::entry_of(
        R"({"v":1,"id":"M","type":"move","at":"2026-11-21T09:00:00+01:00","target":"S","place":"freezer"})");
    CHECK(moved.place == Place::freezer);
    CHECK_FALSE(moved.milk.value());
    for (const Place place : {Place::room, Place::cooler, Place::fridge, Place::freezer}) CHECK(value_named<Place>(name_of(place)) == place);
    CHECK_FALSE(value_named<Place>("Freezer"));
}
}  // namespace PUMPLOG_UNITY_ID
