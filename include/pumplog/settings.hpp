#pragma once
// Settings (SPEC 5): the keys, their defaults and validation, and the config file.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "pumplog/environment.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A daily window of wall-clock minutes [begin, end); end < begin wraps past midnight.
struct DailyWindow {
    int begin_min = 0;  // minutes after local midnight
    int end_min = 0;
    // Inline: a plan asks it for every gap it measures.
    bool contains(int minute_of_day) const {
        if (begin_min == end_min) return true;  // a whole day
        if (begin_min < end_min) return minute_of_day >= begin_min && minute_of_day < end_min;
        return minute_of_day >= begin_min || minute_of_day < end_min;
    }
    friend bool operator==(const DailyWindow&, const DailyWindow&) = default;
};
// "23:30-05:30", "8am-5:30pm", "noon-midnight"; usage error otherwise. With
// `overnight_written_clearly` (away windows, SPEC 10) a window that ends before
// it starts is refused, with what to write instead, unless both ends are
// written so that neither could be the other half of the day: am/pm, or
// two-digit hours with minutes ("22:00-06:00"); "8-5:30" is refused, not read
// as 08:00 to 05:30 the next morning.
DailyWindow parse_daily_window(std::string_view text, bool overnight_written_clearly = false);
// "23:30-05:30"; the whole day (begin == end) as "00:00-24:00", the way it is
// written (pumplog-config(1)): "00:00-00:00" is the form parse_daily_window calls
// a window that ends when it starts for any other time.
std::string format_daily_window(const DailyWindow& window);

// A weekly window: some weekdays, one daily window ("mon-fri 08:00-17:30").
struct WeeklyWindow {
    unsigned weekdays = 0;  // bit 0 = Monday .. bit 6 = Sunday (ISO)
    DailyWindow hours;
    friend bool operator==(const WeeklyWindow&, const WeeklyWindow&) = default;
};
// "mon-fri 08:00-17:30; sat 09:00-13:00", "daily 08:00-17:00", "08:00-17:00",
// "mon,wed,fri 08:00-12:00", or "none" (empty); usage error otherwise.
std::vector<WeeklyWindow> parse_away(std::string_view text);
// The windows as config stores them ("mon-fri 08:00-17:30; sat 09:00-13:00"), "none" for none.
std::string format_away(const std::vector<WeeklyWindow>& windows);

enum class PlanMode { away, exclusive, supply };

// One baby's own birth date, when `birth` gives each baby's ("Zoe 2026-11-10, Max 2025-09-20").
struct BabyBirth {
    std::string baby;  // as written (config set birth and plan --birth spell it as `babies` does)
    date::year_month_day day;
    friend bool operator==(const BabyBirth&, const BabyBirth&) = default;
};

struct Settings {
    Unit unit = Unit::ml;
    std::string timezone;  // empty: TZ, else the system zone
    std::string guideline = "cdc";
    std::vector<WeeklyWindow> away;  // default: none
    PlanMode mode = PlanMode::away;
    int lookback_days = 7;
    std::chrono::minutes min_gap{120};
    // How near a planned pump a logged pump, a skip or an earlier announcement
    // of it must be to be that pump's: half min_gap (no two pumps are closer).
    std::chrono::seconds same_pump_within() const { return std::chrono::seconds(min_gap) / 2; }
    std::chrono::minutes max_gap_day{240};
    std::chrono::minutes max_gap_night{300};
    int sessions = 8;
    // Every baby's birth date (one date); with `births`, the youngest baby's: the parent's last birth, which
    // supply mode and the milk still coming in count from (pumplog-config(1)).
    std::optional<date::year_month_day> birth;
    // Each baby's own birth date (`birth` naming babies: "Zoe 2026-11-10, Max 2025-09-20"); empty when `birth`
    // is one date for every baby. A baby it does not name has no birth date (birth_of).
    std::vector<BabyBirth> births;
    std::optional<DailyWindow> sleep;
    int stash_days = 3;  // default stash target: this many away days of need
    std::chrono::minutes round{5};  // planned pump times fall on multiples of this (wall clock)
    std::vector<int> schedule;      // pinned pump times (minutes after midnight, ascending); empty: none
    std::chrono::minutes remind_again{30};  // `plan next --within`: an overdue pump is announced once more after this
    std::vector<std::string> babies;  // the babies' names (SPEC 12); empty or one: one baby, no names asked
    // Not a key: the first feed logged (Journal::first_feed_at), asked only
    // when needed: without `birth` the baby's age for an intake estimate
    // counts from it (the baby is at least that old). The command line sets
    // it (Context::settings); unset, the first feed read counts.
    std::function<std::optional<Seconds>()> first_feed_logged = {};
    // Not a key: the baby planned for (`plan --baby`), whose feeds alone are
    // read; messages about too few feeds name it. Empty: every feed.
    std::string feeds_of;
};
// "10:00 13:00 15:30" (spaces or commas), or "none" (empty); usage error otherwise.
std::vector<int> parse_schedule(std::string_view text);

// One configurable key: its name, default, what it accepts.
struct SettingKey {
    std::string_view name;
    std::string_view default_text;
    std::string_view accepted;  // for error messages and `config list`
    std::string_view summary;
};
const std::vector<SettingKey>& setting_keys();

// Validates `value` for `key` and returns its normalized text; usage error
// (listing the keys or the accepted values) otherwise.
std::string normalize_setting(std::string_view key, std::string_view value);
// What shell completion offers for `config set KEY` and plan's --KEY: every
// value of an enumerated key (unit, guideline, mode, sessions, round), typical
// ones of a key with a shape (durations, day counts), "none" for a key that can
// be cleared; nothing for timezone. Each is what normalize_setting returns for it.
std::vector<std::string> setting_values(std::string_view key);
// Applies one normalized value to settings.
void apply_setting(Settings& settings, std::string_view key, std::string_view value);
// The birth date a baby's intake estimate counts its age from (`baby` as its feeds name it, "" for feeds
// without a name): the one date `birth` gives every baby; with a date per baby, its own (names compared as
// same_baby does), none for a baby the list does not name, and for feeds without a name the list's one date
// when it names one baby and `babies` names fewer than two (those feeds are that baby's).
std::optional<date::year_month_day> birth_of(const Settings& settings, std::string_view baby);
// Whether a feed of `baby` can show `birth` too late (the first feed before it: supply mode and the milk still
// coming in count from that feed): every feed with one date for every baby; with a date per baby, `birth` is
// the youngest's, and only the feeds of a baby born that day can (an older sibling's earlier feed is no slip).
bool feed_counts_against_birth(const Settings& settings, std::string_view baby);
// `births` (a birth per baby) with each name as `babies` spells it, in the order `babies` lists them; a usage
// error for a name `babies` does not hold, listing them (or saying to name them first). For `config set
// birth` and `plan --birth`.
std::vector<BabyBirth> births_of_babies(const std::vector<BabyBirth>& births, const std::vector<std::string>& babies);
// "Zoe 2026-11-10, Max 2025-09-20": a birth per baby as config stores it.
std::string format_births(const std::vector<BabyBirth>& births);
// The oldest birth date check_birth accepts, in years before today.
inline constexpr int oldest_birth_years = 5;
// Refuses (usage error) a birth date after `today` (the local day): the
// baby's age would be negative; and one more than oldest_birth_years before
// it: a typo, not a baby being fed. For `config set birth` and `plan --birth`; a
// config file edited by hand is read as it is (the plan then says so).
void check_birth(const std::optional<date::year_month_day>& birth, date::sys_days today);
// check_birth for `birth` and each baby's date of `births` (the refusal naming the baby).
void check_births(const Settings& settings, date::sys_days today);
// Refuses (usage error) a min_gap longer than max_gap_day or max_gap_night:
// no timetable keeps both. For `config set` and the plan's setting flags;
// `what` names where the min_gap came from ("min_gap", "--min-gap").
void check_gaps(const Settings& settings, std::string_view what);
// Refuses (usage error) a remind_again not shorter than min_gap: a pump is
// overdue (plan next) for less than min_gap after its time, so it would never
// be reminded of again. For `config set remind_again` and `--remind-again`;
// a min_gap lowered below it later is taken (the reminder then does not come
// again). `what` names where the remind_again came from.
void check_remind_again(const Settings& settings, std::string_view what);

// The config file: $PUMPLOG_CONFIG, else $XDG_CONFIG_HOME/pumplog/config.json,
// else ~/.config/pumplog/config.json; `env` looks the variables up, `~` is home_folder's.
std::filesystem::path default_config_path(const Environment& env, const AccountHome& account = passwd_home);

// The stored values (key -> normalized text) of a config file; an absent file is
// empty; an unreadable or invalid one is a usage error naming the file.
nlohmann::json read_config(const std::filesystem::path& path);
// Writes the config atomically (temporary file and rename).
void write_config(const std::filesystem::path& path, const nlohmann::json& values);
// The zone a stored timezone value names, unchecked: "" for none (or empty).
std::string configured_zone(std::string_view value);
// Why a value stored for `key` (a known key; read_config's value, perhaps
// edited by hand) is not one the key takes, in the words the commands that use
// the key refuse it with: "lookback takes days, 3 to 60, not \"999\"". Empty
// when the key takes it. A string or a number is read as its text; any other
// JSON value is refused as not a string.
std::string stored_value_problem(std::string_view key, const nlohmann::json& value);
// The line naming such a value, the file (`path`, when given) and the fix:
// "config file PATH: PROBLEM; fix it, or run pumplog config unset KEY" (KEY shell-quoted, as shell_quote
// quotes it: a known key is one bare word, but the command pasted must be the one shown for any).
std::string bad_stored_value(const std::filesystem::path& path, std::string_view key, std::string_view problem);
// Settings from stored values over the defaults. A stored value its key does
// not take is refused, naming the file (`path`, when given) and the fix
// (config unset KEY); but a key `unused` says the command does not use keeps
// its default, and that refusal's text is added to `ignored` for the caller
// to warn about: a planner setting edited by hand does not stop a session
// from being recorded.
Settings settings_from(const nlohmann::json& values, const std::filesystem::path& path = {},
                       const std::function<bool(std::string_view key)>& unused = {},
                       std::vector<std::string>* ignored = nullptr);
// The settings only plans use (mode, lookback, the gaps, birth, ...): all but
// unit, timezone, guideline and babies.
bool is_planner_setting(std::string_view key);

}  // namespace pumplog
