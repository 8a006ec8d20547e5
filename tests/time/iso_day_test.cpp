// The one ISO date reader (time/detail/iso_day.hpp) against date.h on every day
// of years 0000..9999 and on near misses; parse_date and the FX loaders read
// through it, so they accept exactly the same texts.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "finmetrics/time/date.hpp"
#include "finmetrics/time/detail/iso_day.hpp"

using namespace finmetrics;

TEST_CASE("read_iso_day: every day of years 0000 to 9999, as date.h counts them", "[time][iso_day]") {
  std::size_t days = 0, mismatches = 0;
  for (int y = 0; y <= 9999; y += (y < 2200 ? 1 : 7)) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned d = 1; d <= 31; ++d) {
        const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
        const std::string text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        std::int32_t n = 0;
        const bool read = detail::read_iso_day(text, n);
        if (read != ymd.ok() || (read && date::sys_days{date::days{n}} != date::sys_days{ymd})) ++mismatches;
        const auto parsed = parse_date(text);
        if (parsed.has_value() != ymd.ok() || (parsed && parsed->ymd() != ymd)) ++mismatches;
        days += ymd.ok() ? 1 : 0;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(days > 800000);
}

TEST_CASE("read_iso_day: near misses are refused, parse_date says why", "[time][iso_day]") {
  std::int32_t n = 0;
  for (const char* text : {"2025-02-29", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "2025-01-1",
                           "2025/01/01", "2025-01-01 ", " 2025-01-01", "20250101", "2025-01-0x", "", "2100-02-29",
                           "1900-02-29", "+025-01-01", "2025-04-31"}) {
    CHECK_FALSE(detail::read_iso_day(text, n));
    CHECK_FALSE(parse_date(text).has_value());
  }
  REQUIRE(detail::read_iso_day("2000-02-29", n));
  CHECK(n == 11016);
  REQUIRE(detail::read_iso_day("1970-01-01", n));
  CHECK(n == 0);
  REQUIRE(detail::read_iso_day("0000-01-01", n));
  CHECK(n == -719528);
  CHECK(parse_date("2025-02-29").error().message == "invalid date '2025-02-29': February 2025 has 28 days");
}
