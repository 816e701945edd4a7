// The reader's fast path: the lines pumplog writes itself are compact JSON
// objects of plain keys, ASCII strings without escapes, short decimal numbers
// and one nested `set` object. This scanner reads such a line in one pass,
// without simdjson's per-document setup (most of the cost on 140-byte lines).
// Whatever it is not sure of (whitespace between tokens, an escape, a byte
// outside printable ASCII, an exponent, a long number, an unknown key, a value
// of an unexpected kind, a missing required field) it declines, and the caller
// parses the line with simdjson. So it never accepts a line simdjson refuses,
// and never reads one differently: tests/fuzz/fuzz_line_fastpath.cpp compares
// the two on arbitrary input, tests/unit/line_parser.cpp on chosen lines.
#include <array>
#include <bit>
#include <cstring>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "pumplog/fields.hpp"
#include "line_parser.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pumplog {

namespace {

// The end of the run of plain bytes from p (printable ASCII but '"' and
// '\\'): the first byte before `end` that is not plain, or `end`. With SSE2, 16 bytes at a time; it may read up to 15
// bytes beyond `end`, which the padding after every line allows.
[[gnu::always_inline]] inline const char* plain_run_end(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
    for (; p < end; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // Signed: bytes from 0x80 (non-ASCII) compare below the space too.
        const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                          _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)));
        if (const int mask = _mm_movemask_epi8(stop)) {
            const char* found = p + __builtin_ctz(static_cast<unsigned>(mask));
            return found < end ? found : end;
        }
    }
    return end;
#else
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') break;
    }
    return p;
#endif
}

constexpr std::array<double, 16> powers_of_ten = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

[[gnu::always_inline]] inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Two digits at p, or -1.
[[gnu::always_inline]] inline int two_digits(const char* p) {
    if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(int y, int m) {
    static constexpr std::array<unsigned char, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) return 29;
    return days[static_cast<std::size_t>(m - 1)];
}

// Ten bytes alike (two loads, no call).
bool same_date(const char* a, const char* b) {
    std::uint64_t a8, b8;
    std::uint16_t a2, b2;
    std::memcpy(&a8, a, 8);
    std::memcpy(&b8, b, 8);
    std::memcpy(&a2, a + 8, 2);
    std::memcpy(&b2, b + 8, 2);
    return a8 == b8 && a2 == b2;
}

// The time stamps pumplog writes, "2026-11-21T14:05:00+01:00" (or "...Z"),
// read at fixed places; any other form goes to parse_rfc3339 (which reads
// these the same: the unit tests compare them).
std::optional<Stamp> read_time(std::string_view t, CanonicalMemo& memo) {
    const bool zulu = t.size() == 20 && t[19] == 'Z';
    if (!zulu && (t.size() != 25 || (t[19] != '+' && t[19] != '-') || t[22] != ':')) return parse_rfc3339(t);
    const char* p = t.data();
    if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':') return parse_rfc3339(t);
    const int hour = two_digits(p + 11), minute = two_digits(p + 14), second = two_digits(p + 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return std::nullopt;
    // Lines come in runs of one day: the date read last is checked and counted once.
    if (!memo.valid || !same_date(memo.date.data(), p)) {
        const int century = two_digits(p), year2 = two_digits(p + 2), month = two_digits(p + 5), day = two_digits(p + 8);
        if (century < 0 || year2 < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
        const int year = century * 100 + year2;
        if (static_cast<unsigned>(day) > days_in_month(year, month)) return std::nullopt;
        std::memcpy(memo.date.data(), p, memo.date.size());
        memo.days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
        memo.valid = true;
    }
    std::int64_t offset = 0;
    if (!zulu) {
        const int oh = two_digits(p + 20), om = two_digits(p + 23);
        if (oh < 0 || om < 0 || oh > 23 || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * 60 * (p[19] == '-' ? -1 : 1);
    }
    const std::int64_t local = memo.days * 86400 +
                               hour * 3600 + minute * 60 + (second == 60 ? 59 : second);  // a leap second: the minute's last
    return Stamp{Seconds(std::chrono::seconds(local - offset)), std::chrono::seconds(offset)};
}

// A key: `other`, one of the line's own keys, or a field of the table
// (fields.hpp) at first_field + its index there.
enum class Key : std::uint8_t { other, v, id, type, at, set };
constexpr std::size_t first_field = static_cast<std::size_t>(Key::set) + 1;
static_assert(first_field + fields.size() <= 32, "CanonicalShape::keys holds a bit per key");

// The bytes of a key as a little-endian word (keys are at most 8 bytes).
constexpr std::uint64_t word(std::string_view k) {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < k.size(); ++i) w |= std::uint64_t{static_cast<unsigned char>(k[i])} << (8 * i);
    return w;
}

struct KeyWord {
    std::uint64_t word;
    Key key;
};
// A perfect hash of the known keys' words into 64 slots (multiplier found by
// search; the table below fails to compile if two keys ever share a slot: a
// new field may need another multiplier). A field named in more than 8 bytes
// is none of the fast path's: it declines the line and simdjson reads it.
constexpr std::uint64_t key_multiplier = 0x3a53c17641db898full;
constexpr std::size_t key_slot(std::uint64_t w) { return static_cast<std::size_t>((w * key_multiplier) >> 58); }
constexpr std::array<KeyWord, 64> key_table_of() {
    std::array<KeyWord, 64> table{};
    for (auto& slot : table) slot = {~std::uint64_t{0}, Key::other};  // no key's word
    const auto add = [&](std::string_view name, Key key) {
        if (name.size() > 8) return;
        if (table[key_slot(word(name))].key != Key::other) throw "two keys share a slot: find another multiplier";
        table[key_slot(word(name))] = {word(name), key};
    };
    add("v", Key::v);
    add("id", Key::id);
    add("type", Key::type);
    add("at", Key::at);
    add("set", Key::set);
    for (std::size_t i = 0; i < fields.size(); ++i) add(fields[i].name, static_cast<Key>(first_field + i));
    return table;
}
constexpr std::array<KeyWord, 64> key_table = key_table_of();

// A key read as one word: a plain key holds no NUL byte, so the word tells
// its length too. Reads 8 bytes from the key's start (the padding allows it).
Key key_of(std::string_view k) {
    if (k.empty() || k.size() > 8) return Key::other;
    std::uint64_t w = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&w, k.data(), 8);
        if (k.size() < 8) w &= (std::uint64_t{1} << (8 * k.size())) - 1;
    } else {
        w = word(k);
    }
    const KeyWord& slot = key_table[key_slot(w)];
    return slot.word == w ? slot.key : Key::other;
}

// key_of for a key that may not be followed by 8 readable bytes.
Key key_of_padded(std::string_view k) {
    if (k.empty() || k.size() > 8) return Key::other;
    const KeyWord& slot = key_table[key_slot(word(k))];
    return slot.word == word(k) ? slot.key : Key::other;
}

// parse_type by words (pumplog's type names are at most 8 bytes).
EntryType type_of(std::string_view t) {
    if constexpr (std::endian::native == std::endian::little) {
        if (t.empty() || t.size() > 8) return EntryType::unknown;
        std::uint64_t w = 0;
        std::memcpy(&w, t.data(), 8);
        if (t.size() < 8) w &= (std::uint64_t{1} << (8 * t.size())) - 1;
        switch (w) {
            case word("pump"): return EntryType::pump;
            case word("feed"): return EntryType::feed;
            case word("store"): return EntryType::store;
            case word("use"): return EntryType::use;
            case word("move"): return EntryType::move;
            case word("discard"): return EntryType::discard;
            case word("void"): return EntryType::void_;
            case word("amend"): return EntryType::amend;
            case word("skip"): return EntryType::skip;
            case word("timer"): return EntryType::timer;
            default: return EntryType::unknown;
        }
    }
    return parse_type(t);
}

class Scanner {
public:
    Scanner(const char* data, std::size_t size, CanonicalMemo& memo) : memo(memo), p_(data), end_(data + size) {}
    CanonicalMemo& memo;
    CanonicalShape shape;

    bool eat(char c) {
        if (p_ < end_ && *p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }
    bool at_end() const { return p_ == end_; }
    bool next_is(char c) const { return p_ < end_ && *p_ == c; }

    // A string of plain bytes; its contents.
    bool string(std::string_view& out) {
        if (!eat('"')) return false;
        const char* start = p_;
        p_ = plain_run_end(p_, end_);
        if (!eat('"')) return false;  // an escape, a control byte, non-ASCII, or the end
        out = std::string_view(start, static_cast<std::size_t>(p_ - 1 - start));
        return true;
    }

    // A key the fast path knows and its colon, in one word: '"', at most 8
    // bytes, '"', ':'. Reads 9 bytes after the opening quote (the padding
    // allows). False for any other key (longer, escaped, unknown): the line
    // is then declined, as read_field declines a key it does not know.
    bool key(Key& out) {
        if constexpr (std::endian::native != std::endian::little) {
            std::string_view name;
            if (!string(name) || !eat(':')) return false;
            out = key_of(name);
            return out != Key::other;
        }
        if (end_ - p_ < 4 || *p_ != '"') return false;  // the shortest: "v":
        ++p_;
        std::uint64_t w = 0;
        std::memcpy(&w, p_, 8);
        // The first '"' in the word: the lowest byte of x that is zero.
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const std::uint64_t x = w ^ (ones * '"');
        const std::uint64_t zero = (x - ones) & ~x & highs;
        // None: an 8-byte key ("right_ml") when the ninth byte is the quote,
        // else a longer key, none of ours.
        const auto length = zero != 0 ? static_cast<std::size_t>(std::countr_zero(zero) / 8) : p_[8] == '"' ? 8 : 0;
        // "" or past the line's end; then the colon
        if (length == 0 || length + 1 >= static_cast<std::size_t>(end_ - p_) || p_[length + 1] != ':') return false;
        if (length < 8) w &= (std::uint64_t{1} << (8 * length)) - 1;
        const KeyWord& slot = key_table[key_slot(w)];
        // Its last byte not NUL: no known key holds one, so "type\0" (an
        // unescaped control byte, not JSON) does not read as "type".
        if (slot.word != w || (w >> (8 * (length - 1))) == 0) return false;
        out = slot.key;
        p_ += length + 2;
        return true;
    }

    bool null() {
        if (end_ - p_ >= 4 && p_[0] == 'n' && p_[1] == 'u' && p_[2] == 'l' && p_[3] == 'l') {
            p_ += 4;
            return true;
        }
        return false;
    }

    // A number without exponent and of at most 15 significant digits: then
    // digits / 10^decimals, both exact in a double, is one correctly rounded
    // division, the value simdjson gives (Clinger's fast path).
    bool number(double& out) {
        const bool negative = eat('-');
        if (p_ == end_ || !is_digit(*p_)) return false;
        std::uint64_t mantissa = 0;
        int digits = 0, decimals = 0;
        if (*p_ == '0') {
            ++p_;
            if (p_ < end_ && is_digit(*p_)) return false;  // a leading zero is not JSON
        } else {
            while (p_ < end_ && is_digit(*p_)) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p_++ - '0');
                if (++digits > 15) return false;
            }
        }
        if (eat('.')) {
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ < end_ && is_digit(*p_)) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p_++ - '0');
                ++decimals;
                if (++digits > 15) return false;
            }
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
        double value = static_cast<double>(mantissa);
        if (decimals > 0) value /= powers_of_ten[static_cast<std::size_t>(decimals)];
        out = negative ? -value : value;
        return true;
    }

    // The format version: a positive integer (simdjson's get_int64 takes no fraction).
    bool version() {
        if (p_ == end_ || *p_ < '1' || *p_ > '9') return false;
        shape.version_one = *p_ == '1';
        int digits = 0;
        while (p_ < end_ && is_digit(*p_)) {
            ++p_;
            if (++digits > 15) return false;
        }
        if (digits > 1) shape.version_one = false;
        return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E');
    }

private:
    const char* p_;
    const char* end_;
};

bool read_number(Scanner& s, std::optional<double>& out) {
    if (s.null()) {
        out.reset();
        return true;
    }
    double d = 0;
    if (!s.number(d)) return false;
    out = d;
    return true;
}

bool read_count(Scanner& s, std::optional<std::int64_t>& out) {
    if (s.null()) {
        out.reset();
        return true;
    }
    double d = 0;
    if (!s.number(d)) return false;
    if (d != std::floor(d)) s.shape.whole_counts = false;
    return round_count(d, out);
}

bool read_text(Scanner& s, std::string& out) {
    if (s.null()) {
        out.clear();
        return true;
    }
    std::string_view text;
    if (!s.string(text)) return false;
    out.assign(text.data(), text.size());
    return true;
}

bool read_named(Scanner& s, NamedText& out, std::span<const std::string_view> names) {
    if (s.null()) {
        out.clear();
        return true;
    }
    std::string_view text;
    if (!s.string(text)) return false;
    out.assign(text, names);
    return true;
}

bool read_stamp(Scanner& s, std::optional<Stamp>& out) {
    if (s.null()) {
        out.reset();
        return true;
    }
    std::string_view text;
    if (!s.string(text)) return false;
    out = read_time(text, s.memo);
    return out.has_value();  // an unreadable time: simdjson's path words the error
}

// A field of the table (an amendment's `set` holds only those it may
// correct); false to decline.
bool read_field(Key key, Scanner& s, Entry& e, std::uint32_t& mask, bool in_set) {
    const auto index = static_cast<std::size_t>(key);
    if (index < first_field) return false;  // unknown here: simdjson's path skips it whatever it holds
    const FieldSpec& field = fields[index - first_field];
    if (in_set && !field.amendable()) return false;
    mask |= field.amend_bit;
    switch (field.kind) {
        case FieldKind::volume: return read_number(s, e.*field.volume);
        case FieldKind::seconds: return read_count(s, e.*field.seconds);
        case FieldKind::text: return read_text(s, e.*field.text);
        case FieldKind::named: return read_named(s, field.named(e), field.names);
        case FieldKind::time: return read_stamp(s, e.*field.time);
    }
    return false;
}

bool read_set(Scanner& s, Entry& e) {
    if (!s.eat('{')) return false;
    if (s.eat('}')) return true;
    do {
        std::string_view name;
        if (!s.string(name) || !s.eat(':')) return false;
        const Key key = key_of(name);
        // A key written twice: declined (simdjson's path calls the line bad).
        const auto index = static_cast<std::size_t>(key);
        if (key == Key::at ? (e.set_fields & field_at) != 0
                           : index >= first_field && (e.set_fields & fields[index - first_field].amend_bit) != 0)
            return false;
        if (key == Key::at) {
            std::string_view text;
            if (!s.string(text)) return false;
            const auto stamp = read_time(text, s.memo);
            if (!stamp) return false;
            e.set_at = *stamp;
            e.set_at_text.assign(text.data(), text.size());
            e.set_fields |= field_at;
        } else if (!read_field(key, s, e, e.set_fields, true)) {
            return false;
        }
    } while (s.eat(','));
    return s.eat('}');
}

}  // namespace

bool parse_canonical_line(const char* data, std::size_t size, Entry& e) {
    CanonicalMemo memo;
    return parse_canonical_line(data, size, e, memo);
}

bool parse_canonical_line(const char* data, std::size_t size, Entry& e, CanonicalMemo& memo, bool raw,
                          CanonicalShape* shape, PassOver pass_over) {
    e.clear();
    Scanner s(data, size, memo);
    if (!s.eat('{')) return false;
    bool has_v = false, has_id = false, has_type = false, has_at = false;
    std::uint32_t own_mask = 0;
    if (!s.next_is('}')) {
        do {
            Key key = Key::other;
            if (!s.key(key)) return false;
            std::string_view text;
            const std::uint32_t bit = std::uint32_t{1} << static_cast<unsigned>(key);
            if (s.shape.keys & bit) return false;  // a key written twice: simdjson's path decides
            s.shape.keys |= bit;
            switch (key) {
                case Key::v:
                    if (!s.version()) return false;
                    has_v = true;
                    break;
                case Key::id:
                    if (!s.string(text) || text.empty()) return false;
                    e.id.assign(text.data(), text.size());
                    has_id = true;
                    break;
                case Key::type:
                    if (!s.string(text) || text.empty()) return false;
                    e.type = type_of(text);
                    // A line passed over keeps no text (it ends header-only once its header is read).
                    if ((pass_over.types & type_bit(e.type)) == 0) e.type_text.assign(text.data(), text.size());
                    has_type = true;
                    break;
                case Key::at: {
                    if (!s.string(text)) return false;
                    const auto stamp = read_time(text, s.memo);
                    if (!stamp) return false;
                    e.at = *stamp;
                    if (!has_type || !pass_over.passes(e.type, e.at.instant)) e.at_text.assign(text.data(), text.size());
                    has_at = true;
                    break;
                }
                case Key::set:
                    if (!read_set(s, e)) return false;
                    break;
                default:
                    if (!read_field(key, s, e, own_mask, false)) return false;
            }
            if (pass_over.any() && has_v && has_id && has_type && has_at && pass_over.passes(e.type, e.at.instant)) {
                // A type the reader passes over: its header is all it needs.
                e.header_only = true;
                if (raw) e.raw.assign(data, size);
                return true;
            }
        } while (s.eat(','));
    }
    if (!s.eat('}') || !s.at_end()) return false;
    if (!has_v || !has_id || !has_type || !has_at) return false;
    if (raw) e.raw.assign(data, size);
    if (shape) *shape = s.shape;
    return true;
}

std::uint32_t canonical_key_bit(std::string_view key) {
    const Key k = key_of_padded(key);
    return k == Key::other ? 0 : std::uint32_t{1} << static_cast<unsigned>(k);
}

}  // namespace pumplog
