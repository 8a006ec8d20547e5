#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "working_memory.hpp"

// Sentences, the article date and the words around a figure. Sentence ends are
// found by one rule (`for_each_sentence_end`) that both `sentence_around` (one
// position) and `SentenceIndex` (every sentence, once, for the extractor) use.

namespace finmetrics {

using namespace extract_detail;

namespace {

constexpr std::size_t npos = std::string_view::npos;

// A word whose full stop ends no sentence: the lexicon's `abbreviation` cues (as
// written when the cue has a capital, else in any case), or a capital letter alone
// ("U.S.", "J. Smith").
bool is_abbreviation(const Lexicon& lex, std::string_view word) {
  if (word.size() == 1 && is_upper(word[0])) return true;
  const Cue* c = lex.cue(word, "abbreviation");
  return c != nullptr && (!is_upper(c->phrase.front()) || c->phrase == word);
}

// Whether a sentence ends after the byte at k (a '.', '!' or '?'); `end` is the line end.
bool ends_sentence(const Lexicon& lex, std::string_view s, std::size_t k, std::size_t end) {
  const char c = s[k];
  if (c != '.' && c != '!' && c != '?') return false;
  if (c == '.') {
    if (k > 0 && k + 1 < end && is_digit(s[k - 1]) && is_digit(s[k + 1])) return false;  // 26.549
    const std::size_t wb = letters_begin(s, k);
    if (wb < k && is_abbreviation(lex, s.substr(wb, k - wb)) && (wb == 0 || s[wb - 1] != '.' || k - wb == 1)) return false;
  }
  std::size_t q = k + 1;
  // Closing quotes and brackets belong to the sentence: `course.” The`.
  for (;;) {
    const CodePoint cp = decode(s, q);
    if (q < end && (cp.value == U'"' || cp.value == U'\'' || cp.value == 0x201D || cp.value == 0x2019 ||
                    cp.value == U')')) {
      q += cp.size;
      continue;
    }
    break;
  }
  if (q >= end) return true;
  const std::size_t r = skip_hspace(s, q);
  if (r == q) return false;
  if (r >= end) return true;
  return !is_lower(s[r]) && !is_digit(s[r]);
}

// Calls `f(after)` for each sentence end in the line [line_begin, line_end), in
// order, `after` being the first byte after the end (closing quotes included);
// stops when `f` returns false. Only '.', '!', '?' and the first byte of 。！？
// (E3 80 82, EF BC 81, EF BC 9F) can end one, and no UTF-8 sequence holds an
// ASCII byte or a first byte after its own first, so a byte-wise search for
// those visits what a walk by code points would, without decoding every byte.
// Whether any of eight bytes is one that may end a sentence (a zero byte of x ^ c, for each c).
bool may_end_in(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto has = [&](unsigned char c) {
    const std::uint64_t v = x ^ (ones * c);
    return ((v - ones) & ~v & highs) != 0;
  };
  return has('.') || has('!') || has('?') || has(0xE3) || has(0xEF);
}

template <class F>
void for_each_sentence_end(const Lexicon& lex, std::string_view s, std::size_t line_begin, std::size_t line_end,
                           F&& f) {
  for (std::size_t k = line_begin; k < line_end; ++k) {
    // Eight bytes at a time past those that cannot end one.
    for (std::uint64_t x; k + 8 <= line_end; k += 8) {
      std::memcpy(&x, s.data() + k, 8);
      if (may_end_in(x)) break;
    }
    if (k >= line_end) break;
    const auto b = static_cast<unsigned char>(s[k]);
    std::size_t after = 0;
    if (b == '.' || b == '!' || b == '?') {
      if (!ends_sentence(lex, s, k, line_end)) continue;
      after = k + 1;
      while (after < line_end) {
        const CodePoint c2 = decode(s, after);
        if (c2.value == U'"' || c2.value == U'\'' || c2.value == 0x201D || c2.value == 0x2019 || c2.value == U')') {
          after += c2.size;
        } else {
          break;
        }
      }
    } else if (b == 0xE3 || b == 0xEF) {
      const CodePoint cp = decode(s, k);
      if (cp.value != 0x3002 && cp.value != 0xFF01 && cp.value != 0xFF1F) continue;  // 。！？
      after = k + cp.size;
    } else {
      continue;
    }
    if (!f(after)) return;
  }
}

TextSpan trimmed(std::string_view s, std::size_t begin, std::size_t end) {
  begin = skip_hspace(s, begin);
  while (end > begin && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return TextSpan{begin, std::max(begin, end)};
}

}  // namespace

TextSpan sentence_around(std::string_view s, std::size_t pos) { return sentence_around(s, pos, Lexicon::builtin()); }

TextSpan sentence_around(std::string_view s, std::size_t pos, const Lexicon& lexicon) {
  if (pos > s.size()) pos = s.size();
  std::size_t line_begin = s.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_begin = (line_begin == npos || (pos == 0 && s.empty())) ? 0 : line_begin + 1;
  if (pos == 0) line_begin = 0;
  std::size_t line_end = s.find('\n', pos);
  if (line_end == npos) line_end = s.size();
  std::size_t begin = line_begin;
  std::size_t end = line_end;
  for_each_sentence_end(lexicon, s, line_begin, line_end, [&](std::size_t after) {
    if (after <= pos) {
      begin = after;
      return true;
    }
    end = after;
    return false;
  });
  return trimmed(s, begin, end);
}

std::optional<Date> find_article_date(std::string_view s) { return find_article_date(s, Lexicon::builtin()); }

std::optional<Date> find_article_date(std::string_view s, const Lexicon& lexicon) {
  const auto number = [&](std::size_t p, std::size_t digits) -> int {
    if (p + digits > s.size()) return -1;
    int v = 0;
    for (std::size_t k = p; k < p + digits; ++k) {
      if (!is_digit(s[k])) return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  const auto make = [](int y, int m, int d) -> std::optional<Date> {
    const Date date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
    if (y < 1900 || y > 2199 || !date.ok()) return std::nullopt;
    return date;
  };
  // A URL path /YYYY/MM/DD/ anywhere.
  for (std::size_t p = s.find('/'); p != npos; p = s.find('/', p + 1)) {
    if (p + 11 < s.size() && s[p + 5] == '/' && s[p + 8] == '/' && s[p + 11] == '/' && !is_digit(s[p + 12 < s.size() ? p + 12 : p])) {
      const int y = number(p + 1, 4), m = number(p + 6, 2), d = number(p + 9, 2);
      if (y > 0 && m > 0 && d > 0)
        if (auto date = make(y, m, d)) return date;
    }
  }
  // In the first lines: "Month D, YYYY", "Mon. D, YYYY", "MM/DD YYYY", "YYYY-MM-DD".
  std::size_t head_end = 0;
  for (int line = 0; line < 4 && head_end != npos; ++line) head_end = s.find('\n', head_end == 0 && line == 0 ? 0 : head_end + 1);
  const std::string_view head = s.substr(0, head_end == npos ? std::min<std::size_t>(s.size(), 400) : head_end);
  for (std::size_t p = 0; p < head.size(); ++p) {
    if (is_digit(head[p]) && (p == 0 || !is_digit(head[p - 1]))) {
      // MM/DD YYYY and YYYY-MM-DD
      const int a = number(p, 2);
      if (a > 0 && p + 10 < head.size() && head[p + 2] == '/' && head[p + 5] == ' ') {
        const int d = number(p + 3, 2), y = number(p + 6, 4);
        if (d > 0 && y > 0)
          if (auto date = make(y, a, d)) return date;
      }
      const int y = number(p, 4);
      if (y > 0 && p + 10 <= head.size() && head[p + 4] == '-' && head[p + 7] == '-') {
        const int m = number(p + 5, 2), d = number(p + 8, 2);
        if (m > 0 && d > 0)
          if (auto date = make(y, m, d)) return date;
      }
    }
    if (is_upper(head[p]) && (p == 0 || !is_letter(head[p - 1]))) {
      const std::size_t we = letters_end(head, p);
      if (we - p < 3) continue;
      const std::string_view word = head.substr(p, we - p);
      // "Six Months Ended September 30, 2024": the end of a reported period in a
      // title, not the day of the article (its dateline follows).
      const std::size_t before_end = skip_hspace_back(head, p);
      const std::string_view before = head.substr(letters_begin(head, before_end), before_end - letters_begin(head, before_end));
      if (before_end < p && lexicon.cue(before, "period_end") != nullptr) continue;
      // A month of the lexicon (`month` cues: "November", "Nov", "Sept"), as a loop that runs once.
      for (const Cue* month = lexicon.cue(word, "month"); month != nullptr; month = nullptr) {
        std::size_t q = we;
        if (q < head.size() && head[q] == '.') ++q;
        q = skip_hspace(head, q);
        std::size_t de = q;
        while (de < head.size() && is_digit(head[de])) ++de;
        if (de == q || de - q > 2) break;
        const int d = number(q, de - q);
        std::size_t r = de;
        if (r < head.size() && head[r] == ',') ++r;
        r = skip_hspace(head, r);
        const int y = number(r, 4);
        if (y > 0)
          if (auto date = make(y, std::atoi(month->value.c_str()), d)) return date;
        break;
      }
    }
  }
  return std::nullopt;
}

namespace extract_detail {

void fill_words_around(std::string_view s, ExtractedFigure& f) {
  constexpr int words = 6;
  std::size_t b = f.span.begin;
  int seen = 0;
  while (b > 0 && s[b - 1] != '\n') {
    const std::size_t sp = skip_hspace_back(s, b);
    if (sp != b) {
      if (++seen > words) break;
      b = sp;
      continue;
    }
    --b;
  }
  f.before = std::string(s.substr(skip_hspace(s, b), f.span.begin - skip_hspace(s, b)));
  while (!f.before.empty() && (f.before.back() == ' ' || f.before.back() == '\t')) f.before.pop_back();
  std::size_t e = f.span.end;
  seen = 0;
  while (e < s.size() && s[e] != '\n' && s[e] != '\r') {
    const std::size_t sp = skip_hspace(s, e);
    if (sp != e) {
      if (++seen > words) break;
      e = sp;
      continue;
    }
    ++e;
  }
  f.after = std::string(s.substr(f.span.end, e - f.span.end));
  const auto first = f.after.find_first_not_of(" \t");
  f.after = first == std::string::npos ? std::string{} : f.after.substr(first);
  while (!f.after.empty() && (f.after.back() == ' ' || f.after.back() == '\t')) f.after.pop_back();
}

SentenceIndex::SentenceIndex(std::string_view s, const Lexicon& lexicon) {
  // Reserved for a sentence every 40 bytes (lines count: the seed articles have one
  // every 50 to 100): growing by doubling would write each entry twice over, on fresh
  // pages for a long text, and pages reserved past the last entry are never touched.
  reserve_on_huge_pages(starts_, s.size() / 40 + 16);
  reserve_on_huge_pages(spans_, s.size() / 40 + 16);
  std::size_t line_begin = 0;
  while (line_begin <= s.size()) {
    std::size_t line_end = s.find('\n', line_begin);
    if (line_end == npos) line_end = s.size();
    std::size_t begin = line_begin;
    for_each_sentence_end(lexicon, s, line_begin, line_end, [&](std::size_t after) {
      starts_.push_back(begin);
      spans_.push_back(trimmed(s, begin, after));
      begin = after;
      return true;
    });
    starts_.push_back(begin);
    spans_.push_back(trimmed(s, begin, line_end));
    if (line_end == s.size()) break;
    line_begin = line_end + 1;
  }
}

std::size_t SentenceIndex::index_of(std::size_t pos) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), pos);
  return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin()) - 1;
}

}  // namespace extract_detail

}  // namespace finmetrics
