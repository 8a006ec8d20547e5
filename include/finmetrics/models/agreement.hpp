#pragma once
/// \file
/// `Agreement`: two quotes of the same figure (in the same unit) must meet.

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = other: `same_as`, a claim against a reported figure, two claims
/// that share entity, metric and period.
struct Agreement {
  Operand subject;
  Operand other;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
