#include "finmetrics/models/formula.hpp"

#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/models/display.hpp"

namespace finmetrics {

namespace {

std::string readings_text(const Operand& o) {
  if (o.is_exact()) return show(o.readings.strict, o.unit).substr(0) + " (exact)";
  if (o.readings.strict == o.readings.rounded) return show(o.readings.strict, o.unit);
  return fmt::format("strict {}, rounding {}", show(o.readings.strict, o.unit), show(o.readings.rounded, o.unit));
}

int rank(const Verdict& v) {
  switch (v.kind) {
    case VerdictKind::consistent: return 0;
    case VerdictKind::consistent_by_rounding: return 1;
    case VerdictKind::inconsistent: return 2;
    case VerdictKind::unverifiable: return 3;
  }
  return 3;
}

}  // namespace

Computed Formula::compute() const {
  std::vector<Interval> strict;
  std::vector<Interval> rounded;
  for (const auto& t : terms) {
    strict.push_back(t.operand.readings.strict);
    rounded.push_back(t.operand.readings.rounded);
  }
  return Computed{apply(strict), apply(rounded)};
}

namespace {

// The formula with each range operand replaced by one of its ends.
Formula at_end(const Formula& f, bool high) {
  Formula out = f;
  for (auto& t : out.terms)
    if (t.operand.ends) t.operand.readings = high ? t.operand.ends->high : t.operand.ends->low;
  return out;
}

std::optional<Computed> compute_or_say(const Formula& formula, Verdict& v) {
  try {
    return formula.compute();
  } catch (const std::domain_error& e) {
    // A divisor that may be zero (a verbal "single digits" base, a zero figure).
    v.missing.push_back(fmt::format("a divisor that cannot be zero ({})", e.what()));
  } catch (const DecimalOverflow& e) {
    v.missing.push_back(fmt::format("a result within the decimal range ({})", e.what()));
  }
  v.kind = VerdictKind::unverifiable;
  v.arithmetic.push_back("  cannot be computed: " + v.missing.back());
  return std::nullopt;
}

bool below_or_equal(const Bound& a, const Bound& b) { return a.is_bounded() && b.is_bounded() && a.value <= b.value; }

// Both sides are ranges of one quantity: the claim's low end against the formula
// at the operands' low ends, high against high; the worse end decides. Nullopt
// when the formula does not grow with the range (a quotient by a range): then the
// hulls are compared as usual.
std::optional<Verdict> end_to_end(const Operand& subject, const Formula& formula, Verdict v) {
  const Formula lo = at_end(formula, false);
  const Formula hi = at_end(formula, true);
  std::optional<Computed> clo;
  std::optional<Computed> chi;
  try {
    clo = lo.compute();
    chi = hi.compute();
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!below_or_equal(clo->strict.lower(), chi->strict.lower()) || !below_or_equal(clo->strict.upper(), chi->strict.upper()))
    return std::nullopt;
  v.arithmetic.emplace_back("  both sides are ranges of the same quantity: compared end to end");
  Verdict low = v;
  low.arithmetic.clear();
  low.arithmetic.push_back(fmt::format("  low end, computed from the strict readings:  {}", show(clo->strict, formula.unit)));
  low.arithmetic.push_back(fmt::format("  low end, computed from the rounded readings: {}", show(clo->rounded, formula.unit)));
  judge(low, subject.ends->low, *clo);
  Verdict high = v;
  high.arithmetic.clear();
  high.arithmetic.push_back(fmt::format("  high end, computed from the strict readings:  {}", show(chi->strict, formula.unit)));
  high.arithmetic.push_back(fmt::format("  high end, computed from the rounded readings: {}", show(chi->rounded, formula.unit)));
  judge(high, subject.ends->high, *chi);
  Verdict& worse = rank(high) > rank(low) ? high : low;
  Verdict out = worse;
  out.arithmetic = v.arithmetic;
  for (const auto& l : low.arithmetic) out.arithmetic.push_back(l.rfind("  ", 0) == 0 ? l : "  low:  " + l);
  for (const auto& l : high.arithmetic) out.arithmetic.push_back(l.rfind("  ", 0) == 0 ? l : "  high: " + l);
  out.arithmetic.push_back(fmt::format("=> {} (the {} end decides)", label(out.kind), &worse == &high ? "high" : "low"));
  return out;
}

void describe(Verdict& v, const std::string& name, const Operand& o) {
  v.arithmetic.push_back(fmt::format("  {} = {}: {}", name, o.label, readings_text(o)));
  for (const auto& n : o.notes) v.arithmetic.push_back(fmt::format("    ({})", n));
  v.data.push_back(DataUsed{o.label, readings_text(o), o.source});
}

}  // namespace

Verdict check_formula(const Operand& subject, const Formula& formula) {
  Verdict v;
  v.unit = subject.unit;
  v.arithmetic.push_back(fmt::format("{} = {}", subject.label, formula.expression));
  for (const auto& n : subject.notes) v.arithmetic.push_back(fmt::format("  ({}: {})", subject.label, n));
  v.data.push_back(DataUsed{subject.label, readings_text(subject), subject.source});
  bool ranges = false;
  for (const auto& t : formula.terms) {
    describe(v, t.name, t.operand);
    ranges = ranges || t.operand.ends.has_value();
  }
  if (subject.ends && ranges) {
    if (auto e = end_to_end(subject, formula, v)) return *e;
  }
  const std::optional<Computed> computed = compute_or_say(formula, v);
  if (!computed) return v;
  const Computed& c = *computed;
  v.arithmetic.push_back(fmt::format("  computed from the strict readings:  {}", show(c.strict, formula.unit)));
  v.arithmetic.push_back(fmt::format("  computed from the rounded readings: {}", show(c.rounded, formula.unit)));
  judge(v, subject.readings, c);
  return v;
}

Verdict check_best(const Operand& subject, const std::vector<std::pair<std::string, Formula>>& candidates) {
  if (candidates.empty()) throw std::invalid_argument("check_best: no candidate formula");
  std::vector<Verdict> all;
  for (const auto& [name, f] : candidates) all.push_back(check_formula(subject, f));
  std::size_t best = 0;
  for (std::size_t i = 1; i < all.size(); ++i) {
    const int a = rank(all[i]);
    const int b = rank(all[best]);
    if (a < b) {
      best = i;
    } else if (a == b && a == 2 && all[i].gap && all[best].gap && all[i].gap->relative_percent &&
               all[best].gap->relative_percent && *all[i].gap->relative_percent < *all[best].gap->relative_percent) {
      best = i;
    }
  }
  Verdict out = all[best];
  out.arithmetic.clear();
  out.data.clear();
  for (std::size_t i = 0; i < all.size(); ++i) {
    out.arithmetic.push_back(fmt::format("candidate {}: {}{}", i + 1, candidates[i].first, i == best ? " (best)" : ""));
    for (const auto& line : all[i].arithmetic) out.arithmetic.push_back("  " + line);
    for (const auto& d : all[i].data) {
      bool seen = false;
      for (const auto& e : out.data) seen = seen || e == d;
      if (!seen) out.data.push_back(d);
    }
  }
  return out;
}

}  // namespace finmetrics
