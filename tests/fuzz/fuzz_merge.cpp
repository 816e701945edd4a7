// Fuzz the merge (merge_sources) on two journals cut from the input: never a
// crash; merging twice adds nothing; the result holds only valid lines; and
// without conflicts or repeated ids, A into B and B into A hold the same lines.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_common.hpp"
#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/merge.hpp"

using namespace pumplog;

namespace {

MergeSource source_of(std::string_view text, const char* name) {
    MergeSource source{name, {}};
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        source.lines.push_back({source.lines.size() + 1, std::string(text.substr(start, end - start))});
        start = end + 1;
    }
    return source;
}

// The valid lines only (a journal that merge accepts), and whether an id repeats.
MergeSource valid_only(const MergeSource& source, bool& repeats) {
    LineValidator validator;
    MergeSource out{source.name, {}};
    std::set<std::string> ids;
    for (const auto& line : source.lines) {
        const LineVerdict verdict = validator.check(line.text);
        if (verdict.blank || !verdict.ok()) continue;
        repeats = repeats || !ids.insert(verdict.id).second;
        out.lines.push_back({out.lines.size() + 1, line.text});
    }
    return out;
}

// The entries of a merged journal, as JSON values: a copy written with other
// spacing is the same entry (merge keeps whichever the journal had).
std::multiset<nlohmann::json> entries_of(const std::string& content) {
    std::multiset<nlohmann::json> out;
    std::size_t start = 0;
    while (start < content.size()) {
        const std::size_t nl = content.find('\n', start);
        out.insert(nlohmann::json::parse(content.substr(start, nl - start)));
        start = nl + 1;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    // The first byte splits the rest into journal A and journal B.
    if (text.empty()) return 0;
    const std::size_t cut = std::min<std::size_t>(static_cast<unsigned char>(text[0]) * 8, text.size() - 1);
    const MergeSource raw_a = source_of(text.substr(1, cut), "a");
    const MergeSource raw_b = source_of(text.substr(1 + cut), "b");

    bool repeats = false;
    const MergeSource a = valid_only(raw_a, repeats);
    const MergeSource b = valid_only(raw_b, repeats);

    // Merging damaged input skips the damage; the journal must be valid.
    const MergeResult ab = merge_sources(a, {raw_b}, false);
    try {
        merge_sources(raw_a, {b}, false);
    } catch (const Error& e) {
        FUZZ_REQUIRE(e.kind() == ErrorKind::journal);
    }

    // Every line of the result is valid; merging again adds nothing and changes nothing.
    const MergeSource merged = source_of(ab.content, "ab");
    LineValidator validator;
    for (const auto& line : merged.lines) FUZZ_REQUIRE(validator.check(line.text).ok());
    const MergeResult again = merge_sources(merged, {raw_b}, false);
    FUZZ_REQUIRE(again.added == 0);
    FUZZ_REQUIRE(again.content == ab.content);

    // Commutative in the set of entries when nothing conflicts.
    const MergeResult ba = merge_sources(b, {a}, false);
    const MergeResult ab_valid = merge_sources(a, {b}, false);
    if (!repeats && ab_valid.conflicts.empty() && ba.conflicts.empty())
        FUZZ_REQUIRE(entries_of(ab_valid.content) == entries_of(ba.content));
    return 0;
}
