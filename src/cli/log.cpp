// `add`, `log` and its recording and correcting subcommands.
#include <algorithm>
#include <iterator>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "context.hpp"
#include "log_stash.hpp"
#include "pumplog/amend.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/feed_rules.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/record.hpp"
#include "pumplog/report.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/slips.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/take_back.hpp"
#include "pumplog/text.hpp"
#include "stock.hpp"

namespace pumplog::cli {

namespace {

using std::chrono::seconds;

std::string new_id() { return make_ulid(std::chrono::system_clock::now()); }

// --at as given, or empty for the word "now" alone (any case): --at's default given outright is the default,
// so "add 90ml --dur 20m --at now" is a session that has just ended, as without --at.
std::string at_given(const std::string& at) { return lower(trim(at)) == "now" ? std::string() : at; }

}  // namespace

// The timer `add` stops, found in `recent` (the last 2 days at least).
void stop_running_timer(Context& ctx, PumpRecord& pump, bool force, const std::vector<Entry>& recent);  // pump.cpp
// "The pump timer since 11:00 (left) runs again\n" when `undone` stopped or cancelled a timer that runs again
// now they are voided (with how many run when several do); empty otherwise.
std::string timer_runs_again(Context& ctx, const Journal& journal, const std::vector<Entry>& undone);  // pump.cpp

namespace {

// For options whose empty value would read as "not given" (--at "" is not now).
const CLI::Validator given_time(
    [](std::string& value) {
        return value.empty() ? std::string("an empty time; try 14:30, -2h or now") : std::string();
    },
    "", "given_time");

// Appends `line` under the journal's lock. A journal that was missing or empty when the slips were checked,
// but holds lines once the lock is taken, was started meanwhile by another pumplog (adds run at once on a new
// journal): the typed-twice check is made again on what it holds, under the lock, so that of two adds of the
// same session one is refused. A journal that held lines pays nothing more.
void append_checked(Context& ctx, const Line& line, const SlipCheck& slip, bool force) {
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        if (!force && ctx.journal_was_empty() && journal.size() > 0) {
            ReplayOptions options;
            options.since = slips_since(slip, ctx.clock().now);
            options.raw = false;
            options.types = static_cast<TypeMask>(type_bit(slip.type) | type_bit(EntryType::pump));
            check_slips(ctx.history(journal.journal(), options).entries, slip, ctx.clock(),
                        std::chrono::system_clock::now(), force, ctx.unit());
        }
        journal.append({serialize(line)});
    });
}

struct PumpOptions {
    std::vector<std::string> amount;
    std::string at, note, duration, left, right, store;
    bool force = false;
    bool store_given = false;  // --store "" is a place mistyped (refused), not --store left out
};

void add_pump_options(CLI::App& cmd, PumpOptions& o) {
    cmd.add_option("amount", o.amount, "volume: 90ml, 3oz, 3 fl oz, L40 R50, or a number in the configured unit")
        ->type_name("AMOUNT");
    cmd.add_option("--at", o.at,
                   "when the session started (default now; with --dur, that long ago): 14:30, \"20m ago\"")
        ->type_name("TIME")
        ->check(given_time);
    cmd.add_option("--left", o.left, "left side volume")->type_name("AMOUNT");
    cmd.add_option("--right", o.right, "right side volume")->type_name("AMOUNT");
    cmd.add_option("--dur", o.duration, "how long the session took: 15m, 1h")->type_name("DURATION");
    cmd.add_option("--note", o.note, "a note")->type_name("TEXT");
    cmd.add_flag("--force", o.force,
                 "accept an implausible amount, a future time or end, a side without a unit beside one in another "
                 "unit, a likely duplicate or an unusually large session, or a timer over 2 hours as timed");
    cmd.add_option("--store", o.store, "also store the milk in the stash: room, cooler, fridge or freezer")
        ->type_name("PLACE")
        ->each([&o](const std::string&) { o.store_given = true; });
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

SideAmounts parse_sides(Context& ctx, const std::vector<std::string>& amount, const std::string& left,
                        const std::string& right) {
    const Unit bare = ctx.unit();  // bare numbers: --unit, else config
    if (!left.empty() || !right.empty()) {
        if (!amount.empty())  // naming the amount: a word the user may not have meant as one
            throw usage_error(fmt::format("give either an amount (\"{}\") or --left/--right, not both",
                                          printable(join(amount))));
        SideAmounts s;
        if (!left.empty()) s.left = parse_amount(left, bare);
        if (!right.empty()) s.right = parse_amount(right, bare);
        s.total = s.left.value_or(Volume{}) + s.right.value_or(Volume{});
        return s;
    }
    if (amount.empty()) throw usage_error("no amount given; try pumplog add 90ml (or L40 R50)");
    return parse_session_amount(join(amount), bare);
}

int run_pump(Context& ctx, const PumpOptions& o) {
    const Clock& clock = ctx.clock();
    ctx.refuse_words_after_options(o.amount, [&] { parse_sides(ctx, o.amount, o.left, o.right); });
    PumpRecord pump;
    pump.amount = parse_sides(ctx, o.amount, o.left, o.right);
    // A bare side beside one in the other unit (--left 2 --right 1 oz): a slip, unless forced. The sides are views
    // of the amount as typed, which must outlive them (not a temporary).
    const std::string typed = join(o.amount);
    const auto [left, right] = o.amount.empty() ? std::pair(TypedSide{"--left", o.left}, TypedSide{"--right", o.right})
                                                : typed_sides(typed);
    check_sides_alike(left, right, ctx.unit(), o.force);
    // As given (10000.004 ml is not 10000), and named in the unit typed.
    check_plausible_session(pump.amount, o.force, written_unit({typed, o.left, o.right}, ctx.unit()));
    for (const auto& side : {pump.amount.left, pump.amount.right})
        if (side && side->ml() < 0) throw usage_error("a side's volume cannot be negative");
    // Then as written, so that the reply and the day's total show what `log` will.
    pump.amount = as_written(pump.amount);
    if (!o.duration.empty()) {
        pump.duration = parse_session_duration(o.duration);
        check_plausible_duration(*pump.duration, o.force);
    }
    // A pump's `at` is its start, as a timer's session has it (pumplog(5)): with --dur and no --at (or --at now),
    // the session just ended, so it began the length before now; --at is the start as given.
    const std::string at = at_given(o.at);
    const TimeReading when = !at.empty()       ? read_time(at, clock)
                             : pump.duration ? TimeReading(TimeSpan{clock.now - *pump.duration, clock.now})
                                             : TimeReading(TimeSpan{clock.now, clock.now});
    pump.at = when.span.begin;
    check_not_future(pump.at, clock.now, o.force, clock.zone);
    // A session from --at that would end in the future: a typo (2h for 2m), refused as pump stop --dur
    // longer than its timer is.
    if (pump.duration)
        check_not_ending_ahead(pump.at, *pump.duration, length_as_given({}, {}, pump.duration), "session", clock,
                               o.force);
    pump.note = o.note;
    if (o.store_given) check_pump_stored(ctx, pump.amount.total, pump.at, o.store, o.force);
    // One read of the journal's tail, before writing (with --strict a damaged
    // journal refuses the add, unwritten): the running timer (2 days), the
    // slips, and the day's summary.
    const bool stops_timer = at.empty() && o.duration.empty();
    // The day's sessions are those written with its date (as status counts them), one written in another
    // zone included: read from the earliest instant that date can be written with.
    const auto day_start = [&](Seconds at) { return earliest_written(local_day(at, clock.zone)); };
    Seconds since = stops_timer ? std::min(day_start(pump.at), clock.now - timer_lookback) : day_start(pump.at);
    History history = ctx.slip_history(SlipCheck{EntryType::pump, pump.amount.total, pump.at}, since);
    if (stops_timer) {
        stop_running_timer(ctx, pump, o.force, history.entries);  // pump.cpp
        // A timer started late on the day before the 2 days read: that whole day again.
        if (day_start(pump.at) < since) {
            since = day_start(pump.at);
            history = ctx.slip_history(SlipCheck{EntryType::pump, pump.amount.total, pump.at}, since);
        }
    }
    const Line line = pump_line(pump, new_id(), clock.zone);
    const std::string date = std::string(line["at"].get<std::string>()).substr(0, 10);
    const date::sys_days day = local_day(pump.at, clock.zone);
    const SlipCheck slip{EntryType::pump, pump.amount.total, pump.at};
    check_slips(history.entries, slip, clock, std::chrono::system_clock::now(), o.force, ctx.unit());
    // The day's total so far as status counts it (SPEC 1): the sessions up to now, a session logged later
    // today (with --force) left out; this one with them unless it is itself ahead of now, past the minute
    // check_not_future allows.
    std::vector<Entry> so_far_entries;
    std::copy_if(history.entries.begin(), history.entries.end(), std::back_inserter(so_far_entries),
                 [&](const Entry& e) { return e.at.instant <= clock.now; });
    DayTotal total = pumped_on(so_far_entries, date);
    const bool ahead = pump.at > clock.now + ahead_allowance;
    std::string stored;  // the stash's message, after the day's summary
    if (!o.store_given) append_checked(ctx, line, slip, o.force);
    else stored = append_pump_stored(ctx, line, pump.amount.total, pump.at, o.store);
    if (!ahead) {
        total.pumped += pump.amount.total;
        ++total.sessions;
    }
    const Unit unit = ctx.unit();
    const std::string sides = format_sides(pump.amount, unit);  // " (L 40 / R 50)", " (R 50)"
    const date::sys_days today = local_day(clock.now, clock.zone);
    // As status says it: a session without a volume is named, not summed as 0 ml.
    std::string so_far = total.sessions == 0 ? std::string("nothing")
                                             : fmt::format("{} in {}", format_volume(total.pumped, unit),
                                                           plural(total.sessions, "session"));
    if (total.unmeasured > 0) so_far += fmt::format(", {} without a volume", total.unmeasured);
    if (!ahead && !pump.timer.empty()) {
        // The timer's session, said as pump stop says it: its start, the time pumped, and that the timer stopped.
        const auto pumped = pump.duration.value_or(seconds{0});  // as log shows the line's dur_s
        fmt::print("Logged {}{} {}, {} pumped (timer stopped) - {} {}\n", format_volume(pump.amount.total, unit),
                   sides, describe_event_day(pump.at, clock), format_duration(pumped), day == today ? "today" : date,
                   so_far);
    } else if (!ahead) {
        fmt::print("Logged {}{} {} - {} {}\n", format_volume(pump.amount.total, unit), sides,
                   describe_event_time(pump.at, clock), day == today ? "today" : date, so_far);
    } else {
        // Logged ahead of its time (--force): said, and not claimed in a total it is not in yet.
        const auto in = date::floor<std::chrono::minutes>(pump.at - clock.now);
        const std::string ahead_text = describe_event_day(pump.at, clock) + ", in " +
                                       (in >= date::days(2) ? plural(in / date::days(1), "day") : format_duration(in));
        const std::string total_text = day == today ? fmt::format("today so far {}; this one counts from {}", so_far,
                                                                  format_clock(pump.at, clock.zone))
                                                    : std::string("ahead of now, it counts from then");
        fmt::print("Logged {}{} {} - {}\n", format_volume(pump.amount.total, unit), sides, ahead_text, total_text);
    }
    if (!when.note.empty()) fmt::print("Note: {}\n", when.note);
    if (!stored.empty()) fmt::print("{}\n", stored);
    return 0;
}

struct FeedOptions : FeedRequest {
    CLI::Option* baby_option = nullptr;  // given, even empty: "--baby ''" is an empty name, not no option
};

// An empty --baby names no baby: said so, with the names taken (not "whose feed is it?" or
// "nothing to change; give --baby").
void refuse_empty_baby(Context& ctx, const CLI::Option* option, const std::string& given) {
    if (!option || option->count() == 0 || !trim_name(given).empty()) return;
    std::vector<std::string> names;
    for (const auto& name : ctx.recent_babies()) names.push_back("\"" + printable(name) + "\"");
    throw usage_error(names.empty() ? std::string("--baby is empty, and no babies are named yet; name them "
                                                  "first: pumplog config set babies \"Ada, Ben\"")
                                    : fmt::format("--baby is empty; give the name of the baby: {}",
                                                  and_list(names, "or")));
}

// The baby a feed names (SPEC 12): asked for when config `babies` names two
// or more. A name known for the feed is written: the one given (config or the
// journal's feeds know it), else the one baby config names; so when a second
// baby is named later, the first one's feeds stay hers. With none configured
// and none given, none.
std::string feed_baby(Context& ctx, const std::string& given) {
    const std::vector<std::string>& configured = ctx.settings().babies;
    if (!trim_name(given).empty()) return ctx.baby_named(given);
    if (configured.size() == 1) return configured.front();
    return resolve_baby(configured, "");  // "" for no baby, else asks which
}

// The baby a feed's leftover is kept for (offered again only to it): the feed's when there are two babies to
// tell apart (config names two or more, or besides the feed's one the feeds of the last days name another);
// with one baby, none: the leftover is anyone's, and stock use AMOUNT takes it.
std::string leftover_baby(Context& ctx, const std::string& baby) {
    if (baby.empty() || ctx.settings().babies.size() >= 2) return baby;
    return with_babies(ctx.recent_babies(), {baby}).size() < 2 ? std::string() : baby;
}

int run_feed(Context& ctx, const FeedOptions& o) {
    const Clock& clock = ctx.clock();
    FeedRequest request = o;
    request.at = at_given(o.at);  // --at now: as without --at (nursing timed has just ended)
    ctx.refuse_words_after_options(o.amount, [&] {
        if (o.breast || !o.left.empty() || !o.right.empty() || !o.duration.empty())
            throw usage_error("nursing has no amount");  // refused whatever the words: feed_record's case
        parse_amount(join(o.amount), ctx.unit());
    });
    refuse_empty_baby(ctx, o.baby_option, o.baby);
    request.baby = feed_baby(ctx, o.baby);
    const FeedRecord feed = feed_record(request, clock, ctx.unit());
    const std::optional<Volume> offered = offered_amount(request, feed, ctx.unit());
    const Line line = feed_line(feed, new_id(), clock.zone);
    if (feed.amount || ctx.strict) {  // slips; with --strict refuse a damaged journal before writing
        const SlipCheck slip{EntryType::feed, feed.amount.value_or(Volume{}), feed.at, std::nullopt, feed.baby};
        const History history = ctx.slip_history(slip, start_of_local_day(local_day(feed.at, clock.zone), clock.zone));
        if (feed.amount)
            check_slips(history.entries, slip, clock, std::chrono::system_clock::now(), o.force, ctx.unit());
    }
    std::string stash;  // the stash's message
    if (o.from_stock) {
        const std::string kept_for = leftover_baby(ctx, feed.baby);
        stash = append_feed_from_stock(ctx, line, *feed.amount, feed.at, offered, o.thaw, kept_for);
    }
    else if (feed.amount) append_checked(ctx, line, SlipCheck{EntryType::feed, *feed.amount, feed.at, std::nullopt,
                                                              feed.baby}, o.force);
    else ctx.journal_to_write().with_lock([&](LockedJournal& j) { j.append({serialize(line)}); });
    Entry entry;
    std::string error;
    parse_entry_line(serialize(line), entry, error);
    fmt::print("Logged {}{} {}\n", render::describe(entry, ctx.unit()), render::for_baby(entry),
               describe_event_time(feed.at, clock));
    if (!o.at.empty())
        if (const std::string note = read_time(o.at, clock).note; !note.empty()) fmt::print("Note: {}\n", note);
    if (!stash.empty()) fmt::print("{}\n", stash);
    return 0;
}

struct ListOptions {
    std::string since, until, baby;
    bool all = false;
};

// What a listing selects. A bound given as days (a date, "monday", "yesterday", "last week": a span of
// whole local days) selects by the local date written in each entry's `at`, the day report and status
// count it for; one given as a time ("14:00", "20m ago", an RFC 3339 instant) by the instant. Without
// --since, the 7 days up to --until's day (or today); without --until, to today with no --since, else no end.
struct ListBounds {
    std::optional<date::sys_days> first_day, last_day;
    std::optional<Seconds> since, until;
    bool contains(const Entry& e) const {
        if (since && e.at.instant < *since) return false;
        if (until && e.at.instant >= *until) return false;
        if (!first_day && !last_day) return true;
        const date::sys_days day = written_day(e.at);
        return (!first_day || day >= *first_day) && (!last_day || day <= *last_day);
    }
};

// --since and --until as read (none when not given): each read once, with what the reader should be told.
struct ListTimes {
    std::optional<TimeReading> since, until;
};

ListTimes list_times(const ListOptions& o, const Clock& clock) {
    ListTimes t;
    if (!o.until.empty()) t.until = read_time(o.until, clock, TimeUse::bound);
    if (!o.since.empty()) t.since = read_time(o.since, clock, TimeUse::bound);
    return t;
}

ListBounds list_bounds(const ListTimes& t, const Clock& clock) {
    // A point has one second (TimeSpan); a day or more of them, whole local days.
    const auto whole_days = [](const TimeSpan& span) { return span.end - span.begin > std::chrono::seconds(1); };
    ListBounds b;
    const date::sys_days today = local_day(clock.now, clock.zone);
    date::sys_days end_day = today;
    if (t.until) {
        const TimeSpan span = t.until->span;
        end_day = local_day(span.end - std::chrono::seconds(1), clock.zone);
        if (whole_days(span)) b.last_day = end_day;
        else b.until = span.end;
    } else if (!t.since) {
        b.last_day = today;
    }
    if (t.since) {
        const TimeSpan span = t.since->span;
        if (whole_days(span)) b.first_day = local_day(span.begin, clock.zone);
        else b.since = span.begin;
    } else {
        b.first_day = end_day - date::days(6);
    }
    return b;
}

// The moves, uses and discards among `shown` whose container no line stores (a target no line has, a bad line, a
// line that is no store) that log check calls damaged (damaged_among), by their lines' offsets, sorted: skipped as
// damaged lines, with check's words added to `stats` (pumplog(5): every reader calls the same lines damaged). A
// sound journal's all have their store: it is never checked.
std::vector<std::uint64_t> damaged_stash_lines(const Journal& journal, const std::vector<Entry>& shown,
                                               const StashLabels& labels, ReadStats& stats) {
    std::vector<std::uint64_t> unstored, out;
    for (const Entry& e : shown)
        if ((e.type == EntryType::move || e.type == EntryType::use || e.type == EntryType::discard) &&
            !labels.stored(e))
            unstored.push_back(e.offset);
    if (unstored.empty()) return out;
    for (BadLine& bad : damaged_among(journal, std::move(unstored))) {
        out.push_back(bad.offset);
        ++stats.bad_lines;
        stats.bad.push_back(std::move(bad));
    }
    std::sort(out.begin(), out.end());
    std::sort(stats.bad.begin(), stats.bad.end(),
              [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; });
    if (stats.bad.size() > ReadStats::most_bad_kept) stats.bad.resize(ReadStats::most_bad_kept);
    return out;
}

int run_list(Context& ctx, const ListOptions& o) {
    const Clock& clock = ctx.clock();
    const Format format = ctx.format();
    const ListTimes times = list_times(o, clock);
    const bool bounded = times.until.has_value();
    const date::sys_days today = local_day(clock.now, clock.zone);
    const ListBounds bounds = list_bounds(times, clock);
    // With neither --since nor --until, today and the 6 days before (pumplog-log(1)): not a
    // forced or mistyped entry after today; --since alone lists all from then on.
    const Seconds until = bounded            ? times.until->span.end
                          : o.since.empty() ? start_of_local_day(today + date::days(1), clock.zone)
                                            : Seconds::max();
    const Seconds since = times.since ? times.since->span.begin : start_of_local_day(*bounds.first_day, clock.zone);
    if (until <= since) throw usage_error("--until is before --since");
    // A bound read otherwise than typed (a time the clocks skip or show twice, the 12-hour rule): said on
    // stderr, as the listing on stdout may be CSV or JSON for a script.
    if (times.since) warn_time_note("--since", times.since->note);
    if (times.until) warn_time_note("--until", times.until->note);
    ReplayOptions options;
    options.include_voided = o.all;
    // The listing's days only, not years of history; a first day from the earliest instant its date can be
    // written with (an entry written in another zone is on the day its `at` says).
    options.since = bounds.first_day ? earliest_written(*bounds.first_day) : since;
    options.strict = ctx.strict;
    History history = load_history(ctx.journal(), options);
    const Refs refs = Refs::read(ctx.journal());
    // --baby: that baby's feeds only (pumping and the stash are the parent's).
    const std::string baby = o.baby.empty() ? "" : ctx.baby_named(o.baby);
    const bool unnamed_too = !baby.empty() && ctx.unnamed_feeds_are(baby);  // a one-baby journal's feeds are hers
    std::vector<Entry> shown;
    for (const Entry& e : history.entries)
        if (bounds.contains(e)) shown.push_back(e);
    const StashLabels labels(ctx, ctx.journal(), shown);
    const std::vector<std::uint64_t> damaged = damaged_stash_lines(ctx.journal(), shown, labels, history.stats);
    ctx.warn(history.stats);
    std::vector<render::ListedEntry> listed;
    for (std::size_t i = 0; i < history.entries.size(); ++i) {
        const Entry& e = history.entries[i];
        if (!bounds.contains(e) || std::binary_search(damaged.begin(), damaged.end(), e.offset)) continue;
        if (!baby.empty() && !is_feed_of(e, baby, unnamed_too)) continue;
        listed.push_back({&e, refs.ref(e.id), history.voided[i], labels.of(e)});
    }
    const Unit unit = ctx.unit();
    if (format == Format::json) fmt::print("{}", render::entries_json(listed, unit));
    else if (format == Format::csv) fmt::print("{}", render::entries_csv(listed, unit, o.all));
    else if (listed.empty()) fmt::print("No entries from {}{}.\n", format_date_time(since, clock.zone),
                                        bounded ? " to " + format_date_time(until, clock.zone) : "");
    else fmt::print("{}", render::entries_table(listed, unit, ctx.style(), clock.zone));
    return 0;
}

// A reference as typed, safe to quote in a one-line error (controls escaped, as every message shows them).
std::string printable_ref(std::string_view ref) { return printable(ref); }

// Usage error when several lines carry `id` (a hand edit or another tool; log check calls it an error):
// a void or an amendment of it would be read as one of them only, whatever the reply said.
// `named` words what names it ("\"g1\"", "the newest entry").
void refuse_shared_id(const Refs& refs, const std::string& id, const std::string& named) {
    if (const std::size_t lines = refs.lines_with(id); lines > 1)
        throw usage_error(fmt::format("{} names {} entries: {} lines carry the id \"{}\"; see pumplog log check",
                                      named, lines, lines, printable(id)));
}

// Whether a correction leaves `before` as it was: every field alike, a time at the same instant
// (written in another offset) included.
bool unchanged(const Entry& before, Entry after) {
    after.raw = before.raw;
    after.offset = before.offset;
    if (after.at.instant == before.at.instant) {
        after.at = before.at;
        after.at_text = before.at_text;
    }
    if (after.pumped && before.pumped && after.pumped->instant == before.pumped->instant) after.pumped = before.pumped;
    return after == before;
}

// The one entry a reference names; usage error when none or several.
std::string resolve_one(const Refs& refs, std::string_view ref) {
    const auto ids = refs.resolve(ref);
    if (ids.empty())
        throw usage_error(fmt::format("no entry has the reference \"{}\"; see pumplog log", printable_ref(ref)));
    if (ids.size() > 1) {
        // Ids that differ only in case: more of one cannot tell them apart, only its exact case (log
        // shows each whole), whether the reference typed is the whole id or its end.
        const bool only_case = std::all_of(ids.begin(), ids.end(), [&](const std::string& id) {
            return id.size() == ids.front().size() && lower(id) == lower(ids.front());
        });
        if (only_case) {
            std::vector<std::string> shown;
            for (const auto& id : ids) shown.push_back(printable(refs.ref(id)));
            throw usage_error(fmt::format("\"{}\" names {} entries whose ids differ only in case ({}); type it "
                                          "exactly as pumplog log shows it",
                                          printable_ref(ref), ids.size(), fmt::join(shown, ", ")));
        }
        throw usage_error(fmt::format("\"{}\" names {} entries; give more of its id", printable_ref(ref), ids.size()));
    }
    refuse_shared_id(refs, ids.front(), "\"" + printable_ref(ref) + "\"");
    return ids.front();
}

// The entry in effect with that id (voided entries included, flagged), with
// the damaged lines met warned about.
InEffect find_entry(Context& ctx, const Journal& journal, const std::string& id) {
    InEffect found = entry_in_effect(journal, id, ctx.strict);
    ctx.warn(found.stats);
    return found;
}

int run_undo(Context& ctx) {
    const Clock& clock = ctx.clock();
    int code = 0;
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        // One read (take_back.hpp): the newest entry in effect, its command and every id for the refs. A journal
        // with bad lines (--strict refuses it) asks each question with a read of its own: the refs read every
        // line's header, a damaged line's too.
        RefsCollector collector;
        NewestCommand taken = newest_command(journal.journal(), ctx.strict, collector);
        const bool damaged = taken.newest.stats.bad_lines > 0;
        const std::optional<Entry> newest =
            damaged ? newest_in_effect(journal.journal(), ctx.strict).entry : taken.newest.entry;
        if (!newest) throw usage_error("nothing to undo: the journal has no entry in effect");
        if (damaged || !collector.once(newest->id))
            refuse_shared_id(Refs::read(journal.journal(), {newest->id}), newest->id, "the newest entry");
        // The whole command it was written with (pumplog(5): `group`).
        const std::vector<Entry> command = !damaged ? std::move(taken.command)
                                           : newest->type == EntryType::amend && newest->group.empty()
                                               ? std::vector<Entry>{*newest}
                                               : command_of(journal.journal(), *newest, ctx.strict);
        // An `log rm` taken back: its voids voided, the entries it removed are in effect again.
        std::vector<Entry> restored;
        if (newest->type == EntryType::void_) {
            for (const Entry& v : command)
                if (const InEffect target = find_entry(ctx, journal.journal(), v.target); target.entry)
                    restored.push_back(*target.entry);
            check_restore(ctx, journal.journal(), restored);
        } else {
            check_no_later_use(ctx, journal.journal(), command);
        }
        std::vector<std::string> lines, ids;
        for (const Entry& e : command) {
            ids.push_back(new_id());
            lines.push_back(serialize(void_line(e.id, clock.now, ids.back(), clock.zone)));
        }
        // The refs once the voids are written (their ids count too).
        std::optional<Refs> after;
        if (!damaged) after = std::move(collector).finish(journal.journal(), ids);
        journal.append(lines);
        if (damaged) after = Refs::read(journal.journal());
        const Refs& refs = *after;
        if (!restored.empty()) {
            const StashLabels labels(ctx, journal.journal(), restored);
            for (const Entry& e : restored)
                fmt::print("Undid the removal of {} at {} (ref {})\n", labels.describe(e, ctx.unit()),
                           format_date_time(e.at.instant, clock.zone), terminal_text(refs.ref(e.id)));
            return;
        }
        const Entry& head = command.front();
        const StashLabels labels(ctx, journal.journal(), command);
        // A correction taken back: the entry it corrected, as it is again (the correction's own ref is
        // one `log` never shows).
        if (head.type == EntryType::amend) {
            if (const InEffect target = find_entry(ctx, journal.journal(), head.target); target.entry) {
                const StashLabels target_labels(ctx, journal.journal(), {*target.entry});
                fmt::print("Undid the correction of {}: {} at {} again{}\n", terminal_text(refs.ref(head.target)),
                           target_labels.describe(*target.entry, ctx.unit()),
                           format_date_time(target.entry->at.instant, clock.zone),
                           labels.with_it(command, head.id, ctx.unit()));
                return;
            }
        }
        fmt::print("Undid {} at {} (ref {}){}\n",
                   head.type == EntryType::amend ? std::string("a correction") : labels.describe(head, ctx.unit()),
                   format_date_time(head.at.instant, clock.zone), terminal_text(refs.ref(head.id)),
                   labels.with_it(command, head.id, ctx.unit()));
        fmt::print("{}", timer_runs_again(ctx, journal.journal(), command));
    });
    return code;
}

int run_rm(Context& ctx, const std::vector<std::string>& refs_given) {
    const Clock& clock = ctx.clock();
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        // One read (take_back.hpp): the refs and the entries they may name. A journal with bad lines asks each
        // question with a read of its own, as run_undo; so does --strict (an unknown ref is named before the
        // first bad line).
        RefsCollector collector(refs_given);
        std::optional<NamedEntries> named;
        if (!ctx.strict) named = named_entries(journal.journal(), false, collector);
        const bool damaged = !named || named->stats.bad_lines > 0;
        const Refs refs =
            damaged ? Refs::read(journal.journal(), refs_given) : std::move(collector).finish(journal.journal());
        std::vector<std::string> lines;
        std::vector<Entry> removed;
        std::vector<std::string> seen;
        std::string group;
        for (const auto& ref : refs_given) {
            const std::string id = resolve_one(refs, ref);
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
            seen.push_back(id);
            const InEffect* known = damaged ? nullptr : named->find(id);
            const InEffect found = known ? *known : find_entry(ctx, journal.journal(), id);
            if (!found.entry)
                throw usage_error(fmt::format("\"{}\" is not an entry that can be removed", printable_ref(ref)));
            if (found.voided) throw usage_error(fmt::format("\"{}\" is already voided", printable_ref(ref)));
            if (found.entry->type == EntryType::void_)
                throw usage_error(fmt::format("\"{}\" is itself a void", printable_ref(ref)));
            // The whole command it was written with (pumplog(5): `group`).
            std::optional<std::vector<Entry>> command = known ? named->command(*found.entry) : std::nullopt;
            if (found.entry->type == EntryType::amend && found.entry->group.empty())
                command = std::vector<Entry>{*found.entry};
            else if (!command)
                command = command_of(journal.journal(), *found.entry, ctx.strict);
            for (const Entry& e : *command) {
                if (e.id != id && std::find(seen.begin(), seen.end(), e.id) != seen.end()) continue;
                if (e.id != id) seen.push_back(e.id);
                removed.push_back(e);
                // One command (pumplog(5): group), which `log undo` takes back whole.
                Line line = void_line(e.id, clock.now, new_id(), clock.zone);
                if (group.empty()) group = line["id"].get<std::string>();
                line["group"] = group;
                lines.push_back(serialize(line));
            }
        }
        check_no_later_use(ctx, journal.journal(), removed);
        journal.append(lines);
        const StashLabels labels(ctx, journal.journal(), removed);
        for (const auto& e : removed)
            fmt::print("Removed {} at {} (ref {})\n", labels.describe(e, ctx.unit()),
                       format_date_time(e.at.instant, clock.zone), terminal_text(refs.ref(e.id)));
    });
    return 0;
}

// "; with it: B1 now 95 ml pumped today 08:30, use by 2026-11-27 08:30 (in 3 d 22 h)": what a pump's or a feed's
// correction made of the stash entries that followed it (stored_follows, use_follows: written in the same
// command), as the stash is now. The container's expiry runs from when its milk was expressed (CDC), so a pump
// moved earlier moves it earlier: the reply says so, not only log undo.
std::string followed_text(Context& ctx, const Journal& journal, const std::vector<Entry>& followed) {
    if (followed.empty()) return {};
    const Clock& clock = ctx.clock();
    const Unit unit = ctx.unit();
    StockOptions options;
    options.keep_ended = true;
    options.as_of = clock.now;
    const Stock stock =
        read_stock(journal, guideline_named(ctx.settings().guideline), options, std::nullopt, ctx.strict).stock;
    std::vector<std::string> parts;
    for (const Entry& e : followed) {
        const Container* c = stock.find_id(e.type == EntryType::store ? e.id : e.target);
        if (c == nullptr) continue;
        const std::string ended = c->state == ContainerState::used_up     ? " (used up)"
                                  : c->state == ContainerState::discarded ? " (discarded)"
                                                                          : "";
        const std::string pumped = render::when(c->pumped, clock.now, clock.zone);
        std::string text = e.type == EntryType::store ? fmt::format("{} now {} pumped {}", terminal_text(c->label),
                                                                    format_volume(c->stored, unit), pumped)
                                                      : render::describe(e, unit, c->label);
        if (!ended.empty()) {
            text += ended;
        } else {
            if (e.type != EntryType::store || c->left != c->stored)
                text += fmt::format(", {} left", format_volume(c->left, unit));
            text += ", " + render::use_by(c->expires, clock.now, clock.zone);
            if (c->best_by) text += fmt::format(", best by {}", format_date(local_day(*c->best_by, clock.zone)));
        }
        parts.push_back(std::move(text));
    }
    return parts.empty() ? std::string() : fmt::format("; with it: {}", fmt::join(parts, "; "));
}

struct EditOptions {
    std::string ref, note, reason, in, to;
    std::vector<std::string> amount;  // --amount's words: "L40 R50" and "3 fl oz" unquoted too
    EditRequest request;  // its note from `note` when --note is given
    CLI::Option* note_option = nullptr;  // given, even empty: "--note ''" clears the note
    CLI::Option* reason_option = nullptr;  // the same for --reason
    CLI::Option* baby_option = nullptr;  // given, even empty: "--baby ''" is an empty name, not no option
};

int run_edit(Context& ctx, const EditOptions& given) {
    const Clock& clock = ctx.clock();
    // --amount takes up to three words (L40 R50, 3 fl oz); a ref typed after them is the last word.
    EditOptions o = given;
    if (o.ref.empty() && o.amount.size() > 1) o.ref = o.amount.back(), o.amount.pop_back();
    if (o.ref.empty()) throw usage_error("ref is required (see pumplog log edit --help)");
    o.request.amount = join(o.amount);
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        const Refs refs = Refs::read(journal.journal(), {o.ref});
        const std::string id = resolve_one(refs, o.ref);
        const InEffect found = find_entry(ctx, journal.journal(), id);
        if (!found.entry || !found.entry->is_event())
            throw usage_error(fmt::format("\"{}\" cannot be edited", printable_ref(o.ref)));
        if (found.entry->type == EntryType::unknown)
            throw usage_error(fmt::format("\"{}\" is a {} entry, which this version of pumplog cannot edit",
                                          printable_ref(o.ref), found.entry->type_text));
        if (found.voided)
            throw usage_error(fmt::format("\"{}\" is voided; log it again instead", printable_ref(o.ref)));
        const Entry& target = *found.entry;
        EditRequest request = o.request;
        if (o.note_option->count() > 0) request.note = o.note;
        if (o.reason_option->count() > 0) request.reason = o.reason;
        if (!o.in.empty() && !o.to.empty()) throw usage_error("give --in (a container) or --to (a move), not both");
        request.place = !o.in.empty() ? o.in : o.to;
        if (!o.in.empty() && target.type == EntryType::move)
            throw usage_error("a move's place is where it went: --to");
        if (!o.to.empty() && target.type == EntryType::store)
            throw usage_error("a stored container's place is where it was stored: --in");
        // A new label is one no container has had (labels are never reused); its own in another spelling
        // (case, accents composed or not) is no new label.
        if (!request.label.empty() && target.type == EntryType::store &&
            label_key(request.label) != label_key(target.label))
            check_new_label(read_stock(journal.journal(), guideline_named(ctx.settings().guideline), {}, std::nullopt,
                                       ctx.strict)
                                .stock,
                            trim(request.label));
        refuse_empty_baby(ctx, o.baby_option, o.request.baby);
        if (!o.request.baby.empty()) request.baby = ctx.baby_named(o.request.baby);
        const Amendment set = amendment(request, target, clock, ctx.unit());
        const Line line = amend_line(id, set, clock.now, new_id(), clock.zone);
        // An entry as a correction line leaves it (the line parsed as the journal will read it).
        const auto corrected = [](const Entry& e, const Line& amend_text) {
            Entry after = e;
            Entry amend;
            std::string error;
            parse_entry_line(serialize(amend_text), amend, error);
            after.apply(amend);
            return after;
        };
        const Entry after = corrected(target, line);
        // Every option already the entry's value: the line would change nothing but need its own log undo.
        // An amount equal to the entry's as the tables show it (1.7oz typed for 50 ml, shown as 1.7 oz)
        // is the entry's too: written, it would change 50 ml to 50.27 ml under a reply that shows none.
        const auto shown_alike = [&] {
            if (!after.ml || !target.ml || after.ml == target.ml) return false;
            Entry same = after;
            same.ml = target.ml;
            same.left_ml = target.left_ml;
            same.right_ml = target.right_ml;
            const Unit unit = ctx.unit();
            return unchanged(target, same) && after.left_ml.has_value() == target.left_ml.has_value() &&
                   after.right_ml.has_value() == target.right_ml.has_value() &&
                   format_volume(Volume::from_ml(*after.ml), unit) == format_volume(Volume::from_ml(*target.ml), unit);
        };
        if (unchanged(target, after) || shown_alike())
            throw usage_error(fmt::format("nothing to change: {} is already {} at {}", printable(refs.ref(id)),
                                          StashLabels(ctx, journal.journal(), {target}).describe(target, ctx.unit()),
                                          format_date_time(target.at.instant, clock.zone)));
        // The command a pump or feed was written with, read once when its time, amount or baby changes: the
        // stash entries it wrote may have to follow (a leftover is kept for its feed's baby).
        const bool moved = after.at.instant != target.at.instant || after.ml != target.ml ||
                           !same_baby(after.baby, target.baby);
        const std::vector<Entry> command =
            moved && (target.type == EntryType::pump || target.type == EntryType::feed)
                ? command_of(journal.journal(), target, ctx.strict)
                : std::vector<Entry>{};
        // The stash as it would be after the change: what stock use would refuse is refused here too.
        check_not_combined(ctx, journal.journal(), target, after);
        check_feed_from_stock(ctx, journal.journal(), target, after, command);
        check_stash_change(ctx, journal.journal(), target, after);
        std::vector<std::string> lines{serialize(line)};
        std::vector<Entry> followed;  // those entries as corrected, for the reply
        // The container `add --store` filled from a pump follows its time and volume, and the use that
        // poured a feed's bottle from the stash its amount, in the same write.
        for (const Entry& other : command) {
            const auto follows = target.type == EntryType::pump ? stored_follows(target, after, other, clock.zone)
                                                                : use_follows(target, after, other);
            if (!follows) continue;
            Line follow_line = amend_line(other.id, *follows, clock.now, new_id(), clock.zone);
            followed.push_back(corrected(other, follow_line));
            check_stash_change(ctx, journal.journal(), other, followed.back());
            follow_line["group"] = line["id"];
            lines.push_back(serialize(follow_line));
        }
        if (lines.size() > 1) {  // one command: log undo takes both corrections back (pumplog(5): group)
            Line grouped = line;
            grouped["group"] = line["id"];
            lines.front() = serialize(grouped);
        }
        journal.append(lines);
        const StashLabels labels(ctx, journal.journal(), {after});
        // The description leaves the note out: a --note edit says what it made of it.
        std::string note_change;
        if (o.note_option->count() > 0)
            note_change = !after.note.empty()  ? fmt::format(", note \"{}\"", printable(after.note))
                          : !target.note.empty() ? std::string(", note removed")
                                                 : std::string(", no note");
        fmt::print("Changed {} to {} at {}{}{}\n", terminal_text(refs.ref(id)), labels.describe(after, ctx.unit()),
                   format_date_time(after.at.instant, clock.zone), note_change,
                   followed_text(ctx, journal.journal(), followed));
        for (const std::string& given : {o.request.at, o.request.pumped})  // the 12-hour rule says how it read
            if (!given.empty())                                              // the time (SPEC 10)
                if (const std::string note = read_time(given, clock).note; !note.empty())
                    fmt::print("Note: {}\n", note);
    });
    return 0;
}

}  // namespace

void setup_check(CLI::App& log, Context& ctx);  // check.cpp
void setup_merge(CLI::App& log, Context& ctx);  // merge.cpp

void setup_add(CLI::App& cmd, Context& ctx) {
    auto o = std::make_shared<PumpOptions>();
    add_pump_options(cmd, *o);
    cmd.footer("Examples:\n  pumplog add 90ml\n  pumplog add L40 R50 --at 6:30am --dur 15m\n  pumplog add 3 fl oz --note \"after work\"");
    cmd.callback([&ctx, o] { ctx.action = [&ctx, o] { return run_pump(ctx, *o); }; });
}


void setup_import(CLI::App& log, Context& ctx);
void setup_log(CLI::App& log, Context& ctx) {
    auto list = std::make_shared<ListOptions>();
    log.add_option("--since", list->since, "from this time or day (default: the 7 days up to today, or to --until)")
        ->type_name("TIME")
        ->check(given_time);
    log.add_option("--until", list->until, "to this time or day, inclusive")->type_name("TIME")->check(given_time);
    log.add_flag("--all", list->all, "include voided entries, marked");
    log.add_option("--baby", list->baby, "only this baby's feeds (config babies)")->type_name("BABY");
    log.require_subcommand(0, 1);
    log.footer("Examples:\n  pumplog log\n  pumplog log --since monday --format csv\n  pumplog log pump 90ml\n"
               "  pumplog log feed 120ml --milk formula\n  pumplog log feed --breast --left 12m --right 8m\n"
               "  pumplog log undo");
    ctx.accept_formats(log, {Format::table, Format::json, Format::csv});
    log.callback([&ctx, list] {
        if (!ctx.action) ctx.action = [&ctx, list] { return run_list(ctx, *list); };
    });

    auto* pump = log.add_subcommand("pump", "record a pumping session");
    auto po = std::make_shared<PumpOptions>();
    add_pump_options(*pump, *po);
    pump->footer("Examples:\n  pumplog log pump 90ml\n  pumplog log pump L40 R50 --at 6:30am --dur 15m");
    pump->callback([&ctx, po] { ctx.action = [&ctx, po] { return run_pump(ctx, *po); }; });

    auto* feed = log.add_subcommand("feed", "record a bottle feed or nursing");
    auto fo = std::make_shared<FeedOptions>();
    feed->add_option("amount", fo->amount, "bottle volume: 120ml, 4oz")->type_name("AMOUNT");
    feed->add_flag("--bottle", fo->bottle, "a bottle feed (the default with an amount)");
    feed->add_flag("--breast", fo->breast, "nursing at the breast");
    feed->add_option("--milk", fo->milk, "what the bottle held: breast (default) or formula")->type_name("breast|formula");
    feed->add_option("--left", fo->left, "nursing time on the left: 12m")->type_name("DURATION");
    feed->add_option("--right", fo->right, "nursing time on the right: 8m")->type_name("DURATION");
    feed->add_option("--dur", fo->duration, "nursing time when the sides were not timed")->type_name("DURATION");
    feed->add_option("--at", fo->at, "when the feed started (default now; nursing timed: that long ago)")
        ->type_name("TIME")
        ->check(given_time);
    feed->add_option("--note", fo->note, "a note")->type_name("TEXT");
    fo->baby_option =
        feed->add_option("--baby", fo->baby, "whose feed, when config babies names several")->type_name("BABY");
    feed->add_flag("--force", fo->force,
                   "accept an implausible amount or duration, a future time or end, or a likely duplicate or "
                   "unusually large bottle");
    feed->add_flag("--from-stock", fo->from_stock, "take the bottle's milk out of the stash (see pumplog stock)");
    feed->add_option("--offered", fo->offered, "with --from-stock: what the bottle held; the rest is kept as a leftover")
        ->type_name("AMOUNT");
    feed->add_flag("--thaw", fo->thaw, "with --from-stock: thaw a frozen container whole when only part of it is taken");
    feed->footer("Examples:\n  pumplog log feed 120ml\n  pumplog log feed 4oz --milk formula --at 2:30am\n"
                 "  pumplog log feed 90ml --from-stock\n  pumplog log feed 90ml --from-stock --offered 120ml\n"
                 "  pumplog log feed --breast --left 12m --right 8m");
    feed->callback([&ctx, fo] { ctx.action = [&ctx, fo] { return run_feed(ctx, *fo); }; });

    auto* undo = log.add_subcommand("undo", "void the newest entry still in effect");
    undo->footer("Examples:\n  pumplog log undo    void the newest entry still in effect; again for the one before");
    undo->callback([&ctx] { ctx.action = [&ctx] { return run_undo(ctx); }; });

    auto* rm = log.add_subcommand("rm", "void entries by reference");
    auto refs = std::make_shared<std::vector<std::string>>();
    rm->add_option("ref", *refs, "references shown by pumplog log")->required()->type_name("REF");
    rm->footer("Examples:\n  pumplog log rm k3f9\n  pumplog log rm k3f9 x7qa    several at once");
    rm->callback([&ctx, refs] { ctx.action = [&ctx, refs] { return run_rm(ctx, *refs); }; });

    auto* edit = log.add_subcommand("edit", "correct an entry (appends an amendment)");
    auto eo = std::make_shared<EditOptions>();
    edit->add_option("ref", eo->ref, "reference shown by pumplog log")->type_name("REF");
    edit->add_option("--amount", eo->amount, "new volume (pump, bottle, store): 95ml, L40 R50")
        ->type_name("AMOUNT")
        ->expected(1, 4);  // three words (3 fl oz) and a ref after them
    edit->add_option("--at", eo->request.at, "new time: a pump's or feed's start")
        ->type_name("TIME")
        ->check(given_time);
    eo->note_option = edit->add_option("--note", eo->note, "new note (\"\" removes it)")->type_name("TEXT");
    edit->add_option("--left", eo->request.left, "left side: a volume (pump) or a duration (nursing)")->type_name("A");
    edit->add_option("--right", eo->request.right, "right side: a volume (pump) or a duration (nursing)")->type_name("A");
    edit->add_option("--dur", eo->request.duration, "new duration")->type_name("DURATION");
    edit->add_option("--milk", eo->request.milk, "breast or formula (bottle feeds)")->type_name("breast|formula");
    eo->baby_option =
        edit->add_option("--baby", eo->request.baby, "whose feed it was (config babies)")->type_name("BABY");
    edit->add_option("--pumped", eo->request.pumped, "when a stored container's milk was expressed")
        ->type_name("TIME")
        ->check(given_time);
    edit->add_option("--in", eo->in, "where a stored container was put")->type_name("PLACE");
    edit->add_option("--to", eo->to, "where a move took a container")->type_name("PLACE");
    edit->add_option("--label", eo->request.label, "a stored container's new label")->type_name("NEW-LABEL");
    eo->reason_option = edit->add_option("--reason", eo->reason, "why a container was discarded (\"\" removes it)")
                            ->type_name("TEXT");
    edit->add_flag("--bottle", eo->request.bottle, "make a nursing entry a bottle feed (give --amount)");
    edit->add_flag("--breast", eo->request.breast, "make a bottle feed a nursing entry");
    edit->add_flag("--force", eo->request.force,
                   "accept an implausible value, a future time or end, or a side without a unit beside one in "
                   "another unit");
    edit->footer("Examples:\n  pumplog log edit k3f9 --amount 95ml\n  pumplog log edit k3f9 --at \"yesterday 22:10\"\n"
                 "  pumplog log edit x7qa --left 12m --right 6m    a nursing feed's sides");
    edit->callback([&ctx, eo] { ctx.action = [&ctx, eo] { return run_edit(ctx, *eo); }; });
    setup_check(log, ctx);
    setup_merge(log, ctx);
    setup_import(log, ctx);
}

}  // namespace pumplog::cli
