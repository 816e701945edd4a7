// Zones by name (locate_zone, resolve_zone): each read from its one zoneinfo
// file, refused with a usage error when the name is not a zone, and the same
// offsets and transitions date's own tzdb gives.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/tzif.hpp"
#include "helpers.hpp"
#include "pumplog/time.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::instant;
using testing::refusal;

namespace {

const std::filesystem::path zoneinfo = "/usr/share/zoneinfo";

std::string unknown_zone(const std::string& name) {
    return "\"" + name + "\" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York";
}

// The offset in effect at an RFC 3339 instant, in minutes.
long offset_minutes(const std::string& zone, const std::string& at) {
    return std::chrono::duration_cast<minutes>(offset_at(instant(at), locate_zone(zone))).count();
}

// A TZif file built by hand: header, then the data block, big-endian.
class TzifBytes {
public:
    void text(std::string_view s) { bytes_ += s; }
    void byte(unsigned v) { bytes_ += static_cast<char>(v); }
    void number(std::int64_t v, int size) {
        for (int i = size - 1; i >= 0; --i) byte(static_cast<unsigned>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff));
    }
    // version '\0' or '2'; counts in RFC order: isut, isstd, leap, time, type, char.
    void header(char version, std::vector<std::int64_t> counts) {
        text("TZif");
        byte(static_cast<unsigned char>(version));
        bytes_ += std::string(15, '\0');
        for (const auto c : counts) number(c, 4);
    }
    const std::string& str() const { return bytes_; }

private:
    std::string bytes_;
};

// A version 1 file: standard time +01:00 "CET", summer +02:00 "CEST" from
// 2026-03-29T01:00Z, back at 2026-10-25T01:00Z; `time_size` 4.
std::string two_transitions(unsigned second_type_index = 0) {
    TzifBytes f;
    f.header('\0', {0, 0, 0, 2, 2, 9});
    f.number(1774746000, 4);  // 2026-03-29T01:00:00Z
    f.number(1792890000, 4);  // 2026-10-25T01:00:00Z
    f.byte(1);
    f.byte(second_type_index);
    f.number(3600, 4), f.byte(0), f.byte(0);  // CET
    f.number(7200, 4), f.byte(1), f.byte(4);  // CEST
    f.text(std::string("CET\0CEST\0", 9));
    return f.str();
}

}  // namespace

TEST_CASE("IANA zone names resolve to the zone of that name") {
    for (const char* name : {"Europe/Berlin", "America/Los_Angeles", "UTC", "Etc/UTC", "Etc/GMT+5",
                             "America/Argentina/Buenos_Aires", "America/Port-au-Prince"}) {
        INFO(name);
        CHECK(locate_zone(name)->name() == name);
    }
    // A link keeps the name it was asked by (as date's tzdb did) and the zone's offsets.
    if (std::filesystem::exists(zoneinfo / "US/Eastern")) {
        CHECK(locate_zone("US/Eastern")->name() == "US/Eastern");
        CHECK(offset_minutes("US/Eastern", "2026-07-01T12:00:00Z") == -4 * 60);
    }
}

TEST_CASE("the system zone is the zone /etc/localtime names, as date's current_zone reads it") {
    const date::time_zone* system = resolve_zone(nullptr, "");
    REQUIRE(system != nullptr);
    CHECK(resolve_zone("/etc/localtime", "") == system);
    CHECK(resolve_zone(":/etc/localtime", "") == system);
    std::string theirs;
    try {
        theirs = date::current_zone()->name();
    } catch (const std::exception&) {
        return;  // no /etc/localtime link here: the fallbacks apply
    }
    CHECK(system->name() == theirs);
}

TEST_CASE("a zone is read once and the same zone is handed out again") {
    CHECK(locate_zone("Asia/Tokyo") == locate_zone("Asia/Tokyo"));
    CHECK(resolve_zone("Asia/Tokyo", "") == locate_zone("Asia/Tokyo"));
}

TEST_CASE("a name that is not a zone is refused with the unknown zone message") {
    for (const std::string& name : std::vector<std::string>{
             "../etc/passwd", "/etc/passwd", "Not/AZone", "zone.tab", "iso3166.tab", "tzdata.zi", "leapseconds",
          "Europe", "Europe/", "Europe//Berlin", "./Europe/Berlin", "Europe/../Europe/Berlin", "europe/berlin",
          "right/Europe/Berlin", "posix/Europe/Berlin", "posixrules", "Factory", "Europe/Berlin ", "Europe\\Berlin",
          "", std::string(300, 'A')}) {
        INFO(name);
        const std::string quoted = name.size() > 60 ? name.substr(0, 60) + "..." : name;  // long input shortened
        CHECK(refusal([&] { locate_zone(name); }) == unknown_zone(quoted));
    }
    CHECK(refusal([] { resolve_zone("/etc/passwd", ""); }) == unknown_zone("/etc/passwd"));
    CHECK(refusal([] { resolve_zone(":/usr/share/zoneinfo/iso3166.tab", ""); }) == unknown_zone("iso3166.tab"));
    CHECK(refusal([] { resolve_zone(nullptr, "Europe/Nowhere"); }) == unknown_zone("Europe/Nowhere"));
}

TEST_CASE("offsets change at the daylight-saving transitions of the zone read") {
    // Europe/Berlin: CET +01:00, CEST +02:00 from 2026-03-29T01:00Z to 2026-10-25T01:00Z.
    CHECK(offset_minutes("Europe/Berlin", "2026-03-29T00:59:59Z") == 60);
    CHECK(offset_minutes("Europe/Berlin", "2026-03-29T01:00:00Z") == 120);
    CHECK(offset_minutes("Europe/Berlin", "2026-10-25T00:59:59Z") == 120);
    CHECK(offset_minutes("Europe/Berlin", "2026-10-25T01:00:00Z") == 60);
    // America/Los_Angeles: PST -08:00, PDT -07:00 from 2026-03-08T10:00Z to 2026-11-01T09:00Z.
    CHECK(offset_minutes("America/Los_Angeles", "2026-03-08T09:59:59Z") == -8 * 60);
    CHECK(offset_minutes("America/Los_Angeles", "2026-03-08T10:00:00Z") == -7 * 60);
    CHECK(offset_minutes("America/Los_Angeles", "2026-11-01T08:59:59Z") == -7 * 60);
    CHECK(offset_minutes("America/Los_Angeles", "2026-11-01T09:00:00Z") == -8 * 60);
    // The southern hemisphere: Australia/Sydney AEDT +11:00 until 2026-04-04T16:00Z
    // (03:00 local on Sunday 5 April), then AEST +10:00.
    CHECK(offset_minutes("Australia/Sydney", "2026-04-04T15:59:59Z") == 11 * 60);
    CHECK(offset_minutes("Australia/Sydney", "2026-04-04T16:00:00Z") == 10 * 60);
    // History: Berlin kept double summer time (+03:00) in the summer of 1947.
    CHECK(offset_minutes("Europe/Berlin", "1947-06-01T12:00:00Z") == 180);
    CHECK(offset_minutes("UTC", "2026-07-01T12:00:00Z") == 0);

    const auto* berlin = locate_zone("Europe/Berlin");
    const date::sys_info summer = berlin->get_info(instant("2026-07-01T12:00:00Z"));
    CHECK(summer.abbrev == "CEST");
    CHECK(summer.save != minutes(0));
    CHECK(summer.begin == instant("2026-03-29T01:00:00Z"));
    CHECK(summer.end == instant("2026-10-25T01:00:00Z"));
    // The spring-forward gap and the fall-back overlap, as local times.
    using date::local_info;
    CHECK(berlin->get_info(LocalSeconds(instant("2026-03-29T02:30:00Z").time_since_epoch())).result ==
          local_info::nonexistent);
    CHECK(berlin->get_info(LocalSeconds(instant("2026-10-25T02:30:00Z").time_since_epoch())).result ==
          local_info::ambiguous);
    CHECK(berlin->get_info(LocalSeconds(instant("2026-10-25T03:30:00Z").time_since_epoch())).result ==
          local_info::unique);
}

// Every file under /usr/share/zoneinfo is a zone here exactly when date's
// tzdb listed it, and every zone gives date's answers: each period (begin,
// end, offset, save, abbreviation) from 1800 to 2100, and local times just
// before, in and after each change.
TEST_CASE("the zones read are the zones of date's tzdb, with the same periods and local times") {
    std::set<std::string> listed;
    for (const auto& z : date::get_tzdb().zones) listed.insert(z.name());
    REQUIRE(listed.size() > 300);

    std::size_t files = 0;
    std::size_t compared = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(zoneinfo);
         it != std::filesystem::recursive_directory_iterator(); ++it) {
        if (it->is_directory()) continue;
        const std::string name = std::filesystem::relative(it->path(), zoneinfo).string();
        ++files;
        INFO(name);
        bool ours = true;
        try {
            (void)locate_zone(name);
        } catch (const Error&) {
            ours = false;
        }
        CHECK(ours == (listed.count(name) == 1));
    }
    CHECK(files > listed.size());

    const Seconds from = date::sys_days(date::year(1800) / 1 / 1);
    const Seconds until = date::sys_days(date::year(2100) / 1 / 1);
    for (const std::string& name : listed) {
        INFO(name);
        const date::time_zone* theirs = date::locate_zone(name);
        const date::time_zone* ours = locate_zone(name);
        REQUIRE(ours != theirs);
        for (Seconds t = from; t < until;) {
            const date::sys_info a = ours->get_info(t);
            const date::sys_info b = theirs->get_info(t);
            INFO(date::format("%F %T", t));
            REQUIRE(a.begin == b.begin);
            REQUIRE(a.end == b.end);
            REQUIRE(a.offset == b.offset);
            REQUIRE(a.save == b.save);
            REQUIRE(a.abbrev == b.abbrev);
            for (const minutes d : {minutes(-180), minutes(-30), minutes(0), minutes(30), minutes(180)}) {
                const LocalSeconds local(a.begin.time_since_epoch() + a.offset + d);
                const date::local_info la = ours->get_info(local);
                const date::local_info lb = theirs->get_info(local);
                REQUIRE(la.result == lb.result);
                REQUIRE(la.first.offset == lb.first.offset);
                REQUIRE(la.second.offset == lb.second.offset);
                REQUIRE(to_instant(local, ours) == to_instant(local, theirs));
            }
            ++compared;
            t = a.end;
        }
    }
    CHECK(compared > 10000);
}

TEST_CASE("a TZif file of version 1 is read from its 32-bit block") {
    const auto data = tzif::parse(two_transitions());
    REQUIRE(data);
    REQUIRE(data->types.size() == 2);
    CHECK(data->types[0].offset == seconds(3600));
    CHECK(data->types[0].abbrev == "CET");
    CHECK_FALSE(data->types[0].is_dst);
    CHECK(data->types[1].offset == seconds(7200));
    CHECK(data->types[1].abbrev == "CEST");
    CHECK(data->types[1].is_dst);
    REQUIRE(data->transitions.size() == 2);
    CHECK(data->transitions[0].at == instant("2026-03-29T01:00:00Z"));
    CHECK(data->transitions[0].type == 1);
    CHECK(data->transitions[1].at == instant("2026-10-25T01:00:00Z"));
    CHECK(data->transitions[1].type == 0);
}

TEST_CASE("a TZif file of version 2 is read from its 64-bit block") {
    TzifBytes f;
    f.header('2', {0, 0, 0, 0, 1, 4});  // a v1 block date skips: one type "XXX"
    f.number(999, 4), f.byte(0), f.byte(0);
    f.text(std::string("XXX\0", 4));
    f.header('2', {0, 0, 0, 1, 2, 8});
    f.number(-5000000000, 8);  // before 1902: only a 64-bit time holds it
    f.byte(1);
    f.number(-18000, 4), f.byte(0), f.byte(0);
    f.number(-14400, 4), f.byte(1), f.byte(4);
    f.text(std::string("EST\0EDT\0", 8));
    f.text("\nEST5EDT,M3.2.0,M11.1.0\n");  // the footer, ignored
    const auto data = tzif::parse(f.str());
    REQUIRE(data);
    REQUIRE(data->types.size() == 2);
    CHECK(data->types[0].abbrev == "EST");
    CHECK(data->types[1].offset == seconds(-14400));
    REQUIRE(data->transitions.size() == 1);
    CHECK(data->transitions[0].at.time_since_epoch() == seconds(-5000000000));
}

TEST_CASE("what is not a TZif file date could read is refused by the TZif reader") {
    const std::string good = two_transitions();
    REQUIRE(tzif::parse(good));
    CHECK_FALSE(tzif::parse(""));
    CHECK_FALSE(tzif::parse("TZif"));
    CHECK_FALSE(tzif::parse("TZjf" + good.substr(4)));
    CHECK_FALSE(tzif::parse("# tzdb data for Europe\n"));
    for (std::size_t cut = 0; cut < good.size(); ++cut) {
        INFO(cut);
        CHECK_FALSE(tzif::parse(good.substr(0, cut)));
    }
    CHECK_FALSE(tzif::parse(two_transitions(2)));  // a transition to a type that is not there

    TzifBytes descending;
    descending.header('\0', {0, 0, 0, 2, 1, 4});
    descending.number(2000, 4), descending.number(1000, 4);
    descending.byte(0), descending.byte(0);
    descending.number(0, 4), descending.byte(0), descending.byte(0);
    descending.text(std::string("UTC\0", 4));
    CHECK_FALSE(tzif::parse(descending.str()));

    TzifBytes no_types;
    no_types.header('\0', {0, 0, 0, 0, 0, 0});
    CHECK_FALSE(tzif::parse(no_types.str()));

    TzifBytes leap;  // one leap second record: only the whole tzdb could correct for it
    leap.header('\0', {0, 0, 1, 0, 1, 4});
    leap.number(0, 4), leap.byte(0), leap.byte(0);
    leap.text(std::string("UTC\0", 4));
    leap.number(78796800, 4), leap.number(1, 4);
    CHECK_FALSE(tzif::parse(leap.str()));
}

TEST_CASE("the zone names offered are the installed ones, sorted, and each one resolves") {
    const std::vector<std::string> names = zone_names();
    REQUIRE(names.size() > 300);  // Debian's tzdata: about 600 zones and links
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    for (const char* expected : {"Europe/Berlin", "America/New_York", "UTC", "Etc/UTC"})
        CHECK(std::binary_search(names.begin(), names.end(), std::string(expected)));
    for (const char* left_out : {"Factory", "posixrules", "right/UTC", "tzdata.zi", "zone.tab"})
        CHECK_FALSE(std::binary_search(names.begin(), names.end(), std::string(left_out)));
    std::size_t resolved = 0;
    for (const auto& name : names) {
        CHECK_NOTHROW(locate_zone(name));
        ++resolved;
    }
    CHECK(resolved == names.size());
}
}  // namespace PUMPLOG_UNITY_ID
