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
          "\"B9\" is neither a label in the stash nor an amount; try B1 or 90ml (see pumplog stock)");
    CHECK(testing::refusal([&] { plan_stock_use(s, "0", Unit::ml, now, berlin()); }) ==
          "the amount to use must be more than 0 (e.g. pumplog stock use 60ml, or a label: pumplog stock use B1)");
    CHECK(testing::refusal([&] { plan_stock_use(stash({}), "0ml", Unit::ml, now, berlin()); }) ==
          "the amount to use must be more than 0 (e.g. pumplog stock use 60ml)");
    CHECK(testing::refusal([&] { plan_stock_use(s, "", Unit::ml, now, berlin()); }) ==
          "say what to use: an amount (90ml) or a label (B3)");
}

// Review (fix-stock2 #2): a refused `stock use B9` read the whole journal again (UnheldPart) for a label no store
// ever wrote; one that a store wrote is still looked up.
TEST_CASE("stock use of a label no store wrote reads no more entries") {
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P + hours(2), "fridge", 70, "B2")});
    int asked = 0;
    const UnheldPart unheld = [&](std::string_view) -> const Container* {
        ++asked;
        return nullptr;
    };
    CHECK(testing::refusal([&] { plan_stock_use(s, "B9", Unit::ml, P + hours(3), berlin(), cdc_guideline(), false,
                                                unheld); }) ==
          "\"B9\" is neither a label in the stash nor an amount; try B1 or 90ml (see pumplog stock)");
    CHECK(asked == 0);
    CHECK_THROWS(find_labelled(s, {"B9"}, 0, {P + hours(3), berlin(), "a move", "--at", unheld}));
    CHECK(asked == 0);
}

// Review (fix-carry #1): `stock use B2` at a time before B2 was stored said it was neither a label nor an amount.
TEST_CASE("stock use of a label stored later, used up or discarded says so, as stock combine does") {
    const Stock whole = stash({store("a", P, "fridge", 60, "B1"), use("u", "a", P + hours(1), 60),
                               store("b", P + hours(2), "fridge", 70, "B2")});
    const Seconds at = P + hours(1) + minutes(30);
    // As a read as of `at` has it: B2's store not yet happened, its label still written (Stock::labels_ever).
    StockReplay replay(cdc_guideline(), stash_as_of(at));
    for (const Entry& e : {store("b", P + hours(2), "fridge", 70, "B2"), use("u", "a", P + hours(1), 60),
                           store("a", P, "fridge", 60, "B1")})  // newest written first, as a read delivers them
        replay.add(e, false);
    const Stock as_of = replay.finish();
    REQUIRE(as_of.find("B2") == nullptr);
    const UnheldPart unheld = [&](std::string_view label) { return whole.find(label); };
    CHECK(testing::refusal([&] { plan_stock_use(as_of, "B2", Unit::ml, at, berlin(), cdc_guideline(), false,
                                                unheld); }) ==
          "B2 was stored only at 2026-11-20 11:00; a use cannot come before that: give a time at or after "
          "2026-11-20 11:00 (--now)");
    CHECK(testing::refusal([&] { plan_stock_use(whole, "b1", Unit::ml, at, berlin()); }) ==
          "B1 is used up; see pumplog stock --all");
    CHECK(testing::refusal([&] { find_labelled(whole, {"B2"}, 0, {at, berlin(), "a move", "--at"}); }) ==
          "B2 was stored only at 2026-11-20 11:00; a move cannot come before that: give a time at or after "
          "2026-11-20 11:00 (--at)");
    CHECK(&find_labelled(whole, {"B2"}, 0, {P + hours(2), berlin(), "a move", "--at"}) == whole.find("B2"));
    CHECK(testing::refusal([&] { find_labelled(whole, {"B9"}, 0, {at, berlin(), "a move", "--at"}); }) ==
          "no container is labelled \"B9\"; see pumplog stock --all");
}

// The label suggested is one stock use would take (the first `stock` lists), never the next free one (B3 here,
// refused in turn); none when no usable milk is left.
TEST_CASE("stock use of what is neither a label nor an amount suggests a label in the stash") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P + hours(1), "fridge", 100, "B1"), store("b", P, "fridge", 100, "B2"),
                           store("c", P, "room", 100, "B3")});
    CHECK(testing::refusal([&] { plan_stock_use(s, "B4", Unit::ml, now, berlin()); }) ==
          "\"B4\" is neither a label in the stash nor an amount; try B2 or 90ml (see pumplog stock)");
    CHECK(testing::refusal([&] { plan_stock_use(s, "-5ml", Unit::ml, now, berlin()); }) ==
          "\"-5ml\" is neither a label in the stash nor an amount; try B2 or 90ml (see pumplog stock)");
    const Stock expired = stash({store("c", P, "room", 100, "B3")});
    CHECK(testing::refusal([&] { plan_stock_use(expired, "B4", Unit::ml, now, berlin()); }) ==
          "\"B4\" is neither a label in the stash nor an amount; try an amount such as 90ml (see pumplog stock)");
    CHECK(testing::refusal([&] { plan_stock_use(stash({}), "B1", Unit::ml, now, berlin()); }) ==
          "\"B1\" is neither a label in the stash nor an amount; try an amount such as 90ml (see pumplog stock)");
}

TEST_CASE("an amount is taken as the journal keeps it, and a container is never left with drops") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P + hours(1), "fridge", 50, "B2")});
    CHECK(testing::refusal([&] { plan_stock_use(s, "0.001ml", Unit::ml, now, berlin()); }) ==
          "an amount of 0.001 ml is recorded as 0 ml (the journal keeps amounts to 0.01 ml); the amount to use "
          "must be more than 0 (e.g. pumplog stock use 60ml, or a label: pumplog stock use B1)");
    // 99.99 ml of 100 would leave 0.01 ml: the drops go with it, the container is used up
    const UsePlan most = plan_stock_use(s, "99.99ml", Unit::ml, now, berlin());
    REQUIRE(most.takes.size() == 1);
    CHECK(most.takes[0].empties);
    CHECK(most.takes[0].amount.ml() == Approx(100));
    // 98 ml leaves 2 ml: kept
    const UsePlan kept = plan_stock_use(s, "98ml", Unit::ml, now, berlin());
    CHECK_FALSE(kept.takes[0].empties);
    CHECK(kept.takes[0].amount.ml() == Approx(98));
    // a small amount is taken as asked
    CHECK(plan_stock_use(s, "0.3ml", Unit::ml, now, berlin()).takes[0].amount.ml() == Approx(0.3));
    // split across containers, the second left with drops: taken whole
    const UsePlan split = plan_stock_use(s, "149ml", Unit::ml, now, berlin());
    REQUIRE(split.takes.size() == 2);
    CHECK(split.takes[1].empties);
    CHECK(total(split).ml() == Approx(150));
    // the replay agrees: a container with less than 2 ml left is used up
    const Stock after = stash({store("a", P, "fridge", 100, "B1"), use("u", "a", P + hours(1), 98.5)});
    CHECK(listed_containers(after, now, false).empty());
    CHECK(testing::refusal([] { check_container_amount(Volume::from_ml(1.99)); }) ==
          "a container holds at least 2 ml (less is drops, not milk to keep); 1.99 ml is too little to store");
    CHECK_NOTHROW(check_container_amount(Volume::from_ml(2)));
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

namespace {
Entry move_to(const std::string& id, const std::string& target, Seconds at, const std::string& place) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"move","at":"{}","target":"{}","place":"{}"}})", id,
                                utc_text(at), target, place));
}
}  // namespace

TEST_CASE("part of a frozen container is refused with the rule, a whole one is taken") {
    const Seconds now = P + days(10);
    const Stock s = stash({store("f", P, "freezer", 150, "B1")});
    CHECK(testing::refusal([&] { plan_stock_use(s, "60ml", Unit::ml, now, berlin()); }) ==
          "B1 is frozen and 60 ml of its 150 ml would be poured: frozen milk is used only once thawed, and never "
          "refreeze breast milk after it has been thawed (CDC, \"Proper Storage and Preparation of Breast Milk\"); add "
          "--thaw to thaw all of B1 (the rest keeps 1 day in the fridge), or take it whole: pumplog stock use B1");
    // A feed is sent to the log feed that is accepted (review s48 #3): stock use B1 takes the milk but records
    // no feed.
    CHECK(testing::refusal([&] { plan_feed_from_stock(s, Volume::from_ml(60), now, Unit::ml); }) ==
          "B1 is frozen and 60 ml of its 150 ml would be poured: frozen milk is used only once thawed, and never "
          "refreeze breast milk after it has been thawed (CDC, \"Proper Storage and Preparation of Breast Milk\"); add "
          "--thaw to this log feed to thaw all of B1 (the rest keeps 1 day in the fridge)");
    const UsePlan whole = plan_stock_use(s, "150ml", Unit::ml, now, berlin());
    CHECK(whole.thaws.empty());
    CHECK(whole.takes.at(0).empties);
}

TEST_CASE("a back-dated feed's refusal counts the rest's thawed day from the feed, and says when it is past") {
    // Review s46 #6: a feed dated 09:30 the day before, refused at 20:30, said "the rest keeps 1 day in the
    // fridge" though, thawed at the feed's time, the rest had expired at 09:30 today.
    const Seconds feed = P + days(10);
    const Stock s = stash({store("f", P, "freezer", 108, "B11")});
    const auto refused = [&](Seconds now) {
        return testing::refusal([&] {
            plan_feed_from_stock(s, Volume::from_ml(50), feed, Unit::ml, cdc_guideline(), false, {}, berlin(), now);
        });
    };
    const std::string head = "B11 is frozen and 50 ml of its 108 ml would be poured: frozen milk is used only once "
                             "thawed, and never refreeze breast milk after it has been thawed (CDC, \"Proper Storage "
                             "and Preparation of Breast Milk\"); add --thaw to this log feed to thaw all of B11 (";
    const std::string tail = ")";  // no stock use: it would record no feed (review s48 #3)
    CHECK(refused(feed + hours(35)) == head +
                                           "thawed at the feed's time, the rest would have expired at 2026-12-01 "
                                           "09:00: it would have to be discarded" +
                                           tail);
    CHECK(refused(feed + hours(24)) == head +
                                           "thawed at the feed's time, the rest would have expired at 2026-12-01 "
                                           "09:00: it would have to be discarded" +
                                           tail);
    CHECK(refused(feed + hours(2)) ==
          head + "the rest keeps 1 day in the fridge from the feed, until 2026-12-01 09:00" + tail);
    CHECK(refused(feed) == head + "the rest keeps 1 day in the fridge" + tail);
}

TEST_CASE("with thaw the frozen container is thawed whole: fridge, 24 hours from the use") {
    const Seconds now = P + days(10);
    const Stock s = stash({store("f", P, "freezer", 150, "B1")});
    const UsePlan plan = plan_feed_from_stock(s, Volume::from_ml(60), now, Unit::ml, cdc_guideline(), true);
    REQUIRE(plan.thaws.size() == 1);
    CHECK(plan.thaws[0]->label == "B1");
    const AfterTake after = after_take(plan, plan.takes.at(0), now, cdc_guideline());
    CHECK(after.place == Place::fridge);
    CHECK(after.expiry.expires == now + hours(24));
    CHECK(after.expiry.thawed == now);
    // the journal's view after the move and the use: 90 ml of thawed milk in the fridge
    const Stock later = stash({store("f", P, "freezer", 150, "B1"), move_to("m", "f", now, "fridge"),
                               use("u", "f", now, 60)});
    const Container& b1 = *later.find("B1");
    CHECK(b1.left.ml() == Approx(90));
    CHECK(b1.place == Place::fridge);
    CHECK(b1.expires == now + hours(24));
    CHECK_THROWS(check_move(b1, Place::freezer, now + hours(1), cdc_guideline(), berlin()));
}

TEST_CASE("a feed from the stash before its milk was stored is refused with the times and from when it is taken") {
    const auto feed = [](const Stock& s, double ml, Seconds at) {
        plan_feed_from_stock(s, Volume::from_ml(ml), at, Unit::ml, cdc_guideline(), false, {}, berlin());
    };
    // P is 09:00 in Berlin: B1 stored then, B2 at 12:00; a feed at 08:00, then at 10:00.
    const Stock s = stash({store("a", P, "fridge", 30, "B1"), store("b", P + hours(3), "fridge", 100, "B2")});
    CHECK(testing::refusal([&] {
              feed(s, 60, P - hours(1));
          }) == "at 08:00 no stored milk was usable (B1 was stored at 09:00, B2 was stored at 12:00): give a time at "
                "or after 12:00 (--at), or correct the time of a container stored earlier than logged "
                "(pumplog log edit)");
    CHECK(testing::refusal([&] {
              feed(s, 60, P + hours(1));
          }) == "at 10:00 only 30 ml of stored milk was usable, not 60 ml (B2 was stored at 12:00): give a time at "
                "or after 12:00 (--at), or correct the time of a container stored earlier than logged "
                "(pumplog log edit)");
    CHECK(testing::refusal([&] {
              feed(s, 200, P - hours(1));
          }) == "at 08:00 no stored milk was usable (B1 was stored at 09:00, B2 was stored at 12:00), and no later "
                "time has 200 ml usable either");
    // A day before: dates throughout.
    CHECK_THAT(testing::refusal([&] {
                   feed(s, 60, P - days(1));
               }),
               Contains("at 2026-11-19 09:00 no stored milk was usable (B1 was stored at 2026-11-20 09:00"));
    // Nothing stored later: the stash is short, as before.
    CHECK(testing::refusal([&] {
              feed(s, 200, P + hours(4));
          }) == "only 130 ml of stored milk is usable, not 200 ml");
}

TEST_CASE("a leftover is dated by its milk and usable 2 hours after the feed, 1 hour under abm") {
    const Seconds feed = P + days(1);
    const Stock s = stash({store("a", P, "fridge", 150, "B1")});
    const UsePlan plan = plan_feed_from_stock(s, Volume::from_ml(120), feed, Unit::ml);
    const StoreRecord left = leftover_store(plan, Volume::from_ml(30), feed, cdc_guideline());
    CHECK(left.amount.ml() == Approx(30));
    CHECK(left.place == Place::room);
    CHECK(left.pumped == P);
    CHECK(left.until == feed + hours(2));
    CHECK_FALSE(left.thawed.has_value());
    CHECK(leftover_store(plan, Volume::from_ml(30), feed, guideline_named("abm")).until == feed + hours(1));
    // never later than its milk's own expiry: fridge milk expiring 30 minutes after the feed
    const Seconds late = P + days(4) - minutes(30);
    const UsePlan old = plan_feed_from_stock(s, Volume::from_ml(120), late, Unit::ml);
    CHECK(leftover_store(old, Volume::from_ml(30), late, cdc_guideline()).until == P + days(4));
}

TEST_CASE("a leftover of thawed milk keeps thawed milk's room hour after the feed") {
    const Seconds feed = P + days(1);
    const Stock s = stash({store("f", P, "freezer", 150, "B1"), move_to("m", "f", feed - hours(2), "fridge")});
    const UsePlan plan = plan_feed_from_stock(s, Volume::from_ml(120), feed, Unit::ml);
    const LeftoverLimit limit = leftover_limit(plan, feed, cdc_guideline());
    CHECK(limit.until == feed + hours(1));
    CHECK(limit.thawed);
    CHECK(limit.after_feed == hours(1));
    CHECK(limit.capped_by == nullptr);
    const StoreRecord left = leftover_store(plan, Volume::from_ml(30), feed, cdc_guideline());
    CHECK(left.until == feed + hours(1));
    CHECK(left.thawed == feed - hours(2));
}

TEST_CASE("a container with until keeps no longer than then whatever moves follow and is taken first while good") {
    const Seconds feed = P + days(1);
    Entry left = entry_of(fmt::format(
        R"({{"v":1,"id":"L","type":"store","at":"{}","ml":30,"place":"room","pumped":"{}","until":"{}","label":"B2"}})",
        utc_text(feed), utc_text(P), utc_text(feed + hours(2))));
    const Stock s = stash({store("a", P, "fridge", 150, "B1"), left, move_to("m", "L", feed + hours(1), "fridge")});
    CHECK(s.find("B2")->expires == feed + hours(2));
    const UsePlan plan = plan_use(s, Volume::from_ml(20), feed + hours(1));
    CHECK(plan.takes.at(0).container->label == "B2");
    CHECK(plan_use(s, Volume::from_ml(20), feed + hours(2)).takes.at(0).container->label == "B1");
}

TEST_CASE("a leftover a named baby left is taken only for that baby") {
    const Seconds feed = P + days(1);
    const auto leftover = [&](const std::string& id, const std::string& label, const std::string& baby) {
        return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":30,"place":"room",)"
                                    R"("pumped":"{}","until":"{}","label":"{}","from":"F{}"{}}})",
                                    id, utc_text(feed), utc_text(P), utc_text(feed + hours(2)), label, id,
                                    baby.empty() ? "" : R"(,"baby":")" + baby + "\""));
    };
    const Stock s = stash({store("a", P, "fridge", 150, "B1"), leftover("L", "B2", "Ada")});
    CHECK(s.find("B2")->baby == "Ada");
    CHECK_FALSE(kept_for_another(*s.find("B2"), "ada"));
    CHECK(kept_for_another(*s.find("B2"), "Ben"));
    CHECK(kept_for_another(*s.find("B2"), ""));
    CHECK(plan_use(s, Volume::from_ml(20), feed, Pour::any, "Ada").takes.at(0).container->label == "B2");
    CHECK(plan_use(s, Volume::from_ml(20), feed, Pour::any, "Ben").takes.at(0).container->label == "B1");
    CHECK(plan_use(s, Volume::from_ml(20), feed).takes.at(0).container->label == "B1");
    CHECK(plan_use(s, Volume::from_ml(160), feed, Pour::any, "Ben").usable.ml() == Approx(150));
    CHECK(total(plan_stock_use(s, "B2", Unit::ml, feed, berlin())).ml() == Approx(30));  // named: the parent's choice
    // One baby: a leftover of no named baby is anyone's, taken first.
    const Stock one = stash({store("a", P, "fridge", 150, "B1"), leftover("L", "B2", "")});
    CHECK(plan_use(one, Volume::from_ml(20), feed, Pour::any, "Ben").takes.at(0).container->label == "B2");
    CHECK(plan_use(one, Volume::from_ml(20), feed).takes.at(0).container->label == "B2");
    // The leftover a feed keeps records its baby.
    const UsePlan plan = plan_feed_from_stock(s, Volume::from_ml(120), feed, Unit::ml, cdc_guideline(), false, "Ben");
    CHECK(plan.takes.at(0).container->label == "B1");
    const StoreRecord kept = leftover_store(plan, Volume::from_ml(30), feed, cdc_guideline(), "Ben");
    CHECK(kept.baby == "Ben");
    CHECK(kept.note == "left over from a feed of Ben");
    CHECK(leftover_store(plan, Volume::from_ml(30), feed, cdc_guideline()).baby.empty());
}

TEST_CASE("a leftover is poured only on its own: alone when it holds the amount, else left out") {
    const Seconds feed = P + days(1);
    const Entry left = entry_of(fmt::format(
        R"({{"v":1,"id":"L","type":"store","at":"{}","ml":40,"place":"room","pumped":"{}","until":"{}","label":"B2",)"
        R"("from":"F1"}})",
        utc_text(feed), utc_text(P), utc_text(feed + hours(2))));
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), left});
    const auto taken = [](const UsePlan& plan) {
        std::vector<std::string> out;
        for (const Take& t : plan.takes) out.push_back(fmt::format("{} {:g}", t.container->label, t.amount.ml()));
        return out;
    };
    const Seconds at = feed + minutes(20);
    CHECK(taken(plan_use(s, Volume::from_ml(30), at)) == std::vector<std::string>{"B2 30"});
    CHECK(taken(plan_use(s, Volume::from_ml(40), at)) == std::vector<std::string>{"B2 40"});
    CHECK(taken(plan_use(s, Volume::from_ml(40.04), at)) == std::vector<std::string>{"B2 40"});  // rounding
    CHECK(taken(plan_use(s, Volume::from_ml(70), at)) == std::vector<std::string>{"B1 70"});
    const UsePlan short_of = plan_use(s, Volume::from_ml(120), at);
    CHECK_FALSE(short_of.enough);
    CHECK(short_of.usable.ml() == Approx(100));  // the leftover is not milk to pour with B1
    CHECK_THAT(testing::refusal([&] {
                   plan_feed_from_stock(s, Volume::from_ml(120), at, Unit::ml, cdc_guideline());
               }),
               Contains("only 100 ml of stored milk is usable, not 120 ml; a leftover is never poured together with "
                        "other milk: left over from a feeding, use within 2 hours after the baby finished (CDC, "
                        "\"Proper Storage and Preparation of Breast Milk\"), so B2 (40 ml) is not taken (less than "
                        "120 ml alone)"));
    CHECK(total(plan_stock_use(s, "B2", Unit::ml, at, berlin())).ml() == Approx(40));  // named: the parent's choice
}

TEST_CASE("combine: oldest milk, earliest expiry, thawed if a part was, never thawed into the freezer") {
    const Seconds now = P + days(1) + hours(12);
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P + days(1), "fridge", 50, "B2"),
                           store("c", P - days(30), "freezer", 80, "B3"), move_to("m", "c", P + days(1), "fridge"),
                           store("d", now, "room", 40, "B4")});
    const CombinePlan fresh = plan_combine(s, {"B2", "b1"}, std::nullopt, now, cdc_guideline(), berlin());
    CHECK(fresh.store.amount.ml() == Approx(150));
    CHECK(fresh.store.pumped == P);
    CHECK(fresh.store.until == P + days(4));
    CHECK(fresh.store.place == Place::fridge);
    CHECK(fresh.warning.empty());
    const CombinePlan thawed = plan_combine(s, {"B1", "B3"}, std::nullopt, now, cdc_guideline(), berlin());
    CHECK(thawed.store.pumped == P - days(30));
    CHECK(thawed.store.thawed == P + days(1));
    CHECK(thawed.store.until == P + days(2));  // the thawed part's 24 hours
    CHECK_THAT(testing::refusal([&] { plan_combine(s, {"B1", "B3"}, Place::freezer, now, cdc_guideline(), berlin()); }),
               Contains("never refreeze breast milk after it has been thawed"));
    CHECK_THAT(testing::refusal([&] { plan_combine(s, {"B1", "B4"}, std::nullopt, now, cdc_guideline(), berlin()); }),
               Contains("say where the milk goes"));
    const CombinePlan warm = plan_combine(s, {"B1", "B4"}, Place::fridge, now, cdc_guideline(), berlin());
    CHECK_THAT(warm.warning, Contains("cool fresh milk in the refrigerator or in a cooler with ice packs before "
                                      "combining it with previously chilled or frozen milk (CDC)"));
    CHECK(testing::refusal([&] { plan_combine(s, {"B1"}, std::nullopt, now, cdc_guideline(), berlin()); }) ==
          "combine pours two or more containers together: pumplog stock combine B1 B3");
    // Review s48 #6: labels in the stash, never a fixed B3 B4; a lone container has nothing to combine with.
    const Stock lone = stash({store("a", P, "fridge", 100, "B1"), store("c", P - days(30), "freezer", 80, "B3")});
    CHECK(testing::refusal([&] { plan_combine(lone, {"B1"}, std::nullopt, now, cdc_guideline(), berlin()); }) ==
          "combine pours two or more containers together: pumplog stock combine B1 B3 --thaw");
    const Stock one = stash({store("a", P, "fridge", 100, "B1")});
    CHECK(testing::refusal([&] { plan_combine(one, {"b1"}, std::nullopt, now, cdc_guideline(), berlin()); }) ==
          "combine pours two or more containers together, and B1 is the only container in the stash that can be "
          "poured: there is nothing to combine it with");
    CHECK(testing::refusal([&] { plan_combine(s, {"B1", "b1"}, std::nullopt, now, cdc_guideline(), berlin()); }) ==
          "B1 is named twice; name each container once");
}

}  // namespace PUMPLOG_UNITY_ID
