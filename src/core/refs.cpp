// Short references (SPEC 3): the shortest id endings, 4 characters at least,
// that tell every id of the journal apart. Two ids need one more character
// than the ending they share, and in the order of the reversed ids neighbours
// share the most; so the ids are held as 16-byte keys that sort that way, not
// as strings (a `log` of today reads every id of years of journal).
// A ref is made of the id as `log` shows it (terminal_text: a bidi or an
// invisible character as \u202e), so a ref is always what can be typed back.
#include <algorithm>
#include <array>
#include <utility>
#include <bit>
#include <cstdint>
#include <cstring>

#include "pumplog/id_hash.hpp"
#include "pumplog/record.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

// std::tolower in the C locale, which pumplog runs in (lower() uses it).
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether bytes are printable ASCII, which terminal_text shows as they are: an id's ending made of them is its
// shown form's ending too.
bool plain(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// The id as `log` shows it and as refs are made of (terminal_text): itself for an id of printable ASCII, a
// ULID's; "y\u202e" for y and U+202E, which no one can type.
std::string shown(std::string_view id) { return plain(id) ? std::string(id) : terminal_text(id); }

// The id's last n bytes, and the rest of a UTF-8 character they would cut in
// two (a longer ending of an id still tells it apart, and still names it), in
// lower case.
std::string suffix(std::string_view id, std::size_t n) {
    std::size_t start = id.size() <= n ? 0 : id.size() - n;
    while (start > 0 && (static_cast<unsigned char>(id[start]) & 0xC0u) == 0x80u) --start;
    return lower(id.substr(start));
}

// An id's last 11 characters, lower case, last first, 9 bits each (the byte
// plus one; 0 past the id's start), so that keys sort as the reversed ids do;
// then 28 bits of the id's hash (IdHash), to tell two ids ending alike from
// one id written twice.
// `head`: characters 1 to 7 from the end; `rest`: characters 8 to 11, then the hash.
using IdKey = RefKey;
constexpr std::size_t key_chars = 11;
constexpr int slot_bits = 9;
constexpr int hash_bits = 28;
constexpr std::uint64_t hash_mask = (std::uint64_t{1} << hash_bits) - 1;

[[gnu::always_inline]] inline IdKey key_of(std::string_view text, std::size_t hash) {
    const std::size_t n = text.size();
    const auto slot = [&](std::size_t i) -> std::uint64_t {
        if (i >= n) return 0;
        const unsigned c = static_cast<unsigned char>(text[n - 1 - i]);
        return (c | (c - 'A' < 26u ? 0x20u : 0u)) + 1u;  // ascii_lower, without a branch
    };
    std::uint64_t head = 0, rest = 0;
    for (std::size_t i = 0; i < 7; ++i) head = head << slot_bits | slot(i);
    for (std::size_t i = 7; i < key_chars; ++i) rest = rest << slot_bits | slot(i);
    return {head, rest << hash_bits | (static_cast<std::uint64_t>(hash) & hash_mask)};
}

// Whether 8 bytes are all printable ASCII (0x20 to 0x7e), a word at a time: none under 0x20, none 0x7f, none
// from 0x80.
[[gnu::always_inline]] inline bool plain_word(std::uint64_t x) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const std::uint64_t del = x ^ (ones * 0x7f);
    return (((x - ones * 0x20) | (del - ones) | x) & highs) == 0;
}

// Whether the id's last 11 bytes (a key's) are printable ASCII: plain(), at a ULID's cost of two words.
bool plain_ending(std::string_view id) {
    if (id.size() < 11) return plain(id);
    std::uint64_t last = 0, before = 0;
    std::memcpy(&last, id.data() + id.size() - 8, 8);
    std::memcpy(&before, id.data() + id.size() - 11, 8);
    return plain_word(last) && plain_word(before);
}

// The key of the id as shown (an ending of printable ASCII is the id's own), with the id's hash.
IdKey key_of(std::string_view id) {
    const std::size_t hash = IdHash{}(id);
    return plain_ending(id) ? key_of(id, hash) : key_of(shown(id), hash);
}

IdKey ending(IdKey key) {
    key.rest &= ~hash_mask;
    return key;
}

// The characters two keys' ids share at their end, up to 11.
std::size_t shared_chars(const IdKey& a, const IdKey& b) {
    if (a.head != b.head) return static_cast<std::size_t>(std::countl_zero(a.head ^ b.head) - 1) / slot_bits;
    const std::uint64_t x = (a.rest ^ b.rest) >> hash_bits;
    if (x != 0) return 7 + static_cast<std::size_t>(std::countl_zero(x) - (64 - 4 * slot_bits)) / slot_bits;
    return key_chars;
}

// The key's i-th character from the end (the byte plus one), 0 past the id's start.
std::uint64_t slot(const IdKey& key, std::size_t i) {
    constexpr std::uint64_t mask = (std::uint64_t{1} << slot_bits) - 1;
    if (i < 7) return (key.head >> (slot_bits * (6 - i))) & mask;
    return (key.rest >> (hash_bits + slot_bits * (10 - i))) & mask;
}

// How many characters of the id the key holds (all 11 of a longer id).
std::size_t key_length(const IdKey& key) {
    std::size_t n = 0;
    while (n < key_chars && slot(key, n) != 0) ++n;
    return n;
}

// The id, lower case, of a key that holds all of it (key_length under 11).
std::string id_of(const IdKey& key) {
    const std::size_t n = key_length(key);
    std::string id(n, '\0');
    for (std::size_t i = 0; i < n; ++i) id[n - 1 - i] = static_cast<char>(slot(key, i) - 1);
    return id;
}

// Two ids the same but for case ("ABCD", "abcd") need no longer refs than the
// others: their refs are their whole ids as written, which no other id's ref
// can be (pumplog-log(1)). So they are kept aside, not counted in the length.
struct Length {
    std::size_t length = 4;
    std::vector<std::string> twins;  // ids (lower case) that others repeat but for case
    std::vector<IdKey> tied;  // endings (sorted) that distinct ids share over all 11 characters
};

// The refs' length from the keys (sorted here). Ids sharing 11 characters or
// more are left to exact_length, with the ids themselves.
// Sorts keys: by `head` in six radix passes (a comparison sort of 100,000
// keys showed in `log`'s profile), then runs of equal heads by the rest.
void sort_keys(std::vector<IdKey>& keys) {
    constexpr int passes = 6, digit_bits = 11;  // 66 bits: the head's 63
    constexpr std::uint64_t digit_mask = (std::uint64_t{1} << digit_bits) - 1;
    std::vector<IdKey> other(keys.size());
    std::vector<std::array<std::uint32_t, 1u << digit_bits>> counts(passes);
    for (auto& c : counts) c.fill(0);
    for (const IdKey& k : keys)
        for (int d = 0; d < passes; ++d) ++counts[d][(k.head >> (digit_bits * d)) & digit_mask];
    for (int d = 0; d < passes; ++d) {
        const std::uint64_t first = keys.empty() ? 0 : (keys[0].head >> (digit_bits * d)) & digit_mask;
        if (counts[d][first] == keys.size()) continue;  // one digit for all
        std::uint32_t start = 0;
        for (auto& c : counts[d]) start += std::exchange(c, start);
        for (const IdKey& k : keys) other[counts[d][(k.head >> (digit_bits * d)) & digit_mask]++] = k;
        keys.swap(other);
    }
    for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i + 1;
        while (j < keys.size() && keys[j].head == keys[i].head) ++j;
        if (j - i > 1) std::sort(keys.begin() + static_cast<std::ptrdiff_t>(i), keys.begin() + static_cast<std::ptrdiff_t>(j));
        i = j;
    }
}

Length length_of(std::vector<IdKey>& keys) {
    Length out;
    sort_keys(keys);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());  // one id written twice
    for (std::size_t i = 1; i < keys.size(); ++i) {
        const std::size_t shared = shared_chars(keys[i - 1], keys[i]);
        if (shared < key_chars) {
            out.length = std::max(out.length, shared + 1);
        } else if (key_length(keys[i]) < key_chars) {
            out.twins.push_back(id_of(keys[i]));  // the same short id but for case
        } else if (out.tied.empty() || out.tied.back() != ending(keys[i])) {
            out.tied.push_back(ending(keys[i]));
        }
    }
    return out;
}

bool is_tied(const Length& length, std::string_view id) {
    return std::binary_search(length.tied.begin(), length.tied.end(), ending(key_of(id)));
}

// The length from the ids themselves; ids the same but for case go to `twins` (lower case).
std::size_t exact_length(std::vector<std::string> ids, std::vector<std::string>& twins) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<std::string> reversed;
    reversed.reserve(ids.size());
    for (const auto& id : ids) {
        const std::string text = shown(id);
        reversed.emplace_back(lower(std::string(text.rbegin(), text.rend())));
    }
    std::sort(reversed.begin(), reversed.end());
    std::size_t length = 4;
    for (std::size_t i = 1; i < reversed.size(); ++i) {
        const std::string& a = reversed[i - 1];
        const std::string& b = reversed[i];
        std::size_t shared = 0;
        while (shared < a.size() && shared < b.size() && a[shared] == b[shared]) ++shared;
        if (shared == a.size() && shared == b.size()) twins.emplace_back(a.rbegin(), a.rend());
        else length = std::max(length, shared + 1);
    }
    return length;
}

// Whether `r` (a ref trimmed, lower case) is the whole `text` in any case, or an ending of it of 4 characters or
// more.
bool ends_in(std::string_view r, std::string_view text) {
    if (text.size() < r.size() || (r.size() < 4 && text.size() != r.size())) return false;
    const std::string_view end = text.substr(text.size() - r.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        if (ascii_lower(end[i]) != r[i]) return false;
    return true;
}

// Whether `ref` may name `id` (Refs::resolve's rule: the id itself; the id as shown, whole in any case or an
// ending of 4 characters or more); `r` is ref trimmed, lower case.
bool names(std::string_view ref, std::string_view r, std::string_view id) {
    if (id == ref) return true;
    if (!plain(id.substr(id.size() > r.size() ? id.size() - r.size() : 0))) return ends_in(r, shown(id));
    return ends_in(r, id);
}

}  // namespace

Refs::Refs(const std::vector<std::string>& all_ids) : ids_(all_ids) {
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
    std::vector<IdKey> keys;
    keys.reserve(ids_.size());
    for (const auto& id : ids_) keys.push_back(key_of(id));
    Length length = length_of(keys);
    length_ = length.length;
    if (!length.tied.empty()) {
        std::vector<std::string> tied;
        for (const auto& id : ids_)
            if (is_tied(length, id)) tied.push_back(id);
        length_ = std::max(length_, exact_length(std::move(tied), length.twins));
    }
    set_twins(std::move(length.twins));
    if (!twins_.empty()) set_shown_alike(ids_);
}

void Refs::set_twins(std::vector<std::string> twins) {
    std::sort(twins.begin(), twins.end());
    twins.erase(std::unique(twins.begin(), twins.end()), twins.end());
    twins_ = std::move(twins);
}

// Ids shown alike (a twin: "\u200b" typed out, U+200B shown \u200b, "\U200B"): an id of printable ASCII keeps
// its whole text as its ref, which names it before all else (resolve); one that is shown otherwise than written,
// which no one can type, gets its shown text (lower case) with '#' and its place among those ids in byte order
// ("\u200b#2"), or the next number that is no other id and no other id's ref.
void Refs::set_shown_alike(const std::vector<std::string>& ids) {
    std::vector<std::pair<std::string, std::string>> alike;  // (lower case shown text, id)
    for (const auto& id : ids)
        if (std::string text = lower(shown(id)); std::binary_search(twins_.begin(), twins_.end(), text))
            alike.emplace_back(std::move(text), id);
    std::sort(alike.begin(), alike.end());
    std::vector<std::pair<std::string, std::string>> found;
    // Whether `candidate` (lower case) is an id, or the ref of an id other than those given one here.
    const auto taken = [&](const std::string& candidate) {
        for (const auto& id : ids)
            if (lower(id) == candidate) return true;
        for (const auto& [other, other_ref] : found)
            if (other_ref == candidate) return true;
        for (const auto& id : ids)
            if (std::none_of(alike.begin(), alike.end(), [&](const auto& a) { return a.second == id && !plain(id); }) &&
                lower(ref(id)) == candidate)
                return true;
        return false;
    };
    for (std::size_t i = 0; i < alike.size();) {
        std::size_t j = i;
        while (j < alike.size() && alike[j].first == alike[i].first) ++j;
        for (std::size_t k = i; k < j; ++k) {
            const std::string& id = alike[k].second;
            if (plain(id)) continue;
            const std::string& text = alike[k].first;
            std::size_t place = k - i + 1;
            while (taken(text + "#" + std::to_string(place))) ++place;
            found.emplace_back(id, text + "#" + std::to_string(place));
        }
        i = j;
    }
    std::sort(found.begin(), found.end());
    shown_alike_ = std::move(found);
}

RefsCollector::RefsCollector(const std::vector<std::string>& wanted) {
    for (const auto& ref : wanted) wanted_.emplace_back(ref, lower(trim(ref)));
}

bool RefsCollector::add(std::string_view id) {
    keys_.push_back(key_of(id));
    if (wanted_.empty() || !wanted(id)) return false;
    named_.emplace_back(id);
    return true;
}

bool RefsCollector::wanted(std::string_view id) const {
    for (const auto& [ref, r] : wanted_)
        if (names(ref, r, id)) return true;
    return false;
}

bool RefsCollector::once(std::string_view id) const {
    // Lines that carry one id have one key: a single key alike settles it.
    const IdKey key = key_of(id);
    return std::count(keys_.begin(), keys_.end(), key) <= 1;
}

Refs Refs::read(const Journal& journal, const std::vector<std::string>& wanted) {
    RefsCollector collector(wanted);
    journal.read_backward([&](const Entry& e) {
        collector.add(e.id);
        return true;
    }, false, false, all_types);  // ids are all it needs: each line's header
    return std::move(collector).finish(journal);
}

Refs RefsCollector::finish(const Journal& journal, const std::vector<std::string>& also) && {
    Refs refs;
    for (const auto& id : also) add(id);
    refs.ids_ = std::move(named_);
    Length length = length_of(keys_);
    keys_ = std::vector<IdKey>{};
    refs.length_ = length.length;
    if (!length.tied.empty()) {
        // Ids sharing 11 characters or more (not ULIDs, which end in 80 random
        // bits): read them again, as strings.
        std::vector<std::string> tied;
        journal.read_backward([&](const Entry& e) {
            if (is_tied(length, e.id)) tied.push_back(e.id);
            return true;
        }, false, false, all_types);
        for (const auto& id : also)
            if (is_tied(length, id)) tied.push_back(id);
        refs.length_ = std::max(refs.length_, exact_length(std::move(tied), length.twins));
    }
    refs.set_twins(std::move(length.twins));
    if (!refs.twins_.empty()) {
        // Ids that may be shown alike (not ULIDs): every id, read again, for refs of their own.
        std::vector<std::string> every = all_ids(journal);
        every.insert(every.end(), also.begin(), also.end());
        std::vector<std::string> ids = every;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        refs.set_shown_alike(ids);
        for (const auto& alike : refs.shown_alike_) {
            const std::string& id = alike.first;
            const auto wanted = [&](const auto& w) { return w.second == alike.second; };
            if (std::any_of(wanted_.begin(), wanted_.end(), wanted) &&
                std::find(refs.ids_.begin(), refs.ids_.end(), id) == refs.ids_.end())
                for (const auto& line_id : every)
                    if (line_id == id) refs.ids_.push_back(id);  // once a line, as lines_with counts
        }
    }
    std::sort(refs.ids_.begin(), refs.ids_.end());
    for (std::size_t i = 1; i < refs.ids_.size(); ++i)
        if (refs.ids_[i] == refs.ids_[i - 1]) refs.repeated_.push_back(refs.ids_[i]);
    refs.ids_.erase(std::unique(refs.ids_.begin(), refs.ids_.end()), refs.ids_.end());
    return refs;
}

std::size_t Refs::lines_with(std::string_view id) const {
    if (!std::binary_search(ids_.begin(), ids_.end(), id)) return 0;
    return 1 + static_cast<std::size_t>(std::count(repeated_.begin(), repeated_.end(), id));
}

std::string Refs::ref(std::string_view id) const {
    if (!shown_alike_.empty()) {
        const auto at = std::lower_bound(shown_alike_.begin(), shown_alike_.end(), id,
                                         [](const auto& pair, std::string_view key) { return pair.first < key; });
        if (at != shown_alike_.end() && at->first == id) return at->second;
    }
    // A whole id keeps its case only when another id differs from it in case alone
    // (lower case would show the two alike); every other ref is lower case.
    if (!twins_.empty()) {
        std::string text = shown(id);
        if (std::binary_search(twins_.begin(), twins_.end(), lower(text))) return text;
    }
    std::string ref = suffix(id, length_);
    return plain(ref) ? ref : suffix(shown(id), length_);
}

std::vector<std::string> Refs::resolve(std::string_view ref) const {
    std::vector<std::string> found;
    const std::string r = lower(trim(ref));
    for (const auto& id : ids_)
        if (id == ref) return {id};
    for (const auto& [id, shown_ref] : shown_alike_)  // "\u200b#2": an id shown as another is
        if (shown_ref == r) return {id};
    // A whole id in any case ("p1", as `log` shows the id P1) names that id,
    // not the longer ids that end in it ("xp1"): their refs are longer.
    // Both as the ids are shown: a ref is made of that ("y\u202e" names y and U+202E).
    for (const auto& id : ids_)
        if (const std::string text = shown(id); text.size() == r.size() && lower(text) == r) found.push_back(id);
    if (!found.empty() || r.size() < 4) return found;
    for (const auto& id : ids_)
        if (const std::string text = shown(id);
            text.size() >= r.size() && lower(std::string_view(text).substr(text.size() - r.size())) == r)
            found.push_back(id);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace pumplog
