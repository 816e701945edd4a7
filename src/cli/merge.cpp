// `log merge FILE...`: union-merge other copies of the journal into it.
#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/check.hpp"
#include "pumplog/merge.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

std::string entries(std::size_t n) { return fmt::format("{} {}", n, n == 1 ? "entry" : "entries"); }

int run_merge(Context& ctx, const std::vector<std::string>& files) {
    ctx.format();
    Journal& journal = ctx.journal_to_write();
    const std::vector<std::filesystem::path> paths(files.begin(), files.end());
    const MergeResult result = merge_into(journal, paths, ctx.strict);
    // Bad lines of the copies, capped per copy (SPEC 8).
    for (std::size_t first = 0; first < result.skipped.size();) {
        std::size_t last = first;
        while (last < result.skipped.size() && result.skipped[last].source == result.skipped[first].source) ++last;
        warn_capped(last - first, terminal_text(result.skipped[first].source), [&](std::size_t i) {
            const MergeSkipped& s = result.skipped[first + i];
            fmt::print(stderr, "pumplog: warning: {}:{}: {}; skipped\n", terminal_text(s.source), s.line,
                       terminal_text(s.reason));
        });
        first = last;
    }
    const std::string rejected = terminal_text(rejected_path(journal.path()).string());
    // Conflicts, capped like bad lines (SPEC 8): a sync-conflict copy may differ in dozens of ids.
    const auto& conflicts = result.conflicts;
    const auto rest = conflicts.size() > warnings_shown ? conflicts.begin() + warnings_shown : conflicts.end();
    const auto moved = std::count_if(rest, conflicts.end(), [](const MergeConflict& c) { return c.displaced; });
    const std::string more =
        fmt::format("more {} with other content as above, each kept as the line that sorts first{}",
                    conflicts.end() - rest == 1 ? "id" : "ids",
                    moved > 0 ? fmt::format("; {} that lost {} in {}", plural(moved, "journal line", "journal lines"),
                                            moved == 1 ? "is" : "are", rejected)
                              : std::string());
    warn_capped(conflicts.size(), terminal_text(journal.path().string()), [&](std::size_t i) {
        const MergeConflict& c = conflicts[i];
        fmt::print(stderr,
                   "pumplog: warning: {}:{}: id \"{}\" is also on {}:{} with other content; kept that one (its line "
                   "sorts first){}\n",
                   terminal_text(c.source), c.line, terminal_text(c.id), terminal_text(c.kept_source), c.kept_line,
                   c.displaced ? " and moved this one to " + rejected : std::string());
    }, more);
    for (const auto& count : result.per_source) {
        if (count.added > 0)
            fmt::print("{}: {} came in, {} already in the journal\n", terminal_text(count.source), entries(count.added),
                       entries(count.present));
        else
            fmt::print("{}: nothing new ({} already in the journal)\n", terminal_text(count.source),
                       entries(count.present));
    }
    if (result.rewritten) {
        fmt::print("Merged {} into {}; the journal before the merge is {}.\n", entries(result.added),
                   terminal_text(journal.path().string()),
                   terminal_text(resolve_journal(journal.path()).string() + ".bak"));
        // Merging keeps every entry, even one whose target is in no copy: say so.
        const CheckReport report = check_journal(journal);
        if (!report.clean())
            fmt::print(stderr, "pumplog: warning: the merged journal has {} bad {}; see pumplog log check\n",
                       report.bad_lines.size(), report.bad_lines.size() == 1 ? "line" : "lines");
    } else
        fmt::print("Nothing came in; {} is unchanged.\n", terminal_text(journal.path().string()));
    return 0;
}

}  // namespace

void setup_merge(CLI::App& log, Context& ctx) {
    auto* merge = log.add_subcommand("merge", "union-merge journals (another device, a sync conflict copy)");
    auto files = std::make_shared<std::vector<std::string>>();
    merge->add_option("file", *files, "copies of the journal to merge into it")->required()->type_name("FILE");
    merge->footer(
        "Examples:\n  pumplog log merge ~/Sync/pumplog/journal.sync-conflict-*.jsonl\n"
        "  pumplog log merge \"journal (conflicted copy).jsonl\"\n  pumplog log merge phone-export.jsonl\n\n"
        "Entries are matched by id: new ones come in byte for byte (unknown fields kept), ones the journal has "
        "are left alone, and an id with other content is reported: the line that sorts first (as JSON with "
        "sorted keys) stays, a journal line that loses goes to JOURNAL.rejected. Merging is idempotent and "
        "commutative. The journal is rewritten atomically; the previous one is JOURNAL.bak.");
    ctx.accept_formats(*merge, {Format::table});
    merge->callback([&ctx, files] { ctx.action = [&ctx, files] { return run_merge(ctx, *files); }; });
}

}  // namespace pumplog::cli
