#pragma once
// The journal file: reading (streaming, newest line first), appending under an
// exclusive lock, and the one atomic rewrite.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
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

// The one system call the journal's bytes are written with: ::write, or in a
// test a stand-in that fails part-way as a full disk does (the seam for
// SPEC 8's disk-full promises). Same contract as write(2).
using WriteFunction = std::function<ssize_t(int fd, const void* data, std::size_t size)>;

// The file the journal's path names: a symlink at its end followed, to the
// end of a chain (a journal linked into a synced folder is that folder's
// file). The path itself when it is no symlink or does not exist; a dangling
// symlink gives the file it would create. Journal error for a loop.
std::filesystem::path resolve_journal(const std::filesystem::path& path);

class Journal {
public:
    // `write` replaces ::write for this journal's appends and rewrites (tests).
    explicit Journal(std::filesystem::path path, WriteFunction write = {})
        : path_(std::move(path)), write_(std::move(write)) {}
    const std::filesystem::path& path() const { return path_; }
    const WriteFunction& write_function() const { return write_; }

    // Reads the file backwards in chunks, parsing each line once. A missing file
    // reads as empty. Unreadable: journal error (exit 3). Bad lines are skipped and
    // reported in the stats with line numbers; with `strict` the first bad line is
    // a journal error instead. Without `raw`, entries come without Entry::raw
    // (the line's text): a long read that only computes saves copying it.
    ReadStats read_backward(const LineVisitor& visit, bool strict = false, bool raw = true) const;

    // Appends whole lines (no newlines inside) in one write under an exclusive
    // flock, starting on a fresh line when the file does not end in one, then
    // fsyncs. Creates parent folders. Journal error (exit 3) when it cannot;
    // a write or sync that fails (disk full) is cut back first, under the
    // lock: the file is byte-identical to what it was.
    void append(const std::vector<std::string>& lines) const;

    // Appends like append, to a file kept beside the journal (JOURNAL.rejected):
    // never through a symlink (one at the path is removed and the file created
    // fresh), and not at all when the file already ends with exactly these
    // lines (a repair that failed after writing them, run again, rejects each
    // bad line once). A new file gets the owner, group and mode of `journal`.
    // Returns whether it wrote.
    bool append_side_file(const std::vector<std::string>& lines, const std::filesystem::path& journal) const;

    // The one atomic rewrite, at the journal's resolved path (a symlinked
    // journal stays a symlink): writes `content` to a fresh JOURNAL.tmp in
    // that file's folder with the journal's owner, group and mode, fsyncs it,
    // keeps the current file as JOURNAL.bak, renames the temporary over the
    // journal and fsyncs the folder. Holds the lock throughout. The side files
    // are created anew, never opened through a symlink. When it fails the
    // journal is as it was and the temporary file is gone.
    void rewrite(const std::string& content) const;

    // Runs `body` while holding the exclusive lock (for read-check-append commands).
    void with_lock(const std::function<void()>& body) const;

private:
    std::filesystem::path path_;
    WriteFunction write_;
};

}  // namespace pumplog
