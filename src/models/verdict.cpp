#include "finmetrics/models/verdict.hpp"

#include <fmt/format.h>

#include "finmetrics/models/display.hpp"

namespace finmetrics {

std::string_view to_string(VerdictKind kind) noexcept {
  switch (kind) {
    case VerdictKind::consistent: return "consistent";
    case VerdictKind::consistent_by_rounding: return "consistent_by_rounding";
    case VerdictKind::inconsistent: return "inconsistent";
    case VerdictKind::unverifiable: return "unverifiable";
  }
  return "?";
}

std::string_view label(VerdictKind kind) noexcept {
  switch (kind) {
    case VerdictKind::consistent: return "consistent";
    case VerdictKind::consistent_by_rounding: return "consistent only by rounding";
    case VerdictKind::inconsistent: return "INCONSISTENT";
    case VerdictKind::unverifiable: return "unverifiable";
  }
  return "?";
}

Decimal distance(const Interval& a, const Interval& b) {
  if (a.intersects(b)) return Decimal{};
  if (a.upper().is_bounded() && b.lower().is_bounded() && a.upper().value <= b.lower().value)
    return b.lower().value - a.upper().value;
  if (b.upper().is_bounded() && a.lower().is_bounded() && b.upper().value <= a.lower().value)
    return a.lower().value - b.upper().value;
  return Decimal{};
}

void judge(Verdict& v, const Readings& claim, const Computed& c) {
  v.claimed = claim;
  v.computed = c;
  const Unit& u = v.unit;
  const auto meet = [](const Interval& a, const Interval& b) { return a.intersects(b) ? "meet" : "do not meet"; };
  v.arithmetic.push_back(fmt::format("strict:     claim {} vs computed {}: {}", show(claim.strict, u),
                                     show(c.strict, u), meet(claim.strict, c.strict)));
  if (claim.strict.intersects(c.strict)) {
    v.kind = VerdictKind::consistent;
    v.reading = "strict";
    v.arithmetic.emplace_back("=> consistent");
    return;
  }
  v.arithmetic.push_back(fmt::format("rounding:   claim {} vs computed {}: {}", show(claim.rounded, u),
                                     show(c.rounded, u), meet(claim.rounded, c.rounded)));
  if (claim.rounded.intersects(c.rounded)) {
    v.kind = VerdictKind::consistent_by_rounding;
    v.reading = "rounding";
    v.arithmetic.emplace_back("=> consistent only by rounding");
    return;
  }
  if (!(claim.truncated == claim.rounded)) {
    v.arithmetic.push_back(fmt::format("truncation: claim {} vs computed {}: {}", show(claim.truncated, u),
                                       show(c.rounded, u), meet(claim.truncated, c.rounded)));
    if (claim.truncated.intersects(c.rounded)) {
      v.kind = VerdictKind::consistent_by_rounding;
      v.reading = "truncation";
      v.arithmetic.emplace_back("=> consistent only by truncation of the claim's digits");
      return;
    }
  }
  v.kind = VerdictKind::inconsistent;
  v.reading.clear();
  Gap g{distance(claim.strict, c.strict), std::nullopt};
  // The computed end nearest to the claim.
  const bool claim_below = claim.strict.upper().is_bounded() && c.strict.lower().is_bounded() &&
                           claim.strict.upper().value <= c.strict.lower().value;
  const Bound& nearest = claim_below ? c.strict.lower() : c.strict.upper();
  if (nearest.is_bounded() && !nearest.value.is_zero()) {
    g.relative_percent = Decimal::divide_significant(g.absolute * Decimal::from_integer(100), nearest.value.abs(), 4);
  }
  v.gap = g;
  const Unit gap_unit = u.dimension == Dimension::percent ? Unit::of(Dimension::percentage_points) : u;
  v.arithmetic.push_back(fmt::format("=> INCONSISTENT: the claim is {} {} the computed value{}", show(g.absolute, gap_unit),
                                     claim_below ? "below" : "above",
                                     g.relative_percent ? fmt::format(" ({}% of {})", g.relative_percent->trimmed().to_string(),
                                                                      show(nearest.value, u))
                                                        : std::string()));
}

}  // namespace finmetrics
