// Cross-listing parity: two claims quoting the price of both listings on one day
// (decisive), and a share price against the other listing's close (supporting).
#include <map>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/parity.hpp"

namespace finmetrics::check_detail {

namespace {

// The listing a share price quotes: its listing column, else the only listing in
// the figure's currency.
const Listing* quoted_listing(const ReferenceData& ref, const Claim& c) {
  if (!c.listing.empty()) return ref.listing(c.listing);
  if (!c.figure.unit.currency) return nullptr;
  const Listing* found = nullptr;
  for (const auto& l : ref.listings) {
    if (!(l.currency == *c.figure.unit.currency)) continue;
    if (found != nullptr) return nullptr;
    found = &l;
  }
  return found;
}

// The listing on the other side of the ADS programme: an ADS listing for an
// ordinary one and the reverse (the first such listing).
const Listing* counterpart(const ReferenceData& ref, const Listing& l) {
  for (const auto& o : ref.listings)
    if ((o.per == Per::ads) != (l.per == Per::ads)) return &o;
  return nullptr;
}

// The one day a price claim is about: its period when that is a single day, else
// its as_of when it has no period.
std::optional<Date> price_day(const Claim& c) {
  if (c.period) {
    if (c.period->first_day() == c.period->last_day()) return c.period->first_day();
    return std::nullopt;
  }
  return c.as_of;
}

// A share price claim parity can use: the issuer's, no segment, a number in the
// currency of the listing it quotes, one day, not a projection.
const Listing* parity_listing(const CheckContext& cx, const Claim& c) {
  const ReferenceData& ref = cx.ref;
  if (cx.metric(c).role != MetricRole::share_price || !c.figure.has_value() || !cx.about_issuer(c) || !c.segment.empty() ||
      is_projection(c.quote, cx.lexicon) || !price_day(c))
    return nullptr;
  const Listing* l = quoted_listing(ref, c);
  if (l == nullptr || !c.figure.unit.currency || !(l->currency == *c.figure.unit.currency)) return nullptr;
  return l;
}

// ADS price against ordinary x ratio x rate on `day`; nullopt (with `missing`) when
// the ratio or the rate is not known.
std::optional<Verdict> parity(CheckContext& cx, const Operand& ads, const Listing& ads_listing, const Operand& ordinary,
                              const Listing& ordinary_listing, Date day, std::vector<std::string>& missing) {
  const DatedCount* r = cx.ref.ads_ratio_on(day);
  if (r == nullptr) missing.push_back("the ADS ratio of " + ads_listing.symbol);
  const std::vector<Date> days{day};
  auto rate = cx.fx_rate(ordinary_listing.currency, ads_listing.currency, days, nullptr, missing);
  if (r == nullptr || !rate) return std::nullopt;
  const std::string when = day < r->date
                               ? fmt::format("earliest known, {}, assumed in force on {}", iso(r->date), iso(day))
                               : "as of " + iso(r->date);
  const Operand ratio = Operand::exact(fmt::format("ordinary shares per {} ADS ({})", ads_listing.symbol, when),
                                       r->value, Unit::of(Dimension::number), r->source);
  return CrossListingParity{ads, ordinary, ratio, *rate, cx.opt.parity_tolerance_percent}.evaluate();
}

}  // namespace

void check_parity_pairs(CheckContext& cx) {
  // Ordinary-share price claims by day, in file order.
  std::map<Date, std::vector<std::pair<const Claim*, const Listing*>>> ordinary;
  for (const auto& h : cx.set.claims) {
    const Listing* lh = parity_listing(cx, h);
    if (lh != nullptr && lh->per != Per::ads) ordinary[*price_day(h)].emplace_back(&h, lh);
  }
  for (const auto& a : cx.set.claims) {
    const Listing* la = parity_listing(cx, a);
    if (la == nullptr || la->per != Per::ads) continue;
    const auto same_day = ordinary.find(*price_day(a));
    if (same_day == ordinary.end()) continue;
    for (const auto& [hp, lh] : same_day->second) {
      const Claim& h = *hp;
      const Date day = *price_day(a);
      const std::string title = fmt::format("{} and {}: cross-listing parity of {} and {} on {}", CheckContext::label(a),
                                            CheckContext::label(h), la->symbol, lh->symbol, iso(day));
      std::vector<std::string> missing;
      auto v = parity(cx, CheckContext::operand(a), *la, CheckContext::operand(h), *lh, day, missing);
      if (!v) {
        cx.add_unverifiable(FindingKind::parity, title, a, {h.id}, false, missing);
      } else {
        cx.add(FindingKind::parity, title, a, {h.id}, false, std::move(*v));
      }
    }
  }
}

void check_parity_data(CheckContext& cx, const Claim& c) {
  const Listing* l = parity_listing(cx, c);
  if (l == nullptr) return;
  const Listing* o = counterpart(cx.ref, *l);
  if (o == nullptr) return;
  const Date day = *price_day(c);
  const std::string title =
      fmt::format("{}: cross-listing parity against the {} close of {}", CheckContext::label(c), o->symbol, iso(day));
  std::vector<std::string> missing;
  std::optional<Verdict> v;
  if (const PriceObservation* p = o->close_on(day)) {
    const Operand other = CheckContext::price_operand(*o, *p, CheckContext::price_unit(*o));
    v = l->per == Per::ads ? parity(cx, CheckContext::operand(c), *l, other, *o, day, missing)
                           : parity(cx, other, *o, CheckContext::operand(c), *l, day, missing);
  } else {
    missing.push_back(fmt::format("{} close on {}", o->symbol, iso(day)));
  }
  if (v) {
    cx.add(FindingKind::parity, title, c, {}, false, std::move(*v));
  } else {
    cx.add_unverifiable(FindingKind::parity, title, c, {}, false, missing);
  }
  cx.findings.back().supporting = true;
}

}  // namespace finmetrics::check_detail
