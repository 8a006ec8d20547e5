#include "finmetrics/series/numeric_series.hpp"

#include <optional>

#include "finmetrics/series/detail/fast_double.hpp"

namespace finmetrics {

template <SeriesKey K>
NumericSeries<K> to_eigen(const TimeSeries<K>& s) {
  const auto n = static_cast<Eigen::Index>(s.size());
  NumericSeries<K> out{s.keys(), Eigen::VectorXd::Zero(n), PresenceMask::Constant(n, false)};
  for (Eigen::Index i = 0; i < n; ++i) {
    if (const auto& v = s.value(static_cast<std::size_t>(i))) {
      out.values[i] = series_detail::to_double_fast(*v);
      out.present[i] = true;
    }
  }
  return out;
}

template NumericSeries<Period> to_eigen(const PeriodSeries&);
template NumericSeries<Date> to_eigen(const DateSeries&);

namespace {

/// Units of `c` per one unit of the pivot on each day, as of that day: one merge
/// pass over the sorted fixings.
struct Leg {
  Eigen::VectorXd per_pivot;
  PresenceMask present;
};

Leg leg_as_of(const std::vector<Date>& days, const FxSeries* series, bool identity, date::days max_staleness) {
  const auto n = static_cast<Eigen::Index>(days.size());
  Leg leg{Eigen::VectorXd::Ones(n), PresenceMask::Constant(n, identity)};
  if (identity || series == nullptr) return leg;
  const auto& fixings = series->fixings;
  std::size_t f = 0;
  std::optional<std::size_t> latest;
  for (Eigen::Index i = 0; i < n; ++i) {
    const date::sys_days day = days[static_cast<std::size_t>(i)];
    while (f < fixings.size() && fixings[f].date <= day) latest = f++;
    if (!latest || day - fixings[*latest].date > max_staleness) {
      leg.present[i] = false;
      continue;
    }
    leg.per_pivot[i] = series_detail::to_double_fast(fixings[*latest].rate);
    leg.present[i] = true;
  }
  return leg;
}

}  // namespace

NumericSeries<Date> rates_as_of(const std::vector<Date>& days, const FxTable& fx, Currency from, Currency to,
                                date::days max_staleness) {
  const auto n = static_cast<Eigen::Index>(days.size());
  NumericSeries<Date> out{days, Eigen::VectorXd::Zero(n), PresenceMask::Constant(n, false)};
  if (from == to) {
    out.values.setOnes();
    out.present.setConstant(true);
    return out;
  }
  // A pair the table holds as published, or reversed: one leg.
  const auto direct = [&](const FxSeries* s, bool reversed) {
    Leg leg = leg_as_of(days, s, false, max_staleness);
    out.values = reversed ? leg.per_pivot.cwiseInverse() : leg.per_pivot;
    out.present = leg.present;
    out.values = out.present.select(out.values.array(), 0.0).matrix();
    return out;
  };
  if (const FxSeries* s = fx.find(from, to)) return direct(s, false);
  if (const FxSeries* s = fx.find(to, from)) return direct(s, true);
  if (!fx.pivot()) return out;
  // Through the pivot P: rate(from -> to) = (to per P) / (from per P).
  const auto per_pivot = [&](Currency c) {
    if (c == *fx.pivot()) return leg_as_of(days, nullptr, true, max_staleness);
    const FxSeries* s = fx.against_pivot(c);
    Leg leg = leg_as_of(days, s, false, max_staleness);
    if (s != nullptr && s->quote == *fx.pivot()) leg.per_pivot = leg.per_pivot.cwiseInverse();  // P per c
    return leg;
  };
  const Leg a = per_pivot(from);
  const Leg b = per_pivot(to);
  out.present = a.present && b.present;
  out.values = out.present.select(b.per_pivot.array() / a.per_pivot.array(), 0.0).matrix();
  return out;
}

NumericSeries<Date> convert_numeric(const NumericSeries<Date>& s, const FxTable& fx, Currency from, Currency to,
                                    date::days max_staleness) {
  NumericSeries<Date> rates = rates_as_of(s.keys, fx, from, to, max_staleness);
  rates.present = rates.present && s.present;
  rates.values = rates.present.select(s.values.array() * rates.values.array(), 0.0).matrix();
  return rates;
}

}  // namespace finmetrics
