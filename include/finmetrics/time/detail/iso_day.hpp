#pragma once
// The one reader of ISO `YYYY-MM-DD` dates: every date of the library's inputs
// goes through it (`parse_date`, the FX loaders, normalize's rows). Inline and
// allocation-free, because normalize calls it once per row; the callers that
// report errors say why a date was refused themselves (their messages differ).

#include <cstdint>
#include <string_view>

namespace finmetrics::detail {

/// Strict `YYYY-MM-DD` of an existing day of the proleptic Gregorian calendar
/// (years 0000 to 9999), as days since 1970-01-01; false for anything else.
// Hinnant's days_from_civil, without building a year_month_day.
[[nodiscard]] inline bool read_iso_day(std::string_view s, std::int32_t& out) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i]) - '0'); };
  const unsigned d[8] = {digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9)};
  for (const unsigned x : d)
    if (x > 9) return false;
  const int y = static_cast<int>(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
  const unsigned m = d[4] * 10 + d[5], day = d[6] * 10 + d[7];
  if (m < 1 || m > 12 || day < 1) return false;
  static constexpr unsigned char month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (day > month_days[m - 1] + (m == 2 && leap ? 1u : 0u)) return false;
  const int yy = y - (m <= 2 ? 1 : 0);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;  // 0000-01-01..0000-02-29 fall in year -1 of the era count
  const auto yoe = static_cast<unsigned>(yy - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  out = era * 146097 + static_cast<int>(doe) - 719468;
  return true;
}

}  // namespace finmetrics::detail
