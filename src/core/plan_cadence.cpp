#include "plan_cadence.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/error.hpp"
#include "pumplog/intake.hpp"
#include "pumplog/planner.hpp"
#include "pumplog/text.hpp"
#include "zone_memo.hpp"

namespace pumplog {

using std::chrono::seconds;

namespace {

// The slot a feed at `minute` (after midnight) is near: the nearest on the circle within 90 minutes, the
// first of those as near; slots.size() when none is. The slots come in order of their minute
// (learn_cadence's), so the nearest is the one either side of the minute, and those as near are at the one
// or two minutes that far from it (first found by halving); slots out of order are measured one by one.
class NearestSlot {
public:
    explicit NearestSlot(const std::vector<Slot>& slots) : slots_(slots) {
        minutes_.reserve(slots.size());
        for (const Slot& s : slots) minutes_.push_back(s.minute);
        ordered_ = std::is_sorted(minutes_.begin(), minutes_.end()) &&
                   std::all_of(minutes_.begin(), minutes_.end(), [](int m) { return m >= 0 && m < minutes_per_day; });
    }

    std::size_t operator()(int minute) const {
        const std::size_t none = slots_.size();
        if (!ordered_ || minute < 0 || minute >= minutes_per_day) {
            std::size_t nearest = none;
            double best = 91;
            for (std::size_t i = 0; i < slots_.size(); ++i) {
                const double d = std::abs(circular_minutes(minute, slots_[i].minute));
                if (d < best) {
                    best = d;
                    nearest = i;
                }
            }
            return nearest;
        }
        if (minutes_.empty()) return none;
        // circular_minutes' size, whole minutes both: min(|a - b|, a day less that).
        const auto distance = [&](int m) {
            return std::min(std::abs(minute - m), minutes_per_day - std::abs(minute - m));
        };
        const auto j = std::lower_bound(minutes_.begin(), minutes_.end(), minute) - minutes_.begin();
        const int before = minutes_[static_cast<std::size_t>(j > 0 ? j - 1 : static_cast<long>(minutes_.size()) - 1)];
        const int after = minutes_[static_cast<std::size_t>(j < static_cast<long>(minutes_.size()) ? j : 0)];
        const int least = std::min(distance(before), distance(after));
        if (least >= 91) return none;
        const auto first_at = [&](int m) {
            const auto it = std::lower_bound(minutes_.begin(), minutes_.end(), m);
            return it != minutes_.end() && *it == m ? static_cast<std::size_t>(it - minutes_.begin()) : none;
        };
        return std::min(first_at((minute - least + minutes_per_day) % minutes_per_day),
                        first_at((minute + least) % minutes_per_day));
    }

private:
    const std::vector<Slot>& slots_;
    std::vector<int> minutes_;
    bool ordered_ = false;
};

// One feed as the parent gave it: the feeds logged within burst_minutes of the one before (one breast, then the
// other; a top-up), merged as learn_cadence merges them into one feeding, so a nursing logged a side at a time
// counts once, not twice.
struct Session {
    Seconds at{};                   // its first feed's
    bool measured = true;           // every feed of it has an amount (one without: the feed's milk is unknown)
    std::optional<FeedMethod> how;  // of its first feed without an amount: at the breast, a bottle, or neither
};
// The sessions of the window's feeds, in time order (the time as written, as learn_cadence reads it).
std::vector<Session> sessions_of(const std::vector<Entry>& entries, Seconds since, Seconds until) {
    struct Logged {
        long local_minute;
        const Entry* entry;
    };
    std::vector<Logged> feeds;
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && e.at.instant >= since && e.at.instant < until)
            feeds.push_back(
                {std::chrono::duration_cast<std::chrono::minutes>(e.at.local().time_since_epoch()).count(), &e});
    std::stable_sort(feeds.begin(), feeds.end(),
                     [](const Logged& a, const Logged& b) { return a.local_minute < b.local_minute; });
    std::vector<Session> out;
    long previous = 0;
    for (const Logged& f : feeds) {
        if (out.empty() || f.local_minute - previous > burst_minutes) out.push_back({f.entry->at.instant, true, {}});
        previous = f.local_minute;
        const auto ml = counted_ml(f.entry->ml);
        if (ml && *ml > 0) continue;
        Session& session = out.back();
        if (session.measured) session.how = f.entry->method.value();
        session.measured = false;
    }
    return out;
}

// Of the window's feeds (sessions) nearest each slot (within 90 minutes), how many had an amount and how many
// none.
struct SlotCounts {
    std::vector<int> known, missing;
};
SlotCounts count_by_slot(const std::vector<Session>& sessions, const std::vector<Slot>& slots,
                         const date::time_zone* zone) {
    SlotCounts out{std::vector<int>(slots.size(), 0), std::vector<int>(slots.size(), 0)};
    const ZoneMemo memo(zone);
    const NearestSlot nearest_slot(slots);
    for (const Session& s : sessions) {
        const std::size_t nearest = nearest_slot(memo.minute_of_day(s.at));
        if (nearest == slots.size()) continue;
        ++(s.measured ? out.known : out.missing)[nearest];
    }
    return out;
}

// `baby`: whose feeds `entries` holds, for the refusals' words (plan --baby's settings.feeds_of, or one of
// several babies the journal names), "" when none is named.
PlanCadence one_baby(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone,
                     Seconds since, Seconds until, SlotAmounts amounts, std::optional<date::sys_days> age_on,
                     std::string_view baby) {
    // Counted a session at a time (sessions_of): 64 nursings logged a breast at a time are 64 feeds, not 128.
    const std::vector<Session> sessions = sessions_of(entries, since, until);
    const int feeds = static_cast<int>(sessions.size());
    int unknown = 0;
    int at_breast = 0, bottles = 0;  // of `unknown`: what the feeds without an amount were (the advice words them)
    for (const Session& session : sessions) {
        if (session.measured) continue;
        ++unknown;
        if (session.how == FeedMethod::breast) ++at_breast;
        if (session.how == FeedMethod::bottle) ++bottles;
    }
    PlanCadence out;
    // Every feed without an amount: the targets come from the intake norm for the baby's age (issue 17), with or
    // without a birth date, never from the parent's own average pump (that would make every pump meet its target:
    // a shortfall could never show). So too while the feeds with an amount are half of the window's or fewer: a
    // few bottles (a practice bottle before the return to work, a top-up) are no sample of what the baby drinks
    // at the breast, and one 30 ml bottle counted for 56 breast feeds planned a 3-month-old at 240 ml a day, one
    // of 150 ml at 1200 ml (review). The times are learned from the feeds' times alone either way, so one more
    // bottle logged moves no slot more than one more breast feed would (SPEC 5: the timetable is stable).
    const int measured = feeds - unknown;
    if (feeds > 0 && 2 * measured <= feeds) {
        // Without a birth date the baby is at least as old as its first feed
        // logged (the journal's, or the first read here): the age counts from
        // there, and the advice asks for the date.
        Seconds first_in_effect = Seconds::max();  // a feed is read here (feeds > 0)
        for (const Entry& e : entries)
            if (e.type == EntryType::feed) first_in_effect = std::min(first_in_effect, e.at.instant);
        Seconds first_feed = first_in_effect;
        // With a birth date per baby (config birth "Zoe 2026-11-10, Max 2025-09-20") the age is this baby's,
        // from its own date; one the list does not name has none, and counts from its own first feed read, not
        // the journal's first (an older sibling's, which says nothing of when this one was born).
        if (settings.first_feed_logged && settings.births.empty())
            first_feed = std::min(first_feed, settings.first_feed_logged().value_or(first_feed));
        std::string whose(baby);
        // The one baby, its feeds named (babies configured fewer than two).
        if (whose.empty() && !settings.births.empty()) {
            std::vector<std::string> named = babies_in(entries);
            if (named.size() == 1) whose = std::move(named.front());
        }
        const std::optional<date::year_month_day> birth = birth_of(settings, whose);
        // A birth date after the first feed is a slip (the 20th for the 2nd) or the journal holds a feed on a
        // wrong day: the baby was born by that feed, so the age counts from it, never less (a negative age,
        // held at day 0: 37 ml a day, Saint et al. 1984), and the advice names both dates. Only this baby's
        // feeds in effect count against a date the parent set (code review): not a feed line since corrected
        // (log edit --at) nor another baby's, as the journal's first feed line may be.
        const bool birth_too_late = birth && date::sys_days(*birth) > local_day(first_in_effect, zone);
        const date::sys_days born = !birth            ? local_day(first_feed, zone)
                                    : birth_too_late ? local_day(first_in_effect, zone)
                                                     : date::sys_days(*birth);
        // The baby's age on the first day planned (a 1-day-old planned for in
        // 3 days drinks what a 4-day-old does), else on the day of `until`.
        const date::sys_days today = std::max(local_day(until - seconds(1), zone), age_on.value_or(date::sys_days{}));
        const int age = std::max(0, static_cast<int>((today - born).count()));
        const IntakeNorm norm = intake_norm(age);
        // Shared over the feeds the plan has (its slots), so the targets add up to the
        // daily estimate; not over the recency-weighted feedings a day (7.4), which do not. The estimate
        // and the targets are in the steps the plan shows (whole ml, 0.1 oz), the remainder spread one
        // step each, so the targets as shown add up to the daily figure as shown, in ml and oz alike.
        const Volume daily = to_shown_step(norm.daily, settings.unit);
        // Fewer feeds a day than a baby of the age takes (one logged feed a day: 788 ml in one target) look
        // incompletely logged: each counts at most what one feed can be (feed_cap, Kent et al. 2006), and
        // the targets then add up to less than the daily estimate (the advice says so).
        const FeedCap cap = feed_cap(age, norm.daily);
        const auto capped_at = [&](std::size_t slots) {
            return std::round(norm.daily.ml() / static_cast<double>(std::max<std::size_t>(1, slots))) > cap.most.ml();
        };
        const auto per_feed_for = [&](std::size_t slots) {
            const double shared = daily.ml() / static_cast<double>(std::max<std::size_t>(1, slots));
            return capped_at(slots) ? cap.most : Volume::from_ml(shared);
        };
        // With a few feeds measured, each feed without an amount counts the norm's share (per_feed) beside the
        // measured ones; a slot whose feeds mostly had an amount is measured, not an estimate (the bottles while
        // away on weekdays, the weekends nursing), and is its own amount (the median of its days'), pumping
        // exclusively too: not a share of a day's volume, which one 150 ml bottle among a week's nursing lifted,
        // and every target with it (review). The share hangs on the number of slots, which hangs on the times
        // alone: learn_cadence asks it once they are found (learned once). Fewer than 3 days: refused there.
        if (measured > 0) {
            out.cadence = learn_cadence(entries, since, until, zone, settings.unit, baby, SlotAmounts::own,
                                        [&](std::size_t slots) { return per_feed_for(slots).ml(); });
        } else {
            // Times only: every feed counts 1 (its amount is set below). Those outside the window too: learned
            // from the window alone, they are counted when too few days have feeds (what to log).
            // Only what learn_cadence reads of a feed (its type, time, method, milk and amount) is copied: not
            // the texts, whose copies cost plan next a tenth of its time on a 100k-line journal.
            std::vector<Entry> times;
            times.reserve(static_cast<std::size_t>(std::count_if(
                entries.begin(), entries.end(), [](const Entry& e) { return e.type == EntryType::feed; })));
            for (const Entry& e : entries)
                if (e.type == EntryType::feed) {
                    Entry& t = times.emplace_back();
                    t.type = e.type;
                    t.at = e.at;
                    t.method = e.method;
                    t.milk = e.milk;
                    t.ml = 1.0;
                }
            out.cadence = learn_cadence(times, since, until, zone, settings.unit, baby);
        }
        const std::size_t slots = out.cadence.slots.size();
        const double feedings = static_cast<double>(std::max<std::size_t>(1, slots));
        const bool capped = capped_at(slots);
        const Volume per_feed = per_feed_for(slots);
        // A slot is an estimate when most of its feeds had no amount (every slot, with none measured): it is the
        // norm's share, as the advice says, and the shares add up to the day's estimate as shown, in ml and oz
        // alike. One bottle logged among the nursing changes none of them (review: 99 ml a slot, a day of 792 ml
        // beside the advice's 788; 3.4 oz beside its 3.3). A slot measured is its own amount.
        std::vector<Volume> shares = share_in_shown_steps(daily, slots, settings.unit);
        if (capped) shares.assign(shares.size(), cap.most);
        const SlotCounts counts = measured > 0 ? count_by_slot(sessions, out.cadence.slots, zone) : SlotCounts{};
        int own_slots = 0;
        for (std::size_t i = 0; i < slots; ++i) {
            Slot& slot = out.cadence.slots[i];
            slot.estimated = measured == 0 || counts.missing[i] > counts.known[i];
            if (slot.estimated) slot.amount = shares[i];
            else ++own_slots;
        }
        // Every slot measured (the feeds without an amount far from them all, or a few among many bottles): no
        // target is an estimate, and the advice would say they were.
        if (measured > 0 && own_slots == static_cast<int>(out.cadence.slots.size())) {
            out.estimated = false;
            return out;
        }
        PlanAdvice a;
        a.kind = AdviceKind::estimated_intake;
        a.age_days = age;
        a.daily = daily;
        a.per_feed = per_feed;
        a.feedings = feedings;
        a.count = unknown;
        a.measured = measured;
        a.own_slots = own_slots;
        a.at_breast = at_breast;
        a.bottles = bottles;
        a.text = std::string(norm.source);
        a.birth_assumed = !birth;
        if (birth_too_late) a.birth_after_first_feed = date::sys_days(*birth);
        a.rough = norm.rough;
        a.extrapolated = norm.extrapolated;
        a.capped = capped;
        a.fewest_feeds = cap.fewest_feeds;
        a.per_baby_daily = daily;
        a.slot_amount = per_feed;
        a.day = born;
        out.advice.push_back(a);
        out.estimated = std::any_of(out.cadence.slots.begin(), out.cadence.slots.end(),
                                    [](const Slot& slot) { return slot.estimated; });
        return out;
    }
    out.cadence = learn_cadence(entries, since, until, zone, settings.unit, baby, amounts);
    if (unknown == 0) return out;
    // Some amounts: a slot is an estimate when most feeds near it had none.
    const SlotCounts counts = count_by_slot(sessions, out.cadence.slots, zone);
    for (std::size_t i = 0; i < out.cadence.slots.size(); ++i)
        if (counts.missing[i] > counts.known[i]) {
            out.cadence.slots[i].estimated = true;
            out.estimated = true;
        }
    return out;
}

// Twins' feeds within this many minutes of each other are one time for the
// parent: the milk for both is ready at the earlier (burst_minutes: the
// cadence's own "one feeding").
constexpr int shared_feed_minutes = burst_minutes;

// The slots of several babies as one day: sorted, then walked from the widest
// gap on (so no group spans it), each slot joining the group it is within
// shared_feed_minutes of when that group holds no feed of its baby yet. A
// group is one slot at its earliest time, with the summed amount, naming its
// babies in the order of `babies` (not in the order they fed).
std::vector<Slot> shared_slots(std::vector<Slot> all, const std::vector<std::string>& babies) {
    if (all.size() < 2) return all;
    std::sort(all.begin(), all.end(), [](const Slot& a, const Slot& b) { return a.minute < b.minute; });
    std::size_t start = 0;
    int widest = -1;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Slot& before = all[(i + all.size() - 1) % all.size()];
        const int gap = (all[i].minute - before.minute + 24 * 60) % (24 * 60);
        if (gap > widest || (i == 0 && gap == 0)) {
            widest = gap;
            start = i;
        }
    }
    std::rotate(all.begin(), all.begin() + static_cast<long>(start), all.end());
    std::vector<Slot> out;
    for (const Slot& s : all) {
        if (!out.empty()) {
            Slot& group = out.back();
            const int apart = (s.minute - group.minute + 24 * 60) % (24 * 60);
            const bool has_baby = std::any_of(group.babies.begin(), group.babies.end(), [&](const std::string& b) {
                return std::find(s.babies.begin(), s.babies.end(), b) != s.babies.end();
            });
            if (apart <= shared_feed_minutes && !has_baby) {
                group.amount = group.amount + s.amount;
                group.seen = std::min(group.seen, s.seen);
                group.estimated = group.estimated || s.estimated;
                group.babies.insert(group.babies.end(), s.babies.begin(), s.babies.end());
                group.baby_amounts.insert(group.baby_amounts.end(), s.baby_amounts.begin(), s.baby_amounts.end());
                continue;
            }
        }
        out.push_back(s);
    }
    const auto rank = [&](const std::string& baby) {
        return std::find(babies.begin(), babies.end(), baby) - babies.begin();
    };
    for (Slot& group : out) {
        if (group.babies.size() < 2 || group.baby_amounts.size() != group.babies.size()) continue;
        std::vector<std::size_t> order(group.babies.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return rank(group.babies[a]) < rank(group.babies[b]); });
        const Slot fed = group;
        for (std::size_t i = 0; i < order.size(); ++i) {
            group.babies[i] = fed.babies[order[i]];
            group.baby_amounts[i] = fed.baby_amounts[order[i]];
        }
    }
    std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) { return a.minute < b.minute; });
    return out;
}

// One piece of advice per kind: a second baby's adds its counts and volumes.
void add_advice(std::vector<PlanAdvice>& all, const PlanAdvice& a) {
    for (PlanAdvice& b : all)
        if (b.kind == a.kind) {
            b.count += a.count;
            b.at_breast += a.at_breast;
            b.bottles += a.bottles;
            b.measured += a.measured;
            b.own_slots += a.own_slots;
            b.babies += a.babies;
            b.daily = b.daily + a.daily;
            b.feedings += a.feedings;
            b.rough = b.rough || a.rough;
            b.extrapolated = b.extrapolated || a.extrapolated;
            b.capped = b.capped || a.capped;
            b.fewest_feeds = std::max(b.fewest_feeds, a.fewest_feeds);
            return;
        }
    all.push_back(a);
}

// The intake estimate of several babies told as the plan's slots are: each baby's share, then the slots
// holding their feeds (a joint one, where twins fed within shared_feed_minutes, once, counting their shares
// added), so the feeds a day and the amount a feed the advice gives are the slots' (not 12 feeds of 131 ml
// where the plan has 6 joint slots of 262 ml).
void describe_shared_intake(PlanCadence& out, std::vector<IntakeShare> shares) {
    const auto intake = std::find_if(out.advice.begin(), out.advice.end(),
                                     [](const PlanAdvice& a) { return a.kind == AdviceKind::estimated_intake; });
    if (intake == out.advice.end()) return;
    int held = 0, joint = 0;
    std::optional<long> same;  // what every slot counts, in tenths of ml, while they all count the same
    bool differ = false;
    for (const Slot& slot : out.cadence.slots) {
        int estimated = 0;
        Volume sum;
        // Each baby's share as estimated (its per_feed), not the slot's amount in shown steps (98 or 99 ml of
        // a 98.5 ml share, one_baby), so slots of the same babies count alike.
        for (std::size_t i = 0; i < slot.babies.size() && i < slot.baby_amounts.size(); ++i) {
            const auto share = std::find_if(shares.begin(), shares.end(),
                                            [&](const IntakeShare& s) { return s.baby == slot.babies[i]; });
            if (share == shares.end()) continue;
            ++estimated;
            sum = sum + share->per_feed;
        }
        if (estimated == 0) continue;
        ++held;
        if (estimated > 1) ++joint;
        const long ml = std::lround(sum.ml() * 10);
        if (same && *same != ml) differ = true;
        same = ml;
    }
    intake->feedings = held;
    intake->joint = joint;
    intake->slot_amount = same && !differ ? std::optional<Volume>(Volume::from_ml(static_cast<double>(*same) / 10))
                                          : std::nullopt;
    intake->shares = std::move(shares);
}

}  // namespace

SlotAmounts slot_amounts_for(PlanMode mode) {
    return mode == PlanMode::exclusive ? SlotAmounts::share_of_day : SlotAmounts::own;
}

std::optional<int> day_since_birth(const std::vector<Entry>& entries, const Settings& settings,
                                   const date::time_zone* zone, date::sys_days day) {
    if (!settings.birth) return std::nullopt;
    date::sys_days born = date::sys_days(*settings.birth);
    Seconds first = Seconds::max();
    for (const Entry& e : entries)
        if (e.type == EntryType::feed && feed_counts_against_birth(settings, e.baby))
            first = std::min(first, e.at.instant);
    if (first != Seconds::max()) born = std::min(born, local_day(first, zone));
    return std::max(0, static_cast<int>((day - born).count()));
}

PlanCadence plan_cadence(const std::vector<Entry>& entries, const Settings& settings, const date::time_zone* zone,
                         Seconds since, Seconds until, SlotAmounts amounts, std::optional<date::sys_days> age_on) {
    // The babies the window's feeds name (no copy of them: plan next is read often).
    std::vector<std::string> babies;
    int unnamed = 0;  // the window's feeds without a name
    Seconds last_unnamed = Seconds::min(), first_named = Seconds::max();
    for (const Entry& e : entries) {
        if (e.type != EntryType::feed || e.at.instant < since || e.at.instant >= until) continue;
        const std::string_view name = baby_of(e);
        if (name.empty()) {
            ++unnamed;
            last_unnamed = std::max(last_unnamed, e.at.instant);
            continue;
        }
        first_named = std::min(first_named, e.at.instant);
        if (std::none_of(babies.begin(), babies.end(), [&](const std::string& b) { return same_baby(b, name); }))
            babies.emplace_back(name);
    }
    // One name or none (an imported history, then feeds logged without one):
    // one baby, and nothing changes. But with two babies or more configured, feeds without a name are no
    // one baby's (pumplog(5)): beside the one named, they are a baby of their own.
    // With several babies configured a refusal names the one whose feeds these are (plan --baby's, or the
    // journal's one name): a feed logged without --baby is refused then.
    const bool unnamed_apart =
        unnamed > 0 && babies.size() == 1 && settings.babies.size() >= 2 && settings.feeds_of.empty();
    if (babies.size() < 2 && !unnamed_apart) {
        const bool named = settings.feeds_of.empty() && babies.size() == 1 && settings.babies.size() >= 2;
        return one_baby(entries, settings, zone, since, until, amounts, age_on,
                        named ? babies.front() : settings.feeds_of);
    }
    // The order slots name them in: as `config set babies "Ada, Ben"` lists them, then any other as
    // first seen; feeds without a name beside two named babies are a baby of their own, unnamed, last.
    const auto configured = [&](const std::string& baby) {
        return std::find_if(settings.babies.begin(), settings.babies.end(),
                            [&](const std::string& b) { return same_baby(b, baby); }) -
               settings.babies.begin();
    };
    std::stable_sort(babies.begin(), babies.end(),
                     [&](const std::string& a, const std::string& b) { return configured(a) < configured(b); });
    // Feeds without a name that all came before the first named one were logged before the babies were named
    // (config set babies, then --baby on every feed): they are the same babies' feeds, not one more baby's
    // (review: twins logged unnamed, then named, planned as three, their need doubled). Once every named baby
    // has days enough to learn from they are left out; until then the plan learns from every feed together, as
    // before the naming, and the basis says which.
    const bool named_later = unnamed > 0 && !babies.empty() && settings.babies.size() >= 2 &&
                             settings.feeds_of.empty() && last_unnamed < first_named;
    const date::sys_days named_from = local_day(first_named, zone);
    PlanCadence out;
    if (named_later) {
        out.cadence.basis.notes.push_back(fmt::format(
            "{} before {} {} no baby's name: logged before the babies were named, {} left out", plural(unnamed, "feed"),
            format_date(named_from), unnamed == 1 ? "carries" : "carry", unnamed == 1 ? "it is" : "they are"));
    } else if (unnamed > 0) {
        babies.emplace_back();
        // Said plainly: they are planned apart from every named baby until they are named.
        out.cadence.basis.notes.push_back(
            fmt::format("{} {} no baby's name, so {} planned as one more baby; name {} with pumplog log edit REF "
                        "--baby NAME",
                        plural(unnamed, "feed"), unnamed == 1 ? "carries" : "carry",
                        unnamed == 1 ? "it is" : "they are", unnamed == 1 ? "it" : "each"));
    }
    // Each baby's cadence from its own feeds (the pumps are everyone's), then one day of slots.
    std::vector<Slot> slots;
    std::vector<IntakeShare> shares;  // the babies whose feeds had no amount: each one's norm over its feeds
    std::optional<Error> first_error;
    for (const std::string& baby : babies) {
        std::vector<Entry> own;
        own.reserve(entries.size());
        for (const Entry& e : entries)
            if (e.type != EntryType::feed || (baby.empty() ? baby_of(e).empty() : same_baby(e.baby, baby)))
                own.push_back(e);
        const std::string who = baby.empty() ? "feeds without a baby's name" : baby;
        PlanCadence learned;
        try {
            learned = one_baby(own, settings, zone, since, until, amounts, age_on, baby);
        } catch (const Error& error) {
            if (!first_error) first_error = error;
            out.cadence.basis.notes.push_back(fmt::format("{}: not planned for ({})", who, error.what()));
            out.cadence.basis.not_planned.push_back(NotPlanned{baby, error.what()});
            continue;
        }
        out.cadence.basis.babies.push_back(baby);
        for (Slot s : learned.cadence.slots) {
            s.babies = {baby};
            s.baby_amounts = {s.amount};
            slots.push_back(std::move(s));
        }
        Cadence& c = out.cadence;
        c.feedings_per_day += learned.cadence.feedings_per_day;
        c.basis.feeds += learned.cadence.basis.feeds;
        c.basis.merged += learned.cadence.basis.merged;
        c.basis.days = std::max(c.basis.days, learned.cadence.basis.days);
        c.basis.since = learned.cadence.basis.since;
        c.basis.until = learned.cadence.basis.until;
        for (const auto& note : learned.cadence.basis.notes) c.basis.notes.push_back(fmt::format("{}: {}", who, note));
        for (const auto day : learned.cadence.incomplete_days)
            if (std::find(c.incomplete_days.begin(), c.incomplete_days.end(), day) == c.incomplete_days.end())
                c.incomplete_days.push_back(day);
        for (const PlanAdvice& a : learned.advice) {
            add_advice(out.advice, a);
            if (a.kind == AdviceKind::estimated_intake)
                shares.push_back({baby, static_cast<int>(std::lround(a.feedings)), a.per_feed, a.age_days,
                                  a.per_baby_daily, a.text, a.rough, a.extrapolated, a.day, a.birth_assumed,
                                  a.birth_after_first_feed, !settings.births.empty()});
        }
        out.estimated = out.estimated || learned.estimated;
    }
    if (named_later && first_error) {
        // A named baby has too few days yet: every feed, named or not, as one baby's (the babies together).
        PlanCadence together = one_baby(entries, settings, zone, since, until, amounts, age_on, "");
        together.cadence.basis.notes.insert(
            together.cadence.basis.notes.begin(),
            fmt::format("the babies are named from {} on: until each has days enough to learn from, the plan "
                        "learns from every feed together, {} without a name",
                        format_date(named_from), plural(unnamed, "feed")));
        return together;
    }
    if (slots.empty() && first_error) throw *first_error;
    std::sort(out.cadence.incomplete_days.begin(), out.cadence.incomplete_days.end());
    out.cadence.slots = shared_slots(std::move(slots), babies);
    describe_shared_intake(out, std::move(shares));
    return out;
}

std::string fill_words(const PlanCadence& learned) {
    if (std::any_of(learned.advice.begin(), learned.advice.end(),
                    [](const PlanAdvice& a) { return a.kind == AdviceKind::estimated_intake; }))
        return {};
    for (const std::string& note : learned.cadence.basis.notes)
        if (note.find(" without an amount counted at the bottle average") != std::string::npos ||
            note.find(" without an amount counted at your average pump") != std::string::npos)
            return note;
    return {};
}

std::string no_amount_words(const PlanAdvice& a, const PlanBasis& basis) {
    // Every baby planned for is estimated, and none is left out: no feed the plan could read has an amount.
    // A few have one: too few to stand for the rest (one_baby).
    if (a.shares.empty() || (basis.not_planned.empty() && a.shares.size() >= basis.babies.size()))
        return a.measured > 0 ? fmt::format("only {} of the {} feeds {} an amount", a.measured, a.count + a.measured,
                                            a.measured == 1 ? "has" : "have")
                              : "no feed has an amount";
    std::vector<std::string> whose;
    for (const IntakeShare& s : a.shares)
        whose.push_back(s.baby.empty() ? std::string("the feeds without a name") : s.baby + "'s feeds");
    // "Zoë's feeds have no amount": the estimate is Zoë's alone (the other baby's feeds are measured, or
    // it is not planned for).
    return and_list(whose) + (a.measured > 0 ? " have too few amounts" : " have no amount");
}

PlanCadence away_plan_cadence(const std::vector<Entry>& entries, const Settings& settings, const Clock& clock,
                              std::string_view command, date::sys_days first_day, SlotAmounts amounts) {
    if (settings.mode == PlanMode::away && settings.away.empty())
        throw usage_error(fmt::format("{} needs the hours you will be away: set them with pumplog config set away "
                                      "\"mon-fri 08:00-17:30\" (or give --away)",
                                      command));
    // After a break in logging, the last days logged, as plan learns them (learning_since).
    const Seconds window = plan_lookback_since(clock.now, first_day, settings.lookback_days, clock.zone);
    const Seconds since = learning_since(entries, settings, window, clock.now, clock.zone);
    return plan_cadence(entries, settings, clock.zone, since, clock.now, amounts, first_day);
}

}  // namespace pumplog
