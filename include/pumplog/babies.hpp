#pragma once
// Several babies in one journal (SPEC 12): the names config knows, and which
// baby a feed belongs to. Pumping is the parent's; feeds are each baby's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

// The longest name kept (in bytes): a first name, not a note.
inline constexpr std::size_t most_baby_name_bytes = 40;

// "Ada, Ben" (commas; or "none"): the names in order, trimmed. Usage error
// naming what is wrong: an empty name, a duplicate (names compare as
// same_baby does), a name longer than most_baby_name_bytes, one with a control
// character or a double quote, or names separated by ';' instead of commas.
std::vector<std::string> parse_babies(std::string_view text);
// "Ada, Ben", or "none".
std::string format_babies(const std::vector<std::string>& babies);

// Whether two names are the same baby's: spaces around them, case and how
// accents are encoded ignored (" Ben " in a hand-edited journal is Ben, ben
// too; Zoë with U+00EB is Zoë with e + U+0308): name_key's comparison.
bool same_baby(std::string_view a, std::string_view b);

// A name without the spaces around it: ASCII ones and Unicode space characters (the no-break space U+00A0
// pasted from a phone note, U+2000 to U+200A, U+202F, U+205F, U+3000, ...), so "Ada" + U+00A0 is Ada.
std::string_view trim_name(std::string_view name);

// A feed's baby as its line names it, trimmed (trim_name): "" for none (or only spaces).
inline std::string_view baby_of(const Entry& e) { return trim_name(e.baby); }

// The babies a command may name (SPEC 12): config `babies`, and the names
// only the journal's feeds carry (a baby named on feeds, then left out of
// config, is still one of them).
struct KnownBabies {
    std::vector<std::string> configured;
    std::vector<std::string> journal;  // named by feeds, not configured: as first written, trimmed

    std::size_t size() const { return configured.size() + journal.size(); }
    std::vector<std::string> all() const;  // configured first
};

// The baby a command names (`--baby NAME`), checked against the known
// names: the configured spelling of it, else the journal's. With no name
// given: "" when at most one baby is known (nothing changes for one baby),
// else a usage error asking which. A name not known is a usage error listing
// the known ones, configured and named in the journal (or saying how to name
// them).
std::string resolve_known_baby(const KnownBabies& known, std::string_view given);
// The same against configured names alone.
std::string resolve_baby(const std::vector<std::string>& babies, std::string_view given);

// Whether an entry is a feed of `baby` ("" matches every feed); other entries
// are nobody's.
bool is_feed_of(const Entry& e, std::string_view baby);
// The same, a feed naming no baby counting as `baby`'s when `unnamed_too` (unnamed_feeds_are).
inline bool is_feed_of(const Entry& e, std::string_view baby, bool unnamed_too) {
    return is_feed_of(e, baby) || (unnamed_too && e.type == EntryType::feed && baby_of(e).empty());
}

// Whether the feeds naming no baby are `baby`'s (pumplog(5), `feed`): config
// `babies` names fewer than two, and the journal's feeds (`named`: babies_named_in)
// name no other baby. With two or more configured they are no one baby's.
bool unnamed_feeds_are(std::string_view baby, const std::vector<std::string>& configured,
                       const std::vector<std::string>& named);

// The babies a journal's feeds name, in the order first seen, one spelling
// each, trimmed ("" for feeds without a name is left out).
std::vector<std::string> babies_in(const std::vector<Entry>& entries);

// The babies the feeds in effect in `journal` name (trimmed, one spelling
// each: the first written), in the order of their first feed; with `since`,
// the feeds from then on only (the journal's tail is read, not its years).
// Holds a name per baby, not the feeds.
std::vector<std::string> babies_named_in(const Journal& journal, bool strict, std::optional<Seconds> since = {},
                                         ReadStats* stats = nullptr);

// `names` with the babies of `more` not among them added (after them, in order).
std::vector<std::string> with_babies(std::vector<std::string> names, const std::vector<std::string>& more);

}  // namespace pumplog
