#pragma once
// Private to the series layer's numeric path: Decimal -> double without going
// through text when Clinger's fast path applies (coefficient below 2^53, power of
// ten up to 10^22: both exact in double, so one multiplication or division is
// correctly rounded, the same double strtod gives); `Decimal::to_double` otherwise.

#include <array>

#include "finmetrics/decimal/decimal.hpp"

namespace finmetrics::series_detail {

[[nodiscard]] inline double to_double_fast(const Decimal& d) {
  static constexpr std::array<double, 23> powers{1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  constexpr long long limit = 1LL << 53;
  const Decimal::Coefficient& c = d.coefficient();
  const int e = d.exponent();
  if (c < limit && c > -limit && e >= -22 && e <= 22) {
    const auto value = static_cast<double>(static_cast<long long>(c));
    return e >= 0 ? value * powers[static_cast<std::size_t>(e)] : value / powers[static_cast<std::size_t>(-e)];
  }
  return d.to_double();
}

}  // namespace finmetrics::series_detail
