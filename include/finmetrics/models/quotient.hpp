#pragma once
/// \file
/// `Quotient`: a figure that is one quantity over another: a margin (profit /
/// revenue), `nearly doubled` (13% / 7%), `less than half` (profit / peak profit).

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = numerator / denominator, times 100 when `percent` (a margin).
/// `denominator` must not contain zero.
struct Quotient {
  Operand subject;
  Operand numerator;
  Operand denominator;
  bool percent = false;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
