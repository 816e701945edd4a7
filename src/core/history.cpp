#include "pumplog/history.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace pumplog {

namespace {

// Lines older than the question by this much may end a tail read (clock skew
// between devices, entries logged a little late).
constexpr std::chrono::hours safety_margin{36};
// ... but only after this many such lines in a row (tolerates local disorder).
constexpr int old_lines_to_stop = 256;

struct Corrections {
    std::unordered_set<std::string> voided;
    std::unordered_map<std::string, std::vector<Entry>> amends;  // newest first
};

// One backward pass. `known` (second pass) holds every correction in the file.
// Returns whether some correction's target was not met after it (so it may
// stand before its correction in the file, or not exist).
bool pass(const Journal& journal, const ReplayOptions& options, Corrections& corrections, bool complete,
          const std::function<void(const Replayed&)>& deliver, ReadStats& stats) {
    std::unordered_set<std::string> pending;         // targets of corrections not yet met
    std::unordered_set<std::string> pending_moves;   // amended `at` not yet met: may move into range
    Entry amended;
    int old_in_a_row = 0;
    const auto cutoff = options.since ? std::optional<Seconds>(*options.since - safety_margin) : std::nullopt;

    stats = journal.read_backward(
        [&](const Entry& e) {
            if (e.type == EntryType::void_ || e.type == EntryType::amend) {
                if (!complete) {
                    if (!corrections.voided.contains(e.id)) {
                        if (e.type == EntryType::void_) corrections.voided.insert(e.target);
                        else corrections.amends[e.target].push_back(e);
                        pending.insert(e.target);
                        if (e.type == EntryType::amend && (e.set_fields & field_at)) pending_moves.insert(e.target);
                    }
                }
                if (options.include_corrections) deliver(Replayed{e, corrections.voided.contains(e.id)});
            } else {
                pending.erase(e.id);
                pending_moves.erase(e.id);
                const bool voided = corrections.voided.contains(e.id);
                if (!voided || options.include_voided) {
                    const auto it = corrections.amends.find(e.id);
                    if (it == corrections.amends.end()) {
                        deliver(Replayed{e, voided});
                    } else {
                        amended = e;
                        for (auto a = it->second.rbegin(); a != it->second.rend(); ++a)
                            if (!corrections.voided.contains(a->id)) amended.apply(*a);
                        deliver(Replayed{amended, voided});
                    }
                }
            }
            if (cutoff) {
                const Seconds key = line_key(e);
                old_in_a_row = key < *cutoff ? old_in_a_row + 1 : 0;
                if (old_in_a_row >= old_lines_to_stop && pending_moves.empty()) return false;
            }
            return true;
        },
        options.strict);
    return !stats.stopped_early && !pending.empty();
}

}  // namespace

ReplayResult replay(const Journal& journal, const ReplayOptions& options,
                    const std::function<void(const Replayed&)>& deliver, const std::function<void()>& reset) {
    ReplayResult result;
    Corrections corrections;
    if (pass(journal, options, corrections, false, deliver, result.stats)) {
        // A correction stood before its target (or its target is missing): now
        // that every correction is known, replay once more from scratch.
        reset();
        pass(journal, options, corrections, true, deliver, result.stats);
    }
    return result;
}

History load_history(const Journal& journal, const ReplayOptions& options) {
    History history;
    std::vector<std::pair<Entry, bool>> collected;
    const auto result = replay(
        journal, options, [&](const Replayed& r) { collected.emplace_back(r.entry, r.voided); },
        [&] { collected.clear(); });
    // Delivered newest-written first: reverse to file order, then sort by time (stable).
    std::reverse(collected.begin(), collected.end());
    std::stable_sort(collected.begin(), collected.end(),
                     [](const auto& a, const auto& b) { return a.first.at.instant < b.first.at.instant; });
    history.entries.reserve(collected.size());
    for (auto& [entry, voided] : collected) {
        history.entries.push_back(std::move(entry));
        history.voided.push_back(voided);
    }
    history.stats = result.stats;
    return history;
}

}  // namespace pumplog
