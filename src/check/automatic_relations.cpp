// Relations found without being stated: two claims of the same figure
// (`same_figure`), a growth rate with an amount of its base metric (`growth`), a
// margin with a profit and a revenue claim (`margin`), and parity pairs.
#include <algorithm>
#include <cctype>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics::check_detail {

namespace {

// The key of a figure: two claims with the same key state the same figure.
std::string figure_key(const CheckContext& cx, const Claim& c) {
  std::string measured = c.metric;
  if (c.relation && c.relation->kind == RelationKind::growth_of) {
    if (const Claim* x = cx.claim(c.relation->targets.front())) measured = x->metric + " " + c.metric;
  }
  std::string key = cx.subject(c) + '\x1f' + measured + '\x1f' + iso(c.period->first_day()) + ".." +
                    iso(c.period->last_day()) + '\x1f' + c.listing;
  if (is_market_role(cx.metric(c).role)) key += '\x1f' + (c.as_of ? iso(*c.as_of) : std::string("-"));
  // A restated or pro-forma figure is another figure than the one first reported.
  std::string basis;
  for (char ch : c.basis) basis += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return key + '\x1f' + basis;
}

// A figure only a relation can check (a conversion, a multiple) or none (other).
bool never_paired(const Metric& m) {
  return m.role == MetricRole::unchecked || m.role == MetricRole::conversion || m.role == MetricRole::multiple;
}

void same_figures(CheckContext& cx) {
  const auto& claims = cx.set.claims;
  // Clusters of claims already tied by same_as/converts, so that they are not paired again.
  std::unordered_map<std::string, std::string> root;
  const std::function<std::string(const std::string&)> find = [&](const std::string& id) -> std::string {
    auto it = root.find(id);
    if (it == root.end() || it->second == id) return id;
    return it->second = find(it->second);
  };
  for (const auto& c : claims)
    if (c.relation && (c.relation->kind == RelationKind::same_as || c.relation->kind == RelationKind::converts))
      root[find(c.id)] = find(c.relation->targets.front());

  const auto names = [](const Claim& a, const Claim& b) {
    return a.relation && std::find(a.relation->targets.begin(), a.relation->targets.end(), b.id) != a.relation->targets.end();
  };
  // Earlier claims by key: each claim is compared with the earlier ones of its key
  // only, one per cluster: a claim that joins a cluster the key already holds is not
  // kept for later claims (they meet the cluster through its first member), so that
  // a figure repeated n times costs n comparisons, not n^2 / 2.
  struct Group {
    std::vector<const Claim*> members;
    std::unordered_set<std::string> roots;
  };
  std::unordered_map<std::string, Group> earlier;
  for (const Claim& b : claims) {
    if (!b.period || !b.figure.has_value()) continue;
    auto& group = earlier[figure_key(cx, b)];
    if (!never_paired(cx.metric(b))) {
      for (const Claim* ap : group.members) {
        const Claim& a = *ap;
        if (find(a.id) == find(b.id) || names(b, a) || names(a, b)) continue;
        // A row repeated under another id is one statement, not a second source.
        if (a.document == b.document && a.quote == b.quote && a.figure.text == b.figure.text) {
          cx.note(b, fmt::format("repeats claim {} (the same quote and figure): not checked against it", a.id));
          cx.note(a, fmt::format("repeated as claim {} (the same quote and figure)", b.id));
          root[find(b.id)] = find(a.id);  // one statement: later claims meet it through `a`
          continue;
        }
        std::vector<std::string> missing;
        const ClaimPeriod* window = cx.flow_window(a) ? &*a.period : nullptr;
        const std::string title =
            fmt::format("{} and {}: the same metric, entity and period", CheckContext::label(b), CheckContext::label(a));
        std::optional<Verdict> v;
        try {
          // A hedged figure and its translation in one quote: the threshold is translated.
          v = cx.compare_amounts(translated_operand(b, a), translated_operand(a, b), CheckContext::spot_days(b, &a),
                                 window, missing);
        } catch (const DecimalOverflow& e) {
          missing.push_back(fmt::format("a result within 38 digits ({})", e.what()));
        }
        if (v) {
          cx.add(FindingKind::same_figure, title, b, {a.id}, false, std::move(*v));
        } else {
          cx.add_unverifiable(FindingKind::same_figure, title, b, {a.id}, false, missing);
        }
        root[find(b.id)] = find(a.id);
      }
    }
    if (group.roots.insert(find(b.id)).second) group.members.push_back(&b);
  }
}

// A growth rate and an amount of its base metric for the same entity and period.
void growth_with_value(CheckContext& cx, const Claim& g) {
  for (const Claim* xp : cx.claims_of(cx.subject(g), cx.metric(g).growth_of, *g.period)) {
    const Claim& x = *xp;
    if (!x.figure.has_value()) continue;
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

// A margin with a claim of its numerator (a profit) and one of its denominator
// (revenue) for the same entity and period.
void margin_with_parts(CheckContext& cx, const Claim& g) {
  const Metric& m = cx.metric(g);
  const auto first_with_value = [&](const std::string& metric) -> const Claim* {
    for (const Claim* x : cx.claims_of(cx.subject(g), metric, *g.period))
      if (x->figure.has_value()) return x;
    return nullptr;
  };
  const Claim* profit = first_with_value(m.numerator);
  const Claim* revenue = first_with_value(m.denominator);
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
    const MetricRole role = cx.metric(g).role;
    try {
      if (role == MetricRole::growth_rate) {
        growth_with_value(cx, g);
      } else if (role == MetricRole::margin) {
        margin_with_parts(cx, g);
      }
    } catch (const DecimalOverflow& e) {
      cx.add_unverifiable(role == MetricRole::margin ? FindingKind::margin : FindingKind::growth,
                          fmt::format("{}: arithmetic beyond the decimal range", CheckContext::label(g)), g, {}, false,
                          {fmt::format("a result within 38 digits ({})", e.what())});
    }
  }
}

}  // namespace finmetrics::check_detail
