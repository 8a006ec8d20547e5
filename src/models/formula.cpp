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

Verdict check_formula(const Operand& subject, const Formula& formula) {
  Verdict v;
  v.unit = subject.unit;
  v.arithmetic.push_back(fmt::format("{} = {}", subject.label, formula.expression));
  v.data.push_back(DataUsed{subject.label, readings_text(subject), subject.source});
  for (const auto& t : formula.terms) {
    v.arithmetic.push_back(fmt::format("  {} = {}: {}", t.name, t.operand.label, readings_text(t.operand)));
    v.data.push_back(DataUsed{t.operand.label, readings_text(t.operand), t.operand.source});
  }
  std::optional<Computed> computed;
  try {
    computed = formula.compute();
  } catch (const std::domain_error& e) {
    // A divisor that may be zero (a verbal "single digits" base, a zero figure).
    v.missing.push_back(fmt::format("a divisor that cannot be zero ({})", e.what()));
  } catch (const DecimalOverflow& e) {
    v.missing.push_back(fmt::format("a result within the decimal range ({})", e.what()));
  }
  if (!computed) {
    v.kind = VerdictKind::unverifiable;
    v.arithmetic.push_back("  cannot be computed: " + v.missing.back());
    return v;
  }
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
