#pragma once
// An owned file descriptor, closed when it goes out of scope, and the core's
// ways of opening the journal (defined in journal.cpp).
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <unistd.h>
#include <utility>

#include "pumplog/lines.hpp"

namespace pumplog {

// The text of errno, for "cannot read journal PATH: <why>". EFBIG is worded: strerror's "File too large"
// does not say that a limit put on the process (ulimit -f, systemd LimitFSIZE=) is what was reached.
inline std::string why() {
    if (errno == EFBIG) return "the file would pass the file-size limit (ulimit -f, systemd LimitFSIZE=)";
    return std::strerror(errno);
}

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

// Removes the file `name` in the folder `dir` when it goes out of scope,
// unless `keep()` was called: a failed rewrite (of the journal, of the
// config) leaves no temporary file behind.
class RemoveUnlessKept {
public:
    RemoveUnlessKept(int dir, std::string name) : dir_(dir), name_(std::move(name)) {}
    ~RemoveUnlessKept() {
        if (!kept_) ::unlinkat(dir_, name_.c_str(), 0);
    }
    RemoveUnlessKept(const RemoveUnlessKept&) = delete;
    RemoveUnlessKept& operator=(const RemoveUnlessKept&) = delete;
    void keep() { kept_ = true; }

private:
    int dir_;
    std::string name_;
    bool kept_ = false;
};

// Opens the journal at `path` with `flags` (O_CLOEXEC added) as a journal must
// be: a regular file. The open is non-blocking, so a FIFO or device in its
// place is refused (journal error, exit 3, naming what it is) rather than
// waited on or read forever; the flag is cleared again for a regular file.
// Returns -1 with errno set when the open itself fails (ENOENT: no journal).
int open_regular(const std::filesystem::path& path, int flags, mode_t mode = 0);

// Reads the raw lines of the file at `path` (lines.hpp). As a journal: a
// regular file only, and a last line without its newline is read on inside
// `after_appends` (the body run once no append to the file open as `fd` is in
// progress: Journal::after_appends).
using AfterAppends = std::function<void(int fd, const std::function<void()>& body)>;
bool read_raw_lines(const std::filesystem::path& path, const std::function<void(const RawLine&)>& visit, bool journal,
                    const AfterAppends& after_appends);

}  // namespace pumplog
