#pragma once
/// \file
/// `Claim`: one quoted figure about one thing, as an analyst records it in a
/// claims CSV; `ClaimSet` and its loader (`parse_claims_csv`, `load_claims_csv`).
/// The CSV layout is in docs/checking.md and data/alibaba/README.md.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "finmetrics/claims/claim_figure.hpp"
#include "finmetrics/claims/claim_period.hpp"
#include "finmetrics/claims/verbal_figure.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"

namespace finmetrics {

/// How a claim is tied to others (the `relation` column, `kind:id[/id]`).
enum class RelationKind {
  growth_of,    ///< this rate is the growth of amount X (prior: a `prior_of:X` claim or the data)
  prior_of,     ///< this amount is the comparison base of X
  converts,     ///< this is X in another currency
  same_as,      ///< the same fact as X
  change_of,    ///< the market-value change that goes with price move X
  margin_of,    ///< this margin is X over the matching revenue (or X/Y)
  ratio_of,     ///< this figure is X/Y, or X over a base from the data
  multiple_of,  ///< this value is multiple X times a metric (Y when given)
  per,          ///< a sensitivity per unit of X (not checkable)
  to,           ///< a price move that ends at price X
  compare,      ///< the same quantity at another date (each is checked on its own)
  sum_of,         ///< this = X + Y + ... (`sum_of:A1+A2+A3`)
  difference_of,  ///< this = X - Y - ... (`difference_of:A1-A2`)
  product_of,     ///< this = X x Y x ... (`product_of:A1*A2`: price x shares, per share x shares)
  at_most,        ///< this <= X, or <= X x Y x ... (`at_most:A3`, `at_most:A3*A4`)
  at_least,       ///< this >= X, or >= X x Y x ... (`at_least:A4`)
  magnitude_of,   ///< this is of the order of magnitude of X (x Y ...), within a factor of 10
  daily_of,       ///< this daily figure is of the order of X over the days of X's period
  compound_of,    ///< this growth rate compounds X, Y, ... (`compound_of:A1/A2`)
  cagr_of,        ///< this is the average annual growth from Y to X (`cagr_of:X/Y`)
  restated,       ///< this figure restates X: another basis, never paired with X automatically
};

/// "growth_of", "prior_of", ...
[[nodiscard]] std::string_view to_string(RelationKind kind) noexcept;
/// The kind named `name`, nullopt when unknown.
[[nodiscard]] std::optional<RelationKind> relation_kind_from(std::string_view name) noexcept;

/// The character between the target ids of a relation of `kind`: '+' for
/// `sum_of`, '-' for `difference_of`, '*' for `product_of`, `at_most`,
/// `at_least` and `magnitude_of`, '/' for the others. (`difference_of` also
/// accepts '/', for ids that hold a '-'.)
[[nodiscard]] char relation_separator(RelationKind kind) noexcept;

/// A relation as stated: kind and target claim ids.
struct ClaimRelation {
  RelationKind kind = RelationKind::same_as;
  std::vector<std::string> targets;
  [[nodiscard]] std::string to_string() const;  ///< "margin_of:A42/A41", "sum_of:A1+A2+A3"
  friend bool operator==(const ClaimRelation&, const ClaimRelation&) = default;
};

/// One quoted figure about one thing.
struct Claim {
  std::size_t line = 0;    ///< 1-based line of the row in its file
  std::string id;          ///< "A18"
  std::string document;    ///< the source document
  std::string quote;       ///< verbatim
  std::string entity;      ///< "Acme"
  std::string listing;     ///< a ticker ("XYZ", "XYZ.HK") or empty
  std::string segment;     ///< "Cloud Intelligence Group" or empty for the group
  std::string metric;      ///< "revenue", "price_change", ... (docs/checking.md)
  std::optional<ClaimPeriod> period;  ///< nullopt when the row gives none
  std::optional<Date> as_of;          ///< the article date or the observation date
  std::optional<ClaimRelation> relation;
  std::string notes;
  /// The basis of the figure (the optional `basis` column: `restated`,
  /// `pro forma`, `continuing operations`, ...). Claims on different bases, or
  /// tied by `restated:`, are never paired as the same figure.
  std::string basis;
  ClaimFigure figure;      ///< the figure as written and what it allows
  /// Problems that do not stop the claim from being checked ("figure 'x' is not
  /// in the quote").
  std::vector<std::string> warnings;

  /// "Acme/Cloud", or the entity alone without a segment.
  [[nodiscard]] std::string subject() const { return segment.empty() ? entity : entity + "/" + segment; }
};

/// The claims read from one file, and the rows that could not be read.
struct ClaimSet {
  std::string source;               ///< file name (or the name given to `parse_claims_csv`)
  std::vector<Claim> claims;        ///< in file order
  std::vector<Error> row_errors;    ///< one per bad row: `line` set, `message` says why
  /// The claim with this id, or null: O(1) through an index that
  /// `parse_claims_csv` builds (a scan for claims added by hand after it; call
  /// `reindex()` to index them).
  [[nodiscard]] const Claim* find(std::string_view id) const noexcept;
  /// Rebuilds the id index from `claims`.
  void reindex();

 private:
  std::unordered_map<std::string, std::size_t> index_;
};

/// What the claims file does not say.
struct ClaimsOptions {
  /// The fiscal calendar of `FY` periods (the issuer profile's, `ReferenceData::calendar`);
  /// without one a fiscal period is a row error.
  std::optional<FiscalCalendar> calendar;
  /// How figures are read (currency context, hedge tolerances).
  ParseOptions figures;
  /// How verbal multiples read ("nearly doubled", "unchanged"): docs/checking.md.
  VerbalTolerances verbal;
};

/// The header the loader requires, in this order.
inline constexpr std::string_view claims_csv_header =
    "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes";
/// The same with the optional thirteenth column `basis`.
inline constexpr std::string_view claims_csv_header_with_basis =
    "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes,basis";

/// Reads a claims CSV (RFC 4180, UTF-8, optional BOM, LF or CRLF).
///
/// A wrong header is an error (`Errc::csv`, the whole file is refused). Every
/// other problem is a row error, and the other rows are still loaded: a broken
/// record, a field count other than 12, an empty or repeated id, an empty quote,
/// figure or metric, a metric that is not a snake_case name, an invalid `as_of`,
/// a period that does not read, a relation that is not `kind:id[/id]` with a known
/// kind, or whose target is not a claim of the file (that row is kept without
/// its relation). Blank lines are skipped. Each error names the line and, in
/// `input`, the field that was read.
[[nodiscard]] Result<ClaimSet> parse_claims_csv(std::string_view text, std::string_view name = "<memory>",
                                                const ClaimsOptions& options = {});

/// As `parse_claims_csv`, from a file; `Errc::io` when it cannot be read.
[[nodiscard]] Result<ClaimSet> load_claims_csv(const std::filesystem::path& file, const ClaimsOptions& options = {});

}  // namespace finmetrics
