#pragma once
// Shared by the fuzz targets: what every refusal must look like.
#include <cstdio>
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

// A property every input must keep; says which one broke.
#define FUZZ_REQUIRE(condition)                                                                         \
    do {                                                                                                \
        if (!(condition)) {                                                                             \
            std::fprintf(stderr, "property broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__);      \
            std::abort();                                                                               \
        }                                                                                               \
    } while (false)

inline std::string_view text_of(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace pumplog::fuzz
