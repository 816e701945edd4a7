// One test per fuzzer finding (tests/fuzz/README.md), named after its input.
#include <catch2/catch.hpp>

#include "pumplog/entry.hpp"
#include "pumplog/journal.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

// fuzz_line: a 26-character id of Crockford letters whose "time" is past what
// system_clock holds overflowed when converted (UBSan: signed overflow in chrono).
TEST_CASE("fuzz_line: the id 0Z1D5J3Q0000000000000000AB is not taken for a ULID") {
    const std::string line =
        R"({"v":1,"id":"0Z1D5J3Q0000000000000000AB","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":90})";
    Entry entry;
    std::string error;
    REQUIRE(parse_entry_line(line, entry, error));
    CHECK_FALSE(ulid_time(entry.id).has_value());
    CHECK(line_key(entry) == entry.at.instant);
    CHECK_FALSE(ulid_time("7ZZZZZZZZZZZZZZZZZZZZZZZZZ").has_value());
    // A ULID of our time still is one.
    const auto now = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'795'000'000'000));
    CHECK(ulid_time(make_ulid(now)) == now);
}
}  // namespace PUMPLOG_UNITY_ID
