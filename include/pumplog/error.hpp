#pragma once
// The one error type: it carries the category that main maps to an exit code.
#include <stdexcept>
#include <string>

namespace pumplog {

enum class ErrorKind {
    usage = 2,    // bad usage or bad input (SPEC 2)
    journal = 3,  // the journal could not be read or written safely
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }
    int exit_code() const { return static_cast<int>(kind_); }

private:
    ErrorKind kind_;
};

// Shorthands for the two categories.
inline Error usage_error(const std::string& message) { return Error(ErrorKind::usage, message); }
inline Error journal_error(const std::string& message) { return Error(ErrorKind::journal, message); }

}  // namespace pumplog
