#pragma once
// `log check`: every line validated whole (a line as pumplog writes it by the
// reader's strict scanner, which reads every byte; any other line by a full
// JSON parse, since the streaming reader skips what computations do not need),
// then the rules between lines (references, duplicate ids), and the repair
// that moves bad lines to JOURNAL.rejected. See pumplog(5).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/lines.hpp"

namespace pumplog {

// An error makes a line bad (repair moves it out); a note is worth knowing but
// harmless (an unknown type from a newer version is kept and ignored).
enum class Severity { error, note };

struct Finding {
    Severity severity = Severity::error;
    std::string message;
};

// A store, use or discard line's amount (counted_ml, 0 without one) and time.
struct StashAmount {
    double ml = 0;
    Seconds at{};
};

// What one line says on its own.
struct LineVerdict {
    bool blank = false;  // empty or only spaces: not an entry, not a problem
    std::vector<Finding> findings;
    std::string id, target;
    EntryType type = EntryType::unknown;
    // An amendment's rules need, of a good line: what an amend line does, and
    // which of the fields amendment_error looks at any other holds (packed: check.cpp).
    AmendmentShape amendment;
    std::uint8_t rule_fields = 0;
    // A store, use or discard line read by the fast scanner: its amount and time (short_uses_possible).
    std::optional<StashAmount> amount;
    bool ok() const;  // no error among the findings
};

// Validates lines one at a time (it keeps its parser between lines).
class LineValidator {
public:
    LineValidator();
    ~LineValidator();
    LineValidator(const LineValidator&) = delete;
    LineValidator& operator=(const LineValidator&) = delete;

    // One line (without its '\n'; a '\r' before it is allowed): JSON; v, id,
    // type and at present with their types; every field the reader knows of
    // the right type; the fields the line's type requires. References to
    // other lines are the Checker's.
    // Lines as pumplog writes them are proven clean by the reader's fast
    // scanner (parse_canonical_line); any other line gets the full parse.
    LineVerdict check(std::string_view text);
    // The same into `verdict`, whose strings keep their room from line to line.
    void check(std::string_view text, LineVerdict& verdict);
    // The same for a line with 64 readable bytes after it (any content), so
    // that the scanner reads it where it is, without a copy.
    void check_padded(std::string_view text, LineVerdict& verdict);
    // The same, always with the full parse: for the tests and the fuzzer that
    // compare the two.
    LineVerdict check_with_dom(std::string_view text);

private:
    void check(std::string_view text, bool fast, bool padded, LineVerdict& verdict);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Problem {
    std::uint64_t line = 0;  // 1-based
    Severity severity = Severity::error;
    std::string message;
};

struct CheckReport {
    std::uint64_t lines = 0;    // lines read, blank ones included
    std::uint64_t entries = 0;  // good lines
    std::uint64_t timer_lines = 0;  // good lines of the pump timer (start, pause, resume, cancel)
    std::uint64_t use_lines = 0;    // good `use` lines
    // Whether a use might take more than its container still held (stock.hpp: ShortUse), as far as the
    // lines alone tell (a container's uses add up to more than its store, one comes at or after a discard of
    // it, a stash line is amended or not as pumplog writes it): `log check` then replays the stash to say.
    bool short_uses_possible = false;
    std::vector<Problem> problems;         // in line order
    std::vector<std::uint64_t> bad_lines;  // lines with an error, ascending: what repair moves
    // Good lines that refer to a later line (line, its target's line), ascending: repair puts each after its target.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> before_target;
    std::size_t errors() const;
    std::size_t notes() const;
    bool clean() const { return bad_lines.empty(); }
};

// Checks a whole journal, fed line by line in file order: each line on its
// own, then duplicate ids (a later line with an id already taken is bad) and
// references (void, amend, use, move and discard must name a good line of a
// fitting type; a line whose target is bad is bad too). A correction that
// stands before its target is a note: readers then take a second pass.
struct CheckOptions;

class Checker {
public:
    // `file_bytes`: the size of the file to be checked, if known (room is made for its lines).
    explicit Checker(std::uint64_t file_bytes = 0);
    ~Checker();
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;
    void add(const RawLine& line);
    CheckReport finish();

private:
    friend CheckReport check_journal(const Journal& journal, const CheckOptions& options);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// How check_journal shares its work out: the lines are read in batches of
// about `batch_bytes`, validated on `threads` threads (at most 2: the reading one
// and a worker; a journal of one batch, or a machine of one processor, on
// one), and merged in line order, so that the report is the same whatever
// these are: the same as a Checker fed line by line. At most 16 batches are
// held at a time.
struct CheckOptions {
    unsigned threads = 2;
    std::size_t batch_bytes = std::size_t{64} << 10;
};

// Checks the journal file (a missing journal is empty and clean).
CheckReport check_journal(const Journal& journal, const CheckOptions& options = {});

// Of the lines at `offsets` (byte offsets of lines a reader took as entries),
// those log check calls bad, each with its line number and check's words for
// it: the one judge of a reference a reader cannot settle alone (a use whose
// container no line stores: a target no line has, a bad line, or a line that is
// no store). Checks the whole journal: for a reader that met such a line only.
std::vector<BadLine> damaged_among(const Journal& journal, std::vector<std::uint64_t> offsets);

// JOURNAL.rejected, where repair puts bad lines.
std::filesystem::path rejected_path(const std::filesystem::path& journal);

struct RepairResult {
    CheckReport report;  // the check before the repair
    std::uint64_t kept = 0;   // lines kept (blank ones included)
    std::uint64_t moved = 0;  // lines appended to JOURNAL.rejected
    std::filesystem::path rejected;
};

// Under the journal's lock: checks it and, when lines are bad, appends them to
// JOURNAL.rejected (never overwriting it; synced first, so a crash leaves a
// line in both files rather than in neither), then rewrites the journal with
// every other line byte for byte through Journal::rewrite (JOURNAL.bak kept).
// A clean journal is left untouched.
RepairResult repair_journal(Journal& journal);

}  // namespace pumplog
