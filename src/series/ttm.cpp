#include "finmetrics/series/ttm.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/series/detail/steps.hpp"

namespace finmetrics {

PeriodSeries ttm(const PeriodSeries& quarters) {
  if (quarters.metric().kind != MetricKind::flow) {
    throw std::invalid_argument(fmt::format("ttm: {} is a {}, not a flow: it has no sum over twelve months",
                                            quarters.metric().name, to_string(quarters.metric().kind)));
  }
  PeriodSeries out = series_detail::empty_like(quarters);
  for (std::size_t i = 0; i < quarters.size(); ++i) {
    const Period& q = quarters.key(i);
    if (!series_detail::is_quarter(q)) continue;
    std::optional<Decimal> sum = quarters.value(i);
    Period p = q;
    for (int k = 1; k < 4 && sum; ++k) {
      p = p.previous();
      const auto v = quarters.at(p);
      if (v) *sum += *v;
      else sum.reset();
    }
    out.append(q, std::move(sum));
  }
  return out;
}

}  // namespace finmetrics
