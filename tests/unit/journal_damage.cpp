// The journal reader and writer on damaged files (SPEC 8): bad lines are
// skipped and reported by number, --strict refuses, appends start on a fresh
// line, rewrites keep the file's permissions.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

namespace {

std::string pump(const std::string& id, int ml, const std::string& extra = "") {
    return R"({"v":1,"id":")" + id + R"(","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":)" +
           std::to_string(ml) + extra + "}";
}

struct Read {
    std::vector<std::string> ids;  // newest first
    ReadStats stats;
};

Read read_all(const Journal& journal, bool strict = false) {
    Read r;
    r.stats = journal.read_backward(
        [&](const Entry& e) {
            r.ids.push_back(e.id);
            return true;
        },
        strict);
    return r;
}

int exit_code_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        return e.exit_code();
    }
    return 0;
}

}  // namespace

TEST_CASE("a partial last line is skipped and reported with its line number") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\n" + pump("b", 2) + "\n" + R"({"v":1,"id":"c","type":"pu)");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"b", "a"});
    REQUIRE(r.stats.bad.size() == 1);
    CHECK(r.stats.bad[0].line == 3);
    CHECK(r.stats.bad[0].partial_last);
    CHECK(r.stats.bad[0].reason.starts_with("an incomplete last line"));
}

TEST_CASE("garbage lines in the middle are skipped and every good line is read") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\ngarbage\n" + pump("b", 2) + "\n{\"v\":1,\n\n" + pump("c", 3) + "\n");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"c", "b", "a"});
    REQUIRE(r.stats.bad.size() == 2);
    CHECK(r.stats.bad[0].line == 2);
    CHECK(r.stats.bad[0].reason == "not valid JSON");
    CHECK(r.stats.bad[1].line == 4);
    CHECK_FALSE(r.stats.bad[1].partial_last);
}

TEST_CASE("a line of invalid UTF-8 is skipped as a bad line") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\n" + pump("b", 2, ",\"note\":\"\xff\xfe\"") + "\n\xc3\x28\n" +
                                   pump("c", 3) + "\n");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"c", "a"});
    REQUIRE(r.stats.bad.size() == 2);
    CHECK(r.stats.bad[0].line == 2);
    CHECK(r.stats.bad[1].line == 3);
}

TEST_CASE("an empty journal and a missing journal read as no entries") {
    TempDir dir;
    write_file(dir.path() / "empty.jsonl", "");
    for (const auto* name : {"empty.jsonl", "missing.jsonl"}) {
        const Read r = read_all(Journal(dir.path() / name));
        CHECK(r.ids.empty());
        CHECK(r.stats.bad.empty());
    }
}

TEST_CASE("a journal of blank lines has no entries and no bad lines") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), "\n\n  \r\n\t\n");
    const Read r = read_all(journal);
    CHECK(r.ids.empty());
    CHECK(r.stats.bad.empty());
}

TEST_CASE("a last line without a newline is read when whole, and the next append starts a fresh line") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\n" + pump("b", 2));
    CHECK(read_all(journal).ids == std::vector<std::string>{"b", "a"});
    testing::append(journal, {pump("c", 3)});
    CHECK(read_file(journal.path()) == pump("a", 1) + "\n" + pump("b", 2) + "\n" + pump("c", 3) + "\n");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"c", "b", "a"});
    CHECK(r.stats.bad.empty());
}

TEST_CASE("after a partial last line the next append starts a fresh line and only the partial line is lost") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    const std::string partial = R"({"v":1,"id":"x","type":"pump","at":"2026-11-21T0)";
    write_file(journal.path(), pump("a", 1) + "\n" + partial);
    testing::append(journal, {pump("b", 2)});
    CHECK(read_file(journal.path()) == pump("a", 1) + "\n" + partial + "\n" + pump("b", 2) + "\n");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"b", "a"});
    REQUIRE(r.stats.bad.size() == 1);
    CHECK(r.stats.bad[0].line == 2);
    CHECK_FALSE(r.stats.bad[0].partial_last);  // no longer the last line
}

TEST_CASE("CRLF line endings are read like LF") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\r\n" + pump("b", 2) + "\r\n");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"b", "a"});
    CHECK(r.stats.bad.empty());
}

TEST_CASE("a line longer than the read chunk is read whole, and damage after it is numbered right") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    const std::string long_note = ",\"note\":\"" + std::string(700'000, 'x') + "\"";
    write_file(journal.path(),
               pump("a", 1) + "\n" + pump("long", 2, long_note) + "\nbroken\n" + pump("c", 3) + "\n" + "{\"v\"");
    const Read r = read_all(journal);
    CHECK(r.ids == std::vector<std::string>{"c", "long", "a"});
    REQUIRE(r.stats.bad.size() == 2);
    CHECK(r.stats.bad[0].line == 3);
    CHECK(r.stats.bad[1].line == 5);
    CHECK(r.stats.bad[1].partial_last);
}

TEST_CASE("a damaged line that spans a chunk boundary is reported once with its number") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    // The reader's regions from the end are 64 KiB (seven of them), then
    // 128 KiB: 256 KiB from the end is a boundary. Put it inside the broken line.
    const std::string prefix = pump("p0", 1) + "\n" + pump("p1", 1) + "\n";
    const std::string broken = "{\"broken\": \"" + std::string(100, 'y') + "\n";
    std::string suffix;
    int n = 0;
    while (suffix.size() < 262'144 - broken.size() / 2) suffix += pump("s" + std::to_string(n++), 1) + "\n";
    const std::size_t boundary = prefix.size() + broken.size() + suffix.size() - 1 - 262'144;
    REQUIRE(boundary > prefix.size());
    REQUIRE(boundary < prefix.size() + broken.size());
    write_file(journal.path(), prefix + broken + suffix);
    const Read r = read_all(journal);
    CHECK(r.ids.size() == static_cast<std::size_t>(n + 2));
    CHECK(r.ids.back() == "p0");
    REQUIRE(r.stats.bad.size() == 1);
    CHECK(r.stats.bad[0].line == 3);
}

TEST_CASE("strict reading refuses the first bad line with its number and exit 3") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\ngarbage\n" + pump("b", 2) + "\n");
    try {
        read_all(journal, true);
        FAIL("strict read accepted a bad line");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 3);
        CHECK(std::string(e.what()).find("j.jsonl:2: ") != std::string::npos);
    }
}

TEST_CASE("a folder where the journal should be is a journal error for reading and appending") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    fs::create_directory(journal.path());
    CHECK(exit_code_of([&] { read_all(journal); }) == 3);
    CHECK(exit_code_of([&] { testing::append(journal, {pump("a", 1)}); }) == 3);
}

TEST_CASE("an unreadable journal is a journal error") {
    TempDir dir;
    // A symbolic link to itself cannot be opened, not even by root.
    Journal journal(dir.path() / "loop.jsonl");
    fs::create_symlink("loop.jsonl", journal.path());
    CHECK(exit_code_of([&] { read_all(journal); }) == 3);
    CHECK(exit_code_of([&] { testing::append(journal, {pump("a", 1)}); }) == 3);
    if (::geteuid() != 0) {
        Journal locked(dir.path() / "locked.jsonl");
        write_file(locked.path(), pump("a", 1) + "\n");
        fs::permissions(locked.path(), fs::perms::none);
        CHECK(exit_code_of([&] { read_all(locked); }) == 3);
    }
}

TEST_CASE("an append inside the lock of one journal writes to its own file") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    Journal other(dir.path() / "j.jsonl.rejected");
    journal.with_lock([&](LockedJournal& locked) {
        testing::append(other, {pump("x", 1)});
        locked.append({pump("a", 1)});
    });
    CHECK(read_file(journal.path()) == pump("a", 1) + "\n");
    CHECK(read_file(other.path()) == pump("x", 1) + "\n");
}

TEST_CASE("a rewrite keeps the journal's permissions and the previous file as JOURNAL.bak") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a", 1) + "\n");
    fs::permissions(journal.path(), fs::perms::owner_read | fs::perms::owner_write);
    testing::rewrite(journal, pump("b", 2) + "\n");
    CHECK(read_file(journal.path()) == pump("b", 2) + "\n");
    CHECK(read_file(dir.path() / "j.jsonl.bak") == pump("a", 1) + "\n");
    CHECK((fs::status(journal.path()).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK_FALSE(fs::exists(dir.path() / "j.jsonl.tmp"));
}
}  // namespace PUMPLOG_UNITY_ID
