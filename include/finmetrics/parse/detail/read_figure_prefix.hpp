#pragma once
// The parser of src/parse/figure_parser.hpp in prefix mode, for read_figure_at: not public API.

#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

namespace finmetrics::parse_detail {

/// The longest figure at the start of `text` (running text may follow it), by
/// the grammar of `parse_figure`. `ranges` says which range separators end the
/// figure instead (`between ... and ...` and `from ... to ...` are still read).
/// Positions are offsets into `text`.
[[nodiscard]] Result<QuotedFigure> read_figure_prefix(std::string_view text, const ParseOptions& options,
                                                       RangeReading ranges);

}  // namespace finmetrics::parse_detail
