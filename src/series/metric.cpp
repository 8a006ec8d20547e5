#include "finmetrics/series/metric.hpp"

#include <array>

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

namespace metrics {
namespace {

const std::array<Metric, 13>& table() {
  static const std::array<Metric, 13> t{{
      {"revenue", MetricKind::flow, Dimension::money, Per::whole},
      {"adjusted_ebita", MetricKind::flow, Dimension::money, Per::whole},
      {"capex", MetricKind::flow, Dimension::money, Per::whole},
      {"net_income", MetricKind::flow, Dimension::money, Per::whole},
      {"customer_management_revenue", MetricKind::flow, Dimension::money, Per::whole},
      {"share_price", MetricKind::stock, Dimension::money, Per::share},
      {"ads_price", MetricKind::stock, Dimension::money, Per::ads},
      {"market_cap", MetricKind::stock, Dimension::money, Per::whole},
      {"shares_outstanding", MetricKind::stock, Dimension::count, Per::whole},
      {"cash", MetricKind::stock, Dimension::money, Per::whole},
      {"volume", MetricKind::flow, Dimension::count, Per::whole},
      {"margin", MetricKind::ratio, Dimension::number, Per::whole},
      {"growth", MetricKind::ratio, Dimension::number, Per::whole},
  }};
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
