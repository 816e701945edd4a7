#pragma once
// A small self-contained SVG chart: grouped bars and lines over labelled
// slots, with axes, ticks and a legend. No scripts, no fonts but the generic
// sans-serif, no links: it renders the same in a browser, rsvg and on paper.
#include <string>
#include <vector>

namespace pumplog::render {

struct ChartSeries {
    std::string name;       // in the legend
    std::string css_class;  // on each bar or point ("pumped", "drunk")
    std::string color;      // "#3b7dd8"
    std::vector<double> values;  // one per slot
    bool line = false;           // a line with a point per slot, else bars
    std::string unit;            // in each mark's tooltip ("ml")
    bool reference = false;      // a dashed line without points (a target); NaN values leave gaps
    std::string one = {};        // a count's name in the tooltip when it is 1 ("feed"); empty: `name`
    // A NaN value of a bar or line series is not known (never drawn as 0): no bar, a hollow point on the
    // axis, and this tooltip after the slot ("volume pumped unknown").
    std::string unknown = {};
    // Bars only: 0 solid, else a hatch drawn over `color` (1 rising, 2 falling, 3 level stripes), in the bars and
    // the legend alike, so that series still differ when a palette's colours run out.
    int hatch = 0;
};

struct ChartSpec {
    std::string id = "chart";  // unique within a page (several charts in one HTML page)
    std::string title;
    std::string subtitle;              // under the title: the period
    std::string y_label;               // the axis with its unit: "volume (ml)"
    std::string x_label;               // "day"
    std::vector<std::string> slots;    // full labels (tooltips)
    std::vector<std::string> ticks;    // short labels under the axis, parallel to slots
    // Slots counted only in part (a partial week or month, today not over):
    // their bars are drawn paler, with the class "partial". Empty: none.
    std::vector<bool> partial;
    // Slots with nothing logged (a day with no entry, or before the journal's first): no volume was recorded
    // there, none of 0 either, so each bar or line series is drawn as not known (no bar, a hollow point, a gap
    // in the line) titled "<slot>: nothing logged", with the class "unlogged". Empty: none.
    std::vector<bool> unlogged;
    std::vector<ChartSeries> series;
    double empty_max = 1;              // the scale when every value is 0
    bool counts = false;               // whole numbers: ticks 1 apart at least
    bool standalone = true;            // an XML declaration first (a file of its own)
    // A line under the x axis that says what the chart holds beyond its title (one baby's report: "Bottles drunk
    // are Ada's only; pumping is shared."), cut with "…" to the chart's width (the whole of it its tooltip), and
    // the chart's description (<desc>) too. Empty: none, and the chart as tall as without it.
    std::string caption = {};
};

std::string svg_chart(const ChartSpec& spec);

}  // namespace pumplog::render
