#pragma once
// Every field of a parse_figure result as one line, for the differential tests that
// hold two readers of figures to the same result (the front path, FigureReader).

#include <string>

#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/error.hpp"

namespace finmetrics::test {

inline std::string span_text(const TextSpan& s) { return std::to_string(s.begin) + "," + std::to_string(s.end); }
inline std::string exact_text(const Decimal& d) { return d.to_string() + "e" + std::to_string(d.exponent()); }

inline std::string figure_fields(const Result<QuotedFigure>& r);

/// The stated equivalents of a reading ("Rmb81bn ($11bn)"), each with every field.
inline std::string equivalent_fields(const QuotedFigure& f) {
  std::string out;
  for (const QuotedFigure& e : f.equivalents) out += " | equivalent { " + figure_fields(e) + " }";
  return out;
}

/// Every field of a reading, the quantum of each Decimal included; an error's code,
/// position, message and input.
inline std::string figure_fields(const Result<QuotedFigure>& r) {
  if (!r) {
    const Error& e = r.error();
    return "error " + std::to_string(static_cast<int>(e.code)) + " at " + std::to_string(e.position) + ": " + e.message +
           " | input " + e.input;
  }
  const QuotedFigure& f = *r;
  return f.text + " | " + span_text(f.span) + " | " + exact_text(f.value) + " | " + exact_text(f.number) + " | " +
         std::to_string(f.scale.exponent) + std::string(f.scale.symbol) + " | " + f.unit.to_string() + " | " +
         std::to_string(static_cast<int>(f.unit.dimension)) + " | " + std::to_string(static_cast<int>(f.qualifier)) + " | " +
         (f.upper ? exact_text(*f.upper) : "-") + " | " + exact_text(f.tolerances.approximate) + " " +
         exact_text(f.tolerances.just_below) + " " + exact_text(f.tolerances.just_above) + " | " +
         std::string(to_string(f.currency_source)) + " | " + f.currency_marker + " | " + span_text(f.currency_span) + " | " +
         f.currency_family + " | " + span_text(f.qualifier_span) + equivalent_fields(f);
}

}  // namespace finmetrics::test
