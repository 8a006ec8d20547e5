#pragma once
/// \file
/// A figure of normalize-v2 (`../shared/specs/normalize-v2.md`) as its output
/// columns say it: currency, the amount or a range's two ends in whole currency
/// units, the qualifier class and what the amount is per. Read by the library's
/// one figure grammar, `parse_figure`; this file only maps its result onto the
/// v2 columns and refuses what v2 does not call a money figure.

#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// The `qualifier` column: the hedge words grouped by meaning, or `range`.
enum class V2Qualifier { exact, about, nearly, more_than, at_least, less_than, at_most, range };

/// "exact", "about", "nearly", "more_than", "at_least", "less_than", "at_most", "range".
[[nodiscard]] std::string_view to_string(V2Qualifier q) noexcept;
/// The class of a parse_figure qualifier (`around`, `some`, `~` -> about; `over`,
/// `north of` -> more_than; ...). Inline: normalize asks it for every row.
/// The classes are the hedges' meanings (`hedge_of`), "just over" counted as more than.
[[nodiscard]] constexpr V2Qualifier v2_qualifier(Qualifier q) noexcept {
  switch (hedge_of(q)) {
    case Hedge::exact: return V2Qualifier::exact;
    case Hedge::approximate: return V2Qualifier::about;
    case Hedge::just_below: return V2Qualifier::nearly;
    case Hedge::just_above:
    case Hedge::above: return V2Qualifier::more_than;
    case Hedge::at_least: return V2Qualifier::at_least;
    case Hedge::below: return V2Qualifier::less_than;
    case Hedge::at_most: return V2Qualifier::at_most;
  }
  return V2Qualifier::exact;
}

struct V2Figure {
  Currency currency;
  Decimal low;                  ///< the amount, or a range's low end (scale applied, minor units divided)
  std::optional<Decimal> high;  ///< a range's high end
  V2Qualifier qualifier = V2Qualifier::exact;
  Per per = Per::whole;
  /// How the currency was decided: `explicit` (the figure's own marker), `option`
  /// (a bare `$`/`¥` read through `--dollar`/`--yen`) or `default` (a bare `$` read
  /// as USD because nothing said otherwise: never certain).
  CurrencySource currency_source = CurrencySource::explicit_;

  [[nodiscard]] bool is_range() const noexcept { return high.has_value(); }
};

/// Reads one figure cell. Errors: those of `parse_figure` (position and reason),
/// and `Errc::syntax` "not an amount of money" for a figure without a currency
/// (`5.3m`, `12%`).
[[nodiscard]] Result<V2Figure> read_v2_figure(std::string_view text, const ParseOptions& options);

/// Appends `d` as a plain decimal: no exponent, no trailing zeros after the point,
/// no point when whole (`81000000000`, `0.0577`, `-982000000`).
void append_plain(std::string& out, const Decimal& d);
/// The same for magnitude x 10^exponent, negated when `negative`.
void append_plain(std::string& out, detail::u128 magnitude, int exponent, bool negative);

}  // namespace finmetrics
