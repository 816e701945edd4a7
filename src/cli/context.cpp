#include "context.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"
#include "reminder_state.hpp"

namespace pumplog::cli {

const char* environment(const char* name) { return std::getenv(name); }

void Context::find_config() {
    if (config_path_ || !no_config_path_.empty()) return;
    try {
        config_path_ = default_config_path(environment);
    } catch (const Error& e) {  // no home folder (home_folder)
        no_config_path_ = e.what();
    }
}

const std::filesystem::path& Context::config_path() {
    find_config();
    if (!config_path_) throw usage_error(no_config_path_);
    return *config_path_;
}

std::filesystem::path Context::config_path_named() {
    find_config();
    return config_path_.value_or(std::filesystem::path());
}

const nlohmann::json& Context::config_values() {
    if (!config_) {
        find_config();
        if (!config_path_) {
            // No file to read, so none that holds a setting: the defaults, as with a home and no config file.
            // Said once (a config meant for this user may be in a home pumplog cannot find), and a cron-style
            // query says it with a reminder only: cron mails stderr.
            config_ = nlohmann::json::object();
            const std::string warning = no_config_path_ + "; the default settings are used until then";
            if (quiet_missing_journal) no_config_warning = warning;
            else fmt::print(stderr, "pumplog: warning: {}\n", terminal_text(warning));
            return *config_;
        }
        const std::filesystem::path& path = *config_path_;
        config_ = read_config(path);
        // A key that is no setting (a typo made editing the file, one a newer pumplog knows) is kept in the file
        // and ignored: said, one line each, so that "unti": "oz" does not pass for the unit (pumplog-config(1)).
        std::vector<std::string> names;
        for (const auto& k : setting_keys()) names.emplace_back(k.name);
        for (const auto& item : config_->items()) {
            if (std::find(names.begin(), names.end(), item.key()) != names.end()) continue;
            const std::string best = closest(item.key(), names);
            fmt::print(stderr, "pumplog: warning: {}: \"{}\" is not a setting{}\n", terminal_text(path.string()),
                       terminal_text(item.key()),
                       best.empty() ? "; it is ignored" : fmt::format(" (did you mean \"{}\"?)", best));
        }
    }
    return *config_;
}

const Settings& Context::settings() {
    if (!settings_) {
        // Only plan, status and report use the planner's settings: any other
        // command (add at 3 a.m.) is not refused over one edited by hand, but
        // warns once and goes on with its default.
        const CLI::App* top = running;
        while (top != nullptr && top->get_parent() != nullptr && top->get_parent()->get_parent() != nullptr)
            top = top->get_parent();
        const bool plans = top == nullptr || top->get_name() == "plan" || top->get_name() == "status" ||
                           top->get_name() == "report";
        std::vector<std::string> ignored;
        settings_ = settings_from(config_values(), config_path_named(),
                                  plans ? std::function<bool(std::string_view)>() : is_planner_setting, &ignored);
        for (const auto& why : ignored) fmt::print(stderr, "pumplog: warning: {}\n", terminal_text(why));
        // Read only when a plan needs the baby's age (nursing), and once: plan next plans more than once.
        settings_->first_feed_logged = [this] {
            if (!first_feed_) first_feed_ = journal().first_feed_at();
            return *first_feed_;
        };
    }
    return *settings_;
}

const date::time_zone* Context::zone() {
    if (!zone_) {
        std::string configured;
        const auto& values = config_values();
        if (const auto it = values.find("timezone"); it != values.end() && it->is_string())
            configured = configured_zone(it->get<std::string>());
        const char* tz = std::getenv("TZ");
        if (tz != nullptr && *tz != '\0') {
            zone_ = resolve_zone(tz, "");  // TZ wins: the configured zone is not even looked at
        } else {
            try {
                zone_ = resolve_zone(nullptr, configured);
            } catch (const Error& e) {
                // The form of the other keys' errors: the file, the problem, the fix.
                throw usage_error(fmt::format("config file {}: timezone: {}; fix it, or run pumplog config unset "
                                              "timezone",
                                              terminal_text(config_path_named().string()), e.what()));
            }
        }
    }
    return zone_;
}

namespace {

// Edit distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

}  // namespace

// "did you mean": the closest of `names` within 2 edits, or "".
std::string closest(std::string_view word, const std::vector<std::string>& names) {
    std::string best;
    std::size_t best_d = 3;
    for (const auto& name : names) {
        const std::size_t d = edit_distance(word, name);
        if (d < best_d) {
            best_d = d;
            best = name;
        }
    }
    return best;
}

namespace {

// Whether a TIME names its instant without the current time ("2026-11-20 07:30", not "07:30" or "2h ago").
bool absolute_time(const std::string& text, Clock clock) {
    try {
        clock.now = Seconds(std::chrono::hours(24 * 365 * 230));  // about 2200
        const Seconds one = parse_time_point(text, clock);
        clock.now = Seconds(std::chrono::hours(24 * 365 * 330));  // about 2300
        return parse_time_point(text, clock) == one;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

void warn_time_note(std::string_view option, const std::string& note) {
    if (!note.empty()) fmt::print(stderr, "pumplog: warning: {}: {}\n", option, note);
}

const Clock& Context::clock() {
    if (!clock_) {
        Clock clock;
        clock.zone = zone();
        clock.now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        // A time the clocks skip or show twice is warned of, as log --since warns (the one that sets now, once:
        // a PUMPLOG_NOW that --now overrides is not said).
        std::string note;
        std::string_view noted;  // the source the note is of
        const auto read_now = [&](const std::string& text, std::string_view source) {
            try {
                const TimeReading reading = read_time(text, clock, TimeUse::bound);
                clock.now = reading.span.begin;
                note = reading.note;
                noted = source;
            } catch (const Error& e) {
                throw usage_error(fmt::format("{}: {}", source, e.what()));
            }
        };
        // PUMPLOG_NOW is the current time, and --now is read against it as every time is (pumplog(1)): a bare
        // clock time is the most recent one not after PUMPLOG_NOW (on its day), not the wall clock's. A
        // PUMPLOG_NOW that is no time is refused, unless --now is a time with its date, which needs no current
        // time (the option wins over the environment, as a reviewer expected): read against two far-apart
        // clocks, it is the same instant.
        if (const char* env = std::getenv("PUMPLOG_NOW"); env && *env) {
            try {
                read_now(env, "PUMPLOG_NOW");
            } catch (const Error&) {
                if (now_option.empty() || !absolute_time(now_option, clock)) throw;
            }
        }
        if (!now_option.empty()) read_now(now_option, "--now");
        warn_time_note(noted, note);
        clock_ = clock;
    }
    return *clock_;
}

Unit Context::unit() {
    if (!unit_option.empty()) return parse_unit(unit_option);
    return settings().unit;
}

const Journal& Context::journal() { return journal_to_write(); }

Journal& Context::journal_to_write() {
    if (!journal_) {
        journal_.emplace(default_journal_path(journal_option, environment), WriteFunction{},
                         lock_timeout_from_env().value_or(default_lock_timeout));
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(journal_->path(), ec);  // one stat, as exists()
        journal_existed_ = !ec || ec != std::errc::no_such_file_or_directory;
        journal_was_empty_ = !journal_existed_ || (!ec && size == 0);
        if (strict) refuse_damaged(*journal_);
    }
    return *journal_;
}

void Context::refuse_damaged(const Journal& journal) const {
    // --strict reads every line whole, as log check does (pumplog(5)), and refuses whatever it calls an
    // error: a line's own damage and the rules between lines (a repeated id, a dangling reference, an
    // amendment that leaves its entry invalid). Only --strict pays for it: the default read is unchanged.
    const CheckReport report = check_journal(journal);
    if (report.clean()) return;
    for (const Problem& p : report.problems)
        if (p.severity == Severity::error)
            throw journal_error(fmt::format("{}:{}: {} (--strict refuses a damaged journal; see pumplog log check)",
                                            journal.path().string(), p.line, p.message));
}

void Context::tell_about_new_journal() const {
    if (!journal_) return;
    std::error_code ec;
    const std::string path = terminal_text(journal_->path().string());
    // Decided under the lock: another pumplog may have made the file (for its lock) before this one looked.
    if (started_a_journal())
        fmt::print(stderr, "Started a new journal at {}\n", path);
    else if (!journal_existed_ && !std::filesystem::exists(journal_->path(), ec) && !quiet_missing_journal)
        fmt::print(stderr, "pumplog: no journal at {} yet\n", path);
}

void Context::refuse_words_after_options(const std::vector<std::string>& amount,
                                         const std::function<void()>& parse) const {
    const WordsAfterOption* stray = nullptr;
    for (const WordsAfterOption& after : words_after_options) {
        if (std::search(amount.begin(), amount.end(), after.words.begin(), after.words.end()) == amount.end())
            continue;
        std::string words;
        for (const auto& w : after.words) words += (words.empty() ? "" : " ") + w;
        try {
            parse_session_amount(words, Unit::ml);
        } catch (const Error&) {
            stray = &after;
            break;
        }
    }
    if (stray == nullptr) return;
    try {
        parse();
    } catch (const Error&) {
        throw usage_error(stray->refusal());
    }
}

std::string Context::missing_journal_prefix() const {
    if (!journal_ || journal_existed_ || quiet_missing_journal) return {};
    std::error_code ec;
    if (std::filesystem::exists(journal_->path(), ec) || ec) return {};
    return fmt::format("no journal at {} yet; ", terminal_text(journal_->path().string()));
}

std::optional<std::chrono::milliseconds> lock_timeout_from_env() {
    const char* env = std::getenv("PUMPLOG_LOCK_TIMEOUT_MS");
    if (env == nullptr || *env == '\0') return std::nullopt;
    const std::string_view text = env;
    std::int64_t ms = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec != std::errc() || end != text.data() + text.size() || ms < 0 || ms > most_lock_timeout_ms)
        throw usage_error(fmt::format("PUMPLOG_LOCK_TIMEOUT_MS=\"{}\" is not a wait in milliseconds; give a whole "
                                      "number from 0 to {} (default 10000)",
                                      printable(text), most_lock_timeout_ms));
    return std::chrono::milliseconds(ms);
}

render::Style Context::style() {
    render::Style style;
    if (color_option == "always") style.color = true;
    else if (color_option == "never") style.color = false;
    else {
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        style.color = isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
    }
    return style;
}

std::string_view format_name(Format format) {
    switch (format) {
        case Format::table: return "table";
        case Format::json: return "json";
        case Format::csv: return "csv";
        case Format::ics: return "ics";
        case Format::md: return "md";
        case Format::svg: return "svg";
        case Format::html: return "html";
    }
    return "table";
}

void Context::accept_formats(const CLI::App& command, std::initializer_list<Format> formats) {
    formats_[&command] = formats;
}

const std::vector<Format>& Context::formats_of(const CLI::App& command) const {
    // A command that registered none prints only its table (and refuses the rest).
    static const std::vector<Format> table_only{Format::table};
    const auto found = formats_.find(&command);
    return found == formats_.end() ? table_only : found->second;
}

Format Context::format() {
    const std::string name = format_option.empty() ? "table" : format_option;
    std::string list;
    // The drift test in completion.bats holds completion to the same list.
    const std::vector<Format> accepted = running != nullptr ? formats_of(*running) : std::vector<Format>{Format::table};
    for (Format f : accepted) {
        if (format_name(f) == name) return f;
        list += (list.empty() ? "" : ", ") + std::string(format_name(f));
    }
    throw usage_error(fmt::format("--format {} is not available here; use {}", name, list));
}

void warn_capped(std::size_t count, std::string_view where, const std::function<void(std::size_t)>& warn_one,
                 std::string_view more) {
    for (std::size_t i = 0; i < count && i < warnings_shown; ++i) warn_one(i);
    if (count <= warnings_shown) return;
    if (!more.empty()) fmt::print(stderr, "pumplog: warning: {}: {} {}\n", where, count - warnings_shown, more);
    else
        fmt::print(stderr, "pumplog: warning: {}: {} more bad {} skipped; run pumplog log check\n", where,
                   count - warnings_shown, count - warnings_shown == 1 ? "line" : "lines");
}

void Context::warn(const ReadStats& stats) {
    if (stats.bad_lines == 0) return;
    // A command that reads the journal twice (its feeds, then its stash) warns of each damaged line once, and
    // of warnings_shown in all: a second read says only the lines the first did not, within what is left.
    std::vector<const BadLine*> fresh;
    for (const BadLine& b : stats.bad)
        if (std::find(warned_lines_.begin(), warned_lines_.end(), b.line) == warned_lines_.end()) fresh.push_back(&b);
    // Bad lines past the ones a read keeps (ReadStats::most_bad_kept) are counted, never listed.
    const std::uint64_t unlisted = stats.bad_lines - stats.bad.size();
    const std::uint64_t fresh_unlisted = unlisted > most_bad_lines_ ? unlisted - most_bad_lines_ : 0;
    if (fresh.empty() && fresh_unlisted == 0) return;
    for (const BadLine* b : fresh) warned_lines_.push_back(b->line);
    most_bad_lines_ = std::max(most_bad_lines_, unlisted);
    if (warn_damage_once && !damage_is_new(*this, stats)) return;
    // The path as given (-j, PUMPLOG_JOURNAL) is text: escaped, each warning one line.
    const std::string path = terminal_text(default_journal_path(journal_option, environment).string());
    std::uint64_t unsaid = fresh_unlisted;
    for (const BadLine* b : fresh) {
        if (bad_lines_said_ == warnings_shown) {
            ++unsaid;
            continue;
        }
        fmt::print(stderr, "pumplog: warning: {}:{}: {}; skipped (see pumplog log check)\n", path, b->line, b->reason);
        ++bad_lines_said_;
    }
    if (unsaid > 0)
        fmt::print(stderr, "pumplog: warning: {}: {} more bad {} skipped; run pumplog log check\n", path, unsaid,
                   unsaid == 1 ? "line" : "lines");
}

History Context::history(const ReplayOptions& options) { return history(journal(), options); }

History Context::history(const Journal& journal, const ReplayOptions& options) {
    ReplayOptions o = options;
    o.strict = o.strict || strict;
    History h = load_history(journal, o);
    warn(h.stats);
    return h;
}

History Context::slip_history(const SlipCheck& slip, Seconds since) {
    ReplayOptions options;
    options.strict = strict;
    options.since = std::min(since, recent_slips_since(slip, clock().now));
    options.raw = false;
    options.types = static_cast<TypeMask>(type_bit(slip.type) | type_bit(EntryType::pump) | type_bit(EntryType::timer));
    History h = load_history(journal(), options);
    if (!slips_settled(h.entries, slip, clock().now)) {
        options.since = std::min(since, slips_since(slip, clock().now));
        h = load_history(journal(), options);
    }
    warn(h.stats);
    return h;
}

}  // namespace pumplog::cli
