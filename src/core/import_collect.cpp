// From drafts to journal entries: values, plausibility, children, ids.
#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "import_common.hpp"
#include "line_parser.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "sha256.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

using std::chrono::seconds;

// The longest plausible session, pumping or at the breast.
constexpr std::chrono::hours longest_session{3};
std::optional<Volume> recorded(std::optional<Volume> volume) {
    if (volume && volume->ml() > 0) return volume;
    return std::nullopt;
}

std::optional<seconds> recorded(std::optional<seconds> duration) {
    if (duration && duration->count() > 0) return duration;
    return std::nullopt;
}

void take_length(Draft& d, std::optional<seconds> written, std::optional<seconds> span) {
    d.duration = recorded(written);
    if (d.duration) return;
    d.duration = recorded(span);
    d.length_from_times = d.duration.has_value();
}

std::optional<seconds> minutes_cell(std::string_view cell) {
    cell = trim(cell);
    if (cell.empty()) return std::nullopt;
    try {
        return parse_duration(cell);
    } catch (const Error& e) {
        throw RowError{e.what()};
    }
}

std::optional<seconds> clock_duration(std::string_view cell) {
    cell = trim(cell);
    // H:MM, HH:MM or H:MM:SS
    int parts[3] = {0, 0, 0};
    int count = 0, digits = 0;
    bool clock = !cell.empty();
    for (const char c : cell) {
        if (c >= '0' && c <= '9' && digits < 4) {
            parts[count] = parts[count] * 10 + (c - '0');
            ++digits;
        } else if (c == ':' && digits > 0 && count < 2) {
            ++count;
            digits = 0;
        } else {
            clock = false;
            break;
        }
    }
    if (!clock || count == 0 || digits == 0) return minutes_cell(cell);
    if (parts[1] > 59 || parts[2] > 59) throw RowError{fmt::format("\"{}\" is not a duration; expected H:MM", printable(cell))};
    return seconds(parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

UnitColumn unit_column(const CsvTable& table, std::string_view base) {
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string name = normalize_header(table.header[i]);
        if (name == base) return {i, std::nullopt};
        if (name.size() > base.size() + 2 && name.starts_with(base) && name.compare(base.size(), 2, " (") == 0 &&
            name.back() == ')') {
            std::string unit = name.substr(base.size() + 2, name.size() - base.size() - 3);
            std::erase(unit, '.');
            std::erase(unit, ' ');
            UnitColumn column{i, std::nullopt};
            if (unit == "ml") column.unit = Unit::ml;
            if (unit == "oz" || unit == "floz") column.unit = Unit::oz;
            return column;
        }
    }
    return {};
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "1,000ml": a thousands separator (1000 ml) or a decimal comma (1 ml)? One to three digits, not
// starting with 0, a comma and exactly three digits cannot be told: a problem row, never a guess.
void refuse_thousands_separator(std::string_view cell) {
    const std::size_t comma = cell.find(',');
    if (comma == std::string_view::npos || comma == 0 || comma > 3 || cell[0] == '0') return;
    for (std::size_t i = 0; i < comma; ++i)
        if (!is_digit(cell[i])) return;
    if (comma + 4 > cell.size()) return;
    for (std::size_t i = comma + 1; i < comma + 4; ++i)
        if (!is_digit(cell[i])) return;
    if (comma + 4 < cell.size() && (is_digit(cell[comma + 4]) || cell[comma + 4] == ',' || cell[comma + 4] == '.'))
        return;
    const std::string_view whole = cell.substr(0, comma), part = cell.substr(comma + 1, 3);
    const std::string unit = printable(cell.substr(comma + 4));
    throw RowError{fmt::format("\"{}\" is ambiguous: {}{}{} with a thousands separator, or {}.{}{} with a decimal "
                               "comma; write it without the comma or with a decimal point",
                               printable(cell), whole, part, unit, whole, part, unit)};
}

}  // namespace

RowError split_amount(std::string_view cell, std::string_view next) {
    const std::string joined = fmt::format("{},{}", printable(cell), printable(next));
    const std::string_view digits = next.substr(0, next.find_first_not_of("0123456789"));
    // "1,000ml" split: quoted, it would be refused as ambiguous (a thousands separator or a decimal comma?), so
    // the advice is the form that gives the amount meant: without the comma, or with a point, each named only
    // when that reading is a plausible amount (at most 1000 ml; "1,000ml" is not 1 ml written to three places).
    if (cell.size() <= 3 && cell[0] != '0' && digits.size() == 3 &&
        (digits.size() == next.size() || (next[3] != ',' && next[3] != '.'))) {
        const std::string_view unit = next.substr(3);
        const std::string thousands = fmt::format("{}{}{}", cell, digits, printable(unit));
        std::string fraction(digits);
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
        const std::string decimal =
            fmt::format("{}{}{}{}", cell, fraction.empty() ? "" : ".", fraction, printable(unit));
        const auto plausible = [](const std::string& text) {
            try {
                return parse_amount(text, Unit::ml).ml() <= most_ml;
            } catch (const Error&) {
                return false;
            }
        };
        const bool as_thousands = plausible(thousands);
        const bool as_decimal = plausible(decimal) && !(as_thousands && fraction.empty());
        std::string advice;
        if (as_thousands && as_decimal)
            advice = fmt::format("write it without the comma ({}) for a thousands separator, or with a point ({}) "
                                 "for a decimal comma",
                                 thousands, decimal);
        else if (as_thousands) advice = fmt::format("write it without the comma ({})", thousands);
        else if (as_decimal)
            advice = fraction.empty() ? fmt::format("write it as {}", decimal)
                                      : fmt::format("write it with a point ({})", decimal);
        else advice = "check the amount and its unit";
        return RowError{fmt::format("the amount \"{}\" and the next cell \"{}\" look like one amount split by its "
                                    "comma ({}) in a cell without quotes; {}",
                                    printable(cell), printable(next), joined, advice)};
    }
    return RowError{fmt::format("the amount \"{}\" and the next cell \"{}\" look like one amount split by a decimal "
                                "comma ({}) in a cell without quotes; quote it (\"{}\") or write it with a "
                                "point ({}.{})",
                                printable(cell), printable(next), joined, joined, printable(cell), printable(next))};
}

KeyDigest KeyDigest::of(std::string_view hex) {
    const auto word = [&](std::size_t at) {
        std::uint64_t value = 0;
        for (std::size_t i = at; i < at + 16; ++i)
            value = value << 4 | static_cast<std::uint64_t>(hex[i] <= '9' ? hex[i] - '0' : hex[i] - 'a' + 10);
        return value;
    };
    return {word(0), word(16)};
}

FileImport::FileImport(const ImportOptions& options, const SourceFile& file, CsvTable& table,
                       ImportFormat format, ImportResult& result)
    : options_(options), file_(file), table_(table), format_(format), result_(result) {}

std::optional<Volume> FileImport::amount(std::string_view cell, std::optional<Unit> header_unit,
                                         std::uint64_t line) const {
    cell = trim(cell);
    if (cell.empty()) return std::nullopt;
    refuse_thousands_separator(cell);
    const bool bare = cell.find_first_not_of("0123456789., ") == std::string_view::npos;
    std::optional<Unit> unit = bare ? header_unit : Unit::ml;
    const bool from_option = !unit && options_.unit;
    if (!unit) unit = options_.unit;
    if (!unit)
        throw usage_error(fmt::format("{}:{}: the amount \"{}\" has no unit; give --unit ml or --unit oz "
                                      "(the unit the app was set to)",
                                      name(), line, printable(cell)));
    try {
        const Volume v = parse_amount(cell, *unit);
        if (bare) bare_amounts_.push_back({std::string(cell), v, *unit, from_option});
        return v;
    } catch (const Error& e) {
        throw RowError{e.what()};
    }
}

void FileImport::for_each_row(const std::function<void(const CsvRecord&)>& read) {
    // A row with more cells than the header has columns: a delimiter in a cell that was not quoted.
    // Empty cells past the header are dropped (a trailing delimiter). The rest belong to the last
    // column when it is free text (Notes): joined to it with the delimiter, the note as written; else
    // the row cannot be read for sure and is a problem (never cut silently).
    const std::size_t columns = table_.header.size();
    const std::string last_column = columns == 0 ? std::string() : normalize_header(table_.header.back());
    const bool free_text_last = last_column == "notes" || last_column == "note";
    for (auto& record : table_.records) {
        ++result_.files.back().rows;
        bare_amounts_.clear();
        written_ = &record;
        try {
            std::size_t used = record.cells.size();
            while (used > columns && trim(record.cells[used - 1]).empty()) --used;
            if (used <= columns) {
                read(record);
            } else {
                if (!free_text_last)
                    throw RowError{fmt::format("the row has {} cells and the header {} columns (a cell holding the "
                                               "delimiter without quotes?); its values cannot be told apart",
                                               used, columns)};
                CsvRecord joined = record;
                std::string& note = joined.cells[columns - 1];
                for (std::size_t i = columns; i < used; ++i) (note += table_.delimiter) += record.cells[i];
                joined.cells.resize(columns);
                read(joined);
            }
        } catch (const RowError& e) {
            result_.problems.push_back({name(), record.line, e.message});
            skip(Skip::problem);
        }
        // Read: its cells are not needed again, and a file of 100,000s of rows is not kept whole.
        std::vector<std::string>().swap(record.cells);
    }
}


bool FileImport::select_child(std::string_view child, std::string_view id, std::string_view first_name) {
    child = trim(child);
    // Names as babies' names compare: without case, accents written either way (name_key).
    const std::string wanted = name_key(options_.child);
    // A feed whose row names no child may be any child's: with --child, not known to be that one's.
    if (child.empty()) {
        if (wanted.empty()) return true;
        skip(Skip::unnamed_child);
        return false;
    }
    const std::string name = name_key(child);
    children_.emplace(name, printable(child));
    if (wanted.empty()) return true;
    // A whole name only: the first word of "Mary Kate" is not her first name, and would pick her twin Mary Ann too.
    id = trim(id);
    const std::string first = name_key(first_name);
    if (wanted == name || (!first.empty() && wanted == first) || (!id.empty() && wanted == fold_case(id))) {
        // One child is one name and id: a --child that matches two of them is refused after the rows (finish).
        matched_children_.emplace(name + '\n' + std::string(id),
                                  id.empty() ? printable(child) : fmt::format("{} (child_id {})", printable(child),
                                                                              printable(id)));
        child_matched_ = true;
        return true;
    }
    skip(Skip::other_child);
    return false;
}

void FileImport::other_activity(std::string_view activity, std::string_view time) {
    activity = trim(activity);
    // An app writes a time on every row: a row without one is no activity of the export but a line cut short or
    // the rest of a cell cut by a line end. A problem naming its line, never an activity named by a note's words.
    time = trim(time);
    constexpr std::string_view why = "(a damaged line, or the rest of a cell cut by a line end?)";
    if (time.empty())
        throw RowError{fmt::format("the row has no time, so \"{}\" is no activity of the export {}",
                                   printable(activity), why)};
    // Read as a pump's or a feed's time is (FileImport::time): a date that does not exist (30 February) or an
    // hour past 23 is no more a time than words are.
    const auto written = split_time(time);
    if (!written || !resolve_time(*written, order_.value_or(DateOrder::mdy)))
        throw RowError{fmt::format("\"{}\" is not a time, so the row is no activity of the export {}",
                                   printable(time), why)};
    // Counted under the first spelling met ("Sleep" and "sleep" are one activity).
    const auto [it, added] =
        activity_names_.emplace(lower(activity), activity.empty() ? std::string("(none)") : printable(activity));
    ++result_.other_activities[it->second];
    skip(Skip::other_activity);
}

void FileImport::skip(Skip reason) { ++result_.skipped[reason]; }

void FileImport::namesakes(std::string_view first_name, std::vector<std::string> full_names) {
    result_.namesakes.push_back({name(), std::string(first_name), std::move(full_names)});
}

std::string_view id_prefix(ImportFormat format) {
    switch (format) {
        case ImportFormat::babybuddy: return "bb-";
        case ImportFormat::huckleberry: return "hb-";
        case ImportFormat::babytracker: return "bt-";
        case ImportFormat::babyconnect: return "bc-";
    }
    return "im-";
}

namespace {

// A child's name as the journal keeps it: a baby's name config would accept
// (trimmed, at most most_baby_name_bytes, no control character), as written; else none.
std::string journal_baby(std::string_view name) {
    try {
        const auto names = parse_babies(trim(name));
        return names.size() == 1 ? names.front() : std::string();
    } catch (const Error&) {
        return "";
    }
}

std::string number_text(const std::optional<Volume>& v) {
    return v ? json_number(round_ml(v->ml())).dump() : std::string();
}
std::string number_text(const std::optional<seconds>& d) { return d ? std::to_string(d->count()) : std::string(); }

}  // namespace

std::string import_key(ImportFormat format, std::string_view child, std::string_view rest) {
    std::string key(import_format_name(format));
    ((key += '|') += child) += '|';
    return key += rest;
}

std::string import_id(ImportFormat format, const std::string& key, int occurrence) {
    return std::string(id_prefix(format)) + sha256_hex(key + "#" + std::to_string(occurrence)).substr(0, 24);
}

void FileImport::add(Draft d) {
    const bool pump = d.type == EntryType::pump;
    // Judged as the journal would keep it (to 0.01 ml), and shown so: 1000.004 ml is the 1000 ml it is stored as.
    for (const auto* v : {&d.ml, &d.left_ml, &d.right_ml})
        if (*v && round_ml((*v)->ml()) > most_ml)
            throw RowError{fmt::format("{} ml {} is implausible (over 1000 ml)",
                                       json_number(round_ml((*v)->ml())).dump(),
                                       v == &d.ml ? (pump ? "in one pumping session" : "in one bottle")
                                                  : "from one side")};
    // An amount the journal would keep as 0 ml (it keeps 0.01 ml): "0.004ml" is not a recorded 0.
    for (const auto* v : {&d.ml, &d.left_ml, &d.right_ml})
        if (*v) {
            try {
                refuse_recorded_as_zero(**v, "check the amount and its unit");
            } catch (const Error& e) {
                throw RowError{e.what()};
            }
        }
    for (const auto* t : {&d.duration, &d.left, &d.right})
        if (*t && **t > longest_session)
            throw RowError{fmt::format("{} {} is implausible (over 3 hours)", format_duration(**t),
                                       pump ? "of pumping" : "at the breast")};
    // A feed's sides together: 1 h 40 min on each side is 3 h 20 min at the breast.
    if (!pump && d.left && d.right && *d.left + *d.right > longest_session)
        throw RowError{fmt::format("{} at the breast ({} left, {} right) is implausible (over 3 hours)",
                                   format_duration(*d.left + *d.right), format_duration(*d.left),
                                   format_duration(*d.right))};
    if (d.when.instant > options_.now + ahead_allowance)
        throw RowError{fmt::format("{} is in the future", format_date_time(d.when.instant, options_.zone))};
    // A session that started before now but ends after it is no more a past one than a start in the
    // future (its end as the entry would record it: its length, or its sides one after the other).
    const seconds length = std::max(d.duration.value_or(seconds(0)),
                                    d.left.value_or(seconds(0)) + d.right.value_or(seconds(0)));
    if (d.when.instant + length > options_.now + ahead_allowance)
        throw RowError{fmt::format("it ends at {}, in the future",
                                   format_date_time(d.when.instant + length, options_.zone))};

    // A feed's baby: the one its row names, else --baby; with several babies
    // configured and neither, refused as `log feed` refuses it (SPEC 12).
    std::string baby = pump ? std::string() : journal_baby(d.baby);
    // A child named in the row whose name no baby can have ("O'Brien, Jr": config babies is comma-separated):
    // a problem row, never a feed silently without its baby (with the feeds of other children, one baby).
    if (!pump && baby.empty() && !trim(d.baby).empty()) {
        const std::string named = printable(trim(d.baby));
        if (named.find(',') != std::string::npos)
            throw RowError{fmt::format("the child \"{}\" has a comma in the name, which a baby's name cannot have "
                                       "(config babies is comma-separated); rename the child in the app without "
                                       "it and export again",
                                       named)};
        // The name as written: a control character in it is refused, never kept as escape text. Told
        // first: an escape sequence that holds a ';' ("\x1b]0;title\x07") is not a list of names.
        const std::string_view written = trim(d.baby);
        if (const char32_t cp = invisible_character(written))
            throw RowError{fmt::format("the child's name cannot be a baby's name: \"{}\" holds an invisible "
                                       "character (U+{:04X}), so it would look like another name; rename the "
                                       "child in the app and export again",
                                       named, static_cast<std::uint32_t>(cp))};
        if (terminal_text(written) != written)  // C0, DEL, C1 and bidi controls
            throw RowError{fmt::format("the child's name cannot be a baby's name: \"{}\" holds a control character; "
                                       "rename the child in the app and export again",
                                       named)};
        try {
            parse_babies(trim(d.baby));
        } catch (const Error& e) {
            throw RowError{fmt::format("the child's name cannot be a baby's name: {}; rename the child in the app "
                                       "and export again",
                                       e.what())};
        }
        throw RowError{fmt::format("the child \"{}\" cannot be a baby's name; rename the child in the app and "
                                   "export again",
                                   named)};
    }
    // The baby given with --baby is part of the meaning of a feed whose row
    // names no child: twins' exports may hold the same rows. Pumps are the parent's.
    const bool baby_given = !pump && baby.empty() && d.child.empty() && !options_.baby.empty();
    // With no --baby, the one baby config names, as `log feed` writes it: when a second baby is named
    // later, her imported feeds stay hers. Not part of the id: a journal imported while such feeds were
    // written without a name has them under the same ids.
    if (!pump && baby.empty()) {
        try {
            if (!options_.baby.empty()) {
                baby = options_.baby;
            } else if (options_.babies.size() == 1) {
                baby = options_.babies.front();
            } else {
                baby = resolve_baby(options_.babies, "");
            }
        } catch (const Error& e) {
            throw usage_error(fmt::format("{}:{}: this feed names no baby; {}", name(), d.line, e.what()));
        }
    }

    // The id: the row's meaning (not its notes, caregiver or column order, so a
    // later export that words a row differently still matches), and how many
    // rows with the same meaning came before it in this file.
    // A breast feed's amount kept in its note ends the key only where there is one: other rows' ids are as before.
    // The key is "FORMAT|child|" and the rest, the row's meaning but its child (rest_of): a feed's id under
    // another baby's name is told from its rest (drop_duplicates).
    const auto rest_of = [&](const std::optional<seconds>& duration, const Draft& a) {
        return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}{}", d.source_id, type_name(d.type),
                           pump ? std::string_view() : name_of(d.method), d.milk, a.when.key, number_text(a.ml),
                           number_text(a.left_ml), number_text(a.right_ml), number_text(duration),
                           number_text(d.left), number_text(d.right),
                           a.noted_ml ? "|noted " + number_text(a.noted_ml) : std::string());
    };
    const auto key_of = [&](std::string_view child, const std::optional<seconds>& duration, const Draft& a) {
        return import_key(format_, lower(child), rest_of(duration, a));
    };
    // The id of the next row with this key: its digest with the number of such rows before it. The
    // count is kept by the key's first digest (#0), 128 bits of it, not by the key's text: two keys
    // whose digests begin alike would have had one id anyway (an id is 96 bits of it).
    const auto id_of = [&](const std::string& key, Occurrences& occurrences) {
        const std::string first = sha256_hex(key + "#0");
        const int occurrence = occurrences[KeyDigest::of(first)]++;
        return std::string(id_prefix(format_)) +
               (occurrence == 0 ? first : sha256_hex(key + "#" + std::to_string(occurrence))).substr(0, 24);
    };
    // Pumps are the parent's: the child Baby Buddy filed one under is not part of its id, so a pump in two
    // exports that name the child differently (or not at all) is one pump.
    const std::string_view id_child = pump         ? std::string_view()
                                      : baby_given ? std::string_view(options_.baby)
                                                   : std::string_view(d.child);
    std::string rest = rest_of(d.duration, d);
    std::string child_in_id = lower(id_child);
    const std::string key = import_key(format_, child_in_id, rest);
    const std::string id = id_of(key, occurrences_);
    // The id such a pump had while its child was part of it, so that a journal imported then does not get it twice.
    const bool filed_child = pump && !d.child.empty();
    std::string child_id;
    if (filed_child) {
        const std::string child_key = key_of(d.child, d.duration, d);
        child_id = id_of(child_key, child_occurrences_);
    }
    // The id this row had before --baby, lengths from start and end and a breast feed's noted amount
    // were part of it, so that a journal imported then does not get the row twice.
    Draft earlier = d;
    earlier.noted_ml.reset();
    if (d.sides_past_old_rounding) earlier.left_ml.reset(), earlier.right_ml.reset();
    const std::string earlier_key = key_of(d.child, d.length_from_times ? std::nullopt : d.duration, earlier);
    const std::string earlier_id = id_of(earlier_key, earlier_occurrences_);
    // The id the row has read another way (the other --unit, the other --date-order), and a feed's rest of
    // its key read so (`other_rest`: its id so under another name is told from it, drop_duplicates).
    const auto id_read_otherwise = [&](const Draft& a, Occurrences& occurrences, Occurrences& child_occurrences,
                                       std::string& other_rest) {
        std::string rest_read_otherwise = rest_of(d.duration, a);
        const std::string other_key = import_key(format_, child_in_id, rest_read_otherwise);
        if (!pump) other_rest = std::move(rest_read_otherwise);
        std::vector<std::string> ids = {id_of(other_key, occurrences)};
        if (filed_child) {
            const std::string child_key = key_of(d.child, d.duration, a);
            ids.push_back(id_of(child_key, child_occurrences));
        }
        return ids;
    };
    // The id with the other unit: each amount read from a bare number, in --unit's unit or the one the
    // file names, read again in the other (as an import with the other --unit read it, or would have
    // read an earlier export that did not name the unit).
    std::vector<std::string> other_unit_ids;
    std::string other_unit_rest;
    const BareAmount* bare_read = nullptr;
    if (!bare_amounts_.empty()) {
        Draft a = d;
        for (auto* v : {&a.ml, &a.left_ml, &a.right_ml, &a.noted_ml})
            for (const auto& bare : bare_amounts_)
                if (*v && **v == bare.read) {
                    *v = parse_amount(bare.cell, bare.unit == Unit::ml ? Unit::oz : Unit::ml);
                    if (!bare_read) bare_read = &bare;
                    break;
                }
        if (bare_read)
            other_unit_ids =
                id_read_otherwise(a, other_unit_occurrences_, child_other_unit_occurrences_, other_unit_rest);
    }

    Line line;
    if (pump) {
        PumpRecord record;
        record.at = d.when.instant;
        record.amount.total = d.ml.value_or(Volume{});
        record.amount.left = d.left_ml;
        record.amount.right = d.right_ml;
        record.duration = d.duration;
        record.note = d.note;
        line = pump_line(record, id, options_.zone);
        if (!d.ml) line.erase("ml");  // a session whose volume was not recorded
    } else {
        FeedRecord record;
        record.at = d.when.instant;
        record.method = d.method;
        record.amount = d.ml;
        record.milk = value_named<Milk>(d.milk).value_or(Milk::breast);  // "" for a bottle of breast milk
        record.left = d.left;
        record.right = d.right;
        record.duration = d.duration;
        record.note = d.note;
        record.baby = baby;
        line = feed_line(record, id, options_.zone);
    }
    // The id with the other --date-order, when it chose how this row's date reads.
    std::vector<std::string> other_order_ids;
    std::string other_order_rest;
    if (d.when.other_order_key) {
        Draft a = d;
        a.when.key = *d.when.other_order_key;
        other_order_ids =
            id_read_otherwise(a, other_order_occurrences_, child_other_order_occurrences_, other_order_rest);
    }
    ImportedEntry imported;
    imported.text = serialize(line);
    // A row whose entry the journal cannot hold (a note of a megabyte) is the row's problem, not
    // the journal's: skipped and listed like any impossible value; its note is never cut short.
    if (const char* why = line_out_of_bounds(imported.text.data(), imported.text.size()))
        throw RowError{fmt::format("its entry would be a journal line {}, more than a line may hold: the note "
                                   "is {} bytes, the line {} bytes as JSON writes it (escapes included; notes "
                                   "are not cut short)",
                                   why, d.note.size(), imported.text.size())};
    std::string error;
    Entry entry;
    if (!parse_entry_line(imported.text, entry, error))
        throw std::logic_error("import: an entry that does not read back: " + error);
    imported.id = std::move(entry.id);
    imported.baby = std::move(entry.baby);
    imported.at = entry.at.instant;
    imported.local = entry.at.local();
    imported.type = entry.type;
    imported.method = d.method;
    imported.has_volume = entry.ml.has_value();
    imported.file = name();
    imported.line = d.line;
    if (earlier_id != id) imported.earlier_id = earlier_id;
    if (!pump) {
        // What its id would be under another baby's name, or none (drop_duplicates): a feed whose row names
        // no child has --baby's name in its id, or none, whatever baby config gives it.
        imported.source = result_.files.size() - 1;
        imported.id_child = std::move(child_in_id);
        imported.child_from_row = !d.child.empty();
        imported.key_rest = std::move(rest);
    }
    imported.child_id = std::move(child_id);
    imported.other_unit_ids = std::move(other_unit_ids);
    imported.other_order_ids = std::move(other_order_ids);
    imported.other_unit_rest = std::move(other_unit_rest);
    imported.other_order_rest = std::move(other_order_rest);
    if (bare_read) {
        imported.unit_read = bare_read->unit;
        imported.unit_from_option = bare_read->from_option;
    }
    imported.order_read = order_.value_or(DateOrder::mdy);
    imported.order_from_option = order_from_option_;
    result_.entries.push_back(std::move(imported));
}

void FileImport::finish(ChildrenSeen& seen) const {
    // Only feeds' children count (pumps are the parent's): a file of pumps alone has no child --child could miss.
    if (children_.empty()) return;
    seen.files.push_back(name());
    seen.children.insert(children_.begin(), children_.end());
    seen.matched = seen.matched || child_matched_;
    seen.matched_children.insert(matched_children_.begin(), matched_children_.end());
}

std::optional<Draft> FileImport::start_draft(const CsvRecord& record, std::optional<std::size_t> column,
                                             std::string_view note) {
    const auto when = time(record, column);
    if (!when) {
        skip(Skip::no_time);
        return std::nullopt;
    }
    Draft draft;
    draft.line = record.line;
    draft.when = *when;
    draft.note = std::string(note);
    return draft;
}

}  // namespace pumplog::import_detail
