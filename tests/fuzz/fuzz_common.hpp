#pragma once
// Shared by the fuzz targets: what every refusal must look like.
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "pumplog/error.hpp"

namespace pumplog::fuzz {

// A parser may refuse input only with a usage error of one line (SPEC 2: one
// `pumplog: error:` line); anything else is a finding.
inline void expect_usage_error(const Error& e) {
    if (e.kind() != ErrorKind::usage) std::abort();
    if (std::strchr(e.what(), '\n') != nullptr) std::abort();
}

inline void require(bool condition) {
    if (!condition) std::abort();
}

inline std::string_view text_of(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace pumplog::fuzz
