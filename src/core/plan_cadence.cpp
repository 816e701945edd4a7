#include "plan_cadence.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/intake.hpp"

namespace pumplog {

using std::chrono::seconds;

PlanCadence plan_cadence(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone,
                         Seconds since, Seconds until) {
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
    PlanCadence out;
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

}  // namespace pumplog
