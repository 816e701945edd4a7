#pragma once
// What a baby drinks a day, by age: the norm the planner divides over the
// feeds when they were logged without amounts (nursing, or bottles whose amount was not recorded).
//
// Sources (each number in intake.cpp names one of them):
//   Kent et al. 2006: Kent JC, Mitoulas LR, Cregan MD, Ramsay DT, Doherty DA,
//     Hartmann PE. Volume and frequency of breastfeedings and fat content of
//     breast milk throughout the day. Pediatrics 117(3):e387-e395. Exclusively
//     breastfed babies of 1 to 6 months drank 788 ml a day on average (SD 169),
//     with no change over those months. They breastfed 11 +/- 3 times in 24 hours
//     (range 6-18), and a breastfeed was 76.0 +/- 12.6 g (range 0-240 g).
//   Saint et al. 1984: Saint L, Smith M, Hartmann PE. The yield and nutrient
//     content of colostrum and milk of women from giving birth to 1 month
//     post-partum. Br J Nutr 52(1):87-95. By test-weighing 9 babies: 37 g in
//     the first 24 hours after birth (range 7-123), 408 g/24 h on day 3 (range
//     98-775), 705 g/24 h on day 5 (range 453-876).
//   IOM 1991: Institute of Medicine, Nutrition During Lactation, chapter 5 "Milk
//     Volume" (National Academies Press). Babies drink 500-700 g a day at 6-10
//     days after birth (Casey et al. 1986; Saint et al. 1984); 637 g a day at 9
//     months and 445 g a day at 12 months, with other foods (Dewey et al.).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "pumplog/units.hpp"

namespace pumplog {

struct IntakeNorm {
    Volume daily;               // about this much a day
    std::string_view source;    // "Kent et al. 2006", ...; past 12 months, the held figure's
    bool rough = false;         // the first days (before day 6): intake rises quickly and varies widely; or
                                // `extrapolated`
    bool extrapolated = false;  // past 12 months: no norm of these sources applies, the 12-month figure is held
};

// The norm for a baby `age_days` old (the day of birth is day 0):
//   day 0: 37 ml, day 3: 408 ml, linearly between (Saint et al. 1984);
//   days 3 to 6: from 408 ml up to 600 ml, linearly (Saint et al. 1984; IOM
//     1991), not above IOM's 600 ml (Saint et al.'s day 5 mean is 705 g);
//     these first days are `rough`;
//   days 6 to 10: 600 ml, the middle of 500-700 (IOM 1991);
//   days 10 to 30: from 600 ml up to 788 ml, linearly;
//   days 30 to 182 (1 to 6 months): 788 ml (Kent et al. 2006);
//   then down linearly to 637 ml on day 274 (9 months) and 445 ml on day 365
//     (12 months) (IOM 1991, Dewey et al.);
//   past day 365: 445 ml held, `extrapolated` and `rough`. IOM's figures stop
//     at 12 months and no source above gives one for an older child, who eats
//     more and more other food: a guess that keeps the plan running (SPEC 5:
//     never refused for want of amounts), not a norm.
IntakeNorm intake_norm(int age_days);

// The most one feed is counted under an intake estimate, for a baby `age_days` old whose norm is `daily`,
// so that a day logged with too few feeds does not put the whole day's estimate into one or two targets:
//   to 6 months (day 182): `daily` shared over 6 feeds, the fewest breastfeeds a day Kent et al. 2006
//     measured (11 +/- 3 in 24 hours, range 6-18, babies of 1 to 6 months; younger babies feed more often);
//   later, when babies feed less often beside other foods: 240 ml, the largest breastfeed Kent et al. 2006
//     measured (a breastfeed 76.0 +/- 12.6 g, range 0-240 g).
// `fewest_feeds`: the feeds a day below which the cap applies (6; 0 past 6 months).
struct FeedCap {
    Volume most;
    int fewest_feeds = 0;
};
FeedCap feed_cap(int age_days, Volume daily);

// A volume to the step a person reads it in `unit`: whole ml, or 0.1 oz (format_rounded_volume's).
Volume to_shown_step(Volume volume, Unit unit);
// `daily` shared equally over `feeds` targets in the steps of to_shown_step (1 ml, 0.1 oz), the steps left
// over one each to targets spread through the list (the i-th counts the steps up to (i + 1) / feeds of the
// day less those up to i / feeds), so that the targets as shown add up to the daily figure as shown (788 ml
// over 9: 87 88 87 88 87 88 87 88 88, not nine 88 ml making 792; 26.7 oz over 9: 2.9 3.0 3.0 2.9 3.0 3.0 2.9
// 3.0 3.0). `daily` is taken to_shown_step first.
std::vector<Volume> share_in_shown_steps(Volume daily, std::size_t feeds, Unit unit);

// How a short sentence names the norm of a baby `age_days` old: "at day 83
// (Kent et al. 2006)", or past 12 months (`extrapolated`) that it is the
// 12-month figure held, a rough guess, never a norm for the age.
std::string norm_at_age_words(int age_days, std::string_view source, bool extrapolated);

// What a short sentence of plan stash and plan bottles says each feed counts under an intake estimate
// (after "so "): "each counts 131 ml of about 788 ml a day at day 71 (Kent et al. 2006)"; for several babies
// `per_baby_daily` is one baby's norm and `daily` their sum: "each baby counts about 788 ml a day at day 71
// (Kent et al. 2006), 1576 ml for the 2 babies" and, when every baby's feeds count alike, ", 131 ml a feed".
struct IntakeWords {
    std::string per_feed, daily, per_baby_daily;  // the volumes as the sentence shows them
    int babies = 1;
    bool per_feed_alike = true;  // several babies: every one's feeds count `per_feed`
    int age_days = 0;
    std::string source;
    bool extrapolated = false;
    bool capped = false;   // one baby: per_feed is feed_cap's, as too few feeds a day were logged
    int fewest_feeds = 0;  // feed_cap's (6 to 6 months, else 0)
    long feeds = 0;        // the plan's feeds a day
    // Several babies with a birth date each: each one's norm for its own age ("Zoe about 585 ml a day at day 6
    // (Saint et al. 1984)"); empty: every baby counts per_baby_daily at age_days.
    std::vector<std::string> own_norms;
};
std::string estimated_feed_words(const IntakeWords& w);

// What a capped estimate adds (one baby, `feeds` a day logged, each counting at most `per_feed`, as feed_cap
// gives it with `fewest_feeds`), after a clause: ", no more than one feed can be: only 1 feed a day was
// logged, so the feeds look incompletely logged (the day's estimate shared over 6 feeds, the fewest a day
// Kent et al. 2006 measured), and the targets add up to less than the day's estimate".
std::string capped_feed_words(long feeds, int fewest_feeds);

// The sentence an estimate adds when `birth` is not set and the age, `age_days`, counted from the first feed
// logged, on `first` (a leading space included): the baby is at least that old, and what that means for the
// estimate (the norm rises to 1 month, holds to 6, then falls: intake_norm); "the babies" with `several_babies`.
std::string age_from_journal_sentence(date::sys_days first, int age_days, bool several_babies = false);

// The sentence an estimate adds when `birth` is set after the first feed logged, on `first` (a leading space
// included): the baby was born by that feed, so the age, `age_days`, counts from it; the date is to check.
std::string birth_after_first_feed_sentence(date::sys_days birth, date::sys_days first, int age_days,
                                            bool several_babies = false);

}  // namespace pumplog
