// The FRED H.10 loader: monthly averages, country names, the five series the
// H.10 publishes as USD per currency.

#include <cmath>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}; }

const char* const fred_file = "data/fx/fred-h10-monthly.csv";

const FxTable& fred() {
  static const FxTable table = [] {
    auto t = load_fred_h10_csv(test::shared_path(fred_file));
    if (!t) FAIL(t.error().message);
    return *t;
  }();
  return table;
}

std::string error_of(std::string_view text) {
  auto t = parse_fred_h10_csv(text, "h10.csv");
  REQUIRE_FALSE(t);
  return t.error().message;
}

}  // namespace

TEST_CASE("The H.10 file loads as USD-pivot monthly series", "[fx][fred]") {
  FINMETRICS_REQUIRE_SHARED(fred_file);
  const FxTable& t = fred();
  CHECK(t.pivot() == USD);
  CHECK(t.series().size() == 33);  // 34 countries, Venezuela skipped
  for (const FxSeries& s : t.series()) {
    CHECK(s.periodicity == Periodicity::monthly);
    CHECK(s.source == "FRED H.10");
    CHECK(s.base == USD);  // every row of this file is currency per USD
  }
  const auto cny = t.fixings(CNY);
  REQUIRE(cny.size() == 546);
  CHECK(cny.front() == Fixing{day(1981, 1, 1), "1.5518"_dec});
  const FxSeries* iep = t.against_pivot(Currency{{'I', 'E', 'P'}});  // Ireland, until the euro
  REQUIRE(iep != nullptr);
  CHECK(iep->fixings.front() == Fixing{day(1971, 1, 1), "0.4157"_dec});
  CHECK(iep->fixings.back() == Fixing{day(2001, 12, 1), "0.8837"_dec});
}

TEST_CASE("Euro and China in March 2025, exactly as in the file", "[fx][fred]") {
  FINMETRICS_REQUIRE_SHARED(fred_file);
  const FxTable& t = fred();
  auto usd_eur = t.on(day(2025, 3, 1), USD, EUR);
  REQUIRE(usd_eur);
  CHECK(usd_eur->kind() == FxRateKind::direct);
  CHECK(usd_eur->numerator().to_string() == "0.9248");
  CHECK(usd_eur->fixings()[0] == FxFixing{day(2025, 3, 1), USD, EUR, "0.9248"_dec, "FRED H.10", Periodicity::monthly});
  auto usd_cny = t.on(day(2025, 3, 1), USD, CNY);
  REQUIRE(usd_cny);
  CHECK(usd_cny->numerator().to_string() == "7.2493");
  auto eur_cny = t.on(day(2025, 3, 1), EUR, CNY);  // a cross through USD
  REQUIRE(eur_cny);
  CHECK(eur_cny->kind() == FxRateKind::derived);
  CHECK(eur_cny->numerator().to_string() == "7.2493");
  CHECK(eur_cny->denominator().to_string() == "0.9248");
  CHECK(eur_cny->value(10).to_string() == "7.838775952");
  CHECK(t.on(day(2025, 3, 1), USD, GBP)->numerator().to_string() == "0.7744");
}

TEST_CASE("The file's five USD-per-currency countries are already inverted: checked against the ECB",
          "[fx][fred]") {
  FINMETRICS_REQUIRE_SHARED(fred_file);
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  auto ecb = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv"));
  REQUIRE(ecb);
  // Different fixings (ECB in Frankfurt vs New York noon), so only a loose sanity
  // check, in doubles: the means of March 2025 agree to a fraction of a percent.
  auto ecb_mean = [&](Currency base, Currency quote) {
    return ecb->average(base, quote, day(2025, 3, 1), day(2025, 3, 31)).value().numerator().to_double();
  };
  const double ecb_usd_eur = ecb_mean(USD, EUR);  // 0.9254398609
  const double ecb_usd_cny = ecb_mean(USD, CNY);  // 7.250494607
  CHECK(std::abs(0.9248 / ecb_usd_eur - 1) < 0.002);
  CHECK(std::abs(7.2493 / ecb_usd_cny - 1) < 0.002);
  // Read as the H.10 publishes it (USD per EUR), the same number would be 17% off.
  auto published = load_fred_h10_csv(test::shared_path(fred_file), {FredH10Orientation::h10_published});
  REQUIRE(published);
  const double misread = published->on(day(2025, 3, 1), USD, EUR)->value(10).to_double();
  CHECK(std::abs(misread / ecb_usd_eur - 1) > 0.15);
}

TEST_CASE("With the H.10's own orientation the five are USD per currency", "[fx][fred]") {
  const std::string_view text =
      "Date,Country,Exchange rate\r\n"
      "2025-03-01,China,7.2493\r\n"
      "2025-03-01,Euro,1.0813\r\n"
      "2025-03-01,United Kingdom,1.2913\r\n";
  auto t = parse_fred_h10_csv(text, "h10.csv", {FredH10Orientation::h10_published, "H.10"});
  REQUIRE(t);
  CHECK(t->find(EUR, USD) != nullptr);
  CHECK(t->find(GBP, USD) != nullptr);
  CHECK(t->find(USD, CNY) != nullptr);
  CHECK(t->against_pivot(EUR) == t->find(EUR, USD));
  auto eur_cny = t->on(day(2025, 3, 1), EUR, CNY);
  REQUIRE(eur_cny);
  CHECK(eur_cny->numerator().to_string() == "7.83866809");  // 1.0813 x 7.2493, exactly
  CHECK(eur_cny->denominator().to_string() == "1");
  CHECK(eur_cny->fixings()[0].source == "H.10");
  auto usd_gbp = t->on(day(2025, 3, 1), USD, GBP);
  REQUIRE(usd_gbp);
  CHECK(usd_gbp->denominator().to_string() == "1.2913");
}

TEST_CASE("A monthly average is reached from within its month only with a monthly staleness", "[fx][fred]") {
  FINMETRICS_REQUIRE_SHARED(fred_file);
  const FxTable& t = fred();
  auto weekly = t.as_of(day(2025, 3, 20), USD, CNY);
  REQUIRE_FALSE(weekly);
  CHECK(weekly.error().message == "latest USD/CNY fixing 2025-03-01 is 19 days before 2025-03-20 (limit 7 days)");
  auto monthly = t.as_of(day(2025, 3, 20), USD, CNY, typical_staleness(Periodicity::monthly));
  REQUIRE(monthly);
  CHECK(monthly->numerator().to_string() == "7.2493");
  CHECK(monthly->fixings()[0].periodicity == Periodicity::monthly);
  auto before = t.as_of(day(1980, 6, 1), USD, CNY, date::days{31});
  REQUIRE_FALSE(before);
  CHECK(before.error().message == "no CNY rate on or before 1980-06-01 (first fixing 1981-01-01)");
}

TEST_CASE("The average of monthly averages over a quarter", "[fx][fred]") {
  FINMETRICS_REQUIRE_SHARED(fred_file);
  // (7.2957 + 7.2734 + 7.2493) / 3 = 7.2728 exactly.
  auto r = fred().average(USD, CNY, day(2025, 1, 1), day(2025, 3, 31));
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.272800000");
  CHECK(r->averaging()->count == 3);
}

TEST_CASE("The loader knows the H.10 countries and skips Venezuela", "[fx][fred]") {
  const auto countries = fred_h10_countries();
  CHECK(countries.size() == 34);
  int usd_per_currency = 0;
  for (const auto& c : countries) usd_per_currency += c.usd_per_currency ? 1 : 0;
  CHECK(usd_per_currency == 5);
  auto t = parse_fred_h10_csv("Date,Country,Exchange rate\n2025-03-01,Venezuela,66.4786\n2025-03-01,Japan,.\n", "h10.csv");
  REQUIRE_FALSE(t);  // a table without a fixing is refused, not handed out empty
  CHECK(t.error().message ==
        "h10.csv: no fixings: every row is of a skipped country (Venezuela) or without a rate ('.')");
}

TEST_CASE("Malformed H.10 text is refused with file, line and column", "[fx][fred]") {
  CHECK(error_of("Date,Country,Value\n2025-03-01,China,7.2493\n") ==
        "h10.csv:1:1: expected the header 'Date,Country,Exchange rate', read 'Date,Country,Value'");
  CHECK(error_of("Date,Country,Exchange rate\n2025-03-01,China,7.2493\n2025-04-01,China,7,2968\n") ==
        "h10.csv:3: expected 3 fields (Date,Country,Exchange rate), read 4");
  CHECK(error_of("Date,Country,Exchange rate\n2025-03-01,China\n") ==
        "h10.csv:2: expected 3 fields (Date,Country,Exchange rate), read 2");
  CHECK(error_of("Date,Country,Exchange rate\n2025-03-01,China,7.24g3\n") ==
        "h10.csv:2:18: Exchange rate: '7.24g3' is not a rate (expected digits with an optional decimal point, or '.')");
  CHECK(error_of("Date,Country,Exchange rate\n2025-3-01,China,7.2493\n") ==
        "h10.csv:2:1: Date: '2025-3-01' is not a date (expected YYYY-MM-DD)");
  auto unknown = parse_fred_h10_csv("Date,Country,Exchange rate\n2025-03-01,Atlantis,7.2493\n", "h10.csv");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == Errc::unknown_currency);
  CHECK(unknown.error().message == "h10.csv:2:12: Country: no currency known for 'Atlantis'");
  CHECK(error_of("Date,Country,Exchange rate\n2025-03-01,China,7.2493\n2025-03-01,Euro,0.9248\n2025-03-01,China,7.25\n") ==
        "h10.csv:4:1: a second China rate for 2025-03-01 (the first is on line 2)");
}
