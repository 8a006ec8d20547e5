#include <vector>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "finmetrics/series/numeric_series.hpp"
#include "finmetrics/series/quarterly_panel.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;

TEST_CASE("to_eigen gives doubles with an explicit presence mask, zero where missing") {
  PeriodSeries revenue = cloud_revenue();
  revenue.set(fq(2025, 2), std::nullopt);
  const auto n = to_eigen(revenue);
  REQUIRE(n.values.size() == 9);
  CHECK(n.keys == revenue.keys());
  CHECK(n.values[0] == 25.12);
  CHECK(n.present[0]);
  CHECK_FALSE(n.present[4]);
  CHECK(n.values[4] == 0.0);
}

TEST_CASE("the quarterly panel computes YoY and TTM in double, masked like the exact path") {
  PeriodSeries other(metrics::revenue(), Unit::money(CNY));
  other.append(fq(2025, 1), "100"_dec);
  other.append(fq(2026, 1), "-5"_dec);
  const std::vector<PeriodSeries> columns{cloud_revenue(), other};
  const QuarterlyPanel panel = make_quarterly_panel(columns);
  CHECK(panel.first_quarter == fq(2024, 1));
  REQUIRE(panel.values.rows() == 10);  // FY2024 Q1 .. FY2026 Q2, FY2024 Q4 absent
  CHECK(panel.quarter(6) == fq(2025, 3));
  CHECK_FALSE(panel.present(3, 0));

  const QuarterlyPanel g = yoy(panel);
  CHECK(g.present(6, 0));
  CHECK(g.values(6, 0) == Approx(31.742 / 28.066 - 1.0).epsilon(1e-12));
  CHECK_FALSE(g.present(7, 0));  // base FY2024 Q4 absent
  CHECK_FALSE(g.present(2, 0));  // no year before
  CHECK(g.present(8, 1));
  CHECK(g.values(8, 1) == Approx(-1.05));

  const QuarterlyPanel t = ttm(panel);
  CHECK(t.present(7, 0));
  CHECK(t.values(7, 0) == Approx(117.952).epsilon(1e-12));
  CHECK_FALSE(t.present(6, 0));
  CHECK_FALSE(t.present(8, 1));
}

TEST_CASE("convert_numeric converts a daily series through the pivot with one merge pass") {
  // EUR/USD and EUR/CNY as the ECB quotes them, with a gap of 10 days.
  const FxTable fx = parse_fx_csv("date,base,quote,rate\n"
                                  "2025-03-27,EUR,USD,1.0800\n"
                                  "2025-03-27,EUR,CNY,7.8400\n"
                                  "2025-03-28,EUR,USD,1.0797\n"
                                  "2025-03-28,EUR,CNY,7.8445\n")
                         .value();
  REQUIRE(fx.pivot().has_value());
  DateSeries cny(metrics::revenue(), Unit::money(CNY));
  cny.append(Date{2025, 3, 26}, "100"_dec);  // before the first fixing
  cny.append(Date{2025, 3, 28}, "100"_dec);
  cny.append(Date{2025, 3, 30}, "100"_dec);  // Sunday: Friday's fixings
  cny.append(Date{2025, 4, 1}, std::nullopt);
  cny.append(Date{2025, 4, 8}, "100"_dec);   // 11 days after the last fixing
  const auto usd = convert_numeric(to_eigen(cny), fx, CNY, USD);
  CHECK_FALSE(usd.present[0]);
  CHECK(usd.present[1]);
  CHECK(usd.values[1] == Approx(100 * 1.0797 / 7.8445).epsilon(1e-14));
  CHECK(usd.values[2] == Approx(100 * 1.0797 / 7.8445).epsilon(1e-14));
  CHECK_FALSE(usd.present[3]);
  CHECK_FALSE(usd.present[4]);
  CHECK(usd.values[4] == 0.0);
  const auto back = rates_as_of(cny.keys(), fx, USD, CNY);
  CHECK(back.values[1] == Approx(7.8445 / 1.0797).epsilon(1e-14));
  const auto direct = rates_as_of(cny.keys(), fx, EUR, USD);
  CHECK(direct.values[1] == 1.0797);
  const auto inverse = rates_as_of(cny.keys(), fx, USD, EUR);
  CHECK(inverse.values[1] == Approx(1 / 1.0797).epsilon(1e-15));
}
