#include "finmetrics/series/shift.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

TEST_CASE("lag on periods steps by the period, so a gap gives a missing value") {
  const PeriodSeries l = lag(cloud_revenue());
  REQUIRE(l.keys() == cloud_revenue().keys());
  CHECK(l.scale() == scales::billion);
  CHECK(text_at(l, fq(2025, 3)) == "29.610");
  CHECK(text_at(l, fq(2024, 1)) == "missing");
  // FY2025 Q1 follows FY2024 Q4, which is absent: not FY2024 Q3's 28.066.
  CHECK(text_at(l, fq(2025, 1)) == "missing");
  CHECK(text_at(lag(cloud_revenue(), 4), fq(2025, 3)) == "28.066");
}

TEST_CASE("lead is the mirror of lag") {
  const PeriodSeries l = lead(cloud_revenue());
  CHECK(text_at(l, fq(2025, 3)) == "30.1");
  CHECK(text_at(l, fq(2026, 2)) == "missing");
  CHECK(text_at(l, fq(2024, 3)) == "missing");
  CHECK_THROWS_AS(lead(cloud_revenue(), -1), std::invalid_argument);
}

TEST_CASE("difference is exact and keeps metric, unit and scale") {
  const PeriodSeries d = difference(cloud_revenue(), 4);
  CHECK(d.metric() == metrics::revenue());
  CHECK(d.unit() == Unit::money(CNY));
  CHECK(text_at(d, fq(2025, 3)) == "3.676");  // 31.742 - 28.066
  CHECK(text_at(d, fq(2025, 4)) == "missing");
}

TEST_CASE("lag on dates steps by observations (trading days)") {
  DateSeries s(metrics::share_price(), Unit::money(HKD, Per::share));
  s.append(Date{2025, 5, 16}, "123.46"_dec);
  s.append(Date{2025, 5, 19}, "124"_dec);  // the Monday after
  const DateSeries l = lag(s);
  CHECK_FALSE(l.value(0).has_value());
  CHECK(l.value(1) == "123.46"_dec);
}
