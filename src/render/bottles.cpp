#include "pumplog/render/bottles.hpp"

#include <algorithm>

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
    // A later thaw (for feeds the evening's thawed milk would not keep until) says when.
    const auto thawed = [&](const BottleFill& f) {
        if (!f.thawed_tonight) return std::string();
        if (f.thawed_at == plan.evening) return std::string(evening);
        if (f.thawed_at <= clock.now) return std::string(" (thawed now)");
        return " (thawed " + when(f.thawed_at, clock.now, zone) + ")";
    };
    for (const Bottle& b : plan.bottles) {
        std::vector<std::string> fills;
        for (const BottleFill& f : b.fills)
            fills.push_back(fmt::format("{} {}{}", terminal_text(f.container->label), format_volume(f.amount, unit),
                                        thawed(f)));
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
            const std::string_view label = at == plan.evening ? (plan.day <= today ? "Thaw" : "Thaw overnight")
                                           : first            ? "Thaw"
                                                              : "Then thaw";
            out += fmt::format("{}: move {} from the freezer to the fridge, {}{}.\n", label, and_list(bags),
                               at <= clock.now ? std::string("now") : when(at, clock.now, zone),
                               at == plan.evening ? ""
                                                  : " (milk thawed the evening before would not keep)");
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
        for (const BottleFill& f : b.fills)
            fill.push_back(json{{"label", f.container->label},
                                {"id", f.container->id},
                                {unit_key("", unit).substr(1), number(f.amount, unit)},
                                {"thawed_tonight", f.thawed_tonight},
                                {"thawed_at",
                                 f.thawed_tonight ? json(format_rfc3339(f.thawed_at, zone)) : json(nullptr)}});
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
           {unit_key("short", unit), number(short_by, unit)},
           {"cover", cover},
           {"applied", applied ? json(*applied) : json(nullptr)},
           {"basis", json{{"feeds", plan.basis.feeds}, {"merged", plan.basis.merged}, {"days", plan.basis.days}}},
           {"not_planned", not_planned},
           {"advice", plan.advice}};
    return json_output(j);
}

}  // namespace pumplog::render
