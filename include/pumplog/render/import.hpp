#pragma once
// What `log import` did, or would do, for people.
#include <string>

#include "pumplog/import.hpp"

namespace pumplog::render {

// The summary every import ends with: entries per type, rows skipped per
// reason, and the problem rows with their file and line: the first few, or
// all of them for a dry run.
std::string import_summary(const ImportResult& result, bool dry_run);

// The entries an import would add (--dry-run), oldest first: when (in `zone`, the journal's display zone),
// whose feed (when any entry has a baby), what, the source row.
std::string import_listing(const ImportResult& result, Unit unit, const date::time_zone* zone);

}  // namespace pumplog::render
