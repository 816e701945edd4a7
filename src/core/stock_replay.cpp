// The stash's replay (stock.hpp): containers built from the entries as the
// journal's replay delivers them, newest written first. It holds the
// containers still open and forgets each one once it is known to be
// finished, so that memory follows the stash, not the years of milk behind it
// (SPEC 9).
//
// Newest first, a container's discard and uses are met before its store: they
// wait under its id until the store comes. Then its whole life written after
// the store is known; pumplog writes nothing about a container before its
// store, so a container finished by then stays finished (later-met entries
// could only add uses or a discard) and is forgotten, keeping a hash of its id.
// Anything naming that id afterwards (an entry written before its store, by
// hand or by another device) sends the replay round again in exact mode.
#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "pumplog/check.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/id_hash.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"
#include "hash_set64.hpp"
#include "replay.hpp"
#include "stock_rules.hpp"

namespace pumplog {

std::uint64_t label_hash(std::string_view label) {
    // Every store line is hashed: an ASCII label (B12) is put in lower case on the stack, as label_key would.
    label = trim(label);
    char key[32];
    if (label.size() <= sizeof(key)) {
        bool ascii = true;
        for (std::size_t i = 0; i < label.size() && ascii; ++i) {
            const char c = label[i];
            ascii = static_cast<unsigned char>(c) < 0x80;
            key[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        if (ascii) return std::hash<std::string_view>{}(std::string_view(key, label.size()));
    }
    return std::hash<std::string>{}(label_key(label));
}

// Named, not anonymous: StockReplay::State holds these types (and a unity
// build would warn of a class with linkage holding a type without).
namespace stock_replay_detail {

std::string id_tail(std::string_view id) { return lower(id.size() <= 4 ? id : id.substr(id.size() - 4)); }

// An id, held inline when it is short (a ULID has 26 characters): the replay
// holds one for each entry waiting for its container's store, and a heap
// string for each showed in the profile.
class Id {
public:
    Id() = default;
    explicit Id(std::string_view id) : Id(id, pumplog::IdHash{}(id)) {}
    // An id never looked up (an entry's own): no hash needed.
    static Id unhashed(std::string_view id) { return Id(id, 0); }
    std::string_view view() const { return size_ == long_marker ? std::string_view(long_) : std::string_view(inline_, size_); }
    bool operator==(const Id& other) const { return view() == other.view(); }
    std::uint64_t hash() const { return hash_; }

private:
    Id(std::string_view id, std::uint64_t hash) : hash_(hash) {
        if (id.size() < sizeof(inline_)) {
            std::copy(id.begin(), id.end(), inline_);
            size_ = static_cast<std::uint8_t>(id.size());
        } else {
            long_ = std::string(id);
            size_ = long_marker;
        }
    }

    static constexpr std::uint8_t long_marker = 0xFF;
    std::uint64_t hash_ = 0;
    char inline_[31] = {};
    std::uint8_t size_ = 0;
    std::string long_;
};

struct OpenIdHash {
    std::size_t operator()(const Id& id) const { return id.hash(); }
};

// place_from, quicker for the names pumplog writes.
std::optional<Place> place_of(std::string_view text) {
    if (text == "fridge") return Place::fridge;
    if (text == "freezer") return Place::freezer;
    if (text == "room") return Place::room;
    if (text == "cooler") return Place::cooler;
    return place_from(text);
}

// Where a line stands in load_history's order: by time, ties in file order.
// `seq` counts the stash's lines as they are met, newest written first: a
// larger one was written earlier.
struct Order {
    Seconds at{};
    std::uint64_t seq = 0;
};
bool before(const Order& a, const Order& b) { return a.at != b.at ? a.at < b.at : a.seq > b.seq; }
bool same(const Order& a, const Order& b) { return a.at == b.at && a.seq == b.seq; }

// A move, use or discard, as much of it as the replay needs.
struct Event {
    EntryType type = EntryType::use;
    Order order;
    Id id;
    double ml = 0;               // use: what was taken (never below 0)
    std::optional<Place> place;  // move: where to (nullopt: not a place)
    std::string text;            // move: the place as written when it is none; discard: the reason
    std::uint64_t offset = 0;    // its line's (Entry::offset): a use that took less than it says names it
    // Dated after the stash's time (StockOptions::as_of): it has not happened yet and changes nothing, but
    // counts in the container's last_event (a line written now comes before it: check_new_stash_lines).
    bool later = false;
};

Event make_event(const Entry& e, Order order, bool later) {
    Event ev;
    ev.type = e.type;
    ev.order = order;
    ev.later = later;
    ev.id = Id::unhashed(e.id);
    ev.offset = e.offset;
    if (e.type == EntryType::use) {
        ev.ml = counted_ml(e.ml).value_or(0);
    } else if (e.type == EntryType::move) {
        ev.place = place_of(e.place);
        if (!ev.place) ev.text = e.place;
    } else {
        ev.text = e.reason;
    }
    return ev;
}

// A store line: the container as stored, its label still as written.
struct Stored {
    Container container;
    Order order;
    std::optional<std::string> unknown_place;  // the place as written when it is none
};

Stored make_stored(const Entry& e, Order order) {
    Stored s;
    s.order = order;
    Container& c = s.container;
    c.id = e.id;
    c.label = e.label;
    c.stored = counted_volume(e.ml);
    c.left = c.stored;
    const auto place = place_of(e.place);
    if (!place) s.unknown_place = e.place;
    c.place = place.value_or(Place::room);  // the strictest limits where the place is unknown
    c.stored_at = e.at.instant;
    c.pumped = e.pumped ? e.pumped->instant : e.at.instant;
    c.stays.push_back({c.place, c.stored_at});
    c.note = e.note;
    c.from = e.from;
    c.baby = e.baby;
    if (e.until) c.until = e.until->instant;
    if (e.thawed) c.thawed_before = e.thawed->instant;
    if (e.best_by) c.best_by_before = e.best_by->instant;
    if (c.left.ml() < empty_ml) {
        c.state = ContainerState::used_up;
        c.ended = c.stored_at;
    }
    return s;
}

// A container's label as a problem quotes it: settled once every store is known
// (a label written twice is kept by its first store in time; the others get
// "~" and their id's end).
struct LabelRef {
    std::string written;
    std::string tail;  // its id's end
    Order order;       // its store's
    std::optional<std::string> settled;
};

LabelRef label_ref(const Stored& s) { return {s.container.label, id_tail(s.container.id), s.order, std::nullopt}; }

// An entry that could not be applied, reported in the order of load_history:
// the stores first, then the moves, uses and discards, each by time.
struct StashProblem {
    int pass = 0;  // 0: a store, 1: a move, use or discard
    Order order;
    std::string head;
    std::optional<LabelRef> label;  // quoted between head and tail
    std::string tail;
    std::optional<ShortUse> short_use;  // a use that took less than it says (its label set in finish)
    std::optional<std::uint64_t> unstored;  // a move, use or discard naming no stored container: its line's offset
};

bool reported_before(const StashProblem& a, const StashProblem& b) {
    return a.pass != b.pass ? a.pass < b.pass : before(a.order, b.order);
}

std::optional<StashProblem> store_problem(const Stored& s, LabelRef label) {
    if (!s.unknown_place) return std::nullopt;
    return StashProblem{0, s.order, "", std::move(label),
                   fmt::format(": unknown place \"{}\", counted as room", printable(*s.unknown_place)), std::nullopt,
                   std::nullopt};
}

// A container's moves, uses and discards are held newest first (as they are
// mostly met): a new one goes to the end unless it is later than some.
void add_event(std::vector<Event>& events, Event ev) {
    const auto later = [](const Event& a, const Event& b) { return before(b.order, a.order); };
    if (events.empty() || later(events.back(), ev)) events.push_back(std::move(ev));
    else events.insert(std::upper_bound(events.begin(), events.end(), ev, later), std::move(ev));
}

// An entry after its container was used up that only takes, moves or throws away `rest_ml`, the milk the
// 2 ml rule counted as used up with it (what is left of it is taken off): not reported.
bool counts_rest(const Event& ev, double& rest_ml) {
    if (rest_ml <= rounding_ml) return false;
    if (ev.type == EntryType::move) return ev.place.has_value();
    if (ev.type == EntryType::discard) {  // the drops thrown away
        rest_ml = 0;
        return true;
    }
    if (ev.type != EntryType::use || ev.ml > rest_ml + rounding_ml) return false;
    rest_ml = std::max(0.0, rest_ml - ev.ml);
    return true;
}

// Whether a use of `ml` takes more than is `left`: over 0.05 ml past it (AMOUNTS: less is rounding). The plain
// comparison first: llround on every use cost 0.5% of `stock` on a long journal.
bool takes_more_than(double ml, Volume left) {
    return ml > left.ml() + 0.04 && ml_millionths(Volume::from_ml(ml) - left) >= unshown_millionths;
}

// The container after its moves, uses and discards (newest first: replayed
// from the last). An entry after it was finished is skipped and reported.
Container replay_container(const Stored& stored, const std::vector<Event>& events, const LabelRef& label,
                           std::vector<StashProblem>& problems) {
    Container c = stored.container;
    // What the 2 ml rule counted as used up with the container: a later use of no more than that takes
    // milk already counted as taken (pumplog-stock(1), AMOUNTS), not a use of an empty container; a move or
    // discard while some of it is left moves or throws away those drops. None is reported.
    double rest_ml = c.state == ContainerState::used_up ? c.stored.ml() : 0;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const Event& ev = *it;
        c.last_event = std::max(c.last_event, ev.order.at);
        if (ev.later) continue;
        if (c.state == ContainerState::used_up && counts_rest(ev, rest_ml)) continue;
        if (c.state != ContainerState::in_stock) {
            std::optional<ShortUse> took_nothing;
            if (ev.type == EntryType::use || ev.type == EntryType::move || ev.type == EntryType::discard)
                took_nothing = ShortUse{std::string(ev.id.view()), {}, Volume::from_ml(ev.ml), Volume{}, c.state,
                                        ev.offset, ev.type};
            problems.push_back({1, ev.order, fmt::format("{} {} of ", type_name(ev.type), ev.id.view()), label,
                                fmt::format(" after it was {}; skipped",
                                            c.state == ContainerState::used_up ? "used up" : "discarded"),
                                std::move(took_nothing), std::nullopt});
            continue;
        }
        const Seconds at = std::max(ev.order.at, c.stored_at);
        if (ev.type == EntryType::move) {
            if (!ev.place) {
                problems.push_back({1, ev.order,
                                    fmt::format("move {} to unknown place \"{}\"; skipped", ev.id.view(), printable(ev.text)),
                                    std::nullopt, "", std::nullopt, std::nullopt});
                continue;
            }
            if (*ev.place == c.place) continue;
            c.place = *ev.place;
            c.stays.push_back({c.place, at});
        } else if (ev.type == EntryType::use) {
            // A use of more than is left (a line by hand or another tool; pumplog refuses it) took what was left:
            // reported, as the other impossible entries are. Up to 0.05 ml past it is rounding (AMOUNTS).
            if (takes_more_than(ev.ml, c.left))
                problems.push_back({1, ev.order, fmt::format("use {} of ", ev.id.view()), label,
                                    fmt::format(" took {}, more than the {} left in it; counted as {}",
                                                format_volume(Volume::from_ml(ev.ml), Unit::ml),
                                                format_volume(c.left, Unit::ml), format_volume(c.left, Unit::ml)),
                                    ShortUse{std::string(ev.id.view()), {}, Volume::from_ml(ev.ml), c.left,
                                             ContainerState::in_stock, ev.offset},
                                    std::nullopt});
            c.left -= Volume::from_ml(ev.ml);
            if (c.left.ml() < empty_ml) {
                rest_ml = std::max(0.0, c.left.ml());
                c.left = Volume{};
                c.state = ContainerState::used_up;
                c.ended = at;
            }
        } else {
            c.discarded = c.left;
            c.left = Volume{};
            c.state = ContainerState::discarded;
            c.ended = at;
            c.reason = ev.text;
        }
    }
    return c;
}

// What replay_container would find, without building the container: whether
// the container ends finished, and whether any entry would be reported.
struct Outcome {
    bool finished = false;
    bool problems = false;
};
Outcome outcome(Volume stored, const std::vector<Event>& events) {
    Volume left = stored;
    bool finished = left.ml() < empty_ml;
    double rest_ml = finished ? left.ml() : 0;  // as replay_container: taken with the container, by the 2 ml rule
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const Event& ev = *it;
        if (ev.later) continue;
        if (finished && counts_rest(ev, rest_ml)) continue;
        if (finished) return {true, true};  // this one comes after the end
        if (ev.type == EntryType::move) {
            if (!ev.place) return {false, true};
        } else if (ev.type == EntryType::use) {
            if (takes_more_than(ev.ml, left)) return {true, true};  // reported
            left -= Volume::from_ml(ev.ml);
            finished = left.ml() < empty_ml;
            if (finished) rest_ml = std::max(0.0, left.ml());
        } else {
            finished = true;
            rest_ml = 0;
        }
    }
    return {finished, false};
}

// What is known of one id: its store once met, and its entries met so far.
struct Open {
    std::optional<Stored> stored;
    std::vector<Event> events;
};

// A store that keeps its label unless an earlier one has it (voided stores
// and repeated store ids take none).
struct Claim {
    std::uint64_t label = 0;  // label_hash
    Order order;
};

}  // namespace stock_replay_detail

using namespace stock_replay_detail;

struct StockReplay::State {
    const Guideline& guideline;
    const StockOptions options;
    const bool exact;
    const std::string wanted;  // label_key(options.label), as Stock::find compares it

    std::uint64_t seq = 0;
    bool gave_up = false;
    std::unordered_map<Id, Open, OpenIdHash> open;  // by store id
    HashSet64 finished;                          // hashes of the ids of containers forgotten
    std::vector<Claim> claims;                   // fast replay only
    std::vector<std::uint64_t> labels;           // label_hash of every label written
    long long highest = 0;
    std::vector<StashProblem> problems;

    State(const Guideline& g, StockOptions o, bool e)
        : guideline(g), options(std::move(o)), exact(e), wanted(label_key(options.label)) {}

    void store(const Entry& e, Order order) {
        const Id id(e.id);
        if (!exact && (e.label.find('~') != std::string::npos || finished.contains(id.hash()))) {
            gave_up = true;  // a label that could collide with a suffixed one, or a store id written twice
            return;
        }
        auto it = open.find(id);
        if (it != open.end() && it->second.stored) {
            if (!exact) {
                gave_up = true;
                return;
            }
            if (!before(order, it->second.stored->order)) return;  // the first store in time stands
        }
        if (!exact) {  // labels and problems of the exact replay are settled at the end
            if (!e.label.empty()) claims.push_back({label_hash(e.label), order});
            if (!place_of(e.place))
                problems.push_back(*store_problem(make_stored(e, order), {e.label, id_tail(e.id), order, std::nullopt}));
            if (forget_if_finished(e, id, order, it)) return;
        }
        if (it == open.end()) it = open.try_emplace(id).first;
        it->second.stored = make_stored(e, order);
    }

    void event(const Entry& e, Order order, bool later) {
        const Id target(e.target);
        auto it = open.find(target);
        if (it == open.end()) {
            if (later && !exact && finished.contains(target.hash())) return;  // finished now: nothing to date
            if (!exact && finished.contains(target.hash())) {
                gave_up = true;  // written before the store of a container already forgotten
                return;
            }
            it = open.try_emplace(target).first;
            it->second.events.reserve(4);
        }
        add_event(it->second.events, make_event(e, order, later));
    }

    // A container finished by the entries met so far, and that nobody asked
    // for: its problems are reported, the rest forgotten. `it`: its entries.
    bool forget_if_finished(const Entry& e, const Id& id, Order order, std::unordered_map<Id, Open, OpenIdHash>::iterator it) {
        if (options.keep_ended || might_be_wanted(e.label, e.id)) return false;
        static const std::vector<Event> none;
        const std::vector<Event>& events = it != open.end() ? it->second.events : none;
        const Outcome end = outcome(counted_volume(e.ml), events);
        if (!end.finished) return false;
        if (end.problems) {
            const Stored stored = make_stored(e, order);
            replay_container(stored, events, label_ref(stored), problems);
        }
        finished.insert(id.hash());
        if (it != open.end()) open.erase(it);
        return true;
    }

    // Its label, whichever the replay settles on, could be the one asked for.
    bool might_be_wanted(std::string_view label, std::string_view id) const {
        if (wanted.empty()) return false;
        // Its written label alone too: Stock::find names the containers that carry it as ambiguous.
        const std::string written = label_key(label);
        const std::string tail = id_tail(id);
        if (written.empty()) return wanted == "b?~" + tail;
        return wanted == written || wanted == written + "~" + tail;
    }

    // The first claim of each label that a kept container or a problem
    // quotes (the fast replay's labels; one pass over the claims).
    std::unordered_map<std::uint64_t, Order> first_claims(const std::vector<const LabelRef*>& quoted) const {
        std::unordered_map<std::uint64_t, Order> first;
        for (const LabelRef* ref : quoted)
            if (!ref->written.empty()) first.emplace(label_hash(ref->written), ref->order);
        for (const Claim& c : claims) {
            const auto it = first.find(c.label);
            if (it != first.end() && before(c.order, it->second)) it->second = c.order;
        }
        return first;
    }

    // The label shown, by the claims: the first store of a label keeps it.
    static std::string label_by_claims(const LabelRef& ref, const std::unordered_map<std::uint64_t, Order>& first) {
        if (ref.written.empty()) return "B?~" + ref.tail;
        const auto it = first.find(label_hash(ref.written));
        if (it != first.end() && same(it->second, ref.order)) return ref.written;
        return ref.written + "~" + ref.tail;
    }
};

StockReplay::StockReplay(const Guideline& guideline, StockOptions options, bool exact)
    : state_(std::make_unique<State>(guideline, std::move(options), exact)) {}

StockReplay::~StockReplay() = default;

void StockReplay::add(const Entry& e, bool voided) {
    State& s = *state_;
    if (s.gave_up) return;
    if (e.type == EntryType::store) {
        const Order order{e.at.instant, ++s.seq};
        if (!e.label.empty()) {
            s.labels.push_back(label_hash(e.label));
            if (const auto n = label_number(e.label)) s.highest = std::max(s.highest, *n);
        }
        // One stored after the stash's time is replayed as a voided one (it still reserves its label).
        if (!voided && !(s.options.as_of && e.at.instant > *s.options.as_of)) s.store(e, order);
    } else if (e.type == EntryType::move || e.type == EntryType::use || e.type == EntryType::discard) {
        const Order order{e.at.instant, ++s.seq};
        if (!voided) s.event(e, order, s.options.as_of && e.at.instant > *s.options.as_of);
    }
}

bool StockReplay::needs_exact() const { return state_->gave_up; }

std::size_t StockReplay::holding() const { return state_->open.size(); }

Stock StockReplay::finish() {
    State& s = *state_;
    Stock stock;
    stock.labels_ever = std::move(s.labels);
    stock.highest_label = s.highest;

    std::vector<std::pair<const Id*, Open*>> stored;
    for (auto& [id, o] : s.open) {
        if (o.stored) {
            stored.emplace_back(&id, &o);
            continue;
        }
        for (const Event& ev : o.events) {
            if (ev.later) {  // not happened yet: not reported, as before its time, unless log check calls it bad
                stock.unstored.push_back({ev.offset, Stock::Unstored::no_problem});
                continue;
            }
            s.problems.push_back({1, ev.order,
                                  fmt::format("{} {} names no stored container (\"{}\"); skipped",
                                              type_name(ev.type), ev.id.view(), id.view()),
                                  std::nullopt, "", std::nullopt, ev.offset});
        }
    }
    std::sort(stored.begin(), stored.end(),
              [](const auto& a, const auto& b) { return before(a.second->stored->order, b.second->stored->order); });

    // The labels shown, in the order stored: the first store of a label keeps it.
    std::vector<std::string> shown;
    shown.reserve(stored.size());
    if (s.exact) {
        std::unordered_set<std::string> taken;  // labels shown so far, as label_key compares them
        for (const auto& [id, o] : stored) {
            const std::string& written = o->stored->container.label;
            std::string label = written.empty() ? "B?" : written;
            if (written.empty() || taken.contains(label_key(label))) label += "~" + id_tail(id->view());
            taken.insert(label_key(label));
            shown.push_back(std::move(label));
        }
    } else {
        std::vector<LabelRef> refs;
        refs.reserve(stored.size());
        for (const auto& [id, o] : stored) refs.push_back(label_ref(*o->stored));
        std::vector<const LabelRef*> quoted;
        for (const LabelRef& ref : refs) quoted.push_back(&ref);
        for (const StashProblem& p : s.problems)
            if (p.label && !p.label->settled) quoted.push_back(&*p.label);
        const auto first = s.first_claims(quoted);
        for (const LabelRef& ref : refs) shown.push_back(State::label_by_claims(ref, first));
        for (StashProblem& p : s.problems)
            if (p.label && !p.label->settled) p.label->settled = State::label_by_claims(*p.label, first);
    }

    for (std::size_t i = 0; i < stored.size(); ++i) {
        Open& o = *stored[i].second;
        LabelRef label = label_ref(*o.stored);
        label.settled = shown[i];
        if (s.exact)
            if (auto p = store_problem(*o.stored, label)) s.problems.push_back(std::move(*p));
        Container c = replay_container(*o.stored, o.events, label, s.problems);
        c.label = shown[i];
        // A finished one asked for by its label as shown, or as written (Stock::find's ambiguity).
        if (c.state != ContainerState::in_stock && !s.options.keep_ended &&
            (s.wanted.empty() || (label_key(c.label) != s.wanted && label_key(o.stored->container.label) != s.wanted)))
            continue;
        const Expiry expiry = expiry_of(s.guideline, c, c.stays);
        c.expires = expiry.expires;
        c.thawed = expiry.thawed;
        c.best_by = expiry.best_by;
        c.refrozen = expiry.refrozen;
        stock.containers.push_back(std::move(c));
    }

    std::sort(s.problems.begin(), s.problems.end(), reported_before);
    stock.problems.reserve(s.problems.size());
    for (StashProblem& p : s.problems) {
        std::string label;
        if (p.label) label = *p.label->settled;
        if (p.short_use) {
            p.short_use->label = label;
            stock.short_uses.push_back(std::move(*p.short_use));
        }
        if (p.unstored) stock.unstored.push_back({*p.unstored, stock.problems.size()});
        stock.problems.push_back(p.head + label + p.tail);
    }
    return stock;
}

namespace {

// The moves, uses and discards that name no stored container (Stock::unstored) and that log check calls
// damaged (damaged_among: a target no line has, a bad line, a line that is no store; not a voided store's) are
// skipped as damaged lines, with check's words in `stats`, not among the stash's problems: every reader calls
// the same lines damaged (pumplog(5)). A sound journal has none: it is never checked.
void skip_damaged_stash_lines(const Journal& journal, Stock& stock, ReadStats& stats) {
    if (stock.unstored.empty()) return;
    std::vector<std::uint64_t> offsets;
    offsets.reserve(stock.unstored.size());
    for (const Stock::Unstored& u : stock.unstored) offsets.push_back(u.offset);
    std::vector<BadLine> damaged = damaged_among(journal, std::move(offsets));
    if (damaged.empty()) return;
    std::vector<bool> dropped(stock.problems.size());
    for (BadLine& bad : damaged) {
        for (const Stock::Unstored& u : stock.unstored)
            if (u.offset == bad.offset && u.problem != Stock::Unstored::no_problem) dropped[u.problem] = true;
        ++stats.bad_lines;
        stats.bad.push_back(std::move(bad));
    }
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < stock.problems.size(); ++i)
        if (!dropped[i]) problems.push_back(std::move(stock.problems[i]));
    stock.problems = std::move(problems);
    stock.unstored.clear();  // their problem indices are gone with them
    std::sort(stats.bad.begin(), stats.bad.end(),
              [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; });
    if (stats.bad.size() > ReadStats::most_bad_kept) stats.bad.resize(ReadStats::most_bad_kept);
}

}  // namespace

StockRead read_stock(const Journal& journal, const Guideline& guideline, const StockOptions& options,
                     std::optional<Seconds> feeds_since, bool strict) {
    ReplayOptions replay_options;
    replay_options.include_voided = true;  // voided stores reserve their labels
    replay_options.strict = strict;
    // The stash's own events (and the feeds when asked for): the reader passes over pumps, timers and the rest.
    replay_options.raw = false;
    replay_options.types = static_cast<TypeMask>(stock_types | (feeds_since ? type_bit(EntryType::feed) : 0));
    if (feeds_since) {  // the stash is read whole, the feeds only as far back as asked
        replay_options.recent_types = type_bit(EntryType::feed);
        replay_options.recent_since = *feeds_since;
    }
    struct Pass {
        StockReplay stash;
        History feeds;
        Pass(const Guideline& g, const StockOptions& o, bool exact) : stash(g, o, exact) {}
    };
    for (const bool exact : {false, true}) {
        auto folded = replay_fold(
            journal, replay_options, [&] { return std::make_unique<Pass>(guideline, options, exact); },
            [&](Pass& pass, const Replayed& r) {
                pass.stash.add(r.entry, r.voided);  // entries after options.as_of: StockReplay::add
                if (feeds_since && r.entry.type == EntryType::feed && r.entry.at.instant >= *feeds_since) {
                    pass.feeds.entries.push_back(r.entry);
                    pass.feeds.voided.push_back(r.voided);
                }
            });
        StockReplay& stash = folded.state->stash;
        if (stash.needs_exact()) continue;  // never in exact mode
        StockRead read;
        read.stock = stash.finish();
        read.stats = std::move(folded.stats);
        skip_damaged_stash_lines(journal, read.stock, read.stats);
        read.feeds = in_time_order(std::move(folded.state->feeds));
        read.feeds.stats = read.stats;
        return read;
    }
    return {};  // not reached: the exact replay never gives up
}

History in_time_order(History newest_first) {
    std::vector<std::size_t> order(newest_first.entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = order.size() - 1 - i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return newest_first.entries[a].at.instant < newest_first.entries[b].at.instant;
    });
    History out;
    out.entries.reserve(order.size());
    for (const std::size_t i : order) {
        out.entries.push_back(std::move(newest_first.entries[i]));
        out.voided.push_back(newest_first.voided[i]);
    }
    out.stats = std::move(newest_first.stats);
    return out;
}

Stock build_stock(const std::vector<Entry>& entries, const std::vector<bool>& voided, const Guideline& guideline) {
    StockOptions options;
    options.keep_ended = true;
    for (const bool exact : {false, true}) {
        StockReplay stash(guideline, options, exact);
        // Newest written first: the last of the sorted entries first, so that
        // ties keep the order given.
        for (std::size_t i = entries.size(); i-- > 0;) stash.add(entries[i], i < voided.size() && voided[i]);
        if (!stash.needs_exact()) return stash.finish();
    }
    return {};  // not reached
}

Stock build_stock(const History& history, const Guideline& guideline) {
    return build_stock(history.entries, history.voided, guideline);
}

std::unordered_map<std::string, std::string> container_labels(const Journal& journal,
                                                               const std::vector<std::string>& ids, bool strict) {
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    ReplayOptions options;
    options.include_voided = true;
    options.strict = strict;
    options.raw = false;
    options.types = type_bit(EntryType::store);  // the other lines are read only as far as their header
    using Labels = std::unordered_map<std::string, std::string>;
    // Newest first: once every container asked for is met, the read goes on
    // only as a question from the oldest of them would (ReplayOptions::enough).
    // Of two stores with one id (a damaged merge), the last written names it.
    std::size_t found = 0;
    std::optional<Seconds> oldest;
    options.enough = [&] { return found == wanted.size() ? oldest : std::nullopt; };
    auto folded = replay_fold(journal, options,
                              [&] {
                                  found = 0;
                                  oldest.reset();
                                  return std::make_unique<Labels>();
                              },
                              [&](Labels& labels, const Replayed& r) {
                                  if (r.entry.type == EntryType::store && wanted.contains(r.entry.id) &&
                                      labels.emplace(r.entry.id, r.entry.label).second) {
                                      ++found;
                                      const Seconds key = line_key(r.entry);
                                      oldest = oldest ? std::min(*oldest, key) : key;
                                  }
                              });
    return std::move(*folded.state);
}

}  // namespace pumplog
