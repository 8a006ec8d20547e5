#include "finmetrics/claims/claim_figure.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "finmetrics/detail/text.hpp"

namespace finmetrics {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; }

// The words of `text`, lower-cased (letters, digits and hyphens).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (is_word_char(c)) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Decimal dec(long long v, int e = 0) { return Decimal::from_parts(v, e); }

std::optional<Interval> verbal_interval(const std::string& w, Dimension& dim, bool& money) {
  const auto approx = [](const Decimal& v) {
    const Decimal d = v * dec(5, -2);
    return Interval::closed(v - d, v + d);
  };
  money = false;
  if (w == "single digits" || w == "single digit" || w == "single-digit" || w == "single-digits") {
    dim = Dimension::percent;
    return Interval::closed_open(dec(0), dec(10));
  }
  if (w == "double-digit" || w == "double digits" || w == "double digit" || w == "double-digits") {
    dim = Dimension::percent;
    return Interval::closed_open(dec(10), dec(100));
  }
  if (w == "triple-digit" || w == "triple digits" || w == "triple digit" || w == "triple-digits") {
    dim = Dimension::percent;
    return Interval::closed_open(dec(100), dec(1000));
  }
  dim = Dimension::multiple;
  if (w == "doubled" || w == "doubling" || w == "double" || w == "doubles") return approx(dec(2));
  if (w == "nearly doubled" || w == "almost doubled" || w == "nearly doubling" || w == "almost doubling")
    return Interval::closed_open(dec(19, -1), dec(2));
  if (w == "tripled" || w == "tripling" || w == "triple") return approx(dec(3));
  if (w == "half") return approx(dec(5, -1));
  if (w == "less than half" || w == "under half" || w == "below half") return Interval::less_than(dec(5, -1));
  if (w == "more than half" || w == "over half" || w == "above half") return Interval::greater_than(dec(5, -1));
  dim = Dimension::money;
  money = true;
  if (w == "billions" || w == "billions of dollars" || w == "multibillion" || w == "multibillion-dollar" ||
      w == "multi-billion" || w == "multi-billion-dollar")
    return Interval::closed_open(dec(1, 9), dec(1, 12));
  if (w == "several billion" || w == "several billion dollars") return Interval::closed_open(dec(2, 9), dec(1, 10));
  return std::nullopt;
}

bool names_change(std::string_view metric) {
  const auto ends = [&](std::string_view suffix) {
    return metric.size() >= suffix.size() && metric.substr(metric.size() - suffix.size()) == suffix;
  };
  return ends("_change") || ends("_growth");
}

bool says_fell(std::string_view quote) {
  static constexpr std::array<std::string_view, 22> words{
      "down",     "fell",    "fall",     "falls",   "fallen",  "drop",    "dropped", "drops",
      "declined", "decline", "declines", "lost",    "plunged", "plunge",  "slumped", "tumbled",
      "wiped",    "shed",    "shrank",   "shrunk",  "slid",    "decreased"};
  for (const auto& w : words_of(quote))
    if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  return false;
}

// A qualifier the quote puts before the figure ("exceeding $858 billion").
std::optional<std::string> context_qualifier(std::string_view figure, std::string_view quote) {
  const auto pos = quote.find(figure);
  if (pos == std::string_view::npos) return std::nullopt;
  auto before = words_of(quote.substr(0, pos));
  if (!before.empty() && before.back() == "the") before.pop_back();
  if (before.empty()) return std::nullopt;
  static constexpr std::array<std::string_view, 10> above{"exceeding", "exceeded", "exceeds",  "surpassed", "surpassing",
                                                          "surpasses", "topped",   "topping", "tops",      "beyond"};
  if (std::find(above.begin(), above.end(), before.back()) != above.end()) return before.back();
  return std::nullopt;
}

}  // namespace

ClaimFigure read_claim_figure(std::string_view figure, std::string_view quote, std::string_view metric,
                              const ParseOptions& options) {
  ClaimFigure out;
  out.text = std::string(figure);
  auto parsed = parse_figure(figure, options);
  if (parsed) {
    if (parsed->qualifier == Qualifier::none && !parsed->is_range()) {
      if (auto word = context_qualifier(figure, quote)) {
        auto hedged = parse_figure("more than " + std::string(figure), options);
        if (hedged) {
          out.notes.push_back("'" + *word + "' before the figure in the quote: read as more than " +
                              std::string(figure));
          hedged->text = std::string(figure);
          parsed = std::move(hedged);
        }
      }
    }
    out.unit = parsed->unit;
    out.readings = readings_of(*parsed, options.tolerances);
    out.quoted = std::move(*parsed);
  } else {
    Dimension dim = Dimension::number;
    bool money = false;
    const std::string w = detail::ascii_lower(figure);
    if (auto v = verbal_interval(w, dim, money)) {
      out.readings = Readings::exact(*v);
      if (money) {
        out.unit = w.find("dollar") != std::string::npos ? Unit::money(Currency{{'U', 'S', 'D'}}) : Unit::of(Dimension::number);
      } else {
        out.unit = Unit::of(dim);
      }
      out.notes.push_back("verbal figure '" + std::string(figure) + "' read as " + v->to_string() +
                          (dim == Dimension::percent ? " %" : dim == Dimension::multiple ? " x" : ""));
    } else {
      out.problem = "figure '" + std::string(figure) + "' states no number (" + parsed.error().message + ")";
      return out;
    }
  }
  if (names_change(metric) && says_fell(quote) && out.readings->strict.lower().is_bounded() &&
      out.readings->strict.lower().value.sign() >= 0) {
    out.readings = out.readings->negated();
    out.notes.push_back("the quote says the value fell: read as negative");
  }
  return out;
}

}  // namespace finmetrics
