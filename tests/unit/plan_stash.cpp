// `plan stash` (SPEC 5, 11): the stash stored already counts, the extra
// session is one the parent does not pump yet, the target in days and volume.
#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "baby.hpp"
#include "helpers.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/render/plan.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using namespace testbaby;

namespace {

const date::time_zone* berlin() { return locate_zone("Europe/Berlin"); }

// Saturday 21 November 2026, 14:05; back at work on Monday 14 December.
const Clock now = testing::clock_at("2026-11-21T14:05:00+01:00");
const date::sys_days back = day_of(2026, 12, 14);

Settings away_weekdays() {
    Settings s;
    s.away = parse_away("mon-fri 08:00-17:30");
    return s;
}

// The baby every 3 hours (350 ml while away: 10:00, 13:00, 16:00); the parent
// pumps at 06:30 (160 ml) and 21:00 (100 ml) every day.
std::vector<Entry> week() {
    const std::vector<SlotSpec> slots = {{hm(1), 90},   {hm(4), 100},  {hm(7), 130},  {hm(10), 120},
                                         {hm(13), 110}, {hm(16), 120}, {hm(19), 140}, {hm(22), 100}};
    auto entries = feeds_for(berlin(), day_of(2026, 11, 14), 7, slots);
    for (int d = 0; d < 7; ++d) {
        entries.push_back(pump(berlin(), day_of(2026, 11, 14) + date::days(d), hm(6, 30), 160));
        entries.push_back(pump(berlin(), day_of(2026, 11, 14) + date::days(d), hm(21), 100));
    }
    return entries;
}

Entry store(const std::string& id, const std::string& pumped, const std::string& place, double ml,
            const std::string& label) {
    return testing::entry_of(
        fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"{}","pumped":"{}","label":"{}"}})",
                    id, pumped, ml, place, pumped, label));
}

// 975 ml in the freezer, and 100 ml in the fridge that will have expired by then.
Stock freezer_975() {
    const std::vector<Entry> entries = {store("s1", "2026-11-15T06:30:00+01:00", "freezer", 150, "B1"),
                                        store("s2", "2026-11-16T06:30:00+01:00", "freezer", 200, "B2"),
                                        store("s3", "2026-11-17T06:30:00+01:00", "freezer", 250, "B3"),
                                        store("s4", "2026-11-18T06:30:00+01:00", "freezer", 375, "B4"),
                                        store("s5", "2026-11-20T06:30:00+01:00", "fridge", 100, "B5")};
    return build_stock(entries, {}, cdc_guideline());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
        out.push_back(text.substr(from, nl - from));
    return out;
}

}  // namespace

TEST_CASE("plan stash counts the 975 ml in the freezer and proposes a session not pumped yet") {
    const Stock stock = freezer_975();
    const StashPlan s = plan_stash(week(), away_weekdays(), now, back, std::nullopt, &stock);
    CHECK(s.need_per_day.ml() == 350);
    CHECK(s.target.ml() == 1050);
    CHECK(s.target_days == 3.0);
    CHECK(s.stored.ml() == 975);  // B5 (fridge, 4 days) is gone by then
    CHECK(s.stored_containers == 4);
    CHECK(s.to_build.ml() == 75);
    CHECK(usual_pump_sessions(week(), lookback_since(now.now, 7, berlin()), now.now, berlin()) ==
          std::vector<int>{hm(6, 30), hm(21)});
    CHECK(s.sessions == std::vector<int>{hm(6, 30), hm(21)});
    // Not 06:30 (the best time, pumped every morning): 2 hours from it.
    CHECK(s.session_minute == hm(8, 30));
    CHECK(s.per_day->ml() == 130);
    CHECK(s.days_needed == 1);
    const auto text = lines_of(render::stash_text(s, Unit::ml));
    REQUIRE(text.size() >= 6);
    CHECK(text[1] == "Stash to have: 3 days of need, 1050 ml (the default; change it with --target 5d or --target 2000ml).");
    CHECK(text[2] == "Stored already: 975 ml still usable on Mon 2026-12-14 (4 containers); 75 ml to build.");
    CHECK(text[3] == "You pump at 06:30 and 21:00 already.");
    CHECK(text[5] == "Extra daily session: 08:30, about 130 ml a day, 1 day to the target.");
    // No setting's name in what the parent reads.
    const std::string all = render::stash_text(s, Unit::ml);
    CHECK(all.find("stash_days") == std::string::npos);
    CHECK(all.find("_") == std::string::npos);
    // Without the stash, the whole 1050 ml is to build.
    const StashPlan bare = plan_stash(week(), away_weekdays(), now, back, std::nullopt);
    CHECK(bare.stored.ml() == 0);
    CHECK(bare.days_needed == 9);  // 1050 / 130
}

TEST_CASE("plan stash after a break in logging learns from the last days logged as plan does") {
    // The week logged ends on 20 November; asked on 5 December (no feed in the week before), plan stash
    // learned from that week alone and was refused with "only 7 days with feeds ... for -4 more days".
    const Clock later = testing::clock_at("2026-12-05T14:05:00+01:00");
    const StashPlan s = plan_stash(week(), away_weekdays(), later, back, std::nullopt);
    CHECK(s.need_per_day.ml() == 350);
    CHECK(s.basis.days == 7);
    // Too few days in all: refused, saying how many more to log (never a negative count).
    std::vector<Entry> two;
    for (const Entry& e : week())
        if (local_day(e.at.instant, berlin()) < day_of(2026, 11, 16)) two.push_back(e);
    CHECK(testing::refusal([&] { plan_stash(two, away_weekdays(), later, back, std::nullopt); }) ==
          "only 2 days with feeds in the journal (none from 2026-11-28 00:00 to 2026-12-05 14:05); the plan learns "
          "the baby's rhythm from at least 3 days: log every feed (pumplog log feed 120ml, or pumplog log feed "
          "--breast) for 1 more day");
}

TEST_CASE("plan stash takes the target in days of need or as a volume") {
    const Stock stock = freezer_975();
    const StashPlan days = plan_stash(week(), away_weekdays(), now, back, StashTarget::of_days(5), &stock);
    CHECK(days.target_kind == StashTargetKind::days);
    CHECK(days.target.ml() == 1750);
    CHECK(days.to_build.ml() == 775);
    CHECK(days.days_needed == 6);  // 775 / 130
    CHECK(lines_of(render::stash_text(days, Unit::ml))[1] == "Stash to have: 5 days of need, 1750 ml (--target).");
    const StashPlan volume = plan_stash(week(), away_weekdays(), now, back, Volume::from_ml(2000), &stock);
    CHECK(volume.target_kind == StashTargetKind::volume);
    CHECK(volume.target_days == Approx(2000.0 / 350));
    CHECK(volume.to_build.ml() == 1025);
    CHECK(lines_of(render::stash_text(volume, Unit::ml))[1] ==
          "Stash to have: 2000 ml, about 5.7 days of need (--target).");
    // 2.25 days (787.5 ml of 350 ml a day) rounds half away from zero, as its JSON does: not printf's 2.2.
    const StashPlan tie = plan_stash(week(), away_weekdays(), now, back, Volume::from_ml(787.5), &stock);
    REQUIRE(tie.target_days);
    CHECK(*tie.target_days == 2.25);
    CHECK(lines_of(render::stash_text(tie, Unit::ml))[1] ==
          "Stash to have: 787.5 ml, about 2.3 days of need (--target).");
    // A target the stash already holds: nothing to build, no session.
    const StashPlan held = plan_stash(week(), away_weekdays(), now, back, Volume::from_ml(900), &stock);
    CHECK(held.to_build.ml() == 0);
    CHECK(held.days_needed == 0);
    CHECK_FALSE(held.session_minute);
    CHECK(held.advice.back() == "The 975 ml stored already covers the target: no extra session is needed.");
}

TEST_CASE("plan stash starts with the first extra session that can still be pumped") {
    // Back on Wednesday 25 November: fewer than 21 days, so the plan starts at once. The 08:30 session of
    // today (Saturday) is ahead at 07:00 and past at 14:05: then the first is Sunday's.
    const date::sys_days soon = day_of(2026, 11, 25);
    const Clock morning = testing::clock_at("2026-11-21T07:00:00+01:00");
    const StashPlan early = plan_stash(week(), away_weekdays(), morning, soon, std::nullopt);
    REQUIRE(early.session_minute == hm(8, 30));
    CHECK(early.start == day_of(2026, 11, 21));
    const StashPlan late = plan_stash(week(), away_weekdays(), now, soon, std::nullopt);
    REQUIRE(late.session_minute == hm(8, 30));
    CHECK(late.start == day_of(2026, 11, 22));
    CHECK(late.reachable_by_return->ml() == Approx(3 * 130));
    CHECK(lines_of(render::stash_text(late, Unit::ml))[4] == "Start: Sun 2026-11-22 (3 days before the return).");
    // Back tomorrow, today's session past: no day is left, no session to add, and the plan says so.
    const StashPlan tomorrow = plan_stash(week(), away_weekdays(), now, day_of(2026, 11, 22), std::nullopt);
    CHECK_FALSE(tomorrow.start);
    CHECK_FALSE(tomorrow.session_minute);
    CHECK_FALSE(tomorrow.days_needed);
    CHECK_FALSE(tomorrow.reachable);
    CHECK(lines_of(render::stash_text(tomorrow, Unit::ml))[4] == "Start: no day is left before the return.");
    CHECK(tomorrow.advice ==
          std::vector<std::string>{"The stash cannot grow before Sun 2026-11-22: today's best time for an extra "
                                   "session, 08:30, has passed, and no day is left to pump the 1050 ml more. Start "
                                   "giving stored milk later, or lower the target (--target)."});
}

TEST_CASE("plan stash says what the extra session adds and the stash in all when the target is out of reach") {
    // Review S F3: "you will have about 600 ml in 4 days" was only what the session adds, with 450 ml stored
    // already: the stash on the return day is both. Back on Wednesday 25 November with 975 ml in the freezer and a
    // target of 2000 ml: 1025 ml to build, 3 days of 130 ml from Sunday add 390 ml, 1365 ml in all.
    const Stock stock = freezer_975();
    const date::sys_days soon = day_of(2026, 11, 25);
    const StashPlan s = plan_stash(week(), away_weekdays(), now, soon, Volume::from_ml(2000), &stock);
    CHECK(s.stored.ml() == 975);
    CHECK_FALSE(s.reachable);
    CHECK(s.reachable_by_return->ml() == Approx(390));
    CHECK(s.advice.back() ==
          "1025 ml more cannot be built by Wed 2026-11-25: at about 130 ml a day you will add about 390 ml in 3 "
          "days: about 1365 ml in all, with the 975 ml stored already. Add a second daily session, start giving "
          "stored milk later, or lower the target (--target).");
    // In ounces, the total is the sum of the two as shown (33.0 + 13.2 oz), to 0.1 oz.
    Settings oz = away_weekdays();
    oz.unit = Unit::oz;
    const StashPlan in_oz = plan_stash(week(), oz, now, soon, Volume::from_ml(2000), &stock);
    CHECK(in_oz.advice.back() ==
          "34.7 oz more cannot be built by Wed 2026-11-25: at about 4.4 oz a day you will add about 13.2 oz in 3 "
          "days: about 46.2 oz in all, with the 33.0 oz stored already. Add a second daily session, start giving "
          "stored milk later, or lower the target (--target).");
    // Nothing stored: what the session adds is the stash, said as before.
    const StashPlan bare = plan_stash(week(), away_weekdays(), now, soon, Volume::from_ml(2000));
    CHECK(bare.advice.back() ==
          "2000 ml more cannot be built by Wed 2026-11-25: at about 130 ml a day you will have about 390 ml in 3 "
          "days. Add a second daily session, start giving stored milk later, or lower the target (--target).");
}

TEST_CASE("plan stash lists the feeds of every away day when the windows differ by weekday") {
    // Monday and Wednesday nights, and Friday's day: the night's feeds and the day's, from 22:00.
    Settings settings;
    settings.away = parse_away("mon,wed 22:00-06:00; fri 08:00-17:30");
    const StashPlan s = plan_stash(week(), settings, now, back, std::nullopt);
    std::vector<int> minutes;
    for (const Slot& slot : s.away_slots) minutes.push_back(slot.minute);
    CHECK(minutes == std::vector<int>{hm(22), hm(1), hm(4), hm(10), hm(13), hm(16)});
    CHECK(s.away_days_per_week == 3);
    CHECK(s.need_per_day.ml() == Approx(310));  // (290 + 290 + 350) / 3
}

TEST_CASE("plan stash with no feed while away has nothing to start") {
    Settings settings;
    settings.away = parse_away("mon-fri 23:00-23:30");
    const StashPlan s = plan_stash(week(), settings, now, back, std::nullopt);
    CHECK(s.nothing_to_stash);
    CHECK_FALSE(s.start);
    CHECK(lines_of(render::stash_text(s, Unit::ml))[4] == "Start: none: there is nothing to stash for.");
    // A volume asked for is something to build: a start.
    const StashPlan volume = plan_stash(week(), settings, now, back, Volume::from_ml(2000));
    CHECK_FALSE(volume.nothing_to_stash);
    CHECK(volume.start == day_of(2026, 11, 23));
}

TEST_CASE("plan stash says the need is an estimate only of the away feeds that are") {
    // Review (as in plan bottles): the need was said to be an estimate while every away feed's slot was measured
    // (the bottles given while away had amounts, the nursing at home had none).
    const auto nursing = [](bool measured_four) {
        std::vector<Entry> out;
        for (int d = 0; d < 7; ++d)
            for (const int minute : {hm(1), hm(4), hm(7), hm(10), hm(13), hm(16), hm(19), hm(22)}) {
                std::optional<double> ml;
                if (minute == hm(10)) ml = 110;
                if (minute == hm(13)) ml = 120;
                if (minute == hm(16) && measured_four) ml = 115;
                out.push_back(feed(berlin(), day_of(2026, 11, 14) + date::days(d), minute, ml));
            }
        return out;
    };
    Settings settings = away_weekdays();
    settings.birth = date::year_month_day{day_of(2026, 9, 1)};
    const StashPlan measured = plan_stash(nursing(true), settings, now, back, std::nullopt);
    CHECK(measured.need_per_day.ml() == Approx(345));
    for (const Slot& slot : measured.away_slots) CHECK_FALSE(slot.estimated);
    CHECK(std::none_of(measured.advice.begin(), measured.advice.end(),
                       [](const std::string& a) { return a.find("estimate") != std::string::npos; }));
    const StashPlan partly = plan_stash(nursing(false), settings, now, back, std::nullopt);
    CHECK(partly.need_per_day.ml() == Approx(329));  // 110 + 120 + 99
    CHECK(partly.advice[0] ==
          "The need is partly an estimate: only 14 of the 56 feeds have an amount, so each counts 99 ml of about 788 "
          "ml a day at day 104 (Kent et al. 2006). The 16:00 feed is an estimate; the other feeds are measured (they "
          "mostly had an amount).");
}

}  // namespace PUMPLOG_UNITY_ID
