// Journal::read_backward: the one read path. The file is read from its end in
// chunks; each chunk's complete lines are parsed once (the canonical-line fast
// path, else simdjson on-demand) and visited newest first. In large files a
// worker thread reads and parses the chunks ahead while the caller's thread
// visits them, so a full read uses both cores; memory stays at a few chunks.
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unordered_map>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "file_descriptor.hpp"
#include "line_parser.hpp"
#include "pumplog/error.hpp"
#include "pumplog/id_hash.hpp"
#include "pumplog/journal.hpp"
#include "pumplog/text.hpp"

namespace pumplog {

namespace {

constexpr std::size_t chunk_size = 1 << 17;
// The first regions are smaller and read by the caller alone: `add` needs the
// last day (it ends in the first), `plan next` two weeks (the third), and a
// second thread costs more than it saves on such a short read. Every line
// parsed is an entry built: small regions reuse the same few hundred entries
// (and their strings) instead of building a thousand new ones. 7 x 64 KiB:
// a read that goes on past 448 KiB is long, and the pipeline takes over.
constexpr std::size_t tail_chunk_size = 1 << 16;
constexpr int tail_regions = 7;


// A line's text at `offset`, without its newline (and a '\r' before it).
std::string line_at(int fd, std::uint64_t offset) {
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(offset + text.size()));
        if (got <= 0) break;
        const void* nl = std::memchr(buffer, '\n', static_cast<std::size_t>(got));
        text.append(buffer, nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buffer)
                               : static_cast<std::size_t>(got));
        if (nl || text.size() > max_line_bytes) break;
    }
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (offset == 0) text.erase(0, byte_order_mark(text.data(), text.size()));  // line 1, as every reader reads it
    return text;
}

// Counts newlines before each bad line's offset to give it a line number (and
// a repeat the number of the line it repeats, in words as log check says it).
void number_lines(int fd, std::vector<BadLine>& bad) {
    if (bad.empty()) return;
    std::sort(bad.begin(), bad.end(), [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; });
    std::vector<std::pair<std::uint64_t, std::uint64_t*>> wanted;  // an offset, and where its number goes
    for (BadLine& line : bad) {
        wanted.emplace_back(line.offset, &line.line);
        if (line.first_offset) wanted.emplace_back(*line.first_offset, &line.first_line);
    }
    std::sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<char> buffer(1 << 16);
    std::uint64_t pos = 0, newlines = 0;
    for (auto& [offset, number] : wanted) {
        while (pos < offset) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), offset - pos));
            const ssize_t got = ::pread(fd, buffer.data(), want, static_cast<off_t>(pos));
            if (got <= 0) break;
            newlines += static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
            pos += static_cast<std::uint64_t>(got);
        }
        *number = newlines + 1;
    }
    for (BadLine& line : bad) {
        if (!line.first_offset) continue;
        const std::string id = "\"" + printable(line.reason) + "\"";  // the reason held the id until now
        line.reason = line_at(fd, line.offset) == line_at(fd, *line.first_offset)
                          ? fmt::format("a copy of line {} (the same id {})", line.first_line, id)
                          : fmt::format("id {} is already taken by line {}, with other content", id, line.first_line);
    }
}

bool blank(const char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return false;
    return true;
}

// A run of complete lines: buffer[first, total) holds them, with padding after.
struct Region {
    std::vector<char> buffer;
    std::size_t first = 0;
    std::size_t total = 0;
    std::uint64_t start = 0;  // file offset of buffer[0]
    bool file_end = false;    // holds the file's last line
};

// The lines of a region, parsed, in file order.
struct Parsed {
    std::vector<Entry> entries;
    std::size_t count = 0;
    std::vector<BadLine> bad;
    std::uint64_t lines = 0;
};

// What one line of a region [pos, end) holds: nothing (blank), an entry
// parsed into `entry`, or a bad line (`bad` filled). `last` when no newline
// follows it in the region: at the file's end, a partial last line.
enum class LineRead : std::uint8_t { blank, entry, bad };
LineRead read_line(LineParser& parser, const Region& region, std::size_t pos, std::size_t end, bool last,
                   bool ends_with_newline, Entry& entry, BadLine& bad, std::string& error) {
    const char* base = region.buffer.data();
    std::size_t len = end - pos;
    if (len > 0 && base[pos + len - 1] == '\r') --len;
    if (region.start + pos == 0 && byte_order_mark(base, len) > 0) pos += 3, len -= 3;  // line 1 only
    if (blank(base + pos, len)) return LineRead::blank;
    const std::uint64_t offset = region.start + pos;
    if (parser.parse(base + pos, len, region.total + line_padding - pos, entry, error)) {
        entry.offset = offset;
        return LineRead::entry;
    }
    bad = BadLine{0, offset, error, region.file_end && last && !ends_with_newline, std::nullopt, 0};
    if (bad.partial_last) bad.reason = "an incomplete last line (" + error + ")";
    return LineRead::bad;
}

void parse_region(LineParser& parser, const Region& region, bool ends_with_newline, Parsed& out) {
    out.count = 0;
    out.bad.clear();
    out.lines = 0;
    // Room for the lines of any region at once (pumplog's lines are 100-300
    // bytes): growing one entry at a time moved each several times. Only the
    // entries built touch their memory.
    out.entries.reserve(std::max(region.total - region.first, chunk_size) / 96 + 16);
    const char* base = region.buffer.data();
    std::string error;
    BadLine bad;
    for (std::size_t pos = region.first; pos < region.total;) {
        const void* nl = std::memchr(base + pos, '\n', region.total - pos);
        const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : region.total;
        if (out.count == out.entries.size()) out.entries.emplace_back();
        switch (read_line(parser, region, pos, end, !nl, ends_with_newline, out.entries[out.count], bad, error)) {
            case LineRead::blank: break;
            case LineRead::entry: ++out.lines, ++out.count; break;
            case LineRead::bad: ++out.lines, out.bad.push_back(std::move(bad)); break;
        }
        pos = end + 1;
    }
}

// Visits a region's lines newest first, each parsed just before its visit
// into the entry `target` gives (the tail regions: a question about recent entries
// stops partway, and the lines before the stop are never parsed). Bad lines
// go to `take_bad` where the visit meets them. False when `visit` stops.
template <class Target, class Visit, class TakeBad>
bool visit_region_backward(LineParser& parser, const Region& region, bool ends_with_newline, Target&& target,
                           std::uint64_t& lines, Visit&& visit, TakeBad&& take_bad) {
    const char* base = region.buffer.data();
    std::string error;
    BadLine bad;
    for (std::size_t end = region.total;;) {  // the end of the line to visit next
        const void* nl = end > region.first ? ::memrchr(base + region.first, '\n', end - region.first) : nullptr;
        const std::size_t pos = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1 : region.first;
        Entry& entry = target();
        switch (read_line(parser, region, pos, end, end == region.total, ends_with_newline, entry, bad, error)) {
            case LineRead::blank: break;
            case LineRead::entry:
                ++lines;
                if (!visit(entry)) return false;
                break;
            case LineRead::bad: ++lines, take_bad(bad); break;
        }
        if (!nl) return true;
        end = pos - 1;
    }
}

// Repeated ids (RepeatedIds in journal.hpp): which line a repeat is, found
// as the lines are visited, newest first.
//
// pumplog's ids are ULIDs: their first 8 characters are the time they were
// made, to about a second, and that time grows with the file but for a few
// lines (several made in one second, entries back-dated or written on two
// devices). A line's prefix is those 8 bytes as a number (the order of the
// ids, coarser). Met newest first, a line whose prefix is below every prefix
// met so far (`least_`) can repeat no line met: one comparison, the common
// case. Any other line is compared, id by id, with the lines met whose
// prefix is its own: those lines can only be among the last ones met (a
// `window` of them kept, and the region being visited) unless a line met
// before them has a prefix as low as its own (`floor_`). Then, or when the
// lines compared grow past a budget (ids out of order by many lines, ids not
// made by pumplog), the read goes on with a hash table of ids: the lines met
// before are read again for their ids alone (hash_met_lines), and every line
// after is looked up in it. The reads after it keep every id's hash from the
// first line on.
class RepeatFinder {
public:
    enum class Seen : std::uint8_t { fresh, known };
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    static constexpr std::size_t window = 16;  // the last lines met, kept with their ids

    // The lines of a parsed region that the visit has met, `index` the one
    // it meets: entries[index + 1, count), met from count - 1 down. `group`:
    // the line that set the least prefix met, none when an earlier region did.
    struct Met {
        const Entry* entries = nullptr;
        std::size_t index = 0;
        std::size_t count = 0;
        std::size_t group = none;
    };

    // Where the read's lines are, to read those met again (hash_met_lines):
    // the read's file, its end, and how its lines are parsed.
    struct Source {
        int fd = -1;
        const std::string* path = nullptr;
        std::uint64_t end = 0;  // as RegionReader takes it
        bool ends_with_newline = true;
        PassOver pass_over;
    };

    RepeatFinder(RepeatedIds* repeats, const Source& source)
        : repeats_(repeats), fd_(source.fd), source_(source) {
        if (!active()) return;
        if (!repeats_->known.empty()) known_end_ = repeats_->known.front().offset + 1;
        if (repeats_->unordered) least_ = 0;  // every line takes the slow way, to the hash table
    }
    bool active() const { return repeats_ != nullptr; }
    // The known repeat meet() last called so.
    const Repeat& known_met() const { return repeats_->known[cursor_]; }
    // The least prefix met so far.
    std::uint64_t least() const { return least_; }

    // True when the line `e` can repeat no line met (its prefix is below every
    // one met, and it is no known repeat): it is now the least. Otherwise
    // meet() says what it is.
    bool quick(const Entry& e) {
        if (e.offset < known_end_) return false;
        prefix_ = prefix(e.id);
        if (prefix_ >= least_) return false;
        least_ = prefix_;
        return true;
    }

    // quick() for the line met->index of a parsed region (its entries stay
    // while it is visited): also true for a line of the least's group begun
    // in the region (one command's lines, made in one second) whose id no
    // line of the group met has.
    bool quick(const Entry& e, Met& met) {
        if (e.offset < known_end_) return false;
        const std::uint64_t p = prefix(e.id);
        if (p < least_) {
            least_ = p;
            met.group = met.index;
            return true;
        }
        if (p != least_ || met.group == none) return false;
        compared_lines_ += met.group - met.index;
        if (compared_lines_ > budget_) return false;
        for (std::size_t i = met.index + 1; i <= met.group; ++i)
            if (same_id(met.entries[i].id, e.id)) return false;  // a repeat: meet() finds it
        return true;
    }

    // What the good line `e` is, quick() being false: a repeat known before
    // the read (skipped as bad), or a line to visit (it may show that a line
    // met before repeats it: found(); one out of order beyond what is kept
    // turns the read to the hash table). `met`: the region `e` is in, when
    // its entries stay until its visit ends (else the line is kept in the
    // window, as remember() does).
    Seen meet(const Entry& e, Met* met) {
        if (e.offset < known_end_) {
            const std::vector<Repeat>& known = repeats_->known;
            while (cursor_ < known.size() && known[cursor_].offset > e.offset) ++cursor_;
            known_end_ = cursor_ < known.size() ? known[cursor_].offset + 1 : 0;
            if (cursor_ < known.size() && known[cursor_].offset == e.offset) return Seen::known;
        }
        if (repeats_->unordered) {
            met_unordered(e);
            return Seen::fresh;
        }
        const std::uint64_t p = prefix(e.id);
        if (p < least_) {  // a known repeat was near: the quick way
            least_ = p;
            if (met) {
                met->group = met->index;
            } else {
                least_kept_ = kept_;
                remember(e, p);
            }
            return Seen::fresh;
        }
        if (p >= floor_) return to_table(e, met);
        // The lines met with prefix p: in the region (while `e` is in the
        // least's group that began in it, only those since), and the window.
        const bool group_here = met && p == least_ && met->group != none;
        if (!group_here) {
            if (last_id_ && !ring_[(kept_ - 1) % window].has_id) {  // it may be compared again, once its entry is gone
                ring_[(kept_ - 1) % window].id.assign(*last_id_);
                ring_[(kept_ - 1) % window].has_id = true;
            }
            // In the least's group, the lines kept since the one that set it; else every one.
            const std::size_t oldest = kept_ - std::min(kept_, window);
            for (std::size_t i = p == least_ ? std::max(least_kept_, oldest) : oldest; i < kept_; ++i) {
                Kept& slot = ring_[i % window];
                if (slot.prefix == p && same_id(slot, e.id)) compared(slot.offset, e);
            }
        }
        if (met) {
            const std::size_t last = group_here ? met->group : met->count - 1;
            compared_lines_ += last - met->index;
            if (compared_lines_ > budget_) return to_table(e, met);
            for (std::size_t i = met->index + 1; i <= last; ++i) {
                const Entry& other = met->entries[i];
                if (prefix(other.id) == p && same_id(other.id, e.id)) compared(other.offset, e);
            }
        } else {
            remember(e, p);
        }
        return Seen::fresh;
    }

    // The entry to parse the next line of the first regions into, which
    // remember() is then given: the last line kept stays in the other one.
    Entry& next_entry() { return alone_[kept_ & 1]; }

    // Keeps the line quick() just took (in next_entry()) in the window.
    void remember(const Entry& e) {
        least_kept_ = kept_;
        remember(e, prefix_);
    }

    // The visit of a parsed region ended: its last lines met go to the
    // window. `least_before_window`: the least prefix before its last
    // `window` lines were met (when it has so many).
    void region_done(const Parsed& parsed, std::uint64_t least_before_window) {
        budget_ += parsed.count;
        if (repeats_->unordered) return;
        const std::size_t n = std::min(window, parsed.count);
        if (n == window) {  // the window is these lines; every line met before them is above the floor
            floor_ = least_before_window;
            kept_ = 0;
        }
        for (std::size_t i = n; i-- > 0;) {
            remember(parsed.entries[i], prefix(parsed.entries[i].id));
            ring_[(kept_ - 1) % window].id.assign(parsed.entries[i].id);
            ring_[(kept_ - 1) % window].has_id = true;
        }
        last_id_ = nullptr;
        least_kept_ = 0;  // not known: the least's group is looked for in the whole window
    }

    // The repeat found by the last meet, if any (then reset).
    std::optional<Repeat> take_found() { return std::exchange(found_, std::nullopt); }

    // Adds the repeats this read found to the known ones: each names the first
    // line of its id, highest offset first.
    void finish() {
        if (!active() || new_.empty()) return;
        std::vector<Repeat>& known = repeats_->known;
        known.insert(known.end(), new_.begin(), new_.end());
        new_.clear();
        std::unordered_map<std::uint64_t, std::uint64_t> first_of;  // a repeat's offset -> the line it repeats
        for (const Repeat& r : known) first_of[r.offset] = r.first;
        for (Repeat& r : known)
            for (auto it = first_of.find(r.first); it != first_of.end(); it = first_of.find(r.first))
                r.first = it->second;
        std::sort(known.begin(), known.end(), [](const Repeat& a, const Repeat& b) { return a.offset > b.offset; });
        known.erase(std::unique(known.begin(), known.end(),
                                [](const Repeat& a, const Repeat& b) { return a.offset == b.offset; }),
                    known.end());
    }

private:
    // A line met: its id is copied once it may be compared after its entry is gone.
    struct Kept {
        std::uint64_t prefix = 0;
        std::uint64_t offset = 0;
        bool has_id = false;
        std::string id;
    };

    // The first 8 bytes of an id as a big-endian number (zeros after a shorter
    // one): ids in order have prefixes in order.
    static std::uint64_t prefix(const std::string& id) {
        std::uint64_t bytes = 0;
        if (id.size() >= 8) [[likely]]
            std::memcpy(&bytes, id.data(), 8);
        else
            std::memcpy(&bytes, id.data(), id.size());
        return __builtin_bswap64(bytes);
    }

    // Whether two ids are one: ULIDs made in one second mostly differ in their next 8 characters.
    static bool same_id(const std::string& a, const std::string& b) {
        if (a.size() != b.size()) return false;
        if (a.size() >= 16) {
            std::uint64_t x = 0, y = 0;
            std::memcpy(&x, a.data() + 8, 8);
            std::memcpy(&y, b.data() + 8, 8);
            if (x != y) return false;
        }
        return a == b;
    }
    // Whether the kept line has this id (read again when it was not copied).
    bool same_id(const Kept& slot, const std::string& id) {
        if (slot.has_id) return same_id(slot.id, id);
        return id_at(slot.offset) == id;
    }

    void remember(const Entry& e, std::uint64_t p) {
        Kept& slot = ring_[kept_ % window];
        if (kept_ >= window) floor_ = std::min(floor_, slot.prefix);
        slot.prefix = p;
        slot.offset = e.offset;
        slot.has_id = false;
        last_id_ = &e.id;
        ++kept_;
    }

    // Ids too far out of order for what is kept: from `e` on, the read keeps
    // every id's hash, beginning with the lines it met before `e` (read again
    // for their ids), and so do the reads after it, from the first line on.
    Seen to_table(const Entry& e, Met* met) {
        repeats_->unordered = true;
        least_ = 0;  // quick() takes no line now
        if (met) met->group = none;
        hash_met_lines(e.offset);
        met_unordered(e);
        return Seen::fresh;
    }
    // Hashes the ids of the lines met so far: those after `offset`, up to the read's end.
    void hash_met_lines(std::uint64_t offset);
    // Hashes the id of `e`, a line met, unless it is a known repeat (skipped).
    // Lines met earlier in the read have higher offsets: a repeat among them
    // was found already, and the table keeps its id's lowest offset.
    void hash_met(const Entry& e) {
        if (known_repeat(e.offset)) return;
        if (auto [slot, met] = slot_of(e); met) slot->second = std::min(slot->second, e.offset);
    }

    // The line at `later` (met already) has the id of `e`: a repeat, unless
    // it is a known one (skipped, and found before).
    void compared(std::uint64_t later, const Entry& e) {
        if (!known_repeat(later)) found(later, e.offset);
    }

    // The line at `later` (visited already) repeats the id of the one at `first`.
    void found(std::uint64_t later, std::uint64_t first) {
        new_.push_back(Repeat{later, first});
        found_ = new_.back();
        repeats_->again = true;
    }

    // Ids out of order (another device's lines merged in, ids not made by
    // pumplog): each id's hash is kept with its line, and a hash met again is
    // compared as the id its line holds.
    void met_unordered(const Entry& e) {
        if (auto [slot, met] = slot_of(e); met) {
            found(slot->second, e.offset);
            slot->second = e.offset;
        }
    }
    // Whether the line at `offset` is a repeat found by an earlier read (skipped); the known ones are kept in
    // descending offsets.
    bool known_repeat(std::uint64_t offset) const {
        const std::vector<Repeat>& known = repeats_->known;
        return std::binary_search(known.begin(), known.end(), Repeat{offset, 0},
                                  [](const Repeat& a, const Repeat& b) { return a.offset > b.offset; });
    }
    // The table's slot for `e`'s id, and whether a line with that id was met (else the slot is new, `e`'s).
    std::pair<std::pair<std::uint64_t, std::uint64_t>*, bool> slot_of(const Entry& e) {
        if ((size_ + 1) * 4 > slots_.size() * 3) grow();
        const std::uint64_t key = key_of(e.id);
        for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
            auto& slot = slots_[i];
            if (slot.first == 0) {
                slot = {key, e.offset};
                ++size_;
                return {&slot, false};
            }
            if (slot.first == key && id_at(slot.second) == e.id) return {&slot, true};
        }
    }
    static std::uint64_t key_of(const std::string& id) {
        const std::uint64_t key = IdHash{}(id);
        return key == 0 ? 1 : key;  // 0: an empty slot
    }
    void grow() {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> old(slots_.empty() ? 1024 : slots_.size() * 2);
        old.swap(slots_);  // slots_ the larger table, `old` what it held
        mask_ = slots_.size() - 1;
        for (const auto& slot : old) {
            if (slot.first == 0) continue;
            std::size_t i = slot.first & mask_;
            while (slots_[i].first != 0) i = (i + 1) & mask_;
            slots_[i] = slot;
        }
    }
    // The id of the good line at `offset` (read again: a hash shared by chance is rare).
    std::string id_at(std::uint64_t offset) {
        std::string text = line_at(fd_, offset);
        const std::size_t size = text.size();
        text.resize(size + line_padding, ' ');
        if (!parser_) {
            parser_ = std::make_unique<LineParser>();
            parser_->keep_raw(false);
            parser_->pass_over(PassOver(all_types));
        }
        Entry entry;
        std::string error;
        if (!parser_->parse(text.data(), size, text.size(), entry, error)) return {};
        return entry.id;
    }

    RepeatedIds* repeats_;
    int fd_;
    Source source_;
    std::size_t cursor_ = 0;         // known[cursor_] is the next known repeat to meet
    std::uint64_t known_end_ = 0;    // 1 + its offset (0: none left)
    std::uint64_t least_ = ~std::uint64_t{0};  // the least prefix met
    std::uint64_t floor_ = ~std::uint64_t{0};  // the least prefix of the lines met before those kept
    std::uint64_t prefix_ = 0;       // the prefix quick() took last
    std::array<Kept, window> ring_;  // the last lines met (kept_ of them, at most `window`), as a ring
    std::size_t kept_ = 0;
    std::size_t least_kept_ = 0;  // the count kept when the line that set the least was kept (0: not known)
    std::array<Entry, 2> alone_;        // the first regions' lines, parsed in turn (next_entry())
    const std::string* last_id_ = nullptr;  // the id of the last line kept, while its entry lives
    std::uint64_t compared_lines_ = 0;  // lines of regions compared so far, and how many may be
    std::uint64_t budget_ = 1 << 16;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> slots_;  // unordered: id hash -> the lowest offset met
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
    std::unique_ptr<LineParser> parser_;
    std::vector<Repeat> new_;
    std::optional<Repeat> found_;
};

// Cuts the file into regions of complete lines, from its end backwards.
class RegionReader {
public:
    RegionReader(int fd, const std::string& path, std::uint64_t end, ReadStats& stats)
        : fd_(fd), path_(path), end_(end), stats_(stats) {}

    // The next (earlier) region; false at the start of the file.
    bool next(Region& region) {
        while (end_ > 0) {
            const std::size_t want = regions_read_ < tail_regions ? tail_chunk_size : chunk_size;
            const std::uint64_t start = end_ > want ? end_ - want : 0;
            const std::size_t n = static_cast<std::size_t>(end_ - start);
            region.buffer.resize(n + carry_.size() + line_padding);
            std::size_t got = 0;
            while (got < n) {
                const ssize_t r = ::pread(fd_, region.buffer.data() + got, n - got, static_cast<off_t>(start + got));
                if (r < 0) {
                    if (errno == EINTR) continue;
                    throw journal_error(fmt::format("cannot read journal {}: {}", path_, why()));
                }
                if (r == 0) throw journal_error(fmt::format("journal {} shrank while being read", path_));
                got += static_cast<std::size_t>(r);
            }
            stats_.bytes_read += n;
            std::memcpy(region.buffer.data() + n, carry_.data(), carry_.size());
            const std::size_t total = n + carry_.size();
            std::memset(region.buffer.data() + total, ' ', line_padding);
            region.total = total;
            region.start = start;
            region.file_end = regions_read_ == 0;
            end_ = start;
            std::size_t first = 0;
            if (start > 0) {
                const void* nl = std::memchr(region.buffer.data(), '\n', total);
                if (nl == nullptr) {  // one line longer than a chunk: keep gathering it
                    carry_.assign(region.buffer.data(), total);
                    continue;
                }
                first = static_cast<std::size_t>(static_cast<const char*>(nl) - region.buffer.data()) + 1;
            }
            region.first = first;
            carry_.assign(region.buffer.data(), first > 0 ? first - 1 : 0);
            ++regions_read_;
            return true;
        }
        return false;
    }

private:
    int fd_;
    const std::string& path_;
    std::uint64_t end_;
    ReadStats& stats_;
    std::string carry_;  // the head of the later region: the end of a line that starts earlier
    int regions_read_ = 0;  // regions returned so far (the first holds the file's end)
};

void RepeatFinder::hash_met_lines(std::uint64_t offset) {
    // The read's regions again, through the read's own file (a rewrite since
    // replaced the path's) and parsed as it parses them, so that the lines
    // good here are the lines it met.
    ReadStats unused;
    RegionReader regions(source_.fd, *source_.path, source_.end, unused);
    LineParser parser;
    parser.keep_raw(false);
    parser.pass_over(source_.pass_over);
    Region region;
    Parsed parsed;
    while (regions.next(region)) {
        parse_region(parser, region, source_.ends_with_newline, parsed);
        for (std::size_t i = parsed.count; i-- > 0;) {
            if (parsed.entries[i].offset <= offset) return;
            hash_met(parsed.entries[i]);
        }
    }
}

// A long read shares its work between the caller's thread and one worker:
// the regions are read in turn (backwards, under a mutex) into a few slots
// and parsed by whichever thread claimed them; the caller delivers them in
// order, newest first, and when the next region is not claimed yet it parses
// it itself instead of waiting. So both cores stay busy whichever of parsing
// and visiting (the replay, a report's sums) costs more, and memory stays at
// `slots` regions whatever the file's length.
class Pipeline {
public:
    static constexpr std::size_t slots = 3;

    Pipeline(RegionReader& regions, bool ends_with_newline, bool raw, PassOver pass_over)
        : regions_(regions), ends_with_newline_(ends_with_newline), raw_(raw), pass_over_(pass_over) {
        caller_parser_.keep_raw(raw);
        caller_parser_.pass_over(pass_over);
        thread_ = std::thread([this] { work(); });
    }
    ~Pipeline() {
        {
            std::lock_guard lock(mutex_);
            stop_.store(true, std::memory_order_release);
        }
        for (auto& slot : slot_) {  // wakes the worker wherever it waits; it sees stop_
            slot.state.store(State::stopped, std::memory_order_release);
            slot.state.notify_all();
        }
        thread_.join();
    }
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // The next region's lines, in file order; nullptr once the file's start
    // is reached. Rethrows a read error. The slot stays the caller's until
    // the next call.
    Parsed* next() {
        if (taken_) {  // give back the slot delivered last
            Slot& done = slot_[delivered_ % slots];
            done.state.store(State::empty, std::memory_order_release);
            done.state.notify_all();
            ++delivered_;
            taken_ = false;
        }
        Slot& slot = slot_[delivered_ % slots];
        for (;;) {
            const State state = slot.state.load(std::memory_order_acquire);
            if (state == State::ready) break;
            if (state == State::end) return nullptr;
            if (state == State::failed) std::rethrow_exception(slot.error);
            // Not claimed yet: parse it (or a later one) here. Being parsed by
            // the worker: parse a later one meanwhile, while a slot is free.
            if (claim_and_parse(caller_parser_) || state == State::empty) continue;
            wait_while(slot.state, state);  // every slot is taken: the worker finishes this one
        }
        taken_ = true;
        return &slot.parsed;
    }

private:
    // empty: free to claim; claimed: read, being parsed; ready: parsed, to deliver;
    // end: the file's start (no region); failed: reading it failed; stopped: the pipeline ends.
    enum class State : std::uint8_t { empty, claimed, ready, end, failed, stopped };
    struct Slot {
        Region region;
        Parsed parsed;
        std::atomic<State> state{State::empty};
        std::exception_ptr error;
    };
    static constexpr std::size_t none = slots;

    // Waits until `state` is no longer `old`: spins a little first (both
    // threads are usually busy on their own core, and a sleep and wake-up
    // costs more than the wait), then sleeps.
    static void wait_while(std::atomic<State>& state, State old) {
        for (int spin = 0; spin < 4000; ++spin) {
            if (state.load(std::memory_order_acquire) != old) return;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
        while (state.load(std::memory_order_acquire) == old) state.wait(old, std::memory_order_acquire);
    }

    // Claims the next region and parses it. Returns false when none can be
    // claimed now; `blocked` is then the slot to wait for (none: the file's
    // start is reached, or a read failed).
    bool claim_and_parse(LineParser& parser, std::size_t* blocked = nullptr, State* seen = nullptr) {
        Slot* slot = nullptr;
        {
            std::lock_guard lock(mutex_);
            if (exhausted_ || stop_.load(std::memory_order_relaxed)) {
                if (blocked) *blocked = none;
                return false;
            }
            const std::size_t index = claimed_ % slots;
            const State state = slot_[index].state.load(std::memory_order_acquire);
            if (state != State::empty) {  // not delivered yet: the worker runs `slots` regions ahead at most
                if (blocked) *blocked = index;
                if (seen) *seen = state;
                return false;
            }
            slot = &slot_[index];
            ++claimed_;
            State outcome = State::claimed;
            try {
                if (!regions_.next(slot->region)) outcome = State::end;
            } catch (...) {
                slot->error = std::current_exception();
                outcome = State::failed;
            }
            if (outcome != State::claimed) {
                exhausted_ = true;
                slot->state.store(outcome, std::memory_order_release);
                slot->state.notify_all();
                if (blocked) *blocked = none;
                return false;
            }
            slot->state.store(State::claimed, std::memory_order_release);
        }
        parse_region(parser, slot->region, ends_with_newline_, slot->parsed);
        slot->state.store(State::ready, std::memory_order_release);
        slot->state.notify_all();
        return true;
    }

    void work() {
        LineParser parser;
        parser.keep_raw(raw_);
        parser.pass_over(pass_over_);
        while (!stop_.load(std::memory_order_acquire)) {
            std::size_t blocked = none;
            State seen = State::empty;
            if (claim_and_parse(parser, &blocked, &seen)) continue;
            if (blocked == none) return;  // the file is read (or the pipeline stops)
            wait_while(slot_[blocked].state, seen);
        }
    }

    RegionReader& regions_;
    const bool ends_with_newline_;
    const bool raw_;
    const PassOver pass_over_;
    std::array<Slot, slots> slot_;
    LineParser caller_parser_;
    std::mutex mutex_;           // guards regions_, claimed_, exhausted_
    std::uint64_t claimed_ = 0;  // regions claimed so far (the next one goes to slot claimed_ % slots)
    bool exhausted_ = false;
    std::uint64_t delivered_ = 0;  // the caller's: regions delivered so far
    bool taken_ = false;
    std::atomic<bool> stop_{false};
    std::thread thread_;  // last: started once everything else is ready
};

}  // namespace

namespace {

// Whether a journal line may be a feed: its type written out ("feed"), or written with \u escapes (valid JSON,
// though not as pumplog writes it). No other line can be one, so first_feed_at parses no other.
bool may_be_feed(const char* line, std::size_t size) {
    const std::string_view text(line, size);
    return text.find("feed") != std::string_view::npos || text.find("\\u") != std::string_view::npos;
}

}  // namespace

std::optional<Seconds> Journal::first_feed_at() const {
    FileDescriptor fd(open_regular(path_, O_RDONLY));
    if (fd.get() < 0) return std::nullopt;
    // A journal is written in time order, mostly: its first feed is near its start. The first 64 KiB are read,
    // and only when they hold no feed (a journal begun with pumps and stash lines, an import of other
    // activities) the next 64 KiB, and so on, to the first stretch that holds one: a journal with feeds from
    // its start costs what it did, and one without them is read only as far as its first feed.
    constexpr std::size_t stretch = 64 * 1024;
    LineParser parser;
    parser.keep_raw(false);
    std::vector<char> text;    // text[0, size): what was read and not yet looked at (the start of a line cut off)
    std::size_t size = 0;
    std::uint64_t offset = 0;  // of text[0] in the file
    bool over_long = false;    // inside a line over max_line_bytes (a bad line for every reader): passed over
    Entry entry;
    std::string error;
    std::optional<Seconds> first;
    for (;;) {
        if (text.size() < size + stretch + line_padding) text.resize(size + stretch + line_padding);
        const ssize_t got = ::pread(fd.get(), text.data() + size, stretch, static_cast<off_t>(offset + size));
        // At the end a last line without its newline is not read (an append in progress, or damage), as before.
        if (got <= 0) return first;
        const std::size_t end = size + static_cast<std::size_t>(got);
        std::size_t pos = 0;
        for (const void* nl; (nl = std::memchr(text.data() + pos, '\n', end - pos)) != nullptr;) {
            const std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
            std::size_t from = pos, len = stop - pos;
            pos = stop + 1;
            if (over_long) {
                over_long = false;
                continue;
            }
            if (len > 0 && text[from + len - 1] == '\r') --len;
            if (offset + from == 0 && byte_order_mark(text.data(), len) > 0) from += 3, len -= 3;  // line 1 only
            if (!may_be_feed(text.data() + from, len)) continue;
            if (parser.parse(text.data() + from, len, text.size() - from, entry, error) &&
                entry.type == EntryType::feed && (!first || entry.at.instant < *first))
                first = entry.at.instant;
        }
        if (first) return first;
        // Keep the cut-off line's start for the next stretch, unless it is already too long to be an entry.
        size = end - pos;
        offset += pos;
        if (size > max_line_bytes) {
            offset += size;
            size = 0;
            over_long = true;
        }
        std::memmove(text.data(), text.data() + pos, size);
    }
}

ReadStats Journal::read_backward(const LineVisitor& visit, bool strict, bool raw, PassOver pass_over, bool whole,
                                 RepeatedIds* repeats) const {
    ReadStats stats;
    const std::string path = path_.string();
    FileDescriptor fd(open_regular(path_, O_RDONLY));
    if (fd.get() < 0) {
        if (errno == ENOENT) return stats;  // a missing journal reads as empty
        throw journal_error(fmt::format("cannot read journal {}: {}", path, why()));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw journal_error(fmt::format("cannot read journal {}: {}", path, why()));
    std::uint64_t size = static_cast<std::uint64_t>(st.st_size);

    // The final newline ends the last line; without it the last line is partial.
    const auto ends_in_newline = [&] {
        char last = '\n';
        if (size > 0 && ::pread(fd.get(), &last, 1, static_cast<off_t>(size - 1)) != 1)
            throw journal_error(fmt::format("cannot read journal {}: {}", path, why()));
        stats.bytes_read += size > 0 ? 1 : 0;
        return last == '\n';
    };
    bool ends_with_newline = ends_in_newline();
    if (!ends_with_newline) {
        // Damage (a crash mid-write), or an append still being written: readers
        // take no lock. Look again once no append is in progress (SPEC 8:
        // an append in progress is never reported as damage).
        after_appends(fd.get(), [&] {
            if (::fstat(fd.get(), &st) != 0) throw journal_error(fmt::format("cannot read journal {}: {}", path, why()));
            size = static_cast<std::uint64_t>(st.st_size);
            ends_with_newline = ends_in_newline();
        });
    }
    const std::uint64_t regions_end = ends_with_newline && size > 0 ? size - 1 : size;
    RegionReader regions(fd.get(), path, regions_end, stats);

    // Visits a parsed region newest line first; false when the visitor stops.
    // A bad line counts (warned, or refused with --strict) only once the visit
    // reaches it: a question about recent entries never hears of old damage.
    const auto take_bad = [&](BadLine& bad) {
        if (strict) {
            std::vector<BadLine> one{bad};
            number_lines(fd.get(), one);
            throw journal_error(fmt::format("{}:{}: {} (--strict refuses a damaged journal; see pumplog log check)",
                                            path, one[0].line, one[0].reason));
        }
        // Kept: the lowest offsets met (a max-heap by offset; the newest-first
        // read meets them last), numbered and sorted once at the end.
        ++stats.bad_lines;
        const auto later = [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; };
        stats.bad.push_back(std::move(bad));
        std::push_heap(stats.bad.begin(), stats.bad.end(), later);
        if (stats.bad.size() > ReadStats::most_bad_kept) {
            std::pop_heap(stats.bad.begin(), stats.bad.end(), later);
            stats.bad.pop_back();
        }
    };
    if (strict) pass_over = PassOver{};  // --strict refuses any damage: every line is read whole
    // Repeated ids: a known repeat is a bad line; one found in this read is
    // refused at once with --strict (the caller reads again without it otherwise).
    RepeatFinder finder(repeats, RepeatFinder::Source{fd.get(), &path, regions_end, ends_with_newline, pass_over});
    const auto skip_repeat = [&](const Entry& e) {
        BadLine bad{0, e.offset, e.id, false, finder.known_met().first, 0};  // the id, until numbered (number_lines)
        take_bad(bad);
    };
    const auto refuse_found = [&](const Entry& e) {
        if (!strict) return;
        if (const auto found = finder.take_found()) {
            BadLine bad{0, found->offset, e.id, false, found->first, 0};
            take_bad(bad);
        }
    };
    // Whether to visit `e`, quick() being false (a known repeat is not).
    const auto admit = [&](const Entry& e, RepeatFinder::Met* met) {
        if (finder.meet(e, met) == RepeatFinder::Seen::known) {
            skip_repeat(e);
            return false;
        }
        refuse_found(e);
        return true;
    };
    const auto visit_one = [&](const Entry& e) {
        if (finder.active()) {
            if (finder.quick(e))
                finder.remember(e);
            else if (!admit(e, nullptr))
                return true;
        }
        return visit(e);
    };
    const auto deliver = [&](Parsed& parsed) {
        stats.lines += parsed.lines;
        std::size_t bad = parsed.bad.size();  // parsed.bad is in file order
        RepeatFinder::Met met{parsed.entries.data(), 0, parsed.count, RepeatFinder::none};
        // Visits entries [low, high), newest first; false when the read stops.
        const auto visit_range = [&](std::size_t low, std::size_t high) {
            for (std::size_t i = high; i-- > low;) {
                const Entry& e = parsed.entries[i];
                while (bad > 0 && parsed.bad[bad - 1].offset > e.offset) take_bad(parsed.bad[--bad]);
                if (finder.active()) {
                    met.index = i;
                    if (!finder.quick(e, met) && !admit(e, &met)) continue;
                }
                if (!visit(e)) return false;
            }
            return true;
        };
        // The least prefix before the region's last lines met (RepeatFinder::region_done).
        const std::size_t last = std::min(RepeatFinder::window, parsed.count);
        if (!visit_range(last, parsed.count)) {
            stats.stopped_early = true;
            return false;
        }
        const std::uint64_t least = finder.active() ? finder.least() : 0;
        if (!visit_range(0, last)) {
            stats.stopped_early = true;
            return false;
        }
        while (bad > 0) take_bad(parsed.bad[--bad]);
        if (finder.active()) finder.region_done(parsed, least);  // the region's entries go back to the pipeline
        return true;
    };
    const auto finish = [&] {
        finder.finish();
        number_lines(fd.get(), stats.bad);
    };

    LineParser parser;
    parser.keep_raw(raw);
    parser.pass_over(pass_over);
    Region region;
    // The first regions alone, each line parsed as the visit reaches it: a
    // question about today ends in the first, one about the last weeks a
    // little later, without a thread and its slots, and without parsing the
    // lines before the stop. A read that goes on is long: the rest goes
    // through the pipeline. A whole read of a long file goes through it from
    // the start (the second thread would otherwise wait for 448 KiB).
    const bool long_whole = whole && size > static_cast<std::uint64_t>(tail_regions) * tail_chunk_size;
    {
        Entry entry;
        const auto target = [&]() -> Entry& { return finder.active() ? finder.next_entry() : entry; };
        for (int alone = 0; alone < (long_whole ? 0 : tail_regions); ++alone) {
            if (!regions.next(region)) {
                finish();
                return stats;
            }
            if (!visit_region_backward(parser, region, ends_with_newline, target, stats.lines, visit_one, take_bad)) {
                stats.stopped_early = true;
                finish();
                return stats;
            }
        }
    }
    {
        // The first regions' memory goes back before the pipeline takes its own.
        region = Region{};
        Pipeline pipeline(regions, ends_with_newline, raw, pass_over);
        while (Parsed* next = pipeline.next())
            if (!deliver(*next)) break;
    }
    finish();
    return stats;
}

}  // namespace pumplog
