// Differential fuzzing of the reader's fast path (parse_canonical_line)
// against simdjson's path: on any input, when the fast path accepts a line,
// simdjson must accept it too and give the very same Entry (every field, the
// raw text, the numbers to the bit of their sign). The fast path may decline
// anything; it may never be wrong.
#include <cmath>
#include <string>
#include <vector>

#include "core/line_parser.hpp"
#include "fuzz_common.hpp"
#include "pumplog/entry.hpp"

using namespace pumplog;

namespace {

bool same_sign(const std::optional<double>& a, const std::optional<double>& b) {
    return !a || !b || std::signbit(*a) == std::signbit(*b);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    if (text.find('\n') != std::string_view::npos) return 0;  // the reader cuts lines at newlines
    // Exactly the padding the reader promises, so ASan sees any read beyond it.
    std::vector<char> buffer(size + line_padding, ' ');
    std::copy(text.begin(), text.end(), buffer.begin());

    static LineParser parser;
    static CanonicalMemo memo;  // kept across inputs, as the reader keeps it across lines
    Entry fast, slow;
    std::string error;
    if (!parse_canonical_line(buffer.data(), size, fast, memo)) return 0;
    FUZZ_REQUIRE(parser.parse_with_simdjson(buffer.data(), size, buffer.size(), slow, error));
    FUZZ_REQUIRE(fast == slow);
    FUZZ_REQUIRE(same_sign(fast.ml, slow.ml) && same_sign(fast.left_ml, slow.left_ml) &&
                 same_sign(fast.right_ml, slow.right_ml));
    return 0;
}
