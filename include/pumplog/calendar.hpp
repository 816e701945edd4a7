#pragma once
// The calendar in words, written once: weekday names, the time of day as
// minutes after local midnight, and the labels of days in plans.
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "pumplog/time.hpp"

namespace pumplog {

inline constexpr int minutes_per_day = 24 * 60;

// "monday" .. "sunday": the whole name, lower case.
std::string_view weekday_name(date::weekday day);
// "Mon" .. "Sun": the short name people read in tables and plans.
std::string weekday_abbreviation(date::weekday day);
// The weekday a word names: its whole name or a beginning of it, 3 letters at
// least, in any case ("mon", "Tues", "WEDNESDAY"); nullopt otherwise.
std::optional<date::weekday> parse_weekday(std::string_view word);

// Minutes after local midnight (0-1439) of a wall-clock time, or of an instant in `zone`. Inline: a plan
// asks it thousands of times (the timetable's gaps, day or night).
inline int minute_of_day(LocalSeconds local) {
    return static_cast<int>(date::floor<std::chrono::minutes>(local - date::floor<date::days>(local)).count());
}
int minute_of_day(Seconds instant, const date::time_zone* zone);
// The wall-clock time of local midnight on `day`.
LocalSeconds local_midnight(date::sys_days day);
// "07:05" for minutes after local midnight (1440, the next midnight, is "00:00").
std::string format_minute_of_day(int minute);

// "Mon 2026-11-23": a local day in plans; of an instant, its local day in `zone`.
std::string day_label(date::sys_days day);
std::string day_label(Seconds instant, const date::time_zone* zone);

}  // namespace pumplog
