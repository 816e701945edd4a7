// Building supply, 2: progress, the parent's pumps judged against the
// milestones. The sources are listed in supply.hpp; every number here names one.
#include <algorithm>

#include <fmt/format.h>

#include "logged_pumps.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

std::string_view verdict_name(SupplyVerdict verdict) {
    switch (verdict) {
        case SupplyVerdict::on_track: return "on_track";
        case SupplyVerdict::behind: return "behind";
        case SupplyVerdict::full_volume: return "full_volume";
        case SupplyVerdict::not_enough_data: return "not_enough_data";
    }
    return "not_enough_data";
}

using std::chrono::hours;

namespace {

std::string basis_day_label(const SupplyDay& d) {
    std::string label = format_date(d.date);
    if (d.day && d.partial) label += fmt::format(" (day {}, so far)", *d.day);
    else if (d.day) label += fmt::format(" (day {})", *d.day);
    else if (d.partial) label += " (today, so far)";
    return label;
}

std::string day_note(const SupplyDay& d, Unit unit) {
    if (d.sessions == 0) return basis_day_label(d) + ": no pumps logged";
    // A session without a volume is unknown, not 0 ml: named, never summed.
    std::string sessions = plural(d.sessions, "session");
    if (d.unmeasured == d.sessions) sessions += d.sessions == 1 ? " without a volume" : ", none with a volume";
    else if (d.unmeasured > 0) sessions += fmt::format(" ({} without a volume)", d.unmeasured);
    const std::string pumped = d.unmeasured == d.sessions ? std::string() : ", " + format_volume(d.pumped, unit);
    return fmt::format("{}: {}{}, {} between 01:00 and 05:00", basis_day_label(d), sessions, pumped,
                       d.night_session ? "one" : "none");
}

// ", not counting 2 sessions without a volume" (empty when every session has one).
std::string not_counting(const SupplyProgress& p) {
    if (p.unmeasured_24h == 0) return {};
    return fmt::format(", not counting {} without a volume", plural(p.unmeasured_24h, "session"));
}

// The sessions of the last 24 hours against the first days' rule: "4 sessions{when} (200 ml), none between 01:00
// and 05:00, where 5 or more sessions a day by day 5 and night pumping go with coming to volume (Mago-Shah et al.
// 2023)", `when` " in the last 24 hours" or "".
std::string sessions_against_rule(const SupplyProgress& p, const std::string& pumped, std::string_view when) {
    return fmt::format("{}{} ({}{}), {} between 01:00 and 05:00, where 5 or more sessions a day by day 5 and night "
                       "pumping go with coming to volume (Mago-Shah et al. 2023)",
                       plural(p.sessions_24h, "session"), when, pumped, not_counting(p),
                       p.night_session ? "one" : "none");
}

// A milestone between two is interpolated (583.3 ml on day 10): "about" a whole ml, not a false tenth.
std::string about(Volume v, Unit unit) { return "about " + format_rounded_volume(v, unit); }

// One piece of advice: its kind, its sentence and the source the sentence cites.
PlanAdvice said(AdviceKind kind, std::string text, std::string_view source) {
    PlanAdvice a;
    a.kind = kind;
    a.text = std::move(text);
    a.source = source;
    return a;
}

// A verdict's advice: the sentence, with the numbers it was judged on.
PlanAdvice verdict(AdviceKind kind, const SupplyProgress& p, std::string text, std::string_view source,
                   std::string_view reason = {}) {
    PlanAdvice a = said(kind, std::move(text), source);
    a.age_days = p.day;
    a.day_unknown = p.day_unknown;
    a.expected = p.pumped_24h;
    a.pumps = p.sessions_24h;
    a.unmeasured = p.unmeasured_24h;
    a.night = p.night_session;
    a.milestone = p.milestone;
    a.reason = reason;
    return a;
}

// Add sessions: the sessions of the last 24 hours, against the aim of 8 a day (Ameda).
PlanAdvice add_sessions(const SupplyProgress& p, std::string text, std::string_view source) {
    PlanAdvice a = said(AdviceKind::add_sessions, std::move(text), source);
    a.pumps = p.sessions_24h;
    a.count = supply_default_sessions;
    return a;
}

// See a lactation consultant: when, and coming to volume (500 ml a day by day 14).
PlanAdvice see_consultant(std::string text, std::string_view when, int day) {
    PlanAdvice a = said(AdviceKind::see_consultant, std::move(text), "Mago-Shah et al. 2023");
    a.reason = when;
    a.age_days = day;
    a.milestone = supply_coming_to_volume;
    return a;
}

// "your first logged pump is 7 hours old, so the last 24 hours hold only what you logged since": the window
// a verdict was judged on when it reaches before the first logged pump.
std::string logged_since(Seconds first_pump, Seconds now) {
    const auto logged = std::chrono::duration_cast<std::chrono::minutes>(now - first_pump);
    const std::string span = logged < hours(1) ? std::string("less than an hour")
                                               : plural(static_cast<int>(logged / hours(1)), "hour");
    return fmt::format("your first logged pump is {} old, so the last 24 hours hold only what you logged since",
                       span);
}

// The verdict when the last 24 hours reach before the first logged pump and what was logged falls short:
// not_enough_data, saying what the logged hours show (`shown`, with its source) and that they are not 24.
// The same caution as sessions without a volume: what was not logged could make up the difference. No
// next steps either: the sessions they would count are the ones the window is missing.
// `partial` names the window (logged_since; on day 0, that it reaches before the birth date).
PlanAdvice logged_too_short(SupplyProgress& p, const std::string& partial, const std::string& shown,
                            std::string_view source) {
    p.verdict = SupplyVerdict::not_enough_data;
    return verdict(AdviceKind::not_enough_data, p,
                   fmt::format("Not enough data: {}: {}. Log every session for a full 24 hours (pumplog log pump "
                               "40ml) to see whether you are on track.",
                               partial, shown),
                   source, "logged_under_24h");
}

// The steps about how often and when (volumes aside).
void session_steps(const SupplyProgress& p, std::vector<PlanAdvice>& advice) {
    if (p.sessions_24h < supply_min_sessions)
        advice.push_back(add_sessions(p, fmt::format(
            "Add sessions: you logged {} in the last 24 hours; 5 or more a day by day 5 go with coming to volume "
            "(Mago-Shah et al. 2023), and 8-10 in 24 hours is the aim (Ameda).",
            p.sessions_24h), "Mago-Shah et al. 2023; Ameda"));
    else if (p.sessions_24h < supply_default_sessions)
        advice.push_back(add_sessions(p, fmt::format(
            "Add {}: you logged {} in the last 24 hours; pump 8-10 times in 24 hours, never more than 5 "
            "hours apart (Ameda).",
            supply_default_sessions - p.sessions_24h == 1
                ? std::string("a session")
                : fmt::format("{} sessions", supply_default_sessions - p.sessions_24h),
            p.sessions_24h), "Ameda"));
    if (!p.night_session)
        advice.push_back(said(
            AdviceKind::add_night_session,
            "Add a night session between 01:00 and 05:00: night pumping goes with coming to volume (Mago-Shah et "
            "al. 2023).",
            "Mago-Shah et al. 2023"));
}

// The concrete next steps when behind (see assess_supply). `came_on`: the first whole local day since the birth
// over 500 ml (coming to volume, Mago-Shah et al. 2023), when one was; `birth` numbers its day.
void next_steps(const SupplyProgress& p, Unit unit, std::vector<PlanAdvice>& advice,
                std::optional<date::sys_days> came_on = std::nullopt, date::sys_days birth = {}) {
    session_steps(p, advice);
    if (p.day < supply_milestones().front().day) return;
    advice.push_back(said(
        AdviceKind::pump_longer,
        "Pump longer and double pump: until 2 minutes after the last drop, or 20-30 minutes a session (Ameda).",
        "Ameda"));
    if (p.day < 8) {
        advice.push_back(
            see_consultant("If you are still behind on day 8, see a lactation consultant.", "if_behind_on_day_8", 8));
    } else if (p.day < supply_coming_to_volume_day) {
        advice.push_back(see_consultant(fmt::format(
            "See a lactation consultant now: the first two weeks decide whether you come to volume, over {} a day "
            "by day 14 (Mago-Shah et al. 2023).",
            format_volume(supply_coming_to_volume, unit)), "now", p.day));
    } else if (p.pumped_24h <= supply_coming_to_volume && came_on) {
        // Come to volume on an earlier day: it was reached, whatever the last 24 hours (never "not yet" again).
        PlanAdvice a = see_consultant(fmt::format(
            "You came to volume, over {} a day (Mago-Shah et al. 2023), first on {} (day {}); a lactation "
            "consultant can help you back up and on to full production.",
            format_volume(supply_coming_to_volume, unit), format_date(*came_on), (*came_on - birth).count()),
            "came_to_volume", p.day);
        a.came_to_volume_on = came_on;
        advice.push_back(a);
    } else if (p.pumped_24h <= supply_coming_to_volume) {
        advice.push_back(see_consultant(fmt::format(
            "See a lactation consultant: you have not come to volume yet, over {} a day by day 14 (Mago-Shah et "
            "al. 2023).",
            format_volume(supply_coming_to_volume, unit)), "not_come_to_volume", p.day));
    } else {
        // The first such whole day named when there is one (JSON came_to_volume_on), as above.
        advice.push_back(see_consultant(fmt::format(
            "You have come to volume, over {} a day (Mago-Shah et al. 2023){}; a lactation consultant can help you "
            "reach full production.",
            format_volume(supply_coming_to_volume, unit),
            came_on ? fmt::format(", first on {} (day {})", format_date(*came_on), (*came_on - birth).count())
                    : std::string()), "came_to_volume", p.day));
        advice.back().came_to_volume_on = came_on;
    }
}

// One whole local day's pumps (falling_supply).
struct WholeDay {
    int sessions = 0;
    int unmeasured = 0;
    Volume pumped;
};

// The pumps of each local day from `first` on (index 0 is `first`), as the basis counts them.
std::vector<WholeDay> whole_days(const std::vector<LoggedPump>& pumps, date::sys_days first, date::sys_days today) {
    std::vector<WholeDay> days(static_cast<std::size_t>(std::max<long>(0, (today - first).count())));
    for (const LoggedPump& pump : pumps) {
        const auto d = date::sys_days(date::floor<date::days>(pump.local).time_since_epoch());
        if (d < first || d >= today) continue;
        WholeDay& day = days[static_cast<std::size_t>((d - first).count())];
        ++day.sessions;
        if (!pump.volume) ++day.unmeasured;
        day.pumped += pump.volume.value_or(Volume{});
    }
    return days;
}

// Coming to volume (Mago-Shah et al. 2023): the first whole local day before today, since the birth, whose
// pumps (those with a volume: a lower bound) add up to over 500 ml.
std::optional<date::sys_days> came_to_volume_on(const std::vector<LoggedPump>& pumps, date::sys_days birth,
                                                date::sys_days today) {
    const std::vector<WholeDay> days = whole_days(pumps, birth, today);
    for (std::size_t i = 0; i < days.size(); ++i)
        if (days[i].pumped > supply_coming_to_volume) return birth + date::days(static_cast<int>(i));
    return std::nullopt;
}

}  // namespace

std::optional<PlanAdvice> falling_supply(const std::vector<Entry>& entries,
                                         const std::optional<date::year_month_day>& birth, const Clock& clock) {
    const date::sys_days today = local_day(clock.now, clock.zone);
    const date::sys_days first = today - date::days(supply_falling_days + supply_falling_lookback);
    const date::sys_days recent = today - date::days(supply_falling_days);
    // Milk taken at the breast is not measured: a falling pumped volume may be the baby feeding more there.
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && e.method == FeedMethod::breast && e.at.instant <= clock.now &&
            local_day(e.at.instant, clock.zone) >= first)
            return std::nullopt;
    std::vector<LoggedPump> pumps = logged_pumps(entries, clock.now);
    // None before the birth (as assess_supply): colostrum expressed before it is no day of this supply.
    if (birth)
        std::erase_if(pumps, [&](const LoggedPump& pump) { return date::floor<date::days>(pump.local) <
                                                                  date::local_days(*birth); });
    const std::vector<WholeDay> days = whole_days(pumps, first, today);
    const auto at = [&](date::sys_days d) -> const WholeDay& {
        return days[static_cast<std::size_t>((d - first).count())];
    };
    // The last 3 whole days: each logged, each with every volume known.
    Volume recent_sum;
    for (date::sys_days d = recent; d < today; d += date::days(1)) {
        if (at(d).sessions == 0 || at(d).unmeasured > 0) return std::nullopt;
        recent_sum += at(d).pumped;
    }
    // The reference: the best mean of 3 consecutive whole days, each with a pump logged, in the week before.
    std::optional<Volume> best;
    date::sys_days best_first{};
    for (date::sys_days d = first; d + date::days(supply_falling_days) <= recent; d += date::days(1)) {
        Volume sum;
        bool logged = true;
        for (int i = 0; i < supply_falling_days; ++i) {
            logged = logged && at(d + date::days(i)).sessions > 0;
            sum += at(d + date::days(i)).pumped;
        }
        const Volume mean = Volume::from_ml(sum.ml() / supply_falling_days);
        if (logged && (!best || mean > *best)) {
            best = mean;
            best_first = d;
        }
    }
    if (!best) return std::nullopt;
    for (date::sys_days d = recent; d < today; d += date::days(1))
        if (at(d).pumped.ml() > supply_falling_share * best->ml()) return std::nullopt;
    PlanAdvice a;
    a.kind = AdviceKind::falling_supply;
    a.need = *best;
    a.expected = Volume::from_ml(recent_sum.ml() / supply_falling_days);
    a.day = best_first;
    a.until_day = today - date::days(1);
    a.source = falling_supply_sources;
    return a;
}

namespace {

// The verdict and its next steps (assess_supply, before the falling supply).
SupplyAssessment judge_supply(const std::vector<Entry>& entries, const std::optional<date::year_month_day>& birth,
                              const Clock& clock, Unit unit, bool several_babies) {
    SupplyAssessment out;
    SupplyProgress& p = out.progress;
    const Seconds now = clock.now;
    const date::sys_days today = local_day(now, clock.zone);
    // The day since birth (0 when unknown: then `birth` is empty).
    const int day = birth ? static_cast<int>((today - date::sys_days(*birth)).count()) : 0;
    p.day = day;
    p.day_unknown = !birth || day < 0;

    std::vector<LoggedPump> pumps = logged_pumps(entries, now);
    // Progress is judged since the birth (pumplog-supply(7): "none before the birth"), as the basis lists it:
    // a pump logged on an earlier date (colostrum expressed before the birth) is no session of this supply.
    // A birth date after today is left to its verdict ("check the birth setting"): nothing is left out for it.
    if (birth && day >= 0)
        std::erase_if(pumps, [&](const LoggedPump& pump) { return date::floor<date::days>(pump.local) <
                                                                  date::local_days(*birth); });
    const Seconds since = now - hours(24);
    for (const LoggedPump& pump : pumps) {
        if (pump.at <= since) continue;
        ++p.sessions_24h;
        if (!pump.volume) ++p.unmeasured_24h;  // unknown, not 0 ml
        p.pumped_24h += pump.volume.value_or(Volume{});
        if (supply_night.contains(minute_of_day(pump.local))) p.night_session = true;
    }
    if (birth && day >= 0) p.milestone = supply_milestone(day);
    for (const Entry& e : entries) {
        if (e.type != EntryType::feed || e.method != FeedMethod::breast || e.at.instant > now ||
            e.at.instant <= now - nursing_window)
            continue;
        ++out.breast_feeds_72h;
        if (e.at.instant > since) ++out.breast_feeds_24h;
        if (!out.last_breast_feed || e.at.instant > *out.last_breast_feed) out.last_breast_feed = e.at.instant;
    }

    const int day_since = day;
    // The basis: the last 7 local days (none before birth), what was logged on each.
    date::sys_days first = today - date::days(6);
    if (birth && date::sys_days(*birth) > first && date::sys_days(*birth) <= today) first = date::sys_days(*birth);
    for (date::sys_days d = first; d <= today; d += date::days(1)) {
        SupplyDay day;
        day.date = d;
        // A birth date after today numbers no day (there is no day -3): the days are listed as without one.
        if (birth && day_since >= 0) day.day = (d - date::sys_days(*birth)).count();
        day.partial = d == today;
        for (const LoggedPump& pump : pumps) {
            if (date::floor<date::days>(pump.local).time_since_epoch() != d.time_since_epoch()) continue;
            ++day.sessions;
            if (!pump.volume) ++day.unmeasured;
            day.pumped += pump.volume.value_or(Volume{});
            if (supply_night.contains(minute_of_day(pump.local))) day.night_session = true;
        }
        out.days.push_back(day);
        out.basis.feeds += day.sessions;
        out.basis.notes.push_back(day_note(day, unit));
    }
    if (birth && day < 0)
        out.basis.notes.push_back(fmt::format("The birth date {} is after today: no day since the birth to count.",
                                              format_date(date::sys_days(*birth))));
    out.basis.days = static_cast<int>(out.days.size());
    out.basis.since = start_of_local_day(first, clock.zone);
    out.basis.until = now;
    // The last 24 hours reach before the first logged pump: pumps before it were not logged, so the
    // window's sessions and volume are certain to fall short of what was pumped (no "behind" from them).
    // On day 0 that is before the birth date (the pumps before it are left out above): 24 hours that began
    // before the birth cannot show 5 sessions a day (Mago-Shah et al. 2023) either.
    const bool short_log = !pumps.empty() && pumps.front().at > since && birth && day >= 0;
    std::string partial;  // what the verdict says of such a window
    if (short_log && day == 0) {
        const std::string born = format_date(date::sys_days(*birth));
        partial = fmt::format("the last 24 hours reach before the birth date {}, so they hold only what you logged "
                              "since",
                              born);
        out.basis.notes.push_back(
            fmt::format("Day 0: the last 24 hours reach before the birth date {}: they hold only the pumps since.",
                        born));
    } else if (short_log) {
        partial = logged_since(pumps.front().at, now);
        out.basis.notes.push_back(fmt::format(
            "Your first logged pump is at {}: the last 24 hours may miss pumps you did not log.",
            format_date_time(pumps.front().at, clock.zone)));
    }

    auto& advice = out.advice;
    const std::string pumped = format_volume(p.pumped_24h, unit);
    // The source's own figures in either unit (Ameda: 25 to 35 oz, 750 to 1050 ml), never a conversion of them.
    const std::string full_range =
        unit == Unit::oz
            ? fmt::format("{}-{} oz a day", supply_full_low_oz, supply_full_high_oz)
            : fmt::format("{}-{} a day", format_volume_number(supply_full_low, unit),
                          format_volume(supply_full_high, unit));

    // Not enough data.
    if (!birth) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(verdict(AdviceKind::not_enough_data, p,
                                 fmt::format("Not enough data: set the {} birth date (pumplog config set birth "
                                             "YYYY-MM-DD) to judge your volume against the milestones for the days "
                                             "since birth (Ru et al. 2020).",
                                             several_babies ? "babies'" : "baby's"),
                                 "Ru et al. 2020", "no_birth"));
        return out;
    }
    if (day < 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(verdict(AdviceKind::not_enough_data, p,
                                 fmt::format("Not enough data: the birth date {} is after today; check the birth "
                                             "setting.",
                                             format_date(date::sys_days(*birth))),
                                 "", "birth_after_today"));
        return out;
    }
    if (p.sessions_24h == 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(verdict(
            AdviceKind::not_enough_data, p,
            "Not enough data: no pumps logged in the last 24 hours; log each session (pumplog log pump 40ml) to see "
            "your progress.",
            "", "no_pumps"));
        return out;
    }

    // Full volume, whatever the day.
    if (p.pumped_24h >= supply_full_low) {
        p.verdict = SupplyVerdict::full_volume;
        PlanAdvice full = verdict(AdviceKind::full_volume, p,
                                  fmt::format("Full volume: {} in the last 24 hours{}; full production is about {} "
                                              "(Ameda).",
                                              pumped, not_counting(p), full_range),
                                  "Ameda");
        full.milestone = supply_full_low;  // full production: 750 ml a day and more (Ameda)
        advice.push_back(full);
        PlanAdvice keep = said(AdviceKind::keep_pumping,
                               fmt::format("Keep pumping 8-10 times in 24 hours, never more than 5 hours apart "
                                           "(Ameda), until {} at the breast; then the plan can follow {} feeds "
                                           "(pumplog config set mode exclusive).",
                                           several_babies ? "the babies feed" : "the baby feeds",
                                           several_babies ? "the babies'" : "the baby's"),
                               "Ameda");
        keep.pumps = p.sessions_24h;
        keep.night = p.night_session;
        // The aim (8 a day, Ameda) only when fewer were logged, as on track (pumplog-supply(7): else null).
        keep.count = p.sessions_24h < supply_default_sessions ? supply_default_sessions : 0;
        advice.push_back(keep);
        return out;
    }

    const SupplyMilestone& first_milestone = supply_milestones().front();
    if (day < first_milestone.day) {
        // Before day 6 the sessions are judged (Mago-Shah et al. 2023: 5 x 5 and night pumping).
        const bool enough = p.sessions_24h >= supply_min_sessions && p.night_session;
        // Feeds at the breast remove milk too: fewer pump sessions are no verdict. Said as the verdict
        // (reason nursing), with no next steps; the plan's nursing_in_supply advice says what the numbers can tell.
        if (!enough && out.breast_feeds_72h > 0) {
            p.verdict = SupplyVerdict::not_enough_data;
            advice.push_back(verdict(
                AdviceKind::not_enough_data, p,
                fmt::format("Not enough data: {}, but {} also fed at the breast, which removes milk too: fewer "
                            "pump sessions cannot show that you are behind.",
                            sessions_against_rule(p, pumped, " in the last 24 hours"),
                            several_babies ? "the babies" : "the baby"),
                "Mago-Shah et al. 2023", "nursing"));
            return out;
        }
        if (!enough && short_log) {
            advice.push_back(logged_too_short(
                p, partial,
                sessions_against_rule(p, pumped, ""),
                "Mago-Shah et al. 2023"));
            return out;
        }
        p.verdict = enough ? SupplyVerdict::on_track : SupplyVerdict::behind;
        advice.push_back(verdict(
            enough ? AdviceKind::on_track : AdviceKind::behind, p,
            fmt::format(
                "{} for day {}: {} in the last 24 hours ({}{}), {} between 01:00 and 05:00; 5 or more sessions a "
                "day by day 5 and night pumping go with coming to volume (Mago-Shah et al. 2023).",
                enough ? "On track" : "Behind", day, plural(p.sessions_24h, "session"), pumped, not_counting(p),
                p.night_session ? "one" : "none"),
            "Mago-Shah et al. 2023"));
        PlanAdvice next = said(AdviceKind::next_milestone,
                               fmt::format("No volume milestone before day 6: the milk comes in over days 3-5; the "
                                           "first milestone is {} a day on day 6 (Ru et al. 2020).",
                                           about(first_milestone.volume, unit)),
                               first_milestone.source);
        next.age_days = first_milestone.day;
        next.milestone = first_milestone.volume;
        advice.push_back(next);
        // On track with fewer sessions than the aim, as from day 6 on: the first days are when it counts.
        if (enough && p.sessions_24h < supply_default_sessions) {
            PlanAdvice keep = said(AdviceKind::keep_pumping,
                                   fmt::format("Work up to 8-10 sessions in 24 hours (Ameda): you logged {} in the "
                                               "last 24 hours.",
                                               p.sessions_24h),
                                   "Ameda");
            keep.pumps = p.sessions_24h;
            keep.night = p.night_session;
            keep.count = supply_default_sessions;
            advice.push_back(keep);
        }
        if (!enough) next_steps(p, unit, advice);
        return out;
    }

    const Volume milestone = *p.milestone;
    const bool exact = std::any_of(supply_milestones().begin(), supply_milestones().end(),
                                   [&](const SupplyMilestone& m) { return m.day == day; });
    const std::string_view reference_source =
        day >= supply_milestones().back().day ? "Ru et al. 2020; Ameda" : "Ru et al. 2020";
    const std::string reference =
        day >= supply_milestones().back().day
            ? fmt::format("{} a day from day 14 (Ru et al. 2020), the lower end of full production (Ameda)",
                          about(milestone, unit))
        : exact ? fmt::format("{} a day on day {} (Ru et al. 2020)", about(milestone, unit), day)
                : fmt::format("{} a day on day {}, between the milestones (Ru et al. 2020)", about(milestone, unit),
                              day);
    if (p.pumped_24h >= milestone) {
        p.verdict = SupplyVerdict::on_track;
        advice.push_back(verdict(
            AdviceKind::on_track, p,
            fmt::format("On track: {} in the last 24 hours{}, at or above {}.", pumped, not_counting(p), reference),
            reference_source));
        const auto next = std::find_if(supply_milestones().begin(), supply_milestones().end(),
                                       [&](const SupplyMilestone& m) { return m.day > day; });
        if (next != supply_milestones().end()) {
            PlanAdvice a = said(AdviceKind::next_milestone,
                                fmt::format("Next: {} a day on day {} ({}).", about(next->volume, unit), next->day,
                                            next->source),
                                next->source);
            a.age_days = next->day;
            a.milestone = next->volume;
            advice.push_back(a);
        }
        // On track with fewer sessions than the aim is no reason to keep fewer: the plan spreads 8 (Ameda).
        const bool fewer = p.sessions_24h < supply_default_sessions;
        const std::string aim =
            fewer ? fmt::format(", and work up to 8-10 sessions in 24 hours (Ameda): you logged {} in the last "
                                "24 hours",
                                p.sessions_24h)
                  : std::string();
        PlanAdvice keep = said(
            AdviceKind::keep_pumping,
            p.night_session && !fewer
                ? fmt::format("Keep {} a day with one between 01:00 and 05:00 (Mago-Shah et al. 2023).",
                              plural(p.sessions_24h, "session"))
            : p.night_session
                ? fmt::format("Keep a session between 01:00 and 05:00 (Mago-Shah et al. 2023){}.", aim)
                : fmt::format("Keep it up with a night session between 01:00 and 05:00: night pumping goes with "
                              "coming to volume (Mago-Shah et al. 2023){}.",
                              aim),
            fewer ? "Mago-Shah et al. 2023; Ameda" : "Mago-Shah et al. 2023");
        keep.pumps = p.sessions_24h;
        keep.night = p.night_session;
        keep.count = fewer ? supply_default_sessions : 0;
        advice.push_back(keep);
        return out;
    }
    // Sessions without a volume are unknown, not 0 ml: the others alone cannot
    // show that the parent is behind. Say what is known and what to log.
    if (p.unmeasured_24h > 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        const int measured = p.sessions_24h - p.unmeasured_24h;
        const std::string known =
            measured == 0
                ? fmt::format("none of the {} in the last 24 hours has a volume logged",
                              plural(p.sessions_24h, "session"))
                : fmt::format("{} of the {} in the last 24 hours {} no volume logged; the other {} add{} up to {}",
                              p.unmeasured_24h, plural(p.sessions_24h, "session"),
                              p.unmeasured_24h == 1 ? "has" : "have", measured, measured == 1 ? "s" : "", pumped);
        // A window that reaches before the first logged pump is named too (as logged_under_24h does).
        advice.push_back(verdict(
            AdviceKind::not_enough_data, p,
            fmt::format(
                "Not enough data: {}{}, against {}. A session without a volume is not 0 ml: log each session's "
                "volume (pumplog log pump 40ml; pumplog log edit REF --amount 40ml for one logged without) to see "
                "whether you are on track.",
                short_log ? partial + "; " : std::string(), known, reference),
            reference_source, "sessions_without_volume"));
        // No session steps from a window missing the pumps before the first logged one: the sessions they
        // would count (and the night one) may be among them, as logged_under_24h gives none.
        if (!short_log) session_steps(p, advice);
        return out;
    }
    // Milk taken at the breast is not measured: the pumped volume alone
    // understates the supply and cannot show it is behind. Said as the verdict (reason nursing), with no next
    // steps; the plan's nursing_in_supply advice says what the numbers can and cannot tell.
    if (out.breast_feeds_72h > 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(verdict(AdviceKind::not_enough_data, p,
                                 fmt::format("Not enough data: {} in the last 24 hours, under {}, but {} also fed "
                                             "at the breast: the pumped milk alone cannot show that you are "
                                             "behind.",
                                             pumped, reference, several_babies ? "the babies" : "the baby"),
                                 reference_source, "nursing"));
        return out;
    }
    if (short_log) {
        advice.push_back(logged_too_short(
            p, partial,
            fmt::format("{} in {}, against {}", pumped, plural(p.sessions_24h, "session"), reference),
            reference_source));
        return out;
    }
    p.verdict = SupplyVerdict::behind;
    advice.push_back(verdict(AdviceKind::behind, p,
                             fmt::format("Behind: {} in the last 24 hours, under {}.", pumped, reference),
                             reference_source));
    next_steps(p, unit, advice, came_to_volume_on(pumps, date::sys_days(*birth), today), date::sys_days(*birth));
    return out;
}

}  // namespace

SupplyAssessment assess_supply(const std::vector<Entry>& entries, const std::optional<date::year_month_day>& birth,
                               const Clock& clock, Unit unit, bool several_babies) {
    SupplyAssessment out = judge_supply(entries, birth, clock, unit, several_babies);
    // A falling supply is named right after the verdict, whatever the verdict: full volume falling by a fifth
    // in a week is as much worth knowing as a supply behind.
    if (auto falling = falling_supply(entries, birth, clock))
        out.advice.insert(out.advice.begin() + (out.advice.empty() ? 0 : 1), std::move(*falling));
    return out;
}

}  // namespace pumplog
