#include "finmetrics/parse/figure_reader.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "figure_reader_bytes.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/lexicon/builtin_sources.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"

// The reader compiles its tables by asking parse_figure: every word of the
// lexicon is tried in each position on a few sample figures, and kept there only
// where read + to_quoted_figure give parse_figure's QuotedFigure field for field
// (`agrees`). What the tables cannot say (the number, the order of the pieces) is
// the grammar of docs/figures.md written out for its commonest corner; whatever is
// outside it, read() leaves to parse_figure.

namespace finmetrics {

using namespace figure_reader_detail;

namespace {

std::string to_upper(std::string s) {
  for (char& c : s) c = upper(c);
  return s;
}
std::string to_lower(std::string s) {
  for (char& c : s) c = lower(c);
  return s;
}
// "eUrOs": a mixture of cases no list writes, so that only a case-folded word reads it.
std::string alternating(std::string s) {
  bool up = false;
  for (char& c : s) {
    if (!is_letter(c)) continue;
    c = up ? upper(c) : lower(c);
    up = !up;
  }
  return s;
}

// A sample figure around a word: before + word + after.
struct Sample {
  std::string_view before, after;
};
std::string around(const Sample& sample, const std::string& word) {
  std::string t;
  t.reserve(sample.before.size() + word.size() + sample.after.size());
  t.append(sample.before).append(word).append(sample.after);
  return t;
}

bool same_decimal(const Decimal& a, const Decimal& b) { return a.same_quantum(b) && a.coefficient() == b.coefficient(); }

// Every field of two figures, the quantum of each Decimal included.
bool same_figure(const QuotedFigure& a, const QuotedFigure& b) {
  return a.text == b.text && a.span == b.span && same_decimal(a.value, b.value) && same_decimal(a.number, b.number) &&
         a.scale.exponent == b.scale.exponent && a.scale.symbol == b.scale.symbol && a.unit == b.unit &&
         a.qualifier == b.qualifier && a.upper.has_value() == b.upper.has_value() &&
         (!a.upper || same_decimal(*a.upper, *b.upper)) &&
         same_decimal(a.tolerances.approximate, b.tolerances.approximate) &&
         same_decimal(a.tolerances.just_below, b.tolerances.just_below) &&
         same_decimal(a.tolerances.just_above, b.tolerances.just_above) &&
         a.currency_source == b.currency_source && a.currency_marker == b.currency_marker &&
         a.currency_span == b.currency_span && a.currency_family == b.currency_family &&
         a.qualifier_span == b.qualifier_span;
}


}  // namespace

void FigureReader::Table::index() {
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const Word& w) { return (w.forms | w.any_case) == 0 || w.text.empty(); }),
              words.end());
  const bool any_code = std::any_of(words.begin(), words.end(), [](const Word& w) { return is_code(w.text); });
  // Only the slots set before are cleared: a table is indexed again for each word
  // tried while it is learned.
  if (!any_code) {
    codes.clear();
    code_shadowed.clear();
  } else if (codes.empty()) {
    codes.assign(26 * 26 * 26, no_word);
    code_shadowed.assign(codes.size(), 0);
  } else {
    for (const std::size_t slot : code_slots) {
      codes[slot] = no_word;
      code_shadowed[slot] = 0;
    }
  }
  code_slots.clear();
  std::vector<Listed>& listed = listing;  // kept: a table is indexed again and again
  // a probe under each case of its first two bytes
  const auto list = [&](const std::string& text, const Probe& probe, bool any_case) {
    const auto b0 = static_cast<unsigned char>(text[0]);
    const bool one_byte = text.size() == 1;
    const auto b1 = one_byte ? static_cast<unsigned char>(0) : static_cast<unsigned char>(text[1]);
    const unsigned char firsts[2] = {any_case ? static_cast<unsigned char>(lower(static_cast<char>(b0))) : b0,
                                     any_case ? static_cast<unsigned char>(upper(static_cast<char>(b0))) : b0};
    const unsigned char seconds[2] = {any_case ? static_cast<unsigned char>(lower(static_cast<char>(b1))) : b1,
                                      any_case ? static_cast<unsigned char>(upper(static_cast<char>(b1))) : b1};
    for (int x = 0; x < 2; ++x) {
      if (x == 1 && firsts[1] == firsts[0]) break;
      for (int y = 0; y < 2; ++y) {
        if (y == 1 && seconds[1] == seconds[0]) break;
        const std::size_t h = one_byte ? single_bucket(firsts[x]) : bucket(firsts[x], seconds[y]);
        listed.push_back(Listed{static_cast<std::uint16_t>(h), firsts[x], probe});
      }
    }
  };
  listed.clear();
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (is_code(w.text)) {
      codes[code_slot(w.text.data())] = static_cast<std::uint16_t>(k);
      code_slots.push_back(code_slot(w.text.data()));
      continue;
    }
    // a longer word that starts with three capitals, or with three letters in any case ("USDollars")
    if (any_code && w.text.size() >= 3 && is_letter(w.text[0]) && is_letter(w.text[1]) && is_letter(w.text[2]) &&
        ((w.text.size() > 3 && is_capital(w.text[0]) && is_capital(w.text[1]) && is_capital(w.text[2])) ||
         w.any_case != 0)) {
      code_shadowed[code_slot(w.text.data())] = 1;
      code_slots.push_back(code_slot(w.text.data()));
    }
    Probe probe;
    probe.word = static_cast<std::uint16_t>(k);
    probe.size = static_cast<std::uint8_t>(std::min<std::size_t>(w.text.size(), 255));
    const std::size_t head = std::min<std::size_t>(w.text.size(), 8);
    probe.mask = head == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * head)) - 1;
    if (w.forms != 0) {
      probe.key = load8(w.text.data(), head);
      probe.forms = w.forms;
      probe.folded = false;
      list(w.text, probe, false);
    }
    if (w.any_case != 0) {
      probe.key = fold8(load8(w.text.data(), head));
      probe.forms = w.any_case;
      probe.folded = true;
      list(w.text, probe, true);
    }
  }
  // By bucket, longest first (as written before in any case, for the same word);
  // a table of one word (while it is learned) needs little sorting.
  // A table of a few probes (one word, while it is learned) is asked probe by
  // probe, longest first, without buckets.
  small = listed.size() <= 4;
  if (!small) {
    std::stable_sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
      if (a.bucket != b.bucket) return a.bucket < b.bucket;
      return a.probe.size > b.probe.size;
    });
  } else {
    for (std::size_t k = 1; k < listed.size(); ++k) {
      for (std::size_t j = k; j > 0 && listed[j].probe.size > listed[j - 1].probe.size; --j) std::swap(listed[j], listed[j - 1]);
    }
  }
  probes.clear();
  starts.fill(false);
  for (const Listed& e : listed) starts[e.byte] = true;
  if (any_code) {
    for (char c = 'A'; c <= 'Z'; ++c) starts[static_cast<unsigned char>(c)] = starts[static_cast<unsigned char>(c + 32)] = true;
  }
  if (small) {
    for (const Listed& e : listed) probes.push_back(e.probe);
    return;
  }
  // first[h]: how many probes are in a bucket below h
  std::size_t b = 0;
  for (std::size_t k = 0; k < listed.size(); ++k) {
    probes.push_back(listed[k].probe);
    const std::size_t byte = listed[k].bucket;
    if (byte + 1 > b) {
      std::fill(first.begin() + static_cast<std::ptrdiff_t>(b), first.begin() + static_cast<std::ptrdiff_t>(byte) + 1,
                static_cast<std::uint32_t>(k));
      b = byte + 1;
    }
  }
  std::fill(first.begin() + static_cast<std::ptrdiff_t>(b), first.end(), static_cast<std::uint32_t>(listed.size()));
}
bool FigureReader::agrees(const std::string& text) const {
  // the reader first: where it answers nothing, parse_figure need not be asked
  FigureReading r;
  if (!read(text, r, true)) return false;
  const auto general = parse_detail::parse_figure_unmemoized(text, options_);
  return general && same_figure(to_quoted_figure(text, r), *general);
}

FigureReader::FigureReader(const ParseOptions& options, Learning learning)
    : options_(options), lexicon_(options.lexicon != nullptr ? options.lexicon : &Lexicon::builtin()), learning_(learning) {
  family_names_.resize(256);
  for (std::size_t f = 0; f < family_names_.size(); ++f) {
    family_names_[f] = lexicon_->family_name(static_cast<CurrencyFamily>(f));
  }
  // Numbers the English way: comma groups of three, a decimal point; without a
  // locale `1.234` is ambiguous unless a scale follows. Other locales are parse_figure's.
  const NumberLocale* locale = options.locale.empty() ? nullptr : lexicon_->locale(options.locale);
  if (!options.locale.empty() &&
      (locale == nullptr || locale->decimal != '.' || locale->group_dot || locale->group_apostrophe || !locale->group_comma))
    return;
  dot_three_ambiguous_ = locale == nullptr;
  space_groups_ = locale == nullptr || locale->group_space;
  indian_locale_ = locale != nullptr && locale->indian;

  // The code markers first: the samples of everything else are written with them.
  enabled_ = true;
  const std::vector<std::pair<std::string, std::string>> shared = learn_markers();
  for (Word& w : markers_.words) w.scaled = 0xF;  // for the samples of the scales
  learn_scales();
  // Where a scale may stand with a marker (`US$1.5bn`, `1.5 billion US dollars`);
  // a code that shares a learned code's word shares this too.
  const bool every_sample = learning_ == Learning::exhaustive;
  std::vector<std::pair<std::string_view, std::uint8_t>> scaled_of;
  for (Word& w : markers_.words) {
    if (std::binary_search(shared.begin(), shared.end(), std::pair<std::string, std::string>{w.text, ""},
                           [](const auto& a, const auto& b) { return a.first < b.first; })) {
      continue;
    }
    const std::string& m = w.text;
    std::uint8_t scaled = 0;
    const auto keep = [&](Form form, Sample first, Sample second) {
      return (w.forms & form) != 0 && agrees(around(first, m)) && (!every_sample || agrees(around(second, m)));
    };
    if (keep(before_attached, {"", "1.5bn"}, {"", "2 billion"})) scaled |= before_attached;
    if (keep(before_spaced, {"", " 1.5bn"}, {"", " 2 billion"})) scaled |= before_spaced;
    if (keep(after_attached, {"1.5bn", ""}, {"2k", ""})) scaled |= after_attached;
    if (keep(after_spaced, {"1.5bn ", ""}, {"2 billion ", ""})) scaled |= after_spaced;
    w.scaled = scaled;
    scaled_of.emplace_back(w.text, scaled);
  }
  std::sort(scaled_of.begin(), scaled_of.end());
  for (Word& w : markers_.words) {
    const auto copy = std::lower_bound(shared.begin(), shared.end(), std::pair<std::string, std::string>{w.text, ""},
                                       [](const auto& a, const auto& b) { return a.first < b.first; });
    if (copy == shared.end() || copy->first != w.text) continue;
    const auto from = std::lower_bound(scaled_of.begin(), scaled_of.end(), std::pair<std::string_view, std::uint8_t>{copy->second, 0});
    w.scaled = from != scaled_of.end() && from->first == copy->second ? from->second : 0;
  }
  learn_hedges();
  learn_pers();
  learn_countries();
  learn_numbers();

  // No-break, narrow no-break and thin spaces where a space may stand (not after a hedge).
  wide_spaces_ = true;
  for (const std::string sp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
    wide_spaces_ = wide_spaces_ && agrees("USD" + sp + "1") && agrees("1" + sp + "USD") &&
                   agrees("\xE2\x82\xAC" + sp + "1") && agrees("USD 1" + sp + "billion") &&
                   agrees("1" + sp + "billion" + sp + "USD") && agrees("1" + sp + "bn" + sp + "US dollars") &&
                   agrees("USD 1" + sp + "per share") &&
                   (!space_groups_ || (agrees("USD 1" + sp + "234") && agrees("1" + sp + "234" + sp + "567.5 USD")));
  }

  // A sign before the whole figure, or after a marker before the number: '-' and U+2212.
  sign_first_ = sign_after_marker_ = true;
  for (const std::string sign : {"-", "\xE2\x88\x92"}) {
    sign_first_ = sign_first_ && agrees(sign + "USD 1") && agrees(sign + "1 USD") && agrees(sign + "US$1") &&
                  agrees(sign + "1.5bn US dollars") && agrees(sign + "0 USD");
    sign_after_marker_ = sign_after_marker_ && agrees("USD " + sign + "1") && agrees("US$" + sign + "1.5bn") &&
                         agrees("USD" + sign + "2") && agrees("\xE2\x82\xAC" + sign + "0.5");
  }
  // Accounting parentheses: around the number after a marker, or around the amount.
  inner_paren_ = true;
  inner_paren_ = agrees("USD(1)") && agrees("USD (1)") && agrees("US$(1.5)bn") && agrees("US$(2) per share") &&
                 agrees("USD(1.5) billion") && agrees("\xE2\x82\xAC(0.5)") && agrees("USD(1,234.5)") && agrees("US$(0)");
  outer_paren_ = true;
  outer_paren_ = agrees("(USD 1)") && agrees("(US$1.5bn)") && agrees("(1 USD)") && agrees("(1.5 billion US dollars)") &&
                 agrees("(USD 1) per share") && agrees("(2.5bn USD)") && agrees("(\xE2\x82\xAC" "0.5)") && agrees("(USD 0)");
  for (Table* t : {&markers_, &scales_, &hedges_, &pers_, &countries_, &minors_, &numbers_}) t->listing = {};
  // Ranges of two plain numbers that share the scale and the marker.
  ranges_ = true;
  ranges_ = agrees("USD 5-7bn") && agrees("5-7 billion yuan") && agrees("$2.3 to 2.5 billion") &&
            agrees("5.5-7 pounds") && agrees("\xE2\x82\xAC" "1.5\xE2\x80\x93" "2 per ADS") && agrees("1,234-2,345.5 USD") &&
            agrees("US$0.25-1.5 million") && agrees("5 to 7.25 euros");
  enabled_ = agrees("USD 1,234.5") && agrees("USD 1,234") && agrees("USD 0.05") && agrees("USD 1,234,567") &&
             agrees("1,234.5 USD") && agrees("USD 1.5bn") && agrees("USD 1.234bn");
  if (enabled_) {
    learn_fronts();
    learn_memos();
    learn_tails();
    learn_refusals();
    learn_front_refusals();
  }
}

// The open-addressed table of `kept` (FrontSlot or TailSlot, keyed by key, key2 and
// size) that read() probes linearly from slot_of: a power of two of 16 slots or more, at
// least twice as many as the keys; a later slot of an equal key replaces the earlier.
// Returns the table's shift for slot_of (the reader's, private: passed in by the caller).
namespace {

template <class Slot, class SlotOf>
unsigned fill_slots(const std::vector<Slot>& kept, std::vector<Slot>& slots, SlotOf slot_of) {
  std::size_t size = 16;
  unsigned shift = 60;
  while (size < kept.size() * 2) {
    size *= 2;
    --shift;
  }
  slots.assign(size, Slot{});
  for (const Slot& slot : kept) {
    std::size_t h = slot_of(slot.key, slot.key2, slot.size, shift);
    while (slots[h].size != 0 && !(slots[h].key == slot.key && slots[h].key2 == slot.key2 && slots[h].size == slot.size))
      h = (h + 1) & (size - 1);
    slots[h] = slot;
  }
  return shift;
}

}  // namespace

// Candidates: the built-in lexicon's markers that name no currency alone (a family's
// sign or word), the signs of the Currency Symbols block (U+20A0-U+20CF), a capital
// and a `$`; each attached and before a space. One is kept where parse_figure refuses
// every sample after it (a plain number, a scale, a scale word, groups and a
// per-share phrase, a code, a malformed number, parentheses) with the same error at
// the figure's first byte: what it says there depends on nothing past the marker.
void FigureReader::learn_front_refusals() {
  refused_fronts_.clear();
  refused_messages_.clear();
  if (options_.lexicon != nullptr) return;  // (the built-in lexicon's words are the candidates)
  std::vector<std::string> markers;
  for (const std::string& w : detail::builtin_lexicon_words("currencies.csv")) {
    const CurrencyMarker* m = lexicon_->currency_marker(w);
    if (m != nullptr && !m->currency && !m->country && !w.empty() && !std::any_of(w.begin(), w.end(), is_digit)) {
      markers.push_back(w);
    }
  }
  for (char32_t c = 0x20A0; c <= 0x20CF; ++c) {  // three bytes of UTF-8 each
    markers.push_back({static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))});
  }
  for (char c = 'A'; c <= 'Z'; ++c) markers.push_back(std::string{c, '$'});
  static const char* const samples[] = {"1", "1.5bn", "2 billion", "1,234.5 per share", "5.5.5", "1 USD", "(1)"};
  std::vector<RefusedFront> kept;
  std::unordered_set<std::string> seen;
  for (const std::string& m : markers) {
    for (const std::string& b : {m, m + " "}) {
      if (b.size() > front_key_bytes || !seen.insert(b).second) continue;
      std::optional<Error> first;
      bool same = true;
      for (const char* sample : samples) {
        const std::string text = b + sample;
        const auto r = parse_detail::parse_figure_unmemoized(text, options_);
        if (r || r.error().position != 0 || r.error().line != 0 || r.error().input != text ||
            (first && (r.error().code != first->code || r.error().message != first->message))) {
          same = false;
          break;
        }
        if (!first) first = r.error();
      }
      if (!same) continue;
      RefusedFront slot;
      slot.key = load8(b.data(), std::min<std::size_t>(b.size(), 8));
      slot.key2 = b.size() > 8 ? load8(b.data() + 8, b.size() - 8) : 0;
      slot.size = static_cast<std::uint8_t>(b.size());
      slot.code = first->code;
      slot.message = static_cast<std::uint16_t>(refused_messages_.size());
      refused_messages_.push_back(first->message);
      kept.push_back(slot);
    }
  }
  refused_shift_ = fill_slots(kept, refused_fronts_, &slot_of);
}

// The beginnings read() looks up whole (cached_front): each word that may stand
// before the number (markers, country prefixes, hedges), as written and where it
// reads in any case in capitals and small letters, attached and before a space;
// what the general front reads there is kept as it reads it, where it ends at the
// number. Exact because the front reads nothing past the number's first digit and
// no word of its tables holds a digit (else nothing is kept).
void FigureReader::learn_fronts() {
  front_slots_.clear();
  for (const Table* t : {&markers_, &countries_, &hedges_}) {
    for (const Word& w : t->words) {
      if (std::any_of(w.text.begin(), w.text.end(), is_digit)) return;
    }
  }
  std::vector<std::string> beginnings;
  std::unordered_set<std::string> seen;  // (a set, not a sort: tens of thousands of strings)
  const auto add = [&](std::string b) {
    if (!b.empty() && b.size() <= front_key_bytes && seen.insert(b).second) beginnings.push_back(std::move(b));
  };
  static const char* const signs[] = {"-", "\xE2\x88\x92"};
  static const char* const wide_spaces[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"};
  for (const Table* t : {&markers_, &countries_, &hedges_}) {
    for (const Word& w : t->words) {
      const std::string cases[3] = {w.text, w.any_case != 0 ? to_upper(w.text) : w.text,
                                    w.any_case != 0 ? to_lower(w.text) : w.text};
      for (const std::string& c : cases) {
        for (const char* after : {"", " "}) add(c + after);
      }
      if (t != &markers_ || (w.forms & (before_attached | before_spaced)) == 0) continue;
      // a marker before the number, as written: a wide space after it, or a sign
      // before it or after it (not both: rarer, and each costs the compile)
      for (const char* space : {"", " "}) {
        for (const char* sign : signs) {
          add(w.text + space + sign);
          add(sign + w.text + space);
        }
      }
      if (!wide_spaces_) continue;
      for (const char* space : wide_spaces) add(w.text + space);
    }
  }
  for (const char* sign : signs) add(sign);
  std::vector<FrontSlot> kept;
  for (const std::string& p : beginnings) {
    const std::string text = p + "1";
    Front f;
    if (!read_front(text, 0, text.size(), f) || f.outer || f.i != p.size()) continue;
    FrontSlot slot;
    slot.key = load8(p.data(), std::min<std::size_t>(p.size(), 8));
    slot.key2 = p.size() > 8 ? load8(p.data() + 8, p.size() - 8) : 0;
    slot.size = static_cast<std::uint8_t>(p.size());
    slot.qualifier_end = static_cast<std::uint8_t>(f.qualifier_end);
    slot.marker_begin = static_cast<std::uint8_t>(f.marker_begin);
    slot.marker_end = static_cast<std::uint8_t>(f.marker_end);
    slot.prefix = f.prefix == nullptr ? no_word : static_cast<std::uint16_t>(f.prefix - markers_.words.data());
    slot.country = f.country == nullptr ? no_word : static_cast<std::uint16_t>(f.country - countries_.words.data());
    slot.qualifier = f.qualifier;
    slot.marker_form = f.marker_form;
    slot.negative = f.negative;
    slot.inner = f.inner;
    kept.push_back(slot);
  }
  front_shift_ = fill_slots(kept, front_slots_, &slot_of);  // the beginnings are distinct: no key twice
}

// The rests after the number that are not ASCII words the fast path reads word by
// word: a marker that is not ASCII written onto the number, after a scale or not
// (`円`, `万円`, `亿港元`, `bn€`), as written; each kept with what the general
// path reads there on `1` and it, where it reads it. Exact because read_rest, with no
// marker before the number, reads the rest by its bytes alone (no word holds a
// digit, else nothing is kept; none of these starts with a space or a separator).
void FigureReader::learn_tails() {
  tail_slots_.clear();
  for (const Table* t : {&markers_, &scales_}) {
    for (const Word& w : t->words) {
      if (std::any_of(w.text.begin(), w.text.end(), is_digit)) return;
    }
  }
  const auto wide = [](const std::string& t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  };
  std::vector<std::string_view> scales{std::string_view{}};
  for (const Word& w : scales_.words) {
    if ((w.forms & after_attached) != 0) scales.push_back(w.text);
  }
  std::vector<TailSlot> kept;
  std::string tail;
  for (const Word& m : markers_.words) {
    // (a marker not ASCII: `円`, `港元`, `€`; `5万USD` is the general path's)
    if ((m.forms & after_attached) == 0 || !wide(m.text)) continue;
    for (const std::string_view scale : scales) {
      if (scale.size() + m.text.size() > tail_key_bytes) continue;
      tail.assign(scale).append(m.text);
      if (tail.front() == ' ') continue;
      const std::string text = "1" + tail;
      FigureReading r;
      if (!read_uncached(text, r) || r.end != text.size() || r.begin != 0) continue;
      TailSlot slot;
      slot.key = load8(tail.data(), std::min<std::size_t>(tail.size(), 8));
      slot.key2 = tail.size() > 8 ? load8(tail.data() + 8, tail.size() - 8) : 0;
      slot.size = static_cast<std::uint8_t>(tail.size());
      // whether `1.234` before it is read (no locale: only before a scale), as the general path says
      FigureReading dotted;
      slot.scaled = !dot_three_ambiguous_ || read_uncached("1.234" + tail, dotted);
      slot.shift = static_cast<std::int8_t>(r.shift);
      slot.marker_begin = static_cast<std::uint8_t>(r.marker_begin - 1);
      slot.marker_end = static_cast<std::uint8_t>(r.marker_end - 1);
      slot.family = r.currency_family;
      slot.scale = r.scale;
      slot.currency = r.currency;
      slot.per = r.per;
      slot.source = r.currency_source;
      kept.push_back(slot);
    }
  }
  tail_shift_ = fill_slots(kept, tail_slots_, &slot_of);
}

// The kind of a marker word (see learn_markers), or "" for a word learned alone:
// one with no currency of its own, or written with bytes other than letters.
std::string FigureReader::marker_kind(const std::string& t) const {
  const auto marker = [&](std::string_view x) {
    const CurrencyMarker* m = lexicon_->currency_marker_after_number(x);
    return m != nullptr ? m : lexicon_->currency_marker(x);
  };
  const CurrencyMarker* m = marker(t);
  if (m == nullptr || !m->currency || t.empty()) return {};
  std::string key;
  // the bytes: runs of capitals and of small letters (a run's length up to three), spaces
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    char kind = 0;
    if (is_capital(c)) kind = 'A';
    else if (is_small(c)) kind = 'a';
    else if (c == ' ') kind = ' ';
    else return {};
    std::size_t j = i;
    while (j < t.size() && (kind == 'A' ? is_capital(t[j]) : kind == 'a' ? is_small(t[j]) : t[j] == ' ')) ++j;
    key += kind;
    key += static_cast<char>('0' + std::min<std::size_t>(j - i, 4));
    i = j;
  }
  const auto status = [&](std::string_view x) -> char {
    const CurrencyMarker* o = marker(x);
    char c = o == nullptr ? '0' : o == m ? '=' : 'x';
    if (lexicon_->scale(x)) c = static_cast<char>(c + 64);
    if (lexicon_->qualifier(x)) c = static_cast<char>(c + 16);
    if (lexicon_->number_word(x) != nullptr) c = static_cast<char>(c + 8);
    return c;
  };
  key += '|';
  const std::string up = to_upper(t), low = to_lower(t), mixed = alternating(t);
  const char as_written = status(t);
  for (const std::string* v : {&up, &low, &mixed}) key += *v == t ? as_written : status(*v);
  key += lexicon_->cues_for(t).empty() ? '-' : 'c';  // cues are found in any case
  // its words
  for (std::size_t i = 0, sp; i < t.size(); i = sp + 1) {
    sp = std::min(t.find(' ', i), t.size());
    if (sp == t.size() && i == 0) break;
    key += status(std::string_view(t).substr(i, sp - i));
  }
  key += '|' + std::to_string(m->family != 0) + "," +
         std::to_string(m->divisor) + "," + std::to_string(m->multiple) + "," + std::to_string(static_cast<int>(m->per)) +
         "," + std::to_string(m->follows_number) + std::to_string(m->coin) + std::to_string(m->word_like) +
         std::to_string(m->country);
  return key;
}

std::vector<std::pair<std::string, std::string>> FigureReader::learn_markers() {
  // Every code of three capitals the lexicon names a currency with, and the
  // lexicon's other markers (the built-in files' words; a few common ones when
  // the lexicon is another).
  const auto code_marker = [&](std::string_view code) {
    const CurrencyMarker* m = lexicon_->currency_marker(code);
    return m != nullptr && m->currency && m->divisor == 1 && !m->country ? m : nullptr;
  };
  std::vector<std::string> codes;
  if (options_.lexicon == nullptr && learning_ == Learning::sampled) {
    // the built-in lexicon's codes: ISO 4217's and the withdrawn ones it lists
    for (const Currency& c : all_currencies) codes.emplace_back(c.code());
    for (std::string& w : detail::builtin_lexicon_words("withdrawn_currencies.csv")) codes.push_back(std::move(w));
    // and a word of three letters read in any case (`won`: `WON`)
    for (std::string_view file : {"currencies.csv", "minor_units.csv", "coins.csv", "country_prefixes.csv"}) {
      for (const std::string& w : detail::builtin_lexicon_words(file)) {
        if (w.size() == 3) codes.push_back(to_upper(w));
      }
    }
    codes.erase(std::remove_if(codes.begin(), codes.end(), [&](const std::string& c) { return !is_code(c) || !code_marker(c); }),
                codes.end());
  } else {
    char code[3];
    for (int k = 0; k < 26 * 26 * 26; ++k) {
      code[0] = static_cast<char>('A' + k / 676);
      code[1] = static_cast<char>('A' + k / 26 % 26);
      code[2] = static_cast<char>('A' + k % 26);
      if (code_marker(std::string_view(code, 3))) codes.emplace_back(code, 3);
    }
  }
  std::vector<std::string> words = options_.lexicon == nullptr
                                       ? detail::builtin_lexicon_words("currencies.csv")
                                       : std::vector<std::string>{"$", "US$", "HK$", "\xE2\x82\xAC", "Rmb", "yuan",
                                                                  "US dollars", "Hong Kong dollars", "euros", "cents", "pence"};
  if (options_.lexicon == nullptr) {
    std::vector<std::string> minor = detail::builtin_lexicon_words("minor_units.csv");
    words.insert(words.end(), minor.begin(), minor.end());
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());

  // Sampled: words of one kind are read by parse_figure alike, so one of each kind
  // is learned and the others share its word (each checked on one sample, and
  // learned alone where that disagrees). A kind: the same lexicon entry fields,
  // written with the same kinds of bytes (`USD` and `SEK`; `rupees` and `roubles`),
  // its other cases and its pieces (first and last letters, words) read alike.
  std::vector<std::pair<std::string, std::string>> shared;  // (word, the word it shares with)
  std::vector<std::string> candidates = words;
  candidates.insert(candidates.end(), codes.begin(), codes.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (learning_ == Learning::sampled && options_.lexicon == nullptr) {
    std::vector<std::string> firsts;
    std::vector<std::pair<std::string, std::string>> kinds;  // (key, its first word)
    for (const std::string& w : candidates) {
      const std::string key = marker_kind(w);
      const auto kind = key.empty() ? kinds.end()
                                    : std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == key; });
      if (kind == kinds.end()) {
        if (!key.empty()) kinds.emplace_back(key, w);
        firsts.push_back(w);
      } else {
        shared.emplace_back(w, kind->second);
      }
    }
    candidates = std::move(firsts);
  }
  const auto make = [&](Word& w) -> std::uint8_t {
        const CurrencyMarker* lm = lexicon_->currency_marker_after_number(w.text);
        if (lm == nullptr) lm = lexicon_->currency_marker(w.text);
        if (lm == nullptr || lm->multiple != 1 || lm->coin || lm->country || lm->per != Per::whole) return 0;
        if (lm->divisor != 1 && lm->divisor != 10 && lm->divisor != 100 && lm->divisor != 1000) return 0;
        w.shift = static_cast<std::int8_t>(lm->divisor == 1 ? 0 : lm->divisor == 10 ? -1 : lm->divisor == 100 ? -2 : -3);
        // a minor unit or a word written after its number only: before a number it is an error
        const std::uint8_t may = lm->follows_number ? after_attached | after_spaced : 0xF;
        if (lm->currency && learning_ == Learning::sampled) {
          // a marker of its own currency: what parse_figure says of it, which the samples check
          w.currency = *lm->currency;
          w.source = CurrencySource::explicit_;
          w.family = lm->family;
          return may;
        }
        auto f = parse_detail::parse_figure_unmemoized(w.text + "1", options_);
        if (!f || !f->unit.is_money()) f = parse_detail::parse_figure_unmemoized("1 " + w.text, options_);
        if (!f || !f->unit.is_money()) f = parse_detail::parse_figure_unmemoized("1" + w.text, options_);
        if (!f || !f->unit.is_money() || !f->unit.currency) return 0;
        w.currency = *f->unit.currency;
        w.source = f->currency_source;
        w.family = lexicon_->family(f->currency_family);
        return f->currency_family.empty() || w.family != 0 ? may : 0;
      };
  const auto known = [&](const std::string& t) {
        // (`us$`: a prefix before a dollar sign is read in any case)
        return lexicon_->currency_marker_after_number(t) != nullptr || lexicon_->currency_marker(t) != nullptr ||
               (t.size() > 1 && t.back() == '$');
      };
  const auto samples = [](Form form) -> std::span<const Sample> {
    static constexpr Sample ba[] = {{"", "1"}, {"", "1.5"}, {"", "0.25"}};
    static constexpr Sample bs[] = {{"", " 1"}, {"", " 1,234.5"}, {"", " 0.25"}};
    static constexpr Sample aa[] = {{"1", ""}, {"1.5", ""}, {"0.25", ""}};
    static constexpr Sample as[] = {{"1 ", ""}, {"1,234.5 ", ""}, {"0.25 ", ""}};
    switch (form) {
      case before_attached: return ba;
      case before_spaced: return bs;
      case after_attached: return aa;
      case after_spaced: return as;
    }
    return {};
  };
  std::vector<Word> learned = learn(markers_, candidates, 0xF, make, known, samples);
  // The shared words: the learned word's forms, with their own text and currency.
  std::sort(shared.begin(), shared.end());
  std::vector<std::string> alone;
  std::vector<std::pair<std::string, std::string>> kept;
  const std::size_t firsts = learned.size();
  for (const auto& pair : shared) {
    const std::string& word = pair.first;
    const std::string& from = pair.second;  // (a named reference: clang captures no structured binding)
    const auto w = std::find_if(learned.begin(), learned.begin() + static_cast<std::ptrdiff_t>(firsts),
                                [&](const Word& x) { return x.text == from; });
    if (w == learned.begin() + static_cast<std::ptrdiff_t>(firsts)) {
      alone.push_back(word);  // its kind learned nothing: ask about it alone
      continue;
    }
    Word copy = *w;
    copy.text = word;
    const CurrencyMarker* m = lexicon_->currency_marker_after_number(word);
    if (m == nullptr) m = lexicon_->currency_marker(word);
    copy.currency = *m->currency;
    copy.family = m->family;
    const auto first_form = [](std::uint8_t f) { return static_cast<Form>(f & (~f + 1)); };
    const std::string as_written = copy.forms != 0 ? around(samples(first_form(copy.forms))[0], word) : std::string();
    const std::string other_case =
        copy.any_case != 0
            ? around(samples(first_form(copy.any_case))[0], to_lower(word) != word ? to_lower(word) : to_upper(word))
            : std::string();
    // (an ISO code shares a code's word unchecked: the tests compare all of them with the exhaustive learning)
    if (!(is_code(word) && is_code(from)) && !agrees_alone(markers_, copy, as_written, other_case)) {
      alone.push_back(word);
      continue;
    }
    learned.push_back(std::move(copy));
    kept.emplace_back(word, from);
  }
  if (!alone.empty()) {
    std::vector<Word> more = learn(markers_, alone, 0xF, make, known, samples);
    learned.insert(learned.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  markers_.words = std::move(learned);
  markers_.index();
  return kept;
}

// Tries each word of `candidates` alone in `table`, in each form on `samples(word, form)`,
// as written and in any case; keeps the forms where all samples agree.
// `make` fills a word's meaning and says in which forms it may stand at all;
// `known(text)`: whether the lexicon has the text as such a word (sampled: a case
// it does not know is not asked about).
template <class Make, class Known, class Samples>
std::vector<FigureReader::Word> FigureReader::learn(Table& table, const std::vector<std::string>& candidates,
                                                    std::uint8_t forms, Make make, Known known, Samples samples,
                                                    bool in_any_case) {
  std::vector<Word> learned;
  const bool sampled = learning_ == Learning::sampled;
  for (const std::string& c : candidates) {
    Word w;
    w.text = c;
    const std::uint8_t may = make(w);
    if (may == 0) continue;
    const std::string up = to_upper(c), low = to_lower(c), mixed = alternating(c);
    const bool code = is_code(c);  // in any case only as three small letters (`10 usd`)
    const bool cased = in_any_case && (up != c || low != c) &&
                       (!sampled || (code ? known(low) : known(up) && known(low) && known(mixed)));
    for (const Form form : {before_attached, before_spaced, after_attached, after_spaced}) {
      if ((forms & form) == 0 || (sampled && (may & form) == 0)) continue;
      const std::span<const Sample> texts = samples(form);
      const auto all = [&](const std::string& x) {
        const std::size_t count = sampled ? std::min<std::size_t>(texts.size(), 1) : texts.size();
        for (std::size_t k = 0; k < count; ++k) {
          if (!agrees(around(texts[k], x))) return false;
        }
        return count > 0;
      };
      table.words.assign(1, w);
      table.words[0].forms = form;
      table.words[0].any_case = 0;
      table.index();
      if (!all(c)) continue;
      w.forms |= form;
      if (!cased) continue;
      table.words[0].any_case = form;
      table.index();
      // (sampled: a case that is the word as written reads as it, asked above)
      const auto in_case = [&](const std::string& x) { return (sampled && x == c) || all(x); };
      if (code ? in_case(low) : in_case(up) && in_case(low) && in_case(mixed)) w.any_case |= form;
    }
    if ((w.forms | w.any_case) != 0) learned.push_back(std::move(w));
  }
  return learned;
}

template <class Make, class Known, class Samples>
void FigureReader::learn_table(Table& table, const std::vector<std::string>& candidates, std::uint8_t forms, Make make,
                               Known known, Samples samples) {
  table.words = learn(table, candidates, forms, make, known, samples);
  table.index();
}

// A word that shares another's forms, checked alone on the first sample of its
// first form (as written, and in another case where it reads in any case).
bool FigureReader::agrees_alone(Table& table, const Word& w, const std::string& as_written,
                                const std::string& other_case) {
  table.words.assign(1, w);
  table.index();
  if (!as_written.empty() && !agrees(as_written)) return false;
  return other_case.empty() || agrees(other_case);
}

void FigureReader::learn_scales() {
  const std::vector<std::string> candidates =
      options_.lexicon == nullptr ? detail::builtin_lexicon_words("scales.csv") : std::vector<std::string>{"k", "m", "mn", "bn", "tn", "million", "billion"};
  learn_table(
      scales_, candidates, after_attached | after_spaced,
      [&](Word& w) -> std::uint8_t {
        const auto sc = lexicon_->scale(w.text);
        if (!sc) return 0;
        w.scale = *sc;
        return 0xF;
      },
      [&](const std::string& t) { return lexicon_->scale(t).has_value(); },
      [](Form form) -> std::span<const Sample> {
        static constexpr Sample attached[] = {
            {"USD 1", ""}, {"1", " USD"}, {"US$1", ""}, {"1", " US dollars"}, {"USD 2.5", ""}};
        static constexpr Sample spaced[] = {
            {"USD 1 ", ""}, {"1 ", " USD"}, {"US$1 ", ""}, {"1 ", " US dollars"}, {"USD 2.5 ", ""}};
        return form == after_attached ? std::span<const Sample>(attached) : std::span<const Sample>(spaced);
      });
}

void FigureReader::learn_hedges() {
  const std::vector<std::string> candidates =
      options_.lexicon == nullptr ? detail::builtin_lexicon_words("qualifiers.csv") : std::vector<std::string>{};
  learn_table(
      hedges_, candidates, before_attached | before_spaced,
      [&](Word& w) -> std::uint8_t {
        auto f = parse_detail::parse_figure_unmemoized(w.text + " USD 1", options_);
        if (!f) f = parse_detail::parse_figure_unmemoized(w.text + "USD 1", options_);
        if (!f || f->qualifier == Qualifier::none || f->upper) return 0;
        w.qualifier = f->qualifier;
        return 0xF;
      },
      [&](const std::string& t) { return lexicon_->qualifier(t).has_value(); },
      [](Form form) -> std::span<const Sample> {
        static constexpr Sample attached[] = {
            {"", "USD 1"}, {"", "1 USD"}, {"", "US$1"}, {"", "1.5 billion US dollars"}, {"", "2.5bn USD"}};
        static constexpr Sample spaced[] = {
            {"", " USD 1"}, {"", " 1 USD"}, {"", " US$1"}, {"", " 1.5 billion US dollars"}, {"", " 2.5bn USD"}};
        return form == before_attached ? std::span<const Sample>(attached) : std::span<const Sample>(spaced);
      });
}

void FigureReader::learn_pers() {
  // The lexicon's per-share phrases (cues.csv, docs/lexicon.md): every `per_share`
  // row, and after a leader that takes share classes (`per`) one share class and a
  // singular share noun (`per ordinary share`), or 10 or 100 and a plural one.
  std::vector<std::string> candidates, leaders, classes, singular, plural;
  for (const Cue& c : lexicon_->cues()) {
    if (c.category == "per_share") candidates.push_back(c.phrase);
    if (c.category == "per_leader" && c.value == "classes") leaders.push_back(c.phrase);
    if (c.category == "share_class") classes.push_back(c.phrase);
    if (c.category == "share_noun") (c.value == "plural" ? plural : singular).push_back(c.phrase);
  }
  for (const std::string& leader : leaders) {
    for (const std::string& kind : classes) {
      for (const std::string& noun : singular) candidates.push_back(leader + " " + kind + " " + noun);
    }
    for (const std::string& noun : plural) {
      candidates.push_back(leader + " 10 " + noun);
      candidates.push_back(leader + " 100 " + noun);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  learn_table(
      pers_, candidates, after_spaced,
      [&](Word& w) -> std::uint8_t {
        auto f = parse_detail::parse_figure_unmemoized("USD 1 " + w.text, options_);
        if (!f || f->unit.per == Per::whole) return 0;
        w.per = f->unit.per;
        // `per 10 shares`: the amount of one share is a tenth
        w.shift = static_cast<std::int8_t>(f->value.exponent() - f->number.exponent());
        return w.shift <= 0 && w.shift >= -3 ? 0xF : 0;
      },
      [](const std::string&) { return true; },
      [](Form) -> std::span<const Sample> {
        static constexpr Sample spaced[] = {
            {"USD 1 ", ""}, {"1 USD ", ""}, {"US$1bn ", ""}, {"1 US dollars ", ""}, {"USD 2.5 ", ""}};
        return spaced;
      });
}

void FigureReader::learn_countries() {
  // The minor units a country prefix takes (those of a family, no currency of their
  // own: `cents`, `c`, `cps`), learned after `US`; then the prefixes, before `cents`.
  const auto marker = [&](const std::string& t) {
    const CurrencyMarker* m = lexicon_->currency_marker_after_number(t);
    return m != nullptr ? m : lexicon_->currency_marker(t);
  };
  const std::vector<std::string> minors = options_.lexicon == nullptr ? detail::builtin_lexicon_words("minor_units.csv")
                                                                      : std::vector<std::string>{"cents", "cent", "c", "cps"};
  const std::vector<std::string> countries = options_.lexicon == nullptr
                                                 ? detail::builtin_lexicon_words("country_prefixes.csv")
                                                 : std::vector<std::string>{"US", "HK"};
  const auto known = [&](const std::string& t) { return marker(t) != nullptr; };
  countries_.words.clear();
  {
    Word us;
    us.text = "US";
    us.forms = before_attached | before_spaced;
    const CurrencyMarker* m = marker(us.text);
    if (m == nullptr || !m->country || !m->currency) return;
    us.currency = *m->currency;
    countries_.words.push_back(us);
    countries_.index();
  }
  learn_table(
      minors_, minors, after_attached | after_spaced,
      [&](Word& w) -> std::uint8_t {
        const CurrencyMarker* m = marker(w.text);
        if (m == nullptr || m->currency || m->family == 0 || m->country || m->coin || m->multiple != 1) return 0;
        if (m->divisor != 10 && m->divisor != 100 && m->divisor != 1000) return 0;
        w.shift = static_cast<std::int8_t>(m->divisor == 10 ? -1 : m->divisor == 100 ? -2 : -3);
        w.per = m->per;
        w.family = m->family;
        return 0xF;
      },
      known,
      [](Form form) -> std::span<const Sample> {
        static constexpr Sample attached[] = {{"US1", ""}, {"US 1.5", ""}, {"US0.25", ""}};
        static constexpr Sample spaced[] = {{"US1 ", ""}, {"US 1.5 ", ""}, {"US0.25 ", ""}};
        return form == after_attached ? std::span<const Sample>(attached) : std::span<const Sample>(spaced);
      });
  learn_table(
      countries_, countries, before_attached | before_spaced,
      [&](Word& w) -> std::uint8_t {
        const CurrencyMarker* m = marker(w.text);
        if (m == nullptr || !m->country || !m->currency) return 0;
        w.currency = *m->currency;
        return 0xF;
      },
      known,
      [](Form form) -> std::span<const Sample> {
        static constexpr Sample attached[] = {{"", "1 cents"}, {"", "1.5c"}, {"", "0.25 cents"}};
        static constexpr Sample spaced[] = {{"", " 1 cents"}, {"", " 1.5c"}, {"", " 0.25 cents"}};
        return form == before_attached ? std::span<const Sample>(attached) : std::span<const Sample>(spaced);
      });
}

void FigureReader::learn_numbers() {
  // The lexicon's number words as written (numbers.csv): the units and tens and
  // `a`/`an` before a scale, `half` before `a` and a scale; then `hundred` after a
  // unit below ten and a tens word with a unit after a hyphen, where their samples agree.
  // (The built-in lexicon's words; none for another.)
  if (options_.lexicon != nullptr) return;
  std::vector<std::string> words = detail::builtin_lexicon_words("numbers.csv");
  const auto kind_of = [&](const std::string& t, std::uint8_t& value) -> std::uint8_t {
    const NumberWord* nw = lexicon_->number_word(t);
    if (nw == nullptr) return 0;
    value = static_cast<std::uint8_t>(std::min<std::uint32_t>(nw->value, 255));
    switch (nw->kind) {
      case NumberWord::Kind::article: return nw->value == 1 ? number_article : 0;
      case NumberWord::Kind::cardinal: return nw->value >= 1 && nw->value <= 19 ? number_unit : 0;
      case NumberWord::Kind::tens: return nw->value >= 20 && nw->value <= 90 && nw->value % 10 == 0 ? number_tens : 0;
      case NumberWord::Kind::hundred: return nw->value == 100 ? number_hundred : 0;
      case NumberWord::Kind::fraction: return t == "half" && nw->value == 1 && nw->denominator == 2 ? number_half : 0;
      default: return 0;
    }
  };
  std::vector<Word> learned;
  for (const std::uint8_t kind : {number_unit, number_tens, number_article, number_half}) {
    std::vector<std::string> of_kind;
    for (const std::string& w : words) {
      std::uint8_t value = 0;
      if (kind_of(w, value) == kind) of_kind.push_back(w);
    }
    std::vector<Word> more = learn(
        numbers_, of_kind, before_spaced,
        [&](Word& w) -> std::uint8_t {
          w.number_kind = kind_of(w.text, w.number);
          return before_spaced;
        },
        [](const std::string&) { return true; },
        [kind](Form) -> std::span<const Sample> {
          static constexpr Sample counted[] = {{"", " million USD"}, {"", " euros"}, {"", " billion US dollars"}};
          static constexpr Sample article[] = {{"", " million USD"}, {"", " billion euros"}, {"", " thousand US dollars"}};
          static constexpr Sample half[] = {{"", " a million USD"}, {"", " a billion euros"}};
          if (kind == number_article) return article;
          if (kind == number_half) return half;
          return counted;
        },
        false);
    learned.insert(learned.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  numbers_.words = learned;
  numbers_.index();
  if (learned.empty()) return;
  hyphen_units_ = true;
  hyphen_units_ = agrees("twenty-five million USD") && agrees("ninety-nine euros") && agrees("forty-one billion US dollars");
  for (const std::string& w : words) {
    std::uint8_t value = 0;
    if (kind_of(w, value) != number_hundred) continue;
    Word h;
    h.text = w;
    h.forms = before_spaced;
    h.number_kind = number_hundred;
    h.number = value;
    numbers_.words.push_back(h);
    numbers_.index();
    hundreds_ = true;
    hundreds_ = agrees("eight " + w + " billion USD") && agrees("two " + w + " euros") &&
                agrees("nine " + w + " million US dollars");
    if (!hundreds_) {
      numbers_.words.pop_back();
      numbers_.index();
    }
    break;
  }
}

std::string FigureReader::tables() const {
  std::string out = "enabled " + std::to_string(enabled_) + " dot_three " + std::to_string(dot_three_ambiguous_) +
                    " space_groups " + std::to_string(space_groups_) + " indian " + std::to_string(indian_locale_) +
                    " sign_first " + std::to_string(sign_first_) + " sign_after_marker " +
                    std::to_string(sign_after_marker_) + " inner_paren " + std::to_string(inner_paren_) +
                    " outer_paren " + std::to_string(outer_paren_) + " wide_spaces " + std::to_string(wide_spaces_) + "\n";
  const auto table = [&](const char* name, const Table& t) {
    std::vector<std::string> lines;
    for (const Word& w : t.words) {
      lines.push_back(std::string(name) + " '" + w.text + "' forms " + std::to_string(w.forms) + " any_case " +
                      std::to_string(w.any_case) + " currency " + (w.currency.code()[0] == '\0' ? std::string("-") : std::string(w.currency.code())) + " source " +
                      std::string(to_string(w.source)) + " family " + std::to_string(w.family) + " shift " +
                      std::to_string(w.shift) + " scaled " + std::to_string(w.scaled) + " scale " +
                      std::to_string(w.scale.exponent) + std::string(w.scale.symbol) + " qualifier " +
                      std::to_string(static_cast<int>(w.qualifier)) + " per " + std::to_string(static_cast<int>(w.per)) +
                      (w.number_kind != 0 ? " number " + std::to_string(w.number_kind) + "," + std::to_string(w.number) : ""));
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& l : lines) out += l + "\n";
  };
  table("marker", markers_);
  table("scale", scales_);
  table("hedge", hedges_);
  table("per", pers_);
  table("country", countries_);
  table("minor", minors_);
  table("number", numbers_);
  out += "hyphen_units " + std::to_string(hyphen_units_) + " hundreds " + std::to_string(hundreds_) + " ranges " +
         std::to_string(ranges_) + "\n";
  return out;
}

}  // namespace finmetrics
