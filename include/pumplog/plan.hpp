#pragma once
// A pumping plan: what the planner (cadence mode) and the supply planner both
// produce, and what every plan renderer (table, json, csv, ics) takes.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pumplog/intake.hpp"
#include "pumplog/text.hpp"
#include "pumplog/time.hpp"
#include "pumplog/units.hpp"

namespace pumplog {

// A feed slot: the baby's typical feed at a time of day.
struct Slot {
    int minute = 0;  // minutes after local midnight
    Volume amount;   // typical amount drunk at this slot
    int seen = 0;    // on how many days of the look-back it was seen
    bool estimated = false;  // the amount is an estimate (feeds logged without amounts)
    std::vector<std::string> babies{};  // whose feeds, when the journal names several babies (SPEC 12)
    std::vector<Volume> baby_amounts{};  // each baby's share of `amount`, beside `babies`
};
// Whether the slots are several babies' (only then do slots name their babies).
inline bool several_babies(const std::vector<Slot>& slots) {
    return std::any_of(slots.begin(), slots.end(), [](const Slot& s) { return !s.babies.empty(); });
}

// A baby the feeds name whom a plan leaves out: too few days of its feeds to learn its rhythm.
struct NotPlanned {
    std::string baby;    // as its feeds name it; empty: the feeds without a name beside named babies
    std::string reason;  // why, with what to log (the refusal a plan for that baby alone would give)
};

// What a plan rests on (SPEC 5.4: every plan states its basis).
struct PlanBasis {
    int feeds = 0;  // feeds (or, in supply mode, pumps) it learned from
    int merged = 0;  // of them, feeds within a burst of the one before, counted as part of it (a breast after the
                     // other, a top-up): feeds - merged feedings
    int days = 0;   // days they span
    Seconds since{};
    Seconds until{};
    std::vector<std::string> notes;  // e.g. how breast feeds without an amount were counted
    // Several babies named: the ones planned for (in the slots' order) and the ones left out (also in notes).
    std::vector<std::string> babies{};
    std::vector<NotPlanned> not_planned{};
};
// The babies a plan counts, when some baby with feeds is left out of it (then the plan's sentences name
// them: "Zoë drinks", not "the babies drink"); empty when every baby with feeds is planned for.
inline std::vector<std::string> planned_only(const PlanBasis& basis) {
    return basis.not_planned.empty() ? std::vector<std::string>{} : basis.babies;
}
// Whose need a plan's sentence tells, with its verb: the babies planned for by name when some baby with
// feeds is left out ("Zoë drinks", "Ada and Ben drink"; `planned`: planned_only), else "the babies drink"
// (`several`) or "the baby drinks".
inline std::string need_of_words(const std::vector<std::string>& planned, bool several, std::string_view one_verb,
                                 std::string_view many_verb) {
    if (planned.empty())
        return std::string(several ? "the babies " : "the baby ") + std::string(several ? many_verb : one_verb);
    std::vector<std::string> names;
    for (const std::string& b : planned) names.push_back(b.empty() ? "the unnamed baby" : b);
    return and_list(names) + " " + std::string(planned.size() > 1 ? many_verb : one_verb);
}

// A planned pump already done with, in a plan from now (next_pump's rule, planner.hpp): a pump logged for
// it (or a pump timer running for it), or a skip (`plan skip`).
enum class PumpDone { no, pumped, skipped };

struct PlannedPump {
    Seconds at{};
    Volume target;                    // what the baby drinks in the slots it covers
    std::optional<Volume> expected;   // the parent's usual yield at that time of day
    std::vector<Seconds> covers;      // predicted feed times it provides for
    std::vector<Volume> amounts;      // what each of them drinks (parallel to covers; target is their sum)
    std::string reason;               // "covers the 12:30 feed", "added: longest gap 4 h by day", ...
    std::string source;               // an extra session's: "CDC: add a session when ..." (worded after the reason)
    bool extra = false;               // proposed to make up a shortfall
    bool pinned = false;              // at a time of the schedule: covering no feed, it has no target (not added)
    bool estimated = false;           // the target rests on estimated amounts
    bool emptied = false;             // drafted for feeds that all went to nearer pumps: covers none, not a gap's
    PumpDone done = PumpDone::no;     // a plan from now: done with already (the table, JSON and CSV pass over
                                      // it, the calendar keeps its event without an alarm)
    // An extra session's: the times of the pumps the parent pumps anyway (the plan's, the habitual ones at
    // home): a pump logged near one of them and not near the extra's own time is that pump, not the extra.
    std::vector<Seconds> routine{};
};

// PlanAdvice as data (the renderers word it): a kind and its numbers and times.
// The fields each kind uses are listed beside it; the others stay empty.
enum class AdviceKind {
    no_away_windows,     // away mode without away windows: -
    not_away,            // no away window in the planned period: -
    no_pumps_logged,     // expected yields unknown: day (first), until_day (last day of the look-back)
    no_regular_feeds,    // no slot found in the look-back window: -
    shortfall,           // scope, begin, end, pumps, need, expected, short_by, at (the extra session),
                         // extra_expected, missing (still short after it; 0 when none), respaced, overdue, estimated
                         // (the need rests on estimated amounts; so do no_room's and small_shortfall's)
    no_room,             // a shortfall but no session fits at min_gap: scope, begin, end, pumps, need,
                         // expected, short_by, gap (min_gap)
    small_shortfall,     // a shortfall under half a session's expected yield, no session added: scope, begin,
                         // end, pumps, need, expected, short_by
    estimated_intake,    // targets from intake norms for the age: age_days, daily, per_feed, feedings (the
                         // plan's feeds a day, its slots: per_feed is daily shared over them),
                         // count (feeds without an amount; at_breast, bottles: of them),
                         // text (the source: "Kent et al. 2006", ...),
                         // birth_assumed (no birth date: the age counts from day, the first feed logged),
                         // birth_after_first_feed (the birth date set, after day, the first feed logged: the
                         // age counts from that feed),
                         // rough (the first days: intake rises quickly and varies widely; or extrapolated),
                         // extrapolated (past 12 months: the 12-month norm held, no norm applies); several
                         // babies: babies, per_baby_daily, shares, joint, slot_amount (daily adds their norms)
    pinned_shortfall,    // schedule: the pinned pumps are expected to give less than their targets (no session is
                         // proposed): scope, begin, end, pumps, need, expected, short_by, estimated
    uncovered_feed,      // schedule: at (the feed), need (its amount: in no pump's target, from stored milk),
                         // gap (min_gap)
    long_gap,            // schedule: begin, end (the gap between milk removals), gap (the limit)
    pinned_outside_away, // schedule, away mode: minutes (the one pinned time inside no away window's hours on
                         // any day, so never planned), text (the away windows, as config stores them), count
                         // (how many windows)
    min_gap_conflict,    // two pumps closer than min_gap, as the longest gap allowed leaves no room: begin, end
                         // (the two pumps), gap (min_gap), longest (max_gap_day or, night, max_gap_night)
    clock_change,        // a spring-forward night brings a pump closer than min_gap in real hours to the next
                         // (the change moved it, or falls between them), and no time keeps min_gap from both its
                         // neighbours: begin, end (the two pumps), gap (min_gap), minutes (the first one's time
                         // as laid out, before the change moved it: 02:30 for a pump at 03:30; empty when the
                         // change did not move it)
    incomplete_day,      // day: a day that looks incompletely logged (weighed down)
    nursing_in_supply,   // supply mode with breast feeds logged: count (breast feeds in the last 24 h),
                         // expected (pumped in the last 24 h), pumps (sessions), need (the milestone, or 0)
    // Supply mode (pumplog-supply(7)): `text` is the sentence the core words (the `advice` text); the
    // numbers are these. A verdict: age_days (day_unknown: no birth date, or after today), expected
    // (pumped in the last 24 h), pumps (sessions), unmeasured (of them, without a volume), night (one
    // between 01:00 and 05:00), milestone (the day's, when one applies), source; not_enough_data: reason.
    on_track,
    behind,
    full_volume,
    not_enough_data,
    next_milestone,      // the next milestone: age_days (its day), milestone, source
    add_sessions,        // pumps (sessions in the last 24 h), count (the aim: 8 a day), source
    add_night_session,   // a session between 01:00 and 05:00: source
    pump_longer,         // pump longer and double pump: source
    see_consultant,      // reason (now, if_behind_on_day_8, not_come_to_volume, came_to_volume), age_days
                         // (the day, for if_behind_on_day_8), milestone (coming to volume: 500 ml by day 14),
                         // came_to_volume_on (came_to_volume: the first whole day over it, when one was), source
    falling_supply,      // supply and exclusive modes (falling_supply in supply.hpp): need (the best 3-day mean
                         // of the week before, a day), expected (the last 3 whole days' mean), day (the first of
                         // those best 3 days), until_day (the last whole day: the 3 days end on it), source
    keep_pumping,        // on track or full volume: pumps (sessions in the last 24 h), night, count (the aim
                         // of 8 a day, when fewer; 0 otherwise), source
    sleep_window,        // sessions inside the sleep window: minutes (their times), window (the setting), source
    milestones_unscaled, // several babies: count (how many), source
    schedule_not_used,   // supply mode plans its own sessions: minutes (the schedule setting, not used)
    note,                // a sentence worded by the core: text
};
// estimated_intake with several babies: one baby's norm shared over its own feeds.
struct IntakeShare {
    std::string baby;  // as its feeds name it; empty: the feeds without a name beside named babies
    int feeds = 0;     // its feeds a day (its own slots, before twins' feeds are joined)
    Volume per_feed;   // its norm shared over them
    // Its own age and norm (each baby's, with a birth date per baby: config birth "Zoe 2026-11-10, Max
    // 2025-09-20"): as PlanAdvice's fields of the same names for one baby.
    int age_days = 0;
    Volume daily;                  // its norm a day
    std::string source;            // the norm's source (PlanAdvice::text)
    bool rough = false;            // the first days' norm
    bool extrapolated = false;     // past 12 months: the 12-month norm held
    date::sys_days day{};          // the day its age counts from (its birth, or its first feed read)
    bool birth_assumed = false;    // no birth date for it: the age counts from `day`, its first feed read
    std::optional<date::sys_days> birth_after_first_feed;  // its birth date set, after `day`
    bool own_birth = false;        // `birth` gives a date per baby (each is counted from its own, or none)
};
// The days after birth a parent's milk is still coming in (lactogenesis II: the milk comes in 36 to 96 hours
// after birth, Neville et al. 1988; pumping exclusively it rises to about 750 ml a day by day 14, Ru et al.
// 2020): a shortfall then is no reason to give stored milk, which a newborn's parent does not have
// (PlanAdvice::coming_in; pumplog-plan(1)).
inline constexpr int newborn_supply_days = 14;
// Where a shortfall is weighed: an away window, or a whole local day (exclusive mode).
enum class AdviceScope { away, day };
struct PlanAdvice {
    AdviceKind kind = AdviceKind::note;
    AdviceScope scope = AdviceScope::away;
    Seconds begin{};
    Seconds end{};
    std::optional<Seconds> at;
    int pumps = 0;
    int count = 0;
    int skipped = 0;     // shortfall, no_room, small_shortfall: of `pumps`, those skipped (yielding nothing)
    int unmeasured = 0;  // nursing_in_supply: of `pumps`, the sessions with no volume logged (not in `expected`)
    int breast_72h = 0;  // nursing_in_supply: feeds at the breast in the last 3 days (`count`: the last 24 hours;
                         // `at`: the last one)
    int at_breast = 0;   // estimated_intake: of `count` (the feeds without an amount), those
    int bottles = 0;     // at the breast and the bottles whose amount was not recorded (the rest name no method)
    int measured = 0;    // estimated_intake: the window's feeds with an amount, too few to stand for the rest;
    int own_slots = 0;   // the slots where most feeds had one, which count their own amount, not the norm's
    Volume need, expected, short_by, extra_expected, missing;
    Volume daily, per_feed;
    double feedings = 0;
    int age_days = 0;
    bool respaced = false;
    // falling_supply, pumping exclusively: the parent may be cutting down the pumps on purpose (weaning), which the
    // plan cannot know: the sentence says a fall is expected then.
    bool maybe_weaning = false;
    bool overdue = false;  // shortfall: the extra session (at) is overdue at the plan's start (not in its table)
    bool birth_assumed = false;   // estimated_intake: `birth` unset, the age counted from `day`
    // estimated_intake: `birth` as set, when it is after the first feed logged (`day`), which the age counts from.
    std::optional<date::sys_days> birth_after_first_feed;
    bool rough = false;           // estimated_intake: the first days' norm (IntakeNorm::rough)
    bool extrapolated = false;    // estimated_intake: past 12 months, no norm (IntakeNorm::extrapolated)
    bool capped = false;          // estimated_intake: too few feeds a day logged for the age (feed_cap): per_feed
    int fewest_feeds = 0;         // is the most one feed counts, not daily shared over them; fewest_feeds: the
                                  // feeds a day (6, Kent et al. 2006) the cap shares daily over, 0 past 6 months
    int babies = 1;               // estimated_intake: the babies whose norms `daily` adds (twins: 2)
    Volume per_baby_daily;        // estimated_intake: one baby's norm (`daily` is `babies` times it)
    std::vector<IntakeShare> shares{};  // estimated_intake, several babies named: each estimated one's feeds
                                        // (then `feedings` is the plan's slots holding them, a joint one once)
    int joint = 0;                // estimated_intake: of `feedings`, the slots joining several babies' feeds
    std::optional<Volume> slot_amount;  // estimated_intake: what every one of those slots counts (their babies'
                                        // shares added), when they all count the same
    bool estimated = false;       // shortfall, no_room, small_shortfall: the need rests (wholly or partly) on
                                  // estimated amounts, so the shortfall may be the estimate's error
    bool coming_in = false;       // shortfall, no_room, small_shortfall: the day is in the first
                                  // newborn_supply_days after birth (age_days: its day since birth; the birth
                                  // date set): the supply is still coming in, there is no stored milk to give
    bool several_babies = false;  // shortfall, no_room: the need is several babies' ("the babies drink")
    std::vector<std::string> planned{};  // shortfall, no_room, small_shortfall, no_pumps_logged, not_away:
                                         // some baby with feeds is not planned for, so the need is these
                                         // babies' ("Zoë drinks"; planned_only); empty: every baby's
    std::chrono::minutes gap{0};
    std::chrono::minutes longest{0};  // min_gap_conflict: the longest gap allowed there
    bool night = false;               // min_gap_conflict: `longest` is max_gap_night; shortfall (away): the
                                      // extra session is at night, as no time in waking hours (nor the day
                                      // re-spaced) keeps min_gap (`gap`) from the other pumps
    date::sys_days day{};
    date::sys_days until_day{};
    std::string text;
    // Supply mode's kinds (see above).
    bool day_unknown = false;           // a verdict: no birth date, or one after today (age_days means nothing)
    std::optional<Volume> milestone;    // a verdict, next_milestone, see_consultant
    std::string source;                 // the source the sentence cites: "Ru et al. 2020", ...
    std::optional<date::sys_days> came_to_volume_on;  // see_consultant (came_to_volume): the first whole local day
                                                      // over 500 ml; empty when only the last 24 hours were
    std::string reason;                 // not_enough_data: no_birth, birth_after_today, no_pumps,
                                        // sessions_without_volume, logged_under_24h, nursing; see_consultant: when
    std::vector<int> minutes;           // sleep_window, schedule_not_used, pinned_outside_away: times (minutes
                                        // after midnight)
    int window_begin = 0, window_end = 0;  // sleep_window: the sleep setting (minutes after midnight)
};

enum class SupplyVerdict { on_track, behind, full_volume, not_enough_data };

// Supply mode (SPEC 5, building supply): progress against the milestones.
struct SupplyProgress {
    int day = 0;                        // days since birth
    Volume pumped_24h;                  // pumped in the last 24 hours, by the sessions with a volume
    int sessions_24h = 0;               // pump sessions in the last 24 hours, with or without a volume
    bool night_session = false;         // a session between 01:00 and 05:00 in the last 24 h
    std::optional<Volume> milestone;    // the expected volume for this day, when one applies
    SupplyVerdict verdict = SupplyVerdict::not_enough_data;
    bool day_unknown = false;           // no birth date, or one after today: `day` means nothing
    int unmeasured_24h = 0;             // of sessions_24h, those with no volume logged (unknown, never 0 ml)
};

struct Plan {
    PlanBasis basis;
    std::vector<Slot> slots;
    std::vector<PlannedPump> pumps;
    std::vector<PlanAdvice> advice;
    std::optional<SupplyProgress> progress;
};

// What an estimate of several babies counted at their own ages adds (a leading space included): the day each
// baby is counted at, from its own birth date (or from the one date set) ("Counted from each baby's own birth
// date: Zoe at day 6 (born 2026-11-10) and Max at day 422 (born 2025-09-20)."), and for a baby without one, or
// with one after its first feed read, what its age counts from.
std::string own_births_sentence(const std::vector<IntakeShare>& shares);

// What an estimated_intake item adds about the age it counts (a leading space included): from the first feed
// logged, without a birth date or with one after that feed; "" when the birth date set counts.
// Whether an estimate of several babies counts each at its own age: a birth date per baby (IntakeShare::
// own_birth), or one date with the babies at different days (one counted from its first feed, before the date).
inline bool counts_own_ages(const std::vector<IntakeShare>& shares) {
    return std::any_of(shares.begin(), shares.end(),
                       [&](const IntakeShare& s) { return s.own_birth || s.age_days != shares.front().age_days; });
}

// With babies counted at their own ages (counts_own_ages), own_births_sentence: the day each is counted at.
inline std::string intake_age_sentence(const PlanAdvice& a) {
    if (a.shares.size() > 1 && counts_own_ages(a.shares)) return own_births_sentence(a.shares);
    if (a.birth_after_first_feed)
        return birth_after_first_feed_sentence(*a.birth_after_first_feed, a.day, a.age_days, a.babies > 1);
    return a.birth_assumed ? age_from_journal_sentence(a.day, a.age_days, a.babies > 1) : "";
}

// The words of an estimated_intake item for estimated_feed_words, its volumes shown by `volume`.
template <typename Show>
IntakeWords intake_words(const PlanAdvice& a, Show&& volume) {
    IntakeWords w;
    w.per_feed = volume(a.per_feed);
    w.daily = volume(a.daily);
    w.per_baby_daily = volume(a.per_baby_daily);
    w.babies = a.babies;
    w.per_feed_alike = std::all_of(a.shares.begin(), a.shares.end(), [&](const IntakeShare& s) {
        return volume(s.per_feed) == w.per_feed;
    });
    w.age_days = a.age_days;
    w.source = a.text;
    w.extrapolated = a.extrapolated;
    w.capped = a.capped && a.shares.empty();
    w.fewest_feeds = a.fewest_feeds;
    w.feeds = std::lround(a.feedings);
    // A birth date per baby (or babies at different days): each baby's own norm for its own age.
    if (a.shares.size() > 1 && counts_own_ages(a.shares))
        for (const IntakeShare& s : a.shares)
            w.own_norms.push_back((s.baby.empty() ? std::string("the feeds without a name") : s.baby) + " about " +
                                  volume(s.daily) + " a day " +
                                  norm_at_age_words(s.age_days, s.source, s.extrapolated));
    return w;
}

}  // namespace pumplog
