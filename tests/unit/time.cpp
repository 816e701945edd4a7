// Time expressions, zones and RFC 3339 (SPEC 1), across daylight-saving changes.
#include <catch2/catch.hpp>

#include <string>

#include "helpers.hpp"
#include "pumplog/error.hpp"
#include "pumplog/time.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using Catch::Matchers::Contains;
using testing::clock_at;
using testing::instant;
using testing::refusal;

namespace {

// Where `text` points, written in the clock's zone.
std::string point(const std::string& text, const Clock& clock) {
    return format_rfc3339(parse_time_point(text, clock), clock.zone);
}

// A span as "begin/end" in the clock's zone.
std::string span(const std::string& text, const Clock& clock) {
    const TimeSpan s = parse_time_span(text, clock);
    return format_rfc3339(s.begin, clock.zone) + "/" + format_rfc3339(s.end, clock.zone);
}

long long hours_of(const TimeSpan& s) { return std::chrono::duration_cast<std::chrono::hours>(s.end - s.begin).count(); }

// Saturday 2026-11-21, 14:05 in Berlin.
const Clock saturday = clock_at("2026-11-21T14:05:00+01:00");

}  // namespace

TEST_CASE("now is the clock's now, as a one-second point") {
    const TimeSpan s = parse_time_span("now", saturday);
    CHECK(s.begin == instant("2026-11-21T14:05:00+01:00"));
    CHECK(s.end - s.begin == std::chrono::seconds(1));
    CHECK(point("NOW", saturday) == "2026-11-21T14:05:00+01:00");
}

TEST_CASE("a clock time means the most recent such time not in the future") {
    CHECK(point("14:00", saturday) == "2026-11-21T14:00:00+01:00");
    CHECK(point("14:05", saturday) == "2026-11-21T14:05:00+01:00");  // now itself is not in the future
    // Up to a minute ahead is not in the future (another clock, typed to the minute: pumplog(1)).
    CHECK(point("14:06", saturday) == "2026-11-21T14:06:00+01:00");
    CHECK(point("14:06:01", saturday) == "2026-11-20T14:06:01+01:00");
    CHECK(point("14:07", saturday) == "2026-11-20T14:07:00+01:00");
    CHECK(point("14:30", saturday) == "2026-11-20T14:30:00+01:00");
    CHECK(point("00:00", saturday) == "2026-11-21T00:00:00+01:00");
    CHECK(point("23:59", saturday) == "2026-11-20T23:59:00+01:00");
    CHECK(point("6:30", saturday) == "2026-11-21T06:30:00+01:00");
    CHECK(point("14:04:30", saturday) == "2026-11-21T14:04:30+01:00");
}

TEST_CASE("a clock time just after midnight is today and just before midnight is yesterday") {
    const Clock after_midnight = clock_at("2026-11-21T00:10:00+01:00");
    CHECK(point("23:50", after_midnight) == "2026-11-20T23:50:00+01:00");
    CHECK(point("00:05", after_midnight) == "2026-11-21T00:05:00+01:00");
    CHECK(point("00:10", after_midnight) == "2026-11-21T00:10:00+01:00");
    CHECK(point("00:11", after_midnight) == "2026-11-21T00:11:00+01:00");  // a minute ahead
    CHECK(point("00:12", after_midnight) == "2026-11-20T00:12:00+01:00");
    const Clock before_midnight = clock_at("2026-11-21T23:55:00+01:00");
    CHECK(point("00:05", before_midnight) == "2026-11-21T00:05:00+01:00");
    CHECK(point("23:50", before_midnight) == "2026-11-21T23:50:00+01:00");
    CHECK(point("23:56", before_midnight) == "2026-11-21T23:56:00+01:00");  // a minute ahead
    CHECK(point("23:57", before_midnight) == "2026-11-20T23:57:00+01:00");
}

TEST_CASE("a clock time up to a minute ahead is today's in either notation and under the 12-hour rule") {
    const Clock half_past = clock_at("2026-11-21T14:05:30+01:00");
    CHECK(point("14:06", half_past) == "2026-11-21T14:06:00+01:00");
    CHECK(point("2:06pm", half_past) == "2026-11-21T14:06:00+01:00");
    CHECK(point("00:01", clock_at("2026-11-21T00:00:30+01:00")) == "2026-11-21T00:01:00+01:00");
    // 11:01 at 11:00 is not 23:01 yesterday: the time read is today's, under 12 hours from now.
    const TimeReading r = read_time("11:01", clock_at("2026-11-21T11:00:00+01:00"));
    CHECK(format_rfc3339(r.span.begin, saturday.zone) == "2026-11-21T11:01:00+01:00");
    CHECK(r.note.empty());
}

TEST_CASE("a clock time up to a minute ahead across midnight is tomorrow's") {
    // The most recent such time at or before now + 1 minute, whatever the date (pumplog(1)).
    const Clock half_a_minute_before = clock_at("2026-11-21T23:59:30+01:00");
    CHECK(point("00:00", half_a_minute_before) == "2026-11-22T00:00:00+01:00");
    CHECK(point("midnight", half_a_minute_before) == "2026-11-22T00:00:00+01:00");
    CHECK(point("12:00am", half_a_minute_before) == "2026-11-22T00:00:00+01:00");
    CHECK(point("00:00:30", half_a_minute_before) == "2026-11-22T00:00:30+01:00");  // exactly a minute ahead
    CHECK(point("00:00:31", half_a_minute_before) == "2026-11-21T00:00:31+01:00");
    CHECK(point("00:01", half_a_minute_before) == "2026-11-21T00:01:00+01:00");
    // 00:00 at 23:59:00 is exactly a minute ahead, so tomorrow's; at 23:58:59 it is 61 s ahead, so today's.
    CHECK(point("00:00", clock_at("2026-11-21T23:59:00+01:00")) == "2026-11-22T00:00:00+01:00");
    CHECK(point("00:00", clock_at("2026-11-21T23:58:59+01:00")) == "2026-11-21T00:00:00+01:00");
    // The 12-hour reading shares the rule: an ambiguous time under 12 hours back is as typed.
    const TimeReading r = read_time("12:00", half_a_minute_before);
    CHECK(format_rfc3339(r.span.begin, saturday.zone) == "2026-11-21T12:00:00+01:00");
    CHECK(r.note.empty());
    // Santiago skips 00:00-01:00 on 2026-09-06: 00:00 at 23:59:30 moves forward by the gap to the
    // instant 30 s ahead, tomorrow's 01:00.
    const Clock before_gap = clock_at("2026-09-05T23:59:30-04:00", "America/Santiago");
    CHECK(point("00:00", before_gap) == "2026-09-06T01:00:00-03:00");
    // Santiago repeats 23:00-24:00 on 2026-04-04: in the first pass 00:00 is an hour ahead, so
    // today's; in the second it is 30 s ahead, so tomorrow's.
    CHECK(point("00:00", clock_at("2026-04-04T23:59:30-03:00", "America/Santiago")) == "2026-04-04T00:00:00-03:00");
    CHECK(point("00:00", clock_at("2026-04-04T23:59:30-04:00", "America/Santiago")) == "2026-04-05T00:00:00-04:00");
}

TEST_CASE("12-hour clock times with am and pm") {
    CHECK(point("2:30pm", saturday) == "2026-11-20T14:30:00+01:00");
    CHECK(point("2:30 PM", saturday) == "2026-11-20T14:30:00+01:00");
    CHECK(point("1pm", saturday) == "2026-11-21T13:00:00+01:00");
    CHECK(point("12am", saturday) == "2026-11-21T00:00:00+01:00");
    CHECK(point("12:30am", saturday) == "2026-11-21T00:30:00+01:00");
    CHECK(point("12pm", saturday) == "2026-11-21T12:00:00+01:00");
    CHECK(point("12:45pm", saturday) == "2026-11-21T12:45:00+01:00");
    CHECK(point("11:59pm", saturday) == "2026-11-20T23:59:00+01:00");
    CHECK(point("7am", saturday) == "2026-11-21T07:00:00+01:00");
}

TEST_CASE("a day and a clock time: yesterday 22:10, 2026-11-21 22:10, monday 8am") {
    CHECK(point("yesterday 22:10", saturday) == "2026-11-20T22:10:00+01:00");
    CHECK(point("Yesterday 10:10pm", saturday) == "2026-11-20T22:10:00+01:00");
    CHECK(point("2026-11-21 22:10", saturday) == "2026-11-21T22:10:00+01:00");  // the future is for the caller to judge
    CHECK(point("2026-11-19 06:00", saturday) == "2026-11-19T06:00:00+01:00");
    CHECK(point("2026-11-19T06:00", saturday) == "2026-11-19T06:00:00+01:00");
    CHECK(point("monday 8am", saturday) == "2026-11-16T08:00:00+01:00");
    CHECK(point("today 6:30", saturday) == "2026-11-21T06:30:00+01:00");
}

TEST_CASE("a date stands for its whole local day") {
    CHECK(span("2026-11-20", saturday) == "2026-11-20T00:00:00+01:00/2026-11-21T00:00:00+01:00");
    CHECK(point("2026-11-20", saturday) == "2026-11-20T00:00:00+01:00");
}

TEST_CASE("RFC 3339 times keep their instant whatever their offset") {
    CHECK(point("2026-11-21T22:10:00+01:00", saturday) == "2026-11-21T22:10:00+01:00");
    CHECK(point("2026-11-21T10:10:00Z", saturday) == "2026-11-21T11:10:00+01:00");
    CHECK(point("2026-11-21T10:10:00z", saturday) == "2026-11-21T11:10:00+01:00");
    CHECK(point("2026-11-21T05:10:00-05:00", saturday) == "2026-11-21T11:10:00+01:00");
    CHECK(point("2026-11-21T15:40:00+05:30", saturday) == "2026-11-21T11:10:00+01:00");
    CHECK(point("2026-11-21 10:10:00.250Z", saturday) == "2026-11-21T11:10:00+01:00");
}

TEST_CASE("relative times: 20m ago, -2h, -7d, +1h") {
    CHECK(point("20m ago", saturday) == "2026-11-21T13:45:00+01:00");
    CHECK(point("1h30m ago", saturday) == "2026-11-21T12:35:00+01:00");
    CHECK(point("-2h", saturday) == "2026-11-21T12:05:00+01:00");
    CHECK(point("-7d", saturday) == "2026-11-14T14:05:00+01:00");
    CHECK(point("-90s", saturday) == "2026-11-21T14:03:30+01:00");
    CHECK(point("+1h", saturday) == "2026-11-21T15:05:00+01:00");
    CHECK(point("in 2h", saturday) == "2026-11-21T16:05:00+01:00");
}

TEST_CASE("today and yesterday are whole local days") {
    CHECK(span("today", saturday) == "2026-11-21T00:00:00+01:00/2026-11-22T00:00:00+01:00");
    CHECK(span("yesterday", saturday) == "2026-11-20T00:00:00+01:00/2026-11-21T00:00:00+01:00");
}

TEST_CASE("a weekday is its most recent day, today included") {
    CHECK(span("saturday", saturday) == "2026-11-21T00:00:00+01:00/2026-11-22T00:00:00+01:00");
    CHECK(span("monday", saturday) == "2026-11-16T00:00:00+01:00/2026-11-17T00:00:00+01:00");
    CHECK(span("tuesday", saturday) == "2026-11-17T00:00:00+01:00/2026-11-18T00:00:00+01:00");
    CHECK(span("wednesday", saturday) == "2026-11-18T00:00:00+01:00/2026-11-19T00:00:00+01:00");
    CHECK(span("thursday", saturday) == "2026-11-19T00:00:00+01:00/2026-11-20T00:00:00+01:00");
    CHECK(span("friday", saturday) == "2026-11-20T00:00:00+01:00/2026-11-21T00:00:00+01:00");
    CHECK(span("sunday", saturday) == "2026-11-15T00:00:00+01:00/2026-11-16T00:00:00+01:00");
    CHECK(span("Mon", saturday) == span("monday", saturday));
}

TEST_CASE("this week and last week are ISO weeks, Monday to Sunday") {
    CHECK(span("this week", saturday) == "2026-11-16T00:00:00+01:00/2026-11-23T00:00:00+01:00");
    CHECK(span("last week", saturday) == "2026-11-09T00:00:00+01:00/2026-11-16T00:00:00+01:00");
    const Clock sunday = clock_at("2026-11-22T23:59:00+01:00");
    CHECK(span("this week", sunday) == "2026-11-16T00:00:00+01:00/2026-11-23T00:00:00+01:00");
    const Clock monday = clock_at("2026-11-23T00:01:00+01:00");
    CHECK(span("this week", monday) == "2026-11-23T00:00:00+01:00/2026-11-30T00:00:00+01:00");
    CHECK(span("last week", monday) == "2026-11-16T00:00:00+01:00/2026-11-23T00:00:00+01:00");
    // The ISO week of New Year: Monday 2026-12-28 to Sunday 2027-01-03.
    const Clock new_year = clock_at("2027-01-01T12:00:00+01:00");
    CHECK(span("this week", new_year) == "2026-12-28T00:00:00+01:00/2027-01-04T00:00:00+01:00");
}

TEST_CASE("what is not a time is refused with a usage error naming the accepted forms") {
    for (const char* text : {"", "banana", "14", "1430", "25:00", "14:60", "14:5", "2026-02-30", "2026-13-01",
                             "yesterday 25:00", "yesterday banana", "-2", "+", "20 parsecs ago", "0am",
                             "13pm", "2:5pm", "2026-11-21 banana", "1e400", "2026-11-21T10:00:00+25:00",
                             "2026-11-21T10:00:00+01:00 junk"}) {
        INFO(text);
        CHECK_THAT(refusal([&] { parse_time_span(text, saturday); }),
                   Contains("is not a time; try 14:30, 2:30pm, \"yesterday 22:10\", 2026-11-21"));
    }
}

TEST_CASE("spring forward: a clock time in the gap moves forward by the gap") {
    const auto* berlin = testing::zone("Europe/Berlin");
    const auto* new_york = testing::zone("America/New_York");
    using namespace std::chrono;
    // Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
    const LocalSeconds berlin_gap = date::local_days(date::year(2026) / 3 / 29) + hours(2) + minutes(30);
    CHECK(format_rfc3339(to_instant(berlin_gap, berlin), berlin) == "2026-03-29T03:30:00+02:00");
    // New York: 2026-03-08 02:00 EST becomes 03:00 EDT.
    const LocalSeconds ny_gap = date::local_days(date::year(2026) / 3 / 8) + hours(2) + minutes(30);
    CHECK(format_rfc3339(to_instant(ny_gap, new_york), new_york) == "2026-03-08T03:30:00-04:00");
    // Through the parser.
    CHECK(point("02:30", clock_at("2026-03-29T12:00:00+02:00")) == "2026-03-29T03:30:00+02:00");
    CHECK(point("2026-03-08 02:30", clock_at("2026-03-08T12:00:00-04:00", "America/New_York")) ==
          "2026-03-08T03:30:00-04:00");
    // Times either side of the gap are untouched.
    CHECK(point("01:59", clock_at("2026-03-29T12:00:00+02:00")) == "2026-03-29T01:59:00+01:00");
    CHECK(point("03:00", clock_at("2026-03-29T12:00:00+02:00")) == "2026-03-29T03:00:00+02:00");
}

TEST_CASE("fall back: a repeated time takes its first occurrence, a bare clock time the most recent one") {
    using namespace std::chrono;
    const auto* berlin = testing::zone("Europe/Berlin");
    const auto* new_york = testing::zone("America/New_York");
    // Berlin: 2026-10-25 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    const LocalSeconds berlin_twice = date::local_days(date::year(2026) / 10 / 25) + hours(2) + minutes(30);
    CHECK(format_rfc3339(to_instant(berlin_twice, berlin), berlin) == "2026-10-25T02:30:00+02:00");
    // New York: 2026-11-01 02:00 EDT becomes 01:00 EST; 01:30 happens twice.
    const LocalSeconds ny_twice = date::local_days(date::year(2026) / 11 / 1) + hours(1) + minutes(30);
    CHECK(format_rfc3339(to_instant(ny_twice, new_york), new_york) == "2026-11-01T01:30:00-04:00");
    // A bare clock time is the most recent such time: the second occurrence once it has passed.
    CHECK(point("01:30", clock_at("2026-11-01T12:00:00-05:00", "America/New_York")) == "2026-11-01T01:30:00-05:00");
    CHECK(point("1:10", clock_at("2026-11-01T01:20:00-05:00", "America/New_York")) == "2026-11-01T01:10:00-05:00");
    CHECK(point("1:30", clock_at("2026-11-01T01:20:00-05:00", "America/New_York")) == "2026-11-01T01:30:00-04:00");
    CHECK(point("1:10", clock_at("2026-11-01T01:20:00-04:00", "America/New_York")) == "2026-11-01T01:10:00-04:00");
    CHECK(point("02:30", clock_at("2026-10-25T02:40:00+01:00")) == "2026-10-25T02:30:00+01:00");
    CHECK(point("2026-10-25 02:30", clock_at("2026-10-25T12:00:00+01:00")) == "2026-10-25T02:30:00+02:00");
    // The second occurrence written with its offset is kept as written.
    CHECK(point("2026-11-01T01:30:00-05:00", clock_at("2026-11-01T12:00:00-05:00", "America/New_York")) ==
          "2026-11-01T01:30:00-05:00");
}

TEST_CASE("a day across a daylight-saving change lasts 23 or 25 hours") {
    CHECK(hours_of(parse_time_span("2026-03-29", clock_at("2026-04-01T12:00:00+02:00"))) == 23);
    CHECK(hours_of(parse_time_span("2026-10-25", clock_at("2026-11-01T12:00:00+01:00"))) == 25);
    const Clock ny = clock_at("2026-11-21T12:00:00-05:00", "America/New_York");
    CHECK(hours_of(parse_time_span("2026-03-08", ny)) == 23);
    CHECK(hours_of(parse_time_span("2026-11-01", ny)) == 25);
    CHECK(hours_of(parse_time_span("2026-11-02", ny)) == 24);
    // "yesterday" on the Monday after fall back, and a week holding the change.
    CHECK(hours_of(parse_time_span("yesterday", clock_at("2026-10-26T12:00:00+01:00"))) == 25);
    CHECK(hours_of(parse_time_span("this week", clock_at("2026-10-25T12:00:00+01:00"))) == 7 * 24 + 1);
    CHECK(hours_of(parse_time_span("last week", clock_at("2026-04-01T12:00:00+02:00"))) == 7 * 24 - 1);
}

TEST_CASE("relative times count real elapsed time across a daylight-saving change") {
    // Two hours before 03:30 CEST on the spring-forward day is 00:30 CET (three hours of wall clock).
    CHECK(point("-2h", clock_at("2026-03-29T03:30:00+02:00")) == "2026-03-29T00:30:00+01:00");
    CHECK(point("-1d", clock_at("2026-03-29T12:00:00+02:00")) == "2026-03-28T11:00:00+01:00");
}

TEST_CASE("local days and their starts follow the zone") {
    const auto* berlin = testing::zone("Europe/Berlin");
    CHECK(format_date(local_day(instant("2026-11-20T23:30:00Z"), berlin)) == "2026-11-21");
    CHECK(format_date(local_day(instant("2026-11-20T22:59:59Z"), berlin)) == "2026-11-20");
    CHECK(start_of_local_day(date::sys_days(date::year(2026) / 3 / 29), berlin) == instant("2026-03-28T23:00:00Z"));
    CHECK(start_of_local_day(date::sys_days(date::year(2026) / 3 / 30), berlin) == instant("2026-03-29T22:00:00Z"));
}

TEST_CASE("RFC 3339 formatting writes the zone's offset at that instant") {
    const Seconds t = instant("2026-07-01T10:00:00Z");
    CHECK(format_rfc3339(t, testing::zone("Europe/Berlin")) == "2026-07-01T12:00:00+02:00");
    CHECK(format_rfc3339(instant("2026-01-01T10:00:00Z"), testing::zone("Europe/Berlin")) == "2026-01-01T11:00:00+01:00");
    CHECK(format_rfc3339(t, testing::zone("America/New_York")) == "2026-07-01T06:00:00-04:00");
    CHECK(format_rfc3339(t, testing::zone("Asia/Kolkata")) == "2026-07-01T15:30:00+05:30");
    CHECK(format_rfc3339(t, testing::zone("Asia/Kathmandu")) == "2026-07-01T15:45:00+05:45");
    CHECK(format_rfc3339(t, testing::zone("America/St_Johns")) == "2026-07-01T07:30:00-02:30");
    CHECK(format_rfc3339(t, testing::zone("UTC")) == "2026-07-01T10:00:00+00:00");
    CHECK(format_rfc3339(t, std::chrono::seconds(-9000)) == "2026-07-01T07:30:00-02:30");
}

TEST_CASE("RFC 3339 parsing keeps the offset it was written with") {
    const auto stamp = parse_rfc3339("2026-11-21T22:10:00+01:00");
    REQUIRE(stamp);
    CHECK(stamp->offset == std::chrono::hours(1));
    CHECK(stamp->instant == instant("2026-11-21T21:10:00Z"));
    CHECK(format_rfc3339(stamp->instant, stamp->offset) == "2026-11-21T22:10:00+01:00");
    const auto minus = parse_rfc3339("2026-11-21T22:10:00-03:30");
    REQUIRE(minus);
    CHECK(minus->offset == -std::chrono::minutes(210));
    CHECK(parse_rfc3339("2026-11-21T22:10:00+0100"));
    CHECK(parse_rfc3339("2026-12-31T23:59:60Z"));  // a leap second is its minute's last second
}

TEST_CASE("what is not RFC 3339 does not parse") {
    for (const char* text : {"", "2026-11-21", "2026-11-21T22:10:00", "2026-11-21T22:10:00+1", "2026-11-21X22:10:00Z",
                             "2026-11-21T24:00:00Z", "2026-02-29T10:00:00Z", "2026-11-21T22:10:00+01:00x",
                             "2026-11-21T22:10:00.Z", "26-11-21T22:10:00Z", "2026-11-21T22:10:00+24:00"}) {
        INFO(text);
        CHECK_FALSE(parse_rfc3339(text));
    }
}

TEST_CASE("the zone comes from TZ, a leading colon stripped, then config, then the system") {
    CHECK(resolve_zone("Europe/Berlin", "America/New_York")->name() == "Europe/Berlin");
    CHECK(resolve_zone(":Europe/Berlin", "")->name() == "Europe/Berlin");
    CHECK(resolve_zone(":/usr/share/zoneinfo/Asia/Tokyo", "")->name() == "Asia/Tokyo");
    CHECK(resolve_zone("", "America/New_York")->name() == "America/New_York");
    CHECK(resolve_zone(nullptr, "America/New_York")->name() == "America/New_York");
    CHECK(resolve_zone(nullptr, "") != nullptr);
}

TEST_CASE("a POSIX TZ string is refused with a usage error naming an IANA zone") {
    for (const char* tz : {"EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "<+03>-3", "JST-9"}) {
        INFO(tz);
        const std::string message = refusal([&] { resolve_zone(tz, ""); });
        CHECK_THAT(message, Contains("Europe/Berlin"));
        CHECK_THAT(message, Contains("POSIX"));
    }
}

TEST_CASE("an unknown zone name is refused with a usage error") {
    CHECK(refusal([] { resolve_zone("Mars/Olympus_Mons", ""); }) ==
          "\"Mars/Olympus_Mons\" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York");
    CHECK_THAT(refusal([] { resolve_zone(nullptr, "Nowhere/City"); }), Contains("not a known time zone"));
    CHECK_THAT(refusal([] { locate_zone("berlin"); }), Contains("not a known time zone"));
}

TEST_CASE("clock and date formatting for people") {
    const auto* berlin = testing::zone("Europe/Berlin");
    CHECK(format_clock(instant("2026-11-21T13:05:00Z"), berlin) == "14:05");
    CHECK(format_date_time(instant("2026-11-21T23:30:00Z"), berlin) == "2026-11-22 00:30");
    CHECK(format_date(date::sys_days(date::year(2026) / 1 / 2)) == "2026-01-02");
}

TEST_CASE("a clock time the spring-forward change skips moves forward by the gap, with a note that says so") {
    const Clock berlin = clock_at("2026-03-29T12:00:00+02:00");
    const TimeReading r = read_time("02:30", berlin);
    CHECK(format_rfc3339(r.span.begin, berlin.zone) == "2026-03-29T03:30:00+02:00");
    CHECK(r.note == "02:30 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:30");
    CHECK_FALSE(r.other_half);
    CHECK(read_time("2026-03-29 02:30:15", berlin).note ==
          "02:30:15 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at 03:30:15");
    CHECK(read_time("03:30", berlin).note.empty());
    CHECK(read_time("01:59", berlin).note.empty());
    const Clock new_york = clock_at("2026-03-08T12:00:00-04:00", "America/New_York");
    CHECK(read_time("02:05", new_york).note ==
          "02:05 does not exist on Sun 2026-03-08 (the clocks go from 02:00 to 03:00): logged at 03:05");
}

TEST_CASE("a range's bound the clocks skip or show twice is read with a note in a bound's words") {
    const Clock london = clock_at("2026-10-26T12:00:00Z", "Europe/London");
    const TimeReading twice = read_time("2026-10-25 01:30", london, TimeUse::bound);
    CHECK(format_rfc3339(twice.span.begin, london.zone) == "2026-10-25T01:30:00+01:00");
    CHECK(twice.note == "01:30 is twice on Sun 2026-10-25 (the clocks go back from 02:00 to 01:00): read as the "
                        "first, 2026-10-25T01:30:00+01:00; write 2026-10-25T01:30:00+00:00 for the second");
    // The way the note says to write the other is a time the parser takes, and it is the second.
    CHECK(point("2026-10-25T01:30:00+00:00", london) == "2026-10-25T01:30:00+00:00");
    CHECK(point("2026-10-25T01:30+00:00", london) == "2026-10-25T01:30:00+00:00");
    CHECK(read_time("2026-10-25T01:30+00:00", london, TimeUse::bound).note.empty());
    const TimeReading skipped = read_time("2026-03-29 01:30", london, TimeUse::bound);
    CHECK(format_rfc3339(skipped.span.begin, london.zone) == "2026-03-29T02:30:00+01:00");
    CHECK(skipped.note == "01:30 does not exist on Sun 2026-03-29 (the clocks go from 01:00 to 02:00): read as 02:30");
    // A record's reply says where it was logged, as before.
    CHECK(read_time("2026-03-29 01:30", london).note ==
          "01:30 does not exist on Sun 2026-03-29 (the clocks go from 01:00 to 02:00): logged at 02:30");
    CHECK(read_time("2026-10-25 02:30", london, TimeUse::bound).note.empty());
    CHECK(read_time("2026-10-25", london, TimeUse::bound).note.empty());
}

TEST_CASE("a date and time is shown with its offset only in the hour the clocks go back") {
    const auto* london = testing::zone("Europe/London");
    CHECK(format_date_time_told_apart(instant("2026-10-25T01:30:00+01:00"), london) == "2026-10-25 01:30 +01:00");
    CHECK(format_date_time_told_apart(instant("2026-10-25T01:30:00+00:00"), london) == "2026-10-25 01:30 +00:00");
    CHECK(format_date_time_told_apart(instant("2026-10-25T00:59:00+01:00"), london) == "2026-10-25 00:59");
    CHECK(format_date_time_told_apart(instant("2026-10-25T02:00:00+00:00"), london) == "2026-10-25 02:00");
    CHECK(format_date_time_told_apart(instant("2026-03-29T02:30:00+01:00"), london) == "2026-03-29 02:30");
    // Where the zone's clock never goes back, never.
    CHECK(format_date_time_told_apart(instant("2026-10-25T01:30:00Z"), testing::zone("UTC")) == "2026-10-25 01:30");
}

TEST_CASE("the 12-hour rule reads an ambiguous clock time over 12 hours back as the other half of the day") {
    const Clock small_hours = clock_at("2026-11-21T03:10:00+01:00");
    const TimeReading r = read_time("11:50", small_hours);
    CHECK(format_rfc3339(r.span.begin, small_hours.zone) == "2026-11-20T23:50:00+01:00");
    CHECK(r.other_half);
    CHECK(r.note == "\"11:50\" read as 23:50 (within the last 12 hours), not 11:50; write 11:50am to mean that");
    CHECK(point("12:30", small_hours) == "2026-11-21T00:30:00+01:00");
    CHECK(point("1:00", small_hours) == "2026-11-21T01:00:00+01:00");  // within 12 hours: as typed
    // written unambiguously: as typed, no note
    CHECK(point("11:50am", small_hours) == "2026-11-20T11:50:00+01:00");
    CHECK(point("09:00", small_hours) == "2026-11-20T09:00:00+01:00");  // a leading zero is 24-hour
    CHECK(point("14:00", small_hours) == "2026-11-20T14:00:00+01:00");
    CHECK(point("yesterday 11:50", small_hours) == "2026-11-20T11:50:00+01:00");
    CHECK(read_time("11:50am", small_hours).note.empty());
    CHECK(read_time("6:30", saturday).note.empty());
}

TEST_CASE("noon and midnight are clock times") {
    CHECK(point("noon", saturday) == "2026-11-21T12:00:00+01:00");
    CHECK(point("Midnight", saturday) == "2026-11-21T00:00:00+01:00");
    CHECK(point("yesterday noon", saturday) == "2026-11-20T12:00:00+01:00");
}

TEST_CASE("an event's time for a reply: the date when not today, the age when over an hour") {
    CHECK(describe_event_time(instant("2026-11-21T14:00:00+01:00"), saturday) == "at 14:00");
    CHECK(describe_event_time(instant("2026-11-21T13:05:00+01:00"), saturday) == "at 13:05");
    CHECK(describe_event_time(instant("2026-11-21T13:04:00+01:00"), saturday) == "at 13:04, 1 h 1 min ago");
    CHECK(describe_event_time(instant("2026-11-20T23:50:00+01:00"), clock_at("2026-11-21T03:10:00+01:00")) ==
          "yesterday 23:50, 3 h 20 min ago");
    CHECK(describe_event_time(instant("2026-11-18T09:00:00+01:00"), saturday) == "on 2026-11-18 09:00, 3 days ago");
}

TEST_CASE("times outside the years 1900 to 9998 are refused: no line pumplog cannot read back") {
    // 9999-12-31 23:59 UTC is 10000-01-01 in Berlin: a five-digit year is no RFC 3339 time.
    CHECK(refusal([] { parse_time_point("9999-12-31T23:59:59Z", saturday); }) ==
          "\"9999-12-31T23:59:59Z\" is outside the years pumplog records (1900 to 9998)");
    CHECK(refusal([] { parse_time_point("0001-01-01", saturday); }) ==
          "\"0001-01-01\" is outside the years pumplog records (1900 to 9998)");
    CHECK(refusal([] { parse_time_point("1899-12-31 23:00", saturday); }) ==
          "\"1899-12-31 23:00\" is outside the years pumplog records (1900 to 9998)");
    CHECK(parse_time_point("9998-12-31T10:00:00Z", saturday) == instant("9998-12-31T10:00:00Z"));
    CHECK(parse_time_point("1900-01-01T12:00:00Z", saturday) == instant("1900-01-01T12:00:00Z"));
    // The first and last days whole, in zones either side of UTC.
    const Clock new_york = clock_at("2026-11-21T08:05:00-05:00", "America/New_York");
    CHECK_NOTHROW(parse_time_span("9998-12-31", new_york));
    CHECK_NOTHROW(parse_time_span("1900-01-01", saturday));
    for (const Clock& c : {new_york, saturday})
        CHECK(refusal([&] { parse_time_span("9999-01-01", c); }) ==
              "\"9999-01-01\" is outside the years pumplog records (1900 to 9998)");
}
}  // namespace PUMPLOG_UNITY_ID
