#pragma once
// The milk stash (SPEC 4): containers replayed from the journal's store, move,
// use and discard entries; their expiry under a storage guideline; which to
// use first.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/guideline.hpp"
#include "pumplog/history.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A container's stay in one place, from `since` until its next stay.
struct Stay {
    Place place = Place::fridge;
    Seconds since{};
};

// When milk with a given history expires.
struct Expiry {
    Seconds expires{};
    std::optional<Seconds> thawed;   // when it first left the freezer: the thaw clock's start
    std::optional<Seconds> best_by;  // while frozen and fresh: best quality before this
    bool refrozen = false;           // thawed milk went back into the freezer (expired then)
};

// The expiry rule (documented in pumplog-stock(1)). Milk has a life in each
// phase, fresh then thawed, spent in each place at the pace of that place's
// limit: an hour in a place whose limit is 4 hours spends a quarter of it.
// - Fresh milk's life starts at expression; the first stay counts from then.
//   With one place this is exactly the guideline (fridge: pumped + 4 days);
//   after moves it is never longer than the strictest history allows (2 hours
//   at room temperature, then the fridge: 2 more days, not 4).
// - Leaving the freezer for any other place is a thaw: a new life starts,
//   under the thawed limits (fridge 24 h, room and cooler 1 h), and it never
//   goes past the date the frozen milk would have expired in the freezer.
// - Thawed milk once at room temperature (or in a cooler, which takes the
//   room's thawed limit) keeps no longer than it would have there: back in
//   the fridge it never gets its fridge hours again (CDC: thawed milk brought
//   to room temperature or warmed is used within 2 hours).
// - Thawed milk back in the freezer is expired from that moment (never refreeze).
// - Milk that expired stays expired whatever moves follow.
Expiry compute_expiry(const Guideline& guideline, Seconds pumped, const std::vector<Stay>& stays);

// The least milk a container holds (pumplog-stock(1)): one left with less
// after a use is used up, the use taking the rest with it (drops, not milk to
// keep), and less is never stored. Under 0.1 oz, so that a container in stock
// never shows "0 ml" or "0.0 oz".
inline constexpr double least_container_ml = 2.0;

enum class ContainerState { in_stock, used_up, discarded };

// A container's status at a time (SPEC 7): `soon` when it expires within 24 h.
enum class Status { ok, soon, expired };
inline constexpr std::chrono::hours soon_window{24};
std::string_view status_name(Status status);  // "ok", "soon", "expired"

struct Container {
    std::string id;          // the store entry's id: the `target` of move, use and discard
    std::string label;       // B1, B2, ... (unique: a duplicate from a merge gets "~" and its id's end)
    Volume stored;           // as stored
    Volume left;             // what is left in it
    Place place = Place::fridge;  // where it is now
    std::vector<Stay> stays;      // where it has been, oldest first
    Seconds stored_at{};
    Seconds pumped{};        // when the milk was expressed
    std::optional<Seconds> thawed;
    Seconds expires{};
    std::optional<Seconds> best_by;  // while frozen (CDC: best within 6 months)
    bool refrozen = false;
    std::string note;        // the store entry's note
    std::string from;        // the pump entry it came from, when stored with it
    std::string baby;        // a leftover's: the baby who left it (the store's `baby`), "" for one baby
    // A leftover or a combined container: its expiry when it was made (the
    // store's `until`), where its budget starts; moves never lengthen it.
    std::optional<Seconds> until;
    std::optional<Seconds> thawed_before;  // the store's `thawed`: milk already thawed then
    std::optional<Seconds> best_by_before; // the store's `best_by`: a combined container's parts' earliest
    ContainerState state = ContainerState::in_stock;
    std::optional<Seconds> ended;  // when it was used up or discarded
    Seconds last_event{};          // the latest time of its moves, uses and discards (none: the epoch)
    Volume discarded;        // what was thrown away with it
    std::string reason;      // why it was discarded
};

// A container's expiry after `stays` (its own, or with a move added): the
// rule above. A container with `until` starts with the budget that reaches
// `until` in its first place (thawed when its store says `thawed`), and its
// moves follow the rule from there, a thaw included, never past `until`; it is
// best by its store's `best_by` while it stays in the freezer.
Expiry expiry_of(const Guideline& guideline, const Container& container, const std::vector<Stay>& stays);

// A use that took less than it says: more than its container still held (a line by hand or another tool;
// pumplog refuses it), or written after the container was used up or thrown away. It took what was left
// (`left`, nothing once the container was finished): `stock` counts that much and says so among its problems,
// `report` counts that much as used, and `log check` notes it (pumplog-stock(1), AMOUNTS).
struct ShortUse {
    std::string id;     // the use's
    std::string label;  // its container's, as shown
    Volume written;     // what the use says it took
    Volume left;        // what the container held then: what the use took
    ContainerState state = ContainerState::in_stock;  // used_up or discarded: written after the container's end
    std::uint64_t offset = 0;  // the use's line (Entry::offset)
    // A move or discard written after the container's end is one too (`log check` notes it, as `stock` warns):
    // it took nothing and moved nothing; `report` counts uses only.
    EntryType type = EntryType::use;
};

struct Stock {
    // The containers kept (see StockOptions: every one in stock, and the
    // finished ones asked for), in the order stored.
    std::vector<Container> containers;
    // Every label written in the journal, voided stores included, as 64-bit
    // hashes of its label_key, in the order the replay met them (repeats
    // kept): a new label must be none of these (a collision only refuses a
    // free label). Not sorted: only `stock add --label` looks, once, and a
    // scan costs less than the sort every stash read paid.
    std::vector<std::uint64_t> labels_ever;
    long long highest_label = 0;  // the highest B-number ever written (B12: 12)
    // Entries that could not be applied (a use of an unknown container, ...):
    // skipped, reported for the curious.
    std::vector<std::string> problems;
    // The uses among those problems that took less than they say, in the same order.
    std::vector<ShortUse> short_uses;
    // The moves, uses and discards that name no stored container (those dated after the stash's time too): their
    // lines' offsets, and their problems' index (no_problem for one not yet happened). read_stock skips those
    // log check calls damaged as damaged lines (damaged_among) and leaves this empty.
    struct Unstored {
        static constexpr std::size_t no_problem = static_cast<std::size_t>(-1);
        std::uint64_t offset = 0;
        std::size_t problem = no_problem;
    };
    std::vector<Unstored> unstored;

    // The container with this label (as label_key compares them), in any state. A label that an older
    // pumplog let two containers carry in spellings it told apart ("Ëa" and "ëA": the later one
    // is shown with "~" and its id's end) names neither: usage error, naming both as they are shown.
    const Container* find(std::string_view label) const;
    const Container* find_id(std::string_view id) const;
};

// What a replay of the stash keeps. Memory follows what is reported (SPEC 9):
// a used-up or discarded container is forgotten once it is known to be
// finished, unless asked for.
struct StockOptions {
    bool keep_ended = false;  // keep every container, finished ones too (`stock --all`)
    // Keep a finished container with this label (`stock use B3` says that B3 is used up).
    std::string label;
    // The stash as of this time (SPEC 1: every now-relative computation uses
    // now): store, move, use and discard entries after it have not happened
    // yet, and are replayed as voided ones are (a store still reserves its label).
    std::optional<Seconds> as_of;
};
// The options for the stash as of `now`.
inline StockOptions stash_as_of(Seconds now) {
    StockOptions options;
    options.as_of = now;
    return options;
}

// The stash built from entries as the replay delivers them: newest written
// first, amendments applied, voided ones flagged (their stores only reserve
// a label). The result is the one the entries sorted by time would give
// (ties in file order): each container replays its own move, use and
// discard entries in time order, and the first store of a label keeps it.
//
// The usual replay (`exact` false) holds the containers still open and, for
// each finished one, a hash of its id (a later-met store or use of it is then
// noticed) and of its label; it gives up (needs_exact()) when the journal is
// one it cannot settle without what it forgot: a move, use or discard written
// before its store in the file naming a container already forgotten, a store
// id written twice, a label holding "~", or a hash collision. The exact replay
// keeps every container until the end.
class StockReplay {
public:
    explicit StockReplay(const Guideline& guideline, StockOptions options = {}, bool exact = false);
    ~StockReplay();
    StockReplay(const StockReplay&) = delete;
    StockReplay& operator=(const StockReplay&) = delete;

    void add(const Entry& entry, bool voided);
    bool needs_exact() const;
    // Ids held: containers open and ids whose entries wait for their store (what memory follows).
    std::size_t holding() const;
    Stock finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The stash of the whole journal (voided entries included, to reserve their
// labels), with the feeds at or after `feeds_since` for the daily intake.
// Replays the journal once, twice when the first replay needs the exact one.
struct StockRead {
    Stock stock;
    History feeds;  // sorted by time, voided ones flagged
    ReadStats stats;
};
StockRead read_stock(const Journal& journal, const Guideline& guideline, const StockOptions& options,
                     std::optional<Seconds> feeds_since, bool strict);
// Entries collected newest written first, as a replay delivers them, put in
// load_history's order: by time, ties in file order.
History in_time_order(History newest_first);

// Replays the stash from entries sorted by time (load_history's order), with
// `voided` parallel to them (may be empty: nothing voided). Only store, move,
// use and discard entries matter; voided ones only reserve their label. Every
// container is kept, finished ones too.
Stock build_stock(const std::vector<Entry>& entries, const std::vector<bool>& voided, const Guideline& guideline);
Stock build_stock(const History& history, const Guideline& guideline);

// The labels of the containers these store ids name, as written (`log` names
// stash events by label); ids without a store line are left out.
std::unordered_map<std::string, std::string> container_labels(const Journal& journal,
                                                               const std::vector<std::string>& ids, bool strict);

Status status_at(const Container& container, Seconds now);
// What the baby left (`log feed --offered`): a container with a fixed expiry
// (`until`) stored by an entry (`from`, the feed); a combined one has no `from`.
bool is_leftover(const Container& container);
// Whether `container` is kept for another baby than the one milk is taken for
// (`baby`, "" when the use names none): a leftover a named baby left, offered
// again only to that baby (CDC: left over from a feeding, the 2 hours are
// about the same baby's bottle: it holds that baby's saliva). A leftover of no
// named baby (one baby) is anyone's.
bool kept_for_another(const Container& container, std::string_view baby);
// In stock, stored by `at`, not empty and not expired at `at`.
bool usable_at(const Container& container, Seconds at);

// The containers in stock in the order `stock use` takes them (for an amount the milk out of the freezer covers:
// plan_use, Pour::poured_now): the usable ones out of the freezer (room, cooler, fridge, thawed) soonest-to-expire
// first (ties: a leftover, the oldest milk, then the label), then the usable ones in the freezer in the same order,
// then the expired ones (never taken) wherever they are, soonest expired first.
std::vector<const Container*> use_order(const Stock& stock, Seconds now);

// What to do with a container that expires soon (the guideline's advice).
enum class Advice {
    discard,            // expired
    use_or_refrigerate, // fresh milk at room temperature or in a cooler that the fridge keeps longer
    use_or_freeze,      // fresh milk in the fridge (CDC: freeze what will not be used within 4 days)
    use_thawed,         // thawed milk: use it, never refreeze
    thaw_and_use,       // frozen milk nearing its limit
    use_by_or_discard,  // no move keeps it longer: a leftover of a feed (CDC: use it within 2 hours after the
                        // baby finished, or throw it away), or a combined container past what its place allows
};
// The advice from the rule: the fridge (or the freezer) is advised only where
// moving the milk there now would keep it longer (expiry_of).
Advice advice_for(const Container& container, Seconds now, const Guideline& guideline);

// One container's part of a use.
struct Take {
    const Container* container = nullptr;
    Volume amount;
    bool empties = false;  // it is used up: less than least_container_ml would be left (taken too)
};
struct UsePlan {
    std::vector<Take> takes;  // in use order
    // Frozen containers thawed whole first (--thaw): moved to the fridge at the use's time.
    std::vector<const Container*> thaws;
    Volume usable;            // the usable milk at that time it may pour from (a leftover only when taken alone)
    bool enough = false;      // the takes add up to the amount asked
};
// What a use may pour from.
enum class Pour {
    any,         // every usable container, soonest to expire first: part of a frozen one is thawed (--thaw)
    poured_now,  // what can be poured now (SPEC 4, 11): frozen milk only when the rest cannot cover the
                 // amount, and then only a frozen container taken whole
};
// Takes `amount` at time `at` from the usable containers, soonest to expire
// first, splitting it across containers; a take that would leave less than
// least_container_ml takes the whole container; a remainder under 0.05 ml (shown
// as 0 ml) is never a part of its own: it is rounding, left unpoured. With Pour::poured_now, only the
// containers out of the freezer when they cover the amount; else a frozen one
// is taken only whole, passed over when the amount left would pour part of it.
// When the stash cannot cover it (short by 0.05 ml or more: less is rounding), `enough` is false and `takes`
// is empty.
// `baby`: whom the milk is for ("" none named); a leftover kept for another baby
// (kept_for_another) is neither usable nor taken. A leftover is poured only on its own (CDC: used within 2
// hours after the baby finished, never combined with other milk): the first that holds the whole amount is
// taken alone, else none is, and `usable` leaves them out.
UsePlan plan_use(const Stock& stock, Volume amount, Seconds at, Pour pour = Pour::any, std::string_view baby = {});
// All of one container (`stock use LABEL`); usage error when it is not usable at `at`.
UsePlan plan_use_container(const Container& container, Seconds at, const date::time_zone* zone);

// A label as labels compare (pumplog-stock(1)): as babies' names do (name_key: trimmed, canonically
// decomposed, without case), so "Ëa" (U+00CB), E + U+0308 + a and "ëA" are one label. An ASCII label is
// only trimmed and put in lower case (no decomposition is built for it): B12 and b12 are one.
std::string label_key(std::string_view label);
// A label's length as a reader counts it: its grapheme clusters (a letter with its accents, in NFC or
// NFD, or an emoji ZWJ sequence is one).
std::size_t label_length(std::string_view label);
inline constexpr std::size_t label_max_length = 20;  // grapheme clusters
// The most UTF-8 bytes a label may take, whatever its length: a cluster may carry any number of marks.
inline constexpr std::size_t label_max_bytes = 128;

// The next free label: B and one more than the highest B-number ever written.
std::string next_label(const Stock& stock);
// Refuses (usage error) a label already used (as label_key compares them), one that reads as an amount,
// or one that is empty, over 20 characters (label_length) or label_max_bytes bytes, not UTF-8, or holds
// spaces, "~", or characters terminal_text escapes (controls, C1 and bidi controls, U+2028/9).
void check_new_label(const Stock& stock, std::string_view label);

// Refuses (usage error) storing milk that has already expired by `now`, unless forced.
void check_storable(const Guideline& guideline, Seconds pumped, Place place, Seconds stored_at, Seconds now,
                    bool force, const date::time_zone* zone);
// Refuses (usage error) storing less than least_container_ml, forced or not:
// the container would be used up from the start.
void check_container_amount(Volume amount);
// Refuses (usage error) a move: not in stock, already there, expired,
// before its last move, thawed milk into the freezer (quoting the rule), or
// a leftover into the freezer (check_not_leftover).
void check_move(const Container& container, Place to, Seconds at, const Guideline& guideline,
                const date::time_zone* zone);
// Refuses (usage error) `doing` ("combined", "frozen") to milk left over from a
// feed: CDC, it is used within 2 hours after the baby finished or thrown away,
// never combined with other milk nor frozen (a thawed one: within thawed milk's
// room limit, 1 hour, quoted too).
void check_not_leftover(const Container& container, std::string_view doing, const Guideline& guideline,
                        const date::time_zone* zone);
// Refuses (usage error) discarding a container no longer in stock.
void check_discard(const Container& container, Seconds at, const date::time_zone* zone);

// Journal lines (SPEC 3).
struct StoreRecord {
    Seconds at{};      // when it was stored
    Seconds pumped{};  // when it was expressed
    Volume amount;
    Place place = Place::fridge;
    std::string label;
    std::string from;  // the pump's id, when stored with it
    std::string baby;  // a leftover's: the baby who left it, "" when no baby is named
    std::string note;
    std::optional<Seconds> thawed, until;  // a leftover or a combined container (see Container)
    std::optional<Seconds> best_by;        // a combined container in the freezer: its parts' earliest best-by
    std::string group;                     // the command's group (pumplog(5))
};
Line store_line(const StoreRecord& store, std::string_view id, const date::time_zone* zone);
// `group`: the command's group when it writes several lines (pumplog(5)), else empty.
Line move_line(std::string_view target, Place place, Seconds at, std::string_view id, const date::time_zone* zone,
               std::string_view group = {});
// `from`: the feed the milk went into (--from-stock), empty otherwise.
Line use_line(std::string_view target, Volume amount, Seconds at, std::string_view from, std::string_view id,
              const date::time_zone* zone, std::string_view group = {});
// `reason` may be empty (then not written).
Line discard_line(std::string_view target, std::string_view reason, Seconds at, std::string_view id,
                  const date::time_zone* zone);

// The baby's recent daily bottle intake of breast milk.
struct Intake {
    Volume per_day;
    int days = 0;   // days it is averaged over (1 to 7), rounded
    int feeds = 0;  // bottle feeds of breast milk counted
    int babies = 0;  // the babies those feeds name (0: none named): several is the babies' intake, together
};
inline constexpr int intake_days = 7;
// Bottle feeds of breast milk (formula left out; voided ones too) in the 7
// days before `now`, averaged over the days they stand for: all 7 when a
// bottle was given in the 7 days before them (the read's days to spare: a
// weekend or a week's holiday without bottles is a gap, not a start), else
// from the first until now and one interval between them more (at least 1;
// not rounded, so the figure moves smoothly with the clock; `days` is rounded;
// per_day unrounded); nullopt when there are none.
std::optional<Intake> recent_bottle_intake(const History& history, Seconds now);
// Where a read of the feeds for recent_bottle_intake starts (read_stock's
// `feeds_since`): its 7 days, and 7 more before them to spare.
inline Seconds intake_feeds_since(Seconds now) { return now - date::days(2 * intake_days); }

struct PlaceTotal {
    Place place = Place::fridge;
    Volume volume;
    int containers = 0;
};
struct StockSummary {
    std::vector<PlaceTotal> places;  // room, cooler, fridge, freezer: those holding milk
    Volume usable;                   // not expired at `now`
    int usable_containers = 0;
    Volume expired;
    int expired_containers = 0;
    std::optional<Intake> intake;
    std::optional<double> days_of_supply;  // usable / intake per day
};
StockSummary summarize(const Stock& stock, Seconds now, const std::optional<Intake>& intake);

}  // namespace pumplog
