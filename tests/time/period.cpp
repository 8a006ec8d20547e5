#include "finmetrics/time/period.hpp"

#include <stdexcept>
#include <string>
#include <unordered_set>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using finmetrics::Date;
using finmetrics::FiscalCalendar;
using finmetrics::FiscalNaming;
using finmetrics::Period;
using finmetrics::PeriodKind;

namespace {

/// "FY2025 Q3 2024-10-01..2024-12-31 (92 days)": name, span and length at once.
std::string show(const Period& p) {
  return fmt::format("{} {}..{} ({} days)", p, p.first_day(), p.last_day(), p.days());
}

struct Expect {
  const char* what;
  Period period;
  const char* shown;
};

void check_all(const std::initializer_list<Expect>& cases) {
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(show(c.period) == c.shown);
  }
}

const FiscalCalendar march = FiscalCalendar{date::March};
const FiscalCalendar june = FiscalCalendar{date::June};
const FiscalCalendar september = FiscalCalendar::us_federal();
const FiscalCalendar december = FiscalCalendar::calendar_year();

}  // namespace

TEST_CASE("March year-end named by end year (Alibaba): FY2025 is 2024-04-01..2025-03-31", "[time][period]") {
  check_all({
      {"year", Period::fiscal_year(march, 2025), "FY2025 2024-04-01..2025-03-31 (365 days)"},
      {"Q1", Period::fiscal_quarter(march, 2025, 1), "FY2025 Q1 2024-04-01..2024-06-30 (91 days)"},
      {"Q2", Period::fiscal_quarter(march, 2025, 2), "FY2025 Q2 2024-07-01..2024-09-30 (92 days)"},
      {"Q3", Period::fiscal_quarter(march, 2025, 3), "FY2025 Q3 2024-10-01..2024-12-31 (92 days)"},
      {"Q4", Period::fiscal_quarter(march, 2025, 4), "FY2025 Q4 2025-01-01..2025-03-31 (90 days)"},
      {"H1", Period::fiscal_half(march, 2025, 1), "FY2025 H1 2024-04-01..2024-09-30 (183 days)"},
      {"H2", Period::fiscal_half(march, 2025, 2), "FY2025 H2 2024-10-01..2025-03-31 (182 days)"},
      {"leap Q4", Period::fiscal_quarter(march, 2024, 4), "FY2024 Q4 2024-01-01..2024-03-31 (91 days)"},
      {"leap year", Period::fiscal_year(march, 2024), "FY2024 2023-04-01..2024-03-31 (366 days)"},
  });
}

TEST_CASE("June year-end named by end year (Microsoft): FY2025 Q1 is 2024-07-01..2024-09-30", "[time][period]") {
  check_all({
      {"year", Period::fiscal_year(june, 2025), "FY2025 2024-07-01..2025-06-30 (365 days)"},
      {"Q1", Period::fiscal_quarter(june, 2025, 1), "FY2025 Q1 2024-07-01..2024-09-30 (92 days)"},
      {"Q2", Period::fiscal_quarter(june, 2025, 2), "FY2025 Q2 2024-10-01..2024-12-31 (92 days)"},
      {"Q3", Period::fiscal_quarter(june, 2025, 3), "FY2025 Q3 2025-01-01..2025-03-31 (90 days)"},
      {"Q4", Period::fiscal_quarter(june, 2025, 4), "FY2025 Q4 2025-04-01..2025-06-30 (91 days)"},
      {"H2", Period::fiscal_half(june, 2025, 2), "FY2025 H2 2025-01-01..2025-06-30 (181 days)"},
  });
}

TEST_CASE("September year-end named by end year (Apple, US federal): FY2025 Q1 is 2024-10-01..2024-12-31",
          "[time][period]") {
  check_all({
      {"year", Period::fiscal_year(september, 2025), "FY2025 2024-10-01..2025-09-30 (365 days)"},
      {"Q1", Period::fiscal_quarter(september, 2025, 1), "FY2025 Q1 2024-10-01..2024-12-31 (92 days)"},
      {"Q2", Period::fiscal_quarter(september, 2025, 2), "FY2025 Q2 2025-01-01..2025-03-31 (90 days)"},
      {"Q4", Period::fiscal_quarter(september, 2025, 4), "FY2025 Q4 2025-07-01..2025-09-30 (92 days)"},
      {"H1", Period::fiscal_half(september, 2025, 1), "FY2025 H1 2024-10-01..2025-03-31 (182 days)"},
  });
}

TEST_CASE("December year-end: the fiscal year is the calendar year", "[time][period]") {
  check_all({
      {"year", Period::fiscal_year(december, 2024), "FY2024 2024-01-01..2024-12-31 (366 days)"},
      {"Q1", Period::fiscal_quarter(december, 2024, 1), "FY2024 Q1 2024-01-01..2024-03-31 (91 days)"},
      {"Q4", Period::fiscal_quarter(december, 2024, 4), "FY2024 Q4 2024-10-01..2024-12-31 (92 days)"},
      {"H2", Period::fiscal_half(december, 2024, 2), "FY2024 H2 2024-07-01..2024-12-31 (184 days)"},
      {"start-named",
       Period::fiscal_year(FiscalCalendar{date::December, FiscalNaming::start_year}, 2024),
       "FY2024 2024-01-01..2024-12-31 (366 days)"},
  });
}

TEST_CASE("years named by their start year (Japan): FY2024 is 2024-04-01..2025-03-31", "[time][period]") {
  const FiscalCalendar june_start{date::June, FiscalNaming::start_year};
  const FiscalCalendar september_start{date::September, FiscalNaming::start_year};
  check_all({
      {"March year", Period::fiscal_year(FiscalCalendar::japan(), 2024), "FY2024 2024-04-01..2025-03-31 (365 days)"},
      {"March Q1", Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 1),
       "FY2024 Q1 2024-04-01..2024-06-30 (91 days)"},
      {"March Q3", Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 3),
       "FY2024 Q3 2024-10-01..2024-12-31 (92 days)"},
      {"March Q4", Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 4),
       "FY2024 Q4 2025-01-01..2025-03-31 (90 days)"},
      {"June year", Period::fiscal_year(june_start, 2024), "FY2024 2024-07-01..2025-06-30 (365 days)"},
      {"June Q1", Period::fiscal_quarter(june_start, 2024, 1), "FY2024 Q1 2024-07-01..2024-09-30 (92 days)"},
      {"September year", Period::fiscal_year(september_start, 2024), "FY2024 2024-10-01..2025-09-30 (365 days)"},
      {"September Q1", Period::fiscal_quarter(september_start, 2024, 1),
       "FY2024 Q1 2024-10-01..2024-12-31 (92 days)"},
  });
}

TEST_CASE("split names (India): FY2024-25 is 2024-04-01..2025-03-31", "[time][period]") {
  const FiscalCalendar june_split{date::June, FiscalNaming::split};
  const FiscalCalendar september_split{date::September, FiscalNaming::split};
  check_all({
      {"March year", Period::fiscal_year(FiscalCalendar::india(), 2025), "FY2024-25 2024-04-01..2025-03-31 (365 days)"},
      {"March Q3", Period::fiscal_quarter(FiscalCalendar::india(), 2025, 3),
       "FY2024-25 Q3 2024-10-01..2024-12-31 (92 days)"},
      {"March H2", Period::fiscal_half(FiscalCalendar::india(), 2025, 2),
       "FY2024-25 H2 2024-10-01..2025-03-31 (182 days)"},
      {"June year", Period::fiscal_year(june_split, 2025), "FY2024-25 2024-07-01..2025-06-30 (365 days)"},
      {"June Q1", Period::fiscal_quarter(june_split, 2025, 1), "FY2024-25 Q1 2024-07-01..2024-09-30 (92 days)"},
      {"September year", Period::fiscal_year(september_split, 2025),
       "FY2024-25 2024-10-01..2025-09-30 (365 days)"},
  });
}

TEST_CASE("calendar periods and their canonical names", "[time][period]") {
  check_all({
      {"day", Period::day(Date{2025, 3, 28}), "2025-03-28 2025-03-28..2025-03-28 (1 days)"},
      {"month", Period::month(2024, 12), "2024-12 2024-12-01..2024-12-31 (31 days)"},
      {"leap February", Period::month(2024, 2), "2024-02 2024-02-01..2024-02-29 (29 days)"},
      {"quarter", Period::quarter(2024, 4), "2024Q4 2024-10-01..2024-12-31 (92 days)"},
      {"leap quarter", Period::quarter(2024, 1), "2024Q1 2024-01-01..2024-03-31 (91 days)"},
      {"half", Period::half(2025, 1), "H1 2025 2025-01-01..2025-06-30 (181 days)"},
      {"leap half", Period::half(2024, 1), "H1 2024 2024-01-01..2024-06-30 (182 days)"},
      {"year", Period::calendar_year(2024), "2024 2024-01-01..2024-12-31 (366 days)"},
      {"common year", Period::calendar_year(2025), "2025 2025-01-01..2025-12-31 (365 days)"},
  });
}

TEST_CASE("a period knows its kind, calendar, year and index", "[time][period]") {
  const Period q3 = Period::fiscal_quarter(march, 2025, 3);
  CHECK(q3.kind() == PeriodKind::fiscal_quarter);
  CHECK(q3.calendar() == march);
  CHECK(q3.is_fiscal());
  CHECK(q3.year() == 2025);
  CHECK(q3.index() == 3);
  const Period india = Period::fiscal_half(FiscalCalendar::india(), 2025, 2);
  CHECK(india.year() == 2025);
  CHECK(india.index() == 2);
  const Period japan = Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 4);
  CHECK(japan.year() == 2024);
  CHECK(japan.index() == 4);
  const Period cq = Period::quarter(2024, 4);
  CHECK(cq.kind() == PeriodKind::quarter);
  CHECK(cq.calendar() == FiscalCalendar::calendar_year());
  CHECK_FALSE(cq.is_fiscal());
  CHECK(cq.year() == 2024);
  CHECK(cq.index() == 4);
  CHECK(Period::month(2024, 12).index() == 12);
  CHECK(Period::calendar_year(2024).index() == 1);
  CHECK(Period::day(Date{2024, 12, 31}).index() == 366);
  CHECK(Period::day(Date{2025, 3, 28}).index() == 87);
  CHECK(Period::day(Date{2025, 3, 28}).kind() == PeriodKind::day);
}

TEST_CASE("the period of a kind containing a day", "[time][period]") {
  using K = PeriodKind;
  CHECK(Period::containing(K::fiscal_quarter, Date{2024, 11, 15}, march) == Period::fiscal_quarter(march, 2025, 3));
  CHECK(Period::containing(K::fiscal_year, Date{2025, 3, 31}, march) == Period::fiscal_year(march, 2025));
  CHECK(Period::containing(K::fiscal_year, Date{2025, 4, 1}, march) == Period::fiscal_year(march, 2026));
  CHECK(Period::containing(K::fiscal_half, Date{2024, 10, 1}, march) == Period::fiscal_half(march, 2025, 2));
  CHECK(Period::containing(K::fiscal_quarter, Date{2025, 2, 10}, FiscalCalendar::japan()) ==
        Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 4));
  CHECK(Period::containing(K::fiscal_quarter, Date{2024, 7, 1}, june) == Period::fiscal_quarter(june, 2025, 1));
  CHECK(Period::containing(K::quarter, Date{2024, 11, 15}) == Period::quarter(2024, 4));
  CHECK(Period::containing(K::quarter, Date{2024, 11, 15}, march) == Period::quarter(2024, 4));
  CHECK(Period::containing(K::half, Date{2024, 6, 30}) == Period::half(2024, 1));
  CHECK(Period::containing(K::month, Date{2024, 2, 29}) == Period::month(2024, 2));
  CHECK(Period::containing(K::year, Date{2024, 2, 29}) == Period::calendar_year(2024));
  CHECK(Period::containing(K::day, Date{2024, 2, 29}) == Period::day(Date{2024, 2, 29}));
  CHECK_THROWS_AS(Period::containing(K::quarter, Date{2025, 2, 29}), std::invalid_argument);
}

TEST_CASE("previous and next cross year boundaries", "[time][period]") {
  CHECK(show(Period::fiscal_quarter(march, 2025, 4).next()) == "FY2026 Q1 2025-04-01..2025-06-30 (91 days)");
  CHECK(show(Period::fiscal_quarter(march, 2025, 1).previous()) == "FY2024 Q4 2024-01-01..2024-03-31 (91 days)");
  CHECK(show(Period::fiscal_quarter(march, 2025, 3).next()) == "FY2025 Q4 2025-01-01..2025-03-31 (90 days)");
  CHECK(show(Period::fiscal_half(march, 2025, 2).next()) == "FY2026 H1 2025-04-01..2025-09-30 (183 days)");
  CHECK(show(Period::fiscal_year(march, 2025).next()) == "FY2026 2025-04-01..2026-03-31 (365 days)");
  CHECK(show(Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 4).next()) ==
        "FY2025 Q1 2025-04-01..2025-06-30 (91 days)");
  CHECK(show(Period::fiscal_quarter(FiscalCalendar::india(), 2025, 4).next()) ==
        "FY2025-26 Q1 2025-04-01..2025-06-30 (91 days)");
  CHECK(show(Period::fiscal_quarter(september, 2025, 1).previous()) ==
        "FY2024 Q4 2024-07-01..2024-09-30 (92 days)");
  CHECK(Period::quarter(2024, 4).next() == Period::quarter(2025, 1));
  CHECK(Period::quarter(2025, 1).previous() == Period::quarter(2024, 4));
  CHECK(Period::month(2024, 12).next() == Period::month(2025, 1));
  CHECK(Period::month(2025, 1).previous() == Period::month(2024, 12));
  CHECK(Period::half(2024, 2).next() == Period::half(2025, 1));
  CHECK(Period::half(2025, 1).previous() == Period::half(2024, 2));
  CHECK(Period::calendar_year(2024).next() == Period::calendar_year(2025));
  CHECK(Period::day(Date{2024, 12, 31}).next() == Period::day(Date{2025, 1, 1}));
  CHECK(Period::day(Date{2024, 3, 1}).previous() == Period::day(Date{2024, 2, 29}));
}

TEST_CASE("year_ago is the same period a year earlier", "[time][period]") {
  CHECK(show(Period::fiscal_quarter(march, 2025, 3).year_ago()) == "FY2024 Q3 2023-10-01..2023-12-31 (92 days)");
  CHECK(show(Period::fiscal_quarter(march, 2025, 4).year_ago()) == "FY2024 Q4 2024-01-01..2024-03-31 (91 days)");
  CHECK(show(Period::fiscal_year(FiscalCalendar::india(), 2025).year_ago()) ==
        "FY2023-24 2023-04-01..2024-03-31 (366 days)");
  CHECK(Period::quarter(2024, 1).year_ago() == Period::quarter(2023, 1));
  CHECK(Period::half(2025, 1).year_ago() == Period::half(2024, 1));
  CHECK(Period::month(2024, 12).year_ago() == Period::month(2023, 12));
  CHECK(Period::calendar_year(2024).year_ago() == Period::calendar_year(2023));
  CHECK(Period::day(Date{2025, 3, 28}).year_ago() == Period::day(Date{2024, 3, 28}));
  CHECK(Period::day(Date{2024, 2, 29}).year_ago() == Period::day(Date{2023, 2, 28}));
}

TEST_CASE("contains days and periods by span, whatever the kind", "[time][period]") {
  const Period q3 = Period::fiscal_quarter(march, 2025, 3);
  CHECK(q3.contains(Date{2024, 10, 1}));
  CHECK(q3.contains(Date{2024, 12, 31}));
  CHECK_FALSE(q3.contains(Date{2024, 9, 30}));
  CHECK_FALSE(q3.contains(Date{2025, 1, 1}));
  CHECK_FALSE(q3.contains(Date{2024, 11, 31}));
  const Period fy = Period::fiscal_year(march, 2025);
  CHECK(fy.contains(Period::quarter(2024, 4)));
  CHECK(fy.contains(q3));
  CHECK(fy.contains(Period::day(Date{2025, 3, 31})));
  CHECK(fy.contains(fy));
  CHECK_FALSE(fy.contains(Period::quarter(2025, 2)));
  CHECK_FALSE(fy.contains(Period::calendar_year(2024)));
  CHECK(Period::quarter(2024, 4).contains(q3));
  CHECK(q3.contains(Period::quarter(2024, 4)));
  CHECK_FALSE(q3.contains(fy));
}

TEST_CASE("periods with the same days but different kinds or calendars are different", "[time][period]") {
  CHECK(Period::quarter(2024, 4) != Period::fiscal_quarter(march, 2025, 3));
  CHECK(Period::fiscal_year(march, 2025) != Period::fiscal_year(FiscalCalendar::india(), 2025));
  CHECK(Period::fiscal_year(march, 2025).first_day() == Period::fiscal_year(FiscalCalendar::japan(), 2024).first_day());
  CHECK(Period::fiscal_year(march, 2025) != Period::fiscal_year(FiscalCalendar::japan(), 2024));
  CHECK(Period::quarter(2024, 4) < Period::quarter(2025, 1));
  CHECK(Period::day(Date{2024, 10, 1}) < Period::month(2024, 10));
}

TEST_CASE("period factories reject numbers outside their range", "[time][period]") {
  CHECK_THROWS_AS(Period::quarter(2024, 5), std::out_of_range);
  CHECK_THROWS_AS(Period::quarter(2024, 0), std::out_of_range);
  CHECK_THROWS_AS(Period::half(2024, 3), std::out_of_range);
  CHECK_THROWS_AS(Period::month(2024, 13), std::out_of_range);
  CHECK_THROWS_AS(Period::fiscal_quarter(march, 2025, 5), std::out_of_range);
  CHECK_THROWS_WITH(Period::fiscal_half(march, 2025, 0), "Period::fiscal_half: 0 is not 1-2");
  CHECK_THROWS_WITH(Period::day(Date{2025, 2, 30}), "Period::day: 2025-02-30 is not a valid date");
}

TEST_CASE("periods key unordered containers by what == compares", "[time][period]") {
  std::unordered_set<Period> seen{Period::quarter(2024, 4), Period::fiscal_quarter(march, 2025, 3)};
  CHECK(seen.size() == 2);
  CHECK(seen.count(Period::containing(PeriodKind::quarter, Date{2024, 11, 1})) == 1);
  CHECK(seen.count(Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 3)) == 0);
}
