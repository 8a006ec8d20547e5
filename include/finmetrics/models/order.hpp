#pragma once
/// \file
/// `Order`: a relative statement of direction (`up from Rmb34bn`).

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject > other (`above`), or subject < other: the computed set is every value
/// beyond some value `other` allows: (lower end of other, +inf) or (-inf, upper end).
struct Order {
  Operand subject;
  Operand other;
  bool above = true;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
