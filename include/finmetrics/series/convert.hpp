#pragma once
/// \file
/// Currency conversion of a series with an `FxTable`, by metric kind: flows at the
/// average rate over their period, stocks at the rate of their date or period end.
/// Every converted value keeps the `FxRate` it was converted at.

#include <optional>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_rate.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// What a point without a rate becomes.
enum class MissingRatePolicy {
  error,    ///< the conversion fails with the table's `Errc::no_rate` error
  missing,  ///< the point's value becomes missing (its rate stays empty)
};

/// How `convert` rounds and looks rates up.
struct ConvertOptions {
  /// Each converted value is rounded once to the quantum 10^exponent (in the
  /// series' scale); nullopt keeps each value's own quantum (CNY 31742 mn gives
  /// whole millions of USD).
  std::optional<int> exponent;
  Rounding rounding = Rounding::half_even;
  /// For stocks (and one-day keys): how old the latest fixing may be. For flows:
  /// how far inside the period its first and last fixing may lie (unless
  /// `average.max_staleness` says otherwise); a period the FX data covers only in
  /// part is refused (`no_rate`) or, with `average.partial = PartialCoverage::mark`,
  /// converted at the mean of the covered days and marked in its rate's
  /// `averaging()->partial`.
  date::days max_staleness{7};
  /// For flows: how the period average is rounded, and what a partly covered period gives.
  FxAverageOptions average{};
  MissingRatePolicy missing_rate = MissingRatePolicy::error;
};

/// A converted series and, per point, the rate used (empty where the value is
/// missing). Each `FxRate` names its fixings and their dates, and for an average
/// the range, the days used and the count (`FxRate::averaging()`).
template <SeriesKey K>
struct ConvertedSeries {
  TimeSeries<K> series;
  std::vector<std::optional<FxRate>> rates;
};

/// Converts a money series to `target`, by `kind`:
///
/// - `flow`: at `FxTable::average` over the key's days (a quarter's mean of daily
///   rates); a one-day key (a `Date`, `Period::day`) at `as_of` that day;
/// - `stock`: at `FxTable::as_of` the date, or the period's last day (a balance
///   at the quarter end).
///
/// The series' unit keeps its per-unit (a share price stays per share) with the
/// new currency; metric and scale are unchanged. Errors: `no_rate`, with the
/// table's message prefixed by the metric and key ("revenue at FY2025 Q3: no
/// ..."). Throws `std::invalid_argument` when the series is not money or `kind`
/// is `ratio` or `count`.
template <SeriesKey K>
[[nodiscard]] Result<ConvertedSeries<K>> convert(const TimeSeries<K>& s, const FxTable& fx, Currency target,
                                                 MetricKind kind, const ConvertOptions& options = {});

/// As above, with the kind of the series' metric.
template <SeriesKey K>
[[nodiscard]] Result<ConvertedSeries<K>> convert(const TimeSeries<K>& s, const FxTable& fx, Currency target,
                                                 const ConvertOptions& options = {}) {
  return convert(s, fx, target, s.metric().kind, options);
}

}  // namespace finmetrics
