#pragma once
// The shape of a timetable (internal to the planner): when the parent is away,
// when the baby will feed, and where the pumps go to honour the gaps. Volumes
// and advice are the planner's. A period is a stretch of time the parent is
// away (a TimeSpan).
#include <chrono>
#include <vector>

#include "pumplog/plan.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/time.hpp"
#include "zone_memo.hpp"

namespace pumplog::timetable {

// The away windows' occurrences that overlap [from, to), overlapping ones
// merged. Each occurrence is built from wall-clock times (a window ending past
// midnight ends on the next day), so it keeps its hours across DST changes.
std::vector<TimeSpan> away_periods(const std::vector<WeeklyWindow>& away, Seconds from, Seconds to,
                                 const date::time_zone* zone);

// A predicted feed: a slot on one local day.
struct Feed {
    Seconds at;
    std::size_t slot;  // index into the slots
    Volume amount;
    bool estimated = false;  // the slot's amount is an estimate
    // The slot's wall-clock time that day, as written (in a spring-forward gap
    // too, where `at` is an hour later): the timetable's gaps are measured on it.
    LocalSeconds wall{};
};
// The slots' occurrences in [from, to), as wall-clock times of each local day
// (a slot in a spring-forward gap moves forward by the gap; in a repeated
// hour it takes the first occurrence), sorted.
std::vector<Feed> predicted_feeds(const std::vector<Slot>& slots, Seconds from, Seconds to,
                                  const date::time_zone* zone);

struct Options {
    std::chrono::minutes min_gap;
    std::chrono::minutes max_gap_day;
    std::chrono::minutes max_gap_night;
    DailyWindow night;
    std::chrono::minutes round{5};  // pump times fall on multiples of this (wall clock)
};

// A pump before volumes are known.
struct Draft {
    Seconds at;
    Volume target;                // the covered feeds' amounts
    std::vector<Seconds> covers;  // empty: added to split a long gap
    std::vector<Volume> amounts;  // parallel to covers
    bool night = false;           // added for a night gap
    bool estimated = false;       // a covered feed's amount is an estimate
    // How far a spring-forward change moved it on the wall clock: laid out at a wall time the change skips
    // (02:30), it is at the same instant's wall time (03:30); 0 for any other pump. Its time as laid out is
    // its wall time less this.
    std::chrono::seconds moved{0};
    // Drafted for these feeds, which went to nearer pumps (lost_to, in time order) once the pumps were final
    // (cover_nearest): it covers none, but was not added for a gap.
    std::vector<Seconds> lost{};
    std::vector<Seconds> lost_to{};
};
// Laid out on the wall clock (every local day 24 hours, the feeds at their
// slots' times as written), so a daylight-saving day gets the timetable of the
// days around it: its extra or missing hour makes no gap longer or shorter; a
// pump in a spring-forward gap then moves forward by the gap, one in a
// repeated hour takes its first occurrence (two that become one instant are
// one pump).
// One pump per feed inside a period (at the feed's time rounded to
// options.round), merged (the closest pair first) while
// two are closer than min_gap, at their target-weighted mean time; then pumps
// added inside the periods where a gap between milk removals (pumps, and
// feeds outside the periods) exceeds the day or night limit (night: the gap
// starts in the night window or its midpoint is in it): an overshoot up to
// 30 min moves a pump at one end, a longer one gets pumps at equal spacing
// where they fall inside a period. Sorted by time.
// With a `reference` (the week's timetable, planned for the same days), two pumps within 30 minutes of
// min_gap apart are merged or kept apart (spread to min_gap around their middle) as the reference has them.
std::vector<Draft> draft_pumps(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods,
                               const Options& options, const date::time_zone* zone,
                               const std::vector<Draft>& reference = {});

// Pumping exclusively (the window one period): when the window's timetable
// brings two pumps closer than min_gap (more pumps than fit min_gap apart in
// 24 hours within the longest gaps; merged pairs split again for a long gap),
// one day's timetable is laid out on the 24-hour circle and repeated on every
// local day of [from, to): the most pumps, up to the crowded timetable's per
// day, that keep every gap, midnight's included, from min_gap to its limit
// (day or night, as split_long_gaps measures it), at the times (on the
// `round` grid) that bring the feeds nearest their nearest pump (least sum of
// squared distances, weighed by amount); each feed then goes to its nearest
// pump. Unchanged when nothing is crowded, or no number of pumps keeps both.
// Hysteresis, as snap_to: `hold` (the layout of the week's reference) is kept
// when it has as many pumps and brings the feeds on the root mean square at
// most 15 minutes further from their pumps than the best layout (two layouts
// of near cost, such as which two feeds share a pump, would otherwise trade
// places with one more logged feed).
// Returns the day's layout (minutes after midnight) when it replaced the
// drafts, else nothing (an empty `hold` holds nothing).
std::vector<int> repeat_daily_when_crowded(std::vector<Draft>& drafts, const std::vector<Feed>& feeds, Seconds from,
                                           Seconds to, const Options& options, const date::time_zone* zone,
                                           const std::vector<int>& hold = {});

// A spring-forward night: a pump the change moved (Draft::moved) is that much nearer the next pump in real
// hours than the timetable laid them out (02:30 becomes 03:30, 1 h 30 min before 05:00), and so are two pumps
// the change falls between (00:15 and 03:15, 3 hours apart on the wall clock, are 2 real hours apart). min_gap
// is real hours: when such a pump (the first of the two) is closer than min_gap to the next one while the wall
// clock keeps them min_gap apart, it goes back to the latest time on the `round` grid that keeps min_gap in
// real hours from the next pump and from the one before it, inside its period (03:00, 2 h after 00:00 and 2 h
// before 05:00), and is no longer marked moved; when no time does, it joins the next pump (its feeds and
// target added) if the gap from the milk removal before it (a pump, or a feed outside the periods) to the
// next pump keeps its limit; else the next pump goes forward to the earliest time on the grid that keeps
// min_gap from both its neighbours, inside its period (no longer marked moved), this one first back as far as
// the pump before it allows when that is needed; else both stay (the planner says why).
void ease_spring_forward(std::vector<Draft>& drafts, const std::vector<Feed>& feeds,
                         const std::vector<TimeSpan>& periods, const Options& options, const date::time_zone* zone);

// The minutes after midnight of the drafts on one local day, sorted (a
// timetable's day, to hold with repeat_daily_when_crowded).
std::vector<int> day_layout(const std::vector<Draft>& drafts, date::sys_days day, const date::time_zone* zone);

// Every milk removal, sorted: the pumps, and the feeds outside the periods
// (the baby at the breast).
std::vector<Seconds> removals(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods,
                              const std::vector<Draft>& drafts);

// The nearest wall-clock time on a multiple of `step` (from midnight).
Seconds round_to(Seconds at, std::chrono::minutes step, const date::time_zone* zone);

// How far two pumps are apart, from `a` to `b`: in real hours, and on the wall clock as the timetable laid them
// out (`wall_a`, `wall_b`: a pump a daylight-saving change moved keeps its laid-out time). A distance such as
// min_gap holds only when both keep it: the hour a spring-forward night skips brings no pump nearer in real
// hours, and the hour a fall-back night repeats takes none further on the clock. The one rule for the
// timetable's change-night easing (ease_spring_forward), the re-spaced day and the extra session's time.
struct Spacing {
    std::chrono::seconds real{0};
    std::chrono::seconds wall{0};
    // Both at least `distance`, either way round.
    bool at_least(std::chrono::seconds distance) const {
        return (real >= distance || -real >= distance) && (wall >= distance || -wall >= distance);
    }
};
inline Spacing spacing(Seconds a, LocalSeconds wall_a, Seconds b, LocalSeconds wall_b) {
    return Spacing{b - a, wall_b - wall_a};
}
Seconds round_to(Seconds at, std::chrono::minutes step, const ZoneMemo& zone);

// Hysteresis: within each period, when `reference` (the timetable of the
// week's anchor) has as many pumps as `drafts` and each is within `tolerance`
// of its counterpart (the rhythm has not really moved), the drafts take the
// reference's times and keep their own covers and targets. Returns the periods
// that hold a draft and were not snapped.
std::vector<TimeSpan> snap_to(std::vector<Draft>& drafts, const std::vector<Draft>& reference,
                              const std::vector<TimeSpan>& periods, std::chrono::minutes tolerance);

// Whether `drafts` has pumps in `period`, as many as `reference` there, each within `tolerance` of its
// counterpart (in time order): snap_to's test for one period.
bool near_reference(const std::vector<Draft>& drafts, const std::vector<Draft>& reference, const TimeSpan& period,
                    std::chrono::minutes tolerance);

// The reference's pumps in place of the drafts in `period` (a hold where the drafts are not near it): each
// feed the drafts there covered goes to the nearest of them (the earlier on a tie), its amount into that
// pump's target and its `estimated` (from `feeds`, the predicted feeds the drafts were laid out from) into
// the pump's; a reference pump nearest no feed covers none, as a gap's pump (its `night` kept). Nothing
// changes when the reference has no pump there.
void hold_to(std::vector<Draft>& drafts, const std::vector<Draft>& reference, const TimeSpan& period,
             const std::vector<Feed>& feeds);

// Once the pumps are final (gap pumps added, min_gap eased, held or snapped to the week's times): each feed a
// draft covers goes to its nearest pump in real hours (the earlier on a tie), across midnight as at noon (a
// 23:59 feed to a 23:55 pump, not to the next day's 03:05), its amount into that pump's target, its
// `estimated` (from `feeds`) into the pump's. Only to a pump of the period of the pump that covered it (away:
// the same away window; pumping exclusively, the one window is every pump). A pump then nearest no feed
// covers none, as a gap's pump, unless it was drafted for feeds (then `lost` and `lost_to` say which went
// where); which feeds are covered does not change (pumplog-plan(1): each feed goes to its nearest pump). Each
// covered feed's `estimated` is its own (of the feeds at its time, the one of its amount: twins' slots).
void cover_nearest(std::vector<Draft>& drafts, const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods);

// Pinned times (`schedule`, minutes after midnight) on each local day, inside
// the periods; each feed inside a period is covered by the nearest pinned pump
// of that period (the earlier on a tie) when that pump is within min_gap of it.
// `uncovered` receives the other feeds inside a period (no pinned pump within
// min_gap, or none in their period): they are in no pump's covers or target.
std::vector<Draft> pinned_pumps(const std::vector<int>& schedule, const std::vector<Feed>& feeds,
                                const std::vector<TimeSpan>& periods, Seconds from, Seconds to,
                                const Options& options, const date::time_zone* zone, std::vector<Feed>& uncovered);

}  // namespace pumplog::timetable
