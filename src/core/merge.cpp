#include "pumplog/merge.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/lines.hpp"

namespace pumplog {

namespace {

std::string_view without_cr(std::string_view text) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

// The same entry written twice: the same bytes, or the same JSON value (another
// tool may have written it with other spacing or key order).
bool same_entry(std::string_view a, std::string_view b) {
    a = without_cr(a);
    b = without_cr(b);
    if (a == b) return true;
    try {
        return nlohmann::json::parse(a) == nlohmann::json::parse(b);
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

// A line's content in one spelling: its JSON with keys sorted, compact. Of two
// lines with one id and other content, the one whose form sorts first stays,
// whichever file was the base (SPEC 8: commutative in effect).
std::string canonical(std::string_view line) {
    try {
        return nlohmann::json::parse(without_cr(line)).dump();
    } catch (const nlohmann::json::exception&) {
        return std::string(line);  // not reached: both lines were read as entries
    }
}

struct Kept {
    const SourceLine* line;
    std::size_t source;  // 0: the journal, i + 1: incoming[i]
    Seconds key;
    std::string id;
    std::string target;  // the line it refers to, if any
    Placement placed{};
};

}  // namespace

MergeResult merge_sources(const MergeSource& journal, const std::vector<MergeSource>& incoming, bool strict) {
    MergeResult result;
    LineValidator validator;
    std::vector<Kept> kept;
    std::unordered_map<std::string, std::size_t> by_id;  // id -> index in kept
    Entry entry;
    std::string error;
    const auto source_name = [&](std::size_t source) -> const std::string& {
        return source == 0 ? journal.name : incoming[source - 1].name;
    };

    for (const auto& line : journal.lines) {
        const LineVerdict verdict = validator.check(line.text);
        if (verdict.blank) continue;
        const bool parsed = verdict.ok() && parse_entry_line(without_cr(line.text), entry, error);
        if (!parsed) {
            std::string why = error;
            for (const auto& f : verdict.findings)
                if (f.severity == Severity::error) {
                    why = f.message;
                    break;
                }
            throw journal_error(fmt::format("{}:{}: {}; a merge rewrites the journal and would lose this line: "
                                            "run pumplog log check --repair first",
                                            journal.name, line.number, why));
        }
        by_id.emplace(entry.id, kept.size());
        kept.push_back({&line, 0, line_key(entry), entry.id, entry.target});
    }

    for (std::size_t s = 0; s < incoming.size(); ++s) {
        const MergeSource& source = incoming[s];
        MergeCount count{source.name};
        for (const auto& line : source.lines) {
            const LineVerdict verdict = validator.check(line.text);
            if (verdict.blank) continue;
            if (!verdict.ok() || !parse_entry_line(without_cr(line.text), entry, error)) {
                std::string why = verdict.ok() ? error : "";
                for (const auto& f : verdict.findings)
                    if (f.severity == Severity::error && why.empty()) why = f.message;
                if (strict)
                    throw journal_error(fmt::format("{}:{}: {} (--strict refuses a damaged journal)", source.name,
                                                    line.number, why));
                result.skipped.push_back({source.name, line.number, why});
                continue;
            }
            const auto [it, inserted] = by_id.emplace(entry.id, kept.size());
            if (inserted) {
                kept.push_back({&line, s + 1, line_key(entry), entry.id, entry.target});
                ++count.added;
                continue;
            }
            Kept& other = kept[it->second];
            if (same_entry(other.line->text, line.text)) {
                ++count.present;
            } else if (canonical(line.text) < canonical(other.line->text)) {
                // This line wins: the journal's own goes to JOURNAL.rejected, nothing is lost.
                const bool displaced = other.source == 0;
                result.conflicts.push_back({source_name(other.source), other.line->number, entry.id, source.name,
                                            line.number, displaced});
                if (displaced) {
                    result.displaced.push_back(other.line->text);
                    ++count.added;
                }
                other = {&line, s + 1, line_key(entry), entry.id, entry.target};
            } else {
                result.conflicts.push_back(
                    {source.name, line.number, entry.id, source_name(other.source), other.line->number, false});
            }
        }
        result.added += count.added;
        result.per_source.push_back(std::move(count));
    }

    // Ordered by content alone (line_key, then id), never by which copy was the
    // base: A merged with B and B merged with A are the same file. (A journal's
    // own lines that share an id keep their order: the sort is stable.) A
    // correction stands after its target (place_lines), whatever its own key.
    {
        std::vector<LineToPlace> lines;
        lines.reserve(kept.size());
        for (const auto& k : kept) lines.push_back({k.key, k.id, k.target});
        const std::vector<Placement> placed = place_lines(lines);
        for (std::size_t i = 0; i < kept.size(); ++i) kept[i].placed = placed[i];
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
        if (a.placed.key != b.placed.key || a.placed.depth != b.placed.depth) return a.placed < b.placed;
        return a.id < b.id;
    });
    std::size_t size = 0;
    for (const auto& k : kept) size += k.line->text.size() + 1;
    result.content.reserve(size);
    for (const auto& k : kept) {
        result.content += k.line->text;
        result.content += '\n';
    }
    return result;
}

namespace {

MergeSource read_lines(const std::filesystem::path& file) {
    MergeSource source{file.string(), {}};
    for_each_raw_line(file, [&](const RawLine& line) {
        source.lines.push_back({line.number, std::string(line.text)});
    });
    return source;
}

}  // namespace

MergeSource read_merge_source(const std::filesystem::path& file) {
    try {
        MergeSource source{file.string(), {}};
        const bool exists = for_each_raw_line(file, [&](const RawLine& line) {
            source.lines.push_back({line.number, std::string(line.text)});
        });
        if (!exists) throw usage_error(fmt::format("cannot read {}: no such file", file.string()));
        return source;
    } catch (const Error& e) {
        throw usage_error(e.what());  // a copy to merge is input, not the journal
    }
}

MergeResult merge_into(Journal& journal, const std::vector<std::filesystem::path>& files, bool strict) {
    std::vector<MergeSource> incoming;
    incoming.reserve(files.size());
    for (const auto& file : files) incoming.push_back(read_merge_source(file));
    MergeResult result;
    std::error_code ec;
    const bool existed = std::filesystem::exists(journal.path(), ec);
    journal.with_lock([&](LockedJournal& locked) {
        // Taking the lock creates the file: a merge that writes nothing must not leave it behind.
        // Unlinked under the lock, so that a waiting writer notices and opens a new file.
        const auto undo_create = [&] {
            if (!existed && std::filesystem::file_size(journal.path(), ec) == 0 && !ec)
                std::filesystem::remove(journal.path(), ec);
        };
        try {
            const MergeSource current = read_lines(journal.path());
            result = merge_sources(current, incoming, strict);
        } catch (...) {
            undo_create();
            throw;
        }
        if (result.added > 0) {
            // A journal line that lost a conflict is kept in JOURNAL.rejected, as by --repair.
            locked.rewrite_moving(result.content, rejected_path(journal.path()), result.displaced);
            result.rewritten = true;
        } else {
            undo_create();
        }
    });
    return result;
}

}  // namespace pumplog
