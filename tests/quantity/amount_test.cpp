#include <catch2/catch.hpp>

#include "finmetrics/quantity/amount.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("Amounts of one currency and per-unit add and subtract", "[quantity][amount]") {
  const Amount a{"81"_dec.shifted(9), CNY, Per::whole};
  const Amount b{"3.5"_dec.shifted(9), CNY, Per::whole};
  const auto sum = add(a, b);
  REQUIRE(sum.has_value());
  CHECK(*sum == Amount{"84.5"_dec.shifted(9), CNY, Per::whole});
  CHECK(subtract(a, b).value() == Amount{"77.5"_dec.shifted(9), CNY, Per::whole});
  CHECK(a + b == *sum);
  CHECK((a * "2"_dec).value == "162000000000"_dec);
}

TEST_CASE("Amounts of different currencies do not add", "[quantity][amount]") {
  const Amount usd{"11"_dec, USD, Per::whole};
  const Amount cny{"81"_dec, CNY, Per::whole};
  const auto r = add(usd, cny);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::currency_mismatch);
  CHECK(r.error().message == "cannot add CNY to USD");
  CHECK(r.error().input == "11 USD + 81 CNY");
  CHECK(subtract(usd, cny).error().message == "cannot subtract CNY from USD");
  CHECK_THROWS_AS(usd + cny, CurrencyMismatch);
  CHECK_THROWS_WITH(usd - cny, "cannot subtract CNY from USD");
}

TEST_CASE("Amounts per share do not add to whole amounts", "[quantity][amount]") {
  const Amount cap{"2688090200000"_dec, HKD, Per::whole};
  const Amount price{"140.9"_dec, HKD, Per::share};
  CHECK(add(cap, price).error().message == "cannot add HKD per share to HKD");
  CHECK(add(price, Amount{"1"_dec, HKD, Per::ads}).error().message == "cannot add HKD per ADS to HKD per share");
  CHECK(price.to_string() == "140.9 HKD per share");
  CHECK(price.unit() == Unit::money(HKD, Per::share));
}

TEST_CASE("An amount enters the typed world when currency and per-unit match", "[quantity][amount]") {
  const Amount usd{"11"_dec, USD, Per::whole};
  REQUIRE(usd.as<USD>().has_value());
  CHECK(usd.as<USD>().value() == Money<USD>::of("11"_dec));
  const auto wrong = usd.as<CNY>();
  REQUIRE_FALSE(wrong.has_value());
  CHECK(wrong.error().code == Errc::currency_mismatch);
  CHECK(wrong.error().message == "cannot read USD as CNY");

  const Amount price{"140.9"_dec, HKD, Per::share};
  CHECK(price.as_share_price<HKD>().value() == SharePrice<HKD>::of("140.9"_dec));
  CHECK(price.as<HKD>().error().message == "cannot read HKD per share as HKD");
  CHECK(price.as_ads_price<HKD>().error().message == "cannot read HKD per share as HKD per ADS");
  const Amount ads{"143.6"_dec, USD, Per::ads};
  CHECK(ads.as_ads_price<USD>().value() == AdsPrice<USD>::of("143.6"_dec));
}

TEST_CASE("Typed values become amounts again", "[quantity][amount]") {
  CHECK(Amount::from(Money<CNY>::of("81"_dec)) == Amount{"81"_dec, CNY, Per::whole});
  CHECK(Amount::from(SharePrice<HKD>::of("140.9"_dec)) == Amount{"140.9"_dec, HKD, Per::share});
  CHECK(Amount::from(AdsPrice<USD>::of("143.6"_dec)) == Amount{"143.6"_dec, USD, Per::ads});
  CHECK(Amount{"1"_dec, USD, Per::whole} != Amount{"1"_dec, USD, Per::share});
  CHECK(fmt::format("{}", Amount{"1.50"_dec, EUR, Per::whole}) == "1.50 EUR");
}
