#pragma once
// Plain-text tables and CSV: formatting only, no computation.
#include <string>
#include <string_view>
#include <vector>

namespace pumplog::render {

enum class Align { left, right };

struct Column {
    std::string header;
    Align align = Align::left;
};

// An aligned table: a header line, then one line per row; cells may hold UTF-8
// and ANSI colour sequences (not counted in the width). No trailing spaces.
std::string table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);

// One CSV record (RFC 4180 quoting where needed), ending in "\n". A cell that
// a spreadsheet would run as a formula gets a leading ' (see csv_formula);
// control characters are written as csv_text writes them.
std::string csv_row(const std::vector<std::string>& cells);

// A cell's text for CSV, which may end up on a terminal (SPEC 8): control
// characters other than tab and line feed (a carriage return too), C1 and
// bidi controls and bytes that are not UTF-8 are written as visible escapes,
// as terminal_text writes them ("\x1b"); a backslash is written "\\", so
// the cell reads back to the exact text (ESC and the four characters \x1b
// differ); tabs and line feeds stay (a line feed quoted); other text is
// unchanged. JSON keeps the exact text.
std::string csv_text(std::string_view cell);

// Whether a spreadsheet would read a CSV cell as a formula (OWASP, "CSV
// Injection"): it begins with =, +, -, @, a tab or a carriage return and is not
// a plain number ("-5" and "-2.5" stay numbers; "-2+3" and "=1+1" do not).
bool csv_formula(std::string_view cell);

// A number for CSV/JSON text: no trailing zeros ("90", "88.72").
std::string number(double value);
// The same, appended to `out` (a report writes thousands of them).
void append_number(std::string& out, double value);

// ANSI colour, only when enabled.
struct Style {
    bool color = false;
    std::string red(std::string_view text) const;
    std::string yellow(std::string_view text) const;
    std::string green(std::string_view text) const;
    std::string bold(std::string_view text) const;
    std::string dim(std::string_view text) const;
};

}  // namespace pumplog::render
