// A claim's verdict from its findings: the worst decisive finding it is the
// subject of, else the worst it takes part in, else unverifiable with what is
// missing (docs/checking.md, "A claim's verdict").
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/display.hpp"

namespace finmetrics::check_detail {

namespace {

// One line: the decisive comparison and its gap.
std::string reason(const Finding& f, const std::string& id) {
  const Verdict& v = f.verdict;
  std::string s = f.id + " " + std::string(to_string(f.kind));
  if (f.subject != id) s += " (via " + f.subject + ")";
  if (v.claimed && v.computed) {
    if (v.kind == VerdictKind::consistent_by_rounding) {
      s += fmt::format(": {} claim {} vs computed {}", v.reading,
                       show(v.reading == "truncation" ? v.claimed->truncated : v.claimed->rounded, v.unit),
                       show(v.computed->rounded, v.unit));
    } else {
      s += fmt::format(": claim {} vs computed {}", show(v.claimed->strict, v.unit), show(v.computed->strict, v.unit));
    }
  }
  if (v.gap) {
    const Unit gu = v.unit.dimension == Dimension::percent ? Unit::of(Dimension::percentage_points) : v.unit;
    s += fmt::format(", gap {}", show(v.gap->absolute, gu));
    if (v.gap->relative_percent) s += fmt::format(" ({}%)", v.gap->relative_percent->trimmed().to_string());
  }
  return s;
}

}  // namespace

CheckResult claim_verdicts(CheckContext& cx) {
  CheckResult out;
  out.claims_source = cx.set.source;
  out.data_files = cx.ref.files;
  out.fx_source = cx.ref.fx_source;
  out.row_errors = cx.set.row_errors;
  const std::vector<Finding>& findings = cx.findings;
  // The findings each claim takes part in, in order (one pass over the findings).
  std::unordered_map<std::string_view, std::vector<std::size_t>> of_claim;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].supporting) continue;
    for (const auto& id : findings[i].claims) of_claim[id].push_back(i);
  }
  static const std::vector<std::size_t> none;
  for (const auto& c : cx.set.claims) {
    ClaimOutcome o;
    o.id = c.id;
    std::vector<std::size_t> own;
    std::vector<std::size_t> involved;
    std::vector<std::size_t> undecided;
    const auto listed = of_claim.find(c.id);
    for (std::size_t i : listed == of_claim.end() ? none : listed->second) {
      const Finding& f = findings[i];
      if (f.verdict.kind == VerdictKind::unverifiable) {
        undecided.push_back(i);
      } else if (f.subject == c.id) {
        own.push_back(i);
      } else {
        involved.push_back(i);
      }
    }
    const std::vector<std::size_t>& decisive = own.empty() ? involved : own;
    if (!decisive.empty()) {
      std::size_t worst = decisive.front();
      for (std::size_t i : decisive)
        if (rank(findings[i].verdict.kind) > rank(findings[worst].verdict.kind)) worst = i;
      o.kind = findings[worst].verdict.kind;
      o.findings = decisive;
      o.reason = reason(findings[worst], c.id);
    } else {
      o.kind = VerdictKind::unverifiable;
      o.findings = undecided;
      std::vector<std::string> why;
      for (std::size_t i : undecided)
        for (const auto& m : findings[i].verdict.missing)
          if (std::find(why.begin(), why.end(), m) == why.end()) why.push_back(m);
      std::string text;
      if (!why.empty()) {
        text = "missing: ";
        for (std::size_t k = 0; k < why.size(); ++k) text += (k == 0 ? "" : "; ") + why[k];
      }
      if (auto it = cx.notes.find(c.id); it != cx.notes.end()) {
        for (const auto& n : it->second) text += (text.empty() ? "" : "; ") + n;
      }
      if (text.empty()) text = "no relation or reference data applies";
      o.reason = text;
    }
    out.claims.push_back(std::move(o));
  }
  out.findings = std::move(cx.findings);
  return out;
}

}  // namespace finmetrics::check_detail
