// A set of 64-bit hashes in one flat table (open addressing, linear probing).
// The stash's replay asks it once per store and use line of a whole journal:
// std::unordered_set<std::uint64_t> spent a division and a node's cache miss
// on each look-up. The values are hashes already mixed (IdHash), so their low
// bits index the table as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pumplog {

class HashSet64 {
public:
    bool contains(std::uint64_t hash) const {
        if (size_ == 0) return false;
        const std::uint64_t key = stored(hash);
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            if (slots_[i] == key) return true;
            if (slots_[i] == empty) return false;
        }
    }
    // True when it was not in the set yet.
    bool insert(std::uint64_t hash) {
        if ((size_ + 1) * 4 > slots_.size() * 3) grow();  // at most 3/4 full: short probes
        const std::uint64_t key = stored(hash);
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            if (slots_[i] == key) return false;
            if (slots_[i] == empty) {
                slots_[i] = key;
                ++size_;
                return true;
            }
        }
    }
    std::size_t size() const { return size_; }

private:
    static constexpr std::uint64_t empty = 0;
    // 0 marks an empty slot: a hash of 0 is kept as 1. The set holds hashes,
    // so two values already stand for the same one by chance; callers treat
    // a match as "maybe" (the stash's replay then replays exactly).
    static std::uint64_t stored(std::uint64_t hash) { return hash == empty ? 1 : hash; }

    void grow() {
        std::vector<std::uint64_t> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, empty);
        mask_ = slots_.size() - 1;
        size_ = 0;
        for (const std::uint64_t key : old)
            if (key != empty) insert(key);
    }

    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace pumplog
