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
// (`ml`; nullopt when it has none).
struct LoggedPump {
    Seconds at;
    LocalSeconds local;
    std::optional<Volume> volume;
};

// A pump's volume: its `ml` (pumplog(5): "ml (the total)"); nullopt when it
// has none, or when it counts as none (counted_ml: implausible). The sides
// never stand in for a missing total: `log` shows such a line as "(no volume)"
// and `log check` holds a pump to `ml` (or `dur_s`), so summing them here made
// status, the report and supply mode read milk that the other readers do not.
// A session without a volume is unknown, never 0 ml (pumplog(5)): supply,
// status and report count it apart.
// Inline: the report counts it for every pump of a journal of years.
inline std::optional<Volume> pump_volume(const Entry& entry) {
    return counted_ml(entry.ml) ? std::optional(counted_volume(entry.ml)) : std::nullopt;
}

// The pumps at or before now, by time.
std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now);

}  // namespace pumplog
