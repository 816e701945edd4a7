#pragma once
// Several babies in one journal (SPEC 12): the names config knows, and which
// baby a feed belongs to. Pumping is the parent's; feeds are each baby's.
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"

namespace pumplog {

// The longest name kept (in bytes): a first name, not a note.
inline constexpr std::size_t most_baby_name_bytes = 40;

// "Ada, Ben" (commas; or "none"): the names in order, trimmed. Usage error
// for an empty or duplicate name (names compare without case), a name
// longer than most_baby_name_bytes, or one with a control character.
std::vector<std::string> parse_babies(std::string_view text);
// "Ada, Ben", or "none".
std::string format_babies(const std::vector<std::string>& babies);

// Whether two names are the same baby's (ASCII case ignored).
bool same_baby(std::string_view a, std::string_view b);

// The baby a command names (`--baby NAME`), checked against the configured
// names: the configured spelling of it. With no name given: "" when at most
// one baby is configured (nothing changes for one baby), else a usage error
// asking which. A name not configured is a usage error listing the known
// ones (or saying how to name them).
std::string resolve_baby(const std::vector<std::string>& babies, std::string_view given);

// Whether an entry is a feed of `baby` ("" matches every feed); other entries
// are nobody's.
bool is_feed_of(const Entry& e, std::string_view baby);

// The babies a journal's feeds name, in the order first seen, one spelling
// each ("" for feeds without a name is left out).
std::vector<std::string> babies_in(const std::vector<Entry>& entries);

}  // namespace pumplog
