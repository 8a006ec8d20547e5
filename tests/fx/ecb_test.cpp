// The ECB loader, on the real historical file and on small malformed texts.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/read_file.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

// Options that round the mean to `digits` (coverage as by default).
FxAverageOptions rounded(int digits, Rounding mode = Rounding::half_even) {
  FxAverageOptions o;
  o.significant_digits = digits;
  o.rounding = mode;
  return o;
}

date::sys_days day(int y, unsigned m, unsigned d) { return date::year_month_day{date::year{y}, date::month{m}, date::day{d}}; }

const char* const ecb_file = "data/fx/ecb-eurofxref-hist.csv";

// Loaded once for the whole run: the tests only read it.
const FxTable& ecb() {
  static const FxTable table = [] {
    auto t = load_ecb_csv(test::shared_path(ecb_file));
    if (!t) FAIL(t.error().message);
    return *t;
  }();
  return table;
}

std::string error_of(std::string_view text) {
  auto t = parse_ecb_csv(text, "ecb.csv");
  REQUIRE_FALSE(t);
  return t.error().message;
}

}  // namespace

TEST_CASE("The ECB file loads as EUR-pivot daily series, oldest first", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  const FxTable& t = ecb();
  CHECK(t.pivot() == EUR);
  CHECK(t.series().size() == 41);  // every column of the header has some rate
  const FxSeries* usd = t.against_pivot(USD);
  REQUIRE(usd != nullptr);
  CHECK(usd->base == EUR);
  CHECK(usd->quote == USD);
  CHECK(usd->source == "ECB");
  CHECK(usd->periodicity == Periodicity::daily);
  REQUIRE(usd->fixings.size() == 6983);  // one per data row
  CHECK(usd->fixings.front() == Fixing{day(1999, 1, 4), "1.1789"_dec});
  CHECK(usd->fixings.back() == Fixing{day(2026, 4, 13), "1.1684"_dec});
  const auto cny = t.fixings(CNY);
  REQUIRE(cny.size() == 5384);  // N/A before 2005-04-01
  CHECK(cny.front() == Fixing{day(2005, 4, 1), "10.7255"_dec});
  // A withdrawn currency keeps its column: Cyprus pound until 2007.
  const FxSeries* cyp = t.against_pivot(Currency{{'C', 'Y', 'P'}});
  REQUIRE(cyp != nullptr);
  CHECK(cyp->fixings.back().date == day(2007, 12, 31));
}

TEST_CASE("USD per CNY on 2025-03-28 is exactly 1.0797 / 7.8445", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  auto r = ecb().on(day(2025, 3, 28), CNY, USD);
  REQUIRE(r);
  CHECK(r->kind() == FxRateKind::derived);
  CHECK(r->numerator().to_string() == "1.0797");
  CHECK(r->denominator().to_string() == "7.8445");
  // python3: Decimal('1.0797') / Decimal('7.8445') at 100 digits = 0.1376378354260947160430...
  CHECK(r->value(17).to_string() == "0.13763783542609472");
  REQUIRE(r->fixings().size() == 2);
  CHECK(r->fixings()[0] == FxFixing{day(2025, 3, 28), EUR, CNY, "7.8445"_dec, "ECB", Periodicity::daily});
  CHECK(r->fixings()[1] == FxFixing{day(2025, 3, 28), EUR, USD, "1.0797"_dec, "ECB", Periodicity::daily});
}

TEST_CASE("ECB direct rates and their inverses", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  auto direct = ecb().on(day(2025, 3, 28), EUR, JPY);
  REQUIRE(direct);
  CHECK(direct->kind() == FxRateKind::direct);
  CHECK(direct->numerator().to_string() == "162.64");
  auto inverse = ecb().on(day(2025, 3, 28), USD, EUR);
  REQUIRE(inverse);
  CHECK(inverse->kind() == FxRateKind::direct);
  CHECK(inverse->numerator().to_string() == "1");
  CHECK(inverse->denominator().to_string() == "1.0797");
  CHECK(inverse->value(10).to_string() == "0.9261831990");
}

TEST_CASE("HKD per CNY is a cross of two ECB columns", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  auto r = ecb().on(day(2025, 3, 28), CNY, HKD);
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "8.3988");
  CHECK(r->denominator().to_string() == "7.8445");
  CHECK(r->value(10).to_string() == "1.070660973");  // 8.3988 / 7.8445 = 1.0706609726560...
}

TEST_CASE("as_of bridges weekends and TARGET holidays", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  const FxTable& t = ecb();
  SECTION("Sunday 2025-03-30 takes Friday 2025-03-28") {
    auto r = t.as_of(day(2025, 3, 30), CNY, USD);
    REQUIRE(r);
    CHECK(r->numerator().to_string() == "1.0797");
    CHECK(r->denominator().to_string() == "7.8445");
    CHECK(r->date() == day(2025, 3, 30));
    CHECK(r->fixings()[0].date == day(2025, 3, 28));
    CHECK(r->fixings()[1].date == day(2025, 3, 28));
  }
  SECTION("Christmas Day 2024 takes Christmas Eve") {
    auto r = t.as_of(day(2024, 12, 25), USD, CNY);
    REQUIRE(r);
    CHECK(r->numerator().to_string() == "7.5843");
    CHECK(r->denominator().to_string() == "1.0395");
    CHECK(r->fixings()[0].date == day(2024, 12, 24));
    CHECK_FALSE(t.on(day(2024, 12, 25), USD, CNY));
  }
  SECTION("Good Friday and Easter Monday 2024 take Maundy Thursday") {
    for (const auto d : {day(2024, 3, 29), day(2024, 4, 1)}) {
      auto r = t.as_of(d, USD, CNY);
      REQUIRE(r);
      CHECK(r->numerator().to_string() == "7.8144");
      CHECK(r->denominator().to_string() == "1.0811");
      CHECK(r->fixings()[1].date == day(2024, 3, 28));
    }
    auto exact = t.on(day(2024, 4, 1), USD, CNY);
    REQUIRE_FALSE(exact);
    CHECK(exact.error().message == "no USD fixing on 2024-04-01 (previous fixing 2024-03-28)");
  }
}

TEST_CASE("No CNY rate before the ECB started publishing it", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  auto r = ecb().as_of(day(2003, 5, 5), USD, CNY);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::no_rate);
  CHECK(r.error().input == "USD/CNY");
  CHECK(r.error().message == "no CNY rate on or before 2003-05-05 (first fixing 2005-04-01)");
}

TEST_CASE("A discontinued or not yet published rate is too stale", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  auto rub = ecb().as_of(day(2022, 6, 1), EUR, RUB);  // suspended after 2022-03-01
  REQUIRE_FALSE(rub);
  CHECK(rub.error().code == Errc::no_rate);
  CHECK(rub.error().message == "latest EUR/RUB fixing 2022-03-01 is 92 days before 2022-06-01 (limit 7 days)");
  auto future = ecb().as_of(day(2026, 4, 23), USD, CNY);
  REQUIRE_FALSE(future);
  CHECK(future.error().message == "latest EUR/USD fixing 2026-04-13 is 10 days before 2026-04-23 (limit 7 days)");
  CHECK(ecb().as_of(day(2026, 4, 23), USD, CNY, date::days{10}));
}

TEST_CASE("The ECB mean of March 2025 is exact before its one rounding", "[fx][ecb]") {
  FINMETRICS_REQUIRE_SHARED(ecb_file);
  // 21 fixings, 2025-03-03 to 2025-03-31. python3 with fractions.Fraction:
  // sum(CNY_d / USD_d) / 21 = 7.25049460693450037964873533248...
  auto r = ecb().average(USD, CNY, day(2025, 3, 1), day(2025, 3, 31));
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.250494607");
  REQUIRE(r->averaging());
  CHECK(r->averaging()->count == 21);
  CHECK(r->averaging()->first_fixing == day(2025, 3, 3));
  CHECK(r->averaging()->last_fixing == day(2025, 3, 31));
  auto precise = ecb().average(USD, CNY, day(2025, 3, 1), day(2025, 3, 31), rounded(30));
  REQUIRE(precise);
  CHECK(precise->numerator().to_string() == "7.25049460693450037964873533248");
  // sum(USD_d) = 22.6943 over 21 days = 1.0806809523809...
  auto eur_usd = ecb().average(EUR, USD, day(2025, 3, 1), day(2025, 3, 31));
  REQUIRE(eur_usd);
  CHECK(eur_usd->numerator().to_string() == "1.080680952");
  // The reverse direction is its own mean: sum(USD_d / CNY_d) / 21 = 0.13792219131569973...
  CHECK(ecb().average(CNY, USD, day(2025, 3, 1), day(2025, 3, 31))->numerator().to_string() == "0.1379221913");
}

TEST_CASE("The ECB layout read from memory: any order, N/A, CRLF, optional trailing comma", "[fx][ecb]") {
  const std::string_view text =
      "Date,USD,JPY,CNY,\r\n"
      "2025-03-28,1.0797,162.64,7.8445,\r\n"
      "2025-03-31,1.0815,161.6,N/A\r\n"
      "\r\n"
      "2025-03-27,1.0785,,7.8361,\r\n";
  auto t = parse_ecb_csv(text, "mem.csv", EcbOptions{"ECB test", {}, true});
  REQUIRE(t);
  REQUIRE(t->fixings(USD).size() == 3);
  CHECK(t->fixings(USD)[0] == Fixing{day(2025, 3, 27), "1.0785"_dec});
  CHECK(t->fixings(USD)[2] == Fixing{day(2025, 3, 31), "1.0815"_dec});
  CHECK(t->fixings(JPY).size() == 2);
  CHECK(t->fixings(CNY).size() == 2);
  CHECK(t->find(EUR, JPY)->source == "ECB test");
  CHECK(t->as_of(day(2025, 3, 31), USD, CNY)->numerator().to_string() == "7.8445");
}

TEST_CASE("Malformed ECB text is refused with file, line and column", "[fx][ecb]") {
  SECTION("a bad number") {
    auto t = parse_ecb_csv("Date,USD,CNY,\n2025-03-31,1.0815,7.8442,\n2025-03-28,1.0x97,7.8445,\n", "ecb.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::syntax);
    CHECK(t.error().line == 3);
    CHECK(t.error().input == "1.0x97");
    CHECK(t.error().message ==
          "ecb.csv:3:12: USD: '1.0x97' is not a rate (expected digits with an optional decimal point, or N/A)");
  }
  SECTION("a negative or zero rate") {
    CHECK(error_of("Date,USD,\n2025-03-28,-1.0797,\n") ==
          "ecb.csv:2:12: USD: '-1.0797' is not a rate (expected digits with an optional decimal point, or N/A)");
    CHECK(error_of("Date,USD,\n2025-03-28,0.000,\n") ==
          "ecb.csv:2:12: USD: '0.000' is not a rate (expected digits with an optional decimal point, or N/A)");
  }
  SECTION("bad dates") {
    auto t = parse_ecb_csv("Date,USD,\n2025-02-30,1.0797,\n", "ecb.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::invalid_date);
    CHECK(t.error().message == "ecb.csv:2:1: Date: '2025-02-30' is not a calendar date");
    CHECK(error_of("Date,USD,\n2025-03-28,1.0797,\n28/03/2025,1.0797,\n") ==
          "ecb.csv:3:1: Date: '28/03/2025' is not a date (expected YYYY-MM-DD)");
  }
  SECTION("a wrong header") {
    auto t = parse_ecb_csv("Datum,USD,\n2025-03-28,1.0797,\n", "ecb.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::csv);
    CHECK(t.error().message ==
          "ecb.csv:1:1: expected 'Date' as the first header field, read 'Datum' (ECB layout: 'Date,USD,JPY,...,')");
    CHECK(error_of("Date,USD,jpy,\n") == "ecb.csv:1:10: header field 3: 'jpy' is not a currency code (expected 3 capital letters)");
    CHECK(error_of("Date,USD,USD,\n") == "ecb.csv:1:10: header field 3: USD is already field 2");
    CHECK(error_of("Date,EUR,\n") == "ecb.csv:1:6: header field 2: EUR is the pivot of the ECB layout, not a column");
    CHECK(error_of("") == "ecb.csv: no header line (ECB layout: 'Date,USD,JPY,...,')");
  }
  SECTION("a missing or extra column") {
    auto t = parse_ecb_csv("Date,USD,JPY,CNY,\n2025-03-28,1.0797,162.64,\n", "ecb.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::csv);
    CHECK(t.error().line == 2);
    CHECK(t.error().message == "ecb.csv:2: expected 4 fields as in the header, read 3");
    CHECK(error_of("Date,USD,\n2025-03-28,1.0797,1.2,\n") == "ecb.csv:2: expected 2 fields as in the header, read 3");
  }
  SECTION("a repeated date") {
    CHECK(error_of("Date,USD,\n2025-03-28,1.0797,\n2025-03-31,1.0815,\n2025-03-28,1.0797,\n") ==
          "ecb.csv:4:1: date 2025-03-28 is already on line 2");
  }
  SECTION("a file that is not there") {
    auto t = load_ecb_csv("/nonexistent/ecb.csv");
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::io);
    CHECK(t.error().message == "cannot open '/nonexistent/ecb.csv': No such file or directory");
  }
}

namespace {

// Every series of `a` and `b` equal: pair, source, and each fixing's day and rate
// (coefficient and exponent: Decimal's ==).
void same_tables(const FxTable& a, const FxTable& b) {
  REQUIRE(a.series().size() == b.series().size());
  for (std::size_t i = 0; i < a.series().size(); ++i) {
    const FxSeries& x = a.series()[i];
    const FxSeries& y = b.series()[i];
    INFO(x.base.code() << "/" << x.quote.code());
    CHECK(x.base == y.base);
    CHECK(x.quote == y.quote);
    CHECK(x.source == y.source);
    CHECK(x.fixings == y.fixings);
  }
}

}  // namespace

// The one-pass row reader (short cells read sixteen bytes at a time) against the
// field-by-field reader, the reference: the same table from the real file, and
// from cells of 1 to 15 characters with the point at every place.
TEST_CASE("The ECB one-pass reader reads every cell as the field-by-field reader", "[fx][ecb]") {
  SECTION("cells of every length, the point anywhere") {
    std::string text = "Date,USD,JPY,GBP,\n";
    const std::string digits = "907153842610359";
    int row = 0;
    for (std::size_t n = 1; n <= 15; ++n) {
      for (std::size_t point = 1; point <= n; ++point) {  // n: no point
        std::string cell = digits.substr(0, n);
        if (point < n) cell.insert(point, ".");
        if (cell.size() > 15) continue;  // the one-pass reader's short cells: fewer than 16 bytes
        const int d = row++;
        text += fmt::format("20{:02}-{:02}-{:02},{},1.5,{},\n", d / 336, d / 28 % 12 + 1, d % 28 + 1, cell, cell);
      }
    }
    REQUIRE(row > 100);
    EcbOptions careful;
    careful.one_pass = false;
    auto fast = parse_ecb_csv(text, "cells.csv");
    auto reference = parse_ecb_csv(text, "cells.csv", careful);
    REQUIRE(fast);
    REQUIRE(reference);
    same_tables(*fast, *reference);
    // Spot checks of the values themselves: the first row's 9, 9071.5, 9.0715384261035, 907153842610359.
    CHECK(fast->fixings(USD).size() == static_cast<std::size_t>(row));
    CHECK(fast->fixings(USD).front() == Fixing{day(2000, 1, 1), "9"_dec});
    for (const auto& value : {"9071.5"_dec, "9.0715384261035"_dec, "907153842610359"_dec})
      CHECK(std::count_if(fast->fixings(GBP).begin(), fast->fixings(GBP).end(),
                          [&](const Fixing& f) { return f.rate == value; }) == 1);
  }
  SECTION("the real file, all columns and a few") {
    FINMETRICS_REQUIRE_SHARED(ecb_file);
    EcbOptions careful;
    careful.one_pass = false;
    EcbOptions few;
    few.only = {USD, CNY, JPY};
    EcbOptions few_careful = few;
    few_careful.one_pass = false;
    const std::string text = read_file(test::shared_path(ecb_file)).value();
    same_tables(*parse_ecb_csv(text, "ecb.csv"), *parse_ecb_csv(text, "ecb.csv", careful));
    same_tables(*parse_ecb_csv(text, "ecb.csv", few), *parse_ecb_csv(text, "ecb.csv", few_careful));
  }
}
