#include "pumplog/settings.hpp"

#include "pumplog/guideline.hpp"
#include "pumplog/journal.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "file_descriptor.hpp"
#include "pumplog/journal.hpp"  // follow_symlinks
#include "pumplog/time.hpp"
#include "pumplog/text.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

namespace fs = std::filesystem;

std::string format_daily_window(const DailyWindow& window) {
    // begin == end only for the whole day (parse_daily_window refuses 08:00-08:00), kept as 00:00-00:00.
    const int end = window.begin_min == window.end_min ? window.begin_min + 24 * 60 : window.end_min;
    const std::string end_text = end == 24 * 60 ? std::string("24:00") : format_minute_of_day(end);
    return format_minute_of_day(window.begin_min) + "-" + end_text;
}

namespace {

// A window that ends before it starts, written so it could be a day, or one
// that ends when it starts: its message is already the whole answer (what to
// write instead), kept as it is.
class AmbiguousWindow : public Error {
public:
    explicit AmbiguousWindow(const std::string& message) : Error(ErrorKind::usage, message) {}
};

// "08:00" or "8:00" or "8" -> minutes; -1 when not one. Also "8am",
// "5:30pm", "noon", "midnight" (as an end, the end of the day). `clear` (when
// given) is set when the time cannot be the other half of the day: am/pm,
// noon, midnight, an hour of 0 or 13 to 24, or two-digit hours with minutes
// ("06:00"); "8" and "5:30" are not clear.
int parse_hhmm(std::string_view text, bool* clear = nullptr) {
    std::string t = lower(trim(text));
    std::erase(t, ' ');
    if (clear != nullptr) *clear = true;
    if (t == "noon") return 12 * 60;
    if (t == "midnight") return 24 * 60;
    int suffix = 0;  // 1 am, 2 pm
    if (t.ends_with("am") || t.ends_with("pm")) {
        suffix = t.ends_with("am") ? 1 : 2;
        t.resize(t.size() - 2);
    }
    int h = 0, m = 0;
    std::size_t i = 0;
    std::size_t digits = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && digits < 2) {
        h = h * 10 + (t[i++] - '0');
        ++digits;
    }
    if (digits == 0) return -1;
    const bool minutes_given = i < t.size();
    if (i < t.size()) {
        if (t[i] != ':' || i + 3 != t.size() || !std::isdigit(static_cast<unsigned char>(t[i + 1])) ||
            !std::isdigit(static_cast<unsigned char>(t[i + 2])))
            return -1;
        m = (t[i + 1] - '0') * 10 + (t[i + 2] - '0');
    }
    if (suffix != 0) {
        if (h < 1 || h > 12 || m > 59) return -1;
        return (h % 12 + (suffix == 2 ? 12 : 0)) * 60 + m;
    }
    if (clear != nullptr) *clear = (digits == 2 && minutes_given) || h == 0 || h >= 13;
    if (h == 24 && m == 0) return 24 * 60;
    if (h > 23 || m > 59) return -1;
    return h * 60 + m;
}

// "mon", "Monday", "tues": a day's name or a beginning of it (3 letters at
// least); -1 otherwise. 0 is Monday (ISO), as WeeklyWindow's bits are.
int weekday_index(std::string_view word) {
    const auto day = parse_weekday(word);
    return day ? static_cast<int>(day->iso_encoding()) - 1 : -1;
}

}  // namespace

std::vector<int> parse_schedule(std::string_view text) {
    std::vector<int> times;
    std::string all(trim(text));
    if (all.empty() || lower(all) == "none") return times;
    std::replace(all.begin(), all.end(), ',', ' ');
    std::stringstream words(all);
    std::string word;
    while (words >> word) {
        // A bare hour ("9") is refused: 9:00 or 21:00? "9am", "noon" and "9:30" are
        // not (a time parse_hhmm reads that ends in a letter is am, pm, noon or midnight).
        int m = parse_hhmm(word);
        if (m == 24 * 60 && lower(word) == "midnight") m = 0;
        const bool named = std::isalpha(static_cast<unsigned char>(word.back())) != 0;
        if (m >= 0 && m < 24 * 60 && m % 60 == 0 && !named && word.find(':') == std::string::npos) {
            // The question the man page shows, as an ambiguous away window gets (docs review).
            const int h = m / 60;
            if (h == 12)
                throw AmbiguousWindow(fmt::format("\"{}\" in the schedule is a bare hour: noon or midnight? Write "
                                                  "12:00 or 00:00 (or noon, midnight)", printable(word)));
            if (h >= 1 && h < 12)
                throw AmbiguousWindow(fmt::format("\"{}\" in the schedule is a bare hour: {}:00 or {}:00? Write "
                                                  "{:02}:00 or {}:00 (or {}am, {}pm)",
                                                  printable(word), h, h + 12, h, h + 12, h, h));
            throw AmbiguousWindow(fmt::format("\"{}\" in the schedule is a bare hour: write {:02}:00",
                                              printable(word), h));
        }
        if (m < 0 || m == 24 * 60 || (!named && word.find(':') == std::string::npos))
            throw usage_error(fmt::format("\"{}\" is not a time in a schedule; try \"10:00 13:00 15:30\" or none",
                                          printable(word)));
        times.push_back(m);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

DailyWindow parse_daily_window(std::string_view text, bool overnight_written_clearly) {
    const std::string_view t = trim(text);
    const std::size_t dash = t.find('-');
    const auto fail = [&] {
        return usage_error(fmt::format("\"{}\" is not a time window; try 23:30-05:30", printable(text)));
    };
    if (dash == std::string_view::npos) throw fail();
    bool begin_clear = true, end_clear = true;
    int begin = parse_hhmm(t.substr(0, dash), &begin_clear);
    const int end = parse_hhmm(t.substr(dash + 1), &end_clear);
    // "midnight" begins a window at 00:00 ("midnight-noon"); 24:00 is an end only.
    if (begin == 24 * 60 && lower(trim(t.substr(0, dash))) == "midnight") begin = 0;
    if (begin < 0 || end < 0 || begin == 24 * 60) throw fail();
    // "8:00-8:00": no time at all, or the whole day? Neither is read silently. Midnight to
    // midnight (00:00-24:00, and 00:00-00:00 as the config file keeps it) is the whole day.
    if (begin == end && begin != 0)
        throw AmbiguousWindow(fmt::format(
            "the time window \"{}\" ends when it starts; for the whole day write 00:00-24:00", printable(t)));
    // Overnight only when written so that it cannot be a day (SPEC 10): "8-5:30"
    // is refused, not read as 08:00 to 05:30 the next morning.
    if (overnight_written_clearly && end < begin && !(begin_clear && end_clear)) {
        const int day_end = end + 12 * 60;
        const std::string day = day_end > begin && day_end <= 24 * 60
                                    ? fmt::format("for the day write {}-{}, ", format_minute_of_day(begin),
                                                  format_minute_of_day(day_end))
                                    : std::string();
        throw AmbiguousWindow(fmt::format("the time window \"{}\" ends before it starts; {}for overnight write {}-{} "
                                      "(two-digit hours with minutes, or am/pm)",
                                      printable(t), day, format_minute_of_day(begin), format_minute_of_day(end)));
    }
    return DailyWindow{begin, end % (24 * 60)};
}

std::vector<WeeklyWindow> parse_away(std::string_view text) {
    std::vector<WeeklyWindow> windows;
    const std::string all = lower(trim(text));
    if (all.empty() || all == "none") return windows;
    const auto fail = [&](std::string_view part) {
        return usage_error(fmt::format("\"{}\" is not an away window; try \"mon-fri 08:00-17:30\" "
                                       "(several separated by ;), \"daily 08:00-17:00\" or none",
                                       printable(part)));
    };
    std::stringstream parts(all);
    std::string part;
    while (std::getline(parts, part, ';')) {
        const std::string_view p = trim(part);
        if (p.empty()) continue;
        WeeklyWindow window;
        const std::size_t space = p.rfind(' ');
        std::string_view days_text = space == std::string_view::npos ? "daily" : trim(p.substr(0, space));
        const std::string_view hours_text = space == std::string_view::npos ? p : p.substr(space + 1);
        try {
            window.hours = parse_daily_window(hours_text, true);
        } catch (const AmbiguousWindow&) {
            throw;
        } catch (const Error&) {
            throw fail(p);
        }
        if (days_text == "daily" || days_text == "every day" || days_text == "everyday") {
            window.weekdays = 0x7F;
        } else if (days_text == "weekdays") {
            window.weekdays = 0x1F;
        } else if (days_text == "weekends" || days_text == "weekend") {
            window.weekdays = 0x60;
        } else {
            std::stringstream list{std::string(days_text)};
            std::string item;
            while (std::getline(list, item, ',')) {
                const std::string_view it = trim(item);
                const std::size_t dash = it.find('-');
                const int a = weekday_index(dash == std::string_view::npos ? it : it.substr(0, dash));
                const int b = dash == std::string_view::npos ? a : weekday_index(it.substr(dash + 1));
                if (a < 0 || b < 0) throw fail(p);
                for (int d = a;; d = (d + 1) % 7) {
                    window.weekdays |= 1u << d;
                    if (d == b) break;
                }
            }
        }
        if (window.weekdays == 0) throw fail(p);
        windows.push_back(window);
    }
    return windows;
}

std::string format_away(const std::vector<WeeklyWindow>& windows) {
    // Bit d is ISO day d + 1 (0 is Monday), named in lower case as config takes it.
    const auto name = [](int d) { return lower(weekday_abbreviation(date::weekday(static_cast<unsigned>(d + 1) % 7))); };
    if (windows.empty()) return "none";
    std::string out;
    for (const auto& w : windows) {
        if (!out.empty()) out += "; ";
        if (w.weekdays == 0x7F) {
            out += "daily";
        } else {
            std::string days;
            for (int d = 0; d < 7;) {
                if (!(w.weekdays & (1u << d))) {
                    ++d;
                    continue;
                }
                int e = d;
                while (e + 1 < 7 && (w.weekdays & (1u << (e + 1)))) ++e;
                if (!days.empty()) days += ',';
                days += name(d);
                if (e > d) days += "-" + name(e);
                d = e + 1;
            }
            out += days;
        }
        out += " " + format_daily_window(w.hours);
    }
    return out;
}

namespace {

int parse_int_in(std::string_view key, std::string_view value, int lo, int hi) {
    const std::string v(trim(value));
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < lo || n > hi)
        throw usage_error(fmt::format("{} takes a whole number from {} to {}, not \"{}\"", key, lo, hi, printable(value)));
    return static_cast<int>(n);
}

std::string minutes_text(std::chrono::minutes m) {
    if (m.count() % 60 == 0) return fmt::format("{}h", m.count() / 60);
    if (m.count() > 60) return fmt::format("{}h{}m", m.count() / 60, m.count() % 60);
    return fmt::format("{}m", m.count());
}

std::chrono::minutes parse_gap(std::string_view key, std::string_view value, int lo_min, int hi_min) {
    std::chrono::seconds d{};
    try {
        d = parse_duration(value);
    } catch (const Error&) {
        throw usage_error(fmt::format("{} takes a duration such as 2h or 90m, not \"{}\"", key, printable(value)));
    }
    const auto m = std::chrono::duration_cast<std::chrono::minutes>(d);
    // Whole minutes: 90m30s is refused, not cut to 1h30m without a word.
    if (m.count() < lo_min || m.count() > hi_min || m != d)
        throw usage_error(fmt::format("{} takes a duration from {} to {}, not \"{}\"", key,
                                      minutes_text(std::chrono::minutes(lo_min)),
                                      minutes_text(std::chrono::minutes(hi_min)), printable(value)));
    return m;
}

std::optional<date::year_month_day> parse_date_of_birth(std::string_view value) {
    const std::string v(trim(value));
    const auto stamp = parse_rfc3339(v + "T00:00:00Z");
    if (!stamp || v.size() != 10)
        throw usage_error(fmt::format("birth takes a date such as 2026-11-02, not \"{}\"", printable(value)));
    return date::year_month_day(date::floor<date::days>(stamp->instant));
}

// `birth`: one date for every baby, or a date per baby ("Zoe 2026-11-10, Max 2025-09-20": a name, a space and
// a date, separated by commas, as `babies` separates names). A list with no name is a date per baby's form
// (it has a space or a comma in it): its refusals say what is wrong (normalize_setting keeps them).
struct Births {
    std::optional<date::year_month_day> every;  // one date, or the youngest baby's
    std::vector<BabyBirth> each;
};
bool is_birth_list(std::string_view value) {
    const std::string v(trim(value));
    return v.find_first_of(", \t") != std::string::npos;
}
Births parse_births(std::string_view value) {
    const std::string v(trim(value));
    if (v == "none" || v.empty()) return {};
    if (!is_birth_list(v)) return {parse_date_of_birth(v), {}};
    const auto refuse = [](const std::string& why) {
        throw usage_error(why + "; give one date for every baby (2026-11-02), or each baby's name and date "
                                "separated by commas (\"Zoe 2026-11-10, Max 2025-09-20\")");
    };
    Births out;
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        const std::string part(trim(std::string_view(v).substr(start, comma - start)));
        start = comma + 1;
        const std::size_t space = part.find_last_of(" \t");
        if (part.empty()) refuse("an empty entry");
        if (space == std::string::npos) {
            // "2026-11-10, Max 2025-09-20": a date naming no baby among dates naming theirs.
            refuse(fmt::format("\"{}\" names no baby", printable(part)));
        }
        const std::string name(trim_name(std::string_view(part).substr(0, space)));
        const std::string day(trim(std::string_view(part).substr(space + 1)));
        std::optional<date::year_month_day> born;
        try {
            born = parse_date_of_birth(day);
        } catch (const Error&) {
            refuse(fmt::format("\"{}\" is not a name and a date such as Zoe 2026-11-10", printable(part)));
        }
        // The names' own rules (babies): a name as config set babies takes it.
        try {
            parse_babies(name);
        } catch (const Error& e) {
            refuse(fmt::format("\"{}\": {}", printable(name), e.what()));
        }
        for (const BabyBirth& b : out.each)
            if (same_baby(b.baby, name)) refuse(fmt::format("{} is given twice", printable(name)));
        out.each.push_back({name, *born});
        if (!out.every || date::sys_days(*born) > date::sys_days(*out.every)) out.every = born;
    }
    return out;
}

// A rounding step: 1 to 30 whole minutes, dividing an hour (so every hour looks alike);
// 2m30s or 90s is refused, not cut to whole minutes.
std::chrono::minutes parse_round(std::string_view value) {
    const auto m = parse_gap("round", value, 1, 30);
    std::chrono::seconds given{};
    try {
        given = parse_duration(value);
    } catch (const Error&) {  // parse_gap parsed it
    }
    if (60 % m.count() != 0 || given != m)
        throw usage_error(fmt::format("round takes a step that divides an hour (5m, 10m, 15m, 30m), not \"{}\"",
                                      printable(value)));
    return m;
}

std::string format_schedule(const std::vector<int>& times) {
    if (times.empty()) return "none";
    std::string out;
    for (int t : times) out += (out.empty() ? "" : " ") + format_minute_of_day(t);
    return out;
}

// The plan modes (`mode`), and the pumps a day a supply plan takes (`sessions`).
constexpr std::array<std::string_view, 3> plan_modes = {"away", "exclusive", "supply"};
constexpr int fewest_sessions = 5, most_sessions = 12;

const std::vector<SettingKey> keys = {
    {"unit", "ml", "ml or oz", "display unit for volumes"},
    {"timezone", "none", "an IANA zone such as Europe/Berlin, or none (TZ, when set, wins)", "time zone of the journal"},
    {"guideline", "cdc", "cdc, abm or nicu", "storage limits profile"},
    {"away", "none", "weekly windows such as \"mon-fri 08:00-17:30\" (several separated by ;), or none",
     "when the parent is away from the baby"},
    {"mode", "away", "away, exclusive or supply", "what the plan is for"},
    {"lookback", "7", "days, 3 to 60", "days of feeds the planner learns from"},
    {"min_gap", "2h", "a duration from 30m to 6h", "shortest time between pumps"},
    {"max_gap_day", "4h", "a duration from 1h to 12h", "longest time between pumps by day"},
    {"max_gap_night", "5h", "a duration from 1h to 12h", "longest time between pumps at night"},
    {"sessions", "8", "5 to 12", "pumps per 24 h in supply mode"},
    {"birth", "none",
     "a date such as 2026-11-02, each baby's such as \"Zoe 2026-11-10, Max 2025-09-20\", or none",
     "the baby's birth date, or each baby's (supply mode; intake estimates for nursing)"},
    {"sleep", "none", "a daily window such as 23:30-05:30, or none", "the parent's wished sleep"},
    {"stash_days", "3", "days, 1 to 30", "away days of milk the stash should hold"},
    {"round", "5m", "whole minutes from 1m to 30m that divide an hour", "planned pump times fall on multiples of this"},
    {"schedule", "none", "pump times such as \"10:00 13:00 15:30\" or \"9am noon 3:30pm\", or none",
     "pin the pump times"},
    {"remind_again", "30m", "a duration of 5m or more, shorter than min_gap",
     "plan next --within: remind of an overdue pump once more after this"},
    {"babies", "none", "names separated by commas such as \"Ada, Ben\", or none",
     "the babies' names, when feeds are several babies'"},
};

const SettingKey& find_key(std::string_view key) {
    for (const auto& k : keys)
        if (k.name == key) return k;
    std::string names;
    for (const auto& k : keys) names += (names.empty() ? "" : ", ") + std::string(k.name);
    throw usage_error(fmt::format("\"{}\" is not a setting; the settings are {}", printable(key), names));
}

}  // namespace

const std::vector<SettingKey>& setting_keys() { return keys; }

namespace {
std::string normalize_value(const SettingKey& k, std::string_view value);
}  // namespace

void check_birth(const std::optional<date::year_month_day>& birth, date::sys_days today) {
    if (!birth) return;
    if (date::sys_days(*birth) > today)
        throw usage_error(fmt::format("birth {} is after today ({}); set the day the baby was born",
                                      format_date(date::sys_days(*birth)), format_date(today)));
    // Pumping for a baby is a matter of its first years: a birth date further back is a slip (1900, or
    // 2062 for 2026's day), and would judge supply on "day 739940". 29 February goes back to 28 February.
    const date::year_month_day now{today};
    date::year_month_day earliest = now - date::years(oldest_birth_years);
    if (!earliest.ok()) earliest = earliest.year() / earliest.month() / date::last;
    if (date::sys_days(*birth) < date::sys_days(earliest))
        throw usage_error(fmt::format("birth {} is more than {} years before today; set the day the baby was born, "
                                      "from {} to {}",
                                      format_date(date::sys_days(*birth)), oldest_birth_years,
                                      format_date(date::sys_days(earliest)), format_date(today)));
}

void check_births(const Settings& settings, date::sys_days today) {
    if (settings.births.empty()) return check_birth(settings.birth, today);
    for (const BabyBirth& b : settings.births) {
        try {
            check_birth(b.day, today);
        } catch (const Error& e) {
            throw usage_error(fmt::format("{}: {}", printable(b.baby), e.what()));
        }
    }
}

std::optional<date::year_month_day> birth_of(const Settings& settings, std::string_view baby) {
    if (settings.births.empty()) return settings.birth;
    for (const BabyBirth& b : settings.births)
        if (!trim_name(baby).empty() && same_baby(b.baby, baby)) return b.day;
    if (trim_name(baby).empty() && settings.births.size() == 1 && settings.babies.size() < 2)
        return settings.births.front().day;
    return std::nullopt;
}

bool feed_counts_against_birth(const Settings& settings, std::string_view baby) {
    return settings.births.empty() ||
           std::any_of(settings.births.begin(), settings.births.end(), [&](const BabyBirth& b) {
               return settings.birth && b.day == *settings.birth && same_baby(b.baby, baby);
           });
}

std::vector<BabyBirth> births_of_babies(const std::vector<BabyBirth>& births, const std::vector<std::string>& babies) {
    std::vector<BabyBirth> out;
    for (const std::string& baby : babies)
        for (const BabyBirth& b : births)
            if (same_baby(b.baby, baby)) out.push_back({baby, b.day});
    for (const BabyBirth& b : births) {
        if (std::any_of(babies.begin(), babies.end(), [&](const std::string& n) { return same_baby(n, b.baby); }))
            continue;
        if (babies.empty())
            throw usage_error(fmt::format("\"{}\" is not one of the babies: none are named; name them first "
                                          "(pumplog config set babies {}), or give one date for every baby",
                                          printable(b.baby), shell_quote(b.baby + ", ...")));
        std::vector<std::string> names;
        for (const std::string& n : babies) names.push_back(printable(n));
        throw usage_error(fmt::format("\"{}\" is not one of the babies; {} {} (config babies)",
                                      printable(b.baby), babies.size() == 1 ? "the only one is" : "they are",
                                      and_list(names)));
    }
    return out;
}

std::string format_births(const std::vector<BabyBirth>& births) {
    std::string out;
    for (const BabyBirth& b : births)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", b.baby, format_date(date::sys_days(b.day)));
    return out;
}

void check_gaps(const Settings& settings, std::string_view what) {
    for (const auto& [name, longest] : {std::pair{"max_gap_day", settings.max_gap_day},
                                        std::pair{"max_gap_night", settings.max_gap_night}})
        if (settings.min_gap > longest)
            throw usage_error(fmt::format("{} ({}) cannot be longer than {} ({}); change one of them first", what,
                                          format_duration(settings.min_gap), name, format_duration(longest)));
}

void check_remind_again(const Settings& settings, std::string_view what) {
    if (settings.remind_again < settings.min_gap) return;
    throw usage_error(fmt::format("{} ({}) must be shorter than min_gap ({}): a pump is overdue for less than min_gap, "
                                  "so it would never be reminded of again; give 5m to {}",
                                  what, format_duration(settings.remind_again), format_duration(settings.min_gap),
                                  minutes_text(settings.min_gap - std::chrono::minutes(1))));
}

std::string normalize_setting(std::string_view key, std::string_view value) {
    const SettingKey& k = find_key(key);
    try {
        return normalize_value(k, value);
    } catch (const AmbiguousWindow&) {
        throw;
    } catch (const Error& e) {
        // The names' rules are several: which one the value breaks is said (parse_babies names it).
        if (k.name == "babies" || (k.name == "birth" && is_birth_list(value)))
            throw usage_error(fmt::format("{}: {}", k.name, e.what()));
        // One form for every key: what it takes, and what was given (SPEC 2).
        throw usage_error(fmt::format("{} takes {}, not \"{}\"", k.name, k.accepted, printable(trim(value))));
    }
}

namespace {
std::string normalize_value(const SettingKey& k, std::string_view value) {
    const std::string v(trim(value));
    if (k.name == "unit") return std::string(unit_name(parse_unit(v)));
    if (k.name == "timezone") {  // none: TZ, else the system zone
        if (v.empty() || lower(v) == "none") return "none";
        return std::string(locate_zone(v)->name());
    }
    if (k.name == "guideline") {
        for (const Guideline* g : guidelines())
            if (lower(v) == g->name) return std::string(g->name);
        std::string names;
        for (const Guideline* g : guidelines()) names += (names.empty() ? "" : ", ") + std::string(g->name);
        throw usage_error(fmt::format("\"{}\" is not a guideline; accepted: {}", printable(v), names));
    }
    if (k.name == "away") return format_away(parse_away(v));
    if (k.name == "mode") {
        const std::string m = lower(v);
        if (std::find(plan_modes.begin(), plan_modes.end(), m) == plan_modes.end())
            throw usage_error(fmt::format("\"{}\" is not a mode; accepted: away, exclusive, supply", printable(v)));
        return m;
    }
    if (k.name == "lookback") return std::to_string(parse_int_in(k.name, v, 3, 60));
    if (k.name == "min_gap") return minutes_text(parse_gap(k.name, v, 30, 360));
    if (k.name == "max_gap_day" || k.name == "max_gap_night") return minutes_text(parse_gap(k.name, v, 60, 720));
    if (k.name == "sessions") return std::to_string(parse_int_in(k.name, v, fewest_sessions, most_sessions));
    if (k.name == "birth") {
        const Births b = parse_births(v);
        if (!b.each.empty()) return format_births(b.each);
        return b.every ? format_date(date::sys_days(*b.every)) : "none";
    }
    if (k.name == "sleep") {
        if (lower(v) == "none" || v.empty()) return "none";
        return format_daily_window(parse_daily_window(v));
    }
    if (k.name == "stash_days") return std::to_string(parse_int_in(k.name, v, 1, 30));
    if (k.name == "round") return minutes_text(parse_round(v));
    if (k.name == "schedule") return format_schedule(parse_schedule(v));
    if (k.name == "remind_again") return minutes_text(parse_gap(k.name, v, 5, 360));
    if (k.name == "babies") return format_babies(parse_babies(v));
    return v;
}
}  // namespace

std::vector<std::string> setting_values(std::string_view key) {
    const SettingKey& k = find_key(key);
    std::vector<std::string> values;
    if (k.name == "unit") {
        for (const Unit u : {Unit::ml, Unit::oz}) values.emplace_back(unit_name(u));
    } else if (k.name == "guideline") {
        for (const Guideline* g : guidelines()) values.emplace_back(g->name);
    } else if (k.name == "mode") {
        values.assign(plan_modes.begin(), plan_modes.end());
    } else if (k.name == "sessions") {
        for (int n = fewest_sessions; n <= most_sessions; ++n) values.push_back(std::to_string(n));
    } else if (k.name == "round") {  // every step that divides an hour
        for (int m = 1; m <= 30; ++m)
            if (60 % m == 0) values.push_back(minutes_text(std::chrono::minutes(m)));
    } else if (k.name == "lookback") {
        values = {"3", "7", "14", "30"};
    } else if (k.name == "stash_days") {
        values = {"1", "2", "3", "5", "7"};
    } else if (k.name == "min_gap") {
        values = {"1h30m", "2h", "2h30m", "3h"};
    } else if (k.name == "max_gap_day" || k.name == "max_gap_night") {
        values = {"3h", "4h", "5h", "6h"};
    } else if (k.name == "remind_again") {
        values = {"15m", "30m", "1h"};
    } else if (k.name != "timezone") {  // away, birth, sleep, schedule, babies: free text, or none
        values = {"none"};
    }
    return values;
}

void apply_setting(Settings& s, std::string_view key, std::string_view value) {
    const std::string v = normalize_setting(key, value);
    if (key == "unit") s.unit = parse_unit(v);
    else if (key == "timezone") s.timezone = v == "none" ? "" : v;
    else if (key == "guideline") s.guideline = v;
    else if (key == "away") s.away = parse_away(v);
    else if (key == "mode") s.mode = v == "exclusive" ? PlanMode::exclusive : v == "supply" ? PlanMode::supply : PlanMode::away;
    else if (key == "lookback") s.lookback_days = std::stoi(v);
    else if (key == "min_gap") s.min_gap = parse_gap(key, v, 30, 360);
    else if (key == "max_gap_day") s.max_gap_day = parse_gap(key, v, 60, 720);
    else if (key == "max_gap_night") s.max_gap_night = parse_gap(key, v, 60, 720);
    else if (key == "sessions") s.sessions = std::stoi(v);
    else if (key == "birth") {
        Births b = parse_births(v);
        s.birth = b.every;
        s.births = std::move(b.each);
    }
    else if (key == "sleep") s.sleep = v == "none" ? std::nullopt : std::optional<DailyWindow>(parse_daily_window(v));
    else if (key == "stash_days") s.stash_days = std::stoi(v);
    else if (key == "round") s.round = parse_round(v);
    else if (key == "schedule") s.schedule = parse_schedule(v);
    else if (key == "remind_again") s.remind_again = parse_gap(key, v, 5, 360);
    else if (key == "babies") s.babies = parse_babies(v);
}

fs::path default_config_path(const Environment& look_up, const AccountHome& account) {
    if (const char* env = look_up("PUMPLOG_CONFIG"); env && *env) return env;
    if (const char* xdg = look_up("XDG_CONFIG_HOME"); xdg && *xdg && xdg[0] == '/')
        return fs::path(xdg) / "pumplog" / "config.json";
    return home_folder(look_up, account, "the config", "name the config file with PUMPLOG_CONFIG") / ".config" /
           "pumplog" / "config.json";
}

nlohmann::json read_config(const fs::path& path) {
    // Opened without waiting (a FIFO with no writer would block) and checked
    // for what it is before a byte is read: /dev/zero never ends (SPEC 8).
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    const int open_error = errno;
    struct stat st {};
    if (fd.get() < 0 ? ::stat(path.c_str(), &st) != 0 : ::fstat(fd.get(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT) return nlohmann::json::object();
        throw usage_error(fmt::format("cannot read config file {}: {}", path.string(),
                                      error == ELOOP ? "too many levels of symbolic links" : std::strerror(error)));
    }
    if (S_ISDIR(st.st_mode))
        throw usage_error(fmt::format("config file {} is a folder, not a file; remove it or point "
                                      "PUMPLOG_CONFIG at a file", path.string()));
    if (!S_ISREG(st.st_mode))
        throw usage_error(fmt::format("config file {} is not a regular file: it is {}; remove it or point "
                                      "PUMPLOG_CONFIG at a file", path.string(), file_kind(st.st_mode)));
    if (fd.get() < 0)
        throw usage_error(fmt::format("cannot read config file {}: {}", path.string(), std::strerror(open_error)));
    constexpr std::size_t most = 1 << 20;  // a config is a few hundred bytes
    const auto too_long = [&] {
        return usage_error(fmt::format("config file {} is over 1 MiB, too long for a config; fix or remove it",
                                       path.string()));
    };
    if (static_cast<std::uint64_t>(st.st_size) > most) throw too_long();
    std::string text;
    char buffer[1 << 16];
    while (text.size() <= most) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw usage_error(fmt::format("cannot read config file {}: {}", path.string(), why()));
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    if (text.size() > most) throw too_long();  // it grew while read
    // An empty file (`touch`ed, or emptied by hand) holds no settings.
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return nlohmann::json::object();
    nlohmann::json values;
    try {
        values = nlohmann::json::parse(text);
    } catch (const std::exception&) {
        throw usage_error(fmt::format("config file {} is not valid JSON; fix or remove it", path.string()));
    }
    if (!values.is_object())
        throw usage_error(fmt::format("config file {} is not a JSON object; fix or remove it", path.string()));
    return values;
}

void write_config(const fs::path& path, const nlohmann::json& values) {
    // At the file a symlinked config points to (a dotfiles manager's link
    // stays a link), through a new temporary beside it: created fresh, never
    // opened where something is already there (a stale one, or a planted
    // symlink whose target would be written), synced, then renamed over.
    const auto fail = [&](const std::string& what) {
        return usage_error(fmt::format("cannot write config file {}: {}", path.string(), what));
    };
    const auto followed = follow_symlinks(path);
    if (!followed) throw fail("too many levels of symbolic links");
    const fs::path& file = *followed;
    std::error_code ec;
    const fs::path dir_path = file.has_parent_path() ? file.parent_path() : fs::path(".");
    fs::create_directories(dir_path, ec);
    const FileDescriptor dir(::open(dir_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) throw fail(why());
    const std::string tmp = file.filename().string() + ".tmp";
    const auto create = [&] {
        return ::openat(dir.get(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    };
    int created = create();
    if (created < 0 && errno == EEXIST && ::unlinkat(dir.get(), tmp.c_str(), 0) == 0) created = create();  // stale, or planted
    const FileDescriptor out(created);
    if (out.get() < 0) throw fail(why());
    RemoveUnlessKept remove_tmp(dir.get(), tmp);
    struct stat old {};
    if (::stat(file.c_str(), &old) == 0 && S_ISREG(old.st_mode)) ::fchmod(out.get(), old.st_mode & 07777);  // keep its mode
    const std::string text = values.dump(2) + '\n';
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(out.get(), text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw fail(n < 0 ? why() : "nothing written");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(out.get()) != 0 || ::renameat(dir.get(), tmp.c_str(), dir.get(), file.filename().c_str()) != 0)
        throw fail(why());
    remove_tmp.keep();
    ::fsync(dir.get());
    note_recorded();
}

std::string configured_zone(std::string_view value) {
    const std::string v(trim(value));
    return lower(v) == "none" ? std::string() : v;
}

bool is_planner_setting(std::string_view key) {
    return key != "unit" && key != "timezone" && key != "guideline" && key != "babies";
}

namespace {
// A stored value's text: a string, or a number written by hand ("lookback": 14) meaning its text; none for
// any other JSON.
std::optional<std::string> stored_text(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    return std::nullopt;
}
}  // namespace

std::string stored_value_problem(std::string_view key, const nlohmann::json& value) {
    const auto text = stored_text(value);
    if (!text) return fmt::format("{} takes a string, not {}", key, value.dump());
    try {
        normalize_setting(key, *text);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

std::string bad_stored_value(const std::filesystem::path& path, std::string_view key, std::string_view problem) {
    const std::string file = path.empty() ? std::string("config file") : "config file " + path.string();
    // The key shell-quoted, as every command suggested: pasted, it is the one command shown.
    return fmt::format("{}: {}; fix it, or run pumplog config unset {}", file, problem, shell_quote(key));
}

Settings settings_from(const nlohmann::json& values, const std::filesystem::path& path,
                       const std::function<bool(std::string_view key)>& unused, std::vector<std::string>* ignored) {
    Settings s;
    for (const auto& item : values.items()) {
        const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
        const auto& value = item.value();
        // A key from a newer version is kept in the file and ignored here.
        if (std::none_of(keys.begin(), keys.end(), [&](const SettingKey& k) { return k.name == key; })) continue;
        // The zone is checked where it is used, and only when TZ does not
        // override it: a bad one must not block commands run with TZ set.
        const auto text = stored_text(value);
        if (key == "timezone" && text) {
            s.timezone = configured_zone(*text);
            continue;
        }
        const std::string problem = stored_value_problem(key, value);
        if (problem.empty()) {
            apply_setting(s, key, *text);
            continue;
        }
        const std::string why = bad_stored_value(path, key, problem);
        if (!unused || !unused(key) || ignored == nullptr) throw usage_error(why);
        ignored->push_back(why + fmt::format(" (ignored here: the default {} is used)", find_key(key).default_text));
    }
    return s;
}

}  // namespace pumplog
