#pragma once
/// \file
/// `Sum`: a figure that is the sum and difference of others (underlying profit +
/// revaluation = net profit; three quarters = nine months; segments = group).

#include <vector>

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = added_1 + ... + added_n - (subtracted_1 + ... + subtracted_m), exact.
/// Precondition: `added` is not empty (throws `std::invalid_argument`).
struct Sum {
  Operand subject;
  std::vector<Operand> added;
  std::vector<Operand> subtracted;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
