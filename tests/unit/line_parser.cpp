// The reader's fast path (parse_canonical_line): it reads the lines pumplog
// writes exactly as simdjson does, and declines everything else.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "core/line_parser.hpp"
#include "pumplog/entry.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

// Both readings of a line: the fast path's (accepted or not) and simdjson's.
struct Readings {
    bool fast_ok = false;
    Entry fast;
    bool slow_ok = false;
    Entry slow;
    std::string error;
};

Readings read_both(const std::string& line) {
    Readings r;
    std::string padded(line);
    padded.resize(line.size() + line_padding, ' ');
    r.fast_ok = parse_canonical_line(padded.data(), line.size(), r.fast);
    LineParser parser;
    r.slow_ok = parser.parse_with_simdjson(padded.data(), line.size(), padded.size(), r.slow, r.error);
    return r;
}

// Lines as pumplog writes them (and as bench/generate writes them).
const std::vector<std::string> canonical = {
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9R8","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":90,"left_ml":40,"right_ml":50,"dur_s":900,"note":"after work"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9R9","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":92.5})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RA","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","ml":120,"milk":"formula"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RB","type":"feed","at":"2026-11-21T11:00:00-05:00","method":"breast","left_s":600,"right_s":420})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RC","type":"store","at":"2026-11-21T14:10:00+01:00","ml":90,"place":"freezer","pumped":"2026-11-21T14:05:00+01:00","label":"B12","from":"01KAQ5Y3M9A6Z5W3X2V1T0S9R8"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RD","type":"move","at":"2026-11-21T15:00:00Z","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9RC","place":"fridge"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RE","type":"use","at":"2026-11-21T16:00:00+01:00","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9RC","ml":60})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RF","type":"discard","at":"2026-11-22T16:00:00+01:00","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9RC","reason":"thawed > 24h"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RG","type":"void","at":"2026-11-22T16:01:00+01:00","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9RF"})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RH","type":"amend","at":"2026-11-22T16:02:00+01:00","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9R8","set":{"ml":95,"at":"2026-11-21T14:00:00+01:00","note":null}})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RJ","type":"amend","at":"2026-11-22T16:02:00+01:00","target":"01KAQ5Y3M9A6Z5W3X2V1T0S9RB","set":{}})",
    R"({"v":1,"id":"01KAQ5Y3M9A6Z5W3X2V1T0S9RK","type":"nap","at":"2026-11-22T16:02:00+01:00"})",
    R"({"v":2,"id":"x","type":"pump","at":"2026-11-22T16:02:00.250+01:00","ml":0.1,"dur_s":12.5,"left_s":-0.5,"right_ml":null})",
};

}  // namespace

TEST_CASE("the fast path reads every line pumplog writes as simdjson does") {
    for (const auto& line : canonical) {
        INFO(line);
        const Readings r = read_both(line);
        REQUIRE(r.slow_ok);
        CHECK(r.fast_ok);
        CHECK(r.fast == r.slow);
    }
}

TEST_CASE("the fast path gives a line's fields, raw text and correctly rounded numbers") {
    const Readings r = read_both(canonical[12]);
    REQUIRE(r.fast_ok);
    CHECK(r.fast.type == EntryType::pump);
    CHECK(r.fast.id == "x");
    CHECK(r.fast.ml == 0.1);  // the double nearest 0.1, as a compiler reads it
    CHECK(r.fast.dur_s == -1);  // 12.5 s is no whole count: damage, held as -1 (counted as none), as on simdjson's path
    CHECK(r.fast.left_s == -1);
    CHECK_FALSE(r.fast.right_ml.has_value());
    CHECK(r.fast.raw == canonical[12]);
    const Readings amend = read_both(canonical[9]);
    REQUIRE(amend.fast_ok);
    CHECK(amend.fast.set_fields == (field_ml | field_at | field_note));
    CHECK(amend.fast.ml == 95);
    CHECK(amend.fast.set_at_text == "2026-11-21T14:00:00+01:00");
}

TEST_CASE("the fast path passes over a line of a type it is told to after its header") {
    const std::string& store = canonical[4];
    std::string padded(store);
    padded.resize(store.size() + line_padding, ' ');
    Entry e;
    CanonicalMemo memo;
    REQUIRE(parse_canonical_line(padded.data(), store.size(), e, memo, false, nullptr, type_bit(EntryType::store)));
    CHECK(e.header_only);
    CHECK(e.type == EntryType::store);
    CHECK(e.id == "01KAQ5Y3M9A6Z5W3X2V1T0S9RC");
    CHECK(e.at.instant == testing::instant("2026-11-21T13:10:00Z"));
    CHECK(e.at_text.empty());       // nor the texts of its type and time
    CHECK(e.type_text.empty());
    CHECK_FALSE(e.ml.has_value());  // the rest is not read
    CHECK(e.label.empty());
    // Another type is read whole, and so is the same line when not passed over.
    REQUIRE(parse_canonical_line(padded.data(), store.size(), e, memo, false, nullptr, type_bit(EntryType::feed)));
    CHECK_FALSE(e.header_only);
    CHECK(e.label == "B12");
    // Void and amend lines are always read whole (LineParser drops them from the set).
    LineParser parser;
    parser.pass_over(all_types);
    const std::string& void_line = canonical[8];
    std::string padded_void(void_line);
    padded_void.resize(void_line.size() + line_padding, ' ');
    std::string error;
    REQUIRE(parser.parse(padded_void.data(), void_line.size(), padded_void.size(), e, error));
    CHECK_FALSE(e.header_only);
    CHECK(e.target == "01KAQ5Y3M9A6Z5W3X2V1T0S9RF");
}

TEST_CASE("the fast path reads decimals exactly as simdjson does") {
    const std::vector<std::string> numbers = {"0",        "-0",          "0.5",        "1.1",       "2.675",
                                              "99.99",    "0.000000001", "123456789012345", "1234567.12345678",
                                              "-3.14159", "100000000000000", "0.30000000000000"};
    for (const auto& n : numbers) {
        const std::string line = R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z","ml":)" + n + "}";
        INFO(line);
        const Readings r = read_both(line);
        REQUIRE(r.slow_ok);
        REQUIRE(r.fast_ok);
        REQUIRE(r.fast.ml.has_value());
        CHECK(*r.fast.ml == *r.slow.ml);
        CHECK(std::signbit(*r.fast.ml) == std::signbit(*r.slow.ml));
    }
}

TEST_CASE("the fast path declines what it is not sure of and simdjson decides") {
    const std::string head = R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z")";
    const std::vector<std::string> declined = {
        head + R"(,"note":"caf\u00e9"})",                 // an escape
        head + R"(,"note":"Müde"})",                      // non-ASCII
        head + R"(,"ml":1e2})",                            // an exponent
        head + R"(,"ml":1234567890123456})",               // 16 digits
        head + R"(,"ml":01})",                             // a leading zero (not JSON)
        head + R"(,"ml":"90"})",                           // a string where a number goes
        head + R"(,"ml":true})",                           // a literal other than null
        head + R"(,"extra":1})",                           // an unknown key
        head + R"(, "ml":90})",                            // whitespace between tokens
        head + R"(,"set":{"v":1}})",                       // an unknown key in set
        head + R"(,"set":{"at":null}})",                   // set.at must be a time
        head + R"(,"pumped":"yesterday"})",                // not a time
        head + "}x",                                       // more after the object
        head + "} ",                                       // trailing whitespace
        head,                                              // cut short
        R"({"v":1.0,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z"})",  // v with a fraction
        R"({"v":0,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z"})",    // v not a version
        R"({"v":1,"id":"","type":"pump","at":"2026-11-21T14:05:00Z"})",     // an empty id
        R"({"v":1,"id":"a","type":"pump"})",                                // no at
        R"({"id":"a","type":"pump","at":"2026-11-21T14:05:00Z"})",          // no v
        R"([1,2])",
        "",
        std::string(R"({"v":1,"id":"a","type)") + '\0' + R"(":"pump","at":"2026-11-21T14:05:00Z"})",  // a NUL in a key
        std::string(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z","right_m)") + '\0' +
            R"(":1})",                                                      // ... in an 8-byte key
        R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T14:05:00Z","ml\u0000":1})",  // an escaped one
    };
    for (const auto& line : declined) {
        INFO(line);
        Readings r = read_both(line);
        CHECK_FALSE(r.fast_ok);
    }
    // Declined is not refused: simdjson still reads the valid ones.
    CHECK(read_both(declined[0]).slow_ok);
    CHECK(read_both(declined[0]).slow.note == "café");
    CHECK(read_both(declined[2]).slow.ml == 100);
    CHECK(read_both(declined[7]).slow_ok);
    CHECK(read_both(declined[13]).slow_ok);
    CHECK_FALSE(read_both(declined[4]).slow_ok);
    CHECK_FALSE(read_both(declined[12]).slow_ok);
}

TEST_CASE("the reader's parser gives the same entry with or without the fast path") {
    LineParser parser;
    for (const auto& line : canonical) {
        std::string padded(line);
        padded.resize(line.size() + line_padding, ' ');
        Entry a, b;
        std::string error;
        REQUIRE(parser.parse(padded.data(), line.size(), padded.size(), a, error));
        REQUIRE(parser.parse_with_simdjson(padded.data(), line.size(), padded.size(), b, error));
        CHECK(a == b);
    }
}

TEST_CASE("the fast path reads time stamps exactly as simdjson's path does") {
    const std::vector<std::string> stamps = {
        "2026-11-21T14:05:00+01:00", "2026-11-21T14:05:00Z",      "2024-02-29T23:59:60-09:30",
        "2000-02-29T00:00:00+14:00", "1900-03-01T00:00:00-12:00", "0001-01-01T00:00:00Z",
        "2026-03-29T02:30:00+02:00", "2026-11-21t14:05:00z",      "2026-11-21 14:05+01:00",
        "2026-11-21T14:05:00.123+01:00"};
    for (const auto& at : stamps) {
        const std::string line = R"({"v":1,"id":"a","type":"pump","at":")" + at + R"(","pumped":")" + at + R"("})";
        INFO(line);
        const Readings r = read_both(line);
        REQUIRE(r.slow_ok);
        CHECK(r.fast_ok);
        CHECK(r.fast == r.slow);
    }
    // Not dates, whatever their shape: both refuse them.
    for (const std::string at : {"2023-02-29T10:00:00Z", "2026-13-01T10:00:00+01:00", "2026-11-21T24:00:00+01:00",
                                 "2026-11-21T14:60:00+01:00", "2026-11-21T14:05:00+24:00", "2026-11-31T14:05:00Z"}) {
        const std::string line = R"({"v":1,"id":"a","type":"pump","at":")" + at + R"("})";
        INFO(line);
        const Readings r = read_both(line);
        CHECK_FALSE(r.fast_ok);
        CHECK_FALSE(r.slow_ok);
    }
}

TEST_CASE("the fast path's memory of the last date never carries a wrong day to the next line") {
    CanonicalMemo memo;
    const std::vector<std::string> lines = {
        R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T14:05:00+01:00"})",
        R"({"v":1,"id":"b","type":"pump","at":"2026-11-21T23:59:59-01:00"})",  // same date, another offset
        R"({"v":1,"id":"c","type":"pump","at":"2026-11-22T00:00:00Z","pumped":"2024-02-29T10:00:00Z"})",
        R"({"v":1,"id":"d","type":"pump","at":"2026-11-22T00:00:01Z"})",
        R"({"v":1,"id":"e","type":"pump","at":"2026-02-29T00:00:01Z"})",  // not a date: declined, not remembered
        R"({"v":1,"id":"f","type":"pump","at":"2026-11-22T00:00:02Z"})",
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO(lines[i]);
        std::string padded(lines[i]);
        padded.resize(lines[i].size() + line_padding, ' ');
        Entry fast;
        const bool ok = parse_canonical_line(padded.data(), lines[i].size(), fast, memo);
        const Readings r = read_both(lines[i]);
        CHECK(ok == r.slow_ok);
        if (ok) CHECK(fast == r.slow);
    }
}

namespace {

std::string nested_line(int arrays) {
    return R"({"v":1,"id":"n","type":"pump","at":"2026-11-21T09:00:00Z","ml":50,"x":)" + std::string(arrays, '[') +
           std::string(arrays, ']') + "}";
}

std::string line_of_size(std::size_t size) {
    const std::string head = R"({"v":1,"id":"big","type":"pump","at":"2026-11-21T09:00:00Z","ml":50,"note":")";
    return head + std::string(size - head.size() - 2, 'n') + "\"}";
}

}  // namespace

TEST_CASE("a line nested deeper than 64 levels is a bad line, 64 a good one") {
    Entry e;
    std::string error;
    CHECK(parse_entry_line(nested_line(63), e, error));
    CHECK_FALSE(parse_entry_line(nested_line(64), e, error));
    CHECK(error == "nested deeper than 64 levels");
    CHECK_FALSE(parse_entry_line(nested_line(100000), e, error));
    CHECK(error == "nested deeper than 64 levels");
    // Brackets inside strings are text, not nesting.
    const std::string text = R"({"v":1,"id":"s","type":"pump","at":"2026-11-21T09:00:00Z","ml":1,"note":")" +
                             std::string(100, '[') + R"(\"{{"})";
    CHECK(parse_entry_line(text, e, error));
}

TEST_CASE("a line longer than 1 MiB is a bad line on both paths, 1 MiB exactly a good one") {
    Entry e;
    std::string error;
    const std::string fits = line_of_size(max_line_bytes), over = line_of_size(max_line_bytes + 1);
    REQUIRE(fits.size() == 1048576);
    CHECK(parse_entry_line(fits, e, error));
    CHECK(e.note.size() > 1000000);
    CHECK_FALSE(parse_entry_line(over, e, error));
    CHECK(error == "longer than 1 MiB (1048576 bytes)");
    std::string padded(over);
    padded.resize(over.size() + line_padding, ' ');
    LineParser parser;
    CHECK_FALSE(parser.parse_with_simdjson(padded.data(), over.size(), padded.size(), e, error));
}
}  // namespace PUMPLOG_UNITY_ID
