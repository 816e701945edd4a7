// Short references read from the journal as compact keys (record.hpp: Refs):
// the same length and the same resolution as from the ids themselves.
#include <algorithm>
#include <cctype>
#include <random>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/record.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The refs' length from the id strings, as it was computed before the keys:
// one more than the longest ending (case-insensitive) two distinct ids share,
// 4 at least; two ids the same but for case are shown whole and count for none.
std::size_t expected_length(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::size_t length = 4;
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
            const std::string a = lower(ids[i]), b = lower(ids[j]);
            std::size_t shared = 0;
            while (shared < a.size() && shared < b.size() && a[a.size() - 1 - shared] == b[b.size() - 1 - shared]) ++shared;
            if (a != b) length = std::max(length, shared + 1);
        }
    return length;
}

std::size_t length_of(const Refs& refs) { return refs.ref(std::string(60, 'x')).size(); }

// Ids made to share endings: short ones, case variants, long shared tails,
// ids written twice, ULID-like ones.
std::vector<std::string> awkward_ids(std::mt19937& rng, int n) {
    const auto pick = [&](int k) { return std::uniform_int_distribution<>(0, k - 1)(rng); };
    static const std::string alphabet = "aAbB01-Zz";
    const std::string tail = "SHAREDENDING0123";  // 16 characters
    std::vector<std::string> ids;
    while (static_cast<int>(ids.size()) < n) {
        const int kind = pick(6);
        std::string id;
        if (kind == 0 && !ids.empty()) {
            id = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];  // written twice
            char& c = id[static_cast<std::size_t>(pick(static_cast<int>(id.size())))];
            if (pick(2) && std::isalpha(static_cast<unsigned char>(c))) c ^= 0x20;  // or in another case
        } else if (kind == 1) {
            for (int i = 0, len = 1 + pick(14); i < len; ++i) id += alphabet[static_cast<std::size_t>(pick(9))];
        } else if (kind == 2) {
            for (int i = 0, len = pick(6); i < len; ++i) id += alphabet[static_cast<std::size_t>(pick(9))];
            id += tail.substr(static_cast<std::size_t>(pick(16)));
        } else {
            id = "01K";
            for (int i = 0; i < 23; ++i) id += "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[pick(kind == 3 ? 2 : 32)];
        }
        if (id.empty()) continue;
        ids.push_back(id);
    }
    return ids;
}

}  // namespace

TEST_CASE("refs read as keys have the length the ids themselves give") {
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        const std::vector<std::string> ids = awkward_ids(rng, 2 + round % 60);
        INFO(fmt::format("round {}: {}", round, fmt::join(ids, " ")));
        const std::size_t expected = expected_length(ids);
        CHECK(length_of(Refs(ids)) == expected);
        testing::TempDir dir;
        std::string journal;
        for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
        testing::write_file(dir / "j", journal);
        CHECK(length_of(Refs::read(Journal(dir / "j"))) == expected);
    }
}

TEST_CASE("ids ending alike over more than the keys hold are told apart from the ids") {
    const std::vector<std::string> ids = {"a-0123456789ABCDEFGHIJ", "b-0123456789abcdefghij", "0123456789ABCDEFGHIJ",
                                          "x"};
    CHECK(length_of(Refs(ids)) == 22);  // the first two share "-0123456789abcdefghij": 21 + 1
    CHECK(expected_length(ids) == 22);
    testing::TempDir dir;
    std::string journal;
    for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
    testing::write_file(dir / "j", journal);
    const Refs refs = Refs::read(Journal(dir / "j"));
    CHECK(length_of(refs) == 22);
    CHECK(refs.ref("a-0123456789ABCDEFGHIJ") == "a-0123456789abcdefghij");
    CHECK(refs.ref("0123456789ABCDEFGHIJ") == "0123456789abcdefghij");
}

TEST_CASE("refs read from the journal resolve as the refs of all its ids do") {
    std::mt19937 rng(11);
    for (int round = 0; round < 60; ++round) {
        const std::vector<std::string> ids = awkward_ids(rng, 30);
        testing::TempDir dir;
        std::string journal;
        for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
        testing::write_file(dir / "j", journal);
        const Refs all(ids);
        std::vector<std::string> wanted;
        for (const auto& id : ids) {
            wanted.push_back(all.ref(id));
            wanted.push_back(id);
            wanted.push_back(" " + lower(id.size() > 5 ? id.substr(id.size() - 5) : id) + " ");
            wanted.push_back(id.size() > 3 ? id.substr(id.size() - 3) : id);
        }
        const Refs read = Refs::read(Journal(dir / "j"), wanted);
        for (const auto& ref : wanted) {
            INFO(fmt::format("round {}: ref \"{}\"", round, ref));
            CHECK(read.resolve(ref) == all.resolve(ref));
        }
    }
}

TEST_CASE("refs gathered from a read, with ids about to be appended, are those of the journal with them") {
    std::mt19937 rng(13);
    for (int round = 0; round < 100; ++round) {
        const std::vector<std::string> ids = awkward_ids(rng, 2 + round % 40);
        const std::size_t written = 1 + static_cast<std::size_t>(round) % (ids.size() - 1);
        const std::vector<std::string> also(ids.begin() + static_cast<std::ptrdiff_t>(written), ids.end());
        testing::TempDir dir;
        std::string journal;
        for (std::size_t i = 0; i < written; ++i) journal += testing::line(ids[i], "2026-11-21T08:00:00Z") + "\n";
        testing::write_file(dir / "j", journal);
        const Journal j(dir / "j");
        RefsCollector collector;
        j.read_backward([&](const Entry& e) {
            collector.add(e.id);
            return true;
        });
        const Refs gathered = std::move(collector).finish(j, also);
        const Refs all(ids);
        INFO(fmt::format("round {}: {} written, then {}", round, written, fmt::join(also, " ")));
        CHECK(length_of(gathered) == length_of(all));
        for (const auto& id : ids) CHECK(gathered.ref(id) == all.ref(id));
    }
}

TEST_CASE("a ref never cuts a character of an id in two") {
    // "\u00e9" is 2 bytes (c3 a9): 4 bytes from the end start inside it.
    const std::vector<std::string> ids = {"w\u00e9\u00e9ab", "01KA0000000000000000000000", "\u00e9xyz"};
    const Refs refs(ids);
    CHECK(refs.ref(ids[0]) == "\u00e9ab");  // the whole character, so 5 bytes
    CHECK(refs.ref(ids[2]) == "\u00e9xyz");  // 5 bytes
    CHECK(refs.resolve(refs.ref(ids[0])) == std::vector<std::string>{ids[0]});
    CHECK(refs.resolve(refs.ref(ids[2])) == std::vector<std::string>{ids[2]});
}

TEST_CASE("an id with a bidi or invisible character gets a ref made of the id as log shows it, which names it") {
    // y + U+202E and U+200B are shown y\u202e and \u200b (terminal_text): refs of those printable characters.
    const std::string bidi = "Y\u202e", invisible = "\u200b", bidi_end = "01KA000000000000000000X\u202e";
    const std::string ulid = "01KA0000000000000000YJRXK11";
    const std::vector<std::string> ids = {bidi, invisible, bidi_end, ulid, "abc\u202e", "xbc\u202e",
                                          "A\u202e\u202e", "B\u202e\u202e", "01KB0000000000000\u200babcdefgh"};
    testing::TempDir dir;
    std::string journal;
    for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
    testing::write_file(dir / "j", journal);
    std::vector<std::string> wanted = ids;
    for (const char* typed : {"y\\u202e", "Y\\U202E", "202e", "200b", "\\u200b", "x\\u202e", "abc\\u202e",
                              "a\\u202e\\u202e", "k11"})
        wanted.emplace_back(typed);
    for (const Refs& refs : {Refs(ids), Refs::read(Journal(dir / "j"), wanted)}) {
        // "\u202e\u202e" are 12 characters shown: the last two ids share 12, so their refs are their whole texts.
        CHECK(refs.ref("A\u202e\u202e") == "a\\u202e\\u202e");
        CHECK(refs.ref("B\u202e\u202e") == "b\\u202e\\u202e");
        CHECK(refs.ref(bidi) == "y\\u202e");
        CHECK(refs.ref(invisible) == "\\u200b");
        CHECK(refs.ref(bidi_end) == "000000x\\u202e");  // 13 characters, as every ref here
        CHECK(refs.ref("abc\u202e") == "abc\\u202e");
        CHECK(refs.ref(ulid) == "000000yjrxk11");  // of the id itself
        for (const auto& id : ids) {
            INFO(id);
            const std::string ref = refs.ref(id);
            CHECK(std::all_of(ref.begin(), ref.end(), [](char c) { return c >= 0x20 && c < 0x7f; }));
            CHECK(refs.resolve(ref) == std::vector<std::string>{id});
        }
        CHECK(refs.resolve("y\\u202e") == std::vector<std::string>{bidi});  // whole, in any case
        CHECK(refs.resolve("Y\\U202E") == std::vector<std::string>{bidi});
        CHECK(refs.resolve("\\u200b") == std::vector<std::string>{invisible});
        CHECK(refs.resolve("200b") == std::vector<std::string>{invisible});
        CHECK(refs.resolve("x\\u202e") == std::vector<std::string>{bidi_end});
        CHECK(refs.resolve("abc\\u202e") == std::vector<std::string>{"abc\u202e"});
        CHECK(refs.resolve("a\\u202e\\u202e") == std::vector<std::string>{"A\u202e\u202e"});
        CHECK(refs.resolve("202e").size() == 6);  // the ending of six ids as shown
        CHECK(refs.resolve(bidi) == std::vector<std::string>{bidi});  // the id itself, as ever
        CHECK(refs.resolve("k11").empty());
        CHECK(refs.ref(ids.back()) == "u200babcdefgh");  // U+200B 9 bytes from the end, past a word's reach
    }
}

TEST_CASE("an id shown as another id is written gets a ref of its own, which names it alone") {
    // "\u200b" typed out and U+200B are both shown \u200b: the one no one can type is told apart by '#' and its
    // place among the ids shown alike; an id written as that ref already pushes it to the next number.
    const std::string typed = "\\u200b", invisible = "\u200b", upper = "\\U200B";
    const std::string long_typed = "01KA00000000000000000\\u202e", long_bidi = "01KA00000000000000000\u202e";
    const std::string ulid = "01KA0000000000000000YJRXK11";
    const std::vector<std::vector<std::string>> journals = {
        {typed, invisible, ulid},
        {invisible, typed, upper, "\\u200b#3", ulid},  // places: \U200B 1, \u200b 2, U+200B 3
        {long_typed, long_bidi, ulid},
    };
    const std::vector<std::vector<std::string>> expected = {
        {"\\u200b", "\\u200b#2", "xk11"},
        {"\\u200b#4", "\\u200b", "\\U200B", "0b#3", "xk11"},
        {long_typed, "01ka00000000000000000\\u202e#2", "xk11"},  // a twin typed out keeps its case
    };
    for (std::size_t n = 0; n < journals.size(); ++n) {
        const auto& ids = journals[n];
        testing::TempDir dir;
        std::string journal;
        for (std::string id : ids) {
            for (std::size_t at = 0; (at = id.find('\\', at)) != std::string::npos; at += 2) id.insert(at, 1, '\\');
            journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";  // a backslash written as JSON writes it
        }
        testing::write_file(dir / "j", journal);
        for (const Refs& refs : {Refs(ids), Refs::read(Journal(dir / "j"), expected[n])})
            for (std::size_t i = 0; i < ids.size(); ++i) {
                INFO(n << " " << ids[i]);
                const std::string ref = refs.ref(ids[i]);
                CHECK(ref == expected[n][i]);
                CHECK(std::all_of(ref.begin(), ref.end(), [](char c) { return c >= 0x20 && c < 0x7f; }));
                CHECK(refs.resolve(ref) == std::vector<std::string>{ids[i]});
                CHECK(refs.lines_with(ids[i]) == 1);
            }
    }
}

TEST_CASE("ids that differ only in case have refs that differ, each naming its own id") {
    const std::vector<std::vector<std::string>> journals = {
        {"ABCD", "abcd", "xabcd", "01KA0000000000000000000XYZ"},
        {"01KA0000000000000000000ABC", "01ka0000000000000000000abc", "01KA0000000000000000000XYZ"},  // tied
    };
    for (const auto& ids : journals) {
        testing::TempDir dir;
        std::string journal;
        for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
        testing::write_file(dir / "j", journal);
        for (const Refs& refs : {Refs(ids), Refs::read(Journal(dir / "j"), ids)})
            for (std::size_t i = 0; i < ids.size(); ++i) {
                INFO(ids[i]);
                const std::string ref = refs.ref(ids[i]);
                CHECK(Refs(ids).resolve(ref) == std::vector<std::string>{ids[i]});
                for (std::size_t j = 0; j < i; ++j) CHECK(ref != refs.ref(ids[j]));
            }
    }
    CHECK(Refs({"ABCD", "abcd"}).ref("ABCD") == "ABCD");
    CHECK(Refs({"ABCD", "wxyz"}).ref("ABCD") == "abcd");  // no twin: lower case, as every ref
}

TEST_CASE("only ids that differ only in case keep their whole id and case and no other ref grows") {
    const std::vector<std::vector<std::string>> journals = {
        {"P1", "xxP1", "zzzzefgh", "note-a", "NOTE-A", "01KA0000000000000000YJRXK11"},
        {"P1", "xxP1", "zzzzefgh", "01KA0000000000000000000ABC", "01ka0000000000000000000abc",  // tied
         "01KA0000000000000000YJRXK11"},
    };
    for (const auto& ids : journals) {
        testing::TempDir dir;
        std::string journal;
        for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
        testing::write_file(dir / "j", journal);
        std::vector<std::string> shown;
        for (const Refs& refs : {Refs(ids), Refs::read(Journal(dir / "j"), ids)}) {
            INFO(ids[3]);
            CHECK(refs.ref("P1") == "p1");
            CHECK(refs.ref("xxP1") == "xxp1");
            CHECK(refs.ref("zzzzefgh") == "efgh");
            CHECK(refs.ref("01KA0000000000000000YJRXK11") == "xk11");
            CHECK(refs.ref(ids[3]) == ids[3]);
            CHECK(refs.ref(ids[4]) == ids[4]);
            for (const auto& id : ids) CHECK(Refs(ids).resolve(refs.ref(id)) == std::vector<std::string>{id});
        }
    }
}

TEST_CASE("every ref log shows names its id alone: short ids in capitals and ids ending in another id too") {
    // pumplog(5)'s example journal: ids P1 and S1, shown p1 and s1.
    const std::vector<std::string> ids = {"P1", "S1", "G", "Gx", "XP1", "ABCD", "xABCD", "01KA0000000000000000000XYZ"};
    testing::TempDir dir;
    std::string journal;
    for (const auto& id : ids) journal += testing::line(id, "2026-11-21T08:00:00Z") + "\n";
    testing::write_file(dir / "j", journal);
    const Refs refs(ids);
    CHECK(refs.ref("P1") == "p1");
    CHECK(refs.ref("G") == "g");
    CHECK(refs.ref("Gx") == "gx");
    CHECK(refs.ref("ABCD") == "abcd");
    CHECK(refs.ref("xABCD") == "xabcd");
    std::vector<std::string> shown;
    for (const auto& id : ids) shown.push_back(refs.ref(id));
    const Refs read = Refs::read(Journal(dir / "j"), shown);
    for (const auto& id : ids) {
        INFO(id);
        CHECK(refs.resolve(refs.ref(id)) == std::vector<std::string>{id});
        CHECK(read.resolve(refs.ref(id)) == std::vector<std::string>{id});
    }
    CHECK(refs.resolve("P1") == std::vector<std::string>{"P1"});
    CHECK(refs.resolve("Xp1") == std::vector<std::string>{"XP1"});
    CHECK(refs.resolve("q1").empty());
}

TEST_CASE("every ref of awkward ids names its id alone") {
    std::mt19937 rng(23);
    for (int round = 0; round < 200; ++round) {
        const std::vector<std::string> ids = awkward_ids(rng, 20);
        const Refs refs(ids);
        for (const auto& id : ids) {
            INFO(fmt::format("round {}: id \"{}\", ref \"{}\"", round, id, refs.ref(id)));
            CHECK(refs.resolve(refs.ref(id)) == std::vector<std::string>{id});
        }
    }
}
}  // namespace PUMPLOG_UNITY_ID
