#pragma once
// A file's raw lines, first to last, with their numbers: for `log check` and
// `log merge`, which must see every byte of every line (the entry reader,
// read_backward, parses only what computations need and skips damage).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

namespace pumplog {

struct RawLine {
    std::uint64_t number = 0;  // 1-based; blank lines count
    std::string_view text;     // without its '\n' (a '\r' before it is kept)
    bool last_without_newline = false;  // the file's last line, no '\n' after it
};

// Calls `visit` for each line of the file at `path` (any file, a pipe too, as
// a copy to merge from `<(...)` is), streaming. Returns false when the file
// does not exist; throws a journal error (exit 3) when it cannot be read or is
// a folder. An empty file has no lines; a final '\n' does not start another
// line. The journal's own lines: Journal::for_each_raw_line (a regular file
// only, never waited on, and an append being written is not damage).
bool for_each_raw_line(const std::filesystem::path& path, const std::function<void(const RawLine&)>& visit);

}  // namespace pumplog
