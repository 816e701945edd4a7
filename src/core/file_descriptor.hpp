#pragma once
// An owned file descriptor, closed when it goes out of scope, and the core's
// ways of opening the journal (defined in journal.cpp).
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <unistd.h>

namespace pumplog {

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

// Opens the journal at `path` with `flags` (O_CLOEXEC added) as a journal must
// be: a regular file. The open is non-blocking, so a FIFO or device in its
// place is refused (journal error, exit 3, naming what it is) rather than
// waited on or read forever; the flag is cleared again for a regular file.
// Returns -1 with errno set when the open itself fails (ENOENT: no journal).
int open_regular(const std::filesystem::path& path, int flags, mode_t mode = 0);

// Runs `body` once no append to the file open as `fd` is in progress: under
// a shared flock (appends hold the exclusive one), waited for at most the
// lock timeout (journal error after it). Directly when this thread holds the
// exclusive lock on that file itself (inside Journal::with_lock). For a
// reader that found the last line without its newline: damage, or an append
// still being written?
void after_appends(int fd, const std::filesystem::path& path, const std::function<void()>& body);

}  // namespace pumplog
