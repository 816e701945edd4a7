// Several babies (SPEC 12): the names a command may give with --baby, and
// the babies of the last days, from config and the journal's feeds.
#include <algorithm>

#include "context.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/status.hpp"

namespace pumplog::cli {

std::string Context::baby_named(std::string_view given) {
    KnownBabies known{settings().babies, {}};
    // Configured (the usual case): the journal is not read.
    for (const auto& b : known.configured)
        if (!trim_name(given).empty() && same_baby(b, given)) return b;
    if (!trim_name(given).empty())
        for (const auto& name : journal_babies())
            if (std::none_of(known.configured.begin(), known.configured.end(),
                             [&](const std::string& b) { return same_baby(b, name); }))
                known.journal.push_back(name);
    return resolve_known_baby(known, given);
}

const std::vector<std::string>& Context::journal_babies() {
    if (!journal_babies_) {
        ReadStats stats;
        journal_babies_ = babies_named_in(journal(), strict, std::nullopt, &stats);
        warn(stats);
    }
    return *journal_babies_;
}

bool Context::unnamed_feeds_are(std::string_view baby) {
    const std::vector<std::string>& configured = settings().babies;
    // Two babies configured: no journal to read.
    if (trim_name(baby).empty() || configured.size() >= 2) return false;
    return pumplog::unnamed_feeds_are(baby, configured, journal_babies());
}

std::vector<std::string> Context::recent_babies() {
    const std::vector<std::string>& configured = settings().babies;
    if (configured.size() >= 2) return configured;
    const date::sys_days today = local_day(clock().now, clock().zone);
    ReadStats stats;
    const auto named = babies_named_in(journal(), strict,
                                       start_of_local_day(today - date::days(usual_day_days + 1), clock().zone), &stats);
    warn(stats);
    return with_babies(configured, named);
}

}  // namespace pumplog::cli
