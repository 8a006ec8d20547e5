// `check_claims`: stated relations, then relations found automatically, then each
// claim against the reference data, then every claim's verdict. Each kind of
// check lives in its own file (check_context.hpp lists them).
#include "finmetrics/check/checker.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "check_context.hpp"

namespace finmetrics {

namespace check_detail {
namespace {

// A claim against the reference data, by its metric.
void check_against_data(CheckContext& cx, const Claim& c) {
  if (!c.figure.has_value()) return cx.note(c, c.figure.problem);
  const std::string& m = c.metric;
  if (m == "other") {
    return cx.note(c, "metric 'other' is not checked against data" + (c.notes.empty() ? std::string() : ": " + c.notes));
  }
  if (m == "fx_conversion" || m == "valuation_multiple") {
    if (!c.relation && cx.find_relation(RelationKind::multiple_of, c.id) == nullptr)
      cx.note(c, fmt::format("a {} is checked only through a relation to the figure it belongs to", m));
    return;
  }
  if (is_market_metric(m) && is_projection(c.quote)) {
    return cx.note(c, "a projection (the quote says could/would/will/...): market data cannot confirm it");
  }
  if ((m == "price_change" || is_growth_metric(m) || m == "margin") && !is_percent(c.figure.unit)) {
    return cx.note(c, fmt::format("a {} is checked in %, the figure is in {}", m, unit_name(c.figure.unit)));
  }
  if (is_market_metric(m)) return check_market_data(cx, c);
  check_reported_data(cx, c);
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
  check_detail::CheckContext cx(claims, data, options);
  for (const auto& c : claims.claims)
    if (c.relation) check_stated_relation(cx, c);
  find_relations(cx);
  for (const auto& c : claims.claims) check_detail::check_against_data(cx, c);
  return claim_verdicts(cx);
}

}  // namespace finmetrics
