// FxRate: exact legs, one rounding on request, provenance.

#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/fx_rate.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}; }

// ECB reference rates of 2025-03-28 (ecb-eurofxref-hist.csv).
FxFixing eur_usd() { return FxFixing{day(2025, 3, 28), EUR, USD, "1.0797"_dec, "ECB", Periodicity::daily}; }
FxFixing eur_cny() { return FxFixing{day(2025, 3, 28), EUR, CNY, "7.8445"_dec, "ECB", Periodicity::daily}; }

// USD -> EUR -> CNY: CNY per USD.
FxRate usd_cny() {
  return FxRate::chain(FxRate::direct(eur_usd(), day(2025, 3, 28)).inverse(), FxRate::direct(eur_cny(), day(2025, 3, 28)));
}

}  // namespace

TEST_CASE("A direct rate is the published fixing over one", "[fx][rate]") {
  const FxRate r = FxRate::direct(eur_usd(), day(2025, 3, 28));
  CHECK(r.kind() == FxRateKind::direct);
  CHECK(r.base() == EUR);
  CHECK(r.quote() == USD);
  CHECK(r.numerator().to_string() == "1.0797");
  CHECK(r.denominator().to_string() == "1");
  REQUIRE(r.fixings().size() == 1);
  CHECK(r.fixings()[0] == eur_usd());
  CHECK(r.is_exact());
}

TEST_CASE("An inverse swaps the legs exactly and keeps the fixing", "[fx][rate]") {
  const FxRate r = FxRate::direct(eur_usd(), day(2025, 3, 28)).inverse();
  CHECK(r.base() == USD);
  CHECK(r.quote() == EUR);
  CHECK(r.numerator().to_string() == "1");
  CHECK(r.denominator().to_string() == "1.0797");
  CHECK(r.kind() == FxRateKind::direct);
  CHECK(r.fixings()[0] == eur_usd());
  // 1 / 1.0797 = 0.926183199036769...
  CHECK(r.value(10).to_string() == "0.9261831990");
  CHECK(r.inverse() == FxRate::direct(eur_usd(), day(2025, 3, 28)));
}

TEST_CASE("A derived rate keeps both legs as a quotient", "[fx][rate]") {
  const FxRate r = usd_cny();
  CHECK(r.kind() == FxRateKind::derived);
  CHECK(r.base() == USD);
  CHECK(r.quote() == CNY);
  CHECK(r.numerator().to_string() == "7.8445");
  CHECK(r.denominator().to_string() == "1.0797");
  REQUIRE(r.fixings().size() == 2);
  CHECK(r.fixings()[0] == eur_usd());
  CHECK(r.fixings()[1] == eur_cny());
  CHECK(r.to_string() ==
        "USD/CNY on 2025-03-28 = 7.8445 / 1.0797 (derived: EUR/USD 1.0797 on 2025-03-28 (ECB), "
        "EUR/CNY 7.8445 on 2025-03-28 (ECB))");
}

TEST_CASE("USD per CNY on 2025-03-28 is 1.0797 / 7.8445, rounded only on request", "[fx][rate]") {
  const FxRate r = usd_cny().inverse();
  CHECK(r.numerator().to_string() == "1.0797");
  CHECK(r.denominator().to_string() == "7.8445");
  // 1.0797 / 7.8445 = 0.13763783542609471604308751354452... (python3 decimal, 100 digits)
  CHECK(r.value(17).to_string() == "0.13763783542609472");
  CHECK(r.value(18).to_string() == "0.137637835426094716");
  CHECK(r.value(17, Rounding::down).to_string() == "0.13763783542609471");
  CHECK(r.value_rescaled(-4).to_string() == "0.1376");
}

TEST_CASE("convert multiplies before it divides, with a single rounding", "[fx][rate]") {
  // 1000 x 7.8445 / 1.0797 = 7265.44410484393813...
  CHECK(usd_cny().convert("1000"_dec, -2).to_string() == "7265.44");
  // 81bn x 1.0797 / 7.8445 = 11148664669.5136719...
  const FxRate cny_usd = usd_cny().inverse();
  CHECK(cny_usd.convert("81"_dec.shifted(9), 0).to_string() == "11148664670");
  CHECK(cny_usd.convert("81"_dec.shifted(9), 0, Rounding::down).to_string() == "11148664669");
  CHECK(cny_usd.convert_significant("81"_dec.shifted(9), 5).to_string() == "11149000000");
  CHECK(cny_usd.convert_significant("81"_dec.shifted(9), 5).exponent() == 6);
}

TEST_CASE("value and convert_significant go to 38 significant digits (issue 14)", "[fx][rate]") {
  // 7.8445 / 1.0797 = 7.26544410484393813096230434379920348244883...: the leading
  // digits are above 1's, where 38 digits threw DecimalOverflow before.
  const FxRate r = usd_cny();
  CHECK(r.value(37).to_string() == "7.265444104843938130962304343799203482");
  CHECK(r.value(38).to_string() == "7.2654441048439381309623043437992034824");
  CHECK(r.value(38, Rounding::up).to_string() == "7.2654441048439381309623043437992034825");
  CHECK(r.inverse().value(38).to_string() == "0.13763783542609471604308751354452163937");
  CHECK(r.convert_significant("1000"_dec, 38).to_string() == "7265.4441048439381309623043437992034824");
  CHECK(r.inverse().convert_significant("81"_dec.shifted(9), 38).to_string() ==
        "11148664669.513671999490088597106252789");
  const FxRate one = FxRate::identity(USD, day(2025, 3, 28));
  CHECK(one.value(38).to_string() == "1." + std::string(37, '0'));  // 1 / 1, stated to 38 digits
  CHECK(one.convert_significant("7"_dec, 38).to_string() == "7." + std::string(37, '0'));
}

TEST_CASE("Chaining through the same currency both ways gives the identity", "[fx][rate]") {
  const FxRate there = FxRate::direct(eur_usd(), day(2025, 3, 28));
  const FxRate r = FxRate::chain(there, there.inverse());
  CHECK(r.kind() == FxRateKind::identity);
  CHECK(r.value(5).to_string() == "1.0000");  // five significant digits
  CHECK(r.fixings().empty());
}

TEST_CASE("Identity is exactly one and chains away", "[fx][rate]") {
  const FxRate one = FxRate::identity(USD, day(2025, 3, 28));
  CHECK(one.base() == USD);
  CHECK(one.quote() == USD);
  CHECK(one.convert("12.345"_dec, -3).to_string() == "12.345");
  const FxRate r = FxRate::chain(one, FxRate::direct(eur_usd(), day(2025, 3, 28)).inverse());
  CHECK(r.kind() == FxRateKind::direct);
  CHECK(r.denominator().to_string() == "1.0797");
}

TEST_CASE("Broken preconditions of FxRate throw", "[fx][rate]") {
  const FxRate a = FxRate::direct(eur_usd(), day(2025, 3, 28));
  CHECK_THROWS_AS(FxRate::chain(a, a), std::invalid_argument);  // EUR/USD then EUR/USD
  FxFixing zero = eur_usd();
  zero.rate = "0"_dec;
  CHECK_THROWS_AS(FxRate::direct(zero, day(2025, 3, 28)), std::invalid_argument);
  FxFixing same = eur_usd();
  same.quote = EUR;
  CHECK_THROWS_AS(FxRate::direct(same, day(2025, 3, 28)), std::invalid_argument);
}
