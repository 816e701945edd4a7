// One replay for `log undo` and `log rm` (take_back.hpp): the answers of
// newest_in_effect, entry_in_effect and command_of (history.cpp), gathered as
// the replay goes.
#include "pumplog/take_back.hpp"

#include <algorithm>
#include <memory>

#include "replay.hpp"

namespace pumplog {

NewestCommand newest_command(const Journal& journal, bool strict, RefsCollector& refs) {
    ReplayOptions options;
    options.include_corrections = true;
    options.strict = strict;
    options.raw = false;  // neither command reads a line as written
    options.each_line = [&](const Entry& e) { refs.add(e.id); };
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<NewestCommand>(); },
        [&](NewestCommand& out, const Replayed& r) {
            std::optional<Entry>& newest = out.newest.entry;
            if (!newest) {
                // newest_in_effect's rule: voids `log undo` wrote are not taken back, those of `log rm` (grouped) are.
                if (r.voided || (r.entry.type == EntryType::void_ && r.entry.group.empty())) return;
                newest = r.entry;
                out.command.push_back(r.entry);
                return;
            }
            // command_of's: a correction's command is corrections, a void's voids; an event's holds no correction.
            // Lines of the command read before the newest would be in effect and newer: the newest themselves.
            if (newest->type == EntryType::amend && newest->group.empty()) return;  // a correction alone
            const bool correction = r.entry.type == EntryType::void_ || r.entry.type == EntryType::amend;
            const bool of_corrections = newest->type == EntryType::void_ || newest->type == EntryType::amend;
            if (correction && !of_corrections) return;
            if (!r.voided && (r.entry.type != EntryType::void_) == (newest->type != EntryType::void_) &&
                same_command(*newest, r.entry))
                out.command.push_back(r.entry);
        });
    NewestCommand out = std::move(*folded.state);
    out.newest.stats = std::move(folded.stats);
    std::reverse(out.command.begin(), out.command.end());  // delivered newest written first
    return out;
}

const InEffect* NamedEntries::find(const std::string& id) const {
    const auto it = found_.find(id);
    return it == found_.end() ? nullptr : &it->second.in;
}

std::optional<std::vector<Entry>> NamedEntries::command(const Entry& entry) const {
    const auto it = found_.find(entry.id);
    const bool correction = entry.type == EntryType::void_ || entry.type == EntryType::amend;
    if (it == found_.end() || !it->second.in.entry || it->second.in.voided || !entry.group.empty() || correction ||
        (carries_from(entry) && !entry.from.empty()))
        return std::nullopt;
    // command_of's rule for such an entry: itself, and the stores and uses without a group that came from it.
    std::vector<std::pair<std::uint64_t, const Entry*>> lines{{it->second.order, &entry}};
    for (const auto& [order, e] : from_named_)
        if (e.from == entry.id) lines.emplace_back(order, &e);
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Entry> out;
    for (const auto& line : lines) out.push_back(*line.second);
    return out;
}

NamedEntries named_entries(const Journal& journal, bool strict, RefsCollector& refs) {
    // Whether a wanted ref may name the line just read, as refs.add found (the first pass gives each line to
    // each_line just before delivering it); a second pass asks again.
    struct Read {
        std::uint64_t offset = 0;
        bool named = false;
    };
    std::optional<Read> just_read;
    ReplayOptions options;
    options.include_voided = true;
    options.include_corrections = true;
    options.strict = strict;
    options.raw = false;
    options.each_line = [&](const Entry& e) { just_read = Read{e.offset, refs.add(e.id)}; };
    std::uint64_t order = 0;
    auto folded = replay_fold(
        journal, options,
        [&] {
            order = 0;
            just_read.reset();
            return std::make_unique<NamedEntries>();
        },
        [&](NamedEntries& out, const Replayed& r) {
            ++order;
            const Entry& e = r.entry;
            const bool named = just_read && just_read->offset == e.offset ? just_read->named : refs.wanted(e.id);
            if (named) {
                // entry_in_effect's rule: newest written first, so an earlier-written one with the same time wins.
                auto& found = out.found_[e.id];
                if (!found.in.entry || e.at.instant <= found.in.entry->at.instant) {
                    found.in.entry = e;
                    found.in.voided = r.voided;
                    found.order = order;
                }
            }
            if (!r.voided && e.group.empty() && carries_from(e) && !e.from.empty() && refs.wanted(e.from))
                out.from_named_.emplace_back(order, e);
        });
    NamedEntries out = std::move(*folded.state);
    out.stats = folded.stats;
    for (auto& [id, found] : out.found_) found.in.stats = folded.stats;
    return out;
}

}  // namespace pumplog
