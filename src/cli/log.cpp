// `add`, `log` and its recording and correcting subcommands.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/error.hpp"
#include "pumplog/record.hpp"
#include "pumplog/render/entries.hpp"

namespace pumplog::cli {

namespace {

using std::chrono::seconds;

std::string new_id() { return make_ulid(std::chrono::system_clock::now()); }

struct PumpOptions {
    std::vector<std::string> amount;
    std::string at, note, duration, left, right;
    bool force = false;
};

void add_pump_options(CLI::App& cmd, PumpOptions& o) {
    cmd.add_option("amount", o.amount, "volume: 90ml, 3oz, 3 fl oz, L40 R50, or a number in the configured unit")
        ->type_name("AMOUNT");
    cmd.add_option("--at", o.at, "when it happened (default now): 14:30, \"yesterday 22:10\", \"20m ago\"")
        ->type_name("TIME");
    cmd.add_option("--left", o.left, "left side volume")->type_name("AMOUNT");
    cmd.add_option("--right", o.right, "right side volume")->type_name("AMOUNT");
    cmd.add_option("--dur", o.duration, "how long the session took: 15m, 1h")->type_name("DURATION");
    cmd.add_option("--note", o.note, "a note")->type_name("TEXT");
    cmd.add_flag("--force", o.force, "accept an implausible amount or a future time");
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

SideAmounts parse_sides(Context& ctx, const std::vector<std::string>& amount, const std::string& left,
                        const std::string& right) {
    const Unit bare = ctx.settings().unit;
    if (!left.empty() || !right.empty()) {
        if (!amount.empty()) throw usage_error("give either an amount or --left/--right, not both");
        SideAmounts s;
        if (!left.empty()) s.left = parse_amount(left, bare);
        if (!right.empty()) s.right = parse_amount(right, bare);
        s.total = s.left.value_or(Volume{}) + s.right.value_or(Volume{});
        return s;
    }
    if (amount.empty()) throw usage_error("no amount given; try pumplog add 90ml (or L40 R50)");
    return parse_session_amount(join(amount), bare);
}

int run_pump(Context& ctx, const PumpOptions& o) {
    const Clock& clock = ctx.clock();
    PumpRecord pump;
    pump.amount = parse_sides(ctx, o.amount, o.left, o.right);
    check_plausible_session(pump.amount.total, o.force);
    for (const auto& side : {pump.amount.left, pump.amount.right})
        if (side && side->ml() < 0) throw usage_error("a side's volume cannot be negative");
    pump.at = o.at.empty() ? clock.now : parse_time_point(o.at, clock);
    check_not_future(pump.at, clock.now, o.force);
    if (!o.duration.empty()) pump.duration = parse_duration(o.duration);
    pump.note = o.note;
    const Journal journal = ctx.journal();
    const Line line = pump_line(pump, new_id(), clock.zone);
    const date::sys_days day = local_day(pump.at, clock.zone);
    ReplayOptions options;
    options.since = start_of_local_day(day, clock.zone);
    // --strict refuses a damaged journal before writing to it: a refused command changes nothing.
    if (ctx.strict) ctx.history(options);
    journal.append({serialize(line)});

    // The summary: that day's pumps, read from the journal's tail only.
    const std::string date = std::string(line["at"].get<std::string>()).substr(0, 10);
    const History history = ctx.history(options);
    const DayTotal total = pumped_on(history.entries, date);
    const Unit unit = ctx.unit();
    std::string sides;
    if (pump.amount.left || pump.amount.right)
        sides = fmt::format(" (L {} / R {})", format_volume_number(pump.amount.left.value_or(Volume{}), unit),
                            format_volume_number(pump.amount.right.value_or(Volume{}), unit));
    const bool today = day == local_day(clock.now, clock.zone);
    fmt::print("Logged {}{} at {} - {} {} in {} session{}\n", format_volume(pump.amount.total, unit), sides,
               format_clock(pump.at, clock.zone), today ? "today" : date, format_volume(total.pumped, unit),
               total.sessions, total.sessions == 1 ? "" : "s");
    return 0;
}

struct FeedOptions {
    std::vector<std::string> amount;
    bool bottle = false, breast = false, force = false;
    std::string milk, left, right, duration, at, note;
};

int run_feed(Context& ctx, const FeedOptions& o) {
    const Clock& clock = ctx.clock();
    FeedRecord feed;
    feed.at = o.at.empty() ? clock.now : parse_time_point(o.at, clock);
    check_not_future(feed.at, clock.now, o.force);
    feed.note = o.note;
    if (o.bottle && o.breast) throw usage_error("a feed is either --bottle or --breast, not both");
    const bool breast = o.breast || (o.amount.empty() && (!o.left.empty() || !o.right.empty()));
    if (breast) {
        if (!o.amount.empty()) throw usage_error("a breast feed has durations, not an amount; try --left 12m --right 8m");
        if (!o.milk.empty()) throw usage_error("--milk goes with a bottle feed");
        feed.method = FeedMethod::breast;
        if (!o.left.empty()) feed.left = parse_duration(o.left);
        if (!o.right.empty()) feed.right = parse_duration(o.right);
        if (!o.duration.empty()) feed.duration = parse_duration(o.duration);
        for (const auto& d : {feed.left, feed.right, feed.duration})
            if (d && !o.force && (d->count() <= 0 || *d > std::chrono::hours(3)))
                throw usage_error(fmt::format("{} at the breast is implausible (or use --force)", format_duration(*d)));
    } else {
        if (o.amount.empty()) throw usage_error("no amount given; try pumplog log feed 120ml (or --breast --left 10m)");
        if (!o.left.empty() || !o.right.empty()) throw usage_error("--left/--right go with --breast");
        feed.method = FeedMethod::bottle;
        feed.amount = parse_amount(join(o.amount), ctx.settings().unit);
        check_plausible_session(*feed.amount, o.force);
        feed.milk = o.milk.empty() ? "breast" : parse_milk(o.milk);
    }
    const Line line = feed_line(feed, new_id(), clock.zone);
    if (ctx.strict) {  // refuse a damaged journal before writing to it (the tail a feed's day needs)
        ReplayOptions options;
        options.since = start_of_local_day(local_day(feed.at, clock.zone), clock.zone);
        ctx.history(options);
    }
    ctx.journal().append({serialize(line)});
    Entry entry;
    std::string error;
    parse_entry_line(serialize(line), entry, error);
    fmt::print("Logged {} at {}\n", render::describe(entry, ctx.unit()), format_clock(feed.at, clock.zone));
    return 0;
}

struct ListOptions {
    std::string since, until;
    bool all = false;
};

int run_list(Context& ctx, const ListOptions& o) {
    const Clock& clock = ctx.clock();
    const Format format = ctx.format({Format::table, Format::json, Format::csv});
    const date::sys_days today = local_day(clock.now, clock.zone);
    const Seconds since = o.since.empty() ? start_of_local_day(today - date::days(6), clock.zone)
                                          : parse_time_span(o.since, clock).begin;
    const bool bounded = !o.until.empty();
    const Seconds until = bounded ? parse_time_span(o.until, clock).end : Seconds::max();
    if (until <= since) throw usage_error("--until is before --since");
    ReplayOptions options;
    options.include_voided = o.all;
    History history = ctx.history(options);
    const Refs refs(all_ids(ctx.journal()));
    std::vector<render::ListedEntry> listed;
    for (std::size_t i = 0; i < history.entries.size(); ++i) {
        const Entry& e = history.entries[i];
        if (e.at.instant < since || e.at.instant >= until) continue;
        listed.push_back({&e, refs.ref(e.id), history.voided[i]});
    }
    const Unit unit = ctx.unit();
    if (format == Format::json) fmt::print("{}", render::entries_json(listed, unit));
    else if (format == Format::csv) fmt::print("{}", render::entries_csv(listed, unit));
    else if (listed.empty()) fmt::print("No entries from {}{}.\n", format_date_time(since, clock.zone),
                                        bounded ? " to " + format_date_time(until, clock.zone) : "");
    else fmt::print("{}", render::entries_table(listed, unit, ctx.style(), clock.zone));
    return 0;
}

// The one entry a reference names; usage error when none or several.
std::string resolve_one(const Refs& refs, std::string_view ref) {
    const auto ids = refs.resolve(ref);
    if (ids.empty()) throw usage_error(fmt::format("no entry has the reference \"{}\"; see pumplog log", ref));
    if (ids.size() > 1)
        throw usage_error(fmt::format("\"{}\" names {} entries; give more of its id", ref, ids.size()));
    return ids.front();
}

// The entry in effect with that id (voided entries included, flagged).
std::optional<std::pair<Entry, bool>> find_entry(Context& ctx, const std::string& id) {
    ReplayOptions options;
    options.include_voided = true;
    options.include_corrections = true;
    const History history = ctx.history(options);
    for (std::size_t i = 0; i < history.entries.size(); ++i)
        if (history.entries[i].id == id) return std::make_pair(history.entries[i], bool(history.voided[i]));
    return std::nullopt;
}

int run_undo(Context& ctx) {
    const Clock& clock = ctx.clock();
    const Journal journal = ctx.journal();
    int code = 0;
    journal.with_lock([&] {
        // The newest line written that is still in effect (an event or a correction, not a void).
        std::optional<Entry> newest;
        replay(
            journal, ReplayOptions{std::nullopt, false, true, ctx.strict},
            [&](const Replayed& r) {
                if (!newest && !r.voided && r.entry.type != EntryType::void_) newest = r.entry;
            },
            [&] { newest.reset(); });
        if (!newest) throw usage_error("nothing to undo: the journal has no entry in effect");
        journal.append({serialize(void_line(newest->id, clock.now, new_id(), clock.zone))});
        const Refs refs(all_ids(journal));
        fmt::print("Undid {} at {} (ref {})\n",
                   newest->type == EntryType::amend ? std::string("a correction") : render::describe(*newest, ctx.unit()),
                   format_date_time(newest->at.instant, clock.zone), refs.ref(newest->id));
    });
    return code;
}

int run_rm(Context& ctx, const std::vector<std::string>& refs_given) {
    const Clock& clock = ctx.clock();
    const Journal journal = ctx.journal();
    journal.with_lock([&] {
        const Refs refs(all_ids(journal));
        std::vector<std::string> lines;
        std::vector<Entry> removed;
        std::vector<std::string> seen;
        for (const auto& ref : refs_given) {
            const std::string id = resolve_one(refs, ref);
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
            seen.push_back(id);
            const auto found = find_entry(ctx, id);
            if (!found) throw usage_error(fmt::format("\"{}\" is not an entry that can be removed", ref));
            if (found->second) throw usage_error(fmt::format("\"{}\" is already voided", ref));
            if (found->first.type == EntryType::void_) throw usage_error(fmt::format("\"{}\" is itself a void", ref));
            removed.push_back(found->first);
            lines.push_back(serialize(void_line(id, clock.now, new_id(), clock.zone)));
        }
        journal.append(lines);
        for (const auto& e : removed)
            fmt::print("Removed {} at {} (ref {})\n", render::describe(e, ctx.unit()),
                       format_date_time(e.at.instant, clock.zone), refs.ref(e.id));
    });
    return 0;
}

struct EditOptions {
    std::string ref, amount, at, note, left, right, duration, milk;
    bool force = false;
};

int run_edit(Context& ctx, const EditOptions& o) {
    const Clock& clock = ctx.clock();
    const Journal journal = ctx.journal();
    journal.with_lock([&] {
        const Refs refs(all_ids(journal));
        const std::string id = resolve_one(refs, o.ref);
        const auto found = find_entry(ctx, id);
        if (!found || !found->first.is_event()) throw usage_error(fmt::format("\"{}\" cannot be edited", o.ref));
        if (found->second) throw usage_error(fmt::format("\"{}\" is voided; log it again instead", o.ref));
        const Entry& target = found->first;
        const Unit bare = ctx.settings().unit;
        nlohmann::ordered_json set = nlohmann::ordered_json::object();
        const bool breast = target.type == EntryType::feed && target.method == "breast";
        if (!o.at.empty()) {
            const Seconds at = parse_time_point(o.at, clock);
            check_not_future(at, clock.now, o.force);
            set["at"] = format_rfc3339(at, clock.zone);
        }
        if (!o.note.empty()) set["note"] = o.note;
        if (!o.amount.empty()) {
            if (breast) throw usage_error("a breast feed has no amount; use --left/--right durations");
            const SideAmounts a = parse_session_amount(o.amount, bare);
            check_plausible_session(a.total, o.force);
            set["ml"] = json_number(round_ml(a.total.ml()));
            if (a.left) set["left_ml"] = json_number(round_ml(a.left->ml()));
            if (a.right) set["right_ml"] = json_number(round_ml(a.right->ml()));
        }
        if (!o.left.empty() || !o.right.empty()) {
            if (breast) {
                if (!o.left.empty()) set["left_s"] = parse_duration(o.left).count();
                if (!o.right.empty()) set["right_s"] = parse_duration(o.right).count();
            } else if (target.type == EntryType::pump) {
                const Volume left = !o.left.empty() ? parse_amount(o.left, bare) : Volume::from_ml(target.left_ml.value_or(0));
                const Volume right = !o.right.empty() ? parse_amount(o.right, bare) : Volume::from_ml(target.right_ml.value_or(0));
                check_plausible_session(left + right, o.force);
                set["left_ml"] = json_number(round_ml(left.ml()));
                set["right_ml"] = json_number(round_ml(right.ml()));
                set["ml"] = json_number(round_ml((left + right).ml()));
            } else {
                throw usage_error("--left/--right go with a pump or a breast feed");
            }
        }
        if (!o.duration.empty()) set["dur_s"] = parse_duration(o.duration).count();
        if (!o.milk.empty()) {
            if (target.type != EntryType::feed || breast) throw usage_error("--milk goes with a bottle feed");
            set["milk"] = parse_milk(o.milk);
        }
        if (set.empty()) throw usage_error("nothing to change; give --amount, --at, --note, --left/--right, --dur or --milk");
        journal.append({serialize(amend_line(id, set, clock.now, new_id(), clock.zone))});
        Entry after = target;
        Entry amend;
        std::string error;
        parse_entry_line(serialize(amend_line(id, set, clock.now, "x", clock.zone)), amend, error);
        after.apply(amend);
        fmt::print("Changed {} to {} at {}\n", refs.ref(id), render::describe(after, ctx.unit()),
                   format_date_time(after.at.instant, clock.zone));
    });
    return 0;
}

}  // namespace

void setup_check(CLI::App& log, Context& ctx);  // check.cpp
void setup_merge(CLI::App& log, Context& ctx);  // merge.cpp

void setup_add(CLI::App& cmd, Context& ctx) {
    auto o = std::make_shared<PumpOptions>();
    add_pump_options(cmd, *o);
    cmd.footer("Examples:\n  pumplog add 90ml\n  pumplog add L40 R50 --at 6:30am --dur 15m\n  pumplog add 3 fl oz --note \"after work\"");
    cmd.callback([&ctx, o] { ctx.action = [&ctx, o] { return run_pump(ctx, *o); }; });
}


void setup_log(CLI::App& log, Context& ctx) {
    auto list = std::make_shared<ListOptions>();
    log.add_option("--since", list->since, "from this time or day (default: 6 days before today)")->type_name("TIME");
    log.add_option("--until", list->until, "to this time or day, inclusive")->type_name("TIME");
    log.add_flag("--all", list->all, "include voided entries, marked");
    log.require_subcommand(0, 1);
    log.footer("Examples:\n  pumplog log\n  pumplog log --since monday --format csv\n  pumplog log pump 90ml\n"
               "  pumplog log feed 120ml --milk formula\n  pumplog log feed --breast --left 12m --right 8m\n"
               "  pumplog log undo");
    log.callback([&ctx, list] {
        if (!ctx.action) ctx.action = [&ctx, list] { return run_list(ctx, *list); };
    });

    auto* pump = log.add_subcommand("pump", "record a pumping session");
    auto po = std::make_shared<PumpOptions>();
    add_pump_options(*pump, *po);
    pump->callback([&ctx, po] { ctx.action = [&ctx, po] { return run_pump(ctx, *po); }; });

    auto* feed = log.add_subcommand("feed", "record a bottle feed or nursing");
    auto fo = std::make_shared<FeedOptions>();
    feed->add_option("amount", fo->amount, "bottle volume: 120ml, 4oz")->type_name("AMOUNT");
    feed->add_flag("--bottle", fo->bottle, "a bottle feed (the default with an amount)");
    feed->add_flag("--breast", fo->breast, "nursing at the breast");
    feed->add_option("--milk", fo->milk, "what the bottle held: breast (default) or formula")->type_name("breast|formula");
    feed->add_option("--left", fo->left, "nursing time on the left: 12m")->type_name("DURATION");
    feed->add_option("--right", fo->right, "nursing time on the right: 8m")->type_name("DURATION");
    feed->add_option("--dur", fo->duration, "nursing time when the sides were not timed")->type_name("DURATION");
    feed->add_option("--at", fo->at, "when it happened (default now)")->type_name("TIME");
    feed->add_option("--note", fo->note, "a note")->type_name("TEXT");
    feed->add_flag("--force", fo->force, "accept an implausible amount or a future time");
    feed->callback([&ctx, fo] { ctx.action = [&ctx, fo] { return run_feed(ctx, *fo); }; });

    auto* undo = log.add_subcommand("undo", "void the newest entry still in effect");
    undo->callback([&ctx] { ctx.action = [&ctx] { return run_undo(ctx); }; });

    auto* rm = log.add_subcommand("rm", "void entries by reference");
    auto refs = std::make_shared<std::vector<std::string>>();
    rm->add_option("ref", *refs, "references shown by pumplog log")->required()->type_name("REF");
    rm->callback([&ctx, refs] { ctx.action = [&ctx, refs] { return run_rm(ctx, *refs); }; });

    auto* edit = log.add_subcommand("edit", "correct an entry (appends an amendment)");
    auto eo = std::make_shared<EditOptions>();
    edit->add_option("ref", eo->ref, "reference shown by pumplog log")->required()->type_name("REF");
    edit->add_option("--amount", eo->amount, "new volume (pump, bottle, store)")->type_name("AMOUNT");
    edit->add_option("--at", eo->at, "new time")->type_name("TIME");
    edit->add_option("--note", eo->note, "new note")->type_name("TEXT");
    edit->add_option("--left", eo->left, "left side: a volume (pump) or a duration (nursing)")->type_name("A");
    edit->add_option("--right", eo->right, "right side: a volume (pump) or a duration (nursing)")->type_name("A");
    edit->add_option("--dur", eo->duration, "new duration")->type_name("DURATION");
    edit->add_option("--milk", eo->milk, "breast or formula (bottle feeds)")->type_name("breast|formula");
    edit->add_flag("--force", eo->force, "accept an implausible amount or a future time");
    edit->callback([&ctx, eo] { ctx.action = [&ctx, eo] { return run_edit(ctx, *eo); }; });

    setup_check(log, ctx);
    setup_merge(log, ctx);
}

}  // namespace pumplog::cli
