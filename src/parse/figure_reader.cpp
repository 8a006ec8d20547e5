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

bool starts_with(std::string_view s, std::size_t at, std::string_view what) noexcept {
  return s.size() >= at && s.size() - at >= what.size() && std::memcmp(s.data() + at, what.data(), what.size()) == 0;
}

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

bool same_decimal(const Decimal& a, const Decimal& b) { return a == b && a.same_quantum(b); }

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

void FigureReader::Table::index() {
  for (auto& list : by_first) list.clear();
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const Word& w) { return (w.forms | w.any_case) == 0 || w.text.empty(); }),
              words.end());
  codes.assign(26 * 26 * 26, no_word);
  const auto add = [&](char first, std::size_t k) {
    auto& list = by_first[static_cast<unsigned char>(first)];
    if (std::find(list.begin(), list.end(), k) == list.end()) list.push_back(static_cast<std::uint16_t>(k));
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    w.folded = to_lower(w.text);
    if (is_code(w.text)) {
      codes[code_slot(w.text.data())] = static_cast<std::uint16_t>(k);
      continue;
    }
    add(w.text[0], k);
    if (w.any_case != 0) {
      add(lower(w.text[0]), k);
      add(upper(w.text[0]), k);
    }
  }
  for (auto& list : by_first)
    std::stable_sort(list.begin(), list.end(),
                     [&](std::uint16_t a, std::uint16_t b) { return words[a].text.size() > words[b].text.size(); });
}

template <class Boundary>
const FigureReader::Word* FigureReader::Table::match(std::string_view s, std::size_t at, std::size_t n,
                                                     std::uint8_t form, Boundary boundary) const noexcept {
  if (at >= n) return nullptr;
  const std::size_t left = n - at;
  const char* const p = s.data() + at;
  for (const std::uint16_t k : by_first[static_cast<unsigned char>(*p)]) {
    const Word& w = words[k];
    const std::size_t size = w.text.size();
    if (size > left) continue;
    if ((w.forms & form) != 0 && (size < 2 || w.text[1] == p[1]) && std::memcmp(p, w.text.data(), size) == 0 &&
        boundary(at + size))
      return &w;
    if ((w.any_case & form) != 0) {
      std::size_t i = 0;
      while (i < size && lower(p[i]) == w.folded[i]) ++i;
      if (i == size && boundary(at + size)) return &w;
    }
  }
  if (left >= 3 && !codes.empty() && is_letter(p[0]) && is_letter(p[1]) && is_letter(p[2])) {
    const bool capitals = is_capital(p[0]) && is_capital(p[1]) && is_capital(p[2]);
    const bool smalls = is_small(p[0]) && is_small(p[1]) && is_small(p[2]);  // `10 usd`: after a number only
    if (capitals || smalls) {
      const std::uint16_t k = codes[code_slot(p)];
      if (k != no_word && ((capitals ? words[k].forms : words[k].any_case) & form) != 0 && boundary(at + 3))
        return &words[k];
    }
  }
  return nullptr;
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
          case after_attached:
            if (is_code(m)) return {};  // `1USD`: a code glued to a number is no form of ours
            return {"1" + m, "1.5" + m, "0.25" + m};
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
      if (all(up) && all(low) && all(mixed)) w.any_case |= form;
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
      pers_, {"per share", "a share", "each", "per ordinary share", "per ADS", "per American depositary share"},
      after_spaced,
      [&](Word& w) {
        auto f = parse_figure("USD 1 " + w.text, options_);
        if (!f || f->unit.per == Per::whole) return false;
        w.per = f->unit.per;
        return true;
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
    if (s[k] == ' ') return 1;
    if (!wide_spaces_ || static_cast<unsigned char>(s[k]) < 0xC2) return 0;
    if (starts_with(s.substr(0, n), k, "\xC2\xA0")) return 2;
    if (starts_with(s.substr(0, n), k, "\xE2\x80\xAF") || starts_with(s.substr(0, n), k, "\xE2\x80\x89")) return 3;
    return 0;
  };
  const auto minus = [&](std::size_t k) -> std::size_t {
    if (k >= n) return 0;
    if (s[k] == '-') return 1;
    return starts_with(s.substr(0, n), k, "\xE2\x88\x92") ? 3 : 0;
  };
  std::size_t i = b;

  // A hedge (then one space, or nothing: `~`), or a sign.
  Qualifier qualifier = Qualifier::none;
  std::size_t qualifier_end = b;
  if (const Word* h = hedges_.match(s, b, n, before_spaced, [&](std::size_t k) { return k < n && s[k] == ' '; })) {
    qualifier = h->qualifier;
    qualifier_end = b + h->text.size();
    i = qualifier_end + 1;
  } else if (const Word* ha = hedges_.match(s, b, n, before_attached, [&](std::size_t k) { return k < n && space(k) == 0; })) {
    qualifier = ha->qualifier;
    qualifier_end = b + ha->text.size();
    i = qualifier_end;
  }
  bool negative = false;
  if (qualifier == Qualifier::none && sign_first_) {
    if (const std::size_t m = minus(i)) {
      negative = true;
      i += m;
    }
  }

  // A marker before the number, attached or after one space; then perhaps a sign.
  const bool sign_may_follow = sign_after_marker_ && !negative && qualifier == Qualifier::none;
  const auto number_starts = [&](std::size_t k) { return digit_at(k) || (sign_may_follow && minus(k) != 0); };
  std::size_t marker_begin = i, marker_end = i;
  std::uint8_t marker_form = before_attached;
  const Word* prefix = markers_.match(s, i, n, before_attached, number_starts);
  if (prefix != nullptr) {
    i += prefix->text.size();
    marker_end = i;
  } else if ((prefix = markers_.match(s, i, n, before_spaced, [&](std::size_t k) {
                const std::size_t g = space(k);
                return g > 0 && number_starts(k + g);
              }))) {
    marker_form = before_spaced;
    i += prefix->text.size();
    marker_end = i;
    i += space(i);
  }
  if (prefix != nullptr && sign_may_follow) {
    if (const std::size_t m = minus(i)) {
      negative = true;
      i += m;
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
  const bool dot_three = dot_three_ambiguous_ && !grouped && whole_end - start <= 3 && fraction == 3 && s[start] != '0';

  // A scale: attached (then the end or anything but a letter: `1bn€`) or after one space.
  const Word* scale = scales_.match(s, i, n, after_attached, [&](std::size_t k) { return k >= n || !is_letter(s[k]); });
  if (scale != nullptr) {
    i += scale->text.size();
  } else if (const std::size_t g = space(i)) {
    if ((scale = scales_.match(s, i + g, n, after_spaced, [&](std::size_t k) { return k >= n || space(k) > 0; })))
      i += g + scale->text.size();
  }
  if (dot_three && scale == nullptr) return false;  // `1.234`: which locale?

  // A marker after the number (then the end or a space).
  const auto word_end = [&](std::size_t k) { return k >= n || space(k) > 0; };
  const Word* marker = prefix;
  if (prefix == nullptr) {
    if ((marker = markers_.match(s, i, n, after_attached, word_end))) {
      marker_form = after_attached;
      marker_begin = i;
      i += marker->text.size();
      marker_end = i;
    } else if (const std::size_t g = space(i); g > 0 && (marker = markers_.match(s, i + g, n, after_spaced, word_end))) {
      marker_form = after_spaced;
      marker_begin = i + g;
      i += g + marker->text.size();
      marker_end = i;
    }
  }
  if (marker == nullptr || (scale != nullptr && (marker->scaled & marker_form) == 0)) return false;

  // What the amount is per, ending the figure.
  Per per = Per::whole;
  if (i < n) {
    const std::size_t g = space(i);
    if (g == 0) return false;
    const Word* p = pers_.match(s, i + g, n, after_spaced, [&](std::size_t k) { return k == n; });
    if (p == nullptr) return false;
    per = p->per;
  }

  out.digits = digits;
  out.fraction_digits = fraction;
  out.shift = marker->shift;
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
