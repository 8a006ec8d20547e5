#include "finmetrics/series/join.hpp"

#include <algorithm>

namespace finmetrics {

template <SeriesKey K>
Joined<K> join(const TimeSeries<K>& a, const TimeSeries<K>& b, JoinKind kind) {
  Joined<K> out;
  std::size_t i = 0;
  std::size_t j = 0;
  const auto add = [&](const K& k, std::optional<Decimal> l, std::optional<Decimal> r) {
    out.keys.push_back(k);
    out.left.push_back(std::move(l));
    out.right.push_back(std::move(r));
  };
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a.key(i) < b.key(j))) {
      if (kind == JoinKind::outer) add(a.key(i), a.value(i), std::nullopt);
      ++i;
    } else if (i == a.size() || b.key(j) < a.key(i)) {
      if (kind == JoinKind::outer) add(b.key(j), std::nullopt, b.value(j));
      ++j;
    } else {
      add(a.key(i), a.value(i), b.value(j));
      ++i;
      ++j;
    }
  }
  return out;
}

template <SeriesKey K>
AsOfJoined<K> join_asof(const TimeSeries<K>& left, const DateSeries& right, date::days tolerance) {
  AsOfJoined<K> out;
  out.keys = left.keys();
  out.left = left.values();
  out.right.reserve(left.size());
  out.right_dates.reserve(left.size());
  // Left keys sorted by first day need not be sorted by last day (mixed kinds),
  // so each key searches on its own: O(log n) per key.
  for (std::size_t i = 0; i < left.size(); ++i) {
    const Date day = last_day_of(left.key(i));
    auto it = std::upper_bound(right.keys().begin(), right.keys().end(), day);
    std::optional<Decimal> value;
    std::optional<Date> when;
    while (it != right.keys().begin()) {
      --it;
      if (day - *it > tolerance) break;
      const auto& v = right.values()[static_cast<std::size_t>(it - right.keys().begin())];
      if (v) {
        value = v;
        when = *it;
        break;
      }
    }
    out.right.push_back(std::move(value));
    out.right_dates.push_back(when);
  }
  return out;
}

template Joined<Period> join(const PeriodSeries&, const PeriodSeries&, JoinKind);
template Joined<Date> join(const DateSeries&, const DateSeries&, JoinKind);
template AsOfJoined<Period> join_asof(const PeriodSeries&, const DateSeries&, date::days);
template AsOfJoined<Date> join_asof(const DateSeries&, const DateSeries&, date::days);

}  // namespace finmetrics
