#pragma once
// The journal file: reading (streaming, newest line first), appending under an
// exclusive lock, and the one atomic rewrite.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/environment.hpp"
#include "pumplog/lines.hpp"

namespace pumplog {

// The journal path of SPEC 1: `explicit_path` (-j), else $PUMPLOG_JOURNAL, else
// $XDG_DATA_HOME/pumplog/journal.jsonl, else ~/.local/share/pumplog/journal.jsonl.
// `env` looks the variables up (the core reads no environment of its own); `~` is home_folder's (an unset,
// empty or relative HOME: the passwd entry's home; with none, a usage error).
std::filesystem::path default_journal_path(const std::string& explicit_path, const Environment& env,
                                           const AccountHome& account = passwd_home);

// A line the reader could not take.
struct BadLine {
    std::uint64_t line = 0;    // 1-based line number
    std::uint64_t offset = 0;  // byte offset
    std::string reason;
    bool partial_last = false;  // the last line has no newline (a crash mid-write)
    // A line that repeats an earlier line's id (RepeatedIds): that line's offset and number.
    std::optional<std::uint64_t> first_offset;
    std::uint64_t first_line = 0;
};

// A line whose id an earlier line carries (a copied line, a hand edit, a sync
// conflict): `log check` calls it bad, and the first line with the id is the entry.
struct Repeat {
    std::uint64_t offset = 0;  // the later line's byte offset
    std::uint64_t first = 0;   // the first line with its id
};

// What the reads of one question learn of repeated ids, so that a reader
// agrees with `log check` (the replay passes one to each of its reads). A read
// given one skips the `known` repeats as bad lines (warned like any other)
// and finds those among the lines it visits. Lines are visited newest first,
// so a repeat is met before the line it repeats: a read that finds one has
// visited it already, and sets `again`; the reader drops what it made of the
// read and reads again, the repeat now known (a journal without repeats is
// read once).
//
// Cheap while ids are nearly in order: pumplog's ids are ULIDs, whose first
// characters are the time they were made, and file order is the order of
// writing. A line whose id's first 8 bytes are below those of every line met
// needs one comparison; one a few lines out of order (several made in one
// second, a back-dated entry, another device's line) is compared with the
// last lines met. At a line out of order beyond those (a block of another
// device's lines merged in, ids some other tool made) the read sets
// `unordered` and goes on with a table of every id's hash, the lines it met
// before read again for their ids; the reads after it keep the table from
// the first line on.
struct RepeatedIds {
    std::vector<Repeat> known;  // highest offset first
    bool unordered = false;
    bool again = false;
};

struct ReadStats {
    std::uint64_t lines = 0;      // lines parsed (good and bad)
    std::uint64_t bytes_read = 0; // bytes read from the file (test hook for tail reads)
    // The first bad lines in file order (at most `most_bad_kept`, with their
    // line numbers), and how many there were in all: a journal of garbage
    // costs no memory per line.
    static constexpr std::size_t most_bad_kept = 100;
    std::vector<BadLine> bad;
    std::uint64_t bad_lines = 0;
    bool stopped_early = false;
    // The earliest `at` of the lines a replay met (any type, read whole or by
    // their header alone): before the replay's `since` when the journal goes
    // back further. Set by the replay (history.cpp), not by read_backward.
    std::optional<Seconds> oldest;
};

// Called for each good line, newest first (reverse file order). Returns false to stop.
using LineVisitor = std::function<bool(const Entry&)>;

// The order of lines in a rewritten journal (merge, import, repair): stable by
// this key, the later of the line's creation time (a ULID id's time) and its
// `at`. Appends keep it too (a new line is created now, and `at` is not in the
// future), so a newest-first read may stop once lines are older than it needs.
Seconds line_key(const Entry& entry);

// Where a rewrite places a line: by `key`, then `depth`. A line that refers to
// another (void, amend, use, move, discard) stands no earlier than its target,
// whatever its own key (a script's correction may carry an old `at` and an id
// that is no ULID): its key is raised to its target's placed key, and its depth
// is then one more than the target's, so that it sorts after it on a tie. Any
// other line keeps its line_key and depth 0.
struct Placement {
    Seconds key;
    std::uint32_t depth = 0;
    friend bool operator<(const Placement& a, const Placement& b) {
        return a.key != b.key ? a.key < b.key : a.depth < b.depth;
    }
};
struct LineToPlace {
    Seconds key;              // its line_key
    std::string_view id;
    std::string_view target;  // empty when it refers to no line
};
// One placement per line, in the same order; a target is the first line of
// its id; a line whose target is missing, or in a cycle of references, keeps its key.
std::vector<Placement> place_lines(const std::vector<LineToPlace>& lines);

// The one system call the journal's bytes are written with: ::write, or in a
// test a stand-in that fails part-way as a full disk does (the seam for
// SPEC 8's disk-full promises). Same contract as write(2).
using WriteFunction = std::function<ssize_t(int fd, const void* data, std::size_t size)>;

// The file the journal's path names: a symlink at its end followed, to the
// end of a chain (a journal linked into a synced folder is that folder's
// file). The path itself when it is no symlink or does not exist; a dangling
// symlink gives the file it would create. Journal error for a loop.
std::filesystem::path resolve_journal(const std::filesystem::path& path);
// What a file that is not a regular one is, for messages: "a folder", "a pipe or FIFO", "a character device".
const char* file_kind(mode_t mode);
// The same for any file (the config): nullopt for a loop.
std::optional<std::filesystem::path> follow_symlinks(const std::filesystem::path& path);

// Whether this process has recorded anything: a journal line, a rewrite, the
// config, a reminder's state (so a reply that cannot be printed can say
// whether the command must not be run again). note_recorded() marks it.
void note_recorded();
bool recorded_anything();
// Whether this process wrote the first lines of a journal: it appended to, or
// rewrote, a file that was empty when it held the lock. Decided under the lock,
// so of several pumplogs starting a journal at once one alone says it started it.
void note_started();
bool started_a_journal();

// How long a writer waits for another pumplog's lock before a journal error.
inline constexpr std::chrono::milliseconds default_lock_timeout{10000};

class LockedJournal;

// A journal file to read. Writing needs the lock: with_lock hands its body a
// LockedJournal, the only thing that appends or rewrites. A `const Journal&`
// reads and nothing more.
class Journal {
public:
    // `write` replaces ::write for this journal's appends and rewrites (tests);
    // `lock_timeout` bounds every wait for a lock (the command line reads it
    // from PUMPLOG_LOCK_TIMEOUT_MS).
    explicit Journal(std::filesystem::path path, WriteFunction write = {},
                     std::chrono::milliseconds lock_timeout = default_lock_timeout)
        : path_(std::move(path)), write_(std::move(write)), lock_timeout_(lock_timeout) {}
    // Moved, never copied: a copy of a `const Journal&` could be locked.
    Journal(Journal&&) = default;
    Journal& operator=(Journal&&) = default;
    const std::filesystem::path& path() const { return path_; }
    const WriteFunction& write_function() const { return write_; }
    std::chrono::milliseconds lock_timeout() const { return lock_timeout_; }

    // Reads the file backwards in chunks, parsing each line once. A missing file
    // reads as empty. Unreadable: journal error (exit 3). Bad lines are skipped and
    // reported in the stats with line numbers; with `strict` the first bad line is
    // a journal error instead. Without `raw`, entries come without Entry::raw
    // (the line's text): a long read that only computes saves copying it.
    // Lines of the types in `pass_over` (never void or amend) may come with
    // their header alone (Entry::header_only; LineParser::pass_over): damage
    // after their header goes unseen (and so do lines of PassOver::old_types
    // written before its `before`). Ignored with `strict`. `whole`: the caller
    // will read to the file's start (a stash or report over all time), so a
    // long file is shared with the second thread from its first line on,
    // instead of after the regions a question about the last weeks ends in.
    // `repeats`: skip the lines that repeat an earlier line's id, and find
    // them (RepeatedIds); without it every line is visited.
    ReadStats read_backward(const LineVisitor& visit, bool strict = false, bool raw = true,
                            PassOver pass_over = {}, bool whole = false, RepeatedIds* repeats = nullptr) const;

    // The earliest feed among the lines at the file's start that read as
    // entries: the first 64 KiB, or when they hold no feed (pumps and stash
    // lines first), on to the first 64 KiB that hold one: the first feed
    // logged, as far as it tells (the baby was born by then). Nothing for a
    // missing, unreadable or empty file, or a file without a feed; never a
    // journal error.
    std::optional<Seconds> first_feed_at() const;

    // The file's raw lines, first to last (for_each_raw_line in lines.hpp), as
    // a journal: a regular file only, and a last line without its newline is
    // looked at again once no append is in progress. False when there is no file.
    bool for_each_raw_line(const std::function<void(const RawLine&)>& visit) const;

    // Takes the exclusive lock (waiting at most lock_timeout(); journal error
    // after it), runs `body` with the locked journal, and lets go. What the call
    // created to take the lock (the file, missing folders) is removed again
    // when nothing was written: a refused command leaves no trace (SPEC 2).
    void with_lock(const std::function<void(LockedJournal&)>& body);

private:
    friend class LockedJournal;
    Journal(const Journal&) = default;
    Journal& operator=(const Journal&) = default;
    void after_appends(int fd, const std::function<void()>& body) const;

    std::filesystem::path path_;
    WriteFunction write_;
    std::chrono::milliseconds lock_timeout_;
    int held_fd_ = -1;  // the exclusive lock, in the copy a LockedJournal reads through
};

// The journal while its exclusive lock is held: only Journal::with_lock makes
// one, and it lives for the body's call. Reads through journal() see the file
// as the lock holder (they do not wait for it).
class LockedJournal {
public:
    LockedJournal(const LockedJournal&) = delete;
    LockedJournal& operator=(const LockedJournal&) = delete;

    // The locked journal, to read.
    const Journal& journal() const { return journal_; }
    const std::filesystem::path& path() const { return journal_.path(); }

    // Appends whole lines (no newlines inside) in one write, starting on a
    // fresh line when the file does not end in one, then fsyncs. Journal error
    // (exit 3) when it cannot; a write or sync that fails (disk full) is cut
    // back first, under the lock: the file is byte-identical to what it was.
    void append(const std::vector<std::string>& lines);
    // The file's size now, under the lock: 0 for a journal no line was written
    // to yet (a new one, or one another pumplog has not started first).
    std::uint64_t size() const;

    // The one atomic rewrite, at the journal's resolved path (a symlinked
    // journal stays a symlink): writes `content` to a fresh JOURNAL.tmp in
    // that file's folder with the journal's owner, group and mode, fsyncs it,
    // keeps the current file as JOURNAL.bak, renames the temporary over the
    // journal and fsyncs the folder. The side files are created anew, never
    // opened through a symlink. When it fails the journal is as it was and
    // the temporary file is gone.
    void rewrite(const std::string& content);

    // Moves `lines` out of the journal: appends them like append to the file
    // `side` kept beside it (JOURNAL.rejected), under that file's own lock,
    // then rewrites the journal to `content`. The side file is never opened
    // through a symlink (one at the path is removed and the file created
    // fresh). Every line moved is appended, a line the side file already holds
    // (a repeated bad line) too; while it runs, `side`.pending names the
    // journal and the side file's size before, so that a move that crashed
    // before its rewrite, run again on the same unchanged journal, first cuts
    // back what it appended (each line is moved once). A new file gets the
    // journal's owner, group and mode. When a step fails the side file is cut
    // back to what it was, or removed when this call created it: nothing changed.
    void rewrite_moving(const std::string& content, const std::filesystem::path& side,
                        const std::vector<std::string>& lines);

private:
    friend class Journal;
    LockedJournal(const Journal& journal, int fd) : journal_(journal) { journal_.held_fd_ = fd; }
    Journal journal_;
};

}  // namespace pumplog
