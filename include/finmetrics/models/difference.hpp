#pragma once
/// \file
/// `Difference`: a change in value over a window (`adding more than $100 billion`).

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = end - start (market cap at the end of the window minus at its start).
struct Difference {
  Operand subject;
  Operand end;
  Operand start;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
