#pragma once
// The one parser of journal lines (simdjson on-demand): the streaming reader
// and parse_entry_line both use it, so they cannot disagree.
#include <memory>
#include <string>
#include <string_view>

#include "pumplog/entry.hpp"

namespace pumplog {

class LineParser {
public:
    LineParser();
    ~LineParser();
    LineParser(const LineParser&) = delete;
    LineParser& operator=(const LineParser&) = delete;

    // Parses the line at `data` (`size` bytes, no newline); at least
    // simdjson's padding (64 bytes) must be readable after it. Returns false
    // and sets `error` when the line is not a valid entry.
    bool parse(const char* data, std::size_t size, std::size_t capacity, Entry& out, std::string& error);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

inline constexpr std::size_t line_padding = 64;

}  // namespace pumplog
