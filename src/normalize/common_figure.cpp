#include "finmetrics/normalize/detail/common_figure.hpp"

#include <cstring>
#include <string>

#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/v2_figure.hpp"

namespace finmetrics::detail {

namespace {

constexpr int slots = 26 * 26 * 26;

bool is_digit(char c) noexcept { return static_cast<unsigned char>(c - '0') < 10; }
bool is_capital(char c) noexcept { return static_cast<unsigned char>(c - 'A') < 26; }

int slot_of(const char* p) noexcept { return ((p[0] - 'A') * 26 + (p[1] - 'A')) * 26 + (p[2] - 'A'); }

bool starts_with(std::string_view s, std::size_t at, std::string_view what) noexcept {
  return s.size() - at >= what.size() && std::memcmp(s.data() + at, what.data(), what.size()) == 0;
}

// Whether the v2 reading of `text` (read_v2_figure, the cells' source) is
// `mantissa` x 10^exponent of `currency`, exact, per `per`: the check that makes
// each marker, scale and number rule of the lean reader the library's own.
bool reads_as(std::string_view text, const ParseOptions& options, Currency currency, std::uint64_t mantissa,
              int exponent, Per per = Per::whole) {
  auto f = read_v2_figure(text, options);
  return f && f->currency == currency && !f->high && f->qualifier == V2Qualifier::exact && f->per == per &&
         f->low == Decimal::from_parts(Decimal::Coefficient(mantissa), exponent);
}

}  // namespace

CommonFigureReader::CommonFigureReader(const ParseOptions& options)
    : prefix_code_(slots, none),
      suffix_code_(slots, none),
      prefixes_{{{"$", {}}, {"US$", {}}, {"HK$", {}}, {"\xE2\x82\xAC", {}}, {"Rmb", {}}}},
      suffixes_{{{" yuan", {}}, {" US dollars", {}}, {" Hong Kong dollars", {}}, {" euros", {}}}},
      scales_{{{"k", 3}, {"m", 6}, {"mn", 6}, {"bn", 9}, {"tn", 12},
               {" thousand", 3}, {" million", 6}, {" billion", 9}, {" trillion", 12}}} {
  const Lexicon& lexicon = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  // Codes: every three capitals the lexicon names a currency with, kept where
  // the v2 reading agrees before the number (`GBP 1`) and after it (`1 GBP`).
  char code[3];
  for (int k = 0; k < slots; ++k) {
    code[0] = static_cast<char>('A' + k / 676);
    code[1] = static_cast<char>('A' + k / 26 % 26);
    code[2] = static_cast<char>('A' + k % 26);
    const std::string_view text(code, 3);
    const CurrencyMarker* m = lexicon.currency_marker(text);
    if (m == nullptr || !m->currency || m->divisor != 1) continue;
    const Currency c = *m->currency;
    const bool before = reads_as(std::string(text) + " 1", options, c, 1, 0);
    const bool after = reads_as("1 " + std::string(text), options, c, 1, 0);
    if (!before && !after) continue;
    codes_.push_back(c);
    const auto index = static_cast<std::uint16_t>(codes_.size() - 1);
    if (before) prefix_code_[static_cast<std::size_t>(k)] = index;
    if (after) suffix_code_[static_cast<std::size_t>(k)] = index;
  }
  // The signs and words: whatever currency the v2 reading gives `$1`, `HK$1`,
  // `1 yuan` (`$` follows the context: `--dollar`), where it reads one exactly.
  const auto learn = [&](Marker& m, const std::string& sample) {
    auto f = read_v2_figure(sample, options);
    if (!f) return;
    m.currency = f->currency;
    m.usable = reads_as(sample, options, m.currency, 1, 0);
  };
  for (Marker& m : prefixes_) learn(m, std::string(m.text) + "1");
  if (auto f = read_v2_figure("$1", options)) bare_dollar_source_ = f->currency_source;
  for (Marker& m : suffixes_) learn(m, "1" + std::string(m.text));
  // The scales and the number rules, on a code the reader knows before the number.
  const int usd = slot_of("USD");
  if (prefix_code_[static_cast<std::size_t>(usd)] == none) return;  // enabled_ stays false
  const Currency dollar = codes_[prefix_code_[static_cast<std::size_t>(usd)]];
  for (ScaleToken& s : scales_) s.usable = reads_as("USD 1" + std::string(s.text), options, dollar, 1, s.exponent);
  per_share_ = reads_as("USD 1 per share", options, dollar, 1, 0, Per::share);
  // Numbers the English way: comma groups of three, a decimal point (`--locale de`
  // reads `1,234.5` otherwise, and an empty locale calls `1.234` ambiguous).
  enabled_ = reads_as("USD 1,234.5", options, dollar, 12345, -1) && reads_as("USD 1.234", options, dollar, 1234, -3) &&
             reads_as("USD 1,234", options, dollar, 1234, 0) && reads_as("USD 0.05", options, dollar, 5, -2) &&
             reads_as("USD 1,234,567", options, dollar, 1234567, 0);
}

const Currency* CommonFigureReader::code_at(std::string_view s, std::size_t at, bool prefix) const noexcept {
  if (s.size() - at < 3 || !is_capital(s[at]) || !is_capital(s[at + 1]) || !is_capital(s[at + 2])) return nullptr;
  const std::uint16_t k = (prefix ? prefix_code_ : suffix_code_)[static_cast<std::size_t>(slot_of(s.data() + at))];
  return k == none ? nullptr : &codes_[k];
}

bool CommonFigureReader::read(std::string_view s, CommonFigure& out) const noexcept {
  if (!enabled_ || s.empty()) return false;
  std::size_t i = 0;
  const Currency* prefix = nullptr;
  const auto try_prefix = [&](const Marker& m) {
    if (prefix == nullptr && m.usable && starts_with(s, 0, m.text)) {
      prefix = &m.currency;
      i = m.text.size();
    }
  };
  switch (s[0]) {  // by first byte: the markers' texts differ there
    case '$': try_prefix(prefixes_[0]); break;
    case 'U': try_prefix(prefixes_[1]); break;
    case 'H': try_prefix(prefixes_[2]); break;
    case '\xE2': try_prefix(prefixes_[3]); break;
    case 'R': try_prefix(prefixes_[4]); break;
    default: break;
  }
  if (prefix == nullptr && s.size() > 4 && s[3] == ' ') {
    prefix = code_at(s, 0, true);
    if (prefix != nullptr) i = 4;
  }
  // The number: plain digits, or comma groups of three; an optional decimal part.
  // At most 18 digits (a 64-bit mantissa); no leading zero before a digit.
  if (i >= s.size() || !is_digit(s[i])) return false;
  if (s[i] == '0' && i + 1 < s.size() && is_digit(s[i + 1])) return false;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) {
    mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
    ++digits;
  }
  if (i < s.size() && s[i] == ',') {
    if (i - start > 3) return false;
    while (i < s.size() && s[i] == ',') {
      if (s.size() - i < 4 || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) return false;
      if (i + 4 < s.size() && is_digit(s[i + 4])) return false;
      for (std::size_t k = i + 1; k < i + 4; ++k) mantissa = mantissa * 10 + static_cast<unsigned>(s[k] - '0');
      digits += 3;
      i += 4;
    }
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && is_digit(s[i])) {
      mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
      ++digits;
      ++fraction;
    }
  }
  if (digits > 18) return false;
  // A scale: attached letters, or a spaced word.
  int scale = 0;
  if (i < s.size()) {
    const ScaleToken* token = nullptr;
    switch (s[i]) {
      case 'k': token = &scales_[0]; break;
      case 'm': token = i + 1 < s.size() && s[i + 1] == 'n' ? &scales_[2] : &scales_[1]; break;
      case 'b': token = &scales_[3]; break;
      case 't': token = &scales_[4]; break;
      case ' ':
        for (std::size_t k = 5; k < scales_.size(); ++k)
          if (starts_with(s, i, scales_[k].text)) token = &scales_[k];
        break;
      default: break;
    }
    if (token != nullptr && starts_with(s, i, token->text)) {
      if (!token->usable) return false;
      scale = token->exponent;
      i += token->text.size();
    }
  }
  // A marker after the number: a code or one of the words.
  const Currency* suffix = nullptr;
  if (i < s.size() && s[i] == ' ') {
    const Currency* code = code_at(s, i + 1, false);
    if (code != nullptr && (i + 4 == s.size() || s[i + 4] == ' ')) {
      suffix = code;
      i += 4;
    } else {
      for (const Marker& m : suffixes_) {
        if (starts_with(s, i, m.text)) {
          if (!m.usable) return false;
          suffix = &m.currency;
          i += m.text.size();
          break;
        }
      }
    }
  }
  Per per = Per::whole;
  if (per_share_ && starts_with(s, i, " per share")) {
    per = Per::share;
    i += 10;
  }
  if (i != s.size() || (prefix == nullptr) == (suffix == nullptr)) return false;  // exactly one marker
  out.mantissa = mantissa;
  out.exponent = mantissa == 0 ? 0 : scale - fraction;
  out.currency = prefix != nullptr ? *prefix : *suffix;
  out.per = per;
  out.bare_dollar = prefix == &prefixes_[0].currency;
  return true;
}

}  // namespace finmetrics::detail
