// One container's life (container_life.hpp): what in it could not have
// happened, as `log edit`, `rm` and `undo` ask of the stash after a change.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/container_life.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::entry_of;

namespace {

Entry store(const std::string& at, const std::string& place, double ml) {
    return entry_of(fmt::format(R"({{"v":1,"id":"S","type":"store","at":"{}","ml":{},"place":"{}","label":"B35"}})",
                                at, ml, place));
}
Entry use(const std::string& id, const std::string& at, double ml) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"use","at":"{}","target":"S","ml":{}}})", id, at, ml));
}
Entry move(const std::string& id, const std::string& at, const std::string& place) {
    return entry_of(
        fmt::format(R"({{"v":1,"id":"{}","type":"move","at":"{}","target":"S","place":"{}"}})", id, at, place));
}
Entry discard(const std::string& id, const std::string& at) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"discard","at":"{}","target":"S"}})", id, at));
}

ContainerLife life(const Entry& stored, const std::vector<Entry>& events) { return ContainerLife{stored, events}; }

// "more_than_left U2 100": each conflict's problem, entry and what was left.
std::vector<std::string> described(const std::vector<LifeConflict>& conflicts) {
    static const char* names[] = {"before_store", "after_end",  "more_than_left", "frozen_part",
                                  "expired",      "same_place", "refrozen"};
    std::vector<std::string> out;
    for (const LifeConflict& c : conflicts)
        out.push_back(fmt::format("{} {} {}", names[static_cast<int>(c.problem)], c.entry.id, c.left.ml()));
    return out;
}

const std::string T8 = "2026-11-23T08:00:00-05:00";
const std::string T12 = "2026-11-23T12:00:00-05:00";
const std::string T13 = "2026-11-23T13:00:00-05:00";

}  // namespace

TEST_CASE("a life as pumplog writes it has no conflict", "[life]") {
    CHECK(life_conflicts(life(store(T8, "fridge", 100), {use("U1", T12, 80), use("U2", T13, 20)})).empty());
    // a frozen bag taken whole, or thawed first (--thaw: the move, then the use, at one time)
    CHECK(life_conflicts(life(store(T8, "freezer", 100), {use("U1", T12, 100)})).empty());
    CHECK(life_conflicts(life(store(T8, "freezer", 100), {move("M1", T12, "fridge"), use("U1", T12, 30)})).empty());
    CHECK(life_conflicts(ContainerLife{}).empty());  // no store: nothing to say
}

TEST_CASE("a use of more than is in the container could not have happened", "[life]") {
    CHECK(described(life_conflicts(life(store(T8, "fridge", 50), {use("U1", T12, 80)}))) ==
          std::vector<std::string>{"more_than_left U1 50"});
    CHECK(described(life_conflicts(life(store(T8, "fridge", 100), {use("U1", T12, 80), use("U2", T13, 30)}))) ==
          std::vector<std::string>{"more_than_left U2 20"});
    // to the journal's 0.01 ml, no more
    CHECK(life_conflicts(life(store(T8, "fridge", 100), {use("U1", T12, 80), use("U2", T13, 20.004)})).empty());
}

TEST_CASE("an entry before the store or after the end could not have happened", "[life]") {
    CHECK(described(life_conflicts(life(store(T12, "fridge", 100), {use("U1", T8, 30)}))) ==
          std::vector<std::string>{"before_store U1 100"});
    CHECK(described(life_conflicts(life(store(T8, "fridge", 100), {discard("D1", T12), use("U1", T13, 30)}))) ==
          std::vector<std::string>{"after_end U1 0"});
    // a use leaving less than 2 ml used the container up (the drops went with it)
    const auto ended = life_conflicts(life(store(T8, "fridge", 100), {use("U1", T12, 98.5), move("M1", T13, "room")}));
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].problem == LifeProblem::after_end);
    CHECK_FALSE(ended[0].discarded);
    CHECK(testing::utc_text(ended[0].since) == "2026-11-23T17:00:00+00:00");
}

TEST_CASE("part of a container poured while it is in the freezer could not have happened", "[life]") {
    // its thaw taken back, or moved after the use
    CHECK(described(life_conflicts(life(store(T8, "freezer", 100), {use("U1", T12, 30)}))) ==
          std::vector<std::string>{"frozen_part U1 100"});
    CHECK(described(life_conflicts(life(store(T8, "freezer", 100), {use("U1", T12, 30), move("M1", T13, "fridge")}))) ==
          std::vector<std::string>{"frozen_part U1 100"});
}

TEST_CASE("a use or move of expired milk, a move to where it is, thawed milk refrozen could not have happened",
          "[life]") {
    const std::string nov1 = "2026-11-01T08:00:00-05:00";
    const auto pumped_store = [&](const std::string& place) {
        return entry_of(fmt::format(
            R"({{"v":1,"id":"S","type":"store","at":"{}","ml":100,"place":"{}","pumped":"{}","label":"B35"}})", T8,
            place, nov1));
    };
    // A bag frozen since 1 November, thawed at 12:00 and used at 13:00: as pumplog writes it.
    const ContainerLife frozen = life(pumped_store("freezer"), {move("M1", T12, "fridge"), use("U1", T13, 30)});
    CHECK(life_conflicts(frozen).empty());
    // Said to be in the fridge since: fresh milk of 1 November, expired on the 5th; the move goes nowhere.
    const auto fridge = life_conflicts(frozen.with(pumped_store("fridge")));
    CHECK(described(fridge) == std::vector<std::string>{"expired M1 100", "same_place M1 100", "expired U1 100"});
    CHECK(testing::utc_text(fridge[0].since) == "2026-11-05T13:00:00+00:00");
    CHECK(fridge[1].place == Place::fridge);
    // Thawed into the room: an hour (CDC, the strict end of 1-2 hours), over by the 13:00 use.
    CHECK(described(life_conflicts(frozen.with(move("M1", T12, "room")))) ==
          std::vector<std::string>{"expired U1 100"});
    // Thawed, then back into the freezer: never refreeze, and expired from then.
    CHECK(described(life_conflicts(life(pumped_store("freezer"), {move("M1", T12, "fridge"),
                                                                 move("M2", T13, "freezer"), discard("D1", T13)}))) ==
          std::vector<std::string>{"refrozen M2 100"});
    // A discard of expired milk is what should happen.
    CHECK(life_conflicts(life(pumped_store("fridge"), {discard("D1", T12)})).empty());
}

TEST_CASE("a change is refused for the conflicts it makes, not for those the journal held", "[life]") {
    const ContainerLife before = life(store(T8, "fridge", 100), {use("U1", T12, 80)});
    const auto conflict = [&](const Entry& changed) {
        return new_conflict(life_conflicts(before), life_conflicts(before.with(changed)));
    };
    CHECK_FALSE(conflict(use("U1", T12, 90)));
    CHECK_FALSE(conflict(store(T8, "fridge", 80)));
    const auto less = conflict(store(T8, "fridge", 50));
    REQUIRE(less);
    CHECK(less->problem == LifeProblem::more_than_left);
    CHECK(less->entry.id == "U1");
    CHECK(less->left.ml() == 50);
    const auto more = conflict(use("U1", T12, 500));
    REQUIRE(more);
    CHECK(more->entry.id == "U1");
    CHECK(more->left.ml() == 100);
    const auto later = conflict(store(T13, "fridge", 100));
    REQUIRE(later);
    CHECK(later->problem == LifeProblem::before_store);

    // An old line that already took too much is left alone by a change elsewhere.
    const ContainerLife old = life(store(T8, "fridge", 50), {use("U1", T12, 80), move("M1", T8, "room")});
    const std::string T9 = "2026-11-23T09:00:00-05:00";
    CHECK_FALSE(new_conflict(life_conflicts(old), life_conflicts(old.with(move("M1", T9, "room")))));
    // ... but not a move it would put after the end
    CHECK(new_conflict(life_conflicts(old), life_conflicts(old.with(move("M1", T13, "room"))))->entry.id == "M1");
}

}  // namespace PUMPLOG_UNITY_ID
