#include "number_locale_evidence.hpp"

#include <cstdint>
#include <cstring>

#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

namespace {

// Whether any of the eight bytes of x is an ASCII digit (exact: each byte is tested
// on its low seven bits, no carry crosses bytes; a byte past ASCII is no digit).
bool any_digit(std::uint64_t x) noexcept {
  constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t l = x & low7;
  // Per byte: bit 7 set when l <= '9' (128 + '9' - l) and when l >= '0' (l + 128 - '0');
  // and the byte itself below 0x80.
  const std::uint64_t below = ones * (128 + '9') - l;
  const std::uint64_t above = l + ones * (128 - '0');
  return (below & above & ~x & highs) != 0;
}

}  // namespace

// Whether the text writes its numbers the English way and never the other: a dot
// before one, two or four and more digits ("167.2", "36.0%", "2,464.3") is a decimal
// dot; a comma before one or two digits at a number's end ("45,00", "1,5") a decimal
// comma. With dots only, `RMB5.790` is 5.79 (the locale `en`), never refused as
// possibly 5790: the text says how it writes numbers.
//
// The first number that writes a decimal dot, when the text writes no decimal comma.
std::optional<TextSpan> decimal_dot_evidence(std::string_view s) {
  std::optional<TextSpan> first;
  const std::size_t n = s.size();
  for (std::size_t i = 1; i + 1 < n; ++i) {
    // Eight positions at a time past those that are followed by no digit (prose holds
    // many stops and commas, and few digits): no byte of s[i + 1, i + 9) is a digit.
    for (std::uint64_t x; i + 9 <= n; i += 8) {
      std::memcpy(&x, s.data() + i + 1, 8);
      if (any_digit(x)) break;
    }
    if (i + 1 >= n) break;
    if ((s[i] != '.' && s[i] != ',') || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) continue;
    std::size_t e = i + 1;
    while (e < n && is_digit(s[e])) ++e;
    if (e < n && (s[e] == '.' || s[e] == ',') && e + 1 < n && is_digit(s[e + 1])) continue;  // "1.2.3", "1,234,5"
    std::size_t b = i - 1;
    while (b > 0 && is_digit(s[b - 1])) --b;
    if (b > 0 && (s[b - 1] == '.' || s[b - 1] == '/' || s[b - 1] == ':')) continue;  // versions, dates
    const std::size_t digits = e - i - 1;
    if (s[i] == '.' && digits != 3 && !first) {
      while (b > 0 && (is_digit(s[b - 1]) || (s[b - 1] == ',' && b > 1 && is_digit(s[b - 2])))) --b;  // "2,464.3"
      first = TextSpan{b, e};
    }
    if (s[i] == ',' && digits < 3) return std::nullopt;
  }
  return first;
}

// Whether a figure writes a dot before exactly three digits (`RMB5.790`): the form
// whose reading may depend on the locale.
bool has_dot_three(std::string_view t) {
  for (std::size_t i = 1; i + 3 < t.size(); ++i) {
    if (t[i] != '.' || !is_digit(t[i - 1])) continue;
    std::size_t e = i + 1;
    while (e < t.size() && is_digit(t[e])) ++e;
    if (e - i - 1 == 3) return true;
  }
  return false;
}

}  // namespace finmetrics::extract_detail
