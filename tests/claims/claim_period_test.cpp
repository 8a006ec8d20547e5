// Claim periods: single periods, first..last windows, relative windows.
#include <catch2/catch.hpp>

#include "finmetrics/claims/claim_period.hpp"

using namespace finmetrics;

TEST_CASE("a window of fiscal quarters spans from the first day of the first to the last day of the last",
          "[claims][period]") {
  const auto p = parse_claim_period("FY2024 Q3..FY2025 Q3", FiscalCalendar{date::March});
  REQUIRE(p);
  CHECK(p->is_window());
  CHECK(p->first_day() == Date{2023, 10, 1});
  CHECK(p->last_day() == Date{2024, 12, 31});
  CHECK(p->canonical() == "FY2024 Q3..FY2025 Q3");
}

TEST_CASE("a single period is its own first and last", "[claims][period]") {
  const auto p = parse_claim_period("FY2025 Q1", FiscalCalendar{date::March});
  REQUIRE(p);
  CHECK_FALSE(p->is_window());
  CHECK(p->first_day() == Date{2024, 4, 1});
  CHECK(p->last_day() == Date{2024, 6, 30});
  const auto d = parse_claim_period("2020-10-27", FiscalCalendar{date::March});
  REQUIRE(d);
  CHECK(d->is_day());
}

TEST_CASE("this year runs from January 1 to the as-of date", "[claims][period]") {
  const auto p = parse_claim_period("this year", FiscalCalendar{date::March}, Date{2025, 3, 28});
  REQUIRE(p);
  CHECK(p->first_day() == Date{2025, 1, 1});
  CHECK(p->last_day() == Date{2025, 3, 28});
  const auto no_date = parse_claim_period("this year", FiscalCalendar{date::March});
  REQUIRE_FALSE(no_date);
  CHECK(no_date.error().message == "relative period 'this year' needs the claim's as_of date");
}

TEST_CASE("a window that runs backwards is an error", "[claims][period]") {
  const auto p = parse_claim_period("FY2025..FY2024", FiscalCalendar{date::March});
  REQUIRE_FALSE(p);
  CHECK(p.error().message == "window 'FY2025..FY2024' runs backwards");
  CHECK(p.error().position == 6);
}
