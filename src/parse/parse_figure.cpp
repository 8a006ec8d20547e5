#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/detail/read_figure_prefix.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "figure_parser.hpp"

#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// A hand-written scanner over the bytes: no regex, no allocation until the result
// (or an error) is built. The grammar is in docs/figures.md; the comments name its
// productions. This file: terms, ranges and the figure; the other parts are named in
// figure_parser.hpp.

namespace finmetrics {

namespace parse_detail {

// term = [sign] ["("] [prefix] ["("] [sign] ( number | number-words ) units [")"]
// Accounting parentheses make the amount negative: "($99.99)", "£(982)m".
bool Parser::read_term(std::size_t p, bool sign_allowed, Term& t) {
  t.begin = p;
  bool signed_already = false;
  if (sign_allowed) {
    if (const std::size_t n = sign_at(p, t.negative); n != 0) {
      signed_already = true;
      p += n;
    } else if (word_at(p, "minus") && space_at(p + 5)) {  // "minus five percent"
      t.negative = true;
      signed_already = true;
      p = skip_space(p + 5);
    }
  }
  bool outer_paren = false;
  if (sign_allowed && !signed_already && p < end_ && s_[p] == '(') {
    outer_paren = true;
    t.negative = true;
    p = skip_space(p + 1);
  }
  const std::size_t word_end = letters_end(p);
  const NumberWord* word = word_end > p ? lex_.number_word(s_.substr(p, word_end - p)) : nullptr;
  if (word == nullptr && word_end > p && word_end < end_ && s_[word_end] == '-') {
    word = lex_.number_word(s_.substr(p, word_end - p));  // "one-fifth", "twenty-one": the first part
  }
  if (word != nullptr && !(word_end < end_ && (is_digit(s_[word_end]) || s_[word_end] == '$'))) {
    if (!read_number_words(p, t)) return false;
  } else if (cjk_numeral_at(p) != 0) {  // "三千亿元", "百分之十五"
    if (!read_cjk_number(p, t)) return false;
  } else {
    if (!read_prefix(p, t)) return false;
    bool inner_paren = false;
    if (sign_allowed && !signed_already && !outer_paren) {
      if (p < end_ && s_[p] == '(') {
        inner_paren = true;
        t.negative = true;
        p = skip_space(p + 1);
      } else {
        p += sign_at(p, t.negative);
      }
    }
    if (p < end_ && is_ascii_letter(s_[p])) {
      const std::string_view w = piece_at(p);
      if (lex_.scale(w)) return fail(Errc::syntax, fmt::format("scale '{}' without a number", w), p);
    }
    if (cjk_numeral_at(p) != 0 ? !read_cjk_number(p, t) : !read_number(p, t)) return false;  // "人民币三千亿元"
    if (inner_paren) {
      if (p >= end_ || s_[p] != ')') return fail(Errc::syntax, fmt::format("expected ')', found {}", found(p)), p);
      ++p;
    }
  }
  if (prefix_) {
    // Running text follows the figure: a unit piece that does not read ends the
    // figure before it (read again up to there), and says why if the figure is
    // glued to it.
    const Term before_units = t;
    const std::size_t units_begin = p;
    if (!read_units(p, t)) {
      if (fatal_) return false;
      units_error_ = std::move(error_);
      units_error_at_ = piece_start_;
      error_.reset();
      t = before_units;
      p = units_begin;
      units_limit_ = units_error_at_;
      const bool again = read_units(p, t);
      units_limit_ = std::string_view::npos;
      if (!again) return false;
    }
  } else if (!read_units(p, t)) {
    return false;
  }
  if (outer_paren) {
    const std::size_t q = skip_space(p);
    if (q >= end_ || s_[q] != ')') return fail(Errc::syntax, fmt::format("expected ')', found {}", found(q)), q);
    p = q + 1;
    // "(R$86.75) per share": what the amount is per may follow the parentheses, nothing else.
    if (!t.per) {
      const bool scaled = t.scale.has_value(), had_currency = t.currency.has_value();
      const Dimension dimension = t.dimension;
      const std::size_t noun = t.noun.size(), after = p;
      if (!read_units(p, t)) return false;
      if (t.scale.has_value() != scaled || t.currency.has_value() != had_currency || t.dimension != dimension ||
          t.noun.size() != noun || (p != after && !t.per)) {
        return fail(Errc::syntax, fmt::format("unexpected {} after ')'", found(skip_space(after))), skip_space(after));
      }
    }
  }
  t.end = p;
  return finish_term(t);
}

// "a dollar", "a grand", "above a dollar and 42 cents": an article before a currency
// word written after it is one of that currency, when the amount ends there: at the
// end, a punctuation mark or a `count_stop` cue other than "of" ("a pound of flesh"
// is a weight); never "a dollar bond", "a grand jury", "a euro zone".
bool Parser::one_of_currency(const Term& t) const {
  if (!t.currency || t.currency_is_prefix || !(is_word(t.number_text, "a") || is_word(t.number_text, "an")) ||
      t.currency_text.empty() || t.currency_text.back() == 's') {  // "a dollars" is no amount
    return false;
  }
  const std::size_t q = skip_space(t.end);
  if (q >= end_) return true;
  const char c = s_[q];
  if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')') return true;
  if (!is_ascii_letter(c)) return false;
  const std::string_view next = piece_at(q);
  return !is_word(next, "of") && lex_.cue(next, "count_stop") != nullptr;
}

// What a term can only be checked against once its units are read.
bool Parser::finish_term(Term& t) {
  if (t.country != nullptr) {
    return fail(Errc::syntax, fmt::format("'{}' names a currency only before a '$' or a minor unit", t.country_text),
                t.country_pos);
  }
  if (t.words_need_scale && !t.scale && !one_of_currency(t)) {
    return fail(Errc::syntax, fmt::format("'{}' needs a scale after it ('{} billion')", t.number_text, t.number_text),
                t.number_pos);
  }
  return true;
}

// What the other end of a range may still supply (a scale, a currency): checked
// once the figure is whole, by run() for a single figure, by join_range for both ends.
bool Parser::settle_term(const Term& t) {
  if (t.dot_three && !t.scale) {
    return fail(Errc::ambiguous,
                fmt::format("'{}' is {} where a dot groups thousands: set a locale (en, de, ...) or add a scale",
                            t.number_text, [&] {
                              std::string digits(t.number_text);
                              digits.erase(digits.find('.'), 1);
                              return digits;
                            }()),
                t.number_pos);
  }
  if (t.indian && !(locale_ != nullptr && locale_->indian) && t.currency != Currency{{'I', 'N', 'R'}}) {
    return fail(Errc::syntax,
                fmt::format("'{}' has Indian digit grouping, read only with a rupee marker or the locale en-IN",
                            t.number_text),
                t.number_pos);
  }
  return true;
}

// The ends of a range complete each other: "$3-4bn" is $3bn to $4bn, "5-7%" is
// 5% to 7%. What both state must agree.
bool Parser::join_range(Term& low, Term& high, std::size_t separator_pos, Qualifier q,
                        std::pair<Decimal, Decimal>& values) {
  const Hedge h = hedge_of(q);
  if (h != Hedge::exact && h != Hedge::approximate) {
    return fail(Errc::syntax, fmt::format("a range cannot follow '{}'", to_string(q)), separator_pos);
  }
  if (!low.scale && high.scale) {
    low.scale = high.scale;
    low.scale_text = high.scale_text;
  }
  if (low.currency && high.currency) {
    if (*low.currency != *high.currency) {
      return fail(Errc::currency_mismatch,
                  fmt::format("range ends in different currencies: {} and {}", low.currency->code(),
                              high.currency->code()),
                  high.currency_pos);
    }
  } else if (low.currency || high.currency) {
    Term& from = low.currency ? low : high;
    Term& to = low.currency ? high : low;
    if (to.dimension != Dimension::number || !to.noun.empty()) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.last_text, high.last_text),
                  high.begin);
    }
    to.currency = from.currency;
    to.currency_text = from.currency_text;
    to.currency_pos = from.currency_pos;
    to.source = from.source;
    to.marker = from.marker;
    if (to.shift == to.per_shift) to.shift += from.shift - from.per_shift;  // "5-7 cents": the minor unit only
  }
  if (low.dimension != high.dimension) {
    if (low.dimension != Dimension::number && high.dimension != Dimension::number) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.dimension_text,
                              high.dimension_text),
                  high.dimension_pos);
    }
    if (low.dimension == Dimension::number && !low.currency && low.noun.empty()) {
      low.dimension = high.dimension;
    } else if (high.dimension == Dimension::number && !high.currency && high.noun.empty()) {
      high.dimension = low.dimension;
    } else {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.last_text, high.last_text),
                  high.begin);
    }
  }
  if (low.noun != high.noun) {
    if (!low.noun.empty() && !high.noun.empty()) {
      return fail(Errc::syntax, fmt::format("range ends in different units: '{}' and '{}'", low.noun, high.noun),
                  high.noun_pos);
    }
    if (low.noun.empty()) low.noun = high.noun;
  }
  if (low.per != high.per) {
    if (low.per && high.per) {
      return fail(Errc::syntax,
                  fmt::format("range ends in different units: '{}' and '{}'", low.per_text, high.per_text),
                  high.begin);
    }
    if (!low.per) {  // "Rs 600-2,023 per 10 shares": the phrase of the high end is both ends'
      low.per = high.per;
      low.per_text = high.per_text;
      low.shift += high.per_shift;
      low.per_shift = high.per_shift;
    }
  }
  // What the other end may have supplied (a scale, a rupee marker) decides now.
  if (!settle_term(low) || !settle_term(high)) return false;
  values = {low.value(), high.value()};
  if (values.first > values.second) {
    return fail(Errc::syntax,
                fmt::format("range runs backwards: '{}' is above '{}'", s_.substr(low.begin, separator_pos - low.begin),
                            s_.substr(high.begin, end_ - high.begin)),
                high.number_pos);
  }
  return true;
}

Result<QuotedFigure> Parser::run() {
  const auto failed = [&]() { return Result<QuotedFigure>(tl::unexpect, std::move(*error_)); };
  // Surrounding white space is not part of the figure.
  std::size_t begin = 0;
  end_ = s_.size();
  begin = skip_space(0);
  while (end_ > begin) {
    const auto last = static_cast<unsigned char>(s_[end_ - 1]);
    if (last == ' ' || last == '\t') {
      --end_;
      continue;
    }
    if (last < 0x80) break;
    std::size_t k = end_ - 1;
    while (k > begin && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;  // start of the last code point
    const CodePoint cp = decode(s_, k);
    if (k + cp.size != end_ || !is_space(cp.value)) break;
    end_ = k;
  }
  if (begin >= end_) {
    fail(Errc::syntax, "expected a figure, found the end of the text", begin);
    return failed();
  }

  // figure = [qualifier] ( amount | amount "-" amount | amount "to" amount | "between" amount "and" amount )
  std::size_t p = begin;
  Qualifier qualifier = Qualifier::none;
  bool between = false;
  const char first = s_[p];
  // Qualifiers end in a space (or a '.', or are '~'): "Rmb81bn" and "US$5bn" skip the table,
  // and so does anything that starts like no qualifier and not like "between".
  const char first_lower = to_lower(first);
  // "a near fourfold increase": an article before a hedge.
  if ((first_lower == 'a') && (word_at(p, "a") || word_at(p, "an"))) {
    const std::size_t after = skip_space(letters_end(p));
    if (after > letters_end(p) && after < end_ && match_qualifier(after)) p = after;
  }
  const bool may_hedge = lex_.may_start_qualifier(s_[p]) || to_lower(s_[p]) == 'b' || to_lower(s_[p]) == 'f';
  const std::size_t first_word_end = may_hedge ? letters_end(p) : p;
  std::size_t qualifier_begin = p;
  std::size_t qualifier_end = p;
  bool from = false;
  // A Chinese hedge is written onto the number or its marker: "约两万亿港元", "近60%".
  const bool cjk_hedge = may_hedge && static_cast<unsigned char>(s_[p]) >= 0xE0;
  if (may_hedge && (s_[p] == '~' || cjk_hedge || (first_word_end > p && (first_word_end == end_ || !is_digit(s_[first_word_end])) &&
                                     (first_word_end == end_ || s_[first_word_end] != '$')))) {
    if (const auto m = match_qualifier(p)) {
      qualifier = m->first;
      if (m->second >= end_) {
        fail(Errc::syntax, fmt::format("expected a number after '{}'", s_.substr(p, end_ - p)), end_);
        return failed();
      }
      qualifier_begin = p;
      qualifier_end = m->second;
      // Back over the space after the hedge a whole code point at a time: a no-break
      // space is two bytes, a narrow no-break or thin space three.
      while (qualifier_end > p) {
        std::size_t k = qualifier_end - 1;
        while (k > p && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;
        const CodePoint c = decode(s_, k);
        if (k + c.size != qualifier_end || !is_space(c.value)) break;
        qualifier_end = k;
      }
      p = m->second;
    }
    if (p < end_ && word_at(p, "between") && space_at(p + 7)) {
      between = true;
      between_ = true;
      p = skip_space(p + 7);
    } else if (p < end_ && word_at(p, "from") && space_at(p + 4)) {  // "from 4 to 14MM U.S. dollars"
      from = true;
      p = skip_space(p + 4);
    }
  }

  // Each term is read by the front path where it can (figure_front.cpp: the commonest
  // shapes, the same Term read_term makes), else by read_term from the same place.
  const bool front = !prefix_ && paths_ != FigurePaths::general_only;
  const auto read_either = [&](std::size_t at, bool sign_allowed, Term& by_front, Term& by_general) -> Term* {
    if (front && front_term(at, sign_allowed, by_front)) return &by_front;
    front_answered_ = false;
    if (paths_ == FigurePaths::front_only) {
      fail(Errc::syntax, "not a shape of the front path", at);
      return nullptr;
    }
    return read_term(at, sign_allowed, by_general) ? &by_general : nullptr;
  };
  front_answered_ = front;
  Term low_front, low_general;
  Term* const low_read = read_either(p, true, low_front, low_general);
  if (low_read == nullptr) return failed();
  Term& low = *low_read;
  p = low.end;

  // The upper end of a range, if any: where it starts and whether it may be signed.
  const std::size_t separator = skip_space(p);
  bool range = false;
  std::size_t high_begin = 0;
  bool high_signed = true;
  if (between) {
    if (!word_at(separator, "and")) {
      fail(Errc::syntax,
           fmt::format("expected 'and' after 'between {}', found {}", s_.substr(low.begin, p - low.begin),
                       found(separator)),
           separator);
      return failed();
    }
    range = true;
    high_begin = skip_space(separator + 3);
  } else if (separator < end_) {
    if (const std::size_t n = dash_at(separator); n != 0) {
      range = true;
      high_begin = skip_space(separator + n);
      high_signed = false;
    } else if (word_at(separator, "to")) {
      range = true;
      high_begin = skip_space(separator + 2);
    }
  }
  if (from && !(range && word_at(separator, "to"))) {
    fail(Errc::syntax,
         fmt::format("expected 'to' after 'from {}', found {}", s_.substr(low.begin, p - low.begin), found(separator)),
         separator);
    return failed();
  }
  qualifier_span_ = TextSpan{qualifier_begin, qualifier_end};
  if (prefix_ && !between && !from &&
      (ranges_ == RangeReading::apart || (ranges_ == RangeReading::dashed && range && word_at(separator, "to")))) {
    range = false;
  }
  if (!range && prefix_) {
    if (!ends_figure(low.end) || !settle_term(low)) return failed();
    end_ = low.end;
    return figure(begin, low, qualifier, low.value(), std::nullopt);
  }
  if (!range) {
    if (separator < end_) {
      fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(separator)), separator);
      return failed();
    }
    if (!settle_term(low)) return failed();
    return figure(begin, low, qualifier, low.value(), std::nullopt);
  }
  Term high;  // in this branch only: a single figure does not pay for a second term
  high.may_borrow_currency = low.currency.has_value();
  std::pair<Decimal, Decimal> values;
  if (prefix_) {
    // What follows a figure in running text may only look like a range's upper
    // end ("5 - the rest"): then the figure is the lower end alone.
    const Term low_alone = low;
    std::optional<Error> low_units_error = units_error_;
    const std::size_t low_units_at = units_error_at_;
    if (!read_term(high_begin, high_signed, high) || !join_range(low, high, separator, qualifier, values)) {
      if (between || from || fatal_) return failed();
      error_.reset();
      units_error_ = std::move(low_units_error);
      units_error_at_ = low_units_at;
      if (!ends_figure(low_alone.end) || !settle_term(low_alone)) return failed();
      end_ = low_alone.end;
      return figure(begin, low_alone, qualifier, low_alone.value(), std::nullopt);
    }
    if (!ends_figure(high.end)) return failed();
    end_ = high.end;
    return figure(begin, low, qualifier, std::move(values.first), std::move(values.second));
  }
  Term high_front;
  high_front.may_borrow_currency = high.may_borrow_currency;
  Term* const high_read = read_either(high_begin, high_signed, high_front, high);
  if (high_read == nullptr || !join_range(low, *high_read, separator, qualifier, values)) return failed();
  if (const std::size_t rest = skip_space(high_read->end); rest < end_) {
    fail(Errc::syntax, fmt::format("unexpected {} after the figure", found(rest)), rest);
    return failed();
  }
  return figure(begin, low, qualifier, std::move(values.first), std::move(values.second));
}

// In running text a figure ends at white space, punctuation or a character of
// another script; a letter, a digit or an invisible character right after it
// ("5bnx", "$5\u200d0bn") says the figure was not read whole.
bool Parser::ends_figure(std::size_t e) {
  if (e >= end_) return true;
  const char32_t v = at(e).value;
  const bool glued = (v < 0x80 && (is_ascii_letter(static_cast<char>(v)) || is_digit(static_cast<char>(v)) || v == '_')) ||
                     (v >= 0x200B && v <= 0x200F) || (v >= 0x2060 && v <= 0x2064) || v == 0xFEFF || v == 0xAD ||
                     (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x370 && v <= 0x52F);
  if (!glued) return true;
  if (units_error_ && units_error_at_ == e) return fail(std::move(*units_error_));
  return fail(Errc::syntax, fmt::format("unexpected {} right after the figure", found(e)), e);
}

// Built in the Result it is returned in (named, so that it is never moved: a move
// of a QuotedFigure, four strings and five Decimals, cost a twentieth of a parse).
Result<QuotedFigure> Parser::figure(std::size_t begin, const Term& low, Qualifier qualifier, Decimal value,
                                    std::optional<Decimal> upper) const {
  Result<QuotedFigure> result(tl::in_place);
  QuotedFigure& f = *result;
  f.text.assign(s_.data() + begin, end_ - begin);
  f.span = TextSpan{begin, end_};
  f.number = low.scale || low.shift != 0 ? low.number() : value;  // the digits as written
  f.value = std::move(value);
  f.scale = low.scale.value_or(scales::units);
  // Unit::money, Unit::count_of, Unit::of, written into the default Unit in place
  if (low.currency) {
    f.unit.dimension = Dimension::money;
    f.unit.currency = *low.currency;
    f.unit.per = low.per.value_or(Per::whole);
  } else if (!low.noun.empty()) {
    f.unit.dimension = Dimension::count;
    f.unit.noun.assign(low.noun.data(), low.noun.size());
  } else {
    f.unit.dimension = low.dimension;
  }
  f.qualifier = qualifier;
  f.upper = std::move(upper);
  f.tolerances = options_.tolerances;
  if (low.currency) {
    f.currency_source = low.source;
    f.currency_marker.assign(low.currency_text.data(), low.currency_text.size());
    f.currency_span = TextSpan{low.currency_pos, low.currency_pos + low.currency_text.size()};
  }
  if (low.marker != nullptr) {
    const std::string_view family = lex_.family_name(low.marker->family);
    f.currency_family.assign(family.data(), family.size());
  }
  f.qualifier_span = qualifier_span_;
  return result;
}

}  // namespace parse_detail

namespace {

using parse_detail::FigurePaths;
using parse_detail::Parser;

Result<QuotedFigure> run_parser(std::string_view text, const ParseOptions& options, bool prefix, RangeReading ranges,
                                FigurePaths paths = FigurePaths::both, bool* front_answered = nullptr) {
  Parser parser(text, options);
  parser.prefix_ = prefix;
  parser.ranges_ = ranges;
  parser.paths_ = paths;
  if (!options.locale.empty()) {
    const Lexicon& lex = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
    parser.locale_ = lex.locale(options.locale);
    if (parser.locale_ == nullptr) {
      return unexpected(make_error(Errc::syntax,
                                   fmt::format("unknown locale '{}' (data/lexicon/locales.csv lists them)", options.locale),
                                   text, Error::npos));
    }
  }
  if (front_answered == nullptr) return parser.run();  // no move of the figure on the common path
  auto result = parser.run();
  *front_answered = parser.front_answered_;
  return result;
}

// "Rmb81bn ($11bn)": an amount, then what it is worth in another currency in
// brackets. Tried only once the whole text failed at that bracket, so a figure
// that reads alone never pays for it; both must be money, neither nested.
std::optional<QuotedFigure> with_stated_equivalent(std::string_view text, const ParseOptions& options,
                                                   const Error& failure) {
  const std::size_t open = failure.position;
  if (failure.code != Errc::syntax || open == Error::npos || open >= text.size() || text[open] != '(') return std::nullopt;
  std::size_t close = text.size();
  while (close > open && (text[close - 1] == ' ' || text[close - 1] == '\t')) --close;
  if (close < open + 3 || text[close - 1] != ')') return std::nullopt;
  std::size_t first_end = open;
  while (first_end > 0 && (text[first_end - 1] == ' ' || text[first_end - 1] == '\t')) --first_end;
  auto first = run_parser(text.substr(0, first_end), options, false, RangeReading::joined);
  if (!first || first->unit.dimension != Dimension::money) return std::nullopt;
  const std::string_view inside = text.substr(open + 1, close - 1 - (open + 1));
  auto second = run_parser(inside, options, false, RangeReading::joined);
  if (!second || second->unit.dimension != Dimension::money || !second->equivalents.empty()) return std::nullopt;
  // Spans of the inner figure in the whole text.
  const auto shift = [&](TextSpan& span) {
    if (span.end != 0) span = {span.begin + open + 1, span.end + open + 1};
  };
  shift(second->span);
  shift(second->currency_span);
  shift(second->qualifier_span);
  QuotedFigure f = std::move(*first);
  f.text = std::string(text.substr(f.span.begin, close - f.span.begin));
  f.span.end = close;
  f.equivalents.push_back(std::move(*second));
  return f;
}

}  // namespace

// Where a FigureReader compiled for the options reads the text (figure_reader_memo.hpp:
// once enough figures were asked about with them), its figure, field for field the
// grammar's, or its refusal, the grammar's error; the grammar reads the rest.
Result<QuotedFigure> parse_figure(std::string_view text, const ParseOptions& options) {
  if (const FigureReader* reader = parse_detail::FigureReaderMemo::process().reader(options)) {
    if (FigureReading r; reader->read(text, r, true)) return reader->figure(text, r, options.tolerances);
    if (Error e; reader->refuses(text, e)) return Result<QuotedFigure>(tl::unexpect, std::move(e));
  }
  return parse_detail::parse_figure_unmemoized(text, options);
}

namespace parse_detail {

Result<QuotedFigure> parse_figure_unmemoized(std::string_view text, const ParseOptions& options) {
  auto read = run_parser(text, options, false, RangeReading::joined);
  if (!read) {
    if (auto pair = with_stated_equivalent(text, options, read.error())) return std::move(*pair);
  }
  return read;
}

std::optional<Result<QuotedFigure>> parse_figure_by(std::string_view text, const ParseOptions& options,
                                                    FigurePaths paths) {
  bool front = false;
  auto result = run_parser(text, options, false, RangeReading::joined, paths, &front);
  if (paths == FigurePaths::front_only && !front) return std::nullopt;
  if (!result) {  // as parse_figure: each path reads a stated equivalent alike
    if (auto pair = with_stated_equivalent(text, options, result.error())) return Result<QuotedFigure>(std::move(*pair));
  }
  return result;
}

Result<QuotedFigure> read_figure_prefix(std::string_view text, const ParseOptions& options, RangeReading ranges) {
  return run_parser(text, options, true, ranges);
}

}  // namespace parse_detail

}  // namespace finmetrics
