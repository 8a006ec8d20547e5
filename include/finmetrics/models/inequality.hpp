#pragma once
/// \file
/// `Inequality`: a figure bounded by another or by a product of others (net
/// proceeds at most the gross; profit at most sales; a placing at most price x
/// shares).

#include <vector>

#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// Which way the bound goes.
enum class BoundSide {
  at_most,   ///< subject <= the bound
  at_least,  ///< subject >= the bound
};

/// subject <= (or >=) factor_1 x ... x factor_n. The computed set is every value
/// on the allowed side of some value the product allows: (-inf, upper end] for
/// `at_most`, [lower end, +inf) for `at_least`, so the claim meets it unless all
/// its values are beyond every value of the bound. Percent factors count as
/// fractions (30% is 0.3). Precondition: `factors` is not empty.
struct Inequality {
  Operand subject;
  std::vector<Operand> factors;
  BoundSide side = BoundSide::at_most;
  [[nodiscard]] Formula formula() const;
  [[nodiscard]] Verdict evaluate() const { return check_formula(subject, formula()); }
};

}  // namespace finmetrics
