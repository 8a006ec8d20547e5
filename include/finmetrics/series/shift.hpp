#pragma once
/// \file
/// `lag`, `lead` and `difference`: a series against itself shifted in time.

#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// The series shifted `n` steps later: at each key, the value `n` steps before.
///
/// A step is the key's own period for a `PeriodSeries` (the value of the quarter
/// `n` quarters earlier, found by `Period::previous()`, so gaps give missing
/// values rather than a silent shift) and one observation for a `DateSeries`
/// (trading days). Keys are unchanged; where the earlier key is absent the value
/// is missing. Throws `std::invalid_argument` for a negative `n`.
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> lag(const TimeSeries<K>& s, int n = 1);

/// The series shifted `n` steps earlier: at each key, the value `n` steps after.
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> lead(const TimeSeries<K>& s, int n = 1);

/// `s - lag(s, n)`, exactly; missing where either side is missing. Same metric,
/// unit and scale.
template <SeriesKey K>
[[nodiscard]] TimeSeries<K> difference(const TimeSeries<K>& s, int n = 1);

}  // namespace finmetrics
