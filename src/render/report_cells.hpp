#pragma once
// The report's cells for people (the terminal table and the HTML page share them).
#include <string>
#include <vector>

#include "pumplog/report.hpp"

namespace pumplog::render::detail {

// The row's label, then its columns for people: "-" for nothing, volumes in
// `unit` without the unit, nursing in minutes.
std::vector<std::string> person_cells(std::string label, const Tally& tally, Unit unit);
// "per day", then the totals divided by the days of the period.
std::vector<std::string> average_cells(const Tally& total, int days, Unit unit);
// A row's label for people: "Sat 11-21" (the date in full when the period
// spans years), else the row's label.
std::string row_label(const ReportRow& row, Grouping by, bool one_year);

}  // namespace pumplog::render::detail
