#pragma once
/// \file
/// Resampling to longer periods: quarters to fiscal years (sum for flows, last for
/// stocks), days to months (last or mean).

#include <optional>

#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics {

/// How the points of a longer period make its value.
enum class Aggregation {
  sum,   ///< exact sum; for periods only when the points cover every day of it
  last,  ///< the value at the end of it
  mean,  ///< arithmetic mean of the present values, rounded once
};

/// "sum", "last", "mean".
[[nodiscard]] std::string_view to_string(Aggregation a) noexcept;

/// `sum` for flows, `last` for stocks and counts. Throws `std::invalid_argument`
/// for ratios: a margin of a year is not made from the margins of its quarters.
[[nodiscard]] Aggregation default_aggregation(MetricKind kind);

/// Options of `resample`.
struct ResampleOptions {
  /// nullopt: `default_aggregation(metric().kind)`.
  std::optional<Aggregation> aggregation;
  /// A mean is rounded once to this many significant digits, unless it is exact
  /// at the finest quantum of the values it averages, where it is stated to that
  /// quantum (the mean of 129.00 and 132.24 is 130.62, of 129.00 and 132.23
  /// 130.61500000000000000).
  int mean_significant_digits = 20;
  Rounding rounding = Rounding::half_even;
};

/// Periods to longer periods of kind `target` (of `calendar` for fiscal kinds).
///
/// Every point goes to the period of kind `target` that contains it; a target
/// period appears when at least one point falls in it. `sum` is the exact sum
/// when the present points cover every day of the target period (four quarters
/// of a year, three months of a quarter), missing otherwise; `last` is the value
/// of the point that ends on the target's last day (missing when that point is
/// absent or missing: a stock is not carried over from an earlier quarter);
/// `mean` averages the present values (missing when none).
///
/// Throws `std::invalid_argument` when the keys are of more than one kind (use
/// `select_kind` first) or a point is not inside one target period (a calendar
/// quarter against a fiscal year ending in February).
[[nodiscard]] PeriodSeries resample(const PeriodSeries& s, PeriodKind target,
                                    const FiscalCalendar& calendar = FiscalCalendar::calendar_year(),
                                    const ResampleOptions& options = {});

/// Dates to periods of kind `target` (months, quarters, years...): trading days
/// to months. `last` is the latest present value in the period (the last trading
/// day's close), `mean` the mean of the present values, `sum` the exact sum
/// (missing when any point in the period is missing). Missing when the period has
/// no present value.
[[nodiscard]] PeriodSeries resample(const DateSeries& s, PeriodKind target,
                                    const FiscalCalendar& calendar = FiscalCalendar::calendar_year(),
                                    const ResampleOptions& options = {});

/// Quarters to the fiscal years of `calendar`: `resample(quarters,
/// PeriodKind::fiscal_year, calendar)` (sum for flows, year-end quarter for stocks).
[[nodiscard]] PeriodSeries to_fiscal_years(const PeriodSeries& quarters, const FiscalCalendar& calendar);

}  // namespace finmetrics
