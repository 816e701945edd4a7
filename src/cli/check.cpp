// `log check [--repair]`: validate every line of the journal, report problems
// by line number, and optionally move the bad lines out.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/check.hpp"
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

int run_check(Context& ctx, bool repair) {
    ctx.format();  // a report for people and grep; refuse --format json rather than ignore it
    ctx.strict = false;  // it reads every line whole itself, and reports them all rather than the first
    const std::string path = ctx.journal().path().string();
    if (!repair) {
        const Journal& journal = ctx.journal();
        const CheckReport report = check_journal(journal);
        print_problems(path, report);
        fmt::print("{}\n", summary(path, report));
        if (!report.clean())
            fmt::print("Run pumplog log check --repair to move the bad lines to {} (nothing is deleted).\n",
                       rejected_path(journal.path()).string());
        return report.clean() ? 0 : 3;
    }
    Journal& journal = ctx.journal_to_write();
    const RepairResult result = repair_journal(journal);
    print_problems(path, result.report);
    fmt::print("{}\n", summary(path, result.report));
    if (result.moved == 0) return result.report.clean() ? 0 : 3;
    fmt::print("Moved {} to {}; kept {}. The journal before the repair is {}.\n",
               plural(result.moved, "bad line", "bad lines"), result.rejected.string(),
               plural(result.kept, "line", "lines"), resolve_journal(journal.path()).string() + ".bak");
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
