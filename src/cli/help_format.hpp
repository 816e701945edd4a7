#pragma once
// How --help looks: 80 columns, wrapped descriptions, one example block per command.
#include <memory>
#include <string>
#include <string_view>

namespace CLI {
class FormatterBase;
}

namespace pumplog::cli {

// The width every --help line fits in (a terminal's default; tests check it).
inline constexpr std::size_t help_width = 80;

// Breaks `text` into lines of at most `width` columns at spaces. Continuation
// lines start with `indent` spaces. Words longer than a line stay whole.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

// The formatter for every command: set on the root before subcommands are added
// (CLI11 copies it into each subcommand when it is created).
std::shared_ptr<CLI::FormatterBase> help_formatter();

}  // namespace pumplog::cli
