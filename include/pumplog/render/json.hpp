#pragma once
// JSON text as every --format json writes it: one place, so no command writes a control character raw.
#include <string>

#include <nlohmann/json.hpp>

namespace pumplog::render {

// Dumped JSON text with the characters a terminal or a bidi-aware viewer would act on written as \u escapes:
// the C1 controls U+0080-U+009F (U+009B is CSI to a terminal in UTF-8 mode, as ESC is, which the dump writes
// \u001b already), the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 and the separators
// U+2028, U+2029 (the controls of terminal_text that move or recolour text; not DEL nor the invisible
// characters it also escapes, harmless on a terminal). Those code points occur in JSON text only inside strings, so the
// result is the same JSON value, read back to the same text. Text holding none of them (the lead bytes 0xC2,
// 0xD8, 0xE2 not found) comes back as it is, unscanned byte by byte.
std::string escape_json_controls(std::string text);

// A JSON value as output: indented by 2, a byte that is not UTF-8 written U+FFFD, the controls above
// escaped, ending in "\n".
template <class Json>
std::string json_output(const Json& value) {
    return escape_json_controls(value.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

}  // namespace pumplog::render
