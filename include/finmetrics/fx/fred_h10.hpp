#pragma once
/// \file
/// Loader for the Federal Reserve H.10 monthly averages in the long layout
/// `Date,Country,Exchange rate` (as redistributed from FRED).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"

namespace finmetrics {

/// Which way the file states the five series the Fed publishes as US dollars per
/// currency (Australia, Euro, Ireland, New Zealand, United Kingdom).
enum class FredH10Orientation {
  /// Every row is currency per USD, those five included (already inverted by
  /// whoever built the long file). This is the layout of
  /// `../shared/data/fx/fred-h10-monthly.csv`: its Euro rows match the ECB's
  /// monthly mean of EUR per USD (0.9248 for 2025-03), not USD per EUR, and its
  /// values for the five carry the marks of a computed reciprocal (rounded to
  /// 4 decimals with trailing zeros dropped: "0.493").
  currency_per_usd,
  /// The five are USD per currency as the H.10 and FRED's EXUSEU, EXUSUK, EXUSAL,
  /// EXUSNZ, EXUSIR publish them; every other row is currency per USD.
  h10_published,
};

/// One country of the H.10 long file and the currency of its series.
struct FredH10Country {
  std::string_view country;  ///< as in the file: "China", "Euro", "United Kingdom"
  std::string_view code;     ///< ISO 4217 (or withdrawn: DEM, IEP); empty: skipped
  bool usd_per_currency;     ///< one of the five the H.10 publishes as USD per currency
};

/// The countries the loader knows. Venezuela is skipped (empty code): its series
/// runs on through the 2008, 2018 and 2021 redenominations without marking the
/// change of unit, so no one currency fits it.
[[nodiscard]] std::span<const FredH10Country> fred_h10_countries() noexcept;

/// How to read an H.10 long file.
struct FredH10Options {
  FredH10Orientation orientation = FredH10Orientation::currency_per_usd;
  std::string source = "FRED H.10";  ///< provenance name of every fixing
};

/// Reads the long layout into a table with pivot USD and one monthly series per
/// country: USD/XXX (currency per USD) or, with `h10_published`, XXX/USD for the
/// five, each kept exactly as written in the file.
///
/// Each value is the average of the month's daily noon buying rates in New York,
/// dated the first of the month: `as_of(2025-03-20, ...)` gives the March average
/// only with `max_staleness >= 19 days` (use `typical_staleness(Periodicity::monthly)`),
/// and it is an average, not the rate of that day. A value `.` or empty is a
/// month without a rate; CRLF line ends are accepted.
///
/// Errors name file, line, column and field: "h10.csv:2:19: Exchange rate: 'x' is not
/// a rate (expected digits with an optional decimal point, or '.')"; an unknown
/// country is `unknown_currency`.
[[nodiscard]] Result<FxTable> load_fred_h10_csv(const std::filesystem::path& file,
                                                const FredH10Options& options = {});

/// As `load_fred_h10_csv`, from text in memory; `name` stands for the file in messages.
[[nodiscard]] Result<FxTable> parse_fred_h10_csv(std::string_view text, std::string_view name = "<memory>",
                                                 const FredH10Options& options = {});

}  // namespace finmetrics
