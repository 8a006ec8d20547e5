#pragma once
// The extractor's scanner (private to src/extract): candidates found in the text
// and how they become figures. One concept per source file:
//   number_candidates.cpp      digits and number words, read in place by the grammar
//   figure_in_context.cpp      which readings are figures of the article (years,
//                              versions, compounds, count nouns, hedging verbs)
//   figure_neighbours.cpp      what stands beside a figure: a count noun, an exchange
//                              rate, a per-share metric before it, a good it prices
//   word_forms.cpp             figures in words with no number (`billions`,
//                              `double-digit`, `doubled`, `three-year high`)
//   figures_from_candidates.cpp  reading, currency resolution of bare signs, pairs
//   document_currencies.cpp    what the whole document says of a bare sign's currency
//                              (its markers by family and line, foreign lines, cents)
//   currency_from_text.cpp     currencies the text's words name; a family without
//                              default (`pesos`) the document decides; `sen`
//   table_units.cpp            `(₹ in crore)`: the unit of the numbers under a header
//   number_locale_evidence.cpp  a text that writes decimal dots only is read as `en`
//   document_dollar.cpp        whether the document's dollar reaches a bare `$`
//   extract_figures.cpp        the entry point: scanner, sentences, context

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/extract/detail/scan_paths.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/extract/detail/word_memo.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/read_figure_at.hpp"
#include "table_units.hpp"

namespace finmetrics::extract_detail {

class ArticleCues;
class SentenceIndex;
struct Read;  // a candidate and its reading (document_currencies.hpp)
class DocumentCurrencies;

inline constexpr std::size_t npos = std::string_view::npos;

// A sentinel outside the dollar and yen families: a figure whose currency follows
// it was written with a bare sign (`$`, `dollars`, `¥`).
inline constexpr Currency probe = Currency::of("XAU");

// The count-noun word lists are cues of the lexicon (data/lexicon/cues.csv):
// `count_stop` ends a count noun before it starts ("10 million for the chatbot"),
// `duration` makes the figure a duration ("15 months"), `plural` lists plurals
// without an s ("people").
inline bool is_cue(const Lexicon& lex, std::string_view w, std::string_view category) noexcept {
  return lex.cue(w, category) != nullptr;
}

inline bool is_plural_noun(const Lexicon& lex, std::string_view w) noexcept {
  if (is_cue(lex, w, "plural")) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  const std::string_view tail2 = w.substr(w.size() - 2);
  return tail2 != "ss" && tail2 != "us" && tail2 != "is" && tail2 != "'s";
}

// The ASCII word at p, case-insensitively equal to `w` (whole word).
inline bool word_is(std::string_view s, std::size_t p, std::string_view w) noexcept {
  const std::size_t e = letters_end(s, p);
  return e - p == w.size() && iequals(s.substr(p, e - p), w);
}

// What a word form with no number allows (`billions of dollars` [1e9, 1e12) USD,
// `double-digit` [10, 100) percent, `record highs`), held apart from the candidate:
// most candidates are numbers, and each candidate is held until its figure is built.
struct VagueForm {
  std::optional<Interval> values;  // the range of a vague word form
  FigureKind kind = FigureKind::number;
  Unit unit;
};

struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t read_at = 0;
  // Otherwise what parse_figure reads (a rewrite: "more than $858 billion", "30 billion", "2x").
  std::string parse_text;
  std::string noun;  // a count noun read after the figure
  std::string per_unit;  // the good an amount is the price of ("$84.94/bbl": barrel), a `per_unit` cue's value
  std::string hedge_verb;
  std::string_view locale;  // the locale it was read with when not the scan's ("en-IN": "1,18,000")
  std::unique_ptr<VagueForm> vague_form;  // set by form(): word forms only
  RangeReading ranges = RangeReading::joined;
  // Read in place by read_figure_at: its reading (with the probe currency) is the
  // `parsed` of the `Read` that holds the candidate, never a copy of its own.
  bool reading = false;
  bool rewritten = false;
  bool word_form = false;

  // The word form's range, kind and unit, made on first write.
  VagueForm& form() {
    if (!vague_form) vague_form = std::make_unique<VagueForm>();
    return *vague_form;
  }
  // The same to read: a number with no range when none was written.
  [[nodiscard]] const VagueForm& form() const {
    static const VagueForm none;
    return vague_form ? *vague_form : none;
  }
};

// The first two bytes (lower case) of a family of phrases: a phrase matches only
// where the text starts with them (match_phrase compares byte by byte, ignoring
// case), so most positions are passed over without trying each phrase. A phrase of
// fewer than two letters before its first space or hyphen lets every position through.
class PhrasePrefixes {
 public:
  void add(std::string_view lower_phrase) {
    if (lower_phrase.size() < 2 || !is_letter(lower_phrase[0]) || !is_letter(lower_phrase[1])) {
      every_ = true;
    } else if (const std::uint16_t k = key(lower_phrase[0], lower_phrase[1]);
               std::find(keys_.begin(), keys_.end(), k) == keys_.end()) {
      keys_.push_back(k);
    }
  }
  [[nodiscard]] bool may_match(std::string_view s, std::size_t p) const noexcept {
    if (every_) return true;
    if (p + 1 >= s.size()) return false;
    const std::uint16_t k = key(to_lower(s[p]), to_lower(s[p + 1]));
    return std::find(keys_.begin(), keys_.end(), k) != keys_.end();
  }

 private:
  static std::uint16_t key(char a, char b) noexcept {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(a) | static_cast<unsigned char>(b) << 8);
  }
  std::vector<std::uint16_t> keys_;
  bool every_ = false;
};

// The word forms of the lexicon (cues.csv) the scanner reads without a number,
// gathered once per scan (word_forms.cpp): phrases in lower case, longest first.
struct WordForms {
  struct Rule {
    std::string phrase;
    Interval values;  // the cue's `low..high`
  };
  std::vector<Rule> digit_rules;       // `digit_rule`: "double-digit" [10, 100) per cent
  std::vector<Rule> magnitudes;        // `vague_magnitude`: "billions" [1e9, 1e12)
  std::vector<std::string> horizons;   // `record_horizon`: "all-time"
  std::vector<std::string> first_words;  // the first word of every phrase above
  std::uint32_t first_letters = 0;     // their first letters and those of `multiple_verb` cues
  // The first two bytes of the phrases of each kind, and of the `multiple_verb` cues.
  PhrasePrefixes digit_rule_starts, magnitude_starts, horizon_starts, multiple_verb_starts;
};
WordForms word_forms_of(const Lexicon& lexicon);

// Matches `phrase` (lower case; '-' or ' ' between words match either) at p, whole
// words; its end or npos. A word ends at a non-letter, or where a glued sentence
// starts ("highMany").
std::size_t match_phrase(std::string_view s, std::size_t p, std::string_view phrase);

class Scanner {
 public:
  Scanner(std::string_view text, const ExtractOptions& options, ScanPaths paths = ScanPaths::fast)
      : s_(text), options_(options), paths_(paths),
        lexicon_(options.parse.lexicon ? *options.parse.lexicon : Lexicon::builtin()) {
    read_options_ = options.parse;
    read_options_.count_nouns = false;  // the nouns of running text are read here (count_noun_end)
    read_options_.currency.dollar = probe;
    read_options_.currency.yen_or_yuan = probe;
    if (options.word_forms) word_forms_ = word_forms_of(lexicon_);
  }

  /// Reads the candidates into `out`; `sentences` and `cues` are the text's, shared
  /// with the context reader (a bare `$` may need the companies the text names).
  void run(Extraction& out, const SentenceIndex& sentences, ArticleCues& cues);

 private:
  std::size_t alnum_run_end(std::size_t p) const;
  std::size_t cjk_numeral_start(std::size_t p) const;
  bool inside_token(std::size_t d) const;
  bool preceded_by_word(std::size_t p, std::string_view w) const;
  std::size_t spoken_decimal_start(std::size_t p) const;
  bool after_change(std::size_t p) const;
  std::size_t count_noun_end(std::size_t p, const QuotedFigure& f, std::size_t number, bool& duration) const;
  std::size_t per_unit_end(std::size_t e, std::string* unit = nullptr) const;
  bool names_family_only(std::string_view text) const;
  bool article_reads_nothing(std::size_t d, std::size_t we) const;
  void reserve_for_text(std::vector<Read>& reads) const;
  void scan_numbers(std::vector<Read>& out, std::vector<Error>& skipped) const;
  void scan_words(std::vector<Candidate>& out, const std::vector<Read>& numeric) const;
  std::size_t extend_qualifier(std::size_t begin) const;
  std::size_t record_end(std::size_t p) const;
  bool half_alone(std::size_t b, std::size_t e) const;
  TextSpan exchange_rate_at(const QuotedFigure& f, std::size_t number) const;
  std::string_view per_share_phrase_before(std::size_t b) const;
  std::size_t indian_grouping_end(std::size_t p) const;
  std::optional<Result<QuotedFigure>> cjk_scales_figure(std::size_t d, RangeReading ranges) const;
  std::size_t magnitude_follower(std::size_t e, Candidate& c) const;
  std::pair<std::size_t, const CurrencyMarker*> currency_word_at(std::size_t p) const;
  bool take(QuotedFigure&& f, std::size_t number, bool word, std::vector<Read>& out,
            std::vector<Error>& skipped, std::size_t& resume) const;
  // Whether a plain number at b without groups is a cell of a table (figures_from_candidates.cpp).
  bool table_cell(std::size_t b, std::size_t number_end, const QuotedFigure& f) const;
  // A count of a minor unit several currencies share ("60 fils per share"): the money the
  // document's evidence makes it, or why it is refused (figures_from_candidates.cpp).
  struct MinorReading {
    std::optional<QuotedFigure> figure;
    CurrencyEvidence evidence;
    std::string why;
  };
  std::optional<MinorReading> minor_of_document(const Cue& minor, std::string_view noun, const Candidate& c,
                                                const QuotedFigure& q, DocumentCurrencies& doc) const;

  // The lexicon's number word for `w`, through a small cache of the words seen (an
  // article repeats its words; every word is looked up).
  const NumberWord* number_word(std::string_view w) const;

  std::string_view s_;
  const ExtractOptions& options_;
  ScanPaths paths_;
  const Lexicon& lexicon_;
  WordForms word_forms_;
  ParseOptions read_options_;
  mutable std::size_t refused_ = 0;  // the end of the last candidate refused
  mutable std::optional<std::size_t> unread_from_;  // where reading stopped at max_figures
  mutable WordMemo<const NumberWord*, 8192> number_words_{s_.size()};
  mutable std::optional<std::vector<TableUnit>> table_units_;  // read once, when a plain number needs them
};

}  // namespace finmetrics::extract_detail
