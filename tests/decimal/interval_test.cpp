#include "finmetrics/decimal/interval.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using finmetrics::Bound;
using finmetrics::BoundKind;
using finmetrics::Decimal;
using finmetrics::Interval;
using namespace finmetrics::decimal_literals;

TEST_CASE("an interval prints its ends as plain decimals without trailing zeros", "[interval]") {
  CHECK(Interval::closed_open("80.5e9"_dec, "81.5e9"_dec).to_string() == "[80500000000, 81500000000)");
  CHECK(Interval::closed_open("57.00"_dec, "60"_dec).to_string() == "[57, 60)");
  CHECK(Interval::open_closed("-5.5"_dec, "-4.5"_dec).to_string() == "(-5.5, -4.5]");
  CHECK(Interval::greater_than("100"_dec).to_string() == "(100, +inf)");
  CHECK(Interval::at_least("0"_dec).to_string() == "[0, +inf)");
  CHECK(Interval::less_than("3"_dec).to_string() == "(-inf, 3)");
  CHECK(Interval::at_most("3"_dec).to_string() == "(-inf, 3]");
  CHECK(Interval::all().to_string() == "(-inf, +inf)");
  CHECK(fmt::format("{}", Interval::point("1.25"_dec)) == "[1.25, 1.25]");
}

TEST_CASE("an interval that would be empty is a programming error", "[interval]") {
  CHECK_THROWS_AS(Interval::closed("2"_dec, "1"_dec), std::invalid_argument);
  CHECK_THROWS_AS(Interval::closed_open("1"_dec, "1"_dec), std::invalid_argument);
  CHECK_THROWS_AS(Interval::open_closed("1"_dec, "1.0"_dec), std::invalid_argument);
  CHECK_NOTHROW(Interval::point("1"_dec));
  CHECK(Interval::point("1"_dec).is_point());
}

TEST_CASE("contains respects open, closed and unbounded ends", "[interval]") {
  const Interval i = Interval::closed_open("80.5"_dec, "81.5"_dec);
  CHECK(i.contains("80.5"_dec));
  CHECK(i.contains("80.50"_dec));
  CHECK(i.contains("81.4999"_dec));
  CHECK_FALSE(i.contains("81.5"_dec));
  CHECK_FALSE(i.contains("80.4999"_dec));
  CHECK(Interval::greater_than("100"_dec).contains("100.0001"_dec));
  CHECK_FALSE(Interval::greater_than("100"_dec).contains("100"_dec));
  CHECK(Interval::at_most("100"_dec).contains("-1e30"_dec));
  CHECK(Interval::all().contains("0"_dec));
}

TEST_CASE("one interval contains another when both of its ends admit at least as much", "[interval]") {
  const Interval outer = Interval::closed("1"_dec, "5"_dec);
  CHECK(outer.contains(Interval::open("1"_dec, "5"_dec)));
  CHECK(outer.contains(outer));
  CHECK_FALSE(Interval::open("1"_dec, "5"_dec).contains(outer));
  CHECK(Interval::at_least("1"_dec).contains(Interval::greater_than("1"_dec)));
  CHECK_FALSE(outer.contains(Interval::at_least("2"_dec)));
}

TEST_CASE("intervals that touch at a closed end intersect in one point", "[interval]") {
  const Interval a = Interval::closed("1"_dec, "2"_dec);
  const Interval b = Interval::closed("2"_dec, "3"_dec);
  REQUIRE(a.intersects(b));
  CHECK(intersection(a, b) == Interval::point("2"_dec));

  const Interval half_open = Interval::closed_open("1"_dec, "2"_dec);
  CHECK_FALSE(half_open.intersects(b));
  CHECK_FALSE(intersection(half_open, b).has_value());
  CHECK_FALSE(Interval::less_than("0"_dec).intersects(Interval::greater_than("0"_dec)));
}

TEST_CASE("intersection keeps the tighter end on each side", "[interval]") {
  const auto i = intersection(Interval::closed_open("80.5e9"_dec, "81.5e9"_dec), Interval::greater_than("81e9"_dec));
  REQUIRE(i.has_value());
  CHECK(i->to_string() == "(81000000000, 81500000000)");
  CHECK(intersection(Interval::all(), Interval::at_most("4"_dec)) == Interval::at_most("4"_dec));
}

TEST_CASE("the hull spans both intervals and the gap between them", "[interval]") {
  CHECK(hull(Interval::closed_open("1"_dec, "2"_dec), Interval::open_closed("3"_dec, "4"_dec)) ==
        Interval::closed("1"_dec, "4"_dec));
  // At an equal end the more inclusive (closed) one wins.
  CHECK(hull(Interval::open("1"_dec, "2"_dec), Interval::closed("1"_dec, "1.5"_dec)).to_string() == "[1, 2)");
  CHECK(hull(Interval::point("5"_dec), Interval::less_than("0"_dec)) == Interval::at_most("5"_dec));
}

TEST_CASE("width is the distance between the ends, absent when unbounded", "[interval]") {
  CHECK(Interval::closed_open("80.5e9"_dec, "81.5e9"_dec).width() == "1e9"_dec);
  CHECK(Interval::open("1.25"_dec, "4"_dec).width() == "2.75"_dec);
  CHECK_FALSE(Interval::at_least("1"_dec).width().has_value());
}

TEST_CASE("adding intervals adds the ends; an end is closed only if both were", "[interval]") {
  CHECK(Interval::closed_open("1"_dec, "2"_dec) + Interval::closed("10"_dec, "20"_dec) ==
        Interval::closed_open("11"_dec, "22"_dec));
  CHECK((Interval::at_least("1"_dec) + Interval::closed("10"_dec, "20"_dec)) == Interval::at_least("11"_dec));
  CHECK((Interval::open("0.1"_dec, "0.2"_dec) + Interval::point("0.05"_dec)).to_string() == "(0.15, 0.25)");
}

TEST_CASE("subtracting swaps the other interval's ends", "[interval]") {
  CHECK(-Interval::closed_open("1"_dec, "2"_dec) == Interval::open_closed("-2"_dec, "-1"_dec));
  CHECK((Interval::closed_open("1"_dec, "2"_dec) - Interval::closed("10"_dec, "20"_dec)).to_string() == "[-19, -8)");
  CHECK((Interval::point("5"_dec) - Interval::at_least("1"_dec)) == Interval::at_most("4"_dec));
}

TEST_CASE("multiplying takes the extreme corner products whatever the signs", "[interval]") {
  // corners -8, -10, 12, 15
  CHECK(Interval::closed("-2"_dec, "3"_dec) * Interval::closed("4"_dec, "5"_dec) == Interval::closed("-10"_dec, "15"_dec));
  // corners 10, 8, -15 (not reached: 3 is open), -12
  CHECK((Interval::closed_open("-2"_dec, "3"_dec) * Interval::closed("-5"_dec, "-4"_dec)).to_string() == "(-15, 10]");
  // both negative: corners 20, 12, 15, 9
  CHECK(Interval::closed("-5"_dec, "-3"_dec) * Interval::closed("-4"_dec, "-3"_dec) == Interval::closed("9"_dec, "20"_dec));
  // exact decimal products
  CHECK((Interval::closed_open("80.5e9"_dec, "81.5e9"_dec) * Interval::point("0.1376"_dec)).to_string() ==
        "[11076800000, 11214400000)");
}

TEST_CASE("a reached zero makes the product reach zero, an open one does not", "[interval]") {
  CHECK((Interval::closed("0"_dec, "2"_dec) * Interval::open_closed("1"_dec, "3"_dec)).to_string() == "[0, 6]");
  CHECK((Interval::open_closed("0"_dec, "1"_dec) * Interval::at_least("1"_dec)).to_string() == "(0, +inf)");
  CHECK((Interval::closed_open("-1"_dec, "0"_dec) * Interval::at_least("1"_dec)).to_string() == "(-inf, 0)");
  CHECK(Interval::point("0"_dec) * Interval::all() == Interval::point("0"_dec));
  CHECK(Interval::all() * Interval::closed("-1"_dec, "2"_dec) == Interval::all());
}

TEST_CASE("division rounds each end outward to the requested quantum", "[interval]") {
  // 1/3 and 2/3 cannot be stated to thousandths: the ends are rounded outward and open.
  CHECK(divide(Interval::closed("1"_dec, "2"_dec), Interval::point("3"_dec), -3).to_string() == "(0.333, 0.667)");
  // exact quotients keep closed ends: corners 0.25, 0.2, 0.5, 0.4
  CHECK(divide(Interval::closed("1"_dec, "2"_dec), Interval::closed("4"_dec, "5"_dec), -2).to_string() == "[0.2, 0.5]");
  // negative divisor: corners 2, 3, -1, -1.5; -1.5 rounded down to units is -2
  const Interval q = divide(Interval::closed("-6"_dec, "3"_dec), Interval::closed("-3"_dec, "-2"_dec), 0);
  CHECK(q.to_string() == "(-2, 3]");
  CHECK(q.contains("-1.5"_dec));
  // CNY 81bn as rounded, at 7.2 CNY per USD: 80.5e9 / 7.2 = 11180555555.5..., 81.5e9 / 7.2 = 11319444444.4...
  CHECK(divide(Interval::closed_open("80.5e9"_dec, "81.5e9"_dec), Interval::point("7.2"_dec), 0).to_string() ==
        "(11180555555, 11319444445)");
}

TEST_CASE("division by an interval ending at an open zero is unbounded on that side", "[interval]") {
  CHECK(divide(Interval::closed("1"_dec, "2"_dec), Interval::open_closed("0"_dec, "1"_dec), 0).to_string() ==
        "[1, +inf)");
  CHECK(divide(Interval::closed("1"_dec, "2"_dec), Interval::at_least("1"_dec), 0).to_string() == "(0, 2]");
  CHECK(divide(Interval::point("0"_dec), Interval::at_least("1"_dec), 0) == Interval::point("0"_dec));
}

TEST_CASE("dividing by an interval that contains zero is a programming error", "[interval]") {
  CHECK_THROWS_AS(divide(Interval::point("1"_dec), Interval::closed("-1"_dec, "1"_dec), 0), std::domain_error);
  CHECK_THROWS_AS(divide(Interval::point("1"_dec), Interval::closed("0"_dec, "1"_dec), 0), std::domain_error);
}

TEST_CASE("bounds compare by kind and value", "[interval]") {
  CHECK(Bound::closed("80.50"_dec) == Bound::closed("80.5"_dec));
  CHECK_FALSE(Bound::closed("1"_dec) == Bound::open("1"_dec));
  CHECK(Bound::unbounded() == Bound{BoundKind::unbounded, "5"_dec});
}
