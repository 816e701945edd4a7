#include "pumplog/container_life.hpp"

#include <algorithm>
#include <unordered_map>

#include "pumplog/fields.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/history.hpp"
#include "pumplog/stock.hpp"
#include "replay.hpp"
#include "stock_rules.hpp"

namespace pumplog {

ContainerLife ContainerLife::with(const Entry& changed) const {
    ContainerLife out = *this;
    if (out.store && out.store->id == changed.id) out.store = changed;
    for (Entry& e : out.events)
        if (e.id == changed.id) e = changed;
    return out;
}

std::vector<ContainerLife> read_lives(const Journal& journal, const std::vector<std::string>& store_ids, bool strict) {
    std::unordered_map<std::string_view, std::size_t> index;  // store id -> its life
    for (std::size_t i = 0; i < store_ids.size(); ++i) index.emplace(store_ids[i], i);
    ReplayOptions options;
    options.strict = strict;
    options.raw = false;
    options.types = stock_types;  // the reader passes over the other lines after their header
    using Lives = std::vector<ContainerLife>;
    auto folded = replay_fold(
        journal, options, [&] { return std::make_unique<Lives>(store_ids.size()); },
        [&](Lives& lives, const Replayed& r) {
            if (r.voided) return;
            const Entry& e = r.entry;
            if (e.type == EntryType::store) {
                const auto it = index.find(e.id);
                if (it == index.end()) return;
                // Newest written first: of two stores with the id, the first in time (ties: the first written).
                std::optional<Entry>& store = lives[it->second].store;
                if (!store || e.at.instant <= store->at.instant) store = e;
            } else if (e.type == EntryType::move || e.type == EntryType::use || e.type == EntryType::discard) {
                const auto it = index.find(e.target);
                if (it != index.end()) lives[it->second].events.push_back(e);
            }
        });
    Lives lives = std::move(*folded.state);
    for (ContainerLife& life : lives) std::reverse(life.events.begin(), life.events.end());  // in the order written
    return lives;
}

ContainerLife read_life(const Journal& journal, std::string_view store_id, bool strict) {
    return std::move(read_lives(journal, {std::string(store_id)}, strict).front());
}

namespace {
// The place an entry names, as the stash reads it (place_from); false when it is none this version knows.
bool read_place(const Entry& e, Place& out) {
    const auto place = place_from(e.place.text());
    if (!place) return false;
    out = *place;
    return true;
}
}  // namespace

std::vector<LifeConflict> life_conflicts(const ContainerLife& life, const Guideline& guideline) {
    std::vector<LifeConflict> out;
    if (!life.store) return out;
    const Entry& store = *life.store;
    std::vector<const Entry*> order;
    for (const Entry& e : life.events)
        if (e.target == store.id &&
            (e.type == EntryType::move || e.type == EntryType::use || e.type == EntryType::discard))
            order.push_back(&e);
    std::stable_sort(order.begin(), order.end(),
                     [](const Entry* a, const Entry* b) { return a->at.instant < b->at.instant; });

    const Seconds stored_at = store.at.instant;
    Volume left = counted_volume(store.ml);
    // The container as the stash makes it (stock_replay.cpp), for its expiry: an unknown place counts as the room.
    Container c;
    c.place = Place::room;  // an unknown place counts as the room, as the stash counts it
    read_place(store, c.place);
    c.stored_at = stored_at;
    c.pumped = store.pumped ? store.pumped->instant : stored_at;
    if (store.until) c.until = store.until->instant;
    if (store.thawed) c.thawed_before = store.thawed->instant;
    c.stays.push_back({c.place, stored_at});
    Place& place = c.place;
    bool ended = left.ml() < empty_ml;
    bool discarded = false;
    Seconds ended_at = stored_at;
    const auto conflict = [&](LifeProblem problem, const Entry& e, Seconds since) {
        LifeConflict found{problem, e, left, since, discarded};
        found.place = place;
        out.push_back(std::move(found));
    };
    for (const Entry* e : order) {
        const Seconds at = std::max(e->at.instant, stored_at);  // as the stash replays it
        if (e->at.instant < stored_at) conflict(LifeProblem::before_store, *e, stored_at);
        if (ended) {
            conflict(LifeProblem::after_end, *e, ended_at);
            continue;  // skipped
        }
        // A move's place (known: a place this version does not know is skipped, as the stash skips it).
        Place to = place;
        const bool moves = e->type == EntryType::move && read_place(*e, to);
        if (e->type != EntryType::discard) {  // expired milk is thrown away, never used nor moved
            const Expiry expiry = expiry_of(guideline, c, c.stays);
            if (at >= expiry.expires) conflict(LifeProblem::expired, *e, expiry.expires);
            if (moves && to == Place::freezer && place != Place::freezer && expiry.thawed)
                conflict(LifeProblem::refrozen, *e, *expiry.thawed);
        }
        if (e->type == EntryType::move) {
            if (moves) {
                if (to == place) {
                    conflict(LifeProblem::same_place, *e, at);  // the stash skips it
                } else {
                    place = to;
                    c.stays.push_back({place, at});
                }
            }
        } else if (e->type == EntryType::use) {
            const Volume taken = counted_volume(e->ml);
            if (taken.ml() > left.ml() + rounding_ml)
                conflict(LifeProblem::more_than_left, *e, at);
            else if (place == Place::freezer && (left - taken).ml() >= empty_ml)  // part of it, not all
                conflict(LifeProblem::frozen_part, *e, at);
            left -= taken;
            if (left.ml() < empty_ml) {
                left = Volume{};
                ended = true;
                ended_at = at;
            }
        } else {
            left = Volume{};
            ended = true;
            discarded = true;
            ended_at = at;
        }
    }
    return out;
}

std::optional<LifeConflict> new_conflict(const std::vector<LifeConflict>& before,
                                         const std::vector<LifeConflict>& after) {
    for (const LifeConflict& c : after) {
        const bool known = std::any_of(before.begin(), before.end(), [&](const LifeConflict& b) {
            return b.problem == c.problem && b.entry.id == c.entry.id;
        });
        if (!known) return c;
    }
    return std::nullopt;
}

}  // namespace pumplog
