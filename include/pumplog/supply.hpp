#pragma once
// Building supply (SPEC 5, pumplog-supply(7)): when the baby cannot feed at the
// breast there is no cadence to learn, so the plan follows the evidence instead:
// a timetable of `sessions` pumps a day, and the pumped volume per 24 hours
// judged against the milestones for the days since birth.
//
// Sources (each number below and in supply.cpp names one of them):
//   Ru et al. 2020: Ru X, Huang X, Feng Q. Successful full lactation achieved by
//     mothers of preterm infants using exclusive pumping. Front. Pediatr. 8:191.
//     Mean output met 350 g/d on day 6, 500 g/d on day 8, close to 750 g/d on day 14.
//   Mago-Shah et al. 2023: Early pumping frequency and coming to volume for mother's
//     own milk feeding in hospitalized infants. J. Perinatol. 43:629-634.
//     Coming to volume: over 500 ml a day by postnatal day 14; 5 or more sessions
//     a day by day 5, and pumping between 01:00 and 05:00, go with reaching it.
//   Ameda (hospital-grade pump maker), "Establishing a good milk supply" (preterm
//     baby): full production is 750-1050 ml (25-35 oz) a day; pump 8-10 times in
//     24 hours, never more than 5 hours apart; pump longer (until 2 minutes after
//     the last drop, or 20-30 minutes), double pumping.
// A falling supply (falling_supply below) and what helps:
//   ABM Clinical Protocol #9 (Academy of Breastfeeding Medicine), on galactogogues: before any, for a low
//     milk production evaluate and raise the frequency and thoroughness of milk removal (a lactation
//     assessment, such as a lactation consultant's).
//   Morton et al. 2009: Morton J, Hall JY, Wong RJ, Thairu L, Benitz WE, Rhine WD. Combining hand techniques
//     with electric pumping increases milk production in mothers of preterm infants. J. Perinatol. 29:757-764.
//     Hand expression and hands-on pumping.
//   Meier et al. 2016: Meier PP, Patel AL, Hoban R, Engstrom JL. Which breast pump for which mother: an
//     evidence-based approach to individualizing breast pump technology. J. Perinatol. 2016.
//     The pump and the fit of its breast shield (flange) for a parent who depends on the pump.
//   Hurst et al. 1997: Hurst NM, Valentine CJ, Renfro L, Burns P, Ferlic L. Skin-to-skin holding in the
//     neonatal intensive care unit influences maternal milk volume. J. Perinatol. 17:213-217.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "pumplog/entry.hpp"
#include "pumplog/plan.hpp"
#include "pumplog/settings.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// ---- The rules -------------------------------------------------------------

inline constexpr int supply_min_sessions = 5;      // Mago-Shah et al. 2023: 5 or more a day
inline constexpr int supply_max_sessions = 12;
inline constexpr int supply_default_sessions = 8;  // Ameda: 8-10 times in 24 hours
inline constexpr int supply_max_gap_min = 5 * 60;  // Ameda: never more than 5 hours apart
// Mago-Shah et al. 2023: a session between 01:00 and 05:00. The window is
// [01:00, 05:00): a session starting at 05:00 is a morning session.
inline constexpr DailyWindow supply_night{1 * 60, 5 * 60};

// ---- 1. The timetable --------------------------------------------------------

// The daily timetable: wall-clock minutes after local midnight.
struct SupplyTimetable {
    std::vector<int> minutes;  // ascending, on the quarter hour (or the grid `round` asks for), distinct
    // Why sessions fall inside the sleep window, one plain sentence; empty
    // exactly when no session does (the wish was honoured in full).
    std::vector<std::string> notes;
};

// Spreads `sessions` (5-12) pumps over the day on the quarter hours (on the least
// multiple of 15 minutes that `round_min` divides: every 30 minutes for a round of
// 2, 6 or 10 minutes, every hour for 4, 12 or 20; `round` as in the other modes) so that
//   1. no gap is over 5 hours, around midnight too (Ameda);
//   2. at least one session starts in [01:00, 05:00) (Mago-Shah et al. 2023);
//   3. as few sessions as those two rules allow start inside `sleep`;
//   4. among those, the gaps are as even as can be (least sum of squared gaps),
//      the night session as near 03:00 as that allows.
// A rule always wins over the sleep wish; the notes then say which and why.
// Throws a usage error when `sessions` is outside 5-12.
SupplyTimetable supply_timetable(int sessions, const std::optional<DailyWindow>& sleep, int round_min = 5);

// ---- 3. The milestones -------------------------------------------------------

// One milestone of the daily pumped volume (Ru et al. 2020).
struct SupplyMilestone {
    int day = 0;      // days since birth (the day of birth is day 0)
    Volume volume;    // about this much a day on that day
    std::string_view source;
};
// The table: day 6 about 350 ml, day 8 about 500 ml, day 14 about 750 ml.
const std::vector<SupplyMilestone>& supply_milestones();

// The reference volume for a day since birth, e.g. for a chart's reference line:
// none before day 6 (the milk comes in over days 3-5 and varies too much to judge
// a volume; the number of sessions is judged instead); the table's value on a
// milestone day; linear interpolation between milestones (day 7: 425 ml, day 11:
// 625 ml); from day 14 on, 750 ml, the lower end of full production (Ameda).
std::optional<Volume> supply_milestone(int day);
// The milestone of each day from `first` to `last` (local dates), counted from
// `birth` (day 0): the report's reference line.
std::vector<std::optional<Volume>> supply_milestones_between(date::sys_days first, date::sys_days last,
                                                             const date::year_month_day& birth);

// Full production (Ameda): 750-1050 ml a day.
inline constexpr Volume supply_full_low = Volume::from_ml(750);
inline constexpr Volume supply_full_high = Volume::from_ml(1050);
// The same range as Ameda gives it in ounces: 25 to 35 oz a day. Quoted as is in oz (750 ml back in oz is
// 25.4, a figure Ameda does not give); the full-volume threshold stays supply_full_low (pumplog-supply(7)).
inline constexpr int supply_full_low_oz = 25;
inline constexpr int supply_full_high_oz = 35;
// Coming to volume (Mago-Shah et al. 2023): over 500 ml a day by day 14.
inline constexpr Volume supply_coming_to_volume = Volume::from_ml(500);
inline constexpr int supply_coming_to_volume_day = 14;

// The daily goal a plan's targets are cut from: the milestone for `day`; when the
// birth date is unknown, full production (750 ml); before day 6, none (nullopt):
// every session counts, even drops of colostrum, and the plan targets 0.
std::optional<Volume> supply_daily_goal(std::optional<int> day);

// ---- 2. Progress -------------------------------------------------------------

// One local day of the basis: what was actually logged.
struct SupplyDay {
    date::sys_days date;
    std::optional<int> day;  // since birth, when the birth date is known and not after today
    int sessions = 0;
    int unmeasured = 0;  // sessions with no volume logged: not counted in `pumped`
    Volume pumped;
    bool night_session = false;  // a session started in [01:00, 05:00)
    bool partial = false;        // today: the day is not over yet
};

struct SupplyAssessment {
    SupplyProgress progress;      // the numbers and the verdict (plan.hpp)
    std::vector<SupplyDay> days;  // the basis: up to 7 local days, oldest first, none before birth
    PlanBasis basis;              // pumps and days counted, since/until, one note per day
    std::vector<PlanAdvice> advice;   // the verdict first, each a kind, its numbers and its sentence
                                      // (`text`, each number with its source)
    int breast_feeds_24h = 0;         // feeds at the breast logged in the last 24 hours
    int breast_feeds_72h = 0;         // ... in the last 3 days (nursing_window): these decide "no verdict"
    std::optional<Seconds> last_breast_feed;  // the last one logged at or before now, within the 3 days
};

// Nursing logged this recently means milk also leaves at the breast, unmeasured: a day without a breast feed
// logged is more often a day it was not logged than the day nursing stopped (README's example: the last
// nursing 33 hours before the plan). A judgement, not a published number.
inline constexpr std::chrono::hours nursing_window{72};

// ---- A falling supply -------------------------------------------------------
//
// Whole local days only (before today's: today is not over), each day's milk the sum of its pumps' volumes.
// The supply is falling when each of the last supply_falling_days whole days (up to yesterday) pumped at most
// supply_falling_share of the reference: the best mean of supply_falling_days consecutive whole days among the
// supply_falling_lookback whole days before them. Why these (a judgement, not a published number): pumped
// daily volumes of a steady supply spread by about a tenth from day to day, and a single poor day (a session
// missed or not logged, a day unwell) is common; asking every one of 3 days to be a fifth or more below a
// 3-day mean needs a fall that lasts, which neither the normal spread nor one bad day makes, while a fall of
// a fifth in a week is what a parent and a lactation consultant would want named. The reference is the best
// 3-day mean, not one best day, so one unusually good day cannot make a false peak.
// No verdict (nullopt) when a day of the last 3 has no pump logged or a pump without a volume (its milk is
// unknown, not 0 ml), when no 3 consecutive whole days before them each have a pump logged, or when a feed at
// the breast was logged from the reference's first day on (milk taken at the breast is not measured: the
// pumped volume falling may be the baby feeding more at the breast).
inline constexpr int supply_falling_days = 3;
inline constexpr int supply_falling_lookback = 7;
inline constexpr double supply_falling_share = 0.8;
// The falling_supply advice (AdviceKind::falling_supply: need, expected, day, until_day, source), judged at
// `clock.now` from the pumps logged at or before it (none before `birth`, when given). The renderer words it.
std::optional<PlanAdvice> falling_supply(const std::vector<Entry>& entries,
                                         const std::optional<date::year_month_day>& birth, const Clock& clock);
inline constexpr std::string_view falling_supply_sources =
    "ABM Clinical Protocol #9; Ameda; Morton et al. 2009; Meier et al. 2016; Hurst et al. 1997";

// Judges the parent's pumps against the milestones at `clock.now`.
//   entries: the journal's entries in effect (amendments applied), any types and
//     order; only pumps at or before now count. A pump's volume is `ml`, else
//     left + right, else unknown: the session counts (sessions_24h, the night
//     session) and in unmeasured_24h, never as 0 ml in pumped_24h. Its time of
//     day is the wall clock it was logged with (Entry::at.local()).
//   The last 24 hours are (now - 24 h, now]; the day since birth is today's local
//     date (in clock.zone) minus `birth` (the day of birth is day 0).
// Breast feeds logged in the last 3 days (method breast) mean milk also left
// at the breast, unmeasured: where the verdict would be `behind` it is
// not_enough_data instead (reason nursing: a sentence saying what the pumps
// showed against the milestone), with no next steps (the plan's
// nursing_in_supply advice says what the numbers can and cannot tell).
// Sessions without a volume in the last 24 hours (unmeasured_24h): the volume
// of the others is a lower bound, so it can show full volume or on track, but
// never `behind`: that is not_enough_data instead, with one sentence saying how
// many sessions have no volume, what the others add up to against the
// milestone, and to log each session's volume (no estimate of the missing ones);
// when the last 24 hours also reach before the first logged pump, it says so
// and gives no next steps (the sessions they would count may be the missing ones).
// Last 24 hours that reach before the first logged pump (on day 0 always: before
// the birth date) and fall short are not_enough_data (logged_under_24h), with
// no next steps: the pumps before are missing.
// Verdicts, first that applies:
//   not_enough_data: `birth` unknown or after today, or no pump in the last 24 h;
//   full_volume: 750 ml or more in the last 24 h (Ameda), whatever the day;
//   before day 6: on_track with 5 or more sessions in the last 24 h, one of them
//     between 01:00 and 05:00 (Mago-Shah et al. 2023); behind otherwise;
//   from day 6: on_track when the last 24 h reached supply_milestone(day) (Ru et
//     al. 2020); behind otherwise.
// Advice when behind, in this order, each only when it applies: add sessions
// (under 5, or under 8: Mago-Shah et al. 2023, Ameda), add a night session (none
// between 01:00 and 05:00), pump longer and double pump (from day 6, Ameda), see
// a lactation consultant (from day 8; on days 6-7: if still behind on day 8; from day 14 it says whether you
// have come to volume: over 500 ml in the last 24 hours or on any whole local day since the birth, Mago-Shah
// et al. 2023; once come to volume, never "not come to volume" again).
// A falling supply (falling_supply above) follows the verdict, whatever the verdict.
// `unit` is for the volumes in the sentences; `several_babies` (config names two or more): they say "the
// babies", "the babies' birth date".
SupplyAssessment assess_supply(const std::vector<Entry>& entries, const std::optional<date::year_month_day>& birth,
                               const Clock& clock, Unit unit, bool several_babies = false);

// ---- The plan ----------------------------------------------------------------

// The parent's usual yield at each timetable minute, from the pumps of the last
// 3 days before now: each pump goes to the nearest timetable minute (around
// midnight too) when within 90 minutes of it; a pump d whole days old weighs
// 2^-d. nullopt for a minute no logged pump is near.
std::vector<std::optional<Volume>> supply_expected(const SupplyTimetable& timetable, const std::vector<Entry>& entries,
                                                   const Clock& clock);

// The pumps of the timetable that start in `span`, on the local days of
// clock.zone: each session keeps its wall-clock time across daylight-saving
// changes; one that falls in a skipped hour moves forward by the gap (02:30
// becomes 03:30); if that reaches the next session, the moved one is left out
// that day (and a basis note says so), so no two pumps share an instant.
// A pump's target is supply_daily_goal(day since birth of its local day) divided
// by the number of sessions (0 before day 6); `expected` from supply_expected.
// Pumps ascending by instant.
std::vector<PlannedPump> supply_pumps(const SupplyTimetable& timetable, const std::vector<Entry>& entries,
                                      const std::optional<date::year_month_day>& birth, const Clock& clock,
                                      TimeSpan span, std::vector<std::string>* notes = nullptr);

// The whole supply plan for `plan --mode supply`: the timetable of
// settings.sessions around settings.sleep, its pumps in `span`, progress
// (assess_supply with settings.birth), basis and advice (the timetable's notes,
// then the assessment's advice). Plan::slots is empty: there are no feeds.
Plan supply_plan(const Settings& settings, const std::vector<Entry>& entries, const Clock& clock, TimeSpan span);

// "on_track", "behind", "full_volume", "not_enough_data": the verdict in JSON.
std::string_view verdict_name(SupplyVerdict verdict);

}  // namespace pumplog
