#pragma once
/// \file
/// `ClaimPeriod`: what a claim's figure is about in time: a period (`FY2025 Q3`,
/// `2025-03`, `2020-10-27`), a window `first..last` (`FY2024 Q3..FY2025 Q3`,
/// `2025-01-01..2025-03-28`), or a relative window (`this year`) resolved against
/// the article's date.

#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics {

/// A period or a window of periods, both ends included.
struct ClaimPeriod {
  std::string text;  ///< as written in the claim
  Period first;      ///< the whole span for a single period
  Period last;       ///< equal to `first` for a single period

  [[nodiscard]] Date first_day() const { return first.first_day(); }
  [[nodiscard]] Date last_day() const { return last.last_day(); }
  /// Written `first..last` (or resolved from a relative window).
  [[nodiscard]] bool is_window() const { return !(first == last); }
  /// A single calendar day.
  [[nodiscard]] bool is_day() const { return !is_window() && first.kind() == PeriodKind::day; }
  /// Same first and last day, whatever the kinds (`FY2025 Q3` and `2024Q4`).
  [[nodiscard]] bool same_days(const ClaimPeriod& other) const {
    return first_day() == other.first_day() && last_day() == other.last_day();
  }
  /// `first..last` in canonical names, or the single period's name.
  [[nodiscard]] std::string canonical() const;
};

/// Reads a claim period. Each end reads with `parse_period(end, {calendar})` (a
/// fiscal name without a calendar is an error); a
/// window is `first..last` with `first` not after `last`. The relative windows
/// `this year`, `year to date`, `ytd` and `since the start of the year` become
/// `<January 1 of as_of's year>..<as_of>` and need `as_of`.
///
/// Errors carry the period's text and the byte position: "period 'FY2025 Q5':
/// ..." (from `parse_period`), "window 'FY2025..FY2024' runs backwards",
/// "relative period 'this year' needs the claim's as_of date".
[[nodiscard]] Result<ClaimPeriod> parse_claim_period(std::string_view text, const std::optional<FiscalCalendar>& calendar,
                                                     std::optional<Date> as_of = std::nullopt);

}  // namespace finmetrics
