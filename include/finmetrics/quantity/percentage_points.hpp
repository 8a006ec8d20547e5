#pragma once
/// \file
/// `PercentagePoints`: the difference between two percentages ("up 2.1 pp").

#include <compare>
#include <ostream>
#include <string>
#include <utility>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"
#include "finmetrics/quantity/ratio.hpp"

namespace finmetrics {

/// A difference of percentages, in percentage points: a margin going from 8.8%
/// to 10.9% moved 2.1 pp (not 23.9%). 1 pp = 100 bp, exactly.
class PercentagePoints {
 public:
  /// Zero.
  PercentagePoints() = default;

  [[nodiscard]] static PercentagePoints of(Decimal points) { return PercentagePoints(std::move(points)); }
  /// From basis points: 25 bp -> 0.25 pp, exactly.
  [[nodiscard]] static PercentagePoints from_basis_points(const Decimal& bp) { return PercentagePoints(bp.shifted(-2)); }
  /// `to - from` in percentage points (0.109 and 0.088 -> 2.1 pp).
  [[nodiscard]] static PercentagePoints between(const Ratio& to, const Ratio& from) {
    return PercentagePoints((to - from).as_percent());
  }

  /// The points (2.1).
  [[nodiscard]] const Decimal& value() const noexcept { return points_; }
  /// The same difference in basis points (210), exact.
  [[nodiscard]] Decimal as_basis_points() const { return points_.shifted(2); }
  /// The difference as a fraction (0.021), exact.
  [[nodiscard]] Ratio as_ratio() const { return Ratio::from_percent(points_); }

  [[nodiscard]] PercentagePoints operator-() const { return PercentagePoints(-points_); }
  friend PercentagePoints operator+(const PercentagePoints& a, const PercentagePoints& b) {
    return PercentagePoints(a.points_ + b.points_);
  }
  friend PercentagePoints operator-(const PercentagePoints& a, const PercentagePoints& b) {
    return PercentagePoints(a.points_ - b.points_);
  }
  /// A ratio moved by some points: 8.8% + 2.1 pp = 10.9%.
  friend Ratio operator+(const Ratio& r, const PercentagePoints& d) { return r + d.as_ratio(); }
  friend Ratio operator-(const Ratio& r, const PercentagePoints& d) { return r - d.as_ratio(); }

  friend bool operator==(const PercentagePoints& a, const PercentagePoints& b) { return a.points_ == b.points_; }
  friend std::strong_ordering operator<=>(const PercentagePoints& a, const PercentagePoints& b) {
    return a.points_ <=> b.points_;
  }

  /// "2.1 pp".
  [[nodiscard]] std::string to_string() const { return points_.to_string() + " pp"; }
  friend std::ostream& operator<<(std::ostream& os, const PercentagePoints& p) { return os << p.to_string(); }

 private:
  explicit PercentagePoints(Decimal p) : points_(std::move(p)) {}
  Decimal points_;
};

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::PercentagePoints>
    : finmetrics::detail::ToStringFormatter<finmetrics::PercentagePoints> {};
