#pragma once
/// \file
/// `CrossListingParity`: one company's price on two listings on the same day
/// (9988.HK in HKD per ordinary share, BABA in USD per ADS of 8 shares).

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/models/formula.hpp"

namespace finmetrics {

/// Default parity band, in percent either side of the implied ADS price. The two
/// markets close 12 to 13 hours apart, so the ADS close carries news the
/// ordinary share has not priced yet; 3% covers an ordinary day (2025-02-25:
/// -0.28%), not a day with a US-session move (2025-02-24: -7.6%).
[[nodiscard]] Decimal default_parity_tolerance_percent();

/// subject (ADS price) = ordinary x ratio x rate, within +-tolerance_percent:
/// the computed set is the implied ADS price times [1 - t/100, 1 + t/100].
/// `rate` is units of the ADS currency per unit of the ordinary share's currency
/// (USD per HKD, the `FxTable` pair HKD -> USD); `ratio` is ordinary shares per ADS.
/// Precondition: `tolerance_percent` is in [0, 100) (throws `std::invalid_argument`).
struct CrossListingParity {
  Operand ads;        ///< the ADS price (USD per ADS): what is judged
  Operand ordinary;   ///< the ordinary share price (HKD per share)
  Operand ratio;      ///< ordinary shares per ADS
  Operand rate;       ///< ADS currency per ordinary currency (USD per HKD)
  Decimal tolerance_percent = default_parity_tolerance_percent();

  /// "ordinary x ratio x rate x band", band = [1 - t/100, 1 + t/100].
  [[nodiscard]] Formula formula() const;
  /// `check_formula`, plus two lines after the operands: the implied ADS price
  /// without the band, and the parity gap (ads / implied - 1) x 100 from the
  /// strict readings.
  [[nodiscard]] Verdict evaluate() const;
};

}  // namespace finmetrics
