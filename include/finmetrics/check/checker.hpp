#pragma once
/// \file
/// `check_claims`: finds the relations among claims (stated in their `relation`
/// column, then found from entity, metric and period) and between claims and the
/// reference data, evaluates each, and gives every claim a verdict.

#include <cstddef>
#include <string>
#include <vector>

#include <date/date.h>

#include "finmetrics/check/finding.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/claims/claim.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/models/magnitude.hpp"
#include "finmetrics/models/parity.hpp"
#include "finmetrics/models/verdict.hpp"

namespace finmetrics {

/// A claim's overall verdict.
struct ClaimOutcome {
  std::string id;
  VerdictKind kind = VerdictKind::unverifiable;
  std::vector<std::size_t> findings;  ///< indexes into `CheckResult::findings` that decided it
  std::string reason;                 ///< one line: the decisive comparison, or what is missing
};

/// Everything `check_claims` found.
struct CheckResult {
  std::string claims_source;
  std::vector<std::string> data_files;
  std::string fx_source;
  std::vector<Finding> findings;
  std::vector<ClaimOutcome> claims;  ///< one per claim, in claim order
  std::vector<Error> row_errors;     ///< from the claims file

  [[nodiscard]] std::size_t count(VerdictKind kind) const;
  [[nodiscard]] bool any_inconsistent() const { return count(VerdictKind::inconsistent) > 0; }
};

/// Options of the checker.
struct CheckOptions {
  /// Oldest usable price or FX fixing, in days before the day asked for.
  date::days max_staleness{7};
  /// Band of the cross-listing parity check, in percent either side of the ADS
  /// price implied by the ordinary share (models/parity.hpp).
  Decimal parity_tolerance_percent = default_parity_tolerance_percent();
  /// Band around a reference FX rate used for a conversion the document states
  /// without its rate, in percent either side: issuers convert at their own rates
  /// (noon buying, period end, period average). 3 by default: the spread measured
  /// between those rates (docs/fx-policy.md, docs/checking.md "FX rates").
  Decimal fx_tolerance_percent = Decimal::from_integer(3);
  /// Factor of `magnitude_of` and `daily_of`: a figure this many times too large or
  /// too small against its reference is inconsistent (10, an order of magnitude).
  Decimal magnitude_factor = default_magnitude_factor();
  /// The words that make a quote a projection (`projection` cues: could, will, may,
  /// expected, ...) or measure a move from the top (`peak_from` then `peak` cues: "from
  /// its peak", "off the high"): data/lexicon/cues.csv. Null: `Lexicon::builtin()`.
  const Lexicon* lexicon = nullptr;
};

/// Checks every claim of `claims` against each other and against `data`; see
/// docs/checking.md for the relations, the verdict rule and how a claim's verdict
/// follows from its findings.
[[nodiscard]] CheckResult check_claims(const ClaimSet& claims, const ReferenceData& data, const CheckOptions& options = {});

}  // namespace finmetrics
