// Reports (SPEC 6) on hand-built journals.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "pumplog/guideline.hpp"
#include "pumplog/render/report.hpp"
#include "pumplog/report.hpp"
#include "pumplog/text.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::sys_days(date::year(y) / m / d); }

// A journal file in a temporary folder, removed afterwards.
class TestJournal {
public:
    explicit TestJournal(const std::vector<std::string>& lines) {
        static int counter = 0;
        path_ = fs::temp_directory_path() / fmt::format("pumplog-report-test-{}-{}.jsonl", ::getpid(), ++counter);
        std::ofstream out(path_, std::ios::binary);
        for (const auto& line : lines) out << line << '\n';
    }
    ~TestJournal() { fs::remove(path_); }
    TestJournal(const TestJournal&) = delete;
    TestJournal& operator=(const TestJournal&) = delete;
    Journal journal() const { return Journal(path_); }
    std::uintmax_t size() const { return fs::file_size(path_); }

private:
    fs::path path_;
};

std::string pump(const std::string& id, const std::string& at, double ml) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"pump","at":"{}","ml":{}}})", id, at, ml);
}
std::string pump_sides(const std::string& id, const std::string& at, double left, double right) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"pump","at":"{}","ml":{},"left_ml":{},"right_ml":{}}})", id, at,
                       left + right, left, right);
}
std::string bottle(const std::string& id, const std::string& at, double ml, const std::string& milk = "breast") {
    return fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"bottle","ml":{},"milk":"{}"}})", id, at,
                       ml, milk);
}
std::string nursing(const std::string& id, const std::string& at, const std::string& times) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"breast",{}}})", id, at, times);
}
std::string store(const std::string& id, const std::string& at, double ml) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"freezer","label":"B1"}})", id,
                       at, ml);
}
std::string use(const std::string& id, const std::string& at, const std::string& target, double ml) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"use","at":"{}","target":"{}","ml":{}}})", id, at, target, ml);
}
std::string discard(const std::string& id, const std::string& at, const std::string& target) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"discard","at":"{}","target":"{}","reason":"expired"}})", id, at,
                       target);
}
std::string skip(const std::string& id, const std::string& at) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"skip","at":"{}"}})", id, at);
}
std::string void_of(const std::string& id, const std::string& at, const std::string& target) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"void","at":"{}","target":"{}"}})", id, at, target);
}
std::string amend(const std::string& id, const std::string& at, const std::string& target, const std::string& set) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"amend","at":"{}","target":"{}","set":{}}})", id, at, target, set);
}

// Old filler lines: pumps on days long before any period in these tests.
std::vector<std::string> old_pumps(int count, const std::string& date_prefix = "2025-01-10") {
    std::vector<std::string> lines;
    for (int i = 0; i < count; ++i)
        lines.push_back(pump(fmt::format("OLD{}-{:05d}", date_prefix, i), fmt::format("{}T{:02d}:00:00+01:00", date_prefix, i % 24), 1));
    return lines;
}

Report report_of(const TestJournal& journal, date::sys_days first, date::sys_days last, Grouping by = Grouping::day,
                 date::sys_days today = day(2027, 6, 1)) {
    ReportRequest request;
    request.period = DayRange{first, last};
    request.by = by;
    request.today = today;
    return make_report(journal.journal(), request);
}

const Tally& row(const Report& report, const std::string& label) {
    for (const auto& r : report.rows)
        if (r.label == label) return r.tally;
    FAIL("no row " << label);
    static Tally none;
    return none;
}

}  // namespace

TEST_CASE("every column sums exactly per day") {
    const TestJournal j({
        pump_sides("P1", "2026-11-20T06:10:00+01:00", 40, 50),
        pump("P2", "2026-11-20T10:00:00+01:00", 120.5),
        pump_sides("P3", "2026-11-20T14:00:00+01:00", 30.25, 35),
        bottle("F1", "2026-11-20T08:00:00+01:00", 100),
        bottle("F2", "2026-11-20T12:00:00+01:00", 60, "formula"),
        nursing("F3", "2026-11-20T16:00:00+01:00", R"("left_s":600,"right_s":300)"),
        store("S1", "2026-11-20T10:05:00+01:00", 120.5),
        use("U1", "2026-11-20T18:00:00+01:00", "S1", 70),
        pump("P4", "2026-11-21T06:00:00+01:00", 80),
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 21));
    const Tally& t = row(r, "2026-11-20");
    CHECK(t.pump_sessions == 3);
    CHECK(t.pumped.ml() == Approx(275.75));
    CHECK(t.left.ml() == Approx(70.25));
    CHECK(t.right.ml() == Approx(85));
    CHECK(t.feeds == 3);
    CHECK(t.bottle.ml() == Approx(160));
    CHECK(t.formula.ml() == Approx(60));
    CHECK(t.breast_feeds == 1);
    CHECK(t.breast_time == std::chrono::seconds(900));
    CHECK(t.stored.ml() == Approx(120.5));
    CHECK(t.used.ml() == Approx(70));
    CHECK(t.discarded.ml() == 0);
    CHECK(row(r, "2026-11-21").pump_sessions == 1);
    CHECK(r.total.pumped.ml() == Approx(355.75));
    CHECK(render::report_csv(r, Unit::ml) ==
          "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,"
          "discarded_ml,skipped,days\n"
          "2026-11-20,3,275.8,70.3,85,3,160,1,15,120.5,70,0,0,1\n"
          "2026-11-21,1,80,0,0,0,0,0,0,0,0,0,0,1\n");
}

TEST_CASE("skipped pumps count per day, week, month and hour, a voided skip not") {
    const TestJournal j({
        pump("P1", "2026-11-20T06:00:00+01:00", 100),
        skip("K1", "2026-11-20T09:00:00+01:00"),
        skip("K2", "2026-11-20T23:30:00-05:00"),
        skip("K3", "2026-11-21T09:00:00+01:00"),
        skip("K4", "2026-11-23T09:00:00+01:00"),
        void_of("V1", "2026-11-23T09:05:00+01:00", "K4"),
        skip("K5", "2026-11-19T09:00:00+01:00"),
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 23));
    CHECK(row(r, "2026-11-20").skipped == 2);
    CHECK(row(r, "2026-11-20").pump_sessions == 1);
    CHECK(row(r, "2026-11-21").skipped == 1);
    CHECK(row(r, "2026-11-23").skipped == 0);
    CHECK(r.total.skipped == 3);
    CHECK(r.hours[9].tally.skipped == 2);
    CHECK(r.hours[23].tally.skipped == 1);
    CHECK(row(report_of(j, day(2026, 11, 16), day(2026, 11, 23), Grouping::week), "2026-W47").skipped == 4);
    CHECK(row(report_of(j, day(2026, 11, 1), day(2026, 11, 30), Grouping::month), "2026-11").skipped == 4);
    const std::string csv = render::report_csv(r, Unit::ml);
    CHECK(csv.substr(0, csv.find('\n')) ==
          "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,"
          "discarded_ml,skipped,days");
    CHECK(csv.find("\n2026-11-20,1,100,0,0,0,0,0,0,0,0,0,2,1\n") != std::string::npos);
    CHECK(render::report_json(r, Unit::ml).find("\"skipped\": 2") != std::string::npos);
}

TEST_CASE("weeks and months the period covers only in part are partial, with their days") {
    const TestJournal j({pump("P1", "2026-11-18T07:00:00+01:00", 90), pump("P2", "2026-12-01T07:00:00+01:00", 50)});
    // Wed 2026-11-18 to Tue 2026-12-01: W47 from Wednesday (5 days), W48 whole, W49 two days.
    const Report weeks = report_of(j, day(2026, 11, 18), day(2026, 12, 1), Grouping::week, day(2026, 12, 1));
    REQUIRE(weeks.rows.size() == 3);
    CHECK(weeks.rows[0].days == 5);
    CHECK(weeks.rows[0].calendar_days == 7);
    CHECK(weeks.rows[0].partial());
    CHECK_FALSE(weeks.rows[1].partial());
    CHECK(weeks.rows[2].days == 2);
    CHECK(weeks.last_row_open());
    CHECK(render::report_csv(weeks, Unit::ml).find("\n2026-W47,1,90,0,0,0,0,0,0,0,0,0,0,5\n") != std::string::npos);
    const std::string json = render::report_json(weeks, Unit::ml);
    CHECK(json.find("\"days\": 5,\n    \"partial\": true") != std::string::npos);
    CHECK(json.find("\"days\": 7,\n    \"partial\": false") != std::string::npos);
    const std::string table = render::report_table(weeks, Unit::ml, false, render::Style());
    CHECK(table.find("2026-W47 (5 days)") != std::string::npos);
    CHECK(table.find("2026-W48 ") != std::string::npos);
    CHECK(table.find("2026-W48 (") == std::string::npos);
    CHECK(table.find("2026-W49 (2 days)") != std::string::npos);
    CHECK(table.find("The last row includes today (2026-12-01), which is not over: it counts so far.") !=
          std::string::npos);
    // Months: November from the 18th (13 of 30 days), December one day; February in a leap year has 29.
    const Report months = report_of(j, day(2026, 11, 18), day(2026, 12, 1), Grouping::month);
    REQUIRE(months.rows.size() == 2);
    CHECK(months.rows[0].days == 13);
    CHECK(months.rows[0].calendar_days == 30);
    CHECK(months.rows[1].calendar_days == 31);
    CHECK_FALSE(months.last_row_open());
    CHECK(report_of(j, day(2028, 2, 1), day(2028, 2, 29), Grouping::month).rows[0].partial() == false);
    CHECK(report_of(j, day(2028, 2, 1), day(2028, 2, 28), Grouping::month).rows[0].partial());
    // Days are never partial; hours cover the period's days.
    const Report days = report_of(j, day(2026, 11, 18), day(2026, 11, 19));
    CHECK_FALSE(days.rows[0].partial());
    const Report hours = report_of(j, day(2026, 11, 18), day(2026, 11, 19), Grouping::hour);
    CHECK(hours.rows[7].days == 2);
    CHECK_FALSE(hours.rows[7].partial());
    CHECK(render::report_csv(hours, Unit::ml).find("\n07:00,1,90,0,0,0,0,0,0,0,0,0,0,2\n") != std::string::npos);
}

TEST_CASE("the SVG chart draws partial weeks paler and stars them") {
    const TestJournal j({pump("P1", "2026-11-18T07:00:00+01:00", 90), pump("P2", "2026-11-24T07:00:00+01:00", 50)});
    const Report weeks = report_of(j, day(2026, 11, 18), day(2026, 11, 29), Grouping::week);
    const std::string svg = render::report_svg(weeks, Unit::ml);
    CHECK(svg.find("class=\"bar pumped partial\" fill-opacity=\"0.45\"") != std::string::npos);
    CHECK(svg.find("2026-W47 (partial: 5 of 7 days): 90 ml pumped") != std::string::npos);
    CHECK(svg.find(">W47*<") != std::string::npos);
    CHECK(svg.find(">W48<") != std::string::npos);
    CHECK(svg.find("* a week the period covers only in part") != std::string::npos);
    CHECK(svg.find("class=\"bar pumped\" ") != std::string::npos);  // W48 is whole
}

TEST_CASE("a note says when left and right were recorded for only some sessions") {
    const TestJournal some({pump_sides("P1", "2026-11-20T06:00:00+01:00", 40, 50), pump("P2", "2026-11-20T10:00:00+01:00", 100),
                            pump("P3", "2026-11-20T14:00:00+01:00", 80)});
    const Report r = report_of(some, day(2026, 11, 20), day(2026, 11, 20));
    CHECK(r.total.sided_sessions == 1);
    const std::string note = "Left/right were recorded for 1 of 3 sessions; the side columns cover those only.";
    CHECK(render::report_table(r, Unit::ml, false, render::Style()).find(note) != std::string::npos);
    CHECK(render::report_markdown(r, Unit::ml).find("\n" + note + "\n") != std::string::npos);
    CHECK(render::report_html(r, Unit::ml, "").find("<p class=\"note\">" + note + "</p>") != std::string::npos);
    const TestJournal all({pump_sides("P1", "2026-11-20T06:00:00+01:00", 40, 50)});
    CHECK(render::report_table(report_of(all, day(2026, 11, 20), day(2026, 11, 20)), Unit::ml, false, render::Style())
              .find("Left/right were") == std::string::npos);
    const TestJournal none({pump("P1", "2026-11-20T06:00:00+01:00", 40)});
    CHECK(render::report_markdown(report_of(none, day(2026, 11, 20), day(2026, 11, 20)), Unit::ml)
              .find("Left/right were") == std::string::npos);
}

TEST_CASE("Markdown has human column headers") {
    const TestJournal j({pump("P1", "2026-11-20T06:00:00+01:00", 40)});
    const std::string md = render::report_markdown(report_of(j, day(2026, 11, 16), day(2026, 11, 29), Grouping::week), Unit::oz);
    CHECK(md.substr(0, md.find('\n')) ==
          "| ISO week | Sessions | Skipped | Pumped (oz) | Left (oz) | Right (oz) | Feeds | Bottles (oz) | At the breast | "
          "Nursing (min) | Stored (oz) | Used (oz) | Discarded (oz) |");
    CHECK(md.find("pump_sessions") == std::string::npos);
    CHECK(md.find("| 2026-W47 | 1 | - | 1.4 |") != std::string::npos);
}

std::string baby_bottle(const std::string& id, const std::string& at, double ml, const std::string& baby) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"bottle","ml":{},"milk":"breast","baby":"{}"}})",
                       id, at, ml, baby);
}

Report babies_report(const TestJournal& journal, date::sys_days first, date::sys_days last, Grouping by,
                     std::vector<std::string> configured, std::string only = {}) {
    ReportRequest request;
    request.period = DayRange{first, last};
    request.by = by;
    request.today = day(2027, 6, 1);
    request.babies = std::move(configured);
    request.baby = std::move(only);
    return make_report(journal.journal(), request);
}

TEST_CASE("twins: each baby's feeds are tallied per day, hour and week beside the shared pumping") {
    const TestJournal j({
        pump("P1", "2026-11-20T06:00:00+01:00", 200),
        baby_bottle("A1", "2026-11-20T07:00:00+01:00", 90, "Ada"),
        baby_bottle("B1", "2026-11-20T07:20:00+01:00", 70, " Ben "),  // spaces around it (a hand-edited line): Ben
        baby_bottle("A2", "2026-11-21T07:00:00+01:00", 80, "ada"),  // the name in another case is the same baby
        R"({"v":1,"id":"B2","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"breast","left_s":600,"right_s":300,"baby":"Ben"})",
        bottle("F1", "2026-11-21T10:00:00+01:00", 50),  // names no baby: the totals only
        baby_bottle("C1", "2026-11-21T11:00:00+01:00", 40, "Cy"),  // named by an import, not configured
    });
    const Report r = babies_report(j, day(2026, 11, 20), day(2026, 11, 21), Grouping::day, {"Ada", "Ben"});
    REQUIRE(r.babies == std::vector<std::string>{"Ada", "Ben", "Cy"});
    REQUIRE(r.rows.size() == 2);
    REQUIRE(r.rows[0].babies.size() == 3);
    CHECK(r.rows[0].babies[0].feeds == 1);
    CHECK(r.rows[0].babies[0].bottle.ml() == 90);
    CHECK(r.rows[0].babies[1].bottle.ml() == 70);
    CHECK(r.rows[1].babies[0].bottle.ml() == 80);
    CHECK(r.rows[1].babies[1].breast_feeds == 1);
    CHECK(r.rows[1].babies[1].breast_time == std::chrono::seconds(900));
    CHECK(r.rows[1].babies[2].bottle.ml() == 40);
    CHECK(r.rows[1].tally.feeds == 4);
    CHECK(r.rows[0].tally.pumped.ml() == 200);
    CHECK(r.baby_totals[0].feeds == 2);
    CHECK(r.baby_totals[0].bottle.ml() == 170);
    CHECK(r.baby_totals[1].feeds == 2);
    CHECK(r.total.feeds == 6);
    CHECK(r.hours[7].babies[0].feeds == 2);
    CHECK(r.hours[7].babies[1].feeds == 1);
    CHECK(r.hours[9].babies[1].breast_feeds == 1);
    CHECK(r.balance.drinker == "the babies");
    // A configured baby no feed names yet still has its columns, of nothing.
    const Report four = babies_report(j, day(2026, 11, 20), day(2026, 11, 21), Grouping::day, {"Dee", "Ada", "Ben"});
    REQUIRE(four.babies == std::vector<std::string>{"Dee", "Ada", "Ben", "Cy"});
    CHECK(four.rows[1].babies[0].empty());
    CHECK(four.baby_totals[0].feeds == 0);
    CHECK(four.baby_totals[1].feeds == 2);
    const Report weeks = babies_report(j, day(2026, 11, 20), day(2026, 11, 21), Grouping::week, {"Ada", "Ben"});
    CHECK(weeks.rows[0].babies[0].bottle.ml() == 170);
    CHECK(weeks.rows[0].babies[1].feeds == 2);

    const std::string csv = render::report_csv(r, Unit::ml);
    CHECK(csv.substr(0, csv.find('\n')) ==
          "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,"
          "discarded_ml,skipped,days,feeds_Ada,bottle_ml_Ada,breast_feeds_Ada,breast_min_Ada,feeds_Ben,bottle_ml_Ben,"
          "breast_feeds_Ben,breast_min_Ben,feeds_Cy,bottle_ml_Cy,breast_feeds_Cy,breast_min_Cy");
    CHECK(csv.find("\n2026-11-21,0,0,0,0,4,170,1,15,0,0,0,0,1,1,80,0,0,1,0,1,15,1,40,0,0\n") != std::string::npos);
    const std::string json = render::report_json(r, Unit::ml);
    CHECK(json.find(R"("babies": {
      "Ada": {
        "feeds": 1,
        "bottle_ml": 90,)") != std::string::npos);
    CHECK(render::report_table(r, Unit::ml, false, render::Style()).find("1 feed that names no baby counts in the totals only.") !=
          std::string::npos);
}

TEST_CASE("with --baby the stash balance sets the pumping against every baby's bottles, never one baby's") {
    const TestJournal j({
        pump("P1", "2026-11-20T06:00:00+01:00", 300),
        baby_bottle("A1", "2026-11-20T07:00:00+01:00", 250, "Ada"),
        baby_bottle("B1", "2026-11-20T07:20:00+01:00", 180, "Ben"),
    });
    const Report ben = babies_report(j, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {"Ada", "Ben"}, "Ben");
    CHECK(ben.total.bottle.ml() == 180);
    CHECK(render::balance_sentence(ben.balance, Unit::ml) ==
          "Pumped 300 ml, the babies drank 430 ml from bottles (Ben 180 ml): 130 ml less than drunk.");
    const Report all = babies_report(j, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {"Ada", "Ben"});
    CHECK(render::balance_sentence(all.balance, Unit::ml) ==
          "Pumped 300 ml, the babies drank 430 ml from bottles: 130 ml less than drunk.");
    // Formula is not the stash's, and the other baby's formula is named with the rest.
    const TestJournal formula({
        pump("P1", "2026-11-20T06:00:00+01:00", 300),
        baby_bottle("A1", "2026-11-20T07:00:00+01:00", 250, "Ada"),
        baby_bottle("B1", "2026-11-20T07:20:00+01:00", 180, "Ben"),
        std::string(R"({"v":1,"id":"F1","type":"feed","at":"2026-11-20T09:00:00+01:00","method":"bottle","ml":60,)"
                    R"("milk":"formula","baby":"Ada"})"),
    });
    const Report part = babies_report(formula, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {"Ada", "Ben"},
                                      "Ben");
    CHECK(render::balance_sentence(part.balance, Unit::ml) ==
          "Pumped 300 ml, the babies drank 430 ml of breast milk from bottles, Ben 180 ml of it (and 60 ml of "
          "formula): 130 ml less than drunk.");
    // The other baby only at the breast: Ben's bottles are all the bottles, and the sentence says Ben drank them.
    const TestJournal breast({
        pump("P1", "2026-11-20T06:00:00+01:00", 300),
        std::string(R"({"v":1,"id":"A1","type":"feed","at":"2026-11-20T07:00:00+01:00","method":"breast","dur_s":600,)"
                    R"("baby":"Ada"})"),
        baby_bottle("B1", "2026-11-20T07:20:00+01:00", 180, "Ben"),
    });
    const Report alone = babies_report(breast, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {"Ada", "Ben"},
                                       "Ben");
    CHECK(render::balance_sentence(alone.balance, Unit::ml) ==
          "Pumped 300 ml, Ben drank 180 ml from bottles: +120 ml to the stash.");
}

// The legend items of a chart: each name shown (a cut one without its <title>) and where it ends, at the 7 px
// a column the layout counts.
std::vector<std::pair<std::string, double>> legend_ends(const std::string& svg) {
    std::vector<std::pair<std::string, double>> items;
    static const std::regex item(R"re(<text x="([0-9.]+)" y="[0-9]+" fill="#222222">)re"
                                 R"re((?:<title>[^<]*</title>)?([^<]*)</text>)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), item); it != std::sregex_iterator(); ++it)
        items.emplace_back((*it)[2], std::stod((*it)[1]) + 7.0 * static_cast<double>(display_width((*it)[2].str())));
    return items;
}

TEST_CASE("the hour chart's legend wraps inside the chart and every baby of many has a look of its own") {
    // Review s47 #3: five babies ran the legend off the chart (x 1113 in 816), the fifth in the first's colour.
    std::vector<std::string> names{"Ada", "Ben", "Cleo", "Dmitri", "Eleanor-Josephine"};
    const auto journal_of = [](const std::vector<std::string>& babies) {
        std::vector<std::string> lines{pump("P1", "2026-11-20T07:00:00+01:00", 100)};
        for (std::size_t i = 0; i < babies.size(); ++i)
            lines.push_back(baby_bottle(fmt::format("F{}", i), fmt::format("2026-11-20T{:02d}:00:00+01:00", i + 1), 60,
                                        babies[i]));
        return lines;
    };
    const TestJournal five(journal_of(names));
    const std::string svg =
        render::hours_svg(babies_report(five, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {}));
    CHECK(svg.find("width=\"816.0\" height=\"392.0\"") != std::string::npos);  // one row more: 20 px taller
    const auto items = legend_ends(svg);
    REQUIRE(items.size() == 6);
    CHECK(items.back() == std::pair<std::string, double>{"pumps", 94.0 + 35});  // the second row's first
    CHECK(svg.find("<text x=\"94.0\" y=\"91\" fill=\"#222222\">pumps</text>") != std::string::npos);
    for (const auto& [name, end] : items) {
        INFO(name);
        CHECK(end <= 816 - 24);
    }
    // The plot moved down with the legend: the axis at 92 + 20 + 220.
    CHECK(svg.find("<line x1=\"72.0\" y1=\"112.0\" x2=\"72.0\" y2=\"332.0\" stroke=\"#444444\"/>") !=
          std::string::npos);
    // Five colours, none the first's again.
    for (const char* color : {"#d9622b", "#8e44ad", "#2e8b57", "#b8860b", "#c2185b"})
        CHECK(svg.find(fmt::format("<g fill=\"{}\">", color)) != std::string::npos);
    // Past eight, the colours come again hatched; a name too long for a row is cut, whole in its tooltip.
    for (const char* more : {"Fatima", "Gus", "Hiroshi", "Ines"}) names.emplace_back(more);
    const std::string long_name(150, 'K');
    names.push_back(long_name);
    const TestJournal ten(journal_of(names));
    const std::string many =
        render::hours_svg(babies_report(ten, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {}));
    CHECK(many.find("<pattern id=\"hours-hatch8\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
                    "<rect width=\"6\" height=\"6\" fill=\"#d9622b\"/>") != std::string::npos);
    CHECK(many.find("<g fill=\"url(#hours-hatch8)\">") != std::string::npos);
    CHECK(many.find("<g fill=\"url(#hours-hatch9)\">") != std::string::npos);
    CHECK(many.find("<title>feeds (" + long_name + ")</title>feeds (KKK") != std::string::npos);
    const auto rows = legend_ends(many);
    REQUIRE(rows.size() == 11);
    for (const auto& [name, end] : rows) {
        INFO(name);
        CHECK(end <= 816 - 24);
    }
    CHECK(rows[9].first.ends_with("K\u2026"));
}

TEST_CASE("twins: --baby counts that baby's feeds only, pumping and the stash whole") {
    const TestJournal j({
        pump("P1", "2026-11-20T06:00:00+01:00", 200),
        store("S1", "2026-11-20T06:05:00+01:00", 100),
        baby_bottle("A1", "2026-11-20T07:00:00+01:00", 90, "Ada"),
        baby_bottle("B1", "2026-11-20T07:20:00+01:00", 70, "Ben"),
        bottle("F1", "2026-11-20T10:00:00+01:00", 50),
    });
    const Report r = babies_report(j, day(2026, 11, 20), day(2026, 11, 20), Grouping::day, {"Ada", "Ben"}, "Ben");
    CHECK(r.babies.empty());
    CHECK(r.rows[0].babies.empty());
    CHECK(r.total.feeds == 1);
    CHECK(r.total.bottle.ml() == 70);
    CHECK(r.total.pumped.ml() == 200);
    CHECK(r.total.stored.ml() == 100);
    CHECK(r.hours[7].tally.feeds == 1);
    // The stash balance is the parent's: pumping against every baby's bottles, with Ben's part named.
    CHECK(r.balance.drinker == "the babies");
    CHECK(r.balance.breast_milk_drunk.ml() == 210);
    CHECK(r.balance.baby_drunk.ml() == 70);
    CHECK(render::balance_sentence(r.balance, Unit::ml) ==
          "Pumped 200 ml, the babies drank 210 ml from bottles (Ben 70 ml): 10 ml less than drunk.");
    CHECK(render::report_csv(r, Unit::ml) ==
          "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,"
          "discarded_ml,skipped,days\n"
          "2026-11-20,1,200,0,0,1,70,0,0,100,0,0,0,1\n");
    CHECK(render::report_table(r, Unit::ml, false, render::Style()).find(
              "Feeds and bottles are Ben's only; pumping and the stash are shared.") != std::string::npos);
}

TEST_CASE("one baby or none: the report is the same as without names") {
    const std::vector<std::string> plain{pump("P1", "2026-11-20T06:00:00+01:00", 200),
                                         bottle("F1", "2026-11-20T07:00:00+01:00", 90)};
    const TestJournal unnamed(plain);
    const TestJournal named({pump("P1", "2026-11-20T06:00:00+01:00", 200),
                             baby_bottle("F1", "2026-11-20T07:00:00+01:00", 90, "Ada")});
    const Report base = babies_report(unnamed, day(2026, 11, 20), day(2026, 11, 21), Grouping::day, {});
    for (const auto& configured : {std::vector<std::string>{}, std::vector<std::string>{"Ada"}}) {
        const Report r = babies_report(named, day(2026, 11, 20), day(2026, 11, 21), Grouping::day, configured);
        CHECK(r.babies.empty());
        CHECK(render::report_csv(r, Unit::ml) == render::report_csv(base, Unit::ml));
        CHECK(render::report_json(r, Unit::ml) == render::report_json(base, Unit::ml));
        CHECK(render::report_table(r, Unit::ml, true, render::Style()) ==
              render::report_table(base, Unit::ml, true, render::Style()));
        CHECK(render::report_html(r, Unit::ml, "") == render::report_html(base, Unit::ml, ""));
    }
}

TEST_CASE("every day of the period has a row, empty days too") {
    const TestJournal j({pump("P1", "2026-11-18T07:00:00+01:00", 90)});
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    REQUIRE(r.rows.size() == 7);
    CHECK(r.rows.front().label == "2026-11-15");
    CHECK(r.rows.back().label == "2026-11-21");
    CHECK(r.rows[3].tally.pumped.ml() == 90);
    for (std::size_t i : {0u, 1u, 2u, 4u, 5u, 6u}) CHECK(r.rows[i].tally.empty());
}

TEST_CASE("entries outside the period are not counted") {
    const TestJournal j({pump("P1", "2026-11-14T23:59:00+01:00", 50), pump("P2", "2026-11-15T00:00:00+01:00", 60),
                         pump("P3", "2026-11-21T23:59:00+01:00", 70), pump("P4", "2026-11-22T00:00:00+01:00", 80)});
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    CHECK(r.total.pump_sessions == 2);
    CHECK(r.total.pumped.ml() == 130);
}

TEST_CASE("voided entries are left out and amendments applied") {
    const TestJournal j({
        pump("P1", "2026-11-20T07:00:00+01:00", 100),
        pump("P2", "2026-11-20T11:00:00+01:00", 90),
        pump("P3", "2026-11-20T15:00:00+01:00", 80),
        bottle("F1", "2026-11-20T09:00:00+01:00", 120),
        void_of("V1", "2026-11-20T11:05:00+01:00", "P2"),
        amend("A1", "2026-11-20T12:00:00+01:00", "P1", R"({"ml":130})"),
        // P3 moved to the day before, F1 voided then the void voided (back in effect).
        amend("A2", "2026-11-20T16:00:00+01:00", "P3", R"({"at":"2026-11-19T22:00:00+01:00"})"),
        void_of("V2", "2026-11-20T16:10:00+01:00", "F1"),
        void_of("V3", "2026-11-20T16:20:00+01:00", "V2"),
    });
    const Report r = report_of(j, day(2026, 11, 19), day(2026, 11, 20));
    const Tally& t20 = row(r, "2026-11-20");
    CHECK(t20.pump_sessions == 1);
    CHECK(t20.pumped.ml() == 130);
    CHECK(t20.bottle.ml() == 120);
    const Tally& t19 = row(r, "2026-11-19");
    CHECK(t19.pump_sessions == 1);
    CHECK(t19.pumped.ml() == 80);
    CHECK(r.total.pumped.ml() == 210);
}

TEST_CASE("a correction written before its target restarts the count without counting twice") {
    // A merge can put a void before the entry it cancels: the replay starts over.
    const TestJournal j({
        void_of("V1", "2026-11-20T08:00:00+01:00", "P2"),
        pump("P1", "2026-11-20T07:00:00+01:00", 100),
        pump("P2", "2026-11-20T07:30:00+01:00", 50),
        bottle("F1", "2026-11-20T09:00:00+01:00", 120),
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 20));
    CHECK(r.total.pump_sessions == 1);
    CHECK(r.total.pumped.ml() == 100);
    CHECK(r.total.feeds == 1);
    CHECK(r.total.bottle.ml() == 120);
    CHECK(r.hours[7].tally.pump_sessions == 1);
}

TEST_CASE("a pump at 23:30 counts for its evening") {
    const TestJournal j({pump("P1", "2026-11-20T23:30:00+01:00", 110)});
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 21));
    CHECK(row(r, "2026-11-20").pumped.ml() == 110);
    CHECK(row(r, "2026-11-21").pumped.ml() == 0);
    CHECK(r.hours[23].tally.pump_sessions == 1);
}

TEST_CASE("the date written in the entry decides its day whatever the offset") {
    // Logged in New York at 23:30 local: in Berlin (or UTC) it is already the
    // next morning, yet it counts for the evening it was written for.
    const TestJournal j({pump("P1", "2026-11-20T23:30:00-05:00", 110),
                         // At UTC+14 the first minutes of a day are the previous day's morning in UTC.
                         pump("P2", "2026-11-21T00:15:00+14:00", 70)});
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 21));
    CHECK(row(r, "2026-11-20").pumped.ml() == 110);
    CHECK(row(r, "2026-11-21").pumped.ml() == 70);
    CHECK(r.hours[23].tally.pumped.ml() == 110);
    CHECK(r.hours[0].tally.pumped.ml() == 70);
    // A period of that day alone still finds the entry written far east.
    const Report only = report_of(j, day(2026, 11, 21), day(2026, 11, 21));
    CHECK(only.total.pumped.ml() == 70);
}

TEST_CASE("the report reads the journal from its end back to the period only") {
    std::vector<std::string> lines = old_pumps(12000);
    // the last old one written by pumplog then (its ULID id): what lets a read stop before the start
    lines.push_back(pump(make_ulid(day(2025, 1, 10) + std::chrono::hours(22)), "2025-01-10T23:00:00+01:00", 1));
    lines.push_back(pump("P1", "2026-11-20T07:00:00+01:00", 90));
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 14), day(2026, 11, 20), Grouping::day, day(2026, 11, 21));
    CHECK(r.total.pumped.ml() == 90);
    CHECK(r.stats.stopped_early);
    CHECK(r.stats.bytes_read < j.size() / 2);
}

TEST_CASE("breast minutes come from the timed sides, else the duration") {
    const TestJournal j({
        nursing("F1", "2026-11-20T03:00:00+01:00", R"("left_s":720,"right_s":480)"),
        nursing("F2", "2026-11-20T07:00:00+01:00", R"("left_s":600)"),
        nursing("F3", "2026-11-20T11:00:00+01:00", R"("dur_s":900)"),
        nursing("F4", "2026-11-20T15:00:00+01:00", R"("left_s":300,"right_s":300,"dur_s":1500)"),
        nursing("F5", "2026-11-20T19:00:00+01:00", R"("right_s":90)"),
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 20));
    CHECK(r.total.breast_feeds == 5);
    CHECK(r.total.feeds == 5);
    CHECK(r.total.breast_time == std::chrono::seconds(720 + 480 + 600 + 900 + 600 + 90));
    CHECK(r.hours[3].tally.breast_time == std::chrono::seconds(1200));
    CHECK(render::report_csv(r, Unit::ml).find("2026-11-20,0,0,0,0,5,0,5,56.5,0,0,0,0") != std::string::npos);
}

TEST_CASE("feeds count bottle and breast feeds, and a feed without a method is a bad line as log check calls it") {
    const TestJournal j({
        bottle("F1", "2026-11-20T08:00:00+01:00", 100),
        nursing("F2", "2026-11-20T10:00:00+01:00", R"("dur_s":600)"),
        R"({"v":1,"id":"F3","type":"feed","at":"2026-11-20T12:00:00+01:00","ml":40})",
        R"({"v":1,"id":"X1","type":"weigh","at":"2026-11-20T12:00:00+01:00","grams":4100})",
        R"({"v":1,"id":"M1","type":"move","at":"2026-11-20T13:00:00+01:00","target":"S0","place":"fridge"})",
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 20));
    CHECK(r.total.feeds == 2);
    CHECK(r.total.breast_feeds == 1);
    CHECK(r.total.bottle.ml() == 100);
    CHECK(r.total.pump_sessions == 0);
    CHECK(r.total.stored.ml() == 0);
}

TEST_CASE("a discard counts what was left in the container") {
    const TestJournal j({
        store("S1", "2026-11-16T10:00:00+01:00", 150),
        use("U1", "2026-11-17T08:00:00+01:00", "S1", 60),
        use("U2", "2026-11-18T08:00:00+01:00", "S1", 30.5),
        discard("D1", "2026-11-19T21:00:00+01:00", "S1"),
        store("S2", "2026-11-18T10:00:00+01:00", 100),
        use("U3", "2026-11-18T12:00:00+01:00", "S2", 100),
        discard("D2", "2026-11-19T22:00:00+01:00", "S2"),  // used up: nothing thrown away
    });
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    CHECK(row(r, "2026-11-16").stored.ml() == 150);
    CHECK(row(r, "2026-11-17").used.ml() == 60);
    CHECK(row(r, "2026-11-18").used.ml() == Approx(130.5));
    CHECK(row(r, "2026-11-18").stored.ml() == 100);
    CHECK(row(r, "2026-11-19").discarded.ml() == Approx(59.5));
    CHECK(r.hours[21].tally.discarded.ml() == Approx(59.5));
    CHECK(r.total.stored.ml() == 250);
    CHECK(r.total.used.ml() == Approx(190.5));
    CHECK(r.total.discarded.ml() == Approx(59.5));
}

TEST_CASE("a voided use or an amended store changes what a discard threw away") {
    const TestJournal j({
        store("S1", "2026-11-16T10:00:00+01:00", 150),
        use("U1", "2026-11-17T08:00:00+01:00", "S1", 60),
        void_of("V1", "2026-11-17T08:05:00+01:00", "U1"),
        amend("A1", "2026-11-17T09:00:00+01:00", "S1", R"({"ml":140})"),
        use("U2", "2026-11-18T08:00:00+01:00", "S1", 40),
        discard("D1", "2026-11-19T21:00:00+01:00", "S1"),
        discard("D2", "2026-11-19T21:30:00+01:00", "NO-SUCH-CONTAINER"),
    });
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    CHECK(r.total.stored.ml() == 140);
    CHECK(r.total.used.ml() == 40);
    CHECK(r.total.discarded.ml() == 100);
}

TEST_CASE("a discard finds its container stored before the period") {
    // The store is weeks older than the period and 3000 lines back: the first
    // pass stops before it, a second bounded look-up finds it.
    std::vector<std::string> lines;
    lines.push_back(store("S1", "2026-09-01T10:00:00+02:00", 180));
    lines.push_back(use("U1", "2026-09-20T08:00:00+02:00", "S1", 50));
    for (auto& l : old_pumps(3000, "2026-10-01")) lines.push_back(l);
    lines.push_back(use("U2", "2026-11-18T08:00:00+01:00", "S1", 20));
    lines.push_back(discard("D1", "2026-11-19T21:00:00+01:00", "S1"));
    // And one stored more than a year before (found by reading everything).
    const auto older = old_pumps(300, "2025-07-01");
    lines.insert(lines.begin(), older.begin(), older.end());
    lines.insert(lines.begin(), store("S0", "2025-06-01T10:00:00+02:00", 75));
    lines.push_back(discard("D0", "2026-11-20T21:00:00+01:00", "S0"));
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    CHECK(row(r, "2026-11-19").discarded.ml() == 110);
    CHECK(row(r, "2026-11-20").discarded.ml() == 75);
    CHECK(r.total.stored.ml() == 0);  // stored before the period
    CHECK(r.total.used.ml() == 20);
}

TEST_CASE("a use of more than its container still held counts what was left, as the stash counts it") {
    // S1 is stored weeks before the period, 3000 lines back, and used from then: the look-up finds both.
    std::vector<std::string> lines;
    lines.push_back(store("S1", "2026-09-01T10:00:00+02:00", 100));
    lines.push_back(use("U1", "2026-09-20T08:00:00+02:00", "S1", 60));
    for (auto& l : old_pumps(3000, "2026-10-01")) lines.push_back(l);
    lines.push_back(use("U2", "2026-11-18T08:00:00+01:00", "S1", 60));  // 40 ml left
    lines.push_back(use("U3", "2026-11-19T08:00:00+01:00", "S1", 10));  // after it was used up
    lines.push_back(store("S2", "2026-11-17T10:00:00+01:00", 50));
    lines.push_back(use("U4", "2026-11-17T12:00:00+01:00", "S2", 150));  // 50 ml left
    lines.push_back(store("S3", "2026-11-17T10:00:00+01:00", 100));
    lines.push_back(use("U5", "2026-11-17T12:00:00+01:00", "S3", 70));  // within what it held
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21));
    CHECK(row(r, "2026-11-17").used.ml() == 120);
    CHECK(row(r, "2026-11-18").used.ml() == Approx(40));
    CHECK(row(r, "2026-11-19").used.ml() == 0);
    CHECK(r.hours[8].tally.used.ml() == Approx(40));
    CHECK(r.hours[12].tally.used.ml() == 120);
    CHECK(r.total.used.ml() == Approx(160));
    CHECK(r.balance.stash_used.ml() == Approx(160));
}

TEST_CASE("a leftover is not stored milk: its store, uses and discard count nothing, in both reads") {
    // A bottle of 100 ml from S1 on the 17th, 40 ml left over (L1, a store with `until` and the feed it came from),
    // given again (30 ml) on the 18th and its rest thrown away: 100 ml left storage in all, not 170. L2, a leftover
    // stored 3000 lines before the period, is looked up: its use in the period counts nothing either.
    const auto leftover = [](const std::string& id, const std::string& at, const std::string& until, double ml) {
        return fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"room","label":"{}",)"
                           R"("pumped":"{}","until":"{}","from":"F-{}"}})",
                           id, at, ml, id, at, until, id);
    };
    std::vector<std::string> lines;
    lines.push_back(store("S0", "2026-09-01T10:00:00+02:00", 200));
    lines.push_back(use("U0", "2026-11-14T23:00:00+01:00", "S0", 50));
    lines.push_back(leftover("L2", "2026-11-14T23:00:00+01:00", "2026-11-15T01:00:00+01:00", 20));
    lines.push_back(use("UL2", "2026-11-15T00:30:00+01:00", "L2", 20));
    for (auto& l : old_pumps(3000, "2026-10-01")) lines.push_back(l);
    lines.push_back(store("S1", "2026-11-16T10:00:00+01:00", 140));
    lines.push_back(bottle("F1", "2026-11-17T07:00:00+01:00", 60));
    lines.push_back(use("U1", "2026-11-17T07:00:00+01:00", "S1", 100));
    lines.push_back(leftover("L1", "2026-11-17T07:00:00+01:00", "2026-11-17T09:00:00+01:00", 40));
    lines.push_back(use("UL1", "2026-11-17T08:00:00+01:00", "L1", 30));
    lines.push_back(discard("DL1", "2026-11-17T08:30:00+01:00", "L1"));
    lines.push_back(use("U2", "2026-11-18T08:00:00+01:00", "S1", 30));
    const TestJournal j(lines);
    ReportRequest request;
    request.period = DayRange{day(2026, 11, 15), day(2026, 11, 21)};
    request.today = day(2026, 11, 21);
    for (const Grouping by : {Grouping::day, Grouping::hour}) {
        request.by = by;
        const Report report = make_report(j.journal(), request);
        const ReportAndStock both =
            make_report_and_stock(j.journal(), request, cdc_guideline(), Seconds(day(2026, 11, 19)));
        for (const Report* r : {&report, &both.report}) {
            CHECK(r->total.stored.ml() == 140);
            CHECK(r->total.used.ml() == 130);
            CHECK(r->total.discarded.ml() == 0);
            CHECK(r->balance.stash_used.ml() == 130);
        }
        if (by == Grouping::day) {
            CHECK(row(report, "2026-11-15").used.ml() == 0);
            CHECK(row(report, "2026-11-17").used.ml() == 100);
        } else {
            CHECK(row(report, "07:00").used.ml() == 100);
            CHECK(row(report, "08:00").used.ml() == 30);
        }
    }
}

TEST_CASE("ISO weeks run across a year boundary") {
    CHECK(iso_week_label(day(2026, 12, 28)) == "2026-W53");
    CHECK(iso_week_label(day(2027, 1, 1)) == "2026-W53");
    CHECK(iso_week_label(day(2027, 1, 3)) == "2026-W53");
    CHECK(iso_week_label(day(2027, 1, 4)) == "2027-W01");
    CHECK(iso_week_label(day(2024, 12, 30)) == "2025-W01");
    CHECK(iso_week_label(day(2021, 1, 3)) == "2020-W53");
    CHECK(iso_week_label(day(2026, 11, 21)) == "2026-W47");

    const TestJournal j({
        pump("P1", "2026-12-27T07:00:00+01:00", 10),  // Sunday of 2026-W52
        pump("P2", "2026-12-31T07:00:00+01:00", 20),
        pump("P3", "2027-01-02T07:00:00+01:00", 40),
        pump("P4", "2027-01-04T07:00:00+01:00", 80),
    });
    const Report r = report_of(j, day(2026, 12, 27), day(2027, 1, 5), Grouping::week);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].label == "2026-W52");
    CHECK(r.rows[0].days == 1);
    CHECK(r.rows[0].tally.pumped.ml() == 10);
    CHECK(r.rows[1].label == "2026-W53");
    CHECK(r.rows[1].days == 7);
    CHECK(r.rows[1].tally.pumped.ml() == 60);
    CHECK(r.rows[1].tally.pump_sessions == 2);
    CHECK(r.rows[2].label == "2027-W01");
    CHECK(r.rows[2].days == 2);
    CHECK(r.rows[2].tally.pumped.ml() == 80);
}

TEST_CASE("months group by the calendar month") {
    const TestJournal j({pump("P1", "2026-10-31T23:30:00+01:00", 10), pump("P2", "2026-11-01T00:30:00+01:00", 20)});
    const Report r = report_of(j, day(2026, 10, 30), day(2026, 11, 2), Grouping::month);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].label == "2026-10");
    CHECK(r.rows[0].tally.pumped.ml() == 10);
    CHECK(r.rows[1].label == "2026-11");
    CHECK(r.rows[1].tally.pumped.ml() == 20);
    CHECK(render::report_columns(Grouping::month, Unit::ml)[0] == "month");
}

TEST_CASE("the hour of day pattern has 24 rows over the whole period") {
    const TestJournal j({pump("P1", "2026-11-19T07:10:00+01:00", 10), pump("P2", "2026-11-20T07:50:00+01:00", 20),
                         bottle("F1", "2026-11-20T07:00:00+01:00", 90), bottle("F2", "2026-11-20T00:00:00+01:00", 30)});
    const Report r = report_of(j, day(2026, 11, 19), day(2026, 11, 20), Grouping::hour);
    REQUIRE(r.rows.size() == 24);
    CHECK(r.rows[0].label == "00:00");
    CHECK(r.rows[0].tally.feeds == 1);
    CHECK(r.rows[7].label == "07:00");
    CHECK(r.rows[7].tally.pump_sessions == 2);
    CHECK(r.rows[7].tally.pumped.ml() == 30);
    CHECK(r.rows[7].tally.bottle.ml() == 90);
    CHECK(r.total.pumped.ml() == 30);
}

TEST_CASE("ounces switch the values and the column names") {
    const TestJournal j({pump_sides("P1", "2026-11-20T07:00:00+01:00", 40, 50), bottle("F1", "2026-11-20T08:00:00+01:00", 120)});
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 20));
    CHECK(render::report_csv(r, Unit::oz) ==
          "date,pump_sessions,pumped_oz,left_oz,right_oz,feeds,bottle_oz,breast_feeds,breast_min,stored_oz,used_oz,"
          "discarded_oz,skipped,days\n"
          "2026-11-20,1,3.04,1.35,1.69,1,4.06,0,0,0,0,0,0,1\n");
    CHECK(render::report_json(r, Unit::oz).find("\"pumped_oz\": 3.04") != std::string::npos);
}

TEST_CASE("the trend compares the last 7 complete days with the 7 before") {
    std::vector<std::string> lines;
    // 100 ml a day from 11-01 to 11-07, 110 ml a day from 11-08 to 11-14, and a partial today.
    for (int d = 1; d <= 14; ++d)
        lines.push_back(pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), d <= 7 ? 100 : 110));
    lines.push_back(pump("P15", "2026-11-15T07:00:00+01:00", 5));
    const TestJournal j(lines);
    // The period ends today (11-15): today is not over, the trend ends on 11-14.
    const Report r = report_of(j, day(2026, 11, 8), day(2026, 11, 15), Grouping::day, day(2026, 11, 15));
    CHECK(r.trend.recent.first == day(2026, 11, 8));
    CHECK(r.trend.recent.last == day(2026, 11, 14));
    CHECK(r.trend.recent_pumped.ml() == 770);
    CHECK(r.trend.previous_pumped.ml() == 700);
    REQUIRE(r.trend.percent);
    CHECK(*r.trend.percent == Approx(10));
    CHECK(r.trend.direction == Trend::Direction::up);
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 770 ml pumped in the 7 days to 2026-11-14, up 10% on the 7 days before (700 ml).");
    // A period in the past ends its trend on its last day.
    const Report past = report_of(j, day(2026, 11, 1), day(2026, 11, 14), Grouping::day, day(2026, 11, 20));
    CHECK(past.trend.recent.last == day(2026, 11, 14));
    // Within 5% either way is steady; no earlier pumps means nothing to compare.
    const Report early = report_of(j, day(2026, 11, 1), day(2026, 11, 7), Grouping::day, day(2026, 11, 20));
    CHECK_FALSE(early.trend.percent);
    CHECK(early.trend.direction == Trend::Direction::unknown);
}

TEST_CASE("the trend keeps to the complete days of the period") {
    std::vector<std::string> lines;
    for (int d = 1; d <= 14; ++d)
        lines.push_back(
            pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), d <= 7 ? 100 : 110));
    const TestJournal j(lines);
    // The last 7 days with today (11-15) not over: 6 complete days, 11-08 is not the period's.
    const Report r = report_of(j, day(2026, 11, 9), day(2026, 11, 15), Grouping::day, day(2026, 11, 15));
    CHECK(r.trend.recent.first == day(2026, 11, 9));
    CHECK(r.trend.recent.last == day(2026, 11, 14));
    CHECK(r.trend.previous.first == day(2026, 11, 3));
    CHECK(r.trend.previous.last == day(2026, 11, 8));
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 660 ml pumped in the 6 days to 2026-11-14, up 8% on the 6 days before (610 ml).");
    // A period of 3 days in the past: 3 days against the 3 before.
    const Report shorter = report_of(j, day(2026, 11, 8), day(2026, 11, 10));
    CHECK(render::trend_sentence(shorter.trend, Unit::ml) ==
          "Trend: 330 ml pumped in the 3 days to 2026-11-10, up 10% on the 3 days before (300 ml).");
    // Only today: no day of the period is over.
    const Report today = report_of(j, day(2026, 11, 15), day(2026, 11, 15), Grouping::day, day(2026, 11, 15));
    CHECK(today.trend.missing == Trend::Missing::no_complete_day);
    CHECK(render::trend_sentence(today.trend, Unit::ml) == "Trend: none yet, as no day of the period is over.");
}

// The trend sentence of the HTML page's read (the stash's, passing over old
// lines) for 2026-11-05 to 2026-11-11.
std::string html_page_trend(const TestJournal& j) {
    ReportRequest request;
    request.period = DayRange{day(2026, 11, 5), day(2026, 11, 11)};
    request.today = day(2026, 11, 11);
    const ReportAndStock both = make_report_and_stock(j.journal(), request, cdc_guideline(), Seconds(day(2026, 11, 9)));
    return render::trend_sentence(both.report.trend, Unit::ml);
}

TEST_CASE("days before the journal's first entry are not days of nothing pumped in the trend") {
    // 450 ml a day from 11-02 (the journal's first day) to 11-10.
    std::vector<std::string> lines;
    for (int d = 2; d <= 10; ++d)
        for (int h : {7, 12, 18})
            lines.push_back(
                pump(fmt::format("P{}-{}", d, h), fmt::format("2026-11-{:02d}T{:02d}:00:00+01:00", d, h), 150));
    const TestJournal j(lines);
    // The 6 complete days to 11-10 against the 3 days the journal has before them, per day: steady.
    const Report r = report_of(j, day(2026, 11, 5), day(2026, 11, 11), Grouping::day, day(2026, 11, 11));
    CHECK(r.trend.previous.first == day(2026, 11, 2));
    CHECK(r.trend.previous.last == day(2026, 11, 4));
    REQUIRE(r.trend.percent);
    CHECK(*r.trend.percent == Approx(0));
    CHECK(r.trend.direction == Trend::Direction::steady);
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 2.7 L pumped in the 6 days to 2026-11-10 (450 ml a day), steady (+0%) on the 3 days before them "
          "since the journal began on 2026-11-02 (450 ml a day).");
    // The HTML page's read (the stash's, passing over old lines) finds the same start.
    CHECK(html_page_trend(j) == render::trend_sentence(r.trend, Unit::ml));
    // Fewer than 3 days before them: too little history to compare.
    const Report early = report_of(j, day(2026, 11, 3), day(2026, 11, 6));
    CHECK(early.trend.missing == Trend::Missing::short_history);
    CHECK_FALSE(early.trend.percent);
    CHECK(render::trend_sentence(early.trend, Unit::ml) ==
          "Trend: 1.8 L pumped in the 4 days to 2026-11-06; the journal begins on 2026-11-02: too little history "
          "before them to compare with.");
    // A period before the journal: the trend stays in it and says nothing is logged.
    const Report before = report_of(j, day(2026, 10, 24), day(2026, 10, 27));
    CHECK(before.trend.missing == Trend::Missing::nothing_logged);
    CHECK(render::trend_sentence(before.trend, Unit::ml) == "Trend: none, as nothing is logged up to 2026-10-27.");
}

TEST_CASE("days with nothing logged inside a journal are left out of the trend not counted as nothing pumped") {
    // Old lines in 2025 (before the days the report reads), then pumps from 11-02 only.
    std::vector<std::string> lines = old_pumps(300);
    for (int d = 2; d <= 10; ++d)
        lines.push_back(pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), 450));
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 5), day(2026, 11, 11), Grouping::day, day(2026, 11, 11));
    CHECK_FALSE(r.trend.journal_begins);
    CHECK(r.trend.previous.first == day(2026, 10, 30));
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 2.7 L pumped in the 6 days to 2026-11-10 (450 ml a day), steady (+0%) on the 6 days before "
          "(450 ml a day; 3 days with nothing logged left out).");
    CHECK(r.trend.previous_unlogged == 3);
    CHECK(r.trend.recent_unlogged == 0);
    CHECK(html_page_trend(j) == render::trend_sentence(r.trend, Unit::ml));
}

TEST_CASE("a day with feeds but no pump is a day with nothing pumped in the trend") {
    // Pumps on every day from 11-01 to 11-10 but 11-07 and 11-08; a feed on
    // 11-07 (logged: nothing pumped) and nothing at all on 11-08 (not logged).
    std::vector<std::string> lines;
    for (int d = 1; d <= 10; ++d)
        if (d != 7 && d != 8)
            lines.push_back(pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), 400));
    lines.push_back(bottle("F7", "2026-11-07T09:00:00+01:00", 90, "breast"));
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 6), day(2026, 11, 11), Grouping::day, day(2026, 11, 11));
    CHECK(r.trend.recent.first == day(2026, 11, 6));
    CHECK(r.trend.recent_unlogged == 1);
    CHECK(r.trend.previous_unlogged == 0);
    // 400 ml on 3 of the 4 logged days (11-07 counts, with nothing pumped) against 400 a day before.
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 1.2 L pumped in the 5 days to 2026-11-10 (300 ml a day; 1 day with nothing logged left out), "
          "down 25% on the 5 days before (400 ml a day).");
}

TEST_CASE("a trend over days with nothing logged says so instead of a fall") {
    std::vector<std::string> lines;
    for (int d = 1; d <= 5; ++d)
        lines.push_back(pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), 400));
    const TestJournal j(lines);
    const Report none = report_of(j, day(2026, 11, 7), day(2026, 11, 12), Grouping::day, day(2026, 11, 12));
    CHECK(none.trend.missing == Trend::Missing::recent_unlogged);
    CHECK(render::trend_sentence(none.trend, Unit::ml) == "Trend: none, as nothing is logged in the 5 days to 2026-11-11.");
    lines.push_back(pump("P12", "2026-11-12T07:00:00+01:00", 400));
    lines.push_back(pump("P13", "2026-11-13T07:00:00+01:00", 400));
    lines.push_back(pump("P14", "2026-11-14T07:00:00+01:00", 400));
    const TestJournal k(lines);
    // 11-08 to 11-14: 3 logged days; the 7 before (11-01 to 11-07) have 5.
    const Report some = report_of(k, day(2026, 11, 8), day(2026, 11, 14), Grouping::day, day(2026, 11, 15));
    CHECK(some.trend.direction == Trend::Direction::steady);
    const Report few = report_of(k, day(2026, 11, 12), day(2026, 11, 14), Grouping::day, day(2026, 11, 15));
    CHECK(few.trend.missing == Trend::Missing::few_logged);
    CHECK(render::trend_sentence(few.trend, Unit::ml) ==
          "Trend: 1.2 L pumped in the 3 days to 2026-11-14; none of the 3 days before have anything logged: "
          "too little to compare with.");
}

TEST_CASE("a trend needs 3 days logged on each side not one or two") {
    // Review s47 #1: one or two earlier days logged gave "down 100%" against a single bottle day.
    std::vector<std::string> lines{pump("P1", "2026-11-05T08:00:00-06:00", 120),
                                   pump("P2", "2026-11-11T08:00:00-06:00", 100),
                                   bottle("F1", "2026-11-20T08:00:00-06:00", 90)};
    const TestJournal one(lines);
    // 11-15 to 11-20 (today 11-21 not over): only the bottle day is logged of the recent 6.
    const Report r = report_of(one, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(r.trend.missing == Trend::Missing::recent_few_logged);
    CHECK_FALSE(r.trend.percent);
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: none, as only 1 of the 6 days to 2026-11-20 has anything logged: too little to compare.");
    // Three recent days logged (the bottle day pumped nothing), but only 1 and then 2 of the days before.
    lines.push_back(pump("P18", "2026-11-18T08:00:00-06:00", 100));
    lines.push_back(pump("P19", "2026-11-19T08:00:00-06:00", 100));
    // Only `days_before` (so many of the 6 days before logged): too few to compare with.
    const auto too_few_before = [&](const std::string& days_before) {
        const TestJournal journal(lines);
        const Report r = report_of(journal, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
        CHECK(r.trend.missing == Trend::Missing::few_logged);
        CHECK_FALSE(r.trend.percent);
        CHECK(render::trend_sentence(r.trend, Unit::ml) ==
              "Trend: 200 ml pumped in the 6 days to 2026-11-20 (66.7 ml a day; 3 days with nothing logged left out); "
              "only " + days_before + " anything logged: too little to compare with.");
    };
    too_few_before("1 of the 6 days before has");
    lines.push_back(pump("P10", "2026-11-10T08:00:00-06:00", 120));
    too_few_before("2 of the 6 days before have");
    // A third earlier day logged: a trend, per day.
    lines.push_back(pump("P12", "2026-11-12T08:00:00-06:00", 80));
    const TestJournal enough(lines);
    const Report r3 = report_of(enough, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    REQUIRE(r3.trend.percent);
    CHECK(render::trend_sentence(r3.trend, Unit::ml) ==
          "Trend: 200 ml pumped in the 6 days to 2026-11-20 (66.7 ml a day; 3 days with nothing logged left out), "
          "down 33% on the 6 days before (100 ml a day; 3 days with nothing logged left out).");
    // A trend of 2 days (a period of 3 with today) needs 2 days logged on each side.
    const Report short_one = report_of(one, day(2026, 11, 19), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(short_one.trend.missing == Trend::Missing::recent_few_logged);
    CHECK(render::trend_sentence(short_one.trend, Unit::ml) ==
          "Trend: none, as only 1 of the 2 days to 2026-11-20 has anything logged: too little to compare.");
}

// Review s47 #2's journal: 100 ml at 08:00 and 50 ml at 12:00 each day from 2026-11-07 to 11-20, the sessions
// `unknown` names (by day index and hour) without a volume.
std::vector<std::string> two_pumps_a_day(const std::vector<std::pair<int, int>>& unknown) {
    std::vector<std::string> lines;
    for (int i = 0; i < 14; ++i)
        for (const auto& [hour, ml] : {std::pair{8, 100}, std::pair{12, 50}}) {
            const std::string id = fmt::format("P{}-{}", i, hour);
            const std::string at = fmt::format("2026-11-{:02d}T{:02d}:00:00-06:00", 7 + i, hour);
            if (std::find(unknown.begin(), unknown.end(), std::pair{i, hour}) != unknown.end())
                lines.push_back(fmt::format(R"({{"v":1,"id":"{}","type":"pump","at":"{}","dur_s":600}})", id, at));
            else
                lines.push_back(pump(id, at, ml));
        }
    return lines;
}

TEST_CASE("a day with a pump session without a volume is left out of the trend not summed from the others") {
    // The 08:00 sessions lose their volume from 11-14 (but 11-17), the 12:00 one on 11-19: it said "down 48%".
    const TestJournal j(two_pumps_a_day({{7, 8}, {8, 8}, {9, 8}, {11, 8}, {12, 8}, {13, 8}, {12, 12}}));
    const Report r = report_of(j, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(r.trend.recent_unmeasured == 5);
    CHECK(r.trend.previous_unmeasured == 1);
    CHECK(r.trend.missing == Trend::Missing::recent_few_logged);
    CHECK_FALSE(r.trend.percent);
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: not known, as only 1 of the 6 days to 2026-11-20 has a volume for each pump session (5 have a "
          "session without one): too little to compare.");
    // --by week over two weeks, as of 11-20: 11-13 and 11-17 of the 7 recent days.
    const Report weeks = report_of(j, day(2026, 11, 2), day(2026, 11, 20), Grouping::week, day(2026, 11, 20));
    CHECK(render::trend_sentence(weeks.trend, Unit::ml) ==
          "Trend: not known, as only 2 of the 7 days to 2026-11-19 have a volume for each pump session (5 have a "
          "session without one): too little to compare.");
    // One session without a volume: its day is left out, the others compared (not 800 ml, "down 11%").
    const TestJournal one(two_pumps_a_day({{11, 8}}));
    const Report r1 = report_of(one, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(r1.trend.direction == Trend::Direction::steady);
    CHECK(render::trend_sentence(r1.trend, Unit::ml) ==
          "Trend: 750 ml pumped in the 6 days to 2026-11-20 (150 ml a day; 1 day with a pump session without a "
          "volume left out), steady (+0%) on the 6 days before (150 ml a day).");
    // Four of the days before with one: the earlier span has too few.
    const TestJournal before(two_pumps_a_day({{2, 8}, {3, 8}, {4, 12}, {5, 12}}));
    const Report r2 = report_of(before, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(r2.trend.missing == Trend::Missing::few_logged);
    CHECK(render::trend_sentence(r2.trend, Unit::ml) ==
          "Trend: 900 ml pumped in the 6 days to 2026-11-20; only 2 of the 6 days before have a volume for each pump "
          "session (4 have a session without one): too little to compare with.");
    // Every recent day logged has one: not known.
    const TestJournal all(two_pumps_a_day({{8, 8}, {9, 8}, {10, 8}, {11, 8}, {12, 8}, {13, 8}}));
    const Report r3 = report_of(all, day(2026, 11, 15), day(2026, 11, 21), Grouping::day, day(2026, 11, 21));
    CHECK(r3.trend.missing == Trend::Missing::recent_unmeasured);
    CHECK(render::trend_sentence(r3.trend, Unit::ml) ==
          "Trend: not known, as every day logged in the 6 days to 2026-11-20 has a pump session without a volume.");
}

TEST_CASE("a steady trend is within 5 percent") {
    std::vector<std::string> lines;
    for (int d = 1; d <= 14; ++d)
        lines.push_back(pump(fmt::format("P{}", d), fmt::format("2026-11-{:02d}T07:00:00+01:00", d), d <= 7 ? 100 : 97));
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 8), day(2026, 11, 14), Grouping::day, day(2026, 11, 20));
    CHECK(r.trend.direction == Trend::Direction::steady);
    CHECK(render::trend_sentence(r.trend, Unit::ml) ==
          "Trend: 679 ml pumped in the 7 days to 2026-11-14, steady (-3%) on the 7 days before (700 ml).");
}

TEST_CASE("the stash balance sets pumped against breast milk drunk from bottles") {
    const TestJournal j({
        pump("P1", "2026-11-20T07:00:00+01:00", 2200),
        pump("P2", "2026-11-21T07:00:00+01:00", 2000),
        bottle("F1", "2026-11-20T08:00:00+01:00", 3900),
        bottle("F2", "2026-11-20T09:00:00+01:00", 500, "formula"),
    });
    const Report r = report_of(j, day(2026, 11, 20), day(2026, 11, 21));
    CHECK(r.balance.pumped.ml() == 4200);
    CHECK(r.balance.breast_milk_drunk.ml() == 3900);
    CHECK(r.balance.formula_drunk.ml() == 500);
    CHECK(render::balance_sentence(r.balance, Unit::ml) ==
          "Pumped 4.2 L, baby drank 3.9 L of breast milk from bottles (and 500 ml of formula): +300 ml to the stash.");
    StashBalance plain{Volume::from_ml(4200), Volume::from_ml(3900), Volume{}, Volume{}};
    CHECK(render::balance_sentence(plain, Unit::ml) == "Pumped 4.2 L, baby drank 3.9 L from bottles: +300 ml to the stash.");
    StashBalance short_of{Volume::from_ml(500), Volume::from_ml(700), Volume{}, Volume{}};
    CHECK(render::balance_sentence(short_of, Unit::ml) ==
          "Pumped 500 ml, baby drank 700 ml from bottles: 200 ml less than drunk.");
    // Nothing measured at all: no balance to speak of, not "Pumped 0 ml, ...: even".
    StashBalance unknown{};
    unknown.unmeasured_sessions = 23;
    CHECK(render::balance_sentence(unknown, Unit::ml) ==
          "The stash balance is not known: 23 pump sessions without a volume.");
    // Nothing with a volume and nothing unknown (an empty period): no balance either.
    CHECK(render::balance_sentence(StashBalance{}, Unit::ml) ==
          "No stash balance: nothing pumped or drunk from bottles is logged in the period.");
    StashBalance zero{};
    zero.measured = 1;  // a session logged as 0 ml: a fact
    CHECK(render::balance_sentence(zero, Unit::ml) == "Pumped 0 ml, baby drank 0 ml from bottles: even.");
    StashBalance used{Volume::from_ml(500), Volume::from_ml(700), Volume{}, Volume::from_ml(120)};
    CHECK(render::balance_sentence(used, Unit::ml) ==
          "Pumped 500 ml, baby drank 700 ml from bottles: 200 ml less than drunk; 120 ml taken from the stash.");
}

TEST_CASE("the stash balance and the HTML page's totals round their volumes as the table does") {
    // Review s47: "Pumped 582 ml" and "145 ml a day" beside the table's 581.7 and 145.4.
    const TestJournal j({pump("P1", "2026-11-17T07:00:00+01:00", 145.4), pump("P2", "2026-11-18T07:00:00+01:00", 145.4),
                         pump("P3", "2026-11-19T07:00:00+01:00", 145.4), pump("P4", "2026-11-20T07:00:00+01:00", 145.5),
                         bottle("F1", "2026-11-19T09:00:00+01:00", 100.26),
                         bottle("F2", "2026-11-20T09:00:00+01:00", 200)});
    const Report r = report_of(j, day(2026, 11, 17), day(2026, 11, 20));
    const std::string table = render::report_table(r, Unit::ml, false, render::Style());
    CHECK(table.find("\ntotal          4        -   581.7") != std::string::npos);
    CHECK(table.find("\nper day      1.0        -   145.4") != std::string::npos);
    // 581.7 - 300.3 as the table shows them: 281.4 (not 582 - 300 = +282, nor 281.44 rounded once more).
    CHECK(render::balance_sentence(r.balance, Unit::ml) ==
          "Pumped 581.7 ml, baby drank 300.3 ml from bottles: +281.4 ml to the stash.");
    const std::string html = render::report_html(r, Unit::ml, "");
    CHECK(html.find("<dd>581.7 ml<small>4 sessions, 145.4 ml a day</small></dd>") != std::string::npos);
    CHECK(html.find("<dd>300.3 ml<small>75.1 ml a day</small></dd>") != std::string::npos);
    CHECK(html.find("<td>per day</td><td>1.0</td><td>-</td><td>145.4</td>") != std::string::npos);
    CHECK(html.find("<p>Pumped 581.7 ml, baby drank 300.3 ml from bottles: +281.4 ml to the stash.</p>") !=
          std::string::npos);
    // The trend's sum too (its 4 days are the period's).
    CHECK(render::trend_sentence(r.trend, Unit::ml).starts_with("Trend: 581.7 ml pumped in the 4 days to 2026-11-20;"));
    // In ounces, the per-day figure is the table's too (19.67 oz over 4 days: 4.9).
    CHECK(render::report_html(r, Unit::oz, "").find("<dd>19.7 oz<small>4 sessions, 4.9 oz a day</small></dd>") !=
          std::string::npos);
}

TEST_CASE("the stash balance names bottles without an amount and pumps without a volume instead of counting 0 ml") {
    // balance.csv's day: 4 bottles of breast milk, 3 without an amount; 3 pumps of 120 ml.
    const auto no_amount = [](const std::string& id, const std::string& at, const std::string& milk) {
        return fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"bottle","milk":"{}"}})", id, at,
                           milk);
    };
    std::vector<std::string> lines{
        bottle("F1", "2026-11-19T06:00:00+01:00", 118.29),
        no_amount("F2", "2026-11-19T10:00:00+01:00", "breast"),
        no_amount("F3", "2026-11-19T14:00:00+01:00", "breast"),
        no_amount("F4", "2026-11-19T18:00:00+01:00", "breast"),
        pump_sides("P1", "2026-11-19T07:00:00+01:00", 60, 60),
        pump_sides("P2", "2026-11-19T11:00:00+01:00", 60, 60),
        pump_sides("P3", "2026-11-19T15:00:00+01:00", 60, 60),
    };
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 19), day(2026, 11, 19));
    CHECK(r.balance.unmeasured_bottles == 3);
    CHECK(r.balance.unmeasured_sessions == 0);
    CHECK(render::balance_sentence(r.balance, Unit::ml) ==
          "Pumped 360 ml, baby drank 118.3 ml from bottles: +241.7 ml to the stash, not counting 3 bottles without "
          "an amount.");
    const std::string note = "3 of 4 bottles have no amount: the bottle column adds up the other 1 only.";
    CHECK(render::report_table(r, Unit::ml, false, render::Style()).find(note) != std::string::npos);
    CHECK(render::report_html(r, Unit::ml, "").find("3 bottles without an amount") != std::string::npos);
    // A formula bottle without an amount is not milk from the stash: the balance leaves it out unnamed.
    lines.push_back(no_amount("F5", "2026-11-19T20:00:00+01:00", "formula"));
    // A pump without a volume (a timed session from another app) is unknown, never 0 ml.
    lines.push_back(R"({"v":1,"id":"P4","type":"pump","at":"2026-11-19T19:00:00+01:00","dur_s":900})");
    const TestJournal more(lines);
    const Report m = report_of(more, day(2026, 11, 19), day(2026, 11, 19));
    CHECK(m.total.unmeasured_sessions == 1);
    CHECK(m.total.pump_sessions == 4);
    CHECK(m.total.pumped.ml() == Approx(360));
    CHECK(render::balance_sentence(m.balance, Unit::ml) ==
          "Pumped 360 ml, baby drank 118.3 ml from bottles: +241.7 ml to the stash, not counting 1 pump session "
          "without a volume and 3 bottles without an amount.");
    const std::string table = render::report_table(m, Unit::ml, false, render::Style());
    CHECK(table.find("1 of 4 pump sessions has no volume: the pumped column adds up the other 3 only.") !=
          std::string::npos);
    CHECK(table.find("4 of 5 bottles have no amount") != std::string::npos);
    // Nothing unknown: the sentence and the notes are as before.
    const TestJournal known(
        {pump("P1", "2026-11-19T07:00:00+01:00", 300), bottle("F1", "2026-11-19T08:00:00+01:00", 100)});
    const Report k = report_of(known, day(2026, 11, 19), day(2026, 11, 19));
    CHECK(render::balance_sentence(k.balance, Unit::ml) ==
          "Pumped 300 ml, baby drank 100 ml from bottles: +200 ml to the stash.");
    CHECK(render::report_table(k, Unit::ml, false, render::Style()).find("no amount") == std::string::npos);
}

TEST_CASE("the charts draw a day with nothing logged as a gap not as 0 ml while CSV and JSON keep 0") {
    // Review s47 #4: 3 pumps and a bottle a day from 11-08, nothing on 11-12.
    std::vector<std::string> lines;
    for (int d = 8; d <= 14; ++d) {
        if (d == 12) continue;
        for (int h : {7, 12, 18})
            lines.push_back(
                pump(fmt::format("P{}-{}", d, h), fmt::format("2026-11-{:02d}T{:02d}:00:00-06:00", d, h), 120));
        lines.push_back(bottle(fmt::format("F{}", d), fmt::format("2026-11-{:02d}T09:00:00-06:00", d), 100));
    }
    const TestJournal j(lines);
    const Report r = report_of(j, day(2026, 11, 10), day(2026, 11, 14), Grouping::day, day(2026, 11, 21));
    const std::string svg = render::report_svg(r, Unit::ml);
    // No bar, a hollow point and a broken line, titled "nothing logged" (it said "0 ml pumped", "0 ml drunk").
    CHECK(svg.find("2026-11-12: 0 ml") == std::string::npos);
    CHECK(svg.find("<rect class=\"bar pumped unlogged\" x=\"326.0\" y=\"312.0\" width=\"36.0\" height=\"0.0\">"
                   "<title>2026-11-12: nothing logged</title></rect>") != std::string::npos);
    CHECK(svg.find("<circle class=\"point drunk unlogged\" cx=\"344.0\" cy=\"312.0\" r=\"3.5\" fill=\"#ffffff\" "
                   "stroke=\"#d9622b\"><title>2026-11-12: nothing logged</title></circle>") != std::string::npos);
    CHECK(svg.find("<polyline points=\"126.4,257.0 235.2,257.0\" fill=\"none\"") != std::string::npos);
    CHECK(svg.find("<polyline points=\"452.8,257.0 561.6,257.0\" fill=\"none\"") != std::string::npos);
    CHECK(svg.find("2026-11-13: 360 ml pumped") != std::string::npos);
    // The HTML page's chart too, and days before the journal's first entry.
    const Report early = report_of(j, day(2026, 11, 6), day(2026, 11, 9), Grouping::day, day(2026, 11, 21));
    const std::string html = render::report_html(early, Unit::ml, "");
    CHECK(html.find("<title>2026-11-07: nothing logged</title></rect>") != std::string::npos);
    CHECK(html.find("<title>2026-11-07: nothing logged</title></circle>") != std::string::npos);
    CHECK(html.find("2026-11-07: 0 ml") == std::string::npos);
    CHECK(html.find("2026-11-08: 360 ml pumped") != std::string::npos);
    // A week with nothing logged in it is drawn the same way.
    const Report weeks = report_of(j, day(2026, 10, 26), day(2026, 11, 15), Grouping::week, day(2026, 11, 21));
    CHECK(render::report_svg(weeks, Unit::ml).find("<title>2026-W44: nothing logged</title>") != std::string::npos);
    // The machine formats keep 0, as documented ("A row with no session at all pumped 0").
    CHECK(render::report_csv(r, Unit::ml).find("\n2026-11-12,0,0,0,0,0,0,0,0,0,0,0,0,1\n") != std::string::npos);
    CHECK(render::report_json(r, Unit::ml).find(R"("date": "2026-11-12",
    "pump_sessions": 0,
    "pumped_ml": 0,)") != std::string::npos);
}

TEST_CASE("a row whose sessions or bottles all lack a volume has none in CSV JSON and SVG not 0 ml") {
    const auto timed = [](const std::string& id, const std::string& at) {
        return fmt::format(R"({{"v":1,"id":"{}","type":"pump","at":"{}","dur_s":600}})", id, at);
    };
    const auto no_amount = [](const std::string& id, const std::string& at) {
        return fmt::format(R"({{"v":1,"id":"{}","type":"feed","at":"{}","method":"bottle","milk":"breast"}})", id, at);
    };
    const TestJournal j({
        // 11-19: nothing known; 11-20: one session and one bottle of two known (the known sum);
        // 11-21: nothing logged (0 pumped in the CSV and JSON; nothing logged in the chart).
        timed("P1", "2026-11-19T07:00:00+01:00"),
        no_amount("F1", "2026-11-19T08:00:00+01:00"),
        timed("P2", "2026-11-20T07:00:00+01:00"),
        pump_sides("P3", "2026-11-20T09:00:00+01:00", 40, 50),
        no_amount("F2", "2026-11-20T08:00:00+01:00"),
        bottle("F3", "2026-11-20T10:00:00+01:00", 70),
    });
    const Report r = report_of(j, day(2026, 11, 19), day(2026, 11, 21));
    CHECK_FALSE(row(r, "2026-11-19").pumped_known());
    CHECK_FALSE(row(r, "2026-11-19").bottle_known());
    CHECK(row(r, "2026-11-20").pumped_known());
    CHECK(row(r, "2026-11-21").pumped_known());
    // The header is unchanged; an unknown volume is an empty cell (and the sides with it).
    CHECK(render::report_csv(r, Unit::ml) ==
          "date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,"
          "discarded_ml,skipped,days\n"
          "2026-11-19,1,,,,1,,0,0,0,0,0,0,1\n"
          "2026-11-20,2,90,40,50,2,70,0,0,0,0,0,0,1\n"
          "2026-11-21,0,0,0,0,0,0,0,0,0,0,0,0,1\n");
    CHECK(render::report_csv(r, Unit::oz).find("\n2026-11-19,1,,,,1,,0,") != std::string::npos);
    // JSON: the same keys, null.
    const std::string json = render::report_json(r, Unit::ml);
    CHECK(json.find(R"("date": "2026-11-19",
    "pump_sessions": 1,
    "pumped_ml": null,
    "left_ml": null,
    "right_ml": null,
    "feeds": 1,
    "bottle_ml": null,)") != std::string::npos);
    CHECK(json.find(R"("pumped_ml": 90,)") != std::string::npos);
    CHECK(json.find(R"("bottle_ml": 70,)") != std::string::npos);
    CHECK(json.find(R"("pumped_ml": 0,)") != std::string::npos);  // 11-21: nothing pumped
    // SVG: the tooltip says the volume is unknown, and the line leaves a gap there.
    const std::string svg = render::report_svg(r, Unit::ml);
    CHECK(svg.find("2026-11-19: volume pumped unknown (no session has a volume)") != std::string::npos);
    CHECK(svg.find("2026-11-19: volume drunk from bottles unknown (no bottle has an amount)") != std::string::npos);
    CHECK(svg.find("2026-11-19: 0 ml") == std::string::npos);
    CHECK(svg.find("2026-11-20: 90 ml pumped") != std::string::npos);
    CHECK(svg.find("<title>2026-11-21: nothing logged</title>") != std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
    // Weeks and hours follow the same rule.
    const Report hours = report_of(j, day(2026, 11, 19), day(2026, 11, 21), Grouping::hour);
    CHECK(render::report_csv(hours, Unit::ml).find("\n07:00,2,,,,0,0,0,0,0,0,0,0,3\n") != std::string::npos);
    const Report weeks = report_of(j, day(2026, 11, 19), day(2026, 11, 21), Grouping::week);
    CHECK(render::report_csv(weeks, Unit::ml).find("\n2026-W47,3,90,40,50,3,70,") != std::string::npos);
}

TEST_CASE("entries after now are not counted: today counts so far and a past now reports as of then") {
    const TestJournal j({
        pump("P1", "2026-11-21T10:00:00+01:00", 100),
        pump("P2", "2026-11-21T22:00:00+01:00", 120),  // later today (--force)
        bottle("F1", "2026-11-21T21:00:00+01:00", 90),
        store("S1", "2026-11-21T22:05:00+01:00", 120),
        skip("K1", "2026-11-21T18:00:00+01:00"),  // plan skip before the pump: counts at once, as in status
        pump("P0", "2026-11-20T09:00:00+01:00", 80),
    });
    ReportRequest request;
    request.period = DayRange{day(2026, 11, 20), day(2026, 11, 21)};
    request.today = day(2026, 11, 21);
    request.now = Seconds(day(2026, 11, 21)) + std::chrono::hours(13);  // 14:00 in Berlin
    for (const bool with_stash : {false, true}) {
        const Seconds feeds_since = Seconds(day(2026, 11, 13));
        const Report r = with_stash ? make_report_and_stock(j.journal(), request, cdc_guideline(), feeds_since).report
                                    : make_report(j.journal(), request);
        const Tally& today = row(r, "2026-11-21");
        CHECK(today.pump_sessions == 1);
        CHECK(today.pumped.ml() == 100);
        CHECK(today.feeds == 0);
        CHECK(today.stored.ml() == 0);
        CHECK(today.skipped == 1);
        CHECK(r.total.pumped.ml() == 180);
        CHECK(r.balance.pumped.ml() == 180);
        CHECK(r.hours[22].tally.pump_sessions == 0);
    }
    // A now in the past: as of then (the day before's pump counts, today's 10:00 one not yet).
    request.now = Seconds(day(2026, 11, 21)) + std::chrono::hours(8);
    CHECK(row(make_report(j.journal(), request), "2026-11-21").pump_sessions == 0);
    CHECK(row(make_report(j.journal(), request), "2026-11-20").pump_sessions == 1);
    // Without a now (the default), every entry counts.
    request.now = Seconds::max();
    CHECK(row(make_report(j.journal(), request), "2026-11-21").pump_sessions == 2);
}

TEST_CASE("written day and hour are read from the text of at") {
    CHECK(written_day("2026-11-21T23:30:00-05:00") == day(2026, 11, 21));
    CHECK(written_hour("2026-11-21T23:30:00-05:00") == 23);
    CHECK(written_hour("2026-11-21 07:05:00Z") == 7);
    CHECK_FALSE(written_day("2026-02-30T10:00:00Z"));
    CHECK_FALSE(written_day("26-11-21"));
    CHECK_FALSE(written_hour("2026-11-21T25:00:00Z"));
    CHECK(parse_grouping("week") == Grouping::week);
    CHECK_THROWS(parse_grouping("fortnight"));
}

TEST_CASE("the written day of a parsed at is its text's date and a read from its earliest instant meets it") {
    for (const std::string at : {"2026-11-30T20:00:00-05:00", "2026-12-01T00:15:00+14:00", "2026-11-30T23:59:59-12:00",
                                 "2026-12-01T00:00:00Z"}) {
        const auto stamp = parse_rfc3339(at);
        REQUIRE(stamp);
        CHECK(written_day(*stamp) == written_day(at));
        CHECK(stamp->instant >= earliest_written(*written_day(at)));
    }
    CHECK(earliest_written(day(2026, 12, 1)) == parse_rfc3339("2026-12-01T00:00:00+14:00")->instant);
}

TEST_CASE("the human views round nursing minutes and per-day means half away from zero as CSV and JSON do") {
    // 15 s is 0.25 min; over 4 logged days 1 session is 0.25 a day, 3 feeds 0.75, 21 min 5.25, 7.39 ml 1.8475.
    const TestJournal tie({pump("P1", "2026-11-10T08:00:00+01:00", 0.4),
                           nursing("F1", "2026-11-10T09:00:00+01:00", R"("left_s":15,"right_s":0)")});
    const Report r = report_of(tie, day(2026, 11, 10), day(2026, 11, 10));
    CHECK(render::report_csv(r, Unit::ml).find("\n2026-11-10,1,0.4,0,0,1,0,1,0.3,") != std::string::npos);
    CHECK(render::report_markdown(r, Unit::ml).find("| Tue 11-10 | 1 | - | 0.4 | - | - | 1 | - | 1 | 0.3 |") !=
          std::string::npos);
    CHECK(render::report_table(r, Unit::ml, false, render::Style()).find("  1  0.3  ") != std::string::npos);
    CHECK(render::report_html(r, Unit::ml, "").find("<td>1</td><td>0.3</td>") != std::string::npos);
    const TestJournal means({pump("P1", "2026-11-07T08:00:00+01:00", 7.39),
                             nursing("F1", "2026-11-08T09:00:00+01:00", R"("dur_s":150)"),
                             nursing("F2", "2026-11-09T09:00:00+01:00", R"("dur_s":900)"),
                             nursing("F3", "2026-11-10T09:00:00+01:00", R"("dur_s":210)")});
    const Report m = report_of(means, day(2026, 11, 7), day(2026, 11, 10));
    CHECK(render::report_markdown(m, Unit::ml).find("| per day | 0.3 | - | 1.8 | - | - | 0.8 | - | 0.8 | 5.3 |") !=
          std::string::npos);
    CHECK(render::report_markdown(m, Unit::ml).find("| Sun 11-08 | - | - | - | - | - | 1 | - | 1 | 2.5 |") !=
          std::string::npos);
    // The page's figure to 0.1 as its table: 150 s alone is 2.5 min (whole minutes made 15 s 0 min).
    const Report one = report_of(means, day(2026, 11, 8), day(2026, 11, 8));
    CHECK(render::report_html(one, Unit::ml, "").find("1 at the breast, 2.5 min") != std::string::npos);
}

TEST_CASE("the HTML page's one read gives the report and the stash the two reads give") {
    std::vector<std::string> lines;
    lines.push_back(store("S0", "2025-06-01T10:00:00+02:00", 75));
    for (auto& l : old_pumps(300, "2025-07-01")) lines.push_back(l);
    lines.push_back(store("S1", "2026-09-01T10:00:00+02:00", 180));
    lines.push_back(use("U1", "2026-09-20T08:00:00+02:00", "S1", 50));
    lines.push_back(pump("PM", "2026-10-01T07:00:00+02:00", 111));  // moved into the period below
    lines.push_back(bottle("FM", "2026-10-02T07:00:00+02:00", 77));  // moved into the stash's days below
    lines.push_back(pump("PO", "2026-10-03T07:00:00+02:00", 33));   // moved, but to another old day
    for (auto& l : old_pumps(3000, "2026-10-10")) lines.push_back(l);
    lines.push_back(bottle("F15", "2026-11-15T07:00:00+01:00", 90));
    lines.push_back(nursing("N16", "2026-11-16T07:00:00+01:00", R"("left_s":600)"));
    lines.push_back(store("S2", "2026-11-16T09:00:00+01:00", 120));
    lines.push_back(store("S3", "2026-11-16T10:00:00+01:00", 60));
    lines.push_back(void_of("V3", "2026-11-16T10:05:00+01:00", "S3"));  // voided: reserves its label only
    lines.push_back(pump("P17", "2026-11-17T07:00:00+01:00", 140));
    lines.push_back(pump("P17v", "2026-11-17T08:00:00+01:00", 999));
    lines.push_back(void_of("V17", "2026-11-17T08:01:00+01:00", "P17v"));
    lines.push_back(use("U2", "2026-11-18T08:00:00+01:00", "S1", 20));
    lines.push_back(use("U3", "2026-11-18T09:00:00+01:00", "S2", 40));
    lines.push_back(use("U4", "2026-11-18T10:00:00+01:00", "S2", 80));
    lines.push_back(void_of("V4", "2026-11-18T10:01:00+01:00", "U4"));  // S2 keeps 80
    lines.push_back(skip("K19", "2026-11-19T12:00:00+01:00"));
    lines.push_back(discard("D1", "2026-11-19T21:00:00+01:00", "S1"));
    lines.push_back(discard("D0", "2026-11-20T21:00:00+01:00", "S0"));
    lines.push_back(bottle("F20", "2026-11-20T18:00:00+01:00", 100));
    lines.push_back(amend("AM", "2026-11-20T19:00:00+01:00", "PM", R"({"at":"2026-11-18T06:30:00+01:00"})"));
    lines.push_back(amend("AF", "2026-11-20T19:01:00+01:00", "FM", R"({"at":"2026-11-20T06:00:00+01:00"})"));
    lines.push_back(amend("AO", "2026-11-20T19:02:00+01:00", "PO", R"({"at":"2026-10-04T07:00:00+02:00","ml":34})"));
    const TestJournal j(lines);
    ReportRequest request;
    request.period = DayRange{day(2026, 11, 15), day(2026, 11, 21)};
    request.today = day(2026, 11, 21);
    const Seconds feeds_since = Seconds(day(2026, 11, 19));
    for (const Grouping by : {Grouping::day, Grouping::hour}) {
        request.by = by;
        const Report report = make_report(j.journal(), request);
        const StockRead stash = read_stock(j.journal(), cdc_guideline(), {}, feeds_since, false);
        const ReportAndStock both = make_report_and_stock(j.journal(), request, cdc_guideline(), feeds_since);
        CHECK(render::report_json(both.report, Unit::ml) == render::report_json(report, Unit::ml));
        CHECK(render::report_csv(both.report, Unit::ml) == render::report_csv(report, Unit::ml));
        // What the two reads found, so that the comparison is of something.
        CHECK(row(report, by == Grouping::day ? "2026-11-18" : "06:00").pumped.ml() == 111);
        CHECK(report.total.pumped.ml() == 251);
        CHECK(report.total.discarded.ml() == 185);  // S1: 180 - 50 - 20 = 110, S0: 75
        const auto containers = [](const Stock& s) {
            std::vector<std::string> out;
            for (const Container& c : s.containers) out.push_back(fmt::format("{} {} {}", c.id, c.label, c.left.ml()));
            return out;
        };
        CHECK(containers(both.stash.stock) == containers(stash.stock));
        CHECK(containers(stash.stock) == std::vector<std::string>{"S2 B1~s2 80"});
        CHECK(both.stash.stock.problems == stash.stock.problems);
        CHECK(both.stash.stock.labels_ever == stash.stock.labels_ever);
        const auto feeds = [](const History& h) {
            std::vector<std::string> out;
            for (const Entry& e : h.entries) out.push_back(e.id + " " + e.at_text);
            return out;
        };
        CHECK(feeds(both.stash.feeds) == feeds(stash.feeds));
        CHECK(feeds(stash.feeds) == std::vector<std::string>{"FM 2026-11-20T06:00:00+01:00", "F20 2026-11-20T18:00:00+01:00"});
    }
}
}  // namespace PUMPLOG_UNITY_ID
