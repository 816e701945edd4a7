#pragma once
// The command tree as the completion scripts see it: read from CLI11's own
// description of every command (the one command table), never written twice.
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}

namespace pumplog::cli {

// What a value (of an option or a positional argument) can be completed with.
struct ValueSpec {
    enum Kind { none, choice, file, labels, refs, babies };
    Kind kind = none;
    std::vector<std::string> choices;  // for `choice`
};

struct OptionSpec {
    std::vector<std::string> names;  // "-j", "--journal"
    std::string description;
    bool takes_value = false;
    ValueSpec value;
};

struct SubcommandSpec {
    std::string name;
    std::string summary;
};

struct CommandSpec {
    std::string path;  // "" for pumplog itself, "log", "log edit"
    std::vector<SubcommandSpec> subcommands;
    std::vector<OptionSpec> options;      // its own; the root's are global (not repeated)
    std::vector<ValueSpec> positionals;   // in order
    bool last_positional_repeats = false;
};

// Every visible command, the root first, then depth first in table order.
// Hidden options and commands (CLI11 group "") are left out.
std::vector<CommandSpec> command_specs(const CLI::App& root);

// How a value is completed, from the option's type name and then its name:
//   "a|b|c" or "NAME:{a,b,c}"      exactly those lowercase words
//   FILE, PATH                     file names
//   FORMAT, PLACE, UNIT, WHEN, KEY, PERIOD   the formats, storage places, units,
//                                  colour modes, settings keys, report periods
//   LABEL, REF                     the journal's container labels, entry refs
//   BABY                           the babies' names (config babies)
//   COMMAND (a positional)         the top-level commands
//   --format --unit --color --in --to --by --journal --from  by name otherwise
ValueSpec value_spec(const CLI::Option& option);

}  // namespace pumplog::cli
