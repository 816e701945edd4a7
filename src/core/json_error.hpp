#pragma once
// What a simdjson parse error means to someone reading their journal: the
// reason `log check` gives for a bad line, and the readers with it.
#include <string>
#include <string_view>

#include <simdjson.h>

namespace pumplog {

inline std::string json_error(simdjson::error_code code) {
    switch (code) {
        case simdjson::UTF8_ERROR: return "not valid UTF-8";
        case simdjson::UNESCAPED_CHARS: return "not valid JSON (a control character inside a string)";
        case simdjson::NUMBER_ERROR:
        case simdjson::NUMBER_OUT_OF_RANGE: return "not valid JSON (a number out of range)";
        case simdjson::DEPTH_ERROR: return "not valid JSON (nested too deeply)";
        case simdjson::STRING_ERROR: return "not valid JSON (a bad string escape)";
        default: return "not valid JSON";
    }
}

// Parses a line with simdjson's DOM as `log check` does: "" with `root` set when
// the line is JSON, else the reason log check gives (json_error's words, or for
// a value that is no JSON number, such as NaN, -Infinity or 0x10, which key
// holds it). An integer of more digits than 64 bits hold is read again as the
// same number written as a decimal (`widened` holds that line). With `copy`
// the line is copied first (a reader's line need not end in zeros);
// without, SIMDJSON_PADDING bytes must be readable after it. The one wording
// of JSON damage: every reader words a bad line with it (pumplog(5)).
std::string json_refusal(std::string_view text, simdjson::dom::parser& parser, std::string& widened,
                         simdjson::dom::element& root, bool copy);

}  // namespace pumplog
