// `log feed`'s rules (feed_rules.hpp): what a bottle feed and nursing take,
// and the exact refusal of options that do not go together.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "pumplog/feed_rules.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::instant;
using testing::refusal;

namespace {
const Clock clock_ = testing::clock_at("2026-11-21T13:00:00Z");

FeedRequest bottle(const std::string& amount) {
    FeedRequest r;
    r.amount = {amount};
    return r;
}
}  // namespace

TEST_CASE("a feed with an amount is a bottle of breast milk unless told formula", "[feed_rules]") {
    FeedRequest r = bottle("4oz");
    r.at = "13:30";
    r.note = "sleepy";
    FeedRecord f = feed_record(r, clock_, Unit::ml);
    CHECK(f.method == FeedMethod::bottle);
    CHECK(f.amount->ml() == Approx(118.294));
    CHECK(f.milk == Milk::breast);
    CHECK(f.at == instant("2026-11-21T12:30:00Z"));
    CHECK(f.note == "sleepy");
    CHECK_FALSE(f.left);
    r.milk = "Formula";
    CHECK(feed_record(r, clock_, Unit::ml).milk == Milk::formula);
    // Bare numbers in the unit given; the words of the amount joined.
    FeedRequest words;
    words.amount = {"3", "fl", "oz"};
    CHECK(feed_record(words, clock_, Unit::ml).amount->ml() == Approx(88.72));
    CHECK(feed_record(bottle("3"), clock_, Unit::oz).amount->ml() == Approx(88.72));
    CHECK(feed_record(bottle("3"), clock_, Unit::ml).amount->ml() == 3);
}

TEST_CASE("a feed with sides and no amount is nursing", "[feed_rules]") {
    FeedRequest r;
    r.left = "12m";
    r.right = "8m";
    FeedRecord f = feed_record(r, clock_, Unit::ml);
    CHECK(f.method == FeedMethod::breast);
    CHECK(f.left == std::chrono::minutes(12));
    CHECK(f.right == std::chrono::minutes(8));
    CHECK_FALSE(f.amount);
    CHECK(f.at == clock_.now - std::chrono::minutes(20));  // its start: it just ended
    FeedRequest total;
    total.breast = true;
    total.duration = "20m";
    CHECK(feed_record(total, clock_, Unit::ml).duration == std::chrono::minutes(20));
}

TEST_CASE("a nursing feed's at is its start: without --at it began its whole length before now", "[feed_rules]") {
    FeedRequest sides;
    sides.left = "12m";
    sides.right = "8m";
    CHECK(feed_record(sides, clock_, Unit::ml).at == instant("2026-11-21T12:40:00Z"));
    FeedRequest total;
    total.breast = true;
    total.duration = "25m";
    CHECK(feed_record(total, clock_, Unit::ml).at == instant("2026-11-21T12:35:00Z"));
    CHECK(feed_record(bottle("90ml"), clock_, Unit::ml).at == clock_.now);  // a bottle without a length: now
}

TEST_CASE("a nursing feed from --at that would end in the future is refused unless forced", "[feed_rules]") {
    FeedRequest r;
    r.left = "12m";
    r.right = "8m";
    r.at = "2026-11-21T12:50:00Z";
    CHECK(refusal([&] { feed_record(r, clock_, Unit::ml); }) ==
          "20 min of nursing (L 12 min + R 8 min) is longer than the time since the feed's start (10 min, since "
          "13:50): check it, or --force to record it");
    r.at = "2026-11-21T12:41:00Z";  // a minute ahead is not the future
    CHECK(feed_record(r, clock_, Unit::ml).at == instant("2026-11-21T12:41:00Z"));
    r.at = "2026-11-21T12:50:00Z";
    r.force = true;
    CHECK(feed_record(r, clock_, Unit::ml).at == instant("2026-11-21T12:50:00Z"));
}

TEST_CASE("feed options that do not go together are refused, each with its message", "[feed_rules]") {
    const auto refused = [](FeedRequest r) { return refusal([&] { feed_record(r, clock_, Unit::ml); }); };
    FeedRequest both = bottle("90ml");
    both.bottle = both.breast = true;
    CHECK(refused(both) == "a feed is either --bottle or --breast, not both");
    FeedRequest breast_amount = bottle("90ml");
    breast_amount.breast = true;
    CHECK(refused(breast_amount) == "a breast feed has durations, not an amount; try --left 12m --right 8m");
    FeedRequest breast_milk;
    breast_milk.breast = true;
    breast_milk.milk = "formula";
    CHECK(refused(breast_milk) == "--milk goes with a bottle feed");
    CHECK(refused(FeedRequest{}) == "no amount given; try pumplog log feed 120ml (or --breast --left 10m)");
    FeedRequest bottle_sides = bottle("90ml");
    bottle_sides.left = "10m";
    CHECK(refused(bottle_sides) == "--left/--right go with --breast");
    FeedRequest bottle_dur = bottle("90ml");
    bottle_dur.duration = "10m";
    CHECK(refused(bottle_dur) == "--dur goes with --breast (a bottle has an amount)");
    FeedRequest stock_formula = bottle("90ml");
    stock_formula.milk = "formula";
    stock_formula.from_stock = true;
    CHECK(refused(stock_formula) == "--from-stock takes breast milk, not formula");
    FeedRequest stock_breast;
    stock_breast.breast = true;
    stock_breast.from_stock = true;
    CHECK(refused(stock_breast) == "--from-stock goes with a bottle feed: log feed 120ml --from-stock");
    FeedRequest cow = bottle("90ml");
    cow.milk = "cow";
    CHECK(refused(cow) == "\"cow\" is not a kind of milk; use breast or formula");
}

TEST_CASE("a feed's implausible values and future time are refused unless forced", "[feed_rules]") {
    const auto refused = [](FeedRequest r) { return refusal([&] { feed_record(r, clock_, Unit::ml); }); };
    FeedRequest future = bottle("90ml");
    future.at = "2026-11-21 15:00";
    CHECK(refused(future) ==
          "2026-11-21T15:00:00+01:00 is in the future; an entry is recorded once it has happened (or use --force)");
    FeedRequest long_nursing;
    long_nursing.left = "4h";
    CHECK(refused(long_nursing) == "a duration of 4 h is implausible; give more than 0 and at most 3 h (or --force)");
    long_nursing.force = true;
    CHECK(feed_record(long_nursing, clock_, Unit::ml).left == std::chrono::hours(4));
    // Not even forced: over a day, no computation would count it.
    long_nursing.left = "25h";
    CHECK(refused(long_nursing) == "a duration of 25 h is not one pumplog can record (0 to 24 h, even with --force)");
    future.force = true;
    CHECK(feed_record(future, clock_, Unit::ml).at == instant("2026-11-21T14:00:00Z"));
    FeedRequest huge = bottle("5000ml");
    CHECK_THAT(refused(huge), Catch::Matchers::Contains("implausible"));
    huge.force = true;
    CHECK(feed_record(huge, clock_, Unit::ml).amount->ml() == 5000);
    huge = bottle("10001ml");
    huge.force = true;
    CHECK(refused(huge) == "10001 ml is not a volume pumplog can record (0 to 10000 ml, even with --force)");
}
}  // namespace PUMPLOG_UNITY_ID
