#include "report_charts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report_common.hpp"

namespace finmetrics::report_detail {

namespace {

double day_number(Date d) { return static_cast<double>(date::sys_days(d).time_since_epoch().count()); }

// Every ISO date written in `s` ("BABA close 2025-03-27").
std::vector<Date> dates_in(std::string_view s) {
  std::vector<Date> out;
  for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
    const auto digit = [&](std::size_t k) { return std::isdigit(static_cast<unsigned char>(s[i + k])) != 0; };
    if (digit(0) && digit(1) && digit(2) && digit(3) && s[i + 4] == '-' && digit(5) && digit(6) && s[i + 7] == '-' &&
        digit(8) && digit(9) && (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1])))) {
      if (auto d = parse_date(s.substr(i, 10)); d && d->ok()) out.push_back(*d);
      i += 9;
    }
  }
  return out;
}

// The first number written in `s` ("84.79 USD" -> 84.79), for plotting.
std::optional<double> number_in(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !(std::isdigit(static_cast<unsigned char>(s[i])) || (s[i] == '-' && i + 1 < s.size() &&
                                                                             std::isdigit(static_cast<unsigned char>(s[i + 1])))))
    ++i;
  std::size_t j = i + 1;
  while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
  if (i >= s.size()) return std::nullopt;
  auto d = Decimal::parse(s.substr(i, j - i));
  if (!d) return std::nullopt;
  return d->to_double();
}

// A representative value of an interval for plotting: its middle, or its
// bounded end.
std::optional<double> middle(const Interval& i) {
  const bool lo = i.lower().is_bounded(), hi = i.upper().is_bounded();
  if (lo && hi) return (i.lower().value.to_double() + i.upper().value.to_double()) / 2;
  if (lo) return i.lower().value.to_double();
  if (hi) return i.upper().value.to_double();
  return std::nullopt;
}

// Band of an interval; an unbounded end is drawn to `far` (beyond the plot).
ChartBand band(const Interval& i, double far_low, double far_high, std::string label, std::string css, double from = 0,
               double to = 0) {
  ChartBand b;
  b.low = i.lower().is_bounded() ? i.lower().value.to_double() : far_low;
  b.high = i.upper().is_bounded() ? i.upper().value.to_double() : far_high;
  b.label = std::move(label);
  b.css = std::move(css);
  b.from = from;
  b.to = to;
  return b;
}

// "[665bn, 700.5bn)": an interval with short ends, for legends.
std::string short_interval(const Interval& i) {
  const auto end = [](const Bound& b, const char* inf) {
    return b.is_bounded() ? short_number(b.value.to_double()) : std::string(inf);
  };
  return fmt::format("{}{}, {}{}", i.lower().is_closed() ? "[" : "(", end(i.lower(), "-inf"), end(i.upper(), "+inf"),
                     i.upper().is_closed() ? "]" : ")");
}

std::string verdict_interval_label(const char* what, const Interval& i, const Unit& unit) {
  return fmt::format("{} {} {}", what, short_interval(i), unit.to_string());
}

// The window a finding's data spans (the dates in its data lines and the
// claim's period), widened so the series shows some context.
std::optional<std::pair<Date, Date>> window_of(const Finding& f, const Claim* c, std::string_view only = {}) {
  std::vector<Date> days;
  for (const DataUsed& d : f.verdict.data) {
    if (!only.empty() && d.what.rfind(std::string(only) + " ", 0) != 0) continue;
    auto found = dates_in(d.what);
    days.insert(days.end(), found.begin(), found.end());
  }
  if (c != nullptr && c->period) {
    days.push_back(c->period->first_day());
    days.push_back(c->period->last_day());
  }
  if (c != nullptr && c->as_of) days.push_back(*c->as_of);
  if (days.empty()) return std::nullopt;
  const auto [lo, hi] = std::minmax_element(days.begin(), days.end(), [](Date a, Date b) {
    return date::sys_days(a) < date::sys_days(b);
  });
  const auto span = (date::sys_days(*hi) - date::sys_days(*lo)).count();
  const auto margin = date::days{std::max<long>(20, span / 12)};
  return std::pair<Date, Date>{Date{date::sys_days(*lo) - margin}, Date{date::sys_days(*hi) + margin}};
}

const Listing* listing_of(const Finding& f, const Claim* c, const ReferenceData& data) {
  if (c != nullptr && !c->listing.empty())
    if (const Listing* l = data.listing(c->listing)) return l;
  for (const DataUsed& d : f.verdict.data)
    for (const Listing& l : data.listings)
      if (d.what.rfind(l.symbol + " ", 0) == 0) return &l;
  return data.listings.empty() ? nullptr : &data.listings.front();
}

// Closes of a listing over a window.
ChartLine closes(const Listing& l, Date first, Date last, std::string label, double factor_of_day_unused = 0) {
  (void)factor_of_day_unused;
  ChartLine line;
  line.label = std::move(label);
  line.css = "series";
  for (const PriceObservation* p : l.between(first, last))
    if (p->field == "close") line.points.push_back({day_number(p->date), p->value.to_double()});
  return line;
}

// Price claims (a move, a price): the closes over the window, the prices the
// check used, and the end price the claimed move implies from the first one.
std::optional<Chart> price_chart(const Finding& f, const Claim* c, const ReferenceData& data) {
  const Listing* l = listing_of(f, c, data);
  if (l == nullptr) return std::nullopt;
  const auto window = window_of(f, c, l->symbol);
  if (!window) return std::nullopt;
  Chart chart;
  chart.kind = "price";
  chart.title = fmt::format("{}: {} close, {} to {}", f.id, l->symbol, to_string(window->first), to_string(window->second));
  chart.y_label = fmt::format("{} per {}", l->currency.code(), l->per == Per::ads ? "ADS" : "share");
  chart.lines.push_back(closes(*l, window->first, window->second, l->symbol + " close"));
  // The prices used, as marks (first the earliest).
  std::vector<ChartMark> used;
  for (const DataUsed& d : f.verdict.data) {
    if (d.what.rfind(l->symbol + " ", 0) != 0) continue;
    const auto days = dates_in(d.what);
    const auto v = number_in(d.value);
    if (days.empty() || !v) continue;
    used.push_back({{day_number(days.front()), *v}, d.what + " = " + d.value, "used"});
  }
  std::sort(used.begin(), used.end(), [](const ChartMark& a, const ChartMark& b) { return a.at.day < b.at.day; });
  const Verdict& v = f.verdict;
  std::optional<ChartMark> computed_mark;
  if (used.size() >= 2 && v.claimed && v.unit.dimension == Dimension::percent) {
    // From the earliest price: where the claimed move would have ended, beside
    // where the computed one did.
    const double base = used.front().at.value;
    const double end_day = used.back().at.day;
    const Interval& claimed = v.claimed->rounded;
    const auto end_of = [&](const Decimal& pct) { return base * (1 + pct.to_double() / 100); };
    ChartBand b;
    b.low = claimed.lower().is_bounded() ? end_of(claimed.lower().value) : base * (claimed.upper().is_bounded() ? 0 : 1);
    b.high = claimed.upper().is_bounded() ? end_of(claimed.upper().value) : base * 2;
    if (b.low > b.high) std::swap(b.low, b.high);
    b.from = b.to = end_day;
    b.label = fmt::format("claimed move {} % from {}: ends in {} to {}", claimed.to_string(), short_number(base),
                          short_number(b.low), short_number(b.high));
    b.css = "claimed";
    chart.bands.push_back(b);
    if (v.computed)
      if (const auto m = middle(v.computed->strict))
        computed_mark = ChartMark{{end_day, base * (1 + *m / 100)},
                                  fmt::format("computed move {} %", short_interval(v.computed->strict)), "computed"};
  } else if (v.claimed && v.unit.is_money() && v.unit.per != Per::whole && !used.empty()) {
    chart.bands.push_back(band(v.claimed->rounded, 0, used.back().at.value * 2,
                               verdict_interval_label("claimed", v.claimed->rounded, v.unit), "claimed"));
  }
  for (auto& m : used) chart.marks.push_back(std::move(m));
  if (computed_mark) chart.marks.push_back(std::move(*computed_mark));  // drawn over the price it is
  return chart;
}

// Market-cap claims: the market cap over the window (close x shares, per ADS
// when the listing trades ADSs) with the claimed and computed intervals.
std::optional<Chart> market_cap_chart(const Finding& f, const Claim* c, const ReferenceData& data) {
  const Listing* l = listing_of(f, c, data);
  if (l == nullptr) return std::nullopt;
  const auto window = window_of(f, c, l->symbol);
  const Verdict& v = f.verdict;
  if (!window || !v.computed) return std::nullopt;
  Chart chart;
  chart.kind = "market_cap";
  chart.title = fmt::format("{}: {} market cap (close x shares), {} to {}", f.id, l->symbol, to_string(window->first),
                            to_string(window->second));
  chart.y_label = std::string(l->currency.code());
  ChartLine line;
  line.label = fmt::format("{} close x ordinary shares{}", l->symbol, l->per == Per::ads ? " / shares per ADS" : "");
  line.css = "series";
  for (const PriceObservation* p : l->between(window->first, window->second)) {
    if (p->field != "close") continue;
    const DatedCount* shares = data.shares_on(p->date);
    if (shares == nullptr) continue;
    double cap = p->value.to_double() * shares->value.to_double();
    if (l->per == Per::ads) {
      const DatedCount* ratio = data.ads_ratio_on(p->date);
      if (ratio == nullptr || ratio->value.is_zero()) continue;
      cap /= ratio->value.to_double();
    }
    line.points.push_back({day_number(p->date), cap});
  }
  if (line.points.empty()) return std::nullopt;
  const double hi = std::max_element(line.points.begin(), line.points.end(), [](auto a, auto b) { return a.value < b.value; })->value;
  const double at = [&] {
    if (c != nullptr && c->as_of) return day_number(*c->as_of);
    if (c != nullptr && c->period) return day_number(c->period->last_day());
    return line.points.back().day;
  }();
  if (v.claimed) chart.bands.push_back(band(v.claimed->rounded, 0, hi * 1.3, verdict_interval_label("claimed", v.claimed->rounded, v.unit), "claimed"));
  chart.bands.push_back(band(v.computed->rounded, 0, hi * 1.3, verdict_interval_label("computed", v.computed->rounded, v.unit),
                             "computed", at - 2, at + 2));
  chart.lines.push_back(std::move(line));
  return chart;
}

// The reported series of (entity, metric): every single-period row, in order.
std::vector<const ReportedFigure*> reported_series(const ReferenceData& data, std::string_view entity, std::string_view metric) {
  std::vector<const ReportedFigure*> out;
  for (const ReportedFigure& r : data.financials)
    if (r.entity == entity && r.metric == metric && !r.period.is_window()) out.push_back(&r);
  // Quarters with quarters: keep the kind of the most common period.
  std::sort(out.begin(), out.end(), [](const ReportedFigure* a, const ReportedFigure* b) {
    return date::sys_days(a->period.first_day()) < date::sys_days(b->period.first_day());
  });
  return out;
}

// Growth, margin and reported figures: the reported series the claim is about
// (its own metric, or the one the check read) with the claim at its period.
std::optional<Chart> reported_chart(const Finding& f, const Claim* c, const ClaimSet& claims, const ReferenceData& data) {
  if (c == nullptr) return std::nullopt;
  // The series the claim is about: its own metric, the reported name of it
  // (revenue_growth is revenue_yoy_growth, ebita_growth adjusted_ebita_yoy_growth,
  // margin adjusted_ebita_margin), the series the check read, or that of the
  // claims it was computed from.
  std::string entity = c->subject(), metric;
  std::vector<const ReportedFigure*> rows;
  std::vector<std::string> candidates{c->metric};
  if (c->metric.size() > 7 && c->metric.ends_with("_growth")) {
    const std::string base = c->metric.substr(0, c->metric.size() - 7);
    candidates.push_back(base + "_yoy_growth");
    candidates.push_back("adjusted_" + base + "_yoy_growth");
  }
  if (c->metric == "margin")
    for (const ReportedFigure& r : data.financials)
      if (r.entity == entity && r.metric.ends_with("_margin")) candidates.push_back(r.metric);
  for (const DataUsed& d : f.verdict.data)
    for (const ReportedFigure& r : data.financials)
      if (d.what.rfind(r.entity + " " + r.metric + " ", 0) == 0) candidates.push_back(r.metric);
  std::vector<const Claim*> operands;
  for (const auto& id : f.claims)
    if (const Claim* o = claims.find(id); o != nullptr && o != c) {
      operands.push_back(o);
      candidates.push_back(o->metric);
    }
  for (const auto& m : candidates) {
    rows = reported_series(data, entity, m);
    if (!rows.empty()) {
      metric = m;
      break;
    }
  }
  if (rows.empty()) return std::nullopt;
  // One kind of period per chart: the claim's when the series has two of it,
  // else the series' most common kind.
  const auto count_of = [&](PeriodKind k) {
    return std::count_if(rows.begin(), rows.end(), [&](const ReportedFigure* r) { return r->period.first.kind() == k; });
  };
  PeriodKind kind = rows.front()->period.first.kind();
  for (const ReportedFigure* r : rows)
    if (count_of(r->period.first.kind()) > count_of(kind)) kind = r->period.first.kind();
  if (c->period && count_of(c->period->first.kind()) >= 2) kind = c->period->first.kind();
  std::erase_if(rows, [&](const ReportedFigure* r) { return r->period.first.kind() != kind; });
  Chart chart;
  chart.kind = "series";
  chart.title = fmt::format("{}: {} {} as reported", f.id, entity, metric);
  chart.y_label = rows.front()->unit.dimension == Dimension::percent ? "%" : rows.front()->unit.to_string();
  ChartLine line;
  line.label = fmt::format("{} (financials.csv)", metric);
  line.css = "series";
  for (const ReportedFigure* r : rows) {
    const double x = day_number(r->period.first.first_day());
    line.points.push_back({x, r->value.to_double()});
    chart.x_labels.emplace_back(x, r->period.first.to_string());
  }
  if (chart.x_labels.size() > 10) {  // thin the labels: every other one
    std::vector<std::pair<double, std::string>> thin;
    for (std::size_t i = 0; i < chart.x_labels.size(); i += 2) thin.push_back(chart.x_labels[i]);
    chart.x_labels = std::move(thin);
  }
  const Verdict& v = f.verdict;
  const bool same_unit = v.unit.dimension == rows.front()->unit.dimension;
  if (c->period && v.claimed && same_unit) {
    const double x = day_number(c->period->first.first_day());
    chart.bands.push_back(band(v.claimed->rounded, line.points.front().value, line.points.front().value,
                               fmt::format("claim {} {}: {} {}", c->id, c->period->text, v.claimed->rounded.to_string(),
                                           v.unit.to_string()),
                               "claimed", x - 12, x + 12));
    if (v.computed)
      if (const auto m = middle(v.computed->strict))
        chart.marks.push_back({{x, *m}, fmt::format("computed {} {}", v.computed->strict.to_string(), v.unit.to_string()), "computed"});
  } else if (v.claimed && same_unit) {
    chart.levels.push_back({middle(v.claimed->rounded).value_or(0), fmt::format("claim {} {}", c->id, c->figure.text), "claimed"});
  }
  // The claims a growth or margin was computed from, where they sit on the series.
  for (const Claim* o : operands) {
    if (!o->period || !o->figure.readings || o->metric != metric) continue;
    if (const auto m = middle(o->figure.readings->strict))
      chart.marks.push_back({{day_number(o->period->first.first_day()), *m},
                             fmt::format("claim {} {} ({})", o->id, o->figure.text, o->period->text), "used"});
  }
  chart.lines.push_back(std::move(line));
  return chart;
}

// Conversions: the rate between the two claims' currencies over the window,
// the rate the claims imply and the rate of the day.
std::optional<Chart> fx_chart(const Finding& f, const ClaimSet& claims, const ReferenceData& data) {
  const Claim* target = claims.find(f.subject);
  const Claim* source = nullptr;
  for (const auto& id : f.claims)
    if (id != f.subject) source = claims.find(id);
  if (target == nullptr || source == nullptr || !target->figure.unit.currency || !source->figure.unit.currency) return std::nullopt;
  const Currency from = *source->figure.unit.currency, to = *target->figure.unit.currency;
  const auto window = window_of(f, target);
  if (!window) return std::nullopt;
  // Widen to a year before the claim: the rate's recent path.
  const Date first = Date{std::min(date::sys_days(window->first), date::sys_days(window->second) - date::days{365})};
  Chart chart;
  chart.kind = "fx";
  chart.title = fmt::format("{}: {} per {}, {} to {}", f.id, to.code(), from.code(), to_string(first), to_string(window->second));
  chart.y_label = fmt::format("{} per {}", to.code(), from.code());
  ChartLine line;
  line.label = fmt::format("{} per {}, daily", to.code(), from.code());
  line.css = "series";
  const Currency pivot_or_from = data.fx.pivot().value_or(from);
  const auto fixings = data.fx.fixings(from == pivot_or_from ? to : from);
  for (const Fixing& x : fixings) {
    if (x.date < date::sys_days(first) || x.date > date::sys_days(window->second)) continue;
    auto r = data.fx.on(x.date, from, to);
    if (r) line.points.push_back({static_cast<double>(x.date.time_since_epoch().count()), r->value(12).to_double()});
  }
  if (line.points.empty()) return std::nullopt;
  chart.lines.push_back(std::move(line));
  if (target->figure.readings && source->figure.readings) {
    const auto t = middle(target->figure.readings->strict), s = middle(source->figure.readings->strict);
    if (t && s && *s != 0)
      chart.levels.push_back({*t / *s, fmt::format("rate the claims imply: {} / {} = {}", target->figure.text, source->figure.text,
                                                   short_number(*t / *s)), "claimed"});
    // What the rounded figures allow: from the lowest target over the highest source to the reverse.
    const Interval& tr = target->figure.readings->rounded;
    const Interval& sr = source->figure.readings->rounded;
    if (tr.is_bounded() && sr.is_bounded() && sr.lower().value.sign() > 0) {
      ChartBand b;
      b.low = tr.lower().value.to_double() / sr.upper().value.to_double();
      b.high = tr.upper().value.to_double() / sr.lower().value.to_double();
      b.label = fmt::format("rates the rounded figures allow: {} to {}", short_number(b.low), short_number(b.high));
      b.css = "claimed";
      chart.bands.push_back(b);
    }
  }
  if (target->as_of)
    if (auto r = data.fx.as_of(date::sys_days(*target->as_of), from, to))
      chart.marks.push_back({{day_number(*target->as_of), r->value(12).to_double()},
                             fmt::format("rate used: {} on {}", short_number(r->value(12).to_double()), to_string(Date{r->date()})),
                             "used"});
  return chart;
}

// Any other comparison: the claimed and computed intervals side by side.
std::optional<Chart> interval_chart(const Finding& f) {
  const Verdict& v = f.verdict;
  if (!v.claimed || !v.computed) return std::nullopt;
  Chart chart;
  chart.kind = "intervals";
  chart.title = fmt::format("{}: claimed and computed, {}", f.id, v.unit.to_string());
  chart.y_label = v.unit.to_string();
  const std::pair<const char*, const Interval*> columns[] = {{"claimed, as worded", &v.claimed->strict},
                                                             {"claimed, rounding", &v.claimed->rounded},
                                                             {"computed, strict", &v.computed->strict},
                                                             {"computed, rounding", &v.computed->rounded}};
  double lo = 0, hi = 0;
  bool any = false;
  for (const auto& [name, i] : columns)
    for (const Bound* b : {&i->lower(), &i->upper()})
      if (b->is_bounded()) {
        const double x = b->value.to_double();
        lo = any ? std::min(lo, x) : x;
        hi = any ? std::max(hi, x) : x;
        any = true;
      }
  if (!any) return std::nullopt;
  const double far = (hi - lo) * 0.5 + std::fabs(hi) * 0.05 + 1e-9;
  for (int k = 0; k < 4; ++k) {
    const double x = 10.0 * k;
    chart.x_labels.emplace_back(x, columns[k].first);
    chart.bands.push_back(band(*columns[k].second, lo - far, hi + far,
                               fmt::format("{} {}", columns[k].first, columns[k].second->to_string()),
                               k < 2 ? "claimed" : "computed", x - 3, x + 3));
  }
  return chart;
}

}  // namespace

std::optional<Chart> chart_for(const Finding& f, const ClaimSet& claims, const ReferenceData& data) {
  const std::string kind = kind_name(f.kind);
  const Claim* c = claims.find(f.subject);
  std::optional<Chart> chart;
  if (kind == "price_change" || kind == "share_price" || kind == "parity") chart = price_chart(f, c, data);
  if (kind == "market_cap" || kind == "market_cap_change") chart = market_cap_chart(f, c, data);
  if (kind == "converts") chart = fx_chart(f, claims, data);
  if (chart) return chart;
  if (kind == "reported" || kind == "growth_of" || kind == "margin_of" || kind == "prior_of")
    if (auto series = reported_chart(f, c, claims, data)) return series;
  return interval_chart(f);
}

}  // namespace finmetrics::report_detail
