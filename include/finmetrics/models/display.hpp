#pragma once
/// \file
/// How values and intervals are printed in verdicts: at most 7 significant
/// digits, money in bn or mn, interval ends rounded outward so the printed
/// interval still contains the exact one.

#include <string>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// Significant digits of printed values.
inline constexpr int display_digits = 7;

/// "66.41112%", "857.8532bn USD", "84.79 USD", "1.857143x", "2 pp". Rounded half
/// even to `display_digits` significant digits.
[[nodiscard]] std::string show(const Decimal& value, const Unit& unit);
/// "[80.5, 81.5) bn CNY", "{66} %", "(100, +inf) bn USD": the ends in one scale,
/// lower end rounded down and upper end up to `display_digits` digits; a point is
/// printed `{v}`.
[[nodiscard]] std::string show(const Interval& interval, const Unit& unit);
/// The unit's suffix as printed after an interval: "bn CNY", "%", "x", "USD".
[[nodiscard]] std::string unit_suffix(const Interval& interval, const Unit& unit);

}  // namespace finmetrics
