// The stash's operations (SPEC 4): what `stock`, `stock add/use/move/discard`,
// `stock expiring` and `log feed --from-stock` ask of a Stock.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/stash.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::entry_of;
using testing::instant;
using testing::utc_text;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

const Seconds P = instant("2026-11-20T08:00:00Z");

Entry store(const std::string& id, Seconds at, const std::string& place, double ml, const std::string& label) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"{}","pumped":"{}","label":"{}"}})",
                                id, utc_text(at), ml, place, utc_text(at), label));
}
Entry use(const std::string& id, const std::string& target, Seconds at, double ml) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"use","at":"{}","target":"{}","ml":{}}})", id,
                                utc_text(at), target, ml));
}

Stock stash(const std::vector<Entry>& entries) { return build_stock(entries, {}, cdc_guideline()); }

std::vector<std::string> labels(const std::vector<const Container*>& cs) {
    std::vector<std::string> out;
    for (const Container* c : cs) out.push_back(c->label);
    return out;
}

const date::time_zone* berlin() { return locate_zone("Europe/Berlin"); }

}  // namespace

TEST_CASE("the stock list: in use order, then with all the finished ones by when they ended") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P, "room", 90, "B2"),
                           store("c", P + hours(1), "fridge", 30, "B3"), use("u1", "c", P + hours(3), 30),
                           store("d", P, "fridge", 40, "B4"), use("u2", "d", P + hours(2), 40)});
    CHECK(labels(listed_containers(s, now, false)) == std::vector<std::string>{"B1", "B2"});  // B2 expired: last
    CHECK(labels(listed_containers(s, now, true)) == std::vector<std::string>{"B1", "B2", "B4", "B3"});
}

TEST_CASE("expiring within: the containers in stock expiring by then, the most urgent first") {
    const Seconds now = P + hours(5);
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P, "room", 90, "B2"),
                           store("c", P + hours(4), "room", 30, "B3")});
    CHECK(labels(expiring_within(s, now, hours(24))) == std::vector<std::string>{"B2", "B3"});
    CHECK(labels(expiring_within(s, now, hours(0))) == std::vector<std::string>{"B2"});
    CHECK(labels(expiring_within(s, now, days(4))) == std::vector<std::string>{"B2", "B3", "B1"});
}

TEST_CASE("a new container's label: the next free one, or the one given, checked") {
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P, "fridge", 60, "B7")});
    CHECK(label_for(s, "") == "B8");
    CHECK(label_for(s, "work1") == "work1");
    CHECK(testing::refusal([&] { label_for(s, "b7"); }) == "label \"b7\" is taken; the next free one is B8");
}

TEST_CASE("the container a store makes has the guideline's expiry") {
    StoreRecord r;
    r.at = P + hours(1);
    r.pumped = P;
    r.amount = Volume::from_ml(120);
    r.place = Place::fridge;
    r.label = "B3";
    const Container c = stored_container(r, cdc_guideline());
    CHECK(c.label == "B3");
    CHECK(c.stored.ml() == Approx(120));
    CHECK(c.place == Place::fridge);
    CHECK(c.expires == P + days(4));  // from expression, not from storing
    CHECK_FALSE(c.best_by);
    r.place = Place::freezer;
    CHECK(stored_container(r, cdc_guideline()).best_by);
}

TEST_CASE("stock use: a label takes all of it, a bare number is in the unit given") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P + hours(1), "fridge", 100, "B2")});
    const UsePlan all = plan_stock_use(s, "b2", Unit::ml, now, berlin());
    REQUIRE(all.takes.size() == 1);
    CHECK(all.takes[0].container->label == "B2");
    CHECK(total(all).ml() == Approx(100));
    const UsePlan oz = plan_stock_use(s, "3", Unit::oz, now, berlin());
    CHECK(total(oz).ml() == Approx(88.72).epsilon(0.001));
    CHECK(total(plan_stock_use(s, "3", Unit::ml, now, berlin())).ml() == Approx(3));
    CHECK(testing::refusal([&] { plan_stock_use(s, "B9", Unit::ml, now, berlin()); }) ==
          "\"B9\" is neither a label in the stash nor an amount; try B3 or 90ml (see pumplog stock)");
    CHECK(testing::refusal([&] { plan_stock_use(s, "0", Unit::ml, now, berlin()); }) ==
          "the amount to use must be more than 0");
    CHECK(testing::refusal([&] { plan_stock_use(s, "", Unit::ml, now, berlin()); }) ==
          "say what to use: an amount (90ml) or a label (B3)");
}

TEST_CASE("a feed from the stash is refused when the usable milk cannot cover it, in the unit given") {
    const Seconds now = P + hours(5);
    const Stock s = stash({store("a", P, "room", 60, "B1"), store("b", P, "fridge", 90, "B2")});  // B1 expired
    CHECK(total(plan_feed_from_stock(s, Volume::from_ml(90), now, Unit::ml)).ml() == Approx(90));
    CHECK(testing::refusal([&] { plan_feed_from_stock(s, Volume::from_ml(100), now, Unit::ml); }) ==
          "only 90 ml of stored milk is usable, not 100 ml; 60 ml more has expired and is never used "
          "(pumplog stock discard LABEL)");
    CHECK_THAT(testing::refusal([&] { plan_feed_from_stock(s, Volume::from_ml(100), now, Unit::oz); }),
               Contains("is usable, not 3.4 oz"));
}

TEST_CASE("stock move: the container checked, its expiry after, and whether it thaws") {
    const Seconds now = P + days(2);
    const Stock s = stash({store("a", P, "freezer", 100, "B1"), store("b", P, "fridge", 100, "B2")});
    const MovePlan thaw = plan_move(s, "B1", Place::fridge, now, cdc_guideline(), berlin());
    CHECK(thaw.container->label == "B1");
    CHECK(thaw.thaws);
    CHECK(thaw.after.expires == now + hours(24));  // thawed in the fridge: 24 h
    const MovePlan cool = plan_move(s, "B2", Place::freezer, now, cdc_guideline(), berlin());
    CHECK_FALSE(cool.thaws);
    CHECK(testing::refusal([&] { plan_move(s, "B9", Place::fridge, now, cdc_guideline(), berlin()); }) ==
          "no container is labelled \"B9\"; see pumplog stock --all");
    CHECK_THROWS_AS(plan_move(s, "B2", Place::fridge, now, cdc_guideline(), berlin()), Error);  // already there
}

TEST_CASE("stock discard: the reason given, else expired for expired milk") {
    const Seconds now = P + hours(5);
    const Stock s = stash({store("a", P, "room", 60, "B1"), store("b", P, "fridge", 90, "B2")});
    CHECK(plan_discard(s, "B1", "", now, berlin()).reason == "expired");
    CHECK(plan_discard(s, "B2", "", now, berlin()).reason.empty());
    CHECK(plan_discard(s, "B2", "smelled off", now, berlin()).reason == "smelled off");
    CHECK(plan_discard(s, "b2", "", now, berlin()).container->label == "B2");
    CHECK_THROWS_AS(plan_discard(s, "B9", "", now, berlin()), Error);
}
}  // namespace PUMPLOG_UNITY_ID
