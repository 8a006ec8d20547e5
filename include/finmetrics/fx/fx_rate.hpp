#pragma once
/// \file
/// `FxRate`: the price of one unit of a base currency in a quote currency, kept
/// exact as a quotient of published fixings, with the fixings it came from.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/fx/fixing.hpp"

namespace finmetrics {

/// How an `FxRate` was obtained (QuantLib's `ExchangeRate::Type`, plus the two
/// cases QuantLib leaves to the caller).
enum class FxRateKind {
  identity,  ///< base == quote: exactly 1, from no fixing
  direct,    ///< one published fixing, used as published or inverted
  derived,   ///< chained through a pivot: the quotient of two fixings
  average,   ///< a mean of rates over a date range, rounded once (see `FxAveraging`)
};

/// "identity", "direct", "derived", "average".
[[nodiscard]] std::string_view to_string(FxRateKind kind) noexcept;

/// What an average rate is the mean of.
struct FxAveraging {
  date::sys_days first_requested;  ///< the range asked for, both ends included
  date::sys_days last_requested;
  date::sys_days first_fixing;  ///< first and last day that entered the mean
  date::sys_days last_fixing;
  std::size_t count = 0;  ///< how many daily (or monthly) rates entered the mean
  int significant_digits = 0;
  Rounding rounding = Rounding::half_even;
  /// The coverage limit applied: the first and last day in the mean may lie at
  /// most this far inside the range asked for.
  date::days max_staleness{0};
  /// The fixings cover the range only in part (accepted by `PartialCoverage::mark`).
  bool partial = false;

  friend bool operator==(const FxAveraging&, const FxAveraging&) = default;
};

/// How well the fixings cover the range of an average, with the limit applied:
/// "first 1 day after the start, last 78 days before the end (limit 7 days)".
/// For conversions, reports and findings that show an average rate.
[[nodiscard]] std::string coverage_text(const FxAveraging& averaging);

/// The price of one unit of `base()` in `quote()`: 1 base = numerator / denominator
/// quote ("USD/CNY 7.2" means 1 USD = 7.2 CNY, the market's BASE/QUOTE order).
///
/// A direct rate is one published fixing: EUR/USD 1.0797 is 1.0797 / 1. Its
/// inverse swaps the legs (USD/EUR = 1 / 1.0797), exactly. A derived (cross)
/// rate chains two rates through a shared currency and multiplies the legs
/// (USD/CNY = (1 / 1.0797) x (7.8445 / 1) = 7.8445 / 1.0797). Nothing is divided
/// until asked: `value` and `convert` divide once, to a stated precision and
/// `Rounding`. An average is the exception: it is a rounded Decimal (over 1).
///
/// `date()` is the day the rate was asked for; each entry of `fixings()` says
/// which publication it stands on (for `as_of`, possibly an earlier day).
class FxRate {
 public:
  /// 1 `currency` = 1 `currency`.
  [[nodiscard]] static FxRate identity(Currency currency, date::sys_days date);
  /// The fixing as published: 1 fixing.base = fixing.rate fixing.quote.
  /// Throws `std::invalid_argument` unless the rate is positive.
  [[nodiscard]] static FxRate direct(FxFixing fixing, date::sys_days date);
  /// `first` then `second` (A->B then B->C gives A->C); the legs multiply, the
  /// fixings concatenate, the date is `first`'s. Throws `std::invalid_argument`
  /// when `first.quote() != second.base()`, or for an average.
  [[nodiscard]] static FxRate chain(const FxRate& first, const FxRate& second);
  /// A mean, already rounded; 1 base = `mean` quote.
  [[nodiscard]] static FxRate averaged(Currency base, Currency quote, Decimal mean, FxAveraging averaging,
                                       std::vector<FxFixing> sources);

  [[nodiscard]] Currency base() const noexcept { return base_; }
  [[nodiscard]] Currency quote() const noexcept { return quote_; }
  [[nodiscard]] date::sys_days date() const noexcept { return date_; }
  [[nodiscard]] FxRateKind kind() const noexcept { return kind_; }
  /// Exact legs: the rate is numerator / denominator, both positive.
  [[nodiscard]] const Decimal& numerator() const noexcept { return numerator_; }
  [[nodiscard]] const Decimal& denominator() const noexcept { return denominator_; }
  /// Whether numerator / denominator is the exact rate (all but averages).
  [[nodiscard]] bool is_exact() const noexcept { return kind_ != FxRateKind::average; }

  /// The fixings the rate stands on, in chaining order (none for identity; for an
  /// average, the legs' fixings of the first and of the last day in the mean).
  [[nodiscard]] std::span<const FxFixing> fixings() const noexcept { return fixings_; }
  /// Set for averages.
  [[nodiscard]] const std::optional<FxAveraging>& averaging() const noexcept { return averaging_; }

  /// numerator / denominator rounded to `significant_digits` (1..38).
  [[nodiscard]] Decimal value(int significant_digits, Rounding mode = Rounding::half_even) const;
  /// numerator / denominator rounded to the quantum 10^exponent (-4: to 0.0001).
  [[nodiscard]] Decimal value_rescaled(int exponent, Rounding mode = Rounding::half_even) const;

  /// `amount` base in quote: amount x numerator / denominator, one rounding to
  /// the quantum 10^exponent (-2: to cents).
  [[nodiscard]] Decimal convert(const Decimal& amount, int exponent, Rounding mode = Rounding::half_even) const;
  /// As `convert`, rounded to `significant_digits` (1..38) instead.
  [[nodiscard]] Decimal convert_significant(const Decimal& amount, int significant_digits,
                                            Rounding mode = Rounding::half_even) const;

  /// quote -> base: the legs swapped, exactly. For an average this is the
  /// reciprocal of the mean, not the mean of the reciprocals.
  [[nodiscard]] FxRate inverse() const;

  /// "USD/CNY on 2025-03-28 = 7.8445 / 1.0797 (derived: EUR/USD 1.0797 on 2025-03-28 (ECB),
  /// EUR/CNY 7.8445 on 2025-03-28 (ECB))".
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const FxRate&, const FxRate&) = default;

 private:
  FxRate() = default;

  Currency base_{};
  Currency quote_{};
  date::sys_days date_{};
  FxRateKind kind_ = FxRateKind::identity;
  Decimal numerator_;
  Decimal denominator_;
  std::vector<FxFixing> fixings_;
  std::optional<FxAveraging> averaging_;
};

}  // namespace finmetrics
