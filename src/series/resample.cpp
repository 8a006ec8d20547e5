#include "finmetrics/series/resample.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

std::string_view to_string(Aggregation a) noexcept {
  switch (a) {
    case Aggregation::sum: return "sum";
    case Aggregation::last: return "last";
    case Aggregation::mean: return "mean";
  }
  return "?";
}

Aggregation default_aggregation(MetricKind kind) {
  switch (kind) {
    case MetricKind::flow: return Aggregation::sum;
    case MetricKind::stock:
    case MetricKind::count: return Aggregation::last;
    case MetricKind::ratio: break;
  }
  throw std::invalid_argument(
      "a ratio has no default aggregation: a margin of a year is not made from its quarters' margins");
}

namespace {

PeriodSeries output_like(const auto& s) { return PeriodSeries(s.metric(), s.unit(), s.scale()); }

/// The mean of `sum` over `count` values: stated to `finest`, the finest quantum
/// of the values, when it is exact there (the mean of 0.09 alone is 0.09), else to
/// the significant digits of the options.
Decimal mean_of(const Decimal& sum, std::size_t count, int finest, const ResampleOptions& o) {
  const Decimal mean =
      Decimal::divide_significant(sum, Decimal::from_integer(count), o.mean_significant_digits, o.rounding);
  if (mean.exponent() < finest) {
    const Decimal at_finest = mean.rescaled(finest, o.rounding);
    if (at_finest == mean) return at_finest;
  }
  return mean;
}

Aggregation aggregation_of(const auto& s, const ResampleOptions& o) {
  return o.aggregation ? *o.aggregation : default_aggregation(s.metric().kind);
}

}  // namespace

PeriodSeries resample(const PeriodSeries& s, PeriodKind target, const FiscalCalendar& calendar,
                      const ResampleOptions& options) {
  const Aggregation how = aggregation_of(s, options);
  PeriodSeries out = output_like(s);
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s.key(i).kind() != s.key(0).kind() || s.key(i).calendar() != s.key(0).calendar()) {
      throw std::invalid_argument(fmt::format("resample: the keys mix {} and {}; select one kind first",
                                              s.key(0), s.key(i)));
    }
  }
  std::size_t i = 0;
  while (i < s.size()) {
    const Period bucket = Period::containing(target, s.key(i).first_day(), calendar);
    std::size_t end = i;
    int covered_days = 0;
    std::size_t present = 0;
    bool any_missing = false;
    std::optional<Decimal> sum;  // from the first value, so that it keeps the values' quantum
    int finest = Decimal::max_exponent;
    std::optional<Decimal> last;
    for (; end < s.size() && bucket.contains(s.key(end).first_day()); ++end) {
      const Period& p = s.key(end);
      if (!bucket.contains(p)) {
        throw std::invalid_argument(fmt::format("resample: {} is not inside {}", p, bucket));
      }
      const auto& v = s.value(end);
      if (!v) {
        any_missing = true;
        continue;
      }
      covered_days += p.days();
      ++present;
      sum = sum ? *sum + *v : *v;
      finest = std::min(finest, v->exponent());
      if (p.last_day() == bucket.last_day()) last = *v;
    }
    std::optional<Decimal> value;
    switch (how) {
      case Aggregation::sum:
        if (!any_missing && covered_days == bucket.days()) value = sum;
        break;
      case Aggregation::last: value = last; break;
      case Aggregation::mean:
        if (present > 0) value = mean_of(*sum, present, finest, options);
        break;
    }
    out.append(bucket, std::move(value));
    i = end;
  }
  return out;
}

PeriodSeries resample(const DateSeries& s, PeriodKind target, const FiscalCalendar& calendar,
                      const ResampleOptions& options) {
  const Aggregation how = aggregation_of(s, options);
  PeriodSeries out = output_like(s);
  std::size_t i = 0;
  while (i < s.size()) {
    const Period bucket = Period::containing(target, s.key(i), calendar);
    std::size_t end = i;
    std::size_t present = 0;
    bool any_missing = false;
    std::optional<Decimal> sum;  // from the first value, so that it keeps the values' quantum
    int finest = Decimal::max_exponent;
    std::optional<Decimal> last;
    for (; end < s.size() && bucket.contains(s.key(end)); ++end) {
      const auto& v = s.value(end);
      if (!v) {
        any_missing = true;
        continue;
      }
      ++present;
      sum = sum ? *sum + *v : *v;
      finest = std::min(finest, v->exponent());
      last = *v;
    }
    std::optional<Decimal> value;
    if (present > 0) {
      switch (how) {
        case Aggregation::sum:
          if (!any_missing) value = sum;
          break;
        case Aggregation::last: value = last; break;
        case Aggregation::mean: value = mean_of(*sum, present, finest, options); break;
      }
    }
    out.append(bucket, std::move(value));
    i = end;
  }
  return out;
}

PeriodSeries to_fiscal_years(const PeriodSeries& quarters, const FiscalCalendar& calendar) {
  return resample(quarters, PeriodKind::fiscal_year, calendar);
}

}  // namespace finmetrics
