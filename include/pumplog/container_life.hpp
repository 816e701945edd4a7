#pragma once
// One container's life (SPEC 4, 11): its store and the moves, uses and
// discards that name it, replayed in time order as the stash replays them,
// and what in it could not have happened. `log edit`, `rm` and `undo` ask it
// of the container as it would be after the change, and refuse a change that
// makes its life impossible (what `stock use` would have refused).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A container's entries in effect: its store (nullopt when no store with that
// id is in effect) and the moves, uses and discards naming it, in the order written.
struct ContainerLife {
    std::optional<Entry> store;
    std::vector<Entry> events;

    // The same life with `changed` in place of the entry with its id (the store or an event).
    ContainerLife with(const Entry& changed) const;
};

// The lives of the containers whose stores have these ids (in that order), in one read.
std::vector<ContainerLife> read_lives(const Journal& journal, const std::vector<std::string>& store_ids, bool strict);
ContainerLife read_life(const Journal& journal, std::string_view store_id, bool strict);

enum class LifeProblem {
    before_store,    // the entry comes before the container was stored
    after_end,       // the container was used up or discarded before it
    more_than_left,  // a use takes more than is in the container
    frozen_part,     // a use pours part of a container in the freezer (SPEC 11: only once thawed)
    expired,         // a use or move of the container once it has expired (never use expired milk)
    same_place,      // a move to the place the container is already in
    refrozen,        // a move of thawed milk into the freezer (never refreeze)
};

struct LifeConflict {
    LifeProblem problem = LifeProblem::more_than_left;
    Entry entry;             // the move, use or discard that could not have happened
    Volume left;             // what the container held just before it
    // before_store: when it was stored; after_end: when it was used up or
    // discarded; expired: when it expired; refrozen: when it was thawed; else
    // the entry's time as replayed (not before the store).
    Seconds since{};
    bool discarded = false;  // after_end: it had been discarded (else used up)
    Place place = Place::fridge;  // where the container was just before it
};

// What could not have happened in `life`, in time order (ties: the order
// written), replayed as the stash does: an entry after the end is skipped, a
// use takes what is there at most, and one leaving less than
// least_container_ml uses the container up; a move to where it is already is
// skipped. The expiry under `guideline` (stock.hpp: compute_expiry) says when
// a use or move takes expired milk. Empty without a store.
std::vector<LifeConflict> life_conflicts(const ContainerLife& life, const Guideline& guideline = cdc_guideline());

// The first conflict of `after` that `before` does not have (the same problem
// at the same entry): what a change would make impossible, leaving alone what
// the journal held already (a hand edit, an old version's line).
std::optional<LifeConflict> new_conflict(const std::vector<LifeConflict>& before,
                                         const std::vector<LifeConflict>& after);

}  // namespace pumplog
