// Fuzz the duration parser: never a crash (no overflow), a refusal is a
// one-line usage error, an accepted duration formats.
#include "fuzz_common.hpp"
#include "pumplog/units.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    try {
        const std::chrono::seconds d = parse_duration(fuzz::text_of(data, size));
        (void)format_duration(d);
    } catch (const Error& e) {
        fuzz::expect_usage_error(e);
    }
    return 0;
}
