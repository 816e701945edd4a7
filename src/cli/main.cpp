// pumplog: parse the command line, run the command, map errors to exit codes.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <optional>
#include <poll.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "help_format.hpp"
#include "options.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/message_stream.hpp"
#include "pumplog/text.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"
#include "pumplog/version.hpp"

using namespace pumplog;
using namespace pumplog::cli;

namespace {

// The index of the command word (the first word that is not a global option
// or its value); args.size() when there is none.
std::size_t command_word(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return args.size();
        if (a.size() > 1 && a[0] == '-') {
            if (a.find('=') == std::string::npos && global_option_takes_value(a)) ++i;
            continue;
        }
        return i;
    }
    return args.size();
}

// "-2", "-1.5", "-5ml": a negative value, not an option (left to CLI11 as before).
bool is_number(std::string_view a) {
    return a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.');
}

// Refuses an option that neither the command nor a command above it has, with
// the closest one it has and where its options are listed (SPEC 10).
[[noreturn]] void unknown_option(CLI::App& current, const std::string& path, const std::string& typed) {
    std::vector<std::string> names;
    for (CLI::App* level = &current; level != nullptr; level = level->get_parent())
        for (const CLI::Option* o : level->get_options()) {
            for (const auto& l : o->get_lnames()) names.push_back("--" + l);
            for (const auto& s : o->get_snames()) names.push_back("-" + s);
        }
    const std::string best = typed.size() > 2 ? closest(typed, names) : std::string();
    const std::string help = path.empty() ? "pumplog --help" : "pumplog " + path + " --help";
    const std::string where = path.empty() ? std::string() : fmt::format(" for \"{}\"", path);
    if (!best.empty())
        throw usage_error(fmt::format("unknown option \"{}\"{}; did you mean {}? (see {})", printable(typed), where,
                                      best, help));
    throw usage_error(fmt::format("unknown option \"{}\"{}; see {}", printable(typed), where, help));
}

// The option `name` ("--note") of `current` or a command above it; nullptr when none has it.
const CLI::Option* find_option(CLI::App* current, const std::string& name) {
    const CLI::Option* option = nullptr;
    for (CLI::App* level = current; level != nullptr && option == nullptr; level = level->get_parent())
        option = level->get_option_no_throw(name);
    return option;
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t w = from; w < to; ++w) out += (out.empty() ? "" : " ") + words[w];
    return out;
}

// Whether `parse` reads its text: it returns, or throws (a refusal of the text).
template <typename Parse>
bool parses(Parse parse) {
    try {
        parse();
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

// The refusal of `words` typed after `option`'s one value (`name` `value`): it names the words that can belong
// to the option (up to one that starts the command's amount: "--note after work 90ml" names "work"), and
// suggests quoting them with the value only when the option would read that ("--note "after work"", "--dur
// "1 h 5 min""); a time, amount or duration that would still be refused gets no suggestion.
std::string stray_refusal(const CLI::Option& option, const std::string& name, const std::string& value,
                          const std::vector<std::string>& words) {
    std::size_t belong = words.size();
    for (std::size_t k = 1; k < words.size() && belong == words.size(); ++k)
        if (parses([&] { parse_session_amount(joined(words, k, words.size()), Unit::ml); })) belong = k;
    const std::string stray = joined(words, 0, belong);
    const std::string whole = value + " " + stray;
    const std::string type = option.get_type_name();
    bool quote = false;
    if (type.find("TIME") != std::string::npos)
        quote = parses([&] { parse_time_point(whole, Clock{Seconds{}, locate_zone("UTC")}); });
    else if (type.find("AMOUNT") != std::string::npos || type.find("DURATION") != std::string::npos || type == "A")
        quote = (type != "DURATION" && parses([&] { parse_amount(whole, Unit::ml); })) ||
                (type.find("AMOUNT") == std::string::npos && parses([&] { parse_session_duration(whole); }));
    else
        quote = type == "TEXT" || type == "NAME" || type == "LABEL" || type == "NEW-LABEL" || type == "BABY";
    std::string text = fmt::format("\"{}\" after {} {} is not understood", printable(stray), name, printable(value));
    if (quote)
        text += fmt::format(": quote an option's value of several words ({} {})", name,
                            terminal_text(shell_quote(whole)));
    return text;
}

// Below a command, refuses an unknown subcommand word with a suggestion
// (CLI11 would only say that the argument was not expected).
void check_subcommand_words(CLI::App& app, const std::vector<std::string>& args) {
    CLI::App* current = &app;
    std::string path;
    bool words = false;  // past the command's own words: only options are checked
    // The last option with a value, and the index of the word after that value.
    const CLI::Option* valued = nullptr;
    std::string valued_name, valued_value;
    std::size_t after_value = args.size();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return;
        if (a.size() > 1 && a[0] == '-') {
            // The option's name: "--store" of "--store=fridge", "-j" of "-jFILE".
            const bool attached = a.find('=') != std::string::npos || (a[1] != '-' && a.size() > 2);
            const std::string name = a[1] == '-' ? a.substr(0, a.find('=')) : a.substr(0, 2);
            const CLI::Option* option = find_option(current, name);
            if (option == nullptr && !is_number(a)) unknown_option(*current, path, name);
            if (option != nullptr && option->get_expected_min() > 0 && (attached || i + 1 < args.size())) {
                valued = option;
                valued_name = name;
                valued_value = attached ? a.substr(a[1] == '-' ? a.find('=') + 1 : 2) : args[i + 1];
                if (!attached) ++i;  // its value
                after_value = i + 1;
            }
            continue;
        }
        if (words) continue;
        const auto subcommands = current->get_subcommands([](CLI::App*) { return true; });
        if (subcommands.empty()) {
            words = true;
            continue;
        }
        std::vector<std::string> names;
        CLI::App* next = nullptr;
        for (auto* sub : subcommands) {
            names.push_back(sub->get_name());
            if (sub->get_name() == a) next = sub;
        }
        if (next != nullptr) {
            current = next;
            path += (path.empty() ? "" : " ") + a;
            continue;
        }
        // A command that takes words of its own, or the top level (checked against the command table).
        if (current == &app || !current->get_options([](CLI::Option* o) { return o->get_positional(); }).empty()) {
            words = true;
            continue;
        }
        // A word typed after an option's value ("log --since 9 xyz") is no command: named with the option.
        if (i == after_value && valued != nullptr) {
            std::vector<std::string> stray;
            for (std::size_t w = i; w < args.size() && !args[w].starts_with("-"); ++w) stray.push_back(args[w]);
            throw usage_error(stray_refusal(*valued, valued_name, valued_value, stray));
        }
        std::string list;
        for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
        const std::string best = closest(a, names);
        if (!best.empty())
            throw usage_error(fmt::format("unknown command \"{} {}\"; did you mean \"{} {}\"?", path, a, path, best));
        throw usage_error(fmt::format("unknown command \"{} {}\"; the {} commands are {}", path, a, path, list));
    }
}

// Free text typed on the command line (every option of the command run that takes TEXT: a note, a discard's
// reason; and a baby's name or a label: BABY, NAME, LABEL, NEW-LABEL) is written to the journal as typed or
// not at all: text that is not UTF-8 is refused (exit 2, before the journal is opened), as a new label is,
// never kept with U+FFFD in place of a byte under a reply that shows the byte.
void check_typed_text(const CLI::App& running) {
    for (const CLI::App* level = &running; level != nullptr; level = level->get_parent())
        for (const CLI::Option* option : level->get_options()) {
            // Free text and names alike: a name that is not UTF-8 could name no baby or container, and the
            // config command a refusal would suggest would be refused too.
            const std::string type = option->get_type_name();
            if (type != "TEXT" && type != "BABY" && type != "NAME" && type != "LABEL" && type != "NEW-LABEL") continue;
            for (const std::string& value : option->results())
                if (std::string why = not_utf8_refusal(option->get_name(), value); !why.empty())
                    throw usage_error(why);
        }
}

// Refuses `typed` (an option given without its value) as CLI11 refuses it last on the line: "--note needs a
// value (TEXT) (see pumplog add --help)", pointing at the help of the command that has the option.
[[noreturn]] void option_needs_value(CLI::App* current, const std::string& typed, const CLI::Option& option) {
    const CLI::App* owner = current;
    while (owner->get_parent() != nullptr && owner->get_option_no_throw(typed) != &option) owner = owner->get_parent();
    std::string command;
    for (; owner != nullptr && owner->get_parent() != nullptr; owner = owner->get_parent())
        command = owner->get_name() + (command.empty() ? "" : " ") + command;
    throw usage_error(fmt::format("{} needs a value ({}) (see pumplog{}{} --help)", typed, option.get_type_name(),
                                  command.empty() ? "" : " ", command));
}

// "--left 1.5 oz", "--dur 20 min": a unit word typed apart from the bare number of an option's amount or
// duration joins it ("1.5 oz"), as it does in a positional amount ("L1.5 oz"); CLI11 would take the word for
// the command's amount ("give either an amount or --left/--right" when none was given). A word joins only
// when it is a unit and the value a bare number, so nothing that was accepted is read otherwise. So does
// "am"/"pm" ("a.m.", any case) typed apart after a time option's value ending in a digit ("--at 10 am").
void join_unit_words(CLI::App& app, std::vector<std::string>& args) {
    const auto bare_number = [](std::string_view v) {
        return !v.empty() && v.find_first_not_of("0123456789.,") == std::string_view::npos &&
               v.find_first_of("0123456789") != std::string_view::npos;
    };
    const auto letters = [](std::string_view w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == '.';
        });
    };
    CLI::App* current = &app;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return;
        if (a.size() > 2 && a.starts_with("--")) {
            // "--left 1.5": its value is the next word; "--left=1.5": the rest of this one.
            const std::size_t equals = a.find('=');
            const CLI::Option* option = find_option(current, a.substr(0, equals));
            if (option == nullptr || option->get_expected_min() == 0) continue;
            const std::size_t v = equals == std::string::npos ? i + 1 : i;
            const std::size_t from = equals == std::string::npos ? 0 : equals + 1;
            // "--note --force", "--note --": a forgotten value, not the text "--force" (--note=--force is).
            if (v != i && v < args.size() && args[v].starts_with("--") &&
                (args[v] == "--" || find_option(current, args[v].substr(0, args[v].find('='))) != nullptr))
                option_needs_value(current, a, *option);
            const std::string type = option->get_type_name();
            const bool amount = type.find("AMOUNT") != std::string::npos || type == "A";
            const bool duration = type.find("DURATION") != std::string::npos || type == "A";
            const bool time = type.find("TIME") != std::string::npos;
            if (time && v + 1 < args.size() && args[v].size() > from &&
                std::isdigit(static_cast<unsigned char>(args[v].back()))) {
                const std::string meridiem = lower(args[v + 1]);
                if (meridiem == "am" || meridiem == "pm" || meridiem == "a.m." || meridiem == "p.m." ||
                    meridiem == "a.m" || meridiem == "p.m") {
                    args[v] += " " + args[v + 1];
                    args.erase(args.begin() + static_cast<std::ptrdiff_t>(v + 1));
                }
            }
            if ((amount || duration) && v + 1 < args.size() && bare_number(std::string_view(args[v]).substr(from))) {
                // The words that name the unit: one ("oz", "min"), or two ("fl oz").
                for (const std::size_t words : {std::size_t{2}, std::size_t{1}}) {
                    if (v + words >= args.size()) continue;  // not that many words left
                    std::string unit;
                    bool all_letters = true;
                    for (std::size_t w = 0; w < words; ++w) {
                        unit += (w == 0 ? "" : " ") + args[v + 1 + w];
                        all_letters = all_letters && letters(args[v + 1 + w]);
                    }
                    const std::string joined = args[v].substr(from) + " " + unit;
                    if (!all_letters || !((amount && parses([&] { parse_amount(joined, Unit::ml); })) ||
                                          (duration && parses([&] { parse_session_duration(joined); }))))
                        continue;
                    args[v] += " " + unit;
                    args.erase(args.begin() + static_cast<std::ptrdiff_t>(v + 1),
                               args.begin() + static_cast<std::ptrdiff_t>(v + 1 + words));
                    break;
                }
            }
            i = v;  // past its value
            continue;
        }
        for (CLI::App* sub : current->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == a) {
                current = sub;
                break;
            }
    }
}

// The words typed after an option's one value, up to the next option or command word ("--note after work":
// "work"): CLI11 hands them to the command's positional words, and a refusal of those names them (Context).
std::vector<WordsAfterOption> words_after_options(CLI::App& app, const std::vector<std::string>& args) {
    std::vector<WordsAfterOption> found;
    CLI::App* current = &app;
    const auto command_word_of = [&](const std::string& a) -> CLI::App* {
        for (CLI::App* sub : current->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == a) return sub;
        return nullptr;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") break;
        if (a.size() > 2 && a.starts_with("--")) {
            const std::size_t equals = a.find('=');
            const std::string name = a.substr(0, equals);
            const CLI::Option* option = find_option(current, name);
            if (option == nullptr || option->get_expected_min() != 1 || option->get_expected_max() != 1) continue;
            std::size_t next = equals == std::string::npos ? i + 2 : i + 1;  // past its value
            if (next > args.size()) break;
            WordsAfterOption after{name, equals == std::string::npos ? args[i + 1] : a.substr(equals + 1), {}, {}};
            for (; next < args.size() && !args[next].starts_with("-") && command_word_of(args[next]) == nullptr;
                 ++next)
                after.words.push_back(args[next]);
            if (!after.words.empty()) {
                after.refusal = [option, name = after.option, value = after.value, words = after.words] {
                    return stray_refusal(*option, name, value, words);
                };
                found.push_back(std::move(after));
            }
            i = next - 1;
            continue;
        }
        if (CLI::App* sub = command_word_of(a)) current = sub;
    }
    return found;
}

// Refuses an unknown command word with a suggestion before CLI11 sees it;
// returns the command word ("" when there is none).
std::string_view check_command_word(const std::vector<std::string>& args) {
    const std::size_t i = command_word(args);
    if (i == args.size()) return {};
    const std::string& a = args[i];
    std::vector<std::string> names;
    for (const auto& c : commands()) {
        if (c.name == a) return a;
        names.push_back(std::string(c.name));
    }
    // "--jurnal x status": the word is the value of a mistyped option; suggest the option.
    if (i > 0 && args[i - 1].size() > 2 && args[i - 1][0] == '-' && args[i - 1].find('=') == std::string::npos) {
        const auto& globals = global_option_names();
        const std::string& option = args[i - 1];
        if (std::find(globals.begin(), globals.end(), option) == globals.end())
            if (const std::string near = closest(option, globals); !near.empty())
                throw usage_error(fmt::format("unknown option \"{}\"; did you mean {}? (see pumplog --help)",
                                              printable(option), near));
    }
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    const std::string best = closest(a, names);
    if (!best.empty()) throw usage_error(fmt::format("unknown command \"{}\"; did you mean \"{}\"?", a, best));
    throw usage_error(fmt::format("unknown command \"{}\"; the commands are {}", a, list));
}

// CLI11's messages start with a capital and end without context; make them ours.
// CLI11's parse error as one line, pointing at the help of the command it
// was parsing (pumplog log rm --help).
std::string parse_error_text(const CLI::ParseError& e, const CLI::App& app) {
    std::string text = e.what();
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    while (!text.empty() && (text.back() == '\n' || text.back() == '.')) text.pop_back();
    for (auto& c : text)
        if (c == '\n') c = ' ';
    // "--unit: 1 required ml|oz missing" (an option given last, without its value).
    if (const auto at = text.find(": 1 required "); at != std::string::npos && text.ends_with(" missing")) {
        const std::size_t from = at + std::string_view(": 1 required ").size();
        text = fmt::format("{} needs a value ({})", text.substr(0, at),
                           text.substr(from, text.size() - std::string_view(" missing").size() - from));
    }
    // The commands parsed (pumplog, log, feed); the help pointed at is that of the deepest one that has the
    // option the message names ("--unit: ..."): a global option's is pumplog --help, not the command's.
    std::vector<const CLI::App*> chain{&app};
    while (!chain.back()->get_subcommands().empty()) chain.push_back(chain.back()->get_subcommands().front());
    const CLI::Option* option = nullptr;
    std::size_t owner = chain.size() - 1;
    if (const auto colon = text.find(": "); colon != std::string::npos && text.starts_with("-"))
        for (std::size_t i = chain.size(); i-- > 0 && option == nullptr;)
            if ((option = chain[i]->get_option_no_throw(text.substr(0, colon))) != nullptr) owner = i;
    // "--at: At Most 1 required but received 2": an option given more often than it is taken, said with what
    // was given ("--at is given twice (1:00 and 2:00); give it once").
    if (option != nullptr && text.find(": At Most 1 required but received ") != std::string::npos) {
        std::vector<std::string> given;
        for (const std::string& value : option->results())
            given.push_back(value.empty() || value.find(' ') != std::string::npos ? "\"" + printable(value) + "\""
                                                                                  : printable(value));
        const std::string name = text.substr(0, text.find(": "));
        if (given.size() < 2) text = fmt::format("{} is given more than once; give it once", name);
        else
            text = fmt::format("{} is given {} ({}); give it once", name,
                               given.size() == 2 ? std::string("twice") : fmt::format("{} times", given.size()),
                               and_list(given));
    }
    std::string command = "pumplog";
    for (std::size_t i = 1; i <= owner; ++i) command += " " + chain[i]->get_name();
    return text + " (see " + command + " --help)";
}

// A closed standard stream would give its number to the next file opened (the
// journal), and the reply would land in the journal. Stdin and stderr get
// /dev/null; stdout gets /dev/full, so that a reply written to it fails like
// any other output failure (exit 4). True when stdout was closed.
bool occupy_closed_streams() {
    bool stdout_closed = false;
    for (const int fd : {0, 1, 2}) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        int opened = fd == 1 ? ::open("/dev/full", O_WRONLY) : -1;
        if (opened == -1) opened = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (opened != -1 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
        if (fd == 1) stdout_closed = true;
    }
    return stdout_closed;
}

// Whether the write that failed with `error` went to a pipe whose reader has
// gone (`pumplog report | head -1`): EPIPE, or a pipe with no reader left.
bool reader_gone(int error) {
    if (error == EPIPE) return true;
    pollfd out{STDOUT_FILENO, 0, 0};
    return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR) != 0;
}

// SPEC 2, exit 4: the command did its work (an entry may be recorded) but its
// reply or export could not be printed. Flushes stdout; the exit code (with the
// error printed) when anything written to it was lost, nothing when all went out.
// A question whose reader left early (head) ends quietly with 0: the reader
// took what it wanted, and nothing was recorded that a retry could double.
std::optional<int> output_failed(bool stdout_closed) {
    const int flushed = std::fflush(stdout);
    const int error = errno;  // or that of the write that failed before (a long export, CLI11's help)
    if (flushed == 0 && !std::ferror(stdout)) return std::nullopt;
    const bool gone = !stdout_closed && reader_gone(error);
    const std::string why = stdout_closed ? std::string("it is closed")
                            : gone        ? std::string(std::strerror(EPIPE))
                                          : std::string(std::strerror(error ? error : EIO));
    // A command that recorded something must not be run again; a question can be.
    if (recorded_anything())
        fmt::print(stderr, "pumplog: error: cannot write to standard output ({}); the command itself was done: "
                           "do not run it again\n", why);
    else if (gone)
        return 0;
    else
        fmt::print(stderr, "pumplog: error: cannot write to standard output ({}); nothing was recorded\n", why);
    return 4;
}

}  // namespace

int main(int argc, char** argv) {
    // A reader that has gone away (a pipe into head, a crashed notifier) is an
    // output failure like a full disk (exit 4 after recording), not a silent death.
    std::signal(SIGPIPE, SIG_IGN);
    // A file-size limit (ulimit -f, systemd LimitFSIZE=) would kill the process mid-write with SIGXFSZ, a torn
    // line left in the journal; ignored, write(2) fails with EFBIG and the append is cut back (exit 3).
    std::signal(SIGXFSZ, SIG_IGN);
    const bool stdout_closed = occupy_closed_streams();
    // A notice, warning or error that cannot be shown (stderr a pipe whose reader has gone, a full disk) is
    // dropped: it never changes the exit status, and never aborts the program (fmt::print throws on a short
    // write, and a throw from the error handler below would be std::terminate, after the journal may have
    // been written). glibc lets stderr be reassigned; the stream writes to fd 2 unbuffered, as stderr does.
    if (std::FILE* messages = open_message_stream(STDERR_FILENO)) stderr = messages;
    try {
        std::vector<std::string> args = join_negative_values(argc, argv);
        // Fast path: --version needs neither the zone database nor the command tree.
        if (args.size() == 1 && (args[0] == "--version" || args[0] == "-V")) {
            std::fputs(fmt::format("pumplog {}\n", pumplog::version).c_str(), stdout);
            return output_failed(stdout_closed).value_or(0);
        }
        for (const auto& a : args)  // CLI11 would take the next word as the path
            if (a == "--journal=" || a == "-j=") throw usage_error("--journal: an empty journal path; give a file");
        const std::string_view chosen = check_command_word(args);

        Context context;
        CLI::App app{"pumplog: a journal and planner for parents who pump breast milk", "pumplog"};
        app.formatter(help_formatter());
        app.set_version_flag("-V,--version", std::string("pumplog ") + pumplog::version);
        app.require_subcommand(0, 1);  // none: status
        app.footer(
            "Examples:\n"
            "  pumplog add 90ml                    record a pumping session now\n"
            "  pumplog add L40 R50 --at 6:30am     per side, earlier today\n"
            "  pumplog log feed 120ml --bottle     the baby drank a bottle\n"
            "  pumplog plan next --within 10m      for cron: is a pump due?\n"
            "  pumplog report --format csv         daily totals for a spreadsheet\n"
            "\nExit status: 0 success, 1 nothing to say (cron queries), 2 bad usage or input,\n"
            "3 the journal could not be read or written safely, 4 done but the reply could\n"
            "not be printed (do not retry). See pumplog(1).");
        app.add_option("-j,--journal", context.journal_option, "journal file (default: $PUMPLOG_JOURNAL, else "
                                                               "$XDG_DATA_HOME/pumplog/journal.jsonl, else "
                                                               "~/.local/share/pumplog/journal.jsonl)")
            ->type_name("FILE")
            ->check(CLI::Validator(
                // An empty path would silently mean the default journal.
                [](std::string& value) { return value.empty() ? std::string("an empty journal path; give a file") : std::string(); },
                "", "given_journal"));
        app.add_option("--unit", context.unit_option, "display unit: ml or oz (default from config)")
            ->type_name("ml|oz");
        app.add_option("--now", context.now_option, "the current time, for tests and what-if questions "
                                                    "(also PUMPLOG_NOW)")
            ->type_name("TIME")
            ->check(CLI::Validator(
                [](std::string& value) { return value.empty() ? std::string("an empty time; try 2026-11-21T14:05:00+01:00") : std::string(); },
                "", "given_time"));
        app.add_option("--color", context.color_option, "colour: auto, always or never (NO_COLOR is honoured)")
            ->type_name("WHEN");
        app.add_option("--format", context.format_option, "output: table, json, csv (ics, md, svg, html where offered)")
            ->type_name("FORMAT");
        app.add_flag("--strict", context.strict, "refuse a damaged journal (exit 3) instead of skipping bad lines");

        // Only the command run needs its options (building them all was a
        // tenth of `plan next`); help and completion read the whole tree.
        const bool whole_tree = chosen.empty() || chosen == "help" || chosen == "completion";
        context.tree_read = whole_tree || std::any_of(args.begin(), args.end(), [](const std::string& a) {
                                return a == "--help" || a == "-h";
                            });
        for (const auto& command : commands()) {
            CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
            sub->fallthrough();
            if (whole_tree || command.name == chosen) command.setup(*sub, context);
        }

        join_unit_words(app, args);  // first: "log --since 9 am" has no command word "am"
        check_subcommand_words(app, args);
        context.words_after_options = words_after_options(app, args);
        // Help and the version, which CLI11 prints: lost output is exit 4 as for any reply.
        const auto printed = [stdout_closed](int code) {
            std::cout.flush();
            return output_failed(stdout_closed).value_or(code);
        };
        try {
            auto arg_pointers = to_argv(args, argv[0]);
            app.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
        } catch (const CLI::CallForHelp& e) {
            return printed(app.exit(e));
        } catch (const CLI::CallForAllHelp& e) {
            return printed(app.exit(e));
        } catch (const CLI::CallForVersion& e) {
            return printed(app.exit(e));
        } catch (const CLI::ExtrasError& e) {
            // Words left over: those typed after an option's value are named with it ("\"30 min\" after --dur 2h
            // is not understood"), others in the order typed (CLI11 lists them backwards).
            const std::vector<std::string> extras = app.remaining(true);
            for (const WordsAfterOption& after : context.words_after_options)
                if (!extras.empty() && std::search(extras.begin(), extras.end(), after.words.begin(),
                                                   after.words.end()) != extras.end())
                    throw usage_error(after.refusal());
            std::string text = parse_error_text(e, app);
            if (const auto colon = text.find(": "); !extras.empty() && colon != std::string::npos &&
                                                   text.find("not expected") < colon)
                text = text.substr(0, colon + 2) + joined(extras, 0, extras.size()) +
                       text.substr(text.rfind(" (see "));
            throw usage_error(text);
        } catch (const CLI::ParseError& e) {
            // --color is pumplog's own option, listed in pumplog --help only.
            if (std::string_view(e.what()).starts_with("--color"))
                throw usage_error("--color takes auto, always or never (see pumplog --help)");
            throw usage_error(parse_error_text(e, app));
        }
        if (!context.unit_option.empty()) parse_unit(context.unit_option);
        if (app.count("--color") && context.color_option != "auto" && context.color_option != "always" &&
            context.color_option != "never")
            throw usage_error(fmt::format("--color takes auto, always or never, not \"{}\" (see pumplog --help)",
                                          context.color_option));
        // The command run (its --format values): the deepest one given; bare
        // pumplog is `status`.
        context.running = &app;
        while (!context.running->get_subcommands().empty()) context.running = context.running->get_subcommands().front();
        if (!context.action) {
            context.running = app.get_subcommand("status");
            context.action = [&context] { return run_status(context); };
        }
        check_typed_text(*context.running);
        // Every command answers --format: one without machine output refuses
        // json or csv (exit 2, nothing written) rather than print text a
        // script would take for it.
        if (!context.format_option.empty()) context.format();
        int code = 0;
        try {
            code = context.action();
        } catch (const Error& e) {
            // A question refused over a journal that does not exist (the plan
            // has no feeds, the stash no milk) says so first (SPEC 10).
            const CLI::App* top = context.running;
            while (top->get_parent() != nullptr && top->get_parent() != &app) top = top->get_parent();
            const std::string name = top->get_name();
            // And a correction or a timer's command, refused for want of an entry or a timer (log undo,
            // rm, edit; pump stop, pause, resume): none is there without a journal.
            const std::string sub = context.running->get_name();
            const bool question = name == "plan" || name == "stock" || name == "report" || name == "status" ||
                                  (name == "log" && (sub == "undo" || sub == "rm" || sub == "edit")) ||
                                  (name == "pump" && sub != "start");
            const std::string missing = question ? context.missing_journal_prefix() : std::string();
            if (e.kind() != ErrorKind::usage || missing.empty()) throw;
            throw Error(e.kind(), missing + e.what());
        }
        if (const auto failed = output_failed(stdout_closed)) return *failed;
        context.tell_about_new_journal();
        return code;
    } catch (const Error& e) {
        std::fflush(stdout);
        // One line (SPEC 2), whatever a path or a word of the command line
        // quoted in it holds: a newline or an escape is shown, never acted on.
        fmt::print(stderr, "pumplog: error: {}\n", terminal_text(e.what()));
        return e.exit_code();
    } catch (const std::exception& e) {
        // fmt throws when a write to stdout fails (a long export to a full disk).
        if (std::ferror(stdout))
            if (const auto failed = output_failed(stdout_closed)) return *failed;
        std::fflush(stdout);
        fmt::print(stderr, "pumplog: error: {}\n", terminal_text(e.what()));
        return 3;
    }
}
