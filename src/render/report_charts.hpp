#pragma once
// The report's two charts as chart specifications (shared by the SVG file and
// the HTML page, which inlines them).
#include "pumplog/report.hpp"
#include "render/svg_chart.hpp"

namespace pumplog::render::detail {

// Pumped (bars) and drunk from bottles (a line) per row; rows of a week or
// month covered only in part, and the row that includes `today`, are partial.
ChartSpec volume_chart(const std::vector<ReportRow>& rows, Grouping by, Unit unit, const DayRange& period,
                       date::sys_days today);
// Per day, with supply mode's milestone as a dashed reference line when known.
ChartSpec volume_chart(const Report& report, Unit unit);
// Feeds and pump sessions per hour of the day.
ChartSpec hours_chart(const Report& report);

}  // namespace pumplog::render::detail
