// Settings: every key's accepted and refused values, and the config file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/settings.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::refusal;

namespace {

struct Case {
    const char* value;
    const char* normalized;
};

void check_accepts(const char* key, const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        INFO(key << " = \"" << c.value << "\"");
        CHECK(normalize_setting(key, c.value) == c.normalized);
    }
}

// Each refused value gets a usage error naming the key, the value and what is accepted.
void check_refuses(const char* key, const std::vector<const char*>& values) {
    std::string accepted;
    for (const auto& k : setting_keys())
        if (k.name == key) accepted = k.accepted;
    REQUIRE_FALSE(accepted.empty());
    for (const char* value : values) {
        INFO(key << " = \"" << value << "\"");
        const std::string message = refusal([&] { normalize_setting(key, value); });
        CHECK_THAT(message, Contains(key));
        CHECK_THAT(message, Contains(accepted));
        CHECK_THAT(message, Contains("\"" + std::string(value) + "\""));
    }
}

}  // namespace

TEST_CASE("the settings are the documented keys, each with a default and what it accepts") {
    std::vector<std::string> names;
    for (const auto& k : setting_keys()) {
        names.push_back(std::string(k.name));
        CHECK_FALSE(k.accepted.empty());
        CHECK_FALSE(k.summary.empty());
    }
    for (const char* key : {"unit", "timezone", "guideline", "away", "mode", "lookback", "min_gap", "max_gap_day",
                            "max_gap_night", "sessions", "birth", "sleep", "stash_days"}) {
        INFO(key);
        CHECK(std::find(names.begin(), names.end(), key) != names.end());
    }
}

TEST_CASE("every default is an accepted value") {
    for (const auto& k : setting_keys()) {
        INFO(k.name);
        if (!k.default_text.empty()) CHECK(normalize_setting(k.name, k.default_text) == k.default_text);
    }
}

TEST_CASE("an unknown key is refused with the list of keys") {
    const std::string message = refusal([] { normalize_setting("colour", "red"); });
    CHECK_THAT(message, Contains("\"colour\" is not a setting"));
    CHECK_THAT(message, Contains("unit, timezone, guideline, away"));
}

TEST_CASE("unit: ml or oz") {
    check_accepts("unit", {{"ml", "ml"}, {"oz", "oz"}, {"OZ", "oz"}, {" ml ", "ml"}});
    check_refuses("unit", {"kg", "", "floz", "millilitres"});
}

TEST_CASE("timezone: an IANA name, or none (or empty) for TZ and the system zone") {
    check_accepts("timezone", {{"Europe/Berlin", "Europe/Berlin"},
                               {"America/New_York", "America/New_York"},
                               {"", "none"},
                               {"none", "none"},
                               {"None", "none"}});
    CHECK(configured_zone(" none ").empty());
    CHECK(configured_zone("Europe/Berlin") == "Europe/Berlin");
    check_refuses("timezone", {"Mars/Base", "berlin", "EST5EDT,M3.2.0,M11.1.0"});
}

TEST_CASE("guideline: cdc, abm or nicu") {
    check_accepts("guideline", {{"cdc", "cdc"}, {"CDC", "cdc"}, {"abm", "abm"}, {" NICU ", "nicu"}});
    check_refuses("guideline", {"who", ""});
}

TEST_CASE("away: weekly windows or none") {
    check_accepts("away", {{"mon-fri 08:00-17:30", "mon-fri 08:00-17:30"},
                           {"Mon-Fri 8:00-17:30", "mon-fri 08:00-17:30"},
                           {"mon-fri 08:00-17:30; sat 09:00-13:00", "mon-fri 08:00-17:30; sat 09:00-13:00"},
                           {"daily 08:00-17:00", "daily 08:00-17:00"},
                           {"08:00-17:00", "daily 08:00-17:00"},
                           {"mon,wed,fri 08:00-12:00", "mon,wed,fri 08:00-12:00"},
                           {"monday,wednesday 08:00-12:00", "mon,wed 08:00-12:00"},
                           {"weekdays 08:00-17:00", "mon-fri 08:00-17:00"},
                           {"weekends 10:00-14:00", "sat-sun 10:00-14:00"},
                           {"fri-mon 22:00-06:00", "mon,fri-sun 22:00-06:00"},
                           {"none", "none"},
                           {"", "none"}});
    check_refuses("away", {"mon-fri", "mondaytuesday 08:00-17:00", "moon 08:00-17:00", "mon-fri 25:00-17:00",
                           "mon-fri 08:00", "mon-fri 08:00-17:60", "sometimes"});
}

TEST_CASE("mode: away, exclusive or supply") {
    check_accepts("mode", {{"away", "away"}, {"exclusive", "exclusive"}, {"Supply", "supply"}});
    check_refuses("mode", {"bogus", ""});
}

TEST_CASE("lookback: whole days from 3 to 60") {
    check_accepts("lookback", {{"3", "3"}, {"14", "14"}, {"60", "60"}});
    check_refuses("lookback", {"2", "61", "14x", "1.5", "", "-7"});
}

TEST_CASE("min_gap: a duration from 30m to 6h") {
    check_accepts("min_gap", {{"30m", "30m"}, {"90m", "1h30m"}, {"2h", "2h"}, {"6h", "6h"}, {"1h30m", "1h30m"}});
    check_refuses("min_gap", {"10m", "29m", "7h", "banana", ""});
}

TEST_CASE("max_gap_day and max_gap_night: a duration from 1h to 12h") {
    check_accepts("max_gap_day", {{"1h", "1h"}, {"4h", "4h"}, {"12h", "12h"}});
    check_accepts("max_gap_night", {{"5h", "5h"}, {"300m", "5h"}});
    check_refuses("max_gap_day", {"59m", "13h", "x"});
    check_refuses("max_gap_night", {"30m", "1d"});
}

TEST_CASE("sessions: 5 to 12") {
    check_accepts("sessions", {{"5", "5"}, {"8", "8"}, {"12", "12"}});
    check_refuses("sessions", {"4", "13", "eight", ""});
}

TEST_CASE("birth: a date, or none") {
    check_accepts("birth", {{"2026-11-02", "2026-11-02"}, {"none", "none"}});
    check_refuses("birth", {"2026-02-30", "02.11.2026", "2026-11-02T10:00", "yesterday"});
}

TEST_CASE("birth: each baby's date as a name and a date separated by commas and the latest the parent's") {
    check_accepts("birth", {{"Zoe 2026-11-10, Max 2025-09-20", "Zoe 2026-11-10, Max 2025-09-20"},
                            {"  zoe   2026-11-10 ,Max 2025-09-20 ", "zoe 2026-11-10, Max 2025-09-20"},
                            {"Mary Ann 2026-11-10", "Mary Ann 2026-11-10"}});
    Settings s;
    s.babies = {"Zoe", "Max"};
    apply_setting(s, "birth", "Max 2025-09-20, Zoe 2026-11-10");
    CHECK(s.birth == date::year_month_day(date::year(2026) / 11 / 10));  // the youngest's
    REQUIRE(s.births.size() == 2);
    CHECK(birth_of(s, "max") == date::year_month_day(date::year(2025) / 9 / 20));
    CHECK(birth_of(s, " ZOE ") == date::year_month_day(date::year(2026) / 11 / 10));
    CHECK_FALSE(birth_of(s, "Ben"));
    CHECK_FALSE(birth_of(s, ""));  // feeds without a name beside two babies: no one baby's date
    // One date stays every baby's.
    apply_setting(s, "birth", "2026-11-10");
    CHECK(s.births.empty());
    CHECK(birth_of(s, "Max") == date::year_month_day(date::year(2026) / 11 / 10));
    CHECK(refusal([] { normalize_setting("birth", "2026-11-10, Max 2025-09-20"); }) ==
          "birth: \"2026-11-10\" names no baby; give one date for every baby (2026-11-02), or each baby's name and "
          "date separated by commas (\"Zoe 2026-11-10, Max 2025-09-20\")");
    CHECK_THAT(refusal([] { normalize_setting("birth", "Zoe 2026-11-10, zoe 2025-09-20"); }),
               Contains("birth: zoe is given twice"));
    CHECK_THAT(refusal([] { normalize_setting("birth", "Zoe 10.11.2026"); }),
               Contains("birth: \"Zoe 10.11.2026\" is not a name and a date such as Zoe 2026-11-10"));
    CHECK_THAT(refusal([] { normalize_setting("birth", "Zoe 2026-11-10,"); }), Contains("birth: an empty entry"));
}

TEST_CASE("birth per baby: names as babies spells them in its order and a name not in babies is refused") {
    const std::vector<BabyBirth> given = {{"max", date::year(2025) / 9 / 20}, {"ZOE", date::year(2026) / 11 / 10}};
    CHECK(format_births(births_of_babies(given, {"Zoe", "Max"})) == "Zoe 2026-11-10, Max 2025-09-20");
    CHECK(refusal([&] { births_of_babies(given, {"Zoe", "Ben"}); }) ==
          "\"max\" is not one of the babies; they are Zoe and Ben (config babies)");
    CHECK(refusal([&] { births_of_babies(given, {}); }) ==
          "\"max\" is not one of the babies: none are named; name them first (pumplog config set babies 'max, "
          "...'), or give one date for every baby");
    // Each date is checked as one date is, naming its baby.
    Settings s;
    apply_setting(s, "birth", "Zoe 2027-01-02, Max 2025-09-20");
    CHECK(refusal([&] { check_births(s, date::sys_days(date::year(2026) / 11 / 21)); }) ==
          "Zoe: birth 2027-01-02 is after today (2026-11-21); set the day the baby was born");
}

TEST_CASE("sleep: a daily window, or none") {
    check_accepts("sleep", {{"23:30-05:30", "23:30-05:30"}, {"22:00-6:00", "22:00-06:00"}, {"none", "none"}});
    check_refuses("sleep", {"23:30", "23:30-", "25:00-05:00", "late"});
}

TEST_CASE("stash_days: whole days from 1 to 30") {
    check_accepts("stash_days", {{"1", "1"}, {"30", "30"}});
    check_refuses("stash_days", {"0", "31", "three"});
}

TEST_CASE("applying values sets the typed settings") {
    Settings s;
    apply_setting(s, "unit", "oz");
    apply_setting(s, "away", "mon-fri 08:00-17:30");
    apply_setting(s, "mode", "supply");
    apply_setting(s, "lookback", "14");
    apply_setting(s, "min_gap", "90m");
    apply_setting(s, "sleep", "23:30-05:30");
    apply_setting(s, "birth", "2026-11-02");
    CHECK(s.unit == Unit::oz);
    REQUIRE(s.away.size() == 1);
    CHECK(s.away[0].weekdays == 0x1F);
    CHECK(s.away[0].hours == DailyWindow{8 * 60, 17 * 60 + 30});
    CHECK(s.mode == PlanMode::supply);
    CHECK(s.lookback_days == 14);
    CHECK(s.min_gap == std::chrono::minutes(90));
    CHECK(s.sleep == DailyWindow{23 * 60 + 30, 5 * 60 + 30});
    CHECK(s.birth == date::year_month_day(date::year(2026) / 11 / 2));
}

TEST_CASE("a daily window may wrap past midnight") {
    const DailyWindow night = parse_daily_window("23:30-05:30");
    CHECK(night.contains(23 * 60 + 30));
    CHECK(night.contains(2 * 60));
    CHECK_FALSE(night.contains(5 * 60 + 30));
    CHECK_FALSE(night.contains(12 * 60));
    const DailyWindow work = parse_daily_window("08:00-17:00");
    CHECK(work.contains(8 * 60));
    CHECK_FALSE(work.contains(17 * 60));
    CHECK(parse_daily_window("00:00-24:00").contains(23 * 60 + 59));
}

TEST_CASE("settings come from the stored values over the defaults") {
    const Settings defaults = settings_from(nlohmann::json::object());
    CHECK(defaults.unit == Unit::ml);
    CHECK(defaults.lookback_days == 7);
    CHECK(defaults.away.empty());
    const Settings s = settings_from(nlohmann::json{{"unit", "oz"}, {"lookback", "10"}});
    CHECK(s.unit == Unit::oz);
    CHECK(s.lookback_days == 10);
}

TEST_CASE("a number written by hand in the config file is taken as its text") {
    const Settings s = settings_from(nlohmann::json{{"lookback", 14}, {"sessions", 9}});
    CHECK(s.lookback_days == 14);
    CHECK(s.sessions == 9);
}

TEST_CASE("a bad value in the config file is a usage error naming the file's key") {
    CHECK_THAT(refusal([] { settings_from(nlohmann::json{{"lookback", "2"}}); }), Contains("config file"));
    CHECK_THAT(refusal([] { settings_from(nlohmann::json{{"unit", nlohmann::json::array()}}); }), Contains("unit"));
}

TEST_CASE("a stored value is judged in the words the commands that use its key refuse it with") {
    CHECK(stored_value_problem("lookback", "999") == "lookback takes days, 3 to 60, not \"999\"");
    CHECK(stored_value_problem("unit", "kg") == "unit takes ml or oz, not \"kg\"");
    CHECK(stored_value_problem("mode", nlohmann::json::array({"x"})) == "mode takes a string, not [\"x\"]");
    CHECK(stored_value_problem("timezone", "Mars/Olympus").starts_with("timezone takes an IANA zone"));
    CHECK(stored_value_problem("lookback", 14).empty());
    CHECK(stored_value_problem("min_gap", "120m").empty());
    CHECK(stored_value_problem("timezone", "none").empty());
    CHECK(bad_stored_value("/c.json", "unit", "unit takes ml or oz, not \"kg\"") ==
          "config file /c.json: unit takes ml or oz, not \"kg\"; fix it, or run pumplog config unset unit");
    // The command suggested is pasted as it is shown: a key that is no bare word is shell-quoted in it.
    CHECK(bad_stored_value("/c.json", "min gap", "p") == "config file /c.json: p; fix it, or run pumplog config unset "
                                                         "'min gap'");
    CHECK(bad_stored_value("", "$(rm x)'s", "p") == "config file: p; fix it, or run pumplog config unset "
                                                    "'$(rm x)'\\''s'");
    // settings_from refuses it in the same words
    CHECK(refusal([] { settings_from(nlohmann::json{{"lookback", "999"}}, "/c.json"); }) ==
          bad_stored_value("/c.json", "lookback", stored_value_problem("lookback", "999")));
}

TEST_CASE("a key the config file holds from a newer version is ignored") {
    const Settings s = settings_from(nlohmann::json{{"future_key", "x"}, {"unit", "oz"}});
    CHECK(s.unit == Unit::oz);
}

TEST_CASE("the config file is written and read back") {
    testing::TempDir dir;
    const auto path = dir / "config" / "pumplog" / "config.json";
    CHECK(read_config(path).empty());
    write_config(path, nlohmann::json{{"unit", "oz"}});
    CHECK(read_config(path) == nlohmann::json{{"unit", "oz"}});
    testing::write_file(path, "{not json");
    CHECK_THAT(refusal([&] { read_config(path); }), Contains("is not valid JSON"));
    testing::write_file(path, "[1]");
    CHECK_THAT(refusal([&] { read_config(path); }), Contains("is not a JSON object"));
}

TEST_CASE("away windows take am/pm and are overnight only when written so") {
    CHECK(parse_daily_window("8am-5:30pm", true) == DailyWindow{8 * 60, 17 * 60 + 30});
    CHECK(parse_daily_window("9:00-noon", true) == DailyWindow{9 * 60, 12 * 60});
    CHECK(parse_daily_window("22:00-06:00", true) == DailyWindow{22 * 60, 6 * 60});
    CHECK(parse_daily_window("10pm-6am", true) == DailyWindow{22 * 60, 6 * 60});
    CHECK(parse_daily_window("23:30-5:30") == DailyWindow{23 * 60 + 30, 5 * 60 + 30});  // a sleep window
    CHECK_THAT(refusal([] { parse_daily_window("8-5:30", true); }),
               Contains("for the day write 08:00-17:30, for overnight write 08:00-05:30"));
    CHECK_THAT(refusal([] { parse_away("weekdays 8-5:30"); }), Contains("ends before it starts"));
    CHECK_THAT(refusal([] { normalize_setting("away", "weekdays 8-5:30"); }), Contains("ends before it starts"));
}
TEST_CASE("a window may begin at midnight and one that ends when it starts is refused") {
    CHECK(parse_daily_window("midnight-noon", true) == DailyWindow{0, 12 * 60});
    CHECK(parse_daily_window("noon-midnight", true) == DailyWindow{12 * 60, 0});
    CHECK(parse_daily_window("midnight-midnight", true).contains(12 * 60));
    CHECK(parse_daily_window("00:00-00:00").contains(12 * 60));  // the whole day as older config files keep it
    // The whole day is stored and shown as it is written, never as 00:00-00:00 (refused for any other time).
    CHECK(normalize_setting("sleep", "00:00-24:00") == "00:00-24:00");
    CHECK(normalize_setting("sleep", "midnight-midnight") == "00:00-24:00");
    CHECK(normalize_setting("away", "daily 00:00-00:00") == "daily 00:00-24:00");
    CHECK(format_daily_window(DailyWindow{12 * 60, 0}) == "12:00-00:00");
    CHECK(normalize_setting("away", "mon-fri midnight-noon") == "mon-fri 00:00-12:00");
    CHECK(refusal([] { parse_away("daily 8:00-8:00"); }) ==
          "the time window \"8:00-8:00\" ends when it starts; for the whole day write 00:00-24:00");
    CHECK_THAT(refusal([] { normalize_setting("away", "noon-noon"); }), Contains("ends when it starts"));
    CHECK_THAT(refusal([] { normalize_setting("sleep", "23:00-23:00"); }), Contains("ends when it starts"));
    CHECK_THAT(refusal([] { parse_daily_window("24:00-08:00", true); }), Contains("is not a time window"));
}

TEST_CASE("completion values: every one is a setting's accepted value, as it is") {
    std::size_t offered = 0;
    for (const auto& k : setting_keys())
        for (const auto& value : setting_values(k.name)) {
            INFO(k.name << " " << value);
            CHECK(normalize_setting(k.name, value) == value);
            ++offered;
        }
    CHECK(offered == 56);
}

TEST_CASE("completion values: the enumerated settings offer every value they take") {
    CHECK(setting_values("unit") == std::vector<std::string>{"ml", "oz"});
    std::vector<std::string> names;
    for (const Guideline* g : guidelines()) names.emplace_back(g->name);
    CHECK(setting_values("guideline") == names);
    CHECK(names == std::vector<std::string>{"cdc", "abm", "nicu"});
    CHECK(setting_values("mode") == std::vector<std::string>{"away", "exclusive", "supply"});
    CHECK(setting_values("sessions") == std::vector<std::string>{"5", "6", "7", "8", "9", "10", "11", "12"});
    CHECK(setting_values("round") ==
          std::vector<std::string>{"1m", "2m", "3m", "4m", "5m", "6m", "10m", "12m", "15m", "20m", "30m"});
    // one past each end is refused
    CHECK_THROWS(normalize_setting("sessions", "4"));
    CHECK_THROWS(normalize_setting("sessions", "13"));
    CHECK_THROWS(normalize_setting("round", "7m"));
    // free text that can be cleared offers "none"; the zone nothing
    CHECK(setting_values("away") == std::vector<std::string>{"none"});
    CHECK(setting_values("babies") == std::vector<std::string>{"none"});
    CHECK(setting_values("timezone").empty());
    CHECK_THROWS(setting_values("colour"));
}

TEST_CASE("schedule: 24-hour times, am/pm, noon and midnight, sorted, and a bare hour refused") {
    CHECK(parse_schedule("10:00 13:00 15:30") == std::vector<int>{600, 780, 930});
    CHECK(parse_schedule("9am, noon 3:30pm midnight") == std::vector<int>{0, 540, 720, 930});
    CHECK(parse_schedule("12am 12pm 12:30PM") == std::vector<int>{0, 720, 750});
    CHECK(parse_schedule("none").empty());
    CHECK(parse_schedule("13:00 10:00 13:00") == std::vector<int>{600, 780});
    CHECK_THROWS_WITH(parse_schedule("10:00 9"), "\"9\" in the schedule is a bare hour: 9:00 or 21:00? Write 09:00 "
                                                 "or 21:00 (or 9am, 9pm)");
    CHECK_THROWS_WITH(parse_schedule("12"),
                      "\"12\" in the schedule is a bare hour: noon or midnight? Write 12:00 or 00:00 (or noon, midnight)");
    CHECK_THROWS_WITH(parse_schedule("15"), "\"15\" in the schedule is a bare hour: write 15:00");
    CHECK_THROWS_WITH(parse_schedule("25"), Contains("\"25\" is not a time in a schedule"));
    CHECK_THROWS_WITH(parse_schedule("13pm"), Contains("\"13pm\" is not a time"));
    CHECK_THROWS_WITH(parse_schedule("24:00"), Contains("\"24:00\" is not a time"));
}
}  // namespace PUMPLOG_UNITY_ID
