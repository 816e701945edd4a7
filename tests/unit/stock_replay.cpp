// The stash replayed as the journal is delivered, newest written first
// (stock.hpp: StockReplay, read_stock): the same stash as every entry sorted
// by time gives, holding only the containers still open.
#include <algorithm>
#include <random>
#include <unordered_map>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pumplog/error.hpp"
#include "pumplog/stock.hpp"
#include "pumplog/text.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using namespace pumplog;
using testing::entry_of;
using testing::instant;
using testing::utc_text;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

const Seconds P = instant("2026-11-01T08:00:00Z");

std::string store_json(const std::string& id, Seconds at, const std::string& place, double ml, const std::string& label) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"store","at":"{}","ml":{},"place":"{}","pumped":"{}","label":"{}"}})", id,
                       utc_text(at), ml, place, utc_text(at), label);
}
std::string move_json(const std::string& id, const std::string& target, Seconds at, const std::string& place) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"move","at":"{}","target":"{}","place":"{}"}})", id, utc_text(at), target,
                       place);
}
std::string use_json(const std::string& id, const std::string& target, Seconds at, double ml) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"use","at":"{}","target":"{}","ml":{}}})", id, utc_text(at), target, ml);
}
std::string discard_json(const std::string& id, const std::string& target, Seconds at) {
    return fmt::format(R"({{"v":1,"id":"{}","type":"discard","at":"{}","target":"{}","reason":"spilled"}})", id,
                       utc_text(at), target);
}

Entry store(const std::string& id, Seconds at, const std::string& place, double ml, const std::string& label) {
    return entry_of(store_json(id, at, place, ml, label));
}
Entry use(const std::string& id, const std::string& target, Seconds at, double ml) {
    return entry_of(use_json(id, target, at, ml));
}
Entry discard(const std::string& id, const std::string& target, Seconds at) {
    return entry_of(discard_json(id, target, at));
}

// A journal in file order (oldest written first), voided entries flagged.
struct Written {
    std::vector<Entry> lines;
    std::vector<bool> voided;
};

// The stash as it was computed before the replay forgot anything: every
// store, move, use and discard held, sorted by time (ties in file order),
// the containers first, then their entries in time order.
Stock reference(const Written& w, const Guideline& guideline) {
    std::vector<std::size_t> order(w.lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return w.lines[a].at.instant < w.lines[b].at.instant; });
    const auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const auto tail = [&](const std::string& id) { return lower(id.size() <= 4 ? id : id.substr(id.size() - 4)); };
    Stock stock;
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, double> rest_of;  // by id: what a used-up container held when it was
    std::vector<std::string> taken;
    for (const std::size_t i : order) {
        const Entry& e = w.lines[i];
        if (e.type != EntryType::store) continue;
        // Every label ever written reserves its B-number, voided or not.
        const std::string& l = e.label;
        if (l.size() >= 2 && (l[0] == 'B' || l[0] == 'b') &&
            std::all_of(l.begin() + 1, l.end(), [](char c) { return c >= '0' && c <= '9'; }))
            stock.highest_label = std::max(stock.highest_label, std::stoll(l.substr(1)));
        if (w.voided[i] || by_id.contains(e.id)) continue;
        Container c;
        c.id = e.id;
        c.label = e.label.empty() ? "B?" : e.label;
        if (std::find(taken.begin(), taken.end(), lower(c.label)) != taken.end() || e.label.empty())
            c.label += "~" + tail(e.id);
        taken.push_back(lower(c.label));
        c.stored = Volume::from_ml(std::max(0.0, e.ml.value_or(0)));
        c.left = c.stored;
        const auto place = place_from(e.place);
        if (!place) stock.problems.push_back(fmt::format("{}: unknown place \"{}\", counted as room", c.label, e.place));
        c.place = place.value_or(Place::room);
        c.stored_at = e.at.instant;
        c.pumped = e.pumped ? e.pumped->instant : e.at.instant;
        c.stays.push_back({c.place, c.stored_at});
        if (c.left.ml() < least_container_ml) {
            c.state = ContainerState::used_up;
            c.ended = c.stored_at;
            rest_of[c.id] = c.stored.ml();
        }
        by_id.emplace(c.id, stock.containers.size());
        stock.containers.push_back(std::move(c));
    }
    for (const std::size_t i : order) {
        const Entry& e = w.lines[i];
        if (w.voided[i]) continue;
        if (e.type != EntryType::move && e.type != EntryType::use && e.type != EntryType::discard) continue;
        const auto it = by_id.find(e.target);
        if (it == by_id.end()) {
            stock.problems.push_back(
                fmt::format("{} {} names no stored container (\"{}\"); skipped", type_name(e.type), e.id, e.target));
            continue;
        }
        Container& c = stock.containers[it->second];
        // The drops the 2 ml rule counted as used up: taking (no more than them), moving or throwing them
        // away is no problem.
        double& rest = rest_of[e.target];
        if (c.state == ContainerState::used_up && rest > 0.005) {
            const double ml = std::max(0.0, e.ml.value_or(0));
            const bool drops = e.type == EntryType::discard || (e.type == EntryType::use && ml <= rest + 0.005) ||
                               (e.type == EntryType::move && place_from(e.place));
            if (e.type == EntryType::discard) rest = 0;
            else if (e.type == EntryType::use && drops) rest = std::max(0.0, rest - ml);
            if (drops) continue;
        }
        if (c.state != ContainerState::in_stock) {
            stock.problems.push_back(fmt::format("{} {} of {} after it was {}; skipped", type_name(e.type), e.id, c.label,
                                                 c.state == ContainerState::used_up ? "used up" : "discarded"));
            continue;
        }
        const Seconds at = std::max(e.at.instant, c.stored_at);
        if (e.type == EntryType::move) {
            const auto place = place_from(e.place);
            if (!place) {
                stock.problems.push_back(fmt::format("move {} to unknown place \"{}\"; skipped", e.id, e.place));
                continue;
            }
            if (*place == c.place) continue;
            c.place = *place;
            c.stays.push_back({c.place, at});
        } else if (e.type == EntryType::use) {
            // More than is left (over 0.05 ml past it): it took what was left, and is reported.
            const Volume taken = Volume::from_ml(std::max(0.0, e.ml.value_or(0)));
            if (std::llround((taken - c.left).ml() * 1e6) >= 50'000)
                stock.problems.push_back(fmt::format("use {} of {} took {}, more than the {} left in it; counted as {}",
                                                     e.id, c.label, format_volume(taken, Unit::ml),
                                                     format_volume(c.left, Unit::ml), format_volume(c.left, Unit::ml)));
            c.left -= taken;
            if (c.left.ml() < least_container_ml) {
                rest = std::max(0.0, c.left.ml());
                c.left = Volume{};
                c.state = ContainerState::used_up;
                c.ended = at;
            }
        } else {
            c.discarded = c.left;
            c.left = Volume{};
            c.state = ContainerState::discarded;
            c.ended = at;
            c.reason = e.reason;
        }
    }
    for (auto& c : stock.containers) {
        const Expiry expiry = compute_expiry(guideline, c.pumped, c.stays);
        c.expires = expiry.expires;
        c.thawed = expiry.thawed;
        c.best_by = expiry.best_by;
        c.refrozen = expiry.refrozen;
    }
    return stock;
}

// The replay as read_stock runs it: newest written first; again exactly when it gives up.
Stock replayed(const Written& w, const StockOptions& options, bool* gave_up = nullptr) {
    for (const bool exact : {false, true}) {
        StockReplay stash(cdc_guideline(), options, exact);
        for (std::size_t i = w.lines.size(); i-- > 0;) stash.add(w.lines[i], w.voided[i]);
        if (stash.needs_exact()) {
            if (gave_up) *gave_up = true;
            continue;
        }
        return stash.finish();
    }
    FAIL("the exact replay gave up");
    return {};
}

std::string describe(const Container& c) {
    std::string stays;
    for (const auto& s : c.stays) stays += fmt::format("{}@{} ", place_name(s.place), utc_text(s.since));
    return fmt::format("{} {} {} left {} {} [{}] stored {} pumped {} thawed {} expires {} best {} refrozen {} "
                       "state {} ended {} discarded {} reason {}",
                       c.id, c.label, c.stored.ml(), c.left.ml(), place_name(c.place), stays, utc_text(c.stored_at),
                       utc_text(c.pumped), c.thawed ? utc_text(*c.thawed) : "-", utc_text(c.expires),
                       c.best_by ? utc_text(*c.best_by) : "-", c.refrozen, static_cast<int>(c.state),
                       c.ended ? utc_text(*c.ended) : "-", c.discarded.ml(), c.reason);
}

// Each container's label as its store wrote it, in lower case: the first store of its id in time (ties in file
// order) that is not voided, as reference() takes it.
std::unordered_map<std::string, std::string> written_labels(const Written& w) {
    std::vector<std::size_t> order(w.lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return w.lines[a].at.instant < w.lines[b].at.instant; });
    std::unordered_map<std::string, std::string> out;
    for (const std::size_t i : order)
        if (w.lines[i].type == EntryType::store && !w.voided[i]) out.emplace(w.lines[i].id, lower(w.lines[i].label));
    return out;
}

// The containers kept: all, or those in stock and the finished ones with `label` (lower case) as shown or as
// written (Stock::find names every container that carries the label asked for, when an older pumplog wrote
// it in two spellings).
std::vector<std::string> describe(const std::vector<Container>& containers, bool all, const std::string& label = "",
                                  const std::unordered_map<std::string, std::string>& written = {}) {
    std::vector<std::string> out;
    for (const auto& c : containers) {
        const auto as_written = written.find(c.id);
        const bool asked = !label.empty() &&
                           (lower(c.label) == label || (as_written != written.end() && as_written->second == label));
        if (all || c.state == ContainerState::in_stock || asked) out.push_back(describe(c));
    }
    return out;
}

// A random journal. `tidy`: as pumplog writes one (entries about a container
// only after its store and before its end, labels unique); otherwise with
// what merges, hand edits and other tools leave: entries before their store
// in the file, unknown targets and places, repeated labels and store ids,
// voided lines, labels holding "~", times out of order.
Written random_journal(std::mt19937& rng, bool tidy, int lines) {
    const auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
    const auto pick = [&](int n) { return std::uniform_int_distribution<>(0, n - 1)(rng); };
    static const std::vector<std::string> places = {"fridge", "freezer", "room", "cooler"};
    Written w;
    struct Bag {
        std::string id;
        double left;
        bool ended = false;
    };
    std::vector<Bag> bags;
    std::vector<std::string> future;  // ids whose store is written later (untidy only)
    Seconds now = P;
    int n = 0;
    const auto add = [&](const std::string& json) {
        w.lines.push_back(entry_of(json));
        w.voided.push_back(!tidy && chance(0.05));
    };
    while (static_cast<int>(w.lines.size()) < lines) {
        now += minutes(10 + pick(600));
        const Seconds at = tidy || !chance(0.2) ? now : now - hours(pick(72));
        const std::string id = fmt::format("01ID{:04}{}", ++n, "ABCDEFGHJKMNPQRSTVWXYZ"[pick(22)]);
        const int kind = pick(10);
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < bags.size(); ++i)
            if (!bags[i].ended) open.push_back(i);
        if (kind < 3 || open.empty()) {
            std::string sid = id;
            if (!tidy && !future.empty() && chance(0.3)) {
                sid = future.back();
                future.pop_back();
            }
            if (!tidy && !bags.empty() && chance(0.03)) sid = bags[static_cast<std::size_t>(pick(static_cast<int>(bags.size())))].id;
            std::string label = fmt::format("B{}", bags.size() + 1);
            if (!tidy && chance(0.1)) label = fmt::format("B{}", 1 + pick(static_cast<int>(bags.size()) + 1));
            if (!tidy && chance(0.03)) label = "";
            if (!tidy && chance(0.02)) label = "B1~" + std::string(1, "abcd"[pick(4)]);
            std::string place = places[static_cast<std::size_t>(pick(4))];
            if (!tidy && chance(0.03)) place = "shelf";
            const double ml = chance(0.05) ? 0 : 20 + pick(180);
            add(store_json(sid, at, place, ml, label));
            bags.push_back({sid, ml});
            continue;
        }
        Bag& bag = bags[open[static_cast<std::size_t>(pick(static_cast<int>(open.size())))]];
        std::string target = bag.id;
        if (!tidy && chance(0.05)) target = "nowhere";
        if (!tidy && chance(0.08)) {
            target = fmt::format("01ID{:04}Z", n + 1 + pick(5));
            future.push_back(target);
        }
        if (kind < 5) {
            std::string place = places[static_cast<std::size_t>(pick(4))];
            if (!tidy && chance(0.05)) place = "garage";
            add(move_json(id, target, at, place));
        } else if (kind < 9) {
            const double ml = std::min(bag.left, static_cast<double>(5 + pick(120)));
            add(use_json(id, target, at, tidy ? ml : ml + pick(40)));
            bag.left -= ml;
            if (bag.left < least_container_ml) bag.ended = true;  // drops left: used up
        } else {
            add(discard_json(id, target, at));
            bag.ended = true;
        }
        if (!tidy && chance(0.05)) bag.ended = false;  // entries after its end
    }
    return w;
}

void check_same(const Written& w, const std::string& seed) {
    INFO(seed);
    const Stock expected = reference(w, cdc_guideline());
    StockOptions all;
    all.keep_ended = true;
    const Stock kept = replayed(w, all);
    CHECK(describe(kept.containers, true) == describe(expected.containers, true));
    CHECK(kept.problems == expected.problems);
    const Stock open = replayed(w, {});
    CHECK(describe(open.containers, true) == describe(expected.containers, false));
    CHECK(open.problems == expected.problems);
    StockOptions b1;
    b1.label = " b1 ";
    CHECK(describe(replayed(w, b1).containers, true) == describe(expected.containers, false, "b1", written_labels(w)));
    CHECK(next_label(open) == next_label(expected));
}

}  // namespace

TEST_CASE("the replay newest first gives the stash that every entry sorted by time gives") {
    std::mt19937 rng(20261123);
    int fast = 0;
    for (int round = 0; round < 300; ++round) {
        const bool tidy = round % 2 == 0;
        const Written w = random_journal(rng, tidy, 20 + round % 80);
        check_same(w, fmt::format("round {} ({})", round, tidy ? "tidy" : "untidy"));
        bool gave_up = false;
        replayed(w, {}, &gave_up);
        if (tidy) CHECK_FALSE(gave_up);  // a journal as pumplog writes it never needs the exact replay
        fast += gave_up ? 0 : 1;
    }
    CHECK(fast > 150);  // some untidy ones too
}

TEST_CASE("a finished container is forgotten and its store met later does not bring it back") {
    // In the file: store, use, discard. Met newest first: discard, use, store.
    const Written w{{store("S1", P, "fridge", 100, "B1"), use("U1", "S1", P + hours(1), 30),
                     discard("D1", "S1", P + hours(2))},
                    {false, false, false}};
    StockReplay stash(cdc_guideline());
    stash.add(w.lines[2], false);
    stash.add(w.lines[1], false);
    CHECK(stash.holding() == 1);  // the discard and the use wait for their store
    stash.add(w.lines[0], false);
    CHECK(stash.holding() == 0);  // finished: forgotten
    CHECK_FALSE(stash.needs_exact());
    const Stock s = stash.finish();
    CHECK(s.containers.empty());
    CHECK(s.problems.empty());
    CHECK(next_label(s) == "B2");
    CHECK_THROWS_WITH(check_new_label(s, "b1"), "label \"b1\" is taken; the next free one is B2");

    SECTION("--all keeps it") {
        StockOptions all;
        all.keep_ended = true;
        const Stock kept = replayed(w, all);
        REQUIRE(kept.containers.size() == 1);
        CHECK(kept.containers[0].state == ContainerState::discarded);
        CHECK(kept.containers[0].discarded.ml() == Approx(70));
    }
    SECTION("asked for by its label, it is kept to say what became of it") {
        StockOptions b1;
        b1.label = "B1";
        const Stock asked = replayed(w, b1);
        REQUIRE(asked.find("b1") != nullptr);
        CHECK_THROWS_WITH(plan_use_container(*asked.find("b1"), P + hours(3), locate_zone("UTC")),
                          "B1 was discarded; see pumplog stock --all");
    }
    SECTION("a line about it written before its store sends the replay round again, exactly") {
        // A use written before the store (another device's clock): met after the store.
        Written early = w;
        early.lines.insert(early.lines.begin(), use("U0", "S1", P + hours(3), 10));
        early.voided.insert(early.voided.begin(), false);
        StockReplay again(cdc_guideline());
        for (std::size_t i = early.lines.size(); i-- > 0;) again.add(early.lines[i], false);
        CHECK(again.needs_exact());
        bool gave_up = false;
        const Stock s2 = replayed(early, {}, &gave_up);
        CHECK(gave_up);
        CHECK(s2.containers.empty());
        CHECK(s2.problems == std::vector<std::string>{"use U0 of B1 after it was discarded; skipped"});
    }
    SECTION("a second store of the id, written earlier, does not resurrect it") {
        Written twice = w;
        twice.lines.insert(twice.lines.begin(), store("S1", P - hours(1), "freezer", 500, "B9"));
        twice.voided.insert(twice.voided.begin(), false);
        const Stock s2 = replayed(twice, {});
        CHECK(s2.containers.empty());
        CHECK(next_label(s2) == "B10");
        check_same(twice, "store id written twice");
    }
}

TEST_CASE("labels stay unique after many finished containers") {
    Written w;
    for (int i = 1; i <= 500; ++i) {
        const std::string id = fmt::format("01S{:04}", i);
        w.lines.push_back(store(id, P + hours(i), "fridge", 90, fmt::format("B{}", i)));
        w.lines.push_back(use(fmt::format("01U{:04}", i), id, P + hours(i) + minutes(30), 90));
    }
    // A container labelled B250 by another device, still in stock.
    w.lines.push_back(store("01OTHERDEVICEWXYZ", P + hours(600), "freezer", 120, "B250"));
    w.voided.assign(w.lines.size(), false);
    StockReplay stash(cdc_guideline());
    std::size_t most = 0;
    for (std::size_t i = w.lines.size(); i-- > 0;) {
        stash.add(w.lines[i], false);
        most = std::max(most, stash.holding());
    }
    CHECK(most <= 2);  // memory does not grow with the finished containers
    const Stock s = stash.finish();
    REQUIRE(s.containers.size() == 1);
    CHECK(s.containers[0].label == "B250~wxyz");  // the first B250 was forgotten, its label was not
    CHECK(next_label(s) == "B501");
    CHECK_THROWS_WITH(check_new_label(s, "b17"), "label \"b17\" is taken; the next free one is B501");
    CHECK_NOTHROW(check_new_label(s, "F1"));
    check_same(w, "500 finished");
}

TEST_CASE("taking moving or throwing away the drops the 2 ml rule counted as used up is no problem") {
    const Entry move_entry = entry_of(move_json("M1", "S1", P + hours(2), "freezer"));
    const Written w{{store("S1", P, "fridge", 101, "B1"), use("U1", "S1", P + hours(1), 100), move_entry,
                     use("U2", "S1", P + hours(3), 0.5), use("U3", "S1", P + hours(4), 0.4),
                     discard("D1", "S1", P + hours(5)),
                     store("S2", P, "fridge", 100, "B2"), use("U4", "S2", P + hours(1), 99),
                     use("U5", "S2", P + hours(2), 0.6), use("U6", "S2", P + hours(3), 0.5)},
                    std::vector<bool>(10, false)};
    StockOptions all;
    all.keep_ended = true;
    for (const Stock& s : {replayed(w, all), replayed(w, {}), reference(w, cdc_guideline())}) {
        // B1: 1 ml moved, 0.9 ml taken in two, the rest thrown away.
        // B2's 1 ml: 0.6 ml taken, then 0.5 ml more than is left.
        CHECK(s.problems == std::vector<std::string>{"use U6 of B2 after it was used up; skipped"});
    }
}

TEST_CASE("a use of more than is left or after the container's end took what was left and names its line") {
    Entry over = use("U2", "S1", P + hours(2), 60);
    over.offset = 4242;
    const Written w{{store("S1", P, "fridge", 100, "B1"), use("U1", "S1", P + hours(1), 60), over,
                     store("S2", P, "fridge", 100, "B2"), discard("D2", "S2", P + hours(1)),
                     use("U3", "S2", P + hours(2), 20), store("S3", P, "fridge", 100, "B3"),
                     use("U4", "S3", P + hours(1), 100.04)},
                    std::vector<bool>(8, false)};
    StockOptions all;
    all.keep_ended = true;
    for (const Stock& s : {replayed(w, all), replayed(w, {})}) {
        REQUIRE(s.short_uses.size() == 2);  // 0.04 ml past what was left is rounding: U4 took it all
        CHECK(s.short_uses[0].id == "U2");
        CHECK(s.short_uses[0].label == "B1");
        CHECK(s.short_uses[0].written.ml() == 60);
        CHECK(s.short_uses[0].left.ml() == Approx(40));
        CHECK(s.short_uses[0].state == ContainerState::in_stock);
        CHECK(s.short_uses[0].offset == 4242);
        CHECK(s.short_uses[1].id == "U3");
        CHECK(s.short_uses[1].label == "B2");
        CHECK(s.short_uses[1].left.ml() == 0);
        CHECK(s.short_uses[1].state == ContainerState::discarded);
    }
}

TEST_CASE("the stash as of a time leaves later moves out but counts them in the container's last event") {
    // B1 moved to the freezer a day later; B2 stored at the same time: as of P + 1 h both are fridge milk,
    // expiring together, B1 first (stored first), as stock use takes them.
    const Written w{{store("S1", P, "fridge", 100, "B1"), entry_of(move_json("M1", "S1", P + hours(24), "freezer")),
                     store("S2", P, "fridge", 50, "B2"), use("U9", "S3", P + hours(30), 10),
                     store("S3", P + hours(2), "fridge", 40, "B3")},
                    std::vector<bool>(5, false)};
    StockOptions now;
    now.as_of = P + hours(1);
    const Stock s = replayed(w, now);
    CHECK(s.problems.empty());  // the use of B3, stored later, has not happened yet either
    REQUIRE(s.containers.size() == 2);  // B3 is stored later
    const Container& b1 = *s.find("B1");
    CHECK(b1.place == Place::fridge);
    CHECK(b1.last_event == P + hours(24));
    CHECK(use_order(s, P + hours(1)).front()->label == "B1");
    // The whole journal: B1 is frozen tomorrow, and expires after B2.
    const Stock all = build_stock(w.lines, w.voided, cdc_guideline());
    CHECK(all.find("B1")->place == Place::freezer);
    CHECK(use_order(all, P + hours(1)).front()->label == "B2");
}

TEST_CASE("a use before its store in the file is reported as before") {
    SECTION("naming a store never written") {
        const Written w{{use("U1", "S9", P, 30), store("S1", P + hours(1), "fridge", 100, "B1")}, {false, false}};
        const Stock s = replayed(w, {});
        CHECK(s.problems == std::vector<std::string>{"use U1 names no stored container (\"S9\"); skipped"});
        REQUIRE(s.containers.size() == 1);
        CHECK(s.containers[0].left.ml() == Approx(100));
    }
    SECTION("naming a store written later: applied by time, as before") {
        const Written w{{use("U1", "S1", P + hours(2), 30), store("S1", P + hours(1), "fridge", 100, "B1")},
                        {false, false}};
        const Stock s = replayed(w, {});
        CHECK(s.problems.empty());
        REQUIRE(s.containers.size() == 1);
        CHECK(s.containers[0].left.ml() == Approx(70));
        check_same(w, "use before its store");
    }
    SECTION("the same through the journal file") {
        testing::TempDir dir;
        testing::write_file(dir / "j", use_json("U0", "S1", P + hours(3), 10) + "\n" +
                                           store_json("S1", P, "fridge", 100, "B1") + "\n" +
                                           use_json("U1", "S1", P + hours(1), 30) + "\n" +
                                           discard_json("D1", "S1", P + hours(2)) + "\n" +
                                           use_json("U2", "S2", P + hours(4), 30) + "\n");
        const StockRead read = read_stock(Journal(dir / "j"), cdc_guideline(), {}, std::nullopt, false);
        CHECK(read.stock.containers.empty());
        // U2 names a line no line has: a damaged line, as log check calls it and in its words (pumplog(5)).
        CHECK(read.stock.problems == std::vector<std::string>{"use U0 of B1 after it was discarded; skipped"});
        CHECK(read.stats.bad_lines == 1);
        REQUIRE(read.stats.bad.size() == 1);
        CHECK(read.stats.bad[0].line == 5);
        CHECK(read.stats.bad[0].reason == "refers to \"S2\", which no line has");
    }
}

TEST_CASE("the stash read from the journal follows its voids and amendments") {
    testing::TempDir dir;
    const std::string j = store_json("S1", P, "fridge", 100, "B1") + "\n" +  //
                          store_json("S2", P, "fridge", 100, "B2") + "\n" +  //
                          use_json("U1", "S1", P + hours(1), 100) + "\n" +   // S1 used up ...
                          testing::line("V1", utc_text(P + hours(2)), "void", R"(,"target":"U1")") + "\n" +  // ... not: voided
                          use_json("U2", "S2", P + hours(1), 40) + "\n" +
                          testing::line("A1", utc_text(P + hours(2)), "amend", R"(,"target":"U2","set":{"ml":100})") +
                          "\n" + store_json("S3", P, "fridge", 50, "B3") + "\n" +
                          testing::line("V2", utc_text(P + hours(2)), "void", R"(,"target":"S3")") + "\n" +
                          testing::line("F1", utc_text(P + hours(3)), "feed", R"(,"method":"bottle","ml":90,"milk":"breast")") +
                          "\n";
    testing::write_file(dir / "j", j);
    const StockRead read = read_stock(Journal(dir / "j"), cdc_guideline(), {}, P, false);
    REQUIRE(read.stock.containers.size() == 1);
    CHECK(read.stock.containers[0].label == "B1");
    CHECK(read.stock.containers[0].left.ml() == Approx(100));  // S2 was used up by the amended use
    CHECK(next_label(read.stock) == "B4");                       // the voided S3 keeps its label
    REQUIRE(read.feeds.entries.size() == 1);
    CHECK(read.feeds.entries[0].id == "F1");
    CHECK(read.stats.bad.empty());
}

TEST_CASE("the stash read passes over old feeds but still meets one whose time an amendment moved into the days asked for") {
    testing::TempDir dir;
    const auto feed = [](const std::string& id, Seconds at, int ml) {
        return testing::line(id, utc_text(at), "feed",
                             R"(,"method":"bottle","ml":)" + std::to_string(ml) + R"(,"milk":"breast")") + "\n";
    };
    const std::string base = feed("F0", P - date::days(20), 80) + feed("F1", P - date::days(10), 70) +
                             feed("F3", P - date::days(9), 60) + store_json("S1", P - date::days(30), "freezer", 100, "B1") + "\n" +
                             feed("F2", P + hours(2), 90) +
                             testing::line("A3", utc_text(P + hours(3)), "amend", R"(,"target":"F3","set":{"ml":65})") +
                             "\n";
    const auto ids = [](const StockRead& read) {
        std::vector<std::string> out;
        for (const Entry& e : read.feeds.entries) out.push_back(e.id + "@" + std::to_string(e.ml.value_or(0)));
        return out;
    };
    SECTION("no time amended: the feeds since the time asked for alone") {
        testing::write_file(dir / "j", base);
        const StockRead read = read_stock(Journal(dir / "j"), cdc_guideline(), {}, P, false);
        CHECK(ids(read) == std::vector<std::string>{"F2@90.000000"});
        REQUIRE(read.stock.containers.size() == 1);
        CHECK(read.stats.bad.empty());
    }
    SECTION("a feed of ten days ago amended to an hour after the start") {
        testing::write_file(dir / "j", base + testing::line("A1", utc_text(P + hours(4)), "amend",
                                                             R"(,"target":"F1","set":{"at":")" +
                                                                 utc_text(P + hours(1)) + R"("})") +
                                               "\n");
        const StockRead read = read_stock(Journal(dir / "j"), cdc_guideline(), {}, P, false);
        CHECK(ids(read) == std::vector<std::string>{"F1@70.000000", "F2@90.000000"});
        REQUIRE(read.feeds.entries.size() == 2);
        CHECK(read.feeds.entries[0].at.instant == P + hours(1));
        REQUIRE(read.stock.containers.size() == 1);
        CHECK(read.stock.containers[0].label == "B1");
    }
    SECTION("the amendment written before the feed it moves (a merged file)") {
        testing::write_file(dir / "j", testing::line("A1", utc_text(P + hours(4)), "amend",
                                                     R"(,"target":"F1","set":{"at":")" + utc_text(P + hours(1)) +
                                                         R"("})") +
                                           "\n" + base);
        const StockRead read = read_stock(Journal(dir / "j"), cdc_guideline(), {}, P, false);
        CHECK(ids(read) == std::vector<std::string>{"F1@70.000000", "F2@90.000000"});
    }
}
}  // namespace PUMPLOG_UNITY_ID
