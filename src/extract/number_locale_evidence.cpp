#include "number_locale_evidence.hpp"

#include <cstdint>
#include <cstring>

#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

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
    for (std::uint64_t x; i + 8 <= n; i += 8) {  // eight bytes at a time past those that are neither
      std::memcpy(&x, s.data() + i, 8);
      if (any_byte_is(x, '.') || any_byte_is(x, ',')) break;
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
