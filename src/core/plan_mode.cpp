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
    // Supply mode reads back to the birth too: whether the parent ever came to volume (over 500 ml on any whole
    // day since it: pumplog-supply(7)) is never forgotten as the look-back window moves on.
    const Seconds read = std::min(since, from - date::days(8));
    if (!settings.birth) return read;
    return std::min(read, start_of_local_day(date::sys_days(*settings.birth), zone));
}

std::optional<NextPump> next_pump_in_mode(const std::vector<Entry>& entries, const Settings& settings,
                                          const Clock& clock) {
    if (settings.mode != PlanMode::supply) return next_pump(entries, settings, clock);
    return next_pump_in(plan_in_mode(entries, settings, clock, next_pump_range(clock.now)), entries, settings, clock);
}

}  // namespace pumplog
