#include "common.hpp"

#include <pybind11/stl.h>

namespace finmetrics::python {

py::object& error_type() {
  // Set once at import (module.cpp); never destroyed, so that no reference is
  // dropped after the interpreter has finalized.
  static py::object* type = new py::object();
  return *type;
}

namespace {
std::string code_name(Errc c) {
  static constexpr const char* names[] = {"syntax", "unknown_currency", "ambiguous", "overflow", "out_of_range",
                                          "no_rate", "currency_mismatch", "invalid_date", "io", "csv"};
  const auto i = static_cast<std::size_t>(c);
  return i < std::size(names) ? names[i] : "error";
}
}  // namespace

void raise(const Error& e) {
  py::object err = error_type()(e.describe());  // an instance, raised below
  err.attr("code") = code_name(e.code);
  err.attr("position") = e.position;
  err.attr("line") = e.line;
  PyErr_SetObject(error_type().ptr(), err.ptr());
  throw py::error_already_set();
}

py::object to_py(const Decimal& d) {
  static py::handle decimal = py::module_::import("decimal").attr("Decimal").cast<py::object>().release();  // lives as long as the process
  return decimal(d.to_string());
}

Decimal from_py(const py::handle& value) {
  std::string text;
  if (py::isinstance<py::str>(value)) {
    text = value.cast<std::string>();
  } else if (py::isinstance<py::bool_>(value)) {
    throw py::type_error("a bool is not an amount");
  } else if (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) {
    text = py::str(value).cast<std::string>();  // repr: the shortest digits that read back
  } else {
    py::object decimal = py::module_::import("decimal").attr("Decimal");
    if (!py::isinstance(value, decimal)) throw py::type_error("expected a str, int, float or decimal.Decimal amount");
    text = py::str(value.attr("__format__")("f")).cast<std::string>();
  }
  return value_or_raise(Decimal::parse(text));
}

py::dict to_py(const Interval& i) {
  py::dict d;
  d["lower"] = i.lower().is_bounded() ? to_py(i.lower().value) : py::none();
  d["upper"] = i.upper().is_bounded() ? to_py(i.upper().value) : py::none();
  d["lower_closed"] = i.lower().is_closed();
  d["upper_closed"] = i.upper().is_closed();
  d["text"] = i.to_string();
  return d;
}

Date date_from_py(const py::handle& value) {
  if (py::isinstance<py::str>(value)) return value_or_raise(parse_date(value.cast<std::string>()));
  if (py::hasattr(value, "year") && py::hasattr(value, "month") && py::hasattr(value, "day")) {
    const int y = value.attr("year").cast<int>();
    const unsigned m = value.attr("month").cast<unsigned>(), dd = value.attr("day").cast<unsigned>();
    return Date{date::year{y} / date::month{m} / date::day{dd}};
  }
  // numpy.datetime64 and anything else pandas can read.
  py::object ts = py::module_::import("pandas").attr("Timestamp")(value);
  return date_from_py(ts);
}

date::sys_days day_from_py(const py::handle& value) {
  const Date d = date_from_py(value);
  if (!d.ok()) throw py::value_error("not a date: " + py::str(value).cast<std::string>());
  return date::sys_days(d);
}

py::object to_py(const Date& d) {
  static py::handle date_type = py::module_::import("datetime").attr("date").cast<py::object>().release();  // lives as long as the process
  return date_type(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

}  // namespace finmetrics::python
