// The journal at its edges (SPEC 8, issue 16): a symlinked journal, side files
// that are symlinks, journals that are no regular file, owner and mode kept
// by a rewrite, a full disk (through the WriteFunction seam), and an append
// in progress that a reader must not call damage.
#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <cerrno>
#include <chrono>
#include <functional>
#include <memory>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/check.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/message_stream.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using testing::line;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

namespace {

// A repair of a journal made for it (the command's own is a named one).
pumplog::RepairResult repair_journal(pumplog::Journal&& journal) { return pumplog::repair_journal(journal); }

std::size_t count_entries(const Journal& journal, bool strict = false) {
    std::size_t n = 0;
    journal.read_backward(
        [&](const Entry&) {
            ++n;
            return true;
        },
        strict);
    return n;
}

struct stat stat_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st;
}

// A write(2) stand-in: lets `allowed` calls through, then writes half of what
// it is given and fails the next call with ENOSPC, as a full disk does.
WriteFunction disk_full_after(int allowed) {
    auto calls = std::make_shared<int>(0);
    auto halves = std::make_shared<bool>(false);
    return [=](int fd, const void* data, std::size_t size) -> ssize_t {
        if ((*calls)++ < allowed) return ::write(fd, data, size);
        if (!*halves && size > 1) {
            *halves = true;
            return ::write(fd, data, size / 2);
        }
        errno = ENOSPC;
        return -1;
    };
}

// The exit code `body` ends with, run in a child process that SIGALRM ends
// after 5 s: -1 when it hung (a FIFO waited on) instead of failing the run.
int exit_code_within_5s(const std::function<void()>& body) {
    const pid_t child = ::fork();
    if (child == 0) {
        ::alarm(5);
        try {
            body();
        } catch (const Error& e) {
            ::_exit(e.exit_code());
        } catch (...) {
            ::_exit(99);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const std::string a = line("a", "2026-11-21T08:00:00Z");
const std::string b = line("b", "2026-11-21T09:00:00Z");
const std::string c = line("c", "2026-11-21T10:00:00Z");

}  // namespace

TEST_CASE("a symlinked journal is rewritten at its target and stays a symlink", "[journal][symlink]") {
    TempDir dir;
    fs::create_directory(dir / "synced");
    write_file(dir / "synced" / "j", a + "\n");
    fs::create_symlink("synced/j", dir / "j");
    Journal journal(dir / "j");
    testing::rewrite(journal, a + "\n" + b + "\n");
    CHECK(fs::is_symlink(dir / "j"));
    CHECK(read_file(dir / "synced" / "j") == a + "\n" + b + "\n");
    CHECK(read_file(dir / "synced" / "j.bak") == a + "\n");
    CHECK_FALSE(fs::exists(dir / "j.bak"));
    CHECK_FALSE(fs::exists(dir / "synced" / "j.tmp"));
    testing::append(journal, {c});  // later entries go to the target
    CHECK(fs::is_symlink(dir / "j"));
    CHECK(read_file(dir / "synced" / "j") == a + "\n" + b + "\n" + c + "\n");
}

TEST_CASE("a repair of a symlinked journal keeps the symlink and puts JOURNAL.rejected beside the target",
          "[journal][symlink]") {
    TempDir dir;
    fs::create_directory(dir / "synced");
    write_file(dir / "synced" / "j", a + "\ngarbage\n" + b + "\n");
    fs::create_symlink(dir / "synced" / "j", dir / "j");
    Journal journal(dir / "j");
    const RepairResult result = repair_journal(journal);
    CHECK(result.moved == 1);
    CHECK(result.rejected == dir / "synced" / "j.rejected");
    CHECK(fs::is_symlink(dir / "j"));
    CHECK(read_file(dir / "synced" / "j") == a + "\n" + b + "\n");
    CHECK(read_file(dir / "synced" / "j.rejected") == "garbage\n");
}

TEST_CASE("stale side files that are symlinks are replaced, never written through", "[journal][symlink]") {
    TempDir dir;
    write_file(dir / "victim", "precious\n");
    write_file(dir / "j", a + "\ngarbage\n");
    for (const char* side : {"j.tmp", "j.bak", "j.rejected"}) fs::create_symlink(dir / "victim", dir / side);
    Journal journal(dir / "j");
    const RepairResult result = repair_journal(journal);
    CHECK(result.moved == 1);
    CHECK(read_file(dir / "victim") == "precious\n");
    CHECK(read_file(dir / "j") == a + "\n");
    CHECK_FALSE(fs::is_symlink(dir / "j.bak"));
    CHECK(read_file(dir / "j.bak") == a + "\ngarbage\n");
    CHECK_FALSE(fs::is_symlink(dir / "j.rejected"));
    CHECK(read_file(dir / "j.rejected") == "garbage\n");
    CHECK_FALSE(fs::exists(dir / "j.tmp"));
    CHECK_FALSE(fs::is_symlink(dir / "j.tmp"));
}

TEST_CASE("a journal that is a device is refused by readers and writers with exit 3", "[journal][regular]") {
    Journal journal("/dev/null");
    CHECK_THAT(testing::refusal([&] { count_entries(journal); }, 3),
               Contains("journal /dev/null is not a regular file: it is a character device"));
    CHECK_THAT(testing::refusal([&] { testing::append(journal, {a}); }, 3), Contains("is not a regular file"));
    CHECK_THAT(testing::refusal([&] { check_journal(journal); }, 3), Contains("is not a regular file"));
    CHECK_THAT(testing::refusal([&] { testing::rewrite(journal, a + "\n"); }, 3), Contains("is not a regular file"));
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("a journal that is a FIFO is refused at once, not waited on", "[journal][regular]") {
    TempDir dir;
    REQUIRE(::mkfifo((dir / "j").c_str(), 0600) == 0);
    Journal journal(dir / "j");
    // Without a writer a blocking open of a FIFO never returns: each runs in a
    // child that an alarm ends, so a regression fails instead of hanging.
    CHECK(exit_code_within_5s([&] { count_entries(journal); }) == 3);
    CHECK(exit_code_within_5s([&] { check_journal(journal); }) == 3);
    CHECK(exit_code_within_5s([&] { testing::append(journal, {a}); }) == 3);
    CHECK(exit_code_within_5s([&] { testing::rewrite(journal, a + "\n"); }) == 3);
    CHECK_THAT(testing::refusal([&] { count_entries(journal); }, 3), Contains("it is a pipe or FIFO"));
    CHECK(fs::is_fifo(dir / "j"));
}

TEST_CASE("a rewrite keeps the journal's mode, owner and group", "[journal][owner]") {
    TempDir dir;
    write_file(dir / "j", a + "\n");
    REQUIRE(::chmod((dir / "j").c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown((dir / "j").c_str(), 4321, 8765) == 0);
    testing::rewrite(Journal(dir / "j"), a + "\n" + b + "\n");
    const struct stat st = stat_of(dir / "j");
    CHECK((st.st_mode & 07777) == 0640);
    if (root) {
        CHECK(st.st_uid == 4321u);
        CHECK(st.st_gid == 8765u);
    } else {
        WARN("not root: the owner and group part is skipped (it needs chown to another user)");
    }
    CHECK(read_file(dir / "j") == a + "\n" + b + "\n");
}

TEST_CASE("a repair gives a new JOURNAL.rejected the journal's mode, owner and group", "[journal][owner]") {
    TempDir dir;
    write_file(dir / "j", a + "\ngarbage\n");
    REQUIRE(::chmod((dir / "j").c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown((dir / "j").c_str(), 4321, 8765) == 0);
    CHECK(repair_journal(Journal(dir / "j")).moved == 1);
    const struct stat st = stat_of(dir / "j.rejected");
    CHECK((st.st_mode & 07777) == 0640);
    if (root) {
        CHECK(st.st_uid == 4321u);
        CHECK(st.st_gid == 8765u);
    }
    CHECK(read_file(dir / "j.rejected") == "garbage\n");
}

TEST_CASE("a failed append is cut back: the journal is byte-identical", "[journal][diskfull]") {
    TempDir dir;
    const std::string before = a + "\n" + R"({"v":1,"id":"x","ty)";  // ends in a crash's partial line
    write_file(dir / "j", before);
    Journal journal(dir / "j", disk_full_after(0));
    const std::string message = testing::refusal([&] { testing::append(journal, {b, c}); }, 3);
    CHECK_THAT(message, Contains("No space left on device"));
    CHECK_THAT(message, Contains("nothing was written"));
    CHECK(read_file(dir / "j") == before);
    testing::append(Journal(dir / "j"), {b});  // the next append still starts on a fresh line
    CHECK(read_file(dir / "j") == before + "\n" + b + "\n");
}

TEST_CASE("a failed rewrite leaves the journal as it was and no temporary file", "[journal][diskfull]") {
    TempDir dir;
    write_file(dir / "j", a + "\n");
    write_file(dir / "j.bak", "older\n");
    Journal journal(dir / "j", disk_full_after(0));
    CHECK_THAT(testing::refusal([&] { testing::rewrite(journal, a + "\n" + b + "\n"); }, 3), Contains("j.tmp"));
    CHECK(read_file(dir / "j") == a + "\n");
    CHECK_FALSE(fs::exists(dir / "j.tmp"));
    CHECK(read_file(dir / "j.bak") == "older\n");
}

TEST_CASE("a repair whose rewrite fails cuts JOURNAL.rejected back and run again moves each bad line once",
          "[journal][diskfull]") {
    TempDir dir;
    const std::string before = a + "\nbad one\n" + b + "\nbad two\n";
    write_file(dir / "j", before);
    write_file(dir / "j.rejected", "from an earlier repair\n");
    // The append to JOURNAL.rejected goes through; the rewrite's write fails.
    CHECK_THAT(testing::refusal([&] { repair_journal(Journal(dir / "j", disk_full_after(1))); }, 3),
               Contains("No space left on device"));
    CHECK(read_file(dir / "j") == before);
    CHECK(read_file(dir / "j.rejected") == "from an earlier repair\n");
    CHECK_FALSE(fs::exists(dir / "j.tmp"));

    const RepairResult again = repair_journal(Journal(dir / "j"));
    CHECK(again.moved == 2);
    CHECK(read_file(dir / "j") == a + "\n" + b + "\n");
    CHECK(read_file(dir / "j.rejected") == "from an earlier repair\nbad one\nbad two\n");
}

// A write(2) stand-in for a process that dies (power cut, SIGKILL) at its
// write number `allowed` + 1, the ones before it through.
WriteFunction dies_after(int allowed) {
    auto calls = std::make_shared<int>(0);
    return [=](int fd, const void* data, std::size_t size) -> ssize_t {
        if ((*calls)++ < allowed) return ::write(fd, data, size);
        ::_exit(42);
    };
}

TEST_CASE("a repair that crashed after writing JOURNAL.rejected and is run again rejects each bad line once",
          "[journal]") {
    for (const std::string earlier : {"from an earlier repair\n", "from an earlier repair\nbad one\nbad two\n"}) {
        INFO(earlier);  // the second: the same bad lines moved by an earlier repair, and written again since
        TempDir dir;
        const std::string before = a + "\nbad one\n" + b + "\nbad two\n";
        write_file(dir / "j", before);
        write_file(dir / "j.rejected", earlier);
        // Dies writing the journal's temporary file, after the append to JOURNAL.rejected.
        CHECK(exit_code_within_5s([&] { repair_journal(Journal(dir / "j", dies_after(1))); }) == 42);
        CHECK(read_file(dir / "j") == before);
        CHECK(read_file(dir / "j.rejected") == earlier + "bad one\nbad two\n");
        CHECK(fs::exists(dir / "j.rejected.pending"));

        CHECK(repair_journal(Journal(dir / "j")).moved == 2);
        CHECK(read_file(dir / "j") == a + "\n" + b + "\n");
        CHECK(read_file(dir / "j.rejected") == earlier + "bad one\nbad two\n");
        CHECK_FALSE(fs::exists(dir / "j.rejected.pending"));
    }
}

TEST_CASE("a repair that crashed after replacing the journal keeps what it moved", "[journal]") {
    TempDir dir;
    write_file(dir / "j", a + "\nbad one\n");
    const struct stat old = stat_of(dir / "j");
    CHECK(repair_journal(Journal(dir / "j")).moved == 1);
    // What a repair that died after its rename, before removing its mark, leaves: the mark names the journal
    // it moved the line out of (device, inode, size, time; then JOURNAL.rejected's size before), since replaced.
    write_file(dir / "j.rejected.pending", fmt::format("{} {} {} {}.{:09} 0\n", old.st_dev, old.st_ino, old.st_size,
                                                       old.st_mtim.tv_sec, old.st_mtim.tv_nsec));
    write_file(dir / "j", a + "\nbad one\n");  // the same line written again since
    CHECK(repair_journal(Journal(dir / "j")).moved == 1);
    CHECK(read_file(dir / "j") == a + "\n");
    CHECK(read_file(dir / "j.rejected") == "bad one\nbad one\n");
    CHECK_FALSE(fs::exists(dir / "j.rejected.pending"));
}

TEST_CASE("a bad line written again after a repair is moved again: JOURNAL.rejected keeps every one", "[journal]") {
    TempDir dir;
    write_file(dir / "j", a + "\n");
    std::string rejected;
    for (int round = 1; round <= 3; ++round) {
        INFO(round);
        write_file(dir / "j", a + "\n{\"broken\n");
        CHECK(repair_journal(Journal(dir / "j")).moved == 1);
        rejected += "{\"broken\n";
        CHECK(read_file(dir / "j") == a + "\n");
        CHECK(read_file(dir / "j.rejected") == rejected);
        CHECK_FALSE(fs::exists(dir / "j.rejected.pending"));
    }
}

TEST_CASE("a repair that fails leaves no new JOURNAL.rejected behind", "[journal][diskfull]") {
    for (const int allowed : {0, 1}) {  // the append to JOURNAL.rejected fails, or the rewrite after it
        INFO(allowed);
        TempDir dir;
        const std::string before = a + "\nbad one\n";
        write_file(dir / "j", before);
        CHECK(testing::refusal([&] { repair_journal(Journal(dir / "j", disk_full_after(allowed))); }, 3).size() > 0);
        CHECK(read_file(dir / "j") == before);
        CHECK_FALSE(fs::exists(dir / "j.rejected"));
        CHECK_FALSE(fs::exists(dir / "j.tmp"));
    }
}

TEST_CASE("a repair whose append to JOURNAL.rejected fails changes nothing", "[journal][diskfull]") {
    TempDir dir;
    const std::string before = a + "\nbad one\n";
    write_file(dir / "j", before);
    write_file(dir / "j.rejected", "kept\n");
    CHECK(testing::refusal([&] { repair_journal(Journal(dir / "j", disk_full_after(0))); }, 3).size() > 0);
    CHECK(read_file(dir / "j") == before);
    CHECK(read_file(dir / "j.rejected") == "kept\n");
    CHECK_FALSE(fs::exists(dir / "j.tmp"));
}

TEST_CASE("a message to a pipe whose reader has gone is dropped, never thrown", "[messages]") {
    const auto old_handler = std::signal(SIGPIPE, SIG_IGN);  // as pumplog's main: EPIPE, not death
    int gone[2];
    REQUIRE(::pipe(gone) == 0);
    ::close(gone[0]);
    // A plain stream throws (fmt::print on a short write): from an error handler, that was std::terminate.
    std::FILE* plain = ::fdopen(::dup(gone[1]), "w");
    REQUIRE(plain != nullptr);
    std::setvbuf(plain, nullptr, _IONBF, 0);
    CHECK_THROWS_AS(fmt::print(plain, "pumplog: error: {}\n", "x"), std::system_error);
    std::fclose(plain);
    std::FILE* messages = open_message_stream(gone[1]);
    REQUIRE(messages != nullptr);
    errno = EINTR;
    CHECK_NOTHROW(fmt::print(messages, "Started a new journal at {}\n", "/tmp/j"));
    CHECK(errno == EINTR);  // left as it was
    CHECK_FALSE(std::ferror(messages));
    std::fclose(messages);
    ::close(gone[1]);
    // And to a reader that is there, every byte, as it is printed (unbuffered).
    int there[2];
    REQUIRE(::pipe(there) == 0);
    messages = open_message_stream(there[1]);
    REQUIRE(messages != nullptr);
    fmt::print(messages, "pumplog: warning: {}\n", "j:2: not valid JSON");
    char got[64] = {};
    CHECK(::read(there[0], got, sizeof got) == 38);
    CHECK(std::string(got) == "pumplog: warning: j:2: not valid JSON\n");
    std::fclose(messages);
    ::close(there[1]);
    ::close(there[0]);
    std::signal(SIGPIPE, old_handler);
}

TEST_CASE("a strict read waits for an append in progress instead of calling it damage", "[journal][inflight]") {
    TempDir dir;
    const std::string head = c.substr(0, c.size() / 2);
    write_file(dir / "j", a + "\n" + b + "\n" + head);  // an append half written, its writer holding the lock
    const int writer = ::open((dir / "j").c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    REQUIRE(writer >= 0);
    REQUIRE(::flock(writer, LOCK_EX) == 0);
    for (const bool through_check : {false, true}) {
        if (through_check) {
            write_file(dir / "j", a + "\n" + b + "\n" + head);
        }
        std::atomic<bool> finished{false};
        std::size_t seen = 0;
        bool clean = false;
        std::string error;
        std::thread reader([&] {
            try {
                if (through_check) clean = check_journal(Journal(dir / "j")).clean();
                else seen = count_entries(Journal(dir / "j"), true);
            } catch (const Error& e) {
                error = e.what();
            }
            finished = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        CHECK_FALSE(finished.load());  // it waits for the writer
        const std::string rest = c.substr(c.size() / 2) + "\n";
        REQUIRE(::write(writer, rest.data(), rest.size()) == static_cast<ssize_t>(rest.size()));
        REQUIRE(::flock(writer, LOCK_UN) == 0);
        reader.join();
        CHECK(error.empty());
        if (through_check) CHECK(clean);
        else CHECK(seen == 3);
        if (!through_check) REQUIRE(::flock(writer, LOCK_EX) == 0);
    }
    ::close(writer);
}

TEST_CASE("a partial last line with no writer is still damage", "[journal][inflight]") {
    TempDir dir;
    write_file(dir / "j", a + "\n" + c.substr(0, 20));
    CHECK_THAT(testing::refusal([&] { count_entries(Journal(dir / "j"), true); }, 3),
               Contains("j:2: an incomplete last line"));
    CHECK_FALSE(check_journal(Journal(dir / "j")).clean());
}
}  // namespace PUMPLOG_UNITY_ID
