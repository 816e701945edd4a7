// `pump start|pause|resume|stop`: the pump timer (SPEC 10). Its state is
// `timer` lines in the journal (pumplog(5)); `stop AMOUNT`, or `add AMOUNT`
// while it runs, records one pump at the start time with the time pumped.
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

// "11:00 (left)", "2026-11-20 23:50": a timer by its start, as --started takes it, and its side.
std::string start_of(const PumpTimer& t, const Clock& clock) {
    const bool today = local_day(t.started, clock.zone) == local_day(clock.now, clock.zone);
    return (today ? format_clock(t.started, clock.zone) : format_date_time(t.started, clock.zone)) +
           (t.side ? fmt::format(" ({})", name_of(*t.side)) : std::string());
}

// Whether `given` (--started) names the timer's start: its clock time as start_of says it (9:05 for 09:05
// too), or its date and time.
bool started_at(const PumpTimer& t, std::string_view given, const Clock& clock) {
    std::string typed(trim(given));
    if (typed.size() == 4 && typed[1] == ':') typed.insert(0, "0");
    return typed == format_clock(t.started, clock.zone) || typed == format_date_time(t.started, clock.zone);
}

// The running timer a command acts on: the one --started names, else the only one; nullopt when none runs.
// Usage error when --started names none, or when several run (journals of two devices merged) and it is not
// given: never a guess, which would record a session at the other timer's start and side.
std::optional<PumpTimer> pick_timer(const std::vector<PumpTimer>& timers, std::string_view started,
                                    const Clock& clock) {
    std::vector<std::string> running;
    for (const PumpTimer& t : timers) running.push_back("since " + start_of(t, clock));
    if (!started.empty()) {
        std::vector<const PumpTimer*> named;
        for (const PumpTimer& t : timers)
            if (started_at(t, started, clock)) named.push_back(&t);
        if (named.size() == 1) return *named.front();
        if (timers.empty()) throw usage_error("no pump timer is running");
        if (named.empty())
            throw usage_error(fmt::format("no running pump timer started at {}; {} {}: give --started as shown",
                                          printable(started), timers.size() == 1 ? "it runs" : "they run",
                                          fmt::join(running, " and ")));
        throw usage_error(fmt::format("{} pump timers started at {}; see pumplog log check", named.size(),
                                      printable(started)));
    }
    if (timers.size() > 1)
        throw usage_error(fmt::format("{} pump timers are running (started on two devices?): {}; pick one by its "
                                      "start: pumplog pump stop AMOUNT --started HH:MM (or --cancel --started HH:MM "
                                      "to drop one)",
                                      timers.size(), fmt::join(running, " and ")));
    if (timers.empty()) return std::nullopt;
    return timers.front();
}

std::string ran(const PumpTimer& t) { return format_duration(std::chrono::duration_cast<minutes>(t.running)); }

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
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        const std::vector<PumpTimer> timers = current_timers(ctx, journal.journal());
        const auto timer = action == TimerAction::start ? (timers.empty() ? std::nullopt : std::optional(timers.back()))
                                                        : pick_timer(timers, o.started, clock);
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
                reply = fmt::format("Pump timer from {} cancelled; no pump recorded", format_clock(timer->started, clock.zone));
                break;
        }
        journal.append({serialize(timer_line(action, id, action == TimerAction::start ? side : std::nullopt,
                                             clock.now, action == TimerAction::start ? id : timer_id(), clock.zone))});
        fmt::print("{}\n", reply);
    });
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
    pump.amount = parse_session_amount(fmt::format("{}", fmt::join(o.amount, " ")), ctx.unit());
    check_plausible_session(pump.amount.total, o.force);
    if (!o.duration.empty()) {
        pump.duration = parse_session_duration(o.duration);
        check_plausible_duration(*pump.duration, o.force);
    }
    pump.note = o.note;
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        const std::vector<PumpTimer> timers = current_timers(ctx, journal.journal());
        if (timers.empty()) throw usage_error("no pump timer is running; record the session with pumplog add AMOUNT");
        const auto timer = pick_timer(timers, o.started, clock);
        PumpRecord p = pump;
        if (timer->stale && !o.force && !p.duration)
            throw usage_error(fmt::format("the pump timer started at {} has run {}: give the session's length with "
                                          "--dur, or --force to record it as timed (or pumplog pump stop --cancel)",
                                          format_date_time(timer->started, clock.zone),
                                          format_duration(std::chrono::duration_cast<minutes>(clock.now - timer->started))));
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
                   format_duration(std::chrono::duration_cast<minutes>(*p.duration)));
        for (const PumpTimer& other : timers)
            if (other.id != timer->id) fmt::print("Still running: the pump timer since {}\n", start_of(other, clock));
    });
    return 0;
}

}  // namespace

// `add AMOUNT` (no --at, no --dur) while a timer runs: the pump is the timed
// session (its start, its time pumped); a timer over 2 hours needs --force.
void stop_running_timer(Context& ctx, PumpRecord& pump, bool force, const std::vector<Entry>& recent) {
    const Clock& clock = ctx.clock();
    const auto timer = pick_timer(running_timers(recent, clock.now), {}, clock);
    if (!timer) return;
    if (timer->stale && !force)
        throw usage_error(fmt::format("the pump timer started at {} has run {}: give the session's time and length "
                                      "with --at and --dur, --force to record it as timed, or pumplog pump stop --cancel",
                                      format_date_time(timer->started, clock.zone),
                                      format_duration(std::chrono::duration_cast<minutes>(clock.now - timer->started))));
    pump.at = timer->started;
    pump.duration = timer->running;
    pump.timer = timer->id;
    take_timer_side(pump.amount, timer->side);
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
    pause->footer("Examples:\n  pumplog pump pause    the time paused is not counted");
    pause->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_timer(ctx, TimerAction::pause, *o); }; });
    auto* resume = cmd.add_subcommand("resume", "resume the paused pump timer");
    resume->footer("Examples:\n  pumplog pump resume");
    resume->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_timer(ctx, TimerAction::resume, *o); }; });
    auto* stop = cmd.add_subcommand("stop", "stop the timer and record the pump: pump stop AMOUNT");
    stop->add_option("amount", o->amount, "volume: 90ml, 3oz, L40 R50")->type_name("AMOUNT");
    stop->add_option("--dur", o->duration, "the session's length, instead of the timer's")->type_name("DURATION");
    stop->add_option("--note", o->note, "a note")->type_name("TEXT");
    stop->add_flag("--cancel", o->cancel, "drop the timer without recording a pump");
    stop->add_option("--started", o->started, "the timer that started at this time, when two run (merged devices)")
        ->type_name("HH:MM");
    stop->add_flag("--force", o->force,
                   "record a timer over 2 hours as timed, a --dur longer than the timer, or an implausible amount");
    stop->footer("Examples:\n  pumplog pump stop 110ml\n  pumplog pump stop L50 R60\n  pumplog pump stop --cancel");
    stop->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_stop(ctx, *o); }; });
}

}  // namespace pumplog::cli
