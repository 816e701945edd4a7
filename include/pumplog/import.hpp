#pragma once
// `log import`: other trackers' CSV exports turned into journal lines
// (IMPORT.md, pumplog-import(1)). Pure: the caller reads the files and the
// journal, and writes the result.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

enum class ImportFormat { babybuddy, huckleberry, babytracker, babyconnect };

// "babybuddy", ... (what --from takes).
std::string_view import_format_name(ImportFormat format);
// "Baby Buddy", ... (for people).
std::string_view import_format_title(ImportFormat format);
// A --from value (case, spaces and '-' ignored); usage error naming the four otherwise.
ImportFormat parse_import_format(std::string_view text);
// The formats, for messages: "babybuddy, huckleberry, babytracker, babyconnect".
std::string import_format_list();

// The order of numeric dates in phone exports: 3/4/21 is 4 March (mdy) or 3 April (dmy).
enum class DateOrder { mdy, dmy };
DateOrder parse_date_order(std::string_view text);

struct ImportOptions {
    std::optional<ImportFormat> from;   // --from: skip detection
    const date::time_zone* zone = nullptr;  // the wall-clock times are in this zone
    std::optional<DateOrder> date_order;    // --date-order, when the file does not settle it
    std::optional<Unit> unit;               // --unit: the unit of amounts written without one
    std::string child;                      // --child: import this child's feeds only (and every pump)
    std::string baby;                       // --baby: the baby of feeds whose rows name none
    std::vector<std::string> babies;        // config babies: with several, a feed without a baby is refused
    Seconds now{};                          // rows after now are problems
};

// One file to import: its name as given (messages; Baby Tracker's kind) and its bytes.
struct SourceFile {
    std::string name;
    std::string content;
};

// Why a row was left out.
enum class Skip {
    other_activity,  // sleep, diapers, growth, ...: not pumplog's
    other_child,     // a feed of another child than --child's
    unnamed_child,   // with --child, a feed whose row names no child: not known to be that child's
    no_time,         // the row has no time
    not_recorded,    // a pump whose amount is 0 or empty and that has no duration
    duplicate,       // its entry is already in the journal
    logged_elsewhere,  // the same session is in effect in the journal from another source (drop_logged_elsewhere)
    repeated,        // its entry came earlier in this import (a file given twice, overlapping exports)
    problem,         // an impossible or unreadable value (see ImportResult::problems)
};

// A row that was skipped for an impossible or unreadable value.
struct RowProblem {
    std::string file;
    std::uint64_t line = 0;
    std::string message;
};

// An entry read from a row.
// Held for every row until the journal is written: what the summary, the
// duplicates and the merge need, not the parsed Entry (hundreds of bytes
// each, for files of 100,000s of rows); entry() parses the line when wanted.
struct ImportedEntry {
    std::string text;  // the journal line (serialized, no newline)
    std::string id;    // its id
    std::string baby;  // a feed's baby ("" for a pump)
    Seconds at{};      // its time; also its line_key (an import's id is not a ULID)
    LocalSeconds local{};  // its time on the wall clock of the zone it was read in
    EntryType type = EntryType::feed;
    FeedMethod method = FeedMethod::bottle;
    bool has_volume = false;  // it has an amount (ml)
    std::string file;
    std::uint64_t line = 0;  // source line of the row
    // The id pumplog gave this row before ids held --baby and lengths from a
    // start and an end, when that differs from entry.id; "" otherwise.
    std::string earlier_id;
    // A feed's id is the digest of "FORMAT|id_child|key_rest" and of how many rows of that key came before
    // it in its file (the files[source] of the import). id_child is the child the row names (child_from_row),
    // else --baby's name, else "" (config's one baby is not in it), in lower case; "" for a pump. Its id
    // under another name, or none, is told from them: the id an import with other --baby or config gave it.
    std::size_t source = 0;
    std::string id_child;
    bool child_from_row = false;
    std::string key_rest;
    // A pump filed under a child (Baby Buddy): the id it had while that child
    // was part of a pump's id; "" otherwise.
    std::string child_id;
    // The ids this row would have had with the other unit, when some of its
    // amounts were bare numbers read in --unit's unit or in the unit the file
    // names (a header, Baby Buddy's amount_unit: an earlier export without it
    // was read with --unit); with and without the child for a pump filed under
    // one; empty otherwise.
    std::vector<std::string> other_unit_ids;
    // The same with the other date order, when the row's date reads either way
    // (3/4/21) and --date-order or the file's other dates chose how.
    std::vector<std::string> other_order_ids;
    // A feed's key_rest read the other way, where other_unit_ids or other_order_ids tell one: its ids in
    // that reading under another name, or none, are told from them as its ids in this one are; "" otherwise.
    std::string other_unit_rest;
    std::string other_order_rest;
    // How the row was read where other_unit_ids and other_order_ids tell another reading: the unit of its bare
    // amounts and the date order, each --unit's or --date-order's (else the file's).
    Unit unit_read = Unit::ml;
    DateOrder order_read = DateOrder::mdy;
    bool unit_from_option = false;
    bool order_from_option = false;

    // The journal line parsed.
    Entry entry() const;
};

struct ImportedFile {
    std::string name;
    ImportFormat format = ImportFormat::babybuddy;
    std::string kind;  // what the file holds: "feeding", "pumping", "nursing", ...
    std::size_t rows = 0;
};

// Children of one file who share a first name (Mary Smith and Mary Jones): their feeds' baby is each
// one's full name, not the first name they share (which would make them one baby).
struct Namesakes {
    std::string file;
    std::string first_name;               // as written
    std::vector<std::string> full_names;  // as written, each child's
};

// A row not imported because the journal has its session from another source: the row, and that entry's id.
struct LoggedElsewhere {
    std::string file;
    std::uint64_t line = 0;
    std::string id;
};

struct ImportResult {
    std::vector<ImportedFile> files;
    std::vector<LoggedElsewhere> logged_elsewhere;  // Skip::logged_elsewhere's rows, in file and line order
    std::vector<ImportedEntry> entries;  // in file order, rows in source order
    std::map<Skip, std::size_t> skipped;
    std::map<std::string, std::size_t> other_activities;  // by name as first written
    std::vector<RowProblem> problems;                     // in file and line order
    std::vector<Namesakes> namesakes;                     // in file order
    // The babies the feeds to import name that config babies does not (note_new_babies), as first written, and
    // config's babies beside them: SPEC 12 keeps the export's names, so each is a new baby of the journal.
    std::vector<std::string> new_babies;
    std::vector<std::string> configured_babies;
};

// Reads every file (format from options.from, else detected from the header
// and the file name) into journal entries whose ids are derived from their
// source rows. Refuses (usage error, naming the file and line) a file no
// importer recognises, a quoted cell never closed, a date or time that cannot
// be read, a date order the file does not settle when --date-order is not
// given (or one that contradicts it), amounts without a unit and no --unit,
// a --child that no file's feeds name (or any --child for a one-child
// format; --child picks feeds: pumps are the parent's, all imported),
// and a feed whose row names no baby when options.babies names several and
// options.baby is empty. Rows with an impossible value are skipped and
// listed as problems.
ImportResult read_import(const std::vector<SourceFile>& files, const ImportOptions& options);

// Leaves out entries already in the journal, counting them as
// Skip::duplicate: those whose id or child_id is in `existing` (the journal's
// ids, each with its entry's baby), and those of the same baby or of an
// unnamed one under another id they had: their earlier_id (imported before
// ids held --baby), or, for a feed whose row names no child, the id it has
// under any name the journal's feeds carry or under none (imported with
// another --baby, without it, or with other config babies). Two babies' names
// are never one feed: twins fed at one minute stay two. Entries whose id came
// earlier in this import are counted as Skip::repeated.
// Refuses (usage error) rows imported before with the other --unit or the
// other --date-order (one of their other_unit_ids or other_order_ids in
// `existing`, or for a feed whose row names no child, its id in that reading
// under any name the journal's feeds carry or under none, by the same rule;
// the row not found in the journal as it reads now): imported again, in the
// unit or order given now or settled by the file itself, they would be
// recorded twice.
void drop_duplicates(ImportResult& result, const std::unordered_map<std::string, std::string>& existing);

// Refuses (usage error) rows imported before at another instant, read in another zone (--tz, TZ, config
// timezone): their id (or earlier_id) is in `imported_at` (the journal's imported entries' ids, each with
// its `at` as written) at another time than they read now. Their ids hold the time as the file writes it,
// so imported again they would be taken as already in the journal and keep the earlier times. `zone`: the
// zone read in now, for the message.
void refuse_other_zone(const ImportResult& result, const std::unordered_map<std::string, std::string>& imported_at,
                       std::string_view zone);

// Leaves out the entries whose session `logged` (the pumps and feeds in effect in the journal) already
// holds from another source: a hand-logged entry, or another format's import (its id's prefix), counting
// them as Skip::logged_elsewhere and listing them in result.logged_elsewhere. Also an entry of this import
// whose session an earlier file of another format in it gave. The same session: the same type (and a
// feed's method), the same baby where both name one, the same minute (of the instant, not the wall
// clock: --tz and a fall-back night's repeated hour), the same ml (both without one, or within 0.05 ml),
// left_ml and right_ml where both have them, and dur_s, left_s and right_s where both have them (to the
// minute). Each entry stands for one row of each source: a second row like it from that source is imported.
// Call after drop_duplicates (a row already in the journal by its id takes nothing).
void drop_logged_elsewhere(ImportResult& result, const std::vector<Entry>& logged);

// Notes in `result` the babies its entries' feeds name that `babies` (config babies) does not, as they
// compare (same_baby), each once in the order first met, with `babies`; nothing when `babies` is empty.
// Called once its entries are those the import writes (after drop_duplicates).
void note_new_babies(ImportResult& result, const std::vector<std::string>& babies);

// A journal line as it stands in the file, with its ordering key (line_key),
// its id and the id of the line it refers to (a correction's target), if any.
struct KeyedLine {
    Seconds key;
    std::string text;
    std::string id;
    std::string target;
};
// The rewritten journal: the existing lines (in file order) and the imported
// entries, ordered stably by line_key (a correction after its target:
// place_lines, journal.hpp), one per line, each ending in a newline.
std::string merged_journal(const std::vector<KeyedLine>& existing, const std::vector<ImportedEntry>& added);

}  // namespace pumplog
