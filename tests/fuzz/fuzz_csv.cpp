// Fuzz the CSV reader and the four importers: never a crash; a refusal is a
// one-line usage error; every entry read is a journal line that reads back;
// a second read of the same bytes gives the same ids; the merged journal is
// one good line per entry.
//
// The first byte picks the options (file name, --from, --unit, --date-order,
// --child); the rest is the file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pumplog/csv.hpp"
#include "pumplog/error.hpp"
#include "pumplog/import.hpp"

using namespace pumplog;

namespace {

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz_csv: broken promise: %s\n", what);
    std::abort();
}

void expect_usage_error(const Error& e) {
    require(e.kind() == ErrorKind::usage, "a refusal is a usage error");
    const std::string_view message = e.what();
    require(!message.empty() && message.find('\n') == std::string_view::npos, "an error is one line");
}

constexpr const char* names[] = {"pump.csv", "nursing.csv", "expressed.csv", "formula.csv", "Ada_pumped.csv",
                                 "export.csv", "x/Ada_formula.csv", "pump (1).csv"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const date::time_zone* zone = locate_zone("Europe/Berlin");
    if (size == 0) return 0;
    const unsigned choice = data[0];
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

    try {
        const CsvTable table = parse_csv(text);
        std::uint64_t previous = table.header_line;
        for (const auto& record : table.records) {
            require(record.line > previous, "records start on increasing lines");
            previous = record.line;
            for (std::size_t i = 0; i < record.cells.size(); ++i) (void)table.cell(record, i);
        }
        for (const auto& h : table.header) (void)table.column(h);
    } catch (const Error& e) {
        expect_usage_error(e);
    }

    ImportOptions options;
    options.zone = zone;
    options.now = Seconds(std::chrono::seconds(1795000000));  // 2026-11-18
    if (choice & 0x08) options.unit = (choice & 0x10) ? Unit::oz : Unit::ml;
    if (choice & 0x20) options.date_order = (choice & 0x40) ? DateOrder::dmy : DateOrder::mdy;
    if (choice & 0x80) options.child = "Ada";
    const std::string name = names[choice & 0x07];
    for (int from = -1; from < 4; ++from) {
        if (from >= 0) options.from = static_cast<ImportFormat>(from);
        try {
            ImportResult first = read_import({SourceFile{name, text}}, options);
            for (const auto& imported : first.entries) {
                Entry entry;
                std::string error;
                require(parse_entry_line(imported.text, entry, error), "an imported line reads back");
                require(entry.id == imported.id && entry.id.size() == 27, "ids are a prefix and 24 hex digits");
                require(imported.text.find('\n') == std::string::npos, "a line holds no newline");
            }
            const ImportResult second = read_import({SourceFile{name, text}}, options);
            require(second.entries.size() == first.entries.size(), "the same bytes read alike");
            for (std::size_t i = 0; i < first.entries.size(); ++i)
                require(second.entries[i].id == first.entries[i].id, "the same rows give the same ids");
            drop_duplicates(first, {});
            const std::string merged = merged_journal({}, first.entries);
            std::size_t lines = 0;
            for (const char c : merged) lines += c == '\n';
            require(lines == first.entries.size(), "one line per distinct entry");
        } catch (const Error& e) {
            expect_usage_error(e);
        }
    }
    return 0;
}
