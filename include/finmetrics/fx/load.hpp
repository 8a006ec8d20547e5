#pragma once
/// \file
/// One entry point for FX files of any supported layout, told apart by the header.

#include <filesystem>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"

namespace finmetrics {

/// Reads an FX file, choosing the loader by its first line: `Date,USD,...` is the
/// ECB wide file (`load_ecb_csv`), `Date,Country,Exchange rate` the FRED H.10 long
/// file (`load_fred_h10_csv`), `date,base,quote,rate` the plain long file
/// (`load_fx_csv`). Anything else is an `Errc::csv` error naming the file and
/// the three headers it knows.
[[nodiscard]] Result<FxTable> load_fx_file(const std::filesystem::path& file);

/// What `load_fx_file` may leave out.
struct FxLoadOptions {
  /// When not empty, the currencies the caller will convert between: an ECB wide
  /// file keeps only their columns (`EcbOptions::only`; every cell still checked);
  /// the long layouts are read whole. Empty: everything.
  std::vector<Currency> only;
};

/// As above, keeping what `options` says.
[[nodiscard]] Result<FxTable> load_fx_file(const std::filesystem::path& file, const FxLoadOptions& options);

}  // namespace finmetrics
