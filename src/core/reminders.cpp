#include "pumplog/reminders.hpp"

#include <algorithm>
#include <optional>

namespace pumplog {

std::string reminder_key(const NextPump& next) {
    return "pump " + format_rfc3339(next.pump.at, std::chrono::seconds(0));
}

std::string reminder_key(const NextPump& next, const Announced& announced, const Settings& settings) {
    const auto tolerance = settings.same_pump_within();
    std::string key = reminder_key(next);
    if (announced.contains(key)) return key;
    std::optional<std::chrono::seconds> closest;
    for (const auto& [said, announcement] : announced) {
        if (!said.starts_with("pump ") || announcement.times <= 0) continue;
        const auto stamp = parse_rfc3339(std::string_view(said).substr(5));
        if (!stamp) continue;
        const auto apart = stamp->instant > next.pump.at ? stamp->instant - next.pump.at : next.pump.at - stamp->instant;
        if (apart > tolerance || (closest && apart >= *closest)) continue;
        closest = apart;
        key = said;
    }
    return key;
}

const Entry* skip_of(const std::vector<Entry>& entries, const NextPump& next, const Settings& settings) {
    const auto tolerance = settings.same_pump_within();
    for (const Entry& e : entries)
        if (e.type == EntryType::skip && e.at.instant >= next.pump.at - tolerance &&
            e.at.instant <= next.pump.at + tolerance)
            return &e;
    return nullptr;
}

bool should_remind(const NextPump& next, Seconds now, std::chrono::minutes remind_again, const Announcement& said) {
    if (said.times <= 0) return true;
    return said.times == 1 && next.overdue && now >= std::max(next.pump.at, said.last) + remind_again;
}

}  // namespace pumplog
