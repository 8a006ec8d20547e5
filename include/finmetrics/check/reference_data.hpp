#pragma once
/// \file
/// `ReferenceData`: what claims are checked against: FX fixings, the listings'
/// prices, share counts and ADS ratios, reported financial figures, the issuer's
/// profile (name, aliases, fiscal calendar) and the metric vocabulary, each datum
/// with its source. Loaded from an issuer folder (`issuer.json`, `market.csv`,
/// `financials.csv`), the price files its profile names and an FX file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "finmetrics/check/issuer_profile.hpp"
#include "finmetrics/claims/claim_period.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/series/metric_vocabulary.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// One recorded price of a listing.
struct PriceObservation {
  Date date;
  std::string field;  ///< "close", "high", "low", "open"
  Decimal value;
  std::string source;
};

/// A listing and its recorded prices.
struct Listing {
  std::string symbol;    ///< as claims name it
  Currency currency;     ///< of its prices
  Per per = Per::share;  ///< `Per::ads` for a depositary listing
  std::vector<PriceObservation> prices;  ///< sorted by date, then field; one per (date, field)

  /// The close of `day`, or null.
  [[nodiscard]] const PriceObservation* close_on(Date day) const;
  /// The latest close strictly before `day` and at most `max_staleness` days before it.
  [[nodiscard]] const PriceObservation* close_before(Date day, date::days max_staleness) const;
  /// The latest close on or before `day` and at most `max_staleness` days before it.
  [[nodiscard]] const PriceObservation* close_on_or_before(Date day, date::days max_staleness) const;
  /// Every observation (any field) from `first` to `last`, both included.
  [[nodiscard]] std::vector<const PriceObservation*> between(Date first, Date last) const;
};

/// One row of financials.csv.
struct ReportedFigure {
  std::size_t line = 0;
  std::string entity;  ///< "Co" or "Co/<segment>"
  std::string metric;  ///< "revenue", "revenue_yoy_growth", ...
  ClaimPeriod period;
  std::string value_text;  ///< "26.5"
  std::string unit_text;   ///< "bn", "%", "mn shares"
  Decimal value;           ///< scale applied, stated precision kept: 26.5 bn is 265 x 10^8
  Unit unit;               ///< money (with currency), percent, count, number
  std::string source;
  std::string status;
};

/// Everything the checker may use; a value, passed explicitly.
struct ReferenceData {
  /// The entity whose listings and figures these are: the profile's issuer, else
  /// the first group-level entity of financials.csv; empty when neither says.
  std::string issuer;
  std::optional<IssuerProfile> profile;
  /// The fiscal calendar periods were read with (from the profile or the caller);
  /// none: only calendar periods.
  std::optional<FiscalCalendar> calendar;
  MetricVocabulary metrics = default_metric_vocabulary();
  FxTable fx;
  std::string fx_source;  ///< "data/x/market.csv (ECB fixings, typed in)" or the FX file
  std::vector<Listing> listings;
  std::vector<DatedCount> shares;      ///< ordinary shares outstanding, sorted by date
  std::vector<DatedCount> ads_ratios;  ///< ordinary shares per ADS, sorted by date
  std::vector<ReportedFigure> financials;
  std::vector<std::string> files;     ///< what was read, for reports
  std::vector<std::string> warnings;  ///< what was not read and why (no shared root, ...)

  /// Whether `entity` names the issuer (its name or an alias of its profile).
  [[nodiscard]] bool is_issuer(std::string_view entity) const;
  [[nodiscard]] const Listing* listing(std::string_view symbol) const;
  /// The latest share count on or before `day`, or null.
  [[nodiscard]] const DatedCount* shares_on(Date day) const;
  /// The latest ADS ratio on or before `day`, else the earliest one (an ADS ratio
  /// changes rarely; the caller says so), or null when there is none.
  [[nodiscard]] const DatedCount* ads_ratio_on(Date day) const;
  /// The reported figure of `entity` and `metric` over the same days as `period`, or null.
  [[nodiscard]] const ReportedFigure* reported(std::string_view entity, std::string_view metric,
                                               const ClaimPeriod& period) const;
  /// Builds the index `reported` uses; the loaders call it (call it again after
  /// changing `financials` by hand).
  void index_financials();

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> reported_index_;  // entity \x1f metric -> rows
};

/// Where to read from.
struct ReferenceSources {
  /// An issuer folder: `issuer.json` (optional), `market.csv` and/or `financials.csv`
  /// (layouts in docs/checking.md).
  std::filesystem::path data_dir;
  /// The shared data root: the profile's `"shared"` price files are read under it
  /// (under `DIR/data` when that exists), and its `fx/ecb-eurofxref-hist.csv`
  /// replaces the fixings of market.csv. Every file the profile names must exist.
  std::optional<std::filesystem::path> shared_dir;
  /// An FX file (ECB wide, FRED H.10 or long CSV, `load_fx_file`): replaces every
  /// other FX source.
  std::optional<std::filesystem::path> fx_file;
  /// The fiscal calendar when the profile gives none (`--fiscal-year-end`); a
  /// profile that gives another is an error.
  std::optional<FiscalCalendar> calendar;
};

/// Reads the reference data. Errors (`io`, `csv`, `syntax`, `invalid_date`) name
/// the file and line (the JSON path for issuer.json). A data directory with none
/// of issuer.json, market.csv and financials.csv is an `io` error; so is a file
/// the profile names that is missing. Conflicting duplicate facts (one price,
/// count or reported figure with two values) are `csv` errors naming both lines.
[[nodiscard]] Result<ReferenceData> load_reference_data(const ReferenceSources& sources);

/// As `load_reference_data` for the two files given as text (tests); FY periods
/// in financials.csv need `calendar`.
[[nodiscard]] Result<ReferenceData> parse_reference_data(std::string_view market_csv, std::string_view financials_csv,
                                                         const std::optional<FiscalCalendar>& calendar = std::nullopt);

}  // namespace finmetrics
