#pragma once
/// \file
/// `Decimal`: an exact decimal number that remembers its stated precision.

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/error.hpp"

namespace finmetrics {

/// An exact decimal value `coefficient x 10^exponent`.
///
/// The exponent is the quantum the value was stated to: `Decimal::parse("26.549")`
/// is 26549 x 10^-3 and `81` shifted by a billion is 81 x 10^9, known to the nearest
/// billion. Equality and ordering compare values (`81 == 81.000`); `same_quantum`
/// and `to_string` see the precision.
///
/// `+ - *` are exact. Division and rescaling exist only with an explicit
/// precision and `Rounding`. The coefficient holds at most `max_digits` (38)
/// significant digits; a result beyond that throws `DecimalOverflow` instead of
/// wrapping. Parsing returns errors as values.
class Decimal {
 public:
  /// Checked 128-bit magnitude: Boost.Multiprecision throws rather than wraps.
  using Coefficient = boost::multiprecision::checked_int128_t;
  static constexpr int max_digits = 38;
  static constexpr int max_exponent = 1000;   ///< |exponent| bound, far beyond any money
  static constexpr int min_exponent = -1000;

  /// Zero, stated to units.
  Decimal() = default;

  /// `coefficient x 10^exponent`; throws `DecimalOverflow` when out of range.
  [[nodiscard]] static Decimal from_parts(const Coefficient& coefficient, int exponent);
  /// An integer, stated to units.
  template <std::integral I>
  [[nodiscard]] static Decimal from_integer(I value) {
    return from_parts(Coefficient(value), 0);
  }
  /// Reads `[+-]digits[.digits][e[+-]digits]` exactly (no grouping commas: those
  /// are the figure parser's business). Trailing zeros set the quantum: "1.50" is
  /// stated to cents.
  [[nodiscard]] static Result<Decimal> parse(std::string_view text);

  [[nodiscard]] const Coefficient& coefficient() const noexcept { return coefficient_; }
  [[nodiscard]] int exponent() const noexcept { return exponent_; }
  [[nodiscard]] int sign() const noexcept { return coefficient_.sign(); }
  [[nodiscard]] bool is_zero() const noexcept { return coefficient_.is_zero(); }
  /// Number of digits of the coefficient (1 for zero).
  [[nodiscard]] int digits() const;
  /// Whether both are stated to the same quantum (10^exponent).
  [[nodiscard]] bool same_quantum(const Decimal& other) const noexcept { return exponent_ == other.exponent_; }

  [[nodiscard]] Decimal operator-() const;
  [[nodiscard]] Decimal abs() const { return sign() < 0 ? -*this : *this; }
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  Decimal& operator*=(const Decimal& b) { return *this = *this * b; }

  friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) { return compare(a, b) <=> 0; }

  /// Exactly `this x 10^n`: the same digits at another scale (81 -> 81bn).
  [[nodiscard]] Decimal shifted(int n) const;
  /// Rounded to the quantum 10^exponent ("quantize").
  [[nodiscard]] Decimal rescaled(int exponent, Rounding mode = Rounding::half_even) const;
  /// Rounded to at most `digits` significant digits (exponent grows, never shrinks).
  [[nodiscard]] Decimal rounded_to_significant(int digits, Rounding mode = Rounding::half_even) const;
  /// The same value with trailing zeros of the coefficient removed (largest quantum).
  [[nodiscard]] Decimal trimmed() const;

  /// `a / b` rounded to the quantum 10^exponent. Throws `std::domain_error` when b == 0.
  [[nodiscard]] static Decimal divide(const Decimal& a, const Decimal& b, int exponent,
                                      Rounding mode = Rounding::half_even);
  /// `a / b` rounded to `digits` significant digits.
  [[nodiscard]] static Decimal divide_significant(const Decimal& a, const Decimal& b, int digits,
                                                  Rounding mode = Rounding::half_even);

  /// Exact plain notation that shows the quantum: "26.549", "0.50", "81000000000".
  [[nodiscard]] std::string to_string() const;
  /// The nearest double: lossy, for bulk numeric paths and plotting only.
  [[nodiscard]] double to_double() const;

  /// -1, 0, 1 by value, whatever the quanta.
  [[nodiscard]] static int compare(const Decimal& a, const Decimal& b);

 private:
  Decimal(const Coefficient& c, int e) : coefficient_(c), exponent_(e) {}
  Coefficient coefficient_{0};
  int exponent_ = 0;
};

std::ostream& operator<<(std::ostream& os, const Decimal& d);

namespace decimal_literals {
/// `"26.549"_dec`; throws `std::invalid_argument` on bad text (a programming error
/// in a literal).
[[nodiscard]] Decimal operator""_dec(const char* text, std::size_t size);
}  // namespace decimal_literals

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::Decimal> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const finmetrics::Decimal& d, FormatContext& ctx) const {
    const std::string s = d.to_string();
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
