#include "pumplog/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "unicode_tables.hpp"

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

// The code point of the valid UTF-8 sequence of n bytes at text[i].
char32_t code_point(std::string_view text, std::size_t i, std::size_t n) {
    static constexpr unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t cp = static_cast<unsigned char>(text[i]) & lead_mask[n];
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return cp;
}

namespace {
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

std::string not_utf8_refusal(std::string_view what, std::string_view text) {
    const std::size_t at = invalid_utf8_at(text);
    if (at == std::string_view::npos) return {};
    return fmt::format("{} \"{}\" is not valid UTF-8 (byte 0x{:02X} at byte {}: typed in Latin-1 or Windows-1252?); "
                       "give it in UTF-8",
                       what, printable(text), static_cast<unsigned char>(text[at]), at + 1);
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

std::string shell_quote(std::string_view text) {
    const bool bare = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || std::string_view("-_.+@%:,/=").find(c) != std::string_view::npos;
    });
    if (bare) return std::string(text);
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
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

bool terminal_escapes(char32_t cp) { return cp < 0x20 || cp == 0x7F || escaped_code_point(cp); }

bool terminal_escapes_at_edge(char32_t cp) { return joiner(cp); }

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
template <std::size_t N>
bool in_ranges(const unicode::Range (&ranges)[N], char32_t cp) {
    if (cp < ranges[0].first || cp > ranges[N - 1].last) return false;
    const auto* r = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                     [](char32_t c, const unicode::Range& range) { return c < range.first; });
    return r != std::begin(ranges) && cp <= std::prev(r)->last;
}

// Columns a code point takes in a terminal, as wcwidth(3) counts them (Unicode East Asian Width):
// 0 for combining marks and zero-width ones (ZWJ, variation selectors), 2 for wide and fullwidth ones
// (CJK, Hangul, fullwidth forms, most emoji), else 1.
std::size_t columns_of(char32_t cp) {
    if (cp < 0x300) return 1;
    if (in_ranges(unicode::zero_width, cp)) return 0;
    return in_ranges(unicode::wide, cp) ? 2 : 1;
}

// Emoji and symbols that an emoji ZWJ sequence joins: Unicode's Extended_Pictographic (emoji-data.txt, which
// python3's unicodedata lacks), by the blocks that hold it.
bool pictographic(char32_t cp) {
    return cp == 0xA9 || cp == 0xAE || cp == 0x203C || cp == 0x2049 || (cp >= 0x2100 && cp <= 0x2BFF) ||
           cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299 || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
           (cp >= 0x1FC00 && cp <= 0x1FFFD);
}

constexpr char32_t zero_width_joiner = 0x200D;

struct Cluster {
    std::size_t end;      // the byte after it
    std::size_t columns;
};

// The grapheme cluster (the character a reader sees) at text[i]: a code point and the marks and zero-width
// code points after it (e + U+0308 is one ë), an emoji with its skin tone, an emoji ZWJ sequence (a family)
// as one glyph of 2 columns. A byte that is not UTF-8 is one of 1 column, as it will be shown replaced.
Cluster cluster_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    // ASCII followed by ASCII (or the end): no table is read.
    if (byte(i) < 0x80 && (i + 1 == text.size() || byte(i + 1) < 0x80)) return {i + 1, 1};
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0) return {i + 1, 1};
    const char32_t first = code_point(text, i, n);
    std::size_t columns = first < 0x80 ? 1 : columns_of(first);
    const bool emoji = pictographic(first);
    bool joined = false, zwj_sequence = false;
    std::size_t j = i + n;
    // Two regional indicators are one flag (U+1F1E9 U+1F1EA, Germany's), of 2 columns; the text is read
    // from its start, so they pair in order.
    const auto regional = [](char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; };
    bool flag = false;
    while (j < text.size() && byte(j) >= 0x80) {
        const std::size_t m = utf8_sequence(text, j);
        if (m == 0) break;
        const char32_t cp = code_point(text, j, m);
        if (regional(first) && regional(cp) && j == i + n) flag = true;
        else if (regional(cp)) break;
        else if (joined && emoji && pictographic(cp)) zwj_sequence = true;
        else if (emoji && cp >= 0x1F3FB && cp <= 0x1F3FF) {}  // a skin tone: part of the emoji
        else if (in_ranges(unicode::spacing_marks, cp)) ++columns;
        else if (!in_ranges(unicode::zero_width, cp)) break;
        joined = cp == zero_width_joiner;
        j += m;
    }
    return {j, zwj_sequence || flag ? std::max<std::size_t>(columns, 2) : columns};
}
}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Cluster c = cluster_at(text, i);
        width += c.columns;
        i = c.end;
    }
    return width;
}

std::vector<Grapheme> graphemes(std::string_view text) {
    std::vector<Grapheme> out;
    for (std::size_t i = 0; i < text.size();) {
        const Cluster c = cluster_at(text, i);
        out.push_back({i, c.columns});
        i = c.end;
    }
    return out;
}

std::string_view cut_to_width(std::string_view text, std::size_t width) {
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Cluster c = cluster_at(text, i);
        if (used + c.columns > width) return text.substr(0, i);
        used += c.columns;
        i = c.end;
    }
    return text;
}

std::string pad_to_width(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t columns = display_width(text);
    if (columns < width) out.append(width - columns, ' ');
    return out;
}

namespace {
std::uint8_t combining_class(char32_t cp) {
    if (cp < 0x300) return 0;
    const auto* r = std::upper_bound(std::begin(unicode::combining_classes), std::end(unicode::combining_classes), cp,
                                     [](char32_t c, const unicode::CombiningClass& run) { return c < run.first; });
    return r != std::begin(unicode::combining_classes) && cp <= std::prev(r)->last ? std::prev(r)->value : 0;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Appends cp's full canonical decomposition: from the table, or computed for a Hangul syllable (Unicode 3.12).
void decompose(std::u32string& out, char32_t cp) {
    constexpr char32_t s_base = 0xAC00, l_base = 0x1100, v_base = 0x1161, t_base = 0x11A7;
    constexpr char32_t t_count = 28, n_count = 21 * 28, s_count = 19 * 21 * 28;
    if (cp >= s_base && cp < s_base + s_count) {
        const char32_t s = cp - s_base;
        out += l_base + s / n_count;
        out += v_base + (s % n_count) / t_count;
        if (s % t_count != 0) out += t_base + s % t_count;
        return;
    }
    const auto* d = std::lower_bound(std::begin(unicode::decompositions), std::end(unicode::decompositions), cp,
                                     [](const unicode::Decomposition& e, char32_t c) { return e.code_point < c; });
    if (cp < 0xC0 || d == std::end(unicode::decompositions) || d->code_point != cp) out += cp;
    else out.append(unicode::decomposed + d->at, d->size);
}

// A byte that is not UTF-8, kept through decomposition as a value no code point has.
constexpr char32_t stray_byte = 0x110000;
}  // namespace

std::string canonical_decomposition(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(text);
    std::u32string cps;
    cps.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            cps += stray_byte + static_cast<unsigned char>(text[i]);
            ++i;
        } else {
            decompose(cps, code_point(text, i, n));
            i += n;
        }
    }
    // Canonical ordering: each run of combining marks (class not 0) sorted by class, stably.
    for (std::size_t i = 0; i < cps.size();) {
        if (cps[i] >= stray_byte || combining_class(cps[i]) == 0) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < cps.size() && cps[end] < stray_byte && combining_class(cps[end]) != 0) ++end;
        std::stable_sort(cps.begin() + static_cast<std::ptrdiff_t>(i), cps.begin() + static_cast<std::ptrdiff_t>(end),
                         [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
        i = end;
    }
    std::string out;
    out.reserve(text.size() + text.size() / 2);
    for (const char32_t cp : cps) {
        if (cp >= stray_byte) out += static_cast<char>(cp - stray_byte);
        else append_utf8(out, cp);
    }
    return out;
}

std::size_t unicode_space_at(std::string_view text, std::size_t at) {
    const auto b = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0; };
    if (b(0) == 0xC2) return b(1) == 0xA0 ? 2 : 0;                                  // U+00A0
    if (b(0) == 0xE1) return b(1) == 0x9A && b(2) == 0x80 ? 3 : 0;                  // U+1680
    if (b(0) == 0xE3) return b(1) == 0x80 && b(2) == 0x80 ? 3 : 0;                  // U+3000
    if (b(0) != 0xE2) return 0;
    if (b(1) == 0x81) return b(2) == 0x9F ? 3 : 0;                                  // U+205F
    if (b(1) != 0x80) return 0;
    const unsigned c = b(2);  // U+2000-200A, U+2028, U+2029, U+202F
    return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0;
}

std::string plain_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? (c == ' ' ? 1 : 0) : unicode_space_at(text, i);
        if (n == 0) {
            out += text[i++];
        } else {
            if (out.empty() || out.back() != ' ') out += ' ';  // a run of spaces is one
            i += n;
        }
    }
    return out;
}

std::string name_key(std::string_view name) { return fold_case(canonical_decomposition(trim(plain_spaces(name)))); }

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
