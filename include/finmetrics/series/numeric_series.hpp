#pragma once
/// \file
/// The bulk numeric path: a series as an `Eigen::VectorXd` with a presence mask,
/// and currency conversion of long daily series in double.
///
/// LOSSY: values and rates are binary doubles (about 16 significant digits). Use
/// it for large panels, screening and plots; the exact path (`TimeSeries`,
/// `convert`) is the one to check figures with.

#include <vector>

#include <Eigen/Core>
#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// Presence mask of a numeric series or panel: true where a value is present.
using PresenceMask = Eigen::Array<bool, Eigen::Dynamic, 1>;

/// A series in double: `values[i]` is meaningful only where `present[i]`; where
/// not present it holds 0 (never NaN), so sums over the vector stay finite.
template <SeriesKey K>
struct NumericSeries {
  std::vector<K> keys;
  Eigen::VectorXd values;
  PresenceMask present;
};

/// The series in double (`Decimal::to_double`, lossy), missing values masked.
template <SeriesKey K>
[[nodiscard]] NumericSeries<K> to_eigen(const TimeSeries<K>& s);

/// Each day's rate from `from` to `to` as of that day, in double, by one merge
/// pass over the table's sorted fixings (no per-day look-up): the bulk analogue of
/// `FxTable::as_of`, for direct, inverse and pivot-crossed pairs. `present` is
/// false for days without a fixing within `max_staleness` days.
[[nodiscard]] NumericSeries<Date> rates_as_of(const std::vector<Date>& days, const FxTable& fx, Currency from,
                                              Currency to, date::days max_staleness = date::days{7});

/// Converts a daily series of amounts in `from` to `to` at each day's rate
/// (`rates_as_of`), elementwise in Eigen. Missing where the value or the rate is.
[[nodiscard]] NumericSeries<Date> convert_numeric(const NumericSeries<Date>& s, const FxTable& fx, Currency from,
                                                  Currency to, date::days max_staleness = date::days{7});

}  // namespace finmetrics
