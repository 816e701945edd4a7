// JSON text as every --format json writes it (render/json.hpp): the exact text, with no control a terminal
// acts on written raw (SPEC 8).
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "pumplog/render/json.hpp"

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
    const std::string text = "\"Zo\xC3\xAB \xC2\xA0\xC2\xA9 \xE2\x80\x94 \xE2\x80\x8B \xE2\x81\xA0 \xD8\xA7 "
                             "\xF0\x9F\x8D\xBC \\u001b\"";
    CHECK(escape_json_controls(text) == text);
    CHECK(escape_json_controls("") == "");
    CHECK(escape_json_controls("{\"ml\": 90}") == "{\"ml\": 90}");
}

TEST_CASE("JSON output read back is the exact text, controls and all") {
    std::string all;
    for (unsigned c = 0x80; c <= 0x9F; ++c) all += {'\xC2', static_cast<char>(c)};
    all += "\xE2\x80\xAE x \xE2\x81\xA6 \xE2\x80\xA8 caf\xC3\xA9";
    const nlohmann::ordered_json j = nlohmann::ordered_json::array({{{"note", all}, {"label", "B\xC2\x9B"}}});
    const std::string out = json_output(j);
    CHECK(out.find('\xC2') == std::string::npos);
    CHECK(out.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(nlohmann::ordered_json::parse(out) == j);
}

TEST_CASE("JSON output writes a byte that is not UTF-8 as U+FFFD") {
    CHECK(json_output(nlohmann::json("a\x9B" "b")) == "\"a\xEF\xBF\xBD" "b\"\n");
}

}  // namespace PUMPLOG_UNITY_ID
