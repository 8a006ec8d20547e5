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
  // The readings in order of strictness; the first that meets decides.
  struct Attempt {
    const char* label;
    const Interval& claimed;
    const Interval& computed;
    VerdictKind kind;
    const char* conclusion;
  };
  const Attempt attempts[] = {
      {"strict", claim.strict, c.strict, VerdictKind::consistent, "=> consistent"},
      {"rounding", claim.rounded, c.rounded, VerdictKind::consistent_by_rounding, "=> consistent only by rounding"},
      {"truncation", claim.truncated, c.rounded, VerdictKind::consistent_by_rounding,
       "=> consistent only by truncation of the claim's digits"},
  };
  for (const Attempt& a : attempts) {
    if (&a.claimed == &claim.truncated && claim.truncated == claim.rounded) continue;  // nothing new to try
    const bool meets = a.claimed.intersects(a.computed);
    v.arithmetic.push_back(fmt::format("{:<12}claim {} vs computed {}: {}", fmt::format("{}:", a.label),
                                       show(a.claimed, u), show(a.computed, u), meets ? "meet" : "do not meet"));
    if (meets) {
      v.kind = a.kind;
      v.reading = a.label;
      v.arithmetic.emplace_back(a.conclusion);
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
