#pragma once
/// \file
/// Growth rates: `pct_change` against a lag, `yoy` (fiscal-aware), `qoq`, with
/// explicit policies for zero and negative bases.

#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// What a growth rate over a zero base is.
enum class ZeroBasePolicy {
  missing,  ///< a missing value (the default: growth from nothing is not a number)
  error,    ///< the whole computation fails with `Errc::out_of_range`
};

/// What a growth rate over a negative base is (a loss that narrows or deepens).
enum class NegativeBasePolicy {
  missing,  ///< a missing value (the default: "not meaningful", as reports print it)
  error,    ///< the whole computation fails with `Errc::out_of_range`
  /// (current - base) / |base|, so the sign says the direction ("signed" growth):
  /// a loss of 10 narrowing to a loss of 5 is +50%
  absolute,
  plain,  ///< (current - base) / base as the division falls: the same case is -50%
};

/// How growth rates are computed.
struct GrowthOptions {
  /// The rate is a fraction (0.130977 for 13.0977%) rounded once to the quantum
  /// 10^exponent: -6 keeps four decimals of a percentage.
  int exponent = -6;
  Rounding rounding = Rounding::half_even;
  ZeroBasePolicy zero_base = ZeroBasePolicy::missing;
  NegativeBasePolicy negative_base = NegativeBasePolicy::missing;
};

/// `(s - base) / base` where `base` is `lag(s, n)` (see `lag` for what a step is),
/// as a fraction: metric `metrics::growth()`, unit a bare number, scale units.
/// Missing where either value is missing or the base is absent; zero and negative
/// bases follow the options. Errors (`out_of_range`) name the metric, the key and
/// the base key: "growth of revenue at FY2025 Q3: the base FY2024 Q3 is 0".
template <SeriesKey K>
[[nodiscard]] Result<TimeSeries<K>> pct_change(const TimeSeries<K>& s, int n = 1, const GrowthOptions& options = {});

/// Year over year: each period against the same period a year earlier
/// (`Period::year_ago()`: FY2025 Q3 against FY2024 Q3, 2024-12 against 2023-12),
/// looked up by key, so gaps and mixed kinds are handled.
[[nodiscard]] Result<PeriodSeries> yoy(const PeriodSeries& s, const GrowthOptions& options = {});

/// Quarter over quarter: each quarter (calendar or fiscal) against the quarter
/// before it (`Period::previous()`). Keys that are not quarters are dropped.
[[nodiscard]] Result<PeriodSeries> qoq(const PeriodSeries& s, const GrowthOptions& options = {});

}  // namespace finmetrics
