#include "pumplog/journal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "line_parser.hpp"
#include "pumplog/error.hpp"

namespace pumplog {

namespace fs = std::filesystem;

fs::path default_journal_path(const std::string& explicit_path) {
    if (!explicit_path.empty()) return explicit_path;
    if (const char* env = std::getenv("PUMPLOG_JOURNAL"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && xdg[0] == '/')
        return fs::path(xdg) / "pumplog" / "journal.jsonl";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "pumplog" / "journal.jsonl";
}

Seconds line_key(const Entry& entry) {
    Seconds key = entry.at.instant;
    if (const auto created = ulid_time(entry.id)) key = std::max(key, date::floor<std::chrono::seconds>(*created));
    return key;
}

namespace {

std::string why() { return std::strerror(errno); }

class FileDescriptor {
public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }

private:
    int fd_;
};

// Counts newlines in [0, end) to turn byte offsets into line numbers.
void number_lines(int fd, std::vector<BadLine>& bad) {
    if (bad.empty()) return;
    std::vector<std::size_t> order(bad.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return bad[a].offset < bad[b].offset; });
    std::vector<char> buffer(1 << 16);
    std::uint64_t pos = 0, newlines = 0;
    for (std::size_t i : order) {
        while (pos < bad[i].offset) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), bad[i].offset - pos));
            const ssize_t got = ::pread(fd, buffer.data(), want, static_cast<off_t>(pos));
            if (got <= 0) break;
            for (ssize_t k = 0; k < got; ++k) newlines += buffer[static_cast<std::size_t>(k)] == '\n';
            pos += static_cast<std::uint64_t>(got);
        }
        bad[i].line = newlines + 1;
    }
}

bool blank(const char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return false;
    return true;
}

}  // namespace

ReadStats Journal::read_backward(const LineVisitor& visit, bool strict) const {
    ReadStats stats;
    FileDescriptor fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return stats;  // a missing journal reads as empty
        throw journal_error(fmt::format("cannot read journal {}: {}", path_.string(), why()));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || S_ISDIR(st.st_mode))
        throw journal_error(fmt::format("cannot read journal {}: {}", path_.string(),
                                        S_ISDIR(st.st_mode) ? "it is a folder" : why()));
    const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
    constexpr std::size_t chunk = 1 << 18;

    LineParser parser;
    Entry entry;
    std::string error;
    std::vector<char> buffer;
    std::string carry;  // the head of the later chunk: the end of a line that starts earlier
    // The final newline is not part of any line; without it the last line is partial.
    bool ends_with_newline = true;
    if (size > 0) {
        char last = '\n';
        if (::pread(fd.get(), &last, 1, static_cast<off_t>(size - 1)) != 1)
            throw journal_error(fmt::format("cannot read journal {}: {}", path_.string(), why()));
        ends_with_newline = last == '\n';
        stats.bytes_read += 1;
    }
    std::uint64_t end = ends_with_newline && size > 0 ? size - 1 : size;
    bool last_line = true;  // the next line met is the file's last
    bool stop = false;

    const auto fail_strict = [&](BadLine bad) {
        std::vector<BadLine> one{std::move(bad)};
        number_lines(fd.get(), one);
        throw journal_error(fmt::format("{}:{}: {} (--strict refuses a damaged journal; see pumplog log check)",
                                        path_.string(), one[0].line, one[0].reason));
    };

    while (end > 0 && !stop) {
        const std::uint64_t start = end > chunk ? end - chunk : 0;
        const std::size_t n = static_cast<std::size_t>(end - start);
        buffer.resize(n + carry.size() + line_padding);
        std::size_t got = 0;
        while (got < n) {
            const ssize_t r = ::pread(fd.get(), buffer.data() + got, n - got, static_cast<off_t>(start + got));
            if (r < 0) {
                if (errno == EINTR) continue;
                throw journal_error(fmt::format("cannot read journal {}: {}", path_.string(), why()));
            }
            if (r == 0) break;
            got += static_cast<std::size_t>(r);
        }
        if (got < n) throw journal_error(fmt::format("journal {} shrank while being read", path_.string()));
        stats.bytes_read += n;
        std::memcpy(buffer.data() + n, carry.data(), carry.size());
        const std::size_t total = n + carry.size();
        std::memset(buffer.data() + total, ' ', line_padding);
        const char* base = buffer.data();

        // Lines lie in [first, total); [0, first) is the end of a line that starts earlier.
        std::size_t first = 0;
        if (start > 0) {
            const void* nl = std::memchr(base, '\n', total);
            if (nl == nullptr) {  // one long line spans the whole chunk
                carry.assign(base, total);
                end = start;
                continue;
            }
            first = static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1;
        }
        std::size_t line_end = total;  // exclusive
        while (!stop) {
            // find the start of the line that ends at line_end
            std::size_t line_start = first;
            if (line_end > first) {
                const void* nl = memrchr(base + first, '\n', line_end - first);
                if (nl) line_start = static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1;
            }
            std::size_t len = line_end - line_start;
            const bool is_last = last_line;
            last_line = false;
            if (len > 0 && base[line_start + len - 1] == '\r') --len;
            if (!blank(base + line_start, len)) {
                ++stats.lines;
                const std::uint64_t offset = start + line_start;
                if (parser.parse(base + line_start, len, total + line_padding - line_start, entry, error)) {
                    entry.offset = offset;
                    if (!visit(entry)) {
                        stop = true;
                        stats.stopped_early = true;
                    }
                } else {
                    BadLine bad{0, offset, error, is_last && !ends_with_newline};
                    if (bad.partial_last) bad.reason = "an incomplete last line (" + error + ")";
                    if (strict) fail_strict(std::move(bad));
                    stats.bad.push_back(std::move(bad));
                }
            }
            if (line_start == first) break;
            line_end = line_start - 1;
        }
        carry.assign(base, first > 0 ? first - 1 : 0);
        end = start;
    }
    number_lines(fd.get(), stats.bad);
    std::sort(stats.bad.begin(), stats.bad.end(), [](const BadLine& a, const BadLine& b) { return a.line < b.line; });
    return stats;
}

namespace {

void make_parent(const fs::path& path) {
    const fs::path parent = path.parent_path();
    if (parent.empty()) return;
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw journal_error(fmt::format("cannot create folder {}: {}", parent.string(), ec.message()));
}

// Opens the journal and takes the exclusive lock, making sure the locked file
// is still the one at `path` (a rewrite may have renamed a new file over it).
int open_locked(const fs::path& path, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        FileDescriptor fd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
        if (fd.get() < 0) throw journal_error(fmt::format("cannot write journal {}: {}", path.string(), why()));
        while (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR)
                throw journal_error(fmt::format("cannot lock journal {}: {}", path.string(), why()));
            if (std::chrono::steady_clock::now() > deadline)
                throw journal_error(fmt::format("journal {} is locked by another pumplog for too long; try again",
                                                path.string()));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        struct stat locked {}, current {};
        if (::fstat(fd.get(), &locked) == 0 && ::stat(path.c_str(), &current) == 0 && locked.st_ino == current.st_ino &&
            locked.st_dev == current.st_dev)
            return fd.release();
        // replaced while we waited: lock the new file instead
    }
}

void write_all(int fd, const std::string& data, const fs::path& path) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t w = ::write(fd, data.data() + done, data.size() - done);
        if (w < 0) {
            if (errno == EINTR) continue;
            throw journal_error(fmt::format("cannot write journal {}: {}", path.string(), why()));
        }
        done += static_cast<std::size_t>(w);
    }
}

std::chrono::milliseconds lock_timeout() {
    if (const char* env = std::getenv("PUMPLOG_LOCK_TIMEOUT_MS"); env && *env)
        return std::chrono::milliseconds(std::atoll(env));
    return std::chrono::milliseconds(10000);
}

// The lock held by with_lock in this thread, so append and rewrite inside it
// do not wait for themselves. It is for one file: an append to another file
// inside it (repair appends to JOURNAL.rejected) takes that file's own lock.
thread_local int held_lock_fd = -1;
thread_local const fs::path* held_lock_path = nullptr;

int held_lock_for(const fs::path& path) {
    return held_lock_fd >= 0 && held_lock_path != nullptr && *held_lock_path == path ? held_lock_fd : -1;
}

}  // namespace

void Journal::with_lock(const std::function<void()>& body) const {
    if (held_lock_for(path_) >= 0) {
        body();
        return;
    }
    make_parent(path_);
    FileDescriptor fd(open_locked(path_, lock_timeout()));
    struct Held {  // restores the lock of an enclosing with_lock on another file
        int fd;
        const fs::path* path;
        ~Held() {
            held_lock_fd = fd;
            held_lock_path = path;
        }
    } previous{held_lock_fd, held_lock_path};
    held_lock_fd = fd.get();
    held_lock_path = &path_;
    body();
}

void Journal::append(const std::vector<std::string>& lines) const {
    if (lines.empty()) return;
    std::string data;
    for (const auto& line : lines) {
        if (line.find('\n') != std::string::npos) throw journal_error("internal: a journal line holds a newline");
        data += line;
        data += '\n';
    }
    const auto do_append = [&](int fd) {
        struct stat st {};
        if (::fstat(fd, &st) != 0) throw journal_error(fmt::format("cannot write journal {}: {}", path_.string(), why()));
        if (st.st_size > 0) {
            char last = '\n';
            if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') data.insert(data.begin(), '\n');
        }
        write_all(fd, data, path_);
        if (::fdatasync(fd) != 0) throw journal_error(fmt::format("cannot sync journal {}: {}", path_.string(), why()));
    };
    if (const int held = held_lock_for(path_); held >= 0) {
        do_append(held);
        return;
    }
    make_parent(path_);
    FileDescriptor fd(open_locked(path_, lock_timeout()));
    do_append(fd.get());
}

void Journal::rewrite(const std::string& content) const {
    with_lock([&] {
        const fs::path tmp = path_.string() + ".tmp";
        const fs::path bak = path_.string() + ".bak";
        {
            FileDescriptor out(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
            if (out.get() < 0) throw journal_error(fmt::format("cannot write {}: {}", tmp.string(), why()));
            // The journal is private to its owner: the new file keeps the old one's permissions.
            struct stat st {};
            if (::stat(path_.c_str(), &st) == 0) ::fchmod(out.get(), st.st_mode & 07777);
            write_all(out.get(), content, tmp);
            if (::fsync(out.get()) != 0) throw journal_error(fmt::format("cannot sync {}: {}", tmp.string(), why()));
        }
        // Keep the previous file as JOURNAL.bak: a hard link where the filesystem has them.
        std::error_code ec;
        fs::remove(bak, ec);
        if (fs::exists(path_) && ::link(path_.c_str(), bak.c_str()) != 0) {
            fs::copy_file(path_, bak, fs::copy_options::overwrite_existing, ec);
            if (ec) throw journal_error(fmt::format("cannot keep a backup {}: {}", bak.string(), ec.message()));
        }
        if (::rename(tmp.c_str(), path_.c_str()) != 0)
            throw journal_error(fmt::format("cannot replace journal {}: {}", path_.string(), why()));
        const fs::path dir = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
        FileDescriptor dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dfd.get() >= 0) ::fsync(dfd.get());
    });
}

}  // namespace pumplog
