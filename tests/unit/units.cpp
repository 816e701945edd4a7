// Amounts and durations (SPEC 1): every accepted and rejected form.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/units.hpp"
#include "helpers.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::refusal;

namespace {
double ml_of(const std::string& text, Unit bare = Unit::ml) { return parse_amount(text, bare).ml(); }
}  // namespace

TEST_CASE("an amount in millilitres is written with or without a space and in any case") {
    CHECK(ml_of("90ml") == 90);
    CHECK(ml_of("90 ml") == 90);
    CHECK(ml_of("90mL") == 90);
    CHECK(ml_of("90ML") == 90);
    CHECK(ml_of("  90ml  ") == 90);
    CHECK(ml_of("87.5ml") == 87.5);
    CHECK(ml_of("87,5 ml") == 87.5);
    CHECK(ml_of(".5ml") == 0.5);
}

TEST_CASE("an amount in US fluid ounces is 29.5735 ml each") {
    CHECK(ml_of("3oz") == Approx(88.7205));
    CHECK(ml_of("3.5oz") == Approx(103.50725));
    CHECK(ml_of("3.5 oz") == Approx(103.50725));
    CHECK(ml_of("3 fl oz") == Approx(88.7205));
    CHECK(ml_of("3 fl. oz.") == Approx(88.7205));
    CHECK(ml_of("3floz") == Approx(88.7205));
    CHECK(ml_of("3 OZ") == Approx(88.7205));
    CHECK(ml_of("2 ounces") == Approx(59.147));
}

TEST_CASE("a bare number is taken in the configured unit") {
    CHECK(ml_of("90", Unit::ml) == 90);
    CHECK(ml_of("3", Unit::oz) == Approx(88.7205));
    CHECK(ml_of("90ml", Unit::oz) == 90);  // an explicit unit wins
}

TEST_CASE("what is not an amount is refused with a usage error naming the accepted forms") {
    for (const char* text : {"banana", "-5ml", "90 kg", "", "   ", "ml", "1e400", "1e3ml", "90 ml ml", "90ml3",
                             "nan", "inf", "0x10", "90 m", "--90", "9 0ml", "L40 R50"}) {
        INFO(text);
        CHECK_THAT(refusal([&] { parse_amount(text, Unit::ml); }), Contains("is not an amount; try 90ml or 3oz"));
    }
    CHECK(refusal([] { parse_amount("banana", Unit::ml); }) == "\"banana\" is not an amount; try 90ml or 3oz");
}

TEST_CASE("an absurdly long number is refused, not overflowed") {
    CHECK_THROWS_AS(parse_amount(std::string(400, '9') + "ml", Unit::ml), Error);
    CHECK_THROWS_AS(parse_amount("1" + std::string(30, '0'), Unit::ml), Error);
}

TEST_CASE("a session amount may be a plain amount without sides") {
    const SideAmounts a = parse_session_amount("90ml", Unit::ml);
    CHECK(a.total.ml() == 90);
    CHECK_FALSE(a.left);
    CHECK_FALSE(a.right);
}

TEST_CASE("the compact L40 R50 form gives each side and their sum") {
    for (const char* text : {"L40 R50", "l40 r50", "L 40 R 50", "L40ml R50ml", "L 40 ml R 50 ml", "R50 L40",
                             "L40R50", "L40mlR50ml", "  L40   R50  "}) {
        INFO(text);
        const SideAmounts a = parse_session_amount(text, Unit::ml);
        REQUIRE(a.left);
        REQUIRE(a.right);
        CHECK(a.left->ml() == 40);
        CHECK(a.right->ml() == 50);
        CHECK(a.total.ml() == 90);
    }
}

TEST_CASE("each side may carry its own unit, and bare sides take the configured unit") {
    const SideAmounts mixed = parse_session_amount("L40ml R1.5oz", Unit::ml);
    CHECK(mixed.left->ml() == 40);
    CHECK(mixed.right->ml() == Approx(44.36025));
    CHECK(mixed.total.ml() == Approx(84.36025));
    const SideAmounts ounces = parse_session_amount("L1 R2", Unit::oz);
    CHECK(ounces.total.oz() == Approx(3.0));
}

TEST_CASE("one side alone is a session of that side") {
    const SideAmounts right = parse_session_amount("R50", Unit::ml);
    CHECK_FALSE(right.left);
    CHECK(right.right->ml() == 50);
    CHECK(right.total.ml() == 50);
}

TEST_CASE("a compact form that names a side twice or holds a non-amount is refused") {
    CHECK_THAT(refusal([] { parse_session_amount("L40 L50", Unit::ml); }), Contains("names a side twice"));
    for (const char* text : {"L40 R", "L40 Rbanana", "L40 X50", "Lbanana", "L-5", "L40 R50 kg", "L40 R50 R10"}) {
        INFO(text);
        CHECK_THROWS_AS(parse_session_amount(text, Unit::ml), Error);
    }
    // The message quotes what the user typed, not a piece of it.
    CHECK(refusal([] { parse_session_amount("L40 Rbanana", Unit::ml); }) ==
          "\"L40 Rbanana\" is not an amount; try 90ml or 3oz");
}

TEST_CASE("an amount of 0 or less or over 1000 ml is implausible unless forced") {
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(0.5), false));
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(1000), false));
    CHECK_THAT(refusal([] { check_plausible_session(Volume::from_ml(0), false); }), Contains("implausible"));
    CHECK_THAT(refusal([] { check_plausible_session(Volume::from_ml(-5), false); }), Contains("--force"));
    CHECK_THAT(refusal([] { check_plausible_session(Volume::from_ml(1000.5), false); }), Contains("over 1000 ml"));
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(0), true));
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(5000), true));
    // As the journal keeps it (0.01 ml): 0.001 ml would be written as 0.
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(0.001), false); }) ==
          "an amount of 0.001 ml is recorded as 0 ml (the journal keeps amounts to 0.01 ml); give more than 0 ml "
          "(or --force)");
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(0.005), false));  // 0.01 ml
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(0.001), true));
    // Not even forced: a volume every computation would count as nothing.
    CHECK_NOTHROW(check_plausible_session(Volume::from_ml(10000), true));
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(10000.5), true); }) ==
          "10000.5 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(-5), true); }) ==
          "-5 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
}

TEST_CASE("a refused volume is shown as given and not rounded into the range it is refused for") {
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(10000.004), true); }) ==
          "10000.004 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(10000.04), true); }) ==
          "10000.04 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
    CHECK(refusal([] { check_plausible_session(Volume::from_ml(-0.3), true); }) ==
          "-0.3 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
}

TEST_CASE("a session's length that is not a duration is refused with forms a session can take") {
    for (const char* text : {"1h30", "40ml", "2x"}) {
        INFO(text);
        CHECK(refusal([&] { parse_session_duration(text); }) ==
              fmt::format("\"{}\" is not a duration; try 15m, 1h30m or 90s", text));
    }
    CHECK(parse_session_duration("1h30m") == std::chrono::seconds(5400));
}

TEST_CASE("units are ml or oz, in any case") {
    CHECK(parse_unit("ml") == Unit::ml);
    CHECK(parse_unit("OZ") == Unit::oz);
    CHECK(refusal([] { parse_unit("floz"); }) == "\"floz\" is not a unit; use ml or oz");
    CHECK(unit_name(Unit::ml) == "ml");
    CHECK(unit_name(Unit::oz) == "oz");
}

TEST_CASE("volumes are stored to 0.01 ml and output to 0.1 ml or 0.01 oz") {
    CHECK(round_ml(88.7205) == 88.72);
    CHECK(round_ml(103.50725) == 103.51);
    CHECK(output_value(Volume::from_ml(88.7205), Unit::ml) == 88.7);
    CHECK(output_value(Volume::from_ml(90), Unit::oz) == 3.04);
    CHECK(output_value(Volume::from_oz(3), Unit::oz) == 3);
}

TEST_CASE("volumes for people drop a needless decimal in ml and keep one in oz") {
    CHECK(format_volume(Volume::from_ml(90), Unit::ml) == "90 ml");
    CHECK(format_volume(Volume::from_ml(88.7205), Unit::ml) == "88.7 ml");
    CHECK(format_volume(Volume::from_ml(0), Unit::ml) == "0 ml");
    CHECK(format_volume(Volume::from_ml(90), Unit::oz) == "3.0 oz");
    CHECK(format_volume(Volume::from_oz(3.5), Unit::oz) == "3.5 oz");
    CHECK(format_volume_number(Volume::from_ml(1234.56), Unit::ml) == "1234.6");
}

TEST_CASE("ounces for people are the tenths of the hundredths machines show rounded half away from zero") {
    // 0.25 oz typed is written as 7.39 ml, 0.2499 oz: 0.25 in the CSV and JSON, so 0.3 for people (not 0.2).
    CHECK(output_value(Volume::from_ml(7.39), Unit::oz) == 0.25);
    CHECK(format_volume(Volume::from_ml(7.39), Unit::oz) == "0.3 oz");
    CHECK(format_volume(Volume::from_ml(-7.39), Unit::oz) == "-0.3 oz");
    CHECK(format_volume(Volume::from_ml(0.1), Unit::oz) == "0.0 oz");
    CHECK(format_volume(Volume::from_ml(103.51), Unit::oz) == "3.5 oz");
}

TEST_CASE("an amount over 1000 ml typed in ounces is refused in ounces, with the ml it may have meant") {
    CHECK(written_unit({"90"}, Unit::oz) == Unit::oz);
    CHECK(written_unit({"90"}, Unit::ml) == Unit::ml);
    CHECK(written_unit({"3 fl oz"}, Unit::ml) == Unit::oz);
    CHECK(written_unit({"L60 R2oz"}, Unit::oz) == Unit::oz);
    CHECK(written_unit({"L60 R40ml"}, Unit::oz) == Unit::ml);  // one part in ml: named in ml
    CHECK(written_unit({"", "2oz"}, Unit::ml) == Unit::oz);     // --left not given, --right 2oz
    CHECK(written_unit({"2l"}, Unit::oz) == Unit::ml);
    CHECK(written_unit({"banana"}, Unit::oz) == Unit::ml);
    CHECK_THROWS_WITH(check_plausible_session(Volume::from_oz(90), false, Unit::oz),
                      "90 oz (2661.6 ml) at once is implausible (over 33.8 oz); check the unit (90ml?), or use --force");
    CHECK_THROWS_WITH(check_plausible_session(Volume::from_oz(90), false, Unit::ml),
                      "2661.62 ml at once is implausible (over 1000 ml); check the unit, or use --force");
    CHECK_NOTHROW(check_plausible_session(Volume::from_oz(90), true, Unit::oz));
}

TEST_CASE("a session's sides are shown after its total as they were given") {
    SideAmounts both{Volume::from_ml(90), Volume::from_ml(40), Volume::from_ml(50)};
    CHECK(format_sides(both, Unit::ml) == " (L 40 / R 50)");
    CHECK(format_sides(both, Unit::oz) == " (L 1.4 / R 1.7)");
    CHECK(format_sides({Volume::from_ml(50), std::nullopt, Volume::from_ml(50)}, Unit::ml) == " (R 50)");
    CHECK(format_sides({Volume::from_ml(50), Volume::from_ml(50), std::nullopt}, Unit::ml) == " (L 50)");
    CHECK(format_sides({Volume::from_ml(90), std::nullopt, std::nullopt}, Unit::ml).empty());
}

TEST_CASE("a volume rounds to 0.1 ml the same way for people and machines: half away from zero as written") {
    // 16.65 and 120.05 are a little under in binary: rounded as written they go up, everywhere.
    for (const auto& [ml, tenths, text] : {std::tuple{16.65, 167LL, "16.7"}, std::tuple{120.05, 1201LL, "120.1"},
                                          std::tuple{103.4, 1034LL, "103.4"}, std::tuple{119.96, 1200LL, "120"},
                                          std::tuple{0.04, 0LL, "0"}, std::tuple{-2.25, -23LL, "-2.3"},
                                          std::tuple{-0.05, -1LL, "-0.1"}}) {
        CAPTURE(ml);
        CHECK(ml_tenths(Volume::from_ml(ml)) == tenths);
        CHECK(format_volume_number(Volume::from_ml(ml), Unit::ml) == text);
        CHECK(output_value(Volume::from_ml(ml), Unit::ml) == static_cast<double>(tenths) / 10.0);
    }
    // A sum of such volumes carries binary noise; in hundredths it is gone.
    CHECK(format_volume(Volume::from_ml(16.65) + Volume::from_ml(103.4), Unit::ml) == "120.1 ml");
}

TEST_CASE("volumes in advice are whole ml, or oz to one decimal") {
    CHECK(format_rounded_volume(Volume::from_ml(88.7205), Unit::ml) == "89 ml");
    CHECK(format_rounded_volume(Volume::from_ml(90.5), Unit::ml) == "91 ml");
    CHECK(format_rounded_volume(Volume::from_ml(0.4), Unit::ml) == "0 ml");
    CHECK(format_rounded_volume(Volume::from_ml(88.7205), Unit::oz) == "3.0 oz");
    CHECK(format_rounded_volume(Volume::from_oz(3.54), Unit::oz) == "3.5 oz");
}

TEST_CASE("durations are written as 15m, 1h30m, 90s, 20min, 2h or 2d") {
    using std::chrono::seconds;
    CHECK(parse_duration("15m") == seconds(900));
    CHECK(parse_duration("1h30m") == seconds(5400));
    CHECK(parse_duration("1h 30m") == seconds(5400));
    CHECK(parse_duration("90s") == seconds(90));
    CHECK(parse_duration("20min") == seconds(1200));
    CHECK(parse_duration("20 minutes") == seconds(1200));
    CHECK(parse_duration("2h") == seconds(7200));
    CHECK(parse_duration("1.5h") == seconds(5400));
    CHECK(parse_duration("2d") == seconds(172800));
    CHECK(parse_duration("1w") == seconds(604800));
    CHECK(parse_duration("2H") == seconds(7200));
}

TEST_CASE("a bare number of a duration is minutes") {
    CHECK(parse_duration("15") == std::chrono::seconds(900));
}

TEST_CASE("what is not a duration is refused with a usage error naming the accepted forms") {
    for (const char* text : {"", "m", "banana", "-5m", "15x", "h1", "15m30", "1e400m", "1e3", "15 parsecs", "1h-5m",
                             "99999999999h", "100000000"}) {
        INFO(text);
        CHECK_THAT(refusal([&] { parse_duration(text); }), Contains("is not a duration; try 15m, 1h30m, 90s or 2d"));
    }
}

TEST_CASE("durations for people are in s, min, h and min, or d") {
    using std::chrono::seconds;
    CHECK(format_duration(seconds(45)) == "45 s");
    CHECK(format_duration(seconds(900)) == "15 min");
    CHECK(format_duration(seconds(5400)) == "1 h 30 min");
    CHECK(format_duration(seconds(7200)) == "2 h");
    CHECK(format_duration(seconds(172800)) == "2 d");
    CHECK(format_duration(seconds(-900)) == "-15 min");
}

TEST_CASE("figures in tenths round half away from zero for people and machines alike") {
    // 600 ml at 500 ml in 6 days 1 hour is 7.25 days: printf's {:.1f} said 7.2, the JSON 7.3.
    CHECK(tenths(600 / (500 / (6 + 1.0 / 24))) == 73);
    CHECK(format_tenths(600 / (500 / (6 + 1.0 / 24))) == "7.3");
    CHECK(format_tenths(0.25) == "0.3");
    CHECK(format_tenths(-0.25) == "-0.3");
    CHECK(format_tenths(35) == "35.0");
    CHECK(format_tenths(8.449) == "8.4");
}
}  // namespace PUMPLOG_UNITY_ID
