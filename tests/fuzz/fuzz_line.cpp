// Fuzz the journal line parser (LineParser, as the streaming reader uses it,
// and parse_entry_line): never a crash, never a read past the padding, the
// same verdict from a reused parser as from a fresh one, and an accepted line
// has the fields every entry must have.
#include <string>
#include <vector>

#include "core/line_parser.hpp"
#include "fuzz_common.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/journal.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    // Exactly the padding the reader promises, so ASan sees any read beyond it.
    std::vector<char> buffer(size + line_padding, ' ');
    std::copy(text.begin(), text.end(), buffer.begin());

    static LineParser reused;  // the reader reuses one parser for every line
    Entry first, second;
    std::string error_first, error_second;
    const bool ok = reused.parse(buffer.data(), size, buffer.size(), first, error_first);
    const bool again = parse_entry_line(text, second, error_second);
    FUZZ_REQUIRE(ok == again);
    if (!ok) {
        FUZZ_REQUIRE(!error_first.empty() && error_first == error_second);
        return 0;
    }
    FUZZ_REQUIRE(!first.id.empty() && !first.type_text.empty());
    FUZZ_REQUIRE(first.id == second.id && first.type == second.type && first.target == second.target);
    FUZZ_REQUIRE(first.raw == text);
    FUZZ_REQUIRE(parse_rfc3339(first.at_text).has_value());
    (void)line_key(first);
    return 0;
}
