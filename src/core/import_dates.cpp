// Dates and times in exports: ISO, or numeric in the phone's locale order.
#include <array>

#include <fmt/format.h>

#include "import_common.hpp"
#include "pumplog/error.hpp"
#include "pumplog/text.hpp"

namespace pumplog::import_detail {

namespace {

// A cursor over the normalised text of a cell.
struct Cursor {
    std::string text;
    std::size_t at = 0;

    bool done() const { return at >= text.size(); }
    char peek() const { return done() ? '\0' : text[at]; }
    bool digit() const { return !done() && text[at] >= '0' && text[at] <= '9'; }
    void spaces() {
        while (!done() && text[at] == ' ') ++at;
    }
    // Up to `max` digits; the count read in `n`.
    std::optional<int> number(int max, int* n = nullptr) {
        int value = 0, count = 0;
        while (digit() && count < max) {
            value = value * 10 + (text[at] - '0');
            ++at;
            ++count;
        }
        if (n) *n = count;
        if (count == 0 || digit()) return std::nullopt;  // none, or too many digits
        return value;
    }
    bool take(std::string_view word) {
        if (text.compare(at, word.size(), word) != 0) return false;
        at += word.size();
        return true;
    }
};

// Lower case; U+202F (narrow no-break space) and U+00A0 as plain spaces; trimmed.
std::string normalise(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\xE2\x80\xAF") == 0) {
            out += ' ';
            i += 2;
        } else if (text.compare(i, 2, "\xC2\xA0") == 0) {
            out += ' ';
            i += 1;
        } else {
            const char c = text[i];
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == '\t' ? ' ' : c);
        }
    }
    return std::string(trim(out));
}

// "am", "a.m.", "a. m." (and the same for pm): 0 none, 1 am, 2 pm.
int meridiem(Cursor& c) {
    for (const auto& [word, value] : {std::pair<std::string_view, int>{"a. m.", 1}, {"p. m.", 2}, {"a.m.", 1},
                                      {"p.m.", 2}, {"am", 1}, {"pm", 2}})
        if (c.take(word)) return value;
    return 0;
}

}  // namespace

std::optional<WrittenTime> split_time(std::string_view text) {
    Cursor c{normalise(text)};
    WrittenTime w;
    int digits = 0;
    const auto f1 = c.number(4, &digits);
    if (!f1) return std::nullopt;
    const char separator = c.peek();
    if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
    ++c.at;
    const auto f2 = c.number(2);
    if (!f2 || c.peek() != separator) return std::nullopt;
    ++c.at;
    int year_digits = 0;
    const auto f3 = c.number(4, &year_digits);
    if (!f3) return std::nullopt;
    if (digits == 4) {
        if (year_digits > 2) return std::nullopt;
        w.year_first = true;
        w.year = *f1;
        w.first = *f2;
        w.second = *f3;
    } else {
        if (digits > 2 || (year_digits != 2 && year_digits != 4)) return std::nullopt;
        w.first = *f1;
        w.second = *f2;
        w.year = year_digits == 2 ? 2000 + *f3 : *f3;
    }
    // Between date and time: "T", ", " or spaces.
    if (!c.take("t")) {
        c.take(",");
        c.spaces();
    }
    if (c.done()) return w;
    const auto hour = c.number(2);
    if (!hour || !c.take(":")) return std::nullopt;
    int minute_digits = 0;
    const auto minute = c.number(2, &minute_digits);
    if (!minute || minute_digits != 2) return std::nullopt;
    w.hour = *hour;
    w.minute = *minute;
    if (c.take(":")) {
        int second_digits = 0;
        const auto second = c.number(2, &second_digits);
        if (!second || second_digits != 2) return std::nullopt;
        w.second_of_minute = *second;
        if (c.take(".") || c.take(",")) {
            while (c.digit()) ++c.at;  // fractions of a second: ignored
        }
    }
    w.has_clock = true;
    c.spaces();
    const int half = meridiem(c);
    if (half != 0) {
        if (w.hour < 0 || w.hour > 12) return std::nullopt;
        if (w.hour == 12) w.hour = 0;
        if (half == 2) w.hour += 12;
    }
    c.spaces();
    if (!c.done() && w.year_first && half == 0) {
        // An offset: "z", "+01:00", "+0100".
        if (c.take("z")) {
            w.offset = std::chrono::seconds(0);
        } else if (c.peek() == '+' || c.peek() == '-') {
            const int sign = c.peek() == '-' ? -1 : 1;
            ++c.at;
            int hd = 0;
            const auto oh = c.number(2, &hd);
            if (!oh || hd != 2) return std::nullopt;
            c.take(":");
            int md = 0;
            const auto om = c.number(2, &md);
            if (!om || md != 2 || *oh > 23 || *om > 59) return std::nullopt;
            w.offset = std::chrono::seconds(sign * (*oh * 3600 + *om * 60));
        }
        c.spaces();
    }
    if (!c.done()) return std::nullopt;
    return w;
}

std::optional<LocalSeconds> resolve_time(const WrittenTime& w, DateOrder order) {
    int month = w.first, day = w.second;
    if (!w.year_first && order == DateOrder::dmy) std::swap(month, day);
    if (w.year < 1900 || w.year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const date::year_month_day ymd{date::year(w.year), date::month(static_cast<unsigned>(month)),
                                   date::day(static_cast<unsigned>(day))};
    if (!ymd.ok() || w.hour > 23 || w.minute > 59 || w.second_of_minute > 59) return std::nullopt;
    return LocalSeconds(date::local_days(ymd)) + std::chrono::hours(w.hour) + std::chrono::minutes(w.minute) +
           std::chrono::seconds(w.second_of_minute);
}

namespace {

std::string_view order_name(DateOrder order) { return order == DateOrder::mdy ? "mdy" : "dmy"; }

// "4 March 2021" for messages.
std::string spoken(const WrittenTime& w, DateOrder order) {
    static constexpr std::array<std::string_view, 12> months = {"January", "February", "March",     "April",
                                                                 "May",     "June",     "July",      "August",
                                                                 "September", "October", "November", "December"};
    const auto local = resolve_time(w, order);
    if (!local) return "no date";
    const date::year_month_day ymd{date::floor<date::days>(*local)};
    return fmt::format("{} {} {}", unsigned(ymd.day()), months[unsigned(ymd.month()) - 1], int(ymd.year()));
}

// A sighting of a date that says something about the order.
struct Sighting {
    std::uint64_t line = 0;
    std::string text;
    WrittenTime written;
};

}  // namespace

void FileImport::settle_dates(std::initializer_list<std::optional<std::size_t>> columns,
                              std::string_view expected) {
    expected_time_ = expected;
    std::optional<Sighting> day_first, month_first, ambiguous;
    for (const auto& record : table_.records) {
        for (const auto column : columns) {
            const std::string_view cell = table_.cell(record, column);
            if (cell.empty()) continue;
            const auto w = split_time(cell);
            if (!w || w->year_first) continue;
            const Sighting s{record.line, std::string(cell), *w};
            if (w->first > 12 && w->first <= 31 && w->second <= 12) {
                if (!day_first) day_first = s;
            } else if (w->second > 12 && w->second <= 31 && w->first <= 12) {
                if (!month_first) month_first = s;
            } else if (w->first != w->second && w->first >= 1 && w->second >= 1 && w->first <= 12 &&
                       w->second <= 12) {
                if (!ambiguous) ambiguous = s;
            }
        }
    }
    if (day_first && month_first) {
        const Sighting& a = day_first->line < month_first->line ? *day_first : *month_first;
        const Sighting& b = day_first->line < month_first->line ? *month_first : *day_first;
        throw usage_error(fmt::format("{}:{}: \"{}\" has the {} first but line {} (\"{}\") the {}; "
                                      "the dates are not written in one order",
                                      name(), a.line, printable(a.text), &a == &*day_first ? "day" : "month", b.line,
                                      printable(b.text), &b == &*day_first ? "day" : "month"));
    }
    std::optional<DateOrder> settled;
    if (day_first) settled = DateOrder::dmy;
    if (month_first) settled = DateOrder::mdy;
    if (settled && options_.date_order && *settled != *options_.date_order) {
        const Sighting& s = day_first ? *day_first : *month_first;
        throw usage_error(fmt::format("--date-order {} does not fit {}:{}: \"{}\" has the {} first "
                                      "(leave --date-order out, or give {})",
                                      order_name(*options_.date_order), name(), s.line, printable(s.text),
                                      day_first ? "day" : "month", order_name(*settled)));
    }
    order_ = settled ? settled : options_.date_order;
    order_from_option_ = !settled && options_.date_order;
    if (!order_ && ambiguous)
        throw usage_error(fmt::format("{}:{}: \"{}\" could be {} or {}, and no date in the file settles the "
                                      "order; give --date-order mdy or --date-order dmy",
                                      name(), ambiguous->line, printable(ambiguous->text),
                                      spoken(ambiguous->written, DateOrder::mdy),
                                      spoken(ambiguous->written, DateOrder::dmy)));
}

std::optional<When> FileImport::time(const CsvRecord& record, std::optional<std::size_t> column) const {
    const std::string_view cell = table_.cell(record, column);
    if (cell.empty()) return std::nullopt;
    const auto bad = [&] {
        return usage_error(fmt::format("{}:{}: \"{}\" is not a date and time; expected {}", name(), record.line,
                                       printable(cell), expected_time_.empty() ? "2024-01-05 14:30" : expected_time_));
    };
    const auto w = split_time(cell);
    if (!w) throw bad();
    if (!w->has_clock) return std::nullopt;
    // Without an order only dates that read the same both ways get here (settle_dates refused the others).
    const auto local = resolve_time(*w, order_.value_or(DateOrder::mdy));
    if (!local) throw bad();
    const auto key_of = [&](const LocalSeconds& at) {
        return w->offset ? format_rfc3339(Seconds(at.time_since_epoch() - *w->offset), *w->offset)
                         : date::format("%Y-%m-%dT%H:%M:%S", at);
    };
    When when;
    if (w->offset) {
        when.instant = Seconds(local->time_since_epoch() - *w->offset);
    } else {
        when.instant = to_instant(*local, options_.zone);
        when.local = *local;
    }
    when.key = key_of(*local);
    // Read the other way too a date that reads differently (an import of the same rows with the other
    // order): whether --date-order or the file's other dates (5/13/25) chose the order, an earlier import
    // may have read it the other way.
    if (order_ && !w->year_first && w->first != w->second && w->first <= 12 && w->second <= 12)
        if (const auto other = resolve_time(*w, *order_ == DateOrder::mdy ? DateOrder::dmy : DateOrder::mdy))
            when.other_order_key = key_of(*other);
    return when;
}

std::optional<std::chrono::seconds> FileImport::span(const CsvRecord& record, std::optional<std::size_t> end_column,
                                                     const When& start) const {
    const auto end = time(record, end_column);
    if (!end) return std::nullopt;
    Seconds ends = end->instant;
    // A wall-clock end in the hour the autumn change repeats is read as its
    // first occurrence; when that is before the start, the session ran
    // across the change (01:50 to 01:05) and ended at the second one.
    if (ends < start.instant && end->local) {
        const date::local_info info = options_.zone->get_info(*end->local);
        if (info.result == date::local_info::ambiguous)
            ends = Seconds(end->local->time_since_epoch() - info.second.offset);
    }
    // A start in the hour the spring change skips (02:30) is moved forward by
    // the gap, past an end written after it (03:10): the length is then the
    // wall clock's, as the app showed it.
    if (ends < start.instant && start.local && end->local && *end->local >= *start.local &&
        options_.zone->get_info(*start.local).result == date::local_info::nonexistent)
        return std::chrono::duration_cast<std::chrono::seconds>(*end->local - *start.local);
    if (ends < start.instant) throw RowError{"it ends before it starts"};
    return std::chrono::duration_cast<std::chrono::seconds>(ends - start.instant);
}

}  // namespace pumplog::import_detail
