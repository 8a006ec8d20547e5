#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/parse/detail/read_figure_prefix.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// A hand-written scanner over the bytes: no regex, no allocation until the result
// (or an error) is built. The grammar is in docs/figures.md; the comments below
// name its productions.

namespace finmetrics {

namespace {

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

CodePoint decode(std::string_view s, std::size_t p) noexcept { return detail::decode_utf8(s, p); }

// space, tab, no-break space, thin space, narrow no-break space, ideographic space
constexpr bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000;
}
constexpr bool is_cjk(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}
// Signs that name a currency on their own (the alias table decides which).
constexpr bool is_currency_sign(char32_t c) noexcept {
  return c == U'$' || c == 0xA3 || c == 0xA5 || c == 0x20AC || c == 0xFFE5 || c == 0x20B9 || c == 0x20A9;
}

// A count noun is lower-case words none of which is a unit: "shares", "monthly
// active users"; "yuan ner share" (a slip) is not.
bool is_count_noun(std::string_view phrase, const Lexicon& lex) {
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

constexpr std::array<std::uint64_t, 19> pow10_u64{
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
      : s_(text), options_(options), lex_(options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin()) {}

  // Set by parse_figure before run(): the options' locale, if any.
  const NumberLocale* locale_ = nullptr;
  // Set by read_figure_prefix: read the longest figure at the start of the text
  // (running text follows it) instead of the whole text as one figure; with
  // `ranges_` apart, `X-Y` and `X to Y` end the figure at X; dashed, `X to Y` does.
  bool prefix_ = false;
  RangeReading ranges_ = RangeReading::joined;

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
    while (p < end_) {
      const char b = s_[p];
      if (is_ascii_letter(b) || b == '$') {
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
    return fmt::format("'{}'", piece_at(p));
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

  std::optional<std::pair<Qualifier, std::size_t>> match_qualifier(std::size_t p) const noexcept;
  bool currency_at(std::string_view marker, std::size_t pos, Currency& out);
  bool set_marker(const CurrencyMarker& m, std::string_view text, std::size_t pos, bool prefix, Term& t);
  bool finish_term(Term& t);
  bool settle_term(const Term& t);
  bool read_number(std::size_t& p, Term& t);
  bool read_prefix(std::size_t& p, Term& t);
  bool read_prefix_fallback(std::size_t& p, Term& t);
  bool read_number_words(std::size_t& p, Term& t);
  bool read_units(std::size_t& p, Term& t);
  bool read_term(std::size_t p, bool sign_allowed, Term& t);
  // On success `values` holds both ends' values, for the figure.
  bool join_range(Term& low, Term& high, std::size_t separator_pos, Qualifier q, std::pair<Decimal, Decimal>& values);
  [[nodiscard]] QuotedFigure figure(std::size_t begin, const Term& low, Qualifier qualifier, Decimal value,
                                    std::optional<Decimal> upper) const;

  std::string_view s_;
  const ParseOptions& options_;
  const Lexicon& lex_;
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

// The longest hedge phrase of the lexicon at p: up to its longest phrase's
// number of words, each a run of letters, '.', '~', '\'' or '-'.
std::optional<std::pair<Qualifier, std::size_t>> Parser::match_qualifier(std::size_t p) const noexcept {
  if (p >= end_ || !lex_.may_start_qualifier(s_[p])) return std::nullopt;
  const auto is_hedge_char = [](char c) {
    return is_ascii_letter(c) || c == '.' || c == '~' || c == '\'' || c == '-';
  };
  std::array<std::size_t, 8> ends{};
  int words = 0;
  const int max_words = std::min(lex_.max_qualifier_words(), static_cast<int>(ends.size()));
  for (std::size_t q = p; words < max_words && q < end_;) {
    std::size_t e = q;
    while (e < end_ && is_hedge_char(s_[e])) ++e;
    if (e == q) break;
    ends[static_cast<std::size_t>(words++)] = e;
    if (!space_at(e)) break;
    q = skip_space(e);
  }
  for (int k = words; k > 0; --k) {
    const std::size_t e = ends[static_cast<std::size_t>(k - 1)];
    if (const auto q = lex_.qualifier(s_.substr(p, e - p))) {
      // A phrase that ends in a letter must end a word ("over" is not "overall");
      // "~5", "c.5" and "approx.5" need no space.
      if (!is_ascii_letter(s_[e - 1]) || e >= end_ || space_at(e)) return std::pair{*q, skip_space(e)};
    }
  }
  // A sign glued to a word: "~Rmb5bn".
  std::size_t e = p;
  while (e < end_ && is_hedge_char(s_[e]) && !is_ascii_letter(s_[e])) ++e;
  if (e > p && e < end_ && is_ascii_letter(s_[e])) {
    if (const auto q = lex_.qualifier(s_.substr(p, e - p))) return std::pair{*q, e};
  }
  return std::nullopt;
}

// The currency a marker names, with the error placed in the figure.
bool Parser::currency_at(std::string_view marker, std::size_t pos, Currency& out) {
  auto c = lex_.currency(marker, options_.currency);
  if (!c) {
    Error e = std::move(c.error());
    e.input = std::string(s_);
    e.position = pos;
    return fail(std::move(e));
  }
  out = *c;
  return true;
}

// number = digits { separator digits }: the separators (',', '.', '\'', a space
// before a digit) are read as the options' locale says, or, without one, the
// English way (',' and spaces group, '.' is the decimal point), refusing what
// another locale reads otherwise (a decimal comma, dot grouping) as ambiguous.
bool Parser::read_number(std::size_t& pos, Term& t) {
  std::size_t p = pos;
  const std::size_t start = p;
  t.number_pos = start;

  // The common case first: digits [ "." digits ], at most 18 digits in all, not
  // followed by another separator, no locale: the coefficient is the digits read
  // as one 64-bit integer. Anything else (and every error) takes the general path.
  if (locale_ == nullptr || (locale_->decimal == '.' && !locale_->group_dot)) {
    std::uint64_t v = 0;  // wraps harmlessly beyond 19 digits: then it is not used
    std::size_t i = p;    // the end of the integer digits
    for (; i < end_ && is_digit(s_[i]); ++i) v = v * 10 + static_cast<std::uint64_t>(s_[i] - '0');
    std::size_t j = i;  // the end of the number
    bool simple = i > p;
    // In running text a '.' that no digit follows ends the sentence, not the number ("USD 200.").
    const auto full_stop = [&](std::size_t k) { return prefix_ && k < end_ && s_[k] == '.' && !(k + 1 < end_ && is_digit(s_[k + 1])); };
    if (simple && i < end_ && s_[i] == '.' && !full_stop(i)) {
      for (j = i + 1; j < end_ && is_digit(s_[j]); ++j) v = v * 10 + static_cast<std::uint64_t>(s_[j] - '0');
      simple = j > i + 1;  // "5." is an error: the general path reports it
    }
    if (simple && j < end_ && !full_stop(j) &&
        (s_[j] == ',' || s_[j] == '.' || s_[j] == '\'' || separator_space(j) != 0)) {
      simple = false;
    }
    if (simple && j - p <= 18) {
      t.small = v;
      t.fraction_digits = static_cast<int>(j == i ? 0 : j - i - 1);
      // "1.234": 1.234, or 1234 where a dot groups thousands; decided by the scale.
      t.dot_three = locale_ == nullptr && j - i == 4 && i - p <= 3 && s_[p] != '0';
      t.number_text = s_.substr(start, j - start);
      t.last_text = t.number_text;
      pos = j;
      return true;
    }
  }

  if (p >= end_ || !is_digit(s_[p])) {
    if (p < end_ && s_[p] == '.' && p + 1 < end_ && is_digit(s_[p + 1])) {
      return fail(Errc::syntax, "expected a digit before '.'", p);
    }
    return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  }

  // The runs of digits and the separators between them.
  struct Run {
    std::size_t begin, end;  // the digits
    char separator;          // before the run: ',', '.', '\'', ' ' ('\0' for the first)
    std::size_t separator_pos;
  };
  std::array<Run, 24> runs{};
  std::size_t n = 0;
  {
    std::size_t q = p;
    while (q < end_ && is_digit(s_[q])) ++q;
    runs[n++] = Run{p, q, '\0', p};
    for (;;) {
      char sep = '\0';
      std::size_t len = 0;
      if (q < end_ && (s_[q] == ',' || s_[q] == '.' || s_[q] == '\'')) {
        sep = s_[q];
        len = 1;
      } else if (const std::size_t sl = separator_space(q); sl != 0) {
        sep = ' ';
        len = sl;
      }
      if (sep == '\0' || q + len >= end_ || !is_digit(s_[q + len])) {
        if (sep == '.' && !(locale_ != nullptr && locale_->group_dot) && !prefix_) {
          return fail(Errc::syntax, "expected a digit after '.'", q + 1);
        }
        break;
      }
      if (n == runs.size()) return fail(Errc::overflow, "number has too many digit groups", start);
      std::size_t e = q + len;
      while (e < end_ && is_digit(s_[e])) ++e;
      runs[n++] = Run{q + len, e, sep, q};
      q = e;
    }
  }
  const auto digits = [&](std::size_t i) { return runs[i].end - runs[i].begin; };

  // Which separator, if any, is the decimal one.
  std::size_t decimal = 0;  // index of the run after the decimal separator; 0 = none
  const char last = runs[n - 1].separator;
  if (n > 1) {
    bool same = true;
    for (std::size_t i = 1; i + 1 < n; ++i) same = same && runs[i].separator == last;
    const char point = locale_ != nullptr ? locale_->decimal : '.';
    if (last == point && (n == 2 || !same)) {
      decimal = n - 1;
    } else if (!same && (last == '.' || last == ',')) {
      decimal = n - 1;  // checked against the locale below
    }
    if (locale_ == nullptr && n == 2 && last == ',' && (digits(1) != 3 || digits(0) > 3)) {
      decimal = 1;  // only a decimal comma reads it
    }
  }
  // Every separator but the decimal one groups digits: allowed by the locale?
  for (std::size_t i = 1; i < n; ++i) {
    const char sep = runs[i].separator;
    const bool is_decimal = i == decimal;
    if (locale_ == nullptr) {
      if (is_decimal && sep == ',') {
        return fail(Errc::ambiguous,
                    fmt::format("'{}' has a decimal comma, which only some locales write: set a locale (de, fr, ...)",
                                s_.substr(start, runs[n - 1].end - start)),
                    runs[i].separator_pos);
      }
      if (!is_decimal && (sep == '.' || sep == '\'')) {
        return fail(Errc::ambiguous,
                    fmt::format("'{}' groups digits with '{}', which only some locales write: set a locale (de, ...)",
                                s_.substr(start, runs[n - 1].end - start), sep),
                    runs[i].separator_pos);
      }
    } else if (is_decimal ? sep != locale_->decimal
                          : !((sep == ',' && locale_->group_comma) || (sep == '.' && locale_->group_dot) ||
                              (sep == ' ' && locale_->group_space) || (sep == '\'' && locale_->group_apostrophe))) {
      return fail(Errc::syntax,
                  fmt::format("'{}' is not a number in the locale {}: '{}' {}", s_.substr(start, runs[n - 1].end - start),
                              locale_->name, sep == ' ' ? std::string_view("space") : std::string_view(&sep, 1),
                              is_decimal ? "is not its decimal separator" : "does not group its digits"),
                  runs[i].separator_pos);
    }
  }
  // Groups of three after one to three digits; else Indian grouping (1,23,456),
  // which needs a rupee marker or an Indian locale (checked with the units).
  const std::size_t groups_end = decimal != 0 ? decimal : n;
  if (groups_end > 1) {
    bool western = digits(0) <= 3;
    std::size_t bad = 0;
    for (std::size_t i = 1; i < groups_end && western; ++i) {
      if (digits(i) != 3) {
        western = false;
        bad = i;
      }
    }
    if (!western) {
      bool indian = runs[1].separator == ',' && digits(0) <= 2 && digits(groups_end - 1) == 3 && groups_end > 2;
      for (std::size_t i = 1; i + 1 < groups_end && indian; ++i) indian = digits(i) == 2;
      if (!indian) {
        if (digits(0) > 3) {
          return fail(Errc::syntax, fmt::format("expected at most three digits before '{}'", runs[1].separator), start);
        }
        return fail(Errc::syntax,
                    fmt::format("expected three digits after '{}'",
                                runs[bad].separator == ' ' ? ' ' : runs[bad].separator),
                    runs[bad].begin);
      }
      t.indian = true;
    }
  }

  std::uint64_t chunk = 0;
  int chunk_digits = 0;
  int significant = 0;
  bool big_used = false;
  Decimal::Coefficient big{0};
  const auto push = [&](char c) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (significant == 0 && d == 0) return;  // leading zeros carry no digits
    ++significant;
    chunk = chunk * 10 + d;
    if (++chunk_digits == 18) {
      big = big * Decimal::Coefficient(pow10_u64[18]) + Decimal::Coefficient(chunk);
      big_used = true;
      chunk = 0;
      chunk_digits = 0;
    }
  };
  int fraction = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = runs[i].begin; k < runs[i].end; ++k) {
      push(s_[k]);
      if (i == decimal && decimal != 0) ++fraction;
      if (significant > Decimal::max_digits) {
        return fail(Errc::overflow, fmt::format("number has more than {} significant digits", Decimal::max_digits),
                    start);
      }
    }
  }
  if (fraction > -Decimal::min_exponent - 12) {
    return fail(Errc::overflow, fmt::format("number has more than {} decimal places", -Decimal::min_exponent - 12),
                start);
  }
  if (big_used) {
    t.wide = big * Decimal::Coefficient(pow10_u64[static_cast<std::size_t>(chunk_digits)]) +
             Decimal::Coefficient(chunk);
  } else {
    t.small = chunk;
  }
  t.fraction_digits = fraction;
  // "1.234" without a locale: 1.234, or 1234 where a dot groups; decided by the scale.
  t.dot_three = locale_ == nullptr && n == 2 && decimal == 1 && last == '.' && digits(1) == 3 && s_[start] != '0';
  p = runs[n - 1].end;
  t.number_text = s_.substr(start, p - start);
  t.last_text = t.number_text;
  pos = p;
  return true;
}

// prefix = currency-sign | letters currency-sign | currency-word (then optional space)
bool Parser::read_prefix_fallback(std::size_t& p, Term& t) {
  const CodePoint c = at(p);
  std::size_t e = p;
  if (c.size != 0 && is_currency_sign(c.value)) {
    e = p + c.size;
  } else if (c.size == 1 && is_ascii_letter(static_cast<char>(c.value))) {
    e = letters_end(p);
    const CodePoint after = at(e);
    if (after.size != 0 && is_currency_sign(after.value) && e - p <= 3) {
      e += after.size;  // US$, HK$, NT$, CN¥
    } else {
      // A word before the number: a currency code or alias ("Rmb", "RMB ", "USD ",
      // "Rs.").
      if (e < end_ && s_[e] == '.' && lex_.currency_marker(s_.substr(p, e + 1 - p)) != nullptr) ++e;
      const std::string_view word = s_.substr(p, e - p);
      auto cur = lex_.currency(word, options_.currency);
      if (const std::optional<Currency> code = cur ? std::nullopt : million_code(word)) {  // "MAUD 60"
        t.currency = *code;
        t.source = CurrencySource::explicit_;
        t.marker = lex_.currency_marker(word.substr(1));
        t.currency_text = word.substr(1);
        t.currency_pos = p + 1;
        t.currency_is_prefix = true;
        t.scale = scales::million;
        t.scale_text = word.substr(0, 1);
        t.last_text = word;
        p = skip_space(e);
        return true;
      }
      if (!cur) {
        if (lex_.scale(word)) {
          return fail(Errc::syntax, fmt::format("scale '{}' without a number", word), p);
        }
        if (cur.error().code == Errc::unknown_currency && word.size() == 3 && is_upper(word[0]) &&
            is_upper(word[1]) && is_upper(word[2])) {
          return fail(Errc::unknown_currency, std::move(cur.error().message), p);
        }
        if (cur.error().code == Errc::ambiguous) return fail(Errc::ambiguous, std::move(cur.error().message), p);
        return fail(Errc::syntax, fmt::format("expected a number, found '{}'", word), p);
      }
      t.currency = *cur;
      t.source = CurrencySource::explicit_;
      t.marker = lex_.currency_marker(word);
      t.currency_text = word;
      t.currency_pos = p;
      t.currency_is_prefix = true;
      t.last_text = word;
      p = skip_space(e);
      return true;
    }
  } else if (c.size != 0 && is_cjk(c.value)) {
    e = cjk_end(p);  // 人民币
  } else if (c.value >= 0x20A0 && c.value <= 0x20CF) {  // the Currency Symbols block: "₴5bn", "₫168bn"
    return fail(Errc::unknown_currency, fmt::format("unknown currency sign '{}'", s_.substr(p, c.size)), p);
  } else {
    return true;
  }
  const std::string_view marker = s_.substr(p, e - p);
  Currency cur;
  if (!currency_at(marker, p, cur)) return false;
  t.currency = cur;
  t.source = CurrencySource::explicit_;
  t.marker = lex_.currency_marker(marker);
  t.currency_text = marker;
  t.currency_pos = p;
  t.currency_is_prefix = true;
  t.last_text = marker;
  p = skip_space(e);
  return true;
}

// The currency a marker names, set on the term with its evidence. A country
// prefix waits for the family marker it names ("US4.5cps", "US $5"); a family
// marker after an explicit marker of its family only adds its unit ("NZD $100.70").
bool Parser::set_marker(const CurrencyMarker& m, std::string_view text, std::size_t pos, bool prefix, Term& t) {
  if (m.country) {
    if (!prefix || t.country != nullptr || t.currency) {
      return fail(Errc::syntax, fmt::format("'{}' names a currency only before a '$' or a minor unit", text), pos);
    }
    t.country = &m;
    t.country_text = text;
    t.country_pos = pos;
    return true;
  }
  if (t.currency) {
    if (!m.currency && m.family != 0 && t.marker != nullptr && t.marker->family == m.family && t.shift == 0 &&
        t.source == CurrencySource::explicit_ && (prefix || m.divisor != 1) &&
        !(options_.one_marker && m.divisor == 1)) {
      if (m.divisor != 1) t.shift -= m.divisor == 10 ? 1 : m.divisor == 100 ? 2 : 3;
      if (m.per == Per::share) t.per = Per::share, t.per_text = text;
      return true;
    }
    return fail(Errc::syntax, fmt::format("two currency markers: '{}' and '{}'", t.currency_text, text), pos);
  }
  Currency cur;
  CurrencySource source = CurrencySource::explicit_;
  if (m.currency) {
    cur = *m.currency;
  } else if (t.country != nullptr && t.country->family == m.family) {
    cur = *t.country->currency;
    text = s_.substr(t.country_pos, pos + text.size() - t.country_pos);  // "US4.5cps": both are the evidence
    pos = t.country_pos;
    t.country = nullptr;
  } else {
    auto r = lex_.resolve(m, text, options_.currency);
    if (!r) {
      Error e = std::move(r.error());
      e.input = std::string(s_);
      e.position = pos;
      return fail(std::move(e));
    }
    cur = *r;
    const bool is_default = lex_.family_default(m.family) == cur && !options_.currency.dollar_is_option &&
                            lex_.family_name(m.family) == "dollar";
    source = is_default ? CurrencySource::default_ : CurrencySource::option;
  }
  if (t.country != nullptr) {
    return fail(Errc::syntax,
                fmt::format("'{}' names a {}, not '{}'", t.country_text, lex_.family_name(t.country->family), text),
                t.country_pos);
  }
  t.currency = cur;
  t.marker = &m;
  t.source = source;
  t.currency_text = text;
  t.currency_pos = pos;
  t.currency_is_prefix = prefix;
  t.last_text = text;
  if (m.divisor != 1) t.shift -= m.divisor == 10 ? 1 : m.divisor == 100 ? 2 : 3;
  if (m.per == Per::share) {
    t.per = Per::share;
    t.per_text = text;
  }
  return true;
}

// prefix = marker [ws] [marker]: the longest marker of the lexicon ("HK$", "Rs.",
// "R$", "Kč", "US"), then a family marker a country or code names ("NZD $").
bool Parser::read_prefix(std::size_t& p, Term& t) {
  if (p >= end_ || is_digit(s_[p])) return true;
  const auto b = static_cast<unsigned char>(s_[p]);
  if (b < 0x80 && !is_ascii_letter(s_[p]) && s_[p] != '$') return true;
  if (b >= 0x80 && is_cjk(at(p).value)) return read_prefix_fallback(p, t);
  // A dollar prefix written apart, as lower-cased text writes it: "hk $ 10.05" is
  // "HK$", "c $ 16.4" is "C$" (but "a $5" is the article: a number word).
  if (is_ascii_letter(s_[p])) {
    std::size_t we = p;
    while (we < end_ && we - p < 5 && (is_ascii_letter(s_[we]) || s_[we] == '.')) ++we;
    const std::size_t sign = skip_space(we);
    const bool lower = std::any_of(s_.begin() + static_cast<std::ptrdiff_t>(p), s_.begin() + static_cast<std::ptrdiff_t>(we), is_lower);
    if (we - p <= 4 && (sign > we || lower) && sign < end_ && s_[sign] == '$' &&
        lex_.number_word(s_.substr(p, we - p)) == nullptr) {
      // "u.s $": "U.S$" or "U.S.$"
      std::array<char, 8> joined{};
      for (std::size_t i = p; i < we; ++i) joined[i - p] = is_lower(s_[i]) ? static_cast<char>(s_[i] - 'a' + 'A') : s_[i];
      std::size_t n = we - p;
      joined[n] = '$';
      const CurrencyMarker* m = lex_.currency_marker(std::string_view(joined.data(), n + 1));
      if (m == nullptr && joined[n - 1] != '.') {
        joined[n] = '.';
        joined[n + 1] = '$';
        m = lex_.currency_marker(std::string_view(joined.data(), n + 2));
      }
      if (m == nullptr && lower) {  // "usd$ 15", "cad$": a code of the dollar family with its sign
        const CurrencyMarker* code = lex_.currency_marker(std::string_view(joined.data(), n));
        const CurrencyMarker* sign_marker = lex_.currency_marker("$");
        // ("mxn$": the '$' is the peso's sign too: a glued code decides)
        if (code != nullptr && code->currency && !code->country && code->divisor == 1 && sign_marker != nullptr &&
            (sign == we || (lex_.family_of(*code->currency) == sign_marker->family && sign_marker->family != 0))) {
          m = code;
        }
      }
      if (m != nullptr) {
        if (!set_marker(*m, s_.substr(p, sign + 1 - p), p, true, t)) return false;
        p = skip_space(sign + 1);
        return true;
      }
    }
  }
  for (int markers = 0; markers < 2 && p < end_; ++markers) {
    const std::size_t e = marker_run_end(p);
    const CurrencyMarker* m = nullptr;
    const std::size_t k = longest_marker(p, e, false, m);
    if (m == nullptr || (k < end_ && is_ascii_letter(s_[k]) && is_ascii_letter(s_[k - 1]))) {
      if (markers == 0) return read_prefix_fallback(p, t);
      break;
    }
    if (m->divisor != 1) {  // "p5", "cents 5": a minor unit follows its number
      return fail(Errc::syntax,
                  fmt::format("'{}' is a minor unit: it follows the number ('5{}')", s_.substr(p, k - p), s_.substr(p, k - p)),
                  p);
    }
    if (!set_marker(*m, s_.substr(p, k - p), p, true, t)) return false;
    p = skip_space(k);
    if (p < end_ && (is_digit(s_[p]) || s_[p] == '(' || s_[p] == '-' || s_[p] == '+')) break;
  }
  return true;
}

// term = [sign] ["("] [prefix] ["("] [sign] ( number | number-words ) units [")"]
// Accounting parentheses make the amount negative: "($99.99)", "£(982)m".
bool Parser::read_term(std::size_t p, bool sign_allowed, Term& t) {
  t.begin = p;
  bool signed_already = false;
  if (sign_allowed) {
    if (const std::size_t n = sign_at(p, t.negative); n != 0) {
      signed_already = true;
      p += n;
    } else if (word_at(p, "minus") && space_at(p + 5)) {  // "minus five percent"
      t.negative = true;
      signed_already = true;
      p = skip_space(p + 5);
    }
  }
  bool outer_paren = false;
  if (sign_allowed && !signed_already && p < end_ && s_[p] == '(') {
    outer_paren = true;
    t.negative = true;
    p = skip_space(p + 1);
  }
  const std::size_t word_end = letters_end(p);
  const NumberWord* word = word_end > p ? lex_.number_word(s_.substr(p, word_end - p)) : nullptr;
  if (word == nullptr && word_end > p && word_end < end_ && s_[word_end] == '-') {
    word = lex_.number_word(s_.substr(p, word_end - p));  // "one-fifth", "twenty-one": the first part
  }
  if (word != nullptr && !(word_end < end_ && (is_digit(s_[word_end]) || s_[word_end] == '$'))) {
    if (!read_number_words(p, t)) return false;
  } else {
    if (!read_prefix(p, t)) return false;
    bool inner_paren = false;
    if (sign_allowed && !signed_already && !outer_paren) {
      if (p < end_ && s_[p] == '(') {
        inner_paren = true;
        t.negative = true;
        p = skip_space(p + 1);
      } else {
        p += sign_at(p, t.negative);
      }
    }
    if (p < end_ && is_ascii_letter(s_[p])) {
      const std::string_view w = piece_at(p);
      if (lex_.scale(w)) return fail(Errc::syntax, fmt::format("scale '{}' without a number", w), p);
    }
    if (!read_number(p, t)) return false;
    if (inner_paren) {
      if (p >= end_ || s_[p] != ')') return fail(Errc::syntax, fmt::format("expected ')', found {}", found(p)), p);
      ++p;
    }
  }
  if (prefix_) {
    // Running text follows the figure: a unit piece that does not read ends the
    // figure before it (read again up to there), and says why if the figure is
    // glued to it.
    const Term before_units = t;
    const std::size_t units_begin = p;
    if (!read_units(p, t)) {
      if (fatal_) return false;
      units_error_ = std::move(error_);
      units_error_at_ = piece_start_;
      error_.reset();
      t = before_units;
      p = units_begin;
      units_limit_ = units_error_at_;
      const bool again = read_units(p, t);
      units_limit_ = std::string_view::npos;
      if (!again) return false;
    }
  } else if (!read_units(p, t)) {
    return false;
  }
  if (outer_paren) {
    const std::size_t q = skip_space(p);
    if (q >= end_ || s_[q] != ')') return fail(Errc::syntax, fmt::format("expected ')', found {}", found(q)), q);
    p = q + 1;
    // "(R$86.75) per share": what the amount is per may follow the parentheses, nothing else.
    if (!t.per) {
      const bool scaled = t.scale.has_value(), had_currency = t.currency.has_value();
      const Dimension dimension = t.dimension;
      const std::size_t noun = t.noun.size(), after = p;
      if (!read_units(p, t)) return false;
      if (t.scale.has_value() != scaled || t.currency.has_value() != had_currency || t.dimension != dimension ||
          t.noun.size() != noun || (p != after && !t.per)) {
        return fail(Errc::syntax, fmt::format("unexpected {} after ')'", found(skip_space(after))), skip_space(after));
      }
    }
  }
  t.end = p;
  return finish_term(t);
}

// What a term can only be checked against once its units are read.
bool Parser::finish_term(Term& t) {
  if (t.country != nullptr) {
    return fail(Errc::syntax, fmt::format("'{}' names a currency only before a '$' or a minor unit", t.country_text),
                t.country_pos);
  }
  if (t.words_need_scale && !t.scale) {
    return fail(Errc::syntax, fmt::format("'{}' needs a scale after it ('{} billion')", t.number_text, t.number_text),
                t.number_pos);
  }
  return true;
}

// What the other end of a range may still supply (a scale, a currency): checked
// once the figure is whole, by run() for a single figure, by join_range for both ends.
bool Parser::settle_term(const Term& t) {
  if (t.dot_three && !t.scale) {
    return fail(Errc::ambiguous,
                fmt::format("'{}' is {} where a dot groups thousands: set a locale (en, de, ...) or add a scale",
                            t.number_text, [&] {
                              std::string digits(t.number_text);
                              digits.erase(digits.find('.'), 1);
                              return digits;
                            }()),
                t.number_pos);
  }
  if (t.indian && !(locale_ != nullptr && locale_->indian) && t.currency != Currency{{'I', 'N', 'R'}}) {
    return fail(Errc::syntax,
                fmt::format("'{}' has Indian digit grouping, read only with a rupee marker or the locale en-IN",
                            t.number_text),
                t.number_pos);
  }
  return true;
}

// number-words = "a" | "an" | cardinal | tens ["-" cardinal] | (cardinal | "a") "hundred" [["and"] tens/cardinal]
//              | "half" ["a" | "an"] | ["a" | "an" | cardinal] ["-"] fraction | multiple
// "three billion", "a billion", "half a billion", "a third", "one-fifth", "twofold".
bool Parser::read_number_words(std::size_t& pos, Term& t) {
  using K = NumberWord::Kind;
  std::size_t p = pos;
  t.number_pos = p;
  const auto word_at_p = [&](std::size_t q, std::size_t& e) -> const NumberWord* {
    e = letters_end(q);
    if (e == q) return nullptr;
    // "two-fold", "ten-fold" are listed whole
    if (e < end_ && s_[e] == '-') {
      const std::size_t e2 = letters_end(e + 1);
      if (const NumberWord* w = lex_.number_word(s_.substr(q, e2 - q)); w != nullptr && e2 > e + 1) {
        e = e2;
        return w;
      }
    }
    return lex_.number_word(s_.substr(q, e - q));
  };
  const auto next_word = [&](std::size_t e) {  // after a space or a hyphen
    if (e < end_ && s_[e] == '-') return e + 1;
    return space_at(e) ? skip_space(e) : end_ + 1;
  };
  std::size_t e = p;
  const NumberWord* w = word_at_p(p, e);
  std::uint64_t value = 0;  // in hundredths... whole numbers, then the fraction below
  int fraction_digits = 0;
  bool needs_scale = false;
  const auto done = [&](std::size_t end) {
    t.small = value;
    t.fraction_digits = fraction_digits;
    t.number_text = s_.substr(pos, end - pos);
    t.last_text = t.number_text;
    pos = end;
    t.words_need_scale = needs_scale;
    return true;
  };
  if (w == nullptr) return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  if (w->kind == K::multiple) {
    value = w->value;
    t.dimension = Dimension::multiple;
    t.dimension_text = s_.substr(p, e - p);
    t.dimension_pos = p;
    return done(e);
  }
  if (w->kind == K::fraction && w->denominator == 2) {  // "half", "half a billion"
    value = 5;
    fraction_digits = 1;
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q <= end_ && q < end_) {
      const NumberWord* a = word_at_p(q, e2);
      if (a != nullptr && a->kind == K::article) {
        needs_scale = true;
        return done(e2);
      }
    }
    needs_scale = true;
    return done(e);
  }
  // A whole number in words: [cardinal|tens[-cardinal]|a] [hundred [and] [tens[-cardinal]|cardinal]]
  std::uint64_t n = 0;
  bool article = false;
  const auto read_below_hundred = [&](const NumberWord* x, std::size_t& end) -> bool {
    if (x->kind == K::cardinal) {
      n += x->value;
      return true;
    }
    if (x->kind == K::tens) {
      n += x->value;
      const std::size_t q = next_word(end);
      std::size_t e2 = q;
      if (q < end_) {
        if (const NumberWord* u = word_at_p(q, e2); u != nullptr && u->kind == K::cardinal && u->value < 10) {
          n += u->value;
          end = e2;
        }
      }
      return true;
    }
    return false;
  };
  // A fraction of a scale: "quarter million", "a quarter million", "three quarters billion" (exact
  // fractions only: a denominator of twos and fives).
  const auto fraction_of_scale = [&](std::uint64_t count, const NumberWord& f, std::size_t f_end) -> bool {
    std::uint64_t d = f.denominator;
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    const std::size_t after = next_word(f_end);
    if (d != 1 || count >= f.denominator || after >= end_ || !lex_.scale(piece_at(after))) return false;
    std::uint64_t v = count * 1000000 / f.denominator;  // exact: the denominator divides 10^6
    int digits = 6;
    while (digits > 0 && v % 10 == 0) {
      v /= 10;
      --digits;
    }
    value = v;
    fraction_digits = digits;
    needs_scale = true;
    return true;
  };
  if (w->kind == K::fraction && fraction_of_scale(1, *w, e)) return done(e);
  if (w->kind == K::article) {
    article = true;
    n = 1;
  } else if (!read_below_hundred(w, e)) {
    return fail(Errc::syntax, fmt::format("expected a number, found '{}'", s_.substr(p, e - p)), p);
  }
  // "hundred"
  {
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q < end_) {
      if (const NumberWord* h = word_at_p(q, e2); h != nullptr && h->kind == K::hundred && n < 10) {
        n *= 100;
        article = false;
        e = e2;
        std::size_t q2 = next_word(e);
        if (q2 < end_ && word_at(q2, "and")) q2 = next_word(q2 + 3);
        std::size_t e3 = q2;
        if (q2 < end_) {
          if (const NumberWord* r = word_at_p(q2, e3); r != nullptr && (r->kind == K::cardinal || r->kind == K::tens)) {
            std::uint64_t before = n;
            n = 0;
            read_below_hundred(r, e3);
            n += before;
            e = e3;
          }
        }
      }
    }
  }
  // A fraction after it: "a third", "one-fifth", "two-thirds", "three quarters".
  {
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q < end_) {
      if (const NumberWord* f = word_at_p(q, e2); f != nullptr && f->kind == K::fraction && n < f->denominator) {
        if (fraction_of_scale(n, *f, e2)) return done(e2);
        // n/d as a percentage, exact when it is, else to six decimals (a third: 33.333333%).
        const std::uint64_t scaled = n * 100 * 1000000;
        value = (scaled + f->denominator / 2) / f->denominator;
        fraction_digits = 6;
        while (fraction_digits > 0 && value % 10 == 0) {
          value /= 10;
          --fraction_digits;
        }
        t.dimension = Dimension::percent;
        t.dimension_text = s_.substr(q, e2 - q);
        t.dimension_pos = q;
        return done(e2);
      }
    }
  }
  value = n;
  needs_scale = article;
  return done(e);
}

// units = [attached-scale | "%" | "x" | "pp" | "bp"] { space unit-word | cjk-unit | "%" }
// Stops before a range separator ("-", "to", "and") or the end; the caller checks what follows.
bool Parser::read_units(std::size_t& pos, Term& t) {
  std::size_t p = pos;
  const auto unexpected_after = [&](std::string_view what, std::size_t at_pos) {
    return fail(Errc::syntax, fmt::format("unexpected '{}' after '{}'", what, t.last_text), at_pos);
  };
  // Each setter checks the order: scale, then a currency word or a dimension or a
  // count noun, then "per share"; a dimension, a count noun and "per" end the term.
  const auto set_scale = [&](Scale sc, std::string_view text, std::size_t at_pos) {
    if (t.scale) return fail(Errc::syntax, fmt::format("second scale '{}' after '{}'", text, t.scale_text), at_pos);
    // "75 USD million": a scale may follow a currency, never a minor unit or a dimension.
    if ((t.has_unit() && !t.currency) || t.per || t.shift != 0) return unexpected_after(text, at_pos);
    t.scale = sc;
    t.scale_text = text;
    t.last_text = text;
    return true;
  };
  const auto set_dimension = [&](Dimension d, std::string_view text, std::size_t at_pos) {
    if (t.scale || t.has_unit() || t.per) return unexpected_after(text, at_pos);
    t.dimension = d;
    t.dimension_text = text;
    t.dimension_pos = at_pos;
    t.last_text = text;
    return true;
  };
  const auto set_currency = [&](Currency c, std::string_view text, std::size_t at_pos) {
    if (t.currency) {
      return fail(Errc::syntax, fmt::format("two currency markers: '{}' and '{}'", t.currency_text, text), at_pos);
    }
    if (t.has_unit() || t.per) return unexpected_after(text, at_pos);
    t.currency = c;
    t.source = CurrencySource::explicit_;
    t.marker = lex_.currency_marker(text);
    t.currency_text = text;
    t.currency_pos = at_pos;
    t.last_text = text;
    return true;
  };
  // A marker of the lexicon after the number.
  const auto add_marker = [&](const CurrencyMarker& m, std::string_view text, std::size_t at_pos) {
    if (!t.currency && (t.has_unit() || t.per)) return unexpected_after(text, at_pos);
    return set_marker(m, text, at_pos, false, t);
  };
  const auto set_per = [&](Per per, std::string_view text, std::size_t at_pos) {
    if (t.per || t.dimension != Dimension::number || !t.noun.empty()) return unexpected_after(text, at_pos);
    // The upper end of a range may borrow its currency: "HK$8–26 per share".
    if (!t.currency && !t.may_borrow_currency) {
      return fail(Errc::syntax, fmt::format("'{}' needs a currency amount", text), at_pos);
    }
    t.per = per;
    t.per_text = text;
    t.last_text = text;
    return true;
  };

  // Attached to the number: "81bn", "13%", "6.5x", "2pp", "25bp".
  piece_start_ = p;
  if (p < end_ && p < units_limit_ && is_ascii_letter(s_[p])) {
    const std::size_t e = letters_end(p);
    std::size_t attached_end = e;
    const std::string_view w = s_.substr(p, e - p);
    bool ok;
    if (w == "x" || w == "X") {
      ok = set_dimension(Dimension::multiple, w, p);
    } else if (w == "pp") {
      ok = set_dimension(Dimension::percentage_points, w, p);
    } else if (w == "bp" || w == "bps") {
      ok = set_dimension(Dimension::basis_points, w, p);
    } else if (const auto sc = lex_.scale(w)) {
      ok = set_scale(*sc, w, p);
    } else {
      // "5p", "0.06RON", "US4.5cps", "20€"
      const CurrencyMarker* m = nullptr;
      const std::size_t k = longest_marker(p, marker_run_end(p), true, m);
      if (m == nullptr || k < e) {
        if (const std::optional<Currency> code = million_code(w)) {  // "120MEUR"
          ok = set_scale(scales::million, w.substr(0, 1), p) && set_currency(*code, w.substr(1), p + 1);
        } else {
          return fail(Errc::syntax, fmt::format("unknown scale or unit '{}' after the number", w), p);
        }
      } else {
        ok = add_marker(*m, s_.substr(p, k - p), p);  // "5p", "3.14US$"
        attached_end = k;
      }
    }
    if (!ok) return false;
    p = std::max(e, attached_end);
  }

  for (;;) {
    const std::size_t q = skip_space(p);
    const bool spaced = q != p;
    if (q >= end_ || q >= units_limit_) break;
    piece_start_ = q;
    const CodePoint c = at(q);
    bool ok = true;
    std::size_t next = q;

    if (c.value == U'%' || c.value == 0xFF05) {  // % or full-width ％
      ok = set_dimension(Dimension::percent, s_.substr(q, c.size), q);
      next = q + c.size;
    } else if (is_cjk(c.value)) {
      // 亿元, 万亿, 港元, 美元: a scale, then a currency word, or a count noun.
      const std::size_t e = cjk_end(q);
      std::size_t k = q;
      for (std::size_t cut = e; cut > q;) {  // the longest scale at the start
        if (const auto sc = lex_.scale(s_.substr(q, cut - q))) {
          ok = set_scale(*sc, s_.substr(q, cut - q), q);
          k = cut;
          break;
        }
        cut -= 3;  // the CJK code points listed are three bytes each
      }
      std::size_t piece_end = e;
      if (ok && k < e) {
        // The longest currency word after the scale ("亿元建设": "元"); the rest is running text.
        std::size_t ce = k;
        for (std::size_t cut = e; cut > k; cut -= 3) {
          if (lex_.currency_marker(s_.substr(k, cut - k)) != nullptr) {
            ce = cut;
            break;
          }
        }
        if (ce > k) {
          const std::string_view rest = s_.substr(k, ce - k);
          Currency cur;
          if (!currency_at(rest, k, cur)) return false;
          if (t.currency && cur == *t.currency && t.source == CurrencySource::explicit_ && t.currency_is_prefix &&
              !t.currency_text.empty() && is_cjk(at(t.currency_pos).value)) {
            t.last_text = rest;  // "人民币5亿元": Chinese writes the unit word after the marker
          } else {
            ok = set_currency(cur, rest, k);
          }
          piece_end = ce;
        } else if (options_.count_nouns) {
          const std::string_view rest = s_.substr(k, e - k);
          if (!t.currency && t.dimension == Dimension::number && t.noun.empty() && !t.per) {
            t.noun = rest;
            t.noun_pos = k;
            t.last_text = rest;
          } else {
            ok = unexpected_after(rest, k);
          }
        } else if (k == q) {
          ok = fail(Errc::syntax, fmt::format("unknown unit '{}'", s_.substr(k, e - k)), k);
        } else {
          piece_end = k;  // "500亿建设": the scale, then running text
        }
      }
      next = piece_end;
    } else if ((c.size > 1 || (c.value == U'$' && !(q + 1 < end_ && is_digit(s_[q + 1])))) && !is_space(c.value) &&
               marker_run_end(q) > q) {  // "5 €", "5€", "45,00 zł", "31.58 ₽", "10 $" (not "3 $1bn")
      const CurrencyMarker* m = nullptr;
      const std::size_t k = longest_marker(q, marker_run_end(q), true, m);
      if (m == nullptr) {
        if (c.size > 1 && is_currency_sign(c.value)) {
          Currency cur;
          if (!currency_at(s_.substr(q, c.size), q, cur)) return false;
        }
        break;  // the caller reports it
      }
      ok = add_marker(*m, s_.substr(q, k - q), q);
      next = k;
    } else if (spaced && t.currency && t.shift == 0 && !t.scale && t.fraction_digits == 0 && !t.wide &&
               t.small < 10'000'000'000'000'000ULL && t.marker != nullptr && t.marker->divisor == 1 &&
               (is_digit(static_cast<char>(c.value)) || is_ascii_letter(static_cast<char>(c.value))) &&
               minor_amount_at(is_word(piece_at(q), "and") && space_at(q + 3) ? skip_space(q + 3) : q) != 0) {
      // "20 dollars 43 cents", "$20 and 43 cents", "3 CHF 4 cents", "thirteen dollars and
      // forty-five cents": the minor unit of the same currency (a generic "cents" goes
      // with any currency but another family's).
      const std::size_t d0 = is_word(piece_at(q), "and") && space_at(q + 3) ? skip_space(q + 3) : q;
      const std::uint64_t minor = minor_amount_at(d0);
      std::size_t e = minor_end_;
      const std::size_t b = skip_space(e);
      const CurrencyMarker* m = nullptr;
      const std::size_t k = longest_marker(b, marker_run_end(b), true, m);
      if (m == nullptr && prefix_ && !between_ && !t.words_need_scale) {
        // "15 dollars 50.", "$20 and 43c", "3 UAH 4 kopiykas": a small number that may be
        // the amount's minor units, in a unit the lexicon does not know: refused, never
        // read as the amount without them.
        const std::size_t we = letters_end(b);
        const std::size_t after = skip_space(we);
        const bool ends = after >= end_ || s_[after] == '.' || s_[after] == ',' || s_[after] == ';' ||
                          s_[after] == '!' || s_[after] == '?' || s_[after] == ')';
        const bool glued = b == e && we > b && we - b <= 2 && is_lower(s_[b]);
        if ((ends && (we == b || is_lower(s_[b]))) || glued) {
          fatal_ = true;
          return fail(Errc::ambiguous,
                      fmt::format("'{}' may be an amount in '{}' and its minor units in a unit the lexicon does not "
                                  "know: not read",
                                  s_.substr(t.begin, we - t.begin), t.currency_text),
                      d0);
        }
      }
      if (m == nullptr || m->divisor != 100 || k == b ||
          (m->currency ? *m->currency != *t.currency
                       : (t.marker->family != 0 && m->family != t.marker->family))) {
        break;
      }
      const std::uint64_t cents = minor - 1;
      if (cents >= 100) return fail(Errc::syntax, fmt::format("{} cents are more than a unit", cents), d0);
      t.small = t.small * 100 + cents;
      t.fraction_digits = 2;
      t.last_text = s_.substr(b, k - b);
      next = k;
    } else if (spaced && c.size == 1 && is_ascii_letter(static_cast<char>(c.value))) {
      const std::size_t e = letters_end(q);
      const std::string_view w = s_.substr(q, e - q);
      next = e;
      // Two-word units: the second word after a space.
      const auto second = [&](std::size_t from) {
        const std::size_t b = skip_space(from);
        return std::pair{b, s_.substr(b, letters_end(b) - b)};
      };
      std::optional<Scale> sc;
      if (is_word(w, "to") || is_word(w, "and") || is_word(w, "or")) {
        break;  // a range separator (or a near miss): the caller's business
      }
      // The longest currency phrase of the lexicon here ("U.S. dollars", "HK cents",
      // "usd"): up to its longest phrase's number of words.
      const CurrencyMarker* marker = nullptr;
      std::size_t marker_end = q;
      if (!(w.size() >= 2 && lex_.scale(w) && !lex_.currency_marker_after_number(w))) {
        std::array<std::size_t, 6> ends{};
        std::size_t words = 0;
        const auto max_words = std::min<std::size_t>(ends.size(), static_cast<std::size_t>(lex_.max_currency_words()));
        for (std::size_t b = q; words < max_words && b < end_;) {
          const std::size_t e2 = marker_run_end(b);
          if (e2 == b) break;
          ends[words++] = e2;
          if (!space_at(e2)) break;
          b = skip_space(e2);
        }
        for (std::size_t k = words; k > 0 && marker == nullptr; --k) {
          std::size_t e2 = ends[k - 1];
          marker = lex_.currency_marker_after_number(s_.substr(q, e2 - q));
          if (marker == nullptr && e2 > q + 1 && s_[e2 - 1] == '.') {  // "at 197 pence.": the full stop ends the sentence
            --e2;
            marker = lex_.currency_marker_after_number(s_.substr(q, e2 - q));
          }
          if (marker != nullptr) marker_end = e2;
        }
      }
      if (marker != nullptr) {
        ok = add_marker(*marker, s_.substr(q, marker_end - q), q);
        next = marker_end;
      } else if (const std::optional<Currency> code = million_code(w)) {  // "30 MUSD": millions of USD
        ok = set_scale(scales::million, w.substr(0, 1), q) && set_currency(*code, w.substr(1), q + 1);
      } else if (w.size() >= 2 && (sc = lex_.scale(w))) {
        // "lakh crore": a two-word scale
        const auto [b, w2] = second(e);
        if (b > e && !w2.empty()) {
          if (const auto sc2 = lex_.scale(s_.substr(q, b + w2.size() - q))) {
            sc = sc2;
            next = b + w2.size();
          }
        }
        ok = set_scale(*sc, s_.substr(q, next - q), q);
      } else if (is_word(w, "each")) {
        ok = set_per(Per::share, w, q);
      } else if (is_word(w, "percent") || is_word(w, "percents") || is_word(w, "pct")) {
        ok = set_dimension(Dimension::percent, w, q);
      } else if (w == "pp" || w == "bp" || w == "bps") {
        ok = set_dimension(w == "pp" ? Dimension::percentage_points : Dimension::basis_points, w, q);
      } else if (is_word(w, "times")) {
        ok = set_dimension(Dimension::multiple, w, q);
      } else if (is_word(w, "per") || is_word(w, "a") || is_word(w, "an")) {
        const auto [b, w2] = second(e);
        if (b == e) return fail(Errc::syntax, fmt::format("expected 'share' or 'ADS' after '{}'", w), e);
        const std::string_view phrase = s_.substr(q, b + w2.size() - q);
        std::size_t phrase_end = b + w2.size();
        const auto then = [&](std::size_t from, std::string_view word) {  // the next word is `word`
          const auto [b3, w3] = second(from);
          if (b3 > from && is_word_any(w3, word)) {
            phrase_end = b3 + w3.size();
            return true;
          }
          return false;
        };
        if (is_word(w, "per") && is_word(w2, "cent")) {
          ok = set_dimension(Dimension::percent, phrase, q);
        } else if (is_word(w, "per") && is_word(w2, "ordinary") && then(b + w2.size(), "share")) {
          ok = set_per(Per::share, s_.substr(q, phrase_end - q), q);
        } else if (is_word(w, "per") && is_word(w2, "american") && then(b + w2.size(), "depositary") &&
                   (then(phrase_end, "share") || then(phrase_end, "shares"))) {
          ok = set_per(Per::ads, s_.substr(q, phrase_end - q), q);
        } else if (is_word(w, "per") && b < end_ && is_digit(s_[b])) {
          // "per 10 shares": the amount of one share is a tenth
          std::size_t d = b;
          while (d < end_ && is_digit(s_[d])) ++d;
          const std::string_view count = s_.substr(b, d - b);
          const auto [b3, w3] = second(d);
          if (b3 == d || !is_word(w3, "shares")) {
            return fail(Errc::syntax, fmt::format("expected 'shares' after 'per {}', found {}", count, found(b3)), b3);
          }
          if (count.front() != '1' || count.find_first_not_of('0', 1) != std::string_view::npos) {
            return fail(Errc::syntax, fmt::format("'per {} shares' is not per share by a power of ten", count), b);
          }
          phrase_end = b3 + w3.size();
          ok = set_per(Per::share, s_.substr(q, phrase_end - q), q);
          t.shift -= static_cast<int>(count.size() - 1);
          t.per_shift = -static_cast<int>(count.size() - 1);
        } else if (is_word(w2, "share")) {
          ok = set_per(Per::share, phrase, q);
        } else if (w2 == "ADS" || w2 == "ADR") {
          ok = set_per(Per::ads, phrase, q);
        } else {
          return fail(Errc::syntax,
                      fmt::format("expected {}'share' or 'ADS' after '{}', found {}",
                                  is_word(w, "per") ? "'cent', " : "", w, found(b)),
                      b);
        }
        next = std::max(phrase_end, b + w2.size());
      } else if (is_word(w, "percentage") || is_word(w, "basis")) {
        const auto [b, w2] = second(e);
        if (!is_word(w2, "points") && !is_word(w2, "point")) {
          return fail(Errc::syntax, fmt::format("expected 'points' after '{}', found {}", w, found(b)), b);
        }
        ok = set_dimension(is_word(w, "basis") ? Dimension::basis_points : Dimension::percentage_points,
                           s_.substr(q, b + w2.size() - q), q);
        next = b + w2.size();
      } else {
        // A currency word or phrase ("yuan", "US dollars", "Hong Kong dollars"), or
        // a count noun ("shares", "monthly active users"): the words up to "per",
        // "a", "an", "to", "and", "or" or anything that is not a word.
        std::size_t phrase_end = e;
        for (;;) {
          const auto [b, w2] = second(phrase_end);
          if (b == phrase_end || w2.empty() || is_word(w2, "per") || is_word(w2, "a") || is_word(w2, "an") ||
              is_word(w2, "to") || is_word(w2, "and") || is_word(w2, "or")) {
            break;
          }
          phrase_end = b + w2.size();
        }
        const std::string_view phrase = s_.substr(q, phrase_end - q);
        next = phrase_end;
        // Running text without count nouns: words that name no currency end the figure
        // here, the common case after a figure, decided without building an error.
        if (prefix_ && !options_.count_nouns && t.dimension != Dimension::multiple &&
            lex_.currency_marker(phrase) == nullptr &&
            !(phrase.size() == 3 && is_upper(phrase[0]) && is_upper(phrase[1]) && is_upper(phrase[2]))) {
          break;
        }
        auto cur = lex_.currency(phrase, options_.currency);
        if (const CurrencyMarker* pm = cur ? lex_.currency_marker_after_number(phrase) : nullptr; pm != nullptr) {
          ok = add_marker(*pm, phrase, q);  // with its divisor: "197 pence" is 1.97
        } else if (cur) {
          ok = set_currency(*cur, phrase, q);
        } else if (cur.error().code == Errc::ambiguous) {
          return fail(Errc::ambiguous, std::move(cur.error().message), q);
        } else if (phrase.size() == 3 && is_upper(phrase[0]) && is_upper(phrase[1]) && is_upper(phrase[2])) {
          return fail(Errc::unknown_currency, std::move(cur.error().message), q);
        } else {
          bool direction = false;
          for (const Cue* cue : lex_.cues_for(w)) direction = direction || cue->category == "direction";
          if (direction && t.dimension == Dimension::multiple) {  // "a near fourfold increase"
            next = e;
            p = next;
            continue;
          }
          if (direction) {
            return fail(Errc::syntax,
                        fmt::format("'{}' is a direction, not a unit: '{}' is a bare number", w, t.number_text), q);
          }
          if (!options_.count_nouns || !is_count_noun(phrase, lex_)) {
            return fail(Errc::syntax, fmt::format("unknown unit '{}'", phrase), q);
          }
          if (t.currency || t.dimension != Dimension::number || t.per) {
            ok = unexpected_after(phrase, q);
          } else {
            t.noun = phrase;
            t.noun_pos = q;
            t.last_text = phrase;
          }
        }
      }
    } else {
      break;  // a range separator or a stray character: the caller says which
    }
    if (!ok) return false;
    p = next;
  }
  pos = p;
  return true;
}

// The ends of a range complete each other: "$3-4bn" is $3bn to $4bn, "5-7%" is
// 5% to 7%. What both state must agree.
bool Parser::join_range(Term& low, Term& high, std::size_t separator_pos, Qualifier q,
                        std::pair<Decimal, Decimal>& values) {
  const Hedge h = hedge_of(q);
  if (h != Hedge::exact && h != Hedge::approximate) {
    return fail(Errc::syntax, fmt::format("a range cannot follow '{}'", to_string(q)), separator_pos);
  }
  if (!low.scale && high.scale) {
    low.scale = high.scale;
    low.scale_text = high.scale_text;
  }
  if (low.currency && high.currency) {
    if (*low.currency != *high.currency) {
      return fail(Errc::currency_mismatch,
                  fmt::format("range ends in different currencies: {} and {}", low.currency->code(),
                              high.currency->code()),
                  high.currency_pos);
    }
  } else if (low.currency || high.currency) {
    Term& from = low.currency ? low : high;
    Term& to = low.currency ? high : low;
    if (to.dimension != Dimension::number || !to.noun.empty()) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.last_text, high.last_text),
                  high.begin);
    }
    to.currency = from.currency;
    to.currency_text = from.currency_text;
    to.currency_pos = from.currency_pos;
    to.source = from.source;
    to.marker = from.marker;
    if (to.shift == to.per_shift) to.shift += from.shift - from.per_shift;  // "5-7 cents": the minor unit only
  }
  if (low.dimension != high.dimension) {
    if (low.dimension != Dimension::number && high.dimension != Dimension::number) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.dimension_text,
                              high.dimension_text),
                  high.dimension_pos);
    }
    if (low.dimension == Dimension::number && !low.currency && low.noun.empty()) {
      low.dimension = high.dimension;
    } else if (high.dimension == Dimension::number && !high.currency && high.noun.empty()) {
      high.dimension = low.dimension;
    } else {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.last_text, high.last_text),
                  high.begin);
    }
  }
  if (low.noun != high.noun) {
    if (!low.noun.empty() && !high.noun.empty()) {
      return fail(Errc::syntax, fmt::format("range ends in different units: '{}' and '{}'", low.noun, high.noun),
                  high.noun_pos);
    }
    if (low.noun.empty()) low.noun = high.noun;
  }
  if (low.per != high.per) {
    if (low.per && high.per) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.per_text, high.per_text),
                  high.begin);
    }
    if (!low.per) {  // "Rs 600-2,023 per 10 shares": the phrase of the high end is both ends'
      low.per = high.per;
      low.per_text = high.per_text;
      low.shift += high.per_shift;
      low.per_shift = high.per_shift;
    }
  }
  // What the other end may have supplied (a scale, a rupee marker) decides now.
  if (!settle_term(low) || !settle_term(high)) return false;
  values = {low.value(), high.value()};
  if (values.first > values.second) {
    return fail(Errc::syntax,
                fmt::format("range runs backwards: '{}' is above '{}'", s_.substr(low.begin, separator_pos - low.begin),
                            s_.substr(high.begin, end_ - high.begin)),
                high.number_pos);
  }
  return true;
}

Result<QuotedFigure> Parser::run() {
  const auto failed = [&]() { return Result<QuotedFigure>(tl::unexpect, std::move(*error_)); };
  // Surrounding white space is not part of the figure.
  std::size_t begin = 0;
  end_ = s_.size();
  begin = skip_space(0);
  while (end_ > begin) {
    const auto last = static_cast<unsigned char>(s_[end_ - 1]);
    if (last == ' ' || last == '\t') {
      --end_;
      continue;
    }
    if (last < 0x80) break;
    std::size_t k = end_ - 1;
    while (k > begin && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;  // start of the last code point
    const CodePoint cp = decode(s_, k);
    if (k + cp.size != end_ || !is_space(cp.value)) break;
    end_ = k;
  }
  if (begin >= end_) {
    fail(Errc::syntax, "expected a figure, found the end of the text", begin);
    return failed();
  }

  // figure = [qualifier] ( amount | amount "-" amount | amount "to" amount | "between" amount "and" amount )
  std::size_t p = begin;
  Qualifier qualifier = Qualifier::none;
  bool between = false;
  const char first = s_[p];
  // Qualifiers end in a space (or a '.', or are '~'): "Rmb81bn" and "US$5bn" skip the table,
  // and so does anything that starts like no qualifier and not like "between".
  const char first_lower = to_lower(first);
  // "a near fourfold increase": an article before a hedge.
  if ((first_lower == 'a') && (word_at(p, "a") || word_at(p, "an"))) {
    const std::size_t after = skip_space(letters_end(p));
    if (after > letters_end(p) && after < end_ && match_qualifier(after)) p = after;
  }
  const bool may_hedge = lex_.may_start_qualifier(s_[p]) || to_lower(s_[p]) == 'b' || to_lower(s_[p]) == 'f';
  const std::size_t first_word_end = may_hedge ? letters_end(p) : p;
  std::size_t qualifier_begin = p;
  std::size_t qualifier_end = p;
  bool from = false;
  if (may_hedge && (s_[p] == '~' || (first_word_end > p && (first_word_end == end_ || !is_digit(s_[first_word_end])) &&
                                     (first_word_end == end_ || s_[first_word_end] != '$')))) {
    if (const auto m = match_qualifier(p)) {
      qualifier = m->first;
      if (m->second >= end_) {
        fail(Errc::syntax, fmt::format("expected a number after '{}'", s_.substr(p, end_ - p)), end_);
        return failed();
      }
      qualifier_begin = p;
      qualifier_end = m->second;
      while (qualifier_end > p && space_at(qualifier_end - 1)) --qualifier_end;
      while (qualifier_end > p && (static_cast<unsigned char>(s_[qualifier_end - 1]) & 0xC0) == 0x80) --qualifier_end;
      p = m->second;
    }
    if (p < end_ && word_at(p, "between") && space_at(p + 7)) {
      between = true;
      between_ = true;
      p = skip_space(p + 7);
    } else if (p < end_ && word_at(p, "from") && space_at(p + 4)) {  // "from 4 to 14MM U.S. dollars"
      from = true;
      p = skip_space(p + 4);
    }
  }

  Term low;
  if (!read_term(p, true, low)) return failed();
  p = low.end;

  // The upper end of a range, if any: where it starts and whether it may be signed.
  const std::size_t separator = skip_space(p);
  bool range = false;
  std::size_t high_begin = 0;
  bool high_signed = true;
  if (between) {
    if (!word_at(separator, "and")) {
      fail(Errc::syntax,
           fmt::format("expected 'and' after 'between {}', found {}", s_.substr(low.begin, p - low.begin),
                       found(separator)),
           separator);
      return failed();
    }
    range = true;
    high_begin = skip_space(separator + 3);
  } else if (separator < end_) {
    if (const std::size_t n = dash_at(separator); n != 0) {
      range = true;
      high_begin = skip_space(separator + n);
      high_signed = false;
    } else if (word_at(separator, "to")) {
      range = true;
      high_begin = skip_space(separator + 2);
    }
  }
  if (from && !(range && word_at(separator, "to"))) {
    fail(Errc::syntax,
         fmt::format("expected 'to' after 'from {}', found {}", s_.substr(low.begin, p - low.begin), found(separator)),
         separator);
    return failed();
  }
  qualifier_span_ = TextSpan{qualifier_begin, qualifier_end};
  if (prefix_ && !between && !from &&
      (ranges_ == RangeReading::apart || (ranges_ == RangeReading::dashed && range && word_at(separator, "to")))) {
    range = false;
  }
  if (!range && prefix_) {
    if (!ends_figure(low.end) || !settle_term(low)) return failed();
    end_ = low.end;
    return figure(begin, low, qualifier, low.value(), std::nullopt);
  }
  if (!range) {
    if (separator < end_) {
      fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(separator)), separator);
      return failed();
    }
    if (!settle_term(low)) return failed();
    return figure(begin, low, qualifier, low.value(), std::nullopt);
  }
  Term high;  // in this branch only: a single figure does not pay for a second term
  high.may_borrow_currency = low.currency.has_value();
  std::pair<Decimal, Decimal> values;
  if (prefix_) {
    // What follows a figure in running text may only look like a range's upper
    // end ("5 - the rest"): then the figure is the lower end alone.
    const Term low_alone = low;
    std::optional<Error> low_units_error = units_error_;
    const std::size_t low_units_at = units_error_at_;
    if (!read_term(high_begin, high_signed, high) || !join_range(low, high, separator, qualifier, values)) {
      if (between || from || fatal_) return failed();
      error_.reset();
      units_error_ = std::move(low_units_error);
      units_error_at_ = low_units_at;
      if (!ends_figure(low_alone.end) || !settle_term(low_alone)) return failed();
      end_ = low_alone.end;
      return figure(begin, low_alone, qualifier, low_alone.value(), std::nullopt);
    }
    if (!ends_figure(high.end)) return failed();
    end_ = high.end;
    return figure(begin, low, qualifier, std::move(values.first), std::move(values.second));
  }
  if (!read_term(high_begin, high_signed, high)) return failed();
  if (!join_range(low, high, separator, qualifier, values)) return failed();
  if (const std::size_t rest = skip_space(high.end); rest < end_) {
    fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(rest)), rest);
    return failed();
  }
  return figure(begin, low, qualifier, std::move(values.first), std::move(values.second));
}

std::uint64_t Parser::minor_amount_at(std::size_t p) {
  if (p >= end_) return 0;
  if (is_digit(s_[p])) {
    std::size_t e = p;
    while (e < end_ && is_digit(s_[e])) ++e;
    if (e - p > 2) return 0;
    minor_end_ = e;
    std::uint64_t v = 0;
    for (std::size_t i = p; i < e; ++i) v = v * 10 + static_cast<std::uint64_t>(s_[i] - '0');
    return v + 1;
  }
  const std::size_t we = letters_end(p);
  const NumberWord* w = we > p ? lex_.number_word(s_.substr(p, we - p)) : nullptr;
  if (w == nullptr || (w->kind != NumberWord::Kind::cardinal && w->kind != NumberWord::Kind::tens)) return 0;
  Term words;
  std::size_t e = p;
  const std::optional<Error> saved = error_;
  if (!read_number_words(e, words) || words.fraction_digits != 0 || words.words_need_scale ||
      words.dimension != Dimension::number || words.small >= 100) {
    error_ = saved;
    return 0;
  }
  minor_end_ = e;
  return words.small + 1;
}

// In running text a figure ends at white space, punctuation or a character of
// another script; a letter, a digit or an invisible character right after it
// ("5bnx", "$5\u200d0bn") says the figure was not read whole.
bool Parser::ends_figure(std::size_t e) {
  if (e >= end_) return true;
  const char32_t v = at(e).value;
  const bool glued = (v < 0x80 && (is_ascii_letter(static_cast<char>(v)) || is_digit(static_cast<char>(v)) || v == '_')) ||
                     (v >= 0x200B && v <= 0x200F) || (v >= 0x2060 && v <= 0x2064) || v == 0xFEFF || v == 0xAD ||
                     (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x370 && v <= 0x52F);
  if (!glued) return true;
  if (units_error_ && units_error_at_ == e) return fail(std::move(*units_error_));
  return fail(Errc::syntax, fmt::format("unexpected {} right after the figure", found(e)), e);
}

// Every member named: a default QuotedFigure would first build default
// tolerances only to overwrite them.
QuotedFigure Parser::figure(std::size_t begin, const Term& low, Qualifier qualifier, Decimal value,
                            std::optional<Decimal> upper) const {
  Decimal number = low.scale || low.shift != 0 ? low.number() : value;  // the digits as written
  std::string family;
  if (low.marker != nullptr) family = std::string(lex_.family_name(low.marker->family));
  return QuotedFigure{
      .text = std::string(s_.substr(begin, end_ - begin)),
      .span = TextSpan{begin, end_},
      .value = std::move(value),
      .number = std::move(number),
      .scale = low.scale.value_or(scales::units),
      .unit = low.currency       ? Unit::money(*low.currency, low.per.value_or(Per::whole))
              : !low.noun.empty() ? Unit::count_of(std::string(low.noun))
                                  : Unit::of(low.dimension),
      .qualifier = qualifier,
      .upper = std::move(upper),
      .tolerances = options_.tolerances,
      .currency_source = low.currency ? low.source : CurrencySource::none,
      .currency_marker = low.currency ? std::string(low.currency_text) : std::string(),
      .currency_span = low.currency ? TextSpan{low.currency_pos, low.currency_pos + low.currency_text.size()} : TextSpan{},
      .currency_family = std::move(family),
      .qualifier_span = qualifier_span_,
  };
}

}  // namespace

namespace {

Result<QuotedFigure> run_parser(std::string_view text, const ParseOptions& options, bool prefix, RangeReading ranges) {
  Parser parser(text, options);
  parser.prefix_ = prefix;
  parser.ranges_ = ranges;
  if (!options.locale.empty()) {
    const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
    parser.locale_ = lex.locale(options.locale);
    if (parser.locale_ == nullptr) {
      return unexpected(make_error(Errc::syntax,
                                   fmt::format("unknown locale '{}' (data/lexicon/locales.csv lists them)", options.locale),
                                   text, Error::npos));
    }
  }
  return parser.run();
}

}  // namespace

Result<QuotedFigure> parse_figure(std::string_view text, const ParseOptions& options) {
  return run_parser(text, options, false, RangeReading::joined);
}

namespace parse_detail {

Result<QuotedFigure> read_figure_prefix(std::string_view text, const ParseOptions& options, RangeReading ranges) {
  return run_parser(text, options, true, ranges);
}

}  // namespace parse_detail

}  // namespace finmetrics
