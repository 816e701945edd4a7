// Baby Tracker (Nighp): one CSV per activity, named after it: pump.csv
// (pumping), nursing.csv (breast feeds), expressed.csv or <Baby>_pumped.csv
// (bottles of expressed milk, not pumps), formula.csv or <Baby>_formula.csv.
// Three eras of columns: units in the cells ("60 ml", "10 min") or in the
// header ("Left amount (oz.)"); times "2/20/17, 9:23 AM", "6/9/22 4:16 PM", "7/1/25, 15:55".
#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

// Named, not anonymous: the importers share a unity batch and their names.
namespace babytracker {

// What the file's name (a path as given) says it holds: "pump", "nursing", "expressed", "formula", or "".
std::string kind_by_name(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (name.ends_with(".csv")) name.resize(name.size() - 4);
    // A browser's second copy: "pump (1)".
    if (const auto open = name.rfind(" ("); open != std::string::npos && name.ends_with(")") &&
                                            name.find_first_not_of("0123456789", open + 2) == name.size() - 1)
        name.resize(open);
    name = std::string(trim(name));
    if (name == "pump") return "pump";
    if (name == "nursing") return "nursing";
    if (name == "expressed" || name.ends_with("_pumped")) return "expressed";
    if (name == "formula" || name.ends_with("_formula")) return "formula";
    return "";
}

bool has_any(const CsvTable& t, std::initializer_list<std::string_view> bases) {
    for (const auto base : bases)
        if (unit_column(t, base).index) return true;
    return false;
}

std::optional<std::string> recognise(const CsvTable& t, std::string_view file_name) {
    if (!t.column("time")) return std::nullopt;
    const bool pump_columns = has_any(t, {"amount", "left amount", "right amount", "total amount", "left duration",
                                          "right duration", "total duration"});
    const bool nursing_columns = has_any(t, {"left duration", "right duration", "total duration", "total"});
    const bool bottle_columns = has_any(t, {"amount"});
    const std::string by_name = kind_by_name(file_name);
    if (by_name == "pump") return pump_columns && !t.column("baby") ? std::optional<std::string>("pump") : std::nullopt;
    if (by_name == "nursing") return nursing_columns ? std::optional<std::string>("nursing") : std::nullopt;
    if (by_name == "expressed" || by_name == "formula")
        return bottle_columns && !t.column("start side") ? std::optional<std::string>(by_name) : std::nullopt;
    // Named otherwise: the header tells pumping and nursing apart, but not what a Baby,Time,Amount,Note
    // file holds: expressed milk, formula, or another of the app's exports (medicine): refused with the
    // names the app gives the files pumplog reads. Never advice to rename it into a milk file.
    const bool note = t.column("note").has_value();
    if (!note) return std::nullopt;
    if (t.column("baby") && t.column("start side") && nursing_columns) return "nursing";
    if (!t.column("baby") && pump_columns) return "pump";
    if (t.column("baby") && bottle_columns && t.header.size() <= 4)
        throw usage_error(fmt::format(
            "{} looks like a Baby Tracker export, but its name does not say what it holds: pumplog reads the app's "
            "pump.csv (pumping), nursing.csv (breast feeds), expressed.csv or <Baby>_pumped.csv (bottles of "
            "expressed milk) and formula.csv or <Baby>_formula.csv (bottles of formula), named as the app names "
            "them; its other exports (medicine, ...) are not pumplog's",
            printable(file_name)));
    return std::nullopt;
}

// The app rounds the sides and the total each to 0.1 oz: two rounded sides and the rounded total may differ by
// 0.15 oz (4.4 ml) when nothing is wrong.
constexpr double max_rounding_ml = 4.5;

// What a decimal comma leaves of an amount after it in a cell without quotes: digits, perhaps with a unit
// ("5", "5 oz", "25ml"), and nothing more ("5 oz left" is a note's words).
bool decimal_rest(std::string_view cell) {
    cell = trim(cell);
    const std::size_t digits = std::min(cell.find_first_not_of("0123456789"), cell.size());
    if (digits == 0) return false;
    const std::string_view unit = trim(cell.substr(digits));
    if (unit.empty()) return true;
    if (unit.find_first_of("0123456789.,") != std::string_view::npos) return false;
    try {
        parse_amount(cell, Unit::ml);
        return true;
    } catch (const Error&) {
        return false;
    }
}

// "2,5" written without quotes is two cells: a row with more cells than the header, whose cells past it were
// joined to the note (Note is the last column), would be read as 2 with a note of 5, or its sides and total
// shifted. The amounts are the columns just before Note (Amount; Left, Right and Total amount): a problem row
// when some of them, each a whole number with the next cell the rest of a decimal ("5", "5 oz"), can be
// joined with that cell so that the amounts read as amounts and the sides add up to the total the app writes
// beside them (the first such reading, with the fewest joins, names the cells). A note with commas after the
// amounts ("5 oz left, fussy"; "1,2,3,fussy, tired" where 1 + 2 is 3) gives no such reading, and stays the note.
void refuse_split_amounts(const FileImport& file) {
    const CsvTable& t = file.table();
    const std::vector<std::string>& cells = file.written_cells();
    const std::size_t columns = t.header.size();
    if (cells.size() <= columns || columns < 2) return;
    std::vector<UnitColumn> amounts;
    for (const auto base : {"left amount", "right amount", "total amount", "amount"})
        if (const UnitColumn column = unit_column(t, base); column.index) amounts.push_back(column);
    std::sort(amounts.begin(), amounts.end(),
              [](const UnitColumn& a, const UnitColumn& b) { return *a.index < *b.index; });
    const std::size_t n = amounts.size();
    // The amounts side by side, the last just before Note, as in every era of the app's files.
    if (n == 0 || *amounts.back().index != columns - 2) return;
    for (std::size_t j = 0; j < n; ++j)
        if (*amounts[j].index != columns - 1 - n + j) return;
    const std::size_t first = *amounts.front().index, extra = cells.size() - columns;
    const auto side = [&](std::size_t j, std::string_view base) {
        return normalize_header(t.header[*amounts[j].index]).starts_with(base);
    };
    bool has_total = false;
    for (std::size_t j = 0; j < n; ++j) has_total = has_total || side(j, "total");
    const auto whole = [](std::string_view cell) {
        cell = trim(cell);
        return !cell.empty() && cell.find_first_not_of("0123456789") == std::string_view::npos;
    };
    // A row whose amounts already read as the app writes them (sides that add up to the total beside them)
    // is not split: its extra cells are the note's ("60,50,110,5, fussy").
    if (has_total && n > 1) {
        std::optional<Volume> left, right, total;
        bool reads = true;
        for (std::size_t j = 0; j < n && reads; ++j) {
            const std::string text(trim(cells[first + j]));
            if (text.empty()) continue;
            try {
                const Volume v = parse_amount(text, amounts[j].unit.value_or(file.options().unit.value_or(Unit::ml)));
                if (side(j, "left")) left = v;
                else if (side(j, "right")) right = v;
                else if (side(j, "total")) total = v;
            } catch (const Error&) {
                reads = false;
            }
        }
        if (reads && (left || right) && total &&
            std::abs((left.value_or(Volume{}) + right.value_or(Volume{})).ml() - total->ml()) <= max_rounding_ml)
            return;
    }
    for (std::size_t joins = 1; joins <= std::min(n, extra); ++joins) {
        for (unsigned mask = 1; mask < 1U << n; ++mask) {
            if (static_cast<std::size_t>(std::popcount(mask)) != joins) continue;
            std::size_t at = first;
            std::optional<std::pair<std::string_view, std::string_view>> named;
            std::optional<Volume> left, right, total;
            bool reads = true;
            for (std::size_t j = 0; j < n && reads; ++j) {
                std::string text = at < cells.size() ? std::string(trim(cells[at])) : std::string();
                if ((mask & (1U << j)) != 0) {
                    if (at + 1 >= cells.size() || !whole(cells[at]) || !decimal_rest(cells[at + 1])) {
                        reads = false;
                        break;
                    }
                    // Millilitres are whole in these files: "120,2, fussy" in ml is 120 ml and a note, unless
                    // the rest names its unit ("2,5 oz").
                    const bool rest_has_unit =
                        trim(cells[at + 1]).find_first_not_of("0123456789 ") != std::string_view::npos;
                    if (!rest_has_unit &&
                        amounts[j].unit.value_or(file.options().unit.value_or(Unit::oz)) == Unit::ml) {
                        reads = false;
                        break;
                    }
                    if (!named) named.emplace(trim(cells[at]), trim(cells[at + 1]));
                    text += '.';
                    text += trim(cells[at + 1]);
                    ++at;
                }
                ++at;
                if (text.empty()) continue;
                try {
                    const Unit bare = amounts[j].unit.value_or(file.options().unit.value_or(Unit::ml));
                    const Volume v = parse_amount(text, bare);
                    if (side(j, "left")) left = v;
                    else if (side(j, "right")) right = v;
                    else if (side(j, "total")) total = v;
                } catch (const Error&) {
                    reads = false;
                }
            }
            // The app writes a total beside the sides: a reading with sides and no total is not the app's row.
            if (!reads || ((left || right) && has_total && !total)) continue;
            if ((left || right) && total &&
                std::abs((left.value_or(Volume{}) + right.value_or(Volume{})).ml() - total->ml()) > max_rounding_ml)
                continue;
            throw split_amount(named->first, named->second);
        }
    }
}

void read_pump(FileImport& file, const CsvRecord& record, Draft& d) {
    const CsvTable& t = file.table();
    const auto volume = [&](std::string_view base) {
        const UnitColumn column = unit_column(t, base);
        return file.amount(t.cell(record, column.index), column.unit, record.line);
    };
    const auto minutes = [&](std::string_view base) { return minutes_cell(t.cell(record, unit_column(t, base).index)); };
    d.type = EntryType::pump;
    refuse_split_amounts(file);
    const auto left = volume("left amount"), right = volume("right amount");
    if (recorded(left) || recorded(right)) {
        d.left_ml = left;
        d.right_ml = right;
        d.ml = left.value_or(Volume{}) + right.value_or(Volume{});
        // A total that is not the sides' sum (beyond the app's rounding): which one is right cannot be
        // told, so a problem row, never one of the two kept and the other dropped silently.
        const auto total = recorded(volume("total amount"));
        if (total && std::abs(total->ml() - d.ml->ml()) > max_rounding_ml)
            throw RowError{fmt::format("the total amount {} is not the sum of the sides ({} left, {} right); "
                                       "correct the row in the app and export again",
                                       format_volume(*total, Unit::ml),
                                       format_volume(left.value_or(Volume{}), Unit::ml),
                                       format_volume(right.value_or(Volume{}), Unit::ml))};
    } else {
        const auto total = volume("total amount");
        d.ml = recorded(total ? total : volume("amount"));
    }
    const auto left_time = minutes("left duration"), right_time = minutes("right duration");
    d.duration = recorded(minutes("total duration"));
    if (!d.duration && (left_time || right_time))
        d.duration = recorded(left_time.value_or(std::chrono::seconds(0)) + right_time.value_or(std::chrono::seconds(0)));
}

void read_nursing(FileImport& file, const CsvRecord& record, Draft& d) {
    const CsvTable& t = file.table();
    const auto minutes = [&](std::string_view base) { return minutes_cell(t.cell(record, unit_column(t, base).index)); };
    d.method = FeedMethod::breast;
    d.left = recorded(minutes("left duration"));
    d.right = recorded(minutes("right duration"));
    if (!d.left && !d.right) {
        const auto total = minutes("total duration");
        d.duration = recorded(total ? total : minutes("total"));
    }
}

void read(FileImport& file, const std::string& kind) {
    const CsvTable& t = file.table();
    file.settle_dates({t.column("time")}, "M/D/YY h:mm AM, D/M/YY HH:MM or the like");
    file.for_each_row([&](const CsvRecord& record) {
        // pump.csv names no child: pumping is the parent's, imported whatever --child says.
        if (kind != "pump" && !file.select_child(t.cell(record, t.column("baby")))) return;
        auto draft = file.start_draft(record, t.column("time"), t.cell(record, t.column("note")));
        if (!draft) return;
        Draft& d = *draft;
        d.child = t.cell(record, t.column("baby"));
        d.baby = d.child;
        if (kind == "pump") {
            read_pump(file, record, d);
            // Durations but no amount: a session whose volume was not recorded (kept).
            if (!d.ml && !d.duration) {
                file.skip(Skip::not_recorded);
                return;
            }
        } else if (kind == "nursing") {
            read_nursing(file, record, d);
        } else {
            d.method = FeedMethod::bottle;
            d.milk = kind == "formula" ? "formula" : "breast";
            refuse_split_amounts(file);
            const UnitColumn column = unit_column(t, "amount");
            d.ml = recorded(file.amount(t.cell(record, column.index), column.unit, record.line));
        }
        file.add(std::move(d));
    });
}

}  // namespace babytracker

const Importer babytracker_importer = {
    ImportFormat::babytracker, babytracker::recognise, babytracker::read,
    "Baby Tracker's pump.csv (Time,Amount,Note or Time,Start Side,Left duration,...,Total amount,Note), "
    "nursing.csv (Baby,Time,Start Side,Left duration,Right duration,Total Duration,Note), expressed.csv or "
    "formula.csv (Baby,Time,Amount,Note)",
    true};

}  // namespace pumplog::import_detail
