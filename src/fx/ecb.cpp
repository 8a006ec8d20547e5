#include "finmetrics/fx/ecb.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "finmetrics/detail/prefault.hpp"
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

#ifdef __SSE2__
// A field of fewer than 16 bytes followed by a comma, 16 bytes at a time (most
// ECB cells: `1.0797,`): 1 when it reads as the loop below would read it (its
// cell set, `p` moved past the comma), 0 when that loop would refuse the row, -1
// when the field is not of this kind (the loop decides). The coefficient is
// worked out only for a column kept: the others are checked, not read.
int read_short_field(const char*& p, const char* e, Cell& cell, bool keep) noexcept {
  if (e - p < 16 || *p == 'N') return -1;
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
  if (commas == 0) return -1;
  const auto k = static_cast<unsigned>(__builtin_ctz(commas));
  if (k == 0) {
    cell.present = false;
    p += 1;
    return 1;
  }
  const unsigned field = (1u << k) - 1;
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  const __m128i nonzero = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0')), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  const auto digits = static_cast<unsigned>(_mm_movemask_epi8(digit)) & field;
  const auto points = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')))) & field;
  // Digits and at most one point, and a digit that is not zero (else the
  // coefficient is zero, or there is none): as the loop, at most 15 digits.
  if ((digits | points) != field || (points & (points - 1)) != 0 ||
      (static_cast<unsigned>(_mm_movemask_epi8(nonzero)) & field) == 0)
    return 0;
  if (keep) {
    std::uint64_t c = 0;
    for (unsigned j = 0; j < k; ++j)
      if (p[j] != '.') c = c * 10 + static_cast<unsigned>(p[j] - '0');
    cell = Cell{c, points == 0 ? 0 : static_cast<int>(k) - 1 - __builtin_ctz(points), true};
  } else {
    cell.present = true;
  }
  p += k + 1;
  return 1;
}
#endif

// The common row, read in one pass: a date of ten bytes, then exactly one field
// per column (digits with at most one point and at most 18 digits, non-zero;
// empty; or N/A), then the end or one trailing comma. False for anything else,
// which the careful path below reads again (and words the error of): a start-up
// of a v1 run on a million rows spent a tenth of its time reading this table.
// A column not kept (`keep[i]` 0) is checked the same way; its cell's
// coefficient is not worked out.
bool read_plain_row(std::string_view text, std::vector<Cell>& cells, const std::vector<char>& keep,
                    std::int32_t& day) noexcept {
  if (text.size() < 11 || text[10] != ',' || !finmetrics::detail::read_iso_day(text.substr(0, 10), day)) return false;
  const char* p = text.data() + 11;
  const char* const e = text.data() + text.size();
  const std::size_t columns = cells.size();
  for (std::size_t i = 0; i < columns; ++i) {
    Cell& cell = cells[i];
#ifdef __SSE2__
    if (i + 1 < columns) {
      const int read = read_short_field(p, e, cell, keep[i] != 0);
      if (read == 0) return false;
      if (read == 1) continue;
    }
#endif
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
  std::size_t rows_estimate = 1;  // line feeds, by memchr (std::count took a byte at a time)
  for (const char *p = text.data(), *e = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))) != nullptr; ++p)
    ++rows_estimate;
  // The columns whose fixings are kept (options.only); the others are read and
  // checked the same way, so a file is accepted or refused as with all columns.
  std::vector<char> keep(columns.size(), 1);
  if (!options.only.empty())
    for (std::size_t i = 0; i < columns.size(); ++i)
      keep[i] = std::find(options.only.begin(), options.only.end(), columns[i]) != options.only.end() ? 1 : 0;
  bool any_rate = false;  // in any column, kept or not
  // Each kept column has room for a fixing on every row, mapped as it fills, a
  // quarter of a megabyte at a time (prefault.hpp): all 41 kept (a v2 normalize
  // run), 14 MB of fixings took ~3,300 page faults, ~35 ms on the VM, and the
  // whole room mapped at once, 18 MB, was a quarter more (the rows a column
  // leaves empty, as the ECB's do before a currency's first fixing).
  std::vector<std::vector<Fixing>> series(columns.size());
  std::vector<std::size_t> mapped(columns.size(), 0);  // fixings of each column's room mapped
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (keep[i]) series[i].reserve(rows_estimate);
  // Called when column i has used its mapped room (a comparison a fixing; the
  // fixing itself is built in place by the caller's push_back).
  const auto map_more = [&](std::size_t i) {
    const std::vector<Fixing>& s = series[i];
    if (s.size() >= s.capacity()) return;
    constexpr std::size_t step = (std::size_t{256} << 10) / sizeof(Fixing);
    const std::size_t until = std::min(s.capacity(), mapped[i] + step);
    detail::prefault(s.data() + mapped[i], (until - mapped[i]) * sizeof(Fixing));
    mapped[i] = until;
  };
  std::vector<std::pair<date::sys_days, std::size_t>> row_dates;  // (date, line)
  row_dates.reserve(rows_estimate);

  std::string why;
  std::vector<Cell> cells(columns.size());
  while (lines.next_nonblank(line)) {
    if (std::int32_t day_number = 0; options.one_pass && read_plain_row(line.text, cells, keep, day_number)) {
      const date::sys_days day{date::days{day_number}};
      row_dates.emplace_back(day, line.number);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!cells[i].present) continue;
        any_rate = true;
        if (!keep[i]) continue;
        if (series[i].size() >= mapped[i]) map_more(i);
        series[i].push_back(Fixing{day, Decimal::from_parts(Decimal::Coefficient(cells[i].coefficient), -cells[i].fraction)});
      }
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
      any_rate = true;
      if (!keep[i]) continue;
      if (series[i].size() >= mapped[i]) map_more(i);
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
    if (series[i].empty()) continue;  // a column of N/A only, or one not kept
    table.add(FxSeries{eur, columns[i], options.source, Periodicity::daily, std::move(series[i])});
  }
  if (table.series().empty() && any_rate) {
    std::string kept;
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (keep[i]) kept += fmt::format("{}{}", kept.empty() ? "" : " ", column_names[i]);
    return unexpected(error_at(Errc::csv, name, 0, 0,
                               fmt::format("no fixings: the columns kept ({}) hold no rate", kept.empty() ? "none" : kept)));
  }
  return fx_detail::refuse_empty(std::move(table), text, name, "every rate is empty or N/A");
}

Result<FxTable> load_ecb_csv(const std::filesystem::path& file, const EcbOptions& options) {
  auto text = fx_detail::read_file(file);
  if (!text) return unexpected(text.error());
  return parse_ecb_csv(*text, file.string(), options);
}

}  // namespace finmetrics
