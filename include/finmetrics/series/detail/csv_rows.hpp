#pragma once
// Private to the series loaders: a text in memory as RFC 4180 records (via
// io/csv.hpp) with the 1-based column of each field, and error values naming
// file, line, column and field as the FX loaders do.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/io/read_file.hpp"
#include "finmetrics/io/csv.hpp"

namespace finmetrics::series_detail {

/// "name:line:column: message" (column 0: "name:line: message"), with `line` and
/// `input` (the field) set.
[[nodiscard]] Error error_at(Errc code, std::string_view name, std::size_t line, std::size_t column,
                             std::string_view message, std::string_view field = {});

using finmetrics::read_file;  // io/read_file.hpp

/// A missing value as written in files: empty, NA, N/A, nan, null (any case,
/// surrounding spaces ignored).
[[nodiscard]] bool is_missing_text(std::string_view field);

/// Records of a text, blank records skipped, each split into fields.
class CsvRows {
 public:
  CsvRows(std::string_view text, std::string_view name);

  /// Reads the next non-blank record: true, false at the end, or a CSV error.
  [[nodiscard]] Result<bool> next();

  [[nodiscard]] const std::vector<std::string_view>& fields() const noexcept { return fields_; }
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  /// 1-based byte column where field `i` starts in its record.
  [[nodiscard]] std::size_t column(std::size_t i) const { return i < columns_.size() ? columns_[i] : 0; }
  [[nodiscard]] std::string_view record() const noexcept { return record_; }

 private:
  csv::RecordSplitter splitter_;
  std::string_view name_;
  bool finished_ = false;
  std::string_view record_;
  std::size_t line_ = 0;
  std::vector<std::string_view> fields_;
  std::vector<std::size_t> columns_;
  std::string scratch_;
};

}  // namespace finmetrics::series_detail
