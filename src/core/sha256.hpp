#pragma once
// SHA-256 (FIPS 180-4), for ids derived from content (imported rows).
#include <string>
#include <string_view>

namespace pumplog {

// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace pumplog
