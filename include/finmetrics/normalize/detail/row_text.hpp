#pragma once
// Small text helpers of the normalize rows: strict ISO dates as day numbers and
// input echoed safely in diagnostics.

#include <cstdint>
#include <string>
#include <string_view>

#include <date/date.h>

#include "finmetrics/time/detail/iso_day.hpp"

namespace finmetrics::detail {

/// Strict `YYYY-MM-DD` of an existing day, as days since 1970-01-01: the
/// library's one ISO date reader (time/detail/iso_day.hpp).
[[nodiscard]] inline bool parse_iso_date(std::string_view s, std::int32_t& out) noexcept { return read_iso_day(s, out); }

[[nodiscard]] bool parse_iso_date(std::string_view s, date::sys_days& out) noexcept;

/// Input echoed in a diagnostic: one line, at most `limit` bytes, control bytes
/// escaped (a record may hold line feeds; a terminal must not be driven by input).
[[nodiscard]] std::string printable(std::string_view text, std::size_t limit);

}  // namespace finmetrics::detail
