#include "finmetrics/claims/verbal_figure.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/lexicon/cue_interval.hpp"
#include "finmetrics/parse/qualifier.hpp"

// Every word here is the lexicon's (data/lexicon): the hedges of qualifiers.csv, the
// multiples of numbers.csv and of the `multiple_verb` / `verbal_multiple` cues, the
// `digit_rule` and `vague_magnitude` forms the extractor reads too, the `no_change`
// words, the `direction` / `growth` nouns after a multiple, and the currency words.

namespace finmetrics {

namespace {

Decimal dec(long long v, int e = 0) { return Decimal::from_parts(v, e); }

// Lower-case words; hyphens separate words as spaces do.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '-' || std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string joined(const std::vector<std::string>& w, std::size_t from = 0, std::size_t to = std::string::npos) {
  std::string out;
  for (std::size_t i = from; i < std::min(to, w.size()); ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

// The cue of the words in `category`, joined by spaces or by hyphens ("double digit",
// "double-digit"; the lexicon's look-up takes a phrase as written).
const Cue* cue_of(const std::vector<std::string>& w, std::string_view category, const Lexicon& lexicon) {
  const std::string spaced = joined(w);
  if (const Cue* c = lexicon.cue(spaced, category)) return c;
  std::string hyphened = spaced;
  std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
  return lexicon.cue(hyphened, category);
}

std::optional<Decimal> decimal_of(std::string_view text) {
  auto d = Decimal::parse(text);
  return d ? std::optional<Decimal>(*d) : std::nullopt;
}

// The multiple one or two words name: doubled (2), halved (0.5), fourfold (4), "four
// fold", "ten times", "4 fold" (the digit forms "4x" parse as figures).
std::optional<Decimal> multiple_of(const std::vector<std::string>& w, const Lexicon& lexicon) {
  if (w.size() == 1) {
    for (std::string_view category : {"multiple_verb", "verbal_multiple"})
      if (const Cue* c = lexicon.cue(w[0], category)) return decimal_of(c->value);
    if (const NumberWord* n = lexicon.number_word(w[0]); n != nullptr && n->kind == NumberWord::Kind::multiple)
      return Decimal::from_integer(n->value);
    return std::nullopt;
  }
  if (w.size() != 2) return std::nullopt;
  const Cue* unit = lexicon.cue(w[1], "unit_word");
  if ((unit == nullptr || unit->value != "multiple") && lexicon.cue(w[1], "verbal_times") == nullptr) return std::nullopt;
  if (const NumberWord* n = lexicon.number_word(w[0]);
      n != nullptr && (n->kind == NumberWord::Kind::cardinal || n->kind == NumberWord::Kind::tens))
    return Decimal::from_integer(n->value);
  if (!w[0].empty() && w[0].size() <= 3 &&
      std::all_of(w[0].begin(), w[0].end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return Decimal::from_integer(std::stoll(w[0]));
  return std::nullopt;
}

bool names_change(std::string_view metric) {
  const auto ends = [&](std::string_view suffix) {
    return metric.size() >= suffix.size() && metric.substr(metric.size() - suffix.size()) == suffix;
  };
  return ends("_change") || ends("_growth");
}

std::string trimmed(const Decimal& d) { return d.trimmed().to_string(); }
std::string percent(const Decimal& fraction) { return trimmed(fraction * Decimal::from_integer(100)) + "%"; }

// The currency a trailing word names ("billions of dollars", "several billion euros"):
// removed from `w`; nullopt when the last word names none.
std::optional<Currency> take_currency(std::vector<std::string>& w, const Lexicon& lexicon) {
  if (w.size() < 2) return std::nullopt;
  const CurrencyMarker* m = lexicon.currency_marker_after_number(w.back());
  if (m == nullptr || m->country || m->divisor != 1) return std::nullopt;
  const std::optional<Currency> c = m->currency ? m->currency : lexicon.family_default(m->family);
  if (!c) return std::nullopt;
  w.pop_back();
  if (w.size() > 1 && w.back() == "of") w.pop_back();
  return c;
}

// The word forms with an interval of their own (`digit_rule`: % ; `vague_magnitude`).
std::optional<VerbalFigure> fixed_set(std::vector<std::string> w, const Lexicon& lexicon) {
  const Cue* digits = cue_of(w, "digit_rule", lexicon);
  if (digits != nullptr) {
    if (auto i = cue_interval(digits->value)) return VerbalFigure{*i, Unit::of(Dimension::percent), {}};
  }
  const std::optional<Currency> currency = take_currency(w, lexicon);
  const Cue* vague = cue_of(w, "vague_magnitude", lexicon);
  if (vague == nullptr) return std::nullopt;
  auto i = cue_interval(vague->value);
  if (!i) return std::nullopt;
  return VerbalFigure{*i, currency ? Unit::money(*currency) : Unit::of(Dimension::number), {}};
}

enum class Modifier { none, nearly, more, at_least, less };

// A hedge before the words (qualifiers.csv, longest first), removed from `w`.
Modifier take_modifier(std::vector<std::string>& w, const Lexicon& lexicon) {
  const std::size_t most = std::min<std::size_t>(static_cast<std::size_t>(lexicon.max_qualifier_words()), w.size() - 1);
  for (std::size_t n = most; n >= 1; --n) {
    const std::optional<Qualifier> q = lexicon.qualifier(joined(w, 0, n));
    if (!q) continue;
    Modifier m = Modifier::none;
    switch (hedge_of(*q)) {
      case Hedge::exact:
      case Hedge::approximate: m = Modifier::none; break;
      case Hedge::just_below: m = Modifier::nearly; break;
      case Hedge::above: m = Modifier::more; break;
      case Hedge::at_least: m = Modifier::at_least; break;
      case Hedge::below: m = Modifier::less; break;
      case Hedge::just_above:
      case Hedge::at_most: return Modifier::none;  // not read: the words stay and match nothing
    }
    w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(n));
    return m;
  }
  return Modifier::none;
}

}  // namespace

std::optional<VerbalFigure> read_verbal_figure(std::string_view figure, std::string_view metric, const VerbalTolerances& tol,
                                               const Lexicon& lexicon) {
  std::vector<std::string> w = words_of(figure);
  if (w.empty()) return std::nullopt;
  if (auto f = fixed_set(w, lexicon)) {
    f->note = fmt::format("verbal figure '{}' read as {}{}", figure, f->values.to_string(),
                          f->unit.dimension == Dimension::percent ? " %" : "");
    return f;
  }
  const std::size_t before = w.size();
  const Modifier mod = take_modifier(w, lexicon);
  const bool hedged = w.size() < before;
  // "a threefold increase", "a half": the article goes.
  if (const NumberWord* a = w.size() > 1 ? lexicon.number_word(w[0]) : nullptr;
      a != nullptr && a->kind == NumberWord::Kind::article)
    w.erase(w.begin());
  if (w.empty()) return std::nullopt;

  // A share, not a change: "half", "about half", "less than half", "more than half".
  if (w.size() == 1) {
    const NumberWord* n = lexicon.number_word(w[0]);
    if (n != nullptr && n->kind == NumberWord::Kind::fraction && n->value == 1 && n->denominator == 2) {
      const Decimal h = dec(5, -1);
      switch (mod) {
        case Modifier::none: {
          const Interval i = Interval::closed(h - h * tol.multiple, h + h * tol.multiple);
          return VerbalFigure{i, Unit::of(Dimension::multiple),
                              fmt::format("verbal figure '{}' read as {} x: half within {} either side "
                                          "(VerbalTolerances::multiple = {})",
                                          figure, i.to_string(), percent(tol.multiple), trimmed(tol.multiple))};
        }
        case Modifier::less:
          return VerbalFigure{Interval::less_than(h), Unit::of(Dimension::multiple),
                              fmt::format("verbal figure '{}' read as (-inf, 0.5) x", figure)};
        case Modifier::more:
          return VerbalFigure{Interval::greater_than(h), Unit::of(Dimension::multiple),
                              fmt::format("verbal figure '{}' read as (0.5, +inf) x", figure)};
        case Modifier::nearly:
        case Modifier::at_least: return std::nullopt;
      }
    }
  }
  // "a fourfold increase", "a threefold rise": the noun of the change goes.
  if (w.size() > 1) {
    const Cue* up = lexicon.cue(w.back(), "direction");
    if ((up != nullptr && up->value == "up") || lexicon.cue(w.back(), "growth") != nullptr) w.pop_back();
  }

  const bool unchanged = cue_of(w, "no_change", lexicon) != nullptr;
  std::optional<Decimal> m = unchanged ? std::optional<Decimal>(dec(1)) : multiple_of(w, lexicon);
  if (!m) return std::nullopt;
  if (unchanged && hedged) return std::nullopt;

  const Decimal one = dec(1);
  const bool fall = *m < one;
  Interval values = Interval::point(*m);
  std::string why;
  if (unchanged) {
    values = Interval::closed(one - tol.unchanged, one + tol.unchanged);
    why = fmt::format("no change within {} either side (VerbalTolerances::unchanged = {})", percent(tol.unchanged),
                      trimmed(tol.unchanged));
  } else {
    switch (mod) {
      case Modifier::none:
        values = Interval::closed(*m - *m * tol.multiple, *m + *m * tol.multiple);
        why = fmt::format("{}x within {} either side (VerbalTolerances::multiple = {})", trimmed(*m), percent(tol.multiple),
                          trimmed(tol.multiple));
        break;
      case Modifier::nearly:
        values = fall ? Interval::open_closed(*m, *m + *m * tol.nearly) : Interval::closed_open(*m - *m * tol.nearly, *m);
        why = fmt::format("short of {}x by at most {} of it (VerbalTolerances::nearly = {})", trimmed(*m), percent(tol.nearly),
                          trimmed(tol.nearly));
        break;
      // For a fall ("more than halved") "more" goes further down.
      case Modifier::more:
        values = fall ? Interval::less_than(*m) : Interval::greater_than(*m);
        why = fmt::format("beyond {}x, a bound", trimmed(*m));
        break;
      case Modifier::at_least:
        values = fall ? Interval::at_most(*m) : Interval::at_least(*m);
        why = fmt::format("at least {}x, a bound", trimmed(*m));
        break;
      case Modifier::less:
        values = fall ? Interval::greater_than(*m) : Interval::less_than(*m);
        why = fmt::format("short of {}x, a bound", trimmed(*m));
        break;
    }
  }
  Unit unit = Unit::of(Dimension::multiple);
  std::string as = values.to_string() + " x";
  if (names_change(metric)) {
    // A change in percent: (multiple - 1) x 100.
    const Interval hundred = Interval::point(dec(100));
    values = (values - Interval::point(one)) * hundred;
    unit = Unit::of(Dimension::percent);
    as = values.to_string() + " % (a change: (multiple - 1) x 100)";
  }
  return VerbalFigure{values, unit, fmt::format("verbal figure '{}' read as {}: {}", figure, as, why)};
}

}  // namespace finmetrics
