#pragma once
/// \file
/// Alignment of two series: inner and outer joins on equal keys, and the as-of
/// join of a series with a daily one (a quarter with the price at its end).

#include <optional>
#include <vector>

#include <date/date.h>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/time/date.hpp"

namespace finmetrics {

/// Which keys a join keeps.
enum class JoinKind {
  inner,  ///< keys in both series
  outer,  ///< keys in either series; the other side is missing where absent
};

/// Two series aligned on one sorted key set.
template <SeriesKey K>
struct Joined {
  std::vector<K> keys;
  std::vector<std::optional<Decimal>> left;
  std::vector<std::optional<Decimal>> right;
};

/// Aligns `a` and `b` on equal keys (a `Period` equals only the same kind and
/// calendar: select or resample first to compare quarters with fiscal quarters).
template <SeriesKey K>
[[nodiscard]] Joined<K> join(const TimeSeries<K>& a, const TimeSeries<K>& b, JoinKind kind = JoinKind::inner);

/// `left` aligned with the daily series `right` as of each left key.
template <SeriesKey K>
struct AsOfJoined {
  std::vector<K> keys;                       ///< the left keys, all of them
  std::vector<std::optional<Decimal>> left;
  std::vector<std::optional<Decimal>> right;  ///< missing when nothing matched
  std::vector<std::optional<Date>> right_dates;  ///< the date each right value was observed on
};

/// For each key of `left`, the latest present value of `right` observed on or
/// before the key's last day (`last_day_of`: the date itself, or the period's
/// end) and at most `tolerance` days before it. With the default of 7 days the
/// close of Friday serves a quarter ending on a Sunday.
template <SeriesKey K>
[[nodiscard]] AsOfJoined<K> join_asof(const TimeSeries<K>& left, const DateSeries& right,
                                      date::days tolerance = date::days{7});

}  // namespace finmetrics
