#include <unordered_map>

#include <catch2/catch.hpp>

#include "core/import_common.hpp"
#include "core/sha256.hpp"
#include "pumplog/error.hpp"
#include "pumplog/import.hpp"
#include "pumplog/journal.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using namespace pumplog::import_detail;

namespace {

ImportOptions options(std::string_view zone = "Europe/Berlin") {
    ImportOptions o;
    o.zone = locate_zone(zone);
    o.now = parse_rfc3339("2026-11-21T14:05:00+01:00")->instant;
    return o;
}

ImportResult run(const std::string& name, const std::string& content, const ImportOptions& o = options()) {
    return read_import({SourceFile{name, content}}, o);
}

nlohmann::json line(const ImportResult& result, std::size_t i) { return nlohmann::json::parse(result.entries.at(i).text); }

std::string error_of(const std::string& name, const std::string& content, const ImportOptions& o = options()) {
    try {
        run(name, content, o);
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        return e.what();
    }
    return "(no error)";
}

const std::string huckleberry_header = "Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes\n";
const std::string connect_header =
    "Date and Time,End Time,Duration (min),Activity,Quantity,Extra data,Text,Notes,Caregiver\n";

}  // namespace

TEST_CASE("sha256 gives the FIPS 180-4 digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("phone dates split into their fields, 12- and 24-hour") {
    auto w = split_time("2/20/17, 9:23 AM");
    REQUIRE(w);
    CHECK((w->first == 2 && w->second == 20 && w->year == 2017 && w->hour == 9 && w->minute == 23));
    w = split_time("6/9/22 4:16 PM");
    REQUIRE(w);
    CHECK((w->first == 6 && w->second == 9 && w->hour == 16));
    w = split_time("7/1/25, 15:55");
    REQUIRE(w);
    CHECK((w->year == 2025 && w->hour == 15 && w->minute == 55));
    w = split_time("12/20/19 12:05 AM");
    REQUIRE(w);
    CHECK(w->hour == 0);
    w = split_time("1/2/20 12:30 pm");
    REQUIRE(w);
    CHECK(w->hour == 12);
    w = split_time("20.02.17 09:23");
    REQUIRE(w);
    CHECK((w->first == 20 && w->second == 2 && w->year == 2017));
    w = split_time("3/4/21 9:05\xE2\x80\xAFp.m.");  // iOS: a narrow no-break space before the meridiem
    REQUIRE(w);
    CHECK(w->hour == 21);
}

TEST_CASE("ISO times split with seconds, fractions and offsets") {
    auto w = split_time("2024-01-05 14:30:15");
    REQUIRE(w);
    CHECK((w->year_first && w->year == 2024 && w->first == 1 && w->second == 5 && w->second_of_minute == 15));
    CHECK_FALSE(w->offset);
    w = split_time("2024-01-05T14:30:15.123+05:30");
    REQUIRE(w);
    REQUIRE(w->offset);
    CHECK(w->offset->count() == 5 * 3600 + 30 * 60);
    w = split_time("2024-01-05");
    REQUIRE(w);
    CHECK_FALSE(w->has_clock);
}

TEST_CASE("text that is not a date and time does not split") {
    for (const char* text : {"", "yesterday", "2/20", "13:00", "2/20/17 9:3", "2/20/17 13:00 PM", "2/20/2017x 9:00",
                             "2/20-17 9:00", "123/4/21 9:00", "2/20/17 9:00 AM extra"})
        CHECK_FALSE(split_time(text));
}

TEST_CASE("the date order decides which field is the month") {
    const auto w = split_time("3/4/21 9:00");
    REQUIRE(w);
    CHECK(date::format("%F %R", *resolve_time(*w, DateOrder::mdy)) == "2021-03-04 09:00");
    CHECK(date::format("%F %R", *resolve_time(*w, DateOrder::dmy)) == "2021-04-03 09:00");
    CHECK_FALSE(resolve_time(*split_time("2/30/21 9:00"), DateOrder::mdy));
    CHECK_FALSE(resolve_time(*split_time("25/12/20 9:00"), DateOrder::mdy));
}

TEST_CASE("a file with a first field over 12 is read day first") {
    const auto r = run("expressed.csv", "Baby,Time,Amount,Note\nAda,\"25/12/20, 09:00\",60 ml,\nAda,\"3/4/21, 10:00\",50 ml,\n");
    CHECK(line(r, 1)["at"] == "2021-04-03T10:00:00+02:00");
}

TEST_CASE("a file with a second field over 12 is read month first") {
    const auto r = run("expressed.csv", "Baby,Time,Amount,Note\nAda,\"12/25/20, 09:00\",60 ml,\nAda,\"3/4/21, 10:00\",50 ml,\n");
    CHECK(line(r, 1)["at"] == "2021-03-04T10:00:00+01:00");
}

TEST_CASE("an ambiguous date that nothing settles is refused naming its line") {
    const std::string csv = "Baby,Time,Amount,Note\nAda,\"1/1/21, 09:00\",60 ml,\nAda,\"3/4/21, 10:00\",50 ml,\n";
    CHECK(error_of("expressed.csv", csv) ==
          "expressed.csv:3: \"3/4/21, 10:00\" could be 4 March 2021 or 3 April 2021, and no date in the file "
          "settles the order; give --date-order mdy or --date-order dmy");
    ImportOptions o = options();
    o.date_order = DateOrder::dmy;
    CHECK(line(run("expressed.csv", csv, o), 1)["at"] == "2021-04-03T10:00:00+02:00");
}

TEST_CASE("a date order against the file is refused") {
    ImportOptions o = options();
    o.date_order = DateOrder::mdy;
    CHECK(error_of("expressed.csv", "Baby,Time,Amount,Note\nAda,\"25/12/20, 09:00\",60 ml,\n", o) ==
          "--date-order mdy does not fit expressed.csv:2: \"25/12/20, 09:00\" has the day first (leave "
          "--date-order out, or give dmy)");
}

TEST_CASE("a file with dates in both orders is refused") {
    CHECK(error_of("expressed.csv",
                   "Baby,Time,Amount,Note\nAda,\"12/25/20, 09:00\",60 ml,\nAda,\"25/12/20, 09:00\",60 ml,\n") ==
          "expressed.csv:2: \"12/25/20, 09:00\" has the month first but line 3 (\"25/12/20, 09:00\") the day; the "
          "dates are not written in one order");
}

TEST_CASE("a date that cannot be read is refused naming its line") {
    CHECK(error_of("h.csv", huckleberry_header + "Feed,2024-01-05 14:30,,,Formula,Bottle,120ml,\n"
                                                 "Feed,2024-13-05 14:30,,,Formula,Bottle,120ml,\n") ==
          "h.csv:3: \"2024-13-05 14:30\" is not a date and time; expected YYYY-MM-DD HH:MM");
}

TEST_CASE("a time in a spring-forward gap moves forward by the gap") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2026-03-29 02:30,,,Formula,Bottle,120ml,\n");
    CHECK(line(r, 0)["at"] == "2026-03-29T03:30:00+02:00");
}

TEST_CASE("a repeated time in a fall-back overlap takes its first occurrence") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2026-10-25 02:30,,,Formula,Bottle,120ml,\n");
    CHECK(line(r, 0)["at"] == "2026-10-25T02:30:00+02:00");
}

TEST_CASE("local times are read in the zone given") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2024-07-01 09:00,,,Formula,Bottle,4oz,\n",
                       options("America/New_York"));
    CHECK(line(r, 0)["at"] == "2024-07-01T09:00:00-04:00");
    CHECK(line(r, 0)["ml"] == 118.29);
}

TEST_CASE("a unit in the header applies to bare numbers") {
    const auto r = run("pump.csv",
                       "Time,Start Side,Left duration (min),Right duration (min),Total Duration (min),Left amount "
                       "(oz.),Right amount (oz.),Total amount (oz.),Note\n\"7/13/25, 15:55\",Left,10,12,22,1,2,3,\n");
    const auto j = line(r, 0);
    CHECK(j["left_ml"] == 29.57);
    CHECK(j["right_ml"] == 59.15);
    CHECK(j["ml"] == 88.72);
    CHECK(j["dur_s"] == 1320);
}

TEST_CASE("Baby Buddy amounts need --unit, and the refusal names the line") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags\n"
                            "7,1,Ada,Lovelace,2024-01-05 06:00:00,2024-01-05 06:20:00,4,,\n";
    CHECK(error_of("pumping.csv", csv) ==
          "pumping.csv:2: the amount \"4\" has no unit; give --unit ml or --unit oz (the unit the app was set to)");
    ImportOptions o = options();
    o.unit = Unit::oz;
    const auto r = run("pumping.csv", csv, o);
    CHECK(r.files.at(0).kind == "pumping");
    CHECK(line(r, 0) == nlohmann::json::parse(R"({"v":1,"id":")" + r.entries[0].id +
                                              R"(","type":"pump","at":"2024-01-05T06:00:00+01:00","ml":118.29,"dur_s":1200})"));
}

TEST_CASE("each format is recognised from its header, Baby Tracker's kinds from the file name") {
    const auto kind = [](const std::string& name, const std::string& csv) {
        const auto r = run(name, csv);
        return std::string(import_format_name(r.files.at(0).format)) + "/" + r.files.at(0).kind;
    };
    CHECK(kind("x.csv", "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n") ==
          "babybuddy/feeding");
    CHECK(kind("x.csv", "child_id,time,amount,notes\n") == "babybuddy/pumping");
    CHECK(kind("x.csv", huckleberry_header) == "huckleberry/log");
    CHECK(kind("x.csv", connect_header) == "babyconnect/log");
    CHECK(kind("pump.csv", "Time,Amount,Note\n") == "babytracker/pump");
    CHECK(kind("export.csv", "Time,Amount,Note\n") == "babytracker/pump");
    CHECK(kind("nursing.csv", "Baby,Time,Start Side,Left duration (min),Right duration (min),Total Duration (min),Note\n") ==
          "babytracker/nursing");
    CHECK(kind("Ada_pumped.csv", "Baby,Time,Amount,Note\n") == "babytracker/expressed");
    CHECK(kind("expressed (1).csv", "Baby,Time,Amount (oz.),Note\n") == "babytracker/expressed");
    CHECK(kind("dir/Ada_formula.csv", "Baby,Time,Amount,Note\n") == "babytracker/formula");
}

TEST_CASE("Baby Buddy's exports of other activities are refused: a diaper change's amount is not a pump") {
    const std::string child = "id,child_id,child_first_name,child_last_name,";
    const std::vector<std::pair<std::string, std::string>> exports = {
        {"diaperchange.csv", child + "time,wet,solid,color,amount,notes,tags\n1,1,Ada,Smith,2026-11-02 13:00:00,"
                                     "True,False,,2,,\n"},
        {"temperature.csv", child + "time,temperature,notes,tags\n1,1,Ada,Smith,2026-11-02 13:00:00,37.2,,\n"},
        {"weight.csv", child + "weight,date,notes,tags\n1,1,Ada,Smith,4.2,2026-11-02,,\n"},
        {"height.csv", child + "height,date,notes,tags\n1,1,Ada,Smith,52,2026-11-02,,\n"},
        {"headcircumference.csv", child + "head_circumference,date,notes,tags\n1,1,Ada,Smith,35,2026-11-02,,\n"},
        {"bmi.csv", child + "bmi,date,notes,tags\n1,1,Ada,Smith,15,2026-11-02,,\n"},
        {"sleep.csv", child + "start,end,duration,nap,notes,tags\n1,1,Ada,Smith,2026-11-02 13:00:00,"
                              "2026-11-02 14:00:00,01:00:00,True,,\n"},
        {"tummytime.csv", child + "start,end,duration,milestone,tags\n1,1,Ada,Smith,2026-11-02 13:00:00,"
                                  "2026-11-02 13:10:00,00:10:00,,\n"},
    };
    ImportOptions o = options();
    o.unit = Unit::ml;
    for (const auto& [name, csv] : exports) {
        INFO(name);
        CHECK(error_of(name, csv, o).starts_with(name + " is not an export pumplog can read"));
        ImportOptions from = o;
        from.from = ImportFormat::babybuddy;
        CHECK(error_of(name, csv, from).starts_with(name + " is not a Baby Buddy export"));
    }
}

TEST_CASE("a file no importer recognises is refused naming the formats") {
    CHECK(error_of("x.csv", "date,what\n") ==
          "x.csv is not an export pumplog can read (its header is \"date,what\"); it takes Baby Buddy feeding and "
          "pumping CSV, Huckleberry CSV, Baby Tracker pump.csv, nursing.csv, expressed.csv and formula.csv, and Baby "
          "Connect CSV (--from babybuddy, huckleberry, babytracker, babyconnect)");
    CHECK(error_of("x.csv", "") == "x.csv is empty: there is nothing to import");
}

TEST_CASE("a Baby Tracker file of an unknown name is refused with the names of the files pumplog reads") {
    const std::string tail =
        " looks like a Baby Tracker export, but its name does not say what it holds: pumplog reads the app's "
        "pump.csv (pumping), nursing.csv (breast feeds), expressed.csv or <Baby>_pumped.csv (bottles of "
        "expressed milk) and formula.csv or <Baby>_formula.csv (bottles of formula), named as the app names "
        "them; its other exports (medicine, ...) are not pumplog's";
    CHECK(error_of("bottles.csv", "Baby,Time,Amount,Note\n") == "bottles.csv" + tail);
    // The name as given, not lower-cased; a medicine export is not advised to become a milk file.
    CHECK(error_of("Exports/Ada_medicine.csv", "Baby,Time,Amount (ml.),Note\nAda,\"7/1/25, 15:55\",5,\n") ==
          "Exports/Ada_medicine.csv" + tail);
    ImportOptions o = options();
    o.from = ImportFormat::babytracker;
    CHECK(error_of("Ada_Medicine.csv", "Baby,Time,Amount (ml.),Note\n", o) == "Ada_Medicine.csv" + tail);
}

TEST_CASE("a --from format the header does not fit is refused") {
    ImportOptions o = options();
    o.from = ImportFormat::huckleberry;
    CHECK(error_of("x.csv", connect_header, o) ==
          "x.csv is not a Huckleberry export: its header is \"Date and Time,End Time,Duration (min),Activity,"
          "Quantity,Extra data,Text,Notes,Caregiver\"; expected Type,Start,End,Duration,Start Condition,Start "
          "Location,End Condition,Notes");
}

TEST_CASE("format names and date orders are parsed leniently and refused clearly") {
    CHECK(parse_import_format("Baby-Buddy") == ImportFormat::babybuddy);
    CHECK(parse_import_format("baby connect") == ImportFormat::babyconnect);
    CHECK_THROWS_WITH(parse_import_format("glow"),
                      "\"glow\" is not an import format; use babybuddy, huckleberry, babytracker, babyconnect");
    CHECK(parse_date_order("DMY") == DateOrder::dmy);
    CHECK_THROWS_WITH(parse_date_order("ymd"),
                      "\"ymd\" is not a date order; use mdy (3/4/21 is 4 March) or dmy (3 April)");
}

TEST_CASE("ids come from the rows: the same file reads to the same ids, identical rows to distinct ones") {
    const std::string csv = connect_header + "1/20/20 9:00 AM,,,Bottle,4,Milk,Eva drank 4 oz of milk,,U\n"
                                             "1/20/20 9:00 AM,,,Bottle,4,Milk,Eva drank 4 oz of milk,,U\n"
                                             "1/20/20 9:00 AM,,,Bottle,4,Milk,Eva drank 4 oz of milk,a note,A\n";
    const auto a = run("c.csv", csv);
    const auto b = run("other-name.csv", csv);
    REQUIRE(a.entries.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(a.entries[i].id == b.entries[i].id);
        CHECK(a.entries[i].id.size() == 27);
        CHECK(a.entries[i].id.starts_with("bc-"));
        CHECK_FALSE(ulid_time(a.entries[i].id));
    }
    CHECK(a.entries[0].id != a.entries[1].id);
    CHECK(a.entries[1].id != a.entries[2].id);
    // Notes and caregiver are not part of the id: the third row is the third occurrence.
    const auto c = run("c.csv", connect_header + "1/20/20 9:00 AM,,,Bottle,4,Milk,Eva drank 4 oz of milk,,U\n");
    CHECK(c.entries[0].id == a.entries[0].id);
}

TEST_CASE("entries already in the journal are duplicates and entries earlier in the import are repeats") {
    const std::string csv = huckleberry_header + "Feed,2024-01-05 14:30,,,Formula,Bottle,120ml,\n"
                                                 "Feed,2024-01-05 17:30,,,Formula,Bottle,100ml,\n";
    ImportResult r = read_import({{"a.csv", csv}, {"b.csv", csv}}, options());
    REQUIRE(r.entries.size() == 4);
    drop_duplicates(r, {{r.entries[0].id, ""}});
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().at.instant == parse_rfc3339("2024-01-05T17:30:00+01:00")->instant);
    CHECK(r.skipped[Skip::duplicate] == 2);
    CHECK(r.skipped[Skip::repeated] == 1);
}

TEST_CASE("a feed whose row names no child is the --baby's: twins' same rows are two babies' feeds") {
    const std::string csv = huckleberry_header + "Feed,2026-11-20 06:00,2026-11-20 06:10,00:10,Formula,Bottle,120ml,\n"
                                                 "Pump,2026-11-20 07:00,2026-11-20 07:20,00:20,30ml,,10ml,\n";
    ImportOptions o = options();
    o.babies = {"Ada", "Ben"};
    o.baby = "Ada";
    const auto ada = run("h.csv", csv, o);
    o.baby = "Ben";
    const auto ben = run("h.csv", csv, o);
    REQUIRE(ada.entries.size() == 2);
    REQUIRE(ben.entries.size() == 2);
    CHECK(ada.entries[0].entry().baby == "Ada");
    CHECK(ben.entries[0].entry().baby == "Ben");
    CHECK(ada.entries[0].id != ben.entries[0].id);
    // Pumps are the parent's: the same pump in both exports is one pump.
    CHECK(ada.entries[1].id == ben.entries[1].id);
    CHECK(ada.entries[1].earlier_id.empty());
    // Without --baby the id is what it always was.
    const auto one = run("h.csv", csv);
    CHECK(one.entries[0].id == "hb-832c5f57b5e8b2ad234344d2");
    CHECK(one.entries[0].earlier_id.empty());
}

TEST_CASE("a feed imported before ids held --baby is already there for the same baby only") {
    const std::string csv = huckleberry_header + "Feed,2026-11-20 06:00,2026-11-20 06:10,00:10,Formula,Bottle,120ml,\n";
    // The id imports gave this row, with or without --baby, before the baby was part of it.
    const std::string earlier = "hb-832c5f57b5e8b2ad234344d2";
    ImportOptions o = options();
    o.babies = {"Ada", "Ben"};
    o.baby = "Ada";
    ImportResult ada = run("h.csv", csv, o);
    REQUIRE(ada.entries.size() == 1);
    CHECK(ada.entries[0].earlier_id == earlier);
    drop_duplicates(ada, {{earlier, "ada"}});
    CHECK(ada.entries.empty());
    CHECK(ada.skipped[Skip::duplicate] == 1);
    o.baby = "Ben";
    ImportResult ben = run("h.csv", csv, o);
    drop_duplicates(ben, {{earlier, "Ada"}});
    REQUIRE(ben.entries.size() == 1);
    CHECK(ben.entries[0].entry().baby == "Ben");
}

TEST_CASE("with one configured baby, a feed whose row names none is hers, under the id it had without her name") {
    // No Duration: the length is read from start and end, so the row's earlier id differs from its id.
    const std::string csv = huckleberry_header + "Feed,2026-11-20 12:00,2026-11-20 12:15,,,Breast,,\n";
    const ImportResult unnamed = run("h.csv", csv);
    REQUIRE(unnamed.entries.size() == 1);
    CHECK(unnamed.entries[0].baby.empty());
    ImportOptions o = options();
    o.babies = {"Ada"};
    ImportResult ada = run("h.csv", csv, o);
    REQUIRE(ada.entries.size() == 1);
    CHECK(ada.entries[0].baby == "Ada");
    CHECK(line(ada, 0)["baby"] == "Ada");
    CHECK(ada.entries[0].id == unnamed.entries[0].id);
    // Config's one baby is not in the id: the row's id is the one it has with no name.
    CHECK(ada.entries[0].id_child.empty());
    CHECK_FALSE(ada.entries[0].child_from_row);
    REQUIRE_FALSE(ada.entries[0].earlier_id.empty());
    // Imported before ids held the length from start and end, and before config's one baby was written.
    drop_duplicates(ada, {{ada.entries[0].earlier_id, ""}});
    CHECK(ada.entries.empty());
    CHECK(ada.skipped[Skip::duplicate] == 1);
    // Imported before with --baby Ada: the same feed; with --baby Ben (named in the journal), not.
    ImportOptions given = options();
    given.babies = {"Ada"};
    given.baby = "Ada";
    const ImportResult with_baby = run("h.csv", csv, given);
    REQUIRE(with_baby.entries.size() == 1);
    CHECK(with_baby.entries[0].id != unnamed.entries[0].id);
    CHECK(with_baby.entries[0].id_child == "ada");
    ada = run("h.csv", csv, o);
    CHECK(with_baby.entries[0].key_rest == ada.entries[0].key_rest);
    drop_duplicates(ada, {{with_baby.entries[0].id, "Ada"}});
    CHECK(ada.entries.empty());
    ada = run("h.csv", csv, o);
    drop_duplicates(ada, {{with_baby.entries[0].id, "Ben"}});
    CHECK(ada.entries.size() == 1);
    ImportResult again = run("h.csv", csv, given);
    drop_duplicates(again, {{unnamed.entries[0].id, "Ada"}});
    CHECK(again.entries.empty());
    // A row that names its child keeps it.
    const auto named = run("c.csv", connect_header + "1/20/20 9:00 AM,,,Bottle,4,Milk,Ben drank 4 oz of milk,,U\n", o);
    REQUIRE(named.entries.size() == 1);
    CHECK(named.entries[0].baby == "Ben");
    CHECK(named.entries[0].child_from_row);
    CHECK(named.entries[0].id_child == "ben");
}

TEST_CASE("a feed imported under a baby's name is found by an import that knows no name, counted as then") {
    // One bottle naming Ada, then the same bottle naming no child: with --baby Ada both rows had Ada's key,
    // the second counted after the first (#1). Imported again with no name, the second is found as that.
    const std::string csv = connect_header + "1/20/20 9:00 AM,,,Bottle,4,Milk,Ada drank 4 oz of milk,,U\n"
                                             "1/20/20 9:00 AM,,,Bottle,4,Milk,drank 4 oz of milk,,U\n";
    ImportOptions given = options();
    given.babies = {"Ada"};
    given.baby = "Ada";
    const ImportResult ada = run("c.csv", csv, given);
    REQUIRE(ada.entries.size() == 2);
    CHECK(ada.entries[0].child_from_row);
    CHECK_FALSE(ada.entries[1].child_from_row);
    CHECK(ada.entries[1].id_child == "ada");
    std::unordered_map<std::string, std::string> journal;
    for (const auto& e : ada.entries) journal.emplace(e.id, e.baby);
    ImportResult unnamed = run("c.csv", csv);
    REQUIRE(unnamed.entries.size() == 2);
    CHECK(unnamed.entries[1].id != ada.entries[1].id);
    drop_duplicates(unnamed, journal);
    CHECK(unnamed.entries.empty());
    CHECK(unnamed.skipped[Skip::duplicate] == 2);
    // Only Ada's second bottle in the journal: the unnamed row is still that one, not the first.
    unnamed = run("c.csv", csv);
    drop_duplicates(unnamed, {{ada.entries[1].id, "Ada"}});
    REQUIRE(unnamed.entries.size() == 1);
    CHECK(unnamed.entries[0].baby == "Ada");
    CHECK(unnamed.entries[0].child_from_row);
    // Under another baby's name it is another baby's feed: Ben's same bottle is not Ada's.
    given.babies = {"Ada", "Ben"};
    given.baby = "Ben";
    ImportResult ben = run("c.csv", csv, given);
    drop_duplicates(ben, journal);
    REQUIRE(ben.entries.size() == 1);
    CHECK(ben.entries[0].baby == "Ben");
    CHECK_FALSE(ben.entries[0].child_from_row);
}

TEST_CASE("with several babies, a feed whose row names none is refused without --baby") {
    ImportOptions o = options();
    o.babies = {"Ada", "Ben"};
    CHECK(error_of("h.csv", huckleberry_header + "Pump,2026-11-20 07:00,,00:20,30ml,,10ml,\n"
                                                 "Feed,2026-11-20 08:00,,,Formula,Bottle,120ml,\n", o) ==
          "h.csv:3: this feed names no baby; whose feed is it? give --baby Ada or Ben");
    // Pumps are nobody's; rows that name their child keep it.
    CHECK(run("h.csv", huckleberry_header + "Pump,2026-11-20 07:00,,00:20,30ml,,10ml,\n", o).entries.size() == 1);
    const auto named = run("c.csv", connect_header + "1/20/20 9:00 AM,,,Bottle,4,Milk,Ada drank 4 oz of milk,,U\n", o);
    REQUIRE(named.entries.size() == 1);
    CHECK(named.entries[0].entry().baby == "Ada");
    o.babies = {"Ada"};
    CHECK(run("h.csv", huckleberry_header + "Feed,2026-11-20 08:00,,,Formula,Bottle,120ml,\n", o).entries.size() == 1);
}

TEST_CASE("Huckleberry and Baby Connect sessions last from start to end when no duration is written") {
    const auto h = run("h.csv", huckleberry_header + "Pump,2026-11-20 10:00,2026-11-20 10:30,,30ml,,,\n"
                                                     "Pump,2026-11-20 11:00,2026-11-20 11:30,,0ml,,0ml,\n"
                                                     "Feed,2026-11-20 12:00,2026-11-20 12:15,,,Breast,,\n"
                                                     "Pump,2026-11-20 13:00,2026-11-20 13:30,00:20,30ml,,,\n");
    REQUIRE(h.entries.size() == 4);
    CHECK(line(h, 0)["dur_s"] == 1800);
    CHECK(line(h, 1)["dur_s"] == 1800);
    CHECK_FALSE(line(h, 1).contains("ml"));
    CHECK(line(h, 2)["dur_s"] == 900);
    CHECK(line(h, 3)["dur_s"] == 1200);  // the written Duration wins
    // The id imports gave the first row before they read its length.
    CHECK(h.entries[0].earlier_id == "hb-2eb53add103eaf41e84d7ad3");
    CHECK(h.entries[3].earlier_id.empty());
    const auto c = run("c.csv", connect_header + "11/20/26 9:00 PM,11/20/26 9:20 PM,,Pumping,0,,Mom pumped,,M\n"
                                                 "11/20/26 8:00 PM,11/20/26 8:12 PM,,Nursing,,,Eva nursed,,A\n");
    REQUIRE(c.entries.size() == 2);
    CHECK(line(c, 0) == nlohmann::json::parse(R"({"v":1,"id":")" + c.entries[0].id +
                                              R"(","type":"pump","at":"2026-11-20T21:00:00+01:00","dur_s":1200})"));
    CHECK(line(c, 1)["dur_s"] == 720);
}

TEST_CASE("a Huckleberry or Baby Connect session that ends before it starts is a problem") {
    const auto h = run("h.csv", huckleberry_header + "Pump,2026-11-20 08:00,2026-11-20 07:00,,30ml,,10ml,\n"
                                                     "Feed,2026-11-20 09:00,2026-11-20 08:50,00:10,00:10L,Breast,,\n"
                                                     "Feed,2026-11-20 10:00,2026-11-20 09:50,,Formula,Bottle,90ml,\n");
    REQUIRE(h.entries.size() == 1);  // a bottle has no length: its end is not read
    REQUIRE(h.problems.size() == 2);
    CHECK((h.problems[0].line == 2 && h.problems[0].message == "it ends before it starts"));
    CHECK((h.problems[1].line == 3 && h.problems[1].message == "it ends before it starts"));
    const auto c = run("c.csv", connect_header + "11/20/26 9:00 PM,11/20/26 8:00 PM,,Pumping,4,,Mom pumped,,M\n"
                                                 "11/20/26 7:00 PM,11/20/26 6:00 PM,10,Nursing,,,Eva nursed,,A\n");
    CHECK(c.entries.empty());
    REQUIRE(c.problems.size() == 2);
    CHECK((c.problems[0].file == "c.csv" && c.problems[0].line == 2));
    CHECK(c.problems[1].message == "it ends before it starts");
    CHECK(c.skipped.at(Skip::problem) == 2);
}

TEST_CASE("the merged journal orders lines stably by line_key") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2024-01-05 14:30,,,Formula,Bottle,120ml,\n"
                                                     "Feed,2024-01-05 12:00,,,Formula,Bottle,100ml,\n");
    const Seconds noon = parse_rfc3339("2024-01-05T12:00:00+01:00")->instant;
    const std::string merged = merged_journal({{noon, "A", "", ""}, {noon - std::chrono::hours(1), "B", "", ""}, {noon, "C", "", ""}}, r.entries);
    CHECK(merged == "B\nA\nC\n" + r.entries[1].text + "\n" + r.entries[0].text + "\n");
}

TEST_CASE("several children without --child are all imported, each feed with its baby, --child picks one") {
    const std::string csv = "Baby,Time,Amount,Note\nAda,\"1/13/21, 9:00\",60 ml,\nBen,\"1/13/21, 9:00\",50 ml,\n"
                            "ada,\"1/13/21, 12:00\",40 ml,\n";
    const auto all = run("expressed.csv", csv);
    REQUIRE(all.entries.size() == 3);
    CHECK(all.entries[0].entry().baby == "Ada");
    CHECK(all.entries[1].entry().baby == "Ben");
    CHECK(all.entries[2].entry().baby == "ada");  // as the row writes it; the planner compares without case
    CHECK(all.entries[1].text.find(R"("baby":"Ben")") != std::string::npos);
    ImportOptions o = options();
    o.child = "ADA";
    const auto r = run("expressed.csv", csv, o);
    REQUIRE(r.entries.size() == 2);
    CHECK(r.skipped.at(Skip::other_child) == 1);
    o.child = "Cy";
    CHECK(error_of("expressed.csv", csv, o) == "expressed.csv has no child named \"Cy\"; it has Ada, Ben");
}

TEST_CASE("with --child, a feed whose row names no child is skipped, never taken for that child's: every pump stays") {
    ImportOptions o = options();
    o.unit = Unit::ml;
    o.child = "Ada";
    const auto tracker = read_import(
        {{"nursing.csv", "Baby,Time,Start Side,Left duration (min),Right duration (min),Total Duration (min),Note\n"
                         "Ada,\"1/13/21, 9:00\",Left,10,5,15,\nBen,\"1/13/21, 10:00\",Left,10,5,15,\n"
                         ",\"1/13/21, 11:00\",Left,10,5,15,\n"},
         {"pump.csv", "Time,Amount,Note\n\"1/13/21, 8:00\",60 ml,\n"}},
        o);
    REQUIRE(tracker.entries.size() == 2);
    CHECK(tracker.entries[0].entry().baby == "Ada");
    CHECK(tracker.entries[1].type == EntryType::pump);
    CHECK(tracker.skipped.at(Skip::other_child) == 1);
    CHECK(tracker.skipped.at(Skip::unnamed_child) == 1);
    const auto buddy = read_import(
        {{"feeding.csv", "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                         "1,1,Ada,Smith,2024-01-05 06:00:00,,formula,bottle,120,,\n"
                         "2,,,,2024-01-05 07:00:00,,formula,bottle,100,,\n"},
         {"pumping.csv", "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags\n"
                         "1,,,,2024-01-05 05:00:00,,90,,\n"}},
        o);
    REQUIRE(buddy.entries.size() == 2);
    CHECK(buddy.entries[0].entry().baby == "Ada");
    CHECK(buddy.entries[1].type == EntryType::pump);
    CHECK(buddy.skipped.at(Skip::unnamed_child) == 1);
    const auto connect = run("c.csv", connect_header + "3/29/26 7:00 AM,,,Bottle,4,Milk,Ada drank 4 oz of milk,,\n"
                                                       "3/29/26 8:00 AM,,,Bottle,3,Milk,drank 3 oz of milk,,\n"
                                                       "3/29/26 9:00 AM,,,Pumping,5,,Mom pumped 5 oz,,\n",
                             o);
    REQUIRE(connect.entries.size() == 2);
    CHECK(connect.entries[0].entry().baby == "Ada");
    CHECK(connect.entries[1].type == EntryType::pump);
    CHECK(connect.skipped.at(Skip::unnamed_child) == 1);
    // Without --child every row is imported.
    o.child.clear();
    CHECK(run("c.csv", connect_header + "3/29/26 8:00 AM,,,Bottle,3,Milk,drank 3 oz of milk,,\n", o).entries.size() ==
          1);
}

TEST_CASE("the babies an import names that config babies does not are noted, each once, as first written") {
    const std::string csv = "Baby,Time,Amount,Note\nAda Lovelace,\"1/13/21, 9:00\",60 ml,\n"
                            "ben,\"1/13/21, 9:00\",50 ml,\nADA LOVELACE,\"1/13/21, 12:00\",40 ml,\n"
                            " Ada ,\"1/13/21, 13:00\",40 ml,\n";
    auto r = run("expressed.csv", csv);
    note_new_babies(r, {});
    CHECK(r.new_babies.empty());
    CHECK(r.configured_babies.empty());
    note_new_babies(r, {"Ada", "Ben"});
    CHECK(r.new_babies == std::vector<std::string>{"Ada Lovelace"});
    CHECK(r.configured_babies == std::vector<std::string>{"Ada", "Ben"});
    note_new_babies(r, {"Ada", "Ben", "ada lovelace"});
    CHECK(r.new_babies.empty());
    CHECK(r.configured_babies.empty());
    // Pumps are nobody's.
    auto pumps = run("pump.csv", "Time,Amount,Note\n\"1/13/21, 8:00\",60 ml,\n");
    note_new_babies(pumps, {"Ada"});
    CHECK(pumps.new_babies.empty());
}

TEST_CASE("a Baby Buddy pump's id does not depend on the child it is filed under") {
    ImportOptions o = options();
    o.unit = Unit::ml;
    const auto old_form = run("pumping.csv", "id,child_id,start,end,amount,notes\n1,1,2026-11-11 07:00:00,,120,\n", o);
    const auto named = run("pumping.csv",
                           "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags\n"
                           "1,1,Ada,Smith,2026-11-11 07:00:00,,120,,\n1,2,Ben,Smith,2026-11-11 07:00:00,,120,,\n",
                           o);
    REQUIRE(old_form.entries.size() == 1);
    REQUIRE(named.entries.size() == 2);
    CHECK(named.entries[0].id == old_form.entries[0].id);
    CHECK(named.entries[1].id != named.entries[0].id);  // two rows: the second of its meaning
    // The id it had while the child was part of it, for journals imported then.
    CHECK(!named.entries[0].child_id.empty());
    CHECK(named.entries[0].child_id != old_form.entries[0].child_id);
}

TEST_CASE("a child given with --child is looked for in every file of one import and refused only if none has it") {
    const std::string ada = "Baby,Time,Amount,Note\nAda,\"1/13/21, 9:00\",60 ml,\n";
    const std::string ben = "Baby,Time,Amount,Note\nBen,\"1/13/21, 10:00\",50 ml,\n";
    ImportOptions o = options();
    o.child = "Ada";
    const auto r = read_import({{"expressed.csv", ada}, {"formula.csv", ben}}, o);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().baby == "Ada");
    CHECK(r.skipped.at(Skip::other_child) == 1);
    o.child = "Cy";
    try {
        read_import({{"expressed.csv", ada}, {"formula.csv", ben}}, o);
        FAIL("no refusal");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "expressed.csv and formula.csv have no child named \"Cy\"; they have Ada, Ben");
    }
}

TEST_CASE("Baby Buddy's --child matches the first name, the full name or the child id") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Ada,Lovelace,2024-01-05 06:00:00,,formula,bottle,120,,\n"
                            "2,2,Ben,Lovelace,2024-01-05 06:00:00,,formula,bottle,100,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    for (const char* child : {"ada", "Ada Lovelace", "1"}) {
        o.child = child;
        const auto r = run("feeding.csv", csv, o);
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].entry().ml == 120);
    }
}

TEST_CASE("Baby Buddy's --child matches a whole first name with a space or a comma, never a word of it") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Mary Ann,Smith,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                            "2,2,Mary Kate,Smith,2026-11-08 09:00:00,,formula,bottle,90,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    for (const char* child : {"Mary Kate", "mary kate smith", "2"}) {
        INFO(child);
        o.child = child;
        const auto r = run("feeding.csv", csv, o);
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].entry().ml == 90);
        CHECK(r.entries[0].entry().baby == "Mary Kate");
        CHECK(r.skipped.at(Skip::other_child) == 1);
    }
    o.child = "Mary";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv has no child named \"Mary\"; it has Mary Ann Smith, Mary Kate Smith");
    // A first name with a comma is matched whole too: its rows are then problem rows (no baby can have it).
    const std::string comma = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                              "1,1,\"O'Brien, Jr\",X,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                              "2,2,Ben,X,2026-11-08 09:00:00,,formula,bottle,90,,\n";
    o.child = "o'brien, jr";
    const auto r = run("feeding.csv", comma, o);
    CHECK(r.entries.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(r.skipped.at(Skip::other_child) == 1);
}

TEST_CASE("a --child that names several children is refused, naming them") {
    // Two children whose first name is Mary; and a name that is another child's child_id.
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Mary,Smith,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                            "2,2,Mary,Jones,2026-11-08 09:00:00,,formula,bottle,90,,\n"
                            "3,3,1,Brown,2026-11-08 10:00:00,,formula,bottle,80,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    o.child = "mary";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv has 2 children that --child \"mary\" names: Mary Jones (child_id 2) and Mary Smith (child_id 1); "
          "give one child's full name or Baby Buddy's child id");
    o.child = "1";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv has 2 children that --child \"1\" names: 1 Brown (child_id 3) and Mary Smith (child_id 1); "
          "give one child's full name or Baby Buddy's child id");
    o.child = "Mary Jones";
    const auto r = run("feeding.csv", csv, o);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().ml == 90);
}

TEST_CASE("a --child that names children of one full name asks for their child ids, never a full name") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Mary,Smith,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                            "2,2,Mary,Smith,2026-11-08 09:00:00,,formula,bottle,90,,\n"
                            "3,3,Mary,Jones,2026-11-08 10:00:00,,formula,bottle,80,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    o.child = "mary smith";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv has 2 children that --child \"mary smith\" names: Mary Smith (child_id 1) and Mary Smith "
          "(child_id 2); they share one full name: give Baby Buddy's child id (--child 1 or --child 2) with "
          "--baby NAME");
    o.child = "Mary";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv has 3 children that --child \"Mary\" names: Mary Jones (child_id 3), Mary Smith (child_id 1) "
          "and Mary Smith (child_id 2); give one child's full name, or for those who share one, Baby Buddy's child id "
          "(--child 1 or --child 2) with --baby NAME");
    // A child id is the file's text: a shell word in the command suggested, never a substitution to run.
    std::string hostile = csv;
    hostile.replace(hostile.find("\n2,2,"), 5, "\n2,$(id) x,");
    o.child = "mary smith";
    CHECK(error_of("feeding.csv", hostile, o) ==
          "feeding.csv has 2 children that --child \"mary smith\" names: Mary Smith (child_id $(id) x) and Mary Smith "
          "(child_id 1); they share one full name: give Baby Buddy's child id (--child '$(id) x' or --child 1) "
          "with --baby NAME");
    // The advice followed: one child, her feeds under a name of her own.
    o.child = "2";
    o.baby = "Molly";
    const auto r = run("feeding.csv", csv, o);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().baby == "Molly");
    CHECK(r.entries[0].entry().ml == 90);
}

TEST_CASE("children of one Baby Buddy export who share a first name are imported under their full names") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Mary,Smith,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                            "2,2,mary,Jones,2026-11-08 09:00:00,,formula,bottle,90,,\n"
                            "3,3,Ben,Smith,2026-11-08 10:00:00,,formula,bottle,80,,\n"
                            "4,1,Mary,Smith,2026-11-08 11:00:00,,formula,bottle,70,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    const auto r = run("feeding.csv", csv, o);
    REQUIRE(r.entries.size() == 4);
    CHECK(r.entries[0].entry().baby == "Mary Smith");
    CHECK(r.entries[1].entry().baby == "mary Jones");
    CHECK(r.entries[2].entry().baby == "Ben");  // no other Ben: the first name, as config babies names him
    CHECK(r.entries[3].entry().baby == "Mary Smith");
    REQUIRE(r.namesakes.size() == 1);
    CHECK(r.namesakes[0].file == "feeding.csv");
    CHECK(r.namesakes[0].first_name == "Mary");
    CHECK(r.namesakes[0].full_names == std::vector<std::string>{"Mary Smith", "mary Jones"});
    // One child at a time keeps the name it has with the other: the same baby whichever way she is imported.
    o.child = "2";
    const auto one = run("feeding.csv", csv, o);
    REQUIRE(one.entries.size() == 1);
    CHECK(one.entries[0].entry().baby == "mary Jones");
    // The same children in an export without child_id: told apart by their last names.
    o.child.clear();
    const auto named = run("feeding.csv",
                           "child_first_name,child_last_name,start,end,type,method,amount,notes\n"
                           "Mary,Smith,2026-11-08 08:00:00,,formula,bottle,100,\n"
                           "Mary,Jones,2026-11-08 09:00:00,,formula,bottle,90,\n",
                           o);
    REQUIRE(named.entries.size() == 2);
    CHECK(named.entries[0].entry().baby == "Mary Smith");
    CHECK(named.entries[1].entry().baby == "Mary Jones");
}

TEST_CASE("two children of one Baby Buddy export with one full name are refused without --child and --baby") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                            "1,1,Mary,Smith,2026-11-08 08:00:00,,formula,bottle,100,,\n"
                            "2,1,Mary,Smith,2026-11-08 08:30:00,,formula,bottle,100,,\n"
                            "3,2,Mary,SMITH,2026-11-08 09:00:00,,formula,bottle,90,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv:4: the file's feeds are of 2 children named \"Mary Smith\" (child_id 1 and 2): imported "
          "together they would all be one baby's; import one child at a time with --child ID and --baby NAME, "
          "another name for each");
    // One at a time, each needs a name of her own: under the one they share they would be one baby again.
    o.child = "2";
    CHECK(error_of("feeding.csv", csv, o) ==
          "feeding.csv:4: --child 2 is one of 2 children named \"Mary Smith\" (child_id 1 and 2): under that name "
          "their feeds would be one baby's; add --baby NAME to name this child's feeds, another name for each, so "
          "that the two stay apart");
    o.baby = "Molly";
    const auto r = run("feeding.csv", csv, o);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().baby == "Molly");
    // Nobody shares a first name with herself.
    CHECK(r.namesakes.empty());
    o.child = "1";
    o.baby = "Mia";
    const auto mia = run("feeding.csv", csv, o);
    REQUIRE(mia.entries.size() == 2);
    CHECK(mia.entries[0].entry().baby == "Mia");
}

TEST_CASE("a row without a time is a problem row, not an activity named by its words") {
    // The rest of a note cut by a line end: one cell, no time.
    const auto r = run("h.csv", huckleberry_header + "Pump,2026-11-01 07:05,2026-11-01 07:20,00:15,55ml,,50ml,sore\n"
                                                     "right ok\nSleep,2026-11-01 08:00,,,,,,\n");
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == "h.csv");
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].message == "the row has no time, so \"right ok\" is no activity of the export (a damaged "
                                  "line, or the rest of a cell cut by a line end?)");
    CHECK(r.skipped.at(Skip::problem) == 1);
    CHECK(r.other_activities == std::map<std::string, std::size_t>{{"Sleep", 1}});
    const auto c = run("c.csv", connect_header + "3/29/26 3:10 AM,,,Sleep,,,,,\nsecond line\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 3);
    CHECK(c.problems[0].message == "\"second line\" is not a time, so the row is no activity of the export (a "
                                  "damaged line, or the rest of a cell cut by a line end?)");
    CHECK(c.other_activities == std::map<std::string, std::size_t>{{"Sleep", 1}});
}

TEST_CASE("a row of another activity whose date or time does not exist is a problem row, not that activity") {
    const std::string why = ", so the row is no activity of the export (a damaged line, or the rest of a cell cut "
                            "by a line end?)";
    const auto r = run("h.csv", huckleberry_header + "Pump,2026-11-01 07:05,,00:15,55ml,,,\n"
                                                     "Diaper,2026-02-30 10:00,,,,,,\nSleep,2026-11-01 25:00,,,,,,\n"
                                                     "Sleep,2026-11-01 08:60,,,,,,\nDiaper,2026-11-01 09:00,,,,,,\n");
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].message == "\"2026-02-30 10:00\" is not a time" + why);
    CHECK(r.problems[1].message == "\"2026-11-01 25:00\" is not a time" + why);
    CHECK(r.problems[2].message == "\"2026-11-01 08:60\" is not a time" + why);
    CHECK(r.skipped.at(Skip::problem) == 3);
    CHECK(r.other_activities == std::map<std::string, std::size_t>{{"Diaper", 1}});
    // Baby Connect's phone dates, in the order the file settles (13/3/26: day first), and Baby Buddy's solid food.
    const auto c = run("c.csv", connect_header + "13/3/26 3:10 AM,,,Sleep,,,,,\n30/2/26 3:10 AM,,,Diaper,,,,,\n");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 3);
    CHECK(c.problems[0].message == "\"30/2/26 3:10 AM\" is not a time" + why);
    CHECK(c.other_activities == std::map<std::string, std::size_t>{{"Sleep", 1}});
    auto o = options();
    o.unit = Unit::ml;
    const auto b = run("feeding.csv",
                       "child_id,start,end,type,method,amount,notes\n1,2026-04-31 12:00:00,,solid food,parent fed,,\n"
                       "1,2026-04-30 12:00:00,,solid food,parent fed,,\n",
                       o);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].message == "\"2026-04-31 12:00:00\" is not a time" + why);
    CHECK(b.other_activities == std::map<std::string, std::size_t>{{"solid food", 1}});
}

TEST_CASE("a lone CR inside a note of an LF or CR LF export is kept in the note, never the end of its row") {
    for (const std::string end : {"\n", "\r\n"}) {
        const auto r = run("h.csv", "Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes" + end +
                                        "Pump,2026-11-01 07:05,2026-11-01 07:20,00:15,55ml,,50ml,left sore\rright ok" +
                                        end + "Pump,2026-11-01 09:05,,00:15,50ml,,,\"a\rb\"" + end);
        REQUIRE(r.entries.size() == 2);
        CHECK(r.skipped.empty());
        CHECK(r.entries[0].entry().note == "left sore\rright ok");
        CHECK(r.entries[1].entry().note == "a\rb");
        CHECK(r.entries[1].line == 3);
    }
}

TEST_CASE("Baby Tracker's and Baby Connect's --child match the whole name, never its first word") {
    const std::string tracker = "Baby,Time,Amount,Note\nMary Ann,\"11/13/26, 9:00\",60 ml,\n"
                                "Mary Kate,\"11/13/26, 10:00\",50 ml,\n";
    const std::string connect = connect_header + "11/13/26 10:00 AM,,,Bottle,1.7,Milk,Mary Kate drank 1.7 oz of milk,,A\n"
                                                 "11/13/26 9:00 AM,,,Bottle,2,Milk,Mary Ann drank 2 oz of milk,,A\n";
    for (const auto& [name, csv] : {std::pair{"expressed.csv", tracker}, std::pair{"log.csv", connect}}) {
        INFO(name);
        ImportOptions o = options();
        o.child = "mary kate";
        const auto r = run(name, csv, o);
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].entry().baby == "Mary Kate");
        o.child = "Mary";
        CHECK(error_of(name, csv, o) == std::string(name) + " has no child named \"Mary\"; it has Mary Ann, Mary Kate");
    }
}

TEST_CASE("import --child matches a name whose accents are written the other way (NFC or NFD)") {
    // Zo\u00eb precomposed in the file and typed with a combining diaeresis (e + U+0308), and the other way.
    const std::string nfc = "Zo\xC3\xAB", nfd = "Zoe\xCC\x88";
    for (const auto& [in_file, typed] : {std::pair{nfc, nfd}, std::pair{nfd, nfc}}) {
        const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                                "1,1," + in_file + ",Lovelace,2024-01-05 06:00:00,,formula,bottle,120,,\n"
                                "2,2,Ben,Lovelace,2024-01-05 06:00:00,,formula,bottle,100,,\n";
        ImportOptions o = options();
        o.unit = Unit::ml;
        o.child = typed;
        const auto r = run("feeding.csv", csv, o);
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].entry().ml == 120);
    }
}

TEST_CASE("Baby Buddy's --child picks feeds: every pump is imported whatever child it is filed under") {
    const std::string csv = "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags\n"
                            "1,1,Ada,L,2026-11-02 13:00:00,2026-11-02 13:20:00,100,,\n"
                            "2,2,Ben,L,2026-11-02 15:00:00,2026-11-02 15:20:00,90,,\n";
    ImportOptions o = options();
    o.unit = Unit::ml;
    for (const char* child : {"", "Ada", "Ben", "Cy"}) {
        INFO(child);
        o.child = child;
        const auto r = run("pumping.csv", csv, o);
        REQUIRE(r.entries.size() == 2);
        CHECK(!r.skipped.contains(Skip::other_child));
        // The ids pumplog gave these rows when --child filtered pumps (the child part of them) are kept beside.
        CHECK(r.entries[0].child_id == "bb-9aaf9189491c995651b3f8b6");
        CHECK(r.entries[1].child_id == "bb-b891d952cb76884427615464");
    }
    // Ada's pump imported with --child Ada before: --child Ben now adds Ben's only.
    o.child = "Ben";
    auto r = run("pumping.csv", csv, o);
    drop_duplicates(r, {{"bb-9aaf9189491c995651b3f8b6", ""}});
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().ml == 90);
    CHECK(r.skipped.at(Skip::duplicate) == 1);
}

TEST_CASE("a --child with a one-child format is refused") {
    ImportOptions o = options();
    o.child = "Ada";
    CHECK(error_of("h.csv", huckleberry_header, o) ==
          "h.csv is a Huckleberry export, which holds one child's rows: leave --child out");
}

TEST_CASE("an impossible amount skips its row as a problem and the rest is imported") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2024-01-05 14:30,,,Formula,Bottle,1500ml,\n"
                                                     "Feed,2024-01-05 15:30,,,Formula,Bottle,-20ml,\n"
                                                     "Feed,2024-01-05 16:30,,,Formula,Bottle,120ml,\n");
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message == "1500 ml in one bottle is implausible (over 1000 ml)");
    CHECK(r.problems[1].line == 3);
    CHECK(r.problems[1].message == "\"-20ml\" is not an amount; try 90ml or 3oz");
    CHECK(r.skipped.at(Skip::problem) == 2);
}

TEST_CASE("a row whose note the journal cannot hold is a problem row and its note is not cut") {
    const std::string note(std::size_t{1} << 20, 'x');
    const auto r = run("h.csv", huckleberry_header + "Feed,2024-02-01 10:00,,,Breast Milk,Bottle,100ml," + note +
                                    "\nFeed,2024-02-01 11:00,,,Breast Milk,Bottle,90ml,ok\n");
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().note == "ok");
    CHECK(r.skipped.at(Skip::problem) == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == "h.csv");
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message == "its entry would be a journal line longer than 1 MiB (1048576 bytes), more than "
                                   "a line may hold: the note is 1048576 bytes, the line 1048718 bytes as JSON "
                                   "writes it (escapes included; notes are not cut short)");
    // A note under 1 MiB whose escapes take it over: the message gives both sizes.
    const auto escaped = run("h.csv", huckleberry_header + "Feed,2024-02-01 10:00,,,Breast Milk,Bottle,100ml," +
                                          std::string(600000, '\\') + "\n");
    REQUIRE(escaped.problems.size() == 1);
    CHECK(escaped.problems[0].message ==
          "its entry would be a journal line longer than 1 MiB (1048576 bytes), more than a line may hold: the note "
          "is 600000 bytes, the line 1200142 bytes as JSON writes it (escapes included; notes are not cut short)");
}

TEST_CASE("cells past the header belong to a last Notes column, joined with the delimiter") {
    auto r = run("h.csv", huckleberry_header + "Feed,2024-02-01 10:00,,,Breast Milk,Bottle,100ml,a,b,c\n"
                                               "Feed,2024-02-01 11:00,,,Breast Milk,Bottle,90ml,ok,\n"
                                               "Feed,2024-02-01 12:00,,,Breast Milk,Bottle,80ml,, b ,,\n");
    REQUIRE(r.entries.size() == 3);
    CHECK(r.problems.empty());
    CHECK(r.entries[0].entry().note == "a,b,c");
    CHECK(r.entries[1].entry().note == "ok");  // a trailing delimiter adds nothing
    CHECK(r.entries[2].entry().note == ", b");
    r = run("pump.csv", "Time;Amount;Note\n\"2/20/17, 9:23 AM\";60 ml;left; then right\n");
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().note == "left; then right");
}

TEST_CASE("cells past the header are a problem row when the last column is not free text") {
    ImportOptions o = options();
    o.unit = Unit::ml;
    const auto r = run("feeding.csv",
                       "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                       "1,1,Ada,L,2024-01-05 06:00:00,,formula,bottle,120,a,b,c\n"
                       "2,1,Ada,L,2024-01-05 09:00:00,,formula,bottle,100,,,\n",
                       o);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].entry().ml == 100);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message == "the row has 12 cells and the header 11 columns (a cell holding the delimiter "
                                   "without quotes?); its values cannot be told apart");
    const auto c = run("c.csv", connect_header + "12/12/20 7:47 PM,,,Bottle,4,Milk,Eva drank,a,b,Mom\n");
    CHECK(c.entries.empty());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message.starts_with("the row has 10 cells and the header 9 columns"));
}

TEST_CASE("a row in the future is a problem") {
    const auto r = run("h.csv", huckleberry_header + "Feed,2026-11-21 15:00,,,Formula,Bottle,120ml,\n");
    CHECK(r.entries.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "2026-11-21 15:00 is in the future");
}

TEST_CASE("durations read as minutes, H:MM, or with units") {
    CHECK(minutes_cell("15")->count() == 900);
    CHECK(minutes_cell("10 min")->count() == 600);
    CHECK(minutes_cell("1h05m")->count() == 3900);
    CHECK_FALSE(minutes_cell(" "));
    CHECK(clock_duration("00:16")->count() == 960);
    CHECK(clock_duration("1:05")->count() == 3900);
    CHECK(clock_duration("12")->count() == 720);
    CHECK_THROWS_AS(clock_duration("1:75"), RowError);
    CHECK_THROWS_AS(minutes_cell("soon"), RowError);
}

TEST_CASE("a header's unit in parentheses is found with its column") {
    const CsvTable t = parse_csv("Left amount (oz.),Right amount (ml.),Total amount,Left duration (min)\n");
    CHECK((unit_column(t, "left amount").index == 0u && unit_column(t, "left amount").unit == Unit::oz));
    CHECK(unit_column(t, "right amount").unit == Unit::ml);
    CHECK((unit_column(t, "total amount").index == 2u && !unit_column(t, "total amount").unit));
    CHECK((unit_column(t, "left duration").index == 3u && !unit_column(t, "left duration").unit));
    CHECK_FALSE(unit_column(t, "amount").index);
}

TEST_CASE("a Baby Buddy breast feed's amount is part of its id: imported again with the other unit it is refused") {
    const std::string header = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n";
    const std::string csv =
        header + "1,1,Ada,S,2026-11-01 07:00:00,2026-11-01 07:20:00,breast milk,both breasts,30,,\n";
    ImportOptions o = options();
    o.unit = Unit::oz;
    ImportResult oz = run("r2.csv", csv, o);
    o.unit = Unit::ml;
    ImportResult ml = run("r2.csv", csv, o);
    REQUIRE(oz.entries.size() == 1);
    REQUIRE(ml.entries.size() == 1);
    // One number format in the note: the amount as written, with the unit it was read in.
    CHECK(line(oz, 0)["note"] == "amount in Baby Buddy: 30 oz");
    CHECK(line(ml, 0)["note"] == "amount in Baby Buddy: 30 ml");
    CHECK(oz.entries[0].id != ml.entries[0].id);
    CHECK(ml.entries[0].other_unit_ids == std::vector<std::string>{oz.entries[0].id});
    try {
        drop_duplicates(ml, {{oz.entries[0].id, "Ada"}});
        FAIL("imported again with the other --unit, the breast feed was not refused");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()).starts_with(
            "r2.csv:2 was imported before with --unit oz; imported with --unit ml"));
    }
    // Imported again with the same unit: already there.
    drop_duplicates(oz, {{oz.entries[0].id, "Ada"}});
    CHECK(oz.entries.empty());
    CHECK(oz.skipped[Skip::duplicate] == 1);
}

TEST_CASE("a Baby Buddy breast feed imported before its amount was part of its id is already there") {
    const std::string header = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n";
    const std::string row = "1,1,Ada,S,2026-11-01 07:00:00,2026-11-01 07:20:00,breast milk,both breasts,";
    ImportOptions o = options();
    o.unit = Unit::oz;
    ImportResult with_amount = run("r2.csv", header + row + "30,,\n", o);
    const ImportResult without = run("r2.csv", header + row + ",,\n", o);
    REQUIRE(with_amount.entries.size() == 1);
    REQUIRE(without.entries.size() == 1);
    // A feed without an amount keeps the id it always had; that is the id earlier imports gave one with.
    CHECK(without.entries[0].id == "bb-d859faf049d548e45404e399");
    CHECK(without.entries[0].earlier_id.empty());
    CHECK(with_amount.entries[0].earlier_id == without.entries[0].id);
    drop_duplicates(with_amount, {{without.entries[0].id, "Ada"}});
    CHECK(with_amount.entries.empty());
    CHECK(with_amount.skipped[Skip::duplicate] == 1);
}
}  // namespace PUMPLOG_UNITY_ID
