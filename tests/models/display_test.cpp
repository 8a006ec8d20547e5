// How verdicts print values: seven significant digits, money in bn/mn, outward ends.
#include <catch2/catch.hpp>

#include "finmetrics/models/display.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("money prints in bn with its currency; intervals round outward", "[models][display]") {
  const Unit cny = Unit::money(Currency{{'C', 'N', 'Y'}});
  CHECK(show("81e9"_dec, cny) == "81bn CNY");
  CHECK(show(Interval::closed_open("80.5e9"_dec, "81.5e9"_dec), cny) == "[80.5, 81.5) bn CNY");
  CHECK(show(Interval::open("11197593477.747"_dec, "11197593477.828"_dec), Unit::money(Currency{{'U', 'S', 'D'}})) ==
        "(11.19759, 11.1976) bn USD");
  CHECK(show(Interval::greater_than("100e9"_dec), Unit::money(Currency{{'U', 'S', 'D'}})) == "(100, +inf) bn USD");
}

TEST_CASE("percentages, multiples and prices print without scale", "[models][display]") {
  CHECK(show(Interval::point("66"_dec), Unit::of(Dimension::percent)) == "{66}%");
  CHECK(show(Interval::open("1.666666666666"_dec, "2.076923076924"_dec), Unit::of(Dimension::multiple)) ==
        "(1.666666, 2.076924)x");
  CHECK(show("84.79"_dec, Unit::money(Currency{{'U', 'S', 'D'}}, Per::ads)) == "84.79 USD per ADS");
}
