#pragma once
/// \file
/// Verbal figures: figures written in words (`nearly doubled`, `near fourfold`,
/// `more than double`, `unchanged`, `halved`, `double-digit`, `several
/// billion`), read into a set of values with documented, configurable
/// tolerances (`VerbalTolerances`, defaults in docs/checking.md).

#include <optional>
#include <string>
#include <string_view>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// Relative tolerances (fractions) of verbal multiples. Chosen from usage
/// (docs/checking.md, "Verbal figures"): a multiple said plainly is used for a
/// value close to it; "nearly" for a value clearly short of it; "unchanged" for
/// a change that rounds to none.
struct VerbalTolerances {
  /// `doubled`, `tripled`, `fourfold`, `halved`: m x [1 - t, 1 + t]. Default 0.05.
  Decimal multiple = Decimal::from_parts(5, -2);
  /// `nearly doubled`, `almost tripled`, `near fourfold`: [m x (1 - t), m), short
  /// of the multiple (for a fall, `nearly halved`: (m, m x (1 + t)]). Default 0.1.
  Decimal nearly = Decimal::from_parts(1, -1);
  /// `unchanged`, `flat`: 1 x [1 - t, 1 + t], a change of [-100t, +100t] %.
  /// Default 0.005 (half a percent: what rounding to whole percent hides).
  Decimal unchanged = Decimal::from_parts(5, -3);

  friend bool operator==(const VerbalTolerances&, const VerbalTolerances&) = default;
};

/// A verbal figure read.
struct VerbalFigure {
  Interval values;
  Unit unit;          ///< %, x, money (USD when the words say dollars) or a plain number
  std::string note;   ///< "verbal figure 'nearly doubled' read as [1.8, 2) x: ... (VerbalTolerances::nearly = 0.1)"
};

/// Reads `figure` as words. For a metric that names a change or growth rate
/// (`*_change`, `*_growth`) a multiple is given as a change in percent: `doubled`
/// is [90, 110] %, `unchanged` [-0.5, 0.5] %. Nullopt when the words are none of
/// those docs/checking.md lists. The words are `lexicon`'s: its hedges
/// (qualifiers.csv), multiples (numbers.csv; `multiple_verb`, `verbal_multiple` and
/// `verbal_times` cues, `fold`), `digit_rule`, `vague_magnitude` and `no_change` cues
/// and currency words (`several billion euros`).
[[nodiscard]] std::optional<VerbalFigure> read_verbal_figure(std::string_view figure, std::string_view metric,
                                                             const VerbalTolerances& tolerances = {},
                                                             const Lexicon& lexicon = Lexicon::builtin());

}  // namespace finmetrics
