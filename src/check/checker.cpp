// `check_claims`: stated relations, then relations found automatically, then each
// claim against the reference data, then every claim's verdict. Each kind of
// check lives in its own file (check_context.hpp lists them).
#include "finmetrics/check/checker.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "check_context.hpp"

namespace finmetrics {

namespace check_detail {
namespace {

// A claim against the reference data, by its metric.
void check_against_data(CheckContext& cx, const Claim& c) {
  if (!c.figure.has_value()) return cx.note(c, c.figure.problem);
  const Metric& m = cx.metric(c);
  if (m.role == MetricRole::unchecked) {
    return cx.note(c, fmt::format("metric '{}' is not checked against data", c.metric) +
                          (c.notes.empty() ? std::string() : ": " + c.notes));
  }
  if (m.role == MetricRole::conversion || m.role == MetricRole::multiple) {
    if (!c.relation && cx.find_relation(RelationKind::multiple_of, c.id) == nullptr)
      cx.note(c, fmt::format("a {} is checked only through a relation to the figure it belongs to", c.metric));
    return;
  }
  if (is_market_role(m.role) && is_projection(c.quote, cx.lexicon)) {
    return cx.note(c, "a projection (the quote says could/would/will/...): market data cannot confirm it");
  }
  if ((m.role == MetricRole::price_change || m.role == MetricRole::growth_rate || m.role == MetricRole::margin) &&
      !is_percent(c.figure.unit)) {
    return cx.note(c, fmt::format("a {} is checked in %, the figure is in {}", c.metric, unit_name(c.figure.unit)));
  }
  if (is_market_role(m.role)) return check_market_data(cx, c);
  check_reported_data(cx, c);
}

// Runs one check of claim `c`; arithmetic beyond the decimal range (a figure of 38
// digits times a rate) makes that check unverifiable, never the whole run.
template <class F>
void guarded(CheckContext& cx, const Claim& c, FindingKind kind, F&& check) {
  const std::size_t before = cx.findings.size();
  try {
    check();
  } catch (const DecimalOverflow& e) {
    cx.findings.resize(before);
    cx.add_unverifiable(kind, fmt::format("{}: arithmetic beyond the decimal range", CheckContext::label(c)), c, {},
                        c.relation.has_value(), {fmt::format("a result within 38 digits ({})", e.what())});
  }
}

// Relations that lead back to their own claim (A same_as B, B same_as A): each
// finding of the cycle rests on the others, which the report must say.
std::vector<Error> relation_cycles(const CheckContext& cx) {
  std::vector<Error> out;
  const auto& claims = cx.set.claims;
  std::unordered_map<const Claim*, int> state;  // 1 on the path, 2 done
  for (const Claim& start : claims) {
    if (state[&start] != 0) continue;
    // Iterative depth-first search: (claim, next target index).
    std::vector<std::pair<const Claim*, std::size_t>> path{{&start, 0}};
    state[&start] = 1;
    while (!path.empty()) {
      auto& [c, next] = path.back();
      const std::size_t n = c->relation ? c->relation->targets.size() : 0;
      if (next == n) {
        state[c] = 2;
        path.pop_back();
        continue;
      }
      const Claim* t = cx.claim(c->relation->targets[next++]);
      if (t == nullptr) continue;
      if (state[t] == 1) {
        std::vector<const Claim*> on_cycle;
        bool on = false;
        for (const auto& [p, k] : path) {
          if (p == t) on = true;
          if (on) on_cycle.push_back(p);
        }
        // A cycle through thousands of claims is named by its ends: a
        // diagnostic stays one readable line.
        std::string cycle;
        for (std::size_t i = 0; i < on_cycle.size(); ++i) {
          if (on_cycle.size() > 8 && i == 4) {
            cycle += fmt::format("... ({} more) -> ", on_cycle.size() - 7);
            i = on_cycle.size() - 3;
          }
          cycle += quote_for_message(on_cycle[i]->id) + " -> ";
        }
        cycle += quote_for_message(t->id);
        Error e = make_error(Errc::syntax,
                             fmt::format("{}: relation '{}' closes a cycle ({}): each finding of the cycle rests on the others",
                                         quote_for_message(c->id), quote_for_message(c->relation->to_string()), cycle),
                             c->relation->to_string());
        e.line = c->line;
        out.push_back(std::move(e));
      } else if (state[t] == 0) {
        state[t] = 1;
        path.emplace_back(t, 0);
      }
    }
  }
  return out;
}

}  // namespace
}  // namespace check_detail

std::string_view to_string(FindingKind kind) noexcept {
  switch (kind) {
    case FindingKind::same_as: return "same_as";
    case FindingKind::converts: return "converts";
    case FindingKind::growth_of: return "growth_of";
    case FindingKind::prior_of: return "prior_of";
    case FindingKind::margin_of: return "margin_of";
    case FindingKind::ratio_of: return "ratio_of";
    case FindingKind::multiple_of: return "multiple_of";
    case FindingKind::change_of: return "change_of";
    case FindingKind::to: return "to";
    case FindingKind::sum_of: return "sum_of";
    case FindingKind::difference_of: return "difference_of";
    case FindingKind::product_of: return "product_of";
    case FindingKind::at_most: return "at_most";
    case FindingKind::at_least: return "at_least";
    case FindingKind::magnitude_of: return "magnitude_of";
    case FindingKind::daily_of: return "daily_of";
    case FindingKind::compound_of: return "compound_of";
    case FindingKind::cagr_of: return "cagr_of";
    case FindingKind::same_figure: return "same_figure";
    case FindingKind::growth: return "growth";
    case FindingKind::margin: return "margin";
    case FindingKind::parity: return "parity";
    case FindingKind::reported: return "reported";
    case FindingKind::price_change: return "price_change";
    case FindingKind::market_cap: return "market_cap";
    case FindingKind::market_cap_change: return "market_cap_change";
    case FindingKind::share_price: return "share_price";
  }
  return "?";
}

std::size_t CheckResult::count(VerdictKind kind) const {
  return static_cast<std::size_t>(std::count_if(claims.begin(), claims.end(), [&](const auto& c) { return c.kind == kind; }));
}

CheckResult check_claims(const ClaimSet& claims, const ReferenceData& data, const CheckOptions& options) {
  using namespace check_detail;
  CheckContext cx(claims, data, options);
  for (const auto& c : claims.claims) {
    if (c.relation) guarded(cx, c, FindingKind::same_as, [&] { check_stated_relation(cx, c); });
  }
  find_relations(cx);
  for (const auto& c : claims.claims) guarded(cx, c, FindingKind::reported, [&] { check_against_data(cx, c); });
  CheckResult out = claim_verdicts(cx);
  auto cycles = relation_cycles(cx);
  out.row_errors.insert(out.row_errors.end(), cycles.begin(), cycles.end());
  std::stable_sort(out.row_errors.begin(), out.row_errors.end(),
                   [](const Error& a, const Error& b) { return a.line < b.line; });
  return out;
}

}  // namespace finmetrics
