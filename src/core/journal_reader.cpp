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

#include <fmt/format.h>

#include "file_descriptor.hpp"
#include "line_parser.hpp"
#include "pumplog/error.hpp"
#include "pumplog/journal.hpp"

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


// Counts newlines before each bad line's offset to give it a line number.
void number_lines(int fd, std::vector<BadLine>& bad) {
    if (bad.empty()) return;
    std::sort(bad.begin(), bad.end(), [](const BadLine& a, const BadLine& b) { return a.offset < b.offset; });
    std::vector<char> buffer(1 << 16);
    std::uint64_t pos = 0, newlines = 0;
    for (BadLine& line : bad) {
        while (pos < line.offset) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), line.offset - pos));
            const ssize_t got = ::pread(fd, buffer.data(), want, static_cast<off_t>(pos));
            if (got <= 0) break;
            newlines += static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
            pos += static_cast<std::uint64_t>(got);
        }
        line.line = newlines + 1;
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
    bad = BadLine{0, offset, error, region.file_end && last && !ends_with_newline};
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
// into the one `entry` (the tail regions: a question about recent entries
// stops partway, and the lines before the stop are never parsed). Bad lines
// go to `take_bad` where the visit meets them. False when `visit` stops.
template <class Visit, class TakeBad>
bool visit_region_backward(LineParser& parser, const Region& region, bool ends_with_newline, Entry& entry,
                           std::uint64_t& lines, Visit&& visit, TakeBad&& take_bad) {
    const char* base = region.buffer.data();
    std::string error;
    BadLine bad;
    for (std::size_t end = region.total;;) {  // the end of the line to visit next
        const void* nl = end > region.first ? ::memrchr(base + region.first, '\n', end - region.first) : nullptr;
        const std::size_t pos = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1 : region.first;
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

std::optional<Seconds> Journal::first_entry_at() const {
    FileDescriptor fd(open_regular(path_, O_RDONLY));
    if (fd.get() < 0) return std::nullopt;
    constexpr std::size_t head = 64 * 1024;
    std::string text(head, '\0');
    const ssize_t got = ::pread(fd.get(), text.data(), head, 0);
    if (got <= 0) return std::nullopt;
    text.resize(static_cast<std::size_t>(got));
    Entry entry;
    std::string error;
    for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        if (parse_entry_line(std::string_view(text).substr(start, end - start), entry, error)) return entry.at.instant;
    return std::nullopt;
}

ReadStats Journal::read_backward(const LineVisitor& visit, bool strict, bool raw, PassOver pass_over, bool whole) const {
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
    RegionReader regions(fd.get(), path, ends_with_newline && size > 0 ? size - 1 : size, stats);

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
    const auto deliver = [&](Parsed& parsed) {
        stats.lines += parsed.lines;
        std::size_t bad = parsed.bad.size();  // parsed.bad is in file order
        for (std::size_t i = parsed.count; i-- > 0;) {
            const std::uint64_t offset = parsed.entries[i].offset;
            while (bad > 0 && parsed.bad[bad - 1].offset > offset) take_bad(parsed.bad[--bad]);
            if (!visit(parsed.entries[i])) {
                stats.stopped_early = true;
                return false;
            }
        }
        while (bad > 0) take_bad(parsed.bad[--bad]);
        return true;
    };

    if (strict) pass_over = PassOver{};  // --strict refuses any damage: every line is read whole
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
        for (int alone = 0; alone < (long_whole ? 0 : tail_regions); ++alone) {
            if (!regions.next(region)) {
                number_lines(fd.get(), stats.bad);
                return stats;
            }
            if (!visit_region_backward(parser, region, ends_with_newline, entry, stats.lines, visit, take_bad)) {
                stats.stopped_early = true;
                number_lines(fd.get(), stats.bad);
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
    number_lines(fd.get(), stats.bad);
    return stats;
}

}  // namespace pumplog
