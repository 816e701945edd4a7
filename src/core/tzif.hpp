#pragma once
// A TZif file (RFC 8536, the files under /usr/share/zoneinfo): its transitions
// and local time types, read as date 3.0.1's own OS-tzdb loader reads them.
#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pumplog::tzif {

// Every TZif file starts with these four bytes.
inline constexpr std::string_view magic = "TZif";

// A local time type: "CEST", +02:00, daylight saving.
struct LocalTimeType {
    std::chrono::seconds offset{0};
    std::string abbrev;
    bool is_dst = false;
};

// From `at` on, the local time type `type` (an index into Data::types) applies.
struct Transition {
    date::sys_seconds at;
    std::size_t type = 0;
};

struct Data {
    std::vector<Transition> transitions;  // as written: ascending
    std::vector<LocalTimeType> types;     // never empty
};

// The data block date reads: the 64-bit one of a version 2+ file, the 32-bit
// one of a version 1 file. The POSIX TZ footer is ignored, as date ignores it.
// nullopt when the bytes are not a TZif file, are cut short, point outside
// their own tables, list transitions out of order, or carry leap-second
// records (a "right/" zone, which date could only read with the whole tzdb
// loaded).
std::optional<Data> parse(std::string_view bytes);

}  // namespace pumplog::tzif
