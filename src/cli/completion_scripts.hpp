#pragma once
// The bash, zsh and fish completion scripts, written from the command tree.
#include <string>
#include <vector>

#include "completion_model.hpp"

namespace pumplog::cli {

// Each script completes commands, options, option values and positional values;
// container labels and entry refs come from `pumplog completion --list labels|refs`
// run on the journal of the command line being completed (its -j/--journal, else
// $PUMPLOG_JOURNAL, else the default journal).
std::string bash_script(const std::vector<CommandSpec>& commands);
std::string zsh_script(const std::vector<CommandSpec>& commands);
std::string fish_script(const std::vector<CommandSpec>& commands);

}  // namespace pumplog::cli
