#include "finmetrics/decimal/interval.hpp"

#include <array>
#include <ostream>
#include <stdexcept>
#include <utility>

namespace finmetrics {

namespace {

// Lower ends ordered by how much they admit: unbounded first, then by value,
// a closed end before an open one at the same value. -1, 0, 1.
int compare_lower(const Bound& a, const Bound& b) {
  if (!a.is_bounded() || !b.is_bounded()) return (a.is_bounded() ? 1 : 0) - (b.is_bounded() ? 1 : 0);
  if (const int c = Decimal::compare(a.value, b.value); c != 0) return c;
  return (a.is_open() ? 1 : 0) - (b.is_open() ? 1 : 0);
}

// Upper ends ordered by value: an open end before a closed one at the same value,
// unbounded last.
int compare_upper(const Bound& a, const Bound& b) {
  if (!a.is_bounded() || !b.is_bounded()) return (a.is_bounded() ? 0 : 1) - (b.is_bounded() ? 0 : 1);
  if (const int c = Decimal::compare(a.value, b.value); c != 0) return c;
  return (a.is_closed() ? 1 : 0) - (b.is_closed() ? 1 : 0);
}

bool describes_empty_set(const Bound& lower, const Bound& upper) {
  if (!lower.is_bounded() || !upper.is_bounded()) return false;
  const int c = Decimal::compare(lower.value, upper.value);
  return c > 0 || (c == 0 && !(lower.is_closed() && upper.is_closed()));
}

Bound normalised(Bound b) {
  if (!b.is_bounded()) b.value = Decimal{};
  return b;
}

// An end on the extended real line, for products and quotients: `inf` is -1 or +1
// for an infinite end (then `value` is unused), 0 for a finite one.
struct End {
  int inf = 0;
  Decimal value;
  bool closed = false;
};

End lower_end(const Interval& i) {
  return i.lower().is_bounded() ? End{0, i.lower().value, i.lower().is_closed()} : End{-1, {}, false};
}
End upper_end(const Interval& i) {
  return i.upper().is_bounded() ? End{0, i.upper().value, i.upper().is_closed()} : End{1, {}, false};
}

int compare_ends(const End& a, const End& b) {
  if (a.inf != 0 || b.inf != 0) return a.inf == b.inf ? 0 : (a.inf < b.inf ? -1 : 1);
  return Decimal::compare(a.value, b.value);
}

End infinite(int sign) { return End{sign, {}, false}; }
End finite(const Decimal& v, bool closed) { return End{0, v, closed}; }

// A zero end that is reached (closed) makes every product through it reach zero.
bool is_reached_zero(const End& e) { return e.inf == 0 && e.closed && e.value.is_zero(); }

End product(const End& a, const End& b) {
  if (a.inf == 0 && b.inf == 0) {
    return finite(a.value * b.value, (a.closed && b.closed) || is_reached_zero(a) || is_reached_zero(b));
  }
  if (a.inf != 0 && b.inf != 0) return infinite(a.inf * b.inf);
  const End& f = a.inf == 0 ? a : b;
  const End& i = a.inf == 0 ? b : a;
  // 0 x inf stands for the limit of x*y with x -> 0: zero itself when the zero is
  // reached; the infinite side of the product comes from the other corners.
  if (f.value.is_zero()) return finite(Decimal{}, f.closed);
  return infinite(i.inf * f.value.sign());
}

// The least (or greatest) of the corner candidates; among equal values a closed
// one wins, because some pair of members reaches it.
template <std::size_t N>
End extreme(const std::array<End, N>& c, bool least) {
  End best = c[0];
  for (std::size_t k = 1; k < N; ++k) {
    const int cmp = compare_ends(c[k], best);
    if ((least && cmp < 0) || (!least && cmp > 0)) {
      best = c[k];
    } else if (cmp == 0) {
      best.closed = best.closed || c[k].closed;
    }
  }
  return best;
}

Interval from_ends(const End& lo, const End& hi) {
  if (lo.inf > 0 || hi.inf < 0) throw std::logic_error("interval arithmetic produced an infinite bound on the wrong side");
  const Bound lower = lo.inf < 0 ? Bound::unbounded() : (lo.closed ? Bound::closed(lo.value) : Bound::open(lo.value));
  const Bound upper = hi.inf > 0 ? Bound::unbounded() : (hi.closed ? Bound::closed(hi.value) : Bound::open(hi.value));
  return Interval(lower, upper);
}

std::string bound_text(const Bound& b) { return b.value.trimmed().to_string(); }

}  // namespace

Interval::Interval(Bound lower, Bound upper) : lower_(normalised(std::move(lower))), upper_(normalised(std::move(upper))) {
  if (describes_empty_set(lower_, upper_)) {
    throw std::invalid_argument("empty interval: lower end " + bound_text(lower_) + " is not below upper end " +
                                bound_text(upper_));
  }
}

Interval Interval::closed(const Decimal& a, const Decimal& b) { return {Bound::closed(a), Bound::closed(b)}; }
Interval Interval::open(const Decimal& a, const Decimal& b) { return {Bound::open(a), Bound::open(b)}; }
Interval Interval::closed_open(const Decimal& a, const Decimal& b) { return {Bound::closed(a), Bound::open(b)}; }
Interval Interval::open_closed(const Decimal& a, const Decimal& b) { return {Bound::open(a), Bound::closed(b)}; }
Interval Interval::point(const Decimal& a) { return {Bound::closed(a), Bound::closed(a)}; }
Interval Interval::at_least(const Decimal& a) { return {Bound::closed(a), Bound::unbounded()}; }
Interval Interval::greater_than(const Decimal& a) { return {Bound::open(a), Bound::unbounded()}; }
Interval Interval::at_most(const Decimal& a) { return {Bound::unbounded(), Bound::closed(a)}; }
Interval Interval::less_than(const Decimal& a) { return {Bound::unbounded(), Bound::open(a)}; }
Interval Interval::all() { return {Bound::unbounded(), Bound::unbounded()}; }

bool Interval::is_point() const { return is_bounded() && lower_.value == upper_.value; }

bool Interval::contains(const Decimal& x) const {
  if (lower_.is_bounded()) {
    const int c = Decimal::compare(x, lower_.value);
    if (c < 0 || (c == 0 && lower_.is_open())) return false;
  }
  if (upper_.is_bounded()) {
    const int c = Decimal::compare(x, upper_.value);
    if (c > 0 || (c == 0 && upper_.is_open())) return false;
  }
  return true;
}

bool Interval::contains(const Interval& other) const {
  return compare_lower(lower_, other.lower_) <= 0 && compare_upper(upper_, other.upper_) >= 0;
}

bool Interval::intersects(const Interval& other) const {
  const Bound& lo = compare_lower(lower_, other.lower_) >= 0 ? lower_ : other.lower_;
  const Bound& hi = compare_upper(upper_, other.upper_) <= 0 ? upper_ : other.upper_;
  return !describes_empty_set(lo, hi);
}

std::optional<Decimal> Interval::width() const {
  if (!is_bounded()) return std::nullopt;
  return upper_.value - lower_.value;
}

std::string Interval::to_string() const {
  std::string out;
  if (lower_.is_bounded()) {
    out += lower_.is_closed() ? '[' : '(';
    out += bound_text(lower_);
  } else {
    out += "(-inf";
  }
  out += ", ";
  if (upper_.is_bounded()) {
    out += bound_text(upper_);
    out += upper_.is_closed() ? ']' : ')';
  } else {
    out += "+inf)";
  }
  return out;
}

std::optional<Interval> intersection(const Interval& a, const Interval& b) {
  const Bound& lo = compare_lower(a.lower(), b.lower()) >= 0 ? a.lower() : b.lower();
  const Bound& hi = compare_upper(a.upper(), b.upper()) <= 0 ? a.upper() : b.upper();
  if (describes_empty_set(lo, hi)) return std::nullopt;
  return Interval(lo, hi);
}

Interval hull(const Interval& a, const Interval& b) {
  const Bound& lo = compare_lower(a.lower(), b.lower()) <= 0 ? a.lower() : b.lower();
  const Bound& hi = compare_upper(a.upper(), b.upper()) >= 0 ? a.upper() : b.upper();
  return Interval(lo, hi);
}

Interval operator-(const Interval& a) {
  const auto negated = [](const Bound& b) { return b.is_bounded() ? Bound{b.kind, -b.value} : b; };
  return Interval(negated(a.upper()), negated(a.lower()));
}

Interval operator+(const Interval& a, const Interval& b) {
  const auto sum = [](const Bound& x, const Bound& y) {
    if (!x.is_bounded() || !y.is_bounded()) return Bound::unbounded();
    const Decimal v = x.value + y.value;
    return x.is_closed() && y.is_closed() ? Bound::closed(v) : Bound::open(v);
  };
  return Interval(sum(a.lower(), b.lower()), sum(a.upper(), b.upper()));
}

Interval operator-(const Interval& a, const Interval& b) { return a + (-b); }

Interval operator*(const Interval& a, const Interval& b) {
  const End al = lower_end(a), au = upper_end(a), bl = lower_end(b), bu = upper_end(b);
  const std::array<End, 4> corners{product(al, bl), product(al, bu), product(au, bl), product(au, bu)};
  return from_ends(extreme(corners, true), extreme(corners, false));
}

Interval divide(const Interval& a, const Interval& b, int exponent) {
  if (b.contains(Decimal{})) {
    throw std::domain_error("interval division by " + b.to_string() + ", which contains zero");
  }
  // b lies wholly on one side of zero; an end of b at zero is open.
  const int b_sign = (b.lower().is_bounded() && b.lower().value.sign() >= 0) ? 1 : -1;

  // Each corner yields a candidate for the lower end (rounded towards -inf) and
  // one for the upper end (towards +inf); they differ only when rounding was needed.
  std::array<End, 4> lows;
  std::array<End, 4> highs;
  const std::array<End, 2> xs{lower_end(a), upper_end(a)};
  const std::array<End, 2> ys{lower_end(b), upper_end(b)};
  std::size_t k = 0;
  for (const End& x : xs) {
    for (const End& y : ys) {
      End lo;
      End hi;
      if (y.inf != 0) {
        // x / +-inf -> 0, reached only when x is a reached zero
        lo = hi = finite(Decimal{}, x.inf == 0 && is_reached_zero(x));
      } else if (y.value.is_zero()) {
        // y tends to zero from b's side
        if (x.inf != 0) {
          lo = hi = infinite(x.inf * b_sign);
        } else if (x.value.is_zero()) {
          lo = hi = finite(Decimal{}, x.closed);
        } else {
          lo = hi = infinite(x.value.sign() * b_sign);
        }
      } else if (x.inf != 0) {
        lo = hi = infinite(x.inf * y.value.sign());
      } else {
        const Decimal down = Decimal::divide(x.value, y.value, exponent, Rounding::floor);
        const Decimal up = Decimal::divide(x.value, y.value, exponent, Rounding::ceiling);
        const bool exact = down == up;
        const bool reached = exact && ((x.closed && y.closed) || is_reached_zero(x));
        lo = finite(down, reached);
        hi = finite(up, reached);
      }
      lows[k] = lo;
      highs[k] = hi;
      ++k;
    }
  }
  return from_ends(extreme(lows, true), extreme(highs, false));
}

std::ostream& operator<<(std::ostream& os, const Interval& i) { return os << i.to_string(); }

}  // namespace finmetrics
