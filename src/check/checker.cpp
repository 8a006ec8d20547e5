#include "finmetrics/check/checker.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/difference.hpp"
#include "finmetrics/models/display.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/order.hpp"
#include "finmetrics/models/parity.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics {

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> any) {
  for (const auto& w : words)
    for (auto a : any)
      if (w == a) return true;
  return false;
}

// "from its peak", "off the high", "below its record": the move is measured from the top.
bool from_peak(std::string_view quote) {
  const auto w = words_of(quote);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "from" && w[i] != "off" && w[i] != "below") continue;
    for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j)
      if (w[j] == "peak" || w[j] == "high" || w[j] == "record" || w[j] == "peaks" || w[j] == "highs") return true;
  }
  return false;
}

bool is_projection(std::string_view quote) {
  return has_word(words_of(quote), {"could", "would", "will", "potentially", "may", "might", "forecast", "forecasts",
                                    "projected", "projection", "projections", "expected", "estimate", "estimates",
                                    "target"});
}

bool nonnegative_flow(std::string_view metric) {
  return metric == "revenue" || metric == "capex" || metric == "customer_management_revenue" ||
         metric == "investment_plan";
}

bool is_growth_metric(std::string_view m) { return m.size() > 7 && m.substr(m.size() - 7) == "_growth"; }

std::string base_metric_of(std::string_view growth_metric) {
  if (growth_metric == "ebita_growth") return "adjusted_ebita";
  return std::string(growth_metric.substr(0, growth_metric.size() - 7));
}

bool is_market_metric(std::string_view m) {
  return m == "share_price" || m == "price_change" || m == "market_cap" || m == "market_cap_change";
}

int rank(VerdictKind k) {
  switch (k) {
    case VerdictKind::inconsistent: return 3;
    case VerdictKind::consistent_by_rounding: return 2;
    case VerdictKind::consistent: return 1;
    case VerdictKind::unverifiable: return 0;
  }
  return 0;
}

bool same_unit(const Unit& a, const Unit& b) {
  return a.dimension == b.dimension && a.currency == b.currency && (a.dimension != Dimension::money || a.per == b.per);
}

bool is_percent(const Unit& u) { return u.dimension == Dimension::percent; }

std::string unit_name(const Unit& u) {
  const std::string s = u.to_string();
  return s.empty() ? std::string("a plain number") : s;
}

Interval rate_interval(const FxRate& r) {
  return divide(Interval::point(r.numerator()), Interval::point(r.denominator()), division_exponent);
}

std::string iso(Date d) { return to_string(d); }

class Checker {
 public:
  Checker(const ClaimSet& set, const ReferenceData& ref, const CheckOptions& opt) : set_(set), ref_(ref), opt_(opt) {}

  CheckResult run() {
    for (const auto& c : set_.claims)
      if (c.relation) stated(c);
    automatic();
    for (const auto& c : set_.claims) data_check(c);
    return finish();
  }

 private:
  const ClaimSet& set_;
  const ReferenceData& ref_;
  CheckOptions opt_;
  std::vector<Finding> findings_;
  std::map<std::string, std::vector<std::string>> notes_;  // claim id -> reasons it could not be checked

  // ---- building blocks -------------------------------------------------------------------------

  static std::string label(const Claim& c) { return c.id + " " + c.figure.text; }

  static Operand operand(const Claim& c) {
    return Operand{label(c), *c.figure.readings, c.figure.unit,
                   fmt::format("claim {}: {} line {}, \"{}\"", c.id, c.document, c.line, c.quote)};
  }

  void add(std::string kind, std::string title, const Claim& subject, std::vector<std::string> others, bool stated,
           Verdict v) {
    Finding f;
    f.id = "F" + std::to_string(findings_.size() + 1);
    f.kind = std::move(kind);
    f.title = std::move(title);
    f.subject = subject.id;
    f.claims.push_back(subject.id);
    for (auto& o : others)
      if (std::find(f.claims.begin(), f.claims.end(), o) == f.claims.end()) f.claims.push_back(std::move(o));
    f.stated = stated;
    f.verdict = std::move(v);
    findings_.push_back(std::move(f));
  }

  void add_unverifiable(std::string kind, std::string title, const Claim& subject, std::vector<std::string> others,
                        bool stated, std::vector<std::string> missing, std::vector<std::string> lines = {}) {
    Verdict v;
    v.kind = VerdictKind::unverifiable;
    v.unit = subject.figure.unit;
    v.arithmetic = std::move(lines);
    for (const auto& m : missing) v.arithmetic.push_back("missing: " + m);
    v.missing = std::move(missing);
    add(std::move(kind), std::move(title), subject, std::move(others), stated, std::move(v));
  }

  void note(const Claim& c, std::string why) { notes_[c.id].push_back(std::move(why)); }

  // Units of the rate between two currencies: `to` per `from`, spot on each day of
  // `days` (as of, within the staleness limit), and the average over `window`
  // when it is a flow period that ended by the last of `days`.
  std::optional<Operand> fx_rate(Currency from, Currency to, const std::vector<Date>& days, const ClaimPeriod* window,
                                 std::vector<std::string>& missing) {
    std::optional<Interval> hull_of;
    std::vector<std::string> parts;
    std::string source;
    for (const auto& d : days) {
      auto r = ref_.fx.as_of(date::sys_days(d), from, to, opt_.max_staleness);
      if (!r) {
        missing.push_back(fmt::format("{}/{} rate as of {} ({})", from.code(), to.code(), iso(d), r.error().message));
        continue;
      }
      const Interval i = rate_interval(*r);
      hull_of = hull_of ? hull(*hull_of, i) : i;
      parts.push_back("spot " + iso(d));
      if (!source.empty()) source += "; ";
      source += r->to_string();
    }
    if (window && !days.empty()) {
      const Date last_day = *std::max_element(days.begin(), days.end());
      if (!(last_day < window->last_day())) {
        auto avg = ref_.fx.average(from, to, date::sys_days(window->first_day()), date::sys_days(window->last_day()));
        std::size_t weekdays = 0;
        for (date::sys_days d = window->first_day(); d <= date::sys_days(window->last_day()); d += date::days{1}) {
          const unsigned wd = date::weekday{d}.c_encoding();
          if (wd != 0 && wd != 6) ++weekdays;
        }
        if (avg && avg->averaging() && avg->averaging()->count * 2 >= weekdays) {
          const Interval i = rate_interval(*avg);
          hull_of = hull_of ? hull(*hull_of, i) : i;
          parts.push_back("average " + window->canonical());
          source += "; " + avg->to_string();
        } else {
          parts.push_back(fmt::format("no period average over {} (too few fixings: {} of {} weekdays)",
                                      window->canonical(), avg && avg->averaging() ? avg->averaging()->count : 0, weekdays));
        }
      }
    }
    if (!hull_of) return std::nullopt;
    std::string what;
    for (const auto& p : parts) what += (what.empty() ? "" : ", ") + p;
    return Operand{fmt::format("{} per {} ({})", to.code(), from.code(), what), Readings::exact(*hull_of),
                   Unit::of(Dimension::number), source};
  }

  // subject against other, converting other's currency when they differ.
  std::optional<Verdict> compare_amounts(const Operand& subject, const Operand& other, const std::vector<Date>& days,
                                         const ClaimPeriod* window, std::vector<std::string>& missing) {
    if (same_unit(subject.unit, other.unit)) return Agreement{subject, other}.evaluate();
    if (subject.unit.is_money() && other.unit.is_money() && subject.unit.per == other.unit.per && subject.unit.currency &&
        other.unit.currency) {
      auto rate = fx_rate(*other.unit.currency, *subject.unit.currency, days, window, missing);
      if (!rate) return std::nullopt;
      return Conversion{subject, other, *rate}.evaluate();
    }
    missing.push_back(fmt::format("a common unit: {} against {}", subject.unit.to_string(), other.unit.to_string()));
    return std::nullopt;
  }

  static Operand reported_operand(const ReportedFigure& r) {
    return Operand::stated(fmt::format("{} {} {} = {} {}", r.entity, r.metric, r.period.text, r.value_text, r.unit_text),
                           r.value, r.unit, fmt::format("{} [{}]", r.source, r.status));
  }

  static bool flow_window(const Claim& c) {
    return c.period && (c.period->is_window() || c.period->first.kind() != PeriodKind::day) &&
           (nonnegative_flow(c.metric) || c.metric == "adjusted_ebita" || c.metric == "net_income" ||
            c.metric == "fx_conversion");
  }

  std::vector<Date> spot_days(const Claim& a, const Claim* b = nullptr) {
    std::vector<Date> d;
    if (a.as_of) d.push_back(*a.as_of);
    if (b && b->as_of && (d.empty() || !(d.front() == *b->as_of))) d.push_back(*b->as_of);
    return d;
  }

  const Claim* find_relation(RelationKind kind, const std::string& target) const {
    for (const auto& c : set_.claims)
      if (c.relation && c.relation->kind == kind && c.relation->targets.front() == target) return &c;
    return nullptr;
  }

  // The prior (comparison base) of amount X: a `prior_of:X` claim, else the
  // reported figure a year earlier.
  std::optional<Operand> prior_of(const Claim& x, std::vector<std::string>& missing, std::string& prior_id) {
    if (const Claim* p = find_relation(RelationKind::prior_of, x.id); p && p->figure.has_value()) {
      prior_id = p->id;
      return operand(*p);
    }
    if (!x.period || x.period->is_window()) {
      missing.push_back(fmt::format("the prior value of {} (no prior_of:{} claim, and its period is not one period)",
                                    x.id, x.id));
      return std::nullopt;
    }
    const Period ago = x.period->first.year_ago();
    const ClaimPeriod p{ago.to_string(), ago, ago};
    if (const ReportedFigure* r = ref_.reported(x.subject(), x.metric, p)) return reported_operand(*r);
    missing.push_back(fmt::format("{} {} {} (the year-ago value of {})", x.subject(), x.metric, ago.to_string(), x.id));
    return std::nullopt;
  }

  std::vector<const Listing*> listings_for(const Claim& c, std::vector<std::string>& missing) {
    std::vector<const Listing*> out;
    if (c.entity != ref_.issuer) {
      missing.push_back(fmt::format("market data for {} (the reference data covers {})", c.entity, ref_.issuer));
      return out;
    }
    if (!c.segment.empty()) {
      missing.push_back(fmt::format("market data for the segment {} (it has no listing)", c.segment));
      return out;
    }
    if (!c.listing.empty()) {
      if (const Listing* l = ref_.listing(c.listing)) {
        out.push_back(l);
      } else {
        missing.push_back("prices of " + c.listing);
      }
      return out;
    }
    for (const auto& l : ref_.listings) out.push_back(&l);
    if (out.empty()) missing.push_back("prices of any listing of " + ref_.issuer);
    return out;
  }

  Operand price_operand(const Listing& l, const PriceObservation& p, const Unit& unit) const {
    return Operand::exact(fmt::format("{} {} {}", l.symbol, p.field, iso(p.date)), p.value, unit, p.source);
  }

  static Unit price_unit(const Listing& l) { return Unit::money(l.currency, l.per); }

  // The base price of a move over `window` on `l`: the peak in the window when the
  // quote says so, else the last close before the window.
  const PriceObservation* base_price(const Claim& c, const Listing& l, const ClaimPeriod& window, Date end,
                                     std::vector<std::string>& missing, std::string& how) const {
    if (from_peak(c.quote)) {
      const PriceObservation* best = nullptr;
      for (const auto* p : l.between(window.first_day(), end))
        if (best == nullptr || best->value < p->value) best = p;
      how = "the peak (highest recorded price) in " + iso(window.first_day()) + ".." + iso(end);
      if (best == nullptr) missing.push_back(fmt::format("{} prices in {}..{}", l.symbol, iso(window.first_day()), iso(end)));
      return best;
    }
    const PriceObservation* p = l.close_before(window.first_day(), opt_.max_staleness);
    how = "the last close before " + iso(window.first_day());
    if (p == nullptr) {
      missing.push_back(fmt::format("{} close in the {} days before {}", l.symbol, opt_.max_staleness.count(),
                                    iso(window.first_day())));
    }
    return p;
  }

  const PriceObservation* end_price(const Claim& c, const Listing& l, const ClaimPeriod& window,
                                    std::vector<std::string>& missing) const {
    Date end = window.last_day();
    if (c.as_of && *c.as_of < end) end = *c.as_of;
    const PriceObservation* p = l.close_on_or_before(end, opt_.max_staleness);
    if (p != nullptr && p->date < window.first_day()) p = nullptr;
    if (p == nullptr) {
      missing.push_back(fmt::format("{} close on or up to {} days before {}", l.symbol, opt_.max_staleness.count(), iso(end)));
    }
    return p;
  }

  // Operands of a market cap on the day of `p`: ordinary shares in force, ADS
  // ratio for an ADS listing, FX rate to `target`.
  struct CapInputs {
    Operand price;
    Operand shares;
    std::optional<Operand> ratio;
    std::optional<Operand> fx;
    Decimal approx;  // for choosing the extremes only
  };

  std::optional<CapInputs> cap_inputs(const Listing& l, const PriceObservation& p, Currency target,
                                      std::vector<std::string>& missing) {
    const DatedCount* n = ref_.shares_on(p.date);
    if (n == nullptr) {
      missing.push_back("ordinary shares outstanding on or before " + iso(p.date));
      return std::nullopt;
    }
    CapInputs in{price_operand(l, p, price_unit(l)),
                 n->exact ? Operand::exact("ordinary shares as of " + iso(n->date), n->value, Unit::count_of("shares"), n->source)
                          : Operand::stated("ordinary shares as of " + iso(n->date), n->value, Unit::count_of("shares"), n->source),
                 std::nullopt, std::nullopt, p.value * n->value};
    if (l.per == Per::ads) {
      const DatedCount* r = ref_.ads_ratio_on(p.date);
      if (r == nullptr) {
        missing.push_back("the ADS ratio of " + l.symbol);
        return std::nullopt;
      }
      const std::string when = r->date > p.date ? fmt::format("earliest known, {}, assumed in force on {}", iso(r->date), iso(p.date))
                                                : "as of " + iso(r->date);
      in.ratio = Operand::exact(fmt::format("ordinary shares per {} ADS ({})", l.symbol, when), r->value,
                                Unit::of(Dimension::number), r->source);
      in.approx = Decimal::divide_significant(in.approx, r->value, 20);
    }
    if (!(l.currency == target)) {
      std::vector<Date> d{p.date};
      auto fx = fx_rate(l.currency, target, d, nullptr, missing);
      if (!fx) return std::nullopt;
      in.approx = in.approx * fx->readings.strict.lower().value;
      in.fx = std::move(*fx);
    }
    return in;
  }

  // hull(price_lo x shares_lo [x fx_lo], price_hi x shares_hi [x fx_hi]) / ratio.
  static Formula cap_formula(const CapInputs& lo, const std::optional<CapInputs>& hi, const Unit& unit) {
    Formula f;
    f.unit = unit;
    std::vector<Term> terms{{"price", lo.price}, {"shares", lo.shares}};
    std::string expr = "price x shares";
    if (lo.fx) {
      terms.push_back({"fx", *lo.fx});
      expr += " x fx";
    }
    const std::size_t per = terms.size();
    if (hi) {
      terms.push_back({"price_hi", hi->price});
      terms.push_back({"shares_hi", hi->shares});
      std::string e2 = "price_hi x shares_hi";
      if (hi->fx) {
        terms.push_back({"fx_hi", *hi->fx});
        e2 += " x fx_hi";
      }
      expr = "hull(" + expr + ", " + e2 + ")";
    }
    const bool has_ratio = lo.ratio.has_value();
    if (has_ratio) {
      terms.push_back({"ratio", *lo.ratio});
      expr += " / ratio";
    }
    const bool two = hi.has_value();
    f.expression = expr;
    f.terms = std::move(terms);
    f.apply = [per, two, has_ratio](const std::vector<Interval>& x) {
      Interval a = x[0];
      for (std::size_t i = 1; i < per; ++i) a = a * x[i];
      std::size_t next = per;
      if (two) {
        const std::size_t n2 = has_ratio ? x.size() - 1 - per : x.size() - per;
        Interval b = x[per];
        for (std::size_t i = per + 1; i < per + n2; ++i) b = b * x[i];
        a = hull(a, b);
        next = per + n2;
      }
      if (has_ratio) a = divide(a, x[next], division_exponent);
      return a;
    };
    return f;
  }

  // ---- stated relations ------------------------------------------------------------------------

  void stated(const Claim& c) {
    const ClaimRelation& r = *c.relation;
    std::vector<const Claim*> t;
    for (const auto& id : r.targets) t.push_back(set_.find(id));
    const Claim& x = *t.front();
    const std::string kind(to_string(r.kind));
    std::vector<std::string> ids(r.targets.begin(), r.targets.end());
    std::vector<std::string> missing;
    const auto need_values = [&](std::initializer_list<const Claim*> cs) {
      for (const Claim* k : cs)
        if (!k->figure.has_value()) missing.push_back(fmt::format("a number in claim {}: {}", k->id, k->figure.problem));
      return missing.empty();
    };
    switch (r.kind) {
      case RelationKind::same_as:
      case RelationKind::converts: {
        const std::string title = fmt::format("{} {} {}", label(c), r.kind == RelationKind::same_as ? "same as" : "converts", label(x));
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        const ClaimPeriod* window = flow_window(x) ? &*x.period : nullptr;
        auto v = compare_amounts(operand(c), operand(x), spot_days(c, r.kind == RelationKind::same_as ? &x : nullptr),
                                 window, missing);
        if (!v) return add_unverifiable(kind, title, c, ids, true, missing);
        return add(kind, title, c, ids, true, std::move(*v));
      }
      case RelationKind::growth_of: {
        const std::string title = fmt::format("{} is the growth of {}", label(c), label(x));
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        std::string prior_id;
        auto prior = prior_of(x, missing, prior_id);
        if (!prior) return add_unverifiable(kind, title, c, ids, true, missing);
        if (!prior_id.empty()) ids.push_back(prior_id);
        if (!is_percent(c.figure.unit) || !same_unit(x.figure.unit, prior->unit)) {
          missing.push_back(fmt::format("a growth rate in % of two amounts in one unit (here {}, {} and {})",
                                        unit_name(c.figure.unit), unit_name(x.figure.unit), unit_name(prior->unit)));
          return add_unverifiable(kind, title, c, ids, true, missing);
        }
        return add(kind, title, c, ids, true, Growth{operand(c), operand(x), *prior}.evaluate());
      }
      case RelationKind::prior_of: {
        if (find_relation(RelationKind::growth_of, x.id) != nullptr) return;  // the growth finding covers it
        const auto w = words_of(c.quote);
        bool up = false;
        bool down = false;
        for (std::size_t i = 0; i + 1 < w.size(); ++i) {
          if (w[i + 1] != "from") continue;
          up = up || has_word({w[i]}, {"up", "rose", "risen", "increased", "grew", "grown", "jumped", "climbed"});
          down = down || has_word({w[i]}, {"down", "fell", "fallen", "decreased", "declined", "dropped"});
        }
        const std::string title = fmt::format("{} is the base of {}", label(c), label(x));
        if (up == down) {
          note(c, fmt::format("the base of {}, with no growth claim or direction to check", x.id));
          return;
        }
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        Operand xs = operand(x);
        if (!same_unit(xs.unit, c.figure.unit)) {
          missing.push_back("a common unit");
          return add_unverifiable(kind, title, c, ids, true, missing);
        }
        Verdict v = Order{operand(c), xs, !up}.evaluate();
        v.arithmetic.insert(v.arithmetic.begin(),
                            fmt::format("the quote says '{} from': {} must be {} {}", up ? "up" : "down", c.id,
                                        up ? "below" : "above", x.id));
        return add(kind, title + (up ? " (up from)" : " (down from)"), c, ids, true, std::move(v));
      }
      case RelationKind::margin_of: {
        const std::string title = fmt::format("{} is the margin of {}", label(c), label(x));
        const Claim* y = t.size() > 1 ? t[1] : nullptr;
        if (y == nullptr) {
          for (const auto& k : set_.claims)
            if (k.metric == "revenue" && k.subject() == x.subject() && k.period && x.period &&
                k.period->same_days(*x.period) && k.figure.has_value())
              y = &k;
        }
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        std::optional<Operand> revenue;
        if (y != nullptr && y->figure.has_value()) {
          revenue = operand(*y);
          ids.push_back(y->id);
        } else if (x.period) {
          if (const ReportedFigure* rf = ref_.reported(x.subject(), "revenue", *x.period)) revenue = reported_operand(*rf);
        }
        if (!revenue) {
          missing.push_back(fmt::format("{} revenue {}", x.subject(), x.period ? x.period->text : "(no period)"));
          return add_unverifiable(kind, title, c, ids, true, missing);
        }
        if (!is_percent(c.figure.unit) || !same_unit(x.figure.unit, revenue->unit)) {
          missing.push_back(fmt::format("a margin in % of profit and revenue in one unit (here {}, {} and {})",
                                        unit_name(c.figure.unit), unit_name(x.figure.unit), unit_name(revenue->unit)));
          return add_unverifiable(kind, title, c, ids, true, missing);
        }
        return add(kind, title, c, ids, true, Quotient{operand(c), operand(x), *revenue, true}.evaluate());
      }
      case RelationKind::ratio_of: {
        const std::string title = fmt::format("{} is a ratio of {}", label(c), r.to_string().substr(9));
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        std::optional<Operand> den;
        if (t.size() > 1) {
          if (!need_values({t[1]})) return add_unverifiable(kind, title, c, ids, true, missing);
          den = operand(*t[1]);
        } else if (c.period) {
          if (const ReportedFigure* rf = ref_.reported(x.subject(), x.metric, *c.period)) den = reported_operand(*rf);
          if (!den) missing.push_back(fmt::format("{} {} {} (the base of the ratio)", x.subject(), x.metric, c.period->text));
        } else {
          missing.push_back("the base of the ratio (no second claim and no period)");
        }
        if (!den) return add_unverifiable(kind, title, c, ids, true, missing);
        const bool pct = is_percent(c.figure.unit);
        if (!same_unit(x.figure.unit, den->unit)) {
          missing.push_back(fmt::format("a numerator and a denominator in one unit (here {} and {})",
                                        unit_name(x.figure.unit), unit_name(den->unit)));
          return add_unverifiable(kind, title, c, ids, true, missing);
        }
        return add(kind, title, c, ids, true, Quotient{operand(c), operand(x), *den, pct}.evaluate());
      }
      case RelationKind::multiple_of: {
        const std::string title = fmt::format("{} is a valuation at {}", label(c), label(x));
        if (!need_values({&c, &x})) return add_unverifiable(kind, title, c, ids, true, missing);
        if (t.size() > 1) {
          if (!need_values({t[1]})) return add_unverifiable(kind, title, c, ids, true, missing);
          return add(kind, title, c, ids, true,
                     Product{operand(c), {operand(x), operand(*t[1])}, {}, c.figure.unit}.evaluate());
        }
        const Interval s = divide(c.figure.readings->strict, x.figure.readings->strict, division_exponent);
        const Interval ro = divide(c.figure.readings->rounded, x.figure.readings->rounded, division_exponent);
        missing.push_back(fmt::format("the metric the multiple {} applies to (state it as multiple_of:{}/<claim>)", x.id, x.id));
        return add_unverifiable(kind, title, c, ids, true, missing,
                                {fmt::format("implied metric = {} / {}: strict {}, rounding {}", c.id, x.id,
                                             show(s, c.figure.unit), show(ro, c.figure.unit))});
      }
      case RelationKind::change_of: return change_of(c, x);
      case RelationKind::to: return price_move_to(c, x);
      case RelationKind::per:
        note(c, fmt::format("a sensitivity per {}: an assumption, no fact the data can confirm", x.id));
        return;
      case RelationKind::compare:
        note(c, fmt::format("compared with {} (a value at another date; each is checked on its own)", x.id));
        return;
    }
  }

  // Market value added by price move X: X / 100 x base price x shares / ratio.
  void change_of(const Claim& c, const Claim& x) {
    const std::string title = fmt::format("{} is the market-value change of move {}", label(c), label(x));
    std::vector<std::string> missing;
    std::vector<std::string> ids{x.id};
    if (!c.figure.has_value() || !x.figure.has_value() || !is_percent(x.figure.unit) || !c.figure.unit.is_money()) {
      missing.push_back("a money amount and a price move in % (the claims give no number or other units)");
      return add_unverifiable("change_of", title, c, ids, true, missing);
    }
    const ClaimPeriod* window = x.period ? &*x.period : (c.period ? &*c.period : nullptr);
    if (window == nullptr) return add_unverifiable("change_of", title, c, ids, true, {"the window of the move"});
    Claim probe = c;
    if (probe.listing.empty()) probe.listing = x.listing;
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(probe, missing)) {
      std::string how;
      const PriceObservation* base = base_price(x, *l, *window, window->last_day(), missing, how);
      if (base == nullptr || !c.figure.unit.currency) continue;
      auto in = cap_inputs(*l, *base, *c.figure.unit.currency, missing);
      if (!in) continue;
      Formula f = cap_formula(*in, std::nullopt, c.figure.unit);
      f.terms.insert(f.terms.begin(), Term{"move", operand(x)});
      f.expression = "move / 100 x " + f.expression;
      auto inner = f.apply;
      f.apply = [inner](const std::vector<Interval>& v) {
        const std::vector<Interval> rest(v.begin() + 1, v.end());
        return divide(v[0] * inner(rest), Interval::point(Decimal::from_integer(100)), division_exponent);
      };
      candidates.emplace_back(fmt::format("{}, base = {}", l->symbol, how), std::move(f));
    }
    if (candidates.empty()) return add_unverifiable("change_of", title, c, ids, true, missing);
    add("change_of", title, c, ids, true, check_best(operand(c), candidates));
  }

  // A price move that ends at the price quoted by X.
  void price_move_to(const Claim& c, const Claim& x) {
    const std::string title = fmt::format("{} is the move up to {}", label(c), label(x));
    std::vector<std::string> missing;
    std::vector<std::string> ids{x.id};
    if (!c.figure.has_value() || !x.figure.has_value() || !c.period || !is_percent(c.figure.unit) ||
        !x.figure.unit.is_money()) {
      missing.push_back(!c.period ? "the window of the move" : "a move in % and a price (the claims give no number or other units)");
      return add_unverifiable("to", title, c, ids, true, missing);
    }
    Claim probe = c;
    if (probe.listing.empty()) probe.listing = x.listing;
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(probe, missing)) {
      if (x.figure.unit.currency && !(*x.figure.unit.currency == l->currency)) continue;
      std::string how;
      const PriceObservation* base = base_price(c, *l, *c.period, c.period->last_day(), missing, how);
      if (base == nullptr) continue;
      Operand end = operand(x);
      Operand start = price_operand(*l, *base, x.figure.unit);
      candidates.emplace_back(fmt::format("{}, base = {}, end = {}", l->symbol, how, x.id),
                              Growth{operand(c), end, start}.formula());
    }
    if (candidates.empty()) return add_unverifiable("to", title, c, ids, true, missing);
    add("to", title, c, ids, true, check_best(operand(c), candidates));
  }

  // ---- relations found from entity, metric and period --------------------------------------------

  void automatic() {
    // Clusters of claims already tied by same_as/converts, so that they are not paired again.
    std::map<std::string, std::string> root;
    const std::function<std::string(const std::string&)> find = [&](const std::string& id) -> std::string {
      auto it = root.find(id);
      if (it == root.end() || it->second == id) return id;
      return it->second = find(it->second);
    };
    for (const auto& c : set_.claims)
      if (c.relation && (c.relation->kind == RelationKind::same_as || c.relation->kind == RelationKind::converts))
        root[find(c.id)] = find(c.relation->targets.front());

    const auto measured = [this](const Claim& c) {
      if (c.relation && c.relation->kind == RelationKind::growth_of) {
        if (const Claim* x = set_.find(c.relation->targets.front())) return x->metric + " " + c.metric;
      }
      return c.metric;
    };
    const auto same_key = [&measured](const Claim& a, const Claim& b) {
      return a.subject() == b.subject() && measured(a) == measured(b) && a.period && b.period && a.period->same_days(*b.period) &&
             a.listing == b.listing && (!is_market_metric(a.metric) || a.as_of == b.as_of);
    };
    for (std::size_t j = 0; j < set_.claims.size(); ++j) {
      const Claim& b = set_.claims[j];
      if (b.metric == "other" || !b.figure.has_value()) continue;
      for (std::size_t i = 0; i < j; ++i) {
        const Claim& a = set_.claims[i];
        if (!a.figure.has_value() || !same_key(a, b) || find(a.id) == find(b.id)) continue;
        if (b.relation && std::find(b.relation->targets.begin(), b.relation->targets.end(), a.id) != b.relation->targets.end())
          continue;
        if (a.relation && std::find(a.relation->targets.begin(), a.relation->targets.end(), b.id) != a.relation->targets.end())
          continue;
        std::vector<std::string> missing;
        const ClaimPeriod* window = flow_window(a) ? &*a.period : nullptr;
        const std::string title = fmt::format("{} and {}: the same metric, entity and period", label(b), label(a));
        auto v = compare_amounts(operand(b), operand(a), spot_days(b, &a), window, missing);
        if (v) {
          add("same_figure", title, b, {a.id}, false, std::move(*v));
        } else {
          add_unverifiable("same_figure", title, b, {a.id}, false, missing);
        }
        root[find(b.id)] = find(a.id);
      }
    }
    parity_pairs();
    // growth + value (+ prior), margin = adjusted EBITA / revenue, among claims.
    for (const auto& g : set_.claims) {
      if (g.relation || !g.figure.has_value() || !g.period) continue;
      if (is_growth_metric(g.metric)) {
        const std::string base = base_metric_of(g.metric);
        for (const auto& x : set_.claims) {
          if (x.metric != base || x.subject() != g.subject() || !x.period || !x.period->same_days(*g.period) ||
              !x.figure.has_value())
            continue;
          std::vector<std::string> missing;
          std::string prior_id;
          auto prior = prior_of(x, missing, prior_id);
          if (!prior || !is_percent(g.figure.unit) || !same_unit(x.figure.unit, prior->unit)) continue;
          std::vector<std::string> ids{x.id};
          if (!prior_id.empty()) ids.push_back(prior_id);
          add("growth", fmt::format("{} is the growth of {} (same entity and period)", label(g), label(x)), g, ids, false,
              Growth{operand(g), operand(x), *prior}.evaluate());
          break;
        }
      } else if (g.metric == "margin") {
        const Claim* profit = nullptr;
        const Claim* revenue = nullptr;
        for (const auto& x : set_.claims) {
          if (x.subject() != g.subject() || !x.period || !x.period->same_days(*g.period) || !x.figure.has_value()) continue;
          if (x.metric == "adjusted_ebita" && profit == nullptr) profit = &x;
          if (x.metric == "revenue" && revenue == nullptr) revenue = &x;
        }
        if (profit != nullptr && revenue != nullptr && is_percent(g.figure.unit) &&
            same_unit(profit->figure.unit, revenue->figure.unit)) {
          add("margin", fmt::format("{} is {} over {} (same entity and period)", label(g), label(*profit), label(*revenue)), g,
              {profit->id, revenue->id}, false, Quotient{operand(g), operand(*profit), operand(*revenue), true}.evaluate());
        }
      }
    }
  }


  // ---- cross-listing parity ----------------------------------------------------------------------

  // The listing a share price quotes: its listing column, else the only listing
  // in the figure's currency.
  const Listing* quoted_listing(const Claim& c) const {
    if (!c.listing.empty()) return ref_.listing(c.listing);
    if (!c.figure.unit.currency) return nullptr;
    const Listing* found = nullptr;
    for (const auto& l : ref_.listings) {
      if (!(l.currency == *c.figure.unit.currency)) continue;
      if (found != nullptr) return nullptr;
      found = &l;
    }
    return found;
  }

  // The listing on the other side of the ADS programme: an ADS listing for an
  // ordinary one and the reverse (the first such listing).
  const Listing* counterpart(const Listing& l) const {
    for (const auto& o : ref_.listings)
      if ((o.per == Per::ads) != (l.per == Per::ads)) return &o;
    return nullptr;
  }

  // The one day a price claim is about: its period when that is a single day, else
  // its as_of when it has no period.
  static std::optional<Date> price_day(const Claim& c) {
    if (c.period) {
      if (c.period->first_day() == c.period->last_day()) return c.period->first_day();
      return std::nullopt;
    }
    return c.as_of;
  }

  // A share price claim parity can use: the issuer's, no segment, a number in the
  // currency of the listing it quotes, one day, not a projection.
  const Listing* parity_listing(const Claim& c) const {
    if (c.metric != "share_price" || !c.figure.has_value() || c.entity != ref_.issuer || !c.segment.empty() ||
        is_projection(c.quote) || !price_day(c))
      return nullptr;
    const Listing* l = quoted_listing(c);
    if (l == nullptr || !c.figure.unit.currency || !(l->currency == *c.figure.unit.currency)) return nullptr;
    return l;
  }

  // ADS price against ordinary x ratio x rate on `day`; nullopt (with `missing`) when
  // the ratio or the rate is not known.
  std::optional<Verdict> parity(const Operand& ads, const Listing& ads_listing, const Operand& ordinary,
                                const Listing& ordinary_listing, Date day, std::vector<std::string>& missing) {
    const DatedCount* r = ref_.ads_ratio_on(day);
    if (r == nullptr) missing.push_back("the ADS ratio of " + ads_listing.symbol);
    const std::vector<Date> days{day};
    auto rate = fx_rate(ordinary_listing.currency, ads_listing.currency, days, nullptr, missing);
    if (r == nullptr || !rate) return std::nullopt;
    const std::string when = day < r->date ? fmt::format("earliest known, {}, assumed in force on {}", iso(r->date), iso(day))
                                           : "as of " + iso(r->date);
    const Operand ratio = Operand::exact(fmt::format("ordinary shares per {} ADS ({})", ads_listing.symbol, when), r->value,
                                         Unit::of(Dimension::number), r->source);
    return CrossListingParity{ads, ordinary, ratio, *rate, opt_.parity_tolerance_percent}.evaluate();
  }

  // Two claims quoting the price of both listings on the same day: the ADS claim
  // against the ordinary one (decisive, like any relation between two claims).
  void parity_pairs() {
    for (const auto& a : set_.claims) {
      const Listing* la = parity_listing(a);
      if (la == nullptr || la->per != Per::ads) continue;
      for (const auto& h : set_.claims) {
        const Listing* lh = parity_listing(h);
        if (lh == nullptr || lh->per == Per::ads || !(*price_day(h) == *price_day(a))) continue;
        const Date day = *price_day(a);
        const std::string title =
            fmt::format("{} and {}: cross-listing parity of {} and {} on {}", label(a), label(h), la->symbol, lh->symbol, iso(day));
        std::vector<std::string> missing;
        auto v = parity(operand(a), *la, operand(h), *lh, day, missing);
        if (!v) {
          add_unverifiable("parity", title, a, {h.id}, false, missing);
        } else {
          add("parity", title, a, {h.id}, false, std::move(*v));
        }
      }
    }
  }

  // A share price against the other listing's close of the day (supporting only:
  // the two markets close hours apart, and the claim's own listing decides).
  void parity_data(const Claim& c) {
    const Listing* l = parity_listing(c);
    if (l == nullptr) return;
    const Listing* o = counterpart(*l);
    if (o == nullptr) return;
    const Date day = *price_day(c);
    const std::string title = fmt::format("{}: cross-listing parity against the {} close of {}", label(c), o->symbol, iso(day));
    std::vector<std::string> missing;
    std::optional<Verdict> v;
    if (const PriceObservation* p = o->close_on(day)) {
      const Operand other = price_operand(*o, *p, price_unit(*o));
      v = l->per == Per::ads ? parity(operand(c), *l, other, *o, day, missing) : parity(other, *o, operand(c), *l, day, missing);
    } else {
      missing.push_back(fmt::format("{} close on {}", o->symbol, iso(day)));
    }
    if (v) {
      add("parity", title, c, {}, false, std::move(*v));
    } else {
      add_unverifiable("parity", title, c, {}, false, missing);
    }
    findings_.back().supporting = true;
  }

  // ---- against the reference data --------------------------------------------------------------

  void data_check(const Claim& c) {
    if (!c.figure.has_value()) {
      note(c, c.figure.problem);
      return;
    }
    const std::string& m = c.metric;
    if (m == "other") {
      note(c, "metric 'other' is not checked against data" + (c.notes.empty() ? std::string() : ": " + c.notes));
      return;
    }
    if (m == "fx_conversion" || m == "valuation_multiple") {
      if (!c.relation && find_relation(RelationKind::multiple_of, c.id) == nullptr)
        note(c, fmt::format("a {} is checked only through a relation to the figure it belongs to", m));
      return;
    }
    if (is_market_metric(m) && is_projection(c.quote)) {
      note(c, "a projection (the quote says could/would/will/...): market data cannot confirm it");
      return;
    }
    if ((m == "price_change" || is_growth_metric(m) || m == "margin") && !is_percent(c.figure.unit)) {
      note(c, fmt::format("a {} is checked in %, the figure is in {}", m, unit_name(c.figure.unit)));
      return;
    }
    if (m == "price_change") return price_change(c);
    if (m == "market_cap") return market_cap(c);
    if (m == "market_cap_change") return market_cap_change(c);
    if (m == "share_price") {
      share_price(c);
      return parity_data(c);
    }
    if (is_growth_metric(m)) return growth_data(c);
    if (m == "margin") return margin_data(c);
    reported_value(c);
  }

  void price_change(const Claim& c) {
    if (c.relation && c.relation->kind == RelationKind::to) return;  // the stated end price is checked there
    const std::string title = fmt::format("{}: price change {} against the price history", label(c),
                                          c.period ? c.period->text : std::string("(no window)"));
    std::vector<std::string> missing;
    if (!c.period) return add_unverifiable("price_change", title, c, {}, false, {"the window of the move"});
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(c, missing)) {
      const PriceObservation* end = end_price(c, *l, *c.period, missing);
      if (end == nullptr) continue;
      std::string how;
      const PriceObservation* base = base_price(c, *l, *c.period, end->date, missing, how);
      if (base == nullptr) continue;
      const Unit u = price_unit(*l);
      candidates.emplace_back(fmt::format("{}, base = {}, end = close of {}", l->symbol, how, iso(end->date)),
                              Growth{operand(c), price_operand(*l, *end, u), price_operand(*l, *base, u)}.formula());
    }
    if (candidates.empty()) return add_unverifiable("price_change", title, c, {}, false, missing);
    add("price_change", title, c, {}, false, check_best(operand(c), candidates));
  }

  // The recorded prices of a period; for a single day without any (a weekend, a
  // holiday), the last close before it within the staleness limit.
  std::vector<const PriceObservation*> observations(const Listing& l, Date first, Date last) const {
    auto out = l.between(first, last);
    if (out.empty() && first == last) {
      if (const PriceObservation* p = l.close_on_or_before(first, opt_.max_staleness)) out.push_back(p);
    }
    return out;
  }

  std::pair<Date, Date> observation_days(const Claim& c) const {
    if (c.period) return {c.period->first_day(), c.period->last_day()};
    return {*c.as_of, *c.as_of};
  }

  void market_cap(const Claim& c) {
    std::vector<std::string> missing;
    const std::string title = fmt::format("{}: market cap against price x shares", label(c));
    if ((!c.period && !c.as_of) || !c.figure.unit.currency) {
      return add_unverifiable("market_cap", title, c, {}, false, {"the date of the market cap"});
    }
    const auto [first, last] = observation_days(c);
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(c, missing)) {
      std::optional<CapInputs> lo;
      std::optional<CapInputs> hi;
      std::size_t n = 0;
      for (const PriceObservation* p : observations(*l, first, last)) {
        auto in = cap_inputs(*l, *p, *c.figure.unit.currency, missing);
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
      candidates.emplace_back(
          fmt::format("{}: {} recorded price{} in {}..{}, lowest and highest market value", l->symbol, n, n == 1 ? "" : "s",
                      iso(first), iso(last)),
          cap_formula(*lo, single ? std::nullopt : hi, c.figure.unit));
    }
    if (candidates.empty()) return add_unverifiable("market_cap", title, c, {}, false, missing);
    add("market_cap", title, c, {}, false, check_best(operand(c), candidates));
  }

  void market_cap_change(const Claim& c) {
    std::vector<std::string> missing;
    const std::string title = fmt::format("{}: market-value change over {} against price x shares", label(c),
                                          c.period ? c.period->text : std::string("(no window)"));
    if (!c.period || !c.figure.unit.currency) {
      return add_unverifiable("market_cap_change", title, c, {}, false, {"the window of the change"});
    }
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(c, missing)) {
      const PriceObservation* end = end_price(c, *l, *c.period, missing);
      if (end == nullptr) continue;
      std::string how;
      const PriceObservation* base = base_price(c, *l, *c.period, end->date, missing, how);
      if (base == nullptr) continue;
      auto e = cap_inputs(*l, *end, *c.figure.unit.currency, missing);
      auto b = cap_inputs(*l, *base, *c.figure.unit.currency, missing);
      if (!e || !b) continue;
      const Unit u = c.figure.unit;
      Formula fe = cap_formula(*e, std::nullopt, u);
      Formula fb = cap_formula(*b, std::nullopt, u);
      Formula f;
      f.unit = u;
      f.expression = "(end: " + fe.expression + ") - (start: " + fb.expression + ")";
      for (auto t : fe.terms) f.terms.push_back(Term{"end " + t.name, t.operand});
      for (auto t : fb.terms) f.terms.push_back(Term{"start " + t.name, t.operand});
      const std::size_t ne = fe.terms.size();
      f.apply = [fe, fb, ne](const std::vector<Interval>& v) {
        const std::vector<Interval> a(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(ne));
        const std::vector<Interval> b2(v.begin() + static_cast<std::ptrdiff_t>(ne), v.end());
        return fe.apply(a) - fb.apply(b2);
      };
      candidates.emplace_back(fmt::format("{}, start = {}, end = close of {}", l->symbol, how, iso(end->date)), std::move(f));
    }
    if (candidates.empty()) return add_unverifiable("market_cap_change", title, c, {}, false, missing);
    add("market_cap_change", title, c, {}, false, check_best(operand(c), candidates));
  }

  void share_price(const Claim& c) {
    std::vector<std::string> missing;
    const std::string title = fmt::format("{}: share price against the recorded prices", label(c));
    if ((!c.period && !c.as_of) || !c.figure.unit.currency) {
      return add_unverifiable("share_price", title, c, {}, false, {"the date and currency of the price"});
    }
    const auto [first, last] = observation_days(c);
    std::vector<std::pair<std::string, Formula>> candidates;
    for (const Listing* l : listings_for(c, missing)) {
      if (!(l->currency == *c.figure.unit.currency)) continue;
      const PriceObservation* lo = nullptr;
      const PriceObservation* hi = nullptr;
      for (const PriceObservation* p : observations(*l, first, last)) {
        if (lo == nullptr || p->value < lo->value) lo = p;
        if (hi == nullptr || hi->value < p->value) hi = p;
      }
      if (lo == nullptr) {
        missing.push_back(fmt::format("{} prices in {}..{}", l->symbol, iso(first), iso(last)));
        continue;
      }
      const Unit u = c.figure.unit;
      Formula f{"hull(lowest, highest)",
                {Term{"lowest", price_operand(*l, *lo, u)}, Term{"highest", price_operand(*l, *hi, u)}},
                [](const std::vector<Interval>& x) { return hull(x[0], x[1]); },
                u};
      candidates.emplace_back(fmt::format("{}: range of the recorded prices in {}..{}", l->symbol, iso(first), iso(last)),
                              std::move(f));
    }
    if (candidates.empty()) return add_unverifiable("share_price", title, c, {}, false, missing);
    add("share_price", title, c, {}, false, check_best(operand(c), candidates));
  }

  // The fiscal quarters that tile a window (partial quarters at either end left out).
  std::vector<Period> quarters_in(const ClaimPeriod& w) const {
    std::vector<Period> out;
    Period q = Period::containing(PeriodKind::fiscal_quarter, w.first_day(), ref_calendar());
    if (q.first_day() < w.first_day()) q = q.next();
    while (!(w.last_day() < q.last_day())) {
      out.push_back(q);
      q = q.next();
    }
    return out;
  }

  static FiscalCalendar ref_calendar() { return FiscalCalendar::alibaba(); }

  // Rates over a window of quarters: every quarter with data must agree.
  void window_rates(const Claim& c, const std::string& path, const std::string& kind, const std::string& title,
                    const std::function<std::optional<Verdict>(const ClaimPeriod&, std::vector<std::string>&)>& one) {
    std::vector<std::string> missing;
    Verdict all;
    all.unit = c.figure.unit;
    std::size_t known = 0;
    VerdictKind worst = VerdictKind::consistent;
    const auto qs = quarters_in(*c.period);
    for (const Period& q : qs) {
      const ClaimPeriod p{q.to_string(), q, q};
      auto v = one(p, missing);
      if (!v) continue;
      ++known;
      all.arithmetic.push_back(fmt::format("quarter {}: {}", q.to_string(), finmetrics::label(v->kind)));
      for (const auto& l : v->arithmetic) all.arithmetic.push_back("  " + l);
      for (auto& d : v->data) all.data.push_back(std::move(d));
      if (rank(v->kind) > rank(worst)) {
        worst = v->kind;
        all.claimed = v->claimed;
        all.computed = v->computed;
        all.gap = v->gap;
        all.reading = v->reading;
      } else if (!all.computed) {
        all.claimed = v->claimed;
        all.computed = v->computed;
        all.reading = v->reading;
      }
    }
    if (qs.empty()) missing.push_back(fmt::format("{}: the window {} holds no whole fiscal quarter", path, c.period->text));
    if (known == 0) return add_unverifiable(kind, title, c, {}, false, missing);
    if (worst == VerdictKind::inconsistent || known == qs.size()) {
      all.kind = worst;
      all.arithmetic.push_back(fmt::format("=> {} ({} of {} quarters known)", finmetrics::label(worst), known, qs.size()));
      return add(kind, title, c, {}, false, std::move(all));
    }
    all.kind = VerdictKind::unverifiable;
    all.arithmetic.push_back(fmt::format("=> unverifiable: {} of {} quarters known, none contradicts the claim", known, qs.size()));
    for (const auto& m : missing) all.arithmetic.push_back("missing: " + m);
    all.missing = std::move(missing);
    add(kind, title, c, {}, false, std::move(all));
  }

  void growth_data(const Claim& c) {
    const Claim* target = nullptr;
    if (c.relation && c.relation->kind == RelationKind::growth_of) target = set_.find(c.relation->targets.front());
    const std::string base = target ? target->metric : base_metric_of(c.metric);
    const std::string path = target ? target->subject() : c.subject();
    const std::string rate = base + "_yoy_growth";
    const std::string title = fmt::format("{}: {} of {} against the reported figures", label(c), rate, path);
    if (c.entity != ref_.issuer) {
      return add_unverifiable("reported", title, c, {}, false, {fmt::format("reported figures of {}", c.entity)});
    }
    const ClaimPeriod* period = c.period ? &*c.period : (target && target->period ? &*target->period : nullptr);
    if (period == nullptr) return add_unverifiable("reported", title, c, {}, false, {"the period of the growth rate"});
    const auto one = [&](const ClaimPeriod& p, std::vector<std::string>& missing) -> std::optional<Verdict> {
      if (const ReportedFigure* r = ref_.reported(path, rate, p)) return Agreement{operand(c), reported_operand(*r)}.evaluate();
      if (!p.is_window() && p.first.kind() != PeriodKind::day) {
        const Period ago = p.first.year_ago();
        const ReportedFigure* cur = ref_.reported(path, base, p);
        const ReportedFigure* prior = ref_.reported(path, base, ClaimPeriod{ago.to_string(), ago, ago});
        if (cur != nullptr && prior != nullptr) {
          return Growth{operand(c), reported_operand(*cur), reported_operand(*prior)}.evaluate();
        }
        missing.push_back(fmt::format("{} {} {} (or {} {} and {})", path, rate, p.text, base, p.text, ago.to_string()));
      } else {
        missing.push_back(fmt::format("{} {} {}", path, rate, p.text));
      }
      return std::nullopt;
    };
    if (period->is_window()) {
      // A window with a reported figure of its own is checked as one period.
      if (const ReportedFigure* r = ref_.reported(path, rate, *period)) {
        return add("reported", title, c, {}, false, Agreement{operand(c), reported_operand(*r)}.evaluate());
      }
      return window_rates(c, path, "reported", title, one);
    }
    if (period->first.kind() == PeriodKind::year && !ref_calendar().is_calendar_year()) {
      return window_rates(c, path, "reported", title, one);
    }
    std::vector<std::string> missing;
    auto v = one(*period, missing);
    if (!v) return add_unverifiable("reported", title, c, {}, false, missing);
    add("reported", title, c, {}, false, std::move(*v));
  }

  void margin_data(const Claim& c) {
    const std::string path = c.subject();
    const std::string title = fmt::format("{}: adjusted EBITA margin of {} against the reported figures", label(c), path);
    if (!c.period) return add_unverifiable("reported", title, c, {}, false, {"the period of the margin"});
    if (const ReportedFigure* r = ref_.reported(path, "adjusted_ebita_margin", *c.period)) {
      return add("reported", title, c, {}, false, Agreement{operand(c), reported_operand(*r)}.evaluate());
    }
    const ReportedFigure* p = ref_.reported(path, "adjusted_ebita", *c.period);
    const ReportedFigure* rev = ref_.reported(path, "revenue", *c.period);
    if (p != nullptr && rev != nullptr) {
      return add("reported", title, c, {}, false,
                 Quotient{operand(c), reported_operand(*p), reported_operand(*rev), true}.evaluate());
    }
    std::vector<std::string> missing{fmt::format("{} adjusted_ebita_margin {}", path, c.period->text)};
    if (p == nullptr) missing.push_back(fmt::format("{} adjusted_ebita {}", path, c.period->text));
    if (rev == nullptr) missing.push_back(fmt::format("{} revenue {}", path, c.period->text));
    add_unverifiable("reported", title, c, {}, false, missing);
  }

  void reported_value(const Claim& c) {
    const std::string path = c.subject();
    const std::string title = fmt::format("{}: {} of {} against the reported figures", label(c), c.metric, path);
    if (c.entity != ref_.issuer) {
      return add_unverifiable("reported", title, c, {}, false, {fmt::format("reported figures of {}", c.entity)});
    }
    if (!c.period) return add_unverifiable("reported", title, c, {}, false, {"the period of the figure"});
    std::vector<std::string> missing;
    const std::vector<Date> days = spot_days(c);
    const ClaimPeriod* window = flow_window(c) ? &*c.period : nullptr;
    if (const ReportedFigure* r = ref_.reported(path, c.metric, *c.period)) {
      auto v = compare_amounts(operand(c), reported_operand(*r), days, window, missing);
      if (!v) return add_unverifiable("reported", title, c, {}, false, missing);
      return add("reported", title, c, {}, false, std::move(*v));
    }
    if (!(c.period->is_window() || c.period->first.kind() == PeriodKind::year) || !nonnegative_flow(c.metric) ||
        c.metric == "investment_plan") {
      return add_unverifiable("reported", title, c, {}, false, {fmt::format("{} {} {}", path, c.metric, c.period->text)});
    }
    // A flow over several quarters: their sum. Missing quarters leave a lower bound
    // (the metric is never negative), which can refute the claim but not confirm it.
    const auto qs = quarters_in(*c.period);
    std::vector<Term> terms;
    for (const Period& q : qs) {
      const ReportedFigure* r = ref_.reported(path, c.metric, ClaimPeriod{q.to_string(), q, q});
      if (r == nullptr) {
        missing.push_back(fmt::format("{} {} {}", path, c.metric, q.to_string()));
      } else {
        terms.push_back(Term{q.to_string(), reported_operand(*r)});
      }
    }
    if (terms.empty() || qs.empty()) {
      if (qs.empty()) missing.push_back(fmt::format("{} {} {}", path, c.metric, c.period->text));
      return add_unverifiable("reported", title, c, {}, false, missing);
    }
    const bool complete = missing.empty();
    std::string expr;
    for (const auto& t : terms) expr += (expr.empty() ? "" : " + ") + t.name;
    if (!complete) expr = "at least " + expr + " (quarters missing; the metric is never negative)";
    Formula f{expr, terms,
              [complete](const std::vector<Interval>& x) {
                Interval s = x[0];
                for (std::size_t i = 1; i < x.size(); ++i) s = s + x[i];
                if (complete) return s;
                return Interval(s.lower(), Bound::unbounded());
              },
              terms.front().operand.unit};
    Operand subject = operand(c);
    std::optional<Verdict> v;
    if (same_unit(subject.unit, f.unit)) {
      v = check_formula(subject, f);
    } else if (subject.unit.currency && f.unit.currency) {
      auto rate = fx_rate(*f.unit.currency, *subject.unit.currency, days, window, missing);
      if (rate) {
        Computed s = f.compute();
        v = Conversion{subject, Operand::computed("sum of the quarters", s, f.unit, "financials"), *rate}.evaluate();
      }
    }
    if (!v) return add_unverifiable("reported", title, c, {}, false, missing);
    if (!complete && v->kind != VerdictKind::inconsistent) {
      if (!v->arithmetic.empty() && v->arithmetic.back().rfind("=> ", 0) == 0) v->arithmetic.pop_back();
      v->kind = VerdictKind::unverifiable;
      v->reading.clear();
      v->arithmetic.push_back("=> unverifiable: the known quarters do not contradict the claim, the missing ones decide");
      for (const auto& m : missing) v->arithmetic.push_back("missing: " + m);
      v->missing = missing;
    }
    add("reported", title, c, {}, false, std::move(*v));
  }

  // ---- verdicts per claim -----------------------------------------------------------------------

  CheckResult finish() {
    CheckResult out;
    out.claims_source = set_.source;
    out.data_files = ref_.files;
    out.fx_source = ref_.fx_source;
    out.row_errors = set_.row_errors;
    for (const auto& c : set_.claims) {
      ClaimOutcome o;
      o.id = c.id;
      std::vector<std::size_t> own;
      std::vector<std::size_t> involved;
      std::vector<std::size_t> undecided;
      for (std::size_t i = 0; i < findings_.size(); ++i) {
        const Finding& f = findings_[i];
        const bool in = std::find(f.claims.begin(), f.claims.end(), c.id) != f.claims.end();
        if (!in || f.supporting) continue;
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
          if (rank(findings_[i].verdict.kind) > rank(findings_[worst].verdict.kind)) worst = i;
        o.kind = findings_[worst].verdict.kind;
        o.findings = decisive;
        o.reason = reason(findings_[worst], c.id);
      } else {
        o.kind = VerdictKind::unverifiable;
        o.findings = undecided;
        std::vector<std::string> why;
        for (std::size_t i : undecided)
          for (const auto& m : findings_[i].verdict.missing)
            if (std::find(why.begin(), why.end(), m) == why.end()) why.push_back(m);
        std::string text;
        if (!why.empty()) {
          text = "missing: ";
          for (std::size_t k = 0; k < why.size(); ++k) text += (k == 0 ? "" : "; ") + why[k];
        }
        if (auto it = notes_.find(c.id); it != notes_.end()) {
          for (const auto& n : it->second) text += (text.empty() ? "" : "; ") + n;
        }
        if (text.empty()) text = "no relation or reference data applies";
        o.reason = text;
      }
      out.claims.push_back(std::move(o));
    }
    out.findings = std::move(findings_);
    return out;
  }

  static std::string reason(const Finding& f, const std::string& id) {
    const Verdict& v = f.verdict;
    std::string s = f.id + " " + f.kind;
    if (f.subject != id) s += " (via " + f.subject + ")";
    if (v.claimed && v.computed) {
      if (v.kind == VerdictKind::consistent_by_rounding) {
        s += fmt::format(": {} claim {} vs computed {}", v.reading, show(v.reading == "truncation" ? v.claimed->truncated : v.claimed->rounded, v.unit),
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
};

}  // namespace

std::size_t CheckResult::count(VerdictKind kind) const {
  return static_cast<std::size_t>(std::count_if(claims.begin(), claims.end(), [&](const auto& c) { return c.kind == kind; }));
}

CheckResult check_claims(const ClaimSet& claims, const ReferenceData& data, const CheckOptions& options) {
  return Checker(claims, data, options).run();
}

}  // namespace finmetrics
