#include "finmetrics/time/parse_period.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace finmetrics {

namespace {

constexpr std::string_view kForms =
    "expected a name like 'FY2025 Q3', 'Q3 FY25', '3QFY25', 'Q3 2024', '2024Q3', "
    "'December quarter 2024', 'H1 2025', 'FY2025', 'FY2024-25', 'fiscal 2025', '2024', "
    "'2024-12', 'December 2024' or '2025-03-28'";

enum class Tok { number, word, dash, slash, comma, dot };

struct Token {
  Tok type;
  std::size_t pos;   // byte offset in the input
  std::size_t end;   // one past the last byte
  std::string word;  // lower-cased letters of a word
  int digits = 0;    // digit count of a number
  long value = 0;    // value of a number (saturated; only short numbers are read)
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::optional<unsigned> month_from_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> names{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (unsigned i = 0; i < names.size(); ++i) {
    if (w == names[i] || (w.size() == 3 && names[i].substr(0, 3) == w)) return i + 1;
  }
  if (w == "sept") return 9U;
  return std::nullopt;
}

int floor_mod(int a, int b) noexcept { return ((a % b) + b) % b; }

std::string month_list(const std::array<unsigned, 4>& months) {
  std::string out;
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (i > 0) out += (i + 1 == months.size()) ? " and " : ", ";
    out += month_name(date::month{months[i]});
  }
  return out;
}

/// The months in which the quarters of `cal` end, in calendar order.
std::array<unsigned, 4> quarter_end_months(const FiscalCalendar& cal) {
  const auto end = static_cast<int>(unsigned{cal.end_month()});
  std::array<unsigned, 4> out{};
  const int first = floor_mod(end - 1, 3) + 1;  // earliest quarter end in the calendar year
  for (int k = 0; k < 4; ++k) out[static_cast<std::size_t>(k)] = static_cast<unsigned>(first + 3 * k);
  return out;
}

/// A fiscal year as written: one year (`FY2025`) or two (`FY2024-25`).
struct FiscalYearSpec {
  std::size_t marker_pos = 0;  // where `FY` / `fiscal` stands
  int year = 0;                // the single year, or the first of a split pair
  std::optional<int> split_end;
  std::size_t split_pos = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const PeriodContext& context) : text_(text), context_(context) {}

  Result<Period> run() {
    if (auto bad = tokenize(); bad) return unexpected(*bad);
    if (tokens_.empty()) return unexpected(syntax(text_.size(), std::string(kForms)));
    if (is_word(0, "the")) ++at_;
    if (at_end()) return unexpected(syntax(text_.size(), std::string(kForms)));

    const Token& t = tokens_[at_];
    if (t.type == Tok::word) {
      if (t.word == "fy" || t.word == "fiscal") return fiscal_first();
      if (t.word == "q" || t.word == "h") return index_first();
      if (t.word == "quarter" || t.word == "three") return quarter_ended();
      if (month_from_word(t.word)) return month_first();
    } else if (t.type == Tok::number) {
      if (t.digits == 4) return year_first();
      if (t.digits == 1 && (is_word(at_ + 1, "q") || is_word(at_ + 1, "h"))) return index_first();
    }
    return unexpected(syntax(t.pos, std::string(kForms)));
  }

 private:
  // ---- tokens

  std::optional<Error> tokenize() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
      } else if (is_digit(c)) {
        Token t{Tok::number, i, i, {}, 0, 0};
        while (i < text_.size() && is_digit(text_[i])) {
          if (t.digits < 9) t.value = t.value * 10 + (text_[i] - '0');
          ++t.digits;
          ++i;
        }
        t.end = i;
        tokens_.push_back(std::move(t));
      } else if (is_alpha(c)) {
        const std::size_t start = i;
        std::string w;
        while (i < text_.size() && is_alpha(text_[i])) w += lower(text_[i++]);
        // `3QFY25`, `1HFY25`: the letters of the index and of the marker run together.
        if (w == "qfy" || w == "hfy") {
          tokens_.push_back(Token{Tok::word, start, start + 1, w.substr(0, 1), 0, 0});
          tokens_.push_back(Token{Tok::word, start + 1, i, "fy", 0, 0});
        } else {
          tokens_.push_back(Token{Tok::word, start, i, std::move(w), 0, 0});
        }
      } else if (c == '-' || c == '/' || c == ',' || c == '.') {
        const Tok type = c == '-' ? Tok::dash : c == '/' ? Tok::slash : c == ',' ? Tok::comma : Tok::dot;
        tokens_.push_back(Token{type, i, i + 1, {}, 0, 0});
        ++i;
      } else if (text_.substr(i, 3) == "\xE2\x80\x93") {  // en dash, as in FY2024–25
        tokens_.push_back(Token{Tok::dash, i, i + 3, {}, 0, 0});
        i += 3;
      } else {
        const std::size_t len = (static_cast<unsigned char>(c) >= 0x80) ? utf8_length(i) : 1;
        return syntax(i, fmt::format("unexpected character '{}'", quote_for_message(text_.substr(i, len))));
      }
    }
    return std::nullopt;
  }

  std::size_t utf8_length(std::size_t i) const {
    std::size_t n = 1;
    while (i + n < text_.size() && (static_cast<unsigned char>(text_[i + n]) & 0xC0) == 0x80) ++n;
    return n;
  }

  bool at_end() const { return at_ >= tokens_.size(); }
  std::string_view token_text(const Token& t) const { return text_.substr(t.pos, t.end - t.pos); }
  bool is(std::size_t k, Tok type) const { return k < tokens_.size() && tokens_[k].type == type; }
  bool is_word(std::size_t k, std::string_view w) const { return is(k, Tok::word) && tokens_[k].word == w; }
  bool is_number(std::size_t k, int digits) const { return is(k, Tok::number) && tokens_[k].digits == digits; }
  /// Position of the current token, or the end of the name.
  std::size_t here() const { return at_end() ? tokens_.back().end : tokens_[at_].pos; }
  /// The name as read so far, for messages: "after 'Q3 FY'".
  std::string_view read_so_far() const {
    const std::size_t begin = tokens_.front().pos;
    const std::size_t end = at_ == 0 ? begin : tokens_[at_ - 1].end;
    return text_.substr(begin, end - begin);
  }

  // ---- errors

  Error syntax(std::size_t pos, const std::string& detail) const {
    return make_error(Errc::syntax, fmt::format("unrecognised period '{}': {}", quote_for_message(text_), detail), text_, pos);
  }
  Error invalid(std::size_t pos, const std::string& detail) const {
    return make_error(Errc::invalid_date, fmt::format("invalid period '{}': {}", quote_for_message(text_), detail), text_,
                      pos);
  }
  Error expected(const std::string& what) const {
    if (at_end()) return syntax(here(), fmt::format("expected {} after '{}'", what, quote_for_message(read_so_far())));
    const Token& t = tokens_[at_];
    return syntax(t.pos, fmt::format("expected {} after '{}', found '{}'", what, quote_for_message(read_so_far()),
                                     quote_for_message(token_text(t))));
  }
  std::optional<Error> expect_end() const {
    if (at_end()) return std::nullopt;
    const Token& t = tokens_[at_];
    return syntax(t.pos, fmt::format("unexpected '{}' after '{}'", quote_for_message(token_text(t)),
                                     quote_for_message(read_so_far())));
  }

  // ---- pieces

  /// A two-digit year in the century window around the reference date, else 2000-2099.
  int expand_year(int two_digits) const {
    if (!context_.reference) return 2000 + two_digits;
    const int base = int{context_.reference->year()} - 50;
    return base + floor_mod(two_digits - base, 100);
  }

  /// A 2- or 4-digit year at the cursor; `four_only` for forms where a two-digit
  /// number would read as something else.
  Result<int> year(bool four_only = false) {
    if (!is(at_, Tok::number)) return unexpected(expected(four_only ? "a 4-digit year" : "a year"));
    const Token& t = tokens_[at_];
    if (t.digits != 4 && (four_only || t.digits != 2)) {
      return unexpected(syntax(t.pos, fmt::format("expected {}, found '{}'",
                                                  four_only ? "a 4-digit year" : "a 2- or 4-digit year",
                                                  token_text(t))));
    }
    ++at_;
    return t.digits == 2 ? expand_year(static_cast<int>(t.value)) : static_cast<int>(t.value);
  }

  /// A quarter or half number at `k`, checked against its range.
  Result<int> index_number(std::size_t k, bool quarter) {
    const Token& t = tokens_[k];
    const int hi = quarter ? 4 : 2;
    if (t.digits > 1) {
      return unexpected(syntax(t.pos, fmt::format("expected a {}, found '{}'",
                                                  quarter ? "quarter number 1-4" : "half number 1 or 2",
                                                  token_text(t))));
    }
    if (t.value < 1 || t.value > hi) {
      return unexpected(invalid(t.pos, quarter ? fmt::format("quarter {} does not exist (quarters are 1 to 4)",
                                                             token_text(t))
                                               : fmt::format("half {} does not exist (halves are 1 and 2)",
                                                             token_text(t))));
    }
    return static_cast<int>(t.value);
  }

  /// `FY2025`, `FY25`, `FY 2025`, `FY2024-25`, `FY2024/25`, `fiscal 2025`, `fiscal year 2025`.
  Result<FiscalYearSpec> fiscal_year_spec() {
    FiscalYearSpec spec;
    spec.marker_pos = tokens_[at_].pos;
    const bool fiscal_word = tokens_[at_].word == "fiscal";
    ++at_;
    if (fiscal_word && is_word(at_, "year")) ++at_;
    auto y = year();
    if (!y) return unexpected(y.error());
    spec.year = *y;
    if ((is(at_, Tok::dash) || is(at_, Tok::slash)) && is(at_ + 1, Tok::number)) {
      ++at_;
      const Token& second = tokens_[at_];
      spec.split_pos = second.pos;
      const std::string_view written = token_text(second);
      if (second.digits != 2 && second.digits != 4) {
        return unexpected(syntax(second.pos, fmt::format("expected a 2- or 4-digit year, found '{}'", written)));
      }
      // `FY2024-25`, `FY2024-2025`: the second year must be the next one.
      const int next = spec.year + 1;
      const bool consecutive = second.digits == 2 ? floor_mod(next, 100) == static_cast<int>(second.value)
                                                  : next == static_cast<int>(second.value);
      if (!consecutive) {
        return unexpected(invalid(second.pos, fmt::format("{} and {} are not consecutive years",
                                                          token_text(tokens_[at_ - 2]),
                                                          written)));
      }
      ++at_;
      spec.split_end = next;
    }
    return spec;
  }

  /// Quarter or half after a fiscal year: `Q3`, `H1`, `3Q`, `1H` (or nothing).
  struct IndexPart {
    PeriodKind kind = PeriodKind::fiscal_year;
    int index = 1;
  };
  Result<IndexPart> optional_index() {
    if (at_end()) return IndexPart{};
    std::size_t number_at = 0;
    bool quarter = false;
    if ((is_word(at_, "q") || is_word(at_, "h")) && is(at_ + 1, Tok::number)) {
      quarter = tokens_[at_].word == "q";
      number_at = at_ + 1;
    } else if (is(at_, Tok::number) && (is_word(at_ + 1, "q") || is_word(at_ + 1, "h"))) {
      quarter = tokens_[at_ + 1].word == "q";
      number_at = at_;
    } else {
      return IndexPart{};  // expect_end reports what follows
    }
    auto n = index_number(number_at, quarter);
    if (!n) return unexpected(n.error());
    at_ += 2;
    return IndexPart{quarter ? PeriodKind::fiscal_quarter : PeriodKind::fiscal_half, *n};
  }

  // ---- periods

  Result<Period> fiscal_period(const FiscalYearSpec& spec, IndexPart part) const {
    if (!context_.calendar) {
      return unexpected(make_error(Errc::ambiguous,
                                   fmt::format("fiscal period '{}' needs a fiscal calendar", quote_for_message(text_)), text_,
                                   spec.marker_pos));
    }
    const FiscalCalendar& cal = *context_.calendar;
    int label = spec.year;  // a single year is the calendar's label (see FiscalNaming)
    if (spec.split_end) {
      if (cal.is_calendar_year()) {
        return unexpected(invalid(spec.split_pos,
                                  "a fiscal year ending December lies within one calendar year"));
      }
      label = cal.naming() == FiscalNaming::start_year ? spec.year : *spec.split_end;
    }
    // Names are written with four-digit years: a fiscal label outside 1..9999
    // could not be named, so it is refused rather than mis-named.
    if (label < 1 || label > 9999) {
      return unexpected(invalid(spec.marker_pos, fmt::format("fiscal year {} is out of range (1 to 9999)", label)));
    }
    switch (part.kind) {
      case PeriodKind::fiscal_quarter: return Period::fiscal_quarter(cal, label, part.index);
      case PeriodKind::fiscal_half: return Period::fiscal_half(cal, label, part.index);
      default: return Period::fiscal_year(cal, label);
    }
  }

  /// A quarter or half written without a fiscal marker (`Q3 2024`, `1H25`).
  Result<Period> unmarked(bool quarter, int index, int y) const {
    if (context_.calendar && !context_.calendar->is_calendar_year()) {
      const std::string_view what = quarter ? "quarter" : "half";
      const char letter = quarter ? 'Q' : 'H';
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("{} '{}' is ambiguous with a fiscal year ending {}: write 'FY{} {}{}' for the "
                      "fiscal {} or '{}{}{}' for the calendar {}",
                      what, text_, month_name(context_.calendar->end_month()), y, letter, index, what, y,
                      letter, index, what),
          text_, tokens_.front().pos));
    }
    return quarter ? Period::quarter(y, index) : Period::half(y, index);
  }

  /// The quarter ending in month `m` of year `y` (`December quarter 2024`).
  Result<Period> month_quarter(unsigned m, int y, std::size_t month_pos) const {
    const Date first_of_end_month{y, m, 1};
    if (context_.calendar && !context_.calendar->is_calendar_year()) {
      const FiscalCalendar& cal = *context_.calendar;
      const auto ends = quarter_end_months(cal);
      if (floor_mod(static_cast<int>(m) - static_cast<int>(unsigned{cal.end_month()}), 3) != 0) {
        return unexpected(invalid(month_pos, fmt::format("a fiscal year ending {} has quarters ending in {}",
                                                         month_name(cal.end_month()), month_list(ends))));
      }
      return Period::containing(PeriodKind::fiscal_quarter, first_of_end_month, cal);
    }
    if (m % 3 != 0) {
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("period '{}' is not a calendar quarter (those end in March, June, September and "
                      "December): a quarter ending in {} needs a fiscal calendar",
                      text_, month_name(date::month{m})),
          text_, month_pos));
    }
    return Period::containing(PeriodKind::quarter, first_of_end_month);
  }

  // ---- forms, by their first token

  /// `FY2025`, `FY2025 Q3`, `FY2025Q3`, `FY2025 3Q`, `FY2024-25 H1`, `fiscal 2025`.
  Result<Period> fiscal_first() {
    auto spec = fiscal_year_spec();
    if (!spec) return unexpected(spec.error());
    auto part = optional_index();
    if (!part) return unexpected(part.error());
    if (auto e = expect_end()) return unexpected(*e);
    return fiscal_period(*spec, *part);
  }

  /// `Q3 2024`, `Q3 FY25`, `3QFY25`, `2Q24`, `H1 2025`, `1H25`, `Q3 of fiscal 2025`.
  Result<Period> index_first() {
    bool quarter = false;
    std::size_t number_at = 0;
    if (is(at_, Tok::word)) {  // Q3
      quarter = tokens_[at_].word == "q";
      ++at_;
      if (!is(at_, Tok::number)) return unexpected(expected(quarter ? "a quarter number 1-4" : "a half number 1 or 2"));
      number_at = at_;
    } else {  // 3Q
      quarter = tokens_[at_ + 1].word == "q";
      number_at = at_;
      ++at_;
    }
    auto n = index_number(number_at, quarter);
    if (!n) return unexpected(n.error());
    ++at_;
    if (is_word(at_, "of")) ++at_;
    if (is_word(at_, "fy") || is_word(at_, "fiscal")) {
      auto spec = fiscal_year_spec();
      if (!spec) return unexpected(spec.error());
      if (auto e = expect_end()) return unexpected(*e);
      return fiscal_period(*spec, IndexPart{quarter ? PeriodKind::fiscal_quarter : PeriodKind::fiscal_half, *n});
    }
    auto y = year();
    if (!y) return unexpected(y.error());
    if (auto e = expect_end()) return unexpected(*e);
    return unmarked(quarter, *n, *y);
  }

  /// `2024`, `2024-12`, `2025-03-28`, `2024Q3`, `2024-Q3`, `2024 H1`.
  Result<Period> year_first() {
    const Token& y = tokens_[at_];
    const int year_value = static_cast<int>(y.value);
    ++at_;
    if (at_end()) return Period::calendar_year(year_value);
    if (is(at_, Tok::dash) && is(at_ + 1, Tok::number) && is(at_ + 2, Tok::dash)) return iso_date();
    if (is(at_, Tok::dash) && is(at_ + 1, Tok::number)) {
      ++at_;
      const Token& m = tokens_[at_];
      if (m.digits != 2) {
        return unexpected(syntax(m.pos, fmt::format("expected a 2-digit month after '{}-', found '{}'",
                                                    token_text(y),
                                                    token_text(m))));
      }
      if (m.value < 1 || m.value > 12) {
        std::string detail = fmt::format("month {:02} does not exist (months are 01 to 12)", m.value);
        if (floor_mod(year_value + 1, 100) == static_cast<int>(m.value)) {
          detail += fmt::format("; a split fiscal year is written 'FY{}-{:02}'", year_value, m.value);
        }
        return unexpected(invalid(m.pos, detail));
      }
      ++at_;
      if (auto e = expect_end()) return unexpected(*e);
      return Period::month(year_value, static_cast<int>(m.value));
    }
    if (is(at_, Tok::dash) && (is_word(at_ + 1, "q") || is_word(at_ + 1, "h"))) ++at_;
    if ((is_word(at_, "q") || is_word(at_, "h")) && is(at_ + 1, Tok::number)) {
      const bool quarter = tokens_[at_].word == "q";
      auto n = index_number(at_ + 1, quarter);
      if (!n) return unexpected(n.error());
      at_ += 2;
      if (auto e = expect_end()) return unexpected(*e);
      // Year-first is the statistical notation: always the calendar quarter or half.
      return quarter ? Period::quarter(year_value, *n) : Period::half(year_value, *n);
    }
    if (auto e = expect_end()) return unexpected(*e);
    return Period::calendar_year(year_value);
  }

  /// `2025-03-28`, read by `parse_date` so that its messages are the same.
  Result<Period> iso_date() {
    const std::size_t begin = tokens_.front().pos;
    const std::size_t end = tokens_.back().end;
    auto d = parse_date(text_.substr(begin, end - begin));
    if (!d) {
      Error e = d.error();
      e.input = std::string(text_);
      if (e.position != Error::npos) e.position += begin;
      return unexpected(std::move(e));
    }
    return Period::day(*d);
  }

  /// `December 2024`, `Dec 2024`, `December quarter 2024`, `December quarter of 2024`,
  /// `December 31, 2024`.
  Result<Period> month_first() {
    const Token& mt = tokens_[at_];
    const unsigned m = *month_from_word(mt.word);
    ++at_;
    if (is(at_, Tok::dot) && mt.word.size() <= 4) ++at_;
    if (is_word(at_, "quarter")) {
      ++at_;
      if (is_word(at_, "of")) ++at_;
      if (is(at_, Tok::comma)) ++at_;
      auto y = year();
      if (!y) return unexpected(y.error());
      if (auto e = expect_end()) return unexpected(*e);
      return month_quarter(m, *y, mt.pos);
    }
    if (is(at_, Tok::number) && tokens_[at_].digits <= 2 &&
        (is(at_ + 1, Tok::comma) || is_number(at_ + 1, 4))) {
      const Token& dt = tokens_[at_];
      ++at_;
      if (is(at_, Tok::comma)) ++at_;
      auto y = year(true);
      if (!y) return unexpected(y.error());
      if (auto e = expect_end()) return unexpected(*e);
      const unsigned last = days_in_month(date::year{*y}, date::month{m});
      if (dt.value < 1 || dt.value > static_cast<long>(last)) {
        return unexpected(invalid(dt.pos, fmt::format("{} {} has {} days", month_name(date::month{m}), *y, last)));
      }
      return Period::day(Date{*y, m, static_cast<unsigned>(dt.value)});
    }
    if (is(at_, Tok::comma)) ++at_;
    auto y = year(true);
    if (!y) return unexpected(y.error());
    if (auto e = expect_end()) return unexpected(*e);
    return Period::month(*y, static_cast<int>(m));
  }

  /// `quarter ended December 31, 2024`, `quarter ending December 2024`,
  /// `three months ended March 31, 2025`.
  Result<Period> quarter_ended() {
    if (is_word(at_, "three")) {
      ++at_;
      if (!is_word(at_, "months")) return unexpected(expected("'months'"));
    }
    ++at_;
    if (!is_word(at_, "ended") && !is_word(at_, "ending")) return unexpected(expected("'ended' or 'ending'"));
    ++at_;
    if (!is(at_, Tok::word) || !month_from_word(tokens_[at_].word)) return unexpected(expected("a month"));
    const Token& mt = tokens_[at_];
    const unsigned m = *month_from_word(mt.word);
    ++at_;
    if (is(at_, Tok::dot) && mt.word.size() <= 4) ++at_;
    std::optional<std::size_t> day_at;
    if (is(at_, Tok::number) && tokens_[at_].digits <= 2) day_at = at_++;
    if (is(at_, Tok::comma)) ++at_;
    auto y = year(true);
    if (!y) return unexpected(y.error());
    if (auto e = expect_end()) return unexpected(*e);
    if (day_at) {
      const Token& dt = tokens_[*day_at];
      const unsigned last = days_in_month(date::year{*y}, date::month{m});
      if (dt.value != static_cast<long>(last)) {
        return unexpected(invalid(dt.pos, fmt::format("a quarter ends on the last day of a month, {} {}",
                                                      month_name(date::month{m}), last)));
      }
    }
    return month_quarter(m, *y, mt.pos);
  }

  std::string_view text_;
  const PeriodContext& context_;
  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

}  // namespace

Result<Period> parse_period(std::string_view text, const PeriodContext& context) {
  return Parser{text, context}.run();
}

}  // namespace finmetrics
