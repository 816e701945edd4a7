#include "pumplog/feed_rules.hpp"

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

FeedRecord feed_record(const FeedRequest& o, const Clock& clock, Unit bare) {
    FeedRecord feed;
    if (!o.at.empty()) {
        feed.at = parse_time_point(o.at, clock);
        check_not_future(feed.at, clock.now, o.force, clock.zone);
    }
    feed.note = o.note;
    feed.baby = o.baby;
    if (o.bottle && o.breast) throw usage_error("a feed is either --bottle or --breast, not both");
    // --bottle said outright is a bottle feed, whatever else is given: nursing times refuse it.
    if (o.bottle && (!o.left.empty() || !o.right.empty())) throw usage_error("--left/--right go with --breast");
    if (o.bottle && !o.duration.empty()) throw usage_error("--dur goes with --breast (a bottle has an amount)");
    const bool breast = o.breast || (o.amount.empty() && (!o.left.empty() || !o.right.empty()));
    if (breast) {
        if (!o.amount.empty()) throw usage_error("a breast feed has durations, not an amount; try --left 12m --right 8m");
        if (!o.milk.empty()) throw usage_error("--milk goes with a bottle feed");
        feed.method = FeedMethod::breast;
        if (!o.left.empty()) feed.left = parse_session_duration(o.left);
        if (!o.right.empty()) feed.right = parse_session_duration(o.right);
        // --dur is the time when the sides were not timed (pumplog(5)): not both.
        if (!o.duration.empty() && (feed.left || feed.right))
            throw usage_error("give --left/--right (each side timed) or --dur (the sides not timed), not both");
        if (!o.duration.empty()) feed.duration = parse_session_duration(o.duration);
        for (const auto& d : {feed.left, feed.right, feed.duration})
            if (d) check_plausible_duration(*d, o.force);
        check_plausible_nursing(feed.left, feed.right, o.force);
    } else {
        if (o.amount.empty()) throw usage_error("no amount given; try pumplog log feed 120ml (or --breast --left 10m)");
        if (!o.left.empty() || !o.right.empty()) throw usage_error("--left/--right go with --breast");
        if (!o.duration.empty()) throw usage_error("--dur goes with --breast (a bottle has an amount)");
        feed.method = FeedMethod::bottle;
        std::string amount;
        for (const auto& word : o.amount) amount += (amount.empty() ? "" : " ") + word;
        // `log feed 4oz formula`: the kind of milk typed as a word of the amount; the word is named,
        // and the command with it as --milk ("4oz formula": pumplog log feed 4oz --milk formula).
        for (const std::string_view milk : {"formula", "breast"}) {
            std::string rest;
            bool typed = false;
            std::size_t start = 0;
            while (start < amount.size()) {  // word by word ("4oz formula" may be one argument)
                std::size_t end = amount.find_first_of(" \t", start);
                if (end == std::string::npos) end = amount.size();
                const std::string_view word = std::string_view(amount).substr(start, end - start);
                if (lower(word) == milk) typed = true;
                else if (!word.empty()) rest += (rest.empty() ? "" : " ") + std::string(word);
                start = end + 1;
            }
            if (typed)
                throw usage_error(fmt::format("\"{}\" is not part of an amount; did you mean --milk {}? "
                                              "(try pumplog log feed {} --milk {})",
                                              milk, milk,
                                              rest.empty() ? std::string("120ml") : terminal_text(shell_quote(rest)),
                                              milk));
        }
        feed.amount = parse_amount(amount, bare);
        check_plausible_session(*feed.amount, o.force, written_unit({amount}, bare));
        feed.milk = o.milk.empty() ? Milk::breast : parse_milk(o.milk);
        if (o.from_stock && feed.milk != Milk::breast) throw usage_error("--from-stock takes breast milk, not formula");
    }
    if (o.from_stock && breast) throw usage_error("--from-stock goes with a bottle feed: log feed 120ml --from-stock");
    // A feed's `at` is its start, as imports record it and a pump's is (pumplog(5)): nursing typed without --at
    // has just ended, so it began its whole length before now; from --at it may not end ahead of now.
    using std::chrono::seconds;
    const seconds length = feed.duration.value_or(feed.left.value_or(seconds{0}) + feed.right.value_or(seconds{0}));
    if (o.at.empty()) feed.at = clock.now - length;
    else if (length > seconds{0})
        check_not_ending_ahead(feed.at, length, length_as_given(feed.left, feed.right, feed.duration), "feed", clock,
                               o.force);
    return feed;
}

std::optional<Volume> offered_amount(const FeedRequest& o, const FeedRecord& feed, Unit bare) {
    if (o.thaw && !o.from_stock) throw usage_error("--thaw goes with --from-stock: log feed 90ml --from-stock --thaw");
    if (o.offered.empty()) return std::nullopt;
    if (!o.from_stock)
        throw usage_error("--offered goes with --from-stock (the leftover is kept in the stash): "
                          "log feed 90ml --from-stock --offered 120ml");
    const Volume offered = parse_amount(o.offered, bare);
    if (offered.ml() + 0.005 < feed.amount->ml())
        throw usage_error(fmt::format("--offered {} is less than the {} drunk; give what the bottle held, at least {}",
                                      format_volume(offered, bare), format_volume(*feed.amount, bare),
                                      format_volume(*feed.amount, bare)));
    check_plausible_session(offered, o.force, written_unit({o.offered}, bare));
    return offered;
}

}  // namespace pumplog
