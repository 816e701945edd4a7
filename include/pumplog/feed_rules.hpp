#pragma once
// `log feed`'s rules (SPEC 1): a bottle feed has an amount and a kind of
// milk, nursing has durations; the options that go with one refuse the other.
#include <optional>
#include <string>
#include <vector>

#include "pumplog/record.hpp"

namespace pumplog {

// `log feed`'s options as typed: empty when not given.
struct FeedRequest {
    std::vector<std::string> amount;  // the words of the amount
    std::string milk, left, right, duration, at, note;
    std::string baby;  // resolved against config babies by the caller (resolve_baby)
    std::string offered;  // --offered: what the bottle held (--from-stock)
    bool bottle = false, breast = false, force = false, from_stock = false;
    bool thaw = false;  // --thaw: a frozen container partly taken is thawed whole
};

// --offered, checked against the feed: nullopt when not given; usage error
// without --from-stock, or when less than the baby drank.
std::optional<Volume> offered_amount(const FeedRequest& request, const FeedRecord& feed, Unit bare);

// The feed the options describe, at --at (default now); usage error for
// options that contradict each other, an implausible value (unless forced)
// or a time in the future. Bare numbers are in `bare`.
FeedRecord feed_record(const FeedRequest& request, const Clock& clock, Unit bare);

}  // namespace pumplog
