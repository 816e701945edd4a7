// Baby Connect: one CSV, Date and Time,End Time,Duration (min),Activity,
// Quantity,Extra data,Text,Notes,Caregiver; newest row first; times
// "12/12/20 7:47 PM". Bottles in US fl oz; nursing sides only in the text,
// "Eva nursed (11m left, 7m right)".
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

// Named, not anonymous: the importers share a unity batch and their names.
namespace babyconnect {

// What a Quantity and the sides its text gives may differ by: amounts written to 0.1 oz, each rounded (as
// Baby Tracker's, 0.15 oz).
constexpr double max_rounding_ml = 4.5;

std::optional<std::string> recognise(const CsvTable& t, std::string_view) {
    if (t.column("date and time") && t.column("activity") && t.column("quantity") && t.column("text"))
        return "log";
    return std::nullopt;
}

// The child a feed's text names: "Eva" in "Eva drank 4 oz of milk" or "Eva nursed (...)".
std::string child_of(std::string_view text) {
    for (const std::string_view verb : {" drank", " nursed"})
        if (const auto at = text.find(verb); at != std::string_view::npos) return std::string(trim(text.substr(0, at)));
    return "";
}

// The unit of a quantity: the text says "ml" when the app was set to metric; else US fl oz.
Unit quantity_unit(std::string_view text) {
    const std::string t = lower(text);
    for (std::size_t at = t.find("ml"); at != std::string::npos; at = t.find("ml", at + 1)) {
        const bool starts = at == 0 || t[at - 1] == ' ' || (t[at - 1] >= '0' && t[at - 1] <= '9');
        const bool ends = at + 2 == t.size() || !(t[at + 2] >= 'a' && t[at + 2] <= 'z');
        if (starts && ends) return Unit::ml;
    }
    return Unit::oz;
}

// The sides in "(11m left, 7m right)", "(12m right)" or "(14m)"; false when the
// text has no such list (the Duration column is used then).
bool read_sides(std::string_view text, Draft& d) {
    const auto nursed = text.find("nursed");
    const auto open = text.find('(', nursed == std::string_view::npos ? 0 : nursed);
    if (open == std::string_view::npos) return false;
    const auto close = text.find(')', open);
    if (close == std::string_view::npos) return false;
    std::string_view list = text.substr(open + 1, close - open - 1);
    Draft sides;
    while (!list.empty()) {
        const auto comma = list.find(',');
        std::string_view part = trim(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        std::optional<std::chrono::seconds>* slot = &sides.duration;
        const auto space = part.rfind(' ');
        if (space != std::string_view::npos) {
            const std::string side = lower(part.substr(space + 1));
            if (side == "left" || side == "l") slot = &sides.left;
            if (side == "right" || side == "r") slot = &sides.right;
            if (slot != &sides.duration) part = trim(part.substr(0, space));
        }
        std::optional<std::chrono::seconds> time;
        try {
            time = minutes_cell(part);
        } catch (const RowError&) {
            return false;  // not a list of times: leave it to the Duration column
        }
        if (!time) return false;
        *slot = slot->value_or(std::chrono::seconds(0)) + *time;
    }
    d.left = recorded(sides.left);
    d.right = recorded(sides.right);
    if (!d.left && !d.right) d.duration = recorded(sides.duration);
    return true;
}

// What a pumping row's text says it gave (Baby Connect's wording for pumping is
// not known for sure): each number with its unit ("2.5 oz", "60ml"), on the
// side named next to it ("2.5 oz left", "left 2.5 oz", "60ml R"), else the total.
struct TextAmounts {
    std::optional<Volume> total, left, right;
};

TextAmounts amounts_in(std::string_view text, const FileImport& file, std::uint64_t line) {
    // Punctuation ends a clause: "4 oz (left 2.5 oz" names the side of 2.5 oz, not of 4 oz.
    // A comma between digits is a decimal comma ("2,5 oz"); a colon joins a side to its amount ("left: 2.5 oz").
    std::string flat;
    const std::string low = lower(text);
    const auto digit = [&](std::size_t i) { return i < low.size() && low[i] >= '0' && low[i] <= '9'; };
    for (std::size_t i = 0; i < low.size(); ++i) {
        const char c = low[i];
        if (c == ',' && i > 0 && digit(i - 1) && digit(i + 1)) flat += '.';
        else if (c == ':') flat += ' ';
        else if (c == '(' || c == ')' || c == ',' || c == ';' || c == '/') flat += " | ";
        else flat += c;
    }
    std::vector<std::string_view> words;
    for (std::string_view rest = flat; !rest.empty();) {
        const auto start = rest.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        rest.remove_prefix(start);
        const auto end = std::min(rest.find(' '), rest.size());
        words.push_back(rest.substr(0, end));
        rest.remove_prefix(end);
    }
    const auto unit_word = [](std::string_view w) { return w == "oz" || w == "ml"; };
    const auto side_of = [](std::string_view w) -> int {
        if (w == "left" || w == "l") return 1;
        if (w == "right" || w == "r") return 2;
        return 0;
    };
    TextAmounts out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // "2.5 oz" (two words) or "2.5oz" (one); the number alone is no amount here.
        std::string amount(words[i]);
        std::size_t last = i;
        if (!(amount.size() > 2 && unit_word(std::string_view(amount).substr(amount.size() - 2)))) {
            if (i + 1 >= words.size() || !unit_word(words[i + 1])) continue;
            amount += ' ';
            amount += words[i + 1];
            last = i + 1;
        }
        if (amount.empty() || !((amount[0] >= '0' && amount[0] <= '9') || amount[0] == '.')) continue;
        std::optional<Volume> volume;
        try {
            volume = file.amount(amount, std::nullopt, line);
        } catch (const RowError&) {
            continue;
        }
        int side = last + 1 < words.size() ? side_of(words[last + 1]) : 0;
        if (side == 0 && i > 0) side = side_of(words[i - 1]);
        std::optional<Volume>& slot = side == 1 ? out.left : side == 2 ? out.right : out.total;
        if (!slot) slot = volume;
        i = last;
    }
    return out;
}

void read(FileImport& file, const std::string&) {
    const CsvTable& t = file.table();
    const auto start = t.column("date and time");
    file.settle_dates({start, t.column("end time")}, "M/D/YY h:mm AM");
    file.for_each_row([&](const CsvRecord& record) {
        const std::string_view activity_text = t.cell(record, t.column("activity"));
        const std::string activity = lower(activity_text);
        const std::string_view text = t.cell(record, t.column("text"));
        const bool bottle = activity == "bottle";
        const bool nursing = activity == "nursing";
        const bool pump = activity.find("pump") != std::string::npos;  // spelling unverified: "Pumping"?
        if (!bottle && !nursing && !pump) {
            file.other_activity(activity_text, t.cell(record, start));
            return;
        }
        const std::string child = pump ? std::string() : child_of(text);
        if (!pump && !file.select_child(child)) return;  // pumping is the parent's: every pump is imported
        auto draft = file.start_draft(record, start, t.cell(record, t.column("notes")));
        if (!draft) return;
        Draft& d = *draft;
        d.child = child;
        d.baby = child;
        const auto quantity = [&] {
            return recorded(file.amount(t.cell(record, t.column("quantity")), quantity_unit(text), record.line));
        };
        if (bottle) {
            d.method = FeedMethod::bottle;
            std::string milk = lower(t.cell(record, t.column("extra data")));
            std::erase(milk, ' ');
            if (milk == "milk" || milk == "breastmilk" || milk == "expressed" || milk.empty()) d.milk = "breast";
            else if (milk == "formula") d.milk = "formula";
            else
                throw RowError{fmt::format("\"{}\" is not a kind of milk; expected Milk or Formula",
                                           printable(t.cell(record, t.column("extra data"))))};
            d.ml = quantity();
        } else if (nursing) {
            d.method = FeedMethod::breast;
            const auto span = file.span(record, t.column("end time"), d.when);
            if (!read_sides(text, d)) take_length(d, minutes_cell(t.cell(record, t.column("duration (min)"))), span);
        } else {
            d.type = EntryType::pump;
            const auto span = file.span(record, t.column("end time"), d.when);
            d.ml = quantity();
            // The sides, and the total when Quantity has none, from the text: kept when they add up to
            // the Quantity given (to within the rounding of amounts written to 0.1 oz); a Quantity that is
            // not their sum is a problem row, as which of the two is right cannot be told.
            const TextAmounts said = amounts_in(text, file, record.line);
            const auto left = recorded(said.left), right = recorded(said.right);
            if (said.left && said.right && (left || right)) {  // both sides named (one may be 0 oz)
                const Volume both = *said.left + *said.right;
                if (!d.ml) d.ml = both;
                const double off = std::abs(d.ml->ml() - both.ml());
                if (off > max_rounding_ml) {
                    const std::string_view written = trim(t.cell(record, t.column("quantity")));
                    const bool bare = written.find_first_not_of("0123456789., ") == std::string_view::npos;
                    const std::string quantity =
                        !bare ? fmt::format("\"{}\"", printable(written))
                        : quantity_unit(text) == Unit::ml
                            ? fmt::format("{} (read as ml, as the text writes ml)", printable(written))
                            : fmt::format("{} (fl oz: {})", printable(written), format_volume(*d.ml, Unit::ml));
                    throw RowError{fmt::format("the Quantity {} is not the sum of the sides the text gives ({} left, "
                                               "{} right: {}); correct the row in the app and export again",
                                               quantity, format_volume(*said.left, Unit::ml),
                                               format_volume(*said.right, Unit::ml), format_volume(both, Unit::ml))};
                }
                d.left_ml = said.left, d.right_ml = said.right;
                // Sides kept since the rounding allowed was 0.15 oz, not 1.5 ml: imported before without them.
                d.sides_past_old_rounding = off > 1.5;
            } else if (!d.ml) {
                d.ml = recorded(said.total ? said.total : left ? left : right);
            }
            take_length(d, minutes_cell(t.cell(record, t.column("duration (min)"))), span);
            // A length but no amount: a session whose volume was not recorded (kept).
            if (!d.ml && !d.duration) {
                file.skip(Skip::not_recorded);
                return;
            }
        }
        file.add(std::move(d));
    });
}

}  // namespace babyconnect

const Importer babyconnect_importer = {
    ImportFormat::babyconnect, babyconnect::recognise, babyconnect::read,
    "Date and Time,End Time,Duration (min),Activity,Quantity,Extra data,Text,Notes,Caregiver", true};

}  // namespace pumplog::import_detail
