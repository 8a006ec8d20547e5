#pragma once
/// \file
/// Rescaling: the same values stated in another scale (millions to billions),
/// and scaling by an exact factor.

#include <optional>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// The same amounts in scale `target`: 31742 in millions is 31.742 in billions.
/// Exact (the decimal point moves; the quantum moves with it).
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> rescale(const TimeSeries<K>& s, Scale target);

/// Every value times `factor`, exactly (ADSs to shares: x 8), with `unit` as the
/// new unit when given. Missing values stay missing.
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> multiply(const TimeSeries<K>& s, const Decimal& factor,
                                     std::optional<Unit> unit = std::nullopt);

}  // namespace finmetrics
