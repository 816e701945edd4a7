// Repeated ids as a read finds them (RepeatedIds, journal.hpp): a line a few
// lines out of order is compared with the last lines met; one farther out of
// order turns the read to a table of every id (the lines met before it read
// again for their ids), and the reads after it keep every id.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/journal.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::TempDir;

namespace {

// An id as a ULID has it: its first 8 characters the second it was made in
// (`second`), the rest told apart by `n`.
std::string ulid(std::size_t second, std::size_t n) {
    static constexpr const char* digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string id(26, '0');
    for (int i = 7; i >= 0; --i, second /= 32) id[static_cast<std::size_t>(i)] = digits[second % 32];
    for (int i = 25; i >= 8; --i, n /= 32) id[static_cast<std::size_t>(i)] = digits[n % 32];
    return id;
}

// `count` ids as pumplog writes them: three in each second, those of one
// second in no order, and every 250th line three lines late (back-dated, or
// written on another device).
std::vector<std::string> nearly_ordered(std::size_t count) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) ids.push_back(ulid(1000 + i / 3, (i * 7919) % 1000));
    for (std::size_t i = 100; i + 3 < count; i += 250) std::swap(ids[i], ids[i + 3]);
    return ids;
}

// A journal of pump lines with these ids, about 150 bytes each; each line's offset.
std::vector<std::uint64_t> write_journal(const std::filesystem::path& path, const std::vector<std::string>& ids) {
    std::string content;
    std::vector<std::uint64_t> offsets;
    for (const std::string& id : ids) {
        offsets.push_back(content.size());
        content += testing::line(id, "2026-11-21T08:00:00Z", "pump",
                                 ",\"ml\":90,\"note\":\"" + std::string(60, 'n') + "\"") + "\n";
    }
    testing::write_file(path, content);
    return offsets;
}

struct Reads {
    RepeatedIds repeats;
    int reads = 0;       // until one finds nothing new
    bool first_unordered = false;  // the first read turned to a table of every id
    std::size_t visited = 0;       // by the last read
    ReadStats stats;               // of the last read
};

// Reads the whole journal as the replay does: again, while a read learns of repeats.
Reads read_until_known(const Journal& journal) {
    Reads r;
    do {
        r.repeats.again = false;
        r.visited = 0;
        r.stats = journal.read_backward(
            [&](const Entry&) {
                ++r.visited;
                return true;
            },
            false, false, PassOver{}, true, &r.repeats);
        if (++r.reads == 1) r.first_unordered = r.repeats.unordered;
    } while (r.repeats.again);
    return r;
}

}  // namespace

TEST_CASE("ids a few lines out of order are read without a table of every id") {
    for (const std::size_t count : {200, 6000}) {  // the first regions alone, and the pipeline
        TempDir dir;
        write_journal(dir / "j", nearly_ordered(count));
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.reads == 1);
        CHECK_FALSE(r.repeats.unordered);
        CHECK(r.repeats.known.empty());
        CHECK(r.visited == count);
        CHECK(r.stats.bad.empty());
    }
}

TEST_CASE("a line repeating the id of one a few lines before it is found among the last lines met") {
    for (const std::size_t count : {200, 6000}) {
        TempDir dir;
        std::vector<std::string> ids = nearly_ordered(count);
        const std::size_t near = count - 150, same_second = count - 60;
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(near + 6), ids[near]);
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(same_second + 1), ids[same_second]);
        const auto offsets = write_journal(dir / "j", ids);
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.reads == 2);
        CHECK_FALSE(r.repeats.unordered);
        CHECK(r.visited == count);
        REQUIRE(r.stats.bad.size() == 2);
        CHECK(r.stats.bad[0].offset == offsets[near + 6]);
        CHECK(r.stats.bad[0].first_line == near + 1);
        CHECK(r.stats.bad[0].reason.find("a copy of line") == 0);
        CHECK(r.stats.bad[1].offset == offsets[same_second + 1]);
        CHECK(r.stats.bad[1].first_line == same_second + 1);
    }
}

TEST_CASE("a line repeating the id of one far before it is found by a table of every id") {
    for (const std::size_t count : {200, 6000}) {
        TempDir dir;
        std::vector<std::string> ids = nearly_ordered(count);
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(count - 40), ids[10]);  // 40 lines out of order
        const auto offsets = write_journal(dir / "j", ids);
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.first_unordered);
        CHECK(r.reads == 2);  // the first finds the repeat met before it turned to the table, the second skips it
        CHECK(r.visited == count);
        REQUIRE(r.repeats.known.size() == 1);
        CHECK(r.repeats.known[0].offset == offsets[count - 40]);
        CHECK(r.repeats.known[0].first == offsets[10]);
        REQUIRE(r.stats.bad.size() == 1);
        CHECK(r.stats.bad[0].line == count - 40 + 1);
        CHECK(r.stats.bad[0].first_line == 11);
    }
}

TEST_CASE("ids alike in their first characters (made by another tool) are found repeated, however many") {
    for (const std::size_t count : {200, 6000}) {
        TempDir dir;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < count; ++i) ids.push_back("imported-" + std::to_string(100000 + i));
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(count / 2), ids[count / 2 - 3]);
        const auto offsets = write_journal(dir / "j", ids);
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.first_unordered);
        CHECK(r.reads == 2);
        CHECK(r.visited == count);
        REQUIRE(r.repeats.known.size() == 1);
        CHECK(r.repeats.known[0].offset == offsets[count / 2]);
        CHECK(r.repeats.known[0].first == offsets[count / 2 - 3]);
    }
}

TEST_CASE("ids far out of order and none repeated are read once, the read going on with a table of every id") {
    for (const std::size_t count : {200, 6000}) {
        TempDir dir;
        // Two devices' lines merged a block at a time: 50 of one, then 50 of the other, made in the same hours.
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t block = i / 50, device = block % 2;
            ids.push_back(ulid(1000 + (block / 2) * 100 + (i % 50) * 2 + device, i));
        }
        write_journal(dir / "j", ids);
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.reads == 1);
        CHECK(r.repeats.unordered);
        CHECK(r.repeats.known.empty());
        CHECK(r.visited == count);
        CHECK(r.stats.bad.empty());
    }
}

TEST_CASE("a repeat found among the last lines met is found once when the read then turns to the table") {
    for (const std::size_t count : {200, 6000}) {
        TempDir dir;
        std::vector<std::string> ids = nearly_ordered(count);
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(count - 20), ids[count - 25]);  // in the window
        ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(count - 100), ulid(5, 1));  // far out of order
        const auto offsets = write_journal(dir / "j", ids);
        const Reads r = read_until_known(Journal(dir / "j"));
        CHECK(r.first_unordered);
        CHECK(r.reads == 2);
        CHECK(r.visited == count + 1);
        REQUIRE(r.repeats.known.size() == 1);
        // Both moved one line on by the line inserted before them.
        CHECK(r.repeats.known[0].offset == offsets[count - 19]);
        CHECK(r.repeats.known[0].first == offsets[count - 24]);
        REQUIRE(r.stats.bad.size() == 1);
        CHECK(r.stats.bad[0].first_line == count - 24 + 1);
    }
}

}  // namespace PUMPLOG_UNITY_ID
