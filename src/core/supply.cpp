// Building supply: the timetable, the milestones, progress and the plan.
// The sources are listed in supply.hpp; every number here names one.
#include "pumplog/supply.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "pumplog/error.hpp"

namespace pumplog {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr int minutes_per_day = 24 * 60;

std::string clock_text(int minute_of_day) {
    return fmt::format("{:02d}:{:02d}", minute_of_day / 60, minute_of_day % 60);
}

std::string window_text(const DailyWindow& window) {
    return clock_text(window.begin_min) + "-" + clock_text(window.end_min);
}

// "03:00", "01:30 and 04:00", "21:00, 01:00 and 04:00".
std::string list_text(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string sessions_text(int count) { return count == 1 ? "1 session" : fmt::format("{} sessions", count); }

// ---- The timetable: a search over the quarter hours ---------------------------
//
// The day is 96 quarter hours. Quarter hours keep the times easy to read and
// remember, and leave the search small: every placement of the sessions on them
// is tried (a dynamic program per first session), so the result is the best
// there is, not the best a heuristic found.

constexpr int grid_min = 15;
constexpr int grid_points = minutes_per_day / grid_min;            // 96
constexpr int max_gap_steps = supply_max_gap_min / grid_min;       // 20: 5 hours (Ameda)
constexpr long long inside_weight = 1'000'000;                     // over any sum of squared gaps (96^2)
constexpr long long unreachable = std::numeric_limits<long long>::max() / 4;

// The placement with the fewest sessions inside sleep, then the least sum of
// squared gaps, among those with one session in the night window. Starts are
// tried from 03:00 outwards, so among equal placements the night session is the
// one nearest 03:00.
std::vector<int> best_placement(int sessions, const std::array<bool, grid_points>& inside) {
    std::vector<int> starts;
    for (int p = 0; p < grid_points; ++p)
        if (supply_night.contains(p * grid_min)) starts.push_back(p);
    const int middle = (supply_night.begin_min + supply_night.end_min) / 2 / grid_min;  // 03:00
    std::stable_sort(starts.begin(), starts.end(),
                     [&](int a, int b) { return std::abs(a - middle) < std::abs(b - middle); });

    long long best_cost = unreachable;
    std::vector<int> best;
    const auto n = static_cast<std::size_t>(sessions);
    // cost[j][r]: least cost of j+1 sessions, the first at the start, the last r
    // quarter hours after it; from[j][r]: where the one before it is.
    std::vector<std::array<long long, grid_points>> cost(n);
    std::vector<std::array<int, grid_points>> from(n);
    for (const int start : starts) {
        const auto weight = [&](int r) { return inside[static_cast<std::size_t>((start + r) % grid_points)] ? inside_weight : 0; };
        for (auto& row : cost) row.fill(unreachable);
        cost[0][0] = weight(0);
        for (std::size_t j = 1; j < n; ++j) {
            for (int r = static_cast<int>(j); r < grid_points; ++r) {
                long long least = unreachable;
                int previous = -1;
                for (int gap = 1; gap <= max_gap_steps && gap <= r; ++gap) {
                    const long long before = cost[j - 1][static_cast<std::size_t>(r - gap)];
                    if (before >= unreachable) continue;
                    const long long c = before + static_cast<long long>(gap) * gap;
                    if (c < least) {
                        least = c;
                        previous = r - gap;
                    }
                }
                if (previous < 0) continue;
                cost[j][static_cast<std::size_t>(r)] = least + weight(r);
                from[j][static_cast<std::size_t>(r)] = previous;
            }
        }
        for (int r = 1; r < grid_points; ++r) {
            const int closing = grid_points - r;  // back to the start, across midnight
            const long long c = cost[n - 1][static_cast<std::size_t>(r)];
            if (closing > max_gap_steps || c >= unreachable) continue;
            const long long total = c + static_cast<long long>(closing) * closing;
            if (total >= best_cost) continue;
            best_cost = total;
            best.assign(n, 0);
            int at = r;
            for (std::size_t j = n - 1; j > 0; --j) {
                best[j] = (start + at) % grid_points;
                at = from[j][static_cast<std::size_t>(at)];
            }
            best[0] = start;
        }
    }
    return best;  // never empty: 5 sessions 19-20 quarter hours apart always fit
}

// The longest run of quarter hours inside the window, around midnight too.
int longest_inside_run(const std::array<bool, grid_points>& inside) {
    int longest = 0;
    for (int start = 0; start < grid_points; ++start) {
        int run = 0;
        while (run < grid_points && inside[static_cast<std::size_t>((start + run) % grid_points)]) ++run;
        longest = std::max(longest, run);
    }
    return longest;
}

std::string sleep_note(const std::vector<int>& minutes_inside, const std::vector<int>& all, const DailyWindow& sleep,
                       const std::array<bool, grid_points>& inside) {
    std::vector<std::string> times;
    for (const int m : minutes_inside) times.push_back(clock_text(m));
    const int count = static_cast<int>(minutes_inside.size());
    std::string sentence = count == 1 ? fmt::format("One session, at {}, stays", times.front())
                                      : fmt::format("{} sessions, at {}, stay", count, list_text(times));
    sentence += fmt::format(" inside your sleep window ({})", window_text(sleep));

    std::vector<std::string> reasons;
    // The gap rule forces a session inside when the quarter hours either side of
    // the window are more than 5 hours apart.
    if (longest_inside_run(inside) + 1 > max_gap_steps) {
        const int length = sleep.begin_min == sleep.end_min
                               ? minutes_per_day
                               : (sleep.end_min - sleep.begin_min + minutes_per_day) % minutes_per_day;
        reasons.push_back(length > supply_max_gap_min
                              ? "sessions should never be more than 5 hours apart (Ameda) and the window is longer "
                                "than that"
                              : "sessions should never be more than 5 hours apart (Ameda) and the quarter hours "
                                "either side of the window are further apart than that");
    }
    // The night rule: every session between 01:00 and 05:00 is inside the window.
    const bool night_outside = std::any_of(all.begin(), all.end(), [&](int m) {
        return supply_night.contains(m) && !sleep.contains(m);
    });
    if (!night_outside)
        reasons.push_back("a session between 01:00 and 05:00 goes with coming to volume (Mago-Shah et al. 2023)");
    if (reasons.empty())  // not expected: the search puts a session inside only for a rule
        reasons.push_back("no gap may be over 5 hours (Ameda) and one session must be between 01:00 and 05:00 "
                          "(Mago-Shah et al. 2023)");
    std::string joined;
    for (const std::string& reason : reasons) joined += (joined.empty() ? "" : "; ") + reason;
    return sentence + ": " + joined + ".";
}

}  // namespace

SupplyTimetable supply_timetable(int sessions, const std::optional<DailyWindow>& sleep) {
    if (sessions < supply_min_sessions || sessions > supply_max_sessions)
        throw usage_error(fmt::format("sessions takes {} to {} pumps a day, not {}", supply_min_sessions,
                                      supply_max_sessions, sessions));
    std::array<bool, grid_points> inside{};
    if (sleep)
        for (int p = 0; p < grid_points; ++p) inside[static_cast<std::size_t>(p)] = sleep->contains(p * grid_min);

    SupplyTimetable timetable;
    for (const int p : best_placement(sessions, inside)) timetable.minutes.push_back(p * grid_min);
    std::sort(timetable.minutes.begin(), timetable.minutes.end());

    if (sleep) {
        std::vector<int> minutes_inside;
        for (const int m : timetable.minutes)
            if (sleep->contains(m)) minutes_inside.push_back(m);
        // Inside times in the order of the night: from the window's start on.
        std::stable_sort(minutes_inside.begin(), minutes_inside.end(), [&](int a, int b) {
            return (a - sleep->begin_min + minutes_per_day) % minutes_per_day <
                   (b - sleep->begin_min + minutes_per_day) % minutes_per_day;
        });
        if (!minutes_inside.empty())
            timetable.notes.push_back(sleep_note(minutes_inside, timetable.minutes, *sleep, inside));
    }
    return timetable;
}

// ---- The milestones ----------------------------------------------------------

const std::vector<SupplyMilestone>& supply_milestones() {
    static const std::vector<SupplyMilestone> table{
        // Ru et al. 2020: mean output met 350 g/d on day 6 (1 g of milk is about 1 ml).
        {6, Volume::from_ml(350), "Ru et al. 2020"},
        // Ru et al. 2020: 500 g/d on day 8.
        {8, Volume::from_ml(500), "Ru et al. 2020"},
        // Ru et al. 2020: close to 750 g/d on day 14; all later means were over 750.
        // Ameda: 750 ml is also the lower end of full production.
        {14, Volume::from_ml(750), "Ru et al. 2020"},
    };
    return table;
}

std::optional<Volume> supply_milestone(int day) {
    const auto& table = supply_milestones();
    if (day < table.front().day) return std::nullopt;  // before day 6: sessions are judged, not volume
    if (day >= table.back().day) return table.back().volume;
    for (std::size_t i = 0; i + 1 < table.size(); ++i) {
        const SupplyMilestone& a = table[i];
        const SupplyMilestone& b = table[i + 1];
        if (day >= a.day && day < b.day) {
            // Between milestones: a straight line from one to the next.
            const double share = static_cast<double>(day - a.day) / (b.day - a.day);
            return Volume::from_ml(a.volume.ml() + share * (b.volume.ml() - a.volume.ml()));
        }
    }
    return table.back().volume;
}

std::optional<Volume> supply_daily_goal(std::optional<int> day) {
    if (!day) return supply_full_low;  // no birth date: full production (Ameda)
    return supply_milestone(*day);
}

std::string_view verdict_name(SupplyVerdict verdict) {
    switch (verdict) {
        case SupplyVerdict::on_track: return "on_track";
        case SupplyVerdict::behind: return "behind";
        case SupplyVerdict::full_volume: return "full_volume";
        case SupplyVerdict::not_enough_data: return "not_enough_data";
    }
    return "not_enough_data";
}

// ---- Progress ----------------------------------------------------------------

namespace {

// A pump as progress sees it.
struct LoggedPump {
    Seconds at;
    LocalSeconds local;  // the wall clock it was logged with
    std::optional<Volume> volume;
};

std::optional<Volume> pump_volume(const Entry& entry) {
    if (entry.ml) return Volume::from_ml(*entry.ml);
    if (entry.left_ml || entry.right_ml) return Volume::from_ml(entry.left_ml.value_or(0) + entry.right_ml.value_or(0));
    return std::nullopt;
}

// The pumps at or before now, by time.
std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now) {
    std::vector<LoggedPump> pumps;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant <= now) pumps.push_back({e.at.instant, e.at.local(), pump_volume(e)});
    std::stable_sort(pumps.begin(), pumps.end(), [](const LoggedPump& a, const LoggedPump& b) { return a.at < b.at; });
    return pumps;
}

int minute_of_day(LocalSeconds local) {
    return static_cast<int>(date::floor<minutes>(local - date::floor<date::days>(local)).count());
}

std::string day_label(const SupplyDay& d) {
    std::string label = format_date(d.date);
    if (d.day && d.partial) label += fmt::format(" (day {}, so far)", *d.day);
    else if (d.day) label += fmt::format(" (day {})", *d.day);
    else if (d.partial) label += " (today, so far)";
    return label;
}

std::string day_note(const SupplyDay& d, Unit unit) {
    if (d.sessions == 0) return day_label(d) + ": no pumps logged";
    return fmt::format("{}: {}, {}, {} between 01:00 and 05:00", day_label(d), sessions_text(d.sessions),
                       format_volume(d.pumped, unit), d.night_session ? "one" : "none");
}

std::string about(Volume v, Unit unit) { return "about " + format_volume(v, unit); }

// The concrete next steps when behind (see assess_supply).
void next_steps(const SupplyProgress& p, Unit unit, std::vector<std::string>& advice) {
    if (p.sessions_24h < supply_min_sessions)
        advice.push_back(fmt::format(
            "Add sessions: you logged {} in the last 24 hours; 5 or more a day by day 5 go with coming to volume "
            "(Mago-Shah et al. 2023), and 8-10 in 24 hours is the aim (Ameda).",
            p.sessions_24h));
    else if (p.sessions_24h < supply_default_sessions)
        advice.push_back(fmt::format(
            "Add a session: you logged {} in the last 24 hours; pump 8-10 times in 24 hours, never more than 5 "
            "hours apart (Ameda).",
            p.sessions_24h));
    if (!p.night_session)
        advice.push_back(
            "Add a night session between 01:00 and 05:00: night pumping goes with coming to volume (Mago-Shah et "
            "al. 2023).");
    if (p.day < supply_milestones().front().day) return;
    advice.push_back(
        "Pump longer and double pump: until 2 minutes after the last drop, or 20-30 minutes a session (Ameda).");
    if (p.day < 8) {
        advice.push_back("If you are still behind on day 8, see a lactation consultant.");
    } else if (p.day < supply_coming_to_volume_day) {
        advice.push_back(fmt::format(
            "See a lactation consultant now: the first two weeks decide whether you come to volume, over {} a day "
            "by day 14 (Mago-Shah et al. 2023).",
            format_volume(supply_coming_to_volume, unit)));
    } else if (p.pumped_24h <= supply_coming_to_volume) {
        advice.push_back(fmt::format(
            "See a lactation consultant: you have not come to volume yet, over {} a day by day 14 (Mago-Shah et "
            "al. 2023).",
            format_volume(supply_coming_to_volume, unit)));
    } else {
        advice.push_back(fmt::format(
            "You have come to volume, over {} a day (Mago-Shah et al. 2023); a lactation consultant can help you "
            "reach full production.",
            format_volume(supply_coming_to_volume, unit)));
    }
}

}  // namespace

SupplyAssessment assess_supply(const std::vector<Entry>& entries, const std::optional<date::year_month_day>& birth,
                               const Clock& clock, Unit unit) {
    SupplyAssessment out;
    SupplyProgress& p = out.progress;
    const Seconds now = clock.now;
    const date::sys_days today = local_day(now, clock.zone);
    // The day since birth (0 when unknown: then `birth` is empty).
    const int day = birth ? static_cast<int>((today - date::sys_days(*birth)).count()) : 0;
    p.day = day;

    const std::vector<LoggedPump> pumps = logged_pumps(entries, now);
    const Seconds since = now - hours(24);
    for (const LoggedPump& pump : pumps) {
        if (pump.at <= since) continue;
        ++p.sessions_24h;
        p.pumped_24h += pump.volume.value_or(Volume{});
        if (supply_night.contains(minute_of_day(pump.local))) p.night_session = true;
    }
    if (birth && day >= 0) p.milestone = supply_milestone(day);
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && e.method == FeedMethod::breast && e.at.instant > since && e.at.instant <= now)
            ++out.breast_feeds_24h;

    // The basis: the last 7 local days (none before birth), what was logged on each.
    date::sys_days first = today - date::days(6);
    if (birth && date::sys_days(*birth) > first && date::sys_days(*birth) <= today) first = date::sys_days(*birth);
    for (date::sys_days d = first; d <= today; d += date::days(1)) {
        SupplyDay day;
        day.date = d;
        if (birth) day.day = (d - date::sys_days(*birth)).count();
        day.partial = d == today;
        for (const LoggedPump& pump : pumps) {
            if (date::floor<date::days>(pump.local).time_since_epoch() != d.time_since_epoch()) continue;
            ++day.sessions;
            day.pumped += pump.volume.value_or(Volume{});
            if (supply_night.contains(minute_of_day(pump.local))) day.night_session = true;
        }
        out.days.push_back(day);
        out.basis.feeds += day.sessions;
        out.basis.notes.push_back(day_note(day, unit));
    }
    out.basis.days = static_cast<int>(out.days.size());
    out.basis.since = start_of_local_day(first, clock.zone);
    out.basis.until = now;
    if (!pumps.empty() && pumps.front().at > since && birth && day > 0)
        out.basis.notes.push_back(fmt::format(
            "Your first logged pump is at {}: the last 24 hours may miss pumps you did not log.",
            format_date_time(pumps.front().at, clock.zone)));

    auto& advice = out.advice;
    const std::string pumped = format_volume(p.pumped_24h, unit);
    const std::string full_range =
        fmt::format("{}-{} a day", format_volume_number(supply_full_low, unit), format_volume(supply_full_high, unit));

    // Not enough data.
    if (!birth) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(
            "Not enough data: set the baby's birth date (pumplog config set birth YYYY-MM-DD) to judge your volume "
            "against the milestones for the days since birth (Ru et al. 2020).");
        return out;
    }
    if (day < 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(fmt::format("Not enough data: the birth date {} is after today; check the birth setting.",
                                     format_date(date::sys_days(*birth))));
        return out;
    }
    if (p.sessions_24h == 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        advice.push_back(
            "Not enough data: no pumps logged in the last 24 hours; log each session (pumplog log pump 40ml) to see "
            "your progress.");
        return out;
    }

    // Full volume, whatever the day.
    if (p.pumped_24h >= supply_full_low) {
        p.verdict = SupplyVerdict::full_volume;
        advice.push_back(fmt::format("Full volume: {} in the last 24 hours; full production is about {} (Ameda).",
                                     pumped, full_range));
        advice.push_back(
            "Keep pumping 8-10 times in 24 hours, never more than 5 hours apart (Ameda), until the baby feeds at "
            "the breast; then the plan can follow the baby's feeds (pumplog config set mode exclusive).");
        return out;
    }

    const SupplyMilestone& first_milestone = supply_milestones().front();
    if (day < first_milestone.day) {
        // Before day 6 the sessions are judged (Mago-Shah et al. 2023: 5 x 5 and night pumping).
        const bool enough = p.sessions_24h >= supply_min_sessions && p.night_session;
        // Feeds at the breast remove milk too: fewer pump sessions are no verdict.
        if (!enough && out.breast_feeds_24h > 0) {
            p.verdict = SupplyVerdict::not_enough_data;
            return out;
        }
        p.verdict = enough ? SupplyVerdict::on_track : SupplyVerdict::behind;
        advice.push_back(fmt::format(
            "{} for day {}: {} in the last 24 hours ({}), {} between 01:00 and 05:00; 5 or more sessions a day by "
            "day 5 and night pumping go with coming to volume (Mago-Shah et al. 2023).",
            enough ? "On track" : "Behind", day, sessions_text(p.sessions_24h), pumped,
            p.night_session ? "one" : "none"));
        advice.push_back(fmt::format(
            "No volume milestone before day 6: the milk comes in over days 3-5; the first milestone is {} a day on "
            "day 6 (Ru et al. 2020).",
            about(first_milestone.volume, unit)));
        if (!enough) next_steps(p, unit, advice);
        return out;
    }

    const Volume milestone = *p.milestone;
    const bool exact = std::any_of(supply_milestones().begin(), supply_milestones().end(),
                                   [&](const SupplyMilestone& m) { return m.day == day; });
    const std::string reference =
        day >= supply_milestones().back().day
            ? fmt::format("{} a day from day 14 (Ru et al. 2020), the lower end of full production (Ameda)",
                          about(milestone, unit))
        : exact ? fmt::format("{} a day on day {} (Ru et al. 2020)", about(milestone, unit), day)
                : fmt::format("{} a day on day {}, between the milestones (Ru et al. 2020)", about(milestone, unit),
                              day);
    if (p.pumped_24h >= milestone) {
        p.verdict = SupplyVerdict::on_track;
        advice.push_back(fmt::format("On track: {} in the last 24 hours, at or above {}.", pumped, reference));
        const auto next = std::find_if(supply_milestones().begin(), supply_milestones().end(),
                                       [&](const SupplyMilestone& m) { return m.day > day; });
        if (next != supply_milestones().end())
            advice.push_back(fmt::format("Next: {} a day on day {} ({}).", about(next->volume, unit), next->day,
                                         next->source));
        advice.push_back(
            p.night_session
                ? fmt::format("Keep {} a day with one between 01:00 and 05:00 (Mago-Shah et al. 2023).",
                              sessions_text(std::max(p.sessions_24h, supply_min_sessions)))
                : std::string("Keep it up with a night session between 01:00 and 05:00: night pumping goes with "
                              "coming to volume (Mago-Shah et al. 2023)."));
        return out;
    }
    // Milk taken at the breast is not measured: the pumped volume alone
    // understates the supply and cannot show it is behind (the plan says so).
    if (out.breast_feeds_24h > 0) {
        p.verdict = SupplyVerdict::not_enough_data;
        return out;
    }
    p.verdict = SupplyVerdict::behind;
    advice.push_back(fmt::format("Behind: {} in the last 24 hours, under {}.", pumped, reference));
    next_steps(p, unit, advice);
    return out;
}

// ---- The plan ----------------------------------------------------------------

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
        for (std::size_t i = 0; i < n; ++i) {
            const int d = std::abs(minute - timetable.minutes[i]);
            const int distance = std::min(d, minutes_per_day - d);  // around midnight too
            if (nearest == n || distance < nearest_distance) {
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
                                      const std::optional<date::year_month_day>& birth, const Clock& clock, Span span,
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
            const LocalSeconds wall = LocalSeconds(d.time_since_epoch()) + minutes(timetable.minutes[i]);
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
            if (notes && c.at >= span.begin && c.at < span.end)
                notes->push_back(fmt::format(
                    "On {} the {} session falls in the hour the clocks skip; the {} session takes its place.",
                    format_date(c.day), clock_text(timetable.minutes[c.index]),
                    clock_text(timetable.minutes[candidates[k + 1].index])));
            continue;
        }
        kept.push_back(c);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.at < b.at; });

    std::vector<PlannedPump> pumps;
    for (const Candidate& c : kept) {
        if (c.at < span.begin || c.at >= span.end) continue;
        PlannedPump pump;
        pump.at = c.at;
        const std::optional<int> day =
            birth ? std::optional<int>((c.day - date::sys_days(*birth)).count()) : std::nullopt;
        const std::optional<Volume> goal = day && *day < 0 ? std::nullopt : supply_daily_goal(day);
        pump.target = goal ? Volume::from_ml(goal->ml() / sessions) : Volume{};
        pump.expected = expected[c.index];
        std::vector<std::string> reason;
        if (supply_night.contains(timetable.minutes[c.index]))
            reason.push_back("the night session, 01:00-05:00 (Mago-Shah et al. 2023)");
        if (c.moved) reason.push_back(fmt::format("{} does not exist that day", clock_text(timetable.minutes[c.index])));
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

Plan supply_plan(const Settings& settings, const std::vector<Entry>& entries, const Clock& clock, Span span) {
    const SupplyTimetable timetable = supply_timetable(settings.sessions, settings.sleep);
    SupplyAssessment assessment = assess_supply(entries, settings.birth, clock, settings.unit);
    Plan plan;
    plan.basis = std::move(assessment.basis);
    std::vector<std::string> times;
    for (const int m : timetable.minutes) times.push_back(clock_text(m));
    plan.basis.notes.insert(plan.basis.notes.begin(),
                            fmt::format("Timetable: {} a day at {}: never more than 5 hours apart (Ameda), one "
                                        "between 01:00 and 05:00 (Mago-Shah et al. 2023).",
                                        sessions_text(settings.sessions), list_text(times)));
    plan.pumps = supply_pumps(timetable, entries, settings.birth, clock, span, &plan.basis.notes);
    const auto note = [](const std::string& text) {
        PlanAdvice a;
        a.kind = AdviceKind::note;
        a.text = text;
        return a;
    };
    for (const std::string& n : timetable.notes) plan.advice.push_back(note(n));
    if (assessment.breast_feeds_24h > 0) {
        PlanAdvice a;
        a.kind = AdviceKind::nursing_in_supply;
        a.count = assessment.breast_feeds_24h;
        a.expected = assessment.progress.pumped_24h;
        a.pumps = assessment.progress.sessions_24h;
        if (assessment.progress.milestone) a.need = *assessment.progress.milestone;
        a.age_days = assessment.progress.day;
        plan.advice.push_back(a);
    }
    for (const std::string& n : assessment.advice) plan.advice.push_back(note(n));
    plan.progress = assessment.progress;
    return plan;
}

std::vector<std::optional<Volume>> supply_milestones_between(date::sys_days first, date::sys_days last,
                                                             const date::year_month_day& birth) {
    std::vector<std::optional<Volume>> out;
    for (date::sys_days day = first; day <= last; day += date::days(1))
        out.push_back(supply_milestone(static_cast<int>((day - date::sys_days(birth)).count())));
    return out;
}

}  // namespace pumplog
