#pragma once
// What the cron-style queries already said (SPEC 10: remind once): a small
// JSON file per journal under $XDG_STATE_HOME/pumplog/ (else
// ~/.local/state/pumplog/), named after a hash of the journal's absolute path:
// {"journal": PATH, "announced": {KEY: {"times": N, "last": TIME}, ...}}; KEY is
// "pump TIME" (" for NAME" after it for a --baby plan), "timer ID", "expiring ID", "damage HASH" (damaged lines
// warned of) or "error HASH" (a journal that could not be read, said). Documented in pumplog-plan(1).
#include <filesystem>
#include <string>

#include "context.hpp"
#include "pumplog/reminders.hpp"

namespace pumplog::cli {

// The state's file. When its folder cannot be written (or a folder stands
// where the file should), the same name in the user's own temporary folder
// ($TMPDIR/pumplog-UID, made 0700), and `fallback` is set. With no home folder
// (and no XDG_STATE_HOME) there from the start, `fallback` not set; empty
// when no folder of the user's own can be had then (nothing is kept).
std::filesystem::path reminder_state_path(Context& ctx, bool* fallback = nullptr);
// The counts kept (empty when there is no file or it is unreadable). Takes
// the state's lock first (reminders-HASH.lock beside it, held until the
// command ends), so that overlapping runs read, decide and write in turn.
Announced read_announced(Context& ctx);
// Writes the counts back (a temporary file renamed over the old one); a
// failure is a warning, never an error: a reminder twice is better than none.
void write_announced(Context& ctx, const Announced& announced);
// Asks `should` with how often `key` was announced in `said` (read_announced);
// when it says yes, counts one more announcement there (and forgets pumps over
// 2 days old). True: announce. Nothing is written: commit_announced does, once
// the announcements are printed.
bool announce_once(Context& ctx, Announced& said, const std::string& key,
                   const std::function<bool(const Announcement&)>& should);
// For a cron-style query: whether the reminder state has not yet recorded the
// damage `stats` reports (its lines and reasons) as said; when new, records it
// at once (a run that then has nothing to say exits 1 and writes nothing else).
bool damage_is_new(Context& ctx, const ReadStats& stats);
// For a cron-style query the journal could not be read for (exit 3, `error` its message): whether to say it,
// as for damage: when the reminder state has not recorded it, or recorded it a day ago or more (then
// recorded as said now). Cron mails it once a day, not at every run; the exit status is 3 every time.
bool error_is_new(Context& ctx, const std::string& error);
// Once the journal is read again: forgets the error recorded (in `said`, read_announced's, and in the file,
// written without a word when there was one), so that the next time it cannot be read is said at once.
void forget_error(Context& ctx, Announced& said);
// After the announcements were printed: flushes stdout and writes `said` only
// when that worked. A reminder that could not be printed (stdout closed or
// full: exit 4) is not counted, so the next run says it.
void commit_announced(Context& ctx, const Announced& said);

}  // namespace pumplog::cli
