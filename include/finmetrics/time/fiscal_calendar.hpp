#pragma once
/// \file
/// `FiscalCalendar`: the month a fiscal year ends in and how its years are named.

#include <string>

#include <date/date.h>

#include "finmetrics/time/date.hpp"

namespace finmetrics {

/// How a fiscal year is named, and what its year label (`Period::year()`) is.
enum class FiscalNaming : unsigned char {
  /// By the calendar year in which it ends (Apple, Microsoft, the SEC; a March
  /// year-end issuer's `FY2025` is 2024-04-01..2025-03-31).
  /// Year ending 2025-03-31 is `FY2025`; label 2025.
  end_year,
  /// By the calendar year in which it starts (Japan): year starting 2024-04-01 is
  /// `FY2024`; label 2024.
  start_year,
  /// Both years (India): year ending 2025-03-31 is `FY2024-25`. The label is the
  /// end year (2025), as in the Indian short form `FY25`.
  split,
};

/// A fiscal year of twelve calendar months ending on the last day of `end_month()`.
///
/// 52/53-week years (Apple's ends on the last Saturday of September) are not
/// modelled: such a calendar is approximated by the month its years end in.
/// A fiscal year ending in December coincides with the calendar year.
class FiscalCalendar {
 public:
  /// Throws `std::invalid_argument` unless `end_month.ok()`, and for `split`
  /// naming of a year ending in December (which spans only one calendar year).
  constexpr explicit FiscalCalendar(date::month end_month,
                                    FiscalNaming naming = FiscalNaming::end_year)
      : end_month_(static_cast<unsigned char>(unsigned{end_month})), naming_(naming) {
    if (!end_month.ok()) throw_bad(unsigned{end_month});
    if (naming == FiscalNaming::split && end_month == date::December) {
      throw_bad(unsigned{end_month});
    }
  }

  /// January to December, named by its year: the calendar year itself.
  [[nodiscard]] static constexpr FiscalCalendar calendar_year() {
    return FiscalCalendar{date::December};
  }
  /// Ends March 31, named by the start year: Japan's `FY2024` is 2024-04-01..2025-03-31.
  [[nodiscard]] static constexpr FiscalCalendar japan() {
    return FiscalCalendar{date::March, FiscalNaming::start_year};
  }
  /// Ends March 31, split names: India's `FY2024-25` is 2024-04-01..2025-03-31.
  [[nodiscard]] static constexpr FiscalCalendar india() {
    return FiscalCalendar{date::March, FiscalNaming::split};
  }
  /// Ends September 30, named by the end year: the US federal government's
  /// `FY2025` is 2024-10-01..2025-09-30 (Apple's is the 52/53-week approximation of it).
  [[nodiscard]] static constexpr FiscalCalendar us_federal() {
    return FiscalCalendar{date::September};
  }

  [[nodiscard]] constexpr date::month end_month() const noexcept { return date::month{end_month_}; }
  /// The month after `end_month()`.
  [[nodiscard]] constexpr date::month first_month() const noexcept {
    return date::month{end_month_} + date::months{1};
  }
  [[nodiscard]] constexpr FiscalNaming naming() const noexcept { return naming_; }
  /// True when the fiscal year is the calendar year (ends in December).
  [[nodiscard]] constexpr bool is_calendar_year() const noexcept { return end_month_ == 12; }

  /// First day of the fiscal year with label `label` (see `FiscalNaming`).
  [[nodiscard]] Date first_day_of_year(int label) const;
  /// Last day of the fiscal year with label `label`.
  [[nodiscard]] Date last_day_of_year(int label) const;
  /// Label of the fiscal year that contains `d`; precondition `d.ok()`.
  [[nodiscard]] int year_of(Date d) const;
  /// The year's name: "FY2025", or "FY2024-25" under split naming.
  [[nodiscard]] std::string year_name(int label) const;
  /// For messages: "a fiscal year ending March, named by its end year".
  [[nodiscard]] std::string describe() const;

  friend constexpr bool operator==(const FiscalCalendar&, const FiscalCalendar&) = default;
  friend constexpr auto operator<=>(const FiscalCalendar&, const FiscalCalendar&) = default;

 private:
  [[noreturn]] static void throw_bad(unsigned end_month);

  unsigned char end_month_;
  FiscalNaming naming_;
};

}  // namespace finmetrics
