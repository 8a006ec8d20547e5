#include "figure_scanner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "currency_from_text.hpp"
#include "document_currencies.hpp"
#include "working_memory.hpp"

// Where a figure may start: a digit or a number word of the lexicon; what the grammar
// allows before it (figure_start_before), then the figure read in place
// (read_figure_at). Candidates that do not read are reported, never guessed.

namespace finmetrics::extract_detail {

const NumberWord* Scanner::number_word(std::string_view w) const {
  return number_words_.get(w, [&] { return lexicon_.number_word(w); });
}

// The length of the first character of a Chinese numeral that starts at p (a
// `cardinal` or `hundred` number word of one CJK character, or "百分之"), not inside
// another numeral or after a digit ("1.2万" is read from its digits); else 0.
std::size_t Scanner::cjk_numeral_start(std::size_t p) const {
  const CodePoint c = decode(s_, p);
  if (c.size != 3) return 0;
  const auto numeral = [&](std::string_view ch) {
    const NumberWord* w = number_word(ch);
    return w != nullptr && (w->kind == NumberWord::Kind::cardinal || w->kind == NumberWord::Kind::hundred);
  };
  const bool percent = s_.substr(p, 9) == "\u767E\u5206\u4E4B";  // 百分之
  if (!percent && !numeral(s_.substr(p, 3))) return 0;
  const CodePoint before = decode_before(s_, p);
  if (before.size == 3 && numeral(s_.substr(p - 3, 3))) return 0;
  if (before.size == 1 && is_digit(s_[p - 1])) return 0;
  return 3;
}

// End of an alphanumeric token ("Qwen2.5", "2025Q3", "QwQ-32B"), so a rejected
// token is skipped whole.
std::size_t Scanner::alnum_run_end(std::size_t p) const {
  while (p < s_.size()) {
    const char c = s_[p];
    if (is_letter(c) || is_digit(c) || c == '_') {
      ++p;
    } else if ((c == '.' || c == '-' || c == ',' || c == '/' || c == ':' || c == '%') && p + 1 < s_.size() &&
               (is_letter(s_[p + 1]) || is_digit(s_[p + 1]))) {
      ++p;
    } else {
      break;
    }
  }
  return p;
}

// Digits that are part of something else: a version or path ("v.5", "04/14"),
// a time of day, a compound ("Covid-19", "03-17"; a range's upper end is read
// with its lower end), a URL ("%20", "?q=30").
// Whether `text` holds a word that names a family of currencies and no one of them,
// outside the dollar and yen (whose bare signs are resolved otherwise): `pesos`, `dinars`.
bool Scanner::names_family_only(std::string_view text) const {
  return extract_detail::holds_family_only_marker(text, lexicon_);  // a word, or a sign (₦, ₫)
}

bool Scanner::inside_token(std::size_t d) const {
  const CodePoint before = decode_before(s_, d);
  if (before.size == 0) return false;
  const char32_t b = before.value;
  // "S/120 million", "S/.120": a currency marker of the lexicon that ends in a slash (the
  // Peruvian sol), glued to its number, starts the figure: its letters must be the whole marker.
  if (b == '/' || (b == '.' && d >= 2 && s_[d - 2] == '/')) {
    const std::size_t slash = b == '/' ? d - 1 : d - 2;
    const std::size_t wb = letters_begin(s_, slash);
    if (wb < slash && (wb == 0 || !is_alnum(s_[wb - 1])) && lexicon_.currency_marker(s_.substr(wb, d - wb)) != nullptr)
      return false;
  }
  if (b == '.') {
    // "Rs.1,234.56 Cr.", "Bs.5bn": a currency marker that ends in a full stop, glued to its
    // number, starts the figure (the word before the stop starts a token of its own).
    const std::size_t wb = letters_begin(s_, d - 1);
    const bool marker = wb < d - 1 && (wb == 0 || !is_alnum(s_[wb - 1])) &&
                        lexicon_.currency_marker(s_.substr(wb, d - wb)) != nullptr;
    return !marker;
  }
  if (b == '/' || b == '_' || b == '@' || b == '\\' || b == '%' || b == '=' || b == '&' || b == '#') {
    return true;
  }
  if (b == ':' && d >= 2 && is_digit(s_[d - 2])) return true;
  if (b == '-' || b == 0x2013 || b == 0x2212) {
    const CodePoint bb = decode_before(s_, d - before.size);
    if (bb.size != 0 && bb.value < 0x80 && (is_letter(static_cast<char>(bb.value)) || is_digit(static_cast<char>(bb.value)))) {
      return true;
    }
  }
  // A URL: the white-space-delimited token holds "://" or starts with "www.".
  std::size_t tb = d;
  for (std::size_t k = 0; tb > 0 && k < 256 && !is_hspace(decode_before(s_, tb).value) && s_[tb - 1] != '\n'; ++k) --tb;
  const std::string_view token = s_.substr(tb, d - tb);
  return token.find("://") != std::string_view::npos || istarts_with(token, "www.");
}

// A verb of change (a direction cue of the lexicon: "rose", "fell", "up") right before
// p, or before "by" right before p, with up to three words between the verb and "by"
// ("cut its forecast by $2bn to $10bn"); before "by" a `change_by` verb counts too
// ("raised by ¥400 billion to ¥13.2 trillion").
bool Scanner::after_change(std::size_t p) const {
  std::size_t we = skip_hspace_back(s_, p);
  std::size_t wb = letters_begin(s_, we);
  if (we == p || wb == we) return false;
  const bool by = iequals(s_.substr(wb, we - wb), "by");
  const int words = by ? 4 : 1;
  for (int k = 0; k < words; ++k) {
    if (by) {
      // The word before, hyphens and apostrophes within ("full-year", "company's").
      std::size_t e2 = skip_hspace_back(s_, wb);
      if (e2 == wb) return false;
      we = e2;
      wb = letters_begin(s_, we);
      while (wb > 1 && (s_[wb - 1] == '-' || s_[wb - 1] == '\'') && is_letter(s_[wb - 2])) wb = letters_begin(s_, wb - 1);
      if (wb == we) return false;
    }
    const std::string_view w = s_.substr(wb, we - wb);
    if (is_cue(lexicon_, w, "direction") || (by && is_cue(lexicon_, w, "change_by"))) return true;
  }
  return false;
}

// The start of the number before "point" when the number at p follows "X point"
// ("one point three", "1 point 5"), else npos.
std::size_t Scanner::spoken_decimal_start(std::size_t p) const {
  if (!preceded_by_word(p, "point")) return npos;
  const std::size_t pb = letters_begin(s_, skip_hspace_back(s_, p));
  const std::size_t ne = skip_hspace_back(s_, pb);
  if (ne == pb || ne == 0) return npos;
  if (is_digit(s_[ne - 1])) {
    std::size_t nb = ne;
    while (nb > 0 && (is_digit(s_[nb - 1]) || s_[nb - 1] == '.' || s_[nb - 1] == ',')) --nb;
    return nb;
  }
  const std::size_t nb = letters_begin(s_, ne);
  return nb < ne && number_word(s_.substr(nb, ne - nb)) != nullptr ? nb : npos;
}

bool Scanner::preceded_by_word(std::size_t p, std::string_view w) const {
  const std::size_t we = skip_hspace_back(s_, p);
  const std::size_t wb = letters_begin(s_, we);
  return we < p && we > wb && iequals(s_.substr(wb, we - wb), w);
}

// The end of the number at p when it is written in Indian groups ("1,18,000",
// "12,34,56,789.5": groups of two, then a last group of three), else npos.
std::size_t Scanner::indian_grouping_end(std::size_t p) const {
  const std::size_t n = s_.size();
  std::size_t e = p;
  while (e < n && is_digit(s_[e])) ++e;
  if (e - p == 0 || e - p > 2) return npos;
  int twos = 0;
  for (;;) {
    if (e + 1 >= n || s_[e] != ',' || !is_digit(s_[e + 1])) return npos;
    std::size_t g = e + 1;
    while (g < n && is_digit(s_[g])) ++g;
    if (g - e - 1 == 3) {
      e = g;
      break;
    }
    if (g - e - 1 != 2) return npos;
    ++twos;
    e = g;
  }
  if (twos == 0 || (e < n && s_[e] == ',' && e + 1 < n && is_digit(s_[e + 1]))) return npos;
  if (e + 1 < n && s_[e] == '.' && is_digit(s_[e + 1]))
    for (++e; e < n && is_digit(s_[e]);) ++e;
  return e;
}

// "4兆3000億円", "1亿2000万元", "2万3000元": digits with a CJK scale written straight
// before more digits are one number in two scales, the lower part carrying the unit
// (read alone, "3000億円" would be a tenth of the figure). Read as their sum when the
// second scale is lower and nothing stands before the first part; refused otherwise.
// nullopt: the number at d is no such pair.
std::optional<Result<QuotedFigure>> Scanner::cjk_scales_figure(std::size_t d, RangeReading ranges) const {
  const std::size_t n = s_.size();
  std::size_t a = d;
  while (a < n && (is_digit(s_[a]) || s_[a] == '.' || s_[a] == ',')) ++a;
  if (a >= n || static_cast<unsigned char>(s_[a]) < 0xE3) return std::nullopt;
  std::optional<Scale> high;
  std::size_t t = a;
  for (const std::size_t len : {std::size_t{6}, std::size_t{3}}) {
    if (a + len >= n || !is_digit(s_[a + len])) continue;
    if (auto sc = lexicon_.scale(s_.substr(a, len))) {
      high = sc;
      t = a + len;
      break;
    }
  }
  if (!high) return std::nullopt;
  std::size_t te = t;
  while (te < n && te - d < 64 && !is_hspace(decode(s_, te).value) && s_[te] != '\n') ++te;
  while (te > t && (s_[te - 1] == '.' || s_[te - 1] == ',' || s_[te - 1] == ';' || s_[te - 1] == ')')) --te;
  const auto refuse = [&](std::string_view why) -> Result<QuotedFigure> {
    return tl::unexpected(make_error(Errc::syntax,
                                     fmt::format("byte {}: '{}': {}: not read", d, s_.substr(d, te - d), why),
                                     s_.substr(d, te - d)));
  };
  const FigureStart start = figure_start_before(s_, d, read_options_);
  if (start.marked != d || start.hedged != d)
    return refuse("a number in two scales after a marker or hedge");
  const Result<Decimal> upper_part = Decimal::parse(s_.substr(d, a - d));
  Result<QuotedFigure> lower = read_figure_at(s_, t, read_options_, ranges);
  if (!upper_part || !lower || lower->span.begin != t || lower->is_range() || lower->scale.exponent >= high->exponent)
    return refuse("a number in two scales that does not read as one");
  QuotedFigure f = std::move(*lower);
  f.value = upper_part->shifted(high->exponent) + f.value;
  f.number = f.value.shifted(-f.scale.exponent);
  f.span.begin = d;
  f.text = std::string(s_.substr(d, f.span.end - d));
  return f;
}

// Whether the article at [d, we) ("a", "an") is a candidate that every reading refuses
// in silence, told without the look-back and the readings (on prose they were a third
// of the scan: articles are the commonest number words). The grammar reads an article
// only before a number word ("a hundred", "a third"), a scale ("a billion"), a currency
// ("a dollar"), as a range's lower end ("a to ..."), or with a hedge ("an estimated",
// "a near fourfold"); otherwise "'a' needs a scale after it", a syntax error, which a
// word candidate never reports; a currency marker before it could make the error
// another. So the article is passed over when what stands around it is plain: after
// it, white space and a lower-case word that starts no phrase of those tables (a
// phrase being words of letters, '.', '-', '\'' apart by spaces, as the grammar splits
// them), and is not "to", "and" or "or"; before it, the start of a line, a comma,
// semicolon or colon, or a word that is no currency marker. Anything else is read as
// before. extract_paths_test and fuzz_extract prove it against the general path
// (`ScanPaths::general`, every candidate read).
bool Scanner::article_reads_nothing(std::size_t d, std::size_t we) const {
  const std::size_t n = s_.size();
  // Before: a line start, `,;:` then spaces, or a word that names no currency.
  if (d > 0 && s_[d - 1] != '\n') {
    std::size_t b = d;
    while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t')) --b;
    if (b == d) return false;  // glued to what stands before it
    if (b > 0 && s_[b - 1] != '\n') {
      const char c = s_[b - 1];
      if (is_letter(c)) {
        // The words before, up to the longest marker's: none ends a marker ("Hong Kong a").
        std::size_t wb = b;
        for (int k = 0; k < std::min(8, lexicon_.max_currency_words()); ++k) {
          while (wb > 0 && (is_letter(s_[wb - 1]) || s_[wb - 1] == '.')) --wb;
          const std::string_view before = s_.substr(wb, b - wb);
          if (lexicon_.currency_marker_after_number(before) != nullptr) return false;  // currency_marker's and more
          if (wb == 0 || s_[wb - 1] != ' ') break;
          while (wb > 0 && s_[wb - 1] == ' ') --wb;
          if (wb == 0 || !is_letter(s_[wb - 1])) break;
        }
      } else if (c != ',' && c != ';' && c != ':') {
        return false;
      }
    }
  }
  // After: spaces, then a lower-case word.
  std::size_t q = we;
  while (q < n && (s_[q] == ' ' || s_[q] == '\t')) ++q;
  if (q == we || q >= n || !is_lower(s_[q])) return false;
  const std::size_t qe = letters_end(s_, q);
  const std::string_view next = s_.substr(q, qe - q);
  if (next == "to" || next == "and" || next == "or") return false;  // a range's separator, or the end of a reading
  if (number_word(next) != nullptr) return false;
  // The words from q, as the grammar's phrases split them, up to the longest phrase of
  // the tables. Punctuation that is in no phrase ends them (a digit, a bracket, a quote,
  // typographic ones too: "company’s"); a sign that may be part of one ("$", "~", "€",
  // a tab) leaves the article to the grammar.
  const auto phrase_char = [](char c) { return is_letter(c) || c == '.' || c == '-' || c == '\''; };
  const auto ends_phrases = [&](std::size_t e) {
    const char c = s_[e];
    return is_digit(c) || c == ',' || c == ';' || c == ':' || c == ')' || c == '(' || c == '!' || c == '?' ||
           c == '"' || c == '%' || c == '/' || c == '\n' || c == '\r' ||
           (e + 2 < n && c == '\xE2' && s_[e + 1] == '\x80' &&
            (s_[e + 2] == '\x98' || s_[e + 2] == '\x99' || s_[e + 2] == '\x9C' || s_[e + 2] == '\x9D'));
  };
  const int scale_words = std::min(8, lexicon_.max_scale_words());
  const int currency_words = std::min(8, lexicon_.max_currency_words());
  const int qualifier_words = std::min(8, lexicon_.max_qualifier_words());
  const int max_words = std::max({scale_words, currency_words, qualifier_words});
  std::array<std::size_t, 8> ends{};
  int words = 0;
  for (std::size_t p = q; words < max_words;) {
    std::size_t e = p;
    while (e < n && phrase_char(s_[e])) ++e;
    if (e == p) {
      if (ends_phrases(p)) break;
      return false;
    }
    ends[static_cast<std::size_t>(words++)] = e;
    if (e >= n || ends_phrases(e)) break;
    if (s_[e] != ' ') return false;
    p = e;
    while (p < n && s_[p] == ' ') ++p;
    if (p >= n) break;
  }
  // Every phrase from q that ends where a word of the grammar may end (after a letter or
  // a '.', before no letter: "euro" and "euro." of "euro.", "peso" of "peso-nearly"), in
  // each table, up to its longest phrase. (currency_marker_after_number answers for
  // currency_marker too; a hedge starts only with a byte that may_start_qualifier
  // admits, as the grammar asks it first.)
  const bool hedge_at_q = lexicon_.may_start_qualifier(s_[q]);
  int k = 0;  // the words before e
  for (std::size_t e = q + 1; k < words && e <= ends[static_cast<std::size_t>(words - 1)]; ++e) {
    if (e > ends[static_cast<std::size_t>(k)]) ++k;  // past the spaces after word k
    const char last = s_[e - 1];
    if (!(is_letter(last) || last == '.') || (e < n && is_letter(s_[e]))) continue;
    const std::string_view phrase = s_.substr(q, e - q);
    if ((k < scale_words && lexicon_.scale(phrase)) ||
        (k < currency_words && lexicon_.currency_marker_after_number(phrase) != nullptr) ||
        (k < qualifier_words && hedge_at_q && lexicon_.qualifier(phrase)) ||
        (k + 1 < qualifier_words && lexicon_.qualifier(s_.substr(d, e - d)))) {  // "an estimated"
      return false;
    }
  }
  return !lexicon_.qualifier(s_.substr(d, we - d));
}

void Scanner::scan_numbers(std::vector<Read>& out, std::vector<Error>& skipped) const {
  const std::size_t n = s_.size();
  const auto read = [&](std::size_t at, RangeReading ranges) { return read_figure_at(s_, at, read_options_, ranges); };
  // The reads as reserve_for_text reserved them, untouched yet: on 2-MB pages for a long text.
  if (out.empty()) advise_huge_pages(out.data(), out.capacity() * sizeof(Read));
  std::size_t i = 0;
  while (i < n) {
    // Bounded memory: a text of more figures than max_figures is cut, and says so.
    if (options_.max_figures != 0 && out.size() + skipped.size() >= options_.max_figures) {
      unread_from_ = i;
      break;
    }
    // The next candidate: bytes and tokens that start none are passed over in a loop of
    // their own (nothing is taken there, so the bound above needs no new test).
    std::size_t cjk = 0;  // a Chinese numeral's first character's length ("三千亿元", "百分之十五")
    const NumberWord* number_word = nullptr;
    bool found = false;
    while (i < n) {
      const char ch = s_[i];
      if (is_digit(ch)) {
        if (i > 0 && is_digit(s_[i - 1])) {
          ++i;
          continue;
        }
        if (inside_token(i)) {
          i = alnum_run_end(i);
          continue;
        }
      } else if (static_cast<unsigned char>(ch) >= 0xE3 && static_cast<unsigned char>(ch) <= 0xE9) {
        cjk = options_.word_forms ? cjk_numeral_start(i) : 0;
        if (cjk == 0) {
          ++i;
          continue;
        }
        number_word = this->number_word(s_.substr(i, cjk));
      } else if (!is_letter(ch)) {
        ++i;
        continue;
      } else if (i > 0 && is_alnum(s_[i - 1])) {
        // Inside a token: its letters start nothing (a digit after them may: "FY2025").
        while (i < n && is_letter(s_[i])) ++i;
        continue;
      } else {
        const std::size_t we = letters_end(s_, i);
        if (!options_.word_forms) {
          i = we;
          continue;
        }
        // A number word ("three billion dollars", "twenty-five percent"): the lexicon's.
        const NumberWord* w = this->number_word(s_.substr(i, we - i));
        // "A$9.84 billion": a marker glued to its number, read from the digits, no word.
        if (w == nullptr || (we < n && (s_[we] == '$' || is_digit(s_[we])))) {
          i = we;
          continue;
        }
        // "a company", "an increase": an article no reading can continue (article_reads_nothing).
        if (paths_ == ScanPaths::fast && w->kind == NumberWord::Kind::article && article_reads_nothing(i, we)) {
          i = we;
          continue;
        }
        number_word = w;
      }
      found = true;
      break;
    }
    if (!found) break;
    const std::size_t d = i;
    const bool word = !is_digit(s_[d]);
    const auto word_end = [&] { return cjk != 0 ? d + cjk : letters_end(s_, d); };
    // "one point three dollars", "1 point 5 million": a decimal spoken with "point" is
    // not read, and what follows "point" is never read as the amount ("three dollars").
    if (const std::size_t spoken = spoken_decimal_start(d); spoken != npos) {
      const std::size_t te = word ? word_end() : alnum_run_end(d);
      skipped.push_back(make_error(
          Errc::syntax,
          fmt::format("byte {}: '{}': a decimal spoken with 'point' is not read", spoken, s_.substr(spoken, te - spoken)),
          s_.substr(spoken, te - spoken)));
      refused_ = te;
      i = te;
      continue;
    }
    FigureStart start = figure_start_before(s_, d, read_options_);
    // What the previous figure read is not this one's marker or hedge ("10 rmb 20 usd").
    const std::size_t taken = std::max(out.empty() ? 0 : out.back().c.end, refused_);
    if (start.hedged < taken) start.hedged = start.marked;
    if (start.marked < taken) start.marked = start.hedged = d;
    // Letters glued to the number that are no marker: an identifier ("FY2025", "H20", "Qwen2.5").
    if (!word && start.marked == d && d > 0 && is_letter(s_[d - 1])) {
      // Unless one to three letters, a word of their own, stand before an amount of a
      // million or more ("Dh1.2bn", "Tk1.2bn", "BD1.2mn"): a currency the lexicon does not
      // know, and money lost if passed over in silence. Refused, and said.
      std::size_t lb = d;
      while (lb > 0 && is_letter(s_[lb - 1]) && d - lb <= 3) --lb;
      if (d - lb <= 3 && (lb == 0 || !is_alnum(s_[lb - 1]))) {
        const Result<QuotedFigure> alone = read(d, RangeReading::joined);
        if (alone && alone->span.end > d && alone->scale.exponent >= 6) {
          const std::string_view text = s_.substr(lb, alone->span.end - lb);
          skipped.push_back(make_error(
              Errc::unknown_currency,
              fmt::format("byte {}: '{}': '{}' glued before the number is no currency marker the lexicon knows: "
                          "not read",
                          lb, text, s_.substr(lb, d - lb)),
              text));
          refused_ = alone->span.end;
          i = refused_;
          continue;
        }
      }
      i = alnum_run_end(d);
      continue;
    }
    // "from 3% to 4%", "rose 0.4% to 8,250.3", "fell by 3p to 452p" are two figures (a
    // change and a level); "3 to 4 billion yuan", "5-7%" one.
    const RangeReading ranges = preceded_by_word(start.hedged, "from") || preceded_by_word(start.marked, "from") ||
                                        after_change(start.hedged)
                                    ? RangeReading::dashed
                                    : RangeReading::joined;
    Result<QuotedFigure> r = read(start.hedged, ranges);
    if ((!r || r->span.end <= d) && start.marked != start.hedged) r = read(start.marked, ranges);
    // A word before the marker that did not read with it ("Class A $5", "Series A $50
    // million": the article's letter needs a scale) leaves the marker glued to the number.
    if ((!r || r->span.end <= d) && start.marked != d) {
      std::size_t glued = d;
      while (glued > start.marked && s_[glued - 1] != ' ' && s_[glued - 1] != '\t') --glued;
      if (glued != start.marked && glued < d) {
        auto at_marker = read(glued, ranges);
        if (at_marker && at_marker->span.end > d) r = std::move(at_marker);
      }
    }
    if ((!r || r->span.end <= d) && start.marked != d) {
      auto at_number = read(d, ranges);
      if (at_number && at_number->span.end > d) r = std::move(at_number);
    }
    // A reading that failed, or stopped at a CJK scale before more digits ("4兆" of
    // "4兆3000億円"): the number may be written in two scales.
    if (!word && (!r || (r->span.end > d && r->span.end < n && is_digit(s_[r->span.end]) &&
                         static_cast<unsigned char>(s_[r->span.end - 1]) >= 0x80))) {
      if (std::optional<Result<QuotedFigure>> scales = cjk_scales_figure(d, ranges)) {
        if (!*scales) {
          refused_ = d + scales->error().input.size();
          skipped.push_back(std::move(scales->error()));
          i = refused_;
          continue;
        }
        r = std::move(*scales);
      }
    }
    // "a more than $50 billion investment": an article before a hedge belongs to the
    // figure only for a number word ("a near fourfold increase"), read at that word.
    if (r && number_word != nullptr && number_word->kind == NumberWord::Kind::article &&
        r->qualifier != Qualifier::none && r->qualifier_span.begin > d) {  // not "above a dollar"
      i = word_end();
      continue;
    }
    // A text that writes decimal dots is read as `en` (figures_from_candidates.cpp); a
    // number that reads otherwise only in another locale ("1'234 million", Swiss groups)
    // is still refused as the caller's reading refuses it, never cut short in silence.
    if (!word && read_options_.locale != options_.parse.locale &&
        (!r || (r->span.end + 1 < n && s_[r->span.end] == '\'' && is_digit(s_[r->span.end + 1])))) {
      ParseOptions callers = read_options_;
      callers.locale = options_.parse.locale;
      Result<QuotedFigure> plain = read_figure_at(s_, start.marked, callers, ranges);
      if (!plain && plain.error().code == Errc::ambiguous) r = std::move(plain);
    }
    // "1,18,000 savings accounts": digits in Indian groups (a last group of three, groups
    // of two before it) are written so in one locale only; without a rupee marker the
    // grammar reads them only with that locale, so they are read with it and say so.
    std::string_view locale;
    if (!word && options_.parse.locale.empty()) {
      if (const std::size_t ie = indian_grouping_end(d); ie != npos && (!r || r->span.end < ie)) {
        ParseOptions indian = read_options_;
        indian.locale = "en-IN";
        Result<QuotedFigure> again = read_figure_at(s_, start.hedged, indian, ranges);
        if ((!again || again->span.end < ie) && start.marked != start.hedged)
          again = read_figure_at(s_, start.marked, indian, ranges);
        if (again && again->span.end >= ie) {
          r = std::move(again);
          locale = "en-IN";
        }
      }
    }
    if (r && r->span.end > d) {
      std::size_t resume = r->span.end;
      // A bare sign's figure is read again once its currency is resolved: with the same
      // range reading ("rose by $400 billion to $13.2 trillion" is two figures then too).
      if (take(std::move(*r), d, word, out, skipped, resume)) {
        out.back().c.ranges = ranges;
        out.back().c.locale = locale;
      }
      i = std::max(resume, d + 1);
      continue;
    }
    // Nothing read: a candidate that looked like a figure (a currency marker, or an
    // error other than syntax) is reported; a plain token is not a figure.
    // A number word only when it reads two ways ("twenty ringgit 43 sens").
    std::size_t refused_end = 0;
    if (!r) {
      bool marker = false;
      for (std::size_t k = start.marked; k < d; ++k) {
        const char c = s_[k];
        marker = marker || !(c == '-' || c == '+' || c == '(' || c == ' ' || c == '\t');
      }
      if (word ? r.error().code == Errc::ambiguous : marker || r.error().code != Errc::syntax) {
        std::size_t te = std::max(d, r.error().position == Error::npos ? d : std::min(n, r.error().position));
        while (te < n && te - start.marked < 64 && !is_hspace(decode(s_, te).value) && s_[te] != '\n') ++te;
        while (te > d && (s_[te - 1] == '.' || s_[te - 1] == ',' || s_[te - 1] == ';' || s_[te - 1] == ')')) --te;
        const std::string_view text = s_.substr(start.marked, te - start.marked);
        if (!word && r.error().code == Errc::ambiguous && names_family_only(text)) {
          // "12.4 billion pesos": which peso the document may say (figures_from_candidates.cpp
          // reads it again once the whole text is known, and refuses it as here otherwise).
          Candidate c;
          c.begin = start.marked;
          c.end = te;
          c.parse_text = std::string(text);
          c.rewritten = true;
          c.ranges = ranges;
          out.push_back(Read{std::move(c), QuotedFigure{}, Bare::no});
          refused_ = te;
          i = std::max(te, d + 1);
          continue;
        }
        Error e = std::move(r.error());
        e.message = fmt::format("byte {}: '{}': {}", start.marked, text, e.message);
        skipped.push_back(std::move(e));
        refused_end = te;
      }
    }
    if (refused_end != 0) {
      // What was refused is no other figure's marker ("3 UAH 4 kopiykas" is not "UAH 4").
      refused_ = refused_end;
      i = std::max(refused_end, d + 1);
    } else if (word) {
      i = word_end();
    } else {
      i = alnum_run_end(d);  // and the rest of a token that did not read ("$5\u200d0bn")
      if (!r) {
        while (i < n && !is_hspace(decode(s_, i).value) && s_[i] != '\n' && !(s_[i] == '.' || s_[i] == ',')) ++i;
      }
    }
  }
}

}  // namespace finmetrics::extract_detail
