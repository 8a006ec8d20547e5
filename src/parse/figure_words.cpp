#include "figure_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// Numbers written in words, and minor units in words (figure_parser.hpp).

namespace finmetrics::parse_detail {

// number-words = "a" | "an" | cardinal | tens ["-" cardinal] | (cardinal | "a") "hundred" [["and"] tens/cardinal]
//              | "half" ["a" | "an"] | ["a" | "an" | cardinal] ["-"] fraction | multiple
//              | whole "and" ("a" | "an" | cardinal) fraction
// "three billion", "a billion", "half a billion", "a third", "one-fifth", "twofold",
// "two and a half billion".
bool Parser::read_number_words(std::size_t& pos, Term& t) {
  using K = NumberWord::Kind;
  std::size_t p = pos;
  t.number_pos = p;
  const auto word_at_p = [&](std::size_t q, std::size_t& e) -> const NumberWord* {
    e = letters_end(q);
    if (e == q) return nullptr;
    // "two-fold", "ten-fold" are listed whole
    if (e < end_ && s_[e] == '-') {
      const std::size_t e2 = letters_end(e + 1);
      if (const NumberWord* w = lex_.number_word(s_.substr(q, e2 - q)); w != nullptr && e2 > e + 1) {
        e = e2;
        return w;
      }
    }
    return lex_.number_word(s_.substr(q, e - q));
  };
  const auto next_word = [&](std::size_t e) {  // after a space or a hyphen
    if (e < end_ && s_[e] == '-') return e + 1;
    return space_at(e) ? skip_space(e) : end_ + 1;
  };
  std::size_t e = p;
  const NumberWord* w = word_at_p(p, e);
  std::uint64_t value = 0;  // in hundredths... whole numbers, then the fraction below
  int fraction_digits = 0;
  bool needs_scale = false;
  const auto done = [&](std::size_t end) {
    t.small = value;
    t.fraction_digits = fraction_digits;
    t.number_text = s_.substr(pos, end - pos);
    t.last_text = t.number_text;
    pos = end;
    t.words_need_scale = needs_scale;
    return true;
  };
  if (w == nullptr) return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  if (w->kind == K::multiple) {
    value = w->value;
    t.dimension = Dimension::multiple;
    t.dimension_text = s_.substr(p, e - p);
    t.dimension_pos = p;
    return done(e);
  }
  if (w->kind == K::fraction && w->denominator == 2) {  // "half", "half a billion"
    value = 5;
    fraction_digits = 1;
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q <= end_ && q < end_) {
      const NumberWord* a = word_at_p(q, e2);
      if (a != nullptr && a->kind == K::article) {
        needs_scale = true;
        return done(e2);
      }
    }
    needs_scale = true;
    return done(e);
  }
  // A whole number in words: [cardinal|tens[-cardinal]|a] [hundred [and] [tens[-cardinal]|cardinal]]
  std::uint64_t n = 0;
  bool article = false;
  const auto read_below_hundred = [&](const NumberWord* x, std::size_t& end) -> bool {
    if (x->kind == K::cardinal) {
      n += x->value;
      return true;
    }
    if (x->kind == K::tens) {
      n += x->value;
      const std::size_t q = next_word(end);
      std::size_t e2 = q;
      if (q < end_) {
        if (const NumberWord* u = word_at_p(q, e2); u != nullptr && u->kind == K::cardinal && u->value < 10) {
          n += u->value;
          end = e2;
        }
      }
      return true;
    }
    return false;
  };
  // A fraction of a scale: "quarter million", "a quarter million", "three quarters billion" (exact
  // fractions only: a denominator of twos and fives).
  // "a quarter of a billion", "three quarters of a million": "of a" between is read with the
  // fraction (read apart, "a quarter" was 25% and "a billion dollars" four times the amount).
  // A fraction that is no exact decimal ("a third of a billion") is refused in running text.
  bool inexact_of = false;  // "a third of a billion": refused (the error is set)
  const auto fraction_of_scale = [&](std::uint64_t count, const NumberWord& f, std::size_t& f_end) -> bool {
    std::uint64_t d = f.denominator;
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    std::size_t after = next_word(f_end);
    std::size_t of_end = f_end;
    if (after < end_ && word_at(after, "of") && space_at(after + 2)) {
      const std::size_t q = skip_space(after + 2);
      std::size_t ae = q;
      const NumberWord* a = q < end_ ? word_at_p(q, ae) : nullptr;
      const std::size_t s2 = a != nullptr && a->kind == K::article ? next_word(ae) : end_ + 1;
      if (s2 < end_ && lex_.scale(piece_at(s2)) && count < f.denominator) {
        if (d != 1) {
          fatal_ = prefix_;
          inexact_of = true;
          fail(Errc::ambiguous,
               fmt::format("'{}' is no exact amount: not read", s_.substr(p, s2 + piece_at(s2).size() - p)),
               s2 + piece_at(s2).size());  // at its end: what the refusal covers is read no further
          return false;
        }
        after = s2;
        of_end = ae;
      }
    }
    if (d != 1 || count >= f.denominator || after >= end_ || !lex_.scale(piece_at(after))) return false;
    f_end = of_end;
    std::uint64_t v = count * 1000000 / f.denominator;  // exact: the denominator divides 10^6
    int digits = 6;
    while (digits > 0 && v % 10 == 0) {
      v /= 10;
      --digits;
    }
    value = v;
    fraction_digits = digits;
    needs_scale = true;
    return true;
  };
  if (w->kind == K::fraction && fraction_of_scale(1, *w, e)) return done(e);
  if (inexact_of) return false;
  if (w->kind == K::article) {
    article = true;
    n = 1;
  } else if (!read_below_hundred(w, e)) {
    return fail(Errc::syntax, fmt::format("expected a number, found '{}'", s_.substr(p, e - p)), p);
  }
  // "hundred"
  {
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q < end_) {
      if (const NumberWord* h = word_at_p(q, e2); h != nullptr && h->kind == K::hundred && n < 10) {
        n *= 100;
        article = false;
        e = e2;
        std::size_t q2 = next_word(e);
        if (q2 < end_ && word_at(q2, "and")) q2 = next_word(q2 + 3);
        std::size_t e3 = q2;
        if (q2 < end_) {
          if (const NumberWord* r = word_at_p(q2, e3); r != nullptr && (r->kind == K::cardinal || r->kind == K::tens)) {
            std::uint64_t before = n;
            n = 0;
            read_below_hundred(r, e3);
            n += before;
            e = e3;
          }
        }
      }
    }
  }
  // "two and a half", "three and three quarters": a whole number and a fraction of one,
  // exact when the fraction is (a denominator of twos and fives), else to six decimals
  // ("one and a third": 1.333333). Never a percentage ("two and a half times" is 2.5x).
  if (!article && n > 0) {
    const std::size_t q = next_word(e);
    if (q < end_ && word_at(q, "and") && space_at(q + 3)) {
      const std::size_t q2 = skip_space(q + 3);
      std::size_t e2 = q2;
      const NumberWord* c = q2 < end_ ? word_at_p(q2, e2) : nullptr;
      const std::uint64_t count = c == nullptr ? 0 : c->kind == K::article ? 1 : c->kind == K::cardinal ? c->value : 0;
      const std::size_t q3 = count != 0 ? next_word(e2) : end_ + 1;
      std::size_t e3 = q3;
      const NumberWord* f = q3 < end_ ? word_at_p(q3, e3) : nullptr;
      if (f != nullptr && f->kind == K::fraction && count < f->denominator) {
        value = n * 1000000 + (count * 1000000 + f->denominator / 2) / f->denominator;
        fraction_digits = 6;
        while (fraction_digits > 0 && value % 10 == 0) {
          value /= 10;
          --fraction_digits;
        }
        return done(e3);
      }
    }
  }
  // A fraction after it: "a third", "one-fifth", "two-thirds", "three quarters".
  {
    const std::size_t q = next_word(e);
    std::size_t e2 = q;
    if (q < end_) {
      if (const NumberWord* f = word_at_p(q, e2); f != nullptr && f->kind == K::fraction && n < f->denominator) {
        if (fraction_of_scale(n, *f, e2)) return done(e2);
        if (inexact_of) return false;
        // n/d as a percentage, exact when it is, else to six decimals (a third: 33.333333%).
        const std::uint64_t scaled = n * 100 * 1000000;
        value = (scaled + f->denominator / 2) / f->denominator;
        fraction_digits = 6;
        while (fraction_digits > 0 && value % 10 == 0) {
          value /= 10;
          --fraction_digits;
        }
        t.dimension = Dimension::percent;
        t.dimension_text = s_.substr(q, e2 - q);
        t.dimension_pos = q;
        return done(e2);
      }
    }
  }
  value = n;
  needs_scale = article;
  return done(e);
}

// A Chinese numeral at p (a `cardinal` or `hundred` number word of one CJK
// character: 一 .. 九, 两, 零, 十, 百, 千) or "百分之": its length in bytes, else 0.
std::size_t Parser::cjk_numeral_at(std::size_t p) const noexcept {
  const CodePoint c = at(p);
  if (c.size < 3 || !is_cjk(c.value)) return 0;
  if (s_.substr(p, 9) == "\u767E\u5206\u4E4B") return 9;  // 百分之
  const NumberWord* w = lex_.number_word(s_.substr(p, c.size));
  return w != nullptr && (w->kind == NumberWord::Kind::cardinal || w->kind == NumberWord::Kind::hundred) ? c.size : 0;
}

// cjk-number = ["百分之"] numeral { numeral } [ "点" digit { digit } ] ;  numeral: a digit (一 .. 九, 两, 零)
// or a unit (十 10, 百 100, 千 1000); 万 inside, when a numeral follows it, multiplies
// what stands before ("三万五千" = 35000). 万 and 亿 at the end are the scale the units
// read ("三千亿元" = 3000 x 10^8). "百分之十五" is 15%.
bool Parser::read_cjk_number(std::size_t& pos, Term& t) {
  using K = NumberWord::Kind;
  std::size_t p = pos;
  t.number_pos = p;
  bool percent = false;
  if (s_.substr(p, 9) == "\u767E\u5206\u4E4B") {
    percent = true;
    p += 9;
  }
  std::uint64_t high = 0;     // the part before 万
  std::uint64_t section = 0;  // below 万
  std::uint64_t digit = 0;
  bool any = false;
  bool digit_pending = false;
  for (;;) {
    const CodePoint c = at(p);
    if (c.size < 3 || !is_cjk(c.value)) break;
    const NumberWord* w = lex_.number_word(s_.substr(p, c.size));
    if (w != nullptr && w->kind == K::cardinal && w->value < 10) {
      digit = w->value;
      digit_pending = true;
    } else if (w != nullptr && w->kind == K::hundred) {
      section += (digit_pending ? digit : 1) * w->value;  // "十五": 15
      digit = 0;
      digit_pending = false;
    } else if (const auto sc = lex_.scale(s_.substr(p, c.size)); sc && sc->exponent == 4 && high == 0 && any &&
                                                                   cjk_numeral_at(p + c.size) != 0) {
      high = (section + (digit_pending ? digit : 0)) * 10000;  // "三万五千"
      section = 0;
      digit = 0;
      digit_pending = false;
    } else {
      break;
    }
    any = true;
    p += c.size;
  }
  if (!any) return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  std::uint64_t value = high + section + (digit_pending ? digit : 0);
  int fraction_digits = 0;
  // "三点五" = 3.5: 点 and digits one by one.
  if (s_.substr(p, 3) == "\u70B9") {
    std::size_t q = p + 3;
    for (CodePoint c = at(q); c.size == 3 && fraction_digits < 12; c = at(q)) {
      const NumberWord* w = lex_.number_word(s_.substr(q, 3));
      if (w == nullptr || w->kind != K::cardinal || w->value >= 10) break;
      value = value * 10 + w->value;
      ++fraction_digits;
      q += 3;
    }
    if (fraction_digits == 0) {
      return fail(Errc::syntax, fmt::format("expected a digit after '\u70B9', found {}", found(p + 3)), p + 3);
    }
    p = q;
  }
  t.small = value;
  t.fraction_digits = fraction_digits;
  t.number_text = s_.substr(pos, p - pos);
  t.last_text = t.number_text;
  if (percent) {
    t.dimension = Dimension::percent;
    t.dimension_text = s_.substr(pos, 9);
    t.dimension_pos = pos;
  }
  pos = p;
  return true;
}

std::uint64_t Parser::minor_amount_at(std::size_t p) {
  if (p >= end_) return 0;
  if (is_digit(s_[p])) {
    std::size_t e = p;
    while (e < end_ && is_digit(s_[e])) ++e;
    if (e - p > 2) return 0;
    minor_end_ = e;
    std::uint64_t v = 0;
    for (std::size_t i = p; i < e; ++i) v = v * 10 + static_cast<std::uint64_t>(s_[i] - '0');
    return v + 1;
  }
  const std::size_t we = letters_end(p);
  const NumberWord* w = we > p ? lex_.number_word(s_.substr(p, we - p)) : nullptr;
  if (w == nullptr || (w->kind != NumberWord::Kind::cardinal && w->kind != NumberWord::Kind::tens)) return 0;
  Term words;
  std::size_t e = p;
  const std::optional<Error> saved = error_;
  if (!read_number_words(e, words) || words.fraction_digits != 0 || words.words_need_scale ||
      words.dimension != Dimension::number || words.small >= 100) {
    error_ = saved;
    return 0;
  }
  minor_end_ = e;
  return words.small + 1;
}

}  // namespace finmetrics::parse_detail
