#pragma once
/// \file
/// `Conversion`: one amount quoted in two currencies (`Rmb81bn ($11bn)`).

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = amount x rate, where `rate` is units of the subject's currency per
/// unit of the amount's (USD per CNY): an exact fixing quotient, or an interval
/// of rates (spot and period average).
struct Conversion {
  Operand subject;
  Operand amount;
  Operand rate;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
