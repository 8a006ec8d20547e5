// FxTable on a small hand-made table: routes, exact and as-of look-ups, averages.

#include <stdexcept>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/fx_table.hpp"

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

// Thursday 2025-03-27, Friday 28, Monday 31, Tuesday 2025-04-01 (made-up rates);
// CNY is missing on the Friday, USD on the Tuesday.
FxTable small_table() {
  FxTable t(EUR);
  t.add(FxSeries{EUR, USD, "test", Periodicity::daily,
                 {{day(2025, 3, 27), "1.08"_dec}, {day(2025, 3, 28), "1.09"_dec}, {day(2025, 3, 31), "1.10"_dec}}});
  t.add(FxSeries{EUR, CNY, "test", Periodicity::daily,
                 {{day(2025, 3, 27), "7.80"_dec}, {day(2025, 3, 31), "7.90"_dec}, {day(2025, 4, 1), "7.95"_dec}}});
  return t;
}

}  // namespace

TEST_CASE("Series are found as published and against the pivot", "[fx][table]") {
  const FxTable t = small_table();
  CHECK(t.pivot() == EUR);
  REQUIRE(t.series().size() == 2);
  CHECK(t.series()[0].quote == CNY);  // ordered by (base, quote)
  CHECK(t.find(EUR, USD) != nullptr);
  CHECK(t.find(USD, EUR) == nullptr);
  CHECK(t.against_pivot(USD) == t.find(EUR, USD));
  CHECK(t.against_pivot(EUR) == nullptr);
  CHECK(t.against_pivot(JPY) == nullptr);
  REQUIRE(t.fixings(CNY).size() == 3);
  CHECK(t.fixings(CNY)[1] == Fixing{day(2025, 3, 31), "7.90"_dec});
  CHECK(t.fixings(JPY).empty());
}

TEST_CASE("Adding a broken series throws", "[fx][table]") {
  FxTable t = small_table();
  CHECK_THROWS_AS(t.add(FxSeries{USD, EUR, "x", Periodicity::daily, {{day(2025, 3, 27), "0.9"_dec}}}),
                  std::invalid_argument);  // the pair is there the other way round
  CHECK_THROWS_AS(t.add(FxSeries{EUR, EUR, "x", Periodicity::daily, {{day(2025, 3, 27), "1"_dec}}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(t.add(FxSeries{EUR, JPY, "x", Periodicity::daily, {}}), std::invalid_argument);
  CHECK_THROWS_AS(t.add(FxSeries{EUR, JPY, "x", Periodicity::daily,
                                 {{day(2025, 3, 28), "160"_dec}, {day(2025, 3, 27), "161"_dec}}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(t.add(FxSeries{EUR, JPY, "x", Periodicity::daily,
                                 {{day(2025, 3, 27), "160"_dec}, {day(2025, 3, 27), "160"_dec}}}),
                  std::invalid_argument);
  CHECK_THROWS_AS(t.add(FxSeries{EUR, JPY, "x", Periodicity::daily, {{day(2025, 3, 27), "0"_dec}}}),
                  std::invalid_argument);
}

TEST_CASE("on() needs every leg published on that very day", "[fx][table]") {
  const FxTable t = small_table();
  auto r = t.on(day(2025, 3, 31), USD, CNY);
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.90");
  CHECK(r->denominator().to_string() == "1.10");
  CHECK(r->date() == day(2025, 3, 31));

  auto missing = t.on(day(2025, 3, 28), USD, CNY);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::no_rate);
  CHECK(missing.error().input == "USD/CNY");
  CHECK(missing.error().message == "no CNY fixing on 2025-03-28 (previous fixing 2025-03-27)");

  auto early = t.on(day(2025, 3, 1), EUR, USD);
  REQUIRE_FALSE(early);
  CHECK(early.error().message == "no USD fixing on 2025-03-01 (first fixing 2025-03-27)");
}

TEST_CASE("as_of() takes each leg's own latest fixing", "[fx][table]") {
  const FxTable t = small_table();
  auto r = t.as_of(day(2025, 3, 28), USD, CNY);  // USD of the 28th, CNY of the 27th
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "7.80");
  CHECK(r->denominator().to_string() == "1.09");
  CHECK(r->fixings()[0].date == day(2025, 3, 28));
  CHECK(r->fixings()[1].date == day(2025, 3, 27));
  CHECK(r->date() == day(2025, 3, 28));

  auto tuesday = t.as_of(day(2025, 4, 1), CNY, USD);
  REQUIRE(tuesday);
  CHECK(tuesday->numerator().to_string() == "1.10");
  CHECK(tuesday->denominator().to_string() == "7.95");
}

TEST_CASE("as_of() refuses a fixing older than the staleness limit", "[fx][table]") {
  const FxTable t = small_table();
  auto r = t.as_of(day(2025, 4, 8), USD, EUR);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::no_rate);
  CHECK(r.error().message == "latest EUR/USD fixing 2025-03-31 is 8 days before 2025-04-08 (limit 7 days)");
  CHECK(t.as_of(day(2025, 4, 7), USD, EUR));  // 7 days: still within the limit
  auto one = t.as_of(day(2025, 4, 2), EUR, CNY, date::days{0});
  REQUIRE_FALSE(one);
  CHECK(one.error().message == "latest EUR/CNY fixing 2025-04-01 is 1 day before 2025-04-02 (limit 0 days)");
  CHECK(t.as_of(day(2025, 4, 8), USD, EUR, date::days{8}));
}

TEST_CASE("Identity needs no fixing; unknown currencies are named", "[fx][table]") {
  const FxTable t = small_table();
  auto same = t.as_of(day(1990, 1, 1), JPY, JPY);
  REQUIRE(same);
  CHECK(same->kind() == FxRateKind::identity);
  CHECK(same->value(3).to_string() == "1.00");

  auto jpy = t.as_of(day(2025, 3, 28), USD, JPY);
  REQUIRE_FALSE(jpy);
  CHECK(jpy.error().message == "no JPY rate in the table (pivot EUR)");
}

TEST_CASE("Without a pivot only direct pairs and their inverses resolve", "[fx][table]") {
  FxTable t;
  t.add(FxSeries{EUR, USD, "test", Periodicity::daily, {{day(2025, 3, 28), "1.0797"_dec}}});
  t.add(FxSeries{USD, CNY, "test", Periodicity::daily, {{day(2025, 3, 28), "7.2655"_dec}}});
  auto inverse = t.on(day(2025, 3, 28), CNY, USD);
  REQUIRE(inverse);
  CHECK(inverse->denominator().to_string() == "7.2655");
  auto cross = t.on(day(2025, 3, 28), EUR, CNY);
  REQUIRE_FALSE(cross);
  CHECK(cross.error().message == "no EUR/CNY series in the table, and no pivot to cross through");
}

TEST_CASE("average() is the mean of the daily rates on which every leg is published", "[fx][table]") {
  const FxTable t = small_table();
  // Common days: 03-27 (7.80 / 1.08) and 03-31 (7.90 / 1.10); the mean is 713/99.
  // The range reaches 3 days before the first and 4 after the last: covered.
  auto r = t.average(USD, CNY, day(2025, 3, 24), day(2025, 4, 4));
  REQUIRE(r);
  CHECK(r->kind() == FxRateKind::average);
  CHECK_FALSE(r->is_exact());
  CHECK(r->numerator().to_string() == "7.202020202");
  CHECK(r->denominator().to_string() == "1");
  REQUIRE(r->averaging());
  CHECK(r->averaging()->count == 2);
  CHECK(r->averaging()->first_fixing == day(2025, 3, 27));
  CHECK(r->averaging()->last_fixing == day(2025, 3, 31));
  CHECK(r->averaging()->first_requested == day(2025, 3, 24));
  CHECK(r->averaging()->last_requested == day(2025, 4, 4));
  CHECK(r->averaging()->significant_digits == 10);
  CHECK(r->averaging()->max_staleness == date::days{7});
  CHECK_FALSE(r->averaging()->partial);
  CHECK(r->to_string() ==
        "USD/CNY on 2025-04-04 = 7.202020202 / 1 (average of 2 rates from 2025-03-27 to 2025-03-31 over "
        "2025-03-24..2025-04-04, covered: first 3 days after the start, last 4 days before the end (limit 7 days), "
        "10 significant digits half_even: EUR/USD 1.08 on 2025-03-27 (test), EUR/CNY 7.80 on 2025-03-27 (test), "
        "EUR/USD 1.10 on 2025-03-31 (test), EUR/CNY 7.90 on 2025-03-31 (test))");
  REQUIRE(r->fixings().size() == 4);  // both legs on the first day, then on the last
  CHECK(r->fixings()[1] == FxFixing{day(2025, 3, 27), EUR, CNY, "7.80"_dec, "test", Periodicity::daily});
  CHECK(r->fixings()[2] == FxFixing{day(2025, 3, 31), EUR, USD, "1.10"_dec, "test", Periodicity::daily});

  auto precise = t.average(USD, CNY, day(2025, 3, 24), day(2025, 4, 4), rounded(20, Rounding::half_even));
  REQUIRE(precise);
  CHECK(precise->value(20).to_string() == "7.2020202020202020202");

  // The other direction is its own mean: (1.08 / 7.80 + 1.10 / 7.90) / 2.
  auto back = t.average(CNY, USD, day(2025, 3, 24), day(2025, 4, 4));
  REQUIRE(back);
  CHECK(back->numerator().to_string() == "0.1388510224");
}

TEST_CASE("average() of a direct series rounds once, as asked", "[fx][table]") {
  const FxTable t = small_table();
  // (1.08 + 1.09 + 1.10) / 3 = 1.09 exactly.
  auto r = t.average(EUR, USD, day(2025, 3, 27), day(2025, 3, 31));
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "1.090000000");
  // (1.09 + 1.10) / 2 = 1.095: a tie at 3 digits.
  CHECK(t.average(EUR, USD, day(2025, 3, 28), day(2025, 4, 1), rounded(3, Rounding::half_even))->numerator().to_string() ==
        "1.10");
  CHECK(t.average(EUR, USD, day(2025, 3, 28), day(2025, 4, 1), rounded(3, Rounding::half_down))->numerator().to_string() ==
        "1.09");
  CHECK(t.average(EUR, USD, day(2025, 3, 28), day(2025, 4, 1), rounded(3, Rounding::down))->numerator().to_string() == "1.09");
  // (7.90 + 7.95) / 2 = 7.925 -> 7.92 half even; (7.80 + 7.90 + 7.95) / 3 = 7.883333...
  CHECK(t.average(EUR, CNY, day(2025, 3, 29), day(2025, 4, 1), rounded(3))->numerator().to_string() == "7.92");
  CHECK(t.average(EUR, CNY, day(2025, 3, 24), day(2025, 4, 1), rounded(4, Rounding::up))->numerator().to_string() == "7.884");
}

TEST_CASE("average() reports empty ranges and days without every leg", "[fx][table]") {
  const FxTable t = small_table();
  auto none = t.average(USD, CNY, day(2025, 3, 28), day(2025, 3, 30));
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::no_rate);
  CHECK(none.error().message == "no day with both USD and CNY fixings from 2025-03-28 to 2025-03-30");
  auto direct = t.average(EUR, USD, day(2025, 4, 1), day(2025, 4, 30));
  REQUIRE_FALSE(direct);
  CHECK(direct.error().message == "no USD fixing from 2025-04-01 to 2025-04-30");
  auto backwards = t.average(EUR, USD, day(2025, 4, 1), day(2025, 3, 1));
  REQUIRE_FALSE(backwards);
  CHECK(backwards.error().code == Errc::out_of_range);
  CHECK(backwards.error().message == "empty date range: 2025-04-01 is after 2025-03-01");
  CHECK_THROWS_AS(t.average(EUR, USD, day(2025, 3, 1), day(2025, 4, 1), rounded(0)), std::invalid_argument);
}

TEST_CASE("average() refuses a range its fixings cover only in part, or marks the mean as partial (issue 14)",
          "[fx][table]") {
  const FxTable t = small_table();
  // USD is published 03-27 to 03-31: a month to 04-30 would be averaged over 3 days.
  auto tail = t.average(EUR, USD, day(2025, 3, 27), day(2025, 4, 30));
  REQUIRE_FALSE(tail);
  CHECK(tail.error().code == Errc::no_rate);
  CHECK(tail.error().input == "EUR/USD");
  CHECK(tail.error().message ==
        "the fixings cover only part of 2025-03-27 to 2025-04-30: 3 rates from 2025-03-27 to 2025-03-31; the last, "
        "2025-03-31, is 30 days before the end (limit 7 days)");
  auto head = t.average(USD, CNY, day(2025, 3, 1), day(2025, 3, 31));
  REQUIRE_FALSE(head);
  CHECK(head.error().message ==
        "the fixings cover only part of 2025-03-01 to 2025-03-31: 2 rates from 2025-03-27 to 2025-03-31; the first, "
        "2025-03-27, is 26 days after the start (limit 7 days)");

  // The limit is an option; the edge is included (30 days allowed at 30).
  FxAverageOptions wide;
  wide.max_staleness = date::days{30};
  auto at_limit = t.average(EUR, USD, day(2025, 3, 27), day(2025, 4, 30), wide);
  REQUIRE(at_limit);
  CHECK(at_limit->numerator().to_string() == "1.090000000");
  CHECK(at_limit->averaging()->max_staleness == date::days{30});
  CHECK_FALSE(at_limit->averaging()->partial);
  wide.max_staleness = date::days{29};
  CHECK_FALSE(t.average(EUR, USD, day(2025, 3, 27), day(2025, 4, 30), wide));

  // Marked instead of refused: the mean of the covered days, flagged and printed so.
  FxAverageOptions mark;
  mark.partial = PartialCoverage::mark;
  auto marked = t.average(EUR, USD, day(2025, 3, 27), day(2025, 4, 30), mark);
  REQUIRE(marked);
  CHECK(marked->numerator().to_string() == "1.090000000");
  REQUIRE(marked->averaging());
  CHECK(marked->averaging()->partial);
  CHECK(marked->averaging()->count == 3);
  CHECK(coverage_text(*marked->averaging()) ==
        "first 0 days after the start, last 30 days before the end (limit 7 days)");
  CHECK(marked->to_string().find("over 2025-03-27..2025-04-30, PARTIAL: first 0 days after the start, last 30 days "
                                 "before the end (limit 7 days)") != std::string::npos);
}

TEST_CASE("average() over monthly fixings allows a month's gap by default", "[fx][table]") {
  // FRED H.10 style: monthly averages dated the 1st.
  FxTable t(USD);
  t.add(FxSeries{USD, CNY, "H.10", Periodicity::monthly,
                 {{day(2025, 1, 1), "7.30"_dec}, {day(2025, 2, 1), "7.28"_dec}, {day(2025, 3, 1), "7.26"_dec}}});
  auto q1 = t.average(USD, CNY, day(2025, 1, 1), day(2025, 3, 31));
  REQUIRE(q1);
  CHECK(q1->numerator().to_string() == "7.280000000");
  CHECK(q1->averaging()->max_staleness == date::days{31});
  auto q2 = t.average(USD, CNY, day(2025, 3, 1), day(2025, 5, 31));
  REQUIRE_FALSE(q2);
  CHECK(q2.error().message ==
        "the fixings cover only part of 2025-03-01 to 2025-05-31: 1 rate from 2025-03-01 to 2025-03-01; the last, "
        "2025-03-01, is 91 days before the end (limit 31 days)");
}

TEST_CASE("as_of() then value(38): the issue 14 reproducer", "[fx][table]") {
  FxTable t(EUR);
  t.add(FxSeries{EUR, USD, "ECB", Periodicity::daily, {{day(2025, 3, 28), "1.0797"_dec}}});
  t.add(FxSeries{EUR, CNY, "ECB", Periodicity::daily, {{day(2025, 3, 28), "7.8445"_dec}}});
  auto r = t.as_of(day(2025, 3, 28), USD, CNY);
  REQUIRE(r);
  CHECK(r->value(37).to_string() == "7.265444104843938130962304343799203482");
  CHECK(r->value(38).to_string() == "7.2654441048439381309623043437992034824");  // threw DecimalOverflow
}
