#pragma once
/// \file
/// `Product`: a value that is a product of quantities: a market cap (price x
/// ordinary shares / ADS ratio [x FX rate]), a valuation (multiple x metric).

#include <vector>

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// subject = factor_1 x ... x factor_n / (divisor_1 x ... x divisor_m). Divisors
/// must not contain zero.
struct Product {
  Operand subject;
  std::vector<Operand> factors;
  std::vector<Operand> divisors;
  Unit unit;  ///< of the result
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
