// The storage guideline tables (SPEC 4).
#include <catch2/catch.hpp>

#include "pumplog/error.hpp"
#include "pumplog/guideline.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::seconds;

TEST_CASE("the CDC profile holds the CDC storage limits for fresh milk") {
    const Guideline& cdc = cdc_guideline();
    CHECK(cdc.fresh_limit(Place::room) == hours(4));
    CHECK(cdc.fresh_limit(Place::cooler) == days(1));
    CHECK(cdc.fresh_limit(Place::fridge) == days(4));
    CHECK(cdc.fresh_limit(Place::freezer) == days(365));
    CHECK(cdc.fresh_freezer_best == days(182));
}

TEST_CASE("the CDC profile holds the thawed and leftover limits, strict bound for room") {
    const Guideline& cdc = cdc_guideline();
    CHECK(cdc.thawed_limit(Place::fridge) == hours(24));
    CHECK(cdc.thawed_limit(Place::room) == hours(1));
    CHECK(cdc.thawed_limit(Place::cooler) == hours(1));  // no cooler limit in the table: the strictest
    CHECK_FALSE(cdc.thawed_limit(Place::freezer).has_value());
    CHECK(cdc.leftover == hours(2));
    CHECK(std::string(cdc.refreeze_rule).find("never refreeze") != std::string::npos);
    CHECK(std::string(cdc.source) == "CDC, \"Proper Storage and Preparation of Breast Milk\"");
}

TEST_CASE("the CDC profile is the default and found by name in any case") {
    CHECK(&guideline_named("cdc") == &cdc_guideline());
    CHECK(&guideline_named(" CDC ") == &cdc_guideline());
    CHECK(guidelines().size() == 3);
    CHECK(guidelines().front() == &cdc_guideline());
}

TEST_CASE("an unknown guideline is refused listing the known ones") {
    try {
        guideline_named("nhs");
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()) == "\"nhs\" is not a storage guideline; accepted: cdc, abm, nicu");
    }
}

TEST_CASE("the ABM profile holds Protocol 8 of 2017, optimal limits, strict ends of ranges") {
    const Guideline& abm = guideline_named("ABM");
    CHECK(abm.name == "abm");
    CHECK(abm.fresh_limit(Place::room) == hours(4));
    CHECK(abm.fresh_limit(Place::cooler) == hours(24));
    CHECK(abm.fresh_limit(Place::fridge) == days(4));
    CHECK(abm.fresh_limit(Place::freezer) == days(365));
    CHECK(abm.fresh_freezer_best == days(182));
    CHECK(abm.thawed_limit(Place::room) == hours(1));
    CHECK(abm.thawed_limit(Place::fridge) == hours(24));
    CHECK_FALSE(abm.thawed_limit(Place::freezer).has_value());
    CHECK(abm.leftover == hours(1));
    CHECK(std::string(abm.source) == "ABM Clinical Protocol #8, revised 2017");
}

TEST_CASE("the NICU profile is never longer than the CDC or the ABM anywhere") {
    const Guideline& nicu = guideline_named("nicu");
    CHECK(nicu.fresh_limit(Place::fridge) == hours(48));
    CHECK(nicu.fresh_limit(Place::freezer) == days(182));
    CHECK(nicu.thawed_limit(Place::fridge) == hours(24));
    CHECK(nicu.leftover == hours(1));
    for (const Guideline* other : {&cdc_guideline(), &guideline_named("abm")}) {
        for (Place p : all_places) {
            CHECK(nicu.fresh_limit(p) <= other->fresh_limit(p));
            if (p != Place::freezer) CHECK(*nicu.thawed_limit(p) <= *other->thawed_limit(p));
        }
        CHECK(nicu.fresh_freezer_best <= other->fresh_freezer_best);
        CHECK(nicu.leftover <= other->leftover);
    }
    CHECK(nicu.fresh_limit(Place::fridge) < cdc_guideline().fresh_limit(Place::fridge));
}

TEST_CASE("places are parsed with their everyday names") {
    CHECK(parse_place("room") == Place::room);
    CHECK(parse_place("Counter") == Place::room);
    CHECK(parse_place("countertop") == Place::room);
    CHECK(parse_place("cooler") == Place::cooler);
    CHECK(parse_place("FRIDGE") == Place::fridge);
    CHECK(parse_place("refrigerator") == Place::fridge);
    CHECK(parse_place("freezer") == Place::freezer);
    for (Place p : all_places) CHECK(parse_place(place_name(p)) == p);
}

TEST_CASE("an unknown place is refused naming the four") {
    try {
        parse_place("shelf");
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()) == "\"shelf\" is not a place; use room, cooler, fridge or freezer");
    }
    CHECK_FALSE(place_from("").has_value());
}

TEST_CASE("limits read as people say them") {
    CHECK(limit_text(hours(4)) == "4 hours");
    CHECK(limit_text(hours(1)) == "1 hour");
    CHECK(limit_text(days(1)) == "1 day");
    CHECK(limit_text(days(4)) == "4 days");
    CHECK(limit_text(days(365)) == "12 months");
    CHECK(limit_text(days(182)) == "6 months");
    CHECK(limit_text(seconds(90)) == "2 minutes");
}
}  // namespace PUMPLOG_UNITY_ID
