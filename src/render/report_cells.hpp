#pragma once
// The report's cells for people (the terminal table and the HTML page share them).
#include <chrono>
#include <string>
#include <vector>

#include "pumplog/report.hpp"

namespace pumplog::render::detail {

// The row's label, then its columns for people: "-" for nothing, volumes in
// `unit` without the unit, nursing in minutes.
std::vector<std::string> person_cells(std::string label, const Tally& tally, Unit unit);
// Minutes at the breast to 0.1, as the table's cells give them ("0.3", "213.5"; "0" for none).
std::string minutes_figure(std::chrono::seconds time);
// A total's mean over `days` as the per-day row shows it, as a volume: to 0.1 of `unit` in one rounding from
// the hundredths (the HTML page's "a day" figures say the same).
Volume per_day_figure(Volume total, int days, Unit unit);
// "per day", then the totals divided by the days of the period.
std::vector<std::string> average_cells(const Report& report, Unit unit);
// The column headers for people, parallel to person_cells: "Date" (or "ISO
// week", "Month", "Hour"), "Sessions", "Skipped", "Pumped (ml)", ...
std::vector<std::string> person_headers(Grouping by, Unit unit);
// Several babies: the label's header, then per baby its feeds, bottles,
// breast feeds and nursing minutes ("Ada: feeds", ...; in the terminal
// "Ada feeds", "Ada bottle", ...), parallel to baby_cells.
std::vector<std::string> baby_headers(const Report& report, Unit unit, bool terminal);
std::vector<std::string> baby_cells(std::string label, const std::vector<Tally>& babies, Unit unit);
// The notes under the table, in sentences: rows of weeks or months the period
// covers only in part, a last row that includes today (not over), and
// left/right recorded for only some sessions. `page`: for a page read days
// later (Markdown, HTML), the date instead of "today".
std::vector<std::string> report_notes(const Report& report, bool page);
// A row's label for people: "Sat 11-21" (the date in full when the period
// spans years), else the row's label; a week or month the period covers only
// in part says its days: "2026-W47 (4 days)".
std::string row_label(const ReportRow& row, Grouping by, bool one_year);

}  // namespace pumplog::render::detail
