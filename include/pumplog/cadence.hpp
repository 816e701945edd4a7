#pragma once
// Cadence (SPEC 5.1): the baby's feed slots, learned from the feeds in the
// look-back window.
#include <functional>
#include <optional>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/plan.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

// Feeds that start within this many minutes of the feed before them are one
// feeding (a cluster-feeding burst, a top-up), with the summed amount.
inline constexpr int burst_minutes = 45;
// The weight of a day's feeds falls by this factor per day of age, so the
// slots follow a baby whose rhythm is changing (half-weight after about 2.4 days).
inline constexpr double day_decay = 0.75;
// A slot's time is learned with a slower decay: one noisy day (a day logged an
// hour off) moves it less, while a drift of a few minutes a day is followed.
inline constexpr double time_decay = 0.9;
// The newest day's feed times weigh this share of what its age gives them
// (in where the slots are: their seeds, centres and times; not in how many
// there are or whether one is seen often enough): one day's times, not yet
// borne out by the next, are as likely a day logged an hour off as a new
// rhythm, and a rhythm that has really moved is followed within three days
// anyway (cadence.cpp, moved_days). One noisy day then redraws the slots less:
// over 200 random simulated babies a pump moved over 15 min after a noisy day
// on 26.1% of days instead of 39.3% (a pump more or fewer on 20.2%, not 26.7%);
// the next day's feeds within 60 min 80.6% -> 80.5%, at night 71.8% -> 72.4%,
// no real log lower by more than 0.1 point (bench/RESULTS.md: a baby whose whole
// days run early or late, half carried over, loses up to a point).
inline constexpr double newest_time_share = 0.6;
// A slot must be seen on at least this share of the (weighted) days that could
// show it; rarer feeds are occasional, not part of the baby's day (the count
// of feedings a day decides how many slots there are).
inline constexpr double slot_min_support = 0.25;
// The least number of days with feeds a cadence is learned from (SPEC 5.4).
inline constexpr int min_feed_days = 3;

// The start of the look-back window for a cadence learned until `until`: the
// local midnight `lookback_days` days before the day of `until`. The window is
// those whole days and the part of `until`'s day before `until`.
Seconds lookback_since(Seconds until, int lookback_days, const date::time_zone* zone);

// The day a plan whose first day is `first_day`, learned until `until`, learns up to: the eve of the day planned
// (the day before it), or `until`'s day when that is earlier (a day planned further ahead). The window, the
// week's reference and the shown basis all count from it, so a plan for Thursday learns from the same days
// whether made on Wednesday evening or after midnight: the day does not move at midnight with no new entry.
date::sys_days plan_eve(Seconds until, date::sys_days first_day, const date::time_zone* zone);
// The start of the look-back window of a plan (above): the local midnight `lookback_days` days before its eve.
// The window is those whole days, the eve, and the day planned up to `until`.
Seconds plan_lookback_since(Seconds until, date::sys_days first_day, int lookback_days, const date::time_zone* zone);

// What a slot's amount is (pumplog-plan(1), "The baby's slots").
enum class SlotAmounts {
    // Its share of what the baby drinks a day: the slots' amounts scaled to add up to the day's whole volume,
    // so the feeds no slot holds (an occasional night feed, a feed far from every slot) are shared among
    // them. Pumping exclusively: the pumps make the whole day's milk.
    share_of_day,
    // Its own: what the baby drinks at that feed (a median over the days: one day's top-up does not lift it).
    // A pump while away is for the feeds it covers, a bottle for its feed: a night feed on a few nights does
    // not raise a day feed's target or bottle.
    own,
};

struct Cadence {
    std::vector<Slot> slots;      // by time of day
    PlanBasis basis;              // the feeds, days and window it was learned from
    double feedings_per_day = 0;  // the typical number of feedings a day (bursts merged)
    // Whole days in the window with far fewer feedings than the median day
    // (under 60 %): weighed down as incompletely logged, oldest first.
    std::vector<date::sys_days> incomplete_days;
};

// The baby's slots from the feeds in [since, until) (voided entries already
// left out). Each feed's time of day is its local time as written in the
// journal. Steps (pumplog-plan(1), "The baby's slots"): feeds within
// `burst_minutes` merge into one feeding; whole days with fewer feedings than
// 60 % of the median day are incompletely logged (weight 0.1, listed in
// incomplete_days); the number of slots is the recency-weighted mean count of
// the whole, completely logged days, rounded (one more when every slot it
// gives is seen on 60 % of the days, and on 80 % counted plainly when the
// mean was rounded up); the slots are seeded one at a time where
// they catch the most feedings within an hour (greedy maximum coverage on the
// 24-hour circle) and settled by one k-means pass; a slot seen on fewer than
// `slot_min_support` of the days that could show it is dropped, and
// neighbours rarely seen on the same day are one drifting feed and are
// joined. A slot's time is the recency-weighted interquartile mean (the mean
// of the middle half of the weight) over the days it was seen (only those near
// the last three when these all sit over 45 min to one side of the days
// before: a rhythm that moved); a slot's own amount is the recency-weighted
// median of its days' feedings (one day's extra bottle does not lift it), and
// with `amounts` share_of_day the slots' recency-weighted means share out what
// the baby drinks a day (recency-weighted, with the day under way once mostly
// drunk). Breast
// feeds without an amount count at the bottle average (else the parent's
// average pump), said in basis.notes (volumes there in `unit`). Usage error
// (saying what to log) with fewer than `min_feed_days` days of feeds, or when
// no feed or pump carries an amount; `baby`, when given, is named there ("no
// feeds of Ben"): the feeds are that baby's alone.
// `fill_for`: what a feed without an amount counts instead, given the number of slots learned (the age norm's
// share of a feed, when the feeds with an amount are too few to stand for the rest: plan_cadence.cpp), said so
// in basis.notes. The slots do not hang on the amounts, so it is asked once they are found.
Cadence learn_cadence(const std::vector<Entry>& entries, Seconds since, Seconds until, const date::time_zone* zone,
                      Unit unit = Unit::ml, std::string_view baby = {},
                      SlotAmounts amounts = SlotAmounts::share_of_day,
                      const std::function<double(std::size_t)>& fill_for = {});

// std::fmod(m, 24 * 60) for |m| of a day or more (circular_minutes' rare case).
double wide_minute_remainder(double m);

// Signed difference a - b between two minutes of the day, on the circle: in
// (-720, 720]. Inline: a plan asks it tens of thousands of times (the slots'
// k-means, the yield at each pump); a difference under a day is its own
// remainder, so only a wider one calls out.
inline double circular_minutes(double a, double b) {
    constexpr double day = 24 * 60;
    double d = a - b;
    if (!(d > -day && d < day)) d = wide_minute_remainder(d);
    if (d <= -day / 2) d += day;
    if (d > day / 2) d -= day;
    return d;
}

}  // namespace pumplog
