#include <fmt/format.h>

#include "pumplog/render/report.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {
constexpr std::size_t containers_shown = 12;
}

std::string stash_html(const std::vector<const Container*>& in_use_order, const StockSummary& summary, Seconds now,
                       Unit unit, const date::time_zone* zone) {
    std::string out = "<section id=\"stash\">\n<h2>The stash</h2>\n";
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
        supply = fmt::format(", about {:.1f} days at the baby's recent bottle intake", *summary.days_of_supply);
    out += fmt::format("<p>Usable: {} in {}{}.", escape_xml(format_volume(summary.usable, unit)),
                       plural(summary.usable_containers, "container"), escape_xml(supply));
    if (summary.expired_containers > 0)
        out += fmt::format(" <strong>Expired: {} in {}: discard.</strong>",
                           escape_xml(format_volume(summary.expired, unit)), plural(summary.expired_containers, "container"));
    out += "</p>\n<h3>Use first</h3>\n";
    out += "<table class=\"stash-next\">\n<thead><tr><th>label</th><th>volume</th><th>place</th><th>expires</th>"
           "<th>what to do</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < in_use_order.size() && i < containers_shown; ++i) {
        const Container& c = *in_use_order[i];
        out += fmt::format("<tr class=\"{}\"><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                           escape_xml(state_text(c, now)), escape_xml(c.label), escape_xml(format_volume(c.left, unit)),
                           escape_xml(place_name(c.place)), escape_xml(when(c.expires, now, zone)),
                           escape_xml(advice_text(advice_for(c, now))));
    }
    out += "</tbody>\n</table>\n";
    if (in_use_order.size() > containers_shown)
        out += fmt::format("<p class=\"note\">and {} more; see <code>pumplog stock</code>.</p>\n",
                           in_use_order.size() - containers_shown);
    out += "<p class=\"note\">Storage limits: CDC, \"Proper Storage and Preparation of Breast Milk\".</p>\n</section>\n";
    return out;
}

}  // namespace pumplog::render
