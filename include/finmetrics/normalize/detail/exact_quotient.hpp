#pragma once
// The normalization hot path's arithmetic: amount x rate legs as one exact
// quotient n / d x 10^e of native 128-bit integers, rounded once. Measured faster
// than going through Decimal (bench/normalize_bench.cpp, "exact kernel" vs
// "Decimal"); every function reports when an intermediate would not fit, and the
// caller then takes the Decimal path, so no input is ever rounded twice or wrapped.

#include <string>

#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/detail/int128.hpp"

namespace finmetrics::detail {

/// coefficient x 10^exponent, non-negative.
struct Scaled {
  u128 coefficient = 0;
  int exponent = 0;
};

/// Number of decimal digits of v (1 for 0).
[[nodiscard]] int digits10(u128 v) noexcept;
/// 10^n for 0 <= n <= 38.
[[nodiscard]] u128 pow10_u128(int n) noexcept;

/// n / d x 10^e rounded to `digits` (1..36) significant digits. d > 0.
/// False when an intermediate would exceed 128 bits.
[[nodiscard]] bool quotient_significant(u128 n, u128 d, int e, int digits, Rounding mode, Scaled& out) noexcept;
/// n / d x 10^e rounded to the quantum 10^quantum. d > 0. False on overflow.
[[nodiscard]] bool quotient_at_quantum(u128 n, u128 d, int e, int quantum, Rounding mode, Scaled& out) noexcept;

/// Appends v like printf's %.{precision}g: shortest of fixed and scientific by
/// C's rule (scientific when the decimal exponent is < -4 or >= precision),
/// trailing zeros removed. v must already hold at most `precision` digits.
void append_general(std::string& out, Scaled v, int precision);
/// The same written at `out` (room for `general_max_bytes`); returns the end.
inline constexpr int general_max_bytes = 96;
char* write_general(char* out, Scaled v, int precision) noexcept;
/// Writes magnitude x 10^exponent as a plain decimal at `out` (no exponent, no
/// trailing zeros after the point, no point when whole, '-' first when `negative`
/// and the magnitude is not 0), as `append_plain` (v2_figure.hpp) appends it, and
/// returns the end; null, writing nothing, when it would take more than
/// `plain_max_bytes`.
inline constexpr int plain_max_bytes = 64;
char* write_plain(char* out, u128 magnitude, int exponent, bool negative) noexcept;
/// Appends v with exactly `decimals` digits after the point (v at that quantum
/// or finer-exact).
void append_fixed(std::string& out, Scaled v, int decimals);

}  // namespace finmetrics::detail
