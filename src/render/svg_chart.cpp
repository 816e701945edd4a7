#include "render/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/render/report.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {

// A mark's unit in its tooltip, after a space (none for a count named by its series).
std::string unit_of(const ChartSeries& s) { return s.unit.empty() ? "" : " " + s.unit; }
// What a mark of `value` is in its tooltip: "3 feeds", "1 feed".
std::string_view name_of(const ChartSeries& s, double value) {
    return value == 1 && !s.one.empty() ? std::string_view(s.one) : std::string_view(s.name);
}
// A mark's tooltip after its slot: "120 ml pumped", "3 feeds", or what a value not known is.
std::string tooltip(const ChartSeries& s, double value, bool unlogged) {
    if (unlogged) return "nothing logged";
    if (std::isnan(value)) return s.unknown.empty() ? s.name + " unknown" : s.unknown;
    return fmt::format("{}{} {}", number(value), unit_of(s), name_of(s, value));
}

// A round step for about four ticks up to `largest`: 1, 2, 2.5 or 5 times a power of ten.
double nice_step(double largest) {
    const double raw = largest / 4.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * power) return m * power;
    return 10.0 * power;
}

std::string f(double value) { return fmt::format("{:.1f}", value); }

constexpr double left_margin = 72, right_margin = 24, top_margin = 92, bottom_margin = 60, plot_height = 220,
                 min_width = 640;
// The legend: a row every legend_row px under the title; an item is its swatch (22 px with its gap), its name at
// about 7 px a column of font-size 12, and 22 px to the next.
constexpr double legend_row = 20, swatch = 22, legend_gap = 22, column_px = 7;
// The caption's row under the x axis's label.
constexpr double caption_row = 20;

// One legend item placed: its row and left edge, and its name as shown (cut to fit, with its full name kept).
struct LegendItem {
    int row = 0;
    double x = 0;
    std::string name;     // as terminal_text shows it, cut with "…" when wider than the chart
    bool cut = false;
};

// Lays the legend out in rows that fit between the margins of a chart `width` wide: an item that would run past
// the right margin starts a new row, and a name too wide for a row of its own is cut.
std::vector<LegendItem> legend_layout(const std::vector<ChartSeries>& series, double width) {
    const double room = width - left_margin - right_margin;
    const auto most = static_cast<std::size_t>(std::max(1.0, std::floor((room - swatch) / column_px)));
    std::vector<LegendItem> items;
    double x = left_margin;
    int row = 0;
    for (const auto& s : series) {
        LegendItem item;
        item.name = terminal_text(s.name);
        if (display_width(item.name) > most) {
            item.name = std::string(cut_to_width(item.name, most - 1)) + "\u2026";
            item.cut = true;
        }
        const double wide = swatch + column_px * static_cast<double>(display_width(item.name));
        if (x > left_margin && x + wide > width - right_margin) {
            x = left_margin;
            ++row;
        }
        item.row = row;
        item.x = x;
        items.push_back(std::move(item));
        x += wide + legend_gap;
    }
    return items;
}

// The fill of a bar series: its colour, or its hatch (a pattern of the chart's defs).
std::string bar_fill(const ChartSpec& spec, const ChartSeries& s, std::size_t index) {
    return s.hatch == 0 ? s.color : fmt::format("url(#{}-hatch{})", spec.id, index);
}

// The pattern of a hatched bar series: its colour with pale stripes over it.
std::string hatch_pattern(const ChartSpec& spec, const ChartSeries& s, std::size_t index) {
    const std::string_view stripe = s.hatch == 1   ? "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"
                                    : s.hatch == 2 ? "M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2"
                                                   : "M0,3 h6";
    return fmt::format("<pattern id=\"{}-hatch{}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
                       "<rect width=\"6\" height=\"6\" fill=\"{}\"/><path d=\"{}\" stroke=\"#ffffff\" "
                       "stroke-width=\"1.5\"/></pattern>",
                       spec.id, index, s.color, stripe);
}

}  // namespace

std::string svg_chart(const ChartSpec& spec) {
    // A slot with nothing logged has no value in any series: not known, never 0.
    const auto unlogged = [&](std::size_t i) { return i < spec.unlogged.size() && spec.unlogged[i]; };
    const auto value = [&](const ChartSeries& s, std::size_t i) { return unlogged(i) ? std::nan("") : s.values[i]; };
    const std::size_t n = std::max<std::size_t>(spec.slots.size(), 1);
    // Slots of 4 to 56 px, then widened to fill a chart of at least min_width.
    double slot = std::clamp(std::floor(720.0 / static_cast<double>(n)), 4.0, 56.0);
    const double width = std::max(left_margin + slot * static_cast<double>(n) + right_margin, min_width);
    slot = (width - left_margin - right_margin) / static_cast<double>(n);
    const double plot_width = slot * static_cast<double>(n);
    // The legend's rows push the plot down: every item inside the chart's width, none cut off.
    const std::vector<LegendItem> legend = legend_layout(spec.series, width);
    const double plot_top = top_margin + legend_row * (legend.empty() ? 0 : legend.back().row);
    const double height = plot_top + plot_height + bottom_margin + (spec.caption.empty() ? 0 : caption_row);
    const double x0 = left_margin, y0 = plot_top + plot_height;  // the origin

    double largest = 0;
    for (const auto& s : spec.series)
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            const double v = s.reference ? s.values[i] : value(s, i);  // a reference is drawn over unlogged slots
            if (!std::isnan(v)) largest = std::max(largest, v);
        }
    if (largest <= 0) largest = spec.empty_max;
    const double step = spec.counts ? std::max(1.0, std::round(nice_step(largest))) : nice_step(largest);
    const double top = std::ceil(largest / step - 1e-9) * step;
    const auto y = [&](double v) { return y0 - std::max(0.0, v) / top * plot_height; };

    std::string out;
    if (spec.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "style=\"max-width: {0}px\" "
        "role=\"img\" aria-labelledby=\"{2}-title\"{3} font-family=\"sans-serif\" font-size=\"12\">\n",
        f(width), f(height), spec.id,
        spec.caption.empty() ? std::string() : fmt::format(" aria-describedby=\"{}-desc\"", spec.id));
    out += fmt::format("<title id=\"{}-title\">{}</title>\n", spec.id, escape_xml(spec.title));
    if (!spec.caption.empty())
        out += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", spec.id, escape_xml(spec.caption));
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", f(width), f(height));
    out += fmt::format("<text x=\"{}\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">{}</text>\n",
                       f(left_margin), escape_xml(spec.title));
    out += fmt::format("<text x=\"{}\" y=\"44\" fill=\"#555555\">{}</text>\n", f(left_margin),
                       escape_xml(spec.subtitle));

    // The hatches of bar series whose colours ran out.
    std::string defs;
    for (std::size_t i = 0; i < spec.series.size(); ++i)
        if (const auto& s = spec.series[i]; s.hatch != 0 && !s.line && !s.reference)
            defs += hatch_pattern(spec, s, i) + "\n";
    if (!defs.empty()) out += "<defs>\n" + defs + "</defs>\n";

    // Legend, under the title, in as many rows as it takes.
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const ChartSeries& s = spec.series[i];
        // The row's middle, and its heights written whole (as they were with one row: y="67").
        const double lx = legend[i].x, ly = 67 + legend_row * legend[i].row;
        const auto whole = [](double v) { return std::to_string(std::lround(v)); };
        if (s.reference) {
            out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" "
                               "stroke-dasharray=\"6 4\"/>\n",
                               f(lx), whole(ly), f(lx + 16), whole(ly), s.color);
        } else if (s.line) {
            out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>"
                               "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"/>\n",
                               f(lx), whole(ly), f(lx + 16), whole(ly), s.color, f(lx + 8), whole(ly), s.color);
        } else {
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", f(lx + 2),
                               whole(ly - 6), bar_fill(spec, s, i));
        }
        // A name cut to fit keeps the whole of it as the item's tooltip.
        out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#222222\">{}{}</text>\n", f(lx + swatch), whole(ly + 4),
                           legend[i].cut ? "<title>" + escape_xml(s.name) + "</title>" : std::string(),
                           escape_xml(legend[i].name));
    }

    // Grid and the y axis with its ticks and unit.
    out += "<g class=\"y-axis\" fill=\"#444444\" text-anchor=\"end\">\n";
    for (double v = 0; v <= top + step / 2; v += step) {
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#dddddd\"/>", f(x0), f(y(v)),
                           f(x0 + plot_width), f(y(v)));
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", f(x0 - 6), f(y(v) + 4), number(v));
    }
    out += "</g>\n";
    out += fmt::format("<text x=\"{0}\" y=\"{1}\" transform=\"rotate(-90 {0} {1})\" text-anchor=\"middle\" "
                       "fill=\"#222222\">{2}</text>\n",
                       f(18), f(plot_top + plot_height / 2), escape_xml(spec.y_label));

    // The x axis: every k-th label so that they do not overlap.
    std::size_t longest = 1;
    for (const auto& t : spec.ticks) longest = std::max(longest, t.size());
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((7.0 * static_cast<double>(longest) + 10) / slot)));
    out += "<g class=\"x-axis\" fill=\"#444444\" text-anchor=\"middle\">\n";
    for (std::size_t i = 0; i < spec.ticks.size(); i += every)
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", f(x0 + (static_cast<double>(i) + 0.5) * slot),
                           f(y0 + 18), escape_xml(spec.ticks[i]));
    out += "</g>\n";
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#444444\"/>\n", f(x0), f(y0),
                       f(x0 + plot_width), f(y0));
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#444444\"/>\n", f(x0), f(plot_top),
                       f(x0), f(y0));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#222222\">{}</text>\n",
                       f(x0 + plot_width / 2), f(y0 + 44), escape_xml(spec.x_label));
    if (!spec.caption.empty()) {
        // As the legend shows a name (terminal_text, "\x1b" for ESC), cut to the chart's width.
        const std::string shown = terminal_text(spec.caption);
        const auto most = static_cast<std::size_t>(
            std::max(1.0, std::floor((width - left_margin - right_margin) / column_px)));
        const bool cut = display_width(shown) > most;
        out += fmt::format("<text class=\"caption\" x=\"{}\" y=\"{}\" fill=\"#555555\">{}{}</text>\n", f(x0),
                           f(y0 + 44 + caption_row),
                           cut ? "<title>" + escape_xml(shown) + "</title>" : std::string(),
                           escape_xml(cut ? std::string(cut_to_width(shown, most - 1)) + "\u2026" : shown));
    }

    // Bars side by side within each slot, then lines over them.
    std::size_t bar_series = 0;
    for (const auto& s : spec.series) bar_series += s.line || s.reference ? 0 : 1;
    const double group = std::min(slot * (slot >= 8 ? 0.7 : 0.9), 36.0 * static_cast<double>(std::max<std::size_t>(bar_series, 1)));
    const double bar_width = bar_series ? group / static_cast<double>(bar_series) : 0;
    std::size_t b = 0;
    for (std::size_t index = 0; index < spec.series.size(); ++index) {
        const ChartSeries& s = spec.series[index];
        if (s.line || s.reference) continue;
        out += fmt::format("<g fill=\"{}\">\n", bar_fill(spec, s, index));
        for (std::size_t i = 0; i < s.values.size() && i < spec.slots.size(); ++i) {
            const double x = x0 + static_cast<double>(i) * slot + (slot - group) / 2 + static_cast<double>(b) * bar_width;
            const double v = value(s, i);
            const bool unknown = std::isnan(v);
            const double top_y = unknown ? y0 : y(v);
            const bool partial = i < spec.partial.size() && spec.partial[i];
            out += fmt::format("<rect class=\"bar {}{}{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                               "<title>{}: {}</title></rect>\n",
                               s.css_class, unlogged(i) ? " unlogged" : unknown ? " unknown" : "",
                               partial ? " partial\" fill-opacity=\"0.45" : "", f(x), f(top_y), f(bar_width),
                               f(y0 - top_y), escape_xml(spec.slots[i]), escape_xml(tooltip(s, v, unlogged(i))));
        }
        out += "</g>\n";
        ++b;
    }
    for (const auto& s : spec.series) {
        if (!s.reference) continue;
        // A dashed line per run of days that have a value.
        std::string points;
        const auto flush = [&] {
            if (!points.empty())
                out += fmt::format("<polyline class=\"reference {}\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
                                   "stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{}</title></polyline>\n",
                                   s.css_class, points, s.color, escape_xml(s.name));
            points.clear();
        };
        for (std::size_t i = 0; i < s.values.size() && i < spec.slots.size(); ++i) {
            if (std::isnan(s.values[i])) {
                flush();
                continue;
            }
            points += fmt::format("{}{},{}", points.empty() ? "" : " ", f(x0 + static_cast<double>(i) * slot),
                                  f(y(s.values[i])));
            points += fmt::format(" {},{}", f(x0 + static_cast<double>(i + 1) * slot), f(y(s.values[i])));
        }
        flush();
    }
    for (const auto& s : spec.series) {
        if (!s.line || s.reference) continue;
        // A line per run of known values: a value not known is a gap, not a fall to 0.
        std::string points;
        const auto flush = [&] {
            if (!points.empty())
                out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points,
                                   s.color);
            points.clear();
        };
        for (std::size_t i = 0; i < s.values.size() && i < spec.slots.size(); ++i) {
            if (std::isnan(value(s, i))) {
                flush();
                continue;
            }
            points += fmt::format("{}{},{}", points.empty() ? "" : " ", f(x0 + (static_cast<double>(i) + 0.5) * slot),
                                  f(y(value(s, i))));
        }
        flush();
        out += fmt::format("<g fill=\"{}\">\n", s.color);
        const double r = slot >= 8 ? 3.5 : 1.5;
        for (std::size_t i = 0; i < s.values.size() && i < spec.slots.size(); ++i) {
            const double v = value(s, i);
            const bool unknown = std::isnan(v);
            out += fmt::format("<circle class=\"point {}{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"{}><title>{}: {}</title>"
                               "</circle>\n",
                               s.css_class, unlogged(i) ? " unlogged" : unknown ? " unknown" : "",
                               f(x0 + (static_cast<double>(i) + 0.5) * slot), f(unknown ? y0 : y(v)), f(r),
                               unknown ? fmt::format(" fill=\"#ffffff\" stroke=\"{}\"", s.color) : std::string(),
                               escape_xml(spec.slots[i]), escape_xml(tooltip(s, v, unlogged(i))));
        }
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

}  // namespace pumplog::render
