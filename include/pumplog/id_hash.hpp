#pragma once
// A fast hash of entry ids for the replay's and the report's hash tables: a
// long read looks up an id for almost every line, and std::hash<std::string>
// (a byte-wise Murmur) was a tenth of the time. Reads the id 8 bytes at a time;
// transparent, so a std::string_view looks up without a copy. Only a hash: the
// tables still compare ids, so two ids never mix (SPEC 3: ids are opaque).
// Deliberately not noexcept: libstdc++ then keeps each node's hash, so a
// look-up compares hashes before ids and never hashes a stored id again.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pumplog {

// The mixing step of IdHash (and of `log check`'s line hash).
inline std::uint64_t hash_mix(std::uint64_t x) {
    x *= 0xbf58476d1ce4e5b9ull;
    return x ^ (x >> 31);
}
// The n < 8 bytes at p as a word, zero-filled (0 for none).
inline std::uint64_t hash_tail(const char* p, std::size_t n) {
    std::uint64_t w = 0;
    if (n > 0) std::memcpy(&w, p, n);
    return w;
}

struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const {
        const char* p = id.data();
        std::size_t n = id.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
        while (n >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = hash_mix(h ^ w);
            p += 8;
            n -= 8;
        }
        if (n > 0) h = hash_mix(h ^ hash_tail(p, n));
        return static_cast<std::size_t>(h);
    }
    std::size_t operator()(const std::string& id) const { return (*this)(std::string_view(id)); }
    std::size_t operator()(const char* id) const { return (*this)(std::string_view(id)); }
};

struct IdEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

}  // namespace pumplog
