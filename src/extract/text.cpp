#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

CodePoint decode(std::string_view s, std::size_t p) noexcept {
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

CodePoint decode_before(std::string_view s, std::size_t p) noexcept {
  if (p == 0 || p > s.size()) return {};
  std::size_t k = p - 1;
  for (int back = 0; back < 3 && k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; ++back) --k;
  const CodePoint c = decode(s, k);
  if (k + c.size == p) return c;
  return {static_cast<unsigned char>(s[p - 1]), 1};
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t skip_hspace(std::string_view s, std::size_t p) noexcept {
  for (CodePoint c = decode(s, p); c.size != 0 && is_hspace(c.value); c = decode(s, p)) p += c.size;
  return p;
}

std::size_t skip_hspace_back(std::string_view s, std::size_t p) noexcept {
  for (CodePoint c = decode_before(s, p); c.size != 0 && is_hspace(c.value); c = decode_before(s, p)) p -= c.size;
  return p;
}

std::size_t letters_end(std::string_view s, std::size_t p) noexcept {
  while (p < s.size() && is_letter(s[p])) ++p;
  return p;
}

std::size_t letters_begin(std::string_view s, std::size_t p) noexcept {
  while (p > 0 && is_letter(s[p - 1])) --p;
  return p;
}

}  // namespace finmetrics::extract_detail
