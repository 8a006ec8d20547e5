#pragma once
/// \file
/// `ttm`: trailing twelve months of a flow, from its quarters.

#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// Trailing twelve months: at each quarter (calendar or fiscal), the exact sum of
/// that quarter and the three before it (`Period::previous()`). Missing when any
/// of the four is absent or missing: never a sum of fewer quarters. Keys that are
/// not quarters are dropped. Same metric, unit and scale.
///
/// Throws `std::invalid_argument` unless the metric is a flow (a stock or a ratio
/// has no sum over a year).
[[nodiscard]] PeriodSeries ttm(const PeriodSeries& quarters);

}  // namespace finmetrics
