#include "pumplog/report.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include <fmt/format.h>

#include "logged_pumps.hpp"
#include "pumplog/babies.hpp"
#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"  // stock_types
#include "pumplog/history.hpp"
#include "pumplog/text.hpp"
#include "replay.hpp"

namespace pumplog {

using std::chrono::seconds;

Grouping parse_grouping(std::string_view text) {
    if (text == "day") return Grouping::day;
    if (text == "week") return Grouping::week;
    if (text == "month") return Grouping::month;
    if (text == "hour") return Grouping::hour;
    throw usage_error(fmt::format("--by {} is not a grouping; use day, week, month or hour", text));
}

std::string_view grouping_name(Grouping grouping) {
    switch (grouping) {
        case Grouping::day: return "day";
        case Grouping::week: return "week";
        case Grouping::month: return "month";
        case Grouping::hour: return "hour";
    }
    return "day";
}

Tally& Tally::operator+=(const Tally& o) {
    pump_sessions += o.pump_sessions;
    pumped += o.pumped;
    left += o.left;
    right += o.right;
    feeds += o.feeds;
    bottle += o.bottle;
    formula += o.formula;
    breast_feeds += o.breast_feeds;
    breast_time += o.breast_time;
    stored += o.stored;
    used += o.used;
    discarded += o.discarded;
    skipped += o.skipped;
    sided_sessions += o.sided_sessions;
    unmeasured_sessions += o.unmeasured_sessions;
    unmeasured_bottles += o.unmeasured_bottles;
    unmeasured_formula += o.unmeasured_formula;
    return *this;
}

bool Tally::empty() const {
    return pump_sessions == 0 && feeds == 0 && stored.ml() == 0 && used.ml() == 0 && discarded.ml() == 0 &&
           skipped == 0;
}

namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

}  // namespace

std::optional<date::sys_days> written_day(std::string_view at) {
    int y = 0, m = 0, d = 0;
    if (at.size() < 10 || at[4] != '-' || at[7] != '-' || !digits(at, 0, 4, y) || !digits(at, 5, 2, m) ||
        !digits(at, 8, 2, d))
        return std::nullopt;
    const date::year_month_day ymd{date::year(y), date::month(static_cast<unsigned>(m)),
                                   date::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days(ymd);
}

std::optional<int> written_hour(std::string_view at) {
    int h = 0;
    if (at.size() < 13 || !digits(at, 11, 2, h) || h > 23) return std::nullopt;
    return h;
}

date::sys_days iso_week_monday(date::sys_days day) {
    return day - (date::weekday(day) - date::Monday);
}

std::string iso_week_label(date::sys_days day) {
    const date::sys_days thursday = iso_week_monday(day) + date::days(3);
    const date::year year = date::year_month_day(thursday).year();
    const auto week = (thursday - date::sys_days(year / date::January / 1)).count() / 7 + 1;
    return fmt::format("{:04d}-W{:02d}", static_cast<int>(year), week);
}

// ---- Tallies ----

Tallies::Tallies(DayRange counted, DayRange reported, const std::vector<std::string>& babies, std::string only,
                 bool unnamed_too)
    : counted_(counted), reported_(reported), days_(static_cast<std::size_t>(counted.days())), only_(std::move(only)),
      unnamed_too_(unnamed_too) {
    for (const auto& name : babies) baby_index(name);
    configured_babies_ = baby_names_.size();
}

const Tally& Tallies::day(date::sys_days day) const {
    return days_.at(static_cast<std::size_t>((day - counted_.first).count()));
}

const Tally& Tallies::baby_day(std::size_t index, date::sys_days day) const {
    static const Tally none;
    const auto& days = baby_days_.at(index);
    return days.empty() ? none : days.at(static_cast<std::size_t>((day - counted_.first).count()));
}


std::size_t Tallies::baby_index(std::string_view name, std::optional<Seconds> at) {
    const auto earliest = [&](std::size_t i) {
        // A spelling of an earlier feed (the entries may come newest first) names the baby.
        if (i >= configured_babies_ && at && (!baby_first_[i] || *at < *baby_first_[i])) {
            if (baby_names_[i] != name) baby_names_[i] = std::string(name);
            baby_first_[i] = at;
        }
        return last_baby_ = i;
    };
    if (last_baby_ < baby_names_.size() && same_baby(baby_names_[last_baby_], name)) return earliest(last_baby_);
    for (std::size_t i = 0; i < baby_names_.size(); ++i)
        if (same_baby(baby_names_[i], name)) return earliest(i);
    baby_names_.emplace_back(name);
    baby_first_.push_back(at);
    baby_days_.emplace_back();  // its days are allocated with its first feed
    baby_hours_.emplace_back();
    return last_baby_ = baby_names_.size() - 1;
}

std::vector<std::size_t> Tallies::baby_order() const {
    std::vector<std::size_t> order(baby_names_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(configured_babies_), order.end(),
              [&](std::size_t a, std::size_t b) {
                  const std::string x = lower(baby_names_[a]), y = lower(baby_names_[b]);
                  return x != y ? x < y : baby_names_[a] < baby_names_[b];
              });
    return order;
}

namespace {

// A store of what the baby left in a bottle (log feed --offered): a fixed expiry and the feed it came from (a
// combined container has no `from`, a pump's no `until`), as stock.hpp's is_leftover tells a container.
bool leftover_store(const Entry& e) { return e.type == EntryType::store && e.until && !e.from.empty(); }

// Time at the breast: the timed sides, else the whole duration.
seconds breast_time(const Entry& e) {
    // An implausible duration (negative, or years) counts as none, as volumes do.
    if (e.left_s || e.right_s) return seconds(counted_seconds(e.left_s).value_or(0) + counted_seconds(e.right_s).value_or(0));
    return seconds(counted_seconds(e.dur_s).value_or(0));
}

void count(Tally& t, const Entry& e) {
    switch (e.type) {
        case EntryType::pump:
            ++t.pump_sessions;
            // Its `ml` (never the sum of its sides: pump_volume); without it the volume is unknown, not 0 ml.
            // Its sides only with its total: a session of unknown volume would make L + R exceed it.
            if (const auto volume = pump_volume(e)) {
                t.pumped += *volume;
                // Sided only by a usable side: an out-of-range one counts as none (pumplog(5)).
                const auto left = counted_ml(e.left_ml), right = counted_ml(e.right_ml);
                t.left += Volume::from_ml(left.value_or(0));
                t.right += Volume::from_ml(right.value_or(0));
                if (left || right) ++t.sided_sessions;
            } else {
                ++t.unmeasured_sessions;
            }
            break;
        case EntryType::feed:
            ++t.feeds;
            // A feed is a bottle feed unless it says breast (imports may leave
            // the method out of a bottle feed with an amount).
            if (e.method == FeedMethod::breast) {
                ++t.breast_feeds;
                t.breast_time += breast_time(e);
            } else {
                t.bottle += counted_volume(e.ml);
                if (e.milk == Milk::formula) t.formula += counted_volume(e.ml);
                if (!counted_ml(e.ml)) {
                    ++t.unmeasured_bottles;
                    if (e.milk == Milk::formula) ++t.unmeasured_formula;
                }
            }
            break;
        case EntryType::store:
            // A combined container (stock combine: a store with a fixed expiry
            // and no pump or feed it came from) holds milk stored already, and
            // the uses that emptied its parts into it, at its time, add up to
            // its volume: neither is milk stored or used.
            if (e.until && e.from.empty()) t.used -= counted_volume(e.ml);
            // A leftover (log feed --offered: a fixed expiry and the feed it came from) is milk the baby left in a
            // bottle already taken out of storage, not milk stored (its uses and discard count nothing either).
            else if (!leftover_store(e)) t.stored += counted_volume(e.ml);
            break;
        case EntryType::use: t.used += counted_volume(e.ml); break;
        case EntryType::skip: ++t.skipped; break;
        default: break;  // moves change no volume; discards are counted from their container
    }
}

}  // namespace

std::optional<date::sys_days> Tallies::day_of(std::string_view at_text) {
    if (at_text.size() >= last_text_.size() && last_day_ &&
        std::equal(last_text_.begin(), last_text_.end(), at_text.begin()))
        return last_day_;
    const auto day = written_day(at_text);
    if (day) {
        std::copy_n(at_text.begin(), last_text_.size(), last_text_.begin());
        last_day_ = day;
    }
    return day;
}

void Tallies::add(const Entry& e) {
    const auto day = day_of(e.at_text);
    if (day && (!earliest_ || *day < *earliest_)) earliest_ = day;
    if (e.type != EntryType::pump && e.type != EntryType::feed && e.type != EntryType::store &&
        e.type != EntryType::use && e.type != EntryType::skip)
        return;
    if (!day || !counted_.contains(*day)) return;
    if (e.type == EntryType::skip) {
        if (std::find(skips_.begin(), skips_.end(), e.at.instant) != skips_.end()) return;  // that pump is counted
        skips_.push_back(e.at.instant);
    }
    const bool named = e.type == EntryType::feed && !baby_of(e).empty();
    if (e.type == EntryType::feed && !only_.empty() && !same_baby(e.baby, only_) && !(unnamed_too_ && !named)) {
        if (reported_.contains(*day)) count(other_feeds_, e);
        return;
    }
    const auto index = static_cast<std::size_t>((*day - counted_.first).count());
    count(days_[index], e);
    std::optional<int> hour;
    if (reported_.contains(*day) && (hour = written_hour(e.at_text))) count(hours_[static_cast<std::size_t>(*hour)], e);
    if (!named) return;
    const std::size_t b = baby_index(baby_of(e), e.at.instant);  // " Ben " in a hand-edited line is Ben
    if (baby_days_[b].empty()) baby_days_[b].resize(static_cast<std::size_t>(counted_.days()));
    count(baby_days_[b][index], e);
    if (hour) count(baby_hours_[b][static_cast<std::size_t>(*hour)], e);
}

void Tallies::add_discarded(date::sys_days day, int hour, Volume volume) {
    if (!counted_.contains(day)) return;
    days_[static_cast<std::size_t>((day - counted_.first).count())].discarded += volume;
    if (reported_.contains(day) && hour >= 0 && hour < 24) hours_[static_cast<std::size_t>(hour)].discarded += volume;
}

void Tallies::take_back_used(date::sys_days day, int hour, Volume volume) {
    if (!counted_.contains(day)) return;
    days_[static_cast<std::size_t>((day - counted_.first).count())].used -= volume;
    if (reported_.contains(day) && hour >= 0 && hour < 24) hours_[static_cast<std::size_t>(hour)].used -= volume;
}

// ---- DiscardLedger ----

Volume DiscardLedger::Discard::remaining() const {
    if (!stored || leftover) return Volume{};
    return std::max(Volume{}, *stored - used);
}

namespace {

void count_for(DiscardLedger::Discard& d, const Entry& e) {
    if (e.type == EntryType::store) {
        d.stored = counted_volume(e.ml);
        d.stored_at = e.at.instant;
        d.leftover = leftover_store(e);
    } else if (e.type == EntryType::use && e.at.instant <= d.at) d.used += counted_volume(e.ml);
}

}  // namespace

void DiscardLedger::add(const Entry& e, const DayRange& reported) {
    if (e.type == EntryType::discard) {
        const auto day = written_day(e.at_text);
        if (!day || !reported.contains(*day) || e.target.empty()) return;
        const std::uint64_t hash = IdHash{}(e.target);
        by_target_.emplace(hash, discards_.size());
        note(hash);
        discards_.push_back(Discard{e.target, *day, written_hour(e.at_text).value_or(0), e.at.instant, {}, {}, {}});
        return;
    }
    if (discards_.empty() || (e.type != EntryType::store && e.type != EntryType::use)) return;
    const std::string& container = e.type == EntryType::store ? e.id : e.target;
    const std::uint64_t hash = IdHash{}(container);
    if (!may_hold(hash)) return;
    const auto [first, last] = by_target_.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (Discard& d = discards_[it->second]; d.target == container) count_for(d, e);
}

void DiscardLedger::begin_lookup() {
    for (auto& d : discards_) {
        d.looking = !d.stored;
        if (d.looking) d.used = Volume{};
    }
}

void DiscardLedger::add_container_entry(const Entry& e) {
    if (e.type != EntryType::store && e.type != EntryType::use) return;
    const std::string& container = e.type == EntryType::store ? e.id : e.target;
    const std::uint64_t hash = IdHash{}(container);
    if (!may_hold(hash)) return;
    const auto [first, last] = by_target_.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (Discard& d = discards_[it->second]; d.looking && d.target == container) count_for(d, e);
}

bool DiscardLedger::resolved() const {
    return std::all_of(discards_.begin(), discards_.end(), [](const Discard& d) { return d.stored.has_value(); });
}

std::optional<Seconds> DiscardLedger::earliest_store_once_resolved() const {
    std::optional<Seconds> earliest;
    for (const auto& d : discards_) {
        if (!d.stored) return std::nullopt;
        if (!earliest || d.stored_at < *earliest) earliest = d.stored_at;
    }
    return earliest;
}

std::optional<Seconds> DiscardLedger::earliest_unresolved() const {
    std::optional<Seconds> earliest;
    for (const auto& d : discards_)
        if (!d.stored && (!earliest || d.at < *earliest)) earliest = d.at;
    return earliest;
}

// ---- UseLedger ----

UseLedger::Line UseLedger::line_of(const Entry& e, std::uint64_t container) const {
    Line line;
    line.type = e.type;
    line.container = container;
    line.at = e.at.instant;
    line.ml = counted_ml(e.ml).value_or(0);
    line.leftover = leftover_store(e);
    line.offset = e.offset;
    if (e.type == EntryType::use) {
        // The day and hour written in its `at` (its parsed offset: no text to read again).
        const auto local = e.at.local().time_since_epoch();
        const auto day = date::sys_days(date::floor<date::days>(e.at.local()).time_since_epoch());
        line.in_period = counted_.contains(day);
        if (line.in_period) {
            line.day = day;
            line.hour = static_cast<std::int8_t>((local - date::floor<date::days>(local)) / std::chrono::hours(1));
        }
    }
    return line;
}

void UseLedger::add(const Entry& e, const DayRange& counted) {
    if (e.type != EntryType::store && e.type != EntryType::use && e.type != EntryType::discard) return;
    counted_ = counted;
    lines_.push_back(line_of(e, IdHash{}(e.type == EntryType::store ? e.id : e.target)));
}

std::vector<std::uint64_t> UseLedger::unresolved() const {
    // Sorted lists, not hash tables: a report over years meets tens of thousands of containers.
    std::vector<std::uint64_t> used, stored;
    for (const Line& line : lines_) {
        if (line.in_period) used.push_back(line.container);
        else if (line.type == EntryType::store) stored.push_back(line.container);
    }
    if (used.empty()) return {};
    for (auto* list : {&used, &stored}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    std::vector<std::uint64_t> out;
    std::set_difference(used.begin(), used.end(), stored.begin(), stored.end(), std::back_inserter(out));
    return out;
}

bool UseLedger::resolved() const { return looking_ ? found_ == looked_for_.size() : unresolved().empty(); }

std::vector<std::uint64_t> UseLedger::unresolved_uses() const {
    std::vector<std::uint64_t> out;
    const std::vector<std::uint64_t> containers = unresolved();
    if (containers.empty()) return out;
    for (const Line& line : lines_)
        if (line.type == EntryType::use && line.in_period &&
            std::binary_search(containers.begin(), containers.end(), line.container))
            out.push_back(line.offset);
    return out;
}

std::optional<UseLedger::Shortfall> UseLedger::drop_use(std::uint64_t offset) {
    const auto it = std::find_if(lines_.begin(), lines_.end(), [&](const Line& line) {
        return line.type == EntryType::use && line.in_period && line.offset == offset;
    });
    if (it == lines_.end()) return std::nullopt;
    const Shortfall taken{it->day, it->hour, Volume::from_ml(it->ml)};
    lines_.erase(it);
    return taken;
}

std::optional<Seconds> UseLedger::earliest_unresolved() const {
    const std::vector<std::uint64_t> containers = unresolved();
    std::optional<Seconds> earliest;
    for (const Line& line : lines_)
        if (line.in_period && std::find(containers.begin(), containers.end(), line.container) != containers.end())
            earliest = earliest ? std::min(*earliest, line.at) : line.at;
    return earliest;
}

void UseLedger::begin_lookup() {
    looking_ = true;
    looked_for_.clear();
    found_ = 0;
    earliest_store_.reset();
    for (const std::uint64_t container : unresolved()) looked_for_.emplace(container, std::nullopt);
    std::erase_if(lines_, [&](const Line& line) { return looked_for_.contains(line.container); });
}

void UseLedger::add_container_entry(const Entry& e) {
    if (looked_for_.empty()) return;  // the look-up is the discards'
    if (e.type != EntryType::store && e.type != EntryType::use && e.type != EntryType::discard) return;
    const std::uint64_t container = IdHash{}(e.type == EntryType::store ? e.id : e.target);
    const auto it = looked_for_.find(container);
    if (it == looked_for_.end()) return;
    lines_.push_back(line_of(e, container));
    if (e.type != EntryType::store) return;
    if (!it->second) ++found_;
    it->second = it->second ? std::min(*it->second, e.at.instant) : e.at.instant;
    earliest_store_ = earliest_store_ ? std::min(*earliest_store_, e.at.instant) : e.at.instant;
}

std::optional<Seconds> UseLedger::earliest_store_once_resolved() const {
    return looking_ && found_ == looked_for_.size() ? earliest_store_ : std::nullopt;
}

std::vector<UseLedger::Shortfall> UseLedger::leftover_uses() const {
    std::unordered_set<std::uint64_t> leftovers;
    for (const Line& line : lines_)
        if (line.type == EntryType::store && line.leftover) leftovers.insert(line.container);
    std::vector<Shortfall> out;
    if (leftovers.empty()) return out;
    for (const Line& line : lines_)
        if (line.type == EntryType::use && line.in_period && leftovers.contains(line.container))
            out.push_back({line.day, line.hour, Volume::from_ml(line.ml)});
    return out;
}

std::vector<UseLedger::Shortfall> UseLedger::shortfalls() const {
    // The containers used in the period, and whether their lines could hold a use that took less than it
    // says: one whose uses add up to no more than its store and all come before its discards cannot, in any
    // order (within 0.001 ml: below what the replay takes as rounding, above Volume's own; log check's
    // short_uses_possible is the same rule). Only the others are replayed.
    struct Sum {
        double stored = 0, used = 0;
        int stores = 0;
        bool leftover = false;  // none of its uses counts (leftover_uses): none is a shortfall
        std::optional<Seconds> last_use, first_discard;
    };
    std::unordered_map<std::uint64_t, Sum> sums;
    for (const Line& line : lines_)
        if (line.in_period) sums.try_emplace(line.container);
    if (sums.empty()) return {};
    for (const Line& line : lines_) {
        const auto it = sums.find(line.container);
        if (it == sums.end()) continue;
        Sum& sum = it->second;
        if (line.type == EntryType::store) {
            ++sum.stores;
            sum.stored = line.ml;
            sum.leftover = sum.leftover || line.leftover;
        } else if (line.type == EntryType::use) {
            sum.used += line.ml;
            sum.last_use = sum.last_use ? std::max(*sum.last_use, line.at) : line.at;
        } else {
            sum.first_discard = sum.first_discard ? std::min(*sum.first_discard, line.at) : line.at;
        }
    }
    std::unordered_set<std::uint64_t> used;
    for (const auto& [container, sum] : sums)
        if (!sum.leftover && (sum.stores != 1 || sum.used > sum.stored + 0.001 ||
            (sum.last_use && sum.first_discard && *sum.last_use >= *sum.first_discard)))
            used.insert(container);
    if (used.empty()) return {};
    // Their lines as entries, in the order met (newest written first, as StockReplay takes them): the
    // container named by its hash, a use by its index in lines_ (which ShortUse::offset gives back).
    StockOptions options;
    options.keep_ended = true;
    StockReplay stash(cdc_guideline(), options, true);  // exact: it keeps every container (none forgotten)
    Entry entry;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& line = lines_[i];
        if (!used.contains(line.container)) continue;
        entry.type = line.type;
        const std::string container = fmt::format("{:016x}", line.container);
        entry.id = line.type == EntryType::store ? container : fmt::format("{}", i);
        entry.target = line.type == EntryType::store ? std::string() : container;
        entry.at.instant = line.at;
        entry.ml = line.ml;
        entry.place.set(Place::fridge);
        entry.offset = i;
        stash.add(entry, false);
    }
    std::vector<Shortfall> out;
    for (const ShortUse& use : stash.finish().short_uses) {
        if (use.type != EntryType::use) continue;  // a move or discard after the end took nothing
        const Line& line = lines_[static_cast<std::size_t>(use.offset)];
        if (line.in_period) out.push_back({line.day, line.hour, use.written - use.left});
    }
    return out;
}

// ---- the stash's next day ----

NextDayThaw next_day_thaw(const std::vector<const Container*>& in_use_order, Seconds now, Seconds next_day,
                          const std::optional<Intake>& intake) {
    NextDayThaw out;
    if (!intake || intake->per_day.ml() <= 0) return out;
    out.need = Volume::from_ml(std::round(intake->per_day.ml()));  // "about": to the ml
    for (const Container* c : in_use_order)
        if (c->place != Place::freezer && usable_at(*c, next_day)) out.ready += c->left;
    for (const Container* c : in_use_order) {
        if (out.ready + out.thawed >= out.need) break;
        if (c->place != Place::freezer || !usable_at(*c, now)) continue;
        out.thaws.push_back(c);
        out.thawed += c->left;
    }
    return out;
}

// ---- rows, trend, the report ----

std::vector<ReportRow> group_rows(const Tallies& tallies, Grouping by) {
    std::vector<ReportRow> rows;
    const DayRange& period = tallies.reported();
    const std::vector<std::size_t> babies = tallies.several_babies() ? tallies.baby_order() : std::vector<std::size_t>{};
    if (by == Grouping::hour) {
        for (int h = 0; h < 24; ++h) {
            rows.push_back(ReportRow{fmt::format("{:02d}:00", h), period.first, period.days(), period.days(),
                                     tallies.hours()[static_cast<std::size_t>(h)], {}});
            for (const std::size_t b : babies) rows.back().babies.push_back(tallies.baby_hour(b, h));
        }
        return rows;
    }
    std::string key;
    for (date::sys_days day = period.first; day <= period.last; day += date::days(1)) {
        std::string label;
        int calendar_days = 1;
        if (by == Grouping::day) {
            label = format_date(day);
        } else if (by == Grouping::week) {
            label = iso_week_label(day);
            calendar_days = 7;
        } else {
            const date::year_month_day ymd(day);
            label = fmt::format("{:04d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
            calendar_days = static_cast<int>(static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day()));
        }
        if (rows.empty() || rows.back().label != label) {
            rows.push_back(ReportRow{std::move(label), day, 0, calendar_days, {}, {}});
            rows.back().babies.resize(babies.size());
        }
        ++rows.back().days;
        rows.back().tally += tallies.day(day);
        for (std::size_t i = 0; i < babies.size(); ++i) rows.back().babies[i] += tallies.baby_day(babies[i], day);
    }
    return rows;
}

date::sys_days trend_end(const DayRange& period, date::sys_days today) {
    return period.last < today ? period.last : today - date::days(1);
}

DayRange counted_days(const DayRange& period, date::sys_days today) {
    const date::sys_days end = trend_end(period, today);
    return DayRange{std::min(period.first, end - date::days(13)), std::max(period.last, end)};
}

Trend compute_trend(const Tallies& tallies, const DayRange& period, date::sys_days end,
                    std::optional<date::sys_days> first_logged) {
    Trend trend;
    if (end < period.first) {
        trend.missing = Trend::Missing::no_complete_day;
        return trend;
    }
    // The period's last complete days, up to 7, none before the journal began.
    trend.recent = DayRange{std::max(period.first, end - date::days(6)), end};
    if (!first_logged || *first_logged > end) {
        trend.missing = Trend::Missing::nothing_logged;
        return trend;
    }
    if (*first_logged > trend.recent.first) {
        trend.recent.first = *first_logged;
        trend.journal_begins = first_logged;
    }
    const int days = trend.recent.days();
    // As many days before them, none before the journal began (an empty span when it began on recent.first).
    trend.previous = DayRange{trend.recent.first - date::days(days), trend.recent.first - date::days(1)};
    if (*first_logged > trend.previous.first) {
        trend.previous.first = std::min(*first_logged, trend.recent.first);
        trend.journal_begins = first_logged;
    }
    // A day with no entry of any kind was not logged (a parent who forgot, or
    // was away from the phone): it counts in neither span's mean, as a day
    // before the journal began does not. A day with feeds but no pump is a
    // day with nothing pumped. A day with a pump session without a volume is of unknown volume: what its other
    // sessions add up to would judge a fall the missing volume could undo (pumplog(5)), so it is left out whole.
    const DayRange& counted = tallies.counted();
    for (date::sys_days day = trend.previous.first; day <= end; day += date::days(1)) {
        const bool recent = trend.recent.contains(day);
        if (!counted.contains(day) || tallies.day(day).empty()) {
            ++(recent ? trend.recent_unlogged : trend.previous_unlogged);
            continue;
        }
        if (tallies.day(day).unmeasured_sessions > 0) {
            ++(recent ? trend.recent_unmeasured : trend.previous_unmeasured);
            continue;
        }
        (recent ? trend.recent_pumped : trend.previous_pumped) += tallies.day(day).pumped;
    }
    // Each span's mean comes from min(3, recent days) days at least (pumplog-report(1), THE TREND): one or two
    // days logged in a week are no trend, on either side.
    const int earlier = trend.previous.days(), fewest = trend.fewest_days();
    const int logged = trend.recent_logged(), earlier_logged = trend.previous_logged();
    if (trend.recent_unlogged == days) {
        trend.missing = Trend::Missing::recent_unlogged;
    } else if (logged == 0) {
        trend.missing = Trend::Missing::recent_unmeasured;
    } else if (earlier < fewest) {
        trend.missing = Trend::Missing::short_history;
    } else if (logged < fewest) {
        trend.missing = Trend::Missing::recent_few_logged;
    } else if (earlier_logged < fewest) {
        trend.missing = Trend::Missing::few_logged;
    } else if (trend.previous_pumped.ml() <= 0) {
        trend.missing = Trend::Missing::nothing_pumped;
    } else {
        const double percent =
            (trend.recent_pumped.ml() / logged / (trend.previous_pumped.ml() / earlier_logged) - 1.0) * 100.0;
        trend.percent = percent;
        trend.direction = percent >= steady_percent     ? Trend::Direction::up
                          : percent <= -steady_percent  ? Trend::Direction::down
                                                        : Trend::Direction::steady;
    }
    return trend;
}

namespace {

// CDC: frozen milk is best within 6 months, up to 12 months acceptable; a
// container thrown away is almost always younger than this.
constexpr date::days container_lookback{400};

// Whether an entry happened by the request's now: one written later (with --force, or a --now in
// the past) is not counted yet; a skip later today is (status counts it at once).
bool happened(const Entry& e, const ReportRequest& request) {
    if (e.at.instant <= request.now) return true;
    return e.type == EntryType::skip && written_day(e.at_text) == request.today;
}

// The report from its tallies and its discards, every container found.
void finish_report(Report& report, Tallies& tallies, const DiscardLedger& ledger, const ReportRequest& request) {
    const DayRange& period = request.period;
    for (const auto& d : ledger.discards()) tallies.add_discarded(d.day, d.hour, d.remaining());

    report.period = period;
    report.by = request.by;
    report.today = request.today;
    report.asked_last = request.asked_last;
    report.rows = group_rows(tallies, request.by);
    if (request.by != Grouping::day) report.days = group_rows(tallies, Grouping::day);
    report.hours = request.by == Grouping::hour ? report.rows : group_rows(tallies, Grouping::hour);
    for (const auto& row : report.day_rows()) {
        report.total += row.tally;
        // The rule of the trend's spans (compute_trend): a day with no entry of any kind was not logged.
        if (row.tally.empty()) continue;
        ++report.logged_days;
        if (row.tally.pumped_known()) ++report.pumped_days;
        if (row.tally.bottle_known()) ++report.bottle_days;
    }
    report.baby = request.baby;
    if (tallies.several_babies()) {
        for (const std::size_t b : tallies.baby_order()) report.babies.push_back(tallies.baby_name(b));
        report.baby_totals.resize(report.babies.size());
        for (const auto& row : report.day_rows())
            for (std::size_t i = 0; i < row.babies.size(); ++i) report.baby_totals[i] += row.babies[i];
    }
    // The journal's first day: the earliest entry added, or before the days
    // counted when the replay met lines older than them.
    const DayRange& counted = tallies.counted();
    std::optional<date::sys_days> first_logged = tallies.earliest();
    if (report.stats.oldest && *report.stats.oldest < earliest_written(counted.first))
        first_logged = counted.first - date::days(1);
    report.trend = compute_trend(tallies, period, trend_end(period, request.today), first_logged);
    // The stash balance sets the parent's pumping against every baby's bottles, --baby or not
    // (pumplog-report(1)): one baby's bottles against all the pumping would claim milk to the stash that
    // another baby drank.
    Tally all = report.total;
    all += tallies.other_feeds();
    report.balance.pumped = all.pumped;
    report.balance.formula_drunk = all.formula;
    report.balance.stash_used = all.used;
    report.balance.breast_milk_drunk = all.bottle - all.formula;
    report.balance.unmeasured_sessions = all.unmeasured_sessions;
    report.balance.unmeasured_bottles = all.unmeasured_bottles - all.unmeasured_formula;
    report.balance.measured = all.pump_sessions - all.unmeasured_sessions + (all.feeds - all.breast_feeds) -
                              all.unmeasured_bottles;
    const Tally& others = tallies.other_feeds();
    if (!report.baby.empty() && others.feeds > others.breast_feeds) {
        report.balance.drinker = "the babies";
        report.balance.baby = report.baby;
        report.balance.baby_drunk = report.total.bottle - report.total.formula;
    } else if (!report.baby.empty()) report.balance.drinker = report.baby;
    else if (!report.babies.empty()) report.balance.drinker = "the babies";
}

// A use of the period whose container no line the readers took stores (its
// target no line has, a bad line, or a line that is no store) is a line log
// check calls damaged, unless its store was voided: check_journal decides
// (damaged_among), and such a use is skipped as a damaged line, its volume
// given back and a warning in check's words (pumplog(5): a repair never changes
// what a report counts). A sound journal's uses all resolve: it is never checked.
// `uses` resolved(): known so (a sort of its lines saved on a long report).
void skip_damaged_uses(const Journal& journal, UseLedger& uses, Tallies& tallies, ReadStats& stats) {
    std::vector<BadLine> damaged = damaged_among(journal, uses.unresolved_uses());
    if (damaged.empty()) return;
    for (BadLine& bad : damaged) {
        if (const auto taken = uses.drop_use(bad.offset))
            tallies.take_back_used(taken->day, taken->hour, taken->less);
        ++stats.bad_lines;
        stats.bad.push_back(std::move(bad));
    }
    std::sort(stats.bad.begin(), stats.bad.end(),
              [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; });
    if (stats.bad.size() > ReadStats::most_bad_kept) stats.bad.resize(ReadStats::most_bad_kept);
}

}  // namespace

Report make_report(const Journal& journal, const ReportRequest& request) {
    const DayRange& period = request.period;
    const DayRange counted = counted_days(period, request.today);
    ReplayOptions options;
    options.since = earliest_written(counted.first);  // entries of its first day written in any zone
    options.strict = request.strict;
    options.raw = false;
    Report report;
    struct Counted {
        Tallies tallies;
        DiscardLedger ledger;
        UseLedger uses;
    };
    auto folded = replay_fold(
        journal, options,
        [&] {
            return std::make_unique<Counted>(
                Counted{Tallies(counted, period, request.babies, request.baby, request.baby_unnamed), {}, {}});
        },
        [&](Counted& c, const Replayed& r) {
            if (!happened(r.entry, request)) return;
            c.tallies.add(r.entry);
            c.ledger.add(r.entry, period);
            c.uses.add(r.entry, counted);
        });
    report.stats = std::move(folded.stats);
    Tallies& tallies = folded.state->tallies;
    DiscardLedger& ledger = folded.state->ledger;
    UseLedger& uses = folded.state->uses;

    // Containers stored before the pass began (of discards and uses of the
    // period): a second look-up for them only, first over the storage
    // limits' reach, then (rarely) the rest.
    struct Looked {
        DiscardLedger discards;
        UseLedger uses;
    };
    bool resolved = false;
    for (const bool bounded : {true, false}) {
        if (ledger.resolved() && uses.resolved()) {
            resolved = true;
            break;
        }
        ReplayOptions lookup;
        lookup.strict = request.strict;
        lookup.raw = false;
        // Stores, uses and discards alone are looked at: the other lines are passed over after their header.
        lookup.types = static_cast<TypeMask>(type_bit(EntryType::store) | type_bit(EntryType::use) |
                                             type_bit(EntryType::discard));
        if (bounded) {
            const auto a = ledger.earliest_unresolved(), b = uses.earliest_unresolved();
            lookup.since = (a && b ? std::min(*a, *b) : a ? *a : *b) - container_lookback;
        }
        // Once every container is found, the read goes on only as far as a
        // question from the oldest store would (ReplayOptions::enough).
        const Looked* current = nullptr;
        lookup.enough = [&]() -> std::optional<Seconds> {
            const auto a = current->discards.earliest_store_once_resolved();
            if (!a && !current->discards.discards().empty()) return std::nullopt;
            const auto b = current->uses.earliest_store_once_resolved();
            if (!b && !current->uses.resolved()) return std::nullopt;
            return a && b ? std::min(*a, *b) : a ? a : b;
        };
        const auto looked = replay_fold(
            journal, lookup,
            [&] {
                auto fresh = std::make_unique<Looked>(Looked{ledger, uses});
                fresh->discards.begin_lookup();
                fresh->uses.begin_lookup();
                current = fresh.get();
                return fresh;
            },
            [](Looked& l, const Replayed& r) {
                l.discards.add_container_entry(r.entry);
                l.uses.add_container_entry(r.entry);
            });
        ledger = std::move(looked.state->discards);
        uses = std::move(looked.state->uses);
    }
    // After the look-ups (the whole journal read), a use whose container is still unresolved.
    if (!resolved && !uses.resolved()) skip_damaged_uses(journal, uses, tallies, report.stats);
    for (const auto& s : uses.shortfalls()) tallies.take_back_used(s.day, s.hour, s.less);
    for (const auto& s : uses.leftover_uses()) tallies.take_back_used(s.day, s.hour, s.less);
    finish_report(report, tallies, ledger, request);
    return report;
}

ReportAndStock make_report_and_stock(const Journal& journal, const ReportRequest& request, const Guideline& guideline,
                                     Seconds feeds_since) {
    const DayRange counted = counted_days(request.period, request.today);
    const Seconds report_since = earliest_written(counted.first);
    ReplayOptions options;
    options.include_voided = true;  // voided stores reserve their labels (read_stock)
    options.strict = request.strict;
    options.raw = false;
    // The stash's entries over the whole journal; the rest over the report's
    // days and the stash's last feeds alone (the older lines passed over).
    options.recent_types = static_cast<TypeMask>(all_types & ~stock_types);
    options.recent_since = std::min(report_since, feeds_since);
    struct Pass {
        StockReplay stash;
        History feeds;
        Tallies tallies;
        DiscardLedger ledger;
        UseLedger uses;  // every store is met: the stash's lines are read whole
        Pass(const Guideline& g, bool exact, const DayRange& counted, const ReportRequest& r)
            : stash(g, {}, exact), tallies(counted, r.period, r.babies, r.baby, r.baby_unnamed) {}
    };
    for (const bool exact : {false, true}) {
        auto folded = replay_fold(
            journal, options,
            [&] { return std::make_unique<Pass>(guideline, exact, counted, request); },
            [&](Pass& pass, const Replayed& r) {
                pass.stash.add(r.entry, r.voided || r.entry.at.instant > request.now);  // the stash as of now
                if (r.entry.type == EntryType::feed && r.entry.at.instant >= feeds_since) {
                    pass.feeds.entries.push_back(r.entry);
                    pass.feeds.voided.push_back(r.voided);
                }
                if (r.voided || !happened(r.entry, request)) return;  // as make_report's replay
                pass.tallies.add(r.entry);
                pass.ledger.add(r.entry, request.period);
                pass.uses.add(r.entry, counted);
            });
        Pass& pass = *folded.state;
        if (pass.stash.needs_exact()) continue;  // never in exact mode
        ReportAndStock out;
        out.report.stats = folded.stats;
        skip_damaged_uses(journal, pass.uses, pass.tallies, out.report.stats);
        for (const auto& s : pass.uses.shortfalls()) pass.tallies.take_back_used(s.day, s.hour, s.less);
        for (const auto& s : pass.uses.leftover_uses()) pass.tallies.take_back_used(s.day, s.hour, s.less);
        finish_report(out.report, pass.tallies, pass.ledger, request);
        out.stash.stock = pass.stash.finish();
        out.stash.stats = std::move(folded.stats);
        out.stash.feeds = in_time_order(std::move(pass.feeds));
        out.stash.feeds.stats = out.stash.stats;
        return out;
    }
    return {};  // not reached: the exact replay never gives up
}

}  // namespace pumplog
