#pragma once
// The stash's part in the recording commands (`add --store`, `log feed
// --from-stock`): each appends its lines in one write, under the journal lock.
#include <optional>
#include <string>
#include <string_view>

#include "context.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/units.hpp"

namespace pumplog::cli {

// Whether the milk of a pump may be stored (the place, the amount, the storage limit): usage errors. Run
// before the slip checks, so that a place mistyped is named as such, not as a pump typed twice.
void check_pump_stored(Context& ctx, Volume amount, Seconds at, std::string_view place, bool force);

// Appends the pump line and a `store` line for the same milk (linked by
// `from`, labelled with the next free label) in one write, once
// check_pump_stored has passed. Returns what to tell the parent.
std::string append_pump_stored(Context& ctx, const Line& pump, Volume amount, Seconds at, std::string_view place);

// Appends the feed line and the `use` lines that take its milk from the stash
// (soonest to expire first, never expired milk) in one write, both or neither:
// usage error, nothing written, when the stash cannot cover it. Returns what
// to tell the parent.
// `offered` (--offered): the bottle held more than the baby drank; that much
// is taken and the rest kept as a leftover container. `thaw` (--thaw): a
// frozen container only partly taken is thawed whole (else refused).
// `baby`: the feed's ("" for none named): another baby's leftover is not taken,
// and the leftover kept records it.
std::string append_feed_from_stock(Context& ctx, const Line& feed, Volume amount, Seconds at,
                                   std::optional<Volume> offered = std::nullopt, bool thaw = false,
                                   const std::string& baby = {});

}  // namespace pumplog::cli
