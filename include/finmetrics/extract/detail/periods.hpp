#pragma once
// The period phrases of a sentence (`this year`, `the December quarter`, `the
// 15 months since`, `the second quarter of 2024`, `FY2025 Q3`, `in 2023`), read
// once per sentence and kept while the extractor visits that sentence's
// figures. Not public API.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finmetrics/extract/detail/cue_index.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"

namespace finmetrics::extract_detail {

struct PeriodCue {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string value;  ///< a period name or `first..last` window
  double confidence = 0.0;
};

/// The words of the period phrases read by their structure, from the lexicon's
/// `period_word` cues (data/lexicon/cues.csv), each kind longest first: "the second
/// quarter of fiscal year 2025", "the 15 months since", "the previous 12 months",
/// "over the next three years". Matched as written.
struct PeriodWords {
  std::vector<std::pair<std::string, int>> ordinals;  ///< `quarter_ordinal:N`: "first" -> 1
  std::vector<std::string> quarter;  ///< `quarter`: after an ordinal
  std::vector<std::string> of;       ///< `of`: between the quarter and its year
  std::vector<std::string> fiscal;   ///< `fiscal`: "fiscal year", "fiscal", "FY" before a year
  std::vector<std::string> months;   ///< `months`: after a count, "15 months"
  std::vector<std::string> since;    ///< `since`: "the 15 months since"
  std::vector<std::string> before;   ///< `before`: "the previous 12 months", "prior"
  std::vector<std::string> ahead;    ///< `ahead`: "next", "over" before a count of years
  std::vector<std::string> years;    ///< `years`: after that count
};
PeriodWords period_words_of(const Lexicon& lexicon);

class PeriodCache {
 public:
  /// `period_hits`: the lexicon's period phrases found in the text (values are
  /// rule names: `year_to_date`, `since_start_of`, `this_year`, `last_year`,
  /// `next_year`, `this_month`, `last_month`, `quarter_ending:12`,
  /// `latest_quarter`, `previous_quarter`).
  /// `lexicon`: its number words read "the 15 months since", "over the next three years".
  PeriodCache(std::string_view text, std::optional<Date> article_date, const CueIndex& index,
              const std::vector<CueHit>& period_hits, const Lexicon& lexicon)
      : s_(text), date_(article_date), index_(index), hits_(period_hits), lexicon_(lexicon),
        words_(period_words_of(lexicon)) {
    lead_words();
  }

  /// The period cues of a sentence, sorted by position. `moves`: the figure is a
  /// move (a percentage, a multiple, a price or value change), for which "this
  /// year" is January 1 to the article date, not the year. `calendar`: the
  /// entity's fiscal calendar, in which quarters are then named.
  const std::vector<PeriodCue>& of(std::size_t sentence_index, const TextSpan& sentence, bool moves,
                                   const std::optional<FiscalCalendar>& calendar);

 private:
  std::vector<PeriodCue> read(const TextSpan& sentence, bool moves, const std::optional<FiscalCalendar>& calendar) const;
  void lead_words();
  // Bit i set when lead_[i] is written in the sentence (or just past its end).
  [[nodiscard]] std::uint64_t written_words(const TextSpan& sentence) const;
  [[nodiscard]] std::uint64_t bit_of(std::string_view word) const;

  std::string_view s_;
  std::optional<Date> date_;
  const CueIndex& index_;
  const std::vector<CueHit>& hits_;
  const Lexicon& lexicon_;
  PeriodWords words_;
  // The words that start the readers (ordinals, months, ahead): a sentence that holds
  // none of them is passed over by those readers.
  std::vector<std::string> lead_;
  std::array<std::uint64_t, 256> lead_by_first_byte_{};
  struct Entry {
    bool moves;
    int calendar_end;  // 0 for none
    std::vector<PeriodCue> cues;
  };
  std::size_t sentence_ = static_cast<std::size_t>(-1);
  std::vector<Entry> entries_;
};

}  // namespace finmetrics::extract_detail
