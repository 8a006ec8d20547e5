#include "finmetrics/parse/read_figure_at.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/detail/read_figure_prefix.hpp"

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
constexpr char to_upper(char c) noexcept { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr bool is_hspace(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000;
}
constexpr bool is_cjk(char32_t c) noexcept { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

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
bool accounting_bracket(std::string_view s, std::size_t open, std::size_t floor) noexcept {
  const std::size_t q = hspace_back(s, open, floor);
  if (q == 0) return true;
  const char c = s[q - 1];
  return c == '\n' || c == '\r' || c == ':' || c == '|' || c == '=' || c == ';' || c == '\t';
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

}  // namespace

Result<QuotedFigure> read_figure_at(std::string_view text, std::size_t pos, const ParseOptions& options,
                                    RangeReading ranges) {
  pos = std::min(pos, text.size());
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
  if (!r) {
    if (r.error().position != Error::npos) r.error().position += pos;
    if (r.error().input.empty()) r.error().input = std::string(text.substr(pos, end - pos));
    return r;
  }
  spaced_letter_scale(text.substr(pos, end - pos), options, ranges, *r);
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
    const std::size_t b = marker_back(s, q, floor, lex, q < p);
    if (b == q || currency_as_noun(s, b, q, floor, lex)) break;
    p = signs_back(s, b, floor, lex);
  }
  // "minus five percent": the sign as a word.
  {
    const std::size_t e = hspace_back(s, p, floor);
    std::size_t b = e;
    while (b > floor && is_letter(s[b - 1])) --b;
    if (e < p && e - b == 5 && (s.substr(b, 5) == "minus" || s.substr(b, 5) == "Minus") &&
        (b == floor || !is_letter(s[b - 1]))) {
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
