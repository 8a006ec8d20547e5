#pragma once
// Private to the FX loaders: line and field scanning over text in memory, ISO
// dates and positive decimal rates read by hand (no iostream, no regex), and
// error values that name file, line, column and field.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics::fx_detail {

/// One line without its line end; `number` is 1-based.
struct Line {
  std::string_view text;
  std::size_t number = 0;
};

/// Splits text into lines at '\n', dropping a '\r' before it and a UTF-8 byte
/// order mark at the start (spreadsheets write one).
class LineReader {
 public:
  explicit LineReader(std::string_view text) noexcept : rest_(text) {
    if (rest_.substr(0, 3) == "\xEF\xBB\xBF") rest_.remove_prefix(3);
  }

  /// The next line, blank or not; false at the end of the text.
  bool next(Line& line) noexcept {
    if (done_) return false;
    const std::size_t end = rest_.find('\n');
    std::string_view text = rest_.substr(0, end);
    if (end == std::string_view::npos) {
      done_ = true;
      rest_ = {};
      if (text.empty()) return false;  // a final line end is not another line
    } else {
      rest_.remove_prefix(end + 1);
    }
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line = Line{text, ++number_};
    return true;
  }

  /// The next line that is not empty.
  bool next_nonblank(Line& line) noexcept {
    while (next(line)) {
      if (!line.text.empty()) return true;
    }
    return false;
  }

 private:
  std::string_view rest_;
  std::size_t number_ = 0;
  bool done_ = false;
};

/// Fields of one line separated by ','; no quoting (none of the FX layouts quote).
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
