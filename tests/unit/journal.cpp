// The journal file (SPEC 3, 8): reading backwards in chunks, appending, the lock.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>
#include <type_traits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/settings.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::line;
using testing::TempDir;

namespace {

constexpr std::size_t chunk = 1 << 17;  // the reader's chunk: 128 KiB (its first seven are 64 KiB)

struct Seen {
    std::string id;
    std::string raw;
    std::uint64_t offset;
};

std::vector<Seen> read_all(const Journal& journal, ReadStats* stats = nullptr, bool strict = false) {
    std::vector<Seen> seen;
    const ReadStats s = journal.read_backward(
        [&](const Entry& e) {
            seen.push_back({e.id, e.raw, e.offset});
            return true;
        },
        strict);
    if (stats) *stats = s;
    return seen;
}

// Builds a journal from lines; returns each line's byte offset.
std::vector<std::uint64_t> write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines,
                                       bool final_newline = true) {
    std::string content;
    std::vector<std::uint64_t> offsets;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        offsets.push_back(content.size());
        content += lines[i];
        if (i + 1 < lines.size() || final_newline) content += '\n';
    }
    testing::write_file(path, content);
    return offsets;
}

std::string id_of(std::size_t i) { return "id" + std::to_string(i); }

// Checks that the reader met every line once, newest first, with its bytes and offset.
void check_read_back(const Journal& journal, const std::vector<std::string>& lines,
                     const std::vector<std::uint64_t>& offsets) {
    ReadStats stats;
    const auto seen = read_all(journal, &stats);
    REQUIRE(seen.size() == lines.size());
    CHECK(stats.bad.empty());
    bool all_match = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Seen& s = seen[lines.size() - 1 - i];
        if (s.raw != lines[i] || s.offset != offsets[i]) {
            all_match = false;
            INFO("line " << i + 1 << " offset " << offsets[i] << " read at " << s.offset);
            CHECK(s.raw == lines[i]);
            break;
        }
    }
    CHECK(all_match);
}

}  // namespace

TEST_CASE("a missing journal reads as empty and is not created") {
    TempDir dir;
    Journal journal(dir / "journal.jsonl");
    ReadStats stats;
    CHECK(read_all(journal, &stats).empty());
    CHECK(stats.lines == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "journal.jsonl"));
}

TEST_CASE("an empty journal and one of blank lines read as empty") {
    TempDir dir;
    testing::write_file(dir / "j", "");
    CHECK(read_all(Journal(dir / "j")).empty());
    testing::write_file(dir / "j", "\n\n  \n\r\n");
    ReadStats stats;
    CHECK(read_all(Journal(dir / "j"), &stats).empty());
    CHECK(stats.bad.empty());
}

TEST_CASE("lines are read newest first with their bytes and offsets") {
    TempDir dir;
    const std::vector<std::string> lines = {line("a", "2026-11-21T08:00:00+01:00"), line("b", "2026-11-21T09:00:00+01:00"),
                                            line("c", "2026-11-21T10:00:00+01:00")};
    const auto offsets = write_lines(dir / "j", lines);
    check_read_back(Journal(dir / "j"), lines, offsets);
}

TEST_CASE("a last line without its newline is read when it is whole") {
    TempDir dir;
    const std::vector<std::string> lines = {line("a", "2026-11-21T08:00:00Z"), line("b", "2026-11-21T09:00:00Z")};
    const auto offsets = write_lines(dir / "j", lines, false);
    check_read_back(Journal(dir / "j"), lines, offsets);
}

TEST_CASE("CRLF line ends are accepted") {
    TempDir dir;
    testing::write_file(dir / "j", line("a", "2026-11-21T08:00:00Z") + "\r\n" + line("b", "2026-11-21T09:00:00Z") + "\r\n");
    const auto seen = read_all(Journal(dir / "j"));
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].id == "b");
    CHECK(seen[1].id == "a");
}

TEST_CASE("a journal larger than a chunk is read whole, wherever the chunk boundaries fall") {
    TempDir dir;
    // Lines of 100 bytes, then a last line whose length shifts every chunk
    // boundary through every position of a line, the newline included.
    std::vector<std::string> body;
    for (std::size_t i = 0; body.size() * 100 < 3 * chunk; ++i) {
        std::string l = line(id_of(i), "2026-11-21T08:00:00Z", "pump", ",\"ml\":90,\"note\":\"");
        l += std::string(100 - l.size() - 2, 'x') + "\"}";
        REQUIRE(l.size() == 100);
        body.push_back(l);
    }
    for (std::size_t extra = 0; extra <= 101; ++extra) {
        std::vector<std::string> lines = body;
        std::string last =
            line("last", "2026-11-21T08:00:00Z", "pump", ",\"ml\":90,\"note\":\"" + std::string(extra, 'y') + "\"");
        lines.push_back(last);
        const auto offsets = write_lines(dir / "j", lines);
        INFO("last line of " << last.size() << " bytes");
        check_read_back(Journal(dir / "j"), lines, offsets);
    }
}

TEST_CASE("a line longer than a chunk is read whole, first, middle or last") {
    TempDir dir;
    const std::string long_note = ",\"ml\":90,\"note\":\"" + std::string(chunk + 1000, 'n') + "\"";
    const std::string longer_note = ",\"ml\":90,\"note\":\"" + std::string(2 * chunk + 77, 'm') + "\"";
    for (int where = 0; where < 3; ++where) {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < 4000; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
        const std::size_t at = where == 0 ? 0 : where == 1 ? 2000 : lines.size() - 1;
        lines[at] = line("long", "2026-11-21T08:00:00Z", "pump", long_note);
        lines[at == 0 ? 1 : at - 1] = line("longer", "2026-11-21T08:00:00Z", "pump", longer_note);
        const auto offsets = write_lines(dir / "j", lines);
        INFO("long lines at " << at);
        check_read_back(Journal(dir / "j"), lines, offsets);
    }
}

TEST_CASE("bad lines are skipped and reported by line number") {
    TempDir dir;
    testing::write_file(dir / "j", line("a", "2026-11-21T08:00:00Z") + "\n" + "garbage\n" + "\n" +
                                       line("b", "2026-11-21T09:00:00Z") + "\n" +
                                       R"({"v":1,"id":"c","type":"pump"})" + "\n" + line("d", "2026-11-21T10:00:00Z") +
                                       "\n");
    ReadStats stats;
    const auto seen = read_all(Journal(dir / "j"), &stats);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].id == "d");
    CHECK(seen[2].id == "a");
    REQUIRE(stats.bad.size() == 2);
    CHECK(stats.bad_lines == 2);
    CHECK(stats.bad[0].line == 2);
    CHECK(stats.bad[1].line == 5);
    CHECK(stats.bad[1].reason == "no \"at\"");
    CHECK_FALSE(stats.bad[0].partial_last);
    CHECK(stats.lines == 5);
}

TEST_CASE("a journal of garbage keeps only its first bad lines, and counts them all") {
    // 300,000 bad lines (several regions, so the pipeline's order too): the
    // reader holds the first 100 in file order with their numbers, not one
    // record per line.
    TempDir dir;
    std::string text = line("a", "2026-11-21T08:00:00Z") + "\n";
    for (int i = 0; i < 300000; ++i) text += "x" + std::to_string(i) + "\n";
    text += line("b", "2026-11-21T09:00:00Z") + "\n";
    testing::write_file(dir / "j", text);
    ReadStats stats;
    const auto seen = read_all(Journal(dir / "j"), &stats);
    CHECK(seen.size() == 2);
    CHECK(stats.bad_lines == 300000);
    REQUIRE(stats.bad.size() == ReadStats::most_bad_kept);
    for (std::size_t i = 0; i < stats.bad.size(); ++i) CHECK(stats.bad[i].line == i + 2);
}

TEST_CASE("a partial last line, a crash mid-write, is reported as such and skipped") {
    TempDir dir;
    const std::string whole = line("a", "2026-11-21T08:00:00Z");
    testing::write_file(dir / "j", whole + "\n" + whole.substr(0, 30));
    ReadStats stats;
    const auto seen = read_all(Journal(dir / "j"), &stats);
    REQUIRE(seen.size() == 1);
    REQUIRE(stats.bad.size() == 1);
    CHECK(stats.bad[0].line == 2);
    CHECK(stats.bad[0].partial_last);
    CHECK_THAT(stats.bad[0].reason, Contains("incomplete last line"));
}

TEST_CASE("bad lines far apart in a large journal get their right line numbers") {
    TempDir dir;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 9000; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
    lines[10] = "{oops";
    lines[8999 - 3] = "{oops";
    write_lines(dir / "j", lines);
    ReadStats stats;
    CHECK(read_all(Journal(dir / "j"), &stats).size() == 8998);
    REQUIRE(stats.bad.size() == 2);
    CHECK(stats.bad[0].line == 11);
    CHECK(stats.bad[1].line == 8997);
}

TEST_CASE("strict reading refuses a damaged journal with a journal error naming the line") {
    TempDir dir;
    testing::write_file(dir / "j", line("a", "2026-11-21T08:00:00Z") + "\nnope\n" + line("b", "2026-11-21T08:00:00Z") + "\n");
    const std::string message = testing::refusal([&] { read_all(Journal(dir / "j"), nullptr, true); }, 3);
    CHECK_THAT(message, Contains((dir / "j").string() + ":2:"));
}

TEST_CASE("a folder where the journal should be is a journal error") {
    TempDir dir;
    std::filesystem::create_directory(dir / "j");
    CHECK_THAT(testing::refusal([&] { read_all(Journal(dir / "j")); }, 3), Contains("folder"));
    CHECK_THAT(testing::refusal([&] { testing::append(Journal(dir / "j"), {line("a", "2026-11-21T08:00:00Z")}); }, 3),
               Contains("is not a regular file: it is a folder"));
}

TEST_CASE("a reader that stops early does not read the whole file") {
    TempDir dir;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 20000; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
    write_lines(dir / "j", lines);
    int visited = 0;
    const ReadStats stats = Journal(dir / "j").read_backward([&](const Entry&) { return ++visited < 3; });
    CHECK(visited == 3);
    CHECK(stats.stopped_early);
    CHECK(stats.bytes_read <= chunk + 1);
    CHECK(std::filesystem::file_size(dir / "j") > 3 * chunk);
}

TEST_CASE("a tail read parses no line before where its visitor stops: damage there is not heard of") {
    TempDir dir;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 200; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
    lines[50] = "{oops";
    write_lines(dir / "j", lines);
    int visited = 0;
    const ReadStats early = Journal(dir / "j").read_backward([&](const Entry&) { return ++visited < 10; });
    CHECK(visited == 10);
    CHECK(early.stopped_early);
    CHECK(early.lines == 10);  // the ten lines visited, not the region's 200
    CHECK(early.bad.empty());
    // Read on past it, the same line is reported where the visit meets it.
    visited = 0;
    const ReadStats further = Journal(dir / "j").read_backward([&](const Entry&) { return ++visited < 160; });
    CHECK(further.lines == 161);
    REQUIRE(further.bad.size() == 1);
    CHECK(further.bad[0].line == 51);
}

TEST_CASE("appending writes whole lines, each ending in a newline") {
    TempDir dir;
    Journal journal(dir / "j");
    testing::append(journal, {line("a", "2026-11-21T08:00:00Z")});
    testing::append(journal, {line("b", "2026-11-21T09:00:00Z"), line("c", "2026-11-21T10:00:00Z")});
    CHECK(testing::read_file(dir / "j") == line("a", "2026-11-21T08:00:00Z") + "\n" + line("b", "2026-11-21T09:00:00Z") +
                                               "\n" + line("c", "2026-11-21T10:00:00Z") + "\n");
}

TEST_CASE("an append after a partial last line starts on a fresh line") {
    TempDir dir;
    testing::write_file(dir / "j", line("a", "2026-11-21T08:00:00Z") + "\n{\"v\":1,\"id\":\"cut");
    Journal journal(dir / "j");
    testing::append(journal, {line("b", "2026-11-21T09:00:00Z")});
    ReadStats stats;
    const auto seen = read_all(journal, &stats);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].id == "b");
    REQUIRE(stats.bad.size() == 1);
    CHECK(stats.bad[0].line == 2);
    CHECK_FALSE(stats.bad[0].partial_last);
}

TEST_CASE("appending creates the parent folders") {
    TempDir dir;
    Journal journal(dir / "a" / "b" / "journal.jsonl");
    testing::append(journal, {line("a", "2026-11-21T08:00:00Z")});
    CHECK(read_all(journal).size() == 1);
}

TEST_CASE("a journal whose parent is a regular file cannot be written: a journal error") {
    TempDir dir;
    testing::write_file(dir / "file", "x");
    Journal journal(dir / "file" / "journal.jsonl");
    CHECK_THAT(testing::refusal([&] { testing::append(journal, {line("a", "2026-11-21T08:00:00Z")}); }, 3),
               Contains("cannot create folder"));
    CHECK_THAT(testing::refusal([&] { read_all(journal); }, 3), Contains("cannot read journal"));
}

TEST_CASE("a line holding a newline is never appended") {
    TempDir dir;
    Journal journal(dir / "j");
    CHECK_THROWS_AS(testing::append(journal, {"{\n}"}), Error);
    CHECK_FALSE(std::filesystem::exists(dir / "j"));
}

TEST_CASE("reads and appends inside with_lock go through the locked journal") {
    TempDir dir;
    Journal journal(dir / "j");
    journal.with_lock([&](LockedJournal& locked) {
        CHECK(read_all(locked.journal()).empty());
        locked.append({line("a", "2026-11-21T08:00:00Z")});
        CHECK(read_all(locked.journal()).size() == 1);
    });
    CHECK(read_all(journal).size() == 1);
}

TEST_CASE("a command refused under the lock leaves a missing journal missing") {
    TempDir dir;
    Journal journal(dir / "data" / "pumplog" / "journal.jsonl");
    CHECK_THROWS_AS(journal.with_lock([](LockedJournal&) { throw usage_error("nothing to undo"); }), Error);
    CHECK_FALSE(std::filesystem::exists(dir / "data"));
    journal.with_lock([](LockedJournal&) {});
    CHECK_FALSE(std::filesystem::exists(dir / "data"));
    // An existing empty journal stays.
    std::filesystem::create_directories(dir / "data" / "pumplog");
    testing::write_file(dir / "data" / "pumplog" / "journal.jsonl", "");
    journal.with_lock([](LockedJournal&) {});
    CHECK(std::filesystem::exists(dir / "data" / "pumplog" / "journal.jsonl"));
}

TEST_CASE("a rewrite replaces the journal and keeps the previous one as .bak") {
    TempDir dir;
    Journal journal(dir / "j");
    testing::append(journal, {line("a", "2026-11-21T08:00:00Z")});
    const std::string before = testing::read_file(dir / "j");
    testing::rewrite(journal, line("b", "2026-11-21T09:00:00Z") + "\n");
    CHECK(testing::read_file(dir / "j") == line("b", "2026-11-21T09:00:00Z") + "\n");
    CHECK(testing::read_file(dir / "j.bak") == before);
    CHECK_FALSE(std::filesystem::exists(dir / "j.tmp"));
}

TEST_CASE("the order key of a line is the later of its time and its ULID's creation time") {
    Entry e;
    std::string error;
    REQUIRE(parse_entry_line(line("f1", "2026-11-21T08:00:00Z"), e, error));
    CHECK(line_key(e) == testing::instant("2026-11-21T08:00:00Z"));
    const std::string later_id = make_ulid(std::chrono::system_clock::time_point(
        testing::instant("2026-11-22T08:00:00.000Z").time_since_epoch() + std::chrono::milliseconds(250)));
    REQUIRE(parse_entry_line(line(later_id, "2026-11-21T08:00:00Z"), e, error));
    CHECK(line_key(e) == testing::instant("2026-11-22T08:00:00Z"));
    const std::string earlier_id =
        make_ulid(std::chrono::system_clock::time_point(testing::instant("2026-11-20T08:00:00Z").time_since_epoch()));
    REQUIRE(parse_entry_line(line(earlier_id, "2026-11-21T08:00:00Z"), e, error));
    CHECK(line_key(e) == testing::instant("2026-11-21T08:00:00Z"));
}

TEST_CASE("the journal path: -j, then PUMPLOG_JOURNAL, then XDG_DATA_HOME, then HOME") {
    std::map<std::string, std::string> vars;  // the environment is a value given in, never the process's
    const Environment env = [&](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
    CHECK(default_journal_path("/x/j.jsonl", env) == "/x/j.jsonl");
    vars["PUMPLOG_JOURNAL"] = "/env/j.jsonl";
    CHECK(default_journal_path("", env) == "/env/j.jsonl");
    vars.erase("PUMPLOG_JOURNAL");
    vars["XDG_DATA_HOME"] = "/xdg";
    CHECK(default_journal_path("", env) == "/xdg/pumplog/journal.jsonl");
    vars["XDG_DATA_HOME"] = "relative";  // the XDG spec: relative paths are ignored
    vars["HOME"] = "/home/p";
    CHECK(default_journal_path("", env) == "/home/p/.local/share/pumplog/journal.jsonl");
    vars.erase("XDG_DATA_HOME");
    CHECK(default_journal_path("", env) == "/home/p/.local/share/pumplog/journal.jsonl");
}

TEST_CASE("with no absolute HOME the journal and config are under the passwd home, never the current folder") {
    std::map<std::string, std::string> vars;
    const Environment env = [&](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
    const char* account = "/home/from-passwd";
    const AccountHome passwd = [&] { return account; };
    for (const char* home : {"unset", "", "relative/home", "."}) {
        INFO(home);
        vars.clear();
        if (std::string_view(home) != "unset") vars["HOME"] = home;
        account = "/home/from-passwd";
        CHECK(default_journal_path("", env, passwd) == "/home/from-passwd/.local/share/pumplog/journal.jsonl");
        CHECK(default_config_path(env, passwd) == "/home/from-passwd/.config/pumplog/config.json");
        // No passwd home either (a uid without an entry, or a relative one): refused in one line saying why
        // and what to set.
        const std::string home_is = std::string_view(home) == "unset" ? "not set"
                                    : *home                          ? fmt::format("relative (\"{}\")", home)
                                                                     : "empty";
        for (const char* none : {static_cast<const char*>(nullptr), "", "relative"}) {
            account = none;
            const std::string account_has =
                none != nullptr && *none ? fmt::format("user {}'s home in the passwd database is relative "
                                                       "(\"relative\")", ::getuid())
                                         : fmt::format("user {} has no home in the passwd database", ::getuid());
            CHECK(testing::refusal([&] { default_journal_path("", env, passwd); }, 2) ==
                  fmt::format("no home folder for the journal: HOME is {} and {}; set HOME to an absolute path, or "
                              "name the journal with PUMPLOG_JOURNAL or -j", home_is, account_has));
            CHECK(testing::refusal([&] { default_config_path(env, passwd); }, 2) ==
                  fmt::format("no home folder for the config: HOME is {} and {}; set HOME to an absolute path, or "
                              "name the config file with PUMPLOG_CONFIG", home_is, account_has));
            // The files named otherwise need no home.
            CHECK(default_journal_path("/x/j.jsonl", env, passwd) == "/x/j.jsonl");
            vars["XDG_DATA_HOME"] = "/xdg";
            vars["XDG_CONFIG_HOME"] = "/xdgc";
            CHECK(default_journal_path("", env, passwd) == "/xdg/pumplog/journal.jsonl");
            CHECK(default_config_path(env, passwd) == "/xdgc/pumplog/config.json");
            vars.erase("XDG_DATA_HOME");
            vars.erase("XDG_CONFIG_HOME");
        }
    }
    // An absolute HOME wins over the passwd entry.
    vars["HOME"] = "/home/p";
    account = "/home/from-passwd";
    CHECK(default_journal_path("", env, passwd) == "/home/p/.local/share/pumplog/journal.jsonl");
}

TEST_CASE("a long read shared with a worker stops where its visitor stops, and reads no further than a few regions ahead") {
    TempDir dir;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 60000; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
    write_lines(dir / "j", lines);
    const auto size = std::filesystem::file_size(dir / "j");
    REQUIRE(size > 30 * chunk);
    std::size_t visited = 0;
    const ReadStats stats = Journal(dir / "j").read_backward([&](const Entry& e) {
        CHECK(e.id == id_of(lines.size() - 1 - visited));  // newest first, in order, across the threads
        return ++visited < 30000;
    });
    CHECK(visited == 30000);
    CHECK(stats.stopped_early);
    CHECK(stats.bytes_read < size / 2 + 8 * chunk);
}

TEST_CASE("a strict long read refuses a bad line met while the worker reads ahead") {
    TempDir dir;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 60000; ++i) lines.push_back(line(id_of(i), "2026-11-21T08:00:00Z"));
    lines[20000] = "{oops";
    write_lines(dir / "j", lines);
    std::size_t visited = 0;
    const std::string message = testing::refusal(
        [&] {
            Journal(dir / "j").read_backward([&](const Entry&) { return ++visited > 0; }, true);
        },
        3);
    CHECK_THAT(message, Contains((dir / "j").string() + ":20001:"));
    CHECK(visited == 60000 - 20001);  // every good line after it, none before
}

// The lock is a value: only with_lock makes a LockedJournal, and only a
// LockedJournal appends or rewrites. A `const Journal&` can only read.
template <class T>
concept can_append = requires(T& t) { t.append(std::vector<std::string>{}); };
template <class T>
concept can_rewrite = requires(T& t) { t.rewrite(std::string{}); };
template <class T>
concept can_lock = requires(T& t) { t.with_lock([](LockedJournal&) {}); };

TEST_CASE("a LockedJournal cannot be had without the lock, and only it writes") {
    STATIC_REQUIRE_FALSE(std::is_constructible_v<LockedJournal, const Journal&, int>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<LockedJournal, const Journal&>);
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<LockedJournal>);
    STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<LockedJournal>);
    STATIC_REQUIRE_FALSE(std::is_move_constructible_v<LockedJournal>);
    STATIC_REQUIRE_FALSE(can_append<Journal>);
    STATIC_REQUIRE_FALSE(can_rewrite<Journal>);
    STATIC_REQUIRE_FALSE(can_lock<const Journal>);  // a reader is given no way to write
    STATIC_REQUIRE(can_lock<Journal>);
    STATIC_REQUIRE(can_append<LockedJournal>);
    STATIC_REQUIRE(can_rewrite<LockedJournal>);
    STATIC_REQUIRE_FALSE(can_append<const LockedJournal>);
    STATIC_REQUIRE_FALSE(can_lock<const Journal&>);
}

TEST_CASE("two with_lock calls at once take turns") {
    TempDir dir;
    constexpr int rounds = 20;
    std::atomic<int> inside{0};
    std::atomic<int> overlaps{0};
    // Each body reads the journal, waits, and appends a line numbered after
    // what it read: if the bodies overlapped, two lines would share a number.
    const auto writer = [&](const std::string& name) {
        Journal journal(dir / "j");  // each thread its own handle, as two processes have
        for (int i = 0; i < rounds; ++i)
            journal.with_lock([&](LockedJournal& locked) {
                if (inside.fetch_add(1) != 0) ++overlaps;
                const std::size_t seen = read_all(locked.journal()).size();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                locked.append({line(name + std::to_string(seen), "2026-11-21T08:00:00Z")});
                inside.fetch_sub(1);
            });
    };
    std::thread a(writer, "a"), b(writer, "b");
    a.join();
    b.join();
    CHECK(overlaps == 0);
    const auto seen = read_all(Journal(dir / "j"));  // newest first
    REQUIRE(seen.size() == 2 * rounds);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        INFO(seen[i].id);
        CHECK(seen[i].id.substr(1) == std::to_string(seen.size() - 1 - i));
    }
}

TEST_CASE("the lock timeout is the journal's own value, not the environment's") {
    TempDir dir;
    Journal holder(dir / "j");
    Journal waiter(dir / "j", {}, std::chrono::milliseconds(0));
    ::setenv("PUMPLOG_LOCK_TIMEOUT_MS", "60000", 1);  // ignored by the core
    holder.with_lock([&](LockedJournal&) {
        const auto start = std::chrono::steady_clock::now();
        CHECK_THAT(testing::refusal([&] { waiter.with_lock([](LockedJournal&) {}); }, 3),
                   Contains("is locked by another pumplog for too long"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    });
    ::unsetenv("PUMPLOG_LOCK_TIMEOUT_MS");
}

TEST_CASE("a rewrite places a line that refers to another no earlier than its target, chains and ties included") {
    const Seconds t1 = testing::instant("2026-11-21T08:00:00Z"), t0 = testing::instant("2026-03-01T08:00:00Z");
    // A void of an amend of a pump, both corrections older than the pump; a void already later; a missing target.
    const std::vector<LineToPlace> lines{{t0, "void-of-amend", "amend"}, {t0, "amend", "pump"}, {t1, "pump", ""},
                                         {t1 + std::chrono::hours(1), "late-void", "pump"}, {t0, "lost", "nothing"},
                                         {t1, "cycle-a", "cycle-b"}, {t1, "cycle-b", "cycle-a"}};
    const std::vector<Placement> placed = place_lines(lines);
    REQUIRE(placed.size() == lines.size());
    CHECK(placed[2].key == t1);
    CHECK(placed[2].depth == 0);
    CHECK(placed[1].key == t1);
    CHECK(placed[1].depth == 1);
    CHECK(placed[0].key == t1);
    CHECK(placed[0].depth == 2);
    CHECK(placed[2] < placed[1]);
    CHECK(placed[1] < placed[0]);
    CHECK(placed[3].key == t1 + std::chrono::hours(1));
    CHECK(placed[3].depth == 0);
    CHECK(placed[4].key == t0);
    CHECK(placed[4].depth == 0);
    CHECK(placed[5].key == t1);  // a cycle ends; each keeps at least its own key
    CHECK(placed[6].key == t1);
}

TEST_CASE("the first feed logged is found past 64 KiB of other lines wherever the 64 KiB cut its line") {
    TempDir dir;
    const auto path = dir / "j.jsonl";
    const Journal journal(path);
    const std::string feed_at = "2026-11-05T07:00:00+01:00";
    const std::string feed = line("f1", feed_at, "feed", ",\"method\":\"breast\",\"left_s\":600");
    // Pumps first (a journal begun before the baby's feeds were logged, or an import of other activities) past
    // 64 KiB, the first one 0 to 119 bytes longer, so the 64 KiB cut a pump's line at every place in it.
    for (std::size_t pad = 0; pad < 120; pad += 7) {
        std::string content;
        for (int i = 0; content.size() < 70000; ++i)
            content += line("p" + std::to_string(i), "2026-11-01T08:00:00+01:00", "pump",
                            ",\"ml\":90,\"note\":\"" + std::string(i == 0 ? pad : 30, 'x') + "\"") + "\n";
        // A later feed in the same 64 KiB counts with it; one earlier in time much further on is not looked
        // for (the file is in the order of writing: a journal's first feeds are at its start).
        content += feed + "\n" + line("f2", "2026-11-05T10:00:00+01:00", "feed", ",\"method\":\"breast\"") + "\n";
        content += std::string(200000, '\n');
        content += line("f0", "2026-10-01T10:00:00+02:00", "feed", ",\"method\":\"breast\"") + "\n";
        testing::write_file(path, content);
        INFO("pad " << pad);
        REQUIRE(journal.first_feed_at());
        CHECK(*journal.first_feed_at() == testing::instant(feed_at));
    }
    // A feed's line ending at the first 64 KiB's end, or cut by it: read whole, from the next 64 KiB.
    const std::size_t k64 = 65536;
    for (const std::size_t before : {k64 - feed.size() - 1, k64 - feed.size(), k64 - 40, k64 - 1, k64, k64 + 1}) {
        std::string content;
        while (content.size() + 200 < before) content += line("p" + std::to_string(content.size()), feed_at) + "\n";
        const std::size_t fill = before - content.size() - 1;
        content += std::string(fill, ' ') + "\n" + feed + "\n";
        REQUIRE(content.size() == before + feed.size() + 1);
        testing::write_file(path, content);
        INFO("the feed's line at byte " << before);
        REQUIRE(journal.first_feed_at());
        CHECK(*journal.first_feed_at() == testing::instant(feed_at));
    }
}

TEST_CASE("the first feed logged is read past a line over 1 MiB and from a type written with escapes") {
    TempDir dir;
    const auto path = dir / "j.jsonl";
    const Journal journal(path);
    // A pump line over 1 MiB (a bad line for every reader) is passed over; the escaped type is a feed's.
    std::string content = line("p1", "2026-11-01T08:00:00+01:00", "pump",
                               ",\"ml\":90,\"note\":\"" + std::string(std::size_t{1} << 21, 'x') + "\"") + "\n";
    content += "{\"v\":1,\"id\":\"f1\",\"type\":\"\\u0066eed\",\"at\":\"2026-11-05T07:00:00+01:00\","
               "\"method\":\"breast\"}\n";
    testing::write_file(path, content);
    REQUIRE(journal.first_feed_at());
    CHECK(*journal.first_feed_at() == testing::instant("2026-11-05T07:00:00+01:00"));
    // No feed anywhere in 300 KiB: none. A feed on a last line without its newline is not read (an append in
    // progress).
    content.clear();
    for (int i = 0; content.size() < 300000; ++i)
        content += line("p" + std::to_string(i), "2026-11-01T08:00:00+01:00") + "\n";
    testing::write_file(path, content + line("f1", "2026-11-05T07:00:00+01:00", "feed", R"(,"method":"breast")"));
    CHECK_FALSE(journal.first_feed_at());
    // On line 1 after a byte-order mark, as every reader takes it.
    const std::string nursing = line("f1", "2026-11-05T07:00:00+01:00", "feed", ",\"method\":\"breast\"");
    testing::write_file(path, "\xEF\xBB\xBF" + nursing + "\r\n");
    REQUIRE(journal.first_feed_at());
    CHECK(*journal.first_feed_at() == testing::instant("2026-11-05T07:00:00+01:00"));
}

}  // namespace PUMPLOG_UNITY_ID
