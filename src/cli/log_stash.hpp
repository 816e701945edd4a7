#pragma once
// The stash's part in `log` and its corrections: stash events named by label
// (SPEC 11), and the refusals of undo, rm and edit that would leave a
// container's life impossible (pumplog-log(1)).
#include <string>
#include <unordered_map>
#include <vector>

#include "context.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/units.hpp"

namespace pumplog::cli {

// The labels of the containers that stash events name (`log` says "moved B1
// to the fridge", not an id): read only when there are such events.
class StashLabels {
public:
    StashLabels(Context& ctx, const Journal& journal, const std::vector<Entry>& entries);
    std::string of(const Entry& e) const;
    // Whether a line stores the container `e` (a move, use or discard) names, voided ones included.
    bool stored(const Entry& e) const { return labels_.contains(e.target); }
    std::string describe(const Entry& e, Unit unit) const;
    // "; with it: stored B3 90 ml in the fridge": the command's other entries.
    std::string with_it(const std::vector<Entry>& command, const std::string& head, Unit unit) const;

private:
    std::unordered_map<std::string, std::string> labels_;
};

// Refuses (usage error) taking back `command` (the entries undo or rm would
// void) when a later entry depends on one of them: a move, use or discard of
// a container it stores; a move, use or discard of a container it moves,
// written after that move and not before it in time (a use of a bag thawed
// by the move), or one its removal would make impossible whatever the order
// written (container_life.hpp; lines merged from another device); and, for a
// correction of a stash entry, an entry that the correction's removal would
// make impossible (check_stash_change). The later entry is to be taken back
// first (or named with it to rm).
void check_no_later_use(Context& ctx, const Journal& journal, const std::vector<Entry>& command);

// Refuses (usage error) bringing back `restored` (what an undone `log rm`
// removed) when a container's life would then hold something `stock use`
// would have refused (a use of the milk since poured elsewhere, a use after
// the container's end): the later entry is to be taken back first.
void check_restore(Context& ctx, const Journal& journal, const std::vector<Entry>& restored);
// The same for the move, use and discard lines a stock command is about to
// append: refused when a later-dated entry of the container would no longer
// fit after them (a use back-dated with --now before a later move). `stock`:
// the stash the command read; the journal is read again only when one of
// the lines comes before an entry of its container.
// `time_option`: the option that gives the command's time (--at, --now), named when a line of its own is refused
// (a use dated before its container's recorded thaw: from when it would be accepted).
void check_new_stash_lines(Context& ctx, const Journal& journal, const Stock& stock,
                           const std::vector<std::string>& lines, std::string_view time_option);

// Refuses (usage error) changing the stash entry `before` into `after` (an
// edit, or a correction taken back) when the container's life would then hold
// something `stock use` or `stock move` would have refused (container_life.hpp):
// a use of more than is in it, an entry before its store or after its end,
// part of a frozen container poured, a use or move once it has expired (a new
// place, time or pumped time of its store changes its expiry), a move to
// where it already is, thawed milk moved into the freezer. Entries that are
// not stash entries pass.
void check_stash_change(Context& ctx, const Journal& journal, const Entry& before, const Entry& after);

// Refuses (usage error) an edit of the amount or time of a use that poured a
// container into another (`stock combine`): the combined container was made
// from it, and the combine is corrected whole (taken back and done again).
void check_not_combined(Context& ctx, const Journal& journal, const Entry& before, const Entry& after);

// Refuses (usage error) a new time for a feed that took its bottle from the
// stash (`log feed --from-stock`): its uses, thaws and leftover were written
// for that time (a leftover is good for 2 hours after the feed, CDC), so the
// feed is taken back and logged again, not moved alone. A new amount is
// refused too unless the feed's one use took all of it and nothing was left
// over: that use then follows the amount (use_follows). `command`: the lines
// `before` was written with (command_of).
void check_feed_from_stock(Context& ctx, const Journal& journal, const Entry& before, const Entry& after,
                           const std::vector<Entry>& command);

}  // namespace pumplog::cli
