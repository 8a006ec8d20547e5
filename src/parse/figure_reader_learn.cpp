#include "finmetrics/parse/figure_reader.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "figure_reader_bytes.hpp"
#include "finmetrics/lexicon/builtin_sources.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

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
                                       ? detail::builtin_lexicon_words("currencies.csv")
                                       : std::vector<std::string>{"$", "US$", "HK$", "\xE2\x82\xAC", "Rmb", "yuan",
                                                                  "US dollars", "Hong Kong dollars", "euros", "cents", "pence"};
  candidates.insert(candidates.end(), words.begin(), words.end());
  if (options_.lexicon == nullptr) {
    words = detail::builtin_lexicon_words("minor_units.csv");
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
      options_.lexicon == nullptr ? detail::builtin_lexicon_words("scales.csv") : std::vector<std::string>{"k", "m", "mn", "bn", "tn", "million", "billion"};
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
      options_.lexicon == nullptr ? detail::builtin_lexicon_words("qualifiers.csv") : std::vector<std::string>{};
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

}  // namespace finmetrics
