#pragma once
/// \file
/// `Magnitude`: plausibility of an order of magnitude (a "daily" figure against
/// a year's total over its days; a figure against another of the same kind).

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// Default factor of `Magnitude`: 10, an order of magnitude either side.
[[nodiscard]] Decimal default_magnitude_factor();

/// subject within a factor of `reference / per`: the computed set is
/// (reference / per / factor, reference / per x factor), open, so a figure ten
/// times too large or too small (with the default factor 10) is inconsistent.
/// `per` is the number of days a daily figure averages over (1 for a plain
/// comparison). Preconditions: `per` > 0, `factor` > 1 (throws `std::invalid_argument`).
struct Magnitude {
  Operand subject;
  Operand reference;
  Decimal per = Decimal::from_integer(1);
  Decimal factor = default_magnitude_factor();
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
