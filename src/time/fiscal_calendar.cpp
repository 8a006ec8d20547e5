#include "finmetrics/time/fiscal_calendar.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace finmetrics {

void FiscalCalendar::throw_bad(unsigned end_month) {
  if (end_month < 1 || end_month > 12) {
    throw std::invalid_argument(fmt::format("FiscalCalendar: end month {} is not 1-12", end_month));
  }
  throw std::invalid_argument(
      "FiscalCalendar: split naming needs a fiscal year that spans two calendar years, "
      "not one ending in December");
}

Date FiscalCalendar::first_day_of_year(int label) const {
  // A year ending in December starts in January of the same calendar year;
  // otherwise it starts in the calendar year before the one it ends in.
  int start_year = label;
  if (naming_ != FiscalNaming::start_year && !is_calendar_year()) start_year = label - 1;
  return Date{date::year{start_year} / first_month() / 1};
}

Date FiscalCalendar::last_day_of_year(int label) const {
  const int end_year = (naming_ == FiscalNaming::start_year && !is_calendar_year()) ? label + 1 : label;
  return Date{date::year{end_year} / end_month() / date::last};
}

int FiscalCalendar::year_of(Date d) const {
  if (!d.ok()) detail::throw_date_not_ok(int{d.year()}, unsigned{d.month()}, unsigned{d.day()}, "year_of");
  const int y = int{d.year()};
  // The calendar year in which the fiscal year containing d ends.
  const int end_year = unsigned{d.month()} > end_month_ ? y + 1 : y;
  return (naming_ == FiscalNaming::start_year && !is_calendar_year()) ? end_year - 1 : end_year;
}

std::string FiscalCalendar::year_name(int label) const {
  if (naming_ == FiscalNaming::split) {
    const int end = ((label % 100) + 100) % 100;
    return fmt::format("FY{:04}-{:02}", label - 1, end);
  }
  return fmt::format("FY{:04}", label);
}

std::string FiscalCalendar::describe() const {
  static constexpr std::string_view naming_words[] = {"named by its end year",
                                                      "named by its start year",
                                                      "named by both years"};
  return fmt::format("a fiscal year ending {}, {}", month_name(end_month()),
                     naming_words[static_cast<unsigned>(naming_)]);
}

}  // namespace finmetrics
