#pragma once
/// \file
/// `parse_period`: period names as people write them (`FY2025 Q3`, `3QFY25`,
/// `December quarter 2024`, `H1 2025`, `FY2024-25`, `2024-12`, ...).
/// The full grammar and how each form reads is in docs/periods.md.

#include <optional>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics {

/// What a period name is read against.
struct PeriodContext {
  /// The reporter's fiscal calendar. Needed by every fiscal name (`FY2025 Q3`,
  /// `fiscal 2025`); it also decides how unmarked quarters and halves read.
  std::optional<FiscalCalendar> calendar;
  /// "Today" for the reader: places two-digit years (`FY25`) in the century
  /// window reference-50..reference+49; without it they are 2000-2099.
  /// Reserved for relative names (`last quarter`), not read yet.
  std::optional<Date> reference;
};

/// Reads a period name, case-insensitively, ignoring surrounding spaces.
///
/// Fiscal names (`FY`, `fiscal`) are periods of `context.calendar`, and without
/// a calendar are `Errc::ambiguous` ("fiscal period 'FY2025 Q3' needs a fiscal
/// calendar"). Unmarked quarters and halves as people write them (`Q3 2024`,
/// `2Q24`, `H1 2025`, `1H25`) are calendar ones unless the calendar's year ends
/// in another month than December, where they are `Errc::ambiguous`. The
/// year-first statistical forms `2024Q3` and `2024H1` are always calendar ones.
/// Month-named quarters (`December quarter 2024`, `quarter ended December 31,
/// 2024`) are quarters of the context's fiscal calendar when it has one ending in
/// another month than December, calendar quarters otherwise. Every error carries
/// the byte position in `text` where reading failed.
[[nodiscard]] Result<Period> parse_period(std::string_view text, const PeriodContext& context = {});

}  // namespace finmetrics
