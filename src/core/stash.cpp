#include "pumplog/stash.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"
#include "stock_rules.hpp"

namespace pumplog {

namespace {

// Whether a read of every entry could find a container labelled `label` that `stock` does not hold: some store wrote
// that label (Stock::labels_ever, stores dated after a stash's time and voided ones included; a collision of hashes
// only costs that read). A stock without any label ever written (not replayed from a journal) may have forgotten
// them: read.
bool may_be_labelled(const Stock& stock, std::string_view label) {
    return stock.labels_ever.empty() ||
           std::find(stock.labels_ever.begin(), stock.labels_ever.end(), label_hash(label)) != stock.labels_ever.end();
}

const Container& find_container(const Stock& stock, std::string_view label) {
    if (const Container* c = stock.find(label)) return *c;
    throw usage_error(fmt::format("no container is labelled \"{}\"; see pumplog stock --all", printable(label)));
}

// The refusal when milk stored after `at` would have covered the amount (a backdated feed): the stash shows
// that milk, so the refusal says the time, the containers not yet stored then, and from when it would be taken.
// Empty when no container stored after `at` is in stock.
std::string not_yet_stored(const Stock& stock, const UsePlan& plan, Volume asked, Seconds at, Unit unit,
                           std::string_view baby, const date::time_zone* zone) {
    std::vector<const Container*> later;
    for (const auto& c : stock.containers)
        if (c.state == ContainerState::in_stock && c.left.ml() >= empty_ml && c.stored_at > at &&
            !kept_for_another(c, baby))
            later.push_back(&c);
    if (later.empty()) return "";
    std::stable_sort(later.begin(), later.end(),
                     [](const Container* a, const Container* b) { return a->stored_at < b->stored_at; });
    // All on the feed's day: the clock alone ("at 08:00 ... B1 was stored at 11:00"), else dates throughout.
    const bool one_day = local_day(later.back()->stored_at, zone) == local_day(at, zone);
    const auto time = [&](Seconds instant) {
        return one_day ? format_clock(instant, zone) : format_date_time(instant, zone);
    };
    std::string named;
    for (const Container* c : later)
        named += fmt::format("{}{} was stored at {}", named.empty() ? "" : ", ", printable(c->label),
                             time(c->stored_at));
    std::string usable = plan.usable.ml() > 0 ? fmt::format("only {} of stored milk was usable, not {}",
                                                           format_volume(plan.usable, unit), format_volume(asked, unit))
                                              : std::string("no stored milk was usable");
    for (const Container* c : later)
        if (plan_use(stock, asked, c->stored_at, Pour::any, baby).enough)
            return fmt::format("at {} {} ({}): give a time at or after {} (--at), or correct the time of a container "
                               "stored earlier than logged (pumplog log edit)",
                               time(at), usable, named, time(c->stored_at));
    return fmt::format("at {} {} ({}), and no later time has {} usable either", time(at), usable, named,
                       format_volume(asked, unit));
}

// The refusal when the stash cannot cover an amount (SPEC 4: say how much is usable).
// A leftover kept for another baby is named: the parent sees it in the stash.
Error not_enough(const Stock& stock, const UsePlan& plan, Volume asked, Seconds at, Unit unit, std::string_view baby,
                 const Guideline& guideline, const date::time_zone* zone) {
    Volume expired;
    std::vector<const Container*> kept, apart;
    for (const auto& c : stock.containers) {
        if (c.state == ContainerState::in_stock && at >= c.expires) expired += c.left;
        else if (usable_at(c, at) && kept_for_another(c, baby)) kept.push_back(&c);
        else if (usable_at(c, at) && is_leftover(c)) apart.push_back(&c);  // too little alone: never mixed (plan_use)
    }
    std::string more;
    if (expired.ml() > 0)
        more = fmt::format("; {} more has expired and is never used (pumplog stock discard LABEL)",
                           format_volume(expired, unit));
    if (!kept.empty()) {
        std::string named;
        for (const Container* c : kept)
            named += fmt::format("{}{} ({}, what {} left)", named.empty() ? "" : ", ", printable(c->label),
                                 format_volume(c->left, unit), printable(trim(c->baby)));
        // Without a baby (stock use AMOUNT), the label takes it: the parent's explicit choice.
        std::string how;
        if (baby.empty())
            how = kept.size() == 1
                      ? fmt::format(" (pumplog stock use {} takes it)", terminal_text(shell_quote(kept[0]->label)))
                      : std::string(" (pumplog stock use LABEL takes one)");
        more += fmt::format("; a leftover is offered again only to the baby who left it, so {} is not taken{}", named,
                            how);
    }
    if (!apart.empty()) {
        std::string named;
        for (const Container* c : apart)
            named += fmt::format("{}{} ({})", named.empty() ? "" : ", ", printable(c->label),
                                 format_volume(c->left, unit));
        more += fmt::format("; a leftover is never poured together with other milk: left over from a feeding, use "
                            "within {} after the baby finished ({}), so {} is not taken (less than {} alone)",
                            limit_text(guideline.leftover), guideline.leftover_source, named,
                            format_volume(asked, unit));
    }
    if (zone != nullptr) {
        const std::string message = not_yet_stored(stock, plan, asked, at, unit, baby, zone);
        if (!message.empty()) return usage_error(message + more);
    }
    return usage_error(fmt::format("only {} of stored milk is usable, not {}{}", format_volume(plan.usable, unit),
                                   format_volume(asked, unit), more));
}

UsePlan plan_from_stock(const Stock& stock, Volume amount, Seconds at, Unit unit, const Guideline& guideline,
                        bool thaw, std::string_view baby, const date::time_zone* zone, std::optional<Seconds> now,
                        bool feed);

}  // namespace

const Container& find_labelled(const Stock& stock, const std::vector<std::string>& labels, std::size_t first,
                               const LabelLookup& lookup) {
    const std::string& label = labels[first];
    // The container by that label: in `stock`, else read from every entry (null when no entry has it).
    const auto named = [&](const std::string& l) -> const Container* {
        if (const Container* c = stock.find(l)) return c;
        return lookup.unheld && may_be_labelled(stock, l) ? lookup.unheld(l) : nullptr;
    };
    const Container* c = named(label);
    if (!c) return find_container(stock, label);  // no such container: says so
    if (c->stored_at <= lookup.at) {
        if (c != stock.find(label)) plan_use_container(*c, lookup.at, lookup.zone);  // finished by then: says which
        return *c;
    }
    std::vector<std::string> later;  // "B2 was stored only at 2026-11-29 10:01", "B1 at 2026-11-29 10:00"
    Seconds from{};                  // the latest of their store times
    for (std::size_t i = first; i < labels.size(); ++i) {
        const Container* part = i == first ? c : named(labels[i]);
        if (!part || part->stored_at <= lookup.at) continue;
        later.push_back(fmt::format("{}{} at {}", printable(part->label), later.empty() ? " was stored only" : "",
                                    format_date_time(part->stored_at, lookup.zone)));
        from = std::max(from, part->stored_at);
    }
    throw usage_error(fmt::format("{}; {} cannot come before that: give a time at or after {} ({})", and_list(later),
                                  lookup.doing, format_date_time(from, lookup.zone), lookup.option));
}

std::vector<const Container*> listed_containers(const Stock& stock, Seconds now, bool all) {
    std::vector<const Container*> listed = use_order(stock, now);
    if (all) {
        std::vector<const Container*> ended;
        for (const auto& c : stock.containers)
            if (c.state != ContainerState::in_stock) ended.push_back(&c);
        std::stable_sort(ended.begin(), ended.end(), [](const Container* a, const Container* b) { return a->ended < b->ended; });
        listed.insert(listed.end(), ended.begin(), ended.end());
    }
    return listed;
}

std::vector<const Container*> expiring_within(const Stock& stock, Seconds now, std::chrono::seconds within) {
    std::vector<const Container*> soon;
    for (const Container* c : use_order(stock, now))
        if (c->expires <= now + within) soon.push_back(c);
    std::stable_sort(soon.begin(), soon.end(), [](const Container* a, const Container* b) { return a->expires < b->expires; });
    return soon;
}

std::string label_for(const Stock& stock, std::string_view wanted) {
    if (wanted.empty()) return next_label(stock);
    check_new_label(stock, wanted);
    return std::string(wanted);
}

Container stored_container(const StoreRecord& store, const Guideline& guideline) {
    Container c;
    c.label = store.label;
    c.stored = store.amount;
    c.left = store.amount;
    c.place = store.place;
    c.stays = {{store.place, store.at}};
    c.stored_at = store.at;
    c.pumped = store.pumped;
    c.until = store.until;
    c.thawed_before = store.thawed;
    c.best_by_before = store.best_by;
    const Expiry expiry = expiry_of(guideline, c, c.stays);
    c.expires = expiry.expires;
    c.thawed = expiry.thawed;
    c.best_by = expiry.best_by;
    c.note = store.note;
    c.from = store.from;
    c.baby = store.baby;
    return c;
}

UsePlan plan_stock_use(const Stock& stock, std::string_view what, Unit unit, Seconds at, const date::time_zone* zone,
                       const Guideline& guideline, bool thaw, const UnheldPart& unheld) {
    if (what.empty()) throw usage_error("say what to use: an amount (90ml) or a label (B3)");
    // A label: the lookup stock combine makes (finished by then, or stored only later: says so).
    const LabelLookup lookup{at, zone, "a use", "--now", unheld};
    if (stock.find(what)) return plan_use_container(find_labelled(stock, {std::string(what)}, 0, lookup), at, zone);
    Volume amount;
    try {
        amount = parse_amount(what, unit);
    } catch (const Error&) {
        if (unheld && may_be_labelled(stock, what) && unheld(what))
            return plan_use_container(find_labelled(stock, {std::string(what)}, 0, lookup), at, zone);
        // A label to try is one in the stash: the one `stock` lists first, which `stock use` takes first (not the
        // next free label, which no container has); none when nothing usable is left.
        const auto order = use_order(stock, at);
        const auto usable =
            std::find_if(order.begin(), order.end(), [&](const Container* c) { return at < c->expires; });
        const std::string label = usable == order.end() ? std::string{} : printable((*usable)->label);
        throw usage_error(fmt::format("\"{}\" is neither a label in the stash nor an amount; try {} "
                                      "(see pumplog stock)",
                                      printable(what), label.empty() ? "an amount such as 90ml" : label + " or 90ml"));
    }
    // SPEC 2: the refusal gives an example that is accepted, with a label in the stash when one is usable.
    const auto order = use_order(stock, at);
    const auto first = std::find_if(order.begin(), order.end(), [&](const Container* c) { return usable_at(*c, at); });
    const std::string label = first == order.end() ? std::string()
                                                   : ", or a label: pumplog stock use " +
                                                         terminal_text(shell_quote((*first)->label));
    const std::string more =
        fmt::format("the amount to use must be more than 0 (e.g. pumplog stock use 60ml{})", label);
    refuse_recorded_as_zero(amount, more);
    if (amount.ml() <= 0) throw usage_error(more);
    // As given: the 0.05 ml rules judge it before rounding (pumplog-stock(1), AMOUNTS); plan_use pours its parts
    // as the journal keeps them.
    return plan_from_stock(stock, amount, at, unit, guideline, thaw, {}, zone, std::nullopt, false);
}

UsePlan plan_feed_from_stock(const Stock& stock, Volume amount, Seconds at, Unit unit, const Guideline& guideline,
                             bool thaw, std::string_view baby, const date::time_zone* zone,
                             std::optional<Seconds> now) {
    return plan_from_stock(stock, amount, at, unit, guideline, thaw, baby, zone, now, true);
}

namespace {

// plan_stock_use's amount and plan_feed_from_stock (`feed`): the refusal of part of a frozen container says
// what the command being run accepts.
UsePlan plan_from_stock(const Stock& stock, Volume amount, Seconds at, Unit unit, const Guideline& guideline,
                        bool thaw, std::string_view baby, const date::time_zone* zone, std::optional<Seconds> now,
                        bool feed) {
    // An amount shown as 0 ml would reply "Took 0 ml" and read "used 0 ml of B2" in the log: the same rounding
    // plan_use leaves unpoured after a container, never a use of its own (stock use, log feed --from-stock).
    if (ml_millionths(amount) < unshown_millionths)
        throw usage_error(fmt::format("an amount of {:.3g} ml shows as 0 ml; the smallest amount taken from the "
                                      "stash is 0.05 ml",
                                      amount.ml()));
    // What --thaw does: soonest to expire first, a frozen container poured in part thawed whole.
    UsePlan plan = plan_use(stock, amount, at, Pour::any, baby);
    if (!plan.enough) throw not_enough(stock, plan, amount, at, unit, baby, guideline, zone);
    if (!thaw) {
        // Thawing is the parent's choice: without it, the milk that can be poured now (SPEC 4: thawed and fridge
        // milk before frozen), a frozen container only whole.
        UsePlan poured = plan_use(stock, amount, at, Pour::poured_now, baby);
        if (poured.enough) return poured;
    }
    for (const Take& take : plan.takes) {
        const Container& c = *take.container;
        if (c.place != Place::freezer || take.empties) continue;
        if (!thaw) {
            // The rest's life once thawed at the use's time (--thaw thaws it then): the thawed limit, or less when
            // the freezer date comes first. A back-dated feed's rest is counted from the feed, and one that would
            // already be expired now would have to be discarded (pumplog-stock(1): the refusal gives the real limit).
            std::vector<Stay> stays = c.stays;
            stays.push_back({Place::fridge, at});
            const std::chrono::seconds thawed = guideline.thawed_limit(Place::fridge).value_or(std::chrono::seconds(0));
            const Seconds until = expiry_of(guideline, c, stays).expires;
            const std::chrono::seconds keeps = until - at;
            const bool dated = now && zone != nullptr && at < *now;  // back-dated: said with the time it keeps until
            const std::string from_feed = dated ? fmt::format(" from the feed, until {}", format_date_time(until, zone))
                                                : std::string();
            const std::string rest =
                dated && *now >= until
                    ? fmt::format("thawed at the feed's time, the rest would have expired at {}: it would have to be "
                                  "discarded",
                                  format_date_time(until, zone))
                : keeps < thawed ? fmt::format("the rest keeps only {} in the fridge{}: its freezer date comes before "
                                               "the {} thawed milk keeps",
                                               format_duration(keeps), from_feed, limit_text(thawed))
                                 : fmt::format("the rest keeps {} in the fridge{}", limit_text(thawed), from_feed);
            // What is accepted: the same command with --thaw; `stock use LABEL` takes it whole, but records no
            // feed, so a feed is not sent there.
            throw usage_error(fmt::format(
                "{} is frozen and {} of its {} would be poured: frozen milk is used only once thawed, and {} ({}); "
                "add --thaw {}to thaw all of {} ({}){}",
                printable(c.label), format_volume(take.amount, unit), format_volume(c.left, unit),
                guideline.refreeze_rule, guideline.source, feed ? "to this log feed " : "", printable(c.label), rest,
                feed ? std::string()
                     : fmt::format(", or take it whole: pumplog stock use {}", terminal_text(shell_quote(c.label)))));
        }
        plan.thaws.push_back(&c);
    }
    return plan;
}

}  // namespace

AfterTake after_take(const UsePlan& plan, const Take& take, Seconds at, const Guideline& guideline) {
    const Container& c = *take.container;
    if (std::find(plan.thaws.begin(), plan.thaws.end(), &c) == plan.thaws.end())
        return {c.place, Expiry{c.expires, c.thawed, c.best_by, c.refrozen}};
    std::vector<Stay> stays = c.stays;
    stays.push_back({Place::fridge, at});
    return {Place::fridge, expiry_of(guideline, c, stays)};
}

LeftoverLimit leftover_limit(const UsePlan& plan, Seconds at, const Guideline& guideline) {
    LeftoverLimit limit{at + guideline.leftover, nullptr, guideline.leftover, false};
    // Thawed milk poured for a feed is thawed milk brought to room temperature: it keeps the room's thawed limit
    // after the feed when that is the shorter (CDC: 1-2 hours, the strict end taken), as it would had it been
    // thawed straight into the room (pumplog-stock(1)).
    const bool thawed = std::any_of(plan.takes.begin(), plan.takes.end(), [&](const Take& take) {
        const AfterTake after = after_take(plan, take, at, guideline);
        return after.expiry.thawed || after.place == Place::freezer;  // a frozen container poured whole: thawed
    });
    if (thawed && guideline.thawed_room < guideline.leftover)
        limit = {at + guideline.thawed_room, nullptr, guideline.thawed_room, true};
    for (const Take& take : plan.takes) {
        const Seconds expires = after_take(plan, take, at, guideline).expiry.expires;
        if (expires < limit.until) {
            limit.until = expires;
            limit.capped_by = take.container;
        }
    }
    return limit;
}

StoreRecord leftover_store(const UsePlan& plan, Volume leftover, Seconds at, const Guideline& guideline,
                           std::string_view baby) {
    StoreRecord store;
    store.at = at;
    store.amount = leftover;
    store.place = Place::room;
    store.pumped = at;
    store.until = leftover_limit(plan, at, guideline).until;
    for (const Take& take : plan.takes) {
        const AfterTake after = after_take(plan, take, at, guideline);
        store.pumped = std::min(store.pumped, take.container->pumped);
        if (after.expiry.thawed) store.thawed = std::min(store.thawed.value_or(*after.expiry.thawed), *after.expiry.thawed);
        // A frozen container poured whole was thawed to be drunk: what the baby left is thawed milk, never refrozen.
        else if (after.place == Place::freezer) store.thawed = std::min(store.thawed.value_or(at), at);
    }
    store.baby = baby;
    store.note = baby.empty() ? std::string("left over from a feed") : fmt::format("left over from a feed of {}", baby);
    return store;
}

CombinePlan plan_combine(const Stock& stock, const std::vector<std::string>& labels, std::optional<Place> in,
                         Seconds at, const Guideline& guideline, const date::time_zone* zone, bool thaw,
                         const UnheldPart& unheld) {
    const LabelLookup lookup{at, zone, "a combine", "--now", unheld};  // each part, as stock use looks up its label
    if (labels.size() < 2) {
        // An example with labels in the stash (the one named, then the next that can be poured, in use order), or,
        // when there is none, that there is nothing to combine with (SPEC 2: an example that is accepted).
        const Container* named = labels.empty() ? nullptr : &find_labelled(stock, labels, 0, lookup);
        if (named) {
            plan_use_container(*named, at, zone);  // in stock, stored by then, not expired
            check_not_leftover(*named, "combined with other milk", guideline, zone);
        }
        std::vector<const Container*> example;
        if (named) example.push_back(named);
        std::vector<const Container*> others;
        for (const Container* c : use_order(stock, at))
            if (c != named && usable_at(*c, at) && !is_leftover(*c)) others.push_back(c);
        // A partner in the same place first; the options that make the example accepted: --thaw for frozen milk,
        // --in for two places.
        std::stable_partition(others.begin(), others.end(), [&](const Container* c) {
            return !named || c->place == named->place;
        });
        for (const Container* c : others)
            if (example.size() < 2) example.push_back(c);
        if (example.size() == 2) {
            const bool frozen = example[0]->place == Place::freezer || example[1]->place == Place::freezer;
            const bool apart = example[0]->place != example[1]->place;
            // Two places: the fridge when one is it (never fridge milk put out at room temperature).
            const Place into = example[1]->place == Place::fridge ? Place::fridge : example[0]->place;
            throw usage_error(fmt::format("combine pours two or more containers together: pumplog stock combine "
                                          "{} {}{}",
                                          terminal_text(shell_quote(example[0]->label)),
                                          terminal_text(shell_quote(example[1]->label)),
                                          frozen  ? " --thaw"
                                          : apart ? fmt::format(" --in {}", place_name(into))
                                                  : std::string()));
        }
        throw usage_error(fmt::format("combine pours two or more containers together, and {}: there is nothing to "
                                      "combine {} with",
                                      named ? printable(named->label) + " is the only container in the stash that "
                                                                        "can be poured"
                                            : std::string("fewer than two containers in the stash can be poured"),
                                      named ? "it" : "them"));
    }
    CombinePlan plan;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Container& c = find_labelled(stock, labels, i, lookup);
        if (std::find(plan.parts.begin(), plan.parts.end(), &c) != plan.parts.end())
            throw usage_error(fmt::format("{} is named twice; name each container once", printable(c.label)));
        plan_use_container(c, at, zone);  // in stock, stored by then, not expired
        check_not_leftover(c, "combined with other milk", guideline, zone);
        plan.parts.push_back(&c);
    }
    // Frozen milk cannot be poured (SPEC 11): a frozen part is thawed first (--thaw), and the milk is then
    // thawed milk, in the fridge unless --in says otherwise (never the freezer).
    const auto frozen = std::find_if(plan.parts.begin(), plan.parts.end(),
                                     [](const Container* c) { return c->place == Place::freezer; });
    if (frozen != plan.parts.end() && !thaw) {
        // Say what is accepted: with --in freezer asked for, --thaw alone would be refused in turn (docs review).
        const Place thawed_in = in && *in != Place::freezer ? *in : Place::fridge;
        throw usage_error(fmt::format("{} is frozen: frozen milk is poured only once thawed, and {} ({}); add --thaw{} "
                                      "to thaw the frozen containers first (the combined milk is then thawed milk in "
                                      "the {}, for {}), or keep them apart",
                                      printable((*frozen)->label), guideline.refreeze_rule, guideline.source,
                                      in == Place::freezer ? " --in fridge" : "", place_name(thawed_in),
                                      limit_text(guideline.thawed_limit(thawed_in).value_or(std::chrono::seconds(0)))));
    }
    const bool thawing = frozen != plan.parts.end();
    if (thawing && in == Place::freezer)
        throw usage_error(fmt::format("{} would be thawed to be poured; {} ({}); combine them --in fridge",
                                      printable((*frozen)->label), guideline.refreeze_rule, guideline.source));
    const Place to = in.value_or(thawing ? Place::fridge : plan.parts.front()->place);
    if (!in && !thawing)
        for (const Container* c : plan.parts)
            if (c->place != to)
                throw usage_error(fmt::format("{} is in the {} and {} in the {}; say where the milk goes: --in fridge or "
                                              "--in freezer",
                                              printable(plan.parts.front()->label), place_name(to),
                                              printable(c->label), place_name(c->place)));
    StoreRecord& store = plan.store;
    store.at = at;
    store.place = to;
    store.pumped = plan.parts.front()->pumped;
    const Container* warm = nullptr;
    const Container* cold = nullptr;
    for (const Container* c : plan.parts) {
        if (to == Place::freezer && c->thawed)
            throw usage_error(fmt::format("{} was thawed at {}; {} ({}); combine it --in fridge, and only milk never "
                                          "thawed into the freezer",
                                          printable(c->label), format_date_time(*c->thawed, zone),
                                          guideline.refreeze_rule, guideline.source));
        Expiry after{c->expires, c->thawed, c->best_by, c->refrozen};
        std::vector<Stay> stays = c->stays;
        if (c->place == Place::freezer) {  // thawed first (--thaw): moved to the fridge
            plan.thaws.push_back(c);
            stays.push_back({Place::fridge, at});
        }
        if (stays.back().place != to) stays.push_back({to, at});
        if (stays.size() != c->stays.size()) after = expiry_of(guideline, *c, stays);
        if (at >= after.expires)
            throw usage_error(fmt::format("{} in the {} would expire at {}; it cannot be combined there",
                                          printable(c->label), place_name(to), format_date_time(after.expires, zone)));
        store.amount += c->left;
        store.pumped = std::min(store.pumped, c->pumped);
        store.until = std::min(store.until.value_or(after.expires), after.expires);
        if (after.thawed) store.thawed = std::min(store.thawed.value_or(*after.thawed), *after.thawed);
        // Frozen milk best within 6 months (CDC): the combined milk is best by its parts' earliest.
        if (to == Place::freezer && after.best_by)
            store.best_by = std::min(store.best_by.value_or(*after.best_by), *after.best_by);
        if (!c->thawed && c->place == Place::room) warm = warm ? warm : c;
        else if (c->place != Place::room) cold = cold ? cold : c;
    }
    if (warm && cold)
        plan.warning = fmt::format("{} is fresh milk at room temperature and {} is chilled: cool fresh milk in the "
                                   "refrigerator or in a cooler with ice packs before combining it with previously "
                                   "chilled or frozen milk (CDC)",
                                   printable(warm->label), printable(cold->label));
    std::string names;
    for (const Container* c : plan.parts) names += (names.empty() ? "" : " + ") + c->label;
    store.note = "combined " + names;
    return plan;
}

Volume total(const UsePlan& plan) {
    Volume sum;
    for (const auto& take : plan.takes) sum += take.amount;
    return sum;
}

MovePlan plan_move(const Stock& stock, std::string_view label, Place to, Seconds at, const Guideline& guideline,
                   const date::time_zone* zone) {
    const Container& c = find_labelled(stock, {std::string(label)}, 0, {at, zone, "a move", "--at"});
    check_move(c, to, at, guideline, zone);
    std::vector<Stay> stays = c.stays;
    stays.push_back({to, at});
    MovePlan plan;
    plan.container = &c;
    plan.after = expiry_of(guideline, c, stays);
    plan.thaws = plan.after.thawed && !c.thawed;
    return plan;
}

DiscardPlan plan_discard(const Stock& stock, std::string_view label, std::string_view reason, Seconds now,
                         const date::time_zone* zone) {
    const Container& c = find_labelled(stock, {std::string(label)}, 0, {now, zone, "a discard", "--now"});
    check_discard(c, now, zone);
    return DiscardPlan{&c, !reason.empty() ? std::string(reason) : now >= c.expires ? "expired" : ""};
}

}  // namespace pumplog
