#include "figure_scanner.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "document_currencies.hpp"
#include "working_memory.hpp"

// Whether a figure read in place is a figure of the article: the context rules
// the grammar does not know (years, versions, compounds, durations, plain
// numbers, ordinals), count nouns and hedging verbs.

namespace finmetrics::extract_detail {

// How a figure is kept: as read, rewritten (a count noun, a class of share, a per-share
// metric before it, a hyphen compound), as a unit price, with its hedging verb; or not
// at all. What stands beside it is read in figure_neighbours.cpp.
bool Scanner::take(QuotedFigure&& f, std::size_t number, bool word, std::vector<Read>& out,
                   std::vector<Error>& skipped, std::size_t& resume) const {
  const std::size_t n = s_.size();
  const std::size_t b = f.span.begin;
  std::size_t e = f.span.end;
  resume = e;
  // A number that goes on like a version, a list or a date is not a figure.
  if (e + 1 < n && is_digit(s_[e - 1]) && (s_[e] == '.' || s_[e] == ',' || s_[e] == '/' || s_[e] == ':') &&
      is_digit(s_[e + 1])) {
    resume = alnum_run_end(e);
    return false;
  }
  if (e < n && (s_[e] == '_' || s_[e] == '@')) return false;
  // "double digits": a digit rule of the word forms, not the multiple "double".
  if (word && std::any_of(word_forms_.digit_rules.begin(), word_forms_.digit_rules.end(),
                          [&](const WordForms::Rule& r) { return match_phrase(s_, number, r.phrase) != npos; })) {
    return false;
  }
  const Dimension dim = f.unit.dimension;
  const bool scaled = f.scale.exponent != 0;
  // Cents that end a larger amount that did not read ("above a dollar and 42 cents"):
  // never read as the whole.
  if (dim == Dimension::money && !word && f.value != f.number && f.scale.exponent == 0) {
    const std::size_t and_end = skip_hspace_back(s_, b);
    const std::size_t and_begin = letters_begin(s_, and_end);
    if (and_end < b && iequals(s_.substr(and_begin, and_end - and_begin), "and")) {
      const std::size_t we = skip_hspace_back(s_, and_begin);
      const std::size_t wb = letters_begin(s_, we);
      if (we < and_begin && wb < we && lexicon_.currency_marker_after_number(s_.substr(wb, we - wb)) != nullptr) {
        skipped.push_back(make_error(Errc::syntax,
                                     fmt::format("byte {}: '{}': the minor units of an amount before '{}' that was not read",
                                                 wb, s_.substr(wb, e - wb), s_.substr(wb, and_end - wb)),
                                     s_.substr(wb, e - wb)));
        return false;
      }
    }
  }
  // An amount in brackets after a word ("a net loss of ($99.99)") may be an accounting
  // negative or an aside: refused, never guessed. After another figure it is an aside
  // ("Rmb81bn ($11bn)"); at the start of a line or cell read_figure_at reads it negative.
  // So is a plain number that would be a figure ("Net loss (1,234.5)", "Operating loss
  // was (1,234) million"): read without its brackets it lost its sign.
  const auto figure_number = [&] {
    if (dim != Dimension::number || f.is_range()) return false;
    if (f.scale.exponent != 0) return true;
    for (std::size_t i = number + 1; i + 1 < f.span.end; ++i) {
      if ((s_[i] == ',' || s_[i] == ' ') && is_digit(s_[i - 1]) && is_digit(s_[i + 1])) return true;
    }
    return false;
  };
  if ((dim == Dimension::money || figure_number()) && !word) {
    const std::size_t open = skip_hspace_back(s_, b);
    const std::size_t close = skip_hspace(s_, e);
    // A hedge is never an accounting negative: "( approximately £ 15 million )" is an aside.
    if (open > 0 && s_[open - 1] == '(' && close < n && s_[close] == ')' && f.qualifier == Qualifier::none) {
      const std::size_t before = skip_hspace_back(s_, open - 1);
      const bool after_figure = !out.empty() && out.back().c.end == before;
      if (!after_figure && before > 0 && is_letter(s_[before - 1])) {
        skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': {} in brackets after a word is an accounting negative or an aside: "
                        "not read",
                        open - 1, s_.substr(open - 1, close + 1 - (open - 1)),
                        dim == Dimension::money ? "an amount" : "a number"),
            s_.substr(open - 1, close + 1 - (open - 1))));
        resume = close + 1;
        return false;
      }
    }
  }
  // A currency marker of one letter (`R`, the rand) is also a name or a label (`R2` the
  // statistic, `Q3 R1`, grade `5 R`): in running text it makes money only before a
  // number with a scale or a thousands group (`R5.2bn`, `R1 200`, `R 3.4 million`), or
  // with a per-share phrase after it (`N10 per share`, `R5.20 a share`).
  const auto one_letter_major = [&] {
    if (f.currency_marker.size() != 1 || !is_letter(f.currency_marker[0])) return false;
    const CurrencyMarker* m = lexicon_.currency_marker_after_number(f.currency_marker);
    return f.currency_span.begin < number || m == nullptr || m->divisor == 1;  // `57.8p`, `43c` are minor units
  };
  if (dim == Dimension::money && !word && one_letter_major()) {
    bool grouped = false;
    for (std::size_t i = number; i + 3 < e && !grouped; ++i) {
      const char c = s_[i];
      if ((c == ',' || c == ' ' || c == '.') && i > b && is_digit(s_[i - 1]) && is_digit(s_[i + 1]) &&
          is_digit(s_[i + 2]) && is_digit(s_[i + 3]) && (i + 4 >= e || !is_digit(s_[i + 4])))
        grouped = true;
    }
    if (f.currency_span.begin < number && (scaled || grouped || f.unit.per != Per::whole)) {
      // read below
    } else {
      // `R1`, `R2` (a model, a statistic, a round) are names: passed over in silence;
      // `R250`, `R1.50` may be an amount: refused and listed.
      const bool short_name = f.scale.exponent == 0 && f.number < Decimal::from_integer(100) && f.number.exponent() == 0;
      if (f.currency_span.begin < number && !short_name) {
        skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': a one-letter currency marker without a scale or a thousands group may be a "
                        "name or a label: not read",
                        b, s_.substr(b, e - b)),
            s_.substr(b, e - b)));
      }
      resume = e;
      return false;
    }
  }
  // "paid 30 cents on the dollar", "90p in the pound": minor units per unit of a
  // currency are a ratio (30% of what was owed), no amount; refused with the ratio.
  if (dim == Dimension::money && !word && !f.is_range() && !f.currency_marker.empty() && f.currency_span.begin >= number) {
    const CurrencyMarker* minor = lexicon_.currency_marker_after_number(f.currency_marker);
    const std::size_t q = skip_hspace(s_, e);
    if (minor != nullptr && minor->divisor != 1 && !minor->coin && q > e && q < n && is_letter(s_[q])) {
      std::size_t qe = letters_end(s_, q);
      const Cue* relation = nullptr;
      // Two words first ("for every"), then one ("on").
      if (const std::size_t w2 = skip_hspace(s_, qe); w2 > qe && w2 < n && is_letter(s_[w2])) {
        relation = lexicon_.cue(s_.substr(q, letters_end(s_, w2) - q), "minor_ratio");
        if (relation != nullptr) qe = letters_end(s_, w2);
      }
      if (relation == nullptr) relation = lexicon_.cue(s_.substr(q, qe - q), "minor_ratio");
      std::size_t r = skip_hspace(s_, qe);
      bool determiner = false;
      if (relation != nullptr && r < n && is_letter(s_[r]) &&
          is_cue(lexicon_, s_.substr(r, letters_end(s_, r) - r), "determiner")) {
        r = skip_hspace(s_, letters_end(s_, r));
        determiner = true;
      }
      if (relation != nullptr && (determiner || relation->value != "determiner") && r < n && is_letter(s_[r])) {
        const auto [cend, m] = currency_word_at(r);
        if (m != nullptr && !m->country && m->divisor == 1 && !m->coin) {
          const std::string_view text = s_.substr(b, cend - b);
          int digits = 0;  // the divisor is 10, 100 or 1000
          for (std::uint32_t d = minor->divisor; d > 1; d /= 10) ++digits;
          const Decimal share = f.number.shifted(2 - digits);
          skipped.push_back(make_error(
              Errc::ambiguous,
              fmt::format("byte {}: '{}': a ratio ({}% of the amount), not an amount: not read", b, text,
                          share.to_string()),
              text));
          resume = cend;
          return false;
        }
      }
    }
  }
  if (dim == Dimension::money) {
    if (const TextSpan rate = exchange_rate_at(f, number); rate.size() != 0) {
      const std::string_view text = s_.substr(rate.begin, rate.size());
      skipped.push_back(make_error(
          Errc::ambiguous,
          fmt::format("byte {}: '{}': an exchange rate, not an amount (in which currency depends on the "
                      "market's convention): not read",
                      rate.begin, text),
          text));
      resume = std::max(e, rate.end);
      return false;
    }
  }
  // "$84.94/bbl", "$85 a barrel", "$2,300 per tonne", "$2.61/MMBtu": money per unit of a
  // good (`per_unit` cues, value the unit's name), a price and no amount.
  std::string per_unit;
  const std::size_t unit_end =
      dim == Dimension::money && f.unit.per == Per::whole && !word ? per_unit_end(e, &per_unit) : npos;
  const bool unit_price = unit_end != npos;
  const bool plain = dim == Dimension::number;
  std::string rewritten;
  std::string noun;
  // Hyphen compounds: "30-billion-parameter" is a count, "a 30-billion-dollar fund" money;
  // "a 12-cent-a-share dividend", "a one-yen bid" money; "15-month", "three-year",
  // "5x-faster" are not figures.
  bool compound_money = false;
  bool hyphen_scale = false;
  // An amount joined by a hyphen to words the rules below do not read ("$1.2bn-plus",
  // "$20-an-hour"): listed with its reason, never passed over in silence as a "15-month"
  // is (money only: a plain number in a compound is no figure).
  const auto refuse_compound = [&](std::size_t from) {
    if (dim != Dimension::money) return false;
    std::size_t te = from;
    while (te < n && (is_letter(s_[te]) || is_digit(s_[te]) || (s_[te] == '-' && te + 1 < n && is_letter(s_[te + 1]))))
      ++te;
    const std::string_view text = s_.substr(b, te - b);
    skipped.push_back(make_error(
        Errc::syntax, fmt::format("byte {}: '{}': an amount joined by a hyphen to words it does not read: not read", b, text),
        text));
    resume = te;
    return false;
  };
  // "a $10-a-share offer", "a $10-per-share dividend": an amount per share as a compound,
  // a `per_leader` and a singular `share_noun` joined by hyphens.
  if (!unit_price && dim == Dimension::money && !word && !f.is_range() && f.unit.per == Per::whole && e + 1 < n &&
      s_[e] == '-' && is_letter(s_[e + 1])) {
    const std::size_t le = letters_end(s_, e + 1);
    if (le + 1 < n && s_[le] == '-' && is_letter(s_[le + 1]) && lexicon_.cue(s_.substr(e + 1, le - e - 1), "per_leader")) {
      const std::size_t ne = letters_end(s_, le + 1);
      const Cue* share = lexicon_.cue(s_.substr(le + 1, ne - le - 1), "share_noun");
      if (share != nullptr && share->value == "singular" &&
          !(ne < n && (is_letter(s_[ne]) || is_digit(s_[ne]) || s_[ne] == '-'))) {
        rewritten = fmt::format("{} {} {}", s_.substr(b, e - b), s_.substr(e + 1, le - e - 1), s_.substr(le + 1, ne - le - 1));
        e = ne;
        compound_money = true;
      }
    }
  }
  if (!unit_price && !compound_money && e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
    const std::size_t we = letters_end(s_, e + 1);
    const std::string_view w = s_.substr(e + 1, we - e - 1);
    if (f.is_range() || scaled || !(plain || dim == Dimension::money)) return refuse_compound(e);
    const CurrencyMarker* m = plain && is_lower(w.front()) ? lexicon_.currency_marker_after_number(w) : nullptr;
    if (m != nullptr && !m->country) {
      rewritten = fmt::format("{} {}", s_.substr(b, e - b), w);
      e = we;
      if (s_.substr(e, 8) == "-a-share") {
        rewritten += " a share";
        e += 8;
      }
      if (e < n && (is_letter(s_[e]) || is_digit(s_[e]) || s_[e] == '-')) return false;
      compound_money = true;
    } else if (w.size() < 4 || !lexicon_.scale(w)) {
      return refuse_compound(e);
    }
  }
  // "R$ 1.32 per preferred and common share", "$0.50 per Class A share": share classes
  // (`share_class` cues) between a `per_leader` that takes them (`per`) and a `share_noun`
  // keep the amount per share.
  if (!unit_price && !compound_money && dim == Dimension::money && f.unit.per == Per::whole && !f.is_range() && !word) {
    const std::size_t q = skip_hspace(s_, e);
    const std::size_t qe = letters_end(s_, q);
    const Cue* leader = q > e && qe > q ? lexicon_.cue(s_.substr(q, qe - q), "per_leader") : nullptr;
    if (leader != nullptr && leader->value == "classes") {
      std::size_t r = skip_hspace(s_, qe);
      for (int words = 0; words < 5 && r < n && is_letter(s_[r]); ++words) {
        const std::size_t re = letters_end(s_, r);
        const std::string_view w = s_.substr(r, re - r);
        if (lexicon_.cue(w, "share_noun") != nullptr) {
          if (words > 0) {
            rewritten = fmt::format("{} per share", s_.substr(b, e - b));
            e = re;
          }
          break;
        }
        if (lexicon_.cue(w, "share_class") == nullptr && !(words > 0 && iequals(w, "and"))) break;
        r = skip_hspace(s_, re);
      }
    }
  }
  // "earnings per share were HK$2.47": the per-share metric before an amount without a
  // scale makes the amount per share (or per ADS).
  if (!unit_price && !compound_money && rewritten.empty() && dim == Dimension::money && f.unit.per == Per::whole && !scaled &&
      !word && !(e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1]))) {
    std::string_view per = per_share_phrase_before(b);
    // "RMB18.53 (US$2.64)", "HK$4.63 (2023: HK$4.78)", "(US$0.33 or HK$2.57)": an amount in
    // the brackets after a per-share amount of the same phrase is per share too.
    // So is one compared with it: "EPS were $1.45, compared with $1.31", "rose to 45p from 41p".
    if (per.empty() && !out.empty() && out.back().c.rewritten && out.back().c.end <= b &&
        s_.find('\n', out.back().c.end) >= b) {
      const std::string& last = out.back().c.parse_text;
      const std::string_view last_per = last.ends_with(" per ADS") ? "ads" : last.ends_with(" per share") ? "share" : "";
      const std::size_t open = s_.rfind('(', b);
      std::size_t p = skip_hspace(s_, out.back().c.end);
      if (p < b && s_[p] == ',') p = skip_hspace(s_, p + 1);
      const std::size_t q = skip_hspace_back(s_, b);
      if (open != npos && b - open <= 40 && s_.find(')', open) >= b &&
          (out.back().c.end <= open || out.back().c.begin > open)) {
        per = last_per;
      } else if (p < q && q - p <= 24 && lexicon_.cue(s_.substr(p, q - p), "comparison") != nullptr) {
        per = last_per;
      }
    }
    if (!per.empty()) rewritten = fmt::format("{} {}", s_.substr(b, e - b), per == "ads" ? "per ADS" : "per share");
  }
  if (!unit_price && !compound_money && rewritten.empty() && e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
    const std::size_t we = letters_end(s_, e + 1);
    const std::string_view w = s_.substr(e + 1, we - e - 1);
    rewritten = fmt::format("{} {}", s_.substr(b, e - b), w);  // "Rs 45,000-crore", "$5-billion"
    hyphen_scale = lexicon_.scale(w).has_value();  // "a 30-billion-dollar fund": a figure like "30bn"
    e = we;
    if (e + 1 < n && s_[e] == '-' && is_letter(s_[e + 1])) {
      if (!plain) return refuse_compound(e);
      const std::size_t e2 = letters_end(s_, e + 1);
      const std::string_view w2 = s_.substr(e + 1, e2 - e - 1);
      if (lexicon_.currency_marker_after_number(w2) != nullptr) {
        rewritten += fmt::format(" {}", w2);
      } else if (is_lower(w2.front())) {
        noun = std::string(w2);
      } else {
        return false;
      }
      e = e2;
    }
    if (e < n && (is_letter(s_[e]) || is_digit(s_[e]) || s_[e] == '-')) return false;
  }
  std::size_t number_end = number;  // digits and their separators, as written
  while (number_end < f.span.end &&
         (is_digit(s_[number_end]) || ((s_[number_end] == ',' || s_[number_end] == '.' || s_[number_end] == ' ') &&
                                       number_end + 1 < f.span.end && is_digit(s_[number_end + 1])))) {
    ++number_end;
  }
  const std::string_view digits = s_.substr(number, number_end - number);
  // "90,000": digits in groups are a figure even without a unit.
  const bool grouped = !word && plain && std::any_of(digits.begin(), digits.end(), [](char c) {
    return c == ',' || c == ' ' || static_cast<unsigned char>(c) >= 0x80;
  });
  // A year: "in 2023", "2025 performance", "in 2024 dollars" (never with a marker before it).
  const bool year = !word && b == number && f.number.exponent() == 0 && digits.size() >= 4 &&
                    (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20") &&
                    (digits.size() == 4 || !is_digit(digits[4]));
  if (year && dim != Dimension::percent && !scaled && !compound_money) return false;
  if (rewritten.empty() && plain && !f.is_range() && !word) {
    bool duration = false;
    const std::size_t ne = count_noun_end(e, f, number, duration);
    if (duration) return false;
    if (ne != npos) {
      noun = std::string(s_.substr(skip_hspace(s_, e), ne - skip_hspace(s_, e)));
      rewritten = std::string(s_.substr(b, e - b));
      e = ne;
    }
  }
  if (plain && !scaled && !hyphen_scale && !grouped && noun.empty() && !compound_money &&
      !(!word && !f.is_range() && table_cell(b, number_end, f))) {
    return false;  // a plain number (a table's cell is kept: table_cell)
  }
  if (word && !compound_money) {
    // Number words: only with a unit or a scale ("three billion dollars", "twenty
    // percent", "nearly six times"); a fraction as a share of something ("a third of"),
    // or ending the clause ("fell by a third.", "cut by one-fifth in 2024"). Before
    // another word it is an ordinal ("a third quarter", "a third party"), and a
    // fraction that names a period ("a quarter") needs "of".
    if (plain && !scaled) return false;
    if (dim == Dimension::percent && f.text.find('%') == std::string::npos &&
        f.text.find("cent") == std::string::npos &&
        f.text.find("\u767E\u5206\u4E4B") == std::string::npos) {  // "百分之十五" is a percentage
      const std::size_t nx = skip_hspace(s_, e);
      const std::size_t last = f.text.find_last_of(" -");
      const std::string_view fraction =
          last == std::string::npos ? std::string_view(f.text) : std::string_view(f.text).substr(last + 1);
      const bool ends = nx >= n || s_[nx] == '.' || s_[nx] == ',' || s_[nx] == ';' || s_[nx] == ':' ||
                        s_[nx] == '!' || s_[nx] == '?' || s_[nx] == ')' || s_[nx] == '\n' || s_[nx] == '\r' ||
                        (is_letter(s_[nx]) && lexicon_.cue(s_.substr(nx, letters_end(s_, nx) - nx), "count_stop"));
      if (!word_is(s_, nx, "of") && (!ends || lexicon_.cue(fraction, "duration") != nullptr)) return false;
    }
  }
  Candidate c;
  c.begin = b;
  c.end = e;
  c.word_form = word;
  if (unit_price) {
    c.per_unit = std::move(per_unit);
    c.end = e = unit_end;
  }
  if (!rewritten.empty()) {
    c.rewritten = true;
    c.parse_text = std::move(rewritten);
    c.noun = std::move(noun);
  } else {
    c.reading = true;
    c.read_at = b;
  }
  // Verbs that hedge like "more than" (`hedge_verb` cues): "exceeding $858 billion", "surpassed 10 million".
  if (f.qualifier == Qualifier::none) {
    const std::size_t we = skip_hspace_back(s_, b);
    const std::size_t wb = letters_begin(s_, we);
    const Cue* verb = we < b && wb < we && (wb == 0 || !is_letter(s_[wb - 1]))
                          ? lexicon_.cue(s_.substr(wb, we - wb), "hedge_verb")
                          : nullptr;
    if (verb != nullptr) {
      const std::string& hedge = verb->value;
      if (!c.rewritten) c.parse_text = std::string(s_.substr(b, f.span.end - b));
      c.parse_text = hedge + " " + c.parse_text;
      c.rewritten = true;
      c.reading = false;
      c.begin = wb;
      c.hedge_verb = std::string(s_.substr(wb, we - wb));
    }
  }
  // The reading moves to the Read (no copy); a rewrite is read again in Scanner::run.
  const bool read_in_place = c.reading;
  // A text denser in figures than reserve_for_text expected grows its reads on 2-MB pages too.
  if (out.size() == out.capacity()) grow_on_huge_pages(out);
  out.push_back(Read{std::move(c), read_in_place ? std::move(f) : QuotedFigure{}, Bare::no});
  resume = e;
  return true;
}

}  // namespace finmetrics::extract_detail
