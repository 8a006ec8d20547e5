// TimeSeries over periods: built from and returned as (kind, fiscal year-end
// month, first day) keys and exact values; finmetrics/_series.py maps them to
// and from a pandas PeriodIndex (`Q-MAR` is the fiscal quarter of a year ending
// in March).
#include <memory>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/series/convert.hpp"
#include "finmetrics/series/growth.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/resample.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/series/ttm.hpp"
#include "finmetrics/time/period.hpp"
#include "finmetrics/unit/scale.hpp"
#include "fx_table_handle.hpp"

namespace finmetrics::python {

namespace {

struct SeriesHandle {
  PeriodSeries series;
  std::vector<std::optional<FxRate>> rates;  ///< set by convert: the rate of each point
};

constexpr std::pair<const char*, PeriodKind> kinds[] = {
    {"day", PeriodKind::day},         {"month", PeriodKind::month},
    {"quarter", PeriodKind::quarter}, {"half", PeriodKind::half},
    {"year", PeriodKind::year},       {"fiscal_quarter", PeriodKind::fiscal_quarter},
    {"fiscal_half", PeriodKind::fiscal_half}, {"fiscal_year", PeriodKind::fiscal_year}};

PeriodKind kind_from(const std::string& name) {
  for (const auto& [n, k] : kinds)
    if (name == n) return k;
  throw py::value_error("unknown period kind '" + name + "'");
}
std::string kind_name(PeriodKind k) {
  for (const auto& [n, kk] : kinds)
    if (kk == k) return n;
  return "?";
}

MetricKind metric_kind_from(const std::string& name) {
  for (MetricKind k : {MetricKind::flow, MetricKind::stock, MetricKind::ratio, MetricKind::count})
    if (to_string(k) == name) return k;
  throw py::value_error("metric kind must be flow, stock, ratio or count, not '" + name + "'");
}

// "CNY", "USD per share", "HKD per ADS", "%", "pp", "bp", "x", "" (a number), or a count noun.
Unit unit_from(const std::string& text) {
  if (text.empty()) return Unit::of(Dimension::number);
  if (text == "%") return Unit::of(Dimension::percent);
  if (text == "pp") return Unit::of(Dimension::percentage_points);
  if (text == "bp") return Unit::of(Dimension::basis_points);
  if (text == "x") return Unit::of(Dimension::multiple);
  if (text.size() >= 3) {
    if (auto c = Currency::from_code(text.substr(0, 3))) {
      const std::string rest = text.substr(3);
      if (rest.empty()) return Unit::money(*c);
      if (rest == " per share") return Unit::money(*c, Per::share);
      if (rest == " per ADS") return Unit::money(*c, Per::ads);
    }
  }
  return Unit::count_of(text);
}

Metric metric_from(const std::string& name, const std::optional<std::string>& kind, const Unit& unit) {
  if (auto known = known_metric(name); known && !kind) return *known;
  Metric m;
  m.name = name;
  m.dimension = unit.dimension;
  m.per = unit.per;
  m.kind = kind ? metric_kind_from(*kind)
                : (unit.dimension == Dimension::money || unit.dimension == Dimension::number ? MetricKind::flow
                   : unit.dimension == Dimension::count                                    ? MetricKind::count
                                                                                          : MetricKind::ratio);
  return m;
}

FiscalCalendar calendar_of(unsigned end_month) { return FiscalCalendar{date::month{end_month}}; }

std::shared_ptr<SeriesHandle> make(PeriodSeries s) {
  auto h = std::make_shared<SeriesHandle>();
  h->series = std::move(s);
  return h;
}

GrowthOptions growth_options(int exponent, const std::string& negative_base) {
  GrowthOptions o;
  o.exponent = exponent;
  if (negative_base == "missing") o.negative_base = NegativeBasePolicy::missing;
  else if (negative_base == "absolute") o.negative_base = NegativeBasePolicy::absolute;
  else if (negative_base == "plain") o.negative_base = NegativeBasePolicy::plain;
  else if (negative_base == "error") o.negative_base = NegativeBasePolicy::error;
  else throw py::value_error("negative_base: missing, absolute, plain or error");
  return o;
}

}  // namespace

void bind_series(py::module_& m) {
  py::class_<SeriesHandle, std::shared_ptr<SeriesHandle>>(m, "PeriodSeries")
      .def(py::init([](const std::vector<std::tuple<std::string, unsigned, std::string>>& keys, const py::list& values,
                       const std::string& metric, const std::optional<std::string>& kind, const std::string& unit,
                       const std::string& scale) {
             if (keys.size() != values.size()) throw py::value_error("one value per period");
             const Unit u = unit_from(unit);
             const auto sc = scale.empty() ? std::optional<Scale>(scales::units) : scale_from_token(scale);
             if (!sc) throw py::value_error("unknown scale '" + scale + "'");
             PeriodSeries s(metric_from(metric, kind, u), u, *sc);
             for (std::size_t i = 0; i < keys.size(); ++i) {
               const auto& [k, end_month, first] = keys[i];
               const Period p = Period::containing(kind_from(k), value_or_raise(parse_date(first)), calendar_of(end_month));
               std::optional<Decimal> v;
               if (!values[i].is_none()) v = from_py(values[i]);
               s.set(p, v);
             }
             return make(std::move(s));
           }),
           py::arg("keys"), py::arg("values"), py::arg("metric"), py::arg("kind") = py::none(), py::arg("unit") = "",
           py::arg("scale") = "")
      .def_property_readonly("metric", [](const SeriesHandle& h) { return h.series.metric().name; })
      .def_property_readonly("kind", [](const SeriesHandle& h) { return std::string(to_string(h.series.metric().kind)); })
      .def_property_readonly("unit", [](const SeriesHandle& h) { return h.series.unit().to_string(); })
      .def_property_readonly("scale", [](const SeriesHandle& h) { return std::string(h.series.scale().symbol); })
      .def("keys",
           [](const SeriesHandle& h) {
             py::list out;
             for (const Period& p : h.series.keys())
               out.append(py::make_tuple(kind_name(p.kind()), static_cast<unsigned>(p.calendar().end_month()),
                                         to_string(p.first_day()), p.to_string()));
             return out;
           })
      .def("values",
           [](const SeriesHandle& h) {
             py::list out;
             for (const auto& v : h.series.values()) out.append(v ? to_py(*v) : py::none());
             return out;
           })
      .def("rates",
           [](const SeriesHandle& h) {
             py::list out;
             for (const auto& r : h.rates) out.append(r ? py::cast(*r) : py::none());
             return out;
           })
      .def(
          "yoy",
          [](const SeriesHandle& h, int exponent, const std::string& negative_base) {
            return make(value_or_raise(yoy(h.series, growth_options(exponent, negative_base))));
          },
          py::arg("exponent") = -6, py::arg("negative_base") = "missing")
      .def(
          "qoq",
          [](const SeriesHandle& h, int exponent, const std::string& negative_base) {
            return make(value_or_raise(qoq(h.series, growth_options(exponent, negative_base))));
          },
          py::arg("exponent") = -6, py::arg("negative_base") = "missing")
      .def("ttm",
           [](const SeriesHandle& h) {
             try {
               return make(ttm(h.series));
             } catch (const std::invalid_argument& e) {
               throw py::value_error(e.what());
             }
           })
      .def(
          "resample",
          [](const SeriesHandle& h, const std::string& kind, unsigned end_month, std::optional<std::string> how) {
            ResampleOptions o;
            if (how) {
              if (*how == "sum") o.aggregation = Aggregation::sum;
              else if (*how == "last") o.aggregation = Aggregation::last;
              else if (*how == "mean") o.aggregation = Aggregation::mean;
              else throw py::value_error("how: sum, last or mean");
            }
            try {
              return make(resample(h.series, kind_from(kind), calendar_of(end_month), o));
            } catch (const std::invalid_argument& e) {
              throw py::value_error(e.what());
            }
          },
          py::arg("kind"), py::arg("end_month") = 12, py::arg("how") = py::none())
      .def(
          "convert",
          [](const SeriesHandle& h, const FxTableHandle& fx, const std::string& to, std::optional<int> exponent,
             bool missing_rate) {
            ConvertOptions o;
            o.exponent = exponent;
            o.missing_rate = missing_rate ? MissingRatePolicy::missing : MissingRatePolicy::error;
            try {
              auto c = value_or_raise(convert(h.series, fx.table, value_or_raise(Currency::from_code(to)), o));
              auto out = make(std::move(c.series));
              out->rates = std::move(c.rates);
              return out;
            } catch (const std::invalid_argument& e) {
              throw py::value_error(e.what());
            }
          },
          py::arg("fx"), py::arg("to"), py::arg("exponent") = py::none(), py::arg("missing_rate") = false);
}

}  // namespace finmetrics::python
