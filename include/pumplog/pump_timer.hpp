#pragma once
// The pump timer (SPEC 10, `pumplog pump`): a session timed as it happens.
// It lives in the journal as `timer` lines (start, pause, resume, cancel, each
// but the start naming the start's id in `timer`), and a `pump` line carrying
// `timer` stops it; so a timer started on one device can be stopped on
// another after `log merge`. Pure: entries in, the running timer out.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

struct PumpTimer {
    std::string id;  // the start line's id
    Seconds started{};
    std::optional<Side> side;
    std::chrono::seconds running{0};  // time pumped so far, pauses left out
    bool paused = false;
    bool stale = false;  // started more than timer_stale_after ago: likely forgotten
    std::size_t others = 0;  // other timers running with it (running_timer: two devices' journals merged)
    std::vector<PumpTimer> stale_others;  // those of the others that are stale, oldest first (running_timer)
};
// A timer started longer ago than this is reported, never silently recorded.
inline constexpr std::chrono::hours timer_stale_after{2};
// How far back a running timer is looked for: a start older than this is not
// a timer any more (status and plan next report it as stale long before).
inline constexpr std::chrono::days timer_lookback{2};

// The timers started by `now` that no pump and no cancel has stopped, oldest
// first, from entries in effect sorted by time. More than one runs only when
// journals of two devices that each started one were merged (one device
// refuses a second start): the commands that stop a timer then ask which.
std::vector<PumpTimer> running_timers(const std::vector<Entry>& entries, Seconds now);
// The newest of running_timers, with the others counted and the stale ones of them kept; nullopt when none
// runs.
std::optional<PumpTimer> running_timer(const std::vector<Entry>& entries, Seconds now);

// Timer starts that no pump and no cancel ever stopped though a later timer
// was started (a session timed on two devices, merged), each with the next
// start after it, oldest first: for log check.
std::vector<std::pair<const Entry*, const Entry*>> unstopped_timers(const std::vector<Entry>& entries);

// A timer line (`action` start, pause, resume or cancel).
Line timer_line(TimerAction action, std::string_view start_id, std::optional<Side> side, Seconds at,
                std::string_view id, const date::time_zone* zone);

}  // namespace pumplog
