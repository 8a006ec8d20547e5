#include "figure_parser.hpp"

#include <optional>
#include <string_view>
#include <utility>

// The front path of parse_figure: one term that is the whole figure, in the
// commonest shapes (`Rmb81bn`, `$11bn`, `-€1.5bn`, `USD 1,234.5 million`,
// `HK$140.9 per share`, `380 billion yuan`, `5.77 pence`, `1,500 Hong Kong dollars
// each`, `9.9亿元`), read with the general reader's own pieces (read_number, longest_marker,
// set_marker, marker_words_at, the lexicon's look-ups) in the general reader's
// order, but without asking at every figure for what these shapes cannot hold
// (number words, Chinese numerals, parentheses, ranges, dimensions, count nouns,
// minor units written apart). Whatever it is not sure of it leaves, before any
// error is built, to read_term, which reads the figure from the start: one
// grammar, two routes through it. tests/parse/figure_front_test.cpp compares
// both on the v1 and v2 corpora and their near misses, fuzz_parse_figure on
// arbitrary bytes.

namespace finmetrics::parse_detail {

namespace {

constexpr bool is_minus_sign_at(std::string_view s, std::size_t p) noexcept {
  return p + 2 < s.size() && s[p] == '\xE2' && s[p + 1] == '\x88' && s[p + 2] == '\x92';  // U+2212
}

}  // namespace

bool Parser::front_term(std::size_t p, bool sign_allowed, Term& t) {
  const auto leave = [this] {
    error_.reset();
    fatal_ = false;
    return false;
  };
  t.begin = p;
  if (p >= end_) return false;

  // [sign]: as read_term reads it; "minus five" and "(" are the general reader's.
  bool signed_already = false;
  if (!sign_allowed) {
    // the upper end after a dash: read_term reads no sign there (nor "minus", nor "(")
  } else if (const std::size_t n = sign_at(p, t.negative); n != 0) {
    signed_already = true;
    p += n;
  } else if (word_at(p, "minus")) {
    return false;
  }
  if (p >= end_) return false;

  // Not a number in words: read_term asks the lexicon about a word that no digit
  // or '$' is glued to ("three billion", "a billion"); Chinese is the general reader's.
  const std::size_t word_end = letters_end(p);
  if (word_end > p && !(word_end < end_ && (is_digit(s_[word_end]) || s_[word_end] == '$')) &&
      lex_.number_word(s_.substr(p, word_end - p)) != nullptr) {
    return false;
  }
  const auto lead = static_cast<unsigned char>(s_[p]);
  if (lead >= 0x80 && is_cjk(at(p).value)) return false;

  // [prefix]: one marker of the lexicon naming a currency (or a family `$`), the
  // whole marker run, then digits or a sign (read_prefix's loop ends there).
  if (!is_digit(s_[p])) {
    if (lead < 0x80 && !is_ascii_letter(s_[p]) && s_[p] != '$') return false;
    if (is_ascii_letter(s_[p])) {
      // read_prefix's dollar prefix written apart ("hk $ 10", "usd$ 15")
      std::size_t we = p;
      while (we < end_ && we - p < 5 && (is_ascii_letter(s_[we]) || s_[we] == '.')) ++we;
      const std::size_t sign = skip_space(we);
      if (we - p <= 4 && sign < end_ && s_[sign] == '$') {
        bool lower = false;
        for (std::size_t i = p; i < we; ++i) lower = lower || is_lower(s_[i]);
        if (sign > we || lower) return false;
      }
    }
    const std::size_t e = marker_run_end(p);
    if (e == p) return false;
    // a name of several words ("U.S. dollars 5 million"): the general reader's
    if (space_at(e) && is_ascii_letter(s_[p])) {
      const std::size_t w = skip_space(e);
      if (marker_run_end(w) > w) return false;
    }
    // longest_marker tries the whole run first: the front path takes only that
    const std::string_view run = s_.substr(p, e - p);
    const WordHits* h = tables_.hits(run);
    const CurrencyMarker* m = h != nullptr ? tables_.marker(*h, run) : nullptr;
    const std::size_t k = e;
    if (m == nullptr) return false;
    if (m->coin || m->follows_number || m->country || m->divisor != 1 || m->multiple != 1 || m->per != Per::whole) {
      return false;
    }
    if (!set_marker(*m, s_.substr(p, k - p), p, true, t)) return leave();
    p = skip_space(k);
    // read_prefix reads a second marker unless digits or a sign follow ("NZD $5")
    if (p >= end_ || !(is_digit(s_[p]) || s_[p] == '-' || s_[p] == '+' || is_minus_sign_at(s_, p))) return false;
    if (sign_allowed && !signed_already) p += sign_at(p, t.negative);
  }

  // number
  if (p >= end_ || !is_digit(s_[p])) return false;
  if (!read_number(p, t)) return leave();

  // units: an attached scale ("81bn"), then spaced words: scales ("billion", "lakh
  // crore"), currency phrases and minor units ("Hong Kong dollars", "pence"), what
  // the amount is per ("per share", "a share", "each", "per ordinary share", "per ADS").
  if (p < end_ && is_ascii_letter(s_[p])) {
    const std::size_t e = letters_end(p);
    const std::string_view w = s_.substr(p, e - p);
    if (w == "x" || w == "X" || w == "pp" || w == "bp" || w == "bps") return false;
    const WordHits* h = tables_.hits(w);
    const std::optional<Scale> sc = h != nullptr ? tables_.scale(*h, w) : std::nullopt;
    if (!sc) return false;
    if (w.size() == 1 && !t.currency) {  // "4K television": read_units' not_scale_before refusal
      std::size_t b = e;
      while (b < end_ && (s_[b] == ' ' || s_[b] == '\t')) ++b;
      if (b > e && lex_.cue(s_.substr(b, letters_end(b) - b), "not_scale_before") != nullptr) return false;
    }
    if (t.per || t.shift != 0) return false;  // read_units' set_scale says why
    t.scale = *sc;
    t.scale_text = w;
    t.last_text = w;
    p = e;
  }
  const auto second = [&](std::size_t from) {
    const std::size_t b = skip_space(from);
    return std::pair{b, s_.substr(b, letters_end(b) - b)};
  };
  const auto set_per = [&](Per per, std::string_view text) {
    if (t.per || t.dimension != Dimension::number || !t.noun.empty() || (!t.currency && !t.may_borrow_currency)) {
      return false;
    }
    t.per = per;
    t.per_text = text;
    t.last_text = text;
    return true;
  };
  for (;;) {
    const std::size_t q = skip_space(p);
    if (q >= end_) break;
    if (static_cast<unsigned char>(s_[q]) >= 0x80 && is_cjk(at(q).value)) {
      // read_units' Chinese units: the longest scale at the start of the run ("亿",
      // "万亿"), then the longest currency word, which must end the run ("元", "港元",
      // "人民币"); a marker before the number (人民币5亿元) is the general reader's.
      if (t.currency || t.per) return false;
      const std::size_t e = cjk_end(q);
      const auto back = [this](std::size_t cut, std::size_t from) {  // one code point back, never before `from`
        do --cut;
        while (cut > from && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80);
        return cut;
      };
      std::size_t k = q;
      for (std::size_t cut = e; cut > q; cut = back(cut, q)) {
        if (const auto sc = lex_.scale(s_.substr(q, cut - q))) {
          if (t.scale || t.shift != 0) return false;  // read_units' set_scale says why
          t.scale = *sc;
          t.scale_text = s_.substr(q, cut - q);
          t.last_text = t.scale_text;
          k = cut;
          break;
        }
      }
      if (k < e) {
        std::size_t ce = k;
        for (std::size_t cut = e; cut > k; cut = back(cut, k)) {
          if (lex_.currency_marker(s_.substr(k, cut - k)) != nullptr) {
            ce = cut;
            break;
          }
        }
        if (ce != e) return false;  // a count noun, running text or an unknown unit
        const std::string_view rest = s_.substr(k, ce - k);
        Currency cur;
        if (!currency_at(rest, k, cur)) return leave();
        if (t.has_unit()) return false;
        t.currency = cur;  // read_units' set_currency
        t.source = CurrencySource::explicit_;
        t.marker = lex_.currency_marker(rest);
        t.currency_text = rest;
        t.currency_pos = k;
        t.last_text = rest;
      }
      p = e;
      continue;
    }
    // A hyphen glued to a word may join a unit ("12-percent", "20-fold"): read_units' own.
    if (q == p && is_digit(s_[q - 1]) && s_[q] == '-' && q + 1 < end_ && is_ascii_letter(s_[q + 1])) return false;
    // read_units stops before a range separator ('-', '–', "to", "and"): run() reads on
    if (s_[q] == '-' || dash_at(q) != 0) break;
    if (q == p || !is_ascii_letter(s_[q])) return false;
    // read_units' minor units written apart ("20 dollars 43 cents", "$20 and 43 cents")
    if (t.currency && t.shift == 0 && !t.scale && t.fraction_digits == 0 && !t.wide &&
        t.small < 10'000'000'000'000'000ULL && t.marker != nullptr && t.marker->divisor == 1 &&
        minor_amount_at(is_word(piece_at(q), "and") && space_at(q + 3) ? skip_space(q + 3) : q) != 0) {
      return leave();
    }
    const std::size_t e = letters_end(q);
    // A word that runs on into a byte past ASCII ("bilhões", "to\xE8") is read_units' (its
    // Latin words are read whole there): the front path declines, never cuts it.
    if (e < end_ && static_cast<unsigned char>(s_[e]) >= 0x80) return false;
    const std::string_view w = s_.substr(q, e - q);
    if (is_word(w, "to") || is_word(w, "and")) break;
    if (is_word(w, "or")) return false;
    std::size_t next = e;
    // One look-up of the word answers read_units' questions: a scale? a marker after
    // a number? the first word of a longer marker or scale?
    const WordHits* h = tables_.hits(w);
    const CurrencyMarker* after = h != nullptr ? tables_.marker_after(*h, w) : nullptr;
    const CurrencyMarker* marker = nullptr;
    std::size_t marker_end = q;
    const std::optional<Scale> w_scale = w.size() >= 2 && h != nullptr ? tables_.scale(*h, w) : std::nullopt;
    if (!(w_scale && after == nullptr)) {
      // marker_words_at: the longest marker phrase here; one word when the run is the
      // word and no phrase of the lexicon starts with it (or nothing follows it)
      const std::size_t run_end = marker_run_end(q);
      const bool one_word = run_end == e && (h == nullptr || !h->starts_marker_phrase || !space_at(e) ||
                                             lex_.max_currency_words() < 2 || marker_run_end(skip_space(e)) == skip_space(e));
      if (one_word) {
        marker = after;
        if (marker != nullptr) marker_end = e;
      } else {
        marker = marker_words_at(q, marker_end);
      }
    }
    if (marker != nullptr) {
      if (!t.currency && (t.has_unit() || t.per)) return false;
      if (!set_marker(*marker, s_.substr(q, marker_end - q), q, false, t)) return leave();
      next = marker_end;
    } else if (million_code(w)) {
      return false;
    } else if (w_scale) {
      std::optional<Scale> sc = w_scale;
      const auto [b, w2] = second(e);
      if (b > e && !w2.empty() && h->starts_scale_phrase) {
        if (const auto sc2 = lex_.scale(s_.substr(q, b + w2.size() - q))) {  // "lakh crore"
          sc = sc2;
          next = b + w2.size();
        }
      }
      if (t.scale || (t.has_unit() && !t.currency) || t.per || t.shift != 0) return false;
      t.scale = *sc;
      t.scale_text = s_.substr(q, next - q);
      t.last_text = t.scale_text;
    } else if (is_word(w, "percent") || is_word(w, "percents") || is_word(w, "pct") || w == "pp" || w == "bp" ||
               w == "bps" || is_word(w, "times") || lex_.cue(w, "unit_word") != nullptr) {
      return false;
    } else if (const PerPhrase per = per_phrase(w, e); per.kind != PerPhrase::none) {
      // the lexicon's per-share words ("each", "per share", "a share", "per ADS"); read_units says why when it fails
      if (per.kind != PerPhrase::share && per.kind != PerPhrase::ads) return false;
      if (!set_per(per.kind == PerPhrase::share ? Per::share : Per::ads, s_.substr(q, per.end - q))) return false;
      t.shift += per.shift;
      if (per.shift != 0) t.per_shift = per.shift;
      next = per.end;
    } else {
      return false;  // a currency phrase the lexicon does not list, a count noun, a direction word: read_units'
    }
    p = next;
  }
  t.end = p;
  if (!finish_term(t)) return leave();
  return true;
}

}  // namespace finmetrics::parse_detail
