#include "pumplog/record.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

void check_not_future(Seconds at, Seconds now, bool force, const date::time_zone* zone) {
    if (force || at <= now + ahead_allowance) return;
    throw usage_error(fmt::format("{} is in the future; an entry is recorded once it has happened (or use --force)",
                                  zone ? format_rfc3339(at, zone) : format_rfc3339(at, std::chrono::seconds(0))));
}

void check_not_ending_ahead(Seconds start, std::chrono::seconds length, std::string_view lasting,
                            std::string_view entry, const Clock& clock, bool force) {
    if (force || start + length <= clock.now + ahead_allowance) return;
    using std::chrono::duration_cast, std::chrono::minutes;
    throw usage_error(fmt::format("{} is longer than the time since the {}'s start ({}, since {}): check it, or "
                                  "--force to record it",
                                  lasting, entry, format_duration(duration_cast<minutes>(clock.now - start)),
                                  format_clock_or_date_time(start, clock)));
}

std::string length_as_given(std::optional<std::chrono::seconds> left, std::optional<std::chrono::seconds> right,
                            std::optional<std::chrono::seconds> duration) {
    using std::chrono::duration_cast, std::chrono::minutes;
    const auto shown = [](std::chrono::seconds d) { return format_duration(duration_cast<minutes>(d)); };
    if (left && right)
        return fmt::format("{} of nursing (L {} + R {})", shown(*left + *right), shown(*left), shown(*right));
    if (left) return "--left " + shown(*left);
    if (right) return "--right " + shown(*right);
    return duration ? "--dur " + shown(*duration) : std::string();
}

void check_plausible_duration(std::chrono::seconds duration, bool force) {
    // Not even with --force: a duration every computation would count as none.
    if (!plausible_seconds(duration.count()))
        throw usage_error(fmt::format("a duration of {} is not one pumplog can record (0 to 24 h, even with --force)",
                                      // to the second, not rounded into the range (86401 s is not "24 h")
                                      duration.count() % 60 == 0 ? format_duration(duration)
                                                                 : fmt::format("{} s", duration.count())));
    if (force || (duration.count() > 0 && duration <= std::chrono::hours(3))) return;
    throw usage_error(fmt::format("a duration of {} is implausible; give more than 0 and at most 3 h (or --force)",
                                  format_duration(duration)));
}

void check_plausible_nursing(std::optional<std::chrono::seconds> left, std::optional<std::chrono::seconds> right,
                             bool force) {
    if (force || !left || !right || *left + *right <= std::chrono::hours(3)) return;
    throw usage_error(fmt::format("nursing {} in one feed (L {} + R {}) is implausible; give at most 3 h in all "
                                  "(or --force)",
                                  format_duration(*left + *right), format_duration(*left), format_duration(*right)));
}

namespace {
Entry event(EntryType type, std::string_view id, Seconds at) {
    Entry e;
    e.type = type;
    e.id = id;
    e.at.instant = at;
    return e;
}
}  // namespace

SideAmounts as_written(const SideAmounts& amount) {
    const auto written = [](Volume v) { return Volume::from_ml(round_ml(v.ml())); };
    SideAmounts out{written(amount.total), std::nullopt, std::nullopt};
    if (amount.left) out.left = written(*amount.left);
    if (amount.right) out.right = written(*amount.right);
    return out;
}

Line pump_line(const PumpRecord& pump, std::string_view id, const date::time_zone* zone) {
    Entry e = event(EntryType::pump, id, pump.at);
    const SideAmounts amount = as_written(pump.amount);
    e.ml = amount.total.ml();
    if (amount.left) e.left_ml = amount.left->ml();
    if (amount.right) e.right_ml = amount.right->ml();
    if (pump.duration) e.dur_s = pump.duration->count();
    e.note = pump.note;
    e.timer = pump.timer;
    return entry_line(e, zone);
}

Milk parse_milk(std::string_view text) {
    const std::string m = lower(trim(text));
    if (m == "breastmilk" || m == "breast milk" || m == "expressed") return Milk::breast;
    if (const auto milk = value_named<Milk>(m)) return *milk;
    throw usage_error(fmt::format("\"{}\" is not a kind of milk; use breast or formula", printable(text)));
}

Line feed_line(const FeedRecord& feed, std::string_view id, const date::time_zone* zone) {
    Entry e = event(EntryType::feed, id, feed.at);
    if (feed.method == FeedMethod::bottle) {
        e.method.set(FeedMethod::bottle);
        if (feed.amount) e.ml = round_ml(feed.amount->ml());
        e.milk.set(feed.milk);
    } else {
        e.method.set(FeedMethod::breast);
        if (feed.left) e.left_s = feed.left->count();
        if (feed.right) e.right_s = feed.right->count();
        if (feed.duration) e.dur_s = feed.duration->count();
    }
    e.note = feed.note;
    e.baby = feed.baby;
    return entry_line(e, zone);
}

Line void_line(std::string_view target, Seconds now, std::string_view id, const date::time_zone* zone) {
    Entry e = event(EntryType::void_, id, now);
    e.target = target;
    return entry_line(e, zone);
}

Line amend_line(std::string_view target, const nlohmann::ordered_json& set, Seconds now, std::string_view id,
                const date::time_zone* zone) {
    Entry e = event(EntryType::amend, id, now);
    e.target = target;
    Line line = entry_line(e, zone);
    line["set"] = set;
    return line;
}

DayTotal pumped_on(const std::vector<Entry>& entries, std::string_view date) {
    DayTotal total;
    for (const auto& e : entries) {
        if (e.type != EntryType::pump || e.at_text.substr(0, 10) != date) continue;
        if (counted_ml(e.ml)) total.pumped += counted_volume(e.ml);
        else ++total.unmeasured;
        ++total.sessions;
    }
    return total;
}

std::vector<std::string> all_ids(const Journal& journal) {
    std::vector<std::string> ids;
    journal.read_backward([&](const Entry& e) {
        ids.push_back(e.id);
        return true;
    });
    return ids;
}

}  // namespace pumplog
