#include "reminder_state.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <string>
#include <vector>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"

namespace pumplog::cli {

namespace fs = std::filesystem;

namespace {

// Whether the state can be kept as `file` in `folder` (made when missing):
// the folder can be written, and `file` is a file or a link when it exists.
bool can_keep(const fs::path& folder, const fs::path& file) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (::access(folder.c_str(), W_OK | X_OK) != 0) return false;
    const fs::file_type type = fs::symlink_status(file, ec).type();
    return type == fs::file_type::not_found || type == fs::file_type::regular || type == fs::file_type::symlink;
}

// A folder of this user's own, made 0700 when missing (as tmux makes its
// own); false when the name is taken by anything else (another user's
// folder, a link, a folder others can write).
bool own_folder(const fs::path& folder) {
    ::mkdir(folder.c_str(), 0700);
    struct stat st {};
    return ::lstat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() &&
           (st.st_mode & 077) == 0;
}

// The fallbacks, in turn: a folder in the user's runtime folder
// ($XDG_RUNTIME_DIR, else /run/user/UID when it exists: the user's alone, so
// no one else can take a name in it), then $TMPDIR/pumplog-UID and
// /tmp/pumplog-UID, each used only when it is the user's own (own_folder).
struct Fallback {
    fs::path folder;
    bool in_private = false;  // inside a folder only the user can enter
};
std::vector<Fallback> fallback_folders() {
    std::vector<Fallback> out;
    const auto runtime = [&](const fs::path& dir) {
        struct stat st {};
        if (::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() && (st.st_mode & 077) == 0)
            out.push_back({dir / "pumplog", true});
    };
    if (const char* xdg = environment("XDG_RUNTIME_DIR"); xdg && *xdg == '/') runtime(xdg);
    runtime(fs::path("/run/user") / std::to_string(::getuid()));
    const std::string own = fmt::format("pumplog-{}", ::getuid());
    if (const char* tmp = environment("TMPDIR"); tmp && *tmp == '/') out.push_back({fs::path(tmp) / own, false});
    out.push_back({fs::path("/tmp") / own, false});
    return out;
}

// The state's file name: the journal's one name (symlinks and .. resolved) hashed, so that cron's path and
// the terminal's, spelled differently, share what was announced.
fs::path state_file_name(Context& ctx) {
    std::error_code ec;
    fs::path journal = fs::weakly_canonical(ctx.journal().path(), ec);
    if (ec) journal = fs::absolute(ctx.journal().path(), ec);
    std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a: the same name on every run and machine
    for (const unsigned char c : journal.string()) hash = (hash ^ c) * 0x100000001b3ull;
    return fmt::format("reminders-{:016x}.json", hash);
}

// Where the state is kept when its folder can be written; none with no home folder at all (the journal named
// by -j) and no XDG_STATE_HOME: ~ as the journal's (home_folder), never relative to the current folder.
std::optional<fs::path> wanted_state_path(Context& ctx) {
    fs::path base;
    if (const char* xdg = environment("XDG_STATE_HOME"); xdg && *xdg == '/') base = xdg;
    else {
        try {
            base = home_folder(environment, passwd_home, "the reminder state", "XDG_STATE_HOME") / ".local" / "state";
        } catch (const Error&) {
            return std::nullopt;
        }
    }
    return base / "pumplog" / state_file_name(ctx);
}

}  // namespace

fs::path reminder_state_path(Context& ctx, bool* fallback) {
    const std::optional<fs::path> wanted = wanted_state_path(ctx);
    const fs::path name = wanted ? wanted->filename() : state_file_name(ctx);
    if (fallback) *fallback = false;
    // A state folder that cannot be written (a read-only home, a folder made by
    // root, a folder where the file should be) would make every cron run remind
    // again: the state is kept in the user's own temporary folder then. With no
    // home at all, there from the start (said by no warning: there is no other
    // place), never in a folder of the temporary one that anyone can make.
    if (wanted && can_keep(wanted->parent_path(), *wanted)) return *wanted;
    for (const Fallback& f : fallback_folders()) {
        if (!f.in_private && !own_folder(f.folder)) continue;
        if (!can_keep(f.folder, f.folder / name)) continue;  // (made there when missing)
        if (fallback) *fallback = wanted.has_value();
        return f.folder / name;
    }
    return wanted.value_or(fs::path());  // none: nothing is kept (a reminder may repeat)
}

namespace {

// Takes the state's lock once per command (waiting as long as for the
// journal's). Without it (the folder cannot be written, or another run holds it
// too long) the command goes on: a reminder twice is better than none. Why it
// was not taken is kept for write_announced to say: a run with nothing to say
// stays silent.
void lock_state(Context& ctx, const fs::path& state) {
    if (ctx.reminder_lock || state.empty()) return;
    std::error_code ec;
    fs::create_directories(state.parent_path(), ec);
    fs::path lock = state;
    lock.replace_extension(".lock");
    // Never through a link, and only a plain file: a link planted in its place would have the
    // lock file created wherever it points.
    const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd < 0 && errno != ELOOP) return;  // a folder that cannot be written: the state falls back (above)
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) ::close(fd);
        ctx.reminder_lock_warning =
            fmt::format("cannot lock {}: it is a link or not a plain file; reminders may repeat", lock.string());
        return;
    }
    ctx.reminder_lock = std::shared_ptr<void>(nullptr, [fd](void*) { ::close(fd); });
    const auto deadline = std::chrono::steady_clock::now() + ctx.journal().lock_timeout();
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
            ctx.reminder_lock_warning = fmt::format("cannot lock {}; reminders may repeat", lock.string());
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

Announced read_announced(Context& ctx) {
    Announced out;
    const fs::path path = reminder_state_path(ctx);
    lock_state(ctx, path);
    if (path.empty()) return out;
    std::ifstream in(path);
    if (!in) return out;
    std::stringstream text;
    text << in.rdbuf();
    const auto j = nlohmann::json::parse(text.str(), nullptr, false);
    if (!j.is_object() || !j.contains("announced") || !j["announced"].is_object()) return out;
    for (const auto& [key, value] : j["announced"].items()) {
        if (!value.is_object() || !value.contains("times") || !value["times"].is_number_integer()) continue;
        Announcement a;
        a.times = value["times"].get<int>();
        if (value.contains("last") && value["last"].is_number_integer())
            a.last = Seconds(std::chrono::seconds(value["last"].get<std::int64_t>()));
        out[key] = a;
    }
    return out;
}

namespace {

// The FNV-1a hash of `text`: the same on every run and machine.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ull;
    return hash;
}

// write_announced; `quiet`: no warning at all (a run with nothing to say that tidies the state).
void write_state(Context& ctx, const Announced& announced, bool quiet) {
    bool fallback = false;
    const fs::path path = reminder_state_path(ctx, &fallback);
    // Said when something is announced (a run that reminds), not on every run: cron mails stderr too.
    // A quiet write (the state kept for a run that prints nothing) leaves the warning to the write of a run
    // that prints a reminder.
    if (!quiet) {
        for (std::string* warning : {&ctx.no_config_warning, &ctx.reminder_lock_warning}) {
            if (!warning->empty()) fmt::print(stderr, "pumplog: warning: {}\n", terminal_text(*warning));
            warning->clear();
        }
    }
    if (fallback && !quiet)
        fmt::print(stderr, "pumplog: warning: cannot write the reminder state in {}; kept in {} instead\n",
                   wanted_state_path(ctx)->parent_path().string(), path.parent_path().string());
    if (path.empty()) {
        if (!quiet)
            fmt::print(stderr, "pumplog: warning: no folder of this user's own to keep the reminder state in "
                               "(set HOME or XDG_STATE_HOME); reminders may repeat\n");
        return;
    }
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::error_code abs_ec;
    nlohmann::json j;
    j["journal"] = fs::absolute(ctx.journal().path(), abs_ec).string();
    j["announced"] = nlohmann::json::object();
    for (const auto& [key, a] : announced)
        j["announced"][key] = {{"times", a.times}, {"last", a.last.time_since_epoch().count()}};
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        if (!out) {
            if (!quiet)
                fmt::print(stderr, "pumplog: warning: cannot write {}; reminders may repeat\n",
                           terminal_text(path.string()));
            return;
        }
    }
    fs::rename(tmp, path, ec);
    if (!ec) note_recorded();
    else if (!quiet)
        fmt::print(stderr, "pumplog: warning: cannot write {}; reminders may repeat\n", terminal_text(path.string()));
}

}  // namespace

void write_announced(Context& ctx, const Announced& announced) { write_state(ctx, announced, false); }

bool announce_once(Context& ctx, Announced& announced, const std::string& key,
                   const std::function<bool(const Announcement&)>& should) {
    const auto it = announced.find(key);
    if (!should(it == announced.end() ? Announcement{} : it->second)) return false;
    ++announced[key].times;
    announced[key].last = ctx.clock().now;
    // Pump keys are "pump " and a UTC time: they sort by time.
    const std::string old = "pump " + format_rfc3339(ctx.clock().now - date::days(2), std::chrono::seconds(0));
    for (auto i = announced.begin(); i != announced.end();)
        i = i->first.starts_with("pump ") && i->first < old ? announced.erase(i) : std::next(i);
    return true;
}

bool damage_is_new(Context& ctx, const ReadStats& stats) {
    // The hash of the lines and reasons.
    const std::string what = fmt::format("{}", stats.bad_lines) + [&] {
        std::string text;
        for (const BadLine& b : stats.bad) text += fmt::format(";{}:{}", b.line, b.reason);
        return text;
    }();
    const std::string key = fmt::format("damage {:016x}", fnv1a(what));
    Announced said = read_announced(ctx);
    if (said.contains(key)) return false;
    // Only the latest damage is kept: after other damage, this one is said again.
    std::erase_if(said, [](const auto& entry) { return entry.first.starts_with("damage "); });
    said[key] = Announcement{1, ctx.clock().now};
    write_announced(ctx, said);
    return true;
}

bool error_is_new(Context& ctx, const std::string& error) {
    const std::string key = fmt::format("error {:016x}", fnv1a(error));
    Announced said = read_announced(ctx);
    const auto it = said.find(key);
    if (it != said.end() && ctx.clock().now - it->second.last < std::chrono::hours(24)) return false;
    // Only the latest error is kept: after another one, this one is said again.
    std::erase_if(said, [](const auto& entry) { return entry.first.starts_with("error "); });
    said[key] = Announcement{1, ctx.clock().now};
    write_announced(ctx, said);
    return true;
}

void forget_error(Context& ctx, Announced& said) {
    if (std::erase_if(said, [](const auto& entry) { return entry.first.starts_with("error "); }) > 0)
        write_state(ctx, said, true);
}

void commit_announced(Context& ctx, const Announced& said) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return;  // main reports it (exit 4)
    write_announced(ctx, said);
}

}  // namespace pumplog::cli
