#pragma once
/// \file
/// `IssuerProfile`: what varies by company, read from `data/<issuer>/issuer.json`:
/// its name and aliases, its fiscal calendar, its listings (symbol, exchange,
/// currency, ordinary or depositary, ADS ratio history, price files with their
/// adjustment dates), share counts, segments, and the files of the folder. The
/// format is in docs/checking.md ("Issuer profiles").

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"

namespace finmetrics {

/// A count on a day (ordinary shares outstanding, or ordinary shares per ADS).
struct DatedCount {
  Date date;
  Decimal value;
  bool exact = true;  ///< false when stated to a scale (`20.7` bn shares): a rounded figure
  std::string source;
};

/// Days of a price file that are left out, and why.
struct ExcludedDays {
  Date from;
  Date until;
  std::string why;
};

/// A daily price file of one listing (a vendor download, read by `load_market_csv`).
struct PriceFile {
  std::string path;  ///< as written: relative to the profile folder, or to the shared root when `shared`
  bool shared = false;
  std::optional<Date> from;             ///< rows before are not used
  std::optional<Date> until;            ///< rows after are not used
  std::optional<Date> adjusted_before;  ///< an ex-date: the file's rows before it are adjusted and left out
  std::vector<ExcludedDays> exclude;
  bool skip_zero_volume = false;  ///< half-day sessions whose one price is not the close
  std::string source;             ///< for reports; the path when empty
};

/// One listing of the issuer.
struct ListedSecurity {
  std::string symbol;    ///< as claims name it in their `listing` column
  std::string exchange;  ///< for people
  Currency currency;     ///< of its prices
  bool depositary = false;             ///< an ADS: its price is per ADS, `ads_ratio` ordinary shares each
  std::vector<DatedCount> ads_ratio;   ///< ordinary shares per ADS from each date on, sorted
  std::vector<PriceFile> prices;
};

/// A segment and the other names it goes by.
struct Segment {
  std::string name;
  std::vector<std::string> aliases;
};

/// An issuer, as data.
struct IssuerProfile {
  std::filesystem::path file;  ///< the issuer.json read
  std::string issuer;          ///< the entity name claims and financials.csv use
  std::vector<std::string> aliases;
  std::optional<FiscalCalendar> calendar;
  std::optional<Currency> reporting_currency;
  std::vector<Segment> segments;
  std::vector<ListedSecurity> listings;
  std::vector<DatedCount> shares_outstanding;  ///< sorted by date
  // The files of the folder, relative to it (defaults: financials.csv, market.csv, claims.csv).
  std::string financials = "financials.csv";
  std::string market = "market.csv";
  std::string claims = "claims.csv";
  std::optional<std::string> metrics;  ///< an extra metrics CSV (series/metric_vocabulary.hpp)

  /// The folder of `file`.
  [[nodiscard]] std::filesystem::path folder() const { return file.parent_path(); }
  /// Whether `entity` is the issuer or one of its aliases (exact, case-sensitive).
  [[nodiscard]] bool names(std::string_view entity) const;
};

/// Reads an issuer profile from JSON text; `file` names it in messages and
/// locates the paths in it. Unknown keys are errors (a typo is caught); each
/// error names the file and the JSON path: "issuer.json: listings[0].currency:
/// 'HK' is not an ISO 4217 code".
[[nodiscard]] Result<IssuerProfile> parse_issuer_profile(std::string_view json, const std::filesystem::path& file);
/// Reads `path`, an issuer.json file or a folder holding one (`Errc::io` when there is none).
[[nodiscard]] Result<IssuerProfile> load_issuer_profile(const std::filesystem::path& path);

}  // namespace finmetrics
