#include "finmetrics/parse/figure_reader.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "figure_reader_bytes.hpp"
#include "figure_reader_match.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

// The reading half of FigureReader: `read`, the grammar of docs/figures.md written
// out for its commonest corner, and the QuotedFigure a reading stands for. Its
// tables' look-up is in figure_reader_match.hpp, its fast path in
// figure_reader_fast.cpp; the tables are compiled in figure_reader_learn.cpp.

namespace finmetrics {

using namespace figure_reader_detail;

const FigureReader::Word* FigureReader::Table::match_rest(std::string_view s, std::size_t at, std::size_t n,
                                                          std::uint8_t form) const noexcept {
  if (small || !codes.empty()) return match(s, at, n, form, [n](std::size_t k) { return k == n; });
  if (at >= n) return nullptr;
  const std::size_t left = n - at;
  const char* const p = s.data() + at;
  const auto b0 = static_cast<unsigned char>(p[0]);
  const std::size_t h = left == 1 ? single_bucket(b0) : bucket(b0, static_cast<unsigned char>(p[1]));
  // the first probe no longer than the rest, then those as long as it
  const Probe* k = std::partition_point(probes.data() + first[h], probes.data() + first[h + 1],
                                        [left](const Probe& probe) { return probe.size > left; });
  const Probe* const end = probes.data() + first[h + 1];
  if (k == end || k->size != left) return nullptr;
  const std::uint64_t chunk = load8(p, left);
  const std::uint64_t folded = fold8(chunk);
  for (; k != end && k->size == left; ++k) {
    const Probe& probe = *k;
    if (((probe.folded ? folded : chunk) & probe.mask) != probe.key || (probe.forms & form) == 0) continue;
    const Word& w = words[probe.word];
    if (probe.size > 8 && !tail_matches(p, w, probe)) continue;
    return &w;
  }
  return nullptr;
}

// A number in words at `i`, as the numbers table learned them: `a`/`an` (one),
// `half a` (0.5), or a cardinal or tens word, a tens word and a unit after a
// hyphen (`twenty-five`), a unit below ten followed by `hundred`; `i` ends at the
// space after it (a scale or a marker must follow).
bool FigureReader::number_words(std::string_view s, std::size_t& i, std::size_t n, std::uint64_t& digits, int& fraction,
                                bool& needs_scale) const noexcept {
  if (!numbers_.may_start(s, i, n)) return false;
  const auto space_after = [&](std::size_t k) { return k < n && s[k] == ' '; };
  const Word* w = numbers_.match(s, i, n, before_spaced, [&](std::size_t k) { return k < n && (s[k] == ' ' || s[k] == '-'); });
  if (w == nullptr) return false;
  std::size_t k = i + w->text.size();
  switch (w->number_kind) {
    case number_article:
      if (!space_after(k)) return false;
      digits = 1;
      needs_scale = true;
      break;
    case number_half:
      // `half a`
      if (!(space_after(k) && k + 2 < n && s[k + 1] == 'a' && s[k + 2] == ' ')) return false;
      k += 2;
      digits = 5;
      fraction = 1;
      needs_scale = true;
      break;
    case number_unit:
    case number_tens:
      digits = w->number;
      if (s[k] == '-') {
        if (w->number_kind != number_tens || !hyphen_units_) return false;
        const Word* unit = numbers_.match(s, k + 1, n, before_spaced, space_after);
        if (unit == nullptr || unit->number_kind != number_unit || unit->number >= 10) return false;
        digits += unit->number;
        k += 1 + unit->text.size();
      }
      if (hundreds_ && digits < 10 && space_after(k)) {  // `eight hundred`, not `fifteen hundred`
        const Word* h = numbers_.match(s, k + 1, n, before_spaced, space_after);
        if (h != nullptr && h->number_kind == number_hundred) {
          digits *= 100;
          k += 1 + h->text.size();
        }
      }
      if (!space_after(k)) return false;
      break;
    default:
      return false;
  }
  i = k;
  return true;
}

bool FigureReader::read_uncached(std::string_view s, FigureReading& out, bool ranges) const noexcept {
  std::size_t b = 0, n = 0;
  if (!trimmed(s, b, n)) return false;
  const bool keyword = ranges && range_keyword(s, b, n);
  if (keyword && read_range(s, b, n, out)) return true;
  Front f;
  if (!read_front(s, b, n, f)) return ranges && !keyword && read_range(s, b, n, out);
  return read_rest(s, b, n, f, out, ranges) || (ranges && !keyword && read_range(s, b, n, out));
}

// The bytes before the number's first digit, looked up whole among those the
// general front read when the reader was compiled (learn_fronts): the same Front,
// since what the front reads depends on nothing past that digit.
FigureReader::Front FigureReader::front_of(const FrontSlot& slot, std::size_t b, std::size_t d) const noexcept {
  Front f;
  f.i = static_cast<std::uint32_t>(b + d);
  f.qualifier_end = static_cast<std::uint32_t>(b + slot.qualifier_end);
  f.marker_begin = static_cast<std::uint32_t>(b + slot.marker_begin);
  f.marker_end = static_cast<std::uint32_t>(b + slot.marker_end);
  f.prefix = slot.prefix == no_word ? nullptr : &markers_.words[slot.prefix];
  f.country = slot.country == no_word ? nullptr : &countries_.words[slot.country];
  f.qualifier = slot.qualifier;
  f.marker_form = slot.marker_form;
  f.negative = slot.negative;
  f.inner = slot.inner;
  return f;
}

// What stands before the number, read by the grammar: a hedge or a sign,
// parentheses, a marker or a country prefix. False: not a figure the reader reads.
bool FigureReader::read_front(std::string_view s, std::size_t b, std::size_t n, Front& f) const noexcept {
  const auto digit_at = [&](std::size_t k) { return k < n && is_digit(s[k]); };
  const auto space = [&](std::size_t k) { return space_at(s, k, n); };
  const auto minus = [&](std::size_t k) -> std::size_t {
    if (k >= n) return 0;
    if (s[k] == '-') return 1;
    return static_cast<unsigned char>(s[k]) == 0xE2 && k + 2 < n && static_cast<unsigned char>(s[k + 1]) == 0x88 &&
                   static_cast<unsigned char>(s[k + 2]) == 0x92
               ? 3
               : 0;
  };
  std::size_t i = b;

  // A hedge (then one space, or nothing: `~`), or a sign.
  Qualifier qualifier = Qualifier::none;
  std::size_t qualifier_end = b;
  std::uint8_t form = 0;
  if (const Word* h = !hedges_.may_start(s, b, n) ? nullptr : hedges_.match(
          s, b, n, before_spaced, [&](std::size_t k) { return k < n && s[k] == ' '; }, before_attached,
          [&](std::size_t k) { return k < n && space(k) == 0; }, form)) {
    qualifier = h->qualifier;
    qualifier_end = b + h->text.size();
    i = form == before_spaced ? qualifier_end + 1 : qualifier_end;
  }
  bool negative = false;
  if (qualifier == Qualifier::none && sign_first_) {
    if (const std::size_t m = minus(i)) {
      negative = true;
      i += m;
    }
  }

  // Accounting parentheses around the amount (`(S$ 544m)`, `(USD 1) per share`):
  // negative; its units end at the ')'.
  std::size_t m = n;
  bool outer = false;
  if (outer_paren_ && qualifier == Qualifier::none && !negative && s[i] == '(') {
    const std::size_t close = s.find(')', i + 1);
    if (close == std::string_view::npos || close >= n) return false;
    outer = negative = true;
    m = close;
    ++i;
  }

  // A marker before the number, attached or after one space; then perhaps a sign or
  // parentheses around the number (`US$(318)m`).
  const bool sign_may_follow = sign_after_marker_ && !negative && qualifier == Qualifier::none;
  const bool paren_may_follow = inner_paren_ && !negative && qualifier == Qualifier::none;
  const auto number_starts = [&](std::size_t k) {
    return digit_at(k) || (sign_may_follow && minus(k) != 0) || (paren_may_follow && k < n && s[k] == '(' && digit_at(k + 1));
  };
  std::size_t marker_begin = i, marker_end = i;
  std::uint8_t marker_form = 0;
  const Word* prefix = !markers_.may_start(s, i, n) ? nullptr : markers_.match(s, i, n, before_attached, number_starts, before_spaced,
                                      [&](std::size_t k) {
                                        const std::size_t g = space(k);
                                        return g > 0 && number_starts(k + g);
                                      },
                                      marker_form);
  if (prefix != nullptr) {
    i += prefix->text.size();
    marker_end = i;
    if (marker_form == before_spaced) i += space(i);
  }
  // Or a country prefix (`US4.5cps`, `HK 12 cents`): its currency in the unit of a
  // minor unit after the number; the marker is all of it, number included.
  const Word* country = nullptr;
  if (prefix == nullptr && !negative && countries_.may_start(s, i, n)) {
    std::uint8_t country_form = 0;
    // (spaces: U+0020 only, as the tables learned them)
    country = countries_.match(s, i, n, before_attached, digit_at, before_spaced,
                               [&](std::size_t k) { return k < n && s[k] == ' ' && digit_at(k + 1); }, country_form);
    if (country != nullptr) {
      i += country->text.size();
      if (country_form == before_spaced) ++i;
    }
  }
  bool inner = false;
  if (prefix != nullptr && paren_may_follow && i < n && s[i] == '(') {
    inner = negative = true;
    ++i;
  } else if (prefix != nullptr && sign_may_follow) {
    if (const std::size_t k = minus(i)) {
      negative = true;
      i += k;
    }
  }

  f.i = static_cast<std::uint32_t>(i);
  f.qualifier_end = static_cast<std::uint32_t>(qualifier_end);
  f.marker_begin = static_cast<std::uint32_t>(marker_begin);
  f.marker_end = static_cast<std::uint32_t>(marker_end);
  f.m = static_cast<std::uint32_t>(m);
  f.prefix = prefix;
  f.country = country;
  f.qualifier = qualifier;
  f.marker_form = marker_form;
  f.negative = negative;
  f.outer = outer;
  f.inner = inner;
  return true;
}

bool FigureReader::read_rest(std::string_view s, std::size_t b, std::size_t n, const Front& f, FigureReading& out,
                             bool ranges) const noexcept {
  const auto digit_at = [&](std::size_t k) { return k < n && is_digit(s[k]); };
  const auto space = [&](std::size_t k) { return space_at(s, k, n); };
  std::size_t i = f.i;
  const Qualifier qualifier = f.qualifier;
  const std::size_t qualifier_end = f.qualifier_end;
  std::size_t marker_begin = f.marker_begin, marker_end = f.marker_end;
  std::uint8_t marker_form = f.marker_form;
  const Word* const prefix = f.prefix;
  const Word* const country = f.country;
  bool negative = f.negative;
  const bool outer = f.outer, inner = f.inner;
  const std::size_t m = f.outer ? f.m : n;

  // The number: digits, or groups of three after one to three digits (all
  // separated alike: commas, or spaces where they group); an optional decimal
  // part. At most 18 digits (a 64-bit integer).
  std::size_t start = i;
  std::uint64_t digits = 0;
  int count = 0;
  bool grouped = false, indian = false;
  std::size_t whole_end = i;
  int fraction = 0;
  bool needs_scale = false;  // `a` and `half a` are a number only before a scale
  const bool in_words = !digit_at(i);
  if (in_words) {
    // Or in words (`eleven`, `twenty-five hundred`, `a`, `half a`), before a space.
    if (prefix != nullptr || country != nullptr || negative || !number_words(s, i, n, digits, fraction, needs_scale))
      return false;
    whole_end = i;
  } else {
    while (digit_at(i)) {
      digits = digits * 10 + static_cast<unsigned>(s[i++] - '0');
      if (++count > 18) return false;
    }
    if (i - start <= 3) {
      char kind = 0;  // ',' or ' '
      for (;;) {
        std::size_t g = 0;
        char k = ',';
        if (i < n && s[i] == ',') {
          g = 1;
        } else if (space_groups_ && (g = space(i)) != 0) {
          k = ' ';
        }
        if (g == 0 || !digit_at(i + g) || !digit_at(i + g + 1) || !digit_at(i + g + 2) || digit_at(i + g + 3)) break;
        if (kind != 0 && k != kind) return false;  // mixed separators: parse_figure decides which is decimal
        kind = k;
        for (std::size_t d = i + g; d < i + g + 3; ++d) digits = digits * 10 + static_cast<unsigned>(s[d] - '0');
        if ((count += 3) > 18) return false;
        i += g + 3;
        grouped = true;
      }
    }
    // Indian grouping (`2,83,65,87,890`): one or two digits, pairs, then a group of
    // three, all after commas; read only with a rupee marker or an Indian locale.
    if (!grouped && i - start <= 2 && i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && !digit_at(i + 3)) {
      while (i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && !digit_at(i + 3)) {
        digits = digits * 100 + static_cast<unsigned>(s[i + 1] - '0') * 10 + static_cast<unsigned>(s[i + 2] - '0');
        count += 2;
        i += 3;
      }
      if (!(i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3) && !digit_at(i + 4)))
        return false;
      for (std::size_t d = i + 1; d < i + 4; ++d) digits = digits * 10 + static_cast<unsigned>(s[d] - '0');
      if ((count += 3) > 18) return false;
      i += 4;
      grouped = indian = true;
    }
    whole_end = i;
    if (i < n && s[i] == '.') {
      if (!digit_at(i + 1)) return false;
      ++i;
      while (digit_at(i)) {
        digits = digits * 10 + static_cast<unsigned>(s[i++] - '0');
        ++fraction;
        if (++count > 18) return false;
      }
    }
  }
  // Another separator, or a space before a digit: parse_figure's (errors, other groupings).
  if (i < n && (s[i] == ',' || s[i] == '.' || s[i] == '\'')) return false;
  if (const std::size_t g = (i < n && s[i] == ' ') ? 1 : space(i); g != 0 && digit_at(i + g)) return false;
  if (inner) {
    if (i >= n || s[i] != ')') return false;
    ++i;
  }
  bool dot_three =
      !in_words && dot_three_ambiguous_ && !grouped && whole_end - start <= 3 && fraction == 3 && s[start] != '0';

  // A range (no hedge): `-`, `–` or ` to ` and a second plain number (digits, groups
  // of three after commas, decimals), above the first; the scale and marker after it
  // are both's.
  bool range = false;
  std::uint64_t upper = 0;
  int upper_fraction = 0;
  if (ranges && ranges_ && qualifier == Qualifier::none && !in_words && !inner && !negative && !indian &&
      country == nullptr && i < n) {
    std::size_t k = i;
    if (s[k] == '-') {
      k += 1;
    } else if (static_cast<unsigned char>(s[k]) == 0xE2 && k + 2 < n && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
               static_cast<unsigned char>(s[k + 2]) == 0x93) {
      k += 3;  // U+2013
    } else if (k + 3 < n && s[k] == ' ' && s[k + 1] == 't' && s[k + 2] == 'o' && s[k + 3] == ' ') {
      k += 4;
    }
    if (k != i && digit_at(k)) {
      PlainNumber upper_number;
      if (!read_plain_number(s.data(), k, n, upper_number)) return false;
      upper = upper_number.digits;
      upper_fraction = upper_number.fraction;
      if (k < n && (s[k] == ',' || s[k] == '.' || s[k] == '\'' || s[k] == '-' || is_digit(s[k]))) return false;
      if (const std::size_t g = (k < n && s[k] == ' ') ? 1 : space(k); g != 0 && digit_at(k + g)) return false;
      // the lower end below the upper one (both below 10^18: compared at one quantum)
      const int common = std::max(fraction, upper_fraction);
      detail::u128 low = digits, high = upper;
      for (int x = fraction; x < common; ++x) low *= 10;
      for (int x = upper_fraction; x < common; ++x) high *= 10;
      if (!(low < high)) return false;
      dot_three = dot_three || (dot_three_ambiguous_ && upper_number.dot_three(s.data()));
      range = true;
      i = k;
    }
  }

  // A scale: attached (then the end or anything but a letter: `1bn€`) or after one space.
  const Word* scale = !scales_.may_start(s, i, m) ? nullptr : scales_.match(s, i, m, after_attached, [&](std::size_t k) { return k >= m || !is_letter(s[k]); });
  if (scale != nullptr) {
    i += scale->text.size();
  } else if (const std::size_t g = space(i)) {
    if (scales_.may_start(s, i + g, m) && (scale = scales_.match(s, i + g, m, after_spaced, [&](std::size_t k) { return k >= m || space(k) > 0; })))
      i += g + scale->text.size();
  }
  if (dot_three && scale == nullptr) return false;  // `1.234`: which locale?
  if (needs_scale && scale == nullptr) return false;

  // A marker after the number (then the end or a space).
  const auto word_end = [&](std::size_t k) { return k >= m || space(k) > 0; };
  const Word* marker = prefix;
  if (country != nullptr) {
    // no scale, and a minor unit of the prefix's family (`cents`, `c`, `cps`)
    if (scale != nullptr) return false;
    if (minors_.may_start(s, i, m) && (marker = minors_.match(s, i, m, after_attached, word_end))) {
      i += marker->text.size();
    } else if (i < m && s[i] == ' ' && minors_.may_start(s, i + 1, m) &&
               (marker = minors_.match(s, i + 1, m, after_spaced, word_end))) {
      i += 1 + marker->text.size();
    } else {
      return false;
    }
    marker_end = i;
  } else if (prefix == nullptr) {
    if (markers_.may_start(s, i, m) && (marker = markers_.match(s, i, m, after_attached, word_end))) {
      marker_form = after_attached;
      marker_begin = i;
      i += marker->text.size();
      marker_end = i;
    } else if (const std::size_t g = space(i); g > 0 && markers_.may_start(s, i + g, m) && (marker = markers_.match(s, i + g, m, after_spaced, word_end))) {
      marker_form = after_spaced;
      marker_begin = i + g;
      i += g + marker->text.size();
      marker_end = i;
    }
  }
  if (marker == nullptr || (country == nullptr && scale != nullptr && (marker->scaled & marker_form) == 0)) return false;
  if (indian && !indian_locale_ && marker->currency != Currency{{'I', 'N', 'R'}}) return false;
  if (outer) {
    if (i != m) return false;
    i = m + 1;
  }

  // What the amount is per, ending the figure (`cps` says it itself).
  Per per = country != nullptr ? marker->per : Per::whole;
  int per_shift = 0;
  if (i < n) {
    if (per != Per::whole) return false;
    const std::size_t g = space(i);
    if (g == 0) return false;
    const Word* p = !pers_.may_start(s, i + g, n) ? nullptr
                                                   : pers_.match_rest(s, i + g, n, after_spaced);
    if (p == nullptr) return false;
    per = p->per;
    per_shift = p->shift;
  }

  out.digits = digits;
  out.fraction_digits = fraction;
  out.shift = marker->shift + per_shift;
  out.scale = scale != nullptr ? scale->scale : scales::units;
  out.negative = negative;
  out.currency = country != nullptr ? country->currency : marker->currency;
  out.per = per;
  out.qualifier = qualifier;
  out.currency_source = country != nullptr ? country->source : marker->source;
  out.currency_family = marker->family;
  out.begin = static_cast<std::uint32_t>(b);
  out.end = static_cast<std::uint32_t>(n);
  out.qualifier_end = static_cast<std::uint32_t>(qualifier_end);
  out.marker_begin = static_cast<std::uint32_t>(marker_begin);
  out.marker_end = static_cast<std::uint32_t>(marker_end);
  out.range = range;
  out.upper_digits = upper;
  out.upper_fraction_digits = upper_fraction;
  return true;
}

void FigureReader::fill(std::string_view text, const FigureReading& r, const HedgeTolerances& tolerances,
                        QuotedFigure& f) const {
  f.text.assign(text.data() + r.begin, r.end - r.begin);
  f.span = TextSpan{r.begin, r.end};
  const auto magnitude = static_cast<std::int64_t>(r.digits);  // below 10^18
  const Decimal::Coefficient coefficient(r.negative ? -magnitude : magnitude);
  f.number = Decimal::from_parts(coefficient, -r.fraction_digits);
  f.value = Decimal::from_parts(coefficient, r.exponent());
  if (r.range) {
    f.upper = Decimal::from_parts(Decimal::Coefficient(static_cast<std::int64_t>(r.upper_digits)), r.upper_exponent());
  }
  f.scale = r.scale;
  f.unit.dimension = Dimension::money;
  f.unit.currency = r.currency;
  f.unit.per = r.per;
  f.qualifier = r.qualifier;
  f.tolerances = tolerances;
  f.currency_source = r.currency_source;
  f.currency_marker.assign(text.data() + r.marker_begin, r.marker_end - r.marker_begin);
  f.currency_span = TextSpan{r.marker_begin, r.marker_end};
  const std::string_view family = family_names_[r.currency_family];
  f.currency_family.assign(family.data(), family.size());
  f.qualifier_span = TextSpan{r.begin, r.qualifier_end};
}

QuotedFigure FigureReader::to_quoted_figure(std::string_view text, const FigureReading& r) const {
  QuotedFigure f;
  fill(text, r, options_.tolerances, f);
  return f;
}

namespace {

// What `tl::in_place` constructs a Result's QuotedFigure from: the figure `make`
// returns, built in one aggregate initialization right where the Result holds it
// (a conversion to a prvalue: nothing moved). A default figure assigned field by
// field, or a figure moved in, costs a third more.
template <class Make>
struct Built {
  Make make;
  operator QuotedFigure() const { return make(); }  // NOLINT(google-explicit-constructor)
};
template <class Make>
Built(Make) -> Built<Make>;

}  // namespace

Result<QuotedFigure> FigureReader::figure(std::string_view text, const FigureReading& r,
                                          const HedgeTolerances& tolerances) const {
  const auto magnitude = static_cast<std::int64_t>(r.digits);  // below 10^18
  const Decimal::Coefficient coefficient(r.negative ? -magnitude : magnitude);
  const std::string_view family = family_names_[r.currency_family];
  return Result<QuotedFigure>(tl::in_place, Built{[&] {
    return QuotedFigure{
        .text = std::string(text.data() + r.begin, r.end - r.begin),
        .span = TextSpan{r.begin, r.end},
        .value = Decimal::from_parts(coefficient, r.exponent()),
        .number = Decimal::from_parts(coefficient, -r.fraction_digits),
        .scale = r.scale,
        .unit = Unit{Dimension::money, r.currency, r.per, {}},
        .qualifier = r.qualifier,
        .upper = r.range ? std::optional<Decimal>(Decimal::from_parts(
                               Decimal::Coefficient(static_cast<std::int64_t>(r.upper_digits)), r.upper_exponent()))
                         : std::nullopt,
        .tolerances = tolerances,
        .currency_source = r.currency_source,
        .currency_marker = std::string(text.data() + r.marker_begin, r.marker_end - r.marker_begin),
        .currency_span = TextSpan{r.marker_begin, r.marker_end},
        .currency_family = std::string(family),
        .qualifier_span = TextSpan{r.begin, r.qualifier_end},
        .equivalents = {},
    };
  }});
}

Result<QuotedFigure> FigureReader::parse(std::string_view text) const {
  FigureReading r;
  if (read(text, r, true)) return figure(text, r, options_.tolerances);
  if (Error e; refuses(text, e)) return Result<QuotedFigure>(tl::unexpect, std::move(e));
  return parse_detail::parse_figure_unmemoized(text, options_);
}

}  // namespace finmetrics
