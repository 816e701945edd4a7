// The milk stash: replay, expiry, use order, splitting, labels (SPEC 4).
#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/error.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::entry_of;
using testing::instant;
using testing::utc_text;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

Entry store(const std::string& id, Seconds at, const std::string& place, double ml, const std::string& label,
            std::optional<Seconds> pumped = std::nullopt) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"{}","pumped":"{}","label":"{}"}})",
                             id, utc_text(at), ml, place, utc_text(pumped.value_or(at)), label));
}
Entry move(const std::string& id, const std::string& target, Seconds at, const std::string& place) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"move","at":"{}","target":"{}","place":"{}"}})", id, utc_text(at),
                             target, place));
}
Entry use(const std::string& id, const std::string& target, Seconds at, double ml) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"use","at":"{}","target":"{}","ml":{}}})", id, utc_text(at), target, ml));
}
Entry discard(const std::string& id, const std::string& target, Seconds at) {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"discard","at":"{}","target":"{}","reason":"smelled off"}})",
                             id, utc_text(at), target));
}
Entry bottle(const std::string& id, Seconds at, double ml, const std::string& milk = "breast") {
    return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"bottle","ml":{},"milk":"{}"}})", id,
                             utc_text(at), ml, milk));
}

// The entries as load_history gives them: sorted by time, ties in the given order.
History history(std::vector<Entry> entries, std::vector<bool> voided = {}) {
    History h;
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return entries[a].at.instant < entries[b].at.instant; });
    for (auto i : order) {
        h.entries.push_back(entries[i]);
        h.voided.push_back(i < voided.size() && voided[i]);
    }
    return h;
}

Stock stash(std::vector<Entry> entries, std::vector<bool> voided = {}) {
    return build_stock(history(std::move(entries), std::move(voided)), cdc_guideline());
}

const date::time_zone* utc() { return locate_zone("UTC"); }

const Seconds P = instant("2026-11-01T08:00:00Z");  // when the milk was pumped

// A container kept in one place since P: expired one minute after the limit, not one minute before.
void check_boundary(const std::string& place, std::chrono::seconds limit) {
    const Stock s = stash({store("s1", P, place, 100, "B1")});
    const Container& c = s.containers.at(0);
    INFO(place);
    CHECK(c.expires == P + limit);
    CHECK(status_at(c, P + limit - minutes(1)) != Status::expired);
    CHECK(usable_at(c, P + limit - minutes(1)));
    CHECK(status_at(c, P + limit + minutes(1)) == Status::expired);
    CHECK_FALSE(usable_at(c, P + limit + minutes(1)));
    CHECK(status_at(c, P + limit) == Status::expired);
}

std::vector<std::string> labels(const std::vector<const Container*>& containers) {
    std::vector<std::string> out;
    for (const Container* c : containers) out.push_back(c->label);
    return out;
}

}  // namespace

TEST_CASE("fresh milk at room temperature keeps 4 hours from expression") { check_boundary("room", hours(4)); }

TEST_CASE("fresh milk in an insulated cooler keeps 1 day") { check_boundary("cooler", days(1)); }

TEST_CASE("fresh milk in the fridge keeps 4 days") { check_boundary("fridge", days(4)); }

TEST_CASE("fresh milk in the freezer keeps 12 months, best within 6") {
    check_boundary("freezer", days(365));
    const Stock s = stash({store("s1", P, "freezer", 100, "B1")});
    CHECK(s.containers[0].best_by == P + days(182));
}

TEST_CASE("expiry counts from expression, not from storing") {
    const Stock s = stash({store("s1", P + hours(3), "fridge", 100, "B1", P)});
    CHECK(s.containers[0].expires == P + days(4));
    CHECK(s.containers[0].pumped == P);
    CHECK(s.containers[0].stored_at == P + hours(3));
}

TEST_CASE("a container is soon within 24 hours of expiring") {
    const Stock s = stash({store("s1", P, "fridge", 100, "B1")});
    const Seconds expires = P + days(4);
    CHECK(status_at(s.containers[0], expires - hours(24) - minutes(1)) == Status::ok);
    CHECK(status_at(s.containers[0], expires - hours(24)) == Status::soon);
    CHECK(status_at(s.containers[0], expires - minutes(1)) == Status::soon);
    CHECK(status_name(Status::soon) == "soon");
}

TEST_CASE("leaving the freezer for the fridge starts the 24 hour thaw clock") {
    const Seconds thaw = P + days(30);
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge")});
    const Container& c = s.containers[0];
    CHECK(c.thawed == thaw);
    CHECK(c.place == Place::fridge);
    CHECK(c.expires == thaw + hours(24));
    CHECK(usable_at(c, thaw + hours(24) - minutes(1)));
    CHECK_FALSE(usable_at(c, thaw + hours(24) + minutes(1)));
    CHECK_FALSE(c.best_by.has_value());
}

TEST_CASE("thawed milk at room temperature keeps 1 hour, the strict bound of 1-2") {
    const Seconds thaw = P + days(30);
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "room")});
    CHECK(s.containers[0].expires == thaw + hours(1));
    CHECK(status_at(s.containers[0], thaw + hours(1) - minutes(1)) == Status::soon);
    CHECK(status_at(s.containers[0], thaw + hours(1) + minutes(1)) == Status::expired);
}

TEST_CASE("thawed milk moved from the fridge to the room spends what is left of its thaw life") {
    const Seconds thaw = P + days(30);
    // 12 of the fridge's 24 hours spent: half the life left, half an hour at room temperature.
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge"),
                           move("m2", "s1", thaw + hours(12), "room")});
    CHECK(s.containers[0].expires == thaw + hours(12) + minutes(30));
    CHECK(s.containers[0].thawed == thaw);
}

TEST_CASE("a move spends the rest of the life to the second: 10 of the cooler's 24 hours then the fridge") {
    // 14/24 of the fridge's 96 hours is 56 hours exactly; in doubles 201599.99999 s (review: 17:59:59, not 18:00).
    for (const int h : {1, 7, 9, 10, 11, 13, 17, 23}) {
        const Stock s = stash({store("s1", P, "cooler", 100, "B1"), move("m1", "s1", P + hours(h), "fridge")});
        CHECK(s.containers[0].expires == P + hours(h) + hours(96) * (24 - h) / 24);
    }
}

TEST_CASE("thawed milk once at room temperature gets no fridge hours back (CDC: within 2 hours)") {
    const Seconds thaw = P + days(30);
    // 2 of the fridge's 24 hours spent: 55 minutes of the room's hour left (12:55 for a 10:00 thaw);
    // back in the fridge after 30 of them, it still expires then, not 10 hours later.
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge"),
                           move("m2", "s1", thaw + hours(2), "room"), move("m3", "s1", thaw + hours(2) + minutes(30), "fridge")});
    CHECK(s.containers[0].expires == thaw + hours(2) + minutes(55));
    CHECK(s.containers[0].place == Place::fridge);
    // Thawed straight into the room (warm water), then the fridge: its hour at room temperature still holds.
    const Stock warm = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "room"),
                              move("m2", "s1", thaw + minutes(10), "fridge")});
    CHECK(warm.containers[0].expires == thaw + hours(1));
    // A cooler takes the room's limit for thawed milk: the same.
    const Stock cooler = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "cooler"),
                                move("m2", "s1", thaw + minutes(10), "fridge")});
    CHECK(cooler.containers[0].expires == thaw + hours(1));
    // Fresh milk keeps its budget rule: 2 hours at room temperature, then 2 days in the fridge.
    const Stock fresh = stash({store("s1", P, "room", 100, "B1"), move("m1", "s1", P + hours(2), "fridge")});
    CHECK(fresh.containers[0].expires == P + hours(2) + days(2));
}

TEST_CASE("thawing never outlives the frozen milk's own 12 months") {
    const Seconds thaw = P + days(365) - hours(2);
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge")});
    CHECK(s.containers[0].expires == P + days(365));
}

TEST_CASE("thawed milk cannot be refrozen") {
    const Seconds thaw = P + days(30);
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge")});
    try {
        check_move(s.containers[0], Place::freezer, thaw + hours(1), cdc_guideline(), utc());
        FAIL("refreezing was accepted");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        const std::string what = e.what();
        CHECK(what.find("B1 was thawed at 2026-12-01 08:00") == 0);
        CHECK(what.find("never refreeze breast milk after it has been thawed") != std::string::npos);
        CHECK(what.find("CDC, \"Proper Storage and Preparation of Breast Milk\"") != std::string::npos);
    }
    CHECK_NOTHROW(check_move(s.containers[0], Place::room, thaw + hours(1), cdc_guideline(), utc()));
}

TEST_CASE("thawed milk found back in the freezer is expired from that moment") {
    const Seconds thaw = P + days(30);
    const Stock s = stash({store("s1", P, "freezer", 100, "B1"), move("m1", "s1", thaw, "fridge"),
                           move("m2", "s1", thaw + hours(2), "freezer")});
    CHECK(s.containers[0].refrozen);
    CHECK(s.containers[0].expires == thaw + hours(2));
}

TEST_CASE("moving fresh milk never extends its life beyond the stricter history") {
    SECTION("2 hours at room temperature, then the fridge: half of 4 days left") {
        const Stock s = stash({store("s1", P, "room", 100, "B1"), move("m1", "s1", P + hours(2), "fridge")});
        CHECK(s.containers[0].expires == P + hours(2) + days(2));
        CHECK_FALSE(s.containers[0].thawed.has_value());
    }
    SECTION("1 day in the fridge, then the freezer: three quarters of 12 months") {
        const Stock s = stash({store("s1", P, "fridge", 100, "B1"), move("m1", "s1", P + days(1), "freezer")});
        CHECK(s.containers[0].expires == P + days(1) + hours(24 * 365 * 3 / 4));
        CHECK(s.containers[0].best_by == P + days(1) + hours(24 * 182 * 3 / 4));
    }
    SECTION("3 days in the fridge, then the room: the room's 4 hours scaled to the quarter left") {
        const Stock s = stash({store("s1", P, "fridge", 100, "B1"), move("m1", "s1", P + days(3), "room")});
        CHECK(s.containers[0].expires == P + days(3) + hours(1));
    }
    SECTION("milk that expired stays expired when moved to a colder place") {
        const Stock s = stash({store("s1", P, "room", 100, "B1"), move("m1", "s1", P + hours(5), "fridge")});
        CHECK(s.containers[0].expires == P + hours(4));
    }
}

TEST_CASE("use takes the soonest to expire first, across places") {
    const Seconds now = P + days(40);
    const Stock s = stash({
        store("f1", P, "freezer", 100, "B1"),                        // frozen, older
        store("f2", P + days(1), "freezer", 100, "B2"),              // frozen, newer
        store("t1", P + days(2), "freezer", 100, "B3"),              // thawed below
        store("r1", now - hours(1), "fridge", 100, "B4"),            // fresh fridge
        store("o1", now - minutes(30), "room", 100, "B5"),           // fresh at room temperature
        store("r0", now - days(2), "fridge", 100, "B6"),             // older fresh fridge
        move("m1", "t1", now - hours(2), "fridge"),
    });
    // room (3.5 h left), thawed (22 h), fridge oldest first, then the freezer oldest first
    CHECK(labels(use_order(s, now)) == std::vector<std::string>{"B5", "B3", "B6", "B4", "B1", "B2"});
    const UsePlan plan = plan_use(s, Volume::from_ml(250), now);
    REQUIRE(plan.enough);
    REQUIRE(plan.takes.size() == 3);
    CHECK(plan.takes[0].container->label == "B5");
    CHECK(plan.takes[1].container->label == "B3");
    CHECK(plan.takes[2].container->label == "B6");
    CHECK(plan.takes[2].amount.ml() == Approx(50));
}

TEST_CASE("use splits an amount across containers") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P + hours(1), "fridge", 90, "B2")});
    const UsePlan plan = plan_use(s, Volume::from_ml(100), now);
    REQUIRE(plan.enough);
    REQUIRE(plan.takes.size() == 2);
    CHECK(plan.takes[0].container->label == "B1");
    CHECK(plan.takes[0].amount.ml() == Approx(60));
    CHECK(plan.takes[0].empties);
    CHECK(plan.takes[1].container->label == "B2");
    CHECK(plan.takes[1].amount.ml() == Approx(40));
    CHECK_FALSE(plan.takes[1].empties);
    CHECK(plan.usable.ml() == Approx(150));
}

TEST_CASE("a remainder of 0.05 ml past a container is milk and one under it is rounding") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 50, "B1"), store("b", P + hours(1), "fridge", 100, "B2")});
    // In binary 50.05 - 50 is 0.0499...: the comparison is in hundredths of a ml, as the journal keeps them.
    const UsePlan exact = plan_use(s, Volume::from_ml(50.05), now);
    REQUIRE(exact.enough);
    REQUIRE(exact.takes.size() == 2);
    CHECK(exact.takes[1].container->label == "B2");
    CHECK(exact.takes[1].amount.ml() == Approx(0.05));
    const UsePlan under = plan_use(s, Volume::from_ml(50.04), now);
    REQUIRE(under.enough);
    REQUIRE(under.takes.size() == 1);
    CHECK(under.takes[0].amount.ml() == Approx(50));
}

TEST_CASE("a stash short of an amount by under 0.05 ml covers it and one short by 0.05 ml does not") {
    const Seconds now = P + hours(10);
    const Stock s = stash({store("a", P, "fridge", 50, "B1"), store("b", P + hours(1), "fridge", 100, "B2")});
    const UsePlan under = plan_use(s, Volume::from_ml(150.04), now);
    REQUIRE(under.enough);
    REQUIRE(under.takes.size() == 2);
    CHECK(under.takes[1].amount.ml() == Approx(100));
    CHECK(under.takes[1].empties);
    const UsePlan over = plan_use(s, Volume::from_ml(150.05), now);
    CHECK_FALSE(over.enough);
    CHECK(over.takes.empty());
    // The fridge short by under 0.05 ml still covers it: the frozen bag stays frozen.
    const Stock with_frozen = stash({store("a", P, "fridge", 50, "B1"), store("f", P, "freezer", 100, "B2")});
    const UsePlan poured = plan_use(with_frozen, Volume::from_ml(50.04), now, Pour::poured_now);
    REQUIRE(poured.enough);
    REQUIRE(poured.takes.size() == 1);
    CHECK(poured.takes[0].container->label == "B1");
}

TEST_CASE("use never takes expired milk and refuses more than is usable") {
    const Seconds now = P + hours(5);
    const Stock s = stash({store("a", P, "room", 60, "B1"),  // expired at P + 4 h
                           store("b", P, "fridge", 90, "B2")});
    const UsePlan small = plan_use(s, Volume::from_ml(50), now);
    REQUIRE(small.enough);
    REQUIRE(small.takes.size() == 1);
    CHECK(small.takes[0].container->label == "B2");
    const UsePlan big = plan_use(s, Volume::from_ml(100), now);
    CHECK_FALSE(big.enough);
    CHECK(big.takes.empty());
    CHECK(big.usable.ml() == Approx(90));
    // Expired milk is listed after the usable milk, never before it.
    CHECK(labels(use_order(s, now)) == std::vector<std::string>{"B2", "B1"});
}

TEST_CASE("what can be poured now takes fridge milk that covers the amount before a frozen bag expiring sooner") {
    const Seconds now = P + days(2);
    // B1 frozen 365 days before P + 3 d: its freezer date is a day away, sooner than B2's fridge days.
    const Stock s = stash({store("f", P, "freezer", 150, "B1", P + days(3) - days(365)),
                           store("r", now - hours(1), "fridge", 100, "B2")});
    // Listed as stock use takes 50 ml: the fridge milk first, then the freezer (review s48 #2).
    CHECK(labels(use_order(s, now)) == std::vector<std::string>{"B2", "B1"});
    const UsePlan any = plan_use(s, Volume::from_ml(50), now);
    REQUIRE(any.takes.size() == 1);
    CHECK(any.takes[0].container->label == "B1");
    const UsePlan poured = plan_use(s, Volume::from_ml(50), now, Pour::poured_now);
    REQUIRE(poured.enough);
    REQUIRE(poured.takes.size() == 1);
    CHECK(poured.takes[0].container->label == "B2");
    // More than the fridge holds: the frozen bag whole, then the fridge.
    const UsePlan whole = plan_use(s, Volume::from_ml(160), now, Pour::poured_now);
    REQUIRE(whole.takes.size() == 2);
    CHECK(whole.takes[0].container->label == "B1");
    CHECK(whole.takes[0].empties);
    CHECK(whole.takes[1].amount.ml() == Approx(10));
    // Part of the frozen bag would be poured: no plan without a thaw.
    const UsePlan part = plan_use(s, Volume::from_ml(120), now, Pour::poured_now);
    CHECK_FALSE(part.enough);
    CHECK(part.takes.empty());
}

TEST_CASE("an expired container cannot be used by its label") {
    const Stock s = stash({store("a", P, "room", 60, "B1")});
    try {
        plan_use_container(s.containers[0], P + hours(4) + minutes(1), utc());
        FAIL("expired milk was taken");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "B1 expired at 2026-11-01 12:00; never use expired milk: pumplog stock discard B1");
    }
    const UsePlan plan = plan_use_container(s.containers[0], P + hours(4) - minutes(1), utc());
    REQUIRE(plan.takes.size() == 1);
    CHECK(plan.takes[0].amount.ml() == Approx(60));
}

TEST_CASE("use and discard entries empty containers") {
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P, "fridge", 100, "B2"),
                           use("u1", "a", P + hours(1), 30), use("u2", "a", P + hours(2), 70),
                           use("u3", "b", P + hours(1), 25), discard("d1", "b", P + hours(3))});
    const Container& a = *s.find("B1");
    CHECK(a.state == ContainerState::used_up);
    CHECK(a.ended == P + hours(2));
    CHECK(a.left.ml() == Approx(0));
    const Container& b = *s.find("b2");
    CHECK(b.state == ContainerState::discarded);
    CHECK(b.discarded.ml() == Approx(75));
    CHECK(b.reason == "smelled off");
    CHECK(use_order(s, P + hours(4)).empty());
    CHECK(s.problems.empty());
}

TEST_CASE("entries naming no container are skipped and reported") {
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), use("u1", "zzz", P + hours(1), 30)});
    CHECK(s.containers[0].left.ml() == Approx(100));
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0] == "use u1 names no stored container (\"zzz\"); skipped");
}

TEST_CASE("voided entries are left out of the stash") {
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P, "fridge", 100, "B2"),
                           use("u1", "a", P + hours(1), 30)},
                          {false, true, true});
    REQUIRE(s.containers.size() == 1);
    CHECK(s.containers[0].left.ml() == Approx(100));
}

TEST_CASE("labels are B1, B2 and on, never reusing one ever written") {
    CHECK(next_label(stash({})) == "B1");
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P, "fridge", 100, "B7"),
                           store("c", P, "fridge", 100, "Monday")},
                          {false, true, false});
    CHECK(next_label(s) == "B8");  // B7 was voided, and still taken
    CHECK_THROWS_WITH(check_new_label(s, "b7"), "label \"b7\" is taken; the next free one is B8");
    CHECK_THROWS_WITH(check_new_label(s, "monday"), "label \"monday\" is taken; the next free one is B8");
    CHECK_THROWS_WITH(check_new_label(s, "90"),
                      "label \"90\" reads as an amount (stock use would take it as one); try B8");
    CHECK_THROWS_AS(check_new_label(s, "two words"), Error);
    CHECK_THROWS_AS(check_new_label(s, ""), Error);
    CHECK_NOTHROW(check_new_label(s, "F3"));
    CHECK_NOTHROW(check_new_label(s, "Montag-\u00e9"));
    // What a terminal would be shown as an escape is refused, and named escaped.
    CHECK_THROWS_WITH(check_new_label(s, "\u202eX"),
                      "label \"\\u202eX\" holds a space or a special character; try B8");
    for (const char* label : {"A\u2028B", "A\u2029B", "\xc2\x9bX", "a\u200eb", "a\u200fb", "\u061cX", "\u202aX",
                              "\u2066X", "\u2069X"})
        CHECK_THROWS_AS(check_new_label(s, label), Error);
}

TEST_CASE("a label written twice (a merge of two devices) stays unique in the stash") {
    const Stock s = stash({store("01AAAAAAAAAAAAAAAAAAAAAAAA", P, "fridge", 100, "B1"),
                           store("01BBBBBBBBBBBBBBBBBBBBWXYZ", P + hours(1), "fridge", 50, "B1")});
    CHECK(s.containers[0].label == "B1");
    CHECK(s.containers[1].label == "B1~wxyz");
    CHECK(s.find("B1~WXYZ") == &s.containers[1]);
    CHECK(next_label(s) == "B2");
}

// E with diaeresis, composed (U+00CB) and decomposed (E + U+0308), and its small letter composed (U+00EB).
const std::string E_composed = "\xC3\x8B";
const std::string E_decomposed = "E\xCC\x88";
const std::string e_composed = "\xC3\xAB";

TEST_CASE("labels compare as babies' names do: without case and accents composed or decomposed alike") {
    const Stock s = stash({store("01AAAAAAAAAAAAAAAAAAAAAAAA", P, "fridge", 100, "B1"),
                           store("01BBBBBBBBBBBBBBBBBBBBBBBB", P + hours(1), "fridge", 50, E_composed + "a")});
    for (const std::string& taken : {E_composed + "a", E_decomposed + "a", e_composed + "A", e_composed + "a",
                                     std::string("e\xCC\x88" "A"), std::string("b1")}) {
        INFO(taken);
        CHECK_THROWS_WITH(check_new_label(s, taken), "label \"" + taken + "\" is taken; the next free one is B2");
        CHECK(s.find(taken) != nullptr);
    }
    CHECK(s.find(e_composed + "a") == &s.containers[1]);
    CHECK(s.find(" " + E_decomposed + "A ") == &s.containers[1]);
    CHECK(s.find("Ea") == nullptr);  // the accent is part of the label
    CHECK_NOTHROW(check_new_label(s, "Ea"));
    CHECK(label_key(E_composed + "a") == label_key(E_decomposed + "A"));
    // An ASCII label takes the fast path, and it keys as name_key would.
    for (const char* ascii : {"B12", "b12", " Mon-AM ", "x", "F3~9", "\t"}) {
        INFO(ascii);
        CHECK(label_key(ascii) == name_key(ascii));
    }
    CHECK(label_key("B12") == "b12");
}

TEST_CASE("a label a voided or finished container carried is taken in any spelling") {
    const Stock s = stash({store("a", P, "fridge", 100, E_decomposed + "a"), use("u", "a", P + hours(1), 100),
                           store("b", P, "fridge", 100, "\xC3\x89t\xC3\xA9")},  // Été
                          {false, false, true});
    CHECK(s.containers[0].label == E_decomposed + "a");  // shown as written
    CHECK_THROWS_AS(check_new_label(s, e_composed + "A"), Error);
    CHECK_THROWS_AS(check_new_label(s, "e\xCC\x81t\xC3\xA9"), Error);  // été, its first letter decomposed
}

TEST_CASE("two spellings of one label from an older pumplog each take their own bag and a third is ambiguous") {
    const std::vector<Entry> entries{store("01AAAAAAAAAAAAAAAAAAAAAAAA", P, "fridge", 100, E_composed + "a"),
                                     store("01BBBBBBBBBBBBBBBBBBBBWXYZ", P + hours(1), "fridge", 50, e_composed + "A"),
                                     store("01CCCCCCCCCCCCCCCCCCCCCCCC", P + hours(2), "fridge", 70, "B3")};
    // The fast replay, and the exact one (a label holding "~" sends the replay round again).
    std::vector<Entry> with_tilde = entries;
    with_tilde.push_back(store("01DDDDDDDDDDDDDDDDDDDDDDDD", P + hours(3), "fridge", 30, "x~1"));
    for (const auto& journal : {entries, with_tilde}) {
        const Stock s = stash(journal);
        REQUIRE(s.containers.size() >= 3);
        // The first store keeps the label; the other is shown with its id's end, as a merge's is.
        CHECK(s.containers[0].label == E_composed + "a");
        CHECK(s.containers[1].label == e_composed + "A~wxyz");
        CHECK(s.find(E_composed + "a") == &s.containers[0]);
        CHECK(s.find(E_composed + "A") == &s.containers[0]);  // as the older pumplog: ASCII case folded
        CHECK(s.find(e_composed + "A") == &s.containers[1]);
        CHECK(s.find(e_composed + "a") == &s.containers[1]);
        CHECK(s.find(e_composed + "A~WXYZ") == &s.containers[1]);
        CHECK(s.find("b3") == &s.containers[2]);
        // Decomposed, it is neither spelling: pumplog would have to guess.
        CHECK_THROWS_WITH(s.find(E_decomposed + "a"), "\"" + E_decomposed +
                                                          "a\" names 2 containers, labelled apart by an older pumplog; "
                                                          "name one: " + E_composed + "a or " + e_composed + "A~wxyz");
        CHECK_THROWS_AS(check_new_label(s, E_decomposed + "a"), Error);
    }
    // Composed and decomposed: "ëa" names neither.
    const Stock two = stash({store("01AAAAAAAAAAAAAAAAAAAAAAAA", P, "fridge", 100, E_composed + "a"),
                             store("01BBBBBBBBBBBBBBBBBBBBWXYZ", P + hours(1), "fridge", 50, E_decomposed + "a")});
    CHECK_THROWS_AS(two.find(e_composed + "a"), Error);
    CHECK(two.find(E_decomposed + "A") == &two.containers[1]);
    // A label written twice alike (a merge) stays as it was: the first store's.
    const Stock alike = stash({store("01AAAAAAAAAAAAAAAAAAAAAAAA", P, "fridge", 100, E_composed + "a"),
                               store("01BBBBBBBBBBBBBBBBBBBBWXYZ", P + hours(1), "fridge", 50, E_composed + "a")});
    CHECK(alike.find(E_decomposed + "a") == &alike.containers[0]);
}

TEST_CASE("a label's length counts the characters a reader sees") {
    const Stock none;
    CHECK(label_length("B12") == 3);
    CHECK(label_length("\xE5\x86\xB7\xE8\x97\x8F\xE8\xA2\x8B\xE4\xB8\x80\xE5\x8F\xB7\xE4\xBA\x8C\xE4\xB8\x89") == 7);
    CHECK_NOTHROW(check_new_label(none, "\xE5\x86\xB7\xE8\x97\x8F\xE8\xA2\x8B\xE4\xB8\x80\xE5\x8F\xB7\xE4\xBA\x8C"
                                        "\xE4\xB8\x89"));  // 冷藏袋一号二三: 21 bytes
    std::string composed, decomposed;
    for (int i = 0; i < 20; ++i) {
        composed += "\xC3\xA9";
        decomposed += "e\xCC\x81";
    }
    CHECK(label_length(composed) == 20);
    CHECK(label_length(decomposed) == 20);
    CHECK_NOTHROW(check_new_label(none, composed));
    CHECK_NOTHROW(check_new_label(none, decomposed));  // 60 bytes
    CHECK_THROWS_WITH(check_new_label(none, decomposed + "e"),
                      "label \"" + decomposed + "e\" is too long; use at most 20 characters (and 128 bytes: an accent "
                      "or an emoji takes several)");
    CHECK_THROWS_AS(check_new_label(none, composed + "\xC3\xA9"), Error);
    const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6";
    CHECK(label_length(family + "bag") == 4);
    CHECK_NOTHROW(check_new_label(none, family + "bag"));
    CHECK_NOTHROW(check_new_label(none, std::string(20, 'x')));
    CHECK_THROWS_AS(check_new_label(none, std::string(21, 'x')), Error);
    // A Hangul syllable composed or as its letters (jamo) is one character.
    CHECK(label_length("\xED\x95\x9C") == 1);
    CHECK(label_length("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == 1);
    // Few characters, too many bytes: each letter carries marks.
    std::string marked;
    for (int i = 0; i < 10; ++i) marked += "a\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85\xCC\x86\xCC\x87";
    CHECK(label_length(marked) == 10);
    CHECK_THROWS_AS(check_new_label(none, marked), Error);
}

TEST_CASE("a move is refused when it cannot happen") {
    const Stock s = stash({store("a", P, "fridge", 100, "B1"), store("b", P, "room", 100, "B2"),
                           discard("d", "b", P + hours(1))});
    CHECK_THROWS_WITH(check_move(s.containers[0], Place::fridge, P + hours(1), cdc_guideline(), utc()),
                      "B1 is already in the fridge");
    // Before it was stored, or before its last move, whichever place it would go to.
    CHECK_THROWS_WITH(check_move(s.containers[0], Place::fridge, P - hours(1), cdc_guideline(), utc()),
                      "B1 was stored only at 2026-11-01 08:00; a move cannot come before that");
    const Stock moved = stash({store("a", P, "freezer", 100, "B1"), move("m", "a", P + hours(2), "fridge")});
    CHECK_THROWS_WITH(check_move(moved.containers[0], Place::fridge, P + hours(1), cdc_guideline(), utc()),
                      "B1 went into the fridge at 2026-11-01 10:00; a move cannot come before that");
    CHECK_THROWS_WITH(check_move(s.containers[1], Place::fridge, P + hours(2), cdc_guideline(), utc()),
                      "B2 is discarded; only milk in stock can be moved; see pumplog stock --all");
    CHECK_THROWS_WITH(check_move(s.containers[0], Place::freezer, P + days(5), cdc_guideline(), utc()),
                      "B1 expired at 2026-11-05 08:00; discard it: pumplog stock discard B1");
    CHECK_NOTHROW(check_move(s.containers[0], Place::freezer, P + days(3), cdc_guideline(), utc()));
}

TEST_CASE("storing milk that has already expired is refused unless forced") {
    const Guideline& cdc = cdc_guideline();
    CHECK_NOTHROW(check_storable(cdc, P, Place::room, P, P + hours(4) - minutes(1), false, utc()));
    CHECK_THROWS_WITH(check_storable(cdc, P, Place::room, P, P + hours(4) + minutes(1), false, utc()),
                      "milk pumped at 2026-11-01 08:00 and kept in the room expired at 2026-11-01 12:00 "
                      "(CDC, \"Proper Storage and Preparation of Breast Milk\": fresh milk, up to 4 hours); "
                      "discard it (or use --force to record it anyway)");
    CHECK_NOTHROW(check_storable(cdc, P, Place::room, P, P + hours(5), true, utc()));
    CHECK_THROWS_AS(check_storable(cdc, P, Place::fridge, P - hours(1), P, false, utc()), Error);
}

TEST_CASE("the daily bottle intake averages breast milk bottles over the days seen") {
    const Seconds now = instant("2026-11-21T14:00:00Z");
    SECTION("a full week") {
        std::vector<Entry> feeds;
        for (int d = 0; d < 7; ++d) feeds.push_back(bottle("f" + std::to_string(d), now - days(d) - hours(2), 140));
        feeds.push_back(bottle("old", now - days(8), 500));
        feeds.push_back(bottle("formula", now - hours(3), 500, "formula"));
        const auto intake = recent_bottle_intake(history(feeds), now);
        REQUIRE(intake);
        CHECK(intake->days == 7);
        CHECK(intake->feeds == 7);
        CHECK(intake->per_day.ml() == Approx(140));
    }
    SECTION("bottles stand for the days from the first until now and one interval between them more") {
        // 60 h since the first, 29 h 30 min between them: 3 bottles stand for 89 h 30 min (3.73 days).
        const auto intake = recent_bottle_intake(
            history({bottle("a", now - hours(60), 150), bottle("b", now - hours(30), 150), bottle("c", now - hours(1), 150)}),
            now);
        REQUIRE(intake);
        CHECK(intake->days == 4);
        CHECK(intake->per_day.ml() == Approx(450 / (89.5 / 24)));  // 120.7 ml
    }
    SECTION("the figure moves smoothly with the clock") {
        // A bottle on each of two evenings, 23 h 59 min apart: just after the second, a day since the
        // first and one interval stand for 2 days, 75 ml a day, a minute before the first one's time
        // comes round and a minute after (rounded up to whole days, 150 ml a day became 75); 8 h later
        // a little less.
        const auto feeds = history({bottle("a", now - hours(26) + minutes(1), 60), bottle("b", now - hours(2), 90)});
        for (const Seconds at : {now - hours(2), now - hours(2) + minutes(2)}) {
            const auto intake = recent_bottle_intake(feeds, at);
            REQUIRE(intake);
            CHECK(intake->days == 2);
            CHECK(intake->per_day.ml() == Approx(75).epsilon(0.002));
        }
        CHECK(recent_bottle_intake(feeds, now + hours(8))->per_day.ml() == Approx(62.1).epsilon(0.002));
    }
    SECTION("bottles given before the 7 days too: the whole 7 days") {
        // The bottle of 7 days and a minute ago has left the 7 days: the one left stands for all of
        // them (90 ml over 7 days), not for the day since it alone (90 ml a day).
        const auto intake = recent_bottle_intake(
            history({bottle("a", now - days(7) - minutes(1), 90), bottle("b", now - hours(12), 90)}), now);
        REQUIRE(intake);
        CHECK(intake->days == 7);
        CHECK(intake->feeds == 1);
        CHECK(intake->per_day.ml() == Approx(90.0 / 7));
    }
    SECTION("bottles given days before the 7 days too: the whole 7 days") {
        // Daycare bottles Monday to Friday: the last bottle before the 7 days came 3 days before them
        // (a weekend and a day without), yet bottles went on from then: 500 ml over 7 days.
        std::vector<Entry> feeds;
        for (int d : {8, 9, 10}) feeds.push_back(bottle("w" + std::to_string(d), now - days(d), 100));
        for (int d = 1; d <= 5; ++d) feeds.push_back(bottle("d" + std::to_string(d), now - days(d), 100));
        const auto intake = recent_bottle_intake(history(feeds), now);
        REQUIRE(intake);
        CHECK(intake->days == 7);
        CHECK(intake->feeds == 5);
        CHECK(intake->per_day.ml() == Approx(500.0 / 7));
        // more than 7 days before the 7 days: not before them, the bottles start again (3 days and 1 more)
        const auto bottles_since = [&](Seconds old) {
            return recent_bottle_intake(
                history({bottle("old", old, 100), bottle("a", now - days(3), 100), bottle("b", now - days(2), 100)}),
                now);
        };
        CHECK(bottles_since(now - days(14) - minutes(1))->days == 4);
        CHECK(bottles_since(now - days(14) - minutes(1))->per_day.ml() == Approx(50));
        CHECK(bottles_since(now - days(14) + minutes(1))->days == 7);
        CHECK(intake_feeds_since(now) == now - days(14));
    }
    SECTION("none") { CHECK_FALSE(recent_bottle_intake(history({bottle("f", now - hours(1), 90, "formula")}), now)); }
}

TEST_CASE("the summary totals each place and counts the days of supply") {
    const Seconds now = P + hours(5);
    const Stock s = stash({store("a", P, "room", 60, "B1"), store("b", P, "fridge", 90, "B2"),
                           store("c", P, "freezer", 210, "B3"), store("d", P, "freezer", 100, "B4"),
                           discard("x", "d", P + hours(1))});
    Intake intake;
    intake.per_day = Volume::from_ml(150);
    intake.days = 7;
    const StockSummary summary = summarize(s, now, intake);
    REQUIRE(summary.places.size() == 3);
    CHECK(summary.places[0].place == Place::room);
    CHECK(summary.places[1].volume.ml() == Approx(90));
    CHECK(summary.places[2].place == Place::freezer);
    CHECK(summary.places[2].volume.ml() == Approx(210));
    CHECK(summary.places[2].containers == 1);
    CHECK(summary.usable.ml() == Approx(300));
    CHECK(summary.expired.ml() == Approx(60));
    CHECK(summary.expired_containers == 1);
    REQUIRE(summary.days_of_supply);
    CHECK(*summary.days_of_supply == Approx(2.0));
}

TEST_CASE("store, move, use and discard lines carry the journal's fields") {
    const auto zone = locate_zone("Europe/Berlin");
    StoreRecord r;
    r.at = instant("2026-11-21T13:05:00Z");
    r.pumped = instant("2026-11-21T12:00:00Z");
    r.amount = Volume::from_ml(120);
    r.place = Place::freezer;
    r.label = "B4";
    r.from = "P1";
    CHECK(serialize(store_line(r, "S1", zone)) ==
          R"({"v":1,"id":"S1","type":"store","at":"2026-11-21T14:05:00+01:00","ml":120,"place":"freezer",)"
          R"("pumped":"2026-11-21T13:00:00+01:00","label":"B4","from":"P1"})");
    CHECK(serialize(move_line("S1", Place::fridge, r.at, "M1", zone)) ==
          R"({"v":1,"id":"M1","type":"move","at":"2026-11-21T14:05:00+01:00","target":"S1","place":"fridge"})");
    CHECK(serialize(use_line("S1", Volume::from_ml(30.5), r.at, "F1", "U1", zone)) ==
          R"({"v":1,"id":"U1","type":"use","at":"2026-11-21T14:05:00+01:00","target":"S1","ml":30.5,"from":"F1"})");
    CHECK(serialize(discard_line("S1", "expired", r.at, "D1", zone)) ==
          R"({"v":1,"id":"D1","type":"discard","at":"2026-11-21T14:05:00+01:00","target":"S1","reason":"expired"})");
}

TEST_CASE("what to do with a container follows its place and history") {
    const Seconds now = P + days(2);
    const Stock s = stash({store("a", P, "fridge", 60, "B1"), store("b", P, "freezer", 90, "B2"),
                           store("c", P, "freezer", 90, "B3"), move("m", "c", now - hours(1), "fridge"),
                           store("d", now - hours(1), "room", 60, "B4"), store("e", P, "room", 60, "B5")});
    const Guideline& cdc = cdc_guideline();
    CHECK(advice_for(*s.find("B1"), now, cdc) == Advice::use_or_freeze);
    CHECK(advice_for(*s.find("B2"), now, cdc) == Advice::thaw_and_use);
    CHECK(advice_for(*s.find("B3"), now, cdc) == Advice::use_thawed);
    CHECK(advice_for(*s.find("B4"), now, cdc) == Advice::use_or_refrigerate);
    CHECK(advice_for(*s.find("B5"), now, cdc) == Advice::discard);
}

TEST_CASE("the fridge is advised only where it keeps the milk longer: never for a leftover") {
    const Seconds feed = P + hours(2);
    // What the baby left: 2 hours after the feed (CDC), in the room or moved to the fridge.
    const auto leftover = [&](std::string_view id, std::string_view label) {
        return entry_of(fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":20,"place":"room",)"
                                    R"("pumped":"{}","until":"{}","from":"F1","label":"{}"}})",
                                    id, utc_text(feed), utc_text(P), utc_text(feed + hours(2)), label));
    };
    // Combined in the room: no move keeps it past its expiry when combined.
    const Entry combined = entry_of(fmt::format(R"({{"v":1,"id":"c","type":"store","at":"{}","ml":120,)"
                                                R"("place":"room","pumped":"{}","until":"{}","label":"B3"}})",
                                                utc_text(feed), utc_text(P), utc_text(P + hours(4))));
    const Stock s = stash({leftover("a", "B1"), leftover("b", "B2"), move("m", "b", feed + minutes(10), "fridge"),
                           combined, store("d", feed, "room", 60, "B4")});
    const Seconds now = feed + minutes(30);
    const Guideline& cdc = cdc_guideline();
    CHECK(advice_for(*s.find("B1"), now, cdc) == Advice::use_by_or_discard);
    CHECK(advice_for(*s.find("B2"), now, cdc) == Advice::use_by_or_discard);
    CHECK(advice_for(*s.find("B3"), now, cdc) == Advice::use_by_or_discard);
    CHECK(advice_for(*s.find("B4"), now, cdc) == Advice::use_or_refrigerate);
}
}  // namespace PUMPLOG_UNITY_ID
