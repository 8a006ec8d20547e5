#include "finmetrics/claims/verbal_figure.hpp"

#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

namespace finmetrics {

namespace {

Decimal dec(long long v, int e = 0) { return Decimal::from_parts(v, e); }

// Lower case, hyphens as spaces, single spaces.
std::string words(std::string_view s) {
  std::string out;
  for (char c : s) {
    const char l = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isspace(static_cast<unsigned char>(l)) != 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += l;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool take_prefix(std::string& s, std::string_view p) {
  if (s.size() > p.size() && s.compare(0, p.size(), p) == 0 && s[p.size()] == ' ') {
    s.erase(0, p.size() + 1);
    return true;
  }
  return false;
}

bool take_suffix(std::string& s, std::string_view p) {
  if (s.size() > p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0 && s[s.size() - p.size() - 1] == ' ') {
    s.erase(s.size() - p.size() - 1);
    return true;
  }
  return false;
}

// The multiple a word names (doubled: 2, halved: 0.5, fourfold: 4, unchanged: 1).
std::optional<Decimal> multiple_of_word(const std::string& w) {
  static constexpr std::array<std::pair<std::string_view, int>, 10> numbers{
      {{"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"twenty", 20}}};
  for (std::string_view x : {"doubled", "doubling", "double", "doubles", "twice"}) if (w == x) return dec(2);
  for (std::string_view x : {"tripled", "tripling", "triple", "triples", "trebled", "treble", "thrice"}) if (w == x) return dec(3);
  for (std::string_view x : {"quadrupled", "quadrupling", "quadruple", "quadruples"}) if (w == x) return dec(4);
  for (std::string_view x : {"quintupled", "quintupling"}) if (w == x) return dec(5);
  for (std::string_view x : {"halved", "halving", "halves"}) if (w == x) return dec(5, -1);
  // "fourfold", "four fold", "4 fold", "ten times" (the digit forms "4x" parse as figures).
  for (std::string_view suffix : {"fold", " fold", " times"}) {
    if (w.size() <= suffix.size() || w.compare(w.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const std::string n = w.substr(0, w.size() - suffix.size());
    for (const auto& [name, v] : numbers)
      if (n == name) return dec(v);
    if (!n.empty() && n.size() <= 3 && std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      return dec(std::stoll(n));
  }
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

// The fixed verbal sets (no multiple): digits-words and amounts.
std::optional<VerbalFigure> fixed_set(const std::string& w) {
  const Unit pct = Unit::of(Dimension::percent);
  if (w == "single digits" || w == "single digit") return VerbalFigure{Interval::closed_open(dec(0), dec(10)), pct, {}};
  if (w == "double digit" || w == "double digits") return VerbalFigure{Interval::closed_open(dec(10), dec(100)), pct, {}};
  if (w == "triple digit" || w == "triple digits") return VerbalFigure{Interval::closed_open(dec(100), dec(1000)), pct, {}};
  const bool dollars = w.find("dollar") != std::string::npos;
  const Unit amount = dollars ? Unit::money(Currency{{'U', 'S', 'D'}}) : Unit::of(Dimension::number);
  if (w == "billions" || w == "billions of dollars" || w == "multibillion" || w == "multibillion dollar" ||
      w == "multi billion" || w == "multi billion dollar")
    return VerbalFigure{Interval::closed_open(dec(1, 9), dec(1, 12)), amount, {}};
  if (w == "several billion" || w == "several billion dollars")
    return VerbalFigure{Interval::closed_open(dec(2, 9), dec(1, 10)), amount, {}};
  return std::nullopt;
}

}  // namespace

std::optional<VerbalFigure> read_verbal_figure(std::string_view figure, std::string_view metric, const VerbalTolerances& tol) {
  std::string w = words(figure);
  if (auto f = fixed_set(w)) {
    f->note = fmt::format("verbal figure '{}' read as {}{}", figure, f->values.to_string(),
                          f->unit.dimension == Dimension::percent ? " %" : "");
    return f;
  }
  // A share, not a change: "half", "less than half", "more than half".
  if (w == "half" || w == "about half" || w == "roughly half") {
    const Decimal h = dec(5, -1);
    const Interval i = Interval::closed(h - h * tol.multiple, h + h * tol.multiple);
    return VerbalFigure{i, Unit::of(Dimension::multiple),
                        fmt::format("verbal figure '{}' read as {} x: half within {} either side (VerbalTolerances::multiple = {})",
                                    figure, i.to_string(), percent(tol.multiple), trimmed(tol.multiple))};
  }
  if (w == "less than half" || w == "under half" || w == "below half")
    return VerbalFigure{Interval::less_than(dec(5, -1)), Unit::of(Dimension::multiple),
                        fmt::format("verbal figure '{}' read as (-inf, 0.5) x", figure)};
  if (w == "more than half" || w == "over half" || w == "above half")
    return VerbalFigure{Interval::greater_than(dec(5, -1)), Unit::of(Dimension::multiple),
                        fmt::format("verbal figure '{}' read as (0.5, +inf) x", figure)};

  enum class Modifier { none, nearly, more, at_least, less };
  Modifier mod = Modifier::none;
  for (std::string_view p : {"nearly", "almost", "near", "close to", "just under", "just short of"})
    if (mod == Modifier::none && take_prefix(w, p)) mod = Modifier::nearly;
  for (std::string_view p : {"more than", "over", "above", "in excess of", "upwards of"})
    if (mod == Modifier::none && take_prefix(w, p)) mod = Modifier::more;
  for (std::string_view p : {"at least", "no less than"})
    if (mod == Modifier::none && take_prefix(w, p)) mod = Modifier::at_least;
  for (std::string_view p : {"less than", "under", "below"})
    if (mod == Modifier::none && take_prefix(w, p)) mod = Modifier::less;
  if (mod == Modifier::none)
    for (std::string_view p : {"about", "around", "roughly", "some", "approximately"}) take_prefix(w, p);
  for (std::string_view s : {"increase", "rise", "jump", "gain", "growth", "increases", "rises", "over"}) take_suffix(w, s);

  const bool unchanged = w == "unchanged" || w == "flat" || w == "little changed";
  std::optional<Decimal> m = unchanged ? std::optional<Decimal>(dec(1)) : multiple_of_word(w);
  if (!m) return std::nullopt;
  if (unchanged && mod != Modifier::none) return std::nullopt;

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
