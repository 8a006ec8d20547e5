#include "currency_from_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "finmetrics/detail/utf8.hpp"
#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

bool names_family_only(const CurrencyMarker* m, const Lexicon& lexicon) {
  return m != nullptr && !m->currency && m->family != 0 && lexicon.family_name(m->family) != "dollar" &&
         lexicon.family_name(m->family) != "yen";
}

namespace {

// The first sign of one code point past ASCII in `text` that names a family only
// ("₦456.3 billion"), and its bytes; nullptr when none.
const CurrencyMarker* family_only_sign(std::string_view text, const Lexicon& lexicon, TextSpan& at) {
  for (std::size_t p = 0; p < text.size();) {
    const std::size_t n = detail::decode_utf8(text, p).size;
    if (static_cast<unsigned char>(text[p]) >= 0x80) {
      const CurrencyMarker* m = lexicon.currency_marker(text.substr(p, n));
      if (names_family_only(m, lexicon)) {
        at = TextSpan{p, p + n};
        return m;
      }
    }
    p += n;
  }
  return nullptr;
}

}  // namespace

bool holds_family_only_marker(std::string_view text, const Lexicon& lexicon) {
  TextSpan at;
  return any_letter_run(text,
                        [&](std::size_t p, std::size_t e) {
                          return names_family_only(lexicon.currency_marker(text.substr(p, e - p)), lexicon);
                        }) ||
         family_only_sign(text, lexicon, at) != nullptr;
}

std::vector<Currency> currencies_listed(std::string_view list) {
  std::vector<Currency> out;
  for (std::size_t p = 0; p < list.size();) {
    const std::size_t q = std::min(list.find(' ', p), list.size());
    if (const Result<Currency> c = Currency::from_code(list.substr(p, q - p)); c) out.push_back(*c);
    p = q + 1;
  }
  return out;
}

std::vector<Currency> currencies_named(std::string_view s, const Lexicon& lexicon) {
  std::vector<Currency> named;
  const int max_words = std::min(lexicon.max_currency_words(), 3);
  any_letter_run(s, [&](std::size_t p, std::size_t e) {
    // A name of several words that starts with a capital ("Pakistani rupees", "Sri Lankan
    // rupees", "Mexican pesos"): the longest the lexicon lists, before its last word alone.
    if (is_upper(s[p])) {
      std::size_t ends[3] = {e, e, e};
      int words = 1;
      for (std::size_t w = e; words < max_words && w + 1 < s.size() && s[w] == ' ' && is_letter(s[w + 1]);) {
        w = letters_end(s, w + 1);
        ends[words++] = w;
      }
      for (int k = words - 1; k >= 1; --k) {
        const CurrencyMarker* m = lexicon.currency_marker(s.substr(p, ends[k] - p));
        if (m != nullptr && m->currency && m->divisor == 1) {
          if (std::find(named.begin(), named.end(), *m->currency) == named.end()) named.push_back(*m->currency);
          break;
        }
      }
    }
    const CurrencyMarker* m = lexicon.currency_marker(s.substr(p, e - p));
    if (m == nullptr) m = lexicon.currency_marker_after_number(s.substr(p, e - p));
    if (m != nullptr && m->currency && m->divisor == 1 &&
        std::find(named.begin(), named.end(), *m->currency) == named.end()) {
      named.push_back(*m->currency);
    }
    return false;
  });
  return named;
}

std::optional<CurrencyEvidence> dateline_place_currency(std::string_view s, const Lexicon& lexicon) {
  // The first line that holds anything, and its place: letters and spaces (and '.', '\'')
  // before the dateline's '(' ',' or dash, at most five words.
  std::size_t b = 0;
  while (b < s.size() && (s[b] == '\n' || s[b] == '\r' || s[b] == ' ' || s[b] == '\t')) ++b;
  std::size_t e = b;
  int words = 0;
  while (e < s.size() && (is_letter(s[e]) || s[e] == ' ' || s[e] == '.' || s[e] == '\'')) {
    if (s[e] == ' ' && (e == b || s[e - 1] != ' ')) ++words;
    ++e;
  }
  if (e == b || e >= s.size() || words > 5) return std::nullopt;
  const std::string_view after = s.substr(e);
  const bool dateline = after.front() == '(' || after.front() == ',' || after.substr(0, 1) == "-" ||
                        after.substr(0, 3) == "\xE2\x80\x94" || after.substr(0, 3) == "\xE2\x80\x93";
  if (!dateline) return std::nullopt;
  std::size_t pe = e;
  while (pe > b && (s[pe - 1] == ' ' || s[pe - 1] == '.')) --pe;
  const std::string_view place = s.substr(b, pe - b);
  // Written in capitals in a dateline ("MEXICO CITY"): looked up as the lexicon writes
  // places, each word capitalised ("Mexico City").
  std::string titled(place);
  bool start = true;
  for (char& c : titled) {
    c = start && is_lower(c) ? static_cast<char>(c - 'a' + 'A') : (start ? c : to_lower(c));
    start = c == ' ' || c == '-';
  }
  const Cue* cue = lexicon.cue(titled, "family_place");
  if (cue == nullptr) cue = lexicon.cue(place, "family_place");
  if (cue == nullptr) return std::nullopt;
  const auto c = Currency::from_code(cue->value);
  if (!c) return std::nullopt;
  return CurrencyEvidence{std::string(place), TextSpan{b, pe}, *c};
}

namespace {
// A currency the family's words name: a member, or one the lexicon keeps out of the
// family that its word names too (`family_outsider` cues: CHF and `francs` in Swiss coverage).
bool named_by_family(Currency c, CurrencyFamily family, const Lexicon& lexicon) {
  if (lexicon.family_of(c) == family) return true;
  const Cue* outsider = lexicon.cue(c.code(), "family_outsider");
  return outsider != nullptr && outsider->value == lexicon.family_name(family);
}
}  // namespace

std::optional<CurrencyEvidence> dateline_currency(std::string_view s, CurrencyFamily family, const Lexicon& lexicon) {
  std::optional<CurrencyEvidence> place = dateline_place_currency(s, lexicon);
  if (!place || !named_by_family(place->currency, family, lexicon)) return std::nullopt;
  return place;
}

std::optional<std::pair<QuotedFigure, CurrencyEvidence>> family_of_document(std::string_view figure,
                                                                            std::string_view s,
                                                                            std::span<const ExplicitMoney> explicit_money,
                                                                            std::span<const Currency> named,
                                                                            const Lexicon& lexicon,
                                                                            const ParseOptions& options) {
  const CurrencyMarker* word = nullptr;
  std::size_t at = 0, at_end = 0;
  any_letter_run(figure, [&](std::size_t p, std::size_t e) {
    const CurrencyMarker* m = nullptr;
    if (e < figure.size() && figure[e] == '.') {  // "Ps. 107,421 million": the marker with its full stop
      m = lexicon.currency_marker(figure.substr(p, e + 1 - p));
      if (m != nullptr) ++e;
    }
    if (m == nullptr) {
      // "300 billion CFA francs": the longest marker of up to three words from here
      for (std::size_t we = e, words = 1; words < 3 && we + 1 < figure.size() && figure[we] == ' ' &&
                                          is_letter(figure[we + 1]);
           ++words) {
        we = letters_end(figure, we + 1);
        if (const CurrencyMarker* longer = lexicon.currency_marker(figure.substr(p, we - p));
            names_family_only(longer, lexicon)) {
          m = longer;
          e = we;
        }
      }
    }
    if (m == nullptr) m = lexicon.currency_marker(figure.substr(p, e - p));
    if (!names_family_only(m, lexicon)) return false;
    word = m;
    at = p;
    at_end = e;
    return true;
  });
  // A sign of such a family ("₦456.3 billion"): one code point, not a letter run
  if (TextSpan sign; word == nullptr && (word = family_only_sign(figure, lexicon, sign)) != nullptr) {
    at = sign.begin;
    at_end = sign.end;
  }
  if (word == nullptr) return std::nullopt;
  std::optional<CurrencyEvidence> evidence;
  for (const ExplicitMoney& other : explicit_money) {
    if (!named_by_family(other.currency, word->family, lexicon)) continue;
    if (evidence && evidence->currency != other.currency) return std::nullopt;
    if (!evidence) {
      evidence = CurrencyEvidence{std::string(s.substr(other.span.begin, other.span.size())), other.span, other.currency};
    }
  }
  for (const Currency x : named) {
    if (!named_by_family(x, word->family, lexicon)) continue;
    if (evidence && evidence->currency != x) return std::nullopt;
    if (!evidence) {
      const std::size_t p = s.find(x.code());
      evidence = CurrencyEvidence{std::string(x.code()), TextSpan{p, p + 3}, x};
    }
  }
  // Nothing else names one: the dateline's place ("MEXICO CITY (Reuters) -", "MANILA -",
  // "NAIROBI, May 9 -"), when the lexicon gives its currency (`family_place` cues) and
  // that currency is of the family.
  if (!evidence) evidence = dateline_currency(s, word->family, lexicon);
  if (!evidence) return std::nullopt;
  const std::string with_code =
      std::string(figure.substr(0, at)) + std::string(evidence->currency.code()) + std::string(figure.substr(at_end));
  Result<QuotedFigure> q = parse_figure(with_code, options);
  if (!q || !q->unit.is_money() || q->unit.currency != evidence->currency) return std::nullopt;
  return std::pair{std::move(*q), std::move(*evidence)};
}

namespace {

// Whether the space-separated codes of `list` hold `c`.
bool lists(std::string_view list, Currency c) {
  const std::vector<Currency> codes = currencies_listed(list);
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

}  // namespace

std::optional<std::pair<QuotedFigure, CurrencyEvidence>> shared_marker_of_document(
    const QuotedFigure& q, std::string_view s, std::span<const ExplicitMoney> explicit_money,
    std::span<const Currency> named, const Lexicon& lexicon, const ParseOptions& options) {
  if (!q.unit.is_money() || q.currency_marker.empty() || q.currency_source != CurrencySource::explicit_) return std::nullopt;
  const Cue* shared = lexicon.cue(q.currency_marker, "marker_shared");
  if (shared == nullptr) return std::nullopt;
  const Currency own = *q.unit.currency;
  std::optional<CurrencyEvidence> evidence;
  for (const ExplicitMoney& other : explicit_money) {
    const std::string_view written = s.substr(other.span.begin, other.span.size());
    if (other.currency == own) {
      // The default named by a marker of its own ("₹5 crore", "INR 5bn"): the shared marker is it.
      ParseOptions o = options;
      o.lexicon = &lexicon;
      const Result<QuotedFigure> r = parse_figure(written, o);
      if (r && !r->currency_marker.empty() && lexicon.cue(r->currency_marker, "marker_shared") == nullptr) {
        return std::nullopt;
      }
      continue;
    }
    if (!lists(shared->value, other.currency)) continue;
    if (evidence && evidence->currency != other.currency) return std::nullopt;
    if (!evidence) evidence = CurrencyEvidence{std::string(written), other.span, other.currency};
  }
  for (const Currency x : named) {
    if (x == own || !lists(shared->value, x)) continue;
    if (evidence && evidence->currency != x) return std::nullopt;
    if (!evidence) {
      // the first word of the text that names it ("PKR", "Pakistani rupees")
      std::size_t at = std::string_view::npos;
      any_letter_run(s, [&](std::size_t p, std::size_t e) {
        for (std::size_t k = e; k <= std::min(s.size(), e + 12); ++k) {
          if (k < s.size() && is_letter(s[k])) continue;
          const CurrencyMarker* m = lexicon.currency_marker(s.substr(p, k - p));
          if (m != nullptr && m->currency == x) {
            at = p;
            evidence = CurrencyEvidence{std::string(s.substr(p, k - p)), TextSpan{p, k}, x};
            return true;
          }
        }
        return false;
      });
      if (at == std::string_view::npos) evidence = CurrencyEvidence{std::string(x.code()), TextSpan{0, 0}, x};
    }
  }
  // Nothing else names one: the dateline's place ("KARACHI (Reuters) -", "COLOMBO, May 9 -").
  if (!evidence) {
    std::optional<CurrencyEvidence> place = dateline_place_currency(s, lexicon);
    if (place && place->currency != own && lists(shared->value, place->currency)) evidence = std::move(place);
  }
  if (!evidence) return std::nullopt;
  const std::string_view figure = q.text;  // its spans are the text's: the marker's offset in it
  const std::size_t at = q.currency_span.begin - q.span.begin;
  if (q.currency_span.begin < q.span.begin || at + q.currency_marker.size() > figure.size()) return std::nullopt;
  std::string with_code(figure.substr(0, at));
  with_code += evidence->currency.code();
  if (at + q.currency_marker.size() < figure.size() && is_digit(figure[at + q.currency_marker.size()])) with_code += ' ';
  with_code += figure.substr(at + q.currency_marker.size());
  ParseOptions o = options;
  o.lexicon = &lexicon;
  Result<QuotedFigure> r = parse_figure(with_code, o);
  if (!r || !r->unit.is_money() || r->unit.currency != evidence->currency || r->value != q.value) return std::nullopt;
  return std::pair{std::move(*r), std::move(*evidence)};
}

std::optional<std::string> shared_minor_unit_refusal(std::string_view marker, Currency own,
                                                     std::span<const Currency> named, const Lexicon& lexicon) {
  const Cue* shared = lexicon.cue(marker, "minor_shared");
  const auto is_named = [&](Currency x) { return std::find(named.begin(), named.end(), x) != named.end(); };
  if (shared == nullptr || is_named(own)) return std::nullopt;
  const std::string_view others = shared->value;
  for (std::size_t p = 0; p < others.size();) {
    const std::size_t q = std::min(others.find(' ', p), others.size());
    if (const Result<Currency> x = Currency::from_code(others.substr(p, q - p)); x && is_named(*x)) {
      return fmt::format("'{}' is a hundredth of {} and of {}; the text names {} and not {}: not read", marker,
                         own.code(), x->code(), x->code(), own.code());
    }
    p = q + 1;
  }
  return std::nullopt;
}

}  // namespace finmetrics::extract_detail
