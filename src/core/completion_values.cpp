#include "pumplog/completion_values.hpp"

#include <algorithm>
#include <map>

namespace pumplog {

std::vector<std::string> labels_in_stock(const std::vector<Entry>& entries) {
    struct Held {
        std::string label;
        double ml = 0;
        bool discarded = false;
    };
    std::vector<std::string> order;  // store ids, in time order
    std::map<std::string, Held, std::less<>> held;
    for (const Entry& e : entries) {
        if (e.type == EntryType::store && !e.label.empty()) {
            order.push_back(e.id);
            held[e.id] = Held{e.label, e.ml.value_or(0), false};
        }
    }
    for (const Entry& e : entries) {
        const auto it = held.find(e.target);
        if (it == held.end()) continue;
        if (e.type == EntryType::use) it->second.ml -= e.ml.value_or(0);
        else if (e.type == EntryType::discard) it->second.discarded = true;
    }
    std::vector<std::string> labels;
    for (const auto& id : order) {
        const Held& h = held[id];
        // Half a millilitre: what rounding may leave in a container used up.
        if (!h.discarded && h.ml > 0.5 && std::find(labels.begin(), labels.end(), h.label) == labels.end())
            labels.push_back(h.label);
    }
    return labels;
}

std::vector<std::string> recent_refs(const std::vector<Entry>& entries, const Refs& refs, Seconds since) {
    std::vector<std::string> out;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->is_event() && it->at.instant >= since) out.push_back(refs.ref(it->id));
    return out;
}

}  // namespace pumplog
