#include "pumplog/stash.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

const Container& find_container(const Stock& stock, std::string_view label) {
    if (const Container* c = stock.find(label)) return *c;
    throw usage_error(fmt::format("no container is labelled \"{}\"; see pumplog stock --all", printable(label)));
}

// The refusal when the stash cannot cover an amount (SPEC 4: say how much is usable).
Error not_enough(const Stock& stock, const UsePlan& plan, Volume asked, Seconds at, Unit unit) {
    Volume expired;
    for (const auto& c : stock.containers)
        if (c.state == ContainerState::in_stock && at >= c.expires) expired += c.left;
    std::string more;
    if (expired.ml() > 0)
        more = fmt::format("; {} more has expired and is never used (pumplog stock discard LABEL)",
                           format_volume(expired, unit));
    return usage_error(fmt::format("only {} of stored milk is usable, not {}{}", format_volume(plan.usable, unit),
                                   format_volume(asked, unit), more));
}

}  // namespace

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
    const Expiry expiry = compute_expiry(guideline, store.pumped, c.stays);
    c.expires = expiry.expires;
    c.thawed = expiry.thawed;
    c.best_by = expiry.best_by;
    c.note = store.note;
    c.from = store.from;
    return c;
}

UsePlan plan_stock_use(const Stock& stock, std::string_view what, Unit unit, Seconds at, const date::time_zone* zone) {
    if (what.empty()) throw usage_error("say what to use: an amount (90ml) or a label (B3)");
    if (const Container* c = stock.find(what)) return plan_use_container(*c, at, zone);
    Volume amount;
    try {
        amount = parse_amount(what, unit);
    } catch (const Error&) {
        throw usage_error(fmt::format("\"{}\" is neither a label in the stash nor an amount; try B3 or 90ml "
                                      "(see pumplog stock)",
                                      printable(what)));
    }
    if (amount.ml() <= 0) throw usage_error("the amount to use must be more than 0");
    return plan_feed_from_stock(stock, amount, at, unit);
}

UsePlan plan_feed_from_stock(const Stock& stock, Volume amount, Seconds at, Unit unit) {
    UsePlan plan = plan_use(stock, amount, at);
    if (!plan.enough) throw not_enough(stock, plan, amount, at, unit);
    return plan;
}

Volume total(const UsePlan& plan) {
    Volume sum;
    for (const auto& take : plan.takes) sum += take.amount;
    return sum;
}

MovePlan plan_move(const Stock& stock, std::string_view label, Place to, Seconds at, const Guideline& guideline,
                   const date::time_zone* zone) {
    const Container& c = find_container(stock, label);
    check_move(c, to, at, guideline, zone);
    std::vector<Stay> stays = c.stays;
    stays.push_back({to, at});
    MovePlan plan;
    plan.container = &c;
    plan.after = compute_expiry(guideline, c.pumped, stays);
    plan.thaws = plan.after.thawed && !c.thawed;
    return plan;
}

DiscardPlan plan_discard(const Stock& stock, std::string_view label, std::string_view reason, Seconds now,
                         const date::time_zone* zone) {
    const Container& c = find_container(stock, label);
    check_discard(c, now, zone);
    return DiscardPlan{&c, !reason.empty() ? std::string(reason) : now >= c.expires ? "expired" : ""};
}

}  // namespace pumplog
