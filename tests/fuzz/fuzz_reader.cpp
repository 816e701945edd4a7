// Fuzz the streaming journal reader (Journal::read_backward) against a naive
// forward reading: the same good entries in reverse order, the same bad lines
// with the same numbers, the partial last line flagged, never a crash.
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

#include "fuzz_common.hpp"
#include "pumplog/journal.hpp"

using namespace pumplog;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    static const int fd = ::memfd_create("journal", 0);
    if (fd < 0) return 0;
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
        return 0;

    // The naive reading: split on '\n', drop one '\r', skip blank lines.
    std::vector<std::string> good;
    std::vector<std::uint64_t> bad;
    std::uint64_t number = 0;
    bool last_bad_partial = false;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const bool last = nl == std::string_view::npos;
        std::string_view line = text.substr(start, last ? std::string_view::npos : nl - start);
        start = last ? text.size() : nl + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        Entry entry;
        std::string error;
        if (parse_entry_line(line, entry, error)) {
            good.push_back(entry.id);
        } else {
            bad.push_back(number);
            last_bad_partial = last;
        }
    }

    const Journal journal("/proc/self/fd/" + std::to_string(fd));
    std::vector<std::string> read;
    const ReadStats stats = journal.read_backward([&](const Entry& e) {
        read.push_back(e.id);
        return true;
    });
    FUZZ_REQUIRE(read.size() == good.size());
    for (std::size_t i = 0; i < read.size(); ++i) FUZZ_REQUIRE(read[i] == good[good.size() - 1 - i]);
    FUZZ_REQUIRE(stats.bad.size() == bad.size());
    for (std::size_t i = 0; i < bad.size(); ++i) {
        FUZZ_REQUIRE(stats.bad[i].line == bad[i]);
        FUZZ_REQUIRE(stats.bad[i].partial_last == (last_bad_partial && i + 1 == bad.size() && !text.ends_with('\n')));
    }
    return 0;
}
