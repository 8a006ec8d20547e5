#pragma once
/// \file
/// Daily market price files as data vendors write them: `Date` or `timestamp`,
/// OHLC columns in any order, optional volume, dividends, splits; dates with or
/// without a time and UTC offset; newest or oldest first; an optional ticker row.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// What a market file does not say about itself.
struct MarketCsvOptions {
  /// `{HKD, Per::share}`, `{USD, Per::ads, "ADSs"}`.
  explicit(false) MarketCsvOptions(Currency price_currency, Per price_per = Per::share,
                                   std::string volume_unit = "shares", std::optional<Date> last_day = std::nullopt)
      : currency(price_currency), per(price_per), volume_noun(std::move(volume_unit)), last_complete_day(last_day) {}

  Currency currency;          ///< currency of the prices (USD for a US listing, HKD for a Hong Kong one)
  Per per = Per::share;       ///< what a price is per (a depositary listing trades ADSs: `Per::ads`)
  std::string volume_noun = "shares";  ///< the unit of the volume column ("ADSs")
  /// Rows after this day are dropped: the partial last day of a file fetched
  /// during a session.
  std::optional<Date> last_complete_day;
};

/// One listing's daily history, oldest first; the series present in the file.
struct PriceHistory {
  std::string ticker;      ///< from a ticker row (e.g. "XYZ.HK"), empty without one
  std::string utc_offset;  ///< "+08:00" when the dates carry one, else empty
  DateSeries open, high, low, close, adj_close;  ///< empty when the file has no such column
  DateSeries volume;
  DateSeries dividends;
  DateSeries stock_splits;
};

/// Reads a daily price file. The header names the columns, case-insensitively:
/// `Date` or `timestamp` (required), `Open`, `High`, `Low`, `Close` (required),
/// `Adj Close`, `Volume`, `Dividends`, `Stock Splits`, in any order. A second row
/// whose date field is empty is a ticker row (yfinance's multi-index header) and
/// gives `ticker`; a row `Date,,,...` after it is skipped.
///
/// Dates are `YYYY-MM-DD`, optionally followed by ` HH:MM:SS` and a UTC offset
/// (`+08:00`): the date is the exchange's local trading day, as written (the
/// offset is recorded, not applied). Rows may be newest or oldest first; a
/// repeated date is an error. Numbers are read exactly as their decimal text:
/// `233.06358337402344` (a double's digits, as vendors print them) is kept with
/// all 17 digits, not rounded and not re-read as binary. An empty field, `nan` or
/// `null` is a missing value.
///
/// Price series have metric `open`, `high`, `low`, `close`, `adj_close` (stocks
/// of money per `options.per`), `volume` is a flow of `options.volume_noun`,
/// `dividends` a flow of money per unit, `stock_splits` a ratio.
///
/// Errors name file, line, column and field: "BABA.csv:3:27: close: '12x.5' is not
/// a decimal number" (`syntax`), `invalid_date`, `csv` (header, field count,
/// repeated date).
[[nodiscard]] Result<PriceHistory> load_market_csv(const std::filesystem::path& file,
                                                   const MarketCsvOptions& options);

/// As `load_market_csv`, from text in memory; `name` stands for the file in messages.
[[nodiscard]] Result<PriceHistory> parse_market_csv(std::string_view text, std::string_view name,
                                                    const MarketCsvOptions& options);

}  // namespace finmetrics
