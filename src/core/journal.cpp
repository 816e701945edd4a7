#include "pumplog/journal.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "file_descriptor.hpp"
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


}  // namespace

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
        int raw = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (raw < 0 && errno == ENOENT) {  // a refused command removed the folder it had created
            make_parent(path);
            raw = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        }
        FileDescriptor fd(raw);
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
    // The command line refuses a bad value first (cli/context.cpp); here it only must not overflow.
    if (const char* env = std::getenv("PUMPLOG_LOCK_TIMEOUT_MS"); env && *env) {
        long long ms = 0;
        const auto [end, ec] = std::from_chars(env, env + std::strlen(env), ms);
        if (ec == std::errc() && *end == '\0' && ms >= 0 && ms <= 86'400'000) return std::chrono::milliseconds(ms);
    }
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
    // The lock needs the file. What this call creates for it (the file, missing
    // folders) it removes again when nothing was written: a refused command
    // leaves no trace (SPEC 2), even on a journal that did not exist yet.
    std::vector<fs::path> created;
    std::error_code ec;
    for (fs::path p = path_; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        created.push_back(p);
        if (p == p.parent_path()) break;
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
    const auto remove_created = [&] {
        if (created.empty()) return;
        struct stat locked {}, current {};
        if (::fstat(fd.get(), &locked) != 0 || locked.st_size != 0 || ::stat(path_.c_str(), &current) != 0 ||
            locked.st_ino != current.st_ino || locked.st_dev != current.st_dev)
            return;  // written to, or replaced by a rewrite: keep it
        std::error_code ignored;
        for (const auto& p : created)
            if (!fs::remove(p, ignored)) break;  // a folder another process has filled stays
    };
    try {
        body();
    } catch (...) {
        remove_created();
        throw;
    }
    remove_created();
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
