#include "finmetrics/parse/figure_reader.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

// The reader compiles its tables by asking parse_figure: every word of the
// lexicon is tried in each position on a few sample figures, and kept there only
// where read + to_quoted_figure give parse_figure's QuotedFigure field for field
// (`agrees`). What the tables cannot say (the number, the order of the pieces) is
// the grammar of docs/figures.md written out for its commonest corner; whatever is
// outside it, read() leaves to parse_figure.

namespace finmetrics {

namespace detail {
// Generated at build time from data/lexicon/*.csv (cmake/finmetricsLexicon.cmake):
// the candidate words of the built-in lexicon.
extern const Lexicon::Source builtin_lexicon_sources[];
extern const std::size_t builtin_lexicon_source_count;
}  // namespace detail

namespace {

bool is_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') < 10; }
bool is_letter(char c) noexcept { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_capital(char c) noexcept { return static_cast<unsigned char>(c - 'A') < 26; }
bool is_small(char c) noexcept { return static_cast<unsigned char>(c - 'a') < 26; }
char lower(char c) noexcept { return is_capital(c) ? static_cast<char>(c + 32) : c; }
char upper(char c) noexcept { return is_small(c) ? static_cast<char>(c - 32) : c; }
bool is_code(std::string_view t) noexcept { return t.size() == 3 && is_capital(t[0]) && is_capital(t[1]) && is_capital(t[2]); }
std::size_t code_slot(const char* p) noexcept {
  return static_cast<std::size_t>(((upper(p[0]) - 'A') * 26 + (upper(p[1]) - 'A')) * 26 + (upper(p[2]) - 'A'));
}
constexpr std::uint16_t no_word = 0xFFFF;

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

// Column 0 of a lexicon file of the built-in set (`currencies.csv`, ...): the
// candidate words. Lines starting with '#' are comments.
std::vector<std::string> builtin_words(std::string_view file) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < detail::builtin_lexicon_source_count; ++k) {
    const Lexicon::Source& source = detail::builtin_lexicon_sources[k];
    if (source.name != file) continue;
    csv::RecordSplitter splitter;
    splitter.feed(source.text);
    std::vector<std::string_view> fields;
    std::string scratch;
    bool header = true;
    const auto take = [&](const csv::RawRecord& r) {
      if (r.text.empty() || r.text.front() == '#') return;
      if (header) {
        header = false;
        return;
      }
      if (csv::split_record(r.text, fields, scratch) && !fields.empty() && !fields[0].empty()) out.emplace_back(fields[0]);
    };
    while (auto r = splitter.next()) take(*r);
    if (auto r = splitter.finish()) take(*r);
  }
  return out;
}

bool same_decimal(const Decimal& a, const Decimal& b) { return a.same_quantum(b) && a.coefficient() == b.coefficient(); }

// Every field of two figures, the quantum of each Decimal included.
bool same_figure(const QuotedFigure& a, const QuotedFigure& b) {
  return a.text == b.text && a.span == b.span && same_decimal(a.value, b.value) && same_decimal(a.number, b.number) &&
         a.scale.exponent == b.scale.exponent && a.scale.symbol == b.scale.symbol && a.unit == b.unit &&
         a.qualifier == b.qualifier && a.upper.has_value() == b.upper.has_value() &&
         (!a.upper || same_decimal(*a.upper, *b.upper)) && a.tolerances == b.tolerances &&
         a.currency_source == b.currency_source && a.currency_marker == b.currency_marker &&
         a.currency_span == b.currency_span && a.currency_family == b.currency_family &&
         a.qualifier_span == b.qualifier_span;
}

}  // namespace

// Up to eight bytes at p as one little-endian integer (zeros beyond `left`).
std::uint64_t load8(const char* p, std::size_t left) noexcept {
  std::uint64_t v = 0;
  if (left >= 8) {
    std::memcpy(&v, p, 8);
  } else {
    for (std::size_t i = left; i-- > 0;) v = v << 8 | static_cast<unsigned char>(p[i]);
  }
  return v;
}

// The eight bytes with ASCII capitals lower-cased (other bytes as they are).
std::uint64_t fold8(std::uint64_t v) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const std::uint64_t low7 = v & ~highs;
  const std::uint64_t from_a = low7 + ones * (0x80 - 'A');      // high bit: byte >= 'A'
  const std::uint64_t past_z = low7 + ones * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
  const std::uint64_t capitals = from_a & ~past_z & ~v & highs;  // ASCII only
  return v | capitals >> 2;                                      // + 0x20
}

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
  std::vector<std::pair<unsigned char, Probe>> listed;
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
      listed.emplace_back(static_cast<unsigned char>(w.text[0]), probe);
    }
    if (w.any_case != 0) {
      probe.key = fold8(load8(w.text.data(), head));
      probe.forms = w.any_case;
      probe.folded = true;
      listed.emplace_back(static_cast<unsigned char>(lower(w.text[0])), probe);
      if (upper(w.text[0]) != lower(w.text[0])) listed.emplace_back(static_cast<unsigned char>(upper(w.text[0])), probe);
    }
  }
  // By first byte, longest first (as written before in any case, for the same word).
  std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.size > b.second.size;
  });
  probes.clear();
  first.fill(0);
  starts.fill(false);
  for (const auto& e : listed) starts[e.first] = true;
  if (any_code) {
    for (char c = 'A'; c <= 'Z'; ++c) starts[static_cast<unsigned char>(c)] = starts[static_cast<unsigned char>(c + 32)] = true;
  }
  for (const auto& [byte, probe] : listed) {
    probes.push_back(probe);
    ++first[static_cast<std::size_t>(byte) + 1];
  }
  for (std::size_t b = 1; b < first.size(); ++b) first[b] += first[b - 1];
}

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
  const std::uint32_t end = first[static_cast<unsigned char>(*p) + 1];
  std::uint32_t k = first[static_cast<unsigned char>(*p)];
  if (k != end) {
    const std::uint64_t chunk = load8(p, left);
    const std::uint64_t folded = fold8(chunk);
    const std::uint8_t wanted = first_form | then_form;
    for (; k < end; ++k) {
      const Probe& probe = probes[k];
      if ((probe.forms & wanted) == 0 || probe.size > left) continue;
      if (((probe.folded ? folded : chunk) & probe.mask) != probe.key) continue;
      const Word& w = words[probe.word];
      if (probe.size > 8) {
        std::size_t i = 8;
        if (probe.folded) {
          while (i < probe.size && lower(p[i]) == lower(w.text[i])) ++i;
        } else {
          while (i < probe.size && p[i] == w.text[i]) ++i;
        }
        if (i < probe.size) continue;
      }
      if ((probe.forms & first_form) != 0 && first_boundary(at + probe.size)) {
        form = first_form;
        return &w;
      }
      if (then_word == nullptr && (probe.forms & then_form) != 0 && then_boundary(at + probe.size)) then_word = &w;
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

bool FigureReader::agrees(const std::string& text) const {
  const auto general = parse_figure(text, options_);
  FigureReading r;
  return general && read(text, r) && same_figure(to_quoted_figure(text, r), *general);
}

FigureReader::FigureReader(const ParseOptions& options)
    : options_(options), lexicon_(options.lexicon != nullptr ? options.lexicon : &Lexicon::builtin()) {
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
  learn_markers();
  for (Word& w : markers_.words) w.scaled = 0xF;  // for the samples of the scales
  learn_scales();
  // Where a scale may stand with a marker (`US$1.5bn`, `1.5 billion US dollars`).
  for (Word& w : markers_.words) {
    const std::string& m = w.text;
    std::uint8_t scaled = 0;
    const auto keep = [&](Form form, std::initializer_list<std::string> samples) {
      return (w.forms & form) != 0 &&
             std::all_of(samples.begin(), samples.end(), [&](const std::string& s) { return agrees(s); });
    };
    if (keep(before_attached, {m + "1.5bn", m + "2 billion"})) scaled |= before_attached;
    if (keep(before_spaced, {m + " 1.5bn", m + " 2 billion"})) scaled |= before_spaced;
    if (keep(after_attached, {"1.5bn" + m, "2k" + m})) scaled |= after_attached;
    if (keep(after_spaced, {"1.5bn " + m, "2 billion " + m})) scaled |= after_spaced;
    w.scaled = scaled;
  }
  learn_hedges();
  learn_pers();

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
  enabled_ = agrees("USD 1,234.5") && agrees("USD 1,234") && agrees("USD 0.05") && agrees("USD 1,234,567") &&
             agrees("1,234.5 USD") && agrees("USD 1.5bn") && agrees("USD 1.234bn");
}

void FigureReader::learn_markers() {
  // Every code of three capitals the lexicon names a currency with, and the
  // lexicon's other markers (the built-in files' words; a few common ones when
  // the lexicon is another).
  std::vector<std::string> candidates;
  char code[3];
  for (int k = 0; k < 26 * 26 * 26; ++k) {
    code[0] = static_cast<char>('A' + k / 676);
    code[1] = static_cast<char>('A' + k / 26 % 26);
    code[2] = static_cast<char>('A' + k % 26);
    const CurrencyMarker* m = lexicon_->currency_marker(std::string_view(code, 3));
    if (m != nullptr && m->currency && m->divisor == 1 && !m->country) candidates.emplace_back(code, 3);
  }
  std::vector<std::string> words = options_.lexicon == nullptr
                                       ? builtin_words("currencies.csv")
                                       : std::vector<std::string>{"$", "US$", "HK$", "\xE2\x82\xAC", "Rmb", "yuan",
                                                                  "US dollars", "Hong Kong dollars", "euros", "cents", "pence"};
  candidates.insert(candidates.end(), words.begin(), words.end());
  if (options_.lexicon == nullptr) {
    words = builtin_words("minor_units.csv");
    candidates.insert(candidates.end(), words.begin(), words.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  learn(
      markers_, candidates, before_attached | before_spaced | after_attached | after_spaced,
      [&](Word& w) {
        const CurrencyMarker* lm = lexicon_->currency_marker_after_number(w.text);
        if (lm == nullptr) lm = lexicon_->currency_marker(w.text);
        if (lm == nullptr || lm->multiple != 1 || lm->coin || lm->country || lm->per != Per::whole) return false;
        if (lm->divisor != 1 && lm->divisor != 10 && lm->divisor != 100 && lm->divisor != 1000) return false;
        w.shift = static_cast<std::int8_t>(lm->divisor == 1 ? 0 : lm->divisor == 10 ? -1 : lm->divisor == 100 ? -2 : -3);
        auto f = parse_figure(w.text + "1", options_);
        if (!f || !f->unit.is_money()) f = parse_figure("1 " + w.text, options_);
        if (!f || !f->unit.is_money()) f = parse_figure("1" + w.text, options_);
        if (!f || !f->unit.is_money() || !f->unit.currency) return false;
        w.currency = *f->unit.currency;
        w.source = f->currency_source;
        w.family = lexicon_->family(f->currency_family);
        return f->currency_family.empty() || w.family != 0;
      },
      [](const std::string& m, Form form) -> std::vector<std::string> {
        switch (form) {
          case before_attached: return {m + "1", m + "1.5", m + "0.25"};
          case before_spaced: return {m + " 1", m + " 1,234.5", m + " 0.25"};
          case after_attached: return {"1" + m, "1.5" + m, "0.25" + m};
          case after_spaced: return {"1 " + m, "1,234.5 " + m, "0.25 " + m};
        }
        return {};
      });
}

// Tries each word of `candidates` alone in `table`, in each form on `samples(word, form)`,
// as written and in any case; keeps the forms where all samples agree.
template <class Make, class Samples>
void FigureReader::learn(Table& table, const std::vector<std::string>& candidates, std::uint8_t forms, Make make,
                         Samples samples) {
  std::vector<Word> learned;
  std::vector<Word> others = std::move(table.words);
  for (const std::string& c : candidates) {
    Word w;
    w.text = c;
    if (!make(w)) continue;
    const std::string up = to_upper(c), low = to_lower(c), mixed = alternating(c);
    const bool cased = up != c || low != c;
    const bool code = is_code(c);  // in any case only as three small letters (`10 usd`)
    for (const Form form : {before_attached, before_spaced, after_attached, after_spaced}) {
      if ((forms & form) == 0) continue;
      const auto all = [&](const std::string& x) {
        const std::vector<std::string> texts = samples(x, form);
        return !texts.empty() && std::all_of(texts.begin(), texts.end(), [&](const std::string& t) { return agrees(t); });
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
      if (code ? all(low) : all(up) && all(low) && all(mixed)) w.any_case |= form;
    }
    if ((w.forms | w.any_case) != 0) learned.push_back(std::move(w));
  }
  table.words = std::move(learned);
  table.index();
}

void FigureReader::learn_scales() {
  const std::vector<std::string> candidates =
      options_.lexicon == nullptr ? builtin_words("scales.csv") : std::vector<std::string>{"k", "m", "mn", "bn", "tn", "million", "billion"};
  learn(
      scales_, candidates, after_attached | after_spaced,
      [&](Word& w) {
        const auto sc = lexicon_->scale(w.text);
        if (!sc) return false;
        w.scale = *sc;
        return true;
      },
      [](const std::string& t, Form form) -> std::vector<std::string> {
        const std::string a = form == after_attached ? t : " " + t;
        return {"USD 1" + a, "1" + a + " USD", "US$1" + a, "1" + a + " US dollars", "USD 2.5" + a};
      });
}

void FigureReader::learn_hedges() {
  const std::vector<std::string> candidates =
      options_.lexicon == nullptr ? builtin_words("qualifiers.csv") : std::vector<std::string>{};
  learn(
      hedges_, candidates, before_attached | before_spaced,
      [&](Word& w) {
        auto f = parse_figure(w.text + " USD 1", options_);
        if (!f) f = parse_figure(w.text + "USD 1", options_);
        if (!f || f->qualifier == Qualifier::none || f->upper) return false;
        w.qualifier = f->qualifier;
        return true;
      },
      [](const std::string& h, Form form) -> std::vector<std::string> {
        const std::string a = form == before_attached ? h : h + " ";
        return {a + "USD 1", a + "1 USD", a + "US$1", a + "1.5 billion US dollars", a + "2.5bn USD"};
      });
}

void FigureReader::learn_pers() {
  learn(
      pers_,
      {"per share", "a share", "each", "per ordinary share", "per ADS", "per American depositary share",
       "per 10 shares", "per 100 shares"},
      after_spaced,
      [&](Word& w) {
        auto f = parse_figure("USD 1 " + w.text, options_);
        if (!f || f->unit.per == Per::whole) return false;
        w.per = f->unit.per;
        // `per 10 shares`: the amount of one share is a tenth
        w.shift = static_cast<std::int8_t>(f->value.exponent() - f->number.exponent());
        return w.shift <= 0 && w.shift >= -3;
      },
      [](const std::string& p, Form) -> std::vector<std::string> {
        return {"USD 1 " + p, "1 USD " + p, "US$1bn " + p, "1 US dollars " + p, "USD 2.5 " + p};
      });
}

bool FigureReader::read(std::string_view s, FigureReading& out) const noexcept {
  if (!enabled_ || s.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
  std::size_t b = 0, n = s.size();
  while (b < n && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (n > b && (s[n - 1] == ' ' || s[n - 1] == '\t')) --n;
  if (b >= n) return false;
  const auto digit_at = [&](std::size_t k) { return k < n && is_digit(s[k]); };
  // A space: U+0020, or a no-break, narrow no-break or thin space where they read alike.
  const auto space = [&](std::size_t k) -> std::size_t {
    if (k >= n) return 0;
    const auto c = static_cast<unsigned char>(s[k]);
    if (c == ' ') return 1;
    if (c < 0xC2 || !wide_spaces_) return 0;
    if (c == 0xC2) return k + 1 < n && static_cast<unsigned char>(s[k + 1]) == 0xA0 ? 2 : 0;
    return c == 0xE2 && k + 2 < n && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[k + 2]) == 0xAF || static_cast<unsigned char>(s[k + 2]) == 0x89)
               ? 3
               : 0;
  };
  const auto minus = [&](std::size_t k) -> std::size_t {
    if (k >= n) return 0;
    if (s[k] == '-') return 1;
    return static_cast<unsigned char>(s[k]) == 0xE2 && k + 2 < n && static_cast<unsigned char>(s[k + 1]) == 0x88 &&
                   static_cast<unsigned char>(s[k + 2]) == 0x92
               ? 3
               : 0;
  };
  std::size_t i = b;

  // A hedge (then one space, or nothing: `~`), or a sign.
  Qualifier qualifier = Qualifier::none;
  std::size_t qualifier_end = b;
  std::uint8_t form = 0;
  if (const Word* h = !hedges_.may_start(s, b, n) ? nullptr : hedges_.match(
          s, b, n, before_spaced, [&](std::size_t k) { return k < n && s[k] == ' '; }, before_attached,
          [&](std::size_t k) { return k < n && space(k) == 0; }, form)) {
    qualifier = h->qualifier;
    qualifier_end = b + h->text.size();
    i = form == before_spaced ? qualifier_end + 1 : qualifier_end;
  }
  bool negative = false;
  if (qualifier == Qualifier::none && sign_first_) {
    if (const std::size_t m = minus(i)) {
      negative = true;
      i += m;
    }
  }

  // Accounting parentheses around the amount (`(S$ 544m)`, `(USD 1) per share`):
  // negative; its units end at the ')'.
  std::size_t m = n;
  bool outer = false;
  if (outer_paren_ && qualifier == Qualifier::none && !negative && s[i] == '(') {
    const std::size_t close = s.find(')', i + 1);
    if (close == std::string_view::npos || close >= n) return false;
    outer = negative = true;
    m = close;
    ++i;
  }

  // A marker before the number, attached or after one space; then perhaps a sign or
  // parentheses around the number (`US$(318)m`).
  const bool sign_may_follow = sign_after_marker_ && !negative && qualifier == Qualifier::none;
  const bool paren_may_follow = inner_paren_ && !negative && qualifier == Qualifier::none;
  const auto number_starts = [&](std::size_t k) {
    return digit_at(k) || (sign_may_follow && minus(k) != 0) || (paren_may_follow && k < n && s[k] == '(' && digit_at(k + 1));
  };
  std::size_t marker_begin = i, marker_end = i;
  std::uint8_t marker_form = 0;
  const Word* prefix = !markers_.may_start(s, i, n) ? nullptr : markers_.match(s, i, n, before_attached, number_starts, before_spaced,
                                      [&](std::size_t k) {
                                        const std::size_t g = space(k);
                                        return g > 0 && number_starts(k + g);
                                      },
                                      marker_form);
  if (prefix != nullptr) {
    i += prefix->text.size();
    marker_end = i;
    if (marker_form == before_spaced) i += space(i);
  }
  bool inner = false;
  if (prefix != nullptr && paren_may_follow && i < n && s[i] == '(') {
    inner = negative = true;
    ++i;
  } else if (prefix != nullptr && sign_may_follow) {
    if (const std::size_t k = minus(i)) {
      negative = true;
      i += k;
    }
  }

  // The number: digits, or groups of three after one to three digits (all
  // separated alike: commas, or spaces where they group); an optional decimal
  // part. At most 18 digits (a 64-bit integer).
  if (!digit_at(i)) return false;
  const std::size_t start = i;
  std::uint64_t digits = 0;
  int count = 0;
  while (digit_at(i)) {
    digits = digits * 10 + static_cast<unsigned>(s[i++] - '0');
    if (++count > 18) return false;
  }
  bool grouped = false;
  if (i - start <= 3) {
    char kind = 0;  // ',' or ' '
    for (;;) {
      std::size_t g = 0;
      char k = ',';
      if (i < n && s[i] == ',') {
        g = 1;
      } else if (space_groups_ && (g = space(i)) != 0) {
        k = ' ';
      }
      if (g == 0 || !digit_at(i + g) || !digit_at(i + g + 1) || !digit_at(i + g + 2) || digit_at(i + g + 3)) break;
      if (kind != 0 && k != kind) return false;  // mixed separators: parse_figure decides which is decimal
      kind = k;
      for (std::size_t d = i + g; d < i + g + 3; ++d) digits = digits * 10 + static_cast<unsigned>(s[d] - '0');
      if ((count += 3) > 18) return false;
      i += g + 3;
      grouped = true;
    }
  }
  // Indian grouping (`2,83,65,87,890`): one or two digits, pairs, then a group of
  // three, all after commas; read only with a rupee marker or an Indian locale.
  bool indian = false;
  if (!grouped && i - start <= 2 && i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && !digit_at(i + 3)) {
    while (i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && !digit_at(i + 3)) {
      digits = digits * 100 + static_cast<unsigned>(s[i + 1] - '0') * 10 + static_cast<unsigned>(s[i + 2] - '0');
      count += 2;
      i += 3;
    }
    if (!(i < n && s[i] == ',' && digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3) && !digit_at(i + 4)))
      return false;
    for (std::size_t d = i + 1; d < i + 4; ++d) digits = digits * 10 + static_cast<unsigned>(s[d] - '0');
    if ((count += 3) > 18) return false;
    i += 4;
    grouped = indian = true;
  }
  const std::size_t whole_end = i;
  int fraction = 0;
  if (i < n && s[i] == '.') {
    if (!digit_at(i + 1)) return false;
    ++i;
    while (digit_at(i)) {
      digits = digits * 10 + static_cast<unsigned>(s[i++] - '0');
      ++fraction;
      if (++count > 18) return false;
    }
  }
  // Another separator, or a space before a digit: parse_figure's (errors, other groupings).
  if (i < n && (s[i] == ',' || s[i] == '.' || s[i] == '\'')) return false;
  if (const std::size_t g = (i < n && s[i] == ' ') ? 1 : space(i); g != 0 && digit_at(i + g)) return false;
  if (inner) {
    if (i >= n || s[i] != ')') return false;
    ++i;
  }
  const bool dot_three = dot_three_ambiguous_ && !grouped && whole_end - start <= 3 && fraction == 3 && s[start] != '0';

  // A scale: attached (then the end or anything but a letter: `1bn€`) or after one space.
  const Word* scale = !scales_.may_start(s, i, m) ? nullptr : scales_.match(s, i, m, after_attached, [&](std::size_t k) { return k >= m || !is_letter(s[k]); });
  if (scale != nullptr) {
    i += scale->text.size();
  } else if (const std::size_t g = space(i)) {
    if (scales_.may_start(s, i + g, m) && (scale = scales_.match(s, i + g, m, after_spaced, [&](std::size_t k) { return k >= m || space(k) > 0; })))
      i += g + scale->text.size();
  }
  if (dot_three && scale == nullptr) return false;  // `1.234`: which locale?

  // A marker after the number (then the end or a space).
  const auto word_end = [&](std::size_t k) { return k >= m || space(k) > 0; };
  const Word* marker = prefix;
  if (prefix == nullptr) {
    if (markers_.may_start(s, i, m) && (marker = markers_.match(s, i, m, after_attached, word_end))) {
      marker_form = after_attached;
      marker_begin = i;
      i += marker->text.size();
      marker_end = i;
    } else if (const std::size_t g = space(i); g > 0 && markers_.may_start(s, i + g, m) && (marker = markers_.match(s, i + g, m, after_spaced, word_end))) {
      marker_form = after_spaced;
      marker_begin = i + g;
      i += g + marker->text.size();
      marker_end = i;
    }
  }
  if (marker == nullptr || (scale != nullptr && (marker->scaled & marker_form) == 0)) return false;
  if (indian && !indian_locale_ && marker->currency != Currency{{'I', 'N', 'R'}}) return false;
  if (outer) {
    if (i != m) return false;
    i = m + 1;
  }

  // What the amount is per, ending the figure.
  Per per = Per::whole;
  int per_shift = 0;
  if (i < n) {
    const std::size_t g = space(i);
    if (g == 0) return false;
    const Word* p = !pers_.may_start(s, i + g, n) ? nullptr
                                                   : pers_.match(s, i + g, n, after_spaced, [&](std::size_t k) { return k == n; });
    if (p == nullptr) return false;
    per = p->per;
    per_shift = p->shift;
  }

  out.digits = digits;
  out.fraction_digits = fraction;
  out.shift = marker->shift + per_shift;
  out.scale = scale != nullptr ? scale->scale : scales::units;
  out.negative = negative;
  out.currency = marker->currency;
  out.per = per;
  out.qualifier = qualifier;
  out.currency_source = marker->source;
  out.currency_family = marker->family;
  out.begin = static_cast<std::uint32_t>(b);
  out.end = static_cast<std::uint32_t>(n);
  out.qualifier_end = static_cast<std::uint32_t>(qualifier_end);
  out.marker_begin = static_cast<std::uint32_t>(marker_begin);
  out.marker_end = static_cast<std::uint32_t>(marker_end);
  return true;
}

void FigureReader::fill(std::string_view text, const FigureReading& r, QuotedFigure& f) const {
  f.text.assign(text.data() + r.begin, r.end - r.begin);
  f.span = TextSpan{r.begin, r.end};
  const auto magnitude = static_cast<std::int64_t>(r.digits);  // below 10^18
  const Decimal::Coefficient coefficient(r.negative ? -magnitude : magnitude);
  f.number = Decimal::from_parts(coefficient, -r.fraction_digits);
  f.value = Decimal::from_parts(coefficient, r.exponent());
  f.scale = r.scale;
  f.unit.dimension = Dimension::money;
  f.unit.currency = r.currency;
  f.unit.per = r.per;
  f.qualifier = r.qualifier;
  f.tolerances = options_.tolerances;
  f.currency_source = r.currency_source;
  f.currency_marker.assign(text.data() + r.marker_begin, r.marker_end - r.marker_begin);
  f.currency_span = TextSpan{r.marker_begin, r.marker_end};
  const std::string_view family = lexicon_->family_name(r.currency_family);
  f.currency_family.assign(family.data(), family.size());
  f.qualifier_span = TextSpan{r.begin, r.qualifier_end};
}

QuotedFigure FigureReader::to_quoted_figure(std::string_view text, const FigureReading& r) const {
  QuotedFigure f;
  fill(text, r, f);
  return f;
}

Result<QuotedFigure> FigureReader::parse(std::string_view text) const {
  FigureReading r;
  if (!read(text, r)) return parse_figure(text, options_);
  Result<QuotedFigure> result(tl::in_place);  // built in place: a QuotedFigure is not moved
  fill(text, r, *result);
  return result;
}

}  // namespace finmetrics
