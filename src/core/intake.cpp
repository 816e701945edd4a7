// Intake norms by age; the sources are listed in intake.hpp.
#include "pumplog/intake.hpp"
#include "pumplog/plan.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pumplog/text.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

namespace {
// Linear from (a_day, a_ml) to (b_day, b_ml), rounded to whole ml.
double between(int day, int a_day, double a_ml, int b_day, double b_ml) {
    return std::round(a_ml + (b_ml - a_ml) * (day - a_day) / (b_day - a_day));
}
}  // namespace

IntakeNorm intake_norm(int age_days) {
    constexpr double day_0 = 37;        // Saint et al. 1984: 37 g in the first 24 h (range 7-123)
    constexpr double day_3 = 408;       // Saint et al. 1984: 408 g/24 h on day 3 (range 98-775)
    constexpr double first_days = 600;  // IOM 1991: 500-700 g a day at 6-10 days
    constexpr double months_1_6 = 788;  // Kent et al. 2006: 1-6 months
    constexpr double month_9 = 637;     // IOM 1991 (Dewey et al.): 9 months
    constexpr double month_12 = 445;    // IOM 1991 (Dewey et al.): 12 months
    // Before day 6 intake rises quickly and varies widely (Saint et al. 1984's ranges): a rough estimate.
    // From day 3 to 6 it rises to IOM's 600 ml, not to Saint et al.'s 705 g on day 5: above IOM's middle
    // for days 6-10, so the curve would fall after day 5.
    if (age_days < 3) return {Volume::from_ml(between(age_days, 0, day_0, 3, day_3)), "Saint et al. 1984", true};
    if (age_days < 6)
        return {Volume::from_ml(between(age_days, 3, day_3, 6, first_days)), "Saint et al. 1984; IOM 1991", true};
    if (age_days <= 10) return {Volume::from_ml(first_days), "IOM 1991"};
    if (age_days < 30)
        return {Volume::from_ml(between(age_days, 10, first_days, 30, months_1_6)), "IOM 1991; Kent et al. 2006"};
    if (age_days <= 182) return {Volume::from_ml(months_1_6), "Kent et al. 2006"};
    if (age_days <= 274)
        return {Volume::from_ml(between(age_days, 182, months_1_6, 274, month_9)), "Kent et al. 2006; IOM 1991"};
    if (age_days <= 365) return {Volume::from_ml(between(age_days, 274, month_9, 365, month_12)), "IOM 1991"};
    // Past 12 months no source gives a figure (IOM 1991's stop at 12 months): the 12-month one is held, as the
    // source of the number, but marked an extrapolation and rough, so it is never worded as a norm for the age.
    return {Volume::from_ml(month_12), "IOM 1991", true, true};
}

FeedCap feed_cap(int age_days, Volume daily) {
    constexpr int fewest_feeds = 6;       // Kent et al. 2006: 6-18 breastfeeds in 24 hours, 1 to 6 months
    constexpr double largest_feed = 240;  // Kent et al. 2006: a breastfeed 0-240 g
    constexpr int six_months = 182;       // the study's babies were 1 to 6 months old
    if (age_days <= six_months) return {Volume::from_ml(std::round(daily.ml() / fewest_feeds)), fewest_feeds};
    return {Volume::from_ml(largest_feed), 0};
}

namespace {
// How many steps of to_shown_step `volume` is, rounded as format_volume_number rounds it (oz: to 0.01, then 0.1).
long long shown_steps(Volume volume, Unit unit) {
    if (unit == Unit::ml) return std::llround(volume.ml());
    return std::llround(std::round(volume.oz() * 100.0) / 10.0);
}
Volume from_steps(long long steps, Unit unit) {
    return unit == Unit::ml ? Volume::from_ml(static_cast<double>(steps))
                            : Volume::from_oz(static_cast<double>(steps) / 10.0);
}
}  // namespace

Volume to_shown_step(Volume volume, Unit unit) { return from_steps(shown_steps(volume, unit), unit); }

std::vector<Volume> share_in_shown_steps(Volume daily, std::size_t feeds, Unit unit) {
    std::vector<Volume> shares;
    if (feeds == 0) return shares;
    const long long steps = std::max(0LL, shown_steps(daily, unit));
    const auto count = static_cast<long long>(feeds);
    // The i-th share is the steps up to its end less those up to its start, so the steps over are spread
    // through the day (a part of the day, as an away window, gets its fair share), not all on the first.
    for (long long i = 0; i < count; ++i)
        shares.push_back(from_steps((i + 1) * steps / count - i * steps / count, unit));
    return shares;
}

std::string norm_at_age_words(int age_days, std::string_view source, bool extrapolated) {
    if (extrapolated)
        return fmt::format("at day {}: the norm at 12 months ({}) held for an older child, a rough guess, as no "
                           "norm applies past 12 months and other foods take over",
                           age_days, source);
    return fmt::format("at day {} ({})", age_days, source);
}

std::string capped_feed_words(long feeds, int fewest_feeds) {
    return fmt::format(", no more than one feed can be: only {} a day {} logged, so the feeds look incompletely "
                       "logged ({}), and the targets add up to less than the day's estimate",
                       plural(feeds, "feed", "feeds"), feeds == 1 ? "was" : "were",
                       fewest_feeds > 0
                           ? fmt::format("the day's estimate shared over {} feeds, the fewest a day Kent et al. 2006 "
                                         "measured in babies of 1 to 6 months",
                                         fewest_feeds)
                           : std::string("the largest breastfeed Kent et al. 2006 measured"));
}

std::string estimated_feed_words(const IntakeWords& w) {
    const std::string norm = norm_at_age_words(w.age_days, w.source, w.extrapolated);
    if (w.babies <= 1)
        return fmt::format("each counts {} of about {} a day {}{}", w.per_feed, w.daily, norm,
                           w.capped ? capped_feed_words(w.feeds, w.fewest_feeds) : std::string());
    if (!w.own_norms.empty())
        return fmt::format("each baby counts the norm for its own age, {}: {} for the {} babies{}",
                           and_list(w.own_norms), w.daily, w.babies,
                           w.per_feed_alike ? fmt::format(", {} a feed", w.per_feed) : std::string());
    return fmt::format("each baby counts about {} a day {}, {} for the {} babies{}", w.per_baby_daily, norm, w.daily,
                       w.babies, w.per_feed_alike ? fmt::format(", {} a feed", w.per_feed) : std::string());
}

std::string age_from_journal_sentence(date::sys_days first, int age_days, bool several_babies) {
    // The first feed logged is the latest the baby can have been born, so its age is a lower bound. Up to 6
    // months the norm never falls with age (intake_norm: Saint et al. 1984, IOM 1991, Kent et al. 2006), so the
    // estimate is the least an older baby drinks; past 6 months it falls (IOM 1991: 9 and 12 months), so the
    // estimate at the youngest age possible is the most: the conservative reading for a pumping plan, kept.
    const std::string who = several_babies ? "the babies" : "the baby";
    std::string meaning;
    if (age_days < 30)
        meaning = fmt::format(" (if {} {} older, the norm is higher: it rises to 1 month)", who,
                              several_babies ? "are" : "is");
    else if (age_days > 182)
        meaning = fmt::format(" (past 6 months the norm falls with age, so if {} {} older this is more than "
                              "the norm: the plan errs toward more milk)",
                              who, several_babies ? "are" : "is");
    return fmt::format(" The birth date is not set, so the estimate takes {} to be at least {} old, born by the "
                       "first feed logged, on {}{}: set it (pumplog config set birth YYYY-MM-DD) for a better "
                       "estimate.",
                       who, plural(age_days, "day", "days"), format_date(first), meaning);
}

std::string birth_after_first_feed_sentence(date::sys_days birth, date::sys_days first, int age_days,
                                            bool several_babies) {
    return fmt::format(" The birth date set, {}, is after the first feed of the days the plan reads, on {}: {} born "
                       "by then, so the plan counts the age from that feed (day {}). Check the birth date (pumplog "
                       "config set birth YYYY-MM-DD).",
                       format_date(birth), format_date(first), several_babies ? "the babies were" : "the baby was",
                       age_days);
}

std::string own_births_sentence(const std::vector<IntakeShare>& shares) {
    std::vector<std::string> counted;
    std::string out;
    // The command that gives every named baby a date: those set as they are, the others to fill in.
    std::vector<std::string> list;
    for (const IntakeShare& s : shares)
        if (!s.baby.empty())
            list.push_back(s.baby + " " +
                           (s.birth_assumed || s.birth_after_first_feed ? std::string("YYYY-MM-DD")
                                                                        : format_date(s.day)));
    std::string joined;
    for (const std::string& item : list) joined += (joined.empty() ? "" : ", ") + item;
    const std::string command = "pumplog config set birth " + shell_quote(joined);
    for (const IntakeShare& s : shares) {
        if (s.baby.empty()) {  // feeds naming no baby: no birth date can be theirs
            out += fmt::format(" The feeds without a name have no birth date: they are counted from the first of them "
                               "read, on {} (day {}).",
                               format_date(s.day), s.age_days);
        } else if (s.birth_after_first_feed) {
            out += fmt::format(" {}'s birth date set, {}, is after {}'s first feed of the days the plan reads, on {}: "
                               "{} was born by then, so the plan counts the age from that feed (day {}). Check the "
                               "date ({}).",
                               s.baby, format_date(*s.birth_after_first_feed), s.baby, format_date(s.day), s.baby,
                               s.age_days, command);
        } else if (s.birth_assumed) {
            out += fmt::format(" The birth date list names no date for {}, so the estimate takes {} to be at least {} "
                               "old, born by {}'s first feed read, on {}: add {}'s date ({}) for a better estimate.",
                               s.baby, s.baby, plural(s.age_days, "day", "days"), s.baby, format_date(s.day), s.baby,
                               command);
        } else {
            counted.push_back(fmt::format("{} at day {} (born {})", s.baby, s.age_days, format_date(s.day)));
        }
    }
    if (counted.empty()) return out;
    const bool own = std::any_of(shares.begin(), shares.end(), [](const IntakeShare& s) { return s.own_birth; });
    return fmt::format(" Counted from {}: {}.", own ? "each baby's own birth date" : "the birth date set",
                       and_list(counted)) +
           out;
}

}  // namespace pumplog
