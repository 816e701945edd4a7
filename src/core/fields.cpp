#include "pumplog/fields.hpp"

#include <algorithm>

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
