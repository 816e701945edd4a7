// The tail read (SPEC 9): a replay with `since` reads the journal's end only,
// whatever its length; ReadStats::bytes_read is the hook.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>
#include <unistd.h>

#include "core/replay.hpp"
#include "pumplog/history.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

struct TempJournal {
    std::filesystem::path dir;
    std::filesystem::path file;
    TempJournal() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pumplog-tail.XXXXXX").string();
        dir = ::mkdtemp(pattern.data());
        file = dir / "journal.jsonl";
    }
    ~TempJournal() { std::filesystem::remove_all(dir); }
};

std::string pump(const std::string& id, const std::string& at, int ml) {
    return "{\"v\":1,\"id\":\"" + id + "\",\"type\":\"pump\",\"at\":\"" + at + "\",\"ml\":" + std::to_string(ml) + "}\n";
}

Seconds instant(const std::string& text) { return parse_rfc3339(text)->instant; }

}  // namespace

TEST_CASE("a replay with since reads a small tail of a long journal and delivers every recent entry") {
    TempJournal t;
    {
        std::ofstream out(t.file, std::ios::binary);
        // 60,000 lines over 2020-2025 (about 5 MB), then three pumps of one day.
        for (int i = 0; i < 60000; ++i) {
            char at[32];
            std::snprintf(at, sizeof at, "%04d-%02d-%02dT%02d:00:00+01:00", 2020 + i / 10000, 1 + i / 1000 % 10,
                          1 + i / 40 % 25, i % 24);
            out << pump("old-" + std::to_string(i), at, 100);
        }
        // the last old one written by pumplog then (its ULID id): what lets a read stop before the start
        out << pump(make_ulid(std::chrono::system_clock::time_point(instant("2025-12-31T23:00:00+01:00").time_since_epoch())),
                    "2025-12-31T23:00:00+01:00", 100);
        out << pump("a", "2026-11-21T06:00:00+01:00", 80) << pump("b", "2026-11-21T10:00:00+01:00", 90)
            << pump("c", "2026-11-21T14:00:00+01:00", 70);
    }
    const auto size = std::filesystem::file_size(t.file);
    const Journal journal(t.file);
    ReplayOptions options;
    options.since = instant("2026-11-21T00:00:00+01:00");
    std::vector<std::string> today;
    const auto result = replay(
        journal, options,
        [&](const Replayed& r) {
            if (r.entry.at.instant >= *options.since) today.push_back(r.entry.id);
        },
        [&] { today.clear(); });
    CHECK(today == std::vector<std::string>{"c", "b", "a"});
    CHECK(result.stats.stopped_early);
    // One or two of the reader's 64 KiB tail regions of a 5 MB file.
    CHECK(size > 4'000'000);
    CHECK(result.stats.bytes_read <= 2 * (64u << 10) + 1);
}

TEST_CASE("a replay without since reads the whole journal") {
    TempJournal t;
    {
        std::ofstream out(t.file, std::ios::binary);
        for (int i = 0; i < 20000; ++i) out << pump("old-" + std::to_string(i), "2021-03-04T08:00:00+01:00", 100);
    }
    const Journal journal(t.file);
    int count = 0;
    const auto result = replay(journal, ReplayOptions{}, [&](const Replayed&) { ++count; }, [&] { count = 0; });
    CHECK(count == 20000);
    CHECK(result.stats.bytes_read == std::filesystem::file_size(t.file));
    CHECK_FALSE(result.stats.stopped_early);
}

TEST_CASE("a whole read shares a long journal with the second thread from its end and reads it alike") {
    // Over 448 KiB (the regions a question about the last weeks ends in),
    // with bad lines near the end, in the middle and at the start: the whole
    // read (pipeline from the first line) and the read that starts alone
    // deliver the same entries in the same order and the same bad lines.
    for (const std::size_t lines : {std::size_t{3000}, std::size_t{9000}}) {
        TempJournal t;
        {
            std::ofstream out(t.file, std::ios::binary);
            for (std::size_t i = 0; i < lines; ++i) {
                if (i == 5 || i == lines / 2 || i == lines - 7) out << "{not json\n";
                char at[32];
                std::snprintf(at, sizeof at, "2021-%02zu-%02zuT%02zu:00:00+01:00", 1 + i / 600 % 12, 1 + i / 24 % 25, i % 24);
                out << pump("id-" + std::to_string(i), at, static_cast<int>(i % 300));
            }
        }
        const Journal journal(t.file);
        const auto read = [&](bool whole) {
            std::vector<std::string> seen;
            const ReadStats stats = journal.read_backward(
                [&](const Entry& e) {
                    seen.push_back(e.id + " " + std::to_string(e.offset) + " " + e.raw);
                    return true;
                },
                false, true, PassOver{}, whole);
            std::vector<std::string> bad;
            for (const BadLine& b : stats.bad) bad.push_back(std::to_string(b.line) + ": " + b.reason);
            return std::tuple{seen, bad, stats.lines, stats.bad_lines, stats.bytes_read};
        };
        INFO(lines << " lines, " << std::filesystem::file_size(t.file) << " bytes");
        const auto alone = read(false), whole = read(true);
        CHECK(std::get<0>(whole).size() == lines);
        CHECK(std::get<3>(whole) == 3);
        CHECK(whole == alone);
    }
}
}  // namespace PUMPLOG_UNITY_ID
