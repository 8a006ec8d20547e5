#include "finmetrics/normalize/detail/exact_quotient.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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

// n / d and its remainder. A quotient of at most 64 bits by a divisor of at most
// 64 bits (the usual row: 17 or 18 digits over a rate's mantissa) is one x86
// `div`, not a call of the general 128-bit routine.
void divide(u128 n, u128 d, u128& q, u128& r) noexcept {
#if defined(__x86_64__)
  const auto hi = static_cast<std::uint64_t>(n >> 64);
  if ((d >> 64) == 0 && hi < static_cast<std::uint64_t>(d)) {
    std::uint64_t quotient, remainder;
    __asm__("divq %4" : "=a"(quotient), "=d"(remainder) : "a"(static_cast<std::uint64_t>(n)), "d"(hi),
            "rm"(static_cast<std::uint64_t>(d)));
    q = quotient;
    r = remainder;
    return;
  }
#endif
  q = n / d;
  r = n - q * d;
}

}  // namespace

namespace {
// Inlined into the kernel below (two counts per row); digits10 is its public name.
[[gnu::always_inline]] inline int count_digits(u128 v) noexcept {
  // From the bit length: log10(2) ~ 1233/4096 gives the digit count or one less.
  const auto hi = static_cast<std::uint64_t>(v >> 64), lo = static_cast<std::uint64_t>(v);
  const int bits = hi != 0 ? 128 - __builtin_clzll(hi) : (lo != 0 ? 64 - __builtin_clzll(lo) : 1);
  const int guess = (bits * 1233) >> 12;  // floor(log10(2^bits))
  return guess + 1 - (guess > 0 && v < pow10_table[static_cast<std::size_t>(guess)] ? 1 : 0);
}
}  // namespace

int digits10(u128 v) noexcept { return count_digits(v); }

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
  u128 q, r;
  divide(n, d, q, r);
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
  // 10^(dn-dd-1) <= n/d < 10^(dn-dd+1): at the quantum 10^(e + dn - dd - digits)
  // the quotient has `digits` or `digits`+1 digits. One division gives q and r;
  // with one digit too many, q/10 is the quotient at the next quantum and
  // (q mod 10) x d + r its remainder over 10d: no second division by d.
  const int dn = count_digits(n), dd = count_digits(d);
  if (d == 1 && dn <= digits) {
    // Exact (a figure in the target currency): the digits below would come out
    // as n x 10^(digits - dn) with no remainder; no division needed.
    out = Scaled{n * pow10_table[static_cast<std::size_t>(digits - dn)], e + dn - digits};
    return true;
  }
  const int quantum = e + dn - dd - digits;
  const int shift = e - quantum;
  if (shift >= 0 && dn + shift <= 38) {
    n *= pow10_table[static_cast<std::size_t>(shift)];  // n < 10^dn: the product is below 10^38 < 2^128
  } else if (shift >= 0) {
    if (shift > 38 || mul_overflows(n, pow10_table[static_cast<std::size_t>(shift)], n)) return false;
  } else {
    if (-shift > 38 || mul_overflows(d, pow10_table[static_cast<std::size_t>(-shift)], d)) return false;
  }
  u128 q, r;
  divide(n, d, q, r);
  int exponent = quantum;
  if (q >= pow10_table[static_cast<std::size_t>(digits)]) {
    u128 d10;
    if (mul_overflows(d, 10, d10)) return false;
    if ((q >> 64) == 0) {  // the usual quotient (17 or 18 digits): 64-bit arithmetic, not 128-bit
      const auto q64 = static_cast<std::uint64_t>(q);
      r = static_cast<u128>(q64 % 10) * d + r;
      q = q64 / 10;
    } else {
      r = (q % 10) * d + r;
      q /= 10;
    }
    d = d10;
    ++exponent;
  }
  if (round_away(q, r, d, mode)) {
    ++q;
    if (q == pow10_table[static_cast<std::size_t>(digits)]) {  // 9.99.. -> 10.0: exact
      q /= 10;
      ++exponent;
    }
  }
  out = Scaled{q, exponent};
  return true;
}

namespace {
constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the digits of c (non-zero) ending just before `end`; returns the first.
char* write_digits(char* end, u128 c) noexcept {
  while (c > UINT64_MAX) {  // rare: more than 19 digits
    *--end = static_cast<char>('0' + static_cast<int>(c % 10));
    c /= 10;
  }
  auto v = static_cast<std::uint64_t>(c);
  while (v >= 100) {  // two digits per division
    const auto pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, digit_pairs + pair, 2);
  }
  if (v >= 10) {
    end -= 2;
    std::memcpy(end, digit_pairs + v * 2, 2);
  } else if (v > 0) {
    *--end = static_cast<char>('0' + v);
  }
  return end;
}

// Decimal digits of c > 0, as digits10 counts them, in 64-bit arithmetic.
inline int digits10_u64(std::uint64_t c) noexcept {
  const int guess = ((64 - __builtin_clzll(c)) * 1233) >> 12;  // floor(log10(2^bits))
  return guess + 1 - (guess > 0 && c < static_cast<std::uint64_t>(pow10_table[static_cast<std::size_t>(guess)]) ? 1 : 0);
}

// The eight digits of v < 10^8, leading zeros included, as the bytes of one
// 64-bit word (the first digit in its lowest byte, as memory holds it on a
// little-endian machine): the halves, quarters and digits found in parallel
// lanes by multiplications (d / 100 = d x 10486 >> 20 for d < 10^4, e / 10 =
// e x 103 >> 10 for e < 100), not a division per pair of digits.
inline std::uint64_t eight_digits(std::uint32_t v) noexcept {
  const std::uint64_t high = v / 10000;
  std::uint64_t x = high | ((v - high * 10000) << 32);                    // two lanes of 4 digits
  const std::uint64_t hundreds = ((x * 10486) >> 20) & 0x0000007F0000007FULL;
  x = hundreds | ((x - hundreds * 100) << 16);                                // four lanes of 2 digits
  const std::uint64_t tens = ((x * 103) >> 10) & 0x000F000F000F000FULL;
  x = tens | ((x - tens * 10) << 8);                                          // eight lanes of 1 digit
  return x + 0x3030303030303030ULL;
}
inline void write8(char* p, std::uint32_t v) noexcept {
  std::uint64_t word = eight_digits(v);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  std::memcpy(p, &word, 8);
}

// The digits of c (non-zero) ending just before `end`; returns the first. Eight
// digits at a time (leading zeros written, then skipped): one, two or three
// groups, by the size of c.
char* write_digits_u64(char* end, std::uint64_t c) noexcept {
  if (c < 100000000) {
    write8(end - 8, static_cast<std::uint32_t>(c));
  } else if (c < 10000000000000000ULL) {
    write8(end - 8, static_cast<std::uint32_t>(c % 100000000));
    write8(end - 16, static_cast<std::uint32_t>(c / 100000000));
  } else {  // 17 to 20 digits: the first one to four (at most 1844) by pairs
    const std::uint64_t top = c / 100000000;
    write8(end - 8, static_cast<std::uint32_t>(c % 100000000));
    write8(end - 16, static_cast<std::uint32_t>(top % 100000000));
    return write_digits(end - 16, top / 100000000);
  }
  return end - digits10_u64(c);
}
}  // namespace

void append_general(std::string& out, Scaled v, int precision) {
  char buf[general_max_bytes];
  out.append(buf, static_cast<std::size_t>(write_general(buf, v, precision) - buf));
}

char* write_general(char* buf, Scaled v, int precision) noexcept {
  if (v.coefficient == 0) {
    *buf = '0';
    return buf + 1;
  }
  // The digits end at `end`; 24 bytes of slack after them, so that a run of at
  // most 20 digits (a 64-bit coefficient) is copied as 24 fixed bytes, not by a
  // call of memcpy for a length known only at run time (two calls were a fifth
  // of this function's instructions). `buf` has room for general_max_bytes:
  // such a copy reaches at most 50 bytes into it.
  char digits[64];
  char* const end = digits + 40;
  const char* first;
  bool short_digits = false;  // at most 20 digits: the fixed copies apply
  if (v.coefficient <= UINT64_MAX) {  // the usual case: native 64-bit divisions
    auto c = static_cast<std::uint64_t>(v.coefficient);
    // Trailing zeros by eights, fours, twos, ones (an exact value such as
    // 10000000000000000 x 10^-7 has sixteen): a few divisions, not one per zero.
    if (c % 100000000 == 0) {
      c /= 100000000;
      v.exponent += 8;
      if (c % 100000000 == 0) {
        c /= 100000000;
        v.exponent += 8;
      }
    }
    if (c % 10000 == 0) {
      c /= 10000;
      v.exponent += 4;
    }
    if (c % 100 == 0) {
      c /= 100;
      v.exponent += 2;
    }
    if (c % 10 == 0) {
      c /= 10;
      v.exponent += 1;
    }
    first = write_digits_u64(end, c);
    short_digits = true;
  } else {
    while (v.coefficient % 10 == 0) {
      v.coefficient /= 10;
      ++v.exponent;
    }
    first = write_digits(end, v.coefficient);
  }
  const int n = static_cast<int>(end - first);
  const int sci = v.exponent + n - 1;  // value = d.ddd x 10^sci
  char* p = buf;
  const auto copy = [&p, short_digits](const char* from, std::size_t count) {
    if (short_digits) std::memcpy(p, from, 24);  // count <= 20; `from` has 24 readable bytes
    else std::memcpy(p, from, count);
    p += count;
  };
  if (sci < -4 || sci >= precision) {
    *p++ = first[0];
    if (n > 1) {
      *p++ = '.';
      copy(first + 1, static_cast<std::size_t>(n - 1));
    }
    *p++ = 'e';
    *p++ = sci < 0 ? '-' : '+';
    // At least two exponent digits, as %g writes them, and as many as it takes
    // (a quotient of tiny inputs can reach e-1016).
    const int a = sci < 0 ? -sci : sci;
    char e[12];
    int k = 0;
    for (int x = a; x != 0 || k < 2; x /= 10) e[k++] = static_cast<char>('0' + x % 10);
    while (k > 0) *p++ = e[--k];
  } else if (v.exponent >= 0) {
    copy(first, static_cast<std::size_t>(n));
    std::memset(p, '0', static_cast<std::size_t>(v.exponent));
    p += v.exponent;
  } else if (sci >= 0) {
    copy(first, static_cast<std::size_t>(sci + 1));
    *p++ = '.';
    copy(first + sci + 1, static_cast<std::size_t>(n - sci - 1));
  } else {
    *p++ = '0';
    *p++ = '.';
    std::memset(p, '0', static_cast<std::size_t>(-sci - 1));
    p += -sci - 1;
    copy(first, static_cast<std::size_t>(n));
  }
  return p;
}

char* write_plain(char* out, u128 magnitude, int exponent, bool negative) noexcept {
  // Far beyond what a figure writes (and what plain_max_bytes holds): the caller's general path.
  if (exponent > plain_max_bytes || exponent < -4 * plain_max_bytes) return nullptr;
  if (magnitude == 0) {
    *out = '0';
    return out + 1;
  }
  char digits[40];
  char* const end = digits + sizeof digits;
  // A figure's number is often short (`81`, `1.2`): two digits per step beats eight at once there.
  const char* first = magnitude < 10000 || magnitude > UINT64_MAX
                          ? write_digits(end, magnitude)
                          : write_digits_u64(end, static_cast<std::uint64_t>(magnitude));
  const char* last = end;  // trailing zeros after the point go
  while (exponent < 0 && last - first > 1 && last[-1] == '0') {
    --last;
    ++exponent;
  }
  const auto n = static_cast<std::size_t>(last - first);
  const std::size_t point = exponent < 0 ? static_cast<std::size_t>(-exponent) : 0;
  const std::size_t size = (negative ? 1 : 0) + (exponent >= 0 ? n + static_cast<std::size_t>(exponent)
                                                               : (n > point ? n + 1 : 2 + point));
  if (size > static_cast<std::size_t>(plain_max_bytes)) return nullptr;
  char* p = out;
  if (negative) *p++ = '-';
  if (exponent >= 0) {
    std::memcpy(p, first, n);
    p += n;
    std::memset(p, '0', static_cast<std::size_t>(exponent));
    return p + exponent;
  }
  if (n > point) {
    std::memcpy(p, first, n - point);
    p += n - point;
    *p++ = '.';
    std::memcpy(p, first + (n - point), point);
    return p + point;
  }
  *p++ = '0';
  *p++ = '.';
  std::memset(p, '0', point - n);
  p += point - n;
  std::memcpy(p, first, n);
  return p + n;
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
