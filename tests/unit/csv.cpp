#include <catch2/catch.hpp>

#include "pumplog/csv.hpp"
#include "pumplog/error.hpp"
#include "pumplog/render/table.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {
std::vector<std::string> cells(const CsvRecord& record) { return record.cells; }
using Cells = std::vector<std::string>;
}  // namespace

TEST_CASE("a UTF-8 byte order mark is not part of the first header cell") {
    const CsvTable t = parse_csv("\xEF\xBB\xBFTime,Amount\n1,2\n");
    REQUIRE(t.header == Cells{"Time", "Amount"});
    REQUIRE(t.column("time") == 0u);
}

TEST_CASE("CRLF, LF and CR-only line ends read alike, with the same line numbers") {
    for (const std::string end : {"\r\n", "\n", "\r"}) {
        const CsvTable t = parse_csv("a,b" + end + "1,2" + end + end + "3,4" + end);
        REQUIRE(t.header_line == 1);
        REQUIRE(t.records.size() == 2);
        CHECK(cells(t.records[0]) == Cells{"1", "2"});
        CHECK(t.records[0].line == 2);
        CHECK(cells(t.records[1]) == Cells{"3", "4"});
        CHECK(t.records[1].line == 4);  // the blank line 3 is skipped but counted
    }
}

TEST_CASE("CR LF and LF mixed in one file each end one line") {
    const CsvTable t = parse_csv("a\r\n1\n2\r\n3\n4");
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[3].line == 5);
    CHECK(cells(t.records[3]) == Cells{"4"});
}

TEST_CASE("in an old Mac file (its first line ends in a lone CR) CR, LF and CR LF each end one line") {
    const CsvTable t = parse_csv("a\r1\n2\r3\r\n4");
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[3].line == 5);
    CHECK(cells(t.records[3]) == Cells{"4"});
}

TEST_CASE("in a file of LF or CR LF lines a lone CR is the text of its cell, quoted or not") {
    for (const std::string end : {"\r\n", "\n"}) {
        const std::string text = "a,b" + end + "x\ry,\"p\rq\"" + end + "3,4" + end + "5,6\r";
        const CsvTable t = parse_csv(text);
        REQUIRE(t.records.size() == 3);
        CHECK(cells(t.records[0]) == Cells{"x\ry", "p\rq"});
        CHECK(cells(t.records[1]) == Cells{"3", "4"});
        CHECK(cells(t.records[2]) == Cells{"5", "6\r"});  // the file's last CR: the cell's (readers trim it)
        CHECK(t.records[2].line == 4);
        CHECK(csv_line_of(text, text.find('q')) == 2);
        CHECK(csv_line_of(text, text.find('5')) == 4);
    }
}

TEST_CASE("quoted cells hold delimiters, doubled quotes and line ends") {
    const CsvTable t = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n\"next\",2,3\n");
    REQUIRE(t.records.size() == 2);
    CHECK(cells(t.records[0]) == Cells{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].line == 4);  // the quoted line end counts as a source line
}

TEST_CASE("a line end inside a quoted cell reads as one LF: CR LF or LF, or a lone CR in an old Mac file") {
    for (const std::string end : {"\r\n", "\n", "\r"}) {
        const CsvTable t = parse_csv("a,b" + end + "\"one" + end + "two\",\"a\rb\"" + end + "3,4" + end);
        REQUIRE(t.records.size() == 2);
        CHECK(t.records[0].line == 2);
        if (end == "\r") {
            CHECK(cells(t.records[0]) == Cells{"one\ntwo", "a\nb"});  // the file's line end, not the note's text
            CHECK(t.records[1].line == 5);  // a lone CR inside a cell counts as a line end, as it does outside
        } else {
            CHECK(cells(t.records[0]) == Cells{"one\ntwo", "a\rb"});  // a lone CR is the note's own
            CHECK(t.records[1].line == 4);
        }
    }
}

TEST_CASE("a quoted empty cell and unquoted quotes inside a cell are kept as written") {
    const CsvTable t = parse_csv("a,b,c\n\"\",5\" long,x\n");
    CHECK(cells(t.records[0]) == Cells{"", "5\" long", "x"});
}

TEST_CASE("spaces before an opening quote still open a quoted cell") {
    const CsvTable t = parse_csv("a,b\n1, \"2,5\"\n");
    CHECK(cells(t.records[0]) == Cells{"1", "2,5"});
}

TEST_CASE("a row shorter than the header reads its missing cells as empty") {
    const CsvTable t = parse_csv("Time,Amount,Note\n\"6/9/22 4:16 PM\",60 ml\n");
    REQUIRE(t.records[0].cells.size() == 2);
    CHECK(t.cell(t.records[0], t.column("note")) == "");
    CHECK(t.cell(t.records[0], t.column("amount")) == "60 ml");
    CHECK(t.cell(t.records[0], std::nullopt) == "");
}

TEST_CASE("a trailing delimiter gives an empty last cell") {
    const CsvTable t = parse_csv("a,b,\n1,2,\n");
    CHECK(t.header == Cells{"a", "b", ""});
    CHECK(cells(t.records[0]) == Cells{"1", "2", ""});
}

TEST_CASE("columns are found whatever their case, surrounding and inner whitespace") {
    const CsvTable t = parse_csv(" Start  Side ,TOTAL amount (oz.),child_first_name\n");
    CHECK(t.column("start side") == 0u);
    CHECK(t.column("Total Amount (oz.)") == 1u);
    CHECK(t.column("child first name") == 2u);
    CHECK(t.column_of({"missing", "start side"}) == 0u);
    CHECK_FALSE(t.column("amount").has_value());
}

TEST_CASE("cells are read trimmed") {
    const CsvTable t = parse_csv("a,b\n  1  ,\t2\n");
    CHECK(t.cell(t.records[0], 0) == "1");
    CHECK(t.cell(t.records[0], 1) == "2");
}

TEST_CASE("blank lines before the header are skipped") {
    const CsvTable t = parse_csv("\n\r\n  \nType,Start\nFeed,x\n");
    CHECK(t.header_line == 4);
    CHECK(t.records[0].line == 5);
}

TEST_CASE("a header without commas but with semicolons is read with semicolons") {
    const CsvTable t = parse_csv("Time;Amount;Note\n\"1,5\";2;x\n");
    CHECK(t.delimiter == ';');
    CHECK(cells(t.records[0]) == Cells{"1,5", "2", "x"});
}

TEST_CASE("a quoted cell never closed is refused naming the line it opens on") {
    try {
        parse_csv("a,b\n1,2\n3,\"open\n4,5\n");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.exit_code() == 2);
        CHECK(std::string(e.what()) == "a quoted cell opened on line 3 is never closed");
    }
}

TEST_CASE("UTF-16 text is refused with what to do") {
    CHECK_THROWS_WITH(parse_csv(std::string("\xFF\xFE" "a\0,\0", 6)),
                      "the file is UTF-16 text; save it as UTF-8 (or export it again) and import that");
}

TEST_CASE("an empty text has no header and no records") {
    const CsvTable t = parse_csv("");
    CHECK(t.header.empty());
    CHECK(t.records.empty());
    CHECK(parse_csv("\xEF\xBB\xBF").header.empty());
}

TEST_CASE("a file without a final line end keeps its last record") {
    const CsvTable t = parse_csv("a,b\n1,2");
    REQUIRE(t.records.size() == 1);
    CHECK(cells(t.records[0]) == Cells{"1", "2"});
}

// ---- writing: cells a spreadsheet would run (OWASP, "CSV Injection") ----

TEST_CASE("a CSV cell beginning with = + - @ tab or CR gets a leading quote mark") {
    using pumplog::render::csv_row;
    CHECK(csv_row({"=cmd|' /C calc'!A0"}) == "'=cmd|' /C calc'!A0\n");
    CHECK(csv_row({"+1+1", "-2+3", "@SUM(A1:A2)"}) == "'+1+1,'-2+3,'@SUM(A1:A2)\n");
    CHECK(csv_row({"\tx"}) == "'\tx\n");
    CHECK(csv_row({"\rx"}) == "\\x0dx\n");                                  // escaped: no formula
    CHECK(csv_row({"=HYPERLINK(\"http://x\",\"y\")"}) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
    CHECK(csv_row({"=1,2"}) == "\"'=1,2\"\n");
}

TEST_CASE("a backslash in a CSV cell is doubled: ESC and the text backslash-x1b give different cells") {
    using pumplog::render::csv_row;
    CHECK(csv_row({"A\x1b" "B"}) == "A\\x1bB\n");
    CHECK(csv_row({"A\\x1bB"}) == "A\\\\x1bB\n");
    CHECK(csv_row({"A\xC2\x9B" "B", "A\\u009bB"}) == "A\\u009bB,A\\\\u009bB\n");
    CHECK(csv_row({"C:\\path\\", "\\"}) == "C:\\\\path\\\\,\\\\\n");
    CHECK(csv_row({"a\\\tb\\\nc"}) == "\"a\\\\\tb\\\\\nc\"\n");  // beside a tab and a line feed too
    CHECK(csv_row({"=\\x1b"}) == "'=\\\\x1b\n");                  // the formula guard stays
    CHECK(csv_row({"plain, text"}) == "\"plain, text\"\n");
}

TEST_CASE("control characters in a CSV cell are written as visible escapes and tabs and line feeds stay") {
    using pumplog::render::csv_row;
    CHECK(csv_row({"hi\x1b[31mred"}) == "hi\\x1b[31mred\n");
    CHECK(csv_row({"a\x07" "b\x7f"}) == "a\\x07b\\x7f\n");
    CHECK(csv_row({"line one\nline\x1b two"}) == "\"line one\nline\\x1b two\"\n");
    CHECK(csv_row({"a\tb"}) == "a\tb\n");
    CHECK(csv_row({"a\r\nb"}) == "\"a\\x0d\nb\"\n");
    CHECK(csv_row({"\xc2\x9b" "31m"}) == "\\u009b31m\n");       // C1 CSI
    CHECK(csv_row({"x\x9by"}) == "x\\x9by\n");                // not UTF-8
    CHECK(csv_row({"Zo\xc3\xab \\ \xe2\x80\xae"}) == "Zo\xc3\xab \\\\ \\u202e\n");  // letters stay, \\ doubled
}

TEST_CASE("numbers stay numbers in CSV, and other text is written as it is") {
    using pumplog::render::csv_row;
    using pumplog::render::csv_formula;
    CHECK(csv_row({"-5", "-2.5", "90", "0.25", "2026-11-21T07:00:00+01:00"}) == "-5,-2.5,90,0.25,2026-11-21T07:00:00+01:00\n");
    CHECK(csv_row({"a=b", "note - with dash", " =x", ""}) == "a=b,note - with dash, =x,\n");
    CHECK_FALSE(csv_formula("-0"));
    CHECK(csv_formula("-"));
    CHECK(csv_formula("-5."));
    CHECK(csv_formula("-.5"));
    CHECK(csv_formula("-1e3"));
    CHECK(csv_formula("+5"));
}
}  // namespace PUMPLOG_UNITY_ID
