#pragma once
/// \file
/// The v2 normalization of columns already in memory (a DataFrame's two columns,
/// for the Python package): the same cells, in the same text, as the CSV stream
/// writes, one entry per input row, in order, with each row's status and reason.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics {

/// The nine v2 output columns (as text, exactly as the CSV output prints them:
/// empty where the CSV cell is empty), and per row its status and reason.
struct NormalizedColumns {
  std::vector<std::string> currency, amount, low, high, qualifier, per;
  std::vector<std::string> value, value_low, value_high;  ///< in the target currency (`usd_value`, ...)
  std::vector<RowStatus> status;
  /// How each figure's currency was decided (`none` when unparsed); a bare `$`
  /// read as USD by default is `default_`, never certain.
  std::vector<CurrencySource> currency_source;
  std::vector<std::string> error;  ///< empty when converted, else the reason (no line number)
  NormalizeTotals totals;

  [[nodiscard]] std::size_t size() const noexcept { return status.size(); }
};

/// One row's nine v2 cells as views into a caller's scratch string (valid until
/// the next call with it), its status and reason: the per-row entry of the stream's
/// own code, allocation-free once `scratch` has grown.
struct NormalizedRow {
  RowStatus status = RowStatus::unparsed;
  CurrencySource currency_source = CurrencySource::none;  ///< how the currency was decided
  std::string_view currency, amount, low, high, qualifier, per, value, value_low, value_high;
  std::string_view reason;  ///< empty when converted (or when `options().reasons` is false)
};

/// Normalizes one (date, figure) pair as normalize-v2 says; returns `out.status`.
RowStatus normalize_row(const Normalizer& normalizer, std::string_view date, std::string_view figure,
                        NormalizedRow& out, std::string& scratch);

/// Normalizes `figures[i]` dated `dates[i]` (ISO `YYYY-MM-DD`) for every i as
/// normalize-v2 says, with `normalizer`'s options (its `spec` is ignored: this is
/// always v2). Throws `std::invalid_argument` when the spans differ in length.
/// Thread-safe: a `Normalizer` may serve several calls at once.
[[nodiscard]] NormalizedColumns normalize_rows(std::span<const std::string_view> figures,
                                               std::span<const std::string_view> dates, const Normalizer& normalizer);

/// The same with a `Normalizer` built for the call (`options.spec` set to v2).
/// Building one indexes the table by day (a few milliseconds for the ECB file):
/// keep a `Normalizer` for repeated calls.
[[nodiscard]] NormalizedColumns normalize_rows(std::span<const std::string_view> figures,
                                               std::span<const std::string_view> dates, NormalizeOptions options,
                                               const FxTable& fx);

}  // namespace finmetrics
