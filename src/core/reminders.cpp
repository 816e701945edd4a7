#include "pumplog/reminders.hpp"

namespace pumplog {

std::string reminder_key(const NextPump& next) {
    return "pump " + format_rfc3339(next.pump.at, std::chrono::seconds(0));
}

bool should_remind(const NextPump& next, Seconds now, std::chrono::minutes remind_again, const Announcement& said) {
    if (said.times <= 0) return true;
    return said.times == 1 && next.overdue && now >= std::max(next.pump.at, said.last) + remind_again;
}

}  // namespace pumplog
