#include "pumplog/render/import.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/text.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/render/table.hpp"

namespace pumplog::render {

namespace {

// Problem rows listed after an import; the rest are counted (a dry run lists them all).
constexpr std::size_t problems_shown = 5;

// "pump.csv, nursing.csv (Baby Tracker)", consecutive files of one format grouped.
std::string sources(const std::vector<ImportedFile>& files) {
    std::string out;
    for (std::size_t i = 0; i < files.size(); ++i) {
        out += terminal_text(files[i].name);
        if (i + 1 < files.size() && files[i + 1].format == files[i].format) {
            out += ", ";
            continue;
        }
        out += fmt::format(" ({})", import_format_title(files[i].format));
        if (i + 1 < files.size()) out += ", ";
    }
    return out;
}

std::size_t count(const ImportResult& result, Skip reason) {
    const auto it = result.skipped.find(reason);
    return it == result.skipped.end() ? 0 : it->second;
}

}  // namespace

std::string import_summary(const ImportResult& result, bool dry_run) {
    std::size_t pumps = 0, bottles = 0, breasts = 0, no_volume = 0;
    for (const auto& imported : result.entries) {
        if (imported.type == EntryType::pump) {
            ++pumps;
            if (!imported.has_volume) ++no_volume;
        } else if (imported.method == FeedMethod::breast) {
            ++breasts;
        } else {
            ++bottles;
        }
    }
    std::string what;
    if (pumps > 0) what += plural(pumps, "pump", "pumps");
    if (bottles + breasts > 0)
        what += fmt::format("{}{} ({} bottle, {} breast)", what.empty() ? "" : ", ",
                            plural(bottles + breasts, "feed", "feeds"), bottles, breasts);
    std::string out = fmt::format("{} {} from {}{}.\n", dry_run ? "Would import" : "Imported",
                                  plural(result.entries.size(), "entry", "entries"), sources(result.files),
                                  what.empty() ? "" : ": " + what);
    if (no_volume > 0)
        out += fmt::format("{} no volume: only {} duration was recorded.\n",
                           no_volume == 1 ? "1 pump has" : fmt::format("{} pumps have", no_volume),
                           no_volume == 1 ? "its" : "their");

    for (const auto& same : result.namesakes) {
        std::vector<std::string> names;
        for (const auto& name : same.full_names) names.push_back(terminal_text(name));
        out += fmt::format("{} share the first name {} ({}): their feeds are under their full names.\n",
                           and_list(names), terminal_text(same.first_name), terminal_text(same.file));
    }

    // A name config babies does not have becomes a new baby (SPEC 12: the export's names are kept). --baby
    // names only feeds whose rows name no child, so it cannot make them one of config's.
    if (!result.new_babies.empty()) {
        std::vector<std::string> names;
        for (const auto& name : result.new_babies) names.push_back(fmt::format("\"{}\"", terminal_text(name)));
        std::string configured;
        for (const auto& name : result.configured_babies)
            configured += (configured.empty() ? "" : ", ") + terminal_text(name);
        const bool one = names.size() == 1;
        const std::string_view be = dry_run ? "would be" : "are";
        const std::string what = one ? fmt::format("{} is not one of the configured babies ({}): its feeds {} a new "
                                                   "baby's",
                                                   names.front(), configured, be)
                                     : fmt::format("{} are not configured babies ({}): their feeds {} new babies'",
                                                   and_list(names), configured, be);
        const std::string fix = dry_run ? fmt::format("rename the {} in the file to one of them before importing",
                                                      one ? "child" : "children")
                                        : std::string("give each feed its baby with pumplog log edit REF --baby NAME");
        out += fmt::format("{}, under the name the file gives (--baby names only feeds whose rows name no child); "
                           "add {} to config babies, or {}.\n",
                           what, one ? "it" : "them", fix);
    }

    std::size_t skipped = 0;
    for (const auto& [reason, n] : result.skipped) skipped += n;
    if (skipped == 0) return out;
    out += fmt::format("Skipped {}:\n", plural(skipped, "row", "rows"));
    if (const std::size_t n = count(result, Skip::other_activity)) {
        std::vector<std::pair<std::string, std::size_t>> activities(result.other_activities.begin(),
                                                                    result.other_activities.end());
        std::stable_sort(activities.begin(), activities.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        std::string list;
        for (const auto& [name, k] : activities)
            list += fmt::format("{}{} {}", list.empty() ? "" : ", ", terminal_text(name), k);
        out += fmt::format("  {} of other activities ({})\n", n, list);
    }
    if (const std::size_t n = count(result, Skip::other_child)) out += fmt::format("  {} of another child\n", n);
    if (const std::size_t n = count(result, Skip::unnamed_child)) out += fmt::format("  {} naming no child\n", n);
    if (const std::size_t n = count(result, Skip::no_time)) out += fmt::format("  {} without a time\n", n);
    if (const std::size_t n = count(result, Skip::not_recorded))
        out += fmt::format("  {} without an amount (0 or empty)\n", plural(n, "pump", "pumps"));
    if (const std::size_t n = count(result, Skip::duplicate))
        out += fmt::format("  {} already in the journal\n", n);
    if (const std::size_t n = count(result, Skip::logged_elsewhere)) {
        out += fmt::format("  {} already logged from another source: not imported again\n",
                           plural(n, "matching entry", "matching entries"));
        if (dry_run)
            for (const LoggedElsewhere& row : result.logged_elsewhere)
                out += fmt::format("    {}:{}: logged as {}\n", terminal_text(row.file), row.line,
                                   terminal_text(row.id));
    }
    if (const std::size_t n = count(result, Skip::repeated))
        out += fmt::format("  {} repeated within this import\n", n);
    if (const std::size_t n = count(result, Skip::problem)) {
        out += fmt::format("  {} with a problem:\n", n);
        const std::size_t shown = dry_run ? result.problems.size() : problems_shown;
        for (std::size_t i = 0; i < result.problems.size() && i < shown; ++i) {
            const RowProblem& p = result.problems[i];
            out += fmt::format("    {}:{}: {}\n", terminal_text(p.file), p.line, terminal_text(p.message));
        }
        if (result.problems.size() > shown)
            out += fmt::format("    ... and {} more (--dry-run lists them all)\n", result.problems.size() - shown);
    }
    return out;
}

std::string import_listing(const ImportResult& result, Unit unit, const date::time_zone* zone) {
    std::vector<const ImportedEntry*> order;
    order.reserve(result.entries.size());
    for (const auto& imported : result.entries) order.push_back(&imported);
    std::stable_sort(order.begin(), order.end(), [](const ImportedEntry* a, const ImportedEntry* b) {
        return a->at < b->at;
    });
    // Whose feed each row becomes, when any entry has a baby (multi-child exports, config babies).
    const bool babies = std::any_of(order.begin(), order.end(),
                                    [](const ImportedEntry* imported) { return !imported->baby.empty(); });
    std::vector<std::vector<std::string>> rows;
    rows.reserve(order.size());
    for (const ImportedEntry* imported : order)
    {
        const Entry entry = imported->entry();
        // As `log` shows it: in the hour a fall-back night repeats, with its UTC offset (review I #2).
        std::vector<std::string> row = {format_date_time_told_apart(entry.at.instant, zone)};
        if (babies) row.push_back(terminal_text(entry.baby));
        row.push_back(describe(entry, unit));
        row.push_back(terminal_text(entry.note));  // as `log` shows it: a line end is \x0a, one row per entry
        row.push_back(fmt::format("{}:{}", terminal_text(imported->file), imported->line));
        rows.push_back(std::move(row));
    }
    if (rows.empty()) return {};
    if (babies) return table({{"when"}, {"baby"}, {"what"}, {"note"}, {"row"}}, rows);
    return table({{"when"}, {"what"}, {"note"}, {"row"}}, rows);
}

}  // namespace pumplog::render
