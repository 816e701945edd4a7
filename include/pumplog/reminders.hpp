#pragma once
// Reminders that remind once (SPEC 10): `plan next --within` under cron
// announces a due pump once, and once more when it is overdue by
// `remind_again`; `stock expiring` names a container once. What was already
// said is kept by the command (a state file, see pumplog-plan(1)) as counts
// per key; these functions decide, purely.
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/settings.hpp"

namespace pumplog {

// A key already announced: how many times, and when last.
struct Announcement {
    int times = 0;
    Seconds last{};
};
using Announced = std::map<std::string, Announcement>;

// The key of a planned pump: its time, RFC 3339 in UTC; for the plan of one
// baby's feeds (`plan next --baby NAME`), " for NAME" after it, so a job per
// baby and one for all count their own pumps (each plan's pumps are its own).
std::string reminder_key(const NextPump& next, std::string_view baby = {});
// The key to count `next`'s announcements under: that of a pump already
// announced within half `min_gap` of its time (the closest), else its own. A
// feed logged since may move the planned pump by a few minutes; it is still
// the pump announced (planned pumps are at least min_gap apart), not a new one
// to announce again.
std::string reminder_key(const NextPump& next, const Announced& announced, const Settings& settings,
                         std::string_view baby = {});

// The skip line (`plan skip`) of the planned pump `next`: one within half
// `min_gap` of its time (pumps are at least min_gap apart, so it is this
// pump's), or nullptr when it was not skipped.
const Entry* skip_of(const std::vector<Entry>& entries, const NextPump& next, const Settings& settings);

// Whether to announce `next` now, given what was announced: the first time
// always; once more when it is overdue and `remind_again` has passed since
// its time and since the first announcement; never a third time.
bool should_remind(const NextPump& next, Seconds now, std::chrono::minutes remind_again, const Announcement& said);

}  // namespace pumplog
