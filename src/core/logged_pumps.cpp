#include "logged_pumps.hpp"

#include <algorithm>

namespace pumplog {

std::vector<LoggedPump> logged_pumps(const std::vector<Entry>& entries, Seconds now) {
    std::vector<LoggedPump> pumps;
    for (const Entry& e : entries)
        if (e.type == EntryType::pump && e.at.instant <= now) pumps.push_back({e.at.instant, e.at.local(), pump_volume(e)});
    std::stable_sort(pumps.begin(), pumps.end(), [](const LoggedPump& a, const LoggedPump& b) { return a.at < b.at; });
    return pumps;
}

}  // namespace pumplog
