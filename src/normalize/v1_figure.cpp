#include "finmetrics/normalize/v1_figure.hpp"

#include <cstdint>
#include <cstring>

namespace finmetrics {
namespace detail {

namespace {

constexpr int usd = 0, cny = 1, hkd = 2, eur = 3;

bool starts_with(std::string_view s, std::size_t at, std::string_view what) noexcept {
  return s.size() - at >= what.size() && std::memcmp(s.data() + at, what.data(), what.size()) == 0;
}
// starts_with for a literal: its length is a constant, so the compare is a few loads.
template <std::size_t N>
bool has(std::string_view s, std::size_t at, const char (&text)[N]) noexcept {
  return s.size() - at >= N - 1 && std::memcmp(s.data() + at, text, N - 1) == 0;
}

bool is_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') < 10; }

}  // namespace

bool scan_v1_figure(std::string_view s, V1Scan& out, V1ScanError& error) noexcept {
  const auto fail = [&](std::size_t at, const char* why, Errc code = Errc::syntax) {
    error = V1ScanError{at, why, code};
    return false;
  };
  if (s.empty()) return fail(0, "empty figure");
  std::size_t i = 0;
  int prefix = -1;
  // Prefixes by first byte (a loop of memcmp over all ten costs more than the rest of the scan).
  const auto try_prefix = [&](std::string_view marker, int currency) {
    if (prefix < 0 && starts_with(s, 0, marker)) {
      prefix = currency;
      i = marker.size();
    }
  };
  switch (s[0]) {
    case '$': try_prefix("$", usd); break;
    case 'U': try_prefix("US$", usd); try_prefix("USD ", usd); break;
    case 'R': try_prefix("Rmb", cny); try_prefix("RMB ", cny); break;
    case 'C': try_prefix("CNY ", cny); break;
    case 'H': try_prefix("HK$", hkd); try_prefix("HKD ", hkd); break;
    case '\xE2': try_prefix("\xE2\x82\xAC", eur); break;
    case 'E': try_prefix("EUR ", eur); break;
    default: break;
  }
  // The number: digits in comma groups of three, or plain digits; optional decimals.
  if (i >= s.size() || !is_digit(s[i]))
    return fail(i, prefix < 0 && i < s.size() && !is_digit(s[i]) ? "expected a currency marker or a digit"
                                                                  : "expected a digit");
  const std::size_t number_start = i;
  u128 mantissa = 0;
  int fraction_digits = 0;
  // The common number first (at most 19 digits, well formed): one 64-bit
  // accumulator and no bookkeeping per digit. Anything else is read again below
  // by the careful path, which also words every error.
  bool read = false;
  bool grouped = false;
  {
    std::uint64_t v = 0;
    std::size_t j = i;
    const std::size_t n = s.size();
    while (j < n && is_digit(s[j])) v = v * 10 + static_cast<unsigned>(s[j++] - '0');
    std::size_t count = j - i;  // digits so far, leading zeros included
    bool ok = true;
    if (j < n && s[j] == ',') {
      grouped = true;
      ok = count <= 3;
      while (ok && j < n && s[j] == ',') {
        ok = j + 3 < n && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
             (j + 4 >= n || !is_digit(s[j + 4]));
        if (!ok) break;
        v = v * 1000 + static_cast<unsigned>(s[j + 1] - '0') * 100 + static_cast<unsigned>(s[j + 2] - '0') * 10 +
            static_cast<unsigned>(s[j + 3] - '0');
        count += 3;
        j += 4;
      }
    }
    if (ok && j < n && s[j] == '.') {
      const std::size_t f = ++j;
      while (j < n && is_digit(s[j])) v = v * 10 + static_cast<unsigned>(s[j++] - '0');
      fraction_digits = static_cast<int>(j - f);
      count += j - f;
      ok = fraction_digits > 0;
    }
    if (ok && count <= 19) {
      mantissa = v;
      i = j;
      read = true;
    } else {
      fraction_digits = 0;
    }
  }
  if (!read) {
    // Digits go into 64 bits while they fit (19 digits), then into 128.
    std::uint64_t small = 0;
    int digits = 0;      // digits pushed, leading zeros included
    int significant = 0;
    const auto push = [&](char c) {
      const auto v = static_cast<unsigned>(c - '0');
      if (significant == 0 && v == 0) return;  // leading zeros carry no value
      ++significant;
      if (++digits <= 19) small = small * 10 + v;
      else {
        if (digits == 20) mantissa = small;
        mantissa = mantissa * 10 + v;
      }
    };
    // parse_figure holds at most 24 runs of digits (the first, the groups, the
    // decimals); v1 refuses the same numbers, so that both read one set of figures.
    constexpr int max_runs = 24;
    int runs = 1;
    while (i < s.size() && is_digit(s[i])) push(s[i++]);
    if (i < s.size() && s[i] == ',') {
      grouped = true;
      if (i - number_start > 3) return fail(i, "a thousands separator after more than three digits");
      while (i < s.size() && s[i] == ',') {
        if (++runs > max_runs) return fail(number_start, "number has too many digit groups", Errc::overflow);
        const std::size_t group = i + 1;
        std::size_t j = group;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j - group != 3) return fail(i, "expected three digits after ','");
        for (std::size_t k = group; k < j; ++k) push(s[k]);
        i = j;
      }
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (i >= s.size() || !is_digit(s[i])) return fail(i, "expected a digit after '.'");
      if (++runs > max_runs) return fail(number_start, "number has too many digit groups", Errc::overflow);
      while (i < s.size() && is_digit(s[i])) {
        push(s[i++]);
        ++fraction_digits;
      }
      // parse_figure holds at most 988 decimal places (room below the decimal
      // range for a scale); v1 refuses the same numbers, zeros included.
      static_assert(-Decimal::min_exponent - 12 == 988, "the message names the limit");
      if (fraction_digits > -Decimal::min_exponent - 12)
        return fail(number_start, "number has more than 988 decimal places", Errc::overflow);
    }
    if (significant > Decimal::max_digits) return fail(number_start, "more than 38 significant digits", Errc::overflow);
    if (digits <= 19) mantissa = small;
  }
  int scale = 0;
  if (i < s.size()) {
    switch (s[i]) {  // attached scales by their letter; spaced words after a space
      case 'k': scale = 3; ++i; break;
      case 'm': scale = 6; i += (i + 1 < s.size() && s[i + 1] == 'n') ? 2 : 1; break;
      case 'b':
      case 't':
        if (i + 1 < s.size() && s[i + 1] == 'n') {
          scale = s[i] == 'b' ? 9 : 12;
          i += 2;
        }
        break;
      case ' ':  // the word by its first letter, compared at a length known when compiling
        if (i + 1 < s.size()) {
          const auto word = [&](const auto& text, int exponent) {
            if (has(s, i, text)) {
              scale = exponent;
              i += sizeof text - 1;
              return true;
            }
            return false;
          };
          switch (s[i + 1]) {
            case 't': (void)(word(" thousand", 3) || word(" trillion", 12)); break;
            case 'm': word(" million", 6); break;
            case 'b': word(" billion", 9); break;
            default: break;
          }
        }
        break;
      default: break;
    }
  }
  int suffix = -1;
  if (i + 1 < s.size() && s[i] == ' ') {
    const auto marker = [&](const auto& text, int currency) {
      if (has(s, i, text)) {
        suffix = currency;
        i += sizeof text - 1;
      }
    };
    switch (s[i + 1]) {
      case 'y': marker(" yuan", cny); break;
      case 'U': marker(" US dollars", usd); break;
      case 'H': marker(" Hong Kong dollars", hkd); break;
      case 'e': marker(" euros", eur); break;
      default: break;
    }
  }
  bool per_share = false;
  if (has(s, i, " per share")) {
    per_share = true;
    i += sizeof " per share" - 1;
  }
  if (i != s.size()) return fail(i, "unexpected text after the figure");
  if (prefix >= 0 && suffix >= 0) return fail(0, "two currency markers");
  if (prefix < 0 && suffix < 0) return fail(s.size(), "no currency marker");
  // The value must be a Decimal (the reference path reads it as one): refuse
  // what lies outside its exponent range here, as this row's error.
  const int exponent = scale - fraction_digits;
  if (mantissa != 0 && (exponent < Decimal::min_exponent || exponent > Decimal::max_exponent))
    return fail(number_start, "more decimal places than the decimal range holds (exponent beyond -1000)", Errc::overflow);
  out.mantissa = mantissa;
  out.exponent = mantissa == 0 ? 0 : exponent;
  out.currency = prefix >= 0 ? prefix : suffix;
  out.per_share = per_share;
  out.grouped = grouped;
  return true;
}

}  // namespace detail

Result<V1Figure> parse_v1_figure(std::string_view text) {
  detail::V1Scan scan;
  detail::V1ScanError error;
  if (!detail::scan_v1_figure(text, scan, error)) return unexpected(make_error(error.code, error.message, text, error.position));
  const Decimal::Coefficient c = static_cast<Decimal::Coefficient>(boost::multiprecision::uint128_t(scan.mantissa));
  return V1Figure{Decimal::from_parts(c, scan.exponent), detail::v1_currencies[scan.currency], scan.per_share};
}

}  // namespace finmetrics
