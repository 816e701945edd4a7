#pragma once
// Replay: the entries in effect, with voids and amendments applied.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/journal.hpp"

namespace pumplog {

struct ReplayOptions {
    // Entries whose time (and creation time) is before this may be left out:
    // the reader stops once the lines it meets are older than this by a safety
    // margin, so a question about today does not read years of history. A
    // History (load_history) leaves them all out.
    std::optional<Seconds> since;
    bool include_voided = false;  // deliver voided entries too (flagged)
    bool include_corrections = false;  // deliver void and amend lines themselves
    bool strict = false;
    bool raw = true;  // deliver each entry's line as written (Entry::raw); computations need not
    // The event types to deliver (void and amend lines are always read): the
    // reader passes over the others' lines after their header, so a command
    // that needs a few kinds of entry neither parses nor hears of the rest.
    TypeMask types = all_types;
    // Entries of these types (among `types`) are delivered only when written
    // at or after `recent_since`; the reader passes over the older ones'
    // lines after their header, as over a type not asked for. For a command
    // that needs the whole stash but last week's feeds alone. An amendment
    // that moves such an old entry's time makes the replay read again
    // without this rule, so an entry moved into the recent days still comes.
    TypeMask recent_types = 0;
    Seconds recent_since{};
    // When set, asked after each line: once it gives a time, the replay reads
    // on only as one with that `since` would (a safety margin further), so a
    // question about a few entries, once it has met them, does not read years
    // of history, yet still meets a correction written before its target.
    std::function<std::optional<Seconds>()> enough;
    // load_history keeps only the entries this accepts (when set): a command that
    // needs a few kinds of entry over the whole journal holds only those.
    std::function<bool(const Entry&)> keep;
    // When set, called with every line the first pass reads (before it is
    // delivered, corrections and voided entries included): without `since`,
    // `enough` or `recent_types` that is every good line of the file, once;
    // but a replay that starts over for a repeated id it had not known of
    // (a bad line: ReadStats::bad_lines) reads the lines again, and gives
    // them again. RefsCollector's callers fall back to Refs::read then.
    std::function<void(const Entry&)> each_line;
};

struct Replayed {
    const Entry& entry;  // amendments applied
    bool voided;
};

// The one rule for the order in which corrections of one entry apply (SPEC 8:
// merge is commutative in effect): by their `at` to its full written
// precision, then by id; never by their place in the file, which depends on
// which copy was the base of a merge. True when `a` applies before `b` (so
// `b`'s fields win where both set one).
bool applies_before(const Entry& a, const Entry& b);

// The entries in effect as a list sorted by time (ties in file order).
struct History {
    std::vector<Entry> entries;
    std::vector<bool> voided;  // parallel to entries (with include_voided)
    ReadStats stats;
};
History load_history(const Journal& journal, const ReplayOptions& options);

// Questions about single entries. Each reads the journal once or, when a
// correction stands before its target, twice; the caller sees only the answer.
struct InEffect {
    std::optional<Entry> entry;  // amendments applied
    bool voided = false;
    ReadStats stats;  // the bad lines met (for warnings)
};

// The entry with this id (voided ones too, flagged; a void or amend line by
// its own id): of several with that id, the first in time (ties: the first
// written), as in a History.
InEffect entry_in_effect(const Journal& journal, std::string_view id, bool strict);

// The entry with this id as it would be were the correction `amend_id` voided:
// its line as written with its other corrections in effect applied (by
// applies_before); nullopt when no entry in effect has that id.
std::optional<Entry> entry_without_correction(const Journal& journal, std::string_view id, std::string_view amend_id,
                                              bool strict);

// The newest line written that is still in effect: an event entry, an
// amendment or a void of `log rm` (grouped), nothing voided and no void of
// `log undo` (what `log undo` takes back).
InEffect newest_in_effect(const Journal& journal, bool strict);

// The entries in effect that one command wrote together with `entry` (its
// own included), in the order written: those sharing its `group`; for lines
// written before groups, a store or use whose `from` names it (or the entry
// its `from` names, and that entry's others). Just `entry` when none.
std::vector<Entry> command_of(const Journal& journal, const Entry& entry, bool strict, ReadStats* stats = nullptr);

}  // namespace pumplog
