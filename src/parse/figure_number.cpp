#include "figure_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

// number = digits { separator digits }, as the locale says (figure_parser.hpp).

namespace finmetrics::parse_detail {

// number = digits { separator digits }: the separators (',', '.', '\'', a space
// before a digit) are read as the options' locale says, or, without one, the
// English way (',' and spaces group, '.' is the decimal point), refusing what
// another locale reads otherwise (a decimal comma, dot grouping) as ambiguous.
bool Parser::read_number(std::size_t& pos, Term& t) {
  std::size_t p = pos;
  const std::size_t start = p;
  t.number_pos = start;

  // The common case first: digits [ "." digits ], at most 18 digits in all, not
  // followed by another separator, no locale: the coefficient is the digits read
  // as one 64-bit integer. Anything else (and every error) takes the general path.
  if (locale_ == nullptr || (locale_->decimal == '.' && !locale_->group_dot)) {
    std::uint64_t v = 0;  // wraps harmlessly beyond 19 digits: then it is not used
    std::size_t i = p;    // the end of the integer digits
    for (; i < end_ && is_digit(s_[i]); ++i) v = v * 10 + static_cast<std::uint64_t>(s_[i] - '0');
    std::size_t digits = i - p;
    // Without a locale, comma groups of three after one to three digits ("1,234,567")
    // read as the general path below reads them; anything else about the commas
    // (Indian grouping, a decimal comma, a bad group) is its business.
    if (locale_ == nullptr && digits >= 1 && digits <= 3) {
      while (i + 4 <= end_ && s_[i] == ',' && is_digit(s_[i + 1]) && is_digit(s_[i + 2]) && is_digit(s_[i + 3]) &&
             !(i + 4 < end_ && is_digit(s_[i + 4]))) {
        for (std::size_t k = i + 1; k < i + 4; ++k) v = v * 10 + static_cast<std::uint64_t>(s_[k] - '0');
        digits += 3;
        i += 4;
      }
    }
    std::size_t j = i;  // the end of the number
    bool simple = i > p;
    // In running text a '.' that no digit follows ends the sentence, not the number ("USD 200.").
    const auto full_stop = [&](std::size_t k) { return prefix_ && k < end_ && s_[k] == '.' && !(k + 1 < end_ && is_digit(s_[k + 1])); };
    if (simple && i < end_ && s_[i] == '.' && !full_stop(i)) {
      for (j = i + 1; j < end_ && is_digit(s_[j]); ++j) v = v * 10 + static_cast<std::uint64_t>(s_[j] - '0');
      simple = j > i + 1;  // "5." is an error: the general path reports it
      digits += j - i - 1;
    }
    if (simple && j < end_ && !full_stop(j) &&
        (s_[j] == ',' || s_[j] == '.' || s_[j] == '\'' || separator_space(j) != 0)) {
      simple = false;
    }
    if (simple && digits <= 18) {
      t.small = v;
      t.fraction_digits = static_cast<int>(j == i ? 0 : j - i - 1);
      // "1.234": 1.234, or 1234 where a dot groups thousands; decided by the scale.
      t.dot_three = locale_ == nullptr && j - i == 4 && i - p <= 3 && s_[p] != '0';
      t.number_text = s_.substr(start, j - start);
      t.last_text = t.number_text;
      pos = j;
      return true;
    }
  }

  if (p >= end_ || !is_digit(s_[p])) {
    if (p < end_ && s_[p] == '.' && p + 1 < end_ && is_digit(s_[p + 1])) {
      return fail(Errc::syntax, "expected a digit before '.'", p);
    }
    return fail(Errc::syntax, fmt::format("expected a number, found {}", found(p)), p);
  }

  // The runs of digits and the separators between them.
  struct Run {
    std::size_t begin, end;  // the digits
    char separator;          // before the run: ',', '.', '\'', ' ' ('\0' for the first)
    std::size_t separator_pos;
  };
  std::array<Run, 24> runs;  // runs[k] is written before it is read: no 768 bytes zeroed per number
  std::size_t n = 0;
  {
    std::size_t q = p;
    while (q < end_ && is_digit(s_[q])) ++q;
    runs[n++] = Run{p, q, '\0', p};
    for (;;) {
      char sep = '\0';
      std::size_t len = 0;
      if (q < end_ && (s_[q] == ',' || s_[q] == '.' || s_[q] == '\'')) {
        sep = s_[q];
        len = 1;
      } else if (const std::size_t sl = separator_space(q); sl != 0) {
        sep = ' ';
        len = sl;
      }
      // "48,925 47,211", "12.5 13.1": a space after a comma or a point separates two
      // numbers (a table row's columns); a number groups with spaces before its other
      // separators only ("1 234,5", "10 000.5").
      if (sep == ' ') {
        for (std::size_t i = 1; i < n && sep != '\0'; ++i) {
          if (runs[i].separator == ',' || runs[i].separator == '.') sep = '\0';
        }
      }
      if (sep == '\0' || q + len >= end_ || !is_digit(s_[q + len])) {
        if (sep == '.' && !(locale_ != nullptr && locale_->group_dot) && !prefix_) {
          return fail(Errc::syntax, "expected a digit after '.'", q + 1);
        }
        break;
      }
      if (n == runs.size()) return fail(Errc::overflow, "number has too many digit groups", start);
      std::size_t e = q + len;
      while (e < end_ && is_digit(s_[e])) ++e;
      runs[n++] = Run{q + len, e, sep, q};
      q = e;
    }
  }
  const auto digits = [&](std::size_t i) { return runs[i].end - runs[i].begin; };

  // Which separator, if any, is the decimal one.
  std::size_t decimal = 0;  // index of the run after the decimal separator; 0 = none
  const char last = runs[n - 1].separator;
  if (n > 1) {
    bool same = true;
    for (std::size_t i = 1; i + 1 < n; ++i) same = same && runs[i].separator == last;
    const char point = locale_ != nullptr ? locale_->decimal : '.';
    if (last == point && (n == 2 || !same)) {
      decimal = n - 1;
    } else if (!same && (last == '.' || last == ',')) {
      decimal = n - 1;  // checked against the locale below
    }
    if (locale_ == nullptr && n == 2 && last == ',' && (digits(1) != 3 || digits(0) > 3)) {
      decimal = 1;  // only a decimal comma reads it
    }
  }
  // Every separator but the decimal one groups digits: allowed by the locale?
  for (std::size_t i = 1; i < n; ++i) {
    const char sep = runs[i].separator;
    const bool is_decimal = i == decimal;
    if (locale_ == nullptr) {
      if (is_decimal && sep == ',') {
        return fail(Errc::ambiguous,
                    fmt::format("'{}' has a decimal comma, which only some locales write: set a locale (de, fr, ...)",
                                s_.substr(start, runs[n - 1].end - start)),
                    runs[i].separator_pos);
      }
      if (!is_decimal && (sep == '.' || sep == '\'')) {
        return fail(Errc::ambiguous,
                    fmt::format("'{}' groups digits with '{}', which only some locales write: set a locale (de, ...)",
                                s_.substr(start, runs[n - 1].end - start), sep),
                    runs[i].separator_pos);
      }
    } else if (is_decimal ? sep != locale_->decimal
                          : !((sep == ',' && locale_->group_comma) || (sep == '.' && locale_->group_dot) ||
                              (sep == ' ' && locale_->group_space) || (sep == '\'' && locale_->group_apostrophe))) {
      return fail(Errc::syntax,
                  fmt::format("'{}' is not a number in the locale {}: '{}' {}", s_.substr(start, runs[n - 1].end - start),
                              locale_->name, sep == ' ' ? std::string_view("space") : std::string_view(&sep, 1),
                              is_decimal ? "is not its decimal separator" : "does not group its digits"),
                  runs[i].separator_pos);
    }
  }
  // Groups of three after one to three digits; else Indian grouping (1,23,456),
  // which needs a rupee marker or an Indian locale (checked with the units).
  const std::size_t groups_end = decimal != 0 ? decimal : n;
  if (groups_end > 1) {
    bool western = digits(0) <= 3;
    std::size_t bad = 0;
    for (std::size_t i = 1; i < groups_end && western; ++i) {
      if (digits(i) != 3) {
        western = false;
        bad = i;
      }
    }
    if (!western) {
      bool indian = runs[1].separator == ',' && digits(0) <= 2 && digits(groups_end - 1) == 3 && groups_end > 2;
      for (std::size_t i = 1; i + 1 < groups_end && indian; ++i) indian = digits(i) == 2;
      if (!indian) {
        if (digits(0) > 3) {
          return fail(Errc::syntax, fmt::format("expected at most three digits before '{}'", runs[1].separator), start);
        }
        return fail(Errc::syntax,
                    fmt::format("expected three digits after '{}'",
                                runs[bad].separator == ' ' ? ' ' : runs[bad].separator),
                    runs[bad].begin);
      }
      t.indian = true;
    }
  }

  std::uint64_t chunk = 0;
  int chunk_digits = 0;
  int significant = 0;
  bool big_used = false;
  Decimal::Coefficient big{0};
  const auto push = [&](char c) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (significant == 0 && d == 0) return;  // leading zeros carry no digits
    ++significant;
    chunk = chunk * 10 + d;
    if (++chunk_digits == 18) {
      big = big * Decimal::Coefficient(pow10_u64[18]) + Decimal::Coefficient(chunk);
      big_used = true;
      chunk = 0;
      chunk_digits = 0;
    }
  };
  int fraction = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = runs[i].begin; k < runs[i].end; ++k) {
      push(s_[k]);
      if (i == decimal && decimal != 0) ++fraction;
      if (significant > Decimal::max_digits) {
        return fail(Errc::overflow, fmt::format("number has more than {} significant digits", Decimal::max_digits),
                    start);
      }
    }
  }
  if (fraction > -Decimal::min_exponent - 12) {
    return fail(Errc::overflow, fmt::format("number has more than {} decimal places", -Decimal::min_exponent - 12),
                start);
  }
  if (big_used) {
    t.wide = big * Decimal::Coefficient(pow10_u64[static_cast<std::size_t>(chunk_digits)]) +
             Decimal::Coefficient(chunk);
  } else {
    t.small = chunk;
  }
  t.fraction_digits = fraction;
  // "1.234" without a locale: 1.234, or 1234 where a dot groups; decided by the scale.
  t.dot_three = locale_ == nullptr && n == 2 && decimal == 1 && last == '.' && digits(1) == 3 && s_[start] != '0';
  p = runs[n - 1].end;
  t.number_text = s_.substr(start, p - start);
  t.last_text = t.number_text;
  pos = p;
  return true;
}

}  // namespace finmetrics::parse_detail
