#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/detail/basic_metric.hpp"

#include <array>
#include <utility>

namespace finmetrics {

std::string_view to_string(MetricKind kind) noexcept {
  switch (kind) {
    case MetricKind::flow: return "flow";
    case MetricKind::stock: return "stock";
    case MetricKind::ratio: return "ratio";
    case MetricKind::count: return "count";
  }
  return "?";
}

namespace series_detail {

Metric basic_metric(std::string name, MetricKind kind, Dimension dimension, Per per) {
  Metric m;
  m.name = std::move(name);
  m.kind = kind;
  m.dimension = dimension;
  m.per = per;
  return m;
}

}  // namespace series_detail

namespace metrics {
namespace {

using series_detail::basic_metric;

const std::array<Metric, 13>& table() {
  static const std::array<Metric, 13> t{
      basic_metric("revenue", MetricKind::flow, Dimension::money, Per::whole),
      basic_metric("adjusted_ebita", MetricKind::flow, Dimension::money, Per::whole),
      basic_metric("capex", MetricKind::flow, Dimension::money, Per::whole),
      basic_metric("net_income", MetricKind::flow, Dimension::money, Per::whole),
      basic_metric("customer_management_revenue", MetricKind::flow, Dimension::money, Per::whole),
      basic_metric("share_price", MetricKind::stock, Dimension::money, Per::share),
      basic_metric("ads_price", MetricKind::stock, Dimension::money, Per::ads),
      basic_metric("market_cap", MetricKind::stock, Dimension::money, Per::whole),
      basic_metric("shares_outstanding", MetricKind::stock, Dimension::count, Per::whole),
      basic_metric("cash", MetricKind::stock, Dimension::money, Per::whole),
      basic_metric("volume", MetricKind::flow, Dimension::count, Per::whole),
      basic_metric("margin", MetricKind::ratio, Dimension::number, Per::whole),
      basic_metric("growth", MetricKind::ratio, Dimension::number, Per::whole),
  };
  return t;
}

}  // namespace

Metric revenue() { return table()[0]; }
Metric adjusted_ebita() { return table()[1]; }
Metric capex() { return table()[2]; }
Metric net_income() { return table()[3]; }
Metric customer_management_revenue() { return table()[4]; }
Metric share_price() { return table()[5]; }
Metric ads_price() { return table()[6]; }
Metric market_cap() { return table()[7]; }
Metric shares_outstanding() { return table()[8]; }
Metric cash() { return table()[9]; }
Metric volume() { return table()[10]; }
Metric margin() { return table()[11]; }
Metric growth() { return table()[12]; }

std::span<const Metric> all() { return table(); }

}  // namespace metrics

std::optional<Metric> known_metric(std::string_view name) {
  for (const Metric& m : metrics::all()) {
    if (m.name == name) return m;
  }
  return std::nullopt;
}

}  // namespace finmetrics
