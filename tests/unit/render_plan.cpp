#include "pumplog/render/plan.hpp"

#include <catch2/catch.hpp>
#include <sstream>

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

const date::time_zone* berlin() { return locate_zone("Europe/Berlin"); }

Seconds at(const char* text) { return parse_rfc3339(text)->instant; }

Plan small_plan() {
    Plan plan;
    plan.basis.feeds = 20;
    plan.basis.days = 3;
    plan.basis.since = at("2026-11-18T00:00:00+01:00");
    plan.basis.until = at("2026-11-21T00:00:00+01:00");
    plan.slots.push_back(Slot{10 * 60, Volume::from_ml(120), 3});
    PlannedPump p;
    p.at = at("2026-11-23T10:00:00+01:00");
    p.target = Volume::from_ml(120);
    p.expected = Volume::from_ml(95.44);
    p.covers = {p.at};
    p.reason = "covers the 10:00 feed";
    plan.pumps.push_back(p);
    PlanAdvice note;
    note.text = "Keep going.";
    plan.advice.push_back(note);
    return plan;
}

std::vector<std::string> split_crlf(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(text.substr(start, end - start));
    CHECK(start == text.size());  // every line ends in CRLF
    return lines;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("the plan JSON has the SPEC 7 fields and progress only when set") {
    Plan plan = small_plan();
    const std::string without = render::plan_json(plan, Unit::ml, berlin());
    CHECK(without.find("progress") == std::string::npos);
    plan.progress = SupplyProgress{8, Volume::from_ml(512.34), 8, true, Volume::from_ml(500), SupplyVerdict::on_track};
    CHECK(render::plan_json(plan, Unit::ml, berlin()) == R"({
  "basis": {
    "feeds": 20,
    "merged": 0,
    "days": 3,
    "since": "2026-11-18T00:00:00+01:00",
    "until": "2026-11-21T00:00:00+01:00"
  },
  "slots": [
    {
      "time": "10:00",
      "ml": 120,
      "seen": 3,
      "estimated": false
    }
  ],
  "pumps": [
    {
      "at": "2026-11-23T10:00:00+01:00",
      "target_ml": 120,
      "expected_ml": 95.4,
      "covers": [
        "2026-11-23T10:00:00+01:00"
      ],
      "estimated": false,
      "extra": false,
      "reason": "covers the 10:00 feed"
    }
  ],
  "advice": [
    "Keep going."
  ],
  "advice_items": [
    {
      "kind": "note",
      "text": "Keep going."
    }
  ],
  "not_planned": [],
  "progress": {
    "day": 8,
    "pumped_24h_ml": 512.3,
    "sessions_24h": 8,
    "sessions_without_volume_24h": 0,
    "night_session": true,
    "milestone_ml": 500,
    "verdict": "on_track"
  }
}
)");
    plan.progress->milestone.reset();
    plan.progress->verdict = SupplyVerdict::not_enough_data;
    const std::string oz = render::plan_json(plan, Unit::oz, berlin());
    CHECK(oz.find(R"("milestone_oz": null)") != std::string::npos);
    CHECK(oz.find(R"("pumped_24h_oz": 17.32)") != std::string::npos);
    CHECK(oz.find(R"("verdict": "not_enough_data")") != std::string::npos);
    plan.progress->verdict = SupplyVerdict::behind;
    CHECK(render::plan_json(plan, Unit::ml, berlin()).find(R"("verdict": "behind")") != std::string::npos);
    plan.progress->verdict = SupplyVerdict::full_volume;
    CHECK(render::plan_json(plan, Unit::ml, berlin()).find(R"("verdict": "full_volume")") != std::string::npos);
    plan.progress->unmeasured_24h = 3;
    CHECK(render::plan_json(plan, Unit::ml, berlin()).find(R"("sessions_without_volume_24h": 3,)") !=
          std::string::npos);
}

TEST_CASE("a shortfall on an estimated need says so and sends to measuring not to a lactation consultant") {
    PlanAdvice a;
    a.kind = AdviceKind::no_room;
    a.begin = at("2026-11-23T08:00:00+01:00");
    a.end = at("2026-11-23T17:30:00+01:00");
    a.pumps = 3;
    a.need = Volume::from_ml(297);
    a.expected = Volume::from_ml(180);
    a.short_by = Volume::from_ml(117);
    a.gap = std::chrono::minutes(120);
    CHECK(render::advice_text(a, Unit::ml, berlin()) ==
          "While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 297 ml; your 3 pumps are expected to "
          "give about 180 ml, 117 ml short, and no other session fits 2 h (min_gap) from the others: give stored milk "
          "for the rest, and ask a lactation consultant how to raise your yield.");
    CHECK(render::advice_json(a, Unit::ml, berlin()).find("\"estimated\":false") != std::string::npos);
    a.estimated = true;
    CHECK(render::advice_text(a, Unit::ml, berlin()) ==
          "While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 297 ml (an estimate: feeds were "
          "logged without amounts); your 3 pumps are expected to give about 180 ml, 117 ml short, and no other "
          "session fits 2 h (min_gap) from the others: give stored milk for the rest. The need is an estimate, so "
          "the shortfall may be its error, not your yield: log the amounts of a few bottles to know.");
    CHECK(render::advice_json(a, Unit::ml, berlin()) ==
          R"({"kind":"no_room","scope":"away","begin":"2026-11-23T08:00:00+01:00","end":"2026-11-23T17:30:00+01:00",)"
          R"("pumps":3,"skipped":0,"need_ml":297,"expected_ml":180,"short_ml":117,"estimated":true,"min_gap_min":120})");
    // A small shortfall (no session added, no consultant) marks its estimated need too.
    a.kind = AdviceKind::small_shortfall;
    a.short_by = Volume::from_ml(20);
    a.expected = Volume::from_ml(277);
    CHECK(render::advice_text(a, Unit::ml, berlin()) ==
          "While you are away on Mon 2026-11-23 08:00-17:30 the baby drinks about 297 ml (an estimate: feeds were "
          "logged without amounts); your 3 pumps are expected to give about 277 ml, 20 ml short: less than half of "
          "what a session gives, within the error of the intake estimate and of the expected yields (predicted "
          "from past pumps), so no session is added; a little stored milk covers it.");
    CHECK(render::advice_json(a, Unit::ml, berlin()).find("\"estimated\":true") != std::string::npos);
}

TEST_CASE("ICS lines are folded at 75 octets without splitting a character") {
    Plan plan = small_plan();
    plan.pumps[0].reason =
        "covers the 10:00 feed; é à ü, a long reason with commas; semicolons and accents: "
        "ééééééééééééééééééééééééééééééééééééééééé";
    const std::string ics = render::plan_ics(plan, Unit::ml, berlin(), at("2026-11-21T13:05:00Z"));
    std::string unfolded;
    for (const auto& line : split_crlf(ics)) {
        CHECK(line.size() <= 75);
        CHECK(valid_utf8(line));
        if (!line.empty() && line[0] == ' ')
            unfolded += line.substr(1);
        else
            unfolded += "\n" + line;
    }
    CHECK(unfolded.find("\nDESCRIPTION:covers the 10:00 feed\\; é à ü\\, a long reason with commas\\; semicolons and "
                        "accents: ééééééééééééééééééééééééééééééééééééééééé. Expected from your pumps at this time: "
                        "about 95.4 ml\n") != std::string::npos);
    CHECK(unfolded.find("\nUID:20261123-1@pumplog\n") != std::string::npos);
    CHECK(unfolded.find("\nX-WR-CALDESC:Keep going.\n") != std::string::npos);  // the advice, worded
    CHECK(unfolded.find("\nDTSTAMP:20261121T130500Z\n") != std::string::npos);
    CHECK(unfolded.find("\nDTSTART;TZID=Europe/Berlin:20261123T100000\n") != std::string::npos);
    CHECK(unfolded.find("\nTRIGGER:-PT5M\n") != std::string::npos);
}

// Review B s53: plan --baby Ada and --baby Ben (and the joint plan) gave one calendar name and the same UIDs, so
// importing two of them into one calendar replaced one baby's pumps with the other's.
TEST_CASE("one baby's ICS names the baby in its calendar name and UIDs and the joint plan's UIDs name none") {
    Plan plan = small_plan();
    PlannedPump extra = plan.pumps[0];
    extra.at = at("2026-11-23T13:00:00+01:00");
    extra.extra = true;
    plan.pumps.push_back(extra);
    const Seconds stamp = at("2026-11-21T13:05:00Z");
    const auto uids = [](const std::string& ics) {
        std::vector<std::string> out;
        for (const auto& line : split_crlf(ics))
            if (line.starts_with("UID:") || line.starts_with("X-WR-CALNAME:")) out.push_back(line);
        return out;
    };
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp)) ==
          std::vector<std::string>{"X-WR-CALNAME:Pumping plan", "UID:20261123-1@pumplog",
                                   "UID:20261123-extra-1@pumplog"});
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp, {}, "Ada")) ==
          std::vector<std::string>{"X-WR-CALNAME:Pumping plan for Ada's feeds", "UID:20261123-1-ada@pumplog",
                                   "UID:20261123-extra-1-ada@pumplog"});
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp, {2, 1}, "Ben")) ==
          std::vector<std::string>{"X-WR-CALNAME:Pumping plan for Ben's feeds", "UID:20261123-3-ben@pumplog",
                                   "UID:20261123-extra-2-ben@pumplog"});
    // A name as names compare (Zoë with U+00EB or e + U+0308, in any case): one slug; other bytes as %XX, and the
    // calendar's name escaped as iCalendar text, a control character shown, never written raw.
    const std::string zoe = "UID:20261123-1-zoe%CC%88@pumplog";
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp, {}, "Zo\u00EB"))[1] == zoe);
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp, {}, "ZOE\u0308"))[1] == zoe);
    CHECK(uids(render::plan_ics(plan, Unit::ml, berlin(), stamp, {}, "Bob, Jr.\x1b;")) ==
          std::vector<std::string>{"X-WR-CALNAME:Pumping plan for Bob\\, Jr.\\\\x1b\\;'s feeds",
                                   "UID:20261123-1-bob%2C%20jr%2E%1B%3B@pumplog",
                                   "UID:20261123-extra-1-bob%2C%20jr%2E%1B%3B@pumplog"});
}

TEST_CASE("ICS in UTC has UTC times and no VTIMEZONE") {
    const std::string ics = render::plan_ics(small_plan(), Unit::ml, locate_zone("UTC"), at("2026-11-21T13:05:00Z"));
    CHECK(ics.find("DTSTART:20261123T090000Z\r\n") != std::string::npos);
    CHECK(ics.find("VTIMEZONE") == std::string::npos);
}

TEST_CASE("the ICS time zone has an observance for each offset the events span") {
    Plan plan = small_plan();
    plan.pumps[0].at = at("2026-03-28T10:00:00+01:00");
    PlannedPump later = plan.pumps[0];
    later.at = at("2026-10-26T10:00:00+01:00");
    plan.pumps.push_back(later);
    const std::string ics = render::plan_ics(plan, Unit::ml, berlin(), at("2026-03-01T00:00:00Z"));
    const std::string zone =
        ics.substr(ics.find("BEGIN:VTIMEZONE"), ics.find("END:VTIMEZONE") - ics.find("BEGIN:VTIMEZONE"));
    CHECK(zone ==
          "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
          "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:"
          "STANDARD\r\n"
          "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:"
          "DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:"
          "STANDARD\r\n");
}

TEST_CASE("plan next reads as a sentence") {
    const Clock clock{at("2026-11-21T14:05:00+01:00"), berlin()};
    NextPump next{small_plan().pumps[0], false};
    next.pump.at = at("2026-11-21T14:30:00+01:00");
    CHECK(render::next_text(next, Unit::ml, clock) == "Pump at 14:30 (in 25 min), aim for 120 ml\n");
    CHECK(render::next_text(next, Unit::oz, clock) == "Pump at 14:30 (in 25 min), aim for 4.1 oz\n");
    next.pump.at = at("2026-11-23T07:30:00+01:00");
    CHECK(render::next_text(next, Unit::ml, clock) ==
          "Pump on Mon 2026-11-23 at 07:30 (in 41 h 25 min), aim for 120 ml\n");
    next.pump.covers.clear();
    next.pump.target = Volume{};
    next.pump.reason = "added: keeps the gap under 4 h (max_gap_day)";
    next.pump.at = at("2026-11-21T14:30:00+01:00");
    CHECK(render::next_text(next, Unit::ml, clock) ==
          "Pump at 14:30 (in 25 min); it keeps the gap under 4 h (max_gap_day)\n");
    // A pinned pump covering no feed was not added to keep a gap short.
    next.pump.pinned = true;
    next.pump.reason = "pinned (schedule); covers no feed";
    CHECK(render::next_text(next, Unit::ml, clock) ==
          "Pump at 14:30 (in 25 min); it covers no feed (pinned in the schedule)\n");
}
TEST_CASE("the plan table and the stash show a basis note's control characters escaped (a baby's name)") {
    // "NAME: not planned for (...)" carries a name from the journal: ESC would reach the terminal.
    Plan plan = small_plan();
    plan.basis.notes.push_back("Z\x1b[31mz: not planned for (only 1 day with feeds)");
    const TimeSpan range{at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00")};
    const std::string table = render::plan_table(plan, range, Unit::ml, render::Style{}, berlin());
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find("  Z\\x1b[31mz: not planned for (only 1 day with feeds).\n") != std::string::npos);
    StashPlan stash;
    stash.return_day = date::sys_days(date::year(2026) / 12 / 14);
    stash.start = stash.return_day - date::days(21);
    stash.basis.notes = plan.basis.notes;
    const std::string text = render::stash_text(stash, Unit::ml);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("  Z\\x1b[31mz: not planned for (only 1 day with feeds).\n") != std::string::npos);
}

TEST_CASE("a plan that leaves a baby out names the babies whose need it weighs and lists the one left out") {
    Plan plan = small_plan();
    plan.slots.front().babies = {"Ada"};
    plan.slots.front().baby_amounts = {Volume::from_ml(120)};
    plan.basis.babies = {"Ada"};
    plan.basis.not_planned = {NotPlanned{"Ben", "only 2 days with feeds of Ben"}};
    PlanAdvice a;
    a.kind = AdviceKind::small_shortfall;
    a.begin = at("2026-11-23T08:00:00+01:00");
    a.end = at("2026-11-23T17:30:00+01:00");
    a.pumps = 2;
    a.need = Volume::from_ml(262);
    a.expected = Volume::from_ml(210);
    a.short_by = Volume::from_ml(52);
    a.several_babies = true;  // the core's flag: the slots name babies
    plan.advice = {a};
    const TimeSpan range{at("2026-11-23T00:00:00+01:00"), at("2026-11-24T00:00:00+01:00")};
    const std::string table = render::plan_table(plan, range, Unit::ml, render::Style{}, berlin());
    CHECK(table.find("08:00-17:30 Ada drinks about 262 ml;") != std::string::npos);
    CHECK(table.find("the babies drink") == std::string::npos);
    const std::string json = render::plan_json(plan, Unit::ml, berlin());
    CHECK(json.find("08:00-17:30 Ada drinks about 262 ml;") != std::string::npos);
    CHECK(json.find(R"("not_planned": [
    {
      "baby": "Ben",
      "reason": "only 2 days with feeds of Ben"
    }
  ])") != std::string::npos);
    // Two of three babies planned: "Ada and Cy drink"; a name with a control character is escaped in the table.
    plan.basis.babies = {"Ada", "C\x1b[31my"};
    const std::string three = render::plan_table(plan, range, Unit::ml, render::Style{}, berlin());
    CHECK(three.find('\x1b') == std::string::npos);
    CHECK(three.find("08:00-17:30 Ada and C\\x1b[31my drink about 262 ml;") != std::string::npos);
    // Every baby with feeds planned for: the babies drink.
    plan.basis.not_planned.clear();
    CHECK(render::plan_table(plan, range, Unit::ml, render::Style{}, berlin()).find("the babies drink about 262 ml") !=
          std::string::npos);
    // The stash names them too.
    StashPlan stash;
    stash.return_day = date::sys_days(date::year(2026) / 12 / 14);
    stash.start = stash.return_day - date::days(21);
    stash.several_babies = false;
    stash.basis.babies = {"Ada"};
    stash.basis.not_planned = {NotPlanned{"Ben", "only 2 days with feeds of Ben"}};
    stash.need_per_day = Volume::from_ml(262);
    CHECK(render::stash_text(stash, Unit::ml).starts_with("Back on Mon 2026-12-14: while you are away Ada drinks "
                                                          "about 262 ml a day"));
}
}  // namespace PUMPLOG_UNITY_ID
