#include "pumplog/time.hpp"

#include <cctype>
#include <fmt/format.h>

#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// The zones themselves (locate_zone, resolve_zone) are read in zone.cpp.

Seconds to_instant(LocalSeconds local, const date::time_zone* zone) {
    const date::local_info info = zone->get_info(local);
    // unique and ambiguous (first occurrence): the first offset; nonexistent: the
    // offset before the gap, which moves the time forward by the gap's length.
    return Seconds(local.time_since_epoch() - info.first.offset);
}

LocalSeconds to_local(Seconds instant, const date::time_zone* zone) {
    return LocalSeconds(instant.time_since_epoch() + offset_at(instant, zone));
}

seconds offset_at(Seconds instant, const date::time_zone* zone) { return zone->get_info(instant).offset; }

namespace {
void append_2(std::string& out, unsigned value) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
}
}  // namespace

std::string format_rfc3339(Seconds instant, seconds offset) {
    const LocalSeconds local(instant.time_since_epoch() + offset);
    const auto day = date::floor<days>(local);
    const date::year_month_day ymd(day);
    const date::hh_mm_ss<seconds> tod(local - day);
    std::string out;
    out.reserve(25);
    const int year = static_cast<int>(ymd.year());
    out += fmt::format("{:04d}-", year);
    append_2(out, static_cast<unsigned>(ymd.month()));
    out += '-';
    append_2(out, static_cast<unsigned>(ymd.day()));
    out += 'T';
    append_2(out, static_cast<unsigned>(tod.hours().count()));
    out += ':';
    append_2(out, static_cast<unsigned>(tod.minutes().count()));
    out += ':';
    append_2(out, static_cast<unsigned>(tod.seconds().count()));
    long long off = offset.count() / 60;
    out += off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    append_2(out, static_cast<unsigned>(off / 60));
    out += ':';
    append_2(out, static_cast<unsigned>(off % 60));
    return out;
}

std::string format_rfc3339(Seconds instant, const date::time_zone* zone) {
    return format_rfc3339(instant, offset_at(instant, zone));
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& value) {
    if (pos + n > s.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

// "YYYY-MM-DD" at the start of s; nullopt when not a valid date.
std::optional<date::year_month_day> parse_date_prefix(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return std::nullopt;
    const date::year_month_day ymd{date::year(y), date::month(static_cast<unsigned>(m)),
                                   date::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// "HH:MM[:SS[.fff]]" at s[pos..]; returns the end position, 0 when not a time.
std::size_t parse_hms(std::string_view s, std::size_t pos, seconds& out) {
    int h = 0, mi = 0, sec = 0;
    if (!digits(s, pos, 2, h) || pos + 2 >= s.size() || s[pos + 2] != ':' || !digits(s, pos + 3, 2, mi)) return 0;
    std::size_t end = pos + 5;
    if (end < s.size() && s[end] == ':') {
        if (!digits(s, end + 1, 2, sec)) return 0;
        end += 3;
        if (end < s.size() && (s[end] == '.' || s[end] == ',')) {
            ++end;
            const std::size_t start = end;
            while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
            if (end == start) return 0;
        }
    }
    if (h > 23 || mi > 59 || sec > 60) return 0;
    if (sec == 60) sec = 59;  // leap second: the last second of the minute
    out = hours(h) + minutes(mi) + seconds(sec);
    return end;
}

}  // namespace

std::optional<Stamp> parse_rfc3339(std::string_view s) {
    const auto ymd = parse_date_prefix(s);
    if (!ymd || s.size() < 16) return std::nullopt;
    const char sep = s[10];
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    seconds tod{};
    std::size_t pos = parse_hms(s, 11, tod);
    if (pos == 0 || pos >= s.size()) return std::nullopt;
    seconds offset{0};
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh)) return std::nullopt;
        std::size_t p = pos + 3;
        if (p < s.size() && s[p] == ':') ++p;
        if (!digits(s, p, 2, om)) return std::nullopt;
        if (oh > 23 || om > 59) return std::nullopt;
        offset = sign * (hours(oh) + minutes(om));
        pos = p + 2;
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    const LocalSeconds local = LocalSeconds(date::local_days(*ymd).time_since_epoch()) + tod;
    return Stamp{Seconds(local.time_since_epoch() - offset), offset};
}

date::sys_days local_day(Seconds instant, const date::time_zone* zone) {
    return date::sys_days(date::floor<days>(to_local(instant, zone)).time_since_epoch());
}

Seconds start_of_local_day(date::sys_days day, const date::time_zone* zone) {
    return to_instant(LocalSeconds(day.time_since_epoch()), zone);
}

std::string format_clock(Seconds instant, const date::time_zone* zone) {
    const LocalSeconds local = to_local(instant, zone);
    const date::hh_mm_ss<seconds> tod(local - date::floor<days>(local));
    return fmt::format("{:02d}:{:02d}", tod.hours().count(), tod.minutes().count());
}

std::string format_date(date::sys_days day) {
    const date::year_month_day ymd(day);
    return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string format_date_time(Seconds instant, const date::time_zone* zone) {
    return format_date(local_day(instant, zone)) + " " + format_clock(instant, zone);
}

std::string format_date_time_told_apart(Seconds instant, const date::time_zone* zone) {
    const date::sys_info info = zone->get_info(instant);
    const LocalSeconds local(instant.time_since_epoch() + info.offset);
    std::string out = format_date_time(instant, zone);
    if (zone->get_info(local).result != date::local_info::ambiguous) return out;
    const std::string stamp = format_rfc3339(instant, info.offset);  // its last 6 characters: "+01:00"
    return out + " " + stamp.substr(stamp.size() - 6);
}

std::string format_clock_or_date_time(Seconds instant, const Clock& clock) {
    return local_day(instant, clock.zone) == local_day(clock.now, clock.zone) ? format_clock(instant, clock.zone)
                                                                              : format_date_time(instant, clock.zone);
}

std::string repeated_offset(Seconds instant, const date::time_zone* zone) {
    const date::sys_info info = zone->get_info(instant);
    if (zone->get_info(LocalSeconds(instant.time_since_epoch() + info.offset)).result != date::local_info::ambiguous)
        return {};
    const std::string stamp = format_rfc3339(instant, info.offset);  // its last 6 characters: "+02:00"
    return " (" + stamp.substr(stamp.size() - 6) + ")";
}

std::string format_clock_told_apart(Seconds instant, const date::time_zone* zone) {
    return format_clock(instant, zone) + repeated_offset(instant, zone);
}

std::string format_clock_or_date_time_told_apart(Seconds instant, const Clock& clock) {
    return format_clock_or_date_time(instant, clock) + repeated_offset(instant, clock.zone);
}

namespace {

TimeSpan day_span(date::sys_days first, date::sys_days end_exclusive, const date::time_zone* zone) {
    return TimeSpan{start_of_local_day(first, zone), start_of_local_day(end_exclusive, zone)};
}

TimeSpan point(Seconds t) { return TimeSpan{t, t + seconds(1)}; }

// Clock time of day: "14:30", "14:30:15", "2:30pm", "2pm", "2:30 pm", "10 a.m.", "14h30",
// "noon", "midnight". `ambiguous` (when given) is set when the time could be
// either half of the day: an hour of 1 to 12 written without a leading zero,
// with ':' or '.' and no am/pm ("11:50", "3.15"; not "03:15", "11am", "14:30").
std::optional<seconds> parse_clock(std::string_view s, bool* ambiguous = nullptr) {
    std::string t = lower(trim(s));
    std::erase(t, ' ');
    if (ambiguous != nullptr) *ambiguous = false;
    if (t == "noon" || t == "midday" || t == "12noon") return hours(12);
    if (t == "midnight" || t == "12midnight") return seconds(0);
    int suffix = 0;  // 1 am, 2 pm
    for (const std::string_view dotted : {"a.m.", "p.m.", "a.m", "p.m"})  // "10 a.m.": 10am
        if (t.ends_with(dotted)) {
            t.replace(t.size() - dotted.size(), dotted.size(), dotted.front() == 'a' ? "am" : "pm");
            break;
        }
    if (t.ends_with("am") || t.ends_with("pm")) {
        suffix = t.ends_with("am") ? 1 : 2;
        t.resize(t.size() - 2);
    } else if (t.ends_with("a") || t.ends_with("p")) {
        suffix = t.ends_with("a") ? 1 : 2;
        t.resize(t.size() - 1);
    }
    int h = -1, m = 0, sec = 0;
    std::size_t i = 0;
    const auto read = [&](int& v, std::size_t max_digits) {
        const std::size_t start = i;
        v = 0;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && i - start < max_digits)
            v = v * 10 + (t[i++] - '0');
        return i > start;
    };
    if (!read(h, 2)) return std::nullopt;
    const bool leading_zero = t[0] == '0';
    const bool separated = i < t.size() && (t[i] == ':' || t[i] == '.');
    if (i < t.size() && (t[i] == ':' || t[i] == 'h' || t[i] == '.')) {
        ++i;
        const std::size_t start = i;
        if (!read(m, 2) || i - start != 2) return std::nullopt;
        if (i < t.size() && t[i] == ':') {
            ++i;
            const std::size_t s2 = i;
            if (!read(sec, 2) || i - s2 != 2) return std::nullopt;
        }
    } else if (suffix == 0) {
        return std::nullopt;  // a bare number is not a clock time
    }
    if (i != t.size()) return std::nullopt;
    if (suffix != 0) {
        if (h < 1 || h > 12) return std::nullopt;
        if (h == 12) h = 0;
        if (suffix == 2) h += 12;
    }
    if (h > 23 || m > 59 || sec > 59) return std::nullopt;
    if (ambiguous != nullptr) *ambiguous = suffix == 0 && separated && !leading_zero && h >= 1 && h <= 12;
    return hours(h) + minutes(m) + seconds(sec);
}

// The most recent time of day `tod` not in the future, where a time up to
// ahead_allowance ahead is not (14:06 typed at 14:05:30 from the pump's display
// is today's, as check_not_future records it, not yesterday's). The allowance
// holds across midnight too, so tomorrow is tried first: 00:00 typed at
// 23:59:30 is tomorrow's, 30 s ahead, not today's, a day back. A time the
// autumn clock change repeats is its later occurrence when that one has passed
// (01:10 typed at 01:20 after the change is 10 minutes ago, not 70).
Seconds most_recent(seconds tod, date::sys_days today, const Clock& clock) {
    const Seconds latest = clock.now + ahead_allowance;
    const auto latest_passed = [&](date::sys_days day) -> std::optional<Seconds> {
        const LocalSeconds local = LocalSeconds(day.time_since_epoch()) + tod;
        const Seconds first = to_instant(local, clock.zone);
        const date::local_info info = clock.zone->get_info(local);
        if (info.result == date::local_info::ambiguous) {
            const Seconds second(local.time_since_epoch() - info.second.offset);
            if (second <= latest) return second;
        }
        if (first <= latest) return first;
        return std::nullopt;
    };
    if (const auto at = latest_passed(today + days(1))) return *at;
    if (const auto at = latest_passed(today)) return *at;
    if (const auto at = latest_passed(today - days(1))) return *at;
    return to_instant(LocalSeconds((today - days(1)).time_since_epoch()) + tod, clock.zone);
}

// "02:30", or "02:30:15" with seconds: a local time of day as typed.
std::string clock_text(LocalSeconds local) {
    const date::hh_mm_ss<seconds> tod(local - date::floor<days>(local));
    std::string out = format_minute_of_day(static_cast<int>(tod.hours().count() * 60 + tod.minutes().count()));
    if (tod.seconds().count() != 0) out += fmt::format(":{:02}", tod.seconds().count());
    return out;
}

// The words for the instant a reading took: "logged at" (a record), "read as" (a range's bound).
std::string_view taken_words(TimeUse use) { return use == TimeUse::record ? "logged at" : "read as"; }

// The note for a local time the spring-forward change skips, recorded at `at` (moved forward by the gap, as
// to_instant reads it): "02:30 does not exist on Sun 2026-03-29 (the clocks go from 02:00 to 03:00): logged at
// 03:30"; empty for a time that exists.
std::string skipped_note(LocalSeconds local, Seconds at, const date::time_zone* zone, TimeUse use) {
    const date::local_info info = zone->get_info(local);
    if (info.result != date::local_info::nonexistent) return {};
    const Seconds change = info.first.end;
    return fmt::format("{} does not exist on {} (the clocks go from {} to {}): {} {}", clock_text(local),
                       day_label(date::sys_days(date::floor<days>(local).time_since_epoch())),
                       clock_text(LocalSeconds(change.time_since_epoch() + info.first.offset)),
                       clock_text(LocalSeconds(change.time_since_epoch() + info.second.offset)), taken_words(use),
                       clock_text(to_local(at, zone)));
}

// The note for a local time the fall-back change repeats, recorded at `at` (one of its two instants): "02:20
// is twice on Sun 2026-10-25 (the clocks go back from 03:00 to 02:00): logged at the first,
// 2026-10-25T02:20:00+02:00; write 2026-10-25T02:20:00+01:00 for the second"; empty for a time that is once.
std::string repeated_note(LocalSeconds local, Seconds at, const date::time_zone* zone, TimeUse use) {
    const date::local_info info = zone->get_info(local);
    if (info.result != date::local_info::ambiguous) return {};
    const Seconds change = info.first.end;
    const Seconds first(local.time_since_epoch() - info.first.offset);
    const Seconds second(local.time_since_epoch() - info.second.offset);
    const bool is_first = at < second;  // `at` may be later in its minute (a timer's start: reading_note)
    return fmt::format("{} is twice on {} (the clocks go back from {} to {}): {} the {}, {}; "
                       "write {} for the {}",
                       clock_text(local), day_label(date::sys_days(date::floor<days>(local).time_since_epoch())),
                       clock_text(LocalSeconds(change.time_since_epoch() + info.first.offset)),
                       clock_text(LocalSeconds(change.time_since_epoch() + info.second.offset)), taken_words(use),
                       is_first ? "first" : "second", format_rfc3339(at, zone),
                       format_rfc3339(is_first ? second : first, zone), is_first ? "second" : "first");
}

}  // namespace

std::string reading_note(LocalSeconds typed, Seconds at, const date::time_zone* zone, TimeUse use) {
    std::string note = skipped_note(typed, at, zone, use);
    return note.empty() ? repeated_note(typed, at, zone, use) : note;
}

namespace {

// The same for the time of day `tod` most_recent read as `at`: the day it was read on is the one whose
// `tod`, moved forward by a gap, is `at`.
std::string skipped_note(seconds tod, Seconds at, date::sys_days today, const date::time_zone* zone, TimeUse use) {
    const LocalSeconds local = to_local(at, zone);
    if (local - date::floor<days>(local) == tod) return {};  // the time as typed: no gap
    for (const date::sys_days day : {date::sys_days(today + days(1)), today, date::sys_days(today - days(1))}) {
        const LocalSeconds typed = LocalSeconds(day.time_since_epoch()) + tod;
        if (to_instant(typed, zone) == at) return skipped_note(typed, at, zone, use);
    }
    return {};
}

// A day word: today, yesterday, tomorrow, a weekday (the most recent, today
// included), or a date.
std::optional<date::sys_days> parse_day_word(std::string_view word, date::sys_days today) {
    if (word == "today") return today;
    if (word == "yesterday") return today - days(1);
    if (word == "tomorrow") return today + days(1);
    if (const auto wd = parse_weekday(word)) {
        const date::weekday now_wd(today);
        return today - (now_wd - *wd);
    }
    if (word.size() == 10)
        if (const auto ymd = parse_date_prefix(word)) return date::sys_days(*ymd);
    return std::nullopt;
}

// "20m ago", "-2h", "+1h", "in 2h": a signed offset from now.
std::optional<seconds> parse_relative(std::string_view t) {
    try {
        if (t.ends_with(" ago")) return -parse_duration(t.substr(0, t.size() - 4));
        if (t.ends_with("ago") && t.size() > 3 && std::isalpha(static_cast<unsigned char>(t[t.size() - 4])))
            return -parse_duration(t.substr(0, t.size() - 3));
        if (t.starts_with("in ")) return parse_duration(t.substr(3));
        if (t.size() > 1 && (t[0] == '-' || t[0] == '+')) {
            const std::string_view rest = t.substr(1);
            // A bare number after a sign is not a relative time (minutes would surprise).
            if (rest.find_first_not_of("0123456789. ") == std::string_view::npos) return std::nullopt;
            const seconds d = parse_duration(rest);
            return t[0] == '-' ? -d : d;
        }
    } catch (const Error&) {
    }
    return std::nullopt;
}

}  // namespace

TimeSpan parse_time_span(std::string_view text, const Clock& clock) { return read_time(text, clock).span; }

namespace {
TimeReading read_any_time(std::string_view text, const Clock& clock, TimeUse use);
}  // namespace

TimeReading read_time(std::string_view text, const Clock& clock, TimeUse use) {
    // Years pumplog writes with four digits in any zone (RFC 3339 has no
    // fifth): 9999-12-31 23:00 UTC is 10000-01-01 in Berlin, a line no reader
    // could take back. Local days from 1900-01-01 to 9998-12-31 are taken
    // (the UTC guard first keeps far-off instants from the zone look-up).
    static const Seconds earliest{date::sys_days(date::year(1899) / 12 / 30).time_since_epoch()};
    static const Seconds latest{date::sys_days(date::year(9999) / 1 / 3).time_since_epoch()};
    TimeReading r = read_any_time(text, clock, use);
    const auto in_years = [&](Seconds t) {
        if (t < earliest || t > latest) return false;
        const date::year y = date::year_month_day(local_day(t, clock.zone)).year();
        return y >= date::year(1900) && y <= date::year(9998);
    };
    if (!in_years(r.span.begin) || !in_years(r.span.end - seconds(1)))
        throw usage_error(fmt::format("\"{}\" is outside the years pumplog records (1900 to 9998)", printable(text)));
    return r;
}

namespace {

TimeReading read_any_time(std::string_view text, const Clock& clock, TimeUse use) {
    const std::string t = lower(trim(text));
    const auto* zone = clock.zone;
    const date::sys_days today = local_day(clock.now, zone);
    const auto fail = [&] {
        return usage_error(fmt::format("\"{}\" is not a time; try 14:30, 2:30pm, \"yesterday 22:10\", "
                                       "2026-11-21, \"20m ago\" or -2h",
                                       printable(text)));
    };
    if (t.empty()) throw fail();
    if (t == "now") return point(clock.now);
    if (t == "this week" || t == "last week") {
        const date::weekday wd(today);
        date::sys_days monday = today - (wd - date::Monday);
        if (t == "last week") monday -= days(7);
        return day_span(monday, monday + days(7), zone);
    }
    if (t == "this month" || t == "last month") {
        const date::year_month_day ymd(today);
        date::year_month ym = ymd.year() / ymd.month();
        if (t == "last month") ym -= date::months(1);
        const date::sys_days first = ym / date::day(1);
        const date::sys_days next = (ym + date::months(1)) / date::day(1);
        return day_span(first, next, zone);
    }
    if (const auto day = parse_day_word(t, today)) return day_span(*day, *day + days(1), zone);
    if (const auto rel = parse_relative(t)) return point(clock.now + *rel);
    if (const auto stamp = parse_rfc3339(t)) return point(stamp->instant);
    // "DAY TIME": yesterday 22:10, 2026-11-21 22:10, 2026-11-21t22:10, monday 8am
    std::size_t split = t.find(' ');
    if (t.size() > 11 && t[10] == 't' && parse_date_prefix(t)) split = 10;
    if (split != std::string::npos) {
        const auto day = parse_day_word(t.substr(0, split), today);
        const auto tod = parse_clock(t.substr(split + 1));
        if (day && tod) {
            const LocalSeconds local = LocalSeconds(day->time_since_epoch()) + *tod;
            const Seconds at = to_instant(local, zone);
            std::string note = skipped_note(local, at, zone, use);
            if (note.empty()) note = repeated_note(local, at, zone, use);
            return {point(at), note};
        }
        if (day || tod) throw fail();
    }
    bool ambiguous = false;
    if (const auto tod = parse_clock(t, &ambiguous)) {
        // The most recent such time not in the future; the 12-hour rule (SPEC 10):
        // an ambiguous time over 12 hours back is the other half of the day.
        const Seconds at = most_recent(*tod, today, clock);
        if (!ambiguous || clock.now - at <= hours(12)) {
            std::string note = skipped_note(*tod, at, today, zone, use);
            if (note.empty()) note = repeated_note(to_local(at, zone), at, zone, use);
            return {point(at), note};
        }
        const seconds other_tod = *tod >= hours(12) ? *tod - hours(12) : *tod + hours(12);
        const Seconds other = most_recent(other_tod, today, clock);
        const std::string typed(trim(text));
        const std::string written = format_clock(at, zone) + (*tod >= hours(12) ? "pm" : "am");
        return {point(other),
                fmt::format("\"{}\" read as {} (within the last 12 hours), not {}; write {} to mean that",
                            printable(typed), format_clock(other, zone), format_clock(at, zone),
                            written.front() == '0' ? written.substr(1) : written),
                true};
    }
    throw fail();
}

}  // namespace

std::string describe_event_day(Seconds at, const Clock& clock) {
    const date::sys_days day = local_day(at, clock.zone);
    const date::sys_days today = local_day(clock.now, clock.zone);
    return day == today              ? "at " + format_clock(at, clock.zone)
           : day == today - days(1) ? "yesterday " + format_clock(at, clock.zone)
                                    : "on " + format_date_time(at, clock.zone);
}

std::string describe_event_time(Seconds at, const Clock& clock) {
    std::string out = describe_event_day(at, clock);
    const seconds age = clock.now - at;
    if (age > hours(1)) {
        if (age >= days(2)) out += fmt::format(", {} ago", plural(age / days(1), "day"));
        else out += ", " + format_duration(date::floor<std::chrono::minutes>(age)) + " ago";
    }
    return out;
}

Seconds parse_time_point(std::string_view text, const Clock& clock) { return parse_time_span(text, clock).begin; }

}  // namespace pumplog
