#pragma once
// The cadence a plan is built on (internal to the planner: planner.cpp and
// plan_stash.cpp): the learned slots with their amounts, and how the amounts
// were known.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/cadence.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/plan.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

// The cadence with its amounts, and the advice on how they were known.
struct PlanCadence {
    Cadence cadence;
    std::vector<PlanAdvice> advice;
    bool estimated = false;  // some slot's amount is an estimate
};

// The slots' amounts a plan in `mode` counts: pumping exclusively, each slot's share of the day's whole
// volume (the pumps make all of the day's milk); away, each slot's own (a pump covers the feeds while away,
// not the night feeds at home). `plan bottles` takes the own amounts in every mode: a bottle is one feed's.
SlotAmounts slot_amounts_for(PlanMode mode);

// The cadence learned on [since, until), never refused for want of amounts:
// when no feed carries an amount (nursing), or half of the window's feeds or
// fewer do (a few bottles are no sample of the nursing), each slot gets the
// intake norm for the baby's age (intake.hpp) divided by the feedings a day;
// without a birth date, the age counts from the first feed logged (the baby is
// at least that old) and the advice asks for the date. With more than half of
// the feeds measured, a slot whose feeds mostly had none is marked estimated
// (counted at the bottle average).
// `age_on`: the first day planned, for the baby's age in an intake estimate
// (feeds without amounts); the day of `until` when it is later or not given. `amounts`: what the slots'
// amounts are (learn_cadence; an intake estimate is the same either way).
PlanCadence plan_cadence(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone,
                         Seconds since, Seconds until, SlotAmounts amounts,
                         std::optional<date::sys_days> age_on = std::nullopt);

// The cadence a plan for days away rests on (`plan bottles`, `plan stash`):
// the look-back window of `first_day` up to now (plan_lookback_since), an intake estimate at the baby's age on
// `first_day`, the first day planned (pumplog-plan(1), Feeds without amounts);
// usage error naming `command` in away mode without away hours. `amounts`: as for plan_cadence.
PlanCadence away_plan_cadence(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                              std::string_view command, date::sys_days first_day, SlotAmounts amounts);

// The baby's day since birth on `day` (the day of birth is day 0; never less than 0), counted from the birth
// date set, or from the first feed in `entries` when the birth date is after its day (a slip: the baby was
// born by that feed, as plan_cadence counts); nullopt without a birth date (the first feed logged says only how
// old the baby is at least).
std::optional<int> day_since_birth(const std::vector<Entry>& entries, const Settings& settings,
                                   const date::time_zone* zone, date::sys_days day);

// What an estimate's advice says had no amount: "no feed has an amount" when the estimate is every baby's
// the plan could read, else whose feeds ("Zoë's feeds have no amount": the other baby's are measured, or
// that baby is not planned for). `a`: an estimated_intake item of a plan on `basis`.
std::string no_amount_words(const PlanAdvice& a, const PlanBasis& basis);

// How feeds without an amount were counted when not at the age norm (`learned` has no estimated_intake advice,
// whose sentence says it): the basis's note ("19 breast feeds without an amount counted at the bottle average,
// 130 ml"), empty otherwise. plan bottles and plan stash say it of the bottles and feeds it makes estimates.
std::string fill_words(const PlanCadence& learned);

}  // namespace pumplog
