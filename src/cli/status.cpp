// `status` (and bare `pumplog`): today at a glance (SPEC 10).
#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/error.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/plan_mode.hpp"
#include "pumplog/reminders.hpp"
#include "pumplog/report.hpp"
#include "pumplog/render/status.hpp"
#include "pumplog/stash.hpp"
#include "pumplog/status.hpp"

namespace pumplog::cli {

int run_status(Context& ctx) {
    const Format format = ctx.format();
    const Settings& settings = ctx.settings();
    const Clock& clock = ctx.clock();
    const date::sys_days today = local_day(clock.now, clock.zone);
    ReplayOptions options;
    // The usual day's past days counted by their written dates (day_status): widened to the earliest
    // instant the first of them can be written with, in any zone.
    options.since = std::min({start_of_local_day(today - date::days(usual_day_days + 1), clock.zone),
                              earliest_written(today - date::days(usual_day_days)),
                              plan_reads_since(settings, clock.now, clock.zone)});
    options.raw = false;
    History history = ctx.history(options);
    // After a break in logging the planner learns from the days before it (as plan does).
    if (settings.mode != PlanMode::supply && window_short_of_feeds(history.entries, settings, clock.now, clock.zone)) {
        options.since.reset();
        history = ctx.history(options);
    }
    const DayStatus day = day_status(history.entries, clock, settings.babies);
    render::StatusExtras extras;
    try {
        extras.next = next_pump_in_mode(history.entries, settings, clock);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::usage) throw;
        extras.no_plan = "not enough feeds logged to plan yet (see pumplog plan)";
    }
    // As plan next says it (no away hours set, say): the row is never left out silently.
    if (!extras.next && extras.no_plan.empty()) extras.no_plan = "none planned in the next 8 days (see pumplog plan)";
    // As of now: `--now` before a store does not show its container.
    const StockRead stash = read_stock(ctx.journal(), guideline_named(settings.guideline), stash_as_of(clock.now),
                                       intake_feeds_since(clock.now), ctx.strict);
    ctx.warn(stash.stats);  // the stash's lines are read whole, older ones too (pumplog(5))
    extras.stash = summarize(stash.stock, clock.now, recent_bottle_intake(stash.feeds, clock.now));
    extras.expiring = expiring_within(stash.stock, clock.now, std::chrono::hours(24));
    const Unit unit = ctx.unit();
    if (format == Format::json) fmt::print("{}", render::status_json(day, extras, unit, clock));
    else fmt::print("{}", render::status_text(day, extras, unit, ctx.style(), clock));
    return 0;
}

void setup_status(CLI::App& cmd, Context& ctx) {
    cmd.footer("Examples:\n  pumplog              the same as pumplog status\n  pumplog status --format json"
               "    for a status bar or Home Assistant (see pumplog(1), STATUS JSON)");
    ctx.accept_formats(cmd, {Format::table, Format::json});
    cmd.callback([&ctx] { ctx.action = [&ctx] { return run_status(ctx); }; });
}

}  // namespace pumplog::cli
