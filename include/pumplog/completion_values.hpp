#pragma once
// The journal's values that shell completion offers: container labels for
// `stock use/move/discard`, entry references for `log rm/edit`, and the refs
// of the running pump timers' starts for `pump stop|pause|resume --started`.
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/record.hpp"
#include "pumplog/stock.hpp"

namespace pumplog {

// The labels of the containers still holding milk (stored, not discarded, not
// used up), in the order stored. Candidates for a prompt, not a verdict: the
// stock command decides what it accepts (expired milk can still be discarded).
// `entries`: the entries in effect (a History's), voided ones left out.
std::vector<std::string> labels_in_stock(const std::vector<Entry>& entries);
// The same of a stash already replayed (read_stock).
std::vector<std::string> labels_in_stock(const Stock& stock);

// The references of the entries in effect at or after `since`, newest first
// (what one would correct or remove; `pumplog log --since` shows older ones).
std::vector<std::string> recent_refs(const std::vector<Entry>& entries, const Refs& refs, Seconds since);
// The same with their entries (for a description beside each ref).
struct RecentRef {
    std::string ref;
    const Entry* entry;
};
std::vector<RecentRef> recent_entries(const std::vector<Entry>& entries, const Refs& refs, Seconds since);

// The starts of the pump timers running at `now` (running_timers: none stopped or cancelled; started within
// timer_lookback, as the pump commands look), newest first, with their refs: what `pump stop|pause|resume
// --started REF` accepts, and nothing else (a ref of another entry is refused there). `entries`: in effect,
// sorted by time (a History's).
std::vector<RecentRef> running_timer_starts(const std::vector<Entry>& entries, const Refs& refs, Seconds now);

}  // namespace pumplog
