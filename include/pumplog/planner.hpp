#pragma once
// The planner (SPEC 5): from the baby's cadence and the parent's yield to a
// pumping timetable, the next pump due, and a stash build-up before returning
// to work. Pure functions of (entries, settings, clock): no I/O.
#include <optional>
#include <string>
#include <vector>

#include "pumplog/cadence.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/plan.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

// `days` local days from `first` (a spring-forward day is 23 hours long).
TimeSpan local_days(date::sys_days first, int days, const date::time_zone* zone);

// Night, for the longest gap between pumps: the `sleep` window when set, else 22:00-06:00.
DailyWindow night_window(const Settings& settings);

// The feeds (and pumps) a plan learned until `until` needs: those from this time on.
Seconds plan_history_since(const Settings& settings, Seconds until, const date::time_zone* zone);

// Where the cadence is learned from: the look-back window before `until`, or,
// when fewer than `min_feed_days` of its days have feeds (a break in logging)
// and `entries` hold feeds before it, the start of the `lookback_days`-th
// last day with feeds (the last days logged, however far back), so a parent
// back from a week without logging is not refused. The cadence weighs the
// days by their distance from `until` as always.
Seconds learning_since(const std::vector<Entry>& entries, const Settings& settings, Seconds until,
                       const date::time_zone* zone);
// The same for the window from `since` (a plan's own: plan_lookback_since).
Seconds learning_since(const std::vector<Entry>& entries, const Settings& settings, Seconds since, Seconds until,
                       const date::time_zone* zone);
// True when the look-back window before `until` has too few days with feeds
// among `entries`: the caller that read only the window reads further back.
bool window_short_of_feeds(const std::vector<Entry>& entries, const Settings& settings, Seconds until,
                           const date::time_zone* zone);
// The same for the window from `since` to `until`.
bool window_short_of_feeds(const std::vector<Entry>& entries, Seconds since, Seconds until,
                           const date::time_zone* zone);

// The timetable for `range` (cadence and away modes; not supply mode). The
// cadence is learned until `range.begin` or `clock.now`, whichever is earlier,
// so a plan for a past day uses only what was known the day before, from the
// look-back window of the first day planned (plan_lookback_since): a plan for
// a day made the evening before and one made after midnight learn alike.
//
// One pump per predicted feed that falls in an `away` window (every feed in
// exclusive mode), at the feed's time; pumps closer than `min_gap` are merged
// (the closest pair first, at their target-weighted mean time); where the gap
// between two milk removals (pumps, and feeds at the breast while at home)
// that reaches into an away window exceeds `max_gap_day` / `max_gap_night`
// (night: night_window), pumps are added to split it. Targets are the covered
// slots' amounts; expected yields come from the parent's pumps near that time
// of day. Where, over an away window (a day in exclusive mode), the expected
// yield is less than the baby drinks, an extra session is proposed and the
// advice says so, citing the CDC. Throws a usage error when there are too few
// feeds to learn from.
Plan plan_pumps(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock, TimeSpan range);
// The same timetable as known now, also over a range that begins before now (as next_pump plans): the
// pumps of today before a plan's start, which the calendar file counts to number the day's pumps.
Plan plan_pumps_known_now(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                          TimeSpan range);

// The next pump due (`plan next`).
struct NextPump {
    PlannedPump pump;
    bool overdue = false;  // its time has passed with no pump logged since
};
// The timetable from the look-back window ending now: the latest planned pump
// whose time has passed with no pump logged since (from half `min_gap` before
// it), for up to min_gap and until the midpoint to the pump after it (overdue);
// else the first planned pump from now on that a logged pump has not already
// done (one logged within half `min_gap` before it, or a pump timer running since then). Searches 8 days ahead;
// nullopt when none is planned.
std::optional<NextPump> next_pump(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock);
// The span next_pump plans: from 12 hours before now to 8 days after.
TimeSpan next_pump_range(Seconds now);
// The same choice among the pumps of any plan of next_pump_range (supply mode
// too), given the logged pumps in `entries`.
std::optional<NextPump> next_pump_in(const Plan& plan, const std::vector<Entry>& entries, const Settings& settings,
                                     const Clock& clock);

// `plan stash`: the stash to build before returning to work.
// The target: a volume (--target 2000ml), days of need (--target 3d), or
// neither (the `stash_days` setting's days of need).
struct StashTarget {
    std::optional<Volume> volume;
    std::optional<double> days;
    StashTarget() = default;
    StashTarget(std::nullopt_t) {}
    StashTarget(Volume v) : volume(v) {}
    StashTarget(std::optional<Volume> v) : volume(v) {}
    static StashTarget of_days(double d) {
        StashTarget t;
        t.days = d;
        return t;
    }
};
enum class StashTargetKind { default_days, days, volume };
struct StashPlan {
    date::sys_days return_day;
    Volume need_per_day;                        // what the baby drinks on a typical away day
    bool several_babies = false;                // the need is several babies' ("the babies drink")
    int away_days_per_week = 0;                 // days an away window starts on (a night is its first day's)
    std::vector<Slot> away_slots;               // the slots that fall while away on some away day, in time of day
                                                // from the start of the away hours (22:00, 01:00, 04:00, 10:00)
    Volume target;                              // the stash to have on the return day
    std::optional<double> target_days;          // the same in days of need (none when no feed falls while away)
    bool nothing_to_stash = false;              // no feed falls while away and the target is in days of need
    StashTargetKind target_kind = StashTargetKind::default_days;
    bool target_given = false;                  // from --target (else the setting's days of need)
    Volume stored;                              // the stash already stored that is still usable on the return day
    int stored_containers = 0;
    Volume to_build;                            // target - stored (not below 0)
    std::vector<int> sessions;                  // the times of day the parent already pumps (minutes)
    std::optional<date::sys_days> start;        // when to start the extra session (not today once its time has
                                                // passed); none when no day is left before the return, or nothing
                                                // is to stash for
    int days_left = 0;                          // from today to the return day
    std::optional<int> session_minute;          // the extra daily session: a time the parent does not pump yet
                                                // (none when no day is left to pump it)
    std::optional<Volume> per_day;              // its expected yield: the build-up per day
    std::optional<int> days_needed;             // days of the extra session to build to_build
    std::optional<Volume> reachable_by_return;  // what can be built from today to the return day
    bool reachable = true;                      // the target can be built before the return day
    PlanBasis basis;
    std::vector<std::string> advice;
};
// CDC: start pumping a few weeks before returning to work; this many days.
inline constexpr int stash_lead_days = 21;
// The times of day the parent already pumps: the logged pumps of [since,
// until) grouped by time of day (within 45 minutes), each group seen on 2
// days or more (on 1 when pumps were logged on one day only), at its mean
// time rounded to 5 minutes; sorted.
std::vector<int> usual_pump_sessions(const std::vector<Entry>& entries, Seconds since, Seconds until,
                                     const date::time_zone* zone);
// Needs away windows (or exclusive mode): usage error otherwise, and when the
// return day is not after today. `stock`: the stash so far (what is still
// usable at the start of the return day counts towards the target).
//
// The extra session is on the quarter hours outside the night, at least
// min_gap from every session the parent already pumps: the best expected
// yield, then the time nearest the parent's best-yield time, then the
// earliest. When no time is min_gap from them all, the time farthest from them.
StashPlan plan_stash(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                     date::sys_days return_day, StashTarget target, const Stock* stock = nullptr);

}  // namespace pumplog
