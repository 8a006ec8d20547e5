#include "finmetrics/series/shift.hpp"

#include <stdexcept>
#include <string>

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

namespace series_detail {

Period step(Period p, int n) {
  for (; n < 0; ++n) p = p.previous();
  for (; n > 0; --n) p = p.next();
  return p;
}

std::optional<std::size_t> stepped_index(const PeriodSeries& s, std::size_t i, int n) {
  return s.index_of(step(s.key(i), n));
}

std::optional<std::size_t> stepped_index(const DateSeries& s, std::size_t i, int n) {
  const auto j = static_cast<long long>(i) + n;
  if (j < 0 || j >= static_cast<long long>(s.size())) return std::nullopt;
  return static_cast<std::size_t>(j);
}

}  // namespace series_detail

namespace {

void check_steps(int n, const char* what) {
  if (n < 0) throw std::invalid_argument(std::string(what) + ": the number of steps must not be negative");
}

template <SeriesKey K>
TimeSeries<K> shifted(const TimeSeries<K>& s, int n) {
  TimeSeries<K> out = series_detail::empty_like(s);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto j = series_detail::stepped_index(s, i, n);
    out.append(s.key(i), j ? s.value(*j) : std::nullopt);
  }
  return out;
}

}  // namespace

template <SeriesKey K>
TimeSeries<K> lag(const TimeSeries<K>& s, int n) {
  check_steps(n, "lag");
  return shifted(s, -n);
}

template <SeriesKey K>
TimeSeries<K> lead(const TimeSeries<K>& s, int n) {
  check_steps(n, "lead");
  return shifted(s, n);
}

template <SeriesKey K>
TimeSeries<K> difference(const TimeSeries<K>& s, int n) {
  check_steps(n, "difference");
  TimeSeries<K> out = series_detail::empty_like(s);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto j = series_detail::stepped_index(s, i, -n);
    std::optional<Decimal> v;
    if (j && s.value(i) && s.value(*j)) v = *s.value(i) - *s.value(*j);
    out.append(s.key(i), std::move(v));
  }
  return out;
}

template PeriodSeries lag(const PeriodSeries&, int);
template DateSeries lag(const DateSeries&, int);
template PeriodSeries lead(const PeriodSeries&, int);
template DateSeries lead(const DateSeries&, int);
template PeriodSeries difference(const PeriodSeries&, int);
template DateSeries difference(const DateSeries&, int);

}  // namespace finmetrics
