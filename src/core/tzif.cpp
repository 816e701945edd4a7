#include "tzif.hpp"

#include <cstdint>

namespace pumplog::tzif {

namespace {

// The bytes still to read, big-endian numbers taken from the front.
class Reader {
public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}

    bool has(std::uint64_t n) const { return n <= rest_.size(); }
    bool skip(std::uint64_t n) {
        if (!has(n)) return false;
        rest_.remove_prefix(static_cast<std::size_t>(n));
        return true;
    }
    std::string_view take(std::size_t n) {
        const std::string_view front = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return front;
    }
    std::uint64_t number(std::size_t size) {  // caller checked has(size)
        std::uint64_t n = 0;
        for (const char c : take(size)) n = (n << 8) | static_cast<unsigned char>(c);
        return n;
    }
    std::int64_t signed_number(std::size_t size) {
        const std::uint64_t n = number(size);
        const unsigned bits = static_cast<unsigned>(size * 8);
        if (bits < 64 && (n >> (bits - 1)) != 0) return static_cast<std::int64_t>(n) - (std::int64_t{1} << bits);
        return static_cast<std::int64_t>(n);
    }

private:
    std::string_view rest_;
};

// RFC 8536 section 3.1: magic, version, 15 reserved bytes, six counts.
struct Header {
    char version = 0;
    std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    // The size of the data block that follows, with `time_size`-byte times.
    std::uint64_t block_size(std::uint64_t time_size) const {
        return std::uint64_t{timecnt} * (time_size + 1) + std::uint64_t{typecnt} * 6 + charcnt +
               std::uint64_t{leapcnt} * (time_size + 4) + isstdcnt + isutcnt;
    }
};

std::optional<Header> read_header(Reader& in) {
    if (!in.has(44) || in.take(4) != magic) return std::nullopt;
    Header h;
    h.version = in.take(1).front();
    in.skip(15);
    for (std::uint32_t* count : {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt})
        *count = static_cast<std::uint32_t>(in.number(4));
    return h;
}

std::optional<Data> read_block(Reader& in, const Header& h, std::size_t time_size) {
    if (!in.has(h.block_size(time_size)) || h.typecnt == 0 || h.leapcnt != 0) return std::nullopt;
    Data data;
    data.transitions.resize(h.timecnt);
    for (Transition& t : data.transitions) {
        t.at = date::sys_seconds(std::chrono::seconds(in.signed_number(time_size)));
        // RFC 8536 3.2: strictly ascending (date's lookups binary-search them).
        if (&t != &data.transitions.front() && !((&t - 1)->at < t.at)) return std::nullopt;
    }
    for (Transition& t : data.transitions) {
        t.type = static_cast<std::size_t>(in.number(1));
        if (t.type >= h.typecnt) return std::nullopt;
    }
    std::vector<std::size_t> abbrev_index(h.typecnt);
    data.types.resize(h.typecnt);
    for (std::size_t i = 0; i < h.typecnt; ++i) {
        data.types[i].offset = std::chrono::seconds(in.signed_number(4));
        data.types[i].is_dst = in.number(1) != 0;
        abbrev_index[i] = static_cast<std::size_t>(in.number(1));
        if (abbrev_index[i] >= h.charcnt) return std::nullopt;
    }
    const std::string_view chars = in.take(h.charcnt);
    for (std::size_t i = 0; i < h.typecnt; ++i) {
        const std::string_view from = chars.substr(abbrev_index[i]);
        data.types[i].abbrev = std::string(from.substr(0, from.find('\0')));
    }
    return data;
}

}  // namespace

std::optional<Data> parse(std::string_view bytes) {
    Reader in(bytes);
    const auto first = read_header(in);
    if (!first) return std::nullopt;
    // A version 1 file has only the 32-bit block; later versions repeat the
    // data with 64-bit times after it, which is the block date uses.
    if (first->version == '\0') return read_block(in, *first, 4);
    if (!in.skip(first->block_size(4))) return std::nullopt;
    const auto second = read_header(in);
    if (!second) return std::nullopt;
    return read_block(in, *second, 8);
}

}  // namespace pumplog::tzif
