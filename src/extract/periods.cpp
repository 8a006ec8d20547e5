#include "finmetrics/extract/detail/periods.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>

#include <fmt/format.h>

#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/time/period.hpp"
#include "period_names.hpp"

namespace finmetrics::extract_detail {

namespace {

template <class F>
void for_each_word(std::string_view s, std::size_t b, std::size_t e, std::string_view word, F&& f) {
  const bool exact = is_upper(word.front());
  const char first = to_lower(word.front());
  for (std::size_t p = b; p + word.size() <= e; ++p) {
    if (to_lower(s[p]) != first) continue;
    if (p > 0 && (is_letter(s[p - 1]) || is_digit(s[p - 1]))) continue;
    const std::string_view here = s.substr(p, word.size());
    if (exact ? here != word : !iequals(here, word)) continue;
    const std::size_t q = p + word.size();
    if (q < s.size() && (is_letter(s[q]) || is_digit(s[q]))) continue;
    f(p, q);
  }
}

// A count of months or years: digits, or the lexicon's number words ("three",
// "fifteen", "thirty-six": tens, a hyphen and a cardinal).
int small_number(std::string_view w, const Lexicon& lex) {
  if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c); }))
    return std::atoi(std::string(w).c_str());
  using K = NumberWord::Kind;
  const auto whole = [&](std::string_view x) -> int {
    const NumberWord* n = lex.number_word(x);
    return n != nullptr && (n->kind == K::cardinal || n->kind == K::tens) ? static_cast<int>(n->value) : 0;
  };
  if (const auto dash = w.find('-'); dash != std::string_view::npos) {
    const NumberWord* tens = lex.number_word(w.substr(0, dash));
    const NumberWord* unit = lex.number_word(w.substr(dash + 1));
    if (tens != nullptr && unit != nullptr && tens->kind == K::tens && unit->kind == K::cardinal && unit->value < 10)
      return static_cast<int>(tens->value + unit->value);
    return 0;
  }
  return whole(w);
}

PeriodCue cue_at(std::size_t b, std::size_t e, std::string value, double confidence) {
  PeriodCue c;
  c.begin = b;
  c.end = e;
  c.value = std::move(value);
  c.confidence = confidence;
  return c;
}

}  // namespace

PeriodWords period_words_of(const Lexicon& lexicon) {
  PeriodWords w;
  for (const Cue& c : lexicon.cues()) {
    if (c.category != "period_word") continue;
    const std::string_view role = c.value;
    if (role.rfind("quarter_ordinal:", 0) == 0) {
      w.ordinals.emplace_back(c.phrase, std::atoi(c.value.c_str() + 16));
      continue;
    }
    std::vector<std::string>* list = role == "quarter" ? &w.quarter
                                     : role == "of"      ? &w.of
                                     : role == "fiscal"  ? &w.fiscal
                                     : role == "months"  ? &w.months
                                     : role == "since"   ? &w.since
                                     : role == "before"  ? &w.before
                                     : role == "ahead"   ? &w.ahead
                                     : role == "years"   ? &w.years
                                                         : nullptr;
    // Lexicon::load refuses a role not named here (docs/lexicon.md, `period_word`).
    if (list != nullptr) list->push_back(c.phrase);
  }
  for (auto* list : {&w.quarter, &w.of, &w.fiscal, &w.months, &w.since, &w.before, &w.ahead, &w.years}) {
    std::stable_sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  return w;
}

// The words that start the period readers below; `written_words` tells which of
// them a sentence holds, in one pass, so that the readers skip their own passes
// over the many sentences that hold none.
void PeriodCache::lead_words() {
  const auto add = [&](const std::string& w) {
    if (w.empty() || !is_letter(w.front()) || lead_.size() == 64 ||
        std::find(lead_.begin(), lead_.end(), w) != lead_.end())
      return;
    const std::uint64_t bit = std::uint64_t{1} << lead_.size();
    lead_.push_back(w);
    lead_by_first_byte_[static_cast<unsigned char>(to_lower(w.front()))] |= bit;
    lead_by_first_byte_[static_cast<unsigned char>(to_lower(w.front()) - 'a' + 'A')] |= bit;
  };
  for (const std::string& w : words_.months) add(w);
  for (const std::string& w : words_.ahead) add(w);
  for (const auto& [w, n] : words_.ordinals) add(w);
}

std::uint64_t PeriodCache::bit_of(std::string_view word) const {
  const auto it = std::find(lead_.begin(), lead_.end(), word);
  return it == lead_.end() ? 0 : std::uint64_t{1} << (it - lead_.begin());
}

// Bit i set when lead_[i] is written, in any case, at or after the sentence's start
// and no farther than the readers look past its end (the word that straddles the
// end, then white space).
std::uint64_t PeriodCache::written_words(const TextSpan& sentence) const {
  const std::string_view s = s_;
  const std::size_t reach = std::min(s.size(), skip_hspace(s, letters_end(s, sentence.end)) + 6);
  std::uint64_t found = 0;
  for (std::size_t p = sentence.begin; p < reach; ++p) {
    std::uint64_t maybe = lead_by_first_byte_[static_cast<unsigned char>(s[p])];
    while (maybe != 0) {
      const int i = std::countr_zero(maybe);
      maybe &= maybe - 1;
      const std::string_view w = lead_[static_cast<std::size_t>(i)];
      if (p + w.size() <= s.size() && iequals(s.substr(p, w.size()), w)) found |= std::uint64_t{1} << i;
    }
  }
  return found;
}

const std::vector<PeriodCue>& PeriodCache::of(std::size_t sentence_index, const TextSpan& sentence, bool moves,
                                              const std::optional<FiscalCalendar>& calendar) {
  if (sentence_index != sentence_) {
    sentence_ = sentence_index;
    entries_.clear();
  }
  const int end = calendar ? static_cast<int>(unsigned{calendar->end_month()}) : 0;
  for (const Entry& e : entries_)
    if (e.moves == moves && e.calendar_end == end) return e.cues;
  entries_.push_back(Entry{moves, end, read(sentence, moves, calendar)});
  return entries_.back().cues;
}

std::vector<PeriodCue> PeriodCache::read(const TextSpan& sentence, bool window_kind,
                                         const std::optional<FiscalCalendar>& calendar) const {
  std::vector<PeriodCue> out;
  const std::string_view s = s_;
  const PeriodReader r{s_, date_, calendar};
  const auto add = [&](std::size_t b, std::size_t e, std::string value, double conf) {
    out.push_back(cue_at(b, e, std::move(value), conf));
  };
  // A cue that names one period (kept for the figures whose period is written without a year).
  const auto add_period = [&](std::size_t b, std::size_t e, const Period& p, double conf) {
    const Period named = r.named(p);
    PeriodCue c = cue_at(b, e, named.to_string(), conf);
    c.period = named;
    out.push_back(std::move(c));
  };
  const auto add_relative = [&](std::size_t b, std::size_t e, RelativePeriod kind, int index, int month = 0) {
    PeriodCue c = cue_at(b, e, std::string{}, 0.0);
    c.relative = kind;
    c.index = index;
    c.month = month;
    out.push_back(std::move(c));
  };
  const auto phrase = [&](std::string_view words, auto&& f) { for_each_word(s, sentence.begin, sentence.end, words, f); };
  const std::uint64_t written = written_words(sentence);
  const auto mentions = [&](std::string_view word) { return (written & bit_of(word)) != 0; };
  // The word of `words` written at q, as written: its length, or 0.
  const auto word_at = [&](std::size_t q, const std::vector<std::string>& words) -> std::size_t {
    for (const std::string& w : words)
      if (s.substr(q, w.size()) == w) return w.size();
    return 0;
  };
  const auto any_mentioned = [&](const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return mentions(w); });
  };
  // A count of months at `p` ("15 months", "nine months"): where the count ends, where the
  // `months` word starts and its length, and the count (0: none here).
  struct MonthsCount {
    std::size_t number_end = 0, word = 0, word_size = 0;
    int months = 0;
  };
  const auto months_count_at = [&](std::size_t p) -> MonthsCount {
    std::size_t ne = letters_end(s, p);
    if (ne == p)
      while (ne < sentence.end && is_digit(s[ne])) ++ne;
    if (ne == p) return {};
    // "months" first: most words are followed by none, and the count is a look-up.
    const std::size_t q = skip_hspace(s, ne);
    const std::size_t months_word = q > ne ? word_at(q, words_.months) : 0;
    if (months_word == 0) return {};
    return {ne, q, months_word, small_number(s.substr(p, ne - p), lexicon_)};
  };

  // The lexicon's period phrases written without a year, by the rule their value names:
  // resolved per figure from the document's evidence (`resolve`).
  const auto first_hit = std::lower_bound(hits_.begin(), hits_.end(), sentence.begin,
                                          [](const CueHit& h, std::size_t v) { return h.begin < v; });
  for (auto it = first_hit; it != hits_.end() && it->begin < sentence.end; ++it) {
    const std::string& rule = index_.value(it->row);
    if (rule.rfind("half:", 0) == 0 || rule.rfind("quarter:", 0) == 0) {
      const bool half = rule[0] == 'h';
      const int n = std::atoi(rule.c_str() + (half ? 5 : 8));
      if (n >= 1 && n <= (half ? 2 : 4))
        add_relative(it->begin, it->end, half ? RelativePeriod::half : RelativePeriod::quarter, n);
    } else if (rule == "full_year") {
      add_relative(it->begin, it->end, RelativePeriod::full_year, 0);
    } else if (rule == "year_earlier") {
      add_relative(it->begin, it->end, RelativePeriod::year_earlier, 0);
    } else if (rule == "latest_quarter") {
      add_relative(it->begin, it->end, RelativePeriod::latest_quarter, 0);
    }
  }
  if (r.date) {
    const int y = static_cast<int>(r.date->year());
    const unsigned m = unsigned{r.date->month()};
    const auto to_date = [&] { return fmt::format("{}-01-01..{}", y, to_string(*r.date)); };
    const std::optional<Period> latest = r.latest_quarter();
    // The lexicon's period phrases that need the article date, by the rule their value names.
    for (auto it = first_hit; it != hits_.end() && it->begin < sentence.end; ++it) {
      const std::string& rule = index_.value(it->row);
      const std::size_t b = it->begin;
      const std::size_t e = it->end;
      if (rule == "year_to_date") {
        add(b, e, to_date(), 0.8);
      } else if (rule == "since_start_of") {
        // "since the start of 2025": from January 1 of that year to the article date.
        const std::size_t q = skip_hspace(s, e);
        if (q + 4 <= s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(q),
                                             s.begin() + static_cast<std::ptrdiff_t>(q + 4),
                                             [](char c) { return is_digit(c); }) &&
            std::atoi(std::string(s.substr(q, 4)).c_str()) == y)
          add(b, q + 4, to_date(), 0.8);
      } else if (rule == "this_year") {
        if (window_kind) add(b, e, to_date(), 0.7);
        else add_period(b, e, Period::calendar_year(y), 0.7);
      } else if (rule == "last_year") {
        add(b, e, std::to_string(y - 1), 0.6);  // a comparison: no period the text goes on about
      } else if (rule == "next_year") {
        add_period(b, e, Period::calendar_year(y + 1), 0.6);
      } else if (rule == "this_month") {
        add_period(b, e, Period::month(y, static_cast<int>(m)), 0.6);
      } else if (rule == "last_month") {
        add(b, e, Period::month(y, static_cast<int>(m)).previous().to_string(), 0.6);
      } else if (rule.rfind("quarter_ending:", 0) == 0) {
        // The latest quarter ending in that month, on or before the article date.
        const int end_month = std::atoi(rule.c_str() + 15);
        if (end_month < 1 || end_month > 12) continue;
        Period q = Period::containing(PeriodKind::quarter, *r.date);
        for (int k = 0; k < 8 && (unsigned{q.last_day().month()} != static_cast<unsigned>(end_month) ||
                                  date::sys_days(q.last_day()) > date::sys_days(*r.date));
             ++k)
          q = q.previous();
        add_period(b, e, q, 0.7);
      } else if (rule == "previous_quarter" && latest) {
        add(b, e, r.name(latest->previous()), 0.6);
      }
    }
    if (latest && any_mentioned(words_.months)) {
      // "the 15 months since ...": the months up to the latest reported quarter.
      for (std::size_t p = sentence.begin; p < sentence.end; ++p) {
        if (!(p == 0 || !is_letter(s[p - 1]))) continue;
        const MonthsCount c = months_count_at(p);
        const int months = c.months;
        if (months <= 0) continue;
        const std::size_t after = c.word + c.word_size;
        const std::size_t r2 = skip_hspace(s, after);
        const bool since = word_at(r2, words_.since) != 0;
        const std::size_t wb = letters_begin(s, skip_hspace_back(s, p));
        const bool previous = word_at(wb, words_.before) != 0;
        if (!since && !previous) continue;
        if (months % 3 == 0) {
          Period last = *latest;
          if (previous) {
            // The window before the one "since": same length, just before it.
            for (int k = 0; k < months / 3; ++k) last = last.previous();
          }
          Period first = last;
          for (int k = 1; k < months / 3; ++k) first = first.previous();
          add(previous ? wb : p, after, r.window(first, last), 0.6);
        }
      }
    }
      // "over the next three years", "in the next three years": months from the article's.
      for (const std::string_view lead : words_.ahead) {
        if (!mentions(lead)) continue;
        phrase(lead, [&](std::size_t, std::size_t e) {
          const std::size_t q = skip_hspace(s, e);
          const std::size_t qe = letters_end(s, q) == q ? q : letters_end(s, q);
          std::size_t ne = qe;
          if (ne == q)
            while (ne < s.size() && is_digit(s[ne])) ++ne;
          const std::size_t u = skip_hspace(s, ne);
          const std::size_t years_word = u > ne ? word_at(u, words_.years) : 0;
          if (years_word == 0) return;
          const int years = small_number(s.substr(q, ne - q), lexicon_);
          if (years <= 0 || years > 10) return;
          add(e - lead.size(), u + years_word,
              r.month_window(static_cast<int>(r.date->year()), static_cast<int>(unsigned{r.date->month()}), years * 12),
              0.5);
        });
      }
  }
  // "the six months ended June 30", "nine months ended 31 December 2024": a window that ends
  // with a month (`period_end` and `month` cues); without its year it is resolved per figure.
  {
    const auto word_from = [&](std::size_t q) { return s.substr(q, letters_end(s, q) - q); };
    const auto day_at = [&](std::size_t q) {  // a day of the month: its end, or q
      std::size_t d = q;
      while (d < s.size() && d - q < 2 && is_digit(s[d])) ++d;
      return d > q && (d == s.size() || !is_digit(s[d])) ? d : q;
    };
    // After a period_end word at `at`: "[30] June [30][, 2025]" -> the window of `months`
    // months from `b` (absolute with its year, else relative).
    const auto ended = [&](std::size_t b, std::size_t at, int months, bool end_word_read) {
      if (!end_word_read) {
        if (lexicon_.cue(word_from(at), "period_end") == nullptr) return;
        at = skip_hspace(s, letters_end(s, at));
      }
      if (const std::size_t d = day_at(at); d > at) at = skip_hspace(s, d);  // "30 June"
      const std::string_view month_word = word_from(at);
      const Cue* month = month_word.empty() || !is_upper(month_word.front()) ? nullptr : lexicon_.cue(month_word, "month");
      if (month == nullptr) return;
      std::size_t end = at + month_word.size();
      if (end < s.size() && s[end] == '.') ++end;  // "Sept."
      if (const std::size_t d = day_at(skip_hspace(s, end)); d > skip_hspace(s, end)) end = d;  // "June 30"
      std::size_t y = end;
      if (y < s.size() && s[y] == ',') ++y;
      y = skip_hspace(s, y);
      std::size_t ye = y;
      while (ye < s.size() && ye - y < 5 && is_digit(s[ye])) ++ye;
      const int last_month = std::atoi(month->value.c_str());
      if (last_month < 1 || last_month > 12) return;
      if (ye - y == 4) {
        const int year = std::atoi(std::string(s.substr(y, 4)).c_str());
        const auto [value, period] = months_window(months, year, last_month, r.calendar);
        PeriodCue c = cue_at(b, ye, value, 0.7);
        c.period = period;
        out.push_back(std::move(c));
      } else {
        add_relative(b, end, RelativePeriod::months_ended, months, last_month);
      }
    };
    // "the year ended March 31, 2025", "the quarter ended June 30": `months_ended:N` cues.
    for (auto it = first_hit; it != hits_.end() && it->begin < sentence.end; ++it) {
      const std::string& rule = index_.value(it->row);
      if (rule.rfind("months_ended:", 0) == 0) ended(it->begin, skip_hspace(s, it->end), std::atoi(rule.c_str() + 13), true);
    }
    // "the six months ended June 30", "nine months ended 31 December 2024".
    if (any_mentioned(words_.months)) {
      for (std::size_t p = sentence.begin; p < sentence.end; ++p) {
        if (p > 0 && (is_letter(s[p - 1]) || is_digit(s[p - 1]))) continue;
        const MonthsCount c = months_count_at(p);
        const int months = c.months;
        if (months <= 0 || months > 12) continue;
        const std::size_t q = c.word, months_word = c.word_size;
        ended(p, skip_hspace(s, q + months_word), months, false);
        // "the first nine months (of the year)": from the start of the (fiscal) year.
        const std::size_t ob = letters_begin(s, skip_hspace_back(s, p));
        for (const auto& [ord, n] : words_.ordinals) {
          if (n != 1 || ob + ord.size() > p || s.substr(ob, ord.size()) != ord || is_letter(s[ob + ord.size()])) continue;
          const int start = r.calendar ? static_cast<int>(unsigned{r.calendar->first_month()}) : 1;
          add_relative(ob, q + months_word, RelativePeriod::months_ended, months, (start - 1 + months - 1) % 12 + 1);
          break;
        }
      }
    }
  }

  // Absolute names: "the second quarter of 2024", "fiscal year 2025", "2025Q3", "in 2023", "November 2020".
  // (the words are the lexicon's `period_word` cues: PeriodWords)
  for (const auto& [ord, qn] : words_.ordinals) {
    if (!mentions(ord)) continue;
    phrase(ord, [&, qn = qn](std::size_t b, std::size_t e) {
      // "third quarter", "third-quarter"
      std::size_t q = e < s.size() && s[e] == '-' ? e + 1 : skip_hspace(s, e);
      const std::size_t quarter = word_at(q, words_.quarter);
      if (quarter == 0) return;
      const std::size_t quarter_end = q + quarter;
      if (quarter_end < s.size() && (is_letter(s[quarter_end]) || is_digit(s[quarter_end]))) return;
      q = skip_hspace(s, quarter_end);
      const std::size_t of = word_at(q, words_.of);
      q = skip_hspace(s, q + of);
      const std::size_t fiscal = of == 0 ? 0 : word_at(q, words_.fiscal);
      const bool fiscal_year = fiscal != 0;
      if (fiscal_year) q = skip_hspace(s, q + fiscal);
      std::size_t ye = q;
      while (ye < s.size() && is_digit(s[ye])) ++ye;
      if (of == 0 || ye - q != 4) {
        // No year: the quarter of the year the document is about (`resolve`).
        add_relative(b, quarter_end, RelativePeriod::quarter, qn);
        return;
      }
      const int year = std::atoi(std::string(s.substr(q, 4)).c_str());
      if (fiscal_year && r.calendar) {
        add_period(b, ye, Period::fiscal_quarter(*r.calendar, year, qn), 0.7);
      } else {
        add_period(b, ye, Period::quarter(year, qn), 0.7);
      }
    });
  }
  for (std::size_t p = sentence.begin; p + 4 <= sentence.end; ++p) {
    if (!is_digit(s[p]) || (p > 0 && (is_digit(s[p - 1]) || s[p - 1] == '.' || s[p - 1] == ','))) continue;
    std::size_t e = p;
    while (e < sentence.end && is_digit(s[e])) ++e;
    if (e - p != 4 || !(s.substr(p, 2) == "19" || s.substr(p, 2) == "20")) continue;
    const int year = std::atoi(std::string(s.substr(p, 4)).c_str());
    // "2025Q3": a calendar quarter, unless it had not ended by the article date; then it
    // can only be the fiscal quarter of that name.
    if (e + 1 < s.size() && (s[e] == 'Q' || s[e] == 'q') && s[e + 1] >= '1' && s[e + 1] <= '4') {
      const int qn = s[e + 1] - '0';
      const Period cal = Period::quarter(year, qn);
      if (r.calendar && r.date && date::sys_days(cal.last_day()) >= date::sys_days(*r.date)) {
        add_period(p, e + 2, Period::fiscal_quarter(*r.calendar, year, qn), 0.5);
      } else {
        add_period(p, e + 2, cal, 0.6);
      }
      continue;
    }
    if (e < s.size() && (is_letter(s[e]) || s[e] == '/' || s[e] == '-')) continue;
    // "FY2025", "fiscal 2025", "fiscal year 2025": a fiscal word glued or one space before the year.
    std::size_t fiscal_begin = std::string_view::npos;
    for (const std::string& f : words_.fiscal) {
      if (p >= f.size() && s.substr(p - f.size(), f.size()) == f) fiscal_begin = p - f.size();
      else if (p >= f.size() + 1 && s[p - 1] == ' ' && s.substr(p - 1 - f.size(), f.size()) == f) fiscal_begin = p - 1 - f.size();
      if (fiscal_begin != std::string_view::npos) break;
    }
    if (fiscal_begin != std::string_view::npos) {
      const std::size_t b = fiscal_begin;
      // "FY2025 Q3", "FY2025Q3": the fiscal quarter, in the entity's calendar (unknown without one).
      if (!r.calendar) continue;
      const std::size_t q = skip_hspace(s, e);
      if (q + 2 <= s.size() && s[q] == 'Q' && s[q + 1] >= '1' && s[q + 1] <= '4' &&
          (q + 2 == s.size() || !is_digit(s[q + 2]))) {
        add_period(b, q + 2, Period::fiscal_quarter(*r.calendar, year, s[q + 1] - '0'), 0.7);
        continue;
      }
      add_period(b, e, Period::fiscal_year(*r.calendar, year), 0.7);
      continue;
    }
    // "Q3 2024": a calendar quarter.
    if (p >= 3 && s[p - 1] == ' ' && s[p - 3] == 'Q' && s[p - 2] >= '1' && s[p - 2] <= '4' &&
        (p < 4 || !is_letter(s[p - 4]))) {
      add_period(p - 3, e, Period::quarter(year, s[p - 2] - '0'), 0.6);
      continue;
    }
    if (p >= 2 && is_letter(s[p - 1])) continue;
    // "November 2020" is a month; a year alone is the calendar year.
    // (`month` cues of the lexicon, written with a capital: "November", "Nov").
    const std::size_t we = skip_hspace_back(s, p);
    const std::size_t wb = letters_begin(s, we);
    const std::string_view before = s.substr(wb, we - wb);
    bool month = false;
    if (we < p && !before.empty() && is_upper(before.front())) {
      if (const Cue* m = lexicon_.cue(before, "month")) {
        add_period(wb, e, Period::month(year, std::atoi(m->value.c_str())), 0.6);
        month = true;
      }
    }
    if (month) continue;
    // "LONDON, Aug 5, 2025 -", "MUMBAI, April 25, 2025 (PTI) -": the year of a dateline's day
    // (near its line's start, a dash or bracket after it), no period of a figure.
    // (a line break within 80 bytes before: looked for no farther, linear on a text of one line)
    const std::size_t look_from = p > 80 ? p - 80 : 0;
    const bool near_line_start = look_from == 0 || s.substr(look_from, p - look_from).find('\n') != std::string_view::npos;
    const std::size_t after_year = skip_hspace(s, e);
    const bool dateline = near_line_start && after_year < s.size() &&
                          (s[after_year] == '-' || s[after_year] == '(' || s.substr(after_year, 3) == "\xE2\x80\x93" ||
                           s.substr(after_year, 3) == "\xE2\x80\x94");
    if (dateline && we < p && we >= 2 && s[we - 1] == ',' && is_digit(s[we - 2])) {
      std::size_t d = we - 1;
      while (d > 0 && is_digit(s[d - 1]) && we - 1 - d < 2) --d;
      const std::size_t me = skip_hspace_back(s, d);
      std::size_t mb = letters_begin(s, me > 0 && s[me - 1] == '.' ? me - 1 : me);
      // ("the year ended March 31, 2025": a period's end, read above)
      const std::size_t pe = skip_hspace_back(s, mb);
      const bool period_end = lexicon_.cue(s.substr(letters_begin(s, pe), pe - letters_begin(s, pe)), "period_end") != nullptr;
      if (me < d && mb < me && is_upper(s[mb]) && !period_end &&
          lexicon_.cue(s.substr(mb, letters_end(s, mb) - mb), "month") != nullptr)
        continue;
    }
    const bool preposition = we < p && !before.empty() && lexicon_.cue(before, "year_preposition") != nullptr;
    add_period(p, e, Period::calendar_year(year), preposition ? 0.6 : 0.4);
  }
  // A phrase read inside a longer one ("June 2025" in "the six months ended June 30, 2025",
  // "Q3" in "Q3 2024") is no period of its own.
  std::sort(out.begin(), out.end(), [](const PeriodCue& a, const PeriodCue& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t kept = 0;
  std::size_t reach = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && out[i].end <= reach) continue;
    reach = std::max(reach, out[i].end);
    if (kept != i) out[kept] = std::move(out[i]);
    ++kept;
  }
  out.resize(kept);
  return out;
}

}  // namespace finmetrics::extract_detail

