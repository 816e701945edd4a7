#include "pumplog/render/plan.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/cadence.hpp"
#include "pumplog/calendar.hpp"
#include "pumplog/intake.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/supply.hpp"
#include "pumplog/text.hpp"
#include "pumplog/units.hpp"

namespace pumplog::render {

namespace {

using json = nlohmann::ordered_json;
using std::chrono::minutes;
using std::chrono::seconds;

std::string key(std::string_view base, Unit unit) { return fmt::format("{}_{}", base, unit_name(unit)); }

json volume(Volume v, Unit unit) { return json_number(output_value(v, unit)); }

// A pump with no target: it covers no feed (added to keep a gap short, or pinned).
bool no_target(const PlannedPump& p) { return p.covers.empty() && !p.extra && p.target.ml() <= 0; }
// A pump added to keep a gap short.
bool added(const PlannedPump& p) { return no_target(p) && !p.pinned; }

std::string dump(const json& j) { return json_output(j); }

// --- iCalendar (RFC 5545) ---

std::string ics_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// One content line, folded at 75 octets (never inside a UTF-8 sequence), CRLF.
std::string ics_line(std::string_view line) {
    std::string out;
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out += std::string(line.substr(0, cut)) + "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    out += std::string(line) + "\r\n";
    return out;
}

std::string ics_local(LocalSeconds local) {
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd(day);
    const date::hh_mm_ss<seconds> tod(local - day);
    return fmt::format("{:04d}{:02d}{:02d}T{:02d}{:02d}{:02d}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod.hours().count(),
                       tod.minutes().count(), tod.seconds().count());
}

std::string ics_utc(Seconds at) { return ics_local(LocalSeconds(at.time_since_epoch())) + "Z"; }

std::string ics_offset(seconds offset) {
    const long s = static_cast<long>(offset.count());
    const long a = std::abs(s);
    std::string out = fmt::format("{}{:02d}{:02d}", s < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    if (a % 60) out += fmt::format("{:02d}", a % 60);
    return out;
}

bool is_utc(const date::time_zone* zone) {
    const std::string_view n = zone->name();
    return n == "UTC" || n == "Etc/UTC" || n == "Etc/UCT" || n == "UCT" || n == "Etc/Universal" || n == "Universal" ||
           n == "Zulu" || n == "Etc/Zulu" || n == "Etc/GMT" || n == "GMT";
}

// A VTIMEZONE with one observance per offset period from the one in effect
// at `first` to the one in effect at `last` (explicit onsets, no RRULE).
std::string vtimezone(const date::time_zone* zone, Seconds first, Seconds last) {
    std::string out = ics_line("BEGIN:VTIMEZONE") + ics_line(fmt::format("TZID:{}", zone->name()));
    const auto observance = [&](const date::sys_info& info, seconds from, LocalSeconds onset) {
        const char* kind = info.save != minutes(0) ? "DAYLIGHT" : "STANDARD";
        out += ics_line(fmt::format("BEGIN:{}", kind));
        out += ics_line("DTSTART:" + ics_local(onset));
        out += ics_line("TZOFFSETFROM:" + ics_offset(from));
        out += ics_line("TZOFFSETTO:" + ics_offset(info.offset));
        out += ics_line("TZNAME:" + ics_escape(info.abbrev));
        out += ics_line(fmt::format("END:{}", kind));
    };
    date::sys_info info = zone->get_info(first);
    const Seconds epoch{};
    if (info.begin < epoch) {
        observance(info, info.offset, LocalSeconds(seconds(0)));
    } else {
        const date::sys_info before = zone->get_info(info.begin - seconds(1));
        observance(info, before.offset, LocalSeconds(info.begin.time_since_epoch() + before.offset));
    }
    while (info.end <= last) {
        const seconds from = info.offset;
        const Seconds onset = info.end;
        info = zone->get_info(onset);
        observance(info, from, LocalSeconds(onset.time_since_epoch() + from));
    }
    return out + ics_line("END:VTIMEZONE");
}

std::string compact_date(Seconds at, const date::time_zone* zone) {
    const date::year_month_day ymd(local_day(at, zone));
    return fmt::format("{:04d}{:02d}{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

// The target of a pump or slot: "120 ml", or "99 ml (estimate)".
std::string target_text(Volume v, bool estimated, Unit unit) {
    return format_volume(v, unit) + (estimated ? " (estimate)" : "");
}

std::string summary_of(const PlannedPump& p, Unit unit) {
    if (p.extra) return fmt::format("Extra pump: aim for {}", target_text(p.target, p.estimated, unit));
    if (added(p)) return "Pump (keeps the gap short)";
    if (no_target(p)) return "Pump (pinned: covers no feed)";
    return fmt::format("Pump: aim for {}", target_text(p.target, p.estimated, unit));
}

// A volume in a sentence: whole ml, or oz to 0.1.
std::string amount(Volume v, Unit unit) { return format_rounded_volume(v, unit); }

// The full reference of an intake source named in the advice.
std::string source_words(std::string_view source) {
    // In the source's own order (the JSON's "Kent et al. 2006; IOM 1991" is cited Kent first in the sentence too).
    constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"Saint et al. 1984", "Saint et al., Br J Nutr 1984"},
        {"IOM 1991", "Institute of Medicine, Nutrition During Lactation, 1991"},
        {"Kent et al. 2006", "Kent et al., Pediatrics 2006"}};
    std::vector<std::pair<std::size_t, std::string_view>> found;
    for (const auto& [name, full] : names)
        if (const auto at = source.find(name); at != std::string_view::npos) found.emplace_back(at, full);
    std::sort(found.begin(), found.end());
    std::string out;
    for (const auto& [at, full] : found) out += (out.empty() ? "" : "; ") + std::string(full);
    return out.empty() ? std::string(source) : out;
}

std::string shortfall_when(const PlanAdvice& a, const date::time_zone* zone) {
    switch (a.scope) {
        case AdviceScope::away:
            return fmt::format("While you are away on {} {}-{}", day_label(a.begin, zone), format_clock(a.begin, zone),
                               format_clock(a.end, zone));
        case AdviceScope::day: return fmt::format("On {}", day_label(a.begin, zone));
    }
    return "";
}

// How much a falling supply fell, in whole percent of the reference (falling_supply).
long falling_percent(const PlanAdvice& a) {
    return a.need.ml() > 0 ? std::lround(100 * (a.need.ml() - a.expected.ml()) / a.need.ml()) : 0;
}

std::string kind_name(AdviceKind kind) {
    switch (kind) {
        case AdviceKind::no_away_windows: return "no_away_windows";
        case AdviceKind::not_away: return "not_away";
        case AdviceKind::no_pumps_logged: return "no_pumps_logged";
        case AdviceKind::no_regular_feeds: return "no_regular_feeds";
        case AdviceKind::shortfall: return "shortfall";
        case AdviceKind::no_room: return "no_room";
        case AdviceKind::small_shortfall: return "small_shortfall";
        case AdviceKind::pinned_shortfall: return "pinned_shortfall";
        case AdviceKind::estimated_intake: return "estimated_intake";
        case AdviceKind::uncovered_feed: return "uncovered_feed";
        case AdviceKind::long_gap: return "long_gap";
        case AdviceKind::pinned_outside_away: return "pinned_outside_away";
        case AdviceKind::min_gap_conflict: return "min_gap_conflict";
        case AdviceKind::clock_change: return "clock_change";
        case AdviceKind::incomplete_day: return "incomplete_day";
        case AdviceKind::nursing_in_supply: return "nursing_in_supply";
        case AdviceKind::on_track: return "on_track";
        case AdviceKind::behind: return "behind";
        case AdviceKind::full_volume: return "full_volume";
        case AdviceKind::not_enough_data: return "not_enough_data";
        case AdviceKind::next_milestone: return "next_milestone";
        case AdviceKind::add_sessions: return "add_sessions";
        case AdviceKind::add_night_session: return "add_night_session";
        case AdviceKind::pump_longer: return "pump_longer";
        case AdviceKind::see_consultant: return "see_consultant";
        case AdviceKind::falling_supply: return "falling_supply";
        case AdviceKind::keep_pumping: return "keep_pumping";
        case AdviceKind::sleep_window: return "sleep_window";
        case AdviceKind::milestones_unscaled: return "milestones_unscaled";
        case AdviceKind::schedule_not_used: return "schedule_not_used";
        case AdviceKind::note: return "note";
    }
    return "note";
}

std::string scope_name(AdviceScope scope) {
    switch (scope) {
        case AdviceScope::away: return "away";
        case AdviceScope::day: return "day";
    }
    return "away";
}

// Who drinks the need a shortfall weighs: one baby or several, or by name the babies planned for when some
// baby with feeds is not ("Zoë drinks").
std::string drinks(const PlanAdvice& a) { return need_of_words(a.planned, a.several_babies, "drinks", "drink"); }

// How a share of the intake estimate names its baby.
std::string share_name(const IntakeShare& s) { return s.baby.empty() ? "the feeds without a name" : s.baby; }

// What the feeds an estimate stands in for were, counted: at the breast, bottles whose amount was not
// recorded (an import's 0 ml), or both; never "nursing" for bottles.
// They are feedings (pumplog-plan(1)): the feeds logged within 45 minutes of the one before count as part of it,
// as the basis line above says, so "Basis: 19 feeds" with "1 feed ... counted as part of it" is "the 18 feedings".
// With a few feeds with an amount beside them (`measured`: half of the feeds or fewer, pumplog-plan(1)), "56 of
// the 57 feedings logged were ...", and why those few are not counted for the rest.
std::string feeds_without_amount(const PlanAdvice& a) {
    const int other = a.count - a.at_breast - a.bottles;
    const std::string counted = a.measured > 0 ? fmt::format("{} of the {} feedings", a.count, a.count + a.measured)
                                               : "the " + plural(a.count, "feeding", "feedings");
    const std::string feeds = counted + (a.count == 1 ? " logged was" : " logged were");
    const std::string few =
        a.measured > 0 ? fmt::format(", and the {} with an amount {} too few to stand for them", a.measured,
                                     a.measured == 1 ? "is" : "are")
                       : "";
    if (a.at_breast == a.count) return feeds + " at the breast, without amounts" + few;
    if (a.bottles == a.count) return feeds + (a.count == 1 ? " a bottle" : " bottles") + " without an amount" + few;
    std::vector<std::string> parts;
    if (a.at_breast > 0) parts.push_back(fmt::format("{} at the breast", a.at_breast));
    if (a.bottles > 0)
        parts.push_back(fmt::format("{} without an amount", plural(a.bottles, "bottle", "bottles")));
    if (other > 0) parts.push_back(fmt::format("{} naming no method", other));
    return fmt::format("{} logged had no amount ({}){}", counted, and_list(parts), few);
}

// The slots whose feeds were mostly bottles with an amount: measured, not estimates (one_baby).
std::string own_slots_words(const PlanAdvice& a) {
    if (a.own_slots == 0) return "";
    return a.own_slots == 1 ? " The slot whose feeds mostly had an amount is measured: the median of the amounts "
                              "logged there."
                            : fmt::format(" The {} slots whose feeds mostly had an amount are measured: each the "
                                          "median of the amounts logged there.",
                                          a.own_slots);
}

// The intake estimate of several babies (or of one among several): one baby's norm (the source's figure),
// their sum, each one's feeds, and the plan's slots joining the feeds of twins fed close together. With a birth
// date per baby (IntakeShare::own_birth), or babies counted at different days (one date, after a baby's first
// feed: counted from that feed), each baby's own norm for its own age, and the day each is counted at (`age`:
// intake_age_sentence's).
std::string shared_intake_text(const PlanAdvice& a, Unit unit, std::string_view age) {
    const bool each = a.shares.size() > 1;
    const bool own_ages = each && counts_own_ages(a.shares);
    std::string line;
    if (own_ages) {
        std::vector<std::string> norms;
        for (const IntakeShare& s : a.shares)
            norms.push_back(s.extrapolated
                                ? fmt::format("{} about {} a day, the norm at 12 months ({}) held for an older "
                                              "child (day {}), a rough guess",
                                              share_name(s), amount(s.daily, unit), source_words(s.source), s.age_days)
                                : fmt::format("{} about {} a day, what a baby drinks on day {} ({})", share_name(s),
                                              amount(s.daily, unit), s.age_days, source_words(s.source)));
        line = fmt::format("The targets are estimates: {}, so the plan counts about {} a day for the {} babies, each "
                           "at the norm for its own age: {}.",
                           feeds_without_amount(a), amount(a.daily, unit), a.shares.size(), and_list(norms));
    } else {
        line = fmt::format(
            "The targets are estimates: {}, so the plan counts about {} a day for {}{}", feeds_without_amount(a),
            amount(a.per_baby_daily, unit), each ? "each baby" : share_name(a.shares.front()),
            each ? fmt::format(" ({} for the {} babies)", amount(a.daily, unit), a.shares.size()) : "");
        if (a.extrapolated)
            line += fmt::format(", the norm at 12 months ({}) held for an older child (day {}): no published norm "
                                "applies past 12 months, and as other foods take over this is a rough guess.",
                                source_words(a.text), a.age_days);
        else
            line += fmt::format(", what a baby drinks on day {} ({}).", a.age_days, source_words(a.text));
    }
    const IntakeShare& first = a.shares.front();
    const bool alike = std::all_of(a.shares.begin(), a.shares.end(), [&](const IntakeShare& s) {
        return s.feeds == first.feeds && std::lround(s.per_feed.ml()) == std::lround(first.per_feed.ml());
    });
    if (!each)
        line += fmt::format(" It is shared over {}'s {} a day: {} a feed.", share_name(first),
                            plural(first.feeds, "feed"), amount(first.per_feed, unit));
    else if (alike)
        line += fmt::format(" Each baby's norm is shared over its {} a day: {} a feed.", plural(first.feeds, "feed"),
                            amount(first.per_feed, unit));
    else {
        std::vector<std::string> parts;
        for (const IntakeShare& s : a.shares)
            parts.push_back(
                fmt::format("{} {} a day at {}", share_name(s), plural(s.feeds, "feed"), amount(s.per_feed, unit)));
        line += fmt::format(" Each baby's norm is shared over its own feeds: {}.", and_list(parts));
    }
    const long slots = std::lround(a.feedings);
    if (a.joint > 0 && a.joint == slots && a.slot_amount)
        line += fmt::format(" The babies feed within {} minutes of each other, so each of the plan's {} slots a day "
                            "is a joint one: {} a slot.",
                            burst_minutes, slots, amount(*a.slot_amount, unit));
    else if (a.joint > 0)
        line += fmt::format(" Feeds of the babies within {} minutes of each other make one slot, their amounts "
                            "added: {} of the plan's {} slots a day.",
                            burst_minutes, a.joint, slots);
    // config birth as one date: an older sibling is planned at the newborn's age (or the other way round), so
    // the sentence says how to give each baby its own (pumplog-config(1)).
    if (!own_ages && !first.own_birth && !a.birth_assumed && !a.birth_after_first_feed)
        line += fmt::format(" One birth date ({}) is used for every baby: each is counted at day {} (a baby born "
                            "on another day drinks another amount).",
                            format_date(a.day), a.age_days);
    if (a.capped)
        line += " A baby with fewer feeds a day logged than its age makes plausible looks incompletely logged: each "
                "of its feeds counts no more than one feed can be (Kent et al. 2006), so its targets add up to less "
                "than its norm.";
    line += own_slots_words(a);
    // The first days' caveat for a baby in its first days only: the norm past 12 months is rough too
    // (extrapolated), but that is said where the norm is (as for one baby).
    const bool first_days =
        own_ages ? std::any_of(a.shares.begin(), a.shares.end(),
                               [](const IntakeShare& s) { return s.rough && !s.extrapolated; })
                 : a.rough && !a.extrapolated;
    line += std::string(first_days ? " In the first days intake rises quickly and varies widely (Saint et al. 1984 "
                                     "measured 7-123 g in the first 24 hours, 98-775 g on day 3 and 453-876 g on "
                                     "day 5), so this estimate is rough."
                                   : "") +
            std::string(age);
    return line + (a.extrapolated ? " Log some bottles with their amounts to plan from your own."
                                  : " Log some bottles with their amounts for measured targets.");
}

}  // namespace

namespace {

// A shortfall in the first days after birth (PlanAdvice::coming_in): no stored milk to give yet. The milk
// comes in 36 to 96 hours after birth (Neville et al. 1988, lactogenesis II); pumping exclusively it rises to
// about 750 ml a day by day 14 (Ru et al. 2020, the milestones supply mode plans by); supplementing a
// newborn is the clinician's call (ABM Clinical Protocol #3, revised 2017).
std::string coming_in_text(const PlanAdvice& a) {
    return fmt::format(
        "on day {} after birth your supply is still coming in (the milk comes in 36 to 96 hours after birth, "
        "Neville et al. 1988, and pumping exclusively rises to about 750 ml a day by day {}, Ru et al. 2020), so "
        "there is no stored milk to give yet. Build your supply with --mode supply (pumplog-supply(7)), and ask "
        "the baby's clinician or a lactation consultant about supplementing (ABM Clinical Protocol #3).{}",
        a.age_days, newborn_supply_days,
        a.estimated ? " The need is an estimate, so the shortfall may be its error, not your yield." : "");
}

}  // namespace

std::string advice_text(const PlanAdvice& a, Unit unit, const date::time_zone* zone) {
    // A shortfall's first clause, the same for every kind of it.
    // A need resting on estimated amounts says so (SPEC 5: estimates are marked).
    const auto short_of = [&](const PlanAdvice& x) {
        // A skipped pump is one of the window's, yielding nothing.
        const std::string skipped = x.skipped > 0 ? fmt::format(" ({} skipped)", x.skipped) : std::string();
        return fmt::format("{} {} about {}{}; your {} pump{}{} {} expected to give about {}, {} short",
                           shortfall_when(x, zone), drinks(x), amount(x.need, unit),
                           x.estimated ? " (an estimate: feeds were logged without amounts)" : "", x.pumps,
                           plural_s(x.pumps), skipped, x.pumps == 1 ? "is" : "are", amount(x.expected, unit),
                           amount(x.short_by, unit));
    };
    // What to do about milk still missing. On an estimated need the gap may be the estimate's error, not the
    // parent's yield: measuring comes before a lactation consultant.
    const auto still_missing = [](const PlanAdvice& x) -> std::string {
        if (x.coming_in) return coming_in_text(x);
        // Short for a skipped pump, not for the parent's yield: no consultant for that.
        if (x.skipped > 0) return "give stored milk for the rest.";
        return x.estimated ? "give stored milk for the rest. The need is an estimate, so the shortfall may be its "
                             "error, not your yield: log the amounts of a few bottles to know."
                           : "give stored milk for the rest, and ask a lactation consultant how to raise your yield.";
    };
    switch (a.kind) {
        case AdviceKind::no_away_windows:
            return "No away windows are set, so there is no pump to plan: set them with pumplog config set away "
                   "\"mon-fri 08:00-17:30\" (or --away), or plan a pump for every feed with --mode exclusive.";
        case AdviceKind::not_away:
            // Not "the baby feeds at the breast": a baby fed formula at home is not (review I #3).
            return "You are not away in this period, so no pump is planned: you are home for every feed.";
        case AdviceKind::no_pumps_logged:
            return fmt::format(
                "No pump was logged from {} to {}, so the expected yield is unknown: log your pumps (pumplog add "
                "90ml) and the plan will compare them with what {}.",
                format_date(a.day), format_date(a.until_day), drinks(a));
        case AdviceKind::no_regular_feeds:
            return "No regular feed times were found in the look-back window: log every feed for a few more days.";
        case AdviceKind::shortfall: {
            const bool away = a.scope == AdviceScope::away;
            const std::string eats = need_of_words(a.planned, a.several_babies, "eats", "eat");
            std::string line =
                fmt::format("{}. The CDC advises adding a session if you cannot pump as much as {}{}: ",
                            short_of(a), eats, away ? " while you are away" : "");
            if (a.respaced)
                line += fmt::format(
                    "pump {} times instead of {}, re-spaced to keep {} (min_gap) between pumps; the new one is at {} "
                    "({}about {} more expected){}.",
                    a.pumps + 1, a.pumps, format_duration(a.gap), a.at ? format_clock_told_apart(*a.at, zone) : "-",
                    a.overdue ? "overdue now, " : "", amount(a.extra_expected, unit),
                    a.night ? fmt::format(", at night: your waking hours have no room for one more pump {} (min_gap) "
                                          "from the others",
                                          format_duration(a.gap))
                            : "");
            else if (a.night)
                line += fmt::format(
                    "pump also at {} ({}about {} expected), at night: no time in your waking hours keeps {} "
                    "(min_gap) from your other pumps{}.",
                    a.at ? format_clock_told_apart(*a.at, zone) : "-", a.overdue ? "overdue now, " : "",
                    amount(a.extra_expected, unit), format_duration(a.gap),
                    away ? ", the ones you pump at home included, nor does re-spacing the day's pumps" : "");
            else
                line += fmt::format("pump also at {} ({}about {} expected).",
                                    a.at ? format_clock_told_apart(*a.at, zone) : "-", a.overdue ? "overdue now, " : "",
                                    amount(a.extra_expected, unit));
            if (std::lround(a.missing.ml()) > 0)
                line += fmt::format(" Even then about {} is missing: {}", amount(a.missing, unit), still_missing(a));
            return line;
        }
        case AdviceKind::no_room:
            return fmt::format("{}, and no other session fits {} (min_gap) from the others: {}", short_of(a),
                               format_duration(a.gap), still_missing(a));
        case AdviceKind::small_shortfall:
            // What is uncertain: the expected yields, predicted from past pumps, and the need only when it rests
            // on an intake estimate (a.estimated), never "the estimate" of a need the journal measured.
            return short_of(a) +
                   fmt::format(": less than half of what a session gives, within the error of {}, so no session "
                               "is added; {}",
                               a.estimated ? "the intake estimate and of the expected yields (predicted from past "
                                             "pumps)"
                                           : "the expected yields (predicted from past pumps)",
                               a.coming_in ? coming_in_text(a) : "a little stored milk covers it.");
        case AdviceKind::pinned_shortfall:
            // The schedule's times are kept (no session proposed): the parent learns what they leave short.
            // The pumps' own targets (a feed no pinned pump covers is uncovered_feed's, not counted here).
            return fmt::format(
                "{}, your {} pinned pump{} aim{} for about {}{} and {} expected to give about {}{}, {} short: the "
                "schedule's times are kept, so no session is added; {}",
                shortfall_when(a, zone), a.pumps, plural_s(a.pumps), a.pumps == 1 ? "s" : "", amount(a.need, unit),
                a.estimated ? " (an estimate: feeds were logged without amounts)" : "", a.pumps == 1 ? "is" : "are",
                amount(a.expected, unit), a.skipped > 0 ? fmt::format(" ({} skipped)", a.skipped) : std::string(),
                amount(a.short_by, unit),
                a.coming_in ? coming_in_text(a)
                            : fmt::format("give about {} of stored milk for it (or pump once more, at a time you "
                                          "choose).",
                                          amount(a.short_by, unit)));
        case AdviceKind::estimated_intake: {
            const std::string age = intake_age_sentence(a);
            if (!a.shares.empty()) return shared_intake_text(a, unit, age);
            // The study's ranges (Saint et al. 1984, by test-weighing), as it gives them.
            const std::string rough =
                a.rough ? " In the first days intake rises quickly and varies widely (Saint et al. 1984 measured "
                          "7-123 g in the first 24 hours, 98-775 g on day 3 and 453-876 g on day 5), so this "
                          "estimate is rough."
                        : "";
            // A few feeds measured (half or fewer): the others count a feed's share of the norm beside them, so
            // the targets need not add up to the day's norm: the sentence says what each counts.
            if (a.measured > 0) {
                const std::string what = a.extrapolated ? fmt::format("the norm at 12 months held for an older child "
                                                                      "(day {}), a rough guess",
                                                                      a.age_days)
                                                        : fmt::format("what babies drink on day {}", a.age_days);
                const std::string norm = fmt::format("about {} a day, {} ({})", amount(a.daily, unit), what,
                                                     source_words(a.text));
                return fmt::format(
                    "The targets are {}estimates: {}, so the plan counts each feed without an amount at {}{}.{}{}{} "
                    "Log more bottles with their amounts for measured targets.",
                    a.own_slots > 0 ? "partly " : "", feeds_without_amount(a), amount(a.per_feed, unit),
                    a.capped ? capped_feed_words(std::lround(a.feedings), a.fewest_feeds) + " of " + norm
                             : fmt::format(", a feed's share of {}, over the plan's {} feeds a day", norm,
                                           std::lround(a.feedings)),
                    own_slots_words(a), rough, age);
            }
            // Past 12 months no source gives a norm: the 12-month figure is held and said to be a guess, never
            // "what babies drink on day N".
            if (a.extrapolated)
                return fmt::format(
                    "The targets are estimates: {}, so the plan counts about {} a day, the norm at 12 months ({}) "
                    "held for an older child (day {}): no published norm applies past 12 months, and as other foods "
                    "take over this is a rough guess. {}.{}{} Log some bottles with their amounts to plan from your "
                    "own.",
                    feeds_without_amount(a), amount(a.daily, unit), source_words(a.text), a.age_days,
                    a.capped ? fmt::format("Each target is {}{}", amount(a.per_feed, unit),
                                           capped_feed_words(std::lround(a.feedings), a.fewest_feeds))
                             : fmt::format("It is shared over the plan's {} feeds a day: {} a feed",
                                           std::lround(a.feedings), amount(a.per_feed, unit)),
                    own_slots_words(a), age);
            return fmt::format(
                "The targets are estimates: {}, so the plan counts about {} a day, what babies drink on day {} ({}), "
                "{}.{}{}{} Log some bottles with their amounts for measured targets.",
                feeds_without_amount(a), amount(a.daily, unit), a.age_days, source_words(a.text),
                a.capped ? fmt::format("but each target is {}{}", amount(a.per_feed, unit),
                                       capped_feed_words(std::lround(a.feedings), a.fewest_feeds))
                         : fmt::format("shared over the plan's {} feeds a day: {} a feed", std::lround(a.feedings),
                                       amount(a.per_feed, unit)),
                own_slots_words(a), rough, age);
        }
        case AdviceKind::uncovered_feed:
            return fmt::format(
                "The {} feed on {} has no pinned pump within {} (min_gap) and is in no pump's target: leave about {} "
                "of stored milk for it, or add a time near {} to the schedule.",
                a.at ? format_clock(*a.at, zone) : "-", a.at ? day_label(*a.at, zone) : "-", format_duration(a.gap),
                amount(a.need, unit), a.at ? format_clock(*a.at, zone) : "-");
        case AdviceKind::long_gap:
            return fmt::format(
                "From {} {} to {} {} is {} without a pump or a feed at the breast, over the {} maximum: add a "
                "pinned time between them.",
                day_label(a.begin, zone), format_clock(a.begin, zone), day_label(a.end, zone),
                format_clock(a.end, zone),
                format_duration(std::chrono::duration_cast<seconds>(a.end - a.begin)), format_duration(a.gap));
        case AdviceKind::pinned_outside_away: {
            const std::string time = a.minutes.empty() ? "-" : format_minute_of_day(a.minutes.front());
            return fmt::format(
                "The pinned time {} is outside {} ({}), so it is planned on no day: a plan's pumps are for the "
                "hours you are away (at home the baby feeds at the breast). Widen the away window to plan it, or "
                "take {} out of the schedule.",
                time, a.count > 1 ? "every away window" : "the away window", a.text, time);
        }
        case AdviceKind::min_gap_conflict: {
            const std::string_view longest = a.night ? "max_gap_night" : "max_gap_day";
            return fmt::format(
                "The pumps at {} and {} on {} are {} apart, under the {} minimum (min_gap): {} between pumps and never "
                "over {} ({}) from one milk removal to the next cannot both hold there, so the longest gap wins. "
                "Lower min_gap or raise {} to have both.",
                format_clock(a.begin, zone), format_clock(a.end, zone), day_label(a.begin, zone),
                format_duration(std::chrono::duration_cast<seconds>(a.end - a.begin)), format_duration(a.gap),
                format_duration(a.gap), format_duration(a.longest), longest, longest);
        }
        case AdviceKind::clock_change:
            if (a.minutes.empty())
                return fmt::format(
                    "The clocks go forward on {} between the {} and {} pumps: they are only {} apart, under the {} "
                    "minimum (min_gap): no time that night keeps {} from the pumps before and after the first, and "
                    "one pump for both would leave a gap over {} ({}).",
                    day_label(a.begin, zone), format_clock(a.begin, zone), format_clock(a.end, zone),
                    format_duration(std::chrono::duration_cast<seconds>(a.end - a.begin)), format_duration(a.gap),
                    format_duration(a.gap), format_duration(a.longest), a.night ? "max_gap_night" : "max_gap_day");
            return fmt::format(
                "The clocks go forward on {}: the {} pump is at {}, only {} before the {} one, under the {} minimum "
                "(min_gap): no time that night keeps {} from the pumps before and after it, and one pump for both "
                "would leave a gap over {} ({}).",
                day_label(a.begin, zone), a.minutes.empty() ? "-" : format_minute_of_day(a.minutes.front()),
                format_clock(a.begin, zone), format_duration(std::chrono::duration_cast<seconds>(a.end - a.begin)),
                format_clock(a.end, zone), format_duration(a.gap), format_duration(a.gap), format_duration(a.longest),
                a.night ? "max_gap_night" : "max_gap_day");
        case AdviceKind::incomplete_day:
            return fmt::format("{} looks incompletely logged: it counts less in the plan.", format_date(a.day));
        case AdviceKind::nursing_in_supply:
            return fmt::format(
                "The {} also fed at the breast {}: that milk is not measured, so the {} you "
                "pumped{} ({}) is only part of your supply and cannot show that you are behind. The numbers tell how "
                "often and how much you pump; they cannot tell how much {} took at the breast (a lactation "
                "consultant can weigh {} before and after a feed).",
                a.several_babies ? "babies" : "baby",
                a.count > 0 ? plural(a.count, "time", "times") + " in the last 24 hours"
                            : fmt::format("{} in the last 3 days, the last on {} {} (none logged in the last 24 "
                                          "hours: nursing not logged is not nursing stopped)",
                                          plural(a.breast_72h, "time", "times"),
                                          a.at ? day_label(*a.at, zone) : "-", a.at ? format_clock(*a.at, zone) : "-"),
                amount(a.expected, unit), a.count > 0 ? "" : " in the last 24 hours",
                plural(a.pumps, "session", "sessions") +
                    (a.unmeasured > 0 ? fmt::format(", {} without a volume, not counted", a.unmeasured) : ""),
                a.several_babies ? "the babies" : "the baby", a.several_babies ? "each baby" : "the baby");
        // A falling supply (falling_supply in supply.hpp, which lists the sources): the fall with its numbers,
        // then what helps, each with its source.
        // Pumping exclusively, a parent weaning cuts down the pumps on purpose: said plainly, in one clause.
        case AdviceKind::falling_supply:
            return fmt::format(
                "Your supply is falling: from about {} a day ({} to {}) to about {} a day over the last {} days ({} "
                "to {}), {}% less{}. What helps: remove milk more often and more completely (8-10 sessions in 24 "
                "hours, Ameda; ABM Clinical Protocol #9); add hand expression and hands-on pumping (Morton et al. "
                "2009); check the pump and the fit of its breast shields (Meier et al. 2016); hold the baby skin to "
                "skin (Hurst et al. 1997); and see a lactation consultant (IBCLC) soon (ABM Clinical Protocol #9).",
                amount(a.need, unit), format_date(a.day), format_date(a.day + date::days(supply_falling_days - 1)),
                amount(a.expected, unit), supply_falling_days,
                format_date(a.until_day - date::days(supply_falling_days - 1)), format_date(a.until_day),
                falling_percent(a),
                a.maybe_weaning ? " (if you are cutting down your pumps on purpose, this is expected)" : "");
        // Supply mode's advice: the core words the sentence (supply_progress.cpp), the numbers are data.
        case AdviceKind::on_track:
        case AdviceKind::behind:
        case AdviceKind::full_volume:
        case AdviceKind::not_enough_data:
        case AdviceKind::next_milestone:
        case AdviceKind::add_sessions:
        case AdviceKind::add_night_session:
        case AdviceKind::pump_longer:
        case AdviceKind::see_consultant:
        case AdviceKind::keep_pumping:
        case AdviceKind::sleep_window:
        case AdviceKind::milestones_unscaled:
        case AdviceKind::schedule_not_used:
        case AdviceKind::note: return a.text;
    }
    return a.text;
}

// A plan's advice worded for its babies: a plan whose slots name several says "the babies" in every
// sentence (the core sets the flag on the shortfalls and supply mode's; the others read it from the slots),
// and one that leaves a baby with feeds out names the babies it plans for ("Zoë drinks": planned_only).
namespace {

std::string plan_advice_text(const Plan& plan, const PlanAdvice& a, Unit unit, const date::time_zone* zone) {
    const std::vector<std::string> planned = a.planned.empty() ? planned_only(plan.basis) : a.planned;
    if ((a.several_babies || !several_babies(plan.slots)) && planned == a.planned) return advice_text(a, unit, zone);
    PlanAdvice told = a;
    told.several_babies = told.several_babies || several_babies(plan.slots);
    told.planned = planned;
    return advice_text(told, unit, zone);
}

}  // namespace

std::string advice_json(const PlanAdvice& a, Unit unit, const date::time_zone* zone) {
    json j{{"kind", kind_name(a.kind)}};
    const auto at = [&] { return a.at ? json(format_rfc3339(*a.at, zone)) : json(nullptr); };
    const auto clocks_of = [](const std::vector<int>& minutes) {
        json times = json::array();
        for (const int m : minutes) times.push_back(format_minute_of_day(m));
        return times;
    };
    switch (a.kind) {
        case AdviceKind::no_pumps_logged:
            j["since"] = format_date(a.day);
            j["until"] = format_date(a.until_day);
            break;
        case AdviceKind::shortfall:
        case AdviceKind::no_room:
        case AdviceKind::small_shortfall:
        case AdviceKind::pinned_shortfall:
            j["scope"] = scope_name(a.scope);
            j["begin"] = format_rfc3339(a.begin, zone);
            j["end"] = format_rfc3339(a.end, zone);
            j["pumps"] = a.pumps;
            j["skipped"] = a.skipped;  // of pumps, those skipped (plan skip): they yield nothing
            j[key("need", unit)] = volume(a.need, unit);
            j[key("expected", unit)] = volume(a.expected, unit);
            j[key("short", unit)] = volume(Volume::from_ml(std::round(a.short_by.ml())), unit);
            j["estimated"] = a.estimated;  // as the pumps it weighs: the need rests on estimated amounts
            // The first days after birth: the supply still coming in, no stored milk to give (only then).
            if (a.coming_in) {
                j["coming_in"] = true;
                j["age_days"] = a.age_days;
            }
            if (a.kind == AdviceKind::no_room) j["min_gap_min"] = a.gap.count();
            if (a.kind != AdviceKind::shortfall) break;
            j["at"] = at();
            j[key("extra_expected", unit)] = volume(a.extra_expected, unit);
            j[key("missing", unit)] = volume(a.missing, unit);
            j["respaced"] = a.respaced;
            j["overdue"] = a.overdue;  // the extra session's time has passed with none logged: pump now
            j["night"] = a.night;      // at night, as no time in waking hours keeps min_gap
            break;
        case AdviceKind::estimated_intake:
            j["age_days"] = a.age_days;
            j[key("daily", unit)] = volume(a.daily, unit);
            j[key("per_feed", unit)] = volume(a.per_feed, unit);
            j["feeds_per_day"] = std::lround(a.feedings);  // the plan's feeds a day (its slots)
            j["source"] = a.text;
            j["birth"] = format_date(a.day);
            j["birth_assumed"] = a.birth_assumed;
            // The birth date set, when it is after the first feed logged (`birth`, which the age counts from).
            j["birth_after_first_feed"] =
                a.birth_after_first_feed ? json(format_date(*a.birth_after_first_feed)) : json(nullptr);
            j["rough"] = a.rough;
            j["extrapolated"] = a.extrapolated;
            // Several babies: per_feed_ml is what each of the slots counts (a joint one adds the babies'
            // shares), null when they differ; the norm is the source's per baby, daily_ml their sum.
            j["babies"] = a.babies;
            j[key("per_baby_daily", unit)] = volume(a.per_baby_daily, unit);
            j["joint_slots"] = a.joint;
            // The feeds the estimate stands in for (the look-back window's): at the breast, bottles without one.
            j["feeds"] = a.count;
            j["at_breast"] = a.at_breast;
            j["bottles_without_amount"] = a.bottles;
            j["feeds_with_amount"] = a.measured;  // too few to stand for the rest (half of the feeds or fewer)
            j["measured_slots"] = a.own_slots;    // of feeds_per_day, those whose feeds mostly had an amount
            // Too few feeds a day for the age: per_feed_ml is the most one feed counts (pumplog-plan(1)).
            j["capped"] = a.capped;
            if (!a.shares.empty()) {
                j[key("per_feed", unit)] = a.slot_amount ? volume(*a.slot_amount, unit) : json(nullptr);
                json shares = json::array();
                for (const IntakeShare& s : a.shares)
                    shares.push_back({{"baby", s.baby.empty() ? json(nullptr) : json(s.baby)},
                                      {"feeds_per_day", s.feeds},
                                      {key("per_feed", unit), volume(s.per_feed, unit)},
                                      // Its own age and norm (each baby's own with a birth date per baby).
                                      {"age_days", s.age_days},
                                      {key("daily", unit), volume(s.daily, unit)},
                                      {"birth", format_date(s.day)},
                                      {"birth_assumed", s.birth_assumed},
                                      {"birth_after_first_feed", s.birth_after_first_feed
                                                                     ? json(format_date(*s.birth_after_first_feed))
                                                                     : json(nullptr)}});
                j["per_baby"] = shares;
            }
            break;
        case AdviceKind::uncovered_feed:
            j["at"] = at();
            j[unit_name(unit)] = volume(a.need, unit);
            j["min_gap_min"] = a.gap.count();
            break;
        case AdviceKind::long_gap:
            j["from"] = format_rfc3339(a.begin, zone);
            j["to"] = format_rfc3339(a.end, zone);
            j["max_gap_min"] = a.gap.count();
            break;
        case AdviceKind::pinned_outside_away:
            j["time"] = a.minutes.empty() ? json(nullptr) : json(format_minute_of_day(a.minutes.front()));
            j["away"] = a.text;
            j["away_windows"] = a.count;  // the sentence's "the away window" (1) or "every away window"
            break;
        case AdviceKind::min_gap_conflict:
            j["from"] = format_rfc3339(a.begin, zone);
            j["to"] = format_rfc3339(a.end, zone);
            j["min_gap_min"] = a.gap.count();
            j["max_gap_min"] = a.longest.count();
            j["night"] = a.night;
            break;
        case AdviceKind::clock_change:
            j["from"] = format_rfc3339(a.begin, zone);
            j["to"] = format_rfc3339(a.end, zone);
            j["min_gap_min"] = a.gap.count();
            j["laid_out"] = a.minutes.empty() ? json(nullptr) : json(format_minute_of_day(a.minutes.front()));
            j["max_gap_min"] = a.longest.count();
            j["night"] = a.night;
            break;
        case AdviceKind::incomplete_day: j["date"] = format_date(a.day); break;
        case AdviceKind::nursing_in_supply:
            j["breast_feeds_24h"] = a.count;
            j["breast_feeds_72h"] = a.breast_72h;
            j["last_breast_feed"] = at();
            j[key("pumped_24h", unit)] = volume(a.expected, unit);
            j["sessions_24h"] = a.pumps;
            j["sessions_without_volume_24h"] = a.unmeasured;
            break;
        case AdviceKind::on_track:
        case AdviceKind::behind:
        case AdviceKind::full_volume:
        case AdviceKind::not_enough_data:
            j["day"] = a.day_unknown ? json(nullptr) : json(a.age_days);
            j[key("pumped_24h", unit)] = volume(a.expected, unit);
            j["sessions_24h"] = a.pumps;
            j["sessions_without_volume_24h"] = a.unmeasured;
            j["night_session"] = a.night;
            j[key("milestone", unit)] = a.milestone ? volume(*a.milestone, unit) : json(nullptr);
            j["source"] = a.source;
            if (a.kind == AdviceKind::not_enough_data) j["reason"] = a.reason;
            break;
        case AdviceKind::next_milestone:
            j["day"] = a.age_days;
            j[key("milestone", unit)] = a.milestone ? volume(*a.milestone, unit) : json(nullptr);
            j["source"] = a.source;
            break;
        case AdviceKind::add_sessions:
            j["sessions_24h"] = a.pumps;
            j["aim"] = a.count;
            j["source"] = a.source;
            break;
        case AdviceKind::add_night_session:
            j["from"] = format_minute_of_day(supply_night.begin_min);
            j["to"] = format_minute_of_day(supply_night.end_min);
            j["source"] = a.source;
            break;
        case AdviceKind::pump_longer: j["source"] = a.source; break;
        case AdviceKind::see_consultant:
            j["when"] = a.reason;
            if (a.reason == "if_behind_on_day_8") j["day"] = a.age_days;
            j[key("coming_to_volume", unit)] = a.milestone ? volume(*a.milestone, unit) : json(nullptr);
            j["coming_to_volume_day"] = supply_coming_to_volume_day;
            // came_to_volume: the first whole day over it; null when only the last 24 hours were.
            if (a.reason == "came_to_volume")
                j["came_to_volume_on"] = a.came_to_volume_on ? json(format_date(*a.came_to_volume_on)) : json(nullptr);
            j["source"] = a.source;
            break;
        case AdviceKind::falling_supply:
            // The daily means, as the sentence says them ("about 832 ml"), and the days each is of.
            j[key("from", unit)] = volume(Volume::from_ml(std::round(a.need.ml())), unit);
            j[key("to", unit)] = volume(Volume::from_ml(std::round(a.expected.ml())), unit);
            j["fall_percent"] = falling_percent(a);
            j["from_first"] = format_date(a.day);
            j["from_last"] = format_date(a.day + date::days(supply_falling_days - 1));
            j["to_first"] = format_date(a.until_day - date::days(supply_falling_days - 1));
            j["to_last"] = format_date(a.until_day);
            j["source"] = a.source;
            break;
        case AdviceKind::keep_pumping:
            j["sessions_24h"] = a.pumps;
            j["night_session"] = a.night;
            j["aim"] = a.count > 0 ? json(a.count) : json(nullptr);
            j["source"] = a.source;
            break;
        case AdviceKind::sleep_window: {
            j["sleep"] = format_daily_window(DailyWindow{a.window_begin, a.window_end});
            j["sessions"] = clocks_of(a.minutes);
            j["source"] = a.source;
            break;
        }
        case AdviceKind::milestones_unscaled:
            j["babies"] = a.count;
            j["source"] = a.source;
            break;
        case AdviceKind::schedule_not_used: {
            j["schedule"] = clocks_of(a.minutes);
            break;
        }
        case AdviceKind::note:
            j["text"] = a.text;
            // Supply mode's note on a birth date after the first feed logged: the date set, and the first
            // feed's day the days count from.
            if (a.birth_after_first_feed) {
                j["birth_after_first_feed"] = format_date(*a.birth_after_first_feed);
                j["birth"] = format_date(a.day);
                j["age_days"] = a.age_days;
            }
            break;
        default: break;
    }
    return j.dump();
}

namespace {
// The babies a plan leaves out, for its JSON: [{"baby": name or null (feeds without one), "reason": "..."}].
json not_planned_json(const PlanBasis& basis) {
    json out = json::array();
    for (const NotPlanned& n : basis.not_planned)
        out.push_back(json{{"baby", n.baby.empty() ? json(nullptr) : json(n.baby)}, {"reason", n.reason}});
    return out;
}
}  // namespace

std::string plan_table(const Plan& plan, TimeSpan range, Unit unit, const Style& style, const date::time_zone* zone) {
    const date::sys_days first = local_day(range.begin, zone), end = local_day(range.end, zone);
    std::string heading;
    if (range.begin == start_of_local_day(first, zone) && range.end == start_of_local_day(end, zone))
        heading = end - first == date::days(1) ? fmt::format("Pumping plan for {}", day_label(range.begin, zone))
                                               : fmt::format("Pumping plan for {} to {}", day_label(range.begin, zone),
                                                             day_label(range.end - seconds(1), zone));
    else
        heading =
            fmt::format("Pumping plan from {} {} to {} {}", day_label(range.begin, zone),
                        format_clock(range.begin, zone), day_label(range.end, zone), format_clock(range.end, zone));
    std::string out = style.bold(fmt::format("{} ({})", heading, zone->name())) + "\n\n";
    // A pump done with (logged early, or skipped) is passed over, as plan next passes over it.
    const auto done = [](const PlannedPump& p) { return p.done != PumpDone::no; };
    if (std::all_of(plan.pumps.begin(), plan.pumps.end(), done)) {
        out += "No pump planned.\n";
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : plan.pumps) {
            if (done(p)) continue;
            // The table keeps to 80 columns: an extra session's source is named, its
            // words are in the advice below (the CSV and the calendar give them whole).
            std::string why = p.reason;
            if (!p.source.empty()) why += fmt::format(" ({}: see advice)", p.source.substr(0, p.source.find(':')));
            if (p.extra) why = style.yellow(why);
            rows.push_back({day_label(p.at, zone), format_clock_told_apart(p.at, zone),
                            no_target(p) ? "-" : target_text(p.target, p.estimated, unit),
                            p.expected ? format_volume(*p.expected, unit) : "-", why});
        }
        out += table({{"day"}, {"time"}, {"target", Align::right}, {"expected", Align::right}, {"why"}}, rows);
    }
    if (!plan.slots.empty()) {
        std::string slots;
        for (const auto& s : plan.slots) {
            // Whose feeds, when the journal names several babies: "Ada + Ben".
            std::string names;
            for (const auto& b : s.babies) names += (names.empty() ? "" : " + ") + (b.empty() ? "unnamed" : terminal_text(b));
            slots += fmt::format("{}{} {}{} (seen {} d)", slots.empty() ? "" : ", ", format_minute_of_day(s.minute),
                                 target_text(s.amount, s.estimated, unit),
                                 names.empty() ? "" : " " + names, s.seen);
        }
        out += std::string(several_babies(plan.slots) ? "\nThe babies' day: " : "\nThe baby's day: ") + slots + "\n";
    }
    // In supply mode the basis is the parent's pumps: there are no feeds to learn from.
    const std::string_view counted = plan.progress ? "pump" : "feed";
    out += fmt::format("Basis: {} on {} from {} to {}.\n", plural(plan.basis.feeds, counted),
                       plural(plan.basis.days, "day"), format_date_time(plan.basis.since, zone), format_date_time(plan.basis.until, zone));
    // A note may name a baby (journal text): control characters escaped.
    for (const auto& n : plan.basis.notes) out += "  " + terminal_text(n) + (n.ends_with('.') ? "\n" : ".\n");
    if (plan.progress) {
        const auto& p = *plan.progress;
        // A session without a volume is unknown, not 0 ml: named, not summed.
        out += fmt::format("Progress: {}{} in {} over the last 24 h{}{}{}.\n",
                           p.day_unknown ? "" : fmt::format("day {}, ", p.day), format_volume(p.pumped_24h, unit),
                           plural(p.sessions_24h, "session"),
                           p.unmeasured_24h > 0 ? fmt::format(" ({} without a volume, not counted)", p.unmeasured_24h)
                                                : std::string(),
                           p.night_session ? ", one at night" : "",
                           p.milestone ? fmt::format(" (milestone {})", format_rounded_volume(*p.milestone, unit)) : "");
    }
    if (!plan.advice.empty()) {
        out += "\n";
        for (const auto& a : plan.advice)
            // A sentence may name a baby (journal text): control characters escaped.
            out += style.yellow("Advice: ") + terminal_text(plan_advice_text(plan, a, unit, zone)) + "\n";
    }
    return out;
}

namespace {
std::string reason_text(const PlannedPump& p);
}  // namespace

std::string plan_json(const Plan& plan, Unit unit, const date::time_zone* zone) {
    json j = json::object();
    j["basis"] = json{{"feeds", plan.basis.feeds},
                      {"merged", plan.basis.merged},
                      {"days", plan.basis.days},
                      {"since", format_rfc3339(plan.basis.since, zone)},
                      {"until", format_rfc3339(plan.basis.until, zone)}};
    json slots = json::array();
    for (const auto& s : plan.slots) {
        slots.push_back(json{{"time", format_minute_of_day(s.minute)},
                             {unit_name(unit), volume(s.amount, unit)},
                             {"seen", s.seen},
                             {"estimated", s.estimated}});
        // Whose feeds, when the journal names several babies (SPEC 12); the feeds without a name as null, as
        // not_planned names them (pumplog-plan(1) OUTPUT), never a blank name.
        if (!s.babies.empty()) {
            json babies = json::array();
            for (const std::string& b : s.babies) babies.push_back(b.empty() ? json(nullptr) : json(b));
            slots.back()["babies"] = babies;
        }
    }
    j["slots"] = slots;
    json pumps = json::array();
    for (const auto& p : plan.pumps) {
        if (p.done != PumpDone::no) continue;  // done with: passed over, as plan next passes over it
        json covers = json::array();
        for (const auto& c : p.covers) covers.push_back(format_rfc3339(c, zone));
        pumps.push_back(json{{"at", format_rfc3339(p.at, zone)},
                             {key("target", unit), volume(p.target, unit)},
                             {key("expected", unit), p.expected ? volume(*p.expected, unit) : json(nullptr)},
                             {"covers", covers},
                             {"estimated", p.estimated},
                             // As the CSV has them: an extra session (SPEC 5.3), and why the pump is there.
                             {"extra", p.extra},
                             {"reason", reason_text(p)}});
    }
    j["pumps"] = pumps;
    json sentences = json::array(), items = json::array();
    for (const auto& a : plan.advice) {
        sentences.push_back(plan_advice_text(plan, a, unit, zone));
        items.push_back(json::parse(advice_json(a, unit, zone)));
    }
    j["advice"] = sentences;
    j["advice_items"] = items;
    j["not_planned"] = not_planned_json(plan.basis);  // several babies: those left out (also in the table's basis)
    if (plan.progress) {
        const auto& p = *plan.progress;
        j["progress"] = json{{"day", p.day_unknown ? json(nullptr) : json(p.day)},
                             {key("pumped_24h", unit), volume(p.pumped_24h, unit)},
                             {"sessions_24h", p.sessions_24h},
                             {"sessions_without_volume_24h", p.unmeasured_24h},
                             {"night_session", p.night_session},
                             {key("milestone", unit), p.milestone ? volume(*p.milestone, unit) : json(nullptr)},
                             {"verdict", std::string(verdict_name(p.verdict))}};
    }
    return dump(j);
}

namespace {
// A pump's reason with its source, when it has one: "extra: makes up 75 ml (CDC: add a session when ...)".
std::string reason_text(const PlannedPump& p) {
    return p.source.empty() ? p.reason : p.reason + " (" + p.source + ")";
}
}  // namespace

std::string plan_csv(const Plan& plan, Unit unit, const date::time_zone* zone) {
    std::string out =
        csv_row({"at", key("target", unit), key("expected", unit), "covers", "extra", "reason", "estimated"});
    for (const auto& p : plan.pumps) {
        if (p.done != PumpDone::no) continue;  // done with: passed over, as plan next passes over it
        std::string covers;
        for (const auto& c : p.covers) covers += (covers.empty() ? "" : " ") + format_rfc3339(c, zone);
        out += csv_row({format_rfc3339(p.at, zone), number(output_value(p.target, unit)),
                        p.expected ? number(output_value(*p.expected, unit)) : "", covers, p.extra ? "true" : "false",
                        reason_text(p), p.estimated ? "true" : "false"});
    }
    return out;
}

namespace {
// A baby's name in a UID: its name_key (as names compare: case, accents' encoding and spaces ignored, so the same
// baby always gives the same UID), with a-z, 0-9 and '-' kept and every other byte as %XX ("Zoë" is zoe%CC%88):
// two babies' names never give one slug, and a UID holds no space, comma or control character.
std::string uid_slug(std::string_view baby) {
    std::string out;
    for (const char c : name_key(baby)) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-') out += c;
        else out += fmt::format("%{:02X}", u);
    }
    return out;
}
}  // namespace

std::string plan_ics(const Plan& plan, Unit unit, const date::time_zone* zone, Seconds stamp, IcsEarlier earlier,
                     std::string_view baby) {
    const bool utc = is_utc(zone);
    // One baby's plan (--baby) is a calendar of its own beside the joint plan's and the other babies': its name
    // in the calendar's name and in every UID, so importing two of them into one calendar replaces no event.
    const std::string calendar =
        baby.empty() ? std::string("Pumping plan") : "Pumping plan for " + terminal_text(baby) + "'s feeds";
    const std::string slug = baby.empty() ? std::string() : "-" + uid_slug(baby);
    std::string out = ics_line("BEGIN:VCALENDAR") + ics_line("VERSION:2.0") +
                      ics_line("PRODID:-//pumplog//pumping plan//EN") + ics_line("CALSCALE:GREGORIAN") +
                      ics_line("METHOD:PUBLISH") + ics_line("X-WR-CALNAME:" + ics_escape(calendar));
    // The advice, worded, as the calendar's description.
    std::string advice;
    for (const auto& a : plan.advice) advice += (advice.empty() ? "" : "\n") + plan_advice_text(plan, a, unit, zone);
    if (!advice.empty()) out += ics_line("X-WR-CALDESC:" + ics_escape(advice));
    // RFC 5545 3.6: a calendar holds at least one component. With no pump planned (no away window, supply
    // mode before the birth date) the zone's VTIMEZONE is that one, so a subscribed calendar stays valid.
    if (plan.pumps.empty())
        out += vtimezone(zone, stamp, stamp);
    else if (!utc)
        out += vtimezone(zone, plan.pumps.front().at, plan.pumps.back().at + minutes(ics_event_minutes));
    // A local time with TZID reads as its first occurrence (RFC 5545 3.3.5): the second one of a night the
    // clocks go back (an end 20 min after a 02:50 start) is written in UTC, or it would end before it starts.
    const auto when = [&](std::string_view name, Seconds at) {
        const LocalSeconds local = to_local(at, zone);
        if (utc || to_instant(local, zone) != at) return fmt::format("{}:{}", name, ics_utc(at));
        return fmt::format("{};TZID={}:{}", name, zone->name(), ics_local(local));
    };
    // The UID is the pump's local date and its place that day (1, 2, ...), counted from the day's first pump
    // (`earlier` of them before the plan): a re-written file updates the same events, whatever the times became.
    // Extra sessions are counted apart (YYYYMMDD-extra-N), so one that comes or goes (its time passed, a
    // shortfall made up) does not renumber the day's other pumps.
    date::sys_days day = plan.pumps.empty() ? date::sys_days{} : local_day(plan.pumps.front().at, zone);
    int place = earlier.pumps, extra_place = earlier.extras;
    for (const auto& p : plan.pumps) {
        const date::sys_days d = local_day(p.at, zone);
        if (d != day) place = extra_place = 0;
        day = d;
        const std::string ymd = compact_date(p.at, zone);
        const std::string uid = p.extra ? fmt::format("{}-extra-{}{}@pumplog", ymd, ++extra_place, slug)
                                        : fmt::format("{}-{}{}@pumplog", ymd, ++place, slug);
        std::string description = reason_text(p);
        if (p.expected)
            description +=
                fmt::format(". Expected from your pumps at this time: about {}", format_volume(*p.expected, unit));
        // A pump done with keeps its event (and UID), without an alarm: a calendar that imported it updates it.
        const std::string summary = p.done == PumpDone::skipped ? "Skipped: " + summary_of(p, unit)
                                    : p.done == PumpDone::pumped ? "Done: " + summary_of(p, unit)
                                                                 : summary_of(p, unit);
        out += ics_line("BEGIN:VEVENT");
        out += ics_line("UID:" + uid);
        out += ics_line("DTSTAMP:" + ics_utc(stamp));
        out += ics_line(when("DTSTART", p.at));
        out += ics_line(when("DTEND", p.at + minutes(ics_event_minutes)));
        out += ics_line("SUMMARY:" + ics_escape(summary));
        out += ics_line("DESCRIPTION:" + ics_escape(description));
        out += ics_line("TRANSP:TRANSPARENT");
        if (p.done == PumpDone::skipped) out += ics_line("STATUS:CANCELLED");
        if (p.done != PumpDone::no) {
            out += ics_line("END:VEVENT");
            continue;
        }
        out += ics_line("BEGIN:VALARM");
        out += ics_line("ACTION:DISPLAY");
        out += ics_line("DESCRIPTION:" + ics_escape(summary));
        out += ics_line(fmt::format("TRIGGER:-PT{}M", ics_alarm_minutes));
        out += ics_line("END:VALARM");
        out += ics_line("END:VEVENT");
    }
    return out + ics_line("END:VCALENDAR");
}

namespace {
long in_minutes(const NextPump& next, const Clock& clock) {
    return static_cast<long>(std::lround(static_cast<double>((next.pump.at - clock.now).count()) / 60.0));
}
}  // namespace

std::string next_text(const NextPump& next, Unit unit, const Clock& clock) {
    const PlannedPump& p = next.pump;
    const long in = in_minutes(next, clock);
    std::string aim;
    if (added(p)) {
        const std::string_view reason = p.reason;
        // "it keeps the gap under 4 h" for a pump added to keep a gap short; a
        // supply session's reason is a phrase of its own ("before the birth date: ...").
        aim = reason.starts_with("added: ") ? fmt::format("; it {}", reason.substr(7)) : fmt::format("; {}", reason);
    } else if (no_target(p)) {
        aim = "; it covers no feed (pinned in the schedule)";
    } else {
        aim = fmt::format(", aim for {}{}", target_text(p.target, p.estimated, unit), p.extra ? " (an extra session)" : "");
    }
    if (next.overdue && in == 0)  // at its very time: due, not "0 min overdue"
        return fmt::format("Pump now: the {} pump is due{}\n", format_clock_told_apart(p.at, clock.zone), aim);
    if (next.overdue)
        return fmt::format("Pump now: the {} pump is {} overdue{}\n", format_clock_told_apart(p.at, clock.zone),
                           format_duration(minutes(-in)), aim);
    const date::sys_days today = local_day(clock.now, clock.zone);
    const date::sys_days day = local_day(p.at, clock.zone);
    std::string at;
    if (day == today)
        at = "at " + format_clock_told_apart(p.at, clock.zone);
    else if (day == today + date::days(1))
        at = "at " + format_clock_told_apart(p.at, clock.zone) + " tomorrow";
    else
        at = fmt::format("on {} at {}", day_label(day), format_clock_told_apart(p.at, clock.zone));
    return fmt::format("Pump {} (in {}){}\n", at, format_duration(minutes(in)), aim);
}

std::string next_json(const NextPump& next, Unit unit, const Clock& clock) {
    json j{{"at", format_rfc3339(next.pump.at, clock.zone)},
           {"in_min", in_minutes(next, clock)},
           {key("target", unit), volume(next.pump.target, unit)}};
    // A target from intake norms says so, as on the plan's pumps (SPEC 5: marked as estimates).
    if (next.pump.estimated) j["estimated"] = true;
    return dump(j);
}

std::string next_csv(const std::optional<NextPump>& next, Unit unit, const Clock& clock) {
    std::string out = csv_row({"at", "in_min", key("target", unit), "estimated"});
    if (next)
        out += csv_row({format_rfc3339(next->pump.at, clock.zone), std::to_string(in_minutes(*next, clock)),
                        number(output_value(next->pump.target, unit)), next->pump.estimated ? "true" : "false"});
    return out;
}

std::string stash_text(const StashPlan& s, Unit unit) {
    std::vector<std::string> times;
    for (const auto& slot : s.away_slots) times.push_back(format_minute_of_day(slot.minute));
    const std::string slots = and_list(times);
    std::string out = fmt::format("Back on {}: ", day_label(s.return_day));
    // Named when a baby with feeds is not planned for: the need is the others' alone ("Zoë drinks").
    out += fmt::format("while you are away {} about {} a day{}, on {} a week.\n",
                       terminal_text(need_of_words(planned_only(s.basis), s.several_babies, "drinks", "drink")),
                       format_volume(s.need_per_day, unit),
                       slots.empty() ? "" : fmt::format(" (the {} feed{})", slots, plural_s(s.away_slots.size())),
                       plural(s.away_days_per_week, "day"));
    const std::string days =
        s.target_days ? fmt::format("{} of need", s.target_kind == StashTargetKind::volume
                                                      ? fmt::format("about {} days", format_tenths(*s.target_days))
                                                      : plural(std::lround(*s.target_days), "day"))
                      : std::string("no feed falls while you are away");
    if (s.nothing_to_stash) {  // days of need, and no need
        out += "Stash to have: none: no feed falls while you are away, so there is nothing to stash for.\n";
    } else {
        switch (s.target_kind) {
            case StashTargetKind::volume:
                out += fmt::format("Stash to have: {}, {} (--target).\n", format_volume(s.target, unit), days);
                break;
            case StashTargetKind::days:
                out += fmt::format("Stash to have: {}, {} (--target).\n", days, format_volume(s.target, unit));
                break;
            default:
                // The volume in the display unit, as --target's own examples give it.
                out += fmt::format("Stash to have: {}, {} (the default; change it with --target 5d or --target {}).\n",
                                   days, format_volume(s.target, unit), unit == Unit::oz ? "60oz" : "2000ml");
        }
    }
    out += fmt::format("Stored already: {} still usable on {}{}; {} to build.\n",
                       s.stored.ml() > 0 ? format_volume(s.stored, unit) : std::string("nothing"),
                       day_label(s.return_day),
                       s.stored_containers > 0 ? fmt::format(" ({})", plural(s.stored_containers, "container"))
                                               : std::string(),
                       format_volume(s.to_build, unit));
    if (!s.sessions.empty()) {
        std::vector<std::string> usual;
        for (const int m : s.sessions) usual.push_back(format_minute_of_day(m));
        out += fmt::format("You pump at {} already.\n", and_list(usual));
    }
    if (s.nothing_to_stash)
        out += "Start: none: there is nothing to stash for.\n";
    else if (!s.start)  // today's session has passed and the return is tomorrow
        out += "Start: no day is left before the return.\n";
    else
        out += fmt::format("Start: {} ({} before the return).\n", day_label(*s.start),
                           plural((s.return_day - *s.start).count(), "day"));
    if (s.session_minute && s.per_day)
        out += fmt::format(
            "Extra daily session: {}, about {} a day{}.\n", format_minute_of_day(*s.session_minute),
            format_volume(*s.per_day, unit),
            s.days_needed ? fmt::format(", {} to the target", plural(*s.days_needed, "day")) : std::string());
    out += fmt::format("Basis: {} on {}.\n", plural(s.basis.feeds, "feed"), plural(s.basis.days, "day"));
    for (const auto& n : s.basis.notes) out += "  " + terminal_text(n) + ".\n";
    out += "\n";
    for (const auto& a : s.advice) out += "Advice: " + terminal_text(a) + "\n";  // it may name a baby
    return out;
}

std::string stash_json(const StashPlan& s, Unit unit) {
    json slots = json::array();
    for (const auto& slot : s.away_slots) slots.push_back(format_minute_of_day(slot.minute));
    json sessions = json::array();
    for (const int m : s.sessions) sessions.push_back(format_minute_of_day(m));
    json j{{"return", format_date(s.return_day)},
           {key("need_per_day", unit), volume(s.need_per_day, unit)},
           {"away_days_per_week", s.away_days_per_week},
           {"away_slots", slots},
           {key("target", unit), volume(s.target, unit)},
           {"target_days", s.target_days ? json_number(static_cast<double>(tenths(*s.target_days)) / 10) : json(nullptr)},
           {key("stored", unit), volume(s.stored, unit)},
           {key("to_build", unit), volume(s.to_build, unit)},
           {"sessions", sessions},
           // No day left before the return (the table's "no day is left"), or nothing to stash for: no day to
           // start on.
           {"start", s.start ? json(format_date(*s.start)) : json(nullptr)},
           {"days_left", s.days_left},
           {"session", s.session_minute && s.per_day
                           ? json{{"time", format_minute_of_day(*s.session_minute)}, {key("expected", unit), volume(*s.per_day, unit)}}
                           : json(nullptr)},
           {"days_needed", s.days_needed ? json(*s.days_needed) : json(nullptr)},
           {"reachable", s.reachable},
           {"basis", json{{"feeds", s.basis.feeds}, {"merged", s.basis.merged}, {"days", s.basis.days}}},
           {"not_planned", not_planned_json(s.basis)},
           {"advice", s.advice}};
    return dump(j);
}

}  // namespace pumplog::render
