#pragma once
// FigureReader::Table::match, the look-up of a word at a position (a template on
// the boundaries that end a word), for the two files that instantiate it: the
// reader (figure_reader.cpp) and its fast path's compiler (figure_reader_fast.cpp);
// and the two small steps both paths take on every figure, inline in each.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "figure_reader_bytes.hpp"
#include "finmetrics/parse/figure_reader.hpp"

namespace finmetrics {

namespace figure_reader_detail {

// The bytes of a word past the eight its probe's key compared (in any ASCII case
// for a folded probe): whether the text at `p` holds them too.
template <class Probe, class Word>
inline bool tail_matches(const char* p, const Word& w, const Probe& probe) noexcept {
  std::size_t i = 8;
  if (probe.folded) {
    while (i < probe.size && lower(p[i]) == lower(w.text[i])) ++i;
  } else {
    while (i < probe.size && p[i] == w.text[i]) ++i;
  }
  return i >= probe.size;
}

}  // namespace figure_reader_detail

using namespace figure_reader_detail;  // (a private header of the two files above)

template <class FirstBoundary, class ThenBoundary>
const FigureReader::Word* FigureReader::Table::match(std::string_view s, std::size_t at, std::size_t n,
                                                     std::uint8_t first_form, FirstBoundary first_boundary,
                                                     std::uint8_t then_form, ThenBoundary then_boundary,
                                                     std::uint8_t& form) const noexcept {
  if (at >= n) return nullptr;
  const std::size_t left = n - at;
  const char* const p = s.data() + at;
  // A code: three capitals (or, where a form reads them, three small letters) and no
  // longer word of the table that starts with them.
  const bool letters = !codes.empty() && left >= 3 && is_letter(p[0]) && is_letter(p[1]) && is_letter(p[2]);
  const bool capitals = letters && is_capital(p[0]) && is_capital(p[1]) && is_capital(p[2]);
  const std::size_t slot = letters ? code_slot(p) : 0;
  const auto code = [&]() -> const Word* {
    if (!capitals && !(letters && is_small(p[0]) && is_small(p[1]) && is_small(p[2]))) return nullptr;
    const std::uint16_t k = codes[slot];
    if (k == no_word) return nullptr;
    const std::uint8_t forms = capitals ? words[k].forms : words[k].any_case;
    if ((forms & first_form) != 0 && first_boundary(at + 3)) {
      form = first_form;
      return &words[k];
    }
    if ((forms & then_form) != 0 && then_boundary(at + 3)) {
      form = then_form;
      return &words[k];
    }
    return nullptr;
  };
  const bool code_first = capitals && !code_shadowed[slot];
  if (code_first) {
    if (const Word* w = code()) return w;
  }
  const Word* then_word = nullptr;
  // The words of two bytes and more under the text's first two, then those of one
  // byte; in a table of a few probes (while it is learned) all of them.
  std::uint32_t from[2] = {0, 0}, to[2] = {0, 0};
  if (small) {
    to[0] = static_cast<std::uint32_t>(probes.size());
  } else {
    const auto b0 = static_cast<unsigned char>(p[0]);
    const std::size_t single = single_bucket(b0);
    from[1] = first[single];
    to[1] = first[single + 1];
    if (left >= 2) {
      const std::size_t pair = bucket(b0, static_cast<unsigned char>(p[1]));
      from[0] = first[pair];
      to[0] = first[pair + 1];
    }
  }
  if (from[0] != to[0] || from[1] != to[1]) {
    const std::uint64_t chunk = load8(p, left);
    const std::uint64_t folded = fold8(chunk);
    const std::uint8_t wanted = first_form | then_form;
    for (int scan = 0; scan < 2; ++scan) {
      for (std::uint32_t k = from[scan], end = to[scan]; k < end; ++k) {
        const Probe& probe = probes[k];
        // the key first: it rejects nearly all (a word has no zero byte, so a key
        // that matches the zero-padded chunk fits in the text up to eight bytes)
        if (((probe.folded ? folded : chunk) & probe.mask) != probe.key) continue;
        if ((probe.forms & wanted) == 0 || probe.size > left) continue;
        const Word& w = words[probe.word];
        if (probe.size > 8 && !tail_matches(p, w, probe)) continue;
        if ((probe.forms & first_form) != 0 && first_boundary(at + probe.size)) {
          form = first_form;
          return &w;
        }
        if (then_word == nullptr && (probe.forms & then_form) != 0 && then_boundary(at + probe.size)) then_word = &w;
      }
    }
  }
  if (letters && !code_first) {
    if (const Word* w = code()) {
      // in the second form the words of the list come first, as in the first
      if (form == first_form || then_word == nullptr) return w;
    }
  }
  if (then_word != nullptr) form = then_form;
  return then_word;
}

// The figure's bytes [b, n) without the spaces and tabs around it; false where the
// reader reads nothing (disabled, empty, or too long for its 32-bit offsets).
inline bool FigureReader::trimmed(std::string_view s, std::size_t& b, std::size_t& n) const noexcept {
  if (!enabled_ || s.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
  b = 0;
  n = s.size();
  while (b < n && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (n > b && (s[n - 1] == ' ' || s[n - 1] == '\t')) --n;
  return b < n;
}

// The length of a space at k (before n): U+0020, or a no-break, narrow no-break or
// thin space where they read alike; 0 for none.
inline std::size_t FigureReader::space_at(std::string_view s, std::size_t k, std::size_t n) const noexcept {
  if (k >= n) return 0;
  const auto c = static_cast<unsigned char>(s[k]);
  if (c == ' ') return 1;
  if (c < 0xC2 || !wide_spaces_) return 0;
  if (c == 0xC2) return k + 1 < n && static_cast<unsigned char>(s[k + 1]) == 0xA0 ? 2 : 0;
  return c == 0xE2 && k + 2 < n && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
                 (static_cast<unsigned char>(s[k + 2]) == 0xAF || static_cast<unsigned char>(s[k + 2]) == 0x89)
             ? 3
             : 0;
}

inline int FigureReader::longest_run(const Memo& memo, const char* p, const std::uint32_t* first, const std::uint32_t* last,
                              int t, int words, std::uint16_t& word) const noexcept {
  // one word first; where it starts a word of several, those first, the longest first
  bool lead = false, unused = false;
  std::uint16_t one = no_word;
  const Found single = find(memo, p + first[t], last[t] - first[t], one, lead);
  if (lead) {
    for (int w = std::min<int>(memo.max_tokens, words - t); w >= 2; --w) {
      switch (find(memo, p + first[t], last[t + w - 1] - first[t], word, unused)) {
        case Found::word: return w;
        case Found::unknown: return -1;
        case Found::none: break;
      }
    }
  }
  if (single == Found::unknown) return -1;
  word = one;
  return single == Found::word ? 1 : 0;
}

// `between ` or `from ` at b: its length (0: neither).
inline std::size_t FigureReader::range_keyword(std::string_view s, std::size_t b, std::size_t n) noexcept {
  if (b >= n || (s[b] != 'b' && s[b] != 'f')) return 0;  // (most figures: one compare)
  if (n - b > 8 && std::memcmp(s.data() + b, "between ", 8) == 0) return 8;
  if (n - b > 5 && std::memcmp(s.data() + b, "from ", 5) == 0) return 5;
  return 0;
}

}  // namespace finmetrics
