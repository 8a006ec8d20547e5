#include "finmetrics/series/market_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/series/detail/basic_metric.hpp"
#include "finmetrics/series/detail/csv_rows.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/detail/text.hpp"

namespace finmetrics {

using series_detail::error_at;

namespace {

constexpr std::string_view known_columns =
    "Date or timestamp, Open, High, Low, Close, Adj Close, Volume, Dividends, Stock Splits";

enum Field : std::size_t { open, high, low, close, adj_close, volume, dividends, stock_splits, field_count };
constexpr std::array<std::string_view, field_count> field_names{"open",   "high",      "low",      "close",
                                                                "adj close", "volume", "dividends", "stock splits"};
constexpr std::array<std::string_view, field_count> metric_names{"open",   "high",      "low",      "close",
                                                                 "adj_close", "volume", "dividends", "stock_splits"};

bool digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// `YYYY-MM-DD[ HH:MM:SS][+HH:MM|-HH:MM|Z]`: the date, and the offset as written.
/// On failure, the message and the offset in the field where reading stopped.
struct Stamp {
  Date date;
  std::string_view offset;
};
tl::expected<Stamp, std::pair<std::string, std::size_t>> read_stamp(std::string_view field) {
  auto d = parse_date(field.substr(0, 10));
  if (!d) {
    const std::size_t pos = d.error().position == Error::npos ? 0 : d.error().position;
    return tl::unexpected(std::pair{d.error().message, pos});
  }
  std::string_view rest = field.substr(std::min<std::size_t>(10, field.size()));
  const auto bad = [&](std::size_t at) {
    return tl::unexpected(std::pair{
        fmt::format("'{}' is not a date (expected YYYY-MM-DD, optionally ' HH:MM:SS' and '+HH:MM')", quote_for_message(field)), at});
  };
  Stamp s{*d, {}};
  if (rest.empty()) return s;
  if (rest.size() < 9 || rest[0] != ' ' || !digits(rest.substr(1, 2)) || rest[3] != ':' || !digits(rest.substr(4, 2)) ||
      rest[6] != ':' || !digits(rest.substr(7, 2)))
    return bad(10);
  rest.remove_prefix(9);
  if (rest.empty()) return s;
  if (rest == "Z" || (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest.substr(1, 2)) &&
                      rest[3] == ':' && digits(rest.substr(4, 2)))) {
    s.offset = rest;
    return s;
  }
  return bad(19);
}

struct RawRow {
  Date date;
  std::size_t line;
  std::size_t date_column;
  std::array<std::optional<Decimal>, field_count> values;
};

}  // namespace

Result<PriceHistory> parse_market_csv(std::string_view text, std::string_view name, const MarketCsvOptions& options) {
  series_detail::CsvRows rows(text, name);
  auto more = rows.next();
  if (!more) return unexpected(more.error());
  if (!*more) return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no header line (columns: {})", known_columns)));

  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t date_column = none;
  std::array<std::size_t, field_count> columns;
  columns.fill(none);
  const std::size_t header_fields = rows.fields().size();
  for (std::size_t i = 0; i < header_fields; ++i) {
    const std::string h = detail::ascii_lower(detail::trim_blanks(rows.fields()[i]));
    std::size_t* slot = nullptr;
    if (h == "date" || h == "timestamp") slot = &date_column;
    for (std::size_t k = 0; k < field_count; ++k) {
      if (h == field_names[k]) slot = &columns[k];
    }
    if (slot == nullptr)
      return unexpected(error_at(Errc::csv, name, rows.line(), rows.column(i),
                                 fmt::format("header: unknown column '{}' (known: {})", quote_for_message(rows.fields()[i]), known_columns),
                                 rows.fields()[i]));
    if (*slot != none)
      return unexpected(error_at(Errc::csv, name, rows.line(), rows.column(i),
                                 fmt::format("header: column '{}' appears twice", quote_for_message(rows.fields()[i])), rows.fields()[i]));
    *slot = i;
  }
  if (date_column == none)
    return unexpected(error_at(Errc::csv, name, rows.line(), 0,
                               fmt::format("header: no 'Date' or 'timestamp' column (columns: {})", known_columns),
                               rows.record()));
  if (columns[close] == none)
    return unexpected(
        error_at(Errc::csv, name, rows.line(), 0, fmt::format("header: no 'Close' column (columns: {})", known_columns),
                 rows.record()));

  PriceHistory history;
  std::vector<RawRow> raw;
  raw.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  while (true) {
    more = rows.next();
    if (!more) return unexpected(more.error());
    if (!*more) break;
    const auto& f = rows.fields();
    const std::size_t line = rows.line();
    if (f.size() != header_fields)
      return unexpected(error_at(Errc::csv, name, line, 0,
                                 fmt::format("expected {} fields as in the header, read {}", header_fields, f.size()),
                                 rows.record()));
    const std::string_view date_text = detail::trim_blanks(f[date_column]);
    if (raw.empty() && (date_text.empty() || detail::ascii_lower(date_text) == "date")) {
      // yfinance's multi-index header: a ticker row (",9988.HK,9988.HK,..."),
      // sometimes followed by "Date,,,,,".
      if (date_text.empty()) {
        for (std::size_t i = 0; i < f.size(); ++i) {
          if (i == date_column) continue;
          const std::string_view t = detail::trim_blanks(f[i]);
          if (history.ticker.empty()) history.ticker = std::string(t);
          if (t.empty() || t != history.ticker)
            return unexpected(error_at(Errc::csv, name, line, rows.column(i),
                                       fmt::format("ticker row: expected '{}' in every column, read '{}'",
                                                   history.ticker, quote_for_message(t)),
                                       f[i]));
        }
      }
      continue;
    }
    auto stamp = read_stamp(date_text);
    if (!stamp)
      return unexpected(error_at(Errc::invalid_date, name, line, rows.column(date_column) + stamp.error().second,
                                 fmt::format("date: {}", stamp.error().first),
                                 f[date_column]));
    if (history.utc_offset.empty()) history.utc_offset = std::string(stamp->offset);
    if (options.last_complete_day && *options.last_complete_day < stamp->date) continue;
    RawRow row{stamp->date, line, rows.column(date_column), {}};
    for (std::size_t k = 0; k < field_count; ++k) {
      if (columns[k] == none) continue;
      const std::string_view v = f[columns[k]];
      if (series_detail::is_missing_text(v)) continue;
      auto d = Decimal::parse(detail::trim_blanks(v));
      if (!d)
        return unexpected(error_at(Errc::syntax, name, line, rows.column(columns[k]),
                                   fmt::format("{}: '{}' is not a decimal number", metric_names[k], quote_for_message(v)), v));
      row.values[k] = *std::move(d);
    }
    raw.push_back(std::move(row));
  }

  // Vendors write newest first or oldest first; anything else is sorted.
  const auto by_date = [](const RawRow& a, const RawRow& b) { return a.date < b.date; };
  if (raw.size() > 1 && raw.front().date > raw.back().date) std::reverse(raw.begin(), raw.end());
  if (!std::is_sorted(raw.begin(), raw.end(), by_date)) std::stable_sort(raw.begin(), raw.end(), by_date);
  for (std::size_t i = 1; i < raw.size(); ++i) {
    if (raw[i].date == raw[i - 1].date) {
      const RawRow& later = raw[i - 1].line < raw[i].line ? raw[i] : raw[i - 1];
      return unexpected(error_at(Errc::csv, name, later.line, later.date_column,
                                 fmt::format("date: {} is already on line {}", raw[i].date,
                                             std::min(raw[i - 1].line, raw[i].line))));
    }
  }

  const Unit price_unit = Unit::money(options.currency, options.per);
  const std::array<DateSeries*, field_count> targets{&history.open,      &history.high,   &history.low,
                                                    &history.close,     &history.adj_close, &history.volume,
                                                    &history.dividends, &history.stock_splits};
  for (std::size_t k = 0; k < field_count; ++k) {
    if (columns[k] == none) continue;
    Metric metric = series_detail::basic_metric(std::string(metric_names[k]), MetricKind::stock, Dimension::money, options.per);
    Unit unit = price_unit;
    if (k == volume) {
      metric = series_detail::basic_metric("volume", MetricKind::flow, Dimension::count, Per::whole);
      unit = Unit::count_of(options.volume_noun);
    } else if (k == dividends) {
      metric.kind = MetricKind::flow;
    } else if (k == stock_splits) {
      metric = series_detail::basic_metric("stock_splits", MetricKind::ratio, Dimension::number, Per::whole);
      unit = Unit::of(Dimension::number);
    }
    DateSeries s(std::move(metric), std::move(unit));
    s.reserve(raw.size());
    for (RawRow& r : raw) s.append(r.date, std::move(r.values[k]));
    *targets[k] = std::move(s);
  }
  return history;
}

Result<PriceHistory> load_market_csv(const std::filesystem::path& file, const MarketCsvOptions& options) {
  auto text = series_detail::read_file(file);
  if (!text) return unexpected(text.error());
  return parse_market_csv(*text, file.string(), options);
}

}  // namespace finmetrics
