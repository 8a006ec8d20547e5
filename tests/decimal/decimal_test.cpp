#include <catch2/catch.hpp>

#include "finmetrics/decimal/decimal.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("a decimal read from text keeps its digits and stated precision", "[decimal]") {
  const Decimal d = "26.549"_dec;
  CHECK(d.coefficient() == 26549);
  CHECK(d.exponent() == -3);
  CHECK(d.to_string() == "26.549");
  CHECK("0.50"_dec.to_string() == "0.50");
  CHECK("0.50"_dec.exponent() == -2);
  CHECK("-0.007"_dec.to_string() == "-0.007");
  CHECK("00012"_dec.to_string() == "12");
  CHECK(".5"_dec.to_string() == "0.5");
  CHECK("1.5e3"_dec.to_string() == "1500");
  CHECK("1.5e3"_dec.exponent() == 2);
  CHECK("12e-5"_dec.to_string() == "0.00012");
}

TEST_CASE("a scaled quote is known to its scale: 81bn to the billion, 26.549bn to the million", "[decimal]") {
  const Decimal bn81 = "81"_dec.shifted(9);
  CHECK(bn81.coefficient() == 81);
  CHECK(bn81.exponent() == 9);
  CHECK(bn81.to_string() == "81000000000");
  CHECK("26.549"_dec.shifted(9).exponent() == 6);
  CHECK("26.549"_dec.shifted(9).to_string() == "26549000000");
}

TEST_CASE("equality and ordering compare values, not representations", "[decimal]") {
  CHECK("81"_dec == "81.000"_dec);
  CHECK_FALSE("81"_dec.same_quantum("81.000"_dec));
  CHECK("0.1"_dec < "0.10000000000000000001"_dec);
  CHECK("-5"_dec < "-4.99"_dec);
  CHECK("1e30"_dec > "999999999999"_dec);
  CHECK("1e-30"_dec < "1e-29"_dec);
  CHECK("0"_dec == "-0.000"_dec);
}

TEST_CASE("addition, subtraction and multiplication are exact", "[decimal]") {
  CHECK(("0.1"_dec + "0.2"_dec).to_string() == "0.3");
  CHECK(("81"_dec.shifted(9) + "26.549"_dec).to_string() == "81000000026.549");
  CHECK(("1.10"_dec - "1.1"_dec).to_string() == "0.00");
  CHECK(("26.549"_dec * "1.0797"_dec).to_string() == "28.6649553");
  CHECK(("-1.5"_dec * "2"_dec).to_string() == "-3.0");
  CHECK((-"2.5"_dec).to_string() == "-2.5");
}

TEST_CASE("rescaling rounds under each mode", "[decimal]") {
  struct Row { const char* value; Rounding mode; const char* expected; };
  const Row rows[] = {
      {"2.5", Rounding::half_even, "2"},  {"3.5", Rounding::half_even, "4"},   {"-2.5", Rounding::half_even, "-2"},
      {"2.5", Rounding::half_up, "3"},    {"-2.5", Rounding::half_up, "-3"},   {"2.5", Rounding::half_down, "2"},
      {"2.51", Rounding::half_down, "3"}, {"2.9", Rounding::down, "2"},        {"-2.9", Rounding::down, "-2"},
      {"2.1", Rounding::up, "3"},         {"-2.1", Rounding::up, "-3"},        {"-2.1", Rounding::floor, "-3"},
      {"2.9", Rounding::floor, "2"},      {"2.1", Rounding::ceiling, "3"},     {"-2.9", Rounding::ceiling, "-2"},
      {"2.0", Rounding::up, "2"},
  };
  for (const auto& r : rows) {
    INFO(r.value << " " << to_string(r.mode));
    CHECK(Decimal::parse(r.value)->rescaled(0, r.mode).to_string() == r.expected);
  }
  CHECK("1.2345"_dec.rescaled(-2).to_string() == "1.23");
  CHECK("1.235"_dec.rescaled(-2).to_string() == "1.24");
  CHECK("1.2"_dec.rescaled(-4).to_string() == "1.2000");
  CHECK("81499999999"_dec.rescaled(9).to_string() == "81000000000");
}

TEST_CASE("rounding to significant digits carries into a new digit", "[decimal]") {
  CHECK("999.5"_dec.rounded_to_significant(3).to_string() == "1000");
  CHECK("123.456"_dec.rounded_to_significant(4).to_string() == "123.5");
  CHECK("0.00012345"_dec.rounded_to_significant(2).to_string() == "0.00012");
  CHECK("12"_dec.rounded_to_significant(5).to_string() == "12");
}

TEST_CASE("division needs an explicit precision and rounds once", "[decimal]") {
  // USD per CNY on 2025-03-28 from the ECB legs; checked with Python's decimal at 60 digits.
  CHECK(Decimal::divide_significant("1.0797"_dec, "7.8445"_dec, 17).to_string() == "0.13763783542609472");
  CHECK(Decimal::divide("1"_dec, "3"_dec, -5).to_string() == "0.33333");
  CHECK(Decimal::divide("2"_dec, "3"_dec, -5).to_string() == "0.66667");
  CHECK(Decimal::divide("2"_dec, "3"_dec, -5, Rounding::down).to_string() == "0.66666");
  CHECK(Decimal::divide("-2"_dec, "3"_dec, -5, Rounding::floor).to_string() == "-0.66667");
  CHECK(Decimal::divide("2.337"_dec, "26.549"_dec, -4).to_string() == "0.0880");
  CHECK(Decimal::divide_significant("81"_dec.shifted(9), "11"_dec.shifted(9), 6).to_string() == "7.36364");
  CHECK(Decimal::divide_significant("1"_dec, "8"_dec, 5).to_string() == "0.12500");
  CHECK(Decimal::divide_significant("1"_dec, "8"_dec, 5).digits() == 5);
  CHECK(Decimal::divide_significant("7.8445"_dec, "1.0797"_dec, 17).to_string() == "7.2654441048439381");
  CHECK(Decimal::divide_significant("999.99"_dec, "1"_dec, 3) == "1000"_dec);
  CHECK(Decimal::divide_significant("999.99"_dec, "1"_dec, 3).digits() == 3);
  CHECK_THROWS_AS(Decimal::divide("1"_dec, "0"_dec, 0), std::domain_error);
}

TEST_CASE("overflow is an error, never a wrap", "[decimal]") {
  const Decimal big = Decimal::parse("99999999999999999999999999999999999999").value();  // 38 nines
  CHECK(big.digits() == 38);
  CHECK_THROWS_AS(big + "1"_dec, DecimalOverflow);
  CHECK_THROWS_AS(big * "10"_dec, DecimalOverflow);
  CHECK_THROWS_AS("1e37"_dec.rescaled(-5), DecimalOverflow);
  CHECK_THROWS_AS("1e30"_dec + "1e-30"_dec, DecimalOverflow);
  CHECK_THROWS_AS("1"_dec.shifted(2000), DecimalOverflow);
  const auto too_long = Decimal::parse("123456789012345678901234567890123456789");
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().code == Errc::overflow);
  CHECK(too_long.error().describe() == "'123456789012345678901234567890123456789' at column 39: more than 38 significant digits");
}

TEST_CASE("malformed decimal text is an error naming the position", "[decimal]") {
  const auto describe = [](const char* text) { return Decimal::parse(text).error().describe(); };
  CHECK(describe("1..2") == "'1..2' at column 3: a second decimal point '.' in a number");
  CHECK(describe("--5") == "'--5' at column 2: an unexpected character '-' in a number");
  CHECK(describe("") == "expected a digit");
  CHECK(describe("1,5") == "'1,5' at column 2: an unexpected character ',' in a number");
  CHECK(describe("1e") == "'1e' at column 3: expected exponent digits");
  CHECK(describe(".") == "'.' at column 2: expected a digit");
}

TEST_CASE("to_double is the nearest double of the exact value", "[decimal]") {
  CHECK("0.1"_dec.to_double() == 0.1);
  CHECK("1234567.89"_dec.to_double() == 1234567.89);
  CHECK("-81"_dec.shifted(9).to_double() == -81e9);
}
