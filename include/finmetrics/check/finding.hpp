#pragma once
/// \file
/// `Finding`: one evaluated relation among claims or between a claim and the
/// reference data, and `FindingKind`, what kind of relation it is.

#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/models/verdict.hpp"

namespace finmetrics {

/// What a finding checked. The first group mirrors the `relation` column
/// (`RelationKind`); the rest are found by the checker.
enum class FindingKind : unsigned char {
  // stated in a claim's relation column
  same_as,      ///< the same fact as another claim (converted across currencies)
  converts,     ///< another claim in a second currency
  growth_of,    ///< a growth rate of another claim's amount
  prior_of,     ///< the base of a move: "up/down from"
  margin_of,    ///< a margin of a profit claim over revenue
  ratio_of,     ///< a ratio of two claims, or of a claim and the data
  multiple_of,  ///< a valuation at a multiple
  change_of,    ///< the market-value change of a price move
  to,           ///< a price move that ends at a quoted price
  sum_of,         ///< a sum of other claims
  difference_of,  ///< a difference of other claims
  product_of,     ///< a product of other claims
  at_most,        ///< at most another claim (or a product of claims)
  at_least,       ///< at least another claim (or a product of claims)
  magnitude_of,   ///< of the order of magnitude of another claim
  daily_of,       ///< a daily figure of the order of another over its days
  compound_of,    ///< a growth rate compounding others
  cagr_of,        ///< an average annual growth rate between two amounts
  // found automatically among the claims
  same_figure,  ///< two claims of the same entity, metric and period
  growth,       ///< a growth rate with an amount of its base metric
  margin,       ///< a margin with a profit and a revenue claim
  parity,       ///< cross-listing parity (between claims, or against a close: supporting)
  // against the reference data
  reported,           ///< a claim against financials.csv
  price_change,       ///< a price move against the price history
  market_cap,         ///< price x shares [/ ADS ratio] [x FX]
  market_cap_change,  ///< the change of that over a window
  share_price,        ///< a price against the recorded prices
};

/// "same_as", "converts", ..., "share_price": the names reports print.
[[nodiscard]] std::string_view to_string(FindingKind kind) noexcept;

/// One evaluated relation.
struct Finding {
  std::string id;       ///< "F1", in order of evaluation
  FindingKind kind = FindingKind::same_as;
  std::string title;    ///< one line for people
  std::string subject;  ///< the claim the relation is about
  std::vector<std::string> claims;  ///< every claim involved, subject first
  bool stated = false;  ///< from the claim's `relation` column (else found automatically)
  /// Evidence only: listed in the report, never part of a claim's verdict (the
  /// `parity` data check of a share price against the other listing's close).
  bool supporting = false;
  Verdict verdict;
};

}  // namespace finmetrics
