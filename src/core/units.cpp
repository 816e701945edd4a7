#include "pumplog/units.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

Unit parse_unit(std::string_view text) {
    const std::string unit = lower(trim(text));
    if (unit == "ml") return Unit::ml;
    if (unit == "oz") return Unit::oz;
    throw usage_error(fmt::format("\"{}\" is not a unit; use ml or oz", text));
}

std::string_view unit_name(Unit unit) { return unit == Unit::ml ? "ml" : "oz"; }

namespace {

// A unit word after a number; nullopt when not one.
std::optional<double> unit_factor(std::string_view word) {
    std::string w = lower(word);
    std::erase(w, ' ');
    std::erase(w, '.');
    if (w == "ml" || w == "mls" || w == "milliliter" || w == "milliliters" || w == "millilitre" ||
        w == "millilitres" || w == "cc")
        return 1.0;
    if (w == "oz" || w == "floz" || w == "ounce" || w == "ounces" || w == "flounce" ||
        w == "flounces" || w == "fluidounce" || w == "fluidounces")
        return ml_per_oz;
    if (w == "l" || w == "liter" || w == "liters" || w == "litre" || w == "litres") return 1000.0;
    return std::nullopt;
}

// Parses a decimal number at the start of `text` ("90", "3.5", ".5", "3,5");
// returns the characters used, 0 when there is none.
std::size_t parse_number(std::string_view text, double& value) {
    std::size_t i = 0;
    std::string digits;
    bool seen_digit = false, seen_point = false;
    while (i < text.size()) {
        const char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            seen_digit = true;
        } else if ((c == '.' || c == ',') && !seen_point && i + 1 < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            digits += '.';
            seen_point = true;
        } else {
            break;
        }
        ++i;
        if (digits.size() > 12) return 0;  // absurdly long: not an amount
    }
    if (!seen_digit) return 0;
    value = std::strtod(digits.c_str(), nullptr);
    return i;
}

Error not_an_amount(std::string_view text) {
    return usage_error(fmt::format("\"{}\" is not an amount; try 90ml or 3oz", printable(text)));
}

}  // namespace

Volume parse_amount(std::string_view text, Unit bare_unit) {
    const std::string_view t = trim(text);
    double value = 0;
    const std::size_t used = parse_number(t, value);
    if (used == 0) throw not_an_amount(text);
    const std::string_view rest = trim(t.substr(used));
    if (rest.empty()) return bare_unit == Unit::ml ? Volume::from_ml(value) : Volume::from_oz(value);
    const auto factor = unit_factor(rest);
    if (!factor) throw not_an_amount(text);
    return Volume::from_ml(value * *factor);
}

namespace {

// Calls `piece(side, text)` for each side of a session's amount ("L40 R50": 'l' then 'r', each with its
// text), or once with side 0 and the whole text for a plain amount. Throws not_an_amount for a text that
// begins with a side and falls apart.
template <class Piece>
void for_each_side(std::string_view text, Piece&& piece) {
    const std::string_view t = trim(text);
    const auto is_side = [](std::string_view s) {
        return s.size() >= 2 && (s[0] == 'L' || s[0] == 'l' || s[0] == 'R' || s[0] == 'r') &&
               (std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.' || s[1] == ' ');
    };
    if (!is_side(t)) {
        piece('\0', t);
        return;
    }
    // "L40 R50", "L 40ml R 1.5oz", "L40R50", "R50": split at the second side
    // letter, one that follows a space or is followed by a number (no unit word
    // has a letter L or R followed by a digit, so "L40mlR50" splits after "ml").
    const auto starts_side = [&](std::string_view s, std::size_t at) {
        const std::string_view from = s.substr(at);
        if (!is_side(from)) return false;
        return s[at - 1] == ' ' || std::isdigit(static_cast<unsigned char>(from[1])) || from[1] == '.';
    };
    std::string_view rest = t;
    while (!rest.empty()) {
        if (!is_side(rest)) throw not_an_amount(text);
        const char side = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
        std::size_t end = 1;
        while (end < rest.size() && !starts_side(rest, end)) ++end;
        piece(side, rest.substr(1, end - 1));
        rest = trim(rest.substr(end));
    }
}

}  // namespace

SideAmounts parse_session_amount(std::string_view text, Unit bare_unit) {
    SideAmounts result;
    bool plain = false;
    for_each_side(text, [&](char side, std::string_view piece) {
        if (side == '\0') {
            result.total = parse_amount(piece, bare_unit);
            plain = true;
            return;
        }
        Volume v;
        try {
            v = parse_amount(piece, bare_unit);
        } catch (const Error&) {
            throw not_an_amount(text);  // quote what the user typed, not a piece of it
        }
        auto& slot = side == 'l' ? result.left : result.right;
        if (slot) throw usage_error(fmt::format("\"{}\" names a side twice; try L40 R50", printable(text)));
        slot = v;
    });
    if (!plain) result.total = result.left.value_or(Volume{}) + result.right.value_or(Volume{});
    return result;
}

std::pair<TypedSide, TypedSide> typed_sides(std::string_view text) {
    std::pair<TypedSide, TypedSide> sides;
    for_each_side(text, [&](char side, std::string_view piece) {
        if (side == '\0') return;
        // The letter as typed stands just before its piece (for_each_side's pieces are views of `text`).
        (side == 'l' ? sides.first : sides.second) = TypedSide{{piece.data() - 1, 1}, trim(piece)};
    });
    return sides;
}

void check_sides_alike(TypedSide left, TypedSide right, Unit bare_unit, bool force) {
    if (force || trim(left.amount).empty() || trim(right.amount).empty()) return;
    // A side's unit as typed: none for a bare number.
    const auto unit_of = [](std::string_view amount) -> std::optional<Unit> {
        const std::string_view t = trim(amount);
        double value = 0;
        const std::string_view word = trim(t.substr(parse_number(t, value)));
        if (word.empty()) return std::nullopt;
        return unit_factor(word) == ml_per_oz ? Unit::oz : Unit::ml;
    };
    const auto refuse = [&](TypedSide bare, TypedSide other, Unit unit) {
        const bool option = bare.name.starts_with("--");
        const std::string named = std::string(bare.name) + (option ? " " : "");
        const std::string_view number = trim(bare.amount);
        throw usage_error(fmt::format("{}{} has no unit while {}{}{} is in {}: write {}{}{} (or {}{}{}), or use "
                                      "--force",
                                      named, printable(number), other.name, option ? " " : "",
                                      printable(trim(other.amount)), unit_name(unit), named, printable(number),
                                      unit_name(unit), option ? "" : std::string(bare.name), printable(number),
                                      unit_name(bare_unit)));
    };
    const std::optional<Unit> left_unit = unit_of(left.amount), right_unit = unit_of(right.amount);
    if (!left_unit && right_unit && *right_unit != bare_unit) refuse(left, right, *right_unit);
    if (!right_unit && left_unit && *left_unit != bare_unit) refuse(right, left, *left_unit);
}

Unit written_unit(std::initializer_list<std::string_view> texts, Unit bare_unit) {
    bool any = false, all_oz = true;  // one part in ml: the whole is named in ml
    try {
        for (const std::string_view text : texts) {
            if (trim(text).empty()) continue;
            for_each_side(text, [&](char, std::string_view piece) {
                const std::string_view t = trim(piece);
                double value = 0;
                const std::size_t used = parse_number(t, value);
                const std::string_view word = trim(t.substr(used));
                const Unit unit = word.empty() ? bare_unit : unit_factor(word) == ml_per_oz ? Unit::oz : Unit::ml;
                all_oz = all_oz && used > 0 && unit == Unit::oz;
                any = true;
            });
        }
    } catch (const Error&) {
        return Unit::ml;  // not an amount: parsing it refuses it
    }
    return any && all_oz ? Unit::oz : Unit::ml;
}

namespace {

// A number for a message, to `decimals` or more until it is over `limit` as shown (33.82 oz is not "33.8"):
// "90", "50.5", "33.82".
std::string shown_over(double value, int decimals, double limit) {
    std::string shown;
    for (; decimals <= 6; ++decimals) {
        shown = fmt::format("{:.{}f}", value, decimals);
        if (std::stod(shown) > limit) break;
    }
    if (shown.find('.') != std::string::npos) {
        while (shown.back() == '0') shown.pop_back();
        if (shown.back() == '.') shown.pop_back();
    }
    return shown;
}

// "90" for 90 oz, as typed in ml: the likely amount when a number meant in ml was taken in ounces.
std::string as_ml_typed(Volume volume) {
    std::string shown = fmt::format("{:.2f}", volume.oz());
    while (shown.back() == '0') shown.pop_back();
    if (shown.back() == '.') shown.pop_back();
    return shown + "ml";
}

}  // namespace

void check_plausible_session(Volume volume, bool force, Unit written) {
    check_plausible_session(SideAmounts{volume, std::nullopt, std::nullopt}, force, written);
}

namespace {
// A limit in ounces, to 0.1 (33.8 oz for 1000 ml): the volume rounded once, half away from zero.
long long oz_tenths(Volume volume) { return std::llround(volume.oz() * 10.0); }
}  // namespace

void check_plausible_session(const SideAmounts& amount, bool force, Unit written) {
    const Volume volume = amount.total;
    // Not even with --force: a volume every computation would count as
    // nothing (plausible_volume) is not written at all.
    if (!plausible_volume(volume.ml())) {
        // As given, not rounded into the range it is refused for (10000.004 ml is not "10000 ml").
        std::string shown;
        for (int decimals = 0; decimals <= 6; ++decimals) {
            shown = fmt::format("{:.{}f}", volume.ml(), decimals);
            const double back = std::stod(shown);
            if (!plausible_volume(back)) break;
        }
        if (written == Unit::oz) {  // in the ounces typed, as given too (338.15 oz is not "338.1")
            std::string oz;
            for (int decimals = 1; decimals <= 6; ++decimals) {
                oz = fmt::format("{:.{}f}", volume.oz(), decimals);
                if (!plausible_volume(Volume::from_oz(std::stod(oz)).ml())) break;
            }
            while (oz.back() == '0') oz.pop_back();
            if (oz.back() == '.') oz.pop_back();
            throw usage_error(fmt::format("{} oz ({} ml) is not a volume pumplog can record (0 to {} oz, even with "
                                          "--force)",
                                          oz, shown, tenths_text(oz_tenths(Volume::from_ml(most_plausible_ml)))));
        }
        throw usage_error(fmt::format("{} ml is not a volume pumplog can record (0 to {} ml, even with --force)", shown,
                                      most_plausible_ml));
    }
    if (force) return;
    // Judged as the journal keeps it (0.01 ml): 0.001 ml would be written as 0.
    refuse_recorded_as_zero(volume, "give more than 0 ml (or --force)");
    if (volume.ml() <= 0) {
        // In the unit typed, as the over-1000 ml refusal is: "0" with the unit oz is 0 oz.
        std::string shown = format_volume_number(volume, written);
        if (written == Unit::oz && shown.ends_with(".0")) shown.resize(shown.size() - 2);
        throw usage_error(fmt::format("an amount of {0} {1} is implausible; give more than 0 {1} (or --force)", shown,
                                      unit_name(written)));
    }
    // Judged as kept too (1000.004 ml is written as 1000 ml), and named to the
    // 0.01 ml the journal keeps: 1000.01 ml is not "1000 ml".
    if (round_ml(volume.ml()) > 1000 && written == Unit::oz) {
        // Named in the ounces it was typed in, with the millilitres it would be, and the amount it may have
        // meant: "90" typed with unit oz, thinking of ml, is 2661.6 ml.
        const Volume limit = Volume::from_ml(1000);
        const long long ml = ml_tenths(volume);
        std::string meant;
        const auto plausible_in_ml = [](Volume v) { return v.oz() > 0 && round_ml(v.oz()) <= 1000; };
        if (!amount.left && !amount.right && plausible_in_ml(volume)) {
            meant = fmt::format(" ({}?)", as_ml_typed(volume));
        } else if ((amount.left || amount.right) && plausible_in_ml(volume)) {
            std::string sides;
            if (amount.left) sides += "L" + as_ml_typed(*amount.left);
            if (amount.right) sides += (sides.empty() ? "R" : " R") + as_ml_typed(*amount.right);
            meant = fmt::format(" ({}?)", sides);
        }
        throw usage_error(fmt::format("{} oz ({} ml) at once is implausible (over {} oz); check the unit{}, or use "
                                      "--force",
                                      shown_over(volume.oz(), 1, limit.oz()),
                                      ml % 10 == 0 ? std::to_string(ml / 10) : tenths_text(ml),
                                      tenths_text(oz_tenths(limit)), meant));
    }
    if (round_ml(volume.ml()) > 1000) {
        std::string shown = fmt::format("{:.2f}", round_ml(volume.ml()));
        while (shown.back() == '0') shown.pop_back();
        if (shown.back() == '.') shown.pop_back();
        throw usage_error(fmt::format("{} ml at once is implausible (over 1000 ml); check the unit, or use --force",
                                      shown));
    }
}

double round_ml(double ml) { return std::round(ml * 100.0) / 100.0; }

void refuse_recorded_as_zero(Volume volume, std::string_view instead) {
    if (volume.ml() > 0 && round_ml(volume.ml()) <= 0)
        throw usage_error(fmt::format("an amount of {:.3g} ml is recorded as 0 ml (the journal keeps amounts to "
                                      "0.01 ml); {}",
                                      volume.ml(), instead));
}

long long ml_tenths(Volume volume) {
    // Not std::round(ml * 10): 16.65 is 16.6499999... in binary, and 120.05 is 120.0499..., so rounding the
    // double at 0.1 goes down where the decimal written in the journal goes up, and one volume came out 16.6
    // in the table and 16.7 in the CSV. In hundredths it is a whole number first (1665), and its half exact.
    return std::llround(std::round(volume.ml() * 100.0) / 10.0);
}

double output_value(Volume volume, Unit unit) {
    if (unit == Unit::ml) return static_cast<double>(ml_tenths(volume)) / 10.0;
    return std::round(volume.oz() * 100.0) / 100.0;
}

std::string format_sides(const SideAmounts& amount, Unit unit) {
    std::string sides;
    if (amount.left) sides += "L " + format_volume_number(*amount.left, unit);
    if (amount.right) sides += (sides.empty() ? "R " : " / R ") + format_volume_number(*amount.right, unit);
    return sides.empty() ? sides : " (" + sides + ")";
}

std::string format_volume_number(Volume volume, Unit unit) {
    if (unit == Unit::ml) {
        // Written from the integer: "120", "16.7", "-0.5" (the tenths of output_value, digit for digit).
        const long long tenths = ml_tenths(volume);
        return tenths % 10 == 0 ? std::to_string(tenths / 10) : tenths_text(tenths);
    }
    // To 0.1 from the hundredths output_value gives, half away from zero: 7.39 ml (0.25 oz typed) is 0.25 in
    // the CSV and 0.3 here, not 0.2 from the 0.2499 oz it is in binary.
    return tenths_text(std::llround(std::round(volume.oz() * 100.0) / 10.0));
}

long long tenths(double value) { return std::llround(value * 10.0); }

std::string tenths_text(long long tenths) {
    const long long magnitude = tenths < 0 ? -tenths : tenths;
    return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", magnitude / 10, magnitude % 10);
}

std::string format_tenths(double value) { return tenths_text(tenths(value)); }

std::string format_volume(Volume volume, Unit unit) {
    return format_volume_number(volume, unit) + (unit == Unit::ml ? " ml" : " oz");
}

std::string format_rounded_volume(Volume volume, Unit unit) {
    if (unit == Unit::ml) return fmt::format("{} ml", static_cast<long>(std::lround(volume.ml())));
    return format_volume(volume, unit);
}

namespace {
std::chrono::seconds parse_duration_hinted(std::string_view text, std::string_view examples) {
    const std::string_view t = trim(text);
    const auto fail = [&] {
        return usage_error(fmt::format("\"{}\" is not a duration; try {}", printable(text), examples));
    };
    if (t.empty()) throw fail();
    double value = 0;
    std::size_t used = parse_number(t, value);
    if (used == t.size()) {
        if (value > 1e7) throw fail();
        return std::chrono::seconds(static_cast<long long>(std::llround(value * 60)));  // bare: minutes
    }
    double total = 0;
    std::string_view rest = t;
    bool any = false;
    while (!rest.empty()) {
        used = parse_number(rest, value);
        if (used == 0) throw fail();
        rest = trim(rest.substr(used));
        std::size_t n = 0;
        while (n < rest.size() && std::isalpha(static_cast<unsigned char>(rest[n]))) ++n;
        const std::string word = lower(rest.substr(0, n));
        rest = trim(rest.substr(n));
        double unit = 0;
        if (word == "s" || word == "sec" || word == "secs" || word == "second" || word == "seconds") unit = 1;
        else if (word == "m" || word == "min" || word == "mins" || word == "minute" || word == "minutes") unit = 60;
        else if (word == "h" || word == "hr" || word == "hrs" || word == "hour" || word == "hours") unit = 3600;
        else if (word == "d" || word == "day" || word == "days") unit = 86400;
        else if (word == "w" || word == "week" || word == "weeks") unit = 7 * 86400;
        else throw fail();
        total += value * unit;
        any = true;
    }
    if (!any || total > 1e10) throw fail();
    return std::chrono::seconds(static_cast<long long>(std::llround(total)));
}
}  // namespace

std::chrono::seconds parse_duration(std::string_view text) {
    return parse_duration_hinted(text, "15m, 1h30m, 90s or 2d");
}

std::chrono::seconds parse_session_duration(std::string_view text) {
    // A session is at most 24 h (check_plausible_duration): no day in the examples.
    return parse_duration_hinted(text, "15m, 1h30m or 90s");
}

std::string format_duration(std::chrono::seconds duration) {
    long long s = duration.count();
    const bool negative = s < 0;
    if (negative) s = -s;
    std::string out;
    if (s < 60) {
        out = fmt::format("{} s", s);
    } else if (s % 86400 == 0) {
        out = fmt::format("{} d", s / 86400);
    } else {
        const long long minutes = (s + 30) / 60;
        if (minutes < 60) out = fmt::format("{} min", minutes);
        else if (minutes % 60 == 0) out = fmt::format("{} h", minutes / 60);
        else out = fmt::format("{} h {} min", minutes / 60, minutes % 60);
    }
    return negative ? "-" + out : out;
}

}  // namespace pumplog
