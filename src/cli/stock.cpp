// `stock`: the stored-milk inventory and its commands (SPEC 4).
#include "stock.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "pumplog/container_life.hpp"
#include "pumplog/error.hpp"
#include "pumplog/slips.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/record.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/stash.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"
#include "log_stash.hpp"
#include "reminder_state.hpp"

namespace pumplog::cli {

namespace {

std::string new_id() { return make_ulid(std::chrono::system_clock::now()); }

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

const Guideline& guideline(Context& ctx) { return guideline_named(ctx.settings().guideline); }

// The stash over the whole journal (a frozen bag may be a year old; labels are
// unique over every container ever stored), with the last days' feeds for the
// days of supply. `options`: the finished containers to keep.
// A command that writes judges its line against every entry, later ones too
// (a use back-dated with --now must not pour milk a later use already took).
StockRead read_stash(Context& ctx, const Journal& journal, const StockOptions& options = {}) {
    StockRead read = read_stock(journal, guideline(ctx), options, intake_feeds_since(ctx.clock().now), ctx.strict);
    ctx.warn(read.stats);
    return read;
}

// The stash shown (`stock`, `stock expiring`): as of now, what is stored,
// moved or used later has not happened yet.
StockRead read_stash_now(Context& ctx, const Journal& journal, StockOptions options = {}) {
    options.as_of = ctx.clock().now;
    return read_stash(ctx, journal, options);
}

// Refuses a --label of the wrong form before the lock creates a journal; the
// refusal suggests the stash's next free label (read without the lock: only
// a suggestion rides on it, nothing is written).
void check_label_form(Context& ctx, std::string_view label) {
    if (label.empty()) return;
    try {
        check_new_label(Stock{}, label);
    } catch (const Error&) {
        // No journal yet: nothing to read (and the refusal is not about a missing journal), B1 is next.
        std::error_code ec;
        if (!std::filesystem::exists(default_journal_path(ctx.journal_option, environment), ec)) throw;
        check_new_label(read_stash(ctx, ctx.journal()).stock, label);  // the same refusal, with the stash's label
        throw;
    }
}

StockOptions keeping_label(std::string_view label) {
    StockOptions options;
    options.label = std::string(label);
    return options;
}

// For a label the stash as of now does not hold (a container used up or discarded, forgotten once finished, or
// stored later: --now in the past), the container read again from every entry, keeping it, only for the refusal
// to say which (find_labelled). Each label is read once per command (plan_stock_use and find_labelled ask again,
// and so does a retry with --thaw): `reads` keeps the containers found, and the labels asked, found or not.
struct UnheldReads {
    std::deque<Stock> stocks;  // the containers given point into these, kept where they are
    std::map<std::string, const Container*, std::less<>> found;
};
UnheldPart unheld_from(Context& ctx, const Journal& journal, UnheldReads& reads) {
    return [&ctx, &journal, &reads](std::string_view label) {
        if (const auto it = reads.found.find(label); it != reads.found.end()) return it->second;
        const Stock& read = reads.stocks.emplace_back(read_stash(ctx, journal, keeping_label(label)).stock);
        const Container* c = read.find(label);
        reads.found.emplace(std::string(label), c);
        return c;
    };
}

// Whether a refusal of `stock use WHAT` without --thaw may be about part of a frozen container, so that the
// command is planned again with --thaw (run_use): an amount (a label takes its container whole, frozen or not)
// that all the usable milk of `stock`, frozen included, covers, as --thaw takes it. Otherwise --thaw is refused as
// this is, before any plan.
bool thaw_may_help(const Stock& stock, const std::string& what, Unit unit, Seconds at) {
    if (stock.find(what)) return false;
    try {
        return plan_use(stock, parse_amount(what, unit), at, Pour::any).enough;
    } catch (const Error&) {
        return false;  // not an amount
    }
}

// The stash a command naming one container by `label` (stock move, discard) reads: from every entry, keeping that
// container, as of `at` when it was used up or discarded only later (--now or --at in the past): then it still
// holds milk, and the command's line is judged against the later entries (check_new_stash_lines, as stock combine's:
// "B1 would be discarded at ..., before an entry of it ..."), not refused as finished.
Stock stash_for_label(Context& ctx, const Journal& journal, std::string_view label, Seconds at) {
    Stock stock = read_stash(ctx, journal, keeping_label(label)).stock;
    const Container* c = stock.find(label);
    if (!c || c->state == ContainerState::in_stock || !c->ended || *c->ended <= at) return stock;
    StockOptions options = keeping_label(label);
    options.as_of = at;
    return read_stash(ctx, journal, options).stock;
}

// Runs a read-check-append body under the journal lock, so that two
// processes cannot take the same milk. With no journal yet there is no stash
// to take from: the body refuses without the lock (which would create the file).
// `body` gets the journal to read and, under the lock, the locked journal to append to.
void locked_change(Context& ctx, const std::function<void(const Journal&, LockedJournal*)>& body) {
    std::error_code ec;
    if (!std::filesystem::exists(ctx.journal().path(), ec)) {
        body(ctx.journal(), nullptr);
        return;
    }
    ctx.journal_to_write().with_lock([&](LockedJournal& locked) { body(locked.journal(), &locked); });
}

// The plan's thaws (moves to the fridge) then its uses, all at `at`. `group`:
// the command's group (empty: the first of these lines starts one when there
// are several).
std::vector<std::string> use_lines(const UsePlan& plan, Seconds at, std::string_view from, const date::time_zone* zone,
                                   std::string group = {}) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < plan.thaws.size() + plan.takes.size(); ++i) ids.push_back(new_id());
    if (group.empty() && ids.size() > 1) group = ids.front();
    std::vector<std::string> lines;
    std::size_t i = 0;
    for (const Container* c : plan.thaws)
        lines.push_back(serialize(move_line(c->id, Place::fridge, at, ids[i++], zone, group)));
    for (const auto& take : plan.takes)
        lines.push_back(serialize(use_line(take.container->id, take.amount, at, from, ids[i++], zone, group)));
    return lines;
}

// A back-dated take's container as it is now (`now_c`, once the command's lines are written): a later use emptied
// it ("used up today 10:00"), it was discarded since ("discarded today 10:00": the discard threw away what this
// take left), or what is left of it after this take and what later entries took.
std::string rest_now(const Container& now_c, bool thawed_by_take, Unit unit, const Clock& clock) {
    if (now_c.state == ContainerState::used_up)
        return now_c.ended ? fmt::format("used up {}", render::when(*now_c.ended, clock.now, clock.zone)) : "used up";
    if (now_c.state == ContainerState::discarded)
        return now_c.ended ? fmt::format("discarded {}", render::when(*now_c.ended, clock.now, clock.zone))
                           : "discarded";
    const std::string rest = format_volume(now_c.left, unit);
    if (clock.now >= now_c.expires)
        return fmt::format("the other {} expired {}: discard it", rest,
                           render::when(now_c.expires, clock.now, clock.zone));
    if (!thawed_by_take) return fmt::format("{} left in the {}", rest, place_name(now_c.place));
    return fmt::format("{} left in the {}, thawed: use by {}, never refreeze", rest, place_name(now_c.place),
                       render::when(now_c.expires, clock.now, clock.zone));
}

// What is left of a container after a take, as of now: "used up", "60 ml left in the fridge, thawed: use by 15:00
// tomorrow", or for a back-dated take whose rest has expired since, "the other 20 ml expired today 13:00: discard it"
// (expired milk is never to be given: stock lists it EXPIRED). `now_stock`: for a back-dated take, its containers
// as they are now (containers_now).
std::string rest_after_take(const UsePlan& plan, const Take& take, Unit unit, Seconds at, const Guideline& g,
                            const Clock& clock, const Stock* now_stock) {
    if (take.empties) return "used up";
    const Container& c = *take.container;
    const AfterTake after = after_take(plan, take, at, g);
    if (now_stock)
        if (const Container* now_c = now_stock->find_id(c.id))
            return rest_now(*now_c, after.place != c.place, unit, clock);
    const std::string rest = format_volume(c.left - take.amount, unit);
    if (clock.now >= after.expiry.expires)
        return fmt::format("the other {} expired {}: discard it", rest,
                           render::when(after.expiry.expires, clock.now, clock.zone));
    if (after.place == c.place) return fmt::format("{} left in the {}", rest, place_name(after.place));
    return fmt::format("{} left in the {}, thawed: use by {}, never refreeze", rest, place_name(after.place),
                       render::when(after.expiry.expires, clock.now, clock.zone));
}

// The containers `plan` takes from as they are now, once `lines` (the command's thaws and uses) are written: a
// back-dated take's container with what later-dated entries did to it since (a use that emptied it, a discard),
// as `stock --all` shows it. Replayed from their lives (each store and the entries naming it), as of now.
Stock containers_now(Context& ctx, const Journal& journal, const UsePlan& plan, const std::vector<std::string>& lines) {
    std::vector<std::string> ids;
    for (const Take& take : plan.takes) ids.push_back(take.container->id);
    std::vector<Entry> entries;  // each container's store, then its entries in the order written, the new lines last
    for (ContainerLife& life : read_lives(journal, ids, ctx.strict)) {
        if (!life.store) continue;
        entries.push_back(std::move(*life.store));
        for (Entry& e : life.events) entries.push_back(std::move(e));
    }
    for (const std::string& line : lines) {
        Entry e;
        std::string error;
        if (parse_entry_line(line, e, error)) entries.push_back(std::move(e));
    }
    const Seconds now = ctx.clock().now;
    std::erase_if(entries, [&](const Entry& e) { return e.at.instant > now; });  // not happened yet
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.at.instant < b.at.instant; });
    return build_stock(entries, {}, guideline(ctx));
}

// "B2 90 ml (used up), B3 30 ml (60 ml left in the fridge, thawed: use by 15:00 tomorrow)"
std::string describe_takes(const UsePlan& plan, Unit unit, Seconds at, const Guideline& g, const Clock& clock,
                           const Stock* now_stock = nullptr) {
    std::string out;
    for (const auto& take : plan.takes)
        out += fmt::format("{}{} {} ({})", out.empty() ? "" : ", ", terminal_text(take.container->label),
                           format_volume(take.amount, unit),
                           rest_after_take(plan, take, unit, at, g, clock, now_stock));
    return out;
}

// ---- stock (the list) ----

struct ListOptions {
    bool all = false;
};

int run_list(Context& ctx, const ListOptions& o) {
    const Format format = ctx.format();
    const Clock& clock = ctx.clock();
    StockOptions options;
    options.keep_ended = o.all;
    const StockRead read = read_stash_now(ctx, ctx.journal(), options);
    const Stock& stock = read.stock;
    // SPEC 8: the first ones, then a count (log check reads lines, not the stash: it does not list these).
    warn_capped(
        stock.problems.size(), "stock",
        [&](std::size_t i) { fmt::print(stderr, "pumplog: warning: stock: {}\n", terminal_text(stock.problems[i])); },
        "more skipped as above");
    const std::vector<const Container*> listed = listed_containers(stock, clock.now, o.all);
    const Unit unit = ctx.unit();
    if (format == Format::json) {
        fmt::print("{}", render::stock_json(listed, clock.now, unit, clock.zone));
    } else if (format == Format::csv) {
        fmt::print("{}", render::stock_csv(listed, clock.now, unit, clock.zone));
    } else {
        const StockSummary summary = summarize(stock, clock.now, recent_bottle_intake(read.feeds, clock.now));
        fmt::print("{}", render::stock_table(listed, summary, clock.now, unit, ctx.style(), clock.zone));
    }
    return 0;
}

// ---- stock add ----

struct AddOptions {
    std::vector<std::string> amount;
    std::string in, pumped, label, at, note;
    bool force = false;
};

// "Stored B1: 90 ml in the fridge, ..."; `when` after the label ("Stored B1 at 09:30, 2 h ago: ...").
std::string stored_text(const Container& shown, Unit unit, Seconds now, const date::time_zone* zone,
                        const std::string& when = {}) {
    std::string out = fmt::format("Stored {}{}: {} in the {}, pumped {}; {}", terminal_text(shown.label),
                                  when.empty() ? "" : " " + when, format_volume(shown.stored, unit),
                                  place_name(shown.place), render::when(shown.pumped, now, zone),
                                  render::use_by(shown.expires, now, zone));
    if (shown.best_by) out += fmt::format(", best by {}", format_date(local_day(*shown.best_by, zone)));
    return out;
}

// The 12-hour rule's notes (SPEC 10: "11:50" typed at 03:10 is 23:50, and the reply says so).
void print_time_notes(std::initializer_list<std::string_view> times, const Clock& clock) {
    for (const std::string_view text : times)
        if (!text.empty())
            if (const std::string note = read_time(text, clock).note; !note.empty()) fmt::print("Note: {}\n", note);
}

int run_add(Context& ctx, const AddOptions& o) {
    const Clock& clock = ctx.clock();
    if (o.amount.empty()) throw usage_error("no amount given; try pumplog stock add 120ml --in fridge");
    if (o.in.empty()) throw usage_error("where is the milk kept? add --in room, cooler, fridge or freezer");
    StoreRecord store;
    // Words typed after an option's value ("--pumped 9:00 extra") are named, not as a bogus amount.
    ctx.refuse_words_after_options(o.amount, [&] { parse_amount(join(o.amount), ctx.unit()); });
    store.amount = parse_amount(join(o.amount), ctx.unit());
    check_plausible_session(store.amount, o.force, written_unit({join(o.amount)}, ctx.unit()));
    check_container_amount(store.amount);
    store.place = parse_place(o.in);
    store.at = o.at.empty() ? clock.now : parse_time_point(o.at, clock);
    check_not_future(store.at, clock.now, o.force, clock.zone);
    store.pumped = o.pumped.empty() ? store.at : parse_time_point(o.pumped, clock);
    check_not_future(store.pumped, clock.now, o.force, clock.zone);
    store.note = o.note;
    const Guideline& g = guideline(ctx);
    check_storable(g, store.pumped, store.place, store.at, clock.now, o.force, clock.zone);
    check_label_form(ctx, o.label);
    {  // slips (SPEC 10): far over the usual, or typed twice
        const SlipCheck slip{EntryType::store, store.amount, store.at, store.pumped, {}, store.place, o.label};
        check_slips(ctx.slip_history(slip, clock.now).entries, slip, clock, std::chrono::system_clock::now(), o.force,
                    ctx.unit());
    }
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        store.label = label_for(read_stash(ctx, journal.journal()).stock, o.label);
        journal.append({serialize(store_line(store, new_id(), clock.zone))});
    });
    // SPEC 10: a stored time over an hour back is named with its age ("Stored B1 at 09:30, 2 h ago: ...").
    const std::string when = clock.now - store.at > std::chrono::hours(1) ? describe_event_time(store.at, clock) : "";
    fmt::print("{}\n", stored_text(stored_container(store, g), ctx.unit(), clock.now, clock.zone, when));
    print_time_notes({o.at, o.pumped}, clock);
    return 0;
}

// ---- stock use ----

int run_use(Context& ctx, const std::vector<std::string>& what_words, bool thaw) {
    const Clock& clock = ctx.clock();
    const std::string what = join(what_words);
    if (what.empty()) throw usage_error("say what to use: an amount (90ml) or a label (B3)");  // before the stash is read
    const Unit unit = ctx.unit();
    std::string message;
    locked_change(ctx, [&](const Journal& journal, LockedJournal* locked) {
        // As of now, in the order the list shows: later-dated lines have not happened yet (they still count
        // in each container's last_event, for check_new_stash_lines). When that would leave a later-dated
        // line impossible, planned (or refused) against every entry as before: the milk those lines take is
        // not offered.
        const Guideline& g = guideline(ctx);
        // The plan points into its stock: both kept.
        Stock stock;
        UsePlan plan;
        std::vector<std::string> lines;
        bool planned = false;  // a refusal after the plan: later-dated lines it would not fit
        // A label the stash as of now does not hold: the refusal says why, as stock combine's does.
        UnheldReads unheld_reads;
        const UnheldPart unheld = unheld_from(ctx, journal, unheld_reads);
        const auto attempt = [&](bool with_thaw) {
            planned = false;
            stock = read_stash_now(ctx, journal, keeping_label(what)).stock;
            plan = plan_stock_use(stock, what, unit, clock.now, clock.zone, g, with_thaw, unheld);
            planned = true;
            lines = use_lines(plan, clock.now, "", clock.zone);
            try {
                check_new_stash_lines(ctx, journal, stock, lines, "--now");  // later-dated entries still fit
            } catch (const Error&) {
                // A label names one container: read from every entry, one used up or discarded only later than
                // --now would be refused as finished, which it is not yet; the refusal is this check's, as stock
                // combine's ("B1 would be used up at ..., before an entry of it ...").
                if (stock.find(what)) throw;
                stock = read_stash(ctx, journal, keeping_label(what)).stock;
                plan = plan_stock_use(stock, what, unit, clock.now, clock.zone, g, with_thaw);
                lines = use_lines(plan, clock.now, "", clock.zone);
                check_new_stash_lines(ctx, journal, stock, lines, "--now");
            }
        };
        try {
            attempt(thaw);
        } catch (const Error& refused) {
            if (thaw || planned || refused.kind() != ErrorKind::usage) throw;
            if (!thaw_may_help(stock, what, unit, clock.now)) throw;  // not about a frozen part
            // Part of a frozen container: the refusal says to add --thaw. When --thaw would be refused too (the
            // container's thaw is recorded later than --now), that refusal is said instead: what is accepted then
            // is another time, or that thaw's time corrected (stash review s48).
            try {
                attempt(true);
            } catch (const Error&) {
                if (planned) throw;
            }
            throw;  // the refusal without --thaw: --thaw would be accepted, or refused as this is
        }
        locked->append(lines);
        message = fmt::format("Took {}: {}", format_volume(total(plan), unit), describe_takes(plan, unit, clock.now, g, clock));
    });
    fmt::print("{}\n", message);
    return 0;
}

// ---- stock move ----

struct MoveOptions {
    std::string label, to, at;
    bool force = false;
};

// The rule a thaw follows, after "Moved ...": thawed milk's limit where it went. No guideline gives one for thawed
// milk in a cooler: the room's applies (Guideline::thawed_limit), said as such, not as the source's cooler figure.
std::string thawing(const Guideline& g, Place to, bool freezer_date_first) {
    const std::string keeps = fmt::format(". Thawing: thawed milk keeps {} in the {}{}",
                                          limit_text(*g.thawed_limit(to)), place_name(to),
                                          freezer_date_first ? " (here its freezer date comes first)" : "");
    if (to == Place::cooler)
        return fmt::format("{}, the limit for thawed milk at room temperature ({}, which gives none for a cooler); "
                           "never refreeze",
                           keeps, g.source);
    return fmt::format("{}, never refreeze ({})", keeps, g.source);
}

int run_move(Context& ctx, const MoveOptions& o) {
    const Clock& clock = ctx.clock();
    if (o.to.empty()) throw usage_error("where to? add --to room, cooler, fridge or freezer");
    const Place to = parse_place(o.to);
    const Seconds at = o.at.empty() ? clock.now : parse_time_point(o.at, clock);
    check_not_future(at, clock.now, o.force, clock.zone);
    const Guideline& g = guideline(ctx);
    std::string message;
    locked_change(ctx, [&](const Journal& journal, LockedJournal* locked) {
        const Stock stock = stash_for_label(ctx, journal, o.label, at);
        const MovePlan move = plan_move(stock, o.label, to, at, g, clock.zone);
        const Container& c = *move.container;
        const Expiry& after = move.after;
        const std::vector<std::string> lines{serialize(move_line(c.id, to, at, new_id(), clock.zone))};
        check_new_stash_lines(ctx, journal, stock, lines, "--at");
        locked->append(lines);
        message = fmt::format("Moved {} ({}) from the {} to the {}; {}{}", terminal_text(c.label),
                              format_volume(c.left, ctx.unit()), place_name(c.place), place_name(to),
                              render::use_by(after.expires, clock.now, clock.zone),
                              // The rule, not a time from now: the use-by above is the real limit (a freezer date
                              // may come first, and a thaw --at in the past has spent part of it).
                              move.thaws ? thawing(g, to, after.expires < at + *g.thawed_limit(to))
                              // Back from the room: thawed milk gets no fridge hours again (compute_expiry).
                              : c.thawed && c.place != Place::fridge && to == Place::fridge
                                  ? fmt::format(". Thawed milk brought to room temperature keeps no longer in the "
                                                "fridge than it would there (thawed milk at room temperature: up to "
                                                "{}, {})",
                                                limit_text(g.thawed_room), g.source)
                                  : "");
    });
    fmt::print("{}\n", message);
    print_time_notes({o.at}, clock);
    return 0;
}

// ---- stock discard ----

struct DiscardOptions {
    std::string label, reason;
};

int run_discard(Context& ctx, const DiscardOptions& o) {
    const Clock& clock = ctx.clock();
    std::string message;
    locked_change(ctx, [&](const Journal& journal, LockedJournal* locked) {
        const Stock stock = stash_for_label(ctx, journal, o.label, clock.now);
        const DiscardPlan discard = plan_discard(stock, o.label, o.reason, clock.now, clock.zone);
        const Container& c = *discard.container;
        const std::string& reason = discard.reason;
        const std::vector<std::string> lines{serialize(discard_line(c.id, reason, clock.now, new_id(), clock.zone))};
        check_new_stash_lines(ctx, journal, stock, lines, "--now");
        locked->append(lines);
        message = fmt::format("Discarded {} ({} in the {}){}", terminal_text(c.label), format_volume(c.left, ctx.unit()),
                              place_name(c.place), reason.empty() ? "" : ": " + terminal_text(reason));
    });
    fmt::print("{}\n", message);
    return 0;
}

// ---- stock combine ----

struct CombineOptions {
    std::vector<std::string> labels;
    std::string in, label;
    bool thaw = false;
};

int run_combine(Context& ctx, const CombineOptions& o) {
    const Clock& clock = ctx.clock();
    const std::optional<Place> in = o.in.empty() ? std::nullopt : std::optional<Place>(parse_place(o.in));
    check_label_form(ctx, o.label);
    const Guideline& g = guideline(ctx);
    std::string message, warning;
    locked_change(ctx, [&](const Journal& journal, LockedJournal* locked) {
        // As of now, as `stock use` takes milk: a bag whose thaw is recorded later (--now in the past) is still
        // frozen now; the lines are then judged against every entry, later ones too. The plan points into its
        // stock: both kept.
        Stock stock;
        CombinePlan plan;
        std::vector<std::string> lines;
        bool checked = false;  // a refusal of the lines: later-dated entries they would not fit
        // A part the stash as of now does not hold: the refusal says why (used up, discarded, stored later).
        UnheldReads unheld_reads;
        const UnheldPart unheld = unheld_from(ctx, journal, unheld_reads);
        const auto attempt = [&](bool thaw) {
            checked = false;
            stock = read_stash_now(ctx, journal).stock;
            plan = plan_combine(stock, o.labels, in, clock.now, g, clock.zone, thaw, unheld);
            plan.store.label = label_for(stock, o.label);
            const std::string id = new_id();
            plan.store.group = id;
            lines = {serialize(store_line(plan.store, id, clock.zone))};
            // The frozen parts thawed (--thaw), then poured: the moves before the uses, all at once.
            for (const Container* c : plan.thaws)
                lines.push_back(serialize(move_line(c->id, Place::fridge, clock.now, new_id(), clock.zone, id)));
            for (const Container* c : plan.parts)
                lines.push_back(serialize(use_line(c->id, c->left, clock.now, id, new_id(), clock.zone, id)));
            checked = true;
            check_new_stash_lines(ctx, journal, stock, lines, "--now");  // later-dated entries still fit
        };
        try {
            attempt(o.thaw);
        } catch (const Error& refused) {
            if (o.thaw || checked || refused.kind() != ErrorKind::usage) throw;
            // A frozen part: the refusal says to add --thaw. When --thaw would be refused too (the bag's thaw is
            // recorded later than --now), that refusal is said instead, as `stock use` does.
            try {
                attempt(true);
            } catch (const Error&) {
                if (checked) throw;
            }
            throw;
        }
        const StoreRecord& store = plan.store;
        locked->append(lines);
        warning = plan.warning;
        std::string parts;
        for (const Container* c : plan.parts) parts += (parts.empty() ? "" : " + ") + terminal_text(c->label);
        const Container made = stored_container(store, g);
        std::string thawed;
        for (const Container* c : plan.thaws) thawed += (thawed.empty() ? "" : " and ") + terminal_text(c->label);
        message = fmt::format("{}Combined {} into {}: {} in the {}, dated by its oldest milk ({}); {}{}{}",
                              thawed.empty() ? "" : "Thawed " + thawed + " (moved to the fridge). ", parts,
                              terminal_text(made.label), format_volume(made.stored, ctx.unit()), place_name(made.place),
                              render::when(made.pumped, clock.now, clock.zone),
                              render::use_by(made.expires, clock.now, clock.zone),
                              made.best_by ? fmt::format(", best by {}", format_date(local_day(*made.best_by, clock.zone)))
                                           : std::string(),
                              made.thawed ? ", thawed milk: never refreeze" : "");
    });
    if (!warning.empty()) fmt::print(stderr, "pumplog: warning: {}\n", warning);
    fmt::print("{}\n", message);
    return 0;
}

// ---- stock expiring ----

int run_expiring(Context& ctx, const std::string& within_text) {
    ctx.quiet_missing_journal = true;  // cron-style: silent on a missing journal (SPEC 10)
    ctx.warn_damage_once = true;       // and warns of a damaged line once
    const Format format = ctx.format();
    const Clock& clock = ctx.clock();
    const std::chrono::seconds within = parse_duration(within_text.empty() ? "24h" : within_text);
    if (within.count() < 0) throw usage_error("--within takes a duration such as 24h or 2d");
    const bool cron = format != Format::json && format != Format::csv;
    Stock stock;
    try {
        stock = read_stash_now(ctx, ctx.journal()).stock;
    } catch (const Error& e) {
        // A journal that cannot be read: exit 3 every time, but the cron form says why once a day (or when the
        // error changes), as `plan next --within` does, not in a mail twice a day for ever.
        if (!cron || e.kind() != ErrorKind::journal || error_is_new(ctx, e.what())) throw;
        return 3;
    }
    std::vector<const Container*> soon = expiring_within(stock, clock.now, within);
    // For cron (SPEC 10): the table names a container once per window (again
    // only when `within` has passed since it was named); the JSON, for
    // scripts and status bars, lists every one each time.
    if (!cron) {
        if (soon.empty()) return 1;
        fmt::print("{}", format == Format::json ? render::stock_json(soon, clock.now, ctx.unit(), clock.zone)
                                                : render::stock_csv(soon, clock.now, ctx.unit(), clock.zone));
        return 0;
    }
    Announced said = read_announced(ctx);
    forget_error(ctx, said);  // read again: the next error is said at once
    std::erase_if(soon, [&](const Container* c) {
        return !announce_once(ctx, said, "expiring " + c->id, [&](const Announcement& before) {
            return before.times == 0 || clock.now - before.last >= within;
        });
    });
    if (soon.empty()) return 1;
    fmt::print("{}", render::expiring_lines(soon, clock.now, ctx.unit(), clock.zone, guideline(ctx)));
    commit_announced(ctx, said);
    return 0;
}

}  // namespace

void check_pump_stored(Context& ctx, Volume amount, Seconds at, std::string_view place, bool force) {
    const Clock& clock = ctx.clock();
    const Place where = parse_place(place);
    check_container_amount(amount);
    check_storable(guideline(ctx), at, where, at, clock.now, force, clock.zone);
}

std::string append_pump_stored(Context& ctx, const Line& pump, Volume amount, Seconds at, std::string_view place) {
    const Clock& clock = ctx.clock();
    StoreRecord store;
    store.place = parse_place(place);
    store.amount = amount;
    store.at = at;
    store.pumped = at;
    store.from = pump["id"].get<std::string>();
    store.group = store.from;
    Line grouped = pump;
    grouped["group"] = store.from;
    const Guideline& g = guideline(ctx);
    ctx.journal_to_write().with_lock([&](LockedJournal& journal) {
        store.label = next_label(read_stash(ctx, journal.journal()).stock);
        journal.append({serialize(grouped), serialize(store_line(store, new_id(), clock.zone))});
    });
    return stored_text(stored_container(store, g), ctx.unit(), clock.now, clock.zone);
}

std::string append_feed_from_stock(Context& ctx, const Line& feed, Volume amount, Seconds at,
                                   std::optional<Volume> offered, bool thaw, const std::string& baby) {
    const Clock& clock = ctx.clock();
    const Unit unit = ctx.unit();
    const Guideline& g = guideline(ctx);
    std::string message;
    locked_change(ctx, [&](const Journal& journal, LockedJournal* locked) {
        const std::string group = feed["id"].get<std::string>();
        // The stash as it was at the feed's time (pumplog-log(1), --from-stock), as `stock use` takes it as of
        // its time: a bag thawed later (a back-dated feed, or --now in the past) was still frozen then, and fridge
        // milk there then goes first. When that would leave a later-dated line impossible (milk a later use took),
        // planned (or refused) against every entry as before. The plan points into its stock: both kept.
        Stock stock;
        UsePlan plan;
        std::vector<std::string> uses;
        const auto attempt = [&](const StockOptions& options) {
            stock = read_stash(ctx, journal, options).stock;
            plan = plan_feed_from_stock(stock, offered.value_or(amount), at, unit, g, thaw, baby, clock.zone,
                                        clock.now);
            uses = use_lines(plan, at, group, clock.zone, group);
            check_new_stash_lines(ctx, journal, stock, uses, "--at");  // later-dated entries still fit
        };
        try {
            attempt(stash_as_of(at));
        } catch (const Error& refused) {
            if (refused.kind() != ErrorKind::usage) throw;
            attempt({});
        }
        // What is left of each container is said as of now, as `stock use` says it: for a back-dated feed, as
        // `stock --all` will show it once the lines are written (the plan's containers are as they were at the
        // feed's time): less what later entries took, used up by a later use, or discarded since (the discard
        // then threw away what the feed left: milk poured before a bag was thrown away was given, not refused).
        std::optional<Stock> now_stock;
        if (at != clock.now) now_stock = containers_now(ctx, journal, plan, uses);
        const Stock* shown_now = now_stock ? &*now_stock : nullptr;
        Line grouped = feed;
        grouped["group"] = group;
        std::vector<std::string> lines = {serialize(grouped)};
        lines.insert(lines.end(), uses.begin(), uses.end());
        std::string kept;
        const Volume left = offered.value_or(amount) - amount;
        // What sets the use-by: the leftover limit after the feed (thawed milk's room limit when any of the
        // bottle's milk was thawed), or the milk's own expiry when it comes first.
        const LeftoverLimit limit = leftover_limit(plan, at, g);
        // The limit it quotes is the one applied: a leftover of thawed milk keeps thawed milk's room limit.
        const std::string source = limit.thawed ? fmt::format("thawed milk at room temperature, {}", g.source)
                                                : std::string(g.leftover_source);
        if (round_ml(left.ml()) >= least_container_ml) {  // less is drops, not a container
            StoreRecord store = leftover_store(plan, left, at, g, baby);
            store.label = next_label(stock);
            store.from = group;
            store.group = group;
            lines.push_back(serialize(store_line(store, new_id(), clock.zone)));
            const Container made = stored_container(store, g);
            const std::string why =
                limit.capped_by ? fmt::format("when the milk of {} expires, before {} after the feed: {}",
                                              terminal_text(limit.capped_by->label), limit_text(limit.after_feed),
                                              limit.thawed ? source : std::string(g.source))
                                : fmt::format("{} after the feed: {}", limit_text(limit.after_feed), source);
            // As of now, like the rest of a container: a back-dated feed's leftover may have expired since (stock
            // lists it EXPIRED), and expired milk is never to be given.
            if (clock.now >= made.expires)
                kept = fmt::format(". The {} left over ({}) expired {}: discard it ({})", format_volume(left, unit),
                                   terminal_text(made.label), render::when(made.expires, clock.now, clock.zone), why);
            else
                kept = fmt::format(". Kept {} left over as {}: use by {} ({}, {})", format_volume(left, unit),
                                   terminal_text(made.label), render::when(made.expires, clock.now, clock.zone),
                                   render::relative(made.expires, clock.now), why);
        }
        locked->append(lines);
        // The leftover rule in a sentence of its own that names what it is about: the milk the baby leaves in the
        // bottle, not the rest of a container (which keeps its place's limit). Thawed milk in the bottle: the room's
        // thawed limit, as a kept leftover of it has (CDC: thawed milk at room temperature, 1-2 hours).
        // A bottle poured from milk that expires before the leftover limit is over: its use-by, and why.
        const std::string within =
            limit.capped_by
                ? fmt::format("use it by {} (when the milk of {} expires, before {} after the feed)",
                              render::when(limit.until, clock.now, clock.zone), terminal_text(limit.capped_by->label),
                              limit_text(limit.after_feed))
                : fmt::format("use it within {} after the baby finishes", limit_text(limit.after_feed));
        message = kept.empty() ? fmt::format("From the stash: {}. Milk the baby leaves in the bottle: {}, then discard "
                                             "it ({})",
                                             describe_takes(plan, unit, at, g, clock, shown_now), within,
                                             limit.capped_by && !limit.thawed ? std::string(g.source) : source)
                               : fmt::format("From the stash: {}{}",
                                             describe_takes(plan, unit, at, g, clock, shown_now), kept);
    });
    return message;
}

void setup_stock(CLI::App& cmd, Context& ctx) {
    auto list = std::make_shared<ListOptions>();
    cmd.add_flag("--all", list->all, "also list used-up and discarded containers, with their final status");
    cmd.require_subcommand(0, 1);
    cmd.footer(
        "Examples:\n  pumplog stock\n  pumplog stock add 120ml --in freezer\n  pumplog stock use 150ml\n"
        "  pumplog stock move B3 --to fridge\n  pumplog stock discard B1 --reason \"smelled off\"\n"
        "  pumplog stock expiring --within 12h\n  pumplog stock combine B3 B4\n"
        "Storage limits: CDC, \"Proper Storage and Preparation of Breast Milk\" (see pumplog-stock(1)).");
    ctx.accept_formats(cmd, {Format::table, Format::json, Format::csv});
    cmd.callback([&ctx, list] {
        if (!ctx.action) ctx.action = [&ctx, list] { return run_list(ctx, *list); };
    });

    auto* add = cmd.add_subcommand("add", "store milk: pumplog stock add 120ml --in freezer");
    auto ao = std::make_shared<AddOptions>();
    add->add_option("amount", ao->amount, "volume: 120ml, 4oz, or a number in the --unit given, else the configured unit")->type_name("AMOUNT");
    add->add_option("--in", ao->in, "where it is kept: room, cooler, fridge or freezer")->type_name("PLACE");
    add->add_option("--pumped", ao->pumped, "when it was expressed (default: when stored)")->type_name("TIME");
    add->add_option("--label", ao->label, "the label written on it (default: the next B-number)")
        ->type_name("NEW-LABEL");
    add->add_option("--at", ao->at, "when it was stored (default now)")->type_name("TIME");
    add->add_option("--note", ao->note, "a note")->type_name("TEXT");
    add->add_flag("--force", ao->force, "accept an implausible amount, a future time or expired milk");
    add->footer("Examples:\n  pumplog stock add 120ml --in freezer\n  pumplog stock add 4oz --in fridge --pumped \"yesterday 22:10\"\n"
                "  pumplog stock add 90ml --in cooler --label work1");
    add->callback([&ctx, ao] { ctx.action = [&ctx, ao] { return run_add(ctx, *ao); }; });

    auto* use = cmd.add_subcommand("use", "take milk out, soonest to expire first (never expired milk)");
    auto what = std::make_shared<std::vector<std::string>>();
    auto thaw = std::make_shared<bool>(false);
    use->add_option("what", *what, "an amount (150ml) or a container's label (B3)")->type_name("AMOUNT|LABEL");
    use->add_flag("--thaw", *thaw, "thaw a frozen container whole when only part of it is taken (the rest: thawed milk in the fridge)");
    use->footer("Examples:\n  pumplog stock use 150ml\n  pumplog stock use B3\n  pumplog stock use 60ml --thaw\n"
                "Part of a frozen container is never poured without --thaw (CDC: never refreeze thawed milk).");
    use->callback([&ctx, what, thaw] { ctx.action = [&ctx, what, thaw] { return run_use(ctx, *what, *thaw); }; });

    auto* combine = cmd.add_subcommand("combine", "pour containers into one, dated by its oldest milk");
    auto co = std::make_shared<CombineOptions>();
    combine->add_option("labels", co->labels, "the containers' labels (B3 B4)")->required()->type_name("LABEL");
    combine->add_option("--in", co->in, "where the combined milk goes (default: where the parts are)")->type_name("PLACE");
    combine->add_option("--label", co->label, "the new container's label (default: the next B-number)")
        ->type_name("NEW-LABEL");
    combine->add_flag("--thaw", co->thaw,
                      "thaw the frozen containers first (frozen milk cannot be poured): the combined milk is thawed "
                      "milk in the fridge");
    combine->footer("Examples:\n  pumplog stock combine B3 B4\n  pumplog stock combine B5 B6 --in freezer\n"
                    "  pumplog stock combine B7 B8 --thaw\n"
                    "Thawed milk is never combined into the freezer (CDC: never refreeze),\n"
                    "nor is what the baby left in a bottle combined with other milk.");
    combine->callback([&ctx, co] { ctx.action = [&ctx, co] { return run_combine(ctx, *co); }; });

    auto* move = cmd.add_subcommand("move", "move a container: freezer to fridge or room is a thaw");
    auto mo = std::make_shared<MoveOptions>();
    move->add_option("label", mo->label, "the container's label (B3)")->required()->type_name("LABEL");
    move->add_option("--to", mo->to, "room, cooler, fridge or freezer")->type_name("PLACE");
    move->add_option("--at", mo->at, "when it was moved (default now)")->type_name("TIME");
    move->add_flag("--force", mo->force, "accept a future time");
    move->footer("Examples:\n  pumplog stock move B3 --to fridge\n  pumplog stock move B4 --to freezer --at 07:00\n"
                 "Thawed milk is never refrozen (CDC).");
    move->callback([&ctx, mo] { ctx.action = [&ctx, mo] { return run_move(ctx, *mo); }; });

    auto* discard = cmd.add_subcommand("discard", "throw a container away");
    auto dop = std::make_shared<DiscardOptions>();
    discard->add_option("label", dop->label, "the container's label (B3)")->required()->type_name("LABEL");
    discard->add_option("--reason", dop->reason, "why (default: \"expired\" for expired milk)")->type_name("TEXT");
    discard->footer("Examples:\n  pumplog stock discard B1\n  pumplog stock discard B2 --reason \"smelled sour\"");
    discard->callback([&ctx, dop] { ctx.action = [&ctx, dop] { return run_discard(ctx, *dop); }; });

    auto* expiring = cmd.add_subcommand("expiring", "containers that expire soon; silent with exit 1 when none");
    auto within = std::make_shared<std::string>();
    expiring->add_option("--within", *within, "how far ahead to look (default 24h)")->type_name("DURATION");
    expiring->footer("Examples:\n  pumplog stock expiring\n  pumplog stock expiring --within 12h\n"
                     "Prints nothing and exits 1 when nothing expires (for cron).");
    ctx.accept_formats(*expiring, {Format::table, Format::json, Format::csv});
    expiring->callback([&ctx, within] { ctx.action = [&ctx, within] { return run_expiring(ctx, *within); }; });
}

}  // namespace pumplog::cli
