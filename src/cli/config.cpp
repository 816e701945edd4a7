// `config get|set|unset|list`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "context.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/cadence.hpp"
#include "pumplog/error.hpp"
#include "pumplog/history.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/render/table.hpp"
#include "pumplog/text.hpp"
#include "pumplog/time.hpp"

namespace pumplog::cli {

namespace {

// The value stored for `key`, as its text ("" when none is stored); any JSON that is neither a string nor a
// number (written by hand) as JSON text, so that it is shown, not taken for the default.
std::string stored(Context& ctx, std::string_view key) {
    const auto& values = ctx.config_values();
    const auto it = values.find(std::string(key));
    if (it == values.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

// Why the value stored for `key` is one the key does not take ("" when it takes it, or none is stored).
std::string problem_of(Context& ctx, std::string_view key) {
    const auto& values = ctx.config_values();
    const auto it = values.find(std::string(key));
    return it == values.end() ? std::string() : stored_value_problem(key, *it);
}

// One warning line for a bad value edited by hand, in the words the commands that use the key refuse it with:
// config reads and writes the file around it, and leaves it as it is (pumplog-config(1)).
void warn_bad_value(Context& ctx, std::string_view key, std::string_view problem) {
    fmt::print(stderr, "pumplog: warning: {}\n",
               terminal_text(bad_stored_value(ctx.config_path_named(), key, problem)));
}

// Warns of every bad value stored but `except`'s: set and unset write the file with it untouched.
void warn_other_bad_values(Context& ctx, std::string_view except) {
    for (const auto& k : setting_keys())
        if (k.name != except)
            if (const std::string problem = problem_of(ctx, k.name); !problem.empty())
                warn_bad_value(ctx, k.name, problem);
}

// The keys a value of `key` is checked against when set: the gaps fit together (check_gaps), and remind_again
// is shorter than min_gap (check_remind_again).
bool checked_together(std::string_view key, std::string_view other) {
    const auto gap = [](std::string_view k) { return k == "min_gap" || k == "max_gap_day" || k == "max_gap_night"; };
    return key == other || (gap(key) && gap(other)) || (key == "remind_again" && other == "min_gap");
}

// A min_gap set at or below remind_again is taken (nothing breaks: an overdue pump is announced once, not
// again), and said: one warning line.
void warn_remind_again_too_long(Context& ctx, std::chrono::minutes min_gap) {
    const auto& values = ctx.config_values();
    std::chrono::minutes remind_again = Settings{}.remind_again;  // its default when none is stored
    if (const auto it = values.find("remind_again"); it != values.end()) {
        nlohmann::json stored_value = nlohmann::json::object();
        stored_value["remind_again"] = *it;
        try {
            remind_again = settings_from(stored_value, ctx.config_path_named()).remind_again;
        } catch (const Error&) {
            return;  // a bad value is warned of as such (warn_other_bad_values)
        }
    }
    if (remind_again < min_gap) return;
    fmt::print(stderr,
               "pumplog: warning: remind_again ({}) is not shorter than min_gap ({}) now: an overdue pump is not "
               "reminded of again; set remind_again below it to have that\n",
               format_duration(remind_again), format_duration(min_gap));
}

const SettingKey& key_of(std::string_view name) {
    for (const auto& k : setting_keys())
        if (k.name == name) return k;
    normalize_setting(name, "");  // throws the error listing the keys
    throw usage_error("unknown setting");
}

int run_get(Context& ctx, const std::string& key) {
    const SettingKey& k = key_of(key);
    const std::string value = stored(ctx, key);
    // A bad value is printed as it is stored, flagged on stderr: what the file holds, to fix.
    const std::string problem = problem_of(ctx, key);
    if (!problem.empty()) warn_bad_value(ctx, key, problem);
    // For people: a value edited by hand never reaches the terminal raw (an escape, a bidi control).
    fmt::print("{}\n", terminal_text(value.empty() && problem.empty() ? std::string(k.default_text) : value));
    return 0;
}

// A birth date after the first feed logged is almost surely a slip (the 20th for the 2nd): the baby was born by
// then. Set all the same, warned of with that feed's day: the journal may be what is wrong (a feed logged on a
// wrong day, another baby's), and plans that read that feed count the age from it (pumplog-plan(1)).
// With a date per baby (`births`), each is checked against its own baby's feeds alone: an older sibling's
// earlier feed says nothing of when the newborn was born.
void warn_birth_after_first_feed(Context& ctx, const Settings& settings) {
    // The journal's own path, not ctx.journal(): --strict does not refuse a config change over journal damage.
    const Journal journal(default_journal_path(ctx.journal_option, environment));
    // The feeds in effect (code review): a feed line since moved by log edit --at, or voided, is no first feed.
    std::optional<Seconds> first;
    std::vector<std::optional<Seconds>> first_of(settings.births.size());
    try {
        ReplayOptions options;
        options.keep = [](const Entry& e) { return e.type == EntryType::feed; };
        for (const Entry& e : load_history(journal, options).entries) {
            if (!first || e.at.instant < *first) first = e.at.instant;
            for (std::size_t i = 0; i < settings.births.size(); ++i)
                if (same_baby(e.baby, settings.births[i].baby) && (!first_of[i] || e.at.instant < *first_of[i]))
                    first_of[i] = e.at.instant;
        }
    } catch (const Error&) {
        return;  // an unreadable journal is the plan's to say; the setting is made
    }
    for (std::size_t i = 0; i < settings.births.size(); ++i) {
        if (!first_of[i]) continue;
        const date::sys_days fed = local_day(*first_of[i], ctx.clock().zone);
        const date::sys_days birth = date::sys_days(settings.births[i].day);
        if (birth <= fed) continue;
        const std::string name = terminal_text(settings.births[i].baby);
        fmt::print(stderr,
                   "pumplog: warning: {}'s birth {} is after {}'s first feed logged, on {}: {} was born by then, so "
                   "plans that read that feed count {}'s age from it; check the date (or that feed)\n",
                   name, format_date(birth), name, format_date(fed), name, name);
    }
    if (!settings.births.empty() || !settings.birth || !first) return;
    const date::sys_days birth = date::sys_days(*settings.birth);
    const date::sys_days fed = local_day(*first, ctx.clock().zone);
    if (birth <= fed) return;
    fmt::print(stderr,
               "pumplog: warning: birth {} is after the first feed logged, on {}: the baby was born by then, so "
               "plans that read that feed count the age from it; check the date (or that feed)\n",
               format_date(birth), format_date(fed));
}

// A birth date per baby as config stores it: each name as `babies` spells it, in its order (births_of_babies
// refuses a name not in it). One date, or none, is as normalize_setting gives it.
std::string births_as_configured(Context& ctx, const std::string& normalized) {
    Settings given;
    apply_setting(given, "birth", normalized);
    if (given.births.empty()) return normalized;
    nlohmann::json babies = nlohmann::json::object();
    if (const auto it = ctx.config_values().find("babies"); it != ctx.config_values().end()) babies["babies"] = *it;
    const std::vector<std::string> configured = settings_from(babies, ctx.config_path_named()).babies;
    try {
        return format_births(births_of_babies(given.births, configured));
    } catch (const Error& e) {
        throw usage_error(fmt::format("birth: {}", e.what()));
    }
}

// The babies the feeds of the planner's look-back name that `babies` (the new setting) leaves out, in one
// warning line: config only adds names, it renames no feed, so plan and status still count each as a baby (and,
// with no babies set, a feed logged without a name as one more); the way to move a feed to another baby is said.
void warn_babies_left_out(Context& ctx, const std::vector<std::string>& babies) {
    // The journal's own path, not ctx.journal(): --strict does not refuse a config change over journal damage.
    const Journal journal(default_journal_path(ctx.journal_option, environment));
    int lookback = Settings{}.lookback_days;
    try {
        lookback = ctx.settings().lookback_days;
    } catch (const Error&) {
        // a bad value elsewhere is warned of as such: the default look-back
    }
    std::vector<std::string> left_out;
    try {
        for (const std::string& name :
             babies_named_in(journal, false, lookback_since(ctx.clock().now, lookback, ctx.clock().zone)))
            if (std::none_of(babies.begin(), babies.end(), [&](const std::string& b) { return same_baby(b, name); }))
                left_out.push_back(terminal_text(name));
    } catch (const Error&) {
        return;  // an unreadable journal is the plan's to say; the setting is made
    }
    if (left_out.empty()) return;
    const std::string names = and_list(left_out);
    const bool one = left_out.size() == 1;
    fmt::print(stderr,
               "pumplog: warning: feeds of the last {} days name {}, not in babies: plan and status still count {} "
               "as {}{}; to move a feed to another baby: pumplog log edit REF --baby NAME\n",
               lookback, names, one ? "that name" : "them", one ? "a baby" : "babies",
               babies.empty() ? ", and a feed logged without a name as one more" : "");
}

int run_set(Context& ctx, const std::string& key, const std::vector<std::string>& words) {
    std::string value;
    for (const auto& w : words) value += (value.empty() ? "" : " ") + w;
    std::string normalized = normalize_setting(key, value);
    if (key == "birth") normalized = births_as_configured(ctx, normalized);
    // With no home folder to keep the file in, refused in one line (before any warning of reading none).
    const std::filesystem::path path = ctx.config_path();
    nlohmann::json values = ctx.config_values();
    values[key] = normalized;
    // The gaps must fit together: the shortest gap cannot exceed a longest one. Only the keys the value is
    // checked against must be good (a bad one is refused, naming it); a bad value of any other key, edited
    // by hand, is no business of this one: left in the file as it is, with a warning.
    nlohmann::json checked = nlohmann::json::object();
    for (const auto& item : values.items())
        if (checked_together(key, item.key())) checked[item.key()] = item.value();
    const Settings settings = settings_from(checked, path);
    check_gaps(settings, "min_gap");
    if (key == "remind_again") check_remind_again(settings, "remind_again");
    // A birth date still to come would make the baby's age negative (supply
    // mode's day -55): refused, as a slip (2027 for 2026).
    if (key == "birth") check_births(settings, local_day(ctx.clock().now, ctx.clock().zone));
    warn_other_bad_values(ctx, key);
    write_config(path, values);
    if (key == "birth") warn_birth_after_first_feed(ctx, settings);
    if (key == "min_gap") warn_remind_again_too_long(ctx, settings.min_gap);
    if (key == "babies") warn_babies_left_out(ctx, settings.babies);
    fmt::print("{} = {}\n", key, normalized.empty() ? "(unset)" : terminal_text(normalized));
    return 0;
}

int run_unset(Context& ctx, const std::string& key) {
    const SettingKey& k = key_of(key);
    const std::filesystem::path path = ctx.config_path();  // none with no home folder: refused, as set is
    nlohmann::json values = ctx.config_values();
    values.erase(key);
    warn_other_bad_values(ctx, key);
    write_config(path, values);
    if (key == "babies") warn_babies_left_out(ctx, {});
    fmt::print("{} = {} (default)\n", key, k.default_text.empty() ? "(unset)" : k.default_text);
    return 0;
}

int run_list(Context& ctx) {
    const Format format = ctx.format();
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    std::vector<std::vector<std::string>> rows;
    std::string csv = render::csv_row({"key", "value", "default", "accepted"});
    for (const auto& k : setting_keys()) {
        const std::string value = stored(ctx, k.name);
        // A bad value is shown as it is stored, marked "(bad)" in the table and named on stderr in every format.
        const std::string problem = problem_of(ctx, k.name);
        if (!problem.empty()) warn_bad_value(ctx, k.name, problem);
        const std::string shown = value.empty() && problem.empty() ? std::string(k.default_text) : value;
        json[std::string(k.name)] = shown;
        rows.push_back({std::string(k.name), shown.empty() ? "-" : terminal_text(shown),
                        !problem.empty() ? "(bad)" : value.empty() ? "(default)" : "", std::string(k.summary)});
        csv += render::csv_row({std::string(k.name), shown, std::string(k.default_text), std::string(k.accepted)});
    }
    if (format == Format::json) fmt::print("{}", render::json_output(json));
    else if (format == Format::csv) fmt::print("{}", csv);
    else fmt::print("{}", render::table({{"key"}, {"value"}, {""}, {"what it is"}}, rows));
    return 0;
}

}  // namespace

void setup_config(CLI::App& cmd, Context& ctx) {
    cmd.require_subcommand(1);
    std::string keys;
    for (const auto& k : setting_keys())
        keys += fmt::format("  {:<14} {} (default {})\n", k.name, k.accepted, k.default_text.empty() ? "none" : k.default_text);
    cmd.footer("Settings:\n" + keys + "\nExamples:\n  pumplog config set away \"mon-fri 08:00-17:30\"\n"
               "  pumplog config set unit oz\n  pumplog config list");

    auto key = std::make_shared<std::string>();
    auto* get = cmd.add_subcommand("get", "print a setting");
    get->add_option("key", *key, "the setting")->required()->type_name("KEY");
    get->footer("Examples:\n  pumplog config get unit\n  pumplog config get away");
    get->callback([&ctx, key] { ctx.action = [&ctx, key] { return run_get(ctx, *key); }; });

    auto words = std::make_shared<std::vector<std::string>>();
    auto* set = cmd.add_subcommand("set", "change a setting (validated)");
    set->add_option("key", *key, "the setting")->required()->type_name("KEY");
    set->add_option("value", *words, "its new value")->required()->type_name("VALUE");
    set->footer("Settings:\n" + keys + "\nExamples:\n  pumplog config set unit oz\n"
                "  pumplog config set away \"mon-fri 08:00-17:30; sat 09:00-13:00\"");
    set->callback([&ctx, key, words] { ctx.action = [&ctx, key, words] { return run_set(ctx, *key, *words); }; });

    auto* unset = cmd.add_subcommand("unset", "return a setting to its default");
    unset->add_option("key", *key, "the setting")->required()->type_name("KEY");
    unset->footer("Examples:\n  pumplog config unset away");
    unset->callback([&ctx, key] { ctx.action = [&ctx, key] { return run_unset(ctx, *key); }; });

    auto* list = cmd.add_subcommand("list", "print every setting with its value");
    list->footer("Examples:\n  pumplog config list\n  pumplog config list --format json");
    ctx.accept_formats(*list, {Format::table, Format::json, Format::csv});
    list->callback([&ctx] { ctx.action = [&ctx] { return run_list(ctx); }; });
}

}  // namespace pumplog::cli
