// Fuzz the amount parsers (parse_amount, parse_session_amount): never a crash,
// a refusal is a one-line usage error, and what is accepted is a finite volume
// whose sides add up to the total.
#include <cmath>

#include "fuzz_common.hpp"
#include "pumplog/units.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    for (const Unit unit : {Unit::ml, Unit::oz}) {
        try {
            const Volume v = parse_amount(text, unit);
            FUZZ_REQUIRE(std::isfinite(v.ml()));
            (void)format_volume(v, unit);
            (void)output_value(v, unit);
            (void)round_ml(v.ml());
            try {
                check_plausible_session(v, false);
            } catch (const Error& e) {
                fuzz::expect_usage_error(e);
            }
        } catch (const Error& e) {
            fuzz::expect_usage_error(e);
        }
        try {
            const SideAmounts s = parse_session_amount(text, unit);
            FUZZ_REQUIRE(std::isfinite(s.total.ml()));
            if (s.left || s.right) {
                const double sum = s.left.value_or(Volume{}).ml() + s.right.value_or(Volume{}).ml();
                FUZZ_REQUIRE(std::fabs(sum - s.total.ml()) <= 1e-6 * std::max(1.0, std::fabs(sum)));
            }
            (void)format_volume(s.total, unit);
        } catch (const Error& e) {
            fuzz::expect_usage_error(e);
        }
    }
    return 0;
}
