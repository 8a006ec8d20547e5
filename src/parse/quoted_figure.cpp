#include "finmetrics/parse/quoted_figure.hpp"

#include <algorithm>

namespace finmetrics {

namespace {

// Interval ends are exact when they fit a Decimal (38 digits). A figure stated to
// 37 or 38 digits can need one or two more; its ends are then rounded outward
// (`floor` for a lower end, `ceiling` for an upper one) at the finest quantum that
// fits, so the interval still contains every value the quote allows.
Decimal sum_outward(const Decimal& a, const Decimal& b, Rounding outward) {
  try {
    return a + b;
  } catch (const DecimalOverflow&) {
  }
  for (int q = std::min(a.exponent(), b.exponent()) + 1;; ++q) {
    try {
      return a.rescaled(q, outward) + b.rescaled(q, outward);
    } catch (const DecimalOverflow&) {
    }
  }
}

// |a| x b for a non-negative b, rounded up when it does not fit.
Decimal product_up(const Decimal& a, const Decimal& b) {
  try {
    return a * b;
  } catch (const DecimalOverflow&) {
  }
  for (int q = a.exponent() + 1;; ++q) {
    try {
      return a.rescaled(q, Rounding::ceiling) * b;
    } catch (const DecimalOverflow&) {
    }
  }
}

Decimal lower(const Decimal& v, const Decimal& d) { return sum_outward(v, -d, Rounding::floor); }
Decimal upper_end(const Decimal& v, const Decimal& d) { return sum_outward(v, d, Rounding::ceiling); }

// The values a stated figure stands for, from its last stated digit (the quantum
// 10^exponent of `v`). Rounding goes half away from zero, truncation towards zero,
// so both readings mirror for negative figures.
Interval precision_interval(const Decimal& v, Reading reading) {
  const int e = v.exponent();
  if (reading == Reading::rounded) {
    const Decimal half = Decimal::from_parts(5, e - 1);
    if (v.sign() > 0) return Interval::closed_open(lower(v, half), upper_end(v, half));
    if (v.sign() < 0) return Interval::open_closed(lower(v, half), upper_end(v, half));
    return Interval::open(-half, half);
  }
  const Decimal unit = Decimal::from_parts(1, e);
  if (v.sign() > 0) return Interval::closed_open(v, upper_end(v, unit));
  if (v.sign() < 0) return Interval::open_closed(lower(v, unit), v);
  return Interval::open(-unit, unit);
}

// v -+ |v| x tolerance, closed.
Interval tolerance_band(const Decimal& v, const Decimal& tolerance) {
  const Decimal d = product_up(v.abs(), tolerance);
  return Interval::closed(lower(v, d), upper_end(v, d));
}

// How far "nearly"/"just over" reach: the relative tolerance; when that is zero (a
// zero tolerance, or a zero figure) half the last stated digit, so that the set is
// never empty.
Decimal reach(const Decimal& v, const Decimal& tolerance) {
  Decimal r = product_up(v.abs(), tolerance);
  if (r.sign() <= 0) r = Decimal::from_parts(5, v.exponent() - 1);
  return r;
}

}  // namespace

std::string_view to_string(CurrencySource s) noexcept {
  switch (s) {
    case CurrencySource::none: return "";
    case CurrencySource::explicit_: return "explicit";
    case CurrencySource::document: return "document";
    case CurrencySource::option: return "option";
    case CurrencySource::default_: return "default";
  }
  return "?";
}

Interval QuotedFigure::rounding_interval() const {
  Interval out = precision_interval(value, Reading::rounded);
  if (upper) out = hull(out, precision_interval(*upper, Reading::rounded));
  return out;
}

Interval QuotedFigure::truncation_interval() const {
  Interval out = precision_interval(value, Reading::truncated);
  if (upper) out = hull(out, precision_interval(*upper, Reading::truncated));
  return out;
}

Interval QuotedFigure::interval(const HedgeTolerances& tol, Reading reading) const {
  const Decimal& low = value;
  const Decimal& high = upper ? *upper : value;
  switch (hedge_of(qualifier)) {
    case Hedge::exact: {
      Interval out = precision_interval(low, reading);
      if (upper) out = hull(out, precision_interval(high, reading));
      return out;
    }
    case Hedge::approximate: {
      Interval out = hull(precision_interval(low, reading), tolerance_band(low, tol.approximate));
      if (upper) {
        out = hull(out, hull(precision_interval(high, reading), tolerance_band(high, tol.approximate)));
      }
      return out;
    }
    case Hedge::just_below: return {Bound::closed(lower(low, reach(low, tol.just_below))), Bound::open(low)};
    case Hedge::just_above: return {Bound::open(high), Bound::closed(upper_end(high, reach(high, tol.just_above)))};
    case Hedge::above: return Interval::greater_than(low);
    case Hedge::at_least: return Interval::at_least(low);
    case Hedge::below: return Interval::less_than(high);
    case Hedge::at_most: return Interval::at_most(high);
  }
  return precision_interval(low, reading);
}

}  // namespace finmetrics
