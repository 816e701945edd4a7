// ZoneMemo (src/core/zone_memo.hpp): the planner's remembered zone look-ups
// give exactly what time.hpp's look-ups give, around every clock change.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "core/zone_memo.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/time.hpp"

namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::instant;
using testing::zone;

TEST_CASE("remembered zone look-ups equal date's, across clock changes, in any order of questions") {
    // A zone with a 30-minute change, one in each hemisphere, one without changes.
    for (const std::string name : {"Europe/Berlin", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kolkata"}) {
        INFO(name);
        const date::time_zone* z = zone(name);
        ZoneMemo memo(z);
        // Every 7 minutes over two years, forwards; then jumping back and forth.
        const Seconds first = instant("2025-01-01T00:00:00Z"), last = instant("2027-01-01T00:00:00Z");
        std::vector<Seconds> times;
        for (Seconds t = first; t < last; t += std::chrono::minutes(7)) times.push_back(t);
        const std::size_t forwards = times.size();
        for (std::size_t i = 0; i < 4000; ++i) times.push_back(times[(i * 7919) % forwards]);
        std::size_t differences = 0;
        for (const Seconds t : times) {
            if (memo.to_local(t) != to_local(t, z)) ++differences;
            if (memo.minute_of_day(t) != minute_of_day(t, z)) ++differences;
            if (memo.local_day(t) != local_day(t, z)) ++differences;
            // Wall-clock times, those in a gap or an overlap included.
            const LocalSeconds wall(t.time_since_epoch());
            if (memo.to_instant(wall) != to_instant(wall, z)) ++differences;
        }
        CHECK(differences == 0);
    }
}

}  // namespace PUMPLOG_UNITY_ID
