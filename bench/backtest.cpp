// The plan's backtest (issue 17): for every day D with at least 7 days of feed
// history and at least 4 feedings, the plan made at D-1 21:00 in exclusive mode
// (the core functions `pumplog plan --mode exclusive` calls) against what the
// baby did on D, beside two baselines. Prints one markdown table per log.
//
//   build/backtest                 # the shared real log and the synthetic babies
//   build/backtest --smoke         # one small synthetic baby (the ctest smoke test)
//   build/backtest --population N  # N random simulated babies (testbaby::random_baby,
//                                  # seeds 1..N), pooled, with the spread per baby
//   build/backtest --population N --seed-base B  # seeds B+1..B+N: babies no change was tuned on
//   build/backtest --lookback DAYS  # the planner's look-back (the `lookback` setting; default 7)
//   build/backtest --real FILE...  # another family's log alone: exports of any tracker
//                                  # `pumplog log import` reads, or pumplog journals (told by
//                                  # their first line, whatever the file's name);
//                                  # all --real files make one log (Baby Tracker's per-kind CSVs);
//                                  # --from, --date-order, --unit, --child as for import;
//                                  # --zone, the family's zone (default America/Los_Angeles)
//
// What is compared (bench/RESULTS.md says the same in words):
// - feedings, not logged rows: feeds starting within `burst_minutes` of the one
//   before are one feeding (as the cadence counts them);
// - times on the 24-hour circle, matched one to one by the Hungarian method
//   (the least total distance, each distance capped at 3 hours: farther is unmatched);
// - night is 22:00-06:00 by the feed's time of day;
// - volume: days D whose feeds (and D-1's, for the baseline) all carry an amount;
// - pumps: each planned pump's expected yield against the nearest real pump on D.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "baby.hpp"
#include "pumplog/cadence.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/error.hpp"
#include "pumplog/history.hpp"
#include "pumplog/import.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/planner.hpp"

using namespace pumplog;

namespace {

constexpr int day_minutes = 24 * 60;
constexpr double cap_minutes = 180;
bool verbose = false;  // --verbose: each day's slots and feedings on stderr
bool all_days = false;  // --all-days: score incompletely logged days too
bool stability = false;  // --population: each day planned again with one more feed, and with a noisy day
int lookback_days = Settings{}.lookback_days;  // --lookback: the planner's look-back (the `lookback` setting)

struct Log {
    std::string name;
    const date::time_zone* zone = nullptr;
    std::vector<Entry> entries;
};

struct Day {
    std::vector<int> feedings;                 // minutes of the day
    std::vector<double> ml;                    // per feeding (0 when unknown)
    bool all_amounts = true;                   // every feed carries an amount
    double total = 0;                          // the day's volume
    std::vector<std::pair<int, double>> pumps; // minute, ml
};

long local_minute(const Entry& e) {
    return std::chrono::duration_cast<std::chrono::minutes>(e.at.local().time_since_epoch()).count();
}
long day_of(long minute) { return minute >= 0 ? minute / day_minutes : -((-minute + day_minutes - 1) / day_minutes); }

// Times of day predicted for day D as the clock shows them on D: a time the spring-forward night skips (02:30)
// is planned an hour later (03:30, to_instant's reading, where the plan puts its pump and the importers the
// feed), so it is scored there, not as a miss of the feed at 03:30 (review).
std::vector<int> as_placed(std::vector<int> minutes, date::sys_days day, const date::time_zone* zone) {
    for (int& m : minutes)
        m = minute_of_day(to_instant(LocalSeconds(day.time_since_epoch()) + std::chrono::minutes(m), zone), zone);
    return minutes;
}

std::map<long, Day> days_of(const std::vector<Entry>& entries) {
    std::vector<std::pair<long, std::optional<double>>> feeds;
    std::map<long, Day> days;
    for (const Entry& e : entries) {
        if (e.type == EntryType::feed) feeds.emplace_back(local_minute(e), e.ml && *e.ml > 0 ? e.ml : std::nullopt);
        if (e.type == EntryType::pump && e.ml) {
            const long m = local_minute(e);
            days[day_of(m)].pumps.emplace_back(static_cast<int>(m - day_of(m) * day_minutes), *e.ml);
        }
    }
    std::sort(feeds.begin(), feeds.end());
    long previous = std::numeric_limits<long>::min() / 2;
    Day* last = nullptr;
    for (const auto& [m, ml] : feeds) {
        Day& d = days[day_of(m)];
        if (last && m - previous <= burst_minutes) {
            last->ml.back() += ml.value_or(0);
        } else {
            d.feedings.push_back(static_cast<int>(m - day_of(m) * day_minutes));
            d.ml.push_back(ml.value_or(0));
            last = &d;
        }
        if (!ml) last->all_amounts = false;
        last->total += ml.value_or(0);
        previous = m;
    }
    return days;
}

double circle(double a, double b) {
    const double d = std::fmod(std::abs(a - b), day_minutes);
    return std::min(d, day_minutes - d);
}

// The least-cost one-to-one matching (Hungarian method, O(n^3)) of a square
// cost matrix; returns the column of each row.
std::vector<int> hungarian(const std::vector<std::vector<double>>& cost) {
    const int n = static_cast<int>(cost.size());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1), v(n + 1);
    std::vector<int> p(n + 1), way(n + 1);
    for (int i = 1; i <= n; ++i) {
        p[0] = i;
        int j0 = 0;
        std::vector<double> minv(n + 1, inf);
        std::vector<bool> used(n + 1, false);
        do {
            used[j0] = true;
            const int i0 = p[j0];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= n; ++j)
                if (!used[j]) {
                    const double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            for (int j = 0; j <= n; ++j)
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const int j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }
    std::vector<int> of(n, -1);
    for (int j = 1; j <= n; ++j)
        if (p[j] > 0) of[p[j] - 1] = j - 1;
    return of;
}

// For each real feeding, the distance to its matched prediction (cap when none).
std::vector<double> match(const std::vector<int>& predicted, const std::vector<int>& real) {
    const std::size_t n = std::max(predicted.size(), real.size());
    std::vector<std::vector<double>> cost(n, std::vector<double>(n, cap_minutes));
    for (std::size_t i = 0; i < real.size(); ++i)
        for (std::size_t j = 0; j < predicted.size(); ++j)
            cost[i][j] = std::min(cap_minutes, circle(real[i], predicted[j]));
    const std::vector<int> of = hungarian(cost);
    std::vector<double> out;
    for (std::size_t i = 0; i < real.size(); ++i) out.push_back(cost[i][static_cast<std::size_t>(of[i])]);
    return out;
}

bool is_night(int minute) { return minute >= 22 * 60 || minute < 6 * 60; }

struct Score {
    int days = 0;
    int feeds = 0, in30 = 0, in60 = 0;
    int day_feeds = 0, day30 = 0, day60 = 0;
    int night_feeds = 0, night30 = 0, night60 = 0;
    double count_abs = 0, count_bias = 0;
    int volume_days = 0;
    double volume_error = 0;  // sum of |predicted - real| / real
    int pumps = 0;
    double pump_error = 0;  // sum of |expected - nearest real| / real

    void add(const std::vector<int>& predicted, const std::vector<int>& real) {
        ++days;
        const std::vector<double> d = match(predicted, real);
        for (std::size_t i = 0; i < real.size(); ++i) {
            const bool a = d[i] <= 30, b = d[i] <= 60;
            ++feeds, in30 += a, in60 += b;
            if (is_night(real[i]))
                ++night_feeds, night30 += a, night60 += b;
            else
                ++day_feeds, day30 += a, day60 += b;
        }
        const double diff = static_cast<double>(predicted.size()) - static_cast<double>(real.size());
        count_abs += std::abs(diff);
        count_bias += diff;
    }
    void add_volume(double predicted, double real) {
        ++volume_days;
        volume_error += std::abs(predicted - real) / real;
    }
    void add_pump(double expected, double real) {
        ++pumps;
        pump_error += std::abs(expected - real) / real;
    }
    void merge(const Score& o) {
        days += o.days;
        feeds += o.feeds, in30 += o.in30, in60 += o.in60;
        day_feeds += o.day_feeds, day30 += o.day30, day60 += o.day60;
        night_feeds += o.night_feeds, night30 += o.night30, night60 += o.night60;
        count_abs += o.count_abs, count_bias += o.count_bias;
        volume_days += o.volume_days, volume_error += o.volume_error;
        pumps += o.pumps, pump_error += o.pump_error;
    }
};

std::string pct(int a, int b) { return b == 0 ? "-" : fmt::format("{:.1f}%", 100.0 * a / b); }

// SPEC 5 and issue 17 point 4: one more logged feed moves no planned pump by
// more than 15 minutes. Each day is planned again with one more feed, at a
// random time on one of the six days before the evening the plan is made.
struct Stability {
    int trials = 0;
    int count_changed = 0;  // a pump more or fewer
    int moved = 0;          // the same number of pumps, one moved over 15 min
    double worst = 0;       // the largest move (minutes) among those
    void merge(const Stability& o) {
        trials += o.trials, count_changed += o.count_changed, moved += o.moved;
        worst = std::max(worst, o.worst);
    }
    // The plan against the one made with one more feed: each pump matched one
    // to one on the 24-hour circle (a 23:55 pump that becomes 00:05 moved 10 minutes).
    void add(const Plan& before, const Plan& after, const date::time_zone* zone) {
        ++trials;
        if (before.pumps.size() != after.pumps.size()) {
            ++count_changed;
            return;
        }
        const auto minutes_of = [&](const Plan& p) {
            std::vector<int> out;
            for (const PlannedPump& pump : p.pumps) out.push_back(minute_of_day(pump.at, zone));
            return out;
        };
        const std::vector<double> moves = match(minutes_of(after), minutes_of(before));
        const double largest = moves.empty() ? 0 : *std::max_element(moves.begin(), moves.end());
        moved += largest > 15;
        worst = std::max(worst, largest);
    }
    std::string text() const {
        return fmt::format("a pump more or fewer on {} of {} days; otherwise a pump moved over 15 min on {} "
                           "({} days; the largest move {:.0f} min)",
                           pct(count_changed, trials), trials, pct(moved, trials - count_changed), moved, worst);
    }
};

struct Result {
    Score plan, yesterday, even;
    Score pumped;  // the exclusive timetable's pumps on D (rounded, held to the week's) against D's feedings
    Stability stable, away_stable;
    Stability noisy, away_noisy;  // D - 1 logged with up to an hour of noise on each feed
    Stability noisy2, away_noisy2;  // D - 2 logged so instead: the second plan made after the noisy day
    Stability daily, away_daily;  // D's plan against the day before's (the weekday before's, away), by the clock
    int refused = 0;
    int incomplete = 0;  // days D left out as incompletely logged
    std::map<std::string, int> refusals;
    void merge(const Result& o) {
        plan.merge(o.plan), yesterday.merge(o.yesterday), even.merge(o.even), pumped.merge(o.pumped);
        stable.merge(o.stable), away_stable.merge(o.away_stable);
        noisy.merge(o.noisy), away_noisy.merge(o.away_noisy);
        noisy2.merge(o.noisy2), away_noisy2.merge(o.away_noisy2);
        daily.merge(o.daily), away_daily.merge(o.away_daily);
        refused += o.refused, incomplete += o.incomplete;
        for (const auto& [why, n] : o.refusals) refusals[why] += n;
    }
};

Result backtest(const Log& log) {
    Result r;
    const std::map<long, Day> days = days_of(log.entries);
    Settings settings;
    settings.mode = PlanMode::exclusive;
    settings.lookback_days = lookback_days;
    // The birth date, for targets estimated from intake norms on days whose
    // feeds carry no amounts (nursing): the log's first day, as these logs
    // start in the baby's first days (Eva's export begins 2019-12-20).
    if (!log.entries.empty())
        settings.birth = date::year_month_day{local_day(log.entries.front().at.instant, log.zone)};
    std::vector<long> history;  // days with feedings, in order
    // The plans of the day before (pumping exclusively) and of the weekday before (away), to compare with D's.
    std::optional<std::pair<long, Plan>> day_before_plan, weekday_before_plan;
    for (const auto& [d, day] : days) {
        const std::vector<long> before = history;
        if (!day.feedings.empty()) history.push_back(d);
        if (before.size() < 7 || day.feedings.size() < 4) continue;
        // A day logged incompletely (fewer feedings than 60 % of the median
        // of the 7 days before) cannot score a prediction: left out.
        {
            std::vector<std::size_t> n;
            for (std::size_t i = before.size() - 7; i < before.size(); ++i) n.push_back(days.at(before[i]).feedings.size());
            std::sort(n.begin(), n.end());
            if (!all_days && static_cast<double>(day.feedings.size()) < 0.6 * static_cast<double>(n[3])) {
                ++r.incomplete;
                continue;
            }
        }
        const date::sys_days D{date::days(d)};
        const Seconds now = to_instant(LocalSeconds((D - date::days(1)).time_since_epoch()) + std::chrono::hours(21),
                                       log.zone);
        Plan plan;
        try {
            plan = plan_pumps(log.entries, settings, Clock{now, log.zone}, local_days(D, 1, log.zone));
        } catch (const Error& e) {
            ++r.refused;
            std::string why = e.what();
            std::erase_if(why, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
            ++r.refusals[why.substr(0, 60)];
            continue;
        }
        std::vector<int> slot_minutes;
        double predicted_ml = 0;
        for (const Slot& s : plan.slots) {
            slot_minutes.push_back(s.minute);
            predicted_ml += s.amount.ml();
        }
        // The plan's predicted feeds on D are its slots' times (the planner
        // builds the timetable from them alone, so one more logged feed moves
        // no pump by more than its rounding: SPEC 5).
        const std::vector<int> predicted = as_placed(slot_minutes, D, log.zone);
        r.plan.add(predicted, day.feedings);
        {
            std::vector<int> pump_minutes;
            for (const PlannedPump& p : plan.pumps) pump_minutes.push_back(minute_of_day(p.at, log.zone));
            r.pumped.add(pump_minutes, day.feedings);
        }
        if (stability) {
            if (day_before_plan && day_before_plan->first == d - 1)
                r.daily.add(day_before_plan->second, plan, log.zone);
            day_before_plan.emplace(d, plan);
        }
        if (stability) {
            // One more feed, 60 ml, at a random time on one of the six days
            // before D - 1; the plan made again, pumping exclusively (every
            // day) and for a work week's hours away (weekdays).
            std::mt19937 rng(static_cast<unsigned>(d));
            std::vector<Entry> more = log.entries;
            more.push_back(testbaby::feed(log.zone, D - date::days(2 + static_cast<int>(rng() % 6)),
                                          static_cast<int>(rng() % day_minutes), 60.0));
            const Clock clock{now, log.zone};
            const TimeSpan range = local_days(D, 1, log.zone);
            r.stable.add(plan, plan_pumps(more, settings, clock, range), log.zone);
            // One noisy day: each feed of D - 1 (before the plan's evening)
            // logged up to an hour early or late.
            std::vector<Entry> noisy = log.entries;
            const TimeSpan yesterday = local_days(D - date::days(1), 1, log.zone);
            std::uniform_int_distribution<int> shake(-60, 60);
            for (Entry& e : noisy)
                if (e.type == EntryType::feed && yesterday.contains(e.at.instant) && e.at.instant < now)
                    e.at.instant = std::min(now - std::chrono::minutes(1),
                                            e.at.instant + std::chrono::minutes(shake(rng)));
            r.noisy.add(plan, plan_pumps(noisy, settings, clock, range), log.zone);
            // The noisy day the day before (D - 2, all of it): the plan made the evening after is the second
            // made since it, where that day weighs more than it did as the newest.
            std::vector<Entry> noisy2 = log.entries;
            const TimeSpan day_before = local_days(D - date::days(2), 1, log.zone);
            for (Entry& e : noisy2)
                if (e.type == EntryType::feed && day_before.contains(e.at.instant))
                    e.at.instant = std::min(day_before.end - std::chrono::minutes(1),
                                            e.at.instant + std::chrono::minutes(shake(rng)));
            r.noisy2.add(plan, plan_pumps(noisy2, settings, clock, range), log.zone);
            if (date::weekday{D} != date::Saturday && date::weekday{D} != date::Sunday) {
                Settings away = settings;
                away.mode = PlanMode::away;
                away.away = parse_away("mon-fri 08:00-17:30");
                const Plan away_plan = plan_pumps(log.entries, away, clock, range);
                r.away_stable.add(away_plan, plan_pumps(more, away, clock, range), log.zone);
                r.away_noisy.add(away_plan, plan_pumps(noisy, away, clock, range), log.zone);
                r.away_noisy2.add(away_plan, plan_pumps(noisy2, away, clock, range), log.zone);
                const long weekday_before = date::weekday{D} == date::Monday ? d - 3 : d - 1;
                if (weekday_before_plan && weekday_before_plan->first == weekday_before)
                    r.away_daily.add(weekday_before_plan->second, away_plan, log.zone);
                weekday_before_plan.emplace(d, away_plan);
            }
        }
        if (verbose) {
            std::string line = format_date(D) + "  slots:";
            for (int m : slot_minutes) line += fmt::format(" {:02d}:{:02d}", m / 60, m % 60);
            line += "  real:";
            const std::vector<double> dist = match(predicted, day.feedings);
            for (std::size_t i = 0; i < day.feedings.size(); ++i)
                line += fmt::format(" {:02d}:{:02d}{}", day.feedings[i] / 60, day.feedings[i] % 60,
                                    dist[i] > 60 ? "!" : "");
            std::cerr << line << "\n";
        }

        // Yesterday: the last day with feedings before D (D-1 unless it was not logged).
        const long y = before.back();
        const Day& yd = days.at(y);
        r.yesterday.add(as_placed(yd.feedings, D, log.zone), day.feedings);

        // Evenly spaced: the median count of the last 7 days with feedings,
        // from the last feeding before the plan's time.
        std::vector<int> counts;
        for (std::size_t i = before.size() - 7; i < before.size(); ++i)
            counts.push_back(static_cast<int>(days.at(before[i]).feedings.size()));
        std::sort(counts.begin(), counts.end());
        const int n = counts[3];
        // The last feeding before the plan's time (21:00 on D-1), not the
        // last of D-1: the plan cannot know the feeds after it.
        int anchor = -1;
        for (const long b : before)
            for (const int m : days.at(b).feedings)
                if (b < d - 1 || m < 21 * 60) anchor = static_cast<int>(m + (b - (d - 1)) * day_minutes);
        anchor = ((anchor % day_minutes) + day_minutes) % day_minutes;
        std::vector<int> even;
        for (int k = 0; k < n; ++k) even.push_back((anchor + k * day_minutes / n) % day_minutes);
        r.even.add(as_placed(even, D, log.zone), day.feedings);

        const auto it = days.find(d - 1);
        if (day.all_amounts && day.total > 0 && it != days.end() && it->second.all_amounts && it->second.total > 0 &&
            !it->second.feedings.empty()) {
            r.plan.add_volume(predicted_ml, day.total);
            r.yesterday.add_volume(it->second.total, day.total);
            double mean = 0;
            for (const long b : std::vector<long>(before.end() - 7, before.end())) mean += days.at(b).total;
            r.even.add_volume(mean / 7, day.total);
        }
        if (!day.pumps.empty()) {
            const auto nearest = [](const std::vector<std::pair<int, double>>& pumps, int minute) {
                return *std::min_element(pumps.begin(), pumps.end(), [&](const auto& a, const auto& b) {
                    return circle(a.first, minute) < circle(b.first, minute);
                });
            };
            for (const PlannedPump& p : plan.pumps) {
                if (!p.expected) continue;
                const int minute = static_cast<int>(
                    std::chrono::duration_cast<std::chrono::minutes>(to_local(p.at, log.zone) -
                                                                     LocalSeconds(D.time_since_epoch()))
                        .count());
                const double real = nearest(day.pumps, minute).second;
                r.plan.add_pump(p.expected->ml(), real);
                const auto yp = days.find(d - 1);
                if (yp != days.end() && !yp->second.pumps.empty())
                    r.yesterday.add_pump(nearest(yp->second.pumps, minute).second, real);
            }
        }
    }
    return r;
}

// The timetable's steadiness (SPEC 5): the day planned again with one more
// logged feed, and with a noisy day (the day before, and the day before that).
void print_stability(const Result& r) {
    std::cout << fmt::format("The timetable's pumps (pumping exclusively; rounded, held to the week's) against the "
                             "feedings: within 30 min {}, within 60 min {}, night within 60 min {}\n",
                             pct(r.pumped.in30, r.pumped.feeds), pct(r.pumped.in60, r.pumped.feeds),
                             pct(r.pumped.night60, r.pumped.night_feeds));
    std::cout << "One more logged feed (60 ml at a random time on one of the 6 days before the evening the plan is "
                 "made), the day planned again:\n";
    std::cout << fmt::format("- pumping exclusively: {}\n", r.stable.text());
    std::cout << fmt::format("- away mon-fri 08:00-17:30 (weekdays): {}\n", r.away_stable.text());
    std::cout << "One noisy day (each feed of the day before, until the evening the plan is made, logged up to an "
                 "hour early or late), the day planned again:\n";
    std::cout << fmt::format("- pumping exclusively: {}\n", r.noisy.text());
    std::cout << fmt::format("- away mon-fri 08:00-17:30 (weekdays): {}\n", r.away_noisy.text());
    std::cout << "One noisy day two days before (each feed of the day before the evening the plan is made logged up "
                 "to an hour early or late: the second plan made since), the day planned again:\n";
    std::cout << fmt::format("- pumping exclusively: {}\n", r.noisy2.text());
    std::cout << fmt::format("- away mon-fri 08:00-17:30 (weekdays): {}\n", r.away_noisy2.text());
    std::cout << "From one day's timetable to the next (each planned the evening before, by the clock; a rhythm "
                 "that moved moves it too):\n";
    std::cout << fmt::format("- pumping exclusively, the day before's: {}\n", r.daily.text());
    std::cout << fmt::format("- away mon-fri 08:00-17:30, the weekday before's: {}\n", r.away_daily.text());
}

void print(const Log& log, const Result& r) {
    const Score* s[] = {&r.plan, &r.yesterday, &r.even};
    const auto row = [&](std::string_view name, auto f) {
        std::string line = fmt::format("| {} |", name);
        for (const Score* x : s) line += fmt::format(" {} |", f(*x));
        std::cout << line << "\n";
    };
    std::cout << fmt::format("### {}\n\n", log.name);
    std::cout << fmt::format("{} days planned, {} feedings ({} at night); {} days refused by the plan{}; "
                             "{} days left out as incompletely logged\n\n",
                             r.plan.days, r.plan.feeds, r.plan.night_feeds, r.refused,
                             r.refused ? " (left out of every column)" : "", r.incomplete);
    std::cout << "| metric | pumplog | same as yesterday | 7-day median, even |\n"
                 "|---|---:|---:|---:|\n";
    row("feeds within 30 min", [](const Score& x) { return pct(x.in30, x.feeds); });
    row("feeds within 60 min", [](const Score& x) { return pct(x.in60, x.feeds); });
    row("day (06-22) within 30 min", [](const Score& x) { return pct(x.day30, x.day_feeds); });
    row("day (06-22) within 60 min", [](const Score& x) { return pct(x.day60, x.day_feeds); });
    row("night (22-06) within 30 min", [](const Score& x) { return pct(x.night30, x.night_feeds); });
    row("night (22-06) within 60 min", [](const Score& x) { return pct(x.night60, x.night_feeds); });
    row("count error (mean abs)", [](const Score& x) { return fmt::format("{:.2f}", x.count_abs / std::max(1, x.days)); });
    row("count bias (slots - feeds)", [](const Score& x) { return fmt::format("{:+.2f}", x.count_bias / std::max(1, x.days)); });
    row("daily volume error", [](const Score& x) {
        return x.volume_days ? fmt::format("{:.1f}% ({} d)", 100 * x.volume_error / x.volume_days, x.volume_days)
                             : std::string("-");
    });
    row("pump yield error", [](const Score& x) {
        return x.pumps ? fmt::format("{:.1f}% ({} pumps)", 100 * x.pump_error / x.pumps, x.pumps) : std::string("-");
    });
    for (const auto& [why, n] : r.refusals) std::cout << fmt::format("\nrefused {} x: {}...", n, why);
    std::cout << "\n";
}

// A family's log from other trackers' exports (what `pumplog log import`
// reads: Baby Buddy, Huckleberry, Baby Tracker, Baby Connect; the format found
// in each file unless --from names it) or from pumplog journals (.jsonl):
// all the files given make one log.
struct LogFiles {
    std::vector<std::string> paths;
    std::string zone = "America/Los_Angeles";
    ImportOptions import;
};

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A pumplog journal, whatever its name: its first line that is not blank is a
// journal entry (an export's first line is a CSV header).
bool is_journal(std::string_view content) {
    for (std::size_t pos = 0; pos < content.size();) {
        const std::size_t end = std::min(content.find('\n', pos), content.size());
        std::string_view line = content.substr(pos, end - pos);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (!line.empty()) {
            Entry e;
            std::string error;
            return parse_entry_line(line, e, error);
        }
        pos = end + 1;
    }
    return false;
}

Log read_log(const LogFiles& files) {
    Log log;
    log.zone = locate_zone(files.zone);
    ImportOptions options = files.import;
    options.zone = log.zone;
    options.now = Seconds(date::sys_days(date::year(2100) / 1 / 1));
    std::vector<SourceFile> exports;
    for (const std::string& path : files.paths) {
        std::string content = read_whole(path);
        if (is_journal(content)) {
            for (Entry& e : load_history(Journal(path), ReplayOptions{}).entries) log.entries.push_back(std::move(e));
        } else {
            exports.push_back({path, std::move(content)});
        }
    }
    if (!exports.empty())
        for (const ImportedEntry& e : read_import(exports, options).entries) log.entries.push_back(e.entry());
    std::stable_sort(log.entries.begin(), log.entries.end(),
                     [](const Entry& a, const Entry& b) { return a.at.instant < b.at.instant; });
    return log;
}

// Twins (SPEC 12): two simulated babies of the bottle family's kind, each with
// its own noise, Ben fed about 25 minutes after Ada and one feed fewer at
// night. The plan learns each baby's cadence and joins them into one day;
// it is scored against the day's feedings of both, where feeds of the two
// within a burst are one feeding (one pump covers them), as in the plan.
Log twins_log(const date::time_zone* zone, date::sys_days first) {
    testbaby::SimBaby ada = testbaby::sim_families().front().baby;
    ada.days = 90;
    testbaby::SimBaby ben = ada;
    ben.seed = ada.seed + 100;
    for (auto& slot : ben.slots) slot.minute += 25;
    ben.slots.erase(ben.slots.begin());  // no 00:30 feed
    Log log{"synthetic: twins (Ada, and Ben about 25 min later), scored on the joined day", zone, {}};
    for (auto [baby, name] : {std::pair{&ada, "Ada"}, std::pair{&ben, "Ben"}})
        for (Entry e : testbaby::simulate(*baby, zone, first)) {
            if (e.type == EntryType::feed) e.baby = name;
            log.entries.push_back(std::move(e));
        }
    std::stable_sort(log.entries.begin(), log.entries.end(),
                     [](const Entry& a, const Entry& b) { return a.at.instant < b.at.instant; });
    return log;
}

// The pooled scores of `n` random babies, then the spread per baby of what
// issue 17 asks: the points over yesterday's times (all feeds, and at night
// where a baby has 20 night feedings or more), the count bias, the volume error.
// False when no day of any baby was planned (a broken planner or generator).
bool population(int n, int seed_base, const date::time_zone* zone, date::sys_days first) {
    Result pooled;
    std::vector<double> gain, night_gain, bias;
    int volume_babies = 0, volume_worse = 0;
    for (int seed = seed_base + 1; seed <= seed_base + n; ++seed) {
        const testbaby::SimBaby b = testbaby::random_baby(static_cast<unsigned>(seed));
        const Result r = backtest({fmt::format("random baby {}", seed), zone, testbaby::simulate(b, zone, first)});
        pooled.merge(r);
        if (r.plan.feeds == 0) continue;
        const auto share = [](int a, int of) { return 100.0 * a / of; };
        gain.push_back(share(r.plan.in60, r.plan.feeds) - share(r.yesterday.in60, r.yesterday.feeds));
        if (r.plan.night_feeds >= 20)
            night_gain.push_back(share(r.plan.night60, r.plan.night_feeds) -
                                 share(r.yesterday.night60, r.yesterday.night_feeds));
        bias.push_back(r.plan.count_bias / r.plan.days);
        if (r.plan.volume_days > 0 && r.yesterday.volume_days > 0) {
            ++volume_babies;
            volume_worse +=
                r.plan.volume_error / r.plan.volume_days > r.yesterday.volume_error / r.yesterday.volume_days;
        }
        if (verbose)
            std::cerr << fmt::format("random baby {}: {} feeds a day, jitter {:.0f} min: within 60 {:+.1f} points, "
                                     "night {}, bias {:+.2f}\n",
                                     seed, b.slots.size(), b.jitter, gain.back(),
                                     r.plan.night_feeds >= 20 ? fmt::format("{:+.1f}", night_gain.back()) : "-",
                                     bias.back());
    }
    print({fmt::format("population: {} random simulated babies (seeds {}-{}), pooled", n, seed_base + 1, seed_base + n),
           zone, {}},
          pooled);
    const auto spread = [](std::vector<double> v, std::string_view unit) {
        if (v.empty()) return std::string("-");
        std::sort(v.begin(), v.end());
        const auto at = [&](double q) {
            return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
        };
        return fmt::format("min {:+.1f}{u}, 10% {:+.1f}{u}, median {:+.1f}{u}, 90% {:+.1f}{u}, max {:+.1f}{u}",
                           v.front(), at(0.1), at(0.5), at(0.9), v.back(), fmt::arg("u", unit));
    };
    const auto count_if = [](const std::vector<double>& v, auto f) { return std::count_if(v.begin(), v.end(), f); };
    std::cout << fmt::format(
        "\nPer baby, pumplog minus yesterday within 60 min: {} ({} of {} babies at +10 or more, {} below 0)\n",
        spread(gain, " pt"), count_if(gain, [](double g) { return g >= 10; }), gain.size(),
        count_if(gain, [](double g) { return g < 0; }));
    std::cout << fmt::format("Night (22-06), babies with 20 night feedings or more: {} ({} of {} at +5 or more)\n",
                             spread(night_gain, " pt"), count_if(night_gain, [](double g) { return g >= 5; }),
                             night_gain.size());
    std::cout << fmt::format("Count bias (slots - feeds a day): {} ({} of {} babies within 0.2)\n", spread(bias, ""),
                             count_if(bias, [](double x) { return std::abs(x) <= 0.2; }), bias.size());
    std::cout << fmt::format("Daily volume error above yesterday's on {} of {} babies with amounts\n", volume_worse,
                             volume_babies);
    print_stability(pooled);
    return static_cast<int>(bias.size()) == n;
}

// `text` as a whole number from `low` to `high` into `out`; false (and `out`
// as it was) otherwise.
bool whole_number(const std::string& text, int low, int high, int& out) {
    int n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc{} || end != text.data() + text.size() || n < low || n > high) return false;
    out = n;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // The shared log sits beside the project's checkout (or beside its worktrees' folder).
    std::string shared = PUMPLOG_SOURCE_DIR "/../shared/data/real/baby-connect-eva.csv";
    if (!std::ifstream(shared)) shared = PUMPLOG_SOURCE_DIR "/../../shared/data/real/baby-connect-eva.csv";
    if (const char* s = std::getenv("PUMPLOG_REAL_LOG")) shared = s;
    LogFiles files;
    bool smoke = false;
    int population_size = 0;
    int seed_base = 0;  // --seed-base: the population's seeds start after it (held-out babies)
    const char* usage =
        "usage: backtest [--smoke] [--verbose] [--all-days] [--stability] [--lookback DAYS]\n"
        "                [--population N [--seed-base B]] [--real FILE]... [--from FORMAT] [--date-order ORDER]\n"
        "                [--unit ml|oz] [--child NAME] [--zone ZONE]\n";
    // A usage error: one line and the usage, exit 2.
    const auto refuse = [&](std::string_view message) {
        std::cerr << "backtest: " << message << "\n" << usage;
        return 2;
    };
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const bool has_value = i + 1 < args.size();
            if (args[i] == "--smoke") smoke = true;
            else if (args[i] == "--verbose") verbose = true;
            else if (args[i] == "--all-days") all_days = true;
            else if (args[i] == "--stability") stability = true;
            else if (args[i] == "--population" && has_value) {
                if (!whole_number(args[++i], 1, 1000000, population_size))
                    return refuse("--population takes a number of babies, 1 or more");
            }
            else if (args[i] == "--seed-base" && has_value) {
                if (!whole_number(args[++i], 0, 1000000000, seed_base))
                    return refuse("--seed-base takes a number, 0 or more");
            }
            else if (args[i] == "--lookback" && has_value) {
                if (!whole_number(args[++i], 3, 60, lookback_days))
                    return refuse("--lookback takes a number of days, 3 to 60 (as the setting)");
            }
            else if (args[i] == "--real" && has_value) files.paths.push_back(args[++i]);
            else if (args[i] == "--zone" && has_value) files.zone = args[++i];
            else if (args[i] == "--from" && has_value) files.import.from = parse_import_format(args[++i]);
            else if (args[i] == "--date-order" && has_value) files.import.date_order = parse_date_order(args[++i]);
            else if (args[i] == "--unit" && has_value) files.import.unit = parse_unit(args[++i]);
            else if (args[i] == "--child" && has_value) files.import.child = args[++i];
            else {
                std::cerr << usage;
                return 2;
            }
        }
        const bool given = !files.paths.empty();
        if (!given) {  // the shared log, as exported: Baby Connect, month first
            files.paths = {shared};
            files.import.from = ImportFormat::babyconnect;
            files.import.date_order = DateOrder::mdy;
        }
        const date::time_zone* berlin = locate_zone("Europe/Berlin");
        const date::sys_days first = testbaby::day_of(2026, 3, 2);
        std::vector<Log> logs;
        if (population_size > 0) {
            stability = true;
            return population(population_size, seed_base, berlin, first) ? 0 : 1;
        }
        if (smoke) {
            testbaby::SimBaby b = testbaby::sim_families().front().baby;
            b.days = 12;
            logs.push_back({"smoke: 12 days of a synthetic baby", berlin, testbaby::simulate(b, berlin, first)});
        } else {
            if (given || std::ifstream(shared)) {
                Log log = read_log(files);
                std::string names;
                for (const std::string& path : files.paths)
                    names += (names.empty() ? "" : ", ") + path.substr(path.find_last_of('/') + 1);
                log.name = (given ? "real log: " : "shared real log: ") + names + " (" + files.zone + ")";
                logs.push_back(std::move(log));
            } else {
                std::cerr << "backtest: no real log at " << shared << " (set PUMPLOG_REAL_LOG); synthetic babies only\n";
            }
            // Given logs are scored alone; the synthetic babies come with the shared one.
            if (!given) {
                for (const auto& f : testbaby::sim_families())
                    logs.push_back({f.name, berlin, testbaby::simulate(f.baby, berlin, first)});
                logs.push_back(twins_log(berlin, first));
                for (const auto& f : testbaby::more_families())
                    logs.push_back({f.name, berlin, testbaby::simulate(f.baby, berlin, first)});
            }
        }
        for (const Log& log : logs) {
            const Result r = backtest(log);
            print(log, r);
            if (stability) print_stability(r);
            std::cout << "\n";
            if (smoke && r.plan.days == 0) return 1;
        }
    } catch (const Error& e) {
        std::cerr << "backtest: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
