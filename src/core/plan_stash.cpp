// `plan stash`: the stash to build before returning to work, from the cadence
// of the away days and the parent's best pumping time.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/intake.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/text.hpp"
#include "pumplog/yield.hpp"
#include "plan_cadence.hpp"
#include "timetable.hpp"

namespace pumplog {

namespace plan_stash_detail {

int circular(int a, int b) {
    const int d = std::abs(a - b) % minutes_per_day;
    return std::min(d, minutes_per_day - d);
}

// The extra session (see planner.hpp).
std::optional<int> extra_session(const std::vector<int>& sessions, const Yield& yield, const Settings& settings) {
    const auto best = yield.best_minute();
    if (!best) return std::nullopt;
    const DailyWindow night = night_window(settings);
    const int gap = static_cast<int>(settings.min_gap.count());
    std::optional<int> chosen;
    std::tuple<bool, long, int, int> chosen_score{};
    for (int t = 0; t < minutes_per_day; t += 15) {
        if (night.contains(t)) continue;
        int nearest = minutes_per_day;
        for (const int s : sessions) nearest = std::min(nearest, circular(t, s));
        const bool far = nearest >= gap;
        const long ml = std::lround(yield.at(t).value_or(Volume{}).ml());
        const std::tuple<bool, long, int, int> score{far, far ? ml : nearest, -circular(t, *best), -t};
        if (!chosen || score > chosen_score) {
            chosen = t;
            chosen_score = score;
        }
    }
    return chosen;
}

// The time of day the away hours start: where the longest stretch of the day outside all of `periods`
// ends (midnight when they cover the whole day), so that a night away reads 22:00, 01:00, 04:00.
int away_hours_start(const std::vector<TimeSpan>& periods, const date::time_zone* zone) {
    std::vector<bool> away(minutes_per_day, false);
    for (const TimeSpan& p : periods) {
        const int from = minute_of_day(p.begin, zone);
        const auto length = std::min<long>(
            std::chrono::duration_cast<std::chrono::minutes>(p.end - p.begin).count(), minutes_per_day);
        for (long m = 0; m < length; ++m) away[(from + m) % minutes_per_day] = true;
    }
    int start = 0;
    int longest = 0;
    for (int m = 0; m < minutes_per_day; ++m) {
        if (away[m] || !away[(m + minutes_per_day - 1) % minutes_per_day]) continue;  // not where a stretch begins
        int length = 0;
        while (length < minutes_per_day && !away[(m + length) % minutes_per_day]) ++length;
        if (length > longest) {
            longest = length;
            start = (m + length) % minutes_per_day;
        }
    }
    return start;
}

}  // namespace plan_stash_detail

std::vector<int> usual_pump_sessions(const std::vector<Entry>& entries, Seconds since, Seconds until,
                                     const date::time_zone* zone) {
    struct Seen {
        int minute;
        date::sys_days day;
    };
    std::vector<Seen> seen;
    std::vector<date::sys_days> days;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant >= since && e.at.instant < until) {
            seen.push_back({minute_of_day(e.at.instant, zone), local_day(e.at.instant, zone)});
            days.push_back(seen.back().day);
        }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    const std::size_t wanted = days.size() >= 2 ? 2 : 1;
    std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.minute < b.minute; });
    std::vector<int> out;
    for (std::size_t i = 0; i < seen.size();) {
        std::size_t j = i + 1;
        while (j < seen.size() && seen[j].minute - seen[j - 1].minute <= 45) ++j;
        std::vector<date::sys_days> group_days;
        double sum = 0;
        for (std::size_t k = i; k < j; ++k) {
            group_days.push_back(seen[k].day);
            sum += seen[k].minute;
        }
        std::sort(group_days.begin(), group_days.end());
        group_days.erase(std::unique(group_days.begin(), group_days.end()), group_days.end());
        if (group_days.size() >= wanted) {
            const int mean = static_cast<int>(std::lround(sum / static_cast<double>(j - i)));
            out.push_back((mean + 2) / 5 * 5 % minutes_per_day);
        }
        i = j;
    }
    std::sort(out.begin(), out.end());
    return out;
}

StashPlan plan_stash(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                     date::sys_days return_day, StashTarget target, const Stock* stock) {
    const auto* zone = clock.zone;
    const auto volume = [&](Volume v) { return format_rounded_volume(v, settings.unit); };
    const date::sys_days today = local_day(clock.now, zone);
    if (return_day <= today)
        throw usage_error(fmt::format("the return date {} is not after today ({}); give a date to come, such as {}",
                                      format_date(return_day), format_date(today),
                                      format_date(today + date::days(28))));
    // The away hours of a day back (the whole day in exclusive mode): the away windows that start on it,
    // whole. A window belongs to the day it starts, as in plan bottles: a night away from Friday 22:00 to
    // Saturday 06:00 is one away day, Friday's, its feeds after midnight too (not two half nights).
    const auto away_on = [&](const TimeSpan& day) {
        if (settings.mode == PlanMode::exclusive) return std::vector<TimeSpan>{day};
        std::vector<TimeSpan> periods;
        for (const TimeSpan& p : timetable::away_periods(settings.away, day.begin, day.end, zone))
            if (p.begin >= day.begin && p.begin < day.end) periods.push_back(p);
        return periods;
    };
    // The first day planned is the first away day back: the intake estimate counts the baby's age on it
    // (pumplog-plan(1), Feeds without amounts), not today's, which can be weeks younger.
    date::sys_days first_away = return_day;
    for (int k = 0; k < 7; ++k) {
        const TimeSpan day = local_days(return_day + date::days(k), 1, zone);
        if (!away_on(day).empty()) {
            first_away = return_day + date::days(k);
            break;
        }
    }
    const PlanCadence learned =
        away_plan_cadence(entries, settings, clock, "plan stash", first_away, slot_amounts_for(settings.mode));
    const Seconds since = plan_lookback_since(clock.now, first_away, settings.lookback_days, zone);
    const Cadence& cadence = learned.cadence;
    const Yield yield(entries, since, clock.now, zone);

    StashPlan s;
    s.return_day = return_day;
    s.basis = cadence.basis;
    s.days_left = static_cast<int>((return_day - today).count());
    // Twins: "the babies drink"; when a baby with feeds is not planned for, the need is the others' alone and
    // the sentence names them (basis.not_planned, planned_only): "Zoë drinks".
    s.several_babies = planned_only(s.basis).empty() ? several_babies(cadence.slots) : s.basis.babies.size() > 1;

    // The need: what the baby drinks while away, over the first week back.
    // The slots listed are those of every away day (a night's on Monday, a day's on Friday: all of them).
    Volume total;
    std::vector<std::size_t> away_slots;
    std::vector<TimeSpan> week_away;
    for (int k = 0; k < 7; ++k) {
        const TimeSpan day = local_days(return_day + date::days(k), 1, zone);
        const auto periods = away_on(day);
        if (periods.empty()) continue;
        ++s.away_days_per_week;
        Seconds last = day.end;  // a window past midnight: its feeds of the next morning are this day's
        for (const TimeSpan& p : periods) last = std::max(last, p.end);
        week_away.insert(week_away.end(), periods.begin(), periods.end());
        for (const auto& f : timetable::predicted_feeds(cadence.slots, day.begin, last, zone))
            for (const auto& p : periods)
                if (p.contains(f.at)) {
                    total += f.amount;
                    if (std::find(away_slots.begin(), away_slots.end(), f.slot) == away_slots.end())
                        away_slots.push_back(f.slot);
                    break;
                }
    }
    // In time of day from the start of the away hours.
    const int away_start = plan_stash_detail::away_hours_start(week_away, zone);
    const auto from_start = [&](std::size_t i) {
        return (cadence.slots[i].minute - away_start + minutes_per_day) % minutes_per_day;
    };
    std::stable_sort(away_slots.begin(), away_slots.end(),
                     [&](std::size_t a, std::size_t b) { return from_start(a) < from_start(b); });
    for (const std::size_t i : away_slots) s.away_slots.push_back(cadence.slots[i]);
    s.need_per_day =
        s.away_days_per_week > 0 ? Volume::from_ml(std::round(total.ml() / s.away_days_per_week)) : Volume{};
    s.target_given = target.volume || target.days;
    if (target.volume) {
        s.target_kind = StashTargetKind::volume;
        s.target = *target.volume;
        if (s.need_per_day.ml() > 0) s.target_days = s.target.ml() / s.need_per_day.ml();
    } else {
        s.target_kind = target.days ? StashTargetKind::days : StashTargetKind::default_days;
        // Days of no need are no stash: none in days (target_days null, as for a volume), 0 ml.
        if (s.need_per_day.ml() > 0) {
            s.target_days = target.days ? *target.days : static_cast<double>(settings.stash_days);
            s.target = Volume::from_ml(std::round(s.need_per_day.ml() * *s.target_days));
        }
    }
    // No feed while away and a target in days of need: nothing to stash for (not "3 days of need, 0 ml").
    s.nothing_to_stash = s.need_per_day.ml() <= 0 && s.target_kind != StashTargetKind::volume;
    // What is stored already and still usable on the return day counts.
    if (stock) {
        const Seconds back = start_of_local_day(return_day, zone);
        for (const Container& c : stock->containers)
            if (usable_at(c, back)) {
                s.stored += c.left;
                ++s.stored_containers;
            }
    }
    s.to_build = s.stored < s.target ? s.target - s.stored : Volume{};
    s.sessions = usual_pump_sessions(entries, since, clock.now, zone);

    int lead = stash_lead_days;
    if (s.to_build.ml() <= 0) {
        s.days_needed = 0;
    } else if (const auto at = plan_stash_detail::extra_session(s.sessions, yield, settings)) {
        s.session_minute = *at;
        s.per_day = yield.at(*at);
        if (s.per_day && s.per_day->ml() > 0) {
            s.days_needed = static_cast<int>(std::ceil(s.to_build.ml() / s.per_day->ml() - 1e-9));
            lead = std::max(lead, *s.days_needed);
        }
    }
    // A session before now cannot happen: when today's extra session has passed, the first is tomorrow's,
    // and the days left to build the stash count from there (days_left and `reachable` agree with `start`).
    date::sys_days first = today;
    if (s.session_minute &&
        to_instant(local_midnight(today) + std::chrono::minutes(*s.session_minute), zone) <= clock.now)
        first = today + date::days(1);
    s.days_left = static_cast<int>((return_day - first).count());
    const date::sys_days start = std::max(first, return_day - date::days(lead));
    const int building_days = static_cast<int>((return_day - start).count());
    // Nothing to stash for: nothing to start. No day left: no start, and no extra session to add (its time
    // today has passed), so no session nor days of it; the stash cannot grow before the return.
    const bool no_day_left = building_days == 0 && s.session_minute;
    const int passed_session = no_day_left ? *s.session_minute : 0;
    if (!s.nothing_to_stash && building_days > 0) s.start = start;
    if (no_day_left) {
        s.session_minute.reset();
        s.per_day.reset();
        s.days_needed.reset();
        s.reachable = false;  // a session was chosen: there is milk to build
    }
    if (s.per_day) {
        s.reachable_by_return = Volume::from_ml(s.per_day->ml() * building_days);
        s.reachable = !s.days_needed || *s.days_needed <= building_days;
    }

    // The estimate is said of the need it makes: none when every away feed's slot is measured (its feeds mostly
    // had an amount, as plan words it), and naming the estimated feeds when only some are.
    std::vector<std::string> estimated;
    for (const Slot& slot : s.away_slots)
        if (slot.estimated) estimated.push_back(format_minute_of_day(slot.minute));
    for (const PlanAdvice& a : learned.advice) {
        if (a.kind != AdviceKind::estimated_intake || estimated.empty()) continue;
        const std::string why = no_amount_words(a, s.basis) + ", so " + estimated_feed_words(intake_words(a, volume));
        if (estimated.size() == s.away_slots.size())
            s.advice.push_back("The need is an estimate: " + why + "." + intake_age_sentence(a));
        else
            s.advice.push_back(fmt::format("The need is partly an estimate: {}. The {} {} {} an estimate; the other "
                                           "feeds are measured (they mostly had an amount).{}",
                                           why, and_list(estimated), estimated.size() == 1 ? "feed" : "feeds",
                                           estimated.size() == 1 ? "is" : "are", intake_age_sentence(a)));
    }
    // Counted at the bottle average (or the average pump), not at the age norm: said too, from the basis.
    if (const std::string how = fill_words(learned); !estimated.empty() && !how.empty()) {
        if (estimated.size() == s.away_slots.size())
            s.advice.push_back("The need is an estimate: " + how + ".");
        else
            s.advice.push_back(fmt::format("The need is partly an estimate: {}. The {} {} {} an estimate; the other "
                                           "feeds are measured (they mostly had an amount).",
                                           how, and_list(estimated), estimated.size() == 1 ? "feed" : "feeds",
                                           estimated.size() == 1 ? "is" : "are"));
    }
    if (s.need_per_day.ml() <= 0)
        s.advice.push_back(fmt::format("No feed falls in your away hours, so {} no stored milk then{}.",
                                       need_of_words(planned_only(s.basis), s.several_babies, "needs", "need"),
                                       s.nothing_to_stash ? ": there is nothing to stash for, and no extra "
                                                            "session is needed"
                                                          : ""));
    // Nothing to stash for is said with the need above; no day left, with the extra session below.
    if (!s.nothing_to_stash && !no_day_left)
        s.advice.push_back(
            fmt::format("Start on {}: the CDC advises starting to pump a few weeks before you return to "
                        "work, to get used to the pump and to build the stash.",
                        day_label(start)));
    std::vector<std::string> usual;
    for (const int m : s.sessions) usual.push_back(format_minute_of_day(m));
    if (s.nothing_to_stash) {
        // No extra session: said with the need above.
    } else if (s.to_build.ml() <= 0) {
        s.advice.push_back(fmt::format("The {} stored already covers the target: no extra session is needed.",
                                       volume(s.stored)));
    } else if (no_day_left) {  // no session to add, nor a second one
        s.advice.push_back(fmt::format(
            "The stash cannot grow before {}: today's best time for an extra session, {}, has passed, and no day "
            "is left to pump the {} more. Start giving stored milk later, or lower the target (--target).",
            day_label(return_day), format_minute_of_day(passed_session), volume(s.to_build)));
    } else if (s.session_minute && s.per_day) {
        s.advice.push_back(fmt::format(
            "Add one pump a day at {}{} (about {} a session){}.", format_minute_of_day(*s.session_minute),
            usual.empty() ? std::string() : fmt::format(", besides the {} you already pump", and_list(usual)),
            volume(*s.per_day),
            s.days_needed ? fmt::format(": {} more takes {}", volume(s.to_build), plural(*s.days_needed, "day"))
                          : std::string()));
        if (!s.reachable) {
            // What the session adds is not the stash: with milk stored already, the stash on the return day is
            // both (450 ml stored and 600 ml added: about 1050 ml, not "about 600 ml"). The sum of the two as
            // shown (whole ml, or 0.1 oz), so that the three numbers add up as read.
            const auto shown = [&](Volume v) {
                if (settings.unit == Unit::ml) return std::round(v.ml());
                return std::round(std::round(v.oz() * 100.0) / 10.0) / 10.0;  // as format_volume_number rounds
            };
            const double in_all = shown(s.stored) + shown(*s.reachable_by_return);
            const std::string stash =
                s.stored.ml() > 0
                    ? fmt::format("add about {} in {}: about {} in all, with the {} stored already",
                                  volume(*s.reachable_by_return), plural(building_days, "day"),
                                  volume(settings.unit == Unit::ml ? Volume::from_ml(in_all) : Volume::from_oz(in_all)),
                                  volume(s.stored))
                    : fmt::format("have about {} in {}", volume(*s.reachable_by_return), plural(building_days, "day"));
            s.advice.push_back(fmt::format("{} more cannot be built by {}: at about {} a day you will {}. Add a second "
                                           "daily session, start giving stored milk later, or lower the target "
                                           "(--target).",
                                           volume(s.to_build), day_label(return_day), volume(*s.per_day), stash));
        }
    } else {
        s.advice.push_back(
            "No pump was logged in the look-back window: log a few pumps (pumplog add 90ml) so the "
            "plan can say which extra session to add and how long the stash takes.");
    }
    return s;
}

}  // namespace pumplog
