#pragma once
// What `log undo` and `log rm` take back, from one replay of the journal
// instead of one for each question (history.hpp's newest_in_effect,
// entry_in_effect and command_of give the same answers, each from a read of
// its own). The replay reads the whole file (a void may stand anywhere before
// its target), so the short refs are gathered from the same read
// (RefsCollector): one read in all where there were three or four.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pumplog/history.hpp"
#include "pumplog/id_hash.hpp"
#include "pumplog/record.hpp"

namespace pumplog {

// `log undo`'s: newest_in_effect's answer (its stats the read's) and the
// command it was written with (command_of's; a correction without a group
// alone); no command when there is no entry in effect.
struct NewestCommand {
    InEffect newest;
    std::vector<Entry> command;
};
// `refs` is given every line's id (for the refs once the voids are written).
NewestCommand newest_command(const Journal& journal, bool strict, RefsCollector& refs);

// `log rm`'s: for every id a ref `refs` wants may name, entry_in_effect's
// answer, and the stores and uses without a group whose `from` such an id is
// (the rest of a command before groups). `refs` is given every line's id.
class NamedEntries {
public:
    // The entry with this id as entry_in_effect gives it, or nullptr when no
    // wanted ref may name the id (one shown alike: ask entry_in_effect).
    const InEffect* find(const std::string& id) const;
    // command_of(journal, entry) when this read knows it (an entry without a
    // group that came from no other); nothing otherwise (ask command_of).
    std::optional<std::vector<Entry>> command(const Entry& entry) const;
    ReadStats stats;  // the read's

private:
    friend NamedEntries named_entries(const Journal&, bool, RefsCollector&);
    struct Found {
        InEffect in;
        std::uint64_t order = 0;  // its place in the replay, newest written first
    };
    std::unordered_map<std::string, Found, IdHash, IdEqual> found_;
    std::vector<std::pair<std::uint64_t, Entry>> from_named_;  // in effect, in the order delivered
};
NamedEntries named_entries(const Journal& journal, bool strict, RefsCollector& refs);

}  // namespace pumplog
