#pragma once
// The parent's yield (SPEC 5.3): how much a pump session gives at each time of
// day, from the parent's own logged pumps.
#include <optional>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// Pumps within this many minutes of a time of day tell the yield at that time.
inline constexpr int yield_reach_minutes = 90;

class Yield {
public:
    // From the pumps in [since, until] (one logged at `until`, the plan's now, has happened); recent days weigh more
    // (as for the cadence).
    Yield(const std::vector<Entry>& entries, Seconds since, Seconds until, const date::time_zone* zone);

    // The expected yield of a session at this minute of the day: the weighted
    // mean of the pumps within `yield_reach_minutes` (nearer ones weigh more)
    // when at least two are, else the average per session; nullopt when no pump
    // was logged.
    std::optional<Volume> at(int minute) const;
    // The average per session.
    std::optional<Volume> average() const { return average_; }
    // The time of day with the best expected yield (among the times pumps were
    // logged at), when there are pumps.
    std::optional<int> best_minute() const;
    int sessions() const { return static_cast<int>(samples_.size()); }
    int days() const { return days_; }

private:
    struct Sample {
        int minute;
        double ml;
        double weight;
    };
    std::optional<Volume> compute_at(int minute) const;
    std::vector<Sample> samples_;
    std::optional<Volume> average_;
    int days_ = 0;
    // at() of each minute of the day once asked (a plan asks for the same few
    // times on every day it plans): empty until then.
    mutable std::vector<std::optional<std::optional<Volume>>> at_minute_;
};

}  // namespace pumplog
