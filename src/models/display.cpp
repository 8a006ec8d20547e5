#include "finmetrics/models/display.hpp"

#include <algorithm>

namespace finmetrics {

namespace {

bool scaled_unit(const Unit& u) {
  return (u.dimension == Dimension::money && u.per == Per::whole) || u.dimension == Dimension::number ||
         u.dimension == Dimension::count;
}

int scale_for(const Decimal& magnitude, const Unit& u) {
  if (!scaled_unit(u)) return 0;
  if (magnitude >= Decimal::from_parts(1, 9)) return 9;
  if (magnitude >= Decimal::from_parts(1, 6)) return 6;
  return 0;
}

std::string scale_word(int e) { return e == 9 ? "bn" : e == 6 ? "mn" : ""; }

std::string tail(const Unit& u) {
  switch (u.dimension) {
    case Dimension::percent: return "%";
    case Dimension::percentage_points: return " pp";
    case Dimension::basis_points: return " bp";
    case Dimension::multiple: return "x";
    case Dimension::money: {
      std::string s = u.currency ? std::string(u.currency->code()) : std::string("?");
      if (u.per == Per::share) s += " per share";
      if (u.per == Per::ads) s += " per ADS";
      return s;
    }
    case Dimension::count: return u.noun.empty() ? std::string() : u.noun;
    case Dimension::number: return "";
  }
  return "";
}

std::string digits(const Decimal& v, Rounding mode) {
  if (v.is_zero()) return "0";
  return v.rounded_to_significant(display_digits, mode).trimmed().to_string();
}

}  // namespace

std::string unit_suffix(const Interval& i, const Unit& u) {
  Decimal m;
  if (i.lower().is_bounded()) m = std::max(m, i.lower().value.abs());
  if (i.upper().is_bounded()) m = std::max(m, i.upper().value.abs());
  const int e = scale_for(m, u);
  const std::string t = tail(u);
  std::string out = scale_word(e);
  if (u.dimension == Dimension::percent || u.dimension == Dimension::multiple) return t;
  if (!t.empty()) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string show(const Decimal& v, const Unit& u) {
  const int e = scale_for(v.abs(), u);
  std::string s = digits(v.shifted(-e), Rounding::half_even);
  const std::string w = scale_word(e);
  const std::string t = tail(u);
  if (u.dimension == Dimension::percent || u.dimension == Dimension::multiple) return s + t;
  s += w;
  if (!t.empty()) s += (t.front() == ' ' ? "" : " ") + t;
  return s;
}

std::string show(const Interval& i, const Unit& u) {
  Decimal m;
  if (i.lower().is_bounded()) m = std::max(m, i.lower().value.abs());
  if (i.upper().is_bounded()) m = std::max(m, i.upper().value.abs());
  const int e = scale_for(m, u);
  std::string out;
  if (i.is_point()) {
    out = "{" + digits(i.lower().value.shifted(-e), Rounding::half_even) + "}";
  } else {
    out += i.lower().is_bounded() ? (i.lower().is_closed() ? "[" : "(") + digits(i.lower().value.shifted(-e), Rounding::floor)
                                  : std::string("(-inf");
    out += ", ";
    out += i.upper().is_bounded() ? digits(i.upper().value.shifted(-e), Rounding::ceiling) + (i.upper().is_closed() ? "]" : ")")
                                  : std::string("+inf)");
  }
  const std::string suffix = unit_suffix(i, u);
  if (!suffix.empty()) out += (u.dimension == Dimension::percent || u.dimension == Dimension::multiple ? "" : " ") + suffix;
  return out;
}

}  // namespace finmetrics
