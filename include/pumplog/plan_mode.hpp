#pragma once
// The plan mode's choice (settings `mode`): away and exclusive plans are
// learned from the feeds (planner.hpp), a supply plan is built from the
// evidence on building a supply (supply.hpp, pumplog-supply(7)). `plan` and
// `plan next` ask these and never look at the mode themselves.
#include <optional>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

// The plan for `range` in the mode in effect.
Plan plan_in_mode(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock, TimeSpan range);

// How far back a plan from `from` in the mode in effect reads: the look-back
// window, and in supply mode also the 8 days its basis and progress speak of.
Seconds plan_reads_since(const Settings& settings, Seconds from, const date::time_zone* zone);

// The next pump in the mode in effect (`plan next`).
std::optional<NextPump> next_pump_in_mode(const std::vector<Entry>& entries, const Settings& settings,
                                          const Clock& clock);

}  // namespace pumplog
