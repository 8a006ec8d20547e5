#pragma once
// Helpers shared by the parse tests: read a figure that must parse, or the error
// of one that must not.

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/parse/parse_figure.hpp"

namespace finmetrics::test {

inline QuotedFigure read_figure(std::string_view text, const ParseOptions& options = {}) {
  auto r = parse_figure(text, options);
  INFO("figure: '" << std::string(text) << "'" << (r ? std::string() : " error: " + r.error().describe()));
  REQUIRE(r.has_value());
  return *r;
}

inline Error figure_error(std::string_view text, const ParseOptions& options = {}) {
  auto r = parse_figure(text, options);
  INFO("figure: '" << std::string(text) << "'");
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

/// coefficient x 10^exponent, compared digit for digit (the quantum matters).
inline bool same_decimal(const Decimal& d, long long coefficient, int exponent) {
  return d.coefficient() == Decimal::Coefficient(coefficient) && d.exponent() == exponent;
}

}  // namespace finmetrics::test
