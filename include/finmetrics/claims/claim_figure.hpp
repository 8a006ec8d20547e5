#pragma once
/// \file
/// `ClaimFigure`: a claim's figure as written (`Rmb81bn`, `nearly 60%`,
/// `triple-digit`) read into `Readings`, with what the surrounding quote adds
/// (`exceeding $858 billion`, `down 80 per cent`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/claims/verbal_figure.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/models/readings.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// An exchange rate a document states (`USD1 to RMB6.7335`): the readings are
/// units of `to` per unit of `from`.
struct StatedRate {
  Currency from;
  Currency to;
  friend bool operator==(const StatedRate&, const StatedRate&) = default;
};

/// A claim's figure and the values it allows.
struct ClaimFigure {
  std::string text;                    ///< as written in the claim's `figure` field
  std::optional<QuotedFigure> quoted;  ///< set when `parse_figure` read it (possibly with a qualifier from the quote)
  Unit unit;                           ///< money, %, pp, multiple, count
  std::optional<Readings> readings;    ///< nullopt when the figure states no number (`accelerated growth`)
  /// How the quote changed the reading, and verbal figures, one line each:
  /// "qualifier 'exceeding' from the quote: more than", "'down' in the quote: negative".
  std::vector<std::string> notes;
  /// Why there is no value (when `readings` is nullopt).
  std::string problem;
  /// For a hedged bound (`more than`, `topped`, `nearly`, ...): the readings of the
  /// stated number alone (`threshold_readings`). A translation in brackets in the
  /// same quote converts this number.
  std::optional<Readings> threshold;
  /// For a range: each end read on its own (checks end to end).
  std::optional<RangeEnds> ends;
  /// For a stated exchange rate (`USD1 to RMB6.7335`, `($1 = 6.5864 yuan)`).
  std::optional<StatedRate> rate;

  [[nodiscard]] bool has_value() const noexcept { return readings.has_value(); }
};

/// Reads a claim's figure.
///
/// 1. A stated exchange rate (`USD1 to RMB6.7335`, `$1 = 6.5864 yuan`, `1 USD =
///    7.25 CNY`; with ` to ` or ` per ` only when `metric` is `fx_rate`): `rate`
///    is set, the readings are the rate's digits read as a figure.
/// 2. An amount per N shares (`RMB3.40 per 10 shares`, `HK$1.2 for every 10
///    shares`): the amount divided by N, per share.
/// 3. `parse_figure(figure)`. When the figure has no qualifier of its own and the
///    quote puts one of `exceeding`, `exceeded`, `surpassed`, `surpassing`,
///    `topped`, `beyond` right before it (optionally with `the` between), the figure
///    is read as `more than <figure>`. A hedged bound keeps its `threshold`; a
///    range its `ends`.
/// 4. Otherwise a verbal figure (`read_verbal_figure`, with `verbal`).
/// 5. When `metric` names a change or a growth rate (`*_change`, `*_growth`) and
///    the quote has a word the lexicon's direction cues read as a fall (`down`,
///    `fell`, `retreat`, `declining`, `decrease`, `dropped`, `lost`, `wiped`, ...;
///    `options.lexicon`, else `Lexicon::builtin()`), a positive figure is negated.
///
/// Every tolerance used is named in `notes`. Never fails: a figure that is no
/// number (or beyond the decimal range) gives `readings == nullopt` and the
/// reason in `problem`.
[[nodiscard]] ClaimFigure read_claim_figure(std::string_view figure, std::string_view quote, std::string_view metric,
                                            const ParseOptions& options = {}, const VerbalTolerances& verbal = {});

}  // namespace finmetrics
