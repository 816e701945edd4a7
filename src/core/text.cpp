#include "pumplog/text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include <fmt/format.h>

namespace pumplog {

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
        if (c < 0xC2 || c > 0xDF || (next & 0xC0u) != 0x80) {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 0x20) : static_cast<char>(c);
            continue;
        }
        unsigned cp = ((c & 0x1Fu) << 6) | (next & 0x3Fu);
        const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
            (cp >= 0x410 && cp <= 0x42F))
            cp += 0x20;
        else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
        else if (cp == 0x178) cp = 0xFF;
        else if (cp >= 0x100 && cp <= 0x17E && cp != 0x130 && cp != 0x138 && cp != 0x149 &&
                 cp % 2 == (odd_upper ? 1u : 0u))
            cp += 1;
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
        ++i;
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

namespace {
// Length of the valid UTF-8 sequence at text[i], 0 when invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return 0;
    if (i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}
}  // namespace

namespace {
// The code point of the valid UTF-8 sequence of n bytes at text[i].
char32_t code_point(std::string_view text, std::size_t i, std::size_t n) {
    static constexpr unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t cp = static_cast<unsigned char>(text[i]) & lead_mask[n];
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return cp;
}

// A code point that shows nothing at all (invisible_character's list): Unicode's default ignorable
// code points and the Hangul fillers, but the joiners (U+200C, U+200D) and the variation selectors,
// which Persian and Indic names and emoji use between visible characters.
bool invisible_code_point(char32_t cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
           cp == 0x180E || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2065) || (cp >= 0x206A && cp <= 0x206F) ||
           cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
           (cp >= 0x1D173 && cp <= 0x1D17A);
}

bool joiner(char32_t cp) { return cp == 0x200C || cp == 0x200D; }

bool escaped_code_point(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0x2028 ||
           cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           invisible_code_point(cp) || (cp >= 0xE0000 && cp <= 0xE007F);
}

void append_hex(std::string& out, std::string_view prefix, unsigned value, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    out += prefix;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xF];
}
}  // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::size_t invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

std::string printable(std::string_view text) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++width) {
        if (width >= 60) {
            out += "...";
            break;
        }
        // One character (or one byte that is not UTF-8) at a time, escaped as terminal_text escapes it.
        const std::size_t n = std::max<std::size_t>(utf8_sequence(text, i), 1);
        out += terminal_text(text.substr(i, n));
        i += n;
    }
    return out;
}

std::string terminal_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t n = c < 0x80 ? 1 : utf8_sequence(text, i);
        if (n <= 1) {  // a C0 control, DEL, or a byte that is not UTF-8
            append_hex(out, "\\x", c, 2);
            ++i;
            continue;
        }
        // A joiner that joins nothing (the text's first or last character) shows nothing either.
        if (const char32_t cp = code_point(text, i, n);
            escaped_code_point(cp) || (joiner(cp) && (i == 0 || i + n == text.size()))) {
            if (cp > 0xFFFF) append_hex(out, "\\U", cp, 8);  // a tag character: \U000e0041
            else append_hex(out, "\\u", cp, 4);
        }
        else out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

char32_t invisible_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = std::max<std::size_t>(1, utf8_sequence(text, i));
        if (n > 1) {
            const char32_t cp = code_point(text, i, n);
            if (invisible_code_point(cp) || (joiner(cp) && (i == 0 || i + n == text.size()))) return cp;
        }
        i += n;
    }
    return 0;
}

namespace {
// Columns a code point takes in a terminal, as wcwidth(3) counts them (Unicode
// East Asian Width): 0 for combining marks and zero-width ones, 2 for wide and
// fullwidth ones (CJK, Hangul, fullwidth forms, most emoji), else 1.
std::size_t columns_of(char32_t cp) {
    static constexpr std::pair<char32_t, char32_t> zero[] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
        {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
        {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
        {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF}};
    static constexpr std::pair<char32_t, char32_t> wide[] = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x25FD, 0x25FE},
        {0x2614, 0x2615}, {0x2648, 0x2653}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
        {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x2753, 0x2755}, {0x2795, 0x2797},
        {0x2B1B, 0x2B1C}, {0x2E80, 0x303E}, {0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4CF},
        {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18AFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
        {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
        {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD}};
    const auto in = [cp](const auto& ranges) {
        return std::any_of(std::begin(ranges), std::end(ranges),
                           [cp](const auto& r) { return cp >= r.first && cp <= r.second; });
    };
    if (in(zero)) return 0;
    return in(wide) ? 2 : 1;
}
}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {  // not UTF-8: one column per byte, as it will be shown replaced
            ++width;
            ++i;
            continue;
        }
        width += columns_of(code_point(text, i, n));
        i += n;
    }
    return width;
}

std::string plural(long long n, std::string_view word) { return fmt::format("{} {}{}", n, word, plural_s(n)); }

std::string plural(long long n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string and_list(const std::vector<std::string>& items, std::string_view conjunction) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? fmt::format(" {} ", conjunction) : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace pumplog
