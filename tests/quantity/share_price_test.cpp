#include <cstdint>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/share_count.hpp"
#include "finmetrics/quantity/share_price.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("Market capitalisation is price per share times shares, exactly", "[quantity][share_price]") {
  // HK$140.9 x 19,078,000,000 shares = HK$2,688,090,200,000 (by hand:
  // 19.078e9 x 140 = 2670.92e9, 19.078e9 x 0.9 = 17.1702e9).
  const auto price = SharePrice<HKD>::of("140.9"_dec);
  const auto shares = ShareCount::of(std::int64_t{19'078'000'000});
  const Money<HKD> cap = price * shares;
  CHECK(cap == Money<HKD>::of("2688090200000"_dec));
  CHECK(cap.amount().to_string() == "2688090200000.0");
  CHECK(shares * price == cap);
  // The same count as quoted, "19.078bn shares".
  CHECK(price * ShareCount::of("19.078"_dec.shifted(9)) == cap);
}

TEST_CASE("Share prices add within one currency and describe their unit", "[quantity][share_price]") {
  const auto a = SharePrice<HKD>::of("140.9"_dec);
  const auto b = SharePrice<HKD>::of("2.1"_dec);
  CHECK((a - b).amount() == "138.8"_dec);
  CHECK((a + b) > a);
  CHECK(a.unit() == Unit::money(HKD, Per::share));
  CHECK(a.to_string() == "140.9 HKD per share");
  CHECK(SharePrice<HKD>::per == Per::share);
}

TEST_CASE("Money per share needs an explicit precision", "[quantity][share_price]") {
  // 10 / 3 shares = 3.333... rounded to 4 significant digits.
  const auto eps = per_share(Money<USD>::of("10"_dec), ShareCount::of(3), 4);
  CHECK(eps.amount().to_string() == "3.333");
  CHECK(per_share(Money<HKD>::of("2688090200000"_dec), ShareCount::of(std::int64_t{19'078'000'000}), 4) ==
        SharePrice<HKD>::of("140.9"_dec));
  CHECK_THROWS_AS(per_share(Money<USD>::of("1"_dec), ShareCount{}, 4), std::domain_error);
}

TEST_CASE("Share counts are exact and add", "[quantity][share_count]") {
  const auto a = ShareCount::of(std::int64_t{19'078'000'000});
  CHECK(a.count() == "19078000000"_dec);
  CHECK((a - ShareCount::of(78'000'000)).count() == "19000000000"_dec);
  CHECK((a * "0.5"_dec).count() == "9539000000"_dec);
  CHECK(ShareCount::of("2.5"_dec) < ShareCount::of(3));
  CHECK(ShareCount::of(8).to_string() == "8 shares");
}
