#pragma once
// A row's value as the options ask for it: the exact quotient n / d x 10^e of
// the 128-bit kernel (exact_quotient.hpp) rounded once to significant digits or
// fixed decimals and printed, and the limits past which the Decimal reference
// path decides instead (so that both paths refuse the same values). Shared by
// Normalizer::convert_parts (v2, Python) and the v1 rows of NormalizeStream.
#include <string>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics::detail {

inline Scaled to_scaled(const Decimal& d) {
  // Slow path only: the coefficient is non-negative with at most 38 digits.
  return Scaled{d.coefficient().convert_to<u128>(), d.exponent()};
}

inline void append_value(std::string& out, Scaled v, const NormalizeOptions& o) {
  if (o.decimals) append_fixed(out, v, *o.decimals);
  else append_general(out, v, o.significant_digits);
}

constexpr u128 pow10_constant(int n) { return n == 0 ? u128{1} : 10 * pow10_constant(n - 1); }

inline bool fits_decimal(const Scaled& v) {
  // At most max_digits digits: below 10^max_digits (no digit count per row).
  return v.coefficient == 0 || (v.coefficient < pow10_constant(Decimal::max_digits) &&
                                v.exponent >= Decimal::min_exponent && v.exponent <= Decimal::max_exponent);
}

// The reference path multiplies the amount by the rate's numerator (the same
// fixings' coefficients as the kernel's `num`) as a Decimal, which refuses a
// product of more than max_digits digits: such a product is left to it, so both
// refuse it alike (`Rmb` + 34 digits at 1.0314: the kernel's 128 bits would hold it).
inline bool product_fits(u128 n) {
  static constexpr u128 limit = pow10_constant(Decimal::max_digits);
  return n < limit;
}

inline bool round_value(u128 n, u128 d, int e, const NormalizeOptions& o, Scaled& v, Rounding mode) {
  return o.decimals ? quotient_at_quantum(n, d, e, -*o.decimals, mode, v)
                    : quotient_significant(n, d, e, o.significant_digits, mode, v);
}
inline bool round_value(u128 n, u128 d, int e, const NormalizeOptions& o, Scaled& v) { return round_value(n, d, e, o, v, o.rounding); }

}  // namespace finmetrics::detail
