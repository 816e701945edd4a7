#pragma once
// The stream pumplog's notices, warnings and errors go through (stderr).
#include <cstdio>

namespace pumplog {

// A stream over the file descriptor `fd` whose writes always succeed: what
// cannot be written (a pipe whose reader has gone, EPIPE; a full disk) is
// dropped, and errno is left as it was. Unbuffered, as stderr is. fmt::print
// throws when a write comes short, and a message printed while handling an
// error (or after the journal was written) must not turn into a crash or a
// failure the command did not have. Null when the stream cannot be made.
std::FILE* open_message_stream(int fd);

}  // namespace pumplog
