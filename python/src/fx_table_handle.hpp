#pragma once
// The FX table as Python holds it: shared by FxTable objects, normalize and
// check calls, and the Normalizer indexes built from it.
#include <memory>
#include <string>

#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics::python {

struct FxTableHandle {
  FxTable table;
  std::string path;
  /// normalize's Normalizer for the default arguments (to USD, ...): its per-day
  /// index of every currency of the table and its figure reader, built by
  /// `FxTable.load(path, prepare=True)` so that the first `normalize` call does
  /// not pay for them (~40M instructions); null when not asked for or when the
  /// defaults do not fit the table (no USD rates). Declared after `table`, which
  /// it points into, so that it goes first.
  std::shared_ptr<const Normalizer> prepared;
};

}  // namespace finmetrics::python
