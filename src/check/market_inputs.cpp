// Prices and market caps as operands: which listings a claim may quote, the base
// and end prices of a move, and the inputs of price x shares [/ ADS ratio] [x FX].
#include <fmt/format.h>

#include "check_context.hpp"

namespace finmetrics::check_detail {

std::vector<const Listing*> CheckContext::listings_for(const Claim& c, std::vector<std::string>& missing) const {
  std::vector<const Listing*> out;
  if (!about_issuer(c)) {
    missing.push_back(fmt::format("market data for {} (the reference data covers {})", c.entity, ref.issuer));
    return out;
  }
  if (!c.segment.empty()) {
    missing.push_back(fmt::format("market data for the segment {} (it has no listing)", c.segment));
    return out;
  }
  if (!c.listing.empty()) {
    if (const Listing* l = ref.listing(c.listing)) {
      out.push_back(l);
    } else {
      missing.push_back("prices of " + c.listing);
    }
    return out;
  }
  for (const auto& l : ref.listings) out.push_back(&l);
  if (out.empty()) missing.push_back("prices of any listing of " + ref.issuer);
  return out;
}

Operand CheckContext::price_operand(const Listing& l, const PriceObservation& p, const Unit& unit) {
  return Operand::exact(fmt::format("{} {} {}", l.symbol, p.field, iso(p.date)), p.value, unit, p.source);
}

const PriceObservation* CheckContext::base_price(const Claim& c, const Listing& l, const ClaimPeriod& window, Date end,
                                                 std::vector<std::string>& missing, std::string& how) const {
  if (from_peak(c.quote, lexicon)) {
    const PriceObservation* best = nullptr;
    for (const auto* p : l.between(window.first_day(), end))
      if (best == nullptr || best->value < p->value) best = p;
    how = "the peak (highest recorded price) in " + iso(window.first_day()) + ".." + iso(end);
    if (best == nullptr) {
      missing.push_back(fmt::format("{} prices in {}..{}", l.symbol, iso(window.first_day()), iso(end)));
    }
    return best;
  }
  const PriceObservation* p = l.close_before(window.first_day(), opt.max_staleness);
  how = "the last close before " + iso(window.first_day());
  if (p == nullptr) {
    missing.push_back(fmt::format("{} close in the {} days before {}", l.symbol, opt.max_staleness.count(),
                                  iso(window.first_day())));
  }
  return p;
}

const PriceObservation* CheckContext::end_price(const Claim& c, const Listing& l, const ClaimPeriod& window,
                                                std::vector<std::string>& missing) const {
  Date end = window.last_day();
  if (c.as_of && *c.as_of < end) end = *c.as_of;
  const PriceObservation* p = l.close_on_or_before(end, opt.max_staleness);
  if (p != nullptr && p->date < window.first_day()) p = nullptr;
  if (p == nullptr) {
    missing.push_back(
        fmt::format("{} close on or up to {} days before {}", l.symbol, opt.max_staleness.count(), iso(end)));
  }
  return p;
}

std::optional<CapInputs> CheckContext::cap_inputs(const Listing& l, const PriceObservation& p, Currency target,
                                                  std::vector<std::string>& missing) {
  const DatedCount* n = ref.shares_on(p.date);
  if (n == nullptr) {
    missing.push_back("ordinary shares outstanding on or before " + iso(p.date));
    return std::nullopt;
  }
  CapInputs in{price_operand(l, p, price_unit(l)),
               n->exact ? Operand::exact("ordinary shares as of " + iso(n->date), n->value, Unit::count_of("shares"),
                                         n->source)
                        : Operand::stated("ordinary shares as of " + iso(n->date), n->value, Unit::count_of("shares"),
                                          n->source),
               std::nullopt, std::nullopt, p.value * n->value};
  if (l.per == Per::ads) {
    const DatedCount* r = ref.ads_ratio_on(p.date);
    if (r == nullptr) {
      missing.push_back("the ADS ratio of " + l.symbol);
      return std::nullopt;
    }
    const std::string when = r->date > p.date
                                 ? fmt::format("earliest known, {}, assumed in force on {}", iso(r->date), iso(p.date))
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

Formula cap_formula(const CapInputs& lo, const std::optional<CapInputs>& hi, const Unit& unit) {
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

std::vector<const PriceObservation*> CheckContext::observations(const Listing& l, Date first, Date last) const {
  auto out = l.between(first, last);
  if (out.empty() && first == last) {
    if (const PriceObservation* p = l.close_on_or_before(first, opt.max_staleness)) out.push_back(p);
  }
  return out;
}

}  // namespace finmetrics::check_detail
