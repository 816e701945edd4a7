#include "pumplog/cadence.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

constexpr int day_minutes = 24 * 60;
// Slots nearer than this may be one drifting feed split in two.
constexpr double split_minutes = 90;
// A feeding farther than this from a slot's centre is not part of it.
constexpr double slot_reach_minutes = 120;
// A slot "catches" a feeding this close (a pump within an hour of the feed).
constexpr int catch_minutes = 60;
// A slot beyond the typical count of feedings must be seen on this share of days.
constexpr double strong_support = 0.6;
// ... and, when the count was rounded up, on this share of them counted plainly.
constexpr double steady_share = 0.8;
// A slot whose last this many days seen each sit more than `trim_minutes` to
// the same side of the median of the days before has moved (a new rhythm is
// followed within three days): its time is learned from the days within
// `trim_minutes` of the recent days' median.
constexpr std::size_t moved_days = 3;
constexpr double trim_minutes = 45;
// The times tried for a slot: every this many minutes.
constexpr int seed_step = 5;
// A slot counts as due on the day being learned only this long before `until`.
constexpr int partial_day_margin = 30;
// A whole day with fewer feedings than this share of the median day looks
// incompletely logged: it weighs this much of a full day.
constexpr double incomplete_share = 0.6;
constexpr double incomplete_weight = 0.1;
// The day being planned from counts toward the day's volume once this share
// of a day's milk is usually drunk by its time.
constexpr double most_of_a_day = 0.6;

// One feeding: a feed, or a burst of feeds merged into the first.
struct Feeding {
    long local_minute = 0;  // local minutes since the epoch (the time as written)
    long day = 0;           // local calendar day (days since the epoch)
    int minute = 0;         // minute of the local day
    double ml = 0;
    bool filled = false;     // a part had no amount (learn_cadence's fill_for): it counts what such a feed does
    bool measured = false;   // a part had an amount
    double weight = 1;       // its day's: recency (day_decay), less for an incompletely logged day
    double time_weight = 1;  // the same with time_decay (and newest_time_share): what its time weighs in where
                             // the slots are
    double sine = 0, cosine = 0;  // of `minute` as an angle (minute_trig), computed once
};

// std::pow(decay, age): its values for the usual ages computed once, on first use.
template <const double& decay>
double decayed(long age) {
    static const std::array<double, 64> recent = [] {
        std::array<double, 64> table{};
        for (std::size_t n = 0; n < table.size(); ++n) table[n] = std::pow(decay, static_cast<double>(n));
        return table;
    }();
    if (age >= 0 && age < static_cast<long>(recent.size())) return recent[static_cast<std::size_t>(age)];
    return std::pow(decay, static_cast<double>(age));
}

double weight_of(long day, long last_day) { return decayed<day_decay>(std::max(0L, last_day - day)); }

long floor_div(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// std::fmod(m, day_minutes): under a day, m itself (inline: the usual case);
// wider, wide_minute_remainder.
inline double minute_remainder(double m) {
    if (m > -day_minutes && m < day_minutes) return m;
    return wide_minute_remainder(m);
}

// std::abs(circular_minutes(a, b)), with one branch the compiler can drop for
// the usual |a - b| up to a day: that gives d = |a - b| itself up to half a
// day, else day_minutes - d (the same sum as circular_minutes' wrap, so the
// same rounding; at a whole day both give 0).
inline double circular_distance(double a, double b) {
    const double d = std::abs(a - b);
    if (d > day_minutes) return std::abs(circular_minutes(a, b));
    return d > day_minutes / 2.0 ? day_minutes - d : d;
}

double normalize_minute(double m) {
    m = minute_remainder(m);
    return m < 0 ? m + day_minutes : m;
}

// The weighted q-quantile of (value, weight) pairs (the mean of the two
// middle values when the weight splits exactly there). Sorts `values`.
double weighted_quantile(std::vector<std::pair<double, double>>& values, double q) {
    std::sort(values.begin(), values.end());
    double total = 0;
    for (const auto& v : values) total += v.second;
    const double mark = total * q;
    double acc = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        acc += values[i].second;
        if (acc > mark + 1e-9) return values[i].first;
        if (std::abs(acc - mark) <= 1e-9 && i + 1 < values.size()) return (values[i].first + values[i + 1].first) / 2;
    }
    return values.empty() ? 0 : values.back().first;
}

double weighted_median(std::vector<std::pair<double, double>>& values) { return weighted_quantile(values, 0.5); }

// The weighted interquartile mean of (value, weight) pairs: the mean of the
// values over the middle half of the total weight, [1/4, 3/4], each weighing
// the part of its weight inside it. Sorts `values`.
double interquartile_mean(std::vector<std::pair<double, double>>& values) {
    std::sort(values.begin(), values.end());
    double total = 0;
    for (const auto& v : values) total += v.second;
    const double low = total / 4, high = total * 3 / 4;
    double below = 0, sum = 0, inside = 0;
    for (const auto& [v, w] : values) {
        const double part = std::max(0.0, std::min(below + w, high) - std::max(below, low));
        sum += part * v;
        inside += part;
        below += w;
    }
    return inside > 0 ? sum / inside : 0;
}

double weighted_mean(const std::vector<std::pair<double, double>>& values) {
    double sum = 0, total = 0;
    for (const auto& [v, w] : values) {
        sum += v * w;
        total += w;
    }
    return total > 0 ? sum / total : 0;
}

// A minute of the day as an angle: its sine and cosine.
std::pair<double, double> minute_trig(double m) {
    const double a = m / day_minutes * 2 * std::numbers::pi;
    return {std::sin(a), std::cos(a)};
}

// The minute of the day of summed (weighted) sines and cosines.
double mean_minute(double s, double c) {
    return normalize_minute(std::atan2(s, c) / (2 * std::numbers::pi) * day_minutes);
}

// The weighted circular mean of minutes of the day.
double circular_mean(const std::vector<std::pair<double, double>>& minutes) {
    double s = 0, c = 0;
    for (const auto& [m, w] : minutes) {
        const auto [sine, cosine] = minute_trig(m);
        s += w * sine;
        c += w * cosine;
    }
    return mean_minute(s, c);
}

// Adds centres in the widest gaps until there are `k`.
void fill_gaps(std::vector<double>& centres, int k) {
    while (static_cast<int>(centres.size()) < k) {
        std::vector<double> sorted = centres;
        std::sort(sorted.begin(), sorted.end());
        if (sorted.empty()) {
            centres.push_back(0);
            continue;
        }
        double best_gap = -1, best_mid = 0;
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const double a = sorted[i];
            const double b = i + 1 < sorted.size() ? sorted[i + 1] : sorted[0] + day_minutes;
            if (b - a > best_gap) {
                best_gap = b - a;
                best_mid = normalize_minute((a + b) / 2);
            }
        }
        centres.push_back(best_mid);
    }
}

// The centre nearest `minute` by circular_distance, the lowest index on a tie.
std::pair<std::size_t, double> nearest_centre(double minute, const std::vector<double>& centres) {
    std::size_t best = 0;
    double best_distance = circular_distance(minute, centres[0]);
    for (std::size_t c = 1; c < centres.size(); ++c) {
        const double distance = circular_distance(minute, centres[c]);
        if (distance < best_distance) {
            best = c;
            best_distance = distance;
        }
    }
    return {best, best_distance};
}

// nearest_centre for many minutes against the same centres, measuring only the few that can be nearest.
// With the centres in order on [0, day_minutes], circular_distance from a minute falls toward it from each
// side (its rounding too: a subtraction rounds monotonically) and, past half a day, rises toward the far
// side of the circle: the nearest below the minute is the last centre below it, or the first when that is
// over half a day away (nearer round the other way); above, the first at or above it, or the last. Those
// as near lie next to them, and are as near only when their times differ by a rounding (under 1e-12 minutes)
// or when one is on the near side and the other the far (then it is also next to the far end's nearest).
// Centres off that range are measured one by one (nearest_centre).
class NearestCentre {
public:
    explicit NearestCentre(const std::vector<double>& centres) : centres_(centres) {
        ordered_ = std::all_of(centres.begin(), centres.end(), [](double c) { return c >= 0 && c <= day_minutes; });
        if (!ordered_) return;
        order_.resize(centres.size());
        for (std::size_t c = 0; c < order_.size(); ++c) order_[c] = c;
        std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return centres[a] < centres[b] || (centres[a] == centres[b] && a < b);
        });
        values_.reserve(order_.size());
        for (const std::size_t c : order_) values_.push_back(centres[c]);
        close_.assign(values_.size(), 0);
        for (std::size_t s = 1; s < values_.size(); ++s) close_[s] = values_[s] - values_[s - 1] <= 1e-9;
    }

    // How many centres lie below `minute`, counted on from `below`, the count for a minute before it
    // (the minutes asked in order).
    std::size_t below(double minute, std::size_t below) const {
        while (below < values_.size() && values_[below] < minute) ++below;
        return below;
    }

    // nearest_centre(minute, centres); `below`: below(minute, ...).
    [[gnu::always_inline]] std::pair<std::size_t, double> operator()(double minute, std::size_t below) const {
        if (!ordered_) return nearest_centre(minute, centres_);
        constexpr double none = std::numeric_limits<double>::infinity();
        const std::size_t j = below, n = values_.size();
        const auto distance = [&](std::size_t s) { return circular_distance(minute, values_[s]); };
        double before = none, first = none, after = none, last = none;
        if (j > 0) {
            before = distance(j - 1);
            if (minute - values_[0] > day_minutes / 2.0) first = distance(0);
        }
        if (j < n) {
            after = distance(j);
            if (values_[n - 1] - minute > day_minutes / 2.0) last = distance(n - 1);
        }
        const double least = std::min(std::min(before, after), std::min(first, last));
        // The lowest index of the centres that near, from each end that is, inward while they are.
        std::size_t best = centres_.size();
        if (before == least)
            for (std::size_t s = j - 1;; --s) {
                best = std::min(best, order_[s]);
                if (s == 0 || !close_[s] || distance(s - 1) != least) break;
            }
        if (first == least)
            for (std::size_t s = 0;; ++s) {
                best = std::min(best, order_[s]);
                if (s + 1 == j || !close_[s + 1] || distance(s + 1) != least) break;
            }
        if (after == least)
            for (std::size_t s = j;; ++s) {
                best = std::min(best, order_[s]);
                if (s + 1 == n || !close_[s + 1] || distance(s + 1) != least) break;
            }
        if (last == least)
            for (std::size_t s = n - 1;; --s) {
                best = std::min(best, order_[s]);
                if (s == j || !close_[s] || distance(s - 1) != least) break;
            }
        return {best, least};
    }

private:
    const std::vector<double>& centres_;
    bool ordered_ = false;
    std::vector<std::size_t> order_;  // the centres' indexes by value (then index)
    std::vector<double> values_;      // their values in that order
    std::vector<char> close_;         // close_[s]: values_[s] within 1e-9 of the one before
};

// Weighted k-means on the circle; returns each feeding's cluster, or -1 for a
// feeding farther than `slot_reach_minutes` from every centre (an occasional
// feed that would pull a slot's time and amount).
std::vector<int> cluster(const std::vector<Feeding>& feedings, std::vector<double>& centres) {
    std::vector<int> of(feedings.size(), -1);
    std::vector<double> sin_sum(centres.size()), cos_sum(centres.size());
    std::vector<bool> has(centres.size());
    // The feedings by minute of the day, each iteration's nearest centres found in that order.
    std::vector<std::size_t> by_minute(feedings.size());
    for (std::size_t i = 0; i < by_minute.size(); ++i) by_minute[i] = i;
    std::stable_sort(by_minute.begin(), by_minute.end(),
                     [&](std::size_t a, std::size_t b) { return feedings[a].minute < feedings[b].minute; });
    for (int iteration = 0; iteration < 50; ++iteration) {
        bool changed = false;
        const NearestCentre nearest_of(centres);
        std::size_t below = 0;
        for (const std::size_t i : by_minute) {
            const double minute = feedings[i].minute;
            below = nearest_of.below(minute, below);
            const auto [nearest, best_distance] = nearest_of(minute, below);
            int best = static_cast<int>(nearest);
            if (best_distance > slot_reach_minutes) best = -1;
            if (of[i] != best) {
                of[i] = best;
                changed = true;
            }
        }
        if (!changed && iteration > 0) break;
        // Each centre moves to its members' circular mean (circular_mean's
        // sums, in the same order, with each feeding's sine and cosine once).
        std::fill(sin_sum.begin(), sin_sum.end(), 0.0);
        std::fill(cos_sum.begin(), cos_sum.end(), 0.0);
        std::fill(has.begin(), has.end(), false);
        for (std::size_t i = 0; i < feedings.size(); ++i) {
            if (of[i] < 0) continue;
            const auto c = static_cast<std::size_t>(of[i]);
            sin_sum[c] += feedings[i].time_weight * feedings[i].sine;
            cos_sum[c] += feedings[i].time_weight * feedings[i].cosine;
            has[c] = true;
        }
        for (std::size_t c = 0; c < centres.size(); ++c)
            if (has[c]) centres[c] = mean_minute(sin_sum[c], cos_sum[c]);
    }
    return of;
}

struct Window {
    long last_day = 0;              // the newest day (weights count back from it)
    long until_local_minute = 0;    // `until` in local minutes since the epoch
    std::vector<long> data_days;    // calendar days with at least one feeding, ascending
    std::vector<double> day_weight;  // each data day's weight(), computed once
    std::vector<long> incomplete;   // whole days with far fewer feedings than the rest, ascending
    // A day's weight: recency, and less for an incompletely logged day.
    double weight(long day) const { return weight_of(day, last_day) * completeness(day); }
    // What a day's feed times weigh in where the slots are: a slower recency,
    // and the newest day, its times not yet borne out by the next, at
    // `newest_time_share`, so one noisy day moves the slots less (yesterday
    // weighs about 11 % of the week, not 28 %), while the count and the
    // support follow the baby fast.
    double time_weight(long day) const {
        const long age = std::max(0L, last_day - day);
        return decayed<time_decay>(age) * (age == 0 ? newest_time_share : 1.0) * completeness(day);
    }
    double completeness(long day) const {
        return std::binary_search(incomplete.begin(), incomplete.end(), day) ? incomplete_weight : 1.0;
    }
};

// The "slot day" of a feeding for a slot at `centre_minute` (std::lround of
// its centre): the boundary is half a day away from the centre.
long slot_day(const Feeding& f, long centre_minute) {
    return floor_div(f.local_minute - centre_minute + day_minutes / 2, day_minutes);
}

// The lists stats_of works in, kept from one cluster to the next (their room).
struct StatsRoom {
    std::vector<std::pair<long, const Feeding*>> by_day;
    std::vector<std::pair<double, double>> offsets, amounts, part, own;
    std::vector<long> seen_days;
    std::vector<char> filled;  // beside `amounts`: the day's feeding counted at fill_for's share
};

struct ClusterStats {
    double minute = 0;
    double ml = 0;      // the weighted mean of its days' amounts: its share of the day's volume
    double own_ml = 0;  // the weighted median of its days' amounts: what the baby drinks there
    int seen = 0;
    int eligible = 0;    // days that could have shown it
    double support = 0;  // weighted share of those it was seen on
    // A slot is seen on two days or more, on at least `slot_min_support` of
    // the days that could show it, counted plainly and with recent days weighing more.
    bool is_slot() const {
        return seen >= 2 && support >= slot_min_support && seen >= slot_min_support * eligible - 1e-9;
    }
};

// A cluster's slot: the days are "slot days" whose boundary is half a day away
// from the centre, so a 23:50 feed and the next night's 00:10 feed are the same
// night's feeding. On each slot day the feeding nearest the centre gives the
// time and the amount (a burst is one feeding with the summed amount); the
// time is a weighted interquartile mean over the days seen, the share of the
// day's volume a weighted mean (the volume is shared out later) and the own
// amount a weighted median.
ClusterStats stats_of(const std::vector<const Feeding*>& members, double centre, const Window& window,
                      StatsRoom& room) {
    // The members by slot day, ascending, each day's in the members' order (a
    // stable sort: the groups and order a std::map of lists gave). The members
    // come in time order, so their slot days are sorted already, unless two
    // clusters were joined.
    const long centre_minute = std::lround(centre);
    auto& by_day = room.by_day;
    by_day.clear();
    for (const Feeding* f : members) by_day.emplace_back(slot_day(*f, centre_minute), f);
    const auto earlier_day = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(by_day.begin(), by_day.end(), earlier_day))
        std::stable_sort(by_day.begin(), by_day.end(), earlier_day);
    // One entry per day seen.
    auto& offsets = room.offsets;
    auto& amounts = room.amounts;
    auto& seen_days = room.seen_days;
    offsets.clear();
    amounts.clear();
    seen_days.clear();
    room.filled.clear();
    double seen_weight = 0;
    for (std::size_t first = 0, end = 0; first < by_day.size(); first = end) {
        const Feeding* nearest = by_day[first].second;
        for (end = first; end < by_day.size() && by_day[end].first == by_day[first].first; ++end) {
            const Feeding* f = by_day[end].second;
            if (circular_distance(f->minute, centre) < circular_distance(nearest->minute, centre))
                nearest = f;
        }
        const double w = nearest->weight;
        offsets.emplace_back(circular_minutes(nearest->minute, centre), nearest->time_weight);
        amounts.emplace_back(nearest->ml, w);
        room.filled.push_back(nearest->filled);
        seen_weight += w;
        seen_days.push_back(by_day[first].first);
    }
    // Days that could have shown the slot: days with feeds whose slot time
    // had passed by `until`, and the days it was seen on.
    double eligible_weight = 0;
    int eligible = static_cast<int>(seen_days.size());
    for (std::size_t d = 0; d < window.data_days.size(); ++d) {
        const long day = window.data_days[d];
        if (std::binary_search(seen_days.begin(), seen_days.end(), day)) continue;
        const long due = day * day_minutes + centre_minute;
        if (due + partial_day_margin <= window.until_local_minute) {
            eligible_weight += window.day_weight[d];
            ++eligible;
        }
    }
    eligible_weight += seen_weight;
    ClusterStats s;
    // The weighted interquartile mean: the mean of the middle half of the
    // days' weight. An odd day (a feed an hour off, a day logged noisily) sits
    // in a quarter left out, so it does not pull the time, and the time still
    // moves smoothly with the feeds, not jumping as a median does from one
    // day's time to the next when a feed is logged, nor as a mean of the days
    // within a fixed distance of the median does when a day crosses it (the
    // trimmed mean this replaced: 45% of days planned again after one noisy
    // day had a pump moved over 15 min, 37-39% with this; bench/RESULTS.md).
    // But the middle half of a slot that moved an hour three days ago holds
    // old days and new alike: when each of the last `moved_days` days seen
    // (the offsets are by slot day) sits over `trim_minutes` to the same side
    // of the days before, only the days near the recent ones count. One noisy
    // day cannot trip this; three days that agree can.
    if (offsets.size() > moved_days) {
        const auto recent = offsets.end() - moved_days;
        room.part.assign(offsets.begin(), recent);
        const double before = weighted_median(room.part);
        const auto later = [&](const auto& o) { return o.first - before > trim_minutes; };
        const auto earlier = [&](const auto& o) { return before - o.first > trim_minutes; };
        if (std::all_of(recent, offsets.end(), later) || std::all_of(recent, offsets.end(), earlier)) {
            room.part.assign(recent, offsets.end());
            const double now = weighted_median(room.part);
            std::erase_if(offsets, [&](const auto& o) { return std::abs(o.first - now) > trim_minutes; });
        }
    }
    s.minute = normalize_minute(centre + interquartile_mean(offsets));
    s.ml = weighted_mean(amounts);
    // The own amount is a pump's target while away: one day's extra bottle (a top-up that joined the feed) must
    // not lift it, or a shortfall under half a session becomes a session added to every work day (100 ml feeds
    // and one 90 ml top-up the day before: a mean of 125 ml, the median 100). No day weighs half of a slot seen
    // on 3 days or more (the newest at most 1 of 1 + 0.75 + 0.56), so one day never moves the median; a new
    // amount seen on the last three days is followed (as a moved rhythm's time: moved_days), on the last two
    // when they weigh over half (1.75 of a week's 3.47). The shares keep the mean: they add up to the day's
    // volume, every bottle counted, and a median there moved an exclusive day's pumps more often (bench/
    // RESULTS.md, session 47).
    // Nor does one day decide alone where the days are few or scattered (a slot seen 1, 3 and 5 days back
    // weighs the newest 1 against 0.56 and 0.32; code review): when a day outweighs the others together, the
    // days count alike, so the median is the middle day's amount (two days: their mean). Three days in a row
    // never need it.
    // Days measured beside days counted at the age norm's share (fill_for): the own amount is the measured
    // days' alone, what the baby drank there (review: weekday bottles of 75-94 ml at work, the weekend nursed,
    // planned Monday at the 99 ml share and called measured).
    auto& own = room.own;
    own.clear();
    for (std::size_t i = 0; i < amounts.size(); ++i)
        if (!room.filled[i]) own.push_back(amounts[i]);
    if (own.empty()) own = amounts;
    double total = 0, heaviest = 0;
    for (const auto& [ml, w] : own) {
        total += w;
        heaviest = std::max(heaviest, w);
    }
    if (own.size() > 1 && heaviest > total - heaviest)
        for (auto& a : own) a.second = 1;
    s.own_ml = weighted_median(own);
    s.seen = static_cast<int>(seen_days.size());
    s.eligible = eligible;
    s.support = eligible_weight > 0 ? seen_weight / eligible_weight : 0;
    return s;
}

// Two clusters are one slot split in two when fewer than half the days of the
// rarer one also show the other (days counted from a common centre).
bool split(const std::vector<const Feeding*>& a, const ClusterStats& sa, const std::vector<const Feeding*>& b,
           const ClusterStats& sb) {
    const long centre = std::lround(circular_mean({{sa.minute, 1.0}, {sb.minute, 1.0}}));
    // Each one's distinct days, ascending (a sorted vector: a std::set's elements).
    const auto days_of = [&](const std::vector<const Feeding*>& members) {
        std::vector<long> days;
        days.reserve(members.size());
        for (const Feeding* f : members) days.push_back(slot_day(*f, centre));
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        return days;
    };
    const std::vector<long> da = days_of(a), db = days_of(b);
    std::size_t both = 0;
    for (long d : da) both += std::binary_search(db.begin(), db.end(), d);
    return static_cast<double>(both) < 0.5 * static_cast<double>(std::min(da.size(), db.size()));
}

struct Kept {
    std::vector<const Feeding*> members;
    ClusterStats stats;
    double centre = 0;  // the one `stats` were found from (stats_of), to find them again with other amounts
};

// The k times of day that catch the most feedings, chosen one at a time: a
// time catches, on each day, one feeding not caught yet within
// `catch_minutes` (the nearest), and is worth the day's time weight (where a
// slot sits is a matter of times: one noisy newest day does not move a seed
// that the days before agree on; a pump moved over 15 min after a noisy day on
// 28.8% of simulated days with the day weight here, 26.1% with this); the best time
// (every `seed_step` minutes, the earliest on a tie) moves to the weighted
// circular mean of the feedings it catches, which are then caught. Fewer than
// k when no time catches anything more. Counts per day and time step keep it
// linear in the number of feedings.
std::vector<double> coverage_seeds(const std::vector<Feeding>& feedings, int k) {
    constexpr int steps = day_minutes / seed_step;
    // Each feeding's day as an index 0, 1, ... (the feedings come in time order).
    std::vector<std::size_t> day_of(feedings.size());
    std::size_t day_count = 0;
    for (std::size_t i = 0; i < feedings.size(); ++i) {
        if (i > 0 && feedings[i].day != feedings[i - 1].day) ++day_count;
        day_of[i] = day_count;
    }
    if (!feedings.empty()) ++day_count;
    // open[d][t]: the feedings of day d not caught yet within reach of step t.
    std::vector<std::array<int, steps>> open(day_count, std::array<int, steps>{});
    std::vector<double> day_weight(day_count, 0.0);
    std::array<double, steps> gain{};  // the sum of the weights of days with an open feeding in reach
    const auto near_steps = [&](int minute, auto&& f) {
        // The steps t with |minute - t * seed_step| <= catch_minutes on the circle.
        const int first = (minute - catch_minutes + seed_step - 1 + day_minutes * 2) / seed_step - 2 * steps;
        // t's step on the circle, ((t % steps) + steps) % steps, kept as t counts up.
        int u = ((first % steps) + steps) % steps;
        for (int t = first; t * seed_step <= minute + catch_minutes; ++t) {
            f(u);
            if (++u == steps) u = 0;
        }
    };
    for (std::size_t i = 0; i < feedings.size(); ++i) {
        const Feeding& f = feedings[i];
        const std::size_t d = day_of[i];
        day_weight[d] = f.time_weight;
        near_steps(f.minute, [&](int t) {
            if (open[d][static_cast<std::size_t>(t)]++ == 0) gain[static_cast<std::size_t>(t)] += f.time_weight;
        });
    }
    std::vector<char> caught(feedings.size(), false);
    std::vector<double> out;
    std::vector<std::size_t> pick(day_count);
    // The best time, std::max_element's (the first of the greatest gains), found through the greatest gain of
    // each block of steps, measured again only where a catch lowered a gain.
    constexpr int block = 16, blocks = steps / block;
    static_assert(steps % block == 0);
    std::array<double, blocks> block_gain{};
    std::array<bool, blocks> lowered{};
    lowered.fill(true);
    const auto best_step = [&] {
        const auto from = [&](std::size_t b) { return gain.begin() + static_cast<long>(b) * block; };
        for (std::size_t b = 0; b < blocks; ++b)
            if (lowered[b]) {
                block_gain[b] = *std::max_element(from(b), from(b) + block);
                lowered[b] = false;
            }
        const auto top = static_cast<std::size_t>(std::max_element(block_gain.begin(), block_gain.end()) -
                                                  block_gain.begin());
        return static_cast<int>(std::max_element(from(top), from(top) + block) - gain.begin());
    };
    while (static_cast<int>(out.size()) < k) {
        const int best = best_step();
        if (gain[static_cast<std::size_t>(best)] <= 1e-9) break;
        const double t = best * seed_step;
        std::fill(pick.begin(), pick.end(), feedings.size());
        for (std::size_t i = 0; i < feedings.size(); ++i) {
            if (caught[i]) continue;
            const double distance = circular_distance(feedings[i].minute, t);
            if (distance > catch_minutes) continue;
            std::size_t& p = pick[day_of[i]];
            if (p == feedings.size() || distance < circular_distance(feedings[p].minute, t)) p = i;
        }
        double s = 0, c = 0;
        for (std::size_t d = 0; d < pick.size(); ++d) {
            const std::size_t i = pick[d];
            if (i == feedings.size()) continue;
            caught[i] = true;
            s += feedings[i].time_weight * feedings[i].sine;
            c += feedings[i].time_weight * feedings[i].cosine;
            near_steps(feedings[i].minute, [&](int u) {
                if (--open[d][static_cast<std::size_t>(u)] == 0) {
                    gain[static_cast<std::size_t>(u)] -= day_weight[d];
                    lowered[static_cast<std::size_t>(u / block)] = true;
                }
            });
        }
        out.push_back(mean_minute(s, c));
    }
    return out;
}

// The slots for k feedings a day: k-means on the circle started from the k
// coverage seeds (the first k of `seeds`, the greedy picks, which the picks
// for more slots begin with; more in the widest gaps when there are fewer); a cluster
// seen on fewer than `slot_min_support` of the days that could show it is not
// a slot. Then neighbouring slots closer than a burst, or closer than
// `split_minutes` and rarely seen on the same day (one feed that fell now
// before, now after a time), are joined.
std::vector<Kept> slots_for(const std::vector<Feeding>& feedings, int k, const std::vector<double>& seeds,
                            const Window& window, StatsRoom& room) {
    std::vector<double> centres(seeds.begin(), seeds.begin() + std::min<long>(k, static_cast<long>(seeds.size())));
    fill_gaps(centres, k);
    const std::vector<int> of = cluster(feedings, centres);
    // Each cluster's members in time order.
    std::vector<std::vector<const Feeding*>> members(centres.size());
    std::vector<std::size_t> count(centres.size(), 0);
    for (const int c : of)
        if (c >= 0) ++count[static_cast<std::size_t>(c)];
    for (std::size_t c = 0; c < centres.size(); ++c) members[c].reserve(count[c]);
    for (std::size_t i = 0; i < feedings.size(); ++i)
        if (of[i] >= 0) members[static_cast<std::size_t>(of[i])].push_back(&feedings[i]);
    std::vector<Kept> kept;
    for (std::size_t c = 0; c < centres.size(); ++c) {
        if (members[c].empty()) continue;
        const ClusterStats s = stats_of(members[c], centres[c], window, room);
        if (s.is_slot()) kept.push_back({std::move(members[c]), s, centres[c]});
    }
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.stats.minute < b.stats.minute; });
    for (bool again = true; again && kept.size() > 1;) {
        again = false;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const std::size_t j = (i + 1) % kept.size();
            if (i == j) continue;
            const double apart = std::abs(circular_minutes(kept[j].stats.minute, kept[i].stats.minute));
            if (apart >= burst_minutes &&
                !(apart < split_minutes && split(kept[i].members, kept[i].stats, kept[j].members, kept[j].stats)))
                continue;
            std::vector<const Feeding*> members = kept[i].members;
            members.insert(members.end(), kept[j].members.begin(), kept[j].members.end());
            std::vector<std::pair<double, double>> minutes;
            for (const Feeding* f : members) minutes.emplace_back(f->minute, f->time_weight);
            const double centre = circular_mean(minutes);
            kept[i] = {members, stats_of(members, centre, window, room), centre};
            kept.erase(kept.begin() + static_cast<long>(j));
            if (j < i) --i;
            again = true;
            break;
        }
    }
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.stats.minute < b.stats.minute; });
    return kept;
}

// What the baby drinks a day: a recency-weighted mean (as the count) over
// the window's whole, completely logged days from `first_day` on, so a baby
// drinking more as it grows is followed within days. A feeding counts on its
// slot's day (a night feed now before, now after midnight stays in one day's
// volume). The day under way at `until` counts too when most of a day's milk
// is usually drunk by its time and its feedings so far are not too few: what
// it has had, scaled up by that share, is the newest evidence (a plan made in
// the evening knows most of the day), weighing that share of a whole day.
// With no such day, the plain mean of the days seen.
double daily_volume(const std::vector<Feeding>& feedings, const std::vector<Kept>& slots, const Window& window,
                    long first_day) {
    std::vector<long> day_of(feedings.size());
    for (std::size_t i = 0; i < feedings.size(); ++i) day_of[i] = feedings[i].day;
    for (const Kept& c : slots)
        for (const Feeding* f : c.members)
            day_of[static_cast<std::size_t>(f - feedings.data())] = slot_day(*f, std::lround(c.stats.minute));
    // A feeding counted on the next day (a 23:50 feed of a midnight slot) leaves the window's first day
    // short of the one before the window began: that day is not counted then.
    bool later = false;
    for (std::size_t i = 0; i < feedings.size(); ++i) later = later || day_of[i] > feedings[i].day;
    const long first = later ? first_day + 1 : first_day;
    const auto whole = [&](long day) { return (day + 1) * day_minutes <= window.until_local_minute; };
    const auto counted = [&](long day) { return day >= first && whole(day) && window.completeness(day) == 1; };
    std::vector<std::pair<long, double>> day_ml;  // (day, volume) ascending; a day's feedings summed in time order
    for (std::size_t i = 0; i < feedings.size(); ++i) {
        const auto it = std::lower_bound(day_ml.begin(), day_ml.end(), std::pair<long, double>(day_of[i], -1.0));
        if (it == day_ml.end() || it->first != day_of[i]) day_ml.insert(it, {day_of[i], feedings[i].ml});
        else it->second += feedings[i].ml;
    }
    double sum = 0, weight = 0;
    int counted_days = 0;
    for (const auto& [day, ml] : day_ml)
        if (counted(day)) {
            sum += window.weight(day) * ml;
            weight += window.weight(day);
            ++counted_days;
        }
    if (counted_days == 0) {
        for (const auto& [day, ml] : day_ml) sum += ml;
        return day_ml.empty() ? 0 : sum / static_cast<double>(day_ml.size());
    }
    const long today = floor_div(window.until_local_minute, day_minutes);
    if (!whole(today) && day_ml.back().first == today) {
        const long cut = window.until_local_minute - today * day_minutes;  // minutes of today so far
        double by_cut = 0, total = 0;
        int feedings_by_cut = 0, today_feedings = 0;
        for (std::size_t i = 0; i < feedings.size(); ++i) {
            today_feedings += day_of[i] == today;
            if (!counted(day_of[i])) continue;
            total += feedings[i].ml;
            if (feedings[i].local_minute - day_of[i] * day_minutes < cut) {
                by_cut += feedings[i].ml;
                ++feedings_by_cut;
            }
        }
        const double share = total > 0 ? by_cut / total : 0;
        const double usual_by_cut = static_cast<double>(feedings_by_cut) / counted_days;
        if (share >= most_of_a_day && today_feedings >= incomplete_share * usual_by_cut) {
            sum += window.weight(today) * day_ml.back().second;  // share * weight * (so far / share)
            weight += share * window.weight(today);
        }
    }
    return sum / weight;
}

}  // namespace

// For |m| under two days one subtraction is exact (Sterbenz), so it gives
// std::fmod's result without its call. (The ranges are disjoint: the order of
// the tests, and minute_remainder's test for under a day first, change nothing.)
double wide_minute_remainder(double m) {
    if (m >= day_minutes && m < 2 * day_minutes) return m - day_minutes;
    if (m <= -day_minutes && m > -2 * day_minutes) return m + day_minutes;
    if (m > -day_minutes && m < day_minutes) return m;
    return std::fmod(m, day_minutes);
}

Seconds lookback_since(Seconds until, int lookback_days, const date::time_zone* zone) {
    return start_of_local_day(local_day(until, zone) - date::days(lookback_days), zone);
}

date::sys_days plan_eve(Seconds until, date::sys_days first_day, const date::time_zone* zone) {
    return std::min(first_day - date::days(1), local_day(until, zone));
}

Seconds plan_lookback_since(Seconds until, date::sys_days first_day, int lookback_days, const date::time_zone* zone) {
    return start_of_local_day(plan_eve(until, first_day, zone) - date::days(lookback_days), zone);
}

namespace {

// The commands that log a feed, naming `baby` when the plan is one named baby's (with several babies a feed
// logged without --baby is refused: "whose feed is it?").
std::string log_feed_commands(std::string_view baby) {
    const std::string of = baby.empty() ? std::string() : " --baby " + printable(shell_quote(baby));
    return fmt::format("pumplog log feed 120ml{}, or pumplog log feed --breast{}", of, of);
}

}  // namespace

Cadence learn_cadence(const std::vector<Entry>& entries, Seconds since, Seconds until, const date::time_zone* zone,
                      Unit unit, std::string_view baby, SlotAmounts amounts,
                      const std::function<double(std::size_t)>& fill_for) {
    Cadence cadence;
    cadence.basis.since = since;
    cadence.basis.until = until;
    // The window in words, for a refusal (made only then).
    const auto window_words = [&] {
        return fmt::format("from {} to {}", format_date_time(since, zone), format_date_time(until, zone));
    };

    struct Feed {
        long local_minute;
        std::optional<double> ml;
    };
    std::vector<Feed> feeds;
    double bottle_total = 0, pump_total = 0;
    int bottles = 0, pumps = 0, formula = 0, bottles_unknown = 0;
    for (const Entry& e : entries) {
        if (e.at.instant < since || e.at.instant >= until) continue;
        const auto counted = counted_ml(e.ml);  // an implausible amount: as none
        if (e.type == EntryType::pump && counted && *counted > 0) {
            pump_total += *counted;
            ++pumps;
        }
        if (e.type != EntryType::feed) continue;
        const long minute = std::chrono::duration_cast<std::chrono::minutes>(e.at.local().time_since_epoch()).count();
        std::optional<double> ml;
        if (counted && *counted > 0) {
            ml = *counted;
            bottle_total += *counted;
            ++bottles;
            formula += e.milk == Milk::formula;
        } else if (e.method != FeedMethod::breast) {
            ++bottles_unknown;  // none written, or one log check flags
        }
        feeds.push_back({minute, ml});
    }
    std::sort(feeds.begin(), feeds.end(), [](const Feed& a, const Feed& b) { return a.local_minute < b.local_minute; });
    cadence.basis.feeds = static_cast<int>(feeds.size());

    // The distinct days of the sorted feeds: each day change counts one.
    int days = 0;
    for (std::size_t i = 0; i < feeds.size(); ++i)
        days += i == 0 || floor_div(feeds[i].local_minute, day_minutes) !=
                              floor_div(feeds[i - 1].local_minute, day_minutes);
    cadence.basis.days = days;
    if (days < min_feed_days) {
        const int missing = min_feed_days - days;
        // A day before the journal's feeds begin (plan --on a past date): logging more cannot help that day.
        // Only when the journal has the days the window lacks, after it: with fewer in all, what to log.
        std::optional<Seconds> earliest;
        std::vector<long> feed_days;
        std::vector<long> known_days;  // those before `until`: what the break-in-logging rule counts
        for (const Entry& e : entries) {
            if (e.type != EntryType::feed) continue;
            feed_days.push_back(local_day(e.at.instant, zone).time_since_epoch().count());
            if (e.at.instant < until) known_days.push_back(feed_days.back());
            if (!earliest || e.at.instant < *earliest) earliest = e.at.instant;
        }
        for (auto* list : {&feed_days, &known_days}) {
            std::sort(list->begin(), list->end());
            list->erase(std::unique(list->begin(), list->end()), list->end());
        }
        // "no feeds of Ben", "only 2 days with feeds of Ben": the other babies' feeds are not counted.
        const std::string of = baby.empty() ? std::string() : " of " + printable(baby);
        const std::string how_many =
            (days == 0 ? std::string("no feeds") : "only " + plural(days, "day", "days") + " with feeds") + of;
        if (static_cast<int>(feed_days.size()) >= min_feed_days && *earliest >= since) {
            const date::sys_days first = local_day(*earliest, zone);
            throw usage_error(fmt::format(
                "{} {}: the journal's feeds begin on {}, and the plan learns the baby's rhythm from at least {} "
                "days of feeds before the day it plans: plan a day from {} on",
                how_many, window_words(), format_date(first), min_feed_days,
                format_date(first + date::days(min_feed_days))));
        }
        // Feeds before the window too (a break in logging), too few days in all to learn from: the journal's
        // days are counted, as the rule that learns from them once there are enough does (learning_since),
        // and so are the days still to log (2 days logged a week ago need 1 more, not 3).
        // With enough days in all, the window alone lacks them (a caller that does not reach back for them):
        // the days to log are the window's.
        const int known = static_cast<int>(known_days.size());
        if (known > days && known < min_feed_days)
            throw usage_error(fmt::format(
                "only {} with feeds{} in the journal ({} {}); the plan learns the baby's rhythm from at least {} "
                "days: log every feed ({}) for {}",
                plural(known, "day", "days"), of, days == 0 ? std::string("none") : std::to_string(days),
                window_words(), min_feed_days, log_feed_commands(baby), plural(min_feed_days - known, "more day")));
        throw usage_error(fmt::format("{} {}; the plan learns the baby's rhythm from at least {} days: log every "
                                      "feed ({}) for {}",
                                      how_many, window_words(), min_feed_days, log_feed_commands(baby),
                                      plural(missing, "more day")));
    }

    // Feeds without an amount (nursing) count at the bottle average, else at
    // the parent's average pump: what the baby would drink from a bottle.
    const int unknown =
        static_cast<int>(std::count_if(feeds.begin(), feeds.end(), [](const Feed& f) { return !f.ml; }));
    double fill = 0;
    std::optional<std::size_t> fill_note;  // where fill_for's note goes in basis.notes, once the slots are found
    const std::string without = plural(unknown, bottles_unknown > 0 ? "feed" : "breast feed",
                                       bottles_unknown > 0 ? "feeds" : "breast feeds");
    if (unknown > 0) {
        if (fill_for) {
            fill_note = cadence.basis.notes.size();  // fill is 0 until the slots are found
        } else if (bottles > 0) {
            fill = bottle_total / bottles;
            cadence.basis.notes.push_back(fmt::format("{} without an amount counted at the bottle average, {}", without,
                                                      format_rounded_volume(Volume::from_ml(fill), unit)));
        } else if (pumps > 0) {
            fill = pump_total / pumps;
            cadence.basis.notes.push_back(
                fmt::format("{} without an amount counted at your average pump, {} (no bottle feed was logged)",
                            without, format_rounded_volume(Volume::from_ml(fill), unit)));
        } else {
            throw usage_error(fmt::format(
                "no feed or pump {} has an amount, so the plan cannot set targets: log bottle feeds with their "
                "amount (pumplog log feed 120ml) or your pumps (pumplog add 90ml)",
                window_words()));
        }
    }

    // The targets are what the baby drinks, formula included: say so.
    if (formula > 0)
        cadence.basis.notes.push_back(fmt::format("{} of formula counted as what the baby drinks",
                                                  plural(formula, "bottle", "bottles")));

    Window window;
    window.last_day = local_day(until - std::chrono::seconds(1), zone).time_since_epoch().count();
    window.until_local_minute =
        std::chrono::duration_cast<std::chrono::minutes>(to_local(until, zone).time_since_epoch()).count();

    // Bursts: a feed within `burst_minutes` of the one before joins its feeding.
    std::vector<Feeding> feedings;
    int merged = 0;
    long previous = 0;
    for (const Feed& f : feeds) {
        const double ml = f.ml.value_or(fill);
        if (!feedings.empty() && f.local_minute - previous <= burst_minutes) {
            // What a feed without an amount counts (the age norm's share, the bottle average, the average pump)
            // is a feeding's: a breast logged after the other, or a cluster, adds none of it again (one nursing
            // logged side by side is one feeding, as plan_cadence's sessions count it).
            if (f.ml) feedings.back().ml += ml;
            // Counted at the age norm's share, a feeding with a part without an amount (a bottle, then the breast)
            // is one without one, as plan_cadence's sessions count it: the bottle adds nothing to the share.
            if (!f.ml && fill_for) feedings.back().filled = true;
            if (f.ml) feedings.back().measured = true;
            ++merged;
        } else {
            Feeding g;
            g.local_minute = f.local_minute;
            g.day = floor_div(f.local_minute, day_minutes);
            g.minute = static_cast<int>(f.local_minute - g.day * day_minutes);
            std::tie(g.sine, g.cosine) = minute_trig(g.minute);
            g.ml = ml;
            g.filled = !f.ml;
            g.measured = f.ml.has_value();
            feedings.push_back(g);
        }
        previous = f.local_minute;
    }
    cadence.basis.merged = merged;
    if (merged > 0)
        cadence.basis.notes.push_back(
            fmt::format("{} within {} min of the feed before counted as part of it "
                        "(cluster feeding, top-ups)",
                        plural(merged, "feed", "feeds"), burst_minutes));

    // Whole days (not the part of `until`'s day before it) with far fewer
    // feedings than the median whole day look incompletely logged: they weigh
    // little, so a day of missed entries is not read as a new rhythm.
    // The feedings come in time order: each day's are together, the days ascending.
    struct DayCount {
        long day;
        int n;
    };
    std::vector<DayCount> per_day;
    for (const Feeding& f : feedings) {
        if (per_day.empty() || per_day.back().day != f.day) per_day.push_back({f.day, 0});
        ++per_day.back().n;
    }
    const auto whole = [&](long day) { return (day + 1) * day_minutes <= window.until_local_minute; };
    std::vector<std::pair<double, double>> whole_counts;
    for (const auto& [day, n] : per_day)
        if (whole(day)) whole_counts.emplace_back(n, 1.0);
    const double median_count = whole_counts.empty() ? 0 : weighted_median(whole_counts);
    for (const auto& [day, n] : per_day)
        if (whole(day) && n < incomplete_share * median_count) {
            window.incomplete.push_back(day);
            cadence.incomplete_days.push_back(date::sys_days(date::days(day)));
            // Named in the basis with its numbers (the advice says it too: SPEC 5).
            cadence.basis.notes.push_back(fmt::format(
                "{} looks incompletely logged ({} against {:g} on a usual day): it counts {:.0f}% of a day",
                format_date(date::sys_days(date::days(day))), plural(n, "feeding"), median_count,
                incomplete_weight * 100));
        }
    for (const auto& [day, n] : per_day) {
        window.data_days.push_back(day);
        window.day_weight.push_back(window.weight(day));
    }
    for (Feeding& f : feedings) {
        f.weight = window.weight(f.day);
        f.time_weight = window.time_weight(f.day);
    }

    // Over the whole, completely logged days (every day when there is none):
    // the number of feedings a day, a recency-weighted mean, so a baby
    // dropping a feed is followed within days.
    double count_sum = 0, weight_sum = 0;
    for (int pass = 0; pass < 2 && weight_sum == 0; ++pass)
        for (std::size_t d = 0; d < per_day.size(); ++d) {
            const auto& [day, n] = per_day[d];
            if (pass == 0 && (!whole(day) || window.completeness(day) < 1)) continue;
            const double w = window.day_weight[d];
            count_sum += w * n;
            weight_sum += w;
        }
    cadence.feedings_per_day = count_sum / weight_sum;
    const int k = std::clamp(static_cast<int>(std::lround(cadence.feedings_per_day)), 1, 24);

    // The greedy coverage seeds for k + 1 slots begin with those for k (each
    // pick depends only on the picks before it): found once for both.
    const std::vector<double> seeds = coverage_seeds(feedings, std::min(k + 1, 24));
    StatsRoom room;
    std::vector<Kept> kept = slots_for(feedings, k, seeds, window, room);
    // A feed missed on a recent day or two lowers the count but is still the
    // baby's: one more slot is taken when every slot it gives is seen on at
    // least `strong_support` of the days that could show it (recency-weighted)
    // and, when the count was rounded up (a mean of 6.7 feedings, not 7.3), on
    // `steady_share` of them counted plainly: a feed now and then not logged,
    // not one the baby is dropping. Without that, the extra slot was one the
    // baby did not feed at on too many days (slots minus feeds +0.22 a day on
    // two real nursing logs; within 0.2 on all five with it; bench/RESULTS.md).
    if (k < 24) {
        const bool rounded_up = cadence.feedings_per_day < k;
        const auto steady = [&](const Kept& c) {
            return c.stats.support >= strong_support &&
                   (!rounded_up || c.stats.seen >= steady_share * c.stats.eligible - 1e-9);
        };
        std::vector<Kept> more = slots_for(feedings, k + 1, seeds, window, room);
        if (more.size() > kept.size() && std::all_of(more.begin(), more.end(), steady))
            kept = std::move(more);
    }
    // The share of a feed without an amount hangs on the number of slots (the age norm's daily intake shared
    // over them): asked now, and the slots' amounts found again with it. Nothing above reads an amount, so the
    // slots are those a second learning with it would find (plan_cadence.cpp learned twice: plan next 17% slower).
    if (fill_note) {
        fill = fill_for(kept.size());
        int joined = 0;  // feedings with an amount in part, counted at the share as a whole
        for (Feeding& f : feedings)
            if (f.filled) {
                f.ml = fill;
                joined += f.measured;
            }
        for (Kept& c : kept) c.stats = stats_of(c.members, c.centre, window, room);
        cadence.basis.notes.insert(
            cadence.basis.notes.begin() + static_cast<std::ptrdiff_t>(*fill_note),
            fmt::format("{} without an amount counted at the age norm's share, {} (an estimate){}", without,
                        format_rounded_volume(Volume::from_ml(fill), unit),
                        joined == 0 ? std::string()
                                    : fmt::format("; {} within {} min of a feed without one counted as part of it, "
                                                  "at that share",
                                                  plural(joined, "feed with an amount", "feeds with an amount"),
                                                  burst_minutes)));
    }
    std::size_t in_slots = 0;
    for (const Kept& c : kept) in_slots += c.members.size();
    const int left_out = static_cast<int>(feedings.size() - in_slots);
    if (left_out > 0)
        cadence.basis.notes.push_back(
            fmt::format("{} away from the baby's usual times left out (seen on fewer than {:.0f}% "
                        "of the days, or over {:.0f} min from a slot)",
                        plural(left_out, "feeding", "feedings"), slot_min_support * 100, slot_reach_minutes));

    // Shares of the day: the slots' amounts share the typical day's volume as they share their feedings, the
    // feedings no slot holds included (the pumps of an exclusive day make all of its milk). Own: each slot's
    // amount as learned, so an occasional night feed left out of the slots adds nothing to a day feed's
    // (180 ml bottles and a night feed on 3 nights of 7 gave day targets of 194 ml, bottles of 200).
    double scale = 1;
    if (amounts == SlotAmounts::share_of_day) {
        const long since_minute =
            std::chrono::duration_cast<std::chrono::minutes>(to_local(since, zone).time_since_epoch()).count();
        const long first_day = floor_div(since_minute, day_minutes);
        const double daily_ml = daily_volume(feedings, kept, window, first_day);
        double slots_ml = 0;
        for (const Kept& c : kept) slots_ml += c.stats.ml;
        if (slots_ml > 0) scale = daily_ml / slots_ml;
    }
    for (const Kept& c : kept) {
        Slot slot;
        slot.minute = static_cast<int>(std::lround(c.stats.minute)) % day_minutes;
        slot.amount =
            Volume::from_ml(std::round(amounts == SlotAmounts::own ? c.stats.own_ml : c.stats.ml * scale));
        slot.seen = c.stats.seen;
        cadence.slots.push_back(slot);
    }
    std::sort(cadence.slots.begin(), cadence.slots.end(),
              [](const Slot& a, const Slot& b) { return a.minute < b.minute; });
    return cadence;
}

}  // namespace pumplog
