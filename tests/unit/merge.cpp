// `log merge` (merge.hpp): union by id, idempotent and commutative, lines kept
// byte for byte, ordered by line_key, the line that sorts first kept on a conflict.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "pumplog/error.hpp"
#include "pumplog/merge.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;
using namespace std::chrono_literals;

namespace {

using Strings = std::vector<std::string>;

const Seconds base = date::sys_days(date::year{2026} / 11 / 21) + 8h;

// A pump line whose id is a ULID created at `created` (minutes after base), happening at `at` (minutes).
std::string pump(int created, int at, int ml, const std::string& extra = "") {
    const std::string id = make_ulid(base + std::chrono::minutes(created));
    return R"({"v":1,"id":")" + id + R"(","type":"pump","at":")" +
           format_rfc3339(base + std::chrono::minutes(at), std::chrono::seconds(0)) + R"(","ml":)" +
           std::to_string(ml) + extra + "}";
}

std::string plain(const std::string& id, int ml) {
    return R"({"v":1,"id":")" + id + R"(","type":"pump","at":"2026-11-21T09:00:00Z","ml":)" + std::to_string(ml) +
           "}";
}

MergeSource source(const std::string& name, const Strings& lines) {
    MergeSource s{name, {}};
    std::uint64_t n = 0;
    for (const auto& l : lines) s.lines.push_back({++n, l});
    return s;
}

Strings lines_of(const std::string& content) {
    Strings out;
    std::istringstream in(content);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

Strings sorted(Strings s) {
    std::sort(s.begin(), s.end());
    return s;
}

}  // namespace

TEST_CASE("merge adds the entries the journal lacks and counts the ones it has") {
    const Strings a = {plain("a", 1), plain("b", 2)};
    const Strings b = {plain("b", 2), plain("c", 3)};
    const MergeResult r = merge_sources(source("j", a), {source("other", b)}, false);
    CHECK(r.added == 1);
    REQUIRE(r.per_source.size() == 1);
    CHECK(r.per_source[0].added == 1);
    CHECK(r.per_source[0].present == 1);
    CHECK(sorted(lines_of(r.content)) == sorted({plain("a", 1), plain("b", 2), plain("c", 3)}));
    CHECK(r.conflicts.empty());
}

TEST_CASE("merging A into B and B into A gives the same set of entries") {
    const Strings a = {pump(0, 0, 10), pump(5, 5, 11), pump(60, 30, 12)};
    const Strings b = {a[0], pump(7, 7, 20), pump(61, 61, 21, R"(,"device":"phone")")};
    const MergeResult ab = merge_sources(source("a", a), {source("b", b)}, false);
    const MergeResult ba = merge_sources(source("b", b), {source("a", a)}, false);
    CHECK(ab.added == 2);
    CHECK(ba.added == 2);
    CHECK(sorted(lines_of(ab.content)) == sorted(lines_of(ba.content)));
    CHECK(lines_of(ab.content).size() == 5);
}

TEST_CASE("merging twice adds nothing") {
    const Strings a = {pump(0, 0, 10), pump(5, 5, 11)};
    const Strings b = {pump(3, 3, 20)};
    const MergeResult once = merge_sources(source("a", a), {source("b", b)}, false);
    const MergeResult twice = merge_sources(source("a", lines_of(once.content)), {source("b", b)}, false);
    CHECK(once.added == 1);
    CHECK(twice.added == 0);
    CHECK(twice.content == once.content);
}

TEST_CASE("merged lines are kept byte for byte, unknown fields and spacing included") {
    const std::string odd = R"({ "type" : "pump", "v":1, "id":"x", "at":"2026-11-21T09:00:00+01:00", "ml": 90.50,)"
                            R"( "future": {"nested": [1, 2.0, null]} })";
    const std::string unknown = R"({"v":3,"id":"y","type":"weigh","at":"2026-11-21T09:00:00+01:00","grams":4200})";
    const MergeResult r = merge_sources(source("j", {}), {source("b", {odd, unknown})}, false);
    CHECK(r.added == 2);
    CHECK(sorted(lines_of(r.content)) == sorted({odd, unknown}));
}

TEST_CASE("an id with other content is a conflict: the line that sorts first stays whichever file was the base") {
    // {"at":...,"id":"b","ml":2,...} sorts before {"at":...,"id":"b","ml":99,...}.
    const MergeResult r =
        merge_sources(source("j", {plain("a", 1), plain("b", 2)}), {source("other", {plain("b", 99)})}, false);
    CHECK(r.added == 0);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].id == "b");
    CHECK(r.conflicts[0].source == "other");
    CHECK(r.conflicts[0].line == 1);
    CHECK(r.conflicts[0].kept_source == "j");
    CHECK(r.conflicts[0].kept_line == 2);
    CHECK_FALSE(r.conflicts[0].displaced);
    CHECK(r.displaced.empty());
    CHECK(sorted(lines_of(r.content)) == sorted({plain("a", 1), plain("b", 2)}));

    const MergeResult other_way =
        merge_sources(source("j", {plain("a", 1), plain("b", 99)}), {source("other", {plain("b", 2)})}, false);
    CHECK(other_way.added == 1);  // the journal changes: its line of b is replaced
    REQUIRE(other_way.conflicts.size() == 1);
    CHECK(other_way.conflicts[0].source == "j");
    CHECK(other_way.conflicts[0].line == 2);
    CHECK(other_way.conflicts[0].kept_source == "other");
    CHECK(other_way.conflicts[0].kept_line == 1);
    CHECK(other_way.conflicts[0].displaced);
    CHECK(other_way.displaced == Strings{plain("b", 99)});
    CHECK(other_way.content == r.content);
}

TEST_CASE("on a conflict the winner is fixed by content: any order of the copies gives the same journal") {
    const std::string spaced = R"({"v":1, "id":"d", "type":"pump", "at":"2026-11-21T09:00:00Z", "ml":5})";
    const std::vector<Strings> copies = {
        {plain("a", 1), plain("d", 10)}, {plain("d", 11), plain("e", 3)}, {spaced, plain("a", 1)}, {plain("d", 4)}};
    std::vector<std::size_t> order = {0, 1, 2, 3};
    std::string first;
    do {
        std::vector<MergeSource> incoming;
        for (std::size_t i = 1; i < order.size(); ++i)
            incoming.push_back(source(std::to_string(order[i]), copies[order[i]]));
        const MergeResult r = merge_sources(source("j", copies[order[0]]), incoming, false);
        if (first.empty()) first = r.content;
        INFO(order[0] << order[1] << order[2] << order[3]);
        CHECK(r.content == first);
        CHECK(r.conflicts.size() == 3);
    } while (std::next_permutation(order.begin(), order.end()));
    CHECK(first == plain("a", 1) + "\n" + plain("d", 10) + "\n" + plain("e", 3) + "\n");  // "ml":10 sorts first
}

TEST_CASE("the same entry written differently is one entry, not a conflict") {
    const std::string spaced = R"({"id":"b", "v":1, "type":"pump", "at":"2026-11-21T09:00:00Z", "ml":2})";
    const MergeResult r = merge_sources(source("j", {plain("b", 2)}), {source("o", {spaced, plain("b", 2) + "\r"})},
                                        false);
    CHECK(r.added == 0);
    CHECK(r.conflicts.empty());
    CHECK(r.per_source[0].present == 2);
}

TEST_CASE("the merged journal is ordered by line_key, ties by id, whichever copy was the base") {
    // Created at 0, 10 and 20 minutes; the one created at 20 happened at 5 (logged late).
    const std::string first = pump(0, 0, 1), second = pump(10, 10, 2), late = pump(20, 5, 3);
    const std::string same_key_a = plain("same-a", 4), same_key_b = plain("same-b", 5);  // key 09:00 = minute 60
    const MergeResult r = merge_sources(source("j", {late, same_key_b, first}),
                                        {source("o", {second, same_key_a})}, false);
    CHECK(lines_of(r.content) == Strings{first, second, late, same_key_a, same_key_b});
    const MergeResult swapped = merge_sources(source("o", {second, same_key_a}),
                                              {source("j", {late, same_key_b, first})}, false);
    CHECK(swapped.content == r.content);
}

TEST_CASE("an incoming line that is not a valid entry is skipped, or refused with strict") {
    const MergeSource other = source("o", {plain("a", 1), "garbage", R"({"v":1,"id":"b","type":"pump",)"});
    const MergeResult r = merge_sources(source("j", {}), {other}, false);
    CHECK(r.added == 1);
    REQUIRE(r.skipped.size() == 2);
    CHECK(r.skipped[0].line == 2);
    CHECK(r.skipped[0].reason == "not valid JSON");
    CHECK(r.skipped[1].line == 3);
    try {
        merge_sources(source("j", {}), {other}, true);
        FAIL("strict merge took a bad line");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 3);
        CHECK(std::string(e.what()).starts_with("o:2: not valid JSON"));
    }
}

TEST_CASE("a journal with a bad line is not merged into, since the rewrite would lose it") {
    try {
        merge_sources(source("j.jsonl", {plain("a", 1), "{broken"}), {source("o", {plain("b", 2)})}, false);
        FAIL("merged into a damaged journal");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 3);
        CHECK(std::string(e.what()).starts_with("j.jsonl:2: not valid JSON; "));
    }
}

TEST_CASE("merge_into rewrites the journal atomically and keeps JOURNAL.bak") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), plain("a", 1) + "\n");
    write_file(dir.path() / "copy.jsonl", plain("a", 1) + "\n" + plain("b", 2) + "\n");
    const MergeResult r = merge_into(journal, {dir.path() / "copy.jsonl"}, false);
    CHECK(r.rewritten);
    CHECK(read_file(journal.path()) == plain("a", 1) + "\n" + plain("b", 2) + "\n");
    CHECK(read_file(dir.path() / "j.jsonl.bak") == plain("a", 1) + "\n");
}

TEST_CASE("merge_into with nothing new leaves the journal untouched") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), plain("a", 1) + "\r\n\n");
    write_file(dir.path() / "copy.jsonl", plain("a", 1) + "\n");
    const MergeResult r = merge_into(journal, {dir.path() / "copy.jsonl"}, false);
    CHECK_FALSE(r.rewritten);
    CHECK(read_file(journal.path()) == plain("a", 1) + "\r\n\n");
    CHECK_FALSE(fs::exists(dir.path() / "j.jsonl.bak"));
}

TEST_CASE("merge_into creates a missing journal from the copies") {
    TempDir dir;
    Journal journal(dir.path() / "sub" / "j.jsonl");
    write_file(dir.path() / "copy.jsonl", plain("a", 1) + "\n");
    const MergeResult r = merge_into(journal, {dir.path() / "copy.jsonl"}, false);
    CHECK(r.added == 1);
    CHECK(read_file(journal.path()) == plain("a", 1) + "\n");
}

TEST_CASE("a copy that cannot be read is a usage error") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    for (const auto& missing : {dir.path() / "missing.jsonl", dir.path()}) {
        try {
            merge_into(journal, {missing}, false);
            FAIL("merged an unreadable file");
        } catch (const Error& e) {
            CHECK(e.exit_code() == 2);
        }
    }
    CHECK_FALSE(fs::exists(journal.path()));
}
}  // namespace PUMPLOG_UNITY_ID
