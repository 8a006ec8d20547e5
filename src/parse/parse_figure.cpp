#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/detail/utf8.hpp"
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
    return Decimal::from_parts(coefficient(), -fraction_digits + (scale ? scale->exponent : 0));
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

  Result<QuotedFigure> run();

 private:
  bool fail(Errc code, std::string message, std::size_t pos) {
    error_ = make_error(code, std::move(message), s_, pos);
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
    return p >= end_ ? std::string("the end of the text") : fmt::format("'{}'", piece_at(p));
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
  bool read_number(std::size_t& p, Term& t);
  bool read_prefix(std::size_t& p, Term& t);
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

// number = digits ( "," three-digits )* [ "." digits ]   (at most three digits before the first ",")
bool Parser::read_number(std::size_t& pos, Term& t) {
  std::size_t p = pos;
  const std::size_t start = p;
  t.number_pos = start;

  // The common case first: digits [ "." digits ], no ",", at most 18 digits in
  // all, so that the coefficient is the digits read as one 64-bit integer. Anything
  // else (and every error) takes the general path below.
  {
    std::uint64_t v = 0;  // wraps harmlessly beyond 19 digits: then it is not used
    std::size_t i = p;    // the end of the integer digits
    for (; i < end_ && is_digit(s_[i]); ++i) v = v * 10 + static_cast<std::uint64_t>(s_[i] - '0');
    std::size_t j = i;  // the end of the number
    bool simple = i > p && (i == end_ || s_[i] != ',');
    if (simple && i < end_ && s_[i] == '.') {
      for (j = i + 1; j < end_ && is_digit(s_[j]); ++j) v = v * 10 + static_cast<std::uint64_t>(s_[j] - '0');
      simple = j > i + 1;  // "5." is an error: the general path reports it
    }
    if (simple && j - p <= 18) {
      t.small = v;
      t.fraction_digits = static_cast<int>(j == i ? 0 : j - i - 1);
      t.number_text = s_.substr(start, j - start);
      t.last_text = t.number_text;
      pos = j;
      return true;
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
  const auto too_many = [&]() { return significant > Decimal::max_digits; };

  if (p >= end_ || !is_digit(s_[p])) {
    if (p < end_ && s_[p] == '.' && p + 1 < end_ && is_digit(s_[p + 1])) {
      return fail(Errc::syntax, "expected a digit before '.'", p);
    }
    return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  }
  while (p < end_ && is_digit(s_[p])) {
    push(s_[p]);
    if (too_many()) break;
    ++p;
  }
  if (!too_many() && p < end_ && s_[p] == ',') {
    if (p - start > 3) return fail(Errc::syntax, "expected at most three digits before ','", start);
    while (p < end_ && s_[p] == ',') {
      const std::size_t group = p + 1;
      std::size_t q = group;
      while (q < end_ && is_digit(s_[q])) ++q;
      if (q - group != 3) return fail(Errc::syntax, "expected three digits after ','", group);
      for (std::size_t k = group; k < q; ++k) push(s_[k]);
      p = q;
      if (too_many()) break;
    }
  }
  int fraction = 0;
  if (!too_many() && p < end_ && s_[p] == '.') {
    ++p;
    if (p >= end_ || !is_digit(s_[p])) return fail(Errc::syntax, "expected a digit after '.'", p);
    while (p < end_ && is_digit(s_[p])) {
      push(s_[p]);
      if (too_many()) break;
      ++fraction;
      ++p;
    }
  }
  if (too_many()) {
    return fail(Errc::overflow, fmt::format("number has more than {} significant digits", Decimal::max_digits),
                start);
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
  t.number_text = s_.substr(start, p - start);
  t.last_text = t.number_text;
  pos = p;
  return true;
}

// prefix = currency-sign | letters currency-sign | currency-word (then optional space)
bool Parser::read_prefix(std::size_t& p, Term& t) {
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
      t.currency_text = word;
      t.currency_pos = p;
      t.currency_is_prefix = true;
      t.last_text = word;
      p = skip_space(e);
      return true;
    }
  } else if (c.size != 0 && is_cjk(c.value)) {
    e = cjk_end(p);  // 人民币
  } else {
    return true;
  }
  const std::string_view marker = s_.substr(p, e - p);
  Currency cur;
  if (!currency_at(marker, p, cur)) return false;
  t.currency = cur;
  t.currency_text = marker;
  t.currency_pos = p;
  t.currency_is_prefix = true;
  t.last_text = marker;
  p = skip_space(e);
  return true;
}

// term = [sign] [prefix] [sign] number units
bool Parser::read_term(std::size_t p, bool sign_allowed, Term& t) {
  t.begin = p;
  bool signed_already = false;
  if (sign_allowed) {
    if (const std::size_t n = sign_at(p, t.negative); n != 0) {
      signed_already = true;
      p += n;
    }
  }
  if (!read_prefix(p, t)) return false;
  if (sign_allowed && !signed_already) p += sign_at(p, t.negative);

  if (p < end_ && is_ascii_letter(s_[p])) {
    const std::string_view word = piece_at(p);
    if (lex_.scale(word)) return fail(Errc::syntax, fmt::format("scale '{}' without a number", word), p);
  }
  if (!read_number(p, t) || !read_units(p, t)) return false;
  t.end = p;
  return true;
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
    if ((t.has_unit() && !t.currency_is_prefix) || t.per) return unexpected_after(text, at_pos);
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
    t.currency_text = text;
    t.currency_pos = at_pos;
    t.last_text = text;
    return true;
  };
  const auto set_per = [&](Per per, std::string_view text, std::size_t at_pos) {
    if (t.per || t.dimension != Dimension::number || !t.noun.empty()) return unexpected_after(text, at_pos);
    if (!t.currency) return fail(Errc::syntax, fmt::format("'{}' needs a currency amount", text), at_pos);
    t.per = per;
    t.per_text = text;
    t.last_text = text;
    return true;
  };

  // Attached to the number: "81bn", "13%", "6.5x", "2pp", "25bp".
  if (p < end_ && is_ascii_letter(s_[p])) {
    const std::size_t e = letters_end(p);
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
      return fail(Errc::syntax, fmt::format("unknown scale or unit '{}' after the number", w), p);
    }
    if (!ok) return false;
    p = e;
  }

  for (;;) {
    const std::size_t q = skip_space(p);
    const bool spaced = q != p;
    if (q >= end_) break;
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
      if (ok && k < e) {
        const std::string_view rest = s_.substr(k, e - k);
        if (auto cur = lex_.currency(rest, options_.currency)) {
          ok = set_currency(*cur, rest, k);
        } else if (!t.currency && t.dimension == Dimension::number && t.noun.empty() && !t.per) {
          t.noun = rest;
          t.noun_pos = k;
          t.last_text = rest;
        } else {
          ok = unexpected_after(rest, k);
        }
      }
      next = e;
    } else if (c.size > 1 && is_currency_sign(c.value)) {  // "5 €", "5€"
      const std::string_view marker = s_.substr(q, c.size);
      Currency cur;
      if (!currency_at(marker, q, cur)) return false;
      ok = set_currency(cur, marker, q);
      next = q + c.size;
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
      if (w.size() >= 2 && (sc = lex_.scale(w))) {
        ok = set_scale(*sc, w, q);
      } else if (is_word(w, "percent") || is_word(w, "pct")) {
        ok = set_dimension(Dimension::percent, w, q);
      } else if (w == "pp" || w == "bp" || w == "bps") {
        ok = set_dimension(w == "pp" ? Dimension::percentage_points : Dimension::basis_points, w, q);
      } else if (is_word(w, "times")) {
        ok = set_dimension(Dimension::multiple, w, q);
      } else if (is_word(w, "per") || is_word(w, "a") || is_word(w, "an")) {
        const auto [b, w2] = second(e);
        if (b == e) return fail(Errc::syntax, fmt::format("expected 'share' or 'ADS' after '{}'", w), e);
        const std::string_view phrase = s_.substr(q, b + w2.size() - q);
        if (is_word(w, "per") && is_word(w2, "cent")) {
          ok = set_dimension(Dimension::percent, phrase, q);
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
        next = b + w2.size();
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
        auto cur = lex_.currency(phrase, options_.currency);
        if (cur) {
          ok = set_currency(*cur, phrase, q);
        } else if (cur.error().code == Errc::ambiguous) {
          return fail(Errc::ambiguous, std::move(cur.error().message), q);
        } else if (phrase.size() == 3 && is_upper(phrase[0]) && is_upper(phrase[1]) && is_upper(phrase[2])) {
          return fail(Errc::unknown_currency, std::move(cur.error().message), q);
        } else {
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
    if (!low.per) low.per = high.per;
  }
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
  const bool may_hedge = lex_.may_start_qualifier(first) || first_lower == 'b';
  const std::size_t first_word_end = may_hedge ? letters_end(p) : p;
  if (may_hedge && (first == '~' || (first_word_end > p && (first_word_end == end_ || !is_digit(s_[first_word_end])) &&
                                     (first_word_end == end_ || s_[first_word_end] != '$')))) {
    if (const auto m = match_qualifier(p)) {
      qualifier = m->first;
      if (m->second >= end_) {
        fail(Errc::syntax, fmt::format("expected a number after '{}'", s_.substr(p, end_ - p)), end_);
        return failed();
      }
      p = m->second;
    }
    if (p < end_ && word_at(p, "between") && space_at(p + 7)) {
      between = true;
      p = skip_space(p + 7);
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
  if (!range) {
    if (separator < end_) {
      fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(separator)), separator);
      return failed();
    }
    return figure(begin, low, qualifier, low.value(), std::nullopt);
  }
  Term high;  // in this branch only: a single figure does not pay for a second term
  if (!read_term(high_begin, high_signed, high)) return failed();
  std::pair<Decimal, Decimal> values;
  if (!join_range(low, high, separator, qualifier, values)) return failed();
  if (const std::size_t rest = skip_space(high.end); rest < end_) {
    fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(rest)), rest);
    return failed();
  }
  return figure(begin, low, qualifier, std::move(values.first), std::move(values.second));
}

// Every member named: a default QuotedFigure would first build default
// tolerances only to overwrite them.
QuotedFigure Parser::figure(std::size_t begin, const Term& low, Qualifier qualifier, Decimal value,
                            std::optional<Decimal> upper) const {
  Decimal number = low.scale ? low.number() : value;  // unscaled, both are the digits as written
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
  };
}

}  // namespace

Result<QuotedFigure> parse_figure(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).run();
}

}  // namespace finmetrics
