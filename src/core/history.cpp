#include "pumplog/history.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace pumplog {

namespace {

// Lines older than the question by this much may end a tail read (clock skew
// between devices, entries logged a little late).
constexpr std::chrono::hours safety_margin{36};
// ... but only after this many such lines in a row (tolerates local disorder).
constexpr int old_lines_to_stop = 256;

// Ids are hashed on every line: a cheap hash of 8-byte words (ULIDs differ
// in their last characters; std::hash's byte loop costs more than the rest
// of the bookkeeping).
struct IdHash {
    std::size_t operator()(const std::string& id) const noexcept {
        std::uint64_t h = id.size() * 0x9E3779B97F4A7C15ull;
        std::size_t i = 0;
        for (; i + 8 <= id.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, id.data() + i, 8);
            h = (h ^ word) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, id.data() + i, id.size() - i);
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

struct Corrections {
    std::unordered_set<std::string, IdHash> voided;
    std::unordered_map<std::string, std::vector<Entry>, IdHash> amends;  // newest first
};

// How a pass treats corrections.
enum class Mode {
    // Notes corrections as they come and forgets each once its target is met
    // (ids are unique), so memory follows the corrections still waiting for
    // their target, not the journal's length.
    stream,
    // Notes every correction and delivers nothing (before a `complete` pass).
    collect,
    // Every correction is known already: applies them, notes nothing.
    complete,
};

// One backward pass. Returns whether some correction's target was not met
// after it (so it may stand before its correction in the file, or not exist).
bool pass(const Journal& journal, const ReplayOptions& options, Corrections& corrections, Mode mode,
          const std::function<void(const Replayed&)>& deliver, ReadStats& stats) {
    std::unordered_set<std::string, IdHash> pending_moves;  // amended `at` not yet met: may move into range
    Entry amended;
    int old_in_a_row = 0;
    const auto cutoff = options.since ? std::optional<Seconds>(*options.since - safety_margin) : std::nullopt;
    const bool note = mode != Mode::complete;
    const bool forget = mode == Mode::stream;
    const bool delivering = mode != Mode::collect;

    stats = journal.read_backward(
        [&](const Entry& e) {
            const bool voided = !corrections.voided.empty() && corrections.voided.contains(e.id);
            if (e.type == EntryType::void_ || e.type == EntryType::amend) {
                if (note && !voided) {
                    if (e.type == EntryType::void_) corrections.voided.insert(e.target);
                    else corrections.amends[e.target].push_back(e);
                    if (e.type == EntryType::amend && (e.set_fields & field_at)) pending_moves.insert(e.target);
                }
                if (delivering && options.include_corrections) deliver(Replayed{e, voided});
            } else {
                if (!pending_moves.empty()) pending_moves.erase(e.id);
                const auto it = corrections.amends.empty() ? corrections.amends.end() : corrections.amends.find(e.id);
                if (delivering && (!voided || options.include_voided)) {
                    if (it == corrections.amends.end()) {
                        deliver(Replayed{e, voided});
                    } else {
                        amended = e;
                        for (auto a = it->second.rbegin(); a != it->second.rend(); ++a)
                            if (!corrections.voided.contains(a->id)) amended.apply(*a);
                        deliver(Replayed{amended, voided});
                    }
                }
                if (forget && it != corrections.amends.end()) corrections.amends.erase(it);
            }
            if (forget && voided) corrections.voided.erase(e.id);
            if (cutoff) {
                // The key is the later of `at` and the id's time: a recent `at` settles it.
                const bool old = e.at.instant < *cutoff && line_key(e) < *cutoff;
                old_in_a_row = old ? old_in_a_row + 1 : 0;
                if (old_in_a_row >= old_lines_to_stop && pending_moves.empty()) return false;
            }
            return true;
        },
        options.strict);
    return !stats.stopped_early && (!corrections.voided.empty() || !corrections.amends.empty());
}

}  // namespace

ReplayResult replay(const Journal& journal, const ReplayOptions& options,
                    const std::function<void(const Replayed&)>& deliver, const std::function<void()>& reset) {
    ReplayResult result;
    Corrections corrections;
    if (pass(journal, options, corrections, Mode::stream, deliver, result.stats)) {
        // A correction stood before its target (or its target is missing, or
        // ids repeat): gather every correction, then replay once more from
        // scratch with all of them known.
        reset();
        Corrections all;
        ReplayOptions whole = options;  // a correction may stand anywhere before its target
        whole.since.reset();
        pass(journal, whole, all, Mode::collect, deliver, result.stats);
        pass(journal, options, all, Mode::complete, deliver, result.stats);
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
