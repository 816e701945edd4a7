// The stash as status shows it: as of now (SPEC 1), not as of the journal's end.
#include "pumplog/fields.hpp"
#include "pumplog/status.hpp"
#include "replay.hpp"

namespace pumplog {

StockRead read_stock_at(const Journal& journal, const Guideline& guideline, Seconds now, bool strict) {
    // read_stock's replay (the stash whole, the feeds of the intake's days), with the store, move, use and
    // discard entries dated after now handed on as voided: they have not happened yet, and a store among them
    // still reserves its label as a voided one does.
    ReplayOptions replay_options;
    replay_options.include_voided = true;
    replay_options.strict = strict;
    replay_options.raw = false;
    replay_options.types = static_cast<TypeMask>(stock_types | type_bit(EntryType::feed));
    const Seconds feeds_since = intake_feeds_since(now);
    replay_options.recent_types = type_bit(EntryType::feed);
    replay_options.recent_since = feeds_since;
    struct Pass {
        StockReplay stash;
        History feeds;
        Pass(const Guideline& g, bool exact) : stash(g, StockOptions{}, exact) {}
    };
    for (const bool exact : {false, true}) {
        auto folded = replay_fold(
            journal, replay_options, [&] { return std::make_unique<Pass>(guideline, exact); },
            [&](Pass& pass, const Replayed& r) {
                pass.stash.add(r.entry, r.voided || r.entry.at.instant > now);
                if (r.entry.type == EntryType::feed && r.entry.at.instant >= feeds_since) {
                    pass.feeds.entries.push_back(r.entry);
                    pass.feeds.voided.push_back(r.voided);
                }
            });
        StockReplay& stash = folded.state->stash;
        if (stash.needs_exact()) continue;  // never in exact mode
        StockRead read;
        read.stock = stash.finish();
        read.stats = std::move(folded.stats);
        read.feeds = in_time_order(std::move(folded.state->feeds));
        read.feeds.stats = read.stats;
        return read;
    }
    return {};  // not reached: the exact replay never gives up
}

}  // namespace pumplog
