#pragma once
/// \file
/// `Date`: a calendar day, a thin value over `date::year_month_day`, with ISO
/// parsing and formatting and day arithmetic through `date::sys_days`.

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include "finmetrics/error.hpp"

namespace finmetrics {

namespace detail {
/// Throws `std::invalid_argument` for arithmetic on a date that is not `ok()`.
[[noreturn]] void throw_date_not_ok(int y, unsigned m, unsigned d, const char* operation);
}  // namespace detail

/// A day of the proleptic Gregorian calendar, as year/month/day fields.
///
/// Like `date::year_month_day` it can hold fields that name no day
/// (2025-02-30, or the default 0000-00-00): construction never throws, and
/// `ok()` says whether the day exists. Arithmetic and conversion to
/// `date::sys_days` need an `ok()` date; arithmetic throws `std::invalid_argument`
/// otherwise. Converts implicitly from and to `date::sys_days`, as the
/// calendars in `date/iso_week.h` do.
class Date {
 public:
  /// 0000-00-00, which is not `ok()`.
  constexpr Date() noexcept = default;
  constexpr Date(date::year_month_day ymd) noexcept : ymd_(ymd) {}  // NOLINT: implicit by design
  constexpr Date(date::year_month_day_last ymdl) noexcept : ymd_(ymdl) {}  // NOLINT: implicit by design
  constexpr Date(date::sys_days day) noexcept : ymd_(day) {}               // NOLINT: implicit by design
  /// `Date{2025, 3, 28}`; fields out of range give a date that is not `ok()`.
  constexpr Date(int y, unsigned m, unsigned d) noexcept
      : ymd_(date::year{y}, date::month{m}, date::day{d}) {}

  [[nodiscard]] constexpr bool ok() const noexcept { return ymd_.ok(); }
  [[nodiscard]] constexpr date::year_month_day ymd() const noexcept { return ymd_; }
  [[nodiscard]] constexpr date::year year() const noexcept { return ymd_.year(); }
  [[nodiscard]] constexpr date::month month() const noexcept { return ymd_.month(); }
  [[nodiscard]] constexpr date::day day() const noexcept { return ymd_.day(); }

  /// The day as a count of days since 1970-01-01; meaningful only when `ok()`.
  constexpr operator date::sys_days() const noexcept { return date::sys_days{ymd_}; }  // NOLINT

  /// Moves by whole days; throws `std::invalid_argument` unless `ok()`.
  constexpr Date& operator+=(date::days n) {
    *this = checked("+") + n;
    return *this;
  }
  constexpr Date& operator-=(date::days n) {
    *this = checked("-") - n;
    return *this;
  }
  friend constexpr Date operator+(Date d, date::days n) { return d += n; }
  friend constexpr Date operator+(date::days n, Date d) { return d += n; }
  friend constexpr Date operator-(Date d, date::days n) { return d -= n; }
  /// Days from `b` to `a` (negative when `a` is earlier); both must be `ok()`.
  friend constexpr date::days operator-(const Date& a, const Date& b) {
    return a.checked("-") - b.checked("-");
  }

  friend constexpr bool operator==(const Date& a, const Date& b) noexcept {
    return a.ymd_ == b.ymd_;
  }
  /// Orders by year, then month, then day (so also dates that are not `ok()`).
  friend constexpr std::strong_ordering operator<=>(const Date& a, const Date& b) noexcept {
    if (auto c = int{a.year()} <=> int{b.year()}; c != 0) return c;
    if (auto c = unsigned{a.month()} <=> unsigned{b.month()}; c != 0) return c;
    return unsigned{a.day()} <=> unsigned{b.day()};
  }

 private:
  [[nodiscard]] constexpr date::sys_days checked(const char* operation) const {
    if (!ok()) {
      detail::throw_date_not_ok(int{year()}, unsigned{month()}, unsigned{day()}, operation);
    }
    return date::sys_days{ymd_};
  }

  date::year_month_day ymd_{date::year{0}, date::month{0}, date::day{0}};
};

/// Reads an ISO 8601 calendar date, exactly `YYYY-MM-DD` (no spaces, no time).
///
/// Errors are `Errc::invalid_date` with the position of the offending field:
/// "invalid date '2025-02-30': February 2025 has 28 days" (position 8),
/// "invalid date '2025-13-01': month 13 does not exist (months are 01 to 12)"
/// (position 5), "invalid date '2025-3-28': expected YYYY-MM-DD" (position 6).
[[nodiscard]] Result<Date> parse_date(std::string_view text);

/// `YYYY-MM-DD`, the fields as they are even when the date is not `ok()`.
[[nodiscard]] std::string to_string(const Date& d);

/// English month name, "January".."December"; precondition `m.ok()`.
[[nodiscard]] std::string_view month_name(date::month m);

/// Number of days in the month `y`/`m`; precondition `m.ok()`.
[[nodiscard]] constexpr unsigned days_in_month(date::year y, date::month m) {
  return unsigned{(y / m / date::last).day()};
}

std::ostream& operator<<(std::ostream& os, const Date& d);

}  // namespace finmetrics

template <>
struct fmt::formatter<finmetrics::Date> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const finmetrics::Date& d, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(finmetrics::to_string(d), ctx);
  }
};
