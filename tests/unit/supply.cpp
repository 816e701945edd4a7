// Building supply (pumplog-supply(7)): the timetable's rules, the wall clock
// across daylight-saving days, the milestones and the progress verdicts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/render/plan.hpp"
#include "pumplog/supply.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr int day_min = 24 * 60;

int hm(int h, int m) { return h * 60 + m; }

// The sleep windows every rule is checked with.
const std::vector<std::optional<DailyWindow>>& sleep_windows() {
    static const std::vector<std::optional<DailyWindow>> windows{
        std::nullopt,
        DailyWindow{hm(23, 30), hm(5, 30)},
        DailyWindow{hm(22, 0), hm(7, 0)},
        DailyWindow{hm(0, 0), hm(8, 0)},
    };
    return windows;
}

std::string describe(const std::optional<DailyWindow>& sleep, int sessions) {
    std::string text = std::to_string(sessions) + " sessions, sleep ";
    if (!sleep) return text + "none";
    return text + std::to_string(sleep->begin_min) + "-" + std::to_string(sleep->end_min) + " min";
}

// The gaps between consecutive sessions, the last one around midnight.
std::vector<int> gaps(const std::vector<int>& minutes_of_day) {
    std::vector<int> out;
    for (std::size_t i = 0; i < minutes_of_day.size(); ++i) {
        const int next = i + 1 < minutes_of_day.size() ? minutes_of_day[i + 1] : minutes_of_day.front() + day_min;
        out.push_back(next - minutes_of_day[i]);
    }
    return out;
}

std::vector<int> inside(const SupplyTimetable& timetable, const DailyWindow& sleep) {
    std::vector<int> out;
    for (const int m : timetable.minutes)
        if (sleep.contains(m)) out.push_back(m);
    return out;
}

Stamp stamp(const std::string& text) {
    const auto parsed = parse_rfc3339(text);
    REQUIRE(parsed);
    return *parsed;
}

// A pump logged at an RFC 3339 time with its offset, as the journal holds it.
Entry pump(const std::string& at, double ml) {
    Entry e;
    e.type = EntryType::pump;
    e.type_text = "pump";
    e.id = "pump-" + at;
    e.at = stamp(at);
    e.at_text = at;
    e.ml = ml;
    return e;
}

const date::time_zone* berlin() { return locate_zone("Europe/Berlin"); }
const date::time_zone* new_york() { return locate_zone("America/New_York"); }

// The CLI tests' "now": Saturday 2026-11-21 14:05 in Berlin.
Clock berlin_now() { return Clock{stamp("2026-11-21T14:05:00+01:00").instant, berlin()}; }

date::year_month_day ymd(int y, unsigned m, unsigned d) {
    return date::year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

// `count` pumps of `ml` each over the 24 hours before 2026-11-21 14:05 Berlin,
// every 3 hours from 2026-11-20 15:00 (so one at 03:00 when count is 8).
std::vector<Entry> day_of_pumps(int count, double ml) {
    static const char* const times[] = {
        "2026-11-20T15:00:00+01:00", "2026-11-20T18:00:00+01:00", "2026-11-20T21:00:00+01:00",
        "2026-11-21T00:00:00+01:00", "2026-11-21T03:00:00+01:00", "2026-11-21T06:00:00+01:00",
        "2026-11-21T09:00:00+01:00", "2026-11-21T12:00:00+01:00",
    };
    std::vector<Entry> entries;
    for (int i = 0; i < count; ++i) entries.push_back(pump(times[i], ml));
    return entries;
}

// The same without the 03:00 session: `count` daytime pumps (at most 7).
std::vector<Entry> day_of_pumps_no_night(int count, double ml) {
    static const char* const times[] = {
        "2026-11-20T15:00:00+01:00", "2026-11-20T18:00:00+01:00", "2026-11-20T21:00:00+01:00",
        "2026-11-21T00:00:00+01:00", "2026-11-21T06:00:00+01:00", "2026-11-21T09:00:00+01:00",
        "2026-11-21T12:00:00+01:00",
    };
    std::vector<Entry> entries;
    for (int i = 0; i < count; ++i) entries.push_back(pump(times[i], ml));
    return entries;
}

// day_of_pumps (or its _no_night) after a pump just outside the last 24 hours (exactly 24 hours before
// 2026-11-21 14:05 Berlin, of the same `ml`): they were logged whole, so a volume short of the milestone
// can be judged "behind" (when they reach before the first logged pump, it cannot).
std::vector<Entry> logged_day_of_pumps(int count, double ml) {
    std::vector<Entry> entries = day_of_pumps(count, ml);
    entries.push_back(pump("2026-11-20T14:05:00+01:00", ml));
    return entries;
}
std::vector<Entry> logged_day_of_pumps_no_night(int count, double ml) {
    std::vector<Entry> entries = day_of_pumps_no_night(count, ml);
    entries.push_back(pump("2026-11-20T14:05:00+01:00", ml));
    return entries;
}

// Whole days of pumps before 2026-11-21 (berlin_now's day): per_day[i] is the total of 8 equal pumps at 00:30,
// 03:30, ..., 21:30 on the local day 2026-11-(21 - n + i), n = per_day.size(), so the last one is yesterday; then
// today's 5 pumps of `today_ml` each, 00:30 to 12:30.
std::vector<Entry> days_of_pumps(const std::vector<double>& per_day, double today_ml) {
    std::vector<Entry> entries;
    const date::sys_days today = date::sys_days(ymd(2026, 11, 21));
    for (std::size_t i = 0; i < per_day.size(); ++i) {
        const date::sys_days d = today - date::days(static_cast<int>(per_day.size() - i));
        for (int s = 0; s < 8; ++s)
            entries.push_back(pump(format_date(d) + fmt::format("T{:02}:30:00+01:00", s * 3), per_day[i] / 8));
    }
    for (int s = 0; s < 5; ++s) entries.push_back(pump(fmt::format("2026-11-21T{:02}:30:00+01:00", s * 3), today_ml));
    return entries;
}

std::optional<PlanAdvice> falling_of(const SupplyAssessment& a) {
    for (const PlanAdvice& x : a.advice)
        if (x.kind == AdviceKind::falling_supply) return x;
    return std::nullopt;
}

bool has(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

// The sentences of supply advice, in order.
std::vector<std::string> texts(const std::vector<PlanAdvice>& advice) {
    std::vector<std::string> out;
    for (const PlanAdvice& a : advice) out.push_back(a.text);
    return out;
}

bool has(const std::vector<PlanAdvice>& advice, const std::string& part) { return has(texts(advice), part); }

int local_minute(Seconds at, const date::time_zone* zone) {
    const LocalSeconds local = to_local(at, zone);
    return static_cast<int>(date::floor<minutes>(local - date::floor<date::days>(local)).count());
}

}  // namespace

// ---- The timetable -----------------------------------------------------------

TEST_CASE("the timetable has the asked number of distinct sessions on the quarter hours") {
    for (const auto& sleep : sleep_windows()) {
        for (int n = 5; n <= 12; ++n) {
            INFO(describe(sleep, n));
            const SupplyTimetable t = supply_timetable(n, sleep);
            REQUIRE(t.minutes.size() == static_cast<std::size_t>(n));
            REQUIRE(std::is_sorted(t.minutes.begin(), t.minutes.end()));
            REQUIRE(std::adjacent_find(t.minutes.begin(), t.minutes.end()) == t.minutes.end());
            for (const int m : t.minutes) {
                REQUIRE(m >= 0);
                REQUIRE(m < day_min);
                REQUIRE(m % 15 == 0);
            }
        }
    }
}

TEST_CASE("the timetable never leaves a gap over 5 hours, across midnight too") {
    for (const auto& sleep : sleep_windows()) {
        for (int n = 5; n <= 12; ++n) {
            INFO(describe(sleep, n));
            const SupplyTimetable t = supply_timetable(n, sleep);
            const std::vector<int> g = gaps(t.minutes);
            REQUIRE(*std::max_element(g.begin(), g.end()) <= 300);
            int total = 0;
            for (const int x : g) total += x;
            REQUIRE(total == day_min);
        }
    }
}

TEST_CASE("the timetable always has a session between 01:00 and 05:00") {
    for (const auto& sleep : sleep_windows()) {
        for (int n = 5; n <= 12; ++n) {
            INFO(describe(sleep, n));
            const SupplyTimetable t = supply_timetable(n, sleep);
            REQUIRE(std::any_of(t.minutes.begin(), t.minutes.end(), [](int m) { return m >= 60 && m < 300; }));
        }
    }
}

TEST_CASE("without a sleep window the sessions are spread evenly with one at 03:00") {
    CHECK(supply_timetable(8, std::nullopt).minutes ==
          std::vector<int>{hm(0, 0), hm(3, 0), hm(6, 0), hm(9, 0), hm(12, 0), hm(15, 0), hm(18, 0), hm(21, 0)});
    CHECK(supply_timetable(5, std::nullopt).minutes ==
          std::vector<int>{hm(3, 0), hm(7, 45), hm(12, 30), hm(17, 15), hm(22, 0)});
    CHECK(supply_timetable(12, std::nullopt).minutes.front() == hm(1, 0));
    for (int n = 5; n <= 12; ++n) {
        INFO(n << " sessions");
        const SupplyTimetable t = supply_timetable(n, std::nullopt);
        CHECK(t.notes.empty());
        const std::vector<int> g = gaps(t.minutes);
        // As even as quarter hours allow: the gaps differ by one quarter hour at most.
        CHECK(*std::max_element(g.begin(), g.end()) - *std::min_element(g.begin(), g.end()) <= 15);
    }
}

TEST_CASE("the timetable keeps out of the sleep window all but the one session the rules need") {
    // Each of these windows is longer than 5 hours and covers 01:00-05:00, so one
    // session inside is the fewest possible; exactly that one falls inside, as
    // near the middle of the night as the gaps allow.
    struct Case {
        DailyWindow sleep;
        int sessions_from, sessions_to;
        int inside_at;
    };
    const Case cases[] = {
        {{hm(23, 30), hm(5, 30)}, 5, 6, hm(3, 0)},  {{hm(23, 30), hm(5, 30)}, 7, 7, hm(2, 45)},
        {{hm(23, 30), hm(5, 30)}, 8, 12, hm(2, 30)}, {{hm(22, 0), hm(7, 0)}, 5, 5, hm(2, 45)},
        {{hm(22, 0), hm(7, 0)}, 6, 12, hm(2, 30)},   {{hm(0, 0), hm(8, 0)}, 5, 5, hm(3, 0)},
        {{hm(0, 0), hm(8, 0)}, 6, 12, hm(3, 45)},
    };
    for (const Case& c : cases) {
        for (int n = c.sessions_from; n <= c.sessions_to; ++n) {
            INFO(describe(c.sleep, n));
            const SupplyTimetable t = supply_timetable(n, c.sleep);
            CHECK(inside(t, c.sleep) == std::vector<int>{c.inside_at});
        }
    }
    // 8 a day around 23:30-05:30: the last before sleep, the night one, one on waking.
    CHECK(supply_timetable(8, DailyWindow{hm(23, 30), hm(5, 30)}).minutes ==
          std::vector<int>{hm(2, 30), hm(5, 30), hm(8, 30), hm(11, 30), hm(14, 30), hm(17, 30), hm(20, 30),
                           hm(23, 15)});
}

TEST_CASE("the timetable falls on multiples of round when round does not divide a quarter hour") {
    // 10m, 30m (and 2m, 6m): every 30 minutes; 20m (and 4m, 12m): every hour. The rules hold all the same.
    for (const int round : {2, 4, 6, 10, 12, 20, 30}) {
        const int step = std::lcm(15, round);
        for (const auto& sleep : sleep_windows()) {
            for (int n = 5; n <= 12; ++n) {
                INFO(describe(sleep, n) << ", round " << round);
                const SupplyTimetable t = supply_timetable(n, sleep, round);
                REQUIRE(t.minutes.size() == static_cast<std::size_t>(n));
                for (const int m : t.minutes) REQUIRE(m % step == 0);
                const std::vector<int> g = gaps(t.minutes);
                REQUIRE(*std::max_element(g.begin(), g.end()) <= 300);
                REQUIRE(std::any_of(t.minutes.begin(), t.minutes.end(), [](int m) { return m >= 60 && m < 300; }));
            }
        }
    }
    // 8 a day around 23:30-05:30 with round 30m: 23:00, not the quarter hours' 23:15.
    CHECK(supply_timetable(8, DailyWindow{hm(23, 30), hm(5, 30)}, 30).minutes ==
          std::vector<int>{hm(2, 30), hm(5, 30), hm(8, 30), hm(11, 30), hm(14, 30), hm(17, 30), hm(20, 30),
                           hm(23, 0)});
    // A round that divides 15 minutes keeps the quarter hours.
    CHECK(supply_timetable(8, DailyWindow{hm(23, 30), hm(5, 30)}, 5).minutes ==
          supply_timetable(8, DailyWindow{hm(23, 30), hm(5, 30)}).minutes);
}

TEST_CASE("a sleep window the rules leave free is honoured in full, with no explanation") {
    for (int n = 5; n <= 12; ++n) {
        INFO(n << " sessions");
        // 05:00-09:00: under 5 hours and clear of 01:00-05:00.
        const DailyWindow morning{hm(5, 0), hm(9, 0)};
        const SupplyTimetable t = supply_timetable(n, morning);
        CHECK(inside(t, morning).empty());
        CHECK(t.notes.empty());
        // 00:00-04:00: the night session can be at 04:00 on waking.
        const DailyWindow early{hm(0, 0), hm(4, 0)};
        const SupplyTimetable e = supply_timetable(n, early);
        CHECK(inside(e, early).empty());
        CHECK(e.notes.empty());
    }
}

TEST_CASE("the timetable explains exactly when the sleep wish was overridden") {
    for (const auto& sleep : sleep_windows()) {
        for (int n = 5; n <= 12; ++n) {
            INFO(describe(sleep, n));
            const SupplyTimetable t = supply_timetable(n, sleep);
            const bool overridden = sleep && !inside(t, *sleep).empty();
            CHECK(t.notes.empty() == !overridden);
            if (overridden) CHECK(t.notes.size() == 1);
        }
    }
    const SupplyTimetable t = supply_timetable(8, DailyWindow{hm(23, 30), hm(5, 30)});
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0] ==
          "One session, at 02:30, stays inside your sleep window (23:30-05:30): sessions should never be more than "
          "5 hours apart (Ameda) and the window is longer than that; a session between 01:00 and 05:00 goes with "
          "coming to volume (Mago-Shah et al. 2023).");
}

TEST_CASE("the explanation names the rule that won") {
    // 01:00-05:00 is under 5 hours: only the night rule puts a session inside.
    const SupplyTimetable night = supply_timetable(8, DailyWindow{hm(1, 0), hm(5, 0)});
    REQUIRE(night.notes.size() == 1);
    CHECK(night.notes[0] ==
          "One session, at 03:00, stays inside your sleep window (01:00-05:00): a session between 01:00 and 05:00 "
          "goes with coming to volume (Mago-Shah et al. 2023).");
    // A day sleeper, 09:00-15:00: only the 5-hour rule does.
    const SupplyTimetable day = supply_timetable(8, DailyWindow{hm(9, 0), hm(15, 0)});
    REQUIRE(day.notes.size() == 1);
    CHECK(day.notes[0] ==
          "One session, at 12:00, stays inside your sleep window (09:00-15:00): sessions should never be more than "
          "5 hours apart (Ameda) and the window is longer than that.");
    // A 16-hour window needs three sessions inside, listed in the order of the night.
    const SupplyTimetable long_sleep = supply_timetable(8, DailyWindow{hm(20, 0), hm(12, 0)});
    REQUIRE(long_sleep.notes.size() == 1);
    CHECK(long_sleep.notes[0].rfind("3 sessions, at 23:45, 03:45 and 08:00, stay inside your sleep window "
                                    "(20:00-12:00): ",
                                    0) == 0);
}

TEST_CASE("sessions outside 5 to 12 are refused") {
    for (const int n : {-1, 0, 4, 13, 24}) {
        INFO(n);
        try {
            supply_timetable(n, std::nullopt);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(std::string(e.what()) == "sessions takes 5 to 12 pumps a day, not " + std::to_string(n));
        }
    }
}

// ---- The wall clock across daylight-saving days --------------------------------

namespace {

struct DstDay {
    const char* zone;
    date::year_month_day day;
    bool spring;  // clocks skip 02:00-03:00 (else they repeat an hour)
};

const DstDay dst_days[] = {
    {"America/New_York", ymd(2026, 3, 8), true},
    {"America/New_York", ymd(2026, 11, 1), false},
    {"Europe/Berlin", ymd(2026, 3, 29), true},
    {"Europe/Berlin", ymd(2026, 10, 25), false},
};

}  // namespace

TEST_CASE("planned pumps keep their wall-clock times across daylight-saving days") {
    for (const DstDay& dst : dst_days) {
        const date::time_zone* zone = locate_zone(dst.zone);
        const date::sys_days d{dst.day};
        const TimeSpan span{start_of_local_day(d - date::days(1), zone), start_of_local_day(d + date::days(2), zone)};
        const Clock clock{span.begin, zone};
        for (const auto& sleep : sleep_windows()) {
            for (int n = 5; n <= 12; ++n) {
                INFO(dst.zone << " " << format_date(d) << " " << describe(sleep, n));
                const SupplyTimetable t = supply_timetable(n, sleep);
                const std::vector<PlannedPump> pumps = supply_pumps(t, {}, std::nullopt, clock, span);
                // Three local days of sessions (none collide: the timetable's sessions are hours apart).
                REQUIRE(pumps.size() == 3 * t.minutes.size());
                std::size_t k = 0;
                for (int day = -1; day <= 1; ++day) {
                    for (const int m : t.minutes) {
                        const PlannedPump& p = pumps[k++];
                        const bool skipped = dst.spring && day == 0 && m >= hm(2, 0) && m < hm(3, 0);
                        // The wall clock asked for; a skipped time moves forward by the gap.
                        CHECK(local_minute(p.at, zone) == (skipped ? m + 60 : m));
                        CHECK(local_day(p.at, zone) == d + date::days(day));
                    }
                }
                for (std::size_t i = 1; i < pumps.size(); ++i) REQUIRE(pumps[i - 1].at < pumps[i].at);
            }
        }
    }
}

TEST_CASE("no pump falls in the hour the clocks skip, and none in a repeated hour twice") {
    const SupplyTimetable t{{hm(0, 0), hm(2, 30), hm(5, 30), hm(8, 30), hm(11, 30), hm(14, 30), hm(17, 30), hm(20, 30)},
                            {}};
    for (const DstDay& dst : dst_days) {
        const date::time_zone* zone = locate_zone(dst.zone);
        const date::sys_days d{dst.day};
        const TimeSpan span{start_of_local_day(d, zone), start_of_local_day(d + date::days(1), zone)};
        INFO(dst.zone << " " << format_date(d));
        const std::vector<PlannedPump> pumps = supply_pumps(t, {}, std::nullopt, Clock{span.begin, zone}, span);
        REQUIRE(pumps.size() == 8);
        const std::string when = format_rfc3339(pumps[1].at, zone);
        if (dst.spring) {
            // 02:30 does not exist: the session is at 03:30 summer time.
            CHECK(when.substr(11, 5) == "03:30");
            CHECK(pumps[1].reason.find("02:30 does not exist that day") != std::string::npos);
        } else {
            // 02:30 (Berlin) and 01:30 (New York) happen twice: only the first counts.
            CHECK(when.substr(11, 5) == "02:30");
            CHECK(pumps[1].reason.find("does not exist") == std::string::npos);
        }
        for (const PlannedPump& p : pumps) {
            // Every planned instant reads back as the same instant: none is in a gap.
            CHECK(to_instant(to_local(p.at, zone), zone) == p.at);
        }
    }
    // New York repeats 01:00-02:00: a 01:30 session is planned once, in daylight time.
    const date::time_zone* ny = new_york();
    const date::sys_days fall{ymd(2026, 11, 1)};
    const TimeSpan span{start_of_local_day(fall, ny), start_of_local_day(fall + date::days(1), ny)};
    const SupplyTimetable night{{hm(1, 30), hm(5, 0), hm(10, 0), hm(15, 0), hm(20, 0)}, {}};
    const std::vector<PlannedPump> pumps = supply_pumps(night, {}, std::nullopt, Clock{span.begin, ny}, span);
    REQUIRE(pumps.size() == 5);
    CHECK(format_rfc3339(pumps[0].at, ny) == "2026-11-01T01:30:00-04:00");
}

TEST_CASE("a session moved out of the skipped hour onto the next one is left out, never doubled") {
    const date::time_zone* zone = berlin();
    const date::sys_days d{ymd(2026, 3, 29)};
    const TimeSpan span{start_of_local_day(d, zone), start_of_local_day(d + date::days(1), zone)};
    // 02:00 would become 03:00, the next session's time; 02:15 would become 03:15, after it.
    for (const int moved : {hm(2, 0), hm(2, 15)}) {
        const SupplyTimetable t{{moved, hm(3, 0), hm(7, 0), hm(11, 0), hm(15, 0), hm(19, 0), hm(23, 0)}, {}};
        std::vector<std::string> notes;
        const std::vector<PlannedPump> pumps = supply_pumps(t, {}, std::nullopt, Clock{span.begin, zone}, span, &notes);
        REQUIRE(pumps.size() == 6);
        CHECK(format_rfc3339(pumps[0].at, zone) == "2026-03-29T03:00:00+02:00");
        for (std::size_t i = 1; i < pumps.size(); ++i) CHECK(pumps[i - 1].at < pumps[i].at);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0] == "On 2026-03-29 the " + std::string(moved == hm(2, 0) ? "02:00" : "02:15") +
                              " session falls in the hour the clocks skip; the 03:00 session takes its place.");
    }
}

// ---- Targets and expected yields -------------------------------------------------

TEST_CASE("a pump's target is the day's milestone shared over the sessions") {
    const Clock clock = berlin_now();
    const SupplyTimetable t = supply_timetable(8, std::nullopt);
    const date::sys_days today = local_day(clock.now, clock.zone);
    const TimeSpan today_span{start_of_local_day(today, clock.zone), start_of_local_day(today + date::days(1), clock.zone)};
    // Born 2026-11-13: today is day 8, about 500 ml a day (Ru et al. 2020).
    std::vector<PlannedPump> pumps = supply_pumps(t, {}, ymd(2026, 11, 13), clock, today_span);
    REQUIRE(pumps.size() == 8);
    for (const PlannedPump& p : pumps) CHECK(p.target.ml() == 63);  // 500 / 8 = 62.5, to whole ml as every target
    CHECK(pumps[1].reason == "the night session, 01:00-05:00 (Mago-Shah et al. 2023); day 8: the milestone (Ru "
                             "et al. 2020) shared over 8 sessions");
    // Born 2026-11-18: day 3, no volume target yet.
    pumps = supply_pumps(t, {}, ymd(2026, 11, 18), clock, today_span);
    for (const PlannedPump& p : pumps) CHECK(p.target.ml() == 0);
    CHECK(pumps[0].reason == "day 3: no volume target before day 6; every session counts");
    // Born 2026-10-01: past day 14, full production (750 ml, Ameda).
    pumps = supply_pumps(t, {}, ymd(2026, 10, 1), clock, today_span);
    for (const PlannedPump& p : pumps) CHECK(p.target.ml() == 94);  // 750 / 8 = 93.75
    // No birth date: full production too.
    pumps = supply_pumps(t, {}, std::nullopt, clock, today_span);
    for (const PlannedPump& p : pumps) CHECK(p.target.ml() == 94);  // 750 / 8 = 93.75
    // A plan across midnight takes each day's own milestone: day 7 (425 ml) then day 8 (500 ml).
    const TimeSpan evening{stamp("2026-11-20T20:00:00+01:00").instant, stamp("2026-11-21T02:00:00+01:00").instant};
    pumps = supply_pumps(t, {}, ymd(2026, 11, 13), clock, evening);
    REQUIRE(pumps.size() == 2);  // 21:00 and 00:00
    CHECK(pumps[0].target.ml() == 53);  // 425 / 8 = 53.1
    CHECK(pumps[1].target.ml() == 63);  // 500 / 8 = 62.5
}

TEST_CASE("a pump halfway between two sessions counts for the one before it - around midnight too") {
    const Clock clock = berlin_now();  // 2026-11-21 14:05
    const SupplyTimetable t = supply_timetable(8, std::nullopt);  // 00:00, 03:00, ..., 21:00
    std::vector<Entry> entries;
    for (const char* at : {"2026-11-21T01:30:00+01:00", "2026-11-21T04:30:00+01:00", "2026-11-21T07:30:00+01:00",
                           "2026-11-21T10:30:00+01:00", "2026-11-21T13:30:00+01:00", "2026-11-20T16:30:00+01:00",
                           "2026-11-20T19:30:00+01:00", "2026-11-20T22:30:00+01:00"})
        entries.push_back(pump(at, 60));
    const std::vector<std::optional<Volume>> expected = supply_expected(t, entries, clock);
    REQUIRE(expected.size() == 8);
    // Each session has the pump 90 min after it: 21:00 has 22:30's, not left without while 00:00 takes two.
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("session " << i);
        REQUIRE(expected[i]);
        CHECK(expected[i]->ml() == Approx(60));
    }
}

TEST_CASE("expected yields come from the parent's recent pumps near that time of day") {
    const Clock clock = berlin_now();  // 2026-11-21 14:05
    const SupplyTimetable t = supply_timetable(8, std::nullopt);  // 00:00, 03:00, ..., 21:00
    const std::vector<Entry> entries{
        pump("2026-11-21T08:30:00+01:00", 60),   // today: weighs 1, nearest 09:00
        pump("2026-11-20T09:20:00+01:00", 120),  // a day old: weighs 1/2, nearest 09:00
        pump("2026-11-17T09:00:00+01:00", 500),  // over 3 days old: left out
        pump("2026-11-21T10:35:00+01:00", 40),   // 95 min from 09:00, 85 from 12:00
        pump("2026-11-20T23:40:00+01:00", 30),   // 20 min before midnight: 00:00
        pump("2026-11-21T16:00:00+01:00", 999),  // in the future: left out
    };
    const std::vector<std::optional<Volume>> expected = supply_expected(t, entries, clock);
    REQUIRE(expected.size() == 8);
    REQUIRE(expected[3]);
    CHECK(expected[3]->ml() == Approx((60.0 * 1 + 120.0 * 0.5) / 1.5));  // 09:00: 80 ml
    REQUIRE(expected[4]);
    CHECK(expected[4]->ml() == Approx(40));  // 12:00
    REQUIRE(expected[0]);
    CHECK(expected[0]->ml() == Approx(30));  // 00:00, across midnight
    CHECK_FALSE(expected[1]);  // 03:00: nothing logged near it
    CHECK_FALSE(expected[5]);  // 15:00: only the future pump
}

// ---- The milestones --------------------------------------------------------------

TEST_CASE("the milestones are Ru et al. 2020's, interpolated between, level from day 14") {
    const auto& table = supply_milestones();
    REQUIRE(table.size() == 3);
    CHECK(table[0].day == 6);
    CHECK(table[0].volume.ml() == 350);
    CHECK(table[1].day == 8);
    CHECK(table[1].volume.ml() == 500);
    CHECK(table[2].day == 14);
    CHECK(table[2].volume.ml() == 750);
    for (const auto& m : table) CHECK(m.source == "Ru et al. 2020");

    for (const int day : {-1, 0, 3, 5}) CHECK_FALSE(supply_milestone(day));
    CHECK(supply_milestone(6)->ml() == Approx(350));
    CHECK(supply_milestone(7)->ml() == Approx(425));
    CHECK(supply_milestone(8)->ml() == Approx(500));
    CHECK(supply_milestone(11)->ml() == Approx(625));
    CHECK(supply_milestone(13)->ml() == Approx(500 + 250.0 * 5 / 6));
    CHECK(supply_milestone(14)->ml() == Approx(750));
    CHECK(supply_milestone(60)->ml() == Approx(750));

    CHECK(supply_daily_goal(std::nullopt)->ml() == Approx(750));  // no birth date: full production (Ameda)
    CHECK_FALSE(supply_daily_goal(4));
    CHECK(supply_daily_goal(9)->ml() == Approx(500 + 250.0 / 6));
}

// ---- Progress --------------------------------------------------------------------

TEST_CASE("on track: the last 24 hours reached the day's milestone") {
    // Born 2026-11-13: day 8 (milestone about 500 ml). 8 x 70 = 560 ml, one at 03:00.
    const SupplyAssessment a = assess_supply(day_of_pumps(8, 70), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    const SupplyProgress& p = a.progress;
    CHECK(p.verdict == SupplyVerdict::on_track);
    CHECK(p.day == 8);
    CHECK(p.pumped_24h.ml() == Approx(560));
    CHECK(p.sessions_24h == 8);
    CHECK(p.night_session);
    REQUIRE(p.milestone);
    CHECK(p.milestone->ml() == Approx(500));
    CHECK(texts(a.advice) == std::vector<std::string>{
                          "On track: 560 ml in the last 24 hours, at or above about 500 ml a day on day 8 (Ru et al. "
                          "2020).",
                          "Next: about 750 ml a day on day 14 (Ru et al. 2020).",
                          "Keep 8 sessions a day with one between 01:00 and 05:00 (Mago-Shah et al. 2023).",
                      });
    CHECK(verdict_name(p.verdict) == "on_track");
}

TEST_CASE("on track with fewer sessions than the aim: the advice keeps the night session and asks for 8-10") {
    // Born 2026-11-11: day 10, between the milestones (583.3 ml: shown as a whole ml). 6 x 120 = 720 ml.
    const SupplyAssessment a = assess_supply(day_of_pumps(6, 120), ymd(2026, 11, 11), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::on_track);
    CHECK(texts(a.advice) == std::vector<std::string>{
                          "On track: 720 ml in the last 24 hours, at or above about 583 ml a day on day 10, between "
                          "the milestones (Ru et al. 2020).",
                          "Next: about 750 ml a day on day 14 (Ru et al. 2020).",
                          "Keep a session between 01:00 and 05:00 (Mago-Shah et al. 2023), and work up to 8-10 "
                          "sessions in 24 hours (Ameda): you logged 6 in the last 24 hours.",
                      });
    // Without a night session: both asked for.
    const SupplyAssessment day_only =
        assess_supply(day_of_pumps_no_night(6, 120), ymd(2026, 11, 11), berlin_now(), Unit::ml);
    CHECK(day_only.advice.back().text ==
          "Keep it up with a night session between 01:00 and 05:00: night pumping goes with coming to volume "
          "(Mago-Shah et al. 2023), and work up to 8-10 sessions in 24 hours (Ameda): you logged 6 in the last 24 "
          "hours.");
}

TEST_CASE("on track between milestones is judged against the interpolated volume") {
    // Day 7: about 425 ml. 8 x 54 = 432 ml.
    const SupplyAssessment a = assess_supply(logged_day_of_pumps(8, 54), ymd(2026, 11, 14), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::on_track);
    CHECK(a.progress.milestone->ml() == Approx(425));
    CHECK(a.advice.front().text ==
          "On track: 432 ml in the last 24 hours, at or above about 425 ml a day on day 7, between the milestones "
          "(Ru et al. 2020).");
    // Exactly the milestone is on track: day 8, 8 x 62.5 = 500 ml.
    CHECK(assess_supply(logged_day_of_pumps(8, 62.5), ymd(2026, 11, 13), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::on_track);
    // 8 x 53 = 424 ml: just under.
    CHECK(assess_supply(logged_day_of_pumps(8, 53), ymd(2026, 11, 14), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::behind);
}

TEST_CASE("behind on day 8: pump longer, and see a lactation consultant now") {
    // 8 x 55 = 440 ml, under about 500 ml; sessions and the night session are there.
    const SupplyAssessment a = assess_supply(logged_day_of_pumps(8, 55), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::behind);
    CHECK(a.progress.day == 8);
    CHECK(a.progress.milestone->ml() == Approx(500));
    CHECK(texts(a.advice) == std::vector<std::string>{
                          "Behind: 440 ml in the last 24 hours, under about 500 ml a day on day 8 (Ru et al. 2020).",
                          "Pump longer and double pump: until 2 minutes after the last drop, or 20-30 minutes a "
                          "session (Ameda).",
                          "See a lactation consultant now: the first two weeks decide whether you come to volume, "
                          "over 500 ml a day by day 14 (Mago-Shah et al. 2023).",
                      });
}

TEST_CASE("supply advice is a kind with its numbers and source beside its sentence") {
    // Behind on day 8: 8 x 55 = 440 ml against about 500 ml.
    const SupplyAssessment a = assess_supply(logged_day_of_pumps(8, 55), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    REQUIRE(a.advice.size() == 3);
    const PlanAdvice& verdict = a.advice[0];
    CHECK(verdict.kind == AdviceKind::behind);
    CHECK(verdict.age_days == 8);
    CHECK_FALSE(verdict.day_unknown);
    CHECK(verdict.expected.ml() == Approx(440));
    CHECK(verdict.pumps == 8);
    CHECK(verdict.unmeasured == 0);
    CHECK(verdict.night);
    REQUIRE(verdict.milestone);
    CHECK(verdict.milestone->ml() == Approx(500));
    CHECK(verdict.source == "Ru et al. 2020");
    CHECK(a.advice[1].kind == AdviceKind::pump_longer);
    CHECK(a.advice[1].source == "Ameda");
    CHECK(a.advice[2].kind == AdviceKind::see_consultant);
    CHECK(a.advice[2].reason == "now");
    CHECK(a.advice[2].milestone->ml() == Approx(500));
    // On track on day 8 (8 x 70 = 560 ml): the verdict, the next milestone (day 14, 750 ml), keep pumping.
    const SupplyAssessment on = assess_supply(logged_day_of_pumps(8, 70), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    REQUIRE(on.advice.size() == 3);
    CHECK(on.advice[0].kind == AdviceKind::on_track);
    CHECK(on.advice[1].kind == AdviceKind::next_milestone);
    CHECK(on.advice[1].age_days == 14);
    CHECK(on.advice[1].milestone->ml() == Approx(750));
    CHECK(on.advice[1].source == "Ru et al. 2020");
    CHECK(on.advice[2].kind == AdviceKind::keep_pumping);
    CHECK(on.advice[2].pumps == 8);
    CHECK(on.advice[2].count == 0);
    // Too few sessions, none at night: add sessions (aim 8), add a night session.
    const SupplyAssessment few =
        assess_supply(logged_day_of_pumps_no_night(6, 60), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    REQUIRE(few.advice.size() == 5);
    CHECK(few.advice[1].kind == AdviceKind::add_sessions);
    CHECK(few.advice[1].pumps == 6);
    CHECK(few.advice[1].count == 8);
    CHECK(few.advice[2].kind == AdviceKind::add_night_session);
    // No birth date: not enough data, and why.
    const SupplyAssessment none = assess_supply(logged_day_of_pumps(8, 55), std::nullopt, berlin_now(), Unit::ml);
    REQUIRE(none.advice.size() == 1);
    CHECK(none.advice[0].kind == AdviceKind::not_enough_data);
    CHECK(none.advice[0].reason == "no_birth");
    CHECK(none.advice[0].day_unknown);
}

TEST_CASE("behind with too few sessions and no night session: add them first") {
    // Day 8, 6 daytime sessions of 60 ml = 360 ml.
    const SupplyAssessment a =
        assess_supply(logged_day_of_pumps_no_night(6, 60), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::behind);
    CHECK(a.progress.sessions_24h == 6);
    CHECK_FALSE(a.progress.night_session);
    REQUIRE(a.advice.size() == 5);
    CHECK(a.advice[1].text ==
          "Add 2 sessions: you logged 6 in the last 24 hours; pump 8-10 times in 24 hours, never more than 5 hours "
          "apart (Ameda).");
    CHECK(a.advice[2].text ==
          "Add a night session between 01:00 and 05:00: night pumping goes with coming to volume (Mago-Shah et al. "
          "2023).");
    // Under 5 sessions: the 5-a-day evidence.
    const SupplyAssessment few = assess_supply(logged_day_of_pumps(4, 60), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(few.advice[1].text ==
          "Add sessions: you logged 4 in the last 24 hours; 5 or more a day by day 5 go with coming to volume "
          "(Mago-Shah et al. 2023), and 8-10 in 24 hours is the aim (Ameda).");
}

TEST_CASE("behind on day 14: come to volume or not, the next step says so") {
    // Born 2026-11-07: day 14, milestone about 750 ml.
    const SupplyAssessment came = assess_supply(logged_day_of_pumps(8, 80), ymd(2026, 11, 7), berlin_now(), Unit::ml);
    CHECK(came.progress.verdict == SupplyVerdict::behind);
    CHECK(came.progress.day == 14);
    CHECK(came.progress.milestone->ml() == Approx(750));
    CHECK(texts(came.advice) == std::vector<std::string>{
                             "Behind: 640 ml in the last 24 hours, under about 750 ml a day from day 14 (Ru et al. "
                             "2020), the lower end of full production (Ameda).",
                             "Pump longer and double pump: until 2 minutes after the last drop, or 20-30 minutes a "
                             "session (Ameda).",
                             "You have come to volume, over 500 ml a day (Mago-Shah et al. 2023); a lactation "
                             "consultant can help you reach full production.",
                         });
    const SupplyAssessment not_yet =
        assess_supply(logged_day_of_pumps(8, 55), ymd(2026, 11, 7), berlin_now(), Unit::ml);
    CHECK(not_yet.progress.verdict == SupplyVerdict::behind);
    CHECK(not_yet.advice.back().text ==
          "See a lactation consultant: you have not come to volume yet, over 500 ml a day by day 14 (Mago-Shah et al. "
          "2023).");
}

TEST_CASE("come to volume on an earlier whole day: never told not yet, whatever the last 24 hours") {
    // Born 2026-10-20 (day 32): 520 ml a day on 2026-11-11 to 11-13, then 480 ml a day; the last 24 hours hold
    // 3 x 60 (yesterday from 15:30) + 5 x 60 (today) = 480 ml: behind, yet over 500 ml on 2026-11-11 (day 22).
    const SupplyAssessment a =
        assess_supply(days_of_pumps({520, 520, 520, 480, 480, 480, 480, 480, 480, 480}, 60), ymd(2026, 10, 20),
                      berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::behind);
    CHECK(a.progress.pumped_24h.ml() == Approx(480));
    REQUIRE(a.advice.back().kind == AdviceKind::see_consultant);
    CHECK(a.advice.back().reason == "came_to_volume");
    REQUIRE(a.advice.back().came_to_volume_on);
    CHECK(*a.advice.back().came_to_volume_on == date::sys_days(ymd(2026, 11, 11)));
    CHECK(a.advice.back().text ==
          "You came to volume, over 500 ml a day (Mago-Shah et al. 2023), first on 2026-11-11 (day 22); a lactation "
          "consultant can help you back up and on to full production.");
    CHECK_FALSE(has(a.advice, "not come to volume"));
    CHECK_FALSE(falling_of(a));  // 480 is 92% of 520: no fall
    // 500 ml is not over 500 ml: no whole day came to volume, so "not yet" stands.
    const SupplyAssessment never =
        assess_supply(days_of_pumps({500, 500, 480, 480, 480, 480, 480, 480, 480, 480}, 60), ymd(2026, 10, 20),
                      berlin_now(), Unit::ml);
    CHECK(never.advice.back().reason == "not_come_to_volume");
    CHECK_FALSE(never.advice.back().came_to_volume_on);
}

TEST_CASE("a supply falling steadily is named with its numbers, right after the verdict") {
    // 880 ml a day on 2026-11-11 falling by 48 ml a day to 448 ml on 11-20 (the review's journal, by day):
    // the best 3 days of the week before the last 3 are 11-11 to 11-13, (880 + 832 + 784) / 3 = 832 ml a day;
    // the last 3, 11-18 to 11-20, (544 + 496 + 448) / 3 = 496 ml a day, each under 80% of 832 (665.6): 40% less.
    const SupplyAssessment a = assess_supply(
        days_of_pumps({880, 832, 784, 736, 688, 640, 592, 544, 496, 448}, 45), ymd(2026, 10, 20), berlin_now(),
        Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::behind);
    REQUIRE(a.advice.size() >= 2);
    const PlanAdvice& f = a.advice[1];
    REQUIRE(f.kind == AdviceKind::falling_supply);
    CHECK(f.need.ml() == Approx(832));
    CHECK(f.expected.ml() == Approx(496));
    CHECK(f.day == date::sys_days(ymd(2026, 11, 11)));
    CHECK(f.until_day == date::sys_days(ymd(2026, 11, 20)));
    CHECK(f.source == "ABM Clinical Protocol #9; Ameda; Morton et al. 2009; Meier et al. 2016; Hurst et al. 1997");
    CHECK(render::advice_text(f, Unit::ml, berlin()) ==
          "Your supply is falling: from about 832 ml a day (2026-11-11 to 2026-11-13) to about 496 ml a day over the "
          "last 3 days (2026-11-18 to 2026-11-20), 40% less. What helps: remove milk more often and more completely "
          "(8-10 sessions in 24 hours, Ameda; ABM Clinical Protocol #9); add hand expression and hands-on pumping "
          "(Morton et al. 2009); check the pump and the fit of its breast shields (Meier et al. 2016); hold the baby "
          "skin to skin (Hurst et al. 1997); and see a lactation consultant (IBCLC) soon (ABM Clinical Protocol #9).");
    // Come to volume long ago (880 ml on 11-11, day 22): the consultant advice does not say "not yet".
    CHECK(a.advice.back().reason == "came_to_volume");
    // Full volume falling is named too: 1200 to 900 ml a day is 25% less.
    const SupplyAssessment full = assess_supply(
        days_of_pumps({1200, 1200, 1200, 1150, 1100, 1050, 1000, 940, 920, 900}, 160), ymd(2026, 10, 20),
        berlin_now(), Unit::ml);
    CHECK(full.progress.verdict == SupplyVerdict::full_volume);
    REQUIRE(full.advice.size() >= 2);
    CHECK(full.advice[1].kind == AdviceKind::falling_supply);
    CHECK(full.advice[1].expected.ml() == Approx(920));
    // A session without a volume in the last 3 days: its milk is unknown, so no fall is named.
    std::vector<Entry> unmeasured = days_of_pumps({880, 832, 784, 736, 688, 640, 592, 544, 496, 448}, 45);
    unmeasured.push_back(pump("2026-11-19T23:00:00+01:00", 0));
    unmeasured.back().ml.reset();
    CHECK_FALSE(falling_of(assess_supply(unmeasured, ymd(2026, 10, 20), berlin_now(), Unit::ml)));
}

TEST_CASE("a steady supply with the normal day-to-day spread is not named as falling") {
    // Around 700 ml a day, days 10-12% apart; the best 3 days (780 + 640 + 720) / 3 = 713 ml, the last 3 at
    // 650, 700 and 630 ml are each over 80% of it.
    const SupplyAssessment a = assess_supply(
        days_of_pumps({700, 780, 640, 720, 620, 760, 690, 650, 700, 630}, 90), ymd(2026, 10, 20), berlin_now(),
        Unit::ml);
    CHECK_FALSE(falling_of(a));
    CHECK_FALSE(falling_supply(days_of_pumps({700, 780, 640, 720, 620, 760, 690, 650, 700, 630}, 90), std::nullopt,
                               berlin_now()));
}

TEST_CASE("one bad day is not a falling supply") {
    // 800 ml a day, then 300 ml yesterday (a day hardly logged): the last 3 days' mean, 633 ml, is 21% below 800,
    // but 2 of the 3 days are not: no fall.
    const SupplyAssessment a = assess_supply(
        days_of_pumps({800, 800, 800, 800, 800, 800, 800, 800, 800, 300}, 100), ymd(2026, 10, 20), berlin_now(),
        Unit::ml);
    CHECK_FALSE(falling_of(a));
    // Fewer than 3 whole days logged before the last 3: nothing to fall from.
    CHECK_FALSE(falling_supply(days_of_pumps({900, 900, 400, 400, 400}, 50), std::nullopt, berlin_now()));
}

TEST_CASE("behind on day 6 or 7: see a lactation consultant if still behind on day 8") {
    const SupplyAssessment a = assess_supply(logged_day_of_pumps(8, 40), ymd(2026, 11, 15), berlin_now(), Unit::ml);
    CHECK(a.progress.day == 6);
    CHECK(a.progress.verdict == SupplyVerdict::behind);
    CHECK(a.advice.back().text == "If you are still behind on day 8, see a lactation consultant.");
}

TEST_CASE("full volume: 750 ml or more in the last 24 hours, whatever the day") {
    const SupplyAssessment a = assess_supply(logged_day_of_pumps(8, 100), ymd(2026, 11, 11), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::full_volume);
    CHECK(a.progress.day == 10);
    CHECK(a.progress.pumped_24h.ml() == Approx(800));
    CHECK(texts(a.advice) == std::vector<std::string>{
                          "Full volume: 800 ml in the last 24 hours; full production is about 750-1050 ml a day "
                          "(Ameda).",
                          "Keep pumping 8-10 times in 24 hours, never more than 5 hours apart (Ameda), until the baby "
                          "feeds at the breast; then the plan can follow the baby's feeds (pumplog config set mode "
                          "exclusive).",
                      });
    CHECK(verdict_name(SupplyVerdict::full_volume) == "full_volume");
    // keep_pumping's aim (8 a day) only when fewer were logged: 8 sessions were, so none.
    REQUIRE(a.advice.size() == 2);
    CHECK(a.advice[1].kind == AdviceKind::keep_pumping);
    CHECK(a.advice[1].pumps == 8);
    CHECK(a.advice[1].count == 0);
    const SupplyAssessment five =
        assess_supply(logged_day_of_pumps(5, 150), ymd(2026, 10, 22), berlin_now(), Unit::ml);
    REQUIRE(five.advice.size() == 2);
    CHECK(five.advice[1].count == 8);
    // Exactly 750 ml on day 30 is full volume; 749 is behind.
    CHECK(assess_supply(logged_day_of_pumps(5, 150), ymd(2026, 10, 22), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::full_volume);
    std::vector<Entry> short_of = logged_day_of_pumps(5, 150);
    short_of[4].ml = 149;  // the last of the 5 (the one after them is outside the last 24 hours)
    CHECK(assess_supply(short_of, ymd(2026, 10, 22), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::behind);
}

TEST_CASE("no behind verdict when the last 24 hours reach before the first logged pump") {
    // Day 8 (about 500 ml): 8 x 55 = 440 ml would be behind, but nothing was logged before 2026-11-20 15:00,
    // 23 hours ago: the pumps of the hour before it were not logged, if there were any.
    const SupplyAssessment a = assess_supply(day_of_pumps(8, 55), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::not_enough_data);
    REQUIRE(a.advice.size() == 1);
    CHECK(a.advice.front().kind == AdviceKind::not_enough_data);
    CHECK(a.advice.front().reason == "logged_under_24h");
    CHECK(a.advice.front().expected.ml() == Approx(440));
    CHECK(a.advice.front().text ==
          "Not enough data: your first logged pump is 23 hours old, so the last 24 hours hold only what you logged "
          "since: 440 ml in 8 sessions, against about 500 ml a day on day 8 (Ru et al. 2020). Log every session for "
          "a full 24 hours (pumplog log pump 40ml) to see whether you are on track.");
    // Before day 6 the sessions are judged: 3 of them since the first logged pump say nothing either.
    const SupplyAssessment early = assess_supply(day_of_pumps(3, 10), ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(early.progress.verdict == SupplyVerdict::not_enough_data);
    REQUIRE(early.advice.size() == 1);
    CHECK(early.advice.front().text ==
          "Not enough data: your first logged pump is 23 hours old, so the last 24 hours hold only what you logged "
          "since: 3 sessions (30 ml), none between 01:00 and 05:00, where 5 or more sessions a day by day 5 and "
          "night pumping go with coming to volume (Mago-Shah et al. 2023). Log every session for a full 24 hours "
          "(pumplog log pump 40ml) to see whether you are on track.");
    // What reaches the milestone or full volume all the same is judged as usual.
    CHECK(assess_supply(day_of_pumps(8, 70), ymd(2026, 11, 13), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::on_track);
    CHECK(assess_supply(day_of_pumps(8, 100), ymd(2026, 11, 13), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::full_volume);
}

TEST_CASE("not enough data: no birth date, a birth date after today, or no pumps in the last 24 hours") {
    const SupplyAssessment no_birth = assess_supply(day_of_pumps(8, 70), std::nullopt, berlin_now(), Unit::ml);
    CHECK(no_birth.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK_FALSE(no_birth.progress.milestone);
    CHECK(no_birth.progress.pumped_24h.ml() == Approx(560));  // the numbers are still given
    CHECK(texts(no_birth.advice) == std::vector<std::string>{
                                 "Not enough data: set the baby's birth date (pumplog config set birth YYYY-MM-DD) to "
                                 "judge your volume against the milestones for the days since birth (Ru et al. 2020).",
                             });

    const SupplyAssessment future = assess_supply(day_of_pumps(8, 70), ymd(2026, 12, 1), berlin_now(), Unit::ml);
    CHECK(future.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK(future.advice.front().text ==
          "Not enough data: the birth date 2026-12-01 is after today; check the birth setting.");
    // The basis numbers no day from it (no "day -10"): it says the birth date is after today instead.
    REQUIRE(future.days.size() == 7);
    CHECK(std::none_of(future.days.begin(), future.days.end(), [](const SupplyDay& d) { return d.day.has_value(); }));
    CHECK(future.basis.notes.front() == "2026-11-15: no pumps logged");
    CHECK(future.basis.notes.back() == "The birth date 2026-12-01 is after today: no day since the birth to count.");

    // The last pump was 25 hours ago.
    const std::vector<Entry> old{pump("2026-11-20T13:05:00+01:00", 90), pump("2026-11-20T10:00:00+01:00", 90)};
    const SupplyAssessment stale = assess_supply(old, ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(stale.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK(stale.progress.sessions_24h == 0);
    CHECK(stale.progress.day == 8);
    CHECK(stale.advice.front().text ==
          "Not enough data: no pumps logged in the last 24 hours; log each session (pumplog log pump 40ml) to see "
          "your progress.");
    CHECK(assess_supply({}, ymd(2026, 11, 13), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::not_enough_data);
    CHECK(verdict_name(SupplyVerdict::not_enough_data) == "not_enough_data");
}

TEST_CASE("before day 6 the sessions are judged: 5 or more with one between 01:00 and 05:00") {
    // Born 2026-11-18: day 3. 6 sessions of 10 ml, one at 03:00.
    const SupplyAssessment on = assess_supply(logged_day_of_pumps(6, 10), ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(on.progress.verdict == SupplyVerdict::on_track);
    CHECK(on.progress.day == 3);
    CHECK_FALSE(on.progress.milestone);
    CHECK(texts(on.advice) == std::vector<std::string>{
                           "On track for day 3: 6 sessions in the last 24 hours (60 ml), one between 01:00 and 05:00; "
                           "5 or more sessions a day by day 5 and night pumping go with coming to volume (Mago-Shah "
                           "et al. 2023).",
                           "No volume milestone before day 6: the milk comes in over days 3-5; the first milestone is "
                           "about 350 ml a day on day 6 (Ru et al. 2020).",
                           // Fewer than 8: on track is no reason to pump less often than the timetable (Ameda).
                           "Work up to 8-10 sessions in 24 hours (Ameda): you logged 6 in the last 24 hours.",
                       });
    // 8 sessions: nothing to work up to.
    const SupplyAssessment eight = assess_supply(logged_day_of_pumps(8, 10), ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(eight.progress.verdict == SupplyVerdict::on_track);
    CHECK(eight.advice.size() == 2);
    // 7 sessions but none at night: behind, add a night session.
    const SupplyAssessment no_night =
        assess_supply(logged_day_of_pumps_no_night(7, 10), ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(no_night.progress.verdict == SupplyVerdict::behind);
    CHECK(no_night.advice.size() == 4);
    CHECK(has(no_night.advice, "Add a session: you logged 7"));
    CHECK(has(no_night.advice, "Add a night session between 01:00 and 05:00"));
    CHECK_FALSE(has(no_night.advice, "lactation consultant"));
    CHECK_FALSE(has(no_night.advice, "Pump longer"));
    // 4 sessions with the night one: behind, add sessions.
    const SupplyAssessment few = assess_supply(logged_day_of_pumps(4, 10), ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(few.progress.verdict == SupplyVerdict::behind);
    CHECK(few.advice.front().text.rfind("Behind for day 3: 4 sessions in the last 24 hours (40 ml), none between", 0) == 0);
}

TEST_CASE("the last 24 hours and the night window are counted exactly") {
    const std::vector<Entry> entries{
        pump("2026-11-20T14:05:00+01:00", 500),  // exactly 24 h ago: outside (now - 24 h, now]
        pump("2026-11-20T14:06:00+01:00", 10),
        pump("2026-11-21T00:59:00+01:00", 10),  // before 01:00: not a night session
        pump("2026-11-21T05:00:00+01:00", 10),  // 05:00: a morning session
        pump("2026-11-21T14:05:00+01:00", 10),  // now: counted
        pump("2026-11-21T14:06:00+01:00", 999),  // the future: not counted
    };
    SupplyProgress p = assess_supply(entries, ymd(2026, 11, 13), berlin_now(), Unit::ml).progress;
    CHECK(p.sessions_24h == 4);
    CHECK(p.pumped_24h.ml() == Approx(40));
    CHECK_FALSE(p.night_session);
    std::vector<Entry> with_one = entries;
    with_one.push_back(pump("2026-11-21T01:00:00+01:00", 10));
    p = assess_supply(with_one, ymd(2026, 11, 13), berlin_now(), Unit::ml).progress;
    CHECK(p.night_session);
    // A night session is judged on the wall clock it was logged with: 03:00 in New York.
    const std::vector<Entry> travel{pump("2026-11-21T03:00:00-05:00", 10)};  // 09:00 in Berlin
    CHECK(assess_supply(travel, ymd(2026, 11, 13), berlin_now(), Unit::ml).progress.night_session);
    // Other entries and pumps without a volume: only pumps count; a missing volume is unknown (not 0 ml).
    Entry feed = pump("2026-11-21T10:00:00+01:00", 120);
    feed.type = EntryType::feed;
    Entry sides = pump("2026-11-21T11:00:00+01:00", 0);
    sides.ml.reset();
    sides.left_ml = 30;
    sides.right_ml = 25;
    Entry bare = pump("2026-11-21T12:00:00+01:00", 0);
    bare.ml.reset();
    p = assess_supply({feed, sides, bare}, ymd(2026, 11, 13), berlin_now(), Unit::ml).progress;
    CHECK(p.sessions_24h == 2);
    // The sides make no total without `ml` (pumplog(5)): both are sessions of unknown volume.
    CHECK(p.unmeasured_24h == 2);
    CHECK(p.pumped_24h.ml() == Approx(0));
}

TEST_CASE("sessions without a volume are unknown: no behind verdict from the sessions with one alone") {
    // Day 8 (milestone about 500 ml): 8 sessions, 4 without a volume, the other 4 of 70 ml each.
    std::vector<Entry> entries = day_of_pumps(8, 70);
    for (std::size_t i = 0; i < entries.size(); i += 2) entries[i].ml.reset();
    // Logged since before the last 24 hours: the window misses no pump (else it says so, with no next steps).
    const Entry logged_before = pump("2026-11-19T09:00:00+01:00", 50);
    entries.push_back(logged_before);
    SupplyAssessment a = assess_supply(entries, ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK(a.progress.sessions_24h == 8);
    CHECK(a.progress.unmeasured_24h == 4);
    CHECK(a.progress.pumped_24h.ml() == Approx(280));
    REQUIRE(a.advice.size() == 1);
    CHECK(a.advice[0].text ==
          "Not enough data: 4 of the 8 sessions in the last 24 hours have no volume logged; the other 4 add up to "
          "280 ml, against about 500 ml a day on day 8 (Ru et al. 2020). A session without a volume is not 0 ml: log "
          "each session's volume (pumplog log pump 40ml; pumplog log edit REF --amount 40ml for one logged without) "
          "to see whether you are on track.");
    CHECK_FALSE(has(a.advice, "lactation consultant"));
    CHECK_FALSE(has(a.advice, "Behind"));
    // The basis names them per day, never as 0 ml.
    CHECK(has(a.basis.notes, "2026-11-20 (day 7): 3 sessions (2 without a volume), 70 ml, none between"));
    // None with a volume: no sum at all; how often still counts (5 sessions: add a session).
    std::vector<Entry> bare = day_of_pumps(5, 0);
    for (Entry& e : bare) e.ml.reset();
    bare.push_back(logged_before);
    a = assess_supply(bare, ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK(a.advice.front().text.rfind("Not enough data: none of the 5 sessions in the last 24 hours has a volume logged, "
                                 "against about 500 ml a day on day 8",
                                 0) == 0);
    CHECK(has(a.advice, "Add 3 sessions: you logged 5"));
    CHECK(has(a.basis.notes, "2026-11-20 (day 7): 3 sessions, none with a volume, none between"));
    // The sessions with a volume already reach the milestone: on track, and the sentence says what it leaves out.
    entries = day_of_pumps(8, 130);
    entries[1].ml.reset();
    a = assess_supply(entries, ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::full_volume);
    CHECK(a.advice.front().text == "Full volume: 910 ml in the last 24 hours, not counting 1 session without a volume; "
                              "full production is about 750-1050 ml a day (Ameda).");
}

TEST_CASE("the basis lists each recent day with the sessions actually logged") {
    std::vector<Entry> entries = day_of_pumps(8, 70);
    entries.push_back(pump("2026-11-19T09:00:00+01:00", 50));
    // Born 2026-11-18: the days since birth, oldest first, today so far.
    const SupplyAssessment a = assess_supply(entries, ymd(2026, 11, 18), berlin_now(), Unit::ml);
    REQUIRE(a.days.size() == 4);
    CHECK(a.days[0].date == date::sys_days(ymd(2026, 11, 18)));
    CHECK(a.days[0].sessions == 0);
    CHECK(a.days[1].sessions == 1);
    CHECK(a.days[2].sessions == 3);
    CHECK(a.days[3].sessions == 5);
    CHECK(a.days[3].partial);
    CHECK(a.days[3].night_session);
    CHECK(a.basis.days == 4);
    CHECK(a.basis.feeds == 9);
    CHECK(a.basis.since == stamp("2026-11-18T00:00:00+01:00").instant);
    CHECK(a.basis.until == berlin_now().now);
    CHECK(a.basis.notes == std::vector<std::string>{
                               "2026-11-18 (day 0): no pumps logged",
                               "2026-11-19 (day 1): 1 session, 50 ml, none between 01:00 and 05:00",
                               "2026-11-20 (day 2): 3 sessions, 210 ml, none between 01:00 and 05:00",
                               "2026-11-21 (day 3, so far): 5 sessions, 350 ml, one between 01:00 and 05:00",
                           });
    // Long after birth: the last 7 days.
    const SupplyAssessment later = assess_supply(entries, ymd(2026, 10, 1), berlin_now(), Unit::ml);
    REQUIRE(later.days.size() == 7);
    CHECK(later.days.front().date == date::sys_days(ymd(2026, 11, 15)));
    // Logging began inside the last 24 hours: the basis says so.
    const SupplyAssessment fresh = assess_supply(day_of_pumps(8, 70), ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(has(fresh.basis.notes,
              "Your first logged pump is at 2026-11-20 15:00: the last 24 hours may miss pumps you did not log."));
}

TEST_CASE("advice volumes follow the unit") {
    const SupplyAssessment a = assess_supply(day_of_pumps(8, 100), ymd(2026, 11, 11), berlin_now(), Unit::oz);
    // Ameda's own ounces (25 to 35 oz), not 750-1050 ml converted back (25.4-35.5 oz).
    CHECK(a.advice.front().text == "Full volume: 27.1 oz in the last 24 hours; full production is about 25-35 oz a day "
                              "(Ameda).");
}

// ---- The whole plan ----------------------------------------------------------------

TEST_CASE("the supply plan has the timetable's pumps, progress, basis and advice, and no slots") {
    Settings settings;
    settings.mode = PlanMode::supply;
    settings.sessions = 8;
    settings.sleep = DailyWindow{hm(23, 30), hm(5, 30)};
    settings.birth = ymd(2026, 11, 13);
    const Clock clock = berlin_now();
    const Plan plan =
        supply_plan(settings, day_of_pumps(8, 70), clock, TimeSpan{clock.now, clock.now + hours(24)});
    CHECK(plan.slots.empty());
    REQUIRE(plan.pumps.size() == 8);
    CHECK(format_rfc3339(plan.pumps.front().at, clock.zone) == "2026-11-21T14:30:00+01:00");
    CHECK(format_rfc3339(plan.pumps.back().at, clock.zone) == "2026-11-22T11:30:00+01:00");
    REQUIRE(plan.progress);
    CHECK(plan.progress->verdict == SupplyVerdict::on_track);
    REQUIRE(plan.advice.size() == 4);
    CHECK(plan.advice[0].text.rfind("One session, at 02:30, stays inside your sleep window (23:30-05:30)", 0) == 0);
    CHECK(plan.advice[1].text.rfind("On track: 560 ml", 0) == 0);
    CHECK(plan.basis.notes.front() ==
          "Timetable: 8 sessions a day at 02:30, 05:30, 08:30, 11:30, 14:30, 17:30, 20:30 and 23:15: never more than "
          "5 hours apart (Ameda), one between 01:00 and 05:00 (Mago-Shah et al. 2023).");
    // The expected yield at 03:00 learned from the logged 03:00 pump (02:30 is 30 min away).
    const auto night = std::find_if(plan.pumps.begin(), plan.pumps.end(),
                                    [&](const PlannedPump& p) { return local_minute(p.at, clock.zone) == hm(2, 30); });
    REQUIRE(night != plan.pumps.end());
    REQUIRE(night->expected);
    CHECK(night->expected->ml() == Approx(70));
    for (const PlannedPump& p : plan.pumps) {
        CHECK(p.covers.empty());
        CHECK_FALSE(p.extra);
    }
}

TEST_CASE("before day 6 breast feeds make too few sessions a not_enough_data verdict with reason nursing") {
    // Day 3 (born 2026-11-18), 4 daytime sessions of 10 ml (behind on pumps alone: under 5, none at night),
    // and a feed at the breast: the verdict is said, with no next steps.
    std::vector<Entry> entries = logged_day_of_pumps_no_night(4, 10);
    CHECK(assess_supply(entries, ymd(2026, 11, 18), berlin_now(), Unit::ml).progress.verdict ==
          SupplyVerdict::behind);
    Entry feed;
    feed.type = EntryType::feed;
    feed.type_text = "feed";
    feed.id = "feed-breast";
    feed.at = stamp("2026-11-21T07:30:00+01:00");
    feed.at_text = "2026-11-21T07:30:00+01:00";
    feed.method.set(FeedMethod::breast);
    feed.left_s = 600;
    entries.push_back(feed);
    const SupplyAssessment a = assess_supply(entries, ymd(2026, 11, 18), berlin_now(), Unit::ml);
    CHECK(a.progress.verdict == SupplyVerdict::not_enough_data);
    REQUIRE(a.advice.size() == 1);
    CHECK(a.advice[0].kind == AdviceKind::not_enough_data);
    CHECK(a.advice[0].reason == "nursing");
    CHECK(a.advice[0].source == "Mago-Shah et al. 2023");
    CHECK(a.advice[0].age_days == 3);
    CHECK(a.advice[0].pumps == 4);
    CHECK_FALSE(a.advice[0].night);
    CHECK(a.advice[0].text ==
          "Not enough data: 4 sessions in the last 24 hours (40 ml), none between 01:00 and 05:00, where 5 or more "
          "sessions a day by day 5 and night pumping go with coming to volume (Mago-Shah et al. 2023), but the baby "
          "also fed at the breast, which removes milk too: fewer pump sessions cannot show that you are behind.");
}

TEST_CASE("breast feeds logged in supply mode mean no behind verdict from pumps alone") {
    // Day 8, 8 x 55 = 440 ml pumped (behind on pumps alone), and two feeds at the breast.
    std::vector<Entry> entries = logged_day_of_pumps(8, 55);
    for (const char* at : {"2026-11-20T19:30:00+01:00", "2026-11-21T07:30:00+01:00"}) {
        Entry feed;
        feed.type = EntryType::feed;
        feed.type_text = "feed";
        feed.id = std::string("feed-") + at;
        feed.at = stamp(at);
        feed.at_text = at;
        feed.method.set(FeedMethod::breast);
        feed.left_s = 600;
        entries.push_back(feed);
    }
    const SupplyAssessment a = assess_supply(entries, ymd(2026, 11, 13), berlin_now(), Unit::ml);
    CHECK(a.breast_feeds_24h == 2);
    CHECK(a.progress.verdict == SupplyVerdict::not_enough_data);
    CHECK(std::none_of(a.advice.begin(), a.advice.end(), [](const PlanAdvice& s) { return s.text.starts_with("Behind"); }));
    // The verdict is said, as every verdict is (a script finds one verdict item): not_enough_data, reason
    // nursing, with what the pumps showed and no next steps.
    REQUIRE(a.advice.size() == 1);
    CHECK(a.advice[0].kind == AdviceKind::not_enough_data);
    CHECK(a.advice[0].reason == "nursing");
    CHECK(a.advice[0].source == "Ru et al. 2020");
    CHECK(a.advice[0].age_days == 8);
    CHECK(a.advice[0].pumps == 8);
    CHECK(a.advice[0].expected.ml() == Approx(440));
    CHECK(a.advice[0].text ==
          "Not enough data: 440 ml in the last 24 hours, under about 500 ml a day on day 8 "
          "(Ru et al. 2020), but the baby also fed at the breast: the pumped milk alone cannot show that you are "
          "behind.");

    Settings settings;
    settings.mode = PlanMode::supply;
    settings.birth = ymd(2026, 11, 13);
    const Clock clock = berlin_now();
    const Plan plan = supply_plan(settings, entries, clock, TimeSpan{clock.now, clock.now + std::chrono::hours(24)});
    const auto nursing = std::find_if(plan.advice.begin(), plan.advice.end(),
                                      [](const PlanAdvice& x) { return x.kind == AdviceKind::nursing_in_supply; });
    REQUIRE(nursing != plan.advice.end());
    CHECK(nursing->count == 2);
    CHECK(nursing->pumps == 8);
    CHECK(nursing->expected.ml() == Approx(440));
    CHECK(render::advice_text(*nursing, Unit::ml, clock.zone) ==
          "The baby also fed at the breast 2 times in the last 24 hours: that milk is not measured, so the 440 ml you "
          "pumped (8 sessions) is only part of your supply and cannot show that you are behind. The numbers tell how "
          "often and how much you pump; they cannot tell how much the baby took at the breast (a lactation "
          "consultant can weigh the baby before and after a feed).");
    // Without the feeds the same pumps are behind.
    CHECK(assess_supply(logged_day_of_pumps(8, 55), ymd(2026, 11, 13), clock, Unit::ml).progress.verdict ==
          SupplyVerdict::behind);
    // Two of the sessions logged without a volume: the advice names them, never counting them as 0 ml.
    std::size_t unmeasured = 0;
    for (Entry& e : entries)
        if (e.type == EntryType::pump && unmeasured < 2) {
            e.ml.reset();
            ++unmeasured;
        }
    const Plan partly = supply_plan(settings, entries, clock, TimeSpan{clock.now, clock.now + std::chrono::hours(24)});
    const auto some = std::find_if(partly.advice.begin(), partly.advice.end(),
                                   [](const PlanAdvice& x) { return x.kind == AdviceKind::nursing_in_supply; });
    REQUIRE(some != partly.advice.end());
    CHECK(some->unmeasured == 2);
    CHECK(render::advice_text(*some, Unit::ml, clock.zone).starts_with(
        "The baby also fed at the breast 2 times in the last 24 hours: that milk is not measured, so the 330 ml you "
        "pumped (8 sessions, 2 without a volume, not counted) is only part of your supply"));
}
}  // namespace PUMPLOG_UNITY_ID
