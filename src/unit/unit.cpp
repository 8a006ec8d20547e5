#include "finmetrics/unit/unit.hpp"

#include <string>

namespace finmetrics {

std::string Unit::to_string() const {
  switch (dimension) {
    case Dimension::number: return {};
    case Dimension::money: {
      // A money unit without its currency breaks the invariant; say so rather than guess.
      std::string out = currency ? std::string(currency->code()) : std::string("(no currency)");
      if (per == Per::share) out += " per share";
      if (per == Per::ads) out += " per ADS";
      return out;
    }
    case Dimension::percent: return "%";
    case Dimension::percentage_points: return "pp";
    case Dimension::basis_points: return "bp";
    case Dimension::multiple: return "x";
    case Dimension::count: return noun;
  }
  return {};
}

std::string_view to_string(Dimension d) noexcept {
  switch (d) {
    case Dimension::number: return "number";
    case Dimension::money: return "money";
    case Dimension::percent: return "percent";
    case Dimension::percentage_points: return "percentage_points";
    case Dimension::basis_points: return "basis_points";
    case Dimension::multiple: return "multiple";
    case Dimension::count: return "count";
  }
  return "?";
}

std::string_view to_string(Per p) noexcept {
  switch (p) {
    case Per::whole: return "whole";
    case Per::share: return "share";
    case Per::ads: return "ads";
  }
  return "?";
}

}  // namespace finmetrics
