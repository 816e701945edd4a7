// `report`: daily, weekly, monthly and hour-of-day summaries (SPEC 6).
#include <cctype>
#include <cstdlib>
#include <utility>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "pumplog/render/report.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/report.hpp"

namespace pumplog::cli {

namespace {

struct ReportOptions {
    std::string since, until, by = "day", baby;
};

// A report longer than this is a typo (a year 2 instead of 2026), not a question.
constexpr int longest_period_days = 100 * 366;

// Block characters only where the locale says the terminal speaks UTF-8
// (the first of LC_ALL, LC_CTYPE, LANG that is set decides, as in POSIX).
bool utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        std::string text(value);
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text.find("utf-8") != std::string::npos || text.find("utf8") != std::string::npos;
    }
    return false;
}

// The period: whole local days, both ends inclusive (default the last 7 days,
// today included). A time stands for its day. An --until after today ends it
// today (`asked_last` keeps the day asked for, for the note): the days after
// have not happened, and counted as empty days they would halve the averages.
// `notes`: each bound read otherwise than typed, with its option, to warn of once the report is accepted.
DayRange period_of(const ReportOptions& o, const Clock& clock, std::optional<date::sys_days>& asked_last,
                   std::vector<std::pair<std::string_view, std::string>>& notes) {
    const date::sys_days today = local_day(clock.now, clock.zone);
    DayRange period{today - date::days(6), today};
    // Read as log reads its bounds: a time the clocks skip or show twice (or read by the 12-hour rule) is noted.
    const std::optional<TimeReading> until =
        o.until.empty() ? std::nullopt : std::optional<TimeReading>(read_time(o.until, clock, TimeUse::bound));
    const std::optional<TimeReading> since =
        o.since.empty() ? std::nullopt : std::optional<TimeReading>(read_time(o.since, clock, TimeUse::bound));
    if (until) {
        period.last = local_day(until->span.end - std::chrono::seconds(1), clock.zone);
        period.first = period.last - date::days(6);  // --until alone: the 7 days that end there
        if (period.last > today) asked_last = std::exchange(period.last, today);
    }
    if (since) period.first = local_day(since->span.begin, clock.zone);
    if (!o.until.empty() && asked_last.value_or(period.last) < period.first)
        throw usage_error(fmt::format("--until {} is before --since {}", format_date(asked_last.value_or(period.last)),
                                      format_date(period.first)));
    if (period.first > today)
        throw usage_error(
            o.since.empty()
                ? fmt::format("--until {}: the 7 days that end there are all after today ({}); nothing is logged "
                              "there yet",
                              format_date(*asked_last), format_date(today))
                : fmt::format("--since {} is after today ({}): nothing is logged there yet", format_date(period.first),
                              format_date(today)));
    if (period.days() > longest_period_days)
        throw usage_error(fmt::format("a report of {} days is too long; give a --since within 100 years",
                                      period.days()));
    if (since) notes.emplace_back("--since", since->note);
    if (until) notes.emplace_back("--until", until->note);
    return period;
}

// The stash by place with what expires next, for the HTML page.
std::string stash_section(const StockRead& read, const Clock& clock, Unit unit, const Guideline& guideline) {
    const StockSummary summary = summarize(read.stock, clock.now, recent_bottle_intake(read.feeds, clock.now));
    return render::stash_html(use_order(read.stock, clock.now), summary, clock.now, unit, clock.zone, guideline);
}

int run_report(Context& ctx, const ReportOptions& o) {
    const Format format = ctx.format();
    const Clock& clock = ctx.clock();
    ReportRequest request;
    request.by = parse_grouping(o.by);
    std::vector<std::pair<std::string_view, std::string>> notes;
    request.period = period_of(o, clock, request.asked_last, notes);
    request.today = local_day(clock.now, clock.zone);
    request.now = clock.now;
    request.strict = ctx.strict;
    request.babies = ctx.settings().babies;
    if (!o.baby.empty()) request.baby = ctx.baby_named(o.baby);
    request.baby_unnamed = ctx.unnamed_feeds_are(request.baby);  // a one-baby journal's feeds are hers
    // Warned of once the request is accepted (a refusal stays one line), on stderr as log --since warns.
    for (const auto& [option, note] : notes) warn_time_note(option, note);
    // The HTML page shows the stash too: the report and the stash from one read.
    std::optional<StockRead> stash;
    Report report;
    if (format == Format::html) {
        ReportAndStock both = make_report_and_stock(ctx.journal(), request, guideline_named(ctx.settings().guideline),
                                                    intake_feeds_since(clock.now));
        report = std::move(both.report);
        stash = std::move(both.stash);
    } else {
        report = make_report(ctx.journal(), request);
    }
    if (const auto& birth = ctx.settings().birth; birth && ctx.settings().mode == PlanMode::supply)
        report.milestones = supply_milestones_between(report.period.first, report.period.last, *birth);
    ctx.warn(report.stats);

    const Unit unit = ctx.unit();
    switch (format) {
        case Format::csv: fmt::print("{}", render::report_csv(report, unit)); break;
        case Format::json: fmt::print("{}", render::report_json(report, unit)); break;
        case Format::md: fmt::print("{}", render::report_markdown(report, unit)); break;
        case Format::svg: fmt::print("{}", render::report_svg(report, unit)); break;
        case Format::html:
            fmt::print("{}", render::report_html(report, unit,
                                                 stash_section(*stash, clock, unit,
                                                               guideline_named(ctx.settings().guideline))));
            break;
        default: fmt::print("{}", render::report_table(report, unit, utf8_locale(), ctx.style())); break;
    }
    return 0;
}

}  // namespace

void setup_report(CLI::App& cmd, Context& ctx) {
    auto o = std::make_shared<ReportOptions>();
    cmd.add_option("--since", o->since, "first day (default: 6 days before today); a time stands for its day")
        ->type_name("TIME");
    cmd.add_option("--until", o->until, "last day, inclusive (default: today)")->type_name("TIME");
    cmd.add_option("--by", o->by, "one row per day (default), week (ISO), month, or hour of the day")
        ->type_name("day|week|month|hour");
    cmd.add_option("--baby", o->baby,
                   "only this baby's feeds (config babies); pumping and the stash stay shared")
        ->type_name("BABY");
    cmd.footer(
        "Formats (--format): table (default), csv, json, md, svg, html.\n"
        "Examples:\n"
        "  pumplog report                              the last 7 days\n"
        "  pumplog report --since 2026-11-01 --by week --format csv\n"
        "  pumplog report --by hour --since -28d       when the baby eats, when you pump\n"
        "  pumplog report --baby Ada --format csv      Ada's feeds beside the shared pumping\n"
        "  pumplog report --since -30d --format html > report.html");
    ctx.accept_formats(cmd, {Format::table, Format::json, Format::csv, Format::md, Format::svg, Format::html});
    cmd.callback([&ctx, o] { ctx.action = [&ctx, o] { return run_report(ctx, *o); }; });
}

}  // namespace pumplog::cli
