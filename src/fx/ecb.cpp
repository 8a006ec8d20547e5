#include "finmetrics/fx/ecb.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/fx/detail/csv_scan.hpp"
#include "finmetrics/time/detail/iso_day.hpp"

namespace finmetrics {

using fx_detail::error_at;

namespace {

constexpr std::string_view layout_hint = "ECB layout: 'Date,USD,JPY,...,'";

// One rate of a row as the fast path reads it: coefficient x 10^-fraction.
struct Cell {
  std::uint64_t coefficient = 0;
  int fraction = 0;
  bool present = false;  // false: empty or N/A
};

// The common row, read in one pass: a date of ten bytes, then exactly one field
// per column (digits with at most one point and at most 18 digits, non-zero;
// empty; or N/A), then the end or one trailing comma. False for anything else,
// which the careful path below reads again (and words the error of): a start-up
// of a v1 run on a million rows spent a tenth of its time reading this table.
bool read_plain_row(std::string_view text, std::vector<Cell>& cells, std::int32_t& day) noexcept {
  if (text.size() < 11 || text[10] != ',' || !finmetrics::detail::read_iso_day(text.substr(0, 10), day)) return false;
  const char* p = text.data() + 11;
  const char* const e = text.data() + text.size();
  const std::size_t columns = cells.size();
  for (std::size_t i = 0; i < columns; ++i) {
    Cell& cell = cells[i];
    const char* q = p;
    if (e - p >= 3 && p[0] == 'N' && p[1] == '/' && p[2] == 'A') {
      q = p + 3;
      cell.present = false;
    } else {
      std::uint64_t c = 0;
      int digits = 0, fraction = 0;
      bool point = false;
      for (; q < e && *q != ','; ++q) {
        const auto d = static_cast<unsigned>(*q - '0');
        if (d < 10) {
          c = c * 10 + d;
          ++digits;
          fraction += point ? 1 : 0;
        } else if (*q == '.' && !point) {
          point = true;
        } else {
          return false;
        }
      }
      if (digits > 18) return false;
      if (q == p) {
        cell.present = false;
      } else {
        if (c == 0) return false;  // no digit, or zero: refused below
        cell = Cell{c, fraction, true};
      }
    }
    if (i + 1 < columns) {
      if (q == e || *q != ',') return false;
      p = q + 1;
    } else if (!((q == e && q > p) || (q + 1 == e && *q == ','))) {
      return false;  // more fields, or an empty last field without the trailing comma's meaning
    }
  }
  return true;
}

}  // namespace

Result<FxTable> parse_ecb_csv(std::string_view text, std::string_view name, const EcbOptions& options) {
  const Currency eur = Currency::from_code("EUR").value();
  fx_detail::LineReader lines(text);
  fx_detail::Line line;
  if (!lines.next_nonblank(line))
    return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no header line ({})", layout_hint)));

  // Header: Date, then one code per column, then (usually) an empty field after
  // the trailing comma.
  std::vector<Currency> columns;
  std::vector<std::string_view> column_names;
  {
    fx_detail::FieldReader fields(line.text);
    std::string_view field;
    std::size_t column = 0;
    fields.next(field, column);
    if (field != "Date")
      return unexpected(error_at(Errc::csv, name, line.number, column,
                                 fmt::format("expected 'Date' as the first header field, read '{}' ({})", quote_for_message(field), layout_hint),
                                 field));
    const std::size_t total = fx_detail::field_count(line.text);
    for (std::size_t i = 1; fields.next(field, column); ++i) {
      if (field.empty() && i + 1 == total) break;  // the trailing comma
      const auto currency = fx_detail::currency_or_withdrawn(field);
      if (!currency)
        return unexpected(error_at(Errc::csv, name, line.number, column,
                                   fmt::format("header field {}: '{}' is not a currency code (expected 3 capital letters)",
                                               i + 1, field),
                                   field));
      if (*currency == eur)
        return unexpected(error_at(Errc::csv, name, line.number, column,
                                   fmt::format("header field {}: EUR is the pivot of the ECB layout, not a column", i + 1),
                                   field));
      if (auto seen = std::find(columns.begin(), columns.end(), *currency); seen != columns.end())
        return unexpected(error_at(Errc::csv, name, line.number, column,
                                   fmt::format("header field {}: {} is already field {}", i + 1, field,
                                               static_cast<std::size_t>(seen - columns.begin()) + 2),
                                   field));
      columns.push_back(*currency);
      column_names.push_back(field);
    }
  }
  if (columns.empty())
    return unexpected(error_at(Errc::csv, name, line.number, 0, fmt::format("no currency columns ({})", layout_hint)));

  const std::size_t expected_fields = columns.size() + 1;
  const std::size_t rows_estimate = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::vector<std::vector<Fixing>> series(columns.size());
  for (auto& s : series) s.reserve(rows_estimate);
  std::vector<std::pair<date::sys_days, std::size_t>> row_dates;  // (date, line)
  row_dates.reserve(rows_estimate);

  std::string why;
  std::vector<Cell> cells(columns.size());
  while (lines.next_nonblank(line)) {
    if (std::int32_t day_number = 0; read_plain_row(line.text, cells, day_number)) {
      const date::sys_days day{date::days{day_number}};
      row_dates.emplace_back(day, line.number);
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (cells[i].present)
          series[i].push_back(Fixing{day, Decimal::from_parts(Decimal::Coefficient(cells[i].coefficient), -cells[i].fraction)});
      continue;
    }
    std::size_t count = fx_detail::field_count(line.text);
    if (line.text.back() == ',') --count;  // the trailing comma ends the row; it is optional
    if (count != expected_fields)
      return unexpected(error_at(Errc::csv, name, line.number, 0,
                                 fmt::format("expected {} fields as in the header, read {}", expected_fields, count),
                                 line.text));
    fx_detail::FieldReader fields(line.text);
    std::string_view field;
    std::size_t column = 0;
    fields.next(field, column);
    const auto day = fx_detail::parse_iso_date(field, why);
    if (!day) return unexpected(error_at(Errc::invalid_date, name, line.number, column, fmt::format("Date: {}", why), field));
    row_dates.emplace_back(*day, line.number);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      fields.next(field, column);
      if (field.empty() || field == "N/A") continue;
      auto rate = fx_detail::parse_rate(field);
      if (!rate)
        return unexpected(error_at(
            Errc::syntax, name, line.number, column,
            fmt::format("{}: '{}' is not a rate (expected digits with an optional decimal point, or N/A)",
                        column_names[i], quote_for_message(field)),
            field));
      series[i].push_back(Fixing{*day, std::move(*rate)});
    }
  }

  // The ECB writes newest first; any other order is sorted, and a repeated date refused.
  const auto by_date = [](const auto& a, const auto& b) { return a.first < b.first; };
  const bool descending = std::is_sorted(row_dates.rbegin(), row_dates.rend(), by_date) &&
                          std::adjacent_find(row_dates.begin(), row_dates.end(),
                                             [](const auto& a, const auto& b) { return a.first == b.first; }) ==
                              row_dates.end();
  if (descending) {
    for (auto& s : series) std::reverse(s.begin(), s.end());
  } else {
    std::stable_sort(row_dates.begin(), row_dates.end(), by_date);
    for (std::size_t i = 1; i < row_dates.size(); ++i) {
      if (row_dates[i].first == row_dates[i - 1].first)
        return unexpected(error_at(Errc::csv, name, row_dates[i].second, 1,
                                   fmt::format("date {} is already on line {}", to_iso_string(row_dates[i].first),
                                               row_dates[i - 1].second)));
    }
    for (auto& s : series)
      std::sort(s.begin(), s.end(), [](const Fixing& a, const Fixing& b) { return a.date < b.date; });
  }

  FxTable table(eur);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (series[i].empty()) continue;  // a column of N/A only
    table.add(FxSeries{eur, columns[i], options.source, Periodicity::daily, std::move(series[i])});
  }
  return fx_detail::refuse_empty(std::move(table), text, name, "every rate is empty or N/A");
}

Result<FxTable> load_ecb_csv(const std::filesystem::path& file, const EcbOptions& options) {
  auto text = fx_detail::read_file(file);
  if (!text) return unexpected(text.error());
  return parse_ecb_csv(*text, file.string(), options);
}

}  // namespace finmetrics
