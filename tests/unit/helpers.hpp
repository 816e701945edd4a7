#pragma once
// Small helpers shared by the unit tests: instants from and to RFC 3339 text,
// entries from journal lines, clocks, and the message of a refused input.
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/time.hpp"

namespace testing {

// An append or a rewrite as a command makes one: under the journal's lock.
inline void append(pumplog::Journal& journal, const std::vector<std::string>& lines) {
    journal.with_lock([&](pumplog::LockedJournal& locked) { locked.append(lines); });
}
inline void append(pumplog::Journal&& journal, const std::vector<std::string>& lines) { append(journal, lines); }
inline void rewrite(pumplog::Journal& journal, const std::string& content) {
    journal.with_lock([&](pumplog::LockedJournal& locked) { locked.rewrite(content); });
}
inline void rewrite(pumplog::Journal&& journal, const std::string& content) { rewrite(journal, content); }

// The instant of an RFC 3339 text (the test's own data: must parse).
inline pumplog::Seconds instant(const std::string& rfc3339) {
    const auto stamp = pumplog::parse_rfc3339(rfc3339);
    if (!stamp) throw std::invalid_argument("test data is not RFC 3339: " + rfc3339);
    return stamp->instant;
}

// An instant as RFC 3339 text in UTC ("2026-11-21T13:05:00Z").
inline std::string utc_text(pumplog::Seconds t) { return pumplog::format_rfc3339(t, std::chrono::seconds(0)); }

// The entry of a journal line (the test's own data: must parse).
inline pumplog::Entry entry_of(const std::string& json) {
    pumplog::Entry e;
    std::string error;
    INFO(json);
    REQUIRE(pumplog::parse_entry_line(json, e, error));
    return e;
}

inline const date::time_zone* zone(const std::string& name) { return pumplog::locate_zone(name); }

// A clock at `now` in the zone `zone_name`.
inline pumplog::Clock clock_at(const std::string& now, const std::string& zone_name = "Europe/Berlin") {
    return pumplog::Clock{instant(now), zone(zone_name)};
}

// An instant written in the zone, for comparing with RFC 3339 text.
inline std::string local_text(pumplog::Seconds t, const std::string& zone_name = "Europe/Berlin") {
    return pumplog::format_rfc3339(t, zone(zone_name));
}

// The message of a usage error (exit 2) thrown by `body`; fails the test otherwise.
inline std::string refusal(const std::function<void()>& body, int code = 2) {
    try {
        body();
    } catch (const pumplog::Error& e) {
        CHECK(e.exit_code() == code);
        return e.what();
    }
    FAIL("expected an error with exit code " << code);
    return {};
}

}  // namespace testing

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace testing {

// A temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pumplog-unit.XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A journal line of type `type` with the id and time given, and extra fields ("" or ',"ml":90').
inline std::string line(const std::string& id, const std::string& at, const std::string& type = "pump",
                        const std::string& extra = ",\"ml\":90") {
    return "{\"v\":1,\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\"" + extra + "}";
}

}  // namespace testing
