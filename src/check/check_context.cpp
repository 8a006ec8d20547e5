// The building blocks every kind of check shares: words of a quote, operands,
// findings, FX rates and the comparison of two amounts.
#include "check_context.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"

namespace finmetrics::check_detail {

std::vector<std::string_view> words_as_written(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) == 0) ++i;
    const std::size_t b = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0) ++i;
    if (i > b) out.push_back(text.substr(b, i - b));
  }
  return out;
}

bool from_peak(std::string_view quote, const Lexicon& lexicon) {
  const auto w = words_as_written(quote);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (lexicon.cue(w[i], "peak_from") == nullptr) continue;
    for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j)
      if (lexicon.cue(w[j], "peak") != nullptr) return true;
  }
  return false;
}

bool is_projection(std::string_view quote, const Lexicon& lexicon) {
  for (const std::string_view w : words_as_written(quote)) {
    if (lexicon.cue(w, "projection") == nullptr) continue;
    if (std::isupper(static_cast<unsigned char>(w.front())) != 0 && lexicon.cue(w, "month") != nullptr) continue;
    return true;
  }
  return false;
}

bool is_market_role(MetricRole role) {
  return role == MetricRole::share_price || role == MetricRole::price_change || role == MetricRole::market_cap ||
         role == MetricRole::market_cap_change;
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

std::string unit_name(const Unit& u) {
  const std::string s = u.to_string();
  return s.empty() ? std::string("a plain number") : s;
}

std::string iso(Date d) { return to_string(d); }

namespace {

Interval rate_interval(const FxRate& r) {
  return divide(Interval::point(r.numerator()), Interval::point(r.denominator()), division_exponent);
}

}  // namespace

namespace {

std::string days_key(const ClaimPeriod& p) { return iso(p.first_day()) + ".." + iso(p.last_day()); }

// The canonical name of a segment: the profile's, when the claim uses an alias.
std::string canonical_segment(const ReferenceData& ref, const std::string& segment) {
  if (ref.profile) {
    for (const auto& s : ref.profile->segments) {
      if (s.name == segment) return segment;
      for (const auto& a : s.aliases)
        if (a == segment) return s.name;
    }
  }
  return segment;
}

}  // namespace

CheckContext::CheckContext(const ClaimSet& claims, const ReferenceData& data, const CheckOptions& options)
    : set(claims), ref(data), opt(options), lexicon(options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin()) {
  const std::size_t n = set.claims.size();
  metrics_.reserve(n);
  subjects_.reserve(n);
  by_id_.reserve(n);
  std::unordered_map<std::string, Metric> resolved;  // one resolution per metric name
  for (const Claim& c : set.claims) {
    auto it = resolved.find(c.metric);
    if (it == resolved.end()) it = resolved.emplace(c.metric, ref.metrics.resolve(c.metric)).first;
    metrics_.push_back(it->second);
    const std::string entity = ref.is_issuer(c.entity) ? ref.issuer : c.entity;
    subjects_.push_back(c.segment.empty() ? entity : entity + "/" + canonical_segment(ref, c.segment));
    by_id_.emplace(c.id, &c);
    if (c.figure.rate) rates_[c.document].push_back(&c);
    if (c.relation) {
      first_relation_.emplace(std::string(to_string(c.relation->kind)) + '\x1f' + c.relation->targets.front(), &c);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Claim& c = set.claims[i];
    if (c.period) by_figure_[subjects_[i] + '\x1f' + c.metric + '\x1f' + days_key(*c.period)].push_back(&c);
  }
}

const Claim* CheckContext::claim(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const Claim*>& CheckContext::stated_rates(const std::string& document) const {
  static const std::vector<const Claim*> none;
  const auto it = rates_.find(document);
  return it == rates_.end() ? none : it->second;
}

const std::vector<const Claim*>& CheckContext::claims_of(const std::string& subject, const std::string& metric,
                                                         const ClaimPeriod& period) const {
  static const std::vector<const Claim*> none;
  const auto it = by_figure_.find(subject + '\x1f' + metric + '\x1f' + days_key(period));
  return it == by_figure_.end() ? none : it->second;
}

Operand CheckContext::operand(const Claim& c) {
  Operand o{label(c), *c.figure.readings, c.figure.unit,
            fmt::format("claim {}: {} line {}, \"{}\"", c.id, c.document, c.line, c.quote)};
  o.ends = c.figure.ends;  // a range is checked end to end against ranges
  return o;
}

Operand CheckContext::reported_operand(const ReportedFigure& r) {
  return Operand::stated(fmt::format("{} {} {} = {} {}", r.entity, r.metric, r.period.text, r.value_text, r.unit_text),
                         r.value, r.unit, fmt::format("{} [{}]", r.source, r.status));
}

void CheckContext::add(FindingKind kind, std::string title, const Claim& subject, std::vector<std::string> others,
                       bool stated, Verdict v) {
  Finding f;
  f.id = "F" + std::to_string(findings.size() + 1);
  f.kind = kind;
  f.title = std::move(title);
  f.subject = subject.id;
  f.claims.push_back(subject.id);
  for (auto& o : others)
    if (std::find(f.claims.begin(), f.claims.end(), o) == f.claims.end()) f.claims.push_back(std::move(o));
  f.stated = stated;
  f.verdict = std::move(v);
  findings.push_back(std::move(f));
}

void CheckContext::add_unverifiable(FindingKind kind, std::string title, const Claim& subject,
                                    std::vector<std::string> others, bool stated, std::vector<std::string> missing,
                                    std::vector<std::string> lines) {
  Verdict v;
  v.kind = VerdictKind::unverifiable;
  v.unit = subject.figure.unit;
  v.arithmetic = std::move(lines);
  for (const auto& m : missing) v.arithmetic.push_back("missing: " + m);
  v.missing = std::move(missing);
  add(kind, std::move(title), subject, std::move(others), stated, std::move(v));
}

const Claim* CheckContext::find_relation(RelationKind kind, const std::string& target) const {
  const auto it = first_relation_.find(std::string(to_string(kind)) + '\x1f' + target);
  return it == first_relation_.end() ? nullptr : it->second;
}

std::vector<Date> CheckContext::spot_days(const Claim& a, const Claim* b) {
  std::vector<Date> d;
  if (a.as_of) d.push_back(*a.as_of);
  if (b && b->as_of && (d.empty() || !(d.front() == *b->as_of))) d.push_back(*b->as_of);
  return d;
}

bool CheckContext::flow_window(const Claim& c) const {
  return c.period && (c.period->is_window() || c.period->first.kind() != PeriodKind::day) &&
         metric(c).fx == FxBasis::period_average;
}

std::optional<Operand> CheckContext::prior_of(const Claim& x, std::vector<std::string>& missing, std::string& prior_id) {
  if (const Claim* p = find_relation(RelationKind::prior_of, x.id); p && p->figure.has_value()) {
    prior_id = p->id;
    return operand(*p);
  }
  if (!x.period || x.period->is_window()) {
    missing.push_back(
        fmt::format("the prior value of {} (no prior_of:{} claim, and its period is not one period)", x.id, x.id));
    return std::nullopt;
  }
  const Period ago = x.period->first.year_ago();
  const ClaimPeriod p{ago.to_string(), ago, ago};
  if (const ReportedFigure* r = ref.reported(subject(x), x.metric, p)) return reported_operand(*r);
  missing.push_back(fmt::format("{} {} {} (the year-ago value of {})", subject(x), x.metric, ago.to_string(), x.id));
  return std::nullopt;
}

std::optional<Operand> CheckContext::fx_rate(Currency from, Currency to, const std::vector<Date>& days,
                                             const ClaimPeriod* window, std::vector<std::string>& missing, bool band) {
  if (days.empty()) {
    missing.push_back(fmt::format("the day of the {}/{} rate (the claim has no as_of)", from.code(), to.code()));
    return std::nullopt;
  }
  std::optional<Interval> hull_of;
  std::vector<std::string> parts;
  std::string source;
  for (const auto& d : days) {
    auto r = ref.fx.as_of(date::sys_days(d), from, to, opt.max_staleness);
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
      auto avg = ref.fx.average(from, to, date::sys_days(window->first_day()), date::sys_days(window->last_day()));
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
      } else if (!avg) {
        // Refused (for instance a period the FX data covers only in part): say why.
        parts.push_back(fmt::format("no period average over {} ({})", window->canonical(), avg.error().message));
      } else {
        parts.push_back(fmt::format("no period average over {} (too few fixings: {} of {} weekdays)",
                                    window->canonical(), avg->averaging() ? avg->averaging()->count : 0, weekdays));
      }
    }
  }
  if (!hull_of) return std::nullopt;
  if (band && opt.fx_tolerance_percent.sign() > 0) {
    const Decimal hundred = Decimal::from_integer(100);
    const Interval factor =
        divide(Interval::closed(hundred - opt.fx_tolerance_percent, hundred + opt.fx_tolerance_percent),
               Interval::point(hundred), division_exponent);
    hull_of = *hull_of * factor;
    parts.push_back(fmt::format("x [1 - {0}%, 1 + {0}%], the FX tolerance for a rate the document does not state",
                                opt.fx_tolerance_percent.trimmed().to_string()));
  }
  std::string what;
  for (const auto& p : parts) what += (what.empty() ? "" : ", ") + p;
  return Operand{fmt::format("{} per {} ({})", to.code(), from.code(), what), Readings::exact(*hull_of),
                 Unit::of(Dimension::number), source};
}

std::optional<Verdict> CheckContext::compare_amounts(const Operand& subject, const Operand& other,
                                                     const std::vector<Date>& days, const ClaimPeriod* window,
                                                     std::vector<std::string>& missing) {
  if (same_unit(subject.unit, other.unit)) return Agreement{subject, other}.evaluate();
  if (subject.unit.is_money() && other.unit.is_money() && subject.unit.per == other.unit.per && subject.unit.currency &&
      other.unit.currency) {
    auto rate = fx_rate(*other.unit.currency, *subject.unit.currency, days, window, missing, true);
    if (!rate) return std::nullopt;
    return Conversion{subject, other, *rate}.evaluate();
  }
  missing.push_back(fmt::format("a common unit: {} against {}", subject.unit.to_string(), other.unit.to_string()));
  return std::nullopt;
}

}  // namespace finmetrics::check_detail
