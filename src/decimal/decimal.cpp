#include "finmetrics/decimal/decimal.hpp"

#include <array>
#include <cmath>
#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

namespace finmetrics {

namespace {

namespace mp = boost::multiprecision;
using Wide = mp::cpp_int;  // unbounded: intermediates of rescaling and division
using Coefficient = Decimal::Coefficient;

// Powers of ten far enough for any rescale within the coefficient's range plus a
// division's extra digits. Built once; immutable afterwards.
constexpr int pow10_count = 2 * Decimal::max_digits + 40;

const Wide& wide_pow10(int n) {
  static const std::array<Wide, pow10_count> table = [] {
    std::array<Wide, pow10_count> t;
    t[0] = 1;
    for (int i = 1; i < pow10_count; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  if (n < 0 || n >= pow10_count) throw DecimalOverflow(fmt::format("10^{} is beyond the decimal range", n));
  return table[static_cast<std::size_t>(n)];
}

const Wide& coefficient_limit() {  // 10^38: the first value that no longer fits
  return wide_pow10(Decimal::max_digits);
}

int digit_count(Wide v) {
  if (v < 0) v = -v;
  int n = 1;
  while (n < pow10_count && v >= wide_pow10(n)) ++n;
  return n;
}

void check_exponent(long long e) {
  if (e > Decimal::max_exponent || e < Decimal::min_exponent)
    throw DecimalOverflow(fmt::format("decimal exponent {} is beyond [{}, {}]", e, Decimal::min_exponent,
                                      Decimal::max_exponent));
}

// Rounds q + r/d (the exact quotient, 0 <= |r| < d, d > 0, r with the sign of the
// dividend) to an integer according to `mode`.
Wide round_quotient(Wide q, const Wide& r, const Wide& d, bool negative, Rounding mode) {
  if (r == 0) return q;
  const Wide twice = (r < 0 ? Wide(-r) : r) * 2;
  const int half = twice < d ? -1 : (twice == d ? 0 : 1);  // vs one half
  bool away = false;
  switch (mode) {
    case Rounding::down: away = false; break;
    case Rounding::up: away = true; break;
    case Rounding::floor: away = negative; break;
    case Rounding::ceiling: away = !negative; break;
    case Rounding::half_up: away = half >= 0; break;
    case Rounding::half_down: away = half > 0; break;
    case Rounding::half_even: away = half > 0 || (half == 0 && mp::bit_test(q < 0 ? Wide(-q) : q, 0)); break;
  }
  if (away) q += negative ? -1 : 1;
  return q;
}

// n / d rounded, d != 0, signs arbitrary.
Wide divide_rounded(const Wide& n, Wide d, Rounding mode) {
  Wide num = n;
  if (d < 0) {
    d = -d;
    num = -num;
  }
  Wide q = num / d;  // truncates towards zero
  Wide r = num - q * d;
  return round_quotient(q, r, d, num < 0, mode);
}

}  // namespace

// Converts an intermediate to a coefficient, or throws: never wraps.
static Coefficient to_coefficient(const Wide& v) {
  if (v >= coefficient_limit() || v <= -coefficient_limit())
    throw DecimalOverflow(fmt::format("decimal coefficient {} has more than {} digits", v.str(), Decimal::max_digits));
  return Coefficient(v);
}

static Wide to_wide(const Coefficient& c) { return Wide(c); }

Decimal Decimal::from_parts(const Coefficient& coefficient, int exponent) {
  check_exponent(exponent);
  // Compared in the coefficient's own type: loaders call this per cell.
  static const Coefficient limit = Coefficient(coefficient_limit());
  if (coefficient >= limit || coefficient <= -limit)
    throw DecimalOverflow(fmt::format("decimal coefficient {} has more than {} digits", coefficient.str(), max_digits));
  return Decimal(coefficient, exponent);
}

Result<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  Wide coefficient = 0;
  int significant = 0;
  int fraction_digits = 0;
  bool any_digit = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (coefficient != 0 || c != '0') ++significant;
      if (significant > max_digits)
        return unexpected(make_error(Errc::overflow,
                                     fmt::format("more than {} significant digits", max_digits), text, i));
      coefficient = coefficient * 10 + (c - '0');
      if (point) ++fraction_digits;
    } else if (c == '.' && !point) {
      point = true;
    } else if ((c == 'e' || c == 'E') && any_digit) {
      break;
    } else {
      const char* what = c == '.' ? "a second decimal point" : "an unexpected character";
      return unexpected(make_error(Errc::syntax, fmt::format("{} '{}' in a number", what, quote_for_message(std::string_view(&text[i], 1))), text, i));
    }
  }
  if (!any_digit)
    return unexpected(make_error(Errc::syntax, "expected a digit", text, i < text.size() ? i : text.size()));
  long long exponent = -fraction_digits;
  if (i < text.size()) {  // exponent part
    const std::size_t e_pos = i++;
    bool e_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) e_negative = text[i++] == '-';
    if (i == text.size()) return unexpected(make_error(Errc::syntax, "expected exponent digits", text, i));
    long long e = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c < '0' || c > '9')
        return unexpected(make_error(Errc::syntax, fmt::format("an unexpected character '{}' in an exponent", quote_for_message(std::string_view(&text[i], 1))), text, i));
      e = e * 10 + (c - '0');
      if (e > 100000) return unexpected(make_error(Errc::overflow, "exponent out of range", text, e_pos));
    }
    exponent += e_negative ? -e : e;
  }
  if (exponent > max_exponent || exponent < min_exponent)
    return unexpected(make_error(Errc::overflow, fmt::format("exponent {} out of range", exponent), text));
  if (negative) coefficient = -coefficient;
  return Decimal(Coefficient(coefficient), static_cast<int>(exponent));
}

int Decimal::digits() const {
  // In native 128-bit integers (|coefficient| < 10^38 fits): the FX loaders and
  // normalize's tables ask this per fixing, and the unbounded type allocates.
  __extension__ typedef unsigned __int128 u128;
  const u128 v = (coefficient_.sign() < 0 ? Coefficient(-coefficient_) : coefficient_).convert_to<u128>();
  int n = 1;
  for (u128 p = 10; n < 39 && v >= p; p *= 10) ++n;
  return n;
}

Decimal Decimal::operator-() const { return Decimal(-coefficient_, exponent_); }

Decimal operator+(const Decimal& a, const Decimal& b) {
  const int e = std::min(a.exponent_, b.exponent_);
  const Wide sum = to_wide(a.coefficient_) * wide_pow10(a.exponent_ - e) + to_wide(b.coefficient_) * wide_pow10(b.exponent_ - e);
  return Decimal(to_coefficient(sum), e);
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  const long long e = static_cast<long long>(a.exponent_) + b.exponent_;
  check_exponent(e);
  return Decimal(to_coefficient(to_wide(a.coefficient_) * to_wide(b.coefficient_)), static_cast<int>(e));
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
  const int sa = a.sign(), sb = b.sign();
  if (sa != sb || sa == 0) return sa < sb ? -1 : (sa > sb ? 1 : 0);
  // Same non-zero sign: compare magnitudes by their leading-digit positions first,
  // so exponents far apart never need a huge power of ten.
  const int ma = a.digits() + a.exponent_, mb = b.digits() + b.exponent_;
  if (ma != mb) return (ma > mb ? 1 : -1) * sa;
  const int e = std::min(a.exponent_, b.exponent_);
  const Wide x = to_wide(a.coefficient_) * wide_pow10(a.exponent_ - e);
  const Wide y = to_wide(b.coefficient_) * wide_pow10(b.exponent_ - e);
  return x < y ? -1 : (x > y ? 1 : 0);
}

Decimal Decimal::shifted(int n) const {
  const long long e = static_cast<long long>(exponent_) + n;
  check_exponent(e);
  return Decimal(coefficient_, static_cast<int>(e));
}

Decimal Decimal::rescaled(int exponent, Rounding mode) const {
  check_exponent(exponent);
  if (exponent == exponent_) return *this;
  const Wide c = to_wide(coefficient_);
  if (exponent < exponent_) {  // more digits: exact
    const int k = exponent_ - exponent;
    if (k > max_digits && !coefficient_.is_zero())
      throw DecimalOverflow(fmt::format("rescaling {} to 10^{} needs more than {} digits", to_string(), exponent, max_digits));
    return Decimal(to_coefficient(coefficient_.is_zero() ? Wide(0) : c * wide_pow10(k)), exponent);
  }
  const int k = exponent - exponent_;
  if (k >= pow10_count) {  // |value| < 10^-... of the quantum: only the sign and mode matter
    return Decimal(to_coefficient(divide_rounded(c.is_zero() ? Wide(0) : Wide(c.sign()), Wide(3), mode)), exponent);
  }
  return Decimal(to_coefficient(divide_rounded(c, wide_pow10(k), mode)), exponent);
}

Decimal Decimal::rounded_to_significant(int digits, Rounding mode) const {
  if (digits < 1) throw std::invalid_argument("rounded_to_significant: digits must be at least 1");
  const int have = this->digits();
  if (have <= digits) return *this;
  Decimal r = rescaled(exponent_ + (have - digits), mode);
  if (r.digits() > digits) r = r.rescaled(r.exponent_ + 1, mode);  // 999.5 -> 1000: one digit more; exact
  return r;
}

Decimal Decimal::trimmed() const {
  if (coefficient_.is_zero()) return Decimal(Coefficient(0), 0);
  Wide c = to_wide(coefficient_);
  int e = exponent_;
  while (c % 10 == 0 && e < max_exponent) {
    c /= 10;
    ++e;
  }
  return Decimal(Coefficient(c), e);
}

namespace {

// a / b rounded to an integer multiple of 10^exponent, as a wide integer: the
// caller decides whether it fits (divide_significant's first, truncated quotient
// may have one digit more than the coefficient holds).
Wide quotient_at(const Wide& ca, int ea, const Wide& cb, int eb, long long exponent, Rounding mode) {
  // a / b = (ca / cb) x 10^(ea - eb); we want q x 10^exponent:
  // q = ca x 10^(ea - eb - exponent) / cb.
  const long long shift = static_cast<long long>(ea) - eb - exponent;
  Wide n = ca;
  Wide d = cb;
  if (shift >= 0) {
    if (shift >= pow10_count) throw DecimalOverflow("decimal quotient beyond the decimal range");
    n *= wide_pow10(static_cast<int>(shift));
  } else {
    if (-shift >= pow10_count) return divide_rounded(Wide(n.sign() * d.sign()), Wide(3), mode);  // far below the quantum
    d *= wide_pow10(static_cast<int>(-shift));
  }
  return divide_rounded(n, d, mode);
}

}  // namespace

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int exponent, Rounding mode) {
  if (b.is_zero()) throw std::domain_error("decimal division by zero");
  check_exponent(exponent);
  return Decimal(to_coefficient(quotient_at(to_wide(a.coefficient_), a.exponent_, to_wide(b.coefficient_),
                                            b.exponent_, exponent, mode)),
                 exponent);
}

Decimal Decimal::divide_significant(const Decimal& a, const Decimal& b, int digits, Rounding mode) {
  if (digits < 1 || digits > max_digits) throw std::invalid_argument("divide_significant: digits out of [1, 38]");
  if (b.is_zero()) throw std::domain_error("decimal division by zero");
  if (a.is_zero()) return Decimal(Coefficient(0), 0);
  // With m = digits + exponent, 10^(ma-mb-1) <= |a/b| < 10^(ma-mb+1): at the quantum
  // 10^(ma-mb-digits) the truncated quotient has `digits` or `digits`+1 digits.
  // It stays a wide integer: at 38 digits the `digits`+1 case does not fit a
  // coefficient (1/1, 7/3), and only the second, rounded quotient must.
  const Wide ca = to_wide(a.coefficient_), cb = to_wide(b.coefficient_);
  const int ma = a.digits() + a.exponent_, mb = b.digits() + b.exponent_;
  long long exponent = static_cast<long long>(ma) - mb - digits;
  if (digit_count(quotient_at(ca, a.exponent_, cb, b.exponent_, exponent, Rounding::down)) > digits) ++exponent;
  Wide q = quotient_at(ca, a.exponent_, cb, b.exponent_, exponent, mode);
  if (digit_count(q) > digits) {  // rounding carried to 10^digits: one digit less, exact
    q /= 10;
    ++exponent;
  }
  check_exponent(exponent);
  return Decimal(to_coefficient(q), static_cast<int>(exponent));
}

std::string Decimal::to_string() const {
  std::string digits_text = to_wide(coefficient_ < 0 ? Coefficient(-coefficient_) : coefficient_).str();
  std::string out = coefficient_ < 0 ? "-" : "";
  if (exponent_ >= 0) {
    out += digits_text;
    if (!coefficient_.is_zero()) out.append(static_cast<std::size_t>(exponent_), '0');
    return out;
  }
  const auto frac = static_cast<std::size_t>(-exponent_);
  if (digits_text.size() <= frac) digits_text.insert(0, frac - digits_text.size() + 1, '0');
  out += digits_text.substr(0, digits_text.size() - frac);
  out += '.';
  out += digits_text.substr(digits_text.size() - frac);
  return out;
}

double Decimal::to_double() const {
  // Via the exact text: strtod rounds correctly, arithmetic on doubles would not.
  return std::strtod(fmt::format("{}e{}", coefficient_.str(), exponent_).c_str(), nullptr);
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

namespace decimal_literals {
Decimal operator""_dec(const char* text, std::size_t size) {
  auto d = Decimal::parse(std::string_view(text, size));
  if (!d) throw std::invalid_argument("bad decimal literal: " + d.error().describe());
  return *d;
}
}  // namespace decimal_literals

}  // namespace finmetrics
