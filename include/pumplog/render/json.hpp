#pragma once
// JSON text as every --format json writes it: one place, so no command writes a control character raw.
#include <string>

#include <nlohmann/json.hpp>

namespace pumplog::render {

// Dumped JSON text with every character terminal_text escapes written as a \u escape (pumplog/text.hpp,
// terminal_escapes): DEL, the C1 controls U+0080-U+009F (U+009B is CSI to a terminal in UTF-8 mode, as ESC is,
// which the dump writes \u001b already), the bidi controls, the separators U+2028 and U+2029 (which also end
// a line in JavaScript before ES2019), the characters that show nothing (U+200B, U+FEFF, ...; a joiner U+200C
// or U+200D as a string's first or last character) and the tag characters (as a surrogate pair: \udb40\udc41).
// So `--format json | less` shows raw nothing that the tables show escaped. Those code points occur in JSON
// text only inside strings, so the result is the same JSON value, read back to the same text. ASCII text with
// no DEL comes back as it is, uncopied.
std::string escape_json_controls(std::string text);

// A JSON value as output: indented by 2, a byte that is not UTF-8 written U+FFFD, the controls above
// escaped, ending in "\n".
template <class Json>
std::string json_output(const Json& value) {
    return escape_json_controls(value.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

}  // namespace pumplog::render
