#include "timetable.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

#include "pumplog/calendar.hpp"
#include "zone_memo.hpp"

namespace pumplog::timetable {

using std::chrono::minutes;
using std::chrono::seconds;

// An overshoot up to this is closed by moving a pump rather than adding one.
constexpr seconds nudge_limit{30 * 60};
// Two pumps within this of min_gap apart are merged or kept apart as the week's reference timetable has
// them (draft_pumps with a reference): spreading a pair to min_gap moves each pump at most half of it
// (and the rounding to the grid).
constexpr seconds count_hold{30 * 60};

namespace {

bool inside(Seconds t, const std::vector<TimeSpan>& periods) {
    return std::any_of(periods.begin(), periods.end(), [&](const TimeSpan& p) { return p.contains(t); });
}

// The target-weighted mean time of a pump's covered feeds, feeds [first, last] of `covers` and `amounts` (the
// plain mean when nothing is known of the amounts).
Seconds mean_time(const std::vector<Seconds>& covers, const std::vector<Volume>& amounts, std::size_t first,
                  std::size_t last) {
    double total = 0;
    for (std::size_t i = first; i <= last; ++i) total += amounts[i].ml();
    const Seconds origin = covers[first];
    const auto n = static_cast<double>(last - first + 1);
    double offset = 0;
    for (std::size_t i = first; i <= last; ++i) {
        const double w = total > 0 ? amounts[i].ml() / total : 1.0 / n;
        offset += w * static_cast<double>((covers[i] - origin).count());
    }
    return origin + seconds(std::llround(offset));
}

Seconds clamp_into(Seconds t, const TimeSpan& p) { return std::clamp(t, p.begin, std::max(p.begin, p.end - seconds(1))); }

// A time rounded to the `round` grid, kept inside the period on the grid: a
// time past its end goes to the last grid time before the end (17:20 rounded
// up to a window's 17:30 end becomes 17:00 with round 30m, not 17:29:59), one
// before its start to the first grid time in it; a period with no grid time
// at all keeps clamp_into's time.
Seconds round_into(Seconds t, const TimeSpan& p, minutes round, const ZoneMemo& zone) {
    const Seconds r = round_to(t, round, zone);
    if (p.contains(r)) return r;
    const seconds step = std::max(minutes(1), round);
    Seconds g = round_to(r < p.begin ? p.begin : p.end - seconds(1), round, zone);
    if (r < p.begin && g < p.begin) g += step;
    if (r >= p.end && g >= p.end) g -= step;
    return p.contains(g) ? g : clamp_into(r, p);
}

// A milk removal: a pump (its draft) or a feed at the breast (draft -1).
struct Removal {
    Seconds at;
    int draft;
};

// The feeds at the breast (outside the periods), in the feeds' order: the
// same for every pass over one timetable, so found once.
std::vector<Seconds> at_home(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods) {
    std::vector<Seconds> out;
    for (const auto& f : feeds)
        if (!inside(f.at, periods)) out.push_back(f.at);
    return out;
}

std::vector<Removal> sequence(const std::vector<Seconds>& home, const std::vector<Draft>& drafts) {
    std::vector<Removal> out;
    out.reserve(home.size() + drafts.size());
    for (const Seconds at : home) out.push_back({at, -1});
    for (std::size_t i = 0; i < drafts.size(); ++i) out.push_back({drafts[i].at, static_cast<int>(i)});
    std::stable_sort(out.begin(), out.end(), [](const Removal& a, const Removal& b) { return a.at < b.at; });
    return out;
}

// The longest gap allowed between a and b: the night limit when the gap
// starts in the night window or its midpoint is in it.
bool is_night(Seconds a, Seconds b, const Options& options, const ZoneMemo& zone) {
    return options.night.contains(zone.minute_of_day(a)) || options.night.contains(zone.minute_of_day(a + (b - a) / 2));
}
seconds limit_of(Seconds a, Seconds b, const Options& options, const ZoneMemo& zone) {
    return is_night(a, b, options, zone) ? options.max_gap_night : options.max_gap_day;
}

// Adds pumps to split each gap longer than its limit plus `slack`, at equal
// spacing; only where a new pump falls in an away period (a long gap at home
// is the baby's own rhythm).
void split_long_gaps(std::vector<Draft>& drafts, const std::vector<Seconds>& home, const std::vector<TimeSpan>& periods,
                     const Options& options, const ZoneMemo& zone, seconds slack) {
    const std::vector<Removal> seq = sequence(home, drafts);
    std::vector<Draft> added;
    // A gap within both limits is within its own, night or not: its limit is not looked up.
    const seconds shortest = std::min<seconds>(options.max_gap_day, options.max_gap_night);
    for (std::size_t i = 0; i + 1 < seq.size(); ++i) {
        const Seconds a = seq[i].at, b = seq[i + 1].at;
        const seconds gap = b - a;
        if (gap <= shortest + slack) continue;
        const seconds limit = limit_of(a, b, options, zone);
        if (gap <= limit + slack) continue;
        const auto pieces =
            static_cast<long>(std::ceil(static_cast<double>(gap.count()) / static_cast<double>(limit.count())));
        // This gap's last pump in a window, and whether a piece after it fell past that window's end with
        // no time in it that keeps its gaps.
        const std::size_t first_added = added.size();
        bool beyond = false;
        for (long j = 1; j < pieces; ++j) {
            Seconds t = round_to(a + gap * j / pieces, options.round, zone);
            // A time out of the away window the gap reaches into goes to the window's nearest time on
            // the grid (from the 11:00 pump to the feed at home at 17:00, a window ending at 14:00: a
            // pump at 13:55 keeps both gaps within 4 h, where the middle, 14:00, is at home).
            if (!inside(t, periods)) {
                const TimeSpan* nearest = nullptr;
                seconds best = seconds::max();
                for (const TimeSpan& p : periods) {
                    if (p.end <= a || p.begin >= b) continue;
                    const seconds d = t < p.begin ? p.begin - t : t >= p.end ? t - p.end : seconds(0);
                    if (d < best) {
                        best = d;
                        nearest = &p;
                    }
                }
                // Only where it keeps both its gaps, or nearly (within nudge_limit: from a 12:45 pump to
                // a feed at home at 19:15, a window ending at 15:45, 15:40 leaves 3 h 35 min, not
                // 6 h 30): a long night at home before the window (23:17 to a pump at 08:15) is the
                // baby's own rhythm, not a gap a pump at 08:00 would keep.
                if (nearest) {
                    const Seconds moved = round_into(t, *nearest, options.round, zone);
                    if (moved > a && moved < b && moved - a <= limit_of(a, moved, options, zone) + nudge_limit &&
                        b - moved <= limit_of(moved, b, options, zone) + nudge_limit)
                        t = moved;
                }
            }
            if (!inside(t, periods) || t <= a || t >= b) {
                beyond = beyond || (added.size() > first_added && t > added.back().at);
                continue;
            }
            if (std::any_of(added.begin(), added.end(), [&](const Draft& d) { return d.at == t; })) continue;
            Draft d;
            d.at = t;
            d.night = is_night(a, b, options, zone);
            added.push_back(d);
        }
        // A gap no pump in the window can keep (it reaches past the window's end to the feed after it, more
        // than the limit after the window) gets its last pump at the window's end when that keeps the gap
        // before it (a 16:25 pump, a window ending 17:30, the feed at home at 18:58, max_gap_day 1h: 17:25,
        // not 17:15); the gap after it stays over its limit.
        if (beyond && added.size() > first_added && !inside(b, periods)) {
            Draft& last = added.back();
            const auto window = std::find_if(periods.begin(), periods.end(),
                                             [&](const TimeSpan& p) { return p.contains(last.at); });
            const Seconds before = added.size() - first_added > 1 ? added[added.size() - 2].at : a;
            if (window != periods.end()) {
                const Seconds end = round_into(window->end, *window, options.round, zone);
                if (end > last.at && end < b && end - before <= limit_of(before, end, options, zone) &&
                    std::none_of(added.begin(), added.end(), [&](const Draft& d) { return d.at == end; }))
                    last.at = end;
            }
        }
    }
    drafts.insert(drafts.end(), added.begin(), added.end());
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
}

seconds ceil_to_step(seconds s, minutes round) {
    const long step = std::max<long>(60, static_cast<long>(round.count()) * 60);
    return seconds((s.count() + step - 1) / step * step);
}

// A gap a little over its limit is closed by moving the pump at one end
// toward the other (the later one earlier, else the earlier one later), when
// the gap on its other side stays within its own limit.
void nudge(std::vector<Draft>& drafts, const std::vector<Seconds>& home, const std::vector<TimeSpan>& periods,
           const Options& options, const ZoneMemo& zone) {
    std::vector<Removal> seq = sequence(home, drafts);
    // A gap within both limits is within its own, night or not: its limit is not looked up.
    const seconds shortest = std::min<seconds>(options.max_gap_day, options.max_gap_night);
    for (std::size_t i = 0; i + 1 < seq.size(); ++i) {
        if (seq[i + 1].at - seq[i].at <= shortest) continue;
        const seconds over = (seq[i + 1].at - seq[i].at) - limit_of(seq[i].at, seq[i + 1].at, options, zone);
        if (over <= seconds(0) || over > nudge_limit) continue;
        const seconds shift = ceil_to_step(over, options.round);
        Removal& a = seq[i];
        Removal& b = seq[i + 1];
        if (b.draft >= 0) {
            const Seconds moved = b.at - shift;
            const bool fits =
                i + 2 >= seq.size() || seq[i + 2].at - moved <= limit_of(moved, seq[i + 2].at, options, zone);
            if (fits && moved > a.at && inside(moved, periods)) {
                drafts[static_cast<std::size_t>(b.draft)].at = b.at = moved;
                continue;
            }
        }
        if (a.draft >= 0) {
            const Seconds moved = a.at + shift;
            const bool fits = i == 0 || moved - seq[i - 1].at <= limit_of(seq[i - 1].at, moved, options, zone);
            if (fits && moved < b.at && inside(moved, periods))
                drafts[static_cast<std::size_t>(a.draft)].at = a.at = moved;
        }
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
}

// A period whose pumps came closer than min_gap (a pump added for the longest
// gap, or moved to close one) is re-spaced, its pumps in order, so that every
// two are min_gap apart and every gap from the milk removal before the first to
// the one after the last stays within its limit (SPEC 5: merged or split to
// honour the gaps): the feasible interval of each pump is found forwards and
// backwards, then each takes its own time when it can, else the nearest one
// left; each covered feed then goes to the nearest pump of the period. When
// a period shorter than a day (an absence) holds more pumps than fit min_gap
// apart, the pumps added for a long gap go (the one nearest another pump
// first) until the rest fit, and then while fewer still keep every gap: the
// fewest pumps that keep both
// (a 9 h 30 min work day between feeds at 06:30 and 18:30, feeds at 09:30,
// 12:30 and 15:30, max_gap_day 2h30m, min_gap 2h: 09:00, 11:30, 14:00 and
// 16:30, not 7 pumps 1 h 30 min apart). When no such times exist the pumps
// stay (the longest gap wins; the planner says so).
void keep_min_gap(std::vector<Draft>& drafts, const std::vector<Seconds>& home, const std::vector<TimeSpan>& periods,
                  const Options& options, const ZoneMemo& zone) {
    const long step = std::max<long>(1, options.round.count()) * 60;
    const auto floor_grid = [&](long x) { return x >= 0 ? x / step * step : -((-x + step - 1) / step) * step; };
    const auto ceil_grid = [&](long x) { return -floor_grid(-x); };
    const long gap = ceil_to_step(options.min_gap, options.round).count();
    const auto count = [](Seconds t) { return t.time_since_epoch().count(); };
    for (const TimeSpan& p : periods) {
        std::vector<std::size_t> mine;
        for (std::size_t i = 0; i < drafts.size(); ++i)
            if (p.contains(drafts[i].at)) mine.push_back(i);
        bool close = false;
        for (std::size_t i = 0; i + 1 < mine.size(); ++i)
            close = close || drafts[mine[i + 1]].at - drafts[mine[i]].at < options.min_gap;
        if (!close) continue;
        // The milk removals outside the period (feeds at home, other periods' pumps).
        std::vector<Seconds> outside = home;
        for (const Draft& d : drafts)
            if (!p.contains(d.at)) outside.push_back(d.at);
        std::sort(outside.begin(), outside.end());
        // The times of the pumps `kept` (in order) keeping min_gap and every limit, or nullopt.
        const auto fit = [&](const std::vector<std::size_t>& kept) -> std::optional<std::vector<Seconds>> {
            const std::size_t n = kept.size();
            // The milk removals just before the first pump and just after the last.
            std::optional<Seconds> before, after;
            for (const Seconds r : outside) {
                if (r < drafts[kept.front()].at) before = r;
                if (r > drafts[kept.back()].at && !after) after = r;
            }
            std::vector<long> lo(n), hi(n), limit(n);  // limit[i]: from pump i to the next removal
            for (std::size_t i = 0; i < n; ++i) {
                const Seconds a = drafts[kept[i]].at;
                const std::optional<Seconds> b = i + 1 < n ? std::optional(drafts[kept[i + 1]].at) : after;
                limit[i] = b ? floor_grid(limit_of(a, *b, options, zone).count()) : std::numeric_limits<long>::max() / 4;
            }
            const long first = ceil_grid(count(p.begin)), last = floor_grid(count(p.end) - 1);
            lo[0] = first;
            hi[0] = last;
            // The gap from the removal before (to the one after) is kept when a pump in the period can
            // keep it; else the first pump is at the period's start (the last at its end), as near as it gets.
            if (before)
                hi[0] = std::min(hi[0], std::max(first, floor_grid(count(*before) +
                                                                   limit_of(*before, drafts[kept[0]].at, options,
                                                                            zone).count())));
            for (std::size_t i = 1; i < n; ++i) {
                lo[i] = std::max(first, lo[i - 1] + gap);
                hi[i] = std::min(last, hi[i - 1] + limit[i - 1]);
            }
            if (after) lo[n - 1] = std::max(lo[n - 1], std::min(last, ceil_grid(count(*after) - limit[n - 1])));
            for (std::size_t i = n - 1; i > 0; --i) {
                lo[i - 1] = std::max(lo[i - 1], lo[i] - limit[i - 1]);
                hi[i - 1] = std::min(hi[i - 1], hi[i] - gap);
            }
            for (std::size_t i = 0; i < n; ++i)
                if (lo[i] > hi[i] || (i + 1 < n && gap > limit[i])) return std::nullopt;
            std::vector<Seconds> at(n);
            for (std::size_t i = 0; i < n; ++i) {
                const long own = count(drafts[kept[i]].at);
                const long from = i == 0 ? lo[i] : std::max(lo[i], count(at[i - 1]) + gap);
                const long to = i == 0 ? hi[i] : std::min(hi[i], count(at[i - 1]) + limit[i - 1]);
                at[i] = Seconds(seconds(std::clamp(own, from, to)));
            }
            return at;
        };
        // `kept` without the pump added for a long gap (it covers no feed) nearest another pump, or nullopt.
        const auto without_added = [&](const std::vector<std::size_t>& kept) -> std::optional<std::vector<std::size_t>> {
            std::optional<std::size_t> best;
            seconds nearest{};
            for (std::size_t k = 0; k < kept.size() && kept.size() > 1; ++k) {
                if (!drafts[kept[k]].covers.empty()) continue;
                seconds d = seconds::max();
                if (k > 0) d = std::min(d, drafts[kept[k]].at - drafts[kept[k - 1]].at);
                if (k + 1 < kept.size()) d = std::min(d, drafts[kept[k + 1]].at - drafts[kept[k]].at);
                if (!best || d < nearest) {
                    best = k;
                    nearest = d;
                }
            }
            if (!best) return std::nullopt;
            std::vector<std::size_t> fewer = kept;
            fewer.erase(fewer.begin() + static_cast<long>(*best));
            return fewer;
        };
        std::vector<std::size_t> kept = mine;
        std::optional<std::vector<Seconds>> at = fit(kept);
        // A period of whole days (pumping exclusively) that is crowded is laid out on the clock and
        // repeated (repeat_daily_when_crowded): its pumps are not dropped here.
        if (p.end - p.begin < date::days(1)) {
            while (!at) {
                const auto fewer = without_added(kept);
                if (!fewer) break;
                kept = *fewer;
                at = fit(kept);
            }
            if (!at) continue;
            // Crowded, then re-spaced: the fewest pumps that keep both (a pump added at the window's
            // start for the gap before it and the pump of the feed 30 minutes later are one pump), but
            // never fewer than the window's feeds: a pump for each feed, as the baby would feed.
            std::size_t feeds_in = 0;
            for (const std::size_t i : mine) feeds_in += drafts[i].covers.size();
            for (auto fewer = without_added(kept); fewer && fewer->size() >= feeds_in; fewer = without_added(kept)) {
                auto fewer_at = fit(*fewer);
                if (!fewer_at) break;
                kept = std::move(*fewer);
                at = std::move(fewer_at);
            }
        }
        if (!at) continue;
        const std::size_t n = kept.size();
        // Each covered feed to the nearest pump (the earlier on a tie).
        struct Covered {
            Seconds at;
            Volume amount;
            bool estimated;
        };
        std::vector<Covered> covered;
        for (const std::size_t i : mine) {
            Draft& d = drafts[i];
            for (std::size_t c = 0; c < d.covers.size(); ++c)
                covered.push_back({d.covers[c], d.amounts[c], d.estimated});
            d.covers.clear();
            d.amounts.clear();
            d.target = Volume{};
            d.estimated = false;
        }
        for (std::size_t i = 0; i < n; ++i) drafts[kept[i]].at = (*at)[i];
        for (const Covered& f : covered) {
            std::size_t best = 0;
            const auto distance = [&](std::size_t i) { return (*at)[i] > f.at ? (*at)[i] - f.at : f.at - (*at)[i]; };
            for (std::size_t i = 1; i < n; ++i)
                if (distance(i) < distance(best)) best = i;
            Draft& d = drafts[kept[best]];
            d.covers.push_back(f.at);
            d.amounts.push_back(f.amount);
            d.target += f.amount;
            d.estimated = d.estimated || f.estimated;
        }
        // The pumps left out: gone (from the back, so the indexes before stay).
        for (auto i = mine.rbegin(); i != mine.rend(); ++i)
            if (std::find(kept.begin(), kept.end(), *i) == kept.end()) drafts.erase(drafts.begin() + static_cast<long>(*i));
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
}

}  // namespace

Seconds round_to(Seconds at, minutes step, const date::time_zone* zone) { return round_to(at, step, ZoneMemo(zone)); }

Seconds round_to(Seconds at, minutes step, const ZoneMemo& zone) {
    const LocalSeconds local = zone.to_local(at);
    const long n = std::max<long>(1, step.count());
    const long m = date::round<minutes>(local.time_since_epoch()).count();
    // Half-way rounds up: the nearest multiple of n.
    const long down = m >= 0 ? m / n * n : -((-m + n - 1) / n) * n;
    const long rounded = m - down >= (n + 1) / 2 ? down + n : down;
    return zone.to_instant(LocalSeconds(minutes(rounded)));
}

namespace {

// The pumps of one period, in time order (the drafts are sorted).
std::vector<const Draft*> pumps_in(const std::vector<Draft>& drafts, const TimeSpan& p) {
    std::vector<const Draft*> out;
    for (const auto& d : drafts)
        if (p.contains(d.at)) out.push_back(&d);
    return out;
}

}  // namespace

bool near_reference(const std::vector<Draft>& drafts, const std::vector<Draft>& reference, const TimeSpan& period,
                    minutes tolerance) {
    const std::vector<const Draft*> mine = pumps_in(drafts, period), theirs = pumps_in(reference, period);
    if (mine.empty() || mine.size() != theirs.size()) return false;
    for (std::size_t i = 0; i < mine.size(); ++i)
        if (mine[i]->at - theirs[i]->at > tolerance || theirs[i]->at - mine[i]->at > tolerance) return false;
    return true;
}

std::vector<TimeSpan> snap_to(std::vector<Draft>& drafts, const std::vector<Draft>& reference,
                              const std::vector<TimeSpan>& periods, minutes tolerance) {
    std::vector<TimeSpan> not_snapped;
    for (const TimeSpan& p : periods) {
        if (!near_reference(drafts, reference, p, tolerance)) {
            if (std::any_of(drafts.begin(), drafts.end(), [&](const Draft& d) { return p.contains(d.at); }))
                not_snapped.push_back(p);
            continue;
        }
        // Each pump near its counterpart: it takes the counterpart's time and keeps its covers and target.
        const std::vector<const Draft*> theirs = pumps_in(reference, p);
        std::size_t i = 0;
        for (auto& d : drafts)
            if (p.contains(d.at)) {
                d.at = theirs[i]->at;
                d.moved = theirs[i]->moved;
                ++i;
            }
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
    return not_snapped;
}

void hold_to(std::vector<Draft>& drafts, const std::vector<Draft>& reference, const TimeSpan& period,
             const std::vector<Feed>& feeds) {
    struct Covered {
        Seconds at;
        Volume amount;
        bool estimated;
    };
    // A covered feed's own `estimated` (a draft's is any of its feeds'), found among the sorted feeds.
    const auto estimated = [&](Seconds at, bool otherwise) {
        const auto f = std::lower_bound(feeds.begin(), feeds.end(), at,
                                        [](const Feed& x, Seconds t) { return x.at < t; });
        return f != feeds.end() && f->at == at ? f->estimated : otherwise;
    };
    std::vector<Covered> covered;
    for (const Draft& d : drafts)
        if (period.contains(d.at))
            for (std::size_t i = 0; i < d.covers.size(); ++i)
                covered.push_back({d.covers[i], d.amounts[i], estimated(d.covers[i], d.estimated)});
    std::sort(covered.begin(), covered.end(), [](const Covered& a, const Covered& b) { return a.at < b.at; });
    std::vector<Draft> held;
    for (const Draft* r : pumps_in(reference, period)) {
        Draft h;
        h.at = r->at;
        h.moved = r->moved;
        h.night = r->night;
        held.push_back(std::move(h));
    }
    if (held.empty()) return;
    const auto distance = [](Seconds a, Seconds b) { return a > b ? a - b : b - a; };
    for (const Covered& f : covered) {
        std::size_t nearest = 0;
        for (std::size_t i = 1; i < held.size(); ++i)
            if (distance(held[i].at, f.at) < distance(held[nearest].at, f.at)) nearest = i;
        Draft& h = held[nearest];
        h.covers.push_back(f.at);
        h.amounts.push_back(f.amount);
        h.target += f.amount;
        h.estimated = h.estimated || f.estimated;
    }
    std::erase_if(drafts, [&](const Draft& d) { return period.contains(d.at); });
    // In time order: the held pumps (in the period, where no other pump is now) go in where the period
    // begins when both are in order already, as the stable sort would put them; else that sort.
    const auto earlier = [](const Draft& x, const Draft& y) { return x.at < y.at; };
    const bool in_order = std::is_sorted(drafts.begin(), drafts.end(), earlier) &&
                          std::is_sorted(held.begin(), held.end(), earlier);
    const auto at = in_order ? std::lower_bound(drafts.begin(), drafts.end(), held.front(), earlier) : drafts.end();
    drafts.insert(at, std::make_move_iterator(held.begin()), std::make_move_iterator(held.end()));
    if (!in_order) std::stable_sort(drafts.begin(), drafts.end(), earlier);
}

void cover_nearest(std::vector<Draft>& drafts, const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods) {
    struct Covered {
        Seconds at;
        Volume amount;
        bool estimated;
        const TimeSpan* period;  // its pump's (nullptr: in none, any pump may take it)
        std::size_t drafted;     // the draft that covered it
        std::optional<Seconds> to{};  // the pump it goes to
    };
    // A covered feed's own `estimated` (a draft's is any of its feeds'): the feed of `feeds` (sorted) at its time
    // not taken yet, the one of its amount first (twins' feeds at one instant, each its own slot's).
    std::vector<bool> taken(feeds.size(), false);
    const auto estimated = [&](Seconds at, Volume amount, bool otherwise) {
        const auto [lo, hi] = std::equal_range(feeds.begin(), feeds.end(), Feed{at, 0, Volume{}},
                                               [](const Feed& x, const Feed& y) { return x.at < y.at; });
        std::optional<std::size_t> pick;
        for (auto f = lo; f != hi; ++f) {
            const auto i = static_cast<std::size_t>(f - feeds.begin());
            if (taken[i]) continue;
            if (!pick) pick = i;
            if (f->amount == amount) {
                pick = i;
                break;
            }
        }
        if (!pick) return otherwise;
        taken[*pick] = true;
        return feeds[*pick].estimated;
    };
    const auto period_of = [&](Seconds t) -> const TimeSpan* {
        const auto p = std::find_if(periods.begin(), periods.end(), [&](const TimeSpan& x) { return x.contains(t); });
        return p != periods.end() ? &*p : nullptr;
    };
    std::vector<Covered> covered;
    for (std::size_t k = 0; k < drafts.size(); ++k) {
        const Draft& d = drafts[k];
        const TimeSpan* period = period_of(d.at);
        for (std::size_t i = 0; i < d.covers.size(); ++i)
            covered.push_back({d.covers[i], d.amounts[i], estimated(d.covers[i], d.amounts[i], d.estimated), period,
                               k});
    }
    if (covered.empty()) return;
    std::vector<bool> drafted_for_feeds(drafts.size(), false);
    for (const Covered& f : covered) drafted_for_feeds[f.drafted] = true;
    std::stable_sort(covered.begin(), covered.end(), [](const Covered& a, const Covered& b) { return a.at < b.at; });
    for (Draft& d : drafts) {
        d.covers.clear();
        d.amounts.clear();
        d.target = Volume{};
        d.estimated = false;
    }
    for (Covered& f : covered) {
        std::optional<std::size_t> nearest;
        const auto distance = [&](std::size_t i) {
            return drafts[i].at > f.at ? drafts[i].at - f.at : f.at - drafts[i].at;
        };
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            if (f.period && !f.period->contains(drafts[i].at)) continue;
            if (!nearest || distance(i) < distance(*nearest) ||
                (distance(i) == distance(*nearest) && drafts[i].at < drafts[*nearest].at))
                nearest = i;
        }
        if (!nearest) continue;  // its pump is in its period: never
        Draft& d = drafts[*nearest];
        d.covers.push_back(f.at);
        d.amounts.push_back(f.amount);
        d.target += f.amount;
        d.estimated = d.estimated || f.estimated;
        f.to = d.at;
    }
    // A pump drafted for feeds that all went to nearer pumps: not a gap's pump; it says where they went.
    for (const Covered& f : covered) {
        Draft& d = drafts[f.drafted];
        if (!d.covers.empty() || !drafted_for_feeds[f.drafted]) continue;
        d.lost.push_back(f.at);
        if (f.to && std::find(d.lost_to.begin(), d.lost_to.end(), *f.to) == d.lost_to.end())
            d.lost_to.push_back(*f.to);
    }
}

void ease_spring_forward(std::vector<Draft>& drafts, const std::vector<Feed>& feeds,
                         const std::vector<TimeSpan>& periods, const Options& options, const date::time_zone* zone) {
    const ZoneMemo memo(zone);
    const seconds step = std::max(minutes(1), options.round);
    std::vector<Seconds> home;  // found when a pump needs them (a spring-forward night, rarely)
    for (std::size_t i = 0; i + 1 < drafts.size(); ++i) {
        Draft& d = drafts[i];
        const Seconds next = drafts[i + 1].at;
        if (next - d.at >= options.min_gap) continue;  // (spacing's real hours, found first: the common case)
        // Closer than min_gap in real hours as the change brought them: one it moved, or two it falls between
        // (00:15 and 03:15 are 2 real hours apart that night), laid out min_gap apart on the wall clock. Two
        // the timetable itself laid out closer are min_gap_conflict's.
        const auto laid_out = [&](const Draft& x) { return memo.to_local(x.at) - x.moved; };
        const Spacing apart = spacing(d.at, laid_out(d), next, laid_out(drafts[i + 1]));
        if (d.moved <= seconds(0) && apart.wall < options.min_gap) continue;
        const auto period =
            std::find_if(periods.begin(), periods.end(), [&](const TimeSpan& p) { return p.contains(d.at); });
        if (period == periods.end()) continue;
        // The latest time on the grid min_gap or more before the next pump (after the change, real hours are
        // the wall clock's), at least min_gap after the pump before.
        Seconds t = round_to(next - options.min_gap, options.round, memo);
        if (next - t < options.min_gap) t -= step;
        if (period->contains(t) && (i == 0 || t - drafts[i - 1].at >= options.min_gap)) {
            d.at = t;
            d.moved = seconds(0);
            continue;
        }
        // Else one pump for both, at the next one's time, when the gap from the milk removal before keeps
        // its limit.
        if (home.empty()) home = at_home(feeds, periods);
        std::optional<Seconds> before;
        if (i > 0) before = drafts[i - 1].at;
        for (const Seconds h : home)
            if (h < d.at && (!before || h > *before)) before = h;
        if (before && next - *before > limit_of(*before, next, options, memo)) {
            // Else the next pump goes forward to the earliest time on the grid min_gap or more after this one,
            // at least min_gap before the pump after it, inside its period (22:30, 01:30 and 05:00 with min_gap
            // 3h: 05:30, 3 real hours after 01:30 and before 08:30); else this one goes back as far as the pump
            // before allows too (21:35, 00:50 and 04:20, then 07:45: 00:35 and 04:35).
            Draft& b = drafts[i + 1];
            const auto later = std::find_if(periods.begin(), periods.end(),
                                            [&](const TimeSpan& p) { return p.contains(b.at); });
            const auto on_grid_after = [&](Seconds from) {
                Seconds u = round_to(from + options.min_gap, options.round, memo);
                if (u - from < options.min_gap) u += step;
                return u;
            };
            const auto fits = [&](Seconds u) {
                return later != periods.end() && later->contains(u) &&
                       (i + 2 >= drafts.size() || drafts[i + 2].at - u >= options.min_gap);
            };
            Seconds first = d.at, u = on_grid_after(first);
            if (!fits(u) && i > 0) {
                first = std::min(d.at, on_grid_after(drafts[i - 1].at));
                if (!period->contains(first)) first = d.at;
                u = on_grid_after(first);
            }
            if (fits(u)) {
                if (first != d.at) d.moved = seconds(0);
                d.at = first;
                b.at = u;
                b.moved = seconds(0);
            }
            continue;
        }
        Draft& b = drafts[i + 1];
        b.covers.insert(b.covers.begin(), d.covers.begin(), d.covers.end());
        b.amounts.insert(b.amounts.begin(), d.amounts.begin(), d.amounts.end());
        b.target += d.target;
        b.estimated = b.estimated || d.estimated;
        drafts.erase(drafts.begin() + static_cast<long>(i));  // drafts[i] is now the pump for both
    }
}

std::vector<Draft> pinned_pumps(const std::vector<int>& schedule, const std::vector<Feed>& feeds,
                                const std::vector<TimeSpan>& periods, Seconds from, Seconds to, const Options& options,
                                const date::time_zone* zone, std::vector<Feed>& uncovered) {
    const ZoneMemo memo(zone);
    std::vector<Draft> drafts;
    for (date::sys_days day = memo.local_day(from); day <= memo.local_day(to); day += date::days(1))
        for (int m : schedule) {
            const Seconds at = memo.to_instant(local_midnight(day) + minutes(m));
            if (at >= from && at < to && inside(at, periods)) drafts.push_back(Draft{at, Volume{}, {}, {}});
        }
    std::sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
    for (const auto& f : feeds) {
        const auto period = std::find_if(periods.begin(), periods.end(),
                                         [&](const TimeSpan& p) { return p.contains(f.at); });
        if (period == periods.end()) continue;
        Draft* nearest = nullptr;
        for (auto& d : drafts) {
            if (!period->contains(d.at)) continue;
            const auto distance = [&](const Draft& x) { return x.at > f.at ? x.at - f.at : f.at - x.at; };
            if (!nearest || distance(d) < distance(*nearest)) nearest = &d;
        }
        // One rule: a feed is covered (in the pump's covers and target) or
        // uncovered (its milk comes from the stash, the advice says), never both.
        if (!nearest || (nearest->at > f.at ? nearest->at - f.at : f.at - nearest->at) > options.min_gap) {
            uncovered.push_back(f);
            continue;
        }
        nearest->covers.push_back(f.at);
        nearest->amounts.push_back(f.amount);
        nearest->target += f.amount;
        nearest->estimated = nearest->estimated || f.estimated;
    }
    return drafts;
}

std::vector<int> day_layout(const std::vector<Draft>& drafts, date::sys_days day, const date::time_zone* zone) {
    const ZoneMemo memo(zone);
    std::vector<int> out;
    for (const auto& d : drafts)
        if (memo.local_day(d.at) == day) out.push_back(memo.minute_of_day(d.at));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<TimeSpan> away_periods(const std::vector<WeeklyWindow>& away, Seconds from, Seconds to,
                                 const date::time_zone* zone) {
    const ZoneMemo memo(zone);
    std::vector<TimeSpan> raw;
    for (date::sys_days day = memo.local_day(from) - date::days(1); day <= memo.local_day(to); day += date::days(1)) {
        const unsigned bit = 1u << (date::weekday(day).iso_encoding() - 1);
        for (const auto& w : away) {
            if (!(w.weekdays & bit)) continue;
            const LocalSeconds b = local_midnight(day) + minutes(w.hours.begin_min);
            LocalSeconds e = local_midnight(day) + minutes(w.hours.end_min);
            if (w.hours.end_min <= w.hours.begin_min) e += date::days(1);
            const TimeSpan p{memo.to_instant(b), memo.to_instant(e)};
            if (p.end > from && p.begin < to && p.begin < p.end) raw.push_back(p);
        }
    }
    std::sort(raw.begin(), raw.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.begin < b.begin; });
    std::vector<TimeSpan> merged;
    for (const auto& p : raw) {
        if (!merged.empty() && p.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, p.end);
        else
            merged.push_back(p);
    }
    return merged;
}

std::vector<Feed> predicted_feeds(const std::vector<Slot>& slots, Seconds from, Seconds to,
                                  const date::time_zone* zone) {
    const ZoneMemo memo(zone);
    std::vector<Feed> feeds;
    for (date::sys_days day = memo.local_day(from) - date::days(1); day <= memo.local_day(to); day += date::days(1))
        for (std::size_t i = 0; i < slots.size(); ++i) {
            const LocalSeconds wall = local_midnight(day) + minutes(slots[i].minute);
            const Seconds at = memo.to_instant(wall);
            if (at >= from && at < to) feeds.push_back(Feed{at, i, slots[i].amount, slots[i].estimated, wall});
        }
    std::sort(feeds.begin(), feeds.end(), [](const Feed& a, const Feed& b) { return a.at < b.at; });
    return feeds;
}

std::vector<Seconds> removals(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods,
                              const std::vector<Draft>& drafts) {
    std::vector<Seconds> out = at_home(feeds, periods);
    for (const auto& d : drafts) out.push_back(d.at);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

seconds abs_distance(Seconds a, Seconds b) { return a > b ? a - b : b - a; }

// A pump of the week's reference: its time, and how many feeds it covers.
struct Held {
    Seconds at;
    std::size_t covers = 0;
};

// The week's reference pumps, to find the one nearest a time: by halving when they are in time order (on
// the wall clock they are, but for the hour a fall-back change repeats), else by looking at each.
class Reference {
public:
    explicit Reference(const std::vector<Held>& pumps)
        : pumps_(pumps), sorted_(std::is_sorted(pumps.begin(), pumps.end(), earlier)) {}
    const std::vector<Held>& pumps() const { return pumps_; }
    bool empty() const { return pumps_.empty(); }
    // The pump nearest `t` (its index; the first of those as near), or npos when there is none.
    std::size_t nearest(Seconds t) const {
        if (!sorted_) {
            std::size_t best = std::string::npos;
            for (std::size_t i = 0; i < pumps_.size(); ++i)
                if (best == std::string::npos || abs_distance(pumps_[i].at, t) < abs_distance(pumps_[best].at, t))
                    best = i;
            return best;
        }
        // In time order the distance falls to the nearest and rises after: the nearest is the last pump before
        // `t` (the first of those at its time; it wins a tie, coming first) or the first at or after it.
        if (pumps_.empty()) return std::string::npos;
        const auto after = std::lower_bound(pumps_.begin(), pumps_.end(), t, before);
        if (after == pumps_.begin()) return 0;
        const auto last_before = std::prev(after);
        if (after != pumps_.end() && after->at - t < t - last_before->at)
            return static_cast<std::size_t>(after - pumps_.begin());
        return static_cast<std::size_t>(std::lower_bound(pumps_.begin(), after, last_before->at, before) -
                                        pumps_.begin());
    }

private:
    static bool earlier(const Held& x, const Held& y) { return x.at < y.at; }
    static bool before(const Held& x, Seconds t) { return x.at < t; }
    const std::vector<Held>& pumps_;
    bool sorted_;
};

// Two neighbouring pumps (at a and b) the reference keeps apart: each near a pump of its own there.
bool apart_in(const Reference& reference, Seconds a, Seconds b) {
    const std::size_t ra = reference.nearest(a), rb = reference.nearest(b);
    return ra != std::string::npos && ra != rb && abs_distance(reference.pumps()[ra].at, a) <= count_hold &&
           abs_distance(reference.pumps()[rb].at, b) <= count_hold;
}

// Two neighbouring pumps (at a and b) the reference makes one: the same pump, covering feeds of both, nearest
// each.
bool together_in(const Reference& reference, Seconds a, Seconds b) {
    const std::size_t ra = reference.nearest(a), rb = reference.nearest(b);
    return ra != std::string::npos && ra == rb && reference.pumps()[ra].covers >= 2 &&
           abs_distance(reference.pumps()[ra].at, a + (b - a) / 2) <= count_hold;
}

// A pump of a period being laid out: it covers feeds [first, last] of the period (merges join neighbours).
struct Laying {
    Seconds at;
    Volume target;  // the covered feeds' amounts, added as the merges went
    std::size_t first = 0, last = 0;
    bool estimated = false;
};

// draft_pumps on one clock: on the wall clock (ZoneMemo of no zone), its times
// are wall-clock times written as instants (the reference's too).
std::vector<Draft> lay_out(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods, const Options& options,
                           const ZoneMemo& memo, const std::vector<Held>& reference) {
    std::vector<Draft> drafts;
    const seconds step = std::max(minutes(1), options.round);
    const Reference held(reference);
    // The period's feeds (their times and amounts), and its pumps in time order: ds[live[0]], ds[live[1]], ...;
    // a merged pump leaves `live` (a list of indexes: taking one out moves no pump), and `at` keeps their
    // times in the same order. Kept from one period to the next (their room).
    std::vector<Seconds> covers;
    std::vector<Volume> amounts;
    std::vector<Laying> ds;
    std::vector<std::size_t> live;
    std::vector<Seconds> at;
    std::vector<long> gap;  // gap[i]: from pump i to the next, in seconds (looked through on every merge)
    // b joins a (the pump before it): their feeds, at their target-weighted mean time.
    const auto merge_into = [&](Laying& a, const Laying& b, const TimeSpan& period) {
        a.last = b.last;
        a.target += b.target;
        a.estimated = a.estimated || b.estimated;
        a.at = round_into(mean_time(covers, amounts, a.first, a.last), period, options.round, memo);
    };
    for (const TimeSpan& period : periods) {
        covers.clear();
        amounts.clear();
        ds.clear();
        for (const auto& f : feeds)
            if (period.contains(f.at)) {
                ds.push_back({round_into(f.at, period, options.round, memo), f.amount, covers.size(), covers.size(),
                              f.estimated});
                covers.push_back(f.at);
                amounts.push_back(f.amount);
            }
        if (ds.empty()) continue;
        live.resize(ds.size());
        at.resize(ds.size());
        for (std::size_t i = 0; i < ds.size(); ++i) {
            live[i] = i;
            at[i] = ds[i].at;
        }
        gap.resize(at.size() - 1);
        const auto refresh = [&](std::size_t i) {
            if (i + 1 < at.size()) gap[i] = (at[i + 1] - at[i]).count();
        };
        for (std::size_t i = 0; i < gap.size(); ++i) refresh(i);
        const auto take_out = [&](std::size_t i) {
            live.erase(live.begin() + static_cast<long>(i));
            at.erase(at.begin() + static_cast<long>(i));
            gap.erase(gap.begin() + static_cast<long>(i) - 1);
            refresh(i - 1);
            if (i >= 2) refresh(i - 2);
        };
        const long min_gap = seconds(options.min_gap).count();
        // Merge the closest pair first while two pumps are closer than min_gap. Near min_gap (within
        // `count_hold`) the week's reference decides (a hysteresis, as snap_to holds the times): a pair
        // it keeps apart is spread to min_gap around its middle instead, so one noisy day that brings two
        // feeds a few minutes under min_gap does not take a pump away...
        while (live.size() > 1) {
            // The first of the closest pairs under min_gap.
            std::size_t best = live.size();
            long closest = min_gap;
            for (std::size_t i = 0; i < gap.size(); ++i)
                if (gap[i] < closest) {
                    best = i;
                    closest = gap[i];
                }
            if (best == live.size()) break;
            Laying& a = ds[live[best]];
            Laying& b = ds[live[best + 1]];
            if (b.at - a.at >= options.min_gap - count_hold && apart_in(held, a.at, b.at)) {
                const Seconds middle = a.at + (b.at - a.at) / 2;
                // On the grid, min_gap apart or the least over it, the middle kept within a step.
                Seconds first = round_to(middle - options.min_gap / 2, options.round, memo);
                if (middle - first > options.min_gap / 2) first += step;
                Seconds second = round_to(first + options.min_gap, options.round, memo);
                if (second - first < options.min_gap) second += step;
                const bool left_ok = best == 0 || first - at[best - 1] >= options.min_gap;
                const bool right_ok = best + 2 >= at.size() || at[best + 2] - second >= options.min_gap;
                if (period.contains(first) && period.contains(second) && left_ok && right_ok) {
                    a.at = at[best] = first;
                    b.at = at[best + 1] = second;
                    if (best > 0) refresh(best - 1);
                    refresh(best);
                    refresh(best + 1);
                    continue;
                }
            }
            merge_into(a, b, period);
            at[best] = a.at;
            take_out(best + 1);
        }
        // ... and a pair it makes one, now a few minutes over min_gap apart, stays one.
        for (std::size_t i = 0; !held.empty() && i + 1 < live.size(); ++i) {
            if (at[i + 1] - at[i] >= options.min_gap + count_hold || !together_in(held, at[i], at[i + 1])) continue;
            Laying one = ds[live[i]];
            merge_into(one, ds[live[i + 1]], period);
            if ((i > 0 && one.at - at[i - 1] < options.min_gap) ||
                (i + 2 < live.size() && at[i + 2] - one.at < options.min_gap))
                continue;
            ds[live[i]] = one;
            at[i] = one.at;
            take_out(i + 1);
        }
        for (const std::size_t i : live) {
            const Laying& p = ds[i];
            Draft d;
            d.at = p.at;
            d.target = p.target;
            d.covers.assign(covers.begin() + static_cast<long>(p.first),
                            covers.begin() + static_cast<long>(p.last) + 1);
            d.amounts.assign(amounts.begin() + static_cast<long>(p.first),
                             amounts.begin() + static_cast<long>(p.last) + 1);
            d.estimated = p.estimated;
            drafts.push_back(std::move(d));
        }
    }

    // Long gaps first, then small overshoots by moving a pump, then what is left.
    const std::vector<Seconds> home = at_home(feeds, periods);
    split_long_gaps(drafts, home, periods, options, memo, nudge_limit);
    nudge(drafts, home, periods, options, memo);
    split_long_gaps(drafts, home, periods, options, memo, minutes(0));
    keep_min_gap(drafts, home, periods, options, memo);
    return drafts;
}

// A wall-clock time written as an instant (the wall clock's own), and back.
Seconds as_instant(LocalSeconds wall) { return Seconds(wall.time_since_epoch()); }
LocalSeconds as_wall(Seconds on_wall_clock) { return LocalSeconds(on_wall_clock.time_since_epoch()); }

}  // namespace

namespace {

constexpr int day_minutes = 24 * 60;

// Whether a gap on the circle from minute `from`, `gap` minutes long, is a
// night gap (as is_night: it starts in the night window or its midpoint is in it).
bool circle_night(int from, int gap, const Options& options) {
    return options.night.contains(from % day_minutes) || options.night.contains((from + gap / 2) % day_minutes);
}

// A day's feeds on the 24-hour circle: minute after midnight and weight.
struct CircleFeed {
    int minute;
    double weight;
};

// The best n pumps on the circle (minutes after midnight, on a grid of `step`
// minutes) whose every gap, the one across midnight included, is from min_gap
// to its limit; nullopt when n pumps cannot keep them. A dynamic programme
// over the grid for each place of the earliest pump (which lies before the
// longest limit: the gap across midnight ends at it).
std::vector<int> circle_pumps(const std::vector<CircleFeed>& feeds, int n, int step, const Options& options) {
    const int positions = day_minutes / step;
    const int gmin = static_cast<int>((options.min_gap.count() + step - 1) / step);
    const int day_limit = static_cast<int>(options.max_gap_day.count() / step);
    const int night_limit = static_cast<int>(options.max_gap_night.count() / step);
    const int gmax = std::max(day_limit, night_limit);
    if (n < 1 || gmin < 1 || gmin > gmax || static_cast<long>(n) * gmin > positions) return {};
    const int span = gmax - gmin + 1;
    // The longest gap allowed from x, g steps long (as limit_of).
    const auto limit = [&](int x, int g) {
        return circle_night(x * step, g * step, options) ? night_limit : day_limit;
    };
    // cost[x * span + g - gmin]: the feeds in [x, x + g) each at its distance
    // squared from the nearer end, weighed.
    std::vector<double> cost(static_cast<std::size_t>(positions) * static_cast<std::size_t>(span), 0.0);
    for (int x = 0; x < positions; ++x)
        for (int g = gmin; g <= gmax; ++g) {
            const int a = x * step, b = (x + g) * step;
            double c = 0;
            for (const CircleFeed& f : feeds)
                for (int copy = 0; copy < 3; ++copy) {
                    const int m = f.minute + copy * day_minutes;
                    if (m < a || m >= b) continue;
                    const double d = std::min(m - a, b - m);
                    c += f.weight * d * d;
                }
            cost[static_cast<std::size_t>(x) * static_cast<std::size_t>(span) + static_cast<std::size_t>(g - gmin)] = c;
        }
    const auto cost_of = [&](int x, int g) {
        return cost[static_cast<std::size_t>(x) * static_cast<std::size_t>(span) + static_cast<std::size_t>(g - gmin)];
    };
    // The longest gap from each place (g steps from x), found once: the dynamic programme asks it often.
    std::vector<int> longest(static_cast<std::size_t>(positions) * static_cast<std::size_t>(span));
    for (int x = 0; x < positions; ++x)
        for (int g = gmin; g <= gmax; ++g)
            longest[static_cast<std::size_t>(x) * static_cast<std::size_t>(span) + static_cast<std::size_t>(g - gmin)] =
                limit(x, g);
    const auto fits = [&](int x, int g) {
        return g <= longest[static_cast<std::size_t>(x) * static_cast<std::size_t>(span) +
                            static_cast<std::size_t>(g - gmin)];
    };
    constexpr double none = std::numeric_limits<double>::infinity();
    std::vector<int> best;
    double best_cost = none;
    const auto un = static_cast<std::size_t>(n), up = static_cast<std::size_t>(positions);
    std::vector<double> at(un * up);
    std::vector<int> from(un * up);
    for (int s = 0; s < std::min(positions, gmax); ++s) {
        std::fill(at.begin(), at.end(), none);
        at[static_cast<std::size_t>(s)] = 0;
        for (std::size_t j = 1; j < un; ++j)
            for (int x = s; x < positions; ++x) {
                const double here = at[(j - 1) * up + static_cast<std::size_t>(x)];
                if (here == none) continue;
                for (int g = gmin; g <= gmax && x + g < positions; ++g) {
                    if (!fits(x, g)) continue;
                    const double c = here + cost_of(x, g);
                    double& there = at[j * up + static_cast<std::size_t>(x + g)];
                    if (c < there) {
                        there = c;
                        from[j * up + static_cast<std::size_t>(x + g)] = x;
                    }
                }
            }
        for (int y = s; y < positions; ++y) {
            const double here = at[(un - 1) * up + static_cast<std::size_t>(y)];
            const int g = s + positions - y;
            if (here == none || g < gmin || g > gmax || !fits(y, g)) continue;
            const double total = here + cost_of(y, g);
            if (total >= best_cost) continue;
            best_cost = total;
            std::vector<int> times(un);
            int x = y;
            for (std::size_t j = un; j-- > 0;) {
                times[j] = x * step;
                if (j > 0) x = from[j * up + static_cast<std::size_t>(x)];
            }
            best = std::move(times);
        }
    }
    return best;
}

}  // namespace

std::vector<int> repeat_daily_when_crowded(std::vector<Draft>& drafts, const std::vector<Feed>& feeds, Seconds from,
                                           Seconds to, const Options& options, const date::time_zone* zone,
                                           const std::vector<int>& hold) {
    const ZoneMemo memo(zone);
    // Crowded: two pumps closer than min_gap, or a day with more pumps than
    // fit min_gap apart around the clock (7 pumps 3 h 30 min apart take 24 h
    // 30 min: the next day's start 30 minutes later, and so on).
    std::size_t fullest = 0;
    for (std::size_t i = 0; i < drafts.size();) {
        std::size_t j = i;
        while (j < drafts.size() && memo.local_day(drafts[j].at) == memo.local_day(drafts[i].at)) ++j;
        fullest = std::max(fullest, j - i);
        i = j;
    }
    bool crowded = static_cast<long>(fullest) * options.min_gap.count() > day_minutes;
    // Measured as laid out: a pump a spring-forward change moved counts from its wall time before the change.
    const auto laid_out = [&](const Draft& d) { return memo.to_local(d.at) - d.moved; };
    for (std::size_t i = 1; i < drafts.size() && !crowded; ++i)
        crowded = laid_out(drafts[i]) - laid_out(drafts[i - 1]) < options.min_gap;
    if (!crowded || feeds.empty()) return {};
    // The day's feeds: one a slot, at its time as written.
    std::vector<CircleFeed> day;
    std::vector<bool> seen;
    for (const Feed& f : feeds) {
        if (f.slot >= seen.size()) seen.resize(f.slot + 1, false);
        if (seen[f.slot]) continue;
        seen[f.slot] = true;
        day.push_back({minute_of_day(f.wall), std::max(1.0, f.amount.ml())});
    }
    // As many pumps as the crowded timetable had on its fullest day, or one a
    // feed when that is more, then fewer until the gaps hold.
    // On the `round` grid, at least 5 minutes (a finer search buys nothing a parent notices).
    const int round = static_cast<int>(std::max<long>(1, options.round.count()));
    const int step = round * ((5 + round - 1) / round);
    std::vector<int> layout;
    for (int n = static_cast<int>(std::max(fullest, day.size())); n >= 1 && layout.empty(); --n)
        layout = circle_pumps(day, n, step, options);
    if (layout.empty()) return {};
    // The hold's gaps, across midnight too, must keep min_gap and their limits
    // (a reference laid out by the window's own timetable may not).
    const auto keeps_gaps = [&](const std::vector<int>& pumps) {
        for (std::size_t i = 0; i < pumps.size(); ++i) {
            const int a = pumps[i], b = pumps[(i + 1) % pumps.size()];
            const int gap = ((b - a) % day_minutes + day_minutes) % day_minutes;
            const long limit =
                circle_night(a, gap, options) ? options.max_gap_night.count() : options.max_gap_day.count();
            if (gap < options.min_gap.count() || gap > limit) return false;
        }
        return true;
    };
    if (!hold.empty() && hold.size() == layout.size() && std::is_sorted(hold.begin(), hold.end()) &&
        keeps_gaps(hold)) {
        // Each feed's distance to its nearest pump on the circle, squared and weighed.
        const auto cost = [&](const std::vector<int>& pumps) {
            double total = 0;
            for (const CircleFeed& f : day) {
                int nearest = day_minutes;
                for (const int p : pumps) {
                    const int d = std::abs(f.minute - p) % day_minutes;
                    nearest = std::min({nearest, d, day_minutes - d});
                }
                total += f.weight * nearest * nearest;
            }
            return total;
        };
        double weight = 0;
        for (const CircleFeed& f : day) weight += f.weight;
        constexpr double tolerance = 15;  // minutes more on the root mean square
        if (std::sqrt(cost(hold) / weight) <= std::sqrt(cost(layout) / weight) + tolerance) layout = hold;
    }
    const std::vector<int>& times = layout;
    const std::size_t n = times.size();
    std::vector<Draft> out;
    std::vector<LocalSeconds> walls;
    for (date::sys_days d = memo.local_day(from) - date::days(1); d <= memo.local_day(to); d += date::days(1))
        for (std::size_t i = 0; i < n; ++i) {
            const LocalSeconds wall = local_midnight(d) + minutes(times[i]);
            const Seconds at = memo.to_instant(wall);
            if (at < from || at >= to) continue;
            // Two wall-clock times that become one instant (a spring-forward gap) are one pump.
            if (std::any_of(out.begin(), out.end(), [&](const Draft& x) { return x.at == at; })) continue;
            Draft draft;
            draft.at = at;
            const int prev = times[(i + n - 1) % n];
            const int gap = (times[i] - prev + day_minutes) % day_minutes;
            draft.night = circle_night(prev, gap, options);
            draft.moved = memo.to_local(at) - wall;
            out.push_back(draft);
            walls.push_back(wall);
        }
    if (out.empty()) return {};
    for (const Feed& f : feeds) {
        if (f.at < from || f.at >= to) continue;
        std::size_t nearest = 0;
        const auto distance = [&](std::size_t i) { return walls[i] > f.wall ? walls[i] - f.wall : f.wall - walls[i]; };
        for (std::size_t i = 1; i < out.size(); ++i)
            if (distance(i) < distance(nearest) || (distance(i) == distance(nearest) && walls[i] < walls[nearest]))
                nearest = i;
        Draft& d = out[nearest];
        d.covers.push_back(f.at);
        d.amounts.push_back(f.amount);
        d.target += f.amount;
        d.estimated = d.estimated || f.estimated;
    }
    std::stable_sort(out.begin(), out.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
    drafts = std::move(out);
    return layout;
}

std::vector<Draft> draft_pumps(const std::vector<Feed>& feeds, const std::vector<TimeSpan>& periods,
                               const Options& options, const date::time_zone* zone,
                               const std::vector<Draft>& reference) {
    const ZoneMemo memo(zone);
    std::vector<Feed> wall_feeds = feeds;
    for (auto& f : wall_feeds) f.at = as_instant(f.wall);
    std::vector<TimeSpan> wall_periods;
    wall_periods.reserve(periods.size());
    for (const auto& p : periods)
        wall_periods.push_back(TimeSpan{as_instant(memo.to_local(p.begin)), as_instant(memo.to_local(p.end))});
    // The reference on the same wall clock.
    std::vector<Held> wall_reference;
    wall_reference.reserve(reference.size());
    for (const Draft& r : reference) wall_reference.push_back({as_instant(memo.to_local(r.at)), r.covers.size()});
    std::vector<Draft> drafts = lay_out(wall_feeds, wall_periods, options, ZoneMemo(nullptr), wall_reference);
    // Back to instants: a feed's wall time gives its instant again (predicted_feeds' to_instant).
    for (auto& d : drafts) {
        const LocalSeconds wall = as_wall(d.at);
        d.at = memo.to_instant(wall);
        d.moved = memo.to_local(d.at) - wall;
        for (auto& c : d.covers) c = memo.to_instant(as_wall(c));
    }
    std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
    // Two wall-clock times an hour apart across a spring-forward gap (02:00 and 03:00) are one instant: one pump.
    for (std::size_t i = 1; i < drafts.size();) {
        if (drafts[i].at != drafts[i - 1].at) {
            ++i;
            continue;
        }
        Draft& a = drafts[i - 1];
        const Draft& b = drafts[i];
        a.covers.insert(a.covers.end(), b.covers.begin(), b.covers.end());
        a.amounts.insert(a.amounts.end(), b.amounts.begin(), b.amounts.end());
        a.target += b.target;
        a.estimated = a.estimated || b.estimated;
        a.night = a.night && b.night;
        a.moved = std::min(a.moved, b.moved);
        drafts.erase(drafts.begin() + static_cast<long>(i));
    }
    return drafts;
}

}  // namespace pumplog::timetable
