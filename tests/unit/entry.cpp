// Journal lines (SPEC 3): parsing, amendments, ids, writing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/entry.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::instant;

namespace {

Entry parsed(const std::string& line) {
    Entry e;
    std::string error;
    INFO(line);
    REQUIRE(parse_entry_line(line, e, error));
    return e;
}

// The reason a line is refused ("" when it parses).
std::string why_bad(const std::string& line) {
    Entry e;
    std::string error;
    if (parse_entry_line(line, e, error)) return "";
    CHECK_FALSE(error.empty());
    return error;
}

const std::string pump_text =
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9R8","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":90,)"
    R"("left_ml":40,"right_ml":50,"dur_s":900,"note":"after work"})";

}  // namespace

TEST_CASE("a pump line gives its fields") {
    const Entry e = parsed(pump_text);
    CHECK(e.type == EntryType::pump);
    CHECK(e.type_text == "pump");
    CHECK(e.id == "01KAQ5Y3M9A6Z5W3X2V1T0S9R8");
    CHECK(e.at.instant == instant("2026-11-21T13:05:00Z"));
    CHECK(e.at.offset == std::chrono::hours(1));
    CHECK(e.at_text == "2026-11-21T14:05:00+01:00");
    CHECK(e.ml == 90);
    CHECK(e.left_ml == 40);
    CHECK(e.right_ml == 50);
    CHECK(e.dur_s == 900);
    CHECK(e.note == "after work");
    CHECK(e.raw == pump_text);
    CHECK(e.is_event());
}

TEST_CASE("feed, store, move, use, discard and void lines give their fields") {
    const Entry bottle = parsed(
        R"({"v":1,"id":"f1","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","ml":120,"milk":"formula"})");
    CHECK(bottle.type == EntryType::feed);
    CHECK(bottle.method == FeedMethod::bottle);
    CHECK(bottle.milk == Milk::formula);
    CHECK(bottle.ml == 120);
    const Entry breast = parsed(
        R"({"v":1,"id":"f2","type":"feed","at":"2026-11-21T12:00:00+01:00","method":"breast","left_s":720,"right_s":480})");
    CHECK(breast.left_s == 720);
    CHECK(breast.right_s == 480);
    CHECK_FALSE(breast.ml);
    const Entry store = parsed(R"({"v":1,"id":"s1","type":"store","at":"2026-11-21T12:00:00+01:00","ml":100,)"
                               R"("place":"freezer","pumped":"2026-11-21T10:00:00+01:00","label":"B1","from":"p1"})");
    CHECK(store.type == EntryType::store);
    CHECK(store.place == Place::freezer);
    CHECK(store.label == "B1");
    CHECK(store.from == "p1");
    REQUIRE(store.pumped);
    CHECK(store.pumped->instant == instant("2026-11-21T09:00:00Z"));
    CHECK(parsed(R"({"v":1,"id":"m","type":"move","at":"2026-11-21T12:00:00Z","target":"s1","place":"fridge"})").type ==
          EntryType::move);
    CHECK(parsed(R"({"v":1,"id":"u","type":"use","at":"2026-11-21T12:00:00Z","target":"s1","ml":50})").type ==
          EntryType::use);
    const Entry discard = parsed(R"({"v":1,"id":"d","type":"discard","at":"2026-11-21T12:00:00Z","target":"s1","reason":"spilled"})");
    CHECK(discard.reason == "spilled");
    const Entry v = parsed(R"({"v":1,"id":"x","type":"void","at":"2026-11-21T12:00:00Z","target":"f1"})");
    CHECK(v.type == EntryType::void_);
    CHECK(v.target == "f1");
    CHECK_FALSE(v.is_event());
}

TEST_CASE("every line needs v, id, type and at") {
    CHECK(why_bad(R"({"id":"a","type":"pump","at":"2026-11-21T12:00:00Z"})") == "no \"v\"");
    CHECK(why_bad(R"({"v":1,"type":"pump","at":"2026-11-21T12:00:00Z"})") == "no \"id\"");
    CHECK(why_bad(R"({"v":1,"id":"a","at":"2026-11-21T12:00:00Z"})") == "no \"type\"");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump"})") == "no \"at\"");
}

TEST_CASE("required fields of the wrong type or form make a bad line") {
    CHECK_THAT(why_bad(R"({"v":0,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z"})"), Contains("\"v\""));
    CHECK_THAT(why_bad(R"({"v":"1","id":"a","type":"pump","at":"2026-11-21T12:00:00Z"})"), Contains("\"v\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"","type":"pump","at":"2026-11-21T12:00:00Z"})"), Contains("\"id\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":7,"type":"pump","at":"2026-11-21T12:00:00Z"})"), Contains("\"id\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"a","type":"","at":"2026-11-21T12:00:00Z"})"), Contains("\"type\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"a","type":"pump","at":"yesterday"})"), Contains("\"at\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00"})"), Contains("\"at\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","ml":"90"})"), Contains("\"ml\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","note":5})"), Contains("\"note\""));
}

TEST_CASE("a field written twice makes a bad line, as log check calls it") {
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","ml":90,"ml":200})") ==
          "\"ml\" appears twice");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","type":"feed","at":"2026-11-21T12:00:00Z"})") ==
          "\"type\" appears twice");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","x":1,"x":2})") ==
          "\"x\" appears twice");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","ml":90,"note":"ml"})") == "");
}

TEST_CASE("what is not a JSON object is a bad line") {
    CHECK_THAT(why_bad("not json"), Contains("JSON"));
    CHECK(why_bad("[1,2]") == "not a JSON object");
    CHECK(why_bad("") != "");
    // A line cut short by a crash.
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","ml":9)") != "");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:)") != "");
    // Two lines run together (a crash, then an append without a fresh line).
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z"}{"v":1,"id":"b","type":"pump","at":"2026-11-21T12:00:00Z"})") != "");
    CHECK(why_bad(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z"} trailing)") != "");
}

TEST_CASE("unknown fields and unknown types are kept in raw") {
    const std::string line =
        R"({"v":2,"id":"a","type":"bath","at":"2026-11-21T12:00:00Z","temp_c":37.5,"extra":{"nested":[1,2]}})";
    const Entry e = parsed(line);
    CHECK(e.type == EntryType::unknown);
    CHECK(e.type_text == "bath");
    CHECK(e.raw == line);
    CHECK(e.is_event());
    const Entry pump = parsed(
        R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T12:00:00Z","ml":90,"device":"Spectra S1","tags":["x"]})");
    CHECK(pump.ml == 90);
    CHECK_THAT(pump.raw, Contains("\"device\":\"Spectra S1\""));
    CHECK(type_name(EntryType::unknown) == "unknown");
    CHECK(parse_type("bath") == EntryType::unknown);
    CHECK(parse_type("void") == EntryType::void_);
}

TEST_CASE("an amendment carries the corrected fields and which ones it sets") {
    const Entry a = parsed(R"({"v":1,"id":"c","type":"amend","at":"2026-11-21T15:00:00+01:00","target":"a",)"
                           R"("set":{"ml":100,"left_ml":null,"at":"2026-11-21T09:00:00+01:00","note":"fixed"}})");
    CHECK(a.type == EntryType::amend);
    CHECK(a.target == "a");
    CHECK(a.set_fields == (field_ml | field_left_ml | field_at | field_note));
    CHECK(a.ml == 100);
    CHECK(a.set_at.instant == instant("2026-11-21T08:00:00Z"));
    CHECK(a.set_at_text == "2026-11-21T09:00:00+01:00");
    // Applying it: set fields replaced, null clears, the rest kept.
    Entry e = parsed(pump_text);
    e.apply(a);
    CHECK(e.ml == 100);
    CHECK_FALSE(e.left_ml);
    CHECK(e.right_ml == 50);
    CHECK(e.dur_s == 900);
    CHECK(e.note == "fixed");
    CHECK(e.at_text == "2026-11-21T09:00:00+01:00");
    CHECK(e.at.instant == instant("2026-11-21T08:00:00Z"));
    CHECK(e.id == "01KAQ5Y3M9A6Z5W3X2V1T0S9R8");
}

TEST_CASE("an amendment with a malformed set is a bad line") {
    CHECK_THAT(why_bad(R"({"v":1,"id":"c","type":"amend","at":"2026-11-21T15:00:00Z","target":"a","set":5})"),
               Contains("\"set\""));
    CHECK_THAT(why_bad(R"({"v":1,"id":"c","type":"amend","at":"2026-11-21T15:00:00Z","target":"a","set":{"at":"soon"}})"),
               Contains("set.at"));
    CHECK_THAT(why_bad(R"({"v":1,"id":"c","type":"amend","at":"2026-11-21T15:00:00Z","target":"a","set":{"ml":"x"}})"),
               Contains("set.ml"));
}

TEST_CASE("a ULID is 26 Crockford base32 characters") {
    const std::string id = make_ulid(std::chrono::system_clock::now());
    CHECK(id.size() == 26);
    CHECK(id.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ") == std::string::npos);
}

TEST_CASE("a ULID's time round-trips to the millisecond") {
    using namespace std::chrono;
    const system_clock::time_point t = system_clock::time_point(milliseconds(1795000123456));
    const auto back = ulid_time(make_ulid(t));
    REQUIRE(back);
    CHECK(*back == t);
    const auto epoch = ulid_time(make_ulid(system_clock::time_point(milliseconds(0))));
    REQUIRE(epoch);
    CHECK(epoch->time_since_epoch() == milliseconds(0));
    CHECK(ulid_time("01ARZ3NDEKTSV4RRFFQ69G5FAV") == system_clock::time_point(milliseconds(1469922850259)));
    CHECK(ulid_time("01arz3ndektsv4rrffq69g5fav") == ulid_time("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
}

TEST_CASE("ULIDs sort by creation time and do not repeat") {
    using namespace std::chrono;
    std::vector<std::string> ids;
    std::set<std::string> distinct;
    for (int i = 0; i < 200; ++i) {
        ids.push_back(make_ulid(system_clock::time_point(milliseconds(1795000000000 + i * 7))));
        distinct.insert(ids.back());
    }
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    CHECK(distinct.size() == ids.size());
    std::set<std::string> same_ms;
    for (int i = 0; i < 1000; ++i) same_ms.insert(make_ulid(system_clock::time_point(milliseconds(1795000000000))));
    CHECK(same_ms.size() == 1000);
}

TEST_CASE("an id that is not a ULID has no creation time") {
    CHECK_FALSE(ulid_time("f1"));
    CHECK_FALSE(ulid_time("01ARZ3NDEKTSV4RRFFQ69G5FA"));    // 25 characters
    CHECK_FALSE(ulid_time("01ARZ3NDEKTSV4RRFFQ69G5FAVX"));  // 27
    CHECK_FALSE(ulid_time("01ARZ3NDEKTSV4RRFFQ69G5FAU"));   // U is not Crockford
    CHECK_FALSE(ulid_time("8ZZZZZZZZZZZZZZZZZZZZZZZZZ"));   // over 48 bits of time
    CHECK_FALSE(ulid_time("80000000000000000000000000"));   // 2^48 ms: one past the largest
    // The largest ULID time (year 10889) is beyond what the system clock holds.
    CHECK_FALSE(ulid_time("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
    CHECK_FALSE(ulid_time("0ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
}

TEST_CASE("a ULID time up to the system clock's range is read") {
    using namespace std::chrono;
    const auto t = system_clock::time_point(milliseconds(7258118400000));  // 2200-01-01
    CHECK(ulid_time(make_ulid(t)) == t);
}

TEST_CASE("a new line starts with v, id, type and at in the zone's offset") {
    const Line line = new_line(EntryType::pump, "ID", instant("2026-07-01T10:00:00Z"), testing::zone("Europe/Berlin"));
    CHECK(serialize(line) == R"({"v":1,"id":"ID","type":"pump","at":"2026-07-01T12:00:00+02:00"})");
}

TEST_CASE("whole numbers are written without a decimal point") {
    CHECK(serialize(json_number(90.0)) == "90");
    CHECK(serialize(json_number(88.72)) == "88.72");
    CHECK(serialize(json_number(-0.0)) == "0");
}

TEST_CASE("serializing replaces invalid UTF-8 instead of throwing") {
    Line line = new_line(EntryType::pump, "ID", instant("2026-07-01T10:00:00Z"), testing::zone("UTC"));
    line["note"] = std::string("bad \xff byte");
    CHECK_THAT(serialize(line), Contains("bad \xEF\xBF\xBD byte"));
}
}  // namespace PUMPLOG_UNITY_ID
