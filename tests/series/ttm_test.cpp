#include "finmetrics/series/ttm.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"
#include "finmetrics/series/resample.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

TEST_CASE("ttm of Alibaba Cloud revenue is the exact sum of four consecutive fiscal quarters") {
  const PeriodSeries t = ttm(cloud_revenue());
  CHECK(t.metric() == metrics::revenue());
  CHECK(t.scale() == scales::billion);
  // FY2025 Q1..Q4: 26.5 + 29.610 + 31.742 + 30.1 (bn CNY).
  CHECK(text_at(t, fq(2025, 4)) == "117.952");
  // FY2025 Q2..FY2026 Q1: 29.610 + 31.742 + 30.1 + 33.398.
  CHECK(text_at(t, fq(2026, 1)) == "124.850");
  // FY2025 Q3..FY2026 Q2: 31.742 + 30.1 + 33.398 + 39.824.
  CHECK(text_at(t, fq(2026, 2)) == "135.064");
  // Each window through FY2024 Q4 (absent) is missing, never a sum of three.
  for (int q = 1; q <= 3; ++q) CHECK(text_at(t, fq(2025, q)) == "missing");
  CHECK(text_at(t, fq(2024, 3)) == "missing");
}

TEST_CASE("ttm is missing when one of the four quarters is missing") {
  PeriodSeries revenue = cloud_revenue();
  revenue.set(fq(2025, 2), std::nullopt);
  const PeriodSeries t = ttm(revenue);
  CHECK(text_at(t, fq(2025, 4)) == "missing");
  CHECK(text_at(t, fq(2026, 1)) == "missing");
  CHECK(text_at(t, fq(2026, 2)) == "135.064");
}

TEST_CASE("ttm refuses a stock, whose twelve-month sum means nothing") {
  PeriodSeries cash(metrics::cash(), Unit::money(CNY));
  cash.append(Period::quarter(2024, 1), "1"_dec);
  CHECK_THROWS_AS(ttm(cash), std::invalid_argument);
}

TEST_CASE("to_fiscal_years sums a flow only over four present quarters") {
  const PeriodSeries years = to_fiscal_years(cloud_revenue(), FiscalCalendar{date::March});
  const FiscalCalendar ali = FiscalCalendar{date::March};
  REQUIRE(years.size() == 3);
  CHECK(text_at(years, Period::fiscal_year(ali, 2024)) == "missing");  // Q4 absent
  // The filed FY2025 total is 118.028 bn: the facts file rounds Q1 (26.549) and Q4 (30.127).
  CHECK(text_at(years, Period::fiscal_year(ali, 2025)) == "117.952");
  CHECK(text_at(years, Period::fiscal_year(ali, 2026)) == "missing");  // two quarters so far
}
