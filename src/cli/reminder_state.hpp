#pragma once
// What the cron-style queries already said (SPEC 10: remind once): a small
// JSON file per journal under $XDG_STATE_HOME/pumplog/ (else
// ~/.local/state/pumplog/), named after a hash of the journal's absolute path:
// {"journal": PATH, "announced": {KEY: {"times": N, "last": TIME}, ...}}. Documented in pumplog-plan(1).
#include <filesystem>
#include <string>

#include "context.hpp"
#include "pumplog/reminders.hpp"

namespace pumplog::cli {

std::filesystem::path reminder_state_path(Context& ctx);
// The counts kept (empty when there is no file or it is unreadable).
Announced read_announced(Context& ctx);
// Writes the counts back (a temporary file renamed over the old one); a
// failure is a warning, never an error: a reminder twice is better than none.
void write_announced(Context& ctx, const Announced& announced);
// Asks `should` with how often `key` was announced; when it says yes, counts
// one more announcement (and forgets pumps over 2 days old). True: announce.
bool announce_once(Context& ctx, const std::string& key, const std::function<bool(const Announcement&)>& should);

}  // namespace pumplog::cli
