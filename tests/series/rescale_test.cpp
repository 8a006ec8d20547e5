#include "finmetrics/series/rescale.hpp"

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

TEST_CASE("rescale moves the decimal point and keeps every digit") {
  const PeriodSeries mn = rescale(cloud_revenue(), scales::million);
  CHECK(mn.scale() == scales::million);
  CHECK(text_at(mn, fq(2025, 3)) == "31742");
  CHECK(text_at(mn, fq(2024, 1)) == "25120");
  CHECK(text_at(mn, fq(2026, 1)) == "33398");
  CHECK(mn.source(5) == cloud_revenue().source(5));
  const PeriodSeries yi = rescale(cloud_revenue(), scales::yi);
  CHECK(text_at(yi, fq(2025, 3)) == "317.42");
  CHECK(rescale(mn, scales::billion) == cloud_revenue());
}

TEST_CASE("multiply scales by an exact factor and may change the unit") {
  PeriodSeries ads(metrics::shares_outstanding(), Unit::count_of("ADSs"), scales::million);
  ads.append(Period::quarter(2024, 1), "2434"_dec);
  ads.append(Period::quarter(2024, 2), std::nullopt);
  const PeriodSeries shares = multiply(ads, "8"_dec, Unit::count_of("shares"));
  CHECK(shares.unit() == Unit::count_of("shares"));
  CHECK(shares.value(0) == "19472"_dec);
  CHECK_FALSE(shares.value(1).has_value());
}
