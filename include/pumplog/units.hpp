#pragma once
// Volumes and durations: parsed at the edge, once; inside, values are valid.
#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pumplog {

enum class Unit { ml, oz };

// US fluid ounce in millilitres.
inline constexpr double ml_per_oz = 29.5735;

// A volume of milk, held in millilitres.
class Volume {
public:
    constexpr Volume() = default;
    static constexpr Volume from_ml(double ml) { return Volume(ml); }
    static constexpr Volume from_oz(double oz) { return Volume(oz * ml_per_oz); }
    constexpr double ml() const { return ml_; }
    constexpr double oz() const { return ml_ / ml_per_oz; }
    double in(Unit unit) const { return unit == Unit::ml ? ml() : oz(); }
    constexpr Volume operator+(Volume other) const { return Volume(ml_ + other.ml_); }
    constexpr Volume operator-(Volume other) const { return Volume(ml_ - other.ml_); }
    constexpr Volume& operator+=(Volume other) { ml_ += other.ml_; return *this; }
    constexpr Volume& operator-=(Volume other) { ml_ -= other.ml_; return *this; }
    constexpr auto operator<=>(const Volume&) const = default;

private:
    constexpr explicit Volume(double ml) : ml_(ml) {}
    double ml_ = 0;
};

// "ml" or "oz"; throws a usage error naming both otherwise.
Unit parse_unit(std::string_view text);
std::string_view unit_name(Unit unit);

// One amount: "90ml", "90 ml", "90mL", "3oz", "3.5 oz", "3 fl oz", or a bare
// number taken in `bare_unit`. Throws a usage error (exit 2) otherwise. Does not
// judge plausibility (see check_plausible_session).
Volume parse_amount(std::string_view text, Unit bare_unit);

// A session's amount, possibly per side: a plain amount, or "L40 R50" (either side
// may be missing; each side may carry a unit).
struct SideAmounts {
    Volume total;
    std::optional<Volume> left;
    std::optional<Volume> right;
};
SideAmounts parse_session_amount(std::string_view text, Unit bare_unit);

// A volume a line may hold (`ml`, `left_ml`, `right_ml`): a spoonful to a few
// litres, never negative. `log check` flags any other, and computations count
// it as nothing (a report never prints a 309-digit sum of a hostile 1e308).
inline constexpr double most_plausible_ml = 10000;
inline bool plausible_volume(double ml) { return ml >= 0 && ml <= most_plausible_ml; }
// The amount a computation counts from a line's volume field: none for an
// implausible one (the one rule for report, status, stash and planner alike).
inline std::optional<double> counted_ml(const std::optional<double>& ml) {
    return ml && plausible_volume(*ml) ? ml : std::nullopt;
}
// The same as a volume, none counting as 0 (sums, what a container holds).
inline Volume counted_volume(const std::optional<double>& ml) { return Volume::from_ml(counted_ml(ml).value_or(0)); }

// Refuses (usage error) an amount of 0 or less (as the journal keeps it: one
// that rounds to 0.00 ml is 0) or over 1000 ml in one session,
// unless forced (SPEC 2); and, forced or not, one no computation would count
// (not plausible_volume: over 10000 ml). One over 1000 ml is named in `written`, the unit it was typed in
// (written_unit): in ounces with its millilitres and the amount meant if its numbers were ml ("90 oz
// (2661.6 ml) ...; check the unit (90ml?)"), the sides of a session with theirs.
void check_plausible_session(const SideAmounts& amount, bool force, Unit written = Unit::ml);
void check_plausible_session(Volume volume, bool force, Unit written = Unit::ml);
// The unit amounts were typed in, for a refusal's words: oz when every number of the `texts` (amounts, or
// sessions' "L40 R50"; empty ones left out) has an ounce word, or is bare and `bare_unit` is oz; ml otherwise.
Unit written_unit(std::initializer_list<std::string_view> texts, Unit bare_unit);

// A side of a session's amount as typed: how it is named ("--left", "L") and its amount ("2", "1 oz"); an
// empty amount is a side not given. An option's name ("--...") is shown with a space after it, a letter not.
struct TypedSide {
    std::string_view name, amount;
};
// The sides of a session's amount as typed ("L2 R1oz": {"L", "2"} and {"R", "1oz"}); empty ones for a plain
// amount. The text is one parse_session_amount accepts.
std::pair<TypedSide, TypedSide> typed_sides(std::string_view text);
// The sides are views of the text: never of a temporary string, gone before they are read.
std::pair<TypedSide, TypedSide> typed_sides(std::string&& text) = delete;
// Refuses (usage error), unless forced, a side given as a bare number next to one with a unit other than
// `bare_unit`: "--left 2 --right 1 oz" is most likely 2 oz, not the 2 ml a bare number is read as.
void check_sides_alike(TypedSide left, TypedSide right, Unit bare_unit, bool force);

// Rounds millilitres for storage in the journal (0.01 ml).
double round_ml(double ml);
// Refuses (usage error) an amount over 0 that the journal would keep as 0
// (0.001 ml), saying so and then `instead` ("give more than 0 ml (or --force)").
void refuse_recorded_as_zero(Volume volume, std::string_view instead);
// Millilitres in tenths (16.65 ml -> 167), rounded half away from zero from the value in hundredths, the
// journal's precision: every output, for people or machines, rounds a volume in ml through this one.
long long ml_tenths(Volume volume);
// A figure in tenths (7.25 -> 73), rounded half away from zero, as every output rounds it: for people
// (format_tenths) and for machines (tenths / 10.0), so a table and its JSON agree (not printf's
// round-half-even of the binary value: "7.2" beside 7.3).
long long tenths(double value);
// The same written from the integer: "7.3", "-0.3", "35.0".
std::string format_tenths(double value);
// Tenths written from the integer, digit for digit: 73 -> "7.3", -3 -> "-0.3", 350 -> "35.0".
std::string tenths_text(long long tenths);
// A value for machine output in `unit`: ml to 0.1 (ml_tenths), oz to 0.01.
double output_value(Volume volume, Unit unit);
// For people: "90 ml", "3.1 oz".
std::string format_volume(Volume volume, Unit unit);
// For sentences of advice: "90 ml" (to the whole ml), "3.1 oz".
std::string format_rounded_volume(Volume volume, Unit unit);
// Only the number: "90", "3.1".
std::string format_volume_number(Volume volume, Unit unit);
// The sides a session was given with, as replies show them after its total:
// " (L 40 / R 50)", " (R 50)"; "" when it has none.
std::string format_sides(const SideAmounts& amount, Unit unit);

// Durations: "15m", "1h30m", "90s", "20min", "2h", "2d", "1h 30m", and a bare
// number taken as minutes. Throws a usage error otherwise.
std::chrono::seconds parse_duration(std::string_view text);
// The same for a session's or a feed's length (--dur, --left, --right), whose
// error suggests only forms such a length can take (no "2d").
std::chrono::seconds parse_session_duration(std::string_view text);
// For people: "25 min", "1 h 30 min", "2 d", "45 s".
std::string format_duration(std::chrono::seconds duration);

}  // namespace pumplog
