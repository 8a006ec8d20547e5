#pragma once
/// \file
/// `SharePrice<C>`: money per ordinary share; times a `ShareCount` it is money.

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/quantity/detail/money_value.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"
#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/share_count.hpp"

namespace finmetrics {

/// A price per ordinary share in currency `C` (HK$140.9 per share).
/// `SharePrice<C> * ShareCount` is `Money<C>` (market capitalisation), exactly.
template <Currency C>
class SharePrice : public detail::MoneyValue<SharePrice<C>, C, Per::share> {
 public:
  /// Zero.
  SharePrice() = default;

  friend Money<C> operator*(const SharePrice& price, const ShareCount& shares) {
    return Money<C>::of(price.amount() * shares.count());
  }
  friend Money<C> operator*(const ShareCount& shares, const SharePrice& price) { return price * shares; }
};

/// `total / shares` rounded to `significant_digits` (earnings per share, book
/// value per share). Throws `std::domain_error` when `shares` is zero.
template <Currency C>
[[nodiscard]] SharePrice<C> per_share(const Money<C>& total, const ShareCount& shares, int significant_digits,
                                      Rounding mode = Rounding::half_even) {
  return SharePrice<C>::of(Decimal::divide_significant(total.amount(), shares.count(), significant_digits, mode));
}

}  // namespace finmetrics

template <finmetrics::Currency C>
struct fmt::formatter<finmetrics::SharePrice<C>>
    : finmetrics::detail::ToStringFormatter<finmetrics::SharePrice<C>> {};
