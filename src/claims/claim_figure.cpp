#include "finmetrics/claims/claim_figure.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/detail/text.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

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

bool names_change(std::string_view metric) {
  const auto ends = [&](std::string_view suffix) {
    return metric.size() >= suffix.size() && metric.substr(metric.size() - suffix.size()) == suffix;
  };
  return ends("_change") || ends("_growth");
}

// Whether the quote has a word the lexicon's direction cues read as a fall
// (`down`, `fell`, `retreat`, `declining`, `decrease`, ...: data/lexicon/cues.csv).
bool says_fell(std::string_view quote, const Lexicon& lexicon) {
  for (const auto& w : words_of(quote))
    for (const Cue* cue : lexicon.cues_for(w))
      if (cue->category == "direction" && cue->value == "down") return true;
  return false;
}

// A verb the quote puts before the figure that hedges it (`hedge_verb` cues:
// "exceeding $858 billion" is more than): the verb and its cue.
std::optional<std::pair<std::string, const Cue*>> context_qualifier(std::string_view figure, std::string_view quote,
                                                                     const Lexicon& lexicon) {
  const auto pos = quote.find(figure);
  if (pos == std::string_view::npos) return std::nullopt;
  auto before = words_of(quote.substr(0, pos));
  if (!before.empty() && before.back() == "the") before.pop_back();
  if (before.empty()) return std::nullopt;
  if (const Cue* verb = lexicon.cue(before.back(), "hedge_verb")) return std::pair{before.back(), verb};
  return std::nullopt;
}

ClaimFigure negate_if_fell(ClaimFigure out, std::string_view quote, std::string_view metric, const Lexicon& lexicon) {
  if (!names_change(metric) || !says_fell(quote, lexicon) || !out.readings->strict.lower().is_bounded() ||
      out.readings->strict.lower().value.sign() < 0)
    return out;
  out.readings = out.readings->negated();
  if (out.threshold) out.threshold = out.threshold->negated();
  if (out.ends) out.ends = RangeEnds{out.ends->high.negated(), out.ends->low.negated()};
  out.notes.push_back("the quote says the value fell: read as negative");
  return out;
}

std::string lower_text(std::string_view s) { return detail::ascii_lower(s); }

std::string trimmed(const Decimal& d) { return d.trimmed().to_string(); }
std::string percent(const Decimal& fraction) { return trimmed(fraction * Decimal::from_integer(100)) + "%"; }

// How the hedge of a parsed figure reads, with the tolerance it used.
std::optional<std::string> hedge_note(const QuotedFigure& f, const HedgeTolerances& tol) {
  const std::string word(to_string(f.qualifier));
  switch (hedge_of(f.qualifier)) {
    case Hedge::exact: return std::nullopt;
    case Hedge::approximate:
      return fmt::format("'{}' reads within {} either side (HedgeTolerances::approximate = {})", word,
                         percent(tol.approximate), trimmed(tol.approximate));
    case Hedge::just_below:
      return fmt::format("'{}' reaches {} below the figure (HedgeTolerances::just_below = {})", word,
                         percent(tol.just_below), trimmed(tol.just_below));
    case Hedge::just_above:
      return fmt::format("'{}' reaches {} above the figure (HedgeTolerances::just_above = {})", word,
                         percent(tol.just_above), trimmed(tol.just_above));
    case Hedge::above:
    case Hedge::at_least:
    case Hedge::below:
    case Hedge::at_most:
      return fmt::format("'{}' is a bound: the rounding of the digits never widens it past the figure", word);
  }
  return std::nullopt;
}

// "RMB3.40 per 10 shares", "HK$1.2 for every 10 shares": the amount and N.
std::optional<std::pair<std::string, long long>> per_n_shares(std::string_view figure) {
  const std::string l = lower_text(figure);
  for (std::string_view marker : {" per ", " for every ", " for each "}) {
    const auto at = l.rfind(marker);
    if (at == std::string::npos) continue;
    std::string_view rest = std::string_view(l).substr(at + marker.size());
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])) != 0) ++digits;
    if (digits == 0 || digits > 6) continue;
    const std::string_view noun = rest.substr(digits);
    if (noun != " shares" && noun != " share" && noun != " ordinary shares") continue;
    const long long n = std::stoll(std::string(rest.substr(0, digits)));
    if (n < 1) continue;
    return std::make_pair(std::string(figure.substr(0, at)), n);
  }
  return std::nullopt;
}

// "USD1 to RMB6.7335", "$1 = 6.5864 yuan", "1 USD = 7.25 CNY", "(US$1 = HK$7.8)".
struct RateText {
  QuotedFigure from;
  QuotedFigure to;
};
std::optional<RateText> stated_rate(std::string_view figure, const ParseOptions& options, bool rate_metric) {
  std::string t(figure);
  while (!t.empty() && (t.front() == '(' || t.front() == ' ')) t.erase(0, 1);
  while (!t.empty() && (t.back() == ')' || t.back() == ' ')) t.pop_back();
  for (std::string_view sep : {"=", ":", " to ", " equals ", " per "}) {
    const auto at = t.find(sep);
    if (at == std::string::npos) continue;
    if ((sep == " to " || sep == " per ") && !rate_metric) continue;
    auto a = parse_figure(std::string_view(t).substr(0, at), options);
    auto b = parse_figure(std::string_view(t).substr(at + sep.size()), options);
    if (!a || !b || !a->unit.is_money() || !b->unit.is_money() || !a->unit.currency || !b->unit.currency ||
        *a->unit.currency == *b->unit.currency || a->is_range() || b->is_range() || a->value.sign() <= 0)
      continue;
    if (sep == " per ") std::swap(a, b);  // "RMB7.1 per USD1": to per from
    return RateText{*a, *b};
  }
  return std::nullopt;
}

Readings divided(const Readings& r, const Decimal& n) {
  const Interval d = Interval::point(n);
  return Readings{divide(r.strict, d, -12), divide(r.rounded, d, -12), divide(r.truncated, d, -12)};
}

ClaimFigure read_parsed(ClaimFigure out, std::string_view figure, std::string_view quote, const ParseOptions& options) {
  auto parsed = parse_figure(figure, options);
  if (!parsed) {
    out.problem = parsed.error().message;
    return out;
  }
  if (parsed->qualifier == Qualifier::none && !parsed->is_range()) {
    if (auto verb = context_qualifier(figure, quote, options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin())) {
      const std::string& as = verb->second->value;
      auto hedged = parse_figure(as + " " + std::string(figure), options);
      if (hedged) {
        out.notes.push_back("'" + verb->first + "' before the figure in the quote: read as " + as + " " + std::string(figure));
        hedged->text = std::string(figure);
        parsed = std::move(hedged);
      }
    }
  }
  out.unit = parsed->unit;
  out.readings = readings_of(*parsed, options.tolerances);
  if (auto n = hedge_note(*parsed, options.tolerances)) out.notes.push_back(*n);
  if (hedge_of(parsed->qualifier) != Hedge::exact && hedge_of(parsed->qualifier) != Hedge::approximate) {
    out.threshold = threshold_readings(*parsed);
  }
  out.ends = range_ends(*parsed, options.tolerances);
  out.quoted = std::move(*parsed);
  return out;
}

}  // namespace

ClaimFigure read_claim_figure(std::string_view figure, std::string_view quote, std::string_view metric,
                              const ParseOptions& options, const VerbalTolerances& verbal) {
  ClaimFigure out;
  out.text = std::string(figure);
  const Lexicon& lexicon = options.lexicon != nullptr ? *options.lexicon : Lexicon::builtin();
  try {
    if (auto rate = stated_rate(figure, options, metric == "fx_rate")) {
      // A rate stated in the document: units of `to` per unit of `from`, known to its digits.
      const Readings to = readings_of(rate->to, options.tolerances);
      out.readings = rate->from.value == Decimal::from_integer(1) ? to : divided(to, rate->from.value);
      out.rate = StatedRate{*rate->from.unit.currency, *rate->to.unit.currency};
      out.unit = Unit::of(Dimension::number);
      out.notes.push_back(fmt::format("a stated exchange rate: {} per {}", rate->to.unit.currency->code(),
                                      rate->from.unit.currency->code()));
      return out;
    }
    if (auto per = per_n_shares(figure)) {
      ClaimFigure amount = read_parsed(out, per->first, quote, options);
      if (amount.readings && amount.unit.is_money() && amount.unit.per == Per::whole) {
        const Decimal n = Decimal::from_integer(per->second);
        amount.readings = divided(*amount.readings, n);
        if (amount.threshold) amount.threshold = divided(*amount.threshold, n);
        if (amount.ends) amount.ends = RangeEnds{divided(amount.ends->low, n), divided(amount.ends->high, n)};
        amount.unit.per = Per::share;
        amount.quoted.reset();
        amount.notes.push_back(fmt::format("'per {} shares': read as the amount per share, divided by {}", per->second,
                                           per->second));
        out = std::move(amount);
        return negate_if_fell(std::move(out), quote, metric, lexicon);
      }
    }
    ClaimFigure parsed = read_parsed(out, figure, quote, options);
    if (parsed.readings) return negate_if_fell(std::move(parsed), quote, metric, lexicon);
    if (auto v = read_verbal_figure(figure, metric, verbal, lexicon)) {
      out.readings = Readings::exact(v->values);
      out.unit = v->unit;
      out.notes.push_back(v->note);
      return negate_if_fell(std::move(out), quote, metric, lexicon);
    }
    out.problem = "figure '" + std::string(figure) + "' states no number (" + parsed.problem + ")";
  } catch (const DecimalOverflow& e) {
    out = ClaimFigure{};
    out.text = std::string(figure);
    out.problem = fmt::format("figure '{}' is beyond the 38-digit decimal range ({})", figure, e.what());
  }
  return out;
}

}  // namespace finmetrics
