#pragma once
// Slips caught before they are recorded (SPEC 10): an amount far over the
// parent's own, and the same entry typed twice in a row.
#include <optional>
#include <chrono>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// An amount over slip_factor times the largest of its kind (pumps, bottle
// feeds, stored milk) in the slip_lookback before now is refused, once there
// are at least slip_min_seen of that kind to judge by (a new journal has no
// "usual" yet).
inline constexpr double slip_factor = 2.5;
inline constexpr std::chrono::days slip_lookback{30};
inline constexpr int slip_min_seen = 3;
// The same kind and amount within duplicate_within of an entry written in the
// last duplicate_written (by its id's creation time, against the wall clock
// that writes ids) is refused as typed twice.
inline constexpr std::chrono::minutes duplicate_within{2};
inline constexpr std::chrono::minutes duplicate_written{10};

// The entry about to be recorded.
struct SlipCheck {
    EntryType type = EntryType::pump;  // pump, feed (a bottle) or store
    Volume amount;
    Seconds at;
    std::optional<Seconds> pumped{};  // a store: when its milk was pumped (bags of other days are not twins)
    std::string baby{};  // a feed: whose (SPEC 12: twins' bottles of one size at once are not typed twice)
    std::optional<Place> place{};  // a store: where (a bag to the fridge and one to the freezer are two)
    // A store: its --label, "" when none is given. A label of its own, other than the earlier container's, is
    // the parent's intent (a session split into equal bags), not a slip; the same label, or none, still is.
    std::string label{};
};

// How far back the history given to check_slips must reach.
Seconds slips_since(const SlipCheck& check, Seconds now);

// The recent history tried first (`add` answers from the journal's tail: SPEC
// 9): when it settles the check, the 30 days are not read.
inline constexpr std::chrono::days slip_recent{2};
Seconds recent_slips_since(const SlipCheck& check, Seconds now);
// Whether `entries` (the history since recent_slips_since, or longer) settle
// the check as well as the whole look-back would: slip_min_seen of the kind
// are there and the amount is within slip_factor of their largest (a longer
// look can only find a larger one and more of them). The duplicate rule needs
// minutes only, which the recent history covers.
bool slips_settled(const std::vector<Entry>& entries, const SlipCheck& check, Seconds now);

// Usage error (exit 2) saying why, unless `force`: the amount is a slip by
// either rule against `entries` (the history in effect since slips_since).
// `written_now` is the wall clock ids are made with; the earlier entry is named
// at its time in `clock`'s zone, with its date unless it is today there.
void check_slips(const std::vector<Entry>& entries, const SlipCheck& check, const Clock& clock,
                 std::chrono::system_clock::time_point written_now, bool force, Unit unit);

}  // namespace pumplog
