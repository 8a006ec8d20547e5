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

std::size_t skip_hspace_utf8(std::string_view s, std::size_t p) noexcept {
  for (CodePoint c = decode(s, p); c.size != 0 && is_hspace(c.value); c = decode(s, p)) p += c.size;
  return p;
}

std::size_t skip_hspace_back_utf8(std::string_view s, std::size_t p) noexcept {
  for (CodePoint c = decode_before(s, p); c.size != 0 && is_hspace(c.value); c = decode_before(s, p)) p -= c.size;
  return p;
}

}  // namespace finmetrics::extract_detail
