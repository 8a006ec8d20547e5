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
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics::extract_detail {

/// A period written without its year (`the third quarter`, `first-half`, `the full
/// year`, `a year earlier`, `the quarter`, `the six months ended June 30`): its year
/// comes from the document's evidence, per figure (`PeriodCache::resolve`).
enum class RelativePeriod : std::uint8_t {
  none,            ///< the cue names its period itself
  quarter,         ///< quarter `index` of the current year
  half,            ///< half `index` of the current year
  full_year,       ///< the current year
  year_earlier,    ///< the same period a year before the clause's own
  latest_quarter,  ///< `the quarter`: the quarter the text is about
  months_ended,    ///< `index` months ending with month `month`
};

struct PeriodCue {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string value;  ///< a period name or `first..last` window (empty while relative)
  double confidence = 0.0;
  std::optional<Period> period;  ///< the one period `value` names, when it names one
  RelativePeriod relative = RelativePeriod::none;
  int index = 0;  ///< the quarter, half or count of months of a relative cue
  int month = 0;  ///< the last month of `months_ended`
};

/// A period the text stated before a figure, and the words it stated it with.
struct StatedPeriod {
  Period period;
  std::string words;
};

/// What a figure's relative period is resolved from, nearest first: another period
/// of its sentence, the last one stated in its paragraph (a line) before it, the
/// text's first line (a headline or dateline), the last one stated in an earlier
/// paragraph, then the article date.
struct PeriodEvidence {
  const PeriodCue* in_sentence = nullptr;  ///< resolved already (never relative)
  const StatedPeriod* paragraph = nullptr;
  const StatedPeriod* headline = nullptr;
  const StatedPeriod* earlier = nullptr;  ///< the last one an earlier paragraph (after the first line) stated
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

  /// Whether a `comparison` cue ("from", "up from", "compared with") stands before `at` in
  /// its clause: what follows it is a comparison's base.
  [[nodiscard]] bool after_comparison(const TextSpan& sentence, std::size_t at) const;

  /// The rule a period hit of the text names (`this_year`, `year_earlier`, ...).
  [[nodiscard]] const std::string& rule_of(const CueHit& period_hit) const { return index_.value(period_hit.row); }

  /// A relative cue's period from `evidence` (or the article date), named in
  /// `calendar`; nothing when no evidence gives its year. `from` says which.
  struct Resolved {
    std::string value;
    std::optional<Period> period;
    double confidence = 0.0;
    std::string from;  ///< "article date 2025-11-13", "headline: 'third-quarter'", ...
  };
  [[nodiscard]] std::optional<Resolved> resolve(const PeriodCue& cue, const PeriodEvidence& evidence,
                                                const std::optional<FiscalCalendar>& calendar) const;

  /// The last single period stated in sentence `sentence` (moves or not, relative
  /// cues resolved from `evidence`), for the evidence of later figures.
  [[nodiscard]] std::optional<StatedPeriod> stated_in(const TextSpan& sentence, const PeriodEvidence& evidence,
                                                      const std::optional<FiscalCalendar>& calendar) const;

 private:
  std::vector<PeriodCue> read(const TextSpan& sentence, bool moves, const std::optional<FiscalCalendar>& calendar) const;
  [[nodiscard]] std::optional<Resolved> resolve_unchecked(const PeriodCue& cue, const PeriodEvidence& evidence,
                                                          const std::optional<FiscalCalendar>& calendar) const;
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

/// The periods a text states, followed sentence by sentence (each read once, in order:
/// the extractor visits figures in text order), as evidence for periods written
/// without a year. One cursor per fiscal calendar the figures are read in.
class PeriodTrail {
 public:
  /// `time_words`, `period_hits`: the words of period phrases and the lexicon's period
  /// phrases found in the text (a sentence that holds one names its own time).
  PeriodTrail(std::string_view text, const SentenceIndex& sentences, const PeriodCache& cache,
              const std::vector<CueHit>& time_words, const std::vector<CueHit>& period_hits)
      : text_(text), sentences_(sentences), cache_(cache), time_words_(time_words), period_hits_(period_hits) {}

  /// Whether `sentence` writes a word of a period phrase, read or not.
  [[nodiscard]] bool names_time(const TextSpan& sentence) const;

  /// The evidence before sentence `sentence_index` (not below the last one asked for):
  /// the last period its paragraph stated before it, and the text's first line's.
  PeriodEvidence before(std::size_t sentence_index, const std::optional<FiscalCalendar>& calendar);

 private:
  struct Cursor {
    int calendar_end = 0;
    std::size_t next = 0;  // the next sentence to read
    std::optional<StatedPeriod> paragraph;
    std::optional<StatedPeriod> headline;
    std::optional<StatedPeriod> earlier;
    bool headline_done = false;
  };
  [[nodiscard]] bool breaks_line(std::size_t from, std::size_t to) const;
  [[nodiscard]] bool writes_year(const TextSpan& sentence) const;

  std::string_view text_;
  const SentenceIndex& sentences_;
  const PeriodCache& cache_;
  const std::vector<CueHit>& time_words_;
  const std::vector<CueHit>& period_hits_;
  std::vector<Cursor> cursors_;
};

}  // namespace finmetrics::extract_detail
