#include "finmetrics/series/convert.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

namespace {

/// The rate for one key: the period average for a flow over more than a day, as
/// of the observation day otherwise.
Result<FxRate> rate_for(const Period& p, const FxTable& fx, Currency from, Currency to, MetricKind kind,
                        const ConvertOptions& o) {
  if (kind == MetricKind::flow && p.days() > 1) {
    FxAverageOptions average = o.average;
    if (!average.max_staleness) average.max_staleness = o.max_staleness;  // one limit for stocks and flows
    return fx.average(from, to, p.first_day(), p.last_day(), average);
  }
  return fx.as_of(p.last_day(), from, to, o.max_staleness);
}

Result<FxRate> rate_for(const Date& d, const FxTable& fx, Currency from, Currency to, MetricKind,
                        const ConvertOptions& o) {
  return fx.as_of(d, from, to, o.max_staleness);
}

}  // namespace

template <SeriesKey K>
Result<ConvertedSeries<K>> convert(const TimeSeries<K>& s, const FxTable& fx, Currency target, MetricKind kind,
                                   const ConvertOptions& options) {
  if (!s.unit().is_money() || !s.unit().currency) {
    throw std::invalid_argument(fmt::format("convert: {} is in '{}', not money", s.metric().name, s.unit().to_string()));
  }
  if (kind == MetricKind::ratio || kind == MetricKind::count) {
    throw std::invalid_argument(fmt::format("convert: a {} is not converted between currencies", to_string(kind)));
  }
  const Currency from = *s.unit().currency;
  Unit unit = s.unit();
  unit.currency = target;
  ConvertedSeries<K> out{TimeSeries<K>(s.metric(), std::move(unit), s.scale()), {}};
  out.series.reserve(s.size());
  out.rates.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto& v = s.value(i);
    if (!v) {
      out.series.append(s.key(i), std::nullopt, std::string(s.source(i)));
      out.rates.emplace_back();
      continue;
    }
    auto rate = rate_for(s.key(i), fx, from, target, kind, options);
    if (!rate) {
      if (options.missing_rate == MissingRatePolicy::missing) {
        out.series.append(s.key(i), std::nullopt, std::string(s.source(i)));
        out.rates.emplace_back();
        continue;
      }
      Error e = std::move(rate.error());
      e.message = fmt::format("{} at {}: {}", s.metric().name, s.key(i), e.message);
      return unexpected(std::move(e));
    }
    const int exponent = options.exponent ? *options.exponent : v->exponent();
    out.series.append(s.key(i), rate->convert(*v, exponent, options.rounding), std::string(s.source(i)));
    out.rates.emplace_back(*std::move(rate));
  }
  return out;
}

template Result<ConvertedSeries<Period>> convert(const PeriodSeries&, const FxTable&, Currency, MetricKind,
                                                 const ConvertOptions&);
template Result<ConvertedSeries<Date>> convert(const DateSeries&, const FxTable&, Currency, MetricKind,
                                               const ConvertOptions&);

}  // namespace finmetrics
