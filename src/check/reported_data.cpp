// Claims against the reported figures of financials.csv: amounts (converted when
// the currency differs, summed over quarters for a flow over a window), growth
// rates (reported, or computed from the amounts) and margins.
#include <functional>

#include <fmt/format.h>

#include "check_context.hpp"
#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/quotient.hpp"

namespace finmetrics::check_detail {

namespace {

// The fiscal quarters that tile a window (partial quarters at either end left out).
std::vector<Period> quarters_in(const CheckContext& cx, const ClaimPeriod& w) {
  std::vector<Period> out;
  Period q = Period::containing(PeriodKind::fiscal_quarter, w.first_day(), cx.calendar());
  if (q.first_day() < w.first_day()) q = q.next();
  while (!(w.last_day() < q.last_day())) {
    out.push_back(q);
    q = q.next();
  }
  return out;
}

using OneQuarter = std::function<std::optional<Verdict>(const ClaimPeriod&, std::vector<std::string>&)>;

// Rates over a window of quarters: every quarter with data must agree.
void window_rates(CheckContext& cx, const Claim& c, const std::string& path, const std::string& title,
                  const OneQuarter& one) {
  std::vector<std::string> missing;
  Verdict all;
  all.unit = c.figure.unit;
  std::size_t known = 0;
  VerdictKind worst = VerdictKind::consistent;
  const auto qs = quarters_in(cx, *c.period);
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
  if (known == 0) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
  if (worst == VerdictKind::inconsistent || known == qs.size()) {
    all.kind = worst;
    all.arithmetic.push_back(fmt::format("=> {} ({} of {} quarters known)", finmetrics::label(worst), known, qs.size()));
    return cx.add(FindingKind::reported, title, c, {}, false, std::move(all));
  }
  all.kind = VerdictKind::unverifiable;
  all.arithmetic.push_back(
      fmt::format("=> unverifiable: {} of {} quarters known, none contradicts the claim", known, qs.size()));
  for (const auto& m : missing) all.arithmetic.push_back("missing: " + m);
  all.missing = std::move(missing);
  cx.add(FindingKind::reported, title, c, {}, false, std::move(all));
}

void growth_data(CheckContext& cx, const Claim& c) {
  const Claim* target = nullptr;
  if (c.relation && c.relation->kind == RelationKind::growth_of) target = cx.claim(c.relation->targets.front());
  const std::string base = target ? target->metric : cx.metric(c).growth_of;
  const std::string path = target ? cx.subject(*target) : cx.subject(c);
  const std::string rate = base + "_yoy_growth";
  const std::string title =
      fmt::format("{}: {} of {} against the reported figures", CheckContext::label(c), rate, path);
  if (!cx.about_issuer(c)) {
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false,
                               {fmt::format("reported figures of {}", c.entity)});
  }
  const ClaimPeriod* period = c.period ? &*c.period : (target && target->period ? &*target->period : nullptr);
  if (period == nullptr) {
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, {"the period of the growth rate"});
  }
  const ReferenceData& ref = cx.ref;
  const auto one = [&](const ClaimPeriod& p, std::vector<std::string>& missing) -> std::optional<Verdict> {
    if (const ReportedFigure* r = ref.reported(path, rate, p)) {
      return Agreement{CheckContext::operand(c), CheckContext::reported_operand(*r)}.evaluate();
    }
    if (!p.is_window() && p.first.kind() != PeriodKind::day) {
      const Period ago = p.first.year_ago();
      const ReportedFigure* cur = ref.reported(path, base, p);
      const ReportedFigure* prior = ref.reported(path, base, ClaimPeriod{ago.to_string(), ago, ago});
      if (cur != nullptr && prior != nullptr) {
        return Growth{CheckContext::operand(c), CheckContext::reported_operand(*cur),
                      CheckContext::reported_operand(*prior)}
            .evaluate();
      }
      missing.push_back(fmt::format("{} {} {} (or {} {} and {})", path, rate, p.text, base, p.text, ago.to_string()));
    } else {
      missing.push_back(fmt::format("{} {} {}", path, rate, p.text));
    }
    return std::nullopt;
  };
  // A window or a year with a reported rate of its own is checked as one period;
  // else quarter by quarter.
  if (period->is_window() || period->first.kind() == PeriodKind::year) {
    if (const ReportedFigure* r = ref.reported(path, rate, *period)) {
      return cx.add(FindingKind::reported, title, c, {}, false,
                    Agreement{CheckContext::operand(c), CheckContext::reported_operand(*r)}.evaluate());
    }
  }
  if (period->is_window() || (period->first.kind() == PeriodKind::year && !cx.calendar().is_calendar_year())) {
    return window_rates(cx, c, path, title, one);
  }
  std::vector<std::string> missing;
  auto v = one(*period, missing);
  if (!v) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
  cx.add(FindingKind::reported, title, c, {}, false, std::move(*v));
}

void margin_data(CheckContext& cx, const Claim& c) {
  const Metric& m = cx.metric(c);
  const std::string path = cx.subject(c);
  const std::string reported_as = m.reported_as.empty() ? c.metric : m.reported_as;
  const std::string title = fmt::format("{}: {} ({} / {}) of {} against the reported figures", CheckContext::label(c),
                                        reported_as, m.numerator, m.denominator, path);
  if (!cx.about_issuer(c)) {
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false,
                               {fmt::format("reported figures of {}", c.entity)});
  }
  if (!c.period) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, {"the period of the margin"});
  if (const ReportedFigure* r = cx.ref.reported(path, reported_as, *c.period)) {
    return cx.add(FindingKind::reported, title, c, {}, false,
                  Agreement{CheckContext::operand(c), CheckContext::reported_operand(*r)}.evaluate());
  }
  const ReportedFigure* p = cx.ref.reported(path, m.numerator, *c.period);
  const ReportedFigure* rev = cx.ref.reported(path, m.denominator, *c.period);
  if (p != nullptr && rev != nullptr) {
    return cx.add(FindingKind::reported, title, c, {}, false,
                  Quotient{CheckContext::operand(c), CheckContext::reported_operand(*p),
                           CheckContext::reported_operand(*rev), true}
                      .evaluate());
  }
  std::vector<std::string> missing{fmt::format("{} {} {}", path, reported_as, c.period->text)};
  if (p == nullptr) missing.push_back(fmt::format("{} {} {}", path, m.numerator, c.period->text));
  if (rev == nullptr) missing.push_back(fmt::format("{} {} {}", path, m.denominator, c.period->text));
  cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
}

void reported_value(CheckContext& cx, const Claim& c) {
  const std::string path = cx.subject(c);
  const std::string title =
      fmt::format("{}: {} of {} against the reported figures", CheckContext::label(c), c.metric, path);
  if (!cx.about_issuer(c)) {
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false,
                               {fmt::format("reported figures of {}", c.entity)});
  }
  if (!c.period) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, {"the period of the figure"});
  std::vector<std::string> missing;
  const std::vector<Date> days = CheckContext::spot_days(c);
  const ClaimPeriod* window = cx.flow_window(c) ? &*c.period : nullptr;
  if (const ReportedFigure* r = cx.ref.reported(path, c.metric, *c.period)) {
    auto v = cx.compare_amounts(CheckContext::operand(c), CheckContext::reported_operand(*r), days, window, missing);
    if (!v) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
    return cx.add(FindingKind::reported, title, c, {}, false, std::move(*v));
  }
  const Metric& metric = cx.metric(c);
  if (!(c.period->is_window() || c.period->first.kind() == PeriodKind::year) || !metric.sums_over_quarters) {
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false,
                               {fmt::format("{} {} {}", path, c.metric, c.period->text)});
  }
  // A flow over several quarters: their sum. Missing quarters leave a lower bound
  // when the metric is never negative, which can refute the claim but not confirm it.
  const auto qs = quarters_in(cx, *c.period);
  std::vector<Term> terms;
  for (const Period& q : qs) {
    const ReportedFigure* r = cx.ref.reported(path, c.metric, ClaimPeriod{q.to_string(), q, q});
    if (r == nullptr) {
      missing.push_back(fmt::format("{} {} {}", path, c.metric, q.to_string()));
    } else {
      terms.push_back(Term{q.to_string(), CheckContext::reported_operand(*r)});
    }
  }
  if (terms.empty() || qs.empty() || (!missing.empty() && !metric.never_negative)) {
    if (qs.empty()) missing.push_back(fmt::format("{} {} {}", path, c.metric, c.period->text));
    return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
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
  Operand subject = CheckContext::operand(c);
  std::optional<Verdict> v;
  if (same_unit(subject.unit, f.unit)) {
    v = check_formula(subject, f);
  } else if (subject.unit.currency && f.unit.currency) {
    auto rate = cx.fx_rate(*f.unit.currency, *subject.unit.currency, days, window, missing, true);
    if (rate) {
      Computed s = f.compute();
      v = Conversion{subject, Operand::computed("sum of the quarters", s, f.unit, "financials"), *rate}.evaluate();
    }
  }
  if (!v) return cx.add_unverifiable(FindingKind::reported, title, c, {}, false, missing);
  if (!complete && v->kind != VerdictKind::inconsistent) {
    if (!v->arithmetic.empty() && v->arithmetic.back().rfind("=> ", 0) == 0) v->arithmetic.pop_back();
    v->kind = VerdictKind::unverifiable;
    v->reading.clear();
    v->arithmetic.push_back("=> unverifiable: the known quarters do not contradict the claim, the missing ones decide");
    for (const auto& m : missing) v->arithmetic.push_back("missing: " + m);
    v->missing = missing;
  }
  cx.add(FindingKind::reported, title, c, {}, false, std::move(*v));
}

}  // namespace

void check_reported_data(CheckContext& cx, const Claim& c) {
  const MetricRole role = cx.metric(c).role;
  if (role == MetricRole::growth_rate) return growth_data(cx, c);
  if (role == MetricRole::margin) return margin_data(cx, c);
  reported_value(cx, c);
}

}  // namespace finmetrics::check_detail
