#pragma once
// Finds every context cue of a text in one pass: the phrases of the lexicon's
// cues (`net profit,metric,net_income`, `rose,direction,up`), the issuer names
// and segment names passed in, and runs of capitalised words (names the text
// itself gives: `Ant Group`, `Microsoft`). Not public API.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::extract_detail {

/// One cue of the lexicon (`cues.csv`: phrase, category, value), as views.
struct CueRow {
  std::string_view phrase;
  std::string_view category;
  std::string_view value;
};

/// What a cue says. Lexicon categories the reader does not know are ignored.
enum class CueKind : std::uint8_t {
  metric,             ///< `net profit` -> net_income
  direction,          ///< `rose` -> up
  period,             ///< `this year` -> a rule name (`this_year`)
  growth,             ///< a word that makes a percentage a growth rate (`year-on-year`, `grew`)
  change,             ///< a word that makes a market value a change of it (`adding`, `wiped`)
  whole_company,      ///< `overall`: not a segment
  entity_descriptor,  ///< `affiliate`, `arm`: the name before it describes another company
  loss,               ///< `operating loss` -> operating_income: the amount is a loss of that metric
  time_word,          ///< a word of a period phrase (`period_word` cues `quarter`, `fiscal`, `months`, `years`)
  not_entity,         ///< a capitalised word that names no company (`The`, `Analysts`, `CEO`)
  issuer,             ///< a name of an issuer passed in; `value` is its index
  segment,            ///< a segment name of an issuer passed in; `value` is "issuer index:segment"
  name,               ///< a run of capitalised words: a name the text gives
};

struct CueHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  CueKind kind = CueKind::metric;
  std::uint32_t row = 0;  ///< index into `CueIndex::value`; for `name`, unused
};

class CueIndex {
 public:
  CueIndex(std::span<const CueRow> cues, std::span<const IssuerNames> issuers);

  /// Every hit in `text`, by kind, each list in text order. A position takes the
  /// longest phrase written there; a phrase in several categories gives a hit in each.
  struct Hits {
    std::vector<CueHit> metric, direction, period, growth, change, whole_company, entity_descriptor, loss, time_word, segment,
        entity;  // issuers and names, in text order
  };
  [[nodiscard]] Hits scan(std::string_view text) const;

  [[nodiscard]] const std::string& value(std::uint32_t row) const { return rows_[row].value; }

 private:
  struct Row {
    CueKind kind;
    std::string value;
  };
  struct Phrase {
    std::vector<std::string> words;  // lower-cased unless `exact`
    bool exact = false;              // written with a capital: matched as written
    std::vector<std::uint32_t> rows;
  };
  struct FirstWord;
  // The phrase (index into phrases_) of `starts` that matches at `p` with the most words, and its end.
  [[nodiscard]] std::pair<int, std::size_t> longest_at(std::string_view text, std::size_t p,
                                                       const FirstWord* starts) const;
  void add(std::string_view phrase, CueKind kind, std::string value);

  // The phrases by their lower-cased first word: open addressing over an FNV-1a
  // hash of the word's bytes lower-cased as they are read, so the scan looks up
  // every word of the text without building a string.
  struct FirstWord {
    std::uint64_t hash = 0;
    std::string word;                   // lower-cased
    std::vector<std::uint32_t> phrases;  // indices into phrases_
    // Every phrase is this one word (`to`, `The`): which matches depends on the word
    // as written alone, not on the text after it.
    bool one_word_only = false;
  };
  [[nodiscard]] const FirstWord* first_word(std::string_view word) const noexcept;
  // The same, given the FNV-1a hash of the word's bytes lower-cased.
  [[nodiscard]] const FirstWord* first_word(std::string_view word, std::uint64_t lower_hash) const noexcept;
  std::vector<std::uint32_t>& phrases_starting(const std::string& lower_word);
  // Whether `word` (not empty) passes `first_word_filter_`.
  [[nodiscard]] bool may_start_phrase(std::string_view word) const noexcept;

  std::vector<Row> rows_;
  std::vector<Phrase> phrases_;
  std::vector<FirstWord> first_words_;
  std::vector<std::uint32_t> slots_;  // 1 + index into first_words_, 0 = empty; a power of two in size
  // A bit per (length, first two and last byte) of the first words, lower-cased:
  // most words of a text start no phrase, and this says so before any hashing.
  std::vector<std::uint64_t> first_word_filter_ = std::vector<std::uint64_t>(1024);
};

}  // namespace finmetrics::extract_detail
