#include "pumplog/planner.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/intake.hpp"
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

namespace {
Seconds week_anchor(Seconds until, const date::time_zone* zone);
// Hysteresis: a timetable moves to the week's reference only when every pump is this near it.
constexpr minutes snap_tolerance{30};
}  // namespace

Seconds plan_history_since(const Settings& settings, Seconds until, const date::time_zone* zone) {
    // The look-back window, and the one ending at the week's anchor (the reference timetable).
    return lookback_since(week_anchor(until, zone), settings.lookback_days, zone);
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
    // Whole groups (not cut at the range's ends), so a plan of any span that
    // touches a day or an away window (plan, plan next) weighs it alike.
    std::vector<Group> groups;
    if (settings.mode == PlanMode::exclusive) {
        for (date::sys_days d = local_day(range.begin, zone); d <= local_day(range.end - seconds(1), zone);
             d += date::days(1)) {
            const PlanRange day = local_days(d, 1, zone);
            groups.push_back({day.begin, day.end});
        }
        return groups;
    }
    for (const auto& p : periods)
        if (p.begin < range.end && p.end > range.begin) groups.push_back({p.begin, p.end});
    return groups;
}

std::string covers_text(const std::vector<Seconds>& covers, const date::time_zone* zone) {
    std::string out;
    for (std::size_t i = 0; i < covers.size(); ++i) {
        if (i > 0) out += i + 1 == covers.size() ? " and " : ", ";
        out += format_clock(covers[i], zone);
    }
    return out;
}

// Where to propose an extra session for a group: on the group's local day
// (at home too: a pump after a feed adds to the day's milk; in exclusive
// mode, the group is that day), on the
// `round` grid, at least min_gap from every pump and an hour from every feed
// at the breast; the best expected yield wins, then a time outside the night,
// then the time nearest the away window (the earliest on a tie). nullopt when
// no time keeps those distances (then the day is re-spaced).
std::optional<Seconds> propose(const std::vector<Seconds>& pumps, const std::vector<Seconds>& home_feeds,
                               const Group& group, const Settings& settings, const Yield& yield,
                               const date::time_zone* zone) {
    PlanRange span{group.begin, group.end};
    if (settings.mode != PlanMode::exclusive) span = local_days(local_day(group.begin, zone), 1, zone);
    const DailyWindow night = night_window(settings);
    // On the quarter hours when `round` divides them, else on its own grid.
    const minutes step = settings.round >= minutes(15) || 15 % settings.round.count() != 0 ? settings.round
                                                                                          : minutes(15);
    std::optional<Seconds> best;
    std::tuple<long, bool, long> best_score{};
    const LocalSeconds first = to_local(span.begin, zone);
    const auto whole = date::ceil<minutes>(first.time_since_epoch());
    const Seconds start = to_instant(LocalSeconds((whole + step - minutes(1)) / step * step), zone);
    for (Seconds t = start; t < span.end; t += step) {
        const auto far = [&](const std::vector<Seconds>& list, seconds distance) {
            return std::all_of(list.begin(), list.end(),
                               [&](Seconds x) { return t - x >= distance || x - t >= distance; });
        };
        if (!far(pumps, settings.min_gap) || !far(home_feeds, hours(1))) continue;
        const long ml = std::lround(yield.at(minute_of_day(t, zone)).value_or(Volume{}).ml());
        const auto distance = t < group.begin ? group.begin - t : t >= group.end ? t - group.end : seconds(0);
        const std::tuple<long, bool, long> score{ml, !night.contains(minute_of_day(t, zone)), -distance.count()};
        if (!best || score > best_score) {
            best_score = score;
            best = t;
        }
    }
    return best;
}

// Re-spaces a group's pumps to make room for one more (SPEC 5: the day is
// re-spaced rather than a pump squeezed in): the new pump goes in the middle
// of the longest gap (the group's ends count), then the pumps move as little
// as they can (least squares, in order) so that every two are min_gap apart
// (rounded up to the `round` grid) inside the group; each covered feed goes
// to the nearest pump. nullopt when n + 1 pumps min_gap apart do not fit.
// Returns the new pump's time (marked extra) and the added expected yield.
std::optional<std::pair<Seconds, Volume>> respace(std::vector<PlannedPump>& pumps, const Group& group,
                                                  Volume short_by, const Settings& settings, const Yield& yield,
                                                  const date::time_zone* zone) {
    std::vector<PlannedPump> old;
    for (const auto& p : pumps)
        if (p.at >= group.begin && p.at < group.end) old.push_back(p);
    if (old.empty()) return std::nullopt;
    const long step = std::max<long>(1, settings.round.count()) * 60;
    const long gap = (std::chrono::duration_cast<seconds>(settings.min_gap).count() + step - 1) / step * step;
    const long lo = group.begin.time_since_epoch().count();
    const long hi = (group.end - minutes(1)).time_since_epoch().count();
    const long n = static_cast<long>(old.size());  // gaps between n + 1 pumps
    if (n * gap > hi - lo) return std::nullopt;

    std::vector<long> t;
    for (const auto& p : old) t.push_back(p.at.time_since_epoch().count());
    // The longest gap, the group's ends included.
    std::size_t at = 0;
    long longest = -1, middle = lo;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        const long a = i == 0 ? lo : t[i - 1], b = i == t.size() ? hi : t[i];
        const long mid = i == 0 ? lo : i == t.size() ? hi : a + (b - a) / 2;
        if (b - a > longest) {
            longest = b - a;
            middle = mid;
            at = i;
        }
    }
    t.insert(t.begin() + static_cast<long>(at), middle);
    // y_i = x_i - i * gap must not decrease: pool adjacent violators on t_i - i * gap.
    struct Block {
        double sum;
        long count;
        double mean() const { return sum / static_cast<double>(count); }
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < t.size(); ++i) {
        blocks.push_back({static_cast<double>(t[i] - static_cast<long>(i) * gap), 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
            blocks[blocks.size() - 2].sum += blocks.back().sum;
            blocks[blocks.size() - 2].count += blocks.back().count;
            blocks.pop_back();
        }
    }
    std::vector<PlannedPump> fresh;
    std::size_t i = 0;
    for (const Block& block : blocks)
        for (long k = 0; k < block.count; ++k, ++i) {
            const double y = std::clamp(block.mean(), static_cast<double>(lo), static_cast<double>(hi - n * gap));
            const Seconds y_at = timetable::round_to(Seconds(seconds(std::llround(y))), settings.round, zone);
            PlannedPump p;
            p.at = y_at + seconds(static_cast<long>(i) * gap);
            fresh.push_back(p);
        }
    Volume before;
    for (const auto& p : old) {
        before += p.expected.value_or(Volume{});
        for (std::size_t c = 0; c < p.covers.size(); ++c) {
            auto nearest = std::min_element(fresh.begin(), fresh.end(), [&](const PlannedPump& x, const PlannedPump& y) {
                const auto dx = x.at > p.covers[c] ? x.at - p.covers[c] : p.covers[c] - x.at;
                const auto dy = y.at > p.covers[c] ? y.at - p.covers[c] : p.covers[c] - y.at;
                return dx < dy;
            });
            nearest->covers.push_back(p.covers[c]);
            // A pump covering several feeds shares its target equally among them.
            nearest->target += Volume::from_ml(p.target.ml() / static_cast<double>(p.covers.size()));
            nearest->estimated = nearest->estimated || p.estimated;
        }
    }
    Volume after;
    for (auto& f : fresh) {
        f.target = Volume::from_ml(std::round(f.target.ml()));
        f.expected = yield.at(minute_of_day(f.at, zone));
        after += f.expected.value_or(Volume{});
        const bool kept = std::any_of(old.begin(), old.end(), [&](const PlannedPump& o) { return o.at == f.at; });
        const std::string covers =
            f.covers.empty() ? std::string()
                             : fmt::format("covers the {} feed{}", covers_text(f.covers, zone), f.covers.size() > 1 ? "s" : "");
        f.reason = kept ? covers : covers.empty() ? "moved to make room for an extra session"
                                                  : "moved to make room for an extra session; " + covers;
    }
    fresh[at].extra = true;
    if (fresh[at].covers.empty()) fresh[at].target = Volume::from_ml(std::round(short_by.ml()));
    fresh[at].reason = fmt::format(
        "extra: makes up {}, the day re-spaced to keep min_gap (CDC: add a session when you cannot pump as much as "
        "the baby eats)",
        volume_text(short_by, settings.unit));
    if (!fresh[at].covers.empty())
        fresh[at].reason += fmt::format("; covers the {} feed{}", covers_text(fresh[at].covers, zone),
                                        fresh[at].covers.size() > 1 ? "s" : "");
    std::erase_if(pumps, [&](const PlannedPump& p) { return p.at >= group.begin && p.at < group.end; });
    pumps.insert(pumps.end(), fresh.begin(), fresh.end());
    return std::make_pair(fresh[at].at, after - before);
}


// The cadence with its amounts, and the advice on how they were known.
struct Learned {
    Cadence cadence;
    std::vector<PlanAdvice> advice;
    bool estimated = false;  // some slot's amount is an estimate
};

// The cadence learned on [since, until), never refused for want of amounts:
// when no feed carries an amount (nursing), each slot gets the intake norm for
// the baby's age (intake.hpp) divided by the feedings a day; without a birth
// date, the parent's average pump (the cadence's own fallback), else a usage
// error asking for the birth date. With some amounts, a slot whose feeds
// mostly had none is marked estimated (counted at the bottle average).
Learned learn(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone, Seconds since,
              Seconds until) {
    int feeds = 0, unknown = 0, pumps = 0;
    double pump_total = 0;
    for (const Entry& e : entries) {
        if (e.at.instant < since || e.at.instant >= until) continue;
        if (e.type == EntryType::pump && e.ml && *e.ml > 0) {
            ++pumps;
            pump_total += *e.ml;
        }
        if (e.type != EntryType::feed) continue;
        ++feeds;
        if (!e.ml || *e.ml <= 0) ++unknown;
    }
    Learned out;
    if (feeds > 0 && unknown == feeds && (settings.birth || pumps == 0)) {
        // Times only: every feed counts 1 (its amount is set below).
        std::vector<Entry> times;
        for (const Entry& e : entries)
            if (e.type == EntryType::feed && e.at.instant >= since && e.at.instant < until) {
                times.push_back(e);
                times.back().ml = 1.0;
            }
        out.cadence = learn_cadence(times, since, until, zone, settings.unit);  // fewer than 3 days: refused here
        if (!settings.birth)
            throw usage_error(fmt::format(
                "the feeds from {} to {} have no amounts (nursing), so the plan estimates what the baby drinks from "
                "its age: set the birth date with pumplog config set birth YYYY-MM-DD (or plan --birth YYYY-MM-DD)",
                format_date(local_day(since, zone)), format_date(local_day(until - seconds(1), zone))));
        const date::sys_days today = local_day(until - seconds(1), zone);
        const int age = std::max(0, static_cast<int>((today - date::sys_days(*settings.birth)).count()));
        const IntakeNorm norm = intake_norm(age);
        const double feedings = std::max(1.0, out.cadence.feedings_per_day);
        const Volume per_feed = Volume::from_ml(std::round(norm.daily.ml() / feedings));
        for (auto& slot : out.cadence.slots) {
            slot.amount = per_feed;
            slot.estimated = true;
        }
        PlanAdvice a;
        a.kind = AdviceKind::estimated_intake;
        a.age_days = age;
        a.daily = norm.daily;
        a.per_feed = per_feed;
        a.feedings = feedings;
        a.count = unknown;
        a.text = std::string(norm.source);
        out.advice.push_back(a);
        out.estimated = true;
        return out;
    }
    out.cadence = learn_cadence(entries, since, until, zone, settings.unit);
    if (unknown == 0) return out;
    if (unknown == feeds) {
        // No birth date, but pumps: the cadence counted every feed at the average pump.
        for (auto& slot : out.cadence.slots) slot.estimated = true;
        PlanAdvice a;
        a.kind = AdviceKind::estimated_from_pumps;
        a.per_feed = Volume::from_ml(std::round(pump_total / pumps));
        a.count = unknown;
        out.advice.push_back(a);
        out.estimated = true;
        return out;
    }
    // Some amounts: a slot is an estimate when most feeds near it had none.
    std::vector<int> known(out.cadence.slots.size(), 0), missing(out.cadence.slots.size(), 0);
    for (const Entry& e : entries) {
        if (e.type != EntryType::feed || e.at.instant < since || e.at.instant >= until) continue;
        const int m = minute_of_day(e.at.instant, zone);
        std::size_t nearest = out.cadence.slots.size();
        double best = 91;
        for (std::size_t i = 0; i < out.cadence.slots.size(); ++i) {
            const double d = std::abs(circular_minutes(m, out.cadence.slots[i].minute));
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        if (nearest == out.cadence.slots.size()) continue;
        ++(e.ml && *e.ml > 0 ? known : missing)[nearest];
    }
    for (std::size_t i = 0; i < out.cadence.slots.size(); ++i)
        if (missing[i] > known[i]) {
            out.cadence.slots[i].estimated = true;
            out.estimated = true;
        }
    return out;
}

// The week's anchor: the latest local Saturday midnight at or before `until`.
// Plans made on any day of a week (Saturday to Friday) share it, so a
// weekday's timetable is the same every weekday unless the rhythm moved.
Seconds week_anchor(Seconds until, const date::time_zone* zone) {
    const date::sys_days day = local_day(until, zone);
    return start_of_local_day(day - (date::weekday(day) - date::Saturday), zone);
}

// The longest gaps between milk removals (pinned pumps, feeds at home) that
// reach into an away period and exceed their limit.
std::vector<PlanAdvice> long_gaps(const std::vector<timetable::Feed>& feeds, const std::vector<timetable::Period>& periods,
                              const std::vector<timetable::Draft>& drafts, const Settings& settings, PlanRange range,
                              const date::time_zone* zone) {
    std::vector<PlanAdvice> out;
    const std::vector<Seconds> all = timetable::removals(feeds, periods, drafts);
    const DailyWindow night = night_window(settings);
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const Seconds a = all[i], b = all[i + 1];
        const bool is_night =
            night.contains(minute_of_day(a, zone)) || night.contains(minute_of_day(a + (b - a) / 2, zone));
        const minutes limit = is_night ? settings.max_gap_night : settings.max_gap_day;
        if (b - a <= limit || b <= range.begin || a >= range.end) continue;
        const bool away = std::any_of(periods.begin(), periods.end(),
                                      [&](const timetable::Period& p) { return a < p.end && b > p.begin; });
        if (!away) continue;
        PlanAdvice g;
        g.kind = AdviceKind::long_gap;
        g.begin = a;
        g.end = b;
        g.gap = limit;
        out.push_back(g);
    }
    return out;
}

Plan build(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone, Seconds until,
           PlanRange range) {
    const Seconds since = lookback_since(until, settings.lookback_days, zone);
    Learned learned = learn(entries, settings, zone, since, until);
    const Cadence& cadence = learned.cadence;
    Yield yield(entries, since, until, zone);
    Plan plan;
    plan.basis = cadence.basis;
    plan.slots = cadence.slots;
    const bool pinned = !settings.schedule.empty();

    // Plan a day more on each side, so gaps and merges at the edges of the
    // range see their neighbours; keep only the pumps inside it.
    const Seconds from = range.begin - hours(24), to = range.end + hours(24);
    const auto periods = settings.mode == PlanMode::exclusive ? std::vector<timetable::Period>{{from, to}}
                                                              : timetable::away_periods(settings.away, from, to, zone);
    const auto feeds = timetable::predicted_feeds(cadence.slots, from, to, zone);
    timetable::Options options{settings.min_gap, settings.max_gap_day, settings.max_gap_night, night_window(settings),
                               settings.round};
    std::vector<timetable::Draft> drafts;
    std::vector<PlanAdvice> schedule_advice;
    if (pinned) {
        std::vector<timetable::Feed> uncovered;
        drafts = timetable::pinned_pumps(settings.schedule, feeds, periods, from, to, options, zone, uncovered);
        for (const auto& f : uncovered) {
            if (f.at < range.begin || f.at >= range.end) continue;
            PlanAdvice a;
            a.kind = AdviceKind::uncovered_feed;
            a.at = f.at;
            a.need = f.amount;
            a.gap = settings.min_gap;
            schedule_advice.push_back(a);
        }
        const auto gaps = long_gaps(feeds, periods, drafts, settings, range, zone);
        schedule_advice.insert(schedule_advice.end(), gaps.begin(), gaps.end());
    } else {
        drafts = timetable::draft_pumps(feeds, periods, options, zone);
        // Hysteresis: snap to the timetable learned until the week's anchor.
        const Seconds anchor = week_anchor(until, zone);
        if (anchor < until) {
            try {
                const Seconds ref_since = lookback_since(anchor, settings.lookback_days, zone);
                const Cadence reference = learn(entries, settings, zone, ref_since, anchor).cadence;
                const auto ref_feeds = timetable::predicted_feeds(reference.slots, from, to, zone);
                const auto ref_drafts = timetable::draft_pumps(ref_feeds, periods, options, zone);
                // Each away window, or in exclusive mode each local day, on its own.
                std::vector<timetable::Period> units = periods;
                if (settings.mode == PlanMode::exclusive) {
                    units.clear();
                    for (date::sys_days d = local_day(from, zone); d <= local_day(to, zone); d += date::days(1)) {
                        const PlanRange day = local_days(d, 1, zone);
                        units.push_back({day.begin, day.end});
                    }
                }
                timetable::snap_to(drafts, ref_drafts, units, snap_tolerance);
            } catch (const Error&) {
                // Too little was known at the anchor: no reference.
            }
        }
    }

    for (auto& d : drafts) {
        PlannedPump p;
        p.at = d.at;
        p.target = d.target;
        p.covers = d.covers;
        p.estimated = d.estimated;
        p.expected = yield.at(minute_of_day(d.at, zone));
        if (pinned) {
            p.reason = d.covers.empty() ? "pinned (schedule)"
                                        : fmt::format("pinned (schedule); covers the {} feed{}",
                                                      covers_text(d.covers, zone), d.covers.size() > 1 ? "s" : "");
        } else if (!d.covers.empty()) {
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
    // eats while you are away, add a session). Pinned times are the parent's:
    // no session is added to them.
    std::vector<PlanAdvice> shortfalls;
    if (yield.average() && !pinned) {
        for (const Group& g : groups_of(settings, periods, range, zone)) {
            Volume need, expected;
            int count = 0;
            bool estimated = false;
            for (const auto& p : plan.pumps) {
                if (p.at < g.begin || p.at >= g.end) continue;
                need += p.target;
                expected += p.expected.value_or(Volume{});
                estimated = estimated || p.estimated;
                ++count;
            }
            if (count == 0 || std::lround(expected.ml()) >= std::lround(need.ml())) continue;
            const Volume short_by = need - expected;
            PlanAdvice a;
            a.kind = AdviceKind::shortfall;
            a.scope = settings.mode != PlanMode::exclusive ? AdviceScope::away : AdviceScope::day;
            a.begin = g.begin;
            a.end = g.end;
            a.pumps = count;
            a.need = need;
            a.expected = expected;
            a.short_by = short_by;
            a.gap = settings.min_gap;
            std::vector<Seconds> pump_times, home_feeds;
            for (const auto& p : plan.pumps) pump_times.push_back(p.at);
            for (const auto& f : feeds)
                if (std::none_of(periods.begin(), periods.end(),
                                 [&](const timetable::Period& p) { return f.at >= p.begin && f.at < p.end; }))
                    home_feeds.push_back(f.at);
            const std::optional<Seconds> at = propose(pump_times, home_feeds, g, settings, yield, zone);
            if (at) {
                PlannedPump extra;
                extra.at = *at;
                extra.target = Volume::from_ml(std::round(short_by.ml()));
                extra.expected = yield.at(minute_of_day(extra.at, zone));
                extra.extra = true;
                extra.estimated = estimated;
                extra.reason = fmt::format(
                    "extra: makes up {} (CDC: add a session when you cannot pump as much as the baby eats)",
                    volume_text(short_by, settings.unit));
                plan.pumps.push_back(extra);
                a.at = extra.at;
                a.extra_expected = extra.expected.value_or(Volume{});
                const Volume still = short_by - a.extra_expected;
                if (std::lround(still.ml()) > 0) a.missing = Volume::from_ml(std::round(still.ml()));
            } else if (const auto respaced = respace(plan.pumps, g, short_by, settings, yield, zone)) {
                a.respaced = true;
                a.at = respaced->first;
                a.extra_expected = respaced->second;
                const Volume still = short_by - a.extra_expected;
                if (std::lround(still.ml()) > 0) a.missing = Volume::from_ml(std::round(still.ml()));
            } else {
                a.kind = AdviceKind::no_room;
            }
            shortfalls.push_back(a);
            std::stable_sort(plan.pumps.begin(), plan.pumps.end(),
                             [](const PlannedPump& x, const PlannedPump& y) { return x.at < y.at; });
        }
    }

    std::erase_if(plan.pumps, [&](const PlannedPump& p) { return p.at < range.begin || p.at >= range.end; });
    std::stable_sort(plan.pumps.begin(), plan.pumps.end(),
                     [](const PlannedPump& a, const PlannedPump& b) { return a.at < b.at; });

    const auto simple = [](AdviceKind kind) {
        PlanAdvice a;
        a.kind = kind;
        return a;
    };
    if (settings.mode == PlanMode::away && settings.away.empty())
        plan.advice.push_back(simple(AdviceKind::no_away_windows));
    else if (settings.mode == PlanMode::away && groups_of(settings, periods, range, zone).empty())
        plan.advice.push_back(simple(AdviceKind::not_away));
    plan.advice.insert(plan.advice.end(), learned.advice.begin(), learned.advice.end());
    // Days weighed down as incompletely logged are named, not silently discounted (SPEC 5).
    for (const date::sys_days day : cadence.incomplete_days) {
        PlanAdvice a = simple(AdviceKind::incomplete_day);
        a.day = day;
        plan.advice.push_back(a);
    }
    plan.advice.insert(plan.advice.end(), schedule_advice.begin(), schedule_advice.end());
    plan.advice.insert(plan.advice.end(), shortfalls.begin(), shortfalls.end());
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
    const Seconds since = lookback_since(clock.now, settings.lookback_days, zone);
    const Learned learned = learn(entries, settings, zone, since, clock.now);
    const Cadence& cadence = learned.cadence;
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

    for (const PlanAdvice& a : learned.advice)
        if (a.kind == AdviceKind::estimated_intake)
            s.advice.push_back(fmt::format(
                "The need is an estimate: no feed has an amount, so each counts {} of about {} a day at day {} ({}).",
                volume_text(a.per_feed, settings.unit), volume_text(a.daily, settings.unit), a.age_days, a.text));
        else if (a.kind == AdviceKind::estimated_from_pumps)
            s.advice.push_back(fmt::format(
                "The need is an estimate: no feed has an amount, so each counts at your average pump, {}; set the "
                "birth date (pumplog config set birth YYYY-MM-DD) to estimate it from the baby's age.",
                volume_text(a.per_feed, settings.unit)));
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
