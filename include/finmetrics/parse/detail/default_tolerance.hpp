#pragma once
// The default hedge tolerance (5%), built once: `ParseOptions{}` and
// `HedgeTolerances{}` are made per call by callers that take the defaults, and
// copying a Decimal is much cheaper than `Decimal::from_parts`.

#include "finmetrics/decimal/decimal.hpp"

namespace finmetrics::detail {

[[nodiscard]] inline const Decimal& five_percent() {
  static const Decimal value = Decimal::from_parts(5, -2);
  return value;
}

}  // namespace finmetrics::detail
