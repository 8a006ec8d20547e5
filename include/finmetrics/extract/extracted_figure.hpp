#pragma once
/// \file
/// `ExtractedFigure`: one figure found in free text (an article), with where it
/// is, how it reads (`QuotedFigure`, or the interval of a word form such as
/// `triple-digit growth`) and the best reading of its context.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// What a figure measures, from its unit.
enum class FigureKind {
  money,              ///< an amount of a currency: `Rmb81bn`, `$858 billion`, `billions of dollars`
  per_share,          ///< money per share or per ADS: `HK$140.9`, `140.9 HKD per share`
  unit_price,         ///< money per unit of a good: `$84.94/bbl`, `$2,300 a tonne` (unit `USD per barrel`)
  percent,            ///< `nearly 60%`, `66 per cent`, `triple-digit growth`
  percentage_points,  ///< `2 percentage point`, `25bp` (basis points are read here too)
  multiple,           ///< `6.5 times`, `10x`, `doubled`, `less than half`
  count,              ///< `1.1bn netizens`, `250 million devices`, `90,000`
  number,             ///< a scaled number without unit: `30B`, `hundreds of billions`
  record,             ///< an extreme over a horizon: `three-year high`, `record lows` (no value)
};

/// "money", "per_share", "unit_price", "percent", "percentage_points", "multiple", "count", "number", "record".
[[nodiscard]] std::string_view to_string(FigureKind k) noexcept;

// `CurrencySource` (explicit, document, option, default) is parse/quoted_figure.hpp's.

/// The explicit marker elsewhere in the text that resolved a bare `$` or `¥`:
/// the figure that carries it and where.
struct CurrencyEvidence {
  std::string marker;  ///< the figure as written: `HK$1.2bn`
  TextSpan span;       ///< its bytes in the text
  Currency currency;   ///< what it names
  friend bool operator==(const CurrencyEvidence&, const CurrencyEvidence&) = default;
};

/// How the text itself says it writes numbers, for a figure whose value depended on
/// it: without a locale of the caller's, `RMB5.790` may be 5.79 or 5790 (a dot
/// grouping thousands); a text that writes decimal dots elsewhere (`167.2`,
/// `36.0%`) and never a decimal comma is read the English way, and each figure so
/// read carries the number that showed it. Never set when the caller gave a locale.
struct NumberLocaleEvidence {
  std::string locale;  ///< the locale read from the text: "en"
  std::string number;  ///< the first number that writes a decimal dot: `167.2`
  TextSpan span;       ///< its bytes in the text
  friend bool operator==(const NumberLocaleEvidence&, const NumberLocaleEvidence&) = default;
};

/// One reading of the context (an entity, a metric, a period, a direction):
/// `value` is empty when unknown, `confidence` a heuristic score in [0, 1]
/// (0 when unknown), `evidence` the words it was read from.
///
/// The score is a `double`: it ranks guesses and is never used in arithmetic on
/// figures.
struct ContextGuess {
  std::string value;
  double confidence = 0.0;
  std::string evidence;

  [[nodiscard]] bool known() const noexcept { return !value.empty(); }
  friend bool operator==(const ContextGuess&, const ContextGuess&) = default;
};

/// The best reading of what a figure is about, from its sentence and the article date.
struct FigureContext {
  ContextGuess entity;     ///< a company named in the text ("Acme", "Acme Bank", ...)
  ContextGuess segment;    ///< "Cloud Intelligence Group", ... (for an issuer passed in with its segments)
  ContextGuess metric;     ///< the claims vocabulary: "revenue", "capex", "price_change", ...
  ContextGuess period;     ///< a period name or `first..last` window, as in the claims files of data/
  ContextGuess direction;  ///< "up" or "down"
  /// Set when the amount is a loss (`an operating loss of $210 million`: `metric` is
  /// then its loss form, `operating_loss`): the metric it is a loss of, of which the
  /// amount is the negative (`operating_income`). The draft claims write that metric
  /// and the figure negated, so that `check` compares it with reported data.
  std::string loss_of;
};

/// A figure found in text.
struct ExtractedFigure {
  TextSpan span;      ///< byte offsets of `text` in the article
  std::string text;   ///< as written, hedge words included: `north of $34 billion`
  FigureKind kind = FigureKind::number;
  Unit unit;          ///< CNY, "HKD per share", %, pp, x, a count noun, or none
  Qualifier qualifier = Qualifier::none;
  /// The parsed figure (value, scale, unit, qualifier, range), for figures written
  /// with digits and for exact word forms (`doubled` is 2x, `less than half` is below 0.5x).
  /// Empty for vague word forms (`billions of dollars`) and records.
  std::optional<QuotedFigure> quoted;
  /// The values the figure allows: `quoted->interval()`, or the range of a vague
  /// word form (`triple-digit` is [100, 1000) percent). Empty for records.
  std::optional<Interval> interval;
  bool word_form = false;              ///< written in words, not digits
  /// A verb that hedges the figure like "more than" (`exceeding`, `surpassed`),
  /// the start of `text`; the qualifier is then `more_than`. Empty otherwise.
  std::string hedge_verb;
  std::optional<std::size_t> linked;   ///< index of the other figure of a pair `Rmb81bn ($11bn)`
  /// How the currency was decided (money and per-share figures), and for
  /// `document` the marker that decided it.
  CurrencySource currency_source = CurrencySource::none;
  std::optional<CurrencyEvidence> currency_evidence;
  /// Set when the figure's value depended on how the text writes numbers (no
  /// locale given): the figure alone is ambiguous (`RMB5.790`), the text decided it.
  std::optional<NumberLocaleEvidence> number_locale;
  TextSpan sentence;                   ///< the sentence that holds the figure (at most 800 bytes around it)
  std::string before;                  ///< up to six words before the figure, same line
  std::string after;                   ///< up to six words after the figure, same line
  FigureContext context;
};

}  // namespace finmetrics
