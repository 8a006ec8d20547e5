#pragma once
/// \file
/// `Growth`: a growth rate or a price change in percent, from a value and its base.

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject % = (current / prior - 1) x 100: `31.742 billion yuan, up 13%`,
/// `risen nearly 60% this year` (current: the end price, prior: the base price).
/// `prior` must not contain zero.
struct Growth {
  Operand subject;
  Operand current;
  Operand prior;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
