#include "finmetrics/series/typed_series.hpp"

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"
#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/share_price.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;

TEST_CASE("a typed series hands out Money of its currency, in whole units") {
  const auto typed = TypedSeries<Money<CNY>>::from(cloud_revenue()).value();
  const auto q3 = typed.at(fq(2025, 3));
  REQUIRE(q3.has_value());
  CHECK(*q3 == Money<CNY>::of("31742000000"_dec));
  CHECK_FALSE(typed.at(fq(2024, 4)).has_value());
  CHECK(typed.series().size() == 9);
}

TEST_CASE("a typed series refuses another currency or per-unit") {
  const auto usd = TypedSeries<Money<USD>>::from(cloud_revenue());
  REQUIRE_FALSE(usd.has_value());
  CHECK(usd.error().code == Errc::currency_mismatch);
  CHECK(usd.error().message == "revenue is in CNY, not USD");
  CHECK_FALSE(TypedSeries<SharePrice<CNY>>::from(cloud_revenue()).has_value());
}
