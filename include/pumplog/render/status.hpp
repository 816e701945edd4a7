#pragma once
// `pumplog status`: today at a glance as text (80 columns) or as a stable
// JSON object (pumplog(1), STATUS JSON).
#include <optional>
#include <string>
#include <vector>

#include "pumplog/planner.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/status.hpp"
#include "pumplog/stock.hpp"

namespace pumplog::render {

// What the command adds to the day's numbers.
struct StatusExtras {
    std::optional<NextPump> next;
    std::string no_plan;  // why there is no next pump (too little to plan from), when none
    StockSummary stash;
    std::vector<const Container*> expiring;  // within 24 h, soonest first
};

std::string status_text(const DayStatus& day, const StatusExtras& extras, Unit unit, const Style& style,
                        const Clock& clock);
std::string status_json(const DayStatus& day, const StatusExtras& extras, Unit unit, const Clock& clock);
// "the pump timer has been running since 06:10 (3 h 5 min): ..." for a stale timer.
std::string stale_timer_text(const PumpTimer& timer, const Clock& clock);
// The sentences for `timer` (running_timer's newest) and the other stale timers running with it: each
// command given with --started when several run (two devices' journals merged); empty when none is stale.
std::string stale_timers_text(const PumpTimer& timer, const Clock& clock);

}  // namespace pumplog::render
