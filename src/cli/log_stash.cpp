// The stash's part in `log`: labels, and what undo, rm and edit may not do to a container.
#include "log_stash.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/container_life.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/history.hpp"
#include "pumplog/record.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog::cli {

namespace {

bool is_stash_event(EntryType type) {
    return type == EntryType::move || type == EntryType::use || type == EntryType::discard;
}

}  // namespace

StashLabels::StashLabels(Context& ctx, const Journal& journal, const std::vector<Entry>& entries) {
    std::vector<std::string> ids;
    for (const Entry& e : entries)
        if ((is_stash_event(e.type) || e.type == EntryType::amend) && !e.target.empty()) ids.push_back(e.target);
    if (!ids.empty()) labels_ = container_labels(journal, ids, ctx.strict);
}

std::string StashLabels::of(const Entry& e) const {
    const auto it = labels_.find(e.target);
    return it == labels_.end() ? std::string() : it->second;
}

std::string StashLabels::describe(const Entry& e, Unit unit) const {
    // What undo and rm say they took back: "Undid the skip of the planned pump", not "Undid skipped ...".
    if (e.type == EntryType::skip) return "the skip of the planned pump";
    return render::describe(e, unit, of(e)) + render::for_baby(e);
}

std::string StashLabels::with_it(const std::vector<Entry>& command, const std::string& head, Unit unit) const {
    std::string out;
    for (const Entry& e : command)
        if (e.id != head)
            out += (out.empty() ? "; with it: " : ", ") +
                   (e.type != EntryType::amend ? describe(e, unit)
                    : of(e).empty()    ? std::string("the correction of its use of the stash")
                                       : "the correction of " + printable(of(e)));
    return out;
}

namespace {

// "used 80 ml of B35 at 2026-11-23 12:00, ref a37k": an entry of the container `store` makes.
std::string entry_named(Context& ctx, const Journal& journal, const Entry& e, const Entry& store) {
    const Refs refs = Refs::read(journal, {});
    return fmt::format("{} at {}, ref {}", render::describe(e, ctx.unit(), store.label),
                       format_date_time(e.at.instant, ctx.clock().zone), terminal_text(refs.ref(e.id)));
}

// The first move of the container out of the freezer dated after `use` (an entry of `life`, as written): the
// thaw a new use, dated before it, is waiting for. A move dated the same as a new line comes before it (ties:
// the order written), so only a later one counts.
std::optional<Entry> thaw_after(const ContainerLife& life, const Entry& use) {
    std::optional<Entry> first;
    for (const Entry& e : life.events) {
        if (e.type != EntryType::move || e.at.instant <= use.at.instant) continue;
        const auto place = place_from(e.place.text());
        if (!place || *place == Place::freezer) continue;
        if (!first || e.at.instant < first->at.instant) first = e;
    }
    return first;
}

// The refusal of a change that would make `c` happen in the life of the container `store` (as it would be after
// the change). `own`: `c` is about the changed entry itself ("this use"), or a line the command is about to write.
// `thaw`: for a new use poured from the freezer, the recorded move out of the freezer dated after it;
// `time_option`: the option that gives the command's time (--at, --now).
std::string conflict_text(Context& ctx, const Journal& journal, const LifeConflict& c, const Entry& store, bool own,
                          const std::optional<Entry>& thaw = std::nullopt, std::string_view time_option = {}) {
    const Unit unit = ctx.unit();
    const auto time = [&](Seconds t) { return format_date_time(t, ctx.clock().zone); };
    const std::string label = printable(store.label);
    const std::string kind(type_name(c.entry.type));
    const std::string taken = format_volume(counted_volume(c.entry.ml), unit);
    const std::string left = format_volume(c.left, unit);
    const std::string first = "; correct or take back that entry first";
    switch (c.problem) {
        case LifeProblem::more_than_left: {
            if (own)
                return fmt::format("only {} is in {} at {}, not {}: a use takes no more than is in its container",
                                   left, label, time(c.since), taken);
            const Refs refs = Refs::read(journal, {});
            return fmt::format("only {} would be in {}, not the {} used from it at {} (ref {}); correct or take back "
                               "that use first",
                               left, label, taken, time(c.entry.at.instant), terminal_text(refs.ref(c.entry.id)));
        }
        case LifeProblem::before_store:
            if (own)
                return fmt::format("{} was stored at {}; this {} would come before it", label, time(c.since), kind);
            return fmt::format("{} would be stored at {}, after an entry of it ({}){}", label, time(c.since),
                               entry_named(ctx, journal, c.entry, store), first);
        case LifeProblem::after_end: {
            const char* end = c.discarded ? "discarded" : "used up";
            if (own)
                return fmt::format("{} was {} at {}; this {} would come after it", label, end, time(c.since), kind);
            return fmt::format("{} would be {} at {}, before an entry of it ({}){}", label, end, time(c.since),
                               entry_named(ctx, journal, c.entry, store), first);
        }
        case LifeProblem::frozen_part: {
            const Guideline& g = guideline_named(ctx.settings().guideline);
            if (own && thaw) {
                // A new use dated before the container's recorded thaw: --thaw cannot thaw it again earlier (that
                // move would then be a move to where it already is). What is accepted: a time from the thaw on, or
                // the thaw's own time corrected first.
                const std::string ref = terminal_text(shell_quote(Refs::read(journal, {}).ref(thaw->id)));
                return fmt::format("{} is still in the freezer at {}, and {} of its {} would be poured: frozen milk "
                                   "is used only once thawed, and {} ({}); its thaw is recorded later ({}), and "
                                   "--thaw cannot thaw it again before that; give a time at or after {}{}, or first "
                                   "correct that thaw's time: pumplog log edit {} --at \"{}\"",
                                   label, time(c.since), taken, left, g.refreeze_rule, g.source,
                                   entry_named(ctx, journal, *thaw, store), time(thaw->at.instant),
                                   time_option.empty() ? std::string() : fmt::format(" ({})", time_option), ref,
                                   time(c.since));
            }
            if (own)
                return fmt::format("{} would still be in the freezer at {}, and {} of its {} poured: frozen milk is "
                                   "used only once thawed, and {} ({})",
                                   label, time(c.since), taken, left, g.refreeze_rule, g.source);
            return fmt::format("{} would still be in the freezer when {} of its {} is poured ({}): frozen milk is used "
                               "only once thawed{}",
                               label, taken, left, entry_named(ctx, journal, c.entry, store), first);
        }
        case LifeProblem::expired:
            if (own)
                return fmt::format("{} expired at {}; this {} would take expired milk (never use expired milk)",
                                   label, time(c.since), kind);
            return fmt::format("{} would expire at {}, before an entry of it ({}): never use expired milk{}", label,
                               time(c.since), entry_named(ctx, journal, c.entry, store), first);
        case LifeProblem::same_place:
            if (own)
                return fmt::format("{} would already be in the {} at {}; a move goes to another place", label,
                                   place_name(c.place), time(c.since));
            return fmt::format("{} would already be in the {} when it is moved there ({}){}", label,
                               place_name(c.place), entry_named(ctx, journal, c.entry, store), first);
        case LifeProblem::refrozen: {
            const Guideline& g = guideline_named(ctx.settings().guideline);
            if (own)
                return fmt::format("{} was thawed at {}; {} ({})", label, time(c.since), g.refreeze_rule, g.source);
            return fmt::format("{} would be thawed at {}, before it goes back into the freezer ({}): {} ({}){}", label,
                               time(c.since), entry_named(ctx, journal, c.entry, store), g.refreeze_rule, g.source,
                               first);
        }
    }
    return "the change would leave the stash impossible";  // not reached
}

}  // namespace

void check_stash_change(Context& ctx, const Journal& journal, const Entry& before, const Entry& after) {
    const bool store = before.type == EntryType::store;
    if (!store && !is_stash_event(before.type)) return;
    const auto pumped = [](const Entry& e) { return e.pumped ? std::optional<Seconds>(e.pumped->instant) : std::nullopt; };
    if (before.ml == after.ml && before.at.instant == after.at.instant && before.target == after.target &&
        before.place == after.place && pumped(before) == pumped(after))
        return;  // a note: nothing the stash counts
    const ContainerLife life = read_life(journal, store ? before.id : before.target, ctx.strict);
    if (!life.store) return;  // an entry naming no container: the stash skips it, and says so
    const Guideline& g = guideline_named(ctx.settings().guideline);
    const auto conflict = new_conflict(life_conflicts(life, g), life_conflicts(life.with(after), g));
    if (!conflict) return;
    throw usage_error(
        conflict_text(ctx, journal, *conflict, store ? after : *life.store, conflict->entry.id == before.id));
}

namespace {

// The refusal (usage error, `why` before the reason) when `added` would put
// into a container's life something `stock use` would have refused. `time_option`: for lines a command is about
// to write (not entries brought back), the option that gives their time; a conflict of one of them is then
// worded as the command's own, never as an entry to take back.
void check_added(Context& ctx, const Journal& journal, const std::vector<Entry>& added, std::string_view why,
                 std::optional<std::string_view> time_option = std::nullopt) {
    const auto container_of = [](const Entry& e) {
        if (e.type == EntryType::store) return e.id;
        return is_stash_event(e.type) ? e.target : std::string();
    };
    std::vector<std::string> containers;
    for (const Entry& e : added)
        if (const std::string c = container_of(e);
            !c.empty() && std::find(containers.begin(), containers.end(), c) == containers.end())
            containers.push_back(c);
    if (containers.empty()) return;
    const std::vector<ContainerLife> lives = read_lives(journal, containers, ctx.strict);
    for (std::size_t i = 0; i < lives.size() && i < containers.size(); ++i) {
        ContainerLife after = lives[i];
        for (const Entry& e : added) {
            if (container_of(e) != containers[i]) continue;
            if (e.type == EntryType::store) after.store = e;
            else after.events.push_back(e);
        }
        if (!after.store) continue;  // entries naming no container: the stash skips them, and says so
        const Guideline& g = guideline_named(ctx.settings().guideline);
        const auto conflict = new_conflict(life_conflicts(lives[i], g), life_conflicts(after, g));
        if (!conflict) continue;
        const bool own = time_option && std::any_of(added.begin(), added.end(), [&](const Entry& e) {
            return e.id == conflict->entry.id;
        });
        const std::optional<Entry> thaw = own && conflict->problem == LifeProblem::frozen_part
                                              ? thaw_after(lives[i], conflict->entry)
                                              : std::nullopt;
        throw usage_error(std::string(why) + conflict_text(ctx, journal, *conflict, *after.store, own, thaw,
                                                           time_option.value_or(std::string_view())));
    }
}

}  // namespace

void check_restore(Context& ctx, const Journal& journal, const std::vector<Entry>& restored) {
    check_added(ctx, journal, restored, "the removed entries cannot come back: ");
}

void check_new_stash_lines(Context& ctx, const Journal& journal, const Stock& stock,
                           const std::vector<std::string>& lines, std::string_view time_option) {
    std::vector<Entry> added;
    bool before_later = false;
    for (const std::string& line : lines) {
        Entry e;
        std::string error;
        if (!parse_entry_line(line, e, error) || !is_stash_event(e.type)) continue;
        const Container* c = stock.find_id(e.target);
        before_later = before_later || (c && c->last_event > e.at.instant);
        added.push_back(std::move(e));
    }
    // Written now, a line comes after every entry of its container, unless one is dated later (--now in the
    // past, an earlier --at): only then is the container's whole life read again to judge it.
    if (before_later) check_added(ctx, journal, added, "", time_option);
}

void check_not_combined(Context& ctx, const Journal& journal, const Entry& before, const Entry& after) {
    if (before.type != EntryType::use || before.from.empty()) return;
    if (before.ml == after.ml && before.at.instant == after.at.instant) return;
    // A combine's uses come `from` its new container; a feed's (--from-stock), from the feed.
    const InEffect into = entry_in_effect(journal, before.from, ctx.strict);
    if (!into.entry || into.voided || into.entry->type != EntryType::store) return;
    const Refs refs = Refs::read(journal, {});
    const StashLabels labels(ctx, journal, {before});
    throw usage_error(fmt::format("this use poured {} into {} when they were combined ({}); a combine is corrected "
                                  "whole: take it back (pumplog log rm {}) and combine again",
                                  printable(labels.of(before)), printable(into.entry->label),
                                  format_date_time(into.entry->at.instant, ctx.clock().zone),
                                  terminal_text(shell_quote(refs.ref(into.entry->id)))));
}

void check_feed_from_stock(Context& ctx, const Journal& journal, const Entry& before, const Entry& after,
                           const std::vector<Entry>& command) {
    if (before.type != EntryType::feed) return;
    const bool moved = before.at.instant != after.at.instant;
    const bool rebabied = !same_baby(before.baby, after.baby);  // its leftover is kept for its baby
    if (!moved && before.ml == after.ml && !rebabied) return;
    std::string labels;
    std::string kept;  // the leftover's label
    std::size_t uses = 0, leftovers = 0;
    bool whole = false;  // its one use took the feed's amount: the use follows a new amount
    const StashLabels names(ctx, journal, command);
    for (const Entry& e : command) {
        if (e.id == before.id || e.type == EntryType::amend) continue;
        if (e.type == EntryType::use) {
            ++uses;
            whole = e.ml == before.ml;
        }
        if (e.type == EntryType::store) {
            ++leftovers;
            kept = e.label;
        }
        if (e.type == EntryType::store) continue;  // the leftover it kept: named apart, not milk it took
        const std::string label = names.of(e);
        if (!label.empty() && labels.find(label) == std::string::npos) labels += (labels.empty() ? "" : ", ") + label;
        if (labels.empty()) labels = "the stash";
    }
    if (labels.empty()) return;
    const bool amount_kept = before.ml == after.ml;
    if (rebabied && uses > 0) {
        // A leftover another baby left, poured into this feed: log feed --baby with the new name would not take
        // it, nor does the correction.
        const Stock stock =
            read_stock(journal, guideline_named(ctx.settings().guideline), {}, std::nullopt, ctx.strict).stock;
        std::string named;
        for (const Entry& e : command)
            if (e.type == EntryType::use && e.id != before.id)
                for (const Container& c : stock.containers)
                    if (c.id == e.target && kept_for_another(c, baby_of(after)))
                        named += fmt::format("{}{} (what {} left)", named.empty() ? "" : ", ", printable(c.label),
                                             printable(trim_name(c.baby)));
        if (!named.empty())
            throw usage_error(fmt::format(
                "a leftover is offered again only to the baby who left it, so this feed, which took {}, cannot be "
                "{}'s; a feed from the stash is corrected whole: take it back (pumplog log rm {}) and log it again "
                "with --baby",
                named, printable(baby_of(after)), terminal_text(shell_quote(Refs::read(journal, {}).ref(before.id)))));
    }
    if (!moved && amount_kept && leftovers == 0) return;  // another baby: only a leftover is the baby's
    if (!moved && after.ml && uses == 1 && leftovers == 0 && whole) return;
    const Refs refs = Refs::read(journal, {});
    const std::string ref = terminal_text(shell_quote(refs.ref(before.id)));
    if (!moved && amount_kept)
        throw usage_error(fmt::format("what the baby left in this feed's bottle was kept as a leftover ({}), offered "
                                      "again only to that baby; a feed from the stash is corrected whole: take it "
                                      "back (pumplog log rm {}) and log it again with --baby",
                                      printable(kept), ref));
    if (!moved)
        throw usage_error(fmt::format("this feed's bottle was poured from the stash ({}){}; a feed from the stash is "
                                      "corrected whole: take it back (pumplog log rm {}) and log it again (with "
                                      "--offered for what the bottle held)",
                                      printable(labels),
                                      leftovers > 0 ? fmt::format(", and what the baby left was kept as a leftover "
                                                                  "({})",
                                                                  printable(kept))
                                                    : std::string(),
                                      ref));
    throw usage_error(fmt::format("this feed took its milk from the stash ({}) at {}, and its uses and leftover were "
                                  "written for that time (a leftover's limit runs from the feed); a feed from the "
                                  "stash is corrected whole: take it back (pumplog log rm {}) and log it again with "
                                  "--at",
                                  printable(labels), format_date_time(before.at.instant, ctx.clock().zone), ref));
}

void check_no_later_use(Context& ctx, const Journal& journal, const std::vector<Entry>& command) {
    std::vector<std::string> ids, containers;
    const auto note_container = [&](const std::string& id) {
        if (std::find(containers.begin(), containers.end(), id) == containers.end()) containers.push_back(id);
    };
    for (const Entry& e : command) {
        ids.push_back(e.id);
        if (e.type == EntryType::store) note_container(e.id);
        else if (e.type == EntryType::move && !e.target.empty()) note_container(e.target);
    }
    const auto taken_back = [&](const Entry& e) { return std::find(ids.begin(), ids.end(), e.id) != ids.end(); };
    const std::vector<ContainerLife> lives =
        containers.empty() ? std::vector<ContainerLife>{} : read_lives(journal, containers, ctx.strict);
    for (const ContainerLife& life : lives) {
        std::optional<Entry> dependent;
        const bool stored_here = life.store && taken_back(*life.store);
        // The last written first: the refusal names the newest entry that depends.
        for (std::size_t i = life.events.size(); i-- > 0 && !dependent;) {
            const Entry& later = life.events[i];
            if (taken_back(later)) continue;
            bool depends = stored_here;
            for (std::size_t m = 0; m < i && !depends; ++m)  // a move taken back, written before it
                depends = life.events[m].type == EntryType::move && taken_back(life.events[m]) &&
                          later.at.instant >= life.events[m].at.instant;
            if (depends) dependent = later;
        }
        if (!dependent && life.store) {
            // What the rest would make impossible, whatever the order written (a merge may put a
            // use of a thawed bag before its thaw): part of the bag poured in the freezer.
            ContainerLife rest = life;
            std::erase_if(rest.events, taken_back);
            const Guideline& g = guideline_named(ctx.settings().guideline);
            if (const auto conflict = new_conflict(life_conflicts(life, g), life_conflicts(rest, g)))
                dependent = conflict->entry;
        }
        if (!dependent) continue;
        const std::string label =
            life.store ? life.store->label : StashLabels(ctx, journal, {*dependent}).of(*dependent);
        const Refs refs = Refs::read(journal, {});
        throw usage_error(fmt::format("a later entry depends on this one ({} at {}, ref {}); take that back first",
                                      render::describe(*dependent, ctx.unit(), label),
                                      format_date_time(dependent->at.instant, ctx.clock().zone),
                                      terminal_text(refs.ref(dependent->id))));
    }
    // A correction of a stash entry taken back: the entry as it was before it must still fit its container.
    for (const Entry& e : command) {
        if (e.type != EntryType::amend || (e.set_fields & (field_ml | field_at | field_place | field_pumped)) == 0)
            continue;
        const InEffect now = entry_in_effect(journal, e.target, ctx.strict);
        if (!now.entry || now.voided) continue;
        if (now.entry->type != EntryType::store && !is_stash_event(now.entry->type)) continue;
        if (const auto reverted = entry_without_correction(journal, e.target, e.id, ctx.strict))
            check_stash_change(ctx, journal, *now.entry, *reverted);
    }
}

}  // namespace pumplog::cli
