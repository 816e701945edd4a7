#include "pumplog/pump_timer.hpp"

#include "pumplog/fields.hpp"

namespace pumplog {

std::optional<PumpTimer> running_timer(const std::vector<Entry>& entries, Seconds now) {
    const Entry* start = nullptr;
    for (const Entry& e : entries)
        if (e.type == EntryType::timer && e.action == TimerAction::start && e.at.instant <= now) start = &e;
    if (start == nullptr) return std::nullopt;
    PumpTimer timer;
    timer.id = start->id;
    timer.started = start->at.instant;
    if (const auto side = start->side.value()) timer.side = *side;
    Seconds since = timer.started;  // the current run's start
    for (const Entry& e : entries) {
        if (e.timer != timer.id || e.at.instant > now) continue;
        if (e.type == EntryType::pump) return std::nullopt;
        if (e.type != EntryType::timer) continue;
        const auto action = e.action.value();
        if (!action) continue;
        const Seconds at = std::max(e.at.instant, timer.started);
        if (*action == TimerAction::cancel) return std::nullopt;
        if (*action == TimerAction::pause && !timer.paused) {
            timer.running += at - since;
            timer.paused = true;
        } else if (*action == TimerAction::resume && timer.paused) {
            since = at;
            timer.paused = false;
        }
    }
    if (!timer.paused) timer.running += now - since;
    timer.stale = now - timer.started > timer_stale_after;
    return timer;
}

Line timer_line(TimerAction action, std::string_view start_id, std::optional<Side> side, Seconds at,
                std::string_view id, const date::time_zone* zone) {
    Entry e;
    e.type = EntryType::timer;
    e.id = id;
    e.at.instant = at;
    e.action.set(action);
    if (side) e.side.set(*side);
    if (action != TimerAction::start) e.timer = start_id;
    return entry_line(e, zone);
}

}  // namespace pumplog
