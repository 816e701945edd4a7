#include "pumplog/render/table.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {
// Terminal columns of UTF-8 text (display_width: 母乳 takes 4), skipping ANSI escape sequences.
std::size_t width(std::string_view text) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t escape = std::min(text.find('\x1B', i), text.size());
        w += display_width(text.substr(i, escape - i));
        i = std::min(text.find('m', escape), text.size() - 1) + 1;
    }
    return w;
}
}  // namespace

std::string table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = width(columns[c].header);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string& cell = c < cells.size() ? cells[c] : std::string();
            const std::size_t pad = widths[c] - width(cell);
            if (c > 0) out += "  ";
            if (columns[c].align == Align::right) out += std::string(pad, ' ') + cell;
            else out += cell + std::string(pad, ' ');
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::vector<std::string> headers;
    for (const auto& c : columns) headers.push_back(c.header);
    std::string out = line(headers);
    for (const auto& row : rows) out += line(row);
    return out;
}

bool csv_formula(std::string_view cell) {
    if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) return false;
    // A plain number: -?digits(.digits)?, as number() writes them.
    std::string_view digits = cell.substr(1);
    if (cell.front() != '-' || digits.empty()) return true;
    const std::size_t point = digits.find('.');
    const std::string_view whole = digits.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view("0") : digits.substr(point + 1);
    const auto all_digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    return !(all_digits(whole) && all_digits(fraction));
}

std::string csv_text(std::string_view cell) {
    const auto plain = [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 0x20 && c < 0x7F && c != '\\') || c == '\t' || c == '\n';
    };
    if (std::all_of(cell.begin(), cell.end(), plain)) return std::string(cell);
    // Each run between tabs, line feeds and backslashes as a terminal may show it; the tabs and line feeds
    // as they are (CSV quotes a line feed), a backslash doubled, so that no escape and no text read alike
    // (ESC is \x1b, the four characters \x1b are \\x1b). A carriage return, which would let text overwrite
    // its line, is escaped.
    std::string out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find_first_of("\t\n\\", start), cell.size());
        out += terminal_text(cell.substr(start, end - start));
        if (end < cell.size()) {
            if (cell[end] == '\\') out += '\\';
            out += cell[end];
        }
        start = end + 1;
    }
    return out;
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        const std::string cell = csv_text(cells[i]);
        // OWASP: a leading ' makes a spreadsheet show the cell as text.
        const bool formula = csv_formula(cell);
        if (cell.find_first_of(",\"\r\n") == std::string::npos) {
            if (formula) out += '\'';
            out += cell;
        } else {
            out += '"';
            if (formula) out += '\'';
            for (char ch : cell) {
                if (ch == '"') out += '"';
                out += ch;
            }
            out += '"';
        }
    }
    out += '\n';
    return out;
}

std::string number(double value) {
    std::string s;
    append_number(s, value);
    return s;
}

void append_number(std::string& out, double value) {
    if (std::isnan(value) || std::isinf(value)) return;
    // Most values are whole hundredths already (volumes are rounded to 0.1 ml
    // or 0.01 oz before): written from an integer, as "{:.2f}" would write
    // them, since a value this close to a hundredth cannot round elsewhere.
    const double hundredths = std::round(value * 100.0);
    if (std::fabs(hundredths) < 1e15 && std::fabs(value * 100.0 - hundredths) < 1e-6) {
        auto h = static_cast<long long>(hundredths);
        if (h < 0) {
            out += '-';
            h = -h;
        }
        out += fmt::format_int(h / 100).c_str();
        if (const long long cents = h % 100) {
            out += '.';
            out += static_cast<char>('0' + cents / 10);
            if (cents % 10) out += static_cast<char>('0' + cents % 10);
        }
        return;
    }
    std::string s = fmt::format("{:.2f}", value);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    out += s;
}

namespace {
std::string wrap(bool on, std::string_view code, std::string_view text) {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}
}  // namespace

std::string Style::red(std::string_view t) const { return wrap(color, "31", t); }
std::string Style::yellow(std::string_view t) const { return wrap(color, "33", t); }
std::string Style::green(std::string_view t) const { return wrap(color, "32", t); }
std::string Style::bold(std::string_view t) const { return wrap(color, "1", t); }
std::string Style::dim(std::string_view t) const { return wrap(color, "2", t); }

}  // namespace pumplog::render
