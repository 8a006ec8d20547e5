#include "finmetrics/extract/extract_figures.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/currency/alias.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/read_figure_at.hpp"
#include "finmetrics/unit/scale.hpp"

// A scan over the bytes (no regex). It finds where a figure may be (a digit, a
// number word of the lexicon, or a word form), looks back for what the grammar
// allows before it (figure_start_before) and reads the figure in place with the
// library's grammar (read_figure_at): no vocabulary of its own for currencies,
// scales or hedges. It rejects what is not a figure in context (years, dates,
// fiscal names, model names, durations, ordinals, plain numbers) and reads count
// nouns. A candidate that does not read is skipped and reported, never guessed.

namespace finmetrics {


std::string_view to_string(FigureKind k) noexcept {
  switch (k) {
    case FigureKind::money: return "money";
    case FigureKind::per_share: return "per_share";
    case FigureKind::percent: return "percent";
    case FigureKind::percentage_points: return "percentage_points";
    case FigureKind::multiple: return "multiple";
    case FigureKind::count: return "count";
    case FigureKind::number: return "number";
    case FigureKind::record: return "record";
  }
  return "number";
}

namespace {

using namespace extract_detail;

constexpr std::size_t npos = std::string_view::npos;

// A sentinel outside the dollar and yen families: a figure whose currency follows
// it was written with a bare sign (`$`, `dollars`, `¥`).
constexpr Currency probe = Currency::of("XAU");


// The count-noun word lists are cues of the lexicon (data/lexicon/cues.csv):
// `count_stop` ends a count noun before it starts ("10 million for the chatbot"),
// `duration` makes the figure a duration ("15 months"), `plural` lists plurals
// without an s ("people").
bool is_cue(const Lexicon& lex, std::string_view w, std::string_view category) noexcept {
  return lex.cue(w, category) != nullptr;
}

bool is_plural_noun(const Lexicon& lex, std::string_view w) noexcept {
  if (is_cue(lex, w, "plural")) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  const std::string_view tail2 = w.substr(w.size() - 2);
  return tail2 != "ss" && tail2 != "us" && tail2 != "is" && tail2 != "'s";
}

// The ASCII word at p, case-insensitively equal to `w` (whole word).
bool word_is(std::string_view s, std::size_t p, std::string_view w) noexcept {
  const std::size_t e = letters_end(s, p);
  return e - p == w.size() && iequals(s.substr(p, e - p), w);
}

struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  // A figure read in place by read_figure_at: its reading with the probe currency.
  std::optional<QuotedFigure> reading;
  std::size_t read_at = 0;
  RangeReading ranges = RangeReading::joined;
  // Otherwise what parse_figure reads (a rewrite: "more than $858 billion", "30 billion", "2x").
  std::string parse_text;
  bool rewritten = false;
  std::string noun;  // a count noun read after the figure
  bool word_form = false;
  std::string hedge_verb;
  std::optional<Interval> vague;  // the range of a vague word form
  FigureKind vague_kind = FigureKind::number;
  Unit vague_unit;
};

class Scanner {
 public:
  Scanner(std::string_view text, const ExtractOptions& options)
      : s_(text), options_(options),
        lexicon_(options.parse.lexicon ? *options.parse.lexicon : Lexicon::builtin()) {
    read_options_ = options.parse;
    read_options_.count_nouns = false;  // the nouns of running text are read here (count_noun_end)
    read_options_.currency.dollar = probe;
    read_options_.currency.yen_or_yuan = probe;
    // The first letters of the verbs of a multiple, a filter before their look-up.
    for (const Cue& cue : lexicon_.cues()) {
      if (cue.category == "multiple_verb" && !cue.phrase.empty() && is_letter(cue.phrase[0])) {
        verb_letters_ |= 1U << (to_lower(cue.phrase[0]) - 'a');
      }
    }
  }

  void run(Extraction& out);

 private:
  std::size_t alnum_run_end(std::size_t p) const;
  bool inside_token(std::size_t d) const;
  bool preceded_by_word(std::size_t p, std::string_view w) const;
  std::size_t spoken_decimal_start(std::size_t p) const;
  bool after_change(std::size_t p) const;
  std::size_t count_noun_end(std::size_t p, const QuotedFigure& f, std::size_t number, bool& duration) const;
  void scan_numbers(std::vector<Candidate>& out, std::vector<Error>& skipped) const;
  void scan_words(std::vector<Candidate>& out, const std::vector<Candidate>& numeric) const;
  std::size_t extend_qualifier(std::size_t begin) const;
  bool take(const QuotedFigure& f, std::size_t number, bool word, std::vector<Candidate>& out,
            std::vector<Error>& skipped, std::size_t& resume) const;

  // The lexicon's number word for `w`, through a small cache of the words seen (an
  // article repeats its words; every word is looked up).
  const NumberWord* number_word(std::string_view w) const;

  std::string_view s_;
  const ExtractOptions& options_;
  const Lexicon& lexicon_;
  std::uint32_t verb_letters_ = 0;  // first letters of the `multiple_verb` cues
  ParseOptions read_options_;
  mutable std::size_t refused_ = 0;  // the end of the last candidate refused
  mutable std::optional<std::size_t> unread_from_;  // where reading stopped at max_figures
  struct CachedWord {
    std::array<char, 15> text{};
    std::uint8_t size = 0xFF;
    const NumberWord* word = nullptr;
  };
  mutable std::vector<CachedWord> number_words_ = std::vector<CachedWord>(512);
};

const NumberWord* Scanner::number_word(std::string_view w) const {
  if (w.size() > 15) return lexicon_.number_word(w);
  std::uint32_t h = 2166136261U;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  CachedWord& slot = number_words_[h & (number_words_.size() - 1)];
  if (slot.size == w.size() && std::equal(w.begin(), w.end(), slot.text.begin())) return slot.word;
  slot.size = static_cast<std::uint8_t>(w.size());
  std::copy(w.begin(), w.end(), slot.text.begin());
  slot.word = lexicon_.number_word(w);
  return slot.word;
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
bool Scanner::inside_token(std::size_t d) const {
  const CodePoint before = decode_before(s_, d);
  if (before.size == 0) return false;
  const char32_t b = before.value;
  if (b == '.' || b == '/' || b == '_' || b == '@' || b == '\\' || b == '%' || b == '=' || b == '&' || b == '#') {
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
// p, or before "by" right before p.
bool Scanner::after_change(std::size_t p) const {
  std::size_t we = skip_hspace_back(s_, p);
  std::size_t wb = letters_begin(s_, we);
  if (we == p || wb == we) return false;
  if (iequals(s_.substr(wb, we - wb), "by")) {
    const std::size_t e2 = skip_hspace_back(s_, wb);
    if (e2 == wb) return false;
    we = e2;
    wb = letters_begin(s_, we);
    if (wb == we) return false;
  }
  for (const Cue* cue : lexicon_.cues_for(s_.substr(wb, we - wb))) {
    if (cue->category == "direction") return true;
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

// A count noun after a figure without unit ("1.1bn netizens", "250 million
// devices", "1 million free tokens"): up to three lower-case words ending at the
// first plural. Without a scale the number must be an integer not named by the
// word before it ("Qwen 2.0 showcased", "February 20 earnings"). npos when none;
// `duration` when the noun names time ("15 months": no figure).
std::size_t Scanner::count_noun_end(std::size_t p, const QuotedFigure& f, std::size_t number, bool& duration) const {
  duration = false;
  const std::size_t n = s_.size();
  const std::size_t q = skip_hspace(s_, p);
  if (q == p || q >= n || !is_lower(s_[q])) return npos;
  const bool scaled = f.scale.exponent != 0;
  if (!scaled) {
    if (f.number.exponent() < 0) return npos;
    const std::size_t we = skip_hspace_back(s_, number);
    const std::size_t wb = letters_begin(s_, we);
    if (we > wb && is_upper(s_[wb]) && we != number) return npos;
  }
  std::size_t k = q;
  for (int words = 0; words < 3; ++words) {
    if (k >= n || !is_lower(s_[k])) break;
    const std::size_t ke = letters_end(s_, k);
    const std::string_view kw = s_.substr(k, ke - k);
    if (ke < n && (is_digit(s_[ke]) || s_[ke] == '-' || s_[ke] == '\'')) break;
    if (is_cue(lexicon_, kw, "duration")) {
      duration = !scaled;
      return npos;
    }
    if (is_cue(lexicon_, kw, "count_stop")) break;
    if (kw.size() > 3 && kw.substr(kw.size() - 2) == "ed") break;  // a verb: "2.0 showcased"
    if (is_plural_noun(lexicon_, kw)) return ke;
    const std::size_t next = skip_hspace(s_, ke);
    if (next == ke) break;
    k = next;
  }
  return npos;
}

// Whether a figure read in place is a figure of the article, and how it is
// kept: the context rules that the grammar does not know (years, versions,
// compounds, durations, plain numbers), count nouns and hedging verbs.
bool Scanner::take(const QuotedFigure& f, std::size_t number, bool word, std::vector<Candidate>& out,
                   std::vector<Error>& skipped, std::size_t& resume) const {
  const std::size_t n = s_.size();
  const std::size_t b = f.span.begin;
  std::size_t e = f.span.end;
  resume = e;
  // A number that goes on like a version, a list or a date is not a figure.
  if (e + 1 < n && is_digit(s_[e - 1]) && (s_[e] == '.' || s_[e] == ',' || s_[e] == '/' || s_[e] == ':') &&
      is_digit(s_[e + 1])) {
    resume = alnum_run_end(e);
    return false;
  }
  if (e < n && (s_[e] == '_' || s_[e] == '@')) return false;
  const Dimension dim = f.unit.dimension;
  const bool scaled = f.scale.exponent != 0;
  // Cents that end a larger amount that did not read ("above a dollar and 42 cents"):
  // never read as the whole.
  if (dim == Dimension::money && !word && f.value != f.number && f.scale.exponent == 0) {
    const std::size_t and_end = skip_hspace_back(s_, b);
    const std::size_t and_begin = letters_begin(s_, and_end);
    if (and_end < b && iequals(s_.substr(and_begin, and_end - and_begin), "and")) {
      const std::size_t we = skip_hspace_back(s_, and_begin);
      const std::size_t wb = letters_begin(s_, we);
      if (we < and_begin && wb < we && lexicon_.currency_marker_after_number(s_.substr(wb, we - wb)) != nullptr) {
        skipped.push_back(make_error(Errc::syntax,
                                     fmt::format("byte {}: '{}': the minor units of an amount before '{}' that was not read",
                                                 wb, s_.substr(wb, e - wb), s_.substr(wb, and_end - wb)),
                                     s_.substr(wb, e - wb)));
        return false;
      }
    }
  }
  // An amount in brackets after a word ("a net loss of ($99.99)") may be an accounting
  // negative or an aside: refused, never guessed. After another figure it is an aside
  // ("Rmb81bn ($11bn)"); at the start of a line or cell read_figure_at reads it negative.
  if (dim == Dimension::money && !word) {
    const std::size_t open = skip_hspace_back(s_, b);
    const std::size_t close = skip_hspace(s_, e);
    // A hedge is never an accounting negative: "( approximately £ 15 million )" is an aside.
    if (open > 0 && s_[open - 1] == '(' && close < n && s_[close] == ')' && f.qualifier == Qualifier::none) {
      const std::size_t before = skip_hspace_back(s_, open - 1);
      const bool after_figure = !out.empty() && out.back().end == before;
      if (!after_figure && before > 0 && is_letter(s_[before - 1])) {
        skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': an amount in brackets after a word is an accounting negative or an aside: "
                        "not read",
                        open - 1, s_.substr(open - 1, close + 1 - (open - 1))),
            s_.substr(open - 1, close + 1 - (open - 1))));
        resume = close + 1;
        return false;
      }
    }
  }
  const bool plain = dim == Dimension::number;
  std::string rewritten;
  std::string noun;
  // Hyphen compounds: "30-billion-parameter" is a count, "a 30-billion-dollar fund" money;
  // "a 12-cent-a-share dividend", "a one-yen bid" money; "15-month", "three-year",
  // "5x-faster" are not figures.
  bool compound_money = false;
  if (e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
    const std::size_t we = letters_end(s_, e + 1);
    const std::string_view w = s_.substr(e + 1, we - e - 1);
    if (f.is_range() || scaled || !(plain || dim == Dimension::money)) return false;
    const CurrencyMarker* m = plain && is_lower(w.front()) ? lexicon_.currency_marker_after_number(w) : nullptr;
    if (m != nullptr && !m->country) {
      rewritten = fmt::format("{} {}", s_.substr(b, e - b), w);
      e = we;
      if (s_.substr(e, 8) == "-a-share") {
        rewritten += " a share";
        e += 8;
      }
      if (e < n && (is_letter(s_[e]) || is_digit(s_[e]) || s_[e] == '-')) return false;
      compound_money = true;
    } else if (w.size() < 4 || !lexicon_.scale(w)) {
      return false;
    }
  }
  if (!compound_money && e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
    const std::size_t we = letters_end(s_, e + 1);
    const std::string_view w = s_.substr(e + 1, we - e - 1);
    rewritten = fmt::format("{} {}", s_.substr(b, e - b), w);  // "Rs 45,000-crore", "$5-billion"
    e = we;
    if (e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
      if (!plain) return false;
      const std::size_t e2 = letters_end(s_, e + 1);
      const std::string_view w2 = s_.substr(e + 1, e2 - e - 1);
      if (lexicon_.currency_marker_after_number(w2) != nullptr) {
        rewritten += fmt::format(" {}", w2);
      } else if (is_lower(w2.front())) {
        noun = std::string(w2);
      } else {
        return false;
      }
      e = e2;
    }
    if (e < n && (is_letter(s_[e]) || is_digit(s_[e]) || s_[e] == '-')) return false;
  }
  std::size_t number_end = number;  // digits and their separators, as written
  while (number_end < f.span.end &&
         (is_digit(s_[number_end]) || ((s_[number_end] == ',' || s_[number_end] == '.' || s_[number_end] == ' ') &&
                                       number_end + 1 < f.span.end && is_digit(s_[number_end + 1])))) {
    ++number_end;
  }
  const std::string_view digits = s_.substr(number, number_end - number);
  // "90,000": digits in groups are a figure even without a unit.
  const bool grouped = !word && plain && std::any_of(digits.begin(), digits.end(), [](char c) {
    return c == ',' || c == ' ' || static_cast<unsigned char>(c) >= 0x80;
  });
  // A year: "in 2023", "2025 performance", "in 2024 dollars" (never with a marker before it).
  const bool year = !word && b == number && f.number.exponent() == 0 && digits.size() >= 4 &&
                    (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20") &&
                    (digits.size() == 4 || !is_digit(digits[4]));
  if (year && dim != Dimension::percent && !scaled && !compound_money) return false;
  if (rewritten.empty() && plain && !f.is_range() && !word) {
    bool duration = false;
    const std::size_t ne = count_noun_end(e, f, number, duration);
    if (duration) return false;
    if (ne != npos) {
      noun = std::string(s_.substr(skip_hspace(s_, e), ne - skip_hspace(s_, e)));
      rewritten = std::string(s_.substr(b, e - b));
      e = ne;
    }
  }
  if (plain && !scaled && !grouped && noun.empty() && !compound_money) return false;  // a plain number
  if (word && !compound_money) {
    // Number words: only with a unit or a scale ("three billion dollars", "twenty
    // percent", "nearly six times"); a fraction as a share of something ("a third of"),
    // or ending the clause ("fell by a third.", "cut by one-fifth in 2024"). Before
    // another word it is an ordinal ("a third quarter", "a third party"), and a
    // fraction that names a period ("a quarter") needs "of".
    if (plain && !scaled) return false;
    if (dim == Dimension::percent && f.text.find('%') == std::string::npos &&
        f.text.find("cent") == std::string::npos) {
      const std::size_t nx = skip_hspace(s_, e);
      const std::size_t last = f.text.find_last_of(" -");
      const std::string_view fraction =
          last == std::string::npos ? std::string_view(f.text) : std::string_view(f.text).substr(last + 1);
      const bool ends = nx >= n || s_[nx] == '.' || s_[nx] == ',' || s_[nx] == ';' || s_[nx] == ':' ||
                        s_[nx] == '!' || s_[nx] == '?' || s_[nx] == ')' || s_[nx] == '\n' || s_[nx] == '\r' ||
                        (is_letter(s_[nx]) && lexicon_.cue(s_.substr(nx, letters_end(s_, nx) - nx), "count_stop"));
      if (!word_is(s_, nx, "of") && (!ends || lexicon_.cue(fraction, "duration") != nullptr)) return false;
    }
  }
  Candidate c;
  c.begin = b;
  c.end = e;
  c.word_form = word;
  if (!rewritten.empty()) {
    c.rewritten = true;
    c.parse_text = std::move(rewritten);
    c.noun = std::move(noun);
  } else {
    c.reading = f;
    c.read_at = b;
  }
  // Verbs that hedge like "more than" (`hedge_verb` cues): "exceeding $858 billion", "surpassed 10 million".
  if (f.qualifier == Qualifier::none) {
    const std::size_t we = skip_hspace_back(s_, b);
    const std::size_t wb = letters_begin(s_, we);
    const Cue* verb = we < b && wb < we && (wb == 0 || !is_letter(s_[wb - 1]))
                          ? lexicon_.cue(s_.substr(wb, we - wb), "hedge_verb")
                          : nullptr;
    if (verb != nullptr) {
      const std::string& hedge = verb->value;
      if (!c.rewritten) c.parse_text = std::string(s_.substr(b, f.span.end - b));
      c.parse_text = hedge + " " + c.parse_text;
      c.rewritten = true;
      c.reading.reset();
      c.begin = wb;
      c.hedge_verb = std::string(s_.substr(wb, we - wb));
    }
  }
  out.push_back(std::move(c));
  resume = e;
  return true;
}

void Scanner::scan_numbers(std::vector<Candidate>& out, std::vector<Error>& skipped) const {
  const std::size_t n = s_.size();
  const auto read = [&](std::size_t at, RangeReading ranges) { return read_figure_at(s_, at, read_options_, ranges); };
  std::size_t i = 0;
  while (i < n) {
    // Bounded memory: a text of more figures than max_figures is cut, and says so.
    if (options_.max_figures != 0 && out.size() + skipped.size() >= options_.max_figures) {
      unread_from_ = i;
      break;
    }
    const char ch = s_[i];
    if (is_digit(ch)) {
      if (i > 0 && is_digit(s_[i - 1])) {
        ++i;
        continue;
      }
    } else if (!is_letter(ch) || (i > 0 && (is_letter(s_[i - 1]) || is_digit(s_[i - 1])))) {
      ++i;
      continue;
    }
    const std::size_t d = i;
    const bool word = !is_digit(ch);
    const NumberWord* number_word = nullptr;
    if (word) {
      if (!options_.word_forms) {
        i = letters_end(s_, d);
        continue;
      }
      // A number word ("three billion dollars", "twenty-five percent"): the lexicon's.
      const std::size_t we = letters_end(s_, d);
      number_word = this->number_word(s_.substr(d, we - d));
      if (number_word == nullptr) {
        i = we;
        continue;
      }
    } else if (inside_token(d)) {
      i = alnum_run_end(d);
      continue;
    }
    // "one point three dollars", "1 point 5 million": a decimal spoken with "point" is
    // not read, and what follows "point" is never read as the amount ("three dollars").
    if (const std::size_t spoken = spoken_decimal_start(d); spoken != npos) {
      const std::size_t te = word ? letters_end(s_, d) : alnum_run_end(d);
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
    const std::size_t taken = std::max(out.empty() ? 0 : out.back().end, refused_);
    if (start.hedged < taken) start.hedged = start.marked;
    if (start.marked < taken) start.marked = start.hedged = d;
    // Letters glued to the number that are no marker: an identifier ("FY2025", "H20", "Qwen2.5").
    if (!word && start.marked == d && d > 0 && is_letter(s_[d - 1])) {
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
    if ((!r || r->span.end <= d) && start.marked != d) {
      auto at_number = read(d, ranges);
      if (at_number && at_number->span.end > d) r = std::move(at_number);
    }
    // "a more than $50 billion investment": an article before a hedge belongs to the
    // figure only for a number word ("a near fourfold increase"), read at that word.
    if (r && number_word != nullptr && number_word->kind == NumberWord::Kind::article &&
        r->qualifier != Qualifier::none && r->qualifier_span.begin > d) {  // not "above a dollar"
      i = letters_end(s_, d);
      continue;
    }
    if (r && r->span.end > d) {
      std::size_t resume = r->span.end;
      take(*r, d, word, out, skipped, resume);
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
      i = letters_end(s_, d);
    } else {
      i = alnum_run_end(d);  // and the rest of a token that did not read ("$5\u200d0bn")
      if (!r) {
        while (i < n && !is_hspace(decode(s_, i).value) && s_[i] != '\n' && !(s_[i] == '.' || s_[i] == ',')) ++i;
      }
    }
  }
}
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

void Scanner::run(Extraction& out) {
  std::vector<Candidate> numeric;
  scan_numbers(numeric, out.skipped);
  std::vector<Candidate> words;
  if (options_.word_forms) scan_words(words, numeric);
  std::vector<Candidate> all = std::move(numeric);
  all.insert(all.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  if (options_.max_figures != 0 && all.size() > options_.max_figures) {  // the word forms, past the cut
    unread_from_ = std::min(unread_from_.value_or(all[options_.max_figures].begin), all[options_.max_figures].begin);
    all.resize(options_.max_figures);
  }
  if (unread_from_) {
    while (!all.empty() && all.back().begin >= *unread_from_) all.pop_back();
    out.unread_from = unread_from_;
    out.skipped.push_back(make_error(
        Errc::out_of_range,
        fmt::format("byte {}: the text from here on is not read: more than {} figures and refusals in one text "
                    "(ExtractOptions::max_figures; the CLI's --max-figures N, 0 for no limit)",
                    *unread_from_, options_.max_figures),
        std::string_view{}));
  }

  // Each candidate has been read in place (or is read here from its rewrite); a money
  // figure whose currency follows the reading of `$` (or `¥`) is bare in that family,
  // and is resolved after the whole text has been read: option, then the explicit
  // markers of the document, then the default.
  enum class Bare { no, dollar, yen };
  struct Read {
    Candidate c;
    Result<QuotedFigure> parsed;
    Bare bare = Bare::no;
  };
  const auto vague = [](const Candidate& c) { return c.word_form && !c.rewritten && !c.reading; };
  const auto read = [&](const Candidate& c, const ParseOptions& o) -> Result<QuotedFigure> {
    if (!c.rewritten) return read_figure_at(s_, c.read_at, o, c.ranges);
    return parse_figure(c.parse_text, o);
  };
  std::vector<Read> reads;
  reads.reserve(all.size());
  for (auto& c : all) {
    if (vague(c)) {
      const Bare b = c.vague_kind == FigureKind::money && c.vague_unit.currency == probe ? Bare::dollar : Bare::no;
      reads.push_back(Read{std::move(c), Result<QuotedFigure>(QuotedFigure{}), b});
      continue;
    }
    Result<QuotedFigure> parsed = c.reading ? Result<QuotedFigure>(*c.reading) : read(c, read_options_);
    Bare b = Bare::no;
    if (parsed && parsed->unit.dimension == Dimension::money && parsed->unit.currency == probe) {
      b = parsed->currency_family == "yen" ? Bare::yen : Bare::dollar;  // which sign, by its marker's family
    }
    reads.push_back(Read{std::move(c), std::move(parsed), b});
  }
  // The candidates live on in `reads`: their moved-from husks (about 1.4 KB each) go
  // before the figures are built, so a text of many figures holds two copies, not three.
  std::vector<Candidate>().swap(all);
  std::vector<Candidate>().swap(words);
  out.figures.reserve(out.figures.size() + reads.size());

  // The explicit markers of each family in the document, and which currency they name.
  struct Family {
    std::optional<Currency> only;  // the one currency all explicit markers name
    bool mixed = false;
    std::vector<std::size_t> at;  // reads that carry an explicit marker of the family
  };
  Family dollars, yens;
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money) continue;
    if (vague(r.c)) continue;
    const Currency c = *r.parsed->unit.currency;
    // A bare `$` is resolved only by markers written with a dollar sign (`HK$`, `A$`):
    // `140.9 HKD per share` in an article about several markets says nothing of its `$`.
    const bool sign_marker = s_.substr(r.c.begin, r.c.end - r.c.begin).find('$') != std::string_view::npos;
    const std::string_view family = lexicon_.family_name(lexicon_.family_of(c));
    for (auto [fam, name] : {std::pair<Family*, std::string_view>{&dollars, "dollar"}, {&yens, "yen"}}) {
      if (family != name || (fam == &dollars && !sign_marker)) continue;
      if (fam->only && *fam->only != c) fam->mixed = true;
      fam->only = c;
      fam->at.push_back(k);
    }
  }
  // The explicit marker nearest before read k (else the first after it).
  const auto evidence_for = [&](const Family& fam, std::size_t k) -> CurrencyEvidence {
    std::size_t pick = fam.at.front();
    for (const std::size_t e : fam.at)
      if (e < k) pick = e;
    const Read& r = reads[pick];
    return CurrencyEvidence{std::string(s_.substr(r.c.begin, r.c.end - r.c.begin)), TextSpan{r.c.begin, r.c.end},
                            *r.parsed->unit.currency};
  };

  // "HK$700 billion ($89.6 billion)": a bare amount in brackets right after an explicit
  // amount translates it into another currency, never into the same one.
  const auto translates = [&](std::size_t k, Currency c) {
    if (k == 0) return false;
    const Read& prev = reads[k - 1];
    if (!prev.parsed || prev.bare != Bare::no || vague(prev.c) || prev.parsed->unit.currency != c) return false;
    const std::size_t open = skip_hspace(s_, prev.c.end);
    const std::size_t close = skip_hspace(s_, reads[k].c.end);
    return open < s_.size() && s_[open] == '(' && skip_hspace(s_, open + 1) == reads[k].c.begin && close < s_.size() &&
           s_[close] == ')';
  };

  for (std::size_t k = 0; k < reads.size(); ++k) {
    Read& r = reads[k];
    Candidate& c = r.c;
    ExtractedFigure f;
    f.span = TextSpan{c.begin, c.end};
    f.text = std::string(s_.substr(c.begin, c.end - c.begin));
    f.word_form = c.word_form;
    f.hedge_verb = c.hedge_verb;

    // Resolve a bare sign.
    std::optional<Currency> resolved;
    if (r.bare != Bare::no) {
      const bool dollar = r.bare == Bare::dollar;
      const std::optional<Currency>& option = dollar ? options_.dollar : options_.yen;
      const Family& fam = dollar ? dollars : yens;
      if (option) {
        resolved = *option;
        f.currency_source = CurrencySource::option;
      } else if (fam.only && !fam.mixed && !translates(k, *fam.only)) {
        resolved = *fam.only;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = evidence_for(fam, k);
      } else if (const auto& fallback = dollar ? options_.parse.currency.dollar : options_.parse.currency.yen_or_yuan) {
        resolved = *fallback;
        f.currency_source = CurrencySource::default_;
      } else {
        Error e = make_error(Errc::ambiguous,
                fmt::format("byte {}: '{}': '{}' names no single currency here: no option, and {} (use --{} CODE)",
                            c.begin, f.text, dollar ? "$" : "\xC2\xA5",
                            fam.mixed ? "the text names several of its currencies" : "no explicit marker of its family in the text",
                            dollar ? "dollar" : "yen"),
                f.text);
        out.skipped.push_back(std::move(e));
        continue;
      }
    }

    if (vague(c)) {
      f.kind = c.vague_kind;
      f.unit = c.vague_unit;
      if (resolved) f.unit = Unit::money(*resolved);
      f.interval = c.vague;
      out.figures.push_back(std::move(f));
      continue;
    }
    if (resolved) {
      ParseOptions o = read_options_;
      (r.bare == Bare::dollar ? o.currency.dollar : o.currency.yen_or_yuan) = *resolved;
      r.parsed = read(c, o);
    }
    if (!r.parsed) {
      Error e = std::move(r.parsed.error());
      e.message = fmt::format("byte {}: '{}': {}", c.begin, f.text, e.message);
      out.skipped.push_back(std::move(e));
      continue;
    }
    QuotedFigure q = std::move(*r.parsed);
    if (c.rewritten) {
      q.text = f.text;
      q.span = f.span;
      if (!c.noun.empty()) q.unit = Unit::count_of(c.noun);
    }
    f.unit = q.unit;
    f.qualifier = q.qualifier;
    switch (q.unit.dimension) {
      case Dimension::money: f.kind = q.unit.per == Per::whole ? FigureKind::money : FigureKind::per_share; break;
      case Dimension::percent: f.kind = FigureKind::percent; break;
      case Dimension::percentage_points:
      case Dimension::basis_points: f.kind = FigureKind::percentage_points; break;
      case Dimension::multiple: f.kind = FigureKind::multiple; break;
      case Dimension::count: f.kind = FigureKind::count; break;
      case Dimension::number: f.kind = FigureKind::number; break;
    }
    if (f.kind == FigureKind::money || f.kind == FigureKind::per_share) {
      if (f.currency_source == CurrencySource::none) f.currency_source = CurrencySource::explicit_;
    }
    try {
      f.interval = q.interval();
    } catch (const DecimalOverflow&) {
      f.interval = std::nullopt;
    }
    f.quoted = std::move(q);
    out.figures.push_back(std::move(f));
  }

  // Linked pairs: "Rmb81bn ($11bn)", money in two currencies, the second in brackets.
  for (std::size_t k = 0; k + 1 < out.figures.size(); ++k) {
    ExtractedFigure& a = out.figures[k];
    ExtractedFigure& b = out.figures[k + 1];
    if (a.kind != b.kind || (a.kind != FigureKind::money && a.kind != FigureKind::per_share)) continue;
    if (a.unit.currency == b.unit.currency) continue;
    const std::size_t open = skip_hspace(s_, a.span.end);
    if (open >= s_.size() || s_[open] != '(' || skip_hspace(s_, open + 1) != b.span.begin) continue;
    const std::size_t close = skip_hspace(s_, b.span.end);
    if (close >= s_.size() || s_[close] != ')') continue;
    a.linked = k + 1;
    b.linked = k;
  }
}

// A sentence longer than `max_sentence` bytes (a text without full stops) is cut
// to the words within `max_sentence / 2` bytes of the figure, so that what is
// written per figure stays bounded and the output linear in the text.
constexpr std::size_t max_sentence = 800;
TextSpan bounded_sentence(std::string_view s, TextSpan sentence, TextSpan figure) {
  if (sentence.size() <= max_sentence) return sentence;
  const std::size_t half = max_sentence / 2;
  std::size_t b = figure.begin > sentence.begin + half ? figure.begin - half : sentence.begin;
  std::size_t e = std::min(sentence.end, figure.end + half);
  // Whole words and whole code points: move to the next (previous) space.
  while (b > sentence.begin && b < figure.begin && s[b - 1] != ' ') ++b;
  while (e < sentence.end && e > figure.end && s[e] != ' ') --e;
  return TextSpan{b, std::max(e, figure.end)};
}

}  // namespace

Extraction extract_figures(std::string_view text, const ExtractOptions& options) {
  Extraction out;
  Scanner(text, options).run(out);
  out.article_date = options.article_date ? options.article_date : find_article_date(text);
  const extract_detail::SentenceIndex sentences(text);
  for (auto& f : out.figures) {
    f.sentence = bounded_sentence(text, sentences.span(sentences.index_of(f.span.begin)), f.span);
    extract_detail::fill_words_around(text, f);
  }
  if (options.context) extract_detail::read_context(text, sentences, options, out);
  return out;
}

}  // namespace finmetrics
