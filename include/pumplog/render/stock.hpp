#pragma once
// The stash for people (a table, cron lines) and for scripts (JSON, CSV; SPEC 7).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pumplog/render/table.hpp"
#include "pumplog/stock.hpp"

namespace pumplog::render {

// The containers given, in that order (use_order's, then any that left the
// stock). Each: label, id, ml (what is left; `oz` with Unit::oz), place,
// pumped, thawed (time or null), expires, status (ok, soon, expired; used or
// discarded for those no longer in stock).
nlohmann::ordered_json container_json(const Container& container, Seconds now, Unit unit,
                                      const date::time_zone* zone);
std::string stock_json(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                       const date::time_zone* zone);
// label,id,ml,place,pumped,thawed,expires,status (`oz` with Unit::oz)
std::string stock_csv(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                      const date::time_zone* zone);
// What to use first at the top, expired milk flagged, totals per place and
// the days of supply.
std::string stock_table(const std::vector<const Container*>& containers, const StockSummary& summary, Seconds now,
                        Unit unit, const Style& style, const date::time_zone* zone);
// One line per container: label, volume, place, when it expires, what to do
// (advice_for under `guideline`).
std::string expiring_lines(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                           const date::time_zone* zone, const Guideline& guideline);

// "used up", "discarded", or the status at `now`.
std::string_view state_text(const Container& container, Seconds now);
// "today 20:30", "tomorrow 08:00", "yesterday 22:10", "2026-11-25 08:00".
std::string when(Seconds instant, Seconds now, const date::time_zone* zone);
// "in 6 h 25 min", "in 3 d 5 h", "40 min ago"; "just now" for an instant
// at `now` or less than a minute before it (an expiry then is past: expired).
std::string relative(Seconds instant, Seconds now);
// A container's expiry in a reply: "use by today 20:30 (in 6 h)", or once
// it is at or past `now`, "expired today 10:00 (just now)".
std::string use_by(Seconds expires, Seconds now, const date::time_zone* zone);
// "use it now or put it in the fridge", "discard it", "use it by 11:00 or
// throw it away" (`by`: the expiry as the line shows it) ...
std::string advice_text(Advice advice, std::string_view by);

}  // namespace pumplog::render

namespace pumplog::render {

// The stash for the HTML report: a <section id="stash"> with the totals per
// place and the containers in the order to use them (the first few), each with
// when it expires and what to do.
std::string stash_html(const std::vector<const Container*>& in_use_order, const StockSummary& summary, Seconds now,
                       Unit unit, const date::time_zone* zone, const Guideline& guideline);

}  // namespace pumplog::render
