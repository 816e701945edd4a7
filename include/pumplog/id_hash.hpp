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

struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const {
        const char* p = id.data();
        std::size_t n = id.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
        while (n >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = mix(h ^ w);
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, n);
            h = mix(h ^ w);
        }
        return static_cast<std::size_t>(h);
    }
    std::size_t operator()(const std::string& id) const { return (*this)(std::string_view(id)); }
    std::size_t operator()(const char* id) const { return (*this)(std::string_view(id)); }

private:
    static std::uint64_t mix(std::uint64_t x) {
        x *= 0xbf58476d1ce4e5b9ull;
        return x ^ (x >> 31);
    }
};

struct IdEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

}  // namespace pumplog
