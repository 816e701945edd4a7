#include "pumplog/reminders.hpp"

#include <algorithm>

#include "pumplog/plan_mode.hpp"

namespace pumplog {

std::string reminder_key(const NextPump& next) {
    return "pump " + format_rfc3339(next.pump.at, std::chrono::seconds(0));
}

const Entry* skip_of(const std::vector<Entry>& entries, const NextPump& next, const Settings& settings) {
    const auto tolerance = std::chrono::duration_cast<std::chrono::seconds>(settings.min_gap) / 2;
    for (const Entry& e : entries)
        if (e.type == EntryType::skip && e.at.instant >= next.pump.at - tolerance &&
            e.at.instant <= next.pump.at + tolerance)
            return &e;
    return nullptr;
}

std::optional<NextPump> next_pump_to_do(const std::vector<Entry>& entries, const Settings& settings,
                                        const Clock& clock) {
    std::optional<NextPump> next = next_pump_in_mode(entries, settings, clock);
    // An overdue pump's skip is at or before now: the planner counted it already.
    // Bounded: a week of pumps skipped ahead at most.
    for (int passed = 0; passed < 64 && next && !next->overdue; ++passed) {
        const Entry* skip = skip_of(entries, *next, settings);
        if (!skip) break;
        Clock then = clock;
        then.now = std::max(next->pump.at, skip->at.instant);  // the skip counts from its time on
        std::optional<NextPump> after = next_pump_in_mode(entries, settings, then);
        if (after && after->pump.at <= next->pump.at) break;  // not passed over: keep what the planner said
        if (after) after->overdue = false;  // after the skipped pump, so ahead of now
        next = after;
    }
    return next;
}

bool should_remind(const NextPump& next, Seconds now, std::chrono::minutes remind_again, const Announcement& said) {
    if (said.times <= 0) return true;
    return said.times == 1 && next.overdue && now >= std::max(next.pump.at, said.last) + remind_again;
}

}  // namespace pumplog
