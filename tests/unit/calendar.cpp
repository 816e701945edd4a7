// The calendar in words (calendar.hpp): weekday names, minutes of the day, day labels.
#include <catch2/catch.hpp>

#include <string>

#include "helpers.hpp"
#include "pumplog/calendar.hpp"

using namespace pumplog;
using testing::instant;
using testing::zone;

TEST_CASE("weekday names, whole and short, from Sunday to Saturday") {
    std::string whole, short_names;
    for (unsigned i = 0; i < 7; ++i) {
        whole += std::string(weekday_name(date::weekday(i))) + " ";
        short_names += weekday_abbreviation(date::weekday(i)) + " ";
    }
    CHECK(whole == "sunday monday tuesday wednesday thursday friday saturday ");
    CHECK(short_names == "Sun Mon Tue Wed Thu Fri Sat ");
    CHECK(weekday_abbreviation(date::Monday) == "Mon");
}

TEST_CASE("a weekday is named by its name or a beginning of 3 letters or more, in any case") {
    CHECK(parse_weekday("monday") == date::Monday);
    CHECK(parse_weekday("mon") == date::Monday);
    CHECK(parse_weekday("Tues") == date::Tuesday);
    CHECK(parse_weekday("WEDNESDAY") == date::Wednesday);
    CHECK(parse_weekday("thu") == date::Thursday);
    CHECK(parse_weekday("sat") == date::Saturday);
    CHECK(parse_weekday("sun") == date::Sunday);
    CHECK_FALSE(parse_weekday("mo"));
    CHECK_FALSE(parse_weekday("m"));
    CHECK_FALSE(parse_weekday(""));
    CHECK_FALSE(parse_weekday("mondays"));
    CHECK_FALSE(parse_weekday("today"));
}

TEST_CASE("minute of the day: of a wall-clock time, and of an instant in its zone") {
    const date::sys_days day = date::year(2026) / 11 / 23;
    CHECK(minute_of_day(local_midnight(day)) == 0);
    CHECK(minute_of_day(local_midnight(day) + std::chrono::hours(7) + std::chrono::minutes(5)) == 425);
    CHECK(minute_of_day(local_midnight(day) + std::chrono::hours(23) + std::chrono::seconds(3599)) == 1439);
    // Seconds are dropped, not rounded.
    CHECK(minute_of_day(local_midnight(day) + std::chrono::seconds(59)) == 0);
    CHECK(minute_of_day(instant("2026-11-23T06:30:00Z"), zone("Europe/Berlin")) == 450);
    CHECK(minute_of_day(instant("2026-11-23T06:30:00Z"), zone("America/New_York")) == 90);
    // Before the epoch too.
    CHECK(minute_of_day(local_midnight(date::year(1969) / 12 / 31) + std::chrono::minutes(61)) == 61);
}

TEST_CASE("a minute of the day as HH-MM text") {
    CHECK(format_minute_of_day(0) == "00:00");
    CHECK(format_minute_of_day(425) == "07:05");
    CHECK(format_minute_of_day(1439) == "23:59");
    CHECK(format_minute_of_day(1440) == "00:00");
}

TEST_CASE("a day label is the short weekday and the date, of the local day in the zone") {
    CHECK(day_label(date::sys_days(date::year(2026) / 11 / 23)) == "Mon 2026-11-23");
    CHECK(day_label(date::sys_days(date::year(2026) / 11 / 29)) == "Sun 2026-11-29");
    // 23:30 UTC on a Monday is Tuesday in Berlin, still Monday in New York.
    CHECK(day_label(instant("2026-11-23T23:30:00Z"), zone("Europe/Berlin")) == "Tue 2026-11-24");
    CHECK(day_label(instant("2026-11-23T23:30:00Z"), zone("America/New_York")) == "Mon 2026-11-23");
}
