#pragma once
// UTF-8 decoding for the hand-written scanners (figure parser, article extractor).

#include <cstddef>
#include <string_view>

namespace finmetrics::detail {

/// One UTF-8 code point: its value and length in bytes (an invalid byte reads as
/// itself, length 1; past the end: length 0).
struct CodePoint {
  char32_t value = 0;
  std::size_t size = 0;
};

/// The code point starting at byte `p` of `s`.
[[nodiscard]] inline CodePoint decode_utf8(std::string_view s, std::size_t p) noexcept {
  if (p >= s.size()) return {};
  const auto b0 = static_cast<unsigned char>(s[p]);
  if (b0 < 0x80) return {b0, 1};
  const auto cont = [&](std::size_t k) -> int {
    if (p + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[p + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if ((b0 & 0xE0) == 0xC0) {
    const int c1 = cont(1);
    if (c1 >= 0) return {static_cast<char32_t>(((b0 & 0x1F) << 6) | c1), 2};
  } else if ((b0 & 0xF0) == 0xE0) {
    const int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) return {static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2), 3};
  } else if ((b0 & 0xF8) == 0xF0) {
    const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0)
      return {static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3), 4};
  }
  return {b0, 1};
}

}  // namespace finmetrics::detail
