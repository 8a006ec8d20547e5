#include "finmetrics/parse/qualifier.hpp"

namespace finmetrics {

std::string_view to_string(Qualifier q) noexcept {
  switch (q) {
    case Qualifier::none: return "";
    case Qualifier::about: return "about";
    case Qualifier::around: return "around";
    case Qualifier::roughly: return "roughly";
    case Qualifier::approximately: return "approximately";
    case Qualifier::some: return "some";
    case Qualifier::circa: return "circa";
    case Qualifier::close_to: return "close to";
    case Qualifier::nearly: return "nearly";
    case Qualifier::almost: return "almost";
    case Qualifier::just_under: return "just under";
    case Qualifier::just_over: return "just over";
    case Qualifier::more_than: return "more than";
    case Qualifier::over: return "over";
    case Qualifier::north_of: return "north of";
    case Qualifier::above: return "above";
    case Qualifier::in_excess_of: return "in excess of";
    case Qualifier::upwards_of: return "upwards of";
    case Qualifier::at_least: return "at least";
    case Qualifier::no_less_than: return "no less than";
    case Qualifier::less_than: return "less than";
    case Qualifier::fewer_than: return "fewer than";
    case Qualifier::under: return "under";
    case Qualifier::below: return "below";
    case Qualifier::up_to: return "up to";
    case Qualifier::at_most: return "at most";
    case Qualifier::no_more_than: return "no more than";
  }
  return "?";
}

std::string_view to_string(Hedge h) noexcept {
  switch (h) {
    case Hedge::exact: return "exact";
    case Hedge::approximate: return "approximate";
    case Hedge::just_below: return "just_below";
    case Hedge::just_above: return "just_above";
    case Hedge::above: return "above";
    case Hedge::at_least: return "at_least";
    case Hedge::below: return "below";
    case Hedge::at_most: return "at_most";
  }
  return "?";
}

}  // namespace finmetrics
