#pragma once
// The FX table as Python holds it: shared by FxTable objects, normalize and
// check calls, and the Normalizer indexes built from it.
#include <string>

#include "finmetrics/fx/fx_table.hpp"

namespace finmetrics::python {

struct FxTableHandle {
  FxTable table;
  std::string path;
};

}  // namespace finmetrics::python
