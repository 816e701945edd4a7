// `log check` and `--repair` (check.hpp): every line validated, problems by
// line number, bad lines moved to JOURNAL.rejected and nothing else touched.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "pumplog/check.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

namespace {

const std::string at = R"("at":"2026-11-21T09:00:00+01:00")";

std::string line(const std::string& id, const std::string& type, const std::string& fields = "") {
    return R"({"v":1,"id":")" + id + R"(","type":")" + type + "\"," + at + (fields.empty() ? "" : "," + fields) + "}";
}

std::string pump(const std::string& id, int ml = 90) { return line(id, "pump", "\"ml\":" + std::to_string(ml)); }

// Checks `text` as a whole journal file.
CheckReport check_text(const std::string& text) {
    TempDir dir;
    write_file(dir.path() / "j.jsonl", text);
    return check_journal(Journal(dir.path() / "j.jsonl"));
}

// The problems as "LINE: [note: ]message", for exact comparisons.
std::vector<std::string> problems(const CheckReport& report) {
    std::vector<std::string> out;
    for (const auto& p : report.problems)
        out.push_back(std::to_string(p.line) + ": " + (p.severity == Severity::note ? "note: " : "") + p.message);
    return out;
}

std::vector<std::string> strings(const LineVerdict& verdict) {
    std::vector<std::string> out;
    for (const auto& f : verdict.findings) out.push_back((f.severity == Severity::note ? "note: " : "") + f.message);
    return out;
}

// The findings of one line on its own. Every line a test checks is also a
// differential test: the fast scanner's verdict must be the full parse's.
std::vector<std::string> findings(const std::string& text) {
    LineValidator validator;
    const LineVerdict fast = validator.check(text), dom = validator.check_with_dom(text);
    CHECK(strings(fast) == strings(dom));
    CHECK(fast.id == dom.id);
    CHECK(fast.target == dom.target);
    CHECK(fast.type == dom.type);
    CHECK(fast.blank == dom.blank);
    return strings(fast);
}

using Strings = std::vector<std::string>;
const std::string pump_without_ml = "no \"ml\" (a pump records a volume, or dur_s when its volume is unknown)";
const std::string bottle_without_ml = "no \"ml\" (a bottle feed records a volume, or milk when its volume is unknown)";

}  // namespace

TEST_CASE("a line that is no JSON is worded alike by log check and every reader") {
    // pumplog(5): a reader names the damage in the words log check uses for it.
    const std::vector<std::pair<std::string, std::string>> lines = {
        {line("a", "pump", R"("ml":1e400)"), "not valid JSON (a number out of range)"},
        {line("a", "pump", R"("ml":NaN)"), "not valid JSON"},
        {line("a", "pump", R"("ml":Infinity)"), "not valid JSON"},
        {line("a", "pump", R"("ml":-Infinity)"), "\"ml\" is not a number (-Infinity is not JSON)"},
        {line("a", "pump", R"("ml":nan)"), "not valid JSON"},
        {line("a", "pump", R"("dur_s":1e400)"), "not valid JSON (a number out of range)"},
        {line("a", "pump", R"("ml":0x10)"), "\"ml\" is not a number (0x10 is not JSON)"},
        {line("a", "pump", R"("ml":90,"note":nul)"), "not valid JSON"},
        {line("a", "pump", R"("ml":90,"extra":1e400)"), "not valid JSON (a number out of range)"},
        {line("a", "pump", R"("ml":90,"extra":[1,}])"), "not valid JSON"},
        {line("a", "amend", R"("target":"b","set":{"ml":NaN})"), "not valid JSON"},
        {line("a", "amend", R"("target":"b","set":{"extra":nan,"ml":5})"), "not valid JSON"},
        {R"({"v":1e400,"id":"a","type":"pump",)" + at + R"(,"ml":5})", "not valid JSON (a number out of range)"},
        {"not json", "not valid JSON"},
    };
    for (const auto& [text, words] : lines) {
        INFO(text);
        CHECK(findings(text) == Strings{words});
        Entry e;
        std::string error;
        CHECK_FALSE(parse_entry_line(text, e, error));
        CHECK(error == words);
    }
}

TEST_CASE("a journal with every known type, written as pumplog writes them, is clean") {
    const std::string journal = pump("p1") + "\n" +
                                line("p2", "pump", R"("ml":90,"left_ml":40,"right_ml":50,"dur_s":900,"note":"x")") +
                                "\n" + line("f1", "feed", R"("method":"bottle","ml":120,"milk":"formula")") + "\n" +
                                line("f2", "feed", R"("method":"breast","left_s":600,"right_s":null)") + "\n" +
                                line("s1", "store",
                                     R"("ml":120,"place":"freezer","pumped":"2026-11-21T06:30:00+01:00","label":"B1","from":"p1")") +
                                "\n" + line("m1", "move", R"("target":"s1","place":"fridge")") + "\n" +
                                line("u1", "use", R"("target":"s1","ml":60)") + "\n" +
                                line("d1", "discard", R"("target":"s1","reason":"expired")") + "\n" +
                                line("a1", "amend", R"("target":"p1","set":{"ml":95,"at":"2026-11-21T09:10:00+01:00"})") +
                                "\n" + line("v1", "void", R"("target":"p2")") + "\n";
    const CheckReport report = check_text(journal);
    CHECK(problems(report).empty());
    CHECK(report.clean());
    CHECK(report.lines == 10);
    CHECK(report.entries == 10);
}

TEST_CASE("lines the fast scanner reads but that are not clean get the full parse's findings") {
    // Each of these is compact, plain and of known keys, so the reader's
    // scanner accepts it; only the rules of check find what is wrong.
    CHECK(findings(R"({"v":2,"id":"a","type":"pump",)" + at + R"(,"ml":1})") ==
          Strings{"note: format version 2 is newer than this pumplog's (1)"});
    CHECK(findings(R"({"v":11,"id":"a","type":"pump",)" + at + R"(,"ml":1})") ==
          Strings{"note: format version 11 is newer than this pumplog's (1)"});
    CHECK(findings(line("a", "pump", R"("ml":90,"left_s":1.5)")) ==
          Strings{"note: \"left_s\" is not a whole number of seconds"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"dur_s":0.5})")) ==
          Strings{"note: \"set.dur_s\" is not a whole number of seconds"});
    CHECK(findings(line("a", "pump", R"("ml":null)")) == Strings{pump_without_ml});
    CHECK(findings(line("a", "feed", R"("method":"breast","milk":"")")) ==
          Strings{"note: unknown milk \"\" (this pumplog knows breast, formula); ignored by computations"});
    CHECK(findings(line("a", "feed", R"("method":"breast","milk":"donor")")) ==
          Strings{"note: unknown milk \"donor\" (this pumplog knows breast, formula); ignored by computations"});
    CHECK(findings(line("a", "feed", R"("method":"","ml":5)")) ==
          Strings{"note: unknown method \"\" (this pumplog knows bottle, breast); ignored by computations"});
    CHECK(findings(line("a", "store", R"("ml":1,"place":"shelf")")) ==
          Strings{"note: unknown place \"shelf\" (this pumplog knows room, cooler, fridge, freezer); counted as "
                  "room milk, whose limits are the shortest"});
    CHECK(findings(line("a", "move", R"("target":"s","place":null)")) == Strings{"no \"place\" (where it moved to)"});
    CHECK(findings(line("a", "use", R"("target":null,"ml":5)")) ==
          Strings{"no \"target\" (the id of the entry it refers to)"});
    CHECK(findings(line("a", "discard", R"("target":"")")) == Strings{"\"target\" is empty"});
    CHECK(findings(line("a", "pump", R"("ml":90,"id":"b")")) == Strings{"\"id\" appears twice"});
    // A `set` on a line that is not an amendment fills nothing the rules see.
    CHECK(findings(line("a", "use", R"("target":"b","set":{"ml":100})")) == Strings{"no \"ml\" (how much was used)"});
    CHECK(findings(line("a", "pump", R"("set":{"ml":100})")) == Strings{pump_without_ml});
    // And the clean ones, which the scanner proves clean alone.
    CHECK(findings(line("a", "feed", R"("method":"breast","milk":null)")).empty());
    CHECK(findings(line("a", "feed", R"("method":"bottle","ml":0,"milk":"breast")")).empty());
    CHECK(findings(line("a", "amend", R"("target":"b","set":{})")).empty());
    CHECK(findings(line("a", "pump", R"("ml":90,"dur_s":0,"target":"")")).empty());
}

TEST_CASE("a line that is not JSON is reported with its line number") {
    const CheckReport report = check_text(pump("a") + "\ngarbage\n" + pump("b") + "\n");
    CHECK(problems(report) == Strings{"2: not valid JSON"});
    CHECK(report.bad_lines == std::vector<std::uint64_t>{2});
    CHECK(report.entries == 2);
}

TEST_CASE("line numbers count blank lines, which are not problems") {
    const CheckReport report = check_text("\n" + pump("a") + "\n\n  \r\n{\n");
    CHECK(problems(report) == Strings{"5: not valid JSON"});
    CHECK(report.lines == 5);
}

TEST_CASE("invalid UTF-8 is reported as such") {
    CHECK(findings(line("a", "pump", "\"ml\":1,\"note\":\"\xff\"")) == Strings{"not valid UTF-8"});
}

TEST_CASE("damage the streaming reader skips over is found by the full parse") {
    // The on-demand parser never looks inside an unknown field, nor after the object.
    CHECK(findings(line("a", "pump", R"("ml":1,"x":{"a":2])")) == Strings{"not valid JSON"});
    CHECK(findings(pump("a") + R"({"v":1})") == Strings{"not valid JSON"});
    CHECK(findings(pump("a") + " xx") == Strings{"not valid JSON"});
}

TEST_CASE("a value that is not an object is reported") {
    CHECK(findings("[1,2]") == Strings{"not a JSON object"});
    CHECK(findings("\"text\"") == Strings{"not a JSON object"});
}

TEST_CASE("the fields every entry has are required with their types") {
    CHECK(findings(R"({"id":"a","type":"pump",)" + at + R"(,"ml":1})") == Strings{"no \"v\" (the format version)"});
    CHECK(findings(R"({"v":1,"type":"pump",)" + at + R"(,"ml":1})") == Strings{"no \"id\""});
    CHECK(findings(R"({"v":1,"id":"a",)" + at + R"(,"ml":1})") == Strings{"no \"type\""});
    CHECK(findings(R"({"v":1,"id":"a","type":"pump","ml":1})") == Strings{"no \"at\" (when it happened)"});
    CHECK(findings(R"({"v":"1","id":"a","type":"pump",)" + at + R"(,"ml":1})") ==
          Strings{"\"v\" is not a format version (a whole number, 1)"});
    CHECK(findings(R"({"v":1,"id":"","type":"pump",)" + at + R"(,"ml":1})") ==
          Strings{"\"id\" is not a non-empty string"});
    CHECK(findings(R"({"v":1,"id":7,"type":"pump",)" + at + R"(,"ml":1})") ==
          Strings{"\"id\" is not a non-empty string"});
    CHECK(findings(R"({"v":1,"id":"a","type":"pump","at":"yesterday","ml":1})") ==
          Strings{"\"at\" is not an RFC 3339 time (2026-11-21T14:05:00+01:00)"});
}

TEST_CASE("known fields must have their types on every line") {
    CHECK(findings(line("a", "pump", R"("ml":"90")")) == Strings{"\"ml\" is not a number (millilitres)"});
    CHECK(findings(line("a", "pump", R"("ml":90,"dur_s":90.5)")) ==
          Strings{"note: \"dur_s\" is not a whole number of seconds"});
    CHECK(findings(line("a", "pump", R"("ml":90,"note":5)")) == Strings{"\"note\" is not a string"});
    CHECK(findings(line("a", "void", R"("target":"b","ml":"x")")) == Strings{"\"ml\" is not a number (millilitres)"});
    CHECK(findings(line("a", "store", R"("ml":1,"place":"fridge","pumped":"soon")")) ==
          Strings{"\"pumped\" is not an RFC 3339 time (2026-11-21T14:05:00+01:00)"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":[1])")) == Strings{"\"set\" is not an object"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"at":null})")) ==
          Strings{"\"set.at\" is not an RFC 3339 time"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"ml":"x"})")) ==
          Strings{"\"set.ml\" is not a number (millilitres)"});
}

TEST_CASE("null stands for an absent optional field") {
    CHECK(findings(line("a", "pump", R"("ml":90,"note":null,"dur_s":null,"left_ml":null)")).empty());
}

TEST_CASE("a field written twice is an error") {
    CHECK(findings(line("a", "pump", R"("ml":90,"ml":80)")) == Strings{"\"ml\" appears twice"});
}

TEST_CASE("each known type requires its own fields") {
    CHECK(findings(line("a", "pump")) == Strings{pump_without_ml});
    // A timed session whose volume was not recorded (an app's export): its length stands in.
    CHECK(findings(line("a", "pump", R"("dur_s":900)")).empty());
    CHECK(findings(line("a", "pump", R"("dur_s":null)")) == Strings{pump_without_ml});
    CHECK(findings(line("a", "feed", R"("method":"bottle")")) == Strings{bottle_without_ml});
    // A bottle whose volume was not recorded (an app's export, as log import writes it): its milk stands in.
    CHECK(findings(line("a", "feed", R"("method":"bottle","milk":"formula")")).empty());
    CHECK(findings(line("a", "feed", R"("method":"bottle","milk":null)")) == Strings{bottle_without_ml});
    CHECK(findings(line("a", "feed")) == Strings{"no \"method\" (bottle or breast)"});
    CHECK(findings(line("a", "store", R"("ml":1)")) == Strings{"no \"place\" (where it is stored)"});
    CHECK(findings(line("a", "void")) == Strings{"no \"target\" (the id of the entry it refers to)"});
    CHECK(findings(line("a", "void", R"("target":"")")) == Strings{"\"target\" is empty"});
    CHECK(findings(line("a", "amend", R"("target":"b")")) == Strings{"no \"set\" (the corrected fields)"});
    CHECK(findings(line("a", "use", R"("target":"b")")) == Strings{"no \"ml\" (how much was used)"});
    CHECK(findings(line("a", "move", R"("target":"b")")) == Strings{"no \"place\" (where it moved to)"});
}

// What every reader says of a line: "" when it reads it, else why it skips it.
std::string reader_says(const std::string& text) {
    Entry e;
    std::string error;
    return parse_entry_line(text, e, error) ? "" : error;
}

// What log check says is wrong with a line on its own: its first error, or "".
std::string check_says(const std::string& text) {
    LineValidator validator;
    for (const auto& f : validator.check(text).findings)
        if (f.severity == Severity::error) return f.message;
    return "";
}

TEST_CASE("a line without a field its type requires is bad for every reader, in log check's words") {
    // One complete line of each type, then each with one required field (fields.hpp's table) taken out.
    const std::map<EntryType, std::string> complete = {
        {EntryType::pump, R"("ml":90,"left_ml":40,"right_ml":50,"dur_s":900)"},
        {EntryType::feed, R"("method":"bottle","ml":120,"milk":"formula")"},
        {EntryType::store, R"("ml":120,"place":"freezer","label":"B1")"},
        {EntryType::move, R"("target":"s1","place":"fridge")"},
        {EntryType::use, R"("target":"s1","ml":60)"},
        {EntryType::discard, R"("target":"s1","reason":"expired")"},
        {EntryType::void_, R"("target":"p1")"},
        {EntryType::amend, R"("target":"p1","set":{"ml":95})"},
        {EntryType::timer, R"("action":"start","side":"left")"},
    };
    std::size_t without = 0;
    for (const auto& [type, fields] : complete) {
        const std::string whole = line("a", std::string(type_name(type)), fields);
        CHECK(check_says(whole).empty());
        CHECK(reader_says(whole).empty());
        for (const auto& r : requirements) {
            if (r.type != type) continue;
            const std::string key = "\"" + std::string(r.field) + "\":";
            const auto from = fields.find(key);
            REQUIRE(from != std::string::npos);
            const auto to = fields.find(",\"", from + 1);
            std::string rest = fields.substr(0, from) + (to == std::string::npos ? "" : fields.substr(to + 1));
            if (!rest.empty() && rest.back() == ',') rest.pop_back();
            const std::string text = line("a", std::string(type_name(type)), rest);
            INFO(text);
            CHECK(check_says(text) == "no \"" + std::string(r.field) + "\" (" + std::string(r.why) + ")");
            CHECK(reader_says(text) == check_says(text));
            ++without;
        }
    }
    CHECK(without == requirements.size());
    // Of two fields one is enough, and a volume never stands in for the other: the sides are not the total.
    const std::vector<std::string> lines = {
        line("a", "pump"),
        line("a", "pump", R"("left_ml":30)"),
        line("a", "pump", R"("left_ml":30,"right_ml":25,"note":"sides only")"),
        line("a", "pump", R"("ml":null,"dur_s":null)"),
        line("a", "pump", R"("dur_s":900)"),
        line("a", "pump", R"("left_ml":30,"dur_s":900)"),
        line("a", "feed", R"("method":"bottle")"),
        line("a", "feed", R"("method":"bottle","note":"no amount")"),
        line("a", "feed", R"("method":"bottle","milk":"breast")"),
        line("a", "feed", R"("method":"breast")"),
        line("a", "feed", R"("ml":40)"),
        // What the reader's cheap test cannot tell from a missing field, the DOM does, as check does.
        line("a", "feed", R"("method":"bottle","milk":"")"),
        line("a", "feed", R"("method":"","ml":40)"),
        line("a", "store", R"("ml":120,"place":"")"),
        line("a", "amend", R"("target":"p1","set":{})"),
        line("a", "amend", R"("target":"p1","set":{"grams":1})"),
        line("a", "amend", R"("target":"p1","set":null)"),
        line("a", "void", R"("target":"")"),
        line("a", "timer", R"("action":null)"),
        // Written as pumplog never writes them (simdjson's path): judged alike.
        R"({ "v":1, "id":"a", "type":"pump", "at":"2026-11-21T09:00:00+01:00", "note":"spaced" })",
        R"({"v":1,"id":"a","type":"feed","at":"2026-11-21T09:00:00+01:00","method":"bottle","note":"caf\u00e9"})",
        R"({"v":1,"id":"a","type":"pump","at":"2026-11-21T09:00:00+01:00","dur_s":900,"note":"caf\u00e9"})",
    };
    for (const auto& text : lines) {
        INFO(text);
        CHECK(reader_says(text) == check_says(text));
    }
    CHECK(reader_says(lines[1]) == pump_without_ml);
    CHECK(reader_says(lines[6]) == bottle_without_ml);
    CHECK(reader_says(lines[11]).empty());
    CHECK(reader_says(lines[14]).empty());
    CHECK(reader_says(lines[17]) == "\"target\" is empty");
}

TEST_CASE("an unknown type or a newer format version is a note, not an error") {
    const CheckReport report = check_text(R"({"v":2,"id":"w","type":"weigh",)" + at + R"(,"grams":4200})" + "\n");
    CHECK(problems(report) ==
          Strings{"1: note: format version 2 is newer than this pumplog's (1)",
                  "1: note: unknown type \"weigh\" (from a newer pumplog?); kept, and ignored by computations"});
    CHECK(report.clean());
    CHECK(report.entries == 1);
}

TEST_CASE("an unknown feed method or place is a note") {
    CHECK(findings(line("a", "feed", R"("method":"tube","ml":5)")) ==
          Strings{"note: unknown method \"tube\" (this pumplog knows bottle, breast); ignored by computations"});
    // The stash counts a store in an unknown place as room milk, and skips a move to one (stock_replay.cpp).
    CHECK(findings(line("a", "store", R"("ml":100,"place":"garage")")) ==
          Strings{"note: unknown place \"garage\" (this pumplog knows room, cooler, fridge, freezer); counted as "
                  "room milk, whose limits are the shortest"});
    CHECK(findings(line("a", "move", R"("target":"s","place":"garage")")) ==
          Strings{"note: unknown place \"garage\" (this pumplog knows room, cooler, fridge, freezer); ignored by "
                  "computations"});
}

TEST_CASE("a reference to an id no line has is an error") {
    const CheckReport report = check_text(pump("a") + "\n" + line("v", "void", R"("target":"nope")") + "\n");
    CHECK(problems(report) == Strings{"2: refers to \"nope\", which no line has"});
    CHECK(report.bad_lines == std::vector<std::uint64_t>{2});
}

TEST_CASE("a reference to a bad line is an error, and so is a reference to that") {
    const CheckReport report = check_text(line("a", "pump", R"("ml":"x")") + "\n" +
                                          line("e", "amend", R"("target":"a","set":{"ml":1})") + "\n" +
                                          line("v", "void", R"("target":"e")") + "\n" + pump("b") + "\n");
    CHECK(report.bad_lines == std::vector<std::uint64_t>{1, 2, 3});
    CHECK(problems(report) == Strings{"1: \"ml\" is not a number (millilitres)",
                                      "2: refers to \"a\" on line 1, which is bad",
                                      "3: refers to \"e\" on line 2, which is bad"});
}

TEST_CASE("stock lines must refer to a stored container and amendments to an entry") {
    const CheckReport report = check_text(pump("p") + "\n" + line("u", "use", R"("target":"p","ml":5)") + "\n" +
                                          line("v", "void", R"("target":"p")") + "\n" +
                                          line("a", "amend", R"("target":"v","set":{"ml":1})") + "\n");
    CHECK(problems(report) == Strings{"2: refers to line 1, a pump line, not a stored container",
                                      "4: corrects line 3, a void line (only entries can be corrected)"});
}

TEST_CASE("an amendment of an amendment is named with the article its type takes") {
    const CheckReport report = check_text(pump("p") + "\n" + line("a", "amend", R"("target":"p","set":{"ml":1})") +
                                          "\n" + line("b", "amend", R"("target":"a","set":{"ml":2})") + "\n");
    CHECK(problems(report) == Strings{"3: corrects line 2, an amend line (only entries can be corrected)"});
}

TEST_CASE("an amendment that sets a field its target's type does not carry is an error") {
    const CheckReport report = check_text(pump("p") + "\n" + line("s", "skip") + "\n" +
                                          line("a", "amend", R"("target":"p","set":{"method":"bottle"})") + "\n" +
                                          line("b", "amend", R"("target":"s","set":{"ml":80})") + "\n");
    CHECK(problems(report) == Strings{"3: corrects line 1: sets \"method\", which a pump does not carry",
                                      "4: corrects line 2: sets \"ml\", which a skip does not carry"});
    CHECK(report.bad_lines == std::vector<std::uint64_t>{3, 4});
}

TEST_CASE("a field written twice in an amendment's set is an error") {
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"ml":60,"ml":70})")) ==
          Strings{"\"set.ml\" appears twice"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"at":"2026-11-21T09:00:00+01:00","note":"x",)"
                                      R"("at":"2026-11-21T10:00:00+01:00"})")) == Strings{"\"set.at\" appears twice"});
    // A key of the line may also be one of its set's.
    CHECK(findings(line("a", "amend", R"("set":{"note":"x"},"target":"b","note":"y")")).empty());
}

TEST_CASE("an amendment that leaves its target without a field its type requires is an error") {
    const std::string breast = line("f", "feed", R"("method":"breast","left_s":600)");
    const CheckReport report =
        check_text(pump("p") + "\n" + line("s", "store", R"("ml":90,"place":"fridge")") + "\n" + breast + "\n" +
                   line("a", "amend", R"("target":"p","set":{"ml":null})") + "\n" +
                   line("b", "amend", R"("target":"s","set":{"place":null})") + "\n" +
                   line("c", "amend", R"("target":"f","set":{"method":"bottle"})") + "\n" +
                   line("d", "amend", R"("target":"f","set":{"method":null})") + "\n" +
                   line("g", "feed", R"("method":"bottle","ml":60)") + "\n" +
                   line("e", "amend", R"("target":"g","set":{"ml":null})") + "\n");
    CHECK(problems(report) ==
          Strings{"4: corrects line 1: would leave the pump without \"ml\" (a pump records a volume, or dur_s when "
                  "its volume is unknown)",
                  "5: corrects line 2: would leave the store without \"place\" (where it is stored)",
                  "6: corrects line 3: would leave the feed without \"ml\" (a bottle feed records a volume, or milk "
                  "when its volume is unknown)",
                  "7: corrects line 3: would leave the feed without \"method\" (bottle or breast)",
                  "9: corrects line 8: would leave the feed without \"ml\" (a bottle feed records a volume, or milk "
                  "when its volume is unknown)"});
    CHECK(report.bad_lines == std::vector<std::uint64_t>{4, 5, 6, 7, 9});
}

TEST_CASE("no field a type requires may be removed by an amendment") {
    const std::map<EntryType, std::string> valid = {
        {EntryType::feed, line("t", "feed", R"("method":"bottle","ml":60,"milk":"formula")")},
        {EntryType::store, line("t", "store", R"("ml":90,"place":"fridge")")},
        {EntryType::move, line("t", "move", R"("target":"s","place":"freezer")")},
        {EntryType::use, line("t", "use", R"("target":"s","ml":10)")}};
    const std::string store = line("s", "store", R"("ml":90,"place":"fridge")");
    for (const Requirement& r : requirements) {
        const FieldSpec* field = field_named(r.field);
        if (!field->amendable()) continue;
        INFO(type_name(r.type) << " " << r.field);
        REQUIRE(valid.count(r.type) == 1);
        const std::string removes =
            line("a", "amend", R"("target":"t","set":{")" + std::string(r.field) + R"(":null})");
        CHECK(check_text(store + "\n" + valid.at(r.type) + "\n" + removes + "\n").bad_lines ==
              std::vector<std::uint64_t>{3});
    }
}

TEST_CASE("an amendment that leaves its target a valid entry is clean") {
    const CheckReport report = check_text(
        pump("p") + "\n" + line("q", "pump", R"("ml":50,"dur_s":600,"note":"n")") + "\n" +
        line("f", "feed", R"("method":"bottle","ml":60)") + "\n" +
        line("g", "feed", R"("method":"breast","left_s":600)") + "\n" +
        line("a", "amend", R"("target":"f","set":{"ml":80,"note":null})") + "\n" +
        line("b", "amend", R"("target":"q","set":{"ml":null,"note":null})") + "\n" +
        line("c", "amend", R"("target":"p","set":{"ml":null,"dur_s":900})") + "\n" +
        line("d", "amend", R"("target":"g","set":{"method":"bottle","ml":70})") + "\n" +
        line("e", "amend", R"("target":"f","set":{"ml":null,"milk":"formula"})") + "\n" +
        line("h", "feed", R"("method":"bottle","ml":60,"milk":"formula")") + "\n" +
        line("i", "amend", R"("target":"h","set":{"ml":null})") + "\n");
    CHECK(problems(report).empty());
    CHECK(report.entries == 11);
}

TEST_CASE("a second line with an id already taken is an error, a copy or a clash") {
    const CheckReport report = check_text(pump("a") + "\n" + pump("a") + "\n" + pump("a", 80) + "\n");
    CHECK(problems(report) == Strings{"2: a copy of line 1 (the same id \"a\")",
                                      "3: id \"a\" is already taken by line 1, with other content"});
    CHECK(report.bad_lines == std::vector<std::uint64_t>{2, 3});
    CHECK(report.entries == 1);
}

TEST_CASE("a correction standing before its target is a note") {
    const CheckReport report = check_text(line("v", "void", R"("target":"a")") + "\n" + pump("a") + "\n");
    CHECK(problems(report) ==
          Strings{"1: note: refers to line 2, which comes after it (readers then read the journal twice)"});
    CHECK(report.clean());
}

TEST_CASE("an incomplete last line says so") {
    const CheckReport report = check_text(pump("a") + "\n" + R"({"v":1,"id":"b","ty)");
    CHECK(problems(report) == Strings{"2: an incomplete last line (a write cut short?): not valid JSON"});
}

TEST_CASE("a missing journal is clean and empty") {
    TempDir dir;
    const CheckReport report = check_journal(Journal(dir.path() / "none.jsonl"));
    CHECK(report.clean());
    CHECK(report.lines == 0);
}

TEST_CASE("check refuses a folder where the journal should be") {
    TempDir dir;
    fs::create_directory(dir.path() / "j.jsonl");
    CHECK_THROWS_AS(check_journal(Journal(dir.path() / "j.jsonl")), Error);
}

TEST_CASE("repair moves the bad lines to JOURNAL.rejected and keeps every good line byte for byte") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    const std::string good1 = pump("a") + "\r";  // a CRLF line stays CRLF
    const std::string good2 = line("w", "weigh", R"("grams":1,"extra":{"k":[1,2]})");
    const std::string good3 = R"({ "v" : 1, "type":"pump", "id":"b", )" + at + R"(, "ml": 90.50 })";
    const std::string bad1 = "garbage";
    const std::string bad2 = line("v", "void", R"("target":"nope")");
    const std::string partial = R"({"v":1,"id":"c")";
    write_file(journal.path(), good1 + "\n" + bad1 + "\n" + good2 + "\n\n" + bad2 + "\n" + good3 + "\n" + partial);
    write_file(rejected_path(journal.path()), "earlier rejected line\n");
    const std::string before = read_file(journal.path());

    const RepairResult result = repair_journal(journal);
    CHECK(result.report.bad_lines == std::vector<std::uint64_t>{2, 5, 7});
    CHECK(result.moved == 3);
    CHECK(result.kept == 4);
    CHECK(read_file(journal.path()) == good1 + "\n" + good2 + "\n\n" + good3 + "\n");
    CHECK(read_file(rejected_path(journal.path())) ==
          "earlier rejected line\n" + bad1 + "\n" + bad2 + "\n" + partial + "\n");
    CHECK(read_file(dir.path() / "j.jsonl.bak") == before);
    CHECK(check_journal(journal).clean());
}

TEST_CASE("repair leaves a clean journal untouched") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), pump("a") + "\n" + line("w", "weigh") + "\n");
    const RepairResult result = repair_journal(journal);
    CHECK(result.moved == 0);
    CHECK(read_file(journal.path()) == pump("a") + "\n" + line("w", "weigh") + "\n");
    CHECK_FALSE(fs::exists(dir.path() / "j.jsonl.bak"));
    CHECK_FALSE(fs::exists(rejected_path(journal.path())));
}

TEST_CASE("raw lines are numbered from 1 and a final newline starts no line") {
    TempDir dir;
    write_file(dir.path() / "f", "a\r\n\nb\nc");
    std::vector<std::string> seen;
    CHECK(for_each_raw_line(dir.path() / "f", [&](const RawLine& l) {
        seen.push_back(std::to_string(l.number) + ":" + std::string(l.text) + (l.last_without_newline ? "!" : ""));
    }));
    CHECK(seen == Strings{"1:a\r", "2:", "3:b", "4:c!"});
    seen.clear();
    write_file(dir.path() / "g", "a\n");
    for_each_raw_line(dir.path() / "g", [&](const RawLine& l) { seen.push_back(std::string(l.text)); });
    CHECK(seen == Strings{"a"});
    CHECK_FALSE(for_each_raw_line(dir.path() / "missing", [](const RawLine&) {}));
}

TEST_CASE("a negative or absurd volume is an error, 0 and 10000 ml are fine") {
    CHECK(findings(line("a", "pump", R"("ml":-90)")) == Strings{"note: \"ml\" of -90 ml is not a plausible volume (0 to 10000 ml)"});
    CHECK(findings(line("a", "pump", R"("ml":1e308)")) ==
          Strings{"note: \"ml\" of 1e+308 ml is not a plausible volume (0 to 10000 ml)"});
    CHECK(findings(line("a", "pump", R"("ml":90,"left_ml":10001,"right_ml":0)")) ==
          Strings{"note: \"left_ml\" of 10001 ml is not a plausible volume (0 to 10000 ml)"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"ml":-1})")) ==
          Strings{"note: \"set.ml\" of -1 ml is not a plausible volume (0 to 10000 ml)"});
    CHECK(findings(line("a", "pump", R"("ml":10000,"left_ml":0)")).empty());
    CHECK(findings(line("a", "use", R"("target":"b","ml":0)")).empty());
}

TEST_CASE("a negative or absurd duration is an error, none to a day is fine") {
    CHECK(findings(line("a", "feed", R"("method":"breast","left_s":-5)")) ==
          Strings{"note: \"left_s\" of -5 s is not a plausible duration (0 to 86400 s, a day)"});
    CHECK(findings(line("a", "feed", R"("method":"breast","right_s":9000000000000000000)")) ==
          Strings{"note: \"right_s\" of 9000000000000000000 s is not a plausible duration (0 to 86400 s, a day)"});
    CHECK(findings(line("a", "pump", R"("ml":90,"dur_s":86401)")) ==
          Strings{"note: \"dur_s\" of 86401 s is not a plausible duration (0 to 86400 s, a day)"});
    CHECK(findings(line("a", "amend", R"("target":"b","set":{"dur_s":-1})")) ==
          Strings{"note: \"set.dur_s\" of -1 s is not a plausible duration (0 to 86400 s, a day)"});
    CHECK(findings(line("a", "pump", R"("ml":90,"dur_s":86400)")).empty());
    CHECK(findings(line("a", "feed", R"("method":"breast","left_s":0,"right_s":600)")).empty());
}

TEST_CASE("check bounds lines as every reader does: 64 levels and 1 MiB") {
    const std::string deep = line("a", "pump", "\"ml\":1,\"x\":" + std::string(64, '[') + std::string(64, ']'));
    CHECK(findings(deep) == Strings{"nested deeper than 64 levels"});
    const std::string ok = line("a", "pump", "\"ml\":1,\"x\":" + std::string(63, '[') + std::string(63, ']'));
    CHECK(findings(ok).empty());
    const std::string long_note = line("a", "pump", "\"ml\":1,\"note\":\"" + std::string(1 << 20, 'n') + "\"");
    CHECK(findings(long_note) == Strings{"longer than 1 MiB (1048576 bytes)"});
}

TEST_CASE("a byte-order mark on line 1 is accepted, elsewhere it is not JSON") {
    const CheckReport report = check_text("\xEF\xBB\xBF" + pump("a") + "\n" + pump("b") + "\n");
    CHECK(report.clean());
    CHECK(problems(check_text(pump("a") + "\n\xEF\xBB\xBF" + pump("b") + "\n")) == Strings{"2: not valid JSON"});
}
}  // namespace PUMPLOG_UNITY_ID
