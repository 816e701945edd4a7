// `help [COMMAND]`: the command's manual page, or its --help where man is absent.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "pumplog/error.hpp"

extern char** environ;

namespace pumplog::cli {

namespace {

// Runs a program found on PATH and waits for it; -1 when it cannot be started. With `captured`, what it
// prints is read into it (through a pipe) rather than going to pumplog's stdout.
int run(const std::vector<std::string>& args, bool quiet, std::string* captured = nullptr) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int pipe_ends[2] = {-1, -1};
    if (captured != nullptr && ::pipe2(pipe_ends, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet) {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    }
    if (captured != nullptr) posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    // pumplog ignores SIGPIPE (main); man and its pager get the default back.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int started = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (captured != nullptr) {
        ::close(pipe_ends[1]);
        if (started == 0) {
            char buffer[1 << 14];
            for (;;) {
                const ssize_t n = ::read(pipe_ends[0], buffer, sizeof buffer);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                captured->append(buffer, static_cast<std::size_t>(n));
            }
        }
        ::close(pipe_ends[0]);
    }
    if (started != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool man_has(const std::string& page) { return run({"man", "-w", page}, true) == 0; }

// The command a list of words names ("log", "edit"); usage error naming the
// commands when a word is not one.
const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& words) {
    const CLI::App* app = &root;
    std::string path = "pumplog";
    for (const auto& word : words) {
        const auto found = app->get_subcommands(
            [&word](const CLI::App* sub) { return sub->get_name() == word && !sub->get_group().empty(); });
        if (found.empty()) {
            std::string names;
            for (const CLI::App* sub : app->get_subcommands(nullptr))
                if (!sub->get_group().empty()) names += (names.empty() ? "" : ", ") + sub->get_name();
            throw usage_error(fmt::format("\"{}\" is not a command of {}; the commands are {}", word, path, names));
        }
        app = found.front();
        path += " " + word;
    }
    return *app;
}

int run_help(const CLI::App& root, const std::vector<std::string>& words) {
    const CLI::App& command = find_command(root, words);
    std::fflush(stdout);
    // git's convention: pumplog-log(1) for `log` and its subcommands, else pumplog(1); a
    // subcommand with a page of its own opens it (log import: pumplog-import(1)).
    std::vector<std::string> pages;
    for (auto word = words.rbegin(); word != words.rend(); ++word) pages.push_back("pumplog-" + *word);
    pages.emplace_back("pumplog");
    for (const std::string& page : pages) {
        if (!man_has(page)) continue;
        // On a terminal man shows the page through its pager. Anywhere else (a pipe, a file, a full disk, a
        // closed stdout) man would print it and ignore a failed write: pumplog prints man's text itself, so
        // that a page that could not be printed exits 4 as any other reply (SPEC 2), not 0.
        if (::isatty(STDOUT_FILENO)) return run({"man", page}, false) == 0 ? 0 : 3;
        std::string text;
        const int man = run({"man", page}, false, &text);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return man == 0 ? 0 : 3;
    }
    std::string name = "pumplog";
    for (const auto& w : words) name += " " + w;
    // The formatter itself: App::help() would show the parsed `help` command's own.
    fmt::print("{}", command.get_formatter()->make_help(&command, name, CLI::AppFormatMode::Normal));
    return 0;
}

}  // namespace

void setup_help(CLI::App& cmd, Context& ctx) {
    auto words = std::make_shared<std::vector<std::string>>();
    cmd.add_option("command", *words, "a command, and a subcommand: log, log edit, stock")->type_name("COMMAND");
    cmd.footer("Examples:\n"
               "  pumplog help            the manual, pumplog(1)\n"
               "  pumplog help log        pumplog-log(1), or pumplog(1) when a command has no page\n"
               "  pumplog help config set\n"
               "\nWithout man, prints the command's --help.");
    cmd.callback([&ctx, &cmd, words] {
        const CLI::App* root = &cmd;
        while (root->get_parent() != nullptr) root = root->get_parent();
        ctx.action = [root, words] { return run_help(*root, *words); };
    });
}

}  // namespace pumplog::cli
