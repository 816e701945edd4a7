#pragma once
// Rules the stash's replay and its questions share (internal to the core).
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "pumplog/stock.hpp"

namespace pumplog {

// Below this a container counts as empty (stock.hpp: least_container_ml).
inline constexpr double empty_ml = least_container_ml;
// Volumes are stored to 0.01 ml: a difference under half of that is rounding.
inline constexpr double rounding_ml = 0.005;
// Volumes are shown to 0.1 ml (pumplog-stock(1), AMOUNTS); under half of that a volume shows as 0 ml: what is left of an amount once a container is used up, when it is
// under 0.05 ml, is rounding, not milk. Judged on the amount as given, before it is rounded to the journal's
// 0.01 ml (0.049 ml would round to 0.05), in millionths: in binary, 50.05 - 50 is 0.0499..., under 0.05, though
// the amount given is 0.05 ml past the container.
inline constexpr long long unshown_millionths = 50'000;

// A volume in millionths of a millilitre: finer than any amount given (an amount in oz converts to more digits
// than the journal keeps: 1.6923 oz is 50.047 ml), coarse enough to drop the binary noise of a difference.
inline long long ml_millionths(Volume volume) { return std::llround(volume.ml() * 1e6); }

// The number in "B12" (case-insensitive), or nullopt for another label.
inline std::optional<long long> label_number(std::string_view label) {
    if (label.size() < 2 || label.size() > 18 || (label[0] != 'B' && label[0] != 'b')) return std::nullopt;
    long long n = 0;
    for (char c : label.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

// A label's hash as Stock::labels_ever holds it: of its label_key (an ASCII one hashed without a copy).
std::uint64_t label_hash(std::string_view label);

}  // namespace pumplog
