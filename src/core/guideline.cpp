#include "pumplog/guideline.hpp"

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::seconds;

// CDC, "Proper Storage and Preparation of Breast Milk" (Centers for Disease
// Control and Prevention; the storage table and its notes). Where the table
// gives a range, the strict end is taken.
constexpr Guideline cdc{
    .name = "cdc",
    .source = "CDC, \"Proper Storage and Preparation of Breast Milk\"",
    // CDC: freshly expressed, countertop (77 °F/25 °C or colder): up to 4 hours.
    .fresh_room = hours(4),
    // CDC: "insulated cooler with frozen ice packs for up to 1 day".
    .fresh_cooler = days(1),
    // CDC: freshly expressed, refrigerator (40 °F/4 °C): up to 4 days.
    .fresh_fridge = days(4),
    // CDC: freshly expressed, freezer (0 °F/-18 °C or colder): up to 12 months
    // is acceptable. Counted as 365 days (never longer than 12 calendar months).
    .fresh_freezer = days(365),
    // CDC: "within 6 months is best". Counted as 182 days.
    .fresh_freezer_best = days(182),
    // CDC: thawed, previously frozen, countertop: 1-2 hours; the strict bound.
    .thawed_room = hours(1),
    // CDC: thawed, previously frozen, refrigerator: up to 1 day (24 hours)
    // from when it was thawed.
    .thawed_fridge = hours(24),
    // CDC: left over from a feeding: use within 2 hours after the baby finished.
    .leftover = hours(2),
    // CDC: "Never refreeze breast milk after it has been thawed."
    .refreeze_rule = "never refreeze breast milk after it has been thawed",
};

}  // namespace

std::string_view place_name(Place place) { return name_of(place); }

std::optional<Place> place_from(std::string_view text) {
    const std::string p = lower(trim(text));
    if (p == "counter" || p == "countertop") return Place::room;
    if (p == "refrigerator") return Place::fridge;
    return value_named<Place>(p);
}

Place parse_place(std::string_view text) {
    if (const auto place = place_from(text)) return *place;
    throw usage_error(fmt::format("\"{}\" is not a place; use room, cooler, fridge or freezer", printable(text)));
}

seconds Guideline::fresh_limit(Place place) const {
    switch (place) {
        case Place::room: return fresh_room;
        case Place::cooler: return fresh_cooler;
        case Place::fridge: return fresh_fridge;
        case Place::freezer: return fresh_freezer;
    }
    return fresh_room;
}

std::optional<seconds> Guideline::thawed_limit(Place place) const {
    switch (place) {
        case Place::room: return thawed_room;
        // No thawed-milk limit for a cooler in the table: the strictest (room) applies.
        case Place::cooler: return thawed_room;
        case Place::fridge: return thawed_fridge;
        case Place::freezer: return std::nullopt;  // never refreeze
    }
    return thawed_room;
}

std::string limit_text(seconds limit) {
    const long long s = limit.count();
    if (s > 0 && s % (365 * 86400) == 0) return plural(s / (365 * 86400) * 12, "month");
    if (s == 182 * 86400) return "6 months";
    if (s > 0 && s % 86400 == 0) return plural(s / 86400, "day");
    if (s > 0 && s % 3600 == 0) return plural(s / 3600, "hour");
    return plural((s + 59) / 60, "minute");
}

const Guideline& cdc_guideline() { return cdc; }

std::vector<const Guideline*> guidelines() { return {&cdc}; }

const Guideline& guideline_named(std::string_view name) {
    const std::string n = lower(trim(name));
    std::string names;
    for (const Guideline* g : guidelines()) {
        if (g->name == n) return *g;
        names += (names.empty() ? "" : ", ") + std::string(g->name);
    }
    throw usage_error(fmt::format("\"{}\" is not a storage guideline; accepted: {}", printable(name), names));
}

}  // namespace pumplog
