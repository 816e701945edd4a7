#include "pumplog/merge.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
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

// The order of the kept lines in the merged file: by placement (line_key, a correction after its target), and
// lines that tie there in the order their files wrote them. A command writes its lines in one go with one time
// (a combine's thaw `move` then its pour `use`), and readers take lines of one time in file order: ordered by
// id alone, a `use` could land before its `move` and `stock` then reads the move after the container was used
// up. So within a tie each source's file order is a constraint (`sequences`: each source's lines, as indices
// in `kept`, in file order), and of the lines the constraints leave free the smallest id comes first. The
// constraints are the union over the sources, whichever was the base: merging A into B and B into A gives the
// same order. Where sources disagree (a cycle: a copy an older merge reordered) the lines of the cycle are
// taken smallest id first, as the constraints they still have allow (Kahn's order with a smallest-id pick).
std::vector<std::size_t> merged_order(const std::vector<Kept>& kept,
                                      const std::vector<std::vector<std::size_t>>& sequences) {
    const std::size_t n = kept.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Kept &x = kept[a], &y = kept[b];
        if (x.placed.key != y.placed.key || x.placed.depth != y.placed.depth) return x.placed < y.placed;
        if (x.id != y.id) return x.id < y.id;
        return a < b;  // a journal's own lines that share an id keep their order
    });
    // The ties: runs of one placement in `order`.
    std::vector<std::size_t> rank(n), group(n), group_begin;
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t k = order[r];
        if (r == 0 || kept[order[r - 1]].placed < kept[k].placed || kept[k].placed < kept[order[r - 1]].placed)
            group_begin.push_back(r);
        rank[k] = r;
        group[k] = group_begin.size() - 1;
    }
    group_begin.push_back(n);
    const auto group_size = [&](std::size_t g) { return group_begin[g + 1] - group_begin[g]; };

    // Each source's file order within a tie: an edge from a line to the next one of its tie in that file.
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    std::vector<std::size_t> last(group_begin.size(), none), touched;
    for (const auto& sequence : sequences) {
        for (const std::size_t k : sequence) {
            const std::size_t g = group[k];
            if (group_size(g) < 2) continue;
            if (last[g] == none) touched.push_back(g);
            else if (last[g] != k) edges.emplace_back(last[g], k);
            last[g] = k;
        }
        for (const std::size_t g : touched) last[g] = none;
        touched.clear();
    }
    if (edges.empty()) return order;

    std::vector<std::size_t> first_edge(n + 1, 0), successors(edges.size()), waiting(n, 0);
    for (const auto& [from, to] : edges) {
        ++first_edge[from + 1];
        ++waiting[to];
    }
    std::partial_sum(first_edge.begin(), first_edge.end(), first_edge.begin());
    {
        std::vector<std::size_t> fill(first_edge.begin(), first_edge.end() - 1);
        for (const auto& [from, to] : edges) successors[fill[from]++] = to;
    }
    // Kahn's topological sort of each tie, the smallest rank (id) first among the free lines.
    std::vector<std::size_t> out;
    out.reserve(n);
    std::vector<bool> placed(n, false);
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;  // ranks
    for (std::size_t g = 0; g + 1 < group_begin.size(); ++g) {
        const std::size_t begin = group_begin[g], end = group_begin[g + 1];
        if (end - begin < 2) {
            out.push_back(order[begin]);
            continue;
        }
        for (std::size_t r = begin; r < end; ++r)
            if (waiting[order[r]] == 0) ready.push(r);
        std::size_t fallback = begin;  // in a cycle: the smallest rank not yet placed
        for (std::size_t done = 0; done < end - begin;) {
            if (ready.empty()) {
                while (placed[order[fallback]]) ++fallback;
                ready.push(fallback);
            }
            const std::size_t k = order[ready.top()];
            ready.pop();
            if (placed[k]) continue;
            placed[k] = true;
            out.push_back(k);
            ++done;
            for (std::size_t e = first_edge[k]; e < first_edge[k + 1]; ++e) {
                const std::size_t next = successors[e];
                if (waiting[next] > 0 && --waiting[next] == 0 && !placed[next]) ready.push(rank[next]);
            }
        }
        while (!ready.empty()) ready.pop();
    }
    return out;
}

}  // namespace

MergeResult merge_sources(const MergeSource& journal, const std::vector<MergeSource>& incoming, bool strict) {
    MergeResult result;
    LineValidator validator;
    std::vector<Kept> kept;
    std::unordered_map<std::string, std::size_t> by_id;  // id -> index in kept
    std::vector<std::vector<std::size_t>> sequences(incoming.size() + 1);  // each source's lines in kept, in order
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
        sequences[0].push_back(kept.size());
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
            sequences[s + 1].push_back(it->second);
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

    // Ordered by content alone (line_key; on a tie each file's own order, then id), never by which copy was
    // the base: A merged with B and B merged with A are the same file (merged_order). A correction stands after
    // its target (place_lines), whatever its own key.
    {
        std::vector<LineToPlace> lines;
        lines.reserve(kept.size());
        for (const auto& k : kept) lines.push_back({k.key, k.id, k.target});
        const std::vector<Placement> placed = place_lines(lines);
        for (std::size_t i = 0; i < kept.size(); ++i) kept[i].placed = placed[i];
    }
    const std::vector<std::size_t> order = merged_order(kept, sequences);
    std::size_t size = 0;
    for (const auto& k : kept) size += k.line->text.size() + 1;
    result.content.reserve(size);
    for (const std::size_t i : order) {
        result.content += kept[i].line->text;
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
