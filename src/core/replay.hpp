#pragma once
// The replay's two passes, inside the core. replay() delivers each entry in
// effect and calls `reset` when it must start over (a correction stands before
// its target in the file); replay_fold() hides that: each pass folds into a
// fresh state, and the caller gets the last one. Commands ask the questions of
// history.hpp (and stock.hpp, report.hpp) instead.
#include <functional>
#include <memory>

#include "pumplog/history.hpp"

namespace pumplog {

struct ReplayResult {
    ReadStats stats;
};

// Delivers each event entry in effect (newest written first), amendments
// applied. `reset` is called when the replay has to start over (a void or
// amend line found before its target in the file): drop what was delivered.
ReplayResult replay(const Journal& journal, const ReplayOptions& options,
                    const std::function<void(const Replayed&)>& deliver,
                    const std::function<void()>& reset);

// A store or a use: lines that name the entry they came from in `from`.
inline bool carries_from(const Entry& e) { return e.type == EntryType::store || e.type == EntryType::use; }
// Whether `e` was written by the command that wrote `entry` (command_of's rule: history.hpp).
bool same_command(const Entry& entry, const Entry& e);

template <class State>
struct Folded {
    std::unique_ptr<State> state;
    ReadStats stats;
};

// Folds the entries in effect into the state `start()` makes (a unique_ptr):
// `add(state, replayed)` for each. When the replay starts over, the state is
// dropped and a fresh one started: no state is ever undone.
template <class Start, class Add>
auto replay_fold(const Journal& journal, const ReplayOptions& options, Start start, Add add) {
    using State = typename decltype(start())::element_type;
    Folded<State> out{start(), {}};
    out.stats = replay(
                    journal, options, [&](const Replayed& r) { add(*out.state, r); },
                    [&] { out.state = start(); })
                    .stats;
    return out;
}

}  // namespace pumplog
