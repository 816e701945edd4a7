// Building supply, 4: the plan, the timetable's pumps on the local days of a
// span with their targets and expected yields. The sources are listed in
// supply.hpp; every number here names one.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "logged_pumps.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/intake.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

using std::chrono::hours;
using std::chrono::minutes;

std::vector<std::optional<Volume>> supply_expected(const SupplyTimetable& timetable, const std::vector<Entry>& entries,
                                                   const Clock& clock) {
    const std::size_t n = timetable.minutes.size();
    std::vector<double> weighted(n, 0.0);
    std::vector<double> weights(n, 0.0);
    for (const LoggedPump& pump : logged_pumps(entries, clock.now)) {
        if (!pump.volume || pump.at <= clock.now - hours(72)) continue;  // the last 3 days
        const int age_days = static_cast<int>((clock.now - pump.at) / hours(24));
        const double weight = std::ldexp(1.0, -age_days);  // each day back counts half
        const int minute = minute_of_day(pump.local);
        std::size_t nearest = n;
        int nearest_distance = 0;
        bool nearest_before = false;
        for (std::size_t i = 0; i < n; ++i) {
            const int d = std::abs(minute - timetable.minutes[i]);
            const int distance = std::min(d, minutes_per_day - d);  // around midnight too
            // Halfway between two sessions, the pump is a late one of the session before it (around
            // midnight too): the same rule for every pair, so 22:30 goes to 21:00 as 01:30 to 00:00.
            const bool before =
                (minute - timetable.minutes[i] + minutes_per_day) % minutes_per_day < minutes_per_day / 2;
            if (nearest == n || distance < nearest_distance ||
                (distance == nearest_distance && before && !nearest_before)) {
                nearest_before = before;
                nearest = i;
                nearest_distance = distance;
            }
        }
        if (nearest == n || nearest_distance > 90) continue;
        weighted[nearest] += weight * pump.volume->ml();
        weights[nearest] += weight;
    }
    std::vector<std::optional<Volume>> expected(n);
    for (std::size_t i = 0; i < n; ++i)
        if (weights[i] > 0) expected[i] = Volume::from_ml(weighted[i] / weights[i]);
    return expected;
}

std::vector<PlannedPump> supply_pumps(const SupplyTimetable& timetable, const std::vector<Entry>& entries,
                                      const std::optional<date::year_month_day>& birth, const Clock& clock, TimeSpan span,
                                      std::vector<std::string>* notes) {
    const std::vector<std::optional<Volume>> expected = supply_expected(timetable, entries, clock);
    const int sessions = static_cast<int>(timetable.minutes.size());

    struct Candidate {
        LocalSeconds wall;  // the wall-clock time the timetable asks for
        Seconds at;
        bool moved = false;  // the wall-clock time does not exist that day
        std::size_t index = 0;
        date::sys_days day;
    };
    std::vector<Candidate> candidates;
    // One local day either side: a span's ends need not fall on midnight.
    const date::sys_days first = local_day(span.begin, clock.zone) - date::days(1);
    const date::sys_days last = local_day(span.end, clock.zone) + date::days(1);
    for (date::sys_days d = first; d <= last; d += date::days(1)) {
        for (std::size_t i = 0; i < timetable.minutes.size(); ++i) {
            const LocalSeconds wall = local_midnight(d) + minutes(timetable.minutes[i]);
            const Seconds at = to_instant(wall, clock.zone);
            candidates.push_back({wall, at, to_local(at, clock.zone) != wall, i, d});
        }
    }
    // A time moved forward out of a skipped hour must stay before the next
    // session; when it does not, the next session takes its place that day.
    std::vector<Candidate> kept;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const Candidate& c = candidates[k];
        if (c.moved && k + 1 < candidates.size() && candidates[k + 1].at <= c.at) {
            if (notes && span.contains(c.at))
                notes->push_back(fmt::format(
                    "On {} the {} session falls in the hour the clocks skip; the {} session takes its place.",
                    format_date(c.day), format_minute_of_day(timetable.minutes[c.index]),
                    format_minute_of_day(timetable.minutes[candidates[k + 1].index])));
            continue;
        }
        kept.push_back(c);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.at < b.at; });

    std::vector<PlannedPump> pumps;
    for (const Candidate& c : kept) {
        if (!span.contains(c.at)) continue;
        PlannedPump pump;
        pump.at = c.at;
        const std::optional<int> day =
            birth ? std::optional<int>((c.day - date::sys_days(*birth)).count()) : std::nullopt;
        const std::optional<Volume> goal = day && *day < 0 ? std::nullopt : supply_daily_goal(day);
        // Whole millilitres, as every target (750 ml over 8 sessions is 94 ml, not 93.8).
        pump.target = goal ? Volume::from_ml(std::round(goal->ml() / sessions)) : Volume{};
        pump.expected = expected[c.index];
        std::vector<std::string> reason;
        if (supply_night.contains(timetable.minutes[c.index]))
            reason.push_back("the night session, 01:00-05:00 (Mago-Shah et al. 2023)");
        if (c.moved)
            reason.push_back(fmt::format("{} does not exist that day", format_minute_of_day(timetable.minutes[c.index])));
        if (!day)
            reason.push_back(fmt::format("full production (Ameda) shared over {} sessions; no birth date set", sessions));
        else if (*day < 0)
            reason.push_back("before the birth date: no volume target");
        else if (!goal)
            reason.push_back(fmt::format("day {}: no volume target before day 6; every session counts", *day));
        else if (*day >= supply_milestones().back().day)
            reason.push_back(fmt::format("day {}: full production (Ameda) shared over {} sessions", *day, sessions));
        else
            reason.push_back(fmt::format("day {}: the milestone (Ru et al. 2020) shared over {} sessions", *day, sessions));
        for (const std::string& part : reason) pump.reason += (pump.reason.empty() ? "" : "; ") + part;
        pumps.push_back(std::move(pump));
    }
    return pumps;
}

Plan supply_plan(const Settings& settings, const std::vector<Entry>& entries, const Clock& clock, TimeSpan span) {
    const SupplyTimetable timetable =
        supply_timetable(settings.sessions, settings.sleep, static_cast<int>(settings.round.count()));
    const bool several_babies = settings.babies.size() >= 2;  // "the babies" (as milestones_unscaled counts them)
    // A birth date after the first feed logged is a slip (the 20th for the 2nd) or a feed on a wrong day: the
    // baby was born by that feed, so the days (the milestones, Ru et al. 2020) count from it, as the other
    // modes count the age (plan_cadence), and the advice names both dates.
    std::optional<date::year_month_day> birth = settings.birth;
    std::optional<date::sys_days> first_feed;
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && feed_counts_against_birth(settings, e.baby)) {
            const date::sys_days d = local_day(e.at.instant, clock.zone);
            first_feed = first_feed ? std::min(*first_feed, d) : d;
        }
    const bool birth_too_late = birth && first_feed && date::sys_days(*birth) > *first_feed;
    if (birth_too_late) birth = date::year_month_day(*first_feed);
    SupplyAssessment assessment = assess_supply(entries, birth, clock, settings.unit, several_babies);
    Plan plan;
    plan.basis = std::move(assessment.basis);
    std::vector<std::string> times;
    for (const int m : timetable.minutes) times.push_back(format_minute_of_day(m));
    plan.basis.notes.insert(plan.basis.notes.begin(),
                            fmt::format("Timetable: {} a day at {}: never more than 5 hours apart (Ameda), one "
                                        "between 01:00 and 05:00 (Mago-Shah et al. 2023).",
                                        plural(settings.sessions, "session"), and_list(times)));
    plan.pumps = supply_pumps(timetable, entries, birth, clock, span, &plan.basis.notes);
    if (birth_too_late) {
        PlanAdvice a;
        a.kind = AdviceKind::note;
        a.birth_after_first_feed = date::sys_days(*settings.birth);
        a.day = *first_feed;
        a.age_days = assessment.progress.day;
        a.several_babies = several_babies;
        a.text = birth_after_first_feed_sentence(*a.birth_after_first_feed, a.day, a.age_days, several_babies);
        a.text.erase(0, a.text.find_first_not_of(' '));  // the sentence follows another in estimated_intake
        plan.advice.push_back(a);
    }
    // The timetable's note: which sessions stay inside the sleep window, and why (its sentence).
    for (const std::string& n : timetable.notes) {
        PlanAdvice a;
        a.kind = AdviceKind::sleep_window;
        a.text = n;
        a.source = "Ameda; Mago-Shah et al. 2023";
        if (settings.sleep) {
            a.window_begin = settings.sleep->begin_min;
            a.window_end = settings.sleep->end_min;
            for (const int m : timetable.minutes)
                if (settings.sleep->contains(m)) a.minutes.push_back(m);
        }
        plan.advice.push_back(a);
    }
    // The schedule pins pump times in the other modes; supply mode's sessions follow its own rules.
    if (!settings.schedule.empty()) {
        PlanAdvice a;
        a.kind = AdviceKind::schedule_not_used;
        a.minutes = settings.schedule;
        std::vector<std::string> pinned;
        for (const int m : settings.schedule) pinned.push_back(format_minute_of_day(m));
        a.text = fmt::format(
            "Supply mode plans its own sessions and does not use the schedule setting ({}): its timetable keeps "
            "its rules (never more than 5 hours apart, one session between 01:00 and 05:00). The schedule pins "
            "the pump times in the away and exclusive modes.",
            and_list(pinned));
        plan.advice.push_back(a);
    }
    if (assessment.breast_feeds_72h > 0) {
        PlanAdvice a;
        a.kind = AdviceKind::nursing_in_supply;
        a.count = assessment.breast_feeds_24h;
        a.breast_72h = assessment.breast_feeds_72h;
        a.at = assessment.last_breast_feed;
        a.expected = assessment.progress.pumped_24h;
        a.pumps = assessment.progress.sessions_24h;
        a.unmeasured = assessment.progress.unmeasured_24h;
        if (assessment.progress.milestone) a.need = *assessment.progress.milestone;
        a.age_days = assessment.progress.day;
        a.several_babies = several_babies;
        plan.advice.push_back(a);
    }
    for (const PlanAdvice& a : assessment.advice) plan.advice.push_back(a);
    // Several babies (SPEC 12): the milestones are the study's mean output
    // (Ru et al. 2020), not given per number of babies; we found no good
    // source of milestones for twins or more, so they are shown unscaled and
    // the plan says so rather than guess a factor.
    if (several_babies) {
        PlanAdvice a;
        a.kind = AdviceKind::milestones_unscaled;
        a.count = static_cast<int>(settings.babies.size());
        a.source = "Ru et al. 2020";
        a.text = fmt::format(
            "The volume milestones are a study's mean output (Ru et al. 2020), not milestones for {} babies; "
            "pumplog knows no good source for those, so it shows them unscaled. Ask a lactation consultant what "
            "volume to aim for.",
            settings.babies.size());
        plan.advice.push_back(a);
    }
    plan.progress = assessment.progress;
    return plan;
}

}  // namespace pumplog
