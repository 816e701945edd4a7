#include "pumplog/render/json.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace pumplog::render {

namespace {

// The code point of the control that starts at text[at] and that JSON output escapes, or 0 (its bytes in
// `length`). The text is valid UTF-8 (the dump replaces what is not).
char32_t control_at(std::string_view text, std::size_t at, std::size_t& length) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const std::size_t left = text.size() - at;
    if (b(0) == 0xC2 && left >= 2 && b(1) >= 0x80 && b(1) <= 0x9F) {  // C1: U+0080-U+009F
        length = 2;
        return b(1);
    }
    if (b(0) == 0xD8 && left >= 2 && b(1) == 0x9C) {  // U+061C arabic letter mark
        length = 2;
        return 0x061C;
    }
    if (b(0) == 0xE2 && left >= 3 && (b(1) == 0x80 || b(1) == 0x81)) {
        const char32_t cp = 0x2000 | static_cast<char32_t>((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        if (cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            length = 3;
            return cp;
        }
    }
    return 0;
}

}  // namespace

std::string escape_json_controls(std::string text) {
    // The fast path: memchr for each lead byte (a 100k-entry log is megabytes of ASCII).
    std::size_t first = text.size();
    for (const char lead : {'\xC2', '\xD8', '\xE2'})
        if (const void* hit = std::memchr(text.data(), lead, first))
            first = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (first == text.size()) return text;

    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t copied = 0;  // text before this is in `out`
    for (std::size_t i = first; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) < 0xC2) continue;
        std::size_t length = 0;
        const char32_t cp = control_at(text, i, length);
        if (cp == 0) continue;
        out.append(text, copied, i - copied);
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
        copied = i + length;
        i = copied - 1;
    }
    out.append(text, copied);
    return out;
}

}  // namespace pumplog::render
