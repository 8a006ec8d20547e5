#pragma once
/// \file
/// `ClaimFigure`: a claim's figure as written (`Rmb81bn`, `nearly 60%`,
/// `triple-digit`) read into `Readings`, with what the surrounding quote adds
/// (`exceeding $858 billion`, `down 80 per cent`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/models/readings.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

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

  [[nodiscard]] bool has_value() const noexcept { return readings.has_value(); }
};

/// Reads a claim's figure.
///
/// 1. `parse_figure(figure)`. When the figure has no qualifier of its own and the
///    quote puts one of `exceeding`, `exceeded`, `surpassed`, `surpassing`,
///    `topped`, `beyond` right before it (optionally with `the` between), the figure
///    is read as `more than <figure>`.
/// 2. Otherwise the verbal figures of docs/checking.md: `single digit(s)`
///    [0, 10) %, `double-digit` [10, 100) %, `triple-digit` [100, 1000) %,
///    `doubled`/`doubling` about 2x, `nearly doubled` [1.9, 2) x, `tripled` about
///    3x, `half` about 0.5x, `less than half` (-inf, 0.5) x, `more than half`
///    (0.5, +inf) x, `billions` / `several billion` / `multibillion` [1bn, 1000bn)
///    and [2bn, 10bn) (USD when the figure says dollars). Verbal figures have no
///    digits to round: their three readings are the same set.
/// 3. When `metric` names a change or a growth rate (`*_change`, `*_growth`) and
///    the quote says the value fell (`down`, `fell`, `dropped`, `declined`, `lost`,
///    `plunged`, `slumped`, `tumbled`, `wiped`, `shed`, ...), a positive figure is
///    negated.
///
/// Never fails: a figure that is no number gives `readings == nullopt` and the
/// reason in `problem`.
[[nodiscard]] ClaimFigure read_claim_figure(std::string_view figure, std::string_view quote, std::string_view metric,
                                            const ParseOptions& options = {});

}  // namespace finmetrics
