// `log edit`'s corrections (amend.hpp): the fields an amendment sets, in the
// order written, checked as the entry's recording command checks them.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "pumplog/amend.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::entry_of;
using testing::refusal;

namespace {
const Clock clock_ = testing::clock_at("2026-11-21T13:00:00Z");

Entry pump() {
    return entry_of(
        R"({"v":1,"id":"P","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90,"left_ml":40,"right_ml":50,"dur_s":900})");
}
Entry bottle() {
    return entry_of(
        R"({"v":1,"id":"B","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","ml":120,"milk":"formula"})");
}
Entry nursing() {
    return entry_of(
        R"({"v":1,"id":"N","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"breast","left_s":600,"dur_s":900})");
}
Entry store() {
    return entry_of(
        R"({"v":1,"id":"S","type":"store","at":"2026-11-21T09:00:00+01:00","ml":90,"place":"fridge","label":"A1"})");
}

// The `set` object the options give for the entry.
std::string set_of(const EditRequest& r, const Entry& target, Unit bare = Unit::ml) {
    return amendment(r, target, clock_, bare).json(clock_.zone).dump();
}
std::string refused(const EditRequest& r, const Entry& target) {
    return refusal([&] { amendment(r, target, clock_, Unit::ml); });
}
}  // namespace

TEST_CASE("a pump's new amount drops the sides it does not give, its sides make the amount", "[amend]") {
    EditRequest r;
    r.amount = "95ml";
    CHECK(set_of(r, pump()) == R"({"ml":95,"left_ml":null,"right_ml":null})");
    r.amount = "L45 R55";
    CHECK(set_of(r, pump()) == R"({"ml":100,"left_ml":45,"right_ml":55})");
    EditRequest side;
    side.left = "1.5";
    CHECK(set_of(side, pump(), Unit::oz) == R"({"left_ml":44.36,"right_ml":50,"ml":94.36})");
    EditRequest both = r;
    both.left = "10ml";
    CHECK(refused(both, pump()) == "give either --amount or --left/--right, not both");
}

TEST_CASE("time and note come first, a note given empty is removed", "[amend]") {
    EditRequest r;
    r.duration = "20m";
    r.note = "";
    r.at = "2026-11-21 08:45";
    CHECK(set_of(r, pump()) == R"({"at":"2026-11-21T08:45:00+01:00","note":null,"dur_s":1200})");
    r.note = "tired";
    r.duration.clear();
    CHECK(set_of(r, pump()) == R"({"at":"2026-11-21T08:45:00+01:00","note":"tired"})");
}

TEST_CASE("a feed changes between bottle and nursing, clearing the other's fields", "[amend]") {
    EditRequest to_breast;
    to_breast.breast = true;
    to_breast.right = "5m";
    CHECK(set_of(to_breast, bottle()) == R"({"method":"breast","ml":null,"milk":null,"right_s":300})");
    EditRequest to_bottle;
    to_bottle.bottle = true;
    to_bottle.amount = "60ml";
    CHECK(set_of(to_bottle, nursing()) == R"({"method":"bottle","left_s":null,"dur_s":null,"milk":"breast","ml":60})");
    to_bottle.milk = "formula";
    CHECK(set_of(to_bottle, nursing()) == R"({"method":"bottle","left_s":null,"dur_s":null,"ml":60,"milk":"formula"})");
    EditRequest milk;
    milk.milk = "breast milk";
    CHECK(set_of(milk, bottle()) == R"({"milk":"breast"})");
    EditRequest sides;
    sides.left = "12m";
    // Timed sides replace the time of untimed sides (pumplog(5): dur_s is for sides not timed).
    CHECK(set_of(sides, nursing()) == R"({"left_s":720,"dur_s":null})");
}

TEST_CASE("edit options that do not go with the entry are refused, each with its message", "[amend]") {
    EditRequest both;
    both.bottle = both.breast = true;
    CHECK(refused(both, bottle()) == "a feed is either --bottle or --breast, not both");
    EditRequest to_breast;
    to_breast.breast = true;
    CHECK(refused(to_breast, pump()) == "--bottle/--breast go with a feed");
    EditRequest milk;
    milk.milk = "formula";
    CHECK(refused(milk, pump()) == "--milk goes with a bottle feed");
    CHECK(refused(milk, nursing()) == "--milk goes with a bottle feed");
    CHECK(refused(milk, store()) == "--left/--right, --dur and --milk go with a pump or a feed");
    EditRequest amount;
    amount.amount = "90ml";
    CHECK(refused(amount, nursing()) == "a breast feed has durations, not an amount; use --left/--right or --dur");
    EditRequest bottle_sides;
    bottle_sides.left = "5m";
    CHECK(refused(bottle_sides, bottle()) == "--left/--right go with --breast");
    EditRequest bottle_dur;
    bottle_dur.duration = "5m";
    CHECK(refused(bottle_dur, bottle()) == "--dur goes with --breast (a bottle has an amount)");
    EditRequest no_amount;
    no_amount.bottle = true;
    CHECK(refused(no_amount, nursing()) == "a bottle feed needs its --amount");
    CHECK(refused(EditRequest{}, pump()) ==
          "nothing to change; give --amount, --at, --note, --left/--right, --dur, --milk, --bottle/--breast, "
          "--baby, --pumped, --in, --to, --label or --reason");
    EditRequest place;
    place.place = "freezer";
    CHECK(refused(place, pump()) == "--in goes with a stored container, --to with a move");
    EditRequest label;
    label.label = "F7";
    CHECK(refused(label, bottle()) == "--label goes with a stored container");
    EditRequest reason;
    reason.reason = "sour";
    CHECK(refused(reason, store()) == "--reason goes with a discard");
    EditRequest store_amount;
    store_amount.amount = "80ml";
    CHECK(set_of(store_amount, store()) == R"({"ml":80})");
    const Entry move = entry_of(
        R"({"v":1,"id":"M","type":"move","at":"2026-11-21T10:00:00+01:00","target":"S","place":"fridge"})");
    CHECK(refused(store_amount, move) ==
          "a move has no amount; --amount goes with a pump, a bottle feed, a store or a use");
    store_amount.amount = "1ml";
    CHECK(refused(store_amount, store()) ==
          "a container holds at least 2 ml (less is drops, not milk to keep); 1 ml is too little to store");
}

TEST_CASE("an edit that makes a pump or a nursing feed end in the future is refused unless forced", "[amend]") {
    EditRequest moved;
    moved.at = "13:50";  // now 14:00 in Berlin: the 15-minute session would end at 14:05
    CHECK(refused(moved, pump()) == "its 15 min as logged is longer than the time since the session's start (10 min, "
                                    "since 13:50): check it, or --force to record it");
    CHECK(refused(moved, nursing()) == "its 15 min as logged is longer than the time since the feed's start (10 min, "
                                       "since 13:50): check it, or --force to record it");
    EditRequest longer;
    longer.at = "13:30";
    longer.duration = "40m";
    CHECK(refused(longer, pump()) == "--dur 40 min is longer than the time since the session's start (30 min, since "
                                     "13:30): check it, or --force to record it");
    longer.force = true;
    CHECK(set_of(longer, pump()) == R"({"at":"2026-11-21T13:30:00+01:00","dur_s":2400})");
    EditRequest within;
    within.at = "13:45";
    CHECK(set_of(within, pump()) == R"({"at":"2026-11-21T13:45:00+01:00"})");
    // A note alone is no new time: an entry already ahead (forced) keeps being editable.
    const Entry ahead = entry_of(
        R"({"v":1,"id":"P","type":"pump","at":"2026-11-21T13:55:00+01:00","ml":90,"dur_s":1800})");
    EditRequest note;
    note.note = "long one";
    CHECK(set_of(note, ahead) == R"({"note":"long one"})");
}

TEST_CASE("an edit's implausible values are refused unless forced", "[amend]") {
    EditRequest r;
    r.duration = "0m";
    CHECK(refused(r, pump()) == "a duration of 0 s is implausible; give more than 0 and at most 3 h (or --force)");
    r.force = true;
    CHECK(set_of(r, pump()) == R"({"dur_s":0})");
    EditRequest future;
    future.at = "2026-11-21 16:00";
    CHECK(refused(future, pump()) ==
          "2026-11-21T16:00:00+01:00 is in the future; an entry is recorded once it has happened (or use --force)");
}

TEST_CASE("an amendment's line names its target and holds its set", "[amend]") {
    EditRequest r;
    r.amount = "95ml";
    const Amendment set = amendment(r, store(), clock_, Unit::ml);
    CHECK(serialize(amend_line("S", set, clock_.now, "ID", clock_.zone)) ==
          R"({"v":1,"id":"ID","type":"amend","at":"2026-11-21T14:00:00+01:00","target":"S","set":{"ml":95}})");
}

TEST_CASE("a container stored when pumped keeps its milk's time with its own when its time is corrected",
          "[amend]") {
    Entry stored = store();
    stored.pumped = stored.at;
    EditRequest r;
    r.at = "2026-11-20 09:00";
    CHECK(set_of(r, stored) == R"({"at":"2026-11-20T09:00:00+01:00","pumped":"2026-11-20T09:00:00+01:00"})");
    // Milk pumped before it was stored (stock add --pumped): only the stored time moves.
    stored.pumped = Stamp{stored.at.instant - std::chrono::hours(5), {}};
    CHECK(set_of(r, stored) == R"({"at":"2026-11-20T09:00:00+01:00"})");
}

TEST_CASE("the container add --store filled follows its pump's corrected time and volume", "[amend]") {
    Entry filled = store();
    filled.pumped = filled.at;
    filled.from = "P";
    Entry corrected = pump();
    corrected.at = Stamp{corrected.at.instant - std::chrono::hours(24), {}};
    corrected.ml = 70;
    const auto follows = stored_follows(pump(), corrected, filled, clock_.zone);
    REQUIRE(follows);
    CHECK(follows->json(clock_.zone).dump() ==
          R"({"at":"2026-11-20T09:00:00+01:00","pumped":"2026-11-20T09:00:00+01:00","ml":70})");
    // A note changes nothing the container holds, and a container not filled from this pump is left alone.
    Entry noted = pump();
    noted.note = "tired";
    CHECK_FALSE(stored_follows(pump(), noted, filled, clock_.zone));
    filled.from = "other";
    CHECK_FALSE(stored_follows(pump(), corrected, filled, clock_.zone));
}
TEST_CASE("a stored container's pumped time is corrected with --pumped, never after it was stored", "[amend]") {
    Entry stored = store();
    stored.pumped = stored.at;
    EditRequest r;
    r.pumped = "2026-11-20 22:10";
    CHECK(set_of(r, stored) == R"({"pumped":"2026-11-20T22:10:00+01:00"})");
    r.at = "2026-11-21 08:00";  // given with a new stored time: the pumped time given wins
    CHECK(set_of(r, stored) == R"({"at":"2026-11-21T08:00:00+01:00","pumped":"2026-11-20T22:10:00+01:00"})");
    EditRequest late;
    late.pumped = "2026-11-21 10:00";
    CHECK(refused(late, stored) == "milk pumped at 2026-11-21 10:00 cannot be stored before, at 2026-11-21 09:00");
    CHECK(refused(r, pump()) == "--pumped goes with a stored container (when its milk was expressed)");
}

TEST_CASE("the use that poured a feed's whole bottle from the stash follows the feed's new amount", "[amend]") {
    Entry use = entry_of(R"({"v":1,"id":"U","type":"use","at":"2026-11-21T09:00:00+01:00","target":"S","ml":120,)"
                         R"("from":"B","group":"B"})");
    Entry corrected = bottle();
    corrected.ml = 100;
    const auto follows = use_follows(bottle(), corrected, use);
    REQUIRE(follows);
    CHECK(follows->json(clock_.zone).dump() == R"({"ml":100})");
    // A use that took only part of the bottle (several containers), or one of another feed, keeps its own.
    use.ml = 60;
    CHECK_FALSE(use_follows(bottle(), corrected, use));
    use.ml = 120;
    use.from = "other";
    CHECK_FALSE(use_follows(bottle(), corrected, use));
}

}  // namespace PUMPLOG_UNITY_ID
