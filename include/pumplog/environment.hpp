#pragma once
// The environment as the core sees it: a value passed in. The command line
// passes std::getenv; the core never reads the environment itself (a test
// passes a map).
#include <filesystem>
#include <functional>
#include <string_view>

namespace pumplog {

// The value of the variable `name`, or null when it is not set.
using Environment = std::function<const char*(const char* name)>;

// The home folder of the user running pumplog in the passwd database (getpwuid(getuid())->pw_dir), or null
// when the user has no entry there. A test passes its own.
using AccountHome = std::function<const char*()>;
const char* passwd_home();

// The folder `~` stands for: HOME when it is an absolute path, else the passwd entry's home when that is
// one. An unset, empty or relative HOME (a cron job's, a systemd unit's) never makes the journal or the
// config relative to the current folder, which would quietly start a second journal wherever the job
// runs. With neither, a usage error (exit 2), one line saying why (HOME not set, empty or relative; the user
// with no home in the passwd database, or a relative one there) and what to set: "HOME to an absolute path,
// or " + `instead` (which names the file's own variable: "name the journal with PUMPLOG_JOURNAL or -j");
// `what` names the file ("the journal").
std::filesystem::path home_folder(const Environment& env, const AccountHome& account, std::string_view what,
                                  std::string_view instead);

}  // namespace pumplog
