#pragma once
// Byte-level helpers shared by the extractor's scanner and context reader:
// UTF-8 code points, ASCII words, horizontal white space. Not public API.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "finmetrics/detail/utf8.hpp"

namespace finmetrics::extract_detail {

using detail::CodePoint;

/// The code point at byte p (an invalid byte reads as itself, size 1).
[[nodiscard]] inline CodePoint decode(std::string_view s, std::size_t p) noexcept { return detail::decode_utf8(s, p); }
/// The code point that ends at byte p (size 0 when p == 0).
[[nodiscard]] CodePoint decode_before(std::string_view s, std::size_t p) noexcept;

// The scanners ask these of every byte: one table look-up each, not two range tests.
namespace byte_class {
inline constexpr std::uint8_t upper = 1, lower = 2, digit = 4;
inline constexpr std::uint8_t letter = upper | lower, word = letter | digit;
inline constexpr std::array<std::uint8_t, 256> table = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = upper;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = lower;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = digit;
  return t;
}();
[[nodiscard]] constexpr bool has(char c, std::uint8_t cls) noexcept {
  return (table[static_cast<unsigned char>(c)] & cls) != 0;
}
}  // namespace byte_class

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return byte_class::has(c, byte_class::digit); }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return byte_class::has(c, byte_class::upper); }
[[nodiscard]] constexpr bool is_lower(char c) noexcept { return byte_class::has(c, byte_class::lower); }
[[nodiscard]] constexpr bool is_letter(char c) noexcept { return byte_class::has(c, byte_class::letter); }
/// An ASCII letter or digit.
[[nodiscard]] constexpr bool is_alnum(char c) noexcept { return byte_class::has(c, byte_class::word); }
[[nodiscard]] constexpr char to_lower(char c) noexcept { return static_cast<char>(c | (is_upper(c) ? 0x20 : 0)); }

/// Whether any of the eight bytes of `x` is `c` (a zero byte of x ^ c): the byte scans
/// pass over eight bytes at a time that hold none of what they look for.
[[nodiscard]] constexpr bool any_byte_is(std::uint64_t x, unsigned char c) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  const std::uint64_t v = x ^ (ones * c);
  return ((v - ones) & ~v & 0x8080808080808080ULL) != 0;
}

/// Space, tab, no-break and thin spaces, ideographic space; never a line end.
[[nodiscard]] constexpr bool is_hspace(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000;
}
[[nodiscard]] constexpr bool is_cjk(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

[[nodiscard]] inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}
[[nodiscard]] inline bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// The scanners call these at almost every byte: inline, with the ASCII case first
// and the code-point walk (text.cpp) only where a byte past ASCII is met.
[[nodiscard]] std::size_t skip_hspace_utf8(std::string_view s, std::size_t p) noexcept;
[[nodiscard]] std::size_t skip_hspace_back_utf8(std::string_view s, std::size_t p) noexcept;

/// First byte after the horizontal white space at p.
[[nodiscard]] inline std::size_t skip_hspace(std::string_view s, std::size_t p) noexcept {
  while (p < s.size()) {
    const auto b = static_cast<unsigned char>(s[p]);
    if (b == ' ' || b == '\t') {
      ++p;
    } else {
      return b < 0x80 ? p : skip_hspace_utf8(s, p);
    }
  }
  return p;
}
/// First byte of the horizontal white space that ends at p (p when none).
[[nodiscard]] inline std::size_t skip_hspace_back(std::string_view s, std::size_t p) noexcept {
  if (p > s.size()) return p;
  while (p > 0) {
    const auto b = static_cast<unsigned char>(s[p - 1]);
    if (b == ' ' || b == '\t') {
      --p;
    } else {
      return b < 0x80 ? p : skip_hspace_back_utf8(s, p);
    }
  }
  return p;
}
/// End of the run of ASCII letters at p.
[[nodiscard]] inline std::size_t letters_end(std::string_view s, std::size_t p) noexcept {
  while (p < s.size() && is_letter(s[p])) ++p;
  return p;
}
/// Calls `f(begin, end)` on each run of ASCII letters of `s` in order, until it
/// returns true; whether one did.
template <class F>
bool any_letter_run(std::string_view s, F&& f) {
  for (std::size_t p = 0; p < s.size();) {
    if (!is_letter(s[p])) {
      ++p;
      continue;
    }
    const std::size_t e = letters_end(s, p);
    if (f(p, e)) return true;
    p = e;
  }
  return false;
}
/// Start of the run of ASCII letters that ends at p.
[[nodiscard]] inline std::size_t letters_begin(std::string_view s, std::size_t p) noexcept {
  while (p > 0 && is_letter(s[p - 1])) --p;
  return p;
}

}  // namespace finmetrics::extract_detail
