#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "finmetrics/extract/detail/periods.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "period_names.hpp"

// Periods written without their year (`the third quarter`, `a year earlier`, `the
// quarter`), resolved per figure from the document's own evidence, and the trail of the
// periods a text states, read once sentence by sentence.

namespace finmetrics::extract_detail {

// `months` months ending with month `last` of `year`: a quarter, half or year of the
// entity's calendar (else the calendar's) when it is one, else a window of quarters or months.
std::pair<std::string, std::optional<Period>> months_window(int months, int year, int last,
                                                            const std::optional<FiscalCalendar>& calendar) {
  const Date last_day = Period::month(year, last).last_day();
  const auto fits = [&](PeriodKind kind, const FiscalCalendar& cal) -> std::optional<Period> {
    const Period p = Period::containing(kind, last_day, cal);
    if (p.last_day() == last_day) return p;
    return std::nullopt;
  };
  const bool fiscal = calendar && !calendar->is_calendar_year();
  const FiscalCalendar& cal = fiscal ? *calendar : FiscalCalendar::calendar_year();
  if (months == 3 || months == 6 || months == 12) {
    const PeriodKind kind = months == 3   ? (fiscal ? PeriodKind::fiscal_quarter : PeriodKind::quarter)
                            : months == 6 ? (fiscal ? PeriodKind::fiscal_half : PeriodKind::half)
                                          : (fiscal ? PeriodKind::fiscal_year : PeriodKind::year);
    if (auto p = fits(kind, cal)) return {p->to_string(), p};
    const PeriodKind plain = months == 3 ? PeriodKind::quarter : months == 6 ? PeriodKind::half : PeriodKind::year;
    if (auto p = fits(plain, FiscalCalendar::calendar_year())) return {p->to_string(), p};
  }
  if (months % 3 == 0 && months != 12) {  // (twelve months that are no year: a window of months)
    if (auto q = fits(fiscal ? PeriodKind::fiscal_quarter : PeriodKind::quarter, cal)) {
      Period first = *q;
      for (int k = 1; k < months / 3; ++k) first = first.previous();
      return {fmt::format("{}..{}", first.to_string(), q->to_string()), std::nullopt};
    }
  }
  Period first = Period::month(year, last);
  for (int k = 1; k < months; ++k) first = first.previous();
  return {fmt::format("{}..{:04}-{:02}", first.to_string(), year, last), std::nullopt};
}


std::optional<PeriodCache::Resolved> PeriodCache::resolve(const PeriodCue& cue, const PeriodEvidence& evidence,
                                                          const std::optional<FiscalCalendar>& calendar) const {
  // Extraction never fails: a period out of the calendar's range (an article dated in year 1) is unknown.
  try {
    return resolve_unchecked(cue, evidence, calendar);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<PeriodCache::Resolved> PeriodCache::resolve_unchecked(const PeriodCue& cue, const PeriodEvidence& evidence,
                                                                    const std::optional<FiscalCalendar>& calendar) const {
  if (cue.relative == RelativePeriod::none) return std::nullopt;
  const PeriodReader r{s_, date_, calendar};
  const bool fiscal = calendar && !calendar->is_calendar_year();
  const FiscalCalendar& cal = fiscal ? *calendar : FiscalCalendar::calendar_year();
  // The year (label) a period of the text is in, in the entity's calendar.
  const auto label_of = [&](const Period& p) {
    return fiscal ? cal.year_of(p.last_day()) : static_cast<int>(p.last_day().year());
  };
  const auto make = [&](int label) -> std::optional<Period> {
    switch (cue.relative) {
      case RelativePeriod::quarter:
        return fiscal ? Period::fiscal_quarter(cal, label, cue.index) : Period::quarter(label, cue.index);
      case RelativePeriod::half:
        return fiscal ? Period::fiscal_half(cal, label, cue.index) : Period::half(label, cue.index);
      case RelativePeriod::full_year:
        return fiscal ? Period::fiscal_year(cal, label) : Period::calendar_year(label);
      default: return std::nullopt;
    }
  };
  // `months_ended`: the last such month on or before `anchor`.
  const auto window_to = [&](Date anchor) -> Resolved {
    int year = static_cast<int>(anchor.year());
    if (date::sys_days(Period::month(year, cue.month).last_day()) > date::sys_days(anchor)) --year;
    auto [value, period] = months_window(cue.index, year, cue.month, calendar);
    return Resolved{std::move(value), period, 0.0, {}};
  };
  const auto from_reference = [&](const Period& ref) -> std::optional<Resolved> {
    switch (cue.relative) {
      case RelativePeriod::year_earlier: {
        const Period p = r.named(ref).year_ago();
        return Resolved{p.to_string(), p, 0.0, {}};
      }
      case RelativePeriod::latest_quarter: {
        if (ref.kind() != PeriodKind::quarter && ref.kind() != PeriodKind::fiscal_quarter) return std::nullopt;
        const Period p = r.named(ref);
        return Resolved{p.to_string(), p, 0.0, {}};
      }
      case RelativePeriod::months_ended: return window_to(ref.last_day());
      default: {
        const auto p = make(label_of(ref));
        return Resolved{p->to_string(), p, 0.0, {}};
      }
    }
  };
  const auto quoted = [](std::string_view words) { return fmt::format("'{}'", words); };
  if (evidence.in_sentence != nullptr && evidence.in_sentence->period) {
    if (auto x = from_reference(*evidence.in_sentence->period)) {
      x->confidence = 0.6;
      x->from = fmt::format("the sentence's {}",
                            quoted(s_.substr(evidence.in_sentence->begin, evidence.in_sentence->end - evidence.in_sentence->begin)));
      return x;
    }
  }
  for (const auto& [stated, where, confidence] :
       {std::tuple{evidence.paragraph, "paragraph", 0.6}, std::tuple{evidence.headline, "headline", 0.5},
        std::tuple{evidence.earlier, "earlier paragraph", 0.4}}) {
    if (stated == nullptr) continue;
    if (auto x = from_reference(stated->period)) {
      x->confidence = confidence;
      x->from = fmt::format("{}: {}", where, quoted(stated->words));
      return x;
    }
  }
  if (!date_ || cue.relative == RelativePeriod::year_earlier) return std::nullopt;
  const std::string from = fmt::format("article date {}", to_string(*date_));
  if (cue.relative == RelativePeriod::latest_quarter) {
    const std::optional<Period> latest = r.latest_quarter();
    if (!latest) return std::nullopt;
    const Period p = r.named(*latest);
    return Resolved{p.to_string(), p, 0.6, from};
  }
  if (cue.relative == RelativePeriod::months_ended) {
    Resolved x = window_to(*date_);
    x.confidence = 0.5;
    x.from = from;
    return x;
  }
  // The year the text reports on: that of the last quarter ended by the article date.
  Period q = Period::containing(fiscal ? PeriodKind::fiscal_quarter : PeriodKind::quarter, *date_, cal);
  if (q.last_day() != *date_) q = q.previous();
  const auto p = make(q.year());
  return Resolved{p->to_string(), p, 0.5, from};
}

// Whether a `comparison` cue ("from", "up from", "compared with", "versus") stands before
// `at` in its clause (since the last `, ` or `;`, at most 160 bytes back).
bool PeriodCache::after_comparison(const TextSpan& sentence, std::size_t at) const {
  const std::string_view s = s_;
  const std::size_t floor = std::max(sentence.begin, at > 160 ? at - 160 : 0);
  std::size_t next_word = at;  // the word after the one read, for two-word cues
  for (std::size_t p = at; p > floor;) {
    const std::size_t we = skip_hspace_back(s, p);
    if (we <= floor || s[we - 1] == ',' || s[we - 1] == ';') return false;
    const std::size_t wb = letters_begin(s, we);
    if (wb == we) {
      p = we - 1;
      continue;
    }
    const std::string_view w = s.substr(wb, we - wb);
    if (lexicon_.cue(w, "comparison") != nullptr) return true;
    const std::size_t ne = letters_end(s, next_word);
    if (ne > next_word && lexicon_.cue(s.substr(wb, ne - wb), "comparison") != nullptr) return true;
    next_word = wb;
    p = wb;
  }
  return false;
}

std::optional<StatedPeriod> PeriodCache::stated_in(const TextSpan& sentence, const PeriodEvidence& evidence,
                                                   const std::optional<FiscalCalendar>& calendar) const {
  std::optional<StatedPeriod> last;
  PeriodEvidence here = evidence;
  for (const PeriodCue& c : read(sentence, false, calendar)) {
    const std::string_view words = s_.substr(c.begin, c.end - c.begin);
    if (after_comparison(sentence, c.begin)) continue;
    if (c.relative == RelativePeriod::none) {
      if (!c.period) continue;
      last = StatedPeriod{*c.period, std::string(words)};
      here.in_sentence = &c;
    } else if (c.relative != RelativePeriod::year_earlier) {
      // A base a year before is no period the text goes on about.
      if (auto x = resolve(c, here, calendar); x && x->period) last = StatedPeriod{*x->period, std::string(words)};
    }
  }
  return last;
}

PeriodEvidence PeriodTrail::before(std::size_t sentence_index, const std::optional<FiscalCalendar>& calendar) {
  const int end = calendar ? static_cast<int>(unsigned{calendar->end_month()}) : 0;
  Cursor* cursor = nullptr;
  for (Cursor& c : cursors_)
    if (c.calendar_end == end) cursor = &c;
  if (cursor == nullptr) {
    cursor = &cursors_.emplace_back();
    cursor->calendar_end = end;
  }
  Cursor& c = *cursor;
  // Read each sentence once, in order, up to the figure's; a line break starts a paragraph.
  while (c.next < sentence_index) {
    const TextSpan span = sentences_.span(c.next);
    if (c.next > 0 && breaks_line(sentences_.span(c.next - 1).end, span.begin)) {
      if (!c.headline_done) {
        c.headline = std::move(c.paragraph);
        c.headline_done = true;
      } else if (c.paragraph) {
        c.earlier = std::move(c.paragraph);
      }
      c.paragraph.reset();
    }
    PeriodEvidence ev;
    ev.paragraph = c.paragraph ? &*c.paragraph : nullptr;
    ev.headline = c.headline ? &*c.headline : nullptr;
    ev.earlier = c.earlier ? &*c.earlier : nullptr;
    // Only a sentence with a word of a period phrase or a year can state one: most are read no further.
    const bool time = names_time(span);
    if (auto stated = time || writes_year(span) ? cache_.stated_in(span, ev, calendar) : std::nullopt) {
      c.paragraph = std::move(stated);
    } else if (time) {
      c.paragraph.reset();  // the paragraph moved on to a time not read ("By the fiscal year's end")
    }
    ++c.next;
  }
  PeriodEvidence out;
  const bool new_paragraph = sentence_index > 0 && c.next == sentence_index &&
                             breaks_line(sentences_.span(sentence_index - 1).end, sentences_.span(sentence_index).begin);
  const std::optional<StatedPeriod>* headline = &c.headline;
  if (new_paragraph && !c.headline_done) headline = &c.paragraph;  // the first line just ended
  if (!new_paragraph && c.paragraph) out.paragraph = &*c.paragraph;
  if (new_paragraph && c.headline_done && c.paragraph) {
    out.earlier = &*c.paragraph;  // the paragraph just ended
  } else if (c.earlier) {
    out.earlier = &*c.earlier;
  }
  if (*headline && (c.headline_done || new_paragraph)) out.headline = &**headline;
  return out;
}

bool PeriodTrail::names_time(const TextSpan& sentence) const {
  // A base a year before ("from $640 million a year earlier") leaves the sentence about its paragraph's period.
  for (const std::vector<CueHit>* hits : {&time_words_, &period_hits_}) {
    for (auto it = std::lower_bound(hits->begin(), hits->end(), sentence.begin,
                                    [](const CueHit& h, std::size_t v) { return h.begin < v; });
         it != hits->end() && it->begin < sentence.end; ++it) {
      if (hits == &time_words_ || cache_.rule_of(*it) != "year_earlier") return true;
    }
  }
  return false;
}

bool PeriodTrail::writes_year(const TextSpan& sentence) const {
  // "19" or "20" then two more digits, not inside a longer number: what the year reader reads.
  for (std::size_t p = sentence.begin; p + 4 <= sentence.end; ++p) {
    if ((text_[p] != '1' && text_[p] != '2') || !is_digit(text_[p + 1])) continue;
    if (is_digit(text_[p + 2]) && is_digit(text_[p + 3]) && (p == 0 || !is_digit(text_[p - 1]))) return true;
  }
  return false;
}

bool PeriodTrail::breaks_line(std::size_t from, std::size_t to) const {
  for (std::size_t p = from; p < to; ++p)
    if (text_[p] == '\n') return true;
  return false;
}

}  // namespace finmetrics::extract_detail
