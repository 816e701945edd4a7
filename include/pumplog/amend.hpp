#pragma once
// Corrections (`log edit`): which fields an amendment sets, checked as the
// entry's recording command checks them (SPEC 1), and its journal line.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// The fields an amendment sets, in the order they were set (the order its
// `set` object is written in). The values are held as in an amend Entry:
// the field table's members, `set_at_text` for the time; a field set and
// absent clears it (written as null).
class Amendment {
public:
    void set(std::uint32_t bit);  // a Field bit; the value goes in values()
    void set_at(Seconds at, const date::time_zone* zone);
    bool empty() const { return order_.empty(); }
    const std::vector<std::uint32_t>& order() const { return order_; }
    Entry& values() { return values_; }
    const Entry& values() const { return values_; }
    // The `set` object, values written through the field table.
    nlohmann::ordered_json json(const date::time_zone* zone) const;

private:
    Entry values_;
    std::vector<std::uint32_t> order_;
};

// `log edit`'s options as typed: empty when not given.
struct EditRequest {
    std::string amount, at, left, right, duration, milk;
    std::string pumped;  // a store's: when its milk was expressed
    std::string place;   // a store's place (--in) or a move's (--to)
    std::string label;   // a store's label; the caller checks it is free in the stash
    std::optional<std::string> reason;  // a discard's reason (given, even empty: removed)
    std::string baby;  // a feed's baby, resolved against config babies by the caller
    std::optional<std::string> note;  // given, even empty: "--note ''" clears the note
    bool force = false, bottle = false, breast = false;
};

// The correction of `target` (an event this version knows) that the options
// ask for; usage error for an option that does not go with the entry, an
// implausible value (unless forced) or nothing to change. Bare numbers are in `bare`.
Amendment amendment(const EditRequest& request, const Entry& target, const Clock& clock, Unit bare);

// The correction of `store`, the container `add --store` filled from `pump`, that follows the
// pump's correction to `corrected`: its stored and pumped times where they were the pump's, its
// volume where it was the whole pump's. Nullopt when the container keeps what it had.
std::optional<Amendment> stored_follows(const Entry& pump, const Entry& corrected, const Entry& store,
                                       const date::time_zone* zone);

// The correction of `use`, the one use that poured the bottle of `feed` from the stash (`log feed
// --from-stock`, nothing left over), that follows the feed's new amount; nullopt when it keeps its own.
std::optional<Amendment> use_follows(const Entry& feed, const Entry& corrected, const Entry& use);

Line amend_line(std::string_view target, const Amendment& set, Seconds now, std::string_view id,
                const date::time_zone* zone);

}  // namespace pumplog
