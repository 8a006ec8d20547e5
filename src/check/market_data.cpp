// Market figures against the price history: price moves, market caps, their
// changes over a window, and share prices (each listing a candidate, the best decides).
#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/growth.hpp"

namespace finmetrics::check_detail {

namespace {

using Candidates = std::vector<std::pair<std::string, Formula>>;

// The finding of a market-data check: the best of the listings' candidates, or
// unverifiable with what was missing when no listing had the data.
void add_best(CheckContext& cx, FindingKind kind, std::string title, const Claim& c, const Candidates& candidates,
              std::vector<std::string> missing) {
  if (candidates.empty()) return cx.add_unverifiable(kind, std::move(title), c, {}, false, std::move(missing));
  cx.add(kind, std::move(title), c, {}, false, check_best(CheckContext::operand(c), candidates));
}

std::pair<Date, Date> observation_days(const Claim& c) {
  if (c.period) return {c.period->first_day(), c.period->last_day()};
  return {*c.as_of, *c.as_of};
}

// The closes a move over the claim's window runs between on listing `l`: the end
// (the close of as_of, else of the window's last day) and the base before it
// (`how` says which); nullopt, with what is missing, when either is not recorded.
struct WindowPrices {
  const PriceObservation* end;
  const PriceObservation* base;
  std::string how;
};
std::optional<WindowPrices> window_prices(const CheckContext& cx, const Claim& c, const Listing& l,
                                          std::vector<std::string>& missing) {
  const PriceObservation* end = cx.end_price(c, l, *c.period, missing);
  if (end == nullptr) return std::nullopt;
  WindowPrices w{end, nullptr, {}};
  w.base = cx.base_price(c, l, *c.period, end->date, missing, w.how);
  if (w.base == nullptr) return std::nullopt;
  return w;
}

void price_change(CheckContext& cx, const Claim& c) {
  if (c.relation && c.relation->kind == RelationKind::to) return;  // the stated end price is checked there
  const std::string title = fmt::format("{}: price change {} against the price history", CheckContext::label(c),
                                        c.period ? c.period->text : std::string("(no window)"));
  std::vector<std::string> missing;
  if (!c.period) return cx.add_unverifiable(FindingKind::price_change, title, c, {}, false, {"the window of the move"});
  Candidates candidates;
  for (const Listing* l : cx.listings_for(c, missing)) {
    const auto w = window_prices(cx, c, *l, missing);
    if (!w) continue;
    const PriceObservation* end = w->end;
    const PriceObservation* base = w->base;
    const std::string& how = w->how;
    const Unit u = CheckContext::price_unit(*l);
    candidates.emplace_back(fmt::format("{}, base = {}, end = close of {}", l->symbol, how, iso(end->date)),
                            Growth{CheckContext::operand(c), CheckContext::price_operand(*l, *end, u),
                                   CheckContext::price_operand(*l, *base, u)}
                                .formula());
  }
  add_best(cx, FindingKind::price_change, title, c, candidates, std::move(missing));
}

void market_cap(CheckContext& cx, const Claim& c) {
  std::vector<std::string> missing;
  const std::string title = fmt::format("{}: market cap against price x shares", CheckContext::label(c));
  if ((!c.period && !c.as_of) || !c.figure.unit.currency) {
    return cx.add_unverifiable(FindingKind::market_cap, title, c, {}, false, {"the date of the market cap"});
  }
  const auto [first, last] = observation_days(c);
  Candidates candidates;
  for (const Listing* l : cx.listings_for(c, missing)) {
    std::optional<CapInputs> lo;
    std::optional<CapInputs> hi;
    std::size_t n = 0;
    for (const PriceObservation* p : cx.observations(*l, first, last)) {
      auto in = cx.cap_inputs(*l, *p, *c.figure.unit.currency, missing);
      if (!in) continue;
      ++n;
      if (!lo || in->approx < lo->approx) lo = *in;
      if (!hi || hi->approx < in->approx) hi = std::move(in);
    }
    if (!lo) {
      if (n == 0) missing.push_back(fmt::format("{} prices in {}..{}", l->symbol, iso(first), iso(last)));
      continue;
    }
    const bool single = lo->price.label == hi->price.label;
    candidates.emplace_back(fmt::format("{}: {} recorded price{} in {}..{}, lowest and highest market value", l->symbol,
                                        n, n == 1 ? "" : "s", iso(first), iso(last)),
                            cap_formula(*lo, single ? std::nullopt : hi, c.figure.unit));
  }
  add_best(cx, FindingKind::market_cap, title, c, candidates, std::move(missing));
}

void market_cap_change(CheckContext& cx, const Claim& c) {
  std::vector<std::string> missing;
  const std::string title = fmt::format("{}: market-value change over {} against price x shares",
                                        CheckContext::label(c), c.period ? c.period->text : std::string("(no window)"));
  if (!c.period || !c.figure.unit.currency) {
    return cx.add_unverifiable(FindingKind::market_cap_change, title, c, {}, false, {"the window of the change"});
  }
  Candidates candidates;
  for (const Listing* l : cx.listings_for(c, missing)) {
    const auto w = window_prices(cx, c, *l, missing);
    if (!w) continue;
    const PriceObservation* end = w->end;
    const PriceObservation* base = w->base;
    const std::string& how = w->how;
    auto e = cx.cap_inputs(*l, *end, *c.figure.unit.currency, missing);
    auto b = cx.cap_inputs(*l, *base, *c.figure.unit.currency, missing);
    if (!e || !b) continue;
    const Unit u = c.figure.unit;
    Formula fe = cap_formula(*e, std::nullopt, u);
    Formula fb = cap_formula(*b, std::nullopt, u);
    Formula f;
    f.unit = u;
    f.expression = "(end: " + fe.expression + ") - (start: " + fb.expression + ")";
    for (const auto& t : fe.terms) f.terms.push_back(Term{"end " + t.name, t.operand});
    for (const auto& t : fb.terms) f.terms.push_back(Term{"start " + t.name, t.operand});
    const std::size_t ne = fe.terms.size();
    f.apply = [fe, fb, ne](const std::vector<Interval>& v) {
      const std::vector<Interval> a(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(ne));
      const std::vector<Interval> b2(v.begin() + static_cast<std::ptrdiff_t>(ne), v.end());
      return fe.apply(a) - fb.apply(b2);
    };
    candidates.emplace_back(fmt::format("{}, start = {}, end = close of {}", l->symbol, how, iso(end->date)),
                            std::move(f));
  }
  add_best(cx, FindingKind::market_cap_change, title, c, candidates, std::move(missing));
}

void share_price(CheckContext& cx, const Claim& c) {
  std::vector<std::string> missing;
  const std::string title = fmt::format("{}: share price against the recorded prices", CheckContext::label(c));
  if ((!c.period && !c.as_of) || !c.figure.unit.currency) {
    return cx.add_unverifiable(FindingKind::share_price, title, c, {}, false, {"the date and currency of the price"});
  }
  const auto [first, last] = observation_days(c);
  Candidates candidates;
  for (const Listing* l : cx.listings_for(c, missing)) {
    if (!(l->currency == *c.figure.unit.currency)) continue;
    const PriceObservation* lo = nullptr;
    const PriceObservation* hi = nullptr;
    for (const PriceObservation* p : cx.observations(*l, first, last)) {
      if (lo == nullptr || p->value < lo->value) lo = p;
      if (hi == nullptr || hi->value < p->value) hi = p;
    }
    if (lo == nullptr) {
      missing.push_back(fmt::format("{} prices in {}..{}", l->symbol, iso(first), iso(last)));
      continue;
    }
    const Unit u = c.figure.unit;
    Formula f{"hull(lowest, highest)",
              {Term{"lowest", CheckContext::price_operand(*l, *lo, u)},
               Term{"highest", CheckContext::price_operand(*l, *hi, u)}},
              [](const std::vector<Interval>& x) { return hull(x[0], x[1]); },
              u};
    candidates.emplace_back(
        fmt::format("{}: range of the recorded prices in {}..{}", l->symbol, iso(first), iso(last)), std::move(f));
  }
  add_best(cx, FindingKind::share_price, title, c, candidates, std::move(missing));
}

}  // namespace

void check_market_data(CheckContext& cx, const Claim& c) {
  switch (cx.metric(c).role) {
    case MetricRole::price_change: return price_change(cx, c);
    case MetricRole::market_cap: return market_cap(cx, c);
    case MetricRole::market_cap_change: return market_cap_change(cx, c);
    case MetricRole::share_price:
      share_price(cx, c);
      return check_parity_data(cx, c);
    default: return;
  }
}

}  // namespace finmetrics::check_detail
