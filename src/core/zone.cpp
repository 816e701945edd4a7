// Time zones by IANA name, each read from its one file under /usr/share/zoneinfo.
//
// Why not date::locate_zone or date::current_zone: Debian's date 3.0.1 is built
// with USE_OS_TZDB=1, and its tzdb, built on first use, stats every file under
// /usr/share/zoneinfo (about 650 newfstatat and 42 getdents64 calls): 6-8 ms of
// system time on every run, more than the whole budget of `add` and `plan next`
// (SPEC 9: under 5 ms on a 100k-line journal). Even the lazily loading
// constructor time_zone(name, detail::undocumented) does not avoid it: its
// loader asks get_tzdb_list() for the leap-second table (strace shows the
// walk). So this file reads the one zone file itself and hands out a
// date::time_zone holding exactly the state date's own loader
// (time_zone::init_impl) would have built from that file, marked as loaded;
// every get_info after that runs date's own code. The zones accepted are the
// ones date's tzdb listed (checked against it in tests/unit/zone.cpp).
#include <date/tz_private.h>  // detail::transition, detail::expanded_ttinfo
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "file_descriptor.hpp"
#include "pumplog/error.hpp"
#include "pumplog/time.hpp"
#include "pumplog/text.hpp"
#include "tzif.hpp"

#if !USE_OS_TZDB
#error "zone.cpp fills the USE_OS_TZDB=1 layout of date::time_zone (Debian's build of date; see LIBRARIES.md)"
#endif

namespace pumplog {

namespace {

// date::time_zone keeps what its loader reads in private members. An explicit
// instantiation may name private members (C++20 [temp.spec.general]/6), so
// each Grant below hands out a pointer to one of them through a friend
// function. If date renames or retypes one, this fails to compile.
template <typename Tag, auto Member>
struct Grant {
    friend constexpr auto member(Tag) { return Member; }
};
struct Transitions {
    friend constexpr auto member(Transitions);
};
struct Types {
    friend constexpr auto member(Types);
};
struct LoadedFlag {
    friend constexpr auto member(LoadedFlag);
};
template struct Grant<Transitions, &date::time_zone::transitions_>;
template struct Grant<Types, &date::time_zone::ttinfos_>;
template struct Grant<LoadedFlag, &date::time_zone::adjusted_>;

constexpr std::string_view zoneinfo_dir = "/usr/share/zoneinfo/";

// An IANA name as date's tzdb listed them: components of letters, digits and
// "_+-", no empty component, nothing starting with a dot (so no ".." and no
// leading '/'), and not the folders and files date skipped ("posix*", "right",
// "Factory"). The file must still exist and be a TZif file.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 200) return false;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = std::min(name.find('/', begin), name.size());
        const std::string_view part = name.substr(begin, end - begin);
        if (part.empty() || part.starts_with("posix") || part == "right" || part == "Factory") return false;
        for (const char c : part)
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
                  c == '-'))
                return false;
        if (end == name.size()) return true;
        begin = end + 1;
    }
}

// The whole file, or nullopt when it is not a readable regular file of a
// plausible size (a zone file is a few kilobytes). O_NONBLOCK: a FIFO in its
// place must not hang the program before fstat refuses it.
std::optional<std::string> read_small_file(const std::string& path) {
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 20))
        return std::nullopt;
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        done += static_cast<std::size_t>(n);
    }
    return bytes;
}

// The zone `name` as date 3.0.1's time_zone::init_impl builds it from `data`:
// times before the year -32767 clamped to it; a first transition at that
// instant to the first standard-time type when the file has none there; and a
// transition that changes neither offset, abbreviation nor daylight saving
// dropped.
std::unique_ptr<date::time_zone> make_zone(const std::string& name, const tzif::Data& data) {
    auto zone = std::make_unique<date::time_zone>(name, date::detail::undocumented{});
    auto& types = (*zone).*member(Types{});
    auto& transitions = (*zone).*member(Transitions{});
    types.reserve(data.types.size());  // transitions point into it: no reallocation after this
    for (const tzif::LocalTimeType& t : data.types) types.push_back({t.offset, t.abbrev, t.is_dst});

    const date::sys_seconds first = date::sys_days(date::year::min() / date::January / 1);
    transitions.reserve(data.transitions.size() + 1);
    if (data.transitions.empty() || data.transitions.front().at > first) {
        auto standard = std::find_if(types.begin(), types.end(), [](const auto& t) { return !t.is_dst; });
        if (standard == types.end()) standard = types.begin();
        transitions.emplace_back(first, &*standard);
    }
    for (const tzif::Transition& t : data.transitions) transitions.emplace_back(std::max(t.at, first), &types[t.type]);
    const auto same = [](const date::detail::transition& a, const date::detail::transition& b) {
        return a.info->offset == b.info->offset && a.info->abbrev == b.info->abbrev && a.info->is_dst == b.info->is_dst;
    };
    transitions.erase(std::unique(transitions.begin(), transitions.end(), same), transitions.end());

    // Loaded: date's get_info runs its loader once through this flag; it has run.
    std::call_once(*((*zone).*member(LoadedFlag{})), [] {});
    return zone;
}

// The zones read so far, alive for the whole program (callers keep pointers).
class Zones {
public:
    // nullptr when `name` is not a zone.
    const date::time_zone* find(std::string_view name) {
        if (!plausible_name(name)) return nullptr;
        const std::lock_guard lock(mutex_);
        if (const auto it = loaded_.find(name); it != loaded_.end()) return it->second.get();
        const std::string key(name);
        const auto bytes = read_small_file(std::string(zoneinfo_dir) + key);
        if (!bytes) return nullptr;
        const auto data = tzif::parse(*bytes);
        if (!data) return nullptr;
        return loaded_.emplace(key, make_zone(key, *data)).first->second.get();
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<date::time_zone>, std::less<>> loaded_;
};

Zones& zones() {
    static Zones* const all = new Zones;  // never destroyed: zone pointers outlive static destructors
    return *all;
}

// UTC without a file, the last resort of a system with no zoneinfo at all.
const date::time_zone* builtin_utc() {
    static const date::time_zone* const utc =
        make_zone("UTC", tzif::Data{{}, {tzif::LocalTimeType{std::chrono::seconds(0), "UTC", false}}}).release();
    return utc;
}

// The system's zone: the name /etc/localtime links to (the part after
// "zoneinfo/", as date::current_zone reads it), else /etc/timezone, else UTC.
const date::time_zone* system_zone() {
    char target[PATH_MAX];
    const ssize_t n = ::readlink("/etc/localtime", target, sizeof target);
    if (n > 0) {
        const std::string_view link(target, static_cast<std::size_t>(n));
        constexpr std::string_view marker = "zoneinfo/";
        if (const auto at = link.find(marker); at != std::string_view::npos)
            if (const auto* zone = zones().find(link.substr(at + marker.size()))) return zone;
    }
    std::ifstream in("/etc/timezone");
    std::string name;
    if (in >> name)
        if (const auto* zone = zones().find(name)) return zone;
    if (const auto* zone = zones().find("UTC")) return zone;
    return builtin_utc();
}

}  // namespace

const date::time_zone* locate_zone(std::string_view name) {
    if (const auto* zone = zones().find(name)) return zone;
    throw usage_error(fmt::format("\"{}\" is not a known time zone; use an IANA name such as "
                                  "Europe/Berlin or America/New_York",
                                  printable(name)));
}

std::vector<std::string> zone_names() {
    std::vector<std::string> names;
    // tzdata.zi, the zic input Debian's tzdata installs: "Z NAME ..." a zone,
    // "L TARGET NAME" a link (an older name such as US/Eastern).
    if (const auto text = read_small_file(std::string(zoneinfo_dir) + "tzdata.zi")) {
        std::size_t begin = 0;
        while (begin < text->size()) {
            std::size_t end = text->find('\n', begin);
            if (end == std::string::npos) end = text->size();
            const std::string_view line(text->data() + begin, end - begin);
            begin = end + 1;
            if (line.size() < 3 || line[1] != ' ' || (line[0] != 'Z' && line[0] != 'L')) continue;
            std::string_view rest = line.substr(2);
            if (line[0] == 'L') {  // the link's own name is its second word
                const std::size_t space = rest.find(' ');
                if (space == std::string_view::npos) continue;
                rest.remove_prefix(space + 1);
            }
            const std::string_view name = rest.substr(0, rest.find(' '));
            // A link whose file is not installed (Debian's tzdata-legacy) is left out.
            if (plausible_name(name) && ::access((std::string(zoneinfo_dir) + std::string(name)).c_str(), R_OK) == 0)
                names.emplace_back(name);
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

const date::time_zone* resolve_zone(const char* tz_env, std::string_view configured) {
    if (tz_env != nullptr && *tz_env != '\0') {
        std::string_view name = tz_env;
        if (name.front() == ':') name.remove_prefix(1);
        if (name.starts_with(zoneinfo_dir)) name.remove_prefix(zoneinfo_dir.size());
        if (name == "/etc/localtime") return system_zone();
        if (name.find(',') != std::string_view::npos ||
            (name.find_first_of("0123456789") != std::string_view::npos && name.find('/') == std::string_view::npos &&
             name.find_first_of("+-") != std::string_view::npos))
            throw usage_error(fmt::format("TZ=\"{}\" is a POSIX rule, not a zone name; set TZ to an IANA "
                                          "name such as Europe/Berlin or America/New_York",
                                          printable(tz_env)));
        return locate_zone(name);
    }
    if (!configured.empty()) return locate_zone(configured);
    return system_zone();
}

}  // namespace pumplog
