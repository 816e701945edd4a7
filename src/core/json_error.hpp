#pragma once
// What a simdjson parse error means to someone reading their journal: the
// reason `log check` gives for a bad line, and the readers with it.
#include <string>

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

}  // namespace pumplog
