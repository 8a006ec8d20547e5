#include <catch2/catch.hpp>

#include "finmetrics/normalize/detail/exact_quotient.hpp"

using namespace finmetrics;
using finmetrics::detail::Scaled;
using finmetrics::detail::u128;

namespace {
std::string general(u128 n, u128 d, int e, int digits = 17, Rounding mode = Rounding::half_even) {
  Scaled v;
  REQUIRE(detail::quotient_significant(n, d, e, digits, mode, v));
  std::string out;
  detail::append_general(out, v, digits);
  return out;
}
std::string fixed(u128 n, u128 d, int e, int decimals, Rounding mode = Rounding::half_even) {
  Scaled v;
  REQUIRE(detail::quotient_at_quantum(n, d, e, -decimals, mode, v));
  std::string out;
  detail::append_fixed(out, v, decimals);
  return out;
}
}  // namespace

TEST_CASE("the quotient is rounded once, to 17 significant digits, from the exact value", "[normalize][kernel]") {
  // 81e9 x 1.0797 / 7.8445 = 11148664669.51367199... (Python decimal, 80 digits)
  CHECK(general(81u * 10797u, 78445u, 9) == "11148664669.513672");
  // 1234.5e6 x 1.2959 / 10.7255 = 149157479.837769800941...: the 17th digit is a 0, kept by %g rules
  CHECK(general(12345u * 12959u, 107255u, 5) == "149157479.8377698");
  CHECK(general(123456789u, 1, -2) == "1234567.89");
  CHECK(general(345u, 1, 8) == "34500000000");
}

TEST_CASE("ties round under the chosen mode", "[normalize][kernel]") {
  CHECK(general(25, 10, 0, 1) == "2");  // 2.5 half-even
  CHECK(general(35, 10, 0, 1) == "4");
  CHECK(general(25, 10, 0, 1, Rounding::half_up) == "3");
  CHECK(general(25, 10, 0, 1, Rounding::half_down) == "2");
  CHECK(general(21, 10, 0, 1, Rounding::up) == "3");
  CHECK(general(29, 10, 0, 1, Rounding::down) == "2");
  CHECK(general(2, 3, 0, 3) == "0.667");
  CHECK(general(2, 3, 0, 3, Rounding::floor) == "0.666");
  CHECK(general(9995, 1000, 0, 3) == "10");  // 9.995 -> 10.0: the carry adds a digit
  CHECK(fixed(11148664669513672ull, 1000000ull, 0, 2) == "11148664669.51");
  CHECK(fixed(1409u * 10797u, 83988u, -1, 2, Rounding::down) == "18.11");
  CHECK(fixed(1409u * 10797u, 83988u, -1, 2, Rounding::up) == "18.12");
  CHECK(fixed(5, 1, 0, 0) == "5");
  CHECK(fixed(5, 1, -3, 4) == "0.0050");
}

TEST_CASE("values print like printf's %.17g, digits taken from the exact decimal", "[normalize][kernel]") {
  CHECK(general(1, 1, -5) == "1e-05");
  CHECK(general(1, 1, -4) == "0.0001");
  CHECK(general(1, 1, 17) == "1e+17");
  CHECK(general(12345678901234567ull, 1, 0) == "12345678901234567");
  CHECK(general(123456789012345678ull, 1, 0) == "1.2345678901234568e+17");
  CHECK(general(12, 1, -7) == "1.2e-06");
  CHECK(general(0, 1, 0) == "0");
}

TEST_CASE("an intermediate beyond 128 bits is reported, never wrapped", "[normalize][kernel]") {
  Scaled v;
  const u128 big = detail::pow10_u128(38);
  CHECK_FALSE(detail::quotient_at_quantum(big, 1, 5, 0, Rounding::half_even, v));
  CHECK(detail::digits10(big) == 39);
  CHECK(detail::digits10(0) == 1);
  CHECK(detail::digits10(9) == 1);
  CHECK(detail::digits10(10) == 2);
  CHECK(detail::digits10(detail::pow10_u128(19) - 1) == 19);
  CHECK(detail::digits10(detail::pow10_u128(19)) == 20);
}

TEST_CASE("a divisor of 1 (a figure in the target currency) gives what the division gives", "[normalize][kernel]") {
  // n / 1 x 10^e is n / 10 x 10^(e+1): the same exact value through the general division.
  u128 n = 1;
  for (int k = 0; k < 400; ++k) {
    n = n * 7 + static_cast<u128>(k);  // 1 to 38 digits
    if (detail::digits10(n) > 36) n = static_cast<u128>(k) + 1;
    for (const int digits : {1, 5, 15, 17, 36})
      for (const Rounding mode : {Rounding::half_even, Rounding::up, Rounding::down}) {
        Scaled one, ten;
        const bool a = detail::quotient_significant(n, 1, -k % 30, digits, mode, one);
        const bool b = detail::quotient_significant(n, 10, -k % 30 + 1, digits, mode, ten);
        REQUIRE(a == b);
        CHECK(one.coefficient == ten.coefficient);
        CHECK(one.exponent == ten.exponent);
      }
  }
}
