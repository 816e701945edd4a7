// Building supply, 3: the milestones of the daily pumped volume for the days
// since birth. The sources are listed in supply.hpp; every number here names one.
#include "pumplog/supply.hpp"

namespace pumplog {

const std::vector<SupplyMilestone>& supply_milestones() {
    static const std::vector<SupplyMilestone> table{
        // Ru et al. 2020: mean output met 350 g/d on day 6 (1 g of milk is about 1 ml).
        {6, Volume::from_ml(350), "Ru et al. 2020"},
        // Ru et al. 2020: 500 g/d on day 8.
        {8, Volume::from_ml(500), "Ru et al. 2020"},
        // Ru et al. 2020: close to 750 g/d on day 14; all later means were over 750.
        // Ameda: 750 ml is also the lower end of full production.
        {14, Volume::from_ml(750), "Ru et al. 2020"},
    };
    return table;
}

std::optional<Volume> supply_milestone(int day) {
    const auto& table = supply_milestones();
    if (day < table.front().day) return std::nullopt;  // before day 6: sessions are judged, not volume
    if (day >= table.back().day) return table.back().volume;
    for (std::size_t i = 0; i + 1 < table.size(); ++i) {
        const SupplyMilestone& a = table[i];
        const SupplyMilestone& b = table[i + 1];
        if (day >= a.day && day < b.day) {
            // Between milestones: a straight line from one to the next.
            const double share = static_cast<double>(day - a.day) / (b.day - a.day);
            return Volume::from_ml(a.volume.ml() + share * (b.volume.ml() - a.volume.ml()));
        }
    }
    return table.back().volume;
}

std::optional<Volume> supply_daily_goal(std::optional<int> day) {
    if (!day) return supply_full_low;  // no birth date: full production (Ameda)
    return supply_milestone(*day);
}

std::vector<std::optional<Volume>> supply_milestones_between(date::sys_days first, date::sys_days last,
                                                             const date::year_month_day& birth) {
    std::vector<std::optional<Volume>> out;
    for (date::sys_days day = first; day <= last; day += date::days(1))
        out.push_back(supply_milestone(static_cast<int>((day - date::sys_days(birth)).count())));
    return out;
}

}  // namespace pumplog
