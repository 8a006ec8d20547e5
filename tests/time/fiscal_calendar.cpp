#include "finmetrics/time/fiscal_calendar.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using finmetrics::Date;
using finmetrics::FiscalCalendar;
using finmetrics::FiscalNaming;

TEST_CASE("predefined fiscal calendars end in their month and name years their way", "[time][fiscal]") {
  CHECK(FiscalCalendar::calendar_year().end_month() == date::December);
  CHECK(FiscalCalendar::calendar_year().first_month() == date::January);
  CHECK(FiscalCalendar::calendar_year().is_calendar_year());
  CHECK(FiscalCalendar{date::March} == FiscalCalendar{date::March, FiscalNaming::end_year});
  CHECK(FiscalCalendar{date::March}.first_month() == date::April);
  CHECK_FALSE(FiscalCalendar{date::March}.is_calendar_year());
  CHECK(FiscalCalendar::japan() == FiscalCalendar{date::March, FiscalNaming::start_year});
  CHECK(FiscalCalendar::india() == FiscalCalendar{date::March, FiscalNaming::split});
  CHECK(FiscalCalendar{date::June} == FiscalCalendar{date::June, FiscalNaming::end_year});
  CHECK(FiscalCalendar::us_federal() == FiscalCalendar{date::September});
  CHECK(FiscalCalendar::us_federal().first_month() == date::October);
  CHECK(FiscalCalendar{date::March} != FiscalCalendar::japan());
  static_assert(FiscalCalendar{date::March}.end_month() == date::March);
}

TEST_CASE("a fiscal calendar needs a real month, and split naming a year across two calendar years",
          "[time][fiscal]") {
  CHECK_THROWS_AS(FiscalCalendar{date::month{13}}, std::invalid_argument);
  CHECK_THROWS_AS(FiscalCalendar{date::month{0}}, std::invalid_argument);
  CHECK_THROWS_WITH((FiscalCalendar{date::December, FiscalNaming::split}),
                    "FiscalCalendar: split naming needs a fiscal year that spans two calendar years, "
                    "not one ending in December");
}

TEST_CASE("fiscal year boundaries follow the end month and the naming", "[time][fiscal]") {
  // Alibaba: FY2025 ends 2025-03-31.
  CHECK(FiscalCalendar{date::March}.first_day_of_year(2025) == Date{2024, 4, 1});
  CHECK(FiscalCalendar{date::March}.last_day_of_year(2025) == Date{2025, 3, 31});
  // Japan: FY2024 starts 2024-04-01.
  CHECK(FiscalCalendar::japan().first_day_of_year(2024) == Date{2024, 4, 1});
  CHECK(FiscalCalendar::japan().last_day_of_year(2024) == Date{2025, 3, 31});
  // India: label 2025 is FY2024-25.
  CHECK(FiscalCalendar::india().first_day_of_year(2025) == Date{2024, 4, 1});
  CHECK(FiscalCalendar::india().last_day_of_year(2025) == Date{2025, 3, 31});
  CHECK(FiscalCalendar{date::June}.first_day_of_year(2025) == Date{2024, 7, 1});
  CHECK(FiscalCalendar{date::June}.last_day_of_year(2025) == Date{2025, 6, 30});
  CHECK(FiscalCalendar::calendar_year().first_day_of_year(2024) == Date{2024, 1, 1});
  CHECK(FiscalCalendar::calendar_year().last_day_of_year(2024) == Date{2024, 12, 31});
  const FiscalCalendar december_start{date::December, FiscalNaming::start_year};
  CHECK(december_start.first_day_of_year(2024) == Date{2024, 1, 1});
  CHECK(december_start.last_day_of_year(2024) == Date{2024, 12, 31});
}

TEST_CASE("year_of gives the label of the fiscal year containing a day", "[time][fiscal]") {
  CHECK(FiscalCalendar{date::March}.year_of(Date{2024, 3, 31}) == 2024);
  CHECK(FiscalCalendar{date::March}.year_of(Date{2024, 4, 1}) == 2025);
  CHECK(FiscalCalendar{date::March}.year_of(Date{2024, 12, 31}) == 2025);
  CHECK(FiscalCalendar::japan().year_of(Date{2024, 4, 1}) == 2024);
  CHECK(FiscalCalendar::japan().year_of(Date{2025, 3, 31}) == 2024);
  CHECK(FiscalCalendar::india().year_of(Date{2024, 4, 1}) == 2025);
  CHECK(FiscalCalendar::us_federal().year_of(Date{2024, 10, 1}) == 2025);
  CHECK(FiscalCalendar::us_federal().year_of(Date{2024, 9, 30}) == 2024);
  CHECK(FiscalCalendar::calendar_year().year_of(Date{2024, 12, 31}) == 2024);
  CHECK_THROWS_AS(FiscalCalendar{date::March}.year_of(Date{2025, 2, 30}), std::invalid_argument);
}

TEST_CASE("fiscal year names", "[time][fiscal]") {
  CHECK(FiscalCalendar{date::March}.year_name(2025) == "FY2025");
  CHECK(FiscalCalendar::japan().year_name(2024) == "FY2024");
  CHECK(FiscalCalendar::india().year_name(2025) == "FY2024-25");
  CHECK(FiscalCalendar::india().year_name(2000) == "FY1999-00");
  CHECK(FiscalCalendar{date::March}.describe() == "a fiscal year ending March, named by its end year");
  CHECK(FiscalCalendar::japan().describe() == "a fiscal year ending March, named by its start year");
  CHECK(FiscalCalendar::india().describe() == "a fiscal year ending March, named by both years");
}
