#include "pumplog/render/status.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "pumplog/calendar.hpp"
#include "pumplog/render/entries.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/render/plan.hpp"
#include "pumplog/text.hpp"

namespace pumplog::render {

namespace {

using status_json_t = nlohmann::ordered_json;

std::string status_key(std::string_view base, Unit unit) { return fmt::format("{}_{}", base, unit_name(unit)); }
// As report and stock give a volume in every format: ml to 0.1, oz to 0.01 (pumplog-report(1)).
status_json_t status_volume(Volume v, Unit unit) { return json_number(output_value(v, unit)); }
status_json_t status_volume(const std::optional<Volume>& v, Unit unit) {
    return v ? status_volume(*v, unit) : status_json_t(nullptr);
}

long minutes_between(Seconds from, Seconds to) {
    return static_cast<long>(std::lround(static_cast<double>((to - from).count()) / 60.0));
}

// "12:30, 1 h 35 min ago" (with the date when not today); a day or more ago in whole hours,
// "2026-11-21 07:22, 48 h ago", so that a row keeps within 80 columns (the date says the rest). In the hour a
// fall-back night repeats, the time carries its UTC offset, "02:30 (+02:00), 20 min ago", as plan next's does.
std::string when_ago(Seconds at, const Clock& clock) {
    const std::string when = format_clock_or_date_time_told_apart(at, clock);
    const long ago = minutes_between(at, clock.now);
    if (ago < 1) return when + ", just now";
    if (ago >= 24 * 60) return fmt::format("{}, {} h ago", when, (ago + 30) / 60);
    return fmt::format("{}, {} ago", when, format_duration(std::chrono::minutes(ago)));
}

// "18:00 today", "09:00 tomorrow", "Mon 2026-11-23 09:00" ("02:30 (+01:00) today" in a repeated hour).
std::string when_label(Seconds at, const Clock& clock) {
    const date::sys_days today = local_day(clock.now, clock.zone), day = local_day(at, clock.zone);
    const std::string time = format_clock_told_apart(at, clock.zone);
    if (day == today) return time + " today";
    if (day == today + date::days(1)) return time + " tomorrow";
    return day_label(day) + " " + time;
}

std::string timer_text(const PumpTimer& t, const Clock& clock) {
    const std::string side = t.side ? fmt::format(", {} side{}", name_of(*t.side), *t.side == Side::both ? "s" : "")
                                    : std::string();
    const std::string ran = format_duration(std::chrono::duration_cast<std::chrono::minutes>(t.running));
    // Timers of two devices merged: the others are counted (pump stop names them all, to pick one).
    const std::string others = t.others == 0 ? std::string() : fmt::format("; {} more running", t.others);
    if (t.paused)
        return fmt::format("paused at {}, started {}{}{}", ran, format_clock_told_apart(t.started, clock.zone), side,
                           others);
    return fmt::format("running {}, since {}{}{}", ran, format_clock_told_apart(t.started, clock.zone), side, others);
}

// The babies' names as row labels, each at most 10 columns (a wide character
// such as 李 takes two, a combining mark none) so that every row keeps its
// place: a longer name is cut with a "~" between whole characters where
// letters are left out, before its last one ("Christop~r" for Christopher,
// alone or beside another baby: a label does not change when a baby is
// named) or, when that would give two babies one label, before its last
// letters: "Christo~er" and "Christo~ar" for Christopher and Christophar.
// Names alike but in their middle are numbered ("Christo~1").
// A cut never splits a character (a letter and its accents, a wide one).
std::vector<std::string> baby_labels(const std::vector<DayStatus::Baby>& babies) {
    constexpr std::size_t width = 10;
    struct Name {
        std::string text;
        std::vector<Grapheme> characters;
        std::size_t columns = 0;
        std::size_t kept_end = 0;  // characters kept from its end after the "~"
    };
    std::vector<Name> names;
    for (const auto& b : babies) {
        Name n{terminal_text(b.name), {}, 0, 0};
        n.characters = graphemes(n.text);
        for (const Grapheme& g : n.characters) n.columns += g.columns;
        if (n.columns > width) n.kept_end = 1;  // its last character after the "~" (pumplog(1), status)
        names.push_back(std::move(n));
    }
    const auto tail_columns = [](const Name& n, std::size_t kept) {
        std::size_t columns = 0;
        for (std::size_t k = n.characters.size() - kept; k < n.characters.size(); ++k)
            columns += n.characters[k].columns;
        return columns;
    };
    // Its first characters within `columns`, a "~" and `tail`.
    const auto cut = [](const Name& n, std::size_t columns, std::string_view tail) {
        return std::string(cut_to_width(n.text, columns)) + "~" + std::string(tail);
    };
    const auto label = [&](const Name& n) {
        if (n.columns <= width) return n.text;
        const std::size_t tail = tail_columns(n, n.kept_end);
        return cut(n, width - 1 - tail,
                   n.kept_end == 0 ? "" : n.text.substr(n.characters[n.characters.size() - n.kept_end].start));
    };
    std::vector<std::string> labels(names.size());
    for (;;) {
        for (std::size_t i = 0; i < names.size(); ++i) labels[i] = label(names[i]);
        bool changed = false;
        for (std::size_t i = 0; i < names.size(); ++i)
            for (std::size_t j = 0; j < names.size(); ++j)
                if (i != j && labels[i] == labels[j] && names[i].columns > width &&
                    names[i].kept_end < names[i].characters.size() &&
                    tail_columns(names[i], names[i].kept_end + 1) <= width / 2) {
                    ++names[i].kept_end;
                    changed = true;
                    break;
                }
        if (!changed) break;
    }
    // Still alike (the names differ only in their middle): numbered.
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = 0; j < names.size(); ++j)
            if (i != j && labels[i] == labels[j] && names[i].columns > width) {
                const std::string number = std::to_string(i + 1);
                labels[i] = cut(names[i], width - 1 - number.size(), number);
                break;
            }
    return labels;
}

// "(L 60 / R 50)": the sides the sessions gave, a side none gave left out (not 0); when some
// sessions gave none, how many did: "(1 with sides: L 60)", as report notes it.
std::string sides_text(const DayStatus& d, Unit unit) {
    if (d.sided_sessions == 0) return {};
    std::string sides;
    if (d.left) sides += "L " + format_volume_number(*d.left, unit);
    if (d.right) sides += (sides.empty() ? "R " : " / R ") + format_volume_number(*d.right, unit);
    if (d.sided_sessions >= d.sessions) return " (" + sides + ")";
    return fmt::format(" ({} with sides: {})", d.sided_sessions, sides);
}

// "520 ml in 7 sessions, 3 without a volume", "3 sessions, no volume logged": what has no
// volume (or amount) is unknown and named, never summed as 0 ml.
std::string counted_text(Volume volume, int count, int unmeasured, const char* what, const char* measure,
                         Unit unit) {
    if (unmeasured == count) return fmt::format("{}, no {} logged", plural(count, what), measure);
    std::string text = fmt::format("{} in {}", format_volume(volume, unit), plural(count, what));
    if (unmeasured > 0) text += fmt::format(", {} without {} {}", unmeasured, measure[0] == 'a' ? "an" : "a", measure);
    return text;
}

}  // namespace

namespace {

// `segments` joined by spaces into lines of at most 80 columns, a segment (a command) never cut: status is one
// screen of 80 columns (SPEC 10).
std::string wrap_80(const std::vector<std::string>& segments) {
    std::string text, line;
    for (const std::string& segment : segments) {
        if (!line.empty() && line.size() + 1 + segment.size() > 80) {
            text += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + segment;
    }
    return text + line + "\n";
}

// A stale timer's sentence, with the commands that end it (--started as `picked` when several run).
std::string stale_timer_text(const PumpTimer& t, const Clock& clock, const std::string& picked) {
    using std::chrono::minutes;
    const std::string since = format_duration(std::chrono::duration_cast<minutes>(clock.now - t.started));
    // A paused one has run the time before its pause, which --force would record: both are said.
    const std::string what =
        t.paused ? fmt::format("The pump timer started at {}, {} ago, is paused at {}:",
                               format_date_time_told_apart(t.started, clock.zone), since,
                               format_duration(std::chrono::duration_cast<minutes>(t.running)))
                 : fmt::format("The pump timer started at {} has run {}:",
                               format_date_time_told_apart(t.started, clock.zone), since);
    std::vector<std::string> segments;
    for (std::size_t at = 0; at < what.size();) {  // its words: it may be cut anywhere between them
        const std::size_t end = std::min(what.find(' ', at), what.size());
        segments.push_back(what.substr(at, end - at));
        at = end + 1;
    }
    segments.insert(segments.end(), {"stop it with", "pumplog pump stop AMOUNT --dur DURATION" + picked + ",", "or",
                                     "pumplog pump stop --cancel" + picked + "."});
    return wrap_80(segments);
}

}  // namespace

std::string stale_timer_text(const PumpTimer& t, const Clock& clock) { return stale_timer_text(t, clock, {}); }

namespace {

// The same for a stale timer that runs with another (two devices' journals merged): each command picks it
// with --started.
std::string stale_picked_timer_text(const PumpTimer& t, const Clock& clock) {
    // In the hour a fall-back night repeats, "02:30" names both starts of it: its RFC 3339 time with the offset
    // then ("2026-10-25T02:30+01:00", to the minute: pump stop's started_at), which --started reads as that one.
    if (format_clock_told_apart(t.started, clock.zone) != format_clock(t.started, clock.zone)) {
        const std::string stamp = format_rfc3339(date::floor<std::chrono::minutes>(t.started), clock.zone);
        return stale_timer_text(t, clock, " --started " + stamp.substr(0, 16) + stamp.substr(19));
    }
    const std::string when = format_clock_or_date_time(t.started, clock);  // a date and a time: quoted
    return stale_timer_text(t, clock, " --started " + (when.find(' ') == std::string::npos ? when : '"' + when + '"'));
}

}  // namespace

std::string stale_timers_text(const PumpTimer& t, const Clock& clock) {
    std::string out;
    if (t.stale) out += t.others == 0 ? stale_timer_text(t, clock) : stale_picked_timer_text(t, clock);
    for (const PumpTimer& other : t.stale_others) out += stale_picked_timer_text(other, clock);
    return out;
}

std::string status_text(const DayStatus& d, const StatusExtras& x, Unit unit, const Style& style, const Clock& clock) {
    const std::string now = format_clock_told_apart(clock.now, clock.zone);
    std::string out = style.bold(fmt::format("Today, {} {}", day_label(d.day), now)) + "\n";
    const auto row = [&](std::string_view label, const std::string& text) {
        out += fmt::format("  {}{}\n", style.bold(pad_to_width(label, 11)), text);
    };
    std::string pumped = d.sessions == 0
                             ? std::string("nothing yet")
                             : counted_text(d.pumped, d.sessions, d.unmeasured_sessions, "session", "volume", unit);
    pumped += sides_text(d, unit);
    if (d.skipped > 0) pumped += fmt::format(", {} skipped", d.skipped);
    row("Pumped", pumped);
    std::string baby = d.bottle_feeds == 0
                           ? std::string("no bottle yet")
                           : counted_text(d.drunk, d.bottle_feeds, d.unmeasured_bottles, "bottle", "amount", unit);
    if (d.breast_feeds > 0) baby += fmt::format(", {} at the breast", plural(d.breast_feeds, "feed"));
    row(d.babies.empty() ? "Baby" : "Babies", baby);
    // The days averaged are the last 7 days with bottles (a day with one without an amount left out): "last 7
    // days" only when they are all of them, else how many of the 7, never "last 3 days" for 3 days with gaps.
    if (d.usual_day)
        row("Usual", fmt::format("{} by now, {} a day ({})", format_rounded_volume(*d.usual_by_now, unit),
                                 format_rounded_volume(*d.usual_day, unit),
                                 d.usual_days >= usual_day_days
                                     ? fmt::format("last {} days", usual_day_days)
                                     : fmt::format("{} of the last {} days", d.usual_days, usual_day_days)));
    if (d.last_pump)
        row("Last pump", fmt::format("{}: {}", when_ago(d.last_pump->at.instant, clock), describe(*d.last_pump, unit)));
    if (d.babies.empty() && d.last_feed)
        row("Last feed", fmt::format("{}: {}", when_ago(d.last_feed->at.instant, clock), describe(*d.last_feed, unit)));
    const std::vector<std::string> labels = baby_labels(d.babies);
    for (std::size_t i = 0; i < d.babies.size(); ++i) {
        const auto& b = d.babies[i];
        // "Ada        120 ml in 2 bottles, 1 at the breast; last fed 13:10, 55 min ago"
        std::vector<std::string> parts;
        if (b.bottle_feeds > 0)
            parts.push_back(counted_text(b.drunk, b.bottle_feeds, b.unmeasured_bottles, "bottle", "amount", unit));
        if (b.breast_feeds > 0) parts.push_back(fmt::format("{} at the breast", b.breast_feeds));
        std::string text = parts.empty() ? std::string("no feed yet today") : fmt::format("{}", fmt::join(parts, ", "));
        if (b.last_feed) text += fmt::format("; last fed {}", when_ago(b.last_feed->at.instant, clock));
        row(labels[i], text);
    }
    if (d.unnamed_feeds > 0)
        row("No name", fmt::format("{} today {} no baby: in the Babies row only", plural(d.unnamed_feeds, "feed"),
                                   d.unnamed_feeds == 1 ? "names" : "name"));
    if (x.next) {
        std::string next = next_text(*x.next, unit, clock);
        if (!next.empty() && next.back() == '\n') next.pop_back();
        row("Next pump", x.next->overdue ? style.yellow(next) : next);
    } else if (!x.no_plan.empty()) {
        row("Next pump", x.no_plan);
    }
    if (d.timer) row("Timer", d.timer->stale ? style.red(timer_text(*d.timer, clock) + " (over 2 h: forgotten?)")
                                             : timer_text(*d.timer, clock));
    // A stale one of the others is flagged as the newest would be: status is where a forgotten timer is seen.
    if (d.timer)
        for (const PumpTimer& other : d.timer->stale_others)
            row("", style.red(timer_text(other, clock) + " (over 2 h: forgotten?)"));
    std::string stash = x.stash.usable_containers == 0
                            ? std::string("empty")
                            : fmt::format("{} usable in {}", format_volume(x.stash.usable, unit),
                                          plural(x.stash.usable_containers, "container"));
    if (x.stash.usable_containers > 0 && x.stash.days_of_supply)
        stash += fmt::format(", {} days of bottles", format_tenths(*x.stash.days_of_supply));
    row("Stash", stash);
    // Milk already expired is one row (to discard), not an "Expiring" row each: status stays one screen.
    std::vector<const Container*> expired, soon;
    Volume expired_volume;
    for (const Container* c : x.expiring) {
        (c->expires <= clock.now ? expired : soon).push_back(c);
        if (c->expires <= clock.now) expired_volume += c->left;
    }
    if (expired.size() == 1)
        row("Expired", style.red(fmt::format("{} {} in the {}, since {}: discard it", terminal_text(expired[0]->label),
                                             format_volume(expired[0]->left, unit), name_of(expired[0]->place),
                                             when_label(expired[0]->expires, clock))));
    else if (expired.size() > 1)
        row("Expired", style.red(fmt::format("{} in {}: discard them (see pumplog stock)",
                                             format_volume(expired_volume, unit),
                                             plural(static_cast<long long>(expired.size()), "container"))));
    // The soonest few by name, then one row for the rest: a big fridge batch would fill the screen (status is
    // one screen, SPEC 10). A single one more is named rather than summed up: it takes the same row. The rest
    // row points to `stock`, which lists every container soonest first: `stock expiring` names each container
    // once per window, so after its cron run it would show none of them.
    constexpr std::size_t named_expiring = 3;
    const std::size_t named = soon.size() <= named_expiring + 1 ? soon.size() : named_expiring;
    for (std::size_t i = 0; i < named; ++i)
        row("Expiring", style.yellow(fmt::format("{} {} in the {}, at {}", terminal_text(soon[i]->label),
                                                 format_volume(soon[i]->left, unit), name_of(soon[i]->place),
                                                 when_label(soon[i]->expires, clock))));
    if (named < soon.size()) {
        Volume rest;
        for (std::size_t i = named; i < soon.size(); ++i) rest += soon[i]->left;
        row("", style.yellow(fmt::format("and {}, {} (see pumplog stock)",
                                         plural(static_cast<long long>(soon.size() - named), "more container"),
                                         format_volume(rest, unit))));
    }
    if (d.timer) out += stale_timers_text(*d.timer, clock);
    return out;
}

std::string status_json(const DayStatus& d, const StatusExtras& x, Unit unit, const Clock& clock) {
    status_json_t j;
    j["now"] = format_rfc3339(clock.now, clock.zone);
    j["date"] = format_date(d.day);
    status_json_t today;
    today[status_key("pumped", unit)] = status_volume(d.pumped, unit);
    today["sessions"] = d.sessions;
    today["sessions_without_volume"] = d.unmeasured_sessions;
    today[status_key("left", unit)] = status_volume(d.left, unit);
    today[status_key("right", unit)] = status_volume(d.right, unit);
    today["skipped"] = d.skipped;
    today[status_key("bottle", unit)] = status_volume(d.drunk, unit);
    today["bottle_feeds"] = d.bottle_feeds;
    today["bottle_feeds_without_amount"] = d.unmeasured_bottles;
    today["breast_feeds"] = d.breast_feeds;
    today[status_key("usual_by_now", unit)] = status_volume(d.usual_by_now, unit);
    today[status_key("usual_day", unit)] = status_volume(d.usual_day, unit);
    j["today"] = today;
    const auto last = [&](const std::optional<Entry>& e) -> status_json_t {
        if (!e) return nullptr;
        status_json_t o;
        o["at"] = format_rfc3339(e->at.instant, clock.zone);
        o["ago_min"] = minutes_between(e->at.instant, clock.now);
        if (e->type == EntryType::feed) o["method"] = std::string(e->method.text());
        o[status_key("", unit).substr(1)] = e->ml ? status_volume(Volume::from_ml(*e->ml), unit) : status_json_t(nullptr);
        return o;
    };
    j["last_pump"] = last(d.last_pump);
    j["last_feed"] = last(d.last_feed);
    status_json_t babies = status_json_t::array();
    for (const auto& b : d.babies) {
        status_json_t o;
        o["name"] = b.name;
        o[status_key("bottle", unit)] = status_volume(b.drunk, unit);
        o["bottle_feeds"] = b.bottle_feeds;
        o["bottle_feeds_without_amount"] = b.unmeasured_bottles;
        o["breast_feeds"] = b.breast_feeds;
        o["last_feed"] = last(b.last_feed);
        babies.push_back(std::move(o));
    }
    j["babies"] = babies;
    j["feeds_without_baby"] = d.unnamed_feeds;
    if (x.next) {
        status_json_t n;
        n["at"] = format_rfc3339(x.next->pump.at, clock.zone);
        n["in_min"] = minutes_between(clock.now, x.next->pump.at);
        n[status_key("target", unit)] = status_volume(x.next->pump.target, unit);
        n["overdue"] = x.next->overdue;
        if (x.next->pump.estimated) n["estimated"] = true;  // a target from intake norms, as in plan next
        j["next_pump"] = n;
    } else {
        j["next_pump"] = nullptr;
    }
    if (d.timer) {
        status_json_t t;
        t["started"] = format_rfc3339(d.timer->started, clock.zone);
        t["running_s"] = d.timer->running.count();
        t["paused"] = d.timer->paused;
        t["side"] = d.timer->side ? status_json_t(std::string(name_of(*d.timer->side))) : status_json_t(nullptr);
        t["stale"] = d.timer->stale;
        j["timer"] = t;
    } else {
        j["timer"] = nullptr;
    }
    j["timers_running"] = d.timer ? d.timer->others + 1 : 0;
    status_json_t stash;
    stash[status_key("usable", unit)] = status_volume(x.stash.usable, unit);
    stash["containers"] = x.stash.usable_containers;
    // Rounded as the table rounds it (tenths): 7.25 days is 7.3 in both.
    stash["days_of_cover"] = x.stash.days_of_supply
                                 ? status_json_t(static_cast<double>(tenths(*x.stash.days_of_supply)) / 10)
                                 : status_json_t(nullptr);
    status_json_t expiring = status_json_t::array();
    for (const Container* c : x.expiring)
        expiring.push_back({{"label", c->label},
                            {status_key("", unit).substr(1), status_volume(c->left, unit)},
                            {"place", std::string(name_of(c->place))},
                            {"expires", format_rfc3339(c->expires, clock.zone)}});
    stash["expiring"] = expiring;
    j["stash"] = stash;
    return json_output(j);
}

}  // namespace pumplog::render
