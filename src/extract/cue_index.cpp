#include "finmetrics/extract/detail/cue_index.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/extract/detail/word_memo.hpp"
#include "working_memory.hpp"

namespace finmetrics::extract_detail {

namespace {

// A word: ASCII letters and digits, with inner `-` or `.` between two of them
// (`year-on-year`, `e-commerce`, `JD.com`, `U.S`); or one CJK character.
std::size_t word_end(std::string_view s, std::size_t p) {
  const CodePoint c = decode(s, p);
  if (c.size != 1) return p + (c.size == 0 ? 1 : c.size);
  std::size_t e = p;
  while (e < s.size()) {
    const char ch = s[e];
    if (is_letter(ch) || is_digit(ch)) {
      ++e;
    } else if ((ch == '-' || ch == '.') && e > p && e + 1 < s.size() && (is_letter(s[e + 1]) || is_digit(s[e + 1]))) {
      ++e;
    } else {
      break;
    }
  }
  return e == p ? p + 1 : e;
}

bool is_word_byte(char c) { return is_alnum(c); }

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = to_lower(c);
  return out;
}

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> out;
  std::size_t p = skip_hspace(phrase, 0);
  while (p < phrase.size()) {
    const std::size_t e = word_end(phrase, p);
    out.emplace_back(phrase.substr(p, e - p));
    p = skip_hspace(phrase, e);
  }
  return out;
}

constexpr std::uint64_t fnv_basis = 14695981039346656037ULL;
constexpr std::uint64_t fnv_prime = 1099511628211ULL;

std::uint64_t lower_hash(std::string_view w) noexcept {
  std::uint64_t h = fnv_basis;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(to_lower(c))) * fnv_prime;
  return h;
}

// The bit of `first_word_filter_` (65,536 bits) for a word of at least one byte.
std::size_t filter_bit(std::string_view w) noexcept {
  const auto at = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(to_lower(w[i]))); };
  std::uint32_t k = at(0) * 263 + (w.size() > 1 ? at(1) : 0);
  k = k * 131 + at(w.size() - 1);
  k = k * 17 + static_cast<std::uint32_t>(w.size());
  return (k ^ (k >> 16)) & 0xFFFF;
}

CueKind kind_of(std::string_view category, bool& known) {
  known = true;
  if (category == "metric") return CueKind::metric;
  if (category == "direction") return CueKind::direction;
  if (category == "period") return CueKind::period;
  if (category == "growth") return CueKind::growth;
  if (category == "change") return CueKind::change;
  if (category == "whole_company") return CueKind::whole_company;
  if (category == "entity_descriptor") return CueKind::entity_descriptor;
  if (category == "loss") return CueKind::loss;
  if (category == "not_entity") return CueKind::not_entity;
  known = false;
  return CueKind::metric;
}

bool capitalised(std::string_view w) { return !w.empty() && is_upper(w.front()); }

}  // namespace

void CueIndex::add(std::string_view phrase, CueKind kind, std::string value) {
  std::vector<std::string> words = split_words(phrase);
  if (words.empty()) return;
  const bool exact = is_upper(words.front().front()) || static_cast<unsigned char>(words.front().front()) >= 0x80;
  if (!exact)
    for (auto& w : words) w = lower(w);
  rows_.push_back(Row{kind, std::move(value)});
  const auto row = static_cast<std::uint32_t>(rows_.size() - 1);
  std::vector<std::uint32_t>& same_first = phrases_starting(lower(words.front()));
  for (const std::uint32_t i : same_first) {
    if (phrases_[i].words == words && phrases_[i].exact == exact) {
      phrases_[i].rows.push_back(row);
      return;
    }
  }
  phrases_.push_back(Phrase{std::move(words), exact, {row}});
  same_first.push_back(static_cast<std::uint32_t>(phrases_.size() - 1));
}

std::vector<std::uint32_t>& CueIndex::phrases_starting(const std::string& lower_word) {
  const std::uint64_t h = lower_hash(lower_word);
  if (!slots_.empty()) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = h & mask; slots_[k] != 0; k = (k + 1) & mask) {
      FirstWord& f = first_words_[slots_[k] - 1];
      if (f.hash == h && f.word == lower_word) return f.phrases;
    }
  }
  first_words_.push_back(FirstWord{h, lower_word, {}});
  if (!lower_word.empty()) {
    const std::size_t bit = filter_bit(lower_word);
    first_word_filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  // At most half full: look-ups of words that start no phrase (most words) stop soon.
  if (first_words_.size() * 2 > slots_.size()) {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
    for (std::size_t i = 0; i < first_words_.size(); ++i) {
      const std::size_t mask = slots_.size() - 1;
      std::size_t k = first_words_[i].hash & mask;
      while (slots_[k] != 0) k = (k + 1) & mask;
      slots_[k] = static_cast<std::uint32_t>(i + 1);
    }
  } else {
    const std::size_t mask = slots_.size() - 1;
    std::size_t k = h & mask;
    while (slots_[k] != 0) k = (k + 1) & mask;
    slots_[k] = static_cast<std::uint32_t>(first_words_.size());
  }
  return first_words_.back().phrases;
}

const CueIndex::FirstWord* CueIndex::first_word(std::string_view word) const noexcept {
  // The filter before the hash: most words of a text start no phrase.
  if (slots_.empty() || word.empty() || !may_start_phrase(word)) return nullptr;
  return first_word(word, lower_hash(word));
}

bool CueIndex::may_start_phrase(std::string_view word) const noexcept {
  const std::size_t bit = filter_bit(word);
  return (first_word_filter_[bit / 64] >> (bit % 64) & 1U) != 0;
}

const CueIndex::FirstWord* CueIndex::first_word(std::string_view word, std::uint64_t h) const noexcept {
  if (slots_.empty() || word.empty() || !may_start_phrase(word)) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = h & mask; slots_[k] != 0; k = (k + 1) & mask) {
    const FirstWord& f = first_words_[slots_[k] - 1];
    if (f.hash == h && f.word.size() == word.size() && iequals(f.word, word)) return &f;
  }
  return nullptr;
}

CueIndex::CueIndex(std::span<const CueRow> cues, std::span<const IssuerNames> issuers) {
  for (const CueRow& c : cues) {
    bool known = false;
    const CueKind k = kind_of(c.category, known);
    if (known) add(c.phrase, k, std::string(c.value));
    // The words that say a sentence names its own time, read or not ("By the fiscal year's end").
    if (c.category == "period_word" &&
        (c.value == "quarter" || c.value == "fiscal" || c.value == "months" || c.value == "years"))
      add(c.phrase, CueKind::time_word, std::string(c.value));
  }
  for (std::size_t i = 0; i < issuers.size(); ++i) {
    add(issuers[i].name, CueKind::issuer, std::to_string(i));
    for (const auto& a : issuers[i].aliases) add(a, CueKind::issuer, std::to_string(i));
    for (const auto& seg : issuers[i].segments) {
      add(seg.name, CueKind::segment, fmt::format("{}:{}", i, seg.name));
      for (const auto& a : seg.aliases) add(a, CueKind::segment, fmt::format("{}:{}", i, seg.name));
    }
  }
  // The phrases of each first word, most words first and otherwise in the order added:
  // longest_at takes the first that matches, the longest (of equals, the first added).
  for (FirstWord& f : first_words_) {
    std::stable_sort(f.phrases.begin(), f.phrases.end(), [&](std::uint32_t a, std::uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
    f.one_word_only = phrases_[f.phrases.front()].words.size() == 1;
  }
}

std::pair<int, std::size_t> CueIndex::longest_at(std::string_view s, std::size_t p, const FirstWord* starts) const {
  if (starts == nullptr) return {-1, p};
  int best = -1;
  std::size_t best_end = p;
  std::size_t best_words = 0;
  // Most words first (sorted so by the constructor): the first phrase that matches is the longest.
  for (const std::uint32_t i : starts->phrases) {
    if (best >= 0) break;
    const Phrase& ph = phrases_[i];
    std::size_t q = p;
    bool ok = true;
    for (std::size_t k = 0; k < ph.words.size(); ++k) {
      if (k > 0) {
        const std::size_t r = skip_hspace(s, q);
        // CJK phrases are written without spaces; Latin words need one.
        if (r == q && static_cast<unsigned char>(ph.words[k].front()) < 0x80) {
          ok = false;
          break;
        }
        q = r;
      }
      const std::string& w = ph.words[k];
      if (q + w.size() > s.size()) {
        ok = false;
        break;
      }
      const std::string_view here = s.substr(q, w.size());
      if (ph.exact ? here != w : !iequals(here, w)) {
        ok = false;
        break;
      }
      q += w.size();
      // Whole words only (a CJK character is a word by itself).
      if (static_cast<unsigned char>(w.back()) < 0x80 && q < s.size() && is_word_byte(s[q])) {
        ok = false;
        break;
      }
    }
    if (ok && (best < 0 || ph.words.size() > best_words)) {
      best = static_cast<int>(i);
      best_end = q;
      best_words = ph.words.size();
    }
  }
  return {best, best_end};
}

CueIndex::Hits CueIndex::scan(std::string_view s) const {
  Hits h;
  // Names are the most frequent hits (one every 70 bytes of the seed articles), then
  // metrics, directions and growth words (one every 600 to 830 bytes): reserved, on
  // 2-MB pages for a long text, so that it writes them once, not again at each doubling.
  reserve_on_huge_pages(h.entity, s.size() / 48 + 16);
  for (std::vector<CueHit>* frequent : {&h.metric, &h.direction, &h.growth}) {
    reserve_on_huge_pages(*frequent, s.size() / 256 + 16);
  }
  // The phrases a word starts depend on the word alone, and a text repeats its words.
  WordMemo<const FirstWord*, 8192> starts_of(s.size());
  // A run of capitalised words that no cue claims: a name the text gives.
  std::size_t run_begin = 0;
  std::size_t run_end = 0;
  bool in_run = false;
  const auto close_run = [&] {
    if (in_run) h.entity.push_back(CueHit{run_begin, run_end, CueKind::name, 0});
    in_run = false;
  };
  std::size_t p = 0;
  while (p < s.size()) {
    const char c = s[p];
    const bool ascii_word = is_word_byte(c);
    if (!ascii_word && static_cast<unsigned char>(c) < 0x80) {
      // Only horizontal space joins the words of a name.
      if (in_run && c != ' ' && c != '\t') close_run();
      ++p;
      continue;
    }
    const bool cjk = !ascii_word && static_cast<unsigned char>(c) >= 0x80 && is_cjk(decode(s, p).value);
    if (!ascii_word && !cjk) {
      // Only horizontal space joins the words of a name.
      if (in_run && !is_hspace(decode(s, p).value)) close_run();
      p += std::max<std::size_t>(1, decode(s, p).size);
      continue;
    }
    // An ASCII word's end (word_end's rule; a CJK character is a word by itself), then
    // its phrases: the filter says no for most words before any hashing.
    std::size_t e = p;
    if (ascii_word) {
      for (;;) {
        while (e < s.size() && is_word_byte(s[e])) ++e;
        // An inner `-` or `.` between two word bytes (e > p: the word's first byte is one).
        if (e + 1 < s.size() && (s[e] == '-' || s[e] == '.') && is_word_byte(s[e + 1])) {
          e += 2;
          continue;
        }
        break;
      }
    } else {
      e = word_end(s, p);
    }
    const std::string_view w = s.substr(p, e - p);
    const FirstWord* starts = starts_of.get(w, [&] { return first_word(w); });
    int phrase = -1;
    std::size_t end = p;
    if (starts != nullptr && starts->one_word_only) {
      // longest_at's answer without its walk: the first phrase that is this word (in any
      // case, or as written when it is capitalised); the word ends where a word ends.
      for (const std::uint32_t i : starts->phrases) {
        if (!phrases_[i].exact || phrases_[i].words.front() == w) {
          phrase = static_cast<int>(i);
          end = e;
          break;
        }
      }
    } else if (starts != nullptr) {
      std::tie(phrase, end) = longest_at(s, p, starts);
    }
    bool claimed = false;
    if (phrase >= 0) {
      for (const std::uint32_t r : phrases_[static_cast<std::size_t>(phrase)].rows) {
        const CueHit hit{p, end, rows_[r].kind, r};
        switch (rows_[r].kind) {
          case CueKind::metric: h.metric.push_back(hit); break;
          case CueKind::direction: h.direction.push_back(hit); break;
          case CueKind::period: h.period.push_back(hit); break;
          case CueKind::growth: h.growth.push_back(hit); break;
          case CueKind::change: h.change.push_back(hit); break;
          case CueKind::whole_company: h.whole_company.push_back(hit); break;
          case CueKind::entity_descriptor: h.entity_descriptor.push_back(hit); break;
          case CueKind::loss: h.loss.push_back(hit); break;
          case CueKind::time_word: h.time_word.push_back(hit); break;
          case CueKind::segment:
            h.segment.push_back(hit);
            // A segment's proper name is a mention of its issuer too (`Alibaba Cloud`).
            if (is_upper(c)) {
              close_run();
              h.entity.push_back(hit);
            }
            break;
          case CueKind::issuer:
            close_run();
            h.entity.push_back(hit);
            break;
          case CueKind::not_entity:
          case CueKind::name: break;
        }
        // A word of a period phrase is noted, and may still be part of a name ("Three Months Ended").
        claimed = claimed || rows_[r].kind != CueKind::time_word;
      }
    }
    if (claimed) {
      close_run();
      p = end;
      continue;
    }
    // A word written onto a figure names its currency, not a company: `HK$5`, `USD 5bn`, `Rmb 81bn`.
    const auto marker = [&] {
      const std::size_t next = skip_hspace(s, e);
      return next < s.size() && (s[e] == '$' || is_digit(s[next]));
    };
    if (ascii_word && capitalised(w) && !marker() &&
        std::none_of(w.begin(), w.end(), [](char ch) { return is_digit(ch); })) {
      if (!in_run) run_begin = p;
      in_run = true;
      run_end = e;
    } else {
      close_run();
    }
    p = e;
  }
  close_run();
  return h;
}

}  // namespace finmetrics::extract_detail
