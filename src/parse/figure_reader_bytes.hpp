#pragma once
// The byte tests and eight-byte probes of FigureReader's word tables, shared by the
// code that compiles the tables (figure_reader_learn.cpp) and the reader
// (figure_reader.cpp).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace finmetrics::figure_reader_detail {

inline bool is_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') < 10; }
inline bool is_letter(char c) noexcept { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_capital(char c) noexcept { return static_cast<unsigned char>(c - 'A') < 26; }
inline bool is_small(char c) noexcept { return static_cast<unsigned char>(c - 'a') < 26; }
inline char lower(char c) noexcept { return is_capital(c) ? static_cast<char>(c + 32) : c; }
inline char upper(char c) noexcept { return is_small(c) ? static_cast<char>(c - 32) : c; }
inline bool is_code(std::string_view t) noexcept { return t.size() == 3 && is_capital(t[0]) && is_capital(t[1]) && is_capital(t[2]); }
inline std::size_t code_slot(const char* p) noexcept {
  return static_cast<std::size_t>(((upper(p[0]) - 'A') * 26 + (upper(p[1]) - 'A')) * 26 + (upper(p[2]) - 'A'));
}
constexpr std::uint16_t no_word = 0xFFFF;

// Up to eight bytes at p as one little-endian integer (zeros beyond `left`).
inline std::uint64_t load8(const char* p, std::size_t left) noexcept {
  std::uint64_t v = 0;
  if (left >= 8) {
    std::memcpy(&v, p, 8);
    return v;
  }
  // two overlapping loads of half the bytes or more (their shared bytes alike)
  if (left >= 4) {
    std::uint32_t low = 0, high = 0;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + left - 4, 4);
    return low | static_cast<std::uint64_t>(high) << (8 * (left - 4));
  }
  if (left >= 2) {
    std::uint16_t low = 0, high = 0;
    std::memcpy(&low, p, 2);
    std::memcpy(&high, p + left - 2, 2);
    return low | static_cast<std::uint64_t>(high) << (8 * (left - 2));
  }
  return left == 1 ? static_cast<unsigned char>(p[0]) : 0;
}

// The eight bytes with ASCII capitals lower-cased (other bytes as they are).
inline std::uint64_t fold8(std::uint64_t v) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const std::uint64_t low7 = v & ~highs;
  const std::uint64_t from_a = low7 + ones * (0x80 - 'A');      // high bit: byte >= 'A'
  const std::uint64_t past_z = low7 + ones * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
  const std::uint64_t capitals = from_a & ~past_z & ~v & highs;  // ASCII only
  return v | capitals >> 2;                                      // + 0x20
}

// A plain number: digits, groups of three after commas (after one to three digits),
// decimals after a dot; at most 18 digits in all (a 64-bit integer).
struct PlainNumber {
  std::uint64_t digits = 0;  // every digit, decimals included
  int fraction = 0;          // how many are decimals
  bool grouped = false;      // commas group the whole part
  std::size_t start = 0, whole_end = 0;
  // `1.234`: three decimals after one to three digits, ungrouped, which a locale with
  // dot groups reads as 1234.
  [[nodiscard]] bool dot_three(const char* p) const noexcept {
    return !grouped && whole_end - start <= 3 && fraction == 3 && p[start] != '0';
  }
};

// The plain number at p[i] (a digit) in p[0, n), i moved past it; false where it is
// none (more than 18 digits, a dot with no digit after it).
inline bool read_plain_number(const char* p, std::size_t& i, std::size_t n, PlainNumber& out) noexcept {
  const auto digit_at = [&](std::size_t k) { return k < n && is_digit(p[k]); };
  out.start = i;
  int count = 0;
  while (digit_at(i)) {
    out.digits = out.digits * 10 + static_cast<unsigned>(p[i++] - '0');
    if (++count > 18) return false;
  }
  if (i - out.start <= 3) {
    while (i < n && p[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3) && !digit_at(i + 4)) {
      out.digits = ((out.digits * 10 + static_cast<unsigned>(p[i + 1] - '0')) * 10 + static_cast<unsigned>(p[i + 2] - '0')) * 10 +
                   static_cast<unsigned>(p[i + 3] - '0');
      if ((count += 3) > 18) return false;
      i += 4;
      out.grouped = true;
    }
  }
  out.whole_end = i;
  if (i < n && p[i] == '.') {
    if (!digit_at(i + 1)) return false;
    ++i;
    while (digit_at(i)) {
      out.digits = out.digits * 10 + static_cast<unsigned>(p[i++] - '0');
      ++out.fraction;
      if (++count > 18) return false;
    }
  }
  return true;
}

}  // namespace finmetrics::figure_reader_detail
