// Recording events: the lines add, log feed, undo, rm and edit append; refs.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/record.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::instant;
using testing::refusal;

namespace {
const date::time_zone* berlin() { return testing::zone("Europe/Berlin"); }

Entry parsed(const std::string& line) {
    Entry e;
    std::string error;
    REQUIRE(parse_entry_line(line, e, error));
    return e;
}
}  // namespace

TEST_CASE("a pump line holds ml, the sides, the duration and the note") {
    PumpRecord pump;
    pump.at = instant("2026-11-21T13:05:00Z");
    pump.amount = parse_session_amount("L40 R1.5oz", Unit::ml);
    pump.duration = std::chrono::minutes(15);
    pump.note = "after work";
    CHECK(serialize(pump_line(pump, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"pump","at":"2026-11-21T14:05:00+01:00","ml":84.36,"left_ml":40,"right_ml":44.36,)"
          R"("dur_s":900,"note":"after work"})");
    PumpRecord plain;
    plain.at = instant("2026-07-01T10:00:00Z");
    plain.amount = parse_session_amount("90ml", Unit::ml);
    CHECK(serialize(pump_line(plain, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"pump","at":"2026-07-01T12:00:00+02:00","ml":90})");
}

TEST_CASE("a bottle feed holds ml and milk, breast milk by default") {
    FeedRecord feed;
    feed.at = instant("2026-11-21T10:00:00Z");
    feed.amount = Volume::from_ml(120);
    CHECK(serialize(feed_line(feed, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","ml":120,"milk":"breast"})");
    feed.milk = Milk::formula;
    CHECK_THAT(serialize(feed_line(feed, "ID", berlin())), Contains(R"("milk":"formula")"));
}

TEST_CASE("nursing holds the time at each side") {
    FeedRecord feed;
    feed.at = instant("2026-11-21T10:00:00Z");
    feed.method = FeedMethod::breast;
    feed.left = std::chrono::minutes(12);
    feed.right = std::chrono::minutes(8);
    CHECK(serialize(feed_line(feed, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"breast","left_s":720,"right_s":480})");
}

TEST_CASE("milk is breast or formula") {
    CHECK(parse_milk("breast") == Milk::breast);
    CHECK(parse_milk("Formula") == Milk::formula);
    CHECK(parse_milk("breast milk") == Milk::breast);
    CHECK(refusal([] { parse_milk("cow"); }) == "\"cow\" is not a kind of milk; use breast or formula");
}

TEST_CASE("void and amend lines name their target") {
    const Seconds now = instant("2026-11-21T13:05:00Z");
    CHECK(serialize(void_line("T", now, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"void","at":"2026-11-21T14:05:00+01:00","target":"T"})");
    CHECK(serialize(amend_line("T", nlohmann::ordered_json{{"ml", 100}}, now, "ID", berlin())) ==
          R"({"v":1,"id":"ID","type":"amend","at":"2026-11-21T14:05:00+01:00","target":"T","set":{"ml":100}})");
}

TEST_CASE("a time in the future is refused for a past event unless forced, with a minute of slack") {
    const Seconds now = instant("2026-11-21T13:05:00Z");
    CHECK_NOTHROW(check_not_future(now, now, false));
    CHECK_NOTHROW(check_not_future(now + std::chrono::seconds(60), now, false));
    CHECK_NOTHROW(check_not_future(now + std::chrono::hours(5), now, true));
    CHECK(refusal([&] { check_not_future(now + std::chrono::hours(1), now, false, berlin()); }) ==
          "2026-11-21T15:05:00+01:00 is in the future; an entry is recorded once it has happened (or use --force)");
}

TEST_CASE("the day's pumped total counts pumps written with that local date") {
    std::vector<Entry> entries = {
        parsed(R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T00:10:00+01:00","ml":90})"),
        parsed(R"({"v":1,"id":"b","type":"pump","at":"2026-11-21T23:50:00+01:00","ml":100.5})"),
        parsed(R"({"v":1,"id":"c","type":"pump","at":"2026-11-20T23:50:00+01:00","ml":70})"),
        parsed(R"({"v":1,"id":"d","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"bottle","ml":120})"),
        parsed(R"({"v":1,"id":"e","type":"pump","at":"2026-11-21T10:00:00+01:00","dur_s":900})"),
    };
    const DayTotal total = pumped_on(entries, "2026-11-21");
    CHECK(total.pumped.ml() == 190.5);
    CHECK(total.sessions == 3);
    CHECK(total.unmeasured == 1);  // e: unknown, named apart
}

TEST_CASE("refs are the shortest id endings, 4 characters at least, that are unique in the journal") {
    const Refs refs({"01KAQ5Y3M9A6Z5W3X2V1T0ABCD", "01KAQ5Y3M9A6Z5W3X2V1T0WXYZ"});
    CHECK(refs.ref("01KAQ5Y3M9A6Z5W3X2V1T0ABCD") == "abcd");
    CHECK(refs.ref("01KAQ5Y3M9A6Z5W3X2V1T0WXYZ") == "wxyz");
    const Refs longer({"01KAQ5Y3M9A6Z5W3X2V1T00ABC", "01KAQ5Y3M9A6Z5W3X2V1T10ABC", "01KAQ5Y3M9A6Z5W3X2V1T2WXYZ"});
    CHECK(longer.ref("01KAQ5Y3M9A6Z5W3X2V1T00ABC") == "00abc");
    CHECK(longer.ref("01KAQ5Y3M9A6Z5W3X2V1T10ABC") == "10abc");
    CHECK(longer.ref("01KAQ5Y3M9A6Z5W3X2V1T2WXYZ") == "2wxyz");
}

TEST_CASE("refs stay unique over many random ids") {
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(make_ulid(std::chrono::system_clock::time_point(std::chrono::seconds(i))));
    const Refs refs(ids);
    std::set<std::string> seen;
    for (const auto& id : ids) seen.insert(refs.ref(id));
    CHECK(seen.size() == ids.size());
    for (const auto& id : ids) {
        const auto found = refs.resolve(refs.ref(id));
        REQUIRE(found.size() == 1);
        CHECK(found[0] == id);
    }
}

TEST_CASE("a ref resolves by its ending in any case, or by the whole id") {
    const std::vector<std::string> ids = {"01KAQ5Y3M9A6Z5W3X2V1T0ABCD", "01KAQ5Y3M9A6Z5W3X2V1T0XBCD", "import-7"};
    const Refs refs(ids);
    CHECK(refs.resolve("0abcd") == std::vector<std::string>{"01KAQ5Y3M9A6Z5W3X2V1T0ABCD"});
    CHECK(refs.resolve("0ABCD") == std::vector<std::string>{"01KAQ5Y3M9A6Z5W3X2V1T0ABCD"});
    CHECK(refs.resolve("01KAQ5Y3M9A6Z5W3X2V1T0XBCD") == std::vector<std::string>{"01KAQ5Y3M9A6Z5W3X2V1T0XBCD"});
    CHECK(refs.resolve("import-7") == std::vector<std::string>{"import-7"});
    CHECK(refs.resolve("bcd").empty());        // under 4 characters
    CHECK(refs.resolve("abcd").size() == 1);
    CHECK(refs.resolve(" 0abcd ").size() == 1);
    CHECK(refs.resolve("zzzz").empty());
    CHECK(refs.resolve("1bcd").empty());
}

TEST_CASE("an ending shared by several ids resolves to all of them") {
    const Refs refs({"01KAQ5Y3M9A6Z5W3X2V1T0ABCD", "01KAQ5Y3M9A6Z5W3X2V1T0XBCD"});
    CHECK(refs.resolve("bcd").empty());
    CHECK(refs.resolve("T0ABCD").size() == 1);
    const Refs shared({"aaaa-1234", "bbbb-1234"});
    CHECK(shared.resolve("1234").size() == 2);
}

TEST_CASE("every id of the journal counts for refs, corrections and voided entries included") {
    testing::TempDir dir;
    testing::write_file(dir / "j", testing::line("p1", "2026-11-21T08:00:00Z") + "\n" +
                                       testing::line("v1", "2026-11-21T09:00:00Z", "void", ",\"target\":\"p1\"") +
                                       "\nbad line\n");
    CHECK(all_ids(Journal(dir / "j")) == std::vector<std::string>{"v1", "p1"});
}
}  // namespace PUMPLOG_UNITY_ID
