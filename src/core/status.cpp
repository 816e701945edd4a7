#include "pumplog/status.hpp"

#include <algorithm>
#include <map>

#include "logged_pumps.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/report.hpp"

namespace pumplog {

namespace {

// The babies to show: the configured names, then names only the feeds carry;
// none unless there are two or more.
std::vector<DayStatus::Baby> babies_of(const std::vector<Entry>& entries, const std::vector<std::string>& configured) {
    std::vector<DayStatus::Baby> babies;
    const auto add = [&](const std::string& name) {
        for (const auto& b : babies)
            if (same_baby(b.name, name)) return;
        babies.push_back(DayStatus::Baby{name, {}, 0, 0, {}, 0});
    };
    for (const auto& name : configured) add(name);
    for (const auto& name : babies_in(entries)) add(name);
    if (babies.size() < 2) babies.clear();
    return babies;
}

void count_baby_feed(std::vector<DayStatus::Baby>& babies, const Entry& e, bool today) {
    if (baby_of(e).empty()) return;
    for (auto& b : babies) {
        if (!same_baby(b.name, e.baby)) continue;
        b.last_feed = e;
        if (!today) return;
        if (e.method == FeedMethod::breast) {
            ++b.breast_feeds;
        } else {
            b.drunk += counted_volume(e.ml);
            ++b.bottle_feeds;
            if (!counted_ml(e.ml)) ++b.unmeasured_bottles;
        }
        return;
    }
}

}  // namespace

DayStatus day_status(const std::vector<Entry>& entries, const Clock& clock, const std::vector<std::string>& babies) {
    DayStatus s;
    s.babies = babies_of(entries, babies);
    s.day = local_day(clock.now, clock.zone);
    // "By now" is now's wall-clock time of day, not the time elapsed since midnight: on a 23- or 25-hour
    // day (or against one) elapsed time is an hour off the clock and gains or drops a feed.
    const LocalSeconds now_local = to_local(clock.now, clock.zone);
    const auto now_time_of_day = now_local - date::floor<date::days>(now_local);
    struct Past {
        Volume day, by_now;
        bool unmeasured = false;  // a bottle without an amount: the day's volume is unknown
    };
    std::map<date::sys_days, Past> past;  // the last 7 days with bottle feeds
    std::vector<Seconds> skips;            // the times of today's skips
    for (const Entry& e : entries) {
        // An entry's day is the local date written in its `at`, as report counts it (pumplog(5)): a pump
        // written at 20:00-05:00 while travelling is that evening's, whatever the zone is now. Elapsed times
        // (the last pump, ahead of now) stay instants.
        const date::sys_days day = written_day(e.at);
        // A skip is written at the skipped pump's time, which may still be ahead today (`plan skip`
        // before the pump): it counts at once, as pumplog-plan(1) says.
        if (e.at.instant > clock.now && !(e.type == EntryType::skip && day == s.day)) continue;
        if (e.type == EntryType::pump) s.last_pump = e;
        if (e.type == EntryType::feed) {
            s.last_feed = e;
            count_baby_feed(s.babies, e, day == s.day);
            if (!s.babies.empty() && day == s.day && baby_of(e).empty()) ++s.unnamed_feeds;
        }
        if (day == s.day) {
            if (e.type == EntryType::pump) {
                // The volume is `ml` (never the sum of the sides: pump_volume); without it, unknown, not 0 ml.
                // Its sides only with its total: a session of unknown volume would make L + R exceed it.
                if (const auto volume = pump_volume(e)) {
                    s.pumped += *volume;
                    // A side out of range counts as none (pumplog(5)): it neither shows as 0 nor makes a sided session.
                    const auto left = counted_ml(e.left_ml), right = counted_ml(e.right_ml);
                    if (left) s.left = s.left.value_or(Volume{}) + Volume::from_ml(*left);
                    if (right) s.right = s.right.value_or(Volume{}) + Volume::from_ml(*right);
                    if (left || right) ++s.sided_sessions;
                } else {
                    ++s.unmeasured_sessions;
                }
                ++s.sessions;
            } else if (e.type == EntryType::feed && e.method == FeedMethod::breast) {
                ++s.breast_feeds;
            } else if (e.type == EntryType::feed) {
                s.drunk += counted_volume(e.ml);
                ++s.bottle_feeds;
                if (!counted_ml(e.ml)) ++s.unmeasured_bottles;
            } else if (e.type == EntryType::skip) {
                // A pump skipped twice (two devices, merged) counts once.
                if (std::find(skips.begin(), skips.end(), e.at.instant) == skips.end()) ++s.skipped;
                skips.push_back(e.at.instant);
            }
        } else if (e.type == EntryType::feed && e.method == FeedMethod::bottle && day < s.day &&
                   day >= s.day - date::days(usual_day_days)) {
            Past& p = past[day];
            p.unmeasured = p.unmeasured || !counted_ml(e.ml);
            const Volume ml = counted_volume(e.ml);
            p.day += ml;
            // Its time of day as written, against now's clock time here.
            if (e.at.local() - date::floor<date::days>(e.at.local()) <= now_time_of_day) p.by_now += ml;
        }
    }
    // A day with a bottle without an amount drank an unknown volume (not that bottle as 0 ml): left out.
    std::erase_if(past, [](const auto& day) { return day.second.unmeasured; });
    if (!past.empty()) {
        Volume day, by_now;
        for (const auto& [d, p] : past) {
            day += p.day;
            by_now += p.by_now;
        }
        const double n = static_cast<double>(past.size());
        s.usual_day = Volume::from_ml(day.ml() / n);
        s.usual_by_now = Volume::from_ml(by_now.ml() / n);
        s.usual_days = static_cast<int>(past.size());
    }
    s.timer = running_timer(entries, clock.now);
    return s;
}

}  // namespace pumplog
