#pragma once
// Conversions shared by the bindings: exact values cross into Python as
// decimal.Decimal (or str), never as binary floating point; library errors
// become Python exceptions with the library's message.

#include <string>
#include <string_view>

#include <pybind11/pybind11.h>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/time/date.hpp"

namespace finmetrics::python {

namespace py = pybind11;

/// Raised for every library error (`Error::describe()` as the message, the code
/// and position as attributes); registered in module.cpp.
py::object& error_type();

/// Throws the Python `finmetrics.Error` for `e`.
[[noreturn]] void raise(const Error& e);

template <class T>
T value_or_raise(Result<T> r) {
  if (!r) raise(r.error());
  return std::move(*r);
}

/// decimal.Decimal of `d`, exactly (plain notation, quantum kept where it is a fraction).
py::object to_py(const Decimal& d);
/// A Decimal from a Python str, int, decimal.Decimal or float (a float by its
/// shortest repr: 0.1 is 0.1, not the binary expansion).
Decimal from_py(const py::handle& value);

/// An interval as a dict: lower, upper (Decimal or None when unbounded),
/// lower_closed, upper_closed, text ("[80.5, 81.5)").
py::dict to_py(const Interval& i);

/// A `datetime.date`-like value (date, datetime, pandas.Timestamp, numpy
/// datetime64 or an ISO "YYYY-MM-DD" string) as a Date.
Date date_from_py(const py::handle& value);
/// As `date_from_py`, as a day number; a date that does not exist is a ValueError.
date::sys_days day_from_py(const py::handle& value);
/// datetime.date of `d`.
py::object to_py(const Date& d);

}  // namespace finmetrics::python
