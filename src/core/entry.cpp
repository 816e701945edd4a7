#include "pumplog/entry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <sys/random.h>

#include <simdjson.h>

#include "json_error.hpp"
#include "line_parser.hpp"
#include "required_fields.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {
constexpr std::array<std::string_view, 10> type_names = {"pump", "feed",    "store", "move", "use",
                                                         "discard", "void", "amend", "skip", "timer"};
}

std::string_view type_name(EntryType type) {
    const auto i = static_cast<std::size_t>(type);
    return i < type_names.size() ? type_names[i] : "unknown";
}

EntryType parse_type(std::string_view name) {
    for (std::size_t i = 0; i < type_names.size(); ++i)
        if (type_names[i] == name) return static_cast<EntryType>(i);
    return EntryType::unknown;
}

void Entry::clear() {
    type = EntryType::unknown;
    type_text.clear();
    id.clear();
    at = Stamp{};
    at_text.clear();
    ml.reset();
    left_ml.reset();
    right_ml.reset();
    dur_s.reset();
    left_s.reset();
    right_s.reset();
    method.clear();
    baby.clear();
    milk.clear();
    action.clear();
    side.clear();
    timer.clear();
    place.clear();
    label.clear();
    target.clear();
    reason.clear();
    note.clear();
    from.clear();
    pumped.reset();
    thawed.reset();
    until.reset();
    best_by.reset();
    group.clear();
    set_fields = 0;
    set_at = Stamp{};
    set_at_text.clear();
    header_only = false;
    raw.clear();
    offset = 0;
}

void Entry::apply(const Entry& amend) {
    const std::uint32_t f = amend.set_fields;
    for (const auto& field : fields)
        if (f & field.amend_bit) field.copy(amend, *this);
    if (f & field_at) {
        at = amend.set_at;
        at_text = amend.set_at_text;
    }
}

// ---- the line parser ----

struct LineParser::Impl {
    simdjson::ondemand::parser parser;
    std::unique_ptr<simdjson::dom::parser> dom;  // made at the first bad line, to word its damage
    std::string widened;  // json_refusal's
    std::vector<std::string_view> keys;  // the line's top-level keys so far (simdjson's path)
    CanonicalMemo memo;
    bool raw = true;
    PassOver pass_over;
};

LineParser::LineParser() : impl_(std::make_unique<Impl>()) {}
LineParser::~LineParser() = default;

namespace {

using simdjson::ondemand::value;

// True when the value is JSON null, which it then consumes: a caller reads nothing of it after.
// A value that starts with 'n' but is no `null` (NaN written lower case, "nul") is not null: its read fails.
bool is_null(value& v) {
    simdjson::ondemand::json_type type;
    if (v.type().get(type) || type != simdjson::ondemand::json_type::null) return false;
    bool null = false;
    return !v.is_null().get(null) && null;
}

bool read_number(value v, std::optional<double>& out) {
    double d = 0;
    if (is_null(v)) {
        out.reset();
        return true;
    }
    if (v.get_double().get(d)) return false;
    out = d;
    return true;
}

bool read_integer(value v, std::optional<std::int64_t>& out) {
    if (is_null(v)) {
        out.reset();
        return true;
    }
    double d = 0;
    if (v.get_double().get(d)) return false;
    return round_count(d, out);
}

bool read_string(value v, std::string& out) {
    if (is_null(v)) {
        out.clear();
        return true;
    }
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out.assign(s.data(), s.size());
    return true;
}

bool read_time(value v, std::optional<Stamp>& out, std::string* text) {
    if (is_null(v)) {
        out.reset();
        return true;
    }
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out = parse_rfc3339(s);
    if (text) text->assign(s.data(), s.size());
    return out.has_value();
}

// A field of the table (fields.hpp); false on a type error.
// What a value a field cannot take is not, as log check words it.
const char* not_of_kind(FieldKind kind) {
    switch (kind) {
        case FieldKind::volume: return "is not a number (millilitres)";
        case FieldKind::seconds: return "is not a whole number of seconds";
        case FieldKind::text:
        case FieldKind::named: return "is not a string";
        case FieldKind::time: return "is not an RFC 3339 time (2026-11-21T14:05:00+01:00)";
    }
    return "has the wrong type";
}

bool read_field(const FieldSpec& field, value v, Entry& e) {
    switch (field.kind) {
        case FieldKind::volume: return read_number(v, e.*field.volume);
        case FieldKind::seconds: return read_integer(v, e.*field.seconds);
        case FieldKind::text: return read_string(v, e.*field.text);
        case FieldKind::named: {
            if (is_null(v)) {
                field.named(e).clear();
                return true;
            }
            std::string_view s;
            if (v.get_string().get(s)) return false;
            field.named(e).assign(s, field.names);
            return true;
        }
        case FieldKind::time: return read_time(v, e.*field.time, nullptr);
    }
    return false;
}

}  // namespace

bool LineParser::parse(const char* data, std::size_t size, std::size_t capacity, Entry& e, std::string& error) {
    // The fast path reads no nesting beyond `set`: only the length bounds it.
    const bool read = (size <= max_line_bytes &&
                       parse_canonical_line(data, size, e, impl_->memo, impl_->raw, nullptr, impl_->pass_over)) ||
                      parse_with_simdjson(data, size, capacity, e, error);
    // Then a line read whole must carry what its type requires (a line passed over is not read that far).
    return read && (e.header_only || !may_lack_required(e) || carries_required(data, size, error));
}

bool LineParser::carries_required(const char* data, std::size_t size, std::string& error) {
    // Rare (a damaged line, or one the cheap test is unsure of): the DOM words what is missing as log check does.
    if (!impl_->dom) impl_->dom = std::make_unique<simdjson::dom::parser>();
    simdjson::dom::element root;
    std::string_view type;
    if (impl_->dom->parse(data, size, true).get(root) || root["type"].get_string().get(type)) return true;
    std::vector<std::string> missing;
    missing_fields(root, parse_type(type), missing);
    if (missing.empty()) return true;
    error = std::move(missing.front());
    return false;
}

void LineParser::keep_raw(bool keep) { impl_->raw = keep; }

void LineParser::pass_over(PassOver pass) {
    constexpr auto corrections = static_cast<TypeMask>(type_bit(EntryType::void_) | type_bit(EntryType::amend));
    pass.types = static_cast<TypeMask>(pass.types & ~corrections);
    pass.old_types = static_cast<TypeMask>(pass.old_types & ~corrections);
    impl_->pass_over = pass;
}

bool LineParser::parse_with_simdjson(const char* data, std::size_t size, std::size_t capacity, Entry& e,
                                     std::string& error) {
    bool unread = false;  // a value on-demand skipped, unchecked (an unknown key's)
    if (parse_fields(data, size, capacity, e, error, unread)) {
        // Such a line is checked whole, as log check checks it: a skipped value that is no JSON (nan, 1e400,
        // [1,}) makes it bad for every reader. Rare: pumplog writes no key it does not know.
        if (!unread || is_json(data, size, error)) return true;
        e.clear();
        return false;
    }
    // On demand, a string is unescaped only when read (a lone surrogate in a
    // note reads as a note of the wrong type), and a number or a key is
    // judged alone. Damage to the JSON itself is worded as log check's
    // whole-line parse words it (json_refusal), so that every reader names a
    // bad line alike (pumplog(5)): 1e400 in "ml" is a number out of range,
    // not a value that is no number. Bad lines are rare: the copy and the
    // second parse cost nothing on a sound journal.
    if (line_out_of_bounds(data, size)) return false;
    is_json(data, size, error);
    return false;
}

bool LineParser::is_json(const char* data, std::size_t size, std::string& error) {
    if (!impl_->dom) impl_->dom = std::make_unique<simdjson::dom::parser>();  // one serves every such line
    simdjson::dom::element root;
    std::string why = json_refusal({data, size}, *impl_->dom, impl_->widened, root, true);
    if (why.empty()) return true;
    error = std::move(why);
    return false;
}

bool LineParser::parse_fields(const char* data, std::size_t size, std::size_t capacity, Entry& e, std::string& error,
                              bool& unread) {
    e.clear();
    if (const char* why = line_out_of_bounds(data, size)) {
        error = why;
        return false;
    }
    if (impl_->raw) e.raw.assign(data, size);
    simdjson::ondemand::document doc;
    if (const auto code = impl_->parser.iterate(data, size, capacity).get(doc)) {
        error = code == simdjson::UTF8_ERROR ? "not valid UTF-8" : "not valid JSON";  // as log check says it
        return false;
    }
    simdjson::ondemand::object object;
    if (const auto code = doc.get_object().get(object)) {
        // Garbage ("garbage", "{\"v\":1,") fails here too: only a value of another type is "not an object".
        simdjson::ondemand::json_type type;
        error = code == simdjson::INCORRECT_TYPE && !doc.type().get(type) ? "not a JSON object" : "not valid JSON";
        return false;
    }
    bool has_v = false, has_id = false, has_type = false, has_at = false;
    // A key written twice is a bad line, as log check calls it: which of the
    // two values was meant is not the reader's to guess. A line has a dozen
    // keys: a list beats a hash table.
    std::vector<std::string_view>& seen = impl_->keys;
    seen.clear();
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) {
            error = "not valid JSON";
            return false;
        }
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            error = "\"" + printable(key) + "\" appears twice";
            return false;
        }
        seen.push_back(key);
        value v;
        if (field.value().get(v)) {
            error = "not valid JSON";
            return false;
        }
        bool ok = true;
        if (key == "v") {
            std::int64_t version = 0;
            ok = !v.get_int64().get(version) && version >= 1;
            has_v = ok;
            if (!ok) { error = "\"v\" is not a format version (a whole number, 1)"; return false; }
        } else if (key == "id") {
            ok = read_string(v, e.id) && !e.id.empty();
            has_id = ok;
            if (!ok) { error = "\"id\" is not a non-empty string"; return false; }
        } else if (key == "type") {
            ok = read_string(v, e.type_text) && !e.type_text.empty();
            has_type = ok;
            if (!ok) { error = "\"type\" is not a non-empty string"; return false; }
            e.type = parse_type(e.type_text);
        } else if (key == "at") {
            std::optional<Stamp> stamp;
            ok = read_time(v, stamp, &e.at_text) && stamp;
            if (!ok) { error = "\"at\" is not an RFC 3339 time (2026-11-21T14:05:00+01:00)"; return false; }
            e.at = *stamp;
            has_at = true;
        } else if (key == "set") {
            simdjson::ondemand::object set;
            if (v.get_object().get(set)) { error = "\"set\" is not an object"; return false; }
            const std::size_t top_keys = seen.size();  // set's own keys follow, told apart as the line's are
            for (auto sf : set) {
                std::string_view skey;
                value sv;
                if (sf.unescaped_key().get(skey) || sf.value().get(sv)) { error = "not valid JSON"; return false; }
                if (std::find(seen.begin() + static_cast<std::ptrdiff_t>(top_keys), seen.end(), skey) != seen.end()) {
                    error = "\"set." + printable(skey) + "\" appears twice";
                    return false;
                }
                seen.push_back(skey);
                if (skey == "at") {
                    std::optional<Stamp> stamp;
                    if (!read_time(sv, stamp, &e.set_at_text) || !stamp) {
                        error = "\"set.at\" is not an RFC 3339 time";
                        return false;
                    }
                    e.set_at = *stamp;
                    e.set_fields |= field_at;
                    continue;
                }
                // Only the fields an amendment may correct; any other is kept and ignored.
                const FieldSpec* field = field_named(skey);
                if (!field || !field->amendable()) {
                    unread = true;
                    continue;
                }
                e.set_fields |= field->amend_bit;
                if (!read_field(*field, sv, e)) {
                    error = "\"set." + std::string(skey) + "\" " + not_of_kind(field->kind);
                    return false;
                }
            }
            seen.resize(top_keys);
        } else if (const FieldSpec* field = field_named(key)) {
            if (!read_field(*field, v, e)) {
                error = "\"" + printable(key) + "\" " + not_of_kind(field->kind);
                return false;
            }
        } else {
            unread = true;
        }
    }
    // On-demand stops at the object's end: anything after it (two lines run
    // together by a crash) makes the line bad rather than silently half-read.
    const char* after = nullptr;
    if (!doc.current_location().get(after)) {
        error = "not valid JSON (more follows the object)";
        return false;
    }
    if (!has_v || !has_id || !has_type || !has_at) {
        error = !has_v ? "no \"v\"" : !has_id ? "no \"id\"" : !has_type ? "no \"type\"" : "no \"at\"";
        return false;
    }
    return true;
}

bool parse_entry_line(std::string_view line, Entry& out, std::string& error) {
    std::string padded(line);
    padded.resize(line.size() + line_padding, ' ');
    LineParser parser;
    return parser.parse(padded.data(), line.size(), padded.size(), out, error);
}

// ---- ids ----

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string make_ulid(std::chrono::system_clock::time_point when) {
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count());
    std::array<unsigned char, 10> random{};
    if (getrandom(random.data(), random.size(), 0) != static_cast<ssize_t>(random.size())) {
        std::random_device device;
        for (auto& b : random) b = static_cast<unsigned char>(device());
    }
    std::string out(26, '0');
    std::uint64_t t = ms;
    for (int i = 9; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = crockford[t & 31];
        t >>= 5;
    }
    // 80 random bits as 16 characters of 5 bits, most significant first.
    for (std::size_t i = 0; i < 16; ++i) {
        unsigned value = 0;
        for (std::size_t bit = 0; bit < 5; ++bit) {
            const std::size_t n = i * 5 + bit;  // bit index from the most significant
            value = (value << 1) | ((random[n / 8] >> (7 - n % 8)) & 1u);
        }
        out[10 + i] = crockford[value];
    }
    return out;
}

namespace {
// Crockford base32 digit values (either case), 0xff for other bytes: a table,
// since every line's key decodes its id.
constexpr std::array<std::uint8_t, 256> crockford_values() {
    std::array<std::uint8_t, 256> table{};
    for (auto& v : table) v = 0xff;
    for (std::size_t i = 0; i < crockford.size(); ++i) {
        const auto c = static_cast<unsigned char>(crockford[i]);
        table[c] = static_cast<std::uint8_t>(i);
        if (c >= 'A' && c <= 'Z') table[c - 'A' + 'a'] = static_cast<std::uint8_t>(i);
    }
    return table;
}
constexpr std::array<std::uint8_t, 256> crockford_value = crockford_values();
}  // namespace

std::optional<std::chrono::system_clock::time_point> ulid_time(std::string_view id) {
    if (id.size() != 26) return std::nullopt;
    std::uint64_t t = 0;
    std::uint8_t all = 0;
    for (std::size_t i = 0; i < 26; ++i) {
        const std::uint8_t v = crockford_value[static_cast<unsigned char>(id[i])];
        all |= v;
        if (i < 10) t = (t << 5) | (v & 31u);
    }
    if (all == 0xff) return std::nullopt;  // a byte that is no Crockford digit
    if (t >= (std::uint64_t{1} << 48)) return std::nullopt;  // 48 bits of time at most
    // ULIDs reach the year 10889, the system clock (nanoseconds) only 2262:
    // a time beyond it is not one pumplog wrote (and would overflow).
    using namespace std::chrono;
    if (t > static_cast<std::uint64_t>(duration_cast<milliseconds>(system_clock::duration::max()).count()))
        return std::nullopt;
    return system_clock::time_point(duration_cast<system_clock::duration>(milliseconds(t)));
}

Line new_line(EntryType type, std::string_view id, Seconds at, const date::time_zone* zone) {
    Line line;
    line["v"] = 1;
    line["id"] = std::string(id);
    line["type"] = std::string(type_name(type));
    line["at"] = format_rfc3339(at, zone);
    return line;
}

nlohmann::ordered_json json_number(double value) {
    const double whole = std::round(value);
    if (std::fabs(value - whole) < 1e-9 && std::fabs(whole) < 9e15) return static_cast<std::int64_t>(whole);
    return value;
}

std::string serialize(const Line& line) {
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace pumplog
