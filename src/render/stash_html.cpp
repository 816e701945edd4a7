#include <fmt/format.h>

#include <algorithm>

#include "pumplog/render/report.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/report.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {
constexpr std::size_t containers_shown = 12;

// What to do with a container, in words that stay true on paper days later:
// a frozen container is thawed the evening before only when the next day
// needs it, else it stays frozen (unless it expires within a day).
std::string what_to_do(const Container& c, const NextDayThaw& next, Seconds now, const std::string& evening,
                       const date::time_zone* zone, const Guideline& guideline) {
    if (std::find(next.thaws.begin(), next.thaws.end(), &c) != next.thaws.end())
        return "thaw tonight (" + evening + ") in the fridge for the next day";
    const Advice advice = advice_for(c, now, guideline);
    if (advice == Advice::thaw_and_use && status_at(c, now) == Status::ok) return "keep it frozen";
    return advice_text(advice, format_date_time(c.expires, zone));  // a date: the page is read days later
}
}  // namespace

std::string stash_html(const std::vector<const Container*>& in_use_order, const StockSummary& summary, Seconds now,
                       Unit unit, const date::time_zone* zone, const Guideline& guideline) {
    // Dates, not "today": the page is printed and read days later.
    std::string out = fmt::format("<section id=\"stash\">\n<h2>The stash on {}</h2>\n",
                                  escape_xml(format_date_time(now, zone)));
    if (in_use_order.empty()) {
        out += "<p>No milk is stored.</p>\n</section>\n";
        return out;
    }
    out += "<table class=\"stash-places\">\n<thead><tr><th>place</th><th>containers</th><th>volume</th></tr></thead>\n<tbody>\n";
    for (const auto& place : summary.places)
        out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                           escape_xml(place_name(place.place)), place.containers,
                           escape_xml(format_volume(place.volume, unit)));
    out += "</tbody>\n</table>\n";
    std::string supply;
    if (summary.days_of_supply)
        supply = fmt::format(", about {} days at the {} recent bottle intake", format_tenths(*summary.days_of_supply),
                             summary.intake && summary.intake->babies > 1 ? "babies'" : "baby's");
    out += fmt::format("<p>Usable: {} in {}{}.", escape_xml(format_volume(summary.usable, unit)),
                       plural(summary.usable_containers, "container"), escape_xml(supply));
    if (summary.expired_containers > 0)
        out += fmt::format(" <strong>Expired: {} in {}: discard.</strong>",
                           escape_xml(format_volume(summary.expired, unit)), plural(summary.expired_containers, "container"));
    out += "</p>\n";
    const date::sys_days today = local_day(now, zone);
    const std::string evening = format_date(today);
    const NextDayThaw next =
        next_day_thaw(in_use_order, now, start_of_local_day(today + date::days(1), zone), summary.intake);
    if (next.need.ml() > 0) {
        out += fmt::format("<p>The next day ({}) needs about {} (the recent bottle intake); ",
                           format_date(today + date::days(1)), escape_xml(spoken_volume(next.need, unit)));
        // "Covers it" only when it does: a shortfall that shows in the unit is said, with its cause.
        const bool short_of = spoken_volume(next.missing(), unit) != spoken_volume(Volume{}, unit);
        // What is missing from the figures as shown, so that they add up as they read (6.8 - 1.7 - 3.4 oz is 1.7
        // oz, not the 1.8 of the millilitres rounded once); the millilitres' when the shown ones leave none.
        const Volume shown_left = spoken_value(next.need, unit) - spoken_value(next.ready, unit) -
                                  (next.thaws.empty() ? Volume{} : spoken_value(next.thawed, unit));
        const Volume missing = shown_left.ml() > 0 ? shown_left : next.missing();
        const std::string ready = escape_xml(spoken_volume(next.ready, unit));
        if (next.thaws.empty() && !short_of)
            out += fmt::format("{} outside the freezer covers it: nothing to thaw.</p>\n", ready);
        else if (next.thaws.empty())
            out += fmt::format("{} outside the freezer leaves {} missing, and there is no frozen milk left to "
                               "thaw.</p>\n",
                               ready, escape_xml(spoken_volume(missing, unit)));
        else
            out += fmt::format("{} outside the freezer, so thaw {} ({}) tonight ({}) in the fridge{}.</p>\n", ready,
                               escape_xml(and_list([&] {
                                   std::vector<std::string> labels;
                                   for (const Container* c : next.thaws) labels.push_back(c->label);
                                   return labels;
                               }())),
                               escape_xml(spoken_volume(next.thawed, unit)), evening,
                               short_of ? fmt::format("; that still leaves {} missing, and there is no frozen milk "
                                                      "left to thaw",
                                                      escape_xml(spoken_volume(missing, unit)))
                                        : std::string());
    }
    out += "<h3>Use first</h3>\n";
    out += "<table class=\"stash-next\">\n<thead><tr><th>label</th><th>volume</th><th>place</th><th>expires</th>"
           "<th>what to do</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < in_use_order.size() && i < containers_shown; ++i) {
        const Container& c = *in_use_order[i];
        out += fmt::format("<tr class=\"{}\"><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                           escape_xml(state_text(c, now)), escape_xml(c.label), escape_xml(format_volume(c.left, unit)),
                           escape_xml(place_name(c.place)), escape_xml(format_date_time(c.expires, zone)),
                           escape_xml(what_to_do(c, next, now, evening, zone, guideline)));
    }
    out += "</tbody>\n</table>\n";
    if (in_use_order.size() > containers_shown)
        out += fmt::format("<p class=\"note\">and {} more; see <code>pumplog stock</code>.</p>\n",
                           in_use_order.size() - containers_shown);
    out += "<p class=\"note\">Storage limits: CDC, \"Proper Storage and Preparation of Breast Milk\".</p>\n</section>\n";
    return out;
}

}  // namespace pumplog::render
