#pragma once
/// \file
/// `Formula`: what a relation computes from its operands, evaluated by interval
/// arithmetic on their strict and on their rounded readings; `check_formula`
/// compares a claim with it.

#include <functional>
#include <string>
#include <vector>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/models/operand.hpp"
#include "finmetrics/models/verdict.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// Quantum of interval quotients: 10^-12, ends rounded outward (`divide`).
inline constexpr int division_exponent = -12;

/// A named input of a formula.
struct Term {
  std::string name;  ///< as it appears in the expression: "current", "prior"
  Operand operand;
};

/// `expression` over `terms`: `apply` receives one interval per term, in order.
struct Formula {
  std::string expression;  ///< "(current / prior - 1) x 100"
  std::vector<Term> terms;
  std::function<Interval(const std::vector<Interval>&)> apply;
  Unit unit;  ///< of the result

  /// `apply` on the strict readings, then on the rounded readings.
  [[nodiscard]] Computed compute() const;
};

/// Checks `subject` against `formula`: lists each term with its readings and
/// source, the two computations, then `judge`s. A computation that divides by an
/// interval containing zero, or leaves the decimal range, gives an unverifiable
/// verdict that says so.
[[nodiscard]] Verdict check_formula(const Operand& subject, const Formula& formula);

/// The same check, but the best of several candidate formulas (two listings, two
/// candidate rates): each is evaluated and printed, the verdict is the best one
/// (consistent, then by rounding, then the inconsistent one with the smallest
/// relative gap). Precondition: `candidates` is not empty.
[[nodiscard]] Verdict check_best(const Operand& subject, const std::vector<std::pair<std::string, Formula>>& candidates);

}  // namespace finmetrics
