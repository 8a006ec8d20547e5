#pragma once
/// \file
/// The normalization job (`../shared/specs/normalize-v1.md`): CSV rows `date,figure`
/// in, `date,figure,currency,<cur>_value,per_share` out, every figure converted
/// exactly at the as-of FX rate of its date. Streaming, one output row per input
/// row, reasons for unconverted rows reported by line, totals at the end.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/v1_figure.hpp"

namespace finmetrics {

/// How values are converted and printed.
struct NormalizeOptions {
  Currency target{{'U', 'S', 'D'}};  ///< the currency of the value column
  int scale_exponent = 0;            ///< print values in units of 10^scale_exponent (9: billions)
  int significant_digits = 17;       ///< printed like %.17g, from the exact quotient (1..36)
  std::optional<int> decimals;       ///< instead: fixed decimals after the point (0..18)
  Rounding rounding = Rounding::half_even;
  date::days max_staleness{7};       ///< oldest usable fixing, in days before the figure's date
  std::size_t max_record_bytes = csv::RecordSplitter::default_max_record_bytes;
};

/// What a run did. rows_read = converted + without_rate + unparsed + invalid.
struct NormalizeTotals {
  std::size_t rows_read = 0;     ///< data rows (blank lines are not rows)
  std::size_t converted = 0;     ///< value written
  std::size_t without_rate = 0;  ///< figure read, no usable fixing (value empty)
  std::size_t unparsed = 0;      ///< figure outside the grammar (currency, value, per_share empty)
  std::size_t invalid = 0;       ///< broken CSV row, wrong field count, bad date, over-long row
  std::size_t blank_lines = 0;   ///< skipped, not rows
  bool bad_header = false;       ///< the first line was not `date,figure`

  [[nodiscard]] bool all_converted() const noexcept { return converted == rows_read && !bad_header; }
  NormalizeTotals& operator+=(const NormalizeTotals& o);
};

/// A figure converted on a date: the exact value rounded once as the options say.
struct NormalizedValue {
  V1Figure figure;
  Decimal value;  ///< in options.target, in units of 10^scale_exponent
};

/// Converts figures with one FX table; immutable after construction and cheap to
/// share across streams. Precomputes a dense per-day as-of index of each
/// currency's fixings against the table's pivot, so a row costs two array reads.
class Normalizer {
 public:
  /// `fx` must outlive the normalizer. Throws `std::invalid_argument` for options
  /// out of range.
  Normalizer(const FxTable& fx, NormalizeOptions options = {});
  ~Normalizer();
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;

  [[nodiscard]] const NormalizeOptions& options() const noexcept { return options_; }
  [[nodiscard]] const FxTable& fx() const noexcept { return *fx_; }

  /// One figure on one day, through `FxTable::as_of` and `FxRate` (the reference
  /// path; the stream's fast path must agree with it digit for digit).
  [[nodiscard]] Result<NormalizedValue> convert(date::sys_days day, std::string_view figure) const;

  /// The output header: `date,figure,currency,usd_value,per_share` (value column
  /// named after the target currency).
  [[nodiscard]] std::string header() const;

  struct Grid;  // the dense per-day index (normalizer.cpp)

 private:
  friend class NormalizeStream;
  const FxTable* fx_;
  NormalizeOptions options_;
  std::unique_ptr<Grid> grid_;
};

/// One input stream through a `Normalizer`: feed bytes, collect output rows and
/// diagnostics (`line N: reason`) in caller-owned strings that the caller drains
/// as it likes (the CLI writes them out whenever they grow past a buffer size).
class NormalizeStream {
 public:
  /// `input_name` prefixes diagnostics when set ("figures.csv: line 3: ...").
  /// `expect_header`: the first record is the header (false for a stream that
  /// continues another one, as the parallel pipeline's later batches do).
  NormalizeStream(const Normalizer& normalizer, std::string& output, std::string& diagnostics,
                  std::string input_name = {}, bool expect_header = true);

  void feed(std::string_view chunk);
  /// Ends the input; processes a last line without a line feed.
  void finish();
  /// One record already cut from the input (by a caller's own `RecordSplitter`).
  void process(const csv::RawRecord& record);

  [[nodiscard]] const NormalizeTotals& totals() const noexcept { return totals_; }

 private:
  void row(std::string_view date_field, std::string_view figure_field, bool figure_quoted, std::size_t line);
  void diagnose(std::size_t line, std::string_view message);

  const Normalizer& n_;
  std::string& out_;
  std::string& diag_;
  std::string input_name_;
  csv::RecordSplitter splitter_;
  std::vector<std::string_view> fields_;
  std::string scratch_;
  std::string why_;
  bool header_seen_ = false;
  NormalizeTotals totals_;
};

/// Where a pipeline reads bytes from (returns 0 at the end) and writes finished
/// output and diagnostics to, in input order.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;
using NormalizeSink = std::function<void(std::string_view output, std::string_view diagnostics)>;

/// Normalizes a whole input with `threads` workers: this thread cuts records
/// (quotes, CRLF, over-long lines handled once, in order) and hands batches to
/// the workers; results are written in input order, so the output, the
/// diagnostics and the totals are those of a single `NormalizeStream`. The
/// output header is not written (the caller writes it once for all inputs).
NormalizeTotals normalize_pipeline(const Normalizer& normalizer, const ByteSource& read, const NormalizeSink& write,
                                   unsigned threads, const std::string& input_name = {});

/// Normalizes a whole CSV text in memory (header included), for tests and small
/// inputs; appends the output header and rows to `output`.
NormalizeTotals normalize_csv(const Normalizer& normalizer, std::string_view input, std::string& output,
                              std::string& diagnostics);

}  // namespace finmetrics
