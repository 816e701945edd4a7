#pragma once
// What the stash's commands do (SPEC 4), as questions of a Stock: the lists,
// and the rules of store, use, move and discard. Each refuses with a usage
// error, before anything is written; the command parses, asks, writes the
// lines and renders.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/guideline.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// `stock`: the containers in stock in use order, then with `all` the finished
// ones, by when they ended.
std::vector<const Container*> listed_containers(const Stock& stock, Seconds now, bool all);

// `stock expiring`: the containers in stock that expire within `within` of
// `now` (not negative), the most urgent first (expired milk, then what expires soonest).
std::vector<const Container*> expiring_within(const Stock& stock, Seconds now, std::chrono::seconds within);

// The container a stash command names by its label (stock use, combine, move, discard), as of `at`: `unheld`
// gives, for a label `stock` does not hold (a stash as of `at` forgets a finished container, and holds none
// stored later), the container with that label read from every entry, or null.
using UnheldPart = std::function<const Container*(std::string_view label)>;
struct LabelLookup {
    Seconds at;
    const date::time_zone* zone = nullptr;
    std::string_view doing;   // what is refused before the store: "a combine", "a use", "a move", "a discard"
    std::string_view option;  // the option that gives the time: --now, --at
    UnheldPart unheld = {};
};
// `labels[first]`'s container: the one `stock` holds, else `lookup.unheld`'s. Usage error when no container has
// that label ("no container is labelled ...; see pumplog stock --all"), when `unheld`'s was used up or
// discarded by then (plan_use_container's refusal), or when it was stored after `at`: "B2 was stored only at
// 2026-11-29 10:01 and B1 at 2026-11-29 10:00; a combine cannot come before that: give a time at or after
// 2026-11-29 10:01 (--now)", naming every label from `first` on not stored yet, in the order named.
const Container& find_labelled(const Stock& stock, const std::vector<std::string>& labels, std::size_t first,
                               const LabelLookup& lookup);

// `stock add`: the label of the new container: `wanted` when given (checked
// by check_new_label), else the next free one.
std::string label_for(const Stock& stock, std::string_view wanted);

// The container a store line makes (its expiry under `guideline`), for the message.
Container stored_container(const StoreRecord& store, const Guideline& guideline);

// `stock use WHAT`: all of the container labelled `what` (looked up by
// find_labelled with `unheld`, as stock combine looks up its parts), else the
// amount `what` (a bare number in `unit`) taken soonest-to-expire first. Usage
// error when it is neither, a label of a container used up, discarded or
// stored after `at`, shows as 0 ml (under 0.05 ml), or the usable milk cannot cover it.
// Without `thaw`, what can be poured now (Pour::poured_now): milk out of the
// freezer when it covers the amount, a frozen container only whole. Part of a
// frozen container is never poured (SPEC 11): usage error quoting the rule,
// unless `thaw`: then the amount is taken soonest to expire first from all the
// usable milk, and a frozen container poured in part is thawed whole first
// (UsePlan::thaws).
UsePlan plan_stock_use(const Stock& stock, std::string_view what, Unit unit, Seconds at, const date::time_zone* zone,
                       const Guideline& guideline = cdc_guideline(), bool thaw = false,
                       const UnheldPart& unheld = {});

// `log feed --from-stock`: `amount` taken from the stash at `at`, as
// plan_stock_use takes an amount; usage error when it shows as 0 ml (under
// 0.05 ml) or the usable milk cannot cover it (saying how much is usable, and
// how much more has expired, in `unit`). `baby`: the feed's (--baby), "" for
// none: a leftover another baby left is not taken (kept_for_another), and the
// refusal names it. `stock use AMOUNT` names no baby: it takes no leftover a
// named baby left (only `stock use LABEL` does, the parent's explicit choice).
// With a zone, a refusal because milk in the stash was stored after `at` (a backdated feed) says so, with the
// times, and from when the amount would be taken. With a zone and `now` after `at` (a backdated feed), the
// refusal of part of a frozen container gives the time the rest, thawed at `at`, would keep until, and says it
// would have to be discarded when that is already past at `now`.
UsePlan plan_feed_from_stock(const Stock& stock, Volume amount, Seconds at, Unit unit,
                             const Guideline& guideline = cdc_guideline(), bool thaw = false,
                             std::string_view baby = {}, const date::time_zone* zone = nullptr,
                             std::optional<Seconds> now = std::nullopt);

// A take's container after the plan's thaw (if any): where it is, its expiry and thaw time.
struct AfterTake {
    Place place = Place::fridge;
    Expiry expiry;
};
AfterTake after_take(const UsePlan& plan, const Take& take, Seconds at, const Guideline& guideline);

// `log feed DRUNK --from-stock --offered OFFERED`: the container for what the
// baby left (`leftover`), stored at the feed's time `at` at room temperature,
// dated by its oldest milk, thawed if any of it was, and used by the leftover
// limit after the feed (CDC: 2 hours; thawed milk, 1 hour: leftover_limit) or
// the earliest expiry of its milk. `baby`: the feed's, "" for none named; the
// leftover records it (offered again only to that baby: kept_for_another) and
// its note names it.
StoreRecord leftover_store(const UsePlan& plan, Volume leftover, Seconds at, const Guideline& guideline,
                           std::string_view baby = {});
// When a leftover of a feed poured from `plan` at `at` expires: the guideline's
// leftover limit after the feed, or for thawed milk its room-temperature limit
// when that is shorter, unless the milk it was poured from expires sooner
// (`capped_by`: the container whose milk expires first, else nullptr).
struct LeftoverLimit {
    Seconds until{};
    const Container* capped_by = nullptr;
    std::chrono::seconds after_feed{};  // the limit after the feed: the leftover's, or thawed milk's in the room
    bool thawed = false;                // after_feed is thawed milk's room-temperature limit
};
LeftoverLimit leftover_limit(const UsePlan& plan, Seconds at, const Guideline& guideline);

// `stock combine LABEL... [--in PLACE] [--thaw]`: the parts, and the
// container they make (SPEC 11): dated by its oldest milk, its expiry the
// earliest of the parts' (each as if moved to PLACE), thawed if any part was,
// best by the parts' earliest best-by when it goes into the freezer. Frozen
// milk cannot be poured: a part in the freezer is refused unless `thaw`, when
// it is thawed first (moved to the fridge: `thaws`) and the milk goes to the
// fridge unless `in` says otherwise. Usage error for fewer than two parts,
// one named twice, one not usable, a leftover of a feed (never combined with
// other milk), parts in different places without `in` (and nothing to
// thaw), or thawed milk into the freezer (quoting the rule). `warning`: the
// CDC's advice when fresh milk at room temperature would join chilled or
// frozen milk. Each part is looked up by find_labelled with `unheld`: a part
// used up or discarded is refused saying so, and one stored after `at` with
// when it and every part named after it not stored yet were stored, and the
// time from which the combine would be accepted.
struct CombinePlan {
    std::vector<const Container*> parts;
    std::vector<const Container*> thaws;  // the frozen parts, thawed (moved to the fridge) at the combine's time
    StoreRecord store;  // its label still to be given
    std::string warning;
};
CombinePlan plan_combine(const Stock& stock, const std::vector<std::string>& labels, std::optional<Place> in,
                         Seconds at, const Guideline& guideline, const date::time_zone* zone, bool thaw = false,
                         const UnheldPart& unheld = {});

// What a plan takes in all.
Volume total(const UsePlan& plan);

// `stock move LABEL --to PLACE`: the container, checked (check_move), and its expiry after the move.
struct MovePlan {
    const Container* container = nullptr;
    Expiry after;
    bool thaws = false;  // its first time out of the freezer
};
MovePlan plan_move(const Stock& stock, std::string_view label, Place to, Seconds at, const Guideline& guideline,
                   const date::time_zone* zone);

// `stock discard LABEL`: the container, checked (check_discard), and the reason
// written: `reason`, else "expired" for expired milk.
struct DiscardPlan {
    const Container* container = nullptr;
    std::string reason;
};
DiscardPlan plan_discard(const Stock& stock, std::string_view label, std::string_view reason, Seconds now,
                         const date::time_zone* zone);

}  // namespace pumplog
