#pragma once
// Small text helpers shared by the core (not part of the public headers).
#include <string>
#include <string_view>

namespace pumplog {

std::string_view trim(std::string_view text);
std::string lower(std::string_view text);
// For quoting user input in one-line error messages: control characters and
// invalid UTF-8 replaced, long input shortened.
std::string printable(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// Display width of UTF-8 text in terminal columns (one per code point).
std::size_t display_width(std::string_view text);
// Replaces invalid UTF-8 sequences with U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace pumplog
