#pragma once
/// \file
/// `Operand`: one input of a relation (a claim's figure, a reported figure, a
/// price, a rate), with its readings and where it comes from.

#include <optional>
#include <string>
#include <vector>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/models/readings.hpp"
#include "finmetrics/models/verdict.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// An input of a relation.
struct Operand {
  std::string label;   ///< "A18 Rmb81bn", "XYZ close 2024-12-31"
  Readings readings;   ///< strict, rounded, truncated (the checker uses strict and rounded)
  Unit unit;           ///< for printing
  std::string source;  ///< "claim A18 (001_...txt, line 19)", "data/<issuer>/market.csv line 10"
  /// How the readings were obtained, one line each, with every tolerance used
  /// ("'nearly' reaches 5% below 60 (HedgeTolerances::just_below = 0.05)"):
  /// printed in the arithmetic of every finding that uses the operand.
  std::vector<std::string> notes{};
  /// The ends of a range figure, for checks end to end (`RangeEnds`).
  std::optional<RangeEnds> ends{};

  /// Exact data (a published price, fixing or share count): the point three times.
  [[nodiscard]] static Operand exact(std::string label, const Decimal& value, Unit unit, std::string source) {
    return Operand{std::move(label), Readings::point(value), std::move(unit), std::move(source)};
  }
  /// A reported figure known to its stated digits (26.5 bn): `Readings::stated`.
  [[nodiscard]] static Operand stated(std::string label, const Decimal& value, Unit unit, std::string source) {
    return Operand{std::move(label), Readings::stated(value), std::move(unit), std::move(source)};
  }
  /// The result of another computation (a market cap used in a difference).
  [[nodiscard]] static Operand computed(std::string label, const Computed& c, Unit unit, std::string source) {
    return Operand{std::move(label), Readings{c.strict, c.rounded, c.rounded}, std::move(unit), std::move(source)};
  }
  /// Whether all readings are one point (exact data).
  [[nodiscard]] bool is_exact() const { return readings.strict.is_point() && readings.rounded == readings.strict; }
};

}  // namespace finmetrics
