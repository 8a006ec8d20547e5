#include "finmetrics/series/metric.hpp"

#include <catch2/catch.hpp>

using namespace finmetrics;

TEST_CASE("well-known metrics know whether they are flows, stocks or ratios") {
  CHECK(metrics::revenue().kind == MetricKind::flow);
  CHECK(metrics::adjusted_ebita().kind == MetricKind::flow);
  CHECK(metrics::capex().kind == MetricKind::flow);
  CHECK(metrics::net_income().kind == MetricKind::flow);
  CHECK(metrics::customer_management_revenue().kind == MetricKind::flow);
  CHECK(metrics::share_price().kind == MetricKind::stock);
  CHECK(metrics::share_price().per == Per::share);
  CHECK(metrics::ads_price().per == Per::ads);
  CHECK(metrics::market_cap().kind == MetricKind::stock);
  CHECK(metrics::cash().kind == MetricKind::stock);
  CHECK(metrics::shares_outstanding().kind == MetricKind::stock);
  CHECK(metrics::shares_outstanding().dimension == Dimension::count);
  CHECK(metrics::margin().kind == MetricKind::ratio);
  CHECK(metrics::growth().kind == MetricKind::ratio);
}

TEST_CASE("known_metric finds a metric by its name in files") {
  CHECK(known_metric("adjusted_ebita") == metrics::adjusted_ebita());
  CHECK_FALSE(known_metric("Revenue").has_value());
  CHECK(metrics::all().size() == 13);
  CHECK(to_string(MetricKind::stock) == "stock");
}
