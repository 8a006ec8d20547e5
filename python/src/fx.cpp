// FxTable: load, as_of, average, convert; every rate carries its fixings.
#include <memory>
#include <optional>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/fx/load.hpp"
#include "fx_table_handle.hpp"
#include "normalizer_handle.hpp"

namespace finmetrics::python {

namespace {

Currency currency(const std::string& code) { return value_or_raise(Currency::from_code(code)); }

py::list fixings_of(const FxRate& r) {
  py::list out;
  for (const FxFixing& f : r.fixings()) {
    py::dict d;
    d["date"] = to_py(Date{f.date});
    d["base"] = std::string(f.base.code());
    d["quote"] = std::string(f.quote.code());
    d["rate"] = to_py(f.rate);
    d["source"] = f.source;
    d["text"] = f.to_string();
    out.append(d);
  }
  return out;
}

}  // namespace

void bind_fx(py::module_& m) {
  py::class_<FxRate>(m, "FxRate", "A rate with the fixings it was computed from (exact quotient, or a rounded mean).")
      .def_property_readonly("base", [](const FxRate& r) { return std::string(r.base().code()); })
      .def_property_readonly("quote", [](const FxRate& r) { return std::string(r.quote().code()); })
      .def_property_readonly("date", [](const FxRate& r) { return to_py(Date{r.date()}); })
      .def_property_readonly("kind", [](const FxRate& r) { return std::string(to_string(r.kind())); })
      .def_property_readonly("numerator", [](const FxRate& r) { return to_py(r.numerator()); })
      .def_property_readonly("denominator", [](const FxRate& r) { return to_py(r.denominator()); })
      .def_property_readonly("is_exact", &FxRate::is_exact)
      .def_property_readonly("fixings", &fixings_of)
      .def_property_readonly("averaging",
                             [](const FxRate& r) -> py::object {
                               if (!r.averaging()) return py::none();
                               const FxAveraging& a = *r.averaging();
                               py::dict d;
                               d["first_requested"] = to_py(Date{a.first_requested});
                               d["last_requested"] = to_py(Date{a.last_requested});
                               d["first_fixing"] = to_py(Date{a.first_fixing});
                               d["last_fixing"] = to_py(Date{a.last_fixing});
                               d["count"] = a.count;
                               d["significant_digits"] = a.significant_digits;
                               return d;
                             })
      .def(
          "value", [](const FxRate& r, int digits) { return to_py(r.value(digits)); }, py::arg("significant_digits") = 20,
          "The rate rounded once (half-even) to this many significant digits, as decimal.Decimal.")
      .def("inverse", &FxRate::inverse)
      .def("__float__", [](const FxRate& r) { return r.value(17).to_double(); })
      .def("__str__", &FxRate::to_string)
      .def("__repr__", [](const FxRate& r) { return "<FxRate " + r.to_string() + ">"; });

  py::class_<FxTableHandle, std::shared_ptr<FxTableHandle>>(m, "FxTable", "Dated FX fixings (ECB, FRED H.10 or long CSV).")
      .def_static(
          "load",
          [](const std::string& path, bool prepare) {
            auto table = std::make_shared<FxTableHandle>();
            table->path = path;
            {
              Result<FxTable> loaded;
              {
                py::gil_scoped_release unlocked;
                loaded = load_fx_file(path);
              }
              table->table = value_or_raise(std::move(loaded));
            }
            if (prepare) {
              // normalize's index of the table (every currency's fixings by day) and
              // its figure reader, for the default arguments: part of readying the
              // table, not of the first call. Defaults that do not fit this table
              // (no USD rates) prepare nothing: the first call says why.
              std::optional<NormalizeOptions> options;
              try {
                options = normalize_options(table->table, NormalizerArgs{});
              } catch (const std::exception&) {  // the first call raises it again, with its reason
              }
              if (options) {
                py::gil_scoped_release unlocked;
                table->prepared = std::make_shared<const Normalizer>(table->table, *options);
              }
            }
            return table;
          },
          py::arg("path"), py::arg("prepare") = true,
          "Loads an ECB, FRED H.10 or long CSV file. `prepare`: also build what `normalize` needs with its\n"
          "default arguments (a per-day index of every currency's fixings and the figure reader, ~40M\n"
          "instructions, ~9 MB), so that the first call does not pay for it; False leaves that to the first call.")
      .def_readonly("path", &FxTableHandle::path)
      .def_property_readonly("currencies",
                             [](const FxTableHandle& t) {
                               std::vector<std::string> out;
                               if (t.table.pivot()) out.emplace_back(t.table.pivot()->code());
                               for (const FxSeries& s : t.table.series()) {
                                 const Currency other = t.table.pivot() && s.base == *t.table.pivot() ? s.quote : s.base;
                                 out.emplace_back(other.code());
                               }
                               return out;
                             })
      .def(
          "as_of",
          [](const FxTableHandle& t, const py::handle& day, const std::string& base, const std::string& quote,
             int max_staleness) {
            return value_or_raise(t.table.as_of(day_from_py(day), currency(base), currency(quote),
                                                date::days{max_staleness}));
          },
          py::arg("date"), py::arg("base"), py::arg("quote"), py::arg("max_staleness") = 7,
          "The latest rate on or before `date`, at most `max_staleness` days old.")
      .def(
          "average",
          [](const FxTableHandle& t, const std::string& base, const std::string& quote, const py::handle& first,
             const py::handle& last, int digits) {
            FxAverageOptions options;
            options.significant_digits = digits;
            return value_or_raise(t.table.average(currency(base), currency(quote), day_from_py(first),
                                                  day_from_py(last), options));
          },
          py::arg("base"), py::arg("quote"), py::arg("first"), py::arg("last"), py::arg("significant_digits") = 10,
          "The mean of the daily rates from `first` to `last`, rounded once.")
      .def(
          "convert",
          [](const FxTableHandle& t, const py::handle& amount, const std::string& from, const std::string& to,
             const py::handle& day, int significant_digits, int max_staleness) {
            const FxRate rate = value_or_raise(t.table.as_of(day_from_py(day), currency(from),
                                                             currency(to), date::days{max_staleness}));
            const Decimal value = rate.convert_significant(from_py(amount), significant_digits);
            return py::make_tuple(to_py(value), rate);
          },
          py::arg("amount"), py::arg("from_currency"), py::arg("to_currency"), py::arg("date"),
          py::arg("significant_digits") = 17, py::arg("max_staleness") = 7);
}

}  // namespace finmetrics::python
