#include "finmetrics/parse/read_figure_at.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/detail/read_figure_prefix.hpp"
#include "finmetrics/parse/detail/table_row.hpp"

// The figure reader of running text: a window of the line handed to the parser
// of figure_parser.hpp in prefix mode, and a backward look for what the grammar
// allows before a number. No vocabulary here: every word is the lexicon's.

namespace finmetrics {

namespace {

constexpr std::size_t max_figure_bytes = 256;  // no figure is longer; bounds the work per call
constexpr std::size_t max_lookback = 96;       // hedge and markers before a number

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper_ascii(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr char to_upper(char c) noexcept { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char to_lower(char c) noexcept { return is_upper_ascii(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_hspace(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000;
}
constexpr bool is_cjk(char32_t c) noexcept {  // and Hangul syllables, as the grammar's
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

using detail::CodePoint;

// The code point that ends at byte p (size 0 at the start).
CodePoint decode_before(std::string_view s, std::size_t p) noexcept {
  if (p == 0) return {};
  std::size_t b = p - 1;
  while (b > 0 && p - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  const CodePoint c = detail::decode_utf8(s, b);
  return b + c.size == p ? c : CodePoint{static_cast<unsigned char>(s[p - 1]), 1};
}

std::size_t hspace_back(std::string_view s, std::size_t p, std::size_t floor) noexcept {
  while (p > floor) {
    const CodePoint c = decode_before(s, p);
    if (!is_hspace(c.value)) break;
    p -= c.size;
  }
  return p;
}

// Characters of a currency marker written before a number: ASCII letters, '$',
// '.', and signs and letters of other scripts (not white space, not CJK, not the
// punctuation block, not digits).
bool marker_char(CodePoint c) noexcept {
  const char32_t v = c.value;
  if (v < 0x80) return is_letter(static_cast<char>(v)) || v == '$' || v == '.';
  return !is_hspace(v) && !is_cjk(v) && !(v >= 0x2000 && v <= 0x206F) && v != 0xFEFF && v != 0xAD &&
         v != 0x3001 && v != 0x3002 && !(v >= 0xFF00 && v <= 0xFF0F);
}

// A marker the lexicon lists that may stand before a number in running text: not
// one that is also an English word (`word_like.csv`: "won", "real", "pound",
// "ALL 5 solutions") unless glued to the number (`apart` false).
const CurrencyMarker* prefix_marker(const Lexicon& lex, std::string_view w, bool apart) {
  const CurrencyMarker* m = lex.currency_marker(w);
  if (m == nullptr || (apart && m->word_like)) return nullptr;
  return m;
}

// Whether the word that begins at b follows an apostrophe ("firm's", "firm’s", "' s"):
// a possessive's letter, not a currency prefix.
bool after_apostrophe(std::string_view s, std::size_t b, std::size_t floor) noexcept {
  const CodePoint c = decode_before(s, hspace_back(s, b, floor));
  return c.value == U'\'' || c.value == 0x2019 || c.value == 0x02BC;
}

// The dollar marker a prefix written apart from its '$' names ("hk" -> "HK$", "u.s" -> "U.S.$");
// glued, any ISO code with its '$' ("mxn$").
const CurrencyMarker* apart_dollar_prefix(const Lexicon& lex, std::string_view w, bool glued = false) {
  std::array<char, 8> joined{};
  if (w.empty() || w.size() > 4) return nullptr;
  for (std::size_t i = 0; i < w.size(); ++i) joined[i] = to_upper(w[i]);
  std::size_t n = w.size();
  joined[n] = '$';
  if (const CurrencyMarker* m = lex.currency_marker(std::string_view(joined.data(), n + 1))) return m;
  if (joined[n - 1] == '.') return nullptr;
  joined[n] = '.';
  joined[n + 1] = '$';
  if (const CurrencyMarker* m = lex.currency_marker(std::string_view(joined.data(), n + 2))) return m;
  // "usd$", "cad$": a code of the dollar family with its sign
  const CurrencyMarker* code = lex.currency_marker(std::string_view(joined.data(), n));
  const CurrencyMarker* sign = lex.currency_marker("$");
  if (code != nullptr && code->currency && !code->country && sign != nullptr &&
      (glued || (sign->family != 0 && lex.family_of(*code->currency) == sign->family))) {
    return code;
  }
  return nullptr;
}

// "MUSD", "MAUD": millions of an ISO currency (the parser reads them so too).
bool million_code(const Lexicon& lex, std::string_view w) {
  if (w.size() != 4 || w[0] != 'M') return false;
  const CurrencyMarker* m = lex.currency_marker(w.substr(1));
  return m != nullptr && m->currency && !m->country && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The start of a currency marker that ends at q (the longest the lexicon lists
// that begins at a boundary), or q.
std::size_t marker_back(std::string_view s, std::size_t q, std::size_t floor, const Lexicon& lex, bool apart = false) {
  std::size_t rb = q;
  bool cjk = false;
  if (const CodePoint c = decode_before(s, q); c.size != 0 && is_cjk(c.value)) {
    cjk = true;
    while (rb > floor) {
      const CodePoint d = decode_before(s, rb);
      if (d.size == 0 || !is_cjk(d.value)) break;
      rb -= d.size;
    }
  } else {
    while (rb > floor) {
      const CodePoint d = decode_before(s, rb);
      if (d.size == 0 || !marker_char(d)) break;
      rb -= d.size;
    }
  }
  // "S&P 500", "P&L 5", "S&P/ASX 200": one letter after '&' or '/' is part of a name, no marker
  if (!cjk && q - rb == 1 && is_letter(s[rb]) && rb > floor && (s[rb - 1] == '&' || s[rb - 1] == '/')) return q;
  // "S/ 412 million", "S/.412": one letter and a slash (the Peruvian sol's sign)
  if (!cjk) {
    const std::size_t slash = q - floor >= 3 && s[q - 1] == '.' && s[q - 2] == '/' ? q - 2 : q - 1;
    if (slash > floor && slash < q && s[slash] == '/' && is_letter(s[slash - 1]) &&
        (slash - 1 == floor || !is_letter(s[slash - 2])) &&
        prefix_marker(lex, s.substr(slash - 1, q - (slash - 1)), apart) != nullptr) {
      return slash - 1;
    }
  }
  if (rb == q) return q;
  // A dollar prefix written apart, in lower case as some pipelines write it: "hk $",
  // "c $", "u.s $".
  if (q - rb == 1 && s[rb] == '$') {
    const std::size_t we = hspace_back(s, rb, floor);
    std::size_t wb = we;
    while (wb > floor && (is_letter(s[wb - 1]) || s[wb - 1] == '.')) --wb;
    // "a $5": a letter the lexicon reads as a number word is the article, not "A$".
    // One capital letter apart is a label ("Series C $100 million", "Class A $5"), and
    // a letter after an apostrophe a possessive ("the firm's $5bn plan", "music ' s $
    // 500 million"): neither names a country's dollar.
    const bool label = we - wb == 1 && !is_lower(s[wb]);
    if (we < rb && wb < we && we - wb <= 4 && is_letter(s[wb]) && !label && !after_apostrophe(s, wb, floor) &&
        lex.number_word(s.substr(wb, we - wb)) == nullptr && apart_dollar_prefix(lex, s.substr(wb, we - wb)) != nullptr) {
      return wb;
    }
  }
  // A name of several words ("U.S. dollars 5 million", "Malaysian ringgit 42"): the
  // longest the lexicon lists, read as one marker.
  if (!cjk) {
    std::array<std::size_t, 6> begins{};
    int words = 0;
    begins[static_cast<std::size_t>(words++)] = rb;
    const int max_words = std::min<int>(lex.max_currency_words(), static_cast<int>(begins.size()));
    for (std::size_t e = rb; words < max_words;) {
      const std::size_t we = hspace_back(s, e, floor);
      std::size_t wb = we;
      while (wb > floor && s[wb - 1] != '$' && marker_char(CodePoint{static_cast<unsigned char>(s[wb - 1]), 1}) &&
             static_cast<unsigned char>(s[wb - 1]) < 0x80) {
        --wb;
      }
      if (we == e || wb == we) break;
      begins[static_cast<std::size_t>(words++)] = wb;
      e = wb;
    }
    for (int k = words; k >= 2; --k) {
      const std::size_t b = begins[static_cast<std::size_t>(k - 1)];
      const CurrencyMarker* m = lex.currency_marker(s.substr(b, q - b));
      if (m != nullptr && !m->word_like && !m->follows_number && !m->country) return b;
    }
  }
  // Longest first: from the run's start (a word boundary) towards q. Within an
  // ASCII run only its start is a boundary ("FY" in "FY2025" is no marker); a CJK
  // run has none ("投资人民币": the marker is its end).
  // "usd$15", "hk$": a lower-case prefix glued to its '$'.
  if (q - rb >= 2 && s[q - 1] == '$' && is_letter(s[rb]) &&
      std::any_of(s.begin() + static_cast<std::ptrdiff_t>(rb), s.begin() + static_cast<std::ptrdiff_t>(q - 1), is_lower) &&
      lex.number_word(s.substr(rb, q - 1 - rb)) == nullptr && apart_dollar_prefix(lex, s.substr(rb, q - 1 - rb), true) != nullptr) {
    return rb;
  }
  if (million_code(lex, s.substr(rb, q - rb))) return rb;
  for (std::size_t b = rb; b < q;) {
    if (prefix_marker(lex, s.substr(b, q - b), apart) != nullptr) return b;
    if (!cjk) {
      // "(US$", "-$", "−$": a leading bracket or sign is not part of the marker
      const char c = s[b];
      if (c == '(' || c == '-' || c == '+' || c == '.') {
        ++b;
        continue;
      }
      if (s.compare(b, 3, "\u2212") == 0) {
        b += 3;
        continue;
      }
      // "c.$5bn", "approx.$5bn": an abbreviation's dot ends a word; a marker may begin after it.
      const std::size_t dot = s.find('.', b);
      if (dot == std::string_view::npos || dot + 1 >= q) break;
      b = dot + 1;
      continue;
    }
    b += detail::decode_utf8(s, b).size;
  }
  return q;
}

// "usd 5bn", "eur12m": an ISO code in lower case before its number, as lower-cased wire
// copy writes it, when the lexicon lists it (`lower_code` cues: codes that are no English
// word; "all 3 banks", "try 5 times" stay words). Its start, or q. read_figure_at reads
// the code in upper case.
std::size_t lower_code_before(std::string_view s, std::size_t q, std::size_t floor, const Lexicon& lex) {
  if (q < floor + 3) return q;
  const std::size_t b = q - 3;
  if (!is_lower(s[b]) || !is_lower(s[b + 1]) || !is_lower(s[b + 2]) || (b > floor && is_letter(s[b - 1]))) return q;
  return lex.cue(s.substr(b, 3), "lower_code") != nullptr ? b : q;
}

// "PHP 22.1 billion", "Bt 4.2 billion": a word-like marker (word_like.csv) written apart
// before a number is one when the marker is written as its row writes it, with a capital
// (a code or an abbreviation, never the words "won", "real", "le" of any case), and the
// figure it starts has a scale. Its start, or q.
std::size_t word_like_code_before_scale(std::string_view s, std::size_t q, std::size_t floor, std::size_t number,
                                        const Lexicon& lex, const ParseOptions& options) {
  std::size_t b = q;
  while (b > floor && is_letter(s[b - 1])) --b;
  if (b == q || q - b > 4 || !is_upper_ascii(s[b]) || (b > floor && !is_hspace(decode_before(s, b).value) &&
                                                     s[b - 1] != '(' && s[b - 1] != '\n')) {
    return q;
  }
  const std::string_view w = s.substr(b, q - b);
  const CurrencyMarker* m = lex.currency_marker(w);
  if (m == nullptr || !m->word_like || !m->currency || m->divisor != 1 || m->follows_number) return q;
  std::array<char, 4> lower{};
  for (std::size_t i = 0; i < w.size(); ++i) lower[i] = to_lower(w[i]);
  if (lex.currency_marker(std::string_view(lower.data(), w.size())) == m) return q;  // "Won", "Real": words
  std::size_t e = number;
  while (e < s.size() && s[e] != '\n' && e - number < 64) ++e;
  const auto r = parse_detail::read_figure_prefix(s.substr(b, e - b), options, RangeReading::dashed);
  if (!r || !r->unit.is_money() || r->unit.currency != m->currency || r->scale.exponent == 0 ||
      r->currency_span.begin != 0) {
    return q;
  }
  return b;
}

// "the dollar 5 years ago", "the euro 1.08": a currency name after a determiner
// (`determiner` cues: the, this, its, ...) is the currency itself, not the marker of
// the number after it. Codes and signs are markers still ("the USD 5bn loan").
bool currency_as_noun(std::string_view s, std::size_t b, std::size_t q, std::size_t floor, const Lexicon& lex) {
  // A name: letters (and spaces or dots), some lower case, four letters or more
  // ("dollar", "euro"; not "Rs", "Rmb").
  int letters = 0;
  bool lower = false;
  for (std::size_t k = b; k < q; ++k) {
    const char c = s[k];
    if (!is_letter(c) && c != ' ' && c != '.') return false;
    letters += is_letter(c) ? 1 : 0;
    lower = lower || is_lower(c);
  }
  if (!lower || letters < 4) return false;
  const std::size_t we = hspace_back(s, b, floor);
  std::size_t wb = we;
  while (wb > floor && is_letter(s[wb - 1])) --wb;
  return we < b && wb < we && lex.cue(s.substr(wb, we - wb), "determiner") != nullptr;
}

// In running text a bracket after a word or a figure opens a parenthetical
// ("Rmb81bn ($11bn)", "margin (9%)"), not an accounting negative: that is a
// bracket at the start of a line or a cell ("($99.99)", ": (982)").
// So is a bracket that opens a cell of a table row written as text ("Net loss (1,234.5)
// (987.0)", cells apart by tabs or spaces: parse_detail::table_row_cell).
bool accounting_bracket(std::string_view s, std::size_t open, std::size_t floor) noexcept {
  if (open > floor && s[open - 1] == '\t') return true;
  const std::size_t q = hspace_back(s, open, floor);
  if (q == 0) return true;
  const char c = s[q - 1];
  return c == '\n' || c == '\r' || c == ':' || c == '|' || c == '=' || c == ';' || c == '\t' ||
         parse_detail::table_row_cell(s, open);
}

// A sign or accounting bracket right before p ("-5%", "($99.99)", "£(982)m").
std::size_t signs_back(std::string_view s, std::size_t p, std::size_t floor, const Lexicon& lex) {
  for (int k = 0; k < 2 && p > floor; ++k) {
    const CodePoint c = decode_before(s, p);
    if (c.value != U'-' && c.value != U'+' && c.value != 0x2212 && c.value != U'(') break;
    // "£(982)m": a bracket right after a marker is the amount's own.
    if (c.value == U'(' && !accounting_bracket(s, p - 1, floor) && marker_back(s, p - 1, floor, lex) == p - 1) break;
    // A dash glued to a word is a compound ("Covid-19"), not a sign.
    if (c.value != U'(' && p - c.size > floor) {
      const CodePoint b = decode_before(s, p - c.size);
      if (b.value < 0x80 && (is_letter(static_cast<char>(b.value)) || is_digit(static_cast<char>(b.value)))) break;
    }
    p -= c.size;
  }
  return p;
}

// "SEK 109.4 M (107.3)", "$5 M", "€ 3.2 m": a one-letter scale of the lexicon written
// apart from an amount whose marker stands before the number, as a whole word (not
// "M&A", "T-bills"), is the amount's scale: read so, never as SEK 109.4. The grammar
// takes a one-letter scale only glued to its number ("5 m" of length, "5 M" alone are
// no amounts); here, in running text, the marker before the number says it is money.
void spaced_letter_scale(std::string_view window, const ParseOptions& options, RangeReading ranges, QuotedFigure& r) {
  const std::size_t e = r.span.end;
  if (e + 2 > window.size() || window[e] != ' ' || !is_letter(window[e + 1])) return;
  if (r.scale.exponent != 0 || !r.unit.is_money() || r.currency_source == CurrencySource::none) return;
  const std::size_t digit = r.text.find_first_of("0123456789");
  if (digit == std::string::npos || r.currency_span.begin >= r.span.begin + digit) return;  // a marker before the number
  const std::size_t after = e + 2;
  if (after < window.size()) {
    const char a = window[after];
    const bool ends = a == ' ' || a == '\t' || a == ',' || a == ';' || a == ':' || a == ')' || a == '(' ||
                      a == '!' || a == '?' ||
                      (a == '.' && (after + 1 >= window.size() || window[after + 1] == ' ' || window[after + 1] == '\t'));
    if (!ends) return;
  }
  const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  if (!lex.scale(window.substr(e + 1, 1))) return;
  std::string joined(window.substr(0, e));
  joined += window[e + 1];
  auto scaled = parse_detail::read_figure_prefix(joined, options, ranges);
  if (!scaled || scaled->span.end != joined.size() || scaled->scale.exponent == 0 || scaled->span.begin != r.span.begin ||
      scaled->unit != r.unit || scaled->is_range() != r.is_range()) {
    return;
  }
  // The spans before the scale are the same; the figure now ends after the letter.
  scaled->span.end = after;
  scaled->text = std::string(window.substr(scaled->span.begin, after - scaled->span.begin));
  r = std::move(*scaled);
}

// A sign of the Unicode currency block (₦, ₴, ₫, ₹, €, ...), ¤, ﷼, or $ £ ¥ ￥.
constexpr bool currency_sign(char32_t c) noexcept {
  return (c >= 0x20A0 && c <= 0x20CF) || c == 0xA4 || c == 0xFDFC || c == U'$' || c == 0xA3 || c == 0xA5 ||
         c == 0xFFE5;
}

// A marker of a family that context must decide and nothing does by default (peso,
// shilling, dinar, ...: `P13.1 billion`, `Sh19.45`, `dinar 5 billion`): the document
// may say which (extract's family_of_document), the grammar never guesses. The dollar
// and the yen have their own readings of a bare sign.
const CurrencyMarker* undecided_family_marker(const Lexicon& lex, std::string_view w) {
  const CurrencyMarker* m = lex.currency_marker(w);
  if (m == nullptr || m->currency || m->family == 0 || m->divisor != 1 || lex.family_default(m->family)) return nullptr;
  const std::string_view family = lex.family_name(m->family);
  return family == "dollar" || family == "yen" ? nullptr : m;
}

// Where the figure ends whose marker of an undecided family (window[b, q)) stands
// before its number: read again with the code of one currency of the family in its
// place, so that `P0.2 per share` ends after `share`; npos when that does not read.
std::size_t family_figure_end(std::string_view window, std::size_t b, std::size_t q, const CurrencyMarker& m,
                              const Lexicon& lex, const ParseOptions& options, RangeReading ranges) {
  const auto members = lex.family_members(m.family);
  if (members.empty()) return std::string_view::npos;
  std::string probe(window.substr(0, b));
  probe += members.front().code();
  if (q == b + 1 || !is_hspace(detail::decode_utf8(window, q).value)) probe += ' ';  // "P13.1": no "PHP13.1" glue issue
  const std::size_t shift = probe.size();
  std::size_t rest = q;
  while (rest < window.size() && is_hspace(detail::decode_utf8(window, rest).value)) rest += detail::decode_utf8(window, rest).size;
  probe += window.substr(rest);
  const auto r = parse_detail::read_figure_prefix(probe, options, ranges);
  if (!r || r->span.end <= shift) return std::string_view::npos;
  return r->span.end - shift + rest;
}

// The figure read at `pos` in `window` is a number whose currency marker stands right
// before it, glued or apart ("₦5 billion": a sign the lexicon does not know; "P13.1
// billion": a marker of an undecided family whose own reading failed): read alone it
// would drop the marker, a figure with no currency where the text names one. Refused
// with the reason, its position at the figure's end (the caller quotes the whole of it).
std::optional<Error> marker_left_behind(std::string_view text, std::size_t pos, std::size_t window_end,
                                        const QuotedFigure& alone, const ParseOptions& options, RangeReading ranges) {
  if (pos >= text.size() || !is_digit(text[pos])) return std::nullopt;
  const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  const std::size_t floor = pos > max_lookback ? pos - max_lookback : 0;
  const std::size_t figure_end = pos + alone.span.end;
  // "RM1.2 mil", "$5 mil": a marker's reading refused for its `glued_scale` word apart
  // leaves the number alone; read so it would be no figure and nothing said: refused.
  if (!alone.unit.is_money() && alone.scale.exponent == 0) {
    std::size_t w = figure_end;
    while (w < window_end && is_hspace(detail::decode_utf8(text, w).value)) w += detail::decode_utf8(text, w).size;
    std::size_t we = w;
    while (we < window_end && is_letter(text[we])) ++we;
    if (w > figure_end && we > w && lex.cue(text.substr(w, we - w), "glued_scale") != nullptr &&
        !lex.scale(text.substr(w, we - w))) {
      const std::size_t marked = figure_start_before(text, pos, options).marked;
      if (marked < pos) {
        return make_error(Errc::ambiguous,
                          fmt::format("'{}' after '{}' is a million in English press and a thousand in Spanish and "
                                      "Portuguese: not read",
                                      text.substr(w, we - w), text.substr(marked, figure_end - marked)),
                          text.substr(marked, we - marked), we);
      }
    }
  }
  if (const CodePoint c = decode_before(text, pos); c.size != 0 && currency_sign(c.value)) {
    const std::string_view sign = text.substr(pos - c.size, c.size);
    // A sign the lexicon reads ("$", "£") whose own reading failed ("($1 = 7.1 yuan)":
    // an equation) leaves a plain small number, no figure: refused only when the number
    // alone would be read as money or with a scale ("$5亿元" as 5亿元 CNY).
    // A sign of a family the document must name ("₦4.00 per share") is no such sign: read
    // alone its number would be dropped, and the document may say which currency it is.
    if (lex.currency_marker(sign) != nullptr && !alone.unit.is_money() && alone.scale.exponent == 0 &&
        undecided_family_marker(lex, sign) == nullptr) {
      return std::nullopt;
    }
    return make_error(Errc::unknown_currency,
                      fmt::format("'{}' before the number names a currency the lexicon does not read here: not read", sign),
                      text.substr(pos - c.size, figure_end - (pos - c.size)), figure_end);
  }
  const std::size_t q = hspace_back(text, pos, floor);
  std::size_t b = q;
  while (b > floor && (is_letter(text[b - 1]) || text[b - 1] == '.')) --b;
  if (b == q || (b > floor && static_cast<unsigned char>(text[b - 1]) >= 0x80)) return std::nullopt;
  const std::string_view w = text.substr(b, q - b);
  // "GBX 520": a minor unit written as a code before the number (pence of market data),
  // which the grammar reads only after it ("520 GBX"); "520" alone would lose it.
  if (const CurrencyMarker* minor = lex.currency_marker_after_number(w);
      minor != nullptr && minor->divisor != 1 && w.size() >= 3 && is_upper_ascii(w[0])) {
    return make_error(Errc::syntax,
                      fmt::format("'{}' before the number is a minor unit the grammar reads after it: not read", w),
                      text.substr(b, figure_end - b), figure_end);
  }
  const CurrencyMarker* m = undecided_family_marker(lex, w);
  if (m == nullptr || (q < pos && m->word_like) || currency_as_noun(text, b, q, floor, lex)) return std::nullopt;
  std::size_t end = figure_end;
  const std::size_t wb = std::min(b, pos);
  if (const std::size_t e = family_figure_end(text.substr(wb, window_end - wb), b - wb, q - wb, *m, lex, options, ranges);
      e != std::string_view::npos) {
    end = std::max(end, wb + e);
  }
  // One letter (`P`, as the rand's `R`): a marker only before a number with a scale, a
  // thousands group or a per-share phrase the marker's reading takes (`P0.27 per
  // share`); `P1`, `P31.50` are left as the caller reads them.
  if (w.size() == 1) {
    // a thousands group: ',' or a space between a digit and exactly three more ("1,200", "1 200")
    const std::string_view digits = text.substr(pos, alone.span.end);
    bool grouped = false;
    for (std::size_t i = 1; i + 3 < digits.size() && !grouped; ++i) {
      grouped = (digits[i] == ',' || digits[i] == ' ') && is_digit(digits[i - 1]) && is_digit(digits[i + 1]) &&
                is_digit(digits[i + 2]) && is_digit(digits[i + 3]) && (i + 4 >= digits.size() || !is_digit(digits[i + 4]));
    }
    if (alone.scale.exponent == 0 && !grouped && end == figure_end) return std::nullopt;
  }
  return make_error(Errc::ambiguous,
                    fmt::format("'{}' before the number is a currency of the {} family that the text must name: not read",
                                w, lex.family_name(m->family)),
                    text.substr(b, end - b), end);
}

// "18,4 Mrd. €", "450 Mio. Euro": the full stop of an abbreviated scale stands between
// the scale and the currency after it; read without it, never as a number with no
// currency (nor "EUR 1,2 Mrd." short of its scale).
void abbreviated_scale_stop(std::string_view window, const ParseOptions& options, RangeReading ranges, QuotedFigure& r) {
  const std::size_t e = r.span.end;
  if (r.scale.exponent == 0 || r.unit.is_money() || e + 2 >= window.size() || window[e] != '.' || window[e + 1] != ' ') return;
  // An abbreviation of three or four letters with a capital (`Mrd`, `Mio`): "5 bn. Euro
  // zone data" is two sentences.
  std::size_t sb = e;
  while (sb > 0 && is_letter(window[sb - 1])) --sb;
  if (e - sb < 3 || e - sb > 4 || !is_upper_ascii(window[sb])) return;
  std::string joined(window.substr(0, e));
  joined += window.substr(e + 1);
  auto read = parse_detail::read_figure_prefix(joined, options, ranges);
  if (!read || !read->unit.is_money() || read->span.begin != r.span.begin || read->span.end <= e ||
      read->scale.exponent != r.scale.exponent || read->currency_source != CurrencySource::explicit_) {
    return;
  }
  const auto back = [e](TextSpan& t) {
    if (t.begin >= e) ++t.begin;
    if (t.end >= e) ++t.end;
  };
  back(read->span);
  back(read->currency_span);
  read->text = std::string(window.substr(read->span.begin, read->span.end - read->span.begin));
  r = std::move(*read);
}

// "至每股420港元", "每股盈利1.5元": a Chinese per-share lead (`per_share_before` cues:
// 每股, its value `share`) glued before an amount, with at most six characters of its
// metric between (盈利, 派息, 基本盈利为), makes the amount per share: the grammar reads
// what comes after the number ("a share"), not what a Chinese text writes before it.
void per_share_before(std::string_view text, std::size_t pos, const Lexicon& lex, QuotedFigure& r) {
  if (!r.unit.is_money() || r.unit.per != Per::whole || r.scale.exponent != 0 || r.is_range()) return;
  std::array<std::size_t, 9> starts{};  // the CJK characters glued before pos, nearest first
  std::size_t n = 0;
  for (std::size_t p = pos; n < starts.size();) {
    const CodePoint c = decode_before(text, p);
    if (c.size == 0 || !is_cjk(c.value)) break;
    p -= c.size;
    starts[n++] = p;
  }
  for (std::size_t k = 0; k < n; ++k) {  // the lead starts at starts[k]: k characters of metric after it
    for (std::size_t len = 1; len <= 3 && k + 1 >= len; ++len) {
      const std::size_t lead_end = len <= k ? starts[k - len] : pos;
      if (k + 1 - len > 6) continue;
      if (const Cue* cue = lex.cue(text.substr(starts[k], lead_end - starts[k]), "per_share_before"); cue != nullptr) {
        r.unit = Unit::money(*r.unit.currency, cue->value == "ads" ? Per::ads : Per::share);
        return;
      }
    }
  }
}

// "1조 2,000억 원": Korean writes a number in two scales with a space between them; the
// lower part carries the unit. Read as their sum when the first part ends in a Hangul
// scale and the second's scale is lower (read alone, "1조" and "2,000억 원" were two
// figures, neither the amount). `window` starts where r was read.
void spaced_scale_pair(std::string_view window, const ParseOptions& options, RangeReading ranges, QuotedFigure& r) {
  const std::size_t e = r.span.end;
  if (r.is_range() || r.scale.exponent < 4 || e + 2 > window.size() || window[e] != ' ' || !is_digit(window[e + 1])) return;
  const CodePoint last = decode_before(window, e);
  if (last.size == 0 || last.value < 0xAC00 || last.value > 0xD7A3) return;  // a Hangul scale ends the first part
  if (r.unit.dimension != Dimension::number && !r.unit.is_money()) return;
  auto lower = parse_detail::read_figure_prefix(window.substr(e + 1), options, ranges);
  if (!lower || lower->span.begin != 0 || lower->is_range() || lower->scale.exponent >= r.scale.exponent ||
      lower->qualifier != Qualifier::none || (lower->unit.dimension != Dimension::number && !lower->unit.is_money()) ||
      (r.unit.is_money() && lower->unit.is_money() && r.unit != lower->unit)) {
    return;
  }
  QuotedFigure f = std::move(*lower);
  const auto shift = [&](TextSpan& t) {
    t.begin += e + 1;
    t.end += e + 1;
  };
  shift(f.span);
  if (f.currency_source != CurrencySource::none) shift(f.currency_span);
  if (!f.unit.is_money() && r.unit.is_money()) {  // "₩1조 2,000억": the marker of the first part
    f.unit = r.unit;
    f.currency_source = r.currency_source;
    f.currency_marker = r.currency_marker;
    f.currency_span = r.currency_span;
    f.currency_family = r.currency_family;
  }
  f.value = r.value + f.value;
  f.number = f.value.shifted(-f.scale.exponent);
  f.qualifier = r.qualifier;
  f.qualifier_span = r.qualifier_span;
  f.span.begin = r.span.begin;
  f.text = std::string(window.substr(f.span.begin, f.span.end - f.span.begin));
  r = std::move(f);
}

// "The Nikkei 225 gained 1.2%", "the S&P/ASX 200 fell": the number of an index's name
// (`index_name` cues: the name and its number, up to three words before it), no figure.
bool index_number(std::string_view text, std::size_t pos, const Lexicon& lex) {
  if (pos >= text.size() || !is_digit(text[pos]) || pos < 2 || text[pos - 1] != ' ') return false;
  std::size_t e = pos;
  while (e < text.size() && is_digit(text[e])) ++e;
  if (e < text.size() && (is_digit(text[e]) || is_letter(text[e]) || (text[e] == '.' && e + 1 < text.size() &&
                                                                       is_digit(text[e + 1])))) {
    return false;
  }
  std::size_t b = pos - 1;
  for (int words = 0; words < 3 && b > 0; ++words) {
    std::size_t wb = b;
    while (wb > 0 && text[wb - 1] != ' ' && text[wb - 1] != '\n' && text[wb - 1] != '\t' && pos - wb < 40) --wb;
    if (wb == b) return false;
    if (lex.cue(text.substr(wb, e - wb), "index_name") != nullptr) return true;
    if (wb == 0 || text[wb - 1] != ' ') return false;
    b = wb - 1;
  }
  return false;
}

}  // namespace

Result<QuotedFigure> read_figure_at(std::string_view text, std::size_t pos, const ParseOptions& options,
                                    RangeReading ranges) {
  pos = std::min(pos, text.size());
  if (index_number(text, pos, options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin())) {
    return tl::unexpected(make_error(Errc::syntax, "the number of an index's name, no figure",
                                     text.substr(pos, 0), pos));
  }
  // The window: the rest of the line, at most max_figure_bytes, cut at white space.
  const std::size_t limit = std::min(text.size(), pos + max_figure_bytes);
  std::size_t end = limit;
  for (const char eol : {'\n', '\r'}) {
    if (const void* hit = std::memchr(text.data() + pos, eol, end - pos)) {
      end = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    }
  }
  if (end == limit && limit < text.size() && text[end] != '\n' && text[end] != '\r') {
    std::size_t cut = end;
    while (cut > pos && text[cut - 1] != ' ' && text[cut - 1] != '\t') --cut;
    if (cut > pos) end = cut;
    while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // a whole code point
  }
  auto r = parse_detail::read_figure_prefix(text.substr(pos, end - pos), options, ranges);
  // "usd 5bn": a lower-case code the lexicon lists (`lower_code` cues) read in upper case,
  // the same bytes; the figure's text as written.
  if (!r && pos + 4 <= end && is_lower(text[pos]) && is_lower(text[pos + 1]) && is_lower(text[pos + 2]) &&
      (text[pos + 3] == ' ' || is_digit(text[pos + 3])) &&
      (options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin()).cue(text.substr(pos, 3), "lower_code") != nullptr) {
    std::string upper(text.substr(pos, end - pos));
    for (std::size_t i = 0; i < 3; ++i) upper[i] = to_upper(upper[i]);
    if (auto coded = parse_detail::read_figure_prefix(upper, options, ranges); coded && coded->unit.is_money()) {
      coded->text = std::string(text.substr(pos + coded->span.begin, coded->span.end - coded->span.begin));
      r = std::move(coded);
    }
  }
  // "(27)%" in a table cell: the accounting bracket closed before the per cent sign, read
  // as "(27%)" (the same bytes, two swapped), -27%; as written the grammar reads nothing.
  if (!r && pos < end && text[pos] == '(') {
    std::size_t q = pos + 1;
    while (q < end && (is_digit(text[q]) || ((text[q] == '.' || text[q] == ',') && q + 1 < end && is_digit(text[q + 1]))))
      ++q;
    if (q > pos + 1 && q + 1 < end && text[q] == ')' && text[q + 1] == '%') {
      std::string swapped(text.substr(pos, q + 2 - pos));
      std::swap(swapped[q - pos], swapped[q + 1 - pos]);
      if (auto cell = parse_detail::read_figure_prefix(swapped, options, ranges);
          cell && cell->span.end == swapped.size() && cell->unit.dimension == Dimension::percent) {
        cell->text = std::string(text.substr(pos, q + 2 - pos));
        r = std::move(cell);
      }
    }
  }
  if (!r && r.error().code == Errc::ambiguous) {
    // "P13.1 billion", "dinar 5 billion": a marker of an undecided family before its
    // number; the error is placed at the figure's end, so that the caller quotes all of
    // it (and extract's document may say which currency), never "P13.1" alone.
    const std::string_view window = text.substr(pos, end - pos);
    const std::size_t mb = r.error().position;
    // ... or a sign of one ("₦456.3 billion", "3,850 ₫" is read after its number)
    const bool sign = mb != Error::npos && mb < window.size() && static_cast<unsigned char>(window[mb]) >= 0x80 &&
                      !is_hspace(detail::decode_utf8(window, mb).value);
    if (mb != Error::npos && mb < window.size() && (sign || is_letter(window[mb])) &&
        (mb == 0 || !is_letter(window[mb - 1]))) {
      std::size_t me = mb;
      if (sign) me += detail::decode_utf8(window, mb).size;
      while (!sign && me < window.size() && is_letter(window[me])) ++me;
      const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
      const CurrencyMarker* m = nullptr;
      if (me < window.size() && window[me] == '.') {  // "Ps. 107,421 million": the marker with its full stop
        m = undecided_family_marker(lex, window.substr(mb, me + 1 - mb));
        if (m != nullptr) ++me;
      }
      if (m == nullptr) m = undecided_family_marker(lex, window.substr(mb, me - mb));
      // "300 billion CFA francs": a marker of several words after the number
      for (std::size_t we = me; m == nullptr && !sign && we + 1 < window.size() && window[we] == ' ' &&
                                is_letter(window[we + 1]) && we - mb < 40;) {
        ++we;
        while (we < window.size() && is_letter(window[we])) ++we;
        if ((m = undecided_family_marker(lex, window.substr(mb, we - mb))) != nullptr) me = we;
      }
      std::size_t d = me;
      while (d < window.size() && is_hspace(detail::decode_utf8(window, d).value)) d += detail::decode_utf8(window, d).size;
      if (m != nullptr && d < window.size() && is_digit(window[d])) {
        if (const std::size_t e = family_figure_end(window, mb, me, *m, lex, options, ranges); e != std::string_view::npos) {
          r.error().position = e;
        }
      } else if (m != nullptr && mb > 0 && is_digit(window[0])) {
        // "3,850 ₫ per share": the marker after the number; the figure ends where it ends
        // with a code of the family in the marker's place (after "per share").
        const auto members = lex.family_members(m->family);
        if (!members.empty()) {
          const std::string_view code = members.front().code();
          std::string probe(window.substr(0, mb));
          probe += code;
          probe += window.substr(me);
          const auto with_code = parse_detail::read_figure_prefix(probe, options, ranges);
          if (with_code && with_code->unit.is_money() && with_code->span.end >= mb + code.size()) {
            r.error().position = with_code->span.end - code.size() + (me - mb);
          }
        }
      }
    }
  }
  if (r) {
    if (auto left = marker_left_behind(text, pos, end, *r, options, ranges)) return tl::unexpected(std::move(*left));
    // "$5亿元": a Chinese or Japanese scale or currency word right after the figure that
    // the grammar did not read with it (two currencies here) leaves the figure short:
    // "$5" would be read. Refused with the words.
    const std::size_t fe = pos + r->span.end;
    // "N1,600/$", "Rs 84.07/$", "¥151.2/USD": a price of another currency, an exchange
    // rate (in which currency depends on the market's convention), never an amount.
    if ((r->unit.is_money() || r->unit.dimension == Dimension::number) && r->unit.per == Per::whole && fe + 1 < end &&
        text[fe] == '/') {
      const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
      std::size_t we = fe + 1;
      while (we < end && we - fe <= 8 && !is_hspace(detail::decode_utf8(text, we).value) && !is_digit(text[we]) &&
             text[we] != ',' && text[we] != ';' && text[we] != ')' &&
             !(text[we] == '.' && (we + 1 >= end || !is_letter(text[we + 1])))) {
        we += detail::decode_utf8(text, we).size;
      }
      const CurrencyMarker* m = we > fe + 1 ? lex.currency_marker(text.substr(fe + 1, we - fe - 1)) : nullptr;
      if (m == nullptr && we > fe + 1) m = lex.currency_marker_after_number(text.substr(fe + 1, we - fe - 1));
      if (m != nullptr && m->divisor == 1 && !m->coin && !m->country && (!m->currency || m->currency != r->unit.currency)) {
        return tl::unexpected(make_error(
            Errc::ambiguous,
            "an exchange rate, not an amount (in which currency depends on the market's convention): not read",
            text.substr(pos, we - pos), we));
      }
    }
    if (const CodePoint c = fe < end ? detail::decode_utf8(text, fe) : CodePoint{}; c.size != 0 && is_cjk(c.value)) {
      const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
      std::size_t we = fe;
      for (CodePoint d = c; d.size != 0 && is_cjk(d.value) && we - fe < 12; d = we < end ? detail::decode_utf8(text, we) : CodePoint{}) {
        we += d.size;
      }
      bool unit_word = false;
      for (std::size_t cut = we; cut > fe && !unit_word; --cut) {
        if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) continue;  // mid code point
        const std::string_view w = text.substr(fe, cut - fe);
        unit_word = lex.scale(w).has_value() || lex.currency_marker(w) != nullptr;
      }
      if (unit_word) {
        return tl::unexpected(make_error(
            Errc::syntax,
            fmt::format("'{}' after '{}' was not read with it: not read", text.substr(fe, we - fe), r->text),
            text.substr(pos, we - pos), we));
      }
    }
  }
  if (!r) {
    if (r.error().position != Error::npos) r.error().position += pos;
    if (r.error().input.empty()) r.error().input = std::string(text.substr(pos, end - pos));
    return r;
  }
  spaced_letter_scale(text.substr(pos, end - pos), options, ranges, *r);
  abbreviated_scale_stop(text.substr(pos, end - pos), options, ranges, *r);
  // "Share of associates 987 876": in a table row whose cells stand apart by single
  // spaces, digits in space-separated groups are one number or two cells: not read.
  if (const std::size_t digit = r->text.find_first_of("0123456789"); digit != std::string::npos) {
    std::size_t k = digit;
    while (k < r->text.size() && (is_digit(r->text[k]) || r->text[k] == ',' || r->text[k] == '.')) ++k;
    if (k + 1 < r->text.size() && r->text[k] == ' ' && is_digit(r->text[k + 1]) &&
        parse_detail::table_row_cell(text, pos + digit)) {
      return tl::unexpected(make_error(
          Errc::ambiguous,
          "in a table row, digits apart by a space are one number or two cells: not read",
          text.substr(pos, r->span.end), pos + r->span.end));
    }
  }
  spaced_scale_pair(text.substr(pos, end - pos), options, ranges, *r);
  per_share_before(text, pos, options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin(), *r);
  const auto shift = [pos](TextSpan& s) {
    s.begin += pos;
    s.end += pos;
  };
  shift(r->span);
  shift(r->qualifier_span);
  if (r->currency_source != CurrencySource::none) shift(r->currency_span);
  return r;
}

FigureStart figure_start_before(std::string_view s, std::size_t number, const ParseOptions& options) {
  const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  number = std::min(number, s.size());
  std::size_t floor = number > max_lookback ? number - max_lookback : 0;
  for (std::size_t k = number; k > floor; --k) {
    if (s[k - 1] == '\n' || s[k - 1] == '\r') {
      floor = k;
      break;
    }
  }
  std::size_t p = signs_back(s, number, floor, lex);
  // Up to two markers, glued or apart: "US$", "USD ", "NZD $", "(S$ ".
  for (int k = 0; k < 2; ++k) {
    const std::size_t q = hspace_back(s, p, floor);
    std::size_t b = marker_back(s, q, floor, lex, q < p);
    if (b == q && k == 0 && q < p && p == number) b = word_like_code_before_scale(s, q, floor, number, lex, options);
    if (b == q && k == 0 && p == number) b = lower_code_before(s, q, floor, lex);
    if (b == q || currency_as_noun(s, b, q, floor, lex)) break;
    p = signs_back(s, b, floor, lex);
  }
  // "minus five percent": the sign as a word.
  {
    const std::size_t e = hspace_back(s, p, floor);
    std::size_t b = e;
    while (b > floor && is_letter(s[b - 1])) --b;
    // "plus or minus 2%", "plus/minus 2%": a tolerance, whose number is read as written
    // (as "+/- 2%", "±2%"), never as a negative.
    const auto tolerance = [&] {
      std::size_t w = b;
      if (w > floor && s[w - 1] == '/') {
        --w;
      } else {
        w = hspace_back(s, w, floor);
        if (w < 2 || w - 2 < floor || s.substr(w - 2, 2) != "or" || (w - 2 > floor && is_letter(s[w - 3]))) return false;
        w = hspace_back(s, w - 2, floor);
      }
      return w >= floor + 4 && (s.substr(w - 4, 4) == "plus" || s.substr(w - 4, 4) == "Plus") &&
             (w - 4 == floor || !is_letter(s[w - 5]));
    };
    if (e < p && e - b == 5 && (s.substr(b, 5) == "minus" || s.substr(b, 5) == "Minus") &&
        (b == floor || !is_letter(s[b - 1])) && !tolerance()) {
      p = b;
    }
  }
  FigureStart out{p, p};
  // A hedge: the longest phrase of the lexicon that ends before p, or "~" glued to it.
  const auto hedge_char = [](char c) { return is_letter(c) || c == '.' || c == '~' || c == '\'' || c == '-'; };
  std::size_t start = p;
  if (p > floor && s[p - 1] == '~') {
    start = p - 1;
  } else {
    std::array<std::size_t, 8> begins{};
    const int max_words = std::min<int>(lex.max_qualifier_words(), static_cast<int>(begins.size()));
    const std::size_t q = hspace_back(s, p, floor);
    int words = 0;
    if (q < p) {
      for (std::size_t e = q; words < max_words;) {
        std::size_t b = e;
        while (b > floor && hedge_char(s[b - 1])) --b;
        if (b == e) break;
        begins[static_cast<std::size_t>(words++)] = b;
        const std::size_t e2 = hspace_back(s, b, floor);
        if (e2 == b) break;
        e = e2;
      }
    }
    for (int k = words; k > 0; --k) {
      const std::size_t b = begins[static_cast<std::size_t>(k - 1)];
      if (lex.qualifier(s.substr(b, q - b))) {
        start = b;
        break;
      }
    }
    // A Chinese hedge of one or two characters glued before the number or its marker:
    // "约两万亿港元", "近60%", "逾人民币300亿元".
    if (start == p) {
      for (const std::size_t len : {std::size_t{6}, std::size_t{3}}) {
        if (p < floor + len || (static_cast<unsigned char>(s[p - len]) & 0xF0) != 0xE0) continue;
        if (lex.qualifier(s.substr(p - len, len))) {
          start = p - len;
          break;
        }
      }
    }
    // "a near fourfold increase": an article before the hedge of a number word.
    if (start < p && is_letter(s[number])) {
      const std::size_t e = hspace_back(s, start, floor);
      std::size_t b = e;
      while (b > floor && is_letter(s[b - 1])) --b;
      const std::string_view w = s.substr(b, e - b);
      if (e < start && (w == "a" || w == "an" || w == "A" || w == "An") && (b == floor || !is_letter(s[b - 1]))) {
        start = b;
      }
    }
  }
  // "between 5 and 7 per cent"
  {
    const std::size_t e = hspace_back(s, start, floor);
    std::size_t b = e;
    while (b > floor && is_letter(s[b - 1])) --b;
    const std::string_view w = s.substr(b, e - b);
    if (e < start && w.size() == 7 && (w == "between" || w == "Between") && (b == floor || !is_letter(s[b - 1]))) {
      start = b;
    }
  }
  out.hedged = start;
  return out;
}

}  // namespace finmetrics
