// The report's charts: pumped against drunk per row, and the hour-of-day pattern.
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/render/report.hpp"
#include "pumplog/text.hpp"
#include "render/report_charts.hpp"

namespace pumplog::render {

std::string escape_xml(std::string_view text) {
    // Every control a terminal would act on (C0 with tab and line ends, DEL, C1, bidi
    // overrides and isolates, U+2028/U+2029, bytes that are not UTF-8) as terminal_text shows it
    // (\x1b, \u202e): the same on every part of the page (SPEC 8: text is data).
    const std::string shown = terminal_text(text);
    std::string out;
    out.reserve(shown.size());
    for (char c : shown) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// A short label under the axis: "11-21", "W47", "2026-11", "07".
std::string tick(const ReportRow& row, Grouping by) {
    switch (by) {
        case Grouping::day: return row.label.substr(5);
        case Grouping::week: return row.label.substr(5);
        case Grouping::month: return row.label;
        case Grouping::hour: return row.label.substr(0, 2);
    }
    return row.label;
}

std::string_view per(Grouping by) {
    switch (by) {
        case Grouping::day: return "day";
        case Grouping::week: return "ISO week";
        case Grouping::month: return "month";
        case Grouping::hour: return "hour of the day";
    }
    return "day";
}

// One baby's report (--baby, SPEC 12): its line is that baby's bottles, the pumping everyone's. Saved as a file of
// its own the chart says so, as the HTML page's note does: the drunk series and its tooltips name the baby, and
// the caption says that pumping is shared (the name as text, escaped where the chart is written).
void name_baby(ChartSpec& spec, const std::string& baby) {
    if (baby.empty()) return;
    for (ChartSeries& s : spec.series)
        if (s.css_class == "drunk") {
            s.name = fmt::format("drunk from {}'s bottles", baby);
            s.unknown = fmt::format("volume drunk from {}'s bottles unknown (none of them has an amount)", baby);
        }
    spec.caption = fmt::format("Bottles drunk are {}'s only; pumping is shared.", baby);
}

}  // namespace

namespace detail {

ChartSpec volume_chart(const std::vector<ReportRow>& rows, Grouping by, Unit unit, const DayRange& period,
                       date::sys_days today) {
    ChartSpec spec;
    spec.id = "volumes";
    spec.title = fmt::format("Pumped and drunk from bottles per {}", per(by));
    spec.subtitle = fmt::format("{} to {}, in {}", format_date(period.first), format_date(period.last),
                                unit == Unit::ml ? "millilitres" : "US fluid ounces");
    spec.y_label = unit == Unit::ml ? "volume (ml)" : "volume (US fl oz)";
    spec.x_label = by == Grouping::hour ? "hour of the day (local time)" : std::string(per(by));
    spec.empty_max = unit == Unit::ml ? 100 : 4;
    ChartSeries pumped{"pumped", "pumped", "#3b7dd8", {}, false, std::string(unit_name(unit))};
    ChartSeries drunk{"drunk from bottles", "drunk", "#d9622b", {}, true, std::string(unit_name(unit))};
    pumped.unknown = "volume pumped unknown (no session has a volume)";
    drunk.unknown = "volume drunk from bottles unknown (no bottle has an amount)";
    // A week or month counted only in part, and today (not over), are drawn
    // paler and starred, and say why in their tooltip and the subtitle.
    bool any_partial = false, any_open = false;
    for (const auto& row : rows) {
        const bool open = by != Grouping::hour && row.covers(today);
        const bool partial = row.partial() || open;
        any_partial = any_partial || row.partial();
        any_open = any_open || open;
        std::string slot = row.label;
        if (row.partial()) slot += fmt::format(" (partial: {} of {} days)", row.days, row.calendar_days);
        if (open) slot += " (not over when this was made)";
        spec.slots.push_back(std::move(slot));
        spec.ticks.push_back(tick(row, by) + (partial ? "*" : ""));
        spec.partial.push_back(partial);
        // Nothing logged (no entry of any kind, or before the journal's first): no volume, not 0 ml, as the
        // table's "-" and its per-day figures leave the day out.
        spec.unlogged.push_back(row.tally.empty());
        // Unknown, never 0 ml: every session (or bottle) of the row without a volume.
        pumped.values.push_back(row.tally.pumped_known() ? output_value(row.tally.pumped, unit) : std::nan(""));
        drunk.values.push_back(row.tally.bottle_known() ? output_value(row.tally.bottle, unit) : std::nan(""));
    }
    if (any_partial)
        spec.subtitle += fmt::format("; * a {} the period covers only in part", by == Grouping::week ? "week" : "month");
    if (any_open)
        spec.subtitle += (any_partial ? " or holds " + format_date(today) + ", which" : "; * " + format_date(today)) +
                         " was not over when this was made";
    spec.series = {std::move(pumped), std::move(drunk)};
    return spec;
}

ChartSpec volume_chart(const Report& report, Unit unit) {
    ChartSpec spec = volume_chart(report.day_rows(), Grouping::day, unit, report.period, report.today);
    bool any = false;
    ChartSeries milestone{"supply milestone (Ru et al. 2020)", "milestone", "#2e8b57", {}, false,
                          std::string(unit_name(unit))};
    milestone.reference = true;
    for (const auto& m : report.milestones) {
        milestone.values.push_back(m ? output_value(*m, unit) : std::nan(""));
        any = any || m.has_value();
    }
    if (any) spec.series.push_back(std::move(milestone));
    name_baby(spec, report.baby);
    return spec;
}

ChartSpec hours_chart(const Report& report) {
    ChartSpec spec;
    spec.id = "hours";
    spec.title = "Feeds and pumps by hour of the day";
    spec.subtitle = fmt::format("{} to {}, how many started in each hour", format_date(report.period.first),
                                format_date(report.period.last));
    spec.y_label = "how many times";
    spec.x_label = "hour of the day (local time)";
    spec.empty_max = 4;
    spec.counts = true;
    // A count named by its series: "02:00: 3 feeds".
    ChartSeries feeds{"feeds", "feeds", "#d9622b", {}, false, "", false, "feed"};
    ChartSeries pumps{"pumps", "pumps", "#3b7dd8", {}, false, "", false, "pump"};
    // Several babies (SPEC 12): each one's feeds, a series each, beside the shared pumping.
    // Eight colours apart from the pumps' blue; past them the colours come again hatched (three ways), so that
    // up to 32 babies each have a look of their own.
    static constexpr std::array<const char*, 8> baby_colors = {"#d9622b", "#8e44ad", "#2e8b57", "#b8860b",
                                                               "#c2185b", "#00838f", "#6d4c41", "#7a7a00"};
    std::vector<ChartSeries> babies;
    for (std::size_t b = 0; b < report.babies.size(); ++b) {
        babies.push_back({"feeds (" + report.babies[b] + ")", fmt::format("feeds baby{}", b + 1),
                          baby_colors[b % baby_colors.size()], {}, false, "", false, "feed (" + report.babies[b] + ")"});
        babies.back().hatch = static_cast<int>(b / baby_colors.size() % 4);
    }
    for (const auto& row : report.hours) {
        spec.slots.push_back(row.label);
        spec.ticks.push_back(row.label.substr(0, 2));
        feeds.values.push_back(row.tally.feeds);
        pumps.values.push_back(row.tally.pump_sessions);
        for (std::size_t b = 0; b < babies.size(); ++b)
            babies[b].values.push_back(b < row.babies.size() ? row.babies[b].feeds : 0);
    }
    if (babies.empty()) {
        spec.series = {std::move(feeds), std::move(pumps)};
    } else {
        spec.title = "Each baby's feeds and the pumps by hour of the day";
        spec.series = std::move(babies);
        spec.series.push_back(std::move(pumps));
    }
    return spec;
}

}  // namespace detail

std::string report_svg(const Report& report, Unit unit) {
    if (report.by == Grouping::day) return svg_chart(detail::volume_chart(report, unit));
    ChartSpec spec = detail::volume_chart(report.rows, report.by, unit, report.period, report.today);
    name_baby(spec, report.baby);
    return svg_chart(spec);
}

std::string hours_svg(const Report& report) { return svg_chart(detail::hours_chart(report)); }

}  // namespace pumplog::render
