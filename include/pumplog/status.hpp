#pragma once
// Today at a glance (SPEC 10, `pumplog status` and bare `pumplog`): what was
// pumped and drunk today against the usual day, the last pump and feed, the
// running pump timer. Pure: entries in effect (the last 8 days at least) and
// the clock in, numbers out; the command adds the next pump and the stash.
#include <optional>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

struct DayStatus {
    date::sys_days day{};  // today, local: an entry is today's when its `at` is written with this date
    Volume pumped;     // by the sessions with a volume (`ml`, else left + right)
    int sessions = 0;  // every session, with or without a volume
    int unmeasured_sessions = 0;  // sessions with no volume: unknown, never 0 ml
    std::optional<Volume> left, right;  // when some session gave its sides
    int sided_sessions = 0;             // sessions that gave a side (left or right): what left/right cover
    Volume drunk;                       // bottles today (breast milk and formula) with an amount
    int bottle_feeds = 0;               // every bottle, with or without an amount
    int unmeasured_bottles = 0;         // bottles with no amount: unknown, never 0 ml
    int breast_feeds = 0;
    // The usual day: the mean over the last 7 days (today left out) that have
    // bottle feeds, of their whole day and of their bottles up to now's time of day
    // (each bottle's day and time of day as written in its `at`).
    std::optional<Volume> usual_by_now, usual_day;
    int usual_days = 0;
    std::optional<Entry> last_pump, last_feed;
    std::optional<PumpTimer> timer;
    int skipped = 0;  // planned pumps skipped today (`plan skip`)
    // Each baby's day when the journal has several (SPEC 12): in the order of
    // config `babies`, then any other name the feeds carry. Empty with one baby.
    struct Baby {
        std::string name;
        Volume drunk;
        int bottle_feeds = 0;
        int breast_feeds = 0;
        std::optional<Entry> last_feed;
        int unmeasured_bottles = 0;  // bottles with no amount: unknown, never 0 ml
    };
    std::vector<Baby> babies;
    // With several babies, today's feeds that name none: counted in the whole day's bottles (the Babies
    // row) and in no baby's row, which says so.
    int unnamed_feeds = 0;
};

// The days the usual day is averaged over.
inline constexpr int usual_day_days = 7;

// `entries`: in effect, sorted by time, from the earliest instant the first of
// the usual day's dates can be written with (earliest_written) at least; `babies`: the configured names (config
// `babies`; empty or one name: one baby).
DayStatus day_status(const std::vector<Entry>& entries, const Clock& clock,
                     const std::vector<std::string>& babies = {});

}  // namespace pumplog
