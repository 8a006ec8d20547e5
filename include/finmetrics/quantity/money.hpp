#pragma once
/// \file
/// `Money<C>`: an amount of one currency, with the currency in the type.

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/quantity/detail/money_value.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"
#include "finmetrics/quantity/ratio.hpp"

namespace finmetrics {

/// An exact amount of currency `C`: `Money<HKD>::of(2688090200000_dec)`.
///
/// `+ -` exist only between amounts of the same currency (`Money<USD>{} +
/// Money<CNY>{}` does not compile), `*` by a `Decimal` or `Ratio` scales, and
/// `ratio(a, b, significant_digits, rounding)` is the only division. Values read
/// from text enter as `Amount` and become typed through `Amount::as<C>()`.
template <Currency C>
class Money : public detail::MoneyValue<Money<C>, C, Per::whole> {
 public:
  /// Zero.
  Money() = default;
};

}  // namespace finmetrics

template <finmetrics::Currency C>
struct fmt::formatter<finmetrics::Money<C>> : finmetrics::detail::ToStringFormatter<finmetrics::Money<C>> {};
