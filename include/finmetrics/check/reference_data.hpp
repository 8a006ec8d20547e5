#pragma once
/// \file
/// `ReferenceData`: what claims are checked against: FX fixings, the listings'
/// prices, share counts and the ADS ratio, and reported financial figures, each
/// with its source. Loaded from a data directory (`market.csv`,
/// `financials.csv`), optionally with the full histories of `../shared/data`.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/claims/claim_period.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/fx/fx_table.hpp"
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
  std::string symbol;  ///< "BABA", "9988.HK"
  Currency currency;   ///< of its prices
  Per per = Per::share;  ///< `Per::ads` when the data gives it an ADS ratio
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

/// A count on a day (ordinary shares outstanding, or ordinary shares per ADS).
struct DatedCount {
  Date date;
  Decimal value;
  bool exact = true;  ///< false when stated to a scale (`20.7` bn shares): a rounded figure
  std::string source;
};

/// One row of financials.csv.
struct ReportedFigure {
  std::size_t line = 0;
  std::string entity;  ///< "Alibaba", "Alibaba/Cloud Intelligence Group"
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
  std::string issuer = "Alibaba";  ///< the entity whose listings these are
  FxTable fx;
  std::string fx_source;  ///< "data/alibaba/market.csv (ECB fixings)" or the ECB file
  std::vector<Listing> listings;
  std::vector<DatedCount> shares;      ///< ordinary shares outstanding, sorted by date
  std::vector<DatedCount> ads_ratios;  ///< ordinary shares per ADS, sorted by date
  std::vector<ReportedFigure> financials;
  std::vector<std::string> files;  ///< what was read, for reports

  [[nodiscard]] const Listing* listing(std::string_view symbol) const;
  /// The latest share count on or before `day`, or null.
  [[nodiscard]] const DatedCount* shares_on(Date day) const;
  /// The latest ADS ratio on or before `day`, else the earliest one (an ADS ratio
  /// changes rarely; the caller says so), or null when there is none.
  [[nodiscard]] const DatedCount* ads_ratio_on(Date day) const;
  /// Reported figures of `entity` and `metric` over the same days as `period`.
  [[nodiscard]] const ReportedFigure* reported(std::string_view entity, std::string_view metric,
                                               const ClaimPeriod& period) const;
};

/// Where to read from.
struct ReferenceSources {
  /// Holds `market.csv` and/or `financials.csv` (headers as in data/alibaba/README.md).
  std::filesystem::path data_dir;
  /// `../shared` (or its `data/` folder): when set and present, the ECB history
  /// replaces the fixings of market.csv and the raw daily price files of BABA and
  /// 9988.HK are added (market.csv rows win on the same day and field).
  std::optional<std::filesystem::path> shared_dir;
  FiscalCalendar calendar = FiscalCalendar::alibaba();
};

/// Reads the reference data. Errors (`io`, `csv`, `syntax`, `invalid_date`) name
/// the file and line. A data directory without market.csv and financials.csv is
/// an `io` error.
[[nodiscard]] Result<ReferenceData> load_reference_data(const ReferenceSources& sources);

/// As `load_reference_data` for the two bundled files given as text (tests).
[[nodiscard]] Result<ReferenceData> parse_reference_data(std::string_view market_csv, std::string_view financials_csv,
                                                         const FiscalCalendar& calendar = FiscalCalendar::alibaba());

}  // namespace finmetrics
