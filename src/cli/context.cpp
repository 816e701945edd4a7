#include "context.hpp"

#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "pumplog/error.hpp"

namespace pumplog::cli {

const nlohmann::json& Context::config_values() {
    if (!config_) config_ = read_config(default_config_path());
    return *config_;
}

const Settings& Context::settings() {
    if (!settings_) settings_ = settings_from(config_values());
    return *settings_;
}

const date::time_zone* Context::zone() {
    if (!zone_) {
        std::string configured;
        const auto& values = config_values();
        if (const auto it = values.find("timezone"); it != values.end() && it->is_string()) configured = *it;
        zone_ = resolve_zone(std::getenv("TZ"), configured);
    }
    return zone_;
}

const Clock& Context::clock() {
    if (!clock_) {
        Clock clock;
        clock.zone = zone();
        clock.now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        std::string now = now_option;
        if (now.empty())
            if (const char* env = std::getenv("PUMPLOG_NOW"); env && *env) now = env;
        if (!now.empty()) {
            try {
                clock.now = parse_time_point(now, clock);
            } catch (const Error& e) {
                throw usage_error(fmt::format("--now: {}", e.what()));
            }
        }
        clock_ = clock;
    }
    return *clock_;
}

Unit Context::unit() {
    if (!unit_option.empty()) return parse_unit(unit_option);
    return settings().unit;
}

Journal Context::journal() { return Journal(default_journal_path(journal_option)); }

render::Style Context::style() {
    render::Style style;
    if (color_option == "always") style.color = true;
    else if (color_option == "never") style.color = false;
    else {
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        style.color = isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
    }
    return style;
}

std::string_view format_name(Format format) {
    switch (format) {
        case Format::table: return "table";
        case Format::json: return "json";
        case Format::csv: return "csv";
        case Format::ics: return "ics";
        case Format::md: return "md";
        case Format::svg: return "svg";
        case Format::html: return "html";
    }
    return "table";
}

Format Context::format(std::initializer_list<Format> accepted) {
    const std::string name = format_option.empty() ? "table" : format_option;
    std::string list;
    for (Format f : accepted) {
        if (format_name(f) == name) return f;
        list += (list.empty() ? "" : ", ") + std::string(format_name(f));
    }
    throw usage_error(fmt::format("--format {} is not available here; use {}", name, list));
}

void Context::warn(const ReadStats& stats) const {
    const std::string path = default_journal_path(journal_option).string();
    for (const auto& bad : stats.bad)
        fmt::print(stderr, "pumplog: warning: {}:{}: {}; skipped (see pumplog log check)\n", path, bad.line, bad.reason);
}

History Context::history(const ReplayOptions& options) {
    ReplayOptions o = options;
    o.strict = o.strict || strict;
    History h = load_history(journal(), o);
    warn(h.stats);
    return h;
}

}  // namespace pumplog::cli
