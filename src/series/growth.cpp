#include "finmetrics/series/growth.hpp"

#include <functional>
#include <type_traits>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

namespace {

template <SeriesKey K>
TimeSeries<K> growth_series_like(const TimeSeries<K>&) {
  return TimeSeries<K>(metrics::growth(), Unit::of(Dimension::number), scales::units);
}

/// Growth of each kept point against the point `base_of` names.
template <SeriesKey K>
Result<TimeSeries<K>> growth_against(const TimeSeries<K>& s, const GrowthOptions& o,
                                     const std::function<bool(const K&)>& keep,
                                     const std::function<K(std::size_t)>& base_key,
                                     const std::function<std::optional<std::size_t>(std::size_t)>& base_index) {
  TimeSeries<K> out = growth_series_like(s);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!keep(s.key(i))) continue;
    const auto j = base_index(i);
    const auto& cur = s.value(i);
    if (!j || !cur || !s.value(*j)) {
      out.append(s.key(i), std::nullopt);
      continue;
    }
    const Decimal& base = *s.value(*j);
    const auto fail = [&](std::string_view why) {
      return unexpected(make_error(Errc::out_of_range,
                                   fmt::format("growth of {} at {}: the base {} is {}", s.metric().name, s.key(i),
                                               base_key(i), why),
                                   fmt::format("{}", s.key(i))));
    };
    Decimal denominator = base;
    if (base.is_zero()) {
      if (o.zero_base == ZeroBasePolicy::error) return fail(base.to_string());
      out.append(s.key(i), std::nullopt);
      continue;
    }
    if (base.sign() < 0) {
      switch (o.negative_base) {
        case NegativeBasePolicy::missing: out.append(s.key(i), std::nullopt); continue;
        case NegativeBasePolicy::error: return fail(fmt::format("negative ({})", base.to_string()));
        case NegativeBasePolicy::absolute: denominator = base.abs(); break;
        case NegativeBasePolicy::plain: break;
      }
    }
    out.append(s.key(i), Decimal::divide(*cur - base, denominator, o.exponent, o.rounding));
  }
  return out;
}

}  // namespace

template <SeriesKey K>
Result<TimeSeries<K>> pct_change(const TimeSeries<K>& s, int n, const GrowthOptions& options) {
  if (n < 0) throw std::invalid_argument("pct_change: the number of steps must not be negative");
  return growth_against<K>(
      s, options, [](const K&) { return true; },
      [&](std::size_t i) {
        if constexpr (std::is_same_v<K, Period>) {
          return series_detail::step(s.key(i), -n);
        } else {
          const auto j = series_detail::stepped_index(s, i, -n);
          return j ? s.key(*j) : s.key(i);
        }
      },
      [&](std::size_t i) { return series_detail::stepped_index(s, i, -n); });
}

Result<PeriodSeries> yoy(const PeriodSeries& s, const GrowthOptions& options) {
  return growth_against<Period>(
      s, options, [](const Period&) { return true; }, [&](std::size_t i) { return s.key(i).year_ago(); },
      [&](std::size_t i) { return s.index_of(s.key(i).year_ago()); });
}

Result<PeriodSeries> qoq(const PeriodSeries& s, const GrowthOptions& options) {
  return growth_against<Period>(
      s, options, [](const Period& p) { return series_detail::is_quarter(p); },
      [&](std::size_t i) { return s.key(i).previous(); },
      [&](std::size_t i) { return s.index_of(s.key(i).previous()); });
}

template Result<PeriodSeries> pct_change(const PeriodSeries&, int, const GrowthOptions&);
template Result<DateSeries> pct_change(const DateSeries&, int, const GrowthOptions&);

}  // namespace finmetrics
