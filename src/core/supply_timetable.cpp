// Building supply, 1: the daily timetable, a search over the quarter hours (or
// a coarser grid that `round` divides).
// The sources are listed in supply.hpp; every number here names one.
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <limits>

#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

// The day is 96 quarter hours. Quarter hours keep the times easy to read and
// remember, and leave the search small: every placement of the sessions on them
// is tried (a dynamic program per first session), so the result is the best
// there is, not the best a heuristic found.

// The grid: quarter hours, or the least multiple of 15 minutes that `round` divides
// (30 minutes for 2m, 6m and 10m; an hour for 4m, 12m and 20m), so every session
// falls on a multiple of `round` as in the other modes.
struct Grid {
    int step_min = 15;
    int points = minutes_per_day / 15;                   // 96
    int max_gap_steps = supply_max_gap_min / 15;         // 20: 5 hours (Ameda)
    explicit Grid(int round_min) : step_min(std::lcm(15, round_min)) {
        points = minutes_per_day / step_min;
        max_gap_steps = supply_max_gap_min / step_min;
    }
};
constexpr long long inside_weight = 1'000'000;  // over any sum of squared gaps (96^2)
constexpr long long unreachable = std::numeric_limits<long long>::max() / 4;

// The placement with the fewest sessions inside sleep, then the least sum of
// squared gaps, among those with one session in the night window. Starts are
// tried from 03:00 outwards, so among equal placements the night session is the
// one nearest 03:00.
std::vector<int> best_placement(int sessions, const std::vector<bool>& inside, const Grid& grid) {
    const int grid_points = grid.points, max_gap_steps = grid.max_gap_steps;
    std::vector<int> starts;
    for (int p = 0; p < grid_points; ++p)
        if (supply_night.contains(p * grid.step_min)) starts.push_back(p);
    const int middle = (supply_night.begin_min + supply_night.end_min) / 2 / grid.step_min;  // 03:00
    std::stable_sort(starts.begin(), starts.end(),
                     [&](int a, int b) { return std::abs(a - middle) < std::abs(b - middle); });

    long long best_cost = unreachable;
    std::vector<int> best;
    const auto n = static_cast<std::size_t>(sessions);
    // cost[j][r]: least cost of j+1 sessions, the first at the start, the last r
    // quarter hours after it; from[j][r]: where the one before it is.
    const auto points = static_cast<std::size_t>(grid_points);
    std::vector<std::vector<long long>> cost(n, std::vector<long long>(points));
    std::vector<std::vector<int>> from(n, std::vector<int>(points));
    for (const int start : starts) {
        const auto weight = [&](int r) { return inside[static_cast<std::size_t>((start + r) % grid_points)] ? inside_weight : 0; };
        for (auto& row : cost) std::fill(row.begin(), row.end(), unreachable);
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
int longest_inside_run(const std::vector<bool>& inside) {
    const int grid_points = static_cast<int>(inside.size());
    int longest = 0;
    for (int start = 0; start < grid_points; ++start) {
        int run = 0;
        while (run < grid_points && inside[static_cast<std::size_t>((start + run) % grid_points)]) ++run;
        longest = std::max(longest, run);
    }
    return longest;
}

std::string window_text(const DailyWindow& window) { return format_daily_window(window); }

std::string sleep_note(const std::vector<int>& minutes_inside, const std::vector<int>& all, const DailyWindow& sleep,
                       const std::vector<bool>& inside, const Grid& grid) {
    std::vector<std::string> times;
    for (const int m : minutes_inside) times.push_back(format_minute_of_day(m));
    const int count = static_cast<int>(minutes_inside.size());
    std::string sentence = count == 1 ? fmt::format("One session, at {}, stays", times.front())
                                      : fmt::format("{} sessions, at {}, stay", count, and_list(times));
    sentence += fmt::format(" inside your sleep window ({})", window_text(sleep));

    std::vector<std::string> reasons;
    // The gap rule forces a session inside when the quarter hours either side of
    // the window are more than 5 hours apart.
    if (longest_inside_run(inside) + 1 > grid.max_gap_steps) {
        const int length = sleep.begin_min == sleep.end_min
                               ? minutes_per_day
                               : (sleep.end_min - sleep.begin_min + minutes_per_day) % minutes_per_day;
        reasons.push_back(length > supply_max_gap_min
                              ? std::string("sessions should never be more than 5 hours apart (Ameda) and the "
                                            "window is longer than that")
                              : grid.step_min == 15
                                  ? std::string("sessions should never be more than 5 hours apart (Ameda) and the quarter hours "
                                    "either side of the window are further apart than that")
                                  : fmt::format("sessions should never be more than 5 hours apart (Ameda) and the "
                                                "times on the {}-minute grid (round) either side of the window are "
                                                "further apart than that",
                                                grid.step_min));
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

SupplyTimetable supply_timetable(int sessions, const std::optional<DailyWindow>& sleep, int round_min) {
    if (sessions < supply_min_sessions || sessions > supply_max_sessions)
        throw usage_error(fmt::format("sessions takes {} to {} pumps a day, not {}", supply_min_sessions,
                                      supply_max_sessions, sessions));
    const Grid grid(round_min);
    std::vector<bool> inside(static_cast<std::size_t>(grid.points), false);
    if (sleep)
        for (int p = 0; p < grid.points; ++p) inside[static_cast<std::size_t>(p)] = sleep->contains(p * grid.step_min);

    SupplyTimetable timetable;
    for (const int p : best_placement(sessions, inside, grid)) timetable.minutes.push_back(p * grid.step_min);
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
            timetable.notes.push_back(sleep_note(minutes_inside, timetable.minutes, *sleep, inside, grid));
    }
    return timetable;
}


}  // namespace pumplog
