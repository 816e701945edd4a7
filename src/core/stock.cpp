#include "pumplog/stock.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/text.hpp"
#include "stock_rules.hpp"

namespace pumplog {

namespace {

using std::chrono::seconds;

// budget * limit, rounded down to the second (never longer than allowed). The budget's fractions are a
// double's: 14/24 of a fridge's 96 h is 201599.99999... s in it, so a micro-second of slack keeps the whole
// second the rule gives (review: a move at 10:00 from the cooler used by 17:59:59, not 18:00).
seconds part_of(double budget, seconds limit) {
    return seconds(static_cast<std::int64_t>(std::floor(budget * static_cast<double>(limit.count()) + 1e-6)));
}

// Labels in a natural order: B2 before B10.
bool label_less(std::string_view a, std::string_view b) {
    const auto na = label_number(a), nb = label_number(b);
    if (na && nb) return *na < *nb;
    if (na != nb) return na.has_value();
    return lower(a) < lower(b);
}

// The order `stock use` takes usable containers in. A leftover goes first
// of those that expire with it: it keeps no longer than they do, and it is
// the milk already poured (pumplog-stock(1): it is taken first while it is good).
bool sooner(const Container* a, const Container* b) {
    if (a->expires != b->expires) return a->expires < b->expires;
    if (is_leftover(*a) != is_leftover(*b)) return is_leftover(*a);
    if (a->pumped != b->pumped) return a->pumped < b->pumped;
    if (a->stored_at != b->stored_at) return a->stored_at < b->stored_at;
    return label_less(a->label, b->label);
}

}  // namespace

namespace {

// Where a container made with a fixed expiry (a store's `until`: a combine or
// a leftover) starts: made in its first place at that place's time, already
// thawed or not, and expiring at `until` if it stays there.
struct Made {
    Seconds until{};
    bool thawed = false;
};

// The budget rule (stock.hpp), for milk expressed at `pumped` or, when `made`,
// for milk whose life so far left it `made.until` in its first place: its
// budget there is what reaches `until`, and `until` caps every later stay
// (moves never lengthen it), a thaw included (a new thawed budget, as for any
// bag, that never outlives the frozen milk's `until`).
Expiry budget_expiry(const Guideline& guideline, Seconds pumped, const std::vector<Stay>& stays,
                     std::optional<Made> made) {
    Expiry out;
    out.expires = made ? made->until : pumped;
    // The thaw: the first time it leaves the freezer.
    for (std::size_t i = 1; i < stays.size() && !(made && made->thawed); ++i) {
        if (stays[i - 1].place == Place::freezer && stays[i].place != Place::freezer) {
            out.thawed = std::max(stays[i].since, pumped);
            break;
        }
    }
    double budget = 1.0;  // the share of the current phase's life still left
    bool thawed = made && made->thawed;
    // Thawed: when the frozen milk would have expired in the freezer; made: its `until` as well.
    std::optional<Seconds> cap;
    if (made) cap = made->until;
    Seconds previous_deadline = pumped;
    Seconds start = made && !stays.empty() ? stays.front().since : pumped;
    for (std::size_t i = 0; i < stays.size(); ++i) {
        const Place place = stays[i].place;
        if (i > 0) start = std::max(stays[i].since, start);  // the first stay counts from expression
        const bool last = i + 1 == stays.size();
        const Seconds end = last ? Seconds::max() : std::max(stays[i + 1].since, start);
        if (!thawed && i > 0 && stays[i - 1].place == Place::freezer && place != Place::freezer) {
            thawed = true;
            budget = 1.0;
            cap = previous_deadline;
        }
        if (thawed && place == Place::freezer) {
            // Never refreeze: thawed milk put back into the freezer is expired from then.
            out.expires = std::min(start, cap.value_or(start));
            out.refrozen = true;
            out.best_by.reset();
            return out;
        }
        const seconds limit = thawed ? guideline.thawed_limit(place).value_or(seconds(0)) : guideline.fresh_limit(place);
        // Made with a fixed expiry: the share of this place's limit that reaches it.
        if (made && i == 0)
            budget = limit.count() > 0 ? static_cast<double>((made->until - start).count()) /
                                             static_cast<double>(limit.count())
                                       : 0.0;
        Seconds deadline = made && i == 0 ? made->until : start + part_of(budget, limit);
        if (cap) deadline = std::min(deadline, *cap);
        previous_deadline = deadline;
        // CDC: thawed milk brought to room temperature (or warmed) is used within its room-temperature
        // limit; back in the fridge it does not get its fridge hours again. The cooler takes the room's
        // limit for thawed milk (the guideline gives none of its own), so it counts as the room here too.
        if (thawed && place != Place::fridge) cap = deadline;
        if (last || deadline <= end) {
            // Expired during this stay (or this is where it is now): later moves change nothing.
            out.expires = deadline;
            if (last && place == Place::freezer && !thawed)
                out.best_by = std::min(start + part_of(budget, guideline.fresh_freezer_best), deadline);
            return out;
        }
        budget -= static_cast<double>((end - start).count()) / static_cast<double>(limit.count());
    }
    return out;
}

}  // namespace

Expiry compute_expiry(const Guideline& guideline, Seconds pumped, const std::vector<Stay>& stays) {
    return budget_expiry(guideline, pumped, stays, std::nullopt);
}

Expiry expiry_of(const Guideline& guideline, const Container& container, const std::vector<Stay>& stays) {
    if (!container.until) return compute_expiry(guideline, container.pumped, stays);
    // Its expiry when it was made is where its budget starts: the moves after follow the rule as for any
    // container (a thaw included), and never take it past that expiry.
    const Made made{*container.until, container.thawed_before.has_value()};
    Expiry out = budget_expiry(guideline, container.pumped, stays, made);
    if (container.thawed_before) out.thawed = container.thawed_before;
    // In the freezer since it was made, never thawed: best by its parts' earliest best-by (CDC: best within 6 months).
    if (container.best_by_before && !out.thawed && !out.refrozen && stays.back().place == Place::freezer)
        out.best_by = std::min(*container.best_by_before, out.expires);
    return out;
}

std::string_view status_name(Status status) {
    switch (status) {
        case Status::ok: return "ok";
        case Status::soon: return "soon";
        case Status::expired: return "expired";
    }
    return "ok";
}

const Container* Stock::find(std::string_view label) const {
    const std::string wanted = label_key(label);
    const Container* found = nullptr;
    for (const auto& c : containers)
        if (label_key(c.label) == wanted) {
            found = &c;
            break;
        }
    // A label with a character `stock` shows escaped (U+200B as \u200b, ESC as \x1b) is named as it is shown,
    // as a ref is (pumplog-log(1)): the raw character cannot be typed.
    if (!found && label.find('\\') != std::string_view::npos)
        for (const auto& c : containers)
            if (terminal_text(c.label) == label) return &c;
    if (!found || found->label.find('~') != std::string::npos) return found;
    // The replay shows a label once (the first store keeps it, the others get "~" and their id's end). An
    // older pumplog folded ASCII case only: to it "Ëa" and "ëA" were two labels, two bags to the parent. Each
    // spelling it told apart still names its own first bag, as it did; one that is neither ("ëa", or "Ëa"
    // decomposed) would have to guess between them, and names none.
    const auto written = [](const Container& c) { return std::string_view(c.label).substr(0, c.label.find('~')); };
    std::vector<const Container*> apart{found};  // the first container of each spelling, in the order stored
    for (const auto& c : containers) {
        if (c.label.find('~') == std::string::npos || written(c).empty() || label_key(written(c)) != wanted)
            continue;
        const std::string spelling = lower(written(c));
        const auto same = [&](const Container* a) { return lower(written(*a)) == spelling; };
        if (std::none_of(apart.begin(), apart.end(), same)) apart.push_back(&c);
    }
    if (apart.size() == 1) return found;
    const std::string typed = lower(trim(label));
    std::vector<std::string> named;
    for (const Container* a : apart) {
        if (lower(written(*a)) == typed) return a;
        named.push_back(printable(a->label));
    }
    throw usage_error(fmt::format("\"{}\" names {} containers, labelled apart by an older pumplog; name one: {}",
                                  printable(label), named.size(), and_list(named, "or")));
}

const Container* Stock::find_id(std::string_view id) const {
    for (const auto& c : containers)
        if (c.id == id) return &c;
    return nullptr;
}

Status status_at(const Container& container, Seconds now) {
    if (now >= container.expires) return Status::expired;
    if (container.expires - now <= soon_window) return Status::soon;
    return Status::ok;
}

Advice advice_for(const Container& container, Seconds now, const Guideline& guideline) {
    if (now >= container.expires) return Advice::discard;
    // CDC: left over from a feeding, use within 2 hours after the baby finished; no place extends that.
    if (is_leftover(container)) return Advice::use_by_or_discard;
    if (container.thawed) return Advice::use_thawed;
    // Whether a move there now keeps it longer: a combined container never outlives its expiry when combined.
    const auto keeps_longer_in = [&](Place place) {
        std::vector<Stay> stays = container.stays;
        stays.push_back({place, std::max(now, stays.back().since)});
        return expiry_of(guideline, container, stays).expires > container.expires;
    };
    switch (container.place) {
        case Place::room:
        case Place::cooler:
            return keeps_longer_in(Place::fridge) ? Advice::use_or_refrigerate : Advice::use_by_or_discard;
        case Place::fridge:
            return keeps_longer_in(Place::freezer) ? Advice::use_or_freeze : Advice::use_by_or_discard;
        case Place::freezer: return Advice::thaw_and_use;
    }
    return Advice::use_or_freeze;
}

bool is_leftover(const Container& container) { return container.until && !container.from.empty(); }

bool kept_for_another(const Container& container, std::string_view baby) {
    if (!is_leftover(container) || trim_name(container.baby).empty()) return false;
    return baby.empty() || !same_baby(container.baby, baby);
}

bool usable_at(const Container& container, Seconds at) {
    return container.state == ContainerState::in_stock && container.left.ml() >= empty_ml &&
           container.stored_at <= at && at < container.expires;
}

std::vector<const Container*> use_order(const Stock& stock, Seconds now) {
    std::vector<const Container*> usable, expired;
    for (const auto& c : stock.containers) {
        if (c.state != ContainerState::in_stock) continue;
        (now < c.expires ? usable : expired).push_back(&c);
    }
    std::sort(usable.begin(), usable.end(), sooner);
    // What can be poured now first (plan_use, Pour::poured_now: the milk out of the freezer, when it covers the
    // amount, is taken before a frozen bag that expires sooner), then the freezer, each soonest to expire first.
    std::stable_partition(usable.begin(), usable.end(), [](const Container* c) { return c->place != Place::freezer; });
    std::sort(expired.begin(), expired.end(), sooner);
    usable.insert(usable.end(), expired.begin(), expired.end());
    return usable;
}

UsePlan plan_use(const Stock& stock, Volume amount, Seconds at, Pour pour, std::string_view baby) {
    UsePlan plan;
    std::vector<const Container*> usable;
    for (const auto& c : stock.containers)
        if (usable_at(c, at) && !kept_for_another(c, baby)) usable.push_back(&c);
    std::sort(usable.begin(), usable.end(), sooner);
    // A leftover is poured only on its own, never with other milk (CDC: left over from a feeding, use within 2
    // hours after the baby finished; pumplog-stock(1): never combined with other milk). The first one that holds
    // the whole amount alone is the use, whole or in part; otherwise none is taken (only its label takes it).
    const auto alone = std::find_if(usable.begin(), usable.end(), [&](const Container* c) {
        return is_leftover(*c) && ml_millionths(amount) - ml_millionths(c->left) < unshown_millionths;
    });
    if (alone != usable.end()) usable = {*alone};
    else std::erase_if(usable, [](const Container* c) { return is_leftover(*c); });
    for (const Container* c : usable) plan.usable += c->left;
    // Short by less than 0.05 ml is the rounding the split below leaves unpoured, not too little milk: refusing
    // 150.04 ml of 150 ml would read "only 150 ml ... usable, not 150 ml".
    if (ml_millionths(amount) - ml_millionths(plan.usable) >= unshown_millionths) return plan;
    if (pour == Pour::poured_now) {
        Volume out_of_freezer;
        for (const Container* c : usable)
            if (c->place != Place::freezer) out_of_freezer += c->left;
        // Enough milk out of the freezer: the frozen milk stays frozen.
        if (ml_millionths(amount) - ml_millionths(out_of_freezer) < unshown_millionths)
            std::erase_if(usable, [](const Container* c) { return c->place == Place::freezer; });
    }
    Volume remaining = amount;
    // What a container before this one could not hold, under half of the 0.1 ml volumes are shown to: a part of
    // it would read "B2 0 ml" and "used 0 ml of B2". It is rounding, not milk: not poured.
    const auto rounding_left = [&] {
        return !plan.takes.empty() && ml_millionths(remaining) < unshown_millionths;
    };
    for (const Container* c : usable) {
        if (ml_millionths(remaining) <= 0 || rounding_left()) break;
        // Poured as the journal keeps it (0.01 ml), once the rules above have judged the amount as given.
        const Volume take = Volume::from_ml(round_ml(std::min(c->left, remaining).ml()));
        const bool empties = (c->left - take).ml() < empty_ml;  // the drops left go with it
        if (pour == Pour::poured_now && c->place == Place::freezer && !empties) continue;  // never part of it
        plan.takes.push_back({c, empties ? c->left : take, empties});
        remaining -= take;
    }
    if (ml_millionths(remaining) > 0 && !rounding_left()) {
        plan.takes.clear();
        return plan;
    }
    plan.enough = true;
    return plan;
}

UsePlan plan_use_container(const Container& container, Seconds at, const date::time_zone* zone) {
    if (container.state == ContainerState::used_up)
        throw usage_error(fmt::format("{} is used up; see pumplog stock --all", container.label));
    if (container.state == ContainerState::discarded)
        throw usage_error(fmt::format("{} was discarded; see pumplog stock --all", container.label));
    if (at >= container.expires)
        throw usage_error(fmt::format("{} expired at {}; never use expired milk: pumplog stock discard {}",
                                      container.label, format_date_time(container.expires, zone),
                                      shell_quote(container.label)));
    if (container.stored_at > at)
        throw usage_error(fmt::format("{} was stored only at {}", container.label,
                                      format_date_time(container.stored_at, zone)));
    UsePlan plan;
    plan.usable = container.left;
    plan.takes.push_back({&container, container.left, true});
    plan.enough = true;
    return plan;
}

std::string next_label(const Stock& stock) {
    long long highest = stock.highest_label;
    for (const auto& c : stock.containers)
        if (const auto n = label_number(c.label)) highest = std::max(highest, *n);
    return fmt::format("B{}", highest + 1);
}

std::string label_key(std::string_view label) {
    label = trim(label);
    for (const char c : label)
        if (static_cast<unsigned char>(c) >= 0x80) return name_key(label);
    std::string key(label);  // ASCII: name_key's fold without its decomposition
    for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return key;
}

std::size_t label_length(std::string_view label) {
    // Counted on the decomposition, so that the spelling (NFC or NFD) does not change the count.
    return graphemes(canonical_decomposition(label)).size();
}

void check_new_label(const Stock& stock, std::string_view label) {
    if (label.empty()) throw usage_error("--label is empty; give a short name such as F3 or \"Mon AM\"");
    // Bytes first: a character may carry any number of marks, and no decomposition is built of a long text.
    if (label.size() > label_max_bytes || label_length(label) > label_max_length)
        throw usage_error(fmt::format("label \"{}\" is too long; use at most {} characters (and {} bytes: an accent "
                                      "or an emoji takes several)",
                                      printable(label), label_max_length, label_max_bytes));
    for (unsigned char ch : label)
        if (ch < 0x20 || ch == 0x7f || ch == ' ' || ch == '~')
            // The character shown as the escape it is (printable would show a control as the space it is not).
            throw usage_error(fmt::format("label \"{}\" holds a space or a special character; try {}",
                                          terminal_text(label), next_label(stock)));
    if (std::string why = not_utf8_refusal("label", label); !why.empty()) throw usage_error(why);
    // A label is a command's word (stock use B3): one starting with "-" would be read as an option.
    if (label.front() == '-')
        throw usage_error(fmt::format("label \"{}\" starts with \"-\", which a command would read as an option; "
                                      "try {}",
                                      terminal_text(label), next_label(stock)));
    // The characters a terminal is shown as escapes (C1 controls, bidi controls, line and paragraph
    // separators: terminal_text) are special characters too, refused as the ASCII controls are.
    if (terminal_text(label) != label)
        throw usage_error(fmt::format("label \"{}\" holds a space or a special character; try {}",
                                      terminal_text(label), next_label(stock)));
    bool amount = true;
    try {
        parse_amount(label, Unit::ml);
    } catch (const Error&) {
        amount = false;
    }
    if (amount)
        throw usage_error(fmt::format("label \"{}\" reads as an amount (stock use would take it as one); try {}",
                                      printable(label), next_label(stock)));
    const std::string wanted = label_key(label);
    if (std::find(stock.labels_ever.begin(), stock.labels_ever.end(), label_hash(label)) != stock.labels_ever.end())
        throw usage_error(fmt::format("label \"{}\" is taken; the next free one is {}", printable(label),
                                      next_label(stock)));
    for (const auto& c : stock.containers)
        if (label_key(c.label) == wanted)
            throw usage_error(fmt::format("label \"{}\" is taken; the next free one is {}", printable(label),
                                          next_label(stock)));
}

void check_container_amount(Volume amount) {
    if (round_ml(amount.ml()) >= least_container_ml) return;  // as the store line holds it
    throw usage_error(fmt::format("a container holds at least {:g} ml (less is drops, not milk to keep); {:.3g} ml is "
                                  "too little to store",
                                  least_container_ml, amount.ml()));
}

void check_storable(const Guideline& guideline, Seconds pumped, Place place, Seconds stored_at, Seconds now,
                    bool force, const date::time_zone* zone) {
    if (stored_at < pumped)
        throw usage_error(fmt::format("milk pumped at {} cannot be stored before, at {}",
                                      format_date_time(pumped, zone), format_date_time(stored_at, zone)));
    const Expiry expiry = compute_expiry(guideline, pumped, {{place, stored_at}});
    if (force || now < expiry.expires) return;
    throw usage_error(fmt::format("milk pumped at {} and kept in the {} expired at {} ({}: fresh milk, up to {}); "
                                  "discard it (or use --force to record it anyway)",
                                  format_date_time(pumped, zone), place_name(place),
                                  format_date_time(expiry.expires, zone), guideline.source,
                                  limit_text(guideline.fresh_limit(place))));
}

void check_move(const Container& container, Place to, Seconds at, const Guideline& guideline,
                const date::time_zone* zone) {
    if (container.state != ContainerState::in_stock)
        throw usage_error(fmt::format("{} is {}; only milk in stock can be moved; see pumplog stock --all",
                                      container.label,
                                      container.state == ContainerState::used_up ? "used up" : "discarded"));
    // The time first: a move before the container's last stay began is wrong wherever it goes.
    if (at < container.stored_at)
        throw usage_error(fmt::format("{} was stored only at {}; a move cannot come before that", container.label,
                                      format_date_time(container.stored_at, zone)));
    if (at < container.stays.back().since)
        throw usage_error(fmt::format("{} went into the {} at {}; a move cannot come before that", container.label,
                                      place_name(container.place),
                                      format_date_time(container.stays.back().since, zone)));
    if (container.place == to)
        throw usage_error(fmt::format("{} is already in the {}", container.label, place_name(to)));
    if (at >= container.expires)
        throw usage_error(fmt::format("{} expired at {}; discard it: pumplog stock discard {}", container.label,
                                      format_date_time(container.expires, zone), shell_quote(container.label)));
    // A leftover first: its rule (use it by its time or discard it) is the one that applies, thawed or not; "keep it
    // in the fridge" would be wrong for one at room temperature.
    if (to == Place::freezer) check_not_leftover(container, "frozen", guideline, zone);
    if (to == Place::freezer && container.thawed)
        throw usage_error(fmt::format("{} was thawed at {}; {} ({}); keep it in the fridge and use it by {}",
                                      container.label, format_date_time(*container.thawed, zone),
                                      guideline.refreeze_rule, guideline.source,
                                      format_date_time(container.expires, zone)));
}

void check_not_leftover(const Container& container, std::string_view doing, const Guideline& guideline,
                        const date::time_zone* zone) {
    if (!is_leftover(container)) return;
    // Thawed milk left over keeps thawed milk's room limit when that is the shorter (leftover_limit): both are quoted.
    const std::string thawed =
        container.thawed && guideline.thawed_room < guideline.leftover
            ? fmt::format(", and thawed milk at room temperature within {} ({})", limit_text(guideline.thawed_room),
                          guideline.source)
            : std::string();
    throw usage_error(fmt::format("{} is {}milk left over from a feed ({}); it is never {}: left over from a feeding, "
                                  "use within {} after the baby finished ({}){}; use it by {} or discard it: pumplog "
                                  "stock discard {}",
                                  printable(container.label), thawed.empty() ? "" : "thawed ",
                                  format_date_time(container.stored_at, zone), doing, limit_text(guideline.leftover),
                                  guideline.leftover_source, thawed, format_date_time(container.expires, zone),
                                  terminal_text(shell_quote(container.label))));
}

void check_discard(const Container& container, Seconds at, const date::time_zone* zone) {
    if (container.state != ContainerState::in_stock)
        throw usage_error(fmt::format("{} is already {}; see pumplog stock --all", container.label,
                                      container.state == ContainerState::used_up ? "used up" : "discarded"));
    if (at < container.stored_at)
        throw usage_error(fmt::format("{} was stored only at {}", container.label,
                                      format_date_time(container.stored_at, zone)));
}

namespace {
Entry stock_event(EntryType type, std::string_view id, Seconds at, std::string_view target = {}) {
    Entry e;
    e.type = type;
    e.id = id;
    e.at.instant = at;
    e.target = target;
    return e;
}
}  // namespace

Line store_line(const StoreRecord& store, std::string_view id, const date::time_zone* zone) {
    Entry e = stock_event(EntryType::store, id, store.at);
    e.ml = round_ml(store.amount.ml());
    e.place.set(store.place);
    e.pumped = Stamp{store.pumped, {}};
    e.label = store.label;
    e.from = store.from;
    e.baby = store.baby;
    e.note = store.note;
    if (store.thawed) e.thawed = Stamp{*store.thawed, {}};
    if (store.until) e.until = Stamp{*store.until, {}};
    if (store.best_by) e.best_by = Stamp{*store.best_by, {}};
    e.group = store.group;
    return entry_line(e, zone);
}

Line move_line(std::string_view target, Place place, Seconds at, std::string_view id, const date::time_zone* zone,
               std::string_view group) {
    Entry e = stock_event(EntryType::move, id, at, target);
    e.place.set(place);
    e.group = group;
    return entry_line(e, zone);
}

Line use_line(std::string_view target, Volume amount, Seconds at, std::string_view from, std::string_view id,
              const date::time_zone* zone, std::string_view group) {
    Entry e = stock_event(EntryType::use, id, at, target);
    e.ml = round_ml(amount.ml());
    e.from = from;
    e.group = group;
    return entry_line(e, zone);
}

Line discard_line(std::string_view target, std::string_view reason, Seconds at, std::string_view id,
                  const date::time_zone* zone) {
    Entry e = stock_event(EntryType::discard, id, at, target);
    e.reason = reason;
    return entry_line(e, zone);
}

std::optional<Intake> recent_bottle_intake(const History& history, Seconds now) {
    const Seconds since = now - date::days(intake_days);
    Intake intake;
    std::optional<Seconds> first, last;
    // A bottle in the 7 days before the window (the read's days to spare): bottles were given before them too,
    // only some days have none (daycare bottles Monday to Friday leave a weekend, or more, without).
    bool before = false;
    std::vector<std::string_view> babies;  // the names counted's feeds carry, one spelling each
    for (std::size_t i = 0; i < history.entries.size(); ++i) {
        const Entry& e = history.entries[i];
        if (i < history.voided.size() && history.voided[i]) continue;
        if (e.type != EntryType::feed || e.method != FeedMethod::bottle || e.milk == Milk::formula || !counted_ml(e.ml))
            continue;
        if (e.at.instant <= since && e.at.instant > since - date::days(intake_days)) before = true;
        if (e.at.instant <= since || e.at.instant > now) continue;
        intake.per_day += Volume::from_ml(*e.ml);
        ++intake.feeds;
        if (const std::string_view baby = baby_of(e); !baby.empty() &&
            std::none_of(babies.begin(), babies.end(), [&](std::string_view b) { return same_baby(b, baby); }))
            babies.push_back(baby);
        if (!first || e.at.instant < *first) first = e.at.instant;
        if (!last || e.at.instant > *last) last = e.at.instant;
    }
    if (intake.feeds == 0) return std::nullopt;
    intake.babies = static_cast<int>(babies.size());
    // The days the bottles stand for: the whole 7 days when bottles were given before them too;
    // else from the first until now, and one interval between bottles more (the first bottle stands
    // for the time before it too: a bottle each evening for 7 days is 7 days of them, not 6); at
    // least 1, at most 7. Not rounded up to whole days: the figure moves smoothly with the clock
    // (rounded up, bottles on Thursday and Friday evenings were 150 ml a day at 18:44 on Friday and
    // 75 ml at 18:46), and a bottle leaving the 7 days takes only its own milk with it (counted from
    // the first bottle left, 26 ml a day became 90 ml).
    const auto in_days = [](auto d) { return std::chrono::duration<double, date::days::period>(d).count(); };
    const double interval = intake.feeds > 1 ? in_days(*last - *first) / (intake.feeds - 1) : 0.0;
    const double days = before ? static_cast<double>(intake_days)
                               : std::clamp(in_days(now - *first) + interval, 1.0, static_cast<double>(intake_days));
    intake.days = static_cast<int>(std::lround(days));
    intake.per_day = Volume::from_ml(intake.per_day.ml() / days);  // unrounded: the days of cover divide by it
    return intake;
}

StockSummary summarize(const Stock& stock, Seconds now, const std::optional<Intake>& intake) {
    StockSummary summary;
    for (Place place : all_places) {
        PlaceTotal total{place, Volume{}, 0};
        for (const auto& c : stock.containers) {
            if (c.state != ContainerState::in_stock || c.place != place) continue;
            total.volume += c.left;
            ++total.containers;
        }
        if (total.containers > 0) summary.places.push_back(total);
    }
    for (const auto& c : stock.containers) {
        if (c.state != ContainerState::in_stock) continue;
        if (now < c.expires) {
            summary.usable += c.left;
            ++summary.usable_containers;
        } else {
            summary.expired += c.left;
            ++summary.expired_containers;
        }
    }
    summary.intake = intake;
    if (intake && intake->per_day.ml() > 0) summary.days_of_supply = summary.usable.ml() / intake->per_day.ml();
    return summary;
}

}  // namespace pumplog
