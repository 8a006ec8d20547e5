#include "finmetrics/extract/detail/periods.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>

#include <fmt/format.h>

#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/time/period.hpp"

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

struct PeriodReader {
  std::string_view s;
  std::optional<Date> date;
  std::optional<FiscalCalendar> calendar;  // name quarters in the entity's fiscal calendar

  [[nodiscard]] std::string name(const Period& p) const {
    if (calendar && p.kind() == PeriodKind::quarter)
      return Period::containing(PeriodKind::fiscal_quarter, p.first_day(), *calendar).to_string();
    return p.to_string();
  }
  [[nodiscard]] std::optional<Period> latest_quarter() const {
    if (!date) return std::nullopt;
    Period q = Period::containing(PeriodKind::quarter, *date).previous();
    // Results come out some weeks after the quarter: the latest reported one.
    while (date::sys_days(q.last_day()) + date::days{45} > date::sys_days(*date)) q = q.previous();
    return q;
  }
  [[nodiscard]] std::string window(const Period& first, const Period& last) const {
    return fmt::format("{}..{}", name(first), name(last));
  }
  [[nodiscard]] std::string month_window(int y, int m, int months) const {
    const int end_index = y * 12 + (m - 1) + months - 1;
    return fmt::format("{:04}-{:02}..{:04}-{:02}", y, m, end_index / 12, end_index % 12 + 1);
  }
};

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
    out.push_back(PeriodCue{b, e, std::move(value), conf});
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

  if (r.date) {
    const int y = static_cast<int>(r.date->year());
    const unsigned m = unsigned{r.date->month()};
    const auto to_date = [&] { return fmt::format("{}-01-01..{}", y, to_string(*r.date)); };
    const std::optional<Period> latest = r.latest_quarter();
    // The lexicon's period phrases, by the rule their value names.
    const auto first_hit = std::lower_bound(hits_.begin(), hits_.end(), sentence.begin,
                                        [](const CueHit& h, std::size_t v) { return h.begin < v; });
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
        add(b, e, window_kind ? to_date() : std::to_string(y), 0.7);
      } else if (rule == "last_year") {
        add(b, e, std::to_string(y - 1), 0.6);
      } else if (rule == "next_year") {
        add(b, e, std::to_string(y + 1), 0.6);
      } else if (rule == "this_month") {
        add(b, e, Period::month(y, static_cast<int>(m)).to_string(), 0.6);
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
        add(b, e, r.name(q), 0.7);
      } else if (rule == "latest_quarter" && latest) {
        add(b, e, r.name(*latest), 0.6);
      } else if (rule == "previous_quarter" && latest) {
        add(b, e, r.name(latest->previous()), 0.6);
      }
    }
    if (latest && any_mentioned(words_.months)) {
      // "the 15 months since ...": the months up to the latest reported quarter.
      for (std::size_t p = sentence.begin; p < sentence.end; ++p) {
        if (!(p == 0 || !is_letter(s[p - 1]))) continue;
        const std::size_t we = letters_end(s, p) == p ? p : letters_end(s, p);
        std::size_t ne = we;
        if (ne == p)
          while (ne < sentence.end && is_digit(s[ne])) ++ne;
        if (ne == p) continue;
        // "months" first: most words are followed by none, and the count is a look-up.
        const std::size_t q = skip_hspace(s, ne);
        const std::size_t months_word = q > ne ? word_at(q, words_.months) : 0;
        if (months_word == 0) continue;
        const int months = small_number(s.substr(p, ne - p), lexicon_);
        if (months <= 0) continue;
        const std::size_t after = q + months_word;
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
  // Absolute names: "the second quarter of 2024", "fiscal year 2025", "2025Q3", "in 2023", "November 2020".
  // (the words are the lexicon's `period_word` cues: PeriodWords)
  for (const auto& [ord, qn] : words_.ordinals) {
    if (!mentions(ord)) continue;
    phrase(ord, [&, qn = qn](std::size_t b, std::size_t e) {
      std::size_t q = skip_hspace(s, e);
      const std::size_t quarter = word_at(q, words_.quarter);
      if (quarter == 0) return;
      q = skip_hspace(s, q + quarter);
      const std::size_t of = word_at(q, words_.of);
      if (of == 0) return;
      q = skip_hspace(s, q + of);
      const std::size_t fiscal = word_at(q, words_.fiscal);
      const bool fiscal_year = fiscal != 0;
      if (fiscal_year) q = skip_hspace(s, q + fiscal);
      std::size_t ye = q;
      while (ye < s.size() && is_digit(s[ye])) ++ye;
      if (ye - q != 4) return;
      const int year = std::atoi(std::string(s.substr(q, 4)).c_str());
      if (fiscal_year && r.calendar) {
        add(b, ye, Period::fiscal_quarter(*r.calendar, year, qn).to_string(), 0.7);
      } else {
        add(b, ye, r.name(Period::quarter(year, qn)), 0.7);
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
        add(p, e + 2, Period::fiscal_quarter(*r.calendar, year, qn).to_string(), 0.5);
      } else {
        add(p, e + 2, r.name(cal), 0.6);
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
        add(b, q + 2, Period::fiscal_quarter(*r.calendar, year, s[q + 1] - '0').to_string(), 0.7);
        continue;
      }
      add(b, e, Period::fiscal_year(*r.calendar, year).to_string(), 0.7);
      continue;
    }
    // "Q3 2024": a calendar quarter.
    if (p >= 3 && s[p - 1] == ' ' && s[p - 3] == 'Q' && s[p - 2] >= '1' && s[p - 2] <= '4' &&
        (p < 4 || !is_letter(s[p - 4]))) {
      add(p - 3, e, r.name(Period::quarter(year, s[p - 2] - '0')), 0.6);
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
        add(wb, e, Period::month(year, std::atoi(m->value.c_str())).to_string(), 0.6);
        month = true;
      }
    }
    if (month) continue;
    const bool preposition = we < p && !before.empty() && lexicon_.cue(before, "year_preposition") != nullptr;
    add(p, e, std::to_string(year), preposition ? 0.6 : 0.4);
  }
  std::sort(out.begin(), out.end(), [](const PeriodCue& a, const PeriodCue& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace finmetrics::extract_detail
