#include "pumplog/message_stream.hpp"

#include <cerrno>
#include <cstdint>
#include <sys/types.h>
#include <unistd.h>

namespace pumplog {

namespace {

// The cookie is the file descriptor, as an integer in the pointer.
ssize_t write_or_drop(void* cookie, const char* data, std::size_t size) {
    const int fd = static_cast<int>(reinterpret_cast<std::intptr_t>(cookie));
    const int saved = errno;  // a caller reading errno after printing (output_failed) sees its own
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the reader has gone, the disk is full: the rest is dropped
        done += static_cast<std::size_t>(n);
    }
    errno = saved;
    return static_cast<ssize_t>(size);
}

}  // namespace

std::FILE* open_message_stream(int fd) {
    cookie_io_functions_t io{nullptr, write_or_drop, nullptr, nullptr};
    std::FILE* stream = ::fopencookie(reinterpret_cast<void*>(static_cast<std::intptr_t>(fd)), "w", io);
    if (stream != nullptr) std::setvbuf(stream, nullptr, _IONBF, 0);
    return stream;
}

}  // namespace pumplog
