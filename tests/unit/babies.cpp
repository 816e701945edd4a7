// Several babies (SPEC 12): the names config knows, whose feed a command
// names, and the pump plan learned per baby and covering them all.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "core/plan_cadence.hpp"
#include "helpers.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/render/plan.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Equals;

namespace {

Entry feed_of(const std::string& baby, const std::string& at, double ml) {
    static int n = 0;
    const std::string name = baby.empty() ? "" : R"(,"baby":")" + baby + R"(")";
    return testing::entry_of(fmt::format(R"({{"v":1,"id":"tw{}","type":"feed","at":"{}","method":"bottle","ml":{}{}}})",
                                         ++n, at, ml, name));
}

// Seven days, 2026-11-14 to 2026-11-20 (Berlin, +01:00): a feed of `ml` at
// each of `minutes` (after midnight) for `baby`.
std::vector<Entry> week_of(const std::string& baby, const std::vector<int>& minutes, double ml) {
    std::vector<Entry> out;
    for (int day = 14; day <= 20; ++day)
        for (const int m : minutes)
            out.push_back(feed_of(baby, fmt::format("2026-11-{:02d}T{:02d}:{:02d}:00+01:00", day, m / 60, m % 60), ml));
    return out;
}

std::vector<int> every_3h_from(int first) {
    std::vector<int> out;
    for (int i = 0; i < 8; ++i) out.push_back((first + i * 180) % (24 * 60));
    return out;
}

const Clock now = testing::clock_at("2026-11-21T00:00:00+01:00");

PlanCadence learn(const std::vector<Entry>& entries) {
    Settings settings;
    return plan_cadence(entries, settings, now.zone, lookback_since(now.now, 7, now.zone), now.now,
                        SlotAmounts::share_of_day);
}

std::vector<int> slot_minutes(const PlanCadence& c) {
    std::vector<int> out;
    for (const Slot& s : c.cadence.slots) out.push_back(s.minute);
    return out;
}

}  // namespace

TEST_CASE("babies: names from config, compared without case, refused when empty, doubled or too long") {
    CHECK(parse_babies("Ada, Ben").size() == 2);
    CHECK(parse_babies("  Ada ,Ben,Cy ") == std::vector<std::string>{"Ada", "Ben", "Cy"});
    CHECK(parse_babies("none").empty());
    CHECK(parse_babies("").empty());
    CHECK(format_babies({"Ada", "Ben"}) == "Ada, Ben");
    CHECK(format_babies({}) == "none");
    CHECK_THAT(testing::refusal([] { parse_babies("Ada,,Ben"); }),
               Equals("a baby's name is empty (between two commas); write the names as \"Ada, Ben\""));
    CHECK_THAT(testing::refusal([] { parse_babies(", Ada"); }),
               Equals("a baby's name is empty (before the first comma); write the names as \"Ada, Ben\""));
    CHECK_THAT(testing::refusal([] { parse_babies("Ada, "); }),
               Equals("a baby's name is empty (after the last comma); write the names as \"Ada, Ben\""));
    CHECK_THAT(testing::refusal([] { parse_babies("Ada, ada"); }),
               Equals("\"Ada\" and \"ada\" are one name (names compare without case): name each baby once"));
    CHECK_THAT(testing::refusal([] { parse_babies("Ada, Ada"); }), Equals("\"Ada\" is named twice"));
    CHECK_THAT(testing::refusal([] { parse_babies(std::string(41, 'x')); }),
               Equals("\"" + std::string(41, 'x') + "\" is 41 bytes long, over the 40 a name may have; a first name "
                      "is enough"));
    CHECK(parse_babies(std::string(40, 'x')).size() == 1);
    CHECK(same_baby("Ada", "ADA"));
    CHECK_FALSE(same_baby("Ada", "Adam"));
}

TEST_CASE("babies: names separated by semicolons are refused with the hint to use commas, not kept as one name") {
    CHECK_THAT(testing::refusal([] { parse_babies("Ada; Ben"); }),
               Equals("\"Ada; Ben\" holds a ';'; separate the names with commas: \"Ada, Ben\""));
}

TEST_CASE("babies: a name read from the journal compares trimmed and without case") {
    CHECK(same_baby(" Ben ", "ben"));
    CHECK(same_baby("Ben", "\tBEN "));
    CHECK_FALSE(same_baby(" ", "Ben"));
    // A run of spaces inside is one space: "Mary  Ann" looks like Mary Ann.
    CHECK(same_baby("Mary  Ann", "mary ann"));
    CHECK(same_baby("Mary Ann", "MARY   ANN"));
    CHECK_FALSE(same_baby("Mary  Ann", "Mary Anne"));
    CHECK_FALSE(same_baby("MaryAnn", "Mary Ann"));
    const Entry spaced = feed_of(" Ben ", "2026-11-20T08:00:00+01:00", 90);
    CHECK(baby_of(spaced) == "Ben");
    CHECK(is_feed_of(spaced, "ben"));
    CHECK(baby_of(feed_of("  ", "2026-11-20T08:00:00+01:00", 90)).empty());
    CHECK(babies_in({spaced, feed_of("Ben", "2026-11-20T09:00:00+01:00", 90),
                     feed_of("  ", "2026-11-20T10:00:00+01:00", 90)}) == std::vector<std::string>{"Ben"});
}

TEST_CASE("babies: a name typed with precomposed or with combining accents is one baby") {
    const std::string nfc = "Zo\xC3\xAB", nfd = "Zoe\xCC\x88";  // Zoë with U+00EB, with e + U+0308
    CHECK(same_baby(nfc, nfd));
    CHECK(same_baby(" ZOE\xCC\x88 ", nfc));
    CHECK(same_baby("a\xCC\x88\xCC\xA3", "a\xCC\xA3\xCC\x88"));                       // marks in either order
    CHECK(same_baby("\xED\x95\x9C", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"));        // 한 and its jamo
    CHECK_FALSE(same_baby("Zoe", nfc));
    CHECK(resolve_baby({nfc, "\xC3\x89lodie"}, nfd) == nfc);                          // as configured
    CHECK(resolve_baby({nfc, "\xC3\x89lodie"}, "E\xCC\x81lodie") == "\xC3\x89lodie");
    CHECK(babies_in({feed_of(nfc, "2026-11-20T08:00:00+01:00", 90), feed_of(nfd, "2026-11-20T09:00:00+01:00", 80)}) ==
          std::vector<std::string>{nfc});
    CHECK(is_feed_of(feed_of(nfd, "2026-11-20T09:00:00+01:00", 80), nfc));
    CHECK(with_babies({nfc}, {nfd}) == std::vector<std::string>{nfc});
    CHECK_THAT(testing::refusal([&] { parse_babies(nfc + ", " + nfd); }),
               Equals("\"" + nfd + "\" is named twice (its accents written two ways, as one character and as a "
                      "letter and a combining mark)"));
    CHECK_THAT(testing::refusal([&] { parse_babies(nfc + ", ZOE\xCC\x88"); }),
               Equals("\"" + nfc + "\" and \"ZOE\xCC\x88\" are one name (names compare without case): name each "
                      "baby once"));
}

TEST_CASE("babies: names written in quotes are refused, not kept with their quotes") {
    // config set babies '"Ada", "Ben"' kept the names "Ada" quotes and all: --baby Ada was then refused.
    CHECK_THAT(testing::refusal([] { parse_babies(R"("Ada", "Ben")"); }),
               Equals(R"(a baby's name holds a double quote ("Ada"); write the names without quotes: Ada, Ben)"));
    CHECK_THAT(testing::refusal([] { parse_babies(R"("Ada, Ben")"); }),
               Equals(R"(a baby's name holds a double quote ("Ada); write the names without quotes: Ada, Ben)"));
    CHECK(parse_babies("Zoë, O'Neil") == std::vector<std::string>{"Zoë", "O'Neil"});
}

TEST_CASE("babies: a feed's baby is asked for only when there are several") {
    CHECK(resolve_baby({}, "") == "");
    CHECK(resolve_baby({"Ada"}, "") == "");
    CHECK(resolve_baby({"Ada"}, "ada") == "Ada");
    CHECK(resolve_baby({"Ada", "Ben"}, " BEN ") == "Ben");
    CHECK_THAT(testing::refusal([] { resolve_baby({"Ada", "Ben"}, ""); }),
               Equals("whose feed is it? give --baby Ada or Ben"));
    CHECK_THAT(testing::refusal([] { resolve_baby({"Ada", "Ben", "Cy"}, "Dan"); }),
               Equals("\"Dan\" is not one of the babies; they are Ada, Ben and Cy (config babies)"));
    CHECK_THAT(testing::refusal([] { resolve_baby({}, "Ada"); }),
               Equals("no babies are named yet, so --baby Ada names none; name them first: "
                      "pumplog config set babies 'Ada, ...'"));
}

TEST_CASE("babies: a name in a suggested command is quoted for the shell, never run when copied") {
    CHECK_THAT(testing::refusal([] { resolve_baby({"$(touch /tmp/x)", "`id`", "Mary Ann", "O'Neil", "Ada"}, ""); }),
               Equals("whose feed is it? give --baby '$(touch /tmp/x)', '`id`', 'Mary Ann', 'O'\\''Neil' or Ada"));
    CHECK_THAT(testing::refusal([] { resolve_baby({}, "$(id)"); }),
               Equals("no babies are named yet, so --baby '$(id)' names none; name them first: "
                      "pumplog config set babies '$(id), ...'"));
}

TEST_CASE("babies: --baby takes a name the journal's feeds carry too, and a refusal lists both kinds") {
    // config set babies Ada on a journal whose feeds name Ada and Ben: Ben is still a baby.
    const KnownBabies known{{"Ada"}, {"Ben"}};
    CHECK(resolve_known_baby(known, "ben") == "Ben");
    CHECK(resolve_known_baby(known, "ADA") == "Ada");
    CHECK_THAT(testing::refusal([&] { resolve_known_baby(known, ""); }), Equals("whose feed is it? give --baby Ada or Ben"));
    CHECK_THAT(testing::refusal([&] { resolve_known_baby(known, "Zed"); }),
               Equals("\"Zed\" is not one of the babies; they are Ada (config babies) and Ben (named on the "
                      "journal's feeds)"));
    CHECK_THAT(testing::refusal([] { resolve_known_baby(KnownBabies{{}, {"Ada", "Ben"}}, "Zed"); }),
               Equals("\"Zed\" is not one of the babies; they are Ada and Ben (named on the journal's feeds)"));
    CHECK_THAT(testing::refusal([] { resolve_known_baby(KnownBabies{{"Ada"}, {}}, "Zed"); }),
               Equals("\"Zed\" is not one of the babies; the only one is Ada (config babies)"));
    CHECK(with_babies({"Ada"}, {"ADA", "Ben"}) == std::vector<std::string>{"Ada", "Ben"});
}

TEST_CASE("babies: the names a journal's feeds carry, trimmed, first spelling, voided feeds left out") {
    testing::TempDir dir;
    const auto path = dir / "journal.jsonl";
    testing::write_file(path, testing::line("01KAQF000000000000000000A1", "2026-11-10T08:00:00+01:00", "feed",
                                            R"(,"method":"bottle","ml":90,"baby":" ben ")") + "\n" +
                                  testing::line("01KAQF000000000000000000A2", "2026-11-12T08:00:00+01:00", "feed",
                                                R"(,"method":"bottle","ml":90,"baby":"Ada")") + "\n" +
                                  testing::line("01KAQF000000000000000000A3", "2026-11-13T08:00:00+01:00", "feed",
                                                R"(,"method":"bottle","ml":90,"baby":"BEN")") + "\n" +
                                  testing::line("01KAQF000000000000000000A4", "2026-11-14T08:00:00+01:00", "feed",
                                                R"(,"method":"bottle","ml":90,"baby":"Cy")") + "\n" +
                                  testing::line("01KAQF000000000000000000A5", "2026-11-14T09:00:00+01:00", "void",
                                                R"(,"target":"01KAQF000000000000000000A4")") + "\n" +
                                  testing::line("01KAQF000000000000000000A6", "2026-11-14T09:00:00+01:00", "pump") +
                                  "\n");
    const Journal journal{path};
    CHECK(babies_named_in(journal, false) == std::vector<std::string>{"ben", "Ada"});
    CHECK(babies_named_in(journal, false, testing::instant("2026-11-11T00:00:00+01:00")) ==
          std::vector<std::string>{"Ada", "BEN"});
    CHECK(babies_named_in(Journal{dir / "none.jsonl"}, false).empty());
}

TEST_CASE("babies: babies_in lists each name once, in the order first seen") {
    const std::vector<Entry> entries = {feed_of("Ben", "2026-11-20T08:00:00+01:00", 90),
                                        feed_of("", "2026-11-20T09:00:00+01:00", 90),
                                        feed_of("ada", "2026-11-20T10:00:00+01:00", 90),
                                        feed_of("BEN", "2026-11-20T11:00:00+01:00", 90)};
    CHECK(babies_in(entries) == std::vector<std::string>{"Ben", "ada"});
    CHECK(is_feed_of(entries[3], "Ben"));
    CHECK_FALSE(is_feed_of(entries[2], "Ben"));
    CHECK(is_feed_of(entries[1], ""));
}

TEST_CASE("twins fed apart: each baby's cadence is learned, and the plan's day holds both") {
    // Ada every 3 h from 00:00 (90 ml), Ben every 3 h from 01:30 (60 ml): 16 feeds a day.
    std::vector<Entry> entries = week_of("Ada", every_3h_from(0), 90);
    const auto ben = week_of("Ben", every_3h_from(90), 60);
    entries.insert(entries.end(), ben.begin(), ben.end());
    const PlanCadence both = learn(entries);
    REQUIRE(both.cadence.slots.size() == 16);
    CHECK(both.cadence.feedings_per_day == Approx(16));
    CHECK(both.cadence.basis.feeds == 7 * 16);
    for (std::size_t i = 0; i < 16; ++i) {
        const Slot& s = both.cadence.slots[i];
        INFO(i);
        CHECK(s.minute == static_cast<int>(i) * 90);
        CHECK(s.babies == std::vector<std::string>{i % 2 == 0 ? "Ada" : "Ben"});
        CHECK(s.amount.ml() == (i % 2 == 0 ? 90 : 60));
    }
    // Without the names the same feeds are one baby's, and 90 minutes apart
    // they are not one feeding either: the same times, no names.
    std::vector<Entry> unnamed;
    for (Entry e : entries) {
        e.baby.clear();
        unnamed.push_back(e);
    }
    CHECK(learn(unnamed).cadence.slots.size() == 16);
    CHECK(learn(unnamed).cadence.slots[0].babies.empty());
}

TEST_CASE("twins fed together: one time covers both, with the summed amount, at the earlier feed") {
    // Ada at 00:00, 03:00, ... (90 ml); Ben 20 minutes later each time (70 ml).
    std::vector<Entry> entries = week_of("Ada", every_3h_from(0), 90);
    const auto ben = week_of("Ben", every_3h_from(20), 70);
    entries.insert(entries.end(), ben.begin(), ben.end());
    const PlanCadence both = learn(entries);
    CHECK(slot_minutes(both) == every_3h_from(0));
    for (const Slot& s : both.cadence.slots) {
        CHECK(s.amount.ml() == 160);
        CHECK(s.babies == std::vector<std::string>{"Ada", "Ben"});
    }
    CHECK(both.cadence.feedings_per_day == Approx(16));
}

TEST_CASE("twins fed together are named in the configured order, not in the order they fed") {
    // Ben first each time (70 ml), Ada 20 minutes later (90 ml), and at 12:00 Ada alone first: "Ada + Ben" always.
    std::vector<Entry> entries = week_of("Ben", every_3h_from(0), 70);
    const auto ada = week_of("Ada", every_3h_from(20), 90);
    entries.insert(entries.end(), ada.begin(), ada.end());
    Settings settings;
    settings.babies = {"Ada", "Ben"};
    const PlanCadence both = plan_cadence(entries, settings, now.zone, lookback_since(now.now, 7, now.zone), now.now,
                                          SlotAmounts::share_of_day);
    REQUIRE(both.cadence.slots.size() == 8);
    for (const Slot& s : both.cadence.slots) {
        CHECK(s.babies == std::vector<std::string>{"Ada", "Ben"});
        REQUIRE(s.baby_amounts.size() == 2);
        CHECK(s.baby_amounts[0].ml() == 90);
        CHECK(s.baby_amounts[1].ml() == 70);
    }
    // Without names configured (an import), one order for every slot: the order the journal first names them.
    std::vector<Entry> mixed = week_of("Ben", {0, 6 * 60 + 20}, 70);
    const auto ada_mixed = week_of("Ada", {20, 6 * 60}, 90);
    mixed.insert(mixed.end(), ada_mixed.begin(), ada_mixed.end());
    std::stable_sort(mixed.begin(), mixed.end(),
                     [](const Entry& a, const Entry& b) { return a.at.instant < b.at.instant; });
    const PlanCadence unconfigured = learn(mixed);
    REQUIRE(unconfigured.cadence.slots.size() == 2);
    CHECK(unconfigured.cadence.slots[0].babies == unconfigured.cadence.slots[1].babies);
}

TEST_CASE("twins across midnight: 23:50 and 00:10 are one time, the widest gap is where the day splits") {
    std::vector<Entry> entries = week_of("Ada", {23 * 60 + 50, 6 * 60, 12 * 60, 18 * 60}, 100);
    const auto ben = week_of("Ben", {10, 6 * 60 + 15, 12 * 60 + 15, 18 * 60 + 15}, 80);
    entries.insert(entries.end(), ben.begin(), ben.end());
    const PlanCadence both = learn(entries);
    CHECK(slot_minutes(both) == std::vector<int>{6 * 60, 12 * 60, 18 * 60, 23 * 60 + 50});
    CHECK(both.cadence.slots.back().babies == std::vector<std::string>{"Ada", "Ben"});
    CHECK(both.cadence.slots.back().amount.ml() == 180);
}

TEST_CASE("a baby with too few days of feeds is named in the basis, the others are planned") {
    std::vector<Entry> entries = week_of("Ada", every_3h_from(0), 90);
    entries.push_back(feed_of("Ben", "2026-11-20T10:00:00+01:00", 60));
    const PlanCadence both = learn(entries);
    CHECK(both.cadence.slots.size() == 8);
    REQUIRE_FALSE(both.cadence.basis.notes.empty());
    CHECK_THAT(both.cadence.basis.notes.back(), Catch::Matchers::StartsWith("Ben: not planned for ("));
}

TEST_CASE("twins in exclusive mode: the day's pump targets add up to what both babies drink") {
    std::vector<Entry> entries = week_of("Ada", every_3h_from(0), 90);
    const auto ben = week_of("Ben", every_3h_from(20), 70);
    entries.insert(entries.end(), ben.begin(), ben.end());
    Settings settings;
    settings.mode = PlanMode::exclusive;
    const Plan plan = plan_pumps(entries, settings, now, TimeSpan{now.now, now.now + std::chrono::hours(24)});
    double total = 0;
    for (const PlannedPump& p : plan.pumps) total += p.target.ml();
    CHECK(total == Approx(8 * 160).margin(8));
}

TEST_CASE("Unicode spaces around a name are trimmed like spaces, and invisible characters are not spaces") {
    CHECK(trim_name("Ada\u00a0") == "Ada");
    CHECK(trim_name("\u3000 Ada \u2003\u202f") == "Ada");
    CHECK(trim_name("\u00a0") == "");
    CHECK(trim_name("Zo\u00eb") == "Zo\u00eb");
    CHECK(trim_name("Ada\u200b") == "Ada\u200b");
    CHECK(same_baby("Ada\u00a0", "ada"));
    CHECK_THAT(format_babies(parse_babies("Ada\u00a0, \u2009Ben")), Equals("Ada, Ben"));
}

TEST_CASE("the feeds naming no baby are the one baby's only while no other is configured or named") {
    CHECK(unnamed_feeds_are("Ada", {}, {"Ada"}));
    CHECK(unnamed_feeds_are("ada", {"Ada"}, {}));
    CHECK(unnamed_feeds_are("Ada", {}, {}));
    CHECK_FALSE(unnamed_feeds_are("Ada", {"Ada", "Ben"}, {"Ada"}));
    CHECK_FALSE(unnamed_feeds_are("Ada", {}, {"Ada", "Ben"}));
    CHECK_FALSE(unnamed_feeds_are("Ada", {"Ben"}, {}));
    CHECK_FALSE(unnamed_feeds_are("", {}, {}));
}

TEST_CASE("two babies configured: feeds without a name beside one named baby are planned as one more baby") {
    std::vector<Entry> entries = week_of("Ada", {180, 540}, 90);
    const auto unnamed = week_of("", {900, 1260}, 110);
    entries.insert(entries.end(), unnamed.begin(), unnamed.end());
    Settings settings;
    settings.mode = PlanMode::exclusive;
    const Seconds since = lookback_since(now.now, 7, now.zone);
    CHECK(plan_cadence(entries, settings, now.zone, since, now.now, SlotAmounts::share_of_day)
              .cadence.basis.babies.empty());
    settings.babies = {"Ada", "Ben"};
    const PlanCadence both = plan_cadence(entries, settings, now.zone, since, now.now, SlotAmounts::share_of_day);
    CHECK(both.cadence.basis.babies == std::vector<std::string>{"Ada", ""});
    CHECK_THAT(both.cadence.basis.notes.front(),
               Equals("14 feeds carry no baby's name, so they are planned as one more baby; name each with pumplog "
                      "log edit REF --baby NAME"));
}

// Twins logged without names, then named (config set babies, --baby on each feed): `named_from` is the first
// day of named feeds, Ada's at 90 ml and Ben's at 70 ml 20 minutes later, every 3 hours.
std::vector<Entry> twins_named_from(int named_from) {
    std::vector<Entry> out;
    for (int day = 14; day <= 20; ++day)
        for (const int m : every_3h_from(0)) {
            const auto at = [&](int minute) {
                return fmt::format("2026-11-{:02d}T{:02d}:{:02d}:00+01:00", day, minute / 60, minute % 60);
            };
            out.push_back(feed_of(day < named_from ? "" : "Ada", at(m), 90));
            out.push_back(feed_of(day < named_from ? "" : "Ben", at(m + 20), 70));
        }
    return out;
}

TEST_CASE("twins logged without names and then named are two babies: the feeds from before are left out") {
    Settings settings;
    settings.babies = {"Ada", "Ben"};
    const Seconds since = lookback_since(now.now, 7, now.zone);
    // Named on the 18th: three days of each baby's own feeds, the four days before without a name.
    const PlanCadence named = plan_cadence(twins_named_from(18), settings, now.zone, since, now.now,
                                           SlotAmounts::share_of_day);
    CHECK(named.cadence.basis.babies == std::vector<std::string>{"Ada", "Ben"});
    CHECK(slot_minutes(named) == every_3h_from(0));
    double day = 0;
    for (const Slot& slot : named.cadence.slots) day += slot.amount.ml();
    CHECK(day == Approx(8 * 160));  // 1280 ml, not 2560 ml with the unnamed feeds as a third baby
    CHECK_THAT(named.cadence.basis.notes.front(),
               Equals("64 feeds before 2026-11-18 carry no baby's name: logged before the babies were named, they "
                      "are left out"));
    // Named on the 20th: one day of named feeds is too few to learn each baby from, so every feed counts
    // together, as before the naming.
    const PlanCadence together = plan_cadence(twins_named_from(20), settings, now.zone, since, now.now,
                                              SlotAmounts::share_of_day);
    CHECK(together.cadence.basis.babies.empty());
    day = 0;
    for (const Slot& slot : together.cadence.slots) day += slot.amount.ml();
    CHECK(day == Approx(8 * 160));
    CHECK_THAT(together.cadence.basis.notes.front(),
               Equals("the babies are named from 2026-11-20 on: until each has days enough to learn from, the plan "
                      "learns from every feed together, 96 feeds without a name"));
    // An unnamed feed after the first named one is a baby of its own, as before.
    std::vector<Entry> late = twins_named_from(18);
    late.push_back(feed_of("", "2026-11-20T23:00:00+01:00", 50));
    const PlanCadence three = plan_cadence(late, settings, now.zone, since, now.now, SlotAmounts::share_of_day);
    CHECK(three.cadence.basis.babies == std::vector<std::string>{"Ada", "Ben", ""});
}

namespace {

// A feed at the breast, no amount, of `baby` at `at`.
Entry nursed(const std::string& baby, const std::string& at) {
    static int n = 0;
    return testing::entry_of(fmt::format(
        R"({{"v":1,"id":"nb{}","type":"feed","at":"{}","method":"breast","left_s":600,"baby":"{}"}})", ++n, at, baby));
}

// Siblings, 2026-11-14 to 2026-11-20 (Berlin): Zoe, a newborn, at the breast 11 times a day; Max, 14 months
// old, once a night at 03:30, and once on 2026-11-10 too (before Zoe was born).
std::vector<Entry> siblings() {
    std::vector<Entry> out{nursed("Max", "2026-11-10T03:30:00+01:00")};
    for (int day = 14; day <= 20; ++day) {
        out.push_back(nursed("Max", fmt::format("2026-11-{}T03:30:00+01:00", day)));
        for (const int h : {0, 2, 5, 8, 10, 12, 14, 16, 18, 20, 22})
            out.push_back(nursed("Zoe", fmt::format("2026-11-{}T{:02d}:10:00+01:00", day, h)));
    }
    return out;
}

Settings siblings_settings(const std::string& birth) {
    Settings s;
    s.mode = PlanMode::exclusive;
    s.babies = {"Zoe", "Max"};
    apply_setting(s, "birth", birth);
    return s;
}

const PlanAdvice& intake_of(const std::vector<PlanAdvice>& advice) {
    const auto it = std::find_if(advice.begin(), advice.end(),
                                 [](const PlanAdvice& a) { return a.kind == AdviceKind::estimated_intake; });
    REQUIRE(it != advice.end());
    return *it;
}

std::string intake_sentence(const Plan& plan) {
    return render::advice_text(intake_of(plan.advice), Unit::ml, now.zone);
}

}  // namespace

TEST_CASE("siblings with a birth date each: each baby's estimate counts its own age and the advice gives each day") {
    const Settings s = siblings_settings("Zoe 2026-11-13, Max 2025-09-20");
    const PlanCadence c = plan_cadence(siblings(), s, now.zone, lookback_since(now.now, 7, now.zone), now.now,
                                       SlotAmounts::share_of_day);
    const PlanAdvice& a = intake_of(c.advice);
    REQUIRE(a.shares.size() == 2);
    // Zoe on day 7: 600 ml a day (IOM 1991, 1 week); Max on day 426: the 12-month norm held, 445 ml (IOM 1991).
    CHECK(a.shares[0].baby == "Zoe");
    CHECK(a.shares[0].age_days == 7);
    CHECK(a.shares[0].daily.ml() == 600);
    CHECK_FALSE(a.shares[0].extrapolated);
    CHECK(a.shares[1].baby == "Max");
    CHECK(a.shares[1].age_days == 426);
    CHECK(a.shares[1].daily.ml() == 445);
    CHECK(a.shares[1].extrapolated);
    CHECK(a.daily.ml() == 1045);
    const Plan plan = plan_pumps(siblings(), s, now, TimeSpan{now.now, now.now + std::chrono::hours(24)});
    CHECK(intake_sentence(plan) ==
          "The targets are estimates: the 84 feedings logged were at the breast, without amounts, so the plan counts "
          "about 1045 ml a day for the 2 babies, each at the norm for its own age: Zoe about 600 ml a day, what a "
          "baby drinks on day 8 (Institute of Medicine, Nutrition During Lactation, 1991) and Max about 445 ml a "
          "day, the norm at 12 months (Institute of Medicine, Nutrition During Lactation, 1991) held for an older "
          "child (day 427), a rough guess. Each baby's norm is shared over its own feeds: Zoe 11 feeds a day at 55 "
          "ml and Max 1 feed a day at 240 ml. A baby with fewer feeds a day logged than its age makes plausible "
          "looks incompletely logged: each of its feeds counts no more than one feed can be (Kent et al. 2006), so "
          "its targets add up to less than its norm. Counted from each baby's own birth date: Zoe at day 8 (born "
          "2026-11-13) and Max at day 427 (born 2025-09-20). Log some bottles with their amounts to plan from your "
          "own.");
}

TEST_CASE("siblings: one date is still every baby's and a baby a birth list leaves out counts from its own feeds") {
    const Seconds since = lookback_since(now.now, 7, now.zone);
    const PlanCadence one =
        plan_cadence(siblings(), siblings_settings("2026-11-13"), now.zone, since, now.now, SlotAmounts::share_of_day);
    const PlanAdvice& a = intake_of(one.advice);
    REQUIRE(a.shares.size() == 2);
    // Zoe on day 7; Max's first feed (2026-11-10) is before the one date: counted from it (the slip rule).
    CHECK(a.shares[0].age_days == 7);
    CHECK(a.shares[1].age_days == 10);
    CHECK(a.shares[1].birth_after_first_feed);
    CHECK_FALSE(a.shares[0].own_birth);
    // Only Zoe's date: Max has none, and counts from his own first feed read (2026-11-10: day 10).
    const PlanCadence zoe = plan_cadence(siblings(), siblings_settings("zoe 2026-11-13"), now.zone, since, now.now,
                                         SlotAmounts::share_of_day);
    const PlanAdvice& b = intake_of(zoe.advice);
    REQUIRE(b.shares.size() == 2);
    CHECK(b.shares[0].age_days == 7);
    CHECK_FALSE(b.shares[0].birth_assumed);
    CHECK(b.shares[1].age_days == 10);
    CHECK(b.shares[1].birth_assumed);
    CHECK(own_births_sentence(b.shares) ==
          " Counted from each baby's own birth date: Zoe at day 7 (born 2026-11-13). The birth date list names no "
          "date for Max, so the estimate takes Max to be at least 10 days old, born by Max's first feed read, on "
          "2026-11-10: add Max's date (pumplog config set birth 'Zoe 2026-11-13, Max YYYY-MM-DD') for a better "
          "estimate.");
}

TEST_CASE("siblings: the youngest baby's birth is the parent's and an older sibling's earlier feed is no slip") {
    const Settings s = siblings_settings("Zoe 2026-11-13, Max 2025-09-20");
    CHECK(s.birth == date::year_month_day(date::year(2026) / 11 / 13));
    // Max's feed on 2026-11-10 is before Zoe's birth: the day since birth is Zoe's, day 7 on 2026-11-20.
    CHECK(day_since_birth(siblings(), s, now.zone, date::sys_days(date::year(2026) / 11 / 20)) == 7);
    // One date for both: the first feed (Max's) is the latest it can be, as before.
    CHECK(day_since_birth(siblings(), siblings_settings("2026-11-13"), now.zone,
                          date::sys_days(date::year(2026) / 11 / 20)) == 10);
}

TEST_CASE("babies past 12 months: the joint advice gives no first-days caveat and 1 feed a day is singular") {
    std::vector<Entry> entries;
    for (int day = 14; day <= 20; ++day)
        for (const int h : {2, 6, 10, 14, 18, 22}) {
            entries.push_back(nursed("Ada", fmt::format("2026-11-{}T{:02d}:10:00+01:00", day, h)));
            entries.push_back(nursed("Ben", fmt::format("2026-11-{}T{:02d}:40:00+01:00", day, h)));
        }
    Settings s = siblings_settings("2025-09-20");
    s.babies = {"Ada", "Ben"};
    const Plan plan = plan_pumps(entries, s, now, TimeSpan{now.now, now.now + std::chrono::hours(24)});
    const std::string text = intake_sentence(plan);
    INFO(text);
    CHECK(text.find("day 427") != std::string::npos);
    CHECK(text.find("In the first days") == std::string::npos);
    // A baby fed once a day beside one fed often: "Max 1 feed a day". With one date, Max counted from his first
    // feed (2026-11-10, before it): each baby's own day is given, not "each is counted at day 8".
    const Plan one_feed = plan_pumps(siblings(), siblings_settings("2026-11-13"), now,
                                     TimeSpan{now.now, now.now + std::chrono::hours(24)});
    INFO(intake_sentence(one_feed));
    CHECK(intake_sentence(one_feed).find("Zoe 11 feeds a day at 55 ml and Max 1 feed a day at 102 ml.") !=
          std::string::npos);
    CHECK(intake_sentence(one_feed).find("each is counted at day") == std::string::npos);
    CHECK(intake_sentence(one_feed).find(" Counted from the birth date set: Zoe at day 8 (born 2026-11-13). Max's "
                                         "birth date set, 2026-11-13, is after Max's first feed") != std::string::npos);
}

}  // namespace PUMPLOG_UNITY_ID
