#include "pumplog/plan_mode.hpp"

#include <algorithm>

#include "pumplog/supply.hpp"

namespace pumplog {

Plan plan_in_mode(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock, TimeSpan range) {
    if (settings.mode == PlanMode::supply) return supply_plan(settings, entries, clock, range);
    return plan_pumps(entries, settings, clock, range);
}

Seconds plan_reads_since(const Settings& settings, Seconds from, const date::time_zone* zone) {
    const Seconds since = plan_history_since(settings, from, zone);
    if (settings.mode != PlanMode::supply) return since;
    return std::min(since, from - date::days(8));
}

std::optional<NextPump> next_pump_in_mode(const std::vector<Entry>& entries, const Settings& settings,
                                          const Clock& clock) {
    if (settings.mode != PlanMode::supply) return next_pump(entries, settings, clock);
    return next_pump_in(plan_in_mode(entries, settings, clock, next_pump_range(clock.now)), entries, settings, clock);
}

}  // namespace pumplog
