#pragma once
// Argument helpers shared by the commands.
#include <string>
#include <vector>

namespace pumplog::cli {

// argv without the program name, with "--at -2h" turned into "--at=-2h" for
// the options that take a time (CLI11 would read "-2h" as an option).
std::vector<std::string> join_negative_values(int argc, char** argv);
// Pointers for CLI11: the program name, then the arguments.
std::vector<const char*> to_argv(const std::vector<std::string>& args, const char* program);

}  // namespace pumplog::cli
