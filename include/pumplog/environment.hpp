#pragma once
// The environment as the core sees it: a value passed in. The command line
// passes std::getenv; the core never reads the environment itself (a test
// passes a map).
#include <functional>

namespace pumplog {

// The value of the variable `name`, or null when it is not set.
using Environment = std::function<const char*(const char* name)>;

}  // namespace pumplog
