#include "finmetrics/time/parse_period.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using finmetrics::Date;
using finmetrics::Errc;
using finmetrics::FiscalCalendar;
using finmetrics::FiscalNaming;
using finmetrics::parse_period;
using finmetrics::Period;
using finmetrics::PeriodContext;

namespace {

const PeriodContext none{};
const PeriodContext calendar{FiscalCalendar::calendar_year(), std::nullopt};
const PeriodContext alibaba{FiscalCalendar{date::March}, std::nullopt};
const PeriodContext japan{FiscalCalendar::japan(), std::nullopt};
const PeriodContext india{FiscalCalendar::india(), std::nullopt};
const PeriodContext microsoft{FiscalCalendar{date::June}, std::nullopt};
const PeriodContext federal{FiscalCalendar::us_federal(), std::nullopt};
const PeriodContext january{FiscalCalendar{date::January}, std::nullopt};  // Walmart-style

struct Accept {
  const char* text;
  PeriodContext context;
  Period expected;
};

void check_accepts(const std::vector<Accept>& cases) {
  for (const auto& c : cases) {
    INFO("'" << c.text << "'");
    const auto r = parse_period(c.text, c.context);
    if (!r) FAIL(r.error().describe());
    CHECK(*r == c.expected);
  }
}

struct Reject {
  const char* text;
  PeriodContext context;
  Errc code;
  std::size_t position;
  const char* message;
};

void check_rejects(const std::vector<Reject>& cases) {
  for (const auto& c : cases) {
    INFO("'" << c.text << "'");
    const auto r = parse_period(c.text, c.context);
    if (r) FAIL("read as " << *r);
    CHECK(r.error().code == c.code);
    CHECK(r.error().message == c.message);
    CHECK(r.error().input == c.text);
    CHECK(r.error().position == c.position);
  }
}

std::string span(const finmetrics::Result<Period>& r) {
  if (!r) return "error: " + r.error().message;
  return fmt::format("{} {}..{}", *r, r->first_day(), r->last_day());
}

}  // namespace

TEST_CASE("Alibaba's FY2025 Q3 in every way it is written is 2024-10-01..2024-12-31", "[time][parse]") {
  CHECK(span(parse_period("FY2025 Q3", alibaba)) == "FY2025 Q3 2024-10-01..2024-12-31");
  const Period q3 = Period::fiscal_quarter(FiscalCalendar{date::March}, 2025, 3);
  check_accepts({
      {"FY2025 Q3", alibaba, q3},
      {"FY25 Q3", alibaba, q3},
      {"FY2025Q3", alibaba, q3},
      {"3QFY25", alibaba, q3},
      {"3Q FY25", alibaba, q3},
      {"3QFY2025", alibaba, q3},
      {"Q3 FY2025", alibaba, q3},
      {"Q3 FY25", alibaba, q3},
      {"Q3FY25", alibaba, q3},
      {"FY2025 3Q", alibaba, q3},
      {"FY 2025 Q3", alibaba, q3},
      {"fy2025 q3", alibaba, q3},
      {"  FY2025 Q3  ", alibaba, q3},
      {"Q3 fiscal 2025", alibaba, q3},
      {"Q3 of fiscal 2025", alibaba, q3},
      {"fiscal 2025 Q3", alibaba, q3},
      {"FY2024-25 Q3", alibaba, q3},
      {"Q3 FY2024-25", alibaba, q3},
      {"December quarter 2024", alibaba, q3},
      {"the December quarter of 2024", alibaba, q3},
      {"Dec quarter 2024", alibaba, q3},
      {"quarter ended December 31, 2024", alibaba, q3},
      {"quarter ending December 31 2024", alibaba, q3},
      {"the quarter ended December 2024", alibaba, q3},
      {"three months ended December 31, 2024", alibaba, q3},
  });
}

TEST_CASE("fiscal years and halves as written", "[time][parse]") {
  const FiscalCalendar march = FiscalCalendar{date::March};
  const Period fy = Period::fiscal_year(march, 2025);
  const Period h1 = Period::fiscal_half(march, 2025, 1);
  check_accepts({
      {"FY2025", alibaba, fy},
      {"FY25", alibaba, fy},
      {"fiscal 2025", alibaba, fy},
      {"Fiscal year 2025", alibaba, fy},
      {"FY2024-25", alibaba, fy},
      {"FY2024/25", alibaba, fy},
      {"FY24-25", alibaba, fy},
      {"FY2024-2025", alibaba, fy},
      {"FY2024\xE2\x80\x93" "25", alibaba, fy},  // en dash
      {"FY2025 H1", alibaba, h1},
      {"FY2025H1", alibaba, h1},
      {"H1 FY25", alibaba, h1},
      {"1HFY25", alibaba, h1},
      {"1H FY2025", alibaba, h1},
      {"FY2025 2H", alibaba, Period::fiscal_half(march, 2025, 2)},
  });
  CHECK(span(parse_period("FY2024-25", alibaba)) == "FY2025 2024-04-01..2025-03-31");
  CHECK(span(parse_period("1HFY25", alibaba)) == "FY2025 H1 2024-04-01..2024-09-30");
}

TEST_CASE("fiscal names read by each calendar's year-end and naming", "[time][parse]") {
  CHECK(span(parse_period("FY2025 Q1", microsoft)) == "FY2025 Q1 2024-07-01..2024-09-30");
  CHECK(span(parse_period("Q2 FY25", microsoft)) == "FY2025 Q2 2024-10-01..2024-12-31");
  CHECK(span(parse_period("FY2025 Q1", federal)) == "FY2025 Q1 2024-10-01..2024-12-31");
  CHECK(span(parse_period("FY2025", federal)) == "FY2025 2024-10-01..2025-09-30");
  // Japan names a year by its start: FY2024 starts 2024-04-01.
  CHECK(span(parse_period("FY2024", japan)) == "FY2024 2024-04-01..2025-03-31");
  CHECK(span(parse_period("FY2024 Q3", japan)) == "FY2024 Q3 2024-10-01..2024-12-31");
  CHECK(span(parse_period("3Q FY2024", japan)) == "FY2024 Q3 2024-10-01..2024-12-31");
  CHECK(span(parse_period("FY2024-25", japan)) == "FY2024 2024-04-01..2025-03-31");
  CHECK(span(parse_period("December quarter 2024", japan)) == "FY2024 Q3 2024-10-01..2024-12-31");
  // India writes both years, and FY25 for the year ending in 2025.
  CHECK(span(parse_period("FY2024-25", india)) == "FY2024-25 2024-04-01..2025-03-31");
  CHECK(span(parse_period("FY25", india)) == "FY2024-25 2024-04-01..2025-03-31");
  CHECK(span(parse_period("FY2024-25 Q3", india)) == "FY2024-25 Q3 2024-10-01..2024-12-31");
  CHECK(span(parse_period("Q3 FY2024-25", india)) == "FY2024-25 Q3 2024-10-01..2024-12-31");
  CHECK(span(parse_period("Q4 FY25", india)) == "FY2024-25 Q4 2025-01-01..2025-03-31");
  // A December year-end: FY names the calendar year, as a fiscal period.
  CHECK(span(parse_period("FY2024", calendar)) == "FY2024 2024-01-01..2024-12-31");
  CHECK(span(parse_period("FY2024 Q4", calendar)) == "FY2024 Q4 2024-10-01..2024-12-31");
  CHECK(parse_period("FY2024 Q4", calendar)->kind() == finmetrics::PeriodKind::fiscal_quarter);
  // Quarters of a January year-end (Walmart) end in January, April, July and October.
  CHECK(span(parse_period("quarter ended April 30, 2024", january)) == "FY2025 Q1 2024-02-01..2024-04-30");
  CHECK(span(parse_period("FY2025", january)) == "FY2025 2024-02-01..2025-01-31");
}

TEST_CASE("unmarked quarters and halves are calendar ones without a fiscal calendar or with December",
          "[time][parse]") {
  CHECK(span(parse_period("2025Q3", none)) == "2025Q3 2025-07-01..2025-09-30");
  const Period q2 = Period::quarter(2024, 2);
  const Period h1 = Period::half(2025, 1);
  check_accepts({
      {"2024Q2", none, q2},
      {"2024Q2", calendar, q2},
      {"2024-Q2", none, q2},
      {"2024 Q2", none, q2},
      {"Q2 2024", none, q2},
      {"Q2 2024", calendar, q2},
      {"q2 2024", none, q2},
      {"Q2 24", none, q2},
      {"2Q24", none, q2},
      {"2Q24", calendar, q2},
      {"2Q 2024", none, q2},
      {"June quarter 2024", none, q2},
      {"quarter ended June 30, 2024", calendar, q2},
      {"H1 2025", none, h1},
      {"H1 2025", calendar, h1},
      {"1H25", none, h1},
      {"1H 2025", none, h1},
      {"2025H1", none, h1},
      {"2025-H1", none, h1},
      {"December quarter 2024", none, Period::quarter(2024, 4)},
      {"December quarter 2024", calendar, Period::quarter(2024, 4)},
      {"the December quarter of 2024", none, Period::quarter(2024, 4)},
      {"quarter ended December 31, 2024", none, Period::quarter(2024, 4)},
      {"quarter ended March 31, 2025", none, Period::quarter(2025, 1)},
      {"three months ended September 30, 2024", none, Period::quarter(2024, 3)},
  });
}

TEST_CASE("year-first 2025Q3 and 2025H1 are calendar periods even under a fiscal calendar", "[time][parse]") {
  check_accepts({
      {"2025Q3", alibaba, Period::quarter(2025, 3)},
      {"2025Q3", japan, Period::quarter(2025, 3)},
      {"2025-Q3", microsoft, Period::quarter(2025, 3)},
      {"2025H1", alibaba, Period::half(2025, 1)},
  });
}

TEST_CASE("years, months and days are calendar periods under any calendar", "[time][parse]") {
  check_accepts({
      {"2024", none, Period::calendar_year(2024)},
      {"2024", alibaba, Period::calendar_year(2024)},
      {"2024-12", none, Period::month(2024, 12)},
      {"2024-12", alibaba, Period::month(2024, 12)},
      {"December 2024", none, Period::month(2024, 12)},
      {"december 2024", alibaba, Period::month(2024, 12)},
      {"Dec 2024", none, Period::month(2024, 12)},
      {"Dec. 2024", none, Period::month(2024, 12)},
      {"Sept 2024", none, Period::month(2024, 9)},
      {"December, 2024", none, Period::month(2024, 12)},
      {"2025-03-28", none, Period::day(Date{2025, 3, 28})},
      {"2025-03-28", alibaba, Period::day(Date{2025, 3, 28})},
      {"March 28, 2025", none, Period::day(Date{2025, 3, 28})},
      {"February 29 2024", none, Period::day(Date{2024, 2, 29})},
  });
}

TEST_CASE("two-digit years are 2000-2099, or the century around the reference date", "[time][parse]") {
  const FiscalCalendar march = FiscalCalendar{date::March};
  check_accepts({
      {"FY99", alibaba, Period::fiscal_year(march, 2099)},
      {"FY99", PeriodContext{march, Date{2025, 1, 1}}, Period::fiscal_year(march, 1999)},
      {"FY25", PeriodContext{march, Date{2025, 1, 1}}, Period::fiscal_year(march, 2025)},
      {"FY74", PeriodContext{march, Date{2025, 1, 1}}, Period::fiscal_year(march, 2074)},
      {"FY75", PeriodContext{march, Date{2025, 1, 1}}, Period::fiscal_year(march, 1975)},
      {"4Q98", PeriodContext{std::nullopt, Date{2010, 6, 30}}, Period::quarter(1998, 4)},
      {"FY99-00", PeriodContext{FiscalCalendar::india(), Date{2010, 6, 30}},
       Period::fiscal_year(FiscalCalendar::india(), 2000)},
  });
}

TEST_CASE("every canonical name reads back as its period with the period's calendar", "[time][parse]") {
  const std::vector<Period> periods{
      Period::day(Date{2025, 3, 28}),
      Period::month(2024, 12),
      Period::quarter(2024, 4),
      Period::half(2025, 1),
      Period::calendar_year(2024),
      Period::fiscal_quarter(FiscalCalendar{date::March}, 2025, 3),
      Period::fiscal_half(FiscalCalendar{date::March}, 2025, 2),
      Period::fiscal_year(FiscalCalendar{date::March}, 2025),
      Period::fiscal_quarter(FiscalCalendar::japan(), 2024, 4),
      Period::fiscal_year(FiscalCalendar::india(), 2025),
      Period::fiscal_half(FiscalCalendar::india(), 2000, 1),
      Period::fiscal_quarter(FiscalCalendar::calendar_year(), 2024, 1),
      Period::fiscal_quarter(FiscalCalendar{date::January}, 2025, 2),
  };
  for (const auto& p : periods) {
    INFO(p.to_string());
    const auto r = parse_period(p.to_string(), PeriodContext{p.calendar(), std::nullopt});
    if (!r) FAIL(r.error().describe());
    CHECK(*r == p);
  }
}

TEST_CASE("fiscal names without a fiscal calendar are ambiguous", "[time][parse]") {
  check_rejects({
      {"FY2025 Q3", none, Errc::ambiguous, 0, "fiscal period 'FY2025 Q3' needs a fiscal calendar"},
      {"3QFY25", none, Errc::ambiguous, 2, "fiscal period '3QFY25' needs a fiscal calendar"},
      {"Q3 FY25", none, Errc::ambiguous, 3, "fiscal period 'Q3 FY25' needs a fiscal calendar"},
      {"FY2025", none, Errc::ambiguous, 0, "fiscal period 'FY2025' needs a fiscal calendar"},
      {"fiscal 2025", none, Errc::ambiguous, 0, "fiscal period 'fiscal 2025' needs a fiscal calendar"},
      {"FY2024-25", none, Errc::ambiguous, 0, "fiscal period 'FY2024-25' needs a fiscal calendar"},
  });
}

TEST_CASE("unmarked quarters and halves under a fiscal year not ending in December are ambiguous",
          "[time][parse]") {
  check_rejects({
      {"Q3 2024", alibaba, Errc::ambiguous, 0,
       "quarter 'Q3 2024' is ambiguous with a fiscal year ending March: write 'FY2024 Q3' for the fiscal "
       "quarter or '2024Q3' for the calendar quarter"},
      {"2Q24", microsoft, Errc::ambiguous, 0,
       "quarter '2Q24' is ambiguous with a fiscal year ending June: write 'FY2024 Q2' for the fiscal "
       "quarter or '2024Q2' for the calendar quarter"},
      {"H1 2025", japan, Errc::ambiguous, 0,
       "half 'H1 2025' is ambiguous with a fiscal year ending March: write 'FY2025 H1' for the fiscal "
       "half or '2025H1' for the calendar half"},
  });
}

TEST_CASE("quarters named by a month must end where a quarter ends", "[time][parse]") {
  check_rejects({
      {"April quarter 2024", none, Errc::ambiguous, 0,
       "period 'April quarter 2024' is not a calendar quarter (those end in March, June, September and "
       "December): a quarter ending in April needs a fiscal calendar"},
      {"December quarter 2024", january, Errc::invalid_date, 0,
       "invalid period 'December quarter 2024': a fiscal year ending January has quarters ending in "
       "January, April, July and October"},
      {"quarter ended December 30, 2024", none, Errc::invalid_date, 23,
       "invalid period 'quarter ended December 30, 2024': a quarter ends on the last day of a month, "
       "December 31"},
      {"quarter ended February 28, 2024", none, Errc::invalid_date, 23,
       "invalid period 'quarter ended February 28, 2024': a quarter ends on the last day of a month, "
       "February 29"},
  });
}

TEST_CASE("periods that do not exist", "[time][parse]") {
  check_rejects({
      {"Q5 2024", none, Errc::invalid_date, 1,
       "invalid period 'Q5 2024': quarter 5 does not exist (quarters are 1 to 4)"},
      {"FY2025 Q0", alibaba, Errc::invalid_date, 8,
       "invalid period 'FY2025 Q0': quarter 0 does not exist (quarters are 1 to 4)"},
      {"5QFY25", alibaba, Errc::invalid_date, 0,
       "invalid period '5QFY25': quarter 5 does not exist (quarters are 1 to 4)"},
      {"H3 2025", none, Errc::invalid_date, 1,
       "invalid period 'H3 2025': half 3 does not exist (halves are 1 and 2)"},
      {"2024Q5", none, Errc::invalid_date, 5,
       "invalid period '2024Q5': quarter 5 does not exist (quarters are 1 to 4)"},
      {"2024-13", none, Errc::invalid_date, 5,
       "invalid period '2024-13': month 13 does not exist (months are 01 to 12)"},
      {"2024-25", none, Errc::invalid_date, 5,
       "invalid period '2024-25': month 25 does not exist (months are 01 to 12); a split fiscal year is "
       "written 'FY2024-25'"},
      {"FY2024-26", india, Errc::invalid_date, 7,
       "invalid period 'FY2024-26': 2024 and 26 are not consecutive years"},
      {"FY2024-25", calendar, Errc::invalid_date, 7,
       "invalid period 'FY2024-25': a fiscal year ending December lies within one calendar year"},
      {"February 30, 2025", none, Errc::invalid_date, 9,
       "invalid period 'February 30, 2025': February 2025 has 28 days"},
  });
}

TEST_CASE("ISO dates are read by parse_date, positions counted in the whole name", "[time][parse]") {
  check_rejects({
      {"2025-02-30", none, Errc::invalid_date, 8, "invalid date '2025-02-30': February 2025 has 28 days"},
      {" 2025-02-30", none, Errc::invalid_date, 9, "invalid date '2025-02-30': February 2025 has 28 days"},
      {"2025-3-28", none, Errc::invalid_date, 6, "invalid date '2025-3-28': expected YYYY-MM-DD"},
  });
}

TEST_CASE("text that is no period name says what was expected, and where", "[time][parse]") {
  const std::string forms =
      "expected a name like 'FY2025 Q3', 'Q3 FY25', '3QFY25', 'Q3 2024', '2024Q3', "
      "'December quarter 2024', 'H1 2025', 'FY2025', 'FY2024-25', 'fiscal 2025', '2024', "
      "'2024-12', 'December 2024' or '2025-03-28'";
  const std::string empty_message = "unrecognised period '': " + forms;
  const std::string blank_message = "unrecognised period '   ': " + forms;
  const std::string next_message = "unrecognised period 'next quarter': " + forms;
  check_rejects({
      {"", none, Errc::syntax, 0, empty_message.c_str()},
      {"   ", none, Errc::syntax, 3, blank_message.c_str()},
      {"next quarter", none, Errc::syntax, 0, next_message.c_str()},
      {"FY", alibaba, Errc::syntax, 2, "unrecognised period 'FY': expected a year after 'FY'"},
      {"FY Q3", alibaba, Errc::syntax, 3, "unrecognised period 'FY Q3': expected a year after 'FY', found 'Q'"},
      {"FY202 Q3", alibaba, Errc::syntax, 2,
       "unrecognised period 'FY202 Q3': expected a 2- or 4-digit year, found '202'"},
      {"FY2025 Q3 results", alibaba, Errc::syntax, 10,
       "unrecognised period 'FY2025 Q3 results': unexpected 'results' after 'FY2025 Q3'"},
      {"Q3", none, Errc::syntax, 2, "unrecognised period 'Q3': expected a year after 'Q3'"},
      {"Q 2024", none, Errc::syntax, 2,
       "unrecognised period 'Q 2024': expected a quarter number 1-4, found '2024'"},
      {"December", none, Errc::syntax, 8, "unrecognised period 'December': expected a 4-digit year after 'December'"},
      {"December 24", none, Errc::syntax, 9,
       "unrecognised period 'December 24': expected a 4-digit year, found '24'"},
      {"quarter 2024", none, Errc::syntax, 8,
       "unrecognised period 'quarter 2024': expected 'ended' or 'ending' after 'quarter', found '2024'"},
      {"2025 #", none, Errc::syntax, 5, "unrecognised period '2025 #': unexpected character '#'"},
      {"2025\xE5\xB9\xB4", none, Errc::syntax, 4, "unrecognised period '2025\xE5\xB9\xB4': unexpected character '\xE5\xB9\xB4'"},
  });
}

TEST_CASE("an error describes itself with its column", "[time][parse]") {
  const auto r = parse_period("3QFY25", none);
  REQUIRE_FALSE(r);
  CHECK(r.error().describe() == "'3QFY25' at column 3: fiscal period '3QFY25' needs a fiscal calendar");
}

TEST_CASE("a fiscal year outside 1 to 9999 is refused, not mis-named", "[time][parse_period]") {
  // Found by fuzz_parse_period: FY0000 under India's split naming was named 'FY-001-00'
  // (`india`: the file's context of FiscalCalendar::india()).
  const auto r = parse_period("FY0000", india);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_date);
  CHECK(r.error().position == 0);
  CHECK(r.error().message == "invalid period 'FY0000': fiscal year 0 is out of range (1 to 9999)");
  const auto first = parse_period("FY0000-01", india);
  REQUIRE(first);
  CHECK(first->to_string() == "FY0000-01");
  CHECK(parse_period(first->to_string(), india).value() == *first);
}
