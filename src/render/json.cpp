#include "pumplog/render/json.hpp"

#include <algorithm>
#include <string_view>

#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {

// Whether text[at] is a `"` that opens or closes a string: not one written \" inside it (an odd run of
// backslashes before it).
bool string_quote(std::string_view text, std::size_t at) {
    if (text[at] != '"') return false;
    std::size_t backslashes = 0;
    while (backslashes < at && text[at - 1 - backslashes] == '\\') ++backslashes;
    return backslashes % 2 == 0;
}

// `cp` as a JSON escape: \uHHHH, a surrogate pair beyond U+FFFF (\udb40\udc41 for the tag U+E0041).
void append_escape(std::string& out, char32_t cp) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto unit = [&](char32_t u) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xF];
    };
    if (cp <= 0xFFFF) return unit(cp);
    unit(0xD800 + ((cp - 0x10000) >> 10));
    unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
}

}  // namespace

std::string escape_json_controls(std::string text) {
    // The fast path: ASCII but DEL (a 100k-entry log is megabytes of it) comes back unscanned.
    const auto from =
        std::find_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x7F; });
    if (from == text.end()) return text;

    std::string out;
    out.reserve(text.size() + 32);
    std::size_t copied = 0;  // text before this is in `out`
    for (std::size_t i = static_cast<std::size_t>(from - text.begin()); i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x7F) {
            ++i;
            continue;
        }
        // The dump writes valid UTF-8, but the text is anyone's: a byte of none is kept as it is.
        const std::size_t length = utf8_sequence(text, i);
        if (length == 0) {
            ++i;
            continue;
        }
        const char32_t cp = code_point(text, i, length);
        // Outside strings JSON text is ASCII: a code point here is a string's. A joiner is escaped as its
        // first or last character, as terminal_text escapes it as the text's.
        const bool escaped = terminal_escapes(cp) ||
                             (terminal_escapes_at_edge(cp) && ((i > 0 && string_quote(text, i - 1)) ||
                                                               (i + length < text.size() && text[i + length] == '"')));
        if (escaped) {
            out.append(text, copied, i - copied);
            append_escape(out, cp);
            copied = i + length;
        }
        i += length;
    }
    out.append(text, copied);
    return out;
}

}  // namespace pumplog::render
