#pragma once
/// \file
/// The normalization job: CSV rows with a date and a figure in, every figure
/// converted exactly at the as-of FX rate of its date. Two output contracts:
/// v1 (`../shared/specs/normalize-v1.md`: `date,figure` in, `date,figure,currency,
/// <cur>_value,per_share` out, its own closed grammar) and v2 (`normalize-v2.md`:
/// any columns in, carried through, then `currency,amount,low,high,qualifier,per,
/// <cur>_value,<cur>_low,<cur>_high`, figures read by `parse_figure`). Streaming,
/// one output row per input row, reasons for unconverted rows reported by line,
/// totals at the end.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/normalize/v2_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics {

class FigureReader;

namespace detail {
struct Leg;  // one fixing against the pivot (detail/day_grid.hpp)
/// A row's two rate legs of its day, found ahead of its value (`Normalizer::find_rates`).
struct DayRates {
  const Leg* figure = nullptr;  ///< the figure currency's leg (null when `same`)
  const Leg* target = nullptr;  ///< the target's leg
  bool found = false;           ///< false: `write_found` leaves the value to `convert_parts`
  bool same = false;            ///< the figure is in the target currency: no rate
  bool figure_pivot = false;    ///< a leg of the pivot itself: exactly 1, never stale
  bool target_pivot = false;
};
}  // namespace detail

/// Which output contract (and figure grammar) a run follows.
enum class NormalizeSpec {
  v1,  ///< `date,figure` -> `date,figure,currency,usd_value,per_share`; the closed v1 grammar
  v2,  ///< any columns, carried through, then the nine v2 columns; `parse_figure`
};

/// How normalize-v2 reads figures: numbers the English way (`locale` "en"),
/// exactly one currency marker (`one_marker`).
[[nodiscard]] inline ParseOptions v2_parse_options() {
  ParseOptions p;
  p.locale = "en";
  p.one_marker = true;
  return p;
}

/// How values are converted and printed.
struct NormalizeOptions {
  NormalizeSpec spec = NormalizeSpec::v1;
  std::string date_column = "date";      ///< v2: the header names of the two columns read
  std::string figure_column = "figure";
  /// v2: how figures are read. As normalize-v2 says: numbers the English way
  /// (`locale` "en": `1.234` is one and a bit, `--locale de` reads `1.234,5`),
  /// exactly one currency marker (`NZD $9.6m` is refused); `$` and `¥` context
  /// (`--dollar`, `--yen`).
  ParseOptions parse = v2_parse_options();
  Currency target{{'U', 'S', 'D'}};  ///< the currency of the value column
  int scale_exponent = 0;            ///< print values in units of 10^scale_exponent (9: billions)
  int significant_digits = 17;       ///< printed like %.17g, from the exact quotient (1..36)
  std::optional<int> decimals;       ///< instead: fixed decimals after the point (0..18)
  Rounding rounding = Rounding::half_even;
  date::days max_staleness{7};       ///< oldest usable fixing, in days before the figure's date
  std::size_t max_record_bytes = csv::RecordSplitter::default_max_record_bytes;
  /// Whether the stream writes a reason for each row not converted (`line N: ...`);
  /// false skips building them (the CLI's `--quiet`). Totals are kept either way.
  bool reasons = true;
  /// v2: a tenth column `currency_source` after the nine of the spec (`explicit`,
  /// `option`, `default`; empty when unparsed): how each currency was decided
  /// (the CLI's `--currency-source`). Off by default: the spec's columns stay
  /// byte for byte.
  bool currency_source_column = false;
};

/// The currencies a run with `options` converts between: v1's four (USD, CNY,
/// HKD, EUR) and the target; empty for v2, which reads any currency of the table.
/// A loader may keep only these (`FxLoadOptions::only`): a v1 run then reads 3 of
/// the ECB's 41 columns into fixings, and the output is the same.
[[nodiscard]] std::vector<Currency> fx_currencies_read(const NormalizeOptions& options);

/// Where the two columns read are, from the header (v2), or by position.
struct ColumnLayout {
  std::size_t date = 0;
  std::size_t figure = 1;
  std::size_t fields = 2;  ///< fields of the header: every row is made this wide in the output
};

/// What became of one row.
enum class RowStatus {
  converted,     ///< value written
  without_rate,  ///< figure read, no usable fixing: value cells empty
  unparsed,      ///< figure outside the grammar: every output cell empty
  invalid,       ///< broken row, bad date, value beyond the decimal range
};

/// What a run did. rows_read = converted + without_rate + unparsed + invalid.
struct NormalizeTotals {
  std::size_t rows_read = 0;     ///< data rows (blank lines are not rows)
  std::size_t converted = 0;     ///< value written
  std::size_t without_rate = 0;  ///< figure read, no usable fixing (value empty)
  std::size_t unparsed = 0;      ///< figure outside the grammar (currency, value, per_share empty)
  std::size_t invalid = 0;       ///< broken CSV row, wrong field count, bad date, over-long row
  std::size_t blank_lines = 0;   ///< skipped, not rows
  /// v2: rows whose currency is a bare `$` read as USD because nothing said
  /// otherwise (`CurrencySource::default_`): a reading, not the text's word.
  std::size_t currency_by_default = 0;
  bool bad_header = false;       ///< the first line was not `date,figure` (v1) or lacked a column (v2)
  bool header_written = false;   ///< v2: the stream wrote the output header (from the input's)

  [[nodiscard]] bool all_converted() const noexcept { return converted == rows_read && !bad_header; }
  NormalizeTotals& operator+=(const NormalizeTotals& o);
};

/// A figure converted on a date: the exact value rounded once as the options say.
struct NormalizedValue {
  V1Figure figure;
  Decimal value;  ///< in options.target, in units of 10^scale_exponent
};

/// A v2 normalizer's figure reader (`Normalizer::figure_reader`), compiled on a
/// thread of its own from the moment this is made. It needs no FX table: a caller
/// that makes it before loading the table and hands it to the `Normalizer`
/// overlaps the two (with the ECB table they are ~27M and ~62M instructions, most
/// of a v2 run's start-up). Waits for its thread when destroyed unused.
class PreparedFigureReader {
 public:
  /// Starts compiling the reader of `parse` (`options.parse` of the normalizer to come).
  explicit PreparedFigureReader(const ParseOptions& parse);
  PreparedFigureReader(PreparedFigureReader&&) noexcept;
  PreparedFigureReader& operator=(PreparedFigureReader&&) noexcept;
  ~PreparedFigureReader();

 private:
  friend class Normalizer;
  ParseOptions parse_;
  std::future<std::unique_ptr<FigureReader>> reader_;
};

/// Converts figures with one FX table; immutable after construction (what a v1
/// normalizer does not need is built once, thread-safely, on first use) and cheap
/// to share across streams. Precomputes a dense per-day as-of index of each
/// currency's fixings against the table's pivot, so a row costs two array reads
/// (v1: one, the four v1 currencies' legs of a day multiplied out in one line).
class Normalizer {
 public:
  /// `fx` must outlive the normalizer. Throws `std::invalid_argument` for options
  /// out of range.
  Normalizer(const FxTable& fx, NormalizeOptions options = {});
  /// The same, with the figure reader `reader` compiled meanwhile; a reader
  /// prepared for other parse options than `options.parse` is not used (the
  /// normalizer compiles its own).
  Normalizer(const FxTable& fx, NormalizeOptions options, PreparedFigureReader reader);
  ~Normalizer();
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;

  [[nodiscard]] const NormalizeOptions& options() const noexcept { return options_; }
  [[nodiscard]] const FxTable& fx() const noexcept { return *fx_; }

  /// One figure on one day, through `FxTable::as_of` and `FxRate` (the reference
  /// path; the stream's fast path must agree with it digit for digit).
  [[nodiscard]] Result<NormalizedValue> convert(date::sys_days day, std::string_view figure) const;

  /// The v1 output header: `date,figure,currency,usd_value,per_share` (value
  /// column named after the target currency).
  [[nodiscard]] std::string header() const;
  /// The v2 output columns after the input's: `currency,amount,low,high,qualifier,
  /// per,usd_value,usd_low,usd_high` (value columns named after the target).
  [[nodiscard]] std::string v2_columns() const;

  /// Why a value could not be given (`convert_amount`).
  enum class Refusal { none, no_rate, out_of_range };
  /// `amount` of `currency` on `day` (days since 1970-01-01) in the target
  /// currency, rounded once as the options say, appended to `out` as printed
  /// (the fast exact kernel where it applies, else `FxTable::as_of` and `FxRate`,
  /// digit for digit the same). On failure appends nothing, sets `why` (where
  /// `options().reasons`: a run without reasons does not word them).
  [[nodiscard]] Refusal convert_amount(const Decimal& amount, Currency currency, std::int32_t day, std::string& out,
                                       std::string& why) const;
  /// The same for magnitude x 10^exponent, negated when `negative` (the lean
  /// reader's figures: no Decimal is built unless the reference path is taken).
  [[nodiscard]] Refusal convert_parts(detail::u128 magnitude, int exponent, bool negative, Currency currency,
                                      std::int32_t day, std::string& out, std::string& why) const;

  /// The fast part of `convert_parts`, for callers that write rows into a buffer:
  /// the value written at `out` (room for `detail::general_max_bytes` + 1 bytes)
  /// by the 128-bit kernel through the day grids, digit for digit what
  /// `convert_parts` appends; returns its end, or null (nothing written) where
  /// `convert_parts` must decide (no rate or a stale one, a number beyond the
  /// kernel's integers, `decimals` set, grids not built yet).
  [[nodiscard]] char* write_parts(detail::u128 magnitude, int exponent, bool negative, Currency currency,
                                  std::int32_t day, char* out) const noexcept;
  /// `write_parts` in two steps, for a caller that reads rows ahead of writing
  /// them: `find_rates` finds the legs of `currency` and of the target on `day`
  /// and fetches them into the cache (rows' dates are random: each look-up would
  /// miss); `write_found` then writes what `write_parts` writes, from them.
  void find_rates(Currency currency, std::int32_t day, detail::DayRates& rates) const noexcept;
  [[nodiscard]] char* write_found(detail::u128 magnitude, int exponent, bool negative, std::int32_t day,
                                  const detail::DayRates& rates, char* out) const noexcept;
  /// A hint that a value of `currency` (or one in the target currency) on `day`
  /// (days since 1970-01-01) is about to be converted: that leg of the day is
  /// fetched into the cache while the caller does other work (rows' dates are
  /// random: each look-up would miss).
  void prefetch_rate(Currency currency, std::int32_t day) const noexcept;

  /// v2: the compact reader of the commonest figure forms (`parse/figure_reader.hpp`),
  /// built for `options().parse` (by a v1 normalizer on first use); `read_v2_figure`
  /// (`parse_figure`) reads the rest.
  [[nodiscard]] const FigureReader& figure_reader() const;

  struct Grid;  // the dense per-day index (normalizer.cpp)

 private:
  friend class NormalizeStream;
  Normalizer(const FxTable& fx, NormalizeOptions options, PreparedFigureReader* reader);
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
  /// A run of plain records (`RecordSplitter::next_plain`), as `process` would
  /// read each; v1 reads its common rows in one pass, prefetching rates ahead.
  void process(const csv::PlainRecords& run);

  [[nodiscard]] const NormalizeTotals& totals() const noexcept { return totals_; }

  /// A hint for a record that comes a few records later: v1 fetches its day's
  /// rates into the cache now (rows' dates are random: each look-up would miss).
  void prefetch(std::string_view record) noexcept;

  /// v2: whether reading the input's header writes the output header (the
  /// first input of a run: default true).
  void write_header(bool yes) noexcept { write_header_ = yes; }
  /// v2: the columns, as the header said; a stream that continues another one
  /// (`expect_header` false) is given them.
  [[nodiscard]] const ColumnLayout& layout() const noexcept { return layout_; }
  void set_layout(const ColumnLayout& layout) { layout_ = layout; }

 private:
  void drain();  // the records fed so far, in plain runs where the input allows
  void row(std::string_view date_field, std::string_view figure_field, bool figure_quoted, std::size_t line);
  // The rest of a v1 row once its date and figure stand in the output and its figure was read.
  void row_value(const detail::V1Scan& scan, std::string_view date_field, std::string_view figure, bool day_ok,
                 std::int32_t day_index, std::size_t line);
  void header_v2(const csv::RawRecord& record, bool split);
  void row_v2(const csv::RawRecord& record, bool split);
  // v2, after the header: the records of a plain run from `front` to `end` (each
  // ending with '\n'), each one's date and figure read a few records before its row.
  void plain_rows_v2(const char* front, const char* end, std::size_t line);
  // v2: the date and figure fields of a record without quotes and with the
  // header's width (its columns are then its text); false: `process` reads it.
  [[nodiscard]] bool plain_fields_v2(std::string_view record, std::string_view& date,
                                     std::string_view& figure) const noexcept;
  // v2: the cells after the carried-through columns, the row's totals and reason.
  void cells_v2(std::string_view date_field, std::string_view figure_field, std::size_t line);
  void end_row_v2(RowStatus status, CurrencySource source, std::size_t line);
  void diagnose(std::size_t line, std::string_view message);

  const Normalizer& n_;
  std::string& out_;
  std::string& diag_;
  std::string input_name_;
  csv::RecordSplitter splitter_;
  std::vector<std::string_view> fields_;
  std::string scratch_;
  std::string why_;
  // v1: the days `prefetch` read, in record order, for `row` to take instead of
  // reading the date again (each hint names the date field it was read from).
  struct DayHint {
    const char* at = nullptr;
    std::int32_t day = 0;
    bool valid = false;
  };
  DayHint day_hints_[16];
  std::size_t hints_in_ = 0, hints_out_ = 0;
  bool day_of(std::string_view date_field, std::int32_t& day);
  bool header_seen_ = false;
  bool write_header_ = true;
  bool header_is_not_data_ = false;  // v2: a bad first record that is no data row either
  ColumnLayout layout_;
  NormalizeTotals totals_;
};

/// Where a pipeline reads bytes from (returns 0 at the end) and writes finished
/// output and diagnostics to, in input order.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;
using NormalizeSink = std::function<void(std::string_view output, std::string_view diagnostics)>;

/// Normalizes a whole input with `threads` workers: this thread cuts records
/// (quotes, CRLF, over-long lines handled once, in order) and hands batches to
/// the workers; results are written in input order, so the output, the
/// diagnostics and the totals are those of a single `NormalizeStream`. The v1
/// output header is not written (the caller writes it once for all inputs); the
/// v2 one, made from the input's header, is written when `write_header` is set.
NormalizeTotals normalize_pipeline(const Normalizer& normalizer, const ByteSource& read, const NormalizeSink& write,
                                   unsigned threads, const std::string& input_name = {}, bool write_header = true);

/// Normalizes a whole CSV text in memory (header included), for tests and small
/// inputs; appends the output header (v1 or v2) and rows to `output`.
NormalizeTotals normalize_csv(const Normalizer& normalizer, std::string_view input, std::string& output,
                              std::string& diagnostics);

}  // namespace finmetrics
