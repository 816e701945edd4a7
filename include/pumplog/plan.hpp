#pragma once
// A pumping plan: what the planner (cadence mode) and the supply planner both
// produce, and what every plan renderer (table, json, csv, ics) takes.
#include <optional>
#include <string>
#include <vector>

#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A feed slot: the baby's typical feed at a time of day.
struct Slot {
    int minute = 0;  // minutes after local midnight
    Volume amount;   // typical amount drunk at this slot
    int seen = 0;    // on how many days of the look-back it was seen
};

// What a plan rests on (SPEC 5.4: every plan states its basis).
struct PlanBasis {
    int feeds = 0;  // feeds (or, in supply mode, pumps) it learned from
    int days = 0;   // days they span
    Seconds since{};
    Seconds until{};
    std::vector<std::string> notes;  // e.g. how breast feeds without an amount were counted
};

struct PlannedPump {
    Seconds at{};
    Volume target;                    // what the baby drinks in the slots it covers
    std::optional<Volume> expected;   // the parent's usual yield at that time of day
    std::vector<Seconds> covers;      // predicted feed times it provides for
    std::string reason;               // "covers the 12:30 feed", "added: longest gap 4 h by day", ...
    bool extra = false;               // proposed to make up a shortfall
};

enum class SupplyVerdict { on_track, behind, full_volume, not_enough_data };

// Supply mode (SPEC 5, building supply): progress against the milestones.
struct SupplyProgress {
    int day = 0;                        // days since birth
    Volume pumped_24h;                  // pumped in the last 24 hours
    int sessions_24h = 0;               // pump sessions in the last 24 hours
    bool night_session = false;         // a session between 01:00 and 05:00 in the last 24 h
    std::optional<Volume> milestone;    // the expected volume for this day, when one applies
    SupplyVerdict verdict = SupplyVerdict::not_enough_data;
};

struct Plan {
    PlanBasis basis;
    std::vector<Slot> slots;
    std::vector<PlannedPump> pumps;
    std::vector<std::string> advice;
    std::optional<SupplyProgress> progress;
};

}  // namespace pumplog
