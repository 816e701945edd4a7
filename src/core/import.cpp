// `log import`: which importer reads a file, and what the journal becomes.
#include "pumplog/import.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

using import_detail::Importer;

namespace {

const std::array<const Importer*, 4>& importers() {
    static const std::array<const Importer*, 4> all = {
        &import_detail::babybuddy_importer, &import_detail::huckleberry_importer,
        &import_detail::babytracker_importer, &import_detail::babyconnect_importer};
    return all;
}

const Importer& importer_of(ImportFormat format) {
    for (const Importer* importer : importers())
        if (importer->format == format) return *importer;
    throw std::logic_error("import: no importer for a format");
}

// The header as written, for messages: whole (it is what the user must compare), but one line.
std::string header_text(const CsvTable& table) {
    std::string out;
    for (std::size_t i = 0; i < table.header.size(); ++i) out += (i == 0 ? "" : std::string(1, table.delimiter)) + table.header[i];
    if (out.size() > 300) out = out.substr(0, 300) + "...";
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return valid_utf8(out);
}

// UTF-16 whose byte order mark was lost: the NULs of its ASCII characters all on even or all on odd bytes.
bool looks_like_utf16(std::string_view text) {
    const std::string_view sample = text.substr(0, std::min<std::size_t>(text.size(), 512) & ~std::size_t{1});
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < sample.size(); ++i)
        if (sample[i] == '\0') ++(i % 2 == 0 ? even : odd);
    const std::size_t characters = sample.size() / 2;
    return characters >= 2 && (even == 0 || odd == 0) && (even + odd) * 2 >= characters;
}

// A file that is not text at all (a spreadsheet, a zip, a program, a file with NUL bytes) is told as such,
// not as text in another encoding: "save it as UTF-8" cannot be done with an .xlsx. Before the CSV reader,
// which would read its bytes as cells. NUL is never a character of a CSV export, nor of a note.
void refuse_not_text(const SourceFile& file) {
    const std::string_view text = file.content;
    const auto starts = [&](std::string_view magic) { return text.starts_with(magic); };
    constexpr std::string_view choose_csv = "export it again choosing CSV in the app and import that";
    if (starts("PK\x03\x04") || starts("PK\x05\x06") || starts("PK\x07\x08"))
        throw usage_error(fmt::format("{} is a zip file (an Excel .xlsx workbook?), not a CSV export; {}", file.name,
                                      choose_csv));
    if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        throw usage_error(fmt::format("{} is an Excel .xls workbook (or another Office file), not a CSV export; {}",
                                      file.name, choose_csv));
    if (starts("\x7F" "ELF"))
        throw usage_error(fmt::format("{} is a program (an ELF executable), not a CSV export; {}", file.name,
                                      choose_csv));
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return;
    // UTF-16 with its byte order mark: the CSV reader says so (csv.cpp); without it, the same.
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) return;
    if (looks_like_utf16(text))
        throw usage_error(fmt::format("{}: the file is UTF-16 text (without a byte order mark); save it as UTF-8 (or "
                                      "export it again) and import that",
                                      file.name));
    throw usage_error(fmt::format("{}:{}: a NUL byte, which no CSV export holds: the file is binary or damaged; {}",
                                  file.name, csv_line_of(text, nul), choose_csv));
}

// A file in another encoding (Windows-1252 "Zo\xeb" saved by Excel) is refused, never read with
// U+FFFD in names and notes: that would corrupt them and make a baby of every misread name.
void refuse_non_utf8(const SourceFile& file) {
    const std::string_view text = file.content;
    const std::size_t at = invalid_utf8_at(text);
    if (at == std::string_view::npos) return;
    throw usage_error(fmt::format("{}:{}: not UTF-8 text (byte 0x{:02X}; Windows-1252 or Latin-1, as Excel saves "
                                  "CSV?); save it as UTF-8 (or export it again) and import that",
                                  file.name, csv_line_of(text, at), static_cast<unsigned char>(text[at])));
}

}  // namespace

std::string_view import_format_name(ImportFormat format) {
    switch (format) {
        case ImportFormat::babybuddy: return "babybuddy";
        case ImportFormat::huckleberry: return "huckleberry";
        case ImportFormat::babytracker: return "babytracker";
        case ImportFormat::babyconnect: return "babyconnect";
    }
    return "babybuddy";
}

std::string_view import_format_title(ImportFormat format) {
    switch (format) {
        case ImportFormat::babybuddy: return "Baby Buddy";
        case ImportFormat::huckleberry: return "Huckleberry";
        case ImportFormat::babytracker: return "Baby Tracker";
        case ImportFormat::babyconnect: return "Baby Connect";
    }
    return "Baby Buddy";
}

std::string import_format_list() {
    std::string out;
    for (const Importer* importer : importers())
        out += (out.empty() ? "" : ", ") + std::string(import_format_name(importer->format));
    return out;
}

ImportFormat parse_import_format(std::string_view text) {
    std::string name = lower(trim(text));
    std::erase_if(name, [](char c) { return c == ' ' || c == '-' || c == '_'; });
    for (const Importer* importer : importers())
        if (name == import_format_name(importer->format)) return importer->format;
    throw usage_error(fmt::format("\"{}\" is not an import format; use {}", printable(text), import_format_list()));
}

DateOrder parse_date_order(std::string_view text) {
    const std::string order = lower(trim(text));
    if (order == "mdy") return DateOrder::mdy;
    if (order == "dmy") return DateOrder::dmy;
    throw usage_error(fmt::format("\"{}\" is not a date order; use mdy (3/4/21 is 4 March) or dmy (3 April)",
                                  printable(text)));
}

ImportResult read_import(const std::vector<SourceFile>& files, const ImportOptions& options) {
    ImportResult result;
    import_detail::ChildrenSeen seen;
    for (const auto& file : files) {
        refuse_not_text(file);
        CsvTable table;
        try {
            table = parse_csv(file.content);
        } catch (const Error& e) {
            throw usage_error(fmt::format("{}: {}", file.name, e.what()));
        }
        if (table.header.empty()) throw usage_error(fmt::format("{} is empty: there is nothing to import", file.name));
        refuse_non_utf8(file);
        const Importer* chosen = nullptr;
        std::string kind;
        if (options.from) {
            chosen = &importer_of(*options.from);
            const auto recognised = chosen->recognise(table, file.name);
            if (!recognised)
                throw usage_error(fmt::format("{} is not a {} export: its header is \"{}\"; expected {}", file.name,
                                              import_format_title(chosen->format), header_text(table),
                                              chosen->expected));
            kind = *recognised;
        } else {
            for (const Importer* importer : importers()) {
                if (const auto recognised = importer->recognise(table, file.name)) {
                    chosen = importer;
                    kind = *recognised;
                    break;
                }
            }
            if (!chosen)
                throw usage_error(fmt::format(
                    "{} is not an export pumplog can read (its header is \"{}\"); it takes Baby Buddy feeding and "
                    "pumping CSV, Huckleberry CSV, Baby Tracker pump.csv, nursing.csv, expressed.csv and formula.csv, "
                    "and Baby Connect CSV (--from {})",
                    file.name, header_text(table), import_format_list()));
        }
        if (!options.child.empty() && !chosen->has_children)
            throw usage_error(fmt::format("{} is a {} export, which holds one child's rows: leave --child out",
                                          file.name, import_format_title(chosen->format)));
        result.files.push_back({file.name, chosen->format, kind, 0});
        import_detail::FileImport reader(options, file, table, chosen->format, result);
        chosen->read(reader, kind);
        reader.finish(seen);
    }
    // --child picks feeds from the import as a whole: refused only when none of its files has the child.
    std::string in;
    for (std::size_t i = 0; i < seen.files.size(); ++i)
        in += (i == 0 ? "" : i + 1 == seen.files.size() ? " and " : ", ") + seen.files[i];
    if (!options.child.empty() && !seen.children.empty() && !seen.matched) {
        std::string names;
        for (const auto& [key, child] : seen.children) names += (names.empty() ? "" : ", ") + child;
        throw usage_error(fmt::format("{} {} no child named \"{}\"; {} {}", in, seen.files.size() == 1 ? "has" : "have",
                                      printable(options.child), seen.files.size() == 1 ? "it has" : "they have",
                                      names));
    }
    // A --child that names two children (two Marys with other last names, a name that is another child's id)
    // picks neither: imported together, twins' feeds would be imported as if they were one child's.
    if (seen.matched_children.size() > 1) {
        std::vector<std::string> names;
        std::map<std::string_view, std::size_t> by_name;  // a name's key (the key before the id) -> children
        const auto name_of = [](const std::string& key) { return std::string_view(key).substr(0, key.find('\n')); };
        for (const auto& [key, child] : seen.matched_children) {
            names.push_back(child);
            ++by_name[name_of(key)];
        }
        // Children with one full name (Baby Buddy's two Mary Smiths) are told apart by their child id alone.
        std::vector<std::string> by_id;
        for (const auto& [key, child] : seen.matched_children) {
            if (by_name[name_of(key)] < 2) continue;
            // A shell word: the id is the file's text, pasted into a command.
            by_id.push_back("--child " + terminal_text(shell_quote(std::string_view(key).substr(key.find('\n') + 1))));
        }
        // Such a child's feeds need a name of their own too (babies_of_children): --baby.
        const std::string advice =
            by_name.size() == 1 ? fmt::format("they share one full name: give Baby Buddy's child id ({}) with "
                                              "--baby NAME",
                                              and_list(by_id, "or"))
            : by_id.empty()     ? std::string("give one child's full name or Baby Buddy's child id")
                                : fmt::format("give one child's full name, or for those who share one, Baby Buddy's "
                                              "child id ({}) with --baby NAME",
                                              and_list(by_id, "or"));
        throw usage_error(fmt::format("{} {} {} children that --child \"{}\" names: {}; {}", in,
                                      seen.files.size() == 1 ? "has" : "have", names.size(), printable(options.child),
                                      and_list(names), advice));
    }
    return result;
}

namespace {

// Refuses the rows imported before under another reading of the file (their
// id with the other unit or date order is in the journal: one of `other_ids`,
// or, for a feed whose row names no child, its id so under another name or
// none, `otherwise`) and not as they read now (their id is not in it, nor
// under another name, `as_read`): imported again they would be recorded
// twice. The reading given now is
// --unit's or --date-order's, or the file's own (a date such as 5/13/25, a
// column naming the unit); the message words it from the first such row.
template <typename Reading>
void refuse_other_reading(const ImportResult& result, const std::unordered_map<std::string, std::string>& existing,
                          const std::vector<char>& as_read, const std::vector<char>& otherwise,
                          std::vector<std::string> ImportedEntry::*other_ids, Reading ImportedEntry::*read,
                          bool ImportedEntry::*from_option, std::string_view option,
                          std::string_view (*name)(Reading), std::string_view what, std::string_view settles) {
    std::size_t count = 0;
    const ImportedEntry* first = nullptr;
    const auto in_journal = [&](const std::string& id) { return existing.contains(id); };
    for (std::size_t i = 0; i < result.entries.size(); ++i) {
        const ImportedEntry& imported = result.entries[i];
        if ((otherwise[i] || std::any_of((imported.*other_ids).begin(), (imported.*other_ids).end(), in_journal)) &&
            !existing.contains(imported.id) && !as_read[i]) {
            if (!first) first = &imported;
            ++count;
        }
    }
    if (!first) return;
    const std::string rows = count == 1 ? fmt::format("{}:{} was", first->file, first->line)
                                        : fmt::format("{}:{} and {} were", first->file, first->line,
                                                      plural(count - 1, "more row", "more rows"));
    const Reading given = first->*read;
    // Both readings are two-valued (ml or oz, mdy or dmy): the other is the one not given.
    const std::string_view other = name(given == Reading{} ? static_cast<Reading>(1) : Reading{});
    const std::string_view back = "take that import back first (restore the JOURNAL.bak it left, or remove the journal if "
                                  "that import started it, if nothing has rewritten the journal since)";
    if (first->*from_option)
        throw usage_error(fmt::format("{} imported before with {} {}; imported with {} {} they would be recorded "
                                      "twice: to correct the {}, {}, or import with {} {} again",
                                      rows, option, other, option, name(given), what, back, option, other));
    throw usage_error(fmt::format("{} imported before with {} {}; {} {} itself ({}), so they would be recorded "
                                  "twice: to correct the {}, {}, then import again",
                                  rows, option, other, first->file, settles, name(given), what, back));
}

std::string_view unit_text(Unit unit) { return unit == Unit::ml ? "ml" : "oz"; }
std::string_view order_text(DateOrder order) { return order == DateOrder::mdy ? "mdy" : "dmy"; }

// Whether a journal feed of baby `journal` and an imported one of baby `imported` may be one feed: the same
// baby, or either without a name (an import that knew no name cannot tell it from a named baby's).
bool one_baby(std::string_view journal, std::string_view imported) {
    return trim_name(journal).empty() || trim_name(imported).empty() || same_baby(journal, imported);
}

// The names the journal's feeds carry, as ids hold them (lower case), and none, and the formats whose
// imports gave it ids: read once, when first wanted.
class JournalNames {
public:
    explicit JournalNames(const std::unordered_map<std::string, std::string>& existing) : existing_(existing) {}
    const std::vector<std::string>& names() {
        read();
        return names_;
    }
    // Whether the journal holds an id of `format`: no row of it is found under any name otherwise.
    bool holds(ImportFormat format) {
        read();
        return std::find(formats_.begin(), formats_.end(), format) != formats_.end();
    }

private:
    void read() {
        if (read_) return;
        read_ = true;
        names_.emplace_back();
        constexpr ImportFormat all[] = {ImportFormat::babybuddy, ImportFormat::huckleberry, ImportFormat::babytracker,
                                        ImportFormat::babyconnect};
        std::unordered_set<std::string_view> babies;
        for (const auto& [id, baby] : existing_) {
            if (formats_.size() < std::size(all))
                for (const ImportFormat format : all)
                    if (id.starts_with(import_detail::id_prefix(format)) &&
                        std::find(formats_.begin(), formats_.end(), format) == formats_.end())
                        formats_.push_back(format);
            if (!trim_name(baby).empty() && babies.insert(baby).second) {
                std::string name = lower(baby);
                if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(std::move(name));
            }
        }
    }

    const std::unordered_map<std::string, std::string>& existing_;
    std::vector<std::string> names_;
    std::vector<ImportFormat> formats_;
    bool read_ = false;
};

// Which entries the journal holds under another name in their id, in the reading whose rest of the key
// `rest` holds (key_rest: as read now; other_unit_rest, other_order_rest: the other reading, "" for a row
// that has none): a feed whose row names no child has --baby's name in its id, or none, so the import that
// gave it another one (or none), under other config babies, gave it another id. Its id under each name the
// journal's feeds carry, and none, is the one that import gave it: the same key, and the same count of rows
// of that key before it in its file (the rows that name that child counted with those that name none).
// Found with the same baby or an unnamed one, it is the same feed. Not looked up: rows in the journal under
// their own id, or `known` (when not empty), and a row's id under its own name (in the other reading, one of
// its other_unit_ids or other_order_ids, which refuse_other_reading looks up).
std::vector<char> under_other_names(const ImportResult& result,
                                    const std::unordered_map<std::string, std::string>& existing,
                                    JournalNames& journal_names, const std::string ImportedEntry::*rest,
                                    const std::vector<char>& known) {
    std::vector<char> found(result.entries.size(), 0);
    std::vector<char> unnamed_rows(result.files.size(), 0);  // the files with feeds whose rows name no child
    bool any = false;
    for (const auto& imported : result.entries)
        if (imported.type == EntryType::feed && !imported.child_from_row && !(imported.*rest).empty() &&
            !unnamed_rows[imported.source] && journal_names.holds(result.files[imported.source].format)) {
            unnamed_rows[imported.source] = 1;
            any = true;
        }
    if (!any) return found;
    const std::vector<std::string>& names = journal_names.names();
    std::size_t source = result.files.size();
    std::unordered_map<std::string_view, int> unnamed;  // rest -> rows of the file whose rows name no child
    std::unordered_map<std::string, int> named;         // id_child|rest -> rows of the file naming that child
    for (std::size_t i = 0; i < result.entries.size(); ++i) {
        const ImportedEntry& imported = result.entries[i];
        const std::string& key_rest = imported.*rest;
        if (imported.type != EntryType::feed || !unnamed_rows[imported.source] || key_rest.empty()) continue;
        if (imported.source != source) {
            source = imported.source;
            unnamed.clear();
            named.clear();
        }
        if (imported.child_from_row) {
            ++named[imported.id_child + '|' + key_rest];
            continue;
        }
        const int before = unnamed[key_rest]++;
        if (existing.contains(imported.id) || (!known.empty() && known[i])) continue;  // in the journal as it reads
        const ImportFormat format = result.files[source].format;
        for (const auto& name : names) {
            if (name == imported.id_child) continue;
            int occurrence = before;
            if (!name.empty())
                if (const auto it = named.find(name + '|' + key_rest); it != named.end()) occurrence += it->second;
            const auto other = existing.find(
                import_detail::import_id(format, import_detail::import_key(format, name, key_rest), occurrence));
            if (other != existing.end() && one_baby(other->second, imported.baby)) {
                found[i] = 1;
                break;
            }
        }
    }
    return found;
}

}  // namespace

void drop_duplicates(ImportResult& result, const std::unordered_map<std::string, std::string>& existing) {
    JournalNames names(existing);
    const std::vector<char> other_name = under_other_names(result, existing, names, &ImportedEntry::key_rest, {});
    // Rows imported before with the other --unit: their amounts differ, so their ids do (a pump of
    // 5 ml beside one of 147.87 ml); with the other --date-order, their times (3 April beside 4 March).
    // A feed whose row names no child is looked up in that reading under every name, as in this one.
    refuse_other_reading(result, existing, other_name,
                         under_other_names(result, existing, names, &ImportedEntry::other_unit_rest, other_name),
                         &ImportedEntry::other_unit_ids, &ImportedEntry::unit_read, &ImportedEntry::unit_from_option,
                         "--unit", unit_text, "unit", "names the unit");
    refuse_other_reading(result, existing, other_name,
                         under_other_names(result, existing, names, &ImportedEntry::other_order_rest, other_name),
                         &ImportedEntry::other_order_ids, &ImportedEntry::order_read,
                         &ImportedEntry::order_from_option, "--date-order", order_text, "date order",
                         "settles the date order");
    // Imported under its earlier id: the same row only when it went to the same baby, or to none (twins'
    // exports hold the same rows, and their ids told them apart only by a baby's name given with --baby).
    // A feed whose baby is config's one baby was written without a name by imports before that: the same row.
    const auto imported_before = [&](const ImportedEntry& imported) {
        if (imported.earlier_id.empty()) return false;
        const auto found = existing.find(imported.earlier_id);
        return found != existing.end() && one_baby(found->second, imported.baby);
    };
    std::unordered_set<std::string> seen;
    std::vector<ImportedEntry> kept;
    kept.reserve(result.entries.size());
    for (std::size_t i = 0; i < result.entries.size(); ++i) {
        ImportedEntry& imported = result.entries[i];
        if (existing.contains(imported.id) || other_name[i] || imported_before(imported) ||
            (!imported.child_id.empty() && existing.contains(imported.child_id))) {
            ++result.skipped[Skip::duplicate];
            continue;
        }
        if (!seen.insert(imported.id).second) {
            ++result.skipped[Skip::repeated];
            continue;
        }
        kept.push_back(std::move(imported));
    }
    result.entries = std::move(kept);
}

void refuse_other_zone(const ImportResult& result, const std::unordered_map<std::string, std::string>& imported_at,
                       std::string_view zone) {
    std::size_t count = 0;
    const ImportedEntry* first = nullptr;
    std::string then;
    for (const ImportedEntry& imported : result.entries) {
        auto found = imported_at.find(imported.id);
        if (found == imported_at.end() && !imported.earlier_id.empty()) found = imported_at.find(imported.earlier_id);
        if (found == imported_at.end()) continue;
        const auto stamp = parse_rfc3339(found->second);
        if (!stamp || stamp->instant == imported.at) continue;
        if (!first) first = &imported, then = found->second;
        ++count;
    }
    if (!first) return;
    const std::string rows = count == 1 ? fmt::format("{}:{} was", first->file, first->line)
                                        : fmt::format("{}:{} and {} were", first->file, first->line,
                                                      plural(count - 1, "more row", "more rows"));
    throw usage_error(fmt::format("{} imported before in another zone (at {}; read in {} now, {}): imported again "
                                  "they would keep the earlier times: to correct the zone, take that import back "
                                  "first (restore the JOURNAL.bak it left, or remove the journal if that import "
                                  "started it, if nothing has rewritten the journal since), then import again",
                                  rows, printable(then), zone, first->entry().at_text));
}

namespace {

// A pump or feed as a row from another source is compared with it (drop_logged_elsewhere).
struct Session {
    int source = -1;  // the format whose import gave it (an ImportFormat), -1 for none: logged by hand
    EntryType type = EntryType::pump;
    std::string method, milk, baby, id;  // milk: a bottle's, "breast" when unnamed (as log feed takes it)
    std::optional<double> ml, left_ml, right_ml;
    std::optional<std::int64_t> dur_s, left_s, right_s;
    // The sources a row was found to be it from (bit source + 1): each source's row takes it once, so two
    // identical rows of one file are both imported, and a third source in the same run is still matched.
    unsigned taken_by = 0;
    static unsigned bit(int source) { return 1U << static_cast<unsigned>(source + 1); }

    explicit Session(const Entry& e)
        : type(e.type), method(std::string_view(e.method)),
          milk(e.method != FeedMethod::bottle ? ""
               : e.milk.empty()                 ? "breast"
                                                : std::string(std::string_view(e.milk))),
          baby(e.baby), id(e.id), ml(e.ml), left_ml(e.left_ml),
          right_ml(e.right_ml), dur_s(e.dur_s), left_s(e.left_s), right_s(e.right_s) {
        constexpr ImportFormat all[] = {ImportFormat::babybuddy, ImportFormat::huckleberry, ImportFormat::babytracker,
                                        ImportFormat::babyconnect};
        for (const ImportFormat format : all)
            if (e.id.starts_with(import_detail::id_prefix(format))) source = static_cast<int>(format);
    }

    bool same(const Session& o) const {
        // Equal at 0.1 ml: 118.25 and 118.24 ml are one amount (not two tenths rounded apart).
        const auto amount = [&](const std::optional<double>& a, const std::optional<double>& b, bool both) {
            if (!a || !b) return both ? !a && !b : true;
            return std::abs(*a - *b) < 0.05 + 1e-9;
        };
        const auto length = [](const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
            return !a || !b || std::llround(static_cast<double>(*a) / 60) == std::llround(static_cast<double>(*b) / 60);
        };
        // A bottle of formula is not the bottle of breast milk given at the same minute (review s48).
        return type == o.type && (type != EntryType::feed || (method == o.method && milk == o.milk)) &&
               one_baby(baby, o.baby) &&
               amount(ml, o.ml, true) && amount(left_ml, o.left_ml, false) && amount(right_ml, o.right_ml, false) &&
               length(dur_s, o.dur_s) && length(left_s, o.left_s) && length(right_s, o.right_s);
    }
};

// The minute of an instant: a row read with --tz, or in a fall-back night's repeated hour, is the session at
// the same instant, not one at the same wall-clock time.
std::int64_t minute_of(Seconds at) { return std::chrono::floor<std::chrono::minutes>(at.time_since_epoch()).count(); }

}  // namespace

void drop_logged_elsewhere(ImportResult& result, const std::vector<Entry>& logged) {
    // By minute: a lookup per row, never a scan of the journal for each.
    std::unordered_map<std::int64_t, std::vector<Session>> by_minute;
    for (const Entry& e : logged)
        if (e.type == EntryType::pump || e.type == EntryType::feed)
            by_minute[minute_of(e.at.instant)].emplace_back(e);
    // Rows of an earlier file of another format in this import are looked up too.
    bool formats = false;
    for (const auto& file : result.files) formats = formats || file.format != result.files.front().format;
    if (by_minute.empty() && !formats) return;
    std::vector<ImportedEntry> kept;
    kept.reserve(result.entries.size());
    for (ImportedEntry& imported : result.entries) {
        const std::int64_t minute = minute_of(imported.at);
        const auto bucket = by_minute.find(minute);
        if (bucket == by_minute.end() && !formats) {
            kept.push_back(std::move(imported));
            continue;
        }
        const Session row(imported.entry());
        const Session* found = nullptr;
        if (bucket != by_minute.end())
            for (Session& session : bucket->second)
                if (!(session.taken_by & Session::bit(row.source)) && session.source != row.source &&
                    session.same(row)) {
                    session.taken_by |= Session::bit(row.source);
                    found = &session;
                    break;
                }
        if (found) {
            result.logged_elsewhere.push_back({imported.file, imported.line, found->id});
            ++result.skipped[Skip::logged_elsewhere];
            continue;
        }
        if (formats) by_minute[minute].push_back(row);
        kept.push_back(std::move(imported));
    }
    result.entries = std::move(kept);
}

void note_new_babies(ImportResult& result, const std::vector<std::string>& babies) {
    result.new_babies.clear();
    result.configured_babies.clear();
    if (babies.empty()) return;
    const auto among = [](const std::vector<std::string>& names, std::string_view name) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return same_baby(n, name); });
    };
    for (const ImportedEntry& imported : result.entries) {
        const std::string_view baby = trim_name(imported.baby);
        if (imported.type != EntryType::feed || baby.empty() || among(babies, baby) || among(result.new_babies, baby))
            continue;
        result.new_babies.emplace_back(baby);
    }
    if (!result.new_babies.empty()) result.configured_babies = babies;
}

Entry ImportedEntry::entry() const {
    Entry out;
    std::string error;
    if (!parse_entry_line(text, out, error))
        throw std::logic_error("import: an entry that does not read back: " + error);
    return out;
}

std::string merged_journal(const std::vector<KeyedLine>& existing, const std::vector<ImportedEntry>& added) {
    // Ordered by reference, never by copies of the lines: the journal and the import may be 100,000s of lines.
    struct Placed {
        Placement key;
        const std::string* text;
    };
    std::vector<LineToPlace> to_place;
    to_place.reserve(existing.size());
    for (const auto& line : existing) to_place.push_back({line.key, line.id, line.target});
    const std::vector<Placement> placed = place_lines(to_place);  // a correction after its target
    std::vector<Placed> lines;
    lines.reserve(existing.size() + added.size());
    std::size_t size = 0;
    for (std::size_t i = 0; i < existing.size(); ++i) {
        lines.push_back({placed[i], &existing[i].text});
        size += existing[i].text.size() + 1;
    }
    for (const auto& imported : added) {
        lines.push_back({Placement{imported.at}, &imported.text});
        size += imported.text.size() + 1;
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Placed& a, const Placed& b) { return a.key < b.key; });
    std::string content;
    content.reserve(size);
    for (const auto& line : lines) {
        content += *line.text;
        content += '\n';
    }
    return content;
}

}  // namespace pumplog
