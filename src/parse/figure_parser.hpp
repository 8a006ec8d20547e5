#pragma once
// The parser of quoted figures behind parse_figure and read_figure_at: the state of
// one figure (Term) and its readers (Parser), one file per part of the grammar:
// figure_number.cpp (digits, separators, locales), figure_markers.cpp (currency
// markers and hedges before the number), figure_words.cpp (numbers in words, minor
// units in words), figure_units.cpp (what follows the number), parse_figure.cpp
// (terms, ranges, the figure). The grammar is in docs/figures.md. Not public API.

#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/read_figure_at.hpp"
#include "finmetrics/parse/detail/figure_paths.hpp"
#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "../lexicon/tables.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <cstddef>
#include <string_view>

#include <fmt/format.h>

namespace finmetrics::parse_detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// `w` is the lower-case word `lower` in any case (a template, so that the length
// test is inline and the loop unrolled).
template <std::size_t N>
constexpr bool is_word(std::string_view w, const char (&lower)[N]) noexcept {
  if (w.size() != N - 1) return false;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (to_lower(w[i]) != lower[i]) return false;
  }
  return true;
}

// `w` is `word` in any ASCII case (a run-time `is_word`).
constexpr bool is_word_any(std::string_view w, std::string_view word) noexcept {
  if (w.size() != word.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (to_lower(w[i]) != to_lower(word[i])) return false;
  }
  return true;
}

using detail::CodePoint;

inline CodePoint decode(std::string_view s, std::size_t p) noexcept { return detail::decode_utf8(s, p); }

// space, tab, no-break space, thin space, narrow no-break space, ideographic space
constexpr bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000;
}
// CJK ideographs, and Hangul syllables (Korean writes its scales and won so: 9조1800억원).
constexpr bool is_cjk(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7A3);
}
// Signs that name a currency on their own (the alias table decides which).
constexpr bool is_currency_sign(char32_t c) noexcept {
  return c == U'$' || c == 0xA3 || c == 0xA5 || c == 0x20AC || c == 0xFFE5 || c == 0x20B9 || c == 0x20A9;
}

// A count noun is lower-case words none of which is a unit: "shares", "monthly
// active users"; "yuan ner share" (a slip) is not.
inline bool is_count_noun(std::string_view phrase, const Lexicon& lex) {
  std::size_t i = 0;
  while (i < phrase.size()) {
    std::size_t j = i;
    while (j < phrase.size() && is_lower(phrase[j])) ++j;
    if (j == i) return false;  // an upper-case letter or other character
    const std::string_view word = phrase.substr(i, j - i);
    if (lex.scale(word) || lex.currency_marker(word) != nullptr) return false;
    i = j;
    while (i < phrase.size() && phrase[i] == ' ') ++i;
  }
  return !phrase.empty();
}

inline constexpr std::array<std::uint64_t, 19> pow10_u64{
    1ULL,          10ULL,          100ULL,          1000ULL,          10000ULL,
    100000ULL,     1000000ULL,     10000000ULL,     100000000ULL,     1000000000ULL,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
    1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL};

// One side of a figure: [sign] [prefix currency] [sign] number [scale] [unit words].
// Every piece remembers where it was written, for messages and for ranges.
//
// Only the state that decides what comes next is initialised: a Term is made per
// figure, and zeroing all of it (GCC emits `rep stos` for that) cost a tenth of
// the parse. The other members are written before they are read: `begin`, `end`
// and the number by read_term and read_number, the text and position of a piece
// together with the piece (`scale_text` with `scale`, ...).
struct Term {
  bool negative = false;
  bool currency_is_prefix = false;
  bool dot_three = false;  // "1.234": needs a scale (or a locale) to be read
  bool indian = false;     // "1,23,456": needs a rupee marker (or an Indian locale)
  bool words_need_scale = false;
  bool may_borrow_currency = false;  // the upper end of a range  // "a", "half a": only before a scale ("a billion")
  int shift = 0;           // minus the power of ten of a minor unit or "per 10 shares"
  int per_shift = 0;       // the part of `shift` that "per 10 shares" took
  CurrencySource source = CurrencySource::none;
  const CurrencyMarker* marker = nullptr;   // the marker that named the currency
  const CurrencyMarker* country = nullptr;  // a country prefix waiting for its marker
  std::string_view country_text;
  std::size_t country_pos = 0;
  Dimension dimension = Dimension::number;  // percent, pp, bp, multiple (money and count are set apart)
  std::optional<Scale> scale;
  std::optional<Currency> currency;
  std::optional<Per> per;
  std::string_view noun;
  // The digits: in 64 bits up to 18 of them (`small`), in `wide` beyond.
  std::optional<Decimal::Coefficient> wide;
  std::uint64_t small;
  int fraction_digits;

  std::size_t begin;
  std::size_t end;
  std::size_t number_pos;
  std::string_view number_text;
  std::string_view scale_text;
  std::string_view currency_text;
  std::size_t currency_pos;
  std::string_view dimension_text;
  std::size_t dimension_pos;
  std::string_view per_text;
  std::size_t noun_pos;
  std::string_view last_text;  // the last piece read, for "unexpected 'x' after 'y'"

  [[nodiscard]] Decimal::Coefficient coefficient() const {
    if (wide) return negative ? Decimal::Coefficient(-*wide) : *wide;
    const auto v = static_cast<std::int64_t>(small);  // below 10^18
    return Decimal::Coefficient(negative ? -v : v);
  }
  [[nodiscard]] Decimal number() const { return Decimal::from_parts(coefficient(), -fraction_digits); }
  [[nodiscard]] Decimal value() const {
    return Decimal::from_parts(coefficient(), -fraction_digits + (scale ? scale->exponent : 0) + shift);
  }
  [[nodiscard]] bool has_unit() const noexcept {
    return currency.has_value() || dimension != Dimension::number || !noun.empty();
  }
};

// The readers take the position by reference and advance it; on failure they
// return false with the error in `error_` (no Result<> per step: the common path
// moves no Error and no Term around).
class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) noexcept
      : s_(text),
        options_(options),
        lex_(options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin()),
        tables_(Lexicon::Tables::of(lex_)) {}

  // Set by parse_figure before run(): the options' locale, if any.
  const NumberLocale* locale_ = nullptr;
  // Set by read_figure_prefix: read the longest figure at the start of the text
  // (running text follows it) instead of the whole text as one figure; with
  // `ranges_` apart, `X-Y` and `X to Y` end the figure at X; dashed, `X to Y` does.
  bool prefix_ = false;
  RangeReading ranges_ = RangeReading::joined;
  // Which routes through the grammar parse_figure may take (figure_front.cpp); set
  // apart only by the differential test and the fuzz target.
  FigurePaths paths_ = FigurePaths::both;
  bool front_answered_ = false;  // the front path read the figure

  Result<QuotedFigure> run();

 private:
  bool fail(Errc code, std::string message, std::size_t pos) {
    // In prefix mode most errors are dropped (a unit piece that does not read ends the
    // figure): read_figure_at sets the input of the one returned.
    error_ = make_error(code, std::move(message), prefix_ ? std::string_view() : s_, pos);
    return false;
  }
  bool fail(Error e) {
    error_ = std::move(e);
    return false;
  }

  [[nodiscard]] CodePoint at(std::size_t p) const noexcept {
    if (p >= end_) return {};
    const auto b = static_cast<unsigned char>(s_[p]);
    return b < 0x80 ? CodePoint{b, 1} : decode(s_, p);
  }
  [[nodiscard]] std::size_t skip_space(std::size_t p) const noexcept {
    while (p < end_) {
      const char b = s_[p];
      if (b == ' ' || b == '\t') {
        ++p;
      } else if (static_cast<unsigned char>(b) < 0x80) {
        break;
      } else {
        const CodePoint c = decode(s_, p);
        if (!is_space(c.value)) break;
        p += c.size;
      }
    }
    return p;
  }
  // A space between digit groups ("10 000", U+00A0, U+2009, U+202F) before a digit: its length.
  [[nodiscard]] std::size_t separator_space(std::size_t p) const noexcept {
    if (p >= end_) return 0;
    const CodePoint c = at(p);
    const bool space = c.value == U' ' || c.value == 0xA0 || c.value == 0x2009 || c.value == 0x202F;
    return space && p + c.size < end_ && is_digit(s_[p + c.size]) ? c.size : 0;
  }
  // The end of a marker-like run at p: letters of any script, '$', '.' and signs;
  // it stops at digits, white space, other ASCII punctuation and CJK.
  [[nodiscard]] std::size_t marker_run_end(std::size_t p) const noexcept {
    const std::size_t start = p;
    while (p < end_) {
      const char b = s_[p];
      if (is_ascii_letter(b) || b == '$') {
        ++p;
        continue;
      }
      // "S/ 412 million", "S/.412": one letter and a slash (the Peruvian sol's sign)
      if (b == '/' && p == start + 1 && is_ascii_letter(s_[start]) &&
          (p + 1 >= end_ || s_[p + 1] == '.' || s_[p + 1] == ' ' || is_digit(s_[p + 1]))) {
        ++p;
        continue;
      }
      if (b == '.') {  // "Rs.", "U.S.$": a dot inside or ending a marker, never before a digit
        if (p + 1 < end_ && is_digit(s_[p + 1])) {
          ++p;  // "Rs.45": the dot ends the marker
          break;
        }
        ++p;
        continue;
      }
      if (static_cast<unsigned char>(b) < 0x80) break;
      const CodePoint c = decode(s_, p);
      if (is_space(c.value) || is_cjk(c.value) || c.value == 0x2212 || c.value == 0x2013 || c.value == 0xFF05 ||
          (c.value >= 0x2000 && c.value <= 0x206F) || c.value == 0xFEFF || c.value == 0xAD) {
        break;
      }
      p += c.size;
    }
    return p;
  }
  // The longest marker of the lexicon that [p, e) starts with, ending at a word
  // boundary: its end (p when none), the marker in `m`.
  std::size_t longest_marker(std::size_t p, std::size_t e, bool after_number, const CurrencyMarker*& m) const noexcept {
    for (std::size_t k = e; k > p;) {
      if (k == e || !is_ascii_letter(s_[k - 1]) || !is_ascii_letter(s_[k])) {
        const std::string_view w = s_.substr(p, k - p);
        m = after_number ? lex_.currency_marker_after_number(w) : lex_.currency_marker(w);
        if (m != nullptr) return k;
      }
      --k;
      while (k > p && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;
    }
    m = nullptr;
    return p;
  }
  [[nodiscard]] bool space_at(std::size_t p) const noexcept {
    const CodePoint c = at(p);
    return c.size != 0 && is_space(c.value);
  }
  [[nodiscard]] std::size_t letters_end(std::size_t p) const noexcept {
    while (p < end_ && is_ascii_letter(s_[p])) ++p;
    return p;
  }
  // ASCII letters, then letters of Latin-1 and Latin Extended-A ("bilhões", "millón"),
  // so that a word of another language is read whole.
  [[nodiscard]] std::size_t latin_letters_end(std::size_t p) const noexcept {
    for (;;) {
      p = letters_end(p);
      if (p >= end_ || static_cast<unsigned char>(s_[p]) < 0x80) return p;
      const CodePoint c = at(p);
      // a well-formed letter only: a lone byte (0xE8) decodes as itself, no letter
      if (c.size < 2 || c.value < 0xC0 || c.value > 0x17F || c.value == 0xD7 || c.value == 0xF7) return p;
      p += c.size;
    }
  }
  // A `glued_scale` cue (`mil`: "RM277mil") glued to the number of a currency marker
  // written before it, in a currency whose press does not write it for a thousand
  // (`mil_thousand` cues): the scale of its exponent.
  [[nodiscard]] std::optional<Scale> glued_scale(std::string_view w, const Term& t) const noexcept {
    const Cue* g = lex_.cue(w, "glued_scale");
    if (g == nullptr || !t.currency || !t.currency_is_prefix || t.scale || t.per || t.shift != 0 ||
        (t.marker != nullptr && t.marker->divisor != 1) || lex_.cue(t.currency->code(), "mil_thousand") != nullptr) {
      return std::nullopt;
    }
    for (const Scale sc : {scales::thousand, scales::million, scales::billion}) {
      if (g->value.size() == 1 && g->value[0] == static_cast<char>('0' + sc.exponent)) return sc;
    }
    return std::nullopt;
  }
  // The end of a scale of two words whose first word [q, e) is no scale alone ("mil
  // millones"), or 0.
  [[nodiscard]] std::size_t two_word_scale_end(std::size_t q, std::size_t e) const noexcept {
    std::size_t b = e;
    while (b < end_ && (s_[b] == ' ' || s_[b] == '\t')) ++b;
    if (b == e || b >= end_ || !is_ascii_letter(s_[b])) return 0;
    const std::size_t we = letters_end(b);
    return lex_.scale(s_.substr(q, we - q)) ? we : 0;
  }
  // A scale word read only after a currency marker that stands before the number
  // (`marker_scale` cues: "US$ 47.9 bi", "R$ 350 mi"); elsewhere no scale ("5 mi" of road).
  [[nodiscard]] std::optional<Scale> marker_scale(std::string_view w, const Term& t) const noexcept {
    if (!t.currency || !t.currency_is_prefix || t.scale || t.per || t.shift != 0 ||
        (t.marker != nullptr && t.marker->divisor != 1)) {
      return std::nullopt;
    }
    const Cue* c = lex_.cue(w, "marker_scale");
    if (c == nullptr) return std::nullopt;
    for (const Scale sc : {scales::thousand, scales::million, scales::billion, scales::trillion}) {
      if (c->value == std::to_string(sc.exponent)) return sc;
    }
    return std::nullopt;
  }
  [[nodiscard]] std::string glued_scale_refusal(std::string_view w, const Term& t) const {
    return fmt::format("'{}' after '{}' is a million in English press and a thousand in Spanish and Portuguese: not "
                       "read",
                       w, s_.substr(t.begin, t.number_pos + t.number_text.size() - t.begin));
  }
  [[nodiscard]] std::size_t cjk_end(std::size_t p) const noexcept {
    for (CodePoint c = at(p); c.size != 0 && is_cjk(c.value); c = at(p)) p += c.size;
    return p;
  }
  // The piece of text at p to quote in a message: a word, or one code point.
  [[nodiscard]] std::string_view piece_at(std::size_t p) const noexcept {
    if (p >= end_) return {};
    if (is_ascii_letter(s_[p])) return s_.substr(p, letters_end(p) - p);
    return s_.substr(p, at(p).size);
  }
  [[nodiscard]] std::string found(std::size_t p) const {
    if (p >= end_) return "the end of the text";
    const CodePoint c = at(p);
    // "$5\u200d0bn": an invisible character is named, never shown as nothing
    if ((c.value >= 0x200B && c.value <= 0x200F) || (c.value >= 0x2060 && c.value <= 0x2064) || c.value == 0xFEFF ||
        c.value == 0xAD) {
      return fmt::format("invisible character U+{:04X}", static_cast<unsigned>(c.value));
    }
    return fmt::format("'{}'", quote_for_message(piece_at(p)));  // a NUL or control byte escaped, never raw
  }
  // A dash between the ends of a range: '-' or an en dash; its length or 0.
  [[nodiscard]] std::size_t dash_at(std::size_t p) const noexcept {
    const CodePoint c = at(p);
    return (c.value == U'-' || c.value == 0x2013) ? c.size : 0;
  }
  [[nodiscard]] std::size_t sign_at(std::size_t p, bool& negative) const noexcept {
    const CodePoint c = at(p);
    if (c.value == U'-' || c.value == 0x2212) {
      negative = true;
      return c.size;
    }
    if (c.value == U'+') return 1;
    return 0;
  }
  // The word `w` (ASCII, any case) at p, followed by a word boundary.
  template <std::size_t N>
  [[nodiscard]] bool word_at(std::size_t p, const char (&w)[N]) const noexcept {
    const std::size_t e = letters_end(p);
    return is_word(s_.substr(p, e - p), w);
  }

  // The word after white space at `from`: its start (`from` when none) and the word.
  [[nodiscard]] std::pair<std::size_t, std::string_view> word_after(std::size_t from) const noexcept {
    const std::size_t b = skip_space(from);
    return {b, s_.substr(b, letters_end(b) - b)};
  }
  // What an amount is per, at the word `w` (ending at e), by the lexicon's per-share
  // words (cues.csv: `per_share`, `per_leader`, `share_noun`, `share_class`): `each`,
  // `a share`, `per ADS`, `per ordinary share`, `per American depositary shares`,
  // `per 10 shares`, or `per cent`; `none` when `w` opens no such phrase. One reading
  // for both routes (read_units and front_term).
  struct PerPhrase {
    enum Kind { none, percent, share, ads, error } kind = error;
    std::size_t end = 0;  ///< the phrase's end; for an error, where it is
    int shift = 0;        ///< `per 10 shares`: -1 (the amount of one share is a tenth)
    std::string message;  ///< for an error
  };
  [[nodiscard]] PerPhrase per_phrase(std::string_view w, std::size_t e) const;
  [[nodiscard]] bool capitals_as_written(std::string_view row, std::size_t q) const noexcept;
  std::optional<std::pair<Qualifier, std::size_t>> match_qualifier(std::size_t p) const noexcept;
  bool currency_at(std::string_view marker, std::size_t pos, Currency& out);
  bool set_marker(const CurrencyMarker& m, std::string_view text, std::size_t pos, bool prefix, Term& t);
  bool coin_ends_amount(std::size_t e, std::string_view text);
  bool apply_multiple(std::uint32_t multiple, std::string_view text, std::size_t pos, Term& t);
  bool finish_term(Term& t);
  [[nodiscard]] bool one_of_currency(const Term& t) const;
  bool settle_term(const Term& t);
  bool read_number(std::size_t& p, Term& t);
  bool read_prefix(std::size_t& p, Term& t);
  bool capital_label(std::size_t b, std::size_t e, std::size_t sign) const;
  static bool currency_name(std::string_view text);
  bool read_prefix_fallback(std::size_t& p, Term& t);
  bool read_number_words(std::size_t& p, Term& t);
  // Chinese numerals (figure_words.cpp): "三千", "两万五千", "十五", "百分之十五".
  [[nodiscard]] std::size_t cjk_numeral_at(std::size_t p) const noexcept;
  bool read_cjk_number(std::size_t& p, Term& t);
  bool read_units(std::size_t& p, Term& t);
  bool read_term(std::size_t p, bool sign_allowed, Term& t);
  // The front path (figure_front.cpp): the term at p in one of the commonest shapes,
  // as read_term reads it (up to the end or a range separator: '-', '–', "to",
  // "and"); false (and no error) where it leaves the term to read_term.
  bool front_term(std::size_t p, bool sign_allowed, Term& t);
  // The ends of the marker-like words from p (up to the lexicon's longest currency
  // name, at most six), each after white space: their number.
  using MarkerWordEnds = std::array<std::size_t, 6>;
  std::size_t marker_word_ends(std::size_t p, MarkerWordEnds& ends) const noexcept;
  const CurrencyMarker* marker_words_at(std::size_t q, std::size_t& marker_end) const noexcept;
  // On success `values` holds both ends' values, for the figure.
  bool join_range(Term& low, Term& high, std::size_t separator_pos, Qualifier q, std::pair<Decimal, Decimal>& values);
  [[nodiscard]] Result<QuotedFigure> figure(std::size_t begin, const Term& low, Qualifier qualifier, Decimal value,
                                    std::optional<Decimal> upper) const;

  std::string_view s_;
  const ParseOptions& options_;
  const Lexicon& lex_;
  const Lexicon::Tables& tables_;  // one look-up of a word for its markers and scales (front path)
  std::size_t end_ = 0;  // the end of the text without trailing white space
  std::optional<Error> error_;  // set by a reader that returns false
  TextSpan qualifier_span_;
  // Prefix reading: read_units stops before the piece that starts at `units_limit_`;
  // the piece that failed, and why, name a figure glued to what follows it.
  std::size_t units_limit_ = std::string_view::npos;
  std::size_t piece_start_ = 0;
  std::optional<Error> units_error_;
  std::size_t units_error_at_ = 0;
  bool fatal_ = false;    // an error no shorter figure may hide (prefix mode)
  bool between_ = false;  // "between X and Y": "and" separates the ends
  bool ends_figure(std::size_t e);
  // A count of minor units at p: one or two digits, or number words below a
  // hundred ("forty-two"); the count plus one (0 when none), its end in minor_end_.
  std::uint64_t minor_amount_at(std::size_t p);
  // "MUSD", "MEUR": 'M' and an ISO code, millions of that currency (a banking convention).
  [[nodiscard]] std::optional<Currency> million_code(std::string_view w) const noexcept {
    if (w.size() != 4 || w[0] != 'M' || !is_upper(w[1]) || !is_upper(w[2]) || !is_upper(w[3])) return std::nullopt;
    const CurrencyMarker* m = lex_.currency_marker(w.substr(1));
    return m != nullptr && m->currency && m->divisor == 1 && !m->country ? m->currency : std::nullopt;
  }
  std::size_t minor_end_ = 0;
};

}  // namespace finmetrics::parse_detail
