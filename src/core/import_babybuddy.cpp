// Baby Buddy (self-hosted): the feeding and pumping CSV of its admin export.
// Datetimes "YYYY-MM-DD HH:MM:SS" in local time; amounts without a unit (--unit).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

namespace {

// Columns of Baby Buddy's other exports: diaper changes (wet, solid, color, and an amount: their child
// columns, time and amount alone look like the old pumping form), temperature, weight, height, head
// circumference, BMI, sleep (nap) and tummy time (milestone). A file with one is none of pumplog's.
bool other_activity_columns(const CsvTable& table) {
    return table
        .column_of({"wet", "solid", "color", "temperature", "weight", "height", "head_circumference", "bmi", "nap",
                    "milestone"})
        .has_value();
}

std::optional<std::string> recognise(const CsvTable& table, std::string_view) {
    if (!table.column_of({"start", "time"}) || other_activity_columns(table)) return std::nullopt;
    if (table.column("type") && table.column("method")) return "feeding";
    const bool child = table.column_of({"child_id", "child_first_name", "child"}).has_value();
    if (child && table.column("amount") && !table.column("type") && !table.column("method")) return "pumping";
    return std::nullopt;
}

// The child a row belongs to: "First Last", else the child column, else "child N".
std::pair<std::string, std::string> child_of(const FileImport& file, const CsvRecord& record) {
    const CsvTable& t = file.table();
    std::string name = std::string(t.cell(record, t.column("child_first_name")));
    const std::string_view last = t.cell(record, t.column("child_last_name"));
    if (!last.empty()) name += (name.empty() ? "" : " ") + std::string(last);
    if (name.empty()) name = std::string(t.cell(record, t.column("child")));
    const std::string id(t.cell(record, t.column("child_id")));
    if (name.empty() && !id.empty()) name = "child " + id;
    return {name, id};
}

// The unit of a row's amount: newer Baby Buddy exports name it in amount_unit ("ml" or "oz"); older
// ones have no such column (or leave it empty for amounts entered before it existed): --unit then.
std::optional<Unit> amount_unit(const FileImport& file, const CsvRecord& record) {
    const CsvTable& t = file.table();
    const std::string_view cell = t.cell(record, t.column("amount_unit"));
    std::string unit = lower(cell);
    std::erase(unit, ' ');
    std::erase(unit, '.');
    if (unit.empty()) return std::nullopt;
    if (unit == "ml") return Unit::ml;
    if (unit == "oz" || unit == "floz") return Unit::oz;
    throw RowError{fmt::format("\"{}\" is not a unit of volume; expected ml or oz", printable(cell))};
}

std::optional<Volume> row_amount(const FileImport& file, const CsvRecord& record) {
    const CsvTable& t = file.table();
    const std::string_view cell = t.cell(record, t.column("amount"));
    return recorded(file.amount(cell, cell.empty() ? std::nullopt : amount_unit(file, record), record.line));
}

// The baby's name each child's feeds get, by the child's full name (child_of): the first name, as config
// babies names them, unless two children of the file share it (Mary Smith, child_id 1, and Mary Jones,
// child_id 2): theirs are then their full names, so that they stay two babies. Refuses two children
// (two child_ids) with one full name too, unless --child picks one and --baby names its baby: under
// the name they share, their feeds would be one baby's, imported together or one at a time.
std::map<std::string, std::string> babies_of_children(FileImport& file) {
    const CsvTable& t = file.table();
    struct Child {
        std::string first, full, id;
        std::uint64_t line = 0;
    };
    std::map<std::string, Child> children;  // by child_id, else by the full name's name_key
    for (const auto& record : t.records) {
        const std::string_view first = trim(t.cell(record, t.column("child_first_name")));
        if (first.empty()) continue;
        const auto [full, id] = child_of(file, record);
        children.try_emplace(id.empty() ? name_key(full) : "#" + id, Child{std::string(first), full, id, record.line});
    }
    std::map<std::string, std::vector<const Child*>> by_first, by_full;
    for (const auto& [key, child] : children) {
        by_first[name_key(child.first)].push_back(&child);
        by_full[name_key(child.full)].push_back(&child);
    }
    const std::string wanted = name_key(file.options().child);
    // The children of one full name --child picks (a --child naming two of them is refused after the rows).
    const auto picked = [&](const Child& child) {
        return !wanted.empty() && (wanted == name_key(child.full) || wanted == name_key(child.first) ||
                                   (!trim(child.id).empty() && wanted == fold_case(trim(child.id))));
    };
    std::map<std::string, std::string> babies;
    for (const auto& [key, same] : by_full) {
        if (same.size() < 2) continue;
        std::vector<std::string> ids;
        std::uint64_t line = 0;
        for (const Child* child : same) {
            ids.push_back(printable(child->id));
            line = std::max(line, child->line);
        }
        const std::string full = printable(same.front()->full);
        if (wanted.empty())
            throw usage_error(fmt::format("{}:{}: the file's feeds are of {} children named \"{}\" (child_id {}): "
                                          "imported together they would all be one baby's; import one child at a "
                                          "time with --child ID and --baby NAME, another name for each",
                                          file.name(), line, same.size(), full, and_list(ids)));
        const auto is_picked = [&](const Child* c) { return picked(*c); };
        const auto chosen = std::find_if(same.begin(), same.end(), is_picked);
        if (chosen == same.end() || std::count_if(same.begin(), same.end(), is_picked) > 1) continue;
        if (file.options().baby.empty())
            throw usage_error(fmt::format("{}:{}: --child {} is one of {} children named \"{}\" (child_id {}): "
                                          "under that name their feeds would be one baby's; add --baby NAME to name "
                                          "this child's feeds, another name for each, so that the two stay apart",
                                          file.name(), (*chosen)->line,
                                          terminal_text(shell_quote(trim(file.options().child))),
                                          same.size(), full, and_list(ids)));
        babies[key] = file.options().baby;
    }
    for (const auto& [key, same] : by_first) {
        // Namesakes have two or more full names: two children of one full name share no first name with
        // another child by that alone.
        std::vector<std::string> names;
        std::set<std::string> fulls;
        for (const Child* child : same)
            if (fulls.insert(name_key(child->full)).second) names.push_back(child->full);
        const bool namesakes = names.size() > 1;
        for (const Child* child : same)
            babies.try_emplace(name_key(child->full), namesakes ? child->full : child->first);
        if (namesakes) file.namesakes(same.front()->first, names);
    }
    return babies;
}

void read_feeding(FileImport& file) {
    const CsvTable& t = file.table();
    const auto start = t.column_of({"start", "time"});
    // Older exports name a child by child_id alone: such feeds have no baby's name, and those of
    // several children would all be one baby's. Refused without --child (one child at a time).
    std::set<std::string> unnamed_ids;
    std::uint64_t first_other_line = 0;
    for (const auto& record : t.records) {
        if (!trim(t.cell(record, t.column("child_first_name"))).empty() ||
            !trim(t.cell(record, t.column("child_last_name"))).empty() ||
            !trim(t.cell(record, t.column("child"))).empty())
            continue;
        const std::string id(trim(t.cell(record, t.column("child_id"))));
        if (!id.empty() && unnamed_ids.insert(id).second && unnamed_ids.size() == 2) first_other_line = record.line;
    }
    if (unnamed_ids.size() >= 2 && trim(file.options().child).empty()) {
        std::string ids;
        for (const auto& id : unnamed_ids) ids += (ids.empty() ? "" : ", ") + printable(id);
        throw usage_error(fmt::format("{}:{}: the file's feeds are of {} children known only by their child_id ({}), "
                                      "with no names: imported together they would all be one baby's; import one "
                                      "child at a time with --child ID (and --baby NAME for whose feeds they are)",
                                      file.name(), first_other_line, unnamed_ids.size(), ids));
    }
    const std::map<std::string, std::string> babies = babies_of_children(file);
    file.for_each_row([&](const CsvRecord& record) {
        const auto [child, child_id] = child_of(file, record);
        if (!file.select_child(child, child_id, t.cell(record, t.column("child_first_name")))) return;
        const std::string type = lower(t.cell(record, t.column("type")));
        const std::string method = lower(t.cell(record, t.column("method")));
        if (type.find("solid") != std::string::npos) {
            file.other_activity(t.cell(record, t.column("type")), t.cell(record, start));
            return;
        }
        auto draft = file.start_draft(record, start, t.cell(record, t.column("notes")));
        if (!draft) return;
        Draft& d = *draft;
        d.child = child;
        // A first name, as config babies names them (not "child 3" when only the id is known), or the
        // full name of a child who shares it with another (babies_of_children).
        d.baby = t.cell(record, t.column("child_first_name"));
        if (const auto named = babies.find(name_key(child)); !d.baby.empty() && named != babies.end())
            d.baby = named->second;
        if (d.baby.empty()) d.baby = t.cell(record, t.column("child"));
        d.source_id = t.cell(record, t.column("id"));
        if (method == "left breast" || method == "right breast" || method == "both breasts" ||
            method == "both breast") {
            d.method = FeedMethod::breast;
            const auto duration = recorded(file.span(record, t.column("end"), d.when));
            if (method == "left breast") d.left = duration;
            else if (method == "right breast") d.right = duration;
            else d.duration = duration;
            // A breast feed records durations, not an amount (pumplog(5)): an amount Baby Buddy has on one
            // (an estimate some parents enter) is kept in its note, not dropped, as written with the unit it
            // was read in ("30 oz", "40 ml", "2.5 oz"), and is part of the id (Draft::noted_ml).
            if (const auto ml = row_amount(file, record)) {
                const std::string_view cell = t.cell(record, t.column("amount"));
                const bool bare = cell.find_first_not_of("0123456789., ") == std::string_view::npos;
                const Unit unit = amount_unit(file, record).value_or(file.options().unit.value_or(Unit::ml));
                const std::string written =
                    bare ? fmt::format("{} {}", cell, unit == Unit::ml ? "ml" : "oz") : printable(cell);
                const std::string kept = fmt::format("amount in Baby Buddy: {}", written);
                d.note = d.note.empty() ? kept : d.note + "; " + kept;
                d.noted_ml = ml;
            }
        } else if (method == "bottle" || method == "parent fed" || method == "self fed" || method.empty()) {
            d.method = FeedMethod::bottle;
            if (type == "breast milk" || type == "fortified breast milk" || type.empty()) d.milk = "breast";
            else if (type == "formula") d.milk = "formula";
            else
                throw RowError{fmt::format("\"{}\" is not a Baby Buddy feeding type (breast milk, formula, "
                                           "fortified breast milk, solid food)",
                                           printable(t.cell(record, t.column("type"))))};
            d.ml = row_amount(file, record);
        } else {
            throw RowError{fmt::format("\"{}\" is not a Baby Buddy feeding method (bottle, left breast, right "
                                       "breast, both breasts, parent fed, self fed)",
                                       printable(t.cell(record, t.column("method"))))};
        }
        file.add(std::move(d));
    });
}

// Pumping is the parent's: --child picks feeds, and every row of a pumping file is imported whatever
// child Baby Buddy filed it under. That child is not part of the pump's id (an export without the
// child's names gives the same pump); the id it had with the child is kept for journals imported then.
void read_pumping(FileImport& file) {
    const CsvTable& t = file.table();
    const auto start = t.column_of({"start", "time"});
    file.for_each_row([&](const CsvRecord& record) {
        const std::string child = child_of(file, record).first;
        const auto when = file.time(record, start);
        if (!when) {
            file.skip(Skip::no_time);
            return;
        }
        Draft d;
        d.line = record.line;
        d.type = EntryType::pump;
        d.when = *when;
        d.note = t.cell(record, t.column("notes"));
        d.child = child;
        d.source_id = t.cell(record, t.column("id"));
        d.ml = row_amount(file, record);
        d.duration = recorded(file.span(record, t.column("end"), d.when));
        // A start and an end but no amount: a session whose volume was not recorded (kept).
        if (!d.ml && !d.duration) {
            file.skip(Skip::not_recorded);
            return;
        }
        file.add(std::move(d));
    });
}

void read(FileImport& file, const std::string& kind) {
    const CsvTable& t = file.table();
    file.settle_dates({t.column("start"), t.column("end"), t.column("time")}, "YYYY-MM-DD HH:MM:SS");
    if (kind == "feeding") read_feeding(file);
    else read_pumping(file);
}

}  // namespace

const Importer babybuddy_importer = {
    ImportFormat::babybuddy, recognise, read,
    "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags (feeding) or "
    "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags (pumping)",
    true};

}  // namespace pumplog::import_detail
