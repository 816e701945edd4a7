// Intake norms by age; the sources are listed in intake.hpp.
#include "pumplog/intake.hpp"

#include <cmath>

#include <fmt/format.h>

#include "pumplog/time.hpp"

namespace pumplog {

namespace {
// Linear from (a_day, a_ml) to (b_day, b_ml), rounded to whole ml.
double between(int day, int a_day, double a_ml, int b_day, double b_ml) {
    return std::round(a_ml + (b_ml - a_ml) * (day - a_day) / (b_day - a_day));
}
}  // namespace

IntakeNorm intake_norm(int age_days) {
    constexpr double first_days = 600;  // IOM 1991: 500-700 g a day at 6-10 days
    constexpr double months_1_6 = 788;  // Kent et al. 2006: 1-6 months
    constexpr double month_9 = 637;     // IOM 1991 (Dewey et al.): 9 months
    constexpr double month_12 = 445;    // IOM 1991 (Dewey et al.): 12 months
    if (age_days <= 10) return {Volume::from_ml(first_days), "IOM 1991"};
    if (age_days < 30)
        return {Volume::from_ml(between(age_days, 10, first_days, 30, months_1_6)), "IOM 1991; Kent et al. 2006"};
    if (age_days <= 182) return {Volume::from_ml(months_1_6), "Kent et al. 2006"};
    if (age_days <= 274)
        return {Volume::from_ml(between(age_days, 182, months_1_6, 274, month_9)), "Kent et al. 2006; IOM 1991"};
    if (age_days <= 365) return {Volume::from_ml(between(age_days, 274, month_9, 365, month_12)), "IOM 1991"};
    return {Volume::from_ml(month_12), "IOM 1991"};
}

std::string age_from_journal_sentence(date::sys_days first) {
    return fmt::format(" The birth date is not set, so the age counts from the journal's first entry, on {}: set it "
                       "(pumplog config set birth YYYY-MM-DD) if the baby is older.",
                       format_date(first));
}

}  // namespace pumplog
