#include "pumplog/render/entries.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>

#include "pumplog/babies.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/render/json.hpp"
#include "pumplog/text.hpp"
#include "pumplog/time.hpp"

namespace pumplog::render {

namespace {

std::string volume_key(std::string_view ml_key, Unit unit) {
    if (unit == Unit::ml) return std::string(ml_key);
    return std::string(ml_key.substr(0, ml_key.size() - 2)) + "oz";
}

// An entry's volume as log's JSON and CSV give it (SPEC 7: its journal
// field): in ml to the journal's 0.01 ml (3oz is 88.72, not 88.7); in oz to
// 0.01 oz, as every output.
double entry_volume(double ml, Unit unit) {
    return unit == Unit::ml ? round_ml(ml) : output_value(Volume::from_ml(ml), unit);
}

// Sets a volume field in the display unit under its ml key (renamed at the end).
void put_volume(nlohmann::ordered_json& j, std::string_view key, const std::optional<double>& ml, Unit unit) {
    if (!ml) j.erase(std::string(key));
    else if (!plausible_volume(*ml)) j[std::string(key)] = nullptr;  // damage: counted as none (pumplog(5))
    else j[std::string(key)] = json_number(entry_volume(*ml, unit));
}

// With --unit oz the volume keys are renamed where they stand (ml -> oz,
// left_ml -> left_oz): the fields keep the order of the journal line.
nlohmann::ordered_json rename_volume_keys(const nlohmann::ordered_json& j, Unit unit) {
    if (unit == Unit::ml) return j;
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [key, value] : j.items()) {
        const FieldSpec* field = field_named(key);
        const bool volume = field && field->kind == FieldKind::volume;
        out[volume ? volume_key(key, unit) : key] = value;
    }
    return out;
}

void put_string(nlohmann::ordered_json& j, std::string_view key, const std::string& value) {
    if (value.empty()) j.erase(std::string(key));
    else j[std::string(key)] = value;
}

void put_integer(nlohmann::ordered_json& j, std::string_view key, const std::optional<std::int64_t>& value) {
    if (!value) j.erase(std::string(key));
    else if (!plausible_seconds(*value)) j[std::string(key)] = nullptr;  // damage: counted as none (pumplog(5))
    else j[std::string(key)] = *value;
}

// Whether a time is written as SPEC 7 gives times: YYYY-MM-DDTHH:MM:SS±HH:MM.
bool canonical_time(std::string_view t) {
    constexpr std::string_view shape = "0000-00-00T00:00:00+00:00";
    if (t.size() != shape.size()) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i], want = shape[i];
        if (want == '0' ? c < '0' || c > '9' : want == '+' ? c != '+' && c != '-' : c != want) return false;
    }
    return true;
}

// A journal time as log's JSON and CSV give it (SPEC 7: RFC 3339 with offset): a line written by hand or by
// another tool may say 08:02-05:00 (no seconds), 08:05:00z or 08:05:00.250Z; given as
// YYYY-MM-DDTHH:MM:SS±HH:MM with the offset it was written with (Z is +00:00, as every time pumplog writes),
// so its date (its first 10 characters) stays. One already so is passed through, unparsed.
std::string output_time(std::string_view written, const Stamp& stamp) {
    if (canonical_time(written)) return std::string(written);
    return format_rfc3339(stamp.instant, stamp.offset);
}

std::string output_time(std::string_view written) {
    if (canonical_time(written)) return std::string(written);
    const auto stamp = parse_rfc3339(written);
    return stamp ? format_rfc3339(stamp->instant, stamp->offset) : std::string(written);
}

}  // namespace

nlohmann::ordered_json entry_json(const ListedEntry& listed, Unit unit) {
    const Entry& e = *listed.entry;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(e.raw, nullptr, false);
    if (!j.is_object()) j = nlohmann::ordered_json::object();
    // The fields an amendment may correct, from the entry as replayed
    // (amendments applied): in place when the line holds them, else added in
    // the table's order. A time (pumped) is kept as written.
    j["at"] = output_time(e.at_text, e.at);
    for (const auto& field : fields) {
        if (!field.amendable()) continue;  // as written
        switch (field.kind) {
            case FieldKind::volume: put_volume(j, field.name, e.*field.volume, unit); break;
            case FieldKind::seconds: put_integer(j, field.name, e.*field.seconds); break;
            case FieldKind::text:
                if (e.type != EntryType::amend) put_string(j, field.name, e.*field.text);
                break;
            case FieldKind::named:
                if (e.type != EntryType::amend) put_string(j, field.name, std::string(field.named_in(e).text()));
                break;
            case FieldKind::time: break;
        }
    }
    // Times the line holds (pumped, thawed, ...) as written, in SPEC 7's form.
    for (const auto& field : fields)
        if (field.kind == FieldKind::time)
            if (const auto it = j.find(std::string(field.name)); it != j.end() && it->is_string())
                *it = output_time(it->get_ref<const std::string&>());
    j = rename_volume_keys(j, unit);
    j["ref"] = listed.ref;
    if (listed.voided) j["voided"] = true;
    return j;
}

std::string entries_json(const std::vector<ListedEntry>& entries, Unit unit) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& e : entries) array.push_back(entry_json(e, unit));
    return json_output(array);
}

namespace {
// SPEC 7's columns after ref, id, type and at (fields of the table), then the ones added since, always
// there and after them, so that a column keeps its place whatever the entries listed (a script reading by
// position, a spreadsheet's header): a nursing feed's time per side, where they were before, then the baby
// a feed names (SPEC 12: with one baby nothing moves; code review). `voided` (--all) stays the trailing one.
constexpr std::string_view csv_fields[] = {"ml",    "left_ml", "right_ml", "dur_s",  "method",  "milk", "place",
                                           "label", "note",    "left_s",   "right_s", "baby"};
}  // namespace

std::string entries_csv(const std::vector<ListedEntry>& entries, Unit unit, bool with_voided) {
    std::vector<const FieldSpec*> columns;
    std::vector<std::string> header{"ref", "id", "type", "at"};
    for (const auto name : csv_fields) {
        columns.push_back(field_named(name));
        header.push_back(columns.back()->kind == FieldKind::volume ? volume_key(name, unit) : std::string(name));
    }
    if (with_voided) header.push_back("voided");
    std::string out = csv_row(header);
    std::vector<std::string> row;
    for (const auto& listed : entries) {
        const Entry& e = *listed.entry;
        row.assign({listed.ref, e.id, e.type_text, output_time(e.at_text, e.at)});
        for (const FieldSpec* field : columns) {
            switch (field->kind) {
                case FieldKind::volume: {
                    const auto& ml = e.*field->volume;
                    row.push_back(counted_ml(ml) ? number(entry_volume(*ml, unit)) : std::string());
                    break;
                }
                case FieldKind::seconds: {
                    const auto& s = e.*field->seconds;
                    row.push_back(counted_seconds(s) ? std::to_string(*s) : std::string());
                    break;
                }
                case FieldKind::text:
                    // A stash event (use, move, discard) names its container by label,
                    // as the table does (SPEC 11): the label column is its container's.
                    if (field->name == "label" && (e.*field->text).empty()) row.push_back(listed.label);
                    else row.push_back(e.*field->text);
                    break;
                case FieldKind::named: row.emplace_back(field->named_in(e).text()); break;
                case FieldKind::time:  // as in the journal, in UTC (no column holds one yet)
                    row.push_back(field->present(e) ? field_json(*field, e, nullptr).get<std::string>() : "");
                    break;
            }
        }
        if (with_voided) row.push_back(listed.voided ? "true" : "false");
        out += csv_row(row);
    }
    return out;
}

std::string for_baby(const Entry& e) {
    return e.type == EntryType::feed && !baby_of(e).empty() ? " for " + terminal_text(baby_of(e)) : std::string();
}

std::string describe(const Entry& e, Unit unit, std::string_view label) {
    // Journal text is shown escaped (SPEC 8): label, place, target, reason, type.
    // A volume no computation counts (negative, or a hostile 1e308) is named,
    // not printed as 309 digits.
    const auto vol = [&](const std::optional<double>& ml) {
        if (!plausible_volume(ml.value_or(0))) return std::string("an implausible amount (see log check)");
        return format_volume(Volume::from_ml(ml.value_or(0)), unit);
    };
    const auto side = [&](const std::optional<double>& ml) {
        if (!plausible_volume(ml.value_or(0))) return std::string("?");
        return format_volume_number(Volume::from_ml(ml.value_or(0)), unit);
    };
    const auto mins = [](std::int64_t s) {
        if (!plausible_seconds(s)) return std::string("an implausible duration (see log check)");
        return format_duration(std::chrono::seconds(s));
    };
    const std::string container =
        terminal_text(!label.empty() ? label : e.target.size() > 6 ? std::string_view(e.target).substr(e.target.size() - 6)
                                                                   : std::string_view(e.target));
    switch (e.type) {
        case EntryType::pump: {
            std::string out = e.ml ? "pumped " + vol(e.ml) : std::string("pumped (no volume)");
            // The sides recorded, as add's reply names them: a side not recorded is not 0.
            if (e.left_ml && e.right_ml) out += fmt::format(" (L {} / R {})", side(e.left_ml), side(e.right_ml));
            else if (e.left_ml || e.right_ml) out += e.left_ml ? " (L " + side(e.left_ml) + ")" : " (R " + side(e.right_ml) + ")";
            if (e.dur_s) out += ", " + mins(*e.dur_s);
            return out;
        }
        case EntryType::feed:
            if (e.method == FeedMethod::breast) {
                std::string out = "nursed";
                if (e.left_s && e.right_s) {
                    out += " L " + mins(*e.left_s) + " / R " + mins(*e.right_s);
                } else if (e.left_s || e.right_s) {
                    out += e.left_s ? " L " + mins(*e.left_s) : " R " + mins(*e.right_s);
                } else if (e.dur_s) {
                    out += " " + mins(*e.dur_s);
                }
                return out;
            }
            return fmt::format("bottle {}{}", e.ml ? vol(e.ml) : "(no volume)",
                               e.milk == Milk::formula  ? " of formula"
                               : e.milk == Milk::breast ? " of breast milk"
                                                        : "");
        case EntryType::store:
            return fmt::format("stored {} {} in the {}", terminal_text(e.label), vol(e.ml), terminal_text(e.place.text()));
        case EntryType::move:
            return fmt::format("moved {} to the {}", container, terminal_text(e.place.text()));
        case EntryType::use:
            return fmt::format("used {} of {}", vol(e.ml), container);
        case EntryType::discard:
            return "discarded " + container + (e.reason.empty() ? std::string() : ": " + terminal_text(e.reason));
        case EntryType::void_:
            return "void";
        case EntryType::amend:
            return "correction";
        case EntryType::skip:
            return "skipped the planned pump";
        case EntryType::timer:
            return fmt::format("pump timer {}{}", terminal_text(e.action.text()),
                               e.side.empty() ? std::string() : " (" + terminal_text(e.side.text()) + ")");
        case EntryType::unknown:
            return terminal_text(e.type_text);
    }
    return terminal_text(e.type_text);
}

std::string entries_table(const std::vector<ListedEntry>& entries, Unit unit, const Style& style,
                          const date::time_zone* zone) {
    // A `baby` column when some feed names its baby, as in the CSV: twins' feeds are told apart (SPEC 12).
    const bool babies =
        std::any_of(entries.begin(), entries.end(), [](const ListedEntry& l) { return !baby_of(*l.entry).empty(); });
    std::vector<std::vector<std::string>> rows;
    for (const auto& listed : entries) {
        const Entry& e = *listed.entry;
        std::string what = describe(e, unit, listed.label);
        if (listed.voided) what = style.dim("(voided) " + what);
        // In the hour the clocks go back, with the offset: the two 01:30s told apart.
        rows.push_back({terminal_text(listed.ref), format_date_time_told_apart(e.at.instant, zone), what});
        if (babies) rows.back().push_back(terminal_text(baby_of(e)));
        rows.back().push_back(terminal_text(e.note));
    }
    if (babies) return table({{"ref"}, {"when"}, {"what"}, {"baby"}, {"note"}}, rows);
    return table({{"ref"}, {"when"}, {"what"}, {"note"}}, rows);
}

}  // namespace pumplog::render
