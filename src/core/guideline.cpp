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
    .leftover_source = "CDC, \"Proper Storage and Preparation of Breast Milk\"",
    // CDC: "Never refreeze breast milk after it has been thawed."
    .refreeze_rule = "never refreeze breast milk after it has been thawed",
};

// The Academy of Breastfeeding Medicine, "ABM Clinical Protocol #8: Human
// Milk Storage Information for Home Use for Full-Term Infants, Revised 2017"
// (Eglash A, Simon L, and the ABM; Breastfeeding Medicine 2017;12(7):390-395),
// Table 1 and its notes. The optimal limits are taken, not the longer ones the
// protocol allows "under very clean conditions"; where it gives a range, the
// strict end.
constexpr Guideline abm{
    .name = "abm",
    .source = "ABM Clinical Protocol #8, revised 2017",
    // ABM: room temperature (16-29 °C): 4 hours optimal (6-8 hours acceptable under very clean conditions).
    .fresh_room = hours(4),
    // ABM: insulated cooler bag with ice packs: up to 24 hours.
    .fresh_cooler = hours(24),
    // ABM: refrigerator (4 °C): 4 days optimal (5-8 days under very clean conditions).
    .fresh_fridge = days(4),
    // ABM: freezer (below -17 °C): 6 months optimal, 12 months acceptable.
    .fresh_freezer = days(365),
    .fresh_freezer_best = days(182),
    // ABM: thawed milk at room temperature: use within 1-2 hours; the strict bound.
    .thawed_room = hours(1),
    // ABM: thawed milk in the refrigerator: within 24 hours of thawing.
    .thawed_fridge = hours(24),
    // ABM: milk left over from a feeding: discard 1-2 hours after the infant
    // finished; the strict bound.
    .leftover = hours(1),
    .leftover_source = "ABM Clinical Protocol #8, revised 2017",
    // ABM: thawed milk is not refrozen.
    .refreeze_rule = "do not refreeze thawed milk",
};

// A hospital (NICU) profile: Bliss, the UK charity for babies born premature
// or sick, "Expressing breast milk" (bliss.org.uk, parents' information for
// babies on a neonatal unit; the copy read carries no edition date). Bliss
// gives the fridge, freezer and thawed-fridge limits; for the rest it says to
// ask the unit, so the strictest limit of the other profiles (cdc, abm) is
// taken, each marked below.
constexpr Guideline nicu{
    .name = "nicu",
    .source = "Bliss, \"Expressing breast milk\" (neonatal unit guidance)",
    // Not in Bliss: the strictest of cdc and abm (both 4 hours).
    .fresh_room = hours(4),
    // Not in Bliss: the strictest of cdc (1 day) and abm (24 hours).
    .fresh_cooler = hours(24),
    // Bliss: "breast milk that has recently been expressed will keep in a refrigerator for 48 hours".
    .fresh_fridge = hours(48),
    // Bliss: "Milk can be frozen for up to 6 months in a home freezer."
    .fresh_freezer = days(182),
    .fresh_freezer_best = days(182),
    // Not in Bliss: the strictest of cdc and abm (1 hour, the strict end of 1-2 hours).
    .thawed_room = hours(1),
    // Bliss: "Once your milk is defrosted, it will need to be used within 24 hours."
    .thawed_fridge = hours(24),
    // Not in Bliss: the strictest of cdc (2 hours) and abm (1 hour), so abm's is quoted.
    .leftover = hours(1),
    .leftover_source = "ABM Clinical Protocol #8, revised 2017; Bliss gives no leftover limit",
    // Bliss: defrosted milk is used within 24 hours; it is never frozen again.
    .refreeze_rule = "never refreeze defrosted milk",
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

std::vector<const Guideline*> guidelines() { return {&cdc, &abm, &nicu}; }

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
