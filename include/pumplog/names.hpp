#pragma once
// The journal's named values (SPEC 3): a feed's method, a bottle's milk, a
// container's place. Each enum has one name table, the only place its names
// are spelled; the parsers, the writer and the renderers go through it, and
// everything else compares enums.
#include <array>
#include <cstring>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pumplog {

enum class FeedMethod : std::uint8_t { bottle, breast };
enum class Milk : std::uint8_t { breast, formula };
// Where a container of milk is kept.
enum class Place : std::uint8_t { room, cooler, fridge, freezer };
// The pump timer's events (a `timer` line's `action`), and the side a timed session pumps.
enum class TimerAction : std::uint8_t { start, pause, resume, cancel };
enum class Side : std::uint8_t { left, right, both };

template <class E>
struct Names;
template <>
struct Names<FeedMethod> {
    static constexpr std::array<std::string_view, 2> list = {"bottle", "breast"};
};
template <>
struct Names<Milk> {
    static constexpr std::array<std::string_view, 2> list = {"breast", "formula"};
};
template <>
struct Names<Place> {
    static constexpr std::array<std::string_view, 4> list = {"room", "cooler", "fridge", "freezer"};
};
template <>
struct Names<TimerAction> {
    static constexpr std::array<std::string_view, 4> list = {"start", "pause", "resume", "cancel"};
};
template <>
struct Names<Side> {
    static constexpr std::array<std::string_view, 3> list = {"left", "right", "both"};
};

template <class E>
constexpr std::string_view name_of(E value) {
    return Names<E>::list[static_cast<std::size_t>(value)];
}
// The value written exactly so, or nullopt.
template <class E>
constexpr std::optional<E> value_named(std::string_view text) {
    for (std::size_t i = 0; i < Names<E>::list.size(); ++i)
        if (Names<E>::list[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

// A named value as a journal line holds it: the text as written ("" when
// absent) and, when it is one of its names, which. A value this version
// does not know is kept (shown, and ignored by computations).
// Sixteen bytes, not a std::string's forty: every entry holds five, and
// entries are copied by the thousand. A known name is the name table's own
// text; only a value this version does not know is copied and owned.
class NamedText {
public:
    static constexpr std::uint8_t unknown = 0xff;
    NamedText() = default;
    NamedText(const NamedText& other) { copy(other); }
    NamedText(NamedText&& other) noexcept { take(other); }
    NamedText& operator=(const NamedText& other) {
        if (this != &other) {
            release();
            copy(other);
        }
        return *this;
    }
    NamedText& operator=(NamedText&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~NamedText() { release(); }

    std::string_view text() const { return {data_, size_}; }
    bool empty() const { return size_ == 0; }
    bool known() const { return code_ != unknown; }
    void clear() {
        release();
        code_ = unknown;
    }
    // Reads `text`, one of `names` or not.
    void assign(std::string_view text, std::span<const std::string_view> names) {
        release();
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == text) {
                data_ = names[i].data();
                size_ = static_cast<std::uint32_t>(names[i].size());
                code_ = static_cast<std::uint8_t>(i);
                return;
            }
        code_ = unknown;
        own(text);
    }
    bool operator==(const NamedText& other) const { return code_ == other.code_ && text() == other.text(); }
    bool operator==(const char*) const = delete;  // compare the enum, not the text
    // The text, for code that still reads it as a string (stock_replay.cpp's
    // place_of; to go once it compares Place).
    operator std::string_view() const { return text(); }

private:
    void release() {
        if (owned_) delete[] data_;
        data_ = "";
        size_ = 0;
        owned_ = false;
    }
    void own(std::string_view text) {
        if (text.empty()) return;
        char* copy = new char[text.size()];
        std::memcpy(copy, text.data(), text.size());
        data_ = copy;
        size_ = static_cast<std::uint32_t>(text.size());
        owned_ = true;
    }
    void copy(const NamedText& other) {
        code_ = other.code_;
        if (other.owned_) {
            own(other.text());
        } else {
            data_ = other.data_;
            size_ = other.size_;
        }
    }
    void take(NamedText& other) {
        data_ = other.data_;
        size_ = other.size_;
        code_ = other.code_;
        owned_ = other.owned_;
        other.data_ = "";
        other.size_ = 0;
        other.code_ = unknown;
        other.owned_ = false;
    }

    const char* data_ = "";
    std::uint32_t size_ = 0;
    bool owned_ = false;

protected:
    std::uint8_t code_ = unknown;
};

template <class E>
class Named : public NamedText {
public:
    std::optional<E> value() const {
        return code_ == unknown ? std::nullopt : std::optional<E>(static_cast<E>(code_));
    }
    bool operator==(E value) const { return code_ == static_cast<std::uint8_t>(value); }
    bool operator==(const Named&) const = default;
    bool operator==(const char*) const = delete;
    void set(E value) { NamedText::assign(name_of(value), Names<E>::list); }
    void assign(std::string_view text) { NamedText::assign(text, Names<E>::list); }
};

}  // namespace pumplog
