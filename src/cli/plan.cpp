// `plan`, `plan next` and `plan stash`.
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/plan_mode.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/render/plan.hpp"
#include "pumplog/render/status.hpp"
#include "reminder_state.hpp"

namespace pumplog::cli {

namespace {

using std::chrono::hours;

// The settings a plan flag may override for one run (unit, timezone and
// guideline have their own global ways).
bool is_plan_setting(std::string_view key) { return key != "unit" && key != "timezone" && key != "guideline"; }

struct PlanOptions {
    std::string on;
    int days = 1;
    std::map<std::string, std::string> overrides;  // setting key -> value given as a flag
    std::string within;                            // plan next
    std::string return_date, target;               // plan stash
};

Settings effective_settings(Context& ctx, const PlanOptions& o) {
    Settings s = ctx.settings();
    s.unit = ctx.unit();  // advice speaks the display unit
    for (const auto& [key, value] : o.overrides)
        if (!value.empty()) {
            try {
                apply_setting(s, key, value);
            } catch (const Error& e) {
                throw usage_error(fmt::format("--{}: {}", key, e.what()));
            }
        }
    return s;
}

// A day to plan: a date, today, tomorrow, or a weekday (the next one, today included).
date::sys_days parse_plan_day(std::string_view option, const std::string& text, const Clock& clock) {
    const date::sys_days today = local_day(clock.now, clock.zone);
    if (const auto day = parse_weekday(text)) return today + (*day - date::weekday(today));
    try {
        return local_day(parse_time_span(text, clock).begin, clock.zone);
    } catch (const Error&) {
        throw usage_error(
            fmt::format("{} \"{}\" is not a day; try 2026-11-23, today, tomorrow or monday", option, text));
    }
}

// What the planner reads: pumps and feeds since `since` (it looks at nothing
// else), without their raw lines: fewer and lighter entries to keep.
ReplayOptions planner_history(Seconds since) {
    ReplayOptions options;
    options.since = since;
    options.raw = false;
    options.keep = [](const Entry& e) {
        return e.type == EntryType::pump || e.type == EntryType::feed || e.type == EntryType::skip ||
               e.type == EntryType::timer;
    };
    return options;
}

int run_plan(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format({Format::table, Format::json, Format::csv, Format::ics});
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    if (o.days < 1 || o.days > 31) throw usage_error(fmt::format("--days takes 1 to 31, not {}", o.days));
    const TimeSpan range = o.on.empty() ? TimeSpan{clock.now, clock.now + hours(24) * o.days}
                                         : local_days(parse_plan_day("--on", o.on, clock), o.days, clock.zone);
    const Seconds since = plan_reads_since(settings, std::min(clock.now, range.begin), clock.zone);
    const History history = ctx.history(planner_history(since));
    const Plan plan = plan_in_mode(history.entries, settings, clock, range);
    const Unit unit = ctx.unit();
    switch (format) {
        case Format::json: fmt::print("{}", render::plan_json(plan, unit, clock.zone)); break;
        case Format::csv: fmt::print("{}", render::plan_csv(plan, unit, clock.zone)); break;
        case Format::ics: fmt::print("{}", render::plan_ics(plan, unit, clock.zone, clock.now)); break;
        default: fmt::print("{}", render::plan_table(plan, range, unit, ctx.style(), clock.zone));
    }
    return 0;
}

int run_next(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format({Format::table, Format::json});
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    std::optional<std::chrono::seconds> within;
    if (!o.within.empty()) within = parse_duration(o.within);
    ctx.quiet_missing_journal = within.has_value();  // cron-style: silent (SPEC 10)
    const History history = ctx.history(planner_history(plan_reads_since(settings, clock.now, clock.zone)));
    std::optional<NextPump> next;
    try {
        next = next_pump_in_mode(history.entries, settings, clock);
    } catch (const Error& e) {
        if (within && e.kind() == ErrorKind::usage) return 1;  // too little to plan: cron stays silent
        throw;
    }
    // A timer left running over 2 hours is said (once under cron), never recorded.
    const auto timer = running_timer(history.entries, clock.now);
    const bool stale = timer && timer->stale &&
                       (!within || announce_once(ctx, "timer " + timer->id, [](const Announcement& said) { return said.times == 0; }));
    if (stale) fmt::print("{}", render::stale_timer_text(*timer, clock));
    if (within && (!next || (!next->overdue && next->pump.at - clock.now > *within) ||
                   !announce_once(ctx, reminder_key(*next), [&](const Announcement& said) {
                       return should_remind(*next, clock.now, settings.remind_again, said);
                   })))
        return stale ? 0 : 1;
    const Unit unit = ctx.unit();
    if (!next) {
        if (format == Format::json)
            fmt::print("null\n");
        else
            fmt::print("No pump is planned in the next 8 days; see pumplog plan.\n");
        return 0;
    }
    if (format == Format::json)
        fmt::print("{}", render::next_json(*next, unit, clock));
    else
        fmt::print("{}", render::next_text(*next, unit, clock));
    return 0;
}

// `plan skip`: a `skip` line at the due pump's time, so that reminders stop.
int run_skip(Context& ctx, const PlanOptions& o) {
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const History history = ctx.history(planner_history(plan_reads_since(settings, clock.now, clock.zone)));
    const auto next = next_pump_in_mode(history.entries, settings, clock);
    if (!next) throw usage_error("no pump is planned to skip; see pumplog plan");
    Entry skip;
    skip.type = EntryType::skip;
    skip.id = make_ulid(std::chrono::system_clock::now());
    skip.at.instant = next->pump.at;
    const Line line = entry_line(skip, clock.zone);
    ctx.journal_to_write().with_lock([&](LockedJournal& j) { j.append({serialize(line)}); });
    fmt::print("Skipped the {} pump{}\n", format_clock(next->pump.at, clock.zone),
               local_day(next->pump.at, clock.zone) == local_day(clock.now, clock.zone)
                   ? std::string()
                   : " of " + day_label(next->pump.at, clock.zone));
    return 0;
}

int run_stash(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format({Format::table, Format::json});
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const date::sys_days back = parse_plan_day("--return", o.return_date, clock);
    std::optional<Volume> target;
    if (!o.target.empty()) {
        target = parse_amount(o.target, settings.unit);
        if (target->ml() <= 0) throw usage_error("--target must be more than 0; try 1500ml or 50oz");
    }
    const History history = ctx.history(planner_history(plan_reads_since(settings, clock.now, clock.zone)));
    const StashPlan stash = plan_stash(history.entries, settings, clock, back, target);
    const Unit unit = ctx.unit();
    if (format == Format::json)
        fmt::print("{}", render::stash_json(stash, unit));
    else
        fmt::print("{}", render::stash_text(stash, unit));
    return 0;
}

}  // namespace

void setup_plan(CLI::App& plan, Context& ctx) {
    auto o = std::make_shared<PlanOptions>();
    plan.add_option("--on", o->on,
                    "plan this local day (default: the next 24 h from now): 2026-11-23, tomorrow, monday")
        ->type_name("DATE");
    plan.add_option("--days", o->days, "plan this many days (default 1)")->type_name("N");
    for (const auto& k : setting_keys()) {
        if (!is_plan_setting(k.name)) continue;
        std::string names = "--" + std::string(k.name);
        if (k.name.find('_') != std::string_view::npos) {
            std::string dashed(k.name);
            std::replace(dashed.begin(), dashed.end(), '_', '-');
            names += ",--" + dashed;
        }
        plan.add_option(names, o->overrides[std::string(k.name)],
                        fmt::format("{}, for this run only: {} (setting {}, default {})", k.summary, k.accepted, k.name,
                                    k.default_text.empty() ? "none" : k.default_text))
            ->type_name("VALUE");
    }
    plan.require_subcommand(0, 1);
    plan.footer(
        "Examples:\n  pumplog plan\n  pumplog plan --on monday --away \"mon-fri 08:00-17:30\"\n"
        "  pumplog plan --mode exclusive --format ics > pumping.ics\n"
        "  pumplog plan next --within 10m\n  pumplog plan stash --return 2027-01-04\n"
        "See pumplog-plan(1) for how the plan is made (CDC: pump as often as the baby drinks while away).");
    plan.callback([&ctx, o] {
        if (!ctx.action) ctx.action = [&ctx, o] { return run_plan(ctx, *o); };
    });

    auto* next = plan.add_subcommand("next", "the next pump due (cron-friendly)");
    next->fallthrough();
    next->add_option("--within", o->within, "print only when a pump is due within this time (else exit 1, silently)")
        ->type_name("DURATION");
    next->footer("Examples:\n  pumplog plan next\n  pumplog plan next --within 10m    (for cron: silent, exit 1, unless due)\n"
                 "  pumplog plan next --format json");
    next->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_next(ctx, *o); }; });

    auto* skip = plan.add_subcommand("skip", "record that the due pump was skipped (reminders stop)");
    skip->fallthrough();
    skip->footer("Examples:\n  pumplog plan skip    the pump plan next shows is skipped: no more reminders of it");
    skip->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_skip(ctx, *o); }; });

    auto* stash = plan.add_subcommand("stash", "build a stash before returning to work");
    stash->fallthrough();
    stash->add_option("--return", o->return_date, "the day you go back to work")->required()->type_name("DATE");
    stash->add_option("--target", o->target, "the stash to build (default: stash_days of need)")->type_name("AMOUNT");
    stash->footer("Examples:\n  pumplog plan stash --return 2027-01-04\n  pumplog plan stash --return monday --target 2L");
    stash->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_stash(ctx, *o); }; });
}

}  // namespace pumplog::cli
