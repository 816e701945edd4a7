#include "pumplog/journal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unordered_map>
#include <unistd.h>

#include <fmt/format.h>

#include "file_descriptor.hpp"
#include "pumplog/error.hpp"

namespace pumplog {

namespace fs = std::filesystem;

fs::path default_journal_path(const std::string& explicit_path, const Environment& look_up,
                              const AccountHome& account) {
    if (!explicit_path.empty()) return explicit_path;
    if (const char* env = look_up("PUMPLOG_JOURNAL"); env && *env) return env;
    if (const char* xdg = look_up("XDG_DATA_HOME"); xdg && *xdg && xdg[0] == '/')
        return fs::path(xdg) / "pumplog" / "journal.jsonl";
    return home_folder(look_up, account, "the journal", "name the journal with PUMPLOG_JOURNAL or -j") / ".local" /
           "share" / "pumplog" / "journal.jsonl";
}

Seconds line_key(const Entry& entry) {
    Seconds key = entry.at.instant;
    if (const auto created = ulid_time(entry.id)) key = std::max(key, date::floor<std::chrono::seconds>(*created));
    return key;
}

std::vector<Placement> place_lines(const std::vector<LineToPlace>& lines) {
    std::vector<Placement> placed(lines.size());
    std::unordered_map<std::string_view, std::size_t> first;  // id -> its first line
    first.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        first.emplace(lines[i].id, i);
        placed[i].key = lines[i].key;
    }
    enum class State : std::uint8_t { open, visiting, done };
    std::vector<State> state(lines.size(), State::open);
    std::vector<std::size_t> chain;  // a line, its target, the target's target... (no recursion: chains may be long)
    for (std::size_t start = 0; start < lines.size(); ++start) {
        for (std::size_t i = start; state[i] == State::open;) {
            state[i] = State::visiting;
            chain.push_back(i);
            if (lines[i].target.empty()) break;
            const auto it = first.find(lines[i].target);
            if (it == first.end() || it->second == i) break;
            i = it->second;
        }
        // Settled from the far end: each line after its target (a cycle's lines keep their keys).
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const std::size_t i = *it;
            state[i] = State::done;
            if (lines[i].target.empty()) continue;
            const auto t = first.find(lines[i].target);
            if (t == first.end() || t->second == i || state[t->second] != State::done) continue;
            const Placement& target = placed[t->second];
            if (lines[i].key <= target.key) placed[i] = {target.key, target.depth + 1};
        }
        chain.clear();
    }
    return placed;
}

const char* file_kind(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a pipe or FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

namespace {

[[noreturn]] void refuse_kind(const fs::path& path, mode_t mode) {
    throw journal_error(fmt::format("journal {} is not a regular file: it is {}; give -j or PUMPLOG_JOURNAL a file",
                                    path.string(), file_kind(mode)));
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_ino == b.st_ino && a.st_dev == b.st_dev; }

}  // namespace

std::optional<fs::path> follow_symlinks(const fs::path& path) {
    fs::path file = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return file;
        std::error_code ec;
        const fs::path target = fs::read_symlink(file, ec);
        if (ec) return file;
        file = target.is_absolute() ? target : file.parent_path() / target;
    }
    return std::nullopt;
}

fs::path resolve_journal(const fs::path& path) {
    if (auto file = follow_symlinks(path)) return *file;
    throw journal_error(fmt::format("cannot use journal {}: too many levels of symbolic links", path.string()));
}

int open_regular(const fs::path& path, int flags, mode_t mode) {
    FileDescriptor fd(::open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC, mode));
    if (fd.get() < 0) {
        const int error = errno;  // EISDIR, ENXIO (a FIFO without a reader): say what it is
        struct stat st {};
        if (error != ENOENT && ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) refuse_kind(path, st.st_mode);
        errno = error;
        return -1;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        const int error = errno;
        ::close(fd.release());
        errno = error;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) refuse_kind(path, st.st_mode);
    const int status = ::fcntl(fd.get(), F_GETFL);
    if (status >= 0) ::fcntl(fd.get(), F_SETFL, status & ~O_NONBLOCK);
    return fd.release();
}

namespace {

void make_parent(const fs::path& path) {
    const fs::path parent = path.parent_path();
    if (parent.empty()) return;
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw journal_error(fmt::format("cannot create folder {}: {}", parent.string(), ec.message()));
}

// Takes the flock `operation` (LOCK_EX or LOCK_SH) on `fd`, retrying until `deadline`.
void take_lock(int fd, int operation, const fs::path& path, std::chrono::steady_clock::time_point deadline) {
    while (::flock(fd, operation | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            throw journal_error(fmt::format("cannot lock journal {}: {}", path.string(), why()));
        if (std::chrono::steady_clock::now() > deadline)
            throw journal_error(
                fmt::format("journal {} is locked by another pumplog for too long; try again", path.string()));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

// Opens the journal and takes the exclusive lock, making sure the locked file
// is still the one at `path` (a rewrite may have renamed a new file over it).
// Without `follow` (a side file): a symlink at `path` is removed, not followed,
// and the file created afresh.
int open_locked(const fs::path& path, std::chrono::milliseconds timeout, bool follow = true) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const int flags = O_RDWR | O_APPEND | O_CREAT | (follow ? 0 : O_NOFOLLOW);
    const mode_t mode = follow ? 0644 : 0600;
    for (;;) {
        int raw = open_regular(path, flags, mode);
        if (raw < 0 && errno == ENOENT) {  // a refused command removed the folder it had created
            make_parent(resolve_journal(path));
            raw = open_regular(path, flags, mode);
        }
        struct stat link {};
        if (raw < 0 && errno == ELOOP && !follow && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            if (::unlink(path.c_str()) != 0 && errno != ENOENT)
                throw journal_error(fmt::format("cannot remove the symbolic link {}: {}", path.string(), why()));
            continue;
        }
        FileDescriptor fd(raw);
        if (fd.get() < 0) throw journal_error(fmt::format("cannot write journal {}: {}", path.string(), why()));
        take_lock(fd.get(), LOCK_EX, path, deadline);
        struct stat locked {}, current {};
        if (::fstat(fd.get(), &locked) == 0 &&
            (follow ? ::stat(path.c_str(), &current) : ::lstat(path.c_str(), &current)) == 0 &&
            same_file(locked, current))
            return fd.release();
        // replaced while we waited: lock the new file instead
    }
}

void write_all(int fd, const std::string& data, const std::string& what, const WriteFunction& write) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t w = write ? write(fd, data.data() + done, data.size() - done)
                                : ::write(fd, data.data() + done, data.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            if (w == 0) errno = ENOSPC;  // write(2) wrote nothing and gave no reason
            throw journal_error(fmt::format("cannot write {}: {}", what, why()));
        }
        done += static_cast<std::size_t>(w);
    }
}

// The lines as one write: each with its newline, after one more when the file
// (`fd`, `size` bytes) does not end in one, so the first starts on a fresh line.
std::string joined(const std::vector<std::string>& lines, int fd, off_t size) {
    std::string data;
    if (size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, size - 1) == 1 && last != '\n') data += '\n';
    }
    for (const auto& line : lines) {
        data += line;
        data += '\n';
    }
    return data;
}

// Refuses, before any file is opened or created, a line that is not one line.
void require_single_lines(const std::vector<std::string>& lines) {
    for (const auto& line : lines)
        if (line.find('\n') != std::string::npos) throw journal_error("internal: a journal line holds a newline");
}

// Appends `lines` to the locked file `fd` in one write and syncs it. When the
// write or the sync fails (disk full, quota) what reached the file is cut
// back, still under the lock: the file is byte-identical to what it was.
// Returns the file's size before.
off_t append_locked(int fd, const std::vector<std::string>& lines, const fs::path& path, const WriteFunction& write) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw journal_error(fmt::format("cannot write journal {}: {}", path.string(), why()));
    const std::string data = joined(lines, fd, st.st_size);
    try {
        write_all(fd, data, "journal " + path.string(), write);
        if (::fdatasync(fd) != 0) throw journal_error(fmt::format("cannot sync journal {}: {}", path.string(), why()));
    } catch (const Error& e) {
        if (::ftruncate(fd, st.st_size) != 0)
            throw journal_error(fmt::format("{}; cutting back the partial write failed too: {}", e.what(), why()));
        ::fdatasync(fd);
        throw journal_error(fmt::format("{}; nothing was written", e.what()));
    }
    return st.st_size;
}

// Creates `name` in the folder `dir` as a new file, never opening what is
// there: a stale one (from a crash, or a symlink planted in a shared folder)
// is removed first, so its target is never written.
int create_fresh(int dir, const std::string& name, const fs::path& shown) {
    for (int attempt = 0;; ++attempt) {
        const int fd = ::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) return fd;
        if (errno != EEXIST || attempt > 0 || (::unlinkat(dir, name.c_str(), 0) != 0 && errno != ENOENT))
            throw journal_error(fmt::format("cannot write {}: {}", shown.string(), why()));
    }
}

// Gives the new file `fd` the journal's owner, group and mode (`st`), so a
// rewrite run as another user (root) does not take the journal from its owner.
void keep_owner_and_mode(int fd, const struct stat& st, const fs::path& journal) {
    struct stat mine {};
    if (::fstat(fd, &mine) != 0) throw journal_error(fmt::format("cannot rewrite journal {}: {}", journal.string(), why()));
    if ((mine.st_uid != st.st_uid || mine.st_gid != st.st_gid) && ::fchown(fd, st.st_uid, st.st_gid) != 0)
        throw journal_error(fmt::format("cannot rewrite journal {}: it belongs to user {} and group {}, and the new "
                                        "file cannot ({}); run this as its owner",
                                        journal.string(), st.st_uid, st.st_gid, why()));
    if (::fchmod(fd, st.st_mode & 07777) != 0)
        throw journal_error(fmt::format("cannot rewrite journal {}: {}", journal.string(), why()));
}

// Copies the file `from` (`size` bytes) into the new file `to`.
void copy_into(int from, off_t size, int to, const fs::path& shown, const WriteFunction& write) {
    std::string buffer(1 << 16, '\0');
    for (off_t at = 0; at < size;) {
        const ssize_t n = ::pread(from, buffer.data(), buffer.size(), at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw journal_error(fmt::format("cannot write {}: {}", shown.string(), n < 0 ? why() : "the journal shrank"));
        write_all(to, buffer.substr(0, static_cast<std::size_t>(n)), shown.string(), write);
        at += n;
    }
    if (::fsync(to) != 0) throw journal_error(fmt::format("cannot sync {}: {}", shown.string(), why()));
}

// What tells one journal file in one state from another: a rewrite makes a new file (another inode, made
// while the old one is still there), an append changes its size and time.
std::string identity(const struct stat& st) {
    return fmt::format("{} {} {} {}.{:09}", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

// The mark a move of lines to a side file (rewrite_moving) leaves beside it while it runs: the journal it
// moves them out of (identity) and the side file's size before. Only a crash leaves it behind.
struct PendingMove {
    std::string journal;
    off_t side_size = 0;
};

std::optional<PendingMove> read_pending(int dir, const std::string& name) {
    FileDescriptor fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) return std::nullopt;
    char buffer[256];
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    const std::string_view text(buffer, static_cast<std::size_t>(n));
    const auto end = text.find('\n'), last = text.rfind(' ', end);
    if (end == std::string_view::npos || last == std::string_view::npos) return std::nullopt;
    PendingMove move{std::string(text.substr(0, last)), 0};
    const std::string_view size = text.substr(last + 1, end - last - 1);
    if (size.empty() || size.size() > 18 || size.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    for (const char c : size) move.side_size = move.side_size * 10 + (c - '0');
    return move;
}

void write_pending(int dir, const std::string& name, const std::string& shown, const std::string& journal,
                   off_t side_size) {
    FileDescriptor fd(create_fresh(dir, name, shown));
    try {
        write_all(fd.get(), fmt::format("{} {}\n", journal, side_size), shown, {});
        if (::fdatasync(fd.get()) != 0 || ::fsync(dir) != 0)
            throw journal_error(fmt::format("cannot sync {}: {}", shown, why()));
    } catch (...) {
        // A mark that could not be written (a full disk makes the file, not its line) marks nothing: no
        // temporary file is left behind (SPEC 8). Nothing was moved yet: the side file is as it was.
        ::unlinkat(dir, name.c_str(), 0);
        throw;
    }
}

}  // namespace

void Journal::after_appends(int fd, const std::function<void()>& body) const {
    struct stat mine {}, held {};
    if (held_fd_ >= 0 && ::fstat(fd, &mine) == 0 && ::fstat(held_fd_, &held) == 0 && same_file(mine, held)) {
        body();  // read through a LockedJournal: it holds the exclusive lock, no append is in progress
        return;
    }
    take_lock(fd, LOCK_SH, path_, std::chrono::steady_clock::now() + lock_timeout_);
    struct Unlock {
        int fd;
        ~Unlock() { ::flock(fd, LOCK_UN); }
    } unlock{fd};
    body();
}

bool Journal::for_each_raw_line(const std::function<void(const RawLine&)>& visit) const {
    return read_raw_lines(path_, visit, true,
                          [this](int fd, const std::function<void()>& body) { after_appends(fd, body); });
}

void Journal::with_lock(const std::function<void(LockedJournal&)>& body) {
    // The lock needs the file. What this call creates for it (the file, missing
    // folders) it removes again when nothing was written: a refused command
    // leaves no trace (SPEC 2), even on a journal that did not exist yet. A
    // symlinked journal's file is its target: the link itself stays.
    // A path ending in '/', '/.' or '/..' names a folder: refused before anything is created (make_parent would
    // make the folder and the open then refuse it).
    if (const std::string& text = path_.native(); !text.empty()) {
        const std::string name = path_.filename().native();
        std::string end;
        if (text.back() == '/') end = "/";
        else if (name == "." || name == "..") end = text.size() > name.size() ? "/" + name : name;
        if (!end.empty())
            throw journal_error(fmt::format("journal {} ends in '{}', so it names a folder; give -j or "
                                            "PUMPLOG_JOURNAL a file",
                                            path_.string(), end));
    }
    const fs::path file = resolve_journal(path_);
    std::vector<fs::path> created;
    std::error_code ec;
    for (fs::path p = file; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        created.push_back(p);
        if (p == p.parent_path()) break;
    }
    make_parent(file);
    FileDescriptor fd(open_locked(path_, lock_timeout_));
    const auto remove_created = [&] {
        if (created.empty()) return;
        struct stat locked {}, current {};
        if (::fstat(fd.get(), &locked) != 0 || locked.st_size != 0 || ::stat(path_.c_str(), &current) != 0 ||
            !same_file(locked, current))
            return;  // written to, or replaced by a rewrite: keep it
        std::error_code ignored;
        for (const auto& p : created)
            if (!fs::remove(p, ignored)) break;  // a folder another process has filled stays
    };
    LockedJournal locked(*this, fd.get());
    try {
        body(locked);
    } catch (...) {
        remove_created();
        throw;
    }
    remove_created();
}

void LockedJournal::append(const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    require_single_lines(lines);
    if (append_locked(journal_.held_fd_, lines, journal_.path_, journal_.write_) == 0) note_started();
    note_recorded();
}

std::uint64_t LockedJournal::size() const {
    struct stat st {};
    if (::fstat(journal_.held_fd_, &st) != 0)
        throw journal_error(fmt::format("cannot read journal {}: {}", journal_.path_.string(), why()));
    return static_cast<std::uint64_t>(st.st_size);
}

void LockedJournal::rewrite_moving(const std::string& content, const fs::path& side,
                                   const std::vector<std::string>& lines) {
    if (lines.empty()) {
        rewrite(content);
        return;
    }
    require_single_lines(lines);
    struct stat found {};
    const bool existed = ::lstat(side.c_str(), &found) == 0 && S_ISREG(found.st_mode);  // a symlink is replaced
    FileDescriptor fd(open_locked(side, journal_.lock_timeout_, false));
    struct stat mine {}, owner {};
    if (::fstat(fd.get(), &mine) != 0 || ::fstat(journal_.held_fd_, &owner) != 0)
        throw journal_error(fmt::format("cannot write {}: {}", side.string(), why()));
    const fs::path dir_path = side.has_parent_path() ? side.parent_path() : fs::path(".");
    FileDescriptor dir(::open(dir_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) throw journal_error(fmt::format("cannot open folder {}: {}", dir_path.string(), why()));
    const std::string pending = side.filename().string() + ".pending";
    off_t start = mine.st_size;
    bool wrote = false;
    try {
        // A move that crashed before its rewrite replaced the journal (the journal is still the file it
        // moved lines out of, unchanged since) appended to the side file lines the journal still holds:
        // cut back, they are appended again below, once. Not by content: a line repeated in a later
        // journal is another occurrence, and kept.
        if (const auto earlier = read_pending(dir.get(), pending); earlier && earlier->journal == identity(owner) &&
                                                                   earlier->side_size <= mine.st_size) {
            start = earlier->side_size;
            if (::ftruncate(fd.get(), start) != 0 || ::fdatasync(fd.get()) != 0)
                throw journal_error(fmt::format("cannot write {}: {}", side.string(), why()));
        }
        if (mine.st_size == 0) keep_owner_and_mode(fd.get(), owner, journal_.path_);  // new: readable by the owner
        write_pending(dir.get(), pending, side.string() + ".pending", identity(owner), start);
        wrote = true;
        append_locked(fd.get(), lines, side, journal_.write_);
        rewrite(content);
    } catch (...) {
        // Nothing changed: the side file as it was, or gone when this made it.
        struct stat now {};
        if (!existed) {
            if (::lstat(side.c_str(), &now) == 0 && same_file(now, mine)) ::unlink(side.c_str());
        } else if (wrote && ::ftruncate(fd.get(), start) == 0) {
            ::fdatasync(fd.get());
        }
        if (wrote) ::unlinkat(dir.get(), pending.c_str(), 0);
        throw;
    }
    ::unlinkat(dir.get(), pending.c_str(), 0);
}

void LockedJournal::rewrite(const std::string& content) {
    const fs::path& path_ = journal_.path_;
    const WriteFunction& write_ = journal_.write_;
    const int locked = journal_.held_fd_;
    {
        struct stat st {}, current {};
        if (::fstat(locked, &st) != 0) throw journal_error(fmt::format("cannot rewrite journal {}: {}", path_.string(), why()));
        // At the journal's file: a symlinked journal stays a symlink.
        const fs::path file = resolve_journal(path_);
        if (::lstat(file.c_str(), &current) != 0 || !same_file(st, current))
            throw journal_error(fmt::format("journal {} was replaced while being rewritten; try again", path_.string()));
        const fs::path dir_path = file.has_parent_path() ? file.parent_path() : fs::path(".");
        const std::string name = file.filename().string(), tmp = name + ".tmp", bak = name + ".bak";
        const fs::path tmp_path = file.string() + ".tmp", bak_path = file.string() + ".bak";
        FileDescriptor dir(::open(dir_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dir.get() < 0) throw journal_error(fmt::format("cannot open folder {}: {}", dir_path.string(), why()));

        FileDescriptor out(create_fresh(dir.get(), tmp, tmp_path));
        RemoveUnlessKept remove_tmp(dir.get(), tmp);
        keep_owner_and_mode(out.get(), st, path_);
        write_all(out.get(), content, tmp_path.string(), write_);
        if (::fsync(out.get()) != 0) throw journal_error(fmt::format("cannot sync {}: {}", tmp_path.string(), why()));

        // Keep the previous file as JOURNAL.bak: a hard link where the folder has them, else a copy.
        if (::unlinkat(dir.get(), bak.c_str(), 0) != 0 && errno != ENOENT)
            throw journal_error(fmt::format("cannot replace {}: {}", bak_path.string(), why()));
        if (::linkat(dir.get(), name.c_str(), dir.get(), bak.c_str(), 0) != 0) {
            FileDescriptor copy(create_fresh(dir.get(), bak, bak_path));
            try {
                if (::fchown(copy.get(), st.st_uid, st.st_gid) != 0 || ::fchmod(copy.get(), st.st_mode & 07777) != 0)
                    throw journal_error(fmt::format("cannot write {}: {}", bak_path.string(), why()));
                copy_into(locked, st.st_size, copy.get(), bak_path, write_);
            } catch (...) {
                ::unlinkat(dir.get(), bak.c_str(), 0);
                throw;
            }
        }
        if (::renameat(dir.get(), tmp.c_str(), dir.get(), name.c_str()) != 0)
            throw journal_error(fmt::format("cannot replace journal {}: {}", file.string(), why()));
        remove_tmp.keep();
        ::fsync(dir.get());
        if (st.st_size == 0) note_started();
    }
    note_recorded();
}

namespace {
bool recorded = false;
bool started = false;
}  // namespace

void note_recorded() { recorded = true; }
bool recorded_anything() { return recorded; }
void note_started() { started = true; }
bool started_a_journal() { return started; }

}  // namespace pumplog
