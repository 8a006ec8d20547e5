#pragma once
/// \file
/// `FxTable`: published fixings per currency pair, with look-ups by exact date, as
/// of a date, and averaged over a range; cross rates through a pivot currency.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fixing.hpp"
#include "finmetrics/fx/fx_rate.hpp"

namespace finmetrics {

/// All fixings of one pair from one source, sorted by date, one per date, each
/// as published: 1 `base` = `rate` `quote`.
struct FxSeries {
  Currency base;
  Currency quote;
  std::string source;  ///< "ECB", "FRED H.10", a file name
  Periodicity periodicity = Periodicity::unspecified;
  std::vector<Fixing> fixings;
};

/// What `FxTable::average` does with a range its fixings cover only in part.
enum class PartialCoverage {
  refuse,  ///< `Errc::no_rate`, naming the uncovered end (the default)
  mark,    ///< the mean of the covered days, with `FxAveraging::partial` set
};

/// How `FxTable::average` rounds its mean and when it accepts the range as covered.
struct FxAverageOptions {
  /// The mean is rounded once, to this many significant digits (1..38). Ten is
  /// five more than an ECB fixing carries: enough that the rounding never decides
  /// a comparison with a published average, few enough to read.
  int significant_digits = 10;
  Rounding rounding = Rounding::half_even;
  /// The range is covered when the first day in the mean is at most this many
  /// days after its start and the last at most this many before its end (the
  /// same limit `as_of` applies to a stock). nullopt: `typical_staleness` of the
  /// legs (7 days daily, 31 monthly, whose fixings are dated the 1st).
  std::optional<date::days> max_staleness;
  PartialCoverage partial = PartialCoverage::refuse;
};

/// A value type holding published fixings per currency pair; no global state.
///
/// Look-ups resolve a pair in this order: identity (base == quote), a series of
/// the pair as published, a series of the reverse pair (inverted, exactly), and,
/// when the table has a pivot (ECB: EUR, FRED: USD), a cross through the pivot:
/// base -> pivot -> quote, each leg from its own series (USD/CNY from EUR/USD and
/// EUR/CNY). Tables without a pivot give direct pairs and their inverses only.
///
/// Errors are values with `Errc::no_rate`; `input` is the pair asked for
/// ("USD/CNY") and the message names the leg and the dates.
class FxTable {
 public:
  FxTable() = default;
  /// An empty table that crosses through `pivot` when set.
  explicit FxTable(std::optional<Currency> pivot) : pivot_(pivot) {}

  /// The currency crosses go through (ECB: EUR, FRED H.10: USD), if any.
  [[nodiscard]] std::optional<Currency> pivot() const noexcept { return pivot_; }

  /// Adds a series. Throws `std::invalid_argument` when base == quote, when the
  /// table already holds the pair (either way round), or when the fixings are
  /// not strictly increasing in date or a rate is not positive: loaders check
  /// input and report errors as values before they get here.
  void add(FxSeries series);

  /// Every series, ordered by (base, quote).
  [[nodiscard]] std::span<const FxSeries> series() const noexcept { return series_; }
  /// The series of the pair as published, or null (no inversion).
  [[nodiscard]] const FxSeries* find(Currency base, Currency quote) const noexcept;
  /// The series of `currency` against the pivot, whichever way the source quotes
  /// it (ECB: EUR/CNY; FRED: USD/CNY, or GBP/USD for the H.10's USD-per-currency
  /// series); null without a pivot or series.
  [[nodiscard]] const FxSeries* against_pivot(Currency currency) const noexcept;
  /// The fixings of `against_pivot(currency)` sorted by date (empty without one):
  /// the bulk path, e.g. to precompute dense per-day tables. Check the series'
  /// base to know which way the rates go.
  [[nodiscard]] std::span<const Fixing> fixings(Currency currency) const noexcept;

  /// The rate published on `day` exactly (every leg on that day).
  [[nodiscard]] Result<FxRate> on(date::sys_days day, Currency base, Currency quote) const;

  /// The rate as of `day`: each leg from its own latest fixing on or before `day`,
  /// an error when that fixing is more than `max_staleness` days older than `day`.
  /// For a monthly series (FRED H.10) the fixing of a month is that month's
  /// average, dated the first: pass `date::days{31}` to reach it from any day of
  /// the month (see `typical_staleness`).
  [[nodiscard]] Result<FxRate> as_of(date::sys_days day, Currency base, Currency quote,
                                     date::days max_staleness = date::days{7}) const;

  /// The arithmetic mean of the pair's rates over `first`..`last` (both included):
  /// the rate of each day on which every leg is published (for a cross, the exact
  /// cross quotient of that day), summed exactly and divided by their count, then
  /// rounded once as `options` says. The mean of USD/CNY is not the reciprocal of
  /// the mean of CNY/USD: ask for the direction you need.
  ///
  /// A range the fixings cover only in part (the first day in the mean more than
  /// `options.max_staleness` after `first`, or the last more than that before
  /// `last`: a quarter of which the file holds 7 days) is refused with
  /// `Errc::no_rate`, or with `PartialCoverage::mark` averaged over the covered
  /// days and marked `FxAveraging::partial`.
  [[nodiscard]] Result<FxRate> average(Currency base, Currency quote, date::sys_days first, date::sys_days last,
                                       const FxAverageOptions& options = {}) const;

 private:
  std::optional<Currency> pivot_;
  std::vector<FxSeries> series_;
};

/// A staleness limit that bridges the gaps of a periodicity: 7 days for daily
/// (a weekend plus holidays such as Christmas to New Year's Day, or Easter),
/// 31 days for monthly, 7 for unspecified.
[[nodiscard]] constexpr date::days typical_staleness(Periodicity p) noexcept {
  return p == Periodicity::monthly ? date::days{31} : date::days{7};
}

}  // namespace finmetrics
