#pragma once
// The clock and the zone, RFC 3339, and the time expressions people type.
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pumplog {

using Seconds = date::sys_seconds;         // an instant
using LocalSeconds = date::local_seconds;  // a wall-clock time, no zone

// Where and when "now" is: every now-relative computation takes one of these.
struct Clock {
    Seconds now;
    const date::time_zone* zone = nullptr;
};

// The zone: TZ (an IANA name, a leading ':' stripped) when set and non-empty,
// else `configured` when non-empty, else the system's. A POSIX TZ string or an
// unknown name is a usage error naming an IANA zone to use instead.
const date::time_zone* resolve_zone(const char* tz_env, std::string_view configured);
// One IANA zone by name; usage error when unknown.
const date::time_zone* locate_zone(std::string_view name);
// The IANA names this system's tzdata lists (its zones and the links to them,
// from /usr/share/zoneinfo/tzdata.zi) whose files are installed, sorted; none
// without that file. For completion.
std::vector<std::string> zone_names();

// The instant of a wall-clock time. A time in a spring-forward gap moves forward
// by the gap (02:30 that does not exist becomes 03:30); a repeated time in a
// fall-back overlap takes its first occurrence.
Seconds to_instant(LocalSeconds local, const date::time_zone* zone);
LocalSeconds to_local(Seconds instant, const date::time_zone* zone);
// Offset from UTC in effect at an instant.
std::chrono::seconds offset_at(Seconds instant, const date::time_zone* zone);

// "2026-11-21T22:10:00+01:00": the instant with the zone's offset at that instant.
std::string format_rfc3339(Seconds instant, const date::time_zone* zone);
// The same with a given offset.
std::string format_rfc3339(Seconds instant, std::chrono::seconds offset);

// A parsed RFC 3339 time: the instant and the offset it was written with.
struct Stamp {
    Seconds instant;
    std::chrono::seconds offset{0};
    LocalSeconds local() const { return LocalSeconds(instant.time_since_epoch() + offset); }
    bool operator==(const Stamp&) const = default;
};
// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)" (also a space for T and a
// lower-case t/z); nullopt when it is not one.
std::optional<Stamp> parse_rfc3339(std::string_view text);

// How far ahead of now a time may be and still count as not in the future: the
// clock it was read from (a phone, the pump's display) may run a little ahead of
// the computer's, and times are typed to the minute (pumplog(1), "Implausible
// values": `--at 14:06` at 14:05:30 is recorded as given). The one allowance for
// reading a bare clock time and for refusing a future entry, so the two agree.
inline constexpr std::chrono::minutes ahead_allowance{1};

// A span of time [begin, end): a time expression's (a point has end == begin +
// 1s), a plan's range, an away window's occurrence.
struct TimeSpan {
    Seconds begin;
    Seconds end;
    bool contains(Seconds t) const { return t >= begin && t < end; }
    bool overlaps(const TimeSpan& other) const { return begin < other.end && end > other.begin; }
};

// A time expression (SPEC 1): "now", "14:30", "2:30pm", "yesterday 22:10",
// "2026-11-21 22:10", "2026-11-21", RFC 3339, "20m ago", "-2h", "-7d", "+1h",
// and the range words "today", "yesterday", "monday".."sunday", "this week",
// "last week", "this month", "last month". A date or a range word stands for
// its whole local day (or week, month); a clock time means the most recent such
// time not in the future (up to ahead_allowance ahead is not; see read_time for the 12-hour rule); "noon" and
// "midnight" are clock times. Throws a usage error naming accepted forms otherwise.
TimeSpan parse_time_span(std::string_view text, const Clock& clock);
// The same with what the reader should be told about how it was read: a bare
// clock time that could be either half of the day ("11:50", an hour of 1 to 12
// without am/pm or a leading zero) and would land more than 12 hours back is
// read as the other half when that is under 12 hours back (SPEC 10: typed at
// 03:10, "11:50" is 23:50 yesterday), and `note` says so; empty otherwise.
// A clock time the spring-forward change skips moves forward by the gap, and `note` says so too; so does a
// time the fall-back change repeats (which of the two was taken, and how to write the other with its offset).
struct TimeReading {
    TimeSpan span;
    std::string note;
    bool other_half = false;  // read by the 12-hour rule as the other half of the day
    TimeReading(TimeSpan s, std::string n = {}, bool other = false)  // NOLINT: implicit
        : span(s), note(std::move(n)), other_half(other) {}
};
// How a note words the instant a reading took: a recording command's reply
// says the event was "logged at" it, a range's bound (`log --since`, `--until`)
// that the time was "read as" it.
enum class TimeUse : std::uint8_t { record, bound };
TimeReading read_time(std::string_view text, const Clock& clock, TimeUse use = TimeUse::record);
// read_time's note for a local time `typed` taken as the instant `at`: the spring-forward change skips it (moved
// forward by the gap to `at`), or the fall-back change repeats it (`at` is in the first or the second of the
// two, and how to write the other); empty for a time the clocks show once. For a reading matched afterwards to
// one of the two (pump stop --started 02:30 names a timer started at either).
std::string reading_note(LocalSeconds typed, Seconds at, const date::time_zone* zone, TimeUse use);
// When an event was, for a reply (SPEC 10): "at 14:30" today, "yesterday 23:50",
// "on 2026-11-19 08:00", then its age when over an hour: ", 3 h 20 min ago",
// ", 3 days ago" (from 2 days).
std::string describe_event_time(Seconds at, const Clock& clock);
// The same without the age: "at 14:30", "yesterday 23:50", "on 2026-11-19 08:00"
// (a timed session's reply, whose length is said instead).
std::string describe_event_day(Seconds at, const Clock& clock);
// The instant of an expression: a point, or the beginning of a day/range.
Seconds parse_time_point(std::string_view text, const Clock& clock);

// The local calendar day of a local time, and its start as an instant.
date::sys_days local_day(Seconds instant, const date::time_zone* zone);
Seconds start_of_local_day(date::sys_days day, const date::time_zone* zone);

// "14:05" for an instant in the zone.
std::string format_clock(Seconds instant, const date::time_zone* zone);
// "2026-11-21 14:05" for an instant in the zone.
std::string format_date_time(Seconds instant, const date::time_zone* zone);
// The same with the offset, "2026-10-25 01:30 +00:00", when the zone shows that
// local time twice (the hour repeated when the clocks go back): the two are told
// apart, and the offset is how to write either (`--since 2026-10-25T01:30+00:00`).
std::string format_date_time_told_apart(Seconds instant, const date::time_zone* zone);
// "14:05" when the instant is today in the clock's zone, else "2026-11-20 23:50" (as log shows it).
std::string format_clock_or_date_time(Seconds instant, const Clock& clock);
// "14:05"; in the hour a fall-back night repeats, with the UTC offset in effect, "02:30 (+02:00)" (the first)
// or "02:30 (+01:00)" (the second), so "the 02:30 pump" names one of the two: a planned pump's time (the plan
// table, plan next, plan skip, the advice), the feeds a pump covers, status's times.
std::string format_clock_told_apart(Seconds instant, const date::time_zone* zone);
// " (+02:00)": the UTC offset in effect at an instant whose local time the zone shows twice; "" otherwise.
std::string repeated_offset(Seconds instant, const date::time_zone* zone);
// format_clock_or_date_time's text with the offset in the repeated hour: "2026-10-25 02:30 (+01:00)".
std::string format_clock_or_date_time_told_apart(Seconds instant, const Clock& clock);
// "2026-11-21".
std::string format_date(date::sys_days day);

}  // namespace pumplog
