#include "pumplog/environment.hpp"

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pumplog/error.hpp"

namespace pumplog {

const char* passwd_home() {
    const struct passwd* entry = ::getpwuid(::getuid());
    return entry != nullptr ? entry->pw_dir : nullptr;
}

std::filesystem::path home_folder(const Environment& env, const AccountHome& account, std::string_view what,
                                  std::string_view instead) {
    const char* home = env("HOME");
    if (home != nullptr && home[0] == '/') return home;
    if (const char* own = account ? account() : nullptr; own != nullptr && own[0] == '/') return own;
    throw usage_error(fmt::format("no home folder for {}: HOME is {} and user {} has no home in the passwd "
                                  "database; set HOME, or {}",
                                  what, home == nullptr ? "not set" : *home == '\0' ? "empty" : "relative",
                                  ::getuid(), instead));
}

}  // namespace pumplog
