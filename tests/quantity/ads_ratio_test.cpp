#include <stdexcept>

#include <catch2/catch.hpp>

#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/ads_ratio.hpp"
#include "finmetrics/quantity/share_price.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("An ADS price converts to a per-share price exactly with ratio 1:8", "[quantity][ads]") {
  const auto ratio = AdsRatio::shares_per_ads(8);
  // US$143.6 per ADS / 8 = US$17.95 per share.
  const SharePrice<USD> per_share = ratio.per_share(AdsPrice<USD>::of("143.6"_dec));
  CHECK(per_share == SharePrice<USD>::of("17.95"_dec));
  CHECK(per_share.amount().to_string() == "17.95");
  // HK$140.9 per share x 8 = HK$1127.2 per ADS.
  const AdsPrice<HKD> per_ads = ratio.per_ads(SharePrice<HKD>::of("140.9"_dec));
  CHECK(per_ads == AdsPrice<HKD>::of("1127.2"_dec));
  CHECK(per_ads.amount().to_string() == "1127.2");
  // 1/8 = 0.125 terminates, so the round trip is exact, digit for digit.
  CHECK(ratio.per_share(per_ads).amount().to_string() == "140.9");
  CHECK(ratio.per_share(AdsPrice<USD>::of("1"_dec)).amount().to_string() == "0.125");
  CHECK(ratio.per_ads(per_share).amount().to_string() == "143.60");
}

TEST_CASE("ADS ratios are stored reduced and describe themselves", "[quantity][ads]") {
  CHECK(AdsRatio::of(2, 16) == AdsRatio::shares_per_ads(8));
  CHECK(AdsRatio::of(2, 16).ads() == 1);
  CHECK(AdsRatio::of(2, 16).shares() == 8);
  CHECK(AdsRatio::shares_per_ads(8).to_string() == "1 ADS = 8 shares");
  CHECK(AdsRatio::of(3, 1).to_string() == "3 ADSs = 1 share");
  CHECK_THROWS_AS(AdsRatio::of(0, 8), std::invalid_argument);
  CHECK_THROWS_AS(AdsRatio::of(1, -8), std::invalid_argument);
}

TEST_CASE("A ratio whose division does not terminate needs a precision", "[quantity][ads]") {
  const auto thirteen = AdsRatio::shares_per_ads(13);
  // 13 x HK$10 = HK$130 per ADS is exact; US$100 / 13 is not.
  CHECK(thirteen.per_ads(SharePrice<HKD>::of("10"_dec)) == AdsPrice<HKD>::of("130"_dec));
  CHECK(thirteen.per_share(AdsPrice<USD>::of("130"_dec)) == SharePrice<USD>::of("10"_dec));
  CHECK_THROWS_AS(thirteen.per_share(AdsPrice<USD>::of("100"_dec)), std::domain_error);
  CHECK(thirteen.per_share(AdsPrice<USD>::of("100"_dec), 4).amount().to_string() == "7.692");
  CHECK(thirteen.per_share(AdsPrice<USD>::of("100"_dec), 4, Rounding::down).amount().to_string() == "7.692");
  CHECK(thirteen.per_share(AdsPrice<USD>::of("100"_dec), 2, Rounding::up).amount().to_string() == "7.7");
  // 3 ADSs = 1 share: a share is three ADSs.
  const auto three_ads = AdsRatio::of(3, 1);
  CHECK(three_ads.per_share(AdsPrice<USD>::of("2.5"_dec)) == SharePrice<USD>::of("7.5"_dec));
  CHECK(three_ads.per_ads(SharePrice<USD>::of("7.5"_dec)) == AdsPrice<USD>::of("2.5"_dec));
}

TEST_CASE("ADS counts convert to ordinary shares", "[quantity][ads]") {
  CHECK(AdsRatio::shares_per_ads(8).shares_for_ads("2.5"_dec) == ShareCount::of(20));
  CHECK(AdsRatio::of(2, 1).shares_for_ads("3"_dec).count().to_string() == "1.5");
  CHECK_THROWS_AS(AdsRatio::of(3, 1).shares_for_ads("1"_dec), std::domain_error);
}

TEST_CASE("Exact scaling handles signs and quanta", "[quantity][ads]") {
  CHECK(detail::scale_exactly("-143.6"_dec, 1, 8).value().to_string() == "-17.95");
  CHECK(detail::scale_exactly("0"_dec, 1, 3).value() == "0"_dec);
  CHECK(detail::scale_exactly("3.3"_dec, 1, 3).value().to_string() == "1.1");
  CHECK(detail::scale_exactly("1"_dec, 1, 40).value().to_string() == "0.025");
  CHECK_FALSE(detail::scale_exactly("1"_dec, 1, 6).has_value());
}
