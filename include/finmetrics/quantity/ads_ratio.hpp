#pragma once
/// \file
/// `AdsRatio`: how many ordinary shares an American Depositary Share stands for,
/// converting per-ADS and per-share prices exactly.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/share_count.hpp"
#include "finmetrics/quantity/share_price.hpp"

namespace finmetrics {

namespace detail {
/// `value x numerator / denominator` exactly, or nullopt when the quotient has no
/// finite decimal expansion. Both factors positive.
[[nodiscard]] std::optional<Decimal> scale_exactly(const Decimal& value, std::int64_t numerator,
                                                   std::int64_t denominator);
}  // namespace detail

/// `ads` ADSs represent `shares` ordinary shares: Alibaba's is 1 : 8, so a
/// US$143.6 ADS is US$17.95 per share and a HK$140.9 share is HK$1127.2 per ADS.
///
/// Conversions are exact: multiplying by the ratio always is, and dividing is
/// whenever the quotient terminates (always for 1 : 2^a 5^b ratios such as 1 : 8).
/// When it would not (1 : 3), the one-argument forms throw `std::domain_error`
/// and the forms with a precision round.
class AdsRatio {
 public:
  /// Throws `std::invalid_argument` unless both are positive. Stored reduced
  /// (2 : 16 is 1 : 8).
  [[nodiscard]] static AdsRatio of(std::int64_t ads, std::int64_t shares);
  /// One ADS for `shares` ordinary shares.
  [[nodiscard]] static AdsRatio shares_per_ads(std::int64_t shares) { return of(1, shares); }

  [[nodiscard]] std::int64_t ads() const noexcept { return ads_; }
  [[nodiscard]] std::int64_t shares() const noexcept { return shares_; }

  /// Per-share price of an ADS price (ADS price x ads / shares), exact.
  template <Currency C>
  [[nodiscard]] SharePrice<C> per_share(const AdsPrice<C>& price) const {
    return SharePrice<C>::of(exact(price.amount(), ads_, shares_, "per_share"));
  }
  /// Per-share price rounded to `significant_digits`.
  template <Currency C>
  [[nodiscard]] SharePrice<C> per_share(const AdsPrice<C>& price, int significant_digits,
                                        Rounding mode = Rounding::half_even) const {
    return SharePrice<C>::of(rounded(price.amount(), ads_, shares_, significant_digits, mode));
  }
  /// Per-ADS price of a share price (share price x shares / ads), exact.
  template <Currency C>
  [[nodiscard]] AdsPrice<C> per_ads(const SharePrice<C>& price) const {
    return AdsPrice<C>::of(exact(price.amount(), shares_, ads_, "per_ads"));
  }
  /// Per-ADS price rounded to `significant_digits`.
  template <Currency C>
  [[nodiscard]] AdsPrice<C> per_ads(const SharePrice<C>& price, int significant_digits,
                                    Rounding mode = Rounding::half_even) const {
    return AdsPrice<C>::of(rounded(price.amount(), shares_, ads_, significant_digits, mode));
  }
  /// The ordinary shares that `ads_count` ADSs represent, exact.
  [[nodiscard]] ShareCount shares_for_ads(const Decimal& ads_count) const {
    return ShareCount::of(exact(ads_count, shares_, ads_, "shares_for_ads"));
  }

  friend bool operator==(const AdsRatio&, const AdsRatio&) = default;

  /// "1 ADS = 8 shares".
  [[nodiscard]] std::string to_string() const;

 private:
  AdsRatio(std::int64_t a, std::int64_t s) : ads_(a), shares_(s) {}
  static Decimal exact(const Decimal& v, std::int64_t num, std::int64_t den, const char* what);
  static Decimal rounded(const Decimal& v, std::int64_t num, std::int64_t den, int significant_digits,
                         Rounding mode);
  std::int64_t ads_ = 1;
  std::int64_t shares_ = 1;
};

}  // namespace finmetrics
