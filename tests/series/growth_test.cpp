#include "finmetrics/series/growth.hpp"

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"
#include "finmetrics/decimal/decimal.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

TEST_CASE("yoy compares each fiscal quarter of Alibaba Cloud revenue with the same quarter a year earlier") {
  const PeriodSeries revenue = cloud_revenue();
  const PeriodSeries g = yoy(revenue).value();
  CHECK(g.metric() == metrics::growth());
  CHECK(g.unit() == Unit::of(Dimension::number));
  REQUIRE(g.keys() == revenue.keys());
  // FY2025 Q3 (Dec 2024 quarter): 31.742 / 28.066 - 1 = 0.1309769..., the "13%" of the release.
  CHECK(text_at(g, fq(2025, 3)) == "0.130977");
  // 29.610 / 27.648 - 1 = 0.0709635416...: the reported 7%.
  CHECK(text_at(g, fq(2025, 2)) == "0.070964");
  // 26.5 / 25.12 - 1 = 0.0549363...: the release said 6% of RMB26,549 mn; the
  // rounded 26.5 of the facts file gives 5.5%.
  CHECK(text_at(g, fq(2025, 1)) == "0.054936");
  // 33.398 / 26.5 - 1 = 0.2603018...: the reported 26%.
  CHECK(text_at(g, fq(2026, 1)) == "0.260302");
  // 39.824 / 29.610 - 1 = 0.3449510...: the reported 34%.
  CHECK(text_at(g, fq(2026, 2)) == "0.344951");
  // No FY2023 quarters and no FY2024 Q4: missing, not zero, not a shifted neighbour.
  CHECK(text_at(g, fq(2024, 1)) == "missing");
  CHECK(text_at(g, fq(2025, 4)) == "missing");
}

TEST_CASE("yoy rounds to the requested quantum and rounding mode") {
  GrowthOptions o;
  o.exponent = -2;
  CHECK(text_at(yoy(cloud_revenue(), o).value(), fq(2025, 3)) == "0.13");
  o.exponent = -4;
  o.rounding = Rounding::down;
  CHECK(text_at(yoy(cloud_revenue(), o).value(), fq(2025, 2)) == "0.0709");
}

TEST_CASE("qoq compares each quarter with the one before it, and drops keys that are not quarters") {
  PeriodSeries revenue = cloud_revenue();
  revenue.set(Period::fiscal_year(FiscalCalendar{date::March}, 2025), "118.028"_dec);
  const PeriodSeries g = qoq(revenue).value();
  CHECK(g.size() == 9);
  CHECK_FALSE(g.contains(Period::fiscal_year(FiscalCalendar{date::March}, 2025)));
  // 31.742 / 29.610 - 1 = 0.0720027...
  CHECK(text_at(g, fq(2025, 3)) == "0.072003");
  // 30.1 / 31.742 - 1 = -0.0517295...: a fall is negative.
  CHECK(text_at(g, fq(2025, 4)) == "-0.051730");
  // FY2025 Q1 after FY2024 Q4, which is absent.
  CHECK(text_at(g, fq(2025, 1)) == "missing");
}

namespace {

PeriodSeries two_quarters(const char* base, const char* current) {
  PeriodSeries s(metrics::net_income(), Unit::money(CNY), scales::million);
  s.append(Period::quarter(2024, 1), Decimal::parse(base).value());
  s.append(Period::quarter(2024, 2), Decimal::parse(current).value());
  return s;
}

}  // namespace

TEST_CASE("a zero base gives a missing growth rate, or an error when asked") {
  const PeriodSeries s = two_quarters("0", "5");
  CHECK(text_at(pct_change(s).value(), Period::quarter(2024, 2)) == "missing");
  GrowthOptions o;
  o.zero_base = ZeroBasePolicy::error;
  const auto r = pct_change(s, 1, o);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::out_of_range);
  CHECK(r.error().message == "growth of net_income at 2024Q2: the base 2024Q1 is 0");
  CHECK(r.error().input == "2024Q2");
}

TEST_CASE("a negative base follows its policy: missing, error, absolute or plain") {
  const PeriodSeries s = two_quarters("-10", "-5");  // a loss that narrows
  const Period q2 = Period::quarter(2024, 2);
  GrowthOptions o;
  CHECK(text_at(pct_change(s, 1, o).value(), q2) == "missing");
  o.negative_base = NegativeBasePolicy::absolute;
  CHECK(text_at(pct_change(s, 1, o).value(), q2) == "0.500000");
  o.negative_base = NegativeBasePolicy::plain;
  CHECK(text_at(pct_change(s, 1, o).value(), q2) == "-0.500000");
  o.negative_base = NegativeBasePolicy::error;
  const auto r = pct_change(s, 1, o);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "growth of net_income at 2024Q2: the base 2024Q1 is negative (-10)");
}

TEST_CASE("pct_change on a date series compares observations, not calendar days") {
  DateSeries close(metrics::ads_price(), Unit::money(USD, Per::ads));
  close.append(Date{2025, 5, 15}, "123.9"_dec);
  close.append(Date{2025, 5, 16}, "123.46"_dec);
  close.append(Date{2025, 5, 19}, std::nullopt);
  close.append(Date{2025, 5, 20}, "124.00"_dec);
  const DateSeries g = pct_change(close).value();
  CHECK_FALSE(g.value(0).has_value());
  // 123.46 / 123.9 - 1 = -0.0035512510...
  CHECK(g.value(1)->to_string() == "-0.003551");
  CHECK_FALSE(g.value(2).has_value());  // missing today
  CHECK_FALSE(g.value(3).has_value());  // missing base: never bridged silently
}
