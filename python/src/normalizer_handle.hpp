#pragma once
// A Normalizer bound to the FX table it indexes (the handle keeps the table
// alive): the vectorised columns (normalize.cpp) and the CSV byte ranges of the
// Dask runner (normalize_csv.cpp) share it.
#include <memory>

#include "finmetrics/normalize/normalizer.hpp"
#include "fx_table_handle.hpp"

namespace finmetrics::python {

struct NormalizerHandle {
  std::shared_ptr<FxTableHandle> fx;
  std::unique_ptr<Normalizer> normalizer;          ///< without reason texts (faster)
  std::unique_ptr<Normalizer> explaining;          ///< with them, built when first asked for
  NormalizeOptions options;
};

}  // namespace finmetrics::python
