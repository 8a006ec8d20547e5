#pragma once
/// \file
/// `ShareCount`: an exact number of ordinary shares.

#include <compare>
#include <concepts>
#include <ostream>
#include <string>
#include <utility>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"

namespace finmetrics {

/// A number of ordinary shares, exact (19,078,000,000, or 19.078bn as quoted).
/// A Decimal rather than an integer because weighted averages and ADS
/// conversions produce fractions of a share.
class ShareCount {
 public:
  /// Zero shares.
  ShareCount() = default;

  [[nodiscard]] static ShareCount of(Decimal count) { return ShareCount(std::move(count)); }
  template <std::integral I>
  [[nodiscard]] static ShareCount of(I count) {
    return ShareCount(Decimal::from_integer(count));
  }

  [[nodiscard]] const Decimal& count() const noexcept { return count_; }

  friend ShareCount operator+(const ShareCount& a, const ShareCount& b) { return ShareCount(a.count_ + b.count_); }
  friend ShareCount operator-(const ShareCount& a, const ShareCount& b) { return ShareCount(a.count_ - b.count_); }
  friend ShareCount operator*(const ShareCount& a, const Decimal& k) { return ShareCount(a.count_ * k); }
  friend ShareCount operator*(const Decimal& k, const ShareCount& a) { return ShareCount(k * a.count_); }
  ShareCount& operator+=(const ShareCount& b) { return *this = *this + b; }
  ShareCount& operator-=(const ShareCount& b) { return *this = *this - b; }

  friend bool operator==(const ShareCount& a, const ShareCount& b) { return a.count_ == b.count_; }
  friend std::strong_ordering operator<=>(const ShareCount& a, const ShareCount& b) { return a.count_ <=> b.count_; }

  /// "19078000000 shares".
  [[nodiscard]] std::string to_string() const { return count_.to_string() + " shares"; }
  friend std::ostream& operator<<(std::ostream& os, const ShareCount& s) { return os << s.to_string(); }

 private:
  explicit ShareCount(Decimal c) : count_(std::move(c)) {}
  Decimal count_;
};

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::ShareCount> : finmetrics::detail::ToStringFormatter<finmetrics::ShareCount> {};
