#include "pumplog/environment.hpp"

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

const char* passwd_home() {
    const struct passwd* entry = ::getpwuid(::getuid());
    return entry != nullptr ? entry->pw_dir : nullptr;
}

std::filesystem::path home_folder(const Environment& env, const AccountHome& account, std::string_view what,
                                  std::string_view instead) {
    const char* home = env("HOME");
    if (home != nullptr && home[0] == '/') return home;
    const char* own = account ? account() : nullptr;
    if (own != nullptr && own[0] == '/') return own;
    // One line: why neither will do (a relative value quoted, as it was found), and what to set.
    const std::string home_is = home == nullptr  ? std::string("not set")
                                : *home == '\0' ? std::string("empty")
                                                 : fmt::format("relative (\"{}\")", printable(home));
    const std::string account_has = own == nullptr || *own == '\0'
                                        ? fmt::format("user {} has no home in the passwd database", ::getuid())
                                        : fmt::format("user {}'s home in the passwd database is relative (\"{}\")",
                                                      ::getuid(), printable(own));
    throw usage_error(fmt::format("no home folder for {}: HOME is {} and {}; set HOME to an absolute path, or {}", what,
                                  home_is, account_has, instead));
}

}  // namespace pumplog
