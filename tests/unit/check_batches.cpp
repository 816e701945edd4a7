// check_journal's shared-out work (check.hpp, CheckOptions): lines read in
// batches, validated on two threads and merged in line order give the very
// report of a Checker fed line by line, wherever the batches split the file.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "pumplog/check.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

namespace {

std::string line(const std::string& id, const std::string& type, const std::string& fields = "") {
    return R"({"v":1,"id":")" + id + R"(","type":")" + type + R"(","at":"2026-11-21T09:00:00+01:00")" +
           (fields.empty() ? "" : "," + fields) + "}";
}

// Everything a report says, in one string: equal strings, equal reports.
std::string shown(const CheckReport& report) {
    std::string out = "lines " + std::to_string(report.lines) + ", entries " + std::to_string(report.entries) +
                      ", bad";
    for (const auto bad : report.bad_lines) out += " " + std::to_string(bad);
    out += "\n";
    for (const auto& p : report.problems)
        out += std::to_string(p.line) + ": " + (p.severity == Severity::note ? "note: " : "") + p.message + "\n";
    return out;
}

// The report of a Checker fed the raw lines one by one, on this thread.
std::string line_by_line(const Journal& journal) {
    Checker checker;
    journal.for_each_raw_line([&](const RawLine& raw) { checker.add(raw); });
    return shown(checker.finish());
}

std::string checked(const Journal& journal, unsigned threads, std::size_t batch_bytes) {
    return shown(check_journal(journal, CheckOptions{threads, batch_bytes}));
}

// A journal of `count` lines of every kind check tells apart, with bad lines,
// copies, clashes and references back and forth spread all over it (the same
// every run: a seeded mt19937's raw numbers), ending in a cut-off line.
std::string generated_journal(std::size_t count) {
    std::mt19937 random(20261203);
    const auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const auto some = [&](const std::string& prefix) { return prefix + std::to_string(below(count)); };
    const auto refers = [](const std::string& target) { return R"("target":")" + target + "\""; };
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        std::string text;
        switch (below(16)) {
            case 0: text = "not json " + n; break;
            case 1: text = line("p" + n, "pump", R"("ml":-5)"); break;  // bad, with an id
            case 2: text = lines.empty() ? "" : lines[below(lines.size())]; break;  // a copy
            case 3: text = line("p" + std::to_string(below(i + 1)), "pump", R"("ml":7)"); break;  // a clash or a copy
            case 4: text = line("u" + n, "use", refers(some("s")) + R"(,"ml":5)"); break;
            case 5: text = line("v" + n, "void", refers(some("p"))); break;
            case 6: text = line("a" + n, "amend", refers(some("v")) + R"(,"set":{"ml":1})"); break;
            case 7: text = line("m" + n, "move", refers(some("u")) + R"(,"place":"freezer")"); break;
            case 8: text = below(2) ? "" : "  \r"; break;
            case 9: text = line("x" + n, "weigh", R"("grams":1)") + "\r"; break;
            case 10: text = line("t" + n, "tomorrow"); break;  // an unknown type: a note
            case 11:  // long, or very
                text = line("p" + n, "pump", R"("ml":60,"note":")" + std::string(below(3) * 3000, 'n') + "\"");
                break;
            case 12:  // for the full parse
                text = R"({ "v" : 1, "id" : "s)" + n +
                       R"(", "type":"store", "at":"2026-11-21T09:00:00+01:00", "ml": 80, "place":"fridge" })";
                break;
            default:
                text = line(below(2) ? "s" + n : "p" + n, below(2) ? "store" : "pump", R"("ml":90,"place":"fridge")");
        }
        lines.push_back(text);
    }
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    return text + R"({"v":1,"id":"u-last","type":"use","target":")";
}

}  // namespace

TEST_CASE("check on two threads reports exactly what a check line by line reports") {
    TempDir dir;
    const Journal journal(dir.path() / "j.jsonl");
    write_file(journal.path(), generated_journal(6000));
    const std::string expected = line_by_line(journal);
    // The journal has what the test is about, all over it.
    for (const char* kind : {"a copy of line", "is already taken by line", "which is bad", "which no line has",
                             "which comes after it", "not a stored container", "(only entries can be corrected)",
                             "note: unknown type", "not valid JSON", "not a plausible volume",
                             "6001: an incomplete last line (a write cut short?): not valid JSON"})
        CHECK(expected.find(kind) != std::string::npos);
    CHECK(fs::file_size(journal.path()) > 4 * CheckOptions{}.batch_bytes);  // more batches than the queue holds

    CHECK(shown(check_journal(journal)) == expected);
    CHECK(checked(journal, 1, CheckOptions{}.batch_bytes) == expected);
    for (const std::size_t batch_bytes : {1, 100, 4096, 50000, 1 << 20}) {
        INFO("batches of " << batch_bytes << " bytes");
        CHECK(checked(journal, 2, batch_bytes) == expected);
        CHECK(checked(journal, 1, batch_bytes) == expected);
    }
    // Many times over, as the two threads take their batches in another order each time.
    for (int i = 0; i < 20; ++i) CHECK(checked(journal, 2, 2000) == expected);
}

TEST_CASE("repair of a journal checked on two threads moves exactly the bad lines") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    const std::string text = generated_journal(6000);
    write_file(journal.path(), text);
    Checker checker;
    journal.for_each_raw_line([&](const RawLine& raw) { checker.add(raw); });
    const CheckReport expected = checker.finish();
    // Every good line in order, but one that refers to a later line goes just after it (pumplog(5) "Order").
    std::string kept, moved;
    std::map<std::uint64_t, std::string> texts;
    std::map<std::uint64_t, std::vector<std::uint64_t>> followers;
    std::set<std::uint64_t> held;
    REQUIRE_FALSE(expected.before_target.empty());
    for (const auto& [line, target] : expected.before_target) {
        followers[target].push_back(line);
        held.insert(line);
    }
    std::function<void(std::uint64_t)> keep = [&](std::uint64_t number) {
        kept += texts[number] + "\n";
        for (const std::uint64_t f : followers[number]) keep(f);
    };
    journal.for_each_raw_line([&](const RawLine& raw) {
        const bool bad = std::binary_search(expected.bad_lines.begin(), expected.bad_lines.end(), raw.number);
        texts[raw.number] = std::string(raw.text);
        if (bad) moved += std::string(raw.text) + "\n";
        else if (!held.count(raw.number)) keep(raw.number);
    });

    const RepairResult result = repair_journal(journal);
    CHECK(shown(result.report) == shown(expected));
    CHECK(result.moved == expected.bad_lines.size());
    CHECK(testing::read_file(journal.path()) == kept);
    CHECK(testing::read_file(rejected_path(journal.path())) == moved);
    CHECK(testing::read_file(dir.path() / "j.jsonl.bak") == text);
    CHECK(check_journal(journal).clean());
}

TEST_CASE("check splits the file into batches anywhere, on a very long line too") {
    const std::string long_note(300000, 'x');
    const std::vector<std::string> lines = {
        line("u", "use", R"("target":"s","ml":5)"),        // refers to a later line
        line("p", "pump", R"("ml":90)"),
        "",
        line("p", "pump", R"("ml":90,"note":")" + long_note + "\""),  // a clash, and long
        line("s", "store", R"("ml":90,"place":"fridge")"),
        line("v", "void", R"("target":"q")") + "\r",
        std::string((1 << 20) + 1, 'y'),                   // longer than 1 MiB (as much as the reader holds)
        line("q", "pump", R"("ml":"x")"),                  // bad, its voider above too
        line("p", "pump", R"("ml":90)"),                   // a copy of line 2
        line("a", "amend", R"("target":"v","set":{"ml":1})"),
    };
    TempDir dir;
    const Journal journal(dir.path() / "j.jsonl");
    for (const bool newline_at_end : {true, false}) {
        std::string text;
        for (const auto& l : lines) text += l + "\n";
        if (!newline_at_end) text += R"({"v":1,"id":"w","type":"void","target":"p")";  // cut short
        write_file(journal.path(), text);
        const std::string expected = line_by_line(journal);
        CHECK(expected.find("7: longer than 1 MiB") != std::string::npos);
        CHECK((expected.find("11: an incomplete last line") != std::string::npos) == !newline_at_end);
        // The first batch ends after line k (its bytes reach batch_bytes
        // there), and the next ones each a batch_bytes further on.
        std::size_t before = 0;
        for (std::size_t k = 0; k <= lines.size(); ++k) {
            INFO("split after line " << k << (newline_at_end ? "" : ", no newline at the end"));
            CHECK(checked(journal, 2, std::max<std::size_t>(before, 1)) == expected);
            if (k < lines.size()) before += lines[k].size();
        }
    }
}

TEST_CASE("check of an empty journal, one line, and a blank one is the same on two threads") {
    TempDir dir;
    const Journal journal(dir.path() / "j.jsonl");
    const std::string pump = line("a", "pump", R"("ml":90)"), cut = R"({"v":1,"id":"b")",
                      self = line("v", "void", R"("target":"v")");
    const std::vector<std::string> texts = {"", "\n", pump, pump + "\n", cut, cut + "\n", self, self + "\n"};
    for (const auto& text : texts) {
        write_file(journal.path(), text);
        const std::string expected = line_by_line(journal);
        for (const std::size_t batch_bytes : {1, 64 << 10}) {
            INFO(text << " in batches of " << batch_bytes << " bytes");
            CHECK(checked(journal, 2, batch_bytes) == expected);
        }
    }
    write_file(journal.path(), "");
    CHECK(checked(journal, 2, 1) == "lines 0, entries 0, bad\n");
    write_file(journal.path(), R"({"v":1,"id":"b")");
    CHECK(checked(journal, 2, 1) ==
          "lines 1, entries 0, bad 1\n1: an incomplete last line (a write cut short?): not valid JSON\n");
    write_file(journal.path(), line("v", "void", R"("target":"v")"));
    CHECK(checked(journal, 2, 1) == "lines 1, entries 0, bad 1\n1: voids itself\n");
}

}  // namespace PUMPLOG_UNITY_ID
