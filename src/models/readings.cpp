#include "finmetrics/models/readings.hpp"

namespace finmetrics {

namespace {

// Strict reading of a parsed figure: the hedge at its word, the digits exact.
Interval strict_interval(const QuotedFigure& f, const HedgeTolerances& tol) {
  const Decimal& low = f.value;
  const Decimal& high = f.upper ? *f.upper : f.value;
  const auto band = [](const Decimal& v, const Decimal& t) {
    const Decimal d = v.abs() * t;
    return Interval::closed(v - d, v + d);
  };
  switch (hedge_of(f.qualifier)) {
    case Hedge::exact: return Interval::closed(low, high);
    case Hedge::approximate: return f.upper ? hull(band(low, tol.approximate), band(high, tol.approximate))
                                            : band(low, tol.approximate);
    default: return f.interval(tol);  // one-sided and nearly/just over: no rounding in them
  }
}

// `strict` widened by `precision`, but never past a bound the hedge states: a
// bound from below keeps strict's lower end, a bound from above its upper end.
// "nearly 70%" and "just over 60%" are approximations, not thresholds: their
// digits may be rounded like any figure's (70.07% is "nearly 70%" by rounding).
Interval widened(const Interval& strict, const Interval& precision, Hedge h) {
  const Interval w = hull(strict, precision);
  switch (h) {
    case Hedge::above:
    case Hedge::at_least: return Interval(strict.lower(), w.upper());
    case Hedge::below:
    case Hedge::at_most: return Interval(w.lower(), strict.upper());
    case Hedge::just_above:
    case Hedge::just_below:
    case Hedge::exact:
    case Hedge::approximate: return w;
  }
  return w;
}

}  // namespace

Readings Readings::stated(const Decimal& v) {
  QuotedFigure f;
  f.value = v;
  return Readings{Interval::point(v), f.rounding_interval(), f.truncation_interval()};
}

Readings readings_of(const QuotedFigure& f, const HedgeTolerances& tol) {
  const Interval strict = strict_interval(f, tol);
  const Hedge h = hedge_of(f.qualifier);
  return Readings{strict, widened(strict, f.rounding_interval(), h), widened(strict, f.truncation_interval(), h)};
}

Readings threshold_readings(const QuotedFigure& f) {
  QuotedFigure bare = f;
  bare.qualifier = Qualifier::none;
  return readings_of(bare, HedgeTolerances{});
}

std::optional<RangeEnds> range_ends(const QuotedFigure& f, const HedgeTolerances& tol) {
  if (!f.upper) return std::nullopt;
  QuotedFigure low = f;
  low.upper.reset();
  QuotedFigure high = low;
  high.value = *f.upper;
  return RangeEnds{readings_of(low, tol), readings_of(high, tol)};
}

}  // namespace finmetrics
