// `plan stash`: the stash to build before returning to work, from the cadence
// of the away days and the parent's best pumping time.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/text.hpp"
#include "pumplog/yield.hpp"
#include "plan_cadence.hpp"
#include "timetable.hpp"

namespace pumplog {

StashPlan plan_stash(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                     date::sys_days return_day, std::optional<Volume> target) {
    const auto* zone = clock.zone;
    const auto volume = [&](Volume v) { return format_rounded_volume(v, settings.unit); };
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
    const PlanCadence learned = plan_cadence(entries, settings, zone, since, clock.now);
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
        const TimeSpan day = local_days(return_day + date::days(k), 1, zone);
        const auto periods = settings.mode == PlanMode::exclusive
                                 ? std::vector<TimeSpan>{day}
                                 : timetable::away_periods(settings.away, day.begin, day.end, zone);
        bool away = false;
        for (const auto& p : periods)
            if (p.overlaps(day)) away = true;
        if (!away) continue;
        ++s.away_days_per_week;
        Volume need;
        std::vector<Slot> slots;
        for (const auto& f : timetable::predicted_feeds(cadence.slots, day.begin, day.end, zone))
            for (const auto& p : periods)
                if (p.contains(f.at)) {
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
        s.session_minute = (*best + 7) / 15 * 15 % minutes_per_day;
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
                volume(a.per_feed), volume(a.daily), a.age_days, a.text));
        else if (a.kind == AdviceKind::estimated_from_pumps)
            s.advice.push_back(fmt::format(
                "The need is an estimate: no feed has an amount, so each counts at your average pump, {}; set the "
                "birth date (pumplog config set birth YYYY-MM-DD) to estimate it from the baby's age.",
                volume(a.per_feed)));
    if (s.need_per_day.ml() <= 0)
        s.advice.push_back("No feed falls in your away hours, so the baby needs no stored milk then.");
    s.advice.push_back(
        fmt::format("Start on {}: the CDC advises starting to pump a few weeks before you return to "
                    "work, to get used to the pump and to build the stash.",
                    day_label(s.start)));
    if (s.session_minute && s.per_day) {
        s.advice.push_back(
            fmt::format("Add one pump a day at {}, your best time (about {} a session){}.",
                        format_minute_of_day(*s.session_minute), volume(*s.per_day),
                        s.days_needed ? fmt::format(": {} takes {}", volume(s.target), plural(*s.days_needed, "day"))
                                      : std::string()));
        if (!s.reachable)
            s.advice.push_back(fmt::format(
                "{} cannot be built by {}: at about {} a day you will have about {} in {}. Add a second daily "
                "session, start giving stored milk later, or lower the target (--target).",
                volume(s.target), day_label(return_day), volume(*s.per_day), volume(*s.reachable_by_return),
                plural(building_days, "day")));
    } else {
        s.advice.push_back(
            "No pump was logged in the look-back window: log a few pumps (pumplog add 90ml) so the "
            "plan can say which extra session to add and how long the stash takes.");
    }
    return s;
}

}  // namespace pumplog
