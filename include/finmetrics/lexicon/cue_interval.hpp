#pragma once
/// \file
/// The values a word form of the lexicon allows (`billions`, `double-digit`),
/// written in the `value` of its cue (data/lexicon/cues.csv) as `low..high`.

#include <string_view>

#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/error.hpp"

namespace finmetrics {

/// `low..high` read as the half-open [low, high), each end a decimal as
/// `Decimal::parse` reads it: `1e9..1e12` (`billions`), `10..100` (`double-digit`,
/// in per cent). A `syntax` error when the text is not two decimals with low
/// below high.
[[nodiscard]] Result<Interval> cue_interval(std::string_view value);

}  // namespace finmetrics
