#include "pumplog/record.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "text.hpp"

namespace pumplog {

void check_not_future(Seconds at, Seconds now, bool force, const date::time_zone* zone) {
    if (force || at <= now + std::chrono::minutes(1)) return;
    throw usage_error(fmt::format("{} is in the future; a session is logged when it has happened (or use --force)",
                                  zone ? format_rfc3339(at, zone) : format_rfc3339(at, std::chrono::seconds(0))));
}

void check_plausible_duration(std::chrono::seconds duration, bool force) {
    if (force || (duration.count() > 0 && duration <= std::chrono::hours(3))) return;
    throw usage_error(fmt::format("a duration of {} is implausible; give more than 0 and at most 3 h (or --force)",
                                  format_duration(duration)));
}

Line pump_line(const PumpRecord& pump, std::string_view id, const date::time_zone* zone) {
    Line line = new_line(EntryType::pump, id, pump.at, zone);
    line["ml"] = json_number(round_ml(pump.amount.total.ml()));
    if (pump.amount.left) line["left_ml"] = json_number(round_ml(pump.amount.left->ml()));
    if (pump.amount.right) line["right_ml"] = json_number(round_ml(pump.amount.right->ml()));
    if (pump.duration) line["dur_s"] = pump.duration->count();
    if (!pump.note.empty()) line["note"] = valid_utf8(pump.note);
    return line;
}

std::string parse_milk(std::string_view text) {
    const std::string m = lower(trim(text));
    if (m == "breast" || m == "breastmilk" || m == "breast milk" || m == "expressed") return "breast";
    if (m == "formula") return "formula";
    throw usage_error(fmt::format("\"{}\" is not a kind of milk; use breast or formula", printable(text)));
}

Line feed_line(const FeedRecord& feed, std::string_view id, const date::time_zone* zone) {
    Line line = new_line(EntryType::feed, id, feed.at, zone);
    if (feed.method == FeedMethod::bottle) {
        line["method"] = "bottle";
        if (feed.amount) line["ml"] = json_number(round_ml(feed.amount->ml()));
        line["milk"] = feed.milk.empty() ? "breast" : feed.milk;
    } else {
        line["method"] = "breast";
        if (feed.left) line["left_s"] = feed.left->count();
        if (feed.right) line["right_s"] = feed.right->count();
        if (feed.duration) line["dur_s"] = feed.duration->count();
    }
    if (!feed.note.empty()) line["note"] = valid_utf8(feed.note);
    return line;
}

Line void_line(std::string_view target, Seconds now, std::string_view id, const date::time_zone* zone) {
    Line line = new_line(EntryType::void_, id, now, zone);
    line["target"] = std::string(target);
    return line;
}

Line amend_line(std::string_view target, const nlohmann::ordered_json& set, Seconds now, std::string_view id,
                const date::time_zone* zone) {
    Line line = new_line(EntryType::amend, id, now, zone);
    line["target"] = std::string(target);
    line["set"] = set;
    return line;
}

DayTotal pumped_on(const std::vector<Entry>& entries, std::string_view date) {
    DayTotal total;
    for (const auto& e : entries) {
        if (e.type != EntryType::pump || e.at_text.substr(0, 10) != date) continue;
        total.pumped += Volume::from_ml(e.ml.value_or(0));
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
