#include "finmetrics/quantity/ads_ratio.hpp"

#include <algorithm>
#include <numeric>

namespace finmetrics {

namespace detail {

std::optional<Decimal> scale_exactly(const Decimal& value, std::int64_t numerator, std::int64_t denominator) {
  using Coefficient = Decimal::Coefficient;
  // value x num / den = c x 10^e x num / den. Cancel the common factor of
  // c x num and den; what is left of den must be 2^a 5^b, and then
  // 1/den = (2^(k-a) 5^(k-b)) / 10^k with k = max(a, b).
  const Coefficient c = value.coefficient() * Coefficient(numerator);
  Coefficient d(denominator);
  const Coefficient g = boost::multiprecision::gcd(boost::multiprecision::abs(c), d);
  Coefficient reduced = c;
  if (!g.is_zero()) {
    reduced /= g;
    d /= g;
  }
  int twos = 0;
  int fives = 0;
  while (d % 2 == 0) {
    d /= 2;
    ++twos;
  }
  while (d % 5 == 0) {
    d /= 5;
    ++fives;
  }
  if (d != 1) return std::nullopt;
  const int k = std::max(twos, fives);
  Coefficient m = 1;
  for (int i = twos; i < k; ++i) m *= 2;
  for (int i = fives; i < k; ++i) m *= 5;
  return Decimal::from_parts(reduced * m, value.exponent() - k);
}

}  // namespace detail

AdsRatio AdsRatio::of(std::int64_t ads, std::int64_t shares) {
  if (ads <= 0 || shares <= 0) {
    throw std::invalid_argument(fmt::format("ADS ratio {} : {} must have positive terms", ads, shares));
  }
  const std::int64_t g = std::gcd(ads, shares);
  return AdsRatio(ads / g, shares / g);
}

Decimal AdsRatio::exact(const Decimal& v, std::int64_t num, std::int64_t den, const char* what) {
  if (auto r = detail::scale_exactly(v, num, den)) return *std::move(r);
  throw std::domain_error(fmt::format("AdsRatio::{}: {} x {} / {} has no exact decimal value; give a precision",
                                      what, v.to_string(), num, den));
}

Decimal AdsRatio::rounded(const Decimal& v, std::int64_t num, std::int64_t den, int significant_digits,
                          Rounding mode) {
  return Decimal::divide_significant(v * Decimal::from_integer(num), Decimal::from_integer(den), significant_digits,
                                     mode);
}

std::string AdsRatio::to_string() const {
  return fmt::format("{} ADS{} = {} share{}", ads_, ads_ == 1 ? "" : "s", shares_, shares_ == 1 ? "" : "s");
}

}  // namespace finmetrics
