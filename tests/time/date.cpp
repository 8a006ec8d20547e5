#include "finmetrics/time/date.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using finmetrics::Date;
using finmetrics::Errc;
using finmetrics::parse_date;

namespace {

struct BadDate {
  const char* text;
  std::size_t position;
  const char* message;
};

}  // namespace

TEST_CASE("parse_date reads ISO calendar dates", "[time][date]") {
  CHECK(*parse_date("2025-03-28") == Date{2025, 3, 28});
  CHECK(*parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK(*parse_date("2000-02-29") == Date{2000, 2, 29});
  CHECK(*parse_date("0001-01-01") == Date{1, 1, 1});
  CHECK(*parse_date("9999-12-31") == Date{9999, 12, 31});
}

TEST_CASE("parse_date reports days that do not exist and text that is not YYYY-MM-DD", "[time][date]") {
  const BadDate cases[] = {
      {"2025-02-30", 8, "invalid date '2025-02-30': February 2025 has 28 days"},
      {"2025-02-29", 8, "invalid date '2025-02-29': February 2025 has 28 days"},
      {"1900-02-29", 8, "invalid date '1900-02-29': February 1900 has 28 days"},
      {"2024-02-30", 8, "invalid date '2024-02-30': February 2024 has 29 days"},
      {"2025-04-31", 8, "invalid date '2025-04-31': April 2025 has 30 days"},
      {"2025-04-00", 8, "invalid date '2025-04-00': day 00 does not exist (days start at 01)"},
      {"2025-13-01", 5, "invalid date '2025-13-01': month 13 does not exist (months are 01 to 12)"},
      {"2025-00-10", 5, "invalid date '2025-00-10': month 00 does not exist (months are 01 to 12)"},
      {"2025-3-28", 6, "invalid date '2025-3-28': expected YYYY-MM-DD"},
      {"25-03-28", 2, "invalid date '25-03-28': expected YYYY-MM-DD"},
      {"2025/03/28", 4, "invalid date '2025/03/28': expected YYYY-MM-DD"},
      {"2025-03-28T10:00", 10, "invalid date '2025-03-28T10:00': expected YYYY-MM-DD"},
      {" 2025-03-28", 0, "invalid date ' 2025-03-28': expected YYYY-MM-DD"},
      {"", 0, "invalid date '': expected YYYY-MM-DD"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto r = parse_date(c.text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_date);
    CHECK(r.error().message == c.message);
    CHECK(r.error().input == c.text);
    CHECK(r.error().position == c.position);
  }
}

TEST_CASE("Date holds fields that name no day and says so through ok()", "[time][date]") {
  CHECK(Date{2025, 3, 28}.ok());
  CHECK_FALSE(Date{2025, 2, 30}.ok());
  CHECK_FALSE(Date{2025, 13, 1}.ok());
  CHECK_FALSE(Date{}.ok());
  CHECK(to_string(Date{}) == "0000-00-00");
  CHECK(to_string(Date{2025, 2, 30}) == "2025-02-30");
}

TEST_CASE("Date formats as YYYY-MM-DD", "[time][date]") {
  CHECK(to_string(Date{2025, 3, 28}) == "2025-03-28");
  CHECK(to_string(Date{987, 1, 2}) == "0987-01-02");
  CHECK(fmt::format("{}", Date{2024, 12, 31}) == "2024-12-31");
  CHECK(fmt::format("[{:>12}]", Date{2024, 12, 31}) == "[  2024-12-31]");
}

TEST_CASE("Date moves by days across month, year and leap-day boundaries", "[time][date]") {
  CHECK(Date{2024, 12, 31} + date::days{1} == Date{2025, 1, 1});
  CHECK(date::days{1} + Date{2024, 2, 28} == Date{2024, 2, 29});
  CHECK(Date{2024, 3, 1} - date::days{1} == Date{2024, 2, 29});
  CHECK(Date{2025, 3, 1} - date::days{1} == Date{2025, 2, 28});
  CHECK(Date{2025, 3, 28} + date::days{365} == Date{2026, 3, 28});
  CHECK(Date{2025, 3, 31} - Date{2024, 3, 31} == date::days{365});
  CHECK(Date{2024, 3, 31} - Date{2023, 3, 31} == date::days{366});
  CHECK(Date{2024, 1, 1} - Date{2025, 1, 1} == date::days{-366});
  Date d{2024, 12, 30};
  d += date::days{3};
  CHECK(d == Date{2025, 1, 2});
  d -= date::days{2};
  CHECK(d == Date{2024, 12, 31});
}

TEST_CASE("Date arithmetic on a date that is not ok() throws", "[time][date]") {
  CHECK_THROWS_AS(Date(2025, 2, 30) + date::days{1}, std::invalid_argument);
  CHECK_THROWS_WITH(Date(2025, 2, 30) - Date(2025, 1, 1), "Date -: 2025-02-30 is not a valid date");
}

TEST_CASE("Date converts to and from date::sys_days", "[time][date]") {
  CHECK(date::sys_days{Date{1970, 1, 1}}.time_since_epoch().count() == 0);
  CHECK(date::sys_days{Date{2000, 1, 1}}.time_since_epoch().count() == 10957);
  CHECK(Date{date::sys_days{date::days{10957}}} == Date{2000, 1, 1});
  CHECK(Date{date::year{2024} / date::February / date::last} == Date{2024, 2, 29});
  constexpr Date c{2025, 3, 28};
  static_assert(c.ok());
  static_assert(unsigned{c.day()} == 28);
}

TEST_CASE("Dates order by year, month and day", "[time][date]") {
  CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
  CHECK(Date{2025, 2, 1} > Date{2025, 1, 31});
  CHECK(Date{2025, 1, 1} <= Date{2025, 1, 1});
  CHECK(Date{2025, 1, 1} != Date{2025, 1, 2});
}

TEST_CASE("month_name and days_in_month", "[time][date]") {
  CHECK(finmetrics::month_name(date::January) == "January");
  CHECK(finmetrics::month_name(date::September) == "September");
  CHECK_THROWS_AS(finmetrics::month_name(date::month{13}), std::out_of_range);
  CHECK(finmetrics::days_in_month(date::year{2024}, date::February) == 29);
  CHECK(finmetrics::days_in_month(date::year{2100}, date::February) == 28);
  CHECK(finmetrics::days_in_month(date::year{2025}, date::April) == 30);
}
