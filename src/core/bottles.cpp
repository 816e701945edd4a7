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
#include "pumplog/yield.hpp"
#include "plan_cadence.hpp"
#include "timetable.hpp"

namespace pumplog {

namespace bottles_detail {

using std::chrono::hours;

// Milk a plan may pour: what is left of a container as the plan goes, and
// when it expires (for a frozen bag, once thawed at the plan's thaw time).
struct Source {
    const Container* container = nullptr;
    Volume left;
    Seconds expires{};
    bool thawed = false;   // one of the plan's thaws
    Seconds thaw_at{};     // when it is thawed (thawed only)
};

bool expires_first(const Source& a, const Source& b) {
    if (a.expires != b.expires) return a.expires < b.expires;
    if (a.container->pumped != b.container->pumped) return a.container->pumped < b.container->pumped;
    return a.container->label < b.container->label;
}

// Pours up to `want` from `s` into `bottle` when it keeps until the feed (a
// second pour from one container adds to its fill).
void pour(Source& s, Bottle& bottle, Volume& want) {
    if (want.ml() <= 1e-9 || s.left.ml() <= 1e-9 || s.expires <= bottle.feed) return;
    const Volume take = std::min(s.left, want);
    s.left -= take;
    want -= take;
    for (BottleFill& f : bottle.fills)
        if (f.container == s.container) {
            f.amount += take;
            return;
        }
    bottle.fills.push_back(BottleFill{s.container, take, s.thawed, s.thawed ? s.thaw_at : Seconds{}});
}

}  // namespace bottles_detail

Volume bottle_size(Volume need, Unit unit) {
    const double step = unit == Unit::ml ? 10.0 : 0.5 * ml_per_oz;
    const double steps = std::ceil(need.ml() / step - 1e-9);
    return Volume::from_ml(std::max(1.0, steps) * step);
}

Seconds thaw_time(date::sys_days day, Seconds now, const date::time_zone* zone) {
    // 18:00 the day before: overnight in the fridge, and 24 hours of thawed milk (CDC) still reach 17:30.
    const Seconds evening = to_instant(local_midnight(day - date::days(1)) + std::chrono::hours(18), zone);
    return std::max(now, evening);
}

BottlePlan plan_bottles(const std::vector<Entry>& entries, const Stock& stock, const Settings& settings,
                        const Guideline& guideline, const Clock& clock, date::sys_days day) {
    using namespace bottles_detail;
    const auto* zone = clock.zone;
    const date::sys_days today = local_day(clock.now, zone);
    if (day < today)
        throw usage_error(fmt::format("plan bottles plans a day to come, not {} (today is {}); try --on tomorrow",
                                      format_date(day), format_date(today)));
    if (settings.mode == PlanMode::supply)
        throw usage_error(
            "plan bottles needs the baby's feeding cadence, which supply mode does not learn; use --mode away or "
            "exclusive");
    const PlanCadence learned = away_plan_cadence(entries, settings, clock, "plan bottles");
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
            plan.total += b.size;
            plan.bottles.push_back(b);
        }
    }

    // The stash: milk out of the freezer now, soonest to expire first; then the
    // frozen bags in the same order, each dated when it is chosen, by when it is thawed.
    const Seconds evening = thaw_time(day, clock.now, zone);
    plan.evening = evening;
    // A bag's expiry once moved to the fridge at `at` (its stays so far, then the fridge).
    const auto expires_if_thawed = [&](const Container* c, Seconds at) {
        std::vector<Stay> stays = c->stays;
        stays.push_back(Stay{Place::fridge, std::max(at, stays.empty() ? at : stays.back().since)});
        return compute_expiry(guideline, c->pumped, stays).expires;
    };
    // When a bag for the feed at `feed` is thawed: the evening thaw when its milk then keeps until the
    // feed; else a later thaw already planned that does; else half its thawed life before the feed (12 hours
    // under the CDC: overnight in the fridge, and it keeps 12 hours past the feed), or now when that has passed.
    std::vector<Seconds> later;
    const auto thaw_for = [&](const Container* c, Seconds feed) -> std::optional<std::pair<Seconds, Seconds>> {
        std::vector<Seconds> candidates{evening};
        candidates.insert(candidates.end(), later.begin(), later.end());
        candidates.push_back(std::max(clock.now, feed - guideline.thawed_fridge / 2));
        for (const Seconds at : candidates)
            if (const Seconds e = expires_if_thawed(c, at); e > feed) return std::pair{at, e};
        return std::nullopt;
    };
    std::vector<Source> ready, frozen;
    for (const Container* c : use_order(stock, clock.now)) {
        if (!usable_at(*c, clock.now)) continue;
        if (c->place != Place::freezer) {
            ready.push_back(Source{c, c->left, c->expires, false});
            continue;
        }
        if (c->refrozen) continue;
        frozen.push_back(Source{c, c->left, c->expires, false});
    }
    std::stable_sort(ready.begin(), ready.end(), expires_first);
    std::stable_sort(frozen.begin(), frozen.end(), [](const Source& a, const Source& b) {
        // Soonest to expire as they are (in the freezer), then the oldest milk.
        if (a.container->expires != b.container->expires) return a.container->expires < b.container->expires;
        if (a.container->pumped != b.container->pumped) return a.container->pumped < b.container->pumped;
        return a.container->label < b.container->label;
    });

    // First pass: which bags to thaw. Each bottle's need takes the milk out of
    // the freezer first, then thaws whole bags, soonest to expire first; a
    // thawed bag's rest goes to the next bottles before any other bag is
    // thawed. No bag is thawed for a bottle's rounding up alone.
    std::vector<Source> poured = ready;
    {
        std::vector<Source> pool = ready;
        for (Bottle& b : plan.bottles) {
            Bottle scratch = b;
            Volume want = b.need;
            for (Source& s : pool) pour(s, scratch, want);
            for (Source& s : frozen) {
                if (want.ml() <= 1e-9) break;
                if (s.thawed || s.left.ml() <= 1e-9) continue;
                const auto thaw = thaw_for(s.container, b.feed);
                if (!thaw) continue;
                s.thawed = true;
                s.thaw_at = thaw->first;
                s.expires = thaw->second;
                if (s.thaw_at != evening && std::find(later.begin(), later.end(), s.thaw_at) == later.end())
                    later.push_back(s.thaw_at);
                plan.thaws.push_back(Thaw{s.container, s.thaw_at, s.expires});
                Source rest = s;
                pour(rest, scratch, want);
                pool.push_back(rest);
                std::stable_sort(pool.begin(), pool.end(), expires_first);
                poured.push_back(s);
            }
        }
    }
    // The thaws in the order to move them.
    std::stable_sort(plan.thaws.begin(), plan.thaws.end(), [](const Thaw& a, const Thaw& b) { return a.at < b.at; });
    // Second pass: the bottles filled from that milk, soonest to expire first
    // (thawed milk keeps a day: it goes before fresh fridge milk), so what is
    // left over is what keeps longest. Every bottle's need first, then what
    // is left tops them up to their size, the first bottles first: a bottle
    // short of its rounding up but not of its need is not short.
    std::stable_sort(poured.begin(), poured.end(), expires_first);
    Volume missing;
    for (Bottle& b : plan.bottles) {
        Volume want = b.need;
        for (Source& s : poured) pour(s, b, want);
        if (want.ml() > 1e-9) {
            b.missing = want;
            missing += want;
        }
    }
    for (Bottle& b : plan.bottles) {
        Volume want = b.size - b.need;
        for (Source& s : poured) pour(s, b, want);
    }
    for (const Bottle& b : plan.bottles)
        for (const BottleFill& f : b.fills) (f.thawed_tonight ? plan.from_frozen : plan.from_ready) += f.amount;

    if (missing.ml() > 1e-9) {
        BottleCover cover;
        cover.short_by = missing;
        cover.formula = missing;
        const Yield yield(entries, lookback_since(clock.now, settings.lookback_days, zone), clock.now, zone);
        if (const auto avg = yield.average(); avg && avg->ml() > 0) {
            cover.pump_expected = Volume::from_ml(std::round(avg->ml()));
            cover.pumps = static_cast<int>(std::ceil(missing.ml() / avg->ml() - 1e-9));
        }
        plan.shortfall = cover;
    }

    for (const PlanAdvice& a : learned.advice) {
        if (a.kind == AdviceKind::estimated_intake)
            plan.advice.push_back(fmt::format(
                "The sizes are estimates: no feed has an amount, so each counts {} of about {} a day at day {} ({}).",
                format_rounded_volume(a.per_feed, settings.unit), format_rounded_volume(a.daily, settings.unit),
                a.age_days, a.text) +
                (a.birth_assumed ? age_from_journal_sentence(a.day) : ""));
        else if (a.kind == AdviceKind::estimated_from_pumps)
            plan.advice.push_back(fmt::format(
                "The sizes are estimates: no feed has an amount, so each counts at your average pump, {}.",
                format_rounded_volume(a.per_feed, settings.unit)));
    }
    return plan;
}

}  // namespace pumplog
