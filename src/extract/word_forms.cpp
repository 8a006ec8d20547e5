#include "figure_scanner.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "document_currencies.hpp"
#include "finmetrics/lexicon/cue_interval.hpp"

// Figures written in words with no number: digit rules (`double-digit`), multiples
// (`doubled`, `less than half`), vague magnitudes (`billions of dollars`) and records
// (`three-year high`).

namespace finmetrics::extract_detail {

// A hedge written before a word form ("nearly doubled", "less than half"): the lexicon's.
std::size_t Scanner::extend_qualifier(std::size_t begin) const {
  return figure_start_before(s_, begin, read_options_).hedged;
}

std::size_t match_phrase(std::string_view s, std::size_t p, std::string_view phrase) {
  const std::size_t n = s.size();
  std::size_t q = p;
  for (const char w : phrase) {
    if (w == ' ' || w == '-') {
      if (q < n && s[q] == '-') {
        ++q;
      } else {
        const std::size_t sp = skip_hspace(s, q);
        if (sp == q) return npos;
        q = sp;
      }
    } else {
      if (q >= n || to_lower(s[q]) != w) return npos;
      ++q;
    }
  }
  if (q < n && is_letter(s[q]) && !(is_upper(s[q]) && is_lower(s[q - 1]))) return npos;
  return q;
}

namespace {

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = to_lower(c);
  return out;
}

std::string_view first_word(std::string_view phrase) {
  std::size_t e = 0;
  while (e < phrase.size() && is_letter(phrase[e])) ++e;
  return phrase.substr(0, e);
}

}  // namespace

WordForms word_forms_of(const Lexicon& lexicon) {
  WordForms forms;
  const auto first = [&](std::string_view phrase) {
    const std::string_view w = first_word(phrase);
    if (w.empty()) return;  // a phrase must start with an ASCII letter
    forms.first_letters |= 1U << (w[0] - 'a');
    if (std::find(forms.first_words.begin(), forms.first_words.end(), w) == forms.first_words.end()) {
      forms.first_words.emplace_back(w);
    }
  };
  for (const Cue& cue : lexicon.cues()) {
    const bool digits = cue.category == "digit_rule";
    if (digits || cue.category == "vague_magnitude") {
      auto values = cue_interval(cue.value);
      if (!values) continue;  // Lexicon::load refuses it
      (digits ? forms.digit_rules : forms.magnitudes).push_back(WordForms::Rule{lower(cue.phrase), *values});
    } else if (cue.category == "record_horizon") {
      forms.horizons.push_back(lower(cue.phrase));
    } else if (cue.category == "multiple_verb") {
      forms.multiple_verb_starts.add(lower(cue.phrase));
      if (!cue.phrase.empty() && is_letter(cue.phrase[0])) forms.first_letters |= 1U << (to_lower(cue.phrase[0]) - 'a');
    }
  }
  for (const auto& r : forms.digit_rules) forms.digit_rule_starts.add(r.phrase);
  for (const auto& r : forms.magnitudes) forms.magnitude_starts.add(r.phrase);
  for (const auto& h : forms.horizons) forms.horizon_starts.add(h);
  for (const auto& r : forms.digit_rules) first(r.phrase);
  for (const auto& r : forms.magnitudes) first(r.phrase);
  for (const auto& h : forms.horizons) first(h);
  // The longest phrase first, so that a phrase never hides a longer one it starts.
  const auto longer = [](const WordForms::Rule& a, const WordForms::Rule& b) { return a.phrase.size() > b.phrase.size(); };
  std::stable_sort(forms.digit_rules.begin(), forms.digit_rules.end(), longer);
  std::stable_sort(forms.magnitudes.begin(), forms.magnitudes.end(), longer);
  std::stable_sort(forms.horizons.begin(), forms.horizons.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return forms;
}

// A currency word of the lexicon at p ("dollars", "U.S. dollars", "euros", "yuan"):
// the longest phrase of up to the lexicon's longest marker's words; its end and marker.
std::pair<std::size_t, const CurrencyMarker*> Scanner::currency_word_at(std::size_t p) const {
  const std::size_t n = s_.size();
  std::array<std::size_t, 8> ends{};
  std::size_t words = 0;
  std::size_t q = p;
  const auto limit = static_cast<std::size_t>(std::min(lexicon_.max_currency_words(), 8));
  while (words < limit && q < n && is_letter(s_[q])) {
    std::size_t e = q;
    while (e < n && (is_letter(s_[e]) || (s_[e] == '.' && e + 1 < n && is_letter(s_[e + 1])))) ++e;
    if (e < n && s_[e] == '.' && e > q && is_upper(s_[e - 1])) ++e;  // "U.S."
    ends[words++] = e;
    const std::size_t next = skip_hspace(s_, e);
    if (next == e) break;
    q = next;
  }
  for (std::size_t k = words; k > 0; --k) {
    if (const CurrencyMarker* m = lexicon_.currency_marker(s_.substr(p, ends[k - 1] - p))) return {ends[k - 1], m};
  }
  return {npos, nullptr};
}

// What follows a vague magnitude that ends at e: a currency of the lexicon, attached
// ("multibillion-dollar", "-euro"), after a space or after "of" ("billions of
// dollars", "several billion euros", "tens of millions of yuan"), makes it money;
// "of" and a plural noun a count ("hundreds of millions of daily active users").
// A bare dollar word is resolved like `$`; a family word that names no one currency
// (`pesos`, `dinars`) is no figure (npos). Returns the end of the figure.
std::size_t Scanner::magnitude_follower(std::size_t e, Candidate& c) const {
  const std::size_t n = s_.size();
  std::size_t q = npos;
  bool attached = false;
  bool of = false;
  if (e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
    q = e + 1;
    attached = true;
  } else if (const std::size_t sp = skip_hspace(s_, e); sp > e && sp < n && is_letter(s_[sp])) {
    q = sp;
    if (word_is(s_, q, "of")) {
      const std::size_t after = skip_hspace(s_, q + 2);
      of = true;
      q = after > q + 2 ? after : npos;
    }
  }
  if (q == npos) return e;
  if (auto [end, m] = currency_word_at(q);
      m != nullptr && !m->country && !m->coin && !m->follows_number && m->divisor == 1 && m->multiple == 1) {
    // A marker that is also a word ("pounds of steel", "real users") is money only when
    // the amount ends there: a non-word, or a `count_stop` cue other than "of".
    const std::size_t nx = skip_hspace(s_, end);
    const bool ends_here = nx >= n || !is_letter(s_[nx]) ||
                           (!word_is(s_, nx, "of") && is_cue(lexicon_, s_.substr(nx, letters_end(s_, nx) - nx), "count_stop"));
    if (attached || !m->word_like || ends_here) {
      std::optional<Currency> currency = m->currency;
      if (!currency && lexicon_.family_name(m->family) == "dollar") currency = probe;  // resolved like `$`
      if (!currency) return npos;
      c.form().kind = FigureKind::money;
      c.form().unit = Unit::money(*currency);
      return end;
    }
  }
  if (!of) return e;
  // "of daily active users": up to three lower-case words ending in a plural.
  std::size_t k = q;
  for (int words = 0; words < 3 && k < n && is_lower(s_[k]); ++words) {
    const std::size_t ke = letters_end(s_, k);
    const std::string_view kw = s_.substr(k, ke - k);
    if (is_cue(lexicon_, kw, "count_stop") || is_cue(lexicon_, kw, "duration")) break;
    if (is_plural_noun(lexicon_, kw)) {
      c.form().kind = FigureKind::count;
      c.form().unit = Unit::count_of(std::string(s_.substr(q, ke - q)));
      return ke;
    }
    k = skip_hspace(s_, ke);
  }
  return e;
}

// A record at p: a `record_horizon` cue ("record", "all-time") or a number and a
// duration ("three-year", "52-week", "seven month"), then a `record_extreme` cue
// ("high", "lows"). Its end, or npos.
std::size_t Scanner::record_end(std::size_t p) const {
  const std::size_t n = s_.size();
  std::size_t f = npos;
  if (word_forms_.horizon_starts.may_match(s_, p)) {
    for (const std::string& h : word_forms_.horizons) {
      if ((f = match_phrase(s_, p, h)) != npos) break;
    }
  }
  if (f == npos) {
    // A number in digits or one number word, then a duration in the singular.
    std::size_t ne = p;
    if (is_digit(s_[p])) {
      while (ne < n && is_digit(s_[ne])) ++ne;
    } else {
      ne = letters_end(s_, p);
      const NumberWord* w = number_word(s_.substr(p, ne - p));
      if (w == nullptr || (w->kind != NumberWord::Kind::cardinal && w->kind != NumberWord::Kind::tens)) return npos;
    }
    const std::size_t u = ne < n && s_[ne] == '-' ? ne + 1 : skip_hspace(s_, ne);
    if (u == ne || u >= n || !is_letter(s_[u])) return npos;
    const std::size_t ue = letters_end(s_, u);
    const std::string_view unit = s_.substr(u, ue - u);
    if (unit.back() == 's' || !is_cue(lexicon_, unit, "duration")) return npos;
    f = ue;
  }
  const std::size_t g = skip_hspace(s_, f) != f ? skip_hspace(s_, f) : (f < n && s_[f] == '-' ? f + 1 : npos);
  if (g == npos || g >= n || !is_letter(s_[g])) return npos;
  std::size_t we = letters_end(s_, g);
  for (std::size_t k = g + 1; k < we; ++k) {  // a glued sentence ("highMany")
    if (is_upper(s_[k]) && is_lower(s_[k - 1])) {
      we = k;
      break;
    }
  }
  return is_cue(lexicon_, s_.substr(g, we - g), "record_extreme") ? we : npos;
}

// `half` with no hedge is a share of something only as one: not after a determiner,
// an `ordinal` cue or a number ("the first half", "a half", "one and a half", "back
// half"), and before "of", a determiner that is no article ("half its peak", "half
// the market") or the end of the clause ("fell by half."); what it is a share of is
// no year or duration ("half of 2024", "half of the year").
bool Scanner::half_alone(std::size_t b, std::size_t e) const {
  const std::size_t n = s_.size();
  const std::size_t we = skip_hspace_back(s_, b);
  if (we > 0 && is_letter(s_[we - 1])) {
    const std::size_t wb = letters_begin(s_, we);
    const std::string_view before = s_.substr(wb, we - wb);
    if (is_cue(lexicon_, before, "determiner") || is_cue(lexicon_, before, "ordinal") ||
        number_word(before) != nullptr || iequals(before, "and")) {
      return false;
    }
  } else if (we > 0 && (is_digit(s_[we - 1]) || s_[we - 1] == '-')) {
    return false;
  }
  std::size_t q = skip_hspace(s_, e);
  if (q == e && q < n && (is_letter(s_[q]) || is_digit(s_[q]) || s_[q] == '-')) return false;
  if (q >= n || s_[q] == '.' || s_[q] == ',' || s_[q] == ';' || s_[q] == ':' || s_[q] == '!' || s_[q] == '?' ||
      s_[q] == ')' || s_[q] == '\n' || s_[q] == '\r') {
    // At the end of a clause only after a preposition ("fell by half.", "cut in half,"),
    // never a period's half ("in the April-September half,").
    if (we == 0 || !is_lower(s_[we - 1])) return false;
    const std::size_t wb = letters_begin(s_, we);
    const std::string_view before = s_.substr(wb, we - wb);
    return (wb == 0 || s_[wb - 1] != '-') && is_cue(lexicon_, before, "count_stop") &&
           !is_cue(lexicon_, before, "determiner");
  }
  if (!is_letter(s_[q])) return false;
  const auto word_end = [&](std::size_t p) { return letters_end(s_, p); };
  bool of = false;
  if (word_is(s_, q, "of")) {
    of = true;
    q = skip_hspace(s_, q + 2);
    if (q >= n || is_digit(s_[q])) return false;  // "half of 2024"
  }
  if (q < n && is_letter(s_[q]) && is_cue(lexicon_, s_.substr(q, word_end(q) - q), "determiner")) {
    const NumberWord* article = number_word(s_.substr(q, word_end(q) - q));
    if (article != nullptr && article->kind == NumberWord::Kind::article && !of) return false;  // "half a", "half an"
    q = skip_hspace(s_, word_end(q));
  } else if (!of) {
    return false;
  }
  if (q >= n || !is_letter(s_[q])) return false;
  return !is_cue(lexicon_, s_.substr(q, word_end(q) - q), "duration");
}

void Scanner::scan_words(std::vector<Candidate>& out, const std::vector<Read>& numeric) const {
  const std::size_t n = s_.size();
  // Positions only grow, and numeric candidates are in text order: one cursor suffices.
  std::size_t cursor = 0;
  const auto covered = [&](std::size_t p) {
    while (cursor < numeric.size() && numeric[cursor].c.end <= p) ++cursor;
    return cursor < numeric.size() && p >= numeric[cursor].c.begin;
  };
  // Whether [b, e) overlaps a figure read from digits or number words (`numeric` is
  // sorted and its spans do not overlap): a word form then gives way, the numeric
  // reading being the exact one ("several billion dollar0": `dollar0` is the figure).
  const auto overlaps_numeric = [&](std::size_t b, std::size_t e) {
    auto it = std::lower_bound(numeric.begin(), numeric.end(), e,
                               [](const Read& r, std::size_t x) { return r.c.begin < x; });
    return it != numeric.begin() && std::prev(it)->c.end > b;
  };
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
  // Whether a word may start a word form: the first word of a phrase of the lexicon, a
  // verb of a multiple, a number word (`half`, `three-year high`), or a glued sentence
  // ("highMany": the rule's word ends where a capital starts). A cheap filter first.
  const auto may_start_rule = [&](std::size_t p) {
    const std::size_t we = letters_end(s_, p);
    const std::string_view w = s_.substr(p, we - p);
    const bool glued = std::any_of(w.begin() + 1, w.end(), is_upper);
    if (glued) return true;
    if ((word_forms_.first_letters & (1U << (to_lower(w[0]) - 'a'))) != 0 &&
        (std::any_of(word_forms_.first_words.begin(), word_forms_.first_words.end(),
                     [&](std::string_view f) { return f.size() == w.size() && iequals(f, w); }) ||
         lexicon_.cue(w, "multiple_verb") != nullptr)) {
      return true;
    }
    // A number word: `half`, `three-year high`.
    return number_word(w) != nullptr;
  };
  // The answer depends on the word alone, and an article repeats its words.
  WordMemo<bool, 8192> seen(n);

  std::size_t i = 0;
  while (i < n) {
    // Rules start at the first byte of a run of letters and digits only.
    const char ch = s_[i];
    if (!is_alnum(ch)) {
      ++i;
      continue;
    }
    if (i > 0 && is_alnum(s_[i - 1])) {
      while (i < n && is_alnum(s_[i])) ++i;
      continue;
    }
    if (covered(i)) {
      ++i;
      continue;
    }
    const bool digit = is_digit(ch);
    if (digit) {  // only a record: "52-week high", "a 15-year low"
      std::size_t e = npos;
      if (i == 0 || (s_[i - 1] != '.' && s_[i - 1] != ',')) e = record_end(i);
      if (e == npos || overlaps_numeric(i, e)) {
        while (i < n && is_digit(s_[i])) ++i;
        continue;
      }
      Candidate c;
      c.begin = i;
      c.end = e;
      c.word_form = true;
      c.form().kind = FigureKind::record;
      c.parse_text = std::string(s_.substr(i, e - i));
      out.push_back(std::move(c));
      i = e;
      continue;
    }
    if (const std::size_t we = letters_end(s_, i); !seen.get(s_.substr(i, we - i), [&] { return may_start_rule(i); })) {
      i = we;
      continue;
    }
    Candidate c;
    c.begin = i;
    c.word_form = true;
    std::size_t e = npos;

    // Digits as growth rates: "triple-digit growth", "single digits" (`digit_rule` cues).
    const std::span<const WordForms::Rule> digit_rules =
        word_forms_.digit_rule_starts.may_match(s_, i) ? std::span(word_forms_.digit_rules) : std::span<const WordForms::Rule>{};
    for (const WordForms::Rule& rule : digit_rules) {
      if ((e = match_phrase(s_, i, rule.phrase)) != npos) {
        c.form().values = rule.values;
        c.form().kind = FigureKind::percent;
        c.form().unit = Unit::of(Dimension::percent);
        break;
      }
    }
    // Multiples in words: "doubled", "nearly doubled", "tripling", "halved".
    if (e == npos) {
      // `multiple_verb` cues: "doubled" 2, "halved" 0.5; not before a `verb_particle`
      // ("doubled down").
      const std::string_view verb = word_at(i);
      if (const Cue* rule = word_forms_.multiple_verb_starts.may_match(verb, 0) ? lexicon_.cue(verb, "multiple_verb") : nullptr;
          rule != nullptr) {
        e = i + verb.size();
        const std::size_t next = skip_hspace(s_, e);
        if (next < n && is_letter(s_[next]) &&
            is_cue(lexicon_, s_.substr(next, letters_end(s_, next) - next), "verb_particle")) {
          e = npos;
        } else {
          const std::size_t qb = extend_qualifier(i);
          c.begin = qb;
          c.rewritten = true;
          c.parse_text = fmt::format("{}{}x", s_.substr(qb, i - qb), rule->value);
        }
      }
    }
    // "less than half", "at least half", "half of revenue", "fell by half.": 0.5x (a
    // fraction of something); never "half a billion" (the grammar's), "half year",
    // "half an hour", "the first half of 2024".
    if (e == npos) {
      const std::string_view w = word_at(i);
      const NumberWord* half = number_word(w);
      if (half != nullptr && half->kind == NumberWord::Kind::fraction && half->value == 1 && half->denominator == 2) {
        const std::size_t qb = extend_qualifier(i);
        const std::size_t next = skip_hspace(s_, i + w.size());
        const std::string_view after = next < n ? s_.substr(next, letters_end(s_, next) - next) : std::string_view{};
        const NumberWord* article = after.empty() ? nullptr : number_word(after);
        if ((qb != i || half_alone(i, i + w.size())) && !is_cue(lexicon_, after, "duration") &&
            !(article != nullptr && article->kind == NumberWord::Kind::article)) {
          e = i + w.size();
          c.begin = qb;
          c.rewritten = true;
          c.parse_text = fmt::format("{}0.5x", s_.substr(qb, i - qb));
        }
      }
    }
    // Vague magnitudes: "billions of dollars", "hundreds of billions", "several billion
    // dollars", "multibillion-dollar", "hundreds of millions of daily active users".
    if (e == npos) {
      const std::span<const WordForms::Rule> magnitudes =
          word_forms_.magnitude_starts.may_match(s_, i) ? std::span(word_forms_.magnitudes) : std::span<const WordForms::Rule>{};
      for (const WordForms::Rule& m : magnitudes) {
        if ((e = match_phrase(s_, i, m.phrase)) == npos) continue;
        // "(in millions of RMB, except ...)": a table's unit, no figure.
        if (const std::size_t we = skip_hspace_back(s_, i); we >= 2 && we < i && iequals(s_.substr(we - 2, 2), "in") &&
            (we == 2 || s_[we - 3] == '(' || s_[we - 3] == '\n')) {
          e = npos;
          break;
        }
        c.form().values = m.values;
        c.form().kind = FigureKind::number;
        c.form().unit = Unit::of(Dimension::number);
        e = magnitude_follower(e, c);
        break;
      }
    }
    // Extremes: "three-year high", "record lows", "all-time high".
    if (e == npos && (e = record_end(i)) != npos) {
      c.form().kind = FigureKind::record;
      c.form().unit = Unit{};
    }
    if (e == npos || overlaps_numeric(c.begin, e)) {
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
