#pragma once
// One function per concept adds its part to the `finmetrics._core` module.
#include <pybind11/pybind11.h>

namespace finmetrics::python {
void bind_figures(pybind11::module_& m);
void bind_fx(pybind11::module_& m);
void bind_normalize(pybind11::module_& m);
void bind_normalize_csv(pybind11::module_& m);  // after bind_normalize: a method of Normalizer
void bind_extract_claims(pybind11::module_& m);
void bind_series(pybind11::module_& m);
void bind_check(pybind11::module_& m);
void bind_exact_text(pybind11::module_& m);
}  // namespace finmetrics::python
