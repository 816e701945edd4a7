// SPEC 8: merge is commutative in effect. Corrections of one entry that tie in
// time (two devices, the same second) apply in an order fixed by their content
// (applies_before: time to full precision, then id), so `A merge B` and
// `B merge A` show the same entries and the same report, and so does a file
// that holds the same lines in another order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/history.hpp"
#include "pumplog/merge.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/render/report.hpp"
#include "pumplog/report.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::line;
using testing::TempDir;
using testing::write_file;

namespace {

using Lines = std::vector<std::string>;

MergeSource source(const std::string& name, const Lines& lines) {
    MergeSource s{name, {}};
    std::uint64_t n = 0;
    for (const auto& l : lines) s.lines.push_back({++n, l});
    return s;
}

std::string joined(const Lines& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// What `log --all --format json` and `report --format csv` print for a journal file.
struct Views {
    std::string json;
    std::string csv;
    bool operator==(const Views&) const = default;
};

Views views(const std::filesystem::path& file, const std::string& content) {
    write_file(file, content);
    const Journal journal(file);
    ReplayOptions options;
    options.include_voided = true;
    const History history = load_history(journal, options);
    std::vector<render::ListedEntry> listed;
    for (std::size_t i = 0; i < history.entries.size(); ++i)
        listed.push_back({&history.entries[i], history.entries[i].id, history.voided[i], {}});
    ReportRequest request;
    const date::sys_days day = date::year{2026} / 11 / 21;
    request.period = DayRange{day - date::days(1), day + date::days(1)};
    request.today = day + date::days(1);
    return {render::entries_json(listed, Unit::ml), render::report_csv(make_report(journal, request), Unit::ml)};
}

// Two devices' copies of one journal: the shared entries, then each device's
// own corrections of them (amends of ml, note and time, voids of entries and
// of amends), all written in the same second, some with a fraction of it, in
// a random order; ids random (some ULID-like, some not).
struct Pair {
    Lines a, b;
};

Pair random_pair(std::mt19937& rng) {
    const auto pick = [&](int n) { return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    Lines shared;
    std::vector<std::string> targets;
    const int entries = 1 + pick(3);
    for (int i = 0; i < entries; ++i) {
        const std::string id = "E" + std::to_string(i);
        targets.push_back(id);
        const std::string at = "2026-11-21T0" + std::to_string(7 + i) + ":00:00Z";
        shared.push_back(pick(3) == 0 ? line(id, at, "feed", R"(,"method":"bottle","milk":"breast","ml":60)")
                                      : line(id, at, "pump", ",\"ml\":" + std::to_string(50 + 10 * pick(5))));
    }
    const char* const stamps[] = {"2026-11-21T12:00:00Z", "2026-11-21T13:00:00+01:00", "2026-11-21T12:00:00.5Z",
                                  "2026-11-21T12:00:00.250Z"};
    const char* const letters = "0123456789ABCDEFGHJKMNPQRSTVWXYZabc";
    int serial = 0;
    const auto new_id = [&] {
        std::string id = pick(2) ? "01KA" : "";
        for (int i = 0; i < 6; ++i) id += letters[pick(35)];
        return id + std::to_string(serial++);  // unique
    };
    Pair pair{shared, shared};
    for (Lines* device : {&pair.a, &pair.b}) {
        Lines own;
        std::vector<std::string> amends;
        const int corrections = 1 + pick(4);
        for (int c = 0; c < corrections; ++c) {
            const std::string id = new_id();
            const std::string at = stamps[pick(4)];
            const std::string& target = targets[static_cast<std::size_t>(pick(static_cast<int>(targets.size())))];
            const int kind = pick(10);
            if (kind < 6) {
                std::string set = "{\"ml\":" + std::to_string(40 + 11 * pick(6));
                if (pick(2)) set += ",\"note\":\"" + id + "\"";
                if (pick(4) == 0) set += ",\"at\":\"2026-11-21T0" + std::to_string(6 + pick(4)) + ":30:00Z\"";
                own.push_back(line(id, at, "amend", ",\"target\":\"" + target + "\",\"set\":" + set + "}"));
                amends.push_back(id);
            } else if (kind < 8 || amends.empty()) {
                own.push_back(line(id, at, "void", ",\"target\":\"" + target + "\""));
            } else {
                own.push_back(line(id, at, "void",
                                   ",\"target\":\"" + amends[static_cast<std::size_t>(pick(static_cast<int>(amends.size())))] + "\""));
            }
        }
        std::shuffle(own.begin(), own.end(), rng);
        device->insert(device->end(), own.begin(), own.end());
    }
    return pair;
}

}  // namespace

TEST_CASE("corrections that tie in time apply in the order of their time to full precision, then id") {
    TempDir dir;
    const std::string pump = line("E", "2026-11-21T08:00:00Z", "pump", R"(,"ml":50)");
    const std::string a66 = line("B2", "2026-11-21T12:00:00Z", "amend", R"(,"target":"E","set":{"ml":66})");
    const std::string a55 = line("A1", "2026-11-21T12:00:00Z", "amend", R"(,"target":"E","set":{"ml":55})");
    const std::string later = line("A0", "2026-11-21T12:00:00.5Z", "amend", R"(,"target":"E","set":{"ml":77})");
    // The same second: the larger id wins, in either file order.
    CHECK(views(dir / "j", joined({pump, a66, a55})).json.find("\"ml\": 66") != std::string::npos);
    CHECK(views(dir / "j", joined({pump, a55, a66})).json.find("\"ml\": 66") != std::string::npos);
    // Half a second later wins over any id.
    CHECK(views(dir / "j", joined({pump, later, a66, a55})).json.find("\"ml\": 77") != std::string::npos);
    CHECK(views(dir / "j", joined({pump, a55, a66, later})).json.find("\"ml\": 77") != std::string::npos);
}

TEST_CASE("merge is commutative in effect over 300 random pairs with tying corrections") {
    TempDir dir;
    std::mt19937 rng(20261121);  // seeded: the same 300 pairs every run
    for (int round = 0; round < 300; ++round) {
        const Pair pair = random_pair(rng);
        const MergeResult ab = merge_sources(source("a", pair.a), {source("b", pair.b)}, false);
        const MergeResult ba = merge_sources(source("b", pair.b), {source("a", pair.a)}, false);
        INFO("round " << round << "\nA:\n" << joined(pair.a) << "B:\n" << joined(pair.b));
        REQUIRE(ab.conflicts.empty());
        const Views merged = views(dir / "ab", ab.content);
        CHECK(views(dir / "ba", ba.content) == merged);
        // The same lines in the order a sync tool might leave them (A then B's
        // new lines, or B then A's): the replay alone must agree too.
        Lines a_then_b = pair.a, b_then_a = pair.b;
        for (const auto& l : pair.b)
            if (std::find(pair.a.begin(), pair.a.end(), l) == pair.a.end()) a_then_b.push_back(l);
        for (const auto& l : pair.a)
            if (std::find(pair.b.begin(), pair.b.end(), l) == pair.b.end()) b_then_a.push_back(l);
        CHECK(views(dir / "a_b", joined(a_then_b)) == merged);
        CHECK(views(dir / "b_a", joined(b_then_a)) == merged);
    }
}
}  // namespace PUMPLOG_UNITY_ID
