#pragma once
/// \file
/// Loader for the ECB's historical reference rates file (`eurofxref-hist.csv`).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"

namespace finmetrics {

/// How to read an ECB file.
struct EcbOptions {
  std::string source = "ECB";  ///< provenance name of every fixing
  /// When not empty, the columns whose fixings are kept; every other column's
  /// cells are read and checked as ever (a file is refused exactly as with all
  /// columns) but not kept. A job that converts between a few currencies (a v1
  /// normalize run: 3 of the ECB's 41 columns) then builds no `Decimal` and
  /// touches no memory for the rest: they were most of its start-up. A file
  /// whose kept columns hold no rate at all is refused ("no fixings: the columns
  /// kept (USD CNY) hold no rate").
  std::vector<Currency> only;
  /// false: every row is read by the field-by-field reader, the reference the
  /// one-pass row reader is tested (and fuzzed) against; the table is the same.
  bool one_pass = true;
};

/// Reads the ECB wide layout into a table with pivot EUR and one daily series
/// EUR/XXX per column (units of XXX per 1 EUR, as published).
///
/// Layout: a header `Date,USD,JPY,...,` then one row per business day
/// `2025-03-28,1.0797,163.45,...,`, in any date order (the ECB writes newest
/// first); `N/A` or an empty cell is a day without a rate; the trailing comma and
/// CRLF line ends are optional; blank lines are ignored. Header codes are
/// ISO 4217, or three capital letters for a withdrawn currency (CYP, ROL, ...).
///
/// Errors (`csv`, `syntax`, `invalid_date`) name the file, the 1-based line and
/// column and the field: "eurofxref.csv:3:9: USD: '1.0x97' is not a rate
/// (expected digits with an optional decimal point, or N/A)".
[[nodiscard]] Result<FxTable> load_ecb_csv(const std::filesystem::path& file, const EcbOptions& options = {});

/// As `load_ecb_csv`, from text in memory; `name` stands for the file in messages.
[[nodiscard]] Result<FxTable> parse_ecb_csv(std::string_view text, std::string_view name = "<memory>",
                                            const EcbOptions& options = {});

}  // namespace finmetrics
