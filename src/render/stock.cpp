#include "pumplog/render/stock.hpp"

#include <cmath>

#include <fmt/format.h>

#include "pumplog/render/json.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {

// A daily intake as the reply says it, "about": to the ml (ounces are shown to a tenth anyway).
Volume about(Volume v, Unit unit) { return unit == Unit::ml ? Volume::from_ml(std::round(v.ml())) : v; }


std::string status_key(const Container& c, Seconds now) {
    switch (c.state) {
        case ContainerState::used_up: return "used";
        case ContainerState::discarded: return "discarded";
        case ContainerState::in_stock: break;
    }
    return std::string(status_name(status_at(c, now)));
}

// What is left, or for a discarded container what was thrown away.
Volume final_volume(const Container& c) {
    return c.state == ContainerState::discarded ? c.discarded : c.left;
}

}  // namespace

std::string_view state_text(const Container& c, Seconds now) {
    switch (c.state) {
        case ContainerState::used_up: return "used up";
        case ContainerState::discarded: return "discarded";
        case ContainerState::in_stock: break;
    }
    return status_name(status_at(c, now));
}

std::string when(Seconds instant, Seconds now, const date::time_zone* zone) {
    const auto day = local_day(instant, zone);
    const auto today = local_day(now, zone);
    // In the hour a fall-back night repeats, with the UTC offset in effect: "tomorrow 02:30 (+01:00)".
    const std::string clock = format_clock_told_apart(instant, zone);
    if (day == today) return "today " + clock;
    if (day == today + date::days(1)) return "tomorrow " + clock;
    if (day == today - date::days(1)) return "yesterday " + clock;
    return format_date(day) + " " + clock;
}

std::string relative(Seconds instant, Seconds now) {
    const bool past = instant <= now;  // at `now` it has happened: an expiry then is expired (status_at)
    const long long s = past ? (now - instant).count() : (instant - now).count();
    const long long minutes = s / 60;
    if (past && minutes < 1) return "just now";
    std::string span;
    if (minutes < 1) span = "less than a minute";
    else if (minutes < 60) span = fmt::format("{} min", minutes);
    else if (minutes < 48 * 60)
        span = minutes % 60 == 0 ? fmt::format("{} h", minutes / 60)
                                 : fmt::format("{} h {} min", minutes / 60, minutes % 60);
    else if (minutes < 60 * 24 * 60) {
        const long long hours = minutes / 60;
        span = hours % 24 == 0 ? fmt::format("{} d", hours / 24) : fmt::format("{} d {} h", hours / 24, hours % 24);
    } else
        span = fmt::format("{} d", minutes / (60 * 24));
    return past ? span + " ago" : "in " + span;
}

std::string use_by(Seconds expires, Seconds now, const date::time_zone* zone) {
    return fmt::format("{} {} ({})", now >= expires ? "expired" : "use by", when(expires, now, zone),
                       relative(expires, now));
}

std::string advice_text(Advice advice, std::string_view by) {
    switch (advice) {
        case Advice::discard: return "discard it";
        case Advice::use_or_refrigerate: return "use it now or put it in the fridge";
        case Advice::use_or_freeze: return "use it first or freeze it now";
        case Advice::use_thawed: return "use it first (thawed: never refreeze)";
        case Advice::thaw_and_use: return "thaw it and use it first";
        case Advice::use_by_or_discard: return fmt::format("use it by {} or throw it away", by);
    }
    return "use it first";
}

nlohmann::ordered_json container_json(const Container& c, Seconds now, Unit unit, const date::time_zone* zone) {
    nlohmann::ordered_json j;
    j["label"] = c.label;
    j["id"] = c.id;
    j[std::string(unit_name(unit))] = json_number(output_value(final_volume(c), unit));
    j["place"] = std::string(place_name(c.place));
    j["pumped"] = format_rfc3339(c.pumped, zone);
    j["thawed"] = c.thawed ? nlohmann::ordered_json(format_rfc3339(*c.thawed, zone)) : nlohmann::ordered_json(nullptr);
    j["expires"] = format_rfc3339(c.expires, zone);
    j["status"] = status_key(c, now);
    return j;
}

std::string stock_json(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                       const date::time_zone* zone) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const Container* c : containers) array.push_back(container_json(*c, now, unit, zone));
    return json_output(array);
}

std::string stock_csv(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                      const date::time_zone* zone) {
    std::string out = csv_row({"label", "id", std::string(unit_name(unit)), "place", "pumped", "thawed", "expires", "status"});
    for (const Container* c : containers)
        out += csv_row({c->label, c->id, number(output_value(final_volume(*c), unit)), std::string(place_name(c->place)),
                        format_rfc3339(c->pumped, zone), c->thawed ? format_rfc3339(*c->thawed, zone) : "",
                        format_rfc3339(c->expires, zone), status_key(*c, now)});
    return out;
}

std::string stock_table(const std::vector<const Container*>& containers, const StockSummary& summary, Seconds now,
                        Unit unit, const Style& style, const date::time_zone* zone) {
    if (containers.empty()) return "The stash is empty. Store milk with: pumplog stock add 120ml --in fridge\n";
    std::vector<std::vector<std::string>> rows;
    int order = 0;
    for (const Container* c : containers) {
        const bool in_stock = c->state == ContainerState::in_stock;
        const Status status = status_at(*c, now);
        std::string use = in_stock && status != Status::expired ? std::to_string(++order) : "";
        std::string state(state_text(*c, now));
        std::string label = terminal_text(c->label);
        if (in_stock && status == Status::expired) {
            state = style.red("EXPIRED");
            label = style.red(label);
        } else if (in_stock && status == Status::soon) {
            state = style.yellow(state);
        }
        std::vector<std::string> notes;
        if (c->thawed) notes.push_back("thawed " + when(*c->thawed, now, zone));
        if (in_stock && c->best_by)
            notes.push_back(now < *c->best_by ? "best by " + format_date(local_day(*c->best_by, zone))
                                              : std::string("past its best (6 months)"));
        if (!in_stock && c->ended) notes.push_back(std::string(state_text(*c, now)) + " " + when(*c->ended, now, zone));
        if (!c->reason.empty()) notes.push_back(terminal_text(c->reason));
        if (!c->note.empty()) notes.push_back(terminal_text(c->note));
        std::string note;
        for (const auto& n : notes) note += (note.empty() ? "" : "; ") + n;
        std::vector<std::string> row = {use,
                                        label,
                                        format_volume(final_volume(*c), unit),
                                        std::string(place_name(c->place)),
                                        when(c->pumped, now, zone),
                                        when(c->expires, now, zone),
                                        in_stock ? relative(c->expires, now) : "",
                                        state,
                                        note};
        if (!in_stock)
            for (auto& cell : row) cell = style.dim(cell);
        rows.push_back(std::move(row));
    }
    std::string out = table({{"use", Align::right},
                             {"label"},
                             {"amount", Align::right},
                             {"place"},
                             {"pumped"},
                             {"expires"},
                             {""},
                             {"status"},
                             {"note"}},
                            rows);
    out += "\n";
    if (!summary.places.empty()) {
        std::string places;
        Volume total;
        for (const auto& p : summary.places) {
            places += fmt::format("{}{} {} ({})", places.empty() ? "" : ", ", place_name(p.place),
                                  format_volume(p.volume, unit), p.containers);
            total += p.volume;
        }
        out += fmt::format("In stock: {}; {} in all\n", places, format_volume(total, unit));
    }
    if (summary.intake && summary.days_of_supply) {
        out += fmt::format("Supply: {} usable, about {} days at {} a day (bottle feeds of breast milk, last {})\n",
                           format_volume(summary.usable, unit), format_tenths(*summary.days_of_supply),
                           format_volume(about(summary.intake->per_day, unit), unit), plural(summary.intake->days, "day"));
    } else {
        out += fmt::format("Supply: {} usable (log bottle feeds to see how many days it lasts)\n",
                           format_volume(summary.usable, unit));
    }
    if (summary.expired_containers > 0)
        out += style.red(fmt::format("Expired: {} in {}: discard (pumplog stock discard LABEL)",
                                     format_volume(summary.expired, unit),
                                     plural(summary.expired_containers, "container"))) +
               "\n";
    return out;
}

std::string expiring_lines(const std::vector<const Container*>& containers, Seconds now, Unit unit,
                           const date::time_zone* zone, const Guideline& guideline) {
    std::string out;
    for (const Container* c : containers) {
        const bool expired = now >= c->expires;
        // The line has just said the day: the advice's time alone when it is today.
        const std::string by = local_day(c->expires, zone) == local_day(now, zone) ? format_clock(c->expires, zone)
                                                                                   : when(c->expires, now, zone);
        out += fmt::format("{} {} in the {} {} {} ({}): {}\n", terminal_text(c->label), format_volume(c->left, unit),
                           place_name(c->place), expired ? "expired" : "expires", when(c->expires, now, zone),
                           relative(c->expires, now), advice_text(advice_for(*c, now, guideline), by));
    }
    return out;
}

}  // namespace pumplog::render
