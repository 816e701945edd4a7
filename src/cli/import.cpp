// `log import`: history from another tracker's CSV export (pumplog-import(1)).
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "pumplog/history.hpp"
#include "pumplog/import.hpp"
#include "pumplog/render/import.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

struct ImportCommandOptions {
    std::vector<std::string> files;
    std::string from, tz, date_order, unit, child, baby;
    bool dry_run = false;
};

// An import file larger than this is refused (years of a tracker's export are a few MiB).
constexpr std::size_t most_import_bytes = std::size_t{256} << 20;

// The bytes of an export, read in bounded pieces: an export is a few megabytes, and a device or a runaway pipe
// in its place must not fill memory. `name` is the file as messages name it.
std::string read_bounded(std::istream& in, const std::string& name) {
    std::string content;
    std::array<char, 1 << 16> piece;
    while (in.read(piece.data(), piece.size()) || in.gcount() > 0) {
        content.append(piece.data(), static_cast<std::size_t>(in.gcount()));
        if (content.size() > most_import_bytes)
            throw usage_error(fmt::format("{} is over {} MiB, larger than any tracker's export; give the CSV file itself",
                                          name, most_import_bytes >> 20));
    }
    if (in.bad()) throw usage_error(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    return content;
}

// A file to import, "-" standard input: read whole into memory, as a file is (the importers read it as text,
// and a Baby Tracker file's name, "-" here, says nothing of what it holds).
SourceFile read_source(const std::string& path) {
    if (path == "-") {
        std::cin.tie(nullptr);
        return SourceFile{"standard input", read_bounded(std::cin, "standard input")};
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw usage_error(fmt::format("{} is a folder; give the CSV files in it", path));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    return SourceFile{path, read_bounded(in, path)};
}

// An import rewrites the journal: one with a damaged line is refused (exit 3) rather than drop the line.
// The real run and --dry-run give this one verdict.
void refuse_damaged(const Journal& journal, const ReadStats& stats) {
    if (stats.bad.empty()) return;
    throw journal_error(fmt::format("{}:{}: {}; an import rewrites the journal and would drop that line: run pumplog "
                                    "log check --repair first",
                                    journal.path().string(), stats.bad.front().line, stats.bad.front().reason));
}

// --strict: a row with a problem refuses the whole import (exit 2, nothing written), naming the first. The real
// run and --dry-run give this one verdict.
void refuse_problem_rows(const ImportResult& result) {
    if (result.problems.empty()) return;
    const RowProblem& first = result.problems.front();
    const std::size_t n = result.problems.size();
    throw usage_error(fmt::format("{}:{}: {} (--strict refuses an import with a problem row, and {} {} one; "
                                  "without --strict the other rows are imported, and --dry-run lists them all)",
                                  terminal_text(first.file), first.line, terminal_text(first.message),
                                  plural(n, "row", "rows"), n == 1 ? "has" : "have"));
}

// Each row left out for a problem is a warning on stderr too, the first warnings_shown of them (the summary on
// stdout lists them as well): an import whose stdout goes nowhere does not lose rows unsaid.
void warn_problem_rows(const ImportResult& result) {
    warn_capped(
        result.problems.size(), "log import",
        [&](std::size_t i) {
            const RowProblem& p = result.problems[i];
            fmt::print(stderr, "pumplog: warning: {}:{}: not imported: {}\n", terminal_text(p.file), p.line,
                       terminal_text(p.message));
        },
        "more rows with a problem not imported (pumplog log import --dry-run lists them all)");
}

// The pumps and feeds in effect that a row to import may be from another source: from two days before the
// earliest row on (a local minute is within a day of its instant), none when there is nothing to import.
std::vector<Entry> logged_sessions(const Journal& journal, const ImportResult& result) {
    if (result.entries.empty()) return {};
    Seconds earliest = result.entries.front().at;
    for (const auto& imported : result.entries) earliest = std::min(earliest, imported.at);
    ReplayOptions options;
    options.since = earliest - std::chrono::hours(48);
    options.types = type_bit(EntryType::pump) | type_bit(EntryType::feed);
    options.raw = false;
    return load_history(journal, options).entries;
}

int run_import(Context& ctx, const ImportCommandOptions& o) {
    ctx.format();
    ImportOptions options;
    if (!o.from.empty()) options.from = parse_import_format(o.from);
    if (!o.date_order.empty()) options.date_order = parse_date_order(o.date_order);
    if (!o.unit.empty()) options.unit = parse_unit(o.unit);
    options.child = o.child;
    if (!o.baby.empty()) options.baby = ctx.baby_named(o.baby);
    options.babies = ctx.settings().babies;
    options.zone = o.tz.empty() ? ctx.zone() : locate_zone(o.tz);
    options.now = ctx.clock().now;
    std::vector<SourceFile> files;
    if (std::count(o.files.begin(), o.files.end(), "-") > 1)
        throw usage_error("- (standard input) is given more than once; it can be read only once");
    for (const auto& path : o.files) files.push_back(read_source(path));

    ImportResult result = read_import(files, options);
    if (ctx.strict) refuse_problem_rows(result);
    // The journal as it stands: its lines in file order and its ids.
    std::vector<KeyedLine> lines;
    std::unordered_map<std::string, std::string> ids;  // id -> the entry's baby
    std::unordered_map<std::string, std::string> imported_at;  // an imported entry's id -> its `at` as written
    const auto read_journal = [&](const Journal& journal) {
        const ReadStats stats = journal.read_backward([&](const Entry& e) {
            lines.push_back({line_key(e), e.raw, e.id, e.target});
            ids.emplace(e.id, e.baby);
            if (e.id.size() > 3 && e.id[2] == '-' && !e.at_text.empty()) imported_at.emplace(e.id, e.at_text);
            return true;
        });
        std::reverse(lines.begin(), lines.end());
        return stats;
    };
    if (o.dry_run) {
        // The verdict of the real run: it reads the journal only when there is something to import.
        const ReadStats stats = read_journal(ctx.journal());
        if (!result.entries.empty()) refuse_damaged(ctx.journal(), stats);
        ctx.warn(stats);
        refuse_other_zone(result, imported_at, options.zone->name());
        drop_duplicates(result, ids);
        drop_logged_elsewhere(result, logged_sessions(ctx.journal(), result));
        // Times as the journal will show them (the zone of the rest of pumplog, not --tz's).
        fmt::print("{}", render::import_listing(result, ctx.unit(), ctx.zone()));
    } else if (!result.entries.empty()) {
        // One atomic rewrite under the lock (SPEC 8): the journal's lines and the new ones, in line_key order.
        ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
            refuse_damaged(journal.journal(), read_journal(journal.journal()));
            refuse_other_zone(result, imported_at, options.zone->name());
            drop_duplicates(result, ids);
            drop_logged_elsewhere(result, logged_sessions(journal.journal(), result));
            if (result.entries.empty()) return;
            // A journal that did not exist (with_lock made it for the lock) or was empty leaves no
            // JOURNAL.bak: there is no previous file to keep, and a 0-byte one would only look like a backup.
            const std::filesystem::path file = resolve_journal(journal.path());
            std::error_code ec;
            const bool was_empty = std::filesystem::file_size(file, ec) == 0 && !ec;
            journal.rewrite(merged_journal(lines, result.entries));
            if (was_empty) std::filesystem::remove(file.string() + ".bak", ec);
        });
    }
    note_new_babies(result, options.babies);
    warn_problem_rows(result);
    fmt::print("{}", render::import_summary(result, o.dry_run));
    return 0;
}

}  // namespace

void setup_import(CLI::App& log, Context& ctx) {
    auto* cmd = log.add_subcommand("import", "import history from another tracker's CSV export");
    auto o = std::make_shared<ImportCommandOptions>();
    cmd->add_option("file", o->files, "CSV exports of Baby Buddy, Huckleberry, Baby Tracker or Baby Connect; - reads "
                                      "standard input")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--from", o->from, "the export's format (default: detected): " + import_format_list())
        ->type_name("FORMAT");
    cmd->add_option("--tz", o->tz, "the zone the file's times are in (default: TZ, config timezone, the system's)")
        ->type_name("ZONE");
    cmd->add_option("--date-order", o->date_order, "3/4/21 is 4 March (mdy) or 3 April (dmy), when the file "
                                                   "does not settle it")
        ->type_name("mdy|dmy");
    cmd->add_option("--unit", o->unit, "the unit of amounts written without one (Baby Buddy)")->type_name("ml|oz");
    cmd->add_option("--child", o->child, "import this child's feeds only, where the file has several (default: all, "
                                         "each feed with its baby's name); pumps are all imported")
        ->type_name("NAME");
    cmd->add_option("--baby", o->baby, "the baby of feeds whose rows name none, e.g. Huckleberry's, or of a --child "
                                       "whose full name another child has (config babies)")
        ->type_name("BABY");
    cmd->add_flag("--dry-run", o->dry_run, "list what would be imported and change nothing");
    cmd->footer("Examples:\n  pumplog log import baby-connect.csv --tz America/Los_Angeles\n"
                "  pumplog log import pump.csv nursing.csv expressed.csv formula.csv --dry-run\n"
                "  pumplog log import feeding.csv pumping.csv --from babybuddy --unit ml --child Ada\n"
                "  unzip -p export.zip feeding.csv | pumplog log import - --from babybuddy\n"
                "Importing a file again adds nothing: ids come from the rows. See pumplog-import(1).");
    ctx.accept_formats(*cmd, {Format::table});
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_import(ctx, *o); }; });
}

}  // namespace pumplog::cli
