#include "finmetrics/models/compound.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace finmetrics {

namespace {

Interval factor(const Interval& rate_percent) {
  return Interval::point(Decimal::from_integer(1)) + rate_percent * Interval::point(Decimal::from_parts(1, -2));
}

Interval power(const Interval& x, int n) {
  Interval p = x;
  for (int i = 1; i < n; ++i) p = p * x;
  return p;
}

}  // namespace

Formula CompoundGrowth::formula() const {
  if (rates.empty()) throw std::invalid_argument("CompoundGrowth: no rate");
  std::vector<Term> terms;
  std::string expr;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    const std::string name = "r" + std::to_string(i + 1);
    expr += (i == 0 ? "" : " x ") + fmt::format("(1 + {} / 100)", name);
    terms.push_back(Term{name, rates[i]});
  }
  return Formula{"(" + expr + " - 1) x 100", std::move(terms),
                 [](const std::vector<Interval>& x) {
                   Interval p = factor(x[0]);
                   for (std::size_t i = 1; i < x.size(); ++i) p = p * factor(x[i]);
                   return (p - Interval::point(Decimal::from_integer(1))) * Interval::point(Decimal::from_integer(100));
                 },
                 Unit::of(Dimension::percent)};
}

Operand AnnualGrowth::factor_of_subject() const {
  if (years < 1) throw std::invalid_argument("AnnualGrowth: years must be at least 1");
  const Readings& r = subject.readings;
  Operand o = subject;
  o.label = fmt::format("(1 + {} / 100)^{}", subject.label, years);
  o.readings = Readings{power(factor(r.strict), years), power(factor(r.rounded), years), power(factor(r.truncated), years)};
  o.unit = Unit::of(Dimension::multiple);
  o.ends.reset();
  return o;
}

Formula AnnualGrowth::formula() const {
  return Formula{"current / prior",
                 {Term{"current", current}, Term{"prior", prior}},
                 [](const std::vector<Interval>& x) { return divide(x[0], x[1], division_exponent); },
                 Unit::of(Dimension::multiple)};
}

Verdict AnnualGrowth::evaluate() const {
  Verdict v = check_formula(factor_of_subject(), formula());
  v.arithmetic.insert(v.arithmetic.begin(),
                      fmt::format("{} a year over {} year{}: the growth factor (1 + rate / 100)^{} must meet current / prior",
                                  subject.label, years, years == 1 ? "" : "s", years));
  return v;
}

}  // namespace finmetrics
