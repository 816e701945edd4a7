#pragma once
// Journal entries for people (a table) and for scripts (JSON, CSV; SPEC 7).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pumplog/entry.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/units.hpp"

namespace pumplog::render {

struct ListedEntry {
    const Entry* entry;
    std::string ref;
    bool voided = false;
    std::string label;  // a stash event's container label (empty: unknown)
};

// The entry's journal fields (unknown ones kept, amendments applied), plus
// `ref` (and `"voided": true` when voided); volumes in `unit` with `_oz` keys.
nlohmann::ordered_json entry_json(const ListedEntry& listed, Unit unit);
std::string entries_json(const std::vector<ListedEntry>& entries, Unit unit);
// ref,id,type,at,ml,left_ml,right_ml,dur_s,method,milk,place,label,note, and with
// `with_voided` (log --all) a trailing `voided` column of true/false (SPEC 7).
std::string entries_csv(const std::vector<ListedEntry>& entries, Unit unit, bool with_voided = false);
std::string entries_table(const std::vector<ListedEntry>& entries, Unit unit, const Style& style,
                          const date::time_zone* zone);
// "pump 90 ml (L 40 / R 50)", "bottle 120 ml of formula", "breast L 12 min / R 8 min"
// A stash event names its container by `label` ("moved B1 to the fridge",
// "used 60 ml of B1"); by the end of its id when the label is unknown.
std::string describe(const Entry& entry, Unit unit, std::string_view label = {});
// " for Ben": the baby a feed names (SPEC 12), for a reply about one entry; "" otherwise.
std::string for_baby(const Entry& entry);

}  // namespace pumplog::render
