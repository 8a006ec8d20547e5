#pragma once
// The arithmetic that Money<C>, SharePrice<C> and AdsPrice<C> share. The
// operators are hidden friends taking `Derived`, so they exist only between
// values of the same type: adding Money<USD> to Money<CNY> finds no operator.

#include <compare>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/quantity/ratio.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics::detail {

template <class Derived, Currency C, Per P>
class MoneyValue {
 public:
  /// What the amount is per (whole, one share, one ADS).
  static constexpr Per per = P;

  /// The named constructor: the only way a raw number becomes this quantity.
  [[nodiscard]] static Derived of(Decimal amount) {
    Derived d;
    static_cast<MoneyValue&>(d).amount_ = std::move(amount);
    return d;
  }

  [[nodiscard]] static constexpr Currency currency() noexcept { return C; }
  [[nodiscard]] const Decimal& amount() const noexcept { return amount_; }
  /// The runtime description of the unit ("HKD per share").
  [[nodiscard]] static Unit unit() { return Unit::money(C, P); }

  /// The same value rounded to the quantum 10^exponent.
  [[nodiscard]] Derived rescaled(int exponent, Rounding mode = Rounding::half_even) const {
    return of(amount_.rescaled(exponent, mode));
  }
  /// Rounded to the currency's minor unit (cents for USD, yen for JPY). Throws
  /// `std::domain_error` for a currency without one (XAU, XDR).
  [[nodiscard]] Derived rounded_to_minor_units(Rounding mode = Rounding::half_even) const {
    const int minor = C.minor_units();
    if (minor < 0) {
      throw std::domain_error(fmt::format("{} has no minor unit to round to", C.code()));
    }
    return rescaled(-minor, mode);
  }

  [[nodiscard]] Derived operator-() const { return of(-amount_); }
  friend Derived operator+(const Derived& a, const Derived& b) { return of(a.amount_ + b.amount_); }
  friend Derived operator-(const Derived& a, const Derived& b) { return of(a.amount_ - b.amount_); }
  friend Derived operator*(const Derived& a, const Decimal& k) { return of(a.amount_ * k); }
  friend Derived operator*(const Decimal& k, const Derived& a) { return of(k * a.amount_); }
  friend Derived operator*(const Derived& a, const Ratio& r) { return of(a.amount_ * r.value()); }
  friend Derived operator*(const Ratio& r, const Derived& a) { return of(r.value() * a.amount_); }
  Derived& operator+=(const Derived& b) { return self() = self() + b; }
  Derived& operator-=(const Derived& b) { return self() = self() - b; }
  Derived& operator*=(const Decimal& k) { return self() = self() * k; }

  /// `a / b` rounded to `significant_digits`: the only division, because it is
  /// inexact. Throws `std::domain_error` when `b` is zero.
  friend Ratio ratio(const Derived& a, const Derived& b, int significant_digits,
                     Rounding mode = Rounding::half_even) {
    return Ratio::of_quotient(a.amount_, b.amount_, significant_digits, mode);
  }

  friend bool operator==(const Derived& a, const Derived& b) { return a.amount_ == b.amount_; }
  friend std::strong_ordering operator<=>(const Derived& a, const Derived& b) { return a.amount_ <=> b.amount_; }

  /// "140.9 HKD per share", "2688090200000.0 HKD".
  [[nodiscard]] std::string to_string() const {
    return fmt::format("{} {}", amount_.to_string(), Unit::money(C, P).to_string());
  }
  friend std::ostream& operator<<(std::ostream& os, const Derived& m) { return os << m.to_string(); }

 protected:
  MoneyValue() = default;

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
  Decimal amount_;
};

}  // namespace finmetrics::detail
