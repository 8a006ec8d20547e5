#include "finmetrics/series/time_series.hpp"

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

PeriodSeries to_period_series(const DateSeries& s) {
  PeriodSeries out(s.metric(), s.unit(), s.scale());
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) out.append(Period::day(s.key(i)), s.value(i), std::string(s.source(i)));
  return out;
}

PeriodSeries select_kind(const PeriodSeries& s, PeriodKind kind) {
  PeriodSeries out = series_detail::empty_like(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.key(i).kind() == kind) out.append(s.key(i), s.value(i), std::string(s.source(i)));
  }
  return out;
}

}  // namespace finmetrics
