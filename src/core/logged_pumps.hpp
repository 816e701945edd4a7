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

// The pumps at or before now, by time.
std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now);

}  // namespace pumplog
