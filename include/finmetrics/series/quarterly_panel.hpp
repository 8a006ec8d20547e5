#pragma once
/// \file
/// `QuarterlyPanel`: many quarterly series on one grid of consecutive quarters, in
/// Eigen, with YoY and TTM computed column-wise. LOSSY (double): the bulk path for
/// long panels; the exact path is `yoy` and `ttm` on `PeriodSeries`.

#include <span>

#include <Eigen/Core>

#include "finmetrics/series/time_series.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics {

/// Rows are consecutive quarters starting at `first_quarter`, columns series.
/// `values(r, c)` is meaningful only where `present(r, c)`, and 0 elsewhere.
struct QuarterlyPanel {
  Period first_quarter;
  Eigen::MatrixXd values;
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> present;

  /// The quarter of row `r`.
  [[nodiscard]] Period quarter(Eigen::Index r) const;
};

/// The panel of `columns` on the grid from their earliest to their latest quarter.
/// Throws `std::invalid_argument` when a key is not a quarter, or the columns mix
/// calendar and fiscal quarters (or fiscal calendars), or `columns` is empty.
[[nodiscard]] QuarterlyPanel make_quarterly_panel(std::span<const PeriodSeries> columns);

/// Year over year in double: `x(r) / x(r - 4) - 1`, present where both are and
/// the base is positive (zero and negative bases are missing, as the exact
/// path's default policies).
[[nodiscard]] QuarterlyPanel yoy(const QuarterlyPanel& panel);

/// Trailing twelve months in double: the sum of rows r-3..r, present where all
/// four are.
[[nodiscard]] QuarterlyPanel ttm(const QuarterlyPanel& panel);

}  // namespace finmetrics
