#pragma once
/// \file
/// `Qualifier`: the hedge words in front of a quoted figure ("about", "more than",
/// "nearly"), what each means for the values allowed, and its tolerances.

#include <string_view>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/parse/detail/default_tolerance.hpp"

namespace finmetrics {

/// The hedge a figure was quoted with, as written (several words share a meaning;
/// `hedge_of` groups them).
enum class Qualifier {
  none,           ///< no hedge: the figure as rounded
  about,          ///< "about"
  around,         ///< "around"
  roughly,        ///< "roughly"
  approximately,  ///< "approximately", "approx.", "~"
  some,           ///< "some"
  circa,          ///< "circa", "c."
  close_to,       ///< "close to"
  nearly,         ///< "nearly"
  almost,         ///< "almost"
  just_under,     ///< "just under", "just below"
  just_over,      ///< "just over", "just above"
  more_than,      ///< "more than"
  over,           ///< "over"
  north_of,       ///< "north of"
  above,          ///< "above"
  in_excess_of,   ///< "in excess of"
  upwards_of,     ///< "upwards of"
  at_least,       ///< "at least"
  no_less_than,   ///< "no less than"
  less_than,      ///< "less than"
  fewer_than,     ///< "fewer than"
  under,          ///< "under"
  below,          ///< "below"
  up_to,          ///< "up to"
  at_most,        ///< "at most"
  no_more_than,   ///< "no more than"
};

/// What a qualifier says about the true value v of a figure quoted as q.
enum class Hedge {
  exact,        ///< v rounds to q
  approximate,  ///< v is within a relative tolerance of q (either side)
  just_below,   ///< v is a little below q
  just_above,   ///< v is a little above q
  above,        ///< v > q
  at_least,     ///< v >= q
  below,        ///< v < q
  at_most,      ///< v <= q
};

/// The meaning of a qualifier (`more_than`, `over`, `north_of`, ... -> `above`).
/// Inline: normalize asks it for every row (`v2_qualifier`).
[[nodiscard]] constexpr Hedge hedge_of(Qualifier q) noexcept {
  switch (q) {
    case Qualifier::none: return Hedge::exact;
    case Qualifier::about:
    case Qualifier::around:
    case Qualifier::roughly:
    case Qualifier::approximately:
    case Qualifier::some:
    case Qualifier::circa:
    case Qualifier::close_to: return Hedge::approximate;
    case Qualifier::nearly:
    case Qualifier::almost:
    case Qualifier::just_under: return Hedge::just_below;
    case Qualifier::just_over: return Hedge::just_above;
    case Qualifier::more_than:
    case Qualifier::over:
    case Qualifier::north_of:
    case Qualifier::above:
    case Qualifier::in_excess_of:
    case Qualifier::upwards_of: return Hedge::above;
    case Qualifier::at_least:
    case Qualifier::no_less_than: return Hedge::at_least;
    case Qualifier::less_than:
    case Qualifier::fewer_than:
    case Qualifier::under:
    case Qualifier::below: return Hedge::below;
    case Qualifier::up_to:
    case Qualifier::at_most:
    case Qualifier::no_more_than: return Hedge::at_most;
  }
  return Hedge::exact;
}

/// The canonical words: "", "about", "more than", "no more than", ...
[[nodiscard]] std::string_view to_string(Qualifier q) noexcept;
/// "exact", "approximate", "just_below", "just_above", "above", "at_least", "below", "at_most".
[[nodiscard]] std::string_view to_string(Hedge h) noexcept;

/// Relative tolerances (fractions: 0.05 is 5%) that turn hedges into intervals.
/// The defaults (0.05 each, stated to hundredths) are documented in
/// docs/figures.md; callers may set their own.
struct HedgeTolerances {
  /// "about", "around", "roughly", "approximately", "some", "circa", "close to":
  /// q x (1 -+ approximate).
  Decimal approximate = detail::five_percent();
  /// "nearly", "almost", "just under": down to q x (1 - just_below).
  Decimal just_below = detail::five_percent();
  /// "just over": up to q x (1 + just_above).
  Decimal just_above = detail::five_percent();

  friend bool operator==(const HedgeTolerances&, const HedgeTolerances&) = default;
};

}  // namespace finmetrics
