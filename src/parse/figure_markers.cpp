#include "figure_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// What stands before the number: hedge phrases and currency markers (figure_parser.hpp).

namespace finmetrics::parse_detail {

// The longest hedge phrase of the lexicon at p: up to its longest phrase's
// number of words, each a run of letters, '.', '~', '\'' or '-'.
std::optional<std::pair<Qualifier, std::size_t>> Parser::match_qualifier(std::size_t p) const noexcept {
  if (p >= end_ || !lex_.may_start_qualifier(s_[p])) return std::nullopt;
  const auto is_hedge_char = [](char c) {
    return is_ascii_letter(c) || c == '.' || c == '~' || c == '\'' || c == '-';
  };
  std::array<std::size_t, 8> ends{};
  int words = 0;
  const int max_words = std::min(lex_.max_qualifier_words(), static_cast<int>(ends.size()));
  for (std::size_t q = p; words < max_words && q < end_;) {
    std::size_t e = q;
    while (e < end_ && is_hedge_char(s_[e])) ++e;
    if (e == q) break;
    ends[static_cast<std::size_t>(words++)] = e;
    if (!space_at(e)) break;
    q = skip_space(e);
  }
  for (int k = words; k > 0; --k) {
    const std::size_t e = ends[static_cast<std::size_t>(k - 1)];
    if (const auto q = lex_.qualifier(s_.substr(p, e - p))) {
      // A phrase that ends in a letter must end a word ("over" is not "overall");
      // "~5", "c.5" and "approx.5" need no space.
      if (!is_ascii_letter(s_[e - 1]) || e >= end_ || space_at(e)) return std::pair{*q, skip_space(e)};
    }
  }
  // A Chinese hedge of one or two characters, written onto what follows: "约两万亿港元", "近60%".
  if (static_cast<unsigned char>(s_[p]) >= 0xE0) {
    for (const std::size_t len : {std::size_t{6}, std::size_t{3}}) {
      if (p + len >= end_) continue;
      if (const auto q = lex_.qualifier(s_.substr(p, len))) return std::pair{*q, skip_space(p + len)};
    }
  }
  // A sign glued to a word: "~Rmb5bn".
  std::size_t e = p;
  while (e < end_ && is_hedge_char(s_[e]) && !is_ascii_letter(s_[e])) ++e;
  if (e > p && e < end_ && is_ascii_letter(s_[e])) {
    if (const auto q = lex_.qualifier(s_.substr(p, e - p))) return std::pair{*q, e};
  }
  return std::nullopt;
}

// The currency a marker names, with the error placed in the figure.
bool Parser::currency_at(std::string_view marker, std::size_t pos, Currency& out) {
  auto c = lex_.currency(marker, options_.currency);
  if (!c) {
    Error e = std::move(c.error());
    e.input = std::string(s_);
    e.position = pos;
    return fail(std::move(e));
  }
  out = *c;
  return true;
}

// prefix = currency-sign | letters currency-sign | currency-word (then optional space)
bool Parser::read_prefix_fallback(std::size_t& p, Term& t) {
  const CodePoint c = at(p);
  std::size_t e = p;
  // The marker `text` (bytes p..e) names `cur`: the term's currency, read before the number.
  const auto take = [&](Currency cur, std::string_view text) {
    t.currency = cur;
    t.source = CurrencySource::explicit_;
    t.marker = lex_.currency_marker(text);
    t.currency_text = text;
    t.currency_pos = p;
    t.currency_is_prefix = true;
    t.last_text = text;
    p = skip_space(e);
    return true;
  };
  if (c.size != 0 && is_currency_sign(c.value)) {
    e = p + c.size;
  } else if (c.size == 1 && is_ascii_letter(static_cast<char>(c.value))) {
    e = letters_end(p);
    const CodePoint after = at(e);
    if (after.size != 0 && is_currency_sign(after.value) && e - p <= 3) {
      e += after.size;  // US$, HK$, NT$, CN¥
    } else {
      // A word before the number: a currency code or alias ("Rmb", "RMB ", "USD ",
      // "Rs.").
      if (e < end_ && s_[e] == '.' && lex_.currency_marker(s_.substr(p, e + 1 - p)) != nullptr) ++e;
      const std::string_view word = s_.substr(p, e - p);
      auto cur = lex_.currency(word, options_.currency);
      if (const std::optional<Currency> code = cur ? std::nullopt : million_code(word)) {  // "MAUD 60"
        t.currency = *code;
        t.source = CurrencySource::explicit_;
        t.marker = lex_.currency_marker(word.substr(1));
        t.currency_text = word.substr(1);
        t.currency_pos = p + 1;
        t.currency_is_prefix = true;
        t.scale = scales::million;
        t.scale_text = word.substr(0, 1);
        t.last_text = word;
        p = skip_space(e);
        return true;
      }
      if (!cur) {
        if (lex_.scale(word)) {
          return fail(Errc::syntax, fmt::format("scale '{}' without a number", word), p);
        }
        if (cur.error().code == Errc::unknown_currency && word.size() == 3 && is_upper(word[0]) &&
            is_upper(word[1]) && is_upper(word[2])) {
          return fail(Errc::unknown_currency, std::move(cur.error().message), p);
        }
        if (cur.error().code == Errc::ambiguous) return fail(Errc::ambiguous, std::move(cur.error().message), p);
        return fail(Errc::syntax, fmt::format("expected a number, found '{}'", word), p);
      }
      return take(*cur, word);
    }
  } else if (c.size != 0 && is_cjk(c.value)) {
    e = cjk_end(p);  // 人民币
    for (std::size_t k = p; k < e; k += at(k).size) {  // "人民币三千亿元": the marker ends at a numeral
      if (cjk_numeral_at(k) != 0) {
        e = k;
        break;
      }
    }
  } else if (c.value >= 0x20A0 && c.value <= 0x20CF) {  // the Currency Symbols block: "₴5bn", "₫168bn"
    return fail(Errc::unknown_currency, fmt::format("unknown currency sign '{}'", s_.substr(p, c.size)), p);
  } else {
    return true;
  }
  const std::string_view marker = s_.substr(p, e - p);
  Currency cur;
  if (!currency_at(marker, p, cur)) return false;
  return take(cur, marker);
}

// The currency a marker names, set on the term with its evidence. A country
// prefix waits for the family marker it names ("US4.5cps", "US $5"); a family
// marker after an explicit marker of its family only adds its unit ("NZD $100.70").
bool Parser::set_marker(const CurrencyMarker& m, std::string_view text, std::size_t pos, bool prefix, Term& t) {
  if (m.country) {
    if (!prefix || t.country != nullptr || t.currency) {
      return fail(Errc::syntax, fmt::format("'{}' names a currency only before a '$' or a minor unit", text), pos);
    }
    t.country = &m;
    t.country_text = text;
    t.country_pos = pos;
    return true;
  }
  if (t.currency) {
    if (!m.currency && m.family != 0 && t.marker != nullptr && t.marker->family == m.family && t.shift == 0 &&
        t.source == CurrencySource::explicit_ && (prefix || m.divisor != 1) &&
        !(options_.one_marker && m.divisor == 1)) {
      if (m.divisor != 1) t.shift -= m.divisor == 10 ? 1 : m.divisor == 100 ? 2 : 3;
      if (m.per == Per::share) t.per = Per::share, t.per_text = text;
      return true;
    }
    return fail(Errc::syntax, fmt::format("two currency markers: '{}' and '{}'", t.currency_text, text), pos);
  }
  Currency cur;
  CurrencySource source = CurrencySource::explicit_;
  if (m.currency) {
    cur = *m.currency;
  } else if (t.country != nullptr && t.country->family == m.family) {
    cur = *t.country->currency;
    text = s_.substr(t.country_pos, pos + text.size() - t.country_pos);  // "US4.5cps": both are the evidence
    pos = t.country_pos;
    t.country = nullptr;
  } else {
    // "a P/E", "a P&L", "a R value": an article is an amount only before a currency's
    // name ("a dollar", "a peso"), never before a sign or a letter of one.
    if (!prefix && t.words_need_scale && !t.scale && !currency_name(text)) {
      return fail(Errc::syntax, fmt::format("'{} {}' is no amount: '{}' is no currency's name", t.number_text, text, text),
                  pos);
    }
    auto r = lex_.resolve(m, text, options_.currency);
    if (!r) {
      // "10 dinars": which dinar is never guessed, nor the amount read without it
      if (r.error().code == Errc::ambiguous) fatal_ = true;
      Error e = std::move(r.error());
      e.input = std::string(s_);
      e.position = pos;
      return fail(std::move(e));
    }
    cur = *r;
    const bool is_default = !options_.currency.dollar_is_option && static_cast<int>(m.family) == tables_.dollar_family &&
                            lex_.family_default(m.family) == cur;
    source = is_default ? CurrencySource::default_ : CurrencySource::option;
  }
  if (t.country != nullptr) {
    return fail(Errc::syntax,
                fmt::format("'{}' names a {}, not '{}'", t.country_text, lex_.family_name(t.country->family), text),
                t.country_pos);
  }
  t.currency = cur;
  t.marker = &m;
  t.source = source;
  t.currency_text = text;
  t.currency_pos = pos;
  t.currency_is_prefix = prefix;
  t.last_text = text;
  if (m.coin && !coin_ends_amount(pos + text.size(), text)) return false;
  if (m.multiple != 1 && !apply_multiple(m.multiple, text, pos, t)) return false;
  if (m.divisor != 1) t.shift -= m.divisor == 10 ? 1 : m.divisor == 100 ? 2 : 3;
  if (m.per == Per::share) {
    t.per = Per::share;
    t.per_text = text;
  }
  return true;
}

// "two grand slams", "5 nickel mines": a coin or slang word followed by a word is
// an adjective, not money; only a `count_stop` cue ("10 grand for it") may follow.
bool Parser::coin_ends_amount(std::size_t e, std::string_view text) {
  const std::size_t q = skip_space(e);
  if (q >= end_ || !is_ascii_letter(s_[q])) return true;
  const std::string_view next = s_.substr(q, letters_end(q) - q);
  if (lex_.cue(next, "count_stop") != nullptr) return true;
  return fail(Errc::syntax, fmt::format("'{}' before '{}' is no amount of money", text, next), q);
}

// "5 nickels" (5 x 5 / 100), "10 grand" (10 x 1000): the worth of a coin multiplies
// the number; its trailing zeros go to the exponent, so "10 grand" is stated to the
// nearest thousand like "10 thousand".
bool Parser::apply_multiple(std::uint32_t multiple, std::string_view text, std::size_t pos, Term& t) {
  while (multiple % 10 == 0) {
    multiple /= 10;
    ++t.shift;
  }
  if (multiple == 1) return true;
  if (t.wide || t.small > 1'000'000'000'000ULL) {
    return fail(Errc::overflow, fmt::format("too many '{}' to count", text), pos);
  }
  t.small *= multiple;
  return true;
}

// A currency's name as words are written: three letters or more, some in lower case
// ("dollar", "pesos", "Euro"; not "P", "R", "HKD").
bool Parser::currency_name(std::string_view text) {
  return text.size() >= 3 && std::all_of(text.begin(), text.end(), is_ascii_letter) &&
         std::any_of(text.begin(), text.end(), is_lower);
}

// One capital letter written apart from the '$' after it ("C $100 million" of "Series
// C $100 million", "A $5" of "Class A $5"): a label, not the country prefix of "C$";
// only lower-cased text ("c $ 16.4 million") writes a country's dollar so.
bool Parser::capital_label(std::size_t b, std::size_t e, std::size_t sign) const {
  return e == b + 1 && !is_lower(s_[b]) && sign > e && sign < end_ && s_[sign] == '$';
}

// prefix = marker [ws] [marker]: the longest marker of the lexicon ("HK$", "Rs.",
// "R$", "Kč", "US"), then a family marker a country or code names ("NZD $").
bool Parser::read_prefix(std::size_t& p, Term& t) {
  if (p >= end_ || is_digit(s_[p])) return true;
  const auto b = static_cast<unsigned char>(s_[p]);
  if (b < 0x80 && !is_ascii_letter(s_[p]) && s_[p] != '$') return true;
  if (b >= 0x80 && is_cjk(at(p).value)) return read_prefix_fallback(p, t);
  // A dollar prefix written apart, as lower-cased text writes it: "hk $ 10.05" is
  // "HK$", "c $ 16.4" is "C$" (but "a $5" is the article: a number word).
  if (is_ascii_letter(s_[p])) {
    std::size_t we = p;
    while (we < end_ && we - p < 5 && (is_ascii_letter(s_[we]) || s_[we] == '.')) ++we;
    const std::size_t sign = skip_space(we);
    const bool lower = std::any_of(s_.begin() + static_cast<std::ptrdiff_t>(p), s_.begin() + static_cast<std::ptrdiff_t>(we), is_lower);
    if (we - p <= 4 && (sign > we || lower) && sign < end_ && s_[sign] == '$' && !capital_label(p, we, sign) &&
        lex_.number_word(s_.substr(p, we - p)) == nullptr) {
      // "u.s $": "U.S$" or "U.S.$"
      std::array<char, 8> joined{};
      for (std::size_t i = p; i < we; ++i) joined[i - p] = is_lower(s_[i]) ? static_cast<char>(s_[i] - 'a' + 'A') : s_[i];
      std::size_t n = we - p;
      joined[n] = '$';
      const CurrencyMarker* m = lex_.currency_marker(std::string_view(joined.data(), n + 1));
      if (m == nullptr && joined[n - 1] != '.') {
        joined[n] = '.';
        joined[n + 1] = '$';
        m = lex_.currency_marker(std::string_view(joined.data(), n + 2));
      }
      if (m == nullptr && lower) {  // "usd$ 15", "cad$": a code of the dollar family with its sign
        const CurrencyMarker* code = lex_.currency_marker(std::string_view(joined.data(), n));
        const CurrencyMarker* sign_marker = lex_.currency_marker("$");
        // ("mxn$": the '$' is the peso's sign too: a glued code decides)
        if (code != nullptr && code->currency && !code->country && code->divisor == 1 && sign_marker != nullptr &&
            (sign == we || (lex_.family_of(*code->currency) == sign_marker->family && sign_marker->family != 0))) {
          m = code;
        }
      }
      if (m != nullptr) {
        if (!set_marker(*m, s_.substr(p, sign + 1 - p), p, true, t)) return false;
        p = skip_space(sign + 1);
        return true;
      }
    }
  }
  // A name of several words ("U.S. dollars 5 million", "Malaysian ringgit 42"): the
  // longest the lexicon lists, one marker.
  if (is_ascii_letter(s_[p])) {
    MarkerWordEnds ends{};
    const std::size_t words = marker_word_ends(p, ends);
    for (std::size_t k = words; k >= 2; --k) {
      const std::string_view phrase = s_.substr(p, ends[k - 1] - p);
      const CurrencyMarker* m = lex_.currency_marker(phrase);
      if (m != nullptr && !m->follows_number && !m->country) {
        if (!set_marker(*m, phrase, p, true, t)) return false;
        p = skip_space(ends[k - 1]);
        return true;
      }
    }
  }
  for (int markers = 0; markers < 2 && p < end_; ++markers) {
    const std::size_t e = marker_run_end(p);
    const CurrencyMarker* m = nullptr;
    const std::size_t k = longest_marker(p, e, false, m);
    if (m == nullptr || (k < end_ && is_ascii_letter(s_[k]) && is_ascii_letter(s_[k - 1]))) {
      if (markers == 0) return read_prefix_fallback(p, t);
      break;
    }
    if (m->country && capital_label(p, k, skip_space(k))) {
      return fail(Errc::syntax,
                  fmt::format("'{}' apart from its '$' is a label ('Series C $5m'), not a country's dollar: write '{}$'",
                              s_.substr(p, k - p), s_.substr(p, k - p)),
                  p);
    }
    if (m->coin) {  // "grand 5", "bucks 5"
      return fail(Errc::syntax, fmt::format("'{}' follows the number ('5 {}')", s_.substr(p, k - p), s_.substr(p, k - p)),
                  p);
    }
    if (m->follows_number) {  // "p5", "cents 5": a minor unit follows its number
      return fail(Errc::syntax,
                  fmt::format("'{}' is a minor unit: it follows the number ('5{}')", s_.substr(p, k - p), s_.substr(p, k - p)),
                  p);
    }
    if (!set_marker(*m, s_.substr(p, k - p), p, true, t)) return false;
    p = skip_space(k);
    if (p < end_ && (is_digit(s_[p]) || s_[p] == '(' || s_[p] == '-' || s_[p] == '+')) break;
  }
  return true;
}

}  // namespace finmetrics::parse_detail
