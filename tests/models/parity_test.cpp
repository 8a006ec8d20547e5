// Cross-listing parity: the ADS price against ordinary x ratio x rate, within the
// +-3% band. Expected intervals worked out with Python's decimal module (60
// digits): the USD per HKD cross rate is cut at 10^-12 outward (both ends open),
// every other step is an exact product.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "finmetrics/claims/claim_figure.hpp"
#include "finmetrics/models/parity.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

const Unit usd_per_ads = Unit::money(Currency{{'U', 'S', 'D'}}, Per::ads);
const Unit hkd_per_share = Unit::money(Currency{{'H', 'K', 'D'}}, Per::share);

Operand price(const char* label, const Decimal& v, const Unit& u) { return Operand::exact(label, v, u, "test"); }
Operand eight() { return Operand::exact("ordinary shares per ADS", "8"_dec, Unit::of(Dimension::number), "test"); }

// USD per HKD from the ECB fixings of the day: USD per EUR / HKD per EUR.
Operand usd_per_hkd(const Decimal& usd_per_eur, const Decimal& hkd_per_eur) {
  return Operand{"USD per HKD", Readings::exact(divide(Interval::point(usd_per_eur), Interval::point(hkd_per_eur), -12)),
                 Unit::of(Dimension::number), "ECB"};
}

CrossListingParity made_up(const Decimal& ads) {
  // 100 HKD x 8 x 0.128 USD/HKD = 102.4 USD: the band is [99.328, 105.472].
  return CrossListingParity{price("ads", ads, usd_per_ads), price("ordinary", "100"_dec, hkd_per_share), eight(),
                            Operand::exact("rate", "0.128"_dec, Unit::of(Dimension::number), "test")};
}

}  // namespace

TEST_CASE("parity on 2025-02-24: BABA's close of 129.04 is 7.6% below 8 x 135.7 HKD, outside the 3% band",
          "[models][parity]") {
  // ECB 2025-02-24: 1.0466 USD and 8.1356 HKD per EUR, so 7.7734 HKD per USD.
  const Operand rate = usd_per_hkd("1.0466"_dec, "8.1356"_dec);
  REQUIRE(rate.readings.strict == Interval::open("0.128644476129"_dec, "0.128644476130"_dec));
  const CrossListingParity p{price("BABA close 2025-02-24", "129.04"_dec, usd_per_ads),
                             price("9988.HK close 2025-02-24", "135.7"_dec, hkd_per_share), eight(), rate};
  const Verdict v = p.evaluate();
  REQUIRE(v.computed);
  // 135.7 x 8 x (0.128644476129, 0.128644476130) = (139.6564432856424, 139.6564432867280), x [0.97, 1.03].
  CHECK(v.computed->strict == Interval::open("135.466749987073128"_dec, "143.846136585329840"_dec));
  CHECK(v.computed->rounded == v.computed->strict);
  CHECK(v.kind == VerdictKind::inconsistent);
  REQUIRE(v.gap);
  CHECK(v.gap->absolute == "6.426749987073128"_dec);
  CHECK(v.arithmetic[0] == "BABA close 2025-02-24 = ordinary x ratio x rate x band");
  CHECK(v.arithmetic[5] == "  implied ADS price = ordinary x ratio x rate: (139.6564, 139.6565) USD per ADS");
  // 129.04 / 139.656443286297... - 1 = -7.6018%.
  CHECK(v.arithmetic[6] == "  parity gap = (ads / implied - 1) x 100: (-7.601829, -7.601828)% (band +-3%)");
  CHECK(v.data.back().what == "parity band +-3%");
}

TEST_CASE("parity on 2025-02-25: BABA's close of 134.01 is within 0.3% of 8 x 130.6 HKD", "[models][parity]") {
  // ECB 2025-02-25: 1.0497 USD and 8.1609 HKD per EUR.
  const CrossListingParity p{price("BABA close 2025-02-25", "134.01"_dec, usd_per_ads),
                             price("9988.HK close 2025-02-25", "130.6"_dec, hkd_per_share), eight(),
                             usd_per_hkd("1.0497"_dec, "8.1609"_dec)};
  const Verdict v = p.evaluate();
  REQUIRE(v.computed);
  // 130.6 x 8 x (0.128625519244, 0.128625519245) x [0.97, 1.03].
  CHECK(v.computed->strict == Interval::open("130.356304230947264"_dec, "138.419580782391280"_dec));
  CHECK(v.kind == VerdictKind::consistent);
}

TEST_CASE("parity: an ADS price 10% above the implied price is inconsistent", "[models][parity]") {
  const Verdict v = made_up("112.64"_dec).evaluate();  // 102.4 x 1.1
  CHECK(v.computed->strict == Interval::closed("99.328"_dec, "105.472"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  REQUIRE(v.gap);
  CHECK(v.gap->absolute == "7.168"_dec);
}

TEST_CASE("parity: the band's ends belong to it", "[models][parity]") {
  CHECK(made_up("105.472"_dec).evaluate().kind == VerdictKind::consistent);
  CHECK(made_up("99.328"_dec).evaluate().kind == VerdictKind::consistent);
  CHECK(made_up("105.473"_dec).evaluate().kind == VerdictKind::inconsistent);
  CHECK(made_up("99.327"_dec).evaluate().kind == VerdictKind::inconsistent);
}

TEST_CASE("parity: a quoted '$105.5' just outside the band agrees only by rounding", "[models][parity]") {
  CrossListingParity p = made_up("0"_dec);
  const ClaimFigure f = read_claim_figure("$105.5", "$105.5", "share_price");
  REQUIRE(f.has_value());
  p.ads = Operand{"$105.5", *f.readings, f.unit, "test"};  // rounded [105.45, 105.55) meets [99.328, 105.472]
  const Verdict v = p.evaluate();
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
  CHECK(v.reading == "rounding");
}

TEST_CASE("parity: the tolerance is configurable; zero leaves the implied price alone", "[models][parity]") {
  CrossListingParity p = made_up("102.4"_dec);
  p.tolerance_percent = "0"_dec;
  CHECK(p.evaluate().computed->strict == Interval::point("102.4"_dec));
  CHECK(p.evaluate().kind == VerdictKind::consistent);
  p.ads = price("ads", "112.64"_dec, usd_per_ads);
  p.tolerance_percent = "10"_dec;  // [92.16, 112.64]: the 10% case is on the edge
  CHECK(p.evaluate().computed->strict == Interval::closed("92.16"_dec, "112.64"_dec));
  CHECK(p.evaluate().kind == VerdictKind::consistent);
  p.tolerance_percent = "-1"_dec;
  CHECK_THROWS_AS(p.formula(), std::invalid_argument);
  p.tolerance_percent = "100"_dec;
  CHECK_THROWS_AS(p.formula(), std::invalid_argument);
}
