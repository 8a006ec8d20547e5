#pragma once
/// \file
/// `Readings`: the three sets of values a quoted figure can be read as, which the
/// checker compares in turn (docs/checking.md, "Verdicts").

#include <optional>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics {

/// What a figure allows, read three ways.
///
/// - `strict`: the words taken at face value and the digits as exact: `66%` is
///   {66}, `nearly 60%` is [57, 60), `more than $100bn` is (100bn, +inf),
///   `about 13%` is the tolerance band [12.35, 13.65].
/// - `rounded`: the strict set widened by the rounding interval of the last stated
///   digit (XBRL Calculations 1.1): `66%` is [65.5, 66.5), `nearly 70%` is
///   [66.5, 70.5), `more than $100bn` is [99.5bn, +inf).
/// - `truncated`: the strict set widened by the truncation interval (digits cut
///   off, as statcheck allows): `66%` is [66, 67).
///
/// For exact reference data (a published price or fixing) all three are the point.
struct Readings {
  Interval strict;
  Interval rounded;
  Interval truncated;

  /// The same set three times.
  [[nodiscard]] static Readings exact(const Interval& i) { return Readings{i, i, i}; }
  /// `{v}` three times.
  [[nodiscard]] static Readings point(const Decimal& v) { return exact(Interval::point(v)); }
  /// A figure known to the precision it was written with: {v}, its rounding
  /// interval, its truncation interval (`26.5` bn: {26.5bn}, [26.45bn, 26.55bn),
  /// [26.5bn, 26.6bn)).
  [[nodiscard]] static Readings stated(const Decimal& v);

  /// `{-x}` in every reading.
  [[nodiscard]] Readings negated() const { return Readings{-strict, -rounded, -truncated}; }

  friend bool operator==(const Readings&, const Readings&) = default;
};

/// The two ends of a range figure (`HK$1.7bn-HK$2.3bn`), each read on its own.
/// When a claim and the operands of its relation are ranges of the same quantity
/// (`HK$4.00-5.50` x 318.5m shares against `HK$1.7bn-HK$2.3bn`), the relation is
/// checked end to end: low with low, high with high (`check_formula`).
struct RangeEnds {
  Readings low;
  Readings high;
  friend bool operator==(const RangeEnds&, const RangeEnds&) = default;
};

/// The readings of a parsed figure: strict (hedge at its word, digits exact),
/// rounded (hull with `rounding_interval()`), truncated (hull with
/// `truncation_interval()`). Tolerances from `tolerances`.
///
/// A bound is never widened past itself: for a one-sided hedge (more than, at
/// least, less than, at most) the rounding and truncation intervals of the
/// digits do not reach past the bound. `more than $14 billion` is (14bn, +inf)
/// in all three readings, never 13.5bn. `nearly` and `just over` are
/// approximations, not thresholds: their rounded reading keeps the rounding of
/// the digits (`nearly 70%` is [66.5, 70.5) rounded).
[[nodiscard]] Readings readings_of(const QuotedFigure& figure, const HedgeTolerances& tolerances);

/// The readings of the number a hedged figure states, without its hedge
/// (`Readings::stated` of the value; for a range, the hull of both ends): the
/// threshold of `more than RMB87.8bn` is {87.8bn}, rounded [87.75bn, 87.85bn).
/// A translation in brackets converts this number, not the unknown true value.
[[nodiscard]] Readings threshold_readings(const QuotedFigure& figure);

/// The ends of a range figure, each read like a figure of its own with the
/// range's hedge; nullopt for a single figure.
[[nodiscard]] std::optional<RangeEnds> range_ends(const QuotedFigure& figure, const HedgeTolerances& tolerances);

}  // namespace finmetrics
