#pragma once
// Reports (SPEC 6): what was pumped, drunk, stored, used and thrown away, per
// local day, ISO week, month or hour of day, over the history in effect.
//
// A day is the local date written in each entry's `at` (its first 10
// characters), so a pump at 23:30 counts for that evening wherever the parent
// was and whatever the journal's zone is now; the hour of day is the hour
// written there too.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pumplog/id_hash.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

enum class Grouping { day, week, month, hour };
// "day", "week", "month" or "hour"; usage error naming them otherwise.
Grouping parse_grouping(std::string_view text);
std::string_view grouping_name(Grouping grouping);

// The columns of SPEC 6 for one row, in ml and seconds (units are chosen when
// rendering).
struct Tally {
    int pump_sessions = 0;
    Volume pumped;
    Volume left, right;  // the sides, where the pump recorded them
    int feeds = 0;       // every feed: bottle and breast
    Volume bottle;       // drunk from bottles: breast milk and formula
    Volume formula;      // the part of `bottle` that was formula (not a column: for the stash balance)
    int breast_feeds = 0;
    std::chrono::seconds breast_time{0};  // left_s + right_s, or dur_s when the sides were not timed
    Volume stored;                        // put into storage (`store`)
    Volume used;                          // taken out of storage (`use`)
    Volume discarded;                     // what was left in each container thrown away (`discard`)
    int skipped = 0;                      // planned pumps skipped (`plan skip` writes a `skip` line)
    int sided_sessions = 0;               // pump sessions that recorded left or right (not a column: the note)
    // Volumes not recorded are unknown, never 0 ml: not summed, counted here (not columns: the notes
    // and the stash balance say how many).
    int unmeasured_sessions = 0;          // pump sessions with no volume (no ml, no side)
    int unmeasured_bottles = 0;           // bottle feeds with no amount
    int unmeasured_formula = 0;           // of those, bottles of formula

    Tally& operator+=(const Tally& other);
    bool empty() const;
    // Whether `pumped` (and the sides) is known: no pump session, or one with a volume. With every session
    // of unknown volume the volume is unknown, not 0 ml (the CSV leaves the cell empty, the JSON says null).
    bool pumped_known() const { return unmeasured_sessions == 0 || unmeasured_sessions < pump_sessions; }
    // Whether `bottle` is known: no bottle feed, or one with an amount.
    bool bottle_known() const { return unmeasured_bottles == 0 || unmeasured_bottles < feeds - breast_feeds; }
};

// Local calendar days, both ends inclusive.
struct DayRange {
    date::sys_days first;
    date::sys_days last;
    int days() const { return static_cast<int>((last - first).count()) + 1; }
    bool contains(date::sys_days day) const { return first <= day && day <= last; }
};

// The local date written in `at` ("2026-11-21T23:30:00-05:00" -> 2026-11-21),
// or nullopt when the text does not start with a date.
std::optional<date::sys_days> written_day(std::string_view at_text);
// The hour written in `at` (0-23), or nullopt.
std::optional<int> written_hour(std::string_view at_text);
// The local date written in a parsed `at` (the same as its text's first 10 characters), whatever zone is in
// effect now: the one rule for which day an entry is on, in report, status and log alike.
inline date::sys_days written_day(const Stamp& at) {
    return date::sys_days(date::floor<date::days>(at.local()).time_since_epoch());
}
// The earliest instant a given local date can be written with (UTC+14, the easternmost offset): a read from
// it meets every entry written for that date in any zone (one an offset moves up to 14 hours from TZ's day).
inline Seconds earliest_written(date::sys_days day) { return Seconds(day) - std::chrono::hours(14); }

// ISO 8601 week: the week's Monday and its label ("2026-W53"). The week belongs
// to the year of its Thursday, so 2027-01-01 (a Friday) is in 2026-W53.
date::sys_days iso_week_monday(date::sys_days day);
std::string iso_week_label(date::sys_days day);

// Per-day and per-hour tallies, filled as the replay delivers entries (newest
// first, in any order): memory grows with the number of days, not with the
// journal, and counting an entry allocates nothing.
//
// Several babies (SPEC 12): a feed naming its baby also counts for that baby,
// by a small index (the names interned as met: `babies` first, the configured
// names, then those the feeds name). A feed naming none counts in the totals
// only. With `only` set, feeds of other babies (and feeds naming none, unless
// `unnamed_too`: they are that baby's) are not counted at all: pumping and the
// stash stay whole, they are the parent's.
class Tallies {
public:
    // `counted`: the days kept (the report's period and the days the trend
    // compares); `reported`: the period, whose entries also fill the hours.
    Tallies(DayRange counted, DayRange reported, const std::vector<std::string>& babies = {},
            std::string only = {}, bool unnamed_too = false);

    // Counts one entry in effect. Entries outside `counted` and entries of
    // other types (moves, timers, unknown types) are ignored. A discard is only noted:
    // its volume comes from its container (see DiscardLedger). A planned pump
    // skipped twice (two skip lines at its time: two devices, merged) counts once.
    void add(const Entry& entry);

    // Adds a discarded volume to its day and hour.
    void add_discarded(date::sys_days day, int hour, Volume volume);
    // Takes back from its day and hour what a use counted and did not take (UseLedger).
    void take_back_used(date::sys_days day, int hour, Volume volume);

    const DayRange& counted() const { return counted_; }
    // The earliest day written in an entry added (any type, counted or not).
    std::optional<date::sys_days> earliest() const { return earliest_; }
    const DayRange& reported() const { return reported_; }
    const Tally& day(date::sys_days day) const;  // a day of `counted`
    const std::array<Tally, 24>& hours() const { return hours_; }

    // The babies met, in the order to show them: the configured names, then
    // the others by name (ASCII case ignored).
    std::vector<std::size_t> baby_order() const;
    const std::string& baby_name(std::size_t index) const { return baby_names_[index]; }
    const Tally& baby_day(std::size_t index, date::sys_days day) const;
    const Tally& baby_hour(std::size_t index, int hour) const { return baby_hours_[index][static_cast<std::size_t>(hour)]; }
    // Whether each baby gets its own columns: two or more met, and no `only`.
    bool several_babies() const { return only_.empty() && baby_names_.size() >= 2; }
    // With `only`: the other feeds of the reported days, left out of every row, for the stash balance (the
    // pumping and the stash are the parent's: they are set against every baby's bottles).
    const Tally& other_feeds() const { return other_feeds_; }

private:
    // The index of a baby's name, added when new (allocates only then). A name not configured is shown as
    // its earliest feed (`at`) spells it, as status and plan show it, whatever order the entries come in.
    std::size_t baby_index(std::string_view name, std::optional<Seconds> at = std::nullopt);

    // The day of an entry's date text; entries come in runs of one day, so
    // the last date text and its day are kept to skip most date arithmetic.
    std::optional<date::sys_days> day_of(std::string_view at_text);

    DayRange counted_;
    DayRange reported_;
    std::vector<Tally> days_;
    std::array<Tally, 24> hours_{};
    std::array<char, 10> last_text_{};
    std::optional<date::sys_days> last_day_;
    std::optional<date::sys_days> earliest_;
    std::size_t configured_babies_ = 0;
    std::vector<std::string> baby_names_;
    std::vector<std::optional<Seconds>> baby_first_;  // each name's earliest feed met (none for configured ones)
    std::vector<std::vector<Tally>> baby_days_;  // per baby, per day of `counted` (empty until its first feed)
    std::vector<std::array<Tally, 24>> baby_hours_;
    std::size_t last_baby_ = 0;
    std::string only_;
    bool unnamed_too_ = false;
    Tally other_feeds_;
    std::vector<Seconds> skips_;  // the times of the skips counted (a few a week)
};

// The containers thrown away in the period and what was left in each: the
// volume stored minus what was used from it before the discard. Kept in a
// list, indexed by container id: a report over years meets thousands of
// discards, and every `store` and `use` line looks its container up.
class DiscardLedger {
public:
    struct Discard {
        std::string target;  // the store id
        date::sys_days day;
        int hour = 0;
        Seconds at;
        std::optional<Volume> stored;  // nullopt until its store is seen
        Seconds stored_at{};           // its store's time, once seen
        Volume used;
        bool looking = false;  // in the second look-up
        bool leftover = false;  // its store is a leftover's (log feed --offered): its milk left storage with its feed
        // What was left when it was thrown away (0 when the store was never found, or for a leftover).
        Volume remaining() const;
    };

    // First pass: notes a discard written in the period, or counts a store or
    // use for a discard already noted. A use written after its discard is not
    // counted (the milk was already gone; `stock use` refuses it).
    void add(const Entry& entry, const DayRange& reported);

    // Second look-up, once every discard is known: looks for the containers
    // of the discards whose store was not met (stored before the pass began).
    // A replay that starts over starts again from a copy made before begin_lookup.
    void begin_lookup();
    void add_container_entry(const Entry& entry);

    bool resolved() const;
    // The earliest discard whose store was not seen.
    std::optional<Seconds> earliest_unresolved() const;
    // Once every store is seen, the earliest of them (the look-up can stop
    // there: a container's uses come after its store); nullopt before.
    std::optional<Seconds> earliest_store_once_resolved() const;
    const std::vector<Discard>& discards() const { return discards_; }

private:
    std::vector<Discard> discards_;
    // IdHash of the container id -> index in discards_ (whose target is compared:
    // a hash is not an id). Integer keys: no string is hashed twice.
    std::unordered_multimap<std::uint64_t, std::size_t> by_target_;
    // A bit per 16-bit slice of those hashes (8 KiB, in the first-level
    // cache): most stores and uses belong to no discarded container and skip
    // the table's look-up.
    std::array<std::uint64_t, 1024> maybe_{};
    void note(std::uint64_t hash) { maybe_[(hash >> 48) / 64] |= std::uint64_t{1} << ((hash >> 48) % 64); }
    bool may_hold(std::uint64_t hash) const { return (maybe_[(hash >> 48) / 64] >> ((hash >> 48) % 64)) & 1u; }
};

// What the uses of the period took: a use of more than its container still
// held (a line by hand or another tool), or written after the container was used
// up or thrown away, took what was left, as `stock` counts it. Each container
// a use of the period names is replayed by the stash's own replay (StockReplay),
// from its store, with every use and discard of it: those of the first pass,
// and for a container stored before the pass began, those of a second look-up
// (as DiscardLedger's). The lines are held small (the container by its id's
// hash), a few bytes for each store, use and discard read.
class UseLedger {
public:
    // First pass: keeps a store, use or discard (the other entries are ignored).
    void add(const Entry& entry, const DayRange& counted);
    // Second look-up: the containers used in the period whose store was not met lose their lines, read again
    // whole by add_container_entry. A replay that starts over starts again from a copy made before it.
    void begin_lookup();
    void add_container_entry(const Entry& entry);

    bool resolved() const;
    // The earliest use in the period of a container whose store was not met.
    std::optional<Seconds> earliest_unresolved() const;
    // In the look-up, once every container looked for is found, the earliest of their stores; nullopt before.
    std::optional<Seconds> earliest_store_once_resolved() const;

    // A use of the period that took less than it says, and how much less.
    struct Shortfall {
        date::sys_days day;
        int hour = 0;
        Volume less;
    };
    std::vector<Shortfall> shortfalls() const;
    // The uses of the period that poured a leftover (log feed --offered), each with all it says it took (`less`):
    // the leftover's milk left storage with the bottle it was left in, so offering it again takes nothing more
    // from the stash (pumplog-report(1), used_ml). Their containers have no shortfall.
    std::vector<Shortfall> leftover_uses() const;
    // The uses of the period whose container's store was met nowhere (once a look-up read the whole journal), by
    // their lines' byte offsets: lines log check may call damaged (damaged_among decides: a use of a voided
    // store is sound).
    std::vector<std::uint64_t> unresolved_uses() const;
    // Drops the use of the period at `offset` (a damaged line), with what it counted; nullopt when there is none.
    std::optional<Shortfall> drop_use(std::uint64_t offset);

private:
    struct Line {
        EntryType type = EntryType::use;
        bool in_period = false;     // a use of the counted days
        std::int8_t hour = 0;       // a use's, as written
        date::sys_days day{};       // a use's, as written
        std::uint64_t container = 0;  // IdHash of its container's id (a store's own)
        Seconds at{};
        double ml = 0;              // counted_ml
        bool leftover = false;      // a store of a leftover (log feed --offered)
        std::uint64_t offset = 0;   // its line's byte offset
    };
    Line line_of(const Entry& entry, std::uint64_t container) const;
    // The containers used in the period whose store is not among the lines.
    std::vector<std::uint64_t> unresolved() const;

    DayRange counted_{};
    std::vector<Line> lines_;  // as the replay delivered them: newest written first
    bool looking_ = false;
    // In the look-up: the containers looked for, each with its store's time once met.
    std::unordered_map<std::uint64_t, std::optional<Seconds>> looked_for_;
    std::size_t found_ = 0;                  // of them, those whose store was met
    std::optional<Seconds> earliest_store_;  // the earliest of their stores met
};

// The trend of pumped volume: the last complete days of the period (up to 7)
// against as many days before them. Days before the journal's first entry are
// not days of nothing pumped: neither span reaches before it, and when the
// earlier one is cut short the two are compared per day. Each span needs
// min(3, recent days) days logged with their pumped volume known: a verdict is never drawn from one or two
// days, nor from days a session of unknown volume could change (pumplog(5)).
struct Trend {
    enum class Direction { up, down, steady, unknown };
    // Why there is nothing to compare (Direction::unknown).
    enum class Missing {
        none,
        no_complete_day,  // the period has no day over yet: recent and previous are unset
        nothing_logged,   // the journal has no entry up to recent.last: previous is unset
        short_history,    // the earlier span has fewer than min(3, recent days) days (the journal's start)
        recent_few_logged,  // fewer than min(3, recent days) recent days are logged with their volume known
        few_logged,       // the earlier span has fewer than min(3, recent days) days logged with their volume known
        recent_unlogged,  // nothing logged on any of the recent days (but before them)
        recent_unmeasured,  // recent days logged, but every one with a pump session without a volume
        nothing_pumped    // nothing pumped in the earlier span
    };
    DayRange recent;
    DayRange previous;  // as many days as `recent`, fewer when the journal began in them (none: days() == 0)
    Volume recent_pumped;
    Volume previous_pumped;
    // Days of each span with no entry of any kind: not logged, so left out of
    // the per-day means (not days with nothing pumped).
    int recent_unlogged = 0;
    int previous_unlogged = 0;
    // Days of each span with a pump session without a volume: the day's pumped volume is unknown (not 0 ml,
    // and not what its other sessions add up to), so it is left out of the per-day means too, and counts for
    // neither span's 3 days (a day with feeds but no pump is 0 ml pumped).
    int recent_unmeasured = 0;
    int previous_unmeasured = 0;
    // The days each span's mean divides by: logged, with the pumped volume known.
    int recent_logged() const { return recent.days() - recent_unlogged - recent_unmeasured; }
    int previous_logged() const { return previous.days() - previous_unlogged - previous_unmeasured; }
    // The fewest days of each span its mean may come from: min(3, recent days).
    int fewest_days() const { return std::min(recent.days(), 3); }
    std::optional<date::sys_days> journal_begins;  // the journal's first day, when it cut a span short
    std::optional<double> percent;                 // the per-day means compared
    Direction direction = Direction::unknown;
    Missing missing = Missing::none;
};
// A change under this many percent either way is "steady".
inline constexpr double steady_percent = 5.0;

// Pumped against drunk from bottles over the period: what goes to the stash.
struct StashBalance {
    Volume pumped;
    Volume breast_milk_drunk;  // bottles of breast milk
    Volume formula_drunk;      // bottles of formula (not drawn from the stash)
    Volume stash_used;         // what `use` took out of storage: all that came "from the stash"
    std::string drinker = "baby";  // who drank: "baby", a baby's name (--baby), "the babies"
    // With --baby while other feeds had bottles: that baby, and the breast milk its bottles held, a part of
    // breast_milk_drunk (every baby's: the stash is the parent's).
    std::string baby{};
    Volume baby_drunk{};
    // Amounts not recorded: unknown, so the difference leaves them out and the sentence says so.
    int unmeasured_sessions = 0;  // pump sessions with no volume
    int unmeasured_bottles = 0;   // bottles of breast milk (or of milk not named) with no amount
    // Pump sessions and bottles (formula too) with a volume, even 0 ml: with none and no volume above,
    // nothing of the period has a volume and there is no balance (not "0 ml against 0 ml: even").
    int measured = 0;
    bool known() const {
        return measured > 0 || pumped.ml() != 0 || breast_milk_drunk.ml() != 0 || formula_drunk.ml() != 0;
    }
    Volume difference() const { return pumped - breast_milk_drunk; }
};

// One row of a report: a day, an ISO week, a month or an hour of the day.
struct ReportRow {
    std::string label;     // "2026-11-21", "2026-W47", "2026-11", "07:00"
    date::sys_days first;  // its first day in the period (day, week, month)
    int days = 0;          // days of the period it covers
    int calendar_days = 0; // days of its calendar week or month (1 for a day; the period's days for an hour)
    Tally tally;
    std::vector<Tally> babies;  // each baby's feeds, parallel to Report::babies (empty for one baby)
    // A week or month the period covers only in part.
    bool partial() const { return days < calendar_days; }
    // Whether `day` is one of the days it covers (an hour row: any day of the period).
    bool covers(date::sys_days day) const { return first <= day && day < first + date::days(days); }
};

struct ReportRequest {
    DayRange period;
    Grouping by = Grouping::day;
    // Today in the journal's zone: an incomplete today is left out of the trend.
    date::sys_days today;
    // Now (SPEC 1: every now-relative computation uses it): entries after it are not counted, so that
    // today's row counts so far (as status does) and a --now in the past reports as of then. A skip
    // written later today counts at once, as in status (`plan skip` before the pump). Default: no limit.
    Seconds now = Seconds::max();
    bool strict = false;
    std::vector<std::string> babies;  // the configured names (config babies)
    std::string baby;                 // only this baby's feeds (--baby, resolved); "" every feed
    bool baby_unnamed = false;        // the feeds naming no baby are `baby`'s too (unnamed_feeds_are)
    // The last day asked for (--until) when it is after today: the period ends today, the days after it
    // have not happened (nothing can be logged there), and are neither rows nor days of the averages.
    std::optional<date::sys_days> asked_last;
};

struct Report {
    DayRange period;
    Grouping by = Grouping::day;
    date::sys_days today;  // the request's: a row covering it is not over
    std::optional<date::sys_days> asked_last;  // the request's
    // Whether the last row covers today, which is not over yet.
    bool last_row_open() const { return !rows.empty() && rows.back().covers(today); }
    std::vector<ReportRow> rows;   // every day, week or month of the period (empty ones too), or the 24 hours
    std::vector<ReportRow> days;   // every day of the period (the charts); empty when `rows` are days
    // Every day of the period: `rows` when they are days (not copied: a report
    // over years has thousands), else `days`.
    const std::vector<ReportRow>& day_rows() const { return by == Grouping::day ? rows : days; }
    std::vector<ReportRow> hours;  // the 24 hours of the day over the period (the pattern)
    // Supply mode's milestone for each day of `days` (when the baby's birth date
    // is set): the reference line of the pumped-per-day chart.
    std::vector<std::optional<Volume>> milestones;
    Tally total;
    // The days of the period with an entry of any kind, what every per-day figure divides by: a day
    // with none (nothing logged, or before the journal began) is not a day of nothing pumped or drunk.
    int logged_days = 0;
    // Of those, the days whose pumped volume (and whose bottles' amount) is known: a day whose every pump
    // session (every bottle) has no volume is left out of the pumped (bottle) mean, as unknown is never 0 ml.
    int pumped_days = 0;
    int bottle_days = 0;
    // The per-day mean of a volume over `days` (none without one).
    static Volume per_day(Volume volume, int days) { return Volume::from_ml(days > 0 ? volume.ml() / days : 0.0); }
    // Several babies (SPEC 12): their names when two or more are known (the
    // configured ones, then those feeds name) and no --baby was given, with
    // each one's total feeds; empty otherwise (then nothing changes).
    std::vector<std::string> babies;
    std::vector<Tally> baby_totals;
    std::string baby;  // --baby: the feeds counted are this baby's only
    Trend trend;
    StashBalance balance;
    ReadStats stats;
};

// The stash on the report's page: what to thaw the evening before
// `next_day` (the start of the next local day) for that day's need, the
// baby's recent bottle intake. Milk out of the freezer still usable then
// (fridge, thawed, room, cooler) covers it first; then the frozen containers,
// in use order (`in_use_order`: use_order's), until it is covered. None
// without an intake, or when the milk out of the freezer covers it.
struct NextDayThaw {
    Volume need;                            // the intake per day (0 without one)
    Volume ready;                           // out of the freezer and usable at `next_day`
    std::vector<const Container*> thaws;    // the frozen containers to thaw, in use order
    Volume thawed;                          // what they hold
    // What the milk out of the freezer and the thaws leave short of the need (0 when they cover it):
    // no frozen milk usable now is left to thaw for it.
    Volume missing() const { return std::max(Volume{}, need - ready - thawed); }
};
NextDayThaw next_day_thaw(const std::vector<const Container*>& in_use_order, Seconds now, Seconds next_day,
                          const std::optional<Intake>& intake);

// Groups the per-day tallies of `tallies.reported()` into rows.
std::vector<ReportRow> group_rows(const Tallies& tallies, Grouping by);
// The trend over `period` ending on `trend_end`; `first_logged`: the day of the
// journal's first entry (any day before `tallies.counted()` when it goes back
// further), nullopt for a journal with no entry.
Trend compute_trend(const Tallies& tallies, const DayRange& period, date::sys_days trend_end,
                    std::optional<date::sys_days> first_logged);
// The last day of the trend: the period's last day, or the day before when
// that is today (not over yet).
date::sys_days trend_end(const DayRange& period, date::sys_days today);
// The days to count: the period and the 14 days the trend compares.
DayRange counted_days(const DayRange& period, date::sys_days today);

// The report over the history in effect (voids and amendments applied). Reads
// the journal from its end back to the period's start only (a second, bounded
// look-up finds the containers of discards stored earlier).
Report make_report(const Journal& journal, const ReportRequest& request);

// The report and the stash (read_stock, whole, with the feeds at or after
// `feeds_since`) from one read of the journal, for the HTML page that shows
// both: the same Report and StockRead the two calls give, the lines read once.
struct ReportAndStock {
    Report report;
    StockRead stash;
};
ReportAndStock make_report_and_stock(const Journal& journal, const ReportRequest& request, const Guideline& guideline,
                                     Seconds feeds_since);

}  // namespace pumplog
