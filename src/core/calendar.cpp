#include "pumplog/calendar.hpp"

#include <fmt/format.h>

#include "pumplog/text.hpp"

namespace pumplog {

namespace {
// By date::weekday's C encoding: 0 is Sunday.
constexpr std::string_view weekday_names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday"};
}  // namespace

std::string_view weekday_name(date::weekday day) { return weekday_names[day.c_encoding()]; }

std::string weekday_abbreviation(date::weekday day) {
    std::string out(weekday_name(day).substr(0, 3));
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::optional<date::weekday> parse_weekday(std::string_view word) {
    const std::string w = lower(word);
    if (w.size() < 3) return std::nullopt;
    for (unsigned i = 0; i < 7; ++i)
        if (weekday_names[i].starts_with(w)) return date::weekday(i);
    return std::nullopt;
}

int minute_of_day(Seconds instant, const date::time_zone* zone) { return minute_of_day(to_local(instant, zone)); }

LocalSeconds local_midnight(date::sys_days day) { return LocalSeconds(day.time_since_epoch()); }

std::string format_minute_of_day(int minute) {
    if (minute < 0) return fmt::format("{:02d}:{:02d}", minute / 60 % 24, minute % 60);
    // The same two digits each by hand: a plan writes one for every feed it
    // covers, and fmt::format costs a thousand instructions a call.
    const int h = minute / 60 % 24, m = minute % 60;
    return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':', static_cast<char>('0' + m / 10),
            static_cast<char>('0' + m % 10)};
}

std::string day_label(date::sys_days day) {
    return fmt::format("{} {}", weekday_abbreviation(date::weekday(day)), format_date(day));
}

std::string day_label(Seconds instant, const date::time_zone* zone) { return day_label(local_day(instant, zone)); }

}  // namespace pumplog
