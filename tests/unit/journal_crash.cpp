// A writer killed mid-write (SPEC 8): the journal keeps every earlier line,
// holds at most one partial line, and the next append starts on a fresh line.
// The kill must land inside write(2): a child appends one very long line and
// is sent SIGKILL once the file has started to grow.
#include <catch2/catch.hpp>

#include "helpers.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "pumplog/check.hpp"
#include "pumplog/journal.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::write_file;

namespace {

std::string pump(const std::string& id, const std::string& note = "") {
    return R"({"v":1,"id":")" + id + R"(","type":"pump","at":"2026-11-21T09:00:00+01:00","ml":90,"note":")" + note +
           "\"}";
}

std::uintmax_t size_of(const fs::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uintmax_t>(st.st_size) : 0;
}

// Appends `line` in a child process and kills it with SIGKILL while the file
// grows. Returns true when the kill left the line cut short.
bool kill_mid_append(Journal& journal, const std::string& line) {
    const std::uintmax_t before = size_of(journal.path());
    const pid_t child = ::fork();
    if (child == 0) {
        try {
            testing::append(journal, {line});
        } catch (...) {
        }
        ::_exit(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (size_of(journal.path()) == before && std::chrono::steady_clock::now() < deadline) {
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::uintmax_t after = size_of(journal.path());
    return after > before && after < before + line.size() + 1;
}

}  // namespace

TEST_CASE("a writer killed mid-write leaves at most one partial line and the next append starts a fresh line") {
    TempDir dir;
    Journal journal(dir.path() / "j.jsonl");
    testing::append(journal, {pump("a"), pump("b")});
    // 64 MiB take the kernel long enough to copy that the kill lands inside write(2).
    const std::string huge = pump("huge", std::string(64u << 20, 'x'));
    bool cut = false;
    for (int attempt = 0; attempt < 20 && !cut; ++attempt) {
        fs::resize_file(journal.path(), pump("a").size() + pump("b").size() + 2);
        cut = kill_mid_append(journal, huge);
    }
    if (!cut) {
        WARN("the kernel finished every write before SIGKILL; nothing to observe on this machine");
        return;
    }

    std::vector<std::string> ids;
    ReadStats stats = journal.read_backward([&](const Entry& e) {
        ids.push_back(e.id);
        return true;
    });
    CHECK(ids == std::vector<std::string>{"b", "a"});
    REQUIRE(stats.bad.size() == 1);
    CHECK(stats.bad[0].line == 3);
    CHECK(stats.bad[0].partial_last);

    testing::append(journal, {pump("c")});
    ids.clear();
    stats = journal.read_backward([&](const Entry& e) {
        ids.push_back(e.id);
        return true;
    });
    CHECK(ids == std::vector<std::string>{"c", "b", "a"});
    REQUIRE(stats.bad.size() == 1);
    CHECK(stats.bad[0].line == 3);

    // And repair moves the cut line out, keeping the rest.
    const RepairResult repaired = repair_journal(journal);
    CHECK(repaired.moved == 1);
    CHECK(check_journal(journal).clean());
    CHECK(size_of(rejected_path(journal.path())) > 0);
}
}  // namespace PUMPLOG_UNITY_ID
