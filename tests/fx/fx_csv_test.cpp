// The plain long loader: date,base,quote,rate.

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/fx_csv.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}; }

std::string error_of(std::string_view text) {
  auto t = parse_fx_csv(text, "rates.csv");
  REQUIRE_FALSE(t);
  return t.error().message;
}

}  // namespace

TEST_CASE("A long file loads one series per pair and finds its pivot", "[fx][csv]") {
  const std::string_view text =
      "date,base,quote,rate\r\n"
      "2025-03-31,EUR,USD,1.0815\r\n"
      "2025-03-28,EUR,USD,1.0797\r\n"
      "2025-03-28,EUR,CNY,7.8445\r\n"
      "\r\n"
      "2025-03-28,EUR,HKD,8.3988\r\n";
  auto t = parse_fx_csv(text, "/some/dir/rates.csv");
  REQUIRE(t);
  CHECK(t->pivot() == EUR);  // in every pair
  CHECK(t->series().size() == 3);
  REQUIRE(t->fixings(USD).size() == 2);
  CHECK(t->fixings(USD)[0] == Fixing{day(2025, 3, 28), "1.0797"_dec});  // sorted by date
  CHECK(t->find(EUR, USD)->source == "rates.csv");
  CHECK(t->find(EUR, USD)->periodicity == Periodicity::unspecified);

  auto cross = t->on(day(2025, 3, 28), CNY, USD);
  REQUIRE(cross);
  CHECK(cross->numerator().to_string() == "1.0797");
  CHECK(cross->denominator().to_string() == "7.8445");
  CHECK(cross->fixings()[0].source == "rates.csv");
  auto hkd = t->on(day(2025, 3, 28), CNY, HKD);
  REQUIRE(hkd);
  CHECK(hkd->value(10).to_string() == "1.070660973");
}

TEST_CASE("The long loader's pivot: given, inferred, or none", "[fx][csv]") {
  const std::string_view chained =
      "date,base,quote,rate\n"
      "2025-03-28,EUR,USD,1.0797\n"
      "2025-03-28,USD,CNY,7.2655\n";
  // USD is in every pair, so it is the pivot: EUR -> USD -> CNY.
  auto t = parse_fx_csv(chained, "m.csv");
  REQUIRE(t);
  CHECK(t->pivot() == USD);
  auto r = t->on(day(2025, 3, 28), EUR, CNY);
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.84456035");  // 1.0797 x 7.2655
  CHECK(r->denominator().to_string() == "1");

  auto given = parse_fx_csv(chained, "m.csv", {EUR, "mine", Periodicity::daily});
  REQUIRE(given);
  CHECK(given->pivot() == EUR);
  CHECK(given->find(EUR, USD)->source == "mine");
  CHECK(given->find(EUR, USD)->periodicity == Periodicity::daily);
  auto no_leg = given->on(day(2025, 3, 28), USD, CNY);  // a direct pair: the pivot is not needed
  REQUIRE(no_leg);
  CHECK(no_leg->numerator().to_string() == "7.2655");
  auto through_eur = given->on(day(2025, 3, 28), EUR, CNY);
  REQUIRE_FALSE(through_eur);
  CHECK(through_eur.error().message == "no CNY rate in the table (pivot EUR)");

  auto disjoint = parse_fx_csv("date,base,quote,rate\n2025-03-28,EUR,USD,1.0797\n2025-03-28,CNY,HKD,1.0706\n", "d.csv");
  REQUIRE(disjoint);
  CHECK_FALSE(disjoint->pivot());

  // A spreadsheet's UTF-8 byte order mark before the header is ignored.
  auto single = parse_fx_csv("\xEF\xBB\xBF" "date,base,quote,rate\n2025-03-28,USD,CNY,7.2655\n", "s.csv");
  REQUIRE(single);
  CHECK(single->pivot() == USD);
}

TEST_CASE("A curated long file names the source of every fixing in a fifth column", "[fx][csv]") {
  auto t = parse_fx_csv("date,base,quote,rate,source\n2025-03-28,EUR,USD,1.0797,ECB reference rate 2025-03-28\n"
                        "2025-03-28,EUR,CNY,7.8445,ECB reference rate 2025-03-28\n",
                        "curated.csv");
  REQUIRE(t);
  CHECK(t->pivot() == EUR);
  auto r = t->on(day(2025, 3, 28), USD, CNY);
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.8445");
  CHECK(r->denominator().to_string() == "1.0797");
  CHECK(error_of("date,base,quote,rate,source\n2025-03-28,EUR,USD,1.0797,\n") ==
        "rates.csv:2:27: source: empty (each curated fixing names its source)");
  CHECK(error_of("date,base,quote,rate,source\n2025-03-28,EUR,USD,1.0797\n") ==
        "rates.csv:2: expected 5 fields (date,base,quote,rate,source), read 4");
}

TEST_CASE("Malformed long files are refused with file, line and column", "[fx][csv]") {
  CHECK(error_of("Date,Base,Quote,Rate\n") ==
        "rates.csv:1:1: expected the header 'date,base,quote,rate' or 'date,base,quote,rate,source', read "
        "'Date,Base,Quote,Rate'");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,USD\n") ==
        "rates.csv:2: expected 4 fields (date,base,quote,rate), read 3");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,CNY,7,8445\n") ==
        "rates.csv:2: expected 4 fields (date,base,quote,rate), read 5");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,USD,1.0797\n2025-03-31,EUR,USD,1.08.15\n") ==
        "rates.csv:3:20: rate: '1.08.15' is not a rate (expected digits with an optional decimal point)");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,USD,\n") ==
        "rates.csv:2:20: rate: '' is not a rate (expected digits with an optional decimal point)");
  auto date = parse_fx_csv("date,base,quote,rate\n2025-04-31,EUR,USD,1.08\n", "rates.csv");
  REQUIRE_FALSE(date);
  CHECK(date.error().code == Errc::invalid_date);
  CHECK(date.error().message == "rates.csv:2:1: date: '2025-04-31' is not a calendar date");
  auto code = parse_fx_csv("date,base,quote,rate\n2025-03-28,EUR,usd,1.08\n", "rates.csv");
  REQUIRE_FALSE(code);
  CHECK(code.error().code == Errc::unknown_currency);
  CHECK(code.error().message == "rates.csv:2:16: quote: unknown currency 'usd' (ISO codes are upper case: 'USD')");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,EUR,1\n") == "rates.csv:2:16: quote: base and quote are both EUR");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,USD,1.0797\n2025-03-31,USD,EUR,0.9246\n") ==
        "rates.csv:3:1: USD/EUR is the pair EUR/USD of line 2 the other way round (state each pair in one direction)");
  CHECK(error_of("date,base,quote,rate\n2025-03-28,EUR,USD,1.0797\n2025-03-28,EUR,USD,1.0798\n") ==
        "rates.csv:3:1: a second EUR/USD rate for 2025-03-28 (the first is on line 2)");
  auto missing = load_fx_csv("/nonexistent/rates.csv");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::io);
}
