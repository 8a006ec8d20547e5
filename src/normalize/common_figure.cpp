#include "finmetrics/normalize/detail/common_figure.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <string>

#include "finmetrics/lexicon/builtin_sources.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::detail {

namespace {

bool is_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') < 10; }
bool is_letter(char c) noexcept { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_capital(char c) noexcept { return static_cast<unsigned char>(c - 'A') < 26; }
bool is_code(std::string_view t) noexcept { return t.size() == 3 && is_capital(t[0]) && is_capital(t[1]) && is_capital(t[2]); }
std::size_t code_slot(const char* p) noexcept {
  return static_cast<std::size_t>(((p[0] - 'A') * 26 + (p[1] - 'A')) * 26 + (p[2] - 'A'));
}
constexpr std::uint16_t no_word = 0xFFFF;

bool starts_with(std::string_view s, std::size_t at, std::string_view what) noexcept {
  return s.size() >= at && s.size() - at >= what.size() && std::memcmp(s.data() + at, what.data(), what.size()) == 0;
}

// What a sample must read as.
struct Expect {
  std::uint64_t mantissa = 1;
  int exponent = 0;
  bool negative = false;
  Per per = Per::whole;
  V2Qualifier qualifier = V2Qualifier::exact;
  CurrencySource source = CurrencySource::none;  // none: any
};

// Whether the v2 reading of `text` (read_v2_figure, the cells' source) is exactly
// `e` in `currency`: the check that makes each word and rule of the lean reader
// the library's own.
bool reads_as(const std::string& text, const ParseOptions& options, Currency currency, const Expect& e) {
  auto f = read_v2_figure(text, options);
  if (!f || f->currency != currency || f->high || f->qualifier != e.qualifier || f->per != e.per) return false;
  if (e.source != CurrencySource::none && f->currency_source != e.source) return false;
  Decimal want = Decimal::from_parts(Decimal::Coefficient(e.mantissa), e.exponent);
  if (e.negative) want = -want;
  return f->low == want;
}

}  // namespace

void CommonFigureReader::Table::index() {
  for (auto& list : by_first) list.clear();
  words.erase(std::remove_if(words.begin(), words.end(), [](const Word& w) { return w.forms == 0 || w.text.empty(); }),
              words.end());
  codes.assign(26 * 26 * 26, no_word);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (is_code(words[k].text)) codes[code_slot(words[k].text.data())] = static_cast<std::uint16_t>(k);
    else by_first[static_cast<unsigned char>(words[k].text[0])].push_back(static_cast<std::uint16_t>(k));
  }
  for (auto& list : by_first)
    std::stable_sort(list.begin(), list.end(),
                     [&](std::uint16_t a, std::uint16_t b) { return words[a].text.size() > words[b].text.size(); });
}

template <class Boundary>
const CommonFigureReader::Word* CommonFigureReader::Table::match(std::string_view s, std::size_t at, std::uint8_t form,
                                                                 Boundary boundary) const noexcept {
  if (at >= s.size()) return nullptr;
  const std::size_t left = s.size() - at;
  for (const std::uint16_t k : by_first[static_cast<unsigned char>(s[at])]) {
    const Word& w = words[k];
    // The second byte first: most candidates differ there, before a memcmp call.
    if ((w.forms & form) != 0 && w.text.size() <= left && (w.text.size() < 2 || w.text[1] == s[at + 1]) &&
        std::memcmp(s.data() + at, w.text.data(), w.text.size()) == 0 && boundary(at + w.text.size()))
      return &w;
  }
  if (left >= 3 && is_code(s.substr(at, 3))) {
    const std::uint16_t k = codes[code_slot(s.data() + at)];
    if (k != no_word && (words[k].forms & form) != 0 && boundary(at + 3)) return &words[k];
  }
  return nullptr;
}

CommonFigureReader::CommonFigureReader(const ParseOptions& options) {
  const Lexicon& lexicon = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  const auto reads = [&](const std::string& text, Currency c, const Expect& e) { return reads_as(text, options, c, e); };
  const Currency usd = Currency::from_code("USD").value();
  const Expect one{}, one_and_half_bn{15, 8};

  // Numbers the English way: comma groups of three, a decimal point (`--locale de`
  // reads `1,234.5` otherwise, and an empty locale calls `1.234` ambiguous).
  enabled_ = reads("USD 1,234.5", usd, {12345, -1}) && reads("USD 1.234", usd, {1234, -3}) &&
             reads("USD 1,234", usd, {1234, 0}) && reads("USD 0.05", usd, {5, -2}) &&
             reads("USD 1,234,567", usd, {1234567, 0}) && reads("1,234.5 USD", usd, {12345, -1}) &&
             reads("USD 1.5bn", usd, one_and_half_bn);
  if (!enabled_) return;

  // Markers: every code of three capitals the lexicon names a currency with, and
  // the lexicon's other markers (the built-in files' words; v1's when the lexicon
  // is another), each kept where the samples read as its currency.
  std::vector<std::string> candidates;
  char code[3];
  for (int k = 0; k < 26 * 26 * 26; ++k) {
    code[0] = static_cast<char>('A' + k / 676);
    code[1] = static_cast<char>('A' + k / 26 % 26);
    code[2] = static_cast<char>('A' + k % 26);
    const CurrencyMarker* m = lexicon.currency_marker(std::string_view(code, 3));
    if (m != nullptr && m->currency && m->divisor == 1 && !m->country) candidates.emplace_back(code, 3);
  }
  std::vector<std::string> words = options.lexicon == nullptr
                                       ? builtin_lexicon_words("currencies.csv")
                                       : std::vector<std::string>{"$", "US$", "HK$", "\xE2\x82\xAC", "Rmb", "yuan",
                                                                  "US dollars", "Hong Kong dollars", "euros"};
  candidates.insert(candidates.end(), words.begin(), words.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (const std::string& m : candidates) {
    const CurrencyMarker* lm = lexicon.currency_marker_after_number(m);
    if (lm == nullptr || lm->divisor != 1 || lm->multiple != 1 || lm->coin || lm->country || lm->per != Per::whole)
      continue;
    Word w;
    w.text = m;
    auto f = read_v2_figure(m + "1", options);
    if (!f) f = read_v2_figure("1 " + m, options);
    if (!f) continue;
    w.currency = f->currency;
    w.source = f->currency_source;
    w.bare_dollar = !lm->currency.has_value();  // `$`, `dollars`: the context's currency
    const Currency c = w.currency;
    // Every sample must also say the currency was decided as the first did.
    const Expect unit{1, 0, false, Per::whole, V2Qualifier::exact, w.source};
    const Expect scaled{15, 8, false, Per::whole, V2Qualifier::exact, w.source};  // 1.5bn
    if (reads(m + "1", c, unit) && reads(m + "1.5bn", c, scaled)) w.forms |= before_attached;
    if (reads(m + " 1", c, unit) && reads(m + " 1.5 billion", c, scaled)) w.forms |= before_spaced;
    if (reads("1 " + m, c, unit) && reads("1.5bn " + m, c, scaled) && reads("1.5 billion " + m, c, scaled))
      w.forms |= after_spaced;
    const bool is_code = m.size() == 3 && std::all_of(m.begin(), m.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!is_code && reads("1" + m, c, unit) && reads("1.5bn" + m, c, scaled)) w.forms |= after_attached;
    markers_.words.push_back(std::move(w));
  }
  markers_.index();

  // Scales, in the contexts of a code and of a sign or word before and after.
  for (const std::string& t : options.lexicon == nullptr ? builtin_lexicon_words("scales.csv")
                                                         : std::vector<std::string>{"k", "m", "mn", "bn", "tn"}) {
    const auto scale = lexicon.scale(t);
    if (!scale) continue;
    Word w;
    w.text = t;
    w.exponent = scale->exponent;
    const Expect e{1, scale->exponent};
    if (reads("USD 1" + t, usd, e) && reads("1" + t + " USD", usd, e) && reads("US$1" + t, usd, e) &&
        reads("1" + t + " US dollars", usd, e))
      w.forms |= after_attached;
    if (reads("USD 1 " + t, usd, e) && reads("1 " + t + " USD", usd, e) && reads("US$1 " + t, usd, e) &&
        reads("1 " + t + " US dollars", usd, e))
      w.forms |= after_spaced;
    scales_.words.push_back(std::move(w));
  }
  scales_.index();

  // Hedges before the figure, with the qualifier class the v2 reading gives them.
  for (const std::string& h : options.lexicon == nullptr ? builtin_lexicon_words("qualifiers.csv") : std::vector<std::string>{}) {
    Word w;
    w.text = h;
    auto f = read_v2_figure(h + " USD 1", options);
    if (!f) f = read_v2_figure(h + "USD 1", options);
    if (!f || f->qualifier == V2Qualifier::exact || f->qualifier == V2Qualifier::range) continue;
    w.qualifier = f->qualifier;
    const Expect e{1, 0, false, Per::whole, w.qualifier};
    if (reads(h + " USD 1", usd, e) && reads(h + " 1 USD", usd, e) && reads(h + " US$1", usd, e) &&
        reads(h + " 1.5 billion US dollars", usd, {15, 8, false, Per::whole, w.qualifier}))
      w.forms |= before_spaced;
    if (reads(h + "USD 1", usd, e) && reads(h + "1 USD", usd, e) && reads(h + "US$1", usd, e)) w.forms |= before_attached;
    hedges_.words.push_back(std::move(w));
  }
  hedges_.index();

  // What an amount is per, after the figure.
  for (const char* p : {"per share", "a share", "each", "per ordinary share", "per ADS", "per American depositary share"}) {
    Word w;
    w.text = p;
    auto f = read_v2_figure(std::string("USD 1 ") + p, options);
    if (!f || f->per == Per::whole) continue;
    w.per = f->per;
    const Expect e{1, 0, false, w.per};
    if (reads(std::string("USD 1 ") + p, usd, e) && reads(std::string("1 USD ") + p, usd, e) &&
        reads(std::string("US$1bn ") + p, usd, {1, 9, false, w.per}) && reads(std::string("1 US dollars ") + p, usd, e))
      w.forms |= after_spaced;
    pers_.words.push_back(std::move(w));
  }
  pers_.index();

  // No-break, narrow no-break and thin spaces where a space may stand.
  wide_spaces_ = true;
  for (const std::string sp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
    wide_spaces_ = wide_spaces_ && reads("USD" + sp + "1", usd, one) && reads("1" + sp + "USD", usd, one) &&
                   reads("\xE2\x82\xAC" + sp + "1", Currency::from_code("EUR").value(), one) &&
                   reads("USD 1" + sp + "billion", usd, {1, 9}) && reads("1" + sp + "billion" + sp + "USD", usd, {1, 9}) &&
                   reads("1" + sp + "bn" + sp + "US dollars", usd, {1, 9}) &&
                   reads("about" + sp + "USD 1", usd, {1, 0, false, Per::whole, V2Qualifier::about}) &&
                   reads("USD 1" + sp + "per share", usd, {1, 0, false, Per::share});
  }

  // A sign before the whole figure: '-' and U+2212.
  sign_first_ = true;
  for (const std::string sign : {"-", "\xE2\x88\x92"}) {
    const Expect minus{1, 0, true};
    sign_first_ = sign_first_ && reads(sign + "USD 1", usd, minus) && reads(sign + "1 USD", usd, minus) &&
                  reads(sign + "US$1", usd, minus) && reads(sign + "1.5bn US dollars", usd, {15, 8, true});
  }
}

bool CommonFigureReader::read(std::string_view s, CommonFigure& out) const noexcept {
  if (!enabled_ || s.empty()) return false;
  const std::size_t n = s.size();
  std::size_t i = 0;
  const auto digit_at = [&](std::size_t k) { return k < n && is_digit(s[k]); };
  // A space: U+0020, or no-break, narrow no-break or thin space where they read alike.
  const auto space = [&](std::size_t k) -> std::size_t {
    if (k >= n) return 0;
    if (s[k] == ' ') return 1;
    if (!wide_spaces_) return 0;
    if (starts_with(s, k, "\xC2\xA0")) return 2;
    if (starts_with(s, k, "\xE2\x80\xAF") || starts_with(s, k, "\xE2\x80\x89")) return 3;
    return 0;
  };

  // A hedge, or a sign.
  V2Qualifier qualifier = V2Qualifier::exact;
  if (const Word* h = hedges_.match(s, 0, before_spaced, [&](std::size_t k) { return space(k) > 0; })) {
    qualifier = h->qualifier;
    i = h->text.size() + space(h->text.size());
  } else if (const Word* ha = hedges_.match(s, 0, before_attached, [&](std::size_t k) { return k < n && space(k) == 0; })) {
    qualifier = ha->qualifier;
    i = ha->text.size();
  }
  bool negative = false;
  if (qualifier == V2Qualifier::exact && sign_first_) {
    if (s[0] == '-') {
      negative = true;
      i = 1;
    } else if (starts_with(s, 0, "\xE2\x88\x92")) {
      negative = true;
      i = 3;
    }
  }

  // A marker before the number, attached or with one space.
  const Word* prefix = markers_.match(s, i, before_attached, digit_at);
  if (prefix != nullptr) {
    i += prefix->text.size();
  } else if ((prefix = markers_.match(s, i, before_spaced,
                                      [&](std::size_t k) { return space(k) > 0 && digit_at(k + space(k)); }))) {
    i += prefix->text.size();
    i += space(i);
  }

  // The number: plain digits, or comma groups of three; an optional decimal part.
  // At most 18 digits (a 64-bit mantissa); no leading zero before a digit.
  if (!digit_at(i)) return false;
  if (s[i] == '0' && digit_at(i + 1)) return false;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  const std::size_t start = i;
  while (digit_at(i)) {
    mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
    if (++digits > 18) return false;
  }
  if (i < n && s[i] == ',') {
    if (i - start > 3) return false;
    while (i < n && s[i] == ',') {
      if (!digit_at(i + 1) || !digit_at(i + 2) || !digit_at(i + 3) || digit_at(i + 4)) return false;
      for (std::size_t k = i + 1; k < i + 4; ++k) mantissa = mantissa * 10 + static_cast<unsigned>(s[k] - '0');
      if ((digits += 3) > 18) return false;
      i += 4;
    }
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (!digit_at(i)) return false;
    while (digit_at(i)) {
      mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
      ++fraction;
      if (++digits > 18) return false;
    }
  }

  // A scale: attached (then the end, a space or a marker that is no letter: `1bn€`) or spaced.
  int scale = 0;
  if (const Word* t = scales_.match(s, i, after_attached, [&](std::size_t k) { return k >= n || !is_letter(s[k]); })) {
    scale = t->exponent;
    i += t->text.size();
  } else if (const std::size_t gap = space(i)) {
    if (const Word* ts = scales_.match(s, i + gap, after_spaced, [&](std::size_t k) { return k >= n || space(k) > 0; })) {
      scale = ts->exponent;
      i += gap + ts->text.size();
    }
  }

  // A marker after the number (then the end or a space).
  const auto word_end = [&](std::size_t k) { return k >= n || space(k) > 0; };
  const Word* suffix = nullptr;
  if (prefix == nullptr) {
    if ((suffix = markers_.match(s, i, after_attached, word_end))) {
      i += suffix->text.size();
    } else if (const std::size_t gap = space(i); gap > 0 && (suffix = markers_.match(s, i + gap, after_spaced, word_end))) {
      i += gap + suffix->text.size();
    }
  }
  const Word* marker = prefix != nullptr ? prefix : suffix;
  if (marker == nullptr) return false;

  Per per = Per::whole;
  if (const std::size_t gap = space(i)) {
    const Word* p = pers_.match(s, i + gap, after_spaced, [&](std::size_t k) { return k == n; });
    if (p == nullptr) return false;
    per = p->per;
    i = n;
  }
  if (i != n) return false;
  out.mantissa = mantissa;
  out.exponent = mantissa == 0 ? 0 : scale - fraction;
  out.negative = negative && mantissa != 0;
  out.currency = marker->currency;
  out.per = per;
  out.qualifier = qualifier;
  out.bare_dollar = marker->bare_dollar;
  out.currency_source = marker->source;
  return true;
}

}  // namespace finmetrics::detail
