#pragma once
/// \file
/// `QuotedFigure`: one figure as read from text (`Rmb81bn`, `nearly 60%`,
/// `$3bn-$4bn`), with the set of true values it allows.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// Byte offsets `[begin, end)` into the text that was parsed.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  [[nodiscard]] std::size_t size() const noexcept { return end - begin; }
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

/// How the last stated digit of a figure was obtained.
enum class Reading {
  rounded,    ///< to nearest: 81bn is [80.5bn, 81.5bn)
  truncated,  ///< digits cut off: 81bn is [81bn, 82bn)
};

/// How the currency of a money figure was decided (JSON/CSV `currency_source`).
enum class CurrencySource {
  none,       ///< not money
  explicit_,  ///< its own marker names the currency (`HK$`, `USD`, `yuan`, `US4.5cps`)
  document,   ///< a bare `$`/`¥` resolved by an explicit marker of its family elsewhere in the
              ///< document (set by the extractor, never by `parse_figure`)
  option,     ///< a bare `$`/`¥`/`cents` resolved by `ParseOptions::currency` as the caller set it
  default_,   ///< a bare `$`/`dollars`/`cents` read as the family's default (USD): never certain
};

/// "", "explicit", "document", "option", "default".
[[nodiscard]] std::string_view to_string(CurrencySource s) noexcept;

/// One quoted figure. For a range (`$3bn-$4bn`, `between 5 and 7 per cent`)
/// `value`, `number` and `scale` describe the lower end and `upper` is set.
struct QuotedFigure {
  std::string text;  ///< the figure as written (without surrounding white space)
  TextSpan span;     ///< where `text` is in the parsed input
  /// The exact value, scale applied, stated to the precision written: `Rmb81bn`
  /// is 81 x 10^9 (exponent 9), `26.549bn` is 26549 x 10^6 (exponent 6).
  Decimal value;
  Decimal number;            ///< the number as written, without scale: 26.549
  Scale scale = scales::units;  ///< the scale as written (`bn` and `billion` are the same scale)
  Unit unit;                 ///< CNY, "USD per share", %, pp, bp, x, a count
  Qualifier qualifier = Qualifier::none;
  std::optional<Decimal> upper;  ///< the upper end of a range, scale applied
  HedgeTolerances tolerances;    ///< from `ParseOptions`, used by `interval()`
  /// For money: how the currency was decided, and the evidence: the marker as
  /// written (`HK$`, `$`, `cents`, `US`+`cps`) and where it is in the parsed input
  /// (the lower end's marker for a range), and the marker's family in the
  /// lexicon (`dollar`, `yen`, or "" for none).
  CurrencySource currency_source = CurrencySource::none;
  std::string currency_marker;
  TextSpan currency_span;
  std::string currency_family;
  /// The hedge as written (`in the region of`), empty without one.
  TextSpan qualifier_span;
  /// What the text states the figure is worth in other currencies, in brackets
  /// after it (`Rmb81bn ($11bn)`): read as written, each with its own span in the
  /// parsed input; never part of the figure's own value or interval. Set by
  /// `parse_figure` (the extractor reads such a pair as two linked figures).
  std::vector<QuotedFigure> equivalents;

  [[nodiscard]] bool is_range() const noexcept { return upper.has_value(); }

  /// The values that round to the figure (the hull of both ends for a range):
  /// 81bn -> [80500000000, 81500000000); ties go away from zero, so -81 is
  /// (-81.5, -80.5]. The qualifier is ignored.
  [[nodiscard]] Interval rounding_interval() const;
  /// The alternative reading, digits cut off towards zero: 81bn -> [81bn, 82bn),
  /// -81 -> (-82, -81]. The qualifier is ignored.
  [[nodiscard]] Interval truncation_interval() const;

  /// The values the quote allows: the precision interval (as `reading` says)
  /// combined with the qualifier and `tolerances` as docs/figures.md describes.
  [[nodiscard]] Interval interval(const HedgeTolerances& tolerances, Reading reading = Reading::rounded) const;
  /// `interval(this->tolerances)`.
  [[nodiscard]] Interval interval() const { return interval(tolerances); }
};

}  // namespace finmetrics
