#include "pumplog/pump_timer.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "pumplog/fields.hpp"

namespace pumplog {

namespace {

// The timer `start` as of `now`: nullopt when a pump or a cancel by then stopped it.
std::optional<PumpTimer> timer_of(const std::vector<Entry>& entries, const Entry& start, Seconds now) {
    PumpTimer timer;
    timer.id = start.id;
    timer.started = start.at.instant;
    if (const auto side = start.side.value()) timer.side = *side;
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

bool is_start(const Entry& e) { return e.type == EntryType::timer && e.action == TimerAction::start; }

}  // namespace

std::vector<PumpTimer> running_timers(const std::vector<Entry>& entries, Seconds now) {
    std::vector<PumpTimer> running;
    for (const Entry& e : entries)
        if (is_start(e) && e.at.instant <= now)
            if (auto timer = timer_of(entries, e, now)) running.push_back(std::move(*timer));
    return running;
}

std::optional<PumpTimer> running_timer(const std::vector<Entry>& entries, Seconds now) {
    std::vector<PumpTimer> running = running_timers(entries, now);
    if (running.empty()) return std::nullopt;
    PumpTimer newest = std::move(running.back());
    running.pop_back();
    newest.others = running.size();
    for (PumpTimer& other : running)
        if (other.stale) newest.stale_others.push_back(std::move(other));
    return newest;
}

std::vector<std::pair<const Entry*, const Entry*>> unstopped_timers(const std::vector<Entry>& entries) {
    std::unordered_set<std::string_view> stopped;  // the starts a pump or a cancel names
    for (const Entry& e : entries)
        if (!e.timer.empty() &&
            (e.type == EntryType::pump || (e.type == EntryType::timer && e.action == TimerAction::cancel)))
            stopped.insert(e.timer);
    std::vector<std::pair<const Entry*, const Entry*>> found;
    const Entry* later = nullptr;  // the next start after the one met
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
        if (!is_start(*e)) continue;
        if (later != nullptr && !stopped.contains(e->id)) found.emplace_back(&*e, later);
        later = &*e;
    }
    std::reverse(found.begin(), found.end());
    return found;
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
