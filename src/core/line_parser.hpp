#pragma once
// The one parser of journal lines (simdjson on-demand): the streaming reader
// and parse_entry_line both use it, so they cannot disagree.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
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
    // and sets `error` when the line is not a valid entry (a line that lacks a
    // field its type requires included: required_fields.hpp).
    bool parse(const char* data, std::size_t size, std::size_t capacity, Entry& out, std::string& error);
    // Whether entries keep their line's text in Entry::raw (the default).
    void keep_raw(bool keep);
    // Lines of these types (never void or amend) whose v, id, type and at the
    // fast path reads are given with those alone (Entry::header_only): the
    // rest of the line is not read, so neither is any damage in it. For
    // readers that need those lines only to keep their place (replay's
    // bookkeeping), never for `log check` or --strict. With PassOver's
    // old_types, lines of those types written before its `before` too.
    void pass_over(PassOver pass);
    // The same without the fast path (parse_canonical_line): simdjson reads
    // every line. For the tests and the fuzzer that compare the two: like
    // the fast path, it reads the line and does not ask for the fields its
    // type requires (parse does, after either).
    bool parse_with_simdjson(const char* data, std::size_t size, std::size_t capacity, Entry& out,
                             std::string& error);

private:
    // `unread`: set when a value was passed over unread (an unknown key's), so not checked.
    bool parse_fields(const char* data, std::size_t size, std::size_t capacity, Entry& out, std::string& error,
                      bool& unread);
    // Whether the line is JSON, as log check's whole-line parse judges it; false with `error` in its words
    // (json_refusal).
    bool is_json(const char* data, std::size_t size, std::string& error);
    // Whether a line that may lack a required field (may_lack_required) carries them all; false with
    // `error` worded as log check words the first it lacks (required_fields.hpp).
    bool carries_required(const char* data, std::size_t size, std::string& error);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

inline constexpr std::size_t line_padding = 64;

// The length of a UTF-8 byte-order mark at `data` (3), or 0. Some editors
// write one at the start of a file: every reader skips it on line 1.
inline std::size_t byte_order_mark(const char* data, std::size_t size) {
    return size >= 3 && data[0] == '\xEF' && data[1] == '\xBB' && data[2] == '\xBF' ? 3 : 0;
}

// SPEC 8: lines are bounded. A longer or deeper line is a bad line for every
// reader alike (the reader, parse_entry_line, check, merge), so that no
// renderer ever recurses through a hostile nesting or prints megabytes of it.
inline constexpr std::size_t max_line_bytes = std::size_t{1} << 20;
inline constexpr int max_line_depth = 64;

// Why the line (without its newline) is out of those bounds, or nullptr when it
// is within them. The depth counts the brackets and braces outside strings
// (malformed JSON is the parser's to report).
inline const char* line_out_of_bounds(const char* data, std::size_t size) {
    if (size > max_line_bytes) return "longer than 1 MiB (1048576 bytes)";
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_line_depth) return "nested deeper than 64 levels";
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return nullptr;
}

// The fast path LineParser::parse tries first (canonical_line.cpp): reads a
// line as pumplog writes it, or declines (false) and leaves the line to
// simdjson. Accepting means the same Entry simdjson's path gives.
bool parse_canonical_line(const char* data, std::size_t size, Entry& out);
// What the fast path remembers from line to line (LineParser keeps one): the
// last date it read and its day number.
struct CanonicalMemo {
    std::array<char, 10> date{};
    std::int64_t days = 0;
    bool valid = false;
};
// What `log check` needs beyond the Entry to call an accepted line clean
// without a DOM: which top-level keys were written (null ones included; a bit
// per key, canonical_key_bit), whether `v` was exactly 1, and whether every
// count of seconds was whole (the reader rounds 90.5; check calls it an error).
struct CanonicalShape {
    std::uint32_t keys = 0;
    bool version_one = false;
    bool whole_counts = true;
};
// The bit of a top-level key in CanonicalShape::keys ("milk", "set", ...); 0 for a key the fast path does not know.
std::uint32_t canonical_key_bit(std::string_view key);
// A line whose top-level object repeats a key is declined (simdjson's path and
// check decide it).
bool parse_canonical_line(const char* data, std::size_t size, Entry& out, CanonicalMemo& memo, bool raw = true,
                          CanonicalShape* shape = nullptr, PassOver pass_over = {});

// A count of seconds from a JSON number. One that is not a whole number in
// range is damage (log check notes it) and counts as none, as an implausible
// one does (pumplog(5)): it is held as -1, which plausible_seconds refuses.
// Both paths use it.
inline bool round_count(double d, std::optional<std::int64_t>& out) {
    if (!(d > -9.2e18 && d < 9.2e18) || d != static_cast<double>(static_cast<std::int64_t>(d))) out = -1;
    else out = static_cast<std::int64_t>(d);
    return true;
}

}  // namespace pumplog
