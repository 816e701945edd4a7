#include "pumplog/render/bottles.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/cadence.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/render/stock.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace bottles_render {

using json = nlohmann::ordered_json;

std::string unit_key(std::string_view base, Unit unit) { return fmt::format("{}_{}", base, unit_name(unit)); }
json number(Volume v, Unit unit) { return json_number(output_value(v, unit)); }

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

std::string periods_text(const BottlePlan& plan, const date::time_zone* zone) {
    std::vector<std::string> out;
    for (const TimeSpan& p : plan.away) out.push_back(format_clock(p.begin, zone) + "-" + format_clock(p.end, zone));
    return and_list(out);
}

// A feed's time: "01:00", or "Tue 01:00" past midnight of a night away (the window belongs to the day it starts).
std::string feed_clock(const BottlePlan& plan, Seconds at, const date::time_zone* zone) {
    const date::sys_days day = local_day(at, zone);
    if (day == plan.day) return format_clock(at, zone);
    return weekday_abbreviation(date::weekday{day}) + " " + format_clock(at, zone);
}

// The away feeds left out because they are past: "10:00 and 13:00".
std::string past_text(const BottlePlan& plan, const date::time_zone* zone) {
    std::vector<std::string> out;
    for (const Seconds at : plan.past) out.push_back(feed_clock(plan, at, zone));
    return and_list(out);
}

std::string cover_text(const BottleCover& c, Unit unit) {
    std::string pump = c.pump_expected
                           ? fmt::format("{} more before you leave (about {} a session)",
                                         c.pumps == 1 ? std::string("one pump") : plural(c.pumps, "pump"),
                                         format_rounded_volume(*c.pump_expected, unit))
                           // No pump logged: the yield, and so how many sessions, is unknown.
                           : std::string("pumping before you leave (log your pumps to see how many sessions)");
    return fmt::format("Short by {}: {} would cover it, or {} of formula.", format_rounded_volume(c.short_by, unit),
                       pump, format_rounded_volume(c.formula, unit));
}

// The babies whose feeds the plan could not learn: no bottle is packed for them, and the parent must see it
// ("No bottles for Ben: not planned for (only 2 days ...)."), as plan and plan stash name them in the basis.
std::string not_planned_text(const BottlePlan& plan) {
    std::string out;
    for (const NotPlanned& n : plan.basis.not_planned)
        out += fmt::format("No bottles for {}: not planned for ({}).\n",
                           n.baby.empty() ? std::string("the feeds without a baby's name") : terminal_text(n.baby),
                           terminal_text(n.reason));
    return out;
}

// The bottles of an earlier day: "today's bottles", "tomorrow's bottles", "the bottles of Wed 2026-11-25".
std::string days_bottles(date::sys_days day, const Clock& clock) {
    const date::sys_days today = local_day(clock.now, clock.zone);
    if (day == today) return "today's bottles";
    if (day == today + date::days(1)) return "tomorrow's bottles";
    return "the bottles of " + day_label(day);
}

// The milk set aside for the days before (plan_bottles): one line a day, naming the bags those days' plans
// thaw and when ("Set aside for today's bottles: B31 112 ml (thawed now) and B18 60 ml; see plan bottles --on
// 2026-11-23."), so that the reply says where the milk it leaves out goes.
std::string held_text(const BottlePlan& plan, Unit unit, const Clock& clock) {
    std::string out;
    for (std::size_t i = 0; i < plan.held.size();) {
        const date::sys_days day = plan.held[i].day;
        std::vector<std::string> parts;
        for (; i < plan.held.size() && plan.held[i].day == day; ++i) {
            const HeldBack& h = plan.held[i];
            std::string thaw;
            if (h.thaw) thaw = *h.thaw <= clock.now ? " (thawed now)" : " (thawed " + when(*h.thaw, clock.now,
                                                                                            clock.zone) + ")";
            parts.push_back(fmt::format("{} {}{}", terminal_text(h.container->label),
                                        format_volume(h.amount, unit), thaw));
        }
        out += fmt::format("Set aside for {}: {}; see plan bottles --on {}.\n", days_bottles(day, clock),
                           and_list(parts), format_date(day));
    }
    return out;
}

// A bottle's parts as `step` shows them, in its smallest units (text: tenths of ml or of oz; JSON: tenths of ml,
// hundredths of oz), rounded so that they add up to their sum as shown (the bottle's size when they fill it):
// each part rounded as every output rounds it, then, while the parts add up to more (or less), a unit taken from
// (or given to) the part that rounding moved furthest up (or down), the later of equal ones, and never a part
// rounded down to nothing (pumplog-plan(1): the parts poured into a bottle add up to the size shown; 1.35 oz and
// 2.65 oz of a 4.0 oz bottle are 1.4 and 2.6 oz, not 1.4 and 2.7). `step` gives a volume's unrounded value in
// those units (in the text's tenths, from the hundredths the output rounds from) and `round` its rounding.
template <class Step, class Round>
std::vector<long long> rounded_parts(const std::vector<BottleFill>& fills, Step step, Round round) {
    std::vector<long long> out;
    Volume sum;
    long long added = 0;
    for (const BottleFill& f : fills) {
        out.push_back(round(f.amount));
        added += out.back();
        sum += f.amount;
    }
    for (long long gap = round(sum) - added; gap != 0; gap += gap > 0 ? -1 : 1) {
        std::size_t pick = out.size();
        double furthest = 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const double moved = (static_cast<double>(out[i]) - step(fills[i].amount)) * (gap > 0 ? -1.0 : 1.0);
            if ((gap > 0 || out[i] > 1) && (pick == out.size() || moved >= furthest - 1e-9)) {
                pick = i;
                furthest = moved;
            }
        }
        if (pick == out.size()) break;
        out[pick] += gap > 0 ? 1 : -1;
    }
    return out;
}

// The parts as the table shows them, in tenths of the unit: "1.4 oz", "44.4 ml".
std::vector<std::string> parts_text(const std::vector<BottleFill>& fills, Unit unit) {
    const auto hundredths = [unit](Volume v) { return std::round((unit == Unit::ml ? v.ml() : v.oz()) * 100.0); };
    const std::vector<long long> tenths = rounded_parts(
        fills, [&](Volume v) { return hundredths(v) / 10.0; },
        // As format_volume_number rounds: from the hundredths, half away from zero.
        [&](Volume v) { return unit == Unit::ml ? ml_tenths(v) : std::llround(hundredths(v) / 10.0); });
    std::vector<std::string> out;
    for (const long long t : tenths)
        out.push_back((unit == Unit::ml && t % 10 == 0 ? std::to_string(t / 10) : tenths_text(t)) +
                      (unit == Unit::ml ? " ml" : " oz"));
    return out;
}

// The parts as the JSON gives them (output_value's steps: 0.1 ml, 0.01 oz).
std::vector<double> parts_json(const std::vector<BottleFill>& fills, Unit unit) {
    const double per = unit == Unit::ml ? 10.0 : 100.0;
    const std::vector<long long> steps = rounded_parts(
        fills, [&](Volume v) { return unit == Unit::ml ? std::round(v.ml() * 100.0) / 10.0 : v.oz() * 100.0; },
        [&](Volume v) { return std::llround(output_value(v, unit) * per); });
    std::vector<double> out;
    for (const long long n : steps) out.push_back(static_cast<double>(n) / per);
    return out;
}

}  // namespace bottles_render

std::string bottles_text(const BottlePlan& plan, Unit unit, const Clock& clock, std::optional<int> applied) {
    using namespace bottles_render;
    const auto* zone = clock.zone;
    const std::string left_out = not_planned_text(plan);
    if (plan.bottles.empty() && !plan.past.empty())
        return fmt::format("The {} {} while you are away on {} {} past: no bottles to pack.\n",
                           past_text(plan, zone), plan.past.size() == 1 ? "feed" : "feeds", day_label(plan.day),
                           plan.past.size() == 1 ? "is" : "are") +
               left_out;
    if (plan.bottles.empty() && plan.away.empty())
        return fmt::format("No away hours on {} (no away window starts that day): no bottles to pack.\n",
                           day_label(plan.day)) +
               left_out;
    if (plan.bottles.empty())
        return fmt::format("No feed falls while you are away on {}: no bottles to pack.\n", day_label(plan.day)) +
               left_out;
    std::string out = fmt::format("Bottles for {} (away {}): {}, {} in all.\n", day_label(plan.day),
                                  periods_text(plan, zone), plural(static_cast<long long>(plan.bottles.size()), "bottle"),
                                  format_volume(plan.total, unit));
    // When the bags are thawed (thaw_time): tonight for tomorrow's bottles, the evening before a later day, and
    // now for today's, so a bag is never said to be "thawed tonight" for Friday on a Monday.
    const date::sys_days today = local_day(clock.now, zone);
    const std::string_view evening = plan.day <= today                 ? " (thawed now)"
                                     : plan.day == today + date::days(1) ? " (thawed tonight)"
                                                                         : " (thawed the evening before)";
    // The evening's thaw is overnight when it is on the evening before (after a night away, the parent is home
    // from it on the day itself: said with its time).
    const bool overnight = local_day(plan.evening, zone) + date::days(1) == plan.day;
    // A later thaw (for feeds the evening's thawed milk would not keep until) says when.
    const auto thawed = [&](const BottleFill& f) {
        if (f.thawed_for) return " (thawed for " + days_bottles(*f.thawed_for, clock) + ")";
        if (!f.thawed_tonight) return std::string();
        if (f.thawed_at == plan.evening && (overnight || plan.day <= today)) return std::string(evening);
        if (f.thawed_at <= clock.now) return std::string(" (thawed now)");
        return " (thawed " + when(f.thawed_at, clock.now, zone) + ")";
    };
    for (const Bottle& b : plan.bottles) {
        std::vector<std::string> fills;
        const std::vector<std::string> parts = parts_text(b.fills, unit);  // they add up to the size shown
        for (std::size_t i = 0; i < b.fills.size(); ++i)
            fills.push_back(fmt::format("{} {}{}", terminal_text(b.fills[i].container->label), parts[i],
                                        thawed(b.fills[i])));
        if (b.missing.ml() > 1e-9) fills.push_back(fmt::format("{} missing", format_volume(b.missing, unit)));
        out += fmt::format("  {}  {}{}{}: {}\n", feed_clock(plan, b.feed, zone), format_volume(b.size, unit),
                           b.baby.empty() ? "" : " for " + terminal_text(b.baby), b.estimated ? " (estimate)" : "",
                           joined(fills));
    }
    out += left_out;
    if (!plan.past.empty())
        out += fmt::format("Left out: the {} {}, already past (no bottle, nothing thawed for {}).\n",
                           past_text(plan, zone), plan.past.size() == 1 ? "feed" : "feeds",
                           plan.past.size() == 1 ? "it" : "them");
    out += held_text(plan, unit, clock);
    if (!plan.thaws.empty()) {
        // One line per thaw time (the thaws are in time order): the evening's, then any later one.
        for (std::size_t i = 0; i < plan.thaws.size();) {
            const Seconds at = plan.thaws[i].at;
            std::vector<std::string> bags;
            for (; i < plan.thaws.size() && plan.thaws[i].at == at; ++i) {
                const Thaw& t = plan.thaws[i];
                bags.push_back(fmt::format("{} ({}, use by {})", terminal_text(t.container->label),
                                           format_volume(t.container->left, unit), when(t.expires, clock.now, zone)));
            }
            const bool first = at == plan.thaws.front().at;
            const std::string_view label = at == plan.evening ? (plan.day > today && overnight ? "Thaw overnight"
                                                                                               : "Thaw")
                                           : first            ? "Thaw"
                                                              : "Then thaw";
            // Why later: a thaw the same evening (the feeds the evening's milk would not keep until are late in
            // the day) names the evening's time; one on a later day, the evening before.
            const std::string earlier =
                local_day(at, zone) != local_day(plan.evening, zone) ? std::string("the evening before")
                : plan.evening <= clock.now                          ? std::string("now")
                                                                     : "at " + format_clock(plan.evening, zone);
            // The evening's thaw after 18:00 because the parent is away until then (thaw_time): said.
            const bool home_later = at == plan.evening && at > thaw_time(plan.day, clock.now, zone);
            out += fmt::format("{}: move {} from the freezer to the fridge, {}{}.\n", label, and_list(bags),
                               at <= clock.now ? std::string("now") : when(at, clock.now, zone),
                               home_later           ? " (you are away until then)"
                               : at == plan.evening ? ""
                                                    : " (milk thawed " + earlier + " would not keep)");
        }
    } else if (!plan.shortfall) {
        out += "Nothing to thaw: the milk outside the freezer fills them.\n";
    }
    if (plan.shortfall) out += cover_text(*plan.shortfall, unit) + "\n";
    // A breast logged after the other is part of one feeding: said, as plan says it in its notes.
    out += fmt::format("Basis: {} on {}{}.\n", plural(plan.basis.feeds, "feed"), plural(plan.basis.days, "day"),
                       plan.basis.merged > 0 ? fmt::format(" ({} within {} min of the feed before counted as part of "
                                                           "it)", plan.basis.merged, burst_minutes)
                                             : std::string());
    for (const auto& a : plan.advice) out += "Advice: " + terminal_text(a) + "\n";  // it may name a baby
    if (applied) {
        if (*applied == 0)
            out += "Nothing to record: no bag is left to thaw for these bottles.\n";
        else
            out += fmt::format("Recorded {}: moved to the fridge (thawing; never refreeze).\n",
                               plural(*applied, "thaw"));
        // A later thaw is recorded by a later --apply, at or after its time.
        if (const auto it = std::find_if(plan.thaws.begin(), plan.thaws.end(),
                                         [&](const Thaw& t) { return t.at > clock.now; });
            it != plan.thaws.end())
            out += fmt::format("Not recorded yet: the thaw at {}; run plan bottles --on {} --apply then.\n",
                               when(it->at, clock.now, zone), format_date(plan.day));
    }
    return out;
}

std::string bottles_json(const BottlePlan& plan, Unit unit, const Clock& clock, std::optional<int> applied) {
    using namespace bottles_render;
    const auto* zone = clock.zone;
    json away = json::array();
    for (const TimeSpan& p : plan.away)
        away.push_back(json{{"from", format_rfc3339(p.begin, zone)}, {"until", format_rfc3339(p.end, zone)}});
    json past = json::array();
    for (const Seconds at : plan.past) past.push_back(format_rfc3339(at, zone));
    json bottles = json::array();
    for (const Bottle& b : plan.bottles) {
        json fill = json::array();
        const std::vector<double> parts = parts_json(b.fills, unit);  // they add up to size (0.1 ml, 0.01 oz)
        for (std::size_t i = 0; i < b.fills.size(); ++i) {
            const BottleFill& f = b.fills[i];
            fill.push_back(json{{"label", f.container->label},
                                {"id", f.container->id},
                                {unit_key("", unit).substr(1), json_number(parts[i])},
                                {"thawed_tonight", f.thawed_tonight},
                                {"thawed_at", f.thawed_tonight || f.thawed_for
                                                  ? json(format_rfc3339(f.thawed_at, zone))
                                                  : json(nullptr)},
                                {"thawed_for", f.thawed_for ? json(format_date(*f.thawed_for)) : json(nullptr)}});
        }
        bottles.push_back(json{{"feed", format_rfc3339(b.feed, zone)},
                               {unit_key("size", unit), number(b.size, unit)},
                               {unit_key("need", unit), number(b.need, unit)},
                               {"estimated", b.estimated},
                               {"fill", fill},
                               {unit_key("missing", unit), number(b.missing, unit)}});
        if (!b.baby.empty()) bottles.back()["baby"] = b.baby;  // several babies only (SPEC 12)
    }
    json thaws = json::array();
    for (const Thaw& t : plan.thaws)
        thaws.push_back(json{{"label", t.container->label},
                             {"id", t.container->id},
                             {unit_key("", unit).substr(1), number(t.container->left, unit)},
                             {"at", format_rfc3339(t.at, zone)},
                             {"expires", format_rfc3339(t.expires, zone)}});
    json held = json::array();
    for (const HeldBack& h : plan.held)
        held.push_back(json{{"day", format_date(h.day)},
                            {"label", h.container->label},
                            {"id", h.container->id},
                            {unit_key("", unit).substr(1), number(h.amount, unit)},
                            {"thaw", h.thaw ? json(format_rfc3339(*h.thaw, zone)) : json(nullptr)}});
    json cover = nullptr;
    if (plan.shortfall) {
        const BottleCover& c = *plan.shortfall;
        cover = json{{"pumps", c.pumps},
                     {unit_key("pump_expected", unit), c.pump_expected ? number(*c.pump_expected, unit) : json(nullptr)},
                     {unit_key("formula", unit), number(c.formula, unit)}};
    }
    const Volume short_by = plan.shortfall ? plan.shortfall->short_by : Volume{};
    // The babies left out (no bottle packed for them): null for the feeds without a baby's name.
    json not_planned = json::array();
    for (const NotPlanned& n : plan.basis.not_planned)
        not_planned.push_back(json{{"baby", n.baby.empty() ? json(nullptr) : json(n.baby)}, {"reason", n.reason}});
    json j{{"day", format_date(plan.day)},
           {"away", away},
           {"bottles", bottles},
           {"past", past},
           {unit_key("total", unit), number(plan.total, unit)},
           {unit_key("from_fridge", unit), number(plan.from_ready, unit)},
           {unit_key("from_freezer", unit), number(plan.from_frozen, unit)},
           {"thaws", thaws},
           {"held", held},
           {unit_key("short", unit), number(short_by, unit)},
           {"cover", cover},
           {"applied", applied ? json(*applied) : json(nullptr)},
           {"basis", json{{"feeds", plan.basis.feeds}, {"merged", plan.basis.merged}, {"days", plan.basis.days}}},
           {"not_planned", not_planned},
           {"advice", plan.advice}};
    return json_output(j);
}

}  // namespace pumplog::render
