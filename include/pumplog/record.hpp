#pragma once
// Recording events: the journal lines that `add`, `log feed`, `undo`, `rm` and
// `edit` append, built from values already parsed at the edge.
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// Refuses (usage error) a time in the future for a past event, unless forced.
// A minute of slack allows for clocks a little apart. The message shows the
// time in `zone` when given (else UTC).
void check_not_future(Seconds at, Seconds now, bool force, const date::time_zone* zone = nullptr);

// Refuses (usage error), unless forced, an entry from `start` lasting `length` that would end more than
// ahead_allowance after now: a typo (2h for 2m), as pump stop --dur longer than its timer is. `lasting`
// names the length as given ("--dur 20 min"), `entry` what started ("session", "feed"): "--dur 20 min is
// longer than the time since the session's start (10 min, since 13:55): check it, or --force to record it".
void check_not_ending_ahead(Seconds start, std::chrono::seconds length, std::string_view lasting,
                            std::string_view entry, const Clock& clock, bool force);
// How a session's or feed's length given by --dur or nursing sides is named in that refusal: "--dur 20 min",
// "--left 12 min", "20 min of nursing (L 12 min + R 8 min)".
std::string length_as_given(std::optional<std::chrono::seconds> left, std::optional<std::chrono::seconds> right,
                            std::optional<std::chrono::seconds> duration);

// Refuses (usage error) a session or nursing time of 0 or less, or over 3 hours,
// unless forced.
void check_plausible_duration(std::chrono::seconds duration, bool force);
// Refuses (usage error) a feed nursed on both sides for more than 3 hours in
// all, unless forced (each side alone is check_plausible_duration's).
void check_plausible_nursing(std::optional<std::chrono::seconds> left, std::optional<std::chrono::seconds> right,
                             bool force);

struct PumpRecord {
    Seconds at;
    SideAmounts amount;
    std::optional<std::chrono::seconds> duration;
    std::string note;
    std::string timer;  // the pump timer it stops (the start's id), if any
};
// The amounts as a line keeps them (pumplog(5): volumes to 0.01 ml), so that a
// reply shows what the journal, and so `log`, will show (2oz is 59.15 ml).
SideAmounts as_written(const SideAmounts& amount);
// The line of a pump; its amounts are written as_written.
Line pump_line(const PumpRecord& pump, std::string_view id, const date::time_zone* zone);

struct FeedRecord {
    Seconds at;
    FeedMethod method = FeedMethod::bottle;
    std::optional<Volume> amount;  // bottle
    Milk milk = Milk::breast;      // bottle
    std::optional<std::chrono::seconds> left, right, duration;  // breast
    std::string note;
    std::string baby;  // whose feed (SPEC 12); "" with one baby
};
Line feed_line(const FeedRecord& feed, std::string_view id, const date::time_zone* zone);
// Milk::breast ("breast", "breast milk", "breastmilk", "expressed") or
// Milk::formula, any case; usage error otherwise.
Milk parse_milk(std::string_view text);

Line void_line(std::string_view target, Seconds now, std::string_view id, const date::time_zone* zone);
Line amend_line(std::string_view target, const nlohmann::ordered_json& set, Seconds now, std::string_view id,
                const date::time_zone* zone);

// What was pumped on one local day (the date written in each entry's `at`).
struct DayTotal {
    Volume pumped;        // the sessions with a volume
    int sessions = 0;     // all of them
    int unmeasured = 0;   // those without a volume: unknown, not 0 ml
};
DayTotal pumped_on(const std::vector<Entry>& entries, std::string_view date);

// Short references (SPEC 3): the last characters of each id, lower case, as
// many (at least 4) as make every id in the journal distinct; two ids that
// differ only in case are shown whole, as written, and lengthen no other ref.
// An id as the refs see it: its ending and a hash (refs.cpp).
struct RefKey {
    std::uint64_t head = 0;
    std::uint64_t rest = 0;
    auto operator<=>(const RefKey&) const = default;
};

class RefsCollector;

class Refs {
public:
    explicit Refs(const std::vector<std::string>& all_ids);
    // The refs of a journal's ids (voided entries and corrections included),
    // read once and held as 16 bytes an id. resolve() then knows the ids
    // that the `wanted` refs name, and only those.
    static Refs read(const Journal& journal, const std::vector<std::string>& wanted = {});

    std::string ref(std::string_view id) const;
    // The ids a reference names: its full id; else the ids it is whole but
    // for case; else the ids ending in it (case-insensitive, at least 4
    // characters). So every ref() names its id alone.
    std::vector<std::string> resolve(std::string_view ref) const;
    // How many lines carry `id`, an id the `wanted` refs name (0 for any
    // other): more than one is a damaged journal (pumplog(5); log check).
    std::size_t lines_with(std::string_view id) const;

private:
    friend class RefsCollector;
    Refs() = default;
    void set_twins(std::vector<std::string> twins);
    // Refs for the ids among `ids` (all the journal's, once each) that are shown as another id is (U+200B
    // and "\u200b" typed out): see refs.cpp. Only for a journal with twins_.
    void set_shown_alike(const std::vector<std::string>& ids);
    std::size_t length_ = 4;
    std::vector<std::pair<std::string, std::string>> shown_alike_;  // (id, its ref), sorted by id
    std::vector<std::string> twins_;  // ids (lower case, sorted) another id repeats but for case: refs are whole ids
    std::vector<std::string> ids_;
    std::vector<std::string> repeated_;  // ids_ that several lines carry, once per extra line
};

// Refs gathered from a read of the whole journal that the caller makes anyway
// (`log undo` and `log rm` replay it): each line's id given to add(), in the
// order read, then finish(). The same refs as Refs::read, one read fewer.
class RefsCollector {
public:
    explicit RefsCollector(const std::vector<std::string>& wanted = {});
    // Returns wanted(id).
    bool add(std::string_view id);
    // Whether a wanted ref may name `id` (and so resolve() may give it).
    bool wanted(std::string_view id) const;
    // Whether no two ids added may be the same id (false: perhaps; ask Refs::read's lines_with).
    bool once(std::string_view id) const;
    // The refs, as Refs::read would give them with `also` (ids about to be
    // appended) in the journal. `journal` is read again only for ids alike
    // beyond their keys (not ULIDs), as Refs::read does.
    Refs finish(const Journal& journal, const std::vector<std::string>& also = {}) &&;

private:
    std::vector<std::pair<std::string, std::string>> wanted_;  // as given, and trimmed lower case
    std::vector<RefKey> keys_;
    std::vector<std::string> named_;  // ids the wanted refs may name, once a line
};

// Every id in the journal (voided entries and corrections included).
std::vector<std::string> all_ids(const Journal& journal);

}  // namespace pumplog
