// Relations over several operands: sums, bounds, orders of magnitude.
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/models/inequality.hpp"
#include "finmetrics/models/magnitude.hpp"
#include "finmetrics/models/sum.hpp"

namespace finmetrics {

Formula Sum::formula() const {
  if (added.empty()) throw std::invalid_argument("Sum: no operand to add");
  std::vector<Term> terms;
  std::string expr;
  for (std::size_t i = 0; i < added.size(); ++i) {
    const std::string name = "a" + std::to_string(i + 1);
    expr += (i == 0 ? "" : " + ") + name;
    terms.push_back(Term{name, added[i]});
  }
  for (std::size_t i = 0; i < subtracted.size(); ++i) {
    const std::string name = "s" + std::to_string(i + 1);
    expr += " - " + name;
    terms.push_back(Term{name, subtracted[i]});
  }
  const std::size_t na = added.size();
  return Formula{expr, std::move(terms),
                 [na](const std::vector<Interval>& x) {
                   Interval s = x[0];
                   for (std::size_t i = 1; i < x.size(); ++i) s = i < na ? s + x[i] : s - x[i];
                   return s;
                 },
                 subject.unit};
}

Formula Inequality::formula() const {
  if (factors.empty()) throw std::invalid_argument("Inequality: no bound");
  std::vector<Term> terms;
  std::vector<bool> percent;
  std::string product;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const std::string name = factors.size() == 1 ? std::string("bound") : "f" + std::to_string(i + 1);
    const bool pct = factors[i].unit.dimension == Dimension::percent;
    product += (i == 0 ? "" : " x ") + name + (pct ? " / 100" : "");
    terms.push_back(Term{name, factors[i]});
    percent.push_back(pct);
  }
  const bool most = side == BoundSide::at_most;
  return Formula{fmt::format("anything {} {}", most ? "at most" : "at least", product), std::move(terms),
                 [most, percent](const std::vector<Interval>& x) {
                   const Interval hundredth = Interval::point(Decimal::from_parts(1, -2));
                   Interval p = percent[0] ? x[0] * hundredth : x[0];
                   for (std::size_t i = 1; i < x.size(); ++i) p = p * (percent[i] ? x[i] * hundredth : x[i]);
                   // An open end stays open: the bound's own values are the limit.
                   return most ? Interval(Bound::unbounded(), p.upper()) : Interval(p.lower(), Bound::unbounded());
                 },
                 subject.unit};
}

Decimal default_magnitude_factor() { return Decimal::from_integer(10); }

Formula Magnitude::formula() const {
  if (per.sign() <= 0) throw std::invalid_argument("Magnitude: per must be positive, got " + per.to_string());
  if (!(Decimal::from_integer(1) < factor)) throw std::invalid_argument("Magnitude: factor must exceed 1, got " + factor.to_string());
  const Decimal p = per;
  const Decimal f = factor;
  const bool daily = !(per == Decimal::from_integer(1));
  const std::string base = daily ? fmt::format("reference / {}", per.to_string()) : std::string("reference");
  return Formula{fmt::format("within a factor {} of {}: ({} / {}, {} x {})", f.to_string(), base, base, f.to_string(), base,
                             f.to_string()),
                 {Term{"reference", reference}},
                 [p, f](const std::vector<Interval>& x) {
                   const Interval v = divide(x[0], Interval::point(p), division_exponent);
                   const Interval lo = divide(v, Interval::point(f), division_exponent);
                   const Interval hi = v * Interval::point(f);
                   const Bound l = lo.lower().is_bounded() ? Bound::open(lo.lower().value) : Bound::unbounded();
                   const Bound u = hi.upper().is_bounded() ? Bound::open(hi.upper().value) : Bound::unbounded();
                   return Interval(l, u);
                 },
                 subject.unit};
}

}  // namespace finmetrics
