#pragma once
/// \file
/// `SeriesKey`: what a `TimeSeries` is keyed by, a `Period` or a `Date`, and the
/// days a key stands for.

#include <concepts>

#include "finmetrics/time/date.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics {

/// A series key: a `Period` (a quarter, a fiscal year, a month, a day) or a `Date`.
template <class K>
concept SeriesKey = std::same_as<K, Period> || std::same_as<K, Date>;

/// The first day a key covers (the date itself for a `Date`).
[[nodiscard]] inline Date first_day_of(const Period& p) { return p.first_day(); }
[[nodiscard]] inline Date first_day_of(const Date& d) { return d; }
/// The last day a key covers: the day a stock of that key is observed on.
[[nodiscard]] inline Date last_day_of(const Period& p) { return p.last_day(); }
[[nodiscard]] inline Date last_day_of(const Date& d) { return d; }

}  // namespace finmetrics
