#pragma once
// Storage limit tables for expressed breast milk: the CDC's first (the
// default), each limit with its source. The one place these numbers live.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/names.hpp"

namespace pumplog {


inline constexpr Place all_places[] = {Place::room, Place::cooler, Place::fridge, Place::freezer};

std::string_view place_name(Place place);  // "room", "cooler", "fridge", "freezer"
// "room" (also "counter", "countertop"), "cooler", "fridge" (also
// "refrigerator"), "freezer", any case; usage error naming the four otherwise.
Place parse_place(std::string_view text);
// The same without the error: nullopt for a place this version does not know.
std::optional<Place> place_from(std::string_view text);

// A storage profile: how long milk keeps in each place (SPEC 4).
struct Guideline {
    std::string_view name;    // as in `config set guideline NAME`
    std::string_view source;  // the document the numbers come from

    // Freshly expressed milk, counted from expression.
    std::chrono::seconds fresh_room;
    std::chrono::seconds fresh_cooler;
    std::chrono::seconds fresh_fridge;
    std::chrono::seconds fresh_freezer;       // the acceptable limit
    std::chrono::seconds fresh_freezer_best;  // best quality within this

    // Thawed, previously frozen milk, counted from thawing. The guideline
    // gives no cooler limit: the strictest thawed limit (room) applies.
    std::chrono::seconds thawed_room;
    std::chrono::seconds thawed_fridge;

    // What the baby left in a bottle: counted from the end of the feed.
    std::chrono::seconds leftover;
    // Where the leftover limit comes from: `source`, unless the profile's
    // document gives none and it is taken from another profile's.
    std::string_view leftover_source;

    // The rule quoted when thawed milk would go back into the freezer.
    std::string_view refreeze_rule;

    // The limit for fresh milk in `place`, counted from expression.
    std::chrono::seconds fresh_limit(Place place) const;
    // The limit for thawed milk in `place`, counted from thawing; nullopt for
    // the freezer (thawed milk is never refrozen).
    std::optional<std::chrono::seconds> thawed_limit(Place place) const;
};

// A limit for people: "4 hours", "1 day", "12 months" (365 days), "26 weeks".
std::string limit_text(std::chrono::seconds limit);

// The CDC profile: "Proper Storage and Preparation of Breast Milk".
const Guideline& cdc_guideline();
// The profile a setting names ("cdc"); usage error listing the names otherwise.
const Guideline& guideline_named(std::string_view name);
// Every profile this version knows.
std::vector<const Guideline*> guidelines();

}  // namespace pumplog
