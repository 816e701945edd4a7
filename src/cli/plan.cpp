// `plan`, `plan next`, `plan stash` and `plan bottles`.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "log_stash.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/bottles.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/plan_mode.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/render/bottles.hpp"
#include "pumplog/render/plan.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/reminders.hpp"
#include "pumplog/render/status.hpp"
#include "reminder_state.hpp"

namespace pumplog::cli {

namespace {

using std::chrono::hours;

struct PlanOptions {
    std::string on;
    std::string days = "1";  // --days: parsed by plan_days, so "x" is told what is accepted as 0 is
    std::map<std::string, std::string> overrides;  // setting key -> value given as a flag
    std::string within;                            // plan next
    std::string return_date, target;               // plan stash
    std::string baby;                              // --baby: that baby's feeds only (SPEC 12)
    std::string bottles_on;                        // plan bottles
    bool apply = false;                            // plan bottles --apply
    std::string note;                              // plan skip --note
};

Settings effective_settings(Context& ctx, const PlanOptions& o) {
    Settings s = ctx.settings();
    s.unit = ctx.unit();  // advice speaks the display unit
    for (const auto& [key, value] : o.overrides)
        if (!value.empty()) {
            try {
                apply_setting(s, key, value);
                if (key == "birth") {
                    // A date per baby names babies config knows, spelt as it spells them (pumplog-plan(1)).
                    if (!s.births.empty()) s.births = births_of_babies(s.births, s.babies);
                    check_births(s, local_day(ctx.clock().now, ctx.clock().zone));
                }
            } catch (const Error& e) {
                std::string option = key;  // the option as typed: --min-gap for min_gap
                std::replace(option.begin(), option.end(), '_', '-');
                throw usage_error(fmt::format("--{}: {}", option, e.what()));
            }
        }
    // The gaps must fit together for one run as in `config set` (a 5 h min_gap
    // beside a 4 h max_gap_day gave pumps 3 h apart, breaking one of them).
    const auto given = [&](const char* key) {
        const auto it = o.overrides.find(key);
        return it != o.overrides.end() && !it->second.empty();
    };
    if (given("min_gap") || given("max_gap_day") || given("max_gap_night"))
        check_gaps(s, given("min_gap") ? "--min-gap" : "min_gap");
    // A reminder that could never come again is refused as in `config set` (a lower --min-gap is taken).
    if (given("remind_again")) check_remind_again(s, "--remind-again");
    if (!o.baby.empty()) s.feeds_of = ctx.baby_named(o.baby);
    return s;
}

// A day to plan: a date, today, tomorrow, or a weekday. A weekday name is the next such day, today
// included (`--on monday` on a Monday plans today); with `after_today` (a return to work), today excluded.
date::sys_days parse_plan_day(std::string_view option, const std::string& text, const Clock& clock,
                              bool after_today = false) {
    const date::sys_days today = local_day(clock.now, clock.zone);
    if (const auto day = parse_weekday(text)) {
        const date::sys_days next = today + (*day - date::weekday(today));
        return after_today && next == today ? next + date::days(7) : next;
    }
    try {
        return local_day(parse_time_span(text, clock).begin, clock.zone);
    } catch (const Error&) {
        throw usage_error(
            fmt::format("{} \"{}\" is not a day; try 2026-11-23, today, tomorrow or monday", option, text));
    }
}

// What the planner reads: pumps and feeds since `since` (it looks at nothing
// else), without their raw lines: fewer and lighter entries to keep.
// With --baby, that baby's feeds only (the pumps are everyone's), and the feeds naming no baby when they are
// hers (`unnamed_too`: Context::unnamed_feeds_are).
ReplayOptions planner_history(Seconds since, const std::string& baby = "", bool unnamed_too = false) {
    ReplayOptions options;
    options.since = since;
    options.raw = false;
    options.types = static_cast<TypeMask>(type_bit(EntryType::pump) | type_bit(EntryType::feed) |
                                          type_bit(EntryType::skip) | type_bit(EntryType::timer));
    options.keep = [baby, unnamed_too](const Entry& e) {
        return e.type == EntryType::pump ||
               (e.type == EntryType::feed && (baby.empty() || is_feed_of(e, baby, unnamed_too))) ||
               e.type == EntryType::skip || e.type == EntryType::timer;
    };
    return options;
}

// The planner's history: from the look-back window of a plan made at
// `from` on (plan_reads_since); when that window has too few days with feeds
// (a break in logging), the whole journal, so the planner learns from the
// last days logged before the break (learning_since).
History read_for_plan(Context& ctx, const Settings& settings, Seconds from, const std::string& baby = "",
                      const Journal* journal = nullptr) {
    const auto read = [&](const ReplayOptions& options) {
        return journal ? ctx.history(*journal, options) : ctx.history(options);
    };
    const date::time_zone* zone = ctx.clock().zone;
    ReplayOptions options =
        planner_history(plan_reads_since(settings, from, zone), baby, !baby.empty() && ctx.unnamed_feeds_are(baby));
    History history = read(options);
    if (settings.mode != PlanMode::supply && window_short_of_feeds(history.entries, settings, from, zone)) {
        options.since.reset();
        history = read(options);
    }
    return history;
}

// --baby's name as config spells it ("" without --baby).
std::string plan_baby(Context& ctx, const PlanOptions& o) {
    return o.baby.empty() ? "" : ctx.baby_named(o.baby);
}

// How many pumps (and, apart, extra sessions) the timetable known now has on the local day of `begin`
// before it: a plan from now numbers its calendar events from the day's first pump, so that a file
// written at 07:00 and one written at 12:00 give the 12:35 pump the same UID.
render::IcsEarlier pumps_before(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                                Seconds begin) {
    const date::sys_days day = local_day(begin, clock.zone);
    const TimeSpan earlier{start_of_local_day(day, clock.zone), begin};
    if (earlier.begin >= earlier.end) return {};
    const Plan plan = settings.mode == PlanMode::supply ? plan_in_mode(entries, settings, clock, earlier)
                                                        : plan_pumps_known_now(entries, settings, clock, earlier);
    render::IcsEarlier before;
    for (const PlannedPump& p : plan.pumps)
        if (p.at < begin && local_day(p.at, clock.zone) == day) ++(p.extra ? before.extras : before.pumps);
    return before;
}

// --days: a whole number from 1 to 31 (SPEC 2: the error says what is accepted, for "x" as for 0).
int plan_days(const std::string& text) {
    int days = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw usage_error(fmt::format("--days takes 1 to 31, not \"{}\"", printable(text)));
    if (days < 1 || days > 31) throw usage_error(fmt::format("--days takes 1 to 31, not {}", days));
    return days;
}

int run_plan(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format();
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const int days = plan_days(o.days);
    const TimeSpan range = o.on.empty() ? TimeSpan{clock.now, clock.now + hours(24) * days}
                                         : local_days(parse_plan_day("--on", o.on, clock), days, clock.zone);
    const History history = read_for_plan(ctx, settings, std::min(clock.now, range.begin), plan_baby(ctx, o));
    const Plan plan = plan_in_mode(history.entries, settings, clock, range);
    const Unit unit = ctx.unit();
    switch (format) {
        case Format::json: fmt::print("{}", render::plan_json(plan, unit, clock.zone)); break;
        case Format::csv: fmt::print("{}", render::plan_csv(plan, unit, clock.zone)); break;
        case Format::ics: {
            // The first pump's day's pumps before the plan: none when that day begins after the plan
            // does (a plan from 21:00, after the day's last pump, begins with tomorrow's first).
            const bool same_day = !plan.pumps.empty() &&
                                  local_day(plan.pumps.front().at, clock.zone) == local_day(range.begin, clock.zone);
            const render::IcsEarlier earlier =
                same_day ? pumps_before(history.entries, settings, clock, range.begin) : render::IcsEarlier{};
            fmt::print("{}", render::plan_ics(plan, unit, clock.zone, clock.now, earlier, plan_baby(ctx, o)));
            break;
        }
        default: fmt::print("{}", render::plan_table(plan, range, unit, ctx.style(), clock.zone));
    }
    return 0;
}

int run_next(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format();
    std::optional<std::chrono::seconds> within;
    if (!o.within.empty()) within = parse_duration(o.within);
    // Before the settings are read: a config with no home folder is said with a reminder only, too.
    ctx.quiet_missing_journal = within.has_value();  // cron-style: silent (SPEC 10)
    ctx.warn_damage_once = within.has_value();         // and warns of a damaged line once
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const std::string baby = plan_baby(ctx, o);
    History history;
    try {
        history = read_for_plan(ctx, settings, clock.now, baby);
    } catch (const Error& e) {
        // A journal that cannot be read (its mode, a folder in its place): exit 3 every time, but under cron
        // said once (again a day later, or when the error changes), not mailed every 5 minutes.
        if (!within || e.kind() != ErrorKind::journal || error_is_new(ctx, e.what())) throw;
        return 3;
    }
    // Nothing logged (a missing or empty journal): cron stays silent, in supply mode too, which plans
    // without feeds (SPEC 10).
    if (within && history.entries.empty()) return 1;
    std::optional<NextPump> next;
    try {
        next = next_pump_in_mode(history.entries, settings, clock);
    } catch (const Error& e) {
        if (within && e.kind() == ErrorKind::usage) return 1;  // too little to plan: cron stays silent
        throw;
    }
    // What cron was told already; written once the reminders are printed (commit_announced).
    Announced said;
    if (within) {
        said = read_announced(ctx);
        forget_error(ctx, said);  // read again: the next error is said at once
    }
    // A timer left running over 2 hours is said (once under cron), never recorded.
    const auto timer = running_timer(history.entries, clock.now);
    const bool stale =
        timer && (timer->stale || !timer->stale_others.empty()) &&
        (!within || announce_once(ctx, said, "timer " + timer->id, [](const Announcement& before) {
            return before.times == 0;
        }));
    // On stdout with the table; with --format json or csv on stderr, so the
    // machine output stays one document.
    if (stale) {
        if (format == Format::table)
            fmt::print("{}", render::stale_timers_text(*timer, clock));
        else
            fmt::print(stderr, "pumplog: {}", render::stale_timers_text(*timer, clock));
    }
    const auto remind = [&](const Announcement& before) {
        return should_remind(*next, clock.now, settings.remind_again, before);
    };
    if (within && (!next || (!next->overdue && next->pump.at - clock.now > *within) ||
                   !announce_once(ctx, said, reminder_key(*next, said, settings, baby), remind))) {
        if (stale) commit_announced(ctx, said);
        return stale ? 0 : 1;
    }
    const Unit unit = ctx.unit();
    if (format == Format::csv) {
        fmt::print("{}", render::next_csv(next, unit, clock));
        if (within) commit_announced(ctx, said);
        return 0;
    }
    if (!next) {
        if (format == Format::json)
            fmt::print("null\n");
        else
            fmt::print("No pump is planned in the next 8 days; see pumplog plan.\n");
        return 0;
    }
    if (format == Format::json)
        fmt::print("{}", render::next_json(*next, unit, clock));
    else
        fmt::print("{}", render::next_text(*next, unit, clock));
    if (within) commit_announced(ctx, said);
    return 0;
}

// --target: a volume (2000ml, 60oz) or days of need (3d).
StashTarget parse_stash_target(const std::string& text, Unit unit) {
    const auto amount = [&]() -> std::optional<Volume> {
        try {
            return parse_amount(text, unit);
        } catch (const Error&) {
            return std::nullopt;
        }
    }();
    if (amount) {
        if (amount->ml() <= 0) throw usage_error("--target must be more than 0; try 1500ml, 50oz or 3d");
        return StashTarget(*amount);
    }
    std::chrono::seconds span{};
    try {
        span = parse_duration(text);
    } catch (const Error&) {
        throw usage_error(
            fmt::format("--target \"{}\" is neither a volume nor days of need; try 2000ml, 60oz or 3d", text));
    }
    const double days = static_cast<double>(span.count()) / 86400.0;
    if (days < 0.5 || days > 60)
        throw usage_error(fmt::format("--target takes half a day to 60 days of need, not {}", text));
    return StashTarget::of_days(days);
}

// `plan skip`: a `skip` line at the due pump's time, so that reminders stop.
// With --baby, the pump `plan next --baby` shows (the plan of that baby's
// feeds alone); the skip is the parent's all the same and names no baby.
int run_skip(Context& ctx, const PlanOptions& o) {
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const History history = read_for_plan(ctx, settings, clock.now, plan_baby(ctx, o));
    // The pump the planner has next, skipped or not (skips still ahead left
    // out): a second skip of it writes nothing.
    std::vector<Entry> until_now = history.entries;
    std::erase_if(until_now, [&](const Entry& e) { return e.type == EntryType::skip && e.at.instant > clock.now; });
    const auto next = next_pump_in_mode(until_now, settings, clock);
    if (!next) throw usage_error("no pump is planned to skip; see pumplog plan");
    const std::string of_day = local_day(next->pump.at, clock.zone) == local_day(clock.now, clock.zone)
                                   ? std::string()
                                   : " of " + day_label(next->pump.at, clock.zone);
    if (skip_of(history.entries, *next, settings)) {
        fmt::print("The {} pump{} is already skipped; nothing recorded\n",
                   format_clock_told_apart(next->pump.at, clock.zone), of_day);
        return 0;
    }
    Entry skip;
    skip.type = EntryType::skip;
    skip.id = make_ulid(std::chrono::system_clock::now());
    skip.at.instant = next->pump.at;
    skip.note = o.note;
    const Line line = entry_line(skip, clock.zone);
    ctx.journal_to_write().with_lock([&](LockedJournal& j) { j.append({serialize(line)}); });
    fmt::print("Skipped the {} pump{}\n", format_clock_told_apart(next->pump.at, clock.zone), of_day);
    return 0;
}

// Several babies are configured or logged (SPEC 12): one baby's plan (--baby) that counts the shared stash
// as that baby's alone says so (stash_is_shared, one_baby_advice).
bool stash_is_shared(Context& ctx) { return ctx.settings().babies.size() > 1 || ctx.recent_babies().size() > 1; }

// The advice of one baby's plan that counts the shared stash as that baby's: `alone` says what the plan is
// ("These are Ada's bottles alone, filled"), `joint` what the plan without --baby does instead, from the same
// milk ("plan bottles without --baby packs every baby's bottles"). plan bottles and plan stash word it alike.
std::string one_baby_advice(std::string_view alone, std::string_view joint) {
    return fmt::format("{} as if no other baby drank from the stash: {} from the same milk, each counted once.",
                       alone, joint);
}

int run_stash(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format();
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    const date::sys_days back = parse_plan_day("--return", o.return_date, clock, true);
    StashTarget target;
    if (!o.target.empty()) target = parse_stash_target(o.target, settings.unit);
    const History history = read_for_plan(ctx, settings, clock.now, plan_baby(ctx, o));
    const Guideline& guideline = guideline_named(settings.guideline);
    StockRead read = read_stock(ctx.journal(), guideline, stash_as_of(clock.now), std::nullopt, ctx.strict);
    ctx.warn(read.stats);
    StashPlan stash = plan_stash(history.entries, settings, clock, back, target, &read.stock);
    const std::string baby = plan_baby(ctx, o);
    // One baby's stash counts the milk stored already, and the extra session's, as that baby's alone: each
    // twin's plan would count the same milk again (Ada's and Ben's asked for 609 ml together where the two
    // babies' plan lacked 1209 ml). Said, so that twins build their stash from one plan.
    if (!baby.empty() && stash_is_shared(ctx)) {
        const std::string stored = format_volume(stash.stored, ctx.unit());
        const std::string counted =
            stash.stored.ml() > 0 ? fmt::format("the {} stored already counted", stored) : std::string("planned");
        stash.advice.push_back(one_baby_advice(fmt::format("This is {}'s stash alone, {}", baby, counted),
                                               "plan stash without --baby plans every baby's need"));
    }
    const Unit unit = ctx.unit();
    if (format == Format::json)
        fmt::print("{}", render::stash_json(stash, unit));
    else
        fmt::print("{}", render::stash_text(stash, unit));
    return 0;
}

// ---- plan bottles ----

// The bottles for the day, planned from `journal` and rendered (the plan
// points into the stash read here); with `locked`, the thaws are recorded as
// `move` lines freezer -> fridge in one write.
std::string bottles_reply(Context& ctx, const PlanOptions& o, Format format, const Journal& journal,
                          LockedJournal* locked, const std::string& baby) {
    const Settings settings = effective_settings(ctx, o);
    const Clock& clock = ctx.clock();
    // `plan bottles --on DAY`, or `plan --on DAY bottles` (the day given to plan); default tomorrow.
    const std::string& on = o.bottles_on.empty() ? o.on : o.bottles_on;
    const date::sys_days day =
        on.empty() ? local_day(clock.now, clock.zone) + date::days(1) : parse_plan_day("--on", on, clock);
    const Guideline& guideline = guideline_named(settings.guideline);
    // With --baby, that baby's feeds alone: its bottles only (the stash is shared).
    const History history = read_for_plan(ctx, settings, clock.now, baby, &journal);
    // Shown and applied, the stash as of now: a bag whose thaw is recorded later (--now in the past) is still
    // frozen now, and fills no bottle before that thaw. Applied (moves written), the thaws are judged against
    // every entry, later ones too (check_new_stash_lines).
    StockRead read = read_stock(journal, guideline, stash_as_of(clock.now), std::nullopt, ctx.strict);
    ctx.warn(read.stats);
    BottlePlan plan = plan_bottles(history.entries, read.stock, settings, guideline, clock, day);
    if (!baby.empty()) {  // each bottle is that baby's: the reply and the JSON name it, as for twins
        for (Bottle& b : plan.bottles) b.baby = baby;
        // One baby's plan fills its bottles from the whole stash: a second baby's plan would count the
        // same milk again. Said, so that twins' bottles are packed from one plan.
        if (stash_is_shared(ctx))
            plan.advice.push_back(one_baby_advice(fmt::format("These are {}'s bottles alone, filled", baby),
                                                  "plan bottles without --baby packs every baby's bottles"));
    }
    std::optional<int> applied;
    if (locked) {
        std::vector<std::string> lines;
        // Several thaws are one command's lines: `log undo` takes them back together (pumplog(5) `group`).
        std::vector<std::string> ids;
        // Only the thaws due now are recorded (the thaws are in time order); a later thaw (for feeds the
        // evening's thawed milk would not keep until) is recorded by --apply at or after its time. Before the
        // first thaw's time, nothing is recorded: refused.
        std::size_t due = 0;
        while (due < plan.thaws.size() && plan.thaws[due].at <= clock.now) ++due;
        if (due == 0 && !plan.thaws.empty()) {
            const Seconds first = plan.thaws.front().at;
            // The command to run then names the day: at that time, plain --apply plans the day after it.
            throw usage_error(fmt::format("the bags for {} thaw{} from {}: run plan bottles --on {} --apply then "
                                          "(nothing recorded now)",
                                          day_label(day),
                                          first == plan.evening && local_day(first, clock.zone) + date::days(1) == day
                                              ? " overnight"
                                              : "",
                                          format_date_time(first, clock.zone), format_date(day)));
        }
        for (std::size_t i = 0; i < due; ++i) ids.push_back(make_ulid(std::chrono::system_clock::now()));
        const std::string group = ids.size() > 1 ? ids.front() : std::string();
        for (std::size_t i = 0; i < due; ++i) {
            const Thaw& t = plan.thaws[i];
            check_move(*t.container, Place::fridge, t.at, guideline, clock.zone);
            lines.push_back(serialize(move_line(t.container->id, Place::fridge, t.at, ids[i], clock.zone, group)));
        }
        check_new_stash_lines(ctx, journal, read.stock, lines, "--now");
        if (!lines.empty()) locked->append(lines);
        applied = static_cast<int>(lines.size());
    }
    const Unit unit = ctx.unit();
    return format == Format::json ? render::bottles_json(plan, unit, clock, applied)
                                  : render::bottles_text(plan, unit, clock, applied);
}

int run_bottles(Context& ctx, const PlanOptions& o) {
    const Format format = ctx.format();
    // Checked before the lock is taken (an unknown name reads the journal): refused, nothing written.
    const std::string baby = plan_baby(ctx, o);
    std::string reply;
    std::error_code ec;
    if (!o.apply || !std::filesystem::exists(ctx.journal().path(), ec)) {
        // Without a journal there is nothing to plan from: refused without creating one.
        reply = bottles_reply(ctx, o, format, ctx.journal(), nullptr, baby);
    } else {
        ctx.journal_to_write().with_lock(
            [&](LockedJournal& locked) { reply = bottles_reply(ctx, o, format, locked.journal(), &locked, baby); });
    }
    fmt::print("{}", reply);
    return 0;
}

// plan's own --on and --days (the days a timetable covers) reach a subcommand given them, through to plan's
// (CLI11's fallthrough, which the setting flags need): one that has no use for them refuses them (SPEC 2), or
// it would answer for another day than the one named (plan skip --on tomorrow skipped today's pump).
// `what` says what the subcommand does instead.
void refuse_plan_days(const CLI::App& plan, const CLI::App& command, std::initializer_list<const char*> options,
                      std::string_view what) {
    for (const char* option : options)
        if (plan.count(option) > 0)
            throw usage_error(fmt::format("plan {} takes no {}: {} (see pumplog plan {} --help)", command.get_name(),
                                          option, what, command.get_name()));
}

// --baby: that baby's feeds alone.
void add_baby_option(CLI::App& command, PlanOptions& o,
                     const std::string& what = "plan for this baby's feeds alone (config babies; default: every "
                                               "baby's)") {
    command.add_option("--baby", o.baby, what)->type_name("BABY");
}

// The setting flags (--mode, --min-gap...): a setting for this run only. Each
// subcommand that plans registers its own (the same values) when the tree is
// read (Context::tree_read), so that its --help and the completion scripts show
// them too; in a run they fall through to plan's own.
void add_setting_flags(CLI::App& command, PlanOptions& o) {
    for (const auto& k : setting_keys()) {
        if (!is_planner_setting(k.name)) continue;  // a plan flag overrides it for one run
        std::string names = "--" + std::string(k.name);
        if (k.name.find('_') != std::string_view::npos) {
            std::string dashed(k.name);
            std::replace(dashed.begin(), dashed.end(), '_', '-');
            names += ",--" + dashed;
        }
        command
            .add_option(names, o.overrides[std::string(k.name)],
                        fmt::format("{}, for this run only: {} (setting {}, default {})", k.summary, k.accepted, k.name,
                                    k.default_text.empty() ? "none" : k.default_text))
            ->type_name("VALUE");
    }
}

void setup_bottles(CLI::App& plan, Context& ctx, const std::shared_ptr<PlanOptions>& o) {
    auto* bottles = plan.add_subcommand("bottles", "the bottles to pack for a day away, and what to thaw tonight");
    bottles->fallthrough();
    bottles->add_option("--on", o->bottles_on, "the day away (default tomorrow): 2026-11-23, tomorrow, monday")
        ->type_name("DATE");
    bottles->add_flag("--apply", o->apply,
                      "record the thaws (freezer to fridge) in the journal; a second --apply adds nothing");
    add_baby_option(*bottles, *o, "pack this baby's bottles alone (config babies; default: every baby's)");
    if (ctx.tree_read) add_setting_flags(*bottles, *o);  // else taken through to plan's
    bottles->footer(
        "Examples:\n  pumplog plan bottles\n  pumplog plan bottles --apply    (the evening before: records the thaws)\n"
        "  pumplog plan bottles --on monday --format json\n"
        "Fridge milk first, then frozen bags thawed overnight in the fridge, soonest to expire first (CDC).");
    ctx.accept_formats(*bottles, {Format::table, Format::json});
    bottles->callback([&ctx, o, &plan, bottles] {
        refuse_plan_days(plan, *bottles, {"--days"}, "it packs the bottles of one day, tomorrow or --on DAY");
        ctx.action = [&ctx, o] { return run_bottles(ctx, *o); };
    });
}

}  // namespace

void setup_plan(CLI::App& plan, Context& ctx) {
    auto o = std::make_shared<PlanOptions>();
    plan.add_option("--on", o->on,
                    "plan this local day (default: the next 24 h from now): 2026-11-23, tomorrow, monday")
        ->type_name("DATE");
    plan.add_option("--days", o->days, "plan this many days (default 1)")->type_name("N");
    add_baby_option(plan, *o);
    add_setting_flags(plan, *o);
    plan.require_subcommand(0, 1);
    plan.footer(
        "Examples:\n  pumplog plan\n  pumplog plan --on monday --away \"mon-fri 08:00-17:30\"\n"
        "  pumplog plan --mode exclusive --format ics > pumping.ics\n"
        "  pumplog plan next --within 10m\n  pumplog plan stash --return 2027-01-04\n"
        "See pumplog-plan(1) for how the plan is made (CDC: pump as often as the baby drinks while away).");
    ctx.accept_formats(plan, {Format::table, Format::json, Format::csv, Format::ics});
    plan.callback([&ctx, o] {
        if (!ctx.action) ctx.action = [&ctx, o] { return run_plan(ctx, *o); };
    });

    auto* next = plan.add_subcommand("next", "the next pump due (cron-friendly)");
    next->fallthrough();
    next->add_option("--within", o->within, "print only when a pump is due within this time (else exit 1, silently)")
        ->type_name("DURATION");
    add_baby_option(*next, *o);
    if (ctx.tree_read) add_setting_flags(*next, *o);  // else taken through to plan's
    next->footer("Examples:\n  pumplog plan next\n  pumplog plan next --within 10m    (for cron: silent, exit 1, unless due)\n"
                 "  pumplog plan next --format json");
    ctx.accept_formats(*next, {Format::table, Format::json, Format::csv});
    next->callback([&ctx, o, &plan, next] {
        refuse_plan_days(plan, *next, {"--on", "--days"}, "it shows the one pump due next, from now");
        ctx.action = [&ctx, o] { return run_next(ctx, *o); };
    });

    auto* skip = plan.add_subcommand("skip", "record that the due pump was skipped (reminders stop)");
    skip->fallthrough();
    skip->add_option("--note", o->note, "a note on the skip: why (shown by pumplog log)")->type_name("TEXT");
    add_baby_option(*skip, *o,
                    "skip the pump plan next --baby BABY shows (the skip is the parent's: it names no baby)");
    if (ctx.tree_read) add_setting_flags(*skip, *o);  // else taken through to plan's
    skip->footer("Examples:\n  pumplog plan skip    the pump plan next shows is skipped: no more reminders of it\n"
                 "  pumplog plan skip --note \"stuck in a meeting\"\n"
                 "  pumplog plan skip --baby Ada    the pump plan next --baby Ada shows");
    skip->callback([&ctx, o, &plan, skip] {
        refuse_plan_days(plan, *skip, {"--on", "--days"}, "it skips the one pump plan next shows");
        ctx.action = [&ctx, o] { return run_skip(ctx, *o); };
    });

    auto* stash = plan.add_subcommand("stash", "build a stash before returning to work");
    stash->fallthrough();
    stash->add_option("--return", o->return_date, "the day you go back to work")->required()->type_name("DATE");
    stash->add_option("--target", o->target, "the stash to have on the return day: a volume (2000ml) or days of need (3d); default 3 days")
        ->type_name("AMOUNT|DAYS");
    add_baby_option(*stash, *o);
    if (ctx.tree_read) add_setting_flags(*stash, *o);  // else taken through to plan's
    stash->footer(
        "Examples:\n  pumplog plan stash --return 2027-01-04\n  pumplog plan stash --return monday --target 2L\n"
        "  pumplog plan stash --return 2027-01-04 --target 5d\n"
        "The milk already stored and still usable on the return day counts towards the target.");
    ctx.accept_formats(*stash, {Format::table, Format::json});
    stash->callback([&ctx, o, &plan, stash] {
        refuse_plan_days(plan, *stash, {"--on", "--days"}, "it plans the days up to --return DATE");
        ctx.action = [&ctx, o] { return run_stash(ctx, *o); };
    });

    setup_bottles(plan, ctx, o);
}

}  // namespace pumplog::cli
