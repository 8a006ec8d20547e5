#include "finmetrics/models/parity.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/models/display.hpp"

namespace finmetrics {

namespace {

Interval band_of(const Decimal& tolerance_percent) {
  if (tolerance_percent.sign() < 0 || !(tolerance_percent < Decimal::from_integer(100))) {
    throw std::invalid_argument("CrossListingParity: tolerance_percent must be in [0, 100), got " +
                                tolerance_percent.to_string());
  }
  const Decimal one = Decimal::from_integer(1);
  const Decimal t = tolerance_percent.shifted(-2);
  return Interval::closed(one - t, one + t);
}

}  // namespace

Decimal default_parity_tolerance_percent() { return Decimal::from_integer(3); }

Formula CrossListingParity::formula() const {
  const Interval band = band_of(tolerance_percent);
  Operand b{fmt::format("parity band +-{}%", tolerance_percent.trimmed().to_string()), Readings::exact(band),
            Unit::of(Dimension::number), "CheckOptions::parity_tolerance_percent (docs/checking.md, cross-listing parity)"};
  return Formula{"ordinary x ratio x rate x band",
                 {Term{"ordinary", ordinary}, Term{"ratio", ratio}, Term{"rate", rate}, Term{"band", std::move(b)}},
                 [](const std::vector<Interval>& x) { return x[0] * x[1] * x[2] * x[3]; },
                 ads.unit};
}

Verdict CrossListingParity::evaluate() const {
  const Formula f = formula();
  Verdict v = check_formula(ads, f);
  // After the header and one line per term: what parity alone implies, and the gap.
  const Interval implied = ordinary.readings.strict * ratio.readings.strict * rate.readings.strict;
  std::vector<std::string> lines{fmt::format("  implied ADS price = ordinary x ratio x rate: {}", show(implied, ads.unit))};
  try {
    const Interval gap = (divide(ads.readings.strict, implied, division_exponent) -
                          Interval::point(Decimal::from_integer(1))) *
                         Interval::point(Decimal::from_integer(100));
    lines.push_back(fmt::format("  parity gap = (ads / implied - 1) x 100: {} (band +-{}%)",
                                show(gap, Unit::of(Dimension::percent)), tolerance_percent.trimmed().to_string()));
  } catch (const std::domain_error&) {
    lines.emplace_back("  parity gap: not computed (the implied price may be zero)");
  }
  const auto at = static_cast<std::ptrdiff_t>(std::min(v.arithmetic.size(), 1 + f.terms.size()));
  v.arithmetic.insert(v.arithmetic.begin() + at, lines.begin(), lines.end());
  return v;
}

}  // namespace finmetrics
