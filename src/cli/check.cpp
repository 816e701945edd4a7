// `log check [--repair]`: validate every line of the journal, report problems
// by line number, and optionally move the bad lines out.
#include <algorithm>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/check.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

void print_problems(const std::string& path, const CheckReport& report) {
    for (const auto& p : report.problems)
        fmt::print("{}:{}: {}{}\n", path, p.line, p.severity == Severity::note ? "note: " : "", p.message);
}

std::string summary(const std::string& path, const CheckReport& report) {
    std::string text = fmt::format("{}: {}, {}", path, plural(report.lines, "line", "lines"),
                                   plural(report.entries, "good entry", "good entries"));
    if (!report.clean()) text += ", " + plural(report.bad_lines.size(), "bad line", "bad lines");
    else text += ", no errors";
    if (report.notes() > 0) text += ", " + plural(report.notes(), "note", "notes");
    return text;
}

// The line number of each byte offset in `offsets` (sorted), counting the file's newlines once.
std::vector<std::uint64_t> line_numbers(const std::filesystem::path& path, const std::vector<std::uint64_t>& offsets) {
    std::vector<std::uint64_t> numbers;
    std::ifstream in(path, std::ios::binary);
    std::uint64_t offset = 0, line = 1;
    char c = 0;
    for (const std::uint64_t wanted : offsets) {
        for (; offset < wanted && in.get(c); ++offset)
            if (c == '\n') ++line;
        numbers.push_back(line);
    }
    return numbers;
}

// Notes for timer starts never stopped nor cancelled though a later one started (two devices' journals
// merged): nothing else would show them once they are past the 2 days a running timer is looked for.
void add_timer_notes(Context& ctx, const Journal& journal, CheckReport& report) {
    ReplayOptions options;
    options.raw = false;
    options.keep = [](const Entry& e) { return e.type == EntryType::timer || e.type == EntryType::pump; };
    const History history = ctx.history(journal, options);
    const auto found = unstopped_timers(history.entries);
    if (found.empty()) return;
    std::vector<std::uint64_t> offsets;
    for (const auto& [start, later] : found) offsets.insert(offsets.end(), {start->offset, later->offset});
    std::sort(offsets.begin(), offsets.end());
    const std::vector<std::uint64_t> numbers = line_numbers(journal.path(), offsets);
    const auto line_of = [&](const Entry& e) {
        return numbers[static_cast<std::size_t>(std::lower_bound(offsets.begin(), offsets.end(), e.offset) -
                                                offsets.begin())];
    };
    const date::time_zone* zone = ctx.clock().zone;
    for (const auto& [start, later] : found)
        report.problems.push_back(
            {line_of(*start), Severity::note,
             fmt::format("the pump timer started at {} was never stopped or cancelled, and another started at {} "
                         "(line {}): timed on two devices? pumplog pump stop --started picks one while it runs",
                         format_date_time(start->at.instant, zone), format_date_time(later->at.instant, zone),
                         line_of(*later))});
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
}

// Notes for the uses that took less than they say (ShortUse, stock.hpp): more than their container still held,
// or written after it was used up or thrown away. Not bad lines: the milk was used, and `stock` and `report`
// count what was left. The stash's own replay says which (read_stock), so the three cannot disagree.
void add_short_use_notes(const Journal& journal, CheckReport& report) {
    const Stock stock = read_stock(journal, cdc_guideline(), {}, std::nullopt, false).stock;  // volumes only
    if (stock.short_uses.empty()) return;
    std::vector<std::uint64_t> offsets;
    for (const ShortUse& use : stock.short_uses) offsets.push_back(use.offset);
    std::sort(offsets.begin(), offsets.end());
    const std::vector<std::uint64_t> numbers = line_numbers(journal.path(), offsets);
    for (const ShortUse& use : stock.short_uses) {
        const std::uint64_t line = numbers[static_cast<std::size_t>(
            std::lower_bound(offsets.begin(), offsets.end(), use.offset) - offsets.begin())];
        const std::string written = format_volume(use.written, Unit::ml), label = terminal_text(use.label);
        const char* end = use.state == ContainerState::used_up ? "used up" : "discarded";
        if (use.type != EntryType::use) {
            report.problems.push_back({line, Severity::note,
                                       fmt::format("{} {} after it was {}; skipped",
                                                   use.type == EntryType::move ? "moves" : "discards", label, end)});
            continue;
        }
        report.problems.push_back(
            {line, Severity::note,
             use.state == ContainerState::in_stock
                 ? fmt::format("uses {} of {}, which had {} left; counted as {}", written, label,
                               format_volume(use.left, Unit::ml), format_volume(use.left, Unit::ml))
                 : fmt::format("uses {} of {} after it was {}; counted as none", written, label, end)});
    }
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
}

int run_check(Context& ctx, bool repair) {
    ctx.format();  // a report for people and grep; refuse --format json rather than ignore it
    ctx.strict = false;  // it reads every line whole itself, and reports them all rather than the first
    // The path as given is text: escaped, so each problem stays one FILE:LINE: line (SPEC 8).
    const std::string path = terminal_text(ctx.journal().path().string());
    if (!repair) {
        const Journal& journal = ctx.journal();
        CheckReport report = check_journal(journal);
        // Entries to replay (a clean journal's), and only with two timer lines or more: the whole journal
        // read again doubled every check (346M -> 660M instructions on 100k lines).
        if (report.clean() && report.timer_lines >= 2) add_timer_notes(ctx, journal, report);
        // The stash read again only when the lines say a use might take more than its container held.
        if (report.short_uses_possible) add_short_use_notes(journal, report);
        print_problems(path, report);
        fmt::print("{}\n", summary(path, report));
        if (!report.clean())
            fmt::print("Run pumplog log check --repair to move the bad lines to {} (nothing is deleted).\n",
                       terminal_text(rejected_path(journal.path()).string()));
        return report.clean() ? 0 : 3;
    }
    Journal& journal = ctx.journal_to_write();
    const RepairResult result = repair_journal(journal);
    print_problems(path, result.report);
    fmt::print("{}\n", summary(path, result.report));
    if (result.moved == 0) return result.report.clean() ? 0 : 3;
    fmt::print("Moved {} to {}; kept {}. The journal before the repair is {}.\n",
               plural(result.moved, "bad line", "bad lines"), terminal_text(result.rejected.string()),
               plural(result.kept, "line", "lines"), terminal_text(resolve_journal(journal.path()).string() + ".bak"));
    // Exit 0 only for a journal that is now clean: check it again.
    return check_journal(journal).clean() ? 0 : 3;
}

}  // namespace

void setup_check(CLI::App& log, Context& ctx) {
    auto* check = log.add_subcommand("check", "validate the journal; report bad lines by number");
    auto repair = std::make_shared<bool>(false);
    check->add_flag("--repair", *repair,
                    "move bad lines to JOURNAL.rejected (appended) and rewrite the journal atomically "
                    "(JOURNAL.bak kept)");
    check->footer(
        "Examples:\n  pumplog log check\n  pumplog log check --repair\n\n"
        "Prints one line per problem (FILE:LINE: what is wrong), then a summary. Exit status 0 when the "
        "journal is clean (notes, such as an entry type from a newer pumplog, do not count), 3 otherwise.");
    ctx.accept_formats(*check, {Format::table});
    check->callback([&ctx, repair] { ctx.action = [&ctx, repair] { return run_check(ctx, *repair); }; });
}

}  // namespace pumplog::cli
