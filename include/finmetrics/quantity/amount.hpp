#pragma once
/// \file
/// `Amount`: money whose currency and per-unit are known only at run time (a
/// figure read from text), with checked arithmetic and a way into the typed world.

#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"
#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/share_price.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// A runtime-typed amount: `{140.9, HKD, Per::share}` for "HK$140.9 per share".
///
/// Arithmetic across currencies or per-units is an error: `add` and `subtract`
/// return `Errc::currency_mismatch` ("cannot add CNY to USD"), the operators
/// throw `CurrencyMismatch` with the same message. `as<C>()`, `as_share_price<C>()`
/// and `as_ads_price<C>()` check the currency and per-unit and give the typed value.
struct Amount {
  Decimal value;
  Currency currency;
  Per per = Per::whole;

  /// From a typed value.
  template <Currency C>
  [[nodiscard]] static Amount from(const Money<C>& m) { return Amount{m.amount(), C, Per::whole}; }
  template <Currency C>
  [[nodiscard]] static Amount from(const SharePrice<C>& p) { return Amount{p.amount(), C, Per::share}; }
  template <Currency C>
  [[nodiscard]] static Amount from(const AdsPrice<C>& p) { return Amount{p.amount(), C, Per::ads}; }

  [[nodiscard]] Unit unit() const { return Unit::money(currency, per); }

  /// The typed amount, or `currency_mismatch` ("cannot read CNY as USD",
  /// "cannot read HKD per share as HKD").
  template <Currency C>
  [[nodiscard]] Result<Money<C>> as() const {
    if (auto e = check_typed(C, Per::whole)) return unexpected(*std::move(e));
    return Money<C>::of(value);
  }
  template <Currency C>
  [[nodiscard]] Result<SharePrice<C>> as_share_price() const {
    if (auto e = check_typed(C, Per::share)) return unexpected(*std::move(e));
    return SharePrice<C>::of(value);
  }
  template <Currency C>
  [[nodiscard]] Result<AdsPrice<C>> as_ads_price() const {
    if (auto e = check_typed(C, Per::ads)) return unexpected(*std::move(e));
    return AdsPrice<C>::of(value);
  }

  /// Scaling by a pure number keeps currency and per-unit.
  friend Amount operator*(const Amount& a, const Decimal& k) { return Amount{a.value * k, a.currency, a.per}; }
  friend Amount operator*(const Decimal& k, const Amount& a) { return a * k; }
  /// Throwing forms of `add` and `subtract` (`CurrencyMismatch`).
  friend Amount operator+(const Amount& a, const Amount& b);
  friend Amount operator-(const Amount& a, const Amount& b);

  /// Same value, currency and per-unit (81 == 81.000).
  friend bool operator==(const Amount& a, const Amount& b) {
    return a.currency == b.currency && a.per == b.per && a.value == b.value;
  }

  /// "140.9 HKD per share".
  [[nodiscard]] std::string to_string() const;
  friend std::ostream& operator<<(std::ostream& os, const Amount& a) { return os << a.to_string(); }

 private:
  [[nodiscard]] std::optional<Error> check_typed(Currency c, Per p) const;
};

/// `a + b`, or `currency_mismatch` ("cannot add CNY to USD", "cannot add HKD per
/// share to HKD"). The result is stated to the finer of the two quanta.
[[nodiscard]] Result<Amount> add(const Amount& a, const Amount& b);
/// `a - b`, or `currency_mismatch` ("cannot subtract CNY from USD").
[[nodiscard]] Result<Amount> subtract(const Amount& a, const Amount& b);

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::Amount> : finmetrics::detail::ToStringFormatter<finmetrics::Amount> {};
