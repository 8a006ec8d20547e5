#include "finmetrics/normalize/detail/exact_quotient.hpp"

#include <array>
#include <limits>

namespace finmetrics::detail {

namespace {

constexpr std::array<u128, 39> make_pow10() {
  std::array<u128, 39> t{};
  t[0] = 1;
  for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
  return t;
}
constexpr std::array<u128, 39> pow10_table = make_pow10();
constexpr u128 u128_max = ~u128{0};

// Whether q (the truncated quotient) goes one up, given remainder r of divisor d.
bool round_away(u128 q, u128 r, u128 d, Rounding mode) noexcept {
  if (r == 0) return false;
  switch (mode) {
    case Rounding::down:
    case Rounding::floor: return false;  // values here are never negative
    case Rounding::up:
    case Rounding::ceiling: return true;
    default: break;
  }
  // Compare r with d - r instead of 2r with d: no overflow.
  const u128 rest = d - r;
  if (r != rest) return r > rest;
  return mode == Rounding::half_up || (mode == Rounding::half_even && (q & 1) != 0);
}

bool mul_overflows(u128 a, u128 b, u128& out) noexcept { return __builtin_mul_overflow(a, b, &out); }

}  // namespace

int digits10(u128 v) noexcept {
  int n = 1;
  while (n < 39 && v >= pow10_table[static_cast<std::size_t>(n)]) ++n;
  return n;
}

u128 pow10_u128(int n) noexcept { return pow10_table[static_cast<std::size_t>(n)]; }

bool quotient_at_quantum(u128 n, u128 d, int e, int quantum, Rounding mode, Scaled& out) noexcept {
  // q = n x 10^(e - quantum) / d
  const int shift = e - quantum;
  if (shift >= 0) {
    if (shift > 38 || mul_overflows(n, pow10_table[static_cast<std::size_t>(shift)], n)) return false;
  } else {
    if (-shift > 38) {  // far below the quantum: zero or one unit, by the mode
      out = Scaled{(n != 0 && (mode == Rounding::up || mode == Rounding::ceiling)) ? u128{1} : u128{0}, quantum};
      return true;
    }
    if (mul_overflows(d, pow10_table[static_cast<std::size_t>(-shift)], d)) return false;
  }
  u128 q = n / d;
  const u128 r = n - q * d;
  if (round_away(q, r, d, mode)) {
    if (q == u128_max) return false;
    ++q;
  }
  out = Scaled{q, quantum};
  return true;
}

bool quotient_significant(u128 n, u128 d, int e, int digits, Rounding mode, Scaled& out) noexcept {
  if (n == 0) {
    out = Scaled{0, 0};
    return true;
  }
  // 10^(dn-dd-1) <= n/d < 10^(dn-dd+1): at quantum 10^(e + dn - dd - digits) the
  // quotient has `digits` or `digits`+1 digits; one step up fixes the latter.
  const int dn = digits10(n), dd = digits10(d);
  int quantum = e + dn - dd - digits;
  if (!quotient_at_quantum(n, d, e, quantum, Rounding::down, out)) return false;
  if (digits10(out.coefficient) > digits) ++quantum;
  if (!quotient_at_quantum(n, d, e, quantum, mode, out)) return false;
  if (digits10(out.coefficient) > digits) {  // rounding carried (9.99.. -> 10.0): exact
    out.coefficient /= 10;
    ++out.exponent;
  }
  return true;
}

void append_general(std::string& out, Scaled v, int precision) {
  if (v.coefficient == 0) {
    out.push_back('0');
    return;
  }
  while (v.coefficient % 10 == 0) {
    v.coefficient /= 10;
    ++v.exponent;
  }
  char buf[40];
  int n = 0;
  for (u128 c = v.coefficient; c != 0; c /= 10) buf[n++] = static_cast<char>('0' + static_cast<int>(c % 10));
  // buf holds the digits reversed; the leading digit is buf[n-1].
  const int sci = v.exponent + n - 1;  // value = d.ddd x 10^sci
  if (sci < -4 || sci >= precision) {
    out.push_back(buf[n - 1]);
    if (n > 1) {
      out.push_back('.');
      for (int k = n - 2; k >= 0; --k) out.push_back(buf[k]);
    }
    out.push_back('e');
    out.push_back(sci < 0 ? '-' : '+');
    const int a = sci < 0 ? -sci : sci;
    if (a < 10) out.push_back('0');
    out.append(std::to_string(a));
    return;
  }
  if (v.exponent >= 0) {
    for (int k = n - 1; k >= 0; --k) out.push_back(buf[k]);
    out.append(static_cast<std::size_t>(v.exponent), '0');
  } else if (sci >= 0) {
    const int int_digits = sci + 1;
    for (int k = n - 1; k >= n - int_digits; --k) out.push_back(buf[k]);
    out.push_back('.');
    for (int k = n - int_digits - 1; k >= 0; --k) out.push_back(buf[k]);
  } else {
    out.append("0.");
    out.append(static_cast<std::size_t>(-sci - 1), '0');
    for (int k = n - 1; k >= 0; --k) out.push_back(buf[k]);
  }
}

void append_fixed(std::string& out, Scaled v, int decimals) {
  // Bring v to the quantum 10^-decimals (exact: callers round first).
  while (v.exponent > -decimals) {
    v.coefficient *= 10;
    --v.exponent;
  }
  char buf[48];
  int n = 0;
  for (u128 c = v.coefficient; c != 0 || n <= decimals; c /= 10) buf[n++] = static_cast<char>('0' + static_cast<int>(c % 10));
  for (int k = n - 1; k >= 0; --k) {
    if (k == decimals - 1) out.push_back('.');
    out.push_back(buf[k]);
  }
}

}  // namespace finmetrics::detail
