// JSON text as every --format json writes it (render/json.hpp): the exact text, with no control a terminal
// acts on written raw (SPEC 8).
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "pumplog/render/json.hpp"
#include "pumplog/text.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using pumplog::render::escape_json_controls;
using pumplog::render::json_output;

TEST_CASE("JSON output writes C1 controls as JSON escapes (u009b), as it writes ESC") {
    const nlohmann::ordered_json j = {{"note", "C1\xC2\x9B" "2J\x1B[2J\xC2\x80\xC2\x85\xC2\x9F"}};
    CHECK(json_output(j) == "{\n  \"note\": \"C1\\u009b2J\\u001b[2J\\u0080\\u0085\\u009f\"\n}\n");
}

TEST_CASE("JSON output writes the bidi controls and the separators U+2028 and U+2029 as JSON escapes") {
    CHECK(escape_json_controls("\"\xD8\x9C|\xE2\x80\x8E|\xE2\x80\x8F|\xE2\x80\xA8|\xE2\x80\xA9|\xE2\x80\xAA|"
                               "\xE2\x80\xAE|\xE2\x81\xA6|\xE2\x81\xA9\"") ==
          "\"\\u061c|\\u200e|\\u200f|\\u2028|\\u2029|\\u202a|\\u202e|\\u2066|\\u2069\"");
}

TEST_CASE("JSON output keeps other text byte for byte, the same lead bytes in letters, dashes and spaces too") {
    // U+00A0, U+00A9, U+2014, U+0627, U+1F37C, a ZWJ family, a ZWNJ inside a Persian word, U+E000 (private use).
    const std::string text = "\"Zo\xC3\xAB \xC2\xA0\xC2\xA9 \xE2\x80\x94 \xD8\xA7 \xF0\x9F\x8D\xBC \\u001b "
                             "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 \xD9\x85\xE2\x80\x8C\xD9\x8A \xEE\x80\x80\"";
    CHECK(escape_json_controls(text) == text);
    CHECK(escape_json_controls("") == "");
    CHECK(escape_json_controls("{\"ml\": 90}") == "{\"ml\": 90}");
}

TEST_CASE("JSON output escapes every character the terminal text escapes: DEL and the invisible ones too") {
    // DEL; U+00AD soft hyphen, U+034F, U+115F, U+1160, U+17B4, U+180E, U+200B, U+2060, U+2064, U+206A, U+206F,
    // U+3164, U+FEFF (BOM), U+FFA0; U+1BCA0 and U+1D173 (beyond U+FFFF: a surrogate pair); the tags U+E0001,
    // U+E0041 and U+E007F.
    CHECK(escape_json_controls("\"a\x7F" "b|\xC2\xAD|\xCD\x8F|\xE1\x85\x9F|\xE1\x85\xA0|\xE1\x9E\xB4|"
                               "\xE1\xA0\x8E|\xE2\x80\x8B|\xE2\x81\xA0|\xE2\x81\xA4|\xE2\x81\xAA|\xE2\x81\xAF|"
                               "\xE3\x85\xA4|\xEF\xBB\xBF|\xEF\xBE\xA0|\xF0\x9B\xB2\xA0|\xF0\x9D\x85\xB3|"
                               "\xF3\xA0\x80\x81|\xF3\xA0\x81\x81|\xF3\xA0\x81\xBF\"") ==
          "\"a\\u007fb|\\u00ad|\\u034f|\\u115f|\\u1160|\\u17b4|\\u180e|\\u200b|\\u2060|\\u2064|\\u206a|"
          "\\u206f|\\u3164|\\ufeff|\\uffa0|\\ud82f\\udca0|\\ud834\\udd73|\\udb40\\udc01|\\udb40\\udc41|"
          "\\udb40\\udc7f\"");
    // A joiner that joins nothing: a string's first or last character; between two characters it stays, and
    // after a quote written \" inside the string too.
    CHECK(escape_json_controls("[\"\xE2\x80\x8D" "Ada\", \"Ada\xE2\x80\x8C\", \"A\xE2\x80\x8D" "da\", "
                               "\"\\\"\xE2\x80\x8D" "x\", \"\\\\\xE2\x80\x8C\"]") ==
          "[\"\\u200dAda\", \"Ada\\u200c\", \"A\xE2\x80\x8D" "da\", \"\\\"\xE2\x80\x8D" "x\", \"\\\\\\u200c\"]");
    // Through the output of a command, keys included, as the table shows it.
    const nlohmann::ordered_json j = {{"note\xE2\x80\xA8", "B1\xE2\x80\x8B\x7F"}};
    CHECK(json_output(j) == "{\n  \"note\\u2028\": \"B1\\u200b\\u007f\"\n}\n");
}

TEST_CASE("JSON output escapes what terminal_text escapes, code point by code point") {
    // Every code point of the planes with characters (0 to 3, 14 to 16) but the surrogates, alone in a string:
    // escaped exactly when the terminal text escapes it (the joiners as the string's only character: its first
    // and last).
    for (char32_t cp = 0x20; cp <= 0x10FFFF; ++cp) {
        if (cp == 0x40000) cp = 0xE0000;
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string utf8;
        if (cp < 0x80) utf8 += static_cast<char>(cp);
        else if (cp < 0x800) utf8 += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        else if (cp < 0x10000)
            utf8 += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F))};
        else
            utf8 += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        if (cp == '"' || cp == '\\') continue;  // the dump's own escapes
        const bool terminal = pumplog::terminal_text(utf8) != utf8;
        const bool json = escape_json_controls("\"" + utf8 + "\"") != "\"" + utf8 + "\"";
        if (terminal != json) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(cp));
    }
}

TEST_CASE("JSON output read back is the exact text, controls and all") {
    std::string all;
    for (unsigned c = 0x80; c <= 0x9F; ++c) all += {'\xC2', static_cast<char>(c)};
    all += "\xE2\x80\xAE x \xE2\x81\xA6 \xE2\x80\xA8 caf\xC3\xA9 \x7F\xE2\x80\x8B\xEF\xBB\xBF\xF3\xA0\x81\x81"
           "\xE2\x80\x8D";
    const nlohmann::ordered_json j = nlohmann::ordered_json::array({{{"note", all}, {"label", "B\xC2\x9B"}}});
    const std::string out = json_output(j);
    CHECK(out.find('\xC2') == std::string::npos);
    CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(out.find('\x7F') == std::string::npos);
    CHECK(out.find("\xE2\x80\x8B") == std::string::npos);
    CHECK(nlohmann::ordered_json::parse(out) == j);
}

TEST_CASE("JSON output writes a byte that is not UTF-8 as U+FFFD") {
    CHECK(json_output(nlohmann::json("a\x9B" "b")) == "\"a\xEF\xBF\xBD" "b\"\n");
}

}  // namespace PUMPLOG_UNITY_ID
