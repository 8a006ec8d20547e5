#pragma once
// Private to the FX loaders: line and field scanning over text in memory, ISO
// dates and positive decimal rates read by hand (no iostream, no regex), and
// error values that name file, line, column and field.

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics::fx_detail {

/// One line without its line end; `number` is 1-based.
struct Line {
  std::string_view text;
  std::size_t number = 0;
};

/// Cuts text into records with the library's one CSV record scanner
/// (`csv::RecordSplitter`): a line ends at LF, CRLF or a lone CR outside quotes,
/// a UTF-8 byte order mark at the start is skipped, and `number` is the physical
/// line where the record starts. No length limit: an FX file is read whole.
///
/// A text without a quote or a CR (every FX file as published) is cut in place
/// at its line feeds instead, as the scanner would cut it: the scanner copies
/// the text into its buffer first (~2 MB and ~500 page faults of a normalize
/// start-up for the ECB history). `tests/fx/csv_records_test.cpp` holds both to
/// the same lines.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : splitter_(std::numeric_limits<std::size_t>::max() / 2) {
    // Two memchr passes (find_first_of would test each byte against the set).
    if (text.size() >= 3 && std::memchr(text.data(), '"', text.size()) == nullptr &&
        std::memchr(text.data(), '\r', text.size()) == nullptr) {
      if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      rest_ = text;
      in_place_ = true;
    } else {
      splitter_.feed(text);
    }
  }

  /// The next line, blank or not; false at the end of the text (a final line
  /// end is not another line).
  bool next(Line& line) {
    if (in_place_) {
      if (rest_.empty()) return false;
      const std::size_t end = rest_.find('\n');
      line = Line{rest_.substr(0, end), line_++};
      rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
      return true;
    }
    auto r = splitter_.next();
    if (!r && !finished_) {
      finished_ = true;
      r = splitter_.finish();
    }
    if (!r) return false;
    line = Line{r->text, r->line};
    return true;
  }

  /// The next line that is not empty.
  bool next_nonblank(Line& line) {
    while (next(line)) {
      if (!line.text.empty()) return true;
    }
    return false;
  }

 private:
  csv::RecordSplitter splitter_;
  bool finished_ = false;
  bool in_place_ = false;  // cut `rest_` at its line feeds, not through `splitter_`
  std::string_view rest_;
  std::size_t line_ = 1;
};

/// Fields of one record separated by ','; no unquoting (none of the FX layouts
/// quote: a quote is text, and a rate or date with one is refused as such).
class FieldReader {
 public:
  explicit FieldReader(std::string_view line) noexcept : line_(line) {}

  /// The next field and its 1-based column; false after the last field.
  bool next(std::string_view& field, std::size_t& column) noexcept {
    if (pos_ > line_.size()) return false;
    const std::size_t end = line_.find(',', pos_);
    const std::size_t stop = end == std::string_view::npos ? line_.size() : end;
    field = line_.substr(pos_, stop - pos_);
    column = pos_ + 1;
    pos_ = stop + 1;
    return true;
  }

 private:
  std::string_view line_;
  std::size_t pos_ = 0;
};

/// Number of fields of a line (commas + 1).
[[nodiscard]] std::size_t field_count(std::string_view line) noexcept;

/// Reads YYYY-MM-DD exactly. Returns the day, or the message for the error
/// ("'2025-02-30' is not a calendar date").
[[nodiscard]] std::optional<date::sys_days> parse_iso_date(std::string_view text, std::string& why);

/// Reads a positive rate `digits[.digits]`; nullopt when the text is not one.
[[nodiscard]] std::optional<Decimal> parse_rate(std::string_view text);

/// A header code: an ISO 4217 code from the table, or three capital letters (a
/// withdrawn currency such as CYP or DEM, which the table of active codes lacks).
[[nodiscard]] std::optional<Currency> currency_or_withdrawn(std::string_view code);

using finmetrics::read_file;  // io/read_file.hpp

/// A loaded table without a single fixing is an error, not a table on which
/// every look-up fails later: "rates.csv: only a header, no fixings" (no data
/// line), or "rates.csv: no fixings: every rate is empty or N/A" (`why_none`).
[[nodiscard]] Result<FxTable> refuse_empty(FxTable table, std::string_view text, std::string_view name,
                                           std::string_view why_none);

/// "name:line:column: message" (column 0: "name:line: message"; line 0: "name: message"),
/// with `input` the field read and `line` set.
[[nodiscard]] Error error_at(Errc code, std::string_view name, std::size_t line, std::size_t column,
                             std::string_view message, std::string_view field = {});

}  // namespace finmetrics::fx_detail
