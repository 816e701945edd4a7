// The report as one self-contained HTML page: inline CSS and SVG, no scripts,
// no links, no request leaving the page (it is opened from a file, printed, or
// shown to a lactation consultant).
#include <cmath>

#include <fmt/format.h>

#include "pumplog/render/report.hpp"
#include "pumplog/text.hpp"
#include "render/report_cells.hpp"
#include "render/report_charts.hpp"

namespace pumplog::render {

namespace {

constexpr std::string_view stylesheet = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f2; color: #222; font: 16px/1.5 system-ui, sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; background: #fff; }
h1 { font-size: 1.6rem; margin: .25rem 0; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.period { color: #555; margin: 0 0 1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .6rem; margin: 0; }
.figure { border: 1px solid #ddd; border-radius: .5rem; padding: .5rem .75rem; margin: 0; }
.figure dt { color: #555; font-size: .85rem; }
.figure dd { margin: 0; font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure dd small { display: block; font-size: .8rem; font-weight: normal; color: #555; }
.sentences p { margin: .4rem 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .45rem; text-align: right; border-bottom: 1px solid #e6e6e6; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { font-weight: 600; vertical-align: bottom; border-bottom: 2px solid #999; white-space: normal; min-width: 3.5rem; }
tfoot td { font-weight: 600; }
tfoot tr:first-child td { border-top: 2px solid #999; }
tbody tr:nth-child(even) { background: #f8f8f8; }
svg { display: block; width: 100%; height: auto; max-width: 56rem; }
.guidance li { margin: .3rem 0; }
.note, footer { color: #555; font-size: .85rem; }
.chart { overflow-x: auto; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: .75rem; }
  table { font-size: .8rem; }
  th:first-child, td:first-child { position: sticky; left: 0; background: #fff; }
  .chart svg { min-width: 34rem; }
}
@media print {
  @page { margin: 12mm; }
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section { break-inside: avoid; }
  .scroll, .chart { overflow: visible; }
  .chart svg { min-width: 0; }
  table { font-size: 8pt; }
  th, td { padding: 1pt 3pt; }
  tbody tr:nth-child(even) { background: none; }
  svg { max-width: 100%; }
}
)";

std::string figure(std::string_view term, const std::string& value, const std::string& detail) {
    return fmt::format("<div class=\"figure\"><dt>{}</dt><dd>{}{}</dd></div>\n", term, escape_xml(value),
                       detail.empty() ? std::string() : "<small>" + escape_xml(detail) + "</small>");
}

std::string minutes_text(std::chrono::seconds time) {
    // To 0.1, as the table under it (15 s is 0.3 min, never 0).
    return fmt::format("{} min", detail::minutes_figure(time));
}

std::string figures(const Report& report, Unit unit) {
    const Tally& t = report.total;
    // Rounded as the table under them rounds its total and per-day rows (581.7 ml, 145.4 ml a day).
    std::string out = "<dl class=\"figures\">\n";
    std::string sessions = plural(t.pump_sessions, "session");
    if (t.skipped > 0) sessions += fmt::format(" ({} skipped)", t.skipped);
    // Volumes not recorded are unknown, never 0 ml: left out of the sums, and named.
    if (t.unmeasured_sessions > 0) sessions += fmt::format(", {} without a volume", t.unmeasured_sessions);
    out += figure("Pumped", figure_volume(t.pumped, unit),
                  fmt::format("{}, {} a day", sessions,
                              figure_volume(detail::per_day_figure(t.pumped, report.pumped_days, unit), unit)));
    const Volume bottle_a_day = detail::per_day_figure(t.bottle, report.bottle_days, unit);
    std::string drunk = t.formula.ml() > 0 ? fmt::format("of which formula {}", figure_volume(t.formula, unit))
                                           : fmt::format("{} a day", figure_volume(bottle_a_day, unit));
    if (t.unmeasured_bottles > 0)
        drunk += fmt::format("; {} without an amount", plural(t.unmeasured_bottles, "bottle"));
    out += figure("Drunk from bottles", figure_volume(t.bottle, unit), drunk);
    out += figure("Feeds", std::to_string(t.feeds),
                  fmt::format("{} at the breast, {}", t.breast_feeds, minutes_text(t.breast_time)));
    out += figure("Stored", figure_volume(t.stored, unit),
                  fmt::format("used {}, discarded {}", figure_volume(t.used, unit), figure_volume(t.discarded, unit)));
    out += "</dl>\n";
    return out;
}

std::string summary_table(const Report& report, Unit unit) {
    const bool one_year =
        date::year_month_day(report.period.first).year() == date::year_month_day(report.period.last).year();
    const std::vector<std::string> headers = detail::person_headers(report.by, unit);
    const auto line = [](const std::vector<std::string>& cells, std::string_view tag) {
        std::string out = "<tr>";
        for (const auto& c : cells) out += fmt::format("<{0}>{1}</{0}>", tag, escape_xml(c));
        return out + "</tr>\n";
    };
    std::string out = "<div class=\"scroll\"><table>\n<thead>";
    std::string head = "<tr>";
    for (const auto& h : headers) head += fmt::format("<th scope=\"col\">{}</th>", escape_xml(h));
    out += head + "</tr></thead>\n<tbody>\n";
    for (const auto& row : report.rows)
        out += line(detail::person_cells(detail::row_label(row, report.by, one_year), row.tally, unit), "td");
    out += "</tbody>\n<tfoot>\n";
    std::string total = line(detail::person_cells("Total", report.total, unit), "td");
    out += "<tr class=\"total\"" + total.substr(3);
    out += line(detail::average_cells(report, unit), "td");
    out += "</tfoot>\n</table></div>\n";
    for (const auto& note : detail::report_notes(report, true)) out += "<p class=\"note\">" + escape_xml(note) + "</p>\n";
    return out;
}

// Several babies: each one's feeds per row, beside the shared pumping above.
std::string babies_table(const Report& report, Unit unit) {
    const bool one_year =
        date::year_month_day(report.period.first).year() == date::year_month_day(report.period.last).year();
    const auto line = [](const std::vector<std::string>& cells, std::string_view tag) {
        std::string out = "<tr>";
        for (const auto& c : cells) out += fmt::format("<{0}>{1}</{0}>", tag, escape_xml(c));
        return out + "</tr>\n";
    };
    std::string out = "<section id=\"babies\">\n<h2>Each baby's feeds</h2>\n<div class=\"scroll\"><table>\n<thead>";
    std::string head = "<tr>";
    for (const auto& h : detail::baby_headers(report, unit, false))
        head += fmt::format("<th scope=\"col\">{}</th>", escape_xml(h));
    out += head + "</tr></thead>\n<tbody>\n";
    for (const auto& row : report.rows)
        out += line(detail::baby_cells(detail::row_label(row, report.by, one_year), row.babies, unit), "td");
    out += "</tbody>\n<tfoot>\n";
    const std::string total = line(detail::baby_cells("Total", report.baby_totals, unit), "td");
    out += "<tr class=\"total\"" + total.substr(3);
    out += "</tfoot>\n</table></div>\n</section>\n";
    return out;
}

// What the page cites (SPEC: the CDC's public guidance). Plain text, no links:
// the page makes no request.
constexpr std::string_view guidance = R"(<section id="guidance" class="guidance">
<h2>Guidance</h2>
<ul>
<li>When you are away from your baby, or pump for every feed, pump as often as your baby drinks. If you cannot pump as much as your baby eats while you are away, add a pumping session. Start pumping and storing milk a few weeks before you return to work. <em>(CDC, &#8220;Pumping Breast Milk&#8221;)</em></li>
<li>Freshly expressed milk keeps up to 4 hours at room temperature (25&#160;&#176;C/77&#160;&#176;F or colder), up to 4 days in the fridge (4&#160;&#176;C/40&#160;&#176;F), and is best within 6 months in the freezer (&#8722;18&#160;&#176;C/0&#160;&#176;F or colder), up to 12 months acceptable. In an insulated cooler with frozen ice packs: up to 1 day. <em>(CDC, &#8220;Proper Storage and Preparation of Breast Milk&#8221;)</em></li>
<li>Thawed milk keeps 1&#8211;2 hours at room temperature and up to 1 day in the fridge from when it thawed; never refreeze it. Milk left over from a feeding is used within 2 hours after the baby finished (when any of it was thawed, pumplog keeps it 1 hour: the strict end of thawed milk&#8217;s 1&#8211;2 hours at room temperature). Use the oldest milk first. <em>(CDC, &#8220;Proper Storage and Preparation of Breast Milk&#8221;)</em></li>
</ul>
<p class="note">Sources: Centers for Disease Control and Prevention, &#8220;Pumping Breast Milk&#8221; and &#8220;Proper Storage and Preparation of Breast Milk&#8221; (cdc.gov, breastfeeding pages). This page is a record of what was logged, not medical advice: bring it to your lactation consultant, midwife or doctor.</p>
</section>
)";

}  // namespace

std::string report_html(const Report& report, Unit unit, std::string_view stash_section) {
    const std::string first = format_date(report.period.first), last = format_date(report.period.last);
    const std::string span = first == last ? first : first + " to " + last;
    const int days = report.period.days();
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>Pumping report, {}</title>\n", escape_xml(span));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n<main>\n", stylesheet);

    out += "<header>\n<h1>Pumping report</h1>\n";
    out += fmt::format("<p class=\"period\">{}, {} &#183; volumes in {}</p>\n</header>\n", escape_xml(span),
                       plural(days, "day"), unit == Unit::ml ? "millilitres (ml)" : "US fluid ounces (oz)");

    out += "<section id=\"summary\">\n<h2>At a glance</h2>\n";
    out += figures(report, unit);
    out += fmt::format("<div class=\"sentences\"><p>{}</p><p>{}</p></div>\n</section>\n",
                       escape_xml(trend_sentence(report.trend, unit)), escape_xml(balance_sentence(report.balance, unit)));

    out += fmt::format("<section id=\"table\">\n<h2>{}</h2>\n",
                       report.by == Grouping::day     ? "Day by day"
                       : report.by == Grouping::week  ? "Week by week"
                       : report.by == Grouping::month ? "Month by month"
                                                      : "Hour by hour");
    out += summary_table(report, unit);
    out += "</section>\n";
    if (!report.babies.empty()) out += babies_table(report, unit);

    out += "<section id=\"volumes\">\n<h2>Pumped and drunk per day</h2>\n";
    ChartSpec volumes = detail::volume_chart(report, unit);
    volumes.standalone = false;
    out += "<div class=\"chart\">" + svg_chart(volumes) + "</div>\n";
    out += "<p class=\"note\">Bars: pumped. Line: drunk from bottles (breast milk and formula). A day with nothing "
           "logged, or whose volume is not known, has no bar and a hollow point on the axis.";
    if (!report.milestones.empty())
        out += " Dashed: the daily volume expected on each day since birth when pumping to build a supply "
               "(Ru et al., Front. Pediatr. 2020; see pumplog-supply(7)).";
    out += "</p>\n</section>\n";

    out += fmt::format("<section id=\"hours\">\n<h2>When the {}, when you pump</h2>\n",
                       report.babies.empty() ? "baby eats" : "babies eat");
    ChartSpec hours = detail::hours_chart(report);
    hours.standalone = false;
    out += "<div class=\"chart\">" + svg_chart(hours) + "</div>\n";
    out += "<p class=\"note\">Feeds and pumping sessions by the hour they started, over the whole period "
           "(local time as logged).</p>\n</section>\n";

    // STASH SECTION: the stash by place with what expires next (SPEC 6). It is
    // rendered by the stock module's renderer and handed in pre-rendered (a
    // <section id="stash">); until a command passes one, the page leaves it out.
    if (stash_section.empty()) out += "<!-- stash section: pumplog stock renders it here -->\n";
    else out += std::string(stash_section) + "\n";

    out += guidance;
    out += "<footer><p>Made with pumplog from the journal entries in effect (voided entries left out, corrections "
           "applied). A day is the local date written with each entry.</p></footer>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace pumplog::render
