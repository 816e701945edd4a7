#pragma once
// Synthetic babies for the cadence and planner tests: journal entries built in
// the test from a list of slots, with seeded noise.
#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <vector>

#include "pumplog/entry.hpp"
#include "pumplog/time.hpp"

namespace testbaby {

using namespace pumplog;

inline date::sys_days day_of(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

inline int hm(int h, int m = 0) { return h * 60 + m; }

// An entry at a local wall-clock time (minute of `day`, may run past midnight).
inline Entry entry_at(EntryType type, const date::time_zone* zone, date::sys_days day, int minute) {
    static int counter = 0;
    Entry e;
    e.type = type;
    e.type_text = std::string(type_name(type));
    e.id = "t" + std::to_string(++counter);
    const Seconds at = to_instant(LocalSeconds(day.time_since_epoch()) + std::chrono::minutes(minute), zone);
    e.at = Stamp{at, offset_at(at, zone)};
    e.at_text = format_rfc3339(at, zone);
    return e;
}

inline Entry feed(const date::time_zone* zone, date::sys_days day, int minute, std::optional<double> ml) {
    Entry e = entry_at(EntryType::feed, zone, day, minute);
    e.method = ml ? "bottle" : "breast";
    if (ml) {
        e.ml = *ml;
        e.milk = "breast";
    } else {
        e.left_s = 600;
    }
    return e;
}

inline Entry pump(const date::time_zone* zone, date::sys_days day, int minute, double ml) {
    Entry e = entry_at(EntryType::pump, zone, day, minute);
    e.ml = ml;
    return e;
}

struct SlotSpec {
    int minute;
    double ml;
};

// Evenly spaced slots: n a day from `first`, each `ml`.
inline std::vector<SlotSpec> even_slots(int n, int first, double ml) {
    std::vector<SlotSpec> out;
    for (int i = 0; i < n; ++i) out.push_back({(first + i * 24 * 60 / n) % (24 * 60), ml + 5 * (i % 3)});
    return out;
}

struct Noise {
    int minutes = 0;    // uniform in [-minutes, +minutes]
    double amount = 0;  // uniform relative, e.g. 0.1 for +-10 %
    unsigned seed = 1;
};

// `days` days of bottle feeds ending the day before `last_plus_one`; `skip`
// may drop a feed (day index from 0, slot index) and `shift` moves a day's
// feeds (minutes, by day index).
inline std::vector<Entry> feeds_for(const date::time_zone* zone, date::sys_days first, int days,
                                    const std::vector<SlotSpec>& slots, Noise noise = {},
                                    const std::function<bool(int, std::size_t)>& skip = nullptr,
                                    const std::function<int(int)>& shift = nullptr) {
    std::mt19937 rng(noise.seed);
    std::uniform_int_distribution<int> jitter(-noise.minutes, noise.minutes);
    std::uniform_real_distribution<double> scale(1 - noise.amount, 1 + noise.amount);
    std::vector<Entry> out;
    for (int d = 0; d < days; ++d)
        for (std::size_t s = 0; s < slots.size(); ++s) {
            const int j = jitter(rng);
            const double k = scale(rng);
            if (skip && skip(d, s)) continue;
            const int minute = slots[s].minute + j + (shift ? shift(d) : 0);
            out.push_back(feed(zone, first + date::days(d), minute, std::round(slots[s].ml * k)));
        }
    return out;
}

// Minutes between two times of day, on the circle.
inline int circular_distance(int a, int b) {
    const int d = std::abs(a - b) % (24 * 60);
    return std::min(d, 24 * 60 - d);
}

}  // namespace testbaby
