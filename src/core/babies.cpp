#include "pumplog/babies.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"
#include "replay.hpp"

namespace pumplog {

namespace {

// The bytes of the Unicode space character `text` starts (or, `back`, ends) with; 0 for none (unicode_space_at).
std::size_t unicode_space(std::string_view text, bool back) {
    if (!back) return unicode_space_at(text, 0);
    for (const std::size_t n : {std::size_t{2}, std::size_t{3}})
        if (text.size() >= n && unicode_space_at(text, text.size() - n) == n) return n;
    return 0;
}

// How a name is written, character by character ("U+0041 U+0064 U+0061 U+200B"; a byte that is not UTF-8 as
// 0xHH): what tells two names apart that are shown alike.
std::string code_points(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        bool whole = n > 0 && i + n <= name.size();
        for (std::size_t k = 1; whole && k < n; ++k) whole = (static_cast<unsigned char>(name[i + k]) & 0xC0u) == 0x80u;
        if (!out.empty()) out += ' ';
        if (!whole) {
            out += fmt::format("0x{:02X}", c);
            ++i;
            continue;
        }
        std::uint32_t cp = n == 1 ? c : c & (0xFFu >> (n + 1));
        for (std::size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(name[i + k]) & 0x3Fu);
        out += fmt::format("U+{:04X}", cp);
        i += n;
    }
    return out;
}

}  // namespace

std::string_view trim_name(std::string_view name) {
    name = trim(name);
    // ASCII ends (the usual case): done.
    while (!name.empty() && (static_cast<unsigned char>(name.front()) >= 0x80 ||
                             static_cast<unsigned char>(name.back()) >= 0x80)) {
        const std::size_t front = unicode_space(name, false);
        name.remove_prefix(front);
        const std::size_t back = unicode_space(name, true);
        name.remove_suffix(back);
        if (front == 0 && back == 0) break;
        name = trim(name);
    }
    return name;
}

std::vector<std::string> parse_babies(std::string_view text) {
    std::vector<std::string> out;
    const std::string_view all = trim_name(text);
    if (all.empty() || lower(all) == "none") return out;
    // "Ada; Ben" is two babies typed with the wrong separator, not one named "Ada; Ben".
    if (all.find(';') != std::string_view::npos)
        throw usage_error(fmt::format("\"{}\" holds a ';'; separate the names with commas: \"Ada, Ben\"",
                                      printable(all)));
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t comma = all.find(',', start);
        const std::string_view part = all.substr(start, comma == std::string_view::npos ? all.npos : comma - start);
        // Config keeps "Mary" U+00A0 "Ann" as "Mary Ann", which is how it is shown and typed.
        const std::string name = plain_spaces(trim_name(part));
        if (name.empty()) {
            const char* where = start == 0                        ? "before the first comma"
                                : comma == std::string_view::npos ? "after the last comma"
                                                                  : "between two commas";
            throw usage_error(fmt::format("a baby's name is empty ({}); write the names as \"Ada, Ben\"", where));
        }
        if (name.size() > most_baby_name_bytes)
            throw usage_error(fmt::format("\"{}\" is {} bytes long, over the {} a name may have; a first name is enough",
                                          printable(name), name.size(), most_baby_name_bytes));
        for (const char c : name)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                throw usage_error(fmt::format("\"{}\" holds a control character", printable(name)));
        if (valid_utf8(name) != name) throw usage_error(fmt::format("\"{}\" is not valid UTF-8", printable(name)));
        if (const char32_t cp = invisible_character(name))
            throw usage_error(fmt::format("\"{}\" holds an invisible character (U+{:04X}), so it would look like "
                                          "another name; write the name without it",
                                          printable(name), static_cast<std::uint32_t>(cp)));
        // A C1 or bidi control (U+202E turns "Ada" around on a screen): what a terminal would obey, refused too.
        if (terminal_text(name) != name)
            throw usage_error(fmt::format("\"{}\" holds a control character", printable(name)));
        // Quotes are the shell's, not the name's: kept, "Ada" would never match --baby Ada.
        if (name.find('"') != std::string::npos)
            throw usage_error(fmt::format(
                "a baby's name holds a double quote ({}); write the names without quotes: Ada, Ben", printable(name)));
        if (lower(name) == "none") throw usage_error("\"none\" cannot be a baby's name");
        for (const auto& known : out)
            if (same_baby(known, name)) {
                if (known == name) throw usage_error(fmt::format("\"{}\" is named twice", printable(name)));
                // Zoë with U+00EB and Zoë with e + U+0308: one name to the eye, told apart by how.
                if (canonical_decomposition(known) == canonical_decomposition(name))
                    throw usage_error(fmt::format("\"{}\" is named twice (its accents written two ways, as one "
                                                  "character and as a letter and a combining mark)",
                                                  printable(name)));
                throw usage_error(fmt::format("\"{}\" and \"{}\" are one name (names compare without case): "
                                              "name each baby once",
                                              printable(known), printable(name)));
            }
        out.push_back(name);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string format_babies(const std::vector<std::string>& babies) {
    if (babies.empty()) return "none";
    std::string out;
    for (const auto& b : babies) out += (out.empty() ? "" : ", ") + b;
    return out;
}

std::vector<std::string> KnownBabies::all() const {
    std::vector<std::string> out = configured;
    out.insert(out.end(), journal.begin(), journal.end());
    return out;
}

// Spaces around, case and how accents are encoded ignored, without a copy for ASCII names: it is asked for
// every feed a report or plan reads.
bool same_baby(std::string_view a, std::string_view b) {
    a = trim_name(a);
    b = trim_name(b);
    // ASCII names (the usual case) without a copy; others decomposed and folded (name_key: Zoë with U+00EB,
    // with e + U+0308, ZOË), unless written alike.
    const auto ascii = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    };
    if (!ascii(a) || !ascii(b)) return a == b || name_key(a) == name_key(b);
    // "Mary  Ann" typed with two spaces is Mary Ann (a run of spaces is one): then by name_key.
    const auto spaced = [](std::string_view s) { return s.find("  ") != std::string_view::npos; };
    if (a.size() != b.size()) return (spaced(a) || spaced(b)) && name_key(a) == name_key(b);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (x != y && !((x ^ y) == 0x20 && (x | 0x20) >= 'a' && (x | 0x20) <= 'z'))
            return (spaced(a) || spaced(b)) && name_key(a) == name_key(b);
    }
    return true;
}

std::string resolve_known_baby(const KnownBabies& known, std::string_view given) {
    const std::string_view name = trim_name(given);
    if (name.empty()) {
        if (known.size() < 2) return "";
    {
        // Each name as a shell word: a parent copies the command (a name may hold $(...) or quotes).
        std::vector<std::string> words;
        for (const auto& b : known.all()) words.push_back(terminal_text(shell_quote(b)));
        throw usage_error(fmt::format("whose feed is it? give --baby {}", and_list(words, "or")));
    }
    }
    for (const auto& b : known.configured)
        if (same_baby(b, name)) return b;
    for (const auto& b : known.journal)
        if (same_baby(b, name)) return b;
    if (known.size() == 0)
        throw usage_error(fmt::format("no babies are named yet, so --baby {} names none; name them first: "
                                      "pumplog config set babies {}",
                                      terminal_text(shell_quote(name)),
                                      terminal_text(shell_quote(std::string(name) + ", ..."))));
    // A name shown as the refused one is, but written otherwise ("Ada\u200b" typed out, and Ada + U+200B), is
    // listed by its characters: the refusal never lists, to the eye, the very name it refuses.
    const std::string shown = lower(printable(name));
    bool lookalike = false;
    const auto listed = [&](const std::vector<std::string>& babies) {
        std::vector<std::string> names;
        for (const auto& b : babies) {
            const bool alike = lower(printable(b)) == shown;
            lookalike = lookalike || alike;
            names.push_back(alike ? "the name written " + code_points(trim_name(b)) : printable(b));
        }
        return and_list(names);
    };
    std::vector<std::string> lists;
    if (!known.configured.empty()) lists.push_back(listed(known.configured) + " (config babies)");
    if (!known.journal.empty()) lists.push_back(listed(known.journal) + " (named on the journal's feeds)");
    throw usage_error(fmt::format("\"{}\"{} is not one of the babies; {} {}", printable(name),
                                  lookalike ? " (written " + code_points(name) + ")" : "",
                                  known.size() == 1 ? "the only one is" : "they are", and_list(lists)));
}

std::string resolve_baby(const std::vector<std::string>& babies, std::string_view given) {
    return resolve_known_baby(KnownBabies{babies, {}}, given);
}

bool is_feed_of(const Entry& e, std::string_view baby) {
    return e.type == EntryType::feed && (baby.empty() || same_baby(e.baby, baby));
}

bool unnamed_feeds_are(std::string_view baby, const std::vector<std::string>& configured,
                       const std::vector<std::string>& named) {
    if (trim_name(baby).empty() || configured.size() >= 2) return false;
    const auto is_baby = [&](const std::string& b) { return same_baby(b, baby); };
    return std::all_of(configured.begin(), configured.end(), is_baby) &&
           std::all_of(named.begin(), named.end(), is_baby);
}

std::vector<std::string> babies_in(const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    for (const Entry& e : entries) {
        const std::string_view name = baby_of(e);
        if (e.type != EntryType::feed || name.empty()) continue;
        bool known = false;
        for (const auto& b : out) known = known || same_baby(b, name);
        if (!known) out.emplace_back(name);
    }
    return out;
}

std::vector<std::string> babies_named_in(const Journal& journal, bool strict, std::optional<Seconds> since,
                                         ReadStats* stats) {
    struct Named {
        std::vector<std::string> names;
        std::vector<Seconds> first;  // each name's earliest feed
    };
    ReplayOptions options;
    options.since = since;
    options.strict = strict;
    options.raw = false;
    options.types = type_bit(EntryType::feed);
    auto folded = replay_fold(
        journal, options, [] { return std::make_unique<Named>(); },
        [&](Named& named, const Replayed& r) {
            const Entry& e = r.entry;
            const std::string_view name = baby_of(e);
            if (r.voided || e.type != EntryType::feed || name.empty() || (since && e.at.instant < *since)) return;
            for (std::size_t i = 0; i < named.names.size(); ++i)
                if (same_baby(named.names[i], name)) {
                    // Newest written first: an earlier feed's spelling is the one first written.
                    if (e.at.instant <= named.first[i]) {
                        named.names[i] = std::string(name);
                        named.first[i] = e.at.instant;
                    }
                    return;
                }
            named.names.emplace_back(name);
            named.first.push_back(e.at.instant);
        });
    if (stats) *stats = std::move(folded.stats);
    Named& named = *folded.state;
    std::vector<std::size_t> order(named.names.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return named.first[a] < named.first[b]; });
    std::vector<std::string> out;
    for (const std::size_t i : order) out.push_back(std::move(named.names[i]));
    return out;
}

std::vector<std::string> with_babies(std::vector<std::string> names, const std::vector<std::string>& more) {
    for (const auto& name : more)
        if (std::none_of(names.begin(), names.end(), [&](const std::string& b) { return same_baby(b, name); }))
            names.push_back(name);
    return names;
}

}  // namespace pumplog
