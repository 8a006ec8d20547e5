#pragma once
// How the context reader names periods and windows, shared by the period phrases of a
// sentence (periods.cpp) and their resolution from the document's evidence
// (period_evidence.cpp). Not public API.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics::extract_detail {

// How long after a quarter's end its results are taken to be out, for `the quarter`
// with no quarter stated in the text: most issuers report four to seven weeks after.
constexpr int results_lag_days = 30;

struct PeriodReader {
  std::string_view s;
  std::optional<Date> date;
  std::optional<FiscalCalendar> calendar;  // name quarters in the entity's fiscal calendar

  // A calendar quarter named in the entity's fiscal calendar (one that ends in December
  // names its quarters as the calendar does: `2025Q3`, as its data files write them).
  [[nodiscard]] Period named(const Period& p) const {
    if (calendar && !calendar->is_calendar_year() && p.kind() == PeriodKind::quarter)
      return Period::containing(PeriodKind::fiscal_quarter, p.first_day(), *calendar);
    return p;
  }
  [[nodiscard]] std::string name(const Period& p) const { return named(p).to_string(); }
  [[nodiscard]] std::optional<Period> latest_quarter() const {
    if (!date) return std::nullopt;
    Period q = Period::containing(PeriodKind::quarter, *date).previous();
    // Results come out some weeks after the quarter: the latest reported one.
    while (date::sys_days(q.last_day()) + date::days{results_lag_days} > date::sys_days(*date)) q = q.previous();
    return q;
  }
  [[nodiscard]] std::string window(const Period& first, const Period& last) const {
    return fmt::format("{}..{}", name(first), name(last));
  }
  [[nodiscard]] std::string month_window(int y, int m, int months) const {
    const int end_index = y * 12 + (m - 1) + months - 1;
    return fmt::format("{:04}-{:02}..{:04}-{:02}", y, m, end_index / 12, end_index % 12 + 1);
  }
};


// `months` months ending with month `last` of `year`: a quarter, half or year of the
// entity's calendar (else the calendar's) when it is one, else a window of quarters or months.
std::pair<std::string, std::optional<Period>> months_window(int months, int year, int last,
                                                            const std::optional<FiscalCalendar>& calendar);

}  // namespace finmetrics::extract_detail
