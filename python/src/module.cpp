// finmetrics._core: the compiled part of the Python package (finmetrics/ wraps
// it in pandas-shaped functions and classes).
#include "bindings.hpp"
#include "common.hpp"

PYBIND11_MODULE(_core, m) {
  namespace fp = finmetrics::python;
  m.doc() = "finmetrics core (C++): exact figures, FX, series, normalize and check";
  fp::error_type() = pybind11::reinterpret_steal<pybind11::object>(
      PyErr_NewExceptionWithDoc("finmetrics.Error", "A finmetrics error: input, position and reason.", PyExc_ValueError,
                                nullptr));
  m.attr("Error") = fp::error_type();
  m.attr("__version__") = FINMETRICS_VERSION;
  fp::bind_figures(m);
  fp::bind_fx(m);
  fp::bind_normalize(m);
  fp::bind_normalize_csv(m);
  fp::bind_extract_claims(m);
  fp::bind_series(m);
  fp::bind_check(m);
  fp::bind_exact_text(m);
}
