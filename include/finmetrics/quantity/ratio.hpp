#pragma once
/// \file
/// `Ratio`: a unitless quantity (a margin, a growth rate, a share of a total),
/// with exact views as percent and basis points.

#include <compare>
#include <ostream>
#include <string>
#include <utility>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"

namespace finmetrics {

/// A pure number stored as a fraction: a 8.8% margin is `Ratio` 0.088.
///
/// Percent and basis-point views shift the decimal point, so they are exact both
/// ways: `Ratio::from_percent(8.8).value() == 0.088`, `as_basis_points() == 880`.
class Ratio {
 public:
  /// Zero.
  Ratio() = default;

  /// The fraction itself (0.088 for 8.8%).
  [[nodiscard]] static Ratio of(Decimal fraction) { return Ratio(std::move(fraction)); }
  /// From a percentage: 8.8 -> 0.088, exactly.
  [[nodiscard]] static Ratio from_percent(const Decimal& percent) { return Ratio(percent.shifted(-2)); }
  /// From basis points: 25 -> 0.0025, exactly.
  [[nodiscard]] static Ratio from_basis_points(const Decimal& bp) { return Ratio(bp.shifted(-4)); }
  /// `numerator / denominator` rounded to `significant_digits`: division is inexact,
  /// so the precision is the caller's choice. Throws `std::domain_error` when the
  /// denominator is zero.
  [[nodiscard]] static Ratio of_quotient(const Decimal& numerator, const Decimal& denominator,
                                         int significant_digits, Rounding mode = Rounding::half_even) {
    return Ratio(Decimal::divide_significant(numerator, denominator, significant_digits, mode));
  }

  /// The fraction (0.088).
  [[nodiscard]] const Decimal& value() const noexcept { return value_; }
  /// The same value in percent (8.8), exact.
  [[nodiscard]] Decimal as_percent() const { return value_.shifted(2); }
  /// The same value in basis points (880), exact.
  [[nodiscard]] Decimal as_basis_points() const { return value_.shifted(4); }

  [[nodiscard]] Ratio operator-() const { return Ratio(-value_); }
  friend Ratio operator+(const Ratio& a, const Ratio& b) { return Ratio(a.value_ + b.value_); }
  friend Ratio operator-(const Ratio& a, const Ratio& b) { return Ratio(a.value_ - b.value_); }
  friend Ratio operator*(const Ratio& a, const Ratio& b) { return Ratio(a.value_ * b.value_); }
  friend Ratio operator*(const Ratio& a, const Decimal& k) { return Ratio(a.value_ * k); }
  friend Ratio operator*(const Decimal& k, const Ratio& a) { return Ratio(k * a.value_); }
  Ratio& operator+=(const Ratio& b) { return *this = *this + b; }
  Ratio& operator-=(const Ratio& b) { return *this = *this - b; }

  friend bool operator==(const Ratio& a, const Ratio& b) { return a.value_ == b.value_; }
  friend std::strong_ordering operator<=>(const Ratio& a, const Ratio& b) { return a.value_ <=> b.value_; }

  /// The fraction as written: "0.088".
  [[nodiscard]] std::string to_string() const { return value_.to_string(); }
  friend std::ostream& operator<<(std::ostream& os, const Ratio& r) { return os << r.to_string(); }

 private:
  explicit Ratio(Decimal v) : value_(std::move(v)) {}
  Decimal value_;
};

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::Ratio> : finmetrics::detail::ToStringFormatter<finmetrics::Ratio> {};
