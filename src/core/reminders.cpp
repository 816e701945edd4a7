#include "pumplog/reminders.hpp"

namespace pumplog {

std::string reminder_key(const NextPump& next) {
    return "pump " + format_rfc3339(next.pump.at, std::chrono::seconds(0));
}

bool should_remind(const NextPump& next, Seconds now, std::chrono::minutes remind_again, int times_announced) {
    if (times_announced <= 0) return true;
    return times_announced == 1 && next.overdue && now >= next.pump.at + remind_again;
}

}  // namespace pumplog
