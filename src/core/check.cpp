#include "pumplog/check.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <simdjson.h>

#include "json_error.hpp"
#include "line_parser.hpp"
#include "required_fields.hpp"
#include "stock_rules.hpp"
#include "pumplog/error.hpp"
#include "pumplog/fields.hpp"
#include "pumplog/id_hash.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

bool LineVerdict::ok() const {
    return std::none_of(findings.begin(), findings.end(),
                        [](const Finding& f) { return f.severity == Severity::error; });
}

std::size_t CheckReport::errors() const {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [](const Problem& p) { return p.severity == Severity::error; }));
}

std::size_t CheckReport::notes() const { return problems.size() - errors(); }

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string quote_key(std::string_view key) { return "\"" + printable(key) + "\""; }

// "a pump line", "an amend line": the article goes by the sound of the type's name ("a use line").
std::string a_line_of(EntryType type) {
    const std::string_view name = type_name(type);
    const bool vowel = name == "amend" || name == "unknown";
    return fmt::format("{} {} line", vowel ? "an" : "a", name);
}

// A number out of range (a volume outside 0 to 10000 ml, a duration that is
// not whole seconds from 0 to a day) is damage every reader counts as none:
// a note, so that a repair does not move the line and change what they show
// (pumplog(5)). Any other wrong value makes the line bad.
Severity value_severity(FieldKind kind, element value) {
    double number = 0;
    const bool numeric = (kind == FieldKind::volume || kind == FieldKind::seconds) && !value.get_double().get(number);
    return numeric ? Severity::note : Severity::error;
}

// The DOM parse of a line whose numbers it refused: `why` says which key holds
// a value that is no JSON number (0x10, 1.2.3); integers too long for 64 bits
// get a ".0" (the same number) in `widened` and the line is parsed again.
simdjson::simdjson_result<element> reread_numbers(std::string_view text, simdjson::dom::parser& parser,
                                                  std::string& widened, std::string& why) {
    widened.clear();
    std::string_view key;  // the last string met: the key of the value that follows
    bool in_string = false;
    std::size_t string_start = 0;
    char before = 0;  // the last character outside strings and blanks
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            widened += c;
            if (c == '\\' && i + 1 < text.size()) widened += text[++i];
            else if (c == '"') {
                in_string = false;
                key = text.substr(string_start, i - string_start);
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            string_start = i + 1;
        } else if ((c == '-' || (c >= '0' && c <= '9')) && (before == ':' || before == ',' || before == '[')) {
            std::size_t end = i;
            bool plain_digits = true;
            while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                                         text[end] == '+' || text[end] == '-')) {
                if (!(text[end] >= '0' && text[end] <= '9') && !(end == i && text[end] == '-')) plain_digits = false;
                ++end;
            }
            const std::string_view token = text.substr(i, end - i);
            if (token.find_first_not_of("0123456789.eE+-") != std::string_view::npos) {
                why = fmt::format("{} is not a number ({} is not JSON)", quote_key(key), printable(token));
                return simdjson::NUMBER_ERROR;
            }
            widened.append(token);
            if (plain_digits && token.size() > 18) widened += ".0";
            before = '0';
            i = end - 1;
            continue;
        }
        if (c != ' ' && c != '\t') before = c;
        widened += c;
        continue;
    }
    return parser.parse(widened);
}

bool is_time(element value) {
    std::string_view text;
    return !value.get_string().get(text) && parse_rfc3339(text).has_value();
}

}  // namespace

std::string json_refusal(std::string_view text, simdjson::dom::parser& parser, std::string& widened, element& root,
                         bool copy) {
    auto code = parser.parse(text.data(), text.size(), copy).get(root);
    if (!code) return "";
    // A number the DOM refuses: a value that is no JSON number is named; an
    // integer of more digits than 64 bits hold is valid JSON, read again as
    // the same number written as a decimal (its value is judged by the caller).
    std::string why;
    if (code == simdjson::NUMBER_ERROR || code == simdjson::NUMBER_OUT_OF_RANGE)
        code = reread_numbers(text, parser, widened, why).get(root);
    if (!why.empty()) return why;
    return code ? json_error(code) : "";
}

namespace {

// The error in a value of a known field, or "" when it is fine. Null stands for
// "absent", as the reader takes it.
std::string value_error(std::string_view name, FieldKind kind, element value) {
    if (value.is_null()) return "";
    switch (kind) {
        case FieldKind::volume: {
            double ml = 0;
            if (value.get_double().get(ml)) return quote_key(name) + " is not a number (millilitres)";
            if (plausible_volume(ml)) return "";
            return fmt::format("{} of {} ml is not a plausible volume (0 to {} ml)", quote_key(name), ml,
                               most_plausible_ml);
        }
        case FieldKind::seconds: {
            double d = 0;
            // Whole seconds, in the range the reader converts without overflow.
            if (value.get_double().get(d) || !(d > -9.2e18 && d < 9.2e18) || d != std::floor(d))
                return quote_key(name) + " is not a whole number of seconds";
            if (plausible_seconds(static_cast<std::int64_t>(d))) return "";
            return fmt::format("{} of {} s is not a plausible duration (0 to {} s, a day)", quote_key(name),
                               static_cast<std::int64_t>(d), most_plausible_seconds);
        }
        case FieldKind::text:
        case FieldKind::named:
            if (value.is_string()) return "";
            return quote_key(name) + " is not a string";
        case FieldKind::time:
            if (is_time(value)) return "";
            return quote_key(name) + " is not an RFC 3339 time (2026-11-21T14:05:00+01:00)";
    }
    return "";
}

bool present(element object, std::string_view name) {
    element value;
    return !object.at_key(name).get(value) && !value.is_null();
}

std::string_view string_field(element object, std::string_view name) {
    std::string_view text;
    element value;
    if (object.at_key(name).get(value) || value.get_string().get(text)) return {};
    return text;
}

// The types of lines whose `target` names another line: corrections and stock operations.
TypeMask referring_types() {
    static const TypeMask types = field_named("target")->carried_by;
    return types;
}

// A named field's value that is none of its names: a note (SPEC 3: kept, and
// ignored by computations); the fields a type must carry are missing_fields'.
void check_type_fields(element object, EntryType type, LineVerdict& verdict) {
    std::vector<std::string> missing;
    missing_fields(object, type, missing);
    for (auto& why : missing) verdict.findings.push_back({Severity::error, std::move(why)});
    for (const auto& field : fields) {
        if (field.kind != FieldKind::named || !field.carried_by_type(type)) continue;
        element value;
        std::string_view text;
        if (object.at_key(field.name).get(value) || value.get_string().get(text)) continue;
        if (std::find(field.names.begin(), field.names.end(), text) != field.names.end()) continue;
        std::string list;
        for (auto v : field.names) list += (list.empty() ? "" : ", ") + std::string(v);
        // A store in an unknown place is counted as room milk, as the stash counts it (stock_replay.cpp): the
        // shortest limits, and the parent's milk is never hidden.
        const bool room = type == EntryType::store && field.name == "place";
        verdict.findings.push_back({Severity::note, fmt::format("unknown {} {} (this pumplog knows {}); {}", field.name,
                                                                quote_key(text), list,
                                                                room ? "counted as room milk, whose limits are the "
                                                                       "shortest"
                                                                     : "ignored by computations")});
    }
}

void check_set(element set, LineVerdict& verdict) {
    simdjson::dom::object fields;
    if (set.get_object().get(fields)) {
        verdict.findings.push_back({Severity::error, "\"set\" is not an object"});
        return;
    }
    // Which of two values was meant is not a reader's to guess, in `set` as on the line.
    std::vector<std::string_view> seen;
    for (const auto field : fields) {
        if (std::find(seen.begin(), seen.end(), field.key) != seen.end()) {
            verdict.findings.push_back(
                {Severity::error, fmt::format("\"set.{}\" appears twice", printable(field.key))});
            continue;
        }
        seen.push_back(field.key);
        if (field.key == "at") {
            // The reader takes a corrected time only as a time, never as null.
            if (!is_time(field.value))
                verdict.findings.push_back({Severity::error, "\"set.at\" is not an RFC 3339 time"});
            continue;
        }
        if (const FieldSpec* rule = field_named(field.key); rule && rule->amendable()) {
            const std::string error = value_error(std::string("set.") + std::string(field.key), rule->kind, field.value);
            if (!error.empty()) verdict.findings.push_back({value_severity(rule->kind, field.value), error});
            // As the reader takes it: null, or an empty text, removes the field.
            std::string_view text;
            const bool is_text = !field.value.get_string().get(text);
            verdict.amendment.set |= rule->amend_bit;
            if (field.value.is_null() || (is_text && text.empty())) verdict.amendment.removed |= rule->amend_bit;
            if (rule->amend_bit == field_method) verdict.amendment.sets_bottle = is_text && text == "bottle";
        }
    }
}

}  // namespace

// The fields each known type must carry (SPEC 3), beyond v, id, type and at:
// fields.hpp's requirements, an amendment's set, then the target a line refers by.
void missing_fields(element object, EntryType type, std::vector<std::string>& out) {
    const auto require = [&](const Requirement& r) {
        if (r.field == "target") return;  // last, below
        if (!present(object, r.field)) out.push_back(fmt::format("no \"{}\" ({})", r.field, r.why));
    };
    for (const auto& r : requirements)
        if (r.type == type) require(r);
    if (type == EntryType::feed && value_named<FeedMethod>(string_field(object, "method")) == FeedMethod::bottle &&
        !present(object, "milk"))
        require(bottle_requirement);
    if (type == EntryType::pump && !present(object, "dur_s")) require(pump_requirement);
    if (type == EntryType::amend) {
        element set;
        if (object.at_key("set").get(set) || set.is_null()) out.emplace_back("no \"set\" (the corrected fields)");
    }
    for (const auto& r : requirements) {
        if (r.type != type || r.field != "target") continue;
        element value;
        std::string_view target;
        if (object.at_key("target").get(value) || value.is_null())
            out.push_back(fmt::format("no \"target\" ({})", r.why));
        else if (!value.get_string().get(target) && target.empty())
            out.emplace_back("\"target\" is empty");
    }
}

namespace {

// What amendment_error looks at in the entry an amendment corrects, packed in
// one byte (the room a GoodLine has): whether it is a bottle feed, and which of
// ml, dur_s and milk it holds (of two fields one is enough: a pump's ml or
// dur_s, a bottle feed's ml or milk; a field required alone is judged by the
// amendment alone). Written out rather than walked from the table: every line pays for it.
constexpr std::array<std::uint32_t, 3> rule_bits = {field_ml, field_dur_s, field_milk};

std::uint8_t rule_fields_of(const Entry& e) {
    return static_cast<std::uint8_t>(
        static_cast<unsigned>(e.type == EntryType::feed && e.method == FeedMethod::bottle) |
        static_cast<unsigned>(e.ml.has_value()) << 1 | static_cast<unsigned>(e.dur_s.has_value()) << 2 |
        static_cast<unsigned>(!e.milk.empty()) << 3);
}

// The same, of a line read by the DOM.
std::uint8_t rule_fields_of(element object, EntryType type) {
    unsigned out = type == EntryType::feed && string_field(object, "method") == "bottle";
    for (std::size_t i = 0; i < rule_bits.size(); ++i)
        if (present(object, field_of_bit(rule_bits[i])->name)) out |= 2u << i;
    return static_cast<std::uint8_t>(out);
}

HeldFields unpacked(std::uint8_t held) {
    HeldFields out;
    out.bottle = (held & 1) != 0;
    for (std::size_t i = 0; i < rule_bits.size(); ++i)
        if (held & (2u << i)) out.held |= rule_bits[i];
    return out;
}

// fields.hpp's rules for one type, looked up once: clean_by_shape runs on every line.
struct ShapeRules {
    std::vector<const FieldSpec*> required;
    std::vector<std::pair<const FieldSpec*, std::uint32_t>> named;  // and its key's bit
};

// Every volume and every count of seconds of an Entry, listed once.
struct Amounts {
    std::vector<std::optional<double> Entry::*> volumes;
    std::vector<std::optional<std::int64_t> Entry::*> seconds;
};

const Amounts& amounts() {
    static const Amounts all = [] {
        Amounts out;
        for (const auto& field : fields) {
            if (field.kind == FieldKind::volume) out.volumes.push_back(field.volume);
            if (field.kind == FieldKind::seconds) out.seconds.push_back(field.seconds);
        }
        return out;
    }();
    return all;
}

const ShapeRules& shape_rules(EntryType type) {
    static const auto all = [] {
        std::array<ShapeRules, static_cast<std::size_t>(EntryType::unknown) + 1> out;
        for (std::size_t t = 0; t < out.size(); ++t) {
            const auto type = static_cast<EntryType>(t);
            for (const auto& r : requirements)
                if (r.type == type) out[t].required.push_back(field_named(r.field));
            for (const auto& field : fields)
                if (field.kind == FieldKind::named && field.carried_by_type(type))
                    out[t].named.emplace_back(&field, canonical_key_bit(field.name));
        }
        return out;
    }();
    return all[static_cast<std::size_t>(type)];
}

// Whether a line the reader's fast path accepted (so: a JSON object of known
// keys, each once and of its type, with v, id, type and at) passes every rule
// of LineValidator::check without a finding. False means "not sure": the DOM
// path then decides and words the findings. The same tables as check_type_fields.
bool clean_by_shape(const Entry& e, const CanonicalShape& shape) {
    // Looked up on first use, not at every start of the program.
    static const std::uint32_t set_bit = canonical_key_bit("set");
    if (!shape.version_one || !shape.whole_counts) return false;
    if (e.type == EntryType::unknown) return false;  // a note
    const Amounts& all = amounts();
    for (const auto volume : all.volumes)
        if (e.*volume && !plausible_volume(*(e.*volume))) return false;
    for (const auto seconds : all.seconds)
        if (e.*seconds && !plausible_seconds(*(e.*seconds))) return false;
    // The scanner keeps a `set`'s fields in the entry's own members: only an
    // amendment's own fields are then told apart (it has no required ones).
    if ((e.type == EntryType::amend) != ((shape.keys & set_bit) != 0)) return false;
    const ShapeRules& rules = shape_rules(e.type);
    for (const FieldSpec* field : rules.required)
        if (!field->present(e)) return false;
    // A written value must be one of its names (an empty one may be "", a note, or null, fine).
    for (const auto& [field, key_bit] : rules.named)
        if ((shape.keys & key_bit) && !field->named_in(e).known()) return false;
    if (e.type == EntryType::feed && e.method == FeedMethod::bottle && !e.ml && !field_named("milk")->present(e))
        return false;
    if (e.type == EntryType::pump && !e.ml && !e.dur_s) return false;
    return true;
}

}  // namespace

struct LineValidator::Impl {
    simdjson::dom::parser parser;
    std::string padded;
    std::string widened;  // a line with its long integers written as decimals (reread_numbers)
    std::vector<std::string_view> keys;
    Entry entry;
    CanonicalMemo memo;
};

LineValidator::LineValidator() : impl_(std::make_unique<Impl>()) {}
LineValidator::~LineValidator() = default;

LineVerdict LineValidator::check(std::string_view text) {
    LineVerdict verdict;
    check(text, true, false, verdict);
    return verdict;
}

void LineValidator::check(std::string_view text, LineVerdict& verdict) { check(text, true, false, verdict); }

void LineValidator::check_padded(std::string_view text, LineVerdict& verdict) { check(text, true, true, verdict); }

LineVerdict LineValidator::check_with_dom(std::string_view text) {
    LineVerdict verdict;
    check(text, false, false, verdict);
    return verdict;
}

void LineValidator::check(std::string_view text, bool fast, bool padded, LineVerdict& verdict) {
    verdict.blank = false;
    verdict.findings.clear();
    verdict.id.clear();
    verdict.target.clear();
    verdict.type = EntryType::unknown;
    verdict.amendment = {};
    verdict.rule_fields = 0;
    verdict.amount.reset();
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (blank(text)) {
        verdict.blank = true;
        return;
    }
    const auto error = [&](std::string message) { verdict.findings.push_back({Severity::error, std::move(message)}); };

    // SPEC 8: the same bounds as every reader (line_parser.hpp).
    if (text.size() > max_line_bytes) {
        error(line_out_of_bounds(text.data(), text.size()));
        return;
    }
    // Both parsers read up to 64 bytes past the line: a line of a batch has them, any other is copied.
    const auto copy_padded = [&] {
        impl_->padded.assign(text);
        impl_->padded.append(simdjson::SIMDJSON_PADDING, '\0');
        text = std::string_view(impl_->padded.data(), text.size());
    };
    if (!padded) copy_padded();
    if (fast) {
        // Most lines are as pumplog writes them: the reader's scanner proves them clean in one pass.
        CanonicalShape shape;
        Entry& e = impl_->entry;
        if (parse_canonical_line(text.data(), text.size(), e, impl_->memo, false, &shape) && clean_by_shape(e, shape)) {
            verdict.id = e.id;
            verdict.target = e.target;
            verdict.type = e.type;
            if (e.type == EntryType::amend) verdict.amendment = amendment_shape(e);
            else verdict.rule_fields = rule_fields_of(e);
            if (e.type == EntryType::store || e.type == EntryType::use || e.type == EntryType::discard ||
                e.type == EntryType::move)
                verdict.amount = StashAmount{counted_ml(e.ml).value_or(0), e.at.instant};
            return;
        }
    }
    // simdjson's DOM is given zeros after the line, as it always was.
    if (padded) copy_padded();
    if (const char* why = line_out_of_bounds(text.data(), text.size())) {
        error(why);
        return;
    }
    element root;
    if (std::string why = json_refusal(text, impl_->parser, impl_->widened, root, false); !why.empty()) {
        error(std::move(why));
        return;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
        error("not a JSON object");
        return;
    }

    // The keys met so far: a line has a dozen, a list beats a hash table.
    std::vector<std::string_view>& seen = impl_->keys;
    seen.clear();
    bool has_v = false, has_id = false, has_type = false, has_at = false;
    for (const auto field : object) {
        const std::string_view key = field.key;
        const element value = field.value;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            error(fmt::format("{} appears twice", quote_key(key)));
            continue;
        }
        seen.push_back(key);
        if (key == "v") {
            has_v = true;
            std::int64_t version = 0;
            if (value.get_int64().get(version) || version < 1) {
                error("\"v\" is not a format version (a whole number, 1)");
            } else if (version > 1) {
                verdict.findings.push_back(
                    {Severity::note, fmt::format("format version {} is newer than this pumplog's (1)", version)});
            }
        } else if (key == "id") {
            has_id = true;
            std::string_view id;
            if (value.get_string().get(id) || id.empty()) error("\"id\" is not a non-empty string");
            else verdict.id.assign(id);
        } else if (key == "type") {
            has_type = true;
            std::string_view type;
            if (value.get_string().get(type) || type.empty()) {
                error("\"type\" is not a non-empty string");
            } else {
                verdict.type = parse_type(type);
                if (verdict.type == EntryType::unknown)
                    verdict.findings.push_back(
                        {Severity::note, fmt::format("unknown type {} (from a newer pumplog?); kept, and ignored by "
                                                     "computations",
                                                     quote_key(type))});
            }
        } else if (key == "at") {
            has_at = true;
            if (!is_time(value)) error("\"at\" is not an RFC 3339 time (2026-11-21T14:05:00+01:00)");
        } else if (key == "set") {
            check_set(value, verdict);
        } else if (const FieldSpec* rule = field_named(key)) {
            const std::string problem = value_error(key, rule->kind, value);
            if (!problem.empty()) verdict.findings.push_back({value_severity(rule->kind, value), problem});
            std::string_view target;
            if (key == "target" && !value.get_string().get(target)) verdict.target.assign(target);
        }
        // Any other field is kept as written and ignored (SPEC 3).
    }
    if (!has_v) error("no \"v\" (the format version)");
    if (!has_id) error("no \"id\"");
    if (!has_type) error("no \"type\"");
    if (!has_at) error("no \"at\" (when it happened)");
    if (has_type && verdict.type != EntryType::unknown) check_type_fields(root, verdict.type, verdict);
    if (verdict.type != EntryType::amend) verdict.rule_fields = rule_fields_of(root, verdict.type);
    if (verdict.type == EntryType::store || verdict.type == EntryType::use || verdict.type == EntryType::discard ||
        verdict.type == EntryType::move) {
        // Its amount and time, as the fast path gives them (short_uses_possible).
        std::string_view at;
        element ml_value;
        double ml = 0;
        if (root["ml"].get(ml_value) == simdjson::SUCCESS && ml_value.get_double().get(ml) != simdjson::SUCCESS)
            ml = 0;
        if (root["at"].get_string().get(at) == simdjson::SUCCESS)
            if (const auto stamp = parse_rfc3339(at))
                verdict.amount = StashAmount{counted_ml(ml).value_or(0), stamp->instant};
    }
}

// ---- the whole journal ----

// Named, not anonymous: Checker::Impl holds them (and a unity build would
// warn of a class with linkage holding a type without).
namespace check_detail {

// A line whose own content is fine: what the rules between lines need. Its id
// and target live in the checker's one string of ids (a million lines would
// otherwise be two million small allocations).
struct GoodLine {
    std::uint64_t number;
    std::uint64_t id_at;  // offset in Checker::Impl::text; the target follows the id
    std::uint32_t id_size, target_size;
    std::uint64_t hash;  // of the line's text, to tell a copy from a clash
    std::uint64_t id_hash, target_hash;  // IdHash's, taken on the threads that validate
    std::uint32_t target = no_line;  // the index of the line its target names, once resolved
    EntryType type;
    EntryType target_type = EntryType::unknown;  // the type of the line its target names, once resolved
    bool bad = false;
    std::uint8_t held = 0;  // its fields amendment_error looks at (packed)
    static constexpr std::uint32_t no_line = ~std::uint32_t{0};

    // Looks up its target among `first`'s lines.
    template <class Ids, class IdOf>
    void resolve(std::string_view target_id, const Ids& first, const std::vector<GoodLine>& good, const IdOf& id_of) {
        target = first.find(target_id, target_hash, id_of);
        if (target != no_line) target_type = good[target].type;
    }
};

// The first good line of each id: open addressing over indices into the good
// lines, each slot with 32 bits of its id's hash (compared before the id
// itself), twice as many slots as lines (it doubles as lines come). The
// table is larger than the caches, so callers that know the next hashes
// ahead prefetch their slots.
class FirstIds {
public:
    explicit FirstIds(std::size_t lines = 0) { resize(lines * 2); }
    void prefetch(std::size_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
    // The index already holding the id (of hash h), or `index` after inserting
    // it. hash_of(i): the hash of line i's id.
    template <class IdOf, class HashOf>
    std::size_t insert(std::string_view id, std::size_t h, std::size_t index, const IdOf& id_of,
                       const HashOf& hash_of) {
        if (index >= std::numeric_limits<std::uint32_t>::max() - 1)
            throw journal_error("the journal has too many lines to check (4 billion at most)");
        if ((held_ + 1) * 2 > slots_.size()) {
            std::vector<Slot> old = std::move(slots_);
            resize(old.size() * 2);
            for (const Slot& slot : old)
                if (slot.index != 0) *free_slot(hash_of(slot.index - 1)) = slot;
        }
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (slot.index == 0) {
                slot = {tag, static_cast<std::uint32_t>(index + 1)};
                ++held_;
                return index;
            }
            if (slot.tag == tag && id_of(slot.index - 1) == id) return slot.index - 1;
        }
    }
    template <class IdOf>
    std::uint32_t find(std::string_view id, std::size_t h, const IdOf& id_of) const {
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.index == 0) return GoodLine::no_line;
            if (slot.tag == tag && id_of(slot.index - 1) == id) return slot.index - 1;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = 0;  // the good line's index + 1; 0: empty
    };
    void resize(std::size_t least) {
        std::size_t capacity = 16;
        while (capacity < least) capacity *= 2;
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
    }
    Slot* free_slot(std::size_t h) {
        std::size_t i = h & mask_;
        while (slots_[i].index != 0) i = (i + 1) & mask_;
        return &slots_[i];
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t held_ = 0;
};

// A hash of a whole line, only to tell a copy from a clash: IdHash's mixing
// in four independent lanes, so that a line of 150 bytes is not one long
// chain of multiplications.
inline std::uint64_t line_hash(std::string_view line) {
    const auto mix = hash_mix;
    const auto word = [](const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    };
    const char* p = line.data();
    std::size_t n = line.size();
    std::uint64_t a = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull), b = 0x243F6A8885A308D3ull,
                  c = 0x13198A2E03707344ull, d = 0xA4093822299F31D0ull;
    for (; n >= 32; p += 32, n -= 32) {
        a = mix(a ^ word(p));
        b = mix(b ^ word(p + 8));
        c = mix(c ^ word(p + 16));
        d = mix(d ^ word(p + 24));
    }
    if (n >= 8) {
        a = mix(a ^ word(p));
        p += 8;
        n -= 8;
    }
    if (n >= 8) {
        b = mix(b ^ word(p));
        p += 8;
        n -= 8;
    }
    if (n >= 8) {
        c = mix(c ^ word(p));
        p += 8;
        n -= 8;
    }
    if (n > 0) d = mix(d ^ hash_tail(p, n));
    return mix(mix(mix(a ^ b) ^ c) ^ d);
}

// What validating lines found, in line order: what the rules between lines
// need. A Checker keeps one for the whole journal; check_journal's batches
// each fill their own, merged into it in line order.
struct Found {
    std::uint64_t lines = 0;  // the number of the last line seen
    std::vector<Problem> problems;
    std::vector<std::uint64_t> bad_lines;
    std::vector<GoodLine> good;
    // The ids of lines bad on their own, with their line numbers (in `text` too).
    struct BadId {
        std::uint64_t number, id_at;
        std::uint32_t id_size;
    };
    std::vector<BadId> bad_ids;
    std::string text;  // the good lines' ids and targets, the bad lines' ids, one after another
    // What each good amend line does, by its index in `good` (in order): only amendments pay for it.
    std::vector<std::pair<std::size_t, AmendmentShape>> amendments;
    // Each good store, use and discard line's amount and time, by its index in `good` (in order): nullopt when
    // the fast scanner did not read the line (short_uses_possible then says yes).
    std::vector<std::pair<std::size_t, std::optional<StashAmount>>> stash;

    void clear() {
        amendments.clear();
        stash.clear();
        lines = 0;
        problems.clear();
        bad_lines.clear();
        good.clear();
        bad_ids.clear();
        text.clear();
    }

    // One line's verdict (`text` the line, for its hash).
    void record(std::uint64_t number, std::string_view line, bool last_without_newline, LineVerdict& verdict) {
        lines = number;
        if (verdict.blank) return;
        const bool ok = verdict.ok();
        for (auto& f : verdict.findings) {
            std::string message = std::move(f.message);
            if (!ok && last_without_newline && f.severity == Severity::error)
                message = "an incomplete last line (a write cut short?): " + message;
            problems.push_back({number, f.severity, std::move(message)});
        }
        if (!ok) {
            bad_lines.push_back(number);
            if (!verdict.id.empty()) {
                bad_ids.push_back({number, text.size(), static_cast<std::uint32_t>(verdict.id.size())});
                text += verdict.id;
            }
            return;
        }
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        GoodLine good_line{};
        good_line.number = number;
        good_line.id_at = text.size();
        good_line.id_size = static_cast<std::uint32_t>(verdict.id.size());
        text += verdict.id;
        good_line.target_size = static_cast<std::uint32_t>(verdict.target.size());
        text += verdict.target;
        good_line.hash = line_hash(line);
        good_line.id_hash = IdHash{}(verdict.id);
        good_line.target_hash = IdHash{}(verdict.target);
        good_line.type = verdict.type;
        good_line.held = verdict.rule_fields;
        if (verdict.type == EntryType::amend) amendments.emplace_back(good.size(), verdict.amendment);
        if (verdict.type == EntryType::store || verdict.type == EntryType::use || verdict.type == EntryType::discard ||
            verdict.type == EntryType::move)
            stash.emplace_back(good.size(), verdict.amount);
        good.push_back(good_line);
    }

    // Another's lines, which follow these.
    void append(Found& next) {
        if (next.lines == 0) return;
        lines = next.lines;
        const auto moved = [](auto& to, auto& from) {
            to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        };
        moved(problems, next.problems);
        moved(bad_lines, next.bad_lines);
        const std::uint64_t base = text.size();
        for (auto line : next.stash) {
            line.first += good.size();
            stash.push_back(line);
        }
        for (auto amendment : next.amendments) {
            amendment.first += good.size();
            amendments.push_back(amendment);
        }
        text += next.text;
        for (auto line : next.good) {
            line.id_at += base;
            good.push_back(line);
        }
        for (auto id : next.bad_ids) {
            id.id_at += base;
            bad_ids.push_back(id);
        }
    }
};

// Whether a use might take more than its container still held, or a stash line come after its container's end
// (stock.hpp: ShortUse), judged from the good
// lines alone, all taken as in effect: a container whose uses add up to no more than its store (within 0.001
// ml, below what the stash's replay takes as rounding) and all come before its discards cannot hold one, in any
// order and whatever is voided. Any other, a stash line the fast scanner did not read, or an amended one, might.
// `log check` replays the stash only then: the replay reads the journal again (nearly doubling a check).
bool short_uses_possible(const Found& all, const std::vector<GoodLine>& good, const std::vector<std::uint8_t>& bad) {
    struct Sum {
        double stored = 0, used = 0;
        std::optional<Seconds> first_discard;
        // Time, then line: of lines with one time the readers take them in file order (a combine writes its
        // thaw `move` before its pour `use`, at one time: no move after the container was used up).
        std::optional<std::pair<Seconds, std::size_t>> last_use, last_move_or_discard;
        int discards = 0;
    };
    std::unordered_map<std::size_t, Sum> containers;  // by the store's index in `good`
    for (const auto& [index, amount] : all.stash) {
        if (bad[index]) continue;
        if (!amount) return true;
        const GoodLine& line = good[index];
        if (line.type == EntryType::store) {
            containers[index].stored = amount->ml;
            continue;
        }
        if (line.target == GoodLine::no_line) continue;  // no store: a bad line
        Sum& sum = containers[line.target];
        const Seconds at = amount->at;
        const std::pair<Seconds, std::size_t> placed{at, index};
        if (line.type == EntryType::use) {
            sum.used += amount->ml;
            sum.last_use = sum.last_use ? std::max(*sum.last_use, placed) : placed;
            continue;
        }
        if (line.type == EntryType::discard) {
            sum.first_discard = sum.first_discard ? std::min(*sum.first_discard, at) : at;
            ++sum.discards;
        }
        sum.last_move_or_discard = sum.last_move_or_discard ? std::max(*sum.last_move_or_discard, placed) : placed;
    }
    // A move or discard after the last use (in time, then line) of a container those uses emptied may come after
    // it was used up: the replay says. A combine's move, written before its use at one time, does not; nor one
    // after uses that left drops (the 2 ml rule, pumplog-stock(1) AMOUNTS: the replay's counts_rest takes a move
    // or the discard of those drops; a second discard, or a move after it, is caught below).
    const auto used_up = [](const Sum& sum) { return sum.used >= sum.stored - rounding_ml - 1e-9; };
    for (const auto& [index, sum] : containers)
        if (sum.used > sum.stored + 0.001 ||
            (sum.last_use && sum.first_discard && sum.last_use->first >= *sum.first_discard) ||
            (sum.last_use && sum.last_move_or_discard && used_up(sum) && *sum.last_move_or_discard > *sum.last_use) ||
            // a move or a second discard after the container was discarded (code review: stock warned, check
            // did not)
            sum.discards > 1 || (sum.first_discard && sum.last_move_or_discard->first > *sum.first_discard))
            return true;
    for (const auto& [index, shape] : all.amendments) {
        const GoodLine& line = good[index];
        if (!bad[index] && (line.target_type == EntryType::store || line.target_type == EntryType::use ||
                            line.target_type == EntryType::discard || line.target_type == EntryType::move))
            return true;
    }
    return false;
}

}  // namespace check_detail

using check_detail::FirstIds;
using check_detail::Found;
using check_detail::GoodLine;

struct Checker::Impl {
    LineValidator validator;
    LineVerdict verdict;  // reused from line to line (its strings keep their room)
    Found found;
    FirstIds first;              // the good lines' ids...
    std::size_t indexed = 0;     // ...of the first so many
    std::vector<Problem> later;  // what the rules between lines find

    std::string_view id(const GoodLine& line) const { return {found.text.data() + line.id_at, line.id_size}; }
    std::string_view target(const GoodLine& line) const {
        return {found.text.data() + line.id_at + line.id_size, line.target_size};
    }
    void mark_bad(GoodLine& line, std::string message) {
        line.bad = true;
        later.push_back({line.number, Severity::error, std::move(message)});
    }

    // Takes the good lines found since the last call into `first`: a later
    // line with an id already taken is bad (a copy or a clash), and a line's
    // target is looked up among the lines before it (those after it in finish).
    // check_journal calls it after each batch, while the next are validated.
    void index() {
        std::vector<GoodLine>& good = found.good;
        const auto id_of = [&](std::size_t i) { return id(good[i]); };
        const auto hash_of = [&](std::size_t i) { return good[i].id_hash; };
        const TypeMask referring = referring_types();
        constexpr std::size_t ahead = 16;  // slots prefetched this many lines ahead
        for (std::size_t i = indexed; i < good.size(); ++i) {
            if (i + ahead < good.size()) {
                first.prefetch(good[i + ahead].id_hash);
                first.prefetch(good[i + ahead].target_hash);
            }
            GoodLine& line = good[i];
            const std::size_t held = first.insert(id(line), line.id_hash, i, id_of, hash_of);
            if (held == i) {
                if (referring & type_bit(line.type)) line.resolve(target(line), first, good, id_of);
                continue;
            }
            const GoodLine& earlier = good[held];
            const std::string quoted = quote_key(id(line));
            mark_bad(line, earlier.hash == line.hash
                               ? fmt::format("a copy of line {} (the same id {})", earlier.number, quoted)
                               : fmt::format("id {} is already taken by line {}, with other content", quoted,
                                             earlier.number));
        }
        indexed = good.size();
    }
};

Checker::Checker(std::uint64_t file_bytes) : impl_(std::make_unique<Impl>()) {
    // Room for the lines a file of this size holds (pumplog's lines are over
    // 100 bytes), so that the vectors never copy themselves while growing;
    // pages not written to cost nothing.
    impl_->found.good.reserve(static_cast<std::size_t>(file_bytes / 64));
    impl_->found.text.reserve(static_cast<std::size_t>(file_bytes / 2));
    // The table of ids is written whole: sized for lines of 128 bytes, a
    // million at most, and doubled when more come.
    impl_->first = FirstIds(static_cast<std::size_t>(std::min<std::uint64_t>(file_bytes / 128, 1 << 20)));
}
Checker::~Checker() = default;

void Checker::add(const RawLine& line) {
    impl_->validator.check(line.text, impl_->verdict);
    impl_->found.record(line.number, line.text, line.last_without_newline, impl_->verdict);
}

CheckReport Checker::finish() {
    Found& all = impl_->found;
    CheckReport report;
    report.lines = all.lines;
    report.problems = std::move(all.problems);
    report.bad_lines = std::move(all.bad_lines);
    std::vector<GoodLine>& good = all.good;
    const Impl& impl = *impl_;
    // The ids of lines bad on their own: the first line of each.
    std::unordered_map<std::string_view, std::uint64_t, IdHash, IdEqual> bad_ids;
    for (const auto& bad : all.bad_ids)
        bad_ids.emplace(std::string_view(all.text.data() + bad.id_at, bad.id_size), bad.number);
    const auto mark_bad = [&](GoodLine& line, std::string message) { impl_->mark_bad(line, std::move(message)); };
    const auto id_of = [&](std::size_t i) { return impl.id(good[i]); };
    const TypeMask referring_mask = referring_types();
    const auto refers_to_an_entry = [referring_mask](EntryType type) { return (referring_mask & type_bit(type)) != 0; };

    // Duplicate ids (the first line keeps its id; a later one is a copy or a
    // clash) and targets before their lines: check_journal took in most lines already.
    impl_->index();
    // Targets after their lines (or none), now that every line is in.
    for (auto& line : good)
        if (!line.bad && refers_to_an_entry(line.type) && line.target == GoodLine::no_line)
            line.resolve(impl.target(line), impl_->first, good, id_of);

    // References, until no line changes: a line whose target turns out bad is
    // bad too. Each line knows its target's index and type: only the targets'
    // badness is looked up, in a table that stays in the cache.
    std::vector<std::uint8_t> bad(good.size());
    for (std::size_t i = 0; i < good.size(); ++i) bad[i] = good[i].bad;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < good.size(); ++i) {
            GoodLine& line = good[i];
            if (bad[i] || !refers_to_an_entry(line.type)) continue;
            const std::string_view target_id = impl.target(line);
            if (line.target == GoodLine::no_line || bad[line.target]) {
                const auto bad_id = bad_ids.find(target_id);
                const std::uint64_t bad_line = line.target != GoodLine::no_line ? good[line.target].number
                                               : bad_id != bad_ids.end()       ? bad_id->second
                                                                                : 0;
                mark_bad(line, bad_line == 0 ? fmt::format("refers to {}, which no line has", quote_key(target_id))
                                             : fmt::format("refers to {} on line {}, which is bad",
                                                           quote_key(target_id), bad_line));
                bad[i] = true;
                changed = true;
                continue;
            }
            const EntryType target_type = line.target_type;
            std::string wrong;
            if (line.type == EntryType::void_ && line.target == i) wrong = "voids itself";
            else if (line.type == EntryType::amend && (target_type == EntryType::void_ || target_type == EntryType::amend))
                wrong = fmt::format("corrects line {}, {} (only entries can be corrected)", good[line.target].number,
                                    a_line_of(target_type));
            else if (line.type == EntryType::amend && target_type != EntryType::unknown) {
                // Judged against the field table: the entry as written, and this amendment.
                const auto shape = std::lower_bound(all.amendments.begin(), all.amendments.end(), i,
                                                    [](const auto& a, std::size_t index) { return a.first < index; });
                if (shape != all.amendments.end() && shape->first == i) {
                    const std::string why =
                        amendment_error(target_type, unpacked(good[line.target].held), shape->second);
                    if (!why.empty()) wrong = fmt::format("corrects line {}: {}", good[line.target].number, why);
                }
            }
            else if ((line.type == EntryType::use || line.type == EntryType::move ||
                      line.type == EntryType::discard) &&
                     target_type != EntryType::store && target_type != EntryType::unknown)
                wrong = fmt::format("refers to line {}, {}, not a stored container", good[line.target].number,
                                    a_line_of(target_type));
            if (!wrong.empty()) {
                mark_bad(line, std::move(wrong));
                bad[i] = true;
                changed = true;
            }
        }
    }

    for (std::size_t i = 0; i < good.size(); ++i) {
        const GoodLine& line = good[i];
        if (line.bad) {
            report.bad_lines.push_back(line.number);
            continue;
        }
        ++report.entries;
        if (line.type == EntryType::timer) ++report.timer_lines;
        if (line.type == EntryType::use) ++report.use_lines;
        // The good lines are in line order: a target of a higher index comes after.
        if (refers_to_an_entry(line.type) && line.target > i) {
            report.before_target.emplace_back(line.number, good[line.target].number);
            impl_->later.push_back({line.number, Severity::note,
                                    fmt::format("refers to line {}, which comes after it (readers then read the "
                                                "journal twice)",
                                                good[line.target].number)});
        }
    }

    report.short_uses_possible = !all.stash.empty() && check_detail::short_uses_possible(all, good, bad);

    report.problems.insert(report.problems.end(), impl_->later.begin(), impl_->later.end());
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    std::sort(report.bad_lines.begin(), report.bad_lines.end());
    return report;
}

namespace check_detail {

// Lines read and copied out of the reader's buffer, with what validating them found.
struct Batch {
    std::uint64_t first = 0;        // the number of its first line
    std::string bytes;              // the lines one after another, then line_padding bytes
    std::vector<std::size_t> ends;  // where each line ends in `bytes`
    bool last_without_newline = false;  // its last line is the file's, without its '\n'
    bool validated = false;
    Found found;
    std::exception_ptr failed;

    void clear() {
        bytes.clear();
        ends.clear();
        last_without_newline = validated = false;
        found.clear();
        failed = nullptr;
    }
    void validate(LineValidator& validator, LineVerdict& verdict) {
        try {
            std::size_t start = 0;
            for (std::size_t i = 0; i < ends.size(); ++i) {
                const std::string_view text(bytes.data() + start, ends[i] - start);
                validator.check_padded(text, verdict);
                found.record(first + i, text, last_without_newline && i + 1 == ends.size(), verdict);
                start = ends[i];
            }
        } catch (...) {
            failed = std::current_exception();
        }
    }
};

// check_journal's work shared out: the caller's thread reads the lines into
// batches and queues them; a worker validates queued batches, and so does the
// caller whenever the queue is full (which bounds the memory held) or the
// file is read. Validated batches are merged into the checker in file order
// by the caller's thread alone.
class Batches {
public:
    // merge(found): takes a batch's findings, in line order.
    Batches(const CheckOptions& options, LineValidator& validator, LineVerdict& verdict,
            std::function<void(Found&)> merge)
        : options_(options), validator_(validator), verdict_(verdict), merge_(std::move(merge)) {}
    ~Batches() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        work_.notify_all();
        if (thread_.joinable()) thread_.join();
    }
    Batches(const Batches&) = delete;
    Batches& operator=(const Batches&) = delete;

    void add(const RawLine& line) {
        if (!open_) {
            open_ = spare_.empty() ? std::make_unique<Batch>() : take_spare();
            open_->first = line.number;
        }
        open_->bytes.append(line.text);
        open_->ends.push_back(open_->bytes.size());
        open_->last_without_newline = line.last_without_newline;
        if (open_->bytes.size() >= options_.batch_bytes) submit();
    }

    // Once the file is read: every batch validated and merged.
    void finish() {
        if (open_) submit();
        while (waiting_ > 0) merge_oldest(true);
    }

private:
    // Past this many batches queued the caller validates and merges them
    // (a worker and the caller each have one at hand and the next ready);
    // past the second it waits for the worker rather than read on.
    static constexpr std::size_t most_waiting = 4, most_held = 16;

    std::unique_ptr<Batch> take_spare() {
        auto batch = std::move(spare_.back());
        spare_.pop_back();
        return batch;
    }

    void submit() {
        open_->bytes.append(line_padding, '\0');
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            queue_.push_back(std::move(open_));
        }
        ++waiting_;
        // A journal of one batch, or a machine of one processor, is validated without a thread.
        if (options_.threads > 1 && waiting_ > 1 && !tried_thread_ && std::thread::hardware_concurrency() != 1) {
            tried_thread_ = true;
            try {
                thread_ = std::thread([this] { work(); });
            } catch (const std::system_error&) {
                // No thread to be had: this one validates every batch.
            }
        }
        work_.notify_one();
        while (waiting_ >= most_waiting && merge_oldest(waiting_ >= most_held)) {
        }
    }

    // Merges the oldest batch once it is validated, validating the next
    // unclaimed ones here meanwhile. When only the worker's batch is left,
    // waits for it, or returns false if not `wait`.
    bool merge_oldest(bool wait) {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            if (queue_.front()->validated) break;
            if (claimed_ < queue_.size()) {
                Batch& batch = *queue_[claimed_++];
                lock.unlock();
                batch.validate(validator_, verdict_);
                lock.lock();
                batch.validated = true;
                continue;
            }
            if (!wait) return false;
            validated_.wait(lock);
        }
        std::unique_ptr<Batch> batch = std::move(queue_.front());
        queue_.pop_front();
        --claimed_;
        lock.unlock();
        --waiting_;
        if (batch->failed) std::rethrow_exception(batch->failed);
        merge_(batch->found);
        batch->clear();
        spare_.push_back(std::move(batch));
        return true;
    }

    void work() {
        LineValidator validator;
        LineVerdict verdict;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            work_.wait(lock, [&] { return stopping_ || claimed_ < queue_.size(); });
            if (stopping_) return;
            Batch& batch = *queue_[claimed_++];
            lock.unlock();
            batch.validate(validator, verdict);
            lock.lock();
            batch.validated = true;
            validated_.notify_one();
        }
    }

    const CheckOptions& options_;
    LineValidator& validator_;
    LineVerdict& verdict_;
    std::function<void(Found&)> merge_;
    std::unique_ptr<Batch> open_;               // being filled
    std::vector<std::unique_ptr<Batch>> spare_;  // merged, kept for their room
    std::size_t waiting_ = 0;                    // queued, not merged yet (the caller's count)
    bool tried_thread_ = false;

    std::mutex mutex_;  // guards what follows
    std::deque<std::unique_ptr<Batch>> queue_;  // oldest first
    std::size_t claimed_ = 0;                   // the first so many of the queue are being validated or done
    bool stopping_ = false;
    std::condition_variable work_, validated_;
    std::thread thread_;
};

}  // namespace check_detail

CheckReport check_journal(const Journal& journal, const CheckOptions& options) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(journal.path(), ec);
    Checker checker(ec ? 0 : size);
    Checker::Impl& impl = *checker.impl_;
    {
        check_detail::Batches batches(options, impl.validator, impl.verdict, [&impl](check_detail::Found& found) {
            impl.found.append(found);
            impl.index();
        });
        journal.for_each_raw_line([&](const RawLine& line) { batches.add(line); });
        batches.finish();
    }
    return checker.finish();
}

// Beside the journal's file (a symlinked journal's target), with JOURNAL.bak.
std::filesystem::path rejected_path(const std::filesystem::path& journal) {
    return resolve_journal(journal).string() + ".rejected";
}

std::vector<BadLine> damaged_among(const Journal& journal, std::vector<std::uint64_t> offsets) {
    std::vector<BadLine> out;
    if (offsets.empty()) return out;
    const CheckReport report = check_journal(journal);
    if (report.bad_lines.empty()) return out;
    // The lines' numbers: the newlines before their offsets, counted once in file order.
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    std::ifstream in(journal.path(), std::ios::binary);
    std::vector<char> buffer(1 << 16);
    std::uint64_t pos = 0, newlines = 0;
    for (const std::uint64_t offset : offsets) {
        while (pos < offset && in) {
            in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), offset - pos)));
            const auto got = static_cast<std::size_t>(in.gcount());
            if (got == 0) break;
            newlines += static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
            pos += got;
        }
        const std::uint64_t number = newlines + 1;
        if (pos != offset || !std::binary_search(report.bad_lines.begin(), report.bad_lines.end(), number)) continue;
        // The problems are in line order: the line's first error is its reason.
        auto p = std::lower_bound(report.problems.begin(), report.problems.end(), number,
                                  [](const Problem& a, std::uint64_t line) { return a.line < line; });
        while (p != report.problems.end() && p->line == number && p->severity != Severity::error) ++p;
        if (p != report.problems.end() && p->line == number)
            out.push_back(BadLine{number, offset, p->message, false, std::nullopt, 0});
    }
    return out;
}

// The bad lines go to JOURNAL.rejected first, then the journal is rewritten
// without them: a line is never only in JOURNAL.bak. A repair that fails
// changes nothing (JOURNAL.rejected cut back); one that crashes between the
// two and is run again finds the same bad lines already at the end of
// JOURNAL.rejected and does not add them twice.
RepairResult repair_journal(Journal& journal) {
    RepairResult result;
    result.rejected = rejected_path(journal.path());
    std::error_code ec;
    if (!std::filesystem::exists(journal.path(), ec)) {  // nothing to repair; do not create it
        result.report = check_journal(journal);
        return result;
    }
    // A clean journal is left untouched (pumplog-log(1)): checked first without the lock, which needs write
    // access, so that a read-only clean journal is reported as `log check` reports it. Bad lines are
    // checked again under the lock, before anything is moved.
    result.report = check_journal(journal);
    if (result.report.bad_lines.empty()) return result;
    journal.with_lock([&](LockedJournal& locked) {
        result.report = check_journal(locked.journal());
        const auto& bad = result.report.bad_lines;
        if (bad.empty()) return;
        std::vector<std::string> rejected;
        std::string content;
        // The lines keep their order, but a line that refers to a later one goes
        // right after it (pumplog(5) "Order"): held until its target is written.
        const auto& before = result.report.before_target;
        std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> after;  // target's line -> lines held for it
        for (const auto& [line, target] : before) after[target].push_back(line);
        std::unordered_map<std::uint64_t, std::string> held;
        std::vector<std::uint64_t> due;
        const auto keep = [&](std::uint64_t number, std::string_view text) {
            content.append(text);
            content += '\n';
            ++result.kept;
            due.push_back(number);
            while (!due.empty()) {  // the lines held for this one, and for those in turn
                const std::uint64_t written = due.back();
                due.pop_back();
                const auto it = after.find(written);
                if (it == after.end()) continue;
                for (const std::uint64_t follower : it->second) {
                    content.append(held[follower]);
                    content += '\n';
                    ++result.kept;
                    held.erase(follower);
                    due.push_back(follower);
                }
                after.erase(it);
            }
        };
        locked.journal().for_each_raw_line(
            [&](const RawLine& line) {
                const auto misplaced = std::lower_bound(
                    before.begin(), before.end(), line.number,
                    [](const auto& pair, std::uint64_t number) { return pair.first < number; });
                if (std::binary_search(bad.begin(), bad.end(), line.number)) rejected.emplace_back(line.text);
                else if (misplaced != before.end() && misplaced->first == line.number)
                    held.emplace(line.number, std::string(line.text));
                else
                    keep(line.number, line.text);
            });
        for (const auto& [line, target] : before)  // not reached: every target is a good line, written above
            if (const auto it = held.find(line); it != held.end()) keep(line, it->second);
        // The bad lines are safe in JOURNAL.rejected before the journal loses them.
        locked.rewrite_moving(content, result.rejected, rejected);
        result.moved = rejected.size();
    });
    return result;
}

}  // namespace pumplog
