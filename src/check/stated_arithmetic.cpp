// Relations stated as arithmetic over several claims (sum_of, difference_of,
// product_of, at_most, at_least, magnitude_of, daily_of, compound_of, cagr_of),
// the `restated` marker, and what conversions take from the document itself: a
// stated exchange rate, and the threshold of a hedged figure its translation
// converts. Called from stated_relations.cpp.
#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/compound.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/difference.hpp"
#include "finmetrics/models/display.hpp"
#include "finmetrics/models/inequality.hpp"
#include "finmetrics/models/magnitude.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/sum.hpp"

namespace finmetrics::check_detail {

namespace {

struct Arithmetic {
  CheckContext& cx;
  const Claim& c;
  std::vector<const Claim*> t;
  FindingKind kind;
  std::vector<std::string> ids;
  std::vector<std::string> missing{};

  bool need_values() {
    if (!c.figure.has_value()) missing.push_back(fmt::format("a number in claim {}: {}", c.id, c.figure.problem));
    for (const Claim* k : t)
      if (!k->figure.has_value()) missing.push_back(fmt::format("a number in claim {}: {}", k->id, k->figure.problem));
    return missing.empty();
  }
  void unverifiable(const std::string& title) { cx.add_unverifiable(kind, title, c, ids, true, missing); }
  void add(const std::string& title, Verdict v) { cx.add(kind, title, c, ids, true, std::move(v)); }
  std::vector<Operand> targets() const {
    std::vector<Operand> out;
    for (const Claim* k : t) out.push_back(CheckContext::operand(*k));
    return out;
  }
  std::string named(std::string_view sep) const {
    std::string s;
    for (const Claim* k : t) s += (s.empty() ? "" : std::string(sep)) + CheckContext::label(*k);
    return s;
  }
  // Every target in the claim's unit; else records why not.
  bool one_unit() {
    for (const Claim* k : t) {
      if (!same_unit(k->figure.unit, c.figure.unit)) {
        missing.push_back(fmt::format("{} and {} in one unit (here {} and {})", c.id, k->id, unit_name(c.figure.unit),
                                      unit_name(k->figure.unit)));
        return false;
      }
    }
    return true;
  }
};

// A percent factor of a product is a fraction: 30% of $100bn is $30bn.
Operand as_factor(Operand o) {
  if (o.unit.dimension != Dimension::percent) return o;
  const Interval hundredth = Interval::point(Decimal::from_parts(1, -2));
  o.readings = Readings{o.readings.strict * hundredth, o.readings.rounded * hundredth, o.readings.truncated * hundredth};
  if (o.ends) {
    const auto scale = [&](const Readings& r) {
      return Readings{r.strict * hundredth, r.rounded * hundredth, r.truncated * hundredth};
    };
    o.ends = RangeEnds{scale(o.ends->low), scale(o.ends->high)};
  }
  o.label += " (as a fraction)";
  o.unit = Unit::of(Dimension::number);
  return o;
}

// Whether factors multiply to `result`: at most one money factor, in the result's
// currency; money per share (or per ADS) needs a count beside it; the rest are
// counts, multiples, plain numbers and percentages.
std::optional<std::string> product_unit_problem(const Unit& result, const std::vector<const Claim*>& t) {
  std::size_t money = 0;
  bool per_unit = false;
  bool count = false;
  for (const Claim* k : t) {
    const Unit& u = k->figure.unit;
    if (u.is_money()) {
      ++money;
      per_unit = u.per != Per::whole;
      if (result.currency && u.currency && !(*u.currency == *result.currency))
        return fmt::format("factors in the claim's currency ({} is in {})", k->id, u.to_string());
    }
    count = count || u.dimension == Dimension::count;
  }
  if (result.is_money() && money != 1) return std::string("exactly one money factor for a money amount");
  if (!result.is_money() && money != 0) return std::string("no money factor for a figure that is no amount");
  if (result.is_money() && result.per == Per::whole && per_unit && !count)
    return std::string("a count of shares beside an amount per share");
  return std::nullopt;
}

void sum_or_difference(Arithmetic& a) {
  const bool sum = a.kind == FindingKind::sum_of;
  const std::string title =
      fmt::format("{} is {} {}", CheckContext::label(a.c), sum ? "the sum" : "the difference", a.named(sum ? " + " : " - "));
  if (!a.need_values() || !a.one_unit()) return a.unverifiable(title);
  std::vector<Operand> ops = a.targets();
  const Operand subject = CheckContext::operand(a.c);
  if (sum) return a.add(title, Sum{subject, ops, {}}.evaluate());
  if (ops.size() == 2) return a.add(title, Difference{subject, ops[0], ops[1]}.evaluate());
  const std::vector<Operand> rest(ops.begin() + 1, ops.end());
  a.add(title, Sum{subject, {ops[0]}, rest}.evaluate());
}

void product(Arithmetic& a) {
  const std::string title = fmt::format("{} is the product {}", CheckContext::label(a.c), a.named(" x "));
  if (!a.need_values()) return a.unverifiable(title);
  if (auto p = product_unit_problem(a.c.figure.unit, a.t)) {
    a.missing.push_back(*p);
    return a.unverifiable(title);
  }
  std::vector<Operand> factors;
  for (auto& o : a.targets()) factors.push_back(as_factor(std::move(o)));
  a.add(title, Product{CheckContext::operand(a.c), factors, {}, a.c.figure.unit}.evaluate());
}

void bound(Arithmetic& a) {
  const bool most = a.kind == FindingKind::at_most;
  const std::string title = fmt::format("{} is at {} {}", CheckContext::label(a.c), most ? "most" : "least", a.named(" x "));
  if (!a.need_values()) return a.unverifiable(title);
  if (a.t.size() == 1 ? !a.one_unit() : false) return a.unverifiable(title);
  if (a.t.size() > 1) {
    if (auto p = product_unit_problem(a.c.figure.unit, a.t)) {
      a.missing.push_back(*p);
      return a.unverifiable(title);
    }
  }
  a.add(title, Inequality{CheckContext::operand(a.c), a.targets(), most ? BoundSide::at_most : BoundSide::at_least}.evaluate());
}

void magnitude(Arithmetic& a) {
  const bool daily = a.kind == FindingKind::daily_of;
  const std::string title = fmt::format("{} is of the order of {}{}", CheckContext::label(a.c), a.named(" x "),
                                        daily ? " per day of its period" : "");
  if (!a.need_values()) return a.unverifiable(title);
  Operand reference = CheckContext::operand(*a.t.front());
  if (a.t.size() > 1) {
    if (auto p = product_unit_problem(a.c.figure.unit, a.t)) {
      a.missing.push_back(*p);
      return a.unverifiable(title);
    }
    std::vector<Operand> factors;
    for (auto& o : a.targets()) factors.push_back(as_factor(std::move(o)));
    const Product p{reference, factors, {}, a.c.figure.unit};
    try {
      reference = Operand::computed(a.named(" x "), p.formula().compute(), a.c.figure.unit, "the product of the claims");
    } catch (const std::exception& e) {
      a.missing.push_back(fmt::format("a product within range ({})", e.what()));
      return a.unverifiable(title);
    }
  } else if (!a.one_unit()) {
    return a.unverifiable(title);
  }
  Decimal per = Decimal::from_integer(1);
  if (daily) {
    const Claim& x = *a.t.front();
    if (!x.period) {
      a.missing.push_back(fmt::format("the period of {} (the days a daily figure averages over)", x.id));
      return a.unverifiable(title);
    }
    const auto days = (date::sys_days(x.period->last_day()) - date::sys_days(x.period->first_day())).count() + 1;
    per = Decimal::from_integer(days);
  }
  Magnitude m{CheckContext::operand(a.c), reference, per};
  m.factor = a.cx.opt.magnitude_factor;
  a.add(title, m.evaluate());
}

void compound(Arithmetic& a) {
  const std::string title = fmt::format("{} compounds {}", CheckContext::label(a.c), a.named(" and "));
  if (!a.need_values()) return a.unverifiable(title);
  if (!is_percent(a.c.figure.unit) || !a.one_unit()) {
    a.missing.push_back("growth rates in %");
    return a.unverifiable(title);
  }
  a.add(title, CompoundGrowth{CheckContext::operand(a.c), a.targets()}.evaluate());
}

// Whole years from the start of `prior`'s period to the start of `current`'s.
std::optional<int> years_between(const Claim& current, const Claim& prior) {
  if (!current.period || !prior.period) return std::nullopt;
  const date::year_month_day a{date::sys_days(prior.period->first_day())};
  const date::year_month_day b{date::sys_days(current.period->first_day())};
  if (a.day() != b.day()) return std::nullopt;
  const int months = (int{b.year()} - int{a.year()}) * 12 + (static_cast<int>(unsigned{b.month()}) - static_cast<int>(unsigned{a.month()}));
  if (months <= 0 || months % 12 != 0) return std::nullopt;
  return months / 12;
}

void cagr(Arithmetic& a) {
  const Claim& x = *a.t[0];
  const Claim& y = *a.t[1];
  const std::string title = fmt::format("{} is the annual growth from {} to {}", CheckContext::label(a.c),
                                        CheckContext::label(y), CheckContext::label(x));
  if (!a.need_values()) return a.unverifiable(title);
  if (!is_percent(a.c.figure.unit) || !same_unit(x.figure.unit, y.figure.unit)) {
    a.missing.push_back(fmt::format("a rate in % of two amounts in one unit (here {}, {} and {})", unit_name(a.c.figure.unit),
                                    unit_name(x.figure.unit), unit_name(y.figure.unit)));
    return a.unverifiable(title);
  }
  const auto n = years_between(x, y);
  if (!n) {
    a.missing.push_back(fmt::format("periods of {} and {} a whole number of years apart", x.id, y.id));
    return a.unverifiable(title);
  }
  a.add(title, AnnualGrowth{CheckContext::operand(a.c), CheckContext::operand(x), CheckContext::operand(y), *n}.evaluate());
}

// The rate `to` per `from` read from a stated-rate claim, either way round.
std::optional<Operand> rate_from(const Claim& r, Currency from, Currency to) {
  if (!r.figure.rate || !r.figure.readings) return std::nullopt;
  Operand o = CheckContext::operand(r);
  const StatedRate& s = *r.figure.rate;
  if (s.from == from && s.to == to) {
    o.label = fmt::format("{} ({} per {}, stated in the document)", o.label, to.code(), from.code());
    return o;
  }
  if (s.from == to && s.to == from) {
    const Interval one = Interval::point(Decimal::from_integer(1));
    const Readings& x = *r.figure.readings;
    o.readings = Readings{divide(one, x.strict, division_exponent), divide(one, x.rounded, division_exponent),
                          divide(one, x.truncated, division_exponent)};
    o.label = fmt::format("1 / {} ({} per {}, stated in the document)", o.label, to.code(), from.code());
    return o;
  }
  return std::nullopt;
}

}  // namespace

void check_stated_arithmetic(CheckContext& cx, const Claim& c, FindingKind kind) {
  const ClaimRelation& r = *c.relation;
  std::vector<const Claim*> t;
  for (const auto& id : r.targets) t.push_back(cx.set.find(id));
  if (r.kind == RelationKind::restated) {
    return cx.note(c, fmt::format("restates {} (another basis): not compared with it", t.front()->id));
  }
  Arithmetic a{cx, c, t, kind, std::vector<std::string>(r.targets.begin(), r.targets.end())};
  switch (r.kind) {
    case RelationKind::sum_of:
    case RelationKind::difference_of: return sum_or_difference(a);
    case RelationKind::product_of: return product(a);
    case RelationKind::at_most:
    case RelationKind::at_least: return bound(a);
    case RelationKind::magnitude_of:
    case RelationKind::daily_of: return magnitude(a);
    case RelationKind::compound_of: return compound(a);
    case RelationKind::cagr_of: return cagr(a);
    default: return;
  }
}

std::optional<Operand> document_rate(const CheckContext& cx, const Claim& c, const Claim* named, Currency from, Currency to,
                                     std::string& rate_id) {
  if (named != nullptr) {
    if (auto o = rate_from(*named, from, to)) {
      rate_id = named->id;
      return o;
    }
  }
  for (const Claim* k : cx.stated_rates(c.document)) {  // indexed: no scan of every claim per conversion
    if (auto o = rate_from(*k, from, to)) {
      rate_id = k->id;
      return o;
    }
  }
  return std::nullopt;
}

Operand translated_operand(const Claim& c, const Claim& other) {
  Operand o = CheckContext::operand(c);
  if (!c.figure.threshold || c.document != other.document || c.quote != other.quote) return o;
  o.readings = *c.figure.threshold;
  o.notes.push_back("a translation in the same quote converts the number stated, so the threshold " +
                    show(c.figure.threshold->strict, c.figure.unit) + " is used, not the hedge");
  return o;
}

}  // namespace finmetrics::check_detail
