#include "figure_scanner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "finmetrics/currency/iso4217.hpp"

// Figures written in words with no number: digit rules (`double-digit`), multiples
// (`doubled`, `less than half`), vague magnitudes (`billions of dollars`) and records
// (`three-year high`).

namespace finmetrics::extract_detail {

// A hedge written before a word form ("nearly doubled", "less than half"): the lexicon's.
std::size_t Scanner::extend_qualifier(std::size_t begin) const {
  return figure_start_before(s_, begin, read_options_).hedged;
}

// A vague or word-written figure.
struct WordRule {
  std::string_view words;  // lower case; '-' matches '-' or a space
  int kind;                // see scan_words
};

void Scanner::scan_words(std::vector<Candidate>& out, const std::vector<Candidate>& numeric) const {
  const std::size_t n = s_.size();
  // Positions only grow, and numeric candidates are in text order: one cursor suffices.
  std::size_t cursor = 0;
  const auto covered = [&](std::size_t p) {
    while (cursor < numeric.size() && numeric[cursor].end <= p) ++cursor;
    return cursor < numeric.size() && p >= numeric[cursor].begin;
  };
  // Matches `phrase` (lower case, '-' or ' ' between words match either) at p, whole words; its end or npos.
  const auto match = [&](std::size_t p, std::string_view phrase) -> std::size_t {
    std::size_t q = p;
    for (const char w : phrase) {
      if (w == ' ' || w == '-') {
        if (q < n && s_[q] == '-') {
          ++q;
        } else {
          const std::size_t sp = skip_hspace(s_, q);
          if (sp == q) return npos;
          q = sp;
        }
      } else {
        if (q >= n || to_lower(s_[q]) != w) return npos;
        ++q;
      }
    }
    // A word ends at a non-letter, or where a glued sentence starts ("highMany").
    if (q < n && is_letter(s_[q]) && !(is_upper(s_[q]) && is_lower(s_[q - 1]))) return npos;
    return q;
  };
  // A bare "dollars" is resolved with the figures written with `$` (Scanner::run).
  const Currency dollar = probe;
  const auto d = [](std::int64_t v, int e) { return Decimal::from_parts(Decimal::Coefficient(v), e); };

  // The first words of the rules below: a word that starts none is skipped with one look.
  // (The verbs of a multiple are `multiple_verb` cues of the lexicon, looked up apart.)
  static constexpr std::array<std::string_view, 28> first_words{
      "triple",  "double",    "single",   "half",      "hundreds", "tens",
      "several", "multibillion", "multi", "multimillion", "trillions", "billions", "millions", "thousands",
      "record",  "all",       "multiyear", "decade",  "one",          "two",       "three",    "four",
      "five",    "six",       "seven",    "eight",    "nine",         "ten"};
  // The word at p, cut where a glued sentence starts ("doubledMany").
  const auto word_at = [&](std::size_t p) {
    std::size_t we = letters_end(s_, p);
    for (std::size_t k = p + 1; k < we; ++k) {
      if (is_upper(s_[k]) && is_lower(s_[k - 1])) {
        we = k;
        break;
      }
    }
    return s_.substr(p, we - p);
  };
  static constexpr std::uint32_t first_letters = [] {
    std::uint32_t m = 0;
    for (const std::string_view f : first_words) m |= 1U << (f[0] - 'a');
    return m;
  }();
  const auto may_start_rule = [&](std::size_t p) {
    const std::size_t we = letters_end(s_, p);
    const std::string_view w = s_.substr(p, we - p);
    if (((first_letters | verb_letters_) & (1U << (to_lower(w[0]) - 'a'))) == 0 &&
        std::none_of(w.begin() + 1, w.end(), is_upper)) {
      return false;
    }
    return std::any_of(first_words.begin(), first_words.end(),
                       [&](std::string_view f) { return f.size() == w.size() && iequals(f, w); }) ||
           lexicon_.cue(w, "multiple_verb") != nullptr ||
           // a glued sentence ("highMany"): the rule's word ends where a capital starts
           std::any_of(w.begin() + 1, w.end(), is_upper);
  };

  std::size_t i = 0;
  while (i < n) {
    if (!is_letter(s_[i]) || (i > 0 && (is_letter(s_[i - 1]) || is_digit(s_[i - 1]))) || covered(i)) {
      ++i;
      continue;
    }
    if (!may_start_rule(i)) {
      i = letters_end(s_, i);
      continue;
    }
    Candidate c;
    c.begin = i;
    c.word_form = true;
    std::size_t e = npos;

    // Digits as growth rates: "triple-digit growth", "single digits".
    static constexpr std::array<std::pair<std::string_view, int>, 9> digit_rules{
        {{"triple-digits", 2}, {"triple-digit", 2}, {"double-digits", 1}, {"double-digit", 1},
         {"single-digits", 0}, {"single-digit", 0}, {"triple digits", 2}, {"double digits", 1},
         {"single digits", 0}}};
    for (const auto& [phrase, power] : digit_rules) {
      if ((e = match(i, phrase)) != npos) {
        // Single digits: [0, 10); double: [10, 100); triple: [100, 1000) percent.
        const Decimal lo = power == 0 ? d(0, 0) : d(1, power);
        c.vague = Interval::closed_open(lo, d(1, power + 1));
        c.vague_kind = FigureKind::percent;
        c.vague_unit = Unit::of(Dimension::percent);
        break;
      }
    }
    // Multiples in words: "doubled", "nearly doubled", "tripling", "halved".
    if (e == npos) {
      // `multiple_verb` cues: "doubled" 2, "halved" 0.5.
      const std::string_view verb = word_at(i);
      if (const Cue* rule = lexicon_.cue(verb, "multiple_verb"); rule != nullptr) {
        e = i + verb.size();
        const std::size_t next = skip_hspace(s_, e);
        if (word_is(s_, next, "down") || word_is(s_, next, "up")) {  // "doubled down"
          e = npos;
        } else {
          const std::size_t qb = extend_qualifier(i);
          c.begin = qb;
          c.rewritten = true;
          c.parse_text = fmt::format("{}{}x", s_.substr(qb, i - qb), rule->value);
        }
      }
    }
    // "less than half", "at least half": 0.5x (a fraction of something), only after a hedge.
    if (e == npos && (e = match(i, "half")) != npos) {
      const std::size_t qb = extend_qualifier(i);
      const std::size_t next = skip_hspace(s_, e);
      if (qb == i || word_is(s_, next, "year") || word_is(s_, next, "hour") || word_is(s_, next, "a") ||
          word_is(s_, next, "an")) {
        e = npos;
      } else {
        c.begin = qb;
        c.rewritten = true;
        c.parse_text = fmt::format("{}0.5x", s_.substr(qb, i - qb));
      }
    }
    // Vague magnitudes: "billions of dollars", "hundreds of billions", "several billion
    // dollars", "multibillion-dollar", "hundreds of millions of daily active users".
    if (e == npos) {
      struct Magnitude {
        std::string_view phrase;
        int low_exponent;   // 10^low_exponent <= v
        int high_exponent;  // v < 10^high_exponent
        int low_digit;      // lower bound is low_digit x 10^low_exponent
      };
      static constexpr std::array<Magnitude, 16> magnitudes{{
          {"hundreds of billions", 11, 12, 1}, {"hundreds of millions", 8, 9, 1},
          {"hundreds of thousands", 5, 6, 1},  {"tens of billions", 10, 11, 1},
          {"tens of millions", 7, 8, 1},       {"tens of thousands", 4, 5, 1},
          {"several billion", 9, 10, 2},       {"several million", 6, 7, 2},
          {"multibillion", 9, 12, 2},          {"multi-billion", 9, 12, 2},
          {"multimillion", 6, 9, 2},           {"multi-million", 6, 9, 2},
          {"trillions", 12, 15, 1},            {"billions", 9, 12, 1},
          {"millions", 6, 9, 1},               {"thousands", 3, 6, 1},
      }};
      for (const auto& m : magnitudes) {
        if ((e = match(i, m.phrase)) == npos) continue;
        c.vague = Interval::closed_open(d(m.low_digit, m.low_exponent), d(1, m.high_exponent));
        c.vague_kind = FigureKind::number;
        c.vague_unit = Unit::of(Dimension::number);
        // What follows: a currency ("of dollars", "-dollar", "dollars", "yuan") or "of" a count noun.
        std::size_t f;
        if ((f = match(e, "-dollar")) != npos || (f = match(e, " of dollars")) != npos ||
            (f = match(e, " dollars")) != npos || (f = match(e, " dollar")) != npos) {
          c.vague_kind = FigureKind::money;
          c.vague_unit = Unit::money(dollar);
          e = f;
        } else if ((f = match(e, " of yuan")) != npos || (f = match(e, " yuan")) != npos ||
                   (f = match(e, "-yuan")) != npos) {
          c.vague_kind = FigureKind::money;
          c.vague_unit = Unit::money(CNY);
          e = f;
        } else if ((f = match(e, " of")) != npos) {
          // "of daily active users": up to three lower-case words ending in a plural.
          std::size_t k = skip_hspace(s_, f);
          for (int words = 0; words < 3 && k < n && is_lower(s_[k]); ++words) {
            const std::size_t ke = letters_end(s_, k);
            const std::string_view kw = s_.substr(k, ke - k);
            if (is_cue(lexicon_, kw, "count_stop") || is_cue(lexicon_, kw, "duration")) break;
            if (is_plural_noun(lexicon_, kw)) {
              c.vague_kind = FigureKind::count;
              c.vague_unit = Unit::count_of(std::string(s_.substr(skip_hspace(s_, f), ke - skip_hspace(s_, f))));
              e = ke;
              break;
            }
            k = skip_hspace(s_, ke);
          }
        }
        break;
      }
    }
    // Extremes: "three-year high", "record lows", "all-time high".
    if (e == npos) {
      static constexpr std::array<std::string_view, 22> horizons{
          "record",   "all-time", "multi-year", "multiyear", "decade", "one-year",   "two-year",  "three-year",
          "four-year", "five-year", "six-year", "seven-year", "eight-year", "nine-year", "ten-year", "20-year",
          "two-month", "three-month", "six-month", "52-week", "one-month", "15-year"};
      for (const std::string_view h : horizons) {
        std::size_t f = match(i, h);
        if (f == npos) continue;
        const std::size_t g = skip_hspace(s_, f) != f ? skip_hspace(s_, f) : (f < n && s_[f] == '-' ? f + 1 : npos);
        if (g == npos) break;
        for (const std::string_view w : {std::string_view{"highs"}, std::string_view{"high"},
                                         std::string_view{"lows"}, std::string_view{"low"}}) {
          if (match(g, w) != npos) {
            e = g + w.size();
            break;
          }
        }
        if (e != npos) {
          c.vague_kind = FigureKind::record;
          c.vague_unit = Unit{};
        }
        break;
      }
    }
    if (e == npos) {
      i = letters_end(s_, i);
      continue;
    }
    c.end = e;
    if (!c.rewritten) c.parse_text = std::string(s_.substr(c.begin, e - c.begin));
    out.push_back(std::move(c));
    i = e;
  }
}

}  // namespace finmetrics::extract_detail
