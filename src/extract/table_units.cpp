#include "table_units.hpp"

#include <algorithm>

#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

namespace {

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// "₹ in crore", "HK$'000", "RMB million", "US$ in millions": a marker that names a
// currency, an optional "in", then a scale of the lexicon (or "'000", a thousand).
std::optional<std::pair<Currency, std::string>> unit_of(std::string_view inside, const Lexicon& lexicon) {
  inside = trim(inside);
  std::string_view marker;
  std::string scale;
  if (inside.size() > 4 && inside.substr(inside.size() - 4) == "'000") {
    marker = trim(inside.substr(0, inside.size() - 4));
    scale = "thousand";
  } else {
    const std::size_t space = inside.find_last_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;
    std::string_view last = inside.substr(space + 1);
    if (!lexicon.scale(last) && last.size() > 2 && last.back() == 's') last.remove_suffix(1);  // "in millions"
    if (!lexicon.scale(last) || last.size() < 2) return std::nullopt;
    scale = std::string(last);
    marker = trim(inside.substr(0, space));
    if (marker.size() > 3 && marker.substr(marker.size() - 3) == " in") marker = trim(marker.substr(0, marker.size() - 3));
  }
  if (marker.empty()) return std::nullopt;
  const CurrencyMarker* m = lexicon.currency_marker(marker);
  if (m == nullptr || !m->currency || m->divisor != 1 || m->coin) return std::nullopt;
  return std::pair{*m->currency, std::move(scale)};
}

}  // namespace

std::vector<TableUnit> table_units_of(std::string_view s, const Lexicon& lexicon) {
  std::vector<TableUnit> out;
  for (std::size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
    const std::size_t close = s.find(')', open);
    if (close == std::string_view::npos) break;
    if (close - open > 40 || s.substr(open, close - open).find('\n') != std::string_view::npos) continue;
    const auto unit = unit_of(s.substr(open + 1, close - open - 1), lexicon);
    if (!unit) continue;
    const std::size_t line_end = s.find('\n', close);
    if (line_end == std::string_view::npos) break;
    const std::size_t from = line_end + 1;
    std::size_t to = s.find("\n\n", from);
    // a blank line of white space ends the table too
    for (std::size_t p = from; p < s.size() && p < to;) {
      const std::size_t e = std::min(s.find('\n', p), s.size());
      if (trim(s.substr(p, e - p)).empty() || (e < s.size() && trim(s.substr(p, e - p)) == "\r")) {
        to = p;
        break;
      }
      p = e + 1;
    }
    if (to == std::string_view::npos) to = s.size();
    if (!out.empty() && out.back().to > open) out.back().to = open;  // the next header ends the last table
    out.push_back(TableUnit{from, to, unit->second,
                            CurrencyEvidence{std::string(s.substr(open, close + 1 - open)), TextSpan{open, close + 1},
                                             unit->first}});
  }
  return out;
}

const TableUnit* table_unit_at(const std::vector<TableUnit>& units, std::size_t p) {
  const auto it = std::upper_bound(units.begin(), units.end(), p, [](std::size_t v, const TableUnit& u) { return v < u.from; });
  if (it == units.begin()) return nullptr;
  const TableUnit& u = *(it - 1);
  return p >= u.from && p < u.to ? &u : nullptr;
}

}  // namespace finmetrics::extract_detail
