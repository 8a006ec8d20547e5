#include "finmetrics/lexicon/cue_interval.hpp"

#include <fmt/format.h>

namespace finmetrics {

Result<Interval> cue_interval(std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    return unexpected(make_error(Errc::syntax, fmt::format("expected 'low..high', found '{}'", value), value));
  }
  auto low = Decimal::parse(value.substr(0, dots));
  auto high = Decimal::parse(value.substr(dots + 2));
  if (!low || !high) {
    return unexpected(make_error(Errc::syntax, fmt::format("'{}' is not 'low..high' (two decimals)", value), value));
  }
  if (!(*low < *high)) {
    return unexpected(make_error(Errc::syntax, fmt::format("'{}': low must be below high", value), value));
  }
  return Interval::closed_open(*low, *high);
}

}  // namespace finmetrics
