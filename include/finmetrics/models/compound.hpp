#pragma once
/// \file
/// Compound growth: a cumulative rate from successive rates (`CompoundGrowth`),
/// and an annual rate over several years from two amounts (`AnnualGrowth`).

#include <vector>

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject % = ((1 + r_1/100) x ... x (1 + r_n/100) - 1) x 100: "up 20% and then
/// 30%, 56% in two years". Precondition: `rates` is not empty.
struct CompoundGrowth {
  Operand subject;
  std::vector<Operand> rates;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

/// An average annual rate g over `years` years from prior to current: (1 +
/// g/100)^years = current / prior. The root is not exact in decimals, so the
/// check is made on the growth factor: the claim's rate is raised to the power
/// (exact) and compared with current / prior; the report prints both.
/// Preconditions: `years` >= 1, the claim's rates above -100%.
struct AnnualGrowth {
  Operand subject;
  Operand current;
  Operand prior;
  int years = 1;
  /// The claim's readings as growth factors: (1 + g/100)^years.
  [[nodiscard]] Operand factor_of_subject() const;
  /// current / prior.
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const;
};

}  // namespace finmetrics
