#include <stdexcept>

#include <catch2/catch.hpp>

#include "finmetrics/quantity/percentage_points.hpp"
#include "finmetrics/quantity/ratio.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("A ratio converts to and from percent and basis points exactly", "[quantity][ratio]") {
  const auto margin = Ratio::from_percent("8.8"_dec);
  CHECK(margin.value() == "0.088"_dec);
  CHECK(margin.value().to_string() == "0.088");
  CHECK(margin.as_percent().to_string() == "8.8");
  CHECK(margin.as_basis_points().to_string() == "880");
  CHECK(Ratio::from_basis_points("25"_dec).value().to_string() == "0.0025");
  CHECK(Ratio::of("0.6"_dec).as_percent() == "60"_dec);
  CHECK(Ratio::of("0.6"_dec) == Ratio::from_percent("60"_dec));
}

TEST_CASE("A quotient becomes a ratio only with a precision", "[quantity][ratio]") {
  CHECK(Ratio::of_quotient("7.128"_dec, "81"_dec, 5).value() == "0.088"_dec);
  CHECK(Ratio::of_quotient("2"_dec, "3"_dec, 3).value().to_string() == "0.667");
  CHECK_THROWS_AS(Ratio::of_quotient("2"_dec, "0"_dec, 3), std::domain_error);
}

TEST_CASE("Ratios add, subtract, multiply and compare", "[quantity][ratio]") {
  const auto a = Ratio::from_percent("10"_dec);
  const auto b = Ratio::from_percent("2.5"_dec);
  CHECK((a + b).as_percent() == "12.5"_dec);
  CHECK((a - b).as_percent() == "7.5"_dec);
  CHECK((a * b).value() == "0.0025"_dec);
  CHECK((a * "3"_dec).value() == "0.3"_dec);
  CHECK(b < a);
  CHECK((-a).value() == "-0.1"_dec);
  CHECK(a.to_string() == "0.10");
}

TEST_CASE("Percentage points are differences of percentages", "[quantity][percentage_points]") {
  const auto before = Ratio::from_percent("8.8"_dec);
  const auto after = Ratio::from_percent("10.9"_dec);
  const auto change = PercentagePoints::between(after, before);
  CHECK(change == PercentagePoints::of("2.1"_dec));
  CHECK(change.value().to_string() == "2.1");
  CHECK(change.as_basis_points().to_string() == "210");
  CHECK(change.as_ratio().value() == "0.021"_dec);
  CHECK(before + change == after);
  CHECK(after - change == before);
  CHECK(PercentagePoints::from_basis_points("25"_dec) == PercentagePoints::of("0.25"_dec));
  CHECK((PercentagePoints::of("1"_dec) - PercentagePoints::of("1.5"_dec)).value() == "-0.5"_dec);
  CHECK(-change < PercentagePoints{});
  CHECK(change.to_string() == "2.1 pp");
}
