#include "finmetrics/extract/extract_figures.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/currency/alias.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/unit/scale.hpp"

// A hand-written scanner over the bytes (no regex). It finds where a figure may
// be (a digit, or a word form), delimits the candidate by the grammar of
// docs/figures.md (prefix currency, number, scale, unit words), rejects what is
// not a figure (years, dates, fiscal names, model names, durations, ordinals,
// plain numbers), and hands the exact span to `parse_figure`. A candidate that
// does not parse is skipped and reported, never guessed.

namespace finmetrics {


std::string_view to_string(FigureKind k) noexcept {
  switch (k) {
    case FigureKind::money: return "money";
    case FigureKind::per_share: return "per_share";
    case FigureKind::percent: return "percent";
    case FigureKind::percentage_points: return "percentage_points";
    case FigureKind::multiple: return "multiple";
    case FigureKind::count: return "count";
    case FigureKind::number: return "number";
    case FigureKind::record: return "record";
  }
  return "number";
}

namespace {

using namespace extract_detail;

constexpr std::size_t npos = std::string_view::npos;

// A sentinel outside the dollar and yen families: a figure whose currency follows
// it was written with a bare sign (`$`, `dollars`, `¥`).
constexpr Currency probe = Currency::of("XAU");


// Currency words accepted before a number ("USD 5bn", "Rmb81bn"): common codes
// only, so that "TOP 10" or "ALL 3" never read as money.
constexpr std::array prefix_currency_words{
    std::string_view{"Rmb"}, std::string_view{"RMB"}, std::string_view{"rmb"}, std::string_view{"USD"},
    std::string_view{"HKD"}, std::string_view{"CNY"}, std::string_view{"EUR"}, std::string_view{"GBP"},
    std::string_view{"JPY"}, std::string_view{"SGD"}, std::string_view{"AUD"}, std::string_view{"CAD"},
    std::string_view{"TWD"}, std::string_view{"CHF"}, std::string_view{"INR"}, std::string_view{"KRW"}};

// Currency words and phrases after a number, longest first.
constexpr std::array suffix_currency_phrases{
    std::string_view{"Hong Kong dollars"}, std::string_view{"Hong Kong dollar"}, std::string_view{"U.S. dollars"},
    std::string_view{"U.S. dollar"},       std::string_view{"US dollars"},       std::string_view{"US dollar"},
    std::string_view{"HK dollars"},        std::string_view{"HK dollar"},        std::string_view{"Chinese yuan"},
    std::string_view{"pounds sterling"},   std::string_view{"pound sterling"},   std::string_view{"renminbi"},
    std::string_view{"Renminbi"},          std::string_view{"dollars"},          std::string_view{"dollar"},
    std::string_view{"sterling"},          std::string_view{"euros"},            std::string_view{"Euros"},
    std::string_view{"euro"},              std::string_view{"Euro"},             std::string_view{"yuan"},
    std::string_view{"Yuan"},              std::string_view{"yen"},              std::string_view{"Yen"}};

// Scale words written apart from the number ("5 billion", "5 bn").
constexpr std::array spaced_scale_words{
    std::string_view{"thousand"}, std::string_view{"Thousand"}, std::string_view{"million"},
    std::string_view{"Million"},  std::string_view{"billion"},  std::string_view{"Billion"},
    std::string_view{"trillion"}, std::string_view{"Trillion"}, std::string_view{"bn"},
    std::string_view{"Bn"},       std::string_view{"mn"},       std::string_view{"mln"},
    std::string_view{"bln"},      std::string_view{"tn"},       std::string_view{"trn"},
    std::string_view{"lakh"},     std::string_view{"crore"}};

// Chinese scales and currency words after a number, longest first (3 bytes a character).
constexpr std::array cjk_scales{std::string_view{"万亿"}, std::string_view{"萬億"}, std::string_view{"万"},
                                std::string_view{"萬"}, std::string_view{"亿"}, std::string_view{"億"}};
constexpr std::array cjk_currencies{
    std::string_view{"人民币"}, std::string_view{"人民幣"}, std::string_view{"港元"}, std::string_view{"港币"},
    std::string_view{"港幣"},   std::string_view{"美元"},   std::string_view{"日元"}, std::string_view{"日圓"},
    std::string_view{"欧元"},   std::string_view{"歐元"},   std::string_view{"英镑"}, std::string_view{"英鎊"},
    std::string_view{"元"},     std::string_view{"円"}};

// Words that end a count noun before it starts ("10 million for the chatbot").
constexpr std::array stop_words{
    std::string_view{"a"},      std::string_view{"an"},    std::string_view{"the"},    std::string_view{"and"},
    std::string_view{"or"},     std::string_view{"to"},    std::string_view{"of"},     std::string_view{"in"},
    std::string_view{"on"},     std::string_view{"at"},    std::string_view{"for"},    std::string_view{"with"},
    std::string_view{"by"},     std::string_view{"from"},  std::string_view{"per"},    std::string_view{"who"},
    std::string_view{"which"},  std::string_view{"that"},  std::string_view{"is"},     std::string_view{"was"},
    std::string_view{"were"},   std::string_view{"are"},   std::string_view{"be"},     std::string_view{"has"},
    std::string_view{"have"},   std::string_view{"had"},   std::string_view{"will"},   std::string_view{"would"},
    std::string_view{"its"},    std::string_view{"their"}, std::string_view{"this"},   std::string_view{"than"},
    std::string_view{"as"},     std::string_view{"into"},  std::string_view{"over"},   std::string_view{"since"},
    std::string_view{"year"},   std::string_view{"more"},  std::string_view{"less"},   std::string_view{"times"}};

// A count noun that names time makes the figure a duration ("15 months").
constexpr std::array time_words{
    std::string_view{"second"}, std::string_view{"seconds"}, std::string_view{"minute"},   std::string_view{"minutes"},
    std::string_view{"hour"},   std::string_view{"hours"},   std::string_view{"day"},      std::string_view{"days"},
    std::string_view{"week"},   std::string_view{"weeks"},   std::string_view{"month"},    std::string_view{"months"},
    std::string_view{"quarter"}, std::string_view{"quarters"}, std::string_view{"year"},   std::string_view{"years"},
    std::string_view{"decade"}, std::string_view{"decades"}, std::string_view{"century"},  std::string_view{"centuries"},
    std::string_view{"am"},     std::string_view{"pm"}};

constexpr std::array irregular_plurals{std::string_view{"people"}, std::string_view{"staff"},
                                       std::string_view{"personnel"}, std::string_view{"children"},
                                       std::string_view{"men"}, std::string_view{"women"}};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view w) noexcept {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_plural_noun(std::string_view w) noexcept {
  if (contains(irregular_plurals, w)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  const std::string_view tail2 = w.substr(w.size() - 2);
  return tail2 != "ss" && tail2 != "us" && tail2 != "is" && tail2 != "'s";
}

bool is_currency_sign(char32_t c) noexcept {
  return c == U'$' || c == 0xA3 || c == 0xA5 || c == 0x20AC || c == 0xFFE5 || c == 0x20B9 || c == 0x20A9;
}

// The phrase from `list` written at p (whole words), or an empty view.
template <std::size_t N>
std::string_view phrase_at(std::string_view s, std::size_t p, const std::array<std::string_view, N>& list) {
  for (const std::string_view ph : list) {
    if (s.substr(p, ph.size()) != ph) continue;
    const std::size_t e = p + ph.size();
    if (e < s.size() && (is_letter(s[e]) || is_digit(s[e]))) continue;
    return ph;
  }
  return {};
}

// The ASCII word at p, case-insensitively equal to one of `words` (whole word).
bool word_is(std::string_view s, std::size_t p, std::string_view w) noexcept {
  const std::size_t e = letters_end(s, p);
  return e - p == w.size() && iequals(s.substr(p, e - p), w);
}

enum class TermUnit { none, percent, points, multiple, noun };

// One side of a candidate figure, delimited in the text.
struct Term {
  bool ok = false;
  std::size_t begin = 0;  // sign, prefix currency or first digit
  std::size_t number_begin = 0;
  std::size_t number_end = 0;
  std::size_t end = 0;  // after the last unit
  std::size_t resume = 0;  // where scanning goes on when the term is rejected
  bool currency = false;
  bool suffix_currency = false;
  bool scale = false;
  bool per_share = false;
  bool grouped = false;
  bool year_like = false;
  TermUnit unit = TermUnit::none;
  // Hyphen compounds ("30-billion-parameter") are parsed from a rewritten text.
  std::string rewritten;
  std::string noun;

  [[nodiscard]] bool has_unit() const noexcept { return currency || scale || unit != TermUnit::none; }
};

struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string parse_text;  // what parse_figure reads (the span, or a rewrite)
  bool rewritten = false;
  std::string noun;  // a count noun the rewrite left out
  bool word_form = false;
  std::string hedge_verb;
  std::optional<Interval> vague;  // the range of a vague word form
  FigureKind vague_kind = FigureKind::number;
  Unit vague_unit;
};

class Scanner {
 public:
  Scanner(std::string_view text, const ExtractOptions& options)
      : s_(text), options_(options),
        lexicon_(options.parse.lexicon ? *options.parse.lexicon : Lexicon::builtin()) {}

  void run(Extraction& out);

 private:
  Term scan_term(std::size_t digit, bool range_tail) const;
  std::size_t read_number(std::size_t p, Term& t) const;
  void read_units(std::size_t p, Term& t) const;
  std::size_t alnum_run_end(std::size_t p) const;
  std::size_t extend_qualifier(std::size_t begin) const;
  std::optional<Term> range_tail(const Term& low, std::size_t& separator) const;
  bool preceded_by_word(std::size_t p, std::string_view w) const;
  std::size_t first_digit_from(std::size_t p) const;

  void scan_numbers(std::vector<Candidate>& out) const;
  void scan_words(std::vector<Candidate>& out, const std::vector<Candidate>& numeric) const;

  std::string_view s_;
  const ExtractOptions& options_;
  const Lexicon& lexicon_;
};

// End of an alphanumeric token ("Qwen2.5", "2025Q3", "QwQ-32B"), so a rejected
// token is skipped whole.
std::size_t Scanner::alnum_run_end(std::size_t p) const {
  while (p < s_.size()) {
    const char c = s_[p];
    if (is_letter(c) || is_digit(c) || c == '_') {
      ++p;
    } else if ((c == '.' || c == '-' || c == ',' || c == '/' || c == ':') && p + 1 < s_.size() &&
               (is_letter(s_[p + 1]) || is_digit(s_[p + 1]))) {
      ++p;
    } else {
      break;
    }
  }
  return p;
}

std::size_t Scanner::read_number(std::size_t p, Term& t) const {
  const std::size_t start = p;
  while (p < s_.size() && is_digit(s_[p])) ++p;
  const auto group_at = [&](std::size_t q) {
    return q + 3 <= s_.size() && is_digit(s_[q]) && is_digit(s_[q + 1]) && is_digit(s_[q + 2]) &&
           (q + 3 == s_.size() || !is_digit(s_[q + 3]));
  };
  if (p - start <= 3) {
    while (p < s_.size() && s_[p] == ',' && group_at(p + 1)) {
      t.grouped = true;
      p += 4;
    }
  }
  if (p + 1 < s_.size() && s_[p] == '.' && is_digit(s_[p + 1])) {
    ++p;
    while (p < s_.size() && is_digit(s_[p])) ++p;
  }
  return p;
}

// units after the number: attached scale or unit, Chinese scale and currency,
// then spaced words (scale, currency, per share, per cent, points, times, a count noun).
void Scanner::read_units(std::size_t p, Term& t) const {
  const std::size_t n = s_.size();
  // Attached letters: "81bn", "6.5x", "2pp", "25bp".
  if (p < n && is_letter(s_[p])) {
    const std::size_t e = letters_end(s_, p);
    const std::string_view w = s_.substr(p, e - p);
    if (e < n && (is_digit(s_[e]) || s_[e] == '_')) return;  // an identifier: "2025Q3", "3B5"
    if (w == "x" || w == "X") {
      t.unit = TermUnit::multiple;
    } else if (w == "pp" || w == "bp" || w == "bps") {
      t.unit = TermUnit::points;
    } else if (scale_from_token(w)) {
      t.scale = true;
    } else {
      return;  // ordinals, "4o", fiscal names: not a figure
    }
    p = e;
    if (p < n && s_[p] == '-' && p + 1 < n && is_letter(s_[p + 1])) return;  // "5x-faster"
  } else if (p + 1 < n && s_[p] == '-' && is_letter(s_[p + 1])) {
    // Hyphen compounds: "30-billion-parameter" is a count; "15-month", "three-year" are not figures.
    const std::size_t e = letters_end(s_, p + 1);
    const std::string_view w = s_.substr(p + 1, e - p - 1);
    if (w != "million" && w != "billion" && w != "trillion" && w != "thousand") return;
    t.scale = true;
    t.rewritten = fmt::format("{} {}", s_.substr(t.begin, t.number_end - t.begin), w);
    p = e;
    if (p + 1 < n && s_[p] == '-' && is_letter(s_[p + 1])) {
      const std::size_t e2 = letters_end(s_, p + 1);
      const std::string_view w2 = s_.substr(p + 1, e2 - p - 1);
      if (w2 == "dollar" || w2 == "yuan" || w2 == "euro") {
        if (t.currency) return;
        t.currency = t.suffix_currency = true;
        t.rewritten += w2 == "dollar" ? " dollars" : fmt::format(" {}", w2);
      } else if (!t.currency && is_lower(w2.front())) {
        t.unit = TermUnit::noun;
        t.noun = std::string(w2);
      } else {
        return;
      }
      p = e2;
    }
    t.end = p;
    t.ok = true;
    return;
  }
  // Percent sign, attached or after a space.
  {
    const std::size_t q = skip_hspace(s_, p);
    const CodePoint c = decode(s_, q);
    if (c.value == U'%' || c.value == 0xFF05) {
      if (t.scale || t.currency || t.unit != TermUnit::none) return;
      t.unit = TermUnit::percent;
      t.end = q + c.size;
      t.ok = true;
      return;
    }
  }
  // Chinese scale and currency: "1,361亿元", "2.40万亿港元", "500元".
  if (const CodePoint c = decode(s_, p); c.size != 0 && is_cjk(c.value) && !t.scale) {
    std::size_t q = p;
    if (const auto sc = phrase_at(s_, q, cjk_scales); !sc.empty()) {
      t.scale = true;
      q += sc.size();
    }
    if (const auto cur = phrase_at(s_, q, cjk_currencies); !cur.empty() && !t.currency) {
      t.currency = t.suffix_currency = true;
      q += cur.size();
    }
    if (q != p) {
      t.end = q;
      t.ok = true;
      return;
    }
  }
  // Spaced words.
  for (;;) {
    const std::size_t q = skip_hspace(s_, p);
    if (q == p || q >= n || !is_letter(s_[q])) break;
    const std::size_t e = letters_end(s_, q);
    const std::string_view w = s_.substr(q, e - q);
    if (!t.scale && !t.suffix_currency && t.unit == TermUnit::none && contains(spaced_scale_words, w) &&
        !(e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1]))) {
      t.scale = true;
      p = e;
      continue;
    }
    if (!t.currency && t.unit == TermUnit::none) {
      std::string_view phrase = phrase_at(s_, q, suffix_currency_phrases);
      if (phrase.empty() && w.size() == 3 && contains(prefix_currency_words, w) && is_upper(w[1])) phrase = w;
      if (!phrase.empty() && !(q + phrase.size() < n && s_[q + phrase.size()] == '-')) {
        t.currency = t.suffix_currency = true;
        p = q + phrase.size();
        continue;
      }
    }
    if (t.currency) {
      // "HK$140.9 per share", "140.9 HKD a share", "$5 per ADS"
      if (!t.per_share && (iequals(w, "per") || w == "a" || w == "an")) {
        const std::size_t b = skip_hspace(s_, e);
        const std::size_t be = letters_end(s_, b);
        const std::string_view w2 = s_.substr(b, be - b);
        if (b > e && (w2 == "share" || w2 == "ADS" || w2 == "ADR") && !(be < n && is_digit(s_[be]))) {
          t.per_share = true;
          p = be;
        }
      }
      break;
    }
    if (t.unit != TermUnit::none) break;
    if (!t.scale && (iequals(w, "percent") || iequals(w, "pct"))) {
      t.unit = TermUnit::percent;
      p = e;
      break;
    }
    if (!t.scale && iequals(w, "per")) {
      const std::size_t b = skip_hspace(s_, e);
      if (b > e && word_is(s_, b, "cent")) {
        t.unit = TermUnit::percent;
        p = b + 4;
      }
      break;
    }
    if (!t.scale && (iequals(w, "percentage") || iequals(w, "basis"))) {
      const std::size_t b = skip_hspace(s_, e);
      if (b > e && (word_is(s_, b, "point") || word_is(s_, b, "points"))) {
        t.unit = TermUnit::points;
        p = letters_end(s_, b);
      }
      break;
    }
    if (!t.scale && (w == "pp" || w == "bp" || w == "bps")) {
      t.unit = TermUnit::points;
      p = e;
      break;
    }
    if (!t.scale && iequals(w, "times")) {
      t.unit = TermUnit::multiple;
      p = e;
      break;
    }
    // A count noun: up to three lower-case words, ending at the first plural. Without a
    // scale the number must be an integer not named by the word before it ("Qwen 2.0
    // showcased", "February 20 earnings").
    if (!t.scale) {
      const std::string_view digits = s_.substr(t.number_begin, t.number_end - t.number_begin);
      if (digits.find('.') != std::string_view::npos) break;
      const std::size_t we = skip_hspace_back(s_, t.begin);
      const std::size_t wb = letters_begin(s_, we);
      if (we > wb && is_upper(s_[wb]) && we != t.begin) break;
    }
    std::size_t k = q;
    std::size_t noun_end = npos;
    bool duration = false;
    for (int words = 0; words < 3; ++words) {
      if (k >= n || !is_lower(s_[k])) break;
      const std::size_t ke = letters_end(s_, k);
      const std::string_view kw = s_.substr(k, ke - k);
      if (ke < n && (is_digit(s_[ke]) || s_[ke] == '-' || s_[ke] == '\'')) break;
      if (contains(time_words, kw)) {
        duration = true;
        break;
      }
      if (contains(stop_words, kw)) break;
      if (kw.size() > 3 && kw.substr(kw.size() - 2) == "ed") break;  // a verb: "2.0 showcased"
      if (is_plural_noun(kw)) {
        noun_end = ke;
        break;
      }
      const std::size_t next = skip_hspace(s_, ke);
      if (next == ke) break;
      k = next;
    }
    if (duration && !t.scale) {
      t.ok = false;
      t.end = npos;  // a duration: "15 months", "six consecutive quarters"
      return;
    }
    if (noun_end != npos) {
      t.unit = TermUnit::noun;
      t.noun = std::string(s_.substr(q, noun_end - q));
      p = noun_end;
    }
    break;
  }
  t.end = p;
  t.ok = true;
}

Term Scanner::scan_term(std::size_t d, bool tail) const {
  Term t;
  t.number_begin = d;
  t.begin = d;
  t.resume = alnum_run_end(d);
  const std::size_t n = s_.size();

  // What stands before the digits.
  const CodePoint before = decode_before(s_, d);
  if (before.size != 0) {
    const char b = static_cast<char>(before.value < 0x80 ? before.value : 0);
    if (is_letter(b)) {
      const std::size_t wb = letters_begin(s_, d);
      const std::string_view w = s_.substr(wb, d - wb);
      if (!contains(prefix_currency_words, w) || (wb > 0 && (is_digit(s_[wb - 1]) || s_[wb - 1] == '-'))) {
        return t;  // model names and fiscal names: "Qwen2.5", "FY2025", "H20", "R1"
      }
      t.currency = true;
      t.begin = wb;
    } else if (is_currency_sign(before.value)) {
      std::size_t pb = d - before.size;
      const std::size_t wb = letters_begin(s_, pb);
      if (wb < pb) {
        if (pb - wb > 3) return t;
        const std::string marker(s_.substr(wb, d - wb));
        if (!currency_from_marker(marker, options_.parse.currency)) return t;  // "XY$5": not a known dollar
        if (wb > 0 && (is_letter(s_[wb - 1]) || is_digit(s_[wb - 1]))) return t;
        pb = wb;
      }
      t.currency = true;
      t.begin = pb;
    } else if (is_hspace(before.value)) {
      // "USD 5bn", "RMB 81bn", "HK$ 140.9"
      const std::size_t we = skip_hspace_back(s_, d);
      const CodePoint sign = decode_before(s_, we);
      if (sign.size != 0 && is_currency_sign(sign.value)) {
        const std::size_t sb = we - sign.size;
        const std::size_t wb = letters_begin(s_, sb);
        if (wb == sb) {
          // A bare sign apart from its number: "$ 75 million", "€ 11.69". Not after a spaced
          // country prefix ("c $ 16.4", "hk $ 10"): which dollar that is, is not read here.
          const std::size_t pe = skip_hspace_back(s_, sb);
          const std::size_t pw = letters_begin(s_, pe);
          std::string prefixed(s_.substr(pw, pe - pw));
          for (char& ch : prefixed) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
          prefixed += s_.substr(sb, we - sb);
          const bool spaced_prefix = pw < pe && pe < sb && pe - pw <= 3 && lexicon_.currency_marker(prefixed) != nullptr;
          if (!spaced_prefix && (sb == 0 || !(is_letter(s_[sb - 1]) || is_digit(s_[sb - 1])))) {
            t.currency = true;
            t.begin = sb;
          }
        } else if (sb - wb <= 3) {
          const std::string marker(s_.substr(wb, we - wb));
          if (currency_from_marker(marker, options_.parse.currency) &&
              (wb == 0 || !(is_letter(s_[wb - 1]) || is_digit(s_[wb - 1])))) {
            t.currency = true;
            t.begin = wb;
          }
        }
      } else {
        const std::size_t wb = letters_begin(s_, we);
        const std::string_view w = s_.substr(wb, we - wb);
        if (wb < we && contains(prefix_currency_words, w) && (wb == 0 || !is_digit(s_[wb - 1]))) {
          t.currency = true;
          t.begin = wb;
        }
      }
    } else if (b == '.' || b == '/' || b == '_' || b == '@' || b == '\\') {
      return t;  // "v.5", "04/14", identifiers
    } else if (b == ':' && d >= 2 && is_digit(s_[d - 2])) {
      return t;  // times of day
    } else if (b == '-' || before.value == 0x2013 || before.value == 0x2212) {
      const CodePoint bb = decode_before(s_, d - before.size);
      const bool word_before = bb.size != 0 && bb.value < 0x80 &&
                               (is_letter(static_cast<char>(bb.value)) || is_digit(static_cast<char>(bb.value)));
      if (word_before && !tail) return t;  // "Covid-19", "GPT-4", "03-17"
    }
  }
  // A sign before it all: "-5%", "−$3bn" (never after a word: that is a compound).
  if (!tail && t.begin > 0) {
    const CodePoint sign = decode_before(s_, t.begin);
    if (sign.value == U'-' || sign.value == 0x2212 || sign.value == U'+') {
      const CodePoint bb = decode_before(s_, t.begin - sign.size);
      if (bb.size == 0 || is_hspace(bb.value) || bb.value == U'(' || bb.value == U'\n') t.begin -= sign.size;
    }
  }

  // A Chinese currency before the number ("人民币500亿"): part of the figure only when
  // no currency follows ("人民币5亿元" is read as "5亿元", which says the same).
  std::size_t cjk_prefix = npos;
  if (t.begin == d && before.size != 0 && is_cjk(before.value)) {
    for (const std::string_view w : {std::string_view{"人民币"}, std::string_view{"人民幣"},
                                     std::string_view{"港币"}, std::string_view{"港幣"}, std::string_view{"美元"}}) {
      if (d >= w.size() && s_.substr(d - w.size(), w.size()) == w) {
        cjk_prefix = d - w.size();
        break;
      }
    }
  }

  t.number_end = read_number(d, t);
  const std::size_t p = t.number_end;
  // A number that goes on like a version, a list or a date is not a figure.
  if (p + 1 < n && (s_[p] == '.' || s_[p] == ',' || s_[p] == '/' || s_[p] == ':') && is_digit(s_[p + 1])) {
    return t;
  }
  if (p < n && (s_[p] == '_' || s_[p] == '@')) return t;
  const std::string_view digits = s_.substr(d, p - d);
  t.year_like = !t.currency && digits.size() == 4 && (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20");

  read_units(p, t);
  if (!t.ok) return t;
  if (cjk_prefix != npos && !t.suffix_currency && !t.currency) {
    t.currency = true;
    t.begin = cjk_prefix;
    t.year_like = false;
  }
  if (t.year_like) {
    // "in 2024 dollars", "2024 yuan deposits": a year before a currency word is not money.
    const bool figure_unit = t.unit == TermUnit::percent || t.scale;
    if (!figure_unit || t.unit == TermUnit::noun) {
      t.ok = false;  // a year: "in 2023", "2025 performance"
      return t;
    }
  }
  return t;
}

// Qualifier words before a figure ("north of", "more than", "nearly", "~").
std::size_t Scanner::extend_qualifier(std::size_t begin) const {
  static constexpr std::array phrases{
      std::string_view{"in excess of"}, std::string_view{"no more than"}, std::string_view{"no less than"},
      std::string_view{"approximately"}, std::string_view{"just under"},  std::string_view{"just below"},
      std::string_view{"just over"},    std::string_view{"just above"},   std::string_view{"more than"},
      std::string_view{"north of"},     std::string_view{"upwards of"},   std::string_view{"at least"},
      std::string_view{"less than"},    std::string_view{"fewer than"},   std::string_view{"close to"},
      std::string_view{"at most"},      std::string_view{"up to"},        std::string_view{"about"},
      std::string_view{"around"},       std::string_view{"roughly"},      std::string_view{"approx."},
      std::string_view{"approx"},       std::string_view{"some"},         std::string_view{"circa"},
      std::string_view{"nearly"},       std::string_view{"almost"},       std::string_view{"over"},
      std::string_view{"above"},        std::string_view{"under"},        std::string_view{"below"},
      std::string_view{"ca."},          std::string_view{"c."}};
  if (begin > 0 && s_[begin - 1] == '~') return begin - 1;
  const std::size_t we = skip_hspace_back(s_, begin);
  if (we == begin) return begin;
  for (const std::string_view ph : phrases) {
    // Compare word by word backwards, allowing any horizontal space between words.
    std::size_t q = we;
    std::size_t k = ph.size();
    bool ok = true;
    while (k > 0) {
      if (ph[k - 1] == ' ') {
        const std::size_t sp = skip_hspace_back(s_, q);
        if (sp == q) {
          ok = false;
          break;
        }
        q = sp;
        --k;
        continue;
      }
      if (q == 0 || to_lower(s_[q - 1]) != ph[k - 1]) {
        ok = false;
        break;
      }
      --q;
      --k;
    }
    if (!ok) continue;
    if (q > 0 && (is_letter(s_[q - 1]) || is_digit(s_[q - 1]))) continue;  // "moreover", "etc."
    return q;
  }
  return begin;
}

bool Scanner::preceded_by_word(std::size_t p, std::string_view w) const {
  const std::size_t we = skip_hspace_back(s_, p);
  const std::size_t wb = letters_begin(s_, we);
  return we > wb && iequals(s_.substr(wb, we - wb), w);
}

// The first digit of a range's upper end starting at p: "4bn", "$4bn", "Rmb4bn", "HK$4".
std::size_t Scanner::first_digit_from(std::size_t p) const {
  for (std::size_t k = p; k < s_.size() && k < p + 8; ++k) {
    if (is_digit(s_[k])) return k;
    const char c = s_[k];
    if (!(is_letter(c) || c == ' ' || (static_cast<unsigned char>(c) >= 0x80) || c == '$')) return npos;
  }
  return npos;
}

std::optional<Term> Scanner::range_tail(const Term& low, std::size_t& separator) const {
  const std::size_t q = skip_hspace(s_, low.end);
  if (q >= s_.size()) return std::nullopt;
  const CodePoint c = decode(s_, q);
  std::size_t r = npos;
  if (c.value == U'-' || c.value == 0x2013) {
    r = skip_hspace(s_, q + c.size);
  } else if (q > low.end && word_is(s_, q, "to")) {
    const std::size_t after_to = q + 2;
    if (skip_hspace(s_, after_to) == after_to) return std::nullopt;
    r = skip_hspace(s_, after_to);
  } else {
    return std::nullopt;
  }
  const std::size_t d = first_digit_from(r);
  if (d == npos) return std::nullopt;
  Term high = scan_term(d, true);
  if (!high.ok || high.begin != r) return std::nullopt;
  separator = q;
  return high;
}

void Scanner::scan_numbers(std::vector<Candidate>& out) const {
  const std::size_t n = s_.size();
  std::size_t i = 0;
  while (i < n) {
    if (!is_digit(s_[i]) || (i > 0 && is_digit(s_[i - 1]))) {
      ++i;
      continue;
    }
    Term low = scan_term(i, false);
    if (!low.ok) {
      i = std::max(low.resume, i + 1);
      continue;
    }
    std::size_t begin = low.begin;
    std::size_t end = low.end;
    std::string rewritten = low.rewritten;
    std::string noun = low.noun;
    bool has_unit = low.has_unit() || low.grouped;

    // A range: "5-7%", "$3bn-$4bn", "3 to 4 billion yuan", "between 5 and 7 per cent".
    std::size_t range_begin = begin;
    bool between = false;
    if (preceded_by_word(begin, "between")) {
      const std::size_t q = skip_hspace(s_, low.end);
      if (q > low.end && word_is(s_, q, "and")) {
        const std::size_t r = skip_hspace(s_, q + 3);
        const std::size_t d = first_digit_from(r);
        if (d != npos) {
          Term high = scan_term(d, true);
          if (high.ok && high.begin == r && (high.has_unit() || low.has_unit())) {
            between = true;
            range_begin = letters_begin(s_, skip_hspace_back(s_, begin));
            end = high.end;
            has_unit = true;
          }
        }
      }
    }
    if (!between && low.rewritten.empty()) {
      std::size_t separator = 0;
      const bool from_to = preceded_by_word(begin, "from");
      if (auto high = range_tail(low, separator);
          high && high->rewritten.empty() && (high->has_unit() || low.has_unit())) {
        const bool to_word = s_[separator] == 't';
        if (!(to_word && from_to)) {
          const std::string_view joined = s_.substr(begin, high->end - begin);
          if (parse_figure(joined, options_.parse)) {
            end = high->end;
            has_unit = true;
          }
        }
      }
    }
    if (!has_unit) {
      i = std::max(low.resume, low.number_end);
      continue;
    }
    const std::size_t qbegin = between ? range_begin : extend_qualifier(begin);
    Candidate c;
    c.begin = qbegin;
    c.end = end;
    if (!rewritten.empty()) {
      c.rewritten = true;
      c.parse_text = std::string(s_.substr(qbegin, low.begin - qbegin)) + rewritten;
      c.noun = noun;
    } else {
      c.parse_text = std::string(s_.substr(qbegin, end - qbegin));
    }
    // Verbs that hedge like "more than": "exceeding $858 billion", "surpassed 10 million".
    if (qbegin == begin && !between) {
      static constexpr std::array<std::string_view, 9> verbs{"exceeding", "exceeded", "exceeds",  "surpassing", "surpassed",
                                                             "surpasses", "topping",  "topped",   "tops"};
      const std::size_t we = skip_hspace_back(s_, begin);
      const std::size_t wb = letters_begin(s_, we);
      if (we < begin && wb < we && contains(verbs, s_.substr(wb, we - wb)) &&
          (wb == 0 || !is_letter(s_[wb - 1]))) {
        c.begin = wb;
        c.rewritten = true;
        c.parse_text = "more than " + c.parse_text;
        c.hedge_verb = std::string(s_.substr(wb, we - wb));
      }
    }
    out.push_back(std::move(c));
    i = end;
  }
}

// A vague or word-written figure.
struct WordRule {
  std::string_view words;  // lower case; '-' matches '-' or a space
  int kind;                // see scan_words
};

void Scanner::scan_words(std::vector<Candidate>& out, const std::vector<Candidate>& numeric) const {
  const std::size_t n = s_.size();
  // Positions only grow, and numeric candidates are in text order: one cursor suffices.
  std::size_t cursor = 0;
  const auto covered = [&](std::size_t p) {
    while (cursor < numeric.size() && numeric[cursor].end <= p) ++cursor;
    return cursor < numeric.size() && p >= numeric[cursor].begin;
  };
  // Matches `phrase` (lower case, '-' or ' ' between words match either) at p, whole words; its end or npos.
  const auto match = [&](std::size_t p, std::string_view phrase) -> std::size_t {
    std::size_t q = p;
    for (const char w : phrase) {
      if (w == ' ' || w == '-') {
        if (q < n && s_[q] == '-') {
          ++q;
        } else {
          const std::size_t sp = skip_hspace(s_, q);
          if (sp == q) return npos;
          q = sp;
        }
      } else {
        if (q >= n || to_lower(s_[q]) != w) return npos;
        ++q;
      }
    }
    // A word ends at a non-letter, or where a glued sentence starts ("highMany").
    if (q < n && is_letter(s_[q]) && !(is_upper(s_[q]) && is_lower(s_[q - 1]))) return npos;
    return q;
  };
  // A bare "dollars" is resolved with the figures written with `$` (Scanner::run).
  const Currency dollar = probe;
  const auto d = [](std::int64_t v, int e) { return Decimal::from_parts(Decimal::Coefficient(v), e); };

  std::size_t i = 0;
  while (i < n) {
    if (!is_letter(s_[i]) || (i > 0 && (is_letter(s_[i - 1]) || is_digit(s_[i - 1]))) || covered(i)) {
      ++i;
      continue;
    }
    Candidate c;
    c.begin = i;
    c.word_form = true;
    std::size_t e = npos;

    // Digits as growth rates: "triple-digit growth", "single digits".
    static constexpr std::array<std::pair<std::string_view, int>, 9> digit_rules{
        {{"triple-digits", 2}, {"triple-digit", 2}, {"double-digits", 1}, {"double-digit", 1},
         {"single-digits", 0}, {"single-digit", 0}, {"triple digits", 2}, {"double digits", 1},
         {"single digits", 0}}};
    for (const auto& [phrase, power] : digit_rules) {
      if ((e = match(i, phrase)) != npos) {
        // Single digits: [0, 10); double: [10, 100); triple: [100, 1000) percent.
        const Decimal lo = power == 0 ? d(0, 0) : d(1, power);
        c.vague = Interval::closed_open(lo, d(1, power + 1));
        c.vague_kind = FigureKind::percent;
        c.vague_unit = Unit::of(Dimension::percent);
        break;
      }
    }
    // Multiples in words: "doubled", "nearly doubled", "tripling", "halved".
    if (e == npos) {
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> verb_rules{
          {{"doubled", "2"}, {"doubling", "2"}, {"tripled", "3"}, {"tripling", "3"}, {"quadrupled", "4"},
           {"quadrupling", "4"}, {"halved", "0.5"}, {"halving", "0.5"}, {"doubles", "2"}, {"triples", "3"}}};
      for (const auto& [verb, value] : verb_rules) {
        if ((e = match(i, verb)) != npos) {
          const std::size_t next = skip_hspace(s_, e);
          if (word_is(s_, next, "down") || word_is(s_, next, "up")) {  // "doubled down"
            e = npos;
            break;
          }
          const std::size_t qb = extend_qualifier(i);
          c.begin = qb;
          c.rewritten = true;
          c.parse_text = fmt::format("{}{}x", s_.substr(qb, i - qb), value);
          break;
        }
      }
    }
    // "less than half", "at least half": 0.5x (a fraction of something), only after a hedge.
    if (e == npos && (e = match(i, "half")) != npos) {
      const std::size_t qb = extend_qualifier(i);
      const std::size_t next = skip_hspace(s_, e);
      if (qb == i || word_is(s_, next, "year") || word_is(s_, next, "hour") || word_is(s_, next, "a") ||
          word_is(s_, next, "an")) {
        e = npos;
      } else {
        c.begin = qb;
        c.rewritten = true;
        c.parse_text = fmt::format("{}0.5x", s_.substr(qb, i - qb));
      }
    }
    // Vague magnitudes: "billions of dollars", "hundreds of billions", "several billion
    // dollars", "multibillion-dollar", "hundreds of millions of daily active users".
    if (e == npos) {
      struct Magnitude {
        std::string_view phrase;
        int low_exponent;   // 10^low_exponent <= v
        int high_exponent;  // v < 10^high_exponent
        int low_digit;      // lower bound is low_digit x 10^low_exponent
      };
      static constexpr std::array<Magnitude, 16> magnitudes{{
          {"hundreds of billions", 11, 12, 1}, {"hundreds of millions", 8, 9, 1},
          {"hundreds of thousands", 5, 6, 1},  {"tens of billions", 10, 11, 1},
          {"tens of millions", 7, 8, 1},       {"tens of thousands", 4, 5, 1},
          {"several billion", 9, 10, 2},       {"several million", 6, 7, 2},
          {"multibillion", 9, 12, 2},          {"multi-billion", 9, 12, 2},
          {"multimillion", 6, 9, 2},           {"multi-million", 6, 9, 2},
          {"trillions", 12, 15, 1},            {"billions", 9, 12, 1},
          {"millions", 6, 9, 1},               {"thousands", 3, 6, 1},
      }};
      for (const auto& m : magnitudes) {
        if ((e = match(i, m.phrase)) == npos) continue;
        c.vague = Interval::closed_open(d(m.low_digit, m.low_exponent), d(1, m.high_exponent));
        c.vague_kind = FigureKind::number;
        c.vague_unit = Unit::of(Dimension::number);
        // What follows: a currency ("of dollars", "-dollar", "dollars", "yuan") or "of" a count noun.
        std::size_t f;
        if ((f = match(e, "-dollar")) != npos || (f = match(e, " of dollars")) != npos ||
            (f = match(e, " dollars")) != npos || (f = match(e, " dollar")) != npos) {
          c.vague_kind = FigureKind::money;
          c.vague_unit = Unit::money(dollar);
          e = f;
        } else if ((f = match(e, " of yuan")) != npos || (f = match(e, " yuan")) != npos ||
                   (f = match(e, "-yuan")) != npos) {
          c.vague_kind = FigureKind::money;
          c.vague_unit = Unit::money(CNY);
          e = f;
        } else if ((f = match(e, " of")) != npos) {
          // "of daily active users": up to three lower-case words ending in a plural.
          std::size_t k = skip_hspace(s_, f);
          for (int words = 0; words < 3 && k < n && is_lower(s_[k]); ++words) {
            const std::size_t ke = letters_end(s_, k);
            const std::string_view kw = s_.substr(k, ke - k);
            if (contains(stop_words, kw) || contains(time_words, kw)) break;
            if (is_plural_noun(kw)) {
              c.vague_kind = FigureKind::count;
              c.vague_unit = Unit::count_of(std::string(s_.substr(skip_hspace(s_, f), ke - skip_hspace(s_, f))));
              e = ke;
              break;
            }
            k = skip_hspace(s_, ke);
          }
        }
        break;
      }
    }
    // Extremes: "three-year high", "record lows", "all-time high".
    if (e == npos) {
      static constexpr std::array<std::string_view, 22> horizons{
          "record",   "all-time", "multi-year", "multiyear", "decade", "one-year",   "two-year",  "three-year",
          "four-year", "five-year", "six-year", "seven-year", "eight-year", "nine-year", "ten-year", "20-year",
          "two-month", "three-month", "six-month", "52-week", "one-month", "15-year"};
      for (const std::string_view h : horizons) {
        std::size_t f = match(i, h);
        if (f == npos) continue;
        const std::size_t g = skip_hspace(s_, f) != f ? skip_hspace(s_, f) : (f < n && s_[f] == '-' ? f + 1 : npos);
        if (g == npos) break;
        for (const std::string_view w : {std::string_view{"highs"}, std::string_view{"high"},
                                         std::string_view{"lows"}, std::string_view{"low"}}) {
          if (match(g, w) != npos) {
            e = g + w.size();
            break;
          }
        }
        if (e != npos) {
          c.vague_kind = FigureKind::record;
          c.vague_unit = Unit{};
        }
        break;
      }
    }
    if (e == npos) {
      i = letters_end(s_, i);
      continue;
    }
    c.end = e;
    if (!c.rewritten) c.parse_text = std::string(s_.substr(c.begin, e - c.begin));
    out.push_back(std::move(c));
    i = e;
  }
}

void Scanner::run(Extraction& out) {
  std::vector<Candidate> numeric;
  scan_numbers(numeric);
  std::vector<Candidate> words;
  if (options_.word_forms) scan_words(words, numeric);
  std::vector<Candidate> all = std::move(numeric);
  all.insert(all.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

  // Each candidate is read by parse_figure; a money figure whose currency follows the
  // reading of `$` (or `¥`) is bare in that family, and is resolved after the whole
  // text has been read: option, then the explicit markers of the document, then the default.
  enum class Bare { no, dollar, yen };
  struct Read {
    Candidate c;
    Result<QuotedFigure> parsed;
    Bare bare = Bare::no;
  };
  ParseOptions base = options_.parse;
  base.currency.dollar = probe;
  base.currency.yen_or_yuan = probe;
  std::vector<Read> reads;
  reads.reserve(all.size());
  for (auto& c : all) {
    if (c.word_form && !c.rewritten) {
      const Bare b = c.vague_kind == FigureKind::money && c.vague_unit.currency == probe ? Bare::dollar : Bare::no;
      reads.push_back(Read{std::move(c), Result<QuotedFigure>(QuotedFigure{}), b});
      continue;
    }
    auto parsed = parse_figure(c.parse_text, base);
    Bare b = Bare::no;
    if (parsed && parsed->unit.dimension == Dimension::money && parsed->unit.currency == probe) {
      // Which sign: read again with the dollar named.
      ParseOptions dollar = base;
      dollar.currency.dollar = USD;
      auto again = parse_figure(c.parse_text, dollar);
      b = again && again->unit.currency == USD ? Bare::dollar : Bare::yen;
    }
    reads.push_back(Read{std::move(c), std::move(parsed), b});
  }

  // The explicit markers of each family in the document, and which currency they name.
  struct Family {
    std::optional<Currency> only;  // the one currency all explicit markers name
    bool mixed = false;
    std::vector<std::size_t> at;  // reads that carry an explicit marker of the family
  };
  Family dollars, yens;
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money) continue;
    if (r.c.word_form && !r.c.rewritten) continue;
    const Currency c = *r.parsed->unit.currency;
    // A bare `$` is resolved only by markers written with a dollar sign (`HK$`, `A$`):
    // `140.9 HKD per share` in an article about several markets says nothing of its `$`.
    const bool sign_marker = r.c.parse_text.find('$') != std::string::npos;
    const std::string_view family = lexicon_.family_name(lexicon_.family_of(c));
    for (auto [fam, name] : {std::pair<Family*, std::string_view>{&dollars, "dollar"}, {&yens, "yen"}}) {
      if (family != name || (fam == &dollars && !sign_marker)) continue;
      if (fam->only && *fam->only != c) fam->mixed = true;
      fam->only = c;
      fam->at.push_back(k);
    }
  }
  // The explicit marker nearest before read k (else the first after it).
  const auto evidence_for = [&](const Family& fam, std::size_t k) -> CurrencyEvidence {
    std::size_t pick = fam.at.front();
    for (const std::size_t e : fam.at)
      if (e < k) pick = e;
    const Read& r = reads[pick];
    return CurrencyEvidence{std::string(s_.substr(r.c.begin, r.c.end - r.c.begin)), TextSpan{r.c.begin, r.c.end},
                            *r.parsed->unit.currency};
  };

  for (std::size_t k = 0; k < reads.size(); ++k) {
    Read& r = reads[k];
    Candidate& c = r.c;
    ExtractedFigure f;
    f.span = TextSpan{c.begin, c.end};
    f.text = std::string(s_.substr(c.begin, c.end - c.begin));
    f.word_form = c.word_form;
    f.hedge_verb = c.hedge_verb;

    // Resolve a bare sign.
    std::optional<Currency> resolved;
    if (r.bare != Bare::no) {
      const bool dollar = r.bare == Bare::dollar;
      const std::optional<Currency>& option = dollar ? options_.dollar : options_.yen;
      const Family& fam = dollar ? dollars : yens;
      if (option) {
        resolved = *option;
        f.currency_source = CurrencySource::option;
      } else if (fam.only && !fam.mixed) {
        resolved = *fam.only;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = evidence_for(fam, k);
      } else if (const auto& fallback = dollar ? options_.parse.currency.dollar : options_.parse.currency.yen_or_yuan) {
        resolved = *fallback;
        f.currency_source = CurrencySource::default_;
      } else {
        Error e = make_error(Errc::ambiguous,
                fmt::format("byte {}: '{}': '{}' names no single currency here: no option, and {} (use --{} CODE)",
                            c.begin, f.text, dollar ? "$" : "\xC2\xA5",
                            fam.mixed ? "the text names several of its currencies" : "no explicit marker of its family in the text",
                            dollar ? "dollar" : "yen"),
                f.text);
        out.skipped.push_back(std::move(e));
        continue;
      }
    }

    if (c.word_form && !c.rewritten) {
      f.kind = c.vague_kind;
      f.unit = c.vague_unit;
      if (resolved) f.unit = Unit::money(*resolved);
      f.interval = c.vague;
      out.figures.push_back(std::move(f));
      continue;
    }
    if (resolved) {
      ParseOptions o = options_.parse;
      (r.bare == Bare::dollar ? o.currency.dollar : o.currency.yen_or_yuan) = *resolved;
      r.parsed = parse_figure(c.parse_text, o);
    }
    if (!r.parsed) {
      Error e = std::move(r.parsed.error());
      e.message = fmt::format("byte {}: '{}': {}", c.begin, f.text, e.message);
      out.skipped.push_back(std::move(e));
      continue;
    }
    QuotedFigure q = std::move(*r.parsed);
    if (c.rewritten) {
      q.text = f.text;
      q.span = f.span;
      if (!c.noun.empty()) q.unit = Unit::count_of(c.noun);
    } else {
      q.span = TextSpan{q.span.begin + c.begin, q.span.end + c.begin};
    }
    f.unit = q.unit;
    f.qualifier = q.qualifier;
    switch (q.unit.dimension) {
      case Dimension::money: f.kind = q.unit.per == Per::whole ? FigureKind::money : FigureKind::per_share; break;
      case Dimension::percent: f.kind = FigureKind::percent; break;
      case Dimension::percentage_points:
      case Dimension::basis_points: f.kind = FigureKind::percentage_points; break;
      case Dimension::multiple: f.kind = FigureKind::multiple; break;
      case Dimension::count: f.kind = FigureKind::count; break;
      case Dimension::number: f.kind = FigureKind::number; break;
    }
    if (f.kind == FigureKind::money || f.kind == FigureKind::per_share) {
      if (f.currency_source == CurrencySource::none) f.currency_source = CurrencySource::explicit_;
    }
    try {
      f.interval = q.interval();
    } catch (const DecimalOverflow&) {
      f.interval = std::nullopt;
    }
    f.quoted = std::move(q);
    out.figures.push_back(std::move(f));
  }

  // Linked pairs: "Rmb81bn ($11bn)", money in two currencies, the second in brackets.
  for (std::size_t k = 0; k + 1 < out.figures.size(); ++k) {
    ExtractedFigure& a = out.figures[k];
    ExtractedFigure& b = out.figures[k + 1];
    if (a.kind != b.kind || (a.kind != FigureKind::money && a.kind != FigureKind::per_share)) continue;
    if (a.unit.currency == b.unit.currency) continue;
    const std::size_t open = skip_hspace(s_, a.span.end);
    if (open >= s_.size() || s_[open] != '(' || skip_hspace(s_, open + 1) != b.span.begin) continue;
    const std::size_t close = skip_hspace(s_, b.span.end);
    if (close >= s_.size() || s_[close] != ')') continue;
    a.linked = k + 1;
    b.linked = k;
  }
}

// A sentence longer than `max_sentence` bytes (a text without full stops) is cut
// to the words within `max_sentence / 2` bytes of the figure, so that what is
// written per figure stays bounded and the output linear in the text.
constexpr std::size_t max_sentence = 800;
TextSpan bounded_sentence(std::string_view s, TextSpan sentence, TextSpan figure) {
  if (sentence.size() <= max_sentence) return sentence;
  const std::size_t half = max_sentence / 2;
  std::size_t b = figure.begin > sentence.begin + half ? figure.begin - half : sentence.begin;
  std::size_t e = std::min(sentence.end, figure.end + half);
  // Whole words and whole code points: move to the next (previous) space.
  while (b > sentence.begin && b < figure.begin && s[b - 1] != ' ') ++b;
  while (e < sentence.end && e > figure.end && s[e] != ' ') --e;
  return TextSpan{b, std::max(e, figure.end)};
}

}  // namespace

Extraction extract_figures(std::string_view text, const ExtractOptions& options) {
  Extraction out;
  Scanner(text, options).run(out);
  out.article_date = options.article_date ? options.article_date : find_article_date(text);
  const extract_detail::SentenceIndex sentences(text);
  for (auto& f : out.figures) {
    f.sentence = bounded_sentence(text, sentences.span(sentences.index_of(f.span.begin)), f.span);
    extract_detail::fill_words_around(text, f);
  }
  if (options.context) extract_detail::read_context(text, sentences, options, out);
  return out;
}

}  // namespace finmetrics
