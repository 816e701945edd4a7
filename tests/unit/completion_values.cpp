// What shell completion offers from the journal (completion_values.hpp).
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "pumplog/completion_values.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

Entry entry(std::string_view line) {
    Entry e;
    std::string error;
    REQUIRE(parse_entry_line(line, e, error));
    return e;
}

Entry store(std::string id, std::string label, double ml) {
    return entry(R"({"v":1,"id":")" + id + R"(","type":"store","at":"2026-11-20T07:00:00+01:00","ml":)" +
                 std::to_string(ml) + R"(,"place":"fridge","pumped":"2026-11-20T07:00:00+01:00","label":")" + label +
                 R"("})");
}

Entry use(std::string target, double ml) {
    return entry(R"({"v":1,"id":"u)" + target + std::to_string(ml) +
                 R"(","type":"use","at":"2026-11-20T09:00:00+01:00","target":")" + target +
                 R"(","ml":)" + std::to_string(ml) + "}");
}

Entry discard(std::string target) {
    return entry(R"({"v":1,"id":"d)" + target + R"(","type":"discard","at":"2026-11-20T10:00:00+01:00","target":")" +
                 target + R"(","reason":"spilled"})");
}

Entry pump(std::string id, std::string at) {
    return entry(R"({"v":1,"id":")" + id + R"(","type":"pump","at":")" + at + R"(","ml":90})");
}

Entry timer(std::string id, std::string at, std::string action, std::string start = {}) {
    return entry(R"({"v":1,"id":")" + id + R"(","type":"timer","at":")" + at + R"(","action":")" + action + "\"" +
                 (start.empty() ? std::string() : R"(,"timer":")" + start + "\"") + "}");
}

Entry timed_pump(std::string id, std::string at, std::string start) {
    return entry(R"({"v":1,"id":")" + id + R"(","type":"pump","at":")" + at + R"(","ml":90,"timer":")" + start +
                 R"("})");
}

}  // namespace

TEST_CASE("the labels offered are the containers still holding milk, in the order stored") {
    const std::vector<Entry> entries = {store("s1", "B1", 90), store("s2", "B2", 90), store("s3", "B3", 60),
                                        discard("s2"),         use("s3", 60),          store("s4", "B4", 60),
                                        use("s4", 30)};
    CHECK(labels_in_stock(entries) == std::vector<std::string>{"B1", "B4"});
}

TEST_CASE("the labels offered are the containers stock lists, to the last drop") {
    // stock's rule, not one of completion's own: 2 ml left is still in stock, 1.9 ml is drops (used up)
    CHECK(labels_in_stock({store("s1", "B1", 90), use("s1", 88)}) == std::vector<std::string>{"B1"});
    CHECK(labels_in_stock({store("s1", "B1", 90), use("s1", 88.1)}).empty());
    CHECK(labels_in_stock({store("s1", "B1", 90), use("s1", 90)}).empty());
}

TEST_CASE("a use or discard of another entry does not touch the containers") {
    const std::vector<Entry> entries = {store("s1", "B1", 90), use("elsewhere", 90), discard("p1")};
    CHECK(labels_in_stock(entries) == std::vector<std::string>{"B1"});
}

TEST_CASE("the refs offered are the entries since the given time, newest first") {
    const std::vector<Entry> entries = {pump("01AAAAAAAAAAAAAAAAAAAAAAA1", "2026-10-01T07:00:00+02:00"),
                                        pump("01AAAAAAAAAAAAAAAAAAAAAAB2", "2026-11-20T07:00:00+01:00"),
                                        pump("01AAAAAAAAAAAAAAAAAAAAAAC3", "2026-11-21T07:00:00+01:00")};
    const Refs refs({entries[0].id, entries[1].id, entries[2].id});
    const Seconds since = entries[1].at.instant;
    CHECK(recent_refs(entries, refs, since) == std::vector<std::string>{"aac3", "aab2"});
    // with their entries, for the descriptions zsh and fish show
    const std::vector<RecentRef> recent = recent_entries(entries, refs, since);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].ref == "aac3");
    CHECK(recent[0].entry == &entries[2]);
    CHECK(recent[1].entry == &entries[1]);
}

TEST_CASE("the timer refs offered are the running timers' starts alone, newest first") {
    // T1 stopped by a pump, T2 cancelled, T3 paused (still running), T4 running; a pump and a feed beside them;
    // T0 started 3 days back and never stopped: past timer_lookback, no pump command sees it.
    const std::vector<Entry> entries = {
        timer("01AAAAAAAAAAAAAAAAAAAAAAT0", "2026-11-18T07:00:00+01:00", "start"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAT1", "2026-11-21T07:00:00+01:00", "start"),
        timed_pump("01AAAAAAAAAAAAAAAAAAAAAAP1", "2026-11-21T07:00:00+01:00", "01AAAAAAAAAAAAAAAAAAAAAAT1"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAT2", "2026-11-21T09:00:00+01:00", "start"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAC2", "2026-11-21T09:05:00+01:00", "cancel", "01AAAAAAAAAAAAAAAAAAAAAAT2"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAT3", "2026-11-21T13:00:00+01:00", "start"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAQ3", "2026-11-21T13:10:00+01:00", "pause", "01AAAAAAAAAAAAAAAAAAAAAAT3"),
        pump("01AAAAAAAAAAAAAAAAAAAAAAP2", "2026-11-21T13:30:00+01:00"),
        timer("01AAAAAAAAAAAAAAAAAAAAAAT4", "2026-11-21T14:00:00+01:00", "start"),
    };
    std::vector<std::string> ids;
    for (const Entry& e : entries) ids.push_back(e.id);
    const Refs refs(ids);
    const Seconds now = testing::instant("2026-11-21T14:05:00+01:00");
    const std::vector<RecentRef> running = running_timer_starts(entries, refs, now);
    REQUIRE(running.size() == 2);
    CHECK(running[0].ref == refs.ref("01AAAAAAAAAAAAAAAAAAAAAAT4"));
    CHECK(running[0].entry == &entries[8]);
    CHECK(running[1].ref == refs.ref("01AAAAAAAAAAAAAAAAAAAAAAT3"));
    CHECK(running[1].entry == &entries[5]);
    // Before T4 started, T3 alone; once every timer is stopped, none.
    const std::vector<RecentRef> earlier =
        running_timer_starts(entries, refs, testing::instant("2026-11-21T13:45:00+01:00"));
    REQUIRE(earlier.size() == 1);
    CHECK(earlier[0].entry == &entries[5]);
    CHECK(running_timer_starts({entries[1], entries[2]}, refs, now).empty());
}
}  // namespace PUMPLOG_UNITY_ID
