#include <cstring>

#include "figure_reader_bytes.hpp"
#include "figure_reader_match.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/parse/figure_reader.hpp"

// FigureReader's ranges whose ends are written each as a figure: `between ₹7 and 22
// lakh crore`, `from ISK0.6 million to ISK1.6 million`, `£354.4 million–£907.2
// million`, `A$429-A$832 per ADS`, `5m to 11m canadian dollars`. Each end is read
// as the fast path reads a figure (a cached front, a plain number, ASCII words
// looked up whole), except that its marker may be the other end's; the ends are
// then joined as the grammar joins them (parse_figure.cpp, join_range): the lower
// end takes the upper one's scale where it has none, an end without a currency
// takes the other's marker, the upper end's per-share phrase is both's, and the
// lower end may not be above the upper one. Anything else (a hedge, a sign, a
// minor unit, a count, a tail that is not ASCII words) is left to the grammar.

namespace finmetrics {

using namespace figure_reader_detail;

namespace {

// The words after an end's number: letter runs with one space (or a wide one where
// it reads as one) between them.
struct Words {
  static constexpr int capacity = 8;
  std::uint32_t first[capacity], last[capacity];
  bool gapped[capacity];  // a space follows the word
  int count = 0;
  bool spaced = false;  // a space between the number and the first word
  std::size_t end = 0;  // where the run stopped: past the last word's space, or at what is no word
};

}  // namespace

bool FigureReader::read_range(std::string_view s, std::size_t b, std::size_t n, FigureReading& out) const noexcept {
  if (!fast_ || !ranges_) return false;
  const char* const p = s.data();
  const auto gap = [&](std::size_t at) -> std::size_t {
    return at >= n ? 0 : p[at] == ' ' ? 1 : wide_spaces_ ? space_at(s, at, n) : 0;
  };
  const auto is_dash = [&](std::size_t at) -> std::size_t {
    if (at >= n) return 0;
    if (p[at] == '-') return 1;
    return at + 2 < n && static_cast<unsigned char>(p[at]) == 0xE2 && static_cast<unsigned char>(p[at + 1]) == 0x80 &&
                   static_cast<unsigned char>(p[at + 2]) == 0x93
               ? 3
               : 0;  // U+2013
  };
  const auto is = [&](const Words& w, int t, const char* word, std::size_t size) {
    return w.last[t] - w.first[t] == size && std::memcmp(p + w.first[t], word, size) == 0;
  };

  // `between X and Y`, `from X to Y` (as written: the grammar reads other cases too);
  // else `X-Y`, `X–Y`, `X to Y`.
  enum class Keyword : std::uint8_t { none, between, from };
  Keyword keyword = Keyword::none;
  std::size_t i = b;
  if (const std::size_t k = range_keyword(s, b, n)) {
    keyword = k == 8 ? Keyword::between : Keyword::from;
    i += k;
  }

  struct End {
    PlainNumber number;
    bool dot_three = false;
    const Word* scale = nullptr;
    const Word* marker = nullptr;  // its own
    std::uint8_t marker_form = 0;
    std::uint32_t marker_begin = 0, marker_end = 0;
    const Word* per = nullptr;
  };
  // An end's front (a marker, or nothing: no hedge, sign, parentheses or country
  // prefix) and number, at `at`; `k` past the number.
  const auto number_at = [&](std::size_t at, End& e, std::size_t& k) -> bool {
    if (at >= n || p[at] == ' ' || p[at] == '\t' || gap(at) != 0) return false;  // (more space than one)
    std::size_t d = 0;
    const FrontSlot* front = front_at(p + at, n - at, d);
    if (front == nullptr || front->qualifier != Qualifier::none || front->negative || front->inner ||
        front->country != no_word) {
      return false;
    }
    if (front->prefix != no_word) {
      e.marker = &markers_.words[front->prefix];
      e.marker_form = front->marker_form;
      e.marker_begin = static_cast<std::uint32_t>(at + front->marker_begin);
      e.marker_end = static_cast<std::uint32_t>(at + front->marker_end);
    }
    k = at + d;
    if (!read_plain_number(p, k, n, e.number)) return false;
    e.dot_three = dot_three_ambiguous_ && e.number.dot_three(p);
    return true;
  };
  // The words from k on, as many as there are (at most Words::capacity).
  const auto words_at = [&](std::size_t k, Words& w) {
    const std::size_t g = gap(k);
    w.spaced = g != 0;
    k += g;
    while (k < n && w.count < Words::capacity && is_letter(p[k])) {
      w.first[w.count] = static_cast<std::uint32_t>(k);
      while (k < n && is_letter(p[k])) ++k;
      w.last[w.count] = static_cast<std::uint32_t>(k);
      const std::size_t after = gap(k);
      w.gapped[w.count++] = after != 0;
      if (after == 0) break;
      k += after;
    }
    w.end = k;
  };
  // The scale and the marker (where the end has none yet) of words [0, stop): the
  // longest words the fast path chooses there, over all the words (so that a word
  // of several that runs on past `stop` is seen); false unless they are all of them.
  const auto units = [&](const Words& w, int stop, End& e) -> bool {
    int t = 0;
    std::uint16_t word = 0;
    if (stop > 0) {
      const int got = longest_run(w.spaced ? scale_spaced_ : scale_attached_, p, w.first, w.last, 0, w.count, word);
      if (got < 0) return false;
      if (got > 0) {
        e.scale = &scales_.words[word];
        t = got;
      }
    }
    if (e.marker == nullptr && t < stop) {
      const bool attached = t == 0 && !w.spaced;
      const int got = longest_run(attached ? marker_attached_ : marker_spaced_, p, w.first, w.last, t, w.count, word);
      if (got <= 0) return false;
      e.marker = &markers_.words[word];
      e.marker_form = attached ? after_attached : after_spaced;
      e.marker_begin = w.first[t];
      e.marker_end = w.last[t + got - 1];
      t += got;
    }
    return t == stop;
  };

  // The lower end, up to the separator: `and` after `between`, `to` after `from`,
  // else `to` or a dash right after it.
  End low, high;
  std::size_t k = 0;
  if (!number_at(i, low, k)) return false;
  Words lw;
  words_at(k, lw);
  int stop = 0;
  std::size_t high_begin = 0;
  const char* const separator = keyword == Keyword::between ? "and" : "to";
  const std::size_t separator_size = keyword == Keyword::between ? 3 : 2;
  while (stop < lw.count && !is(lw, stop, separator, separator_size)) ++stop;
  if (stop < lw.count) {
    if (!lw.gapped[stop] || (stop == 0 && !lw.spaced)) return false;
    high_begin = lw.last[stop] + gap(lw.last[stop]);
  } else if (keyword == Keyword::none) {
    // a dash right after the number or its last word
    const std::size_t at = lw.count == 0 ? k : lw.last[lw.count - 1];
    if ((lw.count == 0 && lw.spaced) || (lw.count > 0 && lw.gapped[lw.count - 1])) return false;
    const std::size_t dash = is_dash(at);
    if (dash == 0) return false;
    high_begin = at + dash;
  } else {
    return false;
  }
  if (!units(lw, stop, low)) return false;

  // The upper end, to the end of the text: as the fast path reads a figure, its
  // marker and per-share phrase optional.
  if (!number_at(high_begin, high, k)) return false;
  Words hw;
  words_at(k, hw);
  if (hw.end != n || (hw.count > 0 && hw.gapped[hw.count - 1])) return false;
  if (hw.spaced && hw.count == 0) return false;
  {
    int t = 0;
    std::uint16_t word = 0;
    if (hw.count > 0) {
      const int got = longest_run(hw.spaced ? scale_spaced_ : scale_attached_, p, hw.first, hw.last, 0, hw.count, word);
      if (got < 0) return false;
      if (got > 0) {
        high.scale = &scales_.words[word];
        t = got;
      }
    }
    if (high.marker == nullptr && t < hw.count) {
      const bool attached = t == 0 && !hw.spaced;
      const int got = longest_run(attached ? marker_attached_ : marker_spaced_, p, hw.first, hw.last, t, hw.count, word);
      if (got < 0) return false;
      if (got > 0) {
        high.marker = &markers_.words[word];
        high.marker_form = attached ? after_attached : after_spaced;
        high.marker_begin = hw.first[t];
        high.marker_end = hw.last[t + got - 1];
        t += got;
      }
    }
    if (t < hw.count) {
      if (t == 0 && !hw.spaced) return false;
      bool lead = false;
      if (find(per_memo_, p + hw.first[t], n - hw.first[t], word, lead) != Found::word) return false;
      high.per = &pers_.words[word];
    }
  }

  // Joined as the grammar joins the ends: one currency (an end without a marker takes
  // the other's), the lower end's scale the upper one's where it states none, no
  // minor unit, the upper end's per-share phrase (no shift) both's.
  const End& by = low.marker != nullptr ? low : high;
  if (by.marker == nullptr) return false;
  if (low.marker != nullptr && high.marker != nullptr && low.marker->currency != high.marker->currency) return false;
  if (by.marker->shift != 0 || (high.marker != nullptr && high.marker->shift != 0)) return false;
  if (high.per != nullptr && high.per->shift != 0) return false;
  const Word* const low_scale = low.scale != nullptr ? low.scale : high.scale;
  // each end's marker (its own or the other's) with its scale, as the tables learned them
  const auto scaled = [](const End& marked, const Word* scale) {
    return scale == nullptr || (marked.marker->scaled & marked.marker_form) != 0;
  };
  if (!scaled(low.marker != nullptr ? low : by, low_scale) || !scaled(high.marker != nullptr ? high : by, high.scale)) {
    return false;
  }
  if ((low.dot_three && low_scale == nullptr) || (high.dot_three && high.scale == nullptr)) return false;  // `1.234`
  // the lower end not above the upper one, compared at the finer quantum
  const int low_exponent = (low_scale != nullptr ? low_scale->scale.exponent : 0) - low.number.fraction;
  const int high_exponent = (high.scale != nullptr ? high.scale->scale.exponent : 0) - high.number.fraction;
  const int common = std::min(low_exponent, high_exponent);
  if (low_exponent - common > 19 || high_exponent - common > 19) return false;
  detail::u128 low_value = low.number.digits, high_value = high.number.digits;
  for (int x = common; x < low_exponent; ++x) low_value *= 10;
  for (int x = common; x < high_exponent; ++x) high_value *= 10;
  if (low_value > high_value) return false;

  out.digits = low.number.digits;
  out.fraction_digits = low.number.fraction;
  out.shift = 0;
  out.scale = low_scale != nullptr ? low_scale->scale : scales::units;
  out.negative = false;
  out.currency = by.marker->currency;
  out.per = high.per != nullptr ? high.per->per : Per::whole;
  out.qualifier = Qualifier::none;
  out.currency_source = by.marker->source;
  out.currency_family = by.marker->family;
  out.begin = static_cast<std::uint32_t>(b);
  out.end = static_cast<std::uint32_t>(n);
  out.qualifier_end = static_cast<std::uint32_t>(b);
  out.marker_begin = by.marker_begin;
  out.marker_end = by.marker_end;
  out.range = true;
  out.upper_digits = high.number.digits;
  // the upper end's own scale, in the quantum of the lower end's
  out.upper_fraction_digits = high.number.fraction + out.scale.exponent - (high.scale != nullptr ? high.scale->scale.exponent : 0);
  return true;
}

}  // namespace finmetrics
