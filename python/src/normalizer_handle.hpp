#pragma once
// A Normalizer bound to the FX table it indexes (the handle keeps the table
// alive): the vectorised columns (normalize.cpp) and the CSV byte ranges of the
// Dask runner (normalize_csv.cpp) share it.
#include <memory>
#include <optional>
#include <string>

#include "finmetrics/normalize/normalizer.hpp"
#include "fx_table_handle.hpp"

namespace finmetrics::python {

struct NormalizerHandle {
  std::shared_ptr<FxTableHandle> fx;
  /// Without reason texts (faster); for the default arguments, the table's
  /// `prepared` one (FxTableHandle).
  std::shared_ptr<const Normalizer> normalizer;
  std::unique_ptr<Normalizer> explaining;          ///< with them, built when first asked for
  NormalizeOptions options;
};

/// `_core.Normalizer`'s arguments, with its Python defaults.
struct NormalizerArgs {
  std::string to = "USD";
  std::string scale;
  std::optional<int> digits;
  std::optional<int> decimals;
  std::string rounding = "half_even";
  std::optional<int> max_staleness = 7;
  std::optional<std::string> dollar;
  std::optional<std::string> yen;
  std::string date_column = "date";
  std::string figure_column = "figure";
  std::string locale;
  bool operator==(const NormalizerArgs&) const = default;
};

/// The v2 options those arguments say, checked against the table (py::value_error
/// for a bad one: a target without rates, an unknown scale, rounding or locale).
NormalizeOptions normalize_options(const FxTable& table, const NormalizerArgs& args);

}  // namespace finmetrics::python
