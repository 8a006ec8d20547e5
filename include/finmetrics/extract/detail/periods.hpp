#pragma once
// The period phrases of a sentence (`this year`, `the December quarter`, `the
// 15 months since`, `the second quarter of 2024`, `FY2025 Q3`, `in 2023`), read
// once per sentence and kept while the extractor visits that sentence's
// figures. Not public API.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

class PeriodCache {
 public:
  /// `period_hits`: the lexicon's period phrases found in the text (values are
  /// rule names: `year_to_date`, `since_start_of`, `this_year`, `last_year`,
  /// `next_year`, `this_month`, `last_month`, `quarter_ending:12`,
  /// `latest_quarter`, `previous_quarter`).
  /// `lexicon`: its number words read "the 15 months since", "over the next three years".
  PeriodCache(std::string_view text, std::optional<Date> article_date, const CueIndex& index,
              const std::vector<CueHit>& period_hits, const Lexicon& lexicon)
      : s_(text), date_(article_date), index_(index), hits_(period_hits), lexicon_(lexicon) {}

  /// The period cues of a sentence, sorted by position. `moves`: the figure is a
  /// move (a percentage, a multiple, a price or value change), for which "this
  /// year" is January 1 to the article date, not the year. `calendar`: the
  /// entity's fiscal calendar, in which quarters are then named.
  const std::vector<PeriodCue>& of(std::size_t sentence_index, const TextSpan& sentence, bool moves,
                                   const std::optional<FiscalCalendar>& calendar);

 private:
  std::vector<PeriodCue> read(const TextSpan& sentence, bool moves, const std::optional<FiscalCalendar>& calendar) const;

  std::string_view s_;
  std::optional<Date> date_;
  const CueIndex& index_;
  const std::vector<CueHit>& hits_;
  const Lexicon& lexicon_;
  struct Entry {
    bool moves;
    int calendar_end;  // 0 for none
    std::vector<PeriodCue> cues;
  };
  std::size_t sentence_ = static_cast<std::size_t>(-1);
  std::vector<Entry> entries_;
};

}  // namespace finmetrics::extract_detail
