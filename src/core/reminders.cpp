#include "pumplog/reminders.hpp"

#include <algorithm>
#include <optional>

namespace pumplog {

std::string reminder_key(const NextPump& next, std::string_view baby) {
    std::string key = "pump " + format_rfc3339(next.pump.at, std::chrono::seconds(0));
    if (!baby.empty()) key.append(" for ").append(baby);
    return key;
}

std::string reminder_key(const NextPump& next, const Announced& announced, const Settings& settings,
                         std::string_view baby) {
    const auto tolerance = settings.same_pump_within();
    std::string key = reminder_key(next, baby);
    if (announced.contains(key)) return key;
    const std::string scope = baby.empty() ? std::string() : " for " + std::string(baby);
    std::optional<std::chrono::seconds> closest;
    for (const auto& [said, announcement] : announced) {
        if (!said.starts_with("pump ") || announcement.times <= 0) continue;
        // "pump TIME" or "pump TIME for NAME": only the pumps of the same plan (a --baby job's are its own).
        const std::string_view rest = std::string_view(said).substr(5);
        const auto space = rest.find(' ');
        const std::string_view time = rest.substr(0, space);
        const std::string_view whose = space == std::string_view::npos ? std::string_view() : rest.substr(space);
        if (whose != scope) continue;
        const auto stamp = parse_rfc3339(std::string(time));
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
