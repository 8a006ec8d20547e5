// The vectorised normalize: pandas columns in (figures as an object array of
// str, dates as str or as days since 1970), columns out (numpy arrays that
// finmetrics/_normalize.py assembles into a DataFrame). The GIL is held only
// while Python objects are read or made.
//
// Each row goes through the library's `NormalizeStream` (the CLI's own per-row
// code, fast path and reference path alike), so values and reasons are those of
// `finmetrics normalize` byte for byte.
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "common.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/unit/scale.hpp"
#include "fx_table_handle.hpp"

namespace finmetrics::python {

namespace {

using namespace pybind11::literals;

// A Normalizer bound to the table it indexes (the handle keeps the table alive).
struct NormalizerHandle {
  std::shared_ptr<FxTableHandle> fx;
  std::unique_ptr<Normalizer> normalizer;
};

std::optional<Rounding> rounding_from(std::string_view name) {
  for (Rounding r : {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down, Rounding::up,
                     Rounding::floor, Rounding::ceiling})
    if (to_string(r) == name) return r;
  return std::nullopt;
}

// Days since 1970-01-01 to "YYYY-MM-DD" (the proleptic Gregorian civil date).
void format_day(std::int64_t days, std::string& out) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  char buf[16];
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    out += "invalid";  // outside ISO dates: the stream reports it as a bad date
    return;
  }
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  out.append(buf, 10);
}

void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// The amount of a v1 figure as plain decimal text: no exponent, no trailing
// zeros after the point ("81000000000", "0.0577", "1234.5").
void format_amount(const detail::V1Scan& scan, std::string& out) {
  // Digits of the mantissa, least significant first (64-bit division when it
  // fits: the common case, and far cheaper than 128-bit).
  char digits[48];
  int n = 0;
  if (scan.mantissa <= std::numeric_limits<std::uint64_t>::max()) {
    auto m = static_cast<std::uint64_t>(scan.mantissa);
    do {
      digits[n++] = static_cast<char>('0' + m % 10);
      m /= 10;
    } while (m != 0);
  } else {
    detail::u128 m = scan.mantissa;
    while (m != 0) {
      digits[n++] = static_cast<char>('0' + static_cast<int>(m % 10));
      m /= 10;
    }
  }
  if (n == 1 && digits[0] == '0') {
    out += '0';
    return;
  }
  int exponent = scan.exponent;
  int low = 0;  // drop trailing zeros that sit after the point
  while (low < n - 1 && exponent < 0 && digits[low] == '0') {
    ++low;
    ++exponent;
  }
  if (exponent >= 0) {
    for (int i = n - 1; i >= low; --i) out += digits[i];
    out.append(static_cast<std::size_t>(exponent), '0');
    return;
  }
  const int frac = -exponent, whole = n - low - frac;
  if (whole <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-whole), '0');
    for (int i = n - 1; i >= low; --i) out += digits[i];
    return;
  }
  for (int i = n - 1; i >= low; --i) {
    out += digits[i];
    if (i - low == frac) out += '.';
  }
}

PyObject* ascii_str(std::string_view s) {
  PyObject* o = PyUnicode_New(static_cast<Py_ssize_t>(s.size()), 127);
  if (o == nullptr) throw py::error_already_set();
  std::memcpy(PyUnicode_DATA(o), s.data(), s.size());
  return o;
}

// Puts `o` (a new reference) into slot i of an object array filled with None.
void put(py::array& a, std::size_t i, PyObject* o) {
  auto** slots = static_cast<PyObject**>(a.mutable_data());
  Py_XDECREF(slots[i]);
  slots[i] = o;
}

py::array object_array(std::size_t n) {
  static py::handle empty = py::module_::import("numpy").attr("empty").cast<py::object>().release();  // lives as long as the process
  py::array a = empty(n, "dtype"_a = "object");
  auto** slots = static_cast<PyObject**>(a.mutable_data());
  for (std::size_t i = 0; i < n; ++i) {  // numpy leaves them NULL: make each None
    Py_INCREF(Py_None);
    slots[i] = Py_None;
  }
  return a;
}

py::dict normalize_columns(const NormalizerHandle& h, const py::array& figures, const py::object& dates, bool reasons) {
  const Normalizer& normalizer = *h.normalizer;
  if (figures.ndim() != 1 || figures.dtype().kind() != 'O') throw py::type_error("figures: a 1-d object array of str");
  const auto n = static_cast<std::size_t>(figures.shape(0));
  PyObject* const* figure_objects = static_cast<PyObject* const*>(figures.data());

  // Dates: one object array of str, or int64 days since 1970 (NaT: INT64_MIN).
  py::array date_array = py::array::ensure(dates);
  if (!date_array || date_array.ndim() != 1 || static_cast<std::size_t>(date_array.shape(0)) != n)
    throw py::value_error("dates: one per figure");
  const bool day_numbers = date_array.dtype().kind() == 'i';
  if (!day_numbers && date_array.dtype().kind() != 'O') throw py::type_error("dates: str or datetime64 values");
  py::array_t<std::int64_t> day_array;
  if (day_numbers) day_array = py::array_t<std::int64_t>::ensure(date_array);
  PyObject* const* date_objects = day_numbers ? nullptr : static_cast<PyObject* const*>(date_array.data());
  const std::int64_t* days = day_numbers ? day_array.data() : nullptr;

  py::array amount = object_array(n), value_exact = object_array(n);
  py::array reason = reasons ? object_array(n) : py::array();
  py::array_t<double> value(static_cast<py::ssize_t>(n));
  py::array_t<std::int8_t> currency(static_cast<py::ssize_t>(n)), per(static_cast<py::ssize_t>(n)),
      qualifier(static_cast<py::ssize_t>(n));
  double* value_out = value.mutable_data();
  std::int8_t* currency_out = currency.mutable_data();
  std::int8_t* per_out = per.mutable_data();
  std::int8_t* qualifier_out = qualifier.mutable_data();
  std::vector<std::string> currency_codes;

  std::string record, output, diagnostics, text;
  record.reserve(256);
  output.reserve(256);
  NormalizeStream stream(normalizer, output, diagnostics, {}, false);
  for (std::size_t i = 0; i < n; ++i) {
    record.clear();
    output.clear();
    diagnostics.clear();
    // Read the row's Python strings (UTF-8 views owned by the str objects).
    std::string_view figure_text;
    bool have_figure = false;
    if (PyUnicode_Check(figure_objects[i])) {
      Py_ssize_t size = 0;
      const char* p = PyUnicode_AsUTF8AndSize(figure_objects[i], &size);
      if (p == nullptr) throw py::error_already_set();
      figure_text = {p, static_cast<std::size_t>(size)};
      have_figure = true;
    }
    if (day_numbers) {
      if (days[i] == std::numeric_limits<std::int64_t>::min()) {
        record += "NaT";
      } else {
        format_day(days[i], record);
      }
    } else if (PyUnicode_Check(date_objects[i])) {
      Py_ssize_t size = 0;
      const char* p = PyUnicode_AsUTF8AndSize(date_objects[i], &size);
      if (p == nullptr) throw py::error_already_set();
      append_field(record, {p, static_cast<std::size_t>(size)});
    } else {
      record += "missing";  // None or NaN: the stream reports a bad date
    }
    record += ',';
    append_field(record, have_figure ? figure_text : std::string_view{});
    stream.process(csv::RawRecord{record, i + 1, false, false});

    // The stream wrote `date,figure,currency,value,per_share\n`: the last three
    // fields never hold commas or quotes.
    std::string_view line(output);
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    const std::size_t c3 = line.rfind(','), c2 = line.rfind(',', c3 - 1), c1 = line.rfind(',', c2 - 1);
    const std::string_view code = line.substr(c1 + 1, c2 - c1 - 1);
    const std::string_view exact = line.substr(c2 + 1, c3 - c2 - 1);
    const std::string_view per_share = line.substr(c3 + 1);
    if (code.empty()) {
      currency_out[i] = -1;
      per_out[i] = -1;
      qualifier_out[i] = -1;
    } else {
      // A handful of currencies: a linear search beats hashing.
      std::size_t k = 0;
      while (k < currency_codes.size() && currency_codes[k] != code) ++k;
      if (k == currency_codes.size()) {
        if (k >= 127) throw py::value_error("more than 127 currencies in one column");
        currency_codes.emplace_back(code);
      }
      currency_out[i] = static_cast<std::int8_t>(k);
      per_out[i] = per_share == "1" ? 0 : -1;
      qualifier_out[i] = 0;  // the v1 grammar has no hedges or ranges
      detail::V1Scan scan;
      detail::V1ScanError error;
      if (detail::scan_v1_figure(figure_text, scan, error)) {
        text.clear();
        format_amount(scan, text);
        put(amount, i, ascii_str(text));
      }
    }
    if (exact.empty()) {
      value_out[i] = std::numeric_limits<double>::quiet_NaN();
    } else {
      double v = 0;
      std::from_chars(exact.data(), exact.data() + exact.size(), v);  // the nearest double of the exact text
      value_out[i] = v;
      put(value_exact, i, ascii_str(exact));
    }
    if (reasons && !diagnostics.empty()) {
      // "line N: reason\n"
      std::string_view d(diagnostics);
      const std::size_t colon = d.find(": ");
      if (colon != std::string_view::npos) d.remove_prefix(colon + 2);
      while (!d.empty() && d.back() == '\n') d.remove_suffix(1);
      put(reason, i, PyUnicode_DecodeUTF8(d.data(), static_cast<Py_ssize_t>(d.size()), "replace"));
    }
  }
  const NormalizeTotals& t = stream.totals();
  py::dict out;
  out["currency_codes"] = currency_codes;
  out["currency"] = currency;
  out["amount"] = amount;
  out["qualifier"] = qualifier;
  out["per"] = per;
  out["value"] = value;
  out["value_exact"] = value_exact;
  if (reasons) out["reason"] = reason;
  out["totals"] = py::dict("rows_read"_a = t.rows_read, "converted"_a = t.converted, "without_rate"_a = t.without_rate,
                           "unparsed"_a = t.unparsed, "invalid"_a = t.invalid);
  return out;
}

}  // namespace

void bind_normalize(py::module_& m) {
  py::class_<NormalizerHandle, std::shared_ptr<NormalizerHandle>>(m, "Normalizer")
      .def(py::init([](std::shared_ptr<FxTableHandle> fx, const std::string& to, const std::string& scale,
                       std::optional<int> digits, std::optional<int> decimals, const std::string& rounding,
                       int max_staleness) {
             NormalizeOptions options;
             options.target = value_or_raise(Currency::from_code(to));
             if (!scale.empty()) {
               const auto s = scale_from_token(scale);
               if (!s) throw py::value_error("scale: unknown scale '" + scale + "' (k, mn, bn, tn, ...)");
               options.scale_exponent = s->exponent;
             }
             if (digits && decimals) throw py::value_error("digits and decimals exclude each other");
             if (digits) options.significant_digits = *digits;
             options.decimals = decimals;
             const auto r = rounding_from(rounding);
             if (!r) throw py::value_error("rounding: unknown mode '" + rounding + "'");
             options.rounding = *r;
             options.max_staleness = date::days{max_staleness};
             auto h = std::make_shared<NormalizerHandle>();
             h->fx = std::move(fx);
             try {
               h->normalizer = std::make_unique<Normalizer>(h->fx->table, options);
             } catch (const std::invalid_argument& e) {
               throw py::value_error(e.what());
             }
             return h;
           }),
           py::arg("fx"), py::arg("to") = "USD", py::arg("scale") = "", py::arg("digits") = py::none(),
           py::arg("decimals") = py::none(), py::arg("rounding") = "half_even", py::arg("max_staleness") = 7)
      .def("columns", &normalize_columns, py::arg("figures"), py::arg("dates"), py::arg("reasons") = false)
      .def_property_readonly("value_column", [](const NormalizerHandle& h) {
        std::string c(h.normalizer->options().target.code());
        for (char& ch : c) ch = static_cast<char>(ch - 'A' + 'a');
        return c + "_value";
      });
}

}  // namespace finmetrics::python
