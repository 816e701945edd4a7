#pragma once
// Plans for people (a timetable), for scripts (JSON, CSV; SPEC 7) and for
// calendars (iCalendar, RFC 5545). Formatting only.
#include <optional>
#include <string>
#include <string_view>

#include "pumplog/plan.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/units.hpp"

namespace pumplog::render {

// One piece of advice as a sentence (the table, JSON "advice", ICS), volumes in `unit`.
std::string advice_text(const PlanAdvice& advice, Unit unit, const date::time_zone* zone);
// One piece of advice as a JSON object (JSON "advice_items"): {"kind": ..., its fields}; see pumplog-plan(1).
std::string advice_json(const PlanAdvice& advice, Unit unit, const date::time_zone* zone);

// The timetable: a heading, one row per pump (time, target, expected, what it
// covers), then the slots and basis, then the advice.
std::string plan_table(const Plan& plan, TimeSpan range, Unit unit, const Style& style, const date::time_zone* zone);

// SPEC 7: {"basis": {"feeds","days","since","until"}, "slots": [{"time","ml","seen"}],
// "pumps": [{"at","target_ml","expected_ml","covers"}], "advice": [...]}, plus
// "progress" {"day","pumped_24h_ml","sessions_24h","sessions_without_volume_24h",
// "night_session","milestone_ml","verdict"} when the plan has one (supply mode):
// pumped_24h counts the sessions with a volume; sessions_24h all of them.
// `_oz` keys with --unit oz.
std::string plan_json(const Plan& plan, Unit unit, const date::time_zone* zone);

// at,target_ml,expected_ml,covers,extra,reason (covers: times separated by spaces).
std::string plan_csv(const Plan& plan, Unit unit, const date::time_zone* zone);

// An iCalendar file: one VEVENT per pump with DTSTART;TZID= and a VTIMEZONE
// (UTC times when the zone is UTC), a UID derived from the local date and the
// pump's place in that day's timetable (YYYYMMDD-N@pumplog: stable across runs,
// so re-importing a re-written file updates the events), and a VALARM
// `alarm_minutes` before. Extra sessions are a series of their own
// (YYYYMMDD-extra-N@pumplog), so one added or gone leaves the other pumps'
// UIDs as they were. `stamp` is the DTSTAMP (now). CRLF line ends, lines
// folded at 75 octets. `earlier` is how many pumps (extra sessions) the first
// pump's day has before the plan begins (a plan from now): the first one is
// then N = earlier + 1.
inline constexpr int ics_alarm_minutes = 5;
inline constexpr int ics_event_minutes = 20;
struct IcsEarlier {
    int pumps = 0;   // the day's pumps before the plan, extra sessions left out
    int extras = 0;  // the day's extra sessions before the plan
};
// `baby` (plan --baby): that baby's plan, its name in X-WR-CALNAME ("Pumping plan for Ada's feeds") and in
// each UID after its place ("20261123-1-ada@pumplog", "20261123-extra-1-ada@pumplog"; the name as names
// compare, bytes other than a-z, 0-9 and '-' as %XX), so that two babies' calendars and the joint plan's
// (whose UIDs have no name) can be imported side by side.
std::string plan_ics(const Plan& plan, Unit unit, const date::time_zone* zone, Seconds stamp,
                     IcsEarlier earlier = {}, std::string_view baby = {});

// `plan next`: "Pump at 14:30 (in 25 min), aim for 110 ml", or "Pump now: the
// 14:30 pump is 35 min overdue, aim for 110 ml" (the time as format_clock_told_apart gives it: "the 02:30
// (+02:00) pump").
std::string next_text(const NextPump& next, Unit unit, const Clock& clock);
// {"at": T, "in_min": N (negative when overdue), "target_ml": N}, plus "estimated": true when the target is one
std::string next_json(const NextPump& next, Unit unit, const Clock& clock);
// The same as CSV: a header (at,in_min,target_ml,estimated; target_oz with
// --unit oz) and one row, or the header alone when no pump is planned.
std::string next_csv(const std::optional<NextPump>& next, Unit unit, const Clock& clock);

// `plan stash` for people and for scripts.
std::string stash_text(const StashPlan& stash, Unit unit);
std::string stash_json(const StashPlan& stash, Unit unit);

}  // namespace pumplog::render
