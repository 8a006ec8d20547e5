#include "finmetrics/series/quarterly_panel.hpp"

#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/series/detail/fast_double.hpp"
#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

Period QuarterlyPanel::quarter(Eigen::Index r) const { return series_detail::step(first_quarter, static_cast<int>(r)); }

namespace {

/// Quarters from `a` to `b` (b after a), counted by month arithmetic.
Eigen::Index quarters_between(const Period& a, const Period& b) {
  const date::year_month ma{a.first_day().year(), a.first_day().month()};
  const date::year_month mb{b.first_day().year(), b.first_day().month()};
  return static_cast<Eigen::Index>((mb - ma).count() / 3);
}

}  // namespace

QuarterlyPanel make_quarterly_panel(std::span<const PeriodSeries> columns) {
  std::optional<Period> first;
  std::optional<Period> last;
  for (const PeriodSeries& s : columns) {
    for (const Period& p : s.keys()) {
      if (!series_detail::is_quarter(p)) {
        throw std::invalid_argument(fmt::format("make_quarterly_panel: {} is not a quarter", p));
      }
      if (first && (p.kind() != first->kind() || p.calendar() != first->calendar())) {
        throw std::invalid_argument(fmt::format("make_quarterly_panel: {} and {} are quarters of different calendars", *first, p));
      }
      if (!first || p < *first) first = p;
      if (!last || *last < p) last = p;
    }
  }
  if (!first) throw std::invalid_argument("make_quarterly_panel: no quarter in any column");
  const Eigen::Index rows = quarters_between(*first, *last) + 1;
  const auto cols = static_cast<Eigen::Index>(columns.size());
  QuarterlyPanel panel{*first, Eigen::MatrixXd::Zero(rows, cols),
                       Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(rows, cols, false)};
  for (Eigen::Index c = 0; c < cols; ++c) {
    const PeriodSeries& s = columns[static_cast<std::size_t>(c)];
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!s.value(i)) continue;
      const Eigen::Index r = quarters_between(*first, s.key(i));
      panel.values(r, c) = series_detail::to_double_fast(*s.value(i));
      panel.present(r, c) = true;
    }
  }
  return panel;
}

QuarterlyPanel yoy(const QuarterlyPanel& panel) {
  const Eigen::Index rows = panel.values.rows();
  const Eigen::Index cols = panel.values.cols();
  QuarterlyPanel out{panel.first_quarter, Eigen::MatrixXd::Zero(rows, cols),
                     Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(rows, cols, false)};
  if (rows <= 4) return out;
  const Eigen::Index n = rows - 4;
  const auto cur = panel.values.bottomRows(n).array();
  const auto base = panel.values.topRows(n).array();
  out.present.bottomRows(n) = panel.present.bottomRows(n) && panel.present.topRows(n) && (base > 0.0);
  out.values.bottomRows(n) = out.present.bottomRows(n).select(cur / base - 1.0, 0.0).matrix();
  return out;
}

QuarterlyPanel ttm(const QuarterlyPanel& panel) {
  const Eigen::Index rows = panel.values.rows();
  const Eigen::Index cols = panel.values.cols();
  QuarterlyPanel out{panel.first_quarter, Eigen::MatrixXd::Zero(rows, cols),
                     Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(rows, cols, false)};
  if (rows < 4) return out;
  const Eigen::Index n = rows - 3;
  // Missing values are 0 in `values`, so the four-row sum is finite; the mask decides.
  out.values.bottomRows(n) = panel.values.topRows(n) + panel.values.middleRows(1, n) + panel.values.middleRows(2, n) +
                             panel.values.bottomRows(n);
  out.present.bottomRows(n) = panel.present.topRows(n) && panel.present.middleRows(1, n) &&
                              panel.present.middleRows(2, n) && panel.present.bottomRows(n);
  out.values = out.present.select(out.values.array(), 0.0).matrix();
  return out;
}

}  // namespace finmetrics
