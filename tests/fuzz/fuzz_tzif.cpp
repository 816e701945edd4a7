// Fuzz the TZif reader (tzif::parse, which reads the zone files under
// /usr/share/zoneinfo and whatever /etc/localtime points at): never a crash,
// and what it accepts is safe to hand to date: at least one local time type,
// every transition pointing at one, transitions strictly ascending.
#include "core/tzif.hpp"
#include "fuzz_common.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto zone = tzif::parse(fuzz::text_of(data, size));
    if (!zone) return 0;
    FUZZ_REQUIRE(!zone->types.empty());
    for (std::size_t i = 0; i < zone->transitions.size(); ++i) {
        FUZZ_REQUIRE(zone->transitions[i].type < zone->types.size());
        FUZZ_REQUIRE(i == 0 || zone->transitions[i - 1].at < zone->transitions[i].at);
    }
    for (const auto& type : zone->types) FUZZ_REQUIRE(type.abbrev.find('\0') == std::string::npos);
    return 0;
}
