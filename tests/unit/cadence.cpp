#include "pumplog/cadence.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <tuple>

#include "baby.hpp"
#include "pumplog/error.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using namespace testbaby;

namespace {

const date::time_zone* berlin() { return locate_zone("Europe/Berlin"); }

// The cadence learned until the local midnight after `days` days from `first`.
Cadence learn(const std::vector<Entry>& entries, date::sys_days first, int days, int lookback = 7) {
    const Seconds until = start_of_local_day(first + date::days(days), berlin());
    return learn_cadence(entries, lookback_since(until, lookback, berlin()), until, berlin());
}

// Every true slot has exactly one learned slot within 30 min, with an amount
// within 15 %, and there are no other slots.
void require_matches(const Cadence& cadence, const std::vector<SlotSpec>& truth, int shift = 0) {
    std::string learned;
    for (const auto& s : cadence.slots) learned += " " + std::to_string(s.minute) + "/" + std::to_string(s.seen);
    INFO("learned " << cadence.slots.size() << " slots for " << truth.size() << ":" << learned);
    REQUIRE(cadence.slots.size() == truth.size());
    for (const auto& t : truth) {
        const int minute = (t.minute + shift + 24 * 60) % (24 * 60);
        int near = 0;
        for (const auto& s : cadence.slots) {
            if (circular_distance(s.minute, minute) > 30) continue;
            ++near;
            INFO("slot at " << minute << " learned at " << s.minute << " with " << s.amount.ml() << " ml for " << t.ml);
            CHECK(std::abs(s.amount.ml() - t.ml) <= 0.15 * t.ml);
        }
        INFO("slot at minute " << minute);
        CHECK(near == 1);
    }
}

const date::sys_days monday = day_of(2026, 11, 9);

// The day's volume the slots share.
double day_total(const Cadence& c) {
    double ml = 0;
    for (const Slot& s : c.slots) ml += s.amount.ml();
    return ml;
}

}  // namespace

TEST_CASE("a regular baby's slots are its feed times and amounts") {
    const auto truth = even_slots(8, hm(1), 100);
    const Cadence c = learn(feeds_for(berlin(), monday, 7, truth), monday, 7);
    REQUIRE(c.slots.size() == 8);
    for (std::size_t i = 0; i < 8; ++i) {
        CHECK(c.slots[i].minute == truth[i].minute);
        CHECK(c.slots[i].amount.ml() == truth[i].ml);
        CHECK(c.slots[i].seen == 7);
    }
    CHECK(c.basis.feeds == 56);
    CHECK(c.basis.days == 7);
    CHECK(c.basis.since == start_of_local_day(monday, berlin()));
    CHECK(c.basis.until == start_of_local_day(monday + date::days(7), berlin()));
    CHECK(c.basis.notes.empty());
}

TEST_CASE("noise of 30 minutes keeps slots within 30 minutes and amounts within 15 percent") {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const std::vector<SlotSpec> truth = {{hm(2, 30), 90}, {hm(6), 140},      {hm(9, 30), 110}, {hm(12, 45), 120},
                                             {hm(16), 100},   {hm(19, 15), 150}, {hm(22, 30), 130}};
        require_matches(learn(feeds_for(berlin(), monday, 7, truth, {30, 0.1, seed}), monday, 7), truth);
    }
}

TEST_CASE("6 to 12 feeds a day give 6 to 12 slots") {
    for (int n = 6; n <= 12; ++n) {
        for (unsigned seed = 1; seed <= 3; ++seed) {
            INFO(n << " feeds a day, seed " << seed);
            const auto truth = even_slots(n, hm(0, 40), 80);
            const Cadence c = learn(feeds_for(berlin(), monday, 7, truth, {30, 0.1, seed}), monday, 7);
            require_matches(c, truth);
            CHECK(std::lround(c.feedings_per_day) == n);
        }
    }
}

TEST_CASE("missed feeds neither remove nor move a slot") {
    const auto truth = even_slots(8, hm(1, 30), 110);
    // The 07:30 feed is missed on two days, the 13:30 one on another.
    const auto skip = [](int day, std::size_t slot) {
        return (slot == 2 && (day == 2 || day == 5)) || (slot == 4 && day == 6);
    };
    const Cadence c = learn(feeds_for(berlin(), monday, 7, truth, {20, 0.1, 7}, skip), monday, 7);
    require_matches(c, truth);
    CHECK(c.slots[2].seen == 5);
}

TEST_CASE("no slot more than the count when the count was rounded up and feeds come and go") {
    // Five feeds every day and three that come and go, each on three to five
    // of the seven days (the recent ones weigh more): about 6.8 feedings a
    // day, 7 slots. Eight, one for each time, would plan a pump for a feed
    // the baby skips on a day in three: the extra slot needs each slot seen
    // on 80 % of the days when the count was rounded up.
    const std::vector<SlotSpec> truth = {{hm(1), 100},  {hm(4), 100},  {hm(7), 100},  {hm(10), 100},
                                         {hm(13), 100}, {hm(16), 100}, {hm(19), 100}, {hm(22), 100}};
    const auto skip = [](int day, std::size_t slot) {
        if (slot == 1) return !(day == 6 || day == 5 || day == 3);
        if (slot == 4) return !(day == 6 || day == 4 || day == 3 || day == 2);
        if (slot == 6) return !(day == 5 || day == 4 || day == 3 || day == 2 || day == 1);
        return false;
    };
    const Cadence c = learn(feeds_for(berlin(), monday, 7, truth, {10, 0.05, 4}, skip), monday, 7);
    INFO("feedings a day " << c.feedings_per_day);
    CHECK(c.feedings_per_day < 7);
    CHECK(c.feedings_per_day > 6.5);
    CHECK(c.slots.size() == 7);
}

TEST_CASE("a cluster feed within 45 minutes is part of its feeding") {
    const auto truth = even_slots(7, hm(2), 120);
    auto entries = feeds_for(berlin(), monday, 7, truth, {15, 0.05, 3});
    // Top-ups 30 min after the 19:xx feed on two days, and an extra evening
    // feed 90 min after it on one day (an occasional feed, not a slot).
    entries.push_back(feed(berlin(), monday + date::days(1), truth[5].minute + 30, 30));
    entries.push_back(feed(berlin(), monday + date::days(4), truth[5].minute + 30, 30));
    entries.push_back(feed(berlin(), monday + date::days(3), truth[5].minute + 90, 60));
    const Cadence c = learn(entries, monday, 7);
    require_matches(c, truth);
    REQUIRE(c.basis.notes.size() >= 1);
    CHECK(c.basis.notes[0] ==
          "2 feeds within 45 min of the feed before counted as part of it (cluster feeding, top-ups)");
}

TEST_CASE("a 23:50 feed and a 00:10 feed are one slot") {
    std::vector<Entry> entries;
    for (int d = 0; d < 7; ++d) {
        // The night feed falls before midnight on some days, after on others.
        const int night = d % 2 == 0 ? hm(23, 50) : hm(24, 10);
        entries.push_back(feed(berlin(), monday + date::days(d), night, 90));
        for (int m : {hm(4), hm(8), hm(12), hm(16), hm(20)})
            entries.push_back(feed(berlin(), monday + date::days(d), m, 120));
    }
    const Cadence c = learn(entries, monday, 8, 8);
    REQUIRE(c.slots.size() == 6);
    const Slot& midnight = c.slots.front().minute < 60 ? c.slots.front() : c.slots.back();
    CHECK(circular_distance(midnight.minute, 0) <= 10);
    CHECK(midnight.amount.ml() == 90);  // one feed a night, not two
    CHECK(midnight.seen == 7);
}

TEST_CASE("the day's volume follows a baby drinking more as it grows") {
    // Six feeds a day (even_slots: 100, 105 and 110 ml, twice), each 5 ml
    // more every day: 630 ml the first day, 810 the seventh. A plain mean of
    // the week gives 720 ml a day; recent days weighing more (0.75 a day
    // back) give 750.
    std::vector<Entry> entries;
    for (int d = 0; d < 7; ++d) {
        const auto day = feeds_for(berlin(), monday + date::days(d), 1, even_slots(6, hm(1), 100 + 5 * d));
        entries.insert(entries.end(), day.begin(), day.end());
    }
    const Cadence c = learn(entries, monday, 7);
    REQUIRE(c.slots.size() == 6);
    CHECK(day_total(c) == 750);
}

TEST_CASE("a plan made in the evening counts the day so far when it is logged as usual") {
    // A week of six feeds (01:00 to 21:00), 630 ml a day, then a day of 750
    // ml; the plan is made at 21:30, when all of a usual day's milk is drunk.
    std::vector<Entry> entries = feeds_for(berlin(), monday, 7, even_slots(6, hm(1), 100));
    const date::sys_days today = monday + date::days(7);
    const Seconds until = start_of_local_day(today, berlin()) + std::chrono::hours(21) + std::chrono::minutes(30);
    const auto plan = [&](const std::vector<Entry>& all) {
        return learn_cadence(all, lookback_since(until, 7, berlin()), until, berlin());
    };
    std::vector<Entry> fed = entries;
    const auto more = feeds_for(berlin(), today, 1, even_slots(6, hm(1), 120));
    fed.insert(fed.end(), more.begin(), more.end());
    // Today weighs 1, the week before 0.75 + 0.75^2 + ... + 0.75^7 = 2.6:
    // (750 + 630 * 2.6) / 3.6 ml a day, where the week alone says 630.
    Cadence c = plan(fed);
    REQUIRE(c.slots.size() == 6);
    CHECK(day_total(c) == 666);
    // Only two of today's feeds logged: a day logged incompletely tells
    // nothing of the volume, and the week's 630 ml stand.
    std::vector<Entry> two = entries;
    two.insert(two.end(), more.begin(), more.begin() + 2);
    c = plan(two);
    REQUIRE(c.slots.size() == 6);
    CHECK(day_total(c) == 630);
}

TEST_CASE("a night feed either side of midnight counts in one day's volume") {
    // 100 ml at 06:00, 12:00 and 18:00, and a night feed of 100 ml at 23:55
    // or 00:25 by turns: 400 ml a day. The first night feed, Monday 23:55, is
    // the 00:10 slot's Tuesday feeding; Monday's came before the journal
    // began, so Monday (300 ml logged) does not count toward the volume.
    std::vector<Entry> entries;
    for (int d = 0; d < 7; ++d) {
        entries.push_back(feed(berlin(), monday + date::days(d), d % 2 == 0 ? hm(23, 55) : hm(24, 25), 100));
        for (int m : {hm(6), hm(12), hm(18)}) entries.push_back(feed(berlin(), monday + date::days(d), m, 100));
    }
    const Cadence c = learn(entries, monday, 7);
    REQUIRE(c.slots.size() == 4);
    CHECK(day_total(c) == 400);
}

TEST_CASE("the slots follow a shifting rhythm") {
    // Every feed is 10 min later each day: after 7 days, 60 min later than at first.
    const auto truth = even_slots(8, hm(1), 100);
    const auto shift = [](int day) { return 10 * day; };
    const Cadence c = learn(feeds_for(berlin(), monday, 7, truth, {10, 0.05, 5}, nullptr, shift), monday, 7);
    require_matches(c, truth, 60);  // within 30 min of the last day's times
}

TEST_CASE("a changed rhythm replaces the old one within three days") {
    // Six feeds a day until Thursday; from Friday the 10:00 feed is gone and the
    // others are an hour later.
    const std::vector<SlotSpec> before = {{hm(3), 100},  {hm(7), 120},  {hm(10), 110},
                                          {hm(13), 110}, {hm(17), 120}, {hm(21), 130}};
    const std::vector<SlotSpec> after = {{hm(4), 100}, {hm(8), 120}, {hm(14), 110}, {hm(18), 120}, {hm(22), 130}};
    auto entries = feeds_for(berlin(), monday, 4, before, {10, 0.05, 2});
    const auto later = feeds_for(berlin(), monday + date::days(4), 3, after, {10, 0.05, 3});
    entries.insert(entries.end(), later.begin(), later.end());
    require_matches(learn(entries, monday, 7), after);
}

TEST_CASE("days with no data are left out rather than counted as days without feeds") {
    const auto truth = even_slots(8, hm(2), 100);
    // Feeds on 6 of 10 days.
    const auto skip = [](int day, std::size_t) { return day == 1 || day == 4 || day == 5 || day == 8; };
    const Cadence c = learn(feeds_for(berlin(), monday, 10, truth, {20, 0.1, 11}, skip), monday, 10, 10);
    require_matches(c, truth);
    CHECK(c.basis.days == 6);
    for (const auto& s : c.slots) CHECK(s.seen == 6);
}

TEST_CASE("fewer than 3 days of feeds is refused with what to log") {
    const auto entries = feeds_for(berlin(), monday + date::days(5), 2, even_slots(8, hm(1), 100));
    try {
        learn(entries, monday, 7);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()) ==
              "only 2 days with feeds from 2026-11-09 00:00 to 2026-11-16 00:00; the plan learns the baby's rhythm "
              "from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed --breast) for 1 more "
              "day");
    }
    CHECK_THROWS_WITH(learn({}, monday, 7),
                      Catch::Contains("no feeds from 2026-11-09 00:00") && Catch::Contains("for 3 more days"));
}

TEST_CASE("a journal of 2 days of feeds before the window is told the 1 more day it needs") {
    // Saturday and Sunday a week before the window: the break-in-logging rule learns from them with one day more.
    const auto entries = feeds_for(berlin(), monday - date::days(2), 2, even_slots(8, hm(1), 100));
    CHECK_THROWS_WITH(learn(entries, monday, 7),
                      "only 2 days with feeds in the journal (none from 2026-11-09 00:00 to 2026-11-16 00:00); the "
                      "plan learns the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or "
                      "pumplog log feed --breast) for 1 more day");
    // One of them in the window: the same 1 more day.
    const auto split = feeds_for(berlin(), monday - date::days(1), 2, even_slots(8, hm(1), 100));
    CHECK_THROWS_WITH(learn(split, monday, 7), Catch::Contains("only 2 days with feeds in the journal (1 from") &&
                                                   Catch::Contains("for 1 more day"));
}

TEST_CASE("a day planned before the journal's feeds begin names the first day it can plan") {
    // Feeds from Saturday 2026-11-14 for 5 days; the plan for Monday 11-16 knows only Saturday and Sunday.
    const auto entries = feeds_for(berlin(), monday + date::days(5), 5, even_slots(8, hm(1), 100));
    CHECK_THROWS_WITH(learn(entries, monday, 7),
                      "only 2 days with feeds from 2026-11-09 00:00 to 2026-11-16 00:00: the journal's feeds begin "
                      "on 2026-11-14, and the plan learns the baby's rhythm from at least 3 days of feeds before the "
                      "day it plans: plan a day from 2026-11-17 on");
    // The day asked for is the first it can plan: no error.
    CHECK(learn(entries, monday, 8).basis.days == 3);
    // A journal of 2 days in all, one feed after the plan's start: what to log, not another day.
    const auto two_days = feeds_for(berlin(), monday + date::days(5), 2, even_slots(8, hm(1), 100));
    CHECK_THROWS_WITH(learn(two_days, monday, 6),
                      Catch::Contains("only 1 day with feeds") && Catch::Contains("for 2 more days"));
}

TEST_CASE("breast feeds without an amount count at the bottle average and the basis says so") {
    std::vector<Entry> entries;
    for (int d = 0; d < 7; ++d)
        for (int i = 0; i < 8; ++i) {
            const int minute = hm(1) + i * 180;
            // Bottles of 100 and 140 ml at 10:00 and 16:00; the rest at the breast.
            const std::optional<double> ml = i == 3   ? std::optional<double>(100)
                                             : i == 5 ? std::optional<double>(140)
                                                      : std::nullopt;
            entries.push_back(feed(berlin(), monday + date::days(d), minute, ml));
        }
    const Cadence c = learn(entries, monday, 7);
    REQUIRE(c.slots.size() == 8);
    CHECK(c.slots[0].amount.ml() == 120);
    CHECK(c.slots[3].amount.ml() == 100);
    CHECK(c.basis.notes ==
          std::vector<std::string>{"42 breast feeds without an amount counted at the bottle average, 120 ml"});
}

TEST_CASE("a nursing logged a breast at a time counts the bottle average once, not once a breast") {
    std::vector<Entry> entries;
    for (int d = 0; d < 7; ++d)
        for (int i = 0; i < 8; ++i) {
            const int minute = hm(1) + i * 180;
            // Bottles of 100 and 140 ml at 10:00 and 16:00; the rest at the breast, the second breast 15 min on.
            if (i == 3 || i == 5) {
                entries.push_back(feed(berlin(), monday + date::days(d), minute, i == 3 ? 100.0 : 140.0));
                continue;
            }
            entries.push_back(feed(berlin(), monday + date::days(d), minute, std::nullopt));
            entries.push_back(feed(berlin(), monday + date::days(d), minute + 15, std::nullopt));
        }
    const Cadence c = learn(entries, monday, 7);
    REQUIRE(c.slots.size() == 8);
    CHECK(c.slots[0].amount.ml() == 120);
    CHECK(c.slots[3].amount.ml() == 100);
    CHECK(c.slots[5].amount.ml() == 140);
}

TEST_CASE("breast feeds count at the parent's average pump when no bottle was logged") {
    std::vector<Entry> entries;
    for (int d = 0; d < 5; ++d) {
        for (int i = 0; i < 6; ++i)
            entries.push_back(feed(berlin(), monday + date::days(d), hm(2) + i * 240, std::nullopt));
        entries.push_back(pump(berlin(), monday + date::days(d), hm(9), 80));
        entries.push_back(pump(berlin(), monday + date::days(d), hm(15), 100));
    }
    const Cadence c = learn(entries, monday, 5);
    REQUIRE(c.slots.size() == 6);
    CHECK(c.slots[0].amount.ml() == 90);
    CHECK(c.basis.notes ==
          std::vector<std::string>{
              "30 breast feeds without an amount counted at your average pump, 90 ml (no bottle feed was logged)"});
}

TEST_CASE("feeds without any amount and no pumps are refused") {
    std::vector<Entry> entries;
    for (int d = 0; d < 5; ++d)
        for (int i = 0; i < 6; ++i)
            entries.push_back(feed(berlin(), monday + date::days(d), hm(2) + i * 240, std::nullopt));
    CHECK_THROWS_WITH(learn(entries, monday, 5), Catch::Contains("log bottle feeds with their amount"));
}

TEST_CASE("only the feeds inside the look-back window count") {
    const auto truth = even_slots(6, hm(3), 100);
    auto entries = feeds_for(berlin(), monday, 7, truth);
    // Older feeds at other times, and feeds after `until`, change nothing.
    const auto old = feeds_for(berlin(), monday - date::days(10), 3, even_slots(6, hm(5), 300));
    const auto future = feeds_for(berlin(), monday + date::days(7), 3, even_slots(6, hm(5), 300));
    entries.insert(entries.end(), old.begin(), old.end());
    entries.insert(entries.end(), future.begin(), future.end());
    const Cadence c = learn(entries, monday, 7);
    require_matches(c, truth);
    CHECK(c.basis.feeds == 42);
}

TEST_CASE("the look-back window starts at local midnight lookback days before") {
    const Seconds until = start_of_local_day(monday, berlin()) + std::chrono::hours(14);
    CHECK(format_rfc3339(lookback_since(until, 7, berlin()), berlin()) == "2026-11-02T00:00:00+01:00");
}

TEST_CASE("a plan's look-back window is its day's, the same the evening before and after midnight") {
    // Planning Monday 2026-11-09: on Sunday at 21:30, at 00:10 and at 14:00 on Monday, from the 7 days before
    // its eve (Sunday): Sunday 2026-11-01 on.
    const Seconds sunday_evening = start_of_local_day(monday, berlin()) - std::chrono::minutes(150);
    const Seconds after_midnight = start_of_local_day(monday, berlin()) + std::chrono::minutes(10);
    for (const Seconds until :
         {sunday_evening, after_midnight, start_of_local_day(monday, berlin()) + std::chrono::hours(14)}) {
        CHECK(plan_eve(until, monday, berlin()) == monday - date::days(1));
        CHECK(format_rfc3339(plan_lookback_since(until, monday, 7, berlin()), berlin()) ==
              "2026-11-01T00:00:00+01:00");
    }
    // A day further ahead (Wednesday, planned on Sunday evening): from the 7 days before today, as before.
    CHECK(format_rfc3339(plan_lookback_since(sunday_evening, monday + date::days(2), 7, berlin()), berlin()) ==
          "2026-11-01T00:00:00+01:00");
    CHECK(plan_eve(sunday_evening, monday + date::days(2), berlin()) == monday - date::days(1));
}

TEST_CASE("random babies with noise and missed and extra feeds keep every slot") {
    // 6 to 12 feeds a day, 60 babies each: +-30 min, +-10 %, each feed missed
    // with 8 % chance (babies whose slot is missed twice are left out: that is
    // not one missed feed), an extra feed 70 min after a slot on every third.
    int babies = 0, wrong = 0;
    for (int n = 6; n <= 12; ++n)
        for (unsigned seed = 1; seed <= 60; ++seed) {
            const auto truth = even_slots(n, hm(0, 40) + static_cast<int>(seed), 80);
            std::mt19937 rng(seed * 100 + static_cast<unsigned>(n));
            std::uniform_real_distribution<double> chance(0, 1);
            std::vector<std::vector<bool>> missed(7, std::vector<bool>(static_cast<std::size_t>(n)));
            for (auto& day : missed)
                for (std::size_t i = 0; i < day.size(); ++i) day[i] = chance(rng) < 0.08;
            bool twice = false;
            for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
                int m = 0;
                for (const auto& day : missed) m += day[i];
                twice = twice || m >= 2;
            }
            if (twice) continue;
            auto entries = feeds_for(berlin(), monday, 7, truth, {30, 0.1, seed}, [&](int d, std::size_t s) {
                return bool(missed[static_cast<std::size_t>(d)][s]);
            });
            if (seed % 3 == 0)
                entries.push_back(feed(berlin(), monday + date::days(seed % 7),
                                       truth[seed % static_cast<unsigned>(n)].minute + 70, 40));
            const Cadence c = learn(entries, monday, 7);
            ++babies;
            // The slots share the logged day's volume: missed feeds make it less.
            double logged = 0, planned = 0;
            for (const auto& e : entries) logged += *e.ml;
            for (const auto& t : truth) planned += 7 * t.ml;
            const double share = logged / planned;
            bool right = c.slots.size() == truth.size();
            for (const auto& t : truth) {
                int near = 0;
                for (const auto& s : c.slots)
                    if (circular_distance(s.minute, t.minute) <= 30) {
                        ++near;
                        right = right && std::abs(s.amount.ml() - t.ml * share) <= 0.15 * t.ml * share;
                    }
                right = right && near == 1;
            }
            if (!right) {
                ++wrong;
                std::string got;
                for (const auto& s : c.slots) got += " " + std::to_string(s.minute) + "/" + std::to_string(static_cast<int>(s.amount.ml()));
                WARN(n << " feeds a day, seed " << seed << ": " << c.slots.size() << " slots:" << got);
            }
        }
    CHECK(babies == 173);
    CHECK(wrong == 0);
}

TEST_CASE("formula bottles count as what the baby drinks and the basis says so") {
    auto entries = feeds_for(berlin(), monday, 7, even_slots(6, hm(3), 100));
    for (int d = 0; d < 7; d += 2) {
        Entry bottle = feed(berlin(), monday + date::days(d), hm(22), 200);
        bottle.milk.set(Milk::formula);
        entries.push_back(bottle);
    }
    const Cadence c = learn(entries, monday, 7);
    CHECK(c.basis.notes == std::vector<std::string>{"4 bottles of formula counted as what the baby drinks"});
}

TEST_CASE("a feed seen on fewer than half the days is not a slot while the count is lower") {
    // Seven feeds every day; an eighth at 15:00 on three of the seven days
    // (the count falls: the baby is dropping it).
    const std::vector<SlotSpec> truth = {{hm(0, 30), 90},  {hm(3, 45), 100}, {hm(7), 120},  {hm(10, 15), 110},
                                         {hm(13, 30), 120}, {hm(17), 110},  {hm(20, 30), 130}};
    auto entries = feeds_for(berlin(), monday, 7, truth, {15, 0.05, 4});
    for (int d : {0, 3, 6}) entries.push_back(feed(berlin(), monday + date::days(d), hm(15, 15), 80));
    const Cadence c = learn(entries, monday, 7);
    CHECK(c.feedings_per_day == Approx(7.46).epsilon(0.01));
    require_matches(c, truth);
}

TEST_CASE("one drifting feed does not become two slots") {
    // The 09:00 feed moves 15 min later every day (10:30 after a week); the
    // others stay.
    for (unsigned seed = 1; seed <= 5; ++seed) {
        INFO("seed " << seed);
        const std::vector<SlotSpec> others = {{hm(1), 90}, {hm(5), 110}, {hm(13, 30), 120}, {hm(17), 120},
                                              {hm(21), 130}};
        auto entries = feeds_for(berlin(), monday, 7, others, {15, 0.05, seed});
        for (int d = 0; d < 7; ++d) entries.push_back(feed(berlin(), monday + date::days(d), hm(9) + 15 * d, 110));
        const Cadence c = learn(entries, monday, 7);
        REQUIRE(c.slots.size() == 6);
        int drifting = 0;
        for (const auto& s : c.slots) drifting += s.minute > hm(8, 30) && s.minute < hm(11);
        CHECK(drifting == 1);
    }
}

TEST_CASE("an incompletely logged day is named and does not lower the count") {
    const auto truth = even_slots(8, hm(1, 30), 100);
    // Day 5 (a Saturday) has only 3 of its 8 feeds logged.
    const auto skip = [](int day, std::size_t slot) { return day == 5 && slot >= 3; };
    const Cadence c = learn(feeds_for(berlin(), monday, 7, truth, {20, 0.05, 8}, skip), monday, 7);
    CHECK(c.incomplete_days == std::vector<date::sys_days>{monday + date::days(5)});
    CHECK(c.feedings_per_day == Approx(8).epsilon(0.02));
    require_matches(c, truth);
    // A day with 5 of 8 (over 60 %) is a day with fewer feeds, not a logging gap.
    const auto fewer = [](int day, std::size_t slot) { return day == 5 && slot >= 5; };
    CHECK(learn(feeds_for(berlin(), monday, 7, truth, {20, 0.05, 8}, fewer), monday, 7).incomplete_days.empty());
}

TEST_CASE("one more logged feed moves no slot by more than 15 minutes") {
    // 40 babies with noise; one extra feed at a time between two slots on the
    // last day changes neither the number of slots nor any slot's time much.
    for (unsigned seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        const int n = 6 + static_cast<int>(seed % 4);
        const auto truth = even_slots(n, hm(0, 20) + static_cast<int>(seed) * 7, 100);
        auto entries = feeds_for(berlin(), monday, 7, truth, {25, 0.1, seed});
        const Cadence before = learn(entries, monday, 7);
        entries.push_back(feed(berlin(), monday + date::days(6), truth[seed % truth.size()].minute + 80, 60));
        const Cadence after = learn(entries, monday, 7);
        REQUIRE(after.slots.size() == before.slots.size());
        for (std::size_t i = 0; i < before.slots.size(); ++i)
            CHECK(circular_distance(after.slots[i].minute, before.slots[i].minute) <= 15);
    }
}

TEST_CASE("one noisy day redraws the slots of few random babies") {
    // 100 random simulated babies (the backtest's population), the slots
    // learned at 21:00 on their ninth day, and again with that day's feeds
    // logged up to an hour early or late: a slot more or fewer, or one moved
    // over 15 min, on 37 of them; 51 when the newest day's times weighed what
    // its age gives (newest_time_share 1) and the seeds the day's weight.
    int redrawn = 0;
    for (unsigned seed = 1; seed <= 100; ++seed) {
        SimBaby b = random_baby(seed);
        b.days = 9;
        const auto all = simulate(b, berlin(), monday);
        const date::sys_days last = monday + date::days(8);
        const Seconds until = start_of_local_day(last, berlin()) + std::chrono::hours(21);
        std::vector<Entry> known, noisy;
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> shake(-60, 60);
        for (const Entry& e : all) {
            if (e.at.instant >= until) continue;
            known.push_back(e);
            noisy.push_back(e);
            if (e.type == EntryType::feed && local_day(e.at.instant, berlin()) == last)
                noisy.back().at.instant =
                    std::min(until - std::chrono::minutes(1), e.at.instant + std::chrono::minutes(shake(rng)));
        }
        const Seconds since = lookback_since(until, 7, berlin());
        std::optional<Cadence> before, after;
        try {
            before = learn_cadence(known, since, until, berlin());
            after = learn_cadence(noisy, since, until, berlin());
        } catch (const Error&) {
            continue;  // too little logged for a cadence: not this test's
        }
        bool moved = before->slots.size() != after->slots.size();
        for (const Slot& s : before->slots) {
            int nearest = 24 * 60;
            for (const Slot& t : after->slots) nearest = std::min(nearest, circular_distance(s.minute, t.minute));
            moved = moved || nearest > 15;
        }
        redrawn += moved;
    }
    CHECK(redrawn <= 44);
}

TEST_CASE("a simulated baby's slots catch its next day's feeds better than yesterday's times") {
    // The backtest's synthetic families (tests/unit/baby.hpp), days 14 to 70:
    // the slots learned the evening before catch more of the next day's
    // feedings within an hour than the day before's feed times do.
    for (const auto& family : sim_families()) {
        INFO(family.name);
        const auto entries = simulate(family.baby, berlin(), monday);
        const auto times_on = [&](date::sys_days day) {
            std::vector<int> out;
            for (const auto& e : entries)
                if (e.type == EntryType::feed && local_day(e.at.instant, berlin()) == day)
                    out.push_back(static_cast<int>(
                        std::chrono::duration_cast<std::chrono::minutes>(e.at.local() - LocalSeconds(day.time_since_epoch()))
                            .count()));
            return out;
        };
        // Feeds paired one to one with predictions within 60 min, the nearest pairs first.
        const auto caught = [](const std::vector<int>& predicted, const std::vector<int>& real) {
            std::vector<std::tuple<int, std::size_t, std::size_t>> pairs;
            for (std::size_t i = 0; i < predicted.size(); ++i)
                for (std::size_t j = 0; j < real.size(); ++j)
                    if (circular_distance(predicted[i], real[j]) <= 60)
                        pairs.emplace_back(circular_distance(predicted[i], real[j]), i, j);
            std::sort(pairs.begin(), pairs.end());
            std::vector<bool> used_p(predicted.size()), used_r(real.size());
            int n = 0;
            for (const auto& [distance, i, j] : pairs)
                if (!used_p[i] && !used_r[j]) {
                    used_p[i] = used_r[j] = true;
                    ++n;
                }
            return n;
        };
        int slots = 0, yesterday = 0, total = 0;
        for (int d = 14; d < 70; ++d) {
            const date::sys_days day = monday + date::days(d);
            const auto real = times_on(day);
            if (real.size() < 4) continue;
            const Seconds until = start_of_local_day(day, berlin()) - std::chrono::hours(3);
            const Cadence c = learn_cadence(entries, lookback_since(until, 7, berlin()), until, berlin());
            std::vector<int> predicted;
            for (const auto& s : c.slots) predicted.push_back(s.minute);
            slots += caught(predicted, real);
            yesterday += caught(times_on(day - date::days(1)), real);
            total += static_cast<int>(real.size());
        }
        INFO(slots << " and " << yesterday << " of " << total);
        CHECK(slots >= yesterday + total / 40);  // 2.5 points better at least
    }
}
}  // namespace PUMPLOG_UNITY_ID
