#include "finmetrics/series/time_series.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

TEST_CASE("a series keeps keys sorted and unique, with missing distinct from absent") {
  PeriodSeries s(metrics::revenue(), Unit::money(CNY), scales::million);
  s.set(Period::quarter(2024, 3), "29610"_dec);
  s.set(Period::quarter(2024, 1), std::nullopt, "not reported");
  s.set(Period::quarter(2024, 2), "26549"_dec);
  REQUIRE(s.size() == 3);
  CHECK(s.key(0) == Period::quarter(2024, 1));
  CHECK(s.key(2) == Period::quarter(2024, 3));
  CHECK(s.count_present() == 2);
  // Missing: the key is there, its value is not known.
  REQUIRE(s.find(Period::quarter(2024, 1)) != nullptr);
  CHECK_FALSE(s.find(Period::quarter(2024, 1))->has_value());
  CHECK(s.source(0) == "not reported");
  CHECK(s.source(1).empty());
  // Absent: the key is not there at all.
  CHECK(s.find(Period::quarter(2024, 4)) == nullptr);
  CHECK_FALSE(s.at(Period::quarter(2024, 4)).has_value());
  // set replaces.
  s.set(Period::quarter(2024, 1), "25000"_dec);
  CHECK(s.at(Period::quarter(2024, 1)) == "25000"_dec);
  CHECK(s.source(0).empty());
}

TEST_CASE("append accepts only keys after the last") {
  DateSeries s(metrics::ads_price(), Unit::money(USD, Per::ads));
  s.append(Date{2025, 5, 16}, "123.46"_dec);
  CHECK_THROWS_WITH(s.append(Date{2025, 5, 16}, "1"_dec),
                    "TimeSeries::append: key 2025-05-16 is not after the last key 2025-05-16");
  CHECK_THROWS_AS(s.append(Date{2025, 5, 15}, "1"_dec), std::invalid_argument);
}

TEST_CASE("a fiscal quarter and the calendar quarter over the same days are different keys") {
  PeriodSeries s(metrics::revenue(), Unit::money(CNY));
  s.set(Period::quarter(2024, 4), "1"_dec);
  s.set(Period::fiscal_quarter(FiscalCalendar{date::March}, 2025, 3), "2"_dec);
  CHECK(s.size() == 2);
  CHECK(select_kind(s, PeriodKind::fiscal_quarter).size() == 1);
  CHECK(select_kind(s, PeriodKind::fiscal_quarter).value(0) == "2"_dec);
}

TEST_CASE("a date series becomes a series of one-day periods") {
  DateSeries s(metrics::ads_price(), Unit::money(USD, Per::ads));
  s.append(Date{2025, 5, 16}, "123.46"_dec);
  const PeriodSeries p = to_period_series(s);
  CHECK(p.key(0) == Period::day(Date{2025, 5, 16}));
  CHECK(p.value(0) == "123.46"_dec);
  CHECK(p.unit() == s.unit());
}
