// `completion bash|zsh|fish`: the completion scripts; and the hidden
// `completion --list commands|labels|refs|described-refs|timers|described-timers|babies|zones` that the scripts
// call (timers: the refs of the running pump timers' starts, for --started).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "completion_model.hpp"
#include "completion_scripts.hpp"
#include "context.hpp"
#include "pumplog/completion_values.hpp"
#include "pumplog/error.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

const CLI::App& root_of(const CLI::App& app) {
    const CLI::App* root = &app;
    while (root->get_parent() != nullptr) root = root->get_parent();
    return *root;
}

// Refs offered: the newest entries of the last 30 days (a month covers what one
// corrects), at most refs_offered of them (not a journal's 204).
constexpr auto refs_window = date::days(30);
constexpr std::size_t refs_offered = 20;

// What an entry is, beside its ref (zsh and fish show it): its local time and
// what `log` says of it, "2026-11-21 07:00 pumped 100 ml". Journal text in it
// is escaped (render::describe); a note is left out.
std::string ref_description(Context& ctx, const Entry& e, const std::unordered_map<std::string, std::string>& labels) {
    const auto label = labels.find(e.target);
    return format_date_time(e.at.instant, ctx.clock().zone) + " " +
           render::describe(e, ctx.unit(), label == labels.end() ? std::string_view() : std::string_view(label->second));
}

// One value a line; `described-refs` and `described-timers`: "REF<TAB>DESCRIPTION".
std::vector<std::string> journal_values(Context& ctx, std::string_view what) {
    ctx.quiet_missing_journal = true;  // completion never prints to the terminal
    if (what == "babies") return ctx.settings().babies;
    const Journal& journal = ctx.journal();
    // The stash as `stock` replays it (CDC limits; expiry does not matter here).
    if (what == "labels") return labels_in_stock(read_stock(journal, cdc_guideline(), {}, std::nullopt, false).stock);
    // `pump stop|pause|resume --started`: the running timers' starts alone (another entry's ref is refused there),
    // from the days the pump commands look at.
    const bool timers = what == "timers" || what == "described-timers";
    ReplayOptions options;
    options.since = timers ? Seconds(ctx.clock().now - timer_lookback) : Seconds(ctx.clock().now - refs_window);
    const History history = load_history(journal, options);
    std::vector<RecentRef> recent = timers ? running_timer_starts(history.entries, Refs::read(journal), ctx.clock().now)
                                           : recent_entries(history.entries, Refs::read(journal), *options.since);
    if (recent.size() > refs_offered) recent.resize(refs_offered);  // newest first
    std::unordered_map<std::string, std::string> labels;
    if (what == "described-refs") {
        std::vector<std::string> targets;
        for (const RecentRef& r : recent)
            if (!r.entry->target.empty()) targets.push_back(r.entry->target);
        if (!targets.empty()) labels = container_labels(journal, targets, false);
    }
    std::vector<std::string> values;
    for (const RecentRef& r : recent) {
        // A ref or a description a terminal would not show as it is is not offered.
        if (terminal_text(r.ref) != r.ref || r.ref.starts_with('-')) continue;
        if (what == "refs" || what == "timers") {
            values.push_back(r.ref);
            continue;
        }
        std::string description = ref_description(ctx, *r.entry, labels);
        if (terminal_text(description) != description) description.clear();
        values.push_back(r.ref + "\t" + description);
    }
    return values;
}

// The --format values each command registered.
FormatsOf formats_of(const Context& ctx) {
    return [&ctx](const CLI::App& command) {
        std::vector<std::string> names;
        for (const Format f : ctx.formats_of(command)) names.emplace_back(format_name(f));
        return names;
    };
}

int run_list(Context& ctx, const CLI::App& root, const std::string& what) {
    if (what == "commands") {
        for (const auto& c : command_specs(root, formats_of(ctx)))
            if (!c.path.empty()) fmt::print("{}\n", c.path);
        return 0;
    }
    if (what == "zones") {  // no journal: the system's zone names
        for (const auto& name : zone_names()) fmt::print("{}\n", name);
        return 0;
    }
    if (what != "labels" && what != "refs" && what != "described-refs" && what != "timers" &&
        what != "described-timers" && what != "babies")
        throw usage_error(fmt::format(
            "--list {}: accepted: commands, labels, refs, described-refs, timers, described-timers, babies, zones",
            what));
    // A completion must never print an error into the user's command line: no
    // journal, an unreadable one or a bad zone all mean nothing to offer.
    std::vector<std::string> values;
    try {
        values = journal_values(ctx, what);
    } catch (const std::exception&) {
        return 0;
    }
    // One value a line, each as it is (the scripts quote them, never evaluate
    // them); one that a terminal would not show as it is (a line end, a control
    // character, a bidi override) is not offered: it could not be listed safely;
    // nor one beginning with '-', which the command would read as an option
    // (it is given after --: pumplog stock use -- -rf).
    for (const auto& v : values)
        if (what.starts_with("described-") || (terminal_text(v) == v && !v.starts_with('-'))) fmt::print("{}\n", v);
    return 0;
}

int run_script(const Context& ctx, const CLI::App& root, const std::string& shell) {
    const auto commands = command_specs(root, formats_of(ctx));
    if (shell == "bash") fmt::print("{}", bash_script(commands));
    else if (shell == "zsh") fmt::print("{}", zsh_script(commands));
    else if (shell == "fish") fmt::print("{}", fish_script(commands));
    else if (shell.empty()) throw usage_error("which shell? try pumplog completion bash (or zsh, fish)");
    else throw usage_error(fmt::format("\"{}\" is not a shell pumplog completes; use bash, zsh or fish", shell));
    return 0;
}

}  // namespace

void setup_completion(CLI::App& cmd, Context& ctx) {
    auto shell = std::make_shared<std::string>();
    auto list = std::make_shared<std::string>();
    cmd.add_option("shell", *shell, "the shell: bash, zsh or fish")->type_name("bash|zsh|fish");
    // For the scripts themselves: one value a line, nothing when there is none.
    cmd.add_option("--list", *list,
                   "print commands, labels, refs, described-refs, timers, described-timers, babies or zones, "
                   "one a line")
        ->group("");
    cmd.footer("Examples:\n"
               "  source <(pumplog completion bash)       in ~/.bashrc\n"
               "  pumplog completion zsh > ~/.zfunc/_pumplog   with fpath+=(~/.zfunc)\n"
               "  pumplog completion fish > ~/.config/fish/completions/pumplog.fish\n"
               "\n"
               "`cmake --install` and the Debian package install all three where the shells\n"
               "look for them; with bash-completion, bash finds its script by itself.");
    cmd.callback([&ctx, &cmd, shell, list] {
        ctx.action = [&ctx, &cmd, shell, list] {
            if (!list->empty()) return run_list(ctx, root_of(cmd), *list);
            return run_script(ctx, root_of(cmd), *shell);
        };
    });
}

}  // namespace pumplog::cli
