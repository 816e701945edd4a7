// The timetable's hold on the number of pumps: two pumps near min_gap apart are
// merged or kept apart as the week's reference timetable has them (draft_pumps
// with a reference), so one noisy day does not add or take away a pump; and
// the hold on the times (snap_to, near_reference, hold_to).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <date/tz.h>

#include "core/timetable.hpp"

namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using std::chrono::hours;
using std::chrono::minutes;

const Seconds day = Seconds(date::sys_days(date::year{2026} / 11 / 16).time_since_epoch());

Seconds at(int h, int m) { return day + hours(h) + minutes(m); }

std::vector<timetable::Feed> feeds_at(const std::vector<std::pair<int, int>>& times) {
    std::vector<timetable::Feed> out;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const Seconds t = at(times[i].first, times[i].second);
        out.push_back({t, i, Volume::from_ml(100), false, LocalSeconds(t.time_since_epoch())});
    }
    return out;
}

timetable::Draft pump_at(int h, int m, int feeds) {
    timetable::Draft d{at(h, m), Volume::from_ml(100.0 * feeds), {}, {}};
    for (int i = 0; i < feeds; ++i) {
        d.covers.push_back(at(h, m));
        d.amounts.push_back(Volume::from_ml(100));
    }
    return d;
}

std::vector<std::string> clock_times(const std::vector<timetable::Draft>& drafts) {
    std::vector<std::string> out;
    for (const auto& d : drafts) out.push_back(date::format("%H:%M", d.at));
    return out;
}

const timetable::Options options{hours(2), hours(4), hours(5), DailyWindow{22 * 60, 6 * 60}, minutes(5)};
const std::vector<TimeSpan> whole_day{{day, day + hours(24)}};

TEST_CASE("two feeds 1 h 50 apart the week's timetable pumps for apart stay two pumps spread to min_gap") {
    const auto* utc = date::locate_zone("UTC");
    const auto feeds = feeds_at({{2, 0}, {5, 0}, {8, 0}, {9, 50}, {12, 0}, {15, 0}, {18, 0}, {21, 0}});
    // No reference: the pair closer than min_gap is one pump at their mean.
    CHECK(clock_times(timetable::draft_pumps(feeds, whole_day, options, utc)) ==
          std::vector<std::string>{"02:00", "05:00", "08:55", "12:00", "15:00", "18:00", "21:00"});
    // The week's timetable pumped for them apart (08:00 and 10:10): two pumps, 2 h apart around their middle.
    const std::vector<timetable::Draft> week{pump_at(2, 0, 1),  pump_at(5, 0, 1),  pump_at(8, 0, 1),
                                             pump_at(10, 10, 1), pump_at(12, 0, 1), pump_at(15, 0, 1),
                                             pump_at(18, 0, 1),  pump_at(21, 0, 1)};
    CHECK(clock_times(timetable::draft_pumps(feeds, whole_day, options, utc, week)) ==
          std::vector<std::string>{"02:00", "05:00", "07:55", "09:55", "12:00", "15:00", "18:00", "21:00"});
    // Farther under min_gap than the hold (1 h 25): one pump, whatever the week had.
    const auto closer = feeds_at({{2, 0}, {5, 0}, {8, 0}, {9, 25}, {12, 0}, {15, 0}, {18, 0}, {21, 0}});
    CHECK(timetable::draft_pumps(closer, whole_day, options, utc, week).size() == 7);
}

TEST_CASE("two feeds 2 h 10 apart the week's timetable pumped for as one stay one pump") {
    const auto* utc = date::locate_zone("UTC");
    const auto feeds = feeds_at({{2, 0}, {5, 0}, {8, 0}, {10, 10}, {13, 0}, {16, 0}, {19, 0}, {22, 0}});
    CHECK(clock_times(timetable::draft_pumps(feeds, whole_day, options, utc)) ==
          std::vector<std::string>{"02:00", "05:00", "08:00", "10:10", "13:00", "16:00", "19:00", "22:00"});
    // The week's timetable had one pump for both (their feeds were 1 h 50 apart then): one, at their mean.
    const std::vector<timetable::Draft> week{pump_at(2, 0, 1),  pump_at(5, 0, 1),  pump_at(9, 0, 2),
                                             pump_at(13, 0, 1), pump_at(16, 0, 1), pump_at(19, 0, 1),
                                             pump_at(22, 0, 1)};
    CHECK(clock_times(timetable::draft_pumps(feeds, whole_day, options, utc, week)) ==
          std::vector<std::string>{"02:00", "05:00", "09:05", "13:00", "16:00", "19:00", "22:00"});
    // A week whose pump there covered one feed only (a pump missing, not two merged): the feeds stay two.
    std::vector<timetable::Draft> missing = week;
    missing[2] = pump_at(9, 0, 1);
    CHECK(timetable::draft_pumps(feeds, whole_day, options, utc, missing).size() == 8);
}

TEST_CASE("snap_to takes the week's times where each pump is within the tolerance and names the other periods") {
    const std::vector<TimeSpan> periods{{at(8, 0), at(12, 0)}, {at(12, 0), at(16, 0)}, {at(16, 0), at(20, 0)}};
    const std::vector<timetable::Draft> fresh{pump_at(9, 0, 1), pump_at(11, 0, 1), pump_at(13, 0, 1),
                                              pump_at(15, 0, 1)};
    const std::vector<timetable::Draft> week{pump_at(9, 40, 1), pump_at(10, 20, 1), pump_at(13, 0, 1),
                                             pump_at(14, 55, 1), pump_at(17, 0, 1)};
    // Within an hour everywhere (40 minutes at most): both periods with pumps snapped, their covers kept.
    std::vector<timetable::Draft> drafts = fresh;
    CHECK(timetable::snap_to(drafts, week, periods, minutes(60)).empty());
    CHECK(clock_times(drafts) == std::vector<std::string>{"09:40", "10:20", "13:00", "14:55"});
    CHECK(drafts[0].covers == std::vector<Seconds>{at(9, 0)});
    // Within 30 minutes: 08-12 is left as it was, and named; 16-20 holds no pump of the drafts', so it is not.
    drafts = fresh;
    const std::vector<TimeSpan> left = timetable::snap_to(drafts, week, periods, minutes(30));
    REQUIRE(left.size() == 1);
    CHECK(left[0].begin == at(8, 0));
    CHECK(left[0].end == at(12, 0));
    CHECK(clock_times(drafts) == std::vector<std::string>{"09:00", "11:00", "13:00", "14:55"});
    CHECK(timetable::near_reference(fresh, week, periods[0], minutes(40)));
    CHECK_FALSE(timetable::near_reference(fresh, week, periods[0], minutes(39)));
    CHECK_FALSE(timetable::near_reference(fresh, week, periods[2], minutes(60)));
}

TEST_CASE("held to the week's timetable with a pump fewer each feed goes to the nearest of the week's pumps") {
    const auto* utc = date::locate_zone("UTC");
    auto feeds = feeds_at({{2, 0}, {5, 0}, {8, 0}, {9, 25}, {12, 0}, {15, 0}, {18, 0}, {21, 0}});
    feeds[2].estimated = true;  // the 08:00 feed's amount is an estimate
    std::vector<timetable::Draft> drafts = timetable::draft_pumps(feeds, whole_day, options, utc);
    REQUIRE(clock_times(drafts) == std::vector<std::string>{"02:00", "05:00", "08:40", "12:00", "15:00", "18:00",
                                                           "21:00"});
    REQUIRE(drafts[2].estimated);  // 08:00 and 09:25 under one pump
    // The week pumped at 08:00 and 10:10, and had a night pump for a long gap (23:30, covering no feed).
    std::vector<timetable::Draft> week{pump_at(2, 0, 1),   pump_at(5, 0, 1),  pump_at(8, 0, 1),
                                       pump_at(10, 10, 1), pump_at(12, 0, 1), pump_at(15, 0, 1),
                                       pump_at(18, 0, 1),  pump_at(21, 0, 1), pump_at(23, 30, 0)};
    week.back().night = true;
    timetable::hold_to(drafts, week, whole_day[0], feeds);
    CHECK(clock_times(drafts) == std::vector<std::string>{"02:00", "05:00", "08:00", "10:10", "12:00", "15:00",
                                                         "18:00", "21:00", "23:30"});
    // 09:25 is 25 minutes from 10:10 and 85 from 08:00.
    CHECK(drafts[2].covers == std::vector<Seconds>{at(8, 0)});
    CHECK(drafts[3].covers == std::vector<Seconds>{at(9, 25)});
    CHECK(drafts[3].target.ml() == 100);
    CHECK(drafts[2].estimated);
    CHECK_FALSE(drafts[3].estimated);  // its one feed was measured
    CHECK(drafts[8].covers.empty());
    CHECK(drafts[8].target.ml() == 0);
    CHECK(drafts[8].night);
    Volume need;
    for (const auto& d : drafts) need += d.target;
    CHECK(need.ml() == 800);  // the day's eight feeds, each in one target
}

TEST_CASE("cover_nearest tells a pump whose feed went to a nearer pump from a gap's and takes each feed's estimate") {
    // Twins' feeds at 12:00 (slots 0 and 1: the first measured, the second an estimate), one at 20:50.
    std::vector<timetable::Feed> feeds{
        {at(12, 0), 0, Volume::from_ml(90), false, LocalSeconds(at(12, 0).time_since_epoch())},
        {at(12, 0), 1, Volume::from_ml(100), true, LocalSeconds(at(12, 0).time_since_epoch())},
        {at(20, 50), 2, Volume::from_ml(100), false, LocalSeconds(at(20, 50).time_since_epoch())}};
    timetable::Draft noon{at(12, 0), Volume::from_ml(190), {at(12, 0), at(12, 0)},
                          {Volume::from_ml(90), Volume::from_ml(100)}};
    noon.estimated = true;
    std::vector<timetable::Draft> drafts{noon, pump_at(20, 0, 0), pump_at(21, 10, 0), pump_at(23, 30, 0)};
    drafts[1].covers = {at(20, 50)};
    drafts[1].amounts = {Volume::from_ml(100)};
    drafts[1].target = Volume::from_ml(100);
    timetable::cover_nearest(drafts, feeds, whole_day);
    // The estimated 12:00 feed is the second twin's (of its amount), not the first's found by time.
    CHECK(drafts[0].covers == std::vector<Seconds>{at(12, 0), at(12, 0)});
    CHECK(drafts[0].target.ml() == 190);
    CHECK(drafts[0].estimated);
    // 20:50 is 20 minutes from the gap's 21:10 pump and 50 from 20:00, drafted for it: that one says so.
    CHECK(drafts[1].covers.empty());
    CHECK(drafts[1].target.ml() == 0);
    CHECK(drafts[1].lost == std::vector<Seconds>{at(20, 50)});
    CHECK(drafts[1].lost_to == std::vector<Seconds>{at(21, 10)});
    CHECK(drafts[2].covers == std::vector<Seconds>{at(20, 50)});
    CHECK(drafts[2].lost.empty());
    // A gap's pump nearest no feed was never drafted for one.
    CHECK(drafts[3].covers.empty());
    CHECK(drafts[3].lost.empty());
    CHECK(drafts[3].lost_to.empty());
}

}  // namespace PUMPLOG_UNITY_ID
