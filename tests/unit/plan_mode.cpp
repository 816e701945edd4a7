// The plan mode's choice: `plan` and `plan next` ask plan_mode.hpp, which
// picks the learned plan or the supply plan by the settings' mode.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "pumplog/plan_mode.hpp"
#include "pumplog/supply.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using std::chrono::hours;

namespace {

Entry pump(const std::string& at, double ml) {
    static int n = 0;
    return testing::entry_of(R"({"v":1,"id":"pm)" + std::to_string(++n) + R"(","type":"pump","at":")" + at +
                             R"(","ml":)" + std::to_string(ml) + "}");
}

Entry feed(const std::string& at, double ml) {
    static int n = 0;
    return testing::entry_of(R"({"v":1,"id":"fd)" + std::to_string(++n) + R"(","type":"feed","at":")" + at +
                             R"(","method":"bottle","ml":)" + std::to_string(ml) + "}");
}

std::vector<Entry> three_days_of_pumps() {
    std::vector<Entry> entries;
    for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"})
        for (const char* time : {"T06:00:00+01:00", "T09:00:00+01:00", "T12:00:00+01:00", "T15:00:00+01:00",
                                 "T18:00:00+01:00", "T21:00:00+01:00", "T23:30:00+01:00"})
        {
            entries.push_back(feed(std::string(day) + time, 80));
            entries.push_back(pump(std::string(day) + time, 80));
        }
    return entries;
}

std::vector<Seconds> times(const std::vector<PlannedPump>& pumps) {
    std::vector<Seconds> out;
    for (const auto& p : pumps) out.push_back(p.at);
    return out;
}

const Clock now = testing::clock_at("2026-11-21T13:05:00Z");

}  // namespace

TEST_CASE("plan_in_mode gives the supply plan in supply mode and the learned plan otherwise") {
    const auto entries = three_days_of_pumps();
    const TimeSpan range{now.now, now.now + hours(24)};
    Settings settings;
    for (const PlanMode mode : {PlanMode::away, PlanMode::exclusive}) {
        settings.mode = mode;
        const Plan plan = plan_in_mode(entries, settings, now, range);
        CHECK(times(plan.pumps) == times(plan_pumps(entries, settings, now, range).pumps));
        CHECK_FALSE(plan.progress);
    }
    settings.mode = PlanMode::supply;
    const Plan supply = plan_in_mode(entries, settings, now, range);
    const Plan direct = supply_plan(settings, entries, now, TimeSpan{range.begin, range.end});
    REQUIRE_FALSE(supply.pumps.empty());
    CHECK(times(supply.pumps) == times(direct.pumps));
    CHECK(supply.slots.empty());
    CHECK(supply.progress);
}

TEST_CASE("plan_reads_since reaches 8 days back in supply mode, the look-back otherwise") {
    Settings settings;
    settings.lookback_days = 3;
    // Sunday: its eve, Saturday, is the week's anchor (on a Saturday the anchor is the Saturday before, whose
    // look-back reaches past 8 days).
    const Seconds from = now.now + date::days(1);
    settings.mode = PlanMode::away;
    CHECK(plan_reads_since(settings, from, now.zone) == plan_history_since(settings, from, now.zone));
    // The week's reference carries the times of the 3 weeks before (their look-back included).
    CHECK(plan_history_since(settings, from, now.zone) ==
          start_of_local_day(local_day(from, now.zone) - date::days(1 + 21 + 3), now.zone));
    settings.mode = PlanMode::supply;
    CHECK(plan_history_since(settings, from, now.zone) > from - date::days(8));
    CHECK(plan_reads_since(settings, from, now.zone) == from - date::days(8));
    settings.lookback_days = 30;  // longer than 8 days: the look-back
    CHECK(plan_reads_since(settings, from, now.zone) == plan_history_since(settings, from, now.zone));
}

TEST_CASE("next_pump_in_mode picks among the supply plan's pumps in supply mode") {
    const auto entries = three_days_of_pumps();
    Settings settings;
    settings.mode = PlanMode::exclusive;
    const auto learned = next_pump_in_mode(entries, settings, now);
    const auto direct = next_pump(entries, settings, now);
    REQUIRE(learned);
    REQUIRE(direct);
    CHECK(learned->pump.at == direct->pump.at);
    settings.mode = PlanMode::supply;
    const auto supply = next_pump_in_mode(entries, settings, now);
    const auto in_plan =
        next_pump_in(supply_plan(settings, entries, now, TimeSpan{next_pump_range(now.now).begin, next_pump_range(now.now).end}),
                     entries, settings, now);
    REQUIRE(supply);
    REQUIRE(in_plan);
    CHECK(supply->pump.at == in_plan->pump.at);
}
}  // namespace PUMPLOG_UNITY_ID
