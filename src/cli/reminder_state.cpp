#include "reminder_state.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/journal.hpp"

namespace pumplog::cli {

namespace fs = std::filesystem;

fs::path reminder_state_path(Context& ctx) {
    fs::path base;
    if (const char* xdg = environment("XDG_STATE_HOME"); xdg && *xdg == '/') base = xdg;
    else if (const char* home = environment("HOME"); home && *home) base = fs::path(home) / ".local" / "state";
    else base = fs::temp_directory_path();
    // The journal's one name (symlinks and .. resolved): cron's path and the
    // terminal's, spelled differently, share what was announced.
    std::error_code ec;
    fs::path journal = fs::weakly_canonical(ctx.journal().path(), ec);
    if (ec) journal = fs::absolute(ctx.journal().path(), ec);
    std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a: the same name on every run and machine
    for (const unsigned char c : journal.string()) hash = (hash ^ c) * 0x100000001b3ull;
    return base / "pumplog" / fmt::format("reminders-{:016x}.json", hash);
}

Announced read_announced(Context& ctx) {
    Announced out;
    std::ifstream in(reminder_state_path(ctx));
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

void write_announced(Context& ctx, const Announced& announced) {
    const fs::path path = reminder_state_path(ctx);
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
            fmt::print(stderr, "pumplog: warning: cannot write {}; reminders may repeat\n", path.string());
            return;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) fmt::print(stderr, "pumplog: warning: cannot write {}; reminders may repeat\n", path.string());
    else note_recorded();
}

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

void commit_announced(Context& ctx, const Announced& said) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return;  // main reports it (exit 4)
    write_announced(ctx, said);
}

}  // namespace pumplog::cli
