#include "pumplog/planner.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <numeric>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"
#include "pumplog/yield.hpp"
#include "plan_cadence.hpp"
#include "timetable.hpp"
#include "zone_memo.hpp"

namespace pumplog {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TimeSpan local_days(date::sys_days first, int days, const date::time_zone* zone) {
    return TimeSpan{start_of_local_day(first, zone), start_of_local_day(first + date::days(days), zone)};
}

DailyWindow night_window(const Settings& settings) {
    if (settings.sleep) return *settings.sleep;
    return DailyWindow{22 * 60, 6 * 60};
}

namespace {
Seconds week_anchor(Seconds until, const date::time_zone* zone);
// Hysteresis: a timetable moves to the week's reference only when every pump
// is this near it. An hour: a pump held within an hour of the fresh one still
// catches the feed it is for by the backtest's measure, and a noisy day moved
// a pump over 15 min on 21.6% of simulated days pumping exclusively, 26.1%
// with 30 min (bench/RESULTS.md, session 38).
constexpr minutes snap_tolerance{60};
// The week's reference keeps the week before's times, unit by unit (an away window, a day pumping exclusively),
// when every pump of the unit is within this of them: a quarter of an hour, the steadiness rule's own measure,
// so a new week does not re-lay a rhythm that did not move (09:25 becoming 09:35 took a work day's extra
// session from 17:30 at work to 19:45 at home), and the timetable lags a drifting baby by no more than this.
constexpr minutes week_carry{15};
// How many weeks back the carried times are looked for (the earliest week's as learned).
constexpr int week_carry_weeks = 3;
// How far the week's held times may stretch a gap over its limit (max_gap_day, max_gap_night) where the
// fresh timetable keeps it: a quarter of an hour, the steadiness rule's own measure.
constexpr minutes hold_gap_slack{15};
// A small shortfall (no session added) under this is not said: 5 ml (0.17 oz) is below the finest marks of a
// bottle's scale (5 or 10 ml, 1/4 or 1/2 oz), so no one could pour or pump it; the advice would only be noise.
constexpr long least_small_shortfall_ml = 5;
// How many evenings back a shortfall from a quarter to half a session looks for the extra session it keeps
// (build): a week, the week's timetable's own reach (week_anchor).
constexpr int extra_hold_days = 7;
}  // namespace

Seconds plan_history_since(const Settings& settings, Seconds until, const date::time_zone* zone) {
    // The look-back window, and the one ending at the week's anchor (the reference timetable), of a plan
    // learned until `until` for its day or a later one: its eve is the day before `until`'s at the earliest.
    // Within min_gap after midnight, plan next plans the day before too (its last pumps may still be overdue:
    // next_pump), from that day's eve.
    const date::sys_days day = local_day(until, zone);
    const bool after_midnight = until < start_of_local_day(day, zone) + settings.min_gap;
    const Seconds eve = start_of_local_day(day - date::days(after_midnight ? 2 : 1), zone);
    // The reference carries the weeks before's times (week_carry): learned until the anchors week_carry_weeks
    // earlier. Supply mode, and a pinned schedule, have no reference.
    Seconds anchor = week_anchor(eve, zone);
    const bool referenced = settings.mode != PlanMode::supply && settings.schedule.empty();
    for (int k = 0; referenced && k < week_carry_weeks; ++k) anchor = week_anchor(anchor - date::days(1), zone);
    return lookback_since(anchor, settings.lookback_days, zone);
}

namespace {
// Whether two timetables have their pumps at the same times.
bool same_times(const std::vector<timetable::Draft>& a, const std::vector<timetable::Draft>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const timetable::Draft& x, const timetable::Draft& y) { return x.at == y.at; });
}

// The distinct local days with a feed before `until`, ascending.
std::vector<date::sys_days> feed_days(const std::vector<Entry>& entries, Seconds until, const date::time_zone* zone) {
    std::vector<date::sys_days> days;
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && e.at.instant < until) days.push_back(local_day(e.at.instant, zone));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}
}  // namespace

bool window_short_of_feeds(const std::vector<Entry>& entries, const Settings& settings, Seconds until,
                           const date::time_zone* zone) {
    return window_short_of_feeds(entries, lookback_since(until, settings.lookback_days, zone), until, zone);
}

bool window_short_of_feeds(const std::vector<Entry>& entries, Seconds since, Seconds until,
                           const date::time_zone* zone) {
    // The window's local midnights, found once (plan next runs this on every call): a feed's day is
    // the last midnight at or before it.
    const date::sys_days first = local_day(since, zone);
    const date::sys_days last = local_day(until, zone);
    std::vector<Seconds> midnights;
    for (date::sys_days d = first; d <= last; d += date::days(1)) midnights.push_back(start_of_local_day(d, zone));
    std::vector<bool> fed(midnights.size(), false);
    int days = 0;
    for (const Entry& e : entries) {
        if (e.type != EntryType::feed || e.at.instant < midnights.front() || e.at.instant >= until) continue;
        const auto i = static_cast<std::size_t>(
            std::upper_bound(midnights.begin(), midnights.end(), e.at.instant) - midnights.begin() - 1);
        if (!fed[i]) {
            fed[i] = true;
            if (++days >= min_feed_days) return false;
        }
    }
    return true;
}

Seconds learning_since(const std::vector<Entry>& entries, const Settings& settings, Seconds until,
                       const date::time_zone* zone) {
    return learning_since(entries, settings, lookback_since(until, settings.lookback_days, zone), until, zone);
}

Seconds learning_since(const std::vector<Entry>& entries, const Settings& settings, Seconds since, Seconds until,
                       const date::time_zone* zone) {
    if (!window_short_of_feeds(entries, since, until, zone)) return since;
    const std::vector<date::sys_days> days = feed_days(entries, until, zone);
    if (static_cast<int>(days.size()) < min_feed_days) return since;  // refused, saying what to log
    const auto n = std::min<std::size_t>(days.size(), static_cast<std::size_t>(settings.lookback_days));
    return std::min(since, start_of_local_day(days[days.size() - n], zone));
}

namespace {

// A group of pumps whose yield is weighed against the need: an away window
// (a 24-hour day in exclusive mode), within the planned range.
using Group = TimeSpan;

std::vector<Group> groups_of(const Settings& settings, const std::vector<TimeSpan>& periods, TimeSpan range,
                             const date::time_zone* zone) {
    // Whole groups (not cut at the range's ends), so a plan of any span that
    // touches a day or an away window (plan, plan next) weighs it alike; a
    // verdict without a pump in the range is given only for a group the
    // range holds at least half of (build).
    std::vector<Group> groups;
    if (settings.mode == PlanMode::exclusive) {
        for (date::sys_days d = local_day(range.begin, zone); d <= local_day(range.end - seconds(1), zone);
             d += date::days(1)) {
            groups.push_back(local_days(d, 1, zone));
        }
        return groups;
    }
    for (const auto& p : periods)
        if (p.overlaps(range)) groups.push_back(p);
    return groups;
}

// The CDC's advice behind an extra session, for one baby or several.
std::string cdc_add_session(bool several_babies) {
    return fmt::format("CDC: add a session when you cannot pump as much as {}",
                       several_babies ? "the babies eat" : "the baby eats");
}

// An extra session's target: the shortfall, but never more than the largest target of the window's (the
// day's) other pumps: one session is not asked for a whole day's shortfall ("aim for 982 ml"); its row and
// the advice say what is still missing.
Volume extra_target(Volume short_by, Volume largest) {
    return largest.ml() > 0 ? std::min(short_by, largest) : short_by;
}

// An extra session's reason: it makes up the shortfall only when it is expected to give that much; else
// it goes toward it (the advice says what is still missing after it).
std::string extra_reason(Volume short_by, Volume gives, Unit unit) {
    if (std::lround(gives.ml()) >= std::lround(short_by.ml()))
        return fmt::format("extra: makes up {}", format_rounded_volume(short_by, unit));
    return fmt::format("extra: toward the {} short", format_rounded_volume(short_by, unit));
}

std::string covers_text(const std::vector<Seconds>& covers, const ZoneMemo& zone) {
    std::vector<std::string> times;
    // format_clock's "07:05", from the remembered offset; in the hour a fall-back night repeats with its UTC
    // offset, as the pump's own time ("covers the 02:30 (+02:00) feed").
    for (const Seconds at : covers)
        times.push_back(format_minute_of_day(zone.minute_of_day(at)) +
                        (zone.zone() ? repeated_offset(at, zone.zone()) : std::string()));
    return and_list(times);
}

// The timetable's pumps a spring-forward change moved (timetable::Draft::moved): a distance on the wall
// clock is from a pump's time as laid out (02:30), not the wall time it became (03:30), so a
// daylight-saving day is laid out as the days around it.
class LaidOut {
public:
    explicit LaidOut(const ZoneMemo& zone) : zone_(zone) {}
    void add(Seconds at, seconds moved) {
        if (moved > seconds(0)) moved_.emplace_back(at, moved);
    }
    LocalSeconds operator()(Seconds at) const {
        const LocalSeconds wall = zone_.to_local(at);
        for (const auto& [m, by] : moved_)
            if (m == at) return wall - by;
        return wall;
    }

private:
    const ZoneMemo& zone_;
    std::vector<std::pair<Seconds, seconds>> moved_;
};

// Where to propose an extra session for a group: on the group's local day
// (at home too: a pump after a feed adds to the day's milk; in exclusive
// mode, the group is that day), on the
// `round` grid, at least min_gap from every pump and an hour from every feed
// at the breast, both on the wall clock as the timetable laid the pumps out (a daylight-saving
// night makes no distance longer or shorter) and in real hours (the hour a spring-forward change skips
// brings no pump nearer: timetable::spacing); the best expected yield wins, then a time outside the night,
// then the time nearest the away window (the earliest on a tie), never
// before `not_before`; with `waking`, only a time outside the night (night_window); with `in_group`, away
// too only a time in the group (the window). nullopt when no time keeps those distances (then the day is
// re-spaced). `logged`, pumps logged (near the parent's routine ones), keep min_gap from the times at or after
// them only: a time gone by was proposed before such a pump was logged, and is not moved by it (the habitual
// 19:30 pump logged after an 18:00 extra does not send the extra to 23:30).
std::optional<Seconds> propose(const std::vector<Seconds>& pumps, const std::vector<Seconds>& logged,
                               const std::vector<Seconds>& home_feeds, const Group& group, Seconds not_before,
                               const Settings& settings, const Yield& yield, const ZoneMemo& zone,
                               const LaidOut& laid_out, bool waking, bool in_group = false) {
    TimeSpan span = group;
    if (settings.mode != PlanMode::exclusive && !in_group)
        span = local_days(zone.local_day(group.begin), 1, zone.zone());
    span.begin = std::max(span.begin, not_before);
    if (span.begin >= span.end) return std::nullopt;
    const DailyWindow night = night_window(settings);
    // On the quarter hours, and on the `round` grid: the least multiple of both (as supply mode's grid: 30
    // minutes for 2m, 6m and 10m, an hour for 4m, 12m and 20m; round divides an hour, so this does too). When no
    // time there keeps the distances, on the `round` grid alone, as the timetable's pumps are: a time between
    // two quarter hours is still one time, where re-spacing would move every pump (a 13:25 pump skipped between
    // 10:55 and 16:25 with min_gap 2 h is made up at 14:25: 14:30 is under 2 h from 16:25).
    const long round = std::max<long>(1, settings.round.count());
    const minutes quarter_step{std::lcm(15L, round)};
    std::optional<Seconds> best;
    std::tuple<long, bool, long> best_score{};
    const LocalSeconds first = zone.to_local(span.begin);
    const auto whole = date::ceil<minutes>(first.time_since_epoch());
    const auto grid_start = [&](minutes step) {
        return zone.to_instant(LocalSeconds((whole + step - minutes(1)) / step * step));
    };
    const Seconds start = grid_start(minutes(round));
    // Only the times near [start, span.end) can be too near a t there: one at
    // or before start - distance, or at or after span.end + distance, is far
    // from every t (the plan's pumps and feeds span days; the group one); an
    // hour more for a daylight-saving change between them. Kept as wall-clock times as laid out, and instants.
    const auto nearby = [&](const std::vector<Seconds>& list, seconds distance) {
        std::vector<std::pair<LocalSeconds, Seconds>> out;
        for (const Seconds x : list)
            if (x > start - distance - hours(1) && x < span.end + distance + hours(1))
                out.emplace_back(laid_out(x), x);
        return out;
    };
    const auto near_pumps = nearby(pumps, settings.min_gap);
    const auto near_logged = nearby(logged, settings.min_gap);
    const auto near_feeds = nearby(home_feeds, hours(1));
    const auto search = [&](minutes step) {
        for (Seconds t = grid_start(step); t < span.end; t += step) {
            const LocalSeconds wall = zone.to_local(t);
            const auto far = [&](const std::vector<std::pair<LocalSeconds, Seconds>>& list, seconds distance,
                                 bool only_before = false) {
                return std::all_of(list.begin(), list.end(), [&](const std::pair<LocalSeconds, Seconds>& x) {
                    return (only_before && x.second > t) ||
                           timetable::spacing(x.second, x.first, t, wall).at_least(distance);
                });
            };
            if (!far(near_pumps, settings.min_gap) || !far(near_logged, settings.min_gap, true) ||
                !far(near_feeds, hours(1)))
                continue;
            const int minute = zone.minute_of_day(t);
            if (waking && night.contains(minute)) continue;
            const long ml = std::lround(yield.at(minute).value_or(Volume{}).ml());
            const auto distance = t < group.begin ? group.begin - t : t >= group.end ? t - group.end : seconds(0);
            const std::tuple<long, bool, long> score{ml, !night.contains(minute), -distance.count()};
            if (!best || score > best_score) {
                best_score = score;
                best = t;
            }
        }
    };
    search(quarter_step);
    if (!best && minutes(round) < quarter_step) search(minutes(round));
    return best;
}

// How near one another a habit's pumps are, and on how many of the days with pumps it is pumped: a time of
// day pumped on at least half of them (and on two days at least) is a habit, not chance.
constexpr minutes habit_spread{45};

// The parent's habitual pump times (minutes of the day, ascending) from the pumps logged in [since, until):
// a run of pumps no more than habit_spread apart on the clock (across midnight too) logged on at least half
// of the local days with pumps, and on two days at least (a day counted once); the habit's time is their
// mean. The run on the most days is taken first (the narrowest, then the earliest, on a tie), its pumps set
// aside, and so on while one qualifies. Away, the parent pumps at home too, on no plan (07:00 before work,
// 21:15 before bed): an extra session is not proposed on such a time, where the pump logged would be the
// habitual one, not one more.
std::vector<int> habitual_pump_minutes(const std::vector<Entry>& entries, Seconds since, Seconds until,
                                       const ZoneMemo& zone) {
    struct Pump {
        long minute;
        long day;
    };
    std::vector<Pump> pumps;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant >= since && e.at.instant < until)
            pumps.push_back(
                {zone.minute_of_day(e.at.instant), zone.local_day(e.at.instant).time_since_epoch().count()});
    std::vector<long> all_days;
    for (const Pump& p : pumps) all_days.push_back(p.day);
    std::sort(all_days.begin(), all_days.end());
    const long days = std::unique(all_days.begin(), all_days.end()) - all_days.begin();
    const long needed = std::max(2L, (days + 1) / 2);
    std::vector<int> out;
    while (!pumps.empty()) {
        std::sort(pumps.begin(), pumps.end(), [](const Pump& a, const Pump& b) { return a.minute < b.minute; });
        const std::size_t n = pumps.size();
        // The run from each pump i on, the clock continued past midnight (the first pumps again, a day later).
        std::optional<std::tuple<long, long, long>> best;  // days, -spread, -start
        std::size_t best_i = 0, best_end = 0;
        std::vector<long> run_days;  // one buffer for every run
        for (std::size_t i = 0; i < n; ++i) {
            run_days.clear();
            std::size_t j = i;
            const auto minute_of = [&](std::size_t k) { return pumps[k % n].minute + (k >= n ? 24 * 60 : 0); };
            while (j < i + n && minute_of(j) - pumps[i].minute <= habit_spread.count()) {
                run_days.push_back(pumps[j % n].day);
                ++j;
            }
            std::sort(run_days.begin(), run_days.end());
            const long count = std::unique(run_days.begin(), run_days.end()) - run_days.begin();
            const std::tuple<long, long, long> score{count, -(minute_of(j - 1) - pumps[i].minute), -pumps[i].minute};
            if (!best || score > *best) {
                best = score;
                best_i = i;
                best_end = j;
            }
        }
        if (std::get<0>(*best) < needed) break;
        long sum = 0;
        for (std::size_t k = best_i; k < best_end; ++k) sum += pumps[k % n].minute + (k >= n ? 24 * 60 : 0);
        const long count = static_cast<long>(best_end - best_i);
        out.push_back(static_cast<int>(((sum + count / 2) / count) % (24 * 60)));
        std::vector<Pump> rest;
        for (std::size_t k = 0; k < n; ++k)
            if (!(k >= best_i && k < best_end) && !(best_end > n && k < best_end - n)) rest.push_back(pumps[k]);
        pumps = std::move(rest);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Whether a pump (or skip) logged at `logged` can stand for an extra session at `at`: one within half min_gap of
// the extra's own time, or of none of `routine` (the pumps the parent pumps anyway: the plan's, the habitual
// ones at home). The parent's habitual evening pump logged after an extra gone by is that pump, not the extra.
bool for_extra(Seconds logged, Seconds at, const std::vector<Seconds>& routine, seconds tolerance) {
    const auto near = [&](Seconds p) { return logged - p < tolerance && p - logged < tolerance; };
    return near(at) || std::none_of(routine.begin(), routine.end(), near);
}

// Whether the parent pumped, or skipped, an extra session proposed at `at`
// (its time gone by `until`): a pump or a skip (`plan skip`, written at the
// pump's time) logged from half min_gap before it until `until` that can stand
// for it (for_extra: near it, or near none of `routine`).
bool extra_logged(const std::vector<Entry>& entries, Seconds at, Seconds until, const std::vector<Seconds>& routine,
                  const Settings& settings) {
    const auto tolerance = settings.same_pump_within();
    return std::any_of(entries.begin(), entries.end(), [&](const Entry& e) {
        if ((e.type != EntryType::pump && e.type != EntryType::skip) || e.at.instant < at - tolerance ||
            e.at.instant >= until)
            return false;
        return for_extra(e.at.instant, at, routine, tolerance);
    });
}

// When a pump planned at `at` stops being overdue (next_pump_in): min_gap after
// it, or the midpoint to the next of `planned` when that comes first.
Seconds overdue_until(Seconds at, const std::vector<Seconds>& planned, const Settings& settings) {
    Seconds end = at + settings.min_gap;
    for (const Seconds p : planned)
        if (p > at) end = std::min(end, at + (p - at) / 2);
    return end;
}

// The one rule for a planned pump done with (plan next, and plan from now, which passes over it): a pump
// logged by `now`, or a skip (`plan skip`, written at the pump's time: a skipped pump is done with even
// before its time), from half min_gap before the planned pump (and not before the midpoint from the pump
// before it) to the midpoint to the next; or a pump timer running now, started then (`pump stop` logs the
// pump at the timer's start; one left running over 2 hours is likely forgotten). A skip alone makes the pump
// skipped; a pump logged for it, pumped. An extra session is done with only by one that can stand for it
// (for_extra: the parent's habitual pump logged after it is not the extra, as extra_logged).
class DoneRule {
public:
    DoneRule(const std::vector<Entry>& entries, const Settings& settings, Seconds now)
        : tolerance_(settings.same_pump_within()) {
        for (const Entry& e : entries)
            if ((e.type == EntryType::pump && e.at.instant <= now) || e.type == EntryType::skip)
                logged_.emplace_back(e.at.instant, e.type == EntryType::skip);
        if (const auto timer = running_timer(entries, now); timer && !timer->stale)
            logged_.emplace_back(timer->started, false);
        std::sort(logged_.begin(), logged_.end());
    }
    bool skips() const {
        return std::any_of(logged_.begin(), logged_.end(), [](const auto& l) { return l.second; });
    }
    // Pump i of `pumps` (in time order).
    PumpDone operator()(const std::vector<PlannedPump>& pumps, std::size_t i) const {
        Seconds lo = pumps[i].at - tolerance_;
        if (i > 0) lo = std::max(lo, pumps[i - 1].at + (pumps[i].at - pumps[i - 1].at) / 2);
        const Seconds hi = i + 1 < pumps.size() ? pumps[i].at + (pumps[i + 1].at - pumps[i].at) / 2 : Seconds::max();
        PumpDone done = PumpDone::no;
        for (auto it = std::lower_bound(logged_.begin(), logged_.end(), std::pair(lo, false));
             it != logged_.end() && it->first < hi; ++it) {
            if (pumps[i].extra && !for_extra(it->first, pumps[i].at, pumps[i].routine, tolerance_)) continue;
            if (!it->second) return PumpDone::pumped;
            done = PumpDone::skipped;
        }
        return done;
    }

private:
    seconds tolerance_;
    std::vector<std::pair<Seconds, bool>> logged_;  // when, and whether a skip
};

// Re-spaces a group's pumps to make room for one more (SPEC 5: the day is
// re-spaced rather than a pump squeezed in): the new pump goes in the middle
// of the longest gap (the group's ends count; with `by_day`, the longest whose
// middle is outside the night: respace_window), then the pumps move as little
// as they can (least squares, in order) so that every two are min_gap apart
// (rounded up to the `round` grid) inside the group; each covered feed goes
// to the nearest pump (the pumps that were there before the new one on a tie).
// nullopt when n + 1 pumps min_gap apart do not fit.
// Laid out on the wall clock, as the timetable (a daylight-saving day is
// re-spaced as the days around it, from the pumps' times as laid out); on a
// spring-forward day, when that brings two pumps closer than min_gap in real
// hours, the two the change falls between are laid out the skipped hour
// further apart, between whichever two moves the pumps least.
// The parent's own pumps off the plan (`others`: the habitual ones at home, those logged) stay min_gap away
// as the plan's do, so a re-spaced day does not put 08:00 an hour after the habitual 07:05 pump.
// Returns the new pump's time (marked extra: the one no old pump's feed went to) and the added expected yield.
std::optional<std::pair<Seconds, Volume>> respace(std::vector<PlannedPump>& pumps, const Group& group,
                                                  Volume short_by, bool babies, const Settings& settings,
                                                  const Yield& yield, const ZoneMemo& zone, const LaidOut& laid_out,
                                                  const std::vector<Seconds>& others, bool by_day = false) {
    std::vector<PlannedPump> old;
    for (const auto& p : pumps)
        if (group.contains(p.at)) old.push_back(p);
    if (old.empty()) return std::nullopt;
    const long step = std::max<long>(1, settings.round.count()) * 60;
    const long gap = (std::chrono::duration_cast<seconds>(settings.min_gap).count() + step - 1) / step * step;
    // Wall-clock times as seconds, and back to instants.
    const auto wall = [&](Seconds at) { return laid_out(at).time_since_epoch().count(); };
    const auto instant = [&](long x) { return zone.to_instant(LocalSeconds(seconds(x))); };
    long lo = wall(group.begin);
    long hi = wall(group.end - minutes(1));
    // The pumps just before and after the group stay min_gap away too (the
    // day before's last, the next day's first: a re-spaced night must not
    // bring 22:10 and 01:05 within a 3 h min_gap), on the wall clock and in
    // real hours (a spring-forward night between the group and the next day's
    // 03:45 leaves the group until 23:45, not 00:45).
    const auto real_wall = [&](Seconds at) { return zone.to_local(at).time_since_epoch().count(); };
    std::optional<Seconds> last_before, first_after;
    std::vector<Seconds> inside;  // of `others`, those in the group: no re-spaced pump comes near them
    const auto keep_from = [&](Seconds at) {
        const long x = wall(at);
        if (at < group.begin) {
            lo = std::max({lo, x + gap, real_wall(at + seconds(gap))});
            if (!last_before || at > *last_before) last_before = at;
        } else if (at >= group.end) {
            hi = std::min({hi, x - gap, real_wall(at - seconds(gap))});
            if (!first_after || at < *first_after) first_after = at;
        } else {
            inside.push_back(at);
        }
    };
    for (const auto& p : pumps)
        if (!group.contains(p.at)) keep_from(p.at);
    for (const Seconds at : others) keep_from(at);
    // On the `round` grid: the first grid time at or after lo, the last at or before hi.
    const ZoneMemo wall_clock(nullptr);
    const auto on_grid = [&](long x) {
        return timetable::round_to(Seconds(seconds(x)), settings.round, wall_clock).time_since_epoch().count();
    };
    if (const long g = on_grid(lo); g < lo) lo = g + step;
    else lo = g;
    if (const long g = on_grid(hi); g > hi) hi = g - step;
    else hi = g;
    const long n = static_cast<long>(old.size());  // gaps between n + 1 pumps
    if (n * gap > hi - lo) return std::nullopt;
    // Pumping exclusively, every day is the same day: n + 1 pumps must fit
    // min_gap apart around the clock too, or the next day's re-spaced first
    // pump comes within min_gap of this one's last (7 pumps 3 h 30 min apart
    // take 24 h 30 min).
    if (settings.mode == PlanMode::exclusive && (n + 1) * gap > 24 * 3600) return std::nullopt;

    std::vector<long> old_t;
    for (const auto& p : old) old_t.push_back(wall(p.at));
    const DailyWindow night = night_window(settings);
    const auto at_night = [&](long w) { return night.contains(static_cast<int>((w % 86400 + 86400) % 86400 / 60)); };
    std::vector<long> t;
    std::size_t at = 0;
    // The layout with the gap from pump `wider` to the next (-1: from the pump before the group, n: to the
    // one after it) `more` longer: x_i - c_i (c_i the gaps before pump i) must not decrease, so pool adjacent
    // violators on t_i - c_i; empty when the pumps do not fit.
    struct Block {
        double sum;
        long count;
        double mean() const { return sum / static_cast<double>(count); }
    };
    const auto layout = [&](long wider, long more) {
        const auto c = [&](std::size_t i) {
            return static_cast<long>(i) * gap + (wider >= 0 && static_cast<long>(i) > wider ? more : 0);
        };
        const long first = lo + (wider < 0 ? more : 0), last = hi - (wider == n ? more : 0) - c(t.size() - 1);
        std::vector<long> x;
        if (first > last) return x;
        x.reserve(t.size());
        std::vector<Block> blocks;
        blocks.reserve(t.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            blocks.push_back({static_cast<double>(t[i] - c(i)), 1});
            while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
                blocks[blocks.size() - 2].sum += blocks.back().sum;
                blocks[blocks.size() - 2].count += blocks.back().count;
                blocks.pop_back();
            }
        }
        for (const Block& block : blocks)
            for (long k = 0; k < block.count; ++k) {
                const double y = std::clamp(block.mean(), static_cast<double>(first), static_cast<double>(last));
                x.push_back(on_grid(std::llround(y)) + c(x.size()));
            }
        return x;
    };
    // Every two pumps (the group's neighbours too) min_gap apart in real hours and as laid out, in order.
    // A time as laid out: a re-spaced pump's own wall-clock time, another's as the timetable laid it out.
    using Laid = std::pair<Seconds, LocalSeconds>;
    const auto as_laid = [&](Seconds at) { return Laid{at, laid_out(at)}; };
    const auto re_spaced = [&](long w) { return Laid{instant(w), LocalSeconds(seconds(w))}; };
    const auto apart = [&](const Laid& a, const Laid& b) {
        return timetable::spacing(a.first, a.second, b.first, b.second).at_least(settings.min_gap);
    };
    const auto keeps_min_gap = [&](const std::vector<long>& x) {
        std::optional<Laid> previous;
        if (last_before) previous = as_laid(*last_before);
        for (const long w : x) {
            if (previous && !apart(*previous, re_spaced(w))) return false;
            previous = re_spaced(w);
        }
        return !first_after || !previous || apart(*previous, as_laid(*first_after));
    };
    // The hour a spring-forward change skips (the group's wall-clock span less its real one), on the grid.
    const long skipped = (wall(group.end) - wall(group.begin)) - (group.end - group.begin).count();
    // The layout with the new pump put in the middle of the longest gap (the group's ends included), with
    // `waking` of the longest whose middle is outside the night (night_window); empty when none fits.
    const auto arrange = [&](bool waking) {
        t = old_t;
        std::optional<std::size_t> into;
        long longest = -1, middle = lo;
        for (std::size_t i = 0; i <= t.size(); ++i) {
            const long a = i == 0 ? lo : t[i - 1], b = i == t.size() ? hi : t[i];
            const long mid = i == 0 ? lo : i == t.size() ? hi : a + (b - a) / 2;
            if (waking && at_night(mid)) continue;
            if (b - a > longest) {
                longest = b - a;
                middle = mid;
                into = i;
            }
        }
        if (!into) return std::vector<long>{};
        at = *into;
        t.insert(t.begin() + static_cast<long>(at), middle);
        std::vector<long> x = layout(-2, 0);
        if (x.empty()) return x;
        if (skipped > 0 && !keeps_min_gap(x)) {
            const long more = (skipped + step - 1) / step * step;
            std::optional<double> least;
            std::vector<long> best;
            for (long wider = -1; wider <= n; ++wider) {
                const std::vector<long> y = layout(wider, more);
                if (y.empty() || !keeps_min_gap(y)) continue;
                double moves = 0;
                for (std::size_t i = 0; i < y.size(); ++i)
                    moves += static_cast<double>(y[i] - t[i]) * static_cast<double>(y[i] - t[i]);
                if (!least || moves < *least) {
                    least = moves;
                    best = y;
                }
            }
            x = best;
        }
        // A pump of the parent's own inside the group (a habit between two away windows): none comes near it.
        for (const long w : x)
            for (const Seconds o : inside)
                if (!apart(as_laid(o), re_spaced(w))) return std::vector<long>{};
        return x;
    };
    const std::vector<long> x = arrange(by_day);
    if (x.empty()) return std::nullopt;
    std::vector<PlannedPump> fresh;
    for (const long w : x) {
        PlannedPump p;
        p.at = instant(w);
        fresh.push_back(p);
    }
    Volume before;
    for (const auto& p : old) before += p.expected.value_or(Volume{});
    // A feed as near two pumps as each other (18:20 between 17:20 and 19:20) goes to the one with fewer
    // feeds once every other feed has its pump, then to a pump that was there before the new one: so no pump
    // takes two feeds (204 ml) while the one beside it, as near, aims for none. Then in time order, as before.
    const auto distance = [](const PlannedPump& x, Seconds feed) { return x.at > feed ? x.at - feed : feed - x.at; };
    const auto nearest_of = [&](Seconds feed) {
        std::vector<std::size_t> out{0};
        for (std::size_t f = 1; f < fresh.size(); ++f) {
            const seconds d = distance(fresh[f], feed), least = distance(fresh[out.front()], feed);
            if (d < least) out = {f};
            else if (d == least) out.push_back(f);
        }
        return out;
    };
    std::vector<std::size_t> count(fresh.size(), 0);
    for (const auto& p : old)
        for (const Seconds feed : p.covers)
            if (const auto n = nearest_of(feed); n.size() == 1) ++count[n.front()];
    // The old pumps and their covers in time order: each pump's covers stay in time order.
    for (const auto& p : old)
        for (std::size_t c = 0; c < p.covers.size(); ++c) {
            const auto n = nearest_of(p.covers[c]);
            std::size_t to = n.front();
            if (n.size() > 1) {
                for (const std::size_t f : n)
                    if (count[f] < count[to] || (count[f] == count[to] && to == at)) to = f;
                ++count[to];
            }
            PlannedPump& nearest = fresh[to];
            nearest.covers.push_back(p.covers[c]);
            // Each feed's own amount goes with it (a pump's target is what its feeds drink: 90 ml for
            // the 01:00 feed alone, not half of the 01:00 and 04:00 feeds' 190 ml); without them, an
            // equal share of the pump's target.
            const Volume amount = p.amounts.size() == p.covers.size()
                                      ? p.amounts[c]
                                      : Volume::from_ml(p.target.ml() / static_cast<double>(p.covers.size()));
            nearest.amounts.push_back(amount);
            nearest.target += amount;
            nearest.estimated = nearest.estimated || p.estimated;
        }
    Volume after;
    for (auto& f : fresh) {
        f.target = Volume::from_ml(std::round(f.target.ml()));
        f.expected = yield.at(zone.minute_of_day(f.at));
        after += f.expected.value_or(Volume{});
        const auto kept = std::find_if(old.begin(), old.end(), [&](const PlannedPump& o) { return o.at == f.at; });
        const std::string covers =
            f.covers.empty() ? std::string()
                             : fmt::format("covers the {} feed{}", covers_text(f.covers, zone), plural_s(f.covers.size()));
        // A pump kept where it was that covers no feed keeps its reason (a pump added for a gap still keeps it):
        // no row is without one.
        f.reason = kept != old.end() ? (covers.empty() ? kept->reason : covers)
                   : covers.empty()  ? "moved to make room for an extra session"
                                     : "moved to make room for an extra session; " + covers;
    }
    // The added pump is the one the old pumps' feeds leave over once the layout is settled: the one put in
    // (`at`) unless it came to cover a feed, then the one nearest it that covers none. The layout can move the
    // pumps after it a place on: the hour a spring-forward day skips (New York, the whole day night: 00:00,
    // 03:00, 05:00, 07:00 for the 00:00, 03:00 and 06:00 feeds, the one put in at 03:00), or a min_gap longer
    // than the feeds' spacing (2 h 30 min: 02:30, 05:00, 07:30, 10:00 for the 03:00, 06:00 and 09:00 feeds):
    // 07:00 and 07:30 are the extra sessions, not a pump with a feed beside one "moved to make room" for none.
    std::size_t added = at;
    if (!fresh[at].covers.empty()) {
        const auto apart = [&](std::size_t i) { return i > at ? i - at : at - i; };
        std::optional<std::size_t> free;
        // Not a pump kept where it was that covered no feed before either (added for a gap: it keeps that job).
        const auto gap_pump = [&](const PlannedPump& f) {
            return std::any_of(old.begin(), old.end(),
                               [&](const PlannedPump& o) { return o.at == f.at && o.covers.empty() && !o.emptied; });
        };
        for (std::size_t i = 0; i < fresh.size(); ++i)
            if (fresh[i].covers.empty() && !gap_pump(fresh[i]) && (!free || apart(i) < apart(*free))) free = i;
        if (free) added = *free;
    }
    PlannedPump& extra = fresh[added];
    extra.extra = true;
    Volume largest;
    for (const auto& p : old) largest = std::max(largest, p.target);
    if (extra.covers.empty()) {
        extra.target = Volume::from_ml(std::round(extra_target(short_by, largest).ml()));
        // Its target is the shortfall, so an estimate when the need was (as an extra proposed apart).
        extra.estimated = std::any_of(old.begin(), old.end(), [](const PlannedPump& p) { return p.estimated; });
    }
    extra.reason = extra_reason(short_by, after - before, settings.unit) + ", the day re-spaced to keep min_gap";
    extra.source = cdc_add_session(babies);
    if (!extra.covers.empty())
        extra.reason +=
            fmt::format("; covers the {} feed{}", covers_text(extra.covers, zone), plural_s(extra.covers.size()));
    std::erase_if(pumps, [&](const PlannedPump& p) { return group.contains(p.at); });
    pumps.insert(pumps.end(), fresh.begin(), fresh.end());
    return std::make_pair(extra.at, after - before);
}


// The week's anchor: the latest local Saturday midnight at or before `until`.
// Plans made on any day of a week (Saturday to Friday) share it, so a
// weekday's timetable is the same every weekday unless the rhythm moved.
Seconds week_anchor(Seconds until, const date::time_zone* zone) {
    const date::sys_days day = local_day(until, zone);
    return start_of_local_day(day - (date::weekday(day) - date::Saturday), zone);
}

// A gap between milk removals over its limit (`limit`).
struct LongGap {
    TimeSpan span;
    minutes limit;
};

// The gaps between milk removals (pinned pumps, feeds at home) over their limit that reach into an away
// period, in time order.
std::vector<LongGap> gaps_over_limit(const std::vector<timetable::Feed>& feeds, const std::vector<TimeSpan>& periods,
                                     const std::vector<timetable::Draft>& drafts, const Settings& settings,
                                     const ZoneMemo& zone) {
    std::vector<LongGap> out;
    const std::vector<Seconds> all = timetable::removals(feeds, periods, drafts);
    const DailyWindow night = night_window(settings);
    // A gap within both limits is within its own, night or not: its limit is not looked up.
    const minutes shortest = std::min(settings.max_gap_day, settings.max_gap_night);
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const Seconds a = all[i], b = all[i + 1];
        if (b - a <= shortest) continue;
        const bool is_night =
            night.contains(zone.minute_of_day(a)) || night.contains(zone.minute_of_day(a + (b - a) / 2));
        const minutes limit = is_night ? settings.max_gap_night : settings.max_gap_day;
        if (b - a <= limit) continue;
        const bool away = std::any_of(periods.begin(), periods.end(),
                                      [&](const TimeSpan& p) { return p.overlaps({a, b}); });
        if (away) out.push_back({{a, b}, limit});
    }
    return out;
}

// Whether one of `gaps` (gaps_over_limit's) reaches into `range`.
bool reaches_into(const std::vector<LongGap>& gaps, const TimeSpan& range) {
    return std::any_of(gaps.begin(), gaps.end(), [&](const LongGap& g) { return range.overlaps(g.span); });
}

// The longest gaps between milk removals (pinned pumps, feeds at home) that
// reach into an away period and exceed their limit, those reaching into `range`.
std::vector<PlanAdvice> long_gaps(const std::vector<timetable::Feed>& feeds, const std::vector<TimeSpan>& periods,
                              const std::vector<timetable::Draft>& drafts, const Settings& settings, TimeSpan range,
                              const ZoneMemo& zone) {
    std::vector<PlanAdvice> out;
    for (const LongGap& over : gaps_over_limit(feeds, periods, drafts, settings, zone)) {
        if (!range.overlaps(over.span)) continue;
        PlanAdvice g;
        g.kind = AdviceKind::long_gap;
        g.begin = over.span.begin;
        g.end = over.span.end;
        g.gap = over.limit;
        out.push_back(g);
    }
    return out;
}

// Pumps of one away period (one planned stretch in exclusive mode) closer than
// min_gap on the wall clock, as the timetable laid them out (a pump a
// spring-forward change moved counts from its wall time before the change):
// the timetable could not keep min_gap without a gap over its limit (the
// longest gap wins), and the plan says so, once a period, naming its closest
// two. Two pumps closer than min_gap in real hours while the wall clock
// keeps them min_gap apart (the first moved by a spring-forward change, or the
// change between them; ease_spring_forward found no time for it) are said as
// that: the clocks go forward, not the limits.
std::vector<PlanAdvice> min_gap_conflicts(const std::vector<timetable::Draft>& drafts,
                                          const std::vector<TimeSpan>& periods, const Settings& settings,
                                          TimeSpan range, const ZoneMemo& zone) {
    std::vector<PlanAdvice> out;
    const DailyWindow night = night_window(settings);
    // Two pumps a and b too close: the advice with the limit a gap from a to b is under (night: it starts in the
    // night window or its midpoint is in it).
    const auto too_close = [&](AdviceKind kind, Seconds a, Seconds b) {
        PlanAdvice c;
        c.kind = kind;
        c.scope = settings.mode == PlanMode::exclusive ? AdviceScope::day : AdviceScope::away;
        c.begin = a;
        c.end = b;
        c.gap = settings.min_gap;
        c.night = night.contains(zone.minute_of_day(a)) || night.contains(zone.minute_of_day(a + (b - a) / 2));
        c.longest = c.night ? settings.max_gap_night : settings.max_gap_day;
        return c;
    };
    for (const TimeSpan& p : periods) {
        std::optional<std::pair<std::size_t, std::size_t>> closest;
        const auto laid_out = [&](std::size_t i) { return zone.to_local(drafts[i].at) - drafts[i].moved; };
        const auto apart = [&](std::size_t i) { return laid_out(i + 1) - laid_out(i); };
        for (std::size_t i = 0; i + 1 < drafts.size(); ++i) {
            const Seconds a = drafts[i].at, b = drafts[i + 1].at;
            if (!p.contains(a) || !p.contains(b) || !range.contains(a)) continue;
            if (b - a < settings.min_gap && apart(i) >= settings.min_gap) {
                // `longest`: the limit one pump for both would break (the gap from the milk removal before it).
                // `minutes`: the first pump's time as laid out when the change moved it; none when the change
                // falls between the two.
                PlanAdvice c = too_close(AdviceKind::clock_change, a, b);
                if (drafts[i].moved > seconds(0)) c.minutes = {minute_of_day(laid_out(i))};
                out.push_back(c);
                continue;
            }
            if (apart(i) >= settings.min_gap) continue;
            if (!closest || apart(i) < apart(closest->first)) closest = std::pair(i, i + 1);
        }
        if (!closest) continue;
        out.push_back(too_close(AdviceKind::min_gap_conflict, drafts[closest->first].at, drafts[closest->second].at));
    }
    return out;
}

// The first day a plan of `range` learned until `until` is for: the day of `until` or of the range's start,
// whichever is later (a plan from now, plan next: today; a plan of tomorrow made tonight: tomorrow).
date::sys_days first_planned_day(Seconds until, TimeSpan range, const date::time_zone* zone) {
    return local_day(std::max(until, range.begin), zone);
}

// The timetable for `range` learned until `until` for the day `planned` on (first_planned_day; plan next asks
// again for the day of its next pump); with `now` (a plan from now: plan, plan next), the pumps done with by
// then are marked (DoneRule; not `pass_over`: plan next, which asks the rule itself), and a skipped one
// yields nothing in its window's advice.
Plan build(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone, Seconds until,
           TimeSpan range, date::sys_days planned, std::optional<Seconds> now, bool pass_over = true) {
    const ZoneMemo memo(zone);
    // The look-back window of the day planned (plan_eve): the same whether the plan is made the evening
    // before or after midnight.
    const date::sys_days eve = plan_eve(until, planned, zone);
    const Seconds window = plan_lookback_since(until, planned, settings.lookback_days, zone);
    const Seconds since = learning_since(entries, settings, window, until, zone);
    // Away, a pump's target is its feeds' own amounts; pumping exclusively, the day's whole milk is shared out.
    const SlotAmounts amounts = slot_amounts_for(settings.mode);
    // The baby's age (an estimate's norm) is the one on the day planned, the day of the plan's first pump not done
    // with: a plan from 20:00 after the evening's last pump is tomorrow's, as plan --on tomorrow and plan next.
    PlanCadence learned = plan_cadence(entries, settings, zone, since, until, amounts, planned);
    const Cadence& cadence = learned.cadence;
    Yield yield(entries, since, until, zone);
    Plan plan;
    plan.basis = cadence.basis;
    if (since < window)
        plan.basis.notes.insert(plan.basis.notes.begin(),
                                fmt::format("fewer than {} of the last {} days have feeds (a break in logging): "
                                            "learned from the last days with feeds, back to {}",
                                            min_feed_days, settings.lookback_days,
                                            format_date(local_day(since, zone))));
    plan.slots = cadence.slots;
    const bool pinned = !settings.schedule.empty();

    // Plan a day more on each side of the range's whole local days (the
    // groups weighed below are whole days or away windows reaching past the
    // range's ends), so gaps and merges at the edges of a group see their
    // neighbours: a plan from 21:00 weighs its day with the night pump the
    // timetable gives that day, as a plan of the whole day does. Keep only the
    // pumps inside the range.
    const Seconds from = std::min(range.begin, start_of_local_day(local_day(range.begin, zone), zone)) - hours(24);
    const Seconds to =
        std::max(range.end, start_of_local_day(local_day(range.end - seconds(1), zone) + date::days(1), zone)) +
        hours(24);
    const auto periods = settings.mode == PlanMode::exclusive ? std::vector<TimeSpan>{{from, to}}
                                                              : timetable::away_periods(settings.away, from, to, zone);
    const auto feeds = timetable::predicted_feeds(cadence.slots, from, to, zone);
    timetable::Options options{settings.min_gap, settings.max_gap_day, settings.max_gap_night, night_window(settings),
                               settings.round};
    // The plan for this day as made `k` days earlier (24 hours each, back from `until`, or from the day planned's
    // start when `until` is on it, after midnight, as the evening's plan was): the time it learned until.
    const auto days_back = [&](int k) {
        return std::min(until, start_of_local_day(eve + date::days(1), zone)) - hours(24 * k);
    };
    // What that plan learned until `back` (the day's own window, plan_lookback_since) drafts for this plan's
    // periods, with `reference` and `hold` as draft_pumps and repeat_daily_when_crowded take them: the
    // timetable's hold and the extra session's (below) weigh it. An Error when too little was known then.
    const auto drafted_then = [&](Seconds back, const std::vector<timetable::Draft>& reference = {},
                                  const std::vector<int>& hold = {}) {
        const Cadence then = plan_cadence(entries, settings, zone,
                                          plan_lookback_since(back, eve, settings.lookback_days, zone), back, amounts,
                                          planned)
                                 .cadence;
        const auto feeds_then = timetable::predicted_feeds(then.slots, from, to, zone);
        std::vector<timetable::Draft> d = timetable::draft_pumps(feeds_then, periods, options, zone, reference);
        if (settings.mode == PlanMode::exclusive)
            timetable::repeat_daily_when_crowded(d, feeds_then, from, to, options, zone, hold);
        return d;
    };
    std::vector<timetable::Draft> drafts;
    std::vector<PlanAdvice> timetable_advice;
    if (pinned) {
        std::vector<timetable::Feed> uncovered;
        drafts = timetable::pinned_pumps(settings.schedule, feeds, periods, from, to, options, zone, uncovered);
        // A pinned time inside no away window's hours (07:30 with mon-fri 08:00-17:30) is planned on no day: the
        // plan says so once a time, not once a day, rather than leave it out without a word. Pumping
        // exclusively every time is inside; with no away window at all, no_away_windows says it.
        if (settings.mode == PlanMode::away && !settings.away.empty())
            for (const int m : settings.schedule)
                if (std::none_of(settings.away.begin(), settings.away.end(),
                                 [&](const WeeklyWindow& w) { return w.hours.contains(m); })) {
                    PlanAdvice a;
                    a.kind = AdviceKind::pinned_outside_away;
                    a.minutes = {m};
                    a.count = static_cast<int>(settings.away.size());
                    a.text = format_away(settings.away);
                    timetable_advice.push_back(a);
                }
        for (const auto& f : uncovered) {
            if (!range.contains(f.at)) continue;
            PlanAdvice a;
            a.kind = AdviceKind::uncovered_feed;
            a.at = f.at;
            a.need = f.amount;
            a.gap = settings.min_gap;
            timetable_advice.push_back(a);
        }
        const auto gaps = long_gaps(feeds, periods, drafts, settings, range, memo);
        timetable_advice.insert(timetable_advice.end(), gaps.begin(), gaps.end());
    } else {
        // Pumping exclusively, a day too full for min_gap is laid out on the
        // 24-hour circle and repeated, so no two days' pumps come closer either
        // (the reference's layout held, as the times are below).
        const bool exclusive = settings.mode == PlanMode::exclusive;
        // Hysteresis: snap to the timetable learned until the week's anchor.
        const Seconds anchor = week_anchor(start_of_local_day(eve, zone), zone);
        std::optional<std::vector<timetable::Draft>> ref_drafts;
        // The reference as draft_pumps gave it (the pair counts it holds): itself, but pumping exclusively a copy
        // (repeat_daily_when_crowded lays the reference out again).
        std::vector<timetable::Draft> held_copy;
        const std::vector<timetable::Draft>* held = &held_copy;
        std::vector<int> ref_layout;
        // Each away window, or in exclusive mode each local day, on its own.
        std::vector<TimeSpan> units = periods;
        if (exclusive) {
            units.clear();
            for (date::sys_days d = local_day(from, zone); d <= local_day(to, zone); d += date::days(1))
                units.push_back(local_days(d, 1, zone));
        }
        if (anchor < until) {
            // The timetable learned until a week's anchor (the reference's, the weeks before's), drafted for this
            // plan's periods; pumping exclusively, laid out daily when crowded (`drafted`: as draft_pumps gave it,
            // before that; `layout`: the day's layout repeat_daily_when_crowded returned).
            const auto week_drafts = [&](Seconds at, std::vector<timetable::Draft>* drafted = nullptr,
                                         std::vector<int>* layout = nullptr) {
                const Cadence c =
                    plan_cadence(entries, settings, zone, lookback_since(at, settings.lookback_days, zone), at, amounts)
                        .cadence;
                const auto f = timetable::predicted_feeds(c.slots, from, to, zone);
                std::vector<timetable::Draft> out = timetable::draft_pumps(f, periods, options, zone);
                if (exclusive) {
                    if (drafted) *drafted = out;
                    std::vector<int> laid = timetable::repeat_daily_when_crowded(out, f, from, to, options, zone);
                    if (layout) *layout = std::move(laid);
                }
                return out;
            };
            try {
                ref_drafts = week_drafts(anchor, &held_copy, &ref_layout);
                if (!exclusive) held = &*ref_drafts;
                // The weeks before's times carry over (week_carry): a unit whose every pump is within a quarter
                // of an hour of the week before's timetable keeps those times, and that one the week before its,
                // back week_carry_weeks (the earliest as learned), so the times carried are the ones the weeks
                // before showed. Each week's shown times are within week_carry of its learned ones, so a week
                // whose learned times are within twice that of the next one's in no unit carries nothing into
                // it: the weeks before it are not learned.
                std::vector<std::vector<timetable::Draft>> learned;  // the week before's, the one before it, ...
                Seconds at = anchor;
                for (int k = 0; k < week_carry_weeks; ++k) {
                    try {
                        learned.push_back(week_drafts(at = week_anchor(at - date::days(1), zone)));
                    } catch (const Error&) {
                        break;  // Too little was known then: the chain starts later.
                    }
                    const auto& later = learned.size() == 1 ? *ref_drafts : learned[learned.size() - 2];
                    if (std::none_of(units.begin(), units.end(), [&](const TimeSpan& u) {
                            return timetable::near_reference(later, learned.back(), u, 2 * week_carry);
                        })) {
                        learned.pop_back();
                        break;
                    }
                }
                std::optional<std::vector<timetable::Draft>> shown;
                for (auto week = learned.rbegin(); week != learned.rend(); ++week) {
                    if (shown) timetable::snap_to(*week, *shown, units, week_carry);
                    shown = std::move(*week);
                }
                if (shown) {
                    std::vector<timetable::Draft> carried = *ref_drafts;
                    timetable::snap_to(carried, *shown, units, week_carry);
                    if (!same_times(carried, *ref_drafts)) {
                        *ref_drafts = std::move(carried);
                        if (!ref_layout.empty())
                            ref_layout = timetable::day_layout(*ref_drafts, local_day(range.begin, zone), zone);
                    }
                }
                // A reference with room for its pumps holds as its own day (the first whole day planned).
                if (exclusive && ref_layout.empty())
                    ref_layout = timetable::day_layout(*ref_drafts, local_day(range.begin, zone), zone);
            } catch (const Error&) {
                // Too little was known at the anchor: no reference.
            }
        }
        drafts = timetable::draft_pumps(feeds, periods, options, zone, *held);
        if (exclusive) timetable::repeat_daily_when_crowded(drafts, feeds, from, to, options, zone, ref_layout);
        if (ref_drafts) {
            const std::vector<timetable::Draft> fresh = drafts;
            const std::vector<TimeSpan> moved_off = timetable::snap_to(drafts, *ref_drafts, units, snap_tolerance);
            // Two evenings to leave the week's timetable: a unit that did not snap still takes the reference's
            // times when the plan made 24 hours earlier (learned until then, drafted for the same periods)
            // would have snapped there, so a day of feeds logged off their times, or one more feed, does not
            // move it on its own; a rhythm that really moved is taken by the next evening's plan (bench/
            // RESULTS.md, session 46). With the anchor less than 24 hours back, the earlier plan is the
            // reference's own. Learned only when a unit did not snap.
            if (!moved_off.empty()) {
                std::vector<timetable::Draft> earlier_drafts;
                const std::vector<timetable::Draft>* earlier = nullptr;
                // Learned as the plan for this day 24 hours earlier (days_back), drafted as this one is.
                const Seconds back = days_back(1);
                if (back <= anchor) {
                    earlier = &*ref_drafts;
                } else {
                    try {
                        earlier_drafts = drafted_then(back, *held, ref_layout);
                        earlier = &earlier_drafts;
                    } catch (const Error&) {
                        // Too little was known then: no hold.
                    }
                }
                for (const TimeSpan& unit : moved_off)
                    if (earlier && timetable::near_reference(*earlier, *ref_drafts, unit, snap_tolerance))
                        timetable::hold_to(drafts, *ref_drafts, unit, feeds);
            }
            const auto take_fresh = [&](const TimeSpan& unit) {
                std::erase_if(drafts, [&](const timetable::Draft& d) { return unit.contains(d.at); });
                for (const timetable::Draft& d : fresh)
                    if (unit.contains(d.at)) drafts.push_back(d);
                std::sort(drafts.begin(), drafts.end(),
                          [](const timetable::Draft& a, const timetable::Draft& b) { return a.at < b.at; });
            };
            // The week's times never stretch a gap more than 15 minutes over max_gap_day or max_gap_night
            // where the fresh timetable keeps it under (the held pumps were placed for the week's feeds, not
            // these): such a unit keeps the fresh pumps. Within 15 minutes the week's times stay, as a pump
            // held within the tolerance does (bench/RESULTS.md, session 46).
            Settings slack = settings;
            slack.max_gap_day += hold_gap_slack;
            slack.max_gap_night += hold_gap_slack;
            std::vector<bool> changed(units.size(), false);  // a unit's pumps changed here: not again
            // The gaps over their limits found once for the whole plan (again when a unit's pumps change).
            std::vector<LongGap> held_gaps = gaps_over_limit(feeds, periods, drafts, slack, memo);
            std::optional<std::vector<LongGap>> fresh_gaps;
            for (std::size_t u = 0; u < units.size(); ++u) {
                if (!reaches_into(held_gaps, units[u])) continue;
                if (!fresh_gaps) fresh_gaps = gaps_over_limit(feeds, periods, fresh, settings, memo);
                if (reaches_into(*fresh_gaps, units[u])) continue;
                take_fresh(units[u]);
                changed[u] = true;
                held_gaps = gaps_over_limit(feeds, periods, drafts, slack, memo);
            }
            // Held (or snapped) unit by unit, two units meet at their edge as neither was laid out: a held day's
            // last pump and the next day's fresh first one can come closer than min_gap (23:50 and 00:00). Where
            // an edge breaks min_gap, a unit on it changes, once: one the range does not reach (laid out only as
            // the shown days' neighbour) takes the other side's timetable, fresh or the week's, so the shown
            // pumps stay as held; else the later unit takes the fresh pumps. An edge with the fresh pumps on both
            // sides is the fresh timetable's own (min_gap_conflicts says it).
            const auto unit_of = [&](Seconds t) {
                return static_cast<std::size_t>(
                    std::find_if(units.begin(), units.end(), [&](const TimeSpan& u) { return u.contains(t); }) -
                    units.begin());
            };
            const auto times_in = [](const std::vector<timetable::Draft>& list, const TimeSpan& unit) {
                std::vector<Seconds> out;
                for (const timetable::Draft& d : list)
                    if (unit.contains(d.at)) out.push_back(d.at);
                return out;
            };
            const auto is_fresh = [&](const TimeSpan& unit) {
                return times_in(drafts, unit) == times_in(fresh, unit);
            };
            for (bool again = true; again;) {
                again = false;
                for (std::size_t i = 0; i + 1 < drafts.size() && !again; ++i) {
                    if (drafts[i + 1].at - drafts[i].at >= settings.min_gap) continue;
                    const std::size_t a = unit_of(drafts[i].at), b = unit_of(drafts[i + 1].at);
                    if (a == b || a == units.size() || b == units.size()) continue;
                    for (const std::size_t u : {a, b}) {
                        const std::size_t other = u == a ? b : a;
                        if (changed[u] || units[u].overlaps(range) || !units[other].overlaps(range)) continue;
                        if (is_fresh(units[other]) == is_fresh(units[u])) continue;
                        if (is_fresh(units[other])) take_fresh(units[u]);
                        else timetable::hold_to(drafts, *ref_drafts, units[u], feeds);
                        changed[u] = again = true;
                        break;
                    }
                    if (again) break;
                    for (const std::size_t u : {b, a})
                        if (!changed[u] && !is_fresh(units[u])) {
                            take_fresh(units[u]);
                            changed[u] = again = true;
                            break;
                        }
                }
            }
        }
        timetable::ease_spring_forward(drafts, feeds, periods, options, zone);
        // The pumps are final: each feed to its nearest one (a gap pump next to a feed takes it).
        timetable::cover_nearest(drafts, feeds, periods);
        timetable_advice = min_gap_conflicts(drafts, periods, settings, range, memo);
    }

    LaidOut laid_out(memo);
    // The milk removals, for a pump added for a gap that still leaves one over its limit after it (found
    // only when there is such a pump).
    std::vector<Seconds> all_removals;
    for (auto& d : drafts) {
        laid_out.add(d.at, d.moved);
        PlannedPump p;
        p.at = d.at;
        p.target = d.target;
        p.covers = d.covers;
        p.amounts = d.amounts;
        p.estimated = d.estimated;
        p.expected = yield.at(memo.minute_of_day(d.at));
        p.pinned = pinned;
        if (pinned) {
            p.reason = d.covers.empty() ? "pinned (schedule); covers no feed"
                                        : fmt::format("pinned (schedule); covers the {} feed{}",
                                                      covers_text(d.covers, memo), plural_s(d.covers.size()));
        } else if (!d.covers.empty()) {
            p.reason = fmt::format("covers the {} feed{}", covers_text(d.covers, memo), plural_s(d.covers.size()));
        } else if (!d.lost.empty()) {
            // Drafted for a feed that went to a nearer pump once the pumps were final: not added for a gap.
            p.emptied = true;
            p.reason = fmt::format("covers no feed: the {} feed{} {} nearer the {} pump{}", covers_text(d.lost, memo),
                                   plural_s(d.lost.size()), d.lost.size() == 1 ? "is" : "are",
                                   covers_text(d.lost_to, memo), plural_s(d.lost_to.size()));
        } else {
            p.reason = d.night
                           ? fmt::format("added: keeps the night gap under {} (max_gap_night)",
                                         format_duration(settings.max_gap_night))
                           : fmt::format("added: keeps the gap under {} (max_gap_day)", format_duration(settings.max_gap_day));
            // Put at the window's end for a gap no time in the window keeps: the row says so, not that it
            // keeps the gap.
            if (all_removals.empty()) all_removals = timetable::removals(feeds, periods, drafts);
            const auto next = std::upper_bound(all_removals.begin(), all_removals.end(), d.at);
            const minutes limit = d.night ? settings.max_gap_night : settings.max_gap_day;
            if (next != all_removals.end() && *next - d.at > limit)
                p.reason = fmt::format("added: the gap after it is still {}, over {} ({}): no time in the away "
                                       "window keeps it",
                                       format_duration(*next - d.at), format_duration(limit),
                                       d.night ? "max_gap_night" : "max_gap_day");
        }
        plan.pumps.push_back(p);
    }

    const auto earlier = [](const PlannedPump& a, const PlannedPump& b) { return a.at < b.at; };
    std::optional<DoneRule> done;
    const auto mark_done = [&] {
        if (!done) return;
        for (std::size_t i = 0; i < plan.pumps.size(); ++i) plan.pumps[i].done = (*done)(plan.pumps, i);
    };
    if (now) {
        done.emplace(entries, settings, *now);
        if (done->skips()) {  // only a skip changes the advice
            if (!std::is_sorted(plan.pumps.begin(), plan.pumps.end(), earlier))
                std::stable_sort(plan.pumps.begin(), plan.pumps.end(), earlier);
            mark_done();
        }
    }

    // Yield against need (SPEC 5.3; CDC: if you cannot pump as much as the baby
    // eats while you are away, add a session). Pinned times are the parent's:
    // no session is added to them. A skipped pump yields nothing: the need is
    // the same, its expected yield is not counted.
    std::vector<PlanAdvice> shortfalls;
    const bool babies = several_babies(cadence.slots);  // twins and more: "the babies drink"
    if (yield.average()) {
        // The feeds at the breast (outside every period): the same for every group.
        std::vector<Seconds> home_feeds;
        for (const auto& f : feeds)
            if (std::none_of(periods.begin(), periods.end(), [&](const TimeSpan& p) { return p.contains(f.at); }))
                home_feeds.push_back(f.at);
        std::vector<Group> weighed = groups_of(settings, periods, range, zone);
        // habitual_pump_minutes learned until a group's day begins (or until `until`), once a group asks.
        std::map<Seconds, std::vector<int>> habits_until;
        // An away window over before the range on its first local day (a plan
        // from 18:00 after work) keeps its extra session that evening, as
        // plan next (which plans from 12 hours back) reminds of it; only an
        // extra inside the range is kept from it, no advice of its own.
        std::size_t earlier_groups = 0;
        if (settings.mode == PlanMode::away && !pinned) {
            const TimeSpan first_day = local_days(local_day(range.begin, zone), 1, zone);
            for (const auto& p : periods)
                if (p.end <= range.begin && p.overlaps(first_day)) {
                    weighed.insert(weighed.begin() + static_cast<long>(earlier_groups), p);
                    ++earlier_groups;
                }
        }
        // Hysteresis for the extra session (acceptance point 4: a weekday's away timetable is the same every
        // weekday unless the rhythm really moved). A shortfall from a quarter to half of a session keeps the
        // extra the plan made 24 hours earlier (learned until then, drafted for the same window) gave it, and
        // that plan's shortfall in the band the one of 24 hours before it, back to extra_hold_days: the extra
        // is added above half a session at once, and dropped below a quarter at once, so a real, growing
        // shortfall is not delayed and a shortfall hovering at half a session (the yields' averages move
        // 5 ml from day to day) does not add and drop the session every other weekday. Learned only for a
        // shortfall in the band.
        struct EarlierPlan {
            std::vector<timetable::Draft> drafts;
            Yield yield;
        };
        std::vector<std::optional<EarlierPlan>> earlier_plans;  // [k - 1]: learned k days earlier; none: unknown
        const auto earlier_plan = [&](int k) -> const std::optional<EarlierPlan>& {
            while (static_cast<int>(earlier_plans.size()) < k) {
                const int j = static_cast<int>(earlier_plans.size()) + 1;
                const Seconds back = days_back(j);
                std::optional<EarlierPlan> e;
                try {
                    e.emplace(EarlierPlan{
                        drafted_then(back),
                        Yield(entries, plan_lookback_since(back, eve, settings.lookback_days, zone), back, zone)});
                } catch (const Error&) {
                    // Too little was known then: no earlier plan.
                }
                earlier_plans.push_back(std::move(e));
            }
            return earlier_plans[static_cast<std::size_t>(k - 1)];
        };
        // Whether the plans made before this one keep an extra session for `g` (above).
        const auto extra_held = [&](const Group& g) {
            for (int k = 1; k <= extra_hold_days; ++k) {
                const auto& e = earlier_plan(k);
                if (!e || !e->yield.average()) return false;
                double need_ml = 0, expected_ml = 0;
                int n = 0;
                for (const auto& d : e->drafts) {
                    if (!g.contains(d.at)) continue;
                    need_ml += d.target.ml();
                    expected_ml += e->yield.at(memo.minute_of_day(d.at)).value_or(Volume{}).ml();
                    ++n;
                }
                if (n == 0) return false;
                const double short_ml = need_ml - expected_ml, session = expected_ml / n;
                if (short_ml >= session / 2) return true;
                if (short_ml < session / 4) return false;
            }
            return false;
        };
        for (std::size_t gi = 0; gi < weighed.size(); ++gi) {
            const Group& g = weighed[gi];
            const bool over = gi < earlier_groups;
            Volume need, expected, largest;
            Volume skipped_expected;  // what the skipped pumps were expected to give
            std::optional<Seconds> first_skip;
            int count = 0, skipped = 0;
            bool estimated = false;
            for (const auto& p : plan.pumps) {
                if (!g.contains(p.at)) continue;
                need += p.target;
                largest = std::max(largest, p.target);
                if (p.done == PumpDone::skipped) {
                    ++skipped;
                    skipped_expected += p.expected.value_or(Volume{});
                    if (!first_skip || p.at < *first_skip) first_skip = p.at;
                } else {
                    expected += p.expected.value_or(Volume{});
                }
                estimated = estimated || p.estimated;
                ++count;
            }
            if (count == 0 || std::lround(expected.ml()) >= std::lround(need.ml())) continue;
            const Volume short_by = need - expected;
            PlanAdvice a;
            a.kind = AdviceKind::shortfall;
            a.scope = settings.mode != PlanMode::exclusive ? AdviceScope::away : AdviceScope::day;
            a.several_babies = babies;
            a.begin = g.begin;
            a.end = g.end;
            a.pumps = count;
            a.skipped = skipped;
            a.need = need;
            a.expected = expected;
            a.short_by = short_by;
            a.estimated = estimated;  // the need may be the estimate's error: the advice says so
            a.gap = settings.min_gap;
            // A shortfall under half of what one session is expected to give
            // is within the estimate's own error (the yields are averages of
            // past pumps): a whole session is not added for it, the advice
            // says so (and one more logged bottle does not add a pump every day);
            // from a quarter of a session up, an extra the plans before this one
            // gave is kept (extra_held).
            // A verdict with no pump of its own in the plan (a small shortfall,
            // no room) is for a group the plan shows the most of: not for a
            // day (a window) mostly gone at the plan's start, nor one it only
            // touches at its end (the plan of that day gives it).
            const auto inside = std::min(g.end, range.end) - std::max(g.begin, range.begin);
            const bool shown = 2 * inside >= g.end - g.begin;
            // Pinned times are the parent's: no session is proposed (SPEC: a schedule is advised only when a
            // pinned time leaves a feed uncovered or a gap too long), but the pumps falling short is said, with
            // its numbers, for stored milk (or a session the parent chooses) to make up.
            if (pinned) {
                a.kind = AdviceKind::pinned_shortfall;
                if (shown && std::lround(short_by.ml()) >= least_small_shortfall_ml) shortfalls.push_back(a);
                continue;
            }
            const double session = count > skipped ? expected.ml() / (count - skipped) : 0;
            if (count > skipped && short_by.ml() < session / 2 && !(short_by.ml() >= session / 4 && extra_held(g))) {
                a.kind = AdviceKind::small_shortfall;
                // Too small to act on (least_small_shortfall_ml): not said.
                if (!over && shown && std::lround(short_by.ml()) >= least_small_shortfall_ml) shortfalls.push_back(a);
                continue;
            }
            std::vector<Seconds> pump_times;
            pump_times.reserve(plan.pumps.size());
            for (const auto& p : plan.pumps) pump_times.push_back(p.at);
            // Pumping exclusively, each day keeps its one time for an extra session
            // (the same every day, so a day is not given two as the plan moves on):
            // a day begun before the plan keeps its time, and its advice is left
            // out below when that time has passed (the next day's, the same, is in
            // the plan).
            // Away, each window has its one time too, on the day it starts, however
            // the plan's range cuts it (a night from Monday 22:00 keeps Monday's
            // time in a plan of Tuesday, which does not show it): from the start of
            // that day, or once the window is over, from its end (a pump logged
            // then, or the time passing, does not move the extra later into the
            // evening). A time gone by with no pump (nor skip) logged at it or
            // since is overdue as any planned pump (plan next and its reminders:
            // up to min_gap, and until the midpoint to the next pump); only once
            // that is over does it move to the plan's own hours, never before now
            // (plan next plans from 12 hours ago and must remind of the extra
            // `plan` shows).
            // Away, the parent pumps at home too, on no plan: the extra keeps min_gap from those pumps as from
            // the plan's (else the habitual 07:00 pump is taken for an extra at 07:45, and none is added). They
            // are the habitual ones (habitual_pump_minutes) on the group's day and the days either side outside
            // the away windows (inside, the plan's pumps are the parent's), and the pumps logged by then near a
            // planned or habitual time (07:05 for 07:00), these for the times after them only (`logged`: the
            // habitual evening pump logged does not move an extra gone by before it, nor stands for it:
            // for_extra). A pump logged near neither can be the extra itself (extra_logged): it moves nothing. A
            // habitual pump near a planned one (07:00 at home, 08:25 at work with min_gap 3 h) is still pumped:
            // the extra keeps min_gap from it too, though it counts as that planned pump's for the rest (routine,
            // own). Pumping exclusively, the plan's pumps are all the day's.
            std::vector<Seconds> routine = pump_times;  // a pump logged near one is no extra session
            std::vector<Seconds> keep_from = pump_times;
            std::vector<Seconds> logged;  // the pumps logged near routine ones: kept from after them (propose)
            std::vector<Seconds> own;  // of keep_from, the parent's pumps off the plan (habitual, logged)
            std::vector<Seconds> habitual;  // of routine, the habitual pumps at home
            if (settings.mode != PlanMode::exclusive) {
                // Learned from the days before the group's: the day's own pumps (the habitual 20:00 one logged
                // at 19:30) do not move the habit's time an extra gone by keeps min_gap from.
                const date::sys_days day = memo.local_day(g.begin);
                const Seconds learned_until = std::min(until, start_of_local_day(day, zone));
                auto known = habits_until.find(learned_until);
                if (known == habits_until.end())
                    known = habits_until
                                .emplace(learned_until, habitual_pump_minutes(entries, since, learned_until, memo))
                                .first;
                const std::vector<int>& habits = known->second;
                const auto tolerance = settings.same_pump_within();
                const auto near = [&](const std::vector<Seconds>& list, Seconds x) {
                    return std::any_of(list.begin(), list.end(),
                                       [&](Seconds p) { return x - p < tolerance && p - x < tolerance; });
                };
                std::vector<Seconds> near_planned;  // habitual, within half min_gap of a planned pump
                for (int d = -1; d <= 1; ++d)
                    for (const int m : habits) {
                        const Seconds h =
                            memo.to_instant(LocalSeconds((day + date::days(d)).time_since_epoch() + minutes(m)));
                        const auto in = [&](const TimeSpan& p) { return p.contains(h); };
                        if (std::any_of(periods.begin(), periods.end(), in)) continue;
                        if (near(pump_times, h)) {
                            near_planned.push_back(h);
                            continue;
                        }
                        routine.push_back(h);
                        habitual.push_back(h);
                        own.push_back(h);
                    }
                keep_from = routine;
                keep_from.insert(keep_from.end(), near_planned.begin(), near_planned.end());
                for (const Entry& e : entries)
                    if (e.type == EntryType::pump && e.at.instant <= until && e.at.instant > g.begin - hours(48) &&
                        e.at.instant < g.end + hours(48) && near(routine, e.at.instant)) {
                        logged.push_back(e.at.instant);
                        // One inside an away window is a planned pump's (respace lays those out itself).
                        if (std::none_of(periods.begin(), periods.end(),
                                         [&](const TimeSpan& p) { return p.contains(e.at.instant); }))
                            own.push_back(e.at.instant);
                    }
            }
            // A time in waking hours first: a night pump may give a little more (the yield learned by the
            // hour), but being woken once more every night is not worth a few millilitres when a waking hour
            // has room. Away, then the work day re-spaced (keeping min_gap from the parent's own pumps too),
            // and only when neither fits a time at night, which the advice says plainly (`night`). Pumping
            // exclusively, then a time at night (said so too), one more pump among the night's feeds, before
            // the whole day is re-spaced away from the feeds its pumps cover.
            const bool away_mode = settings.mode != PlanMode::exclusive;
            const Seconds day_start = settings.mode == PlanMode::exclusive ? g.begin
                                      : g.end <= until                    ? g.end
                                                       : start_of_local_day(memo.local_day(g.begin), zone);
            // A shortfall a skip made (without the skips no session would be added): the extra makes up the
            // skipped pump, so it comes after it, not from the start of the day (a skip of the 16:05 pump
            // logged at 15:00 is no "14:30 pump 30 min overdue" that no plan ever showed): from half min_gap
            // after the skipped time (the parent cannot pump then; the skipped pump is not pumped, so min_gap
            // from it is not needed: 11:00 for a skipped 10:00 pump before a 13:00 one), and a re-spaced window
            // moves only the pumps after it (those done with, and the skipped one, keep their times).
            // (An extra the plans before this one kept for a shortfall from a quarter of a session, extra_held,
            // is the day's own, not the skip's.) When no time fits after the skipped pump (the day's last one
            // skipped), a time from now on, keeping min_gap from it as from any pump.
            const double unskipped_short = (need - expected - skipped_expected).ml();
            const double unskipped_session = (expected + skipped_expected).ml() / count;
            const bool skip_made = first_skip && unskipped_short < unskipped_session / 2 &&
                                   !(unskipped_short >= unskipped_session / 4 && extra_held(g));
            std::vector<Seconds> keep_from_skipped;  // keep_from as it was, the skipped pump's time in it
            if (skip_made) {
                keep_from_skipped = keep_from;
                std::erase(keep_from, *first_skip);
            }
            // Away, a skipped pump is made up in its window when a time there fits (the parent is at work: 11:00
            // for a skipped 10:00, not 18:00 at home for a millilitre more), and its time does not jump to the
            // window's end once that has passed.
            const Seconds from = skip_made ? *first_skip + settings.same_pump_within() : day_start;
            Seconds not_before = from;
            // An extra's time gone by in a window still open: no longer overdue, none logged for it (offered
            // again from now on, not left out with the window still short).
            const auto gone_by = [&](Seconds t, const std::vector<Seconds>& planned) {
                return away_mode && g.end > until && until >= overdue_until(t, planned, settings) &&
                       !extra_logged(entries, t, until, routine, settings);
            };
            // `in_window`: a time in the skipped pump's window only (re-spacing the window is tried next), unless
            // that time is gone by (then from now on, as any extra).
            const auto place = [&](bool waking, bool in_window = false) {
                const auto offer = [&](const std::vector<Seconds>& pumps, bool in_group = false) {
                    return propose(pumps, logged, home_feeds, g, not_before, settings, yield, memo, laid_out, waking,
                                   in_group);
                };
                not_before = from;
                std::optional<Seconds> t;
                if (skip_made && away_mode) t = offer(keep_from, true);
                if (in_window && (!t || !gone_by(*t, pump_times))) return t;
                if (!t) t = offer(keep_from);
                if (!t && skip_made) {
                    not_before = std::max(day_start, until);
                    t = offer(keep_from_skipped);
                }
                if (away_mode && g.end > until && (!t || gone_by(*t, pump_times))) {
                    not_before = until;
                    t = offer(keep_from);
                }
                return t;
            };
            // The window re-spaced whole, from its start (its day's), as the day's plan made that morning: a
            // window under way keeps the times it was given, its pumps done with marked as any planned pump.
            std::optional<std::pair<Seconds, Volume>> respaced;
            bool respace_tried = false;
            // A new pump in waking hours first, as a single extra time: when the longest gap puts it at night
            // (between the night's 01:00 and 04:10 pumps, at 02:35), the longest gap by day, if the pumps fit
            // with the new one there in waking hours (pumping exclusively, 07:00 to 22:10 holds 8 pumps 2 h
            // apart); else it stays at night, and the advice says so (`night`).
            const auto respace_window = [&] {
                respace_tried = true;
                const Group span{std::max({g.begin, day_start, skip_made ? *first_skip + seconds(1) : g.begin}),
                                 g.end};
                std::vector<PlannedPump> by_day = plan.pumps;
                auto r = respace(plan.pumps, span, short_by, babies, settings, yield, memo, laid_out, own);
                const DailyWindow night = night_window(settings);
                if (r && night.contains(memo.minute_of_day(r->first)))
                    if (auto d = respace(by_day, span, short_by, babies, settings, yield, memo, laid_out, own, true);
                        d && !night.contains(memo.minute_of_day(d->first))) {
                        plan.pumps = std::move(by_day);
                        r = d;
                    }
                return r;
            };
            // Away, a skip's make-up stays in its window: re-spaced (the pumps after the skipped one) when no
            // single time there fits, before a time at home (11:00/13:00/15:00 at work for a skipped 09:55 pump
            // before 12:45 and 15:55 with min_gap 2 h, not 18:00 at home).
            std::optional<Seconds> at;
            // A re-spaced extra gone by (overdue until the midpoint to the re-spaced pump after it, as in plan
            // next) is not kept, the window short with nothing offered: the window as it was, and a time from now on.
            std::vector<Seconds> respaced_times;  // the plan's pumps as re-spaced
            if (skip_made && away_mode && !over) {
                at = place(true, true);
                if (!at) {
                    std::vector<PlannedPump> before = plan.pumps;
                    respaced = respace_window();
                    for (const auto& p : plan.pumps) respaced_times.push_back(p.at);
                    if (respaced && gone_by(respaced->first, respaced_times)) {
                        plan.pumps = std::move(before);
                        respaced.reset();
                    }
                }
            }
            if (!at && !respaced) at = place(true);
            if (!at && !respaced && !away_mode) {
                at = place(false);
                a.night = at.has_value();
            }
            if (!at && !respaced && !over && !respace_tried) respaced = respace_window();
            if (!at && !respaced && away_mode) {
                at = place(false);
                a.night = at.has_value();
            }
            // A skip's extra overdue past its window's end is still said (plan next reminds of it until then).
            const bool skip_overdue = skip_made && away_mode && at && *at < range.begin && *at <= until &&
                                      until < overdue_until(*at, pump_times, settings) &&
                                      !extra_logged(entries, *at, until, routine, settings);
            if (over && (!at || !range.contains(*at)) && !skip_overdue) continue;
            if (at) {
                PlannedPump extra;
                extra.at = *at;
                extra.target = Volume::from_ml(std::round(extra_target(short_by, largest).ml()));
                extra.expected = yield.at(memo.minute_of_day(extra.at));
                extra.extra = true;
                extra.estimated = estimated;
                extra.reason = extra_reason(short_by, extra.expected.value_or(Volume{}), settings.unit);
                extra.source = cdc_add_session(babies);
                extra.routine = routine;
                plan.pumps.push_back(extra);
                a.at = extra.at;
                a.extra_expected = extra.expected.value_or(Volume{});
                const Volume still = short_by - a.extra_expected;
                if (std::lround(still.ml()) > 0) a.missing = Volume::from_ml(std::round(still.ml()));
            } else if (respaced) {
                // Its routine: the re-spaced plan's other pumps, and the habitual ones at home.
                std::vector<Seconds> re_routine = habitual;
                for (const auto& p : plan.pumps)
                    if (!(p.extra && p.at == respaced->first)) re_routine.push_back(p.at);
                for (auto& p : plan.pumps)
                    if (p.extra && p.at == respaced->first) p.routine = re_routine;
                a.respaced = true;
                // Re-spaced into the night only when no layout with the new pump in waking hours fits: said.
                a.night = night_window(settings).contains(memo.minute_of_day(respaced->first));
                a.at = respaced->first;
                a.extra_expected = respaced->second;
                const Volume still = short_by - a.extra_expected;
                if (std::lround(still.ml()) > 0) a.missing = Volume::from_ml(std::round(still.ml()));
            } else {
                a.kind = AdviceKind::no_room;
            }
            // An extra session overdue at the plan's start (away: its time passed with none logged, and
            // plan next says "Pump now") is left out of the table as any overdue pump, not its advice: the
            // window is still short.
            // A skip's re-spaced extra too (plan next reminds of it as of a single time's).
            a.overdue = settings.mode != PlanMode::exclusive && (!a.respaced || skip_made) && a.at &&
                        *a.at < range.begin && *a.at <= until && (g.end > until || skip_made) &&
                        until < overdue_until(*a.at, a.respaced ? respaced_times : pump_times, settings) &&
                        !extra_logged(entries, *a.at, until, routine, settings);
            if (a.kind == AdviceKind::no_room ? shown : range.contains(*a.at) || a.overdue) shortfalls.push_back(a);
            if (!std::is_sorted(plan.pumps.begin(), plan.pumps.end(), earlier))
                std::stable_sort(plan.pumps.begin(), plan.pumps.end(), earlier);
        }
    }

    // Sorted already unless no group was weighed (a stable sort of a sorted range changes nothing).
    if (!std::is_sorted(plan.pumps.begin(), plan.pumps.end(), earlier))
        std::stable_sort(plan.pumps.begin(), plan.pumps.end(), earlier);
    if (pass_over && done) {
        mark_done();  // the extra sessions are in the timetable now
        // An extra session done with (a pump logged for it, or skipped) is passed over in the table: its
        // advice, which says when to pump it, is left out with it, rather than tell the parent to pump at a
        // time the table no longer shows.
        std::erase_if(shortfalls, [&](const PlanAdvice& a) {
            return a.kind == AdviceKind::shortfall && a.at &&
                   std::any_of(plan.pumps.begin(), plan.pumps.end(), [&](const PlannedPump& p) {
                       return p.extra && p.at == *a.at && p.done != PumpDone::no;
                   });
        });
    }
    std::erase_if(plan.pumps, [&](const PlannedPump& p) { return !range.contains(p.at); });

    const auto simple = [](AdviceKind kind) {
        PlanAdvice a;
        a.kind = kind;
        return a;
    };
    if (settings.mode == PlanMode::away && settings.away.empty())
        plan.advice.push_back(simple(AdviceKind::no_away_windows));
    // Not away in the range: said unless a window over before it (after work)
    // keeps its extra session in the range, which its shortfall advice explains.
    else if (settings.mode == PlanMode::away && groups_of(settings, periods, range, zone).empty() &&
             plan.pumps.empty())
        plan.advice.push_back(simple(AdviceKind::not_away));
    plan.advice.insert(plan.advice.end(), learned.advice.begin(), learned.advice.end());
    // Days weighed down as incompletely logged are named, not silently discounted (SPEC 5).
    for (const date::sys_days day : cadence.incomplete_days) {
        PlanAdvice a = simple(AdviceKind::incomplete_day);
        a.day = day;
        plan.advice.push_back(a);
    }
    plan.advice.insert(plan.advice.end(), timetable_advice.begin(), timetable_advice.end());
    // In the first days after birth the supply is still coming in: a shortfall then is not made up from stored
    // milk (newborn_supply_days).
    for (PlanAdvice& a : shortfalls)
        if (const auto age = day_since_birth(entries, settings, zone, local_day(a.begin, zone));
            age && *age < newborn_supply_days) {
            a.coming_in = true;
            a.age_days = *age;
        }
    plan.advice.insert(plan.advice.end(), shortfalls.begin(), shortfalls.end());
    // Pumping exclusively the pumps are the baby's milk: a falling supply is named, as in supply mode
    // (falling_supply, supply.hpp). No birth date: pumps before it only lower the reference the fall is from.
    // A parent weaning cuts down the pumps on purpose, and the fall is expected: the plan cannot know, so the
    // sentence says so (maybe_weaning).
    if (settings.mode == PlanMode::exclusive)
        if (auto falling = falling_supply(entries, std::nullopt, Clock{until, zone})) {
            falling->maybe_weaning = true;
            plan.advice.push_back(*falling);
        }
    if (!yield.average() && !plan.pumps.empty()) {
        PlanAdvice a = simple(AdviceKind::no_pumps_logged);
        a.day = local_day(since, zone);
        a.until_day = local_day(until - seconds(1), zone);
        plan.advice.push_back(a);
    }
    if (cadence.slots.empty()) plan.advice.push_back(simple(AdviceKind::no_regular_feeds));
    return plan;
}

}  // namespace

Plan plan_pumps(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock, TimeSpan range) {
    // A plan from now (or a later day) passes over the pumps done with, as plan next does; a plan of a day
    // begun before now is that day's as made at its start.
    const std::optional<Seconds> now = range.begin >= clock.now ? std::optional(clock.now) : std::nullopt;
    const Seconds until = std::min(clock.now, range.begin);
    const date::sys_days planned = first_planned_day(until, range, clock.zone);
    Plan plan = build(entries, settings, clock.zone, until, range, planned, now);
    // From now, the plan is that of the day of its first pump not done with, as plan next's is (next_pump): after
    // tonight's last pump, tomorrow's as planned tonight or after midnight (its own window: plan_eve).
    if (!now) return plan;
    const auto first = std::find_if(plan.pumps.begin(), plan.pumps.end(),
                                    [](const PlannedPump& p) { return p.done == PumpDone::no; });
    if (first == plan.pumps.end() || local_day(first->at, clock.zone) <= planned) return plan;
    const date::sys_days later_day = local_day(first->at, clock.zone);
    Plan later = build(entries, settings, clock.zone, until, range, later_day, now);
    // The pumps before that day are this plan's, each done with: the later day's learning (a new week's
    // timetable) may lay tonight out elsewhere, and a pump done with keeps its time and place (a 23:35 pump
    // pumped is no done 23:50 one, nor an overdue one a new 23:50 pump that plan next does not know).
    const Seconds day_start = start_of_local_day(later_day, clock.zone);
    std::vector<PlannedPump> pumps;
    std::copy_if(plan.pumps.begin(), plan.pumps.end(), std::back_inserter(pumps),
                 [&](const PlannedPump& p) { return p.at < day_start; });
    std::copy_if(later.pumps.begin(), later.pumps.end(), std::back_inserter(pumps),
                 [&](const PlannedPump& p) { return p.at >= day_start; });
    later.pumps = std::move(pumps);
    return later;
}

Plan plan_pumps_known_now(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                          TimeSpan range) {
    return build(entries, settings, clock.zone, clock.now, range, first_planned_day(clock.now, range, clock.zone),
                 clock.now);
}

TimeSpan next_pump_range(Seconds now) { return TimeSpan{now - hours(12), now + hours(24 * 8)}; }

namespace {

// The plan plan next reads at clock.now: today's, or, when its next pump is on a later day (tonight's last is
// done), that day's, planned as the plan of that day made now is, from its own window (plan_eve), so plan next
// and plan agree on it.
Plan next_pump_plan(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock) {
    const TimeSpan range = next_pump_range(clock.now);
    const date::sys_days today = first_planned_day(clock.now, range, clock.zone);
    Plan plan = build(entries, settings, clock.zone, clock.now, range, today, clock.now, false);
    const auto next = next_pump_in(plan, entries, settings, clock);
    if (!next || local_day(next->pump.at, clock.zone) <= today) return plan;
    return build(entries, settings, clock.zone, clock.now, range, local_day(next->pump.at, clock.zone), clock.now,
                 false);
}

}  // namespace

std::optional<NextPump> next_pump(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock) {
    Plan plan = next_pump_plan(entries, settings, clock);
    // The pumps before midnight are those plan next read at yesterday's last second: one overdue then keeps its
    // time and target after midnight (today's plan learns from today's look-back window and may lay yesterday's
    // evening out elsewhere: a 23:35 pump 24 min overdue is no "23:50 pump 11 min overdue" at 00:01), and no
    // pump of yesterday's evening turns up overdue that no plan showed. Only while one of them can still be.
    const Seconds midnight = start_of_local_day(local_day(clock.now, clock.zone), clock.zone);
    if (clock.now < midnight + settings.min_gap) {
        const Plan eve = next_pump_plan(entries, settings, Clock{midnight - seconds(1), clock.zone});
        const auto before_midnight = [&](const PlannedPump& p) { return p.at < midnight; };
        std::vector<PlannedPump> pumps;
        std::copy_if(eve.pumps.begin(), eve.pumps.end(), std::back_inserter(pumps), before_midnight);
        std::copy_if(plan.pumps.begin(), plan.pumps.end(), std::back_inserter(pumps),
                     [&](const PlannedPump& p) { return !before_midnight(p); });
        plan.pumps = std::move(pumps);
    }
    return next_pump_in(plan, entries, settings, clock);
}

std::optional<NextPump> next_pump_in(const Plan& plan, const std::vector<Entry>& entries, const Settings& settings,
                                     const Clock& clock) {
    const Seconds now = clock.now;
    const DoneRule done_rule(entries, settings, now);
    const auto& pumps = plan.pumps;
    const auto done = [&](std::size_t i) { return done_rule(pumps, i) != PumpDone::no; };
    std::optional<NextPump> overdue;
    for (std::size_t i = 0; i < pumps.size(); ++i) {
        if (pumps[i].at > now) break;
        Seconds until = pumps[i].at + settings.min_gap;
        if (i + 1 < pumps.size()) until = std::min(until, pumps[i].at + (pumps[i + 1].at - pumps[i].at) / 2);
        if (now < until && !done(i)) overdue = NextPump{pumps[i], true};
    }
    if (overdue) return overdue;
    for (std::size_t i = 0; i < pumps.size(); ++i)
        if (pumps[i].at > now && !done(i)) return NextPump{pumps[i], false};
    return std::nullopt;
}

}  // namespace pumplog
