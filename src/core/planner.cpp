#include "pumplog/planner.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/yield.hpp"
#include "timetable.hpp"

namespace pumplog {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

PlanRange local_days(date::sys_days first, int days, const date::time_zone* zone) {
    return PlanRange{start_of_local_day(first, zone), start_of_local_day(first + date::days(days), zone)};
}

DailyWindow night_window(const Settings& settings) {
    if (settings.sleep) return *settings.sleep;
    return DailyWindow{22 * 60, 6 * 60};
}

Seconds plan_history_since(const Settings& settings, Seconds until, const date::time_zone* zone) {
    return lookback_since(until, settings.lookback_days, zone);
}

namespace {

int minute_of_day(Seconds at, const date::time_zone* zone) {
    const LocalSeconds local = to_local(at, zone);
    return static_cast<int>(std::chrono::duration_cast<minutes>(local - date::floor<date::days>(local)).count());
}

std::string day_label(date::sys_days day) {
    static constexpr std::string_view names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return fmt::format("{} {}", names[date::weekday(day).c_encoding()], format_date(day));
}

// A volume for advice, in the display unit (settings.unit): whole ml, or oz to 0.1.
std::string volume_text(Volume v, Unit unit) {
    if (unit == Unit::ml) return fmt::format("{} ml", static_cast<long>(std::lround(v.ml())));
    return format_volume(v, unit);
}

std::string gap_text(minutes m) { return format_duration(std::chrono::duration_cast<seconds>(m)); }

// A group of pumps whose yield is weighed against the need: an away window
// (a 24-hour day in exclusive mode), within the planned range.
struct Group {
    Seconds begin;
    Seconds end;
};

std::vector<Group> groups_of(const Settings& settings, const std::vector<timetable::Period>& periods, PlanRange range,
                             const date::time_zone* zone) {
    std::vector<Group> groups;
    if (settings.mode == PlanMode::exclusive) {
        const LocalSeconds first = to_local(range.begin, zone);
        for (int k = 0;; ++k) {
            const Seconds b = to_instant(first + date::days(k), zone);
            if (b >= range.end) break;
            groups.push_back({b, std::min(range.end, to_instant(first + date::days(k + 1), zone))});
        }
        return groups;
    }
    for (const auto& p : periods) {
        const Seconds b = std::max(p.begin, range.begin);
        const Seconds e = std::min(p.end, range.end);
        if (b < e) groups.push_back({b, e});
    }
    return groups;
}

// Where to propose an extra session for a group: on the group's local day
// (at home too: a pump after a feed adds to the day's milk; in exclusive
// mode, within the group's 24 hours), inside the planned range, every 15
// minutes, at least min_gap from every pump and an hour from every feed at
// the breast; the best expected yield wins, then a time outside the night,
// then the time nearest the away window (the earliest on a tie). When no time
// keeps those distances, half of them; else the middle of the longest gap.
struct Proposal {
    Seconds at;
    bool keeps_min_gap;
};
Proposal propose(const std::vector<Seconds>& pumps, const std::vector<Seconds>& home_feeds, const Group& group,
                 PlanRange range, const Settings& settings, const Yield& yield, const date::time_zone* zone) {
    PlanRange span{group.begin, group.end};
    if (settings.mode != PlanMode::exclusive) {
        span = local_days(local_day(group.begin, zone), 1, zone);
        span.begin = std::max(span.begin, range.begin);
        span.end = std::min(span.end, range.end);
    }
    const DailyWindow night = night_window(settings);
    const auto search = [&](seconds from_pump, seconds from_feed) -> std::optional<Seconds> {
        std::optional<Seconds> best;
        std::tuple<long, bool, long> best_score{};
        // On the wall clock's quarter hours.
        const LocalSeconds first = to_local(span.begin, zone);
        const auto quarter = date::ceil<minutes>(first.time_since_epoch());
        const Seconds start = to_instant(LocalSeconds((quarter + minutes(14)) / minutes(15) * minutes(15)), zone);
        for (Seconds t = start; t < span.end; t += minutes(15)) {
            const auto far = [&](const std::vector<Seconds>& list, seconds distance) {
                return std::all_of(list.begin(), list.end(),
                                   [&](Seconds x) { return t - x >= distance || x - t >= distance; });
            };
            if (!far(pumps, from_pump) || !far(home_feeds, from_feed)) continue;
            const long ml = std::lround(yield.at(minute_of_day(t, zone)).value_or(Volume{}).ml());
            const auto distance = t < group.begin ? group.begin - t : t >= group.end ? t - group.end : seconds(0);
            const std::tuple<long, bool, long> score{ml, !night.contains(minute_of_day(t, zone)), -distance.count()};
            if (!best || score > best_score) {
                best_score = score;
                best = t;
            }
        }
        return best;
    };
    const seconds min_gap = settings.min_gap;
    if (const auto t = search(min_gap, hours(1))) return {*t, true};
    if (const auto t = search(min_gap / 2, minutes(30))) return {*t, false};
    std::vector<Seconds> all = pumps;
    all.insert(all.end(), home_feeds.begin(), home_feeds.end());
    std::sort(all.begin(), all.end());
    Seconds at = span.begin + (span.end - span.begin) / 2;
    seconds longest{-1};
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
        if (all[i + 1] - all[i] > longest && all[i] >= span.begin && all[i + 1] <= span.end) {
            longest = all[i + 1] - all[i];
            at = all[i] + longest / 2;
        }
    return {timetable::round_to_5_minutes(at, zone), false};
}

std::string covers_text(const std::vector<Seconds>& covers, const date::time_zone* zone) {
    std::string out;
    for (std::size_t i = 0; i < covers.size(); ++i) {
        if (i > 0) out += i + 1 == covers.size() ? " and " : ", ";
        out += format_clock(covers[i], zone);
    }
    return out;
}

Plan build(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone, Seconds until,
           PlanRange range) {
    const Seconds since = plan_history_since(settings, until, zone);
    const Cadence cadence = learn_cadence(entries, since, until, zone, settings.unit);
    Yield yield(entries, since, until, zone);
    Plan plan;
    plan.basis = cadence.basis;
    plan.slots = cadence.slots;

    // Plan a day more on each side, so gaps and merges at the edges of the
    // range see their neighbours; keep only the pumps inside it.
    const Seconds from = range.begin - hours(24), to = range.end + hours(24);
    const auto periods = settings.mode == PlanMode::exclusive ? std::vector<timetable::Period>{{from, to}}
                                                              : timetable::away_periods(settings.away, from, to, zone);
    auto feeds = timetable::predicted_feeds(cadence.slots, from, to, zone);
    // Exclusive mode: the next hours follow the last feeding (anchored_times).
    if (settings.mode == PlanMode::exclusive) {
        std::vector<Seconds> at;
        for (const auto& f : feeds) at.push_back(f.at);
        at = anchored_times(cadence, at, zone);
        for (std::size_t i = 0; i < feeds.size(); ++i) feeds[i].at = at[i];
        std::stable_sort(feeds.begin(), feeds.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    }
    timetable::Options options{settings.min_gap, settings.max_gap_day, settings.max_gap_night, night_window(settings)};
    std::vector<timetable::Draft> drafts = timetable::draft_pumps(feeds, periods, options, zone);

    for (auto& d : drafts) {
        PlannedPump p;
        p.at = d.at;
        p.target = d.target;
        p.covers = d.covers;
        p.expected = yield.at(minute_of_day(d.at, zone));
        if (!d.covers.empty()) {
            p.reason = fmt::format("covers the {} feed{}", covers_text(d.covers, zone), d.covers.size() > 1 ? "s" : "");
        } else {
            p.reason = d.night
                           ? fmt::format("added: keeps the night gap under {} (max_gap_night)",
                                         gap_text(settings.max_gap_night))
                           : fmt::format("added: keeps the gap under {} (max_gap_day)", gap_text(settings.max_gap_day));
        }
        plan.pumps.push_back(p);
    }

    // Yield against need (SPEC 5.3; CDC: if you cannot pump as much as the baby
    // eats while you are away, add a session).
    if (yield.average()) {
        std::vector<PlannedPump> extras;
        for (const Group& g : groups_of(settings, periods, range, zone)) {
            Volume need, expected;
            int count = 0;
            for (const auto& p : plan.pumps) {
                if (p.at < g.begin || p.at >= g.end) continue;
                need += p.target;
                expected += p.expected.value_or(Volume{});
                ++count;
            }
            if (count == 0 || std::lround(expected.ml()) >= std::lround(need.ml())) continue;
            const Volume short_by = need - expected;
            std::vector<Seconds> pump_times, home_feeds;
            for (const auto& d : drafts) pump_times.push_back(d.at);
            for (const auto& e : extras) pump_times.push_back(e.at);
            for (const auto& f : feeds)
                if (std::none_of(periods.begin(), periods.end(),
                                 [&](const timetable::Period& p) { return f.at >= p.begin && f.at < p.end; }))
                    home_feeds.push_back(f.at);
            const Proposal proposal = propose(pump_times, home_feeds, g, range, settings, yield, zone);
            PlannedPump extra;
            extra.at = proposal.at;
            extra.target = Volume::from_ml(std::round(short_by.ml()));
            extra.expected = yield.at(minute_of_day(extra.at, zone));
            extra.extra = true;
            extra.reason = fmt::format(
                "extra: makes up {} (CDC: add a session when you cannot pump as much as "
                "the baby eats)",
                volume_text(short_by, settings.unit));
            if (!proposal.keeps_min_gap)
                extra.reason +=
                    fmt::format("; closer than {} (min_gap) to another pump or feed", gap_text(settings.min_gap));
            extras.push_back(extra);
            const std::string day = day_label(local_day(g.begin, zone));
            std::string when;
            if (settings.mode != PlanMode::exclusive)
                when = fmt::format("While you are away on {} {}-{}", day, format_clock(g.begin, zone),
                                   format_clock(g.end, zone));
            else if (g.begin == start_of_local_day(local_day(g.begin, zone), zone))
                when = fmt::format("On {}", day);
            else
                when = fmt::format("In the 24 hours from {} {}", day, format_clock(g.begin, zone));
            std::string line = fmt::format(
                "{} the baby drinks about {}; your {} pump{} {} expected to give about {}, {} short. "
                "The CDC advises adding a session if you cannot pump as much as the baby eats{}: pump also at {} "
                "(about {} expected).",
                when, volume_text(need, settings.unit), count, count == 1 ? "" : "s", count == 1 ? "is" : "are",
                volume_text(expected, settings.unit), volume_text(short_by, settings.unit),
                settings.mode == PlanMode::exclusive ? "" : " while you are away", format_clock(extra.at, zone),
                volume_text(extra.expected.value_or(Volume{}), settings.unit));
            const Volume still = short_by - extra.expected.value_or(Volume{});
            if (std::lround(still.ml()) > 0)
                line += fmt::format(
                    " Even then about {} is missing: give stored milk for the rest, and ask a "
                    "lactation consultant how to raise your yield.",
                    volume_text(still, settings.unit));
            plan.advice.push_back(line);
        }
        plan.pumps.insert(plan.pumps.end(), extras.begin(), extras.end());
    }

    std::erase_if(plan.pumps, [&](const PlannedPump& p) { return p.at < range.begin || p.at >= range.end; });
    std::stable_sort(plan.pumps.begin(), plan.pumps.end(),
                     [](const PlannedPump& a, const PlannedPump& b) { return a.at < b.at; });

    if (settings.mode == PlanMode::away && settings.away.empty()) {
        plan.advice.insert(plan.advice.begin(),
                           "No away windows are set, so there is no pump to plan: set them with pumplog config set "
                           "away \"mon-fri 08:00-17:30\" (or --away), or plan a pump for every feed with --mode "
                           "exclusive.");
    } else if (settings.mode == PlanMode::away && groups_of(settings, periods, range, zone).empty()) {
        plan.advice.insert(plan.advice.begin(),
                           "You are not away in this period, so no pump is planned: the baby feeds at the breast.");
    }
    if (!yield.average() && !plan.pumps.empty())
        plan.advice.push_back(fmt::format(
            "No pump was logged from {} to {}, so the expected yield is unknown: log your pumps (pumplog add 90ml) "
            "and the plan will compare them with what the baby drinks.",
            format_date(local_day(since, zone)), format_date(local_day(until - seconds(1), zone))));
    if (cadence.slots.empty())
        plan.advice.push_back(
            "No regular feed times were found in the look-back window: log every feed for a few "
            "more days.");
    return plan;
}

}  // namespace

Plan plan_pumps(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock, PlanRange range) {
    return build(entries, settings, clock.zone, std::min(clock.now, range.begin), range);
}

PlanRange next_pump_range(Seconds now) { return PlanRange{now - hours(12), now + hours(24 * 8)}; }

std::optional<NextPump> next_pump(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock) {
    const Plan plan = build(entries, settings, clock.zone, clock.now, next_pump_range(clock.now));
    return next_pump_in(plan, entries, settings, clock);
}

std::optional<NextPump> next_pump_in(const Plan& plan, const std::vector<Entry>& entries, const Settings& settings,
                                     const Clock& clock) {
    const Seconds now = clock.now;
    std::vector<Seconds> logged;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant <= now) logged.push_back(e.at.instant);
    const seconds tolerance = std::chrono::duration_cast<seconds>(settings.min_gap) / 2;
    const auto& pumps = plan.pumps;
    // Each planned pump owns the logged pumps from half min_gap before it (and
    // not before the midpoint from the pump before) to the midpoint to the next.
    const auto done = [&](std::size_t i) {
        Seconds lo = pumps[i].at - tolerance;
        if (i > 0) lo = std::max(lo, pumps[i - 1].at + (pumps[i].at - pumps[i - 1].at) / 2);
        const Seconds hi = i + 1 < pumps.size() ? pumps[i].at + (pumps[i + 1].at - pumps[i].at) / 2 : Seconds::max();
        return std::any_of(logged.begin(), logged.end(), [&](Seconds t) { return t >= lo && t < hi && t <= now; });
    };
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

StashPlan plan_stash(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                     date::sys_days return_day, std::optional<Volume> target) {
    const auto* zone = clock.zone;
    const date::sys_days today = local_day(clock.now, zone);
    if (return_day <= today)
        throw usage_error(fmt::format("the return date {} is not after today ({}); give a date to come, such as {}",
                                      format_date(return_day), format_date(today),
                                      format_date(today + date::days(28))));
    if (settings.mode == PlanMode::away && settings.away.empty())
        throw usage_error(
            "plan stash needs the hours you will be away: set them with pumplog config set away "
            "\"mon-fri 08:00-17:30\" (or give --away)");
    const Seconds since = plan_history_since(settings, clock.now, zone);
    const Cadence cadence = learn_cadence(entries, since, clock.now, zone, settings.unit);
    const Yield yield(entries, since, clock.now, zone);

    StashPlan s;
    s.return_day = return_day;
    s.basis = cadence.basis;
    s.days_left = static_cast<int>((return_day - today).count());

    // The need: what the baby drinks while away, over the first week back.
    Volume total;
    Volume busiest{};
    for (int k = 0; k < 7; ++k) {
        const PlanRange day = local_days(return_day + date::days(k), 1, zone);
        const auto periods = settings.mode == PlanMode::exclusive
                                 ? std::vector<timetable::Period>{{day.begin, day.end}}
                                 : timetable::away_periods(settings.away, day.begin, day.end, zone);
        bool away = false;
        for (const auto& p : periods)
            if (p.begin < day.end && p.end > day.begin) away = true;
        if (!away) continue;
        ++s.away_days_per_week;
        Volume need;
        std::vector<Slot> slots;
        for (const auto& f : timetable::predicted_feeds(cadence.slots, day.begin, day.end, zone))
            for (const auto& p : periods)
                if (f.at >= p.begin && f.at < p.end) {
                    need += f.amount;
                    slots.push_back(cadence.slots[f.slot]);
                    break;
                }
        total += need;
        if (need > busiest || s.away_slots.empty()) {
            busiest = need;
            s.away_slots = slots;
        }
    }
    s.need_per_day =
        s.away_days_per_week > 0 ? Volume::from_ml(std::round(total.ml() / s.away_days_per_week)) : Volume{};
    s.target_given = target.has_value();
    s.target = target ? *target : Volume::from_ml(s.need_per_day.ml() * settings.stash_days);

    int lead = stash_lead_days;
    if (const auto best = yield.best_minute()) {
        s.session_minute = (*best + 7) / 15 * 15 % (24 * 60);
        s.per_day = yield.at(*s.session_minute);
        if (s.per_day && s.per_day->ml() > 0) {
            s.days_needed = static_cast<int>(std::ceil(s.target.ml() / s.per_day->ml() - 1e-9));
            lead = std::max(lead, *s.days_needed);
        }
    }
    s.start = std::max(today, return_day - date::days(lead));
    const int building_days = static_cast<int>((return_day - s.start).count());
    if (s.per_day) {
        s.reachable_by_return = Volume::from_ml(s.per_day->ml() * building_days);
        s.reachable = !s.days_needed || *s.days_needed <= building_days;
    }

    if (s.need_per_day.ml() <= 0)
        s.advice.push_back("No feed falls in your away hours, so the baby needs no stored milk then.");
    s.advice.push_back(
        fmt::format("Start on {}: the CDC advises starting to pump a few weeks before you return to "
                    "work, to get used to the pump and to build the stash.",
                    day_label(s.start)));
    if (s.session_minute && s.per_day) {
        s.advice.push_back(
            fmt::format("Add one pump a day at {:02d}:{:02d}, your best time (about {} a session){}.",
                        *s.session_minute / 60, *s.session_minute % 60, volume_text(*s.per_day, settings.unit),
                        s.days_needed ? fmt::format(": {} takes {} day{}", volume_text(s.target, settings.unit),
                                                    *s.days_needed, *s.days_needed == 1 ? "" : "s")
                                      : std::string()));
        if (!s.reachable)
            s.advice.push_back(fmt::format(
                "{} cannot be built by {}: at about {} a day you will have about {} in {} day{}. Add a second daily "
                "session, start giving stored milk later, or lower the target (--target).",
                volume_text(s.target, settings.unit), day_label(return_day), volume_text(*s.per_day, settings.unit),
                volume_text(*s.reachable_by_return, settings.unit), building_days, building_days == 1 ? "" : "s"));
    } else {
        s.advice.push_back(
            "No pump was logged in the look-back window: log a few pumps (pumplog add 90ml) so the "
            "plan can say which extra session to add and how long the stash takes.");
    }
    return s;
}

}  // namespace pumplog
