#include "figure_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// What follows the number: scales, currency words, dimensions, per share (figure_parser.hpp).

namespace finmetrics::parse_detail {

// The longest currency phrase of the lexicon at q after a number ("U.S. dollars",
// "HK cents", "usd"), up to its longest phrase's number of words: the marker, its
// end in `marker_end` (q when none).
std::size_t Parser::marker_word_ends(std::size_t p, MarkerWordEnds& ends) const noexcept {
  std::size_t words = 0;
  const auto max_words = std::min<std::size_t>(ends.size(), static_cast<std::size_t>(lex_.max_currency_words()));
  for (std::size_t b = p; words < max_words && b < end_;) {
    const std::size_t e2 = marker_run_end(b);
    if (e2 == b) break;
    ends[words++] = e2;
    if (!space_at(e2)) break;
    b = skip_space(e2);
  }
  return words;
}

const CurrencyMarker* Parser::marker_words_at(std::size_t q, std::size_t& marker_end) const noexcept {
  MarkerWordEnds ends{};
  const std::size_t words = marker_word_ends(q, ends);
  for (std::size_t k = words; k > 0; --k) {
    std::size_t e2 = ends[k - 1];
    const CurrencyMarker* marker = lex_.currency_marker_after_number(s_.substr(q, e2 - q));
    if (marker == nullptr && e2 > q + 1 && s_[e2 - 1] == '.') {  // "at 197 pence.": the full stop ends the sentence
      --e2;
      marker = lex_.currency_marker_after_number(s_.substr(q, e2 - q));
    }
    if (marker != nullptr) {
      marker_end = e2;
      return marker;
    }
  }
  return nullptr;
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
    if (t.scale) {
      // "Rs 50 thousand crore", "2 crore crore": two scales in a row that the lexicon has
      // no row for (as it has "lakh crore") multiply, in a power of ten no scale names:
      // refused, never read short at the first ("Rs 50 thousand", a ten-millionth of it).
      if (prefix_ && t.last_text.data() == t.scale_text.data()) {
        fatal_ = true;
        return fail(Errc::ambiguous,
                    fmt::format("'{} {}': two scales in a row that the lexicon does not read as one: not read",
                                t.scale_text, text),
                    at_pos);
      }
      return fail(Errc::syntax, fmt::format("second scale '{}' after '{}'", text, t.scale_text), at_pos);
    }
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

  // More unit words of the lexicon, after the ones the grammar names: `unit_word` cues
  // ("0.2 ppt"), and `unit_suffix` cues only attached to the number ("4pc"; "5 pc games").
  const auto unit_word = [&](std::string_view w, bool attached) -> std::optional<Dimension> {
    const Cue* u = lex_.cue(w, "unit_word");
    if (u == nullptr && attached) u = lex_.cue(w, "unit_suffix");
    if (u == nullptr) return std::nullopt;
    if (u->value == "percent") return Dimension::percent;
    if (u->value == "percentage_points") return Dimension::percentage_points;
    if (u->value == "basis_points") return Dimension::basis_points;
    if (u->value == "multiple") return Dimension::multiple;
    return std::nullopt;
  };

  // A unit of a percentage, points or a multiple written with hyphens for spaces
  // ("per-cent", "percentage-point", "fold"), and the end of the longest one at `from`.
  const auto hyphen_unit = [&](std::string_view w) -> std::optional<Dimension> {
    std::string spaced(w);
    for (char& ch : spaced)
      if (ch == '-') ch = ' ';
    if (is_word(spaced, "percent") || is_word(spaced, "per cent") || is_word(spaced, "pct")) return Dimension::percent;
    if (is_word(spaced, "percentage point") || is_word(spaced, "percentage points")) return Dimension::percentage_points;
    if (is_word(spaced, "basis point") || is_word(spaced, "basis points")) return Dimension::basis_points;
    return unit_word(spaced, false);
  };
  const auto hyphen_unit_end = [&](std::size_t from) -> std::size_t {
    std::size_t e = letters_end(from), found = 0;
    for (;;) {
      if (hyphen_unit(s_.substr(from, e - from))) found = e;
      if (!(e + 1 < end_ && s_[e] == '-' && is_ascii_letter(s_[e + 1]))) break;
      e = letters_end(e + 1);
    }
    return found;
  };

  // Joined by a hyphen: "a 12-percent rise", "a 12-per-cent rise", "a 20-fold jump", "a
  // 50-basis-point cut": the unit words of a percentage, points or a multiple only (a
  // hyphen before anything else is a range's or a compound's: "5-7%", "$10-a-share").
  piece_start_ = p;
  if (p + 1 < end_ && s_[p] == '-' && p + 1 < units_limit_ && is_ascii_letter(s_[p + 1])) {
    if (const std::size_t e = hyphen_unit_end(p + 1); e != 0) {
      const std::string_view w = s_.substr(p + 1, e - p - 1);
      if (!set_dimension(*hyphen_unit(w), w, p + 1)) return false;
      p = e;
    }
  }

  // "$1¼ billion", "2½%": a vulgar fraction glued to the number is part of it, which the
  // grammar does not read: refused, never read as the whole number alone ("$1").
  if (p < end_ && static_cast<unsigned char>(s_[p]) >= 0xC2) {
    const char32_t v = at(p).value;
    if ((v >= 0xBC && v <= 0xBE) || (v >= 0x2150 && v <= 0x215E)) {
      fatal_ = true;
      return fail(Errc::syntax,
                  fmt::format("'{}' is a number with a vulgar fraction, which the grammar does not read: not read",
                              s_.substr(t.begin, p + at(p).size - t.begin)),
                  p + at(p).size);
    }
  }
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
      // "4K television", "a 2B pencil", "8K video": a one-letter scale on a number with
      // no currency before a `not_scale_before` word is a name (a resolution, a grade),
      // never a thousand or a billion.
      if (w.size() == 1 && !t.currency && lex_.cue(word_after(e).second, "not_scale_before") != nullptr) {
        return fail(Errc::syntax,
                    fmt::format("'{}' before '{}' is a name, not a scaled number", s_.substr(t.begin, e - t.begin),
                                word_after(e).second),
                    p);
      }
      ok = set_scale(*sc, w, p);
    } else if (const auto unit = unit_word(w, true)) {
      ok = set_dimension(*unit, w, p);
    } else {
      // "5p", "0.06RON", "US4.5cps", "20€"
      const CurrencyMarker* m = nullptr;
      const std::size_t k = longest_marker(p, marker_run_end(p), true, m);
      if (m == nullptr || k < e) {
        if (const std::optional<Currency> code = million_code(w)) {  // "120MEUR"
          ok = set_scale(scales::million, w.substr(0, 1), p) && set_currency(*code, w.substr(1), p + 1);
        } else if (const std::optional<Scale> glued = glued_scale(w, t)) {  // "RM277mil"
          ok = set_scale(*glued, w, p);
        } else if (lex_.cue(w, "glued_scale") != nullptr) {
          fatal_ = true;
          return fail(Errc::ambiguous, glued_scale_refusal(w, t), p);
        } else {
          return fail(Errc::syntax, fmt::format("unknown scale or unit '{}' after the number", w), p);
        }
      } else if (m->divisor != 1 && k - p == 1 && lex_.cue(word_after(k).second, "not_minor_before") != nullptr) {
        // "1080p video", "720p webcam": a video resolution, not pence (cues.csv not_minor_before).
        return fail(Errc::syntax,
                    fmt::format("'{}' before '{}' is no minor unit", s_.substr(p, k - p), word_after(k).second), p);
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

    if (!spaced && c.value == U'-' && t.scale && t.last_text.data() == t.scale_text.data() && q + 1 < end_ &&
        is_ascii_letter(s_[q + 1])) {
      // "₹1.5 lakh-crore": a scale phrase of the lexicon written with a hyphen.
      const std::size_t e = letters_end(q + 1);
      std::string phrase(t.scale_text);
      phrase += ' ';
      phrase += s_.substr(q + 1, e - q - 1);
      const std::optional<Scale> joined = lex_.scale(phrase);
      if (!joined || (e < end_ && (is_digit(s_[e]) || s_[e] == '-'))) break;
      t.scale = *joined;
      t.scale_text = s_.substr(t.scale_text.data() - s_.data(), e - static_cast<std::size_t>(t.scale_text.data() - s_.data()));
      t.last_text = t.scale_text;
      next = e;
    } else if (!spaced && c.value == U'/' && t.currency && !t.per && t.dimension == Dimension::number && t.noun.empty() &&
        q + 1 < end_ && is_ascii_letter(s_[q + 1])) {
      // "$198.50/share", "HK$3.40/sh", "$2.10/ADS": a `per_share_slash` cue glued after
      // '/' says what the amount is per; any other word ("$84.94/bbl") ends the figure.
      const std::size_t e = letters_end(q + 1);
      const Cue* per = e < end_ && (is_digit(s_[e]) || s_[e] == '/') ? nullptr
                                                                      : lex_.cue(s_.substr(q + 1, e - q - 1), "per_share_slash");
      if (per == nullptr || !capitals_as_written(per->phrase, q + 1)) break;
      ok = set_per(per->value == "ads" ? Per::ads : Per::share, s_.substr(q, e - q), q);
      next = e;
    } else if (c.value == U'%' || c.value == 0xFF05) {  // % or full-width ％
      ok = set_dimension(Dimension::percent, s_.substr(q, c.size), q);
      next = q + c.size;
    } else if (is_cjk(c.value)) {
      // 亿元, 万亿, 港元, 美元: a scale, then a currency word, or a count noun.
      const std::size_t e = cjk_end(q);
      // One code point back from `cut`, never before `from`. Not a fixed three
      // bytes: a run may hold other sizes (an overlong F0 86 86 86 decodes as
      // U+6186), and stepping by three wrapped below `from` into an endless loop
      // (fuzz_parse_figure, tests/reliability/fuzz_findings_test.cpp).
      const auto back = [this](std::size_t cut, std::size_t from) {
        do --cut;
        while (cut > from && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80);
        return cut;
      };
      std::size_t k = q;
      for (std::size_t cut = e; cut > q; cut = back(cut, q)) {  // the longest scale at the start
        if (const auto sc = lex_.scale(s_.substr(q, cut - q))) {
          ok = set_scale(*sc, s_.substr(q, cut - q), q);
          k = cut;
          break;
        }
      }
      std::size_t piece_end = e;
      if (ok && k < e) {
        // The longest currency word after the scale ("亿元建设": "元"); the rest is running text.
        std::size_t ce = k;
        for (std::size_t cut = e; cut > k; cut = back(cut, k)) {
          if (lex_.currency_marker(s_.substr(k, cut - k)) != nullptr) {
            ce = cut;
            break;
          }
        }
        if (ce > k) {
          const std::string_view rest = s_.substr(k, ce - k);
          Currency cur;
          if (!currency_at(rest, k, cur)) return false;
          const bool cjk_name_before = t.currency && t.source == CurrencySource::explicit_ && t.currency_is_prefix &&
                                       !t.currency_text.empty() && is_cjk(at(t.currency_pos).value);
          if (cjk_name_before && (cur == *t.currency || lex_.cue(rest, "cjk_unit_word") != nullptr)) {
            // "人民币5亿元", "美元50亿元": Chinese writes the unit word after the marker,
            // whatever the currency the marker names
            t.last_text = rest;
          } else if (t.currency && t.source == CurrencySource::explicit_ && !t.currency_is_prefix &&
                     t.currency_pos + t.currency_text.size() == k && lex_.cue(t.currency_text, "cjk_unit_word") != nullptr &&
                     is_cjk(at(k).value)) {
            // "402.5亿元人民币", "50亿元港币": the currency's name right after the unit word says which
            t.currency = cur;
            t.marker = lex_.currency_marker(rest);
            t.currency_text = rest;
            t.currency_pos = k;
            t.last_text = rest;
          } else if (t.currency && t.currency_is_prefix && t.marker != nullptr && !t.marker->currency &&
                     t.marker->family != 0 && lex_.family_of(cur) == t.marker->family) {
            // "¥3,000億円": the sign of a family (yen or yuan) and, after the scale, the word
            // that says which: the word decides (JPY), never the sign's default or context.
            t.currency = cur;
            t.source = CurrencySource::explicit_;
            t.last_text = rest;
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
      // A coin ("5 nickels": its worth is 5 cents a piece) is never the minor units of an
      // amount: "$42 and 5 nickels" is not $42.05, and nickels are no ringgit's.
      if (m == nullptr || m->divisor != 100 || m->coin || k == b ||
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
      // A word of Latin letters ("bilhões", "millón"): a scale of the lexicon in another
      // language is read whole, never cut at its first accent (R$10.1 read without bilhões).
      const std::size_t e = latin_letters_end(q);
      const std::string_view w = s_.substr(q, e - q);
      next = e;
      // "$5 mil", "RM 277 mil": a million in English press, a thousand in Spanish and
      // Portuguese: refused, never read as the amount without it.
      if (t.currency && !t.scale && !t.per && t.shift == 0 && lex_.cue(w, "glued_scale") != nullptr &&
          !lex_.scale(w) && two_word_scale_end(q, e) == 0) {  // "US$ 3 mil millones" is a scale of two words
        fatal_ = true;
        return fail(Errc::ambiguous, glued_scale_refusal(w, t), q);
      }
      // Two-word units: the second word after a space.
      const auto second = [&](std::size_t from) {
        const std::size_t b = skip_space(from);
        return std::pair{b, s_.substr(b, letters_end(b) - b)};
      };
      std::optional<Scale> sc;
      if (is_word(w, "to") || is_word(w, "and") || is_word(w, "or")) {
        break;  // a range separator (or a near miss): the caller's business
      }
      // "5 milliards d'euros", "1 billón de pesos", "3 mil millones de dólares", "5 miliardi
      // di euro": a `scale_connector` word between a scale and its currency is passed over.
      if (t.scale && !t.currency && t.dimension == Dimension::number && lex_.cue(w, "scale_connector") != nullptr) {
        std::size_t m = e;
        if (m < end_ && s_[m] == '\'') {
          ++m;  // "d'euros"
        } else if (m + 3 <= end_ && s_.compare(m, 3, "\u2019") == 0) {
          m += 3;  // "d’euros"
        } else {
          m = skip_space(m);
        }
        std::size_t me = m;
        const CurrencyMarker* cm = m > e ? marker_words_at(m, me) : nullptr;
        if (cm != nullptr && me > m) {
          ok = add_marker(*cm, s_.substr(m, me - m), m);
          if (!ok) return false;
          p = me;
          continue;
        }
      }
      // The longest currency phrase of the lexicon here ("U.S. dollars", "HK cents",
      // "usd"): up to its longest phrase's number of words.
      const CurrencyMarker* marker = nullptr;
      std::size_t marker_end = q;
      const std::optional<Scale> w_scale = w.size() >= 2 ? lex_.scale(w) : std::nullopt;  // looked up once
      if (!(w_scale && !lex_.currency_marker_after_number(w))) marker = marker_words_at(q, marker_end);
      if (marker != nullptr) {
        ok = add_marker(*marker, s_.substr(q, marker_end - q), q);
        next = marker_end;
      } else if (const std::optional<Scale> press = marker_scale(w, t)) {
        ok = set_scale(*press, w, q);  // "US$ 47.9 bi", "R$ 350 mi": the Brazilian press's scales
      } else if (const std::size_t two = two_word_scale_end(q, e); !w_scale && two != 0) {
        sc = lex_.scale(s_.substr(q, two - q));
        ok = set_scale(*sc, s_.substr(q, two - q), q);  // "3 mil millones": a scale of two words
        next = two;
      } else if (const std::optional<Currency> code = million_code(w)) {  // "30 MUSD": millions of USD
        ok = set_scale(scales::million, w.substr(0, 1), q) && set_currency(*code, w.substr(1), q + 1);
      } else if ((sc = w_scale)) {
        // "lakh crore": a two-word scale
        const auto [b, w2] = second(e);
        if (b > e && !w2.empty()) {
          if (const auto sc2 = lex_.scale(s_.substr(q, b + w2.size() - q))) {
            sc = sc2;
            next = b + w2.size();
          }
        }
        ok = set_scale(*sc, s_.substr(q, next - q), q);
      } else if (is_word(w, "percent") || is_word(w, "percents") || is_word(w, "pct")) {
        ok = set_dimension(Dimension::percent, w, q);
      } else if (w == "pp" || w == "bp" || w == "bps") {
        ok = set_dimension(w == "pp" ? Dimension::percentage_points : Dimension::basis_points, w, q);
      } else if (is_word(w, "times")) {
        ok = set_dimension(Dimension::multiple, w, q);
      } else if (const auto unit = unit_word(w, false)) {
        ok = set_dimension(*unit, w, q);
      } else if (PerPhrase per = per_phrase(w, e); per.kind != PerPhrase::none) {
        // "each", "per share", "a share", "per ADS", "per ordinary share", "per cent"
        const std::string_view text = s_.substr(q, per.end - q);
        switch (per.kind) {
          case PerPhrase::percent: ok = set_dimension(Dimension::percent, text, q); break;
          case PerPhrase::share: ok = set_per(Per::share, text, q); break;
          case PerPhrase::ads: ok = set_per(Per::ads, text, q); break;
          case PerPhrase::none: break;
          case PerPhrase::error: return fail(Errc::syntax, std::move(per.message), per.end);
        }
        if (per.shift != 0) {
          t.shift += per.shift;
          t.per_shift = per.shift;
        }
        next = per.end;
      } else if (is_word(w, "percentage") || is_word(w, "basis")) {
        const auto [b, w2] = second(e);
        if (is_word(w, "percentage") && !is_word(w2, "points") && !is_word(w2, "point")) {
          ok = set_dimension(Dimension::percent, w, q);  // "100 percentage": a percentage, not points
        } else if (!is_word(w2, "points") && !is_word(w2, "point")) {
          return fail(Errc::syntax, fmt::format("expected 'points' after '{}', found {}", w, found(b)), b);
        } else {
          ok = set_dimension(is_word(w, "basis") ? Dimension::basis_points : Dimension::percentage_points,
                             s_.substr(q, b + w2.size() - q), q);
          next = b + w2.size();
        }
      } else {
        // A currency word or phrase ("yuan", "US dollars", "Hong Kong dollars"), or
        // a count noun ("shares", "monthly active users"): the words up to a `per_leader`
        // ("per", "a", "an"), "to", "and", "or" or anything that is not a word.
        std::size_t phrase_end = e;
        for (;;) {
          const auto [b, w2] = second(phrase_end);
          if (b == phrase_end || w2.empty() || is_word(w2, "to") || is_word(w2, "and") || is_word(w2, "or") ||
              lex_.cue(w2, "per_leader") != nullptr) {
            break;
          }
          phrase_end = b + w2.size();
        }
        const std::string_view phrase = s_.substr(q, phrase_end - q);
        next = phrase_end;
        // "a 12.6 decline": a bare number in digits before a direction word most likely
        // lost its '%': refused with that reason, never read as a number or a percentage
        // (a four-digit number is left alone: "the 2024 rise" is a year; so are words:
        // "a growth").
        if (!t.has_unit() && !t.scale && !t.per && !t.number_text.empty() && is_digit(t.number_text.front()) &&
            lex_.cue(w, "direction") != nullptr && (t.fraction_digits > 0 || (!t.wide && t.small < 1000))) {
          fatal_ = true;
          return fail(Errc::ambiguous,
                      fmt::format("'{}' is a direction, not a unit: '{}' is a bare number (a percentage without its "
                                  "'%'?)",
                                  w, t.number_text),
                      q);
        }
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
          fatal_ = true;  // "10 dinars": which dinar is never guessed, nor read as a count of dinars
          return fail(Errc::ambiguous, std::move(cur.error().message), q);
        } else if (phrase.size() == 3 && is_upper(phrase[0]) && is_upper(phrase[1]) && is_upper(phrase[2])) {
          return fail(Errc::unknown_currency, std::move(cur.error().message), q);
        } else {
          const bool direction = lex_.cue(w, "direction") != nullptr;
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

// The per-share words are the lexicon's (cues.csv: `per_share` phrases, `per_leader`,
// `share_noun`, `share_class`); only the structure is here.
Parser::PerPhrase Parser::per_phrase(std::string_view w, std::size_t e) const {
  const std::size_t q = e - w.size();
  const Cue* leader = lex_.cue(w, "per_leader");
  // The longest `per_share` phrase of the lexicon at q ("each", "per share", "per American
  // depositary shares"): its words are ASCII letters, a word of the row written all in
  // capitals ("ADS") matches only as written.
  const auto listed_phrase = [&]() -> PerPhrase {
    std::array<std::size_t, 8> ends{};
    const std::size_t max_words = std::min<std::size_t>(ends.size(), static_cast<std::size_t>(lex_.max_cue_words()));
    std::size_t words = 0;
    for (std::size_t p = q; words < max_words;) {
      const std::size_t we = letters_end(p);
      if (we == p) break;
      ends[words++] = we;
      p = skip_space(we);
      if (p == we) break;
    }
    for (std::size_t k = words; k > 0; --k) {
      const std::string_view text = s_.substr(q, ends[k - 1] - q);
      const Cue* row = lex_.cue(text, "per_share");
      if (row == nullptr || !(row->value == "share" || row->value == "ads") || !capitals_as_written(row->phrase, q)) {
        continue;
      }
      return {row->value == "share" ? PerPhrase::share : PerPhrase::ads, ends[k - 1], 0, {}};
    }
    return {PerPhrase::none, q, 0, {}};
  };
  if (leader == nullptr) {  // "each", or no per phrase: a phrase of several words starts with a leader
    return lex_.cue(w, "per_share") != nullptr ? listed_phrase() : PerPhrase{PerPhrase::none, q, 0, {}};
  }

  const auto [b, w2] = word_after(e);
  if (b == e) return {PerPhrase::error, e, 0, fmt::format("expected 'share' or 'ADS' after '{}'", w)};
  const bool per_cent_leader = is_word(w, "per");  // "per cent" is a percentage, not per share
  if (per_cent_leader && is_word(w2, "cent")) return {PerPhrase::percent, b + w2.size(), 0, {}};
  const bool classes = leader->value == "classes";
  // "per ordinary share", "per common share", "per preferred and common share", "per Class A
  // share": words of a class of share (`share_class` cues) between the leader and a `share_noun`.
  if (classes && lex_.cue(w2, "share_class") != nullptr) {
    std::size_t from = b + w2.size();
    for (int words = 1; words < 5; ++words) {
      const auto [b3, w3] = word_after(from);
      if (b3 == from || w3.empty()) break;
      if (lex_.cue(w3, "share_noun") != nullptr) return {PerPhrase::share, b3 + w3.size(), 0, {}};
      if (lex_.cue(w3, "share_class") == nullptr && !is_word(w3, "and")) break;
      from = b3 + w3.size();
    }
  }
  if (PerPhrase listed = listed_phrase(); listed.kind != PerPhrase::none) return listed;
  // "per 10 shares": a power of ten and a plural `share_noun`
  if (classes && b < end_ && is_digit(s_[b])) {
    std::size_t d = b;
    while (d < end_ && is_digit(s_[d])) ++d;
    const std::string_view count = s_.substr(b, d - b);
    const auto [b3, w3] = word_after(d);
    const Cue* noun = b3 == d ? nullptr : lex_.cue(w3, "share_noun");
    if (noun == nullptr || noun->value != "plural") {
      return {PerPhrase::error, b3, 0, fmt::format("expected 'shares' after '{} {}', found {}", w, count, found(b3))};
    }
    if (count.front() != '1' || count.find_first_not_of('0', 1) != std::string_view::npos) {
      return {PerPhrase::error, b, 0, fmt::format("'{} {} shares' is not per share by a power of ten", w, count)};
    }
    return {PerPhrase::share, b3 + w3.size(), -static_cast<int>(count.size() - 1), {}};
  }
  return {PerPhrase::error, b, 0,
          fmt::format("expected {}'share' or 'ADS' after '{}', found {}", per_cent_leader ? "'cent', " : "", w,
                      found(b))};
}

// Each word of `row` (a lexicon phrase) written all in capitals ("ADS") is written so
// in the text at q, word for word; the look-up matched the rest in any case.
bool Parser::capitals_as_written(std::string_view row, std::size_t q) const noexcept {
  std::size_t p = q;
  std::size_t i = 0;
  while (i < row.size()) {
    while (i < row.size() && row[i] == ' ') ++i;
    std::size_t j = i;
    while (j < row.size() && row[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view word = row.substr(i, j - i);
    const std::size_t we = letters_end(p);
    bool capitals = true;
    for (const char c : word) capitals = capitals && !is_lower(c);
    if (capitals && s_.substr(p, we - p) != word) return false;
    p = skip_space(we);
    i = j;
  }
  return true;
}

}  // namespace finmetrics::parse_detail
