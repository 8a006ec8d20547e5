// Relations found without being stated: two claims of the same figure
// (`same_figure`), a growth rate with an amount of its base metric (`growth`), a
// margin with a profit and a revenue claim (`margin`), and parity pairs.
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics::check_detail {

namespace {

void same_figures(CheckContext& cx) {
  const auto& claims = cx.set.claims;
  // Clusters of claims already tied by same_as/converts, so that they are not paired again.
  std::map<std::string, std::string> root;
  const std::function<std::string(const std::string&)> find = [&](const std::string& id) -> std::string {
    auto it = root.find(id);
    if (it == root.end() || it->second == id) return id;
    return it->second = find(it->second);
  };
  for (const auto& c : claims)
    if (c.relation && (c.relation->kind == RelationKind::same_as || c.relation->kind == RelationKind::converts))
      root[find(c.id)] = find(c.relation->targets.front());

  const auto measured = [&cx](const Claim& c) {
    if (c.relation && c.relation->kind == RelationKind::growth_of) {
      if (const Claim* x = cx.set.find(c.relation->targets.front())) return x->metric + " " + c.metric;
    }
    return c.metric;
  };
  const auto same_key = [&measured](const Claim& a, const Claim& b) {
    return a.subject() == b.subject() && measured(a) == measured(b) && a.period && b.period &&
           a.period->same_days(*b.period) && a.listing == b.listing && (!is_market_metric(a.metric) || a.as_of == b.as_of);
  };
  const auto names = [](const Claim& a, const Claim& b) {
    return a.relation && std::find(a.relation->targets.begin(), a.relation->targets.end(), b.id) != a.relation->targets.end();
  };
  for (std::size_t j = 0; j < claims.size(); ++j) {
    const Claim& b = claims[j];
    if (b.metric == "other" || !b.figure.has_value()) continue;
    for (std::size_t i = 0; i < j; ++i) {
      const Claim& a = claims[i];
      if (!a.figure.has_value() || !same_key(a, b) || find(a.id) == find(b.id)) continue;
      if (names(b, a) || names(a, b)) continue;
      std::vector<std::string> missing;
      const ClaimPeriod* window = CheckContext::flow_window(a) ? &*a.period : nullptr;
      const std::string title =
          fmt::format("{} and {}: the same metric, entity and period", CheckContext::label(b), CheckContext::label(a));
      auto v = cx.compare_amounts(CheckContext::operand(b), CheckContext::operand(a), CheckContext::spot_days(b, &a),
                                  window, missing);
      if (v) {
        cx.add(FindingKind::same_figure, title, b, {a.id}, false, std::move(*v));
      } else {
        cx.add_unverifiable(FindingKind::same_figure, title, b, {a.id}, false, missing);
      }
      root[find(b.id)] = find(a.id);
    }
  }
}

// A growth rate and an amount of its base metric for the same entity and period.
void growth_with_value(CheckContext& cx, const Claim& g) {
  const std::string base = base_metric_of(g.metric);
  for (const auto& x : cx.set.claims) {
    if (x.metric != base || x.subject() != g.subject() || !x.period || !x.period->same_days(*g.period) ||
        !x.figure.has_value())
      continue;
    std::vector<std::string> missing;
    std::string prior_id;
    auto prior = cx.prior_of(x, missing, prior_id);
    if (!prior || !is_percent(g.figure.unit) || !same_unit(x.figure.unit, prior->unit)) continue;
    std::vector<std::string> ids{x.id};
    if (!prior_id.empty()) ids.push_back(prior_id);
    cx.add(FindingKind::growth,
           fmt::format("{} is the growth of {} (same entity and period)", CheckContext::label(g), CheckContext::label(x)),
           g, ids, false, Growth{CheckContext::operand(g), CheckContext::operand(x), *prior}.evaluate());
    return;
  }
}

// A margin with an adjusted EBITA and a revenue claim for the same entity and period.
void margin_with_parts(CheckContext& cx, const Claim& g) {
  const Claim* profit = nullptr;
  const Claim* revenue = nullptr;
  for (const auto& x : cx.set.claims) {
    if (x.subject() != g.subject() || !x.period || !x.period->same_days(*g.period) || !x.figure.has_value()) continue;
    if (x.metric == "adjusted_ebita" && profit == nullptr) profit = &x;
    if (x.metric == "revenue" && revenue == nullptr) revenue = &x;
  }
  if (profit != nullptr && revenue != nullptr && is_percent(g.figure.unit) &&
      same_unit(profit->figure.unit, revenue->figure.unit)) {
    cx.add(FindingKind::margin,
           fmt::format("{} is {} over {} (same entity and period)", CheckContext::label(g),
                       CheckContext::label(*profit), CheckContext::label(*revenue)),
           g, {profit->id, revenue->id}, false,
           Quotient{CheckContext::operand(g), CheckContext::operand(*profit), CheckContext::operand(*revenue), true}
               .evaluate());
  }
}

}  // namespace

void find_relations(CheckContext& cx) {
  same_figures(cx);
  check_parity_pairs(cx);
  for (const auto& g : cx.set.claims) {
    if (g.relation || !g.figure.has_value() || !g.period) continue;
    if (is_growth_metric(g.metric)) {
      growth_with_value(cx, g);
    } else if (g.metric == "margin") {
      margin_with_parts(cx, g);
    }
  }
}

}  // namespace finmetrics::check_detail
