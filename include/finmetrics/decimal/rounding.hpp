#pragma once
/// \file
/// Rounding modes for every inexact decimal operation (division, rescaling).

#include <string_view>

namespace finmetrics {

/// How a result that does not fit the requested precision is rounded.
enum class Rounding {
  half_even,  ///< to nearest, ties to even (banker's rounding; the default)
  half_up,    ///< to nearest, ties away from zero (schoolbook rounding)
  half_down,  ///< to nearest, ties towards zero
  down,       ///< towards zero (truncation)
  up,         ///< away from zero
  floor,      ///< towards negative infinity
  ceiling,    ///< towards positive infinity
};

/// The mode's name as written in options and reports ("half_even", ...).
[[nodiscard]] constexpr std::string_view to_string(Rounding r) noexcept {
  switch (r) {
    case Rounding::half_even: return "half_even";
    case Rounding::half_up: return "half_up";
    case Rounding::half_down: return "half_down";
    case Rounding::down: return "down";
    case Rounding::up: return "up";
    case Rounding::floor: return "floor";
    case Rounding::ceiling: return "ceiling";
  }
  return "?";
}

}  // namespace finmetrics
