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

}  // namespace

Readings Readings::stated(const Decimal& v) {
  QuotedFigure f;
  f.value = v;
  return Readings{Interval::point(v), f.rounding_interval(), f.truncation_interval()};
}

Readings readings_of(const QuotedFigure& f, const HedgeTolerances& tol) {
  const Interval strict = strict_interval(f, tol);
  return Readings{strict, hull(strict, f.rounding_interval()), hull(strict, f.truncation_interval())};
}

}  // namespace finmetrics
