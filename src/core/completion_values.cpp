#include "pumplog/completion_values.hpp"

#include "pumplog/guideline.hpp"
#include "pumplog/pump_timer.hpp"
#include "pumplog/stock.hpp"

namespace pumplog {

std::vector<std::string> labels_in_stock(const Stock& stock) {
    std::vector<std::string> labels;
    for (const Container& c : stock.containers)
        if (c.state == ContainerState::in_stock) labels.push_back(c.label);
    return labels;
}

std::vector<std::string> labels_in_stock(const std::vector<Entry>& entries) {
    // The stash as `stock` replays it (CDC limits; expiry does not matter here).
    return labels_in_stock(build_stock(entries, std::vector<bool>(entries.size(), false), cdc_guideline()));
}

std::vector<RecentRef> recent_entries(const std::vector<Entry>& entries, const Refs& refs, Seconds since) {
    std::vector<RecentRef> out;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->is_event() && it->at.instant >= since) out.push_back({refs.ref(it->id), &*it});
    return out;
}

std::vector<RecentRef> running_timer_starts(const std::vector<Entry>& entries, const Refs& refs, Seconds now) {
    std::vector<RecentRef> out;
    const std::vector<PumpTimer> timers = running_timers(entries, now);  // oldest first
    for (auto t = timers.rbegin(); t != timers.rend(); ++t) {
        if (t->started < now - timer_lookback) continue;  // not a timer any more: pump commands look no further
        for (const Entry& e : entries)
            if (e.id == t->id) {
                out.push_back({refs.ref(e.id), &e});
                break;
            }
    }
    return out;
}

std::vector<std::string> recent_refs(const std::vector<Entry>& entries, const Refs& refs, Seconds since) {
    std::vector<std::string> out;
    for (const RecentRef& r : recent_entries(entries, refs, since)) out.push_back(r.ref);
    return out;
}

}  // namespace pumplog
