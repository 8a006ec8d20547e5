#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/difference.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/order.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics {

namespace {

const Interval& hundred() {
  static const Interval h = Interval::point(Decimal::from_integer(100));
  return h;
}
const Interval& one() {
  static const Interval o = Interval::point(Decimal::from_integer(1));
  return o;
}

}  // namespace

Formula Agreement::formula() const {
  return Formula{"other", {Term{"other", other}}, [](const std::vector<Interval>& x) { return x[0]; }, subject.unit};
}

Formula Conversion::formula() const {
  return Formula{"amount x rate",
                 {Term{"amount", amount}, Term{"rate", rate}},
                 [](const std::vector<Interval>& x) { return x[0] * x[1]; },
                 subject.unit};
}

Formula Growth::formula() const {
  return Formula{"(current / prior - 1) x 100",
                 {Term{"current", current}, Term{"prior", prior}},
                 [](const std::vector<Interval>& x) {
                   return (divide(x[0], x[1], division_exponent) - one()) * hundred();
                 },
                 Unit::of(Dimension::percent)};
}

Formula Quotient::formula() const {
  const bool pct = percent;
  return Formula{pct ? "numerator / denominator x 100" : "numerator / denominator",
                 {Term{"numerator", numerator}, Term{"denominator", denominator}},
                 [pct](const std::vector<Interval>& x) {
                   Interval q = divide(x[0], x[1], division_exponent);
                   return pct ? q * hundred() : q;
                 },
                 pct ? Unit::of(Dimension::percent) : subject.unit};
}

Formula Product::formula() const {
  std::vector<Term> terms;
  std::string expr;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const std::string name = "f" + std::to_string(i + 1);
    expr += (i == 0 ? "" : " x ") + name;
    terms.push_back(Term{name, factors[i]});
  }
  for (std::size_t i = 0; i < divisors.size(); ++i) {
    const std::string name = "d" + std::to_string(i + 1);
    expr += " / " + name;
    terms.push_back(Term{name, divisors[i]});
  }
  const std::size_t nf = factors.size();
  return Formula{expr, std::move(terms),
                 [nf](const std::vector<Interval>& x) {
                   Interval p = x[0];
                   for (std::size_t i = 1; i < nf; ++i) p = p * x[i];
                   if (x.size() == nf) return p;
                   Interval d = x[nf];
                   for (std::size_t i = nf + 1; i < x.size(); ++i) d = d * x[i];
                   return divide(p, d, division_exponent);
                 },
                 unit};
}

Formula Difference::formula() const {
  return Formula{"end - start",
                 {Term{"end", end}, Term{"start", start}},
                 [](const std::vector<Interval>& x) { return x[0] - x[1]; },
                 subject.unit};
}

Formula Order::formula() const {
  const bool up = above;
  return Formula{up ? "anything above other" : "anything below other",
                 {Term{"other", other}},
                 [up](const std::vector<Interval>& x) {
                   const Interval& o = x[0];
                   if (up) {
                     return o.lower().is_bounded() ? Interval::greater_than(o.lower().value) : Interval::all();
                   }
                   return o.upper().is_bounded() ? Interval::less_than(o.upper().value) : Interval::all();
                 },
                 subject.unit};
}

}  // namespace finmetrics
