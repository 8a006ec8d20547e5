// Relations stated in a claim's `relation` column: same_as, converts, growth_of,
// prior_of, margin_of, ratio_of, multiple_of, change_of, to (per and compare are
// noted, not checked; the arithmetic over several claims is in stated_arithmetic.cpp).
// One function per kind; `check_stated_relation` dispatches.
#include <algorithm>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/detail/text.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/display.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/order.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics::check_detail {

namespace {

// What every stated relation starts from: the claim, its targets, the finding's
// kind and the claims it names.
struct Stated {
  CheckContext& cx;
  const Claim& c;
  const ClaimRelation& r;
  std::vector<const Claim*> t;  // the targets, in order (every one exists: the loader drops others)
  const Claim& x;               // the first target
  FindingKind kind;
  std::vector<std::string> ids;
  std::vector<std::string> missing;

  // Records a missing number for each of `cs` that has none; true when all have one.
  bool need_values(std::initializer_list<const Claim*> cs) {
    for (const Claim* k : cs)
      if (!k->figure.has_value()) missing.push_back(fmt::format("a number in claim {}: {}", k->id, k->figure.problem));
    return missing.empty();
  }
  void unverifiable(const std::string& title, std::vector<std::string> lines = {}) {
    cx.add_unverifiable(kind, title, c, ids, true, missing, std::move(lines));
  }
  void add(const std::string& title, Verdict v) { cx.add(kind, title, c, ids, true, std::move(v)); }
};

void same_as_or_converts(Stated& s) {
  const bool same = s.r.kind == RelationKind::same_as;
  const std::string title =
      fmt::format("{} {} {}", CheckContext::label(s.c), same ? "same as" : "converts", CheckContext::label(s.x));
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  const Operand subject = translated_operand(s.c, s.x);
  const Operand other = translated_operand(s.x, s.c);
  const Unit& su = subject.unit;
  const Unit& ou = other.unit;
  // A rate the document states for the pair comes before any reference rate.
  if (su.is_money() && ou.is_money() && su.per == ou.per && su.currency && ou.currency && !(*su.currency == *ou.currency)) {
    std::string rate_id;
    if (auto rate = document_rate(s.cx, s.c, s.t.size() > 1 ? s.t[1] : nullptr, *ou.currency, *su.currency, rate_id)) {
      if (std::find(s.ids.begin(), s.ids.end(), rate_id) == s.ids.end()) s.ids.push_back(rate_id);
      return s.add(title, Conversion{subject, other, *rate}.evaluate());
    }
  }
  const ClaimPeriod* window = s.cx.flow_window(s.x) ? &*s.x.period : nullptr;
  auto v = s.cx.compare_amounts(subject, other, CheckContext::spot_days(s.c, same ? &s.x : nullptr), window, s.missing);
  if (!v) return s.unverifiable(title);
  s.add(title, std::move(*v));
}

void growth_of(Stated& s) {
  const std::string title = fmt::format("{} is the growth of {}", CheckContext::label(s.c), CheckContext::label(s.x));
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  std::string prior_id;
  auto prior = s.cx.prior_of(s.x, s.missing, prior_id);
  if (!prior) return s.unverifiable(title);
  if (!prior_id.empty()) s.ids.push_back(prior_id);
  if (!is_percent(s.c.figure.unit) || !same_unit(s.x.figure.unit, prior->unit)) {
    s.missing.push_back(fmt::format("a growth rate in % of two amounts in one unit (here {}, {} and {})",
                                    unit_name(s.c.figure.unit), unit_name(s.x.figure.unit), unit_name(prior->unit)));
    return s.unverifiable(title);
  }
  s.add(title, Growth{CheckContext::operand(s.c), CheckContext::operand(s.x), *prior}.evaluate());
}

// "up from X" / "down from X" (a `direction` cue before "from"): the claim must lie
// below / above X.
void prior_of(Stated& s) {
  if (s.cx.find_relation(RelationKind::growth_of, s.x.id) != nullptr) return;  // the growth finding covers it
  const auto w = words_as_written(s.c.quote);
  bool up = false;
  bool down = false;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (detail::ascii_lower(w[i + 1]) != "from") continue;
    const Cue* direction = s.cx.lexicon.cue(w[i], "direction");
    up = up || (direction != nullptr && direction->value == "up");
    down = down || (direction != nullptr && direction->value == "down");
  }
  const std::string title = fmt::format("{} is the base of {}", CheckContext::label(s.c), CheckContext::label(s.x));
  if (up == down) {
    s.cx.note(s.c, fmt::format("the base of {}, with no growth claim or direction to check", s.x.id));
    return;
  }
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  Operand xs = CheckContext::operand(s.x);
  if (!same_unit(xs.unit, s.c.figure.unit)) {
    s.missing.push_back("a common unit");
    return s.unverifiable(title);
  }
  Verdict v = Order{CheckContext::operand(s.c), xs, !up}.evaluate();
  v.arithmetic.insert(v.arithmetic.begin(), fmt::format("the quote says '{} from': {} must be {} {}", up ? "up" : "down",
                                                        s.c.id, up ? "below" : "above", s.x.id));
  s.add(title + (up ? " (up from)" : " (down from)"), std::move(v));
}

void margin_of(Stated& s) {
  const std::string title = fmt::format("{} is the margin of {}", CheckContext::label(s.c), CheckContext::label(s.x));
  // The denominator: the second target, else the last claim of the margin's
  // denominator metric (revenue) for the same entity and period, else the data.
  const Metric& margin = s.cx.metric(s.c);
  const std::string denominator = margin.denominator.empty() ? std::string("revenue") : margin.denominator;
  const Claim* y = s.t.size() > 1 ? s.t[1] : nullptr;
  if (y == nullptr && s.x.period) {
    for (const Claim* k : s.cx.claims_of(s.cx.subject(s.x), denominator, *s.x.period))
      if (k->figure.has_value()) y = k;
  }
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  std::optional<Operand> revenue;
  if (y != nullptr && y->figure.has_value()) {
    revenue = CheckContext::operand(*y);
    s.ids.push_back(y->id);
  } else if (s.x.period) {
    if (const ReportedFigure* rf = s.cx.ref.reported(s.cx.subject(s.x), denominator, *s.x.period))
      revenue = CheckContext::reported_operand(*rf);
  }
  if (!revenue) {
    s.missing.push_back(fmt::format("{} {} {}", s.cx.subject(s.x), denominator, s.x.period ? s.x.period->text : "(no period)"));
    return s.unverifiable(title);
  }
  if (!is_percent(s.c.figure.unit) || !same_unit(s.x.figure.unit, revenue->unit)) {
    s.missing.push_back(fmt::format("a margin in % of profit and revenue in one unit (here {}, {} and {})",
                                    unit_name(s.c.figure.unit), unit_name(s.x.figure.unit), unit_name(revenue->unit)));
    return s.unverifiable(title);
  }
  s.add(title, Quotient{CheckContext::operand(s.c), CheckContext::operand(s.x), *revenue, true}.evaluate());
}

void ratio_of(Stated& s) {
  const std::string title = fmt::format("{} is a ratio of {}", CheckContext::label(s.c), s.r.to_string().substr(9));
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  std::optional<Operand> den;
  if (s.t.size() > 1) {
    if (!s.need_values({s.t[1]})) return s.unverifiable(title);
    den = CheckContext::operand(*s.t[1]);
  } else if (s.c.period) {
    if (const ReportedFigure* rf = s.cx.ref.reported(s.cx.subject(s.x), s.x.metric, *s.c.period))
      den = CheckContext::reported_operand(*rf);
    if (!den) {
      s.missing.push_back(
          fmt::format("{} {} {} (the base of the ratio)", s.cx.subject(s.x), s.x.metric, s.c.period->text));
    }
  } else {
    s.missing.push_back("the base of the ratio (no second claim and no period)");
  }
  if (!den) return s.unverifiable(title);
  const bool pct = is_percent(s.c.figure.unit);
  if (!same_unit(s.x.figure.unit, den->unit)) {
    s.missing.push_back(fmt::format("a numerator and a denominator in one unit (here {} and {})",
                                    unit_name(s.x.figure.unit), unit_name(den->unit)));
    return s.unverifiable(title);
  }
  // Two amounts in one unit make a pure ratio (CNY / CNY): the claim must be one
  // too, never an amount of money or a count.
  const Dimension d = s.c.figure.unit.dimension;
  if (d != Dimension::percent && d != Dimension::multiple && d != Dimension::number) {
    s.missing.push_back(fmt::format("a ratio in %, x or a plain number (a ratio of {} to {} is no amount; the claim is in {})",
                                    unit_name(s.x.figure.unit), unit_name(den->unit), unit_name(s.c.figure.unit)));
    return s.unverifiable(title);
  }
  s.add(title, Quotient{CheckContext::operand(s.c), CheckContext::operand(s.x), *den, pct}.evaluate());
}

void multiple_of(Stated& s) {
  const std::string title = fmt::format("{} is a valuation at {}", CheckContext::label(s.c), CheckContext::label(s.x));
  if (!s.need_values({&s.c, &s.x})) return s.unverifiable(title);
  if (s.t.size() > 1) {
    if (!s.need_values({s.t[1]})) return s.unverifiable(title);
    return s.add(title, Product{CheckContext::operand(s.c),
                                {CheckContext::operand(s.x), CheckContext::operand(*s.t[1])}, {}, s.c.figure.unit}
                            .evaluate());
  }
  const Interval strict = divide(s.c.figure.readings->strict, s.x.figure.readings->strict, division_exponent);
  const Interval rounded = divide(s.c.figure.readings->rounded, s.x.figure.readings->rounded, division_exponent);
  s.missing.push_back(
      fmt::format("the metric the multiple {} applies to (state it as multiple_of:{}/<claim>)", s.x.id, s.x.id));
  s.unverifiable(title, {fmt::format("implied metric = {} / {}: strict {}, rounding {}", s.c.id, s.x.id,
                                     show(strict, s.c.figure.unit), show(rounded, s.c.figure.unit))});
}

// Market value added by price move X: X / 100 x base price x shares / ratio.
void change_of(Stated& s) {
  CheckContext& cx = s.cx;
  const Claim& c = s.c;
  const Claim& x = s.x;
  const std::string title =
      fmt::format("{} is the market-value change of move {}", CheckContext::label(c), CheckContext::label(x));
  if (!c.figure.has_value() || !x.figure.has_value() || !is_percent(x.figure.unit) || !c.figure.unit.is_money()) {
    s.missing.push_back("a money amount and a price move in % (the claims give no number or other units)");
    return s.unverifiable(title);
  }
  const ClaimPeriod* window = x.period ? &*x.period : (c.period ? &*c.period : nullptr);
  if (window == nullptr) {
    s.missing.push_back("the window of the move");
    return s.unverifiable(title);
  }
  Claim probe = c;
  if (probe.listing.empty()) probe.listing = x.listing;
  std::vector<std::pair<std::string, Formula>> candidates;
  for (const Listing* l : cx.listings_for(probe, s.missing)) {
    std::string how;
    const PriceObservation* base = cx.base_price(x, *l, *window, window->last_day(), s.missing, how);
    if (base == nullptr || !c.figure.unit.currency) continue;
    auto in = cx.cap_inputs(*l, *base, *c.figure.unit.currency, s.missing);
    if (!in) continue;
    Formula f = cap_formula(*in, std::nullopt, c.figure.unit);
    f.terms.insert(f.terms.begin(), Term{"move", CheckContext::operand(x)});
    f.expression = "move / 100 x " + f.expression;
    auto inner = f.apply;
    f.apply = [inner](const std::vector<Interval>& v) {
      const std::vector<Interval> rest(v.begin() + 1, v.end());
      return divide(v[0] * inner(rest), Interval::point(Decimal::from_integer(100)), division_exponent);
    };
    candidates.emplace_back(fmt::format("{}, base = {}", l->symbol, how), std::move(f));
  }
  if (candidates.empty()) return s.unverifiable(title);
  s.add(title, check_best(CheckContext::operand(c), candidates));
}

// A price move that ends at the price quoted by X.
void price_move_to(Stated& s) {
  CheckContext& cx = s.cx;
  const Claim& c = s.c;
  const Claim& x = s.x;
  const std::string title = fmt::format("{} is the move up to {}", CheckContext::label(c), CheckContext::label(x));
  if (!c.figure.has_value() || !x.figure.has_value() || !c.period || !is_percent(c.figure.unit) ||
      !x.figure.unit.is_money()) {
    s.missing.push_back(!c.period ? "the window of the move"
                                  : "a move in % and a price (the claims give no number or other units)");
    return s.unverifiable(title);
  }
  Claim probe = c;
  if (probe.listing.empty()) probe.listing = x.listing;
  std::vector<std::pair<std::string, Formula>> candidates;
  for (const Listing* l : cx.listings_for(probe, s.missing)) {
    if (x.figure.unit.currency && !(*x.figure.unit.currency == l->currency)) continue;
    std::string how;
    const PriceObservation* base = cx.base_price(c, *l, *c.period, c.period->last_day(), s.missing, how);
    if (base == nullptr) continue;
    Operand end = CheckContext::operand(x);
    Operand start = CheckContext::price_operand(*l, *base, x.figure.unit);
    candidates.emplace_back(fmt::format("{}, base = {}, end = {}", l->symbol, how, x.id),
                            Growth{CheckContext::operand(c), end, start}.formula());
  }
  if (candidates.empty()) return s.unverifiable(title);
  s.add(title, check_best(CheckContext::operand(c), candidates));
}

FindingKind finding_kind(RelationKind k) {
  switch (k) {
    case RelationKind::same_as: return FindingKind::same_as;
    case RelationKind::converts: return FindingKind::converts;
    case RelationKind::growth_of: return FindingKind::growth_of;
    case RelationKind::prior_of: return FindingKind::prior_of;
    case RelationKind::margin_of: return FindingKind::margin_of;
    case RelationKind::ratio_of: return FindingKind::ratio_of;
    case RelationKind::multiple_of: return FindingKind::multiple_of;
    case RelationKind::change_of: return FindingKind::change_of;
    case RelationKind::to: return FindingKind::to;
    case RelationKind::sum_of: return FindingKind::sum_of;
    case RelationKind::difference_of: return FindingKind::difference_of;
    case RelationKind::product_of: return FindingKind::product_of;
    case RelationKind::at_most: return FindingKind::at_most;
    case RelationKind::at_least: return FindingKind::at_least;
    case RelationKind::magnitude_of: return FindingKind::magnitude_of;
    case RelationKind::daily_of: return FindingKind::daily_of;
    case RelationKind::compound_of: return FindingKind::compound_of;
    case RelationKind::cagr_of: return FindingKind::cagr_of;
    case RelationKind::restated: break;  // noted, never a finding
    case RelationKind::per:
    case RelationKind::compare: break;  // noted, never a finding
  }
  return FindingKind::same_as;
}

}  // namespace

void check_stated_relation(CheckContext& cx, const Claim& c) {
  const ClaimRelation& r = *c.relation;
  std::vector<const Claim*> t;
  for (const auto& id : r.targets) t.push_back(cx.claim(id));
  const Claim& x = *t.front();
  switch (r.kind) {
    case RelationKind::per:
      return cx.note(c, fmt::format("a sensitivity per {}: an assumption, no fact the data can confirm", x.id));
    case RelationKind::compare:
      return cx.note(c, fmt::format("compared with {} (a value at another date; each is checked on its own)", x.id));
    case RelationKind::sum_of:
    case RelationKind::difference_of:
    case RelationKind::product_of:
    case RelationKind::at_most:
    case RelationKind::at_least:
    case RelationKind::magnitude_of:
    case RelationKind::daily_of:
    case RelationKind::compound_of:
    case RelationKind::cagr_of:
    case RelationKind::restated: return check_stated_arithmetic(cx, c, finding_kind(r.kind));
    default: break;
  }
  Stated s{cx, c, r, t, x, finding_kind(r.kind), std::vector<std::string>(r.targets.begin(), r.targets.end()), {}};
  switch (r.kind) {
    case RelationKind::same_as:
    case RelationKind::converts: return same_as_or_converts(s);
    case RelationKind::growth_of: return growth_of(s);
    case RelationKind::prior_of: return prior_of(s);
    case RelationKind::margin_of: return margin_of(s);
    case RelationKind::ratio_of: return ratio_of(s);
    case RelationKind::multiple_of: return multiple_of(s);
    case RelationKind::change_of: return change_of(s);
    case RelationKind::to: return price_move_to(s);
    default: return;  // handled above
  }
}

}  // namespace finmetrics::check_detail
