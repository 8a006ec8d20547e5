// The library's side of the differential test against pandas (differential.py):
// reads the generated cases (JSON on stdin), runs them through the series and FX
// layers, writes every result as exact decimal text (JSON on stdout). Missing
// values are null; refused look-ups are {"error": message}.

#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/series/convert.hpp"
#include "finmetrics/series/growth.hpp"
#include "finmetrics/series/join.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/resample.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/series/ttm.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

using namespace finmetrics;
using nlohmann::json;

namespace {

Date date_of(const json& j) {
  auto d = parse_date(j.get<std::string>());
  if (!d) throw std::runtime_error("bad date in the cases: " + d.error().describe());
  return *d;
}

std::string iso(const Date& d) { return to_iso_string(date::sys_days(d)); }

Decimal decimal_of(const json& j) {
  auto d = Decimal::parse(j.get<std::string>());
  if (!d) throw std::runtime_error("bad decimal in the cases: " + d.error().describe());
  return *d;
}

json text(const std::optional<Decimal>& v) { return v ? json(v->to_string()) : json(nullptr); }

FiscalCalendar calendar_ending(int month) {
  return month == 12 ? FiscalCalendar::calendar_year() : FiscalCalendar{date::month{static_cast<unsigned>(month)}};
}

// [[year, quarter, value|null], ...] as calendar quarters of `metric`.
PeriodSeries quarters_of(const json& points, Metric metric) {
  PeriodSeries s(std::move(metric), Unit::money(CNY), scales::million);
  for (const auto& p : points) {
    s.append(Period::quarter(p[0].get<int>(), p[1].get<int>()),
             p[2].is_null() ? std::nullopt : std::optional(decimal_of(p[2])));
  }
  return s;
}

DateSeries days_of(const json& points) {
  DateSeries s(metrics::share_price(), Unit::money(USD, Per::share));
  for (const auto& p : points) s.append(date_of(p[0]), p[1].is_null() ? std::nullopt : std::optional(decimal_of(p[1])));
  return s;
}

// {first day of each key: value}: pandas names periods its own way.
json by_key(const PeriodSeries& s) {
  json out = json::object();
  for (std::size_t i = 0; i < s.size(); ++i) out[iso(s.key(i).first_day())] = text(s.value(i));
  return out;
}

json fiscal(const json& cases) {
  json out = json::array();
  for (const auto& c : cases) {
    const FiscalCalendar cal = calendar_ending(c["end_month"].get<int>());
    const Date d = date_of(c["date"]);
    const Period q = Period::containing(PeriodKind::fiscal_quarter, d, cal);
    const Period y = Period::containing(PeriodKind::fiscal_year, d, cal);
    out.push_back({{"quarter_label", q.year()},
                   {"quarter", q.index()},
                   {"quarter_first", iso(q.first_day())},
                   {"quarter_last", iso(q.last_day())},
                   {"year_label", y.year()},
                   {"year_first", iso(y.first_day())},
                   {"year_last", iso(y.last_day())}});
  }
  return out;
}

json growth(const json& cases) {
  json out = json::array();
  const std::pair<const char*, NegativeBasePolicy> policies[] = {
      {"missing", NegativeBasePolicy::missing}, {"absolute", NegativeBasePolicy::absolute}, {"plain", NegativeBasePolicy::plain}};
  for (const auto& c : cases) {
    const PeriodSeries s = quarters_of(c["points"], metrics::revenue());
    json r = json::object();
    for (const auto& [name, policy] : policies) {
      GrowthOptions o;
      o.negative_base = policy;
      r[std::string("yoy_") + name] = by_key(yoy(s, o).value());
      r[std::string("qoq_") + name] = by_key(qoq(s, o).value());
    }
    r["ttm"] = by_key(ttm(s));
    for (const int end : {12, 3}) {
      const std::string suffix = end == 12 ? "dec" : "mar";
      ResampleOptions sum;
      sum.aggregation = Aggregation::sum;
      r["year_sum_" + suffix] = by_key(resample(s, PeriodKind::fiscal_year, calendar_ending(end), sum));
      ResampleOptions last;
      last.aggregation = Aggregation::last;
      r["year_last_" + suffix] = by_key(resample(s, PeriodKind::fiscal_year, calendar_ending(end), last));
    }
    out.push_back(std::move(r));
  }
  return out;
}

json monthly(const json& cases) {
  json out = json::array();
  for (const auto& c : cases) {
    const DateSeries s = days_of(c["points"]);
    json r = json::object();
    for (const auto how : {Aggregation::last, Aggregation::mean, Aggregation::sum}) {
      ResampleOptions o;
      o.aggregation = how;
      r[std::string(to_string(how))] = by_key(resample(s, PeriodKind::month, FiscalCalendar::calendar_year(), o));
    }
    out.push_back(std::move(r));
  }
  return out;
}

json asof_joins(const json& cases) {
  json out = json::array();
  for (const auto& c : cases) {
    PeriodSeries left(metrics::revenue(), Unit::money(CNY));
    for (const auto& k : c["left"]) left.append(Period::quarter(k[0].get<int>(), k[1].get<int>()), Decimal::from_integer(1));
    const DateSeries right = days_of(c["right"]);
    const auto j = join_asof(left, right, date::days{c["tolerance"].get<int>()});
    json r = json::array();
    for (std::size_t i = 0; i < j.keys.size(); ++i) {
      r.push_back({{"key", iso(j.keys[i].first_day())},
                   {"value", text(j.right[i])},
                   {"date", j.right_dates[i] ? json(iso(*j.right_dates[i])) : json(nullptr)}});
    }
    out.push_back(std::move(r));
  }
  return out;
}

FxTable fx_table(const json& fx) {
  FxTable t(*Currency::from_code(fx["pivot"].get<std::string>()));
  for (const auto& [code, fixings] : fx["series"].items()) {
    FxSeries s{*Currency::from_code(fx["pivot"].get<std::string>()), *Currency::from_code(code), "generated",
               Periodicity::daily, {}};
    for (const auto& f : fixings) s.fixings.push_back(Fixing{date::sys_days(date_of(f[0])), decimal_of(f[1])});
    t.add(std::move(s));
  }
  return t;
}

Currency currency(const json& j) { return *Currency::from_code(j.get<std::string>()); }

json rate_json(const Result<FxRate>& r) {
  if (!r) return {{"error", r.error().message}};
  json j = {{"numerator", r->numerator().to_string()}, {"denominator", r->denominator().to_string()},
            {"value", r->value(38).to_string()}};
  if (r->averaging()) {
    j["count"] = r->averaging()->count;
    j["first"] = to_iso_string(r->averaging()->first_fixing);
    j["last"] = to_iso_string(r->averaging()->last_fixing);
    j["partial"] = r->averaging()->partial;
  }
  return j;
}

json fx_results(const json& cases, const FxTable& t) {
  json out = json::object();
  out["as_of"] = json::array();
  for (const auto& q : cases["as_of"]) {
    out["as_of"].push_back(
        rate_json(t.as_of(date::sys_days(date_of(q[0])), currency(q[1]), currency(q[2]), date::days{q[3].get<int>()})));
  }
  out["average"] = json::array();
  for (const auto& q : cases["average"]) {
    FxAverageOptions o;
    o.significant_digits = 20;
    json pair = json::object();
    pair["refuse"] = rate_json(
        t.average(currency(q[2]), currency(q[3]), date::sys_days(date_of(q[0])), date::sys_days(date_of(q[1])), o));
    o.partial = PartialCoverage::mark;
    pair["mark"] = rate_json(
        t.average(currency(q[2]), currency(q[3]), date::sys_days(date_of(q[0])), date::sys_days(date_of(q[1])), o));
    out["average"].push_back(std::move(pair));
  }
  out["convert"] = json::array();
  for (const auto& c : cases["convert"]) {
    PeriodSeries s = quarters_of(c["points"], c["kind"] == "flow" ? metrics::revenue() : metrics::market_cap());
    ConvertOptions o;
    o.exponent = -12;
    o.average.significant_digits = 20;
    o.missing_rate = MissingRatePolicy::missing;
    const auto converted = convert(s, t, currency(c["to"]), o);
    json r = json::object();
    for (std::size_t i = 0; i < converted->series.size(); ++i) {
      const auto& rate = converted->rates[i];
      r[iso(converted->series.key(i).first_day())] = {
          {"value", text(converted->series.value(i))},
          {"rate", rate ? json(rate->numerator().to_string() + "/" + rate->denominator().to_string()) : json(nullptr)}};
    }
    out["convert"].push_back(std::move(r));
  }
  return out;
}

}  // namespace

int main() {
  try {
    const std::string input(std::istreambuf_iterator<char>(std::cin), {});
    const json cases = json::parse(input);
    const FxTable t = fx_table(cases["fx"]);
    const json out = {{"fiscal", fiscal(cases["fiscal"])},
                      {"growth", growth(cases["growth"])},
                      {"monthly", monthly(cases["monthly"])},
                      {"asof", asof_joins(cases["asof"])},
                      {"fx", fx_results(cases, t)}};
    std::cout << out.dump() << '\n';
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "series_driver: " << e.what() << '\n';
    return 2;
  }
}
