#include "pumplog/yield.hpp"

#include <cmath>
#include <set>

#include "pumplog/cadence.hpp"

namespace pumplog {

namespace {
constexpr int day_minutes = 24 * 60;
// The width of the time-of-day kernel (minutes).
constexpr double sigma = 45;
}  // namespace

Yield::Yield(const std::vector<Entry>& entries, Seconds since, Seconds until, const date::time_zone* zone) {
    const long last_day = local_day(until - std::chrono::seconds(1), zone).time_since_epoch().count();
    double total = 0, weights = 0;
    std::set<long> days;
    for (const Entry& e : entries) {
        if (e.type != EntryType::pump || !counted_ml(e.ml) || *e.ml <= 0) continue;
        // A pump logged at `until` itself (the plan's now: `add` then `plan` in the same minute of --now) has
        // happened, as status and the stash count it.
        if (e.at.instant < since || e.at.instant > until) continue;
        const long minutes = std::chrono::duration_cast<std::chrono::minutes>(e.at.local().time_since_epoch()).count();
        const long day = minutes / day_minutes - (minutes % day_minutes < 0);
        const double weight = std::pow(day_decay, static_cast<double>(std::max(0L, last_day - day)));
        samples_.push_back({static_cast<int>(minutes - day * day_minutes), *e.ml, weight});
        total += *e.ml * weight;
        weights += weight;
        days.insert(day);
    }
    days_ = static_cast<int>(days.size());
    if (weights > 0) average_ = Volume::from_ml(std::round(total / weights));
}

std::optional<Volume> Yield::at(int minute) const {
    if (minute < 0 || minute >= day_minutes) return compute_at(minute);
    if (at_minute_.empty()) at_minute_.resize(day_minutes);
    auto& known = at_minute_[static_cast<std::size_t>(minute)];
    if (!known) known = compute_at(minute);
    return *known;
}

std::optional<Volume> Yield::compute_at(int minute) const {
    if (!average_) return std::nullopt;
    double total = 0, weights = 0;
    int near = 0;
    for (const Sample& s : samples_) {
        const double d = circular_minutes(s.minute, minute);
        if (std::abs(d) > yield_reach_minutes) continue;
        const double w = s.weight * std::exp(-0.5 * (d / sigma) * (d / sigma));
        total += s.ml * w;
        weights += w;
        ++near;
    }
    if (near < 2 || weights <= 0) return average_;
    return Volume::from_ml(std::round(total / weights));
}

std::optional<int> Yield::best_minute() const {
    std::optional<int> best;
    double best_ml = -1;
    for (const Sample& s : samples_) {
        const double ml = at(s.minute)->ml();
        if (ml > best_ml || (ml == best_ml && best && s.minute < *best)) {
            best_ml = ml;
            best = s.minute;
        }
    }
    return best;
}

}  // namespace pumplog
