// Fuzz the check validator (LineValidator, Checker) on whole journal files:
// never a crash; the report adds up (every line good, bad or blank; problems in
// line order); and whatever check calls good, the journal reader reads
// (parse_entry_line), with the same id, type and target; and the fast scanner's
// verdict on each line is the full parse's (LineValidator::check_with_dom).
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "pumplog/check.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    // Split as for_each_raw_line does.
    std::vector<RawLine> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const bool last = nl == std::string_view::npos;
        lines.push_back({lines.size() + 1, text.substr(start, last ? std::string_view::npos : nl - start), last});
        start = last ? text.size() : nl + 1;
    }

    static LineValidator validator;
    std::uint64_t blank = 0;
    for (const auto& line : lines) {
        const LineVerdict verdict = validator.check(line.text);
        const LineVerdict dom = validator.check_with_dom(line.text);
        FUZZ_REQUIRE(verdict.blank == dom.blank && verdict.id == dom.id && verdict.target == dom.target &&
                     verdict.type == dom.type && verdict.findings.size() == dom.findings.size());
        for (std::size_t i = 0; i < dom.findings.size(); ++i)
            FUZZ_REQUIRE(verdict.findings[i].severity == dom.findings[i].severity &&
                         verdict.findings[i].message == dom.findings[i].message);
        if (verdict.blank) {
            ++blank;
            FUZZ_REQUIRE(verdict.findings.empty());
            continue;
        }
        if (!verdict.ok()) continue;
        std::string_view body = line.text;
        if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
        Entry entry;
        std::string error;
        FUZZ_REQUIRE(parse_entry_line(body, entry, error));
        FUZZ_REQUIRE(entry.id == verdict.id && entry.type == verdict.type);
        if (!verdict.target.empty()) FUZZ_REQUIRE(entry.target == verdict.target);
    }

    Checker checker;
    for (const auto& line : lines) checker.add(line);
    const CheckReport report = checker.finish();
    FUZZ_REQUIRE(report.lines == lines.size());
    FUZZ_REQUIRE(report.entries + report.bad_lines.size() + blank == report.lines);
    for (std::size_t i = 1; i < report.problems.size(); ++i)
        FUZZ_REQUIRE(report.problems[i - 1].line <= report.problems[i].line);
    for (std::size_t i = 1; i < report.bad_lines.size(); ++i)
        FUZZ_REQUIRE(report.bad_lines[i - 1] < report.bad_lines[i]);
    for (const auto bad : report.bad_lines) {
        bool explained = false;
        for (const auto& p : report.problems) explained = explained || (p.line == bad && p.severity == Severity::error);
        FUZZ_REQUIRE(explained);
    }
    return 0;
}
