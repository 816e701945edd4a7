#include "logged_pumps.hpp"

#include <algorithm>

namespace pumplog {

namespace {

std::optional<Volume> pump_volume(const Entry& entry) {
    if (entry.ml) return counted_volume(entry.ml);
    if (entry.left_ml || entry.right_ml) return counted_volume(entry.left_ml) + counted_volume(entry.right_ml);
    return std::nullopt;
}

}  // namespace

std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now) {
    std::vector<LoggedPump> pumps;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant <= now) pumps.push_back({e.at.instant, e.at.local(), pump_volume(e)});
    std::stable_sort(pumps.begin(), pumps.end(), [](const LoggedPump& a, const LoggedPump& b) { return a.at < b.at; });
    return pumps;
}

}  // namespace pumplog
