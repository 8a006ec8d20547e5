#pragma once
// UTF-8 decoding for the hand-written scanners (figure parser, article extractor).

#include <cstddef>
#include <string_view>

namespace finmetrics::detail {

/// One UTF-8 code point: its value and length in bytes (a byte that starts no
/// well-formed sequence reads as itself, length 1; past the end: length 0).
struct CodePoint {
  char32_t value = 0;
  std::size_t size = 0;
};

/// Length of the well-formed UTF-8 sequence starting at byte `p` of `s`, or 0 where
/// the bytes there are not one (RFC 3629, Unicode's table 3-7: no overlong forms such
/// as C0 80 or E0 82 A0, no surrogates ED A0..BF, nothing above U+10FFFF). An
/// overlong form must not read as the character it spells: `E0 82 A0` is no space.
[[nodiscard]] inline std::size_t well_formed_utf8_length(std::string_view s, std::size_t p) noexcept {
  if (p >= s.size()) return 0;
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[p + k]); };
  const auto cont = [&](std::size_t k) { return p + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char b0 = b(0);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

/// The code point starting at byte `p` of `s`. A byte that does not start a
/// well-formed sequence reads as itself, length 1.
[[nodiscard]] inline CodePoint decode_utf8(std::string_view s, std::size_t p) noexcept {
  if (p >= s.size()) return {};
  const auto b0 = static_cast<unsigned char>(s[p]);
  if (b0 < 0x80) return {b0, 1};
  const auto c = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[p + k]) & 0x3F); };
  switch (well_formed_utf8_length(s, p)) {
    case 2: return {static_cast<char32_t>((b0 & 0x1F) << 6) | c(1), 2};
    case 3: return {static_cast<char32_t>((b0 & 0x0F) << 12) | (c(1) << 6) | c(2), 3};
    case 4: return {static_cast<char32_t>((b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3), 4};
    default: return {b0, 1};
  }
}

}  // namespace finmetrics::detail
