// Fuzz the time expressions (parse_time_span, parse_time_point) and RFC 3339
// (parse_rfc3339): never a crash, a refusal is a one-line usage error, a span
// is not empty, and an accepted RFC 3339 time formats back to the same instant.
#include "fuzz_common.hpp"
#include "pumplog/time.hpp"

using namespace pumplog;

namespace {
const Clock& clock_in_berlin() {
    static const Clock clock{date::sys_days(date::year{2026} / 11 / 21) + std::chrono::hours(13) +
                                 std::chrono::minutes(5),
                             locate_zone("Europe/Berlin")};
    return clock;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const Clock& clock = clock_in_berlin();
    try {
        const TimeSpan span = parse_time_span(text, clock);
        FUZZ_REQUIRE(span.begin < span.end);
        (void)format_date_time(span.begin, clock.zone);
        FUZZ_REQUIRE(parse_time_point(text, clock) == span.begin);
    } catch (const Error& e) {
        fuzz::expect_usage_error(e);
    }
    if (const auto stamp = parse_rfc3339(text)) {
        const std::string again = format_rfc3339(stamp->instant, stamp->offset);
        const auto reparsed = parse_rfc3339(again);
        FUZZ_REQUIRE(reparsed && reparsed->instant == date::floor<std::chrono::seconds>(stamp->instant) &&
                      reparsed->offset == stamp->offset);
    }
    return 0;
}
