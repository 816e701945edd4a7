#include "pumplog/fields.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/text.hpp"

namespace pumplog {

bool FieldSpec::present(const Entry& e) const {
    switch (kind) {
        case FieldKind::volume: return (e.*volume).has_value();
        case FieldKind::seconds: return (e.*seconds).has_value();
        case FieldKind::text: return !(e.*text).empty();
        case FieldKind::named: return !named_in(e).empty();
        case FieldKind::time: return (e.*time).has_value();
    }
    return false;
}

void FieldSpec::clear(Entry& e) const {
    switch (kind) {
        case FieldKind::volume: (e.*volume).reset(); break;
        case FieldKind::seconds: (e.*seconds).reset(); break;
        case FieldKind::text: (e.*text).clear(); break;
        case FieldKind::named: named(e).clear(); break;
        case FieldKind::time: (e.*time).reset(); break;
    }
}

void FieldSpec::copy(const Entry& from, Entry& to) const {
    switch (kind) {
        case FieldKind::volume: to.*volume = from.*volume; break;
        case FieldKind::seconds: to.*seconds = from.*seconds; break;
        case FieldKind::text: to.*text = from.*text; break;
        case FieldKind::named: named(to) = named_in(from); break;
        case FieldKind::time: to.*time = from.*time; break;
    }
}

const FieldSpec* field_named(std::string_view name) {
    for (const auto& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

const FieldSpec* field_of_bit(std::uint32_t bit) {
    for (const auto& field : fields)
        if (field.amend_bit == bit) return &field;
    return nullptr;
}

HeldFields held_fields(const Entry& e) {
    HeldFields out;
    for (const auto& field : fields)
        if (field.amendable() && field.present(e)) out.held |= field.amend_bit;
    out.bottle = e.type == EntryType::feed && e.method == FeedMethod::bottle;
    return out;
}

AmendmentShape amendment_shape(const Entry& amend) {
    AmendmentShape out;
    out.set = amend.set_fields & ~static_cast<std::uint32_t>(field_at);
    for (const auto& field : fields)
        if ((out.set & field.amend_bit) && !field.present(amend)) out.removed |= field.amend_bit;
    out.sets_bottle = amend.method == FeedMethod::bottle;
    return out;
}

std::string amendment_error(EntryType type, HeldFields target, const AmendmentShape& a) {
    for (const auto& field : fields)
        if ((a.set & field.amend_bit) && !field.carried_by_type(type))
            return fmt::format("sets \"{}\", which a {} does not carry", field.name, type_name(type));
    // The entry as amended: the fields it keeps and those set, less those removed.
    const std::uint32_t held = (target.held | a.set) & ~a.removed;
    const bool bottle = (a.set & field_method) ? a.sets_bottle && !(a.removed & field_method) : target.bottle;
    const auto left_without = [&](const Requirement& r) {
        return fmt::format("would leave the {} without \"{}\" ({})", type_name(type), r.field, r.why);
    };
    for (const auto& r : requirements) {
        const FieldSpec* field = r.type == type ? field_named(r.field) : nullptr;
        if (field && (a.removed & field->amend_bit) && !(held & field->amend_bit)) return left_without(r);
    }
    // Of two fields one is enough: only an amendment that removes one, or
    // makes a feed a bottle feed, is to blame for the lack of both.
    if (type == EntryType::pump && (a.removed & (field_ml | field_dur_s)) && !(held & (field_ml | field_dur_s)))
        return left_without(pump_requirement);
    if (type == EntryType::feed && bottle && !(held & (field_ml | field_milk)) &&
        ((a.removed & (field_ml | field_milk)) || (a.set & field_method)))
        return left_without(bottle_requirement);
    return "";
}

nlohmann::ordered_json field_json(const FieldSpec& field, const Entry& e, const date::time_zone* zone) {
    if (!field.present(e)) return nullptr;
    switch (field.kind) {
        case FieldKind::volume: return json_number(*(e.*field.volume));
        case FieldKind::seconds: return *(e.*field.seconds);
        case FieldKind::text: return valid_utf8(e.*field.text);
        case FieldKind::named: return valid_utf8(field.named_in(e).text());
        case FieldKind::time: return format_rfc3339((e.*field.time)->instant, zone);
    }
    return nullptr;
}

Line entry_line(const Entry& e, const date::time_zone* zone) {
    Line line = new_line(e.type, e.id, e.at.instant, zone);
    for (const auto& field : fields)
        if (field.present(e)) line[std::string(field.name)] = field_json(field, e, zone);
    return line;
}

}  // namespace pumplog
