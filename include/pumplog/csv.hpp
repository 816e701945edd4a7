#pragma once
// CSV as other apps write it: the one reader every importer shares.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pumplog {

// One record: its cells as written (quotes removed, "" unescaped, line ends
// inside quoted cells turned into "\n") and the source line it starts on.
struct CsvRecord {
    std::uint64_t line = 0;  // 1-based; CRLF and LF end a line, a lone CR only in a file whose first line ends in one
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<std::string> header;  // the first non-blank record, cells trimmed
    std::uint64_t header_line = 0;
    std::vector<CsvRecord> records;  // the records after the header, blank lines left out
    char delimiter = ',';

    // The index of a header cell, comparing normalised names (see
    // normalize_header); nullopt when the table has no such column.
    std::optional<std::size_t> column(std::string_view name) const;
    // The first of several spellings that the header has.
    std::optional<std::size_t> column_of(std::initializer_list<std::string_view> names) const;
    // A record's cell in a column, trimmed of surrounding whitespace; empty
    // when the column is absent or the record is shorter than the header
    // (exports drop trailing empty fields).
    std::string_view cell(const CsvRecord& record, std::optional<std::size_t> column) const;
};

// A header cell for comparison: lower case, surrounding whitespace removed,
// inner runs of whitespace (and '_') made one space: "Start  Side" and
// "start side" are the same column.
std::string normalize_header(std::string_view name);

// Reads CSV text: an optional UTF-8 byte order mark, CRLF, LF or CR-only line
// ends (CRLF and LF mixed too), quoted and unquoted cells, embedded delimiters,
// quotes and line ends in quoted cells, whitespace before an opening quote,
// ragged rows. The first line end outside quotes tells the file's kind: when it
// is a lone CR (an old Mac file), every CR, LF and CR LF ends a line; otherwise
// a CR not followed by LF is the text of its cell, quoted or not.
// The delimiter is the comma, unless the header line holds no comma outside
// quotes and does hold semicolons or tabs (spreadsheets in some locales).
// Usage error (exit 2) naming the line for a quoted cell never closed, and for
// UTF-16 text. An empty text is a table with no header.
CsvTable parse_csv(std::string_view text);

// The source line (1-based) the byte at `at` is on, counted as parse_csv counts.
std::uint64_t csv_line_of(std::string_view text, std::size_t at);

}  // namespace pumplog
