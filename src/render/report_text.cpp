// Reports as text: CSV, JSON, Markdown, and the terminal table with its sentences.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pumplog/calendar.hpp"
#include "pumplog/entry.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/render/report.hpp"
#include "pumplog/text.hpp"
#include "render/report_cells.hpp"

namespace pumplog::render {

namespace {

// Tenths of a minute at the breast, of `time` or of its mean over `days`, rounded half away from zero: 15 s
// is 0.3 min, a mean of 5.25 min 5.3. One division: a tie (a whole number and a half) is then exact.
long long minute_tenths(std::chrono::seconds time, int days = 1) {
    return std::llround(static_cast<double>(time.count()) / (6.0 * days));
}

// Breast minutes for machines: to 0.1.
double breast_minutes(std::chrono::seconds time) { return static_cast<double>(minute_tenths(time)) / 10.0; }


// The machine values of a row, in column order after the label; none for a volume not known (every
// session, or every bottle, of the row without one): unknown, never 0 ml.
std::vector<std::optional<double>> values(const Tally& t, Unit unit) {
    const auto v = [&](Volume volume) { return std::optional(output_value(volume, unit)); };
    const auto pumped = [&](Volume volume) { return t.pumped_known() ? v(volume) : std::nullopt; };
    return {static_cast<double>(t.pump_sessions),
            pumped(t.pumped),
            pumped(t.left),
            pumped(t.right),
            static_cast<double>(t.feeds),
            t.bottle_known() ? v(t.bottle) : std::nullopt,
            static_cast<double>(t.breast_feeds),
            breast_minutes(t.breast_time),
            v(t.stored),
            v(t.used),
            v(t.discarded),
            static_cast<double>(t.skipped)};
}

// A CSV cell: the number, or nothing when it is not known.
void append_value(std::string& out, const std::optional<double>& value) {
    out += ',';
    if (value) append_number(out, *value);
}

nlohmann::ordered_json json_value(const std::optional<double>& value) {
    return value ? json_number(*value) : nlohmann::ordered_json(nullptr);
}

// A baby's machine values: feeds, bottle volume, breast feeds, breast minutes.
void append_baby_values(std::string& out, const Tally& t, Unit unit) {
    append_value(out, static_cast<double>(t.feeds));
    append_value(out, t.bottle_known() ? std::optional(output_value(t.bottle, unit)) : std::nullopt);
    append_value(out, static_cast<double>(t.breast_feeds));
    append_value(out, breast_minutes(t.breast_time));
}

}  // namespace

std::vector<std::string> baby_columns(const std::vector<std::string>& babies, Unit unit) {
    const std::string u(unit_name(unit));
    std::vector<std::string> out;
    for (const auto& b : babies)
        for (const std::string& key : {std::string("feeds"), "bottle_" + u, std::string("breast_feeds"), std::string("breast_min")})
            out.push_back(key + "_" + b);
    return out;
}

std::vector<std::string> report_columns(Grouping by, Unit unit) {
    const std::string u(unit_name(unit));
    const std::string first = by == Grouping::day ? "date" : std::string(grouping_name(by));
    return {first,         "pump_sessions", "pumped_" + u,  "left_" + u,   "right_" + u, "feeds",
            "bottle_" + u, "breast_feeds",  "breast_min",   "stored_" + u, "used_" + u,  "discarded_" + u,
            "skipped",     "days"};
}

std::string report_csv(const Report& report, Unit unit) {
    auto columns = report_columns(report.by, unit);
    for (auto& c : baby_columns(report.babies, unit)) columns.push_back(std::move(c));
    std::string out = csv_row(columns);
    out.reserve(out.size() + report.rows.size() * 52);
    for (const auto& row : report.rows) {  // straight into the text: a report over years has thousands of rows
        const auto label = csv_row({row.label});
        out.append(label, 0, label.size() - 1);  // without its newline
        for (const auto& value : values(row.tally, unit)) append_value(out, value);
        out += ',';
        append_number(out, row.days);
        for (const Tally& baby : row.babies) append_baby_values(out, baby, unit);
        out += '\n';
    }
    return out;
}

std::string report_json(const Report& report, Unit unit) {
    const auto columns = report_columns(report.by, unit);
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : report.rows) {
        nlohmann::ordered_json object;
        object[columns[0]] = row.label;
        const auto numbers = values(row.tally, unit);
        for (std::size_t i = 0; i < numbers.size(); ++i) object[columns[i + 1]] = json_value(numbers[i]);
        object["days"] = row.days;
        object["partial"] = row.partial();
        if (!report.babies.empty()) {
            nlohmann::ordered_json babies = nlohmann::ordered_json::object();
            for (std::size_t i = 0; i < report.babies.size() && i < row.babies.size(); ++i) {
                const Tally& t = row.babies[i];
                nlohmann::ordered_json baby;
                baby["feeds"] = t.feeds;
                baby["bottle_" + std::string(unit_name(unit))] =
                    json_value(t.bottle_known() ? std::optional(output_value(t.bottle, unit)) : std::nullopt);
                baby["breast_feeds"] = t.breast_feeds;
                baby["breast_min"] = json_number(breast_minutes(t.breast_time));
                babies[report.babies[i]] = std::move(baby);
            }
            object["babies"] = std::move(babies);
        }
        array.push_back(std::move(object));
    }
    return json_output(array);
}

std::string report_markdown(const Report& report, Unit unit) {
    const bool one_year = date::year_month_day(report.period.first).year() ==
                          date::year_month_day(report.period.last).year();
    // Text from the journal (a baby's name) stays text when the Markdown is rendered (SPEC 8): a <
    // would open raw HTML (<script>, <img onerror=...>), [ a link or an image that loads from another
    // server (![t](http://...)), & an entity (E&amp;F shown as E&F), * _ ` ~ emphasis or code, and a |
    // would end a table cell; each is written as the character itself.
    const auto text = [](std::string_view t) {
        std::string out;
        for (const char ch : t) {
            switch (ch) {
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '&': out += "&amp;"; break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '|': case '#':
                    out += '\\';
                    out += ch;
                    break;
                default: out += ch;
            }
        }
        return out;
    };
    // Markdown table rows; the first cell may be Markdown of its own (the bold total).
    const auto line = [&](const std::vector<std::string>& cells, bool markup_first = false) {
        std::string out = "|";
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += " " + (i == 0 && markup_first ? cells[i] : text(cells[i])) + " |";
        return out + "\n";
    };
    const auto headers = detail::person_headers(report.by, unit);
    std::string out = line(headers);
    out += "|---|";
    for (std::size_t i = 1; i < headers.size(); ++i) out += "---:|";
    out += "\n";
    for (const auto& row : report.rows)
        out += line(detail::person_cells(detail::row_label(row, report.by, one_year), row.tally, unit));
    out += line(detail::person_cells("**Total**", report.total, unit), true);
    out += line(detail::average_cells(report, unit));
    if (!report.babies.empty()) {
        const auto heads = detail::baby_headers(report, unit, false);
        out += "\nEach baby's feeds:\n\n" + line(heads) + "|---|";
        for (std::size_t i = 1; i < heads.size(); ++i) out += "---:|";
        out += "\n";
        for (const auto& row : report.rows)
            out += line(detail::baby_cells(detail::row_label(row, report.by, one_year), row.babies, unit));
        out += line(detail::baby_cells("**Total**", report.baby_totals, unit), true);
    }
    for (const auto& note : detail::report_notes(report, true)) out += "\n" + text(note) + "\n";
    return out;
}

// ---- for people ----

std::string spoken_volume(Volume volume, Unit unit) {
    if (unit == Unit::oz) return format_volume(volume, unit);  // to 0.1 oz, from the hundredths the CSV gives
    // From the hundredths of a ml the journal keeps, rounded half away from zero as the CSV rounds: a sum of
    // them is a whole number first, so 1.13 + 2.01 + 0.36 ml (3.5, in binary a hair under) is 4 ml, not 3.
    const double hundredths = std::round(volume.ml() * 100.0);
    if (std::fabs(hundredths) >= 99950) return tenths_text(std::llround(hundredths / 10000.0)) + " L";
    return fmt::format("{} ml", std::llround(hundredths / 100.0));
}

Volume spoken_value(Volume volume, Unit unit) {
    // spoken_volume's roundings, each to its figure's last digit.
    const auto whole = [](double value) { return static_cast<double>(std::llround(value)); };
    if (unit == Unit::oz) return Volume::from_oz(whole(std::round(volume.oz() * 100.0) / 10.0) / 10.0);
    const double hundredths = std::round(volume.ml() * 100.0);
    if (std::fabs(hundredths) >= 99950) return Volume::from_ml(100.0 * whole(hundredths / 10000.0));
    return Volume::from_ml(whole(hundredths / 100.0));
}

Volume figure_value(Volume volume, Unit unit) {
    // format_volume_number's roundings (the table's cells): ml_tenths, or the oz in tenths from their hundredths.
    if (unit == Unit::oz) return spoken_value(volume, unit);
    return Volume::from_ml(static_cast<double>(ml_tenths(volume)) / 10.0);
}

std::string figure_volume(Volume volume, Unit unit) {
    if (unit == Unit::oz || std::fabs(std::round(volume.ml() * 100.0)) >= 99950) return spoken_volume(volume, unit);
    return format_volume(volume, unit);
}

namespace {

std::string trend_words(const Trend& trend, Unit unit) {
    switch (trend.missing) {
        case Trend::Missing::no_complete_day: return "Trend: none yet, as no day of the period is over.";
        case Trend::Missing::nothing_logged:
            return fmt::format("Trend: none, as nothing is logged up to {}.", format_date(trend.recent.last));
        default: break;
    }
    const int days = trend.recent.days(), earlier = trend.previous.days();
    std::string head = fmt::format("Trend: {} pumped in the {} to {}", figure_volume(trend.recent_pumped, unit),
                                   plural(days, "day"), format_date(trend.recent.last));
    if (trend.missing == Trend::Missing::recent_unlogged)
        return fmt::format("Trend: none, as nothing is logged in the {} to {}.", plural(days, "day"),
                           format_date(trend.recent.last));
    if (trend.missing == Trend::Missing::recent_unmeasured)
        return fmt::format("Trend: not known, as every day logged in the {} to {} has a pump session without a "
                           "volume.",
                           plural(days, "day"), format_date(trend.recent.last));
    const int logged = trend.recent_logged(), earlier_logged = trend.previous_logged();
    // "only 1 of the 6 days to 2026-11-20 has anything logged", "none of the 3 days before have": fewer days
    // logged with their volume known than a mean may come from (Trend::fewest_days). A day with a pump session
    // without a volume is not one of them: "only 2 of the 6 days before have a volume for each pump session
    // (4 have a session without one)".
    const auto few = [](int n, const std::string& days_text, int unmeasured) {
        std::string text = n == 0 ? "none of the " + days_text + " have"
                                  : fmt::format("only {} of the {} {}", n, days_text, n == 1 ? "has" : "have");
        if (unmeasured == 0) return text + " anything logged";
        return fmt::format("{} a volume for each pump session ({} {} a session without one)", text, unmeasured,
                           unmeasured == 1 ? "has" : "have");
    };
    if (trend.missing == Trend::Missing::recent_few_logged)
        return fmt::format("Trend: {}, as {}: too little to compare.",
                           trend.recent_unmeasured > 0 ? "not known" : "none",
                           few(logged, fmt::format("{} to {}", plural(days, "day"), format_date(trend.recent.last)),
                               trend.recent_unmeasured));
    // "(450 ml a day)", "(450 ml a day; 2 days with nothing logged left out)", "(...; 3 days with a pump session
    // without a volume left out)": a day of unknown volume is not a day of nothing pumped.
    const auto per_day = [&](Volume pumped, int n, int unlogged, int unmeasured) {
        std::string text = figure_volume(detail::per_day_figure(pumped, n, unit), unit) + " a day";
        std::vector<std::string> out;
        if (unlogged > 0) out.push_back(plural(unlogged, "day", "days") + " with nothing logged");
        if (unmeasured > 0) out.push_back(plural(unmeasured, "day", "days") + " with a pump session without a volume");
        if (!out.empty()) text += "; " + (out.size() == 1 ? out[0] : out[0] + " and " + out[1]) + " left out";
        return text;
    };
    if (logged != days)
        head += " (" + per_day(trend.recent_pumped, logged, trend.recent_unlogged, trend.recent_unmeasured) + ")";
    if (trend.missing == Trend::Missing::short_history)
        return fmt::format("{}; the journal begins on {}: too little history before them to compare with.", head,
                           format_date(*trend.journal_begins));
    if (trend.missing == Trend::Missing::few_logged)
        return fmt::format("{}; {}: too little to compare with.", head,
                           few(earlier_logged, plural(earlier, "day") + " before", trend.previous_unmeasured));
    if (!trend.percent)
        return fmt::format("{}; nothing pumped in the {} before to compare with.", head, plural(earlier, "day"));
    const long percent = std::lround(*trend.percent);
    std::string before = fmt::format("the {} before ({})", plural(earlier, "day"),
                                     figure_volume(trend.previous_pumped, unit));
    if (earlier != days || logged != days || earlier_logged != earlier) {
        // The journal began in the earlier span, or days were not logged: per day, like with like.
        if (logged == days) head += fmt::format(" ({})", per_day(trend.recent_pumped, logged, 0, 0));
        const std::string since =
            earlier != days ? fmt::format(" them since the journal began on {}", format_date(*trend.journal_begins))
                            : std::string();
        before = fmt::format("the {} before{} ({})", plural(earlier, "day"), since,
                             per_day(trend.previous_pumped, earlier_logged, trend.previous_unlogged,
                                     trend.previous_unmeasured));
    }
    switch (trend.direction) {
        case Trend::Direction::up: return fmt::format("{}, up {}% on {}.", head, percent, before);
        case Trend::Direction::down: return fmt::format("{}, down {}% on {}.", head, -percent, before);
        default: return fmt::format("{}, steady ({}{}%) on {}.", head, percent >= 0 ? "+" : "", percent, before);
    }
}

}  // namespace

std::string trend_sentence(const Trend& trend, Unit unit) {
    // Sessions without a volume need no note of their own: their days are left out of the means, and named.
    return trend_words(trend, unit);
}

std::string balance_sentence(const StashBalance& balance, Unit unit) {
    // With --baby, every baby's bottles and that baby's part: "4.3 L from bottles (Ben 1.8 L)".
    const std::string part = balance.baby.empty() ? std::string()
                                                  : fmt::format("{} {}", terminal_text(balance.baby),
                                                                figure_volume(balance.baby_drunk, unit));
    std::string drank = figure_volume(balance.breast_milk_drunk, unit) + " from bottles" +
                        (part.empty() ? std::string() : " (" + part + ")");
    if (balance.formula_drunk.ml() > 0)
        drank = fmt::format("{} of breast milk from bottles{} (and {} of formula)",
                            figure_volume(balance.breast_milk_drunk, unit),
                            part.empty() ? std::string() : fmt::format(", {} of it", part),
                            figure_volume(balance.formula_drunk, unit));
    // Figures as the table shows them, the difference worked out from them (581.7 ml, not 582 beside the
    // table's 581.7).
    const Volume difference = figure_value(balance.pumped, unit) - figure_value(balance.breast_milk_drunk, unit);
    const std::string shown = figure_volume(difference, unit);
    std::string verdict;
    if (shown == figure_volume(Volume{}, unit)) verdict = "even";
    else if (difference.ml() > 0) verdict = "+" + shown + " to the stash";
    else verdict = figure_volume(Volume{} - difference, unit) + " less than drunk";
    // Amounts not recorded are unknown, not 0 ml: the difference leaves them out and says so.
    std::vector<std::string> unknown;
    if (balance.unmeasured_sessions > 0)
        unknown.push_back(plural(balance.unmeasured_sessions, "pump session") + " without a volume");
    if (balance.unmeasured_bottles > 0)
        unknown.push_back(plural(balance.unmeasured_bottles, "bottle") + " without an amount");
    // Nothing measured at all: no balance to speak of ("Pumped 0 ml ...: even" said what is not known).
    if (!balance.known()) {
        if (unknown.empty()) return "No stash balance: nothing pumped or drunk from bottles is logged in the period.";
        return fmt::format("The stash balance is not known: {}.", and_list(unknown));
    }
    if (!unknown.empty()) verdict += ", not counting " + and_list(unknown);
    // Only what was taken out of storage came from the stash (SPEC 6), not the whole shortfall.
    if (difference.ml() < 0 && balance.stash_used.ml() > 0)
        verdict += fmt::format("; {} taken from the stash", figure_volume(balance.stash_used, unit));
    return fmt::format("Pumped {}, {} drank {}: {}.", figure_volume(balance.pumped, unit), balance.drinker, drank,
                       verdict);
}

namespace {

// The number of a cell for people: "-" for nothing.
std::string person_count(int count) { return count == 0 ? "-" : std::to_string(count); }
std::string person_volume(Volume volume, Unit unit) {
    return std::fabs(volume.ml()) < 0.05 ? "-" : format_volume_number(volume, unit);
}
// Minutes at the breast (or their mean over `days`) to 0.1, rounded as the CSV and JSON round them; whole
// minutes without the ".0".
std::string person_minutes(std::chrono::seconds time, int days = 1) {
    if (time.count() == 0) return "-";
    const long long tenths = minute_tenths(time, days);
    return tenths % 10 == 0 ? std::to_string(tenths / 10) : tenths_text(tenths);
}

// A count's mean per day to 0.1, rounded half away from zero (1 session in 4 days is 0.3).
// A total's mean over `days` in tenths of `unit`: the total in the hundredths the CSV gives it in, divided and
// rounded once, half away from zero.
long long per_day_tenths(Volume total, int days, Unit unit) {
    const double hundredths = std::round((unit == Unit::ml ? total.ml() : total.oz()) * 100.0);
    return std::llround(hundredths / (10.0 * days));
}

std::string average(int total, int days) {
    if (days <= 0 || total == 0) return "-";
    return tenths_text(std::llround(10.0 * total / days));
}

}  // namespace

namespace detail {

std::string minutes_figure(std::chrono::seconds time) { return time.count() == 0 ? "0" : person_minutes(time); }

std::vector<std::string> person_cells(std::string label, const Tally& t, Unit unit) {
    return {std::move(label),           person_count(t.pump_sessions), person_count(t.skipped),
            person_volume(t.pumped, unit),
            person_volume(t.left, unit), person_volume(t.right, unit),  person_count(t.feeds),
            person_volume(t.bottle, unit), person_count(t.breast_feeds), person_minutes(t.breast_time),
            person_volume(t.stored, unit), person_volume(t.used, unit),  person_volume(t.discarded, unit)};
}

Volume per_day_figure(Volume total, int days, Unit unit) {
    if (days <= 0) return Volume{};
    const double tenths = static_cast<double>(per_day_tenths(total, days, unit));
    return unit == Unit::ml ? Volume::from_ml(tenths / 10.0) : Volume::from_oz(tenths / 10.0);
}

std::vector<std::string> average_cells(const Report& report, Unit unit) {
    const Tally& t = report.total;
    const int days = report.logged_days;
    // The total in the hundredths the CSV gives it in (of a ml, or of an oz), its mean to 0.1 in one rounding
    // half away from zero: 7.39 ml over 4 days is 1.8475, 1.8 (not 1.85 first, then 1.9). Pumped volumes
    // divide by the days whose pumped volume is known, bottles by those whose bottles' amount is.
    const auto vol = [&](Volume v, int days) {
        if (std::fabs(v.ml()) < 0.05 || days <= 0) return std::string("-");
        const long long tenths = per_day_tenths(v, days, unit);
        return unit == Unit::ml && tenths % 10 == 0 ? std::to_string(tenths / 10) : tenths_text(tenths);
    };
    return {"per day",
            average(t.pump_sessions, days),
            average(t.skipped, days),
            vol(t.pumped, report.pumped_days),
            vol(t.left, report.pumped_days),
            vol(t.right, report.pumped_days),
            average(t.feeds, days),
            vol(t.bottle, report.bottle_days),
            average(t.breast_feeds, days),
            days <= 0 ? "-" : person_minutes(t.breast_time, days),
            vol(t.stored, days),
            vol(t.used, days),
            vol(t.discarded, days)};
}

std::vector<std::string> person_headers(Grouping by, Unit unit) {
    const std::string u(unit_name(unit));
    const std::string first = by == Grouping::day     ? "Date"
                              : by == Grouping::week  ? "ISO week"
                              : by == Grouping::month ? "Month"
                                                      : "Hour";
    return {first,
            "Sessions",
            "Skipped",
            fmt::format("Pumped ({})", u),
            fmt::format("Left ({})", u),
            fmt::format("Right ({})", u),
            "Feeds",
            fmt::format("Bottles ({})", u),
            "At the breast",
            "Nursing (min)",
            fmt::format("Stored ({})", u),
            fmt::format("Used ({})", u),
            fmt::format("Discarded ({})", u)};
}

std::vector<std::string> baby_headers(const Report& report, Unit unit, bool terminal) {
    const std::string u(unit_name(unit));
    std::vector<std::string> out{person_headers(report.by, unit)[0]};
    if (terminal) out[0] = report.by == Grouping::day ? "date" : std::string(grouping_name(report.by));
    for (const auto& name : report.babies) {
        const std::string b = terminal_text(name);  // a name from an import is data (SPEC 8)
        if (terminal) {
            for (const char* h : {"feeds", "bottle", "nursed", "min"}) out.push_back(b + " " + h);
        } else {
            out.push_back(b + ": feeds");
            out.push_back(fmt::format("{}: bottles ({})", b, u));
            out.push_back(b + ": at the breast");
            out.push_back(b + ": nursing (min)");
        }
    }
    return out;
}

std::vector<std::string> baby_cells(std::string label, const std::vector<Tally>& babies, Unit unit) {
    std::vector<std::string> out{std::move(label)};
    for (const Tally& t : babies) {
        out.push_back(person_count(t.feeds));
        out.push_back(person_volume(t.bottle, unit));
        out.push_back(person_count(t.breast_feeds));
        out.push_back(person_minutes(t.breast_time));
    }
    return out;
}

std::vector<std::string> report_notes(const Report& report, bool page) {
    std::vector<std::string> notes;
    if (!report.baby.empty())
        notes.push_back(fmt::format("Feeds and bottles are {}'s only; pumping and the stash are shared.",
                                    terminal_text(report.baby)));
    else if (!report.babies.empty()) {
        std::vector<std::string> names;
        for (const auto& name : report.babies) names.push_back(terminal_text(name));
        int named = 0;
        for (const Tally& t : report.baby_totals) named += t.feeds;
        const int unnamed = report.total.feeds - named;
        notes.push_back(fmt::format("Feeds and bottles are every baby's ({}); each baby's are below.{}",
                                    and_list(names),
                                    unnamed > 0 ? fmt::format(" {} that name{} no baby count{} in the totals only.",
                                                              plural(unnamed, "feed"), unnamed == 1 ? "s" : "",
                                                              unnamed == 1 ? "s" : "")
                                                : std::string()));
    }
    const bool partial = std::any_of(report.rows.begin(), report.rows.end(), [](const ReportRow& r) { return r.partial(); });
    if (partial)
        notes.push_back(fmt::format("A {0} marked with its days (\"(4 days)\") is one the period covers only in part: "
                                    "its row adds up those days, not the whole {0}.",
                                    report.by == Grouping::week ? "week" : "month"));
    if (report.asked_last)
        notes.push_back(fmt::format("The period asked for ends {}, after today: the report ends {}, as the days "
                                    "after it have not happened.",
                                    format_date(*report.asked_last), format_date(report.today)));
    if (report.last_row_open() && page) {
        // A page is read days later: the date, not "today".
        notes.push_back(fmt::format("{} was not over when this report was made: {} counts it so far.",
                                    format_date(report.today),
                                    report.by == Grouping::hour ? "the hours' pattern" : "the last row"));
    } else if (report.last_row_open()) {
        const std::string today = format_date(report.today);
        if (report.by == Grouping::hour)
            notes.push_back(fmt::format("The period includes today ({}), which is not over: the hours count it so far.",
                                        today));
        else if (report.by == Grouping::day)
            notes.push_back(fmt::format("The last row is today ({}), which is not over: it counts so far.", today));
        else
            notes.push_back(fmt::format("The last row includes today ({}), which is not over: it counts so far.", today));
    }
    // Days not logged are not days of nothing pumped (pumplog-report(1)): the per-day figures say they left them out.
    const int unlogged = report.period.days() - report.logged_days;
    if (report.logged_days > 0 && unlogged > 0)
        notes.push_back(fmt::format("{} with nothing logged {} left out of the per-day figures.",
                                    plural(unlogged, "day", "days"), unlogged == 1 ? "is" : "are"));
    const Tally& t = report.total;
    if (t.sided_sessions > 0 && t.sided_sessions < t.pump_sessions)
        notes.push_back(fmt::format("Left/right were recorded for {} of {} sessions; the side columns cover those only.",
                                    t.sided_sessions, t.pump_sessions));
    // A volume not recorded is unknown, never 0 ml: the sums leave it out, and say so.
    const auto unknown_note = [&](int unknown, int all, const char* what, const char* lacks, const char* column) {
        if (unknown == 0) return;
        if (unknown == all)
            notes.push_back(fmt::format("{} {} no {}: the {} column counts none of them.", plural(all, what),
                                        all == 1 ? "has" : "have", lacks, column));
        else if (unknown > 0)
            notes.push_back(fmt::format("{} of {} {} no {}: the {} column adds up the other {} only.", unknown,
                                        plural(all, what), unknown == 1 ? "has" : "have", lacks, column,
                                        all - unknown));
    };
    unknown_note(t.unmeasured_sessions, t.pump_sessions, "pump session", "volume", "pumped");
    unknown_note(t.unmeasured_bottles, t.feeds - t.breast_feeds, "bottle", "amount", "bottle");
    // A day whose every session (bottle) has no volume has an unknown volume, not 0 ml: out of the mean.
    const auto unknown_days = [&](int known, const char* what, const char* column) {
        const int unknown = report.logged_days - known;
        if (unknown > 0 && known > 0)
            notes.push_back(fmt::format("{} whose {} no {} {} left out of the per-day {} figure.",
                                        plural(unknown, "day", "days"), what,
                                        std::string_view(column) == "pumped" ? "volume" : "amount",
                                        unknown == 1 ? "is" : "are", column));
    };
    unknown_days(report.pumped_days, "pump sessions all have", "pumped");
    unknown_days(report.bottle_days, "bottles all have", "bottle");
    return notes;
}

std::string row_label(const ReportRow& row, Grouping by, bool one_year) {
    if (row.partial()) return fmt::format("{} ({})", row.label, plural(row.days, "day"));
    if (by != Grouping::day) return row.label;
    const std::string weekday = weekday_abbreviation(date::weekday(row.first));
    return weekday + " " + (one_year ? row.label.substr(5) : row.label);
}

}  // namespace detail

namespace {

constexpr int bar_width = 16;

// A bar `value / largest` of `bar_width` cells: eighth blocks, or '#'.
std::string bar(double value, double largest, bool unicode) {
    if (largest <= 0 || value <= 0) return "";
    const double share = value / largest;
    if (!unicode) return std::string(static_cast<std::size_t>(std::max(1L, std::lround(share * bar_width))), '#');
    static const char* const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    const long units = std::max(1L, std::lround(share * bar_width * 8));
    std::string out;
    for (long i = 0; i < units / 8; ++i) out += "█";
    out += eighths[units % 8];
    return out;
}

}  // namespace

std::string report_table(const Report& report, Unit unit, bool unicode, const Style& style) {
    const std::string u(unit_name(unit));
    const bool one_year = date::year_month_day(report.period.first).year() ==
                          date::year_month_day(report.period.last).year();
    std::string out;
    const int days = report.period.days();
    if (days == 1)
        out += fmt::format("Report for {} (volumes in {}, nursing in minutes)\n\n", format_date(report.period.first), u);
    else
        out += fmt::format("Report {} to {}, {} days by {} (volumes in {}, nursing in minutes)\n\n",
                           format_date(report.period.first), format_date(report.period.last), days,
                           grouping_name(report.by), u);

    const std::string first = report.by == Grouping::day ? "date" : std::string(grouping_name(report.by));
    const std::vector<Column> columns{{first, Align::left},    {"pumps", Align::right},   {"skipped", Align::right},
                                      {"pumped", Align::right},
                                      {"left", Align::right},  {"right", Align::right},   {"feeds", Align::right},
                                      {"bottle", Align::right}, {"nursed", Align::right}, {"min", Align::right},
                                      {"stored", Align::right}, {"used", Align::right},   {"discarded", Align::right},
                                      {"", Align::left}};
    double largest = 0;
    for (const auto& row : report.rows) largest = std::max(largest, row.tally.pumped.ml());
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : report.rows) {
        auto cells = detail::person_cells(detail::row_label(row, report.by, one_year), row.tally, unit);
        const std::string drawn = bar(row.tally.pumped.ml(), largest, unicode);
        cells.push_back(drawn.empty() ? drawn : style.green(drawn));
        rows.push_back(std::move(cells));
    }
    auto total = detail::person_cells("total", report.total, unit);
    total[0] = style.bold("total");
    rows.push_back(std::move(total));
    rows.push_back(detail::average_cells(report, unit));
    out += table(columns, rows);
    out += "\n";
    if (!report.babies.empty()) {
        std::vector<Column> baby_columns;
        for (const auto& h : detail::baby_headers(report, unit, true))
            baby_columns.push_back({h, baby_columns.empty() ? Align::left : Align::right});
        std::vector<std::vector<std::string>> baby_rows;
        for (const auto& row : report.rows)
            baby_rows.push_back(detail::baby_cells(detail::row_label(row, report.by, one_year), row.babies, unit));
        auto baby_total = detail::baby_cells("total", report.baby_totals, unit);
        baby_total[0] = style.bold("total");
        baby_rows.push_back(std::move(baby_total));
        out += "Each baby's feeds:\n" + table(baby_columns, baby_rows) + "\n";
    }
    const auto notes = detail::report_notes(report, false);
    for (const auto& note : notes) out += note + "\n";
    if (!notes.empty()) out += "\n";
    out += trend_sentence(report.trend, unit) + "\n";
    out += balance_sentence(report.balance, unit) + "\n";
    return out;
}

}  // namespace pumplog::render
