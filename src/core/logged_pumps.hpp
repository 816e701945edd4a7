#pragma once
// The parent's logged pumps as the supply plan sees them (internal to
// supply_progress.cpp and supply_plan.cpp).
#include <optional>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A logged pump: when, the wall clock it was logged with, and its volume
// (`ml`, else left + right; nullopt when neither was given).
struct LoggedPump {
    Seconds at;
    LocalSeconds local;
    std::optional<Volume> volume;
};

// A pump's volume: `ml`, else left + right; nullopt when neither was given, or
// when the one given counts as none (counted_ml: implausible). A session
// without a volume is unknown, never 0 ml (pumplog(5)): supply, status and
// report count it apart.
// Inline: the report counts it for every pump of a journal of years.
inline std::optional<Volume> pump_volume(const Entry& entry) {
    if (entry.ml) return counted_ml(entry.ml) ? std::optional(counted_volume(entry.ml)) : std::nullopt;
    if (counted_ml(entry.left_ml) || counted_ml(entry.right_ml))
        return counted_volume(entry.left_ml) + counted_volume(entry.right_ml);
    return std::nullopt;
}

// The pumps at or before now, by time.
std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now);

}  // namespace pumplog
