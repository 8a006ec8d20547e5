#pragma once
/// \file
/// Long CSV files of series, one row per point:
/// `entity,metric,period,value,unit,currency,source`.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/series_set.hpp"
#include "finmetrics/time/parse_period.hpp"

namespace finmetrics {

/// How a long CSV file is read.
struct SeriesCsvOptions {
  /// What period names are read against: fiscal names (`FY2025 Q3`) need the
  /// reporter's calendar (`FiscalCalendar{date::March}` for a March year end).
  PeriodContext periods;
  /// Metrics beyond the well-known ones (`known_metric`): a metric's kind decides
  /// how it aggregates and converts, so an unknown name is an error, not a guess.
  std::vector<Metric> metrics;
};

/// Reads a long CSV file (RFC 4180, header required, columns in any order):
///
/// - `entity`, `metric`: the series the row belongs to (`SeriesId`);
/// - `period`: any name `parse_period` reads (`FY2025 Q3`, `2024Q4`, `2025-03-31`,
///   a day); every key becomes a `Period`;
/// - `value`: exact decimal text; empty, `NA`, `N/A` or `nan` is a missing value;
/// - `unit`: an optional scale (`mn`, `bn`, `million`, `亿`, ...) then what the
///   number is: nothing (money when `currency` is set, else a bare number),
///   `per share`, `per ADS`, `%`, `pp`, `bp`, `x`, or a count noun (`shares`);
/// - `currency`: an ISO 4217 code for money, empty otherwise;
/// - `source`: optional provenance, kept per point.
///
/// A series takes metric, unit and scale from its first row; later rows in another
/// scale are moved to it exactly (26.5 bn in a series of millions is 26500), and
/// rows in another currency or unit are an error. Rows may come in any order.
///
/// Errors name file, line, column and field ("facts.csv:4:31: value: '31,742' is
/// not a decimal number"): `csv` (header, field count, a key already on an
/// earlier line), `syntax`, `unknown_currency`, `currency_mismatch`, and the
/// period parser's codes.
[[nodiscard]] Result<SeriesSet> load_series_csv(const std::filesystem::path& file,
                                                const SeriesCsvOptions& options = {});

/// As `load_series_csv`, from text in memory; `name` stands for the file in messages.
[[nodiscard]] Result<SeriesSet> parse_series_csv(std::string_view text, std::string_view name = "<memory>",
                                                 const SeriesCsvOptions& options = {});

/// The set as a long CSV (header `entity,metric,period,value,unit,currency,source`,
/// LF line ends, series in set order, points by key): what `parse_series_csv`
/// reads back with the same period context.
[[nodiscard]] std::string write_series_csv(const SeriesSet& set);

/// Writes `write_series_csv(set)` to `file`; `Errc::io` when it cannot.
[[nodiscard]] tl::expected<void, Error> write_series_csv(const std::filesystem::path& file, const SeriesSet& set);

/// The `unit` column for a series: "mn", "bn per share", "%", "mn shares", "".
[[nodiscard]] std::string unit_column(const Unit& unit, Scale scale);

}  // namespace finmetrics
