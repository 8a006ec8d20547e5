#include "finmetrics/series/rescale.hpp"

namespace finmetrics {

template <SeriesKey K>
TimeSeries<K> rescale(const TimeSeries<K>& s, Scale target) {
  TimeSeries<K> out(s.metric(), s.unit(), target);
  out.reserve(s.size());
  const int shift = s.scale().exponent - target.exponent;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto& v = s.value(i);
    out.append(s.key(i), v ? std::optional<Decimal>(v->shifted(shift)) : std::nullopt, std::string(s.source(i)));
  }
  return out;
}

template <SeriesKey K>
TimeSeries<K> multiply(const TimeSeries<K>& s, const Decimal& factor, std::optional<Unit> unit) {
  TimeSeries<K> out(s.metric(), unit ? *std::move(unit) : s.unit(), s.scale());
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto& v = s.value(i);
    out.append(s.key(i), v ? std::optional<Decimal>(*v * factor) : std::nullopt, std::string(s.source(i)));
  }
  return out;
}

template PeriodSeries rescale(const PeriodSeries&, Scale);
template DateSeries rescale(const DateSeries&, Scale);
template PeriodSeries multiply(const PeriodSeries&, const Decimal&, std::optional<Unit>);
template DateSeries multiply(const DateSeries&, const Decimal&, std::optional<Unit>);

}  // namespace finmetrics
