#pragma once
// Private to the series layer: what "n steps from point i" means for each key
// type (periods by their own length, dates by observations).

#include <cstddef>
#include <optional>

#include "finmetrics/series/time_series.hpp"

namespace finmetrics::series_detail {

/// The period `n` of its own steps away (n < 0: earlier).
[[nodiscard]] Period step(Period p, int n);

/// Index of the point `n` steps from point `i` (n < 0: earlier), or nullopt when
/// that key is absent: by key for periods, by position for dates.
[[nodiscard]] std::optional<std::size_t> stepped_index(const PeriodSeries& s, std::size_t i, int n);
[[nodiscard]] std::optional<std::size_t> stepped_index(const DateSeries& s, std::size_t i, int n);

/// A copy of `s`'s description (metric, unit, scale) with no points.
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> empty_like(const TimeSeries<K>& s) {
  return TimeSeries<K>(s.metric(), s.unit(), s.scale());
}

/// True for calendar and fiscal quarters.
[[nodiscard]] inline bool is_quarter(const Period& p) noexcept {
  return p.kind() == PeriodKind::quarter || p.kind() == PeriodKind::fiscal_quarter;
}

}  // namespace finmetrics::series_detail
