// Numbers for CSV and JSON text (render::number): no trailing zeros, two
// decimals at most, the same digits as fmt's "{:.2f}" whatever the path.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "pumplog/render/table.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using pumplog::render::append_number;
using pumplog::render::number;

namespace {

// The rule written plainly: "{:.2f}", then trailing zeros and point dropped.
std::string reference(double value) {
    std::string s = fmt::format("{:.2f}", value);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

}  // namespace

TEST_CASE("numbers are written without trailing zeros") {
    CHECK(number(90) == "90");
    CHECK(number(88.72) == "88.72");
    CHECK(number(88.7) == "88.7");
    CHECK(number(0.1) == "0.1");
    CHECK(number(-12.5) == "-12.5");
    CHECK(number(-0.0) == "0");
    CHECK(number(0.004) == "0");
    CHECK(number(1234567.89) == "1234567.89");
}

TEST_CASE("numbers have the digits of two-decimal rounding on every path") {
    for (const double v : {0.005, 0.015, 2.675, 1.005, 1e20, -1e20, 123.456, -0.001, 99.995, 3.14159, 1e-9, 12345678.125}) {
        INFO(v);
        CHECK(number(v) == reference(v));
    }
    for (int i = -2000; i <= 2000; ++i) {  // every hundredth around zero, and tenths of large volumes
        CHECK(number(i / 100.0) == reference(i / 100.0));
        CHECK(number(100000 + i / 10.0) == reference(100000 + i / 10.0));
    }
    CHECK(number(std::nan("")).empty());
}

TEST_CASE("append_number appends what number returns") {
    std::string out = "x,";
    append_number(out, 12.5);
    out += ',';
    append_number(out, 7);
    CHECK(out == "x,12.5,7");
}
}  // namespace PUMPLOG_UNITY_ID
