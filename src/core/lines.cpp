#include "pumplog/lines.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "file_descriptor.hpp"
#include "line_parser.hpp"
#include "pumplog/error.hpp"

namespace pumplog {

bool read_raw_lines(const std::filesystem::path& path, const std::function<void(const RawLine&)>& visit, bool journal,
                    const AfterAppends& after_appends) {
    const int fd = journal ? open_regular(path, O_RDONLY) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return false;
        throw journal_error(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw journal_error(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) throw journal_error(fmt::format("cannot read {}: it is a folder, not a file", path.string()));
    // A device (/dev/zero, /dev/urandom, a terminal) never ends as a file
    // does; a pipe does, and may stand for one (<(ssh phone cat journal.jsonl)).
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        throw journal_error(fmt::format("cannot read {}: it is a device, not a file", path.string()));

    std::vector<char> buffer(1 << 18);
    std::string pending;  // the start of a line that continues in the next read
    constexpr std::size_t held_line_bytes = max_line_bytes + 1;  // enough to be judged too long
    const auto room = [&] { return held_line_bytes - std::min(pending.size(), held_line_bytes); };
    std::uint64_t number = 0;
    bool first_read = true;
    const auto read_to_end = [&] {
        for (;;) {
            const ssize_t got = ::read(fd, buffer.data(), buffer.size());
            if (got < 0) {
                if (errno == EINTR) continue;
                throw journal_error(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
            }
            if (got == 0) return;
            const char* p = buffer.data();
            const char* end = p + got;
            if (first_read) p += byte_order_mark(p, static_cast<std::size_t>(got));  // line 1 may start with one
            first_read = false;
            while (p < end) {
                const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
                if (nl == nullptr) {
                    // A line is bad past 1 MiB (SPEC 8) whatever follows: its
                    // first 1 MiB and a byte say so, and the rest is never
                    // held, so a newline-less stream (/dev/zero) cannot fill memory.
                    pending.append(p, std::min(room(), static_cast<std::size_t>(end - p)));
                    break;
                }
                if (pending.empty()) {
                    visit(RawLine{++number, std::string_view(p, static_cast<std::size_t>(nl - p)), false});
                } else {
                    pending.append(p, std::min(room(), static_cast<std::size_t>(nl - p)));
                    visit(RawLine{++number, pending, false});
                    pending.clear();
                }
                p = nl + 1;
            }
        }
    };
    read_to_end();
    // The last line without its newline: damage, or an append still being
    // written. Its rest is read once no append is in progress.
    if (!pending.empty() && journal) after_appends(fd, read_to_end);
    if (!pending.empty()) visit(RawLine{++number, pending, true});
    return true;
}

bool for_each_raw_line(const std::filesystem::path& path, const std::function<void(const RawLine&)>& visit) {
    return read_raw_lines(path, visit, false, {});
}

}  // namespace pumplog
