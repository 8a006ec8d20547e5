#pragma once
/// \file
/// `Period`: a day, month, quarter, half or year, of the calendar or of a fiscal
/// calendar, with its boundaries, neighbours and canonical name.

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include <fmt/format.h>

#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"

namespace finmetrics {

/// What a `Period` spans. Calendar kinds are aligned on January; fiscal kinds
/// on the first month of their calendar's fiscal year.
enum class PeriodKind : unsigned char {
  day,
  month,
  quarter,  ///< calendar quarter: Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec
  half,     ///< calendar half: Jan-Jun, Jul-Dec
  year,     ///< calendar year
  fiscal_quarter,
  fiscal_half,
  fiscal_year,
};

/// A span of whole days: one day, or one, three, six or twelve aligned months.
///
/// Identity is kind, calendar and first day: the calendar quarter `2024Q4` and
/// Alibaba's `FY2025 Q3` cover the same days but are different periods (compare
/// spans with `first_day()`/`last_day()` or `contains`). Calendar kinds belong to
/// `FiscalCalendar::calendar_year()`.
class Period {
 public:
  /// The day `d`; throws `std::invalid_argument` unless `d.ok()`.
  [[nodiscard]] static Period day(Date d);
  /// Month `month` (1-12) of `year`; throws `std::out_of_range` otherwise.
  [[nodiscard]] static Period month(int year, int month);
  /// Calendar quarter `q` (1-4) of `year`; throws `std::out_of_range` otherwise.
  [[nodiscard]] static Period quarter(int year, int q);
  /// Calendar half `h` (1-2) of `year`; throws `std::out_of_range` otherwise.
  [[nodiscard]] static Period half(int year, int h);
  /// The calendar year `year`.
  [[nodiscard]] static Period calendar_year(int year);
  /// The fiscal year of `cal` with label `label` (see `FiscalNaming`).
  [[nodiscard]] static Period fiscal_year(const FiscalCalendar& cal, int label);
  /// Fiscal quarter `q` (1-4) of fiscal year `label`; throws `std::out_of_range` otherwise.
  [[nodiscard]] static Period fiscal_quarter(const FiscalCalendar& cal, int label, int q);
  /// Fiscal half `h` (1-2) of fiscal year `label`; throws `std::out_of_range` otherwise.
  [[nodiscard]] static Period fiscal_half(const FiscalCalendar& cal, int label, int h);
  /// The period of kind `kind` that contains `d`. `cal` is used by the fiscal
  /// kinds only; calendar kinds always belong to the calendar year. Throws
  /// `std::invalid_argument` unless `d.ok()`.
  [[nodiscard]] static Period containing(PeriodKind kind, Date d,
                                         const FiscalCalendar& cal = FiscalCalendar::calendar_year());

  [[nodiscard]] PeriodKind kind() const noexcept { return kind_; }
  /// The fiscal calendar of a fiscal kind; `FiscalCalendar::calendar_year()` otherwise.
  [[nodiscard]] const FiscalCalendar& calendar() const noexcept { return calendar_; }
  [[nodiscard]] bool is_fiscal() const noexcept;

  [[nodiscard]] Date first_day() const noexcept { return Date{first_}; }
  [[nodiscard]] Date last_day() const;
  /// Number of days, both ends included (91 for 2024-01-01..2024-03-31).
  [[nodiscard]] int days() const;

  /// The year in the period's name: the calendar year, or the fiscal year label
  /// (2025 for `FY2025 Q3`; 2025 for India's `FY2024-25`, see `FiscalNaming`).
  [[nodiscard]] int year() const;
  /// Position in that year: quarter 1-4, half 1-2, month 1-12, 1 for a year,
  /// day of the year 1-366 for a day.
  [[nodiscard]] int index() const;

  [[nodiscard]] bool contains(Date d) const noexcept;
  /// Every day of `other` lies in this period (whatever the kinds or calendars).
  [[nodiscard]] bool contains(const Period& other) const;

  /// The period of the same kind just before or after.
  [[nodiscard]] Period previous() const;
  [[nodiscard]] Period next() const;
  /// The same period a year earlier (2024Q4 -> 2023Q4, FY2025 Q3 -> FY2024 Q3);
  /// for a day the same date, and February 29 goes to February 28.
  [[nodiscard]] Period year_ago() const;

  /// Canonical name: `2025-03-28`, `2024-12`, `2024Q4`, `H1 2025`, `2024`,
  /// `FY2025 Q3`, `FY2025 H1`, `FY2025`, or with split naming `FY2024-25 Q3`.
  /// `parse_period` reads it back given the period's calendar.
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const Period&, const Period&) = default;
  friend struct std::hash<Period>;
  /// Orders by first day, then kind, then calendar.
  friend std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept;

 private:
  Period(PeriodKind kind, FiscalCalendar cal, date::sys_days first) noexcept
      : first_(first), kind_(kind), calendar_(cal) {}

  date::sys_days first_;
  PeriodKind kind_;
  FiscalCalendar calendar_;
};

std::ostream& operator<<(std::ostream& os, const Period& p);

}  // namespace finmetrics

/// Hashes what `==` compares, so periods can key unordered containers.
template <>
struct std::hash<finmetrics::Period> {
  std::size_t operator()(const finmetrics::Period& p) const noexcept {
    const auto day = static_cast<std::size_t>(p.first_.time_since_epoch().count());
    const auto tag = static_cast<std::size_t>(p.kind_) * 64U + unsigned{p.calendar_.end_month()} * 4U +
                     static_cast<std::size_t>(p.calendar_.naming());
    return day * 1024U + tag;
  }
};

template <>
struct fmt::formatter<finmetrics::Period> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const finmetrics::Period& p, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(p.to_string(), ctx);
  }
};
