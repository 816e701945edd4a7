// Replay (SPEC 3): the entries in effect, voids and amendments applied, and
// reading only the tail of the journal when that is safe.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "core/replay.hpp"
#include "pumplog/history.hpp"
#include "pumplog/stock.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::instant;
using testing::line;
using testing::TempDir;

namespace {

std::string void_of(const std::string& id, const std::string& target, const std::string& at = "2026-11-21T14:00:00Z") {
    return line(id, at, "void", ",\"target\":\"" + target + "\"");
}

std::string amend_of(const std::string& id, const std::string& target, const std::string& set,
                     const std::string& at = "2026-11-21T14:00:00Z") {
    return line(id, at, "amend", ",\"target\":\"" + target + "\",\"set\":" + set);
}

std::string pump(const std::string& id, const std::string& at, int ml = 90) {
    return line(id, at, "pump", ",\"ml\":" + std::to_string(ml));
}

// A ULID id created at `when`, so that its line's order key is `when`.
std::string created_at(const std::string& when) {
    return make_ulid(std::chrono::system_clock::time_point(instant(when).time_since_epoch()));
}

struct Fixture {
    TempDir dir;
    Journal journal{dir / "journal.jsonl"};
    void write(const std::vector<std::string>& lines) {
        std::string content;
        for (const auto& l : lines) content += l + "\n";
        testing::write_file(dir / "journal.jsonl", content);
    }
};

// id -> "ml" (or "ml voided") of the history, in time order.
std::vector<std::string> summary(const History& h) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < h.entries.size(); ++i) {
        const Entry& e = h.entries[i];
        std::string s = e.id + " " + (e.ml ? std::to_string(static_cast<int>(*e.ml)) : "-");
        if (h.voided[i]) s += " voided";
        out.push_back(s);
    }
    return out;
}

using Lines = std::vector<std::string>;

History load(Fixture& f, ReplayOptions options = {}) { return load_history(f.journal, options); }

ReplayOptions with_voided() {
    ReplayOptions o;
    o.include_voided = true;
    return o;
}

}  // namespace

TEST_CASE("entries come sorted by time, ties in the order written") {
    Fixture f;
    f.write({pump("c", "2026-11-21T10:00:00+01:00", 3), pump("a", "2026-11-21T08:00:00+01:00", 1),
             pump("b1", "2026-11-21T09:00:00+01:00", 2), pump("b2", "2026-11-21T08:00:00Z", 4)});
    CHECK(summary(load(f)) == Lines{"a 1", "b1 2", "b2 4", "c 3"});
}

TEST_CASE("a history of some types passes over the other lines after their header, corrections still in effect") {
    Fixture f;
    // A feed damaged after its header, a store, pumps, a void of a feed and an amendment of a pump.
    const std::string damaged_feed = R"({"v":1,"id":"f1","type":"feed","at":"2026-11-21T07:00:00Z","ml":9)";
    f.write({damaged_feed, line("f2", "2026-11-21T07:30:00Z", "feed", R"(,"method":"bottle","ml":80)"),
             line("s", "2026-11-21T08:10:00Z", "store", R"(,"ml":90,"place":"fridge")"), pump("a", "2026-11-21T08:00:00Z"),
             pump("b", "2026-11-21T09:00:00Z"), void_of("v", "f2"), amend_of("m", "a", R"({"ml":100})")});
    ReplayOptions pumps;
    pumps.types = type_bit(EntryType::pump);
    const History h = load(f, pumps);
    CHECK(summary(h) == Lines{"a 100", "b 90"});  // the feeds and the store are not delivered
    CHECK(h.stats.bad.empty());                    // the feed's damage is past its header: unseen
    for (const Entry& e : h.entries) CHECK_FALSE(e.header_only);
    // Asked for feeds, the damaged line is read whole: a bad line, and the voided feed stays out.
    ReplayOptions feeds;
    feeds.types = type_bit(EntryType::feed);
    const History all = load(f, feeds);
    CHECK(summary(all).empty());
    REQUIRE(all.stats.bad.size() == 1);
    CHECK(all.stats.bad[0].line == 1);
    // --strict reads every line whole, whatever the types asked for.
    pumps.strict = true;
    CHECK_THROWS(load(f, pumps));
}

TEST_CASE("a history from a time leaves out what was before it both in time and in creation") {
    Fixture f;
    const std::string old_id = created_at("2026-11-10T08:00:00Z"), late_id = created_at("2026-11-21T08:00:00Z"),
                      moved_id = created_at("2026-11-10T09:00:00Z"), new_id = created_at("2026-11-20T10:00:00Z");
    f.write({pump(old_id, "2026-11-10T08:00:00Z", 1), pump(moved_id, "2026-11-10T09:00:00Z", 2),
             pump(new_id, "2026-11-20T10:00:00Z", 3),
             pump(late_id, "2026-11-10T07:00:00Z", 4),  // logged on the 21st for the 10th
             amend_of(created_at("2026-11-21T09:00:00Z"), moved_id, R"({"at":"2026-11-20T09:00:00Z"})")});
    ReplayOptions options;
    options.since = instant("2026-11-15T00:00:00Z");
    std::vector<int> ml;
    for (const Entry& e : load(f, options).entries) ml.push_back(static_cast<int>(*e.ml));
    CHECK(ml == std::vector<int>{4, 2, 3});  // the late one, the one moved into the window, the new one
    CHECK(load(f).entries.size() == 4);     // without a time, all of them
}

TEST_CASE("a replay that has enough reads on only as one from that time would") {
    Fixture f;
    // Garbage, 300 pumps of October, then two of November 21.
    std::vector<std::string> lines{"garbage from long ago"};
    for (int i = 0; i < 300; ++i) lines.push_back(pump("o" + std::to_string(i), "2026-10-01T08:00:00Z", 5));
    lines.push_back(pump(created_at("2026-10-01T09:00:00Z"), "2026-10-01T09:00:00Z", 5));  // written by pumplog then
    lines.push_back(pump("a", "2026-11-21T08:00:00Z", 1));
    lines.push_back(pump("b", "2026-11-21T09:00:00Z", 2));
    f.write(lines);
    ReplayOptions options;
    std::size_t seen = 0;
    options.enough = [&] { return seen >= 2 ? std::optional<Seconds>(instant("2026-11-21T08:00:00Z")) : std::nullopt; };
    options.keep = [&](const Entry&) { return ++seen, true; };
    const History h = load(f, options);
    CHECK(h.stats.stopped_early);
    CHECK(h.stats.bad.empty());  // the garbage before the stop is not met
    CHECK(h.entries.size() < 300);
    CHECK(load(f).stats.bad.size() == 1);
}

TEST_CASE("container labels: amended ones as corrected, even an amendment written before its store") {
    Fixture f;
    const std::string store = line("s1", "2026-11-21T08:00:00Z", "store", R"(,"ml":90,"place":"fridge","label":"B1")");
    const std::string other = line("s2", "2026-11-21T08:30:00Z", "store", R"(,"ml":60,"place":"fridge","label":"B2")");
    f.write({"garbage from long ago", other, store, amend_of("m", "s1", R"({"label":"B9"})")});
    const auto labels = container_labels(f.journal, {"s1", "s2", "nope"}, false);
    CHECK(labels.size() == 2);
    CHECK(labels.at("s1") == "B9");
    CHECK(labels.at("s2") == "B2");
    f.write({amend_of("m", "s1", R"({"label":"B7"})"), store, pump("p", "2026-11-21T09:00:00Z")});
    CHECK(container_labels(f.journal, {"s1"}, false).at("s1") == "B7");
}

TEST_CASE("a void takes its target out of effect") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), pump("b", "2026-11-21T09:00:00Z"), void_of("v", "a")});
    CHECK(summary(load(f)) == Lines{"b 90"});
    CHECK(summary(load(f, with_voided())) == Lines{"a 90 voided", "b 90"});
}

TEST_CASE("an amendment corrects its target's fields and the newest amendment wins") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m1", "a", R"({"ml":100,"note":"first"})"),
             amend_of("m2", "a", R"({"ml":110})")});
    const History h = load(f);
    CHECK(summary(h) == Lines{"a 110"});
    CHECK(h.entries[0].note == "first");
}

TEST_CASE("an amendment log check calls an error is not applied") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m1", "a", R"({"method":"bottle"})"),
             amend_of("m2", "a", R"({"ml":null})"), amend_of("m3", "a", R"({"note":"kept"})")});
    const History h = load(f);
    CHECK(summary(h) == Lines{"a 90"});
    CHECK(h.entries[0].method.empty());
    CHECK(h.entries[0].note == "kept");
    const InEffect a = entry_in_effect(f.journal, "a", false);
    REQUIRE(a.entry);
    CHECK(*a.entry->ml == 90);
    const auto without_m3 = entry_without_correction(f.journal, "a", "m3", false);
    REQUIRE(without_m3);
    CHECK(*without_m3->ml == 90);
}

TEST_CASE("an amendment that writes a field twice is a bad line") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m", "a", R"({"ml":60,"ml":70})")});
    const History h = load(f);
    CHECK(summary(h) == Lines{"a 90"});
    REQUIRE(h.stats.bad.size() == 1);
    CHECK(h.stats.bad[0].line == 2);
}

TEST_CASE("an amendment of the time moves the entry in the time order") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z", 1), pump("b", "2026-11-21T09:00:00Z", 2),
             amend_of("m", "a", R"({"at":"2026-11-21T11:00:00+01:00"})")});
    const History h = load(f);
    CHECK(summary(h) == Lines{"b 2", "a 1"});
    CHECK(h.entries[1].at_text == "2026-11-21T11:00:00+01:00");
}

TEST_CASE("a void of an amendment restores the entry as it was") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m1", "a", R"({"ml":100})"), amend_of("m2", "a", R"({"ml":110})"),
             void_of("v", "m2")});
    CHECK(summary(load(f)) == Lines{"a 100"});
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m1", "a", R"({"ml":100})"), void_of("v", "m1")});
    CHECK(summary(load(f)) == Lines{"a 90"});
}

TEST_CASE("a void of a void puts its target back in effect, and a third void takes it out again") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), void_of("v1", "a"), void_of("v2", "v1")});
    CHECK(summary(load(f)) == Lines{"a 90"});
    f.write({pump("a", "2026-11-21T08:00:00Z"), void_of("v1", "a"), void_of("v2", "v1"), void_of("v3", "v2")});
    CHECK(summary(load(f)) == Lines{});
}

TEST_CASE("a void standing before its target in the file still voids it") {
    Fixture f;
    f.write({void_of("v", "a"), pump("b", "2026-11-21T09:00:00Z"), pump("a", "2026-11-21T08:00:00Z")});
    CHECK(summary(load(f)) == Lines{"b 90"});
    CHECK(summary(load(f, with_voided())) == Lines{"a 90 voided", "b 90"});
}

TEST_CASE("an amendment standing before its target in the file still applies") {
    Fixture f;
    f.write({amend_of("m", "a", R"({"ml":100})"), pump("a", "2026-11-21T08:00:00Z")});
    CHECK(summary(load(f)) == Lines{"a 100"});
}

TEST_CASE("corrections in any file order give the same history") {
    // a voided by v1, v1 voided by v2 (so a is back), an amendment m voided by v3.
    const Lines lines = {pump("a", "2026-11-21T08:00:00Z"), void_of("v1", "a"), void_of("v2", "v1"),
                         amend_of("m", "a", R"({"ml":120})"), void_of("v3", "m"), amend_of("n", "a", R"({"note":"n"})")};
    Fixture f;
    f.write(lines);
    const Lines expected = summary(load(f));
    REQUIRE(expected == Lines{"a 90"});
    // Every rotation and the reverse of the file.
    for (std::size_t r = 0; r < lines.size(); ++r) {
        Lines rotated(lines.begin() + static_cast<long>(r), lines.end());
        rotated.insert(rotated.end(), lines.begin(), lines.begin() + static_cast<long>(r));
        f.write(rotated);
        INFO("rotation " << r);
        CHECK(summary(load(f)) == expected);
        CHECK(load(f).entries.at(0).note == "n");
        Lines reversed(rotated.rbegin(), rotated.rend());
        f.write(reversed);
        CHECK(summary(load(f)) == expected);
    }
}

TEST_CASE("a correction of a missing entry changes nothing") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), void_of("v", "nothere"), amend_of("m", "gone", R"({"ml":1})")});
    CHECK(summary(load(f)) == Lines{"a 90"});
}

TEST_CASE("corrections themselves are delivered only when asked for") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m", "a", R"({"ml":100})"), void_of("v", "m")});
    std::vector<std::string> ids;
    ReplayOptions o;
    o.include_corrections = true;
    replay(f.journal, o, [&](const Replayed& r) { ids.push_back(r.entry.id + (r.voided ? "*" : "")); }, [&] { ids.clear(); });
    CHECK(ids == Lines{"v", "m*", "a"});
}

TEST_CASE("a void of an amendment does not make the replay read the journal twice") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m", "a", R"({"ml":100})"), void_of("v", "m")});
    int resets = 0;
    replay(f.journal, {}, [](const Replayed&) {}, [&] { ++resets; });
    CHECK(resets == 0);
    f.write({pump("a", "2026-11-21T08:00:00Z"), void_of("v1", "a"), void_of("v2", "v1")});
    replay(f.journal, {}, [](const Replayed&) {}, [&] { ++resets; });
    CHECK(resets == 0);
}

TEST_CASE("bad lines are skipped and counted in the stats") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), "junk", pump("b", "2026-11-21T09:00:00Z")});
    const History h = load(f);
    CHECK(summary(h) == Lines{"a 90", "b 90"});
    REQUIRE(h.stats.bad.size() == 1);
    CHECK(h.stats.bad[0].line == 2);
}

// ---- since: reading only the tail ----

namespace {

// Years of history written when it happened, then today's entries.
Lines long_history(int old_lines) {
    Lines lines;
    for (int i = 0; i < old_lines; ++i) {
        const std::string when = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T08:00:00Z";
        lines.push_back(pump(created_at(when) , when, 50));
    }
    return lines;
}

ReplayOptions since(const std::string& when) {
    ReplayOptions o;
    o.since = instant(when);
    return o;
}

// The entries at or after `from`.
Lines in_range(const History& h, const std::string& from) {
    Lines out;
    for (std::size_t i = 0; i < h.entries.size(); ++i)
        if (h.entries[i].at.instant >= instant(from)) out.push_back(summary(h)[i]);
    return out;
}

}  // namespace

TEST_CASE("with since the replay stops early on a long journal and misses nothing in range") {
    Fixture f;
    Lines lines = long_history(3000);
    // Today, written today (ids made now-ish: their keys are their times).
    lines.push_back(pump("t1", "2026-11-21T08:00:00Z", 1));
    lines.push_back(pump("t2", "2026-11-21T09:00:00Z", 2));
    // Logged late: yesterday's session, written today, before a void of t1.
    lines.push_back(pump(created_at("2026-11-21T10:00:00Z"), "2026-11-20T22:00:00Z", 3));
    lines.push_back(void_of("v", "t1"));
    f.write(lines);
    const History tail = load(f, since("2026-11-20T00:00:00Z"));
    const History full = load(f);
    CHECK(tail.stats.stopped_early);
    CHECK(tail.stats.bytes_read < std::filesystem::file_size(f.dir / "journal.jsonl"));
    CHECK(in_range(tail, "2026-11-20T00:00:00Z") == in_range(full, "2026-11-20T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-20T00:00:00Z").size() == 2);
}

TEST_CASE("with since the replay does not stop before an old entry that an amendment moves into range") {
    Fixture f;
    Lines lines;
    const std::string old_id = created_at("2025-01-01T08:00:00Z");
    lines.push_back(pump(old_id, "2025-01-01T08:00:00Z", 7));
    for (const auto& l : long_history(2000)) lines.push_back(l);
    lines.push_back(amend_of("m", old_id, R"({"at":"2026-11-21T08:00:00Z"})"));
    f.write(lines);
    const History tail = load(f, since("2026-11-21T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-21T00:00:00Z") == Lines{old_id + " 7"});
}

TEST_CASE("with since a moved entry is found even when another correction forces a second pass") {
    Fixture f;
    // Fewer old lines around the moved entry than stop a replay, so the first
    // pass reads the whole file and then reads again for the missing target;
    // a long run of old lines after a recent one stops a careless second pass.
    Lines lines = long_history(100);
    const std::string old_id = created_at("2025-01-01T08:00:00Z");
    lines.push_back(pump(old_id, "2025-01-01T08:00:00Z", 7));
    for (const auto& l : long_history(100)) lines.push_back(l);
    lines.push_back(pump("recent", "2026-11-20T08:00:00Z", 5));
    for (const auto& l : long_history(300)) lines.push_back(l);
    lines.push_back(amend_of("m", old_id, R"({"at":"2026-11-21T08:00:00Z"})"));
    lines.push_back(void_of("v", "a-missing-entry"));  // its target is never met
    f.write(lines);
    const History tail = load(f, since("2026-11-21T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-21T00:00:00Z") == Lines{old_id + " 7"});
}

TEST_CASE("with since a void written before its target in the file is still honoured") {
    Fixture f;
    Lines lines = long_history(2000);
    lines.push_back(void_of(created_at("2026-11-21T07:00:00Z"), "t1"));  // e.g. a merge put it first
    lines.push_back(pump("t1", "2026-11-21T08:00:00Z", 1));
    lines.push_back(pump("t2", "2026-11-21T09:00:00Z", 2));
    f.write(lines);
    const History tail = load(f, since("2026-11-21T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-21T00:00:00Z") == Lines{"t2 2"});
}

TEST_CASE("with since a few old lines among new ones do not stop the replay") {
    Fixture f;
    Lines lines = long_history(1000);
    lines.push_back(pump("t1", "2026-11-21T08:00:00Z", 1));
    for (const auto& l : long_history(200)) lines.push_back(l);  // fewer than the run that may stop it
    lines.push_back(pump("t2", "2026-11-21T09:00:00Z", 2));
    f.write(lines);
    const History tail = load(f, since("2026-11-21T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-21T00:00:00Z") == Lines{"t1 1", "t2 2"});
}

TEST_CASE("with since a correction of an entry older than the lines read does not make the replay start over") {
    Fixture f;
    Lines lines;
    const std::string old_id = created_at("2025-01-01T08:00:00Z");
    lines.push_back(pump(old_id, "2025-01-01T08:00:00Z", 7));
    for (const auto& l : long_history(3000)) lines.push_back(l);
    lines.push_back(pump("t1", "2026-11-21T08:00:00Z", 1));
    lines.push_back(amend_of("m", old_id, R"({"ml":8})"));  // corrects an old entry: its target is never read
    f.write(lines);
    int resets = 0, delivered = 0;
    const auto result = replay(
        Journal(f.dir / "journal.jsonl"), since("2026-11-21T00:00:00Z"), [&](const Replayed&) { ++delivered; },
        [&] { ++resets; });
    CHECK(resets == 0);
    CHECK(result.stats.stopped_early);
    CHECK(result.stats.bytes_read < std::filesystem::file_size(f.dir / "journal.jsonl"));
}

TEST_CASE("with since an amendment written before its target among the lines read makes the replay start over") {
    Fixture f;
    Lines lines = long_history(3000);
    lines.push_back(amend_of(created_at("2026-11-21T07:00:00Z"), "t1", R"({"ml":5})"));  // e.g. a merge put it first
    lines.push_back(pump("t1", "2026-11-21T08:00:00Z", 1));
    f.write(lines);
    int resets = 0;
    replay(Journal(f.dir / "journal.jsonl"), since("2026-11-21T00:00:00Z"), [](const Replayed&) {}, [&] { ++resets; });
    CHECK(resets == 1);
    const History tail = load(f, since("2026-11-21T00:00:00Z"));
    CHECK(in_range(tail, "2026-11-21T00:00:00Z") == Lines{"t1 5"});
}

// ---- the questions: callers get answers, never a second pass ----

TEST_CASE("entry_in_effect gives the entry with its amendments, voided ones flagged") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), pump("b", "2026-11-21T09:00:00Z"),
             amend_of("m", "a", R"({"ml":100})"), void_of("v", "b")});
    const InEffect a = entry_in_effect(f.journal, "a", false);
    REQUIRE(a.entry);
    CHECK(*a.entry->ml == 100);
    CHECK_FALSE(a.voided);
    const InEffect b = entry_in_effect(f.journal, "b", false);
    REQUIRE(b.entry);
    CHECK(b.voided);
    const InEffect m = entry_in_effect(f.journal, "m", false);  // a correction by its own id
    REQUIRE(m.entry);
    CHECK(m.entry->type == EntryType::amend);
    CHECK_FALSE(entry_in_effect(f.journal, "nothere", false).entry);
}

TEST_CASE("entry_without_correction is the entry with its other corrections in effect") {
    Fixture f;
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m1", "a", R"({"ml":100})", "2026-11-21T09:00:00Z"),
             amend_of("m2", "a", R"({"note":"x"})", "2026-11-21T10:00:00Z"),
             amend_of("m3", "a", R"({"ml":120})", "2026-11-21T11:00:00Z"), void_of("v", "m3")});
    const auto without_m1 = entry_without_correction(f.journal, "a", "m1", false);
    REQUIRE(without_m1);
    CHECK(*without_m1->ml == 90);  // as written: m3 is voided
    CHECK(without_m1->note == "x");
    const auto without_m2 = entry_without_correction(f.journal, "a", "m2", false);
    CHECK(*without_m2->ml == 100);
    CHECK(without_m2->note.empty());
    CHECK_FALSE(entry_without_correction(f.journal, "nothere", "m1", false));
}

TEST_CASE("entry_in_effect answers once when a correction stands before its target") {
    Fixture f;
    // The amendment first in the file (a hand edit): the replay starts over, the caller sees one answer.
    f.write({amend_of("m", "a", R"({"ml":100})"), pump("a", "2026-11-21T08:00:00Z"), void_of("v", "a"),
             pump("b", "2026-11-21T09:00:00Z")});
    const InEffect a = entry_in_effect(f.journal, "a", false);
    REQUIRE(a.entry);
    CHECK(*a.entry->ml == 100);
    CHECK(a.voided);
}

TEST_CASE("entry_in_effect takes the first line of two with one id (the later is bad, as log check says)") {
    Fixture f;
    f.write({pump("a", "2026-11-21T09:00:00Z", 1), "not json", pump("a", "2026-11-21T08:00:00Z", 2)});
    const InEffect a = entry_in_effect(f.journal, "a", false);
    REQUIRE(a.entry);
    CHECK(*a.entry->ml == 1);
    CHECK(a.stats.bad.size() == 2);  // the line that is no JSON, and the repeat
    CHECK_THROWS_AS(entry_in_effect(f.journal, "a", true), Error);
}

TEST_CASE("newest_in_effect is the newest line written still in effect") {
    Fixture f;
    CHECK_FALSE(newest_in_effect(f.journal, false).entry);
    f.write({pump("a", "2026-11-21T08:00:00Z"), pump("b", "2026-11-21T09:00:00Z")});
    CHECK(newest_in_effect(f.journal, false).entry->id == "b");
    // A void is not undone; what it voided is not in effect: the next one back is.
    f.write({pump("a", "2026-11-21T08:00:00Z"), pump("b", "2026-11-21T09:00:00Z"), void_of("v", "b")});
    CHECK(newest_in_effect(f.journal, false).entry->id == "a");
    // An amendment in effect is a line to undo.
    f.write({pump("a", "2026-11-21T08:00:00Z"), amend_of("m", "a", R"({"ml":100})")});
    CHECK(newest_in_effect(f.journal, false).entry->id == "m");
    // Everything voided: nothing to undo.
    f.write({pump("a", "2026-11-21T08:00:00Z"), void_of("v", "a")});
    CHECK_FALSE(newest_in_effect(f.journal, false).entry);
}

TEST_CASE("newest_in_effect settles a void written before its target") {
    Fixture f;
    f.write({void_of("v", "b"), pump("a", "2026-11-21T08:00:00Z"), pump("b", "2026-11-21T09:00:00Z")});
    const InEffect newest = newest_in_effect(f.journal, false);
    REQUIRE(newest.entry);
    CHECK(newest.entry->id == "a");
}
}  // namespace PUMPLOG_UNITY_ID
