#pragma once
// Replay: the entries in effect, with voids and amendments applied.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pumplog/journal.hpp"

namespace pumplog {

struct ReplayOptions {
    // Entries whose time (and creation time) is before this may be left out:
    // the reader stops once the lines it meets are older than this by a safety
    // margin, so a question about today does not read years of history.
    std::optional<Seconds> since;
    bool include_voided = false;  // deliver voided entries too (flagged)
    bool include_corrections = false;  // deliver void and amend lines themselves
    bool strict = false;
    bool raw = true;  // deliver each entry's line as written (Entry::raw); computations need not
    // load_history keeps only the entries this accepts (when set): a command that
    // needs a few kinds of entry over the whole journal holds only those.
    std::function<bool(const Entry&)> keep;
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

struct ReplayResult {
    ReadStats stats;
};

// Delivers each event entry in effect (newest written first), amendments
// applied. `reset` is called when the replay has to start over (a void or
// amend line found before its target in the file): drop what was delivered.
ReplayResult replay(const Journal& journal, const ReplayOptions& options,
                    const std::function<void(const Replayed&)>& deliver,
                    const std::function<void()>& reset);

// The entries in effect as a list sorted by time (ties in file order).
struct History {
    std::vector<Entry> entries;
    std::vector<bool> voided;  // parallel to entries (with include_voided)
    ReadStats stats;
};
History load_history(const Journal& journal, const ReplayOptions& options);

}  // namespace pumplog
