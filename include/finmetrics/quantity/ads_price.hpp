#pragma once
/// \file
/// `AdsPrice<C>`: money per American Depositary Share.

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/quantity/detail/money_value.hpp"
#include "finmetrics/quantity/detail/to_string_formatter.hpp"

namespace finmetrics {

/// A price per ADS in currency `C` (US$143.6 per ADS). Not a `SharePrice`: one
/// ADS stands for several ordinary shares, so convert through `AdsRatio`.
template <Currency C>
class AdsPrice : public detail::MoneyValue<AdsPrice<C>, C, Per::ads> {
 public:
  /// Zero.
  AdsPrice() = default;
};

}  // namespace finmetrics

template <finmetrics::Currency C>
struct fmt::formatter<finmetrics::AdsPrice<C>> : finmetrics::detail::ToStringFormatter<finmetrics::AdsPrice<C>> {};
