// HashSet64 (src/core/hash_set64.hpp): the stash replay's set of forgotten
// containers' id hashes answers as std::unordered_set does, through growth,
// clustered values and the hash 0.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <unordered_set>
#include <vector>

#include "core/hash_set64.hpp"
#include "pumplog/id_hash.hpp"

namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

TEST_CASE("HashSet64 holds what std::unordered_set holds, through every growth") {
    std::mt19937_64 rng(7);
    HashSet64 set;
    std::unordered_set<std::uint64_t> model;
    CHECK_FALSE(set.contains(42));  // empty: no table yet
    std::vector<std::uint64_t> asked;
    for (int i = 0; i < 20000; ++i) {
        // Mixed: random values, values that share their low bits (one probe
        // run), and values inserted again.
        const std::uint64_t v = i % 3 == 0 ? rng() : i % 3 == 1 ? (rng() << 16) : asked.empty() ? 5 : asked[rng() % asked.size()];
        asked.push_back(v);
        CHECK(set.insert(v) == model.insert(v).second);
        if (i % 1999 == 0)
            for (const std::uint64_t a : asked) REQUIRE(set.contains(a));
    }
    CHECK(set.size() == model.size());
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t v = rng();
        CHECK(set.contains(v) == model.contains(v));
    }
}

TEST_CASE("HashSet64 keeps the hash 0 (as 1: a set of hashes only says maybe)") {
    HashSet64 set;
    CHECK(set.insert(0));
    CHECK(set.contains(0));
    CHECK(set.contains(1));  // shares the slot's value: callers take a match as "maybe"
    CHECK_FALSE(set.insert(1));
    CHECK_FALSE(set.contains(2));
    CHECK(set.insert(IdHash{}("01M73JSDWRQ4J6JXHVSKKHDCPF")));
    CHECK(set.contains(IdHash{}("01M73JSDWRQ4J6JXHVSKKHDCPF")));
    CHECK_FALSE(set.contains(IdHash{}("01M73JSDWRQ4J6JXHVSKKHDCPG")));
}

}  // namespace PUMPLOG_UNITY_ID
