// The parent's day (status.hpp, pump_timer.hpp, reminders.hpp): today's
// numbers, the running pump timer, and reminders that remind once.
#include <catch2/catch.hpp>

#include "baby.hpp"
#include "helpers.hpp"
#include "pumplog/plan_mode.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/reminders.hpp"
#include "pumplog/status.hpp"

namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::clock_at;
using testing::entry_of;
using testing::instant;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("a timer runs from its start with pauses left out", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"T1","type":"timer","at":"2026-11-21T14:00:00+01:00","action":"start","side":"left"})"),
        entry_of(R"({"v":1,"id":"T2","type":"timer","at":"2026-11-21T14:06:00+01:00","action":"pause","timer":"T1"})"),
        entry_of(R"({"v":1,"id":"T3","type":"timer","at":"2026-11-21T14:10:00+01:00","action":"resume","timer":"T1"})"),
    };
    const auto timer = running_timer(entries, instant("2026-11-21T14:20:00+01:00"));
    REQUIRE(timer);
    CHECK(timer->id == "T1");
    CHECK(timer->running == std::chrono::minutes(16));
    CHECK(timer->side == Side::left);
    CHECK_FALSE(timer->paused);
    CHECK_FALSE(timer->stale);
    CHECK(running_timer(entries, instant("2026-11-21T16:00:01+01:00"))->stale);
    CHECK_FALSE(running_timer(entries, instant("2026-11-21T13:59:00+01:00")));
}

TEST_CASE("a pump or a cancel naming the timer stops it", "[status]") {
    std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"T1","type":"timer","at":"2026-11-21T14:00:00+01:00","action":"start"})"),
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T14:00:00+01:00","ml":90,"timer":"T1"})"),
    };
    CHECK_FALSE(running_timer(entries, instant("2026-11-21T14:20:00+01:00")));
    entries[1] = entry_of(R"({"v":1,"id":"C1","type":"timer","at":"2026-11-21T14:05:00+01:00","action":"cancel","timer":"T1"})");
    CHECK_FALSE(running_timer(entries, instant("2026-11-21T14:20:00+01:00")));
    entries[1] = entry_of(R"({"v":1,"id":"P2","type":"pump","at":"2026-11-21T14:00:00+01:00","ml":90,"timer":"other"})");
    CHECK(running_timer(entries, instant("2026-11-21T14:20:00+01:00")));
}

TEST_CASE("two timers started on two devices and merged both run until each is stopped", "[status]") {
    std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"TA","type":"timer","at":"2026-11-21T11:00:00+01:00","action":"start","side":"left"})"),
        entry_of(R"({"v":1,"id":"TB","type":"timer","at":"2026-11-21T11:05:00+01:00","action":"start","side":"right"})"),
    };
    const Seconds now = instant("2026-11-21T11:20:00+01:00");
    auto running = running_timers(entries, now);
    REQUIRE(running.size() == 2);
    CHECK(running[0].id == "TA");
    CHECK(running[0].side == Side::left);
    CHECK(running[1].id == "TB");
    CHECK(running_timer(entries, now)->id == "TB");
    // The later one stopped, the earlier one still runs (it was hidden behind the later start).
    entries.push_back(
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T11:05:00+01:00","ml":50,"timer":"TB"})"));
    running = running_timers(entries, now);
    REQUIRE(running.size() == 1);
    CHECK(running[0].id == "TA");
    CHECK(running_timer(entries, now)->id == "TA");
}

TEST_CASE("a timer start never stopped nor cancelled with a later start after it is found", "[status]") {
    std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"TA","type":"timer","at":"2026-11-21T11:00:00+01:00","action":"start"})"),
        entry_of(R"({"v":1,"id":"TB","type":"timer","at":"2026-11-21T11:05:00+01:00","action":"start"})"),
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T11:05:00+01:00","ml":50,"timer":"TB"})"),
    };
    auto found = unstopped_timers(entries);
    REQUIRE(found.size() == 1);
    CHECK(found[0].first->id == "TA");
    CHECK(found[0].second->id == "TB");
    // The newest start is the running timer, not an orphan; a cancelled one is settled.
    entries.push_back(
        entry_of(R"({"v":1,"id":"C1","type":"timer","at":"2026-11-21T11:30:00+01:00","action":"cancel","timer":"TA"})"));
    CHECK(unstopped_timers(entries).empty());
    entries.push_back(entry_of(R"({"v":1,"id":"TC","type":"timer","at":"2026-11-21T12:00:00+01:00","action":"start"})"));
    CHECK(unstopped_timers(entries).empty());
}

TEST_CASE("today's pumps without a volume and bottles without an amount are counted apart never as 0 ml", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":130})"),
        entry_of(R"({"v":1,"id":"P2","type":"pump","at":"2026-11-21T09:00:00+01:00","dur_s":1200})"),
        entry_of(R"({"v":1,"id":"P3","type":"pump","at":"2026-11-21T10:00:00+01:00","left_ml":30,"right_ml":25,)"
                 R"("dur_s":900})"),
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":120})"),
        entry_of(
            R"({"v":1,"id":"F2","type":"feed","at":"2026-11-21T11:00:00+01:00","method":"bottle","milk":"breast"})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-11-21T14:05:00+01:00"));
    CHECK(s.sessions == 3);
    // P3's sides make no total (pumplog(5): ml is the total; `log` and `log check` read it so too; without its
    // dur_s it would be a bad line: tests/unit/check.cpp).
    CHECK(s.unmeasured_sessions == 2);
    CHECK(s.pumped.ml() == Approx(130));
    CHECK(s.bottle_feeds == 2);
    CHECK(s.unmeasured_bottles == 1);
    CHECK(s.drunk.ml() == Approx(120));
    // P3's sides stay out of the side totals too: with no total, L + R would exceed the day's pumped 130 ml.
    CHECK(s.sided_sessions == 0);
    CHECK_FALSE(s.left.has_value());
    CHECK_FALSE(s.right.has_value());
}

TEST_CASE("a session that gave one side leaves the other unknown, not 0", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":60,"left_ml":60})"),
        entry_of(R"({"v":1,"id":"P2","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":70})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-11-21T14:05:00+01:00"));
    CHECK(s.sessions == 2);
    CHECK(s.sided_sessions == 1);
    CHECK(s.left->ml() == Approx(60));
    CHECK_FALSE(s.right.has_value());
}

TEST_CASE("a feed naming its baby with spaces around (a hand-edited line) is that baby's row", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-21T08:00:00+01:00","method":"bottle","ml":90,"baby":"Ben"})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":80,"baby":" ben "})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-11-21T14:05:00+01:00"), {"Ada", "Ben"});
    REQUIRE(s.babies.size() == 2);
    CHECK(s.babies[1].name == "Ben");
    CHECK(s.babies[1].bottle_feeds == 2);
    CHECK(s.babies[1].drunk.ml() == Approx(170));
}

TEST_CASE("today's numbers and the usual day from the last 7 days", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-20T09:00:00+01:00","method":"bottle","ml":100})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-11-20T18:00:00+01:00","method":"bottle","ml":200})"),
        entry_of(R"({"v":1,"id":"F3","type":"feed","at":"2026-11-19T10:00:00+01:00","method":"bottle","ml":300})"),
        entry_of(R"({"v":1,"id":"P1","type":"pump","at":"2026-11-21T08:00:00+01:00","ml":90,"left_ml":40,"right_ml":50})"),
        entry_of(R"({"v":1,"id":"S1","type":"skip","at":"2026-11-21T11:00:00+01:00"})"),
        entry_of(R"({"v":1,"id":"F4","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":120})"),
        entry_of(R"({"v":1,"id":"F5","type":"feed","at":"2026-11-21T10:00:00+01:00","method":"breast","left_s":600})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-11-21T14:05:00+01:00"));
    CHECK(s.pumped.ml() == 90);
    CHECK(s.sessions == 1);
    CHECK(s.left->ml() == 40);
    CHECK(s.right->ml() == 50);
    CHECK(s.drunk.ml() == 120);
    CHECK(s.bottle_feeds == 1);
    CHECK(s.breast_feeds == 1);
    CHECK(s.skipped == 1);
    CHECK(s.usual_days == 2);
    CHECK(s.usual_day->ml() == 300);     // (300 + 300) / 2
    CHECK(s.usual_by_now->ml() == 200);  // (100 + 300) / 2: the 18:00 bottle is later than now's 14:05
    CHECK(s.last_feed->id == "F5");
    CHECK(s.last_pump->id == "P1");
}

TEST_CASE("a past day with a bottle without an amount is left out of the usual day", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-20T09:00:00+01:00","method":"bottle","ml":100})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-11-20T11:00:00+01:00","method":"bottle","milk":"breast"})"),
        entry_of(R"({"v":1,"id":"F3","type":"feed","at":"2026-11-19T10:00:00+01:00","method":"bottle","ml":300})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-11-21T14:05:00+01:00"));
    // 11-20's volume is unknown (100 ml and a bottle not measured): only 11-19 counts, not (100 + 300) / 2.
    CHECK(s.usual_days == 1);
    CHECK(s.usual_day->ml() == 300);
    CHECK(s.usual_by_now->ml() == 300);
}

TEST_CASE("the usual day by now compares wall-clock times across a daylight-saving change", "[status]") {
    // America/New_York: 2026-11-01 has 25 hours, 2026-03-08 has 23.
    const std::vector<Entry> fall = {
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-10-31T01:05:00-04:00","method":"bottle","ml":90})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-10-31T04:05:00-04:00","method":"bottle","ml":100})"),
    };
    // 04:03 on the 25-hour day is 5 h 03 min after midnight: by elapsed time the 04:05 bottle would count.
    const DayStatus s = day_status(fall, clock_at("2026-11-01T04:03:00-05:00", "America/New_York"));
    CHECK(s.usual_by_now->ml() == 90);
    const std::vector<Entry> spring = {
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-03-08T13:05:00-04:00","method":"bottle","ml":110})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-03-08T16:05:00-04:00","method":"bottle","ml":120})"),
    };
    // 16:05 on the 23-hour day is 15 h 05 min after midnight, earlier than now's 16:04 by elapsed time.
    const DayStatus t = day_status(spring, clock_at("2026-03-11T16:04:00-04:00", "America/New_York"));
    CHECK(t.usual_by_now->ml() == 110);
    CHECK(t.usual_day->ml() == 230);
}

// Travelling: 20:00 in New York on 30 November is 02:00 on 1 December in Berlin, yet 30 November's (pumplog(5)).
TEST_CASE("today's numbers count the entries by the date written in their at as report does", "[status]") {
    const std::vector<Entry> entries = {  // by time, as day_status takes them
        entry_of(R"({"v":1,"id":"T1","type":"pump","at":"2026-11-30T09:00:00+01:00","ml":100})"),
        // 01:00 on 1 December at UTC+14 is noon on 30 November in Berlin: today's as written.
        entry_of(R"({"v":1,"id":"F3","type":"feed","at":"2026-12-01T01:00:00+14:00","method":"bottle","ml":50})"),
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-30T19:00:00-05:00","method":"bottle","ml":60})"),
        entry_of(R"({"v":1,"id":"T2","type":"pump","at":"2026-11-30T20:00:00-05:00","ml":120})"),
        entry_of(R"({"v":1,"id":"F2","type":"feed","at":"2026-11-30T21:00:00-05:00","method":"breast","left_s":600})"),
        entry_of(R"({"v":1,"id":"S1","type":"skip","at":"2026-11-30T22:00:00-05:00"})"),
        entry_of(R"({"v":1,"id":"T3","type":"pump","at":"2026-12-01T10:00:00+01:00","ml":90})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-12-01T12:00:00+01:00"));
    CHECK(s.pumped.ml() == 90);
    CHECK(s.sessions == 1);
    CHECK(s.drunk.ml() == 50);
    CHECK(s.bottle_feeds == 1);
    CHECK(s.breast_feeds == 0);
    CHECK(s.skipped == 0);
    // Elapsed times stay instants: the last pump is the latest one, the last feed too.
    CHECK(s.last_pump->id == "T3");
    CHECK(s.last_feed->id == "F2");
}

TEST_CASE("the usual day counts past bottles by their written date and clock time", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"F4","type":"feed","at":"2026-11-29T11:00:00+01:00","method":"bottle","ml":100})"),
        // 19:00 on 30 November in New York (01:00 on 1 December in Berlin): 30 November's, after now's 12:00.
        entry_of(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-30T19:00:00-05:00","method":"bottle","ml":60})"),
    };
    const DayStatus s = day_status(entries, clock_at("2026-12-01T12:00:00+01:00"));
    CHECK(s.usual_days == 2);
    CHECK(s.usual_day->ml() == 80);     // (100 + 60) / 2
    CHECK(s.usual_by_now->ml() == 50);  // (100 + 0) / 2
}

TEST_CASE("a pump is announced once, and once more only when overdue by remind_again", "[status]") {
    NextPump next;
    next.pump.at = instant("2026-11-21T16:00:00+01:00");
    const auto at = [](const char* t) { return instant(t); };
    const std::chrono::minutes again(30);
    CHECK(should_remind(next, at("2026-11-21T15:50:00+01:00"), again, Announcement{}));
    const Announcement once{1, at("2026-11-21T15:50:00+01:00")};
    CHECK_FALSE(should_remind(next, at("2026-11-21T15:55:00+01:00"), again, once));
    next.overdue = true;
    CHECK_FALSE(should_remind(next, at("2026-11-21T16:25:00+01:00"), again, once));
    CHECK(should_remind(next, at("2026-11-21T16:30:00+01:00"), again, once));
    const Announcement late{1, at("2026-11-21T16:20:00+01:00")};  // first said after its time
    CHECK_FALSE(should_remind(next, at("2026-11-21T16:45:00+01:00"), again, late));
    CHECK(should_remind(next, at("2026-11-21T16:50:00+01:00"), again, late));
    CHECK_FALSE(should_remind(next, at("2026-11-21T18:00:00+01:00"), again, Announcement{2, late.last}));
}

TEST_CASE("a pump moved by a feed logged since it was announced is the pump announced", "[status]") {
    NextPump next;
    next.pump.at = instant("2026-11-21T09:25:00+01:00");
    Settings s;  // min_gap 2 h: a pump announced within an hour of this one is this one
    CHECK(reminder_key(next, Announced{}, s) == "pump 2026-11-21T08:25:00+00:00");
    Announced said;
    said["pump 2026-11-21T08:30:00+00:00"] = Announcement{1, instant("2026-11-21T09:20:00+01:00")};
    said["pump 2026-11-21T05:30:00+00:00"] = Announcement{2, instant("2026-11-21T07:00:00+01:00")};
    said["expiring S1"] = Announcement{1, instant("2026-11-21T07:00:00+01:00")};
    CHECK(reminder_key(next, said, s) == "pump 2026-11-21T08:30:00+00:00");
    // its own key first; a pump further than half min_gap away is another one
    said["pump 2026-11-21T08:25:00+00:00"] = Announcement{1, instant("2026-11-21T09:24:00+01:00")};
    CHECK(reminder_key(next, said, s) == "pump 2026-11-21T08:25:00+00:00");
    next.pump.at = instant("2026-11-21T11:00:00+01:00");
    CHECK(reminder_key(next, said, s) == "pump 2026-11-21T10:00:00+00:00");
}

TEST_CASE("a plan of one baby's feeds counts its own pumps, apart from the plan of all", "[status]") {
    NextPump next;
    next.pump.at = instant("2026-11-21T09:25:00+01:00");
    Settings s;  // min_gap 2 h
    CHECK(reminder_key(next, Announced{}, s, "Ada") == "pump 2026-11-21T08:25:00+00:00 for Ada");
    Announced said;
    said["pump 2026-11-21T08:30:00+00:00"] = Announcement{1, instant("2026-11-21T09:20:00+01:00")};
    said["pump 2026-11-21T08:40:00+00:00 for Ben"] = Announcement{1, instant("2026-11-21T09:30:00+01:00")};
    // the plan of all's pump 5 min away and Ben's are not Ada's
    CHECK(reminder_key(next, said, s, "Ada") == "pump 2026-11-21T08:25:00+00:00 for Ada");
    said["pump 2026-11-21T08:45:00+00:00 for Ada"] = Announcement{1, instant("2026-11-21T09:35:00+01:00")};
    CHECK(reminder_key(next, said, s, "Ada") == "pump 2026-11-21T08:45:00+00:00 for Ada");
    // and the plan of all does not take a baby's pump for its own
    CHECK(reminder_key(next, said, s) == "pump 2026-11-21T08:30:00+00:00");
    said.erase("pump 2026-11-21T08:30:00+00:00");
    CHECK(reminder_key(next, said, s) == "pump 2026-11-21T08:25:00+00:00");
}

TEST_CASE("a pump skipped twice (two devices, merged) counts once", "[status]") {
    const std::vector<Entry> entries = {
        entry_of(R"({"v":1,"id":"S1","type":"skip","at":"2026-11-21T11:00:00+01:00"})"),
        entry_of(R"({"v":1,"id":"S2","type":"skip","at":"2026-11-21T11:00:00+01:00"})"),
        entry_of(R"({"v":1,"id":"S3","type":"skip","at":"2026-11-21T13:00:00+01:00"})"),
    };
    CHECK(day_status(entries, clock_at("2026-11-21T14:05:00+01:00")).skipped == 2);
}

// A week of three-hourly feeds before Monday 2026-11-16 in Berlin, planned
// pumping exclusively (a pump every three hours on the Monday).
struct ExclusiveWeek {
    const date::time_zone* berlin = testing::zone("Europe/Berlin");
    date::sys_days monday = testbaby::day_of(2026, 11, 16);
    std::vector<Entry> entries;
    Settings settings;
    Seconds midnight = start_of_local_day(monday, berlin);
    ExclusiveWeek() {
        using namespace testbaby;
        const std::vector<SlotSpec> three_hourly = {{hm(1), 90},   {hm(4), 100},  {hm(7), 130},  {hm(10), 120},
                                                    {hm(13), 110}, {hm(16), 120}, {hm(19), 140}, {hm(22), 100}};
        entries = feeds_for(berlin, monday - date::days(7), 7, three_hourly);
        settings.mode = PlanMode::exclusive;
    }
};

TEST_CASE("a pump skipped ahead of its time is not the next pump any more, nor reminded of", "[status]") {
    using namespace testbaby;
    ExclusiveWeek week;
    const date::time_zone* berlin = week.berlin;
    const date::sys_days monday = week.monday;
    std::vector<Entry>& entries = week.entries;
    const Settings& s = week.settings;
    const Seconds midnight = week.midnight;
    const Clock before{midnight + hours(9) + minutes(55), berlin};
    auto next = next_pump_in_mode(entries, s, before);
    REQUIRE(next);
    CHECK(testing::local_text(next->pump.at) == "2026-11-16T10:00:00+01:00");
    CHECK_FALSE(skip_of(entries, *next, s));

    // `plan skip` at 09:55 writes a skip at the pump's time, still ahead of now.
    Entry skip = entry_at(EntryType::skip, berlin, monday, hm(10));
    entries.push_back(skip);
    CHECK(skip_of(entries, *next, s));
    const Clock a_minute_later{before.now + minutes(1), berlin};
    // The planner counts the skip before its time: the pump after it is next.
    next = next_pump_in_mode(entries, s, a_minute_later);
    REQUIRE(next);
    CHECK(testing::local_text(next->pump.at) == "2026-11-16T13:00:00+01:00");
    CHECK_FALSE(next->overdue);
    // And from its time on.
    const Clock after{midnight + hours(10) + minutes(5), berlin};
    CHECK(testing::local_text(next_pump_in_mode(entries, s, after)->pump.at) == "2026-11-16T13:00:00+01:00");
}

TEST_CASE("a pump timer running for the due pump is that pump under way, not an overdue one", "[status]") {
    ExclusiveWeek week;
    const date::time_zone* berlin = week.berlin;
    std::vector<Entry>& entries = week.entries;
    const Settings& s = week.settings;
    const Seconds midnight = week.midnight;
    // `pump start` at 09:55 for the 10:00 pump; at 10:20 the parent is still pumping.
    entries.push_back(
        entry_of(R"({"v":1,"id":"T1","type":"timer","at":"2026-11-16T09:55:00+01:00","action":"start"})"));
    const Clock pumping{midnight + hours(10) + minutes(20), berlin};
    auto next = next_pump_in_mode(entries, s, pumping);
    REQUIRE(next);
    CHECK(testing::local_text(next->pump.at) == "2026-11-16T13:00:00+01:00");
    CHECK_FALSE(next->overdue);
    // A cancelled timer pumped nothing: the 10:00 pump is overdue again.
    entries.push_back(entry_of(
        R"({"v":1,"id":"T2","type":"timer","at":"2026-11-16T10:10:00+01:00","action":"cancel","timer":"T1"})"));
    next = next_pump_in_mode(entries, s, pumping);
    REQUIRE(next);
    CHECK(testing::local_text(next->pump.at) == "2026-11-16T10:00:00+01:00");
    CHECK(next->overdue);
}

}  // namespace PUMPLOG_UNITY_ID
