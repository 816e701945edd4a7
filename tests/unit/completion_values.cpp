// What shell completion offers from the journal (completion_values.hpp).
#include <catch2/catch.hpp>

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
}  // namespace PUMPLOG_UNITY_ID
