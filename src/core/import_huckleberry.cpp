// Huckleberry: one CSV, Type,Start,End,Duration,Start Condition,Start Location,
// End Condition,Notes (and perhaps a ninth column). Times "YYYY-MM-DD HH:MM".
#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

// Named, not anonymous: the importers share a unity batch and their names.
namespace huckleberry {

std::optional<std::string> recognise(const CsvTable& table, std::string_view) {
    if (table.column("type") && table.column("start") && table.column("start condition") &&
        table.column("start location") && table.column("end condition"))
        return "log";
    return std::nullopt;
}

// A breast side's time, "00:16R" or "00:12 L": adds it to that side. Empty cells add nothing;
// with `lenient`, neither does a time without its side ("10:00": the feed's length is then read
// from Duration or Start to End).
void add_side(std::string_view cell, Draft& d, bool lenient = false) {
    cell = trim(cell);
    if (cell.empty()) return;
    const char side = static_cast<char>(cell.back() | 0x20);
    if (lenient && side != 'l' && side != 'r' && clock_duration(cell)) return;
    if (side != 'l' && side != 'r')
        throw RowError{fmt::format("\"{}\" is not a breast side's time; expected one like 00:16R or 00:12L",
                                   printable(cell))};
    const auto time = clock_duration(cell.substr(0, cell.size() - 1));
    if (!time) throw RowError{fmt::format("\"{}\" has no time before its side", printable(cell))};
    auto& slot = side == 'l' ? d.left : d.right;
    slot = slot.value_or(std::chrono::seconds(0)) + *time;
}

// "2,5oz" written without quotes is two cells: a bare number, and the next cell an amount with its unit.
// Read as they are, the amount would be 2 (in --unit's unit) and "5oz" the next column's: a problem row.
// The next cell is read up to the delimiter: when it is the note, the cells past the header were joined
// to it ("5oz,after nap").
void refuse_split_amount(const CsvRecord& record, std::optional<std::size_t> column, char delimiter) {
    if (!column || *column + 1 >= record.cells.size()) return;
    const std::string_view cell = trim(record.cells[*column]);
    const std::string_view next_cell = record.cells[*column + 1];
    const std::string_view next = trim(next_cell.substr(0, next_cell.find(delimiter)));
    if (cell.empty() || cell.find_first_not_of("0123456789") != std::string_view::npos) return;
    if (next.empty() || next[0] < '0' || next[0] > '9' ||
        next.find_first_not_of("0123456789., ") == std::string_view::npos)
        return;
    try {
        parse_amount(next, Unit::ml);
    } catch (const Error&) {
        return;
    }
    throw split_amount(cell, next);
}

void read_feed(FileImport& file, const CsvRecord& record, Draft& d) {
    const CsvTable& t = file.table();
    refuse_split_amount(record, t.column("end condition"), t.delimiter);
    const std::string location = lower(t.cell(record, t.column("start location")));
    const std::string_view start_condition = t.cell(record, t.column("start condition"));
    const std::string_view end_condition = t.cell(record, t.column("end condition"));
    // No location: a bottle when End Condition holds an amount, else a breast feed (some
    // exports leave the location out of breast feeds, with side times lacking their letter).
    const bool unplaced = trim(location).empty();
    bool bottle_amount = false;
    if (unplaced && !trim(end_condition).empty()) {
        try {
            parse_amount(trim(end_condition), Unit::ml);
            bottle_amount = true;
        } catch (const Error&) {
            bottle_amount = false;  // "08:30", a side's time: not a bottle
        }
    }
    if (location == "breast" || (unplaced && !bottle_amount)) {
        d.method = FeedMethod::breast;
        const auto span = file.span(record, t.column("end"), d.when);
        add_side(start_condition, d, unplaced);  // either column can hold either side: go by the letter
        add_side(end_condition, d, unplaced);
        d.left = recorded(d.left);
        d.right = recorded(d.right);
        if (!d.left && !d.right) take_length(d, clock_duration(t.cell(record, t.column("duration"))), span);
    } else if (location == "bottle" || unplaced) {
        d.method = FeedMethod::bottle;
        std::string milk = lower(start_condition);
        std::erase(milk, ' ');
        if (milk == "breastmilk" || milk == "breast" || milk.empty()) d.milk = "breast";
        else if (milk == "formula") d.milk = "formula";
        else
            throw RowError{fmt::format("\"{}\" is not a kind of milk; expected Breast Milk or Formula",
                                       printable(start_condition))};
        d.ml = recorded(file.amount(end_condition, std::nullopt, record.line));
    } else {
        throw RowError{fmt::format("a feed from \"{}\" is neither Breast nor Bottle",
                                   printable(t.cell(record, t.column("start location"))))};
    }
}

// Start Condition the left amount (or the total when only one is given), End Condition the right;
// the length in Duration, else from Start to End. Returns false when neither an amount (0 or empty)
// nor a length was recorded.
bool read_pump(FileImport& file, const CsvRecord& record, Draft& d) {
    const CsvTable& t = file.table();
    d.type = EntryType::pump;
    refuse_split_amount(record, t.column("start condition"), t.delimiter);
    refuse_split_amount(record, t.column("end condition"), t.delimiter);
    const auto span = file.span(record, t.column("end"), d.when);
    const auto first = file.amount(t.cell(record, t.column("start condition")), std::nullopt, record.line);
    const auto second = file.amount(t.cell(record, t.column("end condition")), std::nullopt, record.line);
    if (first && second) {
        d.ml = recorded(*first + *second);
        if (d.ml) {  // 0 ml on both sides: no amount, and no sides either
            d.left_ml = first;
            d.right_ml = second;
        }
    } else {
        d.ml = recorded(first ? first : second);
    }
    take_length(d, clock_duration(t.cell(record, t.column("duration"))), span);
    return d.ml || d.duration;  // a duration alone: a session whose volume was not recorded (kept)
}

void read(FileImport& file, const std::string&) {
    const CsvTable& t = file.table();
    file.settle_dates({t.column("start"), t.column("end")}, "YYYY-MM-DD HH:MM");
    file.for_each_row([&](const CsvRecord& record) {
        const std::string type = lower(t.cell(record, t.column("type")));
        const bool feed = type == "feed" || type == "feeding";
        const bool pump = type == "pump" || type == "pumping";
        if (!feed && !pump) {
            file.other_activity(t.cell(record, t.column("type")), t.cell(record, t.column("start")));
            return;
        }
        auto draft = file.start_draft(record, t.column("start"), t.cell(record, t.column("notes")));
        if (!draft) return;
        Draft& d = *draft;
        if (feed) {
            read_feed(file, record, d);
        } else if (!read_pump(file, record, d)) {
            file.skip(Skip::not_recorded);  // a 0 ml pump without a length: nothing recorded
            return;
        }
        file.add(std::move(d));
    });
}

}  // namespace huckleberry

const Importer huckleberry_importer = {
    ImportFormat::huckleberry, huckleberry::recognise, huckleberry::read,
    "Type,Start,End,Duration,Start Condition,Start Location,End Condition,Notes", false};

}  // namespace pumplog::import_detail
