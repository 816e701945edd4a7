#pragma once
// What the four importers share (not a public header): reading one file's
// dates, amounts and durations, and turning drafts into journal entries.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pumplog/csv.hpp"
#include "pumplog/import.hpp"
#include "pumplog/record.hpp"

namespace pumplog::import_detail {

// SPEC 2: more than 1000 ml in one session is implausible.
inline constexpr double most_ml = 1000;

// Thrown while reading a row: the row is skipped and listed as a problem.
struct RowError {
    std::string message;
};

// A date and time as written, before the date order is known.
struct WrittenTime {
    bool year_first = false;  // 2024-01-05 (ISO) or 2024/1/5: no order question
    int first = 0, second = 0, year = 0;  // the two leading fields and the year (as written, 2 or 4 digits)
    int hour = 0, minute = 0, second_of_minute = 0;
    bool has_clock = false;
    std::optional<std::chrono::seconds> offset;  // when written with one ("Z", "+01:00")
};
// Splits "2024-01-05 14:30[:00]", "2/20/17, 9:23 AM", "6/9/22 4:16 PM", "7/1/25, 15:55",
// "20.02.17 09:23"; nullopt when the text is not a date (with or without a time).
// U+202F and U+00A0 (iOS puts one before AM/PM) count as spaces.
std::optional<WrittenTime> split_time(std::string_view text);
// The wall-clock time a written time stands for in `order`; nullopt when it is
// not a valid date or time.
std::optional<LocalSeconds> resolve_time(const WrittenTime& written, DateOrder order);

// A time read from a cell: the instant, and the normalised text it has in ids.
struct When {
    Seconds instant;
    std::string key;
    // The wall-clock time as written when the cell carries no offset.
    std::optional<LocalSeconds> local = {};
    // The key read in the other date order, when the date reads differently
    // the other way (3/4/21).
    std::optional<std::string> other_order_key = {};
};

// A column whose header may carry a unit: "Left amount (oz.)", "Amount (ml)".
struct UnitColumn {
    std::optional<std::size_t> index;
    std::optional<Unit> unit;
};
// The first column named `base`, or `base (unit)`, of a table.
UnitColumn unit_column(const CsvTable& table, std::string_view base);

// The problem of an amount that a comma split in two cells without quotes ("2,5oz" read as "2" and "5oz"):
// `cell` is the whole number, `next` the cell after it; the advice is the form that gives the amount meant
// (quoted, with a point, or, for "1,000ml", without the thousands separator).
RowError split_amount(std::string_view cell, std::string_view next);

// An entry read from a row, before its id.
struct Draft {
    std::uint64_t line = 0;
    EntryType type = EntryType::feed;
    FeedMethod method = FeedMethod::bottle;
    When when;
    std::optional<Volume> ml, left_ml, right_ml;
    // A breast feed's amount, kept in its note (a breast feed records no amount): part of its id, so that
    // the file imported again with the other --unit is refused as for any amount read from a bare number.
    std::optional<Volume> noted_ml;
    std::optional<std::chrono::seconds> duration, left, right;
    std::string milk;       // bottle: "breast" or "formula"
    std::string note;
    std::string child;      // part of the id: twins fed at once stay two entries
    std::string baby;       // a feed's baby in the journal (SPEC 12), when not `child` itself
    std::string source_id;  // the source's own row id, when it has one
    bool length_from_times = false;  // `duration` came from the start and end, not a Duration column
    // Sides kept that ids before 0.15 oz of rounding was allowed left out (Baby Connect): the earlier id has none.
    bool sides_past_old_rounding = false;
};

// A volume worth recording: nullopt for an absent or zero amount (apps write 0 for "not recorded").
std::optional<Volume> recorded(std::optional<Volume> volume);
// A duration worth recording: nullopt for an absent or zero one.
std::optional<std::chrono::seconds> recorded(std::optional<std::chrono::seconds> duration);

// Durations as the apps write them: "10 min", "15", "1h05m", "16m" (bare
// numbers are minutes); nullopt for an empty cell; RowError otherwise.
std::optional<std::chrono::seconds> minutes_cell(std::string_view cell);
// "H:MM" or "HH:MM" (hours and minutes), or what minutes_cell takes.
std::optional<std::chrono::seconds> clock_duration(std::string_view cell);

// A session's length when it has no sides: the duration its row writes, else
// `span`, the time from its start to its end (marked in the draft: ids from
// before such lengths were read hash none).
void take_length(Draft& d, std::optional<std::chrono::seconds> written, std::optional<std::chrono::seconds> span);

// The children the files of one import name, for --child: refused only when
// none of them has the child (a twin's formula.csv without the other twin is not).
struct ChildrenSeen {
    std::vector<std::string> files;               // the files whose feeds name children
    std::map<std::string, std::string> children;  // lower-case name -> as written
    bool matched = false;
    std::map<std::string, std::string> matched_children;  // those --child matched: name and id -> as written
};

// A row key's digest (the first 128 bits of the SHA-256 its id starts from): what rows with the same
// meaning are counted by, in 16 bytes rather than the key's text.
struct KeyDigest {
    std::uint64_t high = 0, low = 0;
    bool operator==(const KeyDigest&) const = default;
    // From 64 lower-case hex digits (sha256_hex).
    static KeyDigest of(std::string_view hex);
};
struct KeyDigestHash {
    std::size_t operator()(const KeyDigest& digest) const { return static_cast<std::size_t>(digest.high); }
};
using Occurrences = std::unordered_map<KeyDigest, int, KeyDigestHash>;  // rows with a key so far

// What the ids of a format's rows begin with ("bb-", ...).
std::string_view id_prefix(ImportFormat format);
// A row's key, what its id is the digest of: "FORMAT|child|rest", `child` in lower case ("" for none).
std::string import_key(ImportFormat format, std::string_view child, std::string_view rest);
// The id of the row with `key` that has `occurrence` rows of that key before it in its file.
std::string import_id(ImportFormat format, const std::string& key, int occurrence);

// One file being imported.
class FileImport {
public:
    // for_each_row releases each record's cells once read: `table` is read in that order, once.
    FileImport(const ImportOptions& options, const SourceFile& file, CsvTable& table, ImportFormat format,
               ImportResult& result);

    const CsvTable& table() const { return table_; }
    const std::string& name() const { return file_.name; }
    const ImportOptions& options() const { return options_; }

    // Settles the order of numeric dates from these columns: a first field
    // over 12 means day first, a second one over 12 month first. Refuses a
    // file that has both, --date-order against the file, and an ambiguous
    // date when neither settles it. `expected` names the form for messages.
    void settle_dates(std::initializer_list<std::optional<std::size_t>> columns, std::string_view expected);
    // The time in a cell: nullopt when the cell is empty or has no clock time;
    // usage error naming the line when it cannot be read.
    std::optional<When> time(const CsvRecord& record, std::optional<std::size_t> column) const;
    // The time from `start` to the time in `end_column`, when that cell has one;
    // RowError when it ends before it starts.
    std::optional<std::chrono::seconds> span(const CsvRecord& record, std::optional<std::size_t> end_column,
                                             const When& start) const;

    // An amount: the unit in the cell, else `header_unit`, else --unit;
    // nullopt for an empty cell. RowError when it is not an amount; usage
    // error naming the line when no unit applies.
    std::optional<Volume> amount(std::string_view cell, std::optional<Unit> header_unit, std::uint64_t line) const;

    // Runs `read` on every record, counting it; a RowError skips the row as a problem.
    void for_each_row(const std::function<void(const CsvRecord&)>& read);
    // The cells of the row being read as the file wrote them: those past the header not joined to its note.
    const std::vector<std::string>& written_cells() const { return written_->cells; }
    // Whether a feed of this child is imported (--child); counts Skip::other_child when not, and
    // Skip::unnamed_child for a row that names no child (`child` empty: not known to be --child's). --child
    // matches `child` (the whole name the row gives), `first_name` (Baby Buddy's child_first_name) or
    // `id` (a second name the child goes by in the file: Baby Buddy's child_id), never a part of a name.
    bool select_child(std::string_view child, std::string_view id = {}, std::string_view first_name = {});
    // A row of an activity that is not pumplog's, counted by its name; RowError when `time`, the row's
    // time cell, is empty or not a date and time.
    void other_activity(std::string_view name, std::string_view time);
    void skip(Skip reason);
    // Records children who share `first_name` and whose feeds go under their `full_names` (ImportResult).
    void namesakes(std::string_view first_name, std::vector<std::string> full_names);
    // A draft for a row that happened at the time in `column`, with its line and
    // note; nullopt (the row counted as skipped for want of a time) without one.
    std::optional<Draft> start_draft(const CsvRecord& record, std::optional<std::size_t> column, std::string_view note);
    // Checks the draft (amounts, durations, not in the future: RowError otherwise),
    // gives it its id and adds its entry.
    void add(Draft draft);
    // After the rows: adds the children the file's feeds name to `seen`.
    void finish(ChildrenSeen& seen) const;

private:
    const ImportOptions& options_;
    const SourceFile& file_;
    CsvTable& table_;
    ImportFormat format_;
    ImportResult& result_;
    std::optional<DateOrder> order_;
    bool order_from_option_ = false;  // order_ is --date-order's, not settled by the file
    std::string expected_time_;
    const CsvRecord* written_ = nullptr;  // the row for_each_row is reading, as written
    std::map<std::string, std::string> children_;  // name_key -> as written
    bool child_matched_ = false;
    std::map<std::string, std::string> matched_children_;  // name_key and id -> as written (with the id)
    Occurrences occurrences_;  // id key -> rows with it so far
    Occurrences earlier_occurrences_;  // the same for earlier ids' keys
    Occurrences other_unit_occurrences_;  // the same for other_unit_id's keys
    Occurrences other_order_occurrences_;  // the same for other_order_id's keys
    // The same for the keys a pump had while its child was part of them (its id, other unit and order).
    Occurrences child_occurrences_, child_other_unit_occurrences_, child_other_order_occurrences_;
    // The row's bare amounts (no unit in the cell), read in --unit's unit or
    // the one the file names: the row's id with the other unit is told from them.
    struct BareAmount {
        std::string cell;
        Volume read;
        Unit unit;
        bool from_option;  // the unit is --unit's
    };
    mutable std::vector<BareAmount> bare_amounts_;
    std::unordered_map<std::string, std::string> activity_names_;  // lower case -> as first written
};

// One importer: how it recognises a file and reads it.
struct Importer {
    ImportFormat format;
    // The kind of file ("feeding", "pump", ...) when the header (and, for
    // Baby Tracker, the file's name) is of this format; nullopt otherwise.
    // `file_name` is the name as given (a path; messages show it so).
    std::optional<std::string> (*recognise)(const CsvTable& table, std::string_view file_name);
    void (*read)(FileImport& file, const std::string& kind);
    std::string_view expected;  // the header(s) it takes, for messages
    bool has_children;          // whether its files name the child (--child applies)
};

extern const Importer babybuddy_importer;
extern const Importer huckleberry_importer;
extern const Importer babytracker_importer;
extern const Importer babyconnect_importer;

}  // namespace pumplog::import_detail
