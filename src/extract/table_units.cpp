#include "table_units.hpp"

#include <algorithm>

#include "finmetrics/extract/detail/text.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics::extract_detail {

namespace {

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// A line of white space only (a CR before its LF too): where a table ends.
bool blank_line(std::string_view line) {
  const std::string_view t = trim(line);
  return t.empty() || t == "\r";
}

// A scale word of the lexicon, singular or plural ("million", "millions", "lakh").
std::optional<std::string> scale_word(std::string_view w, const Lexicon& lexicon) {
  if (!lexicon.scale(w) && w.size() > 2 && w.back() == 's') w.remove_suffix(1);
  if (w.size() < 2 || !lexicon.scale(w)) return std::nullopt;
  return std::string(w);
}

// A marker that names a currency, whole (no minor unit, no coin): of the lexicon, or
// read by the grammar before a number (`US$`: a country prefix and the dollar sign).
// A bare `$` or `dollars` ("($ million)") names `dollar` (bare_dollar: the document decides).
std::optional<Currency> currency_of(std::string_view marker, const Lexicon& lexicon,
                                    std::optional<Currency> dollar = std::nullopt) {
  if (marker.empty()) return std::nullopt;
  if (const CurrencyMarker* m = lexicon.currency_marker(marker); m != nullptr) {
    if (!m->currency && m->divisor == 1 && !m->coin && m->family != 0 && m->family == lexicon.family("dollar")) {
      return dollar;  // "$", "dollars"
    }
    if (!m->currency || m->divisor != 1 || m->coin) return std::nullopt;
    return *m->currency;
  }
  ParseOptions options;
  options.lexicon = &lexicon;
  const Result<QuotedFigure> one = parse_figure(std::string(marker) + "1", options);
  if (!one || !one->unit.is_money() || one->currency_source != CurrencySource::explicit_ ||
      one->value != Decimal::from_integer(1) || one->span.end != marker.size() + 1) {
    return std::nullopt;
  }
  return *one->unit.currency;
}

// "₹ in crore", "HK$'000", "RMB million", "US$ in millions", "US$m", "(US$ m)", "Millions of yen",
// "in thousands of U.S. dollars": a marker that names a currency and a scale of the
// lexicon (or "'000", a thousand), and nothing else.
std::optional<std::pair<Currency, std::string>> unit_of(std::string_view inside, const Lexicon& lexicon,
                                                        std::optional<Currency> dollar) {
  // "(in millions of RMB, except percentages)", "(RMB million, except per share data)": what
  // the unit excepts keeps its own unit in its cells ("5%", "18.53").
  if (const std::size_t except = inside.find(", except "); except != std::string_view::npos) {
    inside = inside.substr(0, except);
  }
  // "(RMB million, unless specified)", "(US$m, unless otherwise stated)": the same
  if (const std::size_t unless = inside.find(", unless "); unless != std::string_view::npos) {
    inside = inside.substr(0, unless);
  }
  inside = trim(inside);
  if (inside.empty()) return std::nullopt;  // "()", "( )": nothing (the glued-scale loop below needs a byte)
  // "Millions of yen", "in thousands of U.S. dollars"
  {
    std::string_view rest = inside;
    if (rest.size() > 3 && (rest.substr(0, 3) == "in " || rest.substr(0, 3) == "In ")) rest = trim(rest.substr(3));
    const std::size_t of = rest.find(" of ");
    if (of != std::string_view::npos) {
      std::string word(rest.substr(0, of));
      for (char& c : word) c = to_lower(c);
      const auto scale = scale_word(word, lexicon);
      const auto currency = currency_of(trim(rest.substr(of + 4)), lexicon, dollar);
      if (scale && currency) return std::pair{*currency, *scale};
      return std::nullopt;
    }
  }
  // "US$m", "HK$bn", "£m": a scale glued to the marker
  for (std::size_t cut = inside.size() - 1; cut > 0 && inside.find_first_of(" \t'") == std::string_view::npos; --cut) {
    if (!lexicon.scale(inside.substr(cut))) continue;
    if (const auto currency = currency_of(inside.substr(0, cut), lexicon, dollar)) {
      return std::pair{*currency, "\x01" + std::string(inside.substr(cut))};  // glued: read glued
    }
  }
  std::string_view marker;
  std::string scale;
  const std::size_t apostrophe = inside.rfind('\'');
  if (inside.size() > 4 && inside.substr(inside.size() - 4) == "'000") {
    marker = trim(inside.substr(0, inside.size() - 4));
    scale = "thousand";
  } else if (apostrophe != std::string_view::npos && apostrophe > 0 &&
             inside.find_first_of(" \t") == std::string_view::npos) {
    // "RMB'Million", "RMB'million", "HK$'Mn": the scale after an apostrophe, as releases head their columns
    std::string word(inside.substr(apostrophe + 1));
    for (char& c : word) c = to_lower(c);
    const auto last = scale_word(word, lexicon);
    if (!last) return std::nullopt;
    scale = *last;
    marker = inside.substr(0, apostrophe);
  } else {
    const std::size_t space = inside.find_last_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view tail = inside.substr(space + 1);
    auto last = scale_word(tail, lexicon);  // "in millions"
    // "(US$ m)", "(€ m)": a one-letter scale of the lexicon, read glued as it is written
    // glued in the cells' own figures ("17,394m"); the grammar takes no spaced one.
    const bool letter = !last && tail.size() == 1 && lexicon.scale(tail);
    if (!last && !letter) return std::nullopt;
    scale = letter ? "\x01" + std::string(tail) : *last;
    marker = trim(inside.substr(0, space));
    if (marker.size() > 3 && marker.substr(marker.size() - 3) == " in") marker = trim(marker.substr(0, marker.size() - 3));
    if (marker.size() > 3 && (marker.substr(0, 3) == "in " || marker.substr(0, 3) == "In ")) marker = trim(marker.substr(3));
  }
  const auto currency = currency_of(marker, lexicon, dollar);
  if (!currency) return std::nullopt;
  return std::pair{*currency, std::move(scale)};
}

// The rows a header on the line ending at `line_end` governs: from the next line to the
// first blank one. A header row (`first_cell`) has the blank line a Markdown or HTML
// table's rule or row break decodes to after it; an HTML table's rows (`html`, cells
// apart by " ; ") each decode to a paragraph of their own and go on across blank lines.
std::pair<std::size_t, std::size_t> rows_under(std::string_view s, std::size_t line_end, bool first_cell, bool html) {
  std::size_t from = line_end + 1;
  if (first_cell && from < s.size()) {
    const std::size_t e = std::min(s.find('\n', from), s.size());
    if (e < s.size() && blank_line(s.substr(from, e - from))) from = e + 1;
  }
  std::size_t to = s.find("\n\n", from);
  // a blank line of white space ends the table too
  for (std::size_t p = from; p < s.size() && p < to;) {
    const std::size_t e = std::min(s.find('\n', p), s.size());
    if (trim(s.substr(p, e - p)).empty() || (e < s.size() && blank_line(s.substr(p, e - p)))) {
      to = p;
      break;
    }
    p = e + 1;
  }
  if (to == std::string_view::npos) to = s.size();
  if (first_cell && html) {
    while (to < s.size()) {
      std::size_t p = to;
      while (p < s.size() && (s[p] == '\n' || s[p] == '\r' || s[p] == ' ' || s[p] == '\t')) ++p;
      const std::size_t e = std::min(s.find('\n', p), s.size());
      if (p >= s.size() || s.substr(p, e - p).find(" ; ") == std::string_view::npos) break;
      to = e;
    }
  }
  return {std::min(from, s.size()), to};
}

// The bracketed headers: "(RMB million)", "(₹ in crore)".
std::vector<TableUnit> bracketed_table_units_of(std::string_view s, const Lexicon& lexicon) {
  std::vector<TableUnit> out;
  for (std::size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
    const std::size_t close = s.find(')', open);
    if (close == std::string_view::npos) break;
    if (close - open > 64 || s.substr(open, close - open).find('\n') != std::string_view::npos) continue;
    const std::string_view inside = s.substr(open + 1, close - open - 1);
    const auto unit = unit_of(inside, lexicon, bare_dollar);
    if (!unit) continue;
    const std::size_t line_end = s.find('\n', close);
    if (line_end == std::string_view::npos) break;
    // A header ends its line (a title before it; column years after it, `(HK$'000) 2024
    // 2023`): in running text ("the figures (in US$ millions) are unaudited") it is none.
    const std::string_view after = s.substr(close + 1, line_end - close - 1);
    // ... or it is the first cell of a table's header row, the columns' labels after it
    // ("| (RMB in millions) | 3Q2024 | 3Q2023 | YoY |", an HTML <th> row).
    const std::size_t line_start = s.rfind('\n', open) == std::string_view::npos ? 0 : s.rfind('\n', open) + 1;
    const std::string_view before = s.substr(line_start, open - line_start);
    const bool first_cell =
        std::all_of(before.begin(), before.end(), [](char c) { return c == ' ' || c == '\t' || c == '|'; });
    if (!first_cell && std::any_of(after.begin(), after.end(), [](char c) { return is_letter(c); })) continue;
    const auto [from, to] = rows_under(s, line_end, first_cell, after.find(" ; ") != std::string_view::npos);
    if (!out.empty() && out.back().to > open) out.back().to = open;  // the next header ends the last table
    const bool glued = unit->second.front() == '\x01';
    out.push_back(TableUnit{from, to, glued ? unit->second.substr(1) : unit->second, glued,
                            CurrencyEvidence{std::string(s.substr(open, close + 1 - open)), TextSpan{open, close + 1},
                                             unit->first}});
  }
  return out;
}

// A line of column headers that each name the same currency and scale and nothing else
// ("RMB million    RMB million", "RMB'Million  RMB'Million", "US$m  US$m", "HK$'000"):
// the cells are what runs of two or more spaces, or tabs, separate.
std::optional<std::pair<Currency, std::string>> unit_of_header_line(std::string_view line, const Lexicon& lexicon,
                                                                   std::optional<Currency> dollar) {
  std::optional<std::pair<Currency, std::string>> found;
  for (std::size_t p = 0; p < line.size();) {
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t' || line[p] == '\r')) ++p;
    if (p >= line.size()) break;
    std::size_t e = p;
    while (e < line.size() && line[e] != '\t' && line[e] != '\r' &&
           !(line[e] == ' ' && e + 1 < line.size() && (line[e + 1] == ' ' || line[e + 1] == '\t'))) {
      ++e;
    }
    const std::string_view cell = line.substr(p, e - p);
    if (cell.size() > 24) return std::nullopt;
    auto unit = unit_of(cell, lexicon, dollar);
    if (!unit || (found && *found != *unit)) return std::nullopt;
    found = std::move(unit);
    p = e;
  }
  return found;
}

}  // namespace

std::vector<TableUnit> table_units_of(std::string_view s, const Lexicon& lexicon) {
  std::vector<TableUnit> out = bracketed_table_units_of(s, lexicon);
  const std::size_t bracketed = out.size();
  for (std::size_t b = 0; b < s.size();) {
    const std::size_t line_end = s.find('\n', b);
    if (line_end == std::string_view::npos) break;
    const std::string_view line = s.substr(b, line_end - b);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line.size() >= 160) {
      b = line_end + 1;
      continue;
    }
    // Unbracketed header lines: a line of unit cells only, with a line under it; a cell
    // starts with a letter or a sign ("RMB", "US$", "£", "€"), never a digit.
    if (!is_digit(line[first]) && line[first] != '(' && line[first] != '|' && line.find('.') == std::string_view::npos) {
      if (auto unit = unit_of_header_line(line, lexicon, bare_dollar); unit) {
        const std::size_t from = line_end + 1;
        std::size_t to = from;
        // to the first line of white space (or the text's end)
        for (std::size_t p = from; p <= s.size();) {
          const std::size_t e = std::min(s.find('\n', p), s.size());
          if (p == s.size() || blank_line(s.substr(p, e - p))) {
            to = p;
            break;
          }
          p = e + 1;
          to = std::min(p, s.size());
        }
        const bool glued = unit->second.front() == '\x01';
        const std::size_t hb = b + first;
        std::size_t he = line_end;
        while (he > hb && (s[he - 1] == ' ' || s[he - 1] == '\t' || s[he - 1] == '\r')) --he;
        out.push_back(TableUnit{from, to, glued ? unit->second.substr(1) : unit->second, glued,
                                CurrencyEvidence{std::string(s.substr(hb, he - hb)), TextSpan{hb, he}, unit->first}});
        b = line_end + 1;
        continue;
      }
    }
    // The first cell of a table's header row, unbracketed: "| SEK million | Q3 2024 | Q3 2023 |"
    // (Markdown), "$m ; 1Q24 ; 1Q23" (an HTML <th> row as decoded).
    const bool markdown = line[first] == '|';
    const std::size_t html_cut = line.find(" ; ");
    if (markdown || html_cut != std::string_view::npos) {
      const std::size_t cb = markdown ? first + 1 : first;
      const std::size_t ce = markdown ? line.find('|', cb) : html_cut;
      if (ce != std::string_view::npos && ce > cb) {
        const std::string_view cell = trim(line.substr(cb, ce - cb));
        if (!cell.empty() && cell.front() != '(' && cell.size() <= 24) {
          if (auto unit = unit_of(cell, lexicon, bare_dollar); unit) {
            const auto [from, to] = rows_under(s, line_end, true, !markdown);
            const bool glued = unit->second.front() == '\x01';
            const std::size_t hb = b + static_cast<std::size_t>(cell.data() - line.data());
            out.push_back(TableUnit{from, to, glued ? unit->second.substr(1) : unit->second, glued,
                                    CurrencyEvidence{std::string(cell), TextSpan{hb, hb + cell.size()}, unit->first}});
          }
        }
      }
    }
    b = line_end + 1;
  }
  if (out.size() != bracketed) {
    std::sort(out.begin(), out.end(), [](const TableUnit& a, const TableUnit& b) { return a.from < b.from; });
    for (std::size_t k = 0; k + 1 < out.size(); ++k) out[k].to = std::min(out[k].to, out[k + 1].header.span.begin);
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
