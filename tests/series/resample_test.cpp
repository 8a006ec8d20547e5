#include "finmetrics/series/resample.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::text_at;

namespace {

/// Shares outstanding at the end of each calendar quarter of 2024 (Alibaba,
/// millions, from the facts file: 19469 on 2024-03-31, 19024, 18620; Q4 missing).
PeriodSeries shares() {
  PeriodSeries s(metrics::shares_outstanding(), Unit::count_of("shares"), scales::million);
  s.append(Period::quarter(2024, 1), "19469"_dec);
  s.append(Period::quarter(2024, 2), "19024"_dec);
  s.append(Period::quarter(2024, 3), "18620"_dec);
  s.append(Period::quarter(2024, 4), std::nullopt);
  s.append(Period::quarter(2025, 1), "18474.235708"_dec);
  return s;
}

DateSeries closes() {
  DateSeries s(metrics::ads_price(), Unit::money(USD, Per::ads));
  s.append(Date{2025, 3, 28}, "129.00"_dec);
  s.append(Date{2025, 3, 31}, "132.23"_dec);
  s.append(Date{2025, 4, 1}, "133"_dec);
  s.append(Date{2025, 4, 2}, std::nullopt);
  s.append(Date{2025, 4, 3}, "120.5"_dec);
  s.append(Date{2025, 4, 30}, std::nullopt);
  return s;
}

}  // namespace

TEST_CASE("a stock resampled to years takes the value at the year end, never an earlier quarter's") {
  const PeriodSeries years = resample(shares(), PeriodKind::year);
  REQUIRE(years.size() == 2);
  CHECK(text_at(years, Period::calendar_year(2024)) == "missing");  // Q4 2024 missing
  CHECK(text_at(years, Period::calendar_year(2025)) == "missing");  // only Q1 2025 so far
  // Alibaba's fiscal year ends in March: FY2025's last quarter is 2025Q1. Calendar
  // quarters sit inside fiscal years, so they resample to them.
  const PeriodSeries fiscal = resample(shares(), PeriodKind::fiscal_year, FiscalCalendar{date::March});
  CHECK(text_at(fiscal, Period::fiscal_year(FiscalCalendar{date::March}, 2024)) == "19469");
  CHECK(text_at(fiscal, Period::fiscal_year(FiscalCalendar{date::March}, 2025)) == "18474.235708");
}

TEST_CASE("days resample to months by last present value or by mean") {
  const PeriodSeries last = resample(closes(), PeriodKind::month);
  REQUIRE(last.size() == 2);
  CHECK(text_at(last, Period::month(2025, 3)) == "132.23");
  CHECK(text_at(last, Period::month(2025, 4)) == "120.5");  // April 30 is missing: the last present close
  ResampleOptions mean;
  mean.aggregation = Aggregation::mean;
  mean.mean_significant_digits = 8;
  const PeriodSeries m = resample(closes(), PeriodKind::month, FiscalCalendar::calendar_year(), mean);
  CHECK(text_at(m, Period::month(2025, 3)) == "130.61500");  // (129 + 132.23) / 2 to 8 digits
  CHECK(text_at(m, Period::month(2025, 4)) == "126.75000");  // (133 + 120.5) / 2 to 8 digits
}

TEST_CASE("a mean to 38 significant digits, the decimal's limit (issue 14)") {
  ResampleOptions mean;
  mean.aggregation = Aggregation::mean;
  mean.mean_significant_digits = 38;  // threw DecimalOverflow: (133 + 120.5) / 2 = 1.2675 x 10^2
  const PeriodSeries m = resample(closes(), PeriodKind::month, FiscalCalendar::calendar_year(), mean);
  CHECK(text_at(m, Period::month(2025, 3)) == "130.61500000000000000000000000000000000");
  CHECK(text_at(m, Period::month(2025, 4)) == "126.75000000000000000000000000000000000");
  DateSeries thirds(metrics::ads_price(), Unit::money(USD, Per::ads));
  thirds.append(Date{2025, 5, 1}, "7"_dec);
  thirds.append(Date{2025, 5, 2}, "8"_dec);
  thirds.append(Date{2025, 5, 5}, "8"_dec);
  const PeriodSeries t = resample(thirds, PeriodKind::month, FiscalCalendar::calendar_year(), mean);
  CHECK(text_at(t, Period::month(2025, 5)) == "7.6666666666666666666666666666666666667");
}

TEST_CASE("a daily sum is missing when a day in the month is missing") {
  ResampleOptions sum;
  sum.aggregation = Aggregation::sum;
  const PeriodSeries s = resample(closes(), PeriodKind::month, FiscalCalendar::calendar_year(), sum);
  CHECK(text_at(s, Period::month(2025, 3)) == "261.23");
  CHECK(text_at(s, Period::month(2025, 4)) == "missing");
}

TEST_CASE("resampling refuses ratios by default and keys of mixed kinds") {
  PeriodSeries margin(metrics::margin(), Unit::of(Dimension::number));
  margin.append(Period::quarter(2024, 1), "0.09"_dec);
  CHECK_THROWS_AS(resample(margin, PeriodKind::year), std::invalid_argument);
  ResampleOptions mean;
  mean.aggregation = Aggregation::mean;
  CHECK(text_at(resample(margin, PeriodKind::year, FiscalCalendar::calendar_year(), mean), Period::calendar_year(2024)) ==
        "0.09");

  PeriodSeries mixed = finmetrics::test::cloud_revenue();
  mixed.set(Period::fiscal_year(FiscalCalendar{date::March}, 2025), "118.028"_dec);
  CHECK_THROWS_AS(to_fiscal_years(mixed, FiscalCalendar{date::March}), std::invalid_argument);
}

TEST_CASE("a quarter that straddles the target period is refused") {
  PeriodSeries s(metrics::revenue(), Unit::money(CNY));
  s.append(Period::quarter(2024, 1), "1"_dec);  // Jan-Mar straddles a fiscal year ending in February
  CHECK_THROWS_AS(resample(s, PeriodKind::fiscal_year, FiscalCalendar{date::February}), std::invalid_argument);
}
