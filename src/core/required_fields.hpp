#pragma once
// SPEC 3's required fields (fields.hpp's `requirements`, a pump's volume or
// length, a bottle's volume or milk, an amendment's `set`, a `target`), as
// every reader and `log check` judge them: a line that lacks one is a bad line
// for all of them alike, worded once (missing_fields), so that `log check
// --repair` never changes what a report, status or plan counts.
#include <string>
#include <vector>

#include <simdjson.h>

#include "pumplog/entry.hpp"

namespace pumplog {

// Whether an entry read whole may lack a field its type requires. Cheap, and
// on the safe side: true also for the few lines the DOM then finds complete
// (a `"milk":""`, whose key is there, or an amendment of `"set":{}`); false
// means none is missing. Written out rather than walked from the table: every
// line pays for it (tests/unit/check.cpp compares it with the table).
inline bool may_lack_required(const Entry& e) {
    switch (e.type) {
        case EntryType::pump: return !e.ml && !e.dur_s;
        case EntryType::feed: return e.method.empty() || (e.method == FeedMethod::bottle && !e.ml && e.milk.empty());
        case EntryType::store: return !e.ml || e.place.empty();
        case EntryType::move: return e.place.empty() || e.target.empty();
        case EntryType::use: return !e.ml || e.target.empty();
        case EntryType::discard:
        case EntryType::void_: return e.target.empty();
        case EntryType::amend: return e.target.empty() || e.set_fields == 0;
        case EntryType::timer: return e.action.empty();
        case EntryType::skip:
        case EntryType::unknown: return false;
    }
    return false;
}

// What a line (its DOM) of a known type lacks, as `log check` words it
// (`no "ml" (a pump records a volume, or dur_s when its volume is unknown)`),
// appended to `out` in the order check lists them; nothing when it lacks none.
void missing_fields(simdjson::dom::element object, EntryType type, std::vector<std::string>& out);

}  // namespace pumplog
