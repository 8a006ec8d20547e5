#include "finmetrics/series/detail/csv_rows.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace finmetrics::series_detail {

Error error_at(Errc code, std::string_view name, std::size_t line, std::size_t column, std::string_view message,
               std::string_view field) {
  const std::string where = column == 0 ? fmt::format("{}:{}", name, line) : fmt::format("{}:{}:{}", name, line, column);
  Error e = make_error(code, fmt::format("{}: {}", where, message), field);
  e.line = line;
  return e;
}

bool is_missing_text(std::string_view field) {
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  if (field.size() > 4) return false;
  std::string t(field);
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.empty() || t == "na" || t == "n/a" || t == "nan" || t == "null";
}

CsvRows::CsvRows(std::string_view text, std::string_view name) : name_(name) { splitter_.feed(text); }

Result<bool> CsvRows::next() {
  while (true) {
    auto raw = splitter_.next();
    if (!raw && !finished_) {
      finished_ = true;
      raw = splitter_.finish();
    }
    if (!raw) return false;
    if (raw->too_long)
      return unexpected(error_at(Errc::csv, name_, raw->line, 0, "record longer than 1 MiB"));
    if (raw->text.empty()) continue;
    record_ = raw->text;
    line_ = raw->line;
    if (auto split = csv::split_record(record_, fields_, scratch_); !split) {
      const std::size_t column = split.error().position == Error::npos ? 0 : split.error().position + 1;
      return unexpected(error_at(Errc::csv, name_, line_, column, split.error().message, record_));
    }
    // Field start columns, honouring quotes (quoted fields are unescaped elsewhere).
    columns_.clear();
    columns_.push_back(1);
    bool quoted = false;
    for (std::size_t i = 0; i < record_.size(); ++i) {
      if (record_[i] == '"') quoted = !quoted;
      else if (record_[i] == ',' && !quoted) columns_.push_back(i + 2);
    }
    return true;
  }
}

}  // namespace finmetrics::series_detail
