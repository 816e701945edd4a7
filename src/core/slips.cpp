#include "pumplog/slips.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/error.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/time.hpp"

namespace pumplog {

namespace {

// The kind a slip is judged against: bottle feeds apart from nursing.
bool same_kind(const Entry& e, EntryType type) {
    if (e.type != type || !e.ml) return false;
    return type != EntryType::feed || e.method == FeedMethod::bottle;
}

std::string_view kind_name(EntryType type) {
    switch (type) {
        case EntryType::feed: return "bottle feed";
        case EntryType::store: return "stored container";
        default: return "pump";
    }
}

}  // namespace

Seconds slips_since(const SlipCheck& check, Seconds now) {
    return std::min(now - slip_lookback, check.at - duplicate_within);
}

Seconds recent_slips_since(const SlipCheck& check, Seconds now) {
    return std::min(now - slip_recent, check.at - duplicate_within);
}

namespace {

struct Largest {
    double ml = 0;
    int seen = 0;
};

Largest largest_of_kind(const std::vector<Entry>& entries, const SlipCheck& check, Seconds now) {
    Largest l;
    for (const auto& e : entries) {
        if (!same_kind(e, check.type)) continue;
        if (e.at.instant >= now - slip_lookback && e.at.instant <= now && plausible_volume(*e.ml)) {
            l.ml = std::max(l.ml, *e.ml);
            ++l.seen;
        }
    }
    return l;
}

}  // namespace

bool slips_settled(const std::vector<Entry>& entries, const SlipCheck& check, Seconds now) {
    const Largest l = largest_of_kind(entries, check, now);
    return l.seen >= slip_min_seen && check.amount.ml() <= slip_factor * l.ml;
}

void check_slips(const std::vector<Entry>& entries, const SlipCheck& check, const Clock& clock,
                 std::chrono::system_clock::time_point written_now, bool force, Unit unit) {
    if (force) return;
    const Seconds now = clock.now;
    for (const auto& e : entries) {
        if (!same_kind(e, check.type)) continue;
        const Seconds at = e.at.instant;
        const auto written = ulid_time(e.id);
        const auto apart = at > check.at ? at - check.at : check.at - at;
        if (written && *written <= written_now + std::chrono::minutes(1) &&
            written_now - *written <= duplicate_written && apart <= duplicate_within &&
            std::abs(*e.ml - check.amount.ml()) < 0.5 &&
            !(check.pumped && e.pumped && e.pumped->instant != *check.pumped) &&
            !(check.type == EntryType::feed && !same_baby(e.baby, check.baby)) &&
            !(check.place && e.place.value() != check.place) &&
            !(check.type == EntryType::store && !check.label.empty() && label_key(e.label) != label_key(check.label)))
            throw usage_error(fmt::format("the same {} of {} was recorded a moment ago (at {}): typed twice? "
                                          "use --force to record it again{}",
                                          kind_name(check.type), format_volume(check.amount, unit),
                                          format_clock_or_date_time(at, clock),
                                          check.type == EntryType::store && check.label.empty()
                                              ? ", or give it a --label of its own"
                                              : ""));
    }
    const auto [largest, seen] = largest_of_kind(entries, check, now);
    if (seen >= slip_min_seen && check.amount.ml() > slip_factor * largest)
        throw usage_error(fmt::format("{} is over {} times your largest {} of the last 30 days ({}); "
                                      "check the amount, or use --force",
                                      format_volume(check.amount, unit), slip_factor, kind_name(check.type),
                                      format_volume(Volume::from_ml(largest), unit)));
}

}  // namespace pumplog
