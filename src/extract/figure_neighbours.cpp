#include "figure_scanner.hpp"

#include <array>

// What stands beside a figure read in place, for take() (figure_in_context.cpp): a
// count noun after it, an exchange rate it belongs to, a per-share metric named before
// it, the unit of a good it is the price of.

namespace finmetrics::extract_detail {

// A count noun after a figure without unit ("1.1bn netizens", "250 million
// devices", "1 million free tokens"): up to three lower-case words ending at the
// first plural. Without a scale the number must be an integer not named by the
// word before it ("Qwen 2.0 showcased", "February 20 earnings"). npos when none;
// `duration` when the noun names time ("15 months": no figure).
std::size_t Scanner::count_noun_end(std::size_t p, const QuotedFigure& f, std::size_t number, bool& duration) const {
  duration = false;
  const std::size_t n = s_.size();
  const std::size_t q = skip_hspace(s_, p);
  if (q == p || q >= n || !is_lower(s_[q])) return npos;
  const bool scaled = f.scale.exponent != 0;
  if (!scaled) {
    if (f.number.exponent() < 0) return npos;
    const std::size_t we = skip_hspace_back(s_, number);
    const std::size_t wb = letters_begin(s_, we);
    if (we > wb && is_upper(s_[wb]) && we != number) return npos;
  }
  std::size_t k = q;
  for (int words = 0; words < 3; ++words) {
    if (k >= n || !is_lower(s_[k])) break;
    const std::size_t ke = letters_end(s_, k);
    const std::string_view kw = s_.substr(k, ke - k);
    if (ke < n && (is_digit(s_[ke]) || s_[ke] == '-' || s_[ke] == '\'')) break;
    if (is_cue(lexicon_, kw, "duration")) {
      duration = !scaled;
      return npos;
    }
    if (is_cue(lexicon_, kw, "count_stop")) break;
    if (kw.size() > 3 && kw.substr(kw.size() - 2) == "ed") break;  // a verb: "2.0 showcased"
    if (is_plural_noun(lexicon_, kw)) {
      // "1.18 lakh savings accounts": a plural that names the next one (a plural subject
      // takes no verb in -s, so the second is a noun too).
      const std::size_t k2 = skip_hspace(s_, ke);
      if (k2 > ke && k2 < n && is_lower(s_[k2])) {
        const std::size_t k2e = letters_end(s_, k2);
        const std::string_view w2 = s_.substr(k2, k2e - k2);
        if ((k2e >= n || !(is_digit(s_[k2e]) || s_[k2e] == '-' || s_[k2e] == '\'')) && !is_cue(lexicon_, w2, "count_stop") &&
            !is_cue(lexicon_, w2, "duration") && w2.size() > 3 && is_plural_noun(lexicon_, w2))
          return k2e;
      }
      return ke;
    }
    const std::size_t next = skip_hspace(s_, ke);
    if (next == ke) break;
    k = next;
  }
  return npos;
}

// An exchange rate, not an amount: a currency pair before the figure ("EUR/USD
// 1.0850"), an `exchange_rate` cue and another currency after it ("Euro 1.08
// against the dollar", "$1.08 per euro", "Rs 83.4 to the dollar"), or another
// currency right after an amount whose marker stands before its number ("Dollar
// 151.2 yen"). Which currency such a number is in depends on the market's
// convention (EUR/USD is quoted in dollars, USD/INR in rupees), so it is refused,
// never read as money. The span refused, or an empty span.
TextSpan Scanner::exchange_rate_at(const QuotedFigure& f, std::size_t number) const {
  const std::size_t n = s_.size();
  const std::size_t b = f.span.begin;
  const std::size_t e = f.span.end;
  // "($1 = 7.1175 Chinese yuan renminbi)", "US$1 = HK$7.8": an equation of two currencies.
  if (const std::size_t eq = skip_hspace(s_, e); eq < n && s_[eq] == '=') return TextSpan{b, e};
  if (const std::size_t eq = skip_hspace_back(s_, b); eq > 0 && s_[eq - 1] == '=') return TextSpan{b, e};
  // "EUR/USD 1.0850", "USD/JPY 151.20"
  if (b >= 2 && s_[b - 1] == '/') {
    const std::size_t wb = letters_begin(s_, b - 1);
    if (wb < b - 1 && lexicon_.currency_marker(s_.substr(wb, b - 1 - wb)) != nullptr) return TextSpan{wb, e};
  }
  const std::size_t q = skip_hspace(s_, e);
  if (q == e || q >= n || !is_letter(s_[q])) return TextSpan{};
  const auto currency_after = [&](std::size_t p) -> std::size_t {
    const auto [end, m] = currency_word_at(p);
    if (m == nullptr || m->country) return npos;
    const std::size_t next = skip_hspace(s_, end);
    if (next < n && is_digit(s_[next])) return npos;  // the marker of the next figure ("USD 5bn RMB 81bn")
    return end;
  };
  const std::size_t qe = letters_end(s_, q);
  if (const Cue* relation = lexicon_.cue(s_.substr(q, qe - q), "exchange_rate"); relation != nullptr) {
    std::size_t r = skip_hspace(s_, qe < n && s_[qe] == '.' ? qe + 1 : qe);  // "vs."
    bool determiner = false;
    if (r < n && is_letter(s_[r]) && is_cue(lexicon_, s_.substr(r, letters_end(s_, r) - r), "determiner")) {
      r = skip_hspace(s_, letters_end(s_, r));
      determiner = true;
    }
    // "to" before a currency only with a determiner: "83.40 to the dollar", never "$5bn to euros".
    if (determiner || relation->value != "determiner") {
      if (const std::size_t end = currency_after(r); end != npos) return TextSpan{b, end};
    }
    // "at the rate of RMB7.0176 to US$1.00": one unit of another currency.
    std::size_t d = r;
    while (d < n && d - r < 8 && !is_digit(s_[d]) && s_[d] != '\n') ++d;
    std::size_t me = d;
    while (me > r && is_hspace(static_cast<unsigned char>(s_[me - 1]))) --me;
    if (d < n && is_digit(s_[d]) && me > r && lexicon_.currency_marker(s_.substr(r, me - r)) != nullptr &&
        s_[d] == '1') {
      std::size_t de = d + 1;
      if (de + 1 < n && s_[de] == '.' && s_[de + 1] == '0') {
        ++de;
        while (de < n && s_[de] == '0') ++de;
      }
      const bool number_goes_on = de < n && (is_digit(s_[de]) || is_letter(s_[de]) ||
                                             ((s_[de] == '.' || s_[de] == ',') && de + 1 < n && is_digit(s_[de + 1])));
      if (!number_goes_on) return TextSpan{b, de};
    }
    return TextSpan{};
  }
  // "Dollar 151.2 yen": a marker before the number and one of another currency after
  // the amount ("$10 dollars bill" says the dollar twice).
  if (f.unit.dimension == Dimension::money && !f.currency_marker.empty() && f.currency_span.end <= number) {
    const auto [end, m] = currency_word_at(q);
    if (m == nullptr || currency_after(q) == npos) return TextSpan{};
    const bool same = (m->currency && f.unit.currency == *m->currency) ||
                      (m->family != 0 && (lexicon_.family_name(m->family) == f.currency_family ||
                                          (f.unit.currency && lexicon_.family_of(*f.unit.currency) == m->family)));
    if (!same) return TextSpan{b, end};
  }
  return TextSpan{};
}

// The per-share metric named before an amount in its clause ("earnings per share
// were HK$2.47", "Diluted EPS rose 8% to 45p", "earnings per ADS came in at
// US$2.10"): a `per_share_phrase` cue of the lexicon (value `share` or `ads`) at most
// eight words back, with only words, commas and percentages between (no other
// number, no end of sentence or clause). Empty when there is none.
std::string_view Scanner::per_share_phrase_before(std::size_t b) const {
  std::array<std::size_t, 6> ends{};  // the ends of the words after the one read, nearest first
  std::size_t words = 0;
  std::size_t p = b;
  for (int step = 0; step < 12; ++step) {
    p = skip_hspace_back(s_, p);
    if (p == 0) return {};
    const char c = s_[p - 1];
    if (c == ',') {
      --p;
      continue;
    }
    if (is_digit(c) || c == '%') {  // a percentage may stand between ("rose 8% to 45p"), no other number
      std::size_t q = p;
      if (c == '%') --q;
      const std::size_t digits_end = q;
      while (q > 0 && (is_digit(s_[q - 1]) || ((s_[q - 1] == '.' || s_[q - 1] == ',') && q > 1 && is_digit(s_[q - 2]))))
        --q;
      const std::size_t after = skip_hspace(s_, digits_end);
      const bool percent = c == '%' || (after > digits_end && (istarts_with(s_.substr(after), "per cent") ||
                                                               istarts_with(s_.substr(after), "percent")));
      if (!percent || q == digits_end) return {};
      p = q;
      continue;
    }
    if (!is_letter(c)) return {};
    std::size_t wb = letters_begin(s_, p);
    while (wb > 1 && s_[wb - 1] == '-' && is_letter(s_[wb - 2])) wb = letters_begin(s_, wb - 1);  // "per-share"
    // The phrases that start at this word and end at it or at one of the words after it.
    std::size_t end = p;
    for (std::size_t k = 0; k <= std::min(words, ends.size()); ++k) {
      if (const Cue* cue = lexicon_.cue(s_.substr(wb, end - wb), "per_share_phrase")) return cue->value;
      if (k == std::min(words, ends.size())) break;
      end = ends[k];
    }
    if (words >= 8) return {};
    for (std::size_t k = ends.size() - 1; k > 0; --k) ends[k] = ends[k - 1];
    ends[0] = p;
    ++words;
    p = wb;
  }
  return {};
}

// The end of what an amount ending at e is a price of: `/` glued, or a `per_leader`
// ("per", "a", "an") apart, then a `per_unit` cue of one or two words ("bbl", "barrel",
// "MMBtu", "troy ounce") ending the word, whose value (the good) goes to `unit`. npos
// when none.
std::size_t Scanner::per_unit_end(std::size_t e, std::string* unit) const {
  const std::size_t n = s_.size();
  std::size_t u = npos;
  if (e + 1 < n && s_[e] == '/' && is_letter(s_[e + 1])) {
    u = e + 1;
  } else if (const std::size_t q = skip_hspace(s_, e); q > e && q < n && is_letter(s_[q])) {
    const std::size_t qe = letters_end(s_, q);
    if (lexicon_.cue(s_.substr(q, qe - q), "per_leader") != nullptr) u = skip_hspace(s_, qe);
    if (u == qe) u = npos;
  }
  if (u == npos || u >= n || !is_letter(s_[u])) return npos;
  const std::size_t w1 = letters_end(s_, u);
  const auto ends_word = [&](std::size_t x) { return x >= n || !(is_alnum(s_[x]) || s_[x] == '-' || s_[x] == '/'); };
  if (const std::size_t w2b = skip_hspace(s_, w1); w2b > w1 && w2b < n && is_letter(s_[w2b])) {
    const std::size_t w2 = letters_end(s_, w2b);
    if (const Cue* two = ends_word(w2) ? lexicon_.cue(s_.substr(u, w2 - u), "per_unit") : nullptr; two != nullptr) {
      if (unit != nullptr) *unit = two->value;
      return w2;
    }
  }
  if (const Cue* one = ends_word(w1) ? lexicon_.cue(s_.substr(u, w1 - u), "per_unit") : nullptr; one != nullptr) {
    if (unit != nullptr) *unit = one->value;
    return w1;
  }
  return npos;
}

}  // namespace finmetrics::extract_detail
