// `plan bottles`: the bottles to pack for a day away and the containers that fill them.
#include "pumplog/bottles.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/cadence.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/intake.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/text.hpp"
#include "pumplog/yield.hpp"
#include "plan_cadence.hpp"
#include "timetable.hpp"

namespace pumplog {

namespace bottles_detail {

using std::chrono::hours;

// The hours a bag is thawed at: 07:00 (the morning thaw) and 18:00 (the evening's, overnight in the fridge).
constexpr std::chrono::minutes morning_thaw{7 * 60}, evening_thaw{18 * 60};

// Milk a plan may pour: what is left of a container as the plan goes, and
// when it expires (for a frozen bag, once thawed at the plan's thaw time).
struct Source {
    const Container* container = nullptr;
    Volume left;
    Seconds expires{};
    bool thawed = false;   // one of the plan's thaws
    Seconds thaw_at{};     // when it is thawed (thawed, or thawed_for)
    std::optional<date::sys_days> thawed_for{};  // a bag an earlier day's plan thaws: what that day leaves of it
};

bool expires_first(const Source& a, const Source& b) {
    if (a.expires != b.expires) return a.expires < b.expires;
    if (a.container->pumped != b.container->pumped) return a.container->pumped < b.container->pumped;
    return a.container->label < b.container->label;
}

// What is poured into `bottle` so far.
Volume poured_in(const Bottle& bottle) {
    Volume sum;
    for (const BottleFill& f : bottle.fills) sum += f.amount;
    return sum;
}

// Pours up to `want` from `s` into `bottle` when it keeps until the feed (a
// second pour from one container adds to its fill). A leftover fills a bottle
// only on its own: the whole of what an empty bottle still wants, or more of
// the bottle it alone fills (CDC: left over from a feeding, use within 2 hours
// after the baby finished; never combined with other milk). A part of its own
// is never drops (least_container_ml, pumplog-stock(1) AMOUNTS: less would show
// as 0 ml or 0.0 oz): a container left with less pours no part (its drops stay
// in it), and when the bottle wants less, the part is least_container_ml of its
// rounding up, or none when the bottle's size has no room for it. With `top_up` only a container already in the
// bottle pours (fill_bottles takes a bottle's rounding up from those first).
void pour(Source& s, Bottle& bottle, Volume& want, bool top_up = false) {
    if (want.ml() <= 1e-9 || s.left.ml() <= 1e-9 || s.expires <= bottle.feed) return;
    if ((s.thawed || s.thawed_for) && s.thaw_at > bottle.feed) return;  // not thawed yet
    if (kept_for_another(*s.container, bottle.baby)) return;  // another baby's leftover
    const bool leftover = is_leftover(*s.container);
    if (bottle.fills.empty() ? leftover && s.left.ml() < want.ml() - 1e-9
                             : leftover != is_leftover(*bottle.fills.front().container) ||
                                   (leftover && bottle.fills.front().container != s.container))
        return;
    const auto fill = std::find_if(bottle.fills.begin(), bottle.fills.end(),
                                   [&](const BottleFill& f) { return f.container == s.container; });
    if (top_up && fill == bottle.fills.end()) return;
    Volume take = std::min(s.left, want);
    if (fill == bottle.fills.end() && take.ml() < least_container_ml - 1e-9) {
        const Volume room = bottle.size - poured_in(bottle);
        if (s.left.ml() < least_container_ml - 1e-9 || room.ml() < least_container_ml - 1e-9) return;
        take = Volume::from_ml(least_container_ml);
    }
    s.left -= take;
    want = std::max(Volume{}, want - take);
    if (fill != bottle.fills.end()) fill->amount += take;
    else
        bottle.fills.push_back(BottleFill{s.container, take, s.thawed,
                                          s.thawed || s.thawed_for ? s.thaw_at : Seconds{}, s.thawed_for});
}

// The bottles filled from `poured` (soonest to expire first) and what they miss in all.
struct Filled {
    std::vector<Bottle> bottles;
    Volume missing;
    Volume poured;
};

// Fills `bottles` from `poured`. A bottle short of its need misses what it lacks of its size (SPEC 11: the size
// packed, 70 ml for a need of 67 ml): the stash is spent by then, so the rounding up is missing too, and with
// nothing in stock the shortfall is the bottles' total; one short of its rounding up alone is not short. With
// `to_size`, each bottle in feed order takes its need, then its rounding up; else every bottle's need first, then
// what is left tops them up, the first bottles first. The rounding up comes from the containers already in the
// bottle (every bottle's, before any other), then from the next ones (a part of least_container_ml at least, pour).
Filled fill_bottles(std::vector<Bottle> bottles, std::vector<Source> poured, bool to_size) {
    Filled out;
    // A bottle short of its need is not topped up: its rounding up is counted missing too.
    const auto top_up = [&](Bottle& b, bool same) {
        if (b.missing.ml() > 1e-9) return;
        Volume want = std::max(Volume{}, b.size - poured_in(b));  // a part of least_container_ml may have filled some
        for (Source& s : poured) pour(s, b, want, same);
    };
    for (Bottle& b : bottles) {
        Volume want = b.need;
        for (Source& s : poured) pour(s, b, want);
        // Less than a container's least is drops, not milk missing (no part of it is poured).
        if (want.ml() >= least_container_ml - 1e-9) {
            b.missing = want + (b.size - b.need);
            out.missing += b.missing;
        }
        if (to_size) {
            top_up(b, true);
            top_up(b, false);
        }
    }
    if (!to_size) {
        for (Bottle& b : bottles) top_up(b, true);
        for (Bottle& b : bottles) top_up(b, false);
    }
    for (const Bottle& b : bottles) out.poured += poured_in(b);
    out.bottles = std::move(bottles);
    return out;
}

// Whether no bottle of `a` is further below its need than the same bottle of `b`. Counted against the need,
// drops included: `missing` leaves out a bottle short by less than least_container_ml (67 ml in a bottle for a
// need of 68 ml), which is still a feed short of its milk.
bool no_further_short(const Filled& a, const Filled& b) {
    const auto short_of_need = [](const Bottle& bottle) {
        return std::max(0.0, bottle.need.ml() - poured_in(bottle).ml());
    };
    for (std::size_t i = 0; i < a.bottles.size() && i < b.bottles.size(); ++i)
        if (short_of_need(a.bottles[i]) > short_of_need(b.bottles[i]) + 1e-9) return false;
    return true;
}

// What a bag of `bag` thawed to keep until `expires` would pour into the
// needs of bottle `first` (of which `want` is still missing, the milk
// already out poured) and the bottles after it, once `pool` (the milk
// already out of the freezer and the bags already thawed) has poured into
// them first, soonest to expire first.
double would_serve(std::vector<Source> pool, const std::vector<Bottle>& bottles, std::size_t first, Volume want,
                   Volume bag, Seconds expires) {
    double served = 0;
    for (std::size_t k = first; k < bottles.size() && bag.ml() > 1e-9; ++k) {
        const Bottle& b = bottles[k];
        if (expires <= b.feed) break;
        Bottle scratch = b;
        if (k != first) {
            want = b.need;
            for (Source& s : pool) pour(s, scratch, want);
        }
        const Volume take = std::min(bag, want);
        bag -= take;
        served += take.ml();
    }
    return served;
}

// Where the parent is at `t`: the end of the away period `t` falls in (the parent home again; the end of the
// next one when that starts then), or `t` itself when the parent is not away then.
Seconds home_from(Seconds t, const std::vector<TimeSpan>& away) {
    for (const TimeSpan& p : away)
        if (p.contains(t)) t = p.end;  // the periods are in time order, merged
    return t;
}

// `at` rounded up to the plan's rounding (wall clock): never before it.
Seconds round_up(Seconds at, std::chrono::minutes step, const date::time_zone* zone) {
    const Seconds rounded = timetable::round_to(at, step, zone);
    return rounded >= at ? rounded : timetable::round_to(at + step, step, zone);
}

// The times a plan may thaw a bag, in time order: at sensible hours while the parent is at home (`away`: the
// parent's away periods, none pumping exclusively), the evening before (thaw_time: 18:00, or when the parent is
// home from an away window then, or now when that has passed), then 07:00 and 18:00 of each day from the day's
// morning to its last feed (the morning thaw, for feeds the evening's thawed milk would not keep until; the
// evening's, for a night away), but none of those that falls while the parent is away (the bottles are packed
// when the parent leaves: a bag is thawed before, at home). A feed none of them would keep until gets a time of
// its own: half the thawed fridge life before it, on the plan's rounding (a stricter guideline's short thawed
// life), or, when the parent is away then, the time at home that keeps it until the end of the feed's away
// period (the window's end less the thawed fridge life, rounded up: 20:00 the evening before for a window of
// 06:00-20:00 under the CDC's 24 hours), when that is before the feed. None before the evening before's (nor now).
std::vector<Seconds> thaw_times(const std::vector<Bottle>& bottles, date::sys_days day, Seconds evening,
                                const std::vector<TimeSpan>& away, const Settings& settings,
                                const Guideline& guideline, const Clock& clock) {
    std::vector<Seconds> times{evening};
    if (bottles.empty()) return times;
    // A time after the evening's when the parent is away: no one to move the bag (now is always a time).
    const auto at_home = [&](Seconds t) { return t <= evening || home_from(t, away) == t; };
    const Seconds last = bottles.back().feed;
    for (date::sys_days d = day; to_instant(local_midnight(d), clock.zone) <= last; d += date::days(1))
        for (const std::chrono::minutes at : {morning_thaw, evening_thaw})
            if (const Seconds t = to_instant(local_midnight(d) + at, clock.zone); at_home(t))
                times.push_back(std::max(evening, t));
    const auto thawed = guideline.thawed_limit(Place::fridge).value_or(std::chrono::seconds(0));
    std::vector<Seconds> more;
    for (const Bottle& b : bottles) {
        if (std::any_of(times.begin(), times.end(), [&](Seconds t) { return t <= b.feed && b.feed < t + thawed; }) ||
            std::any_of(more.begin(), more.end(), [&](Seconds t) { return t <= b.feed && b.feed < t + thawed; }))
            continue;
        const Seconds half = std::max(evening, timetable::round_to(b.feed - thawed / 2, settings.round, clock.zone));
        if (at_home(half)) {
            more.push_back(half);
            continue;
        }
        const auto period =
            std::find_if(away.begin(), away.end(), [&](const TimeSpan& p) { return p.contains(b.feed); });
        if (period == away.end()) continue;
        const Seconds before =
            home_from(std::max(evening, round_up(period->end - thawed, settings.round, clock.zone)), away);
        if (before <= b.feed && b.feed < before + thawed) more.push_back(before);
    }
    times.insert(times.end(), more.begin(), more.end());
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

// "The bottle for the 16:00 feed", "The bottles for the 10:00 and 16:00 feeds", or with babies named "The
// bottles for Ada's 11:00 feed and Ben's 11:00 feed"; a feed past midnight of a night away with its weekday.
std::string estimated_bottles_words(const std::vector<const Bottle*>& bottles, date::sys_days day,
                                    const date::time_zone* zone) {
    const auto time = [&](Seconds at) {
        const date::sys_days on = local_day(at, zone);
        const std::string clock = format_clock(at, zone);
        return on == day ? clock : weekday_abbreviation(date::weekday{on}) + " " + clock;
    };
    const bool named = std::any_of(bottles.begin(), bottles.end(), [](const Bottle* b) { return !b->baby.empty(); });
    std::vector<std::string> feeds;
    for (const Bottle* b : bottles)
        feeds.push_back(named ? fmt::format("{}'s {} feed", b->baby, time(b->feed)) : time(b->feed));
    const bool one = bottles.size() == 1;
    return fmt::format("The {} for {}{}", one ? "bottle" : "bottles", named ? "" : "the ", and_list(feeds)) +
           (named ? "" : one ? " feed" : " feeds");
}

}  // namespace bottles_detail

Volume bottle_size(Volume need, Unit unit) {
    const double step = unit == Unit::ml ? 10.0 : 0.5 * ml_per_oz;
    const double steps = std::ceil(need.ml() / step - 1e-9);
    return Volume::from_ml(std::max(1.0, steps) * step);
}

Seconds thaw_time(date::sys_days day, Seconds now, const date::time_zone* zone, const std::vector<TimeSpan>& away) {
    // 18:00 the day before: overnight in the fridge, and 24 hours of thawed milk (CDC) still reach 17:30. Away
    // then (a window of 06:00-20:00 the day before), when the parent is home: the window's end.
    const Seconds evening = to_instant(local_midnight(day - date::days(1)) + bottles_detail::evening_thaw, zone);
    return std::max(now, bottles_detail::home_from(evening, away));
}

namespace bottles_detail {

// The plan for `day` from the stash less what `held` sets aside for the days before (plan_bottles).
BottlePlan plan_day(const std::vector<Entry>& entries, const Stock& stock, const Settings& settings,
                    const Guideline& guideline, const Clock& clock, date::sys_days day,
                    const std::vector<HeldBack>& held) {
    const auto* zone = clock.zone;
    // The baby's age on the day planned, not today (a plan for Monday made on Sunday counts a day older).
    // Each bottle is its feed's own amount, in every mode (an occasional night feed adds nothing to it).
    const PlanCadence learned = away_plan_cadence(entries, settings, clock, "plan bottles", day, SlotAmounts::own);
    const Cadence& cadence = learned.cadence;

    BottlePlan plan;
    plan.day = day;
    plan.basis = cadence.basis;
    const TimeSpan whole = local_days(day, 1, zone);
    // An away window belongs to the day it starts: a night away from Monday 22:00 is Monday's, whole (its
    // feeds after midnight too), and not Tuesday's.
    if (settings.mode == PlanMode::exclusive)
        plan.away = {whole};
    else
        for (const TimeSpan& p : timetable::away_periods(settings.away, whole.begin, whole.end, zone))
            if (p.begin >= whole.begin && p.begin < whole.end) plan.away.push_back(p);
    Seconds last = whole.end;
    for (const TimeSpan& p : plan.away) last = std::max(last, p.end);

    for (const auto& f : timetable::predicted_feeds(cadence.slots, whole.begin, last, zone)) {
        if (std::none_of(plan.away.begin(), plan.away.end(), [&](const TimeSpan& p) { return p.contains(f.at); }))
            continue;
        // A feed already past needs no bottle, and no bag is thawed for it (thawed milk is never refrozen).
        if (f.at <= clock.now) {
            if (plan.past.empty() || plan.past.back() != f.at) plan.past.push_back(f.at);
            continue;
        }
        // Twins fed at one time: a bottle each, labelled with its baby.
        const Slot& slot = cadence.slots[f.slot];
        const bool shared = slot.babies.size() == slot.baby_amounts.size() && !slot.babies.empty();
        for (std::size_t i = 0; i < (shared ? slot.babies.size() : 1); ++i) {
            Bottle b;
            b.feed = f.at;
            b.need = shared ? slot.baby_amounts[i] : f.amount;
            b.size = bottle_size(b.need, settings.unit);
            b.estimated = f.estimated;
            if (shared) b.baby = slot.babies[i];
            else b.baby = settings.feeds_of;  // plan --baby: that baby's bottles (its own leftover is its to take)
            plan.total += b.size;
            plan.bottles.push_back(b);
        }
    }

    // The stash: milk out of the freezer now, soonest to expire first; then the
    // frozen bags in the same order, each dated when it is chosen, by when it is thawed.
    // When the parent is away (the away windows; none pumping exclusively, when the parent pumps for every
    // feed): no bag is thawed then, since no one is home to move it and the bottles are packed before leaving.
    std::vector<TimeSpan> parent_away;
    if (settings.mode == PlanMode::away)
        parent_away = timetable::away_periods(settings.away, to_instant(local_midnight(day - date::days(2)), zone),
                                              std::max(last, clock.now), zone);
    const Seconds evening = thaw_time(day, clock.now, zone, parent_away);
    plan.evening = evening;
    const std::vector<Seconds> times =
        thaw_times(plan.bottles, day, evening, parent_away, settings, guideline, clock);
    // A bag's expiry once moved to the fridge at `at` (its stays so far, then the fridge).
    const auto expires_if_thawed = [&](const Container* c, Seconds at) {
        std::vector<Stay> stays = c->stays;
        stays.push_back(Stay{Place::fridge, std::max(at, stays.empty() ? at : stays.back().since)});
        return compute_expiry(guideline, c->pumped, stays).expires;
    };
    std::vector<Source> ready, frozen;
    for (const Container* c : use_order(stock, clock.now)) {
        if (!usable_at(*c, clock.now)) continue;
        // What the days before leave of it: their bottles' milk is set aside, and a bag one of them thaws is
        // thawed then (what it leaves keeps as thawed milk from that time, and is no bag to thaw again).
        Volume left = c->left;
        std::optional<HeldBack> thawed_by;
        for (const HeldBack& h : held) {
            if (h.container != c) continue;
            left = std::max(Volume{}, left - h.amount);
            if (h.thaw && !thawed_by) thawed_by = h;
        }
        if (left.ml() <= 1e-9) continue;
        if (thawed_by) {
            ready.push_back(Source{c, left, expires_if_thawed(c, *thawed_by->thaw), false, *thawed_by->thaw,
                                   thawed_by->day});
            continue;
        }
        if (c->place != Place::freezer) {
            ready.push_back(Source{c, left, c->expires, false});
            continue;
        }
        if (c->refrozen) continue;
        frozen.push_back(Source{c, left, c->expires, false});
    }
    std::stable_sort(ready.begin(), ready.end(), expires_first);
    std::stable_sort(frozen.begin(), frozen.end(), [](const Source& a, const Source& b) {
        // Soonest to expire as they are (in the freezer), then the oldest milk.
        if (a.container->expires != b.container->expires) return a.container->expires < b.container->expires;
        if (a.container->pumped != b.container->pumped) return a.container->pumped < b.container->pumped;
        return a.container->label < b.container->label;
    });

    // First pass: which bags to thaw, and when. Each bottle's need takes the
    // milk out of the freezer first (and the rest of the bags already thawed),
    // then thaws whole bags: the one that expires soonest (the oldest milk
    // first, CDC), unless one bag alone covers all the needs left (this
    // bottle's and the next ones'), when the soonest to expire of those (no
    // more bags are thawed than needed). Each is thawed at the time its milk
    // goes furthest into those needs before it expires (none thawed to expire
    // unused when a later thaw would let it be used), the earliest of equal
    // ones (the evening's overnight thaw). No bag is thawed for a bottle's
    // rounding up alone.
    std::vector<Source> poured = ready;
    {
        std::vector<Source> pool = ready;
        for (std::size_t i = 0; i < plan.bottles.size(); ++i) {
            const Bottle& b = plan.bottles[i];
            Bottle scratch = b;
            Volume want = b.need;
            for (Source& s : pool) pour(s, scratch, want);
            // No bag is opened for drops: a need of less than a container's least is not thawed for.
            while (want.ml() >= least_container_ml - 1e-9) {
                // All the needs left, as a bag without end or expiry would fill them.
                const double needs = would_serve(pool, plan.bottles, i, want, Volume::from_ml(1e12), Seconds::max());
                struct Choice {
                    Source* source = nullptr;
                    Seconds at{}, expires{};
                    double served = 0;
                };
                Choice first, finisher;  // the soonest to expire; the soonest to expire that covers all the needs
                for (Source& s : frozen) {
                    if (s.thawed || s.left.ml() <= 1e-9) continue;
                    Choice best;  // this bag's thaw time
                    for (const Seconds at : times) {
                        if (at > b.feed) break;
                        const Seconds expires = expires_if_thawed(s.container, at);
                        if (expires <= b.feed) continue;
                        const double served = would_serve(pool, plan.bottles, i, want, s.left, expires);
                        if (!best.source || served > best.served + 1e-9) best = {&s, at, expires, served};
                    }
                    if (!best.source) continue;
                    if (!first.source) first = best;
                    if (best.served >= needs - 1e-9) {
                        finisher = best;
                        break;
                    }
                }
                const Choice& chosen = finisher.source ? finisher : first;
                if (!chosen.source) break;
                Source& s = *chosen.source;
                s.thawed = true;
                s.thaw_at = chosen.at;
                s.expires = chosen.expires;
                plan.thaws.push_back(Thaw{s.container, s.thaw_at, s.expires});
                Source rest = s;
                pour(rest, scratch, want);
                pool.push_back(rest);
                std::stable_sort(pool.begin(), pool.end(), expires_first);
                poured.push_back(s);
            }
        }
    }
    // Second pass: the bottles filled from that milk, soonest to expire first
    // (thawed milk keeps a day: it goes before fresh fridge milk), so what is
    // left over is what keeps longest. Each bottle is filled to its size, in
    // feed order (its size is what goes in it: the fills add up to it), unless
    // that would leave a later bottle short of its need when every bottle's
    // need first would not (by drops too: no_further_short): then every bottle's need first, and what is left
    // tops them up to their size, the first bottles first (fill_bottles).
    const auto fill = [&](std::vector<Source> milk) {
        std::stable_sort(milk.begin(), milk.end(), expires_first);
        Filled by_size = fill_bottles(plan.bottles, milk, true);
        Filled by_need = fill_bottles(plan.bottles, milk, false);
        return by_size.missing.ml() <= by_need.missing.ml() + 1e-9 &&
                       by_size.poured.ml() >= by_need.poured.ml() - 1e-9 && no_further_short(by_size, by_need)
                   ? by_size
                   : by_need;
    };
    // The thawed milk a fill leaves to expire by the last bottle's feed: thawed for nothing (what keeps longer
    // is there for the next day's bottles).
    const auto wasted = [&](const Filled& f) {
        double out = 0;
        for (const Source& m : poured) {
            if (!m.thawed || plan.bottles.empty() || m.expires > plan.bottles.back().feed) continue;
            double used = 0;
            for (const Bottle& b : f.bottles)
                for (const BottleFill& bf : b.fills)
                    if (bf.container == m.container) used += bf.amount.ml();
            out += std::max(0.0, m.left.ml() - used);
        }
        return out;
    };
    Filled filled = fill(poured);
    // A bag the first pass thaws later (for a late feed its milk would reach) is thawed at the earliest time that
    // fills the bottles as well (as much poured, no bottle further short, no more milk left to expire by the
    // last feed than the later thaw leaves): the second pass pours thawed milk
    // first, so the later thaw may buy nothing (a bag moved at 06:25, before leaving at 07:00, for the 09:30
    // bottle that milk thawed the evening before fills as well: review W #1). The evening's overnight thaw when
    // that is as good, as pumplog-plan(1) says.
    for (Source& s : poured) {
        if (!s.thawed) continue;
        for (const Seconds at : times) {
            if (at >= s.thaw_at) break;
            const Source was = s;
            const double waste = wasted(filled);
            s.thaw_at = at;
            s.expires = expires_if_thawed(s.container, at);
            Filled earlier = fill(poured);
            if (earlier.missing.ml() <= filled.missing.ml() + 1e-9 &&
                earlier.poured.ml() >= filled.poured.ml() - 1e-9 && no_further_short(earlier, filled) &&
                wasted(earlier) <= waste + 1e-9) {
                filled = std::move(earlier);
                for (Thaw& t : plan.thaws)
                    if (t.container == s.container) t = Thaw{s.container, s.thaw_at, s.expires};
                break;
            }
            s = was;
        }
    }
    // The thaws in the order to move them.
    std::stable_sort(plan.thaws.begin(), plan.thaws.end(), [](const Thaw& a, const Thaw& b) { return a.at < b.at; });
    plan.bottles = std::move(filled.bottles);
    const Volume missing = filled.missing;
    for (const Bottle& b : plan.bottles)
        for (const BottleFill& f : b.fills) (f.thawed_tonight ? plan.from_frozen : plan.from_ready) += f.amount;

    if (missing.ml() > 1e-9) {
        BottleCover cover;
        cover.short_by = missing;
        cover.formula = missing;
        const Seconds since = plan_lookback_since(clock.now, day, settings.lookback_days, zone);
        const Yield yield(entries, since, clock.now, zone);
        if (const auto avg = yield.average(); avg && avg->ml() > 0) {
            cover.pump_expected = Volume::from_ml(std::round(avg->ml()));
            cover.pumps = static_cast<int>(std::ceil(missing.ml() / avg->ml() - 1e-9));
        }
        plan.shortfall = cover;
    }

    // The estimate is said of the bottles it sizes: none when every bottle's slot is measured (its feeds mostly
    // had an amount, as plan words it), and naming the estimated ones when only some are.
    std::vector<const Bottle*> estimated;
    for (const Bottle& b : plan.bottles)
        if (b.estimated) estimated.push_back(&b);
    for (const PlanAdvice& a : learned.advice) {
        if (a.kind != AdviceKind::estimated_intake || estimated.empty()) continue;
        const std::string why =
            no_amount_words(a, plan.basis) + ", so " +
            estimated_feed_words(intake_words(a, [&](Volume v) { return format_rounded_volume(v, settings.unit); }));
        if (estimated.size() == plan.bottles.size()) {
            plan.advice.push_back("The sizes are estimates: " + why + "." + intake_age_sentence(a));
            continue;
        }
        plan.advice.push_back(fmt::format("The sizes are partly estimates: {}. {} {} an estimate; the other bottles "
                                          "are measured (their feeds mostly had an amount).{}",
                                          why, estimated_bottles_words(estimated, day, zone),
                                          estimated.size() == 1 ? "is" : "are", intake_age_sentence(a)));
    }
    // Counted at the bottle average (or the average pump), not at the age norm: said too, from the basis, so
    // that a bottle marked "(estimate)" always says why (review W #2).
    if (const std::string how = fill_words(learned); !estimated.empty() && !how.empty()) {
        if (estimated.size() == plan.bottles.size())
            plan.advice.push_back("The sizes are estimates: " + how + ".");
        else
            plan.advice.push_back(fmt::format("The sizes are partly estimates: {}. {} {} an estimate; the other "
                                              "bottles are measured (their feeds mostly had an amount).",
                                              how, estimated_bottles_words(estimated, day, zone),
                                              estimated.size() == 1 ? "is" : "are"));
    }
    plan.held = held;
    return plan;
}

}  // namespace bottles_detail

BottlePlan plan_bottles(const std::vector<Entry>& entries, const Stock& stock, const Settings& settings,
                        const Guideline& guideline, const Clock& clock, date::sys_days day) {
    using namespace bottles_detail;
    const date::sys_days today = local_day(clock.now, clock.zone);
    if (day < today)
        throw usage_error(fmt::format("plan bottles plans a day to come, not {} (today is {}); try --on tomorrow",
                                      format_date(day), format_date(today)));
    if (settings.mode == PlanMode::supply)
        throw usage_error(
            "plan bottles needs the baby's feeding cadence, which supply mode does not learn; use --mode away or "
            "exclusive");
    // A later day is packed from what today's bottles still ahead, and each day's after, leave: their plans
    // (as plan bottles --on that day gives them now) take their milk first, so one bag is never given to two
    // days, and a bag one of them thaws (at 07:00 today, say) is counted thawed then, not still frozen.
    std::vector<HeldBack> held;
    for (date::sys_days d = today; d < day; d += date::days(1)) {
        BottlePlan before;
        try {
            before = plan_day(entries, stock, settings, guideline, clock, d, held);
        } catch (const Error&) {
            continue;  // nothing to learn that day's feeds from: the day asked for says why
        }
        for (const Bottle& b : before.bottles)
            for (const BottleFill& f : b.fills) {
                const auto thaw = std::find_if(before.thaws.begin(), before.thaws.end(),
                                               [&](const Thaw& t) { return t.container == f.container; });
                const auto same = std::find_if(held.begin(), held.end(), [&](const HeldBack& h) {
                    return h.day == d && h.container == f.container;
                });
                if (same != held.end())
                    same->amount += f.amount;
                else
                    held.push_back(HeldBack{d, f.container, f.amount,
                                            thaw != before.thaws.end() ? std::optional<Seconds>(thaw->at)
                                                                       : std::nullopt});
            }
    }
    return plan_day(entries, stock, settings, guideline, clock, day, held);
}

}  // namespace pumplog
