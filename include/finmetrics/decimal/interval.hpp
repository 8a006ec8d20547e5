#pragma once
/// \file
/// `Interval`: the set of values a quoted figure allows, for consistency checks.

#include <iosfwd>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "finmetrics/decimal/decimal.hpp"

namespace finmetrics {

/// How an interval end relates to its value.
enum class BoundKind {
  closed,     ///< the value belongs to the interval
  open,       ///< the value is a limit that is not reached
  unbounded,  ///< no limit on this side (the value is ignored)
};

/// One end of an `Interval`.
struct Bound {
  BoundKind kind = BoundKind::unbounded;
  Decimal value;  ///< zero when unbounded

  [[nodiscard]] static Bound closed(const Decimal& v) { return Bound{BoundKind::closed, v}; }
  [[nodiscard]] static Bound open(const Decimal& v) { return Bound{BoundKind::open, v}; }
  [[nodiscard]] static Bound unbounded() { return Bound{}; }

  [[nodiscard]] bool is_closed() const noexcept { return kind == BoundKind::closed; }
  [[nodiscard]] bool is_open() const noexcept { return kind == BoundKind::open; }
  [[nodiscard]] bool is_bounded() const noexcept { return kind != BoundKind::unbounded; }

  /// Same kind and, when bounded, the same value (`80.50 == 80.5`).
  friend bool operator==(const Bound& a, const Bound& b) {
    return a.kind == b.kind && (a.kind == BoundKind::unbounded || a.value == b.value);
  }
};

/// A non-empty set of real values between two ends, each closed, open or unbounded:
/// `[80500000000, 81500000000)`, `(100000000000, +inf)`.
///
/// The ends are exact `Decimal`s; there is deliberately no midpoint, because a
/// quoted figure is a set of admissible values, not a value with an error bar.
/// `+ - *` are exact; `divide` rounds each end outward to a requested quantum so
/// that the result always contains the true quotient set. An empty interval is
/// never constructed (`intersection` returns nullopt instead).
class Interval {
 public:
  /// From two ends; throws `std::invalid_argument` when they describe an empty set
  /// (lower above upper, or equal values with an open end).
  Interval(Bound lower, Bound upper);

  /// `[a, b]`, `(a, b)`, `[a, b)`, `(a, b]`; throw like the constructor.
  [[nodiscard]] static Interval closed(const Decimal& a, const Decimal& b);
  [[nodiscard]] static Interval open(const Decimal& a, const Decimal& b);
  [[nodiscard]] static Interval closed_open(const Decimal& a, const Decimal& b);
  [[nodiscard]] static Interval open_closed(const Decimal& a, const Decimal& b);
  /// `[a, a]`.
  [[nodiscard]] static Interval point(const Decimal& a);
  /// `[a, +inf)`, `(a, +inf)`, `(-inf, a]`, `(-inf, a)`, `(-inf, +inf)`.
  [[nodiscard]] static Interval at_least(const Decimal& a);
  [[nodiscard]] static Interval greater_than(const Decimal& a);
  [[nodiscard]] static Interval at_most(const Decimal& a);
  [[nodiscard]] static Interval less_than(const Decimal& a);
  [[nodiscard]] static Interval all();

  [[nodiscard]] const Bound& lower() const noexcept { return lower_; }
  [[nodiscard]] const Bound& upper() const noexcept { return upper_; }
  [[nodiscard]] bool is_bounded() const noexcept { return lower_.is_bounded() && upper_.is_bounded(); }
  [[nodiscard]] bool is_point() const;

  [[nodiscard]] bool contains(const Decimal& x) const;
  /// Whether every value of `other` is in this interval.
  [[nodiscard]] bool contains(const Interval& other) const;
  /// Whether the two share at least one value.
  [[nodiscard]] bool intersects(const Interval& other) const;
  /// `upper - lower`, nullopt when unbounded (an open or closed end does not matter).
  [[nodiscard]] std::optional<Decimal> width() const;

  /// Plain decimals without trailing zeros: "[80500000000, 81500000000)",
  /// "(-inf, 100)", "[57, 60)".
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const Interval&, const Interval&) = default;

 private:
  Bound lower_;
  Bound upper_;
};

/// The values in both, or nullopt when they are disjoint.
[[nodiscard]] std::optional<Interval> intersection(const Interval& a, const Interval& b);
/// The smallest interval containing both (also any gap between them).
[[nodiscard]] Interval hull(const Interval& a, const Interval& b);

/// `{-x}`.
[[nodiscard]] Interval operator-(const Interval& a);
/// `{x + y}`: exact.
[[nodiscard]] Interval operator+(const Interval& a, const Interval& b);
/// `{x - y}`: exact.
[[nodiscard]] Interval operator-(const Interval& a, const Interval& b);
/// `{x * y}`: exact, whatever the signs (`[-2, 3] * [4, 5] = [-10, 15]`).
[[nodiscard]] Interval operator*(const Interval& a, const Interval& b);
/// `{x / y}` with each end rounded outward to the quantum 10^exponent (lower end
/// towards -inf, upper end towards +inf), so the result contains every true
/// quotient; an end that had to be rounded is open. Throws `std::domain_error`
/// when `b` contains zero.
[[nodiscard]] Interval divide(const Interval& a, const Interval& b, int exponent);

std::ostream& operator<<(std::ostream& os, const Interval& i);

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::Interval> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const finmetrics::Interval& i, FormatContext& ctx) const {
    const std::string s = i.to_string();
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
