#pragma once
// `plan bottles` for people and for scripts (the JSON shape: pumplog-plan(1)).
#include <string>

#include "pumplog/bottles.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog::render {

// `applied`: the moves this run recorded (--apply), or nullopt without --apply.
std::string bottles_text(const BottlePlan& plan, Unit unit, const Clock& clock, std::optional<int> applied);
std::string bottles_json(const BottlePlan& plan, Unit unit, const Clock& clock, std::optional<int> applied);

}  // namespace pumplog::render
