#pragma once
// What every command shares: the global options, resolved on first use.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pumplog/history.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/slips.hpp"
#include "pumplog/time.hpp"

namespace CLI {
class App;
}

namespace pumplog::cli {

enum class Format { table, json, csv, ics, md, svg, html };

// Words typed after an option's one value, up to the next option ("--note after work": "work"), which
// CLI11 gives to the command's positional words.
struct WordsAfterOption {
    std::string option, value;
    std::vector<std::string> words;
    // The refusal naming them (main.cpp): the words that can belong to the option, and the quoted value to
    // give when that would be read ('"work" after --note after is not understood: quote ...'). Worded only
    // when a refusal needs it ("add --at 13:00 90ml" has a word after --at's value and runs).
    std::function<std::string()> refusal;
};

class Context {
public:
    // raw global options
    std::string journal_option;
    std::string unit_option;
    std::string now_option;
    std::string color_option = "auto";
    std::string format_option;
    bool strict = false;
    // The words of the command line after an option's one value (main.cpp): a refused amount names them.
    std::vector<WordsAfterOption> words_after_options;
    // Refuses `amount` (the command's positional words) when it holds words typed after an option's value
    // that are no amount themselves and `parse` refuses it: with their refusal, not as a bogus amount.
    void refuse_words_after_options(const std::vector<std::string>& amount, const std::function<void()>& parse) const;

    // The command to run once parsing is done (set by the chosen subcommand).
    std::function<int()> action;
    // Whether the command tree is built for reading (help, completion, --help
    // or -h on the line) rather than for a run: options a subcommand takes
    // through to its parent anyway (plan's setting flags) are registered on it
    // only then, so that its help and completion list them without a run
    // paying for building them (a tenth of `plan next`).
    bool tree_read = false;

    // Resolved on first use.
    const Settings& settings();
    // The config file's values (read_config). With no home folder to find the file in (HOME unset, empty or
    // relative, and no home in the passwd database: default_config_path refuses) there is none to read: the
    // command runs on the defaults, and says so in one warning line; a cron-style query
    // (quiet_missing_journal) says it only when it reminds (write_announced), as the reminder lock's warning.
    const nlohmann::json& config_values();
    // The config file, for `config set` and `config unset`, which write it: with no home folder,
    // default_config_path's usage error, one line naming HOME and PUMPLOG_CONFIG.
    const std::filesystem::path& config_path();
    // The config file as messages name it ("" with no home folder: "config file" then, bad_stored_value).
    std::filesystem::path config_path_named();
    const date::time_zone* zone();
    const Clock& clock();
    Unit unit();
    // The journal to read: a command that only reads gets no way to write.
    // With --strict it is checked whole on first use (as log check checks
    // it), and a journal error names its first bad line.
    const Journal& journal();
    // The journal to record to: its with_lock hands out the LockedJournal
    // that alone appends and rewrites.
    Journal& journal_to_write();
    render::Style style();
    // The formats `command` prints, registered by its setup: its --format
    // values, here and in the completion scripts (the one list of them).
    void accept_formats(const CLI::App& command, std::initializer_list<Format> formats);
    // Those of `command` (table alone when it registered none: it prints no
    // data, and refuses --format json or csv).
    const std::vector<Format>& formats_of(const CLI::App& command) const;
    // The command being run (main sets it once the command line is parsed).
    const CLI::App* running = nullptr;
    // The --format in effect for the command being run; usage error when it is
    // not one the command registered (accept_formats; none registered: table).
    Format format();
    // Prints a warning per damaged line the reader skipped (capped: warn_capped).
    // For a cron-style query (`warn_damage_once`), only damage the reminder
    // state has not recorded as said: cron mails it once, not every run.
    void warn(const ReadStats& stats);
    bool warn_damage_once = false;
    // The reminder state's lock, held from its first read to the end of the
    // command (reminder_state.cpp): overlapping runs remind once.
    std::shared_ptr<void> reminder_lock;
    // Why that lock could not be taken ("" when it was): said only by a run that announces something
    // (write_announced), never by one with nothing to say, which exits 1 silently (cron mails stderr).
    std::string reminder_lock_warning;
    // config_values's warning of a config with no home folder, when a cron-style query leaves it to
    // write_announced.
    std::string no_config_warning;
    // SPEC 10: after the command, names a journal that did not exist: "no
    // journal at PATH yet" when a command read it and it still does not exist,
    // "Started a new journal at PATH" when the command created it (both on
    // stderr). Silent for cron-style queries (`quiet_missing_journal`). "Started" is decided under the
    // journal's lock (started_a_journal): of several pumplogs starting it at once, the one that wrote first
    // (the first line written to an empty file).
    void tell_about_new_journal() const;
    // For an error's line: "no journal at PATH yet; " when the command read a
    // journal that does not exist (not for cron-style queries), else "".
    std::string missing_journal_prefix() const;
    // Whether the journal's file was missing or empty when the command first used it (false before then).
    bool journal_was_empty() const { return journal_was_empty_; }
    bool quiet_missing_journal = false;
    // Replays the journal, warning about damaged lines.
    History history(const ReplayOptions& options);
    // The same for `journal` (the locked journal, inside with_lock).
    History history(const Journal& journal, const ReplayOptions& options);
    // The history a slip check (and the reply) needs, from `since` at least:
    // the recent days first, the whole look-back only when they cannot settle
    // it (slips_settled), so `add` reads the journal's tail only (SPEC 9).
    // It holds the entries of the slip's kind, the pumps and the timer lines
    // (what the reply and a running timer need), nothing else: the reader
    // passes over the other lines (ReplayOptions::types).
    History slip_history(const SlipCheck& slip, Seconds since);

    // Several babies (SPEC 12, baby_names.cpp). `--baby NAME` checked against
    // the babies known: config `babies`, else the names the journal's feeds
    // carry (read only when config does not name it); config's spelling, else
    // the journal's. A name neither knows is a usage error listing both.
    std::string baby_named(std::string_view given);
    // The babies of the last days, as status shows them: config `babies`, then
    // the names the feeds of today and the 8 days before carry (the journal's
    // tail is read only with fewer than two configured).
    std::vector<std::string> recent_babies();
    // Whether the feeds naming no baby are `baby`'s (unnamed_feeds_are: fewer than two babies configured,
    // and the journal's feeds name no other), for --baby to count them: `baby` as baby_named returns it.
    bool unnamed_feeds_are(std::string_view baby);

private:
    void refuse_damaged(const Journal& journal) const;
    // The names the journal's feeds carry (babies_named_in), read once.
    const std::vector<std::string>& journal_babies();
    std::optional<std::vector<std::string>> journal_babies_;
    // default_config_path once: the path, or why there is none (no home folder).
    void find_config();
    std::optional<std::filesystem::path> config_path_;
    std::string no_config_path_;
    std::optional<nlohmann::json> config_;
    std::optional<Settings> settings_;
    std::optional<std::optional<Seconds>> first_feed_;  // Journal::first_feed_at, once read
    const date::time_zone* zone_ = nullptr;
    std::optional<Clock> clock_;
    std::optional<Journal> journal_;
    bool journal_existed_ = true;  // whether the journal's file existed when first used
    bool journal_was_empty_ = false;  // whether it was missing or empty then
    std::map<const CLI::App*, std::vector<Format>> formats_;
    // The damaged lines warned about so far: a command that reads the journal
    // twice (its slips, then its stash) warns of each once, and of warnings_shown
    // in all (bad_lines_said_); most_bad_lines_ counts the ones past those a read lists.
    std::vector<std::uint64_t> warned_lines_;
    std::uint64_t most_bad_lines_ = 0;
    std::size_t bad_lines_said_ = 0;
};

// PUMPLOG_LOCK_TIMEOUT_MS, checked: nullopt when unset or empty (the default,
// 10 s); a usage error (exit 2) unless a whole number of 0 to a day's milliseconds.
// The core reads no environment: the value is given to the Journal.
inline constexpr std::int64_t most_lock_timeout_ms = 86'400'000;
std::optional<std::chrono::milliseconds> lock_timeout_from_env();

// The process's environment, for the core's functions that take one.
const char* environment(const char* name);

std::string_view format_name(Format format);

// "did you mean": the closest of `names` to `word` within 2 edits, or "".
std::string closest(std::string_view word, const std::vector<std::string>& names);

// SPEC 8: warnings about bad lines are capped. Prints `warn_one(i)` for the
// first 10 of `count`, then one line with the number left unprinted and
// "run pumplog log check" (`where` names the file).
inline constexpr std::size_t warnings_shown = 10;
// `more`: what the count after the first ones is of ("more skipped as above"; default: bad lines, and
// run pumplog log check, which lists them).
void warn_capped(std::size_t count, std::string_view where, const std::function<void(std::size_t)>& warn_one,
                 std::string_view more = {});

// A TIME an option gives (`option`: --now, --since, --until, --started) read otherwise than typed (read_time's
// note with TimeUse::bound: a time the clocks skip or show twice, the 12-hour rule), said on stderr in one line,
// "pumplog: warning: --since: 02:30 does not exist on ...: read as 03:30", as log --since says it: stdout may be
// CSV or JSON for a script, and the exit code is unchanged. Nothing for an empty note.
void warn_time_note(std::string_view option, const std::string& note);

// The command table: one row per top-level command. Dispatch, --help, the
// completion scripts and the man page's command list all come from it.
struct Command {
    std::string_view name;
    std::string_view summary;
    void (*setup)(CLI::App& command, Context& context);
};
const std::vector<Command>& commands();
// `status`, also what bare `pumplog` runs (status.cpp).
int run_status(Context& context);

// Global options that take a value (for the argument pre-scan in main).
bool global_option_takes_value(std::string_view option);
// Every global option's names (for the pre-scan's did-you-mean).
const std::vector<std::string>& global_option_names();

}  // namespace pumplog::cli
