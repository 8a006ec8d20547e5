#pragma once
/// \file
/// Loader for plain long FX files: `date,base,quote,rate`, one fixing per row.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"

namespace finmetrics {

/// How to read a long FX file.
struct FxCsvOptions {
  /// The pivot of the table. Unset: the one currency that is in every pair, if
  /// exactly one is (with a single pair, its base); otherwise no pivot.
  std::optional<Currency> pivot;
  /// Provenance name of every fixing; unset: the file name (or `name` in memory).
  std::optional<std::string> source;
  Periodicity periodicity = Periodicity::unspecified;
};

/// Reads `date,base,quote,rate` (that header exactly, then rows such as
/// `2025-03-28,EUR,USD,1.0797`: 1 base = rate quote), or the same with a fifth
/// column `source` that curated files fill on every row (it must not be empty;
/// the series' provenance stays `FxCsvOptions::source` or the file name). Rows may come in any
/// order; a pair may appear either way round only once per date. Codes must
/// be in the ISO 4217 table (`unknown_currency` otherwise). CRLF line ends are
/// accepted and blank lines ignored.
///
/// Errors name file, line, column and field: "rates.csv:4:16: rate: '7,8445'
/// is not a rate (expected digits with an optional decimal point)".
[[nodiscard]] Result<FxTable> load_fx_csv(const std::filesystem::path& file, const FxCsvOptions& options = {});

/// As `load_fx_csv`, from text in memory; `name` stands for the file in messages.
[[nodiscard]] Result<FxTable> parse_fx_csv(std::string_view text, std::string_view name = "<memory>",
                                           const FxCsvOptions& options = {});

}  // namespace finmetrics
