#pragma once
// Reports for people (a terminal table, an SVG chart, an HTML page) and for
// scripts (CSV, JSON, Markdown; SPEC 6 and 7). Formatting only: the numbers
// come computed in a Report.
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/render/table.hpp"
#include "pumplog/report.hpp"
#include "pumplog/units.hpp"

namespace pumplog::render {

// The columns of SPEC 6, in order: the grouping ("date", "week", "month",
// "hour"), then pump_sessions, pumped_ml, left_ml, right_ml, feeds, bottle_ml,
// breast_feeds, breast_min, stored_ml, used_ml, discarded_ml (`_oz` with oz);
// then the columns added since, always after those of SPEC 6: skipped, days.
std::vector<std::string> report_columns(Grouping by, Unit unit);
// Several babies (Report::babies, two or more, no --baby): after those, four
// columns per baby, in the report's order of babies:
// feeds_NAME, bottle_ml_NAME, breast_feeds_NAME, breast_min_NAME.
std::vector<std::string> baby_columns(const std::vector<std::string>& babies, Unit unit);

// CSV: the header, then one record per row. Volumes in `unit` (ml to 0.1, oz
// to 0.01), breast minutes to 0.1.
std::string report_csv(const Report& report, Unit unit);
// JSON: an array of objects keyed like the CSV columns (without the babies'),
// numbers as numbers, plus `partial`, and with several babies `babies`:
// {"Ada": {"feeds": N, "bottle_ml": N, "breast_feeds": N, "breast_min": N}, ...}.
std::string report_json(const Report& report, Unit unit);
// A Markdown (GitHub) table with the CSV's columns and a total row.
std::string report_markdown(const Report& report, Unit unit);

// The terminal table: aligned columns, a bar of the pumped volume per row
// scaled to the largest, the total and per-day average lines, then the trend
// and the stash balance in words. `unicode`: bars of block characters, else '#'.
std::string report_table(const Report& report, Unit unit, bool unicode, const Style& style);

// The two sentences under the table (also in the HTML page):
// "Trend: 4.2 L pumped in the 7 days to 2026-11-20, up 8% on the 7 days before (3.9 L).", per day
// when the journal began in the earlier days, or why there is no trend (Trend::Missing).
std::string trend_sentence(const Trend& trend, Unit unit);
// "Pumped 4.2 L, baby drank 3.9 L from bottles: +300 ml to the stash."; with volumes not
// recorded (unknown, never 0 ml): "...: +242 ml to the stash, not counting 3 bottles without an amount."
std::string balance_sentence(const StashBalance& balance, Unit unit);
// A volume for a sentence: "300 ml", "4.2 L", "10.1 oz".
std::string spoken_volume(Volume volume, Unit unit);
// The volume spoken_volume's figure reads as (300 ml, 4.2 L, 10.1 oz), as a volume: a figure worked out from
// shown ones adds up as they read ("needs 6.8 oz; 1.7 oz ..., thaw B1 (3.4 oz): still 1.7 oz missing").
Volume spoken_value(Volume volume, Unit unit);
// A volume beside the report's table, rounded as its cells are (0.1 ml, whole without ".0"; 0.1 oz), in litres
// from 1 L: "581.7 ml", "300 ml", "4.2 L", "10.1 oz". The stash balance and the HTML page's totals.
std::string figure_volume(Volume volume, Unit unit);
// The value of the table's cell for a volume (0.1 ml, 0.1 oz), as a volume: a difference of two is worked out
// from them, so that it agrees with the table.
Volume figure_value(Volume volume, Unit unit);

// One self-contained SVG chart (no scripts, no external fonts or links):
// pumped (bars) and drunk from bottles (a line with a point) per row.
std::string report_svg(const Report& report, Unit unit);
// The hour-of-day pattern: feeds and pump sessions per hour (bars).
std::string hours_svg(const Report& report);

// One self-contained HTML page (inline CSS and SVG, no scripts, no external
// requests), readable on a phone and on paper: the summary, the table, the
// charts, `stash_section` and the guidance it cites (CDC).
// `stash_section` is the stash by place with what expires next, pre-rendered
// as an HTML <section> by the stock module's renderer; empty leaves it out.
std::string report_html(const Report& report, Unit unit, std::string_view stash_section);

// Text for HTML and XML (double-quoted attributes too): & < > " escaped, and
// every control character shown as terminal_text shows it (\x1b, \x0d, \u202e).
std::string escape_xml(std::string_view text);

}  // namespace pumplog::render
