// The command table: the one list of top-level commands.
#include "context.hpp"

namespace pumplog::cli {

void setup_add(CLI::App&, Context&);
void setup_log(CLI::App&, Context&);
void setup_config(CLI::App&, Context&);
void setup_stock(CLI::App&, Context&);
void setup_report(CLI::App&, Context&);
void setup_completion(CLI::App&, Context&);
void setup_help(CLI::App&, Context&);
void setup_plan(CLI::App&, Context&);
void setup_status(CLI::App&, Context&);
void setup_pump(CLI::App&, Context&);

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"add", "record a pumping session (short for `log pump`)", setup_add},
        {"status", "today at a glance (also what bare `pumplog` prints)", setup_status},
        {"pump", "time a session as it happens: pump start, pause, resume, stop AMOUNT", setup_pump},
        {"log", "list, record, correct and check journal entries", setup_log},
        {"plan", "pumping timetable from the baby's feeding cadence (plan next, plan stash, plan bottles)", setup_plan},
        {"stock", "the stored-milk inventory, soonest to expire first", setup_stock},
        {"report", "daily, weekly, monthly and hour-of-day summaries", setup_report},
        {"config", "read and change settings", setup_config},
        {"completion", "print a shell completion script: bash, zsh or fish", setup_completion},
        {"help", "show the manual page of pumplog or of a command", setup_help},
    };
    return table;
}

const std::vector<std::string>& global_option_names() {
    static const std::vector<std::string> names = {"-j",    "--journal", "--unit",    "--now", "--color",
                                                   "--format", "--strict", "--version", "-V",    "--help", "-h"};
    return names;
}

bool global_option_takes_value(std::string_view option) {
    return option == "-j" || option == "--journal" || option == "--unit" || option == "--now" ||
           option == "--color" || option == "--format";
}

}  // namespace pumplog::cli
