#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

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
