#include "pumplog/history.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pumplog/fields.hpp"
#include "pumplog/id_hash.hpp"
#include "replay.hpp"

namespace pumplog {

namespace {

// Lines older than the question by this much may end a tail read (clock skew
// between devices, entries logged a little late).
constexpr std::chrono::hours safety_margin{36};
// ... but only after this many such lines in a row (tolerates local disorder),
// and only once a line of them was written before it by pumplog (a ULID id's
// time): the lines before that one were written earlier still. Lines with
// other ids (a script's, an import's) tell nothing of when they were written:
// a backfill appended after this week's lines is older by `at` alone.
constexpr int old_lines_to_stop = 256;

// One correction line as met in the file.
struct Correction {
    std::string id;
    std::string target;
    bool is_void = false;
    Entry amend;  // the amendment (amend lines only)
};

// The corrections in effect.
struct Corrections {
    std::unordered_set<std::string, IdHash, IdEqual> voided;                      // ids voided by a void in effect
    std::unordered_map<std::string, std::vector<Entry>, IdHash, IdEqual> amends;  // target -> amendments (in the order met; applied by applies_before)
};

// The corrections in effect whatever their order in the file: a correction is
// in effect unless a void in effect targets it (a void of a void puts its
// target back). `all` is in backward file order (newest written first).
Corrections settle(const std::vector<Correction>& all) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> voids_of;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].is_void) voids_of[all[i].target].push_back(i);
    enum : std::uint8_t { unknown, visiting, in_effect, voided };
    std::vector<std::uint8_t> state(all.size(), unknown);
    // Depth-first without recursion (a hand-made chain of voids may be long);
    // a cycle of voids (not written by pumplog) is cut where it is met.
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // correction, next void of it to look at
    for (std::size_t root = 0; root < all.size(); ++root) {
        if (state[root] != unknown) continue;
        state[root] = visiting;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            const std::size_t c = stack.back().first;
            const auto it = voids_of.find(all[c].id);
            const std::size_t n = it == voids_of.end() ? 0 : it->second.size();
            bool descended = false;
            while (stack.back().second < n) {
                const std::size_t v = it->second[stack.back().second];
                if (state[v] == in_effect) break;
                if (state[v] == unknown) {
                    state[v] = visiting;
                    stack.emplace_back(v, 0);
                    descended = true;
                    break;
                }
                ++stack.back().second;  // voided, or on the current path (a cycle)
            }
            if (descended) continue;
            state[c] = stack.back().second < n ? voided : in_effect;
            stack.pop_back();
        }
    }
    Corrections out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (state[i] != in_effect) continue;
        if (all[i].is_void) out.voided.insert(all[i].target);
        else out.amends[all[i].target].push_back(all[i].amend);
    }
    return out;
}

// The fraction of a second written in an RFC 3339 text, in nanoseconds (0 when none).
std::int64_t written_fraction(std::string_view at_text) {
    const auto dot = at_text.find('.');
    if (dot == std::string_view::npos) return 0;
    std::int64_t nanos = 0;
    int digits = 0;
    for (std::size_t i = dot + 1; i < at_text.size() && at_text[i] >= '0' && at_text[i] <= '9'; ++i)
        if (digits < 9) {
            nanos = nanos * 10 + (at_text[i] - '0');
            ++digits;
        }
    for (; digits < 9; ++digits) nanos *= 10;
    return nanos;
}

// The amendments of one entry applied to it in the order of applies_before,
// skipping those a void in effect cancels.
// Whether an amendment may correct the entry as written: one log check calls
// an error (a field its type does not carry, or one it requires removed) is passed over.
bool may_correct(const Entry& amend, const Entry& entry, HeldFields held) {
    return amendment_error(entry.type, held, amendment_shape(amend)).empty();
}

void apply_amendments(Entry& entry, const std::vector<Entry>& amends, const Corrections& corrections) {
    const HeldFields held = held_fields(entry);
    if (amends.size() == 1) {
        const Entry& a = amends.front();
        if (!corrections.voided.contains(a.id) && may_correct(a, entry, held)) entry.apply(a);
        return;
    }
    std::vector<const Entry*> order;
    order.reserve(amends.size());
    for (const auto& a : amends)
        if (!corrections.voided.contains(a.id) && may_correct(a, entry, held)) order.push_back(&a);
    std::sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) { return applies_before(*a, *b); });
    for (const Entry* a : order) entry.apply(*a);
}

struct PassResult {
    // Some correction may stand before its target in the file: the entries
    // delivered may be wrong, replay again with every correction known.
    bool again = false;
    // An entry left out as old (ReplayOptions::recent_types) has an amended
    // time among the recent ones: replay again without the rule.
    bool moved_old = false;
};

// Whether any of these amendments sets the time to `since` or later.
bool moves_to(const std::vector<Entry>& amends, Seconds since) {
    for (const Entry& a : amends)
        if ((a.set_fields & field_at) && a.set_at.instant >= since) return true;
    return false;
}

// The lines the reader may pass over after their header: those of the types
// not asked for, and the old ones of the types asked for recently.
PassOver pass_over_of(const ReplayOptions& options) {
    PassOver over(static_cast<TypeMask>(~options.types));
    over.old_types = options.recent_types;
    over.before = options.recent_since;
    return over;
}

// One backward pass. In the first (`settled` false) corrections are learned
// as they are met, which is right when each stands after its target in the
// file (how pumplog appends them), and forgotten once their target has been
// delivered, so memory stays with the corrections still waiting.
PassResult pass(const Journal& journal, const ReplayOptions& options, Corrections& corrections, bool settled,
                const std::function<void(const Replayed&)>& deliver, ReadStats& stats, RepeatedIds& repeats) {
    // Most lines meet empty tables (a correction is forgotten once its target
    // is met): every look-up below is skipped while its table is empty.
    std::unordered_set<std::string, IdHash, IdEqual> pending;        // targets of corrections not met yet
    std::unordered_set<std::string, IdHash, IdEqual> pending_moves;  // targets of amended `at` not met yet
    std::uint64_t window_start = 0;  // the offset of the last line visited
    // The ids met (their hashes), while few: an early stop then decides
    // without reading the lines again (see below).
    constexpr std::size_t most_met = 1 << 16;
    std::vector<std::uint64_t> met;
    bool met_all = (options.since || options.enough) && !settled;
    Entry amended;
    bool moved_old = false;
    int old_in_a_row = 0;
    bool written_before = false;  // a line met so far was created before the cutoff (its ULID says so)
    auto cutoff = options.since ? std::optional<Seconds>(*options.since - safety_margin) : std::nullopt;
    std::optional<Seconds> oldest;

    stats = journal.read_backward(
        [&](const Entry& e) {
            if (!settled && options.each_line) options.each_line(e);
            if (!oldest || e.at.instant < *oldest) oldest = e.at.instant;
            if (!pending.empty()) pending.erase(e.id);
            if (!pending_moves.empty()) pending_moves.erase(e.id);
            window_start = e.offset;
            if (met_all) {
                if (met.size() < most_met) {
                    met.push_back(IdHash{}(e.id));
                } else {
                    met_all = false;
                    std::vector<std::uint64_t>().swap(met);
                }
            }
            if (e.type == EntryType::void_ || e.type == EntryType::amend) {
                const bool cancelled = !corrections.voided.empty() && corrections.voided.contains(e.id);
                if (!settled) {
                    if (!cancelled) {
                        if (e.type == EntryType::void_) corrections.voided.insert(e.target);
                        else corrections.amends[e.target].push_back(e);
                    }
                }
                if (!cancelled) {
                    pending.insert(e.target);
                    if (e.type == EntryType::amend && (e.set_fields & field_at)) pending_moves.insert(e.target);
                }
                if (options.include_corrections) deliver(Replayed{e, cancelled});
                if (!settled && cancelled) corrections.voided.erase(e.id);  // its void has done its work
            } else {
                const bool voided = !corrections.voided.empty() && corrections.voided.contains(e.id);
                const bool asked = (options.types & type_bit(e.type)) != 0;
                const bool old = (options.recent_types & type_bit(e.type)) != 0 && e.at.instant < options.recent_since;
                if (asked && old && !corrections.amends.empty()) {
                    const auto it = corrections.amends.find(e.id);
                    if (it != corrections.amends.end() && moves_to(it->second, options.recent_since)) moved_old = true;
                }
                const bool wanted = !e.header_only && asked && !old;
                if (wanted && (!voided || options.include_voided)) {
                    const auto it = corrections.amends.empty() ? corrections.amends.end() : corrections.amends.find(e.id);
                    if (it == corrections.amends.end()) {
                        deliver(Replayed{e, voided});
                    } else {
                        amended = e;
                        apply_amendments(amended, it->second, corrections);
                        deliver(Replayed{amended, voided});
                    }
                }
                if (!settled) {  // met: its corrections have done their work
                    if (voided) corrections.voided.erase(e.id);
                    if (!corrections.amends.empty()) corrections.amends.erase(e.id);
                }
            }
            if (options.enough && !cutoff)
                if (const auto since = options.enough()) cutoff = *since - safety_margin;
            if (cutoff) {
                // The key is the later of `at` and the id's time: a recent `at` settles it.
                const bool old = e.at.instant < *cutoff && line_key(e) < *cutoff;
                old_in_a_row = old ? old_in_a_row + 1 : 0;
                if (old && !written_before) written_before = ulid_time(e.id).has_value();
                if (written_before && old_in_a_row >= old_lines_to_stop && pending_moves.empty()) return false;
            }
            return true;
        },
        options.strict, options.raw, pass_over_of(options), !options.since && !options.enough, &repeats);
    stats.oldest = oldest;
    if (repeats.again) return PassResult{};  // the replay starts over
    // Read to the start: a correction whose target was not met after it stands
    // before it (or has no target).
    if (!stats.stopped_early) return PassResult{!pending.empty(), moved_old};
    // Stopped early: a target still waiting either stands before the lines
    // read (the usual case: an old entry corrected lately) or among them,
    // after its correction (met before it, so not counted as met: misordered).
    // The hashes of the ids met decide while the lines read are few; beyond,
    // a second look at those lines does. (A filter of every id met would cost
    // each line of a long read a cache miss, a fifth of its time.)
    bool misordered = false;
    if (!pending.empty() && met_all) {
        // A hash shared by chance only costs a second pass. The targets
        // waiting are sorted (usually a few), not the ids met (up to 65536).
        std::vector<std::uint64_t> waiting;
        waiting.reserve(pending.size());
        for (const auto& target : pending) waiting.push_back(IdHash{}(target));
        std::sort(waiting.begin(), waiting.end());
        misordered = std::any_of(met.begin(), met.end(), [&](std::uint64_t hash) {
            return std::binary_search(waiting.begin(), waiting.end(), hash);
        });
    } else if (!pending.empty()) {
        RepeatedIds looked = repeats;  // the lines the pass met, again: its repeats, none new
        journal.read_backward(
            [&](const Entry& e) {
                if (e.offset < window_start) return false;
                misordered = pending.contains(e.id);
                return !misordered;
            },
            options.strict, false, all_types, false, &looked);  // ids are all it looks at
    }
    return PassResult{misordered, moved_old};
}

}  // namespace

bool applies_before(const Entry& a, const Entry& b) {
    if (a.at.instant != b.at.instant) return a.at.instant < b.at.instant;
    const std::int64_t fa = written_fraction(a.at_text), fb = written_fraction(b.at_text);
    if (fa != fb) return fa < fb;
    return a.id < b.id;
}

namespace {

// The replay, as long as its reads find no repeated id they did not know of
// (RepeatedIds): then it returns with `repeats.again` set, to start over.
ReplayResult replay_knowing(const Journal& journal, const ReplayOptions& options,
                            const std::function<void(const Replayed&)>& deliver, const std::function<void()>& reset,
                            RepeatedIds& repeats) {
    ReplayResult result;
    Corrections corrections;
    const auto without_recent_rule = [&] {
        reset();
        ReplayOptions whole = options;
        whole.recent_types = 0;
        return replay_knowing(journal, whole, deliver, reset, repeats);
    };
    const PassResult first = pass(journal, options, corrections, false, deliver, result.stats, repeats);
    if (repeats.again) return result;
    if (first.moved_old) return without_recent_rule();
    if (first.again) {
        // A correction stands before its target: gather every correction in the
        // file, settle them, and replay from scratch with all of them known.
        reset();
        std::vector<Correction> all;
        journal.read_backward(
            [&](const Entry& e) {
                if (e.type == EntryType::void_ || e.type == EntryType::amend)
                    all.push_back(Correction{e.id, e.target, e.type == EntryType::void_,
                                             e.type == EntryType::amend ? e : Entry{}});
                return true;
            },
            options.strict, false, all_types, true, &repeats);  // the corrections alone are read whole
        if (repeats.again) return result;
        corrections = settle(all);
        const PassResult second = pass(journal, options, corrections, true, deliver, result.stats, repeats);
        if (repeats.again) return result;
        if (second.moved_old) return without_recent_rule();
    }
    return result;
}

}  // namespace

ReplayResult replay(const Journal& journal, const ReplayOptions& options,
                    const std::function<void(const Replayed&)>& deliver, const std::function<void()>& reset) {
    // A line that repeats an earlier line's id is bad, as log check says: the
    // first line with an id is the entry. A read meets a repeat before the
    // line it repeats (newest first): the replay then starts over, the repeat
    // now known and skipped. Each start over knows more, so this ends.
    RepeatedIds repeats;
    for (;;) {
        repeats.again = false;
        ReplayResult result = replay_knowing(journal, options, deliver, reset, repeats);
        if (!repeats.again) return result;
        reset();
    }
}

History load_history(const Journal& journal, const ReplayOptions& options) {
    // Collected in place: room for many entries is reserved up front (reserved
    // memory costs nothing until an entry is built in it), so the entries are
    // neither moved by regrowth nor copied a second time into the History.
    constexpr std::size_t reserved = 4096;
    auto folded = replay_fold(
        journal, options,
        [] {
            auto history = std::make_unique<History>();
            history->entries.reserve(reserved);
            return history;
        },
        [&](History& h, const Replayed& r) {
            // Before `since` in its time and its creation both: the reader met
            // it only while making sure nothing later follows (ReplayOptions).
            // (The key is never before the time: an entry at `since` or later is kept without reading its id.)
            if (options.since && r.entry.at.instant < *options.since && line_key(r.entry) < *options.since) return;
            if (options.keep && !options.keep(r.entry)) return;
            h.entries.push_back(r.entry);
            h.voided.push_back(r.voided);
        });
    History& history = *folded.state;
    // Delivered newest-written first: file order is the reverse; sort by time
    // (stable, ties in file order). Indices are sorted, not the entries (big),
    // then the entries are put in that order in place, one cycle of the
    // permutation at a time.
    const std::size_t n = history.entries.size();
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(n - 1 - i);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return history.entries[a].at.instant < history.entries[b].at.instant;
    });
    std::vector<bool> voided(n);
    for (std::size_t i = 0; i < n; ++i) voided[i] = history.voided[order[i]];
    history.voided = std::move(voided);
    std::vector<bool> placed(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (placed[i] || order[i] == i) continue;
        Entry held = std::move(history.entries[i]);
        std::size_t j = i;
        for (;;) {
            placed[j] = true;
            const std::size_t from = order[j];
            if (from == i) {
                history.entries[j] = std::move(held);
                break;
            }
            history.entries[j] = std::move(history.entries[from]);
            j = from;
        }
    }
    history.stats = std::move(folded.stats);
    return std::move(history);
}

InEffect entry_in_effect(const Journal& journal, std::string_view id, bool strict) {
    ReplayOptions options;
    options.include_voided = true;
    options.include_corrections = true;
    options.strict = strict;
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<InEffect>(); },
        [&](InEffect& found, const Replayed& r) {
            // Newest written first: an earlier-written one with the same time comes first.
            if (r.entry.id == id && (!found.entry || r.entry.at.instant <= found.entry->at.instant)) {
                found.entry = r.entry;
                found.voided = r.voided;
            }
        });
    folded.state->stats = std::move(folded.stats);
    return std::move(*folded.state);
}

std::optional<Entry> entry_without_correction(const Journal& journal, std::string_view id, std::string_view amend_id,
                                              bool strict) {
    struct Found {
        std::optional<Entry> entry;  // as delivered: its corrections applied, its line as written in `raw`
        std::vector<Entry> amends;   // its other corrections in effect
    };
    ReplayOptions options;
    options.include_corrections = true;
    options.strict = strict;
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<Found>(); },
        [&](Found& found, const Replayed& r) {
            if (r.voided) return;
            if (r.entry.type == EntryType::amend) {
                if (r.entry.target == id && r.entry.id != amend_id) found.amends.push_back(r.entry);
            } else if (r.entry.id == id && (!found.entry || r.entry.at.instant <= found.entry->at.instant)) {
                found.entry = r.entry;
            }
        });
    Found& found = *folded.state;
    if (!found.entry) return std::nullopt;
    Entry entry;
    std::string error;
    if (!parse_entry_line(found.entry->raw, entry, error)) return found.entry;  // not reached: it was read
    std::sort(found.amends.begin(), found.amends.end(), applies_before);
    const HeldFields held = held_fields(entry);
    for (const Entry& amend : found.amends)
        if (may_correct(amend, entry, held)) entry.apply(amend);
    return entry;
}

InEffect newest_in_effect(const Journal& journal, bool strict) {
    ReplayOptions options;
    options.include_corrections = true;
    options.strict = strict;
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<InEffect>(); },
        [&](InEffect& found, const Replayed& r) {
            // Voids `log undo` wrote are not taken back (undo again steps further
            // back); those of `log rm`, grouped, are: undo brings the entries back.
            if (!found.entry && !r.voided && (r.entry.type != EntryType::void_ || !r.entry.group.empty()))
                found.entry = r.entry;
        });
    folded.state->stats = std::move(folded.stats);
    return std::move(*folded.state);
}

bool same_command(const Entry& entry, const Entry& e) {
    if (e.id == entry.id) return true;
    if (!entry.group.empty()) return e.group == entry.group;
    if (!e.group.empty()) return false;
    if (carries_from(e) && e.from == entry.id) return true;
    if (carries_from(entry) && !entry.from.empty())
        return e.id == entry.from || (carries_from(e) && e.from == entry.from);
    return false;
}

std::vector<Entry> command_of(const Journal& journal, const Entry& entry, bool strict, ReadStats* stats) {
    const auto tied = [&](const Entry& e) { return same_command(entry, e); };
    ReplayOptions options;
    options.strict = strict;
    // A correction's command: corrections; the voids of one `log rm`: voids.
    options.include_corrections = entry.type == EntryType::amend || entry.type == EntryType::void_;
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<std::vector<Entry>>(); },
        [&](std::vector<Entry>& found, const Replayed& r) {
            // A void's command: the voids of one `log rm` (their group).
            if (!r.voided && (r.entry.type != EntryType::void_) == (entry.type != EntryType::void_) &&
                tied(r.entry))
                found.push_back(r.entry);
        });
    if (stats) *stats = std::move(folded.stats);
    std::vector<Entry> out = std::move(*folded.state);
    std::reverse(out.begin(), out.end());  // delivered newest written first
    if (out.empty()) out.push_back(entry);
    return out;
}

}  // namespace pumplog
