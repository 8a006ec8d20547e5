#include "finmetrics/series/convert.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/series/market_csv.hpp"
#include "finmetrics/series/resample.hpp"
#include "finmetrics/series/rescale.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

namespace {

const FxTable& ecb() {
  static const FxTable table = load_ecb_csv(finmetrics::test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  return table;
}

}  // namespace

// Check values computed independently in python3 (fractions.Fraction over the
// ECB file's rows): the mean over the 64 TARGET days 2024-10-01..2024-12-31 of
// USD_d / CNY_d is 0.13915255181... -> 0.1391525518 to 10 digits (half even).
TEST_CASE("a flow converts at the ECB average rate over its period, and keeps that rate") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  const auto c = convert(cloud_revenue(), ecb(), USD).value();
  CHECK(c.series.unit() == Unit::money(USD));
  CHECK(c.series.scale() == scales::billion);
  // 31.742 bn x 0.1391525518 = 4.41697... -> 4.417 (the value's own quantum).
  CHECK(text_at(c.series, fq(2025, 3)) == "4.417");
  const auto i = c.series.index_of(fq(2025, 3)).value();
  REQUIRE(c.rates[i].has_value());
  const FxRate& rate = *c.rates[i];
  CHECK(rate.kind() == FxRateKind::average);
  CHECK(rate.base() == CNY);
  CHECK(rate.quote() == USD);
  CHECK(rate.numerator() == "0.1391525518"_dec);
  REQUIRE(rate.averaging().has_value());
  CHECK(rate.averaging()->count == 64);
  CHECK(rate.averaging()->first_fixing == date::sys_days{Date{2024, 10, 1}});
  CHECK(rate.averaging()->last_fixing == date::sys_days{Date{2024, 12, 31}});
  CHECK(c.series.source(i) == cloud_revenue().source(i));

  ConvertOptions millions;
  millions.exponent = -3;
  const auto fine = convert(rescale(cloud_revenue(), scales::million), ecb(), USD, millions).value();
  CHECK(text_at(fine.series, fq(2025, 3)) == "4416.980");  // 31742 x 0.1391525518 = 4416.97990...
}

// ECB 2024-11-29: USD 1.0562, HKD 8.2211 per EUR. 9988.HK closed at
// 83.6500015258789 HKD that day; November 30 was a Saturday.
// 83.6500015258789 x 1.0562 / 8.2211 = 10.74687470188...
TEST_CASE("a stock converts at the rate of its period end: the month's last close at the month-end fixing") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  FINMETRICS_REQUIRE_SHARED("data/market/9988HK-daily-raw.csv");
  const PriceHistory hk =
      load_market_csv(finmetrics::test::shared_path("data/market/9988HK-daily-raw.csv"), {HKD, Per::share}).value();
  const PeriodSeries months = resample(hk.close, PeriodKind::month);
  const Period nov = Period::month(2024, 11);
  CHECK(text_at(months, nov) == "83.6500015258789");
  ConvertOptions o;
  o.exponent = -4;
  const auto c = convert(months, ecb(), USD, o).value();
  CHECK(c.series.unit() == Unit::money(USD, Per::share));
  CHECK(text_at(c.series, nov) == "10.7469");
  const FxRate& rate = *c.rates[c.series.index_of(nov).value()];
  CHECK(rate.kind() == FxRateKind::derived);
  CHECK(rate.date() == date::sys_days{Date{2024, 11, 30}});
  CHECK(rate.numerator() == "1.0562"_dec);
  CHECK(rate.denominator() == "8.2211"_dec);
  REQUIRE(rate.fixings().size() == 2);
  CHECK(rate.fixings()[0].date == date::sys_days{Date{2024, 11, 29}});
  CHECK(rate.fixings()[1].date == date::sys_days{Date{2024, 11, 29}});
  // Without an explicit quantum the value keeps its own: 13 decimals.
  CHECK(text_at(convert(months, ecb(), USD).value().series, nov) == "10.7468747018809");
}

TEST_CASE("a daily stock converts at each day's fixing; missing values have no rate") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  DateSeries close(metrics::share_price(), Unit::money(HKD, Per::share));
  close.append(Date{2025, 3, 31}, "128.0"_dec);  // ECB: USD 1.0815, HKD 8.4130
  close.append(Date{2025, 4, 1}, std::nullopt);
  const auto c = convert(close, ecb(), USD).value();
  CHECK(c.series.value(0) == "16.5"_dec);  // 128.0 x 1.0815 / 8.413 = 16.4545...
  CHECK(c.series.value(0)->to_string() == "16.5");
  CHECK_FALSE(c.series.value(1).has_value());
  CHECK_FALSE(c.rates[1].has_value());
}

TEST_CASE("a point without a rate fails the conversion, or becomes missing when asked") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  PeriodSeries early(metrics::revenue(), Unit::money(CNY));
  early.append(Period::quarter(1998, 4), "1"_dec);  // before the euro
  early.append(Period::quarter(2024, 4), "1000"_dec);
  const auto r = convert(early, ecb(), USD);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::no_rate);
  CHECK(r.error().message.rfind("revenue at 1998Q4: ", 0) == 0);
  ConvertOptions o;
  o.missing_rate = MissingRatePolicy::missing;
  const auto c = convert(early, ecb(), USD, o).value();
  CHECK_FALSE(c.series.value(0).has_value());
  CHECK(c.series.value(1) == "139"_dec);  // 1000 x 0.1391525518, to units
}

// The ECB file ends on 2026-04-13 and its RUB column on 2022-03-01 (issue 14):
// a quarter's flow is not converted at the mean of its first few days.
TEST_CASE("a flow over a period the FX data covers only in part is refused, or converted and marked partial") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  PeriodSeries late(metrics::revenue(), Unit::money(CNY), scales::billion);
  late.append(fq(2027, 1), "33.398"_dec);  // 2026-04-01..2026-06-30
  const auto refused = convert(late, ecb(), USD);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::no_rate);
  CHECK(refused.error().message ==
        "revenue at FY2027 Q1: the fixings cover only part of 2026-04-01 to 2026-06-30: 7 rates from 2026-04-01 to "
        "2026-04-13; the last, 2026-04-13, is 78 days before the end (limit 7 days)");
  // The same period's stock is refused by the same limit.
  const auto stock = convert(late, ecb(), USD, MetricKind::stock);
  REQUIRE_FALSE(stock);
  CHECK(stock.error().message ==
        "revenue at FY2027 Q1: latest EUR/CNY fixing 2026-04-13 is 78 days before 2026-06-30 (limit 7 days)");

  ConvertOptions mark;
  mark.average.partial = PartialCoverage::mark;
  const auto marked = convert(late, ecb(), USD, mark).value();
  REQUIRE(marked.rates[0]);
  REQUIRE(marked.rates[0]->averaging());
  CHECK(marked.rates[0]->averaging()->partial);
  CHECK(marked.rates[0]->averaging()->count == 7);
  CHECK(marked.rates[0]->averaging()->max_staleness == date::days{7});

  // The limit is ConvertOptions::max_staleness unless the average has its own.
  ConvertOptions patient;
  patient.max_staleness = date::days{78};
  const auto accepted = convert(late, ecb(), USD, patient).value();
  CHECK_FALSE(accepted.rates[0]->averaging()->partial);
  CHECK(accepted.rates[0]->averaging()->max_staleness == date::days{78});
  patient.average.max_staleness = date::days{77};
  CHECK_FALSE(convert(late, ecb(), USD, patient));

  PeriodSeries rub(metrics::revenue(), Unit::money(RUB), scales::billion);
  rub.append(Period::quarter(2022, 1), "10"_dec);
  const auto r = convert(rub, ecb(), USD);
  REQUIRE_FALSE(r);
  CHECK(r.error().message ==
        "revenue at 2022Q1: the fixings cover only part of 2022-01-01 to 2022-03-31: 42 rates from 2022-01-03 to "
        "2022-03-01; the last, 2022-03-01, is 30 days before the end (limit 7 days)");
}

TEST_CASE("only money of flows and stocks converts") {
  FxTable empty;
  PeriodSeries shares(metrics::shares_outstanding(), Unit::count_of("shares"));
  CHECK_THROWS_AS(convert(shares, empty, USD), std::invalid_argument);
  PeriodSeries revenue(metrics::revenue(), Unit::money(CNY));
  CHECK_THROWS_AS(convert(revenue, empty, USD, MetricKind::ratio), std::invalid_argument);
}
