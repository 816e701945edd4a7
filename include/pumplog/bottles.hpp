#pragma once
// `plan bottles` (SPEC 11): what to pack for a day away. For the feeds the
// baby takes while the parent is away that day (the away timetable's covered
// feeds, with their learned amounts), the bottles and the containers that fill
// them: milk already out of the freezer first, then frozen bags to move to
// the fridge the evening before (or at 07:00 on the day, or 18:00 of a day
// for a night away, when the milk thawed earlier would expire before the
// feeds it is for), always while the parent is at home (never in an away
// window: the evening's thaw waits for the parent home, and a thaw that would
// fall while away is the evening before instead, late enough that the milk
// keeps until the window ends), never one that expires before its feed: the bag that
// expires soonest, unless one bag alone covers all the needs left (then the
// soonest to expire of those: no more bags than needed), each thawed when its
// milk goes furthest into the needs before it expires (none left to expire
// unused when a later thaw would let it be used), the earliest of equal
// times. Each bottle gets its feed's amount first, then its
// rounding up from what is left of the containers already in it: only the need can be short. A leftover fills
// a bottle only on its own, and no part poured is under least_container_ml
// (drops stay in their container; a bottle lacking less is not short, and no
// bag is thawed for it). A pure function of (entries, stash, settings,
// guideline, clock): no I/O.
#include <optional>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/plan.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A bottle's size is its feed's amount rounded up to this step: 10 ml, or half an ounce.
Volume bottle_size(Volume need, Unit unit);

// Milk poured from one container into a bottle.
struct BottleFill {
    const Container* container = nullptr;
    Volume amount;
    bool thawed_tonight = false;  // the container is one of the plan's thaws (the evening's or a later one)
    Seconds thawed_at{};          // when that thaw is (this plan's, or the earlier day's of thawed_for)
    std::optional<date::sys_days> thawed_for{};  // a bag an earlier day's plan thaws: what it left of it
};

struct Bottle {
    Seconds feed{};       // the predicted feed it is for
    Volume need;          // the slot's amount
    Volume size;          // need rounded up (bottle_size)
    bool estimated = false;
    std::vector<BottleFill> fills;  // from the stash, in pouring order
    Volume missing;       // what the stash cannot give: none when it gives the need (the rounding up is not
                          // short), else what the bottle lacks of its size (SPEC 11: the size is packed)
    std::string baby{};   // whose bottle, when the journal names several babies (SPEC 12)
};

// A frozen bag to move to the fridge: the evening before or, for feeds the
// evening's thawed milk would not keep until, later: 07:00 or 18:00 of a day,
// or later the evening before when the parent is away then (see plan_bottles).
struct Thaw {
    const Container* container = nullptr;
    Seconds at{};       // when to move it (the evening before, or now when that has passed; or later)
    Seconds expires{};  // its expiry once moved then
};

// What would cover a shortfall: one pump more (the parent's usual yield), or formula.
struct BottleCover {
    Volume short_by;
    std::optional<Volume> pump_expected;  // a session's usual yield, when pumps were logged
    int pumps = 0;                         // sessions of that yield to cover it (0 when unknown)
    Volume formula;                        // formula that would cover it
};

// Milk an earlier day's bottles take (a plan for a later day than today sets it aside first): what the plan of
// `day` (plan bottles --on that day, as of now) pours from a container into its bottles still ahead.
struct HeldBack {
    date::sys_days day;
    const Container* container = nullptr;
    Volume amount;
    std::optional<Seconds> thaw;  // that day's plan thaws the bag then (the bag is still frozen now)
};

struct BottlePlan {
    date::sys_days day;
    std::vector<TimeSpan> away;  // the away periods of that day
    std::vector<Bottle> bottles; // in feed order: the feeds still ahead of now
    std::vector<Seconds> past;   // the away feeds of the day already past: no bottle, no thaw
    std::vector<Thaw> thaws;     // in the order to move them
    Seconds evening{};           // the evening thaw's time (thaw_time)
    Volume total;                // the bottles' sizes added up
    Volume from_ready;           // poured from milk out of the freezer now (fridge, thawed, room, cooler)
    Volume from_frozen;          // poured from the plan's thaws
    std::optional<BottleCover> shortfall;
    PlanBasis basis;
    std::vector<std::string> advice;  // how the amounts were known (estimates)
    std::vector<HeldBack> held;       // set aside for the days from today to the day before, in day order
};

// When the evening's thaws of a plan for `day` happen: 18:00 the evening before (when the parent is away then,
// one of `away`'s periods, its end: the parent home) or, past that, `now` (the moment --apply records them).
Seconds thaw_time(date::sys_days day, Seconds now, const date::time_zone* zone,
                  const std::vector<TimeSpan>& away = {});

// Needs away windows (or exclusive mode: every feed of the day); usage error
// otherwise, in supply mode, and when too few feeds were logged to learn the
// cadence. A day before today is refused. A later day than today is planned
// from what the days before leave: each day's plan from today on (its bottles
// still ahead, as plan bottles --on that day fills them now) takes its milk
// first, and a bag it thaws is thawed then (`held`).
BottlePlan plan_bottles(const std::vector<Entry>& entries, const Stock& stock, const Settings& settings,
                        const Guideline& guideline, const Clock& clock, date::sys_days day);
// The plan points into `stock`'s containers: a temporary stock would leave it dangling.
BottlePlan plan_bottles(const std::vector<Entry>& entries, Stock&& stock, const Settings& settings,
                        const Guideline& guideline, const Clock& clock, date::sys_days day) = delete;

}  // namespace pumplog
