#include "pumplog/babies.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

std::vector<std::string> parse_babies(std::string_view text) {
    std::vector<std::string> out;
    const std::string_view all = trim(text);
    if (all.empty() || lower(all) == "none") return out;
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t comma = all.find(',', start);
        const std::string_view part = all.substr(start, comma == std::string_view::npos ? all.npos : comma - start);
        const std::string name(trim(part));
        if (name.empty()) throw usage_error("a baby's name is empty; write the names as \"Ada, Ben\"");
        if (name.size() > most_baby_name_bytes)
            throw usage_error(fmt::format("\"{}\" is longer than {} bytes; a first name is enough",
                                          printable(name), most_baby_name_bytes));
        for (const char c : name)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                throw usage_error(fmt::format("\"{}\" holds a control character", printable(name)));
        if (valid_utf8(name) != name) throw usage_error(fmt::format("\"{}\" is not valid UTF-8", printable(name)));
        // Quotes are the shell's, not the name's: kept, "Ada" would never match --baby Ada.
        if (name.find('"') != std::string::npos)
            throw usage_error(fmt::format(
                "a baby's name holds a double quote ({}); write the names without quotes: Ada, Ben", printable(name)));
        if (lower(name) == "none") throw usage_error("\"none\" cannot be a baby's name");
        for (const auto& known : out)
            if (same_baby(known, name)) throw usage_error(fmt::format("\"{}\" is named twice", printable(name)));
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

// ASCII case ignored, without a copy: it is asked for every feed a report or plan reads.
bool same_baby(std::string_view a, std::string_view b) {
    // ASCII names (the usual case) without a copy; others folded (Zoë, ZOË).
    const auto ascii = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    };
    if (!ascii(a) || !ascii(b)) return fold_case(a) == fold_case(b);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (x != y && !((x ^ y) == 0x20 && (x | 0x20) >= 'a' && (x | 0x20) <= 'z')) return false;
    }
    return true;
}

std::string resolve_baby(const std::vector<std::string>& babies, std::string_view given) {
    const std::string_view name = trim(given);
    if (name.empty()) {
        if (babies.size() < 2) return "";
        throw usage_error(fmt::format("whose feed is it? give --baby {}", and_list(babies, "or")));
    }
    for (const auto& b : babies)
        if (same_baby(b, name)) return b;
    if (babies.empty())
        throw usage_error(fmt::format("no babies are named yet, so --baby \"{}\" names none; name them first: "
                                      "pumplog config set babies \"{}, ...\"",
                                      printable(name), printable(name)));
    throw usage_error(fmt::format("\"{}\" is not one of the babies; they are {} (config babies)", printable(name),
                                  and_list(babies)));
}

bool is_feed_of(const Entry& e, std::string_view baby) {
    return e.type == EntryType::feed && (baby.empty() || same_baby(e.baby, baby));
}

std::vector<std::string> babies_in(const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    for (const Entry& e : entries) {
        if (e.type != EntryType::feed || e.baby.empty()) continue;
        bool known = false;
        for (const auto& b : out) known = known || same_baby(b, e.baby);
        if (!known) out.push_back(e.baby);
    }
    return out;
}

}  // namespace pumplog
