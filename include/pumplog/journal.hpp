#pragma once
// The journal file: reading (streaming, newest line first), appending under an
// exclusive lock, and the one atomic rewrite.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"

namespace pumplog {

// The journal path of SPEC 1: `explicit_path` (-j), else $PUMPLOG_JOURNAL, else
// $XDG_DATA_HOME/pumplog/journal.jsonl, else ~/.local/share/pumplog/journal.jsonl.
std::filesystem::path default_journal_path(const std::string& explicit_path);

// A line the reader could not take.
struct BadLine {
    std::uint64_t line = 0;    // 1-based line number
    std::uint64_t offset = 0;  // byte offset
    std::string reason;
    bool partial_last = false;  // the last line has no newline (a crash mid-write)
};

struct ReadStats {
    std::uint64_t lines = 0;      // lines parsed (good and bad)
    std::uint64_t bytes_read = 0; // bytes read from the file (test hook for tail reads)
    std::vector<BadLine> bad;
    bool stopped_early = false;
};

// Called for each good line, newest first (reverse file order). Returns false to stop.
using LineVisitor = std::function<bool(const Entry&)>;

// The order of lines in a rewritten journal (merge, import, repair): stable by
// this key, the later of the line's creation time (a ULID id's time) and its
// `at`. Appends keep it too (a new line is created now, and `at` is not in the
// future), so a newest-first read may stop once lines are older than it needs.
Seconds line_key(const Entry& entry);

class Journal {
public:
    explicit Journal(std::filesystem::path path) : path_(std::move(path)) {}
    const std::filesystem::path& path() const { return path_; }

    // Reads the file backwards in chunks, parsing each line once. A missing file
    // reads as empty. Unreadable: journal error (exit 3). Bad lines are skipped and
    // reported in the stats with line numbers; with `strict` the first bad line is
    // a journal error instead. Without `raw`, entries come without Entry::raw
    // (the line's text): a long read that only computes saves copying it.
    ReadStats read_backward(const LineVisitor& visit, bool strict = false, bool raw = true) const;

    // Appends whole lines (no newlines inside) in one write under an exclusive
    // flock, starting on a fresh line when the file does not end in one, then
    // fsyncs. Creates parent folders. Journal error (exit 3) when it cannot.
    void append(const std::vector<std::string>& lines) const;

    // The one atomic rewrite: writes `content` to a temporary file in the same
    // folder, fsyncs it, keeps the current file as JOURNAL.bak, renames the
    // temporary over the journal and fsyncs the folder. Holds the lock throughout.
    void rewrite(const std::string& content) const;

    // Runs `body` while holding the exclusive lock (for read-check-append commands).
    void with_lock(const std::function<void()>& body) const;

private:
    std::filesystem::path path_;
};

}  // namespace pumplog
