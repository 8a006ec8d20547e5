#include "finmetrics/normalize/v2_figure.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "finmetrics/detail/int128.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"

namespace finmetrics {

std::string_view to_string(V2Qualifier q) noexcept {
  switch (q) {
    case V2Qualifier::exact: return "exact";
    case V2Qualifier::about: return "about";
    case V2Qualifier::nearly: return "nearly";
    case V2Qualifier::more_than: return "more_than";
    case V2Qualifier::at_least: return "at_least";
    case V2Qualifier::less_than: return "less_than";
    case V2Qualifier::at_most: return "at_most";
    case V2Qualifier::range: return "range";
  }
  return "exact";
}

Result<V2Figure> read_v2_figure(std::string_view text, const ParseOptions& options) {
  // By the grammar, not through parse_figure's memo of readers: normalize asks
  // here only about the rows its own FigureReader declined; past the memo's
  // threshold it would compile a second reader that declines them again.
  auto f = parse_detail::parse_figure_unmemoized(text, options);
  if (!f) return unexpected(f.error());
  if (!f->unit.is_money() || !f->unit.currency) {
    if (f->unit.dimension == Dimension::count && !f->unit.noun.empty())  // "14bn hryvnia": a word the lexicon does not know as a currency
      return unexpected(make_error(Errc::unknown_currency,
                                   fmt::format("not an amount of money: '{}' is no currency the lexicon knows",
                                               f->unit.noun),
                                   text, Error::npos));
    return unexpected(make_error(Errc::syntax, "not an amount of money (no currency marker)", text, Error::npos));
  }
  // A guard, not a second grammar: a figure whose currency a minor unit named
  // (`cents`, `5p`) but whose value came back undivided (the number as written,
  // scaled) would be 100 times too large. One look-up of the marker, not of every
  // word: "20 dollars 43 cents" is named by "dollars" and is 20.43.
  const Lexicon& lexicon = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  const CurrencyMarker* marker =
      f->currency_marker.empty() ? nullptr : lexicon.currency_marker_after_number(f->currency_marker);
  if (marker != nullptr && marker->divisor != 1 && f->value == f->number.shifted(f->scale.exponent) &&
      !f->value.is_zero())
    return unexpected(make_error(Errc::syntax, "a minor unit (cents, pence, paise) that parse_figure did not divide: refused, not guessed",
                                 text, Error::npos));
  V2Figure v{*f->unit.currency, f->value, f->upper, v2_qualifier(f->qualifier), f->unit.per, f->currency_source};
  if (f->upper) v.qualifier = V2Qualifier::range;
  return v;
}

void append_plain(std::string& out, const Decimal& d) {
  if (d.is_zero()) {
    out += '0';
    return;
  }
  append_plain(out, (d.sign() < 0 ? -d.coefficient() : d.coefficient()).convert_to<detail::u128>(), d.exponent(),
               d.sign() < 0);
}

void append_plain(std::string& out, detail::u128 magnitude, int exponent, bool negative) {
  if (magnitude == 0) {
    out += '0';
    return;
  }
  // The digits of the magnitude, without going through a string of Boost's.
  char buffer[48];
  char* const end = buffer + sizeof buffer;
  char* first = end;
  auto m = magnitude;
  for (; m > UINT64_MAX; m /= 10) *--first = static_cast<char>('0' + static_cast<int>(m % 10));
  for (auto small = static_cast<std::uint64_t>(m); small != 0; small /= 10)  // 64-bit divisions from here
    *--first = static_cast<char>('0' + static_cast<int>(small % 10));
  std::string_view digits(first, static_cast<std::size_t>(end - first));
  while (exponent < 0 && digits.size() > 1 && digits.back() == '0') {  // trailing zeros after the point
    digits.remove_suffix(1);
    ++exponent;
  }
  if (negative) out += '-';
  if (exponent >= 0) {
    out += digits;
    out.append(static_cast<std::size_t>(exponent), '0');
    return;
  }
  const auto point = static_cast<std::size_t>(-exponent);
  if (digits.size() > point) {
    out.append(digits.substr(0, digits.size() - point));
    out += '.';
    out.append(digits.substr(digits.size() - point));
  } else {
    out += "0.";
    out.append(point - digits.size(), '0');
    out += digits;
  }
}

}  // namespace finmetrics
