#include "pumplog/csv.hpp"

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

std::string normalize_header(std::string_view name) {
    std::string out;
    bool space = false;
    for (const char c : trim(name)) {
        if (c == ' ' || c == '\t' || c == '_' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    const std::string wanted = normalize_header(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (normalize_header(header[i]) == wanted) return i;
    return std::nullopt;
}

std::optional<std::size_t> CsvTable::column_of(std::initializer_list<std::string_view> names) const {
    for (const auto name : names)
        if (const auto i = column(name)) return i;
    return std::nullopt;
}

std::string_view CsvTable::cell(const CsvRecord& record, std::optional<std::size_t> column) const {
    if (!column || *column >= record.cells.size()) return {};
    return trim(record.cells[*column]);
}

namespace {

// The delimiter of the header line: a comma unless the line has none outside
// quotes but has semicolons or tabs.
char sniff_delimiter(std::string_view text) {
    bool quoted = false;
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == '\t') ++tabs;
    }
    if (commas > 0) return ',';
    if (semicolons >= tabs && semicolons > 0) return ';';
    if (tabs > 0) return '\t';
    return ',';
}

// Whether a lone CR ends a line: in an old Mac file, whose first line ends in one. In a file whose lines
// end in LF or CR LF, a CR not followed by LF is text (a note typed with one), never a line end: read as
// one, it would cut the row and make a row of the rest.
bool lone_cr_ends_lines(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '\n') return false;
        else if (!quoted && c == '\r') return i + 1 >= text.size() || text[i + 1] != '\n';
    }
    return false;
}

bool blank_record(const std::vector<std::string>& cells) {
    for (const auto& c : cells)
        if (!trim(c).empty()) return false;
    return true;
}

}  // namespace

std::uint64_t csv_line_of(std::string_view text, std::size_t at) {
    const bool cr_ends_lines = lone_cr_ends_lines(text);
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i)
        if (text[i] == '\n' || (cr_ends_lines && text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
            ++line;
    return line;
}

CsvTable parse_csv(std::string_view text) {
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        throw usage_error("the file is UTF-16 text; save it as UTF-8 (or export it again) and import that");
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

    CsvTable table;
    table.delimiter = sniff_delimiter(text);
    const char delimiter = table.delimiter;
    const bool cr_ends_lines = lone_cr_ends_lines(text);
    // The length of the line end at `at` (CR LF, LF, or a lone CR in an old Mac file), 0 for none.
    const auto line_end = [&](std::size_t at) -> std::size_t {
        if (text[at] == '\n') return 1;
        if (text[at] != '\r') return 0;
        if (at + 1 < text.size() && text[at + 1] == '\n') return 2;
        return cr_ends_lines ? 1 : 0;
    };

    std::uint64_t line = 1;         // the current source line
    std::uint64_t record_line = 1;  // where the current record started
    std::vector<std::string> cells;
    std::string cell;
    bool in_record = false;  // something of the current record has been read

    const auto finish_record = [&] {
        cells.push_back(std::move(cell));
        cell.clear();
        if (!blank_record(cells)) {
            if (table.header_line == 0) {
                for (auto& h : cells) h = std::string(trim(h));
                table.header = std::move(cells);
                table.header_line = record_line;
            } else {
                table.records.push_back(CsvRecord{record_line, std::move(cells)});
            }
        }
        cells.clear();
        in_record = false;
    };

    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (!in_record) {
            record_line = line;
            in_record = true;
        }
        // At the start of a cell: a quoted cell, perhaps after spaces.
        std::size_t j = i;
        while (j < n && (text[j] == ' ' || text[j] == '\t') && text[j] != delimiter) ++j;
        if (j < n && text[j] == '"') {
            const std::uint64_t opened = line;
            i = j + 1;
            bool closed = false;
            while (i < n) {
                const char c = text[i];
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (const std::size_t end = line_end(i)) {
                    // A line end inside the cell (CR LF, LF, or a lone CR in an old Mac file, as outside
                    // cells) is the file's line end, not the text's: one "\n" whatever the file's line ends,
                    // so a note reads the same from a CRLF export as from an LF one. Counted as one source
                    // line. A lone CR in a file of LF or CR LF lines is the note's own: kept as it is.
                    i += end;
                    cell += '\n';
                    ++line;
                    continue;
                }
                cell += c;
                ++i;
            }
            if (!closed)
                throw usage_error(fmt::format("a quoted cell opened on line {} is never closed", opened));
            // Anything after the closing quote up to the delimiter belongs to the cell
            // (lenient: `"abc"def` reads as abcdef; trailing spaces are trimmed by readers).
        }
        // The unquoted rest of the cell.
        // A lone CR in a file of LF or CR LF lines is the cell's text, never the end of the row.
        while (i < n && text[i] != delimiter && !line_end(i)) cell += text[i++];
        if (i >= n) break;
        if (text[i] == delimiter) {
            cells.push_back(std::move(cell));
            cell.clear();
            ++i;
            continue;
        }
        i += line_end(i);
        finish_record();
        ++line;
    }
    if (in_record) finish_record();
    return table;
}

}  // namespace pumplog
