#pragma once
// The command tree as the completion scripts see it: read from CLI11's own
// description of every command (the one command table), never written twice.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}

namespace pumplog::cli {

// What a value (of an option or a positional argument) can be completed with.
struct ValueSpec {
    // setting: the values of the setting named by the command's first
    // positional argument (`config set KEY VALUE`). subcommands: the
    // subcommands of the command path the positional arguments before it name
    // (`help log edit`: the top-level commands first, then log's). timers: the refs of the running pump
    // timers' starts (`pump stop --started`: another entry's ref is refused there).
    enum Kind { none, choice, file, labels, refs, timers, babies, zones, setting, subcommands };
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
    // Its --format values: those it registered (Context::accept_formats; none
    // when it prints no data); pumplog itself: every command's.
    std::vector<std::string> formats;
};

// The --format values a command registered.
using FormatsOf = std::function<std::vector<std::string>(const CLI::App&)>;

// Every visible command, the root first, then depth first in table order.
// Hidden options and commands (CLI11 group "") are left out.
std::vector<CommandSpec> command_specs(const CLI::App& root, const FormatsOf& formats_of);

// How a value is completed, from the option's type name and then its name:
//   "a|b|c" or "NAME:{a,b,c}"      exactly those lowercase words
//   FILE, PATH                     file names
//   FORMAT, PLACE, UNIT, WHEN, KEY, PERIOD   the formats, storage places, units,
//                                  colour modes, settings keys, report periods
//   LABEL, REF                     the journal's container labels, entry refs (NEW-LABEL, a label no
//                                  container has had: nothing, as for any other free text)
//   BABY                           the babies' names (config babies)
//   COMMAND (a positional)         the subcommands of the path named so far
//   VALUE (a positional after KEY) that setting's values (setting_values)
//   --unit --color --in --to --by --journal --from  by name otherwise, --started (TIME|REF) the running
//                                  pump timers' refs, and
//   --KEY (plan's setting overrides) the setting's values
ValueSpec value_spec(const CLI::Option& option);

}  // namespace pumplog::cli
