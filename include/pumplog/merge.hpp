#pragma once
// `log merge`: the union by id of the journal and other copies of it (another
// device's journal, a sync tool's conflict copy), kept byte for byte and
// ordered by line_key (on a tie, as each file wrote them), written through the one atomic rewrite.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pumplog/journal.hpp"

namespace pumplog {

struct SourceLine {
    std::uint64_t number = 0;  // 1-based line number in its file
    std::string text;          // without '\n'
};

// A journal or a copy of one, as read.
struct MergeSource {
    std::string name;  // the file, for messages
    std::vector<SourceLine> lines;
};

struct MergeConflict {
    std::string source;  // where the losing line is
    std::uint64_t line = 0;
    std::string id;
    std::string kept_source;  // where the line that stays is
    std::uint64_t kept_line = 0;
    bool displaced = false;   // the losing line was the journal's: it goes to JOURNAL.rejected
};

struct MergeSkipped {
    std::string source;
    std::uint64_t line = 0;
    std::string reason;
};

struct MergeCount {
    std::string source;
    std::size_t added = 0;    // entries new to the journal
    std::size_t present = 0;  // entries it already had (the same id and content)
};

struct MergeResult {
    std::string content;  // the merged journal (meaningful when added > 0)
    std::size_t added = 0;
    std::vector<MergeCount> per_source;
    std::vector<MergeConflict> conflicts;  // same id, other content: the line whose canonical form sorts first stays
    std::vector<std::string> displaced;    // the journal's lines that lost a conflict, for JOURNAL.rejected
    std::vector<MergeSkipped> skipped;     // incoming lines that are not valid entries
    bool rewritten = false;                // merge_into rewrote the journal
};

// The union by id, pure: every line of `journal`, then each valid line of
// `incoming` (in order) whose id is not yet taken. Two lines with one id and
// the same content (as bytes, or as JSON values) are one entry; with other
// content they conflict and the one whose canonical form (its JSON with keys
// sorted, compact) sorts first stays, whichever file holds it: a journal line
// that loses is in `displaced` and counts as an entry come in (in `added`).
// The result is ordered by line_key (journal.hpp), so a newest-first read may
// stop early; lines that tie there keep the order their files wrote them in (a
// command's lines, such as a combine's move then use, are read in that order),
// and are otherwise ordered by id, so that it does not depend on which copy was
// the base. Idempotent and commutative, byte for byte.
// A journal line that is not a valid entry (LineValidator) is a journal error:
// the rewrite would lose it (run `log check --repair` first). With `strict`
// an invalid incoming line is a journal error instead of being skipped.
MergeResult merge_sources(const MergeSource& journal, const std::vector<MergeSource>& incoming, bool strict);

// Reads a copy of a journal (usage error when it cannot be read: it is input).
MergeSource read_merge_source(const std::filesystem::path& file);

// Reads `files`, then under the journal's lock reads the journal, merges, and
// rewrites it (Journal::rewrite: JOURNAL.bak kept) when something came in,
// the displaced lines appended to JOURNAL.rejected first; a merge that adds
// nothing leaves the file untouched.
MergeResult merge_into(Journal& journal, const std::vector<std::filesystem::path>& files, bool strict);

}  // namespace pumplog
