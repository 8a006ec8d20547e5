#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "figure_reader_bytes.hpp"
#include "figure_reader_match.hpp"
#include "finmetrics/lexicon/builtin_sources.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"

// FigureReader's refusals: a beginning it learned parse_figure refuses (a marker of
// several currencies, or none it knows, before the number: refused_front), and two ways parse_figure refuses a figure that the reader
// can tell from the words it already looks up, with parse_figure's error (the
// grammar takes some thousands of instructions to reach them, and formats them
// with fmt): a currency marker after the number where one stood before it
// (`€5.2bn Singapore dollars`: the grammar's set_marker and set_currency refuse
// any second marker but a minor unit of the first's family), and a currency word
// that several currencies share (`8bn pesos`: Lexicon::resolve), whose message the
// reader learns from parse_figure itself when it is compiled. Only where the word
// ends the figure or stands before what it is per: a word of several the tables do
// not hold could otherwise start there.

namespace finmetrics {

using namespace figure_reader_detail;

namespace {

std::string cased(std::string s, bool up) {
  for (char& c : s) c = up ? upper(c) : lower(c);
  return s;
}

}  // namespace

void FigureReader::learn_refusals() {
  ambiguous_ = Memo{};
  ambiguous_ends_.clear();
  if (options_.lexicon != nullptr) return;  // (the built-in lexicon's words are the candidates)
  std::vector<std::pair<std::string, std::uint16_t>> held;
  std::vector<std::pair<std::uint64_t, std::uint8_t>> flags;
  const std::string head = "ambiguous currency '";
  for (const std::string& w : detail::builtin_lexicon_words("currencies.csv")) {
    if (w.empty() || !std::all_of(w.begin(), w.end(), is_letter)) continue;
    const CurrencyMarker* m = lexicon_->currency_marker_after_number(w);
    if (m == nullptr || m->currency || m->country || m->divisor != 1 || m->multiple != 1 || m->coin) continue;
    flags.emplace_back(folded_hash(w), 1);  // a case not asked about is not decided
    std::string title = cased(w, false);
    title[0] = upper(title[0]);
    for (const std::string& text : {w, cased(w, true), cased(w, false), title}) {
      if (std::find_if(held.begin(), held.end(), [&](const auto& h) { return h.first == text; }) != held.end()) continue;
      // the same refusal after a number, a scale, a hedge: the end of its message
      std::string end;
      bool same = true;
      for (const auto& [before, at] : {std::pair<std::string, std::size_t>{"1 ", 2}, {"1.5 billion ", 12}, {"about 1bn ", 10}}) {
        const auto r = parse_detail::parse_figure_unmemoized(before + text, options_);
        const std::string start = head + text + "'";
        if (r || r.error().code != Errc::ambiguous || r.error().position != at || r.error().message.rfind(start, 0) != 0 ||
            (!end.empty() && r.error().message.substr(start.size()) != end)) {
          same = false;
          break;
        }
        end = r.error().message.substr(start.size());
      }
      if (!same || end.empty()) continue;
      held.emplace_back(text, static_cast<std::uint16_t>(ambiguous_ends_.size()));
      ambiguous_ends_.push_back(std::move(end));
    }
  }
  fill_memo(ambiguous_, held, std::move(flags));
}

bool FigureReader::refuses(std::string_view s, Error& error) const {
  std::size_t b = 0, n = 0;
  if (!fast_ || !trimmed(s, b, n)) return false;
  const char* const p = s.data();
  std::size_t d = 0;
  const FrontSlot* front = front_at(p + b, n - b, d);
  if (front == nullptr) return refused_front(s, b, n, d, error);
  if (front->country != no_word || front->inner) return false;
  std::size_t i = b + d;
  PlainNumber number;
  if (!read_plain_number(p, i, n, number)) return false;

  // ASCII words to the end, one space (or a wide one that reads as one) between them
  const auto gap = [&](std::size_t at) -> std::size_t {
    return at >= n ? 0 : p[at] == ' ' ? 1 : wide_spaces_ ? space_at(s, at, n) : 0;
  };
  std::uint32_t first[8], last[8];
  int words = 0;
  std::size_t k = i;
  const bool spaced = gap(k) != 0;
  k += gap(k);
  while (k < n) {
    if (words == 8 || !is_letter(p[k])) return false;
    first[words] = static_cast<std::uint32_t>(k);
    while (k < n && is_letter(p[k])) ++k;
    last[words++] = static_cast<std::uint32_t>(k);
    if (k < n) {
      const std::size_t g = gap(k);
      if (g == 0 || (k += g) == n) return false;
    }
  }
  if (words == 0) return false;
  // a scale, as the fast path reads one
  int t = 0;
  std::uint16_t w = 0;
  const int scale = longest_run(spaced ? scale_spaced_ : scale_attached_, p, first, last, 0, words, w);
  if (scale < 0) return false;
  t = scale;
  if (t >= words || (t == 0 && !spaced)) return false;
  // the word ends the figure, or what follows is what it is per
  const auto ends = [&](int after) {
    if (after == words) return true;
    bool lead = false;
    std::uint16_t per = 0;
    return find(per_memo_, p + first[after], n - first[after], per, lead) == Found::word;
  };
  const int got = longest_run(marker_spaced_, p, first, last, t, words, w);
  if (got < 0) return false;
  if (front->prefix != no_word) {
    // a second marker (a minor unit of the first's family would add its unit)
    if (got == 0 || markers_.words[w].shift != 0 || !ends(t + got)) return false;
    const std::string_view one(p + b + front->marker_begin, front->marker_end - front->marker_begin);
    const std::string_view two(p + first[t], last[t + got - 1] - first[t]);
    std::string message = "two currency markers: '";
    message.append(one).append("' and '").append(two).append("'");
    error = make_error(Errc::syntax, std::move(message), s, first[t]);
    return true;
  }
  // a currency word that several currencies share
  if (got != 0 || !ends(t + 1)) return false;
  bool lead = false;
  std::uint16_t which = 0;
  if (find(ambiguous_, p + first[t], last[t] - first[t], which, lead) != Found::word) return false;
  std::string message = "ambiguous currency '";
  message.append(p + first[t], last[t] - first[t]).append("'").append(ambiguous_ends_[which]);
  error = make_error(Errc::ambiguous, std::move(message), s, first[t]);
  return true;
}

bool FigureReader::refused_front(std::string_view s, std::size_t b, std::size_t n, std::size_t d, Error& error) const {
  if (refused_fronts_.empty() || d == 0 || d > front_key_bytes || b + d >= n || !is_digit(s[b + d])) return false;
  const char* const p = s.data() + b;
  const std::uint64_t key = load8(p, std::min<std::size_t>(d, 8));
  const std::uint64_t key2 = d > 8 ? load8(p + 8, d - 8) : 0;
  const std::size_t mask = refused_fronts_.size() - 1;
  for (std::size_t h = slot_of(key, key2, d, refused_shift_);; h = (h + 1) & mask) {
    const RefusedFront& slot = refused_fronts_[h];
    if (slot.size == 0) return false;
    if (slot.key == key && slot.key2 == key2 && slot.size == d) {
      error = make_error(slot.code, refused_messages_[slot.message], s, b);
      return true;
    }
  }
}

}  // namespace finmetrics
