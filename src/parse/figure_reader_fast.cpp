#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "figure_reader_bytes.hpp"
#include "figure_reader_match.hpp"
#include "finmetrics/parse/figure_reader.hpp"

// FigureReader's fast path: the commonest figures (`Rmb9.9bn`, `$9.9 per share`,
// `9.9 billion yuan`, `US$9bn`, `HKD 9.9 per share`) read with one look-up of the
// bytes before the number (cached_front), the number, and one look-up of each
// word after it, whole, among the texts the general look-up was asked about when
// the reader was compiled. Where anything is not decided by those look-ups (a
// text in a case not asked about, bytes other than ASCII letters and single
// spaces after the number, a range, parentheses, a country prefix, an unusual
// grouping), it answers "not decided" and the general path reads the text.
//
// Why a word looked up whole chooses what Table::match chooses: after the number
// the text is ASCII words with one space between them, so a word of the table
// that matches there (its bytes, then a boundary: the end, a space, a byte that is
// not a letter) is made of letters and single spaces and ends where a word of
// the text ends; Table::match chooses the longest that matches. Asked from the
// most words (the table's longest word) down, the first text whose whole is the
// word the general look-up chooses on that text alone is its choice here too.

namespace finmetrics {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
  h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 31);
}

// The bytes' hash (never 0: an empty slot), in any ASCII case where Fold.
template <bool Fold>
std::uint64_t hash_bytes(const char* p, std::size_t size) noexcept {
  std::uint64_t h = (size + 1) * 0xD6E8FEB86659FD93ULL;
  std::size_t k = 0;
  for (; k + 8 <= size; k += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + k, 8);
    h = mix(h, Fold ? fold8(v) : v);
  }
  if (k < size) {
    const std::uint64_t v = load8(p + k, size - k);
    h = mix(h, Fold ? fold8(v) : v);
  }
  return h | 1;
}

bool letters_and_spaces(const std::string& t) noexcept {
  if (t.empty() || !is_letter(t.front()) || !is_letter(t.back())) return false;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k] == ' ' ? !is_letter(t[k + 1]) : !is_letter(t[k])) return false;
  }
  return true;
}

std::string cased(std::string s, bool up) {
  for (char& c : s) c = up ? upper(c) : lower(c);
  return s;
}

// Each word's first letter a capital, the others small.
std::string titled(std::string s) {
  for (std::size_t k = 0; k < s.size(); ++k) s[k] = k == 0 || s[k - 1] == ' ' ? upper(s[k]) : lower(s[k]);
  return s;
}

}  // namespace

// The bytes before the number's first digit, looked up whole among those the
// general front read when the reader was compiled (learn_fronts): the same Front,
// since what the front reads depends on nothing past that digit.
const FigureReader::FrontSlot* FigureReader::front_at(const char* p, std::size_t left, std::size_t& d) const noexcept {
  static constexpr FrontSlot nothing{.prefix = no_word, .country = no_word};
  if (front_slots_.empty()) return nullptr;
  const std::size_t limit = std::min<std::size_t>(left, front_key_bytes + 1);
  d = 0;
  while (d < limit && !is_digit(p[d])) ++d;
  if (d == limit) return nullptr;  // no digit, or too far
  if (d == 0) return &nothing;
  const std::uint64_t key = load8(p, std::min<std::size_t>(d, 8));
  const std::uint64_t key2 = d > 8 ? load8(p + 8, d - 8) : 0;
  for (std::size_t h = slot_of(key, key2, d, front_shift_);; h = (h + 1) & (front_slots_.size() - 1)) {
    const FrontSlot& slot = front_slots_[h];
    if (slot.size == 0) return nullptr;
    if (slot.key == key && slot.key2 == key2 && slot.size == d) return &slot;
  }
}

const FigureReader::TailSlot* FigureReader::tail_at(const char* p, std::size_t size) const noexcept {
  if (tail_slots_.empty() || size == 0 || size > tail_key_bytes) return nullptr;
  const std::uint64_t key = load8(p, std::min<std::size_t>(size, 8));
  const std::uint64_t key2 = size > 8 ? load8(p + 8, size - 8) : 0;
  const std::size_t mask = tail_slots_.size() - 1;
  for (std::size_t h = slot_of(key, key2, size, tail_shift_);; h = (h + 1) & mask) {
    const TailSlot& slot = tail_slots_[h];
    if (slot.size == 0) return nullptr;
    if (slot.key == key && slot.key2 == key2 && slot.size == size) return &slot;
  }
}

FigureReader::Found FigureReader::find(const Memo& memo, const char* p, std::size_t size, std::uint16_t& word,
                                       bool& lead) const noexcept {
  // hash_bytes<true>, written out for up to sixteen bytes (every word of the corpora)
  const std::uint64_t head = load8(p, size);
  std::uint64_t h = mix((size + 1) * 0xD6E8FEB86659FD93ULL, fold8(head));
  if (size > 16) {
    h = hash_bytes<true>(p, size);
  } else if (size > 8) {
    h = mix(h, fold8(load8(p + 8, size - 8))) | 1;
  } else {
    h |= 1;
  }
  const Memo::Slot* const slots = memo.slots.data();
  const std::size_t mask = memo.slots.size() - 1;
  bool is_word = false;
  lead = false;
  for (std::size_t k = h & mask;; k = (k + 1) & mask) {
    const Memo::Slot& slot = slots[k];
    if (slot.hash == h) {
      is_word = slot.is_word;
      lead = slot.lead;
      if (slot.size == size && slot.head == head &&
          (size <= 8 || std::memcmp(memo.pool.data() + slot.offset + 8, p + 8, size - 8) == 0)) {
        word = slot.word;
        return slot.word == no_word ? Found::none : Found::word;
      }
    } else if (slot.hash == 0) {
      break;
    }
  }
  // not held: no word at all, unless a word of the table is these letters in some case
  return is_word ? Found::unknown : Found::none;
}

void FigureReader::learn_memo(Memo& memo, const Table& table, std::uint8_t form) {
  memo = Memo{};
  std::vector<std::pair<std::string, std::uint16_t>> held;
  std::unordered_set<std::string> seen;
  std::vector<std::pair<std::uint64_t, std::uint8_t>> flags;  // folded hash, 1: a word's, 2: a first word
  const bool rest = &table == &pers_;  // a per-share phrase ends the text
  for (const Word& w : table.words) {
    flags.emplace_back(hash_bytes<true>(w.text.data(), w.text.size()), 1);
    if (((w.forms | w.any_case) & form) == 0 || !letters_and_spaces(w.text)) continue;
    memo.max_tokens = std::max<std::uint8_t>(
        memo.max_tokens, static_cast<std::uint8_t>(1 + std::count(w.text.begin(), w.text.end(), ' ')));
    if (const std::size_t space = w.text.find(' '); space != std::string::npos) {
      flags.emplace_back(hash_bytes<true>(w.text.data(), space), 2);
    }
    std::vector<std::string> texts{w.text};
    if ((w.any_case & form) != 0) {
      texts.push_back(cased(w.text, true));
      texts.push_back(cased(w.text, false));
      texts.push_back(titled(w.text));  // `Euros`, `New Zealand Dollars`
    }
    for (const std::string& t : texts) {
      if (!seen.insert(t).second) continue;
      const Word* chosen = rest ? table.match_rest(t, 0, t.size(), form)
                                : table.match(t, 0, t.size(), form, [&](std::size_t k) { return k >= t.size(); });
      const bool whole = chosen != nullptr && chosen->text.size() == t.size();
      held.emplace_back(t, whole ? static_cast<std::uint16_t>(chosen - table.words.data()) : no_word);
    }
  }
  fill_memo(memo, held, std::move(flags));
}

std::uint64_t FigureReader::folded_hash(std::string_view text) noexcept {
  return hash_bytes<true>(text.data(), text.size());
}

void FigureReader::fill_memo(Memo& memo, const std::vector<std::pair<std::string, std::uint16_t>>& held,
                             std::vector<std::pair<std::uint64_t, std::uint8_t>> flags) {
  // the flags of each folded text, merged
  std::sort(flags.begin(), flags.end());
  std::vector<std::pair<std::uint64_t, std::uint8_t>> merged;
  for (const auto& [h, f] : flags) {
    if (!merged.empty() && merged.back().first == h) {
      merged.back().second |= f;
    } else {
      merged.emplace_back(h, f);
    }
  }
  const auto flags_of = [&](std::uint64_t h) -> std::uint8_t {
    const auto at = std::lower_bound(merged.begin(), merged.end(), std::pair<std::uint64_t, std::uint8_t>{h, 0});
    return at != merged.end() && at->first == h ? at->second : 0;
  };
  std::size_t size = 16;
  while (size < (held.size() + merged.size()) * 2) size *= 2;
  memo.slots.assign(size, Memo::Slot{});
  const auto insert = [&](const Memo::Slot& slot) {
    std::size_t k = slot.hash & (size - 1);
    while (memo.slots[k].hash != 0) k = (k + 1) & (size - 1);
    memo.slots[k] = slot;
  };
  for (const auto& [t, word] : held) {
    Memo::Slot slot;
    slot.hash = hash_bytes<true>(t.data(), t.size());
    slot.head = load8(t.data(), t.size());
    slot.offset = static_cast<std::uint32_t>(memo.pool.size());
    slot.size = static_cast<std::uint16_t>(t.size());
    slot.word = word;
    slot.is_word = (flags_of(slot.hash) & 1) != 0;
    slot.lead = (flags_of(slot.hash) & 2) != 0;
    memo.pool += t;
    insert(slot);
  }
  for (const auto& [h, f] : merged) {
    Memo::Slot slot;  // the flags alone (size 0: never a held text)
    slot.hash = h;
    slot.word = no_word;
    slot.is_word = (f & 1) != 0;
    slot.lead = (f & 2) != 0;
    insert(slot);
  }
}

void FigureReader::learn_memos() {
  fast_ = false;
  if (front_slots_.empty()) return;
  // A word that starts with a space would match where the fast path says nothing does.
  // And one that holds a wide space would match across what the fast path takes for
  // two words.
  for (const Table* t : {&scales_, &markers_, &pers_}) {
    for (const Word& w : t->words) {
      if (w.text.empty() || w.text.front() == ' ') return;
      for (const char* wide : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
        if (w.text.find(wide) != std::string::npos) return;
      }
    }
  }
  learn_memo(scale_attached_, scales_, after_attached);
  learn_memo(scale_spaced_, scales_, after_spaced);
  learn_memo(marker_attached_, markers_, after_attached);
  learn_memo(marker_spaced_, markers_, after_spaced);
  learn_memo(per_memo_, pers_, after_spaced);
  fast_ = true;
}

inline bool FigureReader::read_units_fast(std::string_view s, std::size_t b, std::size_t n, const FrontSlot& front,
                                   std::size_t i, std::uint64_t digits, int fraction, bool dot_three, bool in_words,
                                   bool needs_scale, FigureReading& out) const noexcept {
  const char* const p = s.data();
  // The units: ASCII words, one space between them (a space first or not), at most
  // eight; else a scale and a marker written onto the number (`万円`, `bn€`), looked
  // up whole.
  // A space between them is U+0020, or a wide one where the general path reads it as one.
  const auto gap = [&](std::size_t at) -> std::size_t {
    return p[at] == ' ' ? 1 : wide_spaces_ ? space_at(s, at, n) : 0;
  };
  std::uint32_t first[8], last[8];
  int words = 0;
  std::size_t k = i;
  const std::size_t first_gap = k < n ? gap(k) : 0;
  const bool spaced = first_gap != 0;
  k += first_gap;
  while (k < n) {
    if (words == 8 || !is_letter(p[k])) {
      return front.prefix == no_word && !in_words && read_tail(p, b, n, front, i, digits, fraction, dot_three, out);
    }
    first[words] = static_cast<std::uint32_t>(k);
    while (k < n && is_letter(p[k])) ++k;
    last[words++] = static_cast<std::uint32_t>(k);
    if (k < n) {
      const std::size_t g = gap(k);
      if (g == 0 || (k += g) == n) {
        return front.prefix == no_word && !in_words && read_tail(p, b, n, front, i, digits, fraction, dot_three, out);
      }
    }
  }
  if (spaced && words == 0) return false;
  const auto step = [&](const Memo& memo, int t, std::uint16_t& word) {
    return longest_run(memo, p, first, last, t, words, word);
  };
  int t = 0;
  std::uint16_t w = 0;
  const Word* scale = nullptr;
  if (words > 0) {
    const int got = step(spaced ? scale_spaced_ : scale_attached_, 0, w);
    if (got < 0) return false;
    if (got > 0) {
      scale = &scales_.words[w];
      t = got;
    }
  }
  if ((dot_three || needs_scale) && scale == nullptr) return false;  // `1.234`: which locale? `a`: a what?
  const Word* marker = front.prefix == no_word ? nullptr : &markers_.words[front.prefix];
  std::uint8_t marker_form = front.marker_form;
  auto marker_begin = static_cast<std::uint32_t>(b + front.marker_begin);
  auto marker_end = static_cast<std::uint32_t>(b + front.marker_end);
  if (marker == nullptr) {
    // attached right after the number, else after a space
    const bool attached = t == 0 && !spaced;
    if (t >= words) return false;
    const int got = step(attached ? marker_attached_ : marker_spaced_, t, w);
    if (got <= 0) return false;
    marker = &markers_.words[w];
    marker_form = attached ? after_attached : after_spaced;
    marker_begin = first[t];
    marker_end = last[t + got - 1];
    t += got;
  }
  if (scale != nullptr && (marker->scaled & marker_form) == 0) return false;
  // What the amount is per: the rest, after a space.
  const Word* per = nullptr;
  if (t < words) {
    if (t == 0 && !spaced) return false;
    bool lead = false;
    if (find(per_memo_, p + first[t], n - first[t], w, lead) != Found::word) return false;
    per = &pers_.words[w];
  }

  out.digits = digits;
  out.fraction_digits = fraction;
  out.shift = marker->shift + (per != nullptr ? per->shift : 0);
  out.scale = scale != nullptr ? scale->scale : scales::units;
  out.negative = front.negative;
  out.currency = marker->currency;
  out.per = per != nullptr ? per->per : Per::whole;
  out.qualifier = front.qualifier;
  out.currency_source = marker->source;
  out.currency_family = marker->family;
  out.begin = static_cast<std::uint32_t>(b);
  out.end = static_cast<std::uint32_t>(n);
  out.qualifier_end = static_cast<std::uint32_t>(b + front.qualifier_end);
  out.marker_begin = marker_begin;
  out.marker_end = marker_end;
  out.range = false;
  out.upper_digits = 0;
  out.upper_fraction_digits = 0;
  return true;
}

bool FigureReader::read_fast(std::string_view s, std::size_t b, std::size_t n, const FrontSlot& front, std::size_t d,
                             FigureReading& out) const noexcept {
  // (a range needs a digit, '-' or U+2013 after the number: never read here)
  if (front.country != no_word || front.inner) return false;
  const char* const p = s.data();

  // The number: digits, groups of three after commas, decimals (at most 18 digits);
  // anything else after it (another separator, a space and a digit) is the general path's.
  std::size_t i = b + d;
  PlainNumber number;
  if (!read_plain_number(p, i, n, number)) return false;
  return read_units_fast(s, b, n, front, i, number.digits, number.fraction, dot_three_ambiguous_ && number.dot_three(p),
                         false, false, out);
}

// A number in words (`eleven`, `half a`, `twenty-five`), read by the tables' number
// words where no marker, country prefix, sign or parentheses stand before it, then
// its units as the fast path reads them (a scale required after `a` and `half a`).
bool FigureReader::read_words_fast(std::string_view s, std::size_t b, std::size_t n, const Front& f,
                                   FigureReading& out) const noexcept {
  if (f.prefix != nullptr || f.country != nullptr || f.negative || f.outer || f.inner || f.i >= n ||
      !is_letter(s[f.i]) || f.qualifier_end - b > 0xFF) {
    return false;
  }
  std::size_t i = f.i;
  std::uint64_t digits = 0;
  int fraction = 0;
  bool needs_scale = false;
  if (!number_words(s, i, n, digits, fraction, needs_scale)) return false;
  FrontSlot front;
  front.prefix = front.country = no_word;
  front.qualifier = f.qualifier;
  front.qualifier_end = static_cast<std::uint8_t>(f.qualifier_end - b);
  return read_units_fast(s, b, n, front, i, digits, fraction, false, true, needs_scale, out);
}

// The rest [i, n) after the number, where it is not ASCII words, as the tails table
// read it when it was compiled (no marker before the number: it would be the
// figure's, and the rest then only a scale).
bool FigureReader::read_tail(const char* p, std::size_t b, std::size_t n, const FrontSlot& front, std::size_t i,
                             std::uint64_t digits, int fraction, bool dot_three, FigureReading& out) const noexcept {
  const TailSlot* tail = tail_at(p + i, n - i);
  if (tail == nullptr || (dot_three && !tail->scaled)) return false;
  out.digits = digits;
  out.fraction_digits = fraction;
  out.shift = tail->shift;
  out.scale = tail->scale;
  out.negative = front.negative;
  out.currency = tail->currency;
  out.per = tail->per;
  out.qualifier = front.qualifier;
  out.currency_source = tail->source;
  out.currency_family = tail->family;
  out.begin = static_cast<std::uint32_t>(b);
  out.end = static_cast<std::uint32_t>(n);
  out.qualifier_end = static_cast<std::uint32_t>(b + front.qualifier_end);
  out.marker_begin = static_cast<std::uint32_t>(i + tail->marker_begin);
  out.marker_end = static_cast<std::uint32_t>(i + tail->marker_end);
  out.range = false;
  out.upper_digits = 0;
  out.upper_fraction_digits = 0;
  return true;
}

// (here, with the fast path it asks first)
bool FigureReader::read(std::string_view s, FigureReading& out, bool ranges) const noexcept {
  std::size_t b = 0, n = 0;
  if (!trimmed(s, b, n)) return false;
  // `between X and Y`, `from X to Y`: a range or nothing, first
  const bool keyword = ranges && range_keyword(s, b, n);
  if (keyword && read_range(s, b, n, out)) return true;
  Front f;
  std::size_t d = 0;
  if (const FrontSlot* front = front_at(s.data() + b, n - b, d)) {
    if (fast_ && read_fast(s, b, n, *front, d, out)) return true;
    f = front_of(*front, b, d);
  } else if (!read_front(s, b, n, f)) {
    return ranges && !keyword && read_range(s, b, n, out);
  } else if (fast_ && read_words_fast(s, b, n, f, out)) {
    return true;
  }
  return read_rest(s, b, n, f, out, ranges) || (ranges && !keyword && read_range(s, b, n, out));
}

}  // namespace finmetrics
