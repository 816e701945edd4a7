// `pump start|pause|resume|stop`: the pump timer (SPEC 10). Its state is
// `timer` lines in the journal (pumplog(5)); `stop AMOUNT`, or `add AMOUNT`
// while it runs, records one pump at the start time with the time pumped.
#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "context.hpp"
#include "pumplog/error.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/record.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

using std::chrono::minutes;

std::string timer_id() { return make_ulid(std::chrono::system_clock::now()); }

// The timers running, oldest first, from the timer lines and pumps of the last two days: a timer older than
// that is long forgotten.
std::vector<PumpTimer> current_timers(Context& ctx, const Journal& journal) {
    const Clock& clock = ctx.clock();
    ReplayOptions options;
    options.since = clock.now - timer_lookback;
    options.raw = false;
    options.keep = [](const Entry& e) { return e.type == EntryType::timer || e.type == EntryType::pump; };
    return running_timers(ctx.history(journal, options).entries, clock.now);
}

// "11:00 (left)", "2026-11-20 23:50": a timer by its start and its side.
std::string start_of(const PumpTimer& t, const Clock& clock) {
    return format_clock_or_date_time(t.started, clock) + (t.side ? fmt::format(" ({})", name_of(*t.side)) : "");
}

// "since 11:00 (left, ref 8dnb) and since 11:05 (ref nqna)": the running timers, each with the ref of its
// start, for a refusal that asks to pick one.
std::string list_of(const std::vector<const PumpTimer*>& timers, const Clock& clock, const Refs& refs) {
    std::vector<std::string> listed;
    for (const PumpTimer* t : timers)
        listed.push_back(fmt::format("since {} ({}ref {})", format_clock_or_date_time(t->started, clock),
                                     t->side ? fmt::format("{}, ", name_of(*t->side)) : std::string(),
                                     terminal_text(refs.ref(t->id))));
    return fmt::format("{}", fmt::join(listed, " and "));
}

// "--started 8dnb or --started nqna": the way to name each of `timers`, by its ref, which always tells them
// apart (two starts in one minute, or in the hour the clock repeats in autumn, do not).
std::string pick_by_ref(const std::vector<const PumpTimer*>& timers, const Refs& refs) {
    std::vector<std::string> picks;
    for (const PumpTimer* t : timers) picks.push_back("--started " + terminal_text(refs.ref(t->id)));
    const std::string last = picks.back();
    picks.pop_back();
    return fmt::format("{} or {}", fmt::join(picks, ", "), last);
}

// Whether the --started time `reading` (read from `typed`) names the start `at`: to the second when seconds
// are typed; to the minute of the instant when an offset is (RFC 3339); else to the minute of the local clock,
// so "02:30" names both starts of the hour the clock repeats in autumn (the refusal then shows their refs), and
// a clock time read as the other half of the day (read_time's 12-hour rule) names the half typed too.
bool started_at(Seconds at, const TimeReading& reading, std::string_view typed, const Clock& clock) {
    using std::chrono::floor;
    const std::size_t t = typed.find_first_of("Tt");
    const auto digit = [&](std::size_t i) { return i < typed.size() && typed[i] >= '0' && typed[i] <= '9'; };
    const bool offset = t != std::string_view::npos && t > 0 && digit(t - 1) && digit(t + 1);
    std::string_view time_of_day = offset ? typed.substr(t + 1) : typed.substr(typed.rfind(' ') + 1);
    time_of_day = time_of_day.substr(0, time_of_day.find_first_of("+-Zz"));
    const Seconds given = reading.span.begin;
    if (std::count(time_of_day.begin(), time_of_day.end(), ':') >= 2) return at == given;
    if (offset) return floor<minutes>(at) == floor<minutes>(given);
    const std::string minute = format_date_time(at, clock.zone);
    return minute == format_date_time(given, clock.zone) ||
           (reading.other_half && minute == format_date_time(given - std::chrono::hours(12), clock.zone));
}

// The running timer a command acts on: the one --started names (by its start's ref as `log` shows it, or by
// its start as a TIME), else the only one; nullopt when none runs. Usage error when --started names none, or
// when several run (journals of two devices merged) and it does not name one: never a guess, which would
// record a session at the other timer's start and side. `command` is what to run again with --started.
// `note` (when given): how a --started time was read when otherwise than typed, of the timer it named (a time
// the clocks skip, moved forward by the gap; in the hour they show twice, which of the two the timer started in,
// and how to write the other; the 12-hour rule), for the command to warn of once it is accepted.
std::optional<PumpTimer> pick_timer(const std::vector<PumpTimer>& timers, std::string_view started,
                                    const Journal& journal, const Clock& clock, std::string_view command,
                                    std::string* note = nullptr) {
    std::vector<const PumpTimer*> all;
    for (const PumpTimer& t : timers) all.push_back(&t);
    if (started.empty()) {
        if (timers.empty()) return std::nullopt;
        if (timers.size() == 1) return timers.front();
        const Refs refs = Refs::read(journal);
        const bool stops = command.starts_with("pumplog pump stop AMOUNT");
        throw usage_error(fmt::format("{} pump timers are running (started on two devices?): {}; pick one: {} {}{}",
                                      timers.size(), list_of(all, clock, refs), command, pick_by_ref(all, refs),
                                      stops ? " (or --cancel instead of AMOUNT to drop it)" : ""));
    }
    if (timers.empty()) throw usage_error("no pump timer is running");
    const Refs refs = Refs::read(journal, {std::string(started)});
    std::vector<const PumpTimer*> named;
    for (const std::string& id : refs.resolve(started))
        for (const PumpTimer& t : timers)
            if (t.id == id) named.push_back(&t);
    std::optional<TimeReading> reading;
    if (named.empty()) {
        try {
            reading = read_time(trim(started), clock, TimeUse::bound);
        } catch (const Error&) {
            // Neither a time nor a running timer's ref: say which are (what the reader can type).
        }
        if (reading)
            for (const PumpTimer& t : timers)
                if (started_at(t.started, *reading, trim(started), clock)) named.push_back(&t);
    }
    if (named.size() == 1) {
        const PumpTimer& t = *named.front();
        // A reading that named the timer at the minute it was read as (not the other half of the day typed): its
        // note; in a repeated hour, said of the one of the two the timer started in (both minutes match).
        if (note && reading && !reading->note.empty() &&
            format_date_time(t.started, clock.zone) == format_date_time(reading->span.begin, clock.zone)) {
            const LocalSeconds minute = date::floor<minutes>(to_local(t.started, clock.zone));
            *note = reading_note(minute, t.started, clock.zone, TimeUse::bound);
            if (note->empty()) *note = reading->note;
        }
        return t;
    }
    const std::string runs = fmt::format("{} {}", timers.size() == 1 ? "it runs" : "they run",
                                         list_of(all, clock, refs));
    if (named.empty() && !reading)
        throw usage_error(fmt::format("--started \"{}\" is not a time or a running pump timer's ref; {}: give its "
                                      "time (11:00, 11am, \"20m ago\") or its ref",
                                      printable(started), runs));
    if (named.empty())
        throw usage_error(fmt::format("no running pump timer started at {}; {}: give --started as shown",
                                      printable(started), runs));
    throw usage_error(fmt::format("{} pump timers started at {}: {}; pick one: {} {}", named.size(),
                                  printable(started), list_of(named, clock, refs), command,
                                  pick_by_ref(named, refs)));
}

std::string ran(const PumpTimer& t) { return format_duration(std::chrono::duration_cast<minutes>(t.running)); }

// "the pump timer started at 2026-11-11 07:00 has run 4 h 20 min", or when paused "..., 4 h 20 min ago, is paused
// at 10 min": a timer over 2 hours, for the refusal to record it as timed (which records the time it ran).
std::string stale_timer(const PumpTimer& t, const Clock& clock) {
    const std::string started = format_date_time_told_apart(t.started, clock.zone);
    const minutes since = std::chrono::duration_cast<minutes>(clock.now - t.started);
    if (t.paused)
        return fmt::format("the pump timer started at {}, {} ago, is paused at {}", started, format_duration(since),
                           ran(t));
    if (std::chrono::duration_cast<minutes>(t.running) != since)
        return fmt::format("the pump timer started at {}, {} ago, has run {} (pauses left out)", started,
                           format_duration(since), ran(t));
    return fmt::format("the pump timer started at {} has run {}", started, format_duration(since));
}

// What to type again with --started to act on one of several timers.
std::string_view command_of(TimerAction action) {
    switch (action) {
        case TimerAction::pause: return "pumplog pump pause";
        case TimerAction::resume: return "pumplog pump resume";
        case TimerAction::cancel: return "pumplog pump stop --cancel";
        case TimerAction::start: break;
    }
    return "pumplog pump stop AMOUNT";
}

struct TimerOptions {
    std::string side;
    std::vector<std::string> amount;
    std::string duration, note;
    std::string started;  // the timer meant, by its start, when several run
    bool cancel = false, force = false;
};

int run_timer(Context& ctx, TimerAction action, const TimerOptions& o) {
    const Clock& clock = ctx.clock();
    std::optional<Side> side;
    if (!o.side.empty()) {
        side = value_named<Side>(lower(o.side));
        if (!side) throw usage_error(fmt::format("--side \"{}\" is not a side; use left, right or both", printable(o.side)));
    }
    std::string started_note;  // warned of once accepted, as log --since warns
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        const std::vector<PumpTimer> timers = current_timers(ctx, journal.journal());
        // Two running (merged devices): a start is refused as the other commands are, with the way to pick one.
        const auto timer = pick_timer(timers, action == TimerAction::start ? std::string_view() : o.started,
                                      journal.journal(), clock, command_of(action), &started_note);
        std::string id = timer ? timer->id : std::string();
        std::string reply;
        switch (action) {
            case TimerAction::start:
                if (timer)
                    throw usage_error(fmt::format("a pump timer is already running since {}; stop it with pumplog pump "
                                                  "stop AMOUNT (or pumplog pump stop --cancel)",
                                                  format_date_time(timer->started, clock.zone)));
                id = timer_id();
                reply = fmt::format("Pump timer started at {}{}; stop it with pumplog pump stop AMOUNT",
                                    format_clock(clock.now, clock.zone),
                                    side ? fmt::format(" ({})", name_of(*side)) : std::string());
                break;
            case TimerAction::pause:
                if (!timer) throw usage_error("no pump timer is running; start one with pumplog pump start");
                if (timer->paused) throw usage_error("the pump timer is already paused; pumplog pump resume goes on");
                reply = fmt::format("Pump timer paused at {}", ran(*timer));
                break;
            case TimerAction::resume:
                if (!timer) throw usage_error("no pump timer is running; start one with pumplog pump start");
                if (!timer->paused) throw usage_error("the pump timer is not paused");
                reply = fmt::format("Pump timer resumed at {}", ran(*timer));
                break;
            case TimerAction::cancel:
                if (!timer) throw usage_error("no pump timer is running");
                // "from 11:00 (right)": which of two timers started at one minute went.
                reply = fmt::format("Pump timer from {} cancelled; no pump recorded", start_of(*timer, clock));
                break;
        }
        journal.append({serialize(timer_line(action, id, action == TimerAction::start ? side : std::nullopt,
                                             clock.now, action == TimerAction::start ? id : timer_id(), clock.zone))});
        fmt::print("{}\n", reply);
    });
    warn_time_note("--started", started_note);
    return 0;
}

// A session timed on one side (pump start --side left) is that side's milk,
// unless the amount gives its sides itself; both sides: the split is unknown.
void take_timer_side(SideAmounts& amount, const std::optional<Side>& side) {
    if (!side || *side == Side::both || amount.left || amount.right) return;
    (*side == Side::left ? amount.left : amount.right) = amount.total;
}

int run_stop(Context& ctx, const TimerOptions& o) {
    if (o.cancel) {
        if (!o.amount.empty()) throw usage_error("give either an amount or --cancel, not both");
        return run_timer(ctx, TimerAction::cancel, o);
    }
    const Clock& clock = ctx.clock();
    if (o.amount.empty()) {
        // No timer is the first thing to say: an amount would not help.
        if (current_timers(ctx, ctx.journal()).empty())
            throw usage_error("no pump timer is running; record the session with pumplog add AMOUNT");
        throw usage_error("no amount given; try pumplog pump stop 90ml (or --cancel to drop the timer)");
    }
    PumpRecord pump;
    const std::string amount = fmt::format("{}", fmt::join(o.amount, " "));
    // Words typed after an option's value ("--note after work") are named, not as a bogus amount.
    ctx.refuse_words_after_options(o.amount, [&] { parse_session_amount(amount, ctx.unit()); });
    pump.amount = parse_session_amount(amount, ctx.unit());
    // A bare side beside one in the other unit (L2 R1oz): a slip, unless forced, as add refuses it.
    const auto [left, right] = typed_sides(amount);
    check_sides_alike(left, right, ctx.unit(), o.force);
    check_plausible_session(pump.amount, o.force, written_unit({amount}, ctx.unit()));
    if (!o.duration.empty()) {
        pump.duration = parse_session_duration(o.duration);
        check_plausible_duration(*pump.duration, o.force);
    }
    pump.note = o.note;
    std::string started_note;  // warned of once accepted, as log --since warns
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        const std::vector<PumpTimer> timers = current_timers(ctx, journal.journal());
        if (timers.empty()) throw usage_error("no pump timer is running; record the session with pumplog add AMOUNT");
        const auto timer = pick_timer(timers, o.started, journal.journal(), clock, command_of(TimerAction::start),
                                      &started_note);
        PumpRecord p = pump;
        if (timer->stale && !o.force && !p.duration) {
            // With several running, the cancel names the same timer as the --started given.
            std::string same;
            if (timers.size() > 1) {
                const std::string typed = terminal_text(o.started);
                same = " --started " + (typed.find(' ') == std::string::npos ? typed : '"' + typed + '"');
            }
            throw usage_error(fmt::format("{}: give the session's length with --dur, or --force to record it as timed "
                                          "(or pumplog pump stop --cancel{})",
                                          stale_timer(*timer, clock), same));
        }
        // A session longer than the timer has been started would end in the future: a typo (2h for 2m).
        const auto since_start = std::chrono::duration_cast<minutes>(clock.now - timer->started);
        if (p.duration && !o.force && *p.duration > clock.now - timer->started + ahead_allowance)
            throw usage_error(fmt::format("--dur {} is longer than the pump timer has run ({}, since {}): check it, "
                                          "or --force to record it",
                                          format_duration(std::chrono::duration_cast<minutes>(*p.duration)),
                                          format_duration(since_start), format_clock(timer->started, clock.zone)));
        p.at = timer->started;
        if (!p.duration) p.duration = timer->running;
        p.timer = timer->id;
        take_timer_side(p.amount, timer->side);
        p.amount = as_written(p.amount);  // the reply shows what the line keeps
        journal.append({serialize(pump_line(p, timer_id(), clock.zone))});
        fmt::print("Logged {}{} {}, {} pumped (timer stopped)\n", format_volume(p.amount.total, ctx.unit()),
                   format_sides(p.amount, ctx.unit()), describe_event_day(p.at, clock),
                   format_duration(*p.duration));  // as log shows the line's dur_s
        for (const PumpTimer& other : timers)
            if (other.id != timer->id) fmt::print("Still running: the pump timer since {}\n", start_of(other, clock));
    });
    warn_time_note("--started", started_note);
    return 0;
}

}  // namespace

// `add AMOUNT` (no --at, no --dur) while a timer runs: the pump is the timed
// session (its start, its time pumped); a timer over 2 hours needs --force.
void stop_running_timer(Context& ctx, PumpRecord& pump, bool force, const std::vector<Entry>& recent) {
    const Clock& clock = ctx.clock();
    const auto timer =
        pick_timer(running_timers(recent, clock.now), {}, ctx.journal(), clock, command_of(TimerAction::start));
    if (!timer) return;
    if (timer->stale && !force)
        // As status and plan next say it: either way ends the timer, and the session is recorded once (add with
        // --at and --dur alone would record it beside a timer still running).
        throw usage_error(fmt::format("{}: stop it with pumplog pump stop AMOUNT --dur DURATION, or pumplog pump "
                                      "stop --cancel and then add it with --at and --dur (--force records it as timed)",
                                      stale_timer(*timer, clock)));
    pump.at = timer->started;
    pump.duration = timer->running;
    pump.timer = timer->id;
    take_timer_side(pump.amount, timer->side);
}

std::string timer_runs_again(Context& ctx, const Journal& journal, const std::vector<Entry>& undone) {
    const std::vector<PumpTimer> timers = current_timers(ctx, journal);
    for (const Entry& e : undone) {
        if (e.timer.empty() || !(e.type == EntryType::pump || e.action == TimerAction::cancel)) continue;
        for (const PumpTimer& t : timers)
            if (t.id == e.timer)
                return fmt::format("The pump timer since {} runs again{}\n", start_of(t, ctx.clock()),
                                   timers.size() == 1 ? std::string()
                                                      : fmt::format("; {} pump timers are running", timers.size()));
    }
    return {};
}

void setup_pump(CLI::App& cmd, Context& ctx) {
    cmd.require_subcommand(1);
    cmd.footer("Examples:\n  pumplog pump start --side both\n  pumplog pump pause\n  pumplog pump resume\n"
               "  pumplog pump stop 110ml    records one pump at the start time, pauses left out\n"
               "See pumplog(1), COMMANDS (pumplog pump start ...).");
    auto o = std::make_shared<TimerOptions>();
    auto* start = cmd.add_subcommand("start", "start the pump timer");
    start->add_option("--side", o->side, "the side pumped: left, right or both")->type_name("left|right|both");
    start->footer("Examples:\n  pumplog pump start\n  pumplog pump start --side left");
    start->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_timer(ctx, TimerAction::start, *o); }; });
    auto* pause = cmd.add_subcommand("pause", "pause the pump timer");
    pause->add_option("--started", o->started, "the timer started at this time or with this ref, when two run")
        ->type_name("TIME|REF");
    pause->footer("Examples:\n  pumplog pump pause    the time paused is not counted");
    pause->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_timer(ctx, TimerAction::pause, *o); }; });
    auto* resume = cmd.add_subcommand("resume", "resume the paused pump timer");
    resume->add_option("--started", o->started, "the timer started at this time or with this ref, when two run")
        ->type_name("TIME|REF");
    resume->footer("Examples:\n  pumplog pump resume");
    resume->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_timer(ctx, TimerAction::resume, *o); }; });
    auto* stop = cmd.add_subcommand("stop", "stop the timer and record the pump: pump stop AMOUNT");
    stop->add_option("amount", o->amount, "volume: 90ml, 3oz, L40 R50")->type_name("AMOUNT");
    stop->add_option("--dur", o->duration, "the session's length, instead of the timer's")->type_name("DURATION");
    stop->add_option("--note", o->note, "a note")->type_name("TEXT");
    stop->add_flag("--cancel", o->cancel, "drop the timer without recording a pump");
    stop->add_option("--started", o->started,
                     "the timer started at this time or with this ref (as pumplog log shows it), when two run")
        ->type_name("TIME|REF");
    stop->add_flag("--force", o->force,
                   "record a timer over 2 hours as timed, a --dur longer than the timer, an implausible amount, or a "
                   "side without a unit beside one in another unit");
    stop->footer("Examples:\n  pumplog pump stop 110ml\n  pumplog pump stop L50 R60\n  pumplog pump stop --cancel");
    stop->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_stop(ctx, *o); }; });
}

}  // namespace pumplog::cli
